"""Unlisted organisations: names the reference tables do not hold, read from
their shape ("Föreningen X", "... -rådet", "X AB", "X slott"), from their slot
in the sentence ("VD för X", "studiebesök på A, B och C", "Anna Berg från X",
"kommunförbundet X"; given names from ``ref`` tell a person from a business),
and the abbreviations a text defines for them and uses again ("KIS"). A
one-word place name inside a longer such name ("Halmstad slott") gives way.
An association's name followed by the name of an area is its branch there
("Företagarna Exempelland"): one organisation, part of the national one.

Reads ``doc``, ``ref``, ``mentions``; writes ``mentions``, ``info``.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from ...models import Mention
from ...refdata import Reference
from ...text import fold, slug
from .. import lexicon as lx
from ..orgs import LEGAL_FORMS, UTILITY_TRADE_AFTER, PatternOrg, abbreviation_after, find_pattern_orgs, find_slot_names
from ..persons import MIN_BEARERS
from ..state import ORG_CLASSES, DocState
from ..step import Step
from .reference_names import settle

_SOFT_KINDS = ("Municipality", "Place", "County")


def _soft(m: Mention) -> bool:
    """A one-word place reading, or a county, that a longer name around it may replace
    ("Regionförbundet i Exempellands län")."""
    return m.kind in _SOFT_KINDS and (" " not in m.text.strip() or m.kind == "County")


# "Nokon Byggnads AB": a one-word name the reference holds ("Byggnads", the union) inside a company's name
# (or its trade, a municipality's utility: "Exempelby Energi")
_LEGAL_FORM_AFTER_RE = re.compile(rf"[ \t]+(?:AB|HB|KB|Aktiebolag\b|(?:{UTILITY_TRADE_AFTER})(?![\wåäö-]))")


def _with_legal_form(st: DocState, x: Mention, m: Mention) -> bool:
    """Is ``m`` the reference's body ``x`` written with its legal form ("Exempeltrafiken AB" for the listed
    "Exempeltrafiken"): one body, the reference's, not a company of its own?"""
    return x.key in st.ref.entities and x.prov.span.start == m.prov.span.start \
        and m.text[len(x.text):].strip() in LEGAL_FORMS


def _gives_way(st: DocState, m: Mention) -> bool:
    """May a longer name found around this mention replace it: a soft one-word place or county, or a one-word
    name the reference holds inside a company's name?"""
    return _soft(m) or (m.kind != "Person" and " " not in m.text.strip()
                        and _LEGAL_FORM_AFTER_RE.match(st.doc.text, m.prov.span.end) is not None) \
        or (m.kind == "Association" and m.prov.rule == "extract.gazetteer"
            and _LOCAL_UNIT_NAME_RE.fullmatch(m.text) is not None
            and _CAPITAL_AFTER_RE.match(st.doc.text, m.prov.span.end) is not None)


# "PRO Exempelby", "SPF Seniorerna Exempelby": the national association's short name, then a place, names a local
# association of it
_LOCAL_UNIT_NAME_RE = re.compile(r"[A-ZÅÄÖ]{2,5}(?:[ \t]+(?:Seniorerna|Pensionärerna))?")
_CAPITAL_AFTER_RE = re.compile(r"[ \t]+[A-ZÅÄÖ][a-zåäö]")


def _area_names(st: DocState) -> tuple[str, ...]:
    """The folded names of the country's municipalities, counties and landscapes."""
    ref = st.ref
    return ref.derived("area_names", lambda: tuple(sorted(
        {fold(f.text) for e in ref.entities.values() if e.cls == "Municipality" for f in e.forms}
        | set(ref.county_short) | set(ref.landscape_keys))))


def _names_an_area(st: DocState, stem: str) -> bool:
    """Is ``stem`` the first part of a compound named after an area ("Exempellands-", "Hälsinge-" of
    Hälsingland): the name without its linking -s or -e starts an area's name?"""
    low = fold(stem)
    low = low[:-1] if low.endswith("s") else low
    low = low[:-1] if low.endswith("e") else low
    return len(low) >= 4 and any(name.startswith(low) for name in _area_names(st))


def _pattern_entities(st: DocState, taken: list[Mention]) -> tuple[list[Mention], set[int]]:
    """Candidate mentions, and the ids of those that beat a place name inside them."""
    spans = [(m.prov.span.start, m.prov.span.end) for m in taken]
    soft = [(m.prov.span.start, m.prov.span.end) for m in taken if _gives_way(st, m)]
    out = []
    wins: set[int] = set()
    given = st.ref.given_names

    def is_given(word: str) -> bool:
        return given.get(word, 0) >= MIN_BEARERS

    localities = _locality_keys(st.ref)
    for found in find_pattern_orgs(st.doc.text, spans, soft, lambda stem: _names_an_area(st, stem)):
        po = _without_next_person(st.doc.text, _without_field_label(found), is_given)
        if po is None:
            continue
        # "Plats: Exempelby": a venue's slot that holds a listed locality names that locality
        key = localities.get(fold(po.name), po.key) if po.cls == "Place" else po.key
        m = Mention(text=po.name, kind=po.cls, key=key, prov=st.prov(po.start, po.end, "extract.org_pattern", 0.7))
        out.append(m)
        if po.wins:
            wins.add(id(m))
        if po.abbr and po.abbr_span:
            out.append(Mention(text=po.abbr, kind=po.cls, key=po.key,
                               prov=st.prov(po.abbr_span[0], po.abbr_span[1], "extract.abbreviation", 0.8)))
    for found in find_slot_names(st.doc.text, spans, soft, is_given):
        po = _without_next_person(st.doc.text, _without_field_label(found), is_given)
        if po is None:
            continue
        m = Mention(text=po.name, kind=po.cls, key=po.key, prov=st.prov(po.start, po.end, "extract.org_pattern", 0.7))
        out.append(m)
        wins.add(id(m))
    return out, wins


def _locality_keys(ref: Reference) -> dict[str, str]:
    """Folded name -> key of the localities of the reference data (localities.csv)."""
    def build() -> dict[str, str]:
        return {fold(e.label): k for k, e in ref.entities.items() if e.attrs.get("placeKind") == "ort"}
    return ref.derived("locality_keys", build)


_SURNAME_AFTER_RE = re.compile(r"[ \t]+(?:(?:von|af|van|de)[ \t]+)?[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?\b")


# the post of a company's head right before its name: "genom VD Anna Berg Exempel Bygg AB"
_HEAD_POST_BEFORE_RE = re.compile(r"(?<![\wåäö])(?:VD|Vd|vd)[ \t]+\Z")


def _without_field_label(po: PatternOrg) -> PatternOrg:
    """"Plats och tid Beslutande Exempelby Folkets Hus": a minutes' field label that a PDF's columns put before
    the value of the field above it is no part of the name."""
    first, _, rest = po.name.partition(" ")
    if not rest or first.lower() not in lx.MINUTES_STRUCTURE_WORDS or po.abbr:
        return po
    at = po.name.index(rest, len(first))
    return replace(po, start=po.start + at, name=rest, key=f"{po.key.split('/', 1)[0]}/{slug(rest)}")


def _without_next_person(text: str, po: PatternOrg, is_given: Callable[[str], bool]) -> PatternOrg | None:
    """"Thomas Ek, Kommunförbundet Exempelbygd Anna Berg, ...", "Plats Hotell Exempelby Anna Berg, ...": in a
    list of people and their bodies the next person's name runs on from a body's or a venue's; a name of two words
    or more that goes on with a given name and a capitalised word ends before them. After a head's post, a
    company's name that opens with a given name and a surname starts after them ("VD Anna Berg Exempel Bygg AB":
    the head, then the company). An abbreviation and a given name ("Per Holm, PRO Eva Lund, ..."): the
    association the abbreviation names, then the next person; no body of two words (None)."""
    words = po.name.split()
    if len(words) == 2 and words[0].isupper() and is_given(words[1]) and _SURNAME_AFTER_RE.match(text, po.end):
        return None
    if po.abbr or len(words) < 3:
        return po
    if po.cls == "Company" and len(words) >= 4 and is_given(words[0]) and words[1][:1].isupper() \
            and words[1][1:].islower() and _HEAD_POST_BEFORE_RE.search(text, max(0, po.start - 4), po.start):
        at = po.name.index(words[2], len(words[0]) + len(words[1]))
        rest = po.name[at:]
        return replace(po, start=po.start + at, name=rest, key=f"company/{slug(rest)}")
    if len(words) >= 4 and is_given(words[-2]) and words[-1][:1].isupper() and words[-1][1:].islower():
        cut = words[-2]
    elif is_given(words[-1]) and _SURNAME_AFTER_RE.match(text, po.end):
        cut = words[-1]
    else:
        return po
    name = po.name[:po.name.rindex(cut)].rstrip()
    return replace(po, end=po.start + len(name), name=name, key=f"{po.key.split('/', 1)[0]}/{slug(name)}")


def _same_name_again(st: DocState, found: list[Mention]) -> list[Mention]:
    """A name found once from its slot, written again elsewhere (also with "och" for "&")."""
    out = []
    text = st.doc.text
    for m in found:
        if " " not in m.text:
            continue
        forms = {m.text, m.text.replace(" & ", " och ")}
        if m.text.endswith(" ideell förening") and " " in m.text[:-16]:
            forms.add(m.text[:-16])  # the name without its legal form: "Exempelbygdens utveckling"
        for form in forms:
            for hit in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\wåäö-])", text):
                if hit.start() != m.prov.span.start:
                    out.append(Mention(text=form, kind=m.kind, key=m.key,
                                       prov=st.prov(hit.start(), hit.end(), "extract.org_pattern.again", 0.7)))
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
            if st.covered(hit.start()):
                continue
            out.append(Mention(text=abbr, kind=m.kind, key=m.key,
                               prov=st.prov(hit.start(), hit.end(), "extract.abbreviation", 0.8)))
    return out


_BRANCH_GAP_RE = re.compile(r"[ \t]+")
# "Företagarna i Exempelby": a membership body with local branches names its branch with "i" as well; a
# national body that has none (SKR, SmåKom) "i Stockholm" is where it met
_BRANCH_IN_GAP_RE = re.compile(r"[ \t]+i[ \t]+")
LOCAL_BRANCH_ASSOCIATIONS = frozenset({
    "org/foretagarna", "org/lrf", "org/naturskyddsforeningen", "org/svenska-roda-korset", "org/radda-barnen",
    "org/hyresgastforeningen", "org/villaagarna", "org/abf", "org/studieforbundet-vuxenskolan", "org/sensus",
    "org/studieframjandet", "org/friluftsframjandet", "org/civilforsvarsforbundet", "org/hela-sverige-ska-leva",
    "org/svenska-turistforeningen", "org/hushallningssallskapet", "org/sveriges-hembygdsforbund",
})
_AREA_KINDS = ("Municipality", "Place", "County")
_NOT_AREA_WORDS = ("kommun", "län", "region", "stad")


def _branches(st: DocState) -> list[tuple[Mention, Mention, Mention]]:
    """(association, area, branch): "Hela Sverige ska leva Exempelland", "LRF Exempelbygden",
    "Företagarna Exempelstads styrelse": a listed or unlisted association whose name runs on into a
    bare area name on the same line names the association's branch in that area, not the
    association and a place. So does a company's name that runs on into a county's or a landscape's
    ("Exempelbanken Blekinge", its regional company) or a municipality's ("Exempelverken Södertälje", the
    company's site there, as a local paper names it)."""
    out = []
    ordered = sorted(st.mentions, key=lambda m: m.prov.span.start)
    text = st.doc.text
    landscapes = set(st.ref.landscape_keys.values())
    for a, b in itertools.pairwise(ordered):
        regional = a.kind == "Company" and (b.kind in ("County", "Municipality") or b.key in landscapes)
        if not (a.kind == "Association" or regional) or b.kind not in _AREA_KINDS or a.attrs.get("genitive"):
            continue
        gap = text[a.prov.span.end:b.prov.span.start]
        if not (_BRANCH_GAP_RE.fullmatch(gap) or (a.key in LOCAL_BRANCH_ASSOCIATIONS
                                                  and _BRANCH_IN_GAP_RE.fullmatch(gap))):
            continue
        area = b.text[:-1] if b.attrs.get("genitive") else b.text
        # (an association's county branch by the county's full name: "Hela Sverige ska leva Exempellands län")
        county_branch = a.kind == "Association" and b.kind == "County" and area.lower().endswith(" län")
        if any(w in _NOT_AREA_WORDS for w in area.lower().split()) and not county_branch or not area[:1].isupper():
            continue
        name = " ".join(f"{a.text}{gap}{area}".split())
        s, e = a.prov.span.start, b.prov.span.end
        out.append((a, b, _part_mention(st, a, s, e, _branch_key(st, a, area, name), name)))
    return out


def _branch_key(st: DocState, whole: Mention, area: str, name: str) -> str:
    """One node for a branch however the text writes the association ("LRF X", "Lantbrukarnas riksförbund X"):
    a listed association's key with the area's, else the branch's own name."""
    return f"{whole.key}-{slug(area)}" if whole.key in st.ref.entities else f"org/{slug(name)}"


# "LRF Västra Sverige", "Företagarna Mellersta Norrland": an association's branch in a part of the country
_PART_OF_COUNTRY_RE = re.compile(r"[ \t]+(?P<area>(?:Västra|Norra|Södra|Östra|Mellersta|Sydöstra|Nordvästra|Nordöstra|"
                                 r"Sydvästra)[ \t]+[A-ZÅÄÖ][\wåäö-]+)(?![\wåäö-])")
# "Trafikverket Region Nord", "Polismyndigheten region Syd": an agency's regional division by its name
_DIVISION_AFTER_RE = re.compile(r"[ \t]+[Rr]egion[ \t]+(?P<area>[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+[A-ZÅÄÖ][\wåäö-]+)?)"
                                r"(?![\wåäö-])")
_DIVISION_KINDS = ("GovernmentAgency", "Company")


def _parts_named_after(st: DocState, wholes: list[Mention], after: re.Pattern[str],
                       key_of: Callable[[Mention, str, str], str]) -> list[tuple[list[Mention], Mention]]:
    """(the mentions it replaces, the part) for each of ``wholes`` whose name ``after`` continues with an area:
    one organisation, part of that body, which the text names as such. ``key_of(body, area, name)`` keys it."""
    out = []
    text = st.doc.text
    for a in wholes:
        m = after.match(text, a.prov.span.end)
        if m is None:
            continue
        s, e = a.prov.span.start, m.end()
        name = " ".join(text[s:e].split())
        part = _part_mention(st, a, s, e, key_of(a, " ".join(m["area"].split()), name), name)
        out.append(([a] + [x for x in st.overlapping(a.prov.span.end, e) if x is not a], part))
    return out


def _divisions(st: DocState) -> list[tuple[list[Mention], Mention]]:
    """An agency's or a company's regional division: its name, "Region" and the region's name."""
    wholes = [a for a in st.mentions if a.kind in _DIVISION_KINDS and not a.attrs.get("genitive")]
    return _parts_named_after(st, wholes, _DIVISION_AFTER_RE, lambda a, area, _name: f"{a.key}-region-{slug(area)}")


def _regional_branches(st: DocState) -> list[tuple[list[Mention], Mention]]:
    """A listed association's branch in a part of the country (not a branch's own)."""
    wholes = [a for a in st.mentions if a.kind == "Association" and not a.attrs.get("genitive")
              and not a.attrs.get("part_of")]
    return _parts_named_after(st, wholes, _PART_OF_COUNTRY_RE, lambda a, area, name: _branch_key(st, a, area, name))


def _part_mention(st: DocState, whole: Mention, s: int, e: int, key: str, name: str) -> Mention:
    """The mention of a branch or a division (``text[s:e]``), part of the body ``whole`` names."""
    return Mention(text=st.doc.text[s:e], kind=whole.kind, key=key, attrs={"part_of": whole.key, "name": name},
                   prov=st.prov(s, e, "extract.org_branch", 0.7))


def run(st: DocState) -> None:
    cands, wins = _pattern_entities(st, st.mentions)
    # a name read from its slot may be written again where no slot tells it ("Nors och Bäcks Gårdar")
    again = _same_name_again(st, [m for m in settle(cands) if id(m) in wins])
    wins.update(id(m) for m in again)
    for m in settle(cands + again):
        s, e = m.prov.span.start, m.prov.span.end
        if id(m) in wins:
            for x in [x for x in st.overlapping(s, e) if _gives_way(st, x) and not _with_legal_form(st, x, m)]:
                st.forget(x)
        # "PRO Exempelby", "SPF Seniorerna Exempelby": a local association named by the national one's name and
        # its place, which the reference holds only as the national body
        for x in [x for x in st.overlapping(s, e) if m.kind == x.kind == "Association"
                  and x.prov.span.start == s and x.prov.span.end < e and x.prov.rule == "extract.gazetteer"]:
            st.forget(x)
        if st.overlapping(s, e):
            continue
        st.add_mention(m, label=m.text if m.prov.rule == "extract.org_pattern" else None)
    for m in _abbreviation_uses(st):
        st.add_mention(m)
    for a, b, branch in _branches(st):
        st.forget(a)
        st.forget(b)
        st.add_mention(branch, label=branch.attrs["name"])
    for parts, division in _divisions(st) + _regional_branches(st):
        for x in parts:
            st.forget(x)
        st.add_mention(division, label=division.attrs["name"])
    # a company without its legal form or by its first word; a federation without the word of its kind
    for short_forms, kinds in ((_company_short_forms, ("Company", "Organization")),
                               (_federation_short_forms, ("Association", "Organization"))):
        for m, full in _written_shorter(st, short_forms, kinds):
            st.forget(m)
            st.add_mention(m.model_copy(update={"key": full.key, "kind": full.kind}))


def _company_short_forms(m: Mention) -> Iterator[str]:
    """A company's name without its legal form, and its first word ("KåPi Städteknik AB": "KåPi Städteknik",
    "KåPi")."""
    words = m.text.split()
    if m.kind == "Company" and len(words) >= 2 and words[-1] in LEGAL_FORMS:  # a one-word form
        yield " ".join(words[:-1])
        if len(words) > 2 and len(words[0]) >= 3:
            yield words[0]


# the kind of a federation written before its name, which the name may also go without
_FEDERATION_NOUNS = ("Kommunalförbundet ", "Kommunförbundet ")


def _federation_short_forms(m: Mention) -> Iterator[str]:
    """A federation's name without the word of its kind ("Kommunalförbundet Räddningstjänsten Exempeldalen":
    "Räddningstjänsten Exempeldalen")."""
    if m.kind in ("Association", "Organization") and m.text.startswith(_FEDERATION_NOUNS) \
            and len(m.text.split()) >= 3:
        yield " ".join(m.text.split()[1:])


def _written_shorter(st: DocState, short_forms: Callable[[Mention], Iterable[str]],
                     kinds: tuple[str, ...]) -> list[tuple[Mention, Mention]]:
    """(mention, the body's full mention) for a body of one of ``kinds`` written again in one of the
    ``short_forms`` of a longer name ("KåPi Städteknik AB" ... "företaget KÅPI", "Kommunalförbundet X" ...
    "X"), where that form is one body's only: one body."""
    full: dict[str, dict[str, Mention]] = {}
    for m in st.mentions:
        for form in short_forms(m):
            full.setdefault(form.casefold(), {})[m.key] = m
    out = []
    for m in st.mentions:
        fulls = full.get(" ".join(m.text.split()).casefold(), {}) if m.kind in kinds else {}
        if len(fulls) == 1 and m.key not in fulls:
            out.append((m, next(iter(fulls.values()))))
    return out


STEP = Step("unlisted_orgs", run, reads=("doc", "ref", "mentions"), writes=("mentions", "info"))
