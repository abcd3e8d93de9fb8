"""Topics: concepts of the topic scheme named in the text, outside entity
names; sector words not presented as discussed, and masthead or contents
lines, are marked as no meeting's topic.

Reads ``doc``, ``ref``, ``mentions``; writes ``topic_hits``, ``domain_topics``, ``topics``.
"""
from __future__ import annotations

from ...models import Mention
from ..state import DocState
from ..step import Step
from ..topics import domain_hits, find_topics, masthead_hits


def _topics(st: DocState) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    taken = [(m.prov.span.start, m.prov.span.end) for m in st.mentions]
    for h in st.topic_hits:
        if any(a <= h.start < b for a, b in taken):
            continue
        out.setdefault(h.concept.id, []).append(
            Mention(text=h.text, kind="Topic", key=f"topic/{h.concept.id}",
                    prov=st.prov(h.start, h.end, "extract.topics.scheme", 0.8)))
    return out


def run(st: DocState) -> None:
    text = st.doc.text
    st.topic_hits = find_topics(text, st.ref)
    st.domain_topics = domain_hits(text, st.topic_hits) | masthead_hits(text, st.topic_hits)
    st.topics = _topics(st)


STEP = Step("topics", run, reads=("doc", "ref", "mentions"), writes=("topic_hits", "domain_topics", "topics"))
