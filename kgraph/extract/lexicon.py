"""Small Swedish tables the extractors share: meeting words, participation cues,
status cues. Kept here as data, one place to extend."""
from __future__ import annotations

import re

from .. import prefilter
from .phrases import PhraseSet

# (regex over lower-cased text, meeting kind, how the word refers):
#   "new"   an indefinite noun or a verb: a meeting, new unless it continues the current one
#   "ana"   a definite noun: refers back to the current meeting
#   "named" a specific recurring event: one per document and name ("höstmötet")
#   "tour"  a trip to several places: one visit per place named
# the visits of one business, farm or workplace, named right after the noun ("Företagsbesök Norrvik Trä",
# "studiebesök hos X"): read by the meeting words here, the unlisted names (orgs) and the visited place (draft)
PLACE_VISIT_PREFIXES = ("studie", "gårds", "företags", "verksamhets", "arbetsplats")
PLACE_VISIT_NOUN = "(?:" + "|".join(PLACE_VISIT_PREFIXES) + ")besök"
# the compounds of "besök" that name a visit: "kommunbesök", "företagsbesök", "gårdsbesök"
_VISIT_PREFIX = ("(?:kommun|arbets|minister|läns|region|plats|skol|fabriks|vänorts|delegations|stats|landshövdinge|"
                 "talmans|riksdags|kungs|"
                 + "|".join(PLACE_VISIT_PREFIXES) + ")")
MEETING_WORDS: list[tuple[str, str, str]] = [
    (r"rundabordssamtal(?:et|en)?", "round_table", "new"),
    (r"nätverks(?:träff|möte)(?:en|et|ar|arna|n)?", "network_meeting", "new"),
    (r"styrelse(?:möte|sammanträde)t", "board_meeting", "named"),
    (r"styrelse(?:möte|sammanträde)(?:n|na)?", "board_meeting", "named"),
    # an association's annual general meeting, with its board's business (GUIDELINES: a board meeting)
    (r"årsmöte(?:t|n|na)?", "board_meeting", "named"),
    (r"(?:höst|vår|sommar|vinter)möte(?:t|n|na)?", "conference", "named"),
    (r"(?:riks|höst|vår|region|kommun|årlig)?konferens(?:en|er|erna)?", "conference", "named"),
    (r"kongress(?:en|er)?", "conference", "named"),
    # a fair of a sector or a place: "en landsbygdsmässa i november", "jobbmässan" (any compound of "mässa")
    (r"[a-zåäö]{3,30}?mässa(?:n|or|orna)?", "conference", "named"),
    # "en hearing med fullmäktiges partier": a hearing is a meeting with those it hears
    (r"hearing(?:en|ar|arna)?", "meeting", "new"),
    # a federation's or a region's deliberation of its members' leaders: "höstens Rådslag", "på rådslaget"
    (r"(?:[a-zåäö]{3,20}?)?rådslag(?:et|en)?", "conference", "named"),
    # a day's event by its name, "Framtidsdagen", "Landsbygdsdagarna"; not a day of the calendar or the week
    (r"(?!(?:mån|tis|ons|tors|fre|lör|sön|förmid|eftermid|mid|var|helg|arbets|födelse|års|jul|nyårs|midsommar|"
     r"national|skärtors|långfre|påsk|annan|vecko|skol|fri|semester|kläm|hel|halv|sista|första|vilo|minnes|"
     r"riks|döds|val|kalender|vinter|sommar|höst|vår|lång|ny)dag)[a-zåäö]{4,30}?dag(?:en|ar|arna)", "conference",
     "named"),
    (r"(?:heldags|halvdags|frukost)?seminari(?:um|et|er|erna)", "seminar", "new"),
    (r"webbinari(?:um|et|er|erna)", "seminar", "new"),
    (r"workshop(?:en|s|par|parna)?", "seminar", "new"),
    (r"kommunres(?:a|an|or|orna)", "visit", "tour"),
    # "Syftet med kommunturnén": the tour the text follows; "är på östgötaturné": any region's or season's tour
    (r"[a-zåäö]{0,20}?turnén", "visit", "ana"),
    (r"[a-zåäö]{0,20}?turné(?:er|erna)?", "visit", "tour"),
    (r"(?:läns|region|kommun)dialog(?:en|er|erna)?", "meeting", "new"),
    # any other compound of "dialog": "sjukvårdsdialog med regionen", "Sjukvårdsdialogen äger rum på ..."
    (r"[a-zåäö]{3,30}?dialogen", "meeting", "ana"),
    (r"[a-zåäö]{3,30}?dialog(?:er|erna)?", "meeting", "new"),
    (r"press(?:träff|konferens)(?:en|er|erna|ar|arna)?", "meeting", "new"),
    # "Pressfrukost med länsledningen", "bjuder in till en presslunch": the press invited to a meal
    (r"press(?:frukost|lunch)(?:en|ar|arna)?", "meeting", "new"),
    # any other compound of "konferens": "ledningskonferens", "medlemskonferensen"
    (r"[a-zåäö]{3,30}?konferens(?:en|er|erna)?", "conference", "named"),
    # a day of one theme or purpose, also without its article: "deltar i länsstyrelsens temadag om ..."
    (r"(?:tema|inspirations|utbildnings|kunskaps|kompetens|informations|framtids|fokus)dag(?:en)?", "seminar",
     "new"),
    # a day of a region's, a sector's or a network's members, also without its article: "arrangerar Projektdag
    # Exempelbygd den 1 juni", "på årets regiondag"
    (r"(?:projekt|nätverks|medlems|region|läns|kommun|bransch|landsbygds|företagar)dag(?:en|ar|arna)?", "conference",
     "named"),
    # "på Skogsstyrelsens dag för skogssektorn": a body's day for its sector
    (r"(?<=s[ \t])dag(?=[ \t]+för[ \t]+[a-zåäö])", "conference", "named"),
    # "deltar i CER:s 10-årsjubileum": an anniversary is celebrated together
    (r"(?:\d+-)?[a-zåäö]{0,12}jubileum(?:et)?", "conference", "named"),
    (r"lunchmöte(?:t|n|na)?", "meeting", "new"),
    # a calendar's talks with a named party, an item opening its line or its day: "Avstämning med länets kommuner",
    # "Måndag: Erfarenhetsutbyte med Region X" (not prose's "ett forum för erfarenhetsutbyte med ...")
    (r"(?:(?<=\n)|(?<=:[ \t]))(?:avstämning|erfarenhetsutbyte)(?=[ \t]+med[ \t])", "meeting", "new"),
    # "11.30 Lunch med företrädare för besöksnäringen", "åt middag med kommunledningen": a meal with company
    (r"(?:lunch|middag|frukost)(?=\s+med\s)", "meeting", "new"),
    (r"konstituera(?:des|de|s)", "meeting", "new"),  # "föreningen konstituerades den 13 december"
    (r"regeringssammanträde(?:t|n)?", "board_meeting", "new"),
    (r"kommunforum(?:et)?", "conference", "named"),
    (r"(?:års|förbunds|förenings|kommun)stämma(?:n|or)?", "board_meeting", "named"),
    # "Förbundets stämma hölls i ...", "Stämman valde ...": the association's general meeting (not the verb
    # "stämma av", which follows no genitive)
    (r"stämman|(?<=s )stämma", "board_meeting", "named"),
    # any other compound: "distriktsstämma", "bolagsstämman" (not the verbs "överensstämma", "instämma")
    (r"(?!(?:överens|in)stämm)[a-zåäö]{3,30}?stämma(?:n|or)?", "board_meeting", "named"),
    # "företagsbesök", "gårdsbesök", "verksamhetsbesök": a visit of one business, farm or workplace
    (_VISIT_PREFIX + r"?besök(?:et|en|ets)", "visit", "ana"),
    (_VISIT_PREFIX + r"?besök", "visit", "new"),
    (r"besök(?:te|er|a|t|s|tes|ts)", "visit", "new"),
    (r"gästa(?:de|r|des|s)?", "visit", "new"),
    # "hinner hon även avlägga visit i grannkommunen X": the formal "visit" after its verb
    (r"(?:(?<=avlägga[ \t])|(?<=avlägger[ \t])|(?<=avlade[ \t]))(?:en[ \t]+)?visit", "visit", "new"),
    # "hälsade landshövdingen på i Exempelby", "hälsar på hos företaget": the particle verb of a visit
    (r"hälsa(?:de|r)(?=\s+(?:[\wåäö-]+\s+){0,4}?på\s+(?:i|hos)\s)", "visit", "new"),
    # "Kommunalrådet A tog emot landshövding B på kommunhuset": a visiting office holder received
    (r"(?:tog|tar)\s+emot(?=\s+(?:[a-zåäö-]+\s+){0,2}(?:landshövding|[a-zåäö-]*minister|statsråd|statssekreterare|"
     # (not where the sentence names the event itself: "tog emot ministern på ett kort möte")
     r"delegation))(?![^.!?\n]*(?:besök|möte|träff))", "visit", "new"),
    # "Kommunen stod som värd när ministern kom för att ...": the host of a visiting office holder
    (r"värd(?:ar|inna)?(?=\s+när\s+(?:[a-zåäö-]+\s+){0,3}?[a-zåäö-]*(?:landshövding|minister|statsråd|"
     r"statssekreterare)(?:en|n|et)?\s+(?:[a-zåäö-]+\s+){0,2}?kom(?![\wåäö]))", "visit", "new"),
    (r"(?:dialog|video|webb|informations|avstämnings)?möte(?:t|ts)", "meeting", "ana"),
    (r"(?:dialog|video|webb|informations|avstämnings)?möte(?:n|na)?", "meeting", "new"),
    (r"träff(?:en)", "meeting", "ana"),
    (r"träff(?:ar|ade|as|ades|a)?", "meeting", "new"),
    (r"sammanträde(?:t|n)?", "board_meeting", "new"),
    # any compound of "sammanträde": "förbundsfullmäktigesammanträdet", "nämndsammanträde"
    (r"[a-zåäö]{3,30}?sammanträdet", "board_meeting", "ana"),
    (r"[a-zåäö]{3,30}?sammanträde(?:n|na)?", "board_meeting", "new"),
    # a signing: "undertecknade kommunen och bolaget en avsiktsförklaring", "skrevs under av A och B"
    (r"underteckna(?:de|des|ts|r|s)|undertecknande(?:t|n)?|(?:skrevs|skrev)\s+under", "meeting", "new"),
    (r"sammanträd(?:de|er|a)", "board_meeting", "new"),
    (r"samtal(?:et)", "meeting", "ana"),
    (r"samtal", "meeting", "new"),
    # "samtalade med regionrådet": the verb of a talk
    (r"samtala(?:de|r)", "meeting", "new"),
    # "ett samråd med Trafikverket"; not "i samråd med" (in agreement with), which is no meeting
    (r"samrådet", "meeting", "ana"),
    (r"(?<!i )samråd(?:en)?", "meeting", "new"),
    # "ett ägarsamråd med Exempel AB": the owners' consultation with a company they own
    (r"ägarsamråd(?:et|en)?", "meeting", "new"),
    (r"överläggning(?:ar|en|arna)?", "meeting", "new"),
    (r"samla(?:s|des)", "meeting", "new"),
    # "rådet möttes i Luleå", "ministern mötte företrädare för ...": the verb "möta" in the past
    (r"mött(?:e|es)", "meeting", "new"),
    # in the present and the infinitive where whom or who follows ("Därefter möter statsrådet kommunledningarna",
    # "ska möta länsstyrelsen"), not what is met ("för att möta dessa utmaningar"); the text is lower-cased here,
    # so a name is no cue
    (r"möt(?:er|a)(?=\s+(?:[a-zåäö]+\s+){0,2}?(?:representanter|företrädare|kommunledning|ledning|politiker|"
     r"ministern|landshövdingen|statsrådet|regionledning|länsledning|länsstyrelsen|kommunstyrelsen|"
     r"regionstyrelsen|styrelsen)(?:en|et|ar|arna|er|erna|na)?(?![\wåäö]))", "meeting", "new"),
    # any other compound of "möte" or "träff": "ordförandemötet", "medlemsträff", "KS-möte"
    (r"[a-zåäö][a-zåäö-]{2,30}?möte(?:t|ts)", "meeting", "ana"),
    (r"[a-zåäö][a-zåäö-]{2,30}?möte(?:n|na)?", "meeting", "new"),
    (r"[a-zåäö][a-zåäö-]{2,30}?träff(?:en)", "meeting", "ana"),
    (r"[a-zåäö][a-zåäö-]{2,30}?träff(?:ar|arna)?", "meeting", "new"),
]
MEETING_RE = re.compile(r"(?<![\wåäö])(?:" + "|".join(f"(?P<g{i}>{rx})" for i, (rx, _, _) in enumerate(MEETING_WORDS))
                        + r")(?![\wåäö])")

# every meeting word holds one of these; the full pattern is tried only at the start of a word that does
# (MEETING_RE must start at a word start, so nothing else can match): one cheap pass instead of the full scan
MEETING_KEYS = ("samtal", "samråd", "nätverks", "styrelse", "möte", "konferens", "kongress", "seminari", "webbinari",
                "workshop", "kommunres", "turné", "dialog", "press", "konstituera", "sammanträ", "forum", "stämma",
                "besök", "gäst", "träff", "överläggning", "samla", "dag", "mött", "tog", "tar", "lunch", "middag",
                "frukost", "jubileum", "underteckna", "skrev", "rådslag", "avstämning", "erfarenhetsutbyte",
                "hälsa", "visit", "möt", "mässa", "mässor", "hearing", "värd")
DIGITAL_RE = re.compile(r"\b(?:digital(?:t|a)?|virtuell(?:t|a)?|video|webb|via (?:teams|zoom|skype)|på distans)\b")
# "reste till", "kom landsbygdsminister Anna Berg (C) till": a trip (the words between may hold a party marker)
# (a subject of titles and names between the verb and "till" is longer after "åkte" and "reste": up to ten words)
# "Bjurholm var det första stoppet på resan", "Nästa stopp blev Umeå": a stop of a tour names its place
# "Vadstena stod först på tur", "Näst på tur var Kinda", "Först ut var Ydre": the same, said of a queue
# a text (or sentence) that reports a tour of a county's municipalities
TOUR_TEXT_RE = re.compile(r"\b(?:rundresa|rundresan|rundtur|rundturen|turné|turnén|kommunturné|kommunturnén|"
                          r"kommunbesöken|(?:besökt|besöka|besöker)\s+(?:länets|samtliga|alla)\s+(?:\w+\s+)?kommuner)\b")
TOUR_STOP_RE = re.compile(r"\b(?:(?:första|andra|tredje|fjärde|nästa|sista)\s+stopp(?:et)?"
                          # "Resan började i Exempelby kommun": the trip's first stop
                          r"|(?:resa|resan|rundresa|rundresan|turné|turnén)\s+(?:började|startade|inleddes)\s+i"
                          r"|(?:först|näst|sist)\s+på\s+tur|först\s+ut)\b")
TRAVEL_RE = re.compile(r"\b(?:(?:for|kom|kommer)\b(?!\s+att\b)"
                       r"(?:[\s,]+(?:\w+|\([A-Za-zÅÄÖåäö]{1,3}\))){0,6}[\s,]+till|"
                       r"(?:åkte|reste|åker|reser|fortsatte|fortsätter)\b"
                       # (and "i tur och ordning till A, B och C": one after the other)
                       r"(?:[\s,]+(?:\w+|\([A-Za-zÅÄÖåäö]{1,3}\))){0,10}(?:[\s,]+i\s+tur\s+och\s+ordning)?[\s,]+till|"
                       r"vidare\s+(?:\w+\s+){0,2}till)\b")
# the text names the next stop of a trip while it still follows the current one
ONWARD_RE = re.compile(r"\b(?:vidare|fortsatte|fortsätter|nästa vecka|nästa dag|"
                       r"senare i (?:veckan|månaden|höst|vår))\b")
# "får Knivsta kommun och Tierps kommun besök av landshövdingen": the places are what is visited
RECEIVES_VISIT_RE = re.compile(r"\bfår\s+$")
# "två möten", "tre nya seminarier"; not a date ("den 4 mars träffade")
COUNT_RE = re.compile(r"\b(?P<n>två|tre|fyra|fem|2|3|4|5)\s+"
                      r"(?!(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\s)"
                      r"(?:\w+\s+)?$")
COUNTS = {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "2": 2, "3": 3, "4": 4, "5": 5}

# a sentence with one of these (any case) makes the organisations in it take part
PARTICIPATION = PhraseSet((
    "deltog", "deltar", "delta", "deltagit", "deltagare", "deltagande", "medverka", "medverkade", "medverkar",
    "medverkande", "närvara", "närvarade", "närvarar", "närvarande", "samlas", "samlades", "samlar",
    "träffa", "träffade", "träffar", "träffas", "mötte", "möter", "möta", "besök", "besökte", "besöker", "besöka",
    "tog emot", "tar emot", "inbjuden", "inbjudna", "inbjuds", "bjöd in", "bjuder in",
    "arrangera", "arrangerade", "arrangerar", "arrangeras", "anordna", "anordnade", "anordnar", "anordnas",
    "drivs av", "drivits av", "drivit av", "driver av", "i samarbete med", "på plats",
    "representanter från", "representanter för", "företrädare för", "med på mötet", "var med",
    "värd", "värdar", "värdinna", "höll av", "hölls av", "höll med", "hölls med", "leder", "ledde", "lett",
    "kring bordet", "runt bordet", "satt också", "satt även", "fanns med", "fanns på plats", "riktar sig till",
    "talare", "bland talarna", "gästade", "gäst",
    # who showed the visitors their work: "X höll en presentation av fabriken", "X guidade gästerna"
    "presentation av", "presentationer av", "presenterade", "presenterar", "rundvandring", "guidade",
    # "samtal med X och Y": who the talks were with
    "samtal med", "samtal fördes med", "samtal fördes också med", "samtal fördes även med", "samtal hölls med",
    "samtal hölls också med", "samtal hölls även med", "samtalade med"))
# "från" before a capital written alone ("från S"), as written
_FROM_CAPITAL_RE = re.compile(r"\bfrån\s+[A-ZÅÄÖ]\b")


def says_took_part(text: str, low: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` (``low``: the text in lower case, same length) say someone took part?"""
    return PARTICIPATION.found_in(low, start, end) or prefilter.search(_FROM_CAPITAL_RE, text, start, end) is not None


PLANNED_RE = re.compile(r"\b(?:kommer att|ska|skall|planeras|planerar|äger rum|hålls|bjuder in|inbjud|välkomna|"
                        r"anmälan|anmäl|nästa|kommande|blir det|är det dags)\b")
CANCELLED_RE = re.compile(r"\b(?:ställs in|ställdes in|inställ(?:t|d|da)|avbok(?:at|ades)|skjuts upp|sköts upp|"
                          r"flyttas fram|uppskjut(?:et|en))\b")
# "Europaföreningens styrelse håller sammanträde 7 oktober nästa gång": the next meeting, another event
NEXT_EVENT_RE = re.compile(r"\bnästa\s+(?:gång|möte|sammanträde|styrelsemöte|träff)\b"
                           # "Nämnden ses igen i augusti": the body's next meeting
                           r"|\b(?:träffas|ses|möts|sammanträder)\s+igen\b"
                           r"|\bkommande\s+(?:möte|sammanträde)\b")
# "nytt datum meddelas senare", "flyttas till hösten": called off for now, still to come
POSTPONED_RE = re.compile(r"\b(?:nytt datum|nya datum|datum meddelas|meddelas senare|återkommer med|flyttas|"
                          r"skjuts upp|sköts upp|senare tillfälle)\b")
# a protocol names itself in its first lines
MINUTES_RE = re.compile(r"\b(?:sammanträdesprotokoll|protokoll|mötesprotokoll|minnesanteckningar)\b", re.IGNORECASE)
_CONTENTS_FIRST_RE = re.compile(r"\W{0,10}(?:\d{1,3}[ \t]+)?(?:INNEHÅLLSFÖRTECKNING|Innehållsförteckning|ÄRENDELISTA|"
                                r"Ärendelista|FÖREDRAGNINGSLISTA|Föredragningslista)\b")
_SESSION_PROTOCOL_RE = re.compile(r"\b(?:sammanträdesprotokoll|SAMMANTRÄDESPROTOKOLL|Sammanträdesprotokoll)\b")
_CONTENTS_REACH = 3000
# "ANTECKNINGAR ... Plats: Stadshuset NÄRVARANDE": notes of a meeting, their place field, then who was there
_NOTES_HEAD_RE = re.compile(r"\b(?:ANTECKNINGAR|Anteckningar)\b[^§]{0,300}?\bPlats\s*:[^§]{0,300}?"
                            r"\b(?:NÄRVARANDE|Närvarande|BESLUTANDE|Beslutande)\b")
# "Landshövdingens kalender", "Landshövdingens aktiviteter vecka 12": a county governor's own page on the
# county board's site, whose items are the governor's: its heading, a line of the page's head
GOVERNORS_PAGE_HEAD = 300  # how far into a text the heading may stand (after a date line or two)
# (or a heading that says what the governor does this week: "Detta gör landshövdingen vecka 12")
GOVERNORS_PAGE_RE = re.compile(r"(?m)^[ \t]*(?:[Ll]andshövding(?:en)?s\s+(?:kalender|vecka|veckobrev|blogg|dagbok|"
                               r"agenda|aktiviteter|program)\b"
                               r"|(?:Detta|Det här|Här är vad|Vad)\s+gör\s+landshövdingen\b)")


def governors_page(text: str) -> bool:
    """Is the text a county governor's own page, by the heading of its head?"""
    return GOVERNORS_PAGE_RE.search(text, 0, GOVERNORS_PAGE_HEAD) is not None


# an "Organ:" field naming the body whose protocol this is (here: a protocol that does not say so, with the
# protocol's own closing words; steps.attendance: the minuted body)
ORGAN_RE = re.compile(r"\bOrgan\s*:")
# the names of the boards that keep minutes, as a protocol writes them (one table for every pattern that needs it)
BOARD_NAMES = (r"Kommunstyrelsen|Kommunfullmäktige|Regionstyrelsen|Regionfullmäktige|Landstingsstyrelsen|"
               r"Förbundsstyrelsen|Förbundsfullmäktige|Förbundsdirektionen|Direktionen|Styrelsen|"
               r"[A-ZÅÄÖ][a-zåäö-]+nämnden|"
               # a board named by an adjective: "Tekniska nämnden", "Gemensamma nämnden", "Regionala
               # utvecklingsnämnden"
               r"[A-ZÅÄÖ][a-zåäö]{3,}a[ \t]+(?:[a-zåäö]{3,})?nämnden|"
               # a joined compound: "Miljö- och hälsoskyddsnämnden", "Barn- och utbildningsnämnden"
               r"[A-ZÅÄÖ][a-zåäö]+-[ \t]+och[ \t]+[a-zåäö-]+nämnden")
# a comma and the blanks around it, between a list's entry and what it goes on with ("Eva Lund, PRO")
COMMA_GAP_RE = re.compile(r"[ \t]*,[ \t]*")
# the words a photo caption opens its list of names with: "Från vänster:", "Fr v:", "På bilden:", "I bild"
CAPTION_CUES = r"[Ff]rån vänster|[Ff]r\.?[ \t]?v\.?|[Pp]å bilden|I bild"
# the hours of a meeting as a header writes them: "09.00-12.00", "kl. 13:00 - 16:30"
# the labels of a record's place field ("Plats och tid:", "Sammanträdesplats"): one list for the room it names
# (steps.attendance) and for where a run-on first page says the meeting was held (steps.meetings.segment)
PLACE_FIELD_LABELS = r"Sammanträdesplats|Sammanträdeslokal|Plats och tid|Tid och plats|Plats|Lokal"
HOURS_RANGE = r"(?:kl\.?[ \t]*)?\d{1,2}[.:]\d{2}[ \t]*[-–][ \t]*\d{1,2}[.:]\d{2}"
# a protocol that starts with its board's name: "Regionstyrelsen. Plats: ..."
# (or its committee: "Kommunstyrelsens arbetsutskott", "Barn- och utbildningsnämndens arbetsutskott")
BOARD_FIRST_RE = re.compile(rf"\s*(?P<b>(?:{BOARD_NAMES})(?:s[ \t]+arbetsutskott)?)\b")
_PROTOCOL_WORDS_RE = re.compile(r"\b(?:Utses att justera|Justerare|Paragrafer|Justerade paragrafer|Justeringens|"
                                r"Underskrifter)\b")
# a protocol's first page that does not name it: its header fields, the place and time, then who decided
_FIRST_PAGE_RE = re.compile(r"\b(?:Plats och tid|Tid och plats)\b[^§]{0,300}?\b(?:Beslutande|Ledamöter|BESLUTANDE|"
                            r"LEDAMÖTER)\b"
                            r"|\bSammanträdesdatum\b")


_FIRST_PAGE_REACH = 1500  # how far a first page's fields may stand below signature fields that open a page
# a record's header fields ("Dag 2013-02-22 Tid 13.30 Plats Hotell X", "Datum: ... Plats: ...") and its list of who
# took part
_TIME_AND_PLACE_RE = re.compile(r"\b(?:Dag|Datum|Tid)\b[ \t]*:?[ \t]*\d[^§\n]{0,120}?\bPlats\b")
_ATTENDING_RE = re.compile(r"\b(?:Närvarande|NÄRVARANDE|Beslutande|Övriga deltagande|Övriga närvarande|Ledamöter)\b")


def minutes_header(text: str) -> re.Match[str] | None:
    """Where a protocol names itself in its first lines ("Protokoll", "Organ:"), if it is one."""
    head = text[:400]
    m = MINUTES_RE.search(head) or _NOTES_HEAD_RE.search(text, 0, 1000)
    if m is None and _CONTENTS_FIRST_RE.match(head):
        # "INNEHÅLLSFÖRTECKNING 101 ... 113 ... SAMMANTRÄDESPROTOKOLL Plats och tid ...": a PDF's table of
        # contents first, then the protocol's first page
        m = _SESSION_PROTOCOL_RE.search(text, 0, _CONTENTS_REACH)
    if m is None and (fields := _TIME_AND_PLACE_RE.search(head)) and _ATTENDING_RE.search(text, fields.end(), 2500):
        return fields  # "Dag 2013-02-22 Tid 13.30 Plats Stadshuset ... Övriga deltagande ...": a meeting's record
    if m is None:
        # "Organ: ..." or a board's name first ("Regionstyrelsen. Plats: ..."), and a protocol's closing words
        organ = ORGAN_RE.search(head) or BOARD_FIRST_RE.match(head) or _FIRST_PAGE_RE.search(head)
        if organ is None and _PROTOCOL_WORDS_RE.search(head):
            # a page that opens with the protocol's signature fields ("Utses att justera ... Justeringens plats
            # och tid"), its first page's fields further down
            organ = _FIRST_PAGE_RE.search(text, 0, _FIRST_PAGE_REACH)
        if organ and _PROTOCOL_WORDS_RE.search(text, 0, 3000):
            return organ
    return m
FIELD_RE = re.compile(r"^\s*(?P<f>dag|datum|tid|plats|lokal|var|när|adress)\s*:\s*(?P<v>.+)$", re.IGNORECASE)
FIRST_PERSON_RE = re.compile(r"\b(?:vi|oss|vår|vårt|våra)\b")

# e-mail domains every body of one kind shares: the address says the kind, not which body
SHARED_MAIL_DOMAINS: dict[str, str] = {
    "lansstyrelsen.se": "CountyAdministrativeBoard",
    "regeringskansliet.se": "Ministry",
    "gov.se": "Ministry",
    "polisen.se": "GovernmentAgency",
}
SHARED_MAIL_DOMAIN_PATTERNS: list[tuple[str, str]] = [
    (r"region[a-z-]+\.se", "Region"),
]
# a head noun after a place name makes it part of a longer name ("Exempelby slott", "Exempelby kyrka")
NAME_HEAD_AFTER_RE = re.compile(
    r"[ \t]+(?:slott(?:et)?|kyrka|kyrkan|gruva|gruvan|central(?:en)?|station(?:en)?|strand|hamn(?:en)?|"
    r"arena(?:n)?|teater(?:n)?|museum|museet|sjukhus(?:et)?|folkhögskola|gymnasium|bruk(?:et)?|herrgård|"
    r"gård(?:en)?|torg(?:et)?|hotell(?:et)?|mosse|scen(?:en)?|flygplats(?:en)?|universitet(?:et)?)(?![\wåäö])")

# the last word of a building's or a room's name ("Sessionssalen", "Regionens hus", "Ale Kulturrum"): a venue,
# never a locality that holds one
BUILDING_END_RE = re.compile(r"(?:salen|sal|huset|[ \t]hus|rummet|rum|hallen|kontoret|gården|skolan|kyrkan|biblioteket|"
                             r"slottet|museet|teatern|arenan)$", re.IGNORECASE)

# the words of a protocol's header, attendance list and signature block (lower case): never part of a name
# ("Per Holm Paragrafer", "Sekreterare Karl Ek Datum")
# the generic last word of a venue's or an institution's name ("Exempel Arena", "Exempelby Sjukhus"): never a
# surname, so "Göransson Arena" is a place even though "Göransson" is also a given name
# bodies of the world that local meetings name in the genitive for their goals, conventions and funds ("FN:s
# globala mål", "EU:s strukturfonder"), not as who took part
WORLD_BODIES = frozenset({"org/forenta-nationerna", "org/europeiska-unionen"})
VENUE_LAST_WORDS = frozenset({"arena", "center", "centre", "resort", "hotel", "hotell", "camping", "museum", "teater",
                              "sjukhus", "lasarett", "universitet", "högskola", "folkhögskola", "gymnasium", "skola"})
MINUTES_STRUCTURE_WORDS = frozenset({
    "närvarande", "paragrafer", "paragraf", "justeringens", "justerare", "justerande", "justering", "utses",
    "beslutande", "ersättare", "ledamöter", "deltagare", "förhinder", "frånvarande", "underskrifter", "underskrift",
    "sekreterare", "ordförande", "organ", "plats", "sammanträdesdatum", "datum", "inbjuden", "inbjudna", "övriga",
    "tjänstemän", "utdragsbestyrkande", "expedieras", "anslag", "protokoll",
    # the words of a minutes' columns and item heads that a PDF's text runs into the name before them ("Anna Berg
    # Beslut", "Per Holm Information", "LEDAMÖTER Ja Nej Tid"): never a surname
    "beslut", "information", "projekt", "dessutom", "bevis", "tid", "ja", "nej", "votering", "närvaro", "bilaga",
    "bilagor", "ärende", "ärenden", "rapport", "protokollet", "paragrafen", "anslaget"})
