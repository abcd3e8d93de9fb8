"""Organisations and places that no reference list holds, from Swedish cues,
plus abbreviations a text defines ("Informationssäkerhetsnätverket Sveriges
Kommuner, KIS") and bare definite references ("länsstyrelsen").
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from .. import prefilter
from ..text import at_sentence_start, lower_same_length, slug
from .lexicon import (
    BOARD_NAMES,
    HOURS_RANGE,
    MEETING_RE,
    PLACE_FIELD_LABELS,
    PLACE_VISIT_NOUN,
    PLACE_VISIT_PREFIXES,
    VENUE_LAST_WORDS,
)

_CAP = r"[A-ZÅÄÖÉ][\wåäöéÅÄÖ&-]*"


def _word_initial(first: str) -> str:
    """A character of the class ``first`` that starts a word (no word character or hyphen before
    it). The check is written after the character, not before: a pattern that opens with a
    lookbehind is tried at every position of the text, one that opens with a character class
    lets the regex engine skip to the characters of the class."""
    return rf"{first}(?<![\w-]{first})"


_CAP_INITIAL = _word_initial("[A-ZÅÄÖÉ]") + r"[\wåäöéÅÄÖ&-]*"  # _CAP, starting a word
# the space between two words of a name: a line may wrap inside it, a paragraph may not end in it
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_FIELD_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*(?![\wåäöÅÄÖ]+[ \t]*:))"  # ... nor does the next "Tid:" line go on it
# ... nor does a letterhead's next line go on it: "Exempelförbundet\nPROTOKOLL\nStyrelsen"
_NAME_WRAP_GAP = (r"(?:[ \t]+|[ \t]*\n[ \t]*(?![A-ZÅÄÖ]{2,}(?![a-zåäö])|(?:Protokoll|Styrelse|Sammanträde|"
                  r"Minnesanteckning|Kallelse|Dagordning|Datum|Plats|Tid|Närvarande|Beslutande|Organ|Paragraf)))")
# a minutes' letterhead goes on after the body's name: "Kommunalförbundet X Direktionen Sammanträdesprotokoll"
_LETTERHEAD_WORD_RE = (rf"(?:{BOARD_NAMES}|Sammanträdesprotokoll|Protokoll|PROTOKOLL|Sammanträdesdatum|"
                       r"Kallelse|Justerandes)(?![\wåäö-])")
# a capitalised compound ending in an organisational head noun, then more capitalised words
ORG_SUFFIX_RE = re.compile(
    # (after the adjective a national body's name opens with: "Allmänna Försvarsföreningen", "Turkiska
    # Kvinnoförbundet")
    rf"(?P<name>(?:{_word_initial('[AKNSIEF]')}(?:llmänna|ungliga|ordiska|venska|nternationella|uropeiska|ria)[ \t]+"
    rf"|{_word_initial('[A-ZÅÄÖ]')}[a-zåäö]{{2,}}iska[ \t]+)?"
    rf"{_word_initial('[A-ZÅÄÖ]')}(?:[\wåäö-]*?(?P<head>nätverket|förbundet|kommunalförbund|kommunalförbundet|"
    rf"föreningen|stiftelsen|akademien|akademin|institutet|samordningsförbund|samordningsförbundet)"
    rf"(?:{_NAME_WRAP_GAP}(?!(?:i|och|för|på|med)\b|{_LETTERHEAD_WORD_RE}){_CAP})*"
    # (not "området", an area: "Sigfridsområdet" holds no council)
    rf"|[\wåäö-]*?(?P<head2>(?<!om)rådet|nämnden|förvaltningen|bolaget|centrum)))(?![\wåäö])"
    rf"(?:\s*(?:,\s*|\(\s*)(?P<abbr>[A-ZÅÄÖ]{{2,6}})\b\)?)?")
# "Centrum för vårdutbildning", "Institutet för framtidsstudier": the capitalised head noun of a body, then
# "för" and the field it serves
# (a region's committee names its fields in a list: "Nämnd för arbetsmarknad, näringsliv och kultur")
INSTITUTION_FOR_RE = re.compile(
    r"(?<![\wåäö-])(?P<name>(?P<head>Centrum|Centret|Institutet|Rådet|Stiftelsen|Föreningen|Förbundet|Nätverket|"
    r"Akademien|Sällskapet|Fonden|Nämnd|Nämnden|Beredning|Beredningen)[ \t]+för[ \t]+[a-zåäö][\wåäö-]{3,}"
    r"(?:,[ \t]+[a-zåäö][\wåäö-]{3,})*(?:[ \t]+och[ \t]+[a-zåäö][\wåäö-]{3,})?)"
    r"(?![\wåäö-])")
# (with the part of the area it serves: "Norra Exempellands samordningsförbund"; a federation of municipalities by
# what it does, in lower case: "Exempeldalens räddningstjänstförbund", "Exempelbygdens kommunalförbund")
GENITIVE_ASSOCIATION_RE = re.compile(
    rf"(?P<name>(?:{_word_initial('[NSVÖM]')}(?:orra|ödra|ästra|stra|ellersta)[ \t]+)?"
    rf"{_word_initial('[A-ZÅÄÖ]')}[\wåäö-]+s[ \t]+(?:[A-ZÅÄÖ][a-zåäö-]*(?:förening|förbund)|"
    r"(?:räddningstjänst|samordnings|kommunal|utbildnings|gymnasie|vård|avfalls|renhållnings|vatten|miljö)förbund))"
    r"(?![\wåäö])")
# "Exempelforums styrgrupp", "Exempelnätets arbetsutskott": a name no list holds, in the genitive, before the
# body of it that meets (not a common noun's definite genitive: "Förbundets styrelse", "Kommunens ledningsgrupp")
# the body nouns first (rare), then the name before them: one cheap scan instead of a try at every capital
_BODY_AFTER_GENITIVE_RE = re.compile(
    r"(?::s|s)[ \t]+(?:styrgrupp|styrelse|arbetsutskott|ledningsgrupp|presidium|beredningsgrupp|referensgrupp|"
    r"årsmöte|medlemsmöte|förbundsstämma|föreningsstämma)(?:en|et|s)?(?![\wåäö-])")
_GENITIVE_NAME_BEFORE_RE = re.compile(
    r"(?<![\wåäö-])(?!(?:Förbundet|Föreningen|Kommunen|Regionen|Länet|Nätverket|Bolaget|Rådet|Styrelsen|Projektet|"
    r"Företaget|Landstinget|Staden|Partnerskapet|Gruppen|Kansliet)\Z)[A-ZÅÄÖ][\wåäö-]{2,}\Z")


def _body_of_name_spans(text: str) -> Iterator[tuple[int, int]]:
    """"Exempelforums styrgrupp", "Exempelnätets arbetsutskott": a name no list holds, in the genitive, before
    the body of it that meets (not a common noun's definite genitive: "Förbundets styrelse")."""
    for m in prefilter.finditer(_BODY_AFTER_GENITIVE_RE, text):
        name = _GENITIVE_NAME_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
        if name is not None:
            yield name.start(), name.end()


# minutes that name the body in their heading: "Minnesanteckningar från Exempelforums styrgrupp"
_MINUTES_HEAD_RE = re.compile(r"(?:protokoll|minnesanteckningar|anteckningar)[ \t]+(?:från|för|vid)[ \t]+\Z",
                              re.IGNORECASE)
# the legal forms that end a company's name
LEGAL_FORMS = ("AB", "Aktiebolag", "HB", "KB", "Ekonomisk förening")
# capitalised words that open a sentence and never a company's name ("Hos", "Vid", "Även")
_OPENER_RE = re.compile(r"(?:Hos|Vid|På|Från|Med|Till|Inom|Även|Också|I|Av|För|Om|Efter|Under|Inför|Mot|Genom|"
                        r"Bland|Enligt|Och|Men|Där|När|Då|Som|Mellan|Kring|Trots|Utanför|Bakom|Hit|Dit)[ \t]+")
# "Anna Berg, VD Exempel AB": the post of the company's head is no part of its name
_POST_BEFORE_COMPANY_RE = re.compile(r"(?:VD|Vd|vd|VD:n|vd:n)[ \t]+(?=[A-ZÅÄÖÉ])")
_CAP_NAME_BEFORE_FORM_RE = re.compile(r"[A-ZÅÄÖÉ][\wåäöéÅÄÖ&-]*[ \t]")
COMPANY_RE = re.compile(rf"(?P<name>{_CAP_INITIAL}{_GAP}(?:(?:{_CAP}|&){_GAP}){{0,3}}"
                        rf"(?:{'|'.join(LEGAL_FORMS)}))\b")
# a housing cooperative by the legal form written before its name: "BRF Exempelgården", "Brf Solgläntan 3"
HOUSING_COOP_RE = re.compile(rf"(?<![\wåäö-])(?:BRF|Brf)[ \t]+{_CAP}(?:[ \t]+(?:{_CAP}|\d{{1,3}}(?![\d:.])))?")
# a municipality's utility by the town's name and its trade: "Exempelby Energi", "Exempelby Kraft" (the town, or
# its genitive or short form, that the caller checks), and a second trade joined to an energy or water company's
# ("Exempelby Energi och Vatten")
UTILITY_TRADE_AFTER = r"Energi|Kraft|Vatten|Fjärrvärme|Elnät|Stadsnät|Bostäder"
_UTILITY_TRADES = r"Energi|Vatten|Miljö|Avfall|Värme|Renhållning|Fastigheter|Bostäder"
UTILITY_RE = re.compile(r"(?<![\wåäö-])(?P<town>[A-ZÅÄÖ][a-zåäö]{2,})[ \t]+"
                        rf"(?P<trade>{UTILITY_TRADE_AFTER})(?:(?<=Energi|Vatten)[ \t]+och[ \t]+(?:{_UTILITY_TRADES}))?"
                        r"(?![\wåäö-]|[ \t]+(?:AB|HB|KB)\b)")
ABBR_DEF_RE = re.compile(r"\s*(?:,\s*|\(\s*)(?P<abbr>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{1,6})\)?(?=[\s,.;:)]|$)")
# after a venue, a name with its party is a person: "Storsalen Anna Lind (C)"
_NOT_A_MEMBER = rf"(?!{_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]*\([A-Za-zÅÄÖåäö]{{1,3}}\))"
VENUE_HEAD_RE = re.compile(
    rf"(?P<name>(?:{_CAP_INITIAL}(?:huset|hallen|gården|salen|rummet|stallarna|teatern|hotellet|hotell|slottet|borgen|"
    rf"arenan|parken|kyrkan|torget|biblioteket|skolan|stationen|kvarnen|magasinet|bruket|verket)"
    # the county governor's residence, where county boards receive: "på Residenset" (each branch opens
    # with a character, not a lookbehind: see _word_initial)
    rf"|{_word_initial('L')}(?:äns|andshövdinge)[Rr]esidenset|{_word_initial('[Rr]')}esidenset)"
    rf"(?:{_GAP}{_NOT_A_MEMBER}{_CAP}){{0,3}}(?:{_GAP}(?:Konferens|konferens)(?:[ \t]*&[ \t]*{_CAP})?)?)")
# "Hotell Vättern", "Restaurang Sjöboden": a venue's kind written before its name
VENUE_KIND_FIRST_RE = re.compile(
    rf"(?P<name>{_word_initial('[HRKVG]')}(?:otell?|estaurang|onferenscent(?:er|rum)|ärdshus(?:et)?|ästgiveri(?:et)?)"
    rf"[ \t]+{_CAP}(?:[ \t]+{_CAP})?)(?![\wåäö])")
# a hotel by its chain's name before the kind word, or by the chain alone: "Quality Hotel Exempelstad", "Best Western
# Hotell Norra Exempelsjön", "Grand Hôtel", "Scandic Exempel" (not "På Hotell X": a preposition opens no name)
CHAIN_HOTEL_RE = re.compile(
    # (the first word's letters after its capital: not "På", "Vid", "Hos", "Från", "Till", "Med", "Och")
    rf"(?P<name>{_word_initial('[A-Z]')}(?!(?:å|id|os|rån|ill|ed|ch)\b)[a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+"
    r"(?:Hotel|Hotell|Hôtel)"
    rf"(?:[ \t]+(?!i\b){_CAP}){{0,3}}|{_word_initial('S')}candic[ \t]+{_CAP}(?:[ \t]+{_CAP})?)(?![\wåäö])")
# "Norra Bantorget", "Stora torget"... written before a venue's name: part of it
_SIDE_BEFORE_RE = re.compile(r"(?<![\wåäöÅÄÖ-])(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre)[ \t]+\Z")
# the capitalised words of a protocol's run-on header that end a venue's name ("Plats: Sjöviken Ledamöter Anna ...")
_HEADER_WORD = (r"(?!(?:Ledamöter|Beslutande|Närvarande|Ersättare|Tjänstgörande|Tjänstemän|Övriga|Datum|Tid|"
                r"Justerare|Paragrafer|Sekreterare|Ordförande|Utses|Sammanträdesdatum)\b)")
VENUE_CUE_RE = re.compile(
    rf"(?:\bPlats(?: och tid)?\s*:\s*|\bLokal\s*:\s*|\b(?:äger|ägde) rum (?:på|i)\s+|\b(?:hålls|hölls) (?:på|i)\s+"
    rf"|\barrangera(?:s|des) på\s+"
    # a run-on protocol header: "Tid och plats 13.15-15.00 Exempelgården Paragrafer ..."
    rf"|\b(?:Tid och plats|Plats och tid)[ \t]+{HOURS_RANGE},?[ \t]+"
    # "konferens på Kvarnvik i Vara": a meeting word, "på" and a name that a place follows
    rf"|\b(?:konferens|möte|stämma|sammanträde|seminarium|seminarie|träff|kick-off|internat)(?:en|et|n|t)?"
    rf"[ \t]+på[ \t]+"
    rf"(?=(?:[A-ZÅÄÖ][\wåäö&-]+[ \t]+){{1,3}}i[ \t]+[A-ZÅÄÖ]))"
    rf"(?P<name>{_CAP}(?:{_FIELD_GAP}(?:{_HEADER_WORD}{_CAP}|&))*"
    rf"(?:[ \t]+(?:hus|huset|gård|gården|slott|park|hotell))?)")
# "Plats: Kommunhuset, Fjugesta": the locality after the venue
VENUE_LOCALITY_RE = re.compile(r",\s*(?P<name>[A-ZÅÄÖ][a-zåäöé]{2,}(?:-[A-ZÅÄÖ][a-zåäöé]+)?)(?=\s*(?:[.,;\n]|$|kl\b))")
# a town's own building by the town's name, and a named room in it: "Ånge kommunkontor, rum Flataklocken"
TOWN_BUILDING_RE = re.compile(
    r"(?P<name>(?P<town>[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?)[ \t]+(?:kommunkontor|kommunhus|stadshus|rådhus)"
    r"(?:et)?)(?![\wåäö-])(?:[ \t]*,[ \t]*(?:rum|sal|sammanträdesrum|konferensrum|lokal)(?:en)?[ \t]+"
    r"(?P<room>[A-ZÅÄÖ][a-zåäö]{2,}(?:[ \t]+[A-ZÅÄÖ][a-zåäö]+)?))?")
# building names too generic to be a named place
GENERIC_VENUES = {"kommunhuset", "kommunhus", "stadshuset", "stadshus", "rådhuset", "länsstyrelsen", "kommunkansliet",
                  "kommunkontoret", "regionhuset", "skolan", "biblioteket", "kyrkan", "torget", "stationen", "parken",
                  "arenan", "hotellet"}
_SCHOOL_RE = re.compile(r"skolan$")
# "i Inspirationsdagarna", "på Framtidsdagen": a day's event, not a place
_DAY_EVENT_RE = re.compile(r"dag(?:en|ar|arna)$")
# the label of a record's place field before a venue's name: "Plats Kulturens hus, Exempelby"
_PLACE_LABEL_LEAD_RE = re.compile(rf"(?:{PLACE_FIELD_LABELS})[ \t]*:?[ \t]+")
# a name in the definite genitive before a common noun: "för Länsstyrelsens personal", "i Lantbrukarnas
# riksorganisation" (the name is of whose, not a place)
_DEFINITE_GENITIVE_RE = re.compile(r"(?:ens|nas|ets)$")
# "vårdcentralen i Exempelby", "Hälsocentralen Exempelby": a named health centre, visited as a place
HEALTH_CENTRE_RE = re.compile(
    r"(?<![\w-])(?P<name>[VvHh](?:årdcentralen|älsocentralen)(?:[ \t]+i)?[ \t]+[A-ZÅÄÖ][\wåäöé-]+)(?![\wåäö-])")
# a named area: "Sigfridsområdet", "Exempelbyområdet"
_NAMED_AREA_RE = re.compile(r"(?<![\wåäö-])[A-ZÅÄÖ][a-zåäö]{2,}området(?![\wåäö-])")
# the armed forces' military regions and civil defence's civil areas (the county boards that lead them), by their
# quarter: "Mellersta militärregionen", "Södra civilområdet", "det norra civilområdet"
DEFENCE_AREA_RE = re.compile(r"(?<![\wåäö-])(?P<name>(?:[Nn]orra|[Mm]ellersta|[Ss]ödra|[Vv]ästra|[Öö]stra)[ \t]+"
                             r"(?:militärregionen|civilområdet))(?![\wåäö-])")
# a name in -ska (after a founder, a family or a place) and a definite venue noun: "Akademiska sjukhuset",
# "Exempelbergska gymnasiet", "Exempelska palatset"
ADJECTIVE_VENUE_RE = re.compile(
    r"(?<![\wåäö-])(?P<name>[A-ZÅÄÖ][a-zåäöé]+ska[ \t]+(?:sjukhuset|universitetssjukhuset|lasarettet|gymnasiet|"
    r"palatset|huset|gården|museet|muséet|biblioteket|slottet|kyrkan|parken|hallen|teatern|villan|skolan))(?![\wåäö-])")
# (a government inquiry too, "Bostadsutredningen"; and in the genitive, "Indelningskommitténs betänkande")
COMMITTEE_RE = re.compile(
    rf"(?P<name>{_word_initial('[A-ZÅÄÖ]')}(?:[a-zåäö]+a\s+[a-zåäö]+|[a-zåäö-]+)"
    r"(?:kommittén|kommissionen|delegationen|utredningen))"
    r"s?(?![\wåäö])")




# "i Färila", "utanför Levene": an unknown capitalised word after a place preposition
PLACE_PREP_RE = re.compile(
    r"(?<![\w-])(?:i|utanför|nära|norr om|söder om|öster om|väster om)\s+"
    r"(?P<name>[A-ZÅÄÖ][a-zåäöé]{2,}(?:-[A-ZÅÄÖ][a-zåäöé]+)?)(?![\wåäö-])(?![ \t]+[A-ZÅÄÖ0-9])(?![ \t]*\d)")
# "konfererar på Exempelgården, Vingåker", "vid Exempelnäs, Ockelbo": a name, then the town it lies in
# (or, after a gathering's word, "i" the town: "samlades till vårkonferens på Exempelgården i Tranås kommun";
# after a visit's word the name is as often a company's)
VENUE_BEFORE_TOWN_RE = re.compile(
    r"(?<![\w-])(?:på|vid)[ \t]+(?P<name>[A-ZÅÄÖ][a-zåäöé]{2,}(?:[ \t]+[A-ZÅÄÖ][a-zåäöé]+)?)[ \t]*,[ \t]*"
    r"(?P<town>[A-ZÅÄÖ][a-zåäöé]+)(?![\wåäö-])"
    r"|(?<![\w-])(?:[a-zåäö]*(?:konferens|möte|sammanträde|seminarium|stämma|träff)(?:en|et|n)?)[ \t]+(?:på|vid)[ \t]+"
    r"(?P<name2>[A-ZÅÄÖ][a-zåäöé]{2,}(?:[ \t]+[A-ZÅÄÖ][a-zåäöé]+)?)[ \t]+i[ \t]+(?P<town2>[A-ZÅÄÖ][a-zåäöé]+)"
    r"(?![\wåäö-])")
NOT_PLACES = {"teams", "zoom", "skype", "facebook", "twitter", "instagram", "linkedin", "youtube", "google", "europa",
              "eu", "norden", "sverige", "sveriges", "världen", "landet", "regeringen", "riksdagen", "länet",
              "kommunen", "regionen", "staden", "webben", "internet", "länsstyrelsen", "landstinget", "mars", "maj",
              "juni", "juli", "augusti",
              "januari", "februari", "april", "september", "oktober", "november", "december"}
_TITLE_HEADS = ("kommunalrådet", "oppositionsrådet", "regionrådet", "landstingsrådet", "borgarrådet", "statsrådet",
                "länsrådet", "justitierådet")
STREET_RE = re.compile(r"(?:gatan|vägen|gata|väg|torget|allén|backen|gränd|plan|leden)$")


def _proper_inside_sentence(text: str, name: str) -> bool:
    """Does the text write ``name`` (or its genitive) capitalised after the first word of a sentence, as a
    proper name is and a common noun is not?"""
    return any(not at_sentence_start(text, hit.start())
               for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}s?(?![\wåäö-])", text))


@dataclass(frozen=True)
class PatternOrg:
    start: int
    end: int
    name: str
    cls: str
    key: str
    abbr: str | None = None
    abbr_span: tuple[int, int] | None = None
    wins: bool = False  # the longer name beats a place name inside it ("Halmstad slott")


# -- names read from their slot or their last word, not from a list

_WORD = r"[A-ZÅÄÖÉ][\wåäöéÅÄÖ'’-]*"
_WORD_INITIAL = _word_initial("[A-ZÅÄÖÉ]") + r"[\wåäöéÅÄÖ'’-]*"  # _WORD, starting a word
# capitalised words that open a sentence or a phrase without being a name
_DETERMINERS = {"hans", "hennes", "deras", "vår", "vårt", "våra", "varje", "denna", "detta", "dessa", "en", "ett",
                "den", "det", "de", "alla", "nästa", "första", "samma", "vilken", "vilket", "vid", "på", "i",
                "många", "flera", "någon", "något", "inga", "ingen", "min", "mitt", "din", "sin", "sitt", "er", "ert"}
# a venue, landscape feature or farm named by a capitalised word and a generic last word:
# "Halmstad slott", "Södra Råda gamla kyrka", "Dannemora gruva", "Wisby Strand"
VENUE_NOUNS = {"slott": "Place", "fästning": "Place", "kyrka": "Place", "domkyrka": "Place", "kapell": "Place",
               "gruva": "Place",
               "central": "Place", "centralstation": "Place", "station": "Place", "strand": "Place",
               "scen": "Place", "mosse": "Place", "myr": "Place", "hamn": "Place", "brygga": "Place",
               "fyr": "Place", "kvarn": "Place", "park": "Place", "torg": "Place", "hus": "Place", "arena": "Place",
               "konsthall": "Place", "hotell": "Place",
               # a museum is an institution with its own head and staff (a foundation, a county's or the state's
               # agency), as the annotators of real pages type it (three of four)
               "museum": "Organization", "nationalmuseum": "Organization",
               "herrgård": "Company", "gård": "Company", "gårdar": "Company", "säteri": "Company",
               "skola": "Organization", "folkhögskola": "Organization", "gymnasium": "Organization",
               "förskola": "Organization", "grundskola": "Organization", "gymnasieskola": "Organization",
               # a hospital is a body with its staff and management (as the annotators of real pages type it,
               # ten of fourteen), a health centre is where a visit goes
               "sjukhus": "Organization", "universitetssjukhus": "Organization", "lasarett": "Organization",
               "vårdcentral": "Place", "hälsocentral": "Place",
               # a care home, run by its staff (as a school is): "Exempelgårdens äldreboende"
               "äldreboende": "Organization"}
# the institutions among them that a line of a meeting's venue names as the place: the name opens the line, then a
# room ("lokal X") or a street and number
_INSTITUTION_VENUES = frozenset({"museum", "nationalmuseum"})
_ADDRESS_AFTER_RE = re.compile(r"[ \t]*,[ \t]*(?:(?:lokal|sal|rum)\b|"
                               r"[^\n,]{2,40}?[ \t]\d{1,3}[A-Za-z]?(?:[ \t]*,|[ \t]*$))", re.MULTILINE)
# (or the name is the value of a place field: "Plats: Exempelbygdens museum, Skövde")
_PLACE_FIELD_BEFORE_RE = re.compile(rf"(?:{PLACE_FIELD_LABELS})[ \t]*:?[ \t]*\Z")
_FIELD_VALUE_END_RE = re.compile(r"[ \t]*(?:,|$)", re.MULTILINE)


def _venue_line(text: str, s: int, e: int) -> bool:
    """Is the name at text[s:e] where a meeting's venue is given: opening a line that goes on with a room or an
    address, or as a place field's value?"""
    before = text[text.rfind("\n", 0, s) + 1:s]
    if not before.strip():
        return _ADDRESS_AFTER_RE.match(text, e) is not None
    return _PLACE_FIELD_BEFORE_RE.search(before) is not None and _FIELD_VALUE_END_RE.match(text, e) is not None


# the capitalised words before a venue noun found in the text (searched back from the noun)
VENUE_NAME_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_WORD}(?:[ \t]+(?:{_WORD}|&))*?"
    r"(?:[ \t]+(?:gamla|nya|lilla|stora|norra|södra|östra|västra))?)[ \t]+$")
# lower-case words that go on a business name after its capitalised part: "Spira fastigheter",
# "Berzelii vård och omsorg"
BUSINESS_WORDS = {"fastigheter", "fastighet", "bygg", "vård", "omsorg", "handel", "lanthandel", "livs", "el",
                  "energi", "åkeri", "entreprenad", "maskin", "maskiner", "verkstad", "industri", "industrier",
                  "service", "teknik", "konsult", "konsulter", "bryggeri", "mejeri", "bageri", "trä", "skog",
                  "plåt", "transport", "logistik", "restaurang", "hotell", "konferens", "camping", "fiske",
                  "lantbruk", "snickeri", "måleri", "rör", "mekaniska", "bil", "bruk", *VENUE_NOUNS}
_BUSINESS = "|".join(sorted(BUSINESS_WORDS, key=len, reverse=True))
# (a municipal utility's name joins its two trades with "och": "Exempelby Energi och Vatten")
_NAME_RUN = (rf"{_WORD}(?:(?:[ \t]+&[ \t]+|[ \t]+){_WORD}){{0,3}}"
             rf"(?:[ \t]+(?:{_BUSINESS})(?:[ \t]+(?:och|&)[ \t]+(?:{_BUSINESS}))?"
             rf"|(?<=Energi|Vatten)[ \t]+och[ \t]+(?:{_UTILITY_TRADES})(?![\wåäö-]))?")
# the slot of a company or venue: "VD för X", "verksamhetschef på X", "drivs av X" (one name) ...
ROLE_CUE_RE = re.compile(
    r"(?:\b(?i:vd|verkställande direktör|ägare|delägare|grundare|verksamhetschef|platschef|fabrikschef|"
    r"driftchef|butikschef|hotellchef)[ \t]+(?:för|på|vid|av|till|hos)|\bdrivs av)[ \t]+"
    rf"(?P<list>{_NAME_RUN})(?![\wåäö-])")
# "avslutades på Exempelbruket där vd Anna Berg tog emot": the business before its head
HOST_BEFORE_ROLE_RE = re.compile(
    rf"(?<![\w-])(?:på|hos|vid)[ \t]+(?P<list>{_NAME_RUN})[ \t]*,?[ \t]+där[ \t]+"
    r"(?i:vd|verkställande direktör|ägaren|ägarna|grundaren|verksamhetschefen|platschefen|fabrikschefen)\b")
# "hos Exempel Stärkelse där ...", "till Exempelby Snickeri, som tillverkar fönster": a host the visit went to, or
# a business the clause after it says what it makes or how many it employs
HOST_CLAUSE_RE = re.compile(
    rf"(?<![\w-])(?:hos[ \t]+(?P<host>{_NAME_RUN})(?=[ \t]*,?[ \t]+där[ \t])"
    rf"|(?:hos|till|på|vid|besökte|besöka|besöker)[ \t]+(?P<maker>{_NAME_RUN})(?=[ \t]*,?[ \t]+som[ \t]+"
    r"(?:tillverkar|producerar|förädlar|utvecklar|säljer|driver|odlar|levererar|har[ \t]+\d+[ \t]+anställda)))")
_MAKER_VERBS = ("tillverkar", "producerar", "förädlar", "utvecklar", "säljer", "driver", "odlar", "levererar",
                "anställda")
# ... and "studiebesök på A, B och C" (a list)
VISIT_CUE_RE = re.compile(
    rf"\b(?i:{PLACE_VISIT_NOUN})(?:et|en)?(?:[ \t]+(?:på|hos|vid))?[ \t]+"
    rf"(?P<list>{_NAME_RUN}(?:[ \t]*,[ \t]*{_NAME_RUN})*(?:[ \t]+(?:och|samt)[ \t]+{_NAME_RUN})?)(?![\wåäö-])")
# "hann också besöka A, B i Exempelby och C": the bodies a visit verb lists, of two words or more (a single word
# may be a village no list holds; "A i Exempelby" reads as a branch or a person's home and is left out)
_VISITED = rf"{_NAME_RUN}(?:[ \t]+i[ \t]+{_WORD})?"
VISITED_LIST_RE = re.compile(
    r"(?<![\w-])(?:besöka|besökte|besöker)(?:[ \t]+(?:också|även|sedan|därefter|dessutom))?[ \t]+"
    rf"(?P<list>{_VISITED}(?:[ \t]*,[ \t]*{_VISITED})*[ \t]+(?:och|samt)[ \t]+{_VISITED})(?![\wåäö-])")
_AREA_ADJECTIVES = ("Norra", "Södra", "Östra", "Västra", "Stora", "Lilla", "Övre", "Nedre", "Mellersta")
# "besöka företagen A och B": businesses the plural class noun lists
PLURAL_CLASS_RE = re.compile(
    # ... and "företrädare för det lokala näringslivet, bland annat A, B och C": the businesses a list names
    r"\b(?:företagen|bolagen|(?:näringslivet|företag|företagare)[ \t]*,?[ \t]+"
    r"(?:bland annat|bland andra|däribland|till exempel|t\.[ \t]?ex\.|som))[ \t]+"
    # ("företagen A respektive B": the two the sentence goes on to tell apart)
    rf"(?P<list>{_NAME_RUN}(?:[ \t]*,[ \t]*{_NAME_RUN})*(?:[ \t]+(?:och|samt|respektive)[ \t]+{_NAME_RUN})?)"
    r"(?![\wåäö-])")
# "Anna Berg från Westerlinds fastigheter": a person, then the body the person comes from
FROM_CUE_RE = re.compile(rf"från[ \t]+(?P<list>{_NAME_RUN})(?![\wåäö-])")
_PERSON_BEFORE_RE = re.compile(rf"(?<![\w-])(?P<first>{_WORD})[ \t]+{_WORD}[ \t]+$")
# (not inside a utility's name: "Exempelby Energi och Vatten")
_LIST_SPLIT_RE = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:och|samt|respektive)[ \t]+(?=[A-ZÅÄÖÉ])"
                            rf"(?:(?<!Energi och )(?<!Vatten och )|(?!(?:{_UTILITY_TRADES})(?![\wåäö-])))")
# a lower-case class noun before a name: "kommunförbundet Skåne", "företaget Marell Boats"
CLASS_NOUNS = {"kommunförbundet": "Association", "kommunalförbundet": "Association",
               "riksorganisationen": "Association",
               "riksförbundet": "Association", "föreningen": "Association", "nätverket": "Association",
               "förbundet": "Association", "intresseorganisationen": "Association",
               "branschorganisationen": "Association", "organisationen": "Organization",
               "stiftelsen": "Organization", "företaget": "Company", "bolaget": "Company",
               "stadsnätet": "Company", "lanthandeln": "Company", "konsultföretaget": "Company",
               "fastighetsbolaget": "Company", "bostadsbolaget": "Company", "energibolaget": "Company",
               "naturreservatet": "Place", "byn": "Place", "tätorten": "Place", "orten": "Place",
               "jordbruket": "Company",
               # a named venue by its kind: "kulturhuset Exempel", "konserthuset Exempel"
               "kulturhuset": "Place", "konserthuset": "Place", "medborgarhuset": "Place", "museet": "Place",
               # a room or a town by its kind: "mötessal Exempelsalen", "vänorten Exempelstad"
               "mötessal": "Place", "mötessalen": "Place", "konferenssalen": "Place", "sessionssalen": "Place",
               "konferenslokalen": "Place", "staden": "Place", "vänorten": "Place", "vänstaden": "Place",
               # a hotel or a district by its kind: "hotellet Exempel Park", "bostadsområdet Exempelhagen"
               "hotellet": "Place", "bostadsområdet": "Place", "industriområdet": "Place",
               # a youth or care home by its kind: "SiS ungdomshem Exempelgården", "behandlingshemmet X"
               "ungdomshem": "Organization", "ungdomshemmet": "Organization", "behandlingshemmet": "Organization",
               "äldreboendet": "Organization", "förskolan": "Organization",
               # a cooperation by its kind: "samverkansplattformen Exempel Örebro"
               "samverkansplattformen": "Organization",
               # a business by its trade: "sågverket Exempelsågen", "mejeriet Exempelby Ost"
               "sågverket": "Company", "mejeriet": "Company", "bageriet": "Company", "bryggeriet": "Company",
               "åkeriet": "Company", "snickeriet": "Company", "tryckeriet": "Company", "slakteriet": "Company",
               "fabriken": "Company", "koncernen": "Company", "verkstaden": "Company"}
# these also end a compound that says what the business does: "bärföretaget Blåtand", "familjejordbruket Ekgården",
# "familjesågverket Exempelsågen"
_COMPOUND_CLASS_NOUNS = ("företaget", "bolaget", "jordbruket", "sågverket", "mejeriet", "bageriet", "bryggeriet")
# the class noun is part of the name of these ("Kommunförbundet Skåne")
_NAME_PART_NOUNS = {"kommunförbundet", "kommunalförbundet", "riksorganisationen", "riksförbundet", "naturreservatet",
                    "lokalpolisområde", "polisområde"}
CLASS_NOUN_RE = re.compile(
    rf"(?:(?<![\w-])(?P<noun>{'|'.join(sorted(CLASS_NOUNS, key=len, reverse=True))})"
    rf"|(?<=[a-zåäö]{{3}})(?P<tail>{'|'.join(_COMPOUND_CLASS_NOUNS)}))[ \t]+"
    rf"(?P<name>{_WORD}(?:(?:[ \t]+&[ \t]+|[ \t]+)(?!{_LETTERHEAD_WORD_RE}){_WORD}){{0,3}})(?![\wåäö-])")
# "Exempelbygdens utveckling ideell förening": a registered non-profit's name ends in its legal form
NONPROFIT_RE = re.compile(rf"(?P<name>{_WORD_INITIAL}(?:[ \t]+(?!(?:i|och|för|på|med|av|om)\b)[\wåäöÅÄÖ-]+){{0,3}}?"
                          r"[ \t]+ideell[ \t]+förening)(?![\wåäö])")
# bodies of the genre named by a fixed word and their area or name: a Leader area's local action group ("Leader
# Exempelbygden"), a savings bank ("Sparbanken Exempelby", "Exempelbygdens Sparbank"), a county museum ("Länsmuseet
# Exempelland"), a Sami village ("Exempelby sameby"), a destination company ("Visit Exempelland")
_CAP_NAME = r"[A-ZÅÄÖ][\wåäö-]+"


def _bounded(name: str) -> re.Pattern[str]:
    """A name pattern as a whole word or words, in the group ``name``; a genitive "s" after it is no part of
    the name ("Exempelbygdens Handelskammares medlemmar")."""
    return re.compile(rf"(?<![\w-])(?P<name>{name})s?(?![\wåäö-])")


_TRADES = ("Trävaru", "Trävaror", "Sågverk", "Snickeri", "Snickerier", "Åkeri", "Bageri", "Bryggeri", "Mejeri",
           "Konditori", "Rökeri", "Slakteri", "Tryckeri", "Charkuteri",
           "Gjuteri", "Plåtslageri", "Verkstad", "Verkstäder", "Byggnads")

# a given name right before a name: "Börje [Jönsson Åkeri]", "kommunchef Ulf [Ericsson]" (a surname a company bears)
GIVEN_BEFORE_RE = re.compile(r"(?<![\wåäöÅÄÖ-])(?P<g>[A-ZÅÄÖ][a-zåäöé]+)[ \t]+\Z")
_FOUNDER_TRADES = ("konditori", "bageri", "café", "kafé", "åkeri", "snickeri", "måleri", "bokhandel", "lanthandel",
                   "livs", "charkuteri", "rökeri", "slakteri", "blomsterhandel", "handelsträdgård", "verkstad",
                   "byggfirma", "elfirma", "gårdsbutik", "fiskaffär")


NAMED_BODY_PATTERNS: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = (
    # (each pattern runs only on a text that holds one of its words: a plain substring test first)
    (("Leader",), _bounded(rf"Leader[ \t]+{_CAP_NAME}(?:[ \t]+{_CAP_NAME}){{0,2}}"), "Association"),
    (("Sparbank",), _bounded(rf"Sparbanken[ \t]+{_CAP_NAME}(?:[ \t]+{_CAP_NAME})?|{_CAP_NAME}[ \t]+Sparbank(?:en)?"),
     "Company"),
    (("Länsmuseet",), _bounded(rf"Länsmuseet[ \t]+{_CAP_NAME}(?:[ \t]+{_CAP_NAME})?"), "Organization"),
    (("ameby",), _bounded(rf"{_CAP_NAME}[ \t]+[Ss]ameby"), "Organization"),
    (("Visit",), _bounded(rf"Visit[ \t]+{_CAP_NAME}"), "Company"),
    # ... a destination company ("Destination Exempelfjällen") and an airport's company ("Exempel Mountains Airport")
    (("Destination",), _bounded(rf"Destination[ \t]+{_CAP_NAME}"), "Company"),
    # (not a hotel at the airport: "Exempel Hotel Arlanda Airport", a venue)
    (("Airport",), _bounded(rf"(?!VD[ \t]){_CAP_NAME}(?:[ \t]+(?!Hotel\b|Hotell\b){_CAP_NAME}){{0,2}}[ \t]+Airport"),
     "Company"),
    # a chamber of commerce ("Handelskammaren Exempelland", "Västsvenska Handelskammaren", "Exempeldalens
    # Handelskammare") and a fire and rescue service ("Räddningstjänsten Exempelby", "Norrbygdens Räddningstjänst",
    # "Brandkåren Exempel")
    (("Handelskammare",), _bounded(rf"Handelskammaren[ \t]+{_CAP_NAME}|{_CAP_NAME}[ \t]+Handelskammaren?"),
     "Association"),
    (("Räddningstjänst", "Brandkåren"),
     _bounded(rf"(?:Räddningstjänsten|Brandkåren)[ \t]+{_CAP_NAME}(?:[ \t]+{_CAP_NAME})?|"
              rf"{_CAP_NAME}[ \t]+Räddningstjänst"), "Organization"),
    # a village's or a town's own society, written with its kind in lower case: "Exempelby hembygdsförening",
    # "Exempelby företagarförening", "Exempelby byalag", "Exempelby bygdeförening"
    (("förening", "byalag"),
     _bounded(rf"{_CAP_NAME}[ \t]+(?:[a-zåäö]{{2,20}}(?:förening|föreningen)|byalag|byalaget)"), "Association"),
    # a parish ("Exempelby församling"), a family business ("Bröderna Exempel"), the pensioners' local
    # associations ("PRO Exempelby", "SPF Seniorerna Exempelby")
    (("församling",), _bounded(rf"{_CAP_NAME}[ \t]+församling"), "Organization"),
    # a unit of the police by its area: "lokalpolisområde Exempelby", "Lokalpolisområde Västra Exempeldalen",
    # "polisområde Exempelland"
    (("polisområde",), _bounded(rf"(?:[Ll]okalpolisområde|[Pp]olisområde)[ \t]+{_CAP_NAME}(?:[ \t]+{_CAP_NAME})?"),
     "Organization"),
    (("Bröderna",), _bounded(rf"Bröderna[ \t]+{_CAP_NAME}"), "Company"),
    (("PRO", "SPF"), _bounded(rf"(?:PRO|SPF[ \t]+Seniorerna)[ \t]+{_CAP_NAME}"), "Association"),
    # a business by its place or founder and its trade, both capitalised: "Exempelhedens Trävaru", "Norrby Snickeri",
    # "Exempelby Mekaniska Verkstad" (not a national trade body: "Sveriges Bryggerier")
    (_TRADES, _bounded(rf"(?!Sveriges|Svenska|Svensk)(?!{_OPENER_RE.pattern}){_CAP_NAME}[ \t]+"
                       rf"(?:Mekaniska[ \t]+Verkstad|{'|'.join(_TRADES)})"), "Company"),
    # a business by its founder's name in the genitive and its trade in lower case: "Elsa Exempels konditori",
    # "Per Exempels åkeri"
    (_FOUNDER_TRADES, _bounded(rf"(?!{_OPENER_RE.pattern}){_CAP_NAME}[ \t]+{_CAP_NAME}s[ \t]+"
                               rf"(?:{'|'.join(_FOUNDER_TRADES)})"), "Company"),
    # a foundation by its name: "Stiftelsen Exempelfjäll"
    (("Stiftelsen",), _bounded(rf"Stiftelsen[ \t]+{_CAP_NAME}(?:[ \t]+{_CAP_NAME}){{0,2}}"), "Organization"),
    # a sports club by its town and its letters: "Exempelby IF", "Exempelby AIK", "IFK Exempelby"
    (("IF", "IK", "BK", "FF", "SK", "FK", "FC", "HC"),
     _bounded(rf"{_CAP_NAME}[ \t]+(?:IF|IK|BK|FF|SK|AIK|GIF|GoIF|IBK|FK|ABK|BIK)|"
              rf"(?:IFK|BK|IK|FC|HC)[ \t]+{_CAP_NAME}"), "Association"),
)
# a federation of a region named by its area: "Regionförbundet i Exempellands län", "Kommunförbundet norra Exempelland",
# "Regionförbundet Exempellands län"
AREA_BODY_RE = re.compile(rf"(?<![\w-])(?P<name>(?:Region|Kommun|Kommunal|Samordnings)förbundet[ \t]+"
                          rf"(?:i[ \t]+{_WORD}(?:[ \t]+län)?|(?:södra|norra|västra|östra|mellersta)[ \t]+{_WORD}"
                          rf"|{_WORD}[ \t]+län))"
                          r"(?![\wåäö-])")
# a council named by its county: "Klimatrådet Exempellands län", "Miljö- och klimatrådet Exempellands län",
# "Klimatråd Västra Götaland" (a county's partnership of bodies, no office of the county board)
COUNTY_COUNCIL_RE = re.compile(rf"(?<![\w-])(?P<name>(?:[A-ZÅÄÖ][a-zåäö]+-[ \t]+och[ \t]+[a-zåäö]+|[A-ZÅÄÖ][a-zåäö]+)"
                               rf"råd(?:et)?[ \t]+(?:{_WORD}[ \t]+län|Västra[ \t]+Götaland))(?![\wåäö-])")
# a centre or unit at a university, by its own name: "Exempelfrid vid Exempelby universitet"
UNIT_AT_UNIVERSITY_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_CAP_NAME}(?:[ \t]+{_CAP_NAME})?)[ \t]+vid[ \t]+(?:{_CAP_NAME}[ \t]+)?"
    r"(?:[A-ZÅÄÖ][\wåäö-]+s[ \t]+)?(?:universitet|högskola|Universitet|Högskola)")
# governing bodies, never places: "i Styrelsen", "i Arbetsutskottet"
BODY_NOUN_RE = re.compile(r"(?:styrelse|utskott|styrgrupp|ledningsgrupp|presidi|beredning|nämnd|fullmäktige|"
                          r"kommitté|referensgrupp|arbetsgrupp|projektgrupp)(?:n|et|en|t|na|rna)?$")
# "Plats: Kafé Nord, Storgatan 4, Byn" or "Invigning: Kafé Nord, Storgatan 4, Byn": a venue, its address, its locality
ADDRESS_LINE_RE = re.compile(
    rf"^[ \t]*[A-ZÅÄÖ][\wåäö -]{{1,30}}:[ \t]+(?:[A-ZÅÄÖ][\wåäö]+:[ \t]+)?"
    rf"(?:(?P<venue>{_WORD}(?:(?:[ \t]+&[ \t]+|[ \t]+){_WORD}){{0,4}})[ \t]*,[ \t]*)?"
    rf"(?P<street>{_WORD}(?:[ \t]+{_WORD})?[ \t]+\d+[A-Za-z]?)[ \t]*,[ \t]*"
    rf"(?P<town>[A-ZÅÄÖ][a-zåäöé]{{2,}}(?:[- ][A-ZÅÄÖ][a-zåäöé]+)?)[ \t]*\.?[ \t]*$", re.MULTILINE)


def _org_class(name: str, head: str) -> str:
    low = head.lower()
    if low.startswith(("nätverk", "förbund", "förening", "kommunalförbund", "samordningsförbund")):
        return "Association"
    return "Organization"


class _Spans:
    """Spans (start, end), asked of each hit whether one overlaps it or holds it: a
    bisection over the starts, with the furthest end reached so far."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(itertools.accumulate((b for _, b in ordered), max))

    def overlaps(self, s: int, e: int) -> bool:
        """Is there a span with a < e and s < b?"""
        i = bisect.bisect_left(self._starts, e)
        return i > 0 and self._reach[i - 1] > s

    def holds(self, s: int, e: int) -> bool:
        """Is there a span with a <= s and e <= b?"""
        i = bisect.bisect_right(self._starts, s)
        return i > 0 and self._reach[i - 1] >= e


def _genitive_of_name(text: str, name: str) -> bool:
    """"Regionförbundet Exempellands ledningskonferens": the name in the genitive, as the text also
    writes it without the -s."""
    return name.endswith("s") and " " in name and bool(
        re.search(r"(?<![\w-])" + re.escape(name[:-1]) + r"(?![\wåäö-])", text))


def find_pattern_orgs(text: str, taken: list[tuple[int, int]],
                      soft: Iterable[tuple[int, int]] = (),
                      is_area: Callable[[str], bool] = lambda stem: False) -> Iterator[PatternOrg]:
    """Unlisted organisations and venues; ``taken`` spans (reference hits) win, except a one-word place
    in ``soft`` after the head of a body's name ("Regionförbundet Exempelland"), which gives way."""
    spans = _Spans(taken)
    hard = _Spans(sorted(set(taken) - set(soft)))

    def free(s: int, e: int) -> bool:
        return not spans.overlaps(s, e)

    for m in prefilter.finditer(ORG_SUFFIX_RE, text):
        name = m["name"].rstrip(" -")
        head = m["head"] or m["head2"]
        start, end = m.start("name"), m.start("name") + len(name)
        wins = bool(m["head"]) and end > m.end("head") and not hard.overlaps(start, end) \
            and not spans.overlaps(start, m.end("head"))
        if not free(start, end) and not wins:
            continue
        if _genitive_of_name(text, name):
            name = name[:-1]
        # "Kommunalrådet", "Socialnämnden" at the start of a sentence, or a title: common nouns; a council
        # named after its area that the text also capitalises inside a sentence is a body ("... hälsade
        # Exempellandsrådet välkommen")
        if m["head2"] and (name.lower().endswith(_TITLE_HEADS) or (
                at_sentence_start(text, m.start()) or len(name) < 14)
                and not (head == "rådet" and is_area(name[:-5]) and _proper_inside_sentence(text, name))):
            continue
        cls = _org_class(name, head)
        abbr = m["abbr"]
        yield PatternOrg(start, start + len(name), name, cls, f"org/{slug(name)}",
                         abbr, (m.start("abbr"), m.end("abbr")) if abbr else None, wins=wins)
    for m in prefilter.finditer(GENITIVE_ASSOCIATION_RE, text):
        # "Norrbygdens Europaförening": a genitive, then a capitalised compound of "förening" or "förbund"
        if not hard.overlaps(m.start("name"), m.end("name")):
            name = m["name"]
            yield PatternOrg(m.start("name"), m.end("name"), name, "Association", f"org/{slug(name)}",
                             wins=not free(m.start("name"), m.end("name")))
    for a, b in _body_of_name_spans(text):
        # "Exempelforums styrgrupp": the name, without its genitive, of the body whose group meets
        name = text[a:b]
        if free(a, b + 1) and not BODY_NOUN_RE.search(name.lower()) and (
                not at_sentence_start(text, a) or _MINUTES_HEAD_RE.search(text, 0, a)):
            # (a federation or an association by its name: "Kustförbundets arbetsutskott")
            cls = "Association" if name.lower().endswith(("förbundet", "föreningen")) else "Organization"
            yield PatternOrg(a, b, name, cls, f"org/{slug(name)}")
    for m in COMPANY_RE.finditer(text):
        # "Hos Exempel Åkeri AB tog ...": a sentence's first word, capitalised, is no part of the name
        a, b = m.start("name"), m.end("name")
        opener = _OPENER_RE.match(text, a, b) or _POST_BEFORE_COMPANY_RE.match(text, a, b)
        if opener:
            a = opener.end()
            if not _CAP_NAME_BEFORE_FORM_RE.match(text, a, b):
                continue
        # "Exempelby Fjärrvärmeverk AB": a town's name inside a company's gives way
        clear = free(a, b)
        soft_only = not clear and not hard.overlaps(a, b)
        if clear or soft_only:
            yield PatternOrg(a, b, text[a:b], "Company", f"company/{slug(text[a:b])}", wins=soft_only)
    for m in prefilter.finditer(HOUSING_COOP_RE, text):
        a, b = m.span()
        if not hard.overlaps(a, b):  # (a free span overlaps no hard one either)
            yield PatternOrg(a, b, m.group(), "Organization", f"org/{slug(m.group())}", wins=not free(a, b))
    for m in UTILITY_RE.finditer(text):
        a, b = m.span()
        if is_area(m["town"]) and not hard.overlaps(a, b):
            yield PatternOrg(a, b, text[a:b], "Company", f"company/{slug(text[a:b])}", wins=not free(a, b))
    for m in _NAMED_AREA_RE.finditer(text):
        # "Föreläsningssalen, Sigfridsområdet", "besökte Simpevarpsområdet": a named area (at a sentence's start
        # "Hamnområdet" may be a common noun)
        a, b = m.span()
        if free(a, b) and not at_sentence_start(text, a):
            yield PatternOrg(a, b, m.group(), "Place", f"place/{slug(m.group())}")
    for m in prefilter.finditer(DEFENCE_AREA_RE, text):
        # "Mellersta militärregionen", "det södra civilområdet": a region of the armed forces or of civil defence
        if not hard.overlaps(m.start("name"), m.end("name")):
            name = m["name"][0].upper() + m["name"][1:]
            yield PatternOrg(m.start("name"), m.end("name"), name, "Organization", f"org/{slug(name)}",
                             wins=not free(m.start("name"), m.end("name")))
    for m in prefilter.finditer(HEALTH_CENTRE_RE, text):
        if free(m.start("name"), m.end("name")) or not hard.overlaps(m.start("name"), m.end("name")):
            name = m["name"][0].upper() + m["name"][1:]
            yield PatternOrg(m.start("name"), m.end("name"), name, "Place", f"place/{slug(name)}",
                             wins=not free(m.start("name"), m.end("name")))
    for m in prefilter.finditer(ADJECTIVE_VENUE_RE, text):
        # "Akademiska sjukhuset", "Westerlundska gymnasiet": a name in -ska before a definite venue noun
        if not hard.overlaps(m.start("name"), m.end("name")):
            # (a hospital is a body, as VENUE_NOUNS has it: "Akademiska sjukhuset")
            cls = "Organization" if m["name"].endswith(("sjukhuset", "lasarettet")) else "Place"
            yield PatternOrg(m.start("name"), m.end("name"), m["name"], cls,
                             f"{'org' if cls == 'Organization' else 'place'}/{slug(m['name'])}",
                             wins=not free(m.start("name"), m.end("name")))
    for m in prefilter.finditer(COMMITTEE_RE, text):
        if free(m.start("name"), m.end("name")) and not at_sentence_start(text, m.start()):
            yield PatternOrg(m.start("name"), m.end("name"), m["name"], "Organization", f"org/{slug(m['name'])}")
    for m in prefilter.finditer(INSTITUTION_FOR_RE, text):
        if free(m.start("name"), m.end("name")):
            yield PatternOrg(m.start("name"), m.end("name"), m["name"], _org_class(m["name"], m["head"]),
                             f"org/{slug(m['name'])}")
    for m in PLACE_PREP_RE.finditer(text):
        name = m["name"]
        low = name.lower()
        if not free(m.start("name"), m.end("name")) or low in NOT_PLACES or STREET_RE.search(low) \
                or BODY_NOUN_RE.search(low) or _DAY_EVENT_RE.search(low):
            continue
        if low.endswith("s") and not free(m.end("name"), m.end("name") + 1):
            continue
        if _DEFINITE_GENITIVE_RE.search(low) and re.match(r"[ \t]+[a-zåäö]", text[m.end("name"):m.end("name") + 2]):
            continue
        yield PatternOrg(m.start("name"), m.end("name"), name, "Place", f"place/{slug(name)}")
    towns = {a for a, _ in taken}
    for m in prefilter.finditer(VENUE_BEFORE_TOWN_RE, text):
        g, t = ("name", "town") if m["name"] else ("name2", "town2")
        name = m[g]
        if m.start(t) in towns and free(m.start(g), m.end(g)) and name.lower() not in NOT_PLACES \
                and not BODY_NOUN_RE.search(name.lower()):
            yield PatternOrg(m.start(g), m.end(g), name, "Place", f"place/{slug(name)}")
    for m in prefilter.finditer(TOWN_BUILDING_RE, text):
        # "Ånge kommunkontor, rum Flataklocken": a town's own building, and the room in it
        if m.start() in towns and not hard.overlaps(m.end("town"), m.end("name")):
            yield PatternOrg(m.start("name"), m.end("name"), m["name"], "Place", f"place/{slug(m['name'])}", wins=True)
            if m["room"] and free(m.start("room"), m.end("room")):
                yield PatternOrg(m.start("room"), m.end("room"), m["room"], "Place", f"place/{slug(m['room'])}")
    seen: set[int] = set()
    for m in prefilter.finditer(CHAIN_HOTEL_RE, text):
        if free(m.start("name"), m.start("name") + 4):
            yield PatternOrg(m.start("name"), m.end("name"), m["name"], "Place", f"place/{slug(m['name'])}", wins=True)
    for m in prefilter.finditer(VENUE_KIND_FIRST_RE, text):
        # "Hotell Vättern": the kind word makes the place name after it part of the venue's name
        if free(m.start("name"), m.start("name") + 4):
            yield PatternOrg(m.start("name"), m.end("name"), m["name"], "Place", f"place/{slug(m['name'])}", wins=True)
    for rx in (VENUE_CUE_RE, VENUE_HEAD_RE):
        for m in prefilter.finditer(rx, text):
            s, e = m.start("name"), m.end("name")
            side = _SIDE_BEFORE_RE.search(text, max(0, s - 8), s) if rx is VENUE_HEAD_RE else None
            if side and not at_sentence_start(text, side.start()):
                s = side.start()  # "på Norra Bantorget": the side or size word is part of the name
            name = text[s:e].rstrip(" &")
            e = s + len(name)
            if rx is VENUE_CUE_RE and re.match(r"[ \t]*(?:\d|:)", text[e:e + 3]):
                continue  # "Plats: Storgatan 4", "Plats: Äldreboende: ...": an address or a label, not a name
            if rx is VENUE_HEAD_RE and not free(s, e):
                # "Sjörummet Länsstyrelsen Dalarna": the words after the venue's head word are a known name
                first = re.match(r"\S+", text[s:e])
                if first and free(s, s + first.end()):
                    name = first.group().rstrip(" &,")
                    e = s + len(name)
            # "i Stadshuset", "Plats: Kommunhuset": a generic building written with a capital letter inside a
            # sentence is the named venue of the meeting; at a sentence's start it is a common noun
            generic = name.lower() in GENERIC_VENUES and (at_sentence_start(text, s) or name.lower() == "länsstyrelsen"
                                                          or not name[:1].isupper())
            if not (s in seen or not free(s, e) or len(name) < 4 or generic or name.lower() in NOT_PLACES):
                seen.add(s)
                # "Exempelskolan": a school is an organisation (it has a head and staff) as well as a building
                cls = "Organization" if _SCHOOL_RE.search(name) else "Place"
                yield PatternOrg(s, e, name, cls, f"{'org' if cls == 'Organization' else 'place'}/{slug(name)}")
            loc = VENUE_LOCALITY_RE.match(text, m.end("name")) if rx is VENUE_CUE_RE else None
            if loc and free(loc.start("name"), loc.end("name")) and loc["name"].lower() not in NOT_PLACES:
                yield PatternOrg(loc.start("name"), loc.end("name"), loc["name"], "Place",
                                 f"place/{slug(loc['name'])}")


_DETERMINERS |= {"kommunens", "regionens", "länets", "stadens", "landets", "gamla", "nya", "hos", "under", "efter",
                 "före", "med", "och", "samt"}


def _cue_automaton() -> ahocorasick.Automaton:
    """Every word that can start a slot or end a venue name, found in one pass."""
    auto = ahocorasick.Automaton()
    words: dict[str, str] = {}
    for head in VENUE_NOUNS:
        words[" " + head] = "venue"
    for cue in ("vd", "verkställande direktör", "ägare", "delägare", "grundare", "verksamhetschef", "platschef",
                "fabrikschef", "driftchef", "butikschef", "hotellchef", "drivs av"):
        words[cue] = "role"
    for pre in PLACE_VISIT_PREFIXES:
        words[pre + "besök"] = "visit"
    for noun in ("företagen", "bolagen", "näringslivet", "företag", "företagare"):
        words[noun] = "plural"
    words[" från "] = "from"
    for noun in CLASS_NOUNS:
        words[noun] = "class"
    for w, kind in words.items():
        auto.add_word(w, (len(w), kind))
    auto.make_automaton()
    return auto


_CUES = _cue_automaton()


# the owner of a building written with a capital inside a sentence names it: "i Regionens hus", "Kommunens hus"
_OWNER_GENITIVES = frozenset({"kommunens", "regionens", "länets", "stadens"})


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop opening words that are not part of a name ("I Halmstad slott", "Hans gård")."""
    while True:
        m = re.match(r"([^\s&]+)[ \t]+", text[s:e])
        if not m or m.group(1).lower() not in _DETERMINERS:
            return s, e
        if _names_its_building(text, s, m.group(1)):
            return s, e
        s += m.end()


def _names_its_building(text: str, s: int, word: str) -> bool:
    return word.lower() in _OWNER_GENITIVES and word[0].isupper() and not at_sentence_start(text, s)


def _piece_class(piece: str, default: str) -> str:
    last = piece.split()[-1]
    if last.lower() in VENUE_NOUNS and (last.islower() or len(piece.split()) > 1):
        return VENUE_NOUNS[last.lower()]
    return "Company" if last in BUSINESS_WORDS else default


def _list_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The names of a list "A, B och C" as spans."""
    pos = start
    for sep in _LIST_SPLIT_RE.finditer(text, start, end):
        yield pos, sep.start()
        pos = sep.end()
    yield pos, end


# a roster's line: a name, the post in lower case (no preposition), then the employer and the line's end
# ("Eva Lund, platschef Exempelfiske.", "Per Holm, vd Exempel Science Park")
ROSTER_EMPLOYER_RE = re.compile(
    r"(?m)^[ \t•*–-]*(?P<first>[A-ZÅÄÖ][\wåäö-]+)(?:[ \t]+[A-ZÅÄÖ][\wåäö-]+){1,2}[ \t]*,[ \t]*"
    r"(?:(?!(?:i|på|från|vid|hos|för|med|och|av)[ \t])[a-zåäö][\wåäö-]*[ \t]+){1,2}"
    r"(?P<org>[A-ZÅÄÖ][\wåäö&-]*(?:[ \t]+[A-ZÅÄÖ][\wåäö&-]*){0,3})[ \t]*\.?[ \t]*$")
# capitalised words and the short name they define in brackets: "Exempelby Hyresbostäder (EHB)"
ABBREVIATED_NAME_RE = re.compile(r"(?P<name>[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+(?:[A-ZÅÄÖ][\wåäö-]+|och|&|i|för|på)){1,5})"
                                 r"[ \t]*\((?P<abbr>[A-ZÅÄÖ]{2,6})\)")
# the parties' own short names, which follow a person's name in brackets
_PARTY_CODES = frozenset({"KD", "MP", "SD", "FP", "VP"})


def _abbreviated_start(m: re.Match[str]) -> int | None:
    """Where the name that the bracketed abbreviation abbreviates starts: the longest run of the words
    before it whose capitals it spells out in order, from its first letter ("Enköpings Hyresbostäder (EHB)"),
    of two capitalised words or more; none for a party after a person ("Karin Dahl (KD)" is no body)."""
    words = list(re.finditer(r"\S+", m["name"]))
    for i, w in enumerate(words):
        if abbreviates(m["abbr"], [x.group() for x in words[i:]]):
            return m.start("name") + w.start()
    return None


def abbreviates(abbr: str, words: list[str]) -> bool:
    """Does ``abbr`` (in capitals, not a party's short name) spell out the capitals of ``words`` in order,
    from its first letter, two of them or more ("EHB" of "Exempelby Hyresbostäder")?"""
    caps = [w[0] for w in words if w[:1].isupper()]
    rest = iter(abbr)
    return len(abbr) >= 2 and abbr.isupper() and abbr not in _PARTY_CODES and len(caps) >= 2 \
        and caps[0] == abbr[0] and all(c in rest for c in caps)


# "Hemsedal i Norge", "Lazdijai i Litauen": a foreign town named with its country (the countries of the
# reference table's foreign places, data/reference/landscapes_places.csv)
COUNTRIES = ("Norge", "Finland", "Danmark", "Island", "Estland", "Lettland", "Litauen", "Tyskland", "Polen", "Ukraina",
             "Ryssland", "Frankrike", "Storbritannien", "Nederländerna", "Belgien", "Luxemburg", "Spanien", "Italien",
             "USA", "Kanada", "Kina", "Japan")
IN_COUNTRY_RE = re.compile(r"(?<![\w-])(?P<name>[A-ZÅÄÖ][a-zåäöéèüõšž]{2,}(?:-[A-ZÅÄÖ][a-zåäöéèüõšž]+)?)[ \t]+i[ \t]+"
                           rf"(?:{'|'.join(COUNTRIES)})(?![\wåäö])")
_CAPITAL_BEFORE_RE = re.compile(r"[A-ZÅÄÖ][\wåäö-]*[ \t]+\Z")


def find_slot_names(text: str, taken: list[tuple[int, int]], soft: list[tuple[int, int]],
                    is_given: Callable[[str], bool]) -> Iterator[PatternOrg]:
    """Names no list holds, read from their slot ("VD för X", "studiebesök på A, B och C",
    "Anna Berg från X", "kommunförbundet X") or their generic last word ("X slott", "X gruva").
    A one-word place name inside a longer such name ("Halmstad slott") gives way to it."""
    soft_set = set(soft)
    hard = _Spans(sp for sp in taken if sp not in soft_set)
    soft_spans = _Spans(soft)

    def ok(s: int, e: int) -> bool:
        if hard.overlaps(s, e):
            return False
        # a place name alone stays the place ("studiebesök på Gotland")
        return not soft_spans.holds(s, e)

    def emit(s: int, e: int, cls: str, venue: bool = False) -> Iterator[PatternOrg]:
        s, e = _trim(text, s, e)
        name = text[s:e].strip(" \t&")
        e = s + len(name)
        words = name.split() or [""]
        if len(name) < 3 or not (name[:1].isupper() or words[0] in _NAME_PART_NOUNS) or not ok(s, e) \
                or name.lower() in NOT_PLACES or (words[0].lower() in _DETERMINERS
                                                  and not _names_its_building(text, s, words[0])) \
                or (venue and len(words) < 2):
            return
        # "hos Anna Berg": a person, not a business
        if len(words) == 2 and is_given(words[0]) and words[1][:1].isupper() and words[1].lower() not in VENUE_NOUNS:
            return
        prefix = {"Place": "place", "Company": "company"}.get(cls, "org")
        yield PatternOrg(s, e, name, cls, f"{prefix}/{slug(name)}", wins=True)

    low = lower_same_length(text)
    for end_idx, (n, kind) in _CUES.iter(low):
        start, end = end_idx - n + 1, end_idx + 1
        if kind == "from":
            before = _PERSON_BEFORE_RE.search(text, max(0, start - 60), start + 1)
            m = FROM_CUE_RE.match(text, start + 1)
            if m and before and is_given(before["first"]):
                s, e = m.start("list"), m.end("list")
                yield from emit(s, e, _piece_class(text[s:e], "Organization"))
            continue
        if (start > 0 and (low[start - 1].isalnum() or low[start - 1] == "-") and kind != "venue"
                and not (kind == "class" and low[start - 1].isalpha() and low[start:end] in _COMPOUND_CLASS_NOUNS)) \
                or (end < len(low) and (low[end].isalnum() or low[end] == "-")):
            continue
        if kind == "venue":
            head = text[start + 1:end]
            if re.match(r"[ \t]*\d", text[end:end + 3]):
                continue  # "Backa Gård 12": a street address
            b = VENUE_NAME_BEFORE_RE.search(text, max(0, start - 80), start + 1)
            if not b:
                continue
            words = b["name"].split()
            if not head.islower() and (is_given(words[0]) or is_given(words[-1])) \
                    and head.lower() not in VENUE_LAST_WORDS:
                continue  # "Lena Strand", "Ekonomichef Lena Strand": a person
            s = b.start("name")
            lead = re.match(r"(\S+)[ \t]+", text[s:start + 1])
            if lead and MEETING_RE.fullmatch(lead.group(1).lower()):
                s += lead.end()  # "Gårdsbesök Selviks gård": the meeting word is no part of the name
            elif label := _PLACE_LABEL_LEAD_RE.match(text, s, start + 1):
                s = label.end()  # "Plats Kulturens hus": the field's label is no part of the name
            # "besökte ministern Anna Berg Linköpings slott": a name found before is no part of the venue's
            while hard.overlaps(s, start) and (gap := re.match(r"\S+[ \t]+", text[s:start + 1])):
                s += gap.end()
            # and a person's name no list holds: "besökte landshövding Karin Ek Kalmar slott"
            run = text[s:start].split()
            two = re.match(r"\S+[ \t]+\S+[ \t]+", text[s:start + 1])
            if two and len(run) >= 3 and is_given(run[0]) and run[1][1:].islower() and not run[1].endswith("s"):
                s += two.end()
            cls = VENUE_NOUNS[head.lower()]
            if head.lower() in _INSTITUTION_VENUES and _venue_line(text, s, end):
                cls = "Place"  # "Exempelbygdens museum, lokal Hörsalen, Storgatan 2": a meeting's venue line
            yield from emit(s, end, cls, venue=True)
        elif kind in ("role", "visit", "plural"):
            m = {"role": ROLE_CUE_RE, "visit": VISIT_CUE_RE, "plural": PLURAL_CLASS_RE}[kind].match(text, start)
            if m:
                for s, e in _list_pieces(text, m.start("list"), m.end("list")):
                    yield from emit(s, e, _piece_class(text[s:e], "Company"))
        else:
            m = CLASS_NOUN_RE.match(text, start)
            if m and not at_sentence_start(text, m.start("name")):
                noun = m["noun"] or m["tail"]
                s = m.start("noun") if noun in _NAME_PART_NOUNS else m.start("name")
                yield from emit(s, m.end("name"), CLASS_NOUNS[noun])
    for m in ROSTER_EMPLOYER_RE.finditer(text):
        if is_given(m["first"]):
            yield from emit(m.start("org"), m.end("org"), "Organization")  # an employer, whatever its last word
    for m in ABBREVIATED_NAME_RE.finditer(text):
        begin = _abbreviated_start(m)
        if begin is not None:
            yield from emit(begin, m.end("name"), _piece_class(m["name"], "Organization"))
    for m in prefilter.finditer(HOST_BEFORE_ROLE_RE, text):
        for s, e in _list_pieces(text, m.start("list"), m.end("list")):
            yield from emit(s, e, _piece_class(text[s:e], "Company"))
    if ("hos " in text and "där" in text) or any(w in text for w in _MAKER_VERBS):
        for m in prefilter.finditer(HOST_CLAUSE_RE, text):
            group = "host" if m["host"] else "maker"
            yield from emit(m.start(group), m.end(group), _piece_class(m[group], "Company"))
    if "besök" in text:
        for m in prefilter.finditer(VISITED_LIST_RE, text):
            for s, e in _list_pieces(text, m.start("list"), m.end("list")):
                words = text[s:e].split()
                if len(words) >= 2 and "i" not in words and words[0] not in _AREA_ADJECTIVES:
                    yield from emit(s, e, _piece_class(text[s:e], "Company"))
    if "vid " in text and ("universitet" in text or "högskola" in text):
        for m in prefilter.finditer(UNIT_AT_UNIVERSITY_RE, text):
            if not at_sentence_start(text, m.start("name")) and not _OPENER_RE.match(text, m.start("name")):
                yield from emit(m.start("name"), m.end("name"), "Organization")
    for m in prefilter.finditer(AREA_BODY_RE, text):
        yield from emit(m.start("name"), m.end("name"), "Association")
    if "råd" in text:
        for m in prefilter.finditer(COUNTY_COUNCIL_RE, text):
            yield from emit(m.start("name"), m.end("name"), "Organization")
    for m in prefilter.finditer(NONPROFIT_RE, text):
        yield from emit(m.start("name"), m.end("name"), "Association")
    for gates, rx, cls in NAMED_BODY_PATTERNS:
        if prefilter.may_match(rx, text) and any(g in text for g in gates):  # the set lookup first
            for m in prefilter.finditer(rx, text):
                start = m.start("name")
                given = GIVEN_BEFORE_RE.search(text, max(0, start - 20), start) if gates is _TRADES else None
                if given is not None and is_given(given["g"]):
                    start = given.start("g")  # "Börje Jönsson Åkeri": the founder's whole name
                yield from emit(start, m.end("name"), cls)
    if " i " in text:
        for m in prefilter.finditer(IN_COUNTRY_RE, text):
            # "träffade Jussi Ylitalo i Finland": a surname after a given name is a person's
            if not at_sentence_start(text, m.start("name")) and not is_given(m["name"]) \
                    and not _CAPITAL_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
                yield from emit(m.start("name"), m.end("name"), "Place")
    for m in ADDRESS_LINE_RE.finditer(text):
        if m["venue"]:
            yield from emit(m.start("venue"), m.end("venue"), "Place")
        if m["town"].lower() not in NOT_PLACES:
            yield from emit(m.start("town"), m.end("town"), "Place")


def abbreviation_after(text: str, end: int) -> tuple[str, int, int] | None:
    """An abbreviation defined right after a name: "Name (ABC)" or "Name, ABC,"."""
    m = ABBR_DEF_RE.match(text, end)
    if not m:
        return None
    abbr = m["abbr"]
    if not (abbr.isupper() or (abbr[0].isupper() and sum(c.isupper() for c in abbr) >= 2)):
        return None
    return abbr, m.start("abbr"), m.end("abbr")


def board_owner_kind(board: str) -> str | None:
    """The kind of body a board's or an administration's name says it belongs to: "Regionstyrelsen" a region,
    "Kommunstyrelsen", "Socialnämnden" or "Socialförvaltningen" a municipality (the owner's kind is only a first
    guess for a committee of a region's: "Hälso- och sjukvårdsnämnden"); none for "Styrelsen" or "Direktionen"."""
    if board.startswith(("Region", "Landsting")):
        return "Region"
    # (not a committee named for its fields, "Nämnd för kultur och fritid": a region's as often as not)
    return "Municipality" if board.startswith(("Kommun", "Stads")) or "nämnd" in board \
        or board.endswith("förvaltningen") else None


def owned_board_key(board: str, owner: str | None, doc_id: str) -> str:
    """The key of a board of ``owner`` (a municipality's or a region's key): ``org/<board>-<owner's code>``; a
    board whose owner the text does not tell is its document's own (``org/<board>-<document>``)."""
    return f"org/{slug(board)}-{slug(owner.split('/')[-1] if owner else doc_id[:8])}"
