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
import functools
import re
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, field

import ahocorasick

from .. import prefilter
from ..models import Document
from ..refdata import Reference, Title, person_key_for
from ..text import Token, at_sentence_start, lower_same_length, mask_contacts, tokens
from .lexicon import CAPTION_CUES, MINUTES_STRUCTURE_WORDS, VENUE_LAST_WORDS
from .orgs import abbreviates

MIN_BEARERS = 100
SURNAME_SUFFIXES = ("son", "sen", "berg", "ström", "strom", "gren", "lund", "qvist", "kvist", "dahl", "dal",
                    "holm", "blad", "lin", "ell", "ander", "ing", "man", "mark", "stam", "stedt", "sjö", "fors",
                    "borg", "by", "gård", "hed", "rot", "ros", "vall", "bäck", "back", "näs", "ek", "löf", "löv")
# a capitalised word in the definite form of a building or a body ("Ekskolan", "Folkets hus" aside): the
# object after a name in verb-second order ("besökte Anna Berg Ekskolan"), never a second surname
_NAMED_THING_RE = re.compile(r"(?:skolan|huset|hallen|gården|salen|kyrkan|parken|torget|biblioteket|stationen|"
                             r"slottet|verket|bruket|förbundet|föreningen|nätverket|kommun|regionen|länet|region|"
                             r"länsstyrelsen|departementet|myndigheten|stiftelsen|bolaget|akademin|akademien|"
                             r"institutet|kammaren|kontoret|kansliet|förvaltningen|avdelningen|enheten|"
                             r"centret|centrum|museet|teatern|arenan|[a-zåäö]{3}rum|[a-zåäö]{3}rummet|torg|torget|"
                             # a board: "Anna Berg Socialnämnden Sn 50" in the run-on header of minutes
                             r"nämnden|styrelsen|utskottet|fullmäktige|"
                             # a prize, a fund, an event named after someone: "Exempel Nordpriset", "Klimatveckan"
                             r"priset|stipendiet|medaljen|fonden|veckan|loppet|festivalen)$")
MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"}
PARTY_MARKER_RE = re.compile(r"\s*,?\s*\(\s*(?P<p>[A-Za-zÅÄÖåäö]{1,3})\s*\)")
# minutes write the party between commas: "Anna Berg, s, ordförande", "Per Holm, kd"
COMMA_PARTY_RE = re.compile(r"[ \t]*,[ \t]*(?P<p>s|m|c|v|kd|fp|l|mp|sd|S|M|C|V|KD|FP|L|MP|SD|Kd|Fp|Mp|Sd)"
                            # (then the items the member left: "Per Holm, M (ej 41-60)"; a substitute's in brackets:
                            # "(ersättare Eva Ek, MP)")
                            r"(?=[ \t]*(?:,|$|\n|\))|[ \t]+[A-ZÅÄÖ]"
                            r"|[ \t]+\((?:(?:ej|ersättare|ers|tjg|§)[ \t.]|[ \t]*\d))",
                            re.MULTILINE)
# a caption's bare party letters after a name: "Oppositionsråd Anna Berg M, landshövding Per Ek och Kommunalråd
# Eva Ek S."
BARE_PARTY_RE = re.compile(r"[ \t]+(?P<p>S|M|C|V|L|KD|MP|SD)(?=[ \t]*(?:[,.]|$|\n|och\b))", re.MULTILINE)
# a minutes roster: the member's town, then the party, its bracket often lost in the PDF's text ("Bo Ek, Älvsbyn,
# (s, ordförande", "Eva Ek, Luleå (mp, tjg ers", "Per Ek, Vara (C)")
ROSTER_PARTY_RE = re.compile(r"[ \t]*,[ \t]*(?:[A-ZÅÄÖ][a-zåäö-]+[ \t]*,?[ \t]*)?\([ \t]*"
                             r"(?P<p>s|m|c|v|kd|fp|l|mp|sd|S|M|C|V|KD|FP|L|MP|SD)[ \t]*(?:\)|(?=,|[ \t]+[\wåäöÅÄÖ]))")
TITLE_COMPLEMENT_RE = re.compile(
    r"\s+(?P<prep>i|för|på)\s+(?P<c>(?:[\wåäöÅÄÖ]+-\s+och\s+)?[\wåäöÅÄÖ-]*?(?:nämnden|styrelsen|förvaltningen|"
    r"utskottet|fullmäktige|beredningen|kontoret|enheten|avdelningen|sektorn)"
    # ... and the unit of the body in the genitive: "chef för länsstyrelsens miljöavdelning", "vice ordförande i
    # kommunstyrelsens allmänna utskott"
    r"(?:s(?:(?:[ \t]+[a-zåäö]{3,}a)?[ \t]+[a-zåäö-]*(?:avdelning|enhet|sektion|förvaltning|kontor|stab|utskott|"
    r"presidium)(?:en|et)?(?![\wåäö]))?)?"
    # a named committee or council, never the bare word ("ordförande i Vänortskommittén", not "i rådet")
    r"|[\wåäöÅÄÖ-]{3,}?(?:kommittén|rådet)"
    r"|KS|KF|RS|RF)\b")
_NAME_GOES_ON_RE = re.compile(r"[ \t]+[A-ZÅÄÖ][a-zåäö]")  # the next word of a name: "Länsstyrelsen Gävleborg"
# a board right after a board role, without a preposition: "vice ordförande kommunstyrelsen"
# (matched on the lower-cased text: "Vice ordförande Hälso- och Sjukvårdsnämnden" in a list of those present)
_BARE_BOARD_RE = re.compile(r"[ \t]+(?P<c>(?:kommun|region|landstings)(?:styrelsen|fullmäktige)|"
                            r"(?:[a-zåäö]+-[ \t]+och[ \t]+)?[a-zåäö-]+nämnden|[a-zåäö]*utskottet|[a-zåäö]+kommittén)"
                            r"(?![\wåäö])")
# a unit right after a title, without a preposition: "chef samhällsavdelningen", "kommunikatör naturvårdsenheten",
# "chef Stöd- och serviceavdelningen" (a list of officials in minutes, a contact block)
_BARE_UNIT_RE = re.compile(r"[ \t]+(?P<c>(?:[\wåäöÅÄÖ]+[ \t]*-[ \t]*och[ \t]+)?[\wåäöÅÄÖ-]*?"
                           r"(?:avdelningen|enheten|sektionen|staben))(?![\wåäö])")
# the field after a post without a preposition, in a list of officials: "sakkunnig näringsliv, A B",
# "sakkunnig kommunikation t.o.m. § 12" (the paragraphs the official attended)
_BARE_FIELD_RE = re.compile(r"[ \t]+(?P<c>[a-zåäö]{4,})"
                            r"(?=[ \t]*(?:[,;)\n]|$)|[ \t]+(?:[A-ZÅÄÖ§]|\d|t\.o\.m\.|fr\.o\.m\.))")
# (and the head of an area of an administration: "förvaltningsområdeschef omsorg 140", "verksamhetsområdeschef
# hemvård", the paragraphs attended after it)
_BARE_FIELD_POSTS = ("sakkunnig",)
_VERB_ENDINGS = ("ar", "er", "ade", "te")  # "verksamhetsområdeschef berättar, ...": a verb, no field
# a minister's field, as the Government Offices write it: "minister med ansvar för idrottsfrågorna"
_MINISTER_FOR_RE = re.compile(r"[ \t]+med[ \t]+ansvar[ \t]+för[ \t]+(?P<c>(?:[a-zåäö]+-?,?[ \t]+(?:och[ \t]+)?)?"
                              r"[a-zåäö]+(?<!samt)(?<!och))(?![\wåäö-])")
# what a bare "chef" heads, in lower case: "chef för projekt- och verksamhetsutveckling", "chef för länsstyrelsens
# samhällsavdelning" (up to three words, before a name, a clause or the end of the phrase)
_CHEF_FOR_RE = re.compile(r"[ \t]+för[ \t]+(?P<c>(?:[A-ZÅÄÖ][a-zåäö]+s[ \t]+)?(?:[a-zåäö]+-[ \t]+och[ \t]+)?"
                          r"(?!(?:att|den|det|de|en|ett)[ \t])"
                          # (a unit's name with its capital, two fields joined: "chef för Samhällsutveckling och
                          # kommunikation"; never a body's name alone: "chef för Trafikverket")
                          r"(?:[a-zåäö]|[A-ZÅÄÖ](?=[a-zåäö-]+[ \t]+och[ \t]+[a-zåäö]))"
                          r"[a-zåäö-]+(?:[ \t]+(?!(?:och|som|att|i|på|med)(?![\wåäö]))[a-zåäö][a-zåäö-]+)"
                          # (two fields joined, closing the phrase: "för samhällsutveckling och kommunikation, ...",
                          # "... och service i Region X")
                          r"{0,2}(?:[ \t]+och[ \t]+[a-zåäö][a-zåäö-]+"
                          r"(?=[ \t]*(?:[,.;:)\n]|\Z|[ \t](?:i|på|vid|inom)[ \t])))?)"
                          r"(?=[ \t]*(?:[,.;:)\n]|\Z|[ \t](?:och|som|i|på|med|vid|inom)[ \t]))")
# the posts that take the field or the unit they lead after "för": "chef för ...", "direktör för ...", "strateg för
# ...", "projektledare för ..."
_FOR_FIELD_POSTS = frozenset({"chef", "direktör", "strateg", "projektledare", "samordnare", "koordinator",
                              "processledare", "utvecklingsledare", "ansvarig"})
# board roles that take a committee complement ("ordförande i socialnämnden") or a genitive
# committee before them ("barn- och utbildningsnämndens ordförande")
_BOARD_ROLES = ("ordförande", "vice ordförande", "ledamot", "sekreterare", "ersättare", "andre vice ordförande",
                "förste vice ordförande", "1:e vice ordförande", "2:e vice ordförande")
_COMPLEMENT_TITLES = frozenset(_BOARD_ROLES + ("verksamhetschef", "chef", "förvaltningschef", "avdelningschef",
                                               "enhetschef"))
# "2:e vice ordförande i kommunstyrelsen", "1: vice ordförande": an ordinal before a vice chair, as written
_ORDINAL_BEFORE_RE = re.compile(r"(?:(?<![\w:])\d[ \t]*(?::[ \t]*[ae]?|-[ae])|"
                                r"(?<![\wåäö])(?:förste|första|andre|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|"
                                r"tionde))[ \t]+\Z")
# "arbetsmarknads- och etableringsminister": the first part of a joined compound title (also an abbreviation's:
# "it- och energiminister", "PR- och marknadschef", matched on the lower-cased text)
# (the space after the hyphen may be lost: "närings-och innovationsminister")
_JOINED_BEFORE_RE = re.compile(r"(?<![\wåäö-])(?:[a-zåäö]{2,}-,[ \t]+)*[a-zåäö]{2,}-[ \t]*och[ \t]+\Z")
# "barn- och utbildningsnämndens ordförande": a committee in the genitive before a board role
# (or a body named by an adjective: "regionala nämndens ordförande", "gemensamma nämndens ordförande")
_GENITIVE_BODY_RE = re.compile(r"(?<![\wåäö-])(?:(?:[a-zåäö]+-[ \t]+och[ \t]+)?[a-zåäö]*(?:nämndens|styrelsens|"
                               r"fullmäktiges|förvaltningens|utskottets|beredningens|föreningens|förbundets)"
                               r"|(?!(?:alla|hela|samma|andra|båda|flera|dessa|egna)[ \t])[a-zåäö]{3,}a[ \t]+"
                               r"[a-zåäö]*(?:nämndens|styrelsens|utskottets|beredningens))[ \t]+\Z")
# "Vårdförbundets ordförande", "Naturskyddsföreningens ordförande": a named union or society, whose title
# stays the bare post (its name is the affiliation), unlike a committee's ("kultur- och fritidsnämndens")
_NAMED_UNION_RE = re.compile(r"[A-ZÅÄÖ][a-zåäö]+(?:förbundets|föreningens)[ \t]+")
# "biträdande regiondirektör", "tf. kommunchef": a qualifier the title keeps
_QUALIFIER_BEFORE_RE = re.compile(r"(?<![\wåäö.])(?:biträdande|ställföreträdande|tillförordnad|t\.?f\.?)[ \t]+\Z")
# "administrativ chef", "regional utvecklingsdirektör": the field of a post, an adjective the title keeps
_FIELD_ADJECTIVES = ("administrativ", "teknisk", "medicinsk", "ekonomisk", "strategisk", "operativ", "regional",
                     "nationell", "juridisk", "pedagogisk", "digital")
# the plural or definite endings of an adjective that opens an item's heading after a name in run-together minutes
# ("Per Holm Sociala frågor", "Anna Berg Regionala utvecklingsplanen")
_ADJECTIVE_ENDINGS = ("ala", "ella", "iska", "liga", "ära", "iva")


def _heading_adjective(text: str, toks: list[Token], k: int, ref: Reference) -> bool:
    """Is ``toks[k]`` an adjective with a lower-case noun after it on its line, no surname?"""
    w = toks[k].text
    return w.lower().endswith(_ADJECTIVE_ENDINGS) and w not in ref.surnames and k + 1 < len(toks) \
        and toks[k + 1].text[:1].islower() and _same_line_gap(text, toks[k], toks[k + 1])


_FIELD_BEFORE_RE = re.compile(r"(?<![\wåäö])(?:" + "|".join(_FIELD_ADJECTIVES) + r")[ \t]+\Z")
# "regiondirektörerna", "kommunikatörer": plural endings after a title form
_PLURAL_AFTER_RE = re.compile(r"(?:erna|arna|er|ar)(?![\wåäö])")
_DEFINITE_ENDINGS = ("", "n", "en", "et", "t", "na", "ar", "er", "arna", "erna")


_TITLE_HEADS = {"chef": "chefen", "direktör": "direktören", "råd": "rådet", "ledare": "ledaren",
                "samordnare": "samordnaren", "strateg": "strategen", "ansvarig": "ansvarige",
                "handläggare": "handläggaren", "sekreterare": "sekreteraren", "utvecklare": "utvecklaren",
                "kommunikatör": "kommunikatören", "koordinator": "koordinatorn", "planerare": "planeraren",
                "ekonom": "ekonomen", "controller": "controllern", "ingenjör": "ingenjören", "arkitekt": "arkitekten",
                "utredare": "utredaren", "inspektör": "inspektören", "rådgivare": "rådgivaren", "expert": "experten",
                "analytiker": "analytikern", "specialist": "specialisten", "assistent": "assistenten",
                "jurist": "juristen", "minister": "ministern", "ordförande": "ordföranden", "ledamot": "ledamoten",
                "ekolog": "ekologen", "biolog": "biologen", "pedagog": "pedagogen", "konsulent": "konsulenten"}
_TITLE_SUFFIXES = tuple(sorted({*_TITLE_HEADS, *_TITLE_HEADS.values()}, key=len, reverse=True))
# a lower-case word standing alone; it is a title when it is a compound of three letters or more
# and a title head ("projektledare", "miljöstrategen"). One pass over the words, then a suffix
# check: the single pattern [a-zåäö]{3,}(?:head|...) backtracks through every word it meets.
# (an abbreviation and a hyphen may open it: "HR-strateg", "IT-chef")
_LOWER_WORD_RE = re.compile(r"(?<![\wåäö-])(?:[a-zåäö]{2,4}-)?[a-zåäö]{4,}(?![\wåäö-])")


_SUFFIX_SET = frozenset(_TITLE_SUFFIXES)
_SUFFIX_LENGTHS = sorted({len(h) for h in _TITLE_SUFFIXES})


_SUFFIXES_AUTO = prefilter.length_automaton(_TITLE_SUFFIXES)


def _word_char(c: str) -> bool:
    """A character of ``[\\wåäö-]``: the regex engine's word character (alphanumeric or "_") or a hyphen."""
    return c.isalnum() or c in "_-"


def title_suffix_words(low: str) -> Iterator[re.Match[str]]:
    """Lower-case compounds ending in a title head, as whole words of ``low``: the matches of
    _LOWER_WORD_RE that end in a head. A match is a whole run of word characters and hyphens (its
    lookarounds see none on either side), so the runs are found from where a head ends one (one
    Aho-Corasick pass) instead of trying the expression at every word of the text."""
    heads, lengths = _SUFFIX_SET, _SUFFIX_LENGTHS
    done = -1
    for last, _ in _SUFFIXES_AUTO.iter(low):
        end = last + 1
        if end == done or (end < len(low) and _word_char(low[end])):
            continue  # the same run, or a head inside a word
        done = end
        start = end
        while start > 0 and _word_char(low[start - 1]):
            start -= 1
        m = _LOWER_WORD_RE.match(low, start)
        if m is None or m.end() != end:
            continue
        word = m.group()
        for n in lengths:  # the shortest head the word ends with leaves the longest first part
            if len(word) - n < 3:
                break
            if word[-n:] in heads:
                yield m
                break


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
    # the whole name where the text writes it otherwise: surname first ("Persson Tord (S)"), or a given name that
    # shares the next person's surname ("Anna och Per Holm")
    label: str | None = None


@dataclass
class TitleHit:
    start: int
    end: int
    title: Title
    role: str  # the role as written, in the nominative and lower case, with its complement
    complement_org_text: str | None = None
    plural: bool = False  # "regionråden", "biträdande regiondirektörerna": may head a list of names
    extended: bool = False  # words before the table's form belong to the title
    definite: bool = False  # "landshövdingen": may stand before a comma and the name


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


def _glued(text: str, i: int) -> bool:
    """"DanielssonKommunchef": a capital right after a lower-case letter starts a word whose space was lost."""
    return 0 < i < len(text) and text[i].isupper() and text[i - 1].islower()


def _inflected(form: str, base: str) -> bool:
    """"landshövdingen", "tekniska chefen", "vd:n": an inflection of ``base`` word by word."""
    fw, bw = form.replace("ledamöt", "ledamot").split(), base.split()  # the plural's umlaut: "ledamöterna"
    return len(fw) == len(bw) and all(f.startswith(b[:-1] if len(b) > 3 else b) for f, b in zip(fw, bw, strict=True))


def _role_as_written(written: str, title: Title) -> str:
    return _role_of_form(" ".join(written.lower().split()), title)


@functools.lru_cache(maxsize=4096)
def _role_of_form(low: str, title: Title) -> str:
    """The role in the nominative as the text writes it: the title itself for its own
    inflections ("landshövdingen" -> "landshövding"), a variant as written, in lower case
    ("KSO" -> "kso", "kommunstyrelseordföranden" -> "kommunstyrelseordförande")."""
    if title.category == "minister" or _inflected(low, title.title.lower()):
        return title.title
    for base in sorted({f.lower() for f in title.forms}, key=len):
        if low.startswith(base) and low[len(base):] in _DEFINITE_ENDINGS and low != base:
            return base
    return low


def _extend_before(text: str, low: str, start: int, title: Title) -> tuple[int, str]:
    """Words before a title that belong to it: an ordinal ("2:e vice ordförande"), the first
    part of a joined compound ("arbetsmarknads- och etableringsminister"), a committee in the
    genitive ("barn- och utbildningsnämndens ordförande"), a qualifier ("biträdande") or the post's field
    ("administrativ chef")."""
    before = low[max(0, start - 60):start]
    tail = before.rstrip()
    if len(tail) == len(before):
        return start, ""
    rules: list[re.Pattern[str]] = []
    if tail.endswith(("biträdande", "ställföreträdande", "tillförordnad", "tf", "tf.", "t.f.", "t.f")):
        rules.append(_QUALIFIER_BEFORE_RE)
    if tail.endswith(_FIELD_ADJECTIVES):
        rules.append(_FIELD_BEFORE_RE)
    # ("1:e ersättare": the order of a deputy too)
    if tail[-1:] in "0123456789:ea" and (low.startswith(("vice ", "v. "), start) or title.title == "ersättare"):
        rules.append(_ORDINAL_BEFORE_RE)
    if tail.endswith("s") and title.title in _BOARD_ROLES:
        rules.append(_GENITIVE_BODY_RE)
    if tail.endswith(" och") and "-" not in title.title.split()[0]:
        rules.append(_JOINED_BEFORE_RE)
    for rx in rules:
        m = rx.search(before)
        if m:
            cut = start - (len(before) - m.start())
            if rx is _GENITIVE_BODY_RE and _NAMED_UNION_RE.fullmatch(text, cut, start):
                continue
            return cut, " ".join(text[cut:start].split())
    return start, ""


# the generic posts a compound may end in, its first part the field: "smittskyddsöverläkare", "fastighetschef"
_COMPOUND_HEADS = frozenset({"chef", "direktör", "läkare", "överläkare", "strateg", "samordnare", "handläggare",
                             "sekreterare", "controller", "ekonom", "rådgivare", "koordinator", "projektledare",
                             "utredare"})


def _compound_start(text: str, low: str, start: int, form: str, by_form: dict[str, Title]) -> int:
    """Where the word starts whose last part is the generic post ``form`` found at ``start`` inside it
    ("smittskydds|överläkare"): a lower-case field of three letters or more before it, the word no listed title
    of its own (that one is found whole), no capital inside it ("LundKommunchef": two words that lost their
    space); -1 where it is not such a compound."""
    if form not in _COMPOUND_HEADS:
        return -1
    ws = start
    while ws > 0 and low[ws - 1].isalpha():
        ws -= 1
    end = start + len(form)
    if start - ws < 3 or low[ws:end] in by_form or (end < len(low) and low[end].isalnum()) \
            or not text[ws + 1:end].islower():
        return -1
    return ws


# a trip or a visit written as a name after its maker in the genitive: "Karin Ekvalls Sverigeresa", "Anna Bergs
# Norrlandsturné"
_OWN_TRIP_RE = re.compile(r"(?:resa|resan|turné|turnén|besök|besöket|turen)$")


def find_titles(text: str, ref: Reference) -> list[TitleHit]:
    auto, by_form = _title_automaton(ref)
    if len(auto) == 0:
        return []
    low = lower_same_length(text)
    hits: list[TitleHit] = []
    for end_idx, form in auto.iter(low):
        start, end = end_idx - len(form) + 1, end_idx + 1
        plural = False
        if not _boundary(text, start - 1) and not _glued(text, start):
            start = _compound_start(text, low, start, form, by_form)
            if start < 0:
                continue
        if not _boundary(text, end):
            m = _PLURAL_AFTER_RE.match(low, end)
            if not m or " " in form:
                continue
            end, plural = m.end(), True
        title = by_form[form]
        role = _role_as_written(text[start:end], title) if not plural else title.title
        plural = plural or (form.endswith(("erna", "arna", "råden", "ledamöter")) and form != title.title.lower())
        definite = not plural and form.endswith(("en", "et", "n")) and _inflected(form, title.title.lower()) \
            and form != title.title.lower()
        new_start, prefix = _extend_before(text, low, start, title)
        if prefix:
            # (a deputy's order before the abbreviation, in full: "tredje ers" is a "tredje ersättare")
            role = f"{prefix.lower()} {title.title if title.title == 'ersättare' else role}"
        m = TITLE_COMPLEMENT_RE.match(text, end)
        if m and m["c"][:1].isupper() and not m["c"].isupper() and _NAME_GOES_ON_RE.match(text, m.end()):
            m = None  # "stabschef på Länsstyrelsen Gävleborg": a body's name, whose the post is, not its board
        bare = _BARE_BOARD_RE.match(low, end) if m is None else None
        if m and (title.title in _COMPLEMENT_TITLES or role.endswith(tuple(_BOARD_ROLES))):
            role = f"{role} {m['prep']} {m['c'].lower()}"
            end = m.end()
        elif bare and (role.endswith(tuple(_BOARD_ROLES)) or title.title in _BOARD_ROLES):
            # (an abbreviated role too: "ordf. regionstyrelsen", "v ordf regionutvecklingsnämnden")
            # "vice ordförande kommunstyrelsen" (a caption's short form): the board is part of the role
            role = f"{role} {bare['c'].lower()}"
            end = bare.end()
        elif unit := _BARE_UNIT_RE.match(text, end):
            role = f"{role} {unit['c'].lower()}"
            end = unit.end()
        elif title.title in _FOR_FIELD_POSTS and (field := _CHEF_FOR_RE.match(text, end)) and (
                title.title == "chef" or not text.startswith(" och ", field.end("c"))):
            # (a field cut short before an "och" that does not close the phrase may be half of it: "Projektledare
            # för samverkan och dialog 5. Information ..." keeps the bare post; a "chef" its first field, as before)
            role = f"{role} för {field['c'].lower()}"
            end = field.end("c")
        elif title.title == "minister" and (field := _MINISTER_FOR_RE.match(text, end)):
            role = f"{role} med ansvar för {field['c']}"
            end = field.end("c")
        elif (title.title.endswith(_BARE_FIELD_POSTS) or role.endswith("områdeschef")) \
                and (field := _BARE_FIELD_RE.match(text, end)) and not field["c"].endswith(_VERB_ENDINGS):
            role = f"{role} {field['c']}"
            end = field.end("c")
        hits.append(TitleHit(new_start, end, title, role, plural=plural, extended=bool(prefix), definite=definite))
    known = {h.start for h in hits}
    for m in title_suffix_words(low):
        if m.start() in known or m.group() in by_form:
            continue
        word = m.group()
        if any(_glued(text, i) for i in range(m.start() + 1, m.end())):
            continue  # "DanielssonKommunchef": two words glued together, the title found as the second
        nominative = _indefinite(word)
        # "miljö- och hälsoskyddsinspektör": the first part of the joined compound belongs to the title
        joined = _JOINED_BEFORE_RE.search(low, max(0, m.start() - 60), m.start())
        start = joined.start() if joined else m.start()
        role = " ".join(low[start:m.start()].split() + [nominative]) if joined else nominative
        # "kunskapsminister", "gymnasie- och kunskapsminister": a minister's title the table lacks is a minister's
        minister = nominative.endswith("minister")
        title = Title(nominative, (word,), "minister" if minister else "", "government" if minister else "")
        hits.append(TitleHit(start, m.end(), title, role, extended=bool(joined)))
    # keep the longest title where titles overlap ("kommunstyrelsens ordförande" over "ordförande"),
    # and a form of the table over the same words put together by rule
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.extended))
    out: list[TitleHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            if h.end - h.start > out[-1].end - out[-1].start:
                out[-1] = h
            continue
        out.append(h)
    return out


def _is_given(word: str, ref: Reference) -> bool:
    """Is ``word`` a given name (every part of "Anna-Karin" borne by enough people)? Remembered
    per word: the same capitalised words recur in every document."""
    verdicts: dict[str, bool] = ref.derived("given-name verdicts", dict)
    known = verdicts.get(word)
    if known is None:
        if len(verdicts) > 200_000:
            verdicts.clear()  # a bound for runs over millions of documents
        known = verdicts[word] = _given_verdict(word, ref)
    return known


def _given_verdict(word: str, ref: Reference) -> bool:
    if word in ref.name_stopwords:
        return False
    if _HYPHENED_INITIALS_RE.fullmatch(word):
        return True  # "K-G", "A-C", "P-O": a double given name written as its initials
    if "-" in word and ref.given_names.get(word, 0) >= MIN_BEARERS:
        return True  # "Ing-Britt", "Ing-Marie": a double name the statistics list whole, whatever its parts
    parts = _GIVEN_PARTS_RE.split(word)  # "Anna-Karin", and "AnnaKarin" written with a capital inside
    return all(ref.given_names.get(p, 0) >= MIN_BEARERS for p in parts if p) and bool(parts[0])


_GIVEN_PARTS_RE = re.compile(r"-|(?<=[a-zåäöéü])(?=[A-ZÅÄÖÉÜ])")
_HYPHENED_INITIALS_RE = re.compile(r"[A-ZÅÄÖ]-[A-ZÅÄÖ]")


def _names_no_person(word: str) -> bool:
    """A building or body in the definite form ("Ekskolan") or a protocol's own word ("Justerande"):
    never a word of a person's name."""
    low = word.lower()
    return bool(_NAMED_THING_RE.search(low)) or low in VENUE_LAST_WORDS or word.casefold() in MINUTES_STRUCTURE_WORDS


# a noun in the definite that a protocol's run-together text puts after a name: "Anna Berg Justeringen ..."
_DEFINITE_NOUN_ENDING = "ingen"
# a post no title list holds, written with a capital in a list ("Anna Berg Produktionschef Exempel AB")
_POST_ENDINGS = ("chef", "direktör", "ansvarig", "samordnare", "handläggare", "sekreterare", "arkitekt", "planerare",
                 "strateg", "utvecklare", "utredare", "kommunikatör", "ingenjör", "inspektör", "koordinator",
                 "controller",
                 # a board, also in the genitive ("Anna Berg Kommunstyrelsens ordförande": a caption run into the text)
                 "styrelsen", "styrelsens", "nämnden", "nämndens", "fullmäktige", "fullmäktiges", "utskottet",
                 "utskottets")


# what is named after a person, in the genitive: "Gustav Adolfs torg", "Karl Johans gata", "Anna Lindhs plats"
_NAMED_AFTER_RE = re.compile(r"[ \t]+(?:torg|torget|gata|gatan|väg|vägen|plats|platsen|park|parken|allé|backe|"
                             r"skola|skolan|hall|hallen|minne)(?![\wåäö])")
_PARTICLES = frozenset({"af", "von", "de", "van", "von der", "van der", "de la"})  # that open a surname
_NOBLE_PARTICLE_RE = re.compile(r"[ \t]+(?:af|von|von der|de la)[ \t]+[A-ZÅÄÖ][\wåäö-]+(?![\wåäö-])")


def _surname_like(tok: Token, ref: Reference, title_words: frozenset[str], blocked: set[int]) -> bool:
    w = tok.text
    if not tok.is_cap or len(w) < 2 or tok.start in blocked:
        return False
    low = w.lower()
    # (a title in the genitive: "Anna Berg Landshövdingens koordinator" in a caption's run-on list)
    if w in ref.name_stopwords or low in MONTHS or low in title_words or _names_no_person(w) \
            or (low[-1:] == "s" and low[:-1] in title_words) or low.endswith(_POST_ENDINGS) \
            or low.endswith(("protokoll", "protokollet")) \
            or (low.endswith(_DEFINITE_NOUN_ENDING) and len(low) > 6 and w not in ref.surnames):
        return False
    return not (w.isupper() and len(w) <= 4)  # abbreviations: SKR, MSB


# the first part of a joined compound: "Per Holm Näringslivs- och turismchef"
_JOINED_AFTER_RE = re.compile(r"-[ \t]+(?:och|&)[ \t]")


def _next_person(text: str, toks: list[Token], k: int, ref: Reference, title_words: frozenset[str],
                 blocked: set[int]) -> bool:
    """Do ``toks[k]`` and the word after it name the next person of a run-on list, a given name then a
    surname ("Anna Berg Erling Johansson Per Holm")?"""
    return _is_given(toks[k].text, ref) and k + 1 < len(toks) and _same_line_gap(text, toks[k], toks[k + 1]) \
        and _surname_like(toks[k + 1], ref, title_words, blocked) and _strong_surname(toks[k + 1].text, ref) \
        and not _is_given(toks[k + 1].text, ref)


# what follows a list's entry: its party or its unit in brackets
_SURNAME_FIRST_AFTER_RE = re.compile(r"[ \t]*\([A-ZÅÄÖa-zåäö]{1,6}\)")


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
    title_starts = {h.start for h in titles}
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
        if prev_title is not None and not _is_given(tok.text, ref) and result.persons \
                and _title_before(text, result.persons[-1].start, title_ends) is None \
                and ((_APPOSED_RE.fullmatch(text, result.persons[-1].end, prev_title.start)
                      and _LINE_END_NAME_RE.match(text, tok.start))
                     or (_APPOSED_DASH_RE.fullmatch(text, result.persons[-1].end, prev_title.start)
                         and _ITEM_END_NAME_RE.match(text, tok.start))):
            # "Eva Lund, platschef Exempelfiske." ending a roster's line, "Eva Lund – platschef Exempelfiske, Per
            # Holm – ...": the title is hers, what follows is her employer (in "A, platschef B och C" the comma
            # lists people, and so does "kommunchef A, landshövding B.", a list that writes each title before its
            # name)
            prev_title = None
        given = _is_given(tok.text, ref)
        if not given and not (prev_title and tok.text[:1].isupper() and tok.text not in ref.name_stopwords
                              and not _names_no_person(tok.text) and not tok.text.isupper()):
            if not _unlisted_given(text, toks, i, ref, title_starts, result.persons, title_words, blocked):
                i += 1
                continue
            given = True
        elif not given and i + 2 < n and _is_given(toks[i + 1].text, ref) \
                and _same_line_gap(text, tok, toks[i + 1]) and _same_line_gap(text, toks[i + 1], toks[i + 2]) \
                and _surname_like(toks[i + 2], ref, title_words, blocked) and not _is_given(toks[i + 2].text, ref):
            i += 1  # "Ersättare Adjungerade Ulf Olsson": a word of the layout between the title and the name
            continue
        j = i + 1
        # a middle initial ("Ulla J Berg", "Ulla J. Berg")
        if j + 1 < n and len(toks[j].text) == 1 and toks[j].text.isupper() \
                and re.fullmatch(r"[ \t]+", text[toks[j - 1].end:toks[j].start]) \
                and re.fullmatch(r"\.?[ \t]+", text[toks[j].end:toks[j + 1].start]) \
                and _surname_like(toks[j + 1], ref, title_words, blocked):
            j += 1
        # a second given name ("Anna Karin Berg")
        # (not before the next person of a run-on list: "Anna Nordin Karl Holmgren")
        if j < n and _same_line_gap(text, toks[j - 1], toks[j]) and _is_given(toks[j].text, ref) \
                and not toks[j].text.endswith(("son", "sen")) \
                and j + 1 < n and _same_line_gap(text, toks[j], toks[j + 1]) \
                and not _next_person(text, toks, j + 1, ref, title_words, blocked) \
                and _surname_like(toks[j + 1], ref, title_words, blocked) and toks[j + 1].start not in place_starts:
            j += 1
        # a surname that opens with its particle, right after the given name: "Eva von Exempel", "Per af Exempel"
        k = j
        while k < n and k - j < 2 and toks[k].text.islower() and _same_line_gap(text, toks[k - 1], toks[k]):
            k += 1
        if k > j and k < n and " ".join(t.text for t in toks[j:k]) in _PARTICLES and toks[k].is_cap \
                and _same_line_gap(text, toks[k - 1], toks[k]):
            j = k
        if j >= n or not (_same_line_gap(text, toks[j - 1], toks[j]) or _initial_gap(text, toks[j - 1], toks[j])) \
                or not _surname_like(toks[j], ref, title_words, blocked):
            i += 1
            continue
        end_j = j
        # a second surname ("Steffansson Carlsson", "Wallin Sjödin"): any further
        # capitalised word that is not a title, a known name of something else or a given name (nor, in a run-on
        # list, the adjective that opens the next title: "Anna Berg Administrativ chef Per Holm")
        if j + 1 < n and _same_line_gap(text, toks[j], toks[j + 1]) \
                and _surname_like(toks[j + 1], ref, title_words, blocked) and toks[j + 1].start not in place_starts \
                and not _sentence_start_after(text, toks[j + 1].start) \
                and toks[j + 1].text.lower() not in _FIELD_ADJECTIVES \
                and not _heading_adjective(text, toks, j + 1, ref) \
                and not _JOINED_AFTER_RE.match(text, toks[j + 1].end) \
                and not text.startswith(":", toks[j + 1].end) \
                and not (toks[j].text.endswith("s") and _OWN_TRIP_RE.search(toks[j + 1].text.lower())) \
                and not _next_person(text, toks, j + 1, ref, title_words, blocked) \
                and (_strong_surname(toks[j + 1].text, ref) or not _is_given(toks[j + 1].text, ref)
                     or not (j + 2 < n and _same_line_gap(text, toks[j + 1], toks[j + 2]) and toks[j + 2].is_cap)):
            end_j = j + 1
        if tok.text in ref.ambiguous_given and at_sentence_start(text, tok.start) \
                and not _strong_surname(toks[end_j].text, ref) \
                and not _roster_entry(text, toks[end_j].end, title_starts, blocked):
            i += 1
            continue  # "Hans Göteborgsbesök": the possessive, not a name
        start, end = tok.start, toks[end_j].end
        noble = _NOBLE_PARTICLE_RE.match(text, end)
        if noble:
            end = noble.end()  # "Eva Munck af Exempelsköld", "Per von Exempel": the particle and the name after it
            while end_j + 1 < n and toks[end_j + 1].start < end:
                end_j += 1
        name = text[start:end]
        if _NAMED_AFTER_RE.match(text, end) and name.endswith("s"):
            i = end_j + 1  # "Gustav Adolfs torg", "Anna Lindhs plats": a street or a place named after a person
            continue
        if not given and (not prev_title or tok.start in place_starts):
            i += 1  # "besökte ministern Exempelby Energi": a town's name is no unknown given name
            continue
        hit = PersonHit(start, end, name, person_key_for(name), via_title=not given)
        if end_j == i + 1 and _SURNAME_FIRST_AFTER_RE.match(text, end) \
                and _strong_surname(tok.text, ref) \
                and (tok.text.endswith(("son", "sen")) or not _is_given(tok.text, ref)) \
                and _is_given(toks[end_j].text, ref) and not toks[end_j].text.endswith(("son", "sen")):
            # "Persson Tord (S)", "Ek Anna (BSN)": a list that writes the surname first, the person the prose
            # names "Tord Persson"
            hit.label = f"{toks[end_j].text} {tok.text}"
            hit.key = person_key_for(hit.label)
        m = PARTY_MARKER_RE.match(text, end) or COMMA_PARTY_RE.match(text, end) or ROSTER_PARTY_RE.match(text, end) \
            or BARE_PARTY_RE.match(text, end)
        if m:
            hit.party = m["p"]
            hit.party_span = (m.start("p"), m.end("p"))
        result.persons.append(hit)
        i = end_j + 1
    _ministers_by_surname(doc, toks, titles, ref, result)
    _shared_surnames(text, ref, result)
    _genitives_and_spellings(text, result.persons, ref)
    _link_titles(text, result)
    _surname_references(text, toks, result)
    return result


def _ministers_by_surname(doc: Document, toks: list[Token], titles: list[TitleHit], ref: Reference,
                          result: PeopleResult) -> None:
    """"hos landsbygdsminister Bucht": a minister's title and a surname alone name the one minister of
    the list of ministers with that post and surname (on the document's date, where it has one)."""
    text = doc.text
    starts = {t.start: k for k, t in enumerate(toks)}
    taken = [(p.start, p.end) for p in result.persons]
    for t in titles:
        if t.title.category != "minister" or t.plural or not text.startswith(" ", t.end):
            continue
        k = starts.get(t.end + 1)
        if k is None or not toks[k].is_cap or any(a <= toks[k].start < b for a, b in taken):
            continue
        if k + 1 < len(toks) and toks[k + 1].is_cap and _same_line_gap(text, toks[k], toks[k + 1]):
            continue  # a whole name follows, which the scan above reads
        word = toks[k].text
        post = t.title.title.casefold()
        names = {term.name for term in ref.ministers
                 if term.post.casefold() == post and term.name.split()[-1] in (word, word[:-1])
                 and (doc.published is None or term.holds_on(doc.published))}
        if len(names) == 1:
            name = names.pop()
            result.persons.append(PersonHit(toks[k].start, toks[k].end, name, person_key_for(name)))
            result.persons.sort(key=lambda p: p.start)


# a given name, then "och" before the next person's name: "Anna och Per Holm"
_GIVEN_AND_RE = re.compile(r"(?<![\wåäö-])(?P<g>[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?)[ \t]+och[ \t]+\Z")


def _shared_surnames(text: str, ref: Reference, result: PeopleResult) -> None:
    """"Anna och Per Holm": a given name joined by "och" to a person's given name shares that person's surname, a
    couple or siblings named once (the span is the given name alone, the label the whole name)."""
    taken = [(p.start, p.end) for p in result.persons]
    for p in list(result.persons):
        words = p.name.split()
        m = _GIVEN_AND_RE.search(text, max(0, p.start - 30), p.start)
        if m is None or len(words) != 2 or p.label is not None or not _is_given(words[0], ref) \
                or not (_strong_surname(words[1], ref) or not _is_given(words[1], ref)):
            continue  # ("Kronprinsessan Victoria och Prins Daniel": no surname to share)
        given = m["g"]
        if not _is_given(given, ref) or given in ref.ambiguous_given or given in ref.name_stopwords \
                or _strong_surname(given, ref) or any(a <= m.start("g") < b for a, b in taken):
            continue
        name = f"{given} {words[-1]}"
        result.persons.append(PersonHit(m.start("g"), m.end("g"), given, person_key_for(name), label=name))
    result.persons.sort(key=lambda q: q.start)


# a caption's cue before its list of names (also "Stående", "Sittande")
_CAPTION_CUE_BEFORE_RE = re.compile(rf"(?:{CAPTION_CUES}|[Ss]tående|[Ss]ittande)[ \t]*:?[ \t]*\Z")
_APPOSITION_AFTER_RE = re.compile(r"[ \t]*(?:\([A-Za-zÅÄÖåäö]{1,3}\)[ \t]*)?,[ \t]*")
_LIST_BEFORE_RE = re.compile(r"(?:,|[ \t]och|[ \t]samt)[ \t]+\Z")
_LIST_AFTER_RE = re.compile(r"[ \t]*(?:\([A-Za-zÅÄÖåäö]{1,3}\)[ \t]*)?(?:,|[ \t]och[ \t]|[ \t]samt[ \t])")


def _unlisted_given(text: str, toks: list[Token], i: int, ref: Reference, title_starts: set[int],
                    found: list[PersonHit], title_words: frozenset[str], blocked: set[int]) -> bool:
    """A first name the given-name list lacks ("Wendla") or counts as a common word ("Dag"), before a
    surname-like word, where the sentence makes it a name: a title right after a comma ("Wendla
    Thorstensson, kommunstyrelsens ordförande"), or a place in a list of names between two others
    ("Per Holm, Dag Hultefors, Eva Nord")."""
    tok = toks[i]
    if i + 1 >= len(toks) or not tok.is_cap or not tok.text.isalpha() or len(tok.text) < 3 or tok.text.isupper() \
            or tok.text.lower() in title_words:
        return False
    sur = toks[i + 1]
    if not _same_line_gap(text, tok, sur) or not _surname_like(sur, ref, title_words, blocked):
        return False
    marker = PARTY_MARKER_RE.match(text, sur.end)
    # "Exempelby Hyresbostäder (EHB)": the bracket abbreviates the words before it, an organisation's short name
    if marker and sur.text.isalpha() and not abbreviates(marker["p"], [tok.text, sur.text]) \
            and (tok.text not in ref.name_stopwords or tok.text.lower() in MONTHS) \
            and sur.text[1:].islower() and sur.text not in ref.name_stopwords:
        # "Sorella Hägglund (SD)", also opening a sentence, and "Maj Holmström (M)", a month's name
        return True  # a name with its party
    if _CAPTION_CUE_BEFORE_RE.search(text, max(0, tok.start - 20), tok.start) and _strong_surname(sur.text, ref) \
            and tok.text not in ref.name_stopwords and tok.text[1:].islower() and _LIST_AFTER_RE.match(text, sur.end) \
            and i + 2 < len(toks) and _is_given(toks[i + 2].text, ref):
        return True  # "Från vänster: Pat Friberg, Anna Berg, ...": the first of a caption's list of names
    if tok.text.lower() in MONTHS or at_sentence_start(text, tok.start):
        return False
    after = _APPOSITION_AFTER_RE.match(text, sur.end)
    titled = after is not None and after.end() in title_starts
    if not _strong_surname(sur.text, ref):
        # "..., Effie Kourlos, kommunalråd, ...": two plain capitalised words between a list's comma and a
        # title after their own comma are a name, whatever the lists of names know of them
        return titled and sur.text.isalpha() and sur.text[1:].islower() and tok.text[1:].islower() \
            and tok.text not in ref.name_stopwords and sur.text not in ref.name_stopwords \
            and bool(_LIST_BEFORE_RE.search(text, max(0, tok.start - 6), tok.start))
    if titled and (tok.text not in ref.name_stopwords or ref.given_names.get(tok.text, 0) >= MIN_BEARERS):
        return True
    # in a list: a person just before, and another name just after ("Eva Sjö, Kiliana Berglund, Olle
    # Lind": a given name the lists lack, with a surname they know, between two people)
    if not found or (ref.given_names.get(tok.text, 0) < MIN_BEARERS
                     and (tok.text in ref.name_stopwords or not tok.text[1:].islower())):
        return False
    prev = found[-1]
    if not (0 < tok.start - prev.end <= 8 and _LIST_BEFORE_RE.search(text, prev.end, tok.start)):
        return False
    nxt = _LIST_AFTER_RE.match(text, sur.end)
    return nxt is not None and i + 3 < len(toks) and _is_given(toks[i + 2].text, ref) \
        and toks[i + 2].start - nxt.end() <= 1


def _roster_entry(text: str, end: int, title_starts: Set[int], org_starts: Set[int] = frozenset()) -> bool:
    """Does the name that ends at ``end`` stand as an entry of a roster: its party in brackets or
    between commas, a title or an organisation after a comma ("Per Sandvik, sekreterare", "Bo Lindell
    (M)", "Hans Berg, Vara kommun")? Then a first word that is also a common word ("Per", "Bo",
    "Hans") is a given name."""
    if PARTY_MARKER_RE.match(text, end) or COMMA_PARTY_RE.match(text, end):
        return True
    after = _APPOSITION_AFTER_RE.match(text, end)
    return after is not None and (after.end() in title_starts or after.end() in org_starts)


_NOUN_AFTER_RE = re.compile(r"[ \t]+[a-zåäö]")
_WORD_AFTER_RE = re.compile(r"[ \t]+([A-ZÅÄÖ][\wåäö]*)")


def _undoubled(name: str) -> str:
    return re.sub(r"(.)\1", r"\1", name.lower())


_NAME_ENDS_RE = re.compile(r"[ \t]*[,(]")


def _genitives_and_spellings(text: str, persons: list[PersonHit], ref: Reference) -> None:
    """One person per name as written in the text's other forms: the genitive ("Erik Brates gård",
    "Anna Bergs förslag") is the name without its -s, where the text also writes the name so or the
    surname is a surname without it; a spelling with a letter doubled or not ("Edvinson",
    "Edvinsson"), two neighbouring letters swapped ("Lindqvist", "Lindqvsit") or a letter dropped is the spelling
    the text uses first."""
    names = {p.name for p in persons}
    # "Per Wells, samordnare": a name written before a comma or a bracket ends in its own -s
    listed = {p.name for p in persons if _NAME_ENDS_RE.match(text, p.end)}
    for p in persons:
        if not p.name.endswith("s") or " " not in p.name or p.party:
            continue
        base = p.name[:-1]
        trip = _WORD_AFTER_RE.match(text, p.end)
        if base in names or (trip is not None and _OWN_TRIP_RE.search(trip.group(1).lower())) \
                or (_NOUN_AFTER_RE.match(text, p.end) and _strong_surname(base.rsplit(" ", 1)[1], ref)
                    and not _strong_surname(p.name.rsplit(" ", 1)[1], ref) and p.name not in listed):
            p.end -= 1
            p.name = base
            p.key = person_key_for(base)
    first: dict[tuple[str, str], PersonHit] = {}
    for p in persons:
        parts = p.name.split(" ")
        surname = _undoubled(" ".join(parts[1:]))
        spelled = first.get((parts[0], surname))
        if spelled is None:
            # "Lindqvist" and "Lindqvsit": two neighbouring letters swapped is a slip of the same name, and so is
            # a letter dropped from a long surname ("Lindhagen", "Lindagen")
            spelled = next((q for (given, other), q in first.items()
                            if given == parts[0] and _slipped(surname, other)), p)
            first[(parts[0], surname)] = spelled
        if spelled is not p:
            p.key = spelled.key
    # "Eva Maria berättade" after "Eva Maria Lundin": the given names alone are the one person
    # whose full name starts with them
    full = [q for q in persons if len(q.name.split(" ")) > 2]
    for p in persons:
        parts = p.name.split(" ")
        if len(parts) < 2 or not all(ref.given_names.get(w, 0) for w in parts):
            continue
        owners = {q.key for q in full if q.name.split(" ")[:len(parts)] == parts and q.key != p.key}
        if len(owners) == 1:
            p.key = owners.pop()


def _swapped_pair(a: str, b: str) -> bool:
    """Do two surnames (of five letters or more) differ only by two neighbouring letters swapped?"""
    if len(a) != len(b) or len(a) < 5 or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def slip_of(name: str, other: str) -> bool:
    """Is ``name`` written as a slip of ``other``: the same given name, the rest with a letter doubled or not, two
    neighbouring letters swapped or one letter dropped?"""
    a, b = name.split(" "), other.split(" ")
    if len(a) < 2 or len(b) < 2 or a[0] != b[0] or name == other:
        return False
    rest_a, rest_b = _undoubled(" ".join(a[1:])), _undoubled(" ".join(b[1:]))
    return rest_a == rest_b or _slipped(rest_a, rest_b)


def _slipped(a: str, b: str) -> bool:
    """Is one surname (its doubled letters made single) a slip of the other: two neighbouring letters swapped,
    or one letter dropped?"""
    return _swapped_pair(a, b) or _dropped_letter(a, b)


def _dropped_letter(a: str, b: str) -> bool:
    """Is one surname the other (of seven letters or more) with one letter left out? (Another letter in its place
    is another name: "Lindqvist", "Lindkvist".)"""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) != len(short) + 1 or len(short) < 7:
        return False
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


def _sentence_start_after(text: str, pos: int) -> bool:
    return pos >= 2 and text[pos - 2] in ".!?"


def _same_line_gap(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return gap == " " or gap == "  "


def _initial_gap(text: str, a: Token, b: Token) -> bool:
    """The gap after a middle initial with its full stop ("Ulla J. Berg")."""
    return len(a.text) == 1 and a.text.isupper() and text[a.end:b.start] in (". ", ".  ")


# between a name and its title in apposition: "Eva Lund, ", "Per Holm (S), "
# "hos" between a staff title and the minister it serves ("pressekreterare hos statsministern")
_SERVES_RE = re.compile(r"[ \t]+hos[ \t]+\Z")
_APPOSED_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,4}\)[ \t]*)?,[ \t]*")


_CAP_RUN = r"[A-ZÅÄÖ][\wåäö&-]*(?:[ \t]+[A-ZÅÄÖ][\wåäö&-]*){0,3}[ \t]*"  # up to four capitalised words
_LINE_END_NAME_RE = re.compile(_CAP_RUN + r"\.?[ \t]*(?:\n|\Z)")
# a roster's item that writes a dash between the name and the title: "Eva Lund – platschef Exempelfiske, ..."
_APPOSED_DASH_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,4}\)[ \t]*)?[ \t]+[-–][ \t]+")
_ITEM_END_NAME_RE = re.compile(_CAP_RUN + r"(?:[,.;\n]|\Z)")


def _title_before(text: str, pos: int, title_ends: dict[int, TitleHit]) -> TitleHit | None:
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return title_ends.get(j) if j < pos else None


# ("Förbundschef (KSRR) Anna Berg": the body's abbreviation in brackets between the title and the name)
_BEFORE_GAP = re.compile(r"^[ \t]*(?:\([A-ZÅÄÖ]{2,8}\)[ \t]*)?:?[ \t]*"
                         r"(?:(?:säger|sa|menar|berättar|konstaterar)[ \t]+)?\Z")
# "Kommunstyrelsens ordförande i Vara kommun Anna Berg", "Ordförande i KS - Anna Berg" (a list's item):
# the title, its place or body, the name
# (a county of two words: "Landshövdingen för Västra Exempellands län Anna Berg")
_BEFORE_PLACE_GAP = re.compile(r"^[ \t]+(?:i|för)[ \t]+[A-ZÅÄÖ][\wåäö-]*(?:(?:[ \t]+[A-ZÅÄÖ][\wåäö-]*)?"
                               r"[ \t]+(?:läns?|kommuns?))?"
                               r"[ \t]*(?:[-–:][ \t]*)?\Z")
# "Landshövdingen i Stockholm, Anna Berg", "Regionrådet i Västra Exempel, Per Holm": a definite title,
# its place (one or two words), a comma, the name
# (or its district: "Trafikverkets regiondirektör för region Nord, Per Holm")
_BEFORE_COMMA_GAP = re.compile(r"^(?:[ \t]+(?:i|för)[ \t]+(?:(?:region|distrikt|område)[ \t]+)?"
                               r"[A-ZÅÄÖ][\wåäö-]*(?:[ \t]+[A-ZÅÄÖ][\wåäö-]*)?"
                               r"(?:[ \t]+(?:läns?|kommuns?))?)?"
                               r"[ \t]*,[ \t]*\Z")
# where in a term the post stands: "Anna Berg, avgående ordförande", "Per Holm, tillträdande vd", "Eva Lind,
# tidigare kommunalråd": the post is the title after the word
_IN_OFFICE = (r"avgående|avgångne|tillträdande|nytillträdd[ae]?|nyvald[ae]?|nyutsedd[ae]?|blivande|nuvarande|"
              r"dåvarande|tidigare|förre|förra|före[ \t]+detta|f\.[ \t]?d\.")
# how long a post has been held: "sedan 2019", "sedan i våras", "sedan några år"
_SINCE = r"sedan[ \t]+(?:\d{4}|i[ \t]+[a-zåäö]+|[a-zåäö]+[ \t]+år)"
_AFTER_GAP = re.compile(r"^[ \t]*(?:\n[ \t]*){0,2}(?:\(\s*[A-Za-zÅÄÖåäö]{1,3}\s*\)\s*)?,?[ \t]*"
                        r"(?:\(\s*[A-Za-zÅÄÖåäö]{1,3}\s*\)\s*,?[ \t]*)?"
                        # "Anna Berg (S), Vara, valdes till ...": the member's municipality between
                        r"(?:[A-ZÅÄÖ][\wåäö-]+[ \t]*,[ \t]*(?=(?:om|ny|åter)?valdes|väljs|har valts|utsågs|utses|"
                        r"har utsetts|blev[ \t]+(?:om|ny|åter)?vald))?"
                        # "Anna Berg från Vara kommun omvaldes som ordförande": where the member comes from
                        r"(?:från[ \t]+[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+(?:kommun|län|stad))?[ \t]+(?=(?:om|ny|åter)?valdes))?"
                        # "Anna Berg är sedan 2019 kommunchef", "Anna Berg, som sedan i våras är kommunchef"
                        r"(?:(?:(?:som[ \t]+)?(?:" + _SINCE + r"[ \t]+)?(?:är|var)(?:[ \t]+" + _SINCE + r")?|"
                        # "Anna Berg, som i våras tillträdde som landshövding"
                        r"(?:som[ \t]+)?(?:(?:i[ \t]+[a-zåäö]+|nyligen|nyss)[ \t]+)?(?:har[ \t]+)?"
                        r"(?:tillträdde|tillträtt|tillträder)[ \t]+som|"
                        # "Anna Berg, Vara, blev omvald som ordförande"
                        r"blev[ \t]+(?:om|ny|åter)?valda?[ \t]+(?:till|som)|blir|blev|"
                        r"(?:om|ny|åter)?valdes[ \t]+(?:till|som)|väljs till|"
                        r"har valts till|utsågs till|utses till|har utsetts till)[ \t]+)?"
                        # ("Anna Berg, kommunens ekonomichef": the body the text is about, in the definite genitive)
                        r"(?:(?:kommunens|regionens|stadens|länsstyrelsens|landstingets|förbundets|föreningens|"
                        r"bolagets|företagets|myndighetens)[ \t]+)?"
                        r"(?:vår|er|deras|hans|hennes|dess|nya|nye|ny|tillförordnad|"
                        r"tf\.?|t\.f\.|" + _IN_OFFICE + r")?[ \t]*\Z")
# "Anna Berg, Exempelby kommuns näringslivschef": an organisation in the genitive between the comma and the title
_AFTER_GENITIVE_GAP = re.compile(r"^[ \t]*(?:\(\s*[A-Za-zÅÄÖåäö]{1,3}\s*\)[ \t]*)?,[ \t]*"
                                 r"[A-ZÅÄÖ][\wåäö:-]*(?:[ \t]+[\wåäö:-]+){0,4}s[ \t]+\Z")
# "kommunstyrelsens ordförande i Kiruna, Anna Berg": a title headed by a genitive is definite as well, where its
# place stands between it and the name (without it, "Anna Berg, kommunstyrelsens ordförande, Per Holm, ..." is a
# list whose titles follow their names)
_GENITIVE_HEAD_RE = re.compile(r"[A-ZÅÄÖa-zåäö][a-zåäö]+s[ \t]+[a-zåäö]")
# "Företagarnas vd, Anna Berg", "SKR:s ordförande i Exempelby, Per Holm": a named body in the genitive
# before a title makes it definite too, unless the name is itself an item of a list ("Anna Berg, Exempelförbundets
# vd, Per Holm, ...": titles after their names)
_OWNER_BEFORE_RE = re.compile(r"(?P<lead>[^\s]?)[ \t]*[A-ZÅÄÖ][\wåäö&-]*(?::s|s)[ \t]+\Z")


def _owned_title(text: str, t: TitleHit) -> bool:
    m = _OWNER_BEFORE_RE.search(text, max(0, t.start - 40), t.start)
    return m is not None and m["lead"] != ","
# a list of names after a title: "regionråden Anna Berg (S), Per Ek och Eva Lind"
# (with each one's town after the party: "kommunalråden Anna Berg (S), Exempelby, och Per Holm (C), Exempeltorp")
_LIST_GAP = re.compile(r"^[ \t]*(?P<party>\([^()\n]{1,25}\)[ \t]*)?(?:,[ \t]*[A-ZÅÄÖ][\wåäö-]+[ \t]*(?=,))?"
                       r"(?:,|,?[ \t]*(?:och|samt))[ \t]*\Z")
# "ordförande i nämnden och tillika oppositionsråd", "kommundirektör, kommunchef"
_SECOND_TITLE_GAP = re.compile(r"(?:\boch|,)(?:[ \t]+(?:tillika|även|också))?\s*$")
_NAME_IN_GAP = re.compile(r",[ \t]*[A-ZÅÄÖ][\wåäö-]+[ \t]+[A-ZÅÄÖ][\wåäö-]+[ \t]*(?:\([^()\n]*\)[ \t]*)?,")


# what may follow a contact block's title on its line: "..., Region Exempel", "... hos ministern",
# "... och presskontakt" (a second title)
# (or, on a press page, with the body and the phone number: "Presskontakt Region Exempelland 019-00 00 00")
# (a line that ends in its preposition goes on on the next: "Pressekreterare hos\nministern")
_TITLE_LINE_GOES_ON = re.compile(r"[ \t]*,|[ \t]+(?:hos|på|vid|i|inom|för)(?:[ \t]+(?!besök)|[ \t]*$)"
                                 r"|[ \t]+och[ \t]+[a-zåäö]|[ \t]+[^\n\d]{0,100}?\d[\d \t-]{5,}\d[ \t]*$", re.MULTILINE)


def _contact_lines(text: str, p: PersonHit, t: TitleHit) -> bool:
    """A name on a line of its own and a title that starts the next line (contact blocks:
    "Anna Berg\n\nKommunikatör", "Anna Berg\nPressekreterare hos ministern", "Anna Berg\nKommunikatör och
    presskontakt"), not a caption that ends in a name before a heading that starts with a title."""
    line_start = text.rfind("\n", 0, p.start) + 1
    name_end = text.find("\n", p.end)
    t_line_start = text.rfind("\n", 0, t.start) + 1
    t_line_end = text.find("\n", t.end)
    rest = text[t.end:t_line_end if t_line_end >= 0 else len(text)]
    name_line_rest = re.sub(r"\([^()\n]{1,25}\)|,", "", text[p.end:name_end])
    return (not text[line_start:p.start].strip() and not name_line_rest.strip()
            and not text[t_line_start:t.start].strip()
            and (not rest.strip() or bool(_TITLE_LINE_GOES_ON.match(rest))))


# a roster's entry with the body between name and title: "Anna Berg (S), Exempelby kommun, ordförande"
_AFTER_BODY_GAP = re.compile(r"^[ \t]*(?:\(\s*[A-Za-zÅÄÖåäö]{1,3}\s*\)[ \t]*)?,[ \t]*"
                             r"[A-ZÅÄÖ][\wåäö-]*(?:[ \t]+[\wåäö-]+){0,4}[ \t]*,[ \t]*\Z")
_REST_OF_LINE_EMPTY = re.compile(r"[ \t]*(?:\n|\Z)")


# "valdes Anna Berg till vice ordförande": the verb of an election before the name, its office after it
_ELECTED_BEFORE_RE = re.compile(r"(?<![\wåäö])(?:(?:om|ny|åter)?valdes|väljs|utsågs|utses|(?:om|ny|åter)?valde|"
                                # "Regeringen har utsett Anna Berg till ...": who appoints, then whom
                                r"utsett|utnämnt|utnämnde|utsåg|förordnat|förordnade)[ \t]+\Z")
_ELIDED_ELECTION_GAP = re.compile(r"[ \t]*(?:\([^()\n]{1,4}\)[ \t]*)?,[ \t]*[A-ZÅÄÖ][\wåäö-]+[ \t]*,[ \t]*till[ \t]+\Z")
_ELECTION_EARLIER_RE = re.compile(r"(?<![\wåäö])(?:(?:om|ny|åter)?valdes|väljs|utsågs)[ \t]+till\b[^.!?\n]*\Z")
# "Anna Berg, kommunalråd i Exempelby, valdes till ny ordförande": her post, then the office she was elected to
_ELECTED_AFTER_POST_GAP = re.compile(r"[ \t]*(?:\([^()\n]{1,4}\)[ \t]*)?,[ \t]*[a-zåäö][a-zåäö -]{2,40}?"
                                     r"(?:[ \t]+(?:i|för)[ \t]+[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+(?:kommun|län|stad))?)?"
                                     r"[ \t]*,[ \t]*(?:blev[ \t]+)?(?:om|ny|åter)?val(?:des|d|da)[ \t]+"
                                     r"(?:till|som)[ \t]+(?:ny[ \t]+|nya[ \t]+|nye[ \t]+)?\Z")
# "till Dalarnas nya landshövding"; "valde Anna Berg från Exempelby till ny ordförande", "omvaldes Anna Berg,
# Exempelby kommun, till ordförande": where the member comes from
_ELECTED_TO_GAP = re.compile(r"[ \t]*(?:\([^()\n]{1,4}\)[ \t]*)?(?:[ \t]*,?[ \t]+från[ \t]+[^.!?\n,]{1,40}?"
                             r"|[ \t]*,[ \t]*[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+(?:kommun|stad|län))?[ \t]*,)?"
                             r"[ \t]+till[ \t]+(?:[A-ZÅÄÖ][\wåäö-]+s[ \t]+)?(?:ny[ \t]+|nya[ \t]+|nye[ \t]+)?\Z")
# "valde A till ordförande och B från Y till vice ordförande": the next of the verb's objects
_NEXT_ELECTED_RE = re.compile(r"(?<![\wåäö])(?:om|ny|åter)?valde[ \t][^.!?\n]*(?:och|samt|,)[ \t]+\Z")


# where a caption's person stands, in brackets after the name: "(till vänster)", "(t.h.)", "(i mitten)"
CAPTION_POSITION_RE = re.compile(r"[ \t]*\((?:längst[ \t]+)?(?:till[ \t]+|t\.?[ \t]?|i[ \t]+)?"
                                 r"(?:vänster|höger|mitten|v|h)\.?\)")
# "Anna Berg (ordf.)", "Per Holm (S) (v. ordf.)": the post in brackets after the name (and its party)
_BRACKET_OPEN_GAP = re.compile(r"[ \t]*(?:\([A-Za-zÅÄÖåäö]{1,3}\)[ \t]*)?\([ \t]*")
_BRACKET_CLOSE_RE = re.compile(r"[ \t]*\)")


def _after_gap_ok(text: str, p: PersonHit, t: TitleHit) -> bool:
    gap = text[p.end:t.start]
    pos = CAPTION_POSITION_RE.match(gap)
    if pos:
        gap = gap[pos.end():]  # "Olle Ek (till vänster), ordförande i ...": where the caption's person stands
    if _BRACKET_OPEN_GAP.fullmatch(gap) and _BRACKET_CLOSE_RE.match(text, t.end):
        return True
    if _ELECTED_TO_GAP.fullmatch(gap) and (_ELECTED_BEFORE_RE.search(text, max(0, p.start - 12), p.start)
                                           or _NEXT_ELECTED_RE.search(text, max(0, p.start - 150), p.start)):
        return True
    if _ELECTED_AFTER_POST_GAP.fullmatch(gap):
        return True
    if _ELIDED_ELECTION_GAP.fullmatch(gap) and _ELECTION_EARLIER_RE.search(text, max(0, p.start - 150), p.start):
        return True  # "A, Vara, valdes till ordförande och B, Skara, till vice ordförande": the verb said once
    if "\n" in gap and (gap.count("\n") > 2 or not _contact_lines(text, p, t)):
        return False
    return bool(_AFTER_GAP.match(gap) or (len(gap) <= 50 and _AFTER_GENITIVE_GAP.match(gap))
                or (len(gap) <= 50 and _AFTER_BODY_GAP.match(gap) and _REST_OF_LINE_EMPTY.match(text, t.end)))


def _link_titles(text: str, result: PeopleResult) -> None:
    persons = sorted(result.persons, key=lambda p: p.start)
    starts = [p.start for p in persons]
    longest = max((p.end - p.start for p in persons), default=0)
    used_titles: set[int] = set()
    before_links: list[tuple[PersonHit, TitleHit]] = []
    by_start = {t.start: t for t in result.titles}
    by_end = {t.end: t for t in result.titles}
    entry_titles: set[int] = set()  # titles linked as the last part of a name-first entry
    for t in result.titles:
        # a roster's entry, "Anna Berg, s, ordförande Per Holm, s, ..." or "Anna Berg (M) - ordförande Per Holm
        # (C) - ...": the title after the party and its comma or dash is the name's before it
        prv = _last_person_ending(persons, starts, longest, t.start - 50, t.start)
        # ... unless that name has a title of its own before it that no entry before took ("vice ordförande
        # Per Holm (S), Exempelby, civilminister Anna Berg"): then titles go before names, this one too
        head = _title_before(text, prv.start, by_end) if prv else None
        entry_gap = prv is not None and _ENTRY_GAP_RE.fullmatch(text, prv.end, t.start) is not None \
            and (head is None or head.plural or id(head) in entry_titles)
        if prv and not t.plural and (entry_gap
                                     or _entries_name_first(text, prv, t, persons, starts, by_start, by_end)):
            result.roles.append((prv, t))
            used_titles.add(id(t))
            entry_titles.add(id(t))
            continue
        # title before a person: "kommunalrådet Anna Berg", "kommunalrådet säger Anna Berg"
        nxt = _first_person_from(persons, starts, t.end, t.end + 40)
        # "Statssekreteraren hos landsbygdsministern, Anna Berg": the minister is whom the post serves; the name
        # after the comma holds the post before "hos"
        served = _SERVES_RE.search(text, max(0, t.start - 8), t.start) if t.title.category == "minister" else None
        if served is not None and nxt and _APPOSED_RE.fullmatch(text, t.end, nxt.start):
            boss = by_end.get(served.start())
            if boss is not None and id(boss) not in used_titles:
                result.roles.append((nxt, boss))
                used_titles.add(id(boss))
            used_titles.add(id(t))
            continue
        if nxt and (_BEFORE_GAP.match(text[t.end:nxt.start]) or _BEFORE_PLACE_GAP.match(text[t.end:nxt.start])
                    or ((t.definite or _owned_title(text, t) or (_GENITIVE_HEAD_RE.match(text, t.start, t.end)
                                        and text[t.end:nxt.start].lstrip(" \t").startswith(("i ", "för "))))
                        and _BEFORE_COMMA_GAP.match(text[t.end:nxt.start]))):
            result.roles.append((nxt, t))
            before_links.append((nxt, t))
            used_titles.add(id(t))
            continue
        # "andre vice ordförande och partiets talesperson Per Holm": the title joined to words the titles do not
        # know, then the name they all go before
        if nxt and _JOINED_UNKNOWN_GAP.fullmatch(text, t.end, nxt.start) \
                and not _title_starts_between(by_start, t.end, nxt.start):
            result.roles.append((nxt, t))
            before_links.append((nxt, t))
            used_titles.add(id(t))
            continue
        # "Ny ordförande i förbundsstyrelsen är Anna Berg", "Sekreterare är Per Holm": the title opens the
        # sentence, the copula names who holds it
        if nxt and not t.plural and _COPULA_GAP_RE.fullmatch(text, t.end, nxt.start) \
                and _opens_sentence(text, t):
            result.roles.append((nxt, t))
            before_links.append((nxt, t))
            used_titles.add(id(t))
            continue
        # "De riksdagsledamöter som deltog var A (M), B (S) och C (L)": a plural title, who they were, the list
        if t.plural:
            listed = _first_person_from(persons, starts, t.end, t.end + 120)
            if listed is not None and _WHO_WERE_RE.fullmatch(text, t.end, listed.start):
                result.roles.append((listed, t))
                before_links.append((listed, t))
                used_titles.add(id(t))
                continue
        # title after a person (``prv``, found above): "Anna Berg, kommunchef", "Anna Berg (C), ordförande"
        if prv and _AND_GAP.fullmatch(text, prv.end, t.start):
            ahead = _named_after_titles(text, t, by_start, persons, starts)
            if ahead is not None:
                # "Anna Berg och vice ordförande och oppositionsråd, Per Holm": "och" opens the next item
                result.roles.append((ahead, t))
                before_links.append((ahead, t))
                used_titles.add(id(t))
                continue
        # "träffade bostadsministern Anna Berg kommunalråd och ...": a name its title precedes takes no bare
        # title after it, which is the verb's next object
        titled_before = prv is not None and not text[prv.end:t.start].strip(" \t") \
            and any(q is prv for q, _ in before_links)
        if prv and not t.plural and not titled_before and _after_gap_ok(text, prv, t) \
                and not (t.definite and t.title.category == "minister" and "," in text[prv.end:t.start]):
            # "Anna Berg, landsbygdsministern och ...": the minister is the next item of the list
            result.roles.append((prv, t))
            used_titles.add(id(t))
    _distribute_over_lists(text, persons, before_links, result)
    _respective_pairs(text, persons, starts, result)
    _list_before_plural_title(text, persons, starts, result)
    _copula_titles(text, persons, starts, result)
    _board_seats_listed(text, persons, starts, result)
    _pronoun_titles(text, persons, result)
    # a second title joined to a linked one: "kommunstyrelsens ordförande i X och ledamot i SKL:s styrelse"
    linked = list(result.roles)
    title_starts = sorted((t.start, i) for i, t in enumerate(result.titles))
    for p, t in linked:
        near = title_starts[bisect.bisect_left(title_starts, (t.end + 1, -1)):
                            bisect.bisect_left(title_starts, (t.end + 71, -1))]
        for t2 in [result.titles[i] for i in sorted(i for _, i in near)]:  # in list order
            if id(t2) in used_titles:
                continue
            gap = text[t.end:t2.start]
            if re.search(r"[.;!?\n]", gap) or not _SECOND_TITLE_GAP.search(gap) or _NAME_IN_GAP.search(gap):
                continue
            if bisect.bisect_left(starts, t.end) < bisect.bisect_left(starts, t2.start):
                continue  # a person between the titles
            result.roles.append((p, t2))
            used_titles.add(id(t2))
    _title_coreference(text, result, used_titles)


# "i Norsjö respektive Vilhelmina": a title's places in the order of the names before it
RESPECTIVE_AFTER_TITLE_RE = re.compile(
    r"[ \t]+(?:i|för|på|vid)[ \t]+(?P<first>[A-ZÅÄÖ][^\s,.;:]*(?:[ \t]+(?:kommuns?|läns?))?)[ \t]+respektive[ \t]+"
    r"(?P<second>[A-ZÅÄÖ][^\s,.;:]*(?:[ \t]+(?:kommuns?|läns?))?)")
_PAIR_BEFORE_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,25}\)[ \t]*)?(?:och|samt)[ \t]+")


def _respective_pairs(text: str, persons: list[PersonHit], starts: list[int], result: PeopleResult) -> None:
    """"Anna Berg och Per Holm, kommunchef i Norsjö respektive Vilhelmina": the title after the second
    name is the first's too (the places, one each, are the relations step's)."""
    linked = {(id(p), id(t)) for p, t in result.roles}
    for p, t in list(result.roles):
        if p.end > t.start or not RESPECTIVE_AFTER_TITLE_RE.match(text, t.end):
            continue
        i = bisect.bisect_left(starts, p.start) - 1
        if i < 0:
            continue
        q = persons[i]
        if _PAIR_BEFORE_RE.fullmatch(text, q.end, p.start) and (id(q), id(t)) not in linked:
            result.roles.append((q, t))
            linked.add((id(q), id(t)))


# "Sekreterare är Anna Berg", "ordförande blir Per Holm": a copula between a title and the name it says holds it
_COPULA_RE = re.compile(r"[ \t]+(?:är|blir|blev|var)[ \t]+")


def _copula_titles(text: str, persons: list[PersonHit], starts: list[int], result: PeopleResult) -> None:
    """"... valdes Per Holm Sekreterare är Anna Berg": a title that opens a clause with a capital, joined by the
    copula to the name after it, is that name's, not the one before it (a PDF's text may have lost the full stop
    between); not a plural's ("Inbjudna företagare var A, B och C")."""
    for t in result.titles:
        if t.plural or not text[t.start].isupper():
            continue
        i = _name_after_copula(text, t, starts)
        if i is not None:
            result.roles = [(q, u) for q, u in result.roles if u is not t] + [(persons[i], t)]


def _name_after_copula(text: str, t: TitleHit, starts: list[int]) -> int | None:
    """The index (in ``starts``) of the name right after the title and a copula ("Sekreterare är Anna Berg")."""
    cop = _COPULA_RE.match(text, t.end)
    if cop is None:
        return None
    i = bisect.bisect_left(starts, cop.end())
    return i if i < len(starts) and starts[i] == cop.end() else None


# between two entries of a board's list after the copula: a party, a municipality set off by commas ("Anna Berg,
# Exempelby kommun, Per Holm (S) och Eva Sjö")
_SEAT_JOIN_RE = re.compile(r"(?:[ \t]*\([^()\n]{1,6}\))?"
                           r"(?:[ \t]*,[ \t]*[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+(?:kommun|stad|län))?)?"
                           r"(?:[ \t]*,[ \t]*|[ \t]+(?:och|samt)[ \t]+)")


def _board_seats_listed(text: str, persons: list[PersonHit], starts: list[int], result: PeopleResult) -> None:
    """"Övriga styrelseledamöter är A, Exempelby kommun, B och C": a board's members in the plural, the copula,
    then a list of names: each name holds the seat (other plurals, "Inbjudna företagare var A och B", say who came,
    not what they hold)."""
    for t in result.titles:
        if not t.plural or not t.title.title.endswith(("ledamot", "ersättare")):
            continue
        i = _name_after_copula(text, t, starts)
        if i is None:
            continue
        group = [persons[i]]
        while i + 1 < len(persons) and _SEAT_JOIN_RE.fullmatch(text, persons[i].end, persons[i + 1].start):
            i += 1
            group.append(persons[i])
        if len(group) >= 2:
            result.roles = [(q, u) for q, u in result.roles if u is not t] + [(q, t) for q in group]


# "Han är ordförande i X", "Hon var tidigare VD för Y": a sentence that opens with a pronoun and a copula, then a title
_PRONOUN_COPULA_RE = re.compile(r"(?:^|(?<=[.!?])[ \t]+|\n[ \t]*)(?:Han|Hon)[ \t]+(?:är|var|blev|har[ \t]+varit|"
                                r"har[ \t]+blivit)[ \t]+(?:(?:också|även|sedan|numera|tidigare|nu)[ \t]+)?\Z")
_PRONOUN_REACH = 400  # how far before the pronoun the person it stands for may be named


def _pronoun_titles(text: str, persons: list[PersonHit], result: PeopleResult) -> None:
    """"A har arbetat många år inom X. Han är ordförande i Y": the title after a pronoun and a copula that open a
    sentence is that of the person the text named last before it, when the sentence names no one itself and the
    title has no holder yet."""
    held = {id(t) for _, t in result.roles}
    for t in result.titles:
        if id(t) in held or _PRONOUN_COPULA_RE.search(text, max(0, t.start - 40), t.start) is None:
            continue
        before = [p for p in persons if t.start - _PRONOUN_REACH <= p.start and p.end <= t.start]
        if before:
            result.roles.append((before[-1], t))


# between a list's last name (and its party) and the title in the plural that all its names share
_PLURAL_TITLE_GAP_RE = re.compile(r"(?:[ \t]*\([^()\n]{1,6}\))?[ \t]*,[ \t]*")
# between two names of the list ("Anna Berg (C), Per Holm (S) och Eva Sjö (M)")
_LIST_JOIN_RE = re.compile(r"(?:[ \t]*\([^()\n]{1,6}\))?(?:[ \t]*,[ \t]*|[ \t]+(?:och|samt)[ \t]+)")


def _list_before_plural_title(text: str, persons: list[PersonHit], starts: list[int], result: PeopleResult) -> None:
    """"Anna Berg (C) och Per Holm (S), riksdagsledamöter i trafikutskottet": a title in the plural after a
    list of names, set off by a comma, is each name's (so is a neuter title, the same in the plural: "Anna Berg
    och Per Holm, kommunalråd i Exempelby")."""
    linked = {(id(p), id(t)) for p, t in result.roles}
    titled = {id(p) for p, u in result.roles if u.end <= p.start}  # ("ministern A och B, regionråd")
    for t in result.titles:
        if not (t.plural or (not t.definite and t.title.title.endswith("råd")
                             and text[t.start:t.end].lower().endswith("råd"))):
            continue
        i = bisect.bisect_right(starts, t.start) - 1
        if i < 0 or not _PLURAL_TITLE_GAP_RE.fullmatch(text, persons[i].end, t.start):
            continue
        group = [persons[i]]
        while i > 0 and _LIST_JOIN_RE.fullmatch(text, persons[i - 1].end, persons[i].start) \
                and id(persons[i - 1]) not in titled:
            i -= 1
            group.append(persons[i])
        if len(group) < 2:
            continue
        for q in group:
            if (id(q), id(t)) not in linked:
                result.roles.append((q, t))
                linked.add((id(q), id(t)))


def _title_starts_between(by_start: dict[int, TitleHit], a: int, b: int) -> bool:
    """Does a title start strictly between ``a`` and ``b``?"""
    return any(a < s < b for s in by_start)


def _titled_item(text: str, p: PersonHit, by_start: dict[int, TitleHit]) -> bool:
    """Does a title stand between the list's comma before ``p`` and ``p`` (a title joined to words the titles do
    not know: "vice ordförande och partiets talesperson Per Holm")?"""
    lead = text.rfind(",", max(0, p.start - 80), p.start)
    return lead >= 0 and "\n" not in text[lead:p.start] and _title_starts_between(by_start, lead, p.start)


def _entries_name_first(text: str, prv: PersonHit, t: TitleHit, persons: list[PersonHit], starts: list[int],
                        by_start: dict[int, TitleHit], by_end: dict[int, TitleHit]) -> bool:
    """"Göran Ek, kommunchef Ulf Holm, kommunsekreterare Frank Berg, ..." or, with the commas lost,
    "Leif Ek ordförande Anna Berg vice ordförande Per Holm ...": a run-on list whose entries are a name
    and its title, as minutes come out of PDFs. The title is the name's before it where the run opens
    with a name and has another entry: one before, or the name after the title has its own title."""
    party = r"(?:[ \t]*\([^()\n]{1,4}\))?"  # "Ulf Ek (S) ordförande Anna Berg (M) vice ordförande ..."
    # (or the comma before the party: "Anna Berg, (c) ordförande Per Holm (m), förste vice ordf. ...")
    sep = party + (r"[ \t]*,[ \t]*(?:\([^()\n]{1,4}\)[ \t]*)?" if "," in text[prv.end:t.start] else r"[ \t]+")
    if not re.fullmatch(sep, text[prv.end:t.start]):
        return False
    # back to the head of the run: "elever, rektor Anna Berg, kommunchef Per Holm, ..." puts titles first
    first, entries = prv, 0
    for _ in range(12):
        head = _title_before(text, first.start, by_end)
        if head is not None and head.plural and entries:
            break  # "Närvarande ledamöter Anna Berg, (c) ordförande Per Holm ...": the list's heading, no entry's title
        if head is None:
            if _titled_item(text, first, by_start):
                return False  # "..., andre vice ordförande och partiets talesperson Per Holm (L), ...": a title
            break  # the run opens with a name
        j = bisect.bisect_left(starts, head.start) - 1
        if j < 0 or not re.fullmatch(sep, text[persons[j].end:head.start]):
            return False  # the run opens with a title
        first, entries = persons[j], entries + 1
    if entries:
        return True
    i = bisect.bisect_left(starts, t.end)
    if i >= len(persons) or not re.fullmatch(r"[ \t]+", text[t.end:persons[i].start]):
        return False
    after = re.match(sep, text[persons[i].end:persons[i].end + 6])
    return after is not None and persons[i].end + after.end() in by_start


# ("Anna Berg, (c) ordförande Per Holm (m), förste vice ordf.": the comma before the party in brackets)
_ENTRY_GAP_RE = re.compile(r"[ \t]*,[ \t]*[A-Za-zÅÄÖåäö]{1,3}[ \t]*,[ \t]*|[ \t]*(?:\([^()\n]{1,4}\)[ \t]*)?[-–][ \t]*"
                           r"|[ \t]*,[ \t]*\([A-Za-zÅÄÖåäö]{1,3}\)[ \t]+"
                           # "Anna Berg (m), Kungälv,ordförande Per Holm (m), ...": party, town, the entry's title
                           r"|[ \t]*\([^()\n]{1,4}\)[ \t]*,[ \t]*[A-ZÅÄÖ][\wåäö-]+[ \t]*,[ \t]*")
_JOINED_UNKNOWN_GAP = re.compile(r"[ \t]+och[ \t]+(?:(?!(?:och|samt)[ \t])[a-zåäö][a-zåäö-]*[ \t]+){1,3}")
_AND_GAP = re.compile(r"[ \t]*(?:\([^()\n]{1,4}\)[ \t]*)?[ \t]och[ \t]+")
_TITLE_JOIN_RE = re.compile(r"[ \t]+och[ \t]+|[ \t]*,[ \t]*")
_TITLES_THEN_NAME_RE = re.compile(r"[ \t]*,?[ \t]*")
# between a title and the name a copula gives it: the body or the term it is held for, then "är", "blir", "blev"
_COPULA_GAP_RE = re.compile(r"(?:[ \t]+(?:i|för|på|vid|hos)[ \t]+[^.!?\n,]{1,50}?"
                            r"|[ \t]+(?:den|det)[ \t]+här[ \t]+[a-zåäö]+)?[ \t]+(?:är|blir|blev)[ \t]+")
# "Ny ordförande ...", "Nyvald sekreterare ...": the word that makes the title news, before it
_NEW_BEFORE_RE = re.compile(r"(?:[Nn]y|[Nn]ya|[Nn]yvald|[Nn]yvalda)[ \t]+\Z")


def _opens_sentence(text: str, t: TitleHit) -> bool:
    """Does the title open its sentence, with or without a word that makes it news before it?"""
    new = _NEW_BEFORE_RE.search(text, max(0, t.start - 10), t.start)
    return at_sentence_start(text, new.start() if new else t.start)


# after a plural title, the clause that says which of them, then the names: " som deltog under dagen var "
_WHO_WERE_RE = re.compile(r"[ \t]+som[ \t]+[^.!?\n]{1,80}?[ \t](?:var|är|blev)[ \t]*:?[ \t]+")


def _named_after_titles(text: str, t: TitleHit, by_start: dict[int, TitleHit], persons: list[PersonHit],
                        starts: list[int]) -> PersonHit | None:
    """The person named right after a run of titles that starts with ``t`` ("vice ordförande och
    oppositionsråd, Per Holm"), if the run ends in a name."""
    pos = t.end
    for _ in range(4):
        join = _TITLE_JOIN_RE.match(text, pos)
        if join is None or join.end() not in by_start:
            break
        pos = by_start[join.end()].end
    gap = _TITLES_THEN_NAME_RE.match(text, pos)
    at = gap.end() if gap else pos
    i = bisect.bisect_left(starts, at)
    return persons[i] if i < len(persons) and starts[i] == at else None


def _first_person_from(persons: list[PersonHit], starts: list[int], lo: int, hi: int) -> PersonHit | None:
    """The first person (by start) that starts in [lo, hi]."""
    i = bisect.bisect_left(starts, lo)
    return persons[i] if i < len(persons) and persons[i].start <= hi else None


def _last_person_ending(persons: list[PersonHit], starts: list[int], longest: int, lo: int,
                        hi: int) -> PersonHit | None:
    """The last person (by start) that ends in [lo, hi]; ``longest``: the longest person's length."""
    i = bisect.bisect_right(starts, hi) - 1
    while i >= 0 and persons[i].start >= lo - longest:
        if lo <= persons[i].end <= hi:
            return persons[i]
        i -= 1
    return None


def _one_post(text: str, t: TitleHit) -> bool:
    """Is the title one body's one post ("förbundets ordförande", "Region Exempels regiondirektör"): a body's
    name or a committee in the genitive before it, or a definite form ("kommunalrådet")?"""
    return t.definite or (" " in t.role and t.role.split()[0].endswith("s")) or _owned_title(text, t)


def _distribute_over_lists(text: str, persons: list[PersonHit], before_links: list[tuple[PersonHit, TitleHit]],
                           result: PeopleResult) -> None:
    """A title before a list of names is each one's title: a plural title ("regionråden A, B
    och C") over any list, a singular one ("kommunalråd A (S), B (C)") over names that all
    carry a party marker. The list ends at a name with a title of its own."""
    has_title = {id(p) for p, _ in result.roles}
    where = {id(q): k for k, q in reversed(list(enumerate(persons)))}
    for first, t in before_links:
        if not t.plural and _one_post(text, t):
            continue  # "Förbundets ordförande A (S) och B (M)": a body has one chair, the first name's
        i = where[id(first)]
        cur = first
        for k in range(i + 1, len(persons)):  # (no copy of the rest of the list for each link)
            nxt = persons[k]
            m = _LIST_GAP.match(text[cur.end:nxt.start])
            if not m or id(nxt) in has_title:
                break
            if not t.plural and not (m["party"] and PARTY_MARKER_RE.match(text, nxt.end)):
                break
            result.roles.append((nxt, t))
            has_title.add(id(nxt))
            cur = nxt


# "Jämtlands landshövding Jöran Hägglund": a title another place's genitive qualifies is that place's post
_OTHER_PLACES_TITLE_RE = re.compile(r"(?<![\wåäö-])[A-ZÅÄÖ][\wåäö-]+s[ \t]+\Z")


def _title_coreference(text: str, result: PeopleResult, used: set[int]) -> None:
    """"landshövdingen", "kommunalrådet" alone: the one person the text gives that title; where two hold it
    and one is named as another place's ("träffar landshövdingen Jämtlands landshövding X"), the other."""
    holders: dict[str, set[str]] = {}
    qualified: dict[str, set[str]] = {}
    for p, t in result.roles:
        holders.setdefault(t.title.title, set()).add(p.key)
        if _OTHER_PLACES_TITLE_RE.search(text, max(0, t.start - 40), t.start):
            qualified.setdefault(t.title.title, set()).add(p.key)
    for title, keys in holders.items():
        if len(keys) > 1 and len(keys - qualified.get(title, set())) == 1:
            holders[title] = keys - qualified[title]
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
