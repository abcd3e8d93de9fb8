"""Per-document extraction results, kept between builds in ``OUT/.kgraph-cache/``.

An entry is keyed by the document's content hash and the metadata extraction
reads (title, date, publisher, format), under a *version key*: kgraph's
version, :data:`EXTRACTOR_VERSION`, a hash of the reference data files and a
hash of the source of the stages whose output is cached (ingest, extract).
When the version key changes, the whole cache is dropped. A second table
remembers, per input file, its size and modification time and the entries it
gave, so an unchanged file is not even read again.

The cache is one SQLite file: every write is a transaction, so a build killed
midway leaves a consistent cache (the entries written so far stay, and make
the next build faster). Entries are each document's part of the graph
(:class:`CachedPart`) in a fixed JSON layout, zlib-compressed (level 1). The
cache file is data that anyone who can write the output folder can change,
so an entry is never unpickled or evaluated: :func:`decode_part` reads plain
JSON and checks every field's shape and type before it becomes a part, and an
entry that fails the check is treated as missing (the build extracts the
document again and says so once).
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__
from .contracts import DocGraph, EntityPart, Evidence, MeetingPart, StatementPart, TopicPart
from .models import Document

EXTRACTOR_VERSION = "1"  # bump when extraction output changes in a way the source hash cannot see
CACHE_DIR = ".kgraph-cache"
_DB_NAME = "cache.sqlite"
_SCHEMA = 2  # 2: entries are JSON (1 was pickle: a pickled cache is a clean miss)
_PKG = Path(__file__).resolve().parent
# the code whose output is cached: reading, extraction and each document's graph part (resolve.doc_graph)
_CACHED_SOURCES = ("ingest", "extract", "models.py", "text.py", "refdata.py", "cache.py", "resolve.py", "graph.py", "contracts.py")


def _hash_files(h, files: Iterable[Path], base: Path) -> None:
    for f in sorted(files):
        try:
            data = f.read_bytes()
        except OSError:
            continue
        h.update(str(f.relative_to(base)).encode() + b"\0" + hashlib.sha256(data).digest())


@lru_cache(maxsize=1)
def reference_hash() -> str:
    """sha256 over the reference data files (names and contents), once per process, like
    :func:`~kgraph.refdata.load_reference` reads them once."""
    from .resources import reference_dir

    d = reference_dir()
    h = hashlib.sha256()
    _hash_files(h, (f for f in d.rglob("*") if f.is_file()), d)
    return h.hexdigest()


@lru_cache(maxsize=1)
def source_hash() -> str:
    """sha256 over the source files of the cached stages (once per process: the code it runs)."""
    h = hashlib.sha256()
    files: list[Path] = []
    for name in _CACHED_SOURCES:
        p = _PKG / name
        files.extend(p.rglob("*.py") if p.is_dir() else [p])
    _hash_files(h, files, _PKG)
    return h.hexdigest()


def version_key() -> str:
    """What every cache entry depends on besides its document."""
    parts = f"{__version__}|{EXTRACTOR_VERSION}|{_SCHEMA}|{reference_hash()}|{source_hash()}"
    return hashlib.sha256(parts.encode()).hexdigest()[:32]


def entry_key(doc: Document) -> str:
    """Cache key of one document's extraction: its text hash and the metadata extraction reads.
    (File name and path are not part of it: a renamed file is still a hit.)"""
    meta = f"{doc.id}|{doc.format}|{doc.title or ''}|{doc.published or ''}|{doc.publisher_hint or ''}"
    return hashlib.sha256(meta.encode("utf-8")).hexdigest()


_PREFIX_HEX = 16  # hex digits of a key that :class:`KnownKeys` keeps (64 bits)


class KnownKeys:
    """Which entries a cache holds, as workers ask it ("is this document's extraction cached?"):
    the first 64 bits of each key in a sorted array, 8 bytes a key where a set of the keys took
    about 150, and sent to every worker of a build (a Dask worker included) as one block of bytes.

    A key that shares its first 64 bits with a cached one and is not cached itself (about one
    chance in 10^13 for a document of a build with a million entries) is answered "cached": the
    build then finds no entry and extracts the document itself, as for an unusable entry."""

    __slots__ = ("_prefixes",)

    def __init__(self, prefixes: array | None = None) -> None:
        self._prefixes = prefixes if prefixes is not None else array("Q")

    @classmethod
    def of(cls, keys: Iterable[str]) -> "KnownKeys":
        """From keys in any order (those that are not lowercase hex are left out: no key of this
        cache has that form, so none can be asked for)."""
        return cls(array("Q", sorted({p for p in map(_prefix, keys) if p is not None})))

    def __contains__(self, key: object) -> bool:
        p = _prefix(key) if isinstance(key, str) else None
        if p is None:
            return False
        a = self._prefixes
        i = bisect_left(a, p)
        return i < len(a) and a[i] == p

    def __len__(self) -> int:
        return len(self._prefixes)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_known_keys_from_bytes, (self._prefixes.tobytes(),))


def _known_keys_from_bytes(data: bytes) -> KnownKeys:
    a = array("Q")
    a.frombytes(data)
    return KnownKeys(a)


_HEX_KEY = re.compile(r"[0-9a-f]{16}")


def _prefix(key: str) -> int | None:
    head = key[:_PREFIX_HEX]
    return int(head, 16) if _HEX_KEY.fullmatch(head) else None


class CachedPart(NamedTuple):
    """A cache entry: a document's graph part and the file it was last read from."""

    file_name: str
    path: str
    part: DocGraph


class InvalidEntry(ValueError):
    """A cache entry that is not a part this kgraph wrote (damaged, old or crafted)."""


_TAG = "kgraph-part"
_LAYOUT = 2  # of the JSON below (2: meetings carry the evidence of each part); a change also changes cache.py's source hash, hence the version key
_MAX_ENTRY_BYTES = 256 << 20  # decompressed; a document's part is ~17 KB (a zlib bomb is a miss, not a crash)
_ATTR_KEYS = frozenset(("scbCode", "wikidata", "organisationNumber", "abbreviation", "county"))
# a node id becomes part of an IRI: no spaces, controls or characters an IRI may not contain
_NOT_IN_NODE_ID = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]').search
# a lone surrogate (\ud800-\udfff) escaped in the JSON text: the outputs could not encode it as UTF-8
_SURROGATE = re.compile(r'(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F]').search
# dates become xsd:date literals: an ISO date or nothing
_DATE = re.compile(r"(?:\d{4}-\d{2}-\d{2})?").fullmatch
_new = tuple.__new__  # builds a NamedTuple from checked fields without its Python-level __new__
_STR = {str}


def encode_part(file_name: str, path: str, part: DocGraph) -> bytes:
    """A document's part as the cache stores it (and workers send it to the build process).

    One JSON array, compressed: ``[tag, layout, file name, path, doc id, title, published, format,
    publisher, strings, evidence, entities, statements, topics, meetings]``. ``evidence`` holds each
    distinct Evidence record once, as ``[doc, start, end, sentence, rule, confidence]`` with doc,
    sentence and rule indexes into ``strings``; the parts refer to records by index. So a sentence
    or a record shared by several statements is stored, and later held in memory, once."""
    strings: dict[str, int] = {}
    records: dict[Evidence, int] = {}

    def ix(text: str) -> int:
        i = strings.get(text)
        if i is None:
            i = strings[text] = len(strings)
        return i

    def ev(e: Evidence) -> int:
        i = records.get(e)
        if i is None:
            i = records[e] = len(records)
        return i

    entities = [[x.key, x.cls, x.label, x.alt_labels, x.attrs, [ev(e) for e in x.evidence]] for x in part.entities]
    statements = [[x.subject, x.predicate, x.object, x.literal, ev(x.evidence)] for x in part.statements]
    topics = [[x.node, x.label, x.alt_labels, x.en_label, x.broader, [ev(e) for e in x.mentions], ev(x.first)]
              for x in part.topics]
    meetings = [[x.node, x.kind, x.status, x.date, x.trigger, ev(x.evidence), x.participants, x.location, x.topics,
                 [ev(e) for e in x.participant_evidence],
                 None if x.location_evidence is None else ev(x.location_evidence),
                 [ev(e) for e in x.topic_evidence]]
                for x in part.meetings]
    evidence = [[ix(e.doc), e.start, e.end, ix(e.sentence), ix(e.rule), e.confidence] for e in records]
    data = [_TAG, _LAYOUT, file_name, path, part.doc_id, part.title, part.published, part.format, part.publisher,
            list(strings), evidence, entities, statements, topics, meetings]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False, allow_nan=False)
    return zlib.compress(text.encode("utf-8"), 1)


def decode_part(blob: bytes) -> CachedPart:
    """The part :func:`encode_part` wrote, checked field by field; :class:`InvalidEntry` for
    anything else. Nothing in the entry is executed: it is JSON, read into tuples of str, int,
    float, bool and None, and only the shapes ``encode_part`` writes are accepted."""
    try:
        inflate = zlib.decompressobj()
        raw = inflate.decompress(blob, _MAX_ENTRY_BYTES)
        if inflate.unconsumed_tail or not inflate.eof:
            raise InvalidEntry("truncated, or larger than the limit")
        text = raw.decode("utf-8")
        if "\\u" in text and _SURROGATE(text):  # encode_part escapes only control characters
            raise InvalidEntry("a lone surrogate in a string")
        data = json.loads(text, parse_constant=_no_constant)
    except InvalidEntry:
        raise
    except (zlib.error, TypeError, ValueError, RecursionError) as exc:
        raise InvalidEntry(f"not a compressed JSON entry ({type(exc).__name__})") from None
    try:
        return _decode(data)
    except InvalidEntry:
        raise
    except (TypeError, ValueError, IndexError, KeyError) as exc:  # wrong arity, an index out of range ...
        raise InvalidEntry(f"not a part of this kgraph ({type(exc).__name__})") from None


def _no_constant(name: str) -> None:
    raise InvalidEntry(f"{name} is not a value a part holds")


def _bad(what: str) -> InvalidEntry:
    return InvalidEntry(f"bad {what}")


def _list(x: Any, what: str) -> list[Any]:
    if type(x) is not list:
        raise _bad(what)
    return x


def _strs(x: Any, what: str) -> tuple[str, ...]:
    if type(x) is not list or (x and not set(map(type, x)) <= _STR):
        raise _bad(what)
    return tuple(x)


def _record(records: list[Evidence], i: Any) -> Evidence:
    if type(i) is not int or i < 0:
        raise _bad("evidence reference")
    return records[i]  # IndexError past the end


def _records(records: list[Evidence], x: Any) -> tuple[Evidence, ...]:
    if type(x) is not list:
        raise _bad("evidence references")
    for i in x:
        if type(i) is not int or i < 0:
            raise _bad("evidence reference")
    return tuple([records[i] for i in x])


def _evidence_table(strings: list[str], rows: Any) -> list[Evidence]:
    out = []
    for row in _list(rows, "evidence"):
        if type(row) is not list or len(row) != 6:
            raise _bad("evidence")
        d, start, end, si, ri, c = row
        if not (type(d) is int and type(si) is int and type(ri) is int and d >= 0 and si >= 0 and ri >= 0
                and (start is None or (type(start) is int and start >= 0))
                and (end is None or (type(end) is int and end >= 0))
                and type(c) is float and 0.0 <= c <= 1.0):
            raise _bad("evidence")
        out.append(_new(Evidence, (strings[d], start, end, strings[si], strings[ri], c)))
    return out


def _decode(data: Any) -> CachedPart:
    if type(data) is not list or len(data) != 15 or data[0] != _TAG or data[1] != _LAYOUT:
        raise InvalidEntry("not a part of this kgraph")
    (_, _, file_name, path, doc_id, title, published, fmt, publisher, strings, evidence,
     ents, stmts, tops, meets) = data
    for x in (file_name, path, doc_id, title, published, fmt):
        if type(x) is not str:
            raise _bad("document field")
    if publisher is not None and type(publisher) is not str:
        raise _bad("publisher")
    if not _DATE(published):
        raise _bad("date")
    records = _evidence_table(list(_strs(strings, "string table")), evidence)
    nodes: list[str] = [doc_id]  # every node id, checked at the end in one pass
    entities = []
    for x in _list(ents, "entities"):
        key, cls, label, alt, attrs, evs = x  # ValueError or TypeError if not a list of six
        if type(x) is not list or type(label) is not str or type(attrs) is not dict \
                or (attrs and (not _ATTR_KEYS.issuperset(attrs) or not set(map(type, attrs.values())) <= _STR)):
            raise _bad("entity")
        nodes.append(key)
        entities.append(_new(EntityPart, (key, _strs(cls, "entity classes"), label, _strs(alt, "alternative labels"),
                                          attrs, _records(records, evs))))
    statements = []
    for x in _list(stmts, "statements"):
        s, p, o, lit, e = x
        if type(x) is not list or type(lit) is not bool or type(o) is not str:
            raise _bad("statement")
        nodes += (s, p) if lit else (s, p, o)
        statements.append(_new(StatementPart, (s, p, o, lit, _record(records, e))))
    topics = []
    for x in _list(tops, "topics"):
        node, label, alt, en_label, broader, mentions, first = x
        if type(x) is not list or type(label) is not str or type(en_label) is not str or type(broader) is not str:
            raise _bad("topic")
        nodes.append(node)
        topics.append(_new(TopicPart, (node, label, _strs(alt, "topic labels"), en_label, broader,
                                       _records(records, mentions), _record(records, first))))
    meetings = []
    for x in _list(meets, "meetings"):
        node, kind, status, date, trigger, e, participants, location, mtopics, pevs, levs, tevs = x
        if type(x) is not list or not (type(kind) is str and type(status) is str and type(date) is str
                                       and type(trigger) is str and _DATE(date)):
            raise _bad("meeting")
        participants, mtopics = _strs(participants, "participants"), _strs(mtopics, "meeting topics")
        pev, tev = _records(records, pevs), _records(records, tevs)
        if len(pev) not in (0, len(participants)) or len(tev) not in (0, len(mtopics)):
            raise _bad("meeting evidence")
        nodes += (node, *participants, *mtopics)
        if location is not None:
            nodes.append(location)
        meetings.append(_new(MeetingPart, (node, kind, status, date, trigger, _record(records, e), participants,
                                           location, mtopics, pev,
                                           None if levs is None else _record(records, levs), tev)))
    # node ids are strings (join raises TypeError otherwise), none empty, none with a character
    # that would end or break an IRI
    if "" in nodes or _NOT_IN_NODE_ID("".join(nodes)):
        raise _bad("node id")
    part = _new(DocGraph, (doc_id, title, published, fmt, publisher, tuple(entities), tuple(statements),
                           tuple(topics), tuple(meetings)))
    return CachedPart(file_name, path, part)


@dataclass(frozen=True)
class FileState:
    """What the cache remembers about one input file."""

    size: int
    mtime_ns: int
    given: str  # the path as it was given then (documents carry it)
    keys: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]  # (where, reason) inside a corpus file


class ExtractionCache:
    """The cache of one output folder. Use as a context manager."""

    def __init__(self, out: Path, version: str | None = None) -> None:
        self.folder = Path(out) / CACHE_DIR
        self.version = version or version_key()
        self._db: sqlite3.Connection | None = None
        self._pending_entries: list[tuple[str, bytes]] = []
        self._pending_files: list[tuple] = []
        self._used: list[tuple[str]] = []  # keys noted by use(), not yet in the used_keys table
        self._used_lost = False  # a note could not be written: prune must not run
        self._flushed = time.monotonic()

    def __enter__(self) -> "ExtractionCache":
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(commit=True)

    def open(self, reset: bool = False) -> None:
        """Open the cache; start it afresh if ``reset``, damaged, or of another version."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / _DB_NAME
        if not reset:
            try:
                self._db = self._connect(path)
                row = self._db.execute("SELECT value FROM meta WHERE name='version'").fetchone()
                if row is not None and row[0] == self.version:
                    return
            except sqlite3.DatabaseError:  # a damaged cache is thrown away, never an error
                pass
            if self._db is not None:
                self._db.close()
                self._db = None
        self._remove(path)  # a new file: faster than deleting rows, and the space comes back
        self._db = self._connect(path)
        self.clear()

    @staticmethod
    def _remove(path: Path) -> None:
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            try:
                p.unlink()
            except FileNotFoundError:
                pass

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=60, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript("""
            CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, data BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,
                                              given TEXT, keys TEXT, skipped TEXT);
        """)
        return db

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("cache is not open")
        return self._db

    def clear(self) -> None:
        """Drop every entry (``--rebuild``, or a new version key)."""
        self._pending_entries.clear()
        self._pending_files.clear()
        with self._transaction():
            self.db.execute("DELETE FROM entries")
            self.db.execute("DELETE FROM files")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (self.version,))

    def _transaction(self):
        db = self.db

        class _Tx:
            def __enter__(self_inner):
                db.execute("BEGIN IMMEDIATE")

            def __exit__(self_inner, exc_type, *rest):
                db.execute("COMMIT" if exc_type is None else "ROLLBACK")
        return _Tx()

    def keys(self) -> KnownKeys:
        """The entries' keys, read in the order of the table's key index (hex keys sort as their
        numbers), so that no set of them is ever made."""
        a = array("Q")
        last, in_order = -1, True
        try:
            for (head,) in self.db.execute("SELECT substr(key, 1, ?) FROM entries ORDER BY key", (_PREFIX_HEX,)):
                p = _prefix(head)
                if p is not None:
                    in_order = in_order and p >= last
                    last = p
                    a.append(p)
        except sqlite3.Error:  # a damaged cache is an empty one
            return KnownKeys()
        return KnownKeys(a if in_order else array("Q", sorted(a)))

    def files(self, max_bytes: int | None = None) -> dict[str, FileState]:
        """What the cache remembers of each input file. What a file yields depends on the size
        limit (``--max-bytes``: a file, line or message over it is skipped): states remembered
        under another limit than ``max_bytes`` are forgotten first (their files are read again;
        their documents' entries stay)."""
        out: dict[str, FileState] = {}
        try:
            if max_bytes is not None:
                self._files_under(max_bytes)
            rows = self.db.execute("SELECT * FROM files").fetchall()
        except sqlite3.Error:
            return out
        for path, size, mtime, given, keys, skipped in rows:
            try:
                out[path] = FileState(size, mtime, given, tuple(json.loads(keys)),
                                      tuple(tuple(s) for s in json.loads(skipped)))
            except (ValueError, TypeError):
                continue
        return out

    def _files_under(self, max_bytes: int) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE name='max_bytes'").fetchone()
        if row is None or row[0] != str(max_bytes):
            with self._transaction():
                self.db.execute("DELETE FROM files")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('max_bytes', ?)", (str(max_bytes),))

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        keys = list(dict.fromkeys(keys))
        found: dict[str, bytes] = {}
        for i in range(0, len(keys), 500):
            batch = keys[i:i + 500]
            q = "SELECT key, data FROM entries WHERE key IN (" + ",".join("?" * len(batch)) + ")"
            try:
                found.update(self.db.execute(q, batch).fetchall())
            except sqlite3.Error:  # missing entries are extracted again
                pass
        return found

    def put(self, key: str, blob: bytes) -> None:
        self._pending_entries.append((key, blob))
        if len(self._pending_entries) >= 2000 or time.monotonic() - self._flushed > 5:
            self.flush()

    def put_file(self, path: str, state: FileState) -> None:
        self._pending_files.append((path, state.size, state.mtime_ns, state.given, json.dumps(state.keys),
                                    json.dumps(state.skipped, ensure_ascii=False)))

    def forget_file(self, path: str) -> None:
        self.flush()
        try:
            self.db.execute("DELETE FROM files WHERE path=?", (path,))
        except sqlite3.Error:
            pass

    def flush(self) -> None:
        if not (self._pending_entries or self._pending_files):
            return
        try:
            with self._transaction():
                self.db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", self._pending_entries)
                self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", self._pending_files)
        except sqlite3.Error:  # disk full, locked too long: the build goes on, this part is not cached
            pass
        self._pending_entries.clear()
        self._pending_files.clear()
        self._flushed = time.monotonic()

    def use(self, key: str) -> None:
        """Note that the build uses entry ``key`` (:meth:`prune` keeps it). Notes go to a temporary
        table of this connection, on disk: a million documents' keys are not held in memory."""
        self._used.append((key,))
        if len(self._used) >= 4096:
            self._note_used()

    def _note_used(self) -> None:
        try:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS used_keys (key TEXT PRIMARY KEY)")
            self.db.executemany("INSERT OR IGNORE INTO used_keys VALUES (?)", self._used)
        except sqlite3.Error:
            self._used_lost = True
        self._used.clear()

    def prune(self, used_paths: Iterable[str]) -> None:
        """Keep only the entries given to :meth:`use` since the cache was opened, and the files of
        ``used_paths``: what the build just written used. Nothing is removed if a note was lost."""
        self.flush()
        self._note_used()
        if self._used_lost:
            return
        try:
            self._prune(used_paths)
        except sqlite3.Error:
            pass

    def _prune(self, used_paths: Iterable[str]) -> None:
        with self._transaction():
            db = self.db
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used_paths (path TEXT PRIMARY KEY)")
            db.execute("DELETE FROM used_paths")
            db.executemany("INSERT OR IGNORE INTO used_paths VALUES (?)", ((p,) for p in used_paths))
            db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM used_keys)")
            db.execute("DELETE FROM files WHERE path NOT IN (SELECT path FROM used_paths)")

    def close(self, commit: bool = True) -> None:
        if self._db is None:
            return
        try:
            if commit:
                self.flush()
        except sqlite3.Error:  # a cache that cannot be written (disk full) costs speed, never the build
            pass
        finally:
            self._db.close()
            self._db = None
