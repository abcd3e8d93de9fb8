"""Which words state each part of a meeting: the evidence of every participant,
the place and every topic is the span that names it (the participant's own
mention, the topic's own words), not the sentence of the meeting word, so that
every source a reader is shown contains what it is cited for.

A part is looked up, in this order, in the meeting's own sentences (the meeting
word's sentence first, a name before a reference such as "ministern"), then in
the sentences of the tour that announced it ("extract.meetings.tour"), then in
what filling recorded for it (:attr:`MeetingDraft.why`: an attendance list, a
"Plats:" line, the rule that inferred it), and for the place in the meeting it
shares its place with ("extract.meetings.same_place"). A part none of these
backs cites the meeting word's sentence under ``extract.meetings.unstated``
with a lower confidence (:data:`kgraph.vocab.INFERRED_RULES`).

Each draft's sentences are read once (:class:`PartSources`): a meeting of a
long text may have thousands of sentences and as many parts.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ....models import Mention, Provenance
from ....text import Sentence
from ....vocab import INFERRED_CONFIDENCE
from ...state import REFERENCE_RULES, DocState
from .draft import MeetingDraft

MEETING_CONFIDENCE = 0.7  # a part the meeting's own sentences name
RELAYED_CONFIDENCE = 0.6  # a part named where the tour or the shared place is


class _Named(NamedTuple):
    """What one draft's sentences name: per key the first mention (the first sentence that names
    it; there a name before a reference), per topic the first words that name it as discussed."""

    mentions: dict[str, Mention]
    topics: dict[str, tuple[int, int]]


def _sentences(st: DocState, mt: MeetingDraft) -> list[Sentence]:
    """The meeting's sentences, the meeting word's first."""
    first = st.sentence_at(mt.trigger[0])
    if first is None:
        return list(mt.sentences)
    return [first, *(s for s in mt.sentences if s.start != first.start)]


def _named(st: DocState, mt: MeetingDraft) -> _Named:
    """One pass over the draft's sentences (a draft may hold thousands; it has as many parts)."""
    found: dict[str, tuple[int, Mention, bool]] = {}
    topics: dict[str, tuple[int, int]] = {}
    for i, sent in enumerate(_sentences(st, mt)):
        for m in st.mentions_in(sent.start, sent.end):
            name = m.prov.rule not in REFERENCE_RULES
            had = found.get(m.key)
            if had is None or (had[0] == i and name and not had[2]):
                found[m.key] = (i, m, name)
        for j, h in st.topic_hits_in(sent.start, sent.end):
            if j not in st.domain_topics:
                topics.setdefault(h.concept.id, (h.start, h.end))
    return _Named({k: m for k, (_, m, _) in found.items()}, topics)


class PartSources:
    """The provenance of each part of the meetings of one document (see the module's docstring)."""

    def __init__(self, st: DocState) -> None:
        self.st = st
        self._named: dict[int, _Named] = {}

    def named(self, mt: MeetingDraft) -> _Named:
        got = self._named.get(id(mt))
        if got is None:
            got = self._named[id(mt)] = _named(self.st, mt)
        return got

    def _chain(self, mt: MeetingDraft, rule: str) -> Iterator[tuple[_Named, str, float]]:
        """The meeting, then the tours that announced it, each with the rule its sentences back a part by."""
        yield self.named(mt), rule, MEETING_CONFIDENCE
        seen = {id(mt)}
        d = mt.announced_by
        while d is not None and id(d) not in seen:
            seen.add(id(d))
            yield self.named(d), "extract.meetings.tour", RELAYED_CONFIDENCE
            d = d.announced_by

    def participant(self, mt: MeetingDraft, key: str, rule: str) -> Provenance:
        """The span that names participant ``key`` of the meeting."""
        st = self.st
        for named, r, conf in self._chain(mt, rule):
            m = named.mentions.get(key)
            if m is not None:
                return st.prov(m.prov.span.start, m.prov.span.end, r, conf)
        if key in mt.why:
            return mt.why[key]
        if key == mt.location:
            return self.location(mt, rule)
        return unstated(st, mt)

    def location(self, mt: MeetingDraft, rule: str) -> Provenance:
        """The span that names the meeting's place (or the place of the meeting it shares it with)."""
        st = self.st
        place = mt.location
        seen: set[int] = set()
        d: MeetingDraft | None = mt
        conf = MEETING_CONFIDENCE
        while place and d is not None and d.location == place and id(d) not in seen:
            seen.add(id(d))
            m = self.named(d).mentions.get(place)
            if m is not None:
                return st.prov(m.prov.span.start, m.prov.span.end, rule, conf)
            if place in d.why:
                return d.why[place]
            d, rule, conf = d.same_place_as, "extract.meetings.same_place", RELAYED_CONFIDENCE
        return unstated(st, mt)

    def topic(self, mt: MeetingDraft, tid: str, rule: str) -> Provenance:
        """The words that name topic ``tid`` in the meeting's sentences (or its tour's)."""
        for named, r, conf in self._chain(mt, rule):
            hit = named.topics.get(tid)
            if hit is not None:
                return self.st.prov(hit[0], hit[1], r, conf)
        return mt.why.get(f"topic/{tid}") or unstated(self.st, mt)


def unstated(st: DocState, mt: MeetingDraft) -> Provenance:
    """The meeting word's sentence, for a part no span names."""
    sent = st.sentence_at(mt.trigger[0])
    s, e = (sent.start, sent.end) if sent else mt.trigger
    return st.prov(s, e, "extract.meetings.unstated", INFERRED_CONFIDENCE)
