"""Unlisted organisations: names the reference tables do not hold, read from
their shape ("Föreningen X", "... -rådet", "X AB") and the abbreviations a
text defines for them and uses again ("KIS").

Reads ``doc``, ``mentions``; writes ``mentions``, ``info``.
"""
from __future__ import annotations

import re

from ...models import Mention
from ..orgs import abbreviation_after, find_pattern_orgs
from ..state import ORG_CLASSES, DocState
from ..step import Step
from .reference_names import settle


def _pattern_entities(st: DocState, taken: list[Mention]) -> list[Mention]:
    spans = [(m.prov.span.start, m.prov.span.end) for m in taken]
    out = []
    for po in find_pattern_orgs(st.doc.text, spans):
        m = Mention(text=po.name, kind=po.cls, key=po.key, prov=st.prov(po.start, po.end, "extract.org_pattern", 0.7))
        out.append(m)
        if po.abbr and po.abbr_span:
            out.append(Mention(text=po.abbr, kind=po.cls, key=po.key,
                               prov=st.prov(po.abbr_span[0], po.abbr_span[1], "extract.abbreviation", 0.8)))
    return out


def _abbreviation_uses(st: DocState) -> list[Mention]:
    """Abbreviations a document defines, used again later on ("KIS kommer att ...")."""
    out = []
    text = st.doc.text
    defined: dict[str, Mention] = {}
    for m in st.mentions:
        if m.kind in ORG_CLASSES and m.kind != "PoliticalParty" and " " in m.text:
            ab = abbreviation_after(text, m.prov.span.end)
            if ab and ab[0] not in defined:
                defined[ab[0]] = m
    for abbr, m in defined.items():
        for hit in re.finditer(r"(?<![\w@.])" + re.escape(abbr) + r"(?![\w@])", text):
            if any(x.prov.span.start <= hit.start() < x.prov.span.end for x in st.mentions):
                continue
            out.append(Mention(text=abbr, kind=m.kind, key=m.key,
                               prov=st.prov(hit.start(), hit.end(), "extract.abbreviation", 0.8)))
    return out


def run(st: DocState) -> None:
    for m in settle(_pattern_entities(st, st.mentions)):
        st.add_mention(m, label=m.text if m.prov.rule == "extract.org_pattern" else None)
    for m in _abbreviation_uses(st):
        st.add_mention(m)


STEP = Step("unlisted_orgs", run, reads=("doc", "mentions"), writes=("mentions", "info"))
