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
(:class:`kgraph.pipeline.CachedPart`), pickled and zlib-compressed (level 1:
a third of the size for ~0.1 ms); an entry that does not load is treated as
missing.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import __version__
from .models import Document

EXTRACTOR_VERSION = "1"  # bump when extraction output changes in a way the source hash cannot see
CACHE_DIR = ".kgraph-cache"
_DB_NAME = "cache.sqlite"
_SCHEMA = 1
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


def dumps(obj: object) -> bytes:
    """Pickled and compressed: what the cache stores and workers send to the build process, which
    holds every document's entry until the graph is merged (17 KB a document raw, 6 KB compressed)."""
    return zlib.compress(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL), 1)


def loads(blob: bytes) -> object | None:
    try:
        return pickle.loads(zlib.decompress(blob))
    except Exception:  # noqa: BLE001 - a stale or damaged entry is a miss, never an error
        return None


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

    def keys(self) -> set[str]:
        try:
            return {k for (k,) in self.db.execute("SELECT key FROM entries")}
        except sqlite3.Error:  # a damaged cache is an empty one
            return set()

    def files(self) -> dict[str, FileState]:
        out: dict[str, FileState] = {}
        try:
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

    def prune(self, used_keys: Iterable[str], used_paths: Iterable[str]) -> None:
        """Keep only the entries and files of the build just written."""
        self.flush()
        try:
            self._prune(used_keys, used_paths)
        except sqlite3.Error:
            pass

    def _prune(self, used_keys: Iterable[str], used_paths: Iterable[str]) -> None:
        with self._transaction():
            db = self.db
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used_keys (key TEXT PRIMARY KEY)")
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used_paths (path TEXT PRIMARY KEY)")
            db.execute("DELETE FROM used_keys")
            db.execute("DELETE FROM used_paths")
            db.executemany("INSERT OR IGNORE INTO used_keys VALUES (?)", ((k,) for k in used_keys))
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
