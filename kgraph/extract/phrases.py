"""Sets of literal phrases found in one pass over lower-case text.

A pattern such as ``\\b(?:deltog|deltar|tog emot|...)\\b`` makes Python's regular
expression engine try the whole alternation at every position of the text; with
a few dozen phrases that is the dearest thing the extractor does per sentence.
An Aho-Corasick automaton finds every phrase in one pass, and the word
boundaries are checked on the few hits. The answers are those of the pattern:
a phrase counts where ``\\b`` would hold before it (a word boundary, judged on
the character before ``start`` too, as ``pattern.search(text, start, end)``
does) and after it (``end`` counts as the end of the text).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import ahocorasick

_BOTH, _LEFT, _NONE = 0, 1, 2  # the boundaries a phrase needs: both sides, before only, none


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches


class PhraseSet:
    """Lower-case phrases: ``words`` need a word boundary on both sides, ``prefixes`` only
    before them ("anmäl" in "anmälan"), ``anywhere`` none ("@")."""

    def __init__(self, words: Iterable[str], prefixes: Iterable[str] = (), anywhere: Iterable[str] = ()) -> None:
        self._auto = ahocorasick.Automaton()
        for need, phrases in ((_NONE, anywhere), (_LEFT, prefixes), (_BOTH, words)):
            for p in phrases:
                if p != p.lower() or not p:
                    raise ValueError(f"phrases are written in lower case: {p!r}")
                self._auto.add_word(p, (len(p), need))
        self._auto.make_automaton()

    def hits(self, low: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of every phrase in ``low[start:end]`` with the boundaries it needs."""
        stop = len(low) if end is None else min(end, len(low))
        if stop <= start:
            return
        # the slice, not iter(low, start, stop): the automaton converts the whole string it is
        # given, which would make a scan of each sentence cost the length of the document
        for last, (n, need) in self._auto.iter(low[start:stop]):
            s, e = start + last - n + 1, start + last + 1
            if need != _NONE and s > 0 and _is_word(low[s - 1]):
                continue
            if need == _BOTH and e < stop and _is_word(low[e]):
                continue
            yield s, e

    def found_in(self, low: str, start: int = 0, end: int | None = None) -> bool:
        """Does any phrase occur in ``low[start:end]``?"""
        return next(self.hits(low, start, end), None) is not None
