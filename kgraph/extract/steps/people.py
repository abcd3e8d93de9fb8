"""People and titles: names (given-name statistics, titles before names,
surnames used again), their titles and party markers
(:mod:`kgraph.extract.persons`). A full organisation name beats a name-like
reading of the same words.

Reads ``doc``, ``ref``, ``mentions``; writes ``people``, ``mentions``, ``info``.
"""
from __future__ import annotations

import re

from ...models import Mention
from ...text import fold
from ..orgs import GIVEN_BEFORE_RE
from ..persons import MIN_BEARERS, PersonHit, find_persons, slip_of
from ..state import ORG_CLASSES, DocState
from ..step import Step


def run(st: DocState) -> None:
    # multi-word names block person readings; a one-word place name ("Nora") may be a given name
    org_spans = [(m.prov.span.start, m.prov.span.end) for m in st.mentions
                 if (m.kind in ORG_CLASSES or m.kind in ("County", "Place"))
                 and (" " in m.text.strip() or m.kind not in ("Municipality", "Place", "County"))
                 and not _surname_after_given_name(st, m)]
    # a one-word municipality, county or listed place (a landscape, a foreign city) after a name is the place
    # visited, not a second surname ("besöker socialministern Anna Berg Köpenhamn")
    place_starts = frozenset(m.prov.span.start for m in st.mentions
                             if (m.kind in ("Municipality", "County")
                                 or m.kind == "Place" and m.prov.rule == "extract.gazetteer")
                             and " " not in m.text.strip())
    people = find_persons(st.doc, st.ref, org_spans, place_starts)
    st.people = people
    keep: list[PersonHit] = []
    for p in people.persons:
        # a full municipality/organisation name beats a name-like reading
        clash = st.overlapping(p.start, p.end)
        if any(m.kind != "Person" and (" " in m.text or m.kind not in ("Municipality", "Place", "County"))
               and m.prov.span.end - m.prov.span.start >= p.end - p.start for m in clash):
            continue
        for m in clash:
            st.forget(m)
        keep.append(p)
    people.persons = keep
    # a spelling the text slips into ("Kihlbom" beside "Kihlblom") is the person the reference lists by the other,
    # whether the text names that one as a name it reads or as a listed person (a minister)
    # (by the whole name where the text writes it otherwise: "Persson Tord (S)", "Anna och Per Holm")
    listed = {p.key: k for p in keep if (k := st.ref.person_keys.get(fold(p.label or p.name)))}
    named = {m.text: m.key for m in st.mentions if m.kind == "Person"}
    for p in keep:
        key = st.ref.person_keys.get(fold(p.label or p.name)) or listed.get(p.key) \
            or next((k for n, k in named.items() if slip_of(p.label or p.name, n)), p.key)
        listed.setdefault(p.key, key)
        p.key = key
        st.add_mention(Mention(text=p.name, kind="Person", key=key,
                               prov=st.prov(p.start, p.end, "extract.persons.title_name" if p.via_title
                                            else "extract.persons.given_name", 0.85)), label=p.label or p.name)
    for s, e, key, rule in people.surname_refs:
        if st.covered(s):
            continue
        st.add_mention(Mention(text=st.doc.text[s:e], kind="Person", key=listed.get(key, key),
                               prov=st.prov(s, e, rule, 0.75)))
    kept = {_fields(p) for p in keep}  # "p in keep" compares the fields of the hits
    people.roles = [(p, t) for p, t in people.roles if _fields(p) in kept]


# a given name and a middle initial: "Lars K Sandvik" (a company's one word after them is a surname; a given name
# alone is orgs.GIVEN_BEFORE_RE)
_GIVEN_INITIAL_BEFORE_RE = re.compile(r"(?<![\wåäöÅÄÖ-])(?P<g>[A-ZÅÄÖ][a-zåäöé]+)[ \t]+[A-ZÅÄÖ]\.?[ \t]+\Z")


def _surname_after_given_name(st: DocState, m: Mention) -> bool:
    """Is a one-word company's name a person's surname here, right after a common given name (a name in -son,
    "kommunchef Ulf Ericsson") or a given name and a middle initial (any name: "Lars K Sandvik")?"""
    if m.kind != "Company" or " " in m.text.strip():
        return False
    before = max(0, m.prov.span.start - 24), m.prov.span.start
    g = _GIVEN_INITIAL_BEFORE_RE.search(st.doc.text, *before) or (
        GIVEN_BEFORE_RE.search(st.doc.text, *before) if m.text.endswith("son") else None)
    return g is not None and st.ref.given_names.get(g["g"], 0) >= MIN_BEARERS


def _fields(p: PersonHit) -> tuple[object, ...]:
    return (p.start, p.end, p.name, p.key, p.via_title, p.party, p.party_span)


STEP = Step("people", run, reads=("doc", "ref", "mentions"), writes=("people", "mentions", "info"))
