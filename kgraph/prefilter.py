"""Make the extraction's regular expressions cheaper without changing what they find.

1. Skip a scan that cannot match. A scan of a 3 KB document by one of the extraction's
   expressions costs some 80 µs even where it finds nothing, and most of them find nothing in
   most documents: the scan tries the expression at every position. Most expressions cannot
   match without one of a few literal strings ("förening", "förbund"; one of a list of verbs).
   :func:`required_sets` reads them off the expression's parse tree (up to three such sets:
   "X ideell förening" needs both words); :func:`finditer`, :func:`search` and
   :func:`may_match` look for them in the text before they scan (one pass of an Aho-Corasick
   automaton of every expression's strings tells which of them a text holds). An expression
   with a set none of whose strings occurs cannot match, so its scan is left out; otherwise
   the answer is the expression's own.

   Soundness: a string is required only where every match must contain it (a literal run in
   a sequence, one of the alternatives' strings where each alternative requires one, the body
   of a repeat of at least one). Text and strings are compared case-folded, which every
   case-insensitive match of a literal survives except that of a Turkish dotless or dotted
   i; a text holding one of those is scanned as it is.

2. Run a case-insensitive expression on the lower-cased text without re.IGNORECASE where that
   finds the same spans (:func:`for_lowered`, see the section below): four times faster for a
   large alternation.

3. Scan with the expression's leading lookbehind moved after the literal or class every match
   starts with (:mod:`kgraph.lookbehind`), where that lets the engine search for a match's start
   instead of trying every position: :func:`finditer` and :func:`search` do.

4. Scan a whole text only in the lines that hold one of the strings a match needs, where no match
   of the expression can cross a line and the engine would try it at every position
   (:func:`line_local`, see the section "lines" below): :func:`finditer` does.

5. Test a sentence (a window of :data:`WINDOW` characters or fewer) for the strings a match needs
   before searching it (:func:`window_may_match`): :func:`search` does.

6. Try an expression whose matches all start with one of some strings only where one of them
   starts (:func:`_anchors`, see the section "anchors" below): :func:`finditer` does, before 4.

What is worked out per expression is found by the expression's identity (:mod:`kgraph.memo`).
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

import ahocorasick

from .lookbehind import engine_searches, moved
from .lookbehind import sre_parser as _sre_parse  # the standard library's parser of regular expressions
from .memo import per_pattern

MIN_NEEDLE = 3  # a required string shorter than this ("om") is in nearly every text: no test
MIN_TEXT = 400  # a shorter text is scanned at once: the test would cost about as much as the scan
_MAX_LEADS = 64  # alternatives followed into, at most
MAX_SETS = 3  # requirements of one expression tested, at most
WINDOW = 2000  # a search of at most this many characters also tests them for what a match needs
_WINDOW_STRINGS = 4  # ... in requirements of at most this many strings (six cost as much as the search)
_UNSAFE = ("ı", "\u0307")  # case-folded dotless i, and the dot of a folded "İ": matched as "i" by re.IGNORECASE
_END = sys.maxsize

Needles = frozenset[str]


def _pick(a: Needles | None, b: Needles | None) -> Needles | None:
    """The stronger of two requirements (each a set of strings one of which must occur): the one
    whose shortest string is longest, then the one with fewer strings."""
    if not b:
        return a
    if not a:
        return b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


def _leading(items: Any, through: bool = False, most: int = _MAX_LEADS) -> set[str] | None:
    """The strings one of which every match of a sequence of parsed items starts with: its literal
    run, extended into a group or alternation that follows it (None: none known). ``through``: an
    assertion ("\\b", a lookaround), which consumes nothing, is passed over; ``most``: the
    alternatives followed into, at most."""
    run: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if through and name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        inner: set[str] | None = None
        if name == "SUBPATTERN":
            inner = _leading(av[-1].data, through, most)
        elif name == "BRANCH":
            alts = [_leading(alt.data, through, most) for alt in av[1]]
            inner = None if any(not a for a in alts) else set().union(*alts)  # type: ignore[arg-type]
        head = "".join(run)
        if inner and len(inner) <= most:
            return {head + x for x in inner}
        return {head} if head else None
    return {"".join(run)} if run else None


def _requirements(items: Any, fold: Callable[[str], str] = str.casefold) -> list[Needles]:
    """Every requirement of a sequence of parsed items (each a set of strings, one of which every
    match contains): its literal runs, and those of the groups and repeats of one or more in it,
    each string as ``fold`` gives it (case-folded, or as the expression writes it)."""
    out: list[Needles] = []
    run: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if run:
            out.append(frozenset({fold("".join(run))}))
            # "för(?:ening|bund)": the parser takes the alternatives' common start out of them
            leads = _leading([(op, av)]) if name in ("SUBPATTERN", "BRANCH") else None
            if leads:
                out.append(frozenset(fold("".join(run) + x) for x in leads))
            run = []
        if name == "SUBPATTERN":
            out += _requirements(av[-1].data, fold)
        elif name == "ATOMIC_GROUP":
            out += _requirements(av.data, fold)
        elif name == "BRANCH":
            parts = [_sequence(alt.data, fold) for alt in av[1]]
            if all(p is not None for p in parts):
                out.append(frozenset().union(*parts))  # type: ignore[arg-type]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            out += _requirements(av[2].data, fold)
        # anything else (a class, any character, an anchor, a lookaround, a back-reference) requires no string
    if run:
        out.append(frozenset({fold("".join(run))}))
    return out


def _sequence(items: Any, fold: Callable[[str], str] = str.casefold) -> Needles | None:
    """What a sequence of parsed items requires: its strongest single requirement."""
    best: Needles | None = None
    for req in _requirements(items, fold):
        best = _pick(best, req)
    return best


@per_pattern
def required_literals(pattern: re.Pattern[str]) -> Needles | None:
    """Strings (case-folded) one of which every match of ``pattern`` contains, or None where none
    is known or the shortest is under :data:`MIN_NEEDLE` characters."""
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a parser of another Python version: no test, the scan as it was
        return None
    req = _sequence(parsed.data)
    if not req or min(map(len, req)) < MIN_NEEDLE:
        return None
    return req


class _Needles:
    """Every needle of the expressions asked about so far, in one Aho-Corasick automaton, and the
    needles each text holds: one pass over a text answers for every expression."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.automaton: Any = None
        self.version = 0
        # (text, version, needles held, the text case-folded), the last four texts asked about
        self.texts: list[tuple[str, int, frozenset[int] | None, str]] = []

    def register(self, needles: Needles) -> frozenset[int]:
        new = [n for n in needles if n not in self.ids]
        for n in new:
            self.ids[n] = len(self.ids)
        if new or self.automaton is None:
            auto = ahocorasick.Automaton()
            for n, i in self.ids.items():
                auto.add_word(n, i)
            auto.make_automaton()
            self.automaton = auto
            self.version += 1
        return frozenset(self.ids[n] for n in needles)

    def held(self, text: str) -> frozenset[int] | None:
        """The ids of the needles ``text`` holds (None: a text to scan as it is). The steps ask it
        of a document's text and of lower-cased copies of it, whose case-folded text is the same:
        they are answered from the one pass."""
        for t, version, held, _ in self.texts:
            if t is text and version == self.version:
                return held
        folded = text.casefold()
        same = [h for _, version, h, seen in self.texts if version == self.version and seen == folded]
        if same:
            held = same[0]
        else:
            held = None
            if not any(u in folded for u in _UNSAFE):
                held = frozenset(i for _, i in self.automaton.iter(folded))
        self.texts = [(text, self.version, held, folded), *self.texts[:3]]
        return held

    def folded(self, text: str) -> str | None:
        """``text`` case-folded, as :meth:`held` last saw it; None where it was not asked about, or
        holds a character that case-folding does not keep apart (the text is scanned whole)."""
        for t, _, held, folded in self.texts:
            if t is text:
                return None if held is None else folded
        return None


_NEEDLES = _Needles()


@per_pattern
def required_sets(pattern: re.Pattern[str]) -> tuple[Needles, ...]:
    """Every requirement of ``pattern`` worth a test (strings of :data:`MIN_NEEDLE` characters or
    more), strongest first, at most :data:`MAX_SETS`: a match holds one string of each. Two tell
    more than one: "förening" is in most newsletters, "ideell förening" in few."""
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a parser of another Python version: no test, the scan as it was
        return ()
    return tuple(_strongest(_requirements(parsed.data)))


def _strongest(reqs: Iterable[Needles]) -> list[Needles]:
    """The requirements worth a test (strings of :data:`MIN_NEEDLE` characters or more), strongest
    first (the shortest string longest, then the fewest strings), at most :data:`MAX_SETS`."""
    kept = {r for r in reqs if r and min(map(len, r)) >= MIN_NEEDLE}
    return sorted(kept, key=lambda r: (-min(map(len, r)), len(r), sorted(r)))[:MAX_SETS]


def length_automaton(words: Iterable[str]) -> Any:
    """An Aho-Corasick automaton of ``words``, each found with its length as its value (where it
    starts: the end its ``iter`` reports, less the length, plus one)."""
    auto = ahocorasick.Automaton()
    for word in words:
        auto.add_word(word, len(word))
    auto.make_automaton()
    return auto


@per_pattern
def _ids(pattern: re.Pattern[str]) -> tuple[frozenset[int], ...]:
    return tuple(_NEEDLES.register(req) for req in required_sets(pattern))


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only where ``pattern`` cannot match anywhere in ``text``: a requirement none of whose
    strings the text holds."""
    if len(text) < MIN_TEXT:
        return True
    sets = _plan(pattern).ids
    if not sets:
        return True
    held = _NEEDLES.held(text)
    if held is None:
        return True
    for ids in sets:  # noqa: SIM110 - a loop, not all() over a generator: asked some 130 times a document
        if ids.isdisjoint(held):
            return False
    return True


def finditer(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, without the scan where it cannot match, and by the
    expression with its leading lookbehind moved where that scans faster (:mod:`kgraph.lookbehind`).
    An expression whose matches start with one of some strings is tried only where one of them
    starts (:func:`_anchors`); else a whole text is scanned only in the lines that hold what a match
    needs, where no match of the expression can cross a line (:func:`line_local`)."""
    if not may_match(pattern, text):
        return iter(())
    plan = _plan(pattern)
    if plan.anchors is not None:
        return _anchored(plan.fast, plan.anchors, text, pos, endpos)
    if plan.by_lines and pos == 0 and endpos == _END and len(text) >= MIN_LINES_TEXT:
        lines = _lines_holding(text, pattern)
        if lines is not None:
            return _in_lines(plan.fast, text, lines)
    return plan.fast.finditer(text, pos, endpos)


class _Plan(NamedTuple):
    """How an expression is run: its requirements' needle ids, the expression to scan with
    (:func:`moved`), whether a whole text is scanned line by line (:func:`_by_lines`), and the
    strings every match starts with (:func:`_anchors`)."""

    ids: tuple[frozenset[int], ...]
    fast: re.Pattern[str]
    by_lines: bool
    anchors: Any  # an Aho-Corasick automaton of the strings every match starts with (_anchors), or None


@per_pattern
def _plan(pattern: re.Pattern[str]) -> _Plan:
    """The plan of ``pattern``, made once: one lookup for what may_match, finditer and search ask."""
    return _Plan(_ids(pattern), moved(pattern), _by_lines(pattern), _anchors(pattern))


# ---------------------------------------------------------------- lines: a text scanned only where a match can be
#
# Most of the extraction's expressions match inside one line: every character they consume is one
# that a line holds (a word, a space or a tab, never "\n"). Every match of such an expression lies in
# a line, and in a line that holds one of the strings each of its matches holds; the lines are
# found by str.find in the case-folded text. Scanning those lines alone finds the same matches, in
# the same order: the scan of a line starts at its first character and ends after its "\n", so a
# lookbehind, "^", "\b" and a lookahead see the characters they see in the whole text (a lookbehind
# and "^" look before the start of a scan; a lookahead, which cannot consume "\n" either, sees no
# further than the line's end), and a match that ends a line ends before its "\n" in both.

MIN_LINES_TEXT = 1000  # a shorter text is scanned whole: a few lines cost as much as the whole
_MAX_LINES = 24  # more lines holding the strings: the text is scanned whole
_NEWLINE = ord("\n")
# the classes that hold "\n" (besides a range or literal of it, and a negated class without it)
_NEWLINE_CATEGORIES = {"CATEGORY_SPACE", "CATEGORY_NOT_WORD", "CATEGORY_NOT_DIGIT", "CATEGORY_LINEBREAK",
                       "CATEGORY_UNI_SPACE", "CATEGORY_UNI_NOT_WORD", "CATEGORY_UNI_NOT_DIGIT",
                       "CATEGORY_UNI_LINEBREAK", "CATEGORY_LOC_NOT_WORD"}


def _class_holds_newline(items: Any) -> bool:
    negated, holds = False, False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            holds = holds or av == _NEWLINE
        elif name == "RANGE":
            holds = holds or av[0] <= _NEWLINE <= av[1]
        elif name == "CATEGORY":
            holds = holds or str(av) in _NEWLINE_CATEGORIES
        else:
            return True  # anything else in a class: not known to leave "\n" out
    return holds != negated


def _within_lines(items: Any, dotall: bool) -> bool:
    r"""Can no match of the parsed sequence consume "\n", and does it hold no anchor to the end of
    the text ("$" without re.MULTILINE, "\Z")? A lookbehind is not asked: it consumes nothing and
    sees the text before a scan's start as it is."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            ok = av != _NEWLINE
        elif name == "NOT_LITERAL":
            ok = av == _NEWLINE
        elif name == "IN":
            ok = not _class_holds_newline(av)
        elif name == "ANY":
            ok = not dotall
        elif name == "AT":
            ok = str(av) not in ("AT_END", "AT_END_STRING")
        elif name == "SUBPATTERN":
            inner = (dotall or bool(av[1] & re.DOTALL)) and not av[2] & re.DOTALL
            ok = _within_lines(av[-1].data, inner)
        elif name == "BRANCH":
            ok = all(_within_lines(alt.data, dotall) for alt in av[1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            ok = _within_lines(av[2].data, dotall)
        elif name == "ATOMIC_GROUP":
            ok = _within_lines(av.data, dotall)
        elif name in ("ASSERT", "ASSERT_NOT"):
            ok = av[0] < 0 or _within_lines(av[1].data, dotall)  # a lookbehind, or a lookahead inside the line
        else:
            ok = name == "GROUPREF"  # the characters of a group: inside the line as the group's are
        if not ok:
            return False
    return True


@per_pattern
def line_local(pattern: re.Pattern[str]) -> bool:
    """Does every match of ``pattern`` lie inside one line, and hold one string of a requirement
    (so that the lines holding none are left out)? See the section's comment."""
    if not required_sets(pattern) or pattern.flags & re.VERBOSE:
        return False
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    return _within_lines(parsed.data, bool(pattern.flags & re.DOTALL))


@per_pattern
def _by_lines(pattern: re.Pattern[str]) -> bool:
    """Scan ``pattern`` line by line? Where it is line-local and the engine tries it at every position
    (one that searches for a literal start or a rare first character skips most of a text already,
    and finding the lines would cost more than it saves)."""
    return line_local(pattern) and not engine_searches(moved(pattern))


def _lines_holding(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]] | None:
    r"""The lines of ``text`` (start, end after its "\n") that hold a string of ``pattern``'s strongest
    requirement, in order, neighbours joined; None where the whole text is to be scanned: the
    case-folded text is not as long as the text (its offsets are not the text's), or holds a
    character that case-folding does not keep apart, or too many lines hold the strings."""
    folded = _NEEDLES.folded(text)
    if folded is None or len(folded) != len(text):
        return None
    found: list[tuple[int, int]] = []
    for needle in required_sets(pattern)[0]:
        at = folded.find(needle)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at + len(needle)) + 1 or len(text)
            found.append((start, end))
            if len(found) > _MAX_LINES:
                return None
            at = folded.find(needle, end)
    found.sort()
    lines: list[tuple[int, int]] = []
    for start, end in found:
        if lines and start <= lines[-1][1]:
            lines[-1] = (lines[-1][0], max(end, lines[-1][1]))
        else:
            lines.append((start, end))
    return lines


def _in_lines(fast: re.Pattern[str], text: str, lines: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for start, end in lines:
        yield from fast.finditer(text, start, end)


# ---------------------------------------------------------------- anchors: tried only where a match can start
#
# Where every match of an expression starts with one of a set of strings ("diskuterade", "tog upp",
# ...: an alternation of words, after assertions that consume nothing), a match can start only where
# one of them does. The engine finds such a start by itself for one literal prefix, but for many it
# only skips the characters that start none, which are few when the strings start with common
# letters: it then tries the expression at almost every position. One Aho-Corasick pass finds the
# positions where a string starts; trying the expression at each of them in order, from the end of
# the last match on, is what finditer does at the positions where a match can be. The strings are
# taken as written, so an expression that is case-insensitive anywhere is left to the engine.

MIN_ANCHOR = 2  # the shortest string a match may start with: one character starts too many places
_MAX_ANCHORS = 2000  # strings followed into, at most


@per_pattern
def _anchors(pattern: re.Pattern[str]) -> Any:
    """An Aho-Corasick automaton (value: the string's length) of the strings every match of ``pattern``
    starts with, where the engine would try it at every position; else None."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or engine_searches(moved(pattern)):
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a parser of another Python version: the scan as it was
        return None
    if _case_blind(parsed.data):
        return None
    leads = _leading(parsed.data, through=True, most=_MAX_ANCHORS)
    if not leads or min(map(len, leads)) < MIN_ANCHOR:
        return None
    return length_automaton(leads)


def _anchored(fast: re.Pattern[str], auto: Any, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """``fast.finditer(text, pos, endpos)`` tried only where one of the strings of ``auto`` starts."""
    end = min(endpos, len(text))
    if pos < 0 or pos >= end:
        yield from fast.finditer(text, pos, endpos)
        return
    starts = sorted({last - size + 1 for last, size in auto.iter(text, pos, end)})
    after = pos  # where the next match may start (the end of the last one)
    for start in starts:
        if start < after:
            continue
        m = fast.match(text, start, endpos)
        if m is not None:
            yield m
            after = m.end()


def _subpatterns(av: Any) -> Iterator[Any]:
    """The parsed sequences inside an item's arguments (a group's, a branch's, a repeat's body)."""
    if isinstance(av, _sre_parse.SubPattern):
        yield av
    elif isinstance(av, (tuple, list)):
        for x in av:
            yield from _subpatterns(x)


def _case_blind(items: Any) -> bool:
    """Does a group in the parsed sequence turn re.IGNORECASE on ("(?i:...)")?"""
    for op, av in items:
        if str(op) == "SUBPATTERN" and av[1] & re.IGNORECASE:
            return True
        if any(_case_blind(sub.data) for sub in _subpatterns(av)):
            return True
    return False


@per_pattern
def _window_test(pattern: re.Pattern[str]) -> tuple[bool, tuple[tuple[str, ...], ...]]:
    """What :func:`window_may_match` looks for: (exact, the strings of each requirement). Exact
    where the expression matches every literal only as it is written (re.IGNORECASE nowhere in
    it): its strings, as written, are looked for in the text itself; else the case-folded ones in
    the case-folded window."""
    folded = [r for r in required_sets(pattern) if len(r) <= _WINDOW_STRINGS]
    if not folded:
        return False, ()
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)  # parsed once already by required_sets
    if pattern.flags & re.IGNORECASE or _case_blind(parsed.data):
        return False, tuple(tuple(sorted(r)) for r in folded)
    raw = _strongest(r for r in _requirements(parsed.data, str) if len(r) <= _WINDOW_STRINGS)
    return True, tuple(tuple(sorted(r)) for r in raw)


def window_may_match(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> bool:
    """False only where ``pattern`` cannot match inside ``text[pos:endpos]`` (``pos`` >= 0): a
    requirement none of whose strings the window holds. A match inside the window consumes only
    its characters, and the strings are ones a match consumes (a lookaround, which may see past the
    window, requires none)."""
    exact, sets = _window_test(pattern)
    if not sets:
        return True
    if exact:
        for req in sets:
            for s in req:
                if text.find(s, pos, endpos) >= 0:
                    break
            else:
                return False
        return True
    folded = text[pos:endpos].casefold()
    return any(u in folded for u in _UNSAFE) or all(any(s in folded for s in req) for req in sets)


def search(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
    """``pattern.search(text, pos, endpos)``, as :func:`finditer` runs it. A window of at most
    :data:`WINDOW` characters (a sentence) is also tested for the strings a match needs: about 1 µs
    for a sentence, where a search that tries each of its positions costs 2 µs or more."""
    if not may_match(pattern, text):
        return None
    if pos >= 0 and endpos - pos <= WINDOW and not window_may_match(pattern, text, pos, endpos):
        return None
    return _plan(pattern).fast.search(text, pos, endpos)


# ---------------------------------------------------------------- case-insensitive expressions on lower-cased text
#
# The engine skips an alternative at once where its first character is a literal or a class that the
# text's character is not, but not under re.IGNORECASE, where every alternative is entered: a large
# case-insensitive alternation scans a text about four times slower than the same expression without
# the flag scans the text lower-cased. The two find the same spans where every literal of the expression
# is lower-case and every class holds the lower case of each letter it holds (so that lower-casing the
# text changes nothing it could match), and the text has none of the three letters re.IGNORECASE
# matches with another letter than their lower case ("İ", "ı" with "i"; "ſ" with "s").

_LOWER_UNSAFE = ("İ", "ı", "ſ")
_MAX_RANGE = 4096  # a class's range of more characters is not expanded: the expression keeps its flag


def _latin_lower(c: str) -> bool:
    """A character that is uncased, or a lower-case letter of Latin-1 (the micro sign aside)."""
    if c.lower() == c.upper():
        return True
    return c == c.lower() and ("a" <= c <= "z" or "ß" <= c <= "ÿ")


def _class_closed(items: Any) -> bool:
    members: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            members.add(chr(av))
        elif name == "RANGE":
            lo, hi = av
            if hi - lo > _MAX_RANGE:
                return False
            members.update(chr(c) for c in range(lo, hi + 1))
        elif name not in ("NEGATE", "CATEGORY"):
            return False
    for m in members:
        if m.lower() != m.upper():  # a letter: its lower case must be a member, and a Latin-1 one
            low = m.lower()
            if len(low) != 1 or low not in members or not _latin_lower(low) or m == "µ":
                return False
    return True


def _lower_closed(items: Any) -> bool:
    """Does a sequence of parsed items match the same on lower-cased text without re.IGNORECASE?"""
    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL"):
            ok = _latin_lower(chr(av))
        elif name == "IN":
            ok = _class_closed(av)
        elif name == "SUBPATTERN":
            ok = not (av[1] | av[2]) & (re.IGNORECASE | re.LOCALE) and _lower_closed(av[3].data)
        elif name == "BRANCH":
            ok = all(_lower_closed(alt.data) for alt in av[1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            ok = _lower_closed(av[2].data)
        elif name in ("ASSERT", "ASSERT_NOT"):
            ok = _lower_closed(av[1].data)
        elif name == "ATOMIC_GROUP":
            ok = _lower_closed(av.data)
        else:
            ok = name in ("AT", "ANY", "GROUPREF")
        if not ok:
            return False
    return True


@per_pattern
def _without_case(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    if not pattern.flags & re.IGNORECASE or pattern.flags & re.LOCALE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a parser of another Python version: the expression as it is
        return None
    if not _lower_closed(parsed.data):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def for_lowered(pattern: re.Pattern[str], low: str) -> re.Pattern[str]:
    """The expression to run on ``low``, a text lower-cased with its length kept
    (:func:`kgraph.text.lower_same_length`) in place of ``pattern`` on the text: ``pattern`` without
    re.IGNORECASE where that finds the same spans, else ``pattern``. The matches' strings are
    ``low``'s: for their spans only."""
    fast = _without_case(pattern)
    if fast is None or any(u in low for u in _LOWER_UNSAFE):
        return pattern
    return fast
