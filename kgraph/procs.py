"""Work in a process of its own: how a build's helpers start, stop with it, and hand back
a result or an error.

:func:`die_with_parent` makes a helper die with the build (even when the build is killed);
:class:`Apart` runs one function in a fresh interpreter (``spawn``: nothing of the build's
memory is copied or shared, so the memory a process list shows is what it really uses) and
gives back its result, or raises the error it met: an ``OSError`` as an ``OSError`` (the
build names the output it could not write), a :class:`KgraphError` as one, and a process
that ended without a word (killed, out of memory) as a :class:`KgraphError` that says so.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sqlite3
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from .errors import KgraphError


def die_with_parent() -> None:
    """Linux: this process is killed when the one that started it dies (even by SIGKILL),
    instead of running on and failing noisily on a broken pipe."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        parent = os.getppid()
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def as_helper() -> None:
    """Signals for a helper process: Ctrl-C reaches the whole process group, and the parent
    alone stops the build; the parent's own SIGTERM handler (the CLI's) must not run here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent()


@contextlib.contextmanager
def children_ignore_ctrl_c() -> Iterator[None]:
    """Start processes in this block with Ctrl-C ignored from their first instruction: an ignored
    signal stays ignored across fork and exec, and Python leaves it so. (Set only in the process's
    first function, it would leave a window, while a fresh interpreter imports, in which Ctrl-C,
    which reaches the whole process group, prints a child's traceback.) This process ignores
    Ctrl-C only while the processes start; then its handler is back."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; the child sets its own (as_helper)
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _run(fn: Callable[..., Any], args: tuple[Any, ...], conn: Any) -> None:
    """The helper's side: run ``fn(*args)`` and send back ("ok", result) or what went wrong."""
    as_helper()
    try:
        reply: tuple[Any, ...] = ("ok", fn(*args))
    except OSError as exc:
        reply = ("os", exc.errno, exc.strerror or str(exc), exc.filename)
    except sqlite3.Error as exc:
        reply = ("sqlite", str(exc))
    except KgraphError as exc:
        reply = ("kgraph", str(exc))
    except BaseException:  # a bug: its traceback, for the report
        reply = ("bug", traceback.format_exc())
    conn.send(reply)
    conn.close()


class Apart:
    """``fn(*args)`` running in a fresh process from the moment this is made; :meth:`result`
    waits for it, :meth:`stop` ends it early. ``what`` names the work in error messages
    ("writing graph.json and graph.html"). ``fn`` must be importable (a module's function)."""

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], what: str) -> None:
        self.what = what
        ctx = multiprocessing.get_context("spawn")
        self._conn, child_conn = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_run, args=(fn, args, child_conn), name="kgraph-helper", daemon=True)
        with children_ignore_ctrl_c():
            self._proc.start()
        child_conn.close()  # the child's end: once it exits, a read here ends instead of waiting

    def result(self) -> Any:
        """What ``fn`` returned; its error raised here if it failed."""
        try:
            reply = self._conn.recv()
        except EOFError:
            reply = None
        finally:
            self._conn.close()
        self._proc.join()
        if reply is None:
            code = self._proc.exitcode
            how = f"was killed by signal {-code}" if code is not None and code < 0 else f"exited with status {code}"
            raise KgraphError(f"{self.what}: its process {how} before it finished (out of memory?)")
        kind, *rest = reply
        if kind == "ok":
            return rest[0]
        if kind == "os":
            raise OSError(rest[0], rest[1], rest[2]) if rest[2] else OSError(rest[0], rest[1])
        if kind == "sqlite":
            raise sqlite3.OperationalError(rest[0])
        if kind == "kgraph":
            raise KgraphError(rest[0])
        raise RuntimeError(f"{self.what} failed in its process:\n{rest[0]}")

    def stop(self) -> None:
        """End the process if it still runs (the build failed or was interrupted meanwhile)."""
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()
        self._conn.close()
