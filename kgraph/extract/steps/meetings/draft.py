"""What the three meeting stages pass on: the segmentation of the body, and a
draft of each meeting (mutable while it is assembled and filled)."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from .... import prefilter
from ....models import Mention, Provenance
from ....text import Sentence
from ... import lexicon as lx
from ...state import PARTICIPANT_ORGS, DocState

# (start, end, kind, how): a meeting word, its kind and how it refers (see lexicon.MEETING_WORDS)
Trigger = tuple[int, int, str, str]


@dataclass(eq=False)
class MeetingDraft:
    """One meeting while it is assembled: its word, kind, the sentences about it,
    and what filling finds in them."""

    kind: str
    trigger: tuple[int, int]
    named: str | None = None  # a named recurring event ("höstmöte2023"): one per document
    sentences: list[Sentence] = field(default_factory=list)
    location: str | None = None
    date: dt.date | None = None
    persons: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    group: int = -1  # meetings made together (a tour, "två möten", coordinated places) share a group
    status: str = "held"
    section: int = 0
    subjectless: bool = False  # a programme item ("09.00 Möte med ...")
    counted: bool = False  # one of a counted series ("två seminarier")
    trigger_sents: set[int] = field(default_factory=set)  # starts of other sentences that name it
    sites: set[int] = field(default_factory=set)  # starts of sentences that name a site its programme went on to
    elsewhere: set[str] = field(default_factory=set)  # bodies the text places at another stop of its tour
    same_place_as: MeetingDraft | None = None  # "efter mötet ...": held where that meeting was
    postponed: bool = False  # called off with a new date to come: planned, undated
    follows: MeetingDraft | None = None  # the visit whose programme goes on with this ("Dagen avslutades med")
    announced_by: MeetingDraft | None = None  # a schedule line: the tour that announced it brings its people
    clause: tuple[int, int] | None = None  # its item of a calendar's day, where its sentence lists several
    # what states a participant or the place where no sentence of the meeting names it (an attendance
    # list, a "Plats:" line, an inference): key -> the span, the rule and its confidence; a topic that no
    # sentence of the meeting names (an item on the agenda of minutes) as "topic/<id>"
    why: dict[str, Provenance] = field(default_factory=dict)

    def because(self, key: str, prov: Provenance) -> None:
        """Remember the first span that backs ``key`` (a participant or the place)."""
        self.why.setdefault(key, prov)

    def told_in(self, sent: Sentence) -> bool:
        """Does ``sent`` tell this meeting: the sentence of its word, or one that names it again?"""
        return sent.start <= self.trigger[0] < sent.end or sent.start in self.trigger_sents


def governors_page(st: DocState) -> bool:
    """Is the text a county governor's own page ("Landshövdingens kalender")? Read once per document."""
    return st.memo(("governor's page",), lambda: lx.governors_page(st.doc.text))


@dataclass
class Unit:
    """A body sentence with its section and the meeting words in it."""

    sentence: Sentence
    section: int
    hits: list[Trigger]
    kind: str = "body"  # its layout kind: body, quote, bullet, caption, programme


@dataclass
class Segmentation:
    """The body of a document as the meeting stages see it."""

    units: list[Unit] = field(default_factory=list)
    section_heads: dict[int, str] = field(default_factory=dict)  # section -> its heading
    section_dates: dict[int, dt.date] = field(default_factory=dict)  # "Måndag 17 februari" heads that day
    trigger_headings: set[int] = field(default_factory=set)  # sections whose heading names a meeting
    day_sections: set[int] = field(default_factory=set)  # a calendar's days ("4 november"), two or more
    minutes: MeetingDraft | None = None  # the board meeting a protocol records


# the meeting words' keys found in one Aho-Corasick pass (a third of the time of a scan by an expression of
# them): every occurrence, where the expression finds the first of overlapping ones; the word starts tried
# are the same, since overlapping keys lie in one word
_KEYS_AUTO = prefilter.length_automaton(lx.MEETING_KEYS)


def _all_triggers(text_low: str) -> tuple[list[int], list[Trigger]]:
    out: list[Trigger] = []
    words = lx.MEETING_WORDS
    tried = -1
    last_key, last_word_start = -1, -1
    for last, size in _KEYS_AUTO.iter(text_low):  # every key, overlapping ones too
        key_start = start = last - size + 1
        # a meeting word starts a word: try the pattern there, once per word. The walk back to the
        # word's start stops at the previous key (inside the same word it has the same start), so
        # each character is walked once however long the word
        while start > 0 and (text_low[start - 1].isalnum() or text_low[start - 1] == "_"):
            if start == last_key:
                start = last_word_start
                break
            start -= 1
        last_key, last_word_start = key_start, start
        if start <= tried:
            continue
        tried = start
        m = lx.MEETING_RE.match(text_low, start)
        if m:
            # the alternative that matched: group g<i> encloses any groups of its own, so it closes last
            _, kind, how = words[int((m.lastgroup or "g0")[1:])]
            out.append((m.start(), m.end(), kind, how))
    return [t[0] for t in out], out


_last: list[tuple[str, tuple[list[int], list[Trigger]]]] = []


def trigger_hits(text_low: str, start: int, end: int) -> list[Trigger]:
    """The meeting words in [start, end) of a lower-cased text (one pass over the text, then looked up)."""
    if not _last or (_last[0][0] is not text_low and _last[0][0] != text_low):
        _last[:] = [(text_low, _all_triggers(text_low))]
    starts, hits = _last[0][1]
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(hits) and hits[i][0] < end:
        if hits[i][1] <= end:
            out.append(hits[i])
        i += 1
    return out


# the lead-in of a list of who takes part, then its entries up to the line: "Medverkande under mötet:"
_ATTENDANCE_LIST_RE = re.compile(r"(?im)^[^\n:]{0,40}\b(?:närvarande|deltagare|deltar|medverkande|på plats)\b"
                                 r"[^\n:]{0,30}:[ \t]*\n(?:[ \t]*\n|[ \t•*–-]*[A-ZÅÄÖ][^\n]{0,100}\n)*\Z")
# how the lead-in ends its line: a window without it needs no search (this is asked of every sentence)
_LEAD_IN_END_RE = re.compile(r":[ \t]*\n")


def attendance_list_line(text: str, start: int) -> bool:
    """Is the line at ``start`` an entry of a list that a lead-in of attendance opens, every line
    between them an entry (or blank)?"""
    window = text[max(0, start - 1500):start]
    return _LEAD_IN_END_RE.search(window) is not None and _ATTENDANCE_LIST_RE.search(window) is not None


def line_from(text: str, start: int) -> tuple[int, int]:
    """The rest of the line that ``start`` is on: (start, where the line ends)."""
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


# (the place's common noun before its name: "i grannkommunen Vara", "besöka staden X")
_PLACE_NOUN = r"(?:(?:grann|hem|medlems|värd)?(?:kommunen|staden|orten|tätorten)\s+)"
# (or the body's kind before its name: "besök hos företagsutvecklaren X")
_LOCATION_AFTER_RE = re.compile(rf"[^.!?\n]{{0,70}}?\b(?:(?:i|på|till|vid)\s+{_PLACE_NOUN}?|"
                                r"hos\s+(?:[a-zåäö]{4,}(?:en|et)\s+)?)(?=[A-ZÅÄÖ])")
_TOPIC_BETWEEN_RE = re.compile(r"\b(?:om|kring|angående|gällande)\s")
# "ordförande i LRF", "ledamot i styrelsen": an office, not where the meeting is
# (and "landshövding i Kalmar län", "kommunalråd i Vara", "näringslivschef på regionen")
_OFFICE_BEFORE_RE = re.compile(r"\b(?:ordförande|ordföranden|ledamot|ledamöter|ledamöterna|[a-zåäö]*chef|chefer|"
                               r"[a-zåäö]*direktör|ansvarig|medlem|medlemmar|anställd|anställda|verksam|företrädare|"
                               r"representanter?|landshövding|landshövdingen|(?:kommunal|region|läns|oppositions)råd"
                               r"(?:et)?|rektor|sekreterare|samordnare|strateg|handläggare)"
                               r"\s+(?:i|på|hos|vid)\s+$", re.IGNORECASE)
# "besökte Bollnäs kommun", "besöker under dagen Länsstyrelsen i X län": the visited place as object
# and a visit noun of a programme item right before its place: "09.00 Företagsbesök Norrvik Trä"
_VISIT_VERB_RE = re.compile(r"(?:besök(?:te|er|a|t|s|tes|ts)|gästa(?:de|r)|"
                            rf"(?<![\wåäö]){lx.PLACE_VISIT_NOUN})$")
_OBJECT_GAP_RE = re.compile(r"(?:\s+(?:under|på|i|nu|först|både|även|också|sedan)"
                            r"(?:\s+(?:dagen|förmiddagen|eftermiddagen|veckan|[a-zåäö]+dagen))?)*\s+"
                            r"(?:(?:grann|hem|medlems|värd)?(?:kommunen|staden|orten|tätorten)\s+(?=[A-ZÅÄÖ]))?")


def location_after(st: DocState, pos: int, limit: int) -> Mention | None:
    """The place named right after a meeting word: "besök i Kungsbacka", "på Länsstyrelsen i Halland",
    or the object of a visiting verb ("besökte Bollnäs kommun")."""
    text = st.doc.text
    if _VISIT_VERB_RE.search(text[max(0, pos - 16):pos].lower()):
        place = visited_object(st, pos, limit)
        if place is not None:
            return place
    start = pos
    while True:
        m = _LOCATION_AFTER_RE.match(text, start)
        if not m or m.end() > limit or _TOPIC_BETWEEN_RE.search(text, pos, m.end()):
            return None  # "ett samtal om vägarna i Exempelland": where the subject is, not where they talk
        if not _OFFICE_BEFORE_RE.search(text, max(pos, m.end() - 40), m.end()):
            return _place_at(st, m.end())
        start = m.end()


# "Möte med Viltförvaltningsdelegationen – Falun.": a calendar item's place closes its line after a dash
_TRAILING_PLACE_RE = re.compile(r"[ \t]+[–-][ \t]+(?=[A-ZÅÄÖ])")


def trailing_place(st: DocState, start: int, end: int) -> Mention | None:
    """The place a calendar item's line ends with after a dash ("... – Falun", "... - Stockholm.")."""
    text = st.doc.text
    stop = len(text[start:end].rstrip(" \t.\n"))
    dashes = [d.end() for d in _TRAILING_PLACE_RE.finditer(text, start, end)]
    if not dashes:
        return None
    place = _place_at(st, dashes[-1])
    return place if place is not None and place.prov.span.end == start + stop else None


def visited_object(st: DocState, pos: int, limit: int) -> Mention | None:
    """The object of a visiting verb that ends at ``pos``: "besökte Bollnäs kommun", and in
    verb-second order after the subject, "besöker civilminister Anna Berg Länsstyrelsen i X län"."""
    text = st.doc.text
    gap = _OBJECT_GAP_RE.match(text, pos)
    at = gap.end() if gap else pos
    if at >= limit:
        return None
    place = _place_at(st, at)
    if place is not None:
        return place
    # "besöktes Exempelby Kulturreservat Storgården": unknown capitalised words before the named place
    pos_run = at
    for _ in range(3):
        word = _CAPITALISED_WORD_RE.match(text, pos_run, limit)
        if word is None or any(x.kind == "Person" for x in st.mentions_in(pos_run, word.end())):
            break
        pos_run = word.end()
        place = _place_at(st, pos_run)
        if place is not None:
            return place if place.kind == "Place" else None
    # the subject after the verb: a title ("landshövdingen"), a name, or both; or a body's group ("besöker
    # SmåKoms arbetsutskott riksdagen")
    subject = _SUBJECT_RE.match(text, at)
    end = subject.end() if subject else at
    if subject and _TITLE_OF_RE.search(subject.group()):
        # "besökte landshövdingen för Västra Exempellands län Anna Berg X kommun": the title's county, then the name
        area = next((x for x in st.mentions_in(end, end + 1) if x.kind in ("County", "Region", "Municipality")), None)
        if area is not None and (after := _NAME_GAP_RE.match(text, area.prov.span.end)) is not None \
                and any(x.kind == "Person" for x in st.mentions_in(after.end(), after.end() + 1)):
            end = after.end()
    person = next((x for x in st.mentions_in(end, end + 1) if x.kind == "Person"), None)
    group = _GROUP_SUBJECT_RE.match(text, at) if person is None and end == at and any(
        x.attrs.get("genitive") for x in st.mentions_in(at, at + 1)) else None
    if person is not None:
        end = person.prov.span.end
    elif group is not None:
        end = group.end()
    elif end == at:
        return None
    gap = _OBJECT_GAP_RE.match(text, end)
    at = gap.end() if gap else end
    return _place_at(st, at) if at < limit else None


_TITLE_OF_RE = re.compile(r"\s(?:för|i)\s+\Z")  # the subject's title goes on with its area: "landshövdingen för "
_NAME_GAP_RE = re.compile(r"[ \t]+")
_CAPITALISED_WORD_RE = re.compile(r"[A-ZÅÄÖ][\wåäö-]*[ \t]+")
# lower-case words before a name: titles ("landshövdingen", "klimat- och miljöminister")
_SUBJECT_RE = re.compile(r"(?:[a-zåäö-]+\s+(?:och\s+)?){0,2}")
# a body's group as the subject: "SmåKoms arbetsutskott", "Regionens ledning", "Exempelförbundets styrelse"
_GROUP_SUBJECT_RE = re.compile(r"[^\s]+?(?::s|s)[ \t]+(?:arbetsutskott|styrelse|ledning|presidium|delegation|"
                               r"ledningsgrupp|ledamöter|representanter)(?:en|et)?(?=[ \t])")


def _place_at(st: DocState, pos: int) -> Mention | None:
    for x in st.mentions_in(pos, pos + 1):
        if x.kind in PARTICIPANT_ORGS | {"Place", "County"} and not x.attrs.get("genitive") \
                and x.kind != "PoliticalParty":
            return x
    return None
