"""Text utilities shared by the extractors: normalisation, tokens, sentences, sections.

Everything here is pure and works on character offsets into the document text,
so every mention can point back to the exact span it came from.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from operator import itemgetter
from typing import NamedTuple

from .lookbehind import moved

# a letter, then word characters, with single hyphens or apostrophes inside ("Stockholm-Mälaren", "Marie-Louise")
WORD_RE = re.compile(r"[^\W\d_]\w*(?:[-'’]\w+)*", re.UNICODE)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.+[\w-]+)+", re.UNICODE)
# A bare domain ("ljusdal.se") is tried where a run of word characters and hyphens begins (after
# its leading hyphens, the group ``lead``, which is not part of the address), not at each word
# boundary inside the run: a run not followed by ".se" and the like then fails once, instead of
# once per boundary, which took time quadratic in the run's length ("Ö-Ö-Ö-..."). From any
# boundary in a run, ``[\w-]+`` reaches the same end, so the matches are those of
# ``\b[\w-]+\.se``; :func:`url_matches` adds the one case where that started inside a run.
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+"
                    r"|(?<![\w-])(?P<lead>-*)(?!https?://|www\.)\w[\w-]*\.(?:se|nu|com|org|eu|net)\b"
                    r"(?:/[^\s<>\"]*)?", re.UNICODE | re.IGNORECASE)
_BARE_DOMAIN_RE = re.compile(r"[\w-]+\.(?:se|nu|com|org|eu|net)\b(?:/[^\s<>\"]*)?", re.UNICODE | re.IGNORECASE)
PHONE_RE = re.compile(r"(?<!\w)(?:\+46|0)\d{1,3}[- ]?\d{2,3}(?:[ -]?\d{2,3}){1,3}(?!\w)")
# the end of a line and any blank lines after it (a PDF's text often leaves one between two lines of a list)
LINE_BREAKS_RE = re.compile(r"[ \t]*\n(?:[ \t]*\n)*")
SENT_END_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“–—-]?\s*[A-ZÅÄÖÉ0-9])|\n\s*\n|\n(?=\s*[-–•*]|\s*\d+\.)")
ABBREVIATIONS = ("t.ex.", "bl.a.", "m.m.", "fr.", "v.", "h.", "ca.", "jfr.", "dvs.", "osv.", "s.k.",
                 "t.o.m.", "f.d.", "resp.", "d.v.s.", "m.fl.", "nr.", "kl.", "tel.")


def normalise_text(text: str) -> str:
    """NFC, unified line ends and dashes-as-is, no soft hyphens or zero-width characters."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u2007", " ").replace("\u202f", " ")
    return text


def _local_part_char(c: str) -> bool:
    return c.isalnum() or c in "_.+-"  # what ``[\w.+-]`` matches


def email_matches(text: str, pattern: re.Pattern[str] = EMAIL_RE, pos: int = 0) -> Iterator[re.Match[str]]:
    r"""``pattern.finditer(text, pos)`` for EMAIL_RE and patterns of its shape (a local part of
    ``[\w.+-]+``, then "@"), in time linear in the text: an address is tried only where an "@"
    follows a run of local-part characters, from the start of that run (``finditer`` tries each
    position of every run, which takes time quadratic in the run's length). Each character is
    looked at backwards at most once, since the next search starts after the "@"."""
    while True:
        at = text.find("@", pos)
        if at < 0:
            return
        start = at
        while start > pos and _local_part_char(text[start - 1]):
            start -= 1
        m = pattern.match(text, start) if start < at else None
        if m is not None:
            yield m
            pos = m.end()
        else:
            pos = at + 1


# what every URL_RE match holds: "://", "www." or a top-level domain after a dot
_URL_ANCHOR_RE = re.compile(r"://|www\.|\.(?:se|nu|com|org|eu|net)", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s")


def url_matches(text: str) -> Iterator[re.Match[str]]:
    r"""Web addresses and bare domains in ``text``: the matches of
    ``(?:https?://|www\.)[^\s<>"]+|\b[\w-]+\.(?:se|nu|com|org|eu|net)\b(?:/[^\s<>"]*)?``, tried
    only on the words (runs without white space, which no address crosses) that hold an anchor of
    an address, each word once and in time linear in its length (see URL_RE)."""
    done = 0
    for a in _URL_ANCHOR_RE.finditer(text):
        if a.start() < done:
            continue
        start = a.start()
        while start > done and not _SPACE_RE.match(text, start - 1):
            start -= 1
        space = _SPACE_RE.search(text, a.end())
        end = space.start() if space else len(text)
        yield from _url_matches_in(text, start, end)
        done = end


def _url_matches_in(text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
    while (m := URL_RE.search(text, pos, end)) is not None:
        yield m
        pos = m.end()
        # "kommun.se-x.se": a domain ends before a hyphen, and the next may start right there
        while text.startswith("-", pos, end) and (m := _BARE_DOMAIN_RE.match(text, pos, end)) is not None:
            yield m
            pos = m.end()


def lines_holding(text: str, char: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds ``char``, in order, without its newline:
    ``pattern.match(text, start, end)`` over these is ``pattern.finditer(text)`` for a MULTILINE
    pattern of one line (``^...$``, no newline inside) that needs ``char``, without the scan of
    every other line."""
    at = text.find(char)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        yield start, end
        at = text.find(char, end)


def line_start_matches(pattern: re.Pattern[str], text: str, needs: str = "") -> Iterator[re.Match[str]]:
    r"""``pattern.finditer(text)`` for a MULTILINE pattern that begins with ``^\s*`` (and has no
    lookbehind), in time linear in the number of lines: where no match starts at a line start,
    none starts at the line starts inside the white space that follows it either (``\s*`` reaches
    the same places from there), so they are not tried (``finditer`` tries each, and each tries
    every split of that white space: time that grows with the cube of a run of blank lines).

    ``needs``: a word (lower case) every match ends with, after the white space, one line and
    white space again (``^\s*(?P<x>.+?)\s+nyhetsbrev``); a line start without it in that reach
    is not tried either."""
    pos = 0
    while 0 <= pos <= len(text):
        m = pattern.match(text, pos) if not needs or _within_reach(text, pos, needs) else None
        if m is not None:
            yield m
            pos = m.end()
            if pos == 0 or text[pos - 1] == "\n":
                continue  # already a line start
        else:
            blank = _LEADING_SPACE_RE.match(text, pos)
            pos = blank.end() if blank else pos
        nl = text.find("\n", pos)
        pos = nl + 1 if nl >= 0 else -1


_LEADING_SPACE_RE = re.compile(r"\s*")


def _within_reach(text: str, pos: int, needs: str) -> bool:
    """Does ``needs`` (case folded, as IGNORECASE compares) start in the white space from ``pos``,
    the line after it or the white space after that line?"""
    blank = _LEADING_SPACE_RE.match(text, pos)
    line_end = text.find("\n", blank.end() if blank else pos)
    line_end = len(text) if line_end < 0 else line_end
    after = _LEADING_SPACE_RE.match(text, line_end)
    reach = (after.end() if after else line_end) + len(needs) + 1
    return needs in text[pos:reach].casefold()


def has_phone(text: str) -> bool:
    """``PHONE_RE.search(text)``, not tried on text without the "0" or "+46" a number starts with."""
    return ("0" in text or "+46" in text) and moved(PHONE_RE).search(text) is not None


def find_email(text: str) -> re.Match[str] | None:
    """``EMAIL_RE.search(text)`` in linear time."""
    return next(email_matches(text), None)


_DASHES_RE = re.compile(r"[\u2010-\u2015]")
_SPACES_RE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Key for case- and diacritic-insensitive comparison ("Söderhamns" -> "soderhamns")."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DASHES_RE.sub("-", text)
    return _SPACES_RE.sub(" ", text).strip()


def slug(text: str) -> str:
    """ASCII slug for identifiers: "Pär-Olof Stål" -> "par-olof-stal"."""
    s = fold(text)
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-") or "x"


@lru_cache(maxsize=4)  # asked of the same texts by several steps (the gazetteer: 26 times a document)
def lower_same_length(text: str) -> str:
    """Lower-case text while keeping every offset valid (length-changing chars kept as is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@lru_cache(maxsize=8)
def mask_contacts(text: str) -> str:
    """Blank out e-mail addresses, web addresses and phone numbers (same length)."""
    def blank(m: re.Match[str]) -> str:
        lead = m.groupdict().get("lead") or ""  # a bare domain's leading hyphens are not the address
        return lead + " " * (m.end() - m.start() - len(lead))
    text = _replaced(text, email_matches(text), blank)
    text = _replaced(text, url_matches(text), blank)
    return moved(PHONE_RE).sub(blank, text)  # its lookbehind moved: the scan searches for "0" and "+46"


def _replaced(text: str, matches: Iterable[re.Match[str]], repl: Callable[[re.Match[str]], str]) -> str:
    """``pattern.sub(repl, text)`` for matches found by other means than one pattern's finditer."""
    parts, pos = [], 0
    for m in matches:
        parts += [text[pos:m.start()], repl(m)]
        pos = m.end()
    return "".join(parts) + text[pos:] if parts else text


class Token(NamedTuple):
    text: str
    start: int
    end: int
    is_cap: bool  # the word starts with a capital letter


def tokens(text: str) -> list[Token]:
    """The words of ``text`` (matches of WORD_RE) in order; a word glued to the next at a capital
    ("BergströmKommunchef": a caption run into the text after it) is two. The words and their
    offsets come from one split by WORD_RE and the running sum of the pieces' lengths, and the
    tokens are made by C-level maps: a Python loop over some 400 words a document cost twice as much."""
    parts = _WORD_SPLIT_RE.split(text)  # text between words, a word, text between, ..., a word, text after
    ends = list(accumulate(map(len, parts)))
    words, starts, stops = parts[1::2], ends[0::2], ends[1::2]
    out = list(map(_new_tuple, repeat(Token), zip(words, starts, stops, map(str.isupper, map(_first, words)),
                                                   strict=False)))
    # a glued word holds a lower-case letter and a capital together (rare: only such words are looked at)
    glued: list[tuple[int, int]] = []
    for m in _CAPITAL_AFTER_LOWER_RE.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or k >= len(words) or m.start() >= stops[k] or (glued and glued[-1][0] == k):
            continue
        cut = _GLUED_RE.search(words[k])
        if cut and not _JOINED_GIVEN_RE.match(words[k]):
            glued.append((k, cut.start() + 1))
    if not glued:
        return out
    split: list[Token] = []
    done = 0
    for k, cut in glued:
        split += out[done:k]
        word, start, stop = words[k], starts[k], stops[k]
        split.append(_new_tuple(Token, (word[:cut], start, start + cut, word[0].isupper())))
        split.append(_new_tuple(Token, (word[cut:], start + cut, stop, True)))
        done = k + 1
    return split + out[done:]


_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
_new_tuple = tuple.__new__  # Token(...) goes through a Python-level __new__; its tuple is the same
_first = itemgetter(0)
# the one place in a word that a glued word needs: a capital right after a lower-case letter (the class
# first, then the test of the letter before: the engine skips to the capitals)
_GLUE_LOWER, _GLUE_UPPER = "[a-zåäöéü]", "[A-ZÅÄÖÉÜ]"  # the letters on either side of where a word is glued
_CAPITAL_AFTER_LOWER_RE = re.compile(f"{_GLUE_UPPER}(?<={_GLUE_LOWER}{_GLUE_UPPER})")
# a lower-case letter then a capital inside a word, with three letters or more on each side
_GLUED_RE = re.compile(rf"(?<=[^\W\d_]{{2}}){_GLUE_LOWER}(?={_GLUE_UPPER}{_GLUE_LOWER}{{2}})")

# a given name written as two joined with a capital inside ("RosMarie", "AnnaKarin", "LarsGöran", "MacKenzie"):
# a short capitalised first part, no glued words
_JOINED_GIVEN_RE = re.compile(rf"{_GLUE_UPPER}{_GLUE_LOWER}{{1,3}}{_GLUE_UPPER}{_GLUE_LOWER}{{2,7}}\Z")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int  # index of the block (paragraph) it belongs to


@dataclass(frozen=True)
class Block:
    """A paragraph or a single line that stands alone (heading, field line)."""

    start: int
    end: int
    index: int
    heading: bool
    contact: bool


CONTACT_CUE_RE = re.compile(
    r"(?:för (?:mer )?(?:information|kommentarer|frågor)|presskontakt|kontakt(?:person(?:er)?)?|"
    r"kontakta|mer information|frågor besvaras|har du frågor|"
    # the page's owner in a site's footer: "Sidansvarig", "Ansvarig för sidan"
    r"sidansvarig|sidan ansvarig|ansvarig för sidan)\b", re.IGNORECASE)  # matched at a paragraph's start
_KONTAKTA_END_RE = re.compile(r"\bkontakta\s*:?\s*$", re.IGNORECASE)


def _is_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 110:
        return False
    if s[-1] in ".!?,;:":
        return False
    if has_phone(s) or find_email(s):
        return False
    first = s.lstrip("-–•* ")[:1]
    return first.isupper() or first.isdigit() or first == "§"  # "§ 114 Besök av ...": an item of minutes


def _contact_cue(stripped: str) -> bool:
    """Does a paragraph open with a contact cue, or end its first line or itself with "kontakta:"?
    (The search for "kontakta" at an end tries every position: it runs only where the word is.)"""
    first = stripped.split("\n", 1)[0]
    if CONTACT_CUE_RE.match(first):
        return True
    return "ontakta" in stripped.casefold() and bool(_KONTAKTA_END_RE.search(first)
                                                     or _KONTAKTA_END_RE.search(stripped))


# a paragraph that announces a list: "Vid mötet deltog följande personer:", "... var följande med i samtalen"
_LIST_INTRO_RE = re.compile(r"(?::|\bföljande\b[^.!?\n]*)\s*$")
# a line that heads a day or an item of a programme, even right after a list's intro
_DATED_HEAD_RE = re.compile(r"\s*(?:[\d§]|(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)\b|"
                            r".*\b\d{1,2}\s+(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\b)",
                            re.IGNORECASE)


# the heading of a visit's or a meeting's programme
_PROGRAMME_HEADING_RE = re.compile(r"(?:(?:dagens|preliminärt|preliminära|besökets)\s+)?(?:program|programmet|"
                                   r"programpunkter|schema|dagordning|agenda)\s*:?\s*$", re.IGNORECASE)


# a signature's first line: a name of two or three capitalised words, a comma, a title in lower case
_SIGNATURE_NAME_RE = re.compile(r"\s*[A-ZÅÄÖ][a-zåäöé-]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+){1,2}[ \t]*,[ \t]*"
                                r"[a-zåäö][^\n.!?]{2,60}$")


def _signature(lines: list[str]) -> bool:
    """A press release's signature without a contact cue: a short paragraph that opens with "Name, title" and
    gives a phone number or an e-mail address on a line of its own."""
    return 2 <= len(lines) <= 4 and bool(_SIGNATURE_NAME_RE.match(lines[0])) \
        and any(len(ln) <= 60 and (has_phone(ln) or find_email(ln) is not None) for ln in lines[1:])


def _continued(text: str, start: int) -> bool:
    """Does the paragraph at ``start`` go on with the sentence of the one before? A scraped page breaks
    a sentence at a blank line ("Många tar upp" / "bristen på ..."): the line before heads nothing."""
    first = text[start:start + 8].lstrip()[:1]
    return first.isalpha() and first.islower()


def blocks(text: str) -> list[Block]:
    """Paragraphs separated by blank lines; a one-line paragraph that looks like a
    heading is marked as such, unless it is an item of a list that the paragraph before
    announces ("Vid mötet deltog följande personer:" and then a name on each line).
    Blocks after a contact cue ("kontakta:", "Presskontakt:") are contact blocks until the next heading."""
    out: list[Block] = []
    contact = False
    listing = False  # in the one-line items of an announced list
    spans = list(_paragraphs(text))
    for i, (start, end) in enumerate(spans):
        chunk = text[start:end]
        lines = [ln for ln in chunk.split("\n") if ln.strip()]
        # "09.00 Företagsbesök ...": an item of a programme, not a heading
        heading = len(lines) == 1 and _is_heading(lines[0]) and not PROGRAMME_RE.match(lines[0]) \
            and not _continued(text, spans[i + 1][0] if i + 1 < len(spans) else len(text))
        # a paragraph that announces a list heads nothing (the search tries every position: it runs
        # only where a colon or the word is)
        intro = (":" in chunk or "följande" in chunk) and bool(_LIST_INTRO_RE.search(chunk))
        item = listing and len(lines) == 1 and not (heading and _DATED_HEAD_RE.match(lines[0]))
        if heading and (intro or item):
            heading = False  # "Anna Berg - ledamot i KS": an item of the list, not a heading
        listing = item or intro
        stripped = chunk.strip()
        if _contact_cue(stripped):
            contact = True
            out.append(Block(start, end, len(out), heading, True))
            continue
        if not contact and _signature(lines):
            out.append(Block(start, end, len(out), heading, True))  # "Anna Berg, informationschef" / "Tel. 019-..."
            continue
        if contact and PROGRAMME_RE.match(stripped):
            contact = False  # "10.00 Möte med ...": an item of the visit's programme, no contact's line
        if heading and not re.match(r"^(?:tel|telefon|mobil|e-post|mejl)\b", stripped, re.I):
            # a heading ends a contact section unless it is a name line inside one ("Program" heads the
            # visit's programme, which a press release may print after "Kontakta X för mer information.")
            if contact and len(stripped.split()) <= 4 and not re.search(r"\b(?:om|nyheter|besök)\b", stripped, re.I) \
                    and not _PROGRAMME_HEADING_RE.match(stripped):
                out.append(Block(start, end, len(out), True, True))
                continue
            contact = False
        out.append(Block(start, end, len(out), heading, contact))
    return out


_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_PROSE_LINE_RE = re.compile(r"[^\n]{60,}[.!?][\"”]?[ \t]*$|[^\n]{20,}[.!?][ \t]+[A-ZÅÄÖ\"”–-]")


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs (separated by blank lines). A subheading written on the line right above its
    paragraph ("Träff med ministern" then a line of prose) is a paragraph of its own: a heading."""
    for m in _PARAGRAPH_RE.finditer(text):
        chunk = m.group()
        if not chunk.strip():
            continue
        first, _, tail = chunk.partition("\n")
        if tail:
            nxt = tail.split("\n", 1)[0]
            if _is_heading(first) and 2 <= len(first.split()) <= 10 and len(first.strip()) < 80 \
                    and not _contact_cue(first.strip()) and _PROSE_LINE_RE.match(nxt.strip()):
                yield m.start(), m.start() + len(first.rstrip())
                yield m.end() - len(tail.lstrip()), m.end()  # the rest, from its first non-blank character
                continue
        yield m.start(), m.end()


_BLANKS_RE = re.compile(r"[ \t]*")
# a middle initial with its full stop ends no sentence: "Ulla J. Berg" (a capitalised word, the initial, ".")
_MIDDLE_INITIAL_RE = re.compile(r"(?<![\w.])[A-ZÅÄÖ][a-zåäöé]+[ \t][A-ZÅÄÖ]\.\Z")
_LOWER_START_RE = re.compile(r"[a-zåäö]")
_LIST_START_RE = re.compile(r"[\d•*–-]|\w+\s*:")


def sentences(text: str, blks: list[Block] | None = None) -> list[Sentence]:
    """Sentences inside blocks; line breaks inside a block end a sentence when the
    next line starts with a capital and the previous does not end mid-phrase."""
    blks = blocks(text) if blks is None else blks
    out: list[Sentence] = []
    for b in blks:
        chunk = text[b.start:b.end]
        cuts = [0]
        for m in SENT_END_RE.finditer(chunk):
            at = m.start()
            if chunk[max(0, at - 8):at].lower().endswith(ABBREVIATIONS) or (
                    chunk[at - 3:at - 2] in (" ", "\t") and chunk[at - 1:at] == "."  # "J." after a space
                    and _MIDDLE_INITIAL_RE.search(chunk, max(0, at - 40), at)):
                continue
            cuts.append(m.end())
        # single line breaks end a sentence after final punctuation, before a number,
        # a bullet or a field line, and inside contact blocks; otherwise a line is wrapped text
        # (the text before a line break, stripped, ends with ``last_line``; the text after it starts at ``nxt``)
        line_start, last_line = 0, ""
        for m in re.finditer(r"\n", chunk):
            line = chunk[line_start:m.start()].rstrip()
            if line:
                last_line = line
            line_start = m.end()
            blank = _BLANKS_RE.match(chunk, m.end())
            nxt = blank.end() if blank else m.end()
            if not last_line or (_LOWER_START_RE.match(chunk, nxt) and not b.contact
                                 and not EMAIL_RE.match(chunk, nxt)):
                continue  # a line that goes on in lower case continues the sentence
            if last_line[-1] in ".!?:;" or _LIST_START_RE.match(chunk, nxt) or b.contact \
                    or has_phone(last_line) or find_email(last_line) \
                    or _is_heading(last_line) and len(last_line) < 40:
                cuts.append(m.end())
        cuts = sorted(set(cuts)) + [len(chunk)]
        for a, e in zip(cuts, cuts[1:], strict=False):
            seg = chunk[a:e]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                trail = len(seg.rstrip())
                out.append(Sentence(b.start + a + lead, b.start + a + trail, b.index))
    return out


def at_sentence_start(text: str, pos: int) -> bool:
    """Is ``pos`` the first word of a sentence or line (quotes, dashes and bullets aside)?"""
    j = pos - 1
    while j >= 0 and text[j] in " \t\"“”'–—-•*":
        j -= 1
    return j < 0 or text[j] in ".!?:\n"


@lru_cache(maxsize=4096)
def strip_genitive(word: str) -> str:
    """'Kungsbackas' -> 'Kungsbacka'; words ending in s, x, z keep their form."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss",)):
        return word[:-1]
    return word


# -- what a sentence is, by its place in the layout ---------------------------------------------------------------
# heading, body, quote, bullet, caption (a photo text), programme (a time and an activity), contact, boilerplate
# (the CMS or distributor's own lines: dates, "Sidan publicerad av", "Dela", "Skriv ut")
# a photo's credit: "Foto: Exempelbild", "Bild: ...", "Fotograf: ..."
_PHOTO_CREDIT = r"foto\s*:|bild\s*:|fotograf\s*:"
BOILERPLATE_RE = re.compile(
    r"^\s*(?:publicerad|publicerat|publiceringsdatum|senast (?:uppdaterad|ändrad|granskad)|uppdaterad|"
    r"(?:sidan|artikeln|nyheten) (?:publicerades|uppdaterades|ändrades)|"
    r"sidan (?:publicerad|uppdaterad|ansvarig) av|sidansvarig|ansvarig (?:organisation|utgivare|för sidan)|"
    r"dela(?: sidan| på \w+)?|skriv ut|tipsa(?: en vän)?|taggar|kategori(?:er)?|relaterat|läs (?:mer|också)|"
    r"till toppen|prenumerera|pressmeddelande\s*[•·|–-]|" + _PHOTO_CREDIT + r")(?=\W|$)",
    re.IGNORECASE)
# a county board's (or an agency's) description of itself under each news item: "Länsstyrelsen är en statlig
# myndighet ...", "Vi på Länsstyrelsen arbetar för ...", "... en länk mellan människor och kommuner å ena sidan ...",
# "Som statens företrädare i länet ...": what the body always does, not what was met or discussed
ABOUT_US_RE = re.compile(
    r"^\s*(?:vi på länsstyrelsen\b|länsstyrelsen är en statlig myndighet\b|som statens företrädare\b)"
    r"|\blänk mellan människor(?:na)? och kommuner(?:na)?\b", re.IGNORECASE)
CAPTION_RE = re.compile(
    # "Vadstena: På bilden syns ...": a caption may open with the place where the photo was taken
    r"^\W*(?:\w[\w-]*(?:[ \t]+\w[\w-]*)?[ \t]*[;:][ \t]*)?"
    r"(?:på (?:bilden|fotot|fotografiet|bilderna)|i bild\s|bilden(?: visar)?\s*:|bildtext|från vänster|fr\.?\s?v\.?\s|"
    r"foto(?:grafi)?\s*:)|\((?:från vänster|fr\.? ?v\.?)\)|\bfoto\s*:\s*[^.]{1,60}$"
    # "Ministerbesök på Exempelgården, från vänster syns A, B och C": what the photo shows, then who is in it
    r"|^[^.!?\n,]{3,80},[ \t]*från vänster[ \t]*(?:syns|ses|står|sitter|:)",
    re.IGNORECASE)
# words of which every match of ABOUT_US_RE (CAPTION_RE) contains one, casefolded as IGNORECASE compares
_ABOUT_US_WORDS = ("länsstyrelsen", "statens företrädare", "länk mellan")
_CAPTION_WORDS = ("bild", "foto", "vänster", "fr")
QUOTE_START_RE = re.compile(r"^\s*[–—”\"»]")
BULLET_RE = re.compile(r"^\s*[-•*·▪●]\s+")
PROGRAMME_RE = re.compile(r"^\s*(?:[Kk]l\.?\s*)?\d{1,2}[.:]\d\d(?:\s*[-–]\s*\d{1,2}[.:]\d\d)?\b")
# "Anna Berg, Region Exempel" or "Anna Berg (S), Exempelby kommun" alone on a line: an entry of a roster
ROSTER_LINE_RE = re.compile(r"^\s*[A-ZÅÄÖ][\w'-]+(?:[ \t]+[A-ZÅÄÖ][\w'-]+){1,3}[ \t]*(?:\([\wÅÄÖåäö]{1,4}\)[ \t]*)?,"
                            r"[ \t]*[A-ZÅÄÖ][^.!?\n]{1,80}$")
PHONE_LINE_RE = re.compile(r"^\s*(?:tel(?:efon)?\.?:?\s*|mobil:?\s*)?\+?[\d][\d \t-]{5,}\d\s*$", re.IGNORECASE)
DATE_ONLY_RE = re.compile(r"^\s*(?:\d{4}-\d\d-\d\d|\d{1,2}\s+[a-zåäö]+\s+\d{4})(?:\s+\d\d[.:]\d\d)?\s*$",
                          re.IGNORECASE)


# the description of a picture that a page prints as text (its alt text): "Två kvinnor står vid en skylt"
# ("En man i kostym skakar hand med en kvinna", "Kvinna pekar på en karta": one person, with or without
# an article)
PHOTO_DESCRIPTION_RE = re.compile(
    r"\W*(?:(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|\d{1,2})\s+(?:[a-zåäö]+\s+)?(?:personer|män|kvinnor|barn)"
    r"|(?:(?:en|ett)\s+(?:[a-zåäö]+\s+)?)?(?:kvinna|man|person|flicka|pojke))\b"
    r"[^.!?\n]{0,60}?\b(?:står|sitter|skrattar|ler|lyssnar|tittar|poserar|samtalar|pratar|klipper|klappar|skakar"
    r"|håller|pekar)\b", re.IGNORECASE)


def _photo_description(line: str) -> bool:
    """A picture's description names no one: no capitalised word after its first."""
    return bool(PHOTO_DESCRIPTION_RE.match(line)) and not any(w[:1].isupper()
                                                              for w in line.lstrip("•*·▪●-– \t").split()[1:])


def sentence_kind(line: str, blk: Block) -> str:
    """What a sentence is by its layout: ``heading``, ``contact``, ``boilerplate``, ``caption``,
    ``programme``, ``roster`` (a "Name, Organisation" entry or a phone number alone on its line),
    ``quote``, ``bullet`` or ``body``."""
    if blk.contact:
        return "contact"
    folded = line.casefold()  # the searches below run only where a word they need is present
    if BOILERPLATE_RE.match(line) or DATE_ONLY_RE.match(line) or _photo_description(line) or (
            any(w in folded for w in _ABOUT_US_WORDS) and ABOUT_US_RE.search(line)):
        return "boilerplate"
    if blk.heading:
        return "heading"
    if any(w in folded for w in _CAPTION_WORDS) and CAPTION_RE.search(line):
        return "caption"
    if PROGRAMME_RE.match(line):
        return "programme"
    if ROSTER_LINE_RE.match(line) or PHONE_LINE_RE.match(line):
        return "roster"
    if QUOTE_START_RE.match(line):
        return "quote"
    if BULLET_RE.match(line):
        return "bullet"
    return "body"


# a press release's closing box about its sender: "Om oss", "Om Exempelbolaget", "Om Region Exempelland:"
ABOUT_HEADING_RE = re.compile(r"\s*(?:Om oss|OM OSS|Om [A-ZÅÄÖ][\w&.'-]*(?:[ \t]+[\wåäöÅÄÖ&.'-]+){0,4})"
                              r"[ \t]*:?[ \t]*\Z")


def sentence_kinds(text: str, blks: list[Block], sents: list[Sentence]) -> list[str]:
    """The layout kind of every sentence (see :func:`sentence_kind`); the paragraphs under an "Om oss" heading
    are the sender's description of itself (``boilerplate``) up to the next heading."""
    about = False
    about_blocks: set[int] = set()
    for i, blk in enumerate(blks):
        if blk.heading:
            about = bool(ABOUT_HEADING_RE.match(text, blk.start, blk.end))
        elif about and not blk.contact:
            about_blocks.add(i)
    kinds = ["boilerplate" if s.block in about_blocks else sentence_kind(text[s.start:s.end], blks[s.block])
             for s in sents]
    for i in range(len(sents) - 1):
        # "Ministern samtalar med elever. Foto: Exempelbild": a line of its own before the photo's credit (on it or on
        # the next line) is the photo's caption
        a, b = sents[i], sents[i + 1]
        if kinds[i] == "body" and a.block == b.block and _PHOTO_CREDIT_RE.match(text, b.start, b.end) \
                and (a.start == 0 or text[a.start - 1] == "\n") and text[a.end:b.start].count("\n") <= 1:
            kinds[i] = "caption"
    return kinds


_PHOTO_CREDIT_RE = re.compile(r"\s*(?:" + _PHOTO_CREDIT + ")", re.IGNORECASE)


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# what a terminal acts on or a reader cannot see: C0 and C1 controls, DEL, and the bidirectional
# overrides and isolates that make a name read as another (U+202A-U+202E, U+2066-U+2069)
_UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    r"""``text`` as one line a terminal shows as it is: a line break, an escape sequence or a
    bidirectional override in a file name (or anything read from a document) becomes a visible
    backslash escape (``\n``, ``\x1b``, ``\u202e``), so it can neither fake another line nor
    colour, move or reverse what follows; a lone surrogate as :func:`shown` writes it. Text
    without them is returned as it is."""
    text = shown(text)
    if not _UNPRINTABLE_RE.search(text):
        return text
    return _UNPRINTABLE_RE.sub(lambda m: _ESCAPES.get(m.group()) or
                               (f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"),
                               text)


def printable_lines(lines: Iterable[str]) -> str:
    """Lines, each made :func:`printable`, one per line."""
    return "\n".join(printable(line) for line in lines)


def _escape_surrogate(m: re.Match[str]) -> str:
    code = ord(m.group())
    # U+DC80..U+DCFF stand for the undecodable bytes 0x80..0xFF of a file name (surrogateescape)
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def shown(text: str) -> str:
    r"""``text`` as valid Unicode, to print and to store. A file name that is not UTF-8 (raw
    bytes, as old Windows shares and zip tools write them) comes from the file system with each
    bad byte as a lone surrogate; it is shown as a backslash escape: the name b"caf\xe9.txt"
    becomes the text caf\xe9.txt (backslash, x, e, 9). Other lone surrogates (from a JSON
    ``\ud800``) become ``\ud800``. Any other text is returned as it is."""
    return _SURROGATE_RE.sub(_escape_surrogate, text) if _SURROGATE_RE.search(text) else text
