"""People, their titles and their party markers.

A person is a run of capitalised words on one line that starts with a known
given name (SCB name statistics) and ends in a surname-like word, or any two
capitalised words right after a title ("kommunalrådet Hilkka Eskelinen").
Titles are found anywhere (Aho-Corasick over every form in ``titles.csv``)
and tied to the person right before or after them; a party marker "(S)"
right after a name ties the person to the party.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick

from ..models import Document
from ..refdata import Reference, Title, person_key_for
from ..text import Token, at_sentence_start, lower_same_length, mask_contacts, tokens

MIN_BEARERS = 100
SURNAME_SUFFIXES = ("son", "sen", "berg", "ström", "strom", "gren", "lund", "qvist", "kvist", "dahl", "dal",
                    "holm", "blad", "lin", "ell", "ander", "ing", "man", "mark", "stam", "stedt", "sjö", "fors",
                    "borg", "by", "gård", "hed", "rot", "ros", "vall", "bäck", "back", "näs", "ek", "löf", "löv")
MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"}
PARTY_MARKER_RE = re.compile(r"\s*,?\s*\(\s*(?P<p>[A-Za-zÅÄÖåäö]{1,3})\s*\)")
TITLE_COMPLEMENT_RE = re.compile(
    r"\s+(?P<prep>i|för)\s+(?P<c>(?:[\wåäöÅÄÖ]+-\s+och\s+)?[\wåäöÅÄÖ-]*?(?:nämnden|styrelsen|förvaltningen|"
    r"utskottet|fullmäktige|beredningen|kontoret|enheten|avdelningen|sektorn)s?)\b")


_TITLE_HEADS = {"chef": "chefen", "direktör": "direktören", "råd": "rådet", "ledare": "ledaren",
                "samordnare": "samordnaren", "strateg": "strategen", "ansvarig": "ansvarige",
                "handläggare": "handläggaren", "sekreterare": "sekreteraren", "utvecklare": "utvecklaren",
                "kommunikatör": "kommunikatören", "koordinator": "koordinatorn", "planerare": "planeraren",
                "ekonom": "ekonomen", "controller": "controllern", "ingenjör": "ingenjören", "arkitekt": "arkitekten",
                "utredare": "utredaren", "inspektör": "inspektören", "rådgivare": "rådgivaren", "expert": "experten",
                "analytiker": "analytikern", "specialist": "specialisten", "assistent": "assistenten"}
TITLE_SUFFIX_RE = re.compile(
    r"(?<![\wåäö-])[a-zåäö]{3,}(?:" + "|".join(sorted({*_TITLE_HEADS, *_TITLE_HEADS.values()}, key=len, reverse=True))
    + r")(?![\wåäö-])")


def _indefinite(word: str) -> str:
    for indef, definite in _TITLE_HEADS.items():
        if word.endswith(definite):
            return word[: len(word) - len(definite)] + indef
    return word


@dataclass
class PersonHit:
    start: int
    end: int
    name: str
    key: str
    via_title: bool = False
    party: str | None = None
    party_span: tuple[int, int] | None = None


@dataclass
class TitleHit:
    start: int
    end: int
    title: Title
    role: str  # normalised role text (nominative, lower case, with complement)
    complement_org_text: str | None = None


@dataclass
class PeopleResult:
    persons: list[PersonHit] = field(default_factory=list)
    titles: list[TitleHit] = field(default_factory=list)
    roles: list[tuple[PersonHit, TitleHit]] = field(default_factory=list)
    surname_refs: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, person key, rule


def _title_automaton(ref: Reference) -> tuple[ahocorasick.Automaton, dict[str, Title]]:
    return ref.derived("titles", lambda: _build_title_automaton(ref))


def _build_title_automaton(ref: Reference) -> tuple[ahocorasick.Automaton, dict[str, Title]]:
    auto = ahocorasick.Automaton()
    by_form: dict[str, Title] = {}
    for t in ref.titles:
        for f in t.forms:
            low = f.lower()
            # the longer, more specific title wins when two share a form
            if low not in by_form or len(t.title) > len(by_form[low].title):
                by_form[low] = t
    for low in by_form:
        auto.add_word(low, low)
    auto.make_automaton()
    return auto, by_form


def _title_words(ref: Reference) -> frozenset[str]:
    return ref.derived("title_words", lambda: frozenset(f.lower() for t in ref.titles for f in t.forms
                                                         if " " not in f))


def _boundary(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or not (text[i].isalnum() or text[i] == "_")


def find_titles(text: str, ref: Reference) -> list[TitleHit]:
    auto, by_form = _title_automaton(ref)
    if len(auto) == 0:
        return []
    low = lower_same_length(text)
    hits: list[TitleHit] = []
    for end_idx, form in auto.iter(low):
        start, end = end_idx - len(form) + 1, end_idx + 1
        if not (_boundary(text, start - 1) and _boundary(text, end)):
            continue
        title = by_form[form]
        role = title.title
        m = TITLE_COMPLEMENT_RE.match(text, end)
        if m and title.title in ("ordförande", "vice ordförande", "ledamot", "verksamhetschef", "chef",
                                  "förvaltningschef", "avdelningschef", "enhetschef", "sekreterare",
                                  "andre vice ordförande", "förste vice ordförande", "ersättare"):
            role = f"{title.title} {m['prep']} {m['c'].lower()}"
            end = m.end()
        hits.append(TitleHit(start, end, title, role))
    known = {h.start for h in hits}
    for m in TITLE_SUFFIX_RE.finditer(low):
        if m.start() in known or m.group() in by_form:
            continue
        word = m.group()
        nominative = _indefinite(word)
        hits.append(TitleHit(m.start(), m.end(), Title(nominative, (word,), "", ""), nominative))
    # keep the longest title where titles overlap ("kommunstyrelsens ordförande" over "ordförande")
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[TitleHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            if h.end - h.start > out[-1].end - out[-1].start:
                out[-1] = h
            continue
        out.append(h)
    return out


def _is_given(word: str, ref: Reference) -> bool:
    if word in ref.name_stopwords:
        return False
    parts = word.split("-")
    return all(ref.given_names.get(p, 0) >= MIN_BEARERS for p in parts if p) and bool(parts[0])


def _surname_like(tok: Token, ref: Reference, title_words: frozenset[str], blocked: set[int]) -> bool:
    w = tok.text
    if not tok.is_cap or len(w) < 2 or tok.start in blocked:
        return False
    if w in ref.name_stopwords or w.lower() in MONTHS or w.lower() in title_words:
        return False
    return not (w.isupper() and len(w) <= 4)  # abbreviations: SKR, MSB


def _strong_surname(w: str, ref: Reference) -> bool:
    low = w.lower()
    return w in ref.surnames or low.endswith(SURNAME_SUFFIXES)


def find_persons(doc: Document, ref: Reference, org_spans: Iterable[tuple[int, int]] = (),
                 place_starts: frozenset[int] = frozenset()) -> PeopleResult:
    """People in ``doc``. ``place_starts``: where a one-word place name starts; it may be a given name
    ("Nora") but never a second surname ("besökte Anna Berg Tierp")."""
    text = doc.text
    masked = mask_contacts(text)
    toks = tokens(masked)
    tok_starts = [t.start for t in toks]
    titles = find_titles(text, ref)
    title_words = _title_words(ref)
    title_ends = {h.end: h for h in titles}
    # tokens inside organisation names are never person names ("Region Blekinge")
    blocked: set[int] = set()
    for s, e in org_spans:
        lo = bisect.bisect_left(tok_starts, s)
        hi = bisect.bisect_left(tok_starts, e)
        blocked.update(tok_starts[lo:hi])
    result = PeopleResult(titles=titles)
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if not tok.is_cap or tok.start in blocked:
            i += 1
            continue
        prev_title = _title_before(text, tok.start, title_ends)
        given = _is_given(tok.text, ref)
        if not given and not (prev_title and tok.text[:1].isupper() and tok.text not in ref.name_stopwords):
            i += 1
            continue
        j = i + 1
        # a second given name ("Anna Karin Berg")
        if j < n and _same_line_gap(text, toks[j - 1], toks[j]) and _is_given(toks[j].text, ref) \
                and j + 1 < n and _same_line_gap(text, toks[j], toks[j + 1]) \
                and _surname_like(toks[j + 1], ref, title_words, blocked):
            j += 1
        if j >= n or not _same_line_gap(text, toks[j - 1], toks[j]) \
                or not _surname_like(toks[j], ref, title_words, blocked):
            i += 1
            continue
        end_j = j
        # a second surname ("Steffansson Carlsson", "Wallin Sjödin"): any further
        # capitalised word that is not a title, a known name of something else or a given name
        if j + 1 < n and _same_line_gap(text, toks[j], toks[j + 1]) \
                and _surname_like(toks[j + 1], ref, title_words, blocked) and toks[j + 1].start not in place_starts \
                and not _sentence_start_after(text, toks[j + 1].start) \
                and (_strong_surname(toks[j + 1].text, ref) or not _is_given(toks[j + 1].text, ref)
                     or not (j + 2 < n and _same_line_gap(text, toks[j + 1], toks[j + 2]) and toks[j + 2].is_cap)):
            end_j = j + 1
        if tok.text in ref.ambiguous_given and at_sentence_start(text, tok.start) \
                and not _strong_surname(toks[end_j].text, ref):
            i += 1
            continue  # "Hans Göteborgsbesök": the possessive, not a name
        start, end = tok.start, toks[end_j].end
        name = text[start:end]
        if not given and not prev_title:
            i += 1
            continue
        hit = PersonHit(start, end, name, person_key_for(name), via_title=not given)
        m = PARTY_MARKER_RE.match(text, end)
        if m:
            hit.party = m["p"]
            hit.party_span = (m.start("p"), m.end("p"))
        result.persons.append(hit)
        i = end_j + 1
    _link_titles(text, result)
    _surname_references(text, toks, result)
    return result


def _sentence_start_after(text: str, pos: int) -> bool:
    return pos >= 2 and text[pos - 2] in ".!?"


def _same_line_gap(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return gap == " " or gap == "  "


def _title_before(text: str, pos: int, title_ends: dict[int, TitleHit]) -> TitleHit | None:
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return title_ends.get(j) if j < pos else None


_BEFORE_GAP = re.compile(r"^[ \t]*:?[ \t]*(?:(?:säger|sa|menar|berättar|konstaterar)[ \t]+)?\Z")
_AFTER_GAP = re.compile(r"^\s*(?:\(\s*[A-Za-zÅÄÖåäö]{1,3}\s*\)\s*)?,?[ \t]*"
                        r"(?:\(\s*[A-Za-zÅÄÖåäö]{1,3}\s*\)\s*,?[ \t]*)?"
                        r"(?:(?:och|är|var|blir|som är)[ \t]+)?(?:vår|er|deras|hans|hennes|dess|nya|nye|tillförordnad|"
                        r"tf\.?|t\.f\.)?[ \t]*\Z")


def _link_titles(text: str, result: PeopleResult) -> None:
    persons = sorted(result.persons, key=lambda p: p.start)
    used_titles: set[int] = set()
    for t in result.titles:
        # title before a person: "kommunalrådet Anna Berg", "kommunalrådet säger Anna Berg"
        nxt = next((p for p in persons if p.start >= t.end and p.start - t.end <= 12), None)
        if nxt and _BEFORE_GAP.match(text[t.end:nxt.start]):
            result.roles.append((nxt, t))
            used_titles.add(id(t))
            continue
        # title after a person: "Anna Berg, kommunchef", "Anna Berg (C), ordförande"
        prv = next((p for p in reversed(persons) if p.end <= t.start and t.start - p.end <= 14), None)
        if prv and _AFTER_GAP.match(text[prv.end:t.start]):
            result.roles.append((prv, t))
            used_titles.add(id(t))
    # a second title joined to a linked one: "kommunstyrelsens ordförande i X och ledamot i SKL:s styrelse"
    linked = list(result.roles)
    for p, t in linked:
        for t2 in result.titles:
            if id(t2) in used_titles or t2.start <= t.end or t2.start - t.end > 70:
                continue
            gap = text[t.end:t2.start]
            if re.search(r"[.;!?\n]", gap) or not re.search(r"(?:\boch|,)\s*$", gap):
                continue
            if any(t.end <= q.start < t2.start for q in persons):
                continue
            result.roles.append((p, t2))
            used_titles.add(id(t2))
    _title_coreference(text, result, used_titles)


def _title_coreference(text: str, result: PeopleResult, used: set[int]) -> None:
    """"landshövdingen", "kommunalrådet" alone: the one person the text gives that title."""
    holders: dict[str, set[str]] = {}
    for p, t in result.roles:
        holders.setdefault(t.title.title, set()).add(p.key)
    for t in result.titles:
        if id(t) in used:
            continue
        form = text[t.start:t.end].lower()
        if form == t.title.title or not form.endswith(("en", "et", "n")):
            continue  # only definite forms refer back
        keys = holders.get(t.title.title, set())
        if len(keys) == 1:
            result.surname_refs.append((t.start, t.end, next(iter(keys)), "resolve.coref.title"))


def _surname_references(text: str, toks: list[Token], result: PeopleResult) -> None:
    """A surname alone ("säger Micko") refers to the one person of that surname."""
    by_surname: dict[str, set[str]] = {}
    for p in result.persons:
        last = p.name.split()[-1]
        by_surname.setdefault(last, set()).add(p.key)
    covered = {i for p in result.persons for i in range(p.start, p.end)}
    for tok in toks:
        if not tok.is_cap:
            continue
        keys = by_surname.get(tok.text) or by_surname.get(tok.text[:-1] if tok.text.endswith("s") else "")
        if not keys or len(keys) != 1 or tok.start in covered:
            continue
        result.surname_refs.append((tok.start, tok.end, next(iter(keys)), "resolve.coref.surname"))
