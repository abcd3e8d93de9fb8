"""Organisations and places that no reference list holds, from Swedish cues,
plus abbreviations a text defines ("Informationssäkerhetsnätverket Sveriges
Kommuner, KIS") and bare definite references ("länsstyrelsen").
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..text import at_sentence_start, slug

_CAP = r"[A-ZÅÄÖÉ][\wåäöéÅÄÖ&-]*"
# a capitalised compound ending in an organisational head noun, then more capitalised words
ORG_SUFFIX_RE = re.compile(
    rf"(?<![\w-])(?P<name>[A-ZÅÄÖ][\wåäö-]*?(?P<head>nätverket|förbundet|kommunalförbund|kommunalförbundet|"
    rf"föreningen|stiftelsen|akademien|institutet|samordningsförbund|samordningsförbundet)"
    rf"(?:\s+(?!(?:i|och|för|på|med)\b){_CAP})*"
    rf"|[A-ZÅÄÖ][\wåäö-]*?(?P<head2>rådet|nämnden|förvaltningen|bolaget|centrum))(?![\wåäö])"
    rf"(?:\s*(?:,\s*|\(\s*)(?P<abbr>[A-ZÅÄÖ]{{2,6}})\b\)?)?")
COMPANY_RE = re.compile(rf"(?<![\w-])(?P<name>{_CAP}\s+(?:(?:{_CAP}|&)\s+){{0,3}}"
                        r"(?:AB|Aktiebolag|HB|KB|Ekonomisk förening))\b")
ABBR_DEF_RE = re.compile(r"\s*(?:,\s*|\(\s*)(?P<abbr>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{1,6})\)?(?=[\s,.;:)]|$)")
VENUE_HEAD_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_CAP}(?:huset|hallen|gården|salen|stallarna|teatern|hotellet|hotell|slottet|borgen|"
    rf"arenan|parken|kyrkan|torget|biblioteket|skolan|stationen|kvarnen|magasinet|bruket|verket)"
    rf"(?:\s+{_CAP}){{0,3}}(?:\s+(?:Konferens|konferens)(?:\s*&\s*{_CAP})?)?)")
VENUE_CUE_RE = re.compile(
    rf"(?:\bPlats(?: och tid)?\s*:\s*|\bLokal\s*:\s*|\bäger rum (?:på|i)\s+|\bhålls (?:på|i)\s+|\barrangeras på\s+)"
    rf"(?P<name>{_CAP}(?:\s+(?:{_CAP}|&))*(?:\s+(?:hus|huset|gård|gården|slott|park|hotell))?)")
# "Plats: Kommunhuset, Fjugesta": the locality after the venue
VENUE_LOCALITY_RE = re.compile(r",\s*(?P<name>[A-ZÅÄÖ][a-zåäöé]{2,}(?:-[A-ZÅÄÖ][a-zåäöé]+)?)(?=\s*(?:[.,;\n]|$|kl\b))")
# building names too generic to be a named place
GENERIC_VENUES = {"kommunhuset", "kommunhus", "stadshuset", "stadshus", "rådhuset", "länsstyrelsen", "kommunkansliet",
                  "kommunkontoret", "regionhuset", "skolan", "biblioteket", "kyrkan", "torget", "stationen", "parken",
                  "arenan", "hotellet"}
COMMITTEE_RE = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-ZÅÄÖ][a-zåäö]+a\s+[a-zåäö]+|[A-ZÅÄÖ][a-zåäö-]+)(?:kommittén|kommissionen|delegationen))"
    r"(?![\wåäö])")




# "i Färila", "utanför Levene": an unknown capitalised word after a place preposition
PLACE_PREP_RE = re.compile(
    r"(?<![\w-])(?:i|utanför|nära|norr om|söder om|öster om|väster om)\s+"
    r"(?P<name>[A-ZÅÄÖ][a-zåäöé]{2,}(?:-[A-ZÅÄÖ][a-zåäöé]+)?)(?![\wåäö-])(?!\s+[A-ZÅÄÖ0-9])(?!\s*\d)")
NOT_PLACES = {"teams", "zoom", "skype", "facebook", "twitter", "instagram", "linkedin", "youtube", "google", "europa",
              "eu", "norden", "sverige", "sveriges", "världen", "landet", "regeringen", "riksdagen", "länet",
              "kommunen", "regionen", "staden", "webben", "internet", "mars", "maj", "juni", "juli", "augusti",
              "januari", "februari", "april", "september", "oktober", "november", "december"}
_TITLE_HEADS = ("kommunalrådet", "oppositionsrådet", "regionrådet", "landstingsrådet", "borgarrådet")
STREET_RE = re.compile(r"(?:gatan|vägen|gata|väg|torget|allén|backen|gränd|plan|leden)$")


@dataclass(frozen=True)
class PatternOrg:
    start: int
    end: int
    name: str
    cls: str
    key: str
    abbr: str | None = None
    abbr_span: tuple[int, int] | None = None


def _org_class(name: str, head: str) -> str:
    low = head.lower()
    if low.startswith(("nätverk", "förbund", "förening", "kommunalförbund", "samordningsförbund")):
        return "Association"
    return "Organization"


def find_pattern_orgs(text: str, taken: list[tuple[int, int]]) -> Iterator[PatternOrg]:
    """Unlisted organisations and venues; ``taken`` spans (reference hits) win."""
    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in ORG_SUFFIX_RE.finditer(text):
        name = m["name"].rstrip(" -")
        head = m["head"] or m["head2"]
        if not free(m.start("name"), m.start("name") + len(name)):
            continue
        # "Kommunalrådet", "Socialnämnden" at the start of a sentence, or a title: common nouns
        if m["head2"] and (at_sentence_start(text, m.start()) or len(name) < 14
                           or name.lower().endswith(_TITLE_HEADS)):
            continue
        cls = _org_class(name, head)
        abbr = m["abbr"]
        yield PatternOrg(m.start("name"), m.start("name") + len(name), name, cls, f"org/{slug(name)}",
                         abbr, (m.start("abbr"), m.end("abbr")) if abbr else None)
    for m in COMPANY_RE.finditer(text):
        if free(m.start("name"), m.end("name")):
            yield PatternOrg(m.start("name"), m.end("name"), m["name"], "Company", f"company/{slug(m['name'])}")
    for m in COMMITTEE_RE.finditer(text):
        if free(m.start("name"), m.end("name")) and not at_sentence_start(text, m.start()):
            yield PatternOrg(m.start("name"), m.end("name"), m["name"], "Organization", f"org/{slug(m['name'])}")
    for m in PLACE_PREP_RE.finditer(text):
        name = m["name"]
        low = name.lower()
        if not free(m.start("name"), m.end("name")) or low in NOT_PLACES or STREET_RE.search(low):
            continue
        if low.endswith("s") and not free(m.end("name"), m.end("name") + 1):
            continue
        yield PatternOrg(m.start("name"), m.end("name"), name, "Place", f"place/{slug(name)}")
    seen: set[int] = set()
    for rx in (VENUE_CUE_RE, VENUE_HEAD_RE):
        for m in rx.finditer(text):
            s, e = m.start("name"), m.end("name")
            name = text[s:e].rstrip(" &")
            e = s + len(name)
            if not (s in seen or not free(s, e) or len(name) < 4 or name.lower() in GENERIC_VENUES):
                seen.add(s)
                yield PatternOrg(s, e, name, "Place", f"place/{slug(name)}")
            loc = VENUE_LOCALITY_RE.match(text, m.end("name")) if rx is VENUE_CUE_RE else None
            if loc and free(loc.start("name"), loc.end("name")) and loc["name"].lower() not in NOT_PLACES:
                yield PatternOrg(loc.start("name"), loc.end("name"), loc["name"], "Place",
                                 f"place/{slug(loc['name'])}")


def abbreviation_after(text: str, end: int) -> tuple[str, int, int] | None:
    """An abbreviation defined right after a name: "Name (ABC)" or "Name, ABC,"."""
    m = ABBR_DEF_RE.match(text, end)
    if not m:
        return None
    abbr = m["abbr"]
    if not (abbr.isupper() or (abbr[0].isupper() and sum(c.isupper() for c in abbr) >= 2)):
        return None
    return abbr, m.start("abbr"), m.end("abbr")
