"""Work in a process of its own (kgraph.procs.Apart): its result comes back, and so does each
kind of failure, as the error the build reports; a process that dies without a word is named."""
from __future__ import annotations

import errno
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from kgraph.errors import KgraphError
from kgraph.procs import Apart


# the functions the helper runs: importable, as a fresh interpreter needs them
def add(a: int, b: int) -> dict[str, int]:
    return {"sum": a + b, "pid": os.getpid()}


def write_into(path: str) -> None:
    Path(path).write_text("x", encoding="utf-8")


def refuse(message: str) -> None:
    raise KgraphError(message)


def broken_database() -> None:
    raise sqlite3.OperationalError("database disk image is malformed")


def bug() -> None:
    {}["missing"]  # noqa: B018


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def test_the_result_comes_back_from_another_process():
    got = Apart(add, (2, 3), "adding").result()
    assert got["sum"] == 5
    assert got["pid"] != os.getpid()


def test_an_os_error_comes_back_as_one_with_its_file(tmp_path):
    target = tmp_path / "a-folder"
    target.mkdir()
    with pytest.raises(OSError) as info:
        Apart(write_into, (str(target),), "writing").result()
    assert info.value.errno == errno.EISDIR
    assert info.value.filename == str(target)


def test_a_kgraph_error_and_a_database_error_keep_their_kind():
    with pytest.raises(KgraphError, match="the reason"):
        Apart(refuse, ("the reason",), "refusing").result()
    with pytest.raises(sqlite3.Error, match="malformed"):
        Apart(broken_database, (), "reading").result()


def test_a_bug_comes_back_with_its_traceback():
    with pytest.raises(RuntimeError, match=r"(?s)writing the page failed in its process.*KeyError: 'missing'"):
        Apart(bug, (), "writing the page").result()


def test_a_process_killed_without_a_word_is_named():
    with pytest.raises(KgraphError, match=r"writing graph.json: its process was killed by signal 9"):
        Apart(die, (), "writing graph.json").result()


def test_stop_ends_a_process_that_still_runs():
    job = Apart(sleep, (60,), "sleeping")
    t = time.monotonic()
    job.stop()
    assert time.monotonic() - t < 30
    assert not job._proc.is_alive()


def test_ctrl_c_while_the_helper_starts_is_left_to_the_parent():
    """Ctrl-C reaches the whole process group, also a helper still starting its interpreter:
    it ignores it from its first instruction (no traceback, no early death); the build decides."""
    job = Apart(add, (1, 2), "adding")
    os.kill(job._proc.pid, signal.SIGINT)  # at once: the fresh interpreter is still importing
    assert job.result()["sum"] == 3
