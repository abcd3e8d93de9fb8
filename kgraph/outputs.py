"""Everything a build writes into its output folder, and how it is switched in as one.

``graph.json`` is the graph as saved by :meth:`kgraph.graph.GraphReader.save`;
``graph.ttl`` the Turtle export; ``store/`` what the read commands open;
``graph.html`` the interactive view. One walk of the graph's statements writes
graph.ttl and, line for line, the N-Quads that the SPARQL store bulk-loads in a
thread of its own (:class:`kgraph.store.NQuadsSpool`) while the Turtle and then
the store's SQLite part are written; graph.json and graph.html follow in the same
process, or, when the build may use a core more than those two take, are written
meanwhile by a process of their own (:class:`kgraph.procs.Apart`) that reads the
graph core (see :func:`write_outputs`).

Layout of an output folder ``OUT``::

    graph.ttl  -> .kgraph/current/graph.ttl     relative symbolic links, made once
    graph.json -> .kgraph/current/graph.json
    graph.html -> .kgraph/current/graph.html    (none after a build without the page)
    store      -> .kgraph/current/store
    .kgraph/current -> gen-7                    the one switch: a symbolic link replaced by rename
    .kgraph/gen-7/                              the four outputs of one build, and its graph core
                                                (core.sqlite, see :mod:`kgraph.diskgraph`) that they
                                                were written from
    .kgraph/lock                                held by the build writing into OUT

A build writes a new generation folder, then replaces ``current`` with one
``rename``. The kernel resolves both links when a file is opened, so every
reader (``cat``, rdflib, the read commands) sees the outputs of one build
whole: all of the previous build until the rename, all of the new one after
it, whatever moment the build is killed. A journal that the next kgraph
command completes or rolls back was the other way; it leaves plain readers a
mixed folder until some kgraph command runs, and a copy of the outputs beside
the journal doubles the disk for nothing.
"""
from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .defaults import VIEW_PAGE
from .diskgraph import DiskGraph
from .errors import KgraphError
from .export import write_graph_turtle
from .gcpolicy import release_free_memory
from .graph import GraphReader
from .io import atomic_output
from .procs import Apart
from .store import STORE_DIR, write_store
from .view import write_html

STATE_DIR = ".kgraph"
CURRENT = "current"
GEN_PREFIX = "gen-"
LOCK_NAME = "lock"
OUTPUT_NAMES = ("graph.ttl", "graph.json", "graph.html", STORE_DIR)
BUILD_OUTPUT_NAMES = (*OUTPUT_NAMES, VIEW_PAGE)  # never read as inputs when OUT is an input folder
LEGACY_STAGING_PREFIX = ".kgraph-staging-"  # staging folders of kgraph before generations
_TMP_PREFIX = ".tmp-"
_GEN_RE = re.compile(re.escape(GEN_PREFIX) + r"(\d+)\Z")


class OutputsBusyError(KgraphError):
    """Another build is writing into the same output folder."""


def write_outputs(kg: GraphReader, out: Path, html: bool = True, sparql: bool = True,
                  timings: dict[str, float] | None = None, workers: int = 1) -> list[Path]:
    """Write every output into ``out`` (the store without its SPARQL part if not ``sparql``);
    ``timings`` (if given) gets seconds per output. ``workers``: the cores the outputs may use.
    This process writes graph.ttl and the store, and Oxigraph loads the SPARQL part in a thread
    beside it (a core of its own for most of the stage); when a core is left over (``workers``
    of 3, or 2 without the SPARQL part) and the graph is a core on disk, graph.json and
    graph.html are written meanwhile by a process of their own that reads the core: the same
    bytes, sooner. (Without a core left over it only slows the others: 785 s against 759 s for
    the outputs of 100k documents on 2 cores, and 0.5 GB more at the peak.)"""
    seconds = timings if timings is not None else {}
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "graph.json", out / "graph.ttl"]

    def turtle_and_nquads(nquads: IO[bytes] | None) -> None:  # one walk of the statements, two syntaxes
        t = time.perf_counter()
        with atomic_output(out / "graph.ttl") as fh:
            write_graph_turtle(kg, fh, nquads=nquads)
        seconds["write.turtle"] = time.perf_counter() - t

    side: Apart | None = None
    if workers >= (3 if sparql else 2) and isinstance(kg, DiskGraph):
        kg.flush()  # the core complete on disk before the other process opens it
        side = Apart(json_and_page, (str(kg.path), str(out), html), "writing graph.json and graph.html")
    if isinstance(kg, DiskGraph):
        kg.keep_walks()  # graph.ttl's walk of the edges kept for the query store's and graph.json's

    def the_rest() -> None:
        if side is not None:
            t = time.perf_counter()
            seconds.update(side.result())
            seconds["write.side_wait"] = time.perf_counter() - t
            return
        seconds.update(_json_and_page(kg, out, html))

    t = time.perf_counter()
    try:
        written.append(write_store(kg, out, rdf=sparql, rdf_source=turtle_and_nquads, alongside=the_rest,
                                   timings=seconds))  # for the read commands
    finally:
        if side is not None:
            side.stop()  # still running only if this process failed or was interrupted
        if isinstance(kg, DiskGraph):
            kg.drop_walks()
    seconds["write.store_and_rest"] = time.perf_counter() - t
    if html:
        written.append(out / "graph.html")
    return written


def _json_and_page(kg: GraphReader, out: Path, html: bool) -> dict[str, float]:
    """graph.json, then graph.html (if ``html``); seconds of each."""
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    kg.save(out / "graph.json")
    seconds["write.json"] = time.perf_counter() - t
    if html:
        release_free_memory()  # what the outputs before the page freed
        t = time.perf_counter()
        write_html(kg, out / "graph.html")
        seconds["write.html"] = time.perf_counter() - t
    return seconds


_SIDE_NODE_CACHE = 2_000  # nodes kept decoded by the helper: as fast as 20,000 for the page, 50 MB less at 10k


def json_and_page(core: str, out: str, html: bool) -> dict[str, float]:
    """:func:`_json_and_page` of the graph core at ``core``, in a process of its own."""
    from .gcpolicy import bulk_gc
    kg = DiskGraph.open(core, cache_size=_SIDE_NODE_CACHE)
    try:
        with bulk_gc():
            return _json_and_page(kg, Path(out), html)
    finally:
        kg.close()


# --- one build at a time ----------------------------------------------------------------------------------


def state_dir(out: Path) -> Path:
    """``OUT/.kgraph``: the generations, the switch and the lock."""
    return Path(out) / STATE_DIR


@contextlib.contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold ``OUT/.kgraph/lock`` while a build runs (an ``flock``: the kernel lets it go when the
    process dies, however). A second build into the same folder is refused with
    :class:`OutputsBusyError` naming the process that holds it; a folder that cannot be
    written is a :class:`KgraphError` saying so."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock
        yield
        return
    path = state_dir(out) / LOCK_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise KgraphError(f"{out}: cannot write the outputs ({exc.strerror or exc})") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputsBusyError(f"{out}: another kgraph build {_holder(fd)}is writing into this folder; "
                                   "wait for it to finish, or build into another --out") from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()} {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        except OSError:  # the lock holds without the note (a full disk)
            pass
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)  # no stale process id for the next one to read
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    """'(pid 1234, started 2021-03-25 10:00:00) ' from the lock file, or '' before it is written."""
    try:
        pid, _, started = os.pread(fd, 200, 0).decode("ascii").strip().partition(" ")
    except (OSError, UnicodeDecodeError):
        return ""
    if not pid.isdigit():
        return ""
    return f"(pid {pid}" + (f", started {started}" if started else "") + ") "


# --- generations ------------------------------------------------------------------------------------------


_SIGNATURES = {"graph.ttl": b"https://w3id.org/kgraph/", "graph.html": b"kgraph"}  # in what every kgraph wrote


def _ours(path: Path, name: str) -> bool:
    """Is ``path`` (a real file or folder at an output name) an output of a kgraph build? Told by
    what every kgraph has written at its start."""
    if name == STORE_DIR:
        return path.is_dir() and (path / "CURRENT").is_file()
    if not path.is_file():
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return False
    if name == "graph.json":  # keys sorted: the edges first, each with its evidence
        return head.startswith(b'{"edges": [') and (b'"evidence": [' in head or head.startswith(b'{"edges": [], '))
    return _SIGNATURES[name] in head


def check_replaceable(out: Path) -> None:
    """Refuse to build into ``out`` where a file or folder at an output name (graph.ttl,
    graph.json, graph.html, store) was not written by kgraph: a build replaces what is there,
    and must never delete a user's own data. Links (what a build makes) are replaced, never followed."""
    for name in OUTPUT_NAMES:
        path = out / name
        if os.path.lexists(path) and not os.path.islink(path) and not _ours(path, name):
            what = "folder" if path.is_dir() else "file"
            raise KgraphError(f"{path}: a {what} that kgraph did not write is in the way of the build's "
                              f"{name}; move it away or build into another folder (--out); nothing was changed")


def new_generation(out: Path) -> Path:
    """An empty generation folder for a build to write into (hold :func:`build_lock`). What
    killed builds left behind (unfinished generations, temporary links, old staging
    folders) is removed first."""
    state = state_dir(out)
    state.mkdir(parents=True, exist_ok=True)
    remove_unused(out)
    gen = state / f"{GEN_PREFIX}{_next_number(state)}"
    gen.mkdir()
    return gen


def publish(out: Path, gen: Path) -> None:
    """Make generation ``gen`` the outputs of ``out``.

    First every top-level name becomes a link through ``.kgraph/current`` (the
    outputs of an older kgraph, which wrote real files, are adopted as a
    generation of their own first, so that their readers see no change); then
    ``current`` is switched to ``gen`` with one rename, the only step readers
    can see. A failure before it leaves the previous outputs as they were; the
    tidying after it is best effort (the next build finishes it)."""
    state = state_dir(out)
    _link_names(out, [n for n in OUTPUT_NAMES if os.path.lexists(gen / n)])
    _switch(state, gen.name)
    with contextlib.suppress(OSError):
        for name in OUTPUT_NAMES:
            if os.path.islink(out / name) and not os.path.lexists(gen / name):
                os.unlink(out / name)  # e.g. no graph.html in this build: no link to nothing
        remove_unused(out)


def current_generation(out: Path) -> str | None:
    """The name of the generation ``out`` shows (``gen-N``), or None."""
    try:
        return os.readlink(state_dir(out) / CURRENT)
    except OSError:
        return None


def remove_unused(out: Path) -> None:
    """Remove every generation but the current one, temporary links, and the staging folders
    of older kgraph versions whose build process is gone. Errors are ignored: what is left
    is removed next time."""
    state = state_dir(out)
    keep = current_generation(out)
    with contextlib.suppress(OSError):
        for entry in os.scandir(state):
            if entry.name.startswith(_TMP_PREFIX) or (_GEN_RE.match(entry.name) and entry.name != keep):
                _remove(Path(entry.path))
    with contextlib.suppress(OSError):
        for entry in os.scandir(out):
            if entry.name.startswith(LEGACY_STAGING_PREFIX) and not _pid_alive(_legacy_pid(entry.name)):
                _remove(Path(entry.path))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _legacy_pid(name: str) -> int:
    try:
        return int(name[len(LEGACY_STAGING_PREFIX):].split("-")[0])
    except ValueError:
        return 0


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _next_number(state: Path) -> int:
    numbers = [int(m.group(1)) for m in (_GEN_RE.match(n) for n in os.listdir(state)) if m]
    return max(numbers, default=0) + 1


def _switch(state: Path, gen_name: str) -> None:
    """Point ``state/current`` at ``gen_name``: a new link renamed over the old one (atomic)."""
    tmp = state / f"{_TMP_PREFIX}{CURRENT}-{os.getpid()}"
    _symlink(gen_name, tmp)
    try:
        os.replace(tmp, state / CURRENT)
    except BaseException:
        _remove(tmp)
        raise
    _fsync_dir(state)


def _symlink(target: str, path: Path) -> None:
    """A new symbolic link at ``path`` (whatever was there is removed); a file system without
    them (FAT, some network shares) is an OSError that says what to do."""
    _remove(path)
    try:
        os.symlink(target, path)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot make symbolic links in {path.parent} ({exc.strerror}), and kgraph "
                                 "switches its outputs through them: build into a folder on a file system "
                                 "that has them") from exc


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _link_names(out: Path, names: list[str]) -> None:
    """Make ``OUT/NAME`` a link to ``.kgraph/current/NAME`` for each of ``names`` and for every
    output name that is still a real file or folder, without changing what readers see."""
    state = state_dir(out)
    real = [n for n in OUTPUT_NAMES if os.path.lexists(out / n) and not os.path.islink(out / n)]
    if real and current_generation(out) is None:
        adopted = state / f"{GEN_PREFIX}{_next_number(state)}"
        adopted.mkdir()
        try:
            for name in real:
                _link_copy(out / name, adopted / name)
            _switch(state, adopted.name)
        except BaseException:
            _remove(adopted)
            raise
    for name in dict.fromkeys([*real, *names]):
        _make_link(out, name)


def _link_copy(src: Path, dst: Path) -> None:
    """A copy of a file or folder made of hard links (a real copy where links are not possible)."""
    def link(a: str, b: str) -> None:
        try:
            os.link(a, b)
        except OSError:
            shutil.copy2(a, b)
    if src.is_dir():
        shutil.copytree(src, dst, symlinks=True, copy_function=link)
    else:
        link(str(src), str(dst))


def _make_link(out: Path, name: str) -> None:
    """Replace ``OUT/name`` (missing, a file, a folder or another link) by the link through
    ``current``, in one rename (two, on systems without an atomic exchange, for a folder)."""
    path = out / name
    target = f"{STATE_DIR}/{CURRENT}/{name}"
    with contextlib.suppress(OSError):
        if os.readlink(path) == target:
            return
    tmp = state_dir(out) / f"{_TMP_PREFIX}link-{name}"
    _symlink(target, tmp)
    try:
        if path.is_dir() and not path.is_symlink():
            if not _exchange(tmp, path):  # for a moment there is no OUT/name
                old = state_dir(out) / f"{_TMP_PREFIX}old-{name}"
                os.rename(path, old)
                try:
                    os.replace(tmp, path)
                except BaseException:
                    os.rename(old, path)
                    raise
                tmp = old
        else:
            os.replace(tmp, path)
    finally:
        _remove(tmp)  # the link if it was not moved; the old folder, now under the temporary name


def _exchange(a: Path, b: Path) -> bool:
    """Swap two names in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the
    system or file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))
