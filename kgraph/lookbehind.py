"""A regular expression that opens with a lookbehind, rewritten to scan as fast as one that opens
with a literal or a class, finding the same matches.

The standard library's engine looks for where a match can start before it tries one: for an
expression that opens with a literal string it searches for that string, for one that opens with a
class it skips the characters outside the class. An expression that opens with a lookbehind
("``(?<![\\w-])Leader[ \\t]+...``": a whole word) gets neither: the engine enters the expression at
every position of the text. Moved after the literal run or class the match starts with, the same
test no longer hides them: ``Leader(?<![\\w-][\\s\\S]{6})[ \\t]+...`` scans a 3 KB text in 3 µs
instead of 75.

Why it finds the same: the lookbehind ``(?<!C)`` (or ``(?<=C)``) of fixed width *w* at the start
of a match tests the *w* characters before it. After the match's first *k* characters, which the
expression consumes whatever they are, ``(?<!C[\\s\\S]{k})`` tests the same *w* characters
followed by those *k*, which ``[\\s\\S]{k}`` always matches: the same test, made *k* characters
later. The rewrite is made only where every match consumes those *k* characters first: a literal
run or a class that no quantifier follows, entered through groups that are neither quantified nor
followed by an alternative of the sequence, in each alternative of a group with several (each gets
the test after its own first characters). An expression of any other shape, or with the verbose
flag, stays as it is. Group names and numbers are unchanged (the test adds no group).
"""
from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from .memo import per_pattern

# the standard library's parser and compiler of regular expressions (re._parser and re._compiler from
# Python 3.11, sre_parse and sre_compile before); kgraph.prefilter reads parse trees with the same parser
sre_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_compiler: Any = importlib.import_module("re._compiler" if sys.version_info >= (3, 11) else "sre_compile")

_META = set(".^$*+?{}[]\\|()")
_QUANTIFIERS = set("*+?{")
_INLINE_FLAGS_RE = re.compile(r"\(\?[aiLmsux]+\)")
_GROUP_OPENER_RE = re.compile(r"\((?:\?P<[A-Za-z_]\w*>|\?:)?")


def _class_end(src: str, i: int) -> int:
    """The index after the class ``[...]`` that starts at ``src[i]``."""
    j = i + 1
    if j < len(src) and src[j] == "^":
        j += 1
    if j < len(src) and src[j] == "]":  # a "]" first is a member
        j += 1
    while j < len(src):
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == "]":
            return j + 1
        j += 1
    raise ValueError("unterminated class")


def _structure(src: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth of groups before it) of the characters of ``src`` from ``start``
    that give it its shape: an escape and a class are stepped over whole."""
    depth, j = 0, start
    while j < len(src):
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(src, j)
            continue
        yield j, c, depth
        depth += (c == "(") - (c == ")")
        j += 1


def _group_end(src: str, i: int) -> int:
    """The index after the group whose "(" is ``src[i]``."""
    for j, c, depth in _structure(src, i):
        if c == ")" and depth == 1:
            return j + 1
    raise ValueError("unbalanced group")


def _alternatives(src: str) -> list[str]:
    """``src`` split at its top-level "|"."""
    cuts = [j for j, c, depth in _structure(src) if c == "|" and depth == 0]
    return [src[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(src)], strict=True)]


def _literal_run(src: str) -> list[str]:
    """The atoms of the literal characters ``src`` starts with ("a", "\\.", ...)."""
    atoms: list[str] = []
    j = 0
    while j < len(src):
        c = src[j]
        if c == "\\":
            nxt = src[j + 1:j + 2]
            if not nxt or nxt.isalnum() or nxt == "_":  # \d, \b, \1, \t ...: not a plain character
                break
            atoms.append(src[j:j + 2])
            j += 2
            continue
        if c in _META:
            break
        atoms.append(c)
        j += 1
    return atoms


def _quantified(src: str, j: int) -> bool:
    return j < len(src) and src[j] in _QUANTIFIERS


Test = Callable[[int], str]


def _insert(seq: str, test: Test) -> str | None:
    """``seq`` (one alternative: no top-level "|") with ``test(k)`` (the lookbehinds, made ``k``
    characters later) after the characters every match of it starts with; None if none are known."""
    if seq.startswith("("):
        opener = _GROUP_OPENER_RE.match(seq)
        if opener is None or (seq.startswith("(?") and opener.end() == 1):
            return None  # a lookaround, a conditional, inline flags: not entered
        end = _group_end(seq, 0)
        if _quantified(seq, end):
            return None  # a repeated group: the test would be made at every repetition
        inner = [_insert(alt, test) for alt in _alternatives(seq[opener.end():end - 1])]
        if any(x is None for x in inner):
            return None
        return seq[:opener.end()] + "|".join(x for x in inner if x is not None) + seq[end - 1:]
    if seq.startswith("["):
        end = _class_end(seq, 0)
        if _quantified(seq, end):
            return None
        return seq[:end] + test(1) + seq[end:]
    atoms = _literal_run(seq)
    used = sum(map(len, atoms))
    if atoms and _quantified(seq, used):
        used -= len(atoms.pop())  # "ab+": the "b" belongs to the quantifier
    if not atoms:
        return None
    return seq[:used] + test(len(atoms)) + seq[used:]


def moved_source(src: str) -> str | None:
    """The source of an expression with its leading lookbehinds moved after the characters every
    match starts with, or None where that is not known to find the same (see the module docstring)."""
    flags = _INLINE_FLAGS_RE.match(src)
    head = flags.group() if flags else ""
    rest = src[len(head):]
    behind: list[tuple[str, str]] = []  # (opener "(?<!" or "(?<=", body)
    while rest.startswith(("(?<!", "(?<=")):
        end = _group_end(rest, 0)
        body = rest[4:end - 1]
        if re.compile(body).groups:
            return None  # a group inside would change its number once moved
        behind.append((rest[:4], body))
        rest = rest[end:]
    if not behind or len(_alternatives(rest)) > 1:
        return None  # "(?<!C)A|B": the test belongs to A only; left as it is

    def test(k: int) -> str:
        return "".join(f"{opener}(?:{body})[\\s\\S]{{{k}}})" for opener, body in behind)

    moved_rest = _insert(rest, test)
    return None if moved_rest is None else head + moved_rest


_COMMON = tuple(map(ord, "aeinrst"))  # the commonest letters of Swedish text


def _rare(charset: list[tuple[Any, Any]]) -> bool:
    """Is a class of first characters (the compiler's items) free of the commonest lower-case letters?
    Only then does searching for it skip most of a text (a word in lower case starts anywhere)."""
    for op, av in charset:
        name = str(op)
        if name == "LITERAL" and av in _COMMON:
            return False
        if name == "RANGE" and any(av[0] <= c <= av[1] for c in _COMMON):
            return False
        if name not in ("LITERAL", "RANGE"):
            return False  # a negated class, a category (\w): most characters
    return True


def _searched(src: str, flags: int) -> bool:
    """Does the engine search for where a match of ``src`` can start (a literal prefix or a class of
    first characters, as its compiler finds them), rather than try it at every position? False
    where the compiler's helpers are not there to ask (another Python): the expression then stays."""
    try:
        parsed = sre_parser.parse(src, flags)
        flags = parsed.state.flags
        if flags & re.IGNORECASE and flags & re.LOCALE:
            return False
        prefix, _, _ = _compiler._get_literal_prefix(parsed, flags)
        if prefix:
            return True
        charset = _compiler._get_charset_prefix(parsed, flags)
        return charset is not None and _rare(charset)
    except Exception:  # noqa: BLE001 - private helpers of the standard library: no answer, no rewrite
        return False


def engine_searches(pattern: re.Pattern[str]) -> bool:
    """Does the engine search for where a match of ``pattern`` can start (see :func:`_searched`)?"""
    return _searched(pattern.pattern, pattern.flags)


@per_pattern
def moved(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with its leading lookbehinds moved (:func:`moved_source`), compiled with the same
    flags, where that lets the engine search for a match's start (a literal run or a class that the
    case-insensitive flag does not hide: an alternation of case-insensitive words gains nothing and
    becomes slower); else ``pattern`` itself."""
    if pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return pattern
    try:
        src = moved_source(pattern.pattern)
        if src is None or not _searched(src, pattern.flags) or _searched(pattern.pattern, pattern.flags):
            return pattern
        fast = re.compile(src, pattern.flags)
    except (ValueError, re.error):
        return pattern
    if fast.groupindex != pattern.groupindex or fast.groups != pattern.groups:
        return pattern
    return fast
