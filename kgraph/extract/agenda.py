"""The items on the agenda of minutes, as what the minuted meeting discussed.

Minutes list their items twice: in a table of contents or agenda ("Ärendelista",
"Innehållsförteckning", "Dagordning", "Föredragningslista") and as the headings of
their paragraphs ("§ 12 Ekonomirapport"). A page turned into text often runs the
list into one line ("Ärendelista 12 Dnr KS 2020/31 Taxor... 3 13 Dnr ..."),
where the items are found by their running numbers. Procedural items (opening,
adjusters, the agenda itself, earlier minutes, other questions, next meeting,
closing, rounds of information) are no topic.

An item is named by more than its heading: by the parts between its dashes, commas
and colons ("Remiss, Regional utvecklingsstrategi"), by what follows a kind of
business ("Information om X", "Svar på medborgarförslag: X", "Motion från A om X")
and without a closing year or place ("Budget 2013", "Gatubelysning i X kommun").
Every form is a span of the heading, so each keeps its place in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import prefilter
from ..text import LINE_BREAKS_RE

# what opens a list of items; "sid"/"sida"/"sid nr" is the column head of the page numbers
_LIST_OPENER_RE = re.compile(
    # (after what the list is: "Beslutad ärendelista", "Utsänd föredragningslista")
    # ("Protokollsregister", and a table's heads "Innehåll Ärende Sida" run into one line)
    r"\b(?:Ärendelista|Ärendeförteckning|Innehållsförteckning|Föredragningslista|Dagordning|Protokollsregister|"
    r"Innehåll[ \t]+Ärende(?=[ \t]+[Ss]id)|"
    r"(?<=[Bb]eslutad[ \t])ärendelista|(?<=[Uu]tsänd[ \t])föredragningslista|"
    r"(?<=[Ff]astställd[ \t])(?:dagordning|föredragningslista)|"
    r"ÄRENDELISTA|INNEHÅLLSFÖRTECKNING|FÖREDRAGNINGSLISTA|DAGORDNING|"
    # "Förteckning över arbetsutskottets ärenden 1 ... 2 ..."
    # (with the meeting's day after: "Förteckning över styrelsens ärenden den 3 mars")
    r"Förteckning[ \t]+över[ \t]+[a-zåäö]+[ \t]+ärenden(?:[ \t]+den[ \t]+\d{1,2}[ \t]+[a-zåäö]{3,9}(?:[ \t]+\d{4})?)?)"
    r"\b[ \t]*:?[ \t]*"
    r"(?:(?:[Ss]id(?:a|\.)?)(?:[ \t]*nr)?\.?[ \t]*)?")
# an item's number, after an optional "§" or a body's short name ("Ks 129"), before an optional
# case number ("Dnr KS 2018/124") and the heading's capital
_MARKER_RE = re.compile(
    # (a paragraph's number may carry its year: "§ 64/20")
    r"(?<![\w/.,:-])(?:(?:§|[A-ZÅÄÖ][A-Za-zåäö]{0,3})[ \t]*)?(?P<n>\d{1,3})(?:/\d{2}(?!\d))?(?:[.:)])?[ \t]+"
    r"(?:Dnr\b[ \t]*(?:[A-ZÅÄÖ]{1,5}[ \t]+)?(?:\d{2,4}[./:-]\d+(?:[./-]\d+)*[ \t]+)?)?(?=[A-ZÅÄÖ\"”])")
# a paragraph's heading on a line of its own: "§ 12 Ekonomirapport", "§ 12. Detaljplan för X"
# (or its number before the sign: "55 § Beslut om budget 2024")
# (a number with its year, "§ 64/20"; the next paragraph's sign may follow on the same line)
_PARAGRAPH_HEAD_RE = re.compile(r"^[ \t]*(?:§[ \t]*\d{1,3}(?:/\d{2}(?!\d))?|\d{1,3}[ \t]*§)[.:]?[ \t]+"
                                r"(?:Dnr\b[^\n]{0,25}?\d[ \t]+)?"
                                # (a table of contents' line: the heading, its dotted leader and page number)
                                r"(?P<head>[A-ZÅÄÖ\"”][^\n]{1,95}?)(?:[ \t]*(?:\.{2,}|…)[ \t.]*\d{1,3})?[ \t.]*"
                                r"(?:$|(?=[ \t]§[ \t]*\d))",
                                re.MULTILINE)
# a list without an opener, known by its first item: "1. Mötets öppnande 2. Val av justerare ...", "1) Val av
# justerare 2) Godkännande av ärendelista 3) ..."
_OPENING_ITEM_RE = re.compile(r"(?<![\w/.,:-])(?:§[ \t]*)?1?\d{1,2}[.:)]?[ \t]+(?:(?:Mötets|Sammanträdets)[ \t]+)?"
                              r"(?:[Öö]ppnande|Upprop|Val[ \t]+av[ \t]+justerare)\b")
# a heading's first word after the last word of the heading before it, where the page's text lost the
# number between them ("Taxor för renhållning Översyn av bolagsordningen")
_NEXT_HEADING_RE = re.compile(
    r"(?<=[a-zåäö)\"”])[ \t]+(?=(?:Översyn|Förändring|Motionssvar|Motion|Medborgarförslag|Information|Rapport|Svar|"
    r"Uppföljning|Ansökan|Direktiv|Budget|Remiss|Yttrande|Förslag|Beslut|Begäran|Redovisning|Revidering|Val|"
    r"Antagande|Avsägelse|Fyllnadsval|Detaljplan|Taxa|Taxor|Riktlinjer|Reglemente|Policy|Delårsrapport|"
    r"Årsredovisning|Bokslut|Internkontroll|Verksamhetsplan|Investering|Köp|Försäljning|Avtal|Ändring)\b)")
# the list's first heading right after its opener, then its dotted leader and page number
# (the page number is the next item's marker: the match ends before it)
_UNNUMBERED_FIRST_RE = re.compile(r"[ \t]*(?P<h>[A-ZÅÄÖ][^\n.…]{1,120}?)[ \t]*(?:\.{2,}|…)[ \t]*$")
_LEADER_RE = re.compile(r"[ \t]*(?:\.{2,}|…)")  # the dotted leader to a page number ends the heading
_LAST_END_RE = re.compile(r"\n|[ \t]*(?:\.{2,}|…)|[ \t]+\d{1,3}(?!\d)")
_TAIL_RE = re.compile(r"(?:[ \t]+(?:\d{1,3}|[a-zA-Z]))+[ \t.,]*$|[ \t.,]+$")  # a page number, an OCR scrap
_MAX_ITEM = 160
_WINDOW = 4000

# items that are the meeting's procedure, not a subject of discussion
_PROCEDURAL_RE = re.compile(
    r"öppnande|öppning|öppnar\s+(?:mötet|sammanträdet)|avslutande|avslutning|justera|dagordning"
    r"|föredragningslist|ärendelist"
    r"|föregående\s+(?:mötes)?protokoll"
    r"|övriga?\s+frågor|nästa\s+[a-zåäö]*(?:möte|sammanträde)|upprop|närvaro|anmälningsärenden|anmälan\s+av\s+delegation"
    r"|delegationsbeslut|delgivning(?:ar)?|meddelanden|protokollsjust|sammanträdets\s+behörighet"
    # "Anmälan av arbetsutskottets protokoll": the minutes of another meeting laid before this one
    r"|anmälan\s+av\s+[\wåäö-]+\s+protokoll"
    r"|anmälan\s+om\s+jäv|jävsfrågor|^(?:aktuell\s+)?informationer?$"
    r"|^rapporter$|^rapporter\s+från\b|^för\s+kännedom$|informerar$|^ärenden$|^beslutande$|^personärenden?$"
    # who reports, not on what: "Landstingsdirektörens rapport", "Ordförandens information"
    r"|^[\wåäö-]+s\s+(?:rapport|information|informationer|meddelanden)$",
    re.IGNORECASE)


def _procedural(heading: str) -> bool:
    return bool(_PROCEDURAL_RE.search(heading))


# the kind of business before what an item is about
_BUSINESS_KINDS = (
    r"information(?:er)?|rapport|slutrapport|delrapport|lägesrapport|redovisning|motion(?:ssvar)?|remiss(?:svar)?"
    r"|svar[ \t]+på[ \t]+(?:medborgarförslag|motion|remiss)|medborgarförslag|interpellation|fråga|yttrande|direktiv"
    r"|uppföljning|förslag|beslut|begäran|ansökan|igångsättningstillstånd|förstudie|revidering|antagande"
    r"|godkännande|fastställande|anslag|fördelning|initiativärende|redogörelse|återrapportering|återkoppling"
    r"|genomgång|presentation|diskussion")
_BUSINESS = f"(?:{_BUSINESS_KINDS})"
_BUSINESS_ONLY_RE = re.compile(_BUSINESS, re.IGNORECASE)
_BUSINESS_RE = re.compile(
    # (any report before what it is about, "Revisionsrapport om X"; alone, "Delårsrapport" is the subject itself)
    rf"(?:[a-zåäö]*rapport|{_BUSINESS_KINDS})"
    # (a number of the series between: "Delrapport 1 om X", "Fördelning 1/04 av X")
    r"(?:[ \t]+\d{1,2}(?:/\d{2,4})?(?=[ \t]+(?:om|av)[ \t]))?(?:[ \t]*[-–:,][ \t]*"
    r"|[ \t]+(?:om|för|av|från|till|över|angående|gällande|avseende|kring|med)(?:[ \t]+att)?[ \t]+)", re.IGNORECASE)
# who gives the information or the report ("Information från enheten", "Information av Anna Berg"), where
# "Redovisning av X", "Uppföljning av X" are about X
_GIVEN_BY = r"(?:information(?:er)?|[a-zåäö]*rapport)[ \t]+av"  # "Information av", "Lägesrapport av"
_BY_WHOM_RE = re.compile(r"\S+[ \t]+från|" + _GIVEN_BY, re.IGNORECASE)
# an item that only says who informs: "Information av Anna Berg, Exempelkontoret"
_GIVEN_BY_RE = re.compile(r"(?:muntlig[ \t]+)?" + _GIVEN_BY + r"[ \t]+(?-i:[A-ZÅÄÖ])", re.IGNORECASE)
# "Motion från A (C) om X", "Inbjudan till seminarium om X": what a proposal or an invitation is about
# (or its title in quotes: 'Motion "Satsa på X"')
_PROPOSAL_ABOUT_RE = re.compile(r"[ \t]om[ \t]+(?:att[ \t]+)?[\"”]?|(?<=[a-zåäö])[ \t]+[\"”](?=[A-ZÅÄÖ])",
                                re.IGNORECASE)
_PROPOSAL_RE = re.compile(r"(?<![\wåäöÅÄÖ-])(?:motion|medborgarförslag|interpellation|fråga|[a-zåäö]*skrivelse|inbjudan"
                          r"|utredning)\b", re.IGNORECASE)
# an item that is an event, not a subject: an invitation to someone, a visit ("Information om X:s besök")
_EVENT_RE = re.compile(r"inbjudan\b|(?:[\wåäö-]+s[ \t]+)?(?:studie)?besök$", re.IGNORECASE)
_SPLIT_RE = re.compile(r"[ \t]+[-–][ \t]+|[ \t]*,[ \t]+|[ \t]*:[ \t]+|[ \t]+inklusive[ \t]+")
# a closing year, budget year, place or hour: "Budget 2013", "Gatubelysning i X kommun", "i centrala X",
# "Omvärldsanalys 2013 X kommun kl 8:30"
_CLOSING_RE = re.compile(r"(?:[ \t]+(?:för[ \t]+)?(?:år[ \t]+)?(?:19|20)\d\d(?:[-/]\d{2,4})?|[ \t]+budgetår"
                         r"|[ \t]+i[ \t]+(?:centrala[ \t]+)?[A-ZÅÄÖ][\wåäö-]*(?:[ \t]+(?:kommun|län))?"
                         r"|(?:[ \t]+(?:för|inom))?[ \t]+[A-ZÅÄÖ][\wåäö-]*[ \t]+(?:kommun|län)"
                         r"|[ \t]+kl\.?(?:[ \t]*\d{1,2}(?:[.:]\d\d)?)?"
                         # "Ombyggnad av operationssalar vid Exempelby sjukhus": where
                         r"|[ \t]+vid[ \t]+[A-ZÅÄÖ][\wåäö-]*(?:[ \t]+[\wåäö-]+){0,3})+$")
_QUOTES = "\"”“»«'"
# what qualifies a heading's subject before it: "Aktuella frågor för X", "Aktuellt om X", "det ekonomiska läget"
_QUALIFIER_RE = re.compile(r"(?:aktuell[at]?[ \t]+(?:(?:frågor|ärenden)[ \t]+(?:om|för|inom|kring|rörande)[ \t]+)?"
                           r"|aktuellt[ \t]+om[ \t]+|(?:det|den|de)[ \t]+(?=[a-zåäö]))", re.IGNORECASE)
# a kind of business after the subject: "Sydostlänken återkoppling", "X i Y projektansökan"
_BUSINESS_AFTER_RE = re.compile(r"[ \t]+(?:återkoppling|[a-zåäö]*ansökan|tilldelningsbeslut|information|lägesrapport"
                                r"|redovisning|remiss|yttrande|beslut)$", re.IGNORECASE)


def _bare(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The span without the qualifier before its subject and the kind of business after it, if it has either."""
    qualifier = _QUALIFIER_RE.match(text, a, b)
    after = _BUSINESS_AFTER_RE.search(text, a, b)
    x, y = qualifier.end() if qualifier else a, after.start() if after else b
    return (x, y) if (x, y) != (a, b) and y - x >= 3 else None


@dataclass(frozen=True)
class AgendaItem:
    """An item's heading (``start``, ``end``), the span of what it is about (its label) and the spans
    of all its forms, the heading first."""

    start: int
    end: int
    about: tuple[int, int]
    forms: tuple[tuple[int, int], ...]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """The span without surrounding blanks, quotes and closing punctuation."""
    while a < b and (text[a].isspace() or text[a] in _QUOTES):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in _QUOTES + ".,;:-–"):
        b -= 1
    return a, b


def _chain(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest run of markers numbered one after another (one number may be missing: a marker
    the page's text lost). Page numbers between them never continue the run."""
    best: list[tuple[int, int, int]] = []
    for i in range(min(3, len(found))):
        run = [found[i]]
        for m in found[i + 1:]:
            if 1 <= m[2] - run[-1][2] <= 2:
                run.append(m)
        best = max(best, run, key=len)
    return best


def _split(rx: re.Pattern[str], text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of text[a:b] between the matches of ``rx``."""
    out, s = [], a
    for m in rx.finditer(text, a, b):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, b))
    return out


# a case number in brackets after a heading: "Revidering av X (RS/88/2019)", "(Dnr KS 2020/31)"
_BRACKETED_CASE_RE = re.compile(r"[ \t]*\((?:Dnr[ \t.]*)?[A-ZÅÄÖ]{1,5}[ \t]*[/ ][ \t]*\d{1,6}(?:[/.-]\d{1,6}){0,2}\)"
                                r"[ \t]*")


def _headings(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The span as the headings it runs together where the numbers between them were lost: before each
    heading of a kind of business, and after each case number in brackets."""
    return [_trim(text, x, y) for p, q in _split(_BRACKETED_CASE_RE, text, a, b)
            for x, y in _split(_NEXT_HEADING_RE, text, p, q) if y > x]


# the attachments an item lists after its heading: "Delårsrapport Bilagor: a) PM, b) Rapporten"
_ATTACHMENTS_RE = re.compile(r"[ \t]+Bilag(?:a|or)[ \t]*:")


def _item_end(text: str, head: int, end: int) -> int:
    """Where an item's heading ends before ``end``: at a dotted leader, its list of attachments or the
    line's end, without a page number."""
    attached = _ATTACHMENTS_RE.search(text, head, end)
    if attached:
        end = attached.start()
    leader = _LEADER_RE.search(text, head, end)
    if leader:
        return leader.start()
    line_end = text.find("\n", head, end)
    end = end if line_end < 0 else line_end
    tail = _TAIL_RE.search(text, head, end)
    return tail.start() if tail else end


# a line of a table of contents without item numbers: the heading, its dotted leader, its page number
# ("Kvartalsrapport med helårsprognos... 3"); a PDF's text may leave a blank line between two
_DOTTED_LINE_RE = re.compile(r"[ \t]*(?P<h>[A-ZÅÄÖ][^\n]{1,%d}?)[ \t]*(?:\.{2,}|…)[ \t.]*\d{1,3}[ \t]*(?:\n|\Z)"
                             % _MAX_ITEM)


def _dotted_lines(text: str, lo: int) -> list[tuple[int, int]]:
    """The headings of an unnumbered table of contents that starts at ``lo`` (after its opener): three
    or more lines in a row, each a heading with a dotted leader to its page number."""
    spans = _line_run(_DOTTED_LINE_RE, text, lo)
    return spans if len(spans) >= 3 else []


def _line_run(line_re: re.Pattern[str], text: str, pos: int) -> list[tuple[int, int]]:
    """The trimmed headings (group "h") of the lines ``line_re`` matches one after another from ``pos``, blank
    lines between them allowed (a PDF's text may leave one between two)."""
    spans: list[tuple[int, int]] = []
    gap = LINE_BREAKS_RE.match(text, pos)
    pos = gap.end() if gap else pos
    while (m := line_re.match(text, pos)) is not None:
        spans.append(_trim(text, m.start("h"), m.end("h")))
        gap = LINE_BREAKS_RE.match(text, m.end())
        pos = gap.end() if gap else m.end()
    return spans


# a sentence that announces the items as a bulleted list: "På dagens föredragningslista behandlades följande
# ärenden:", "Dagordning:"; then one item a line, each after its bullet
_BULLETS_OPENER_RE = re.compile(r"(?im)^[^\n]{0,80}\b(?:föredragningslista|dagordning|ärendelista|"
                                r"följande[ \t]+ärenden)n?\b[^\n]{0,80}:[ \t]*$")
# (a remark in brackets after the heading is no part of it: "Bokslut för 2016 (informationsärende)")
_BULLET_LINE_RE = re.compile(r"[ \t]*[•▪◦*\-–][ \t]+(?P<h>[^\n]{3,%d}?)(?:[ \t]+\([^\n()]*\))?[ \t.;]*(?:\n|\Z)"
                             % _MAX_ITEM)


def _bulleted(text: str) -> list[tuple[int, int]]:
    """The headings of each bulleted list of three or more items that a sentence ending in a colon announces
    as the meeting's agenda."""
    out: list[tuple[int, int]] = []
    for op in prefilter.finditer(_BULLETS_OPENER_RE, text):
        spans = _line_run(_BULLET_LINE_RE, text, op.end())
        out += spans if len(spans) >= 3 else []
    return out


# a line of a table of contents without numbers or leaders: the heading, blanks, its page number
_PAGED_LINE_RE = re.compile(r"(?m)^[ \t]*(?P<h>[A-ZÅÄÖ][^\n.!?:;]{2,%d}?)[ \t]+(?P<p>\d{1,3})[ \t]*$" % _MAX_ITEM)
_LEAST_PAGED_LINES = 5


def _paged_lines(text: str) -> list[tuple[int, int]]:
    """The headings of each table of contents of five or more lines in a row (blank lines between allowed),
    each a heading and its page number, the numbers never going down ("Revisionsrapport om årsredovisning
    2003 20" on one line, "Revisionsskrivelse om upphandlingsrutiner 21" on the next)."""
    out: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if len(run) >= _LEAST_PAGED_LINES:
            out.extend(_trim(text, m.start("h"), m.end("h")) for m in run)

    for m in prefilter.finditer(_PAGED_LINE_RE, text):
        if run and (text[run[-1].end():m.start()].strip() or int(m["p"]) < int(run[-1]["p"])):
            close()
            run = []
        run.append(m)
    close()
    return out


def _on_line(text: str, found: list[tuple[int, int, int]], pos: int) -> bool:
    """Whether a marker of ``found`` is on the line of ``pos``."""
    line_end = text.find("\n", pos)
    return any(line_end < 0 or m[0] < line_end for m in found)


def _listed(text: str) -> list[tuple[int, int]]:
    """Headings of the items of each numbered list after an opener or from its opening item, and of each
    unnumbered table of contents with dotted leaders or page numbers alone."""
    out: list[tuple[int, int]] = _bulleted(text) + _paged_lines(text)
    opened = {op.end() for op in prefilter.finditer(_LIST_OPENER_RE, text)}
    for lo in opened:
        out += [(x, y) for x, y in _dotted_lines(text, lo) + _case_numbered(text, lo) if 2 < y - x <= _MAX_ITEM]
    if "ppnande" in text or "Upprop" in text or "Val av justerare" in text:
        opened_by_item = {m.start() for m in prefilter.finditer(_OPENING_ITEM_RE, text)}
    else:
        opened_by_item = set()
    for lo in sorted(opened | opened_by_item):
        found = [(m.start(), m.end(), int(m["n"])) for m in _MARKER_RE.finditer(text, lo, lo + _WINDOW)]
        if not found or found[0][0] - lo > 40:
            continue  # the opener is a word in running text, not the head of a list
        run = _chain(found)
        spans: list[tuple[int, int]] = []
        if len(run) >= 3:
            first = _UNNUMBERED_FIRST_RE.match(text, lo, run[0][0]) if lo in opened else None
            if first is not None:
                # "Protokollsregister Årsredovisning 2014... 3 Budget... 4": the first item has no number before it,
                # only its page number after the leader
                spans += _headings(text, first.start("h"), first.end("h"))
            for k, (_, head, _) in enumerate(run):
                if k + 1 < len(run):
                    end = run[k + 1][0]
                else:
                    last = _LAST_END_RE.search(text, head, head + _MAX_ITEM)
                    end = last.start() if last else min(len(text), head + _MAX_ITEM)
                spans += _headings(text, head, _item_end(text, head, end))
        elif lo in opened and not _on_line(text, found[1:], found[0][1]):
            # one number and then headings only: the text lost the numbers of the items after the first
            line_end = text.find("\n", found[0][1])
            end = min(len(text) if line_end < 0 else line_end, found[0][1] + _WINDOW // 4)
            heads = _headings(text, found[0][1], _item_end(text, found[0][1], end))
            spans += heads if len(heads) >= 3 else []
        out += [(x, y) for x, y in spans if 2 < y - x <= _MAX_ITEM]
    return out


# a table of contents whose item numbers the page lost, each heading after its case number:
# "INNEHÅLLSFÖRTECKNING Dnr 00003/2019 Godkännande av dagordning Dnr 00391/2018 Programutbud ..."
_CASE_NUMBER_RE = re.compile(r"\bDnr[ \t]+(?:[A-ZÅÄÖ]{1,5}[ \t]+)?\d{2,6}[/.-]\d{2,4}(?:[/.-]\d+)?[ \t]+")


_NUMBER_BEFORE_RE = re.compile(r"(?<![\w/.-])\d{1,3}[ \t]+\Z")


def _case_numbered(text: str, lo: int) -> list[tuple[int, int]]:
    """The headings after the case numbers of a run-on contents list that opens within a few words of ``lo``."""
    line_end = text.find("\n", lo)
    end = len(text) if line_end < 0 else line_end
    marks = list(_CASE_NUMBER_RE.finditer(text, lo, min(end, lo + _WINDOW)))
    if len(marks) < 3 or marks[0].start() - lo > 12 or any(
            _NUMBER_BEFORE_RE.search(text, m.start() - 8, m.start()) for m in marks[1:]):
        return []  # (with the items' numbers before their case numbers, the numbered list gives the headings)
    bounds = [m.end() for m in marks]
    ends = [m.start() for m in marks[1:]] + [min(end, marks[-1].end() + _MAX_ITEM)]
    return [_trim(text, a, b) for a, b in zip(bounds, ends, strict=True)]


def _paragraph_heads(text: str) -> list[tuple[int, int]]:
    if "§" not in text:
        return []
    return [_trim(text, m.start("head"), m.end("head")) for m in _PARAGRAPH_HEAD_RE.finditer(text)]


def _parts(text: str, a: int, b: int, persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The heading's parts between dashes, commas and colons, up to a part that names persons
    ("Vattenförsörjning - Rapport från arbetsgruppen - A B": who reports, not what)."""
    spans = _split(_SPLIT_RE, text, a, b)
    starts = {x for x, _ in persons}
    cut = next((k for k, (x, _) in enumerate(spans) if k and x in starts), len(spans))
    return spans[:cut]


def _about(text: str, a: int, b: int) -> tuple[int, int] | None:
    """What a heading of a kind of business is about: "Information om X" -> X, "Motion från A om X" -> X."""
    proposal = _PROPOSAL_RE.search(text, a, b)  # "Remiss: A:s medborgarförslag om X", "Svar på B:s motion om X"
    about = _PROPOSAL_ABOUT_RE.search(text, proposal.end(), b) if proposal else None
    if about:
        return about.end(), b
    business = _BUSINESS_RE.match(text, a, b)
    if business is None or _BY_WHOM_RE.fullmatch(business.group().rstrip()):
        return None  # "Information från personalenheten", "Information av Anna Berg": who informs, not about what
    return business.end(), b


# the most words an item's heading takes; more are the headings of a table of contents that a PDF ran together
_MOST_WORDS = 12
_MOST_WORDS_OWN_LINE = 20


def _item(text: str, a: int, b: int, persons: list[tuple[int, int]],
          most_words: int = _MOST_WORDS) -> AgendaItem | None:
    """The item headed by text[a:b] with its forms: the heading, its parts, what each is about, and each
    of these without a closing year or place."""
    given = _GIVEN_BY_RE.search(text, a + 1, b)
    if given is not None and text[given.start() - 1] in " \t":
        b = given.start()  # "Information om X Muntlig information av Anna Berg": who informs ends the heading
    parts = _parts(text, a, b, persons)
    head = _trim(text, a, parts[-1][1])
    if len(text[head[0]:head[1]].split()) > most_words:
        return None  # "Information Startskottet Information Skolinspektionens rapport ...": headings run together
    spans = [head] + (parts if len(parts) > 1 else [])
    abouts = [_about(text, *sp) for sp in spans]
    about = abouts[0]  # what the heading is about
    if _EVENT_RE.match(text, *(about or head)) or _GIVEN_BY_RE.match(text, *head):
        return None
    spans += [x for x in abouts if x]
    spans += [f for f in (_bare(text, *sp) for sp in list(spans)) if f]
    bare: set[tuple[int, int]] = set()  # parts that are only a kind of business with a closing ("Information kl 13")
    for x, y in list(spans):
        closing = _CLOSING_RE.search(text, x, y)
        if closing and closing.start() > x:
            core = _trim(text, x, closing.start())
            spans.append(core)
            if _BUSINESS_ONLY_RE.fullmatch(text, *core) or _procedural(text[core[0]:core[1]]):
                bare.add(_trim(text, x, y))
    forms: list[tuple[int, int]] = []
    for x, y in spans:
        x, y = _trim(text, x, y)
        if y - x >= 3 and (x, y) not in forms and not _BUSINESS_ONLY_RE.fullmatch(text, x, y) \
                and any(c.isalpha() for c in text[x:y]) \
                and not _procedural(text[x:y]) and ((x, y) == head or (x, y) not in bare):
            forms.append((x, y))
    if not forms or forms[0] != head:
        return None
    return AgendaItem(head[0], head[1], _trim(text, *about) if about else head, tuple(forms))


def agenda_items(text: str, persons: list[tuple[int, int]]) -> list[AgendaItem]:
    """The substantive items of the agenda of minutes, each with its forms, in text order; ``persons``
    are the spans of the persons the text names."""
    seen: set[tuple[int, int]] = set()
    items: list[AgendaItem] = []
    own_line = set(_paragraph_heads(text))  # a paragraph's heading on its own line may be long; it runs into none
    for a, b in sorted(_listed(text) + list(own_line)):
        if (a, b) in seen or b <= a or _procedural(text[a:b]):
            continue
        seen.add((a, b))
        item = _item(text, a, b, persons, _MOST_WORDS_OWN_LINE if (a, b) in own_line else _MOST_WORDS)
        if item:
            items.append(item)
    return items
