"""Meeting stage 2, event assembly: which sentences are about which meeting.

The text is read sentence by sentence, section by section, as a reader
follows it. The reader keeps:

- ``current``: the meetings the text is talking about now;
- ``pending``: body sentences read before any meeting was named (they belong
  to the next meeting that opens);
- ``announced``: meetings a lead paragraph names in passing ("... och efter
  lunch blev det studiebesök hos X"), to be followed when a section heading
  turns to them;
- ``named``: named recurring events ("höstmötet", "styrelsemötet") by their
  lemma and year, one meeting each per document.

At a new section: if any sentence of the section opens a meeting of its own
(a named event, a tour, a counted series, or a meeting word followed by its
own place), the reader forgets ``current`` and ``pending``; else a section
headed "§ ..." in minutes returns to the minuted meeting; else a section
whose heading names a meeting turns to the next ``announced`` one.

An item of a list or a programme ("• Leder mötet ...", "13.00 Möte med ...",
a calendar's "Tisdag: Möte med ...", a line under a calendar's day heading
"4 november") opens events of its own: the reader forgets ``current`` before
it, and an item that starts with its verb or names no one is the programme's
(its owner's); a calendar line's closing "– Falun" is where it is held. A calendar's day that joins several
items in one sentence ("X följt av Y", "X samt Y") opens one event per item,
each kept to its own part of the sentence.

For each meeting word of a sentence (its kind "digital_meeting" when a digital
cue is near it; "interna möten" names none):

- a named event attaches to the event of that name, or opens it;
- a tour ("kommunresa", "reste till A, B och C") opens one visit per
  municipality named, as one group; a schedule's dated line opens a visit
  per place it names, and a line of bodies under a day alone ("25 oktober" /
  "Region A och Region B") that day's meeting with them;
- a site of the day's programme in the municipality visited ("Därefter
  besöktes X", "Besöket avslutades på X") joins that visit, one visit per
  municipality; "företagsbesök på X i A och Y i B" puts each site in the
  visit to its municipality;
- a definite reference ("besöket", "mötet") attaches to ``current``;
- any other word attaches to ``current`` when it is compatible with it (same
  kind, or a general "möte"), names no other place and counts nothing;
  otherwise it opens meetings: one per place named together ("i Sundsvall och
  Timrå") and per count ("två möten").

Then the sentence decides what ``current`` becomes: a sentence that only names
named events makes the first of them current; new meetings become current,
unless they are a counted summary of past events, or a second meeting named
inside the current one's paragraph (then they are ``announced``), or the next
stops of a tour (then they join it). A sentence without meeting words goes to
``current``, or to ``pending``. Last, the sentences before a meeting's word in
its own paragraph are about it too, unless an earlier meeting's word is there.

Reads ``doc``, ``blocks``, ``sentences``, ``mentions``; takes the
:class:`Segmentation`, returns :class:`MeetingDraft` objects.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re

from .... import prefilter
from ....models import Mention
from ....text import Sentence
from ... import lexicon as lx
from ...dates import TEXT_DATE_RE
from ...state import PARTICIPANT_ORGS, DocState
from .draft import (
    MeetingDraft,
    Segmentation,
    Trigger,
    governors_page,
    line_from,
    location_after,
    trailing_place,
    trigger_hits,
)

# before a programme item's meeting word only its time: "10.00–12.00 Besök i ...", "Kl. 14.45 Besök hos ..."
# (a meal may open it: "12.00 Middag och överläggning med ...")
_SUBJECTLESS_RE = re.compile(r"^\s*(?:[Kk]l\.?\s*)?[\s\d.:–-]*"
                             r"(?:(?:[Ll]unch|[Mm]iddag|[Ff]rukost|[Ff]ika)(?:\s+och|\s*,|\s+med)\s+)?$")
# "På programmet står ... företagsbesök på X": the programme's items, which its visitor makes
_PROGRAMME_SAYS_RE = re.compile(r"\s*(?:på|i)\s+(?:programmet|dagens program)\s+"
                                r"(?:står|stod|finns|fanns|ingår|ingick)\b")
# "Dagen avslutades med ett besök hos X", "Därefter blev det studiebesök på Y": the programme's next item,
# its subject the day or the visit, not the people who made it
_PROGRAMME_LEAD_RE = re.compile(
    r"\s*(?:(?:därefter|sedan|senare|efter lunch(?:en)?|på eftermiddagen|på förmiddagen)\s+(?:blev det|var det|följde)"
    r"|(?:besöket|dagen|turnén|resan|programmet|eftermiddagen|förmiddagen|kvällen)\s+"
    r"(?:avslutades|fortsatte|inleddes|började|startade|avrundades|innehöll)(?:\s+sedan)?\s+med"
    # "Dagen bjöd på verksamhetsbesök på X", "Som avslutning besökte sällskapet Y": the day's items, in turn
    r"|(?:besöket|dagen|programmet|eftermiddagen|förmiddagen)\s+(?:bjöd|bjöds)(?:\s+också|\s+även)?\s+på"
    r"|som\s+avslutning|avslutningsvis|till\s+sist)"
    r"\s+(?:(?:en|ett)\s+)?(?:[a-zåäö]+\s+){0,2}")


# the passive of the visit verb: what it names is what the visit saw, not who made another visit
_PASSIVE_VISIT_RE = re.compile(r"besöktes\b")
# "Landshövdingens besök i kommunen avslutades på X": the visit's programme went on to a site
_ENDED_AT_RE = re.compile(r"(?:\s+i\s+(?:kommunen|staden|orten|länet))?\s+(?:avslutades|inleddes|fortsatte|började)\s+"
                          r"(?:sedan\s+)?(?:på|hos|vid)\s")


def _coordinated(st: DocState, first: Mention, limit: int) -> list[Mention]:
    """"i Sundsvall och Timrå": the municipalities named together with the first one."""
    out = [first]
    if first.kind != "Municipality":
        return out
    text = st.doc.text
    pos = first.prov.span.end
    while True:
        m = re.match(r"(?:\s*,\s*|\s+och\s+|\s+samt\s+)", text[pos:limit])
        if not m:
            break
        at = pos + m.end()
        day = TEXT_DATE_RE.match(text, at, limit)
        if day is not None and text[day.end():day.end() + 1].isspace():
            at = day.end() + 1  # "besökte han Exempelby kommun den 1 juni och 2 juni Norrby kommun": its own day
        nxt = [x for x in st.mentions_in(at, at + 1) if x.kind == "Municipality"]
        if not nxt:
            break
        out.append(nxt[0])
        pos = nxt[0].prov.span.end
    return out


def _starts_new(st: DocState, sent: Sentence, hits: list[Trigger], low: str) -> bool:
    """Does this sentence open a new meeting, so that its section starts afresh?
    A named event, a tour, a counted series or a meeting word with its own place does;
    "i digitalt möte med ministern" in a caption does not."""
    for s, e, _, how in hits:
        if how in ("named", "tour"):
            return True
        if how == "new" and (lx.COUNT_RE.search(low[max(sent.start, s - 20):s]) or location_after(st, e, sent.end)) \
                and not lx.NEXT_EVENT_RE.search(low, sent.start, sent.end) \
                and not _did_not_happen(low, sent, s, e):  # "till ett kommande möte i X": named only
            return True
    return False


# the object of a visit in minutes that is the minuted body or its meeting
_VISITS_THE_BOARD_RE = re.compile(r"\s+(?:\w+\s+)?(?:arbetsutskottet|utskottet|styrelsen|kommunstyrelsen|nämnden|"
                                  r"[a-zåäö]+nämnden|fullmäktige|kommunfullmäktige|regionstyrelsen|direktionen|"
                                  r"sammanträdet|mötet)\b")
# a list item's glyph (a dash opens a quote in Swedish text, not an item)
# (capitalised: an item that goes on the sentence before it, "SmåKom ... : • möter ...", is no event of its own)
_BULLET_RE = re.compile(r"[ \t]*[•*▪◦·][ \t]+[A-ZÅÄÖ0-9]")
# "• Medverkar i ...", "• Leder mötet ...": an item of an activity list that starts with its verb, no subject
_VERB_FIRST_RE = re.compile(r"[ \t]*[•*▪◦·][ \t]+[A-ZÅÄÖ][a-zåäö]+(?:ar|er|r)\b")
# "Tisdag: Möte med ...", "• Onsdag 13 oktober: Deltar i ...": a day of a calendar (a county governor's or a
# minister's week), whose sentences are its owner's events, each of its own
_DAY_ITEM_RE = re.compile(r"[ \t]*(?:[•*▪◦·][ \t]+)?(?:[Mm]ån|[Tt]is|[Oo]ns|[Tt]ors|[Ff]re|[Ll]ör|[Ss]ön)dag"
                          r"(?:[ \t]+(?:den[ \t]+)?\d{1,2}(?:[ \t]+[a-zåäö]+|/\d{1,2})?)?[ \t]*:[ \t]*(?=[A-ZÅÄÖ])")
# where one item of a calendar's day ends and the next begins: "Möte med X, interna möten samt möte med Y",
# "Medverkar på X följt av medverkan vid Y"
_ITEM_SEP_RE = re.compile(r",[ \t]+|[ \t]+(?:samt|följt av|och därefter|därefter|och sedan)[ \t]+")
# "interna möten": the owner's work among its own staff, no meeting the text reports
_INTERNAL_BEFORE_RE = re.compile(r"\binterna?[ \t]+$")


def _internal(low: str, sent: Sentence, s: int) -> bool:
    """Is the meeting word at ``s`` one of "interna möten"?"""
    return _INTERNAL_BEFORE_RE.search(low, max(sent.start, s - 10), s) is not None
# "Till sist hade styrelsen även besök av X": a guest came to the meeting the text reports, no visit of its own
_GUEST_BEFORE_RE = re.compile(r"\b(?:fick|hade)(?:\s+(?:vi|styrelsen|mötet|utskottet|deltagarna))?"
                              r"(?:\s+(?:också|även|dessutom|slutligen))?\s+$")
# "Vårkonferens inklusive föreningsstämma": the second event word is part of the first
_INCLUDING_RE = re.compile(r"\s+(?:inklusive|inkl\.?|innefattande)\s+")
# between two names of one event: "Landsbygdsriksdagen är en stor konferens"
_NAMED_AS_RE = re.compile(r"\s+(?:är|var|blir|blev)\s+(?:en|ett)\s+(?:[a-zåäö]+\s+){0,3}")
_WITH_RE = re.compile(r"[ \t]+med[ \t]+")
# the kinds of meeting that gather people (a demonstrative or an occasion may point back to one)
_GATHERINGS = ("meeting", "conference", "seminar", "network_meeting")
# what a visit included: "I besöket ingick också studiebesök på X", "Besöket innehöll bland annat ett besök hos Y"
_INCLUDED_IN_RE = re.compile(r"(?:\bi\s+(?:besöket|programmet)\s+ingick|\bbesöket\s+(?:innehöll|inkluderade|omfattade))"
                             r"\s+(?:(?:också|även|bland\s+annat)\s+)?(?:ett\s+|en\s+)?\Z")
_RIGHT_AFTER_RE = re.compile(r"[ \t]+(?:i|på)[ \t]+")  # "mötet i Båstad": the place right after the word
# how a text says a meeting is held, in past, present and future: "hölls", "äger rum", "kommer att hållas"
_HELD_VERBS = (r"(?:ägde\s+rum|äger\s+rum|hölls|hålls|genomfördes|genomförs|arrangerades|arrangeras|"
               r"(?:kommer\s+att|ska)\s+(?:vara|hållas|äga\s+rum|genomföras))")
# a pronoun for the event the text tells, and where or when it is held: "Den hålls den 2 oktober på X"
_IT_IS_HELD_RE = re.compile(rf"(?:den|det)\s+{_HELD_VERBS}\b")
# a talk on a conference's programme: "avrundar dagen med ett samtal", "ett panelsamtal om X"
_TALK_RE = re.compile(r"(?:panel)?samtal(?:et)?|paneldebatt(?:en)?|panelen")
# ... and an event held on the occasion of another the text points back to is part of it: "firar sitt jubileum i
# samband med denna konferens", "årsmötet hålls i samband med konferensen"
_ON_OCCASION_RE = re.compile(r"\s+(?:hålls\s+|äger\s+rum\s+)?i\s+samband\s+med\s+(?:(?:denna|detta|den\s+här|"
                             r"det\s+här)\s+[a-zåäö-]+|[a-zåäö-]+(?:en|et|n|t))\b")
# a demonstrative before an event's word points back to the event the text is telling: "denna konferens",
# "detta möte", "den här träffen"
_DEMONSTRATIVE_RE = re.compile(r"(?:\b(?:denna|detta|dessa)|\bde[nt][ \t]+här)[ \t]+(?:[a-zåäö-]+[ \t]+){0,2}\Z")


def _counterpart(st: DocState, hits: list[Trigger]) -> str | None:
    """"I ett digitalt möte med Trafikverket ...": whom a new meeting word names right after "med"."""
    for _, e, _, how in hits:
        w = _WITH_RE.match(st.doc.text, e)
        if how == "new" and w:
            for m in st.mentions_in(w.end(), w.end() + 1):
                if m.kind in PARTICIPANT_ORGS or m.kind == "Person":
                    return m.key
    return None


# "besöka länets samtliga kommuner", "besöker alla kommuner": a plan or a programme, not a visit
_GENERIC_OBJECT_RE = re.compile(r"\s+(?:[a-zåäö]+\s+){0,2}?(?:länets\s+|regionens\s+)?"
                                r"(?:alla|samtliga|de flesta|flera|många|varje|olika|såväl)\b")
# "Programmet avslutades med ett besök av civilministern": a guest came to the event the text reports
_BY_GUEST_RE = re.compile(r"[ \t]+av[ \t]+")
# "Detta var den tredje gången de träffades hos X": the meeting reported, counted in its series
_NTH_TIME_RE = re.compile(r"\b(?:det|detta)\s+(?:var|är|blev)\s+(?:den\s+)?(?:andra|tredje|fjärde|femte|sjätte|"
                          r"sjunde|åttonde|nionde|tionde|\d+:?e)\s+gången\b")
# "Ministern besöker på tisdagen även X": a visit verb, then "även" or "också"
_VISIT_VERBS = frozenset({"besöker", "besökte", "besöka", "besökt", "besöks", "besöktes"})
_ALSO_PAID_RE = re.compile(r"\b(?:även|också)\s+(?:avlägga|avlägger|avlade)\s+(?:en\s+)?\Z")
_ALSO_AFTER_RE = re.compile(r"(?:\s+(?:på|under|i)\s+[a-zåäö]+)?\s+(?:även|också)\b")
# "Efter mötet ...", "i samband med besöket ...": a meeting word here opens a second event
_AFTER_EVENT_RE = re.compile(r"\b(?:efter|i samband med|inför|före)\s+(?:själva\s+)?(?:mötet|besöket|träffen|"
                             r"sammanträdet|konferensen|seminariet|dialogen|invigningen)\b")


# "vid styrelsemötet som följde": an event held right after the one the text reports, at its place
_FOLLOWED_RE = re.compile(r"\s+som\s+(?:direkt\s+|sedan\s+)?följde\b")
# "pressträff i samband med regionstyrelsens sammanträde": the second meeting word is an event of its own
_IN_CONNECTION_RE = re.compile(r"\bi samband med\s+(?:[a-zåäö]+s\s+)?$")
_WE_RE = re.compile(r"\bvi\b")
# "På eftermiddagen deltog ministern i ett möte med ...": an indefinite meeting word introduces a new one
_INDEFINITE_BEFORE_RE = re.compile(r"\b(?:ett|en|ytterligare ett|ett nytt|ett annat)\s+$")
# "besöka några medlemskommuner", "besöker länets samtliga kommuner": a trip to places it names later
_SEVERAL_PLACES_RE = re.compile(r"\s+(?:[a-zåäö]+\s+){0,2}?(?:länets\s+|regionens\s+)?"
                                r"(?:alla|samtliga|de flesta|flera|många|några|ett antal|olika)\s+"
                                r"(?:[a-zåäö]+\s+)?[a-zåäö]*(?:kommuner|orter|städer|platser|län)\b")


def _announced_trip(low: str, current: list[MeetingDraft]) -> MeetingDraft | None:
    """The trip the text follows, a visit to places it names later: "X reste till länet för att besöka
    några kommuner. Y stod först på tur." Its people make each stop."""
    return next((c for c in current if c.kind == "visit" and c.location is None and not c.named
                 and _SEVERAL_PLACES_RE.match(low, c.trigger[1])), None)


# a plan or rule for a kind of meeting, whose word then names no meeting: "plan för medborgardialoger",
# "riktlinjer för samrådsmöten"
_PLAN_FOR_RE = re.compile(r"\b(?:plan|planen|planer|strategi|strategin|riktlinjer|rutiner|rutinerna|policy|"
                          r"modell|modellen|mall|handbok|metod|metoder|former)\s+för\s+(?:[a-zåäö]+\s+)?\Z")


# "Ministern skulle ha besökt X i februari": the supine after "skulle" is a visit that did not happen, and so is
# "skulle besöka X, men besöket ställdes in"
_WOULD_HAVE_RE = re.compile(r"\bskulle\s+(?:ha\s+)?(?:(?:egentligen|ursprungligen|redan|också|även)\s+)?\Z")
_SUPINES = frozenset({"besökt", "träffat", "mött", "hållit", "gästat", "deltagit"})
_CALLED_OFF_RE = re.compile(r"\bställ(?:s|as|des|ts)\s+in\b|\binställ(?:t|d|da|des|s)\b")
# "Besöket är nu inställt", "fick besöket ställas in", "besök ställs in": the meeting word, then its cancellation
_CALLED_OFF_AFTER_RE = re.compile(r"(?:[ \t]+[a-zåäö]+){0,3}?[ \t]+(?:ställs|ställas|ställdes|ställts)[ \t]+in\b"
                                  r"|[ \t]+(?:är|blev|blir|har blivit)(?:[ \t]+(?:nu|tyvärr))?[ \t]+inställt\b")
# "Under besöket skulle ministern ha träffat X": what would have happened there
_WOULD_HAVE_AFTER_RE = re.compile(r"[ \t]+skulle[ \t]+(?:[a-zåäö-]+[ \t]+){0,2}ha[ \t]+[a-zåäö]+t\b")


# "inget nytt besök", "något nytt besök planeras inte": a meeting denied
_NO_BEFORE_RE = re.compile(r"\b(?P<det>inget|ingen|inga|något|någon|några)[ \t]+(?:[a-zåäö]+[ \t]+)?\Z")
_NOT_AFTER_RE = re.compile(r"[ \t]+(?:[a-zåäö]+[ \t]+){0,2}inte\b")


def _did_not_happen(low: str, sent: Sentence, s: int, e: int) -> bool:
    """Is the meeting word at s..e one that the sentence says did not take place (called off, denied, or only
    what would have been)?"""
    if _CALLED_OFF_AFTER_RE.match(low, e, sent.end) or _WOULD_HAVE_AFTER_RE.match(low, e, sent.end):
        return True
    no = _NO_BEFORE_RE.search(low, max(sent.start, s - 30), s)
    if no and (no["det"].startswith("ing") or _NOT_AFTER_RE.match(low, e, sent.end)):
        return True
    if not _WOULD_HAVE_RE.search(low, max(sent.start, s - 30), s):
        return False
    return low[s:e] in _SUPINES or _CALLED_OFF_RE.search(low, e, sent.end) is not None


# "har besökt Gävleborgs kommuner", "besöker länets kommuner": the visit of a county's municipalities, named
# by whose they are
_COUNTY_PLACES_RE = re.compile(r"\s+(?:[a-zåäö]+\s+){0,2}?[a-zåäö]+s\s+(?:[a-zåäö]+\s+)?kommuner\b")


def _tour_umbrella(st: DocState, low: str, meets: list[MeetingDraft]) -> MeetingDraft | None:
    """The visit of a county's municipalities (or the meetings of a tour) that the text reported first, whose
    stops it then reports one by one ("I Ljusdal handlade samtalen om ..."): its people make each stop."""
    for c in meets:
        if c.kind not in ("visit", "meeting") or c.location is not None or c.named:
            continue
        if _SEVERAL_PLACES_RE.match(low, c.trigger[1]) or _COUNTY_PLACES_RE.match(low, c.trigger[1]):
            return c
        sent = st.sentence_at(c.trigger[0])
        if sent is not None and lx.TOUR_TEXT_RE.search(low, sent.start, sent.end):
            return c  # "har avslutat sin rundresa i länet, där hon har träffat samtliga kommunledningar"
    return None


def _trip_going_on(low: str, current: list[MeetingDraft], start: int, end: int) -> MeetingDraft | None:
    """The trip that the visit the text follows was a stop of, where the travellers go on in
    [start, end): "Under eftermiddagen besökte vi Z"."""
    if current and current[0].announced_by is not None and _WE_RE.search(low, start, end):
        return current[0].announced_by
    return None
# "På eftermiddagen har hon en länsdialog": a programme's next item is an event of its own
# right after a word that refers back to the meeting: "(Mötet) ägde rum på", "(Mötet) hölls i"
_HELD_AT_RE = re.compile(rf"\s+{_HELD_VERBS}\s+(?:på|i|hos|vid)\s")
_PART_OF_DAY_RE = re.compile(r"\W*(?:på|under|senare på|efter)\s+(?:förmiddagen|eftermiddagen|kvällen|morgonen|"
                             r"lunchen|lunch|middagen)\b")
# words any meeting goes by; a more specific word named twice is one event ("länsdialog", "pressträff")
_GENERIC_WORDS = frozenset({"möte", "mötet", "möten", "mötena", "träff", "träffen", "träffa", "träffar", "träffade",
                            "besök", "besöket", "besöka", "besöker", "besökte", "besökt", "samtal", "samtalet",
                            "sammanträde", "sammanträdet", "möta", "möter", "mötte", "träffas", "samlas",
                            "samlades"})


_ASSEMBLY_RE = re.compile(r"^(höst|vår|års)stämm(?:a|or)$")


def _word_key(word: str) -> str:
    return re.sub(r"(?:erna|arna|en|et|na|n|er|ar)$", "", word)


def _introduced(low: str, s: int) -> bool:
    """Does an indefinite article introduce the meeting word at ``s`` ("ett seminarium")?"""
    return _INDEFINITE_BEFORE_RE.search(low, max(0, s - 25), s) is not None


def _same_word(meets: list[MeetingDraft], low: str, s: int, e: int) -> MeetingDraft | None:
    """An earlier meeting opened by the same specific word ("länsdialog" ... "Länsdialog:")."""
    word = low[s:e]
    if word in _GENERIC_WORDS or word.startswith("besök"):
        return None
    key, which = _word_key(word), _which(low, s)
    for mt in meets:
        if not mt.named and _word_key(low[mt.trigger[0]:mt.trigger[1]]) == key and _which(low, mt.trigger[0]) == which:
            return mt
    return None


# "styrelsemötet" ... "Nästa styrelsemöte": the same word for two meetings of a series, the one reported and the next
# ("den kommande Framtidsdagen" is the one the text reports, still to come)
_WHICH_RE = re.compile(r"\b(nästa)\s+\Z")


# "träffades styrelsen för årets sista styrelsemöte", "samlades till höstmöte": the meeting word says how the
# named event was held
_FOR_THE_EVENT_RE = re.compile(r"[ \t]+(?:[a-zåäö]+[ \t]+){0,3}?(?:för|på|till|vid|under)[ \t]+"
                               r"(?:[a-zåäö]+[ \t]+){0,3}\Z")


def _meeting_word_of_the_named(low: str, meets: list[MeetingDraft], created: list[MeetingDraft]) -> None:
    """A general meeting word that the one named event of its sentence follows ("träffades styrelsen för årets
    sista styrelsemöte") made no meeting of its own: the draft it opened is dropped (from ``meets`` and
    ``created``), and the sentence is the named event's."""
    named = [c for c in created if c.named]
    general = [c for c in created if not c.named]
    if len(named) != 1 or len(general) != 1:
        return
    g, n = general[0], named[0]
    if g.kind != "meeting" or g.location is not None or g.counted \
            or not g.trigger[1] <= n.trigger[0] or not _FOR_THE_EVENT_RE.match(low, g.trigger[1], n.trigger[0]):
        return
    meets.remove(g)
    created.remove(g)


# the visits of a series, all of them: "Syftet med besöken", "Under kommunbesöken"
_ALL_VISITS_RE = re.compile(r"[a-zåäö]*besöken")


def _series_of_visits(st: DocState, low: str, hits: list[Trigger], meets: list[MeetingDraft]) -> list[MeetingDraft]:
    """The visits made so far, where the sentence speaks of them all ("Syftet med besöken är att ...") and the
    text has made visits to more than one municipality (a series, not one visit's stops); else none."""
    if not any(how == "ana" and _ALL_VISITS_RE.fullmatch(low, s, e) for s, e, _, how in hits):
        return []
    visits = [m for m in meets if m.kind == "visit"]
    towns = {m.location for m in visits if m.location and st.cls_of(m.location) == "Municipality"}
    return visits if len(towns) > 1 else []


_IN_TOWN_RE = re.compile(r"[ \t]+i[ \t]+")


def _sites_of_stops(st: DocState, current: list[MeetingDraft], start: int, end: int) -> bool:
    """"På programmet står ... företagsbesök på X i A och Y i B", where the text follows the visits to A and B
    (stops of one tour): each site joins the visit to the municipality written after it. True when every
    site the words name after ``start`` is so placed."""
    stops = {c.location: c for c in current if c.kind == "visit" and c.location and c.group >= 0}
    if len(stops) < 2:
        return False
    text = st.doc.text
    names = st.mentions_in(start, end)
    placed = []
    for x, after in itertools.pairwise(names):
        if x.kind not in ("Company", "Organization", "Place") or after.key not in stops:
            continue
        if _IN_TOWN_RE.fullmatch(text, x.prov.span.end, after.prov.span.start):
            placed.append((x, after))
    sites = [x for x in names if x.kind in ("Company", "Organization", "Place")]
    if not placed or len(placed) != len(sites):
        return False
    for x, town in placed:
        stop = stops[town.key]
        for other in stops.values():
            if other is not stop:
                other.elsewhere.add(x.key)
        if x.kind != "Place" and x.key not in stop.orgs:
            stop.orgs.append(x.key)
            stop.because(x.key, st.prov(x.prov.span.start, town.prov.span.end, "extract.meetings.visit", 0.7))
    return True


def _which(low: str, s: int) -> str:
    """Whether the word names the next meeting of a series ("nästa"), or "" where it does not say."""
    m = _WHICH_RE.search(low, max(0, s - 16), s)
    return m[1] if m else ""


def _day_of(st: DocState, sent: Sentence | None, explicit: bool = False) -> set[dt.date]:
    """The days a sentence names, resolved ("den 14 mars 2021"; "i tisdags" too unless ``explicit``);
    none for a month or a weekday alone."""
    if sent is None:
        return set()
    return {d.value for d in st.dates_in(sent.start, sent.end) if d.value and not (explicit and d.relative)}


def _other_day(st: DocState, mt: MeetingDraft, here: set[dt.date]) -> bool:
    """Does a sentence naming the days ``here`` speak of another day than the meeting's own word does?"""
    there = _day_of(st, st.sentence_at(mt.trigger[0]))
    return bool(here and there and not here & there)


def _visit_at(st: DocState, meets: list[MeetingDraft], key: str, sent: Sentence) -> MeetingDraft | None:
    """The visit already made to this place, if the text names no other date for it: the same event."""
    here = _day_of(st, sent)
    for mt in meets:
        if mt.kind == "visit" and mt.location == key and mt.status != "cancelled" and not _other_day(st, mt, here):
            return mt
    return None


def _visit_to_its_county(st: DocState, meets: list[MeetingDraft], key: str, sent: Sentence) -> MeetingDraft | None:
    """"Ministern besökte Exempellän ... tog emot ministern i X": the visit to a county (a headline's), on no other day,
    that the first visit the text goes on to report, to one of its municipalities, makes more precise (the visit's
    place becomes the municipality). Not where the text has told of another meeting since: then the county's visit
    is a day's programme ("Besöket inleddes med ett dialogmöte ..."), the municipality one of its stops."""
    if not key.startswith("municipality/") or len(meets) != 1:
        return None
    mt = meets[0]
    if mt.kind != "visit" or mt.location != f"county/{key.split('/')[-1][:2]}" or mt.group >= 0 or mt.named \
            or mt.status == "cancelled" or _other_day(st, mt, _day_of(st, sent)):
        return None
    mt.location = key
    return mt


_MET_VERBS = ("träffa", "möter", "mötte")


def _told_as_meeting(st: DocState, low: str, meets: list[MeetingDraft], key: str,
                     sent: Sentence) -> MeetingDraft | None:
    """"Representanter för X kommun träffade landshövdingen ... I onsdags besökte landshövdingen X kommun": the
    visit a lead told first as a meeting of the same people with the place's body, on no other day (the meeting
    becomes the visit)."""
    people = _people_in(st, sent.start, sent.end)
    if not people or st.cls_of(key) != "Municipality":
        return None
    here = _day_of(st, sent)
    for mt in meets:
        # (a meeting a verb tells, "träffade": not a series, "startar dialogmöten", the visit is one of)
        if mt.kind != "meeting" or mt.location is not None or mt.named or mt.group >= 0 \
                or mt.status == "cancelled" or not low.startswith(_MET_VERBS, mt.trigger[0]) \
                or _other_day(st, mt, here):
            continue
        told = {m.key for x in mt.sentences for m in st.mentions_in(x.start, x.end)}
        if key in told and people & told:
            mt.kind, mt.location = "visit", key
            return mt
    return None


def _people_in(st: DocState, start: int, end: int) -> set[str]:
    return {m.key for m in st.mentions_in(start, end) if m.kind == "Person"}


def _met_again(st: DocState, meets: list[MeetingDraft], key: str, sent: Sentence) -> MeetingDraft | None:
    """"Anna Berg fick träffa ambassadören X i Stockholm ... Anna Berg träffade X på en mottagning i Stockholm":
    a meeting at the same place between two or more of the same people, told again."""
    people = _people_in(st, sent.start, sent.end)
    if len(people) < 2:
        return None
    here = _day_of(st, sent)
    for mt in meets:
        if mt.kind == "meeting" and mt.location == key and not mt.named and not _other_day(st, mt, here) \
                and len(people & {k for x in mt.sentences for k in _people_in(st, x.start, x.end)}) >= 2:
            return mt
    return None


def _gathered_again(st: DocState, low: str, meets: list[MeetingDraft], sent: Sentence, s: int,
                    e: int) -> MeetingDraft | None:
    """"... samlades i Stenungsund för sitt första möte ... samlades 9-10 februari för en konferens i Stenungsund": an
    event named in a sentence that gathers its people at the place where an unnamed gathering the text told
    before took place, on no other day, is that gathering."""
    # (the sentence's own meeting words before the name, each read as the gathering verbs are elsewhere)
    if not any(_GATHERING_VERB_RE.search(low, a, b) for a, b, _, _ in trigger_hits(low, sent.start, s)):
        return None
    loc = location_after(st, e, sent.end)
    if loc is None:
        return None
    here = _day_of(st, sent)
    return next((mt for mt in meets if mt.kind == "meeting" and not mt.named and mt.location == loc.key
                 and _GATHERING_VERB_RE.search(low, *mt.trigger) and not _other_day(st, mt, here)), None)


def _names(st: DocState, sent: Sentence, key: str | None) -> bool:
    return key is not None and any(m.key == key for m in st.mentions_in(sent.start, sent.end))


def _turns_back(st: DocState, meets: list[MeetingDraft], current: list[MeetingDraft],
                sent: Sentence) -> MeetingDraft | None:
    """A sentence without a meeting word that names the place of one earlier visit, and not the place of
    the meeting the text follows ("ett besök i Tanum var också inplanerat" named in passing, then "Anna Berg,
    kommunchef i Strömstads kommun, berättade om ..."): the visit it turns back to."""
    if any(c.location is None or c.group >= 0 for c in current) or any(_names(st, sent, c.location) for c in current):
        return None
    back = [mt for mt in meets if mt.kind == "visit" and mt.location and mt not in current and mt.group < 0
            and not mt.named and _names(st, sent, mt.location)]
    return back[0] if len(back) == 1 else None


_IN_PLACE_RE = re.compile(r"\b[Ii][ \t]+\Z")


def _narrow(st: DocState, meets: list[MeetingDraft], current: list[MeetingDraft],
            sent: Sentence) -> list[MeetingDraft]:
    """"I Exempelby träffade hon ...": of the stops of a tour, the one the sentence names (also after the
    text has turned to another stop: "I A besökte hon ... I B presenterade ...")."""
    if not current:
        return current
    group = current[0].group
    turn = len(current) == 1 and group >= 0  # the text may turn from one stop to another: "I B presenterade ..."
    stops = [m for m in meets if m.group == group and m.location] if turn else current
    if len(stops) < 2:
        return current
    text = st.doc.text
    named = {m.key for m in st.mentions_in(sent.start, sent.end) if m.kind == "Municipality"
             and (not turn or _IN_PLACE_RE.search(text, max(sent.start, m.prov.span.start - 3), m.prov.span.start))}
    hit = [c for c in stops if c.location in named]
    return hit if len(hit) == 1 else current


def _caption_target(st: DocState, meets: list[MeetingDraft], sent: Sentence) -> MeetingDraft | None:
    """A photo caption belongs to the meeting whose people (or place) it names."""
    keys = {m.key for m in st.mentions_in(sent.start, sent.end)}
    if not keys:
        return None
    best, score = None, 0
    for mt in meets:
        seen = {m.key for x in mt.sentences for m in st.mentions_in(x.start, x.end)}
        n = len(keys & seen) + (2 if mt.location in keys else 0)
        if n > score:
            best, score = mt, n
    return best


class _Members:
    """``x in items`` for lists that only grow (a draft's sentences while they are assembled):
    a set per list, brought up to date with what was appended since the last question."""

    def __init__(self) -> None:
        self._sets: dict[int, tuple[list[Sentence], set[Sentence], int]] = {}

    def has(self, items: list[Sentence], x: Sentence) -> bool:
        entry = self._sets.get(id(items))
        if entry is None or entry[0] is not items or entry[2] > len(items):
            entry = (items, set(items), len(items))
        elif entry[2] < len(items):
            entry[1].update(items[entry[2]:])
            entry = (items, entry[1], len(items))
        self._sets[id(items)] = entry
        return x in entry[1]


# a caption's link between its people and the meeting: "Anna Berg och Per Holm i samband med mötet"
_CAPTION_LINK_RE = re.compile(r"[ \t,]+(?:i samband med|under|vid)[ \t]+\Z")
_LOWER_WORD_RE = re.compile(r"(?<![\wåäöÅÄÖ-])[a-zåäö][\wåäö-]*")


def _caption_like(st: DocState, sent: Sentence, trigger: int) -> bool:
    """A sentence that only lists people with their titles before "i samband med mötet", "under besöket":
    a photo caption, without a verb, whatever its layout."""
    text = st.doc.text
    link = _CAPTION_LINK_RE.search(text, sent.start, trigger)
    if link is None or not st.mentions_in(sent.start, link.start()):
        return False
    covered = [(t.start, t.end) for t in st.people.titles if sent.start <= t.start < link.start()]
    for w in _LOWER_WORD_RE.finditer(text, sent.start, link.start()):
        if w.group() not in ("och", "samt") and not any(a <= w.start() < b for a, b in covered) \
                and not st.covered(w.start()):
            return False
    return True


def _names_any(st: DocState, mt: MeetingDraft, keys: set[str]) -> bool:
    """Does the sentence with a meeting's word name any of ``keys``?"""
    sent = st.sentence_at(mt.trigger[0])
    return sent is not None and any(m.key in keys for m in st.mentions_in(sent.start, sent.end))


def _fold_caption_references(st: DocState, meets: list[MeetingDraft],
                             refs: list[MeetingDraft]) -> list[MeetingDraft]:
    """"Anna Berg och Per Holm i samband med mötet på Slottet" (a photo caption above the text): the meeting
    the caption refers to is the one the text then reports about one of its people ("... Anna Berg besökte
    Länsstyrelsen"); the caption's building is where it was held, when the text names only the
    organisation visited."""
    for ref in refs:
        people = {m.key for x in ref.sentences for m in st.mentions_in(x.start, x.end) if m.kind == "Person"}
        later = next((mt for mt in meets if mt.trigger[0] > ref.trigger[0] and mt is not ref and not mt.named
                      and mt.group < 0 and mt.status != "cancelled" and _names_any(st, mt, people)
                      and (mt.kind == ref.kind or "meeting" in (mt.kind, ref.kind)
                           or {mt.kind, ref.kind} <= {"visit", "digital_meeting"})), None)
        if later is None:
            continue
        later.sentences.extend(x for x in ref.sentences if x not in later.sentences)
        later.trigger_sents.update(x.start for x in ref.sentences)
        if ref.location and st.cls_of(ref.location) == "Place" and (
                later.location is None or st.cls_of(later.location) not in ("Municipality", "Place")):
            later.location = ref.location
        if later.kind == "meeting" and ref.kind != "meeting":
            later.kind = ref.kind
        meets = [mt for mt in meets if mt is not ref]
    return meets


def _item_span(low: str, sent: Sentence, hits: list[Trigger], s: int, e: int) -> tuple[int, int]:
    """The item of a calendar's day that holds the meeting word at ``s``-``e``: from the separator after the
    meeting word before it to the separator before the one after it, within its sentence (a part that names no
    event, "Följer X:s föreläsningar samt deltar i Y:s webbinarium", stays with the event beside it)."""
    words = [h for h in hits if not _internal(low, sent, h[0])]
    prev_end = max((h[1] for h in words if h[1] <= s), default=None)
    next_start = min((h[0] for h in words if h[0] >= e), default=None)
    start = max((m.end() for m in _ITEM_SEP_RE.finditer(low, prev_end, s)), default=sent.start) \
        if prev_end is not None else sent.start
    after = _ITEM_SEP_RE.search(low, e, next_start) if next_start is not None else None
    return start, after.start() if after else sent.end


# a verb that tells the gathering of a meeting, not a meeting noun that introduces one
_GATHERING_VERB_RE = re.compile(r"(?:samlades|samlas|träffades|möttes|sammanstrålade)\Z")


def _gathering_told(st: DocState, units: list[tuple[Sentence, int, list[Trigger], str]], low: str) -> set[int]:
    """Sections whose first paragraph only tells where the document's one meeting gathered ("Exempelnätverkets
    träff ... " then "70 deltagare samlades på Hotell X"): the meeting the text named before, in a place it had
    not named, not a new one."""
    out: set[int] = set()
    earlier: list[Trigger] = []
    for sent, sec, hits, _ in units:
        new = [h for h in hits if h[3] == "new"]
        if new and earlier and all(_GATHERING_VERB_RE.search(low, h[0], h[1]) for h in new) \
                and len(earlier) == 1 and earlier[0][2] == new[0][2] \
                and location_after(st, earlier[0][1], sent.start) is None:
            out.add(sec)
        earlier += [h for h in new if not _GATHERING_VERB_RE.search(low, h[0], h[1])]
    return out


# the word of a named event's kind that ends its compound: "demokrati|dag", "demokrati|konferens"
_EVENT_HEAD_RE = re.compile(r"(?:dag|konferens|kongress|forum|seminari(?:um)?|möte|träff|rådslag)$")
# the first words of events that say whose, not which ("regiondagen" and "regionkonferensen" may be two)
_BODY_STEMS = frozenset({"region", "kommun", "förbund", "förening", "styrelse", "medlem", "nätverk"})


def assemble(st: DocState, seg: Segmentation) -> list[MeetingDraft]:
    """The meeting drafts of the document, each with the sentences about it (see the module's text)."""
    text = st.doc.text
    low = text.lower()
    meets: list[MeetingDraft] = []
    named: dict[str, MeetingDraft] = {}
    group_id = 0
    current: list[MeetingDraft] = []
    units = [(u.sentence, u.section, u.hits, u.kind) for u in seg.units]
    # sections that open a meeting of their own in their first paragraph: what they say is about it
    first_block: dict[int, int] = {}
    for sent, sec, _, _ in units:
        first_block.setdefault(sec, sent.block)
    creating = {sec for sent, sec, hits, _ in units
                if sent.block == first_block[sec] and _starts_new(st, sent, hits, low)}
    creating -= _gathering_told(st, units, low)
    # sections that open with "ett möte med X": a meeting of their own unless X was in the one before
    counterparts: dict[int, str] = {}
    for sent, sec, hits, _ in units:
        if sec > 0 and sent.block == first_block[sec] and sec not in counterparts:
            who = _counterpart(st, hits)
            if who is not None:
                counterparts[sec] = who
    pending: list[Sentence] = []
    announced: list[MeetingDraft] = []  # meetings a lead paragraph names after the one it follows
    minutes = seg.minutes
    minutes_line = (0, 0)
    if minutes:
        meets.append(minutes)
        current = [minutes]
        # "Minnesanteckningar från nätverksträff ...": the meeting word on the heading's line is the minuted one
        minutes_line = line_from(text, minutes.trigger[0])
    prev_section = -1
    day_sections = seg.day_sections
    on_governors_page = governors_page(st)
    members = _Members()
    void_block = -1  # the paragraph of a meeting that did not take place
    caption_refs: list[MeetingDraft] = []  # meetings a caption's (or the first) "mötet" opened
    schedule_units = {i for i, (_, _, hits, _) in enumerate(units)
                      if any(h[3] in ("schedule", "schedule_bodies") for h in hits)}
    for idx, (sent, section, hits, layout) in enumerate(units):
        # (a caption's own meeting word, "Ministern samtalar med elever", shows a meeting the text reports: the
        # one whose people it names)
        if layout == "caption" and all(h[3] == "new" for h in hits):  # (no meeting word at all, too)
            target = _caption_target(st, meets, sent)
            if target is not None:
                target.sentences.append(sent)
                continue
        if hits:
            live = [h for h in hits if h[3] not in ("new", "ana") or not _did_not_happen(low, sent, h[0], h[1])]
            if not live:
                void_block = sent.block  # "Besöket är nu inställt": about no meeting, nor is the rest of its paragraph
                continue
            hits = live
        elif sent.block == void_block:
            continue
        current = _narrow(st, meets, current, sent)
        listed = bool(hits) and not any(h[3] in ("schedule", "schedule_bodies", "tour") for h in hits)
        here = st.blocks[sent.block]
        # "Tisdag: Möte med ...", or a line under a calendar's day heading ("4 november" / "Möte med X – Falun")
        day_item = listed and (
            layout in ("body", "bullet") and _DAY_ITEM_RE.match(text, here.start) is not None
            or layout == "body" and (section in day_sections and sent.start <= here.start + 3
                and "\n" not in text[here.start:here.end].strip() and any(h[3] == "new" for h in hits)))
        bullet = listed and (day_item or layout == "bullet" and bool(_BULLET_RE.match(text, sent.start)))
        # (but for a talk on a conference's programme: "• A, B och C avrundar dagen med ett samtal kring X")
        talk = bool(hits) and len(current) == 1 and current[0].kind in ("conference", "seminar") \
            and all(h[3] == "new" and _TALK_RE.fullmatch(low, h[0], h[1]) for h in hits)
        if (bullet or (layout == "programme" and any(h[3] == "new" for h in hits))) and not talk:
            # "• Leder mötet med ...", "• Besöker X", "13.00 Möte med ...": each item of a list or a
            # programme its own event
            current, pending = [], []
        verb_first = bullet and _VERB_FIRST_RE.match(text, sent.start) is not None  # no subject: the programme's
        if day_item or bullet and on_governors_page:
            # a calendar's item names no one who does it: its owner's (unless a person opens it); so does an
            # item of a governor's page, "• Möte med X"
            verb_first = not any(m.kind == "Person" for m in st.mentions_in(sent.start, hits[0][0]))
        if section != prev_section:
            if section in creating or section in day_sections:
                current, pending = [], []
            elif section in counterparts and current and not any(
                    _names(st, x, counterparts[section]) for c in current for x in c.sentences):
                current, pending = [], []  # "Dialog med Trafikverket. I ett möte med Trafikverket ...": another
            elif minutes and seg.section_heads.get(section, "").lstrip().startswith("§"):
                current, pending = [minutes], []  # the next item on the agenda of the minuted meeting
            elif section in seg.trigger_headings and announced:
                current = [announced.pop(0)]  # "Besök hos träföretaget": the text turns to the next meeting
            prev_section = section
        created: list[MeetingDraft] = []
        attached: list[MeetingDraft] = []
        revisited: list[MeetingDraft] = []  # announced visits this sentence reports ("Sedan blev det besök hos X")
        here_days = _day_of(st, sent, explicit=True)
        reused: list[MeetingDraft] = []  # stops of a tour the text had already reported
        sent_named: list[tuple[int, MeetingDraft]] = []  # named events of this sentence: (end of word, event)
        series = _series_of_visits(st, low, hits, meets)
        for s, e, kind, how in hits:
            if minutes is not None and minutes_line[0] <= s < minutes_line[1]:
                attached.append(minutes)
                continue
            if how == "new" and _internal(low, sent, s):
                continue  # "Interna möten": no meeting with anyone the text names
            if how == "new" and _PLAN_FOR_RE.search(low, max(sent.start, s - 40), s):
                continue  # "polisens plan för medborgardialoger": the meetings a document plans for, none held
            item = _item_span(low, sent, hits, s, e) if day_item else None  # the calendar item's part of the line
            window = low[max(sent.start, s - 30):min(sent.end, e + 10)]
            if low.startswith(("tog", "tar"), s):
                window = low[sent.start:sent.end]  # "tog emot ministern digitalt": how it was received
            elif item is not None:
                window = low[item[0]:item[1]]  # "Möte med X – digitalt": the item's way
            if lx.DIGITAL_RE.search(window) and kind in ("visit", "meeting"):
                kind = "digital_meeting"
            if how == "named":
                lemma = re.sub(r"e$", "", re.sub(r"(?:erna|arna|en|et|na|n|t|er|ar)$", "", low[s:e]))
                # (an assembly is a "stämma" and a "möte" alike: "Höstmöte 2018" ... "höststämma", "årsstämman")
                lemma = _ASSEMBLY_RE.sub(r"\1möt", lemma)
                year = re.match(r"\s+(\d{4})", text[e:e + 6])
                which = _which(low, s)  # "Nästa styrelsemöte": another meeting of the series
                name = lemma + (year.group(1) if year else "") + which
                mt = named.get(name)
                if mt is None and not which:
                    # "Landsbygdsriksdagen 2018" and "Landsbygdsriksdagen": one event where the text names one year
                    years = [k for k in named if k.rstrip("0123456789") == lemma]
                    if len(years) == 1 and (not year or years[0] == lemma):
                        mt = named[name] = named[years[0]]
                if mt is None and not year and not which and lemma != low[s:e]:
                    # "Regionkonferensen ... På konferensen": the definite head word is the one event it ends
                    heads = {id(v): v for k, v in named.items() if k.rstrip("0123456789").endswith(lemma)}
                    if not heads:
                        # "Konferensen ... Under heldagskonferensen": a definite compound of the one event's word
                        heads = {id(v): v for k, v in named.items()
                                 if len(k.rstrip("0123456789")) >= 5 and lemma.endswith(k.rstrip("0123456789"))}
                    if not heads and kind == "conference":
                        # "Klimatdagen ... inledde konferensen": the one conference the text named, by its kind's
                        # word; "arrangerade klimatkonferens ... Klimatdagen": one theme's event by another of its
                        # words
                        stem = _EVENT_HEAD_RE.sub("", lemma)
                        heads = {id(v): v for k, v in named.items() if v.kind == "conference" and (
                            not stem or (len(stem) >= 6 and stem != lemma and stem not in _BODY_STEMS
                                         and _EVENT_HEAD_RE.sub("", k.rstrip("0123456789")) == stem))}
                    if len(heads) == 1:
                        mt = next(iter(heads.values()))
                if mt is None and sent_named and (_NAMED_AS_RE.fullmatch(low, sent_named[-1][0], s)
                                                  or _INCLUDING_RE.fullmatch(low, sent_named[-1][0], s)):
                    mt = named[name] = sent_named[-1][1]  # "Landsbygdsriksdagen är en stor konferens": one event
                    attached.append(mt)
                    sent_named.append((e, mt))
                    continue
                if mt is None and not which and not year and kind in _GATHERINGS and current \
                        and current[0].kind in _GATHERINGS \
                        and (_DEMONSTRATIVE_RE.search(low, max(sent.start, s - 40), s)
                             or _ON_OCCASION_RE.match(low, e, sent.end)):
                    mt = named[name] = current[0]  # "Välkommen till X:s jubileumsmöte ... denna konferens"
                    if mt.kind == "meeting":
                        mt.kind = kind
                    attached.append(mt)
                    sent_named.append((e, mt))
                    continue
                if mt is None and not which:
                    mt = _gathered_again(st, low, meets, sent, s, e)
                    if mt is not None:
                        # "samlades i X för sitt första möte ... samlades 9-10 februari för en konferens i X": the
                        # gathering the text told first, now named
                        mt.kind, mt.named = kind, name
                        named[name] = mt
                        attached.append(mt)
                        sent_named.append((e, mt))
                        continue
                if mt is None:
                    mt = named[name] = MeetingDraft(kind, (s, e), named=name, section=section, subjectless=verb_first,
                                                    clause=item)
                    if current and _FOLLOWED_RE.match(low, e):
                        mt.same_place_as = current[0]
                    meets.append(mt)
                    created.append(mt)
                else:
                    attached.append(mt)
                sent_named.append((e, mt))
                continue
            if how == "schedule_bodies":
                # "25 oktober" / "Region A, Region B och Region C": the day's meeting with the bodies the line
                # lists, made by the people of the tour or programme the schedule belongs to
                announcer = next((c for c in current if not c.location), None) or (current[0] if current else None)
                mt = MeetingDraft("meeting", (s, e), section=section, subjectless=True)
                mt.orgs.extend(dict.fromkeys(x.key for x in st.mentions_in(s, e)))
                mt.announced_by = announcer
                mt.sentences.append(sent)
                meets.append(mt)
                continue
            if how == "schedule":
                group_id += 1
                announcer = next((c for c in current if not c.location), None) or (current[0] if current else None)
                line_visits = []
                for spot in dict.fromkeys(x.key for x in st.mentions_in(s, e)
                                          if x.kind in ("Municipality", "Place")):
                    mt = MeetingDraft("visit", (s, e), location=spot, group=group_id, section=section,
                                      subjectless=True)
                    mt.orgs.append(spot)
                    mt.announced_by = announcer
                    mt.sentences.append(sent)
                    meets.append(mt)
                    line_visits.append(mt)
                if idx - 1 not in schedule_units and idx + 1 not in schedule_units:
                    current = line_visits  # a lone dated line: the report goes on about these visits
                continue  # each line its own visit; a list of them leaves the text with what it followed
            if minutes is not None and kind == "visit" and _VISITS_THE_BOARD_RE.match(low, e):
                attached.append(minutes)  # "X besökte arbetsutskottet": X came to the minuted meeting
                continue
            loc = location_after(st, e, sent.end)
            clause = item
            if loc is None and clause is not None:
                loc = trailing_place(st, sent.start, sent.end)
                if loc is not None:  # "Möte med X – Falun": where, no one who takes part
                    clause = (clause[0], min(clause[1], loc.prov.span.start))
            if how == "tour":
                dests = [m for m in st.mentions_in(s, sent.end) if m.kind == "Municipality"]
                if dests:
                    group_id += 1
                    # "X reste till länet för att besöka några kommuner. Y stod först på tur.": the trip
                    # the text follows brings its people to each stop
                    trip = _announced_trip(low, current) or _trip_going_on(low, current, sent.start, sent.end) \
                        or _tour_umbrella(st, low, meets)
                    for d in dict.fromkeys(m.key for m in dests):
                        same = _visit_at(st, meets, d, sent)
                        if same is not None:
                            reused.append(same)
                            continue
                        # (no trip the text follows: the stop is the programme's, whose one visitor makes it)
                        mt = MeetingDraft("visit", (s, e), location=d, group=group_id, section=section,
                                          subjectless=trip is None)
                        mt.orgs.append(d)
                        mt.announced_by = trip
                        meets.append(mt)
                        created.append(mt)
                    continue
                how = "new"
            count = lx.COUNT_RE.search(low[max(sent.start, s - 20):s])
            if series:
                if how == "ana" and _ALL_VISITS_RE.fullmatch(low, s, e):
                    attached.extend(series)  # "Syftet med besöken är ...": what every visit of the series is for
                continue  # ("... är att träffa representanter för ...": what the visits are for, no meeting of its own)
            if how == "ana" and current:
                if loc is not None and len(current) == 1 and current[0].location is None \
                        and (_HELD_AT_RE.match(low, e)
                             or (low[s:e] in _GENERIC_WORDS and loc.kind in ("Municipality", "Place")
                                 and _RIGHT_AFTER_RE.fullmatch(low, e, loc.prov.span.start))):
                    # "Mötet ägde rum på X", "Vid mötet i Båstad ...": the place the text states for it
                    current[0].location = loc.key
                attached.extend(current)
                continue
            compatible = kind == "meeting" or current and current[0].kind in (kind, "meeting") or \
                (current and {kind, current[0].kind} <= {"visit", "digital_meeting"}) or \
                (kind == "visit" and loc is None and bool(_GUEST_BEFORE_RE.search(low, max(sent.start, s - 40), s)))
            if how == "new" and current and _NTH_TIME_RE.search(low, sent.start, s):
                if loc is not None and len(current) == 1 and current[0].location is None:
                    current[0].location = loc.key  # "... träffade X hos Kommunförbundet": where it was held
                attached.extend(current)
                continue
            if how == "new" and kind == "visit" and loc is None and current and current[0].kind != "visit" \
                    and low.startswith("besök", s) and _BY_GUEST_RE.match(low, e):
                attached.extend(current)  # "med ett besök av ministern": the guest came to the current event
                continue
            if how == "new" and kind == "visit" and len(current) == 1 and current[0].kind == "visit" \
                    and _INCLUDED_IN_RE.search(low, max(sent.start, s - 50), s):
                # "I besöket ingick också studiebesök på X": a site of the visit, no visit of its own
                attached.extend(current)
                current[0].sites.add(sent.start)
                continue
            again = _same_word(meets, low, s, e)
            # (not one of another day, nor, but for visits (the sites of one), a second the text introduces with an
            # indefinite article as it did the first: "ett seminarium måndagen 3 juni ... ämnet för ett seminarium
            # tisdagen den 4 juni" are two; "för studiebesök och rundabordssamtal ... i ett rundabordssamtal" one)
            if again is not None and how == "new" and not _other_day(st, again, here_days) \
                    and not (kind != "visit" and _introduced(low, s) and _introduced(low, again.trigger[0])):
                attached.append(again)  # "länsdialogen" named twice: one event
                if loc is not None and again.location is None and _HELD_AT_RE.match(low, e):
                    # "Vårt jubileumsmöte kommer att vara i X, under värdskap av Y": where it is held, and a
                    # sentence that tells the event as its first did
                    again.location = loc.key
                    again.trigger_sents.add(sent.start)
                continue
            # "Eftermiddagen avrundades med ett samtal med X": the programme's next item, another meeting (at a place of
            # its own, which the text may not say)
            next_item = bool(_PROGRAMME_LEAD_RE.fullmatch(low, sent.start, s))
            second = bool(_AFTER_EVENT_RE.search(low, sent.start, sent.end)) or bool(
                lx.NEXT_EVENT_RE.search(low, sent.start, sent.end)) or next_item or (
                bool(_PART_OF_DAY_RE.match(low, sent.start)) and bool(current) and kind != current[0].kind
                and kind == "meeting" and (low[s:e] not in _GENERIC_WORDS
                                           or _INDEFINITE_BEFORE_RE.search(low, max(0, s - 25), s) is not None))
            # "Den 14 mars träffade hon även ...": a meeting word with a day of its own, not the current
            # meeting's day, is another meeting
            other_day = any(_other_day(st, c, here_days) for c in current)
            # "Ministern besöker på tisdagen även X": one more visit of the programme, not the current one
            # (or "hinner hon även avlägga visit i X")
            also = kind == "visit" and (low[s:e] in _VISIT_VERBS and _ALSO_AFTER_RE.match(low, e) is not None
                                        or _ALSO_PAID_RE.search(low, max(0, s - 30), s) is not None)
            # "Därefter besöktes X" in a municipality's visit: a site of the programme, not a visit of its own (one
            # visit per municipality, as annotators of real pages take a minister's day)
            # (or a site the text does not name as a body: "Som avslutning besökte sällskapet kvarnen")
            site = kind == "visit" and len(current) == 1 and current[0].kind == "visit" \
                and (current[0].location is None or st.cls_of(current[0].location) == "Municipality") \
                and (loc.kind in ("Place", "Company", "Organization") if loc is not None else next_item) \
                and not count and not other_day \
                and (next_item or _PASSIVE_VISIT_RE.match(low, s) is not None
                     or _ENDED_AT_RE.match(low, e) is not None
                     or low.startswith("företagsbesök", s)) \
                and not any(m.kind == "Municipality" and m.key != current[0].location
                            for m in st.mentions_in(e, sent.end))  # (not "X i Y kommun", another municipality)
            if site:
                attached.extend(current)
                current[0].trigger_sents.add(sent.start)
                current[0].sites.add(sent.start)
                continue
            if current and not created and (loc is None or loc.key in {c.location for c in current}) \
                    and compatible and not count and not second and not other_day and not also \
                    and not (kind == "digital_meeting" and current[0].kind != kind and loc is not None):
                attached.extend(current)
                if kind == "visit" and _PASSIVE_VISIT_RE.match(low, s):
                    # "Under dagen besöktes företaget X": what the visit went on to see took part in it
                    for c in current:
                        c.trigger_sents.add(sent.start)
                continue
            # "Landshövdingar i möte med ministern ... Den 15 februari besökte ministern X för ett möte med
            # landshövdingarna": the meeting the text follows, told again with its place
            if len(current) == 1 and not created and loc is not None and current[0].location is None \
                    and current[0].kind == kind == "meeting" and not current[0].named and not count \
                    and not second and not other_day and how == "new" and current[0].group < 0 \
                    and (low.startswith("besök", s)  # the visit verb of "besökte X för ett möte"
                         or _GATHERING_VERB_RE.search(low, s, e)):  # "samlades på X": where it gathered
                current[0].location = loc.key
                attached.extend(current)
                continue
            if created and not _IN_CONNECTION_RE.search(low, max(sent.start, s - 40), s) \
                    and not (day_item and _ITEM_SEP_RE.search(low, created[-1].trigger[1], s)):
                if kind == "digital_meeting":
                    for c in created:
                        if c.kind == "meeting":
                            c.kind = kind  # "träffade ... i ett digitalt möte": that meeting was held online
                continue
            if kind == "visit" and (loc is None or loc.kind in ("County", "Region")) \
                    and _GENERIC_OBJECT_RE.match(low, e):
                continue  # "ska besöka länets samtliga kommuner", "samtliga kommuner i X län": the plan, not a visit
            if loc is not None and kind in ("visit", "meeting"):
                caption = layout == "caption" or _caption_like(st, sent, s)
                same = (_visit_at(st, meets, loc.key, sent) or _told_as_meeting(st, low, meets, loc.key, sent)
                        or (None if caption else _visit_to_its_county(st, meets, loc.key, sent))) \
                    if kind == "visit" else _met_again(st, meets, loc.key, sent)
                if same is not None:
                    attached.append(same)  # "Region X besökte på torsdagen Y kommun": the visit reported
                    revisited.append(same)
                    current = [same]  # ("... för att träffa Z": the rest of the sentence is of that visit too)
                    continue
            if kind == "visit" and loc is not None and not count and _sites_of_stops(st, current, e, sent.end):
                continue  # "företagsbesök på X i A och Y i B": sites of the stops A and B, no visit of their own
            n = lx.COUNTS[count["n"]] if count else 1
            group_id += 1
            subjectless = bool(_SUBJECTLESS_RE.match(text[sent.start:s])
                               or _PROGRAMME_SAYS_RE.match(low, sent.start, s)) or (
                verb_first and (day_item or not st.mentions_in(sent.start, sent.start + 4)))
            places = _coordinated(st, loc, sent.end) if loc is not None else [None]
            for place in places:
                for _ in range(n):
                    mt = MeetingDraft(kind, (s, e), location=place.key if place else None,
                               group=group_id if len(places) > 1 or n > 1 else -1, section=section,
                               subjectless=subjectless, counted=n > 1, clause=clause)
                    if second and current and not next_item:
                        mt.same_place_as = current[0]
                    if kind == "visit" and place is not None:
                        mt.announced_by = _trip_going_on(low, current, sent.start, sent.end)
                    if current and (next_item or (kind == "visit" and _PASSIVE_VISIT_RE.match(low, s))):
                        # "Dagen slutade med ett besök hos X", "Sedan besöktes också X": the visitors go on
                        mt.follows = current[0]
                    meets.append(mt)
                    created.append(mt)
                    if how == "ana" and (layout == "caption" or _caption_like(st, sent, s)):
                        caption_refs.append(mt)  # "i samband med mötet": a meeting the text goes on to report
        _meeting_word_of_the_named(low, meets, created)
        non_named = [c for c in created if not c.named]
        tour = non_named + [r for r in dict.fromkeys(reused) if r not in non_named]
        onward = prefilter.search(lx.ONWARD_RE, low, sent.start, sent.end) is not None
        # (not "Nästa styrelsemöte är den 7 februari": the next of the series is named, the text stays here)
        named_here = [c for c in created + attached if c.named and not c.named.endswith("nästa")]
        if named_here and not non_named:
            current = named_here[:1]  # "ett lärorikt möte" after "SmåKoms höstmöte" is that meeting
            for c in named_here:
                c.trigger_sents.add(sent.start)
        if non_named:
            attached = [a for a in attached if a.named]  # the sentence is about the new meeting
            if all(c.counted for c in non_named):
                pass  # "två seminarier har hållits": a summary of past events, not the one the text follows
            elif current and lx.NEXT_EVENT_RE.search(low, sent.start, sent.end):
                pass  # "till ett kommande möte bjuda in ...": the next meeting is named, the text stays here
            elif current and not current[0].named and any(x.block == sent.block for x in current[0].sentences) \
                    and not (all(c.group >= 0 and c.kind == "visit" for c in current + non_named)):
                announced.extend(non_named)  # "... och efter lunch blev det studiebesök hos X": named, followed later
            # "På eftermiddagen skulle man vidare till Ljusdal": the next stop is named, the text stays here
            elif onward and current and current[0].kind == "visit" and current[0].location \
                    and all(c.kind == "visit" and c.location != current[0].location for c in tour):
                pass
            # a tour that continues ("åkte vi sedan till ...") joins the visits already made
            elif current and all(c.group >= 0 and c.kind == "visit" for c in current) and \
                    all(c.kind == "visit" and c.group >= 0 for c in non_named) \
                    and current[0].group != non_named[0].group:
                for c in current:  # "Därefter åkte vi, A och B, till X och Y": who travels made the stops before too
                    if not members.has(c.sentences, sent):
                        c.sentences.append(sent)
                current = current + non_named
            else:
                current = tour
            for c in non_named:
                for p in pending:
                    # before a tour of several stops, a sentence belongs to the stop it names
                    if not members.has(c.sentences, p) and (len(tour) < 2 or _names(st, p, c.location)):
                        c.sentences.append(p)
            pending = []
        for c in created:
            c.sentences.append(sent)
        if reused and not non_named:
            current = tour  # every stop of the tour had been reported already
        if revisited and not created and not reused:
            current = revisited  # the text now follows the visit it had announced
        for a in dict.fromkeys(attached + reused):
            if not members.has(a.sentences, sent):
                a.sentences.append(sent)
        if series:
            current = series  # what the text goes on to say of the visits is said of them all
        if not created and not attached:
            back = _turns_back(st, meets, current, sent) if current else None
            if back is not None:
                current = [back]  # "X, kommunchef i Strömstads kommun, ...": the text is back at that visit
            if current:
                for c in current:
                    c.sentences.append(sent)
                if len(current) == 1 and _IT_IS_HELD_RE.match(low, sent.start):
                    current[0].trigger_sents.add(sent.start)  # "Den hålls den 2 oktober på X": its day and place
            else:
                pending.append(sent)
    meets = _fold_caption_references(st, meets, caption_refs)
    first_trigger: dict[int, int] = {}  # id of a block -> the first meeting word in it
    for o in meets:
        blk = st.block_at(o.trigger[0])
        if blk is not None:
            first_trigger[id(blk)] = min(first_trigger.get(id(blk), o.trigger[0]), o.trigger[0])
    block_sentences: dict[int, list[Sentence]] = {}
    for x in st.sentences:
        block_sentences.setdefault(x.block, []).append(x)
    for mt in meets:
        # the sentences before a meeting's word in its own paragraph are about it too, unless the programme
        # moves on there ("Dagen avslutades med ...": what came before was the day's earlier part)
        first = next((x for x in mt.sentences if x.start <= mt.trigger[0] < x.end), None)
        if first and not first_trigger.get(id(st.blocks[first.block]), mt.trigger[0]) < mt.trigger[0] \
                and not _PROGRAMME_LEAD_RE.fullmatch(low, first.start, mt.trigger[0]):
            have = set(mt.sentences)
            for x in block_sentences.get(first.block, []):
                if x.start < first.start and x not in have:
                    mt.sentences.append(x)
                    have.add(x)
        mt.sentences.sort(key=lambda x: x.start)
        if mt.kind == "meeting" and _board_gathered(low, mt):
            mt.kind = "board_meeting"
    return meets


# a board or an assembly that gathers, as the meeting's own sentence says: "Styrelsen sammanträdde ...",
# "samlades Exempelförbundets fullmäktige till sitt första möte"
_BOARD_NOUN = r"[a-zåäö]*(?:fullmäktige|styrelsen|direktionen|nämnden)"
_GATHERED = r"(?:samlades|sammanträdde|sammanträder|träffades|möttes)"
# (or one of the board's series of meetings: "Årets andra möte med förbundsdirektionen")
_BOARD_GATHERED_RE = re.compile(rf"\b{_BOARD_NOUN}[ \t]+{_GATHERED}\b"
                                rf"|\b{_GATHERED}[ \t]+(?:[a-zåäö-]+[ \t]+){{0,3}}?{_BOARD_NOUN}\b"
                                r"|\b(?:årets|första|andra|tredje|fjärde|femte|sjätte|sista)[ \t]+möte(?:t)?[ \t]+"
                                rf"(?:med|i)[ \t]+{_BOARD_NOUN}\b")


def _board_gathered(low: str, mt: MeetingDraft) -> bool:
    """Does the meeting word's own sentence say a board or an assembly gathered: its meeting, a board's?"""
    sent = next((x for x in mt.sentences if x.start <= mt.trigger[0] < x.end), None)
    return sent is not None and _BOARD_GATHERED_RE.search(low, sent.start, sent.end) is not None

