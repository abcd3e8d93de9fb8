"""Rows written in statements of many rows come out as executemany writes them."""
from __future__ import annotations

import sqlite3

import pytest

from kgraph import sqlrows
from kgraph.sqlrows import insert_rows

SCHEMA = """
CREATE TABLE evidence(id INTEGER PRIMARY KEY, edge INTEGER, doc TEXT, start INTEGER, rule TEXT NOT NULL,
                      confidence REAL NOT NULL);
CREATE TABLE name(key TEXT NOT NULL, tier INTEGER NOT NULL, node INTEGER NOT NULL,
                  PRIMARY KEY(key, tier, node)) WITHOUT ROWID;
"""
EVIDENCE = "INSERT INTO evidence(edge, doc, start, rule, confidence) VALUES (?,?,?,?,?)"
NAME = "INSERT OR IGNORE INTO name VALUES (?, ?, ?)"


def _db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    return db


def _rows(n: int) -> list[tuple]:
    return [(i if i % 3 else None, f"document/{i % 7}", i * 10, "extract.gazetteer" if i % 2 else "extract.titel",
             0.5 + (i % 5) / 10) for i in range(n)]


def _dump(db: sqlite3.Connection) -> list[tuple]:
    return list(db.execute("SELECT * FROM evidence ORDER BY id")) + list(db.execute("SELECT * FROM name"))


@pytest.mark.parametrize("n", [0, 1, 2, 5])
def test_rows_land_with_the_ids_and_values_executemany_gives(n):
    per = sqlrows._plan(EVIDENCE)[1]
    count = {0: 0, 1: 1, 2: per - 1, 5: 3 * per + 7}[n]
    rows = _rows(count)
    want, got = _db(), _db()
    want.executemany(EVIDENCE, rows)
    insert_rows(got, EVIDENCE, rows)
    assert _dump(got) == _dump(want)
    assert len(_dump(got)) == count
    insert_rows(got, EVIDENCE, rows[:per + 1])  # a second batch goes on numbering after the first
    want.executemany(EVIDENCE, rows[:per + 1])
    assert _dump(got) == _dump(want)


def test_or_ignore_drops_repeats_inside_and_across_statements():
    per = sqlrows._plan(NAME)[1]
    rows = [(f"namn {i % 40}", i % 3, 7) for i in range(2 * per + 50)]  # 120 distinct: repeats in and across statements
    want, got = _db(), _db()
    want.executemany(NAME, rows)
    insert_rows(got, NAME, rows)
    assert _dump(got) == _dump(want)
    assert len(_dump(got)) < len(rows)


def test_a_row_of_the_wrong_length_is_refused():
    rows = _rows(300)
    rows[10] = rows[10][:-1]
    rows[20] = rows[20] + (1,)  # the total is right: only a check per row sees it
    db = _db()
    with pytest.raises(sqlite3.ProgrammingError):
        insert_rows(db, EVIDENCE, rows)
    with pytest.raises(sqlite3.ProgrammingError):
        db.executemany(EVIDENCE, rows)


def test_statements_of_many_rows_stay_within_sqlites_placeholder_limit():
    for sql in (EVIDENCE, NAME, "INSERT INTO t VALUES (?)"):
        width, per, many = sqlrows._plan(sql)
        assert many.count("?") == width * per <= sqlrows.MAX_VARIABLES < width * (per + 1)


def test_other_statements_run_row_by_row():
    assert sqlrows._plan("INSERT INTO evidence(edge, doc, start, rule, confidence) SELECT ?, ?, ?, ?, ?") is None
    assert sqlrows._plan("UPDATE evidence SET rule = ? WHERE id = ?") is None
    db = _db()
    insert_rows(db, "INSERT INTO evidence(edge, doc, start, rule, confidence) SELECT ?, ?, ?, ?, ?", _rows(3))
    assert db.execute("SELECT COUNT(*) FROM evidence").fetchone() == (3,)
