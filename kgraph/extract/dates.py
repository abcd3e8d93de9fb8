"""Swedish dates: "25 mars 2021", "2012-12-05", "fredag 7 december", "den 24-25 augusti",
"i dag", "i morgon", and the document's own date ("Publicerad 2016-04-12",
"Pressmeddelande • Dec 09, 2009 08:50 CET", a date alone on a line, a
dateline "Stockholm 25 mars 2021" above the text or below it; never a
"Senast uppdaterad" stamp, which says when the page was last touched).

A date without a year takes the year of the document's own date, moved to the
next year when that would put a weekday-named or "på fredag" date in the past;
without a document date, a weekday-named date takes the one year, among the years
the text names (else those and the years either side), in which it falls on that
weekday, and any other takes the one year the text writes out with its month
("3-4 mars" beside "den 4 mars 2019"), else is left unresolved.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .. import prefilter
from ..lookbehind import moved
from ..text import line_start_matches

MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
               "november", "december")
MONTHS = {**{name: n for n, name in enumerate(MONTH_NAMES, start=1)},
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
          "nov": 11, "dec": 12}
WEEKDAYS = {"måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lördag": 5, "söndag": 6}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_NAMES_ALT = "|".join(MONTH_NAMES)  # written out, no abbreviations: schedule lines
_WD_ALT = "|".join(WEEKDAYS)

# The year's first two digits come first and the look-behind after them ("(?<![\d-]..)": no digit or
# hyphen before the year): an expression that starts with a literal lets the engine jump from one
# "1" or "2" to the next instead of trying every position (5-8 times faster, the same matches).
ISO_RE = re.compile(r"(?P<y>(?:19|20)(?<![\d-]..)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
# the same with single spaces, as a PDF's header may print it ("2014 09 03"); not inside a longer run of
# numbers (a phone number, a table row)
_SPACED_ISO_RE = re.compile(r"(?P<y>(?:19|20)(?<![\d-]..)(?<!\d ..)\d\d) (?P<m>[01]\d) (?P<d>[0-3]\d)(?![\d-])(?! \d)")
TEXT_DATE_RE = re.compile(
    rf"(?:(?P<wd>{_WD_ALT})(?:en)?\s+(?:den\s+)?)?(?:den\s+)?(?P<d>[0-3]?\d)(?:\s*[-–]\s*(?P<d2>[0-3]?\d))?:?e?\s+"
    rf"(?P<m>{_MONTH_ALT})\.?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
    re.IGNORECASE)
# what every TEXT_DATE_RE match holds: a day's last digit, then the month. Searched for first, it
# keeps the full pattern (an optional weekday and "den" at every position) to a few windows
_DAY_MONTH_RE = re.compile(rf"\d:?e?\s+(?:{_MONTH_ALT})", re.IGNORECASE)
_DATE_REACH = 40  # how far before the day's digit a date may start ("torsdagen den 24–")
WEEKDAY_ONLY_RE = re.compile(rf"\b(?:på|nu på|i|kommande|nästa)\s+(?P<wd>{_WD_ALT})\b(?!\s+(?:den\s+)?\d)",
                             re.IGNORECASE)
# "på måndagen", "under onsdagen": a report's narrative day, the latest such weekday up to the document's date
NARRATIVE_WEEKDAY_RE = re.compile(rf"\b(?:på|under)\s+(?P<wd>{_WD_ALT})en\b(?!\s+(?:den\s+)?\d)", re.IGNORECASE)
# the future of the narrative day's own clause: "kommer (nu) att genomföras under tisdagen", "ska hållas på onsdagen"
_FUTURE_BEFORE_RE = re.compile(r"\b(?:kommer\s+(?:[a-zåäö]+\s+){0,2}?att|ska|skall|planeras\s+att)\s+[^.!?\n]*\Z",
                               re.IGNORECASE)
PAST_WEEKDAY_RE = re.compile(r"\bi (?P<wd>måndags|tisdags|onsdags|torsdags|fredags|lördags|söndags)\b", re.IGNORECASE)
RELATIVE_RE = re.compile(r"\b(?P<w>i dag|idag|i går|igår|i morgon|imorgon|i förrgår)\b", re.IGNORECASE)
# (?=(?P<wsN>\s*))(?P=wsN): white space taken whole, never split again between the parts of the line.
# Splitting it could not make a line match (what is left for ``rest`` only grows), but trying
# every split takes time that grows with the cube of the white space's length
DOC_DATE_LINE_RE = re.compile(
    r"^(?=(?P<ws1>\s*))(?P=ws1)(?P<label>(?:artikeln |nyheten |sidan |texten )?publicerades|"
    r"(?:senast |sidan |först )?publicerad|publicerat|publiceringsdatum|"
    r"sammanträdesdatum|mötesdatum|"
    r"datum|uppdaterad|senast uppdaterad|(?:sidan |texten |artikeln )?(?:uppdaterades|ändrades)|"
    r"senast ändrad|pressmeddelande|nyheter|nyhet)?(?=(?P<ws2>\s*))(?P=ws2)[:·|–—•]?(?=(?P<ws3>\s*))(?P=ws3)"
    r"(?P<rest>.{0,60})$", re.IGNORECASE)
# a distributor's press-release header in English: "Dec 09, 2009 08:50 CET"
ENGLISH_DATE_RE = re.compile(
    r"(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>[0-3]?\d),?\s+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE)
ENGLISH_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                              "nov", "dec"), start=1)}
_TIME_AFTER = r"[\s,]*(?:(?:kl\.?\s*)?\d{1,2}[.:]\d\d(?:\s*[A-Z]{3,4})?)?\s*"
_CATEGORY_DATE_RE = re.compile(r"^\s*[A-ZÅÄÖ][\wåäö -]{0,30}?\s*[/|·•]\s*(?P<label>)(?P<rest>.{6,40})$")
# a newsletter's title line and its date: "Sommarbrev från SmåKom - 30 juni 2015", "Nyhetsbrev nr 3, 12 mars 2019"
_LETTER_DATE_RE = re.compile(r"^\s*[A-ZÅÄÖ][^\n]{0,30}?(?:brev|nytt|bladet)\b[^\n]{0,30}?[ \t]*[-–—:|,][ \t]*"
                             r"(?P<label>)(?P<rest>[^\n]{6,30})$")
_LABEL_ALONE_RE = re.compile(r"^\s*(?P<label>publicerad|publicerat|publiceringsdatum|senast uppdaterad|uppdaterad|"
                             r"senast ändrad)(?=(?P<ws>\s*))(?P=ws):?\s*$", re.IGNORECASE)
# a dateline: where the text was written, and when ("Stockholm 25 mars 2021", "KARLSHAMN, 2012-12-05",
# "Karlshamn den 5 december 2012"); tried on lines of at most _DATELINE_MAX characters only
_PLACE_DATE_RE = re.compile(r"^[ \t]*(?P<place>[A-ZÅÄÖ][\w-]*(?:[ \t][A-ZÅÄÖ][\w-]*)?)[ \t]*,?[ \t]*(?:den[ \t]+)?"
                            r"(?P<rest>\d.{5,40})$")
_DATELINE_MAX = 80
# "Publicerad 2021-03-25 av Anna Berg": who published it, after the date
_BY_AFTER_RE = re.compile(r"[ \t,]+(?:av|by)[ \t]+\S.{0,40}$", re.IGNORECASE)
# ... and "Publicerad: 2023-09-27 Senast ändrad: 2023-10-02": the stamp of the last change after it, on its line
_STAMP_AFTER_RE = re.compile(r"[ \t,|·–-]+(?:senast[ \t]+)?(?:ändrad|uppdaterad)[ \t]*:?.{0,30}$", re.IGNORECASE)
# a CMS footer: "Publicerat av Anna Berg den 9 februari 2018, senast ändrad den 12 februari 2018"
_BY_BEFORE_RE = re.compile(r"^\s*publicera[dt][ \t]+av[ \t]+[^\n]{1,60}?[ \t]+den[ \t]+(?P<rest>[^,\n]{6,30})",
                           re.IGNORECASE)
RELATIVE_OFFSETS = {"i dag": 0, "idag": 0, "i går": -1, "igår": -1, "i morgon": 1, "imorgon": 1, "i förrgår": -2}


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    value: dt.date | None  # None: a date the text names but that cannot be resolved
    text: str
    relative: bool = False


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def text_date_matches(text: str) -> Iterator[re.Match[str]]:
    """``prefilter.finditer(TEXT_DATE_RE, text)``, tried only around a day followed by a month name."""
    pos = 0
    for a in prefilter.finditer(_DAY_MONTH_RE, text):
        if a.end() <= pos:
            continue
        near = TEXT_DATE_RE.search(text, max(pos, a.start() - _DATE_REACH), a.end() + 12)
        m = TEXT_DATE_RE.match(text, near.start()) if near else None  # the whole text decides where it ends
        if m is not None:
            yield m
            pos = m.end()


_YEAR_RE = re.compile(r"(?<![\d-])(19[5-9]\d|20[0-4]\d)(?![\d-])")


def _weekday_fits_one_year(text: str, month: int, day: int, weekday: int) -> dt.date | None:
    """"Onsdagen den 9 december" in a text that states no date of its own but names years ("Under 2015
    besöker ..."): the date, if it falls on that weekday in exactly one of the years the text names, else
    in exactly one of those years and the years either side of them ("tisdagen den 12 december" in a text
    that looks ahead to "februari 2018": a weekday and date recur in the same year only every five years
    or more, so three years hold one fit at most)."""
    named = {int(x) for x in moved(_YEAR_RE).findall(text)}  # its lookbehind moved: a search for "19", "20"
    for years in (named, {y + k for y in named for k in (-1, 0, 1)}):
        fits = {d for y in years if (d := _safe_date(y, month, day)) and d.weekday() == weekday}
        if fits:
            return fits.pop() if len(fits) == 1 else None
    return None


def find_dates(text: str, doc_date: dt.date | None, year: int | None = None) -> list[DateHit]:
    """Dates in ``text``; ``year`` (from a "maj 2018" masthead) places day-month dates
    when the document states no full date of its own."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in itertools.chain(ISO_RE.finditer(text), _SPACED_ISO_RE.finditer(text)):
        val = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if val:
            hits.append(DateHit(m.start(), m.end(), val, m.group()))
            taken.append((m.start(), m.end()))
    matches = list(text_date_matches(text))
    month_years: dict[int, set[int]] | None = None  # month -> the years the text writes out with it
    for m in matches:
        if not free(m.start(), m.end()):
            continue
        month = MONTHS[m["m"].lower().rstrip(".")]
        day = int(m["d"])
        if m["y"]:
            val = _safe_date(int(m["y"]), month, day)
        elif doc_date:
            val = _safe_date(doc_date.year, month, day)
            if val and m["wd"] and val < doc_date and (doc_date - val).days > 180:
                val = _safe_date(doc_date.year + 1, month, day)
        elif year:
            val = _safe_date(year, month, day)
        elif m["wd"]:
            val = _weekday_fits_one_year(text, month, day, WEEKDAYS[m["wd"].lower()])
        else:
            val = None
        if val is None and not doc_date and not year:
            # "möttes 3-4 mars" and, in a caption, "den 4 mars 2019": the one year the
            # text gives that month
            if month_years is None:  # one pass over the matches, the first time a date needs it
                month_years = {}
                for x in matches:
                    if x["y"]:
                        month_years.setdefault(MONTHS[x["m"].lower().rstrip(".")], set()).add(int(x["y"]))
            years = month_years.get(month, set())
            if len(years) == 1:
                val = _safe_date(next(iter(years)), month, day)
        hits.append(DateHit(m.start(), m.end(), val, m.group()))
        taken.append((m.start(), m.end()))
    for m in prefilter.finditer(WEEKDAY_ONLY_RE, text):
        if not free(m.start(), m.end()):
            continue
        val = None
        if doc_date:
            ahead = (WEEKDAYS[m["wd"].lower()] - doc_date.weekday()) % 7 or 7
            val = doc_date + dt.timedelta(days=ahead)
        hits.append(DateHit(m.start("wd"), m.end("wd"), val, m["wd"], relative=True))
        taken.append((m.start(), m.end()))
    for m in prefilter.finditer(NARRATIVE_WEEKDAY_RE, text):
        if not free(m.start(), m.end()):
            continue
        val = None
        if doc_date:
            wd = WEEKDAYS[m["wd"].lower()]
            if _FUTURE_BEFORE_RE.search(text, max(0, m.start() - 80), m.start()):
                # "Mötet kommer nu att genomföras digitalt under tisdagen": the coming one
                val = doc_date + dt.timedelta(days=(wd - doc_date.weekday()) % 7)
            else:
                val = doc_date - dt.timedelta(days=(doc_date.weekday() - wd) % 7)
        hits.append(DateHit(m.start("wd"), m.end("wd") + 2, val, m.group(), relative=True))
        taken.append((m.start(), m.end()))
    for m in prefilter.finditer(PAST_WEEKDAY_RE, text):
        if not free(m.start(), m.end()):
            continue
        val = None
        if doc_date:
            wd = WEEKDAYS[m["wd"].lower()[:-1]]
            back = (doc_date.weekday() - wd) % 7 or 7
            val = doc_date - dt.timedelta(days=back)
        hits.append(DateHit(m.start(), m.end(), val, m.group(), relative=True))
        taken.append((m.start(), m.end()))
    for m in prefilter.finditer(RELATIVE_RE, text):
        if not free(m.start(), m.end()):
            continue
        word = re.sub(r"\s+", " ", m["w"].lower())
        val = doc_date + dt.timedelta(days=RELATIVE_OFFSETS[word]) if doc_date else None
        hits.append(DateHit(m.start(), m.end(), val, m.group(), relative=True))
    hits.sort(key=lambda h: h.start)
    # "landshövding sedan den 1 september 2022", "från och med den 1 mars": when a state began, no day of an event
    return [DateHit(h.start, h.end, None, h.text, h.relative)
            if h.value is not None and _SINCE_BEFORE_RE.search(text, max(0, h.start - 20), h.start) else h
            for h in hits]


_SINCE_BEFORE_RE = re.compile(r"(?<![\wåäö])(?:sedan|fr\.?[ \t]?o\.?[ \t]?m\.?|från[ \t]+och[ \t]+med)"
                              r"[ \t]+(?:den[ \t]+)?\Z", re.IGNORECASE)


def _rest_offset(line_pos: int, m: re.Match[str]) -> int:
    """Where the ``rest`` group of a match on the line at ``line_pos`` starts in the text, its leading
    white space skipped (the date found in the stripped rest is counted from there)."""
    return line_pos + m.start("rest") + (len(m["rest"]) - len(m["rest"].lstrip()))


def find_document_date(text: str, is_place: Callable[[str], bool] | None = None
                       ) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The date a document states for itself: a labelled line ("Publicerad ...")
    or a line that is only a date, near the top or at the very end; with ``is_place``
    (does this name a Swedish place?), also a dateline near the top or at the end
    ("Stockholm 25 mars 2021", "KARLSHAMN, 2012-12-05")."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    candidates: list[tuple[int, dt.date, tuple[int, int]]] = []
    non_empty = [(p, ln) for p, ln in lines if ln.strip()]
    for idx, (p, line) in enumerate(non_empty):
        near = idx < 8 or idx >= len(non_empty) - 3
        by_before = _BY_BEFORE_RE.match(line)
        found = _whole_date(by_before["rest"].strip()) if by_before else None
        if by_before and found:
            off = _rest_offset(p, by_before)
            candidates.append((0, found[0], (off + found[1][0], off + found[1][1])))
            continue
        m = DOC_DATE_LINE_RE.match(line)
        if m and not _whole_date(m["rest"].strip()) and idx < 8:
            # "Styrelse / 1 oktober 2025", "Sommarbrev från SmåKom - 30 juni 2015": a category or a letter, the date
            m = _CATEGORY_DATE_RE.match(line) or _LETTER_DATE_RE.match(line) or m
        if m and not _whole_date(m["rest"].strip()) and (m["label"] or "").lower().startswith("publi"):
            by = _BY_AFTER_RE.search(m["rest"]) or _STAMP_AFTER_RE.search(m["rest"])  # "... av Anna Berg"
            found = _whole_date(m["rest"][:by.start()].strip()) if by else None
            if found:
                off = _rest_offset(p, m)
                candidates.append((0, found[0], (off + found[1][0], off + found[1][1])))
                continue
        if (not m or not _whole_date(m["rest"].strip())) and is_place is not None and near \
                and len(line) <= _DATELINE_MAX:
            m = _PLACE_DATE_RE.match(line)  # "Stockholm 25 mars 2021": a dateline, when that is a place
            if m and not is_place(m["place"]):
                m = None
        if not m:
            continue
        rest = m["rest"].strip()
        label = (m["label"] or "").lower() if "label" in m.re.groupindex else ""
        found = _whole_date(rest)
        if not found:
            continue
        val, (a, b) = found
        above = _LABEL_ALONE_RE.match(non_empty[idx - 1][1]) if idx and not label else None
        if above:  # "Publicerad" or "Senast uppdaterad" alone on the line above the date
            label = above["label"].lower()
        if label.split(" ")[-1].startswith("publi") or label.endswith("datum"):  # "(senast) publicerad"
            rank = 0
        elif label in ("pressmeddelande", "nyhet", "nyheter") or (not label and near):
            rank = 1
        elif "uppdaterad" in label or "ändrad" in label:
            continue  # "Senast uppdaterad": when the page was last touched, not the date it states for itself
        else:
            continue
        off = _rest_offset(p, m)
        candidates.append((rank, val, (off + a, off + b)))
    if not candidates:
        return None, None
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1], candidates[0][2]


_UPDATED_RE = re.compile(r"^\s*(?:senast\s+|sidan\s+)?(?:uppdaterad|ändrad|uppdaterades|ändrades)\s*[:·|–—•]?\s*"
                         r"(?P<rest>.{0,60})$",
                         re.IGNORECASE | re.MULTILINE)


def find_update_stamp(text: str) -> dt.date | None:
    """The date of a "Senast uppdaterad" stamp (the last one), on its line or the next."""
    found = None
    for m in line_start_matches(_UPDATED_RE, text):
        rest = m["rest"].strip()
        if not rest:
            nxt = text[m.end():].lstrip("\n").split("\n", 1)[0]
            rest = nxt.strip()
        whole = _whole_date(rest)
        if whole:
            found = whole[0]
    return found


def near_stamp(hits: list[DateHit], stamp: dt.date, days: int = 31) -> list[DateHit]:
    """Day-month dates placed in the year of an update stamp, kept where they fall shortly before it
    (a page updated the day it reports on), else left unresolved."""
    out = []
    for h in hits:
        ok = h.value is not None and not h.relative and 0 <= (stamp - h.value).days <= days
        out.append(h if ok else DateHit(h.start, h.end, None, h.text, h.relative))
    return out


# what may follow a date that makes up its line: the time, and a press service's label run on to it
# ("2019-09-12 11:53Pressmeddelande")
_AFTER_WHOLE_DATE_RE = re.compile(r"[\s,]*(?:(?:kl\.?\s*)?\d{1,2}[.:]\d\d)?\s*(?:Pressmeddelande|Nyhet(?:er)?)?\s*")


def _whole_date(s: str) -> tuple[dt.date, tuple[int, int]] | None:
    """A full date (with year) that makes up the string, allowing a time after it."""
    m = ISO_RE.match(s)
    if m and _AFTER_WHOLE_DATE_RE.fullmatch(s, m.end()):
        val = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return (val, (m.start(), m.end())) if val else None
    m = TEXT_DATE_RE.match(s)
    if m and m["y"] and _AFTER_WHOLE_DATE_RE.fullmatch(s, m.end()):
        val = _safe_date(int(m["y"]), MONTHS[m["m"].lower().rstrip(".")], int(m["d"]))
        return (val, (m.start(), m.end())) if val else None
    m = ENGLISH_DATE_RE.match(s)
    if m and re.fullmatch(_TIME_AFTER, s[m.end():]):
        val = _safe_date(int(m["y"]), ENGLISH_MONTHS[m["m"].lower()[:3]], int(m["d"]))
        return (val, (m.start(), m.end())) if val else None
    return None


MASTHEAD_RE = re.compile(rf"(?<!\d )(?<!\d\. )\b(?P<m>{_MONTH_ALT})\.?\s+(?P<y>(?:19|20)\d\d)\b"
                         r"|\b(?:nr|nummer)\.?\s*\d{1,2}\s*[,/–-]?\s*(?P<y2>(?:19|20)\d\d)\b", re.IGNORECASE)


def find_masthead_year(text: str) -> int | None:
    """The year of a newsletter masthead ("Nyhetsbrev från SmåKom – maj 2018",
    "Nummer 3, mars 2013", "Nyhetsbrev nr 4 2021", "nr 4/2021") in the first lines, for documents
    without a full date; a day before the month ("svar senast den 2 februari 2016") makes it a date, no masthead."""
    head = "\n".join(ln for ln in text.lstrip().split("\n")[:4] if not _UPDATED_RE.match(ln))
    m = MASTHEAD_RE.search(head)
    return int(m["y"] or m["y2"]) if m else None
