"""Definite references to a body the text is about: "Länsstyrelsen",
"Länsstyrelsens" for the one county administrative board of the text (named,
or the board of the county governor in office it names, of the one county the
text names, or of the county all its municipalities lie in: a board's own page
often never spells out its full name); "Regionförbundet", "Förbundet",
"Föreningen", "Landstinget" for the one body of that kind the text names
(and "Landstinget", with none named, for the county council of the text's
one county). A
bare head noun with nothing to refer to is no name: a fragment entity read
from its shape alone ("Regionförbundet") is dropped.

Reads ``doc``, ``ref``, ``sentences``, ``mentions``; writes ``mentions``, ``info``.
"""
from __future__ import annotations

import re

from ... import prefilter
from ...models import Mention
from ...text import fold
from ..state import DocState
from ..step import Step

# (the check for a word start follows the first letter: a pattern opening with a lookbehind is tried everywhere)
_CAB_RE = re.compile(r"[Ll](?<!\w[Ll])änsstyrelse(?:n|ns)?(?![\wåäö])")
# "i varje län", "samtliga län": a sentence about every county, whose "länsstyrelsen" is each county's
_EVERY_COUNTY_RE = re.compile(r"\b(?:varje|respektive|alla|samtliga)\s+län\b", re.IGNORECASE)
# bare definite heads of a body's name, and what a named body's text must contain to be meant
_BODY_HEADS: dict[str, str] = {
    "regionförbundet": "regionförbund", "kommunförbundet": "kommunförbund", "förbundet": "förbund",
    "föreningen": "förening", "landstinget": "landsting", "nätverket": "nätverk",
}
_BODY_RE = re.compile(r"(?<![\w-])(?P<head>" + "|".join(h.capitalize() for h in _BODY_HEADS) + r")s?(?![\wåäö-])"
                      # "Från förbundet deltog A och B": in lower case after "från", which names whose people come
                      r"|(?<=[Ff]rån )(?P<head2>" + "|".join(_BODY_HEADS) + r")(?![\wåäö-])")
_BODY_CLASSES = frozenset({"Association", "Organization", "Region", "Company"})


def _county_code(st: DocState) -> str | None:
    """The one county the text is about: of its county board, of the governor it names, of the county or
    region it names, or of every municipality it names."""
    cabs = {m.key.split("/")[1] for m in st.mentions if m.kind == "CountyAdministrativeBoard" and m.key}
    if cabs:
        return next(iter(cabs)) if len(cabs) == 1 else None
    counties = {m.key.split("/")[1] for m in st.mentions if m.key and m.key.startswith(("county/", "region/"))}
    governed = {code for m in st.mentions if m.kind == "Person" and m.key
                for code in st.ref.governed_counties(m.key, st.doc.published)}
    if len(governed) == 1:
        # the governor in office the text names, over a county it names (a trip to another county, a guest's
        # former one: "tidigare landshövding i Exempellän")
        return next(iter(governed))
    if counties:
        return next(iter(counties)) if len(counties) == 1 else None
    munis = {st.ref.entities[m.key].attrs.get("county", "") for m in st.mentions
             if m.kind == "Municipality" and m.key in st.ref.entities}
    if governed:
        # a governor of two counties in turn, in a text without a date: the one its municipalities lie in
        both = governed & munis
        return next(iter(both)) if len(both) == 1 else None
    if munis:
        return next(iter(munis)) if len(munis) == 1 else None
    # an island that is a county of its own ("på Gotland")
    islands = {_island_counties(st).get(m.key or "") for m in st.mentions if m.kind == "Place"} - {None}
    return next(iter(islands)) if len(islands) == 1 else None


def _island_counties(st: DocState) -> dict[str, str]:
    """The key of a place whose name is a county's short name -> that county's code."""
    def build() -> dict[str, str]:
        out = {}
        for e in st.ref.entities.values():
            short = e.attrs.get("short", "") if e.cls == "County" else ""
            place = st.ref.landscape_keys.get(fold(short)) if short else None
            if place:
                out[place] = e.key.split("/")[1]
        return out
    return st.ref.derived("counties of island places", build)


def _bare_definites(st: DocState) -> list[Mention]:
    """"Länsstyrelsen", "länsstyrelsens" refer to the one county board the text is about."""
    code = _county_code(st)
    key = f"cab/{code}" if code else ""
    if key not in st.ref.entities:
        return []
    out = []
    for hit in prefilter.finditer(_CAB_RE, st.doc.text):
        if st.covered(hit.start()):
            continue
        sent = st.sentence_at(hit.start())
        if sent is not None and _EVERY_COUNTY_RE.search(st.doc.text, sent.start, sent.end):
            continue  # "bidragen fördelas i varje län av länsstyrelsen": each county's board, no one board
        out.append(Mention(text=hit.group(), kind="CountyAdministrativeBoard", key=key,
                           prov=st.prov(hit.start(), hit.end(), "extract.definite_reference", 0.7)))
    return out


def _antecedent(st: DocState, stem: str) -> Mention | None:
    """The one body named in full whose name contains the head's stem."""
    named = {m.key: m for m in st.mentions if m.kind in _BODY_CLASSES and m.key
             and " " in m.text.strip() and stem in m.text.lower()}
    return next(iter(named.values())) if len(named) == 1 else None


def _county_region(st: DocState) -> tuple[str, str] | None:
    """The region (county council) of the one county the text is about: (class, key)."""
    code = _county_code(st)
    key = f"region/{code}" if code else ""
    return ("Region", key) if key in st.ref.entities else None


def _body_definites(st: DocState) -> tuple[list[Mention], list[Mention]]:
    """"Regionförbundet", "Föreningens": the one body of that kind the text names; a fragment
    mention that is only such a head, with nothing named to refer to, is dropped."""
    add: list[Mention] = []
    drop: list[Mention] = []
    text = st.doc.text
    for hit in prefilter.finditer(_BODY_RE, text):
        head = hit["head"] or hit["head2"]
        stem = _BODY_HEADS[head.lower()]
        ante = _antecedent(st, stem)
        target = (ante.kind, ante.key) if ante is not None and ante.key else None
        here = [x for x in st.mentions_in(max(0, hit.start() - 80), hit.end())
                if x.prov.span.start <= hit.start() < x.prov.span.end]
        fragment = [x for x in here if x.prov.rule == "extract.org_pattern"
                    and x.text.strip().lower().rstrip("s") == head.lower()]
        if here and not fragment:
            continue
        drop += fragment
        if target is None and stem == "landsting":
            target = _county_region(st)  # "Landstingets politiker" in a text about one county: its county council
        if target is not None:
            add.append(Mention(text=hit.group(), kind=target[0], key=target[1],
                               prov=st.prov(hit.start(), hit.end(), "extract.definite_reference", 0.7)))
    return add, drop


# a body in a list of bodies, written in lower case: "med regionen, länsstyrelsen samt tullverket"
_LOWER_WORD = r"(?P<w>[a-zåäö][a-zåäö-]{3,}(?:en|et|n))(?P<g>s)?"  # a definite noun, in the genitive or not
_LIST_GAP = r"[ \t]*(?:,|och|samt)[ \t]*(?:och[ \t]+)?"
_LOWER_AFTER_RE = re.compile(rf"{_LIST_GAP}{_LOWER_WORD}(?![\wåäö-])")
_LOWER_BEFORE_RE = re.compile(rf"(?<![\w-]){_LOWER_WORD}{_LIST_GAP}\Z")
_LISTED_BODY_CLASSES = frozenset({"CountyAdministrativeBoard", "Region", "GovernmentAgency", "Municipality"})


def _agencies_by_fold(st: DocState) -> dict[str, str]:
    """One-word agency names in lower case ("försvarsmakten") -> the agency's key."""
    def build() -> dict[str, str]:
        out: dict[str, str] = {}
        for e in st.ref.entities.values():
            if e.cls == "GovernmentAgency":
                for f in e.forms:
                    if " " not in f.text and f.text[:1].isupper() and not f.text.isupper():
                        out.setdefault(f.text.lower(), e.key)
        return out
    return st.ref.derived("agencies by lower-case name", build)


def _listed_bodies(st: DocState) -> list[Mention]:
    """"regionen" and an agency's name in lower case, listed next to a body the text names ("regionen,
    länsstyrelsen och försvarsmakten"): the region of the text's one county, and that agency."""
    text = st.doc.text
    agencies = _agencies_by_fold(st)
    region = _county_region(st) if "regionen" in text else None
    out: dict[int, Mention] = {}
    for m in list(st.mentions):
        if m.kind not in _LISTED_BODY_CLASSES:
            continue
        s, e = m.prov.span.start, m.prov.span.end
        hits = [h for h in (_LOWER_AFTER_RE.match(text, e), _LOWER_BEFORE_RE.search(text, max(0, s - 40), s)) if h]
        for h in hits:
            word = h["w"]
            if word == "regionen":
                target = region
            else:
                target = ("GovernmentAgency", agencies[word]) if word in agencies else None
            at = h.start("w")
            if target is None or at in out or st.covered(at):
                continue
            end = h.end("g") if h["g"] else h.end("w")
            out[at] = Mention(text=text[at:end], kind=target[0], key=target[1],
                              prov=st.prov(at, end, "extract.definite_reference", 0.7))
    return list(out.values())


def run(st: DocState) -> None:
    for m in _bare_definites(st):
        st.add_mention(m)
    for m in _listed_bodies(st):
        st.add_mention(m)
    add, drop = _body_definites(st)
    for m in drop:
        st.forget(m)
    for m in add:
        st.add_mention(m)
    st.sort_mentions()


STEP = Step("definite_references", run, reads=("doc", "ref", "sentences", "mentions"), writes=("mentions", "info"))
