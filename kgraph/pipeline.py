"""The build: paths -> documents -> extractions -> per-document graph parts -> graph -> outputs.

``build()`` is the library entry point the CLI wraps.

* Reading, extraction and each document's part of the graph
  (:func:`kgraph.resolve.doc_graph`: plain tuples) run per
  input file, in worker processes with ``jobs > 1``; the build process only
  merges the parts. The result does not depend on ``jobs``: documents are
  collected in input order and merged sorted by file name.
* Per-document results are cached in ``OUT/.kgraph-cache`` (see
  :mod:`kgraph.cache`): a rebuild reads only new or changed files and extracts
  only documents it has not seen; ``rebuild=True`` starts afresh. Entries are
  JSON, checked on reading; one that fails the check is extracted again
  (``BuildResult.cache_unreadable`` counts them, the summary says so once).
* A file that cannot be read is skipped and reported (``BuildResult.skipped``);
  ``strict=True`` stops at the first one instead.
* Outputs are written into a new generation folder inside ``OUT`` and switched
  in with one rename once all are written (see :mod:`kgraph.outputs`), so an
  interrupted or failed build, or one that can read nothing, leaves the
  previous outputs as they were, and readers never see some outputs of one
  build beside some of another. One build at a time writes into ``OUT``.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import shutil
import signal
import sqlite3
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__
from .cache import (CachedPart, ExtractionCache, FileState, InvalidEntry, KnownKeys, decode_part, encode_part,
                    entry_key, source_hash)
from .errors import BuildInterrupted, InputError, KgraphError, NoDocumentsError, UsageError
from .extract.pipeline import extract_document
from .gcpolicy import bulk_gc, tune_for_bulk
from .diskgraph import DiskGraph
from .graph import CORE_PATH, Graph
from .ingest import (DEFAULT_MAX_BYTES, Skipped, corpus_outcome, gather_inputs, read_file, read_jsonl_range,
                     read_mbox, reader_kind, unsupported)
from .ingest.jsonl import split_ranges
from .models import Document
from .outputs import (BUILD_OUTPUT_NAMES, build_lock, check_replaceable, current_generation, new_generation,
                      publish, write_outputs)
from .procs import as_helper, children_ignore_ctrl_c
from .refdata import Reference, load_reference
from .resolve import DocGraph, doc_graph, graph_from_parts
from .text import printable, shown

source_hash()  # the code this process runs is the code just imported, whatever changes on disk later

Progress = Callable[[str, int, int], None]  # (stage, done, total)
_RACY_NS = 2_000_000_000  # a file changed less than 2 s before it was read may change again unseen


class Duplicate(NamedTuple):
    """An input (a file, or ``FILE#N``) whose text is that of an earlier one: it is in the graph
    once, as the document of ``first``."""

    path: str
    first: str

    def __str__(self) -> str:
        return f"{self.path}: same text as {self.first} (one document)"


@dataclass
class BuildResult:
    graph: Graph  # the build's graph core (on disk, in the generation it wrote)
    out: Path
    documents: int
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    extracted: int = 0  # documents extracted in this build
    cached: int = 0  # documents whose extraction came from the cache
    jobs: int = 1
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds (CPU seconds summed over workers)
    html: bool = True
    cache_unreadable: int = 0  # cache entries that failed the check on reading and were extracted again
    # inputs whose text another input (named second) has too: one document, under the other's name
    duplicates: list[Duplicate] = field(default_factory=list)

    def summary(self) -> str:
        st = self.graph.stats()
        extra = []
        if self.duplicates:  # the counts after it are of texts read, which then number more than the documents
            extra.append(f"{st['documents'] + len(self.duplicates)} texts, {len(self.duplicates)} the same as another")
        if self.cached:
            extra.append(f"{self.cached} from cache")
        if self.skipped:
            extra.append(f"skipped {len(self.skipped)}")
        lines = [f"documents: {st['documents']}" + (f" ({', '.join(extra)})" if extra else "")]
        lines.append("entities: " + str(st["entities"]) + " (" +
                     ", ".join(f"{k} {v}" for k, v in st["entities_by_class"].items()) + ")")
        lines.append(f"topics: {st['topics']}  meetings: {st['meetings']}  relations: {st['relations']}")
        for s in self.skipped:
            lines.append(printable(f"skipped {s}"))  # one line each, whatever the file's name holds
        for d in self.duplicates:
            lines.append(printable(f"duplicate {d}"))
        if self.cache_unreadable:
            n = self.cache_unreadable
            lines.append(f"cache: {n} unreadable entr{'y was' if n == 1 else 'ies were'} ignored (damaged, or not "
                         "written by this kgraph) and the document" + ("" if n == 1 else "s") + " extracted again")
        written = [self.out / "graph.ttl"] + ([self.out / "graph.html"] if self.html else [])
        lines.append(f"written: {', '.join(map(str, written))}  ({self.seconds:.2f} s)")
        return "\n".join(lines)


def default_jobs() -> int:
    """All cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# --- work units -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    """One input file: what the cache knows of it, or the tasks that read it. One is kept per
    input file until the build ends: slotted, with the path as a string (a Path object is
    300 bytes more), it is about 400 bytes."""

    index: int
    given: str  # the path as given
    kind: str | None
    abspath: str  # the file's key in the cache (:func:`_file_key`)
    stat: tuple[int, int] | None = None  # (size, mtime_ns) when planned
    fresh: FileState | None = None
    tasks: int = 0

    @property
    def path(self) -> Path:
        return Path(self.given)


Task = tuple[int, str, str, int, int, int]  # (unit index, kind, path, start, end, first line)


class _Located(NamedTuple):
    """Where a document came from, without its text (what the build process needs of it)."""

    id: str
    file_name: str
    path: str


@dataclass
class _TaskResult:
    index: int
    # (cache key, where the document is from, encoded CachedPart); a document whose key the cache
    # held when the build was planned comes back whole, with None, so it can be extracted if need be
    docs: list[tuple[str, _Located | Document, bytes | None]]
    skipped: list[Skipped]
    error: Skipped | None = None
    timings: dict[str, float] = field(default_factory=dict)


_WORKER: dict[str, Any] = {}


DEFAULT_MAX_SECONDS = 60.0
MAX_SECONDS_LIMIT = 1_000_000.0  # 11 days; the interval timer overflows far above (0 is no limit)
OVERTIME = "extraction took longer than"  # how the reason for a document skipped for its time begins
FAILED = "extraction failed"  # how the reason for a document whose extraction raised begins
RETRIED = (OVERTIME, FAILED)  # documents skipped for these are tried again by the next build


class _Overtime(BaseException):
    """A document's extraction ran out of its time (no ``except Exception`` in the extractors stops it)."""


@contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`_Overtime` in the code inside after ``seconds`` (0: no limit). In the main
    thread an interval timer does it; in another (a Dask worker runs its tasks in threads, and a
    program may run a build from one) a timer thread raises it in this one (:func:`_thread_budget`).
    Without interval timers (Windows) there is no limit in the main thread."""
    if not seconds:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with _thread_budget(seconds):
            yield
        return
    if not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise _Overtime

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Budget:
    """One running block of :func:`_thread_budget`: its thread, its deadline, and whether its
    exception was made pending (changed under the watchdog's lock only)."""

    __slots__ = ("ident", "deadline", "fired")

    def __init__(self, ident: int, deadline: float) -> None:
        self.ident, self.deadline, self.fired = ident, deadline, False


class _Watchdog:
    """One thread per process that makes :class:`_Overtime` pending in the threads whose block ran
    out of time. A thread of its own per document (``threading.Timer``) cost its start, about half
    a millisecond of the document's time, and a thread switch; this one sleeps until the earliest
    deadline and is woken only by a block whose deadline comes before the one it waits for."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._running: dict[int, _Budget] = {}  # id(budget) -> budget: one per thread in a block
        self._waits_for = float("inf")  # the deadline the watchdog sleeps until
        self._thread: threading.Thread | None = None

    def add(self, budget: _Budget) -> None:
        with self._cond:
            self._running[id(budget)] = budget
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._watch, name="kgraph-time-budget", daemon=True)
                self._thread.start()
            if budget.deadline < self._waits_for:
                self._cond.notify()

    def end(self, budget: _Budget) -> None:
        """The block is over: its exception can no longer be made pending, and one made pending
        but not yet raised is withdrawn, so none escapes into the code after the block."""
        with self._cond:
            self._running.pop(id(budget), None)  # no longer watched: it cannot fire any more
            if budget.fired:
                _set_async_exc(budget.ident, None)  # NULL: withdrawn if still pending

    def _watch(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for budget in [b for b in self._running.values() if b.deadline <= now]:
                    budget.fired = True
                    del self._running[id(budget)]
                    _set_async_exc(budget.ident, _Overtime)
                self._waits_for = min((b.deadline for b in self._running.values()), default=float("inf"))
                self._cond.wait(None if self._waits_for == float("inf") else self._waits_for - now)


def _set_async_exc(ident: int, exc: type[BaseException] | None) -> None:
    """Make ``exc`` pending in thread ``ident`` (``PyThreadState_SetAsyncExc``; ``None`` withdraws it)."""
    import ctypes
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(exc) if exc else None)


_WATCHDOG = _Watchdog()


@contextmanager
def _thread_budget(seconds: float) -> Iterator[None]:
    """:func:`_time_budget` for a thread that is not the main one: the process's watchdog thread
    makes :class:`_Overtime` pending in this thread (raised at the next bytecode, so a long call
    into C finishes first), unless the block is over by then."""
    budget = _Budget(threading.get_ident(), time.monotonic() + seconds)
    _WATCHDOG.add(budget)
    try:
        yield
    finally:
        _WATCHDOG.end(budget)


def _extract_part(doc: Document, seconds: float) -> DocGraph | Skipped:
    """One document's part of the graph, or why it was skipped: its extraction took more than
    ``seconds``, or raised. An exception there is a bug in kgraph that this document shows; one
    document of a million must not stop the build, so it is named, skipped (exit 3) and tried again
    by the next build, and the reason says where in kgraph it was raised, for the bug report."""
    ref = load_reference()
    try:
        with _time_budget(seconds):
            return doc_graph(extract_document(doc, ref), ref)
    except _Overtime:
        return Skipped(doc.path, f"{OVERTIME} {seconds:g} s (see --max-seconds)")
    except Exception as exc:  # noqa: BLE001 - reported as one line naming the document
        return Skipped(doc.path, f"{FAILED}: {_raised_where(exc)} (a bug in kgraph {__version__}; "
                                 "please report it with this document)")


def _raised_where(exc: BaseException) -> str:
    """``ValueError: message at kgraph/extract/x.py:12``: the exception and the innermost line of
    kgraph's own code it passed through (relative to the package, so no path of this machine)."""
    root = Path(__file__).resolve().parent
    where = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        try:
            rel = Path(frame.filename).resolve().relative_to(root.parent)
        except ValueError:
            continue
        if rel.parts and rel.parts[0] == root.name:
            where = f" at {rel.as_posix()}:{frame.lineno}"
    message = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {message}{where}" if message else f"{type(exc).__name__}{where}"


def _init_worker(known: KnownKeys, max_bytes: int, in_pool: bool,
                 max_seconds: float = DEFAULT_MAX_SECONDS) -> None:
    if in_pool:
        as_helper()  # Ctrl-C and SIGTERM are the parent's to handle; dies with it
    _WORKER.update(known=known, max_bytes=max_bytes, max_seconds=max_seconds, ref=load_reference())
    if in_pool:
        tune_for_bulk()


def _run_task(task: Task, shown_as: str | None = None) -> _TaskResult:
    """Read and extract one task's input. ``shown_as``: the path as the user gave it, when the task
    opens the file by another (a Dask worker opens the absolute path); documents and skipped inputs
    are named by it, as in a build on one machine."""
    index, kind, path_s, start, end, first = task
    path = Path(path_s)
    max_bytes = _WORKER["max_bytes"]
    t0 = time.perf_counter()
    rename = (shown(path_s), shown(shown_as)) if shown_as is not None and shown_as != path_s else None
    try:
        if kind == "jsonl":
            docs, skipped = read_jsonl_range(path, start, end, first, max_bytes)
        elif kind == "mbox":
            docs, skipped = read_mbox(path, max_bytes)
        else:
            docs, skipped = read_file(path, max_bytes)
    except InputError as exc:
        where = _rebase(exc.path, *rename) if rename else exc.path
        return _TaskResult(index, [], [], Skipped(where, exc.problem), {"read": time.perf_counter() - t0})
    if rename:
        docs = [d.model_copy(update={"path": _rebase(d.path, *rename)}) for d in docs]
        skipped = [Skipped(_rebase(s.path, *rename), s.reason) for s in skipped]
    t1 = time.perf_counter()
    out: list[tuple[str, _Located | Document, bytes | None]] = []
    encode_s = 0.0
    for doc in docs:
        key = entry_key(doc)
        if key in _WORKER["known"]:
            out.append((key, doc, None))
            continue
        part = _extract_part(doc, _WORKER["max_seconds"])
        if isinstance(part, Skipped):
            skipped = [*skipped, part]
            continue
        tp = time.perf_counter()
        out.append((key, _Located(doc.id, doc.file_name, doc.path), _pack(doc, part)))
        encode_s += time.perf_counter() - tp
    t2 = time.perf_counter()
    return _TaskResult(index, out, skipped, None, {"read": t1 - t0, "extract": t2 - t1 - encode_s,
                                                   "encode": encode_s})


def _plan(paths: list[Path], cache_files: dict[str, FileState], known: KnownKeys,
          max_bytes: int) -> tuple[list[_Unit], list[Task]]:
    units: list[_Unit] = []
    tasks: list[Task] = []
    now = time.time_ns()
    for i, p in enumerate(paths):
        kind = reader_kind(p)
        unit = _Unit(i, str(p), kind, _file_key(p))
        units.append(unit)
        if kind is None:
            continue
        try:
            st = os.stat(p)
            unit.stat = (st.st_size, st.st_mtime_ns)
        except OSError:
            st = None
        state = cache_files.get(unit.abspath)
        if (st is not None and state is not None and (state.size, state.mtime_ns) == unit.stat
                and now - st.st_mtime_ns > _RACY_NS and all(k in known for k in state.keys)):
            unit.fresh = state
            continue
        if kind == "jsonl" and st is not None and st.st_size > 0:
            try:
                ranges = split_ranges(p)
            except OSError:
                ranges = [(0, st.st_size, 1)]
            for start, end, first in ranges:
                tasks.append((i, kind, str(p), start, end, first))
            unit.tasks = len(ranges)
        else:
            tasks.append((i, kind, str(p), 0, st.st_size if st else 0, 1))
            unit.tasks = 1
    return units, tasks


def _pack(doc: Document, part: DocGraph) -> bytes:
    """A document's part as the cache stores it and workers send it (JSON, see :mod:`kgraph.cache`)."""
    return encode_part(doc.file_name, doc.path, part)


def _file_key(path: Path) -> str:
    """An input file's key in the cache: its absolute path, or, for a name that is not UTF-8
    (which SQLite cannot store), a NUL (in no real path) and the path with backslashes doubled
    and bad bytes escaped, so that no two files share a key."""
    key = os.path.abspath(path)
    return key if shown(key) == key else "\0" + shown(key.replace("\\", "\\\\"))


def _rebase(text: str, old: str, new: str) -> str:
    return new + text[len(old):] if old != new and text.startswith(old) else text


# --- the build --------------------------------------------------------------------------------------------


class PartSpill:
    """Documents' parts on disk from the moment they arrive until they are merged, in (file name,
    document id) order: the build holds none of them in memory (a part is a few KB, a document's
    statements with their evidence; 100,000 of them would be half a gigabyte). One SQLite file
    in the build's generation folder; SQLite sorts it on disk.

    It also answers, from a unique index, the input a document id was first read from: the
    build keeps no dictionary of every document (with the cache keys used, which the cache
    notes on disk, that was about 0.4 KB a document: 400 MB at a million documents)."""

    _SCHEMA = ("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; "
               "CREATE TABLE part(file_name TEXT NOT NULL, doc_id TEXT NOT NULL, path TEXT NOT NULL, "
               "blob BLOB NOT NULL); CREATE UNIQUE INDEX part_doc ON part(doc_id);")

    def __init__(self, path: Path, out: Path) -> None:
        self.path = path
        self.out = out  # named in errors
        self.count = 0  # documents put
        self._rows: list[tuple[str, str, str, bytes]] = []
        self._pending: dict[str, str] = {}  # doc id -> path, of the rows not yet written
        try:
            self._db = sqlite3.connect(str(path))
            self._db.executescript(self._SCHEMA)
        except sqlite3.Error as exc:
            raise self._error(exc) from exc

    def _error(self, exc: Exception) -> KgraphError:
        return KgraphError(f"{self.out}: cannot write the build's working files ({exc}); the previous outputs "
                           "are left as they were")

    def put(self, file_name: str, doc_id: str, path: str, blob: bytes) -> None:
        """A document's part (its id not put before: see :meth:`first_path`)."""
        self._rows.append((file_name, doc_id, path, blob))
        self._pending[doc_id] = path
        self.count += 1
        if len(self._rows) >= 512:
            self._flush()

    def first_path(self, doc_id: str) -> str | None:
        """The path of the input the document ``doc_id`` was put from, or None."""
        got = self._pending.get(doc_id)
        if got is not None:
            return got
        try:
            row = self._db.execute("SELECT path FROM part WHERE doc_id=?", (doc_id,)).fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        return None if row is None else str(row[0])

    def _flush(self) -> None:
        try:
            self._db.executemany("INSERT INTO part VALUES (?,?,?,?)", self._rows)
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        self._rows = []
        self._pending.clear()

    def sorted(self) -> Iterator[tuple[str, str, str, bytes]]:
        """(file name, document id, path, encoded part), sorted by file name and document id."""
        self._flush()
        yield from self._db.execute("SELECT file_name, doc_id, path, blob FROM part ORDER BY file_name, doc_id")

    def remove(self) -> None:
        self._db.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)


@dataclass
class _Collector:
    """Merges per-file results in input order: documents once each, skips, cache writes."""

    cache: ExtractionCache | None
    strict: bool
    started_ns: int
    spill: PartSpill  # the parts, on disk until merged, and which documents there were
    skipped: list[Skipped] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # keys of cache entries that failed the check
    duplicates: list[Duplicate] = field(default_factory=list)
    extracted: int = 0
    cached: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    max_seconds: float = DEFAULT_MAX_SECONDS  # for documents extracted here (see _extract_part)

    def skip(self, s: Skipped) -> None:
        if self.strict:
            raise InputError(s.path, s.reason)
        self.skipped.append(s)

    def add(self, key: str, doc_id: str, file_name: str, path: str, blob: bytes) -> None:
        """A document's encoded part (checked already), from the file at ``path``."""
        if self.cache is not None:
            self.cache.use(key)
        first = self.spill.first_path(doc_id)
        if first is None:
            self.spill.put(file_name, doc_id, path, blob)
        elif first != path:  # the same text twice is one document: the first wins, the other is named
            self.duplicates.append(Duplicate(path, first))

    def parts(self) -> Iterator[tuple[DocGraph, str, str]]:
        """(part, file name, path) of every document, sorted by file name and document id, read
        from the spill one by one. (Encoded parts there were checked when they were taken.)"""
        for file_name, _, path, blob in self.spill.sorted():
            yield decode_part(blob).part, file_name, path

    def cached_part(self, key: str, blob: bytes | None) -> CachedPart | None:
        """The cache's entry for ``key``, or None when there is none or it fails the check (then
        counted once per key, however often it is looked at)."""
        if blob is None:
            return None
        try:
            return decode_part(blob)
        except InvalidEntry:
            self.unreadable.add(key)
            return None

    def from_cache(self, unit: _Unit) -> bool:
        """Take a fresh file's documents from the cache; False if an entry is unusable."""
        state = unit.fresh
        assert state is not None and self.cache is not None
        t0 = time.perf_counter()
        if len(set(state.keys)) < len(state.keys):
            return False  # a corpus file with the same text twice: one entry for both, read it again
        blobs = self.cache.get_many(state.keys)
        found = []
        for key in state.keys:
            entry = self.cached_part(key, blobs.get(key))
            if entry is None:
                return False
            if entry.path != state.given and not entry.path.startswith(state.given + "#"):
                # the entry was last written for another input with the same text: this file's own
                # name is its path (one document per file), or, for a corpus file, read it again
                if unit.kind != "file":
                    return False
                entry = entry._replace(file_name=shown(unit.path.name), path=state.given)
            found.append((key, entry, blobs[key]))
        given = shown(str(unit.path))
        for key, entry, blob in found:
            self.add(key, entry.part.doc_id, entry.file_name, _rebase(entry.path, state.given, given), blob)
            self.cached += 1
        for where, reason in state.skipped:
            self.skip(Skipped(_rebase(where, state.given, given), reason))
        self._time("cache", time.perf_counter() - t0)
        return True

    def from_tasks(self, unit: _Unit, results: list[_TaskResult]) -> None:
        t0 = time.perf_counter()
        docs: list[tuple[str, _Located | Document, bytes | None]] = []
        skipped: list[Skipped] = []
        for r in results:
            for k, v in r.timings.items():
                self._time(k, v)
            if r.error is not None:
                if self.cache is not None:
                    self.cache.forget_file(unit.abspath)
                self.skip(r.error)
                return
            docs.extend(r.docs)
            skipped.extend(r.skipped)
        if unit.kind in ("jsonl", "mbox"):
            try:
                corpus_outcome(unit.path, [d for _, d, _ in docs], skipped)
            except InputError as exc:
                if self.cache is not None:
                    self.cache.forget_file(unit.abspath)
                self.skip(Skipped(exc.path, exc.problem))
                return
        hits = self.cache.get_many(k for k, _, blob in docs if blob is None) if self.cache else {}
        given = shown(str(unit.path))
        for key, doc, blob in docs:
            if blob is None:  # the worker knew the key: take the cached part, for this document's file
                entry = self.cached_part(key, hits.get(key))
                if entry is not None:
                    blob = hits[key]
                    if self.cache is not None and (entry.file_name, entry.path) != (doc.file_name, doc.path) \
                            and (entry.path == given or entry.path.startswith(given + "#")):
                        # the text moved within this file (a line or message added before it): the
                        # entry says where it is now, or the next build, taking it, would name it wrongly
                        blob = encode_part(doc.file_name, doc.path, entry.part)
                        self.cache.put(key, blob)
                    self.add(key, doc.id, doc.file_name, doc.path, blob)
                    self.cached += 1
                    continue
                assert isinstance(doc, Document)
                part = _extract_part(doc, self.max_seconds)
                if isinstance(part, Skipped):
                    skipped.append(part)
                    continue
                blob = _pack(doc, part)
            if self.cache is not None:
                self.cache.put(key, blob)
            self.add(key, doc.id, doc.file_name, doc.path, blob)
            self.extracted += 1
        for s in skipped:
            self.skip(s)
        # a document skipped for its time may take less on a machine less busy, and one whose extraction
        # raised may not with the next version: the file is read again
        if self.cache is not None and unit.stat and self.started_ns - unit.stat[1] > _RACY_NS \
                and not any(s.reason.startswith(RETRIED) for s in skipped):
            self.cache.put_file(unit.abspath, FileState(unit.stat[0], unit.stat[1], shown(str(unit.path)),
                                                        tuple(k for k, _, _ in docs),
                                                        tuple((s.path, s.reason) for s in skipped)))
        self._time("merge", time.perf_counter() - t0)

    def _time(self, stage: str, seconds: float) -> None:
        self.timings[stage] = self.timings.get(stage, 0.0) + seconds


def _start_method() -> str:
    """How worker processes start: forked (quick, and the reference data is shared) while this
    process runs no other thread; otherwise from a fork server, since a child forked while another
    thread holds a lock (a Dask client's, a timer's, a library's) can wait on it forever."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


@contextmanager
def _results(tasks: list[Task], jobs: int, known: KnownKeys, max_bytes: int,
             max_seconds: float = DEFAULT_MAX_SECONDS) -> Iterator[Iterator[_TaskResult]]:
    """Task results in task order, from a process pool or from this process."""
    _init_worker(known, max_bytes, False, max_seconds)  # this process may run tasks too
    try:
        if jobs <= 1 or len(tasks) < 2:
            yield (_run_task(t) for t in tasks)
            return
        ctx = multiprocessing.get_context(_start_method())
        with children_ignore_ctrl_c():  # Ctrl-C is the build's to handle, from the workers' first instruction
            pool = ctx.Pool(processes=min(jobs, len(tasks)), initializer=_init_worker,
                            initargs=(known, max_bytes, True, max_seconds))
        try:
            chunk = max(1, min(32, len(tasks) // (jobs * 16)))
            yield pool.imap(_run_task, tasks, chunksize=chunk)
            pool.close()
        finally:
            pool.terminate()
            pool.join()
    finally:
        _WORKER.clear()


@contextmanager
def _task_results(tasks: list[Task], jobs: int, known: KnownKeys, max_bytes: int, max_seconds: float,
                  scheduler: str | None, out: Path) -> Iterator[Iterator[_TaskResult]]:
    """Task results in task order: from a Dask cluster (``scheduler``), else from :func:`_results`."""
    if scheduler is None or not tasks:
        with _results(tasks, jobs, known, max_bytes, max_seconds) as results:
            yield results
        return
    from . import cluster
    from .outputs import state_dir

    _init_worker(known, max_bytes, False, max_seconds)  # this process may run a task too (a bad cache entry)
    try:
        with cluster.client_for(scheduler, jobs) as client, \
                cluster.dask_results(client, tasks, state_dir(out), known, max_bytes, max_seconds) as results:
            yield results
    finally:
        _WORKER.clear()


def _check_scheduler(scheduler: str | None) -> None:
    """``local``, ``tcp://HOST:PORT`` (or another Dask protocol) or ``HOST:PORT``; else a usage error."""
    if scheduler is None or scheduler == "local":
        return
    if not isinstance(scheduler, str) or not re.fullmatch(r"(?:[a-z][a-z0-9+.-]*://)?(?:\[[0-9a-fA-F:.]+\]|[^\s/:\[\]]+):\d{1,5}/?",
                                                          scheduler):
        raise UsageError(f"--scheduler: '{scheduler}' is not the address of a Dask scheduler; write e.g. "
                         "tcp://10.0.0.5:8786 (or use --dask local)")


_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024 ** 2, "mb": 1024 ** 2,
               "mib": 1024 ** 2, "g": 1024 ** 3, "gb": 1024 ** 3, "gib": 1024 ** 3}


def parse_size(text: str | int) -> int:
    """'50M' -> 52428800; a plain number is bytes. A bad value is a :class:`UsageError`."""
    if isinstance(text, int):
        value = text
    else:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(text))
        unit = m.group(2).lower() if m else ""
        if not m or unit not in _SIZE_UNITS:
            raise UsageError(f"--max-bytes: '{text}' is not a size; write e.g. 500000, 500k, 20M or 1G")
        value = int(float(m.group(1)) * _SIZE_UNITS[unit])
    if value < 1:
        raise UsageError(f"--max-bytes must be at least 1 byte, not {text}")
    return value


def _open_cache(out: Path, rebuild: bool) -> ExtractionCache | None:
    """The output folder's cache (emptied for ``rebuild``); None (a build without cache) if it
    cannot be opened or written."""
    store = ExtractionCache(out)
    try:
        store.open(reset=rebuild)
    except (OSError, sqlite3.Error):
        store.close(commit=False)
        return None
    return store


def _check_options(jobs: int | None, max_bytes: int) -> int:
    jobs = default_jobs() if jobs is None else jobs
    if not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {jobs}")
    if not isinstance(max_bytes, int) or max_bytes < 1:
        raise UsageError(f"--max-bytes must be a positive number of bytes, not {max_bytes}")
    return jobs


def build(inputs: Iterable[Path | str], out: Path | str = "exports", strict: bool = False,
          html: bool = True, *, jobs: int | None = 1, rebuild: bool = False,
          max_bytes: int = DEFAULT_MAX_BYTES, cache: bool = True, sparql: bool = True,
          progress: Progress | None = None, max_seconds: float = DEFAULT_MAX_SECONDS,
          scheduler: str | None = None) -> BuildResult:
    """Build the graph of ``inputs`` (files and folders) into ``out``.

    ``jobs``: worker processes (None: all cores); ``rebuild``: ignore the cache;
    ``max_bytes``: files (and lines or messages of corpus files) over this size
    are skipped; ``max_seconds``: a document whose extraction takes longer is
    skipped (0: no limit; needs interval timers, so none on Windows);
    ``cache``: keep per-document results in ``out/.kgraph-cache``;
    ``sparql``: also load the triples into the store's SPARQL part
    (Oxigraph; the costliest output of a large build, not needed to query with
    ``kgraph query`` or to load graph.ttl elsewhere); ``progress``: called as
    ``progress(stage, done, total)``; ``scheduler``: read and extract on a
    Dask cluster instead of worker processes (:mod:`kgraph.cluster`): the
    address of its scheduler (``tcp://HOST:8786``), or ``"local"`` for a
    cluster of ``jobs`` worker processes on this machine; the outputs are the same.
    Raises :class:`NoDocumentsError` when nothing can be read (outputs untouched)
    and, with ``strict``, :class:`InputError` at the first unreadable input.
    """
    _check_options(jobs, max_bytes)
    _check_scheduler(scheduler)
    if not isinstance(max_seconds, (int, float)) or not 0 <= max_seconds <= MAX_SECONDS_LIMIT:  # NaN too
        raise UsageError(f"--max-seconds must be 0 (no limit) or a number of seconds up to {MAX_SECONDS_LIMIT:,.0f}, "
                         f"not {max_seconds}")
    out = Path(out)
    written: list[Path] = []  # the generation this build wrote, once it is complete
    try:
        check_replaceable(out)  # before anything is made there: nothing of the user's is replaced
        with build_lock(out):  # one build at a time into ``out``
            load_reference()  # loaded before the collector freezes what is alive
            with bulk_gc():  # reference data frozen, few full collections: time stays linear in corpus size
                return _build(inputs, out, strict, html, jobs=jobs, rebuild=rebuild, max_bytes=max_bytes,
                              cache=cache, sparql=sparql, progress=progress, written=written,
                              max_seconds=max_seconds, scheduler=scheduler)
    except KeyboardInterrupt:
        if written and current_generation(out) == written[0].name:
            raise BuildInterrupted(out, switched=True) from None
        raise


def _build(inputs: Iterable[Path | str], out: Path, strict: bool, html: bool, *, jobs: int | None,
           rebuild: bool, max_bytes: int, cache: bool, sparql: bool, progress: Progress | None,
           written: list[Path], max_seconds: float = DEFAULT_MAX_SECONDS,
           scheduler: str | None = None) -> BuildResult:
    t_start = time.perf_counter()
    started_ns = time.time_ns()
    jobs = _check_options(jobs, max_bytes)
    out = Path(out)
    report = progress or (lambda stage, done, total: None)
    paths, missing = gather_inputs(inputs, exclude=[out], outputs=(out, BUILD_OUTPUT_NAMES))
    ref = load_reference()  # before the cache's version key hashes the reference files: the same data
    store = _open_cache(out, rebuild) if cache else None
    try:
        gen = new_generation(out)  # everything this build writes, its temporary files too, is in here
    except OSError as exc:
        if store is not None:
            store.close()
        raise KgraphError(f"{out}: cannot write the outputs ({exc.strerror or exc}); the previous outputs "
                          "are left as they were") from exc
    try:
        spill = PartSpill(gen / SPILL_NAME, out)
        known = store.keys() if store is not None else KnownKeys()
        units, tasks = _plan(paths, store.files(max_bytes) if store is not None else {}, known, max_bytes)
        del paths  # the units hold what is needed of them (about 0.5 KB a file)
        col = _Collector(store, strict, started_ns, spill, max_seconds=max_seconds)
        for s in missing:
            col.skip(s)
        total = sum(1 for u in units if u.fresh) + len(tasks)
        done = 0
        report("read", 0, total)
        with _task_results(tasks, jobs, known, max_bytes, max_seconds, scheduler, out) as results:
            for unit in units:
                if unit.kind is None:
                    col.skip(Skipped(str(unit.path), unsupported(unit.path).problem))
                    continue
                if unit.fresh is not None:
                    done += 1
                    taken = col.from_cache(unit)
                    unit.fresh = None  # what the cache knew of the file need not stay
                    if taken:
                        report("read", done, total)
                        continue
                    # unusable cache entry: read the file here and now
                    size = unit.stat[0] if unit.stat else 0
                    got = [_run_task((unit.index, unit.kind, str(unit.path), 0, size, 1))]
                else:
                    got = [next(results) for _ in range(unit.tasks)]
                    done += unit.tasks
                col.from_tasks(unit, got)
                report("read", done, total)
        had_entries = bool(known)  # the cache had entries before this build
        del tasks, known  # all read: the cached keys need not stay
        if store is not None:
            store.flush()
        if not col.spill.count:
            raise NoDocumentsError("nothing to build: no readable document among the inputs"
                                   + (" (" + "; ".join(str(s) for s in col.skipped[:5])
                                      + ("; ..." if len(col.skipped) > 5 else "") + ")" if col.skipped else ""))
        documents = col.spill.count
        try:
            kg, t0, t1 = write_staged(col, ref, out, gen, html=html, sparql=sparql, report=report, written=written,
                                      workers=min(jobs, default_jobs()))
        except (OSError, sqlite3.Error) as exc:
            note = _drop_cache_of_failed_build(store, had_entries)
            store = None
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise KgraphError(f"{out}: cannot write the outputs ({reason}); the previous outputs "
                              f"are left as they were{note}") from exc
        t2 = time.perf_counter()
        if store is not None:
            store.prune(u.abspath for u in units)
        col.timings.update(graph=t1 - t0, write=t2 - t1)
        report("done", 1, 1)
    except BaseException:
        if current_generation(out) != gen.name:  # not switched in: the space comes back now
            shutil.rmtree(gen, ignore_errors=True)
        raise
    finally:
        if store is not None:
            store.close()
    return BuildResult(kg, out, documents, col.skipped, time.perf_counter() - t_start,
                       extracted=col.extracted, cached=col.cached, jobs=jobs, timings=col.timings, html=html,
                       cache_unreadable=len(col.unreadable), duplicates=col.duplicates)


# --- outputs ----------------------------------------------------------------------------------------------


def _drop_cache_of_failed_build(store: ExtractionCache | None, had_entries: bool) -> str:
    """After a build failed to write its outputs (a full disk, most often): the entries it
    cached must not keep the disk full. A cache this build started is removed whole (all of
    it is this build's); an older one is kept, and the message says its size and how to drop it."""
    if store is None:
        return ""
    store.close(commit=False)
    if not had_entries:
        shutil.rmtree(store.folder, ignore_errors=True)
        return "; the cache entries this build wrote were removed"
    size = sum(f.stat().st_size for f in store.folder.glob("*") if f.is_file())
    return (f"; the cache of earlier builds ({store.folder}) holds {size / 1e6:.1f} MB: remove that folder "
            "to free the space (the next build then extracts every document again)")


CORE_NAME = CORE_PATH.name  # the graph core of a generation (:mod:`kgraph.diskgraph`)
SPILL_NAME = ".parts.sqlite"  # documents' parts until they are merged (:class:`PartSpill`)


def write_staged(col: _Collector, ref: Reference, out: Path, gen: Path, html: bool = True, sparql: bool = True,
                 report: Progress | None = None, written: list[Path] | None = None,
                 workers: int = 1) -> tuple[Graph, float, float]:
    """Merge the collected parts into a graph core on disk in the build's generation folder
    ``gen`` (:func:`kgraph.outputs.new_generation`), write every output from it there, then switch
    the generation in with one rename (:func:`kgraph.outputs.publish`): a failure or kill before
    that leaves the previous outputs untouched, and readers see either them or the new ones,
    whole (the caller removes ``gen`` on failure). ``written`` gets the generation folder once it
    is complete; ``workers``: the cores the outputs may use (:func:`kgraph.outputs.write_outputs`).
    Hold :func:`build_lock`. Returns the graph and when the merge started and ended
    (``time.perf_counter``)."""
    report = report or (lambda stage, done, total: None)
    report("graph", 0, 1)
    t0 = time.perf_counter()
    kg = graph_from_parts(col.parts(), ref, meta={"kgraph_version": __version__}, into=DiskGraph(gen / CORE_NAME))
    col.spill.remove()
    t1 = time.perf_counter()
    report("write", 0, 1)
    write_outputs(kg, gen, html=html, sparql=sparql, timings=col.timings, workers=workers)
    if written is not None:
        written.append(gen)
    publish(out, gen)
    return kg, t0, t1


# --- progress on a terminal -------------------------------------------------------------------------------


@contextmanager
def terminal_progress(enabled: bool) -> Iterator[Progress | None]:
    """A progress bar on stderr (rich) when ``enabled``; else no callback at all.

    The bar refreshes from the callback only (no refresh thread), so worker
    processes can be forked safely while it is shown."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.progress import Progress as RichProgress

    labels = {"read": "reading and extracting", "graph": "building the graph", "write": "writing outputs",
              "done": "done"}
    bar = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True),
                       auto_refresh=False, transient=True)
    state = {"last": 0.0}
    with bar:
        task_id = bar.add_task(labels["read"], total=None)

        def update(stage: str, done: int, total: int) -> None:
            now = time.monotonic()
            final = done >= total or stage != "read"
            if not final and now - state["last"] < 0.1:
                return
            state["last"] = now
            bar.update(task_id, description=labels.get(stage, stage), completed=done, total=total)
            bar.refresh()

        yield update
