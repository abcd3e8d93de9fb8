"""What is worked out once per compiled regular expression, remembered by the expression's identity.

``functools.lru_cache`` finds a call's answer by the hash of its argument, and a compiled
expression's hash is worked out anew at every call from its source and its compiled code: 0.5 µs
for a short expression, 4 µs for one of 2,500 characters. The extraction asks about the same few
hundred module-level expressions some 250 times a document, so that cost is paid where nothing
else is. :func:`per_pattern` looks the answer up by ``id`` instead, and keeps the expression with
its answer, so that the id cannot be taken by another object while the answer is remembered.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def per_pattern(fn: Callable[[re.Pattern[str]], T]) -> Callable[[re.Pattern[str]], T]:
    """``fn(pattern)`` worked out once per expression object, as ``lru_cache(maxsize=None)`` would
    (the expressions asked about are kept, as it keeps them), without hashing the expression."""
    memo: dict[int, tuple[re.Pattern[str], T]] = {}

    @functools.wraps(fn)
    def remembered(pattern: re.Pattern[str]) -> T:
        hit = memo.get(id(pattern))
        if hit is not None and hit[0] is pattern:
            return hit[1]
        answer = fn(pattern)
        memo[id(pattern)] = (pattern, answer)
        return answer

    return remembered
