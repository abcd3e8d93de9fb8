"""Attendance lists of minutes: who was there, in what capacity, for which body.

A protocol ("Protokoll", "Sammanträdesprotokoll", "Minnesanteckningar") lists
its attendance under cues ("Beslutande", "Närvarande ersättare", "Övriga
närvarande", "Förhinder"), often as one run-on paragraph when the text comes
from a PDF. Each cue opens a segment up to the next cue or the end of the list
("Utses att justera", "Paragrafer", "§", an agenda item "3:"). In a segment:

- a title stands after the name it belongs to ("Anna Berg (S), ordförande",
  "Per Holm vice ordförande", "Eva Lund (Sekreterare)"), so titles are tied
  backwards, replacing a forward reading;
- names written one after another without a separator ("Anna Berg Per Holm")
  are two people;
- a member (under "Beslutande", "Ledamöter", "Ersättare" ...) is affiliated
  with the minuted body: the organisation of the "Organ:" line, of the header
  ("PROTOKOLL Kommunstyrelsen" makes that board an organisation of its own),
  or the publisher.

Reads ``doc``, ``ref``, ``mentions``, ``people``, ``publisher``; writes
``attendance``, ``minuted_body``, ``people``, ``mentions``, ``info``, ``statements``.
"""
from __future__ import annotations

import re
from collections import Counter

from ... import prefilter
from ...models import Mention, Statement
from ...refdata import Reference
from ...text import fold, slug
from ...vocab import INFERRED_CONFIDENCE
from .. import lexicon as lx
from ..orgs import board_owner_kind, owned_board_key
from ..persons import MONTHS, PersonHit, TitleHit
from ..state import PARTICIPANT_ORGS, Attendance, DocState, most_named
from ..step import Step

_CUE_RE = re.compile(
    # ("Beslutande kommunrepresentanter", "Beslutande partirepresentanter": the members each side sends)
    r"(?:(?<=\n)|(?<=^)|(?<=[\s:.,]))(?P<cue>(?:[Bb]eslutande(?: ledamöter| [a-zåäö]+representanter)?|"
    r"[Nn]ärvarande ledamöter|"
    r"[Tt]jänstgörande ersättare|[Nn]ärvarande ersättare|Ledamöter|Ersättare|Närvarande|NÄRVARANDE|Deltagare|"
    # (a first page's labels in capitals: "BESLUTANDE Anna Berg (L) ... ERSÄTTARE Per Holm (M)")
    r"BESLUTANDE|LEDAMÖTER|ERSÄTTARE|"
    # the members called to the meeting, the regular ones apart from their deputies: "Kallade", "Ordinarie"
    r"Kallade|Ordinarie(?: ledamöter)?|"
    # the deputies present who do not vote: "Ej tjänstgörande ersättare" (and its misspelling "tjänstegörande")
    r"[Ee]j tjänstegörande(?: ersättare)?|[Ee]j tjänstgörande(?: ersättare)?|Deltagande|"
    # "Kommunernas ledamöter", "Regionens ledamöter": the members each side sends; "Direktionens ersättare"
    r"[A-ZÅÄÖ][a-zåäö]+(?:ernas|arnas|ens|ets|s)\s+(?:ledamöter|ersättare)|"
    r"[Öö]vriga närvarande|[Öö]vriga deltagare|[Öö]vriga deltagande|Närvarande tjänstemän|Tjänstemän|"
    r"Tjänstepersoner|Fackliga (?:organisationer|representanter|företrädare)|"
    r"Inbjudna|Inbjuden|Adjungerade?|"
    r"[Ff]örhinder|[Ff]rånvarande|[Aa]nmält förhinder|[Öö]vriga(?=\s*:)|Ej närvarande|"
    # (not the mark after a member's party: "Per Holm (S) ej närvarande Eva Sjö (M)" goes on with the list)
    r"(?<!\) )(?<!\),)(?<!\), )ej närvarande|"
    # the tail of "Beslutande:" or "Närvarande:" whose head a PDF's column cut off ("kl ande: Anna Berg")
    r"(?<=[ \t])ande(?=[ \t]*:)|"
    # a form's field for the board's chair: "Ordförande: Anna Berg (S) 2:e vice ordförande: Per Holm (M)"
    r"(?:Ordförande|Vice ordförande|[12]:[ae] vice ordförande)(?=[ \t]*:)))\s*[:;]?\s+"
    # a label's tail a PDF's columns left behind: "Närvarande: ande: Anna Berg", or before the next label of a column
    # of labels ("Närvarande: ande Sekreterare: Övriga närvarande: ..."); a count: "Ledamöter (7) Anna Berg"
    r"(?:[a-zåäö]{2,12}\s*:\s*|[a-zåäö]{2,12}[ \t]+(?=[A-ZÅÄÖ][a-zåäö]+[ \t]*:)|\(\d{1,2}\)\s*)?"
    # the column heads of a table of presence and votes, run together: "Närvaro §§ Ordinarie ledamöter Tjg Ej tjg
    # Ja Nej"
    r"(?:Närvaro[ \t]*§*\s*(?:Ordinarie[ \t]+ledamöter)?(?:[ \t]*(?:Tjg|Ej[ \t]+tjg|JA|NEJ|Ja|Nej|Avstår))*\s*)?"
    r"(?=[A-ZÅÄÖ])")
_MEMBER_CUES = ("ande", "kallade", "ordinarie", "ordinarie ledamöter", "beslutande", "beslutande ledamöter",
                "närvarande ledamöter", "tjänstgörande ersättare",
                "närvarande ersättare", "ledamöter", "ersättare", "närvarande", "deltagare", "ej tjänstgörande",
                "ej tjänstgörande ersättare", "ej tjänstegörande", "ej tjänstegörande ersättare")
# (the cues that name a member's office: the field's label is its value's title too)
_OFFICE_CUES = ("ordförande", "vice ordförande", "1:e vice ordförande", "1:a vice ordförande", "2:e vice ordförande",
                "2:a vice ordförande")
_ABSENT_CUES = ("förhinder", "frånvarande", "anmält förhinder", "ej närvarande")
_END_RE = re.compile(r"\b(?:Utses att justera|Justerare|Justering(?:ens)?|Paragrafer|Underskrifter|"
                     r"Plats och tid|Tid och plats|Sammanträdesdatum|Organ\s*:|Se sida)|§|"
                     r"(?<![\d.])\d{1,2}\s*:(?!\d|e\b|a\b)|\n\s*\n")
# a word of a name, with a second part after a hyphen: "Holm", "Per-Olle"
_NAME_WORD = r"[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?"
# "Lars Nord (S) tjg för Eva Sjö", "... tjg ersättare för ...", "... tjänstgörande ersättare för ..."
# "X tjg för Y", "X, ersättare för Y", "X ersätter Y": Y is not at the meeting
# ("Eva Ek (S) tj ers för Per Holm": the abbreviation cut short)
_REPLACES_RE = re.compile(r"\b(?:(?:(?:tjg\.?|tgj\.?|tj\.?|tjänstgör(?:ande)?)(?:\s+(?:ersättare|ers\.?))?"
                          r"|[Ee]rsättare|ersätter|i stället)\s+för|ersätter)\s+$"
                          # "Gunnar Berg (M) för Johan Ek (M)": the substitute, its party, then bare "för"
                          r"|\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\)\s*för\s+$"
                          # "Per Holm för Eva Sjö": the substitute's name, then bare "för"
                          rf"|(?<![\wåäö-]){_NAME_WORD}[ \t]+för[ \t]+$")
# "Stefan Ek (s) ej närvarande": the list marks the member absent after the name
_ABSENT_AFTER_RE = re.compile(r"[ \t]*(?:\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\)[ \t]*)?,?[ \t]*(?:ej|inte)[ \t]+närvarande\b")
# a table with a column for the party and one for presence: a dash where the mark would be ("Per Holm M -"); the
# member is away from this meeting, still the board's
_AWAY_MARK_RE = re.compile(r"[ \t]+[A-ZÅÄÖ]{1,3}[ \t]+[-–](?![\wåäö-])")
# "Anna Berg (S), ordförande", "Per Ek(Skaraborg), vice ordförande": a party or the area a member sends for
# "Bo Ek, Älvsbyn, (s, ordförande", "Per Ek, Vara kommun, sekr": the town or office, then a party whose bracket
# the PDF's text lost
_BACKWARD_GAP_RE = re.compile(r"\s*(?:,\s*[A-ZÅÄÖa-zåäö][a-zåäö-]+(?:[ \t]+[a-zåäö][a-zåäö-]+){0,2}\s*(?:,\s*|(?=\()))?"
                              r"(?:\(\s*(?:[A-Za-zÅÄÖåäö]{1,4}|[A-ZÅÄÖ][a-zåäö-]{2,24})\s*\)?\s*)?[,(]?\s*")
# (after the page mark of its first page: "PROTOKOLL 1(54) Socialnämnden", "PROTOKOLL Sida 1 Kommunstyrelsen")
_BODY_RE = re.compile(r"\b(?:(?:PROTOKOLL|[Pp]rotokoll|[Ss]ammanträdesprotokoll|[Mm]innesanteckningar)"
                      # (the meeting, then the body: "Protokoll från sammanträde med Regionstyrelsen")
                      r"(?:\s+från(?:\s+(?:sammanträde(?:t)?|möte(?:t)?)\s+(?:med|i))?)?"
                      # (in capitals, the body on its line: "SAMMANTRÄDESPROTOKOLL Regionförbundets styrelse")
                      r"|SAMMANTRÄDESPROTOKOLL(?=[ \t]+[A-ZÅÄÖ][a-zåäö]+förbundets[ \t])"
                      # (a board after the label of the page's number, the number lost: "SAMMANTRÄDESPROTOKOLL Sida
                      # Kommunstyrelsen")
                      # (or after the page's number: "SAMMANTRÄDESPROTOKOLL Sida 1(14) Miljönämnden")
                      rf"|SAMMANTRÄDESPROTOKOLL(?=[ \t]+Sida[ \t]+(?:\d{{1,3}}[ \t]?\(\d{{1,3}}\)[ \t]+)?"
                      rf"(?:{lx.BOARD_NAMES})(?![\wåäö-])))"
                      r"(?:\s+Sida(?:\s+\d{1,3}(?!\s?\())?)?(?:\s+\d{1,3}\s?\(\d{1,3}\))?\s+"
                      # (a board's name of several words whole: "Protokoll Barn- och utbildningsnämnden")
                      rf"(?P<b>(?:{lx.BOARD_NAMES})(?![\wåäö-])|(?:[A-ZÅÄÖ][\wåäö-]*?"
                      r"(?:s\s+arbetsutskott|s\s+[a-zåäö]*utskott)?))(?![\wåäö-])")
_BOARD_WORD_RE = re.compile(rf"(?:{lx.BOARD_NAMES}|[A-ZÅÄÖ][a-zåäö-]*utskottet)"
                            r"(?:s\s+[a-zåäö]*utskott)?$")  # "Kommunstyrelsens arbetsutskott", "Socialutskottet"
# a board before the first field of a run-on first page: "Landstingsstyrelsen Tid Måndagen den ..."
# (or before the meeting's date, then the field: "Kommunstyrelsens arbetsutskott 25 mars 2004 Plats och tid")
_BOARD_BEFORE_FIELD_RE = re.compile(rf"(?<![\wåäö-])(?P<b>{lx.BOARD_NAMES}|(?:Kommun|Region|Landstings)styrelsens "
                                    r"arbetsutskott)"
                                    r"(?:[ \t]+\d{1,2}[ \t]+[a-zåäö]{3,9}[ \t]+\d{4}|[ \t]+\d{4}-\d\d-\d\d)?"
                                    r"[ \t]+(?:Tid|Plats|Datum|Sammanträdesdatum|Sida[ \t]+\d+)\b")
_PLACE_LABEL_RE = re.compile(rf"\b(?:{lx.PLACE_FIELD_LABELS})\b")
# a header's field label, where a header's title is followed by its fields, not by its board's name
_FIELD_WORD_RE = re.compile(rf"\b(?:{lx.PLACE_FIELD_LABELS}|Tid|Datum|Sammanträdesdatum|Sida|Beslutande|Närvarande|"
                            r"Dag|Kl|Klockan)\b")
# a board in capitals, then its committee: "REGIONSTYRELSEN Arbetsutskottet"
_CAPS_COMMITTEE_RE = re.compile(r"\s*(?P<board>(?:KOMMUN|REGION|LANDSTINGS)STYRELSEN)[ \t]+"
                                r"(?P<c>Arbetsutskottet|[A-ZÅÄÖ][a-zåäö]*utskottet)\b")
# ... or both in capitals, the board in the genitive: "KOMMUNSTYRELSENS ARBETSUTSKOTT Sammanträdesprotokoll",
# "PROTOKOLL Sammanträdesdatum KOMMUNSTYRELSENS SOCIALA UTSKOTT"
_CAPS_GENITIVE_COMMITTEE_RE = re.compile(r"(?<![\wåäöÅÄÖ])(?P<board>(?:KOMMUN|REGION|LANDSTINGS)STYRELSEN)S[ \t]+"
                                         r"(?P<c>(?:[A-ZÅÄÖ]{3,}A[ \t]+)?[A-ZÅÄÖ]*UTSKOTT)(?![\wåäöÅÄÖ])")
_CAPS_BODY_RE = re.compile(r"\bPROTOKOLL[ \t]+(?:FRÅN[ \t]+)?[A-ZÅÄÖ]*(?:MÖTE|MÖTET|SAMMANTRÄDE|SAMMANTRÄDET)[ \t]+"
                           r"(?:(?:I|FÖR|MED|INOM)[ \t]+)?(?P<b>[A-ZÅÄÖ]{2,}(?:[ \t]+[A-ZÅÄÖ]{2,}){0,3})(?![\wåäöÅÄÖ])")
# the header's board in lower case after its meeting: "Protokoll från sammanträde med landstingsstyrelsen"
# (or at once: "Protokoll från regionutvecklingsnämnden den 3 mars 2017")
_LOWER_BOARD_RE = re.compile(r"\b[Pp]rotokoll[ \t]+från[ \t]+(?:(?:sammanträde(?:t)?|möte(?:t)?)[ \t]+(?:med|i)[ \t]+)?"
                             r"(?P<b>(?:kommun|region|landstings)(?:styrelsen|fullmäktige)|"
                             r"förbunds(?:styrelsen|direktionen)|[a-zåäö]{4,}nämnden)(?![\wåäö-])")
# a municipality's or a region's council that opens its minutes, before their title: "Kommunala pensionärsrådet
# protokoll", "Regionala funktionshindersrådet Protokoll"
# (or a district's board, in the indefinite: "Barn- och skolnämnd Exempelby Öster Sammanträdesprotokoll")
_COUNCIL_HEADER_RE = re.compile(r"\s*(?P<b>(?:Kommunala|Regionala)[ \t]+[a-zåäö]{4,}rådet|"
                                r"[A-ZÅÄÖ][a-zåäö]+(?:-[ \t]+och[ \t]+[a-zåäö]+)?nämnd(?:[ \t]+[A-ZÅÄÖ][a-zåäö]+){1,2})"
                                r"[ \t]+(?:[Ss]ammanträdes)?"
                                r"(?:[Pp]rotokoll|PROTOKOLL|[Mm]innesanteckningar)\b")
# a header that names the board of an association without its name: "Protokoll från förbundsstyrelsens sammanträde"
_ASSOCIATION_BOARD_RE = re.compile(r"\b(?:protokoll|sammanträdesprotokoll)[ \t]+(?:från|för|vid)[ \t]+"
                                   r"(?:förbundsstyrelsens|förbundsdirektionens|direktionens|styrelsens|"
                                   r"förbundsfullmäktiges)\b"
                                   # (or as one word: "Direktionsprotokoll", "Förbundsstyrelseprotokoll")
                                   r"|\b(?:förbunds)?(?:direktions|styrelse)(?:sammanträdes)?protokoll(?:et)?\b",
                                   re.IGNORECASE)
# the "Organ" field of a run-on first page, without its colon: "Organ Kommunstyrelsens arbetsutskott"
# ("Organ och §§:" over its value, where the certificate of posting names the body and the items)
_ORGAN_FIELD_RE = re.compile(r"\bOrgan(?:[ \t]+|[ \t]+och[ \t]+§§[ \t]*:\s*)(?=[A-ZÅÄÖ])")
# "Socialnämndens protokoll", "Miljö- och hälsoskyddsnämndens sammanträdesprotokoll": the board in the genitive
_BOARD_PROTOCOL_RE = re.compile(rf"(?<![\wåäö-])(?P<b>{lx.BOARD_NAMES})(?=s[ \t]+(?:sammanträdes)?protokoll\b)")
# a board that opens a line of the first page, its minutes' header ("Barn- och utbildningsnämnden
# SAMMANTRÄDESPROTOKOLL Sida 1(16)", under a title that misspells it)
# (after the page's number a PDF's text puts first: "2 Socialnämnden SAMMANTRÄDESPROTOKOLL")
_BOARD_LINE_RE = re.compile(rf"^[ \t]*(?:\d{{1,3}}[ \t]+)?(?P<b>{lx.BOARD_NAMES})(?![\wåäö-])", re.MULTILINE)
# (after the municipality or region it belongs to: "Organ Exempelby kommun, Miljönämnden")
# (a form's label for the field: "Organ", "Nämnd:", "Nämnd/Styrelse", the label and its value run together when
# the form's text is copied: "Nämnd/StyrelseSocialnämnden")
# (the notice's "Myndighet" or "Beslutsinstans" field too: "Myndighet Arbetsutskottet Anslagsdatum ...")
# (the certificate of posting's words before the field's value, where a run-on first page lost its label:
# "Justeringen har tillkännagivits genom anslag Exempelby läns landstingsstyrelse")
_BOARD_FIELD = (r"\b(?:Organ|Myndighet|Beslutsinstans|Nämnd(?:/[Ss]tyrelse)?|Styrelse/[Nn]ämnd"
                r"|tillkännagivits[ \t]+genom[ \t]+anslag\.?)"
                r"(?:[ \t]*:[ \t]*|[ \t]+|(?=[A-ZÅÄÖ][a-zåäö]))")
_ORGAN_BOARD_RE = re.compile(rf"{_BOARD_FIELD}(?:[A-ZÅÄÖ][\wåäö-]+[ \t]+(?:kommun|region|landsting)[ \t]*,[ \t]*)?"
                             rf"(?P<b>(?:{lx.BOARD_NAMES})(?:s\s+[a-zåäö]*utskott)?|[A-ZÅÄÖ][a-zåäö-]*utskottet)(?![\wåäö-])")
# the field naming the board after its municipality or region, in the indefinite: "Organ Exempelby kommunstyrelse",
# "Organ Exempelby kommuns socialnämnd"
_OWNED_BOARD_RE = re.compile(rf"{_BOARD_FIELD}[A-ZÅÄÖ][\wåäö-]+[ \t]+(?:(?:kommuns|regions|läns)[ \t]+)?"
                             r"(?P<b>(?:kommun|region|landstings)(?:styrelse|fullmäktige)|[a-zåäö]+nämnd)(?![\wåäö-])")


# "Per Holm, ekonomichef § 133 Anna Berg, utvecklingschef § 132", "Eva Ek (L) §§ 130-133 Per Ek (L)": the
# items a person was present for, inside the list (an agenda item, "§ 114 Besök av ...", has no name and
# comma or party after its number)
_PARAGRAPH_ENTRY_RE = re.compile(r"§§?\s*\d+(?:\s*[-–,]\s*\d+)*\s+[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+){1,2}\s*[,(]"
                                 # "Övriga närvarande Se sida 2 Anna Berg, ...": the list goes on over the page
                                 r"|Se sida \d+\s+(?=[A-ZÅÄÖ])")


def _goes_on(text: str, end: re.Match[str], person_starts: dict[int, int]) -> int | None:
    """Where the list goes on past an end that is not one: an item number inside the list ("ekonomichef § 133
    Anna Berg, ..."), or a blank line before the next entry's name (a PDF's text puts one between the lines
    of a list: "Beslutande Anna Berg (C), ordförande\\n\\nPer Holm (M)")."""
    entry = _PARAGRAPH_ENTRY_RE.match(text, end.start())
    if entry is not None:
        return entry.end()
    name_end = person_starts.get(end.end()) if end.group().startswith("\n") else None
    if name_end is not None and _ENTRY_AFTER_NAME_RE.match(text, name_end):
        return end.end()
    return None


# what follows a name that is a list's entry, not a sentence's subject ("Per Holm öppnade mötet"): its party,
# a comma, the line's end or the next name
_ENTRY_AFTER_NAME_RE = re.compile(r"[ \t]*(?:\(|,|\n|\Z|[A-ZÅÄÖ])")


# a column of a form's labels, no value between them: "Sekreterare: Justerare:" (the values follow the last label)
_LABELS_ONLY_RE = re.compile(r"(?:\s*[A-ZÅÄÖ][a-zåäö]+(?:[ \t]+[a-zåäö]+)?[ \t]*:)*\s*")


# what stands between two cues of a column of labels where a PDF cut the labels short: "Närvarande ledamöter
# Närvarande ers Övriga närvarande" (the values follow the last label)
_CUT_LABEL_RE = re.compile(r"\s*(?:[A-ZÅÄÖ][a-zåäö]+[ \t]+)?[a-zåäö]{2,5}\.?\s*")


# the labels a column of them goes on with after the attendance cues, before the values
_LATER_LABELS_RE = re.compile(r"(?:\s*(?:Utses att justera|Justerare|Justerande|Justeringens plats och tid|"
                              r"Justering(?:ens)? (?:plats och tid|tid och plats)|Paragrafer|Sekreterare)[ \t]*:?)+\s*")


def _segments(text: str, cues: list[re.Match[str]], person_starts: dict[int, int]) -> list[Attendance]:
    out: list[Attendance] = []
    stacked_members = False  # "Beslutande Ledamöter ... Tjänstemän Anna Berg (C) ...": the labels first, then all names
    for i, m in enumerate(cues):
        limit = cues[i + 1].start() if i + 1 < len(cues) else min(len(text), m.end() + 1500)
        end = _END_RE.search(text, m.end(), limit)
        while end is not None and (on := _goes_on(text, end, person_starts)) is not None:
            end = _END_RE.search(text, on, limit)
        stop = end.start() if end else limit
        cue = m["cue"].lower()
        capacity = "absent" if cue in _ABSENT_CUES else \
            "member" if cue in _MEMBER_CUES or cue in _OFFICE_CUES \
            or cue.endswith((" ledamöter", " ersättare", "representanter")) else "other"
        if stop > m.end() and not _LABELS_ONLY_RE.fullmatch(text, m.end(), stop) \
                and not (i + 1 < len(cues) and _CUT_LABEL_RE.fullmatch(text, m.end(), stop)):
            if capacity == "other" and stacked_members:
                capacity = "mixed"  # the members among them are the ones with a party
            out.append(Attendance(m.end(), stop, capacity))
            stacked_members = False
        elif capacity == "member":
            stacked_members = True
    if stacked_members:
        # "Beslutande Övriga deltagare Utses att justera Justeringens plats och tid <the values>": the column of
        # labels goes on past the cues; the names follow its last label, the members the ones with a party
        labels = _LATER_LABELS_RE.match(text, cues[-1].end())
        if labels is not None:
            limit = min(len(text), labels.end() + 1500)
            end = _END_RE.search(text, labels.end(), limit)
            out.append(Attendance(labels.end(), end.start() if end else limit, "mixed"))
    return out


def _town_names(ref: Reference) -> dict[str, str]:
    """Municipality names, folded, and the municipality each names."""
    return ref.derived("town_names", lambda: {
        fold(f.text): e.key for e in ref.entities.values() if e.cls == "Municipality" for f in e.forms})


def _drop_town(st: DocState, p: PersonHit) -> None:
    """"Anna Berg (s), Vara Per Holm (kd), Tibro": the entry before ends with its member's town, which
    the name after it took as a first word."""
    words = p.name.split()
    if len(words) < 3 or fold(words[0]) not in _town_names(st.ref) or words[1] not in st.ref.given_names \
            or not re.search(r"\)\s*,\s*$", st.doc.text[max(0, p.start - 8):p.start]):
        return
    start = _word_start(st, p, words, 1)
    _replace(st, p, [PersonHit(start, p.end, " ".join(words[1:]), "")])
    town = _town_names(st.ref)[fold(words[0])]
    st.add_mention(Mention(text=words[0], kind="Municipality", key=town,
                           prov=st.prov(p.start, p.start + len(words[0]), "extract.attendance.town", 0.75)))


def _word_start(st: DocState, p: PersonHit, words: list[str], i: int) -> int:
    """Where the ``i``-th word of the name read as ``p`` (its words ``words``) starts in the text."""
    return p.start + st.doc.text[p.start:p.end].index(words[i], len(" ".join(words[:i])))


def _replace(st: DocState, p: PersonHit, hits: list[PersonHit]) -> None:
    """Put ``hits`` where the person ``p`` was read."""
    for m in [m for m in st.mentions_in(p.start, p.start + 1) if m.kind == "Person"]:
        st.forget(m)
    st.people.persons.remove(p)
    st.people.roles = [(q, t) for q, t in st.people.roles if q is not p]
    if hits and hits[-1].end == p.end and hits[-1].party is None:
        hits[-1].party, hits[-1].party_span = p.party, p.party_span  # the party after the name is its last one's
    for hit in hits:
        hit.key = st.ref.person_keys.get(hit.name.casefold(), "person/" + slug(hit.name))
        st.people.persons.append(hit)
        st.add_mention(Mention(text=hit.name, kind="Person", key=hit.key,
                               prov=st.prov(hit.start, hit.end, "extract.attendance.person", 0.75)),
                       label=hit.name)


def _split_run_on(st: DocState, seg: Attendance) -> None:
    """"Anna Berg Per Holm" read as one four-word name: two people."""
    for p in [p for p in st.people.persons if seg.start <= p.start < seg.end]:
        _drop_town(st, p)
        if p not in st.people.persons:
            continue
        words = p.name.split()
        if len(words) == 3:
            _split_lost_given(st, p, words)
            if p in st.people.persons:
                _split_rare_given(st, p, words)
            continue
        if len(words) < 4:
            continue
        cut = next((i for i in range(2, len(words) - 1) if words[i] in st.ref.given_names), None)
        if cut is None:
            continue
        second_start = _word_start(st, p, words, cut)
        first = PersonHit(p.start, p.start + len(" ".join(words[:cut])), " ".join(words[:cut]), "")
        second = PersonHit(second_start, p.end, " ".join(words[cut:]), "")
        _replace(st, p, [first, second])
    st.people.persons.sort(key=lambda h: h.start)


# the word before a name that is the given name of an entry the name reader did not take ("för Mayken")
_WORD_BEFORE_RE = re.compile(rf"(?<![\wåäö-]){_NAME_WORD}[ \t]+$")


_COMMON_GIVEN, _RARE_GIVEN = 1000, 500  # bearers of a given name (a surname such as "Nilsson" is one of a few hundred)


def _split_lost_given(st: DocState, p: PersonHit, words: list[str]) -> None:
    """"Eva Ek Per Holm" read as "Ek Per Holm" where the given name "Eva" is not one the lists know: the
    surname, a common given name, a surname are two people, the first with the word before."""
    given = st.ref.given_names
    if given.get(words[1], 0) < _COMMON_GIVEN or (given.get(words[0], 0) >= _RARE_GIVEN
                                                  and words[0] not in st.ref.surnames):
        return
    before = _WORD_BEFORE_RE.search(st.doc.text, max(0, p.start - 30), p.start)
    if before is None or before.group().split()[0].lower() in lx.MINUTES_STRUCTURE_WORDS:
        return
    second_start = _word_start(st, p, words, 1)
    first_end = p.start + len(words[0])
    first = PersonHit(before.start(), first_end, " ".join(st.doc.text[before.start():first_end].split()), "")
    _replace(st, p, [first, PersonHit(second_start, p.end, " ".join(words[1:]), "")])


_NEXT_SURNAME_RE = re.compile(rf"[ \t]+(?P<w>{_NAME_WORD})(?![\wåäö-])")


def _split_rare_given(st: DocState, p: PersonHit, words: list[str]) -> None:
    """"Anna Berg Maidie Holm" read as "Anna Berg Maidie" where the rare given name "Maidie" was taken for a
    second surname and its surname left behind: two people, the second with the word after."""
    given = st.ref.given_names
    nxt = _NEXT_SURNAME_RE.match(st.doc.text, p.end)
    if nxt is None or words[2] not in given or given.get(words[0].split("-")[0], 0) < _COMMON_GIVEN \
            or given.get(nxt["w"], 0) >= _RARE_GIVEN or nxt["w"].lower() in lx.MINUTES_STRUCTURE_WORDS:
        return
    second_start = _word_start(st, p, words, 2)
    first_end = p.start + len(" ".join(words[:2]))
    second = PersonHit(second_start, nxt.end(), " ".join(st.doc.text[second_start:nxt.end()].split()), "")
    _replace(st, p, [PersonHit(p.start, first_end, " ".join(words[:2]), ""), second])


def _trim_at_cues(st: DocState, cues: list[re.Match[str]]) -> None:
    """"Eva Lund Ej närvarande: ...", "Per Holm Adjungerade: ...": a name read on into the next cue ends before it."""
    for p in list(st.people.persons):
        cut = next((c.start("cue") for c in cues if p.start < c.start("cue") < p.end), None)
        if cut is None:
            continue
        name = st.doc.text[p.start:cut].rstrip()
        if " " in name:
            _replace(st, p, [PersonHit(p.start, p.start + len(name), name, "")])


def _drop_cue_titles(st: DocState, cues: list[re.Match[str]]) -> None:
    """"Närvarande ersättare Eva Nord": the cue heads a list, it is no one's title."""
    st.people.roles = [(p, t) for p, t in st.people.roles
                       if not any(c.start("cue") <= t.start < c.end("cue") and c["cue"].lower() not in _OFFICE_CUES
                                  for c in cues)]


# a protocol's signature block: each label stands before the name of who signs ("Underskrifter Sekreterare
# Anna Berg Ordförande Per Holm (S) Justerare Eva Sjö (C)"), the order the minutes' lists do not follow
_SIGNATURES_RE = re.compile(r"\bUnderskrifter\b(?P<block>[^§\n]{0,300})")
_SIGNATURE_LABELS = frozenset({"ordförande", "sekreterare", "justerare", "justerande"})
# between a label and the name it heads: a colon, the next field's label a PDF's columns put between ("Sekreterare
# Paragrafer Anna Berg"), the slash of a name signed in print ("Ordförande /Per Holm/"), the dots of the line
# signed on ("Sekreterare..")
_LABEL_GAP_RE = re.compile(r"[ \t]*(?::|\.{2,})?[ \t]*(?:Paragrafer[ \t]+(?:\d[\d \t,–-]*[ \t])?)?/?")
_SIGNER_GAP_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,6}\))?[ \t,]*")  # the signer's party between name and label


def _signature_block(st: DocState) -> tuple[list[PersonHit], list[TitleHit], bool] | None:
    """The names and the labels of the signature block, and whether it writes each name before its label."""
    m = _SIGNATURES_RE.search(st.doc.text)
    if m is None:
        return None
    a, b = m.span("block")
    in_block = [p for p in st.people.persons if a <= p.start < b]
    labels = [t for t in st.people.titles if a <= t.start < b and t.role in _SIGNATURE_LABELS]
    if not in_block or not labels:
        return None
    return in_block, labels, in_block[0].start < labels[0].start


def _tie_signatures(st: DocState) -> None:
    """In the signature block a label is the title of the name after it, not of the one before; unless the
    block opens with a name: then each label follows its signer ("Underskrifter Anna Berg (S) Ordförande Per
    Holm (M) Justerare")."""
    block = _signature_block(st)
    if block is None:
        return
    text = st.doc.text
    in_block, labels, names_first = block
    persons = {p.start: p for p in in_block}
    stacked = {} if names_first else _stacked_signers(text, labels, in_block)
    for t in labels:
        if t.start in stacked:
            signer: PersonHit | None = stacked[t.start]
        elif names_first:
            before = [p for p in in_block if p.end <= t.start]
            signer = before[-1] if before and _SIGNER_GAP_RE.fullmatch(text, before[-1].end, t.start) else None
        else:
            gap = _LABEL_GAP_RE.match(text, t.end)
            signer = persons.get(gap.end()) if gap else None
        if signer is not None:
            _retie(st, signer, t)


# a signature's label, as a row of them prints it (a label that is no title too: "Justerande")
_SIGN_WORD_RE = re.compile("(?:" + "|".join(sorted(w.capitalize() for w in _SIGNATURE_LABELS)) + r")(?![\wåäö-])")


def _stacked_signers(text: str, labels: list[TitleHit], names: list[PersonHit]) -> dict[int, PersonHit]:
    """"Ordförande Justerande Anna Berg (S) Per Holm (M)": a row of labels, then a row of as many names, as a PDF's
    columns print a signature block; each label is the title of the name in its place (by the label's start)."""
    by_start = {p.start: p for p in names}
    out: dict[int, PersonHit] = {}
    for t in labels:
        row = [(t.start, t.end)]
        while (w := _SIGN_WORD_RE.match(text, _past_label(text, row[-1][1]))) is not None:
            row.append(w.span())
        if len(row) < 2 or any(s in out for s, _ in row):
            continue
        signers: list[PersonHit] = []
        pos = _past_label(text, row[-1][1])
        while len(signers) < len(row) and pos in by_start:
            signers.append(by_start[pos])
            pos = _SIGNER_GAP_RE.match(text, signers[-1].end).end()  # type: ignore[union-attr]  # (matches "")
        if len(signers) == len(row):
            out.update({s: q for (s, _), q in zip(row, signers, strict=True)})
    return out


def _past_label(text: str, end: int) -> int:
    """Where what a signature's label heads starts: past the gap after the label's ``end``."""
    return _LABEL_GAP_RE.match(text, end).end()  # type: ignore[union-attr]  # (matches the empty string)


def _retie(st: DocState, signer: PersonHit, label: TitleHit) -> None:
    """The label is the title of ``signer`` and of no one else."""
    st.people.roles = [(q, u) for q, u in st.people.roles if u is not label] + [(signer, label)]


# a signature's label on a line of its own, a leader or a colon after it ("Sekreterare ………", "Underskrift
# Ordförande:"), above the line that opens with its signer's name
_LABEL_LINE_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*(?:Underskrift(?:er)?[ \t]+)?\Z")
_LABEL_LINE_AFTER_RE = re.compile(r"[ \t]*[.…:_ \t]*\n\s*")


def _tie_label_lines(st: DocState) -> None:
    """A signature block of one label a line, each above the line of its signer's name ("Sekreterare ………" /
    "Anna Berg" / "Ordförande" / "Per Holm (S)"): the label is the title of the name below it, not of the one
    above."""
    text = st.doc.text
    persons = {p.start: p for p in st.people.persons}
    for t in st.people.titles:
        if t.role not in _SIGNATURE_LABELS or not _LABEL_LINE_BEFORE_RE.search(text, max(0, t.start - 30), t.start):
            continue
        gap = _LABEL_LINE_AFTER_RE.match(text, t.end)
        signer = persons.get(gap.end()) if gap else None
        if signer is not None:
            _retie(st, signer, t)


# a row of two or more signature labels (blanks and signature lines between), and the gap between the names
# of the row under it
_LABEL_WORD_RE = re.compile("|".join(sorted((w.capitalize() for w in _SIGNATURE_LABELS), key=len, reverse=True)))
# (a label may name the secretary's office after it, the value of a column the PDF lost: "Sekreterare
# Kommunstyrelseförvaltningen Ordförande Justerare")
_LABEL_ROW_RE = re.compile(rf"(?:(?<![\wåäö])(?:{_LABEL_WORD_RE.pattern})[ \t.…_]*"
                           r"(?:[A-ZÅÄÖ][a-zåäö]+(?:förvaltningen|kansliet|kontoret)[ \t]+)?){2,}")
_ROW_GAP_RE = re.compile(r"[ \t.…_]*")


def _tie_label_row(st: DocState) -> set[int]:
    """Two or more signature labels in a row, then as many names in a row ("Sekreterare Ordförande
    Justerande.. Anna Berg. Per Holm. Eva Nord"): each label is the title of the name in its place. The ids of
    the labels tied."""
    text = st.doc.text
    done: set[int] = set()
    titles = {t.start: t for t in st.people.titles if t.role in _SIGNATURE_LABELS}
    persons = {p.start: p for p in st.people.persons}
    for row in prefilter.finditer(_LABEL_ROW_RE, text):
        words = [w.start() for w in _LABEL_WORD_RE.finditer(text, row.start(), row.end())]
        signers: list[PersonHit] = []
        pos = row.end()
        while len(signers) < len(words) and (gap := _ROW_GAP_RE.match(text, pos)) and gap.end() in persons:
            signers.append(persons[gap.end()])
            pos = signers[-1].end
        if len(signers) != len(words):
            continue
        for signer, at in zip(signers, words, strict=True):
            if at in titles:
                _retie(st, signer, titles[at])
                done.add(id(titles[at]))
    return done


_PAIR_GAP_RE = re.compile(r"[ \t]*(?:,|och|samt)[ \t]*")


def _tie_adjusters(st: DocState, in_rows: set[int]) -> None:
    """"Justerare Anna Berg och Per Holm": the label is the title of every name it lists (not in a signature
    block that writes the label after its signer's name, nor in a row of labels, ``in_rows``, whose names
    follow in the labels' order)."""
    text = st.doc.text
    persons = {p.start: p for p in st.people.persons}
    tied = {(id(q), id(u)) for q, u in st.people.roles}
    block = _signature_block(st)
    after_names = {id(t) for t in block[1]} if block is not None and block[2] else set()
    for t in st.people.titles:
        if t.role not in ("justerare", "justerande") or id(t) in after_names or id(t) in in_rows:
            continue
        gap = _LABEL_GAP_RE.match(text, t.end)
        p = persons.get(gap.end()) if gap else None
        while p is not None:
            if (id(p), id(t)) not in tied:
                st.people.roles.append((p, t))
                tied.add((id(p), id(t)))
            nxt = _PAIR_GAP_RE.match(text, p.end)
            p = persons.get(nxt.end()) if nxt and nxt.end() > p.end else None


# between a title and the name it heads: the body the official serves, in brackets ("Förbundschef (KSRR) Anna Berg")
_TITLE_NAME_GAP_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,12}\)[ \t]*)?")


def _tie_titles_backwards(st: DocState, seg: Attendance) -> None:
    text = st.doc.text
    persons = [p for p in st.people.persons if seg.start <= p.start < seg.end]
    titles = [t for t in st.people.titles if seg.start <= t.start < seg.end]
    # "Utvecklingschef Anna Berg, ekonomichef Per Holm 1-2": a list that opens with a title before its first name
    # writes every title before its name
    titles_first = bool(persons and titles) and titles[0].end <= persons[0].start \
        and not text[seg.start:titles[0].start].strip(" \t\n:") \
        and _TITLE_NAME_GAP_RE.fullmatch(text, titles[0].end, persons[0].start) is not None
    starts = {p.start: p for p in persons}
    for t in titles:
        before = [p for p in persons if p.end <= t.start]
        if not before:
            continue
        prev = before[-1]
        gap = _BACKWARD_GAP_RE.fullmatch(text, prev.end, t.start)
        if gap is None:
            continue
        nxt = _title_first(text, prev, t, persons)
        if nxt is not None:
            _retie(st, nxt, t)
            continue
        if titles_first and (head := _TITLE_NAME_GAP_RE.match(text, t.end)) and head.end() in starts:
            _retie(st, starts[head.end()], t)
            continue
        _retie(st, prev, t)


_PARTY_GAP_RE = re.compile(r"\([A-Za-zÅÄÖåäö]{1,4}\)")


def _title_first(text: str, prev: PersonHit, t: TitleHit, persons: list[PersonHit]) -> PersonHit | None:
    """"Per Holm Ekonomichef Anna Berg Socialchef ...": a title written with a capital between two names with
    nothing else between them is the next name's (a list of the officials' titles, then their names). An
    official's post after a member's party is the next name's too: "Eva Sjö (S) Kommundirektör Per Holm"."""
    gap = text[prev.end:t.start].strip(" \t")
    if not text[t.start].isupper() or gap and not (_PARTY_GAP_RE.fullmatch(gap)
                                                   and t.title.category not in ("political", "association")):
        return None
    nxt = next((p for p in persons if p.start >= t.end), None)
    return nxt if nxt is not None and not text[t.end:nxt.start].strip(" \t") else None


_CAPS_HEADER_REACH = 300  # how far into the minutes a committee named in capitals is their header


def _minuted_body(st: DocState) -> str | None:
    """The body whose minutes these are: the "Organ:" line, the header's board, the publisher."""
    text = st.doc.text
    organ = lx.ORGAN_RE.search(text[:600])
    if organ:
        orgs = [m for m in st.mentions_in(organ.end(), organ.end() + 160) if m.kind in PARTICIPANT_ORGS]
        if orgs:
            return orgs[0].key
    head = _header_board(st)
    caps_committee = _CAPS_COMMITTEE_RE.match(text)
    if caps_committee:
        # "REGIONSTYRELSEN Arbetsutskottet Sammanträdesprotokoll": the board's committee
        return _new_board(st, f"{caps_committee['board'].capitalize()}s {caps_committee['c'].lower()[:-2]}",
                          caps_committee.start(), caps_committee.end())
    caps_committee = _CAPS_GENITIVE_COMMITTEE_RE.search(text, 0, _CAPS_HEADER_REACH)
    if caps_committee:
        return _new_board(st, f"{caps_committee['board'].capitalize()}s {caps_committee['c'].lower()}",
                          caps_committee.start("board"), caps_committee.end())
    lower = _LOWER_BOARD_RE.search(text, 0, 400)
    if lower and (head is None or lower.start() < head.start()):
        # "Protokoll från sammanträde med landstingsstyrelsen": the board the header names, in lower case
        return _new_board(st, lower["b"].capitalize(), lower.start("b"), lower.end("b"))
    council = _COUNCIL_HEADER_RE.match(text) if head is None else None
    if council:
        # "Kommunala pensionärsrådet protokoll": a municipality's council, whose minutes these are
        return _new_board(st, council["b"], council.start("b"), council.end("b"))
    if head:
        known = _bodies_at(st, head)
        if known:
            return known[0].key
        board = head["b"]
        if not _BOARD_WORD_RE.fullmatch(board) and _BOARD_WORD_RE.fullmatch(board[:-1]) and board.endswith("s"):
            board = board[:-1]  # "Protokoll från Socialutskottets sammanträde": the board in the genitive
        if _FEDERATION_GENITIVE_RE.fullmatch(board):
            # "SAMMANTRÄDESPROTOKOLL Regionförbundets styrelses arbetsutskott": the federation, by the name the
            # minutes give it
            return _new_body(st, board[:-1], "Association", head.start("b"), head.end("b") - 1)
        if _BOARD_WORD_RE.fullmatch(board):
            # "Styrelsen", "Direktionen" under an association's letterhead: the association's own board, whose
            # minutes name their members as the association's
            own = st.publisher or _letterhead_body(st)
            if board_owner_kind(board) is None and own is not None \
                    and st.cls_of(own) in ("Association", "Organization"):
                return own
            # "Direktionens protokoll" where no letterhead names the federation: the association the minutes name
            # most ("Exempelbygdens räddningstjänstförbund är ... en egen kommun")
            federation = _association_named_most(st) if board_owner_kind(board) is None and own is None else None
            return federation or _new_board(st, board, head.start("b"), head.end("b"))
    # "PROTOKOLL FRÅN STYRGRUPPSMÖTE EXEMPELNÄTET DALARNA": the body a header in capitals names after its
    # meeting word
    caps = _CAPS_BODY_RE.search(text, 0, 300)
    if caps:
        s, e = caps.start("b"), caps.end("b")
        return _new_body(st, " ".join(w.capitalize() for w in caps["b"].split()), "Organization", s, e)
    # "Protokoll från förbundsstyrelsens sammanträde": the board of the association the minutes name most
    if _ASSOCIATION_BOARD_RE.search(text, 0, 400):
        body = _association_named_most(st)
        if body is not None:
            return body
    owned = _OWNED_BOARD_RE.search(text, 0, 3000)
    if owned:
        # "Organ Exempelby kommunstyrelse": the board, named as its municipality's, in the indefinite
        return _new_board(st, _definite(owned["b"]).capitalize(), owned.start("b"), owned.end("b"))
    # "Organ Exempelbygdens samordningsförbund": the field of a run-on first page, without its colon
    organ_field = _ORGAN_FIELD_RE.search(text, 0, 3000)
    if organ_field:
        named = [m for m in st.mentions_in(organ_field.end(), organ_field.end() + 1) if m.kind in PARTICIPANT_ORGS]
        if named:
            return named[0].key
    # "Ks 129 Dnr ...", "KF § 12": the items numbered by the board's abbreviation, where nothing names it
    items = list(_ITEM_NUMBER_RE.finditer(text))
    if items:
        abbr, n = Counter(m["a"].upper() for m in items).most_common(1)[0]
        if n >= 2:
            first = next(m for m in items if m["a"].upper() == abbr)
            return _new_board(st, _NUMBERED_BOARDS[abbr], first.start("a"), first.end("a"))
    # the publisher where the minutes name it in their header, before the list of who attended; a body first
    # named further down (a guest's, an item's subject) is no guess of whose minutes these are
    header_end = st.attendance[0].start if st.attendance else 0
    if st.publisher is not None and any(m.key == st.publisher and m.prov.span.start < header_end
                                        and not _in_place_field(text, m.prov.span.start) for m in st.mentions):
        return st.publisher
    return _letterhead_body(st) or _masthead_body(st) or (st.publisher if st.doc.publisher_hint else None) \
        or _unnamed_association_board(st) or _capitals_seal(st)


_SEAL_REACH = 3000  # how far into the minutes their first page's seal may stand


def _capitals_seal(st: DocState) -> str | None:
    """"EXEMPELBY KOMMUN ANSLAG/BEVIS": the one municipality or region the first page names in capitals, as its
    seal or letterhead prints it, in minutes that name no board: the municipality's own (its council's)."""
    keys = {m.key for m in st.mentions if m.kind in ("Municipality", "Region") and m.prov.span.start < _SEAL_REACH
            and m.text.isupper() and len(m.text) > 4}
    return keys.pop() if len(keys) == 1 else None


def _association_named_most(st: DocState) -> str | None:
    """The association the minutes name most outside their lists of who attended (a union named there sent a
    member; it is not whose minutes these are), else in them ("Sekreterare Ulf Holm, SmåKom")."""
    named = [m for m in st.mentions if m.kind == "Association"]
    outside = [m for m in named if not any(a.start <= m.prov.span.start < a.end for a in st.attendance)]
    return most_named(Counter(m.key for m in outside or named))


def _unnamed_association_board(st: DocState) -> str | None:
    """"Direktionsprotokoll", "Protokoll från förbundsstyrelsens sammanträde" where the text names no association
    whose board it is: the board, by the header's word for it, as an organisation of its own."""
    m = _ASSOCIATION_BOARD_RE.search(st.doc.text, 0, 400)
    if m is None:
        return None
    word = m.group().lower()
    board = next((name for stem, name in _ASSOCIATION_BOARDS if stem in word), "Styrelsen")
    return _new_board(st, board, m.start(), m.end())


# the header's word for an association's board, and the board's name (the first stem the word holds)
_ASSOCIATION_BOARDS = (("förbundsdirektion", "Förbundsdirektionen"), ("direktion", "Direktionen"),
                       ("förbundsstyrelse", "Förbundsstyrelsen"), ("förbundsfullmäktige", "Förbundsfullmäktige"),
                       ("styrelse", "Styrelsen"))


def _header_board(st: DocState) -> re.Match[str] | None:
    """Where the minutes' header names their board (group "b"): the first of the header's forms that names a
    board or a known body ("Protokoll från Socialnämnden", "Kommunstyrelsen. Sammanträdesprotokoll", "Organ
    Miljönämnden", a board before the first field of a run-on page: "Omsorgsnämnden Plats och tid ..."), else
    the word a "Protokoll" opens the header with (a body the text does not know by name)."""
    text = st.doc.text
    found = [m for m in (_BODY_RE.search(text, 0, 400), lx.BOARD_FIRST_RE.match(text),
                         _ORGAN_BOARD_RE.search(text, 0, 3000), _BOARD_PROTOCOL_RE.search(text, 0, 400),
                         _BOARD_LINE_RE.search(text, 0, 600), _BOARD_BEFORE_FIELD_RE.search(text, 0, 600))
             if m is not None]
    # "SAMMANTRÄDESPROTOKOLL Sammanträdesdatum", "Protokoll 1(12) Plats och tid": the word after the header's
    # title is one of its fields, no body
    named = [m for m in found if not _FIELD_WORD_RE.fullmatch(m["b"])]
    # a board's name before a body's: "PROTOKOLL Landstingets kansli ... Landstingsstyrelsen Tid" are the
    # board's minutes, written by the region's office
    return next((m for m in named if _BOARD_WORD_RE.fullmatch(m["b"])),
                next((m for m in named if _bodies_at(st, m)), named[0] if named else None))


def _in_place_field(text: str, pos: int) -> bool:
    """Is ``pos`` in the header's place field ("Plats och tid Kommunhuset, Exempelby, kl 9.00"): a town named
    there is where the board met, not whose minutes these are."""
    ends = [m.end() for m in _PLACE_LABEL_RE.finditer(text, max(0, pos - 60), pos)]
    return bool(ends) and not _FIELD_WORD_RE.search(text, ends[-1], pos)


def _bodies_at(st: DocState, head: re.Match[str]) -> list[Mention]:
    """The organisations named where the header names its board (group "b")."""
    return [m for m in st.mentions_in(head.start("b"), head.end("b") + 1) if m.kind in PARTICIPANT_ORGS]


# the abbreviations of the boards that number a protocol's items ("Ks 129", "KS § 12", "KSAU § 3"), and the boards
_NUMBERED_BOARDS = {"KS": "Kommunstyrelsen", "KF": "Kommunfullmäktige", "KSAU": "Kommunstyrelsens arbetsutskott"}
_ITEM_NUMBER_RE = re.compile(r"(?<![\wåäö-])(?P<a>KS|Ks|KF|Kf|KSAU|KsAu|Ksau)[ \t]*(?:§§?[ \t]*)?\d{1,3}(?![\d.,:-])")


# a federation in the genitive, whose board's minutes these are: "Regionförbundets", "Räddningstjänstförbundets"
_FEDERATION_GENITIVE_RE = re.compile(r"[A-ZÅÄÖ][a-zåäö]+förbundets")


def _new_body(st: DocState, label: str, kind: str, s: int, e: int, key: str | None = None) -> str:
    """A body the minutes' header names that no list holds, as an entity of its own (keyed by its label unless
    ``key`` is given)."""
    key = key or f"org/{slug(label)}"
    for p in [p for p in st.people.persons if (p.start < e and s < p.end) or label.endswith(" " + p.name)]:
        _replace(st, p, [])  # "Barn- och skolnämnd Exempelby Öster": the district's name is no person's
    st.add_mention(Mention(text=st.doc.text[s:e], kind=kind, key=key,
                           prov=st.prov(s, e, "extract.attendance.body", 0.7)), label=label)
    return key


def _new_board(st: DocState, board: str, s: int, e: int) -> str:
    """The minuted board as an organisation of its own, keyed by the body it belongs to: a region's board by the
    region the text names, any other by the municipality."""
    owner = board_owner_kind(board)
    # (a municipality's or a region's board: the publisher where it is of that kind, not the association most of
    # a council's members come from)
    where = st.publisher if st.publisher is not None and (owner is None or st.cls_of(st.publisher) == owner) else \
        next((m.key for m in st.mentions if m.kind == (owner or "Municipality")), st.publisher)
    key = owned_board_key(board, where, st.doc.id)
    _new_body(st, board, "Organization", s, e, key)
    _own_bare_board(st, board, key)
    return key


def _own_bare_board(st: DocState, board: str, key: str) -> None:
    """"Omsorgsnämnden" written bare elsewhere in the minutes of Exempelby's omsorgsnämnd is that one board: its
    other mentions, under the bare name's key or an owner the boards step guessed otherwise (and the publisher,
    where they made it that), take the minuted board's key."""
    bare = f"org/{slug(board)}"
    others = {m.key for m in st.mentions if m.kind == "Organization" and m.key != key
              and m.text.casefold() == board.casefold() and (m.key == bare or m.key.startswith(bare + "-"))}
    for m in [m for m in st.mentions if m.key in others]:
        st.forget(m)
        st.add_mention(m.model_copy(update={"key": key}))
    if st.publisher in others and st.publisher not in st.info:
        st.publisher = key


def _letterhead_body(st: DocState) -> str | None:
    """"Exempelrådet 2014-09-03 Tid och plats ...": the body whose name opens the minutes, before any of
    their fields (a municipality there is the letterhead's seat, not the body that met)."""
    lead = len(st.doc.text) - len(st.doc.text.lstrip())
    first = min((m for m in st.mentions if m.prov.span.start <= lead + 2), key=lambda m: m.prov.span.start,
                default=None)
    return first.key if first is not None and first.kind in PARTICIPANT_ORGS - {"Municipality"} else None


def _masthead_body(st: DocState) -> str | None:
    """"Exempeldalens samordningsförbund / Protokoll": a body whose name is a line of its own above the minutes'
    header (under a page's slogan or menu line), the body that keeps them."""
    header = lx.minutes_header(st.doc.text)
    if header is None:
        return None
    text = st.doc.text
    for m in st.mentions:
        s, e = m.prov.span.start, m.prov.span.end
        if e <= header.start() and m.kind in PARTICIPANT_ORGS - {"Municipality", "PoliticalParty"} \
                and not text[text.rfind("\n", 0, s) + 1:s].strip() and not text[e:text.find("\n", e)].strip():
            return m.key
    return None


def _sent_by_association(st: DocState, p: PersonHit) -> bool:
    """"Eva Lund, PRO": an entry that names the association its member sits for, as a council's members are
    listed (an official's entry names a post instead)."""
    comma = lx.COMMA_GAP_RE.match(st.doc.text, p.end)
    return comma is not None and any(m.kind == "Association" and m.prov.span.start == comma.end()
                                     for m in st.mentions_in(comma.end(), comma.end() + 1))


def _replaced(text: str, p: PersonHit, seg: Attendance) -> bool:
    """Is the person named as replaced by a substitute, or marked absent, in the list?"""
    return bool(_REPLACES_RE.search(text, max(seg.start, p.start - 30), p.start)) \
        or _ABSENT_AFTER_RE.match(text, p.end) is not None


def _away(text: str, p: PersonHit, seg: Attendance) -> bool:
    """Is the person not at the meeting: replaced, marked absent, or without the mark of presence?"""
    return _replaced(text, p, seg) or _AWAY_MARK_RE.match(text, p.end) is not None


# the room a board meets in, named alone before the building or town in the header's place field:
# "Sammanträdesplats Tallen, Regionens hus, Umeå", "Plats och tid. Eken, klockan 13:00"
# (or the whole field: "Plats och tid Storbacken" on its line, "Plats och tid Exempelby 15 december 2016 kl")
# (a room of two words: "Stora sessionssalen", "Röda rummet", "Konferensrum 1")
_ROOM_RE = re.compile(rf"\b(?:{lx.PLACE_FIELD_LABELS})[ \t]*[:.]?\s+"
                      rf"(?:{lx.HOURS_RANGE},?\s+)?(?P<room>[A-ZÅÄÖ][a-zåäö]{{2,20}}"
                      r"(?:[ \t]+[a-zåäö]{0,20}(?:rum|rummet|sal|salen)|(?<=rum)[ \t]+\d{1,2})?)"
                      r"(?:[ \t]*,|[ \t]*\n|(?=[ \t]+\d{1,2}[ \t]+[a-zåäö]{3,9}[ \t]+\d{4}\b))")


def _room(st: DocState) -> None:
    """The meeting room of the header's place field, a place of its own where no name covers it (a generic
    building too: "Plats och tid Kommunkontoret, Exempelby" is where the board met, as annotators of minutes
    take it)."""
    text = st.doc.text
    for m in _ROOM_RE.finditer(text, 0, 3000):
        s, e = m.span("room")
        word = m["room"].lower()
        if word in MONTHS or word in lx.MINUTES_STRUCTURE_WORDS or st.overlapping(s, e):
            continue
        st.add_mention(Mention(text=m["room"], kind="Place", key=f"place/{slug(m['room'])}",
                               prov=st.prov(s, e, "extract.attendance.room", 0.7)))
        return


def run(st: DocState) -> None:
    text = st.doc.text
    if not lx.minutes_header(text):
        return
    _room(st)
    cues = list(prefilter.finditer(_CUE_RE, text))  # one pass: the segments, and the names and titles the cues cut
    st.attendance = _segments(text, cues, {p.start: p.end for p in st.people.persons})
    if not st.attendance:
        # "Beslutande Se bifogad närvarolista": who decided is in a list the text does not hold; the board met
        st.minuted_body = _minuted_body(st)
        return
    _trim_at_cues(st, cues)
    _drop_cue_titles(st, cues)
    _tie_signatures(st)
    _tie_label_lines(st)
    _tie_adjusters(st, _tie_label_row(st))
    for seg in st.attendance:
        _split_run_on(st, seg)
        _tie_titles_backwards(st, seg)
    body = st.minuted_body = _minuted_body(st)
    if body is None:
        _delegations(st)
        return
    done: set[str] = set()
    named = _named_before(st, body, st.attendance[0].start)
    for p in _members(st):
        if p.key not in done:
            done.add(p.key)
            # the span reaches back to where the minutes name their body; without that name
            # (the publisher's minutes) the membership is inferred
            prov = st.prov(named, p.end, "extract.affiliation.minutes", 0.7) if named is not None else \
                st.prov(p.start, p.end, "extract.affiliation.minutes", INFERRED_CONFIDENCE)
            st.statements.append(Statement(subject=p.key, predicate="affiliatedWith", object=body, prov=prov))
    _officials(st, body, done)
    _delegations(st)


def _members(st: DocState) -> list[PersonHit]:
    """The board's members: the people of its lists of members (a member marked absent or replaced by a
    substitute is the board's member all the same; in a mixed list, those named with a party or sent by an
    association), then the signers of the minutes named with a party ("Ordförande Justerande Anna Berg (S) Per
    Holm (M)": the chair and the adjusters; the secretary, without one, is the board's official)."""
    out = [p for seg in st.attendance if seg.capacity in ("member", "mixed") for p in st.people.persons
           if seg.start <= p.start < seg.end
           and (seg.capacity == "member" or p.party or _sent_by_association(st, p))]
    block = _signature_block(st)
    return out + ([p for p in block[0] if p.party] if block else [])


# what may stand between a list's cue and its first group's municipality: a sub-label ("Ersättare: Mölndal ...")
_SUBLABEL_RE = re.compile(r"[ \t]*(?:[A-ZÅÄÖ][a-zåäö]+[ \t]*:[ \t]*)?")
# what may stand before a later group's municipality: the end of the entry before, or a sub-label ("Tjänstgörande
# Göteborg Anna Berg (S)"); not a comma ("Per Holm (S), Vara Eva Ek": Vara is Per Holm's town)
_GROUP_BEFORE_RE = re.compile(r"(?:\)|\b[A-ZÅÄÖ][a-zåäö]+:?)[ \t]*$")


def _delegations(st: DocState) -> None:
    """"Ledamöter Göteborg Anna Berg (S) Per Holm (M) Mölndal Eva Lund (S)": the members of a joint body's
    minutes (a federation of municipalities) listed under the municipality each represents. A list that opens
    with a municipality's name, a name after it, is one grouped so; each person in it is affiliated with the
    municipality of the group above them."""
    text = st.doc.text
    towns = sorted((m for m in st.mentions if m.kind == "Municipality"), key=lambda m: m.prov.span.start)
    starts = {p.start: p for p in st.people.persons}
    heading: Mention | None = None  # "Vilhelmina kommun" alone under "Kallade", its members under "Ordinarie"
    for seg in st.attendance:
        if seg.capacity == "absent":
            continue
        here = [m for m in towns if seg.start <= m.prov.span.start < seg.end]
        town, heading = heading, _lone_town(text, here, seg)
        if town is not None and not here and seg.capacity == "member":
            _delegate(st, town, seg, seg.start, seg.end)
            continue
        first = _SUBLABEL_RE.match(text, seg.start).end()  # type: ignore[union-attr]  # (matches the empty string)
        heads = [_heads_group(text, m, starts, seg.start, first) for m in here]
        if not here or here[0].prov.span.start != first or not heads[0]:
            continue
        for i, town in enumerate(here):  # a name that heads no group ("Härryda - Partille ...") ends the one above
            stop = here[i + 1].prov.span.start if i + 1 < len(here) else seg.end
            if heads[i]:
                _delegate(st, town, seg, town.prov.span.end, stop)


def _delegate(st: DocState, town: Mention, seg: Attendance, start: int, stop: int) -> None:
    """The members a list names between ``start`` and ``stop`` (none a substitute replaced) sit for ``town``."""
    for p in st.people.persons:
        if start <= p.start < stop and not _replaced(st.doc.text, p, seg):
            st.statements.append(Statement(
                subject=p.key, predicate="affiliatedWith", object=town.key,
                prov=st.prov(town.prov.span.start, p.end, "extract.affiliation.minutes_delegation", 0.7)))


def _lone_town(text: str, here: list[Mention], seg: Attendance) -> Mention | None:
    """The municipality that is all a list's segment holds: the heading of the group the next segment lists."""
    if len(here) == 1 and text[seg.start:seg.end].strip() == here[0].text:
        return here[0]
    return None


def _heads_group(text: str, town: Mention, starts: dict[int, PersonHit], seg_start: int, first: int) -> bool:
    """Does the municipality's name stand as a group's heading in a list: a person's name right after it, and
    before it the list's first entry (``first``), the entry before or a sub-label?"""
    if _NAME_GAP_RE.match(text, town.prov.span.end).end() not in starts:  # type: ignore[union-attr]
        return False
    return town.prov.span.start == first or _GROUP_BEFORE_RE.search(text, seg_start, town.prov.span.start) is not None


_NAME_GAP_RE = re.compile(r"[ \t\n]{0,4}")  # between a group's municipality and its first name


def _board_owner(st: DocState, body: str) -> str | None:
    """The municipality or region a minuted board belongs to: the body itself when it is one (or a federation
    or an association, which employs its own staff), else the one the text names first of the kind its name
    says ("Regionstyrelsen": a region)."""
    cls = st.cls_of(body)
    label = (st.info[body].label if body in st.info else None) or ""
    # a federation of municipalities or an association employs its own officials ("förbundsdirektör")
    if cls in ("Municipality", "Region", "Association") or "förbund" in label.lower():
        return body
    kind = board_owner_kind(label)
    if kind is None:
        # "Arbetsutskottet" in a region's own minutes: the publisher's committee (a "Direktionen" or a "Styrelsen"
        # is another body's board, a federation's, which the publisher only hosts)
        own = st.publisher is not None and st.cls_of(st.publisher) in ("Municipality", "Region")
        return st.publisher if own and label.lower().endswith("utskottet") else None
    return next((m.key for m in st.mentions if m.kind == kind), None)


def _definite(board: str) -> str:
    """A board's name in the definite: "kommunstyrelse" "kommunstyrelsen", "socialnämnd" "socialnämnden"."""
    if board.endswith("fullmäktige"):
        return board
    return board + ("n" if board.endswith("e") else "en")




def _officials(st: DocState, body: str, members: set[str]) -> None:
    """"Övriga närvarande: Anna Berg, ekonomidirektör": an official at the board's meeting works for the board's
    municipality or region, unless the entry names another organisation ("Per Holm, Trafikverket")."""
    owner = _board_owner(st, body)
    if owner is None:
        return
    titled = {p.start for p, _ in st.people.roles}
    persons = sorted(st.people.persons, key=lambda p: p.start)
    for seg in st.attendance:
        if seg.capacity not in ("other", "mixed"):
            continue
        here = [p for p in persons if seg.start <= p.start < seg.end]
        for i, p in enumerate(here):
            entry_end = here[i + 1].start if i + 1 < len(here) else seg.end
            if p.key in members or (p.start not in titled and not _OFFICE_AFTER_RE.match(st.doc.text, p.end)) \
                    or p.party \
                    or st.orgs_in(p.end, entry_end) or _replaced(st.doc.text, p, seg):
                continue
            members.add(p.key)
            st.statements.append(Statement(subject=p.key, predicate="affiliatedWith", object=owner,
                                           prov=st.prov(p.start, p.end, "extract.affiliation.minutes_official",
                                                        INFERRED_CONFIDENCE)))


# "Karl Ek, kansliet": the board's own office
_OFFICE_AFTER_RE = re.compile(r"[ \t]*,[ \t]*(?:kansliet|förbundskansliet|kansli)\b")


def _named_before(st: DocState, key: str, pos: int) -> int | None:
    """Where the text first names ``key`` before ``pos`` (the minutes' header naming their body)."""
    return min((m.prov.span.start for m in st.mentions if m.key == key and m.prov.span.start < pos), default=None)


STEP = Step("attendance", run, reads=("doc", "ref", "mentions", "people", "publisher"),
            writes=("attendance", "minuted_body", "people", "mentions", "info", "statements", "publisher"))


def present(st: DocState) -> list[tuple[PersonHit, Attendance]]:
    """The people listed as present (not absent, not replaced by a substitute), in text order."""
    text = st.doc.text
    out = []
    for seg in st.attendance:
        if seg.capacity == "absent":
            continue
        for p in st.people.persons:
            if seg.start <= p.start < seg.end and not _away(text, p, seg):
                out.append((p, seg))
    return out


def absent(st: DocState) -> set[str]:
    """People the attendance list names as absent, or as replaced by a substitute."""
    text = st.doc.text
    out = set()
    for seg in st.attendance:
        for p in st.people.persons:
            if seg.start <= p.start < seg.end and (seg.capacity == "absent" or _away(text, p, seg)):
                out.add(p.key)
    return out - {p.key for p, _ in present(st)}


def board_owner(st: DocState) -> str | None:
    """The municipality or region the minuted board belongs to, when it is not the board itself."""
    body = st.minuted_body
    owner = _board_owner(st, body) if body else None
    return owner if owner != body else None


__all__ = ["STEP", "TitleHit", "absent", "board_owner", "present"]
