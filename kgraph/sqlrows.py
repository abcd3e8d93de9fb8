"""Many rows into SQLite: INSERT statements of many rows each.

``Connection.executemany`` runs its statement once per row: 2.8 µs for a row of eight columns
on the 2-core machine, most of it the step per row. An INSERT whose VALUES list holds many rows
binds the same values and steps once: 1.8 µs a row. SQLite inserts a VALUES list's rows in
their order, so implicit row ids, ``OR IGNORE`` and ``OR REPLACE`` come out as with
``executemany``.

Used where a build writes its large tables: the graph core's evidence and sentences
(:mod:`kgraph.diskgraph`) and the query store (:mod:`kgraph.store`).
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

#: ? placeholders one statement may hold in every SQLite version (999 before 3.32, 32,766 since)
MAX_VARIABLES = 999

_VALUES_RE = re.compile(r"(?is)(?P<head>\s*(?:INSERT|REPLACE)\b.*?)\s+VALUES\s*"
                        r"(?P<group>\(\s*\?(?:\s*,\s*\?)*\s*\))\s*")


@lru_cache(maxsize=64)
def _plan(sql: str) -> tuple[int, int, str] | None:
    """(columns, rows per statement, the statement of that many rows) for ``INSERT ... VALUES (?, ...)``;
    None for any other statement (it runs row by row)."""
    m = _VALUES_RE.fullmatch(sql)
    if m is None:
        return None
    width = m["group"].count("?")
    per = max(1, MAX_VARIABLES // width)
    return width, per, f"{m['head']} VALUES {','.join([m['group']] * per)}"


def insert_rows(db: sqlite3.Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """``db.executemany(sql, rows)`` for ``sql`` of the form ``INSERT ... VALUES (?, ..., ?)``, in
    statements of as many rows as the placeholder limit allows, and the rest (fewer than that)
    row by row. A row of the wrong length is refused as ``executemany`` refuses it (a statement
    of many rows would only see the total)."""
    plan = _plan(sql)
    if plan is None or len(rows) < 2:
        db.executemany(sql, rows)
        return
    width, per, many = plan
    lengths = set(map(len, rows))
    if lengths != {width}:
        raise sqlite3.ProgrammingError(f"a row of {sorted(lengths - {width})} values for a statement of {width}")
    whole = len(rows) - len(rows) % per
    execute = db.execute
    for k in range(0, whole, per):
        execute(many, list(chain.from_iterable(rows[k:k + per])))
    if whole < len(rows):
        db.executemany(sql, rows[whole:])
