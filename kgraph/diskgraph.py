"""The graph core on disk: what ``kgraph build`` merges documents' parts into and writes every
output from, so that a build's memory does not grow with its statements and their evidence.

One SQLite file (standard library; one file, B-tree indexes, pages read on demand; a build's
temporary file, in its generation folder, written without a journal)::

    node(key, kind, cls, data)        one row per node: its merged data as JSON
    evidence(seq, s, p, o, doc, start, end, sentence, rule, confidence)
                                      one row per evidence record given to add_edge, in the
                                      order given (a row with doc NULL: an edge given none)
    sentence(id, text)                the sentences of the records, each stored once per document

Writing follows the merge rules of :class:`kgraph.graph.GraphWriter`:

* **nodes** go through a write-back cache of the most recently used ones
  (:data:`NODE_CACHE` of them): a node is merged in memory by the same rule
  as the in-memory graph (:func:`kgraph.graph.merge_node_data`) and written
  when it leaves the cache or before a read. The nodes every document names
  (parties, ministers, the government) stay in the cache; a document's own
  nodes (the document, its meetings) are written once. A node's ``docs`` (a
  sorted list) takes a new document in constant time: it waits in a set
  until the node is read or written, then the two are merged in one sort.
  Inserting into the sorted list at once moved the list of a hub at every
  document that names it: quadratic in the corpus (127 µs per document for
  a topic named by 870,000 documents).
* **edges** are appended, never looked up: an edge's evidence list is its
  rows in order, each record once (duplicates are dropped when it is read).
  Two indexes, made once the parts are in (one sort each), serve the walks
  by subject and by object.

Reading: a build's outputs walk every edge three times (graph.ttl and the store's N-Quads, the
query store, graph.json), by subject. With :meth:`DiskGraph.keep_walks` the first walk is also
written to a file beside the core (``core.sqlite.walk``: marshalled chunks, about two thirds of
the core's size) and the later ones replay it, four times faster than SQLite's walk, until the
graph changes; :meth:`DiskGraph.drop_walks` deletes it.

What stays in memory is the node cache: bounded by its size, not by the
nodes, statements or evidence of the build (``n in graph`` asks the cache,
then the node table).
"""
from __future__ import annotations

import contextlib
import json
import marshal
import os
import sqlite3
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Collection, Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from .contracts import Evidence
from .errors import GraphNotFoundError, KgraphError
from .graph import EdgeEnd, Graph, merge_node_data, new_node_data
from .sqlrows import insert_rows

NODE_CACHE = 20_000  # nodes merged in memory before they are written (a hub stays, a document leaves)
_BATCH = 50_000  # evidence rows buffered before they are written (sqlrows.insert_rows)
_SENTENCES = 20_000  # sentences remembered for reuse before the table starts afresh
_Edge = tuple[str, str, str, list[Evidence]]  # (s, o, p, evidence) of a walk of every edge
WALK_SUFFIX = ".walk"  # beside the core: the kept walk of every edge (see DiskGraph.keep_walks)
_WALK_CHUNK = 2048  # edges per marshalled chunk of the kept walk
_FEW_ROWS = 4  # records per edge allowed for by few_ends' one query (an edge's are 1-3 mostly)
_DOCS_PENDING = 1024  # a node's new documents that may wait in a set before they join its sorted list

CORE_FORMAT = 1
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE node(key TEXT PRIMARY KEY, kind TEXT NOT NULL, cls TEXT NOT NULL, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sentence(id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE evidence(seq INTEGER PRIMARY KEY, s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL,
                      doc TEXT, start INTEGER, end INTEGER, sentence INTEGER, rule TEXT, confidence REAL);
"""
_INDEXES = """
CREATE INDEX IF NOT EXISTS evidence_s ON evidence(s, o, p, seq);
CREATE INDEX IF NOT EXISTS evidence_o ON evidence(o, s, p, seq);
"""
_ROW = ("SELECT e.s, e.p, e.o, e.doc, e.start, e.end, t.text, e.rule, e.confidence "
        "FROM evidence e LEFT JOIN sentence t ON t.id = e.sentence ")


def _encode(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _decode(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text)
    lits = data.get("literals")
    if lits:
        data["literals"] = {p: {v: [Evidence(*e) for e in evs] for v, evs in values.items()}
                            for p, values in lits.items()}
    return data


def _write_chunk(fh: Any, chunk: list[_Edge]) -> None:
    """Edges as one marshalled list (records as plain tuples: marshal takes no subclass), after its length."""
    data = marshal.dumps([(s, o, p, [tuple(e) for e in ev]) for s, o, p, ev in chunk],
                         2)  # version 2: no references kept, a third faster to write
    fh.write(len(data).to_bytes(8, "little"))
    fh.write(data)


def _marks(values: Collection[Any]) -> str:
    """The placeholders of ``IN (...)`` for ``values``: ``?,?,?``."""
    return ",".join("?" * len(values))


def _unlink(path: Path) -> None:
    """Remove a database file and what SQLite may have left beside it."""
    for suffix in ("", "-journal", "-wal", WALK_SUFFIX):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(str(path) + suffix)


_new_evidence = tuple.__new__  # Evidence(...) goes through a Python-level __new__; its tuple is the same


def _evidence_list(rows: Iterable[tuple[Any, ...]]) -> list[Evidence]:
    """An edge's records from its rows (s, p, o, doc, start, end, sentence, rule, confidence) in
    order: each once, the marker row of an edge given none left out."""
    out = [_new_evidence(Evidence, (r[3], r[4], r[5], r[6] or "", r[7], r[8])) for r in rows if r[3] is not None]
    if len(out) > 1:
        out = list(dict.fromkeys(out))  # the first of equal records, in order
    return out


class DiskGraph(Graph):
    """A graph in one SQLite file (see the module docstring). ``DiskGraph(path)`` starts a new
    one (an existing file there is replaced); :meth:`close` lets the file go; :meth:`remove` deletes it."""

    def __init__(self, path: Path | str, meta: dict[str, Any] | None = None, cache_size: int = NODE_CACHE) -> None:
        _unlink(Path(path))
        db = sqlite3.connect(str(path), check_same_thread=False)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192; "
                         "PRAGMA cache_size=-32768; PRAGMA temp_store=FILE;" + _SCHEMA)
        self._setup(Path(path), db, meta or {}, 0, cache_size, new=True)

    def _setup(self, path: Path, db: sqlite3.Connection, meta: dict[str, Any], node_count: int, cache_size: int,
               new: bool) -> None:
        """The state of a graph on ``db``: a new one to write (``new``), or one a build wrote."""
        self.path = path
        self._db = db
        self.meta: dict[str, Any] = meta
        self._node_count = node_count
        self._cache_size = cache_size
        # key -> [data, dirty, known evidence of its literals ((p, value) -> set), documents not yet in data]
        self._cache: OrderedDict[str, list[Any]] = OrderedDict()
        self._rows: list[tuple[Any, ...]] = []
        self._sentence_rows: list[tuple[int, str]] = []  # new sentences, written with the rows that name them
        self._sentences: dict[str, int] = {}
        self._next_sentence = 1
        self._indexed = not new
        self._edge_count: int | None = None
        self._changed = new  # written since the last _sync
        self._writable = new  # made here, not opened to read
        self._walk_kept = False  # keep_walks() asked for: the next walk of every edge is kept
        self._walk_done = False  # the kept walk is complete and the graph unchanged since
        self._walk_busy = False  # a walk is being kept

    @classmethod
    def open(cls, path: Path | str, cache_size: int = NODE_CACHE) -> "DiskGraph":
        """A graph core a build wrote, opened to read (nothing is loaded: a node is read when asked
        for; the last ``cache_size`` nodes read are kept decoded)."""
        path = Path(path)
        if not path.is_file():
            raise GraphNotFoundError(f"{path}: no such graph core")
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                 check_same_thread=False)
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("format") != str(CORE_FORMAT):
                raise KgraphError(f"{path}: graph core of format {meta.get('format')!r}, not {CORE_FORMAT}; "
                                  "rebuild with 'kgraph build'")
            graph_meta = json.loads(meta["graph_meta"])
            count = int(meta["nodes"]) if "nodes" in meta else db.execute("SELECT COUNT(*) FROM node").fetchone()[0]
            db.execute("SELECT key, data FROM node LIMIT 1").fetchall()  # the node table is there and readable
        except (sqlite3.DatabaseError, KeyError, ValueError) as exc:
            raise KgraphError(f"{path}: damaged graph core ({exc}); rebuild with 'kgraph build'") from exc
        g = cls.__new__(cls)
        g._setup(path, db, graph_meta, count, cache_size, new=False)
        return g

    # ---------------------------------------------------------------- building
    def _lookup(self, n: str) -> list[Any] | None:
        """The cache entry of node ``n`` (read into the cache if it is not there); None if there is no such node."""
        entry = self._cache.get(n)
        if entry is not None:
            self._cache.move_to_end(n)
            return entry
        row = self._db.execute("SELECT data FROM node WHERE key=?", (n,)).fetchone()
        if row is None:
            return None
        entry = [_decode(row[0]), False, None, None]
        self._remember(n, entry)
        return entry

    def _entry(self, n: str) -> list[Any]:
        entry = self._lookup(n)
        if entry is None:
            raise KeyError(n)
        return entry

    @staticmethod
    def _settled(entry: list[Any]) -> dict[str, Any]:
        """The entry's data with the documents added since it was last read in its sorted list."""
        data: dict[str, Any] = entry[0]
        if entry[3]:
            docs = data["docs"]
            docs.extend(entry[3])
            docs.sort()  # two sorted runs: one merge
            entry[3] = None
        return data

    def _remember(self, n: str, entry: list[Any]) -> None:
        self._cache[n] = entry
        if len(self._cache) > self._cache_size:
            self._evict(len(self._cache) - self._cache_size + self._cache_size // 10)

    def _evict(self, count: int) -> None:
        rows = []
        for _ in range(min(count, len(self._cache))):
            n, entry = self._cache.popitem(last=False)
            if entry[1]:
                rows.append(self._node_row(n, self._settled(entry)))
        self._write_nodes(rows)

    @staticmethod
    def _node_row(n: str, data: dict[str, Any]) -> tuple[str, str, str, str]:
        return n, str(data.get("kind") or ""), " ".join(data.get("cls") or ()), _encode(data)

    def _write_nodes(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO node VALUES (?,?,?,?)", rows)

    def add_node(self, node: str, kind: str, cls: Iterable[str] = (), label: str = "", **attrs: Any) -> None:
        entry = self._lookup(node)
        if entry is not None:
            docs = attrs.pop("docs", ())
            merge_node_data(entry[0], cls, label, attrs)
            if docs:
                self._add_docs(entry, docs)
            entry[1] = self._changed = True
            return
        self._node_count += 1
        self._changed = True
        self._remember(node, [new_node_data(kind, cls, label, attrs), True, None, None])

    def _add_docs(self, entry: list[Any], docs: Iterable[str]) -> None:
        """The merge rule for ``docs`` (a sorted set) in constant time per document: a node that
        thousands of documents name would otherwise move its list at every one (quadratic in the
        corpus); the new ones wait in a set until the node is read or written (:meth:`_settled`), or
        until they are an eighth of the list (a set costs five times a list's memory per item; one
        merge per eighth keeps the time per document constant)."""
        have = entry[0].setdefault("docs", [])
        for d in docs:
            i = bisect_left(have, d)
            if i == len(have) or have[i] != d:
                if entry[3] is None:
                    entry[3] = set()
                entry[3].add(d)
        if entry[3] and len(entry[3]) > max(_DOCS_PENDING, len(have) >> 3):
            self._settled(entry)

    def set_attr(self, n: str, key: str, value: Any) -> None:
        entry = self._entry(n)
        entry[0][key] = value
        entry[1] = self._changed = True

    def add_literal(self, s: str, p: str, value: str, evidence: Iterable[Evidence] = ()) -> None:
        entry = self._entry(s)
        bucket = entry[0].setdefault("literals", {}).setdefault(p, {})
        known_list = bucket.setdefault(value, [])
        if entry[2] is None:
            entry[2] = {}
        known = entry[2].get((p, value))
        if known is None:
            known = entry[2][(p, value)] = set(known_list)
        for e in evidence:
            if e not in known:
                known.add(e)
                known_list.append(e)
        entry[1] = self._changed = True

    def add_edge(self, s: str, p: str, o: str, evidence: Iterable[Evidence] = ()) -> None:
        """Append the edge's records (both ends must be nodes already)."""
        rows = self._rows
        n = len(rows)
        for doc, start, end, sent, rule, confidence in evidence:  # unpacked: Evidence[i] is a Python call
            sid = None
            if sent:
                sid = self._sentences.get(sent)
                if sid is None:
                    sid = self._new_sentence(sent)
            rows.append((s, p, o, doc, start, end, sid, rule, confidence))
        if len(rows) == n:
            rows.append((s, p, o, None, None, None, None, None, None))
        self._edge_count = None
        self._changed = True
        if len(rows) >= _BATCH:
            self._flush_rows()

    def _new_sentence(self, text: str) -> int:
        if len(self._sentences) >= _SENTENCES:
            self._sentences.clear()
        sid = self._sentences[text] = self._next_sentence
        self._next_sentence += 1
        self._sentence_rows.append((sid, text))
        return sid

    def _flush_rows(self) -> None:
        if self._sentence_rows:
            insert_rows(self._db, "INSERT INTO sentence VALUES (?,?)", self._sentence_rows)
            self._sentence_rows = []
        if self._rows:
            insert_rows(self._db, "INSERT INTO evidence(s, p, o, doc, start, end, sentence, rule, confidence) "
                                  "VALUES (?,?,?,?,?,?,?,?,?)", self._rows)
            self._rows = []

    def _sync(self) -> None:
        """Everything written and indexed, so that reads see it."""
        if not self._changed:
            return
        self._flush_rows()
        # one row at a time: the cache's hubs are large (a topic's list of documents is 20 MB of JSON at a million)
        self._write_nodes(self._node_row(n, self._settled(e)) for n, e in self._cache.items() if e[1])
        for e in self._cache.values():
            e[1] = False
        if not self._indexed:
            self._db.executescript(_INDEXES)
            self._indexed = True
        self._db.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)",
                             (("format", str(CORE_FORMAT)), ("graph_meta", json.dumps(self.meta, default=str)),
                              ("nodes", str(self._node_count))))
        self._db.commit()
        self._changed = False
        self._walk_done = False  # a kept walk is out of date

    # ---------------------------------------------------------------- reading
    def __contains__(self, n: object) -> bool:
        """In the node cache, else in the node table (a node leaves the cache only when it is written
        there): no set of every key in memory, which at a million documents would be half a gigabyte."""
        return n in self._cache or (
            n.__class__ is str and self._db.execute("SELECT 1 FROM node WHERE key=?", (n,)).fetchone() is not None)

    def node(self, n: str) -> dict[str, Any]:
        return self._settled(self._entry(n))

    def label(self, n: str) -> str:  # without settling its documents: the merge asks it of hubs
        return self._entry(n)[0].get("label") or n

    def nodes(self, kind: str | None = None, cls: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """Sorted by id. A class is looked for in the ``cls`` column, so that only its nodes' data
        are decoded (a hub's data is megabytes in a large build)."""
        for n, d in self._rows_of(kind, cls):
            if cls is None or cls in d.get("cls", ()):
                yield n, d

    def sorted_nodes(self, kind: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        return self._rows_of(kind, None)

    def _rows_of(self, kind: str | None, cls: str | None) -> Iterator[tuple[str, dict[str, Any]]]:
        self._sync()  # every node's row written: its cls column is its classes
        where = [("kind=?", kind)] if kind else []
        if cls:
            where.append(("instr(' ' || cls || ' ', ?) > 0", f" {cls} "))
        sql = ("SELECT key, data FROM node" + (" WHERE " + " AND ".join(w for w, _ in where) if where else "")
               + " ORDER BY key")
        for n, text in self._db.execute(sql, tuple(a for _, a in where)):
            entry = self._cache.get(n)
            yield n, self._settled(entry) if entry is not None else _decode(text)

    def _ends(self, sql: str, args: tuple[Any, ...], other: int) -> Iterator[EdgeEnd]:
        self._sync()
        return self._ends_of(self._db.execute(sql, args), other)

    @staticmethod
    def _ends_of(rows: Iterable[tuple[Any, ...]], other: int) -> Iterator[EdgeEnd]:
        """Rows sorted by (the other end, predicate) as edge ends."""
        for (o, p), group in groupby(rows, key=lambda r: (r[other], r[1])):
            yield p, o, _evidence_list(group)

    def _side(self, n: str, predicate: str | None, limit: int | None, this: str, other: str) -> Iterator[EdgeEnd]:
        """The edges whose column ``this`` (s or o) is ``n``, sorted by the ``other`` column."""
        col = 2 if other == "o" else 0
        if predicate is None:
            return self._ends(_ROW + f"WHERE e.{this}=? ORDER BY e.{other}, e.p, e.seq", (n,), col)
        if limit is None:
            return self._ends(_ROW + f"WHERE e.{this}=? AND e.p=? ORDER BY e.{other}, e.seq", (n, predicate), col)
        return self._ends(_ROW + f"WHERE e.{this}=? AND e.p=? AND e.{other} IN (SELECT DISTINCT {other} FROM evidence "
                          f"WHERE {this}=? AND p=? ORDER BY {other} LIMIT ?) ORDER BY e.{other}, e.seq",
                          (n, predicate, n, predicate, limit), col)

    def out_edges(self, n: str, predicate: str | None = None, limit: int | None = None) -> Iterator[EdgeEnd]:
        return self._side(n, predicate, limit, "s", "o")

    def in_edges(self, n: str, predicate: str | None = None, limit: int | None = None) -> Iterator[EdgeEnd]:
        return self._side(n, predicate, limit, "o", "s")

    def few_ends(self, n: str, out: bool, most: int) -> list[EdgeEnd] | None:
        """One query with a limit on the rows: None when ``n`` has more than ``most`` edges that way,
        or more than ``most`` * :data:`_FEW_ROWS` records (the caller then asks per predicate)."""
        self._sync()
        this, other, col = ("s", "o", 2) if out else ("o", "s", 0)
        cap = most * _FEW_ROWS
        # counted off the index first: a hub's rows are not read for nothing (a third of the time)
        if self._db.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM evidence WHERE {this}=? LIMIT ?)",
                            (n, cap + 1)).fetchone()[0] > cap:
            return None
        rows = self._db.execute(_ROW + f"WHERE e.{this}=? ORDER BY e.{other}, e.p, e.seq", (n,)).fetchall()
        ends = list(self._ends_of(rows, col))
        return ends if len(ends) <= most else None

    def edge_counts(self, n: str) -> dict[tuple[str, str], int]:
        self._sync()
        counts = {("out", p): c for p, c in self._db.execute(
            "SELECT p, COUNT(*) FROM (SELECT DISTINCT o, p FROM evidence WHERE s=?) GROUP BY p", (n,))}
        counts.update((("in", p), c) for p, c in self._db.execute(
            "SELECT p, COUNT(*) FROM (SELECT DISTINCT s, p FROM evidence WHERE o=?) GROUP BY p", (n,)))
        return counts

    def keep_walks(self) -> None:
        """Keep the next walk of every edge (the writers' walks by subject) in a file beside the core,
        so that later ones replay it (4 times faster than SQLite's walk) until the graph changes:
        for a build's outputs, which walk every edge three times. :meth:`drop_walks` deletes it."""
        self._walk_kept = True

    def drop_walks(self) -> None:
        self._walk_kept = self._walk_done = False
        with contextlib.suppress(FileNotFoundError):
            os.unlink(str(self.path) + WALK_SUFFIX)

    def _all_edges(self, predicate: str | None) -> Iterator[_Edge]:
        self._sync()
        if predicate is None and self._walk_kept:
            if self._walk_done:
                return self._replayed()
            if not self._walk_busy:  # (a walk inside the one being kept reads SQLite)
                return self._kept(self._walked(None))
        return self._walked(predicate)

    def _kept(self, edges: Iterator[_Edge]) -> Iterator[_Edge]:
        """``edges`` passed on and written to the walk file in marshalled chunks of plain tuples (our
        own file, read back by this process only), complete only if the caller read to the end. A
        file that cannot be written (a full disk) is let go, and the walks read SQLite: keeping a
        walk only saves time, it never fails one."""
        path = str(self.path) + WALK_SUFFIX
        self._walk_busy = True
        fh: Any = None
        with contextlib.suppress(OSError):
            fh = open(path, "wb")  # noqa: SIM115 (closed in the finally below; an open that fails keeps nothing)

        def put(chunk: list[_Edge]) -> Any:
            """The file after ``chunk`` is written to it; None (the file let go) if it cannot be."""
            try:
                _write_chunk(fh, chunk)
                return fh
            except OSError:
                with contextlib.suppress(OSError):
                    fh.close()
                return None

        finished = False  # the caller read to the end
        try:
            chunk: list[_Edge] = []
            for edge in edges:
                yield edge
                if fh is not None:
                    chunk.append(edge)
                    if len(chunk) == _WALK_CHUNK:
                        fh, chunk = put(chunk), []
            if fh is not None:
                fh = put(chunk)
            finished = True
        finally:
            self._walk_busy = False
            if fh is not None:
                try:
                    fh.close()
                except OSError:
                    fh = None
            if fh is None:  # the disk or folder cannot take it: the walks read SQLite
                self._walk_kept = False
                with contextlib.suppress(OSError):
                    os.unlink(path)
            self._walk_done = finished and fh is not None and not self._changed

    def _replayed(self) -> Iterator[_Edge]:
        with open(str(self.path) + WALK_SUFFIX, "rb") as fh:
            while head := fh.read(8):
                for s, o, p, evs in marshal.loads(fh.read(int.from_bytes(head, "little"))):
                    yield s, o, p, [_new_evidence(Evidence, e) for e in evs]

    def _walked(self, predicate: str | None) -> Iterator[_Edge]:
        sql = _ROW + ("WHERE e.p=? " if predicate else "") + "ORDER BY e.s, e.o, e.p, e.seq"
        for (s, o, p), rows in groupby(self._db.execute(sql, (predicate,) if predicate else ()),
                                       key=lambda r: (r[0], r[2], r[1])):
            yield s, o, p, _evidence_list(rows)

    def edges(self, predicate: str | None = None) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        for s, o, p, ev in self._all_edges(predicate):
            yield s, o, p, {"predicate": p, "evidence": ev}

    def sorted_edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        for _, group in groupby(self._all_edges(None), key=lambda x: x[0]):
            for s, o, p, ev in sorted(group, key=lambda x: (x[2], x[1])):
                yield s, o, p, {"predicate": p, "evidence": ev}

    def out_edges_by_node(self) -> Iterator[tuple[str, list[EdgeEnd]]]:
        """One walk by subject (the node table's order: SQLite's for both); each node's ends by (object,
        predicate), as :meth:`out_edges` gives them."""
        for s, group in groupby(self._all_edges(None), key=itemgetter(0)):
            yield s, [(p, o, ev) for _, o, p, ev in group]

    def edge_keys(self, predicates: Collection[str] | None = None) -> Iterator[tuple[str, str, str]]:
        self._sync()
        for s, o, p in self._db.execute("SELECT DISTINCT s, o, p FROM evidence"):  # off the index by subject
            if predicates is None or p in predicates:
                yield s, p, o

    def edge_keys_at(self, n: str, predicates: Collection[str], way: str = "both",
                     kinds: Collection[str] | None = None) -> Iterator[tuple[str, str, str]]:
        """Off the indexes by subject and by object, the other end's kind from the node table: no
        evidence decoded, no node's data read."""
        self._sync()
        preds = sorted(set(predicates))
        kinds_l = sorted(set(kinds)) if kinds is not None else None
        if not preds or kinds_l == []:
            return
        selects: list[str] = []
        args: list[Any] = []
        for this, other in (("s", "o"), ("o", "s")):
            if way not in ("both", "out" if this == "s" else "in"):
                continue
            sql = ("SELECT DISTINCT e.s, e.p, e.o FROM evidence e "
                   + (f"JOIN node x ON x.key = e.{other} " if kinds_l else "")
                   + f"WHERE e.{this}=? AND e.p IN ({_marks(preds)})"
                   + (f" AND x.kind IN ({_marks(kinds_l)})" if kinds_l else ""))
            selects.append(sql)
            args += [n, *preds, *(kinds_l or ())]
        yield from self._db.execute(" UNION ".join(selects), args)

    def count_nodes(self, kinds: Collection[str]) -> int:
        self._sync()
        kinds = sorted(set(kinds))
        if not kinds:
            return 0
        return int(self._db.execute(f"SELECT COUNT(*) FROM node WHERE kind IN ({_marks(kinds)})", kinds).fetchone()[0])

    def classes(self, kinds: Collection[str]) -> set[str]:
        """From the node table's ``cls`` column (the classes space-separated): no node's data decoded."""
        self._sync()
        kinds = sorted(set(kinds))
        if not kinds:
            return set()
        return {c for (cls,) in self._db.execute(f"SELECT DISTINCT cls FROM node WHERE kind IN ({_marks(kinds)})",
                                                 kinds) for c in cls.split()}

    def neighbours(self, n: str) -> set[str]:
        self._sync()
        return {r[0] for r in self._db.execute("SELECT DISTINCT o FROM evidence WHERE s=? UNION "
                                               "SELECT DISTINCT s FROM evidence WHERE o=?", (n, n))}

    def degree(self, n: str) -> int:
        self._sync()
        row = self._db.execute("SELECT (SELECT COUNT(*) FROM (SELECT DISTINCT o, p FROM evidence WHERE s=?)) + (SELECT "
                               "COUNT(*) FROM (SELECT DISTINCT s, p FROM evidence WHERE o=?))", (n, n)).fetchone()
        return int(row[0])

    def undirected_degrees(self, predicates: Collection[str], kinds: Collection[str],
                           through: tuple[str, str] | None = None) -> Iterator[tuple[str, int]]:
        """One query: SQLite dedupes the pairs and counts them in temporary B-trees on disk, so that
        memory stays flat however many nodes there are (the page of a whole build asks this)."""
        self._sync()
        ps, ks = sorted(predicates), sorted(kinds)
        marks = _marks(ps), _marks(ks)
        via = "" if through is None else ("UNION SELECT h.s, t.o FROM evidence h JOIN evidence t ON t.s = h.o "
                                          "WHERE h.p = ? AND t.p = ? AND h.s != t.o")
        sql = (f"WITH v(key) AS (SELECT key FROM node WHERE kind IN ({marks[1]})), "
               f"e(s, o) AS (SELECT DISTINCT s, o FROM evidence WHERE p IN ({marks[0]}) AND s != o {via}), "
               "pairs(a, b) AS (SELECT DISTINCT min(s, o), max(s, o) FROM e WHERE s IN v AND o IN v), "
               "ends(n, c) AS (SELECT key, 0 FROM v UNION ALL SELECT a, 1 FROM pairs UNION ALL SELECT b, 1 FROM pairs) "
               "SELECT n, sum(c) FROM ends GROUP BY n ORDER BY n")
        yield from self._db.execute(sql, (*ks, *ps, *(through or ())))

    def number_of_nodes(self) -> int:
        return self._node_count

    def number_of_edges(self) -> int:
        if self._edge_count is None:
            self._sync()
            row = self._db.execute("SELECT COUNT(*) FROM (SELECT DISTINCT s, o, p FROM evidence)").fetchone()
            self._edge_count = int(row[0])
        return self._edge_count

    def stats(self) -> dict[str, Any]:
        self._sync()
        counts = dict(self._db.execute("SELECT kind, COUNT(*) FROM node GROUP BY kind").fetchall())
        by_class: dict[str, int] = {}
        for cls, count in self._db.execute("SELECT cls, COUNT(*) FROM node WHERE kind='entity' GROUP BY cls"):
            for c in cls.split():
                by_class[c] = by_class.get(c, 0) + count
        return {"documents": counts.get("document", 0), "entities": counts.get("entity", 0),
                "entities_by_class": dict(sorted(by_class.items())), "topics": counts.get("topic", 0),
                "meetings": counts.get("meeting", 0), "relations": self.number_of_edges()}

    # ---------------------------------------------------------------- the file
    def flush(self) -> None:
        """Write what is pending, the graph's ``meta`` included, so that another process can open
        the file (:meth:`open`) and read the same graph while this one only reads it too."""
        if self._writable:  # one opened to read is complete on disk already
            self._changed = True
            self._sync()

    def close(self) -> None:
        """Write what is pending and let the file go (reads after this fail)."""
        self._sync()
        self._db.commit()
        self._db.close()

    def remove(self) -> None:
        """Close and delete the file."""
        try:
            self._db.close()
        finally:
            _unlink(self.path)
