"""The embedded store the read commands open: written by ``kgraph build``, read
without re-reading any document.

Layout of ``<out>/store/``::

    CURRENT               name of the generation in use (replaced atomically)
    gen-<stamp>/
        graph.sqlite      facts, names, provenance and adjacency (SQLite)
        rdf/              the RDF graph (``to_rdf``) in an on-disk Oxigraph store

Why two parts:

* **SQLite** (standard library, one file) answers the relationship questions.
  Opening it costs milliseconds whatever its size (pages are read on demand,
  nothing is loaded up front), lookups go through B-tree indexes, and the
  file is opened read-only and ``immutable`` so readers take no locks. It
  holds the name index used to resolve what people type (folded, genitive
  and short forms), every edge with its evidence (document file name and
  sentence, deduplicated), a two-way adjacency table of the relations
  between actors, so a breadth-first search reads one index range per node,
  and narrow tables (classes, meeting dates) so that filtering and sorting
  thousands of candidates touches few pages. A meeting whose text states no
  date is filed under its document's publication date (``date_source``
  ``document``; ``text`` when the text dates it), so that a question about a
  period finds it; the graph itself keeps the meeting undated.
* **Oxigraph** (``pyoxigraph``, RocksDB on disk) runs SPARQL 1.1 over exactly
  the triples of ``graph.ttl``. It too opens in milliseconds, read-only, and
  evaluates queries natively; rdflib would first have to parse the whole
  Turtle file (minutes for a million triples).

A build writes a new generation beside the old one and then replaces
``CURRENT`` atomically (temporary file + rename), so an interrupted build
leaves the previous store intact and readers never see half a store.
"""
from __future__ import annotations

import json
import os
import queue
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from . import __version__, vocab
from .errors import GraphNotFoundError, KgraphError, not_a_build_folder
from .gcpolicy import release_free_memory
from .io import atomic_write_text
from .sqlrows import insert_rows
from .text import fold, strip_genitive

if TYPE_CHECKING:  # the readers never import networkx
    from .contracts import Evidence
    from .graph import GraphReader

STORE_FORMAT = 2  # 2: meetings carry the date they are filed under and where it comes from
STORE_DIR = "store"
SQLITE_NAME = "graph.sqlite"
RDF_DIR = "rdf"

#: predicates that link two actors, places, meetings, posts or topics (in the
#: adjacency table, traversed by neighbors and path, counted by central): the
#: relations of :mod:`kgraph.vocab`. ``mentionedIn`` only links to documents and is left out.
RELATIONS = vocab.relations()
_LINKED = frozenset(RELATIONS)

#: generic words dropped from names when resolving ("Söderhamns kommun" -> "söderhamn"),
#: with the class they point to
GENERIC_WORDS = {"kommun": "Municipality", "kommuns": "Municipality", "kommunen": "Municipality",
                 "stad": "Municipality", "stads": "Municipality", "lan": "County", "lans": "County"}

TIER_EXACT, TIER_CANONICAL, TIER_SURNAME, TIER_GIVEN = 1, 2, 3, 4


class StoreError(KgraphError):
    """The store in a build folder is missing, damaged or of another format."""


# ------------------------------------------------------------------ name keys
def canonical_forms(name: str) -> tuple[set[str], str | None]:
    """Folded forms of ``name`` without generic words, plus the class such a word hints at.

    "Söderhamns kommun" -> ({"soderhamns", "soderhamn"}, "Municipality").
    """
    words = fold(name).split(" ")
    hint = None
    kept = []
    for w in words:
        if w in GENERIC_WORDS and len(words) > 1:
            hint = hint or GENERIC_WORDS[w]
        else:
            kept.append(w)
    if not kept:
        return set(), None
    base = " ".join(kept)
    forms = {base}
    stripped = strip_genitive(kept[-1])
    if stripped != kept[-1]:
        forms.add(" ".join([*kept[:-1], stripped]))
    return forms, hint


def query_keys(name: str) -> tuple[set[str], set[str], str | None]:
    """(exact keys, looser keys, class hint) for a name as a user typed it."""
    exact = {fold(name)}
    forms, hint = canonical_forms(name)
    loose = set(forms) | exact
    for k in list(loose):
        words = k.split(" ")
        stripped = strip_genitive(words[-1])
        if stripped != words[-1]:
            loose.add(" ".join([*words[:-1], stripped]))
    return exact, loose, hint


def name_keys(node: str, data: dict[str, Any]) -> set[tuple[str, int]]:
    """All (key, tier) pairs under which a node can be found."""
    kind = data.get("kind")
    if kind not in ("entity", "topic", "document"):
        return set()
    names = [data.get("label") or ""]
    names += list(data.get("alt_labels") or [])
    if data.get("abbreviation"):
        names += [a for a in str(data["abbreviation"]).split("|") if a]
    if kind == "topic" and data.get("en_label"):
        names.append(data["en_label"])
    if kind == "document":
        names = [data.get("file_name") or ""]
    out: set[tuple[str, int]] = set()
    for n in names:
        n = " ".join(str(n).split())
        if not n:
            continue
        out.add((fold(n), TIER_EXACT))
        forms, _ = canonical_forms(n)
        out.update((f, TIER_CANONICAL) for f in forms)
    if "Person" in (data.get("cls") or []):
        words = fold(" ".join(str(data.get("label") or "").split())).split(" ")
        for i in range(1, len(words)):
            out.add((" ".join(words[i:]), TIER_SURNAME))
        if len(words) > 2:
            out.add((f"{words[0]} {words[-1]}", TIER_SURNAME))  # without middle names
        if len(words) > 1:
            out.add((words[0], TIER_GIVEN))
    exact = {k for k, t in out if t == TIER_EXACT}
    return {(k, t) for k, t in out if k and not (t != TIER_EXACT and k in exact)}


# ------------------------------------------------------------------ writing
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE node(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, label TEXT NOT NULL,
                  cls TEXT NOT NULL, date TEXT NOT NULL DEFAULT '', degree INTEGER NOT NULL DEFAULT 0,
                  ndocs INTEGER NOT NULL DEFAULT 0, attrs TEXT NOT NULL DEFAULT '{}');
CREATE TABLE node_class(cls TEXT NOT NULL, node INTEGER NOT NULL, PRIMARY KEY(cls, node)) WITHOUT ROWID;
CREATE TABLE name(key TEXT NOT NULL, tier INTEGER NOT NULL, node INTEGER NOT NULL,
                  PRIMARY KEY(key, tier, node)) WITHOUT ROWID;
CREATE TABLE document(node INTEGER PRIMARY KEY, file_name TEXT NOT NULL, title TEXT NOT NULL,
                      published TEXT NOT NULL);
CREATE TABLE meeting(id INTEGER PRIMARY KEY, date TEXT NOT NULL, date_source TEXT NOT NULL);
CREATE TABLE edge(id INTEGER PRIMARY KEY, s INTEGER NOT NULL, p TEXT NOT NULL, o INTEGER NOT NULL);
CREATE TABLE link(a INTEGER NOT NULL, edge INTEGER NOT NULL, fwd INTEGER NOT NULL, b INTEGER NOT NULL,
                  p TEXT NOT NULL, PRIMARY KEY(a, edge, fwd)) WITHOUT ROWID;
CREATE TABLE literal(id INTEGER PRIMARY KEY, node INTEGER NOT NULL, p TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE sentence(id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE evidence(id INTEGER PRIMARY KEY, edge INTEGER, literal INTEGER, doc INTEGER, start INTEGER,
                      end INTEGER, sentence INTEGER, rule TEXT NOT NULL, confidence REAL NOT NULL);
"""
INDEXES = """
CREATE INDEX node_kind ON node(kind, label);
CREATE INDEX node_degree ON node(kind, degree DESC);
CREATE INDEX meeting_date ON meeting(date);
CREATE INDEX edge_s ON edge(s, p, o);
CREATE INDEX edge_o ON edge(o, p, s);
CREATE INDEX literal_node ON literal(node, p);
CREATE INDEX evidence_edge ON evidence(edge) WHERE edge IS NOT NULL;
CREATE INDEX evidence_literal ON evidence(literal) WHERE literal IS NOT NULL;
"""
_SENTENCES_REMEMBERED = 50_000  # sentences looked up for reuse while writing the evidence table
_NODE_COLUMNS = {"kind", "cls", "label", "literals", "docs", "date"}


def meeting_date(kg: GraphReader, data: dict[str, Any]) -> tuple[str, str]:
    """(date, where it comes from) for a meeting: the date its text states ("text"), else the
    earliest publication date of the documents that report it ("document"), else ("", "")."""
    if data.get("date"):
        return str(data["date"]), "text"
    published = sorted(str(p) for p in (kg.node(d).get("published") for d in data.get("docs") or () if d in kg)
                       if p)
    return (published[0], "document") if published else ("", "")


def store_root(out: Path) -> Path:
    return Path(out) / STORE_DIR


def write_store(kg: GraphReader, out: Path | str, rdf: bool = True,
                alongside: Callable[[], object] | None = None, timings: dict[str, float] | None = None,
                rdf_source: Callable[[NQuadsSpool | None], object] | None = None) -> Path:
    """Write the store for ``kg`` into ``<out>/store`` and make it current; return its folder.

    ``rdf=False`` leaves out the SPARQL part (``kgraph sparql`` then says so):
    for tools that only need the lookups. The SPARQL part is loaded from
    N-Quads that are written once (:class:`NQuadsSpool`) and bulk-loaded by
    Oxigraph piece by piece in a thread of its own (it releases the GIL).
    ``rdf_source(spool)`` writes them when the caller has a pass over the
    triples anyway (the build: graph.ttl and the N-Quads from one walk of the
    statements; it gets None without ``rdf``); without it they are written here.
    Meanwhile this thread writes the SQLite part and then runs ``alongside``
    (the build's other outputs), so the load costs little extra time.
    """
    root = store_root(Path(out))
    root.mkdir(parents=True, exist_ok=True)
    gen = f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    tmp = root / f".tmp-{gen}"
    tmp.mkdir()
    try:
        seconds = timings if timings is not None else {}

        def timed(name: str, fn: Callable[..., Any], *args: Any) -> Any:
            t = time.perf_counter()
            r = fn(*args)
            seconds[name] = time.perf_counter() - t
            return r

        stop = threading.Event()  # set when this thread fails or is interrupted: the load stops at its next piece
        spool = NQuadsSpool(tmp / _SPOOL_DIR, stop) if rdf else None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kgraph-oxigraph") as pool:
            loading = pool.submit(timed, "write.oxigraph", _load_rdf, spool, tmp / RDF_DIR) if spool else None
            try:
                if rdf_source is not None:
                    rdf_source(spool)
                elif spool is not None:
                    from .export import write_ntriples  # N-Triples: N-Quads of the default graph
                    timed("write.nquads", write_ntriples, kg, spool)
                if spool is not None:
                    spool.close()
                timed("write.sqlite", _write_sqlite, kg, tmp / SQLITE_NAME)
                if alongside is not None:
                    alongside()
                t = time.perf_counter()
                triples = loading.result() if loading is not None else 0
                seconds["write.oxigraph_wait"] = time.perf_counter() - t
            except BaseException:
                stop.set()
                raise
        if spool is not None:
            shutil.rmtree(spool.folder, ignore_errors=True)
        _set_triples(tmp / SQLITE_NAME, triples)
        os.replace(tmp, root / gen)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    atomic_write_text(root / "CURRENT", gen + "\n")  # the switch: one atomic rename
    for old in root.iterdir():
        if old.name not in ("CURRENT", gen) and (old.name.startswith("gen-") or old.name.startswith(".tmp-")):
            shutil.rmtree(old, ignore_errors=True)
    return root / gen


_SPOOL_DIR = ".nquads"  # inside the store's temporary generation; gone before it is switched in
_LOAD_PIECE = 24 << 20  # bytes of N-Quads per bulk load
_MAX_PENDING = 40  # pieces written and not yet loaded: the spool's disk use is bounded (about 1 GB)


class _Stopped(Exception):
    """The build stopped while the RDF part was loading."""


class NQuadsSpool:
    """The graph's triples as N-Quads (all in the default graph), written once and bulk-loaded
    into Oxigraph piece by piece: a file-like sink (``write(bytes)``) that cuts what it is given
    into files of about ``piece`` bytes, each handed to the loader as soon as it is complete.

    Oxigraph's bulk loader holds a whole input in memory (about five times its size as
    N-Quads), so pieces keep the build's memory flat however large the graph; N-Quads is the
    cheapest syntax to parse, and written from the same walk of the statements as graph.ttl
    it costs one formatting of each line, instead of writing Turtle and parsing it again.
    A writer cuts only between whole lines (each ``write`` ends with one)."""

    def __init__(self, folder: Path, stop: threading.Event, piece: int | None = None,
                 pending: int = _MAX_PENDING) -> None:
        self.folder = folder
        self.stop = stop
        self.piece = piece or _LOAD_PIECE
        self.failed = False  # set by the loader when it gives up: the writer stops too
        folder.mkdir(parents=True, exist_ok=True)
        self._queue: queue.Queue[Path | None] = queue.Queue(maxsize=pending)
        self._fh: IO[bytes] | None = None
        self._path: Path | None = None
        self._size = 0
        self._count = 0

    def write(self, data: bytes) -> int:
        """Append whole N-Quads lines; a piece is cut at the line end nearest its size."""
        view = memoryview(data)
        while view:
            if self._fh is None:
                self._path = self.folder / f"part-{self._count:06d}.nq"
                self._count += 1
                self._fh = open(self._path, "wb")  # noqa: SIM115 - stays open across writes, closed by _cut
            room = self.piece - self._size
            if len(view) < room:
                self._fh.write(view)
                self._size += len(view)
                break
            end = data.find(b"\n", len(data) - len(view) + room - 1) + 1 or len(data)
            head = end - (len(data) - len(view))
            self._fh.write(view[:head])
            view = view[head:]
            self._cut()
        return len(data)

    def _cut(self) -> None:
        if self._fh is None:
            return
        self._fh.close()
        self._fh, self._size = None, 0
        self._put(self._path)

    def _put(self, item: Path | None) -> None:
        while True:  # waits while the loader is behind; gives up when it failed or the build stops
            if self.failed or self.stop.is_set():
                raise _Stopped("the RDF load stopped")
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def close(self) -> None:
        """All is written: the last piece goes to the loader, then the end mark."""
        self._cut()
        self._put(None)

    def pieces(self) -> Iterator[Path]:
        """The loader's side: each complete piece, in order, until :meth:`close`; raises
        :class:`_Stopped` once ``stop`` is set."""
        while True:
            if self.stop.is_set():
                raise _Stopped("the build stopped")
            try:
                item = self._queue.get(timeout=0.1)
            except queue.Empty:
                continue
            if item is None:
                return
            yield item


def _load_rdf(spool: NQuadsSpool, path: Path) -> int:
    """Bulk-load every piece of ``spool`` into a new Oxigraph store at ``path``, each removed once
    loaded; return the number of triples. Stops at the next piece once the build stops."""
    import pyoxigraph as ox
    store = ox.Store(str(path))
    try:
        for piece in spool.pieces():
            # lenient: no IRI re-validation, the N-Quads are kgraph's own (IRIs checked when written)
            store.bulk_load(path=str(piece), format=ox.RdfFormat.N_QUADS, lenient=True)
            piece.unlink()
    except BaseException:
        spool.failed = True
        raise
    store.flush()
    store.optimize()
    n = len(store)
    del store
    release_free_memory()
    return n


def _set_triples(path: Path, triples: int) -> None:
    """Record the RDF part's size in the SQLite part's metadata (known once Oxigraph is done)."""
    db = sqlite3.connect(str(path))
    try:
        db.execute("UPDATE meta SET value=? WHERE key='triples'", (json.dumps(triples),))
        db.commit()
    finally:
        db.close()
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


class _Batch:
    """Rows for one INSERT, written every ``size`` rows: memory stays flat however many there are."""

    def __init__(self, db: sqlite3.Connection, sql: str, size: int = 20_000) -> None:
        self.db, self.sql, self.size = db, sql, size
        self.rows: list[tuple[Any, ...]] = []

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            insert_rows(self.db, self.sql, self.rows)
            self.rows = []


_IDS_REMEMBERED = 400_000  # node ids kept in memory while the store is written (about 60 MB)


class _NodeIds(dict[str, tuple[int, bool]]):
    """Node key -> (its id in the store, is it a document), for the edges and evidence that name it.

    The first ``limit`` keys the node pass numbers are kept (all of them, in a build of up to
    about 80,000 documents); a key beyond them is looked up in the node table (the unique index
    on ``key``) when it is first asked for, and kept among the recent ones, which are let go when
    they reach ``limit``. All keys in one dictionary would be a gigabyte for a million documents'
    five million nodes."""

    def __init__(self, db: sqlite3.Connection, limit: int = _IDS_REMEMBERED) -> None:
        super().__init__()
        self.db, self.limit = db, limit
        self.full = False  # some keys were not kept: ask the node table
        self.recent: list[str] = []

    def add(self, key: str, i: int, document: bool) -> None:
        if len(self) < self.limit:
            self[key] = (i, document)
        else:
            self.full = True

    def __missing__(self, key: str) -> tuple[int, bool]:
        row = self.db.execute("SELECT id, kind FROM node WHERE key=?", (key,)).fetchone() if self.full else None
        if row is None:
            raise KeyError(key)
        if len(self.recent) >= self.limit:
            for k in self.recent:
                del self[k]
            self.recent.clear()
        self.recent.append(key)
        got = self[key] = (int(row[0]), row[1] == "document")
        return got

    def find(self, key: str) -> int | None:
        """The id of ``key``, None if there is no such node."""
        try:
            return self[key][0]
        except KeyError:
            return None


def _write_sqlite(kg: GraphReader, path: Path, ids_limit: int = _IDS_REMEMBERED) -> None:
    db = sqlite3.connect(str(path))
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192;")
        db.executescript(SCHEMA)
        ids = _NodeIds(db, ids_limit)
        node_rows = _Batch(db, "INSERT INTO node(id, key, kind, label, cls, date, ndocs, attrs) "
                               "VALUES (?,?,?,?,?,?,?,?)")
        class_rows = _Batch(db, "INSERT INTO node_class VALUES (?,?)")
        name_rows = _Batch(db, "INSERT OR IGNORE INTO name VALUES (?,?,?)")
        doc_rows = _Batch(db, "INSERT INTO document VALUES (?,?,?,?)")
        meeting_rows = _Batch(db, "INSERT INTO meeting VALUES (?,?,?)")
        for i, (n, d) in enumerate(kg.sorted_nodes(), start=1):  # in batches: no list of every node's rows
            ids.add(n, i, d.get("kind") == "document")
            cls = list(d.get("cls") or [])
            attrs = {k: v for k, v in d.items() if k not in _NODE_COLUMNS and v not in (None, "", [], {})}
            node_rows.add((i, n, d.get("kind", ""), " ".join(str(d.get("label") or n).split()),
                           " ".join(cls), d.get("date") or "", len(d.get("docs") or []),
                           json.dumps(attrs, ensure_ascii=False, sort_keys=True, default=str)))
            for c in cls:
                class_rows.add((c, i))
            for k, t in name_keys(n, d):
                name_rows.add((k, t, i))
            if d.get("kind") == "document":
                doc_rows.add((i, d.get("file_name") or "", d.get("title") or "", d.get("published") or ""))
            elif d.get("kind") == "meeting":
                meeting_rows.add((i, *meeting_date(kg, d)))
        for batch in (node_rows, class_rows, name_rows, doc_rows, meeting_rows):
            batch.flush()

        sentences: dict[str, int] = {}
        evidence = _Batch(db, "INSERT INTO evidence(edge, literal, doc, start, end, sentence, rule, confidence) "
                              "VALUES (?,?,?,?,?,?,?,?)")
        sentence_rows = _Batch(db, "INSERT INTO sentence VALUES (?,?)")

        next_sid = [1]

        def add_evidence(edge: int | None, literal: int | None, evs: Iterable[Evidence]) -> None:
            for doc, start, end, sent, rule, confidence in evs:  # a graph's records are Evidence tuples
                sid = None
                if sent:
                    sid = sentences.get(sent)
                    if sid is None:
                        if len(sentences) >= _SENTENCES_REMEMBERED:  # a document's sentences repeat, others rarely
                            sentences.clear()
                        sid = sentences[sent] = next_sid[0]
                        next_sid[0] += 1
                        sentence_rows.add((sid, sent))
                evidence.add((edge, literal, ids.find(doc) if doc else None, start, end, sid, rule or "",
                              float(confidence)))

        edge_rows = _Batch(db, "INSERT INTO edge VALUES (?,?,?,?)")
        link_rows = _Batch(db, "INSERT INTO link VALUES (?,?,?,?,?)")
        eid = 0
        for s, o, p, d in kg.sorted_edges():
            eid += 1
            (si, s_doc), (oi, o_doc) = ids[s], ids[o]
            edge_rows.add((eid, si, p, oi))
            add_evidence(eid, None, d.get("evidence") or [])
            if p in _LINKED and not s_doc and not o_doc and s != o:
                link_rows.add((si, eid, 1, oi, p))
                link_rows.add((oi, eid, 0, si, p))
        edge_rows.flush()
        link_rows.flush()

        lit_rows = _Batch(db, "INSERT INTO literal VALUES (?,?,?,?)")
        lid = 0
        for i, (n, d) in enumerate(kg.sorted_nodes(), start=1):  # numbered as in the node pass
            for p, values in sorted((d.get("literals") or {}).items()):
                for value, evs in sorted(values.items()):
                    lid += 1
                    lit_rows.add((lid, i, p, str(value)))
                    add_evidence(None, lid, evs)
        lit_rows.flush()
        evidence.flush()
        sentence_rows.flush()
        # a node's degree: the distinct nodes it is linked to (read off the adjacency table's key)
        db.execute("UPDATE node SET degree = (SELECT COUNT(DISTINCT b) FROM link WHERE a = node.id) "
                   "WHERE id IN (SELECT DISTINCT a FROM link)")
        db.executescript(INDEXES)
        st = kg.stats()
        classes = [c for (c,) in db.execute("SELECT DISTINCT cls FROM node_class ORDER BY cls")]
        meta = {"format": STORE_FORMAT, "kgraph_version": __version__, "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "triples": 0, "graph_meta": kg.meta, "stats": st, "classes": classes}
        db.executemany("INSERT INTO meta VALUES (?,?)",
                       ((k, json.dumps(v, ensure_ascii=False, default=str)) for k, v in meta.items()))
        db.commit()
        db.execute("ANALYZE")
        db.commit()
    finally:
        db.close()  # synced by _set_triples, which writes last


# ------------------------------------------------------------------ reading
class GraphStore:
    """A read-only handle on a build's store: SQLite for lookups, Oxigraph for SPARQL."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.path = _current_generation(self.folder)
        db_path = self.path / SQLITE_NAME
        if not db_path.is_file():
            raise StoreError(f"{self.path}: store is incomplete ({SQLITE_NAME} missing); run 'kgraph build' again")
        uri = db_path.resolve().as_uri() + "?mode=ro&immutable=1"
        try:
            self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            # read through the OS page cache without copying; the file never changes (immutable)
            self.db.execute("PRAGMA mmap_size = 4294967296")
            self.db.execute("PRAGMA cache_size = -32768")
            self.meta = {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM meta")}
        except (sqlite3.DatabaseError, ValueError) as exc:
            raise StoreError(f"{db_path}: damaged store ({exc}); run 'kgraph build' again") from exc
        if self.meta.get("format") != STORE_FORMAT:
            raise StoreError(f"{db_path}: store format {self.meta.get('format')!r} is not supported by this "
                             f"kgraph (expects {STORE_FORMAT}); run 'kgraph build' again")
        self._rdf: Any = None

    # -- SQL helpers
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from exc

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        try:
            return self.db.execute(sql, params).fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from exc

    def _damaged(self, exc: Exception) -> StoreError:
        return StoreError(f"{self.path / SQLITE_NAME}: damaged or outdated store ({exc}); run 'kgraph build' again")

    @property
    def rdf_path(self) -> Path:
        """The folder of the Oxigraph store (for a process of its own to open); a clear error if the
        build left it out."""
        if not (self.path / RDF_DIR).is_dir():
            raise StoreError(f"{self.path}: this store was built without its SPARQL part (kgraph build "
                             "--no-sparql); run 'kgraph build' again without --no-sparql")
        return self.path / RDF_DIR

    @property
    def rdf(self) -> Any:
        """The Oxigraph store (opened on first use, read-only)."""
        if self._rdf is None:
            import pyoxigraph as ox
            self.rdf_path  # noqa: B018 - raises when the build left it out
            try:
                self._rdf = ox.Store.read_only(str(self.path / RDF_DIR))
            except OSError as exc:
                raise StoreError(f"{self.path / RDF_DIR}: cannot open the RDF store ({exc}); "
                                 "run 'kgraph build' again") from exc
        return self._rdf

    def close(self) -> None:
        self.db.close()
        self._rdf = None

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _current_generation(folder: Path) -> Path:
    folder = Path(folder)
    if folder.is_file():
        raise GraphNotFoundError(not_a_build_folder(folder))
    if not folder.is_dir():
        raise GraphNotFoundError(f"{folder}: no such folder; build a graph first: kgraph build --out {folder}")
    # the store folder is a link into the build's current generation: resolved once, so that this
    # reader keeps to one generation even if a build switches to the next meanwhile
    root = store_root(folder).resolve()
    current = root / "CURRENT"
    if not current.is_file():
        if (folder / "graph.json").is_file():
            raise GraphNotFoundError(f"{folder}: has a graph but no query store (built by an older kgraph); "
                                     f"run 'kgraph build --out {folder}' again")
        raise GraphNotFoundError(f"{folder}: no kgraph build here; run 'kgraph build --out {folder}' first")
    gen = current.read_text(encoding="utf-8").strip()
    if not gen or "/" in gen or "\\" in gen or not (root / gen).is_dir():
        raise StoreError(f"{current}: points to a missing store generation {gen!r}; run 'kgraph build' again")
    return root / gen


def open_store(folder: Path | str) -> GraphStore:
    """Open the store of the build in ``folder`` (the ``--out`` of ``kgraph build``)."""
    try:
        return GraphStore(folder)
    except (StoreError, GraphNotFoundError):
        # a build may be taking over the store/ folder of an older kgraph at this very moment
        # (moved aside for an instant where the system has no atomic exchange): look again once
        if not (Path(folder) / "graph.json").is_file():
            raise
        time.sleep(0.05)
        return GraphStore(folder)
