"""Meeting stage 1, segmentation: the body sentences (no headings, no contact
blocks) in their sections with the meeting words each holds; section headings
that date a section ("Måndag 17 februari") or name a meeting; and the board
meeting that a protocol records of itself.

Boilerplate (CMS and distributor lines) and contact blocks are no part of any
meeting; photo captions are marked, for assembly to place them.

Reads ``doc``, ``blocks``, ``sentences``, ``kinds``, ``mentions``, ``attendance``, ``minuted_body``,
``people``, ``info``, ``dates``, ``date_span``,
``published``, ``publisher``; returns a :class:`Segmentation`.
"""
from __future__ import annotations

import datetime as dt
import re

from .... import prefilter
from ....models import Mention, Provenance
from ....text import PROGRAMME_RE, Sentence, at_sentence_start
from ... import lexicon as lx
from ...dates import MONTH_NAMES_ALT, MONTHS, WEEKDAYS
from ...state import PARTICIPANT_ORGS, DocState
from ..attendance import present
from .draft import MeetingDraft, Segmentation, Trigger, Unit, attendance_list_line, line_from, trigger_hits

_DATELINE_RE = re.compile(r"\s*(?:publicerad|publicerat|uppdaterad|senast|datum|pressmeddelande|nyhet)\b",
                          re.IGNORECASE)


def _in_parentheses(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a parenthesis opened in the sentence at ``start``? An aside ("(frågan var uppe
    på rådets möte den 12 februari)") recalls another meeting; it reports none."""
    opened = text.rfind("(", start, pos)
    return opened >= 0 and text.find(")", opened, pos) < 0


# in a tour's report (lx.TOUR_TEXT_RE), a sentence that opens with the place of one stop and what was done there
# ("I Ljusdal handlade samtalen om ...", "I Hudiksvall diskuterades ...")
_FRONTED_STOP_RE = re.compile(r"\s*(?:i|vid besöket i|under besöket i)\s+(?P<m>[\wåäö-]+)\s+"
                              r"(?:diskuterades|handlade|togs|berördes|lyftes|samtalade|pratade|presenterades|"
                              r"visades|fick|träffade)\b")


# "Tisdag 6 november", "Onsdagen den 14/11", "4 november", "12-13 oktober": a heading that is a day; a text
# under two or more of them is a calendar ("Landshövdingens kalender"), each day's section its own events
# (a day and its month without a weekday, "12-13 oktober": the first day in "d", the month in "m")
_DAY_MONTH = rf"(?P<d>\d{{1,2}})(?:[ \t]*[–-][ \t]*\d{{1,2}})?[ \t]+(?P<m>{MONTH_NAMES_ALT})"
_DAY_HEADING_RE = re.compile(rf"\s*(?:(?:{'|'.join(WEEKDAYS)})(?:en)?[ \t]+(?:den[ \t]+)?\d{{1,2}}"
                             rf"(?:[ \t]+(?:{MONTH_NAMES_ALT})|/\d{{1,2}})"
                             rf"|{_DAY_MONTH})"
                             rf"(?:[ \t]+\d{{4}})?[ \t:.]*\Z", re.IGNORECASE)


def _day_headings(st: DocState) -> set[int]:
    """The heading sentences (their starts) that are days, when the text has two or more of them."""
    days = {sent.start for sent, kind in zip(st.sentences, st.kinds, strict=True)
            if st.blocks[sent.block].heading and kind != "boilerplate"
            and _DAY_HEADING_RE.match(st.doc.text, sent.start, sent.end)}
    return days if len(days) >= 2 else set()


# the heading of a meeting's programme, alone on its line
_PROGRAMME_HEAD_RE = re.compile(r"^[ \t]*(?:[Pp]rogram(?:met)?|PROGRAM)[ \t]*:?[ \t]*$", re.MULTILINE)
# a calendar's month: "November 2021" alone on its line
_MONTH_HEADING_RE = re.compile(rf"\s*(?:{MONTH_NAMES_ALT})[ \t]+(?P<y>(?:19|20)\d\d)[ \t]*\Z", re.IGNORECASE)
_DAY_MONTH_RE = re.compile(rf"{_DAY_MONTH}\b", re.IGNORECASE)


def _day_in_year(heading: str, year: int) -> dt.date | None:
    """The (first) day a calendar's day heading names ("4 november", "12-13 oktober"), in ``year``."""
    m = _DAY_MONTH_RE.search(heading)
    if m is None:
        return None
    try:
        return dt.date(year, MONTHS[m["m"].lower()], int(m["d"]))
    except ValueError:
        return None


def _meeting_units(st: DocState, seg: Segmentation, low: str) -> list[Unit]:
    """Body sentences (no headings, no contact blocks) with their section and meeting words. Under a
    calendar's day, a line that names a meeting ("MSB chefsmöte – digitalt") is an item of that day,
    however short: no heading of a section of its own."""
    units: list[Unit] = []
    tour_text = prefilter.search(lx.TOUR_TEXT_RE, low, 0, len(low)) is not None
    section = 0
    headline: Unit | None = None  # the first heading that names a meeting
    days = _day_headings(st)
    calendar_year: int | None = None
    programme = _PROGRAMME_HEAD_RE.search(st.doc.text)  # "Program" on its line: the speakers' entries follow
    for i, (sent, kind) in enumerate(zip(st.sentences, st.kinds, strict=True)):
        blk = st.blocks[sent.block]
        bodies = _schedule_bodies(st, st.sentences[i - 1], sent) if i and kind in ("body", "roster") else None
        if bodies is not None:
            units.append(Unit(sent, section, [bodies], "body"))  # "25 oktober" / "Region A, Region B och Region C"
            continue
        if blk.heading and kind != "boilerplate" and section in seg.day_sections and sent.start not in days \
                and any(h[3] == "new" for h in trigger_hits(low, sent.start, sent.end)):
            kind = "body"
        elif blk.heading and kind != "boilerplate":
            if st.date_span and sent.start <= st.date_span[0] < sent.end and section > 0 \
                    and not trigger_hits(low, sent.start, sent.end):
                continue  # "Styrelse / 1 oktober 2025": the dateline under the title opens no section
            section += 1
            seg.section_heads[section] = st.doc.text[sent.start:sent.end]
            month = _MONTH_HEADING_RE.match(st.doc.text, sent.start, sent.end)
            if month:
                calendar_year = int(month["y"])  # "November 2021": the year of the calendar's days below it
            if sent.start in days:
                seg.day_sections.add(section)
            ds = [d for d in st.dates_in(sent.start, sent.end) if d.value]
            if ds and ds[0].value and not _DATELINE_RE.match(st.text_of(sent)) and not (
                    st.date_span and sent.start <= st.date_span[0] < sent.end):
                seg.section_dates[section] = ds[0].value  # "Måndag 17 februari" heads that day's programme
            elif sent.start in days and calendar_year is not None:
                day = _day_in_year(st.doc.text[sent.start:sent.end], calendar_year)
                if day is not None:
                    seg.section_dates[section] = day  # "4 november" under "November 2021"
            head_hits = trigger_hits(low, sent.start, sent.end)
            if head_hits:
                seg.trigger_headings.add(section)
                if headline is None and any(h[3] == "new" for h in head_hits):
                    headline = Unit(sent, section, sorted(head_hits), "heading")
            continue
        if kind == "roster" and (attendance_list_line(st.doc.text, sent.start)
                                 or programme is not None and sent.start > programme.end()):
            # "Närvarande:" then "Anna Berg, länsråd": an entry of who takes part; under the "Program" of a
            # meeting, "Anna Berg, Region X, hälsar välkommen": who speaks at it
            kind = "body"
        if kind in ("contact", "boilerplate", "heading", "roster"):
            continue  # a roster gives roles and affiliations, not participation
        hits = [h for h in trigger_hits(low, sent.start, sent.end)
                if not st.covered(h[0])
                and not _in_name(st.doc.text, h[0])
                and not _in_parentheses(st.doc.text, sent.start, h[0])]
        travel = prefilter.search(lx.TRAVEL_RE, low, sent.start, sent.end)
        if travel and not any(h[3] == "tour" for h in hits):
            dests = [m for m in st.mentions_in(travel.end(), sent.end) if m.kind == "Municipality"]
            if dests:
                hits.append((travel.start(), travel.end(), "visit", "tour"))
        stop = prefilter.search(lx.TOUR_STOP_RE, low, sent.start, sent.end)
        if stop and not any(h[3] == "tour" for h in hits) and \
                any(m.kind == "Municipality" for m in st.mentions_in(sent.start, sent.end)):
            hits.append((sent.start, stop.end(), "visit", "tour"))  # the place is before or after the words
        fronted = _FRONTED_STOP_RE.match(low, sent.start) if tour_text and not hits else None
        if fronted and any(m.kind == "Municipality" for m in st.mentions_in(fronted.start("m"), fronted.end("m"))):
            # in a tour's report, "I Ljusdal handlade samtalen om X": what the stop there was about
            hits.append((sent.start, fronted.end(), "visit", "tour"))
        hits = _one_event_per_phrase(low, sorted(hits))
        hits = [h for h in hits if not _HABITUAL_BEFORE_RE.search(low, max(sent.start, h[0] - 60), h[0])]
        hits = [_visits_several(st, h, sent.end) for h in hits]
        if not hits:
            item = _schedule_line(st, sent) or (_programme_item(st, sent) if kind == "programme" else None)
            if item is not None:
                hits.append(item)
        if kind == "caption" and units and _labels_caption(st, units[-1], sent):
            # "Tibro. I bild Anna Berg, kommunchef, ...": the place that labels the photo is the caption's
            label = units.pop().sentence
            sent = Sentence(label.start, sent.end, sent.block)
        units.append(Unit(sent, section, sorted(hits), kind))
    if headline is not None and not any(u.hits for u in units):
        # "Regionledningen besöker Härjedalen" over a text that names the visit in no other meeting word
        # ("gör en resa genom ..."): the headline says what the text reports
        units.append(headline)
        units.sort(key=lambda u: u.sentence.start)
    return units


# "har vid flera tillfällen under året besökt X", "besöker regelbundet X": visits made again and again, no one
# event the text reports
_HABITUAL_BEFORE_RE = re.compile(r"\b(?:vid\s+(?:flera|många|ett\s+flertal|upprepade)\s+tillfällen|flera\s+gånger|"
                                 r"många\s+gånger|regelbundet|återkommande)\b[^.!?]{0,40}\Z")


_OBJECT_GAP_RE = re.compile(r"(?:\s+(?:under|på|i|nu|först|både|även|också|sedan|bland annat)"
                            r"(?:\s+(?:dagen|förmiddagen|eftermiddagen|veckan|[a-zåäö]+dagen))?)*\s+$")
# "besökte vi under våren tre kommuner: A, B och C": the list a noun of places introduces
_PLACES_NOUN_GAP_RE = re.compile(r"(?:\s+[\wåäö]+){0,6}?\s+[a-zåäö]*(?:kommuner|kommunerna|orter|orterna)\s*:?\s+$")
_LIST_GAP_RE = re.compile(r"^\s*(?:,|och|samt)\s*(?:(?:därefter|sedan|senare|även|också|slutligen|till sist)\s*,?\s*)?$"
                          r"|^\s*,?\s*(?:och\s+)?(?:därefter|sedan|senare|slutligen)\s+$")


# "3 september – Krokom", "Tisdag 10 september: Strömsunds kommun": a line of a tour's schedule
_SCHEDULE_LINE_RE = re.compile(
    r"\W*(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+)?(?:den\s+)?\d{1,2}(?:\s*[-–]\s*\d{1,2})?:?e?\s+"
    rf"(?:{MONTH_NAMES_ALT})"
    r"(?:\s+\d{4})?(?:,?\s+(?:kl\.?\s*)?\d{1,2}[.:]\d\d(?:\s*[-–]\s*\d{1,2}[.:]\d\d)?)?\s*[-–:,]?\s*",
    re.IGNORECASE)


def _labels_caption(st: DocState, before: Unit, caption: Sentence) -> bool:
    """Is ``before`` a name alone ("Tibro.") on the line of the photo caption that follows it?"""
    label = before.sentence
    if before.hits or before.kind != "body" or label.block != caption.block:
        return False
    names = st.mentions_in(label.start, label.end)
    return len(names) == 1 and not st.doc.text[names[0].prov.span.end:label.end].strip(" .:")


def _schedule_line(st: DocState, sent: Sentence) -> Trigger | None:
    """A dated line of a schedule that names one municipality or place: a visit of its own."""
    text = st.doc.text
    m = _SCHEDULE_LINE_RE.match(text, sent.start, sent.end)
    if not m or "\n" in text[sent.start:sent.end]:
        return None
    places = [x for x in st.mentions_in(m.end(), sent.end) if x.kind in ("Municipality", "Place")]
    if not places or places[0].prov.span.start - m.end() > 2:
        return None
    n = _chained(text, places)  # "Fredag 24 februari: Härryda och Mölndal": a visit to each
    return (m.end(), places[n - 1].prov.span.end, "visit", "schedule")


# what may stand between the bodies of a schedule's line: "Region A, Region B och Region C"
_BODIES_GAP_RE = re.compile(r"[ \t]*(?:,|och|samt|&)?[ \t]*")


def _schedule_bodies(st: DocState, day: Sentence, sent: Sentence) -> Trigger | None:
    """A line that lists bodies and nothing else, under a schedule's line that is a day alone ("25 oktober" /
    "Region A, Region B och Region C"): the day's meeting with them."""
    text = st.doc.text
    m = _SCHEDULE_LINE_RE.match(text, day.start, day.end)
    if m is None or text[m.end():day.end].strip() or "\n" in text[sent.start:sent.end].strip() \
            or text[day.end:sent.start].count("\n") != 1:
        return None
    names = st.mentions_in(sent.start, sent.end)
    if not names or any(x.kind not in PARTICIPANT_ORGS - {"PoliticalParty"} for x in names):
        return None
    at = sent.start
    for x in names:
        if x.prov.span.start < at or not _BODIES_GAP_RE.fullmatch(text, at, x.prov.span.start):
            return None
        at = x.prov.span.end
    if text[at:sent.end].strip(" \t.") or (at == sent.start):
        return None
    return (sent.start, sent.end, "meeting", "schedule_bodies")


# "14.00 Spelar boule med medlemmar i X", "10.30 Lunch hos X": a programme's item that names no meeting,
# spent with a body the line names (its members or staff first, at most)
_PROGRAMME_COMPANY_RE = re.compile(r"[^\n]{0,60}?\b(?:[Tt]illsammans med|[Mm]ed|[Hh]os)[ \t]+"
                                   r"(?:(?:[a-zåäö]+[ \t]+){0,2}(?:i|på|från|för|hos|vid)[ \t]+)?")


def _programme_item(st: DocState, sent: Sentence) -> Trigger | None:
    """A programme's item with no meeting word, spent with a body it names: an event of its own."""
    text = st.doc.text
    time = PROGRAMME_RE.match(text[sent.start:sent.end])  # (the pattern is anchored at the line's start)
    if time is None:
        return None
    m = _PROGRAMME_COMPANY_RE.match(text, sent.start + time.end(), sent.end)
    if m is None:
        return None
    names = st.mentions_in(m.end(), sent.end)
    if not names or names[0].prov.span.start != m.end() or names[0].kind not in PARTICIPANT_ORGS:
        return None
    words = text[sent.start + time.end():m.end()]
    start = m.end() - len(words.lstrip())
    return (start, start + len(words.strip()), "meeting", "new")


_NAME_BEFORE_RE = re.compile(r"[A-ZÅÄÖ][\wåäö&.-]*[ \t]+$")


def _in_name(text: str, pos: int) -> bool:
    """"Collegium Konferens & Restaurang": a capitalised meeting word after a capitalised word,
    inside a line, is part of a name."""
    return text[pos:pos + 1].isupper() and not at_sentence_start(text, pos) \
        and bool(_NAME_BEFORE_RE.search(text, max(0, pos - 40), pos))


_VERB_THEN_NOUN_RE = re.compile(r"\s+(?:vid|på|till|under|i|för)\s+(?:(?:ett|en|sitt|sin|årets|det|den|"
                                r"gemensamt|gemensam|gemensamma)\s+)?$")


# "besökte Linköpings slott för ett möte med ...": the visit's purpose is the meeting, one event
_VISIT_FOR_RE = re.compile(r"(?:\s+[\wåäö-]+){1,5}?\s+för\s+(?:ett|en)\s+(?:[\wåäö-]+\s+)?$")


def _one_event_per_phrase(low: str, hits: list[Trigger]) -> list[Trigger]:
    """"sammanträder vid årsmötet", "träffas på ett dialogmöte": the verb and the noun are one event,
    named by the noun; "besökte X för ett möte med Y": one event at X, of the noun's kind."""
    out: list[Trigger] = []
    skip = -1
    for i, h in enumerate(hits):
        if i == skip:
            continue
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and h[2] == "visit" and h[3] == "new" and low[h[0]:h[1]].startswith("besök") \
                and nxt[2] in ("meeting", "digital_meeting") and _VISIT_FOR_RE.fullmatch(low, h[1], nxt[0]):
            out.append((h[0], h[1], nxt[2], h[3]))
            skip = i + 1
            continue
        if nxt is not None and _VERB_THEN_NOUN_RE.fullmatch(low, h[1], nxt[0]) and not low[h[0]:h[1]].endswith(
                ("möte", "mötet", "besök", "besöket")):
            continue
        if out and h[2] == "visit" and low.startswith(("besöktes", "besöks"), h[0]) and out[-1][2] != "visit" \
                and _PASSIVE_GAP_RE.fullmatch(low, out[-1][1], h[0]):
            continue  # "Konferensen besöktes även av gäster från X": who came to the event, no visit of its own
        out.append(h)
    return out


_PASSIVE_GAP_RE = re.compile(r"\s+(?:också\s+|även\s+)?")


def _visits_several(st: DocState, hit: Trigger, limit: int) -> Trigger:
    """"besökte först Svedala och därefter Vellinge", "har under dagen besökt både A, B och C", "besökte
    ledningarna i tre kommuner: A, B och C",
    "får Knivsta kommun och Tierps kommun besök": a visit of several municipalities named
    together is a tour, one visit each."""
    s, e, kind, how = hit
    if kind != "visit" or how != "new":
        return hit
    text = st.doc.text
    after = [m for m in st.mentions_in(e, limit) if m.kind == "Municipality"]
    gap = " " + text[e:after[0].prov.span.start] if after else ""
    if after and (_OBJECT_GAP_RE.fullmatch(gap) or _PLACES_NOUN_GAP_RE.fullmatch(gap)) and _chained(text, after) >= 2:
        return (s, e, kind, "tour")
    sent = st.sentence_at(s)
    before = [m for m in st.mentions_in(sent.start if sent else s, s) if m.kind == "Municipality"]
    if before and re.fullmatch(r"\s*", text[before[-1].prov.span.end:s]):
        chain = _chain_back(text, before)
        first = chain[0].prov.span.start
        if len(chain) >= 2 and lx.RECEIVES_VISIT_RE.search(text[max(0, first - 6):first]):
            return (s, e, kind, "tour")
    return hit


def _chained(text: str, ms: list[Mention]) -> int:
    """How many of these mentions, from the first, are one coordinated list."""
    n = 1
    for a, b in zip(ms, ms[1:], strict=False):
        if not _LIST_GAP_RE.match(text[a.prov.span.end:b.prov.span.start]):
            break
        n += 1
    return n


def _chain_back(text: str, ms: list[Mention]) -> list[Mention]:
    """The coordinated list that ends with the last of these mentions."""
    out = [ms[-1]]
    for a in reversed(ms[:-1]):
        if not _LIST_GAP_RE.match(text[a.prov.span.end:out[0].prov.span.start]):
            break
        out.insert(0, a)
    return out


_MINUTES_DATE_RE = re.compile(r"^\s*(?:sammanträdes|mötes)?datum\s*:", re.IGNORECASE | re.MULTILINE)
_MINUTES_PLACE_RE = re.compile(r"^\s*(?:plats(?: och tid)?|lokal)\s*:(?P<v>.*)$", re.IGNORECASE | re.MULTILINE)
_RUN_ON_DATE_RE = re.compile(r"\b(?:Sammanträdesdatum|Mötesdatum|Datum)\s*:?\s+")
# "Tid och plats 13.15-15.00 Exempelgården": the hours may stand before the venue
_RUN_ON_PLACE_RE = re.compile(rf"\b(?:{lx.PLACE_FIELD_LABELS})\s*:?\s+(?:{lx.HOURS_RANGE},?\s+)?")
_RUN_ON_ATTENDANCE_RE = re.compile(r"\b(?:Närvarande|Beslutande|Ledamöter|Deltagare)\b")
_DECIDING_FIELD_RE = re.compile(r"\b(?:Beslutande|Närvarande)\b")
_ATTENDANCE_RE = re.compile(r"^\s*(?:närvarande|beslutande|ledamöter|ersättare|tjänstemän|övriga närvarande|"
                            r"övriga deltagare|deltagare|tjänstgörande ersättare)\b", re.IGNORECASE)


# "Minnesanteckningar från nätverksträff ...", "Protokoll från seminarium ...": the heading names what kind of
# meeting the notes record
_HEADED_KINDS = frozenset({"network_meeting", "seminar"})


def _headed_kind(st: DocState, low: str, start: int) -> str:
    """The kind of meeting a minutes heading names on its line, else a board's meeting."""
    kinds = [t[2] for t in trigger_hits(low, *line_from(st.doc.text, start)) if t[2] in _HEADED_KINDS]
    return kinds[0] if kinds else "board_meeting"


def _minutes_meeting(st: DocState, low: str) -> MeetingDraft | None:
    """Minutes ("Sammanträdesprotokoll", "Protokoll från ...") record a meeting of
    their own: the board that meets, on the date and at the place the header gives,
    with the people listed as present."""
    text = st.doc.text
    m = lx.minutes_header(text)
    # (who decided may be a field of a run-on header whose list is attached: "Beslutande Se bifogad närvarolista")
    if not m or not (st.attendance or any(_ATTENDANCE_RE.match(text[b.start:b.end]) for b in st.blocks)
                     or _DECIDING_FIELD_RE.search(text, m.start(), m.start() + 1500)):
        return None
    mt = MeetingDraft(_headed_kind(st, low, m.start()), (m.start(), m.end()), named="protokoll")
    d = _MINUTES_DATE_RE.search(text)
    if d:
        _, line_end = line_from(text, d.end())
        dates = [x for x in st.dates if d.end() <= x.start < line_end and x.value]
        mt.date = dates[0].value if dates else None
    else:
        # a run-on header: "Sammanträdesdatum: 2018-10-02", else the first full date of the header
        label = _RUN_ON_DATE_RE.search(text, 0, 800)
        near = [x for x in st.dates if x.value and (label and label.end() <= x.start < label.end() + 40)]
        head_dates = [x for x in st.dates if x.value and x.start < 600 and re.search(r"\d{4}", x.text)]
        found = near or head_dates
        mt.date = found[0].value if found else None
    mt.date = mt.date or st.published
    p = _MINUTES_PLACE_RE.search(text)
    if p:
        places = [x for x in st.mentions_in(p.start("v"), p.end("v")) if x.kind in PARTICIPANT_ORGS | {"Place"}]
        # "Plats: Regionens hus, Exempelby": the building named first is where the board met; else the
        # municipality ("Plats: Kommunhuset, Exempelby", where the generic building is no name)
        buildings = [x for x in places if x.kind == "Place" and lx.BUILDING_END_RE.search(x.text)]
        rooms = [x for x in places if x.prov.rule == "extract.attendance.room"]  # "Plats: Eken, Regionens hus"
        munis = [x for x in places if x.kind == "Municipality"]
        if places:
            where = (rooms or buildings or munis or places)[0]
            mt.location = where.key
            mt.because(mt.location, _header_prov(st, where))
    else:
        run_on = _RUN_ON_PLACE_RE.search(text, 0, 800)  # "Plats och tid Sessionssalen, Exempelby kommun, kl. 9"
        if run_on:
            places = [x for x in st.mentions_in(run_on.end(), run_on.end() + 120)
                      if x.kind in PARTICIPANT_ORGS | {"Place"}]
            venues = [x for x in places if x.kind == "Place"]
            if places:
                mt.location = (venues or places)[0].key
                mt.because(mt.location, _header_prov(st, (venues or places)[0]))
        else:
            # "Protokoll från styrelsens sammanträde 3 oktober 2003, Hotell Exempel, Vara kommun Ledamöter":
            # a venue in the header, before its attendance list, is where the board met
            stop = _RUN_ON_ATTENDANCE_RE.search(text, m.end(), m.end() + 300)
            venues = [x for x in st.mentions_in(m.end(), stop.start()) if x.kind == "Place"] if stop else []
            if venues:
                mt.location = venues[0].key
                mt.because(mt.location, _header_prov(st, venues[0]))
    for hit, _seg in present(st):
        if hit.key not in mt.persons:
            mt.persons.append(hit.key)  # the attendance list says who was there, run-on or not
            mt.because(hit.key, st.prov(hit.start, hit.end, "extract.meetings.attendance", 0.7))
    if st.minuted_body and st.minuted_body in st.info:
        mt.orgs.append(st.minuted_body)
    in_attendance = False
    for sent in st.sentences if not st.attendance else []:
        blk = st.blocks[sent.block]
        line = text[sent.start:sent.end]
        if _ATTENDANCE_RE.match(line):
            in_attendance = True
        elif blk.heading and not _ATTENDANCE_RE.match(line) or line.lstrip().startswith("§"):
            in_attendance = False
        if in_attendance:
            mt.sentences.append(sent)
    if st.publisher:
        mt.orgs.append(st.publisher)
    return mt


def _header_prov(st: DocState, place: Mention) -> Provenance:
    """The place the minutes' header names."""
    return st.prov(place.prov.span.start, place.prov.span.end, "extract.meetings.minutes", 0.7)


def segment(st: DocState) -> Segmentation:
    seg = Segmentation()
    low = st.doc.text.lower()
    seg.units = _meeting_units(st, seg, low)
    seg.minutes = _minutes_meeting(st, low)
    return seg
