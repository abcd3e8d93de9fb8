"""A step of the extract pipeline: a function over :class:`DocState` that
declares which fields it reads and which it writes (as spaCy's components
declare what they assign, and sparv's annotators their inputs and outputs)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .state import DocState


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[DocState], None]
    reads: tuple[str, ...]
    writes: tuple[str, ...]
