"""Meeting stage 3, filling: from each meeting's sentences, its participants
(the people named, the organisations a participation cue or the meeting's own
sentence names, the owner of a named event, the participants' employers), its
place (the place after the meeting word, "Plats:" field lines, the host, the
one municipality a visit names), its date (its sentence, its section heading,
"Datum:" lines, the programme's day), its status (planned, cancelled) and its
topics.

Reads ``doc``, ``attendance``, ``sentences``, ``mentions``, ``info``, ``dates``,
``published``, ``publisher``, ``statements``, ``ministers``, ``topic_hits``,
``domain_topics``; fills the :class:`MeetingDraft` objects and turns them into
:class:`~kgraph.models.Meeting` records.
"""
from __future__ import annotations

import re

from .... import prefilter
from ....models import Meeting, Statement
from ....text import Sentence, has_phone, lines_holding
from ....vocab import INFERRED_CONFIDENCE
from ... import lexicon as lx
from ...dates import DateHit
from ...orgs import GENERIC_VENUES
from ...phrases import PhraseSet
from ...state import PARTICIPANT_ORGS, DocState
from ..attendance import absent, board_owner, present
from .draft import (
    MeetingDraft,
    Segmentation,
    attendance_list_line,
    governors_page,
    line_from,
    location_after,
    trigger_hits,
    visited_object,
)
from .sources import MEETING_CONFIDENCE, RELAYED_CONFIDENCE, PartSources

# "Värd för mötet var Falköpings kommun", "Tranemo kommun var värd för träffen", "värdkommunen Tranemo"
_HOST_AFTER_RE = re.compile(r"\bvärd(?:kommun)?(?:en)?\s+(?:för\s+[\wåäö]+\s+)?(?:var|är|blir)\s+$|\bvärdkommunen\s+$",
                            re.IGNORECASE)
_HOST_BEFORE_RE = re.compile(r"\s+(?:(?:var|är|blir)\s+)?värd(?:kommun)?\s+för\b", re.IGNORECASE)


def _host(st: DocState, mt: MeetingDraft) -> str | None:
    """The municipality or organisation the text names as the meeting's host ("Värd för mötet
    var Falköpings kommun", "I onsdags var Tranemo kommun värd för träffen"): where it was held."""
    text = st.doc.text
    for sent in mt.sentences:
        if "värd" not in text[sent.start:sent.end].lower():
            continue
        for x in st.mentions_in(sent.start, sent.end):
            if x.kind not in PARTICIPANT_ORGS:
                continue
            s, e = x.prov.span.start, x.prov.span.end
            if _HOST_AFTER_RE.search(text, max(sent.start, s - 40), s) or _HOST_BEFORE_RE.match(text, e):
                return x.key
    return None


# a name in the genitive before a common noun: "FN:s globala mål", "EU:s strukturfonder"
_GENITIVE_AFTER_RE = re.compile(r":?s[ \t]+[a-zåäö]")
# "I tisdags fick Region X besök av Y", "Exempelby kommun har fått besök av ministern": the body that was visited
_GOT = r"(?:fick|får|har[ \t]+fått|hade[ \t]+fått)"
_GOT_VISIT_RE = re.compile(rf"[ \t]+{_GOT}[ \t]+(?:[a-zåäö]+[ \t]+){{0,2}}?besök[ \t]+(?:av|från)[ \t]")
_GOT_BEFORE_RE = re.compile(rf"\b{_GOT}[ \t]+\Z")
_VISIT_BY_RE = re.compile(r"[ \t]+besök[ \t]+(?:av|från)[ \t]")


def _got_visit(st: DocState, mt: MeetingDraft) -> str | None:
    """The municipality, region or place a sentence of the visit says got the visit ("fick X besök av Y")."""
    text = st.doc.text
    for sent in mt.sentences:
        if not mt.told_in(sent):
            continue
        for x in st.mentions_in(sent.start, sent.end):
            if x.kind not in ("Municipality", "Region", "Place"):
                continue
            if _GOT_VISIT_RE.match(text, x.prov.span.end) or (
                    _GOT_BEFORE_RE.search(text, max(sent.start, x.prov.span.start - 16), x.prov.span.start)
                    and _VISIT_BY_RE.match(text, x.prov.span.end)):
                return x.key  # ("I tisdags fick Region X besök av Y": the verb before its subject)
    return None


# "På eftermiddagen besöker ministern ...", "Efter lunchen träffade hon ...", "Därefter besöktes ...": later
# the same day
_LATER_THAT_DAY_RE = re.compile(r"\W*(?:(?:på|under|senare under|senare på|efter)\s+(?:förmiddagen|eftermiddagen|"
                                r"kvällen|lunchen|lunch|middagen|dagen)|senare samma dag|samma dag|därefter|"
                                r"direkt efter(?:åt)?|efter det)\b", re.IGNORECASE)


# "... och under dagen hinner hon med ett besök i X": a part of the day in the meeting's sentence
_DAY_PART_RE = re.compile(r"\b(?:under|senare under|på|senare på)\s+(?:dagen|eftermiddagen|förmiddagen|kvällen)\b"
                          r"|\bsamma dag\b|\bdagen\s+(?:bjöd|innehöll|fortsatte|avslutades|inleddes|började|startade)\b"
                          r"|\b(?:innehöll|avslutades|fortsatte)\s+dagen\b|\bsom avslutning\b|\bavslutningsvis\b",
                          re.IGNORECASE)
_OTHER_TIME_RE = re.compile(r"\b(?:tidigare|förra|nästa|senare i|kommande|i höstas|i våras|i somras|i vintras|"
                            r"har besökt|hade besökt|har träffat|planerat|planerad|inplanerat)\b", re.IGNORECASE)


_PLACE_OPENING_RE = re.compile(r"\W*(?:På|I|Vid)\s+$")
_PRESENT_AFTER_RE = re.compile(r"\s+(?:deltog|deltar|träffades|träffas|samlades|samlas|möttes|möts|fanns|finns)\b")


def _place_opening(st: DocState, mt: MeetingDraft) -> str | None:
    """A venue that opens a sentence of the meeting before a verb of presence ("På Residenset samlades
    kommunernas ledningar ..."): where the meeting was."""
    text = st.doc.text
    for sent in mt.sentences:
        for m in st.mentions_in(sent.start, min(sent.end, sent.start + 60)):
            if m.kind == "Place" and _PLACE_OPENING_RE.fullmatch(text, sent.start, m.prov.span.start) \
                    and _PRESENT_AFTER_RE.match(text, m.prov.span.end):
                return m.key
    return None


def _programme_dates(st: DocState, meets: list[MeetingDraft]) -> None:
    """"09.00 Möte med Region Dalarna": an undated programme item is on the day of the dated
    meeting the text announced before it; so is an undated meeting whose sentence opens with a
    later part of the day ("På eftermiddagen besöker ministern ...")."""
    last = None
    last_block = -1
    last_group = -1
    for mt in sorted(meets, key=lambda m: m.trigger[0]):
        sent = st.sentence_at(mt.trigger[0])
        if mt.date is not None:
            last, last_group = mt.date, mt.group
            last_block = sent.block if sent is not None else -1
            continue
        if mt.group >= 0 and last_group >= 0:
            continue  # a tour's next stops, their days not stated: not the day of the stop before
        later = sent is not None and (
            _LATER_THAT_DAY_RE.match(st.doc.text, sent.start) is not None
            or _DAY_PART_RE.search(st.doc.text, sent.start, sent.end) is not None)
        # "På tisdagen besöker ministern X. Hon ska också träffa ... samt besöka företaget Y": a visit or
        # a meeting the same paragraph names after a dated one, with no other time of its own, is that day's
        same_para = sent is not None and sent.block == last_block and mt.kind in ("visit", "meeting") \
            and not _OTHER_TIME_RE.search(st.doc.text, sent.start, sent.end)
        if (mt.subjectless or later or same_para) and last is not None and not mt.postponed:
            mt.date = last


# (or a heading that names both: "Tid och plats", "Datum och plats", "När och var")
_FIELD_LABEL_RE = re.compile(r"^\s*(?P<f>dag|datum|tid|plats|lokal|när|adress|(?:tid|datum)[ \t]+(?:och|&)[ \t]+plats|"
                             r"plats[ \t]+(?:och|&)[ \t]+(?:tid|datum)|när[ \t]+och[ \t]+var)\s*:?\s*$", re.IGNORECASE)
# the field labels that name where
_PLACE_FIELDS = ("plats", "lokal", "var", "adress")


_ADJUSTING_RE = re.compile(r"justeringens[ \t]*$", re.IGNORECASE)


def _field_lines(st: DocState, meets: list[MeetingDraft]) -> None:
    """"Dag: fredag 7 december", "Plats: Lokstallarna, Karlshamn": details of the
    meeting with that date, or of the document's first meeting."""
    text = st.doc.text
    fields = []
    pos = 0
    label = None  # "Plats" alone on its line: the next line that holds text is its value
    before = ""  # the line before that holds text
    for line in text.split("\n"):
        m = lx.FIELD_RE.match(line)
        if m:
            fields.append((m["f"].lower(), pos + m.start("v"), pos + m.end("v")))
        elif label is not None and line.strip():
            lead = len(line) - len(line.lstrip())
            fields.append((label, pos + lead, pos + len(line.rstrip())))
        if line.strip():
            alone = _FIELD_LABEL_RE.match(line)
            # (not "Justeringens\nplats och tid": where and when the minutes are checked, after the meeting)
            label = alone["f"].lower() if alone and not _ADJUSTING_RE.search(before) else None
            before = line
        pos += len(line) + 1
    if not fields or not meets:
        return
    field_dates = [d for f, s, e in fields for d in st.dates_in(s, e) if d.value]
    target = meets[0]
    if field_dates:
        for mt in meets:
            for sent in mt.sentences:
                if any(d.value == field_dates[0].value for d in st.dates_in(sent.start, sent.end)):
                    target = mt
                    break
        target.date = field_dates[0].value
    placed = False
    for f, s, e in fields:
        if f.endswith(_PLACE_FIELDS) or f.startswith("plats"):  # ("tid och plats", "plats och tid")
            cands = [m for m in st.mentions_in(s, e) if m.kind in PARTICIPANT_ORGS | {"Place"}]
            places = [m for m in cands if m.kind == "Place"]
            towns = {m.key for m in cands if m.kind == "Municipality"}
            # "Plats: Rådhussalen, Rådhuset, Östersund" names the venue in the town the text gave
            venue_in_town = bool(places) and not placed and target.location is not None \
                and st.cls_of(target.location) == "Municipality" and towns <= {target.location} \
                and places[0].text.lower() not in GENERIC_VENUES
            placed = True  # the first place line is the meeting's; later ones are other items'
            if cands and (target.location is None or venue_in_town):
                place = (places or cands)[0]
                target.location = place.key
                target.because(place.key, st.prov(place.prov.span.start, place.prov.span.end,
                                                  "extract.meetings.field_line", MEETING_CONFIDENCE))
    # "På plats finns ..." right after the field lines: the participants of that meeting
    last = max(e for _, _, e in fields)
    for sent in st.sentences:
        if sent.start >= last and re.search(r"\bpå plats\b|\bdeltar\b|\bmedverkar\b", text[sent.start:sent.end],
                                            re.IGNORECASE):
            if sent not in target.sentences:
                target.sentences.append(sent)
            break


# "sakkunnig hos statsrådet X": the person a title serves is named in it, not present
# "pressekreterare hos ...", "statssekreterare hos kultur- och demokratiminister ...": whose staff, not who came
_STAFF_OF_RE = re.compile(r"\b(?:sakkunnig|[a-zåäö]*sekreterare|rådgivare|medarbetare|assistent|stabschef)\s+"
                          r"(?:hos|till|åt)\s+(?:[a-zåäö-]+\s+){0,4}$")
_LOCATIVE_RE = re.compile(r"\b(?:i|på|vid)\s+$|(?:Plats|Adress|Lokal)[ \t]*:[ \t]*$")
# "hålls på Sjögården, Kvarnby, Vara kommun", "Plats: Exempelhuset, Storgatan 7, Vara": a municipality ending the
# address of the venue
_ADDRESS_BEFORE_RE = re.compile(r"(?:\b(?:i|på|vid)\s+|(?:Plats|Adress|Lokal)[ \t]*:[ \t]*)"
                                r"[A-ZÅÄÖ][^.,;:\n]{1,40}(?:,\s*[A-ZÅÄÖ][^.,;:\n]{1,30}){0,2},\s*$")
# "A, B och C hade förhinder", "D kunde inte delta": the people named before it were not there
_ABSENT_RE = re.compile(r"\b(?:hade|har|fick|hade fått|hade anmält|har anmält)\s+förhinder\b"
                        r"|\bvar\s+(?:förhindrad(?:e)?|frånvarande)\b|\bkunde\s+inte\s+(?:delta|närvara|komma)\b|\buteblev\b"
                        # (not "deltog inte i beslutet": a member present who took no part in one decision)
                        r"|\bdeltog\s+inte\b(?!\s+i\s+(?:beslutet|besluten|handläggningen|behandlingen|ärendet))")
# where a sentence turns to another clause: "..., medan", "..., men", ";"
_CLAUSE_TURN_RE = re.compile(r",?[ \t]+(?:medan|men|däremot|samtidigt som)[ \t]+|;[ \t]*")
_EVERY_PLACE_RE = re.compile(r"\b(?:samtliga|alla)\s+(?:\d+\s+|länets\s+|landets\s+)*"
                             r"(?:kommuner|kommunerna|län|regioner)\b")
_CONTACT_SENTENCE = PhraseSet(("kontakta", "för information", "för mer information", "frågor om", "frågor till"),
                              prefixes=("anmäl",), anywhere=("@",))


_HOST_ORGS = frozenset({"Company", "Organization", "Association", "GovernmentAgency", "CountyAdministrativeBoard",
                        "Region"})


def _hosted_visit(st: DocState, mt: MeetingDraft, low: str) -> bool:
    """"besöka stadsnätet Exempel AB" during a visit to a town: the body visited is the host; the
    town is where it is, not a party to the visit."""
    for sent in mt.sentences:
        for _, e, kind, _how in trigger_hits(low, sent.start, sent.end):
            if kind == "visit":
                obj = visited_object(st, e, sent.end)
                if obj is not None and obj.kind in _HOST_ORGS:
                    return True
    return False


_MUNICIPAL_WORD_RE = re.compile(r"\bkommun(?:en|ens|er|erna|ernas|ledning[a-zåäö]*|alråd[a-zåäö]*|styrelse[a-zåäö]*|"
                                r"chef[a-zåäö]*|direktör[a-zåäö]*|fullmäktige[a-zåäö]*)?\b")
# after a person's name (and a title between commas): reports, informs, presents to the meeting
_REPORTS_RE = re.compile(r"(?:[ \t]*,[^,.;\n]{1,60},)?[ \t]+(?:rapporterade|informerade|redogjorde|föredrog|redovisade|"
                         r"presenterade|föredrar|informerar|redogör)\b")
_PRESS_STAFF_RE = re.compile(r"press(?:ekreterare|chef|ansvarig|kontakt|talesperson)|kommunikatör|informatör")


class _SentenceCues:
    """Per sentence, once per document: is it a contact line, does it say someone took part."""

    def __init__(self, text: str, low: str) -> None:
        self.text, self.low = text, low
        self.seen: dict[int, tuple[bool, bool]] = {}
        self._contacts: set[str] | None = None

    def contacts(self, st: DocState) -> set[str]:
        """The press staff a contact sentence names ("Kontakta pressekreterare A."): the contact block that
        follows repeats them, and they come to no meeting unless a sentence about one says so (a contact
        who is no press officer may well have been there)."""
        if self._contacts is None:
            self._contacts = {m.key for sent in st.sentences if self(sent)[0]
                              and _PRESS_STAFF_RE.search(self.low, sent.start, sent.end)
                              for m in st.mentions_in(sent.start, sent.end) if m.kind == "Person"}
        return self._contacts

    def __call__(self, sent: Sentence) -> tuple[bool, bool]:
        got = self.seen.get(sent.start)
        if got is None:
            # (or a line with a phone number: "Exempelby kommun, Anna Berg, koordinator, telefon 070-000 00 00")
            contact = _CONTACT_SENTENCE.found_in(self.low, sent.start, sent.end) \
                or has_phone(self.text[sent.start:sent.end])
            cue = lx.says_took_part(self.text, self.low, sent.start, sent.end)
            got = self.seen[sent.start] = (contact, cue)
        return got


def _add_programme_person(st: DocState, mt: MeetingDraft, person: str) -> None:
    """The minister (or county governor) whose programme ``mt`` is takes part, backed by where the text
    first names them."""
    mt.persons.insert(0, person)
    named = st.info[person].mentions if person in st.info else []
    if named:
        mt.because(person, st.prov(named[0].prov.span.start, named[0].prov.span.end,
                                   "extract.meetings.programme", RELAYED_CONFIDENCE))


# the administration that serves a board: "Kommunstyrelseförvaltningen", "Kommunledningskontoret"
_ADMINISTRATION_RE = re.compile(r"(?:förvaltningen|kontoret|kansliet)$", re.IGNORECASE)


def _stop_dates(st: DocState, mt: MeetingDraft, sent: Sentence, stops: set[str]) -> list[DateHit]:
    """The dates of the sentence that are the meeting's: for a stop of a tour where the sentence names its stops
    ("Resan började i A den 2 juni ... till B, C och D, för att avsluta i E den 5 juni"), only a date after the
    stop's own place and before the next stop's."""
    ds = [d for d in st.dates_in(sent.start, sent.end) if d.value]
    if mt.group < 0 or mt.location is None or not ds:
        return ds
    named = sorted((m.prov.span.start, m.key) for m in st.mentions_in(sent.start, sent.end) if m.key in stops)
    if not named:
        return ds
    # "besökte han A den 1 juni och 2 juni B": a date written right before a later stop is that stop's (one
    # before the first stop is the whole tour's: "besökte på måndagen A och B")
    before = {k: d for pos, k in named[1:] for d in ds
              if d.start > named[0][0] and 0 <= pos - d.end <= 2 and st.doc.text[d.end:pos].isspace()}
    if mt.location in before:
        return [before[mt.location]]
    ds = [d for d in ds if d not in before.values()]
    # (a date before every stop the sentence names is the whole tour's: "besökte i dag A och B")
    return [d for d in ds if next((k for pos, k in reversed(named) if pos < d.start), mt.location) == mt.location]


def _fill(st: DocState, seg: Segmentation, mt: MeetingDraft, person_keys: set[str], visit_places: set[str],
          group_places: dict[int, set[str]], visitors: set[str], cues: _SentenceCues,
          rosters: list[tuple[int, int]]) -> None:
    text = st.doc.text
    low = cues.low
    # an association's board in its own minutes or news: its members sit for it, not for their home municipalities
    board_of = st.minuted_body or st.publisher
    for_body = mt.kind == "board_meeting" and board_of is not None and st.cls_of(board_of) == "Association"
    # minutes with an attendance list: the people an agenda item names ("I arbetsgruppen finns A och B")
    # were not at the meeting unless the sentence says they came
    listed = {p.key for p, _ in present(st)} if mt.named == "protokoll" and st.attendance else set()
    cabinet = low.startswith("regeringssammanträd", mt.trigger[0])  # a meeting of the government itself
    # the minuted board meets, not the municipality it belongs to (the letterhead) nor the administration that
    # serves it ("Kommunstyrelseförvaltningen" above the signatures)
    boards_owner = board_owner(st) if mt is seg.minutes else None
    not_the_board = {boards_owner} if boards_owner else set()
    away: set[str] = set()  # people a sentence says were not there
    for sent in mt.sentences:
        # (an item of a calendar's day: only its own part of the sentence)
        lo, hi = mt.clause if mt.clause and sent.start <= mt.clause[0] < sent.end else (sent.start, sent.end)
        ms = st.mentions_in(lo, hi)
        stext = low[sent.start:sent.end]
        contact, cue = cues(sent)
        # "Närvarande kommuner:" and then "Exempelby, Exempeltorp och ...": each body listed took part (a
        # line with a person's name is that person's entry, whose bodies are the person's own)
        cue = cue or (attendance_list_line(text, sent.start) and not any(m.kind == "Person" for m in ms))
        is_trigger_sent = mt.told_in(sent)
        came = not listed or cue or is_trigger_sent
        contacts = cues.contacts(st) if not (cue or is_trigger_sent) else set()
        absence = prefilter.search(_ABSENT_RE, low, sent.start, sent.end)
        if absence and not any(a.start <= absence.start() < a.end for a in st.attendance):
            # (an attendance list marks its own absences, entry by entry: "Eva Ek (S) deltog inte under § 12")
            # "A och B kom, medan C och D hade förhinder": the people of the absence's own clause
            clause = max((c.end() for c in _CLAUSE_TURN_RE.finditer(low, sent.start, absence.start())),
                         default=sent.start)
            away.update(m.key for m in ms if m.kind == "Person" and clause <= m.prov.span.start
                        and m.prov.span.end <= absence.start())
        seated = [(a, b) for a, b in rosters if a < sent.end and sent.start < b] if not (cue or is_trigger_sent) \
            else []
        for m in ms:
            # (in minutes, one who reports to the board was there: "A, smittskyddsläkare, rapporterade om:")
            reports = bool(listed) and m.kind == "Person" and _REPORTS_RE.match(low, m.prov.span.end) is not None
            if m.key in person_keys and m.key not in mt.persons and not contact \
                    and (came or reports or m.key in listed) \
                    and m.key not in contacts \
                    and not any(a <= m.prov.span.start < b for a, b in seated) \
                    and not _STAFF_OF_RE.search(text, max(sent.start, m.prov.span.start - 60), m.prov.span.start):
                mt.persons.append(m.key)
        # no municipality of this sentence takes part: the home towns of an association's board members
        # ("Anna Berg (m), Vara"), or the whole programme of visits ("besöker under en treårsperiod länets
        # samtliga 49 kommuner, även Göteborg och Borås"), whose places are not this meeting's
        # nor, at a board's meeting, the towns its sentences name: the seat, the members' home towns, an item's
        # subject ("Sammanträde med regionstyrelsen i Karlskrona")
        no_towns = for_body or mt.kind == "board_meeting" \
            or prefilter.search(_EVERY_PLACE_RE, low, sent.start, sent.end) is not None
        if cue or is_trigger_sent:
            for m in ms:
                if no_towns and m.kind == "Municipality":
                    continue
                if listed and _home_body(st, m.key, m.prov.span.start):
                    continue
                if mt is seg.minutes and _ADMINISTRATION_RE.search(m.text):
                    continue
                if m.kind == "Government" and cabinet and is_trigger_sent and m.key not in mt.orgs:
                    mt.orgs.append(m.key)  # "välkomnar regeringen ... regeringssammanträdet": the government's own
                    continue
                if m.kind in PARTICIPANT_ORGS and m.kind not in ("Government", "Parliament") and m.key not in mt.orgs:
                    if mt.kind == "visit" and m.kind == "Municipality" and mt.location and m.key != mt.location \
                            and (mt.group >= 0 or m.key in visit_places):
                        continue  # one visit per municipality of a tour, or of the text
                    if m.key != mt.location and m.key in group_places.get(mt.group, ()):
                        continue  # "träffade kommunledningarna i Sundsvall och Timrå": the other meeting's place
                    if m.key in mt.elsewhere:
                        continue  # "företagsbesök på X i A och Y i B": Y is the site of the visit to B
                    if m.key in lx.WORLD_BODIES and _GENITIVE_AFTER_RE.match(text, m.prov.span.end):
                        continue  # "arbetet med FN:s globala mål", "EU:s strukturfonder": what, not who
                    if m.kind == "Municipality" and mt.kind not in ("visit", "digital_meeting") \
                            and (_LOCATIVE_RE.search(text[max(sent.start, m.prov.span.start - 12):m.prov.span.start])
                                 or _ADDRESS_BEFORE_RE.search(text, max(sent.start, m.prov.span.start - 80),
                                                              m.prov.span.start)):
                        continue  # "i Järfälla", "på Sjögården, Vara kommun": where it is held, not who takes part
                    mt.orgs.append(m.key)
        # "SmåKoms höstmöte": the owner of the meeting
        if is_trigger_sent:
            owner = [m for m in ms if m.prov.span.end <= mt.trigger[0] and mt.trigger[0] - m.prov.span.end <= 2
                     and m.kind in PARTICIPANT_ORGS]
            for m in owner:
                if m.key not in mt.orgs:
                    mt.orgs.insert(0, m.key)
            we = lx.FIRST_PERSON_RE.search(stext)
            if we and st.publisher and st.publisher not in mt.orgs:
                mt.orgs.append(st.publisher)  # "vi": the publisher
                mt.because(st.publisher, st.prov(sent.start + we.start(), sent.start + we.end(),
                                                 "extract.meetings.first_person", INFERRED_CONFIDENCE))
            if mt.date is None:
                ds = _stop_dates(st, mt, sent, group_places.get(mt.group, set()))
                if ds:
                    mt.date = ds[0].value
            if lx.CANCELLED_RE.search(stext) and lx.POSTPONED_RE.search(stext):
                mt.status, mt.date, mt.postponed = "planned", None, True  # "inställt, nytt datum meddelas"
            elif lx.CANCELLED_RE.search(stext):
                mt.status = "cancelled"
            elif (mt.date and st.published and mt.date > st.published) or lx.PLANNED_RE.search(stext):
                mt.status = "planned"
            if mt.location is None and sent.start not in mt.sites:  # (a site the visit went on to is no venue)
                here = mt.trigger[1] if sent.start <= mt.trigger[0] < sent.end else next(
                    (e for _, e, _, _ in trigger_hits(low, sent.start, sent.end)), sent.start)
                loc = location_after(st, here, hi)
                if loc is None and sent.start <= mt.trigger[0] < sent.end:
                    # "träffa X vid sitt besök hos Y": a visit word later in the meeting's sentence says where
                    loc = next((v for hs, he, hk, _ in trigger_hits(low, mt.trigger[1], sent.end)
                                if hk == "visit" and (v := location_after(st, he, hi)) is not None), None)
                if loc:
                    mt.location = loc.key
        for i, h in st.topic_hits_in(lo, hi):
            if h.concept.id not in mt.topics and i not in st.domain_topics:
                mt.topics.append(h.concept.id)
    mt.persons = [p for p in mt.persons if p not in away]
    if mt.location is None:
        _programme_line_town(st, mt)
    if mt.location is None or st.cls_of(mt.location) not in ("Place", "Municipality"):
        # "besökte Länsstyrelsen ... På Residenset samlades ...": the venue where the people were, over the body
        mt.location = _place_opening(st, mt) or mt.location
    if mt.location is None:
        mt.location = _host(st, mt)
    if mt.location is None and mt.kind == "visit":
        mt.location = _got_visit(st, mt)
    if mt.location is None and mt.kind in ("visit", "digital_meeting"):
        munis = [o for o in mt.orgs if st.cls_of(o) == "Municipality"]
        if len(munis) == 1:
            mt.location = munis[0]  # the one municipality the text names for the visit is where it was
    # the organisations the participants work for take part too ("kommunstyrelsens ordförande i Åmåls kommun")
    affil: dict[str, list[Statement]] = {}
    for stmt in st.statements:
        if stmt.predicate == "affiliatedWith" and stmt.subject in mt.persons and stmt.subject not in st.ministers \
                and not (stmt.subject in visitors and stmt.object != st.publisher) \
                and st.cls_of(stmt.object) not in ("Government", "Ministry", "PoliticalParty", "Parliament"):
            affil.setdefault(stmt.subject, []).append(stmt)
    for person in mt.persons:
        for stmt in affil.get(person, [])[:1]:
            org = stmt.object
            if for_body and st.cls_of(org) == "Municipality":
                continue
            if org not in mt.orgs and not (mt.group >= 0 and st.cls_of(org) == "Municipality" and mt.location
                                           and org != mt.location):
                mt.orgs.append(org)
                # backed by the words that state the affiliation, as sure as they are
                mt.because(org, st.prov(stmt.prov.span.start, stmt.prov.span.end, "extract.meetings.affiliation",
                                        min(stmt.prov.confidence, RELAYED_CONFIDENCE)))
    if mt.location is None and mt.kind == "visit":
        munis = [o for o in mt.orgs if st.cls_of(o) == "Municipality"]
        if len(munis) == 1 and len({m.key for m in st.mentions if m.kind == "Municipality"}) == 1:
            mt.location = munis[0]  # its people's one municipality, the one the text names: the one visited
    if mt.status == "held" and mt.date and st.published and mt.date > st.published:
        mt.status = "planned"  # dated after the text that announces it
    if mt.announced_by is not None:
        for person in mt.announced_by.persons:  # the tour's people make each of its visits
            if person not in mt.persons:
                mt.persons.append(person)
        for org in mt.announced_by.orgs:  # and the bodies they come for (not the places they pass)
            if org not in mt.orgs and st.cls_of(org) not in ("Municipality", "County", "Place"):
                mt.orgs.append(org)
        for topic in mt.announced_by.topics:  # and what the tour is about, each visit is about
            if topic not in mt.topics:
                mt.topics.append(topic)
    if mt.follows is not None and mt.follows.kind == "visit":
        # "Dagen avslutades med ett besök hos X": the minister or county governor of the visit goes on to X
        for person in mt.follows.persons:
            if (person in st.ministers or person in visitors) and person not in mt.persons:
                _add_programme_person(st, mt, person)
    # the one minister, else the one county governor (or other visiting official) whose programme it is; on a
    # governor's own page ("Landshövdingens kalender"), the governor (a minister named in an item is a guest)
    own_page = len(visitors) == 1 and governors_page(st)
    protagonists = visitors if own_page else st.ministers if len(st.ministers) == 1 \
        else visitors if not st.ministers else set()
    if mt.subjectless and len(protagonists) == 1 and not (protagonists & set(mt.persons)):
        _add_programme_person(st, mt, next(iter(protagonists)))  # a programme item of the minister's visit
    if mt.date is None and mt.section in seg.section_dates:
        mt.date = seg.section_dates[mt.section]
    if mt.date is None:
        for sent in mt.sentences:
            if trigger_hits(low, sent.start, sent.end):
                ds = _stop_dates(st, mt, sent, group_places.get(mt.group, set()))
                if ds:
                    mt.date = ds[0].value
                    break
    if mt.location and st.cls_of(mt.location) in PARTICIPANT_ORGS and mt.location not in mt.orgs \
            and (mt.kind in ("visit", "digital_meeting") or st.cls_of(mt.location) != "Municipality") \
            and not (st.cls_of(mt.location) == "Municipality" and mt.kind == "visit" and _hosted_visit(st, mt, low)):
        mt.orgs.insert(0, mt.location)
    # "Styrelsen sammanträdde": the publisher's own board; "Möte med MSB" in a calendar that names no
    # owner: the publishing body's (a county board's page "Landshövdingens kalender"; a town the text names
    # most is no calendar's owner)
    publisher = st.publisher
    if own_page and visitors & set(mt.persons):
        publisher = None  # the governor's own item: the governor takes part, not the county board
    calendar_owner = mt.clause is not None and mt.subjectless and not mt.persons \
        and publisher is not None and st.cls_of(publisher) != "Municipality"
    if publisher is not None and ((mt.named or mt.kind in ("board_meeting", "conference", "seminar")) and not mt.orgs
                                  or calendar_owner and publisher not in mt.orgs):
        mt.orgs.append(publisher)
        mt.because(publisher, st.prov(*mt.trigger, "extract.meetings.publisher", INFERRED_CONFIDENCE))
    mt.orgs = [o for o in mt.orgs if st.cls_of(o) in PARTICIPANT_ORGS and o not in not_the_board]
    if mt.named == "protokoll" and st.attendance:
        gone = absent(st)  # "Förhinder: ...", "X tjg för Y": not at the meeting
        mt.persons = [p for p in mt.persons if p not in gone]


# "14.00 Möte med Region X om kollektivtrafik, Exempelstad": a programme's item ends with where it is held
_PROGRAMME_TIME_RE = re.compile(r"[ \t•*-]*(?:kl\.?[ \t]*)?\d{1,2}[.:]\d{2}\b")
_LINE_END_TOWN_RE = re.compile(r",[ \t]*(?P<t>[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+[A-ZÅÄÖ][\wåäö-]+)?)[ \t]*\.?[ \t]*$")


def _programme_line_town(st: DocState, mt: MeetingDraft) -> None:
    """The town or place that ends the programme line of ``mt``, where that item is held (a meeting's town
    takes no part in it)."""
    text = st.doc.text
    start = text.rfind("\n", 0, mt.trigger[0]) + 1
    _, end = line_from(text, mt.trigger[0])
    if not _PROGRAMME_TIME_RE.match(text, start):
        return
    town = _LINE_END_TOWN_RE.search(text, mt.trigger[1], end)
    place = next((m for m in st.mentions_in(town.start("t"), town.start("t") + 1)
                  if m.kind in ("Municipality", "Place")), None) if town else None
    if place is None:
        return
    mt.location = place.key
    if mt.kind != "visit" and place.key in mt.orgs:
        mt.orgs.remove(place.key)


def _home_body(st: DocState, org: str, pos: int) -> bool:
    """Does the attendance list at ``pos`` name ``org`` as whom someone there sits or works for, not as a
    party to the meeting? A member's body ("Anna Berg (S), Exempelby", "Per Holm, ledamot, Försäkringskassan")
    is; among the others present, an official's municipality is, a guest's agency is not ("Eva Sjö,
    Trafikverket, § 4" came to present an item)."""
    return any(seg.start <= pos < seg.end and (seg.capacity != "other" or st.cls_of(org) == "Municipality")
               for seg in st.attendance)


_VISITING_TITLE_RE = re.compile(r"^(?:landshövding|statssekreterare|generaldirektör|riksdagsledamot)")


def _visiting_officials(st: DocState) -> set[str]:
    """People whose office makes them the visitor (a county governor, a state secretary): their own
    agency comes with them, it is not a participant unless it is the publisher that reports the meeting."""
    return {s.subject for s in st.statements if s.predicate == "role" and _VISITING_TITLE_RE.match(s.object)}


_PLACE_SENTENCE_RE = re.compile(r"(?:Plats|Lokal)\s*:\s*")


def _place_sentences(st: DocState, meets: list[MeetingDraft]) -> None:
    """"09.00 Möte med Region X om ... Plats: Regionhuset, Falun.": a "Plats:" sentence of a meeting's own
    paragraph says where that meeting is held (the building before the town)."""
    text = st.doc.text
    for mt in meets:
        if mt.location is not None:
            continue
        for sent in mt.sentences:
            m = _PLACE_SENTENCE_RE.match(text, sent.start)
            if not m or sent.block != getattr(st.sentence_at(mt.trigger[0]), "block", -1):
                continue
            cands = [x for x in st.mentions_in(m.end(), sent.end) if x.kind in PARTICIPANT_ORGS | {"Place"}]
            if cands:
                place = next((x for x in cands if x.kind == "Place"), cands[0])
                mt.location = place.key
                mt.because(place.key, st.prov(place.prov.span.start, place.prov.span.end,
                                              "extract.meetings.field_line", MEETING_CONFIDENCE))
                break


def _agenda(st: DocState, seg: Segmentation, meets: list[MeetingDraft]) -> None:
    """The items on the agenda of minutes are what the minuted meeting discussed, wherever the list
    stands (a table of contents on a page of its own), and no other meeting's topics."""
    minutes = seg.minutes
    if minutes is None or not st.agenda_topics:
        return
    items: dict[str, tuple[int, int]] = {}
    for i in sorted(st.agenda_topics, key=lambda j: st.topic_hits[j].start):
        h = st.topic_hits[i]
        if i not in st.domain_topics:
            items.setdefault(h.concept.id, (h.start, h.end))
    for mt in meets:
        if mt is not minutes:
            mt.topics = [t for t in mt.topics if t not in items]
    for tid, (a, b) in items.items():
        if tid not in minutes.topics:
            minutes.topics.append(tid)
        minutes.because(f"topic/{tid}", st.prov(a, b, "extract.meetings.agenda", MEETING_CONFIDENCE))


# the lead-in of a body's roster in running news ("Ordinarie ledamöter:", "Ersättare:", "Nya styrelsen:",
# "Styrelsen består av:"): the people it lists hold their seats, they are not said to take part in a meeting
# (the board's, in the genitive: "Styrelsens ordinarie ledamöter:", a lead-in that ends its line over a list of
# one entry per line)
_SEATS_LEAD_RE = re.compile(r"(?im)(?:^|(?<=[.!?])[ \t]+)"
                             r"(?P<lead>(?:[a-zåäö]*(?:styrelsens|direktionens|nämndens)[ \t]+)?"
                             r"(?:ordinarie[ \t]+)?ledamöter|ersättare|suppleanter|"
                             r"(?:den[ \t]+)?nya[ \t]+styrelsen|styrelsen[ \t]+består[ \t]+av|presidiet|presidium)"
                             r"[ \t]*:[ \t]*(?=[A-ZÅÄÖ]|$)")


def _roster_spans(st: DocState) -> list[tuple[int, int]]:
    """Where the rosters of a news text run: from each lead-in to the end of its line. Minutes, whose lists
    under these words are the attendance, have none."""
    if st.attendance:
        return []
    text = st.doc.text
    return [(m.end(), e if text[m.end():e].strip() else _paragraph_end(text, e))
            for s, e in lines_holding(text, ":") for m in _SEATS_LEAD_RE.finditer(text, s, e)]


def _paragraph_end(text: str, pos: int) -> int:
    """Where the paragraph that starts after ``pos`` (past blank lines) ends: the next blank line, or the text's
    end."""
    start = len(text) - len(text[pos:].lstrip()) if text[pos:pos + 1].isspace() else pos
    blank = _BLANK_LINE_RE.search(text, start)
    return blank.start() if blank else len(text)


_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


def _travelling_ministers(st: DocState, meets: list[MeetingDraft]) -> frozenset[str]:
    """"Måndagen besöker ministrarna A och B Exempelby": the ministers of a text who all make one of its visits
    together, whose programme the subjectless items of the text are (none where the text has fewer than two)."""
    if len(st.ministers) < 2:
        return frozenset()
    for mt in meets:
        if mt.kind != "visit" or mt.subjectless:
            continue
        sent = next((x for x in mt.sentences if x.start <= mt.trigger[0] < x.end), None)
        if sent is None:
            continue
        # the ministers the visit's own sentence names (not the one they meet, named where they "träffar")
        named = {k for k in st.ministers if k in st.info
                 and any(sent.start <= m.prov.span.start < sent.end for m in st.info[k].mentions)}
        if len(named) >= 2:
            return frozenset(named)
    return frozenset()


def _first_named(st: DocState, key: str) -> int:
    named = st.info[key].mentions if key in st.info else []
    return named[0].prov.span.start if named else 0


def fill_all(st: DocState, seg: Segmentation, meets: list[MeetingDraft]) -> None:
    person_keys = {k for k, i in st.info.items() if i.cls == "Person"}
    rosters = _roster_spans(st)
    _place_sentences(st, meets)
    _field_lines(st, meets)
    visit_places = {mt.location for mt in meets if mt.kind == "visit" and mt.location}
    group_places: dict[int, set[str]] = {}  # the places of meetings made together, one each
    for mt in meets:
        if mt.group >= 0 and mt.location:
            group_places.setdefault(mt.group, set()).add(mt.location)
    cues = _SentenceCues(st.doc.text, st.doc.text.lower())
    visitors = _visiting_officials(st)  # once per document, not once per meeting
    # a text that never speaks of a municipality as a body ("kommunen", "X kommun", "kommunalrådet", ...) reports
    # a visit to a town's hospital or firm, a conference in a city: the town itself takes part in none of them
    municipal = _MUNICIPAL_WORD_RE.search(cues.low) is not None
    for mt in meets:
        _fill(st, seg, mt, person_keys, visit_places, group_places, visitors, cues, rosters)
        if not municipal:
            others = [o for o in mt.orgs if st.cls_of(o) != "Municipality"]
            if mt.persons or others:
                mt.orgs = others  # (a visit that names no one else keeps the town it was made to)
    travelling = _travelling_ministers(st, meets)
    for mt in meets:
        if travelling and mt.subjectless and not (travelling & set(mt.persons)):
            for person in sorted(travelling, key=lambda k: -_first_named(st, k)):
                _add_programme_person(st, mt, person)  # a programme item of the ministers' trip together
    for mt in meets:
        if mt.location is None and mt.same_place_as is not None:
            mt.location = mt.same_place_as.location  # "efter mötet ...": where that meeting was
        if mt.date is None and mt.same_place_as is not None and mt.same_place_as.date is not None \
                and not lx.NEXT_EVENT_RE.search(cues.low, mt.trigger[0] - 60, mt.trigger[1] + 60):
            mt.date = mt.same_place_as.date  # the same day's programme
    _programme_dates(st, meets)
    _agenda(st, seg, meets)


def to_meetings(st: DocState, meets: list[MeetingDraft]) -> list[Meeting]:
    """Meeting records of the drafts that have participants, with stable ids."""
    text = st.doc.text
    out = []
    # "gör en kommunturné i länet" over a schedule of dated visits: the tour itself is no event
    umbrellas = {id(mt.announced_by) for mt in meets if mt.announced_by is not None}
    sources = PartSources(st)
    kept: list[tuple[MeetingDraft, set[str]]] = []
    for idx, mt in enumerate(meets):
        parts = list(dict.fromkeys(mt.persons + mt.orgs))
        if not parts or (id(mt) in umbrellas and mt.location is None and not mt.named):
            continue
        # "Besök på <a name no list holds>" in a visit's programme: the same people at the same place on the
        # same day as a visit already kept are that visit
        if mt.kind == "visit" and mt.location is not None and not mt.named and any(
                (k.kind, k.location, k.date) == (mt.kind, mt.location, mt.date) and set(parts) <= kp for k, kp in kept):
            continue
        if len(parts) == 1 and parts[0] in mt.persons and mt.location is None and mt.date is None \
                and not mt.named and not (mt.subjectless and governors_page(st)) and any(
                o is not mt and parts[0] in o.persons + o.orgs and (o.location or o.date) for o in meets):
            # "Ministern träffar företagare ...": what one of its people does, besides a real event (not an item of
            # a governor's own calendar: an event of the governor's, with or without its place)
            continue
        kept.append((mt, set(parts)))
        s, e = mt.trigger
        sent = st.sentence_at(s)
        mid = f"meeting/{st.doc.id[:16]}-{s}-{idx}"
        rule = f"extract.meetings.{mt.kind}"
        topics = tuple(dict.fromkeys(mt.topics))
        # pydantic checks kind and status against the vocabulary table when the record is made
        out.append(Meeting(id=mid, kind=mt.kind, doc_id=st.doc.id, participants=tuple(parts),
                           location=mt.location, date=mt.date, status=mt.status, topics=topics,
                           prov=st.prov(sent.start if sent else s, sent.end if sent else e, rule, 0.7),
                           label=text[s:e],
                           participant_provs=tuple(sources.participant(mt, p, rule) for p in parts),
                           location_prov=sources.location(mt, rule) if mt.location else None,
                           topic_provs=tuple(sources.topic(mt, t, rule) for t in topics)))
    return out
