"""Reference names: municipalities, counties, regions, county boards, ministries,
agencies, associations, parties, companies and places from the reference
tables, found in one pass (:mod:`kgraph.extract.gazetteer`) and settled
leftmost-longest. A county's or a landscape's one-word name glued to a longer
name no table holds ("Rådhus Exempelland") names no county of its own; in the
genitive before a capitalised noun it names the county's body ("Exempelbottens
Media").

Reads ``doc``, ``ref``; writes ``mentions``, ``info``.
"""
from __future__ import annotations

import re

from ...models import Mention
from ...text import fold, slug
from ..gazetteer import find_reference_mentions
from ..orgs import LEGAL_FORMS
from ..state import DocState
from ..step import Step

CLASS_PRIORITY = {"Person": 0, "CountyAdministrativeBoard": 1, "Region": 1, "Municipality": 2, "Ministry": 2,
                  "Government": 2, "Parliament": 2, "GovernmentAgency": 2, "Association": 2, "Company": 3,
                  "Organization": 3, "PoliticalParty": 3, "County": 4, "Place": 5}


def settle(cands: list[Mention]) -> list[Mention]:
    """Leftmost-longest; on equal spans the more specific class wins."""
    cands = sorted(cands, key=lambda m: (m.prov.span.start, -(m.prov.span.end - m.prov.span.start),
                                         CLASS_PRIORITY.get(m.kind, 9), m.key or ""))
    out: list[Mention] = []
    last_end = -1
    for m in cands:
        if m.prov.span.start < last_end:
            continue
        out.append(m)
        last_end = m.prov.span.end
    return out


def _bare(m: Mention) -> str:
    """A mention's name folded, without its genitive -s ("Gotlands" -> "gotland")."""
    return fold(m.text[:-1] if m.attrs.get("genitive") else m.text)


def _island(st: DocState, key: str | None) -> bool:
    """Is ``key`` an island landscape of the reference data ("Gotland")?"""
    ref = st.ref.entities.get(key or "")
    return ref is not None and ref.attrs.get("placeKind") == "ö"


def _county_or_landscape(st: DocState, cands: list[Mention]) -> list[Mention]:
    """A bare municipality name that is also an island landscape's ("Gotland") is the island.
    A bare county name that is also a landscape ("Halland", "Blekinge") is the
    county when the document speaks of the county as such (its län, region or
    länsstyrelse named in full); otherwise the landscape. A landscape's name that is not the county's
    ("Sörmland") is the landscape. An island is the island either way."""
    formal = {m.key.split("/")[1] for m in cands if m.key and m.key.split("/")[0] in ("county", "region", "cab")
              and " " in m.text}
    landscape_county = {v: st.ref.county_short[k] for k, v in st.ref.landscape_keys.items()
                        if k in st.ref.county_short}
    out = []
    for m in cands:
        if m.kind == "Municipality" and " " not in m.text.strip():
            land = st.ref.landscape_keys.get(_bare(m))
            if land and _island(st, land):
                # "på Gotland": a municipality's bare name that is also an island's is the island (the
                # municipality is "Gotlands kommun", "Region Gotland")
                m = Mention(text=m.text, kind="Place", key=land, attrs=m.attrs,
                            prov=m.prov.model_copy(update={"rule": "extract.landscape_name", "confidence": 0.75}))
        code = landscape_county.get(m.key or "")
        # (an island stays the island beside its county's bodies: "Region Gotland" works for all of Gotland; a
        # landscape's other name, "Sörmland" beside the county's "Södermanland", names the landscape)
        if code and code in formal and not _island(st, m.key) and st.ref.county_short.get(_bare(m)) == code:
            m = Mention(text=m.text, kind="County", key=f"county/{code}", attrs=m.attrs,
                        prov=m.prov.model_copy(update={"rule": "extract.county_name", "confidence": 0.8}))
        out.append(m)
    return out


# "landshövdingen i Stockholm", "Uppsalas landshövding": the name stands for the county
_GOVERNOR_BEFORE_RE = re.compile(r"\blandshövding(?:en)?[ \t]+(?:i|för)[ \t]+$", re.IGNORECASE)
_GOVERNOR_AFTER_RE = re.compile(r"^[ \t]+(?:(?:nye?|nya|förre|tidigare)[ \t]+)?landshövding", re.IGNORECASE)


def _county_by_governor(st: DocState, cands: list[Mention]) -> list[Mention]:
    """A governor is the governor of a county: the place name tied to the title is the county. A county's name
    in the genitive before a region's body ("regionledning") is the region."""
    text = st.doc.text
    out = []
    for m in cands:
        s, e = m.prov.span.start, m.prov.span.end
        if m.kind in ("Municipality", "Place") and " " not in m.text.strip():
            bare = _bare(m)
            code = st.ref.county_short.get(bare)
            tied = (_GOVERNOR_BEFORE_RE.search(text[max(0, s - 25):s]) and not re.match(r"[ \t]+län\b", text[e:e + 5])
                    or (m.attrs.get("genitive") and _GOVERNOR_AFTER_RE.match(text[e:e + 24])))
            if code and tied and f"county/{code}" in st.ref.entities:
                m = Mention(text=m.text, kind="County", key=f"county/{code}", attrs=m.attrs,
                            prov=m.prov.model_copy(update={"rule": "extract.county_by_governor", "confidence": 0.8}))
        if m.kind in ("Municipality", "Place", "County") and " " not in m.text.strip() and m.attrs.get("genitive") \
                and _REGION_BODY_AFTER_RE.match(text, e):
            # "Exempellands regionledning": the region whose leadership, board or council it is
            code = st.ref.county_short.get(_bare(m))
            if code and f"region/{code}" in st.ref.entities:
                m = Mention(text=m.text, kind="Region", key=f"region/{code}", attrs=m.attrs,
                            prov=m.prov.model_copy(update={"rule": "extract.region_by_body", "confidence": 0.8}))
        out.append(m)
    return out


# "länsstyrelserna i Gävleborg, Uppsala och Västmanland", "regionerna Exempelland och Exempelbotten": the bodies of
# the counties listed after them
_PLURAL_BODIES_RE = re.compile(r"\b(?P<w>[Ll]änsstyrelserna|[Rr]egionerna)(?:[ \t]+(?:i|för))?[ \t]+(?=[A-ZÅÄÖ])")
_PLURAL_BODY_PREFIX = {"länsstyrelserna": "cab", "regionerna": "region"}


def _bodies_of_listed_counties(st: DocState, cands: list[Mention]) -> list[Mention]:
    """The county names listed after a body's plural ("länsstyrelserna i A, B och C") are each that county's body."""
    text = st.doc.text
    heads = list(_PLURAL_BODIES_RE.finditer(text))
    if not heads:
        return cands
    starts: dict[int, Mention] = {}
    for c in sorted(cands, key=lambda c: -(c.prov.span.end - c.prov.span.start)):
        starts.setdefault(c.prov.span.start, c)
    swap: dict[int, Mention] = {}
    for head in heads:
        prefix = _PLURAL_BODY_PREFIX[head["w"].lower()]
        pos = head.end()
        while (m := starts.get(pos)) is not None and " " not in m.text.strip():
            code = st.ref.county_short.get(_bare(m))
            key = f"{prefix}/{code}"
            if code is None or key not in st.ref.entities:
                break
            swap[pos] = Mention(text=m.text, kind=st.ref.entities[key].cls, key=key, attrs=m.attrs,
                                prov=m.prov.model_copy(update={"rule": "extract.body_of_listed_county",
                                                               "confidence": 0.8}))
            glue = _LIST_GLUE_RE.match(text, m.prov.span.end)
            if glue is None or glue.end() == m.prov.span.end:
                break
            pos = glue.end()
    return [m for m in cands if m.prov.span.start not in swap] + list(swap.values())


_REGION_BODY_AFTER_RE = re.compile(r"[ \t]+region(?:ledning|styrelse|fullmäktige|råd|politiker|direktör)",
                                   re.IGNORECASE)


_LIST_GLUE_RE = re.compile(r"[ \t]*(?:,|och|samt)[ \t]*(?:och[ \t]+)?")


def _one_sense(st: DocState, cands: list[Mention]) -> list[Mention]:
    """Once a bare county name is the county in a document ("landshövding i Halland"), its other bare
    mentions are too; and a bare name in a list of counties ("Kronoberg, Kalmar, Blekinge och Halland")
    is a county, also where it is a municipality's name as well."""
    counties = {m.key for m in cands if m.kind == "County"}
    text = st.doc.text
    ordered = sorted(cands, key=lambda m: (m.prov.span.start, -m.prov.span.end))
    spans: list[Mention] = []  # one candidate per span start, for the list test
    for m in ordered:
        if not spans or spans[-1].prov.span.start != m.prov.span.start:
            spans.append(m)
    index = {id(m): n for n, m in enumerate(spans)}
    out = []
    for m in ordered:
        i = index.get(id(m), -1)
        if m.kind in ("Place", "Municipality") and " " not in m.text.strip():
            bare = _bare(m)
            code = st.ref.county_short.get(bare)
            key = f"county/{code}" if code else ""
            listed = i >= 0 and _in_county_list(text, spans, i)
            # (an island stays the island where its county is named: "Gotlands län" and "på Gotland")
            if code and key in st.ref.entities and (
                    (m.kind == "Place" and key in counties and not _island(st, m.key)) or listed):
                m = Mention(text=m.text, kind="County", key=key, attrs=m.attrs,
                            prov=m.prov.model_copy(update={"rule": "extract.county_name", "confidence": 0.75}))
        out.append(m)
    return out


def _list_around(text: str, ordered: list[Mention], i: int) -> list[Mention]:
    """The coordinated list ("A, B och C") that mention i of ``ordered`` (in text order) stands in, itself
    included: its neighbours as far as only a comma, "och" or "samt" lies between them."""
    def glued(a: Mention, b: Mention) -> bool:
        return bool(_LIST_GLUE_RE.fullmatch(text, a.prov.span.end, b.prov.span.start))
    lo = hi = i
    while lo > 0 and glued(ordered[lo - 1], ordered[lo]):
        lo -= 1
    while hi + 1 < len(ordered) and glued(ordered[hi], ordered[hi + 1]):
        hi += 1
    return ordered[lo:hi + 1]


def _in_county_list(text: str, ordered: list[Mention], i: int) -> bool:
    """Is mention i in a coordinated list whose other members include two counties or county names?"""
    members = _list_around(text, ordered, i)
    countyish = [m for m in members if m.kind == "County" or m.key.startswith("place/") and "landskap" in m.key]
    return len(members) >= 4 and len(countyish) >= 2


# a superlative after a place's genitive: "Europas största mötesplats", "Nordens modernaste boende"
_SUPERLATIVE_AFTER_RE = re.compile(r"[ \t]+(?:[a-zåäö]+(?:aste|sta|ste)|enda)\b")


def _comparison_scope(st: DocState, m: Mention) -> bool:
    """A place in the genitive before a superlative says how far a comparison reaches ("Europas
    största"): it names no place that the text is about."""
    return m.kind == "Place" and bool(m.attrs.get("genitive")) \
        and bool(_SUPERLATIVE_AFTER_RE.match(st.doc.text, m.prov.span.end))


# a printed page's label, not the agency of the same name: "Sida 3 av 8", "Sida 2 (6)", "Sida Sammanträdesdatum"
_PAGE_LABEL_RE = re.compile(r"[ \t]*(?:\d{1,3}(?![\d.:-])(?:[ \t]*\(\d{1,3}\)|[ \t]+av[ \t]+\d{1,3})?|"
                            r"(?:Sammanträdesdatum|Datum|Protokoll|Sammanträdesprotokoll)\b)")


def _page_label(st: DocState, m: Mention) -> bool:
    return m.text == "Sida" and bool(_PAGE_LABEL_RE.match(st.doc.text, m.prov.span.end))


def _listed_places(st: DocState, cands: list[Mention]) -> list[Mention]:
    """A name that is also a common word ("Eda", "Mark") is a municipality only where the list it stands in
    holds at least two municipalities the text names without doubt ("Eda, Haparanda och Malmö")."""
    munis = sorted((m for m in cands if m.kind == "Municipality"), key=lambda m: m.prov.span.start)
    out = []
    for i, m in enumerate(munis):
        if not m.attrs.get("listed_only"):
            continue
        if sum(not x.attrs.get("listed_only") for x in _list_around(st.doc.text, munis, i)) >= 2:
            out.append(Mention(text=m.text, kind=m.kind, key=m.key, prov=m.prov, attrs={}))
    return [m for m in cands if not m.attrs.get("listed_only")] + out


# a capitalised word glued to a name on its line: after it ("Exempelbottens Media"), or before it mid-sentence
# ("till Rådhus Exempelland", the word before the capitalised one in lower case or a comma)
_CAPITAL_AFTER_RE = re.compile(r"[ \t]+(?P<w>[A-ZÅÄÖ][a-zåäö]+(?:[ \t]+[A-ZÅÄÖ][a-zåäö]+){0,2})")
_LEGAL_FORM_AFTER_RE = re.compile("[ \t]+(?:" + "|".join(LEGAL_FORMS) + r")(?![\wåäö-])")
# the kinds of place in the reference table that name an area, as a county's name does (not a town abroad, an
# airport or a building: "Anna Berg Oslo" is a person's name before a place's)
_AREA_KINDS = frozenset({"landskap", "region"})
_WORD_BEFORE_RE = re.compile(r"[A-ZÅÄÖ][\wåäö-]*[ \t]+$")
_CAPITAL_BEFORE_RE = re.compile(r"(?:(?<![\wåäöÅÄÖ-])[a-zåäö][a-zåäö-]*|,)[ \t]+(?P<w>[A-ZÅÄÖ][a-zåäö-]+)[ \t]+$")


def _judged(st: DocState, m: Mention) -> bool:
    """A county's or a landscape's one-word name, which a longer name no table holds may hold as a word; not a
    municipality's: a town stands before the next name in the run-on lists of minutes ("Anna Berg (S),
    Exempelby Per Holm (M)")."""
    if " " in m.text.strip() or m.kind not in ("County", "Place"):
        return False
    ref = st.ref.entities.get(m.key or "")
    return m.kind == "County" or ref is not None and ref.attrs.get("placeKind") in _AREA_KINDS


def _glued_after(st: DocState, m: Mention, starts: set[int]) -> re.Match[str] | None:
    """The capitalised words after a name ``_judged`` takes, on its line, that make it part of a longer name
    ("Exempelbottens Media", "EU-kontoret Exempelland South Sweden"); not a name a table holds ("Jämtland
    Härjedalen": the county by its two landscapes)."""
    after = _CAPITAL_AFTER_RE.match(st.doc.text, m.prov.span.end)
    if after is None or after.start("w") in starts or after["w"].split()[0] in st.ref.given_names:
        return None  # (nor before a person's name: "landshövding i Exempelland Anna Berg")
    return after


def _glued_before(st: DocState, m: Mention, starts: set[int]) -> bool:
    """Is a name ``_judged`` takes the last word of a longer name, after a capitalised word mid-sentence ("till
    Rådhus Exempelland")? Not after a name a table holds: "Länsförsäkringar Exempelland" is the company's branch."""
    s = m.prov.span.start
    before = _CAPITAL_BEFORE_RE.search(st.doc.text, max(0, s - 40), s)
    return before is not None and before.start("w") not in starts


def _regional_body(st: DocState, m: Mention, after: re.Match[str]) -> tuple[Mention, str] | None:
    """"Exempelbottens Media", "Exempellands Konstmuseum": a county's name in the genitive, then a capitalised
    noun, names a body of the county's (as an organisation of its own); its last word loses the genitive the
    sentence gives it ("Exempelbottens Medias mediehus")."""
    s, e = m.prov.span.start, after.end("w")
    if not m.attrs.get("genitive") or _LEGAL_FORM_AFTER_RE.match(st.doc.text, e) \
            or _WORD_BEFORE_RE.search(st.doc.text, max(0, s - 40), s):
        # ("Exempelbottens Mejeri AB", "Norra Exempellands Samordningsförbund": a longer name, which its legal
        # form or its last word names in a later step)
        return None
    label = st.doc.text[s:e]
    if label.endswith("s") and re.match(r"[ \t]+[a-zåäö]", st.doc.text[e:e + 3]):
        label = label[:-1]
    return Mention(text=st.doc.text[s:e], kind="Organization", key=f"org/{slug(label)}",
                   prov=st.prov(s, e, "extract.regional_body", 0.6)), label


def run(st: DocState) -> None:
    cands = _listed_places(st, [m for m in find_reference_mentions(st.doc, st.ref, listed=True)
                                if not _comparison_scope(st, m) and not _page_label(st, m)])
    cands = _county_by_governor(st, _county_or_landscape(st, cands))
    cands = _bodies_of_listed_counties(st, _one_sense(st, cands))
    settled = settle(cands)
    starts = {m.prov.span.start for m in settled}
    for m in settled:
        if not _judged(st, m):
            st.add_mention(m)
            continue
        # a county's or a landscape's name as a word of a longer name names no county or landscape of its own
        after = _glued_after(st, m, starts)
        if after is not None:
            body = _regional_body(st, m, after)
            if body is not None:
                st.add_mention(body[0], label=body[1])
        elif not _glued_before(st, m, starts):
            st.add_mention(m)


STEP = Step("reference_names", run, reads=("doc", "ref"), writes=("mentions", "info"))
