"""Where a venue or locality lies: "Plats: Lokstallarna, Karlshamn" and
"Folkets hus i Exempelby" make the venue ``locatedIn`` the municipality (or
county, or locality) named right after it, so that a question about the
municipality or its county finds what happened at the venue.

Only a place the text names itself (a venue or locality, or a building of the
reference data) is placed, never a municipality, county, province or lake; and
only when the larger place follows it at once, on the same line, and is not the
first of a list ("Hova, Gullspång och Töreboda" names three places).

Reads ``doc``, ``ref``, ``mentions``; writes ``statements``.
"""
from __future__ import annotations

import re

from ...models import Mention, Statement
from .. import lexicon as lx
from ..state import DocState
from ..step import Step

# between the venue and the larger place: ", " or " i "
_JOIN_RE = re.compile(r",[ \t]*|[ \t]+i[ \t]+")
# after the larger place, a list goes on: ", Töreboda", " och Töreboda"
_LIST_GOES_ON_RE = re.compile(r"[ \t]*(?:,|och\b|samt\b|&)[ \t]*[A-ZÅÄÖ]")
# the reference data's kinds of place that are no venue or locality ("landskap", "sjö", "region", ...)
_PLACED_REFERENCE_KINDS = frozenset({"byggnad", "flygplats"})
_CONTAINERS = frozenset({"Municipality", "County", "Place"})


def _placeable(st: DocState, m: Mention) -> bool:
    """A venue or locality: a place the text names (not in the reference data), or a reference building."""
    if m.kind != "Place":
        return False
    ref = st.ref.entities.get(m.key)
    return ref is None or ref.attrs.get("placeKind", "") in _PLACED_REFERENCE_KINDS


def _container(st: DocState, m: Mention) -> bool:
    """A place that can hold a venue: a municipality, a county, or a locality (the text's or the reference's)."""
    if m.kind not in _CONTAINERS or m.attrs.get("genitive"):
        return False
    ref = st.ref.entities.get(m.key)
    if ref is not None:
        return m.kind != "Place" or ref.attrs.get("placeKind") == "ort"
    return m.kind != "Place" or not lx.BUILDING_END_RE.search(m.text)


def run(st: DocState) -> None:
    text = st.doc.text
    seen: set[tuple[str, str]] = set()
    for m in st.mentions:
        if not _placeable(st, m):
            continue
        end = m.prov.span.end
        join = _JOIN_RE.match(text, end)
        if not join:
            continue
        nxt = [x for x in st.mentions_in(join.end(), join.end() + 1) if _container(st, x) and x.key != m.key]
        if not nxt:
            continue
        big = nxt[0]
        if _LIST_GOES_ON_RE.match(text, big.prov.span.end) or (m.key, big.key) in seen:
            continue
        seen.add((m.key, big.key))
        comma = text[end:join.end()].lstrip().startswith(",")
        st.statements.append(Statement(
            subject=m.key, predicate="locatedIn", object=big.key,
            prov=st.prov(m.prov.span.start, big.prov.span.end,
                         "extract.located.apposition" if comma else "extract.located.in", 0.85 if comma else 0.8)))


STEP = Step("places", run, reads=("doc", "ref", "mentions"), writes=("statements",))
