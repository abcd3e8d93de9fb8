"""The outputs switch as one: readers see all of the previous build or all of the new one,
whenever a build is killed or fails; one build at a time writes into an output folder."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgraph.outputs as outputs
from kgraph.cli import main
from kgraph.errors import KgraphError
from kgraph.outputs import OUTPUT_NAMES, OutputsBusyError, build_lock
from kgraph.pipeline import build
from kgraph.store import open_store

REPO = Path(__file__).resolve().parent.parent
GENRE = REPO / "tests" / "fixtures" / "genre" / "docs"
OLD_DOC, NEW_DOC = "012_haparanda_civilministern.txt", "016_vara_landsbygdsministern.txt"
OLD, NEW = frozenset({OLD_DOC}), frozenset({OLD_DOC, NEW_DOC})


def documents_seen(out: Path) -> dict[str, frozenset[str] | None]:
    """What a reader finds in each output, by the names of the documents in it (None: missing)."""
    seen: dict[str, frozenset[str] | None] = {}
    try:
        seen["graph.ttl"] = frozenset(re.findall(r'kgo:fileName "([^"]+)"', (out / "graph.ttl").read_text("utf-8")))
    except FileNotFoundError:
        seen["graph.ttl"] = None
    try:
        nodes = json.loads((out / "graph.json").read_text("utf-8"))["nodes"]
        seen["graph.json"] = frozenset(n["file_name"] for n in nodes if n.get("kind") == "document")
    except FileNotFoundError:
        seen["graph.json"] = None
    try:
        page = (out / "graph.html").read_text("utf-8")
        seen["graph.html"] = frozenset(n for n in (OLD_DOC, NEW_DOC) if n in page)
    except FileNotFoundError:
        seen["graph.html"] = None
    try:
        with open_store(out) as g:
            seen["store"] = frozenset(r[0] for r in g.rows("SELECT file_name FROM document"))
    except KgraphError:
        seen["store"] = None
    return seen


def all_of(docs: frozenset[str]) -> dict[str, frozenset[str]]:
    return {name: docs for name in OUTPUT_NAMES}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> tuple[Path, Path]:
    """A build of one document (the 'old' outputs), and the folder with a second document added."""
    root = tmp_path_factory.mktemp("outputs")
    src = root / "src"
    src.mkdir()
    shutil.copy(GENRE / OLD_DOC, src / OLD_DOC)
    out = root / "out"
    build([src], out, jobs=1)
    assert documents_seen(out) == all_of(OLD)
    shutil.copy(GENRE / NEW_DOC, src / NEW_DOC)
    return src, out


def fresh_copy(out: Path, dest: Path, legacy: bool = False) -> Path:
    """A copy of the build in ``out``; ``legacy``: as kgraph wrote it before generations
    (real files and a real store folder at the top, no .kgraph)."""
    shutil.copytree(out, dest, symlinks=True)
    if legacy:
        for name in OUTPUT_NAMES:
            real = (dest / name).resolve()
            (dest / name).unlink()
            (shutil.copytree if real.is_dir() else shutil.copy2)(real, dest / name)
        shutil.rmtree(dest / outputs.STATE_DIR)
    return dest


def leftovers(out: Path) -> list[str]:
    """What is in .kgraph besides the lock, the current link and the generation it points to."""
    state = out / outputs.STATE_DIR
    keep = {"lock", "current", os.readlink(state / "current")}
    return sorted(set(os.listdir(state)) - keep)


def test_outputs_are_links_through_one_current_generation(first_build, tmp_path):
    src, built = first_build
    out = fresh_copy(built, tmp_path / "out")
    build([src], out, jobs=1)
    for name in OUTPUT_NAMES:
        assert os.readlink(out / name) == f".kgraph/current/{name}"
    assert re.fullmatch(r"gen-\d+", os.readlink(out / ".kgraph" / "current"))
    assert documents_seen(out) == all_of(NEW)
    assert leftovers(out) == []  # the previous generation is gone
    assert (out / "graph.ttl").read_bytes().startswith(b"@prefix")  # plain readers read it as before
    build([src], out, jobs=1, html=False)
    assert not os.path.lexists(out / "graph.html") and leftovers(out) == []
    build([src], out, jobs=1)
    assert documents_seen(out)["graph.html"] == NEW


def count_renames(src: Path, out: Path, monkeypatch, sparql: bool = True) -> int:
    calls = []
    for name in ("replace", "rename"):
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda a, b, *k, _real=real, **kw: calls.append(b) or _real(a, b, *k, **kw))
    build([src], out, jobs=1, sparql=sparql)
    monkeypatch.undo()
    return len(calls)


def die_after_rename(n: int) -> None:
    """Make this process die right after its n-th rename (os.replace or os.rename, from 0):
    no clean-up code runs, as with kill -9."""
    calls = [0]
    for name in ("replace", "rename"):
        real = getattr(os, name)

        def dying(a, b, *k, _real=real, **kw):
            _real(a, b, *k, **kw)
            if calls[0] == n:
                os._exit(9)
            calls[0] += 1
        setattr(os, name, dying)


@pytest.mark.parametrize("legacy", [False, True], ids=["generations", "older-kgraph-layout"])
def test_a_build_killed_at_any_rename_leaves_all_old_or_all_new(first_build, tmp_path, monkeypatch, legacy):
    src, built = first_build
    # the forked builds leave out the SPARQL part: Oxigraph's threads, started in this process
    # by earlier builds, do not survive a fork (its renames are not Python's anyway)
    renames = count_renames(src, fresh_copy(built, tmp_path / "count", legacy), monkeypatch, sparql=False)
    assert renames >= 4
    outcomes = []
    for n in range(renames):
        out = fresh_copy(built, tmp_path / f"kill-{n}", legacy)
        pid = os.fork()
        if pid == 0:  # the build, killed right after its n-th rename
            try:
                signal.alarm(120)  # never hang the suite
                die_after_rename(n)
                build([src], out, jobs=1, sparql=False)
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 9, f"the build did not reach rename {n}"
        seen = documents_seen(out)
        assert seen in (all_of(OLD), all_of(NEW)), f"killed at rename {n} of {renames}: {seen}"
        outcomes.append(seen == all_of(NEW))
    assert outcomes[0] is False and outcomes[-1] is True  # the switch is the last rename
    # the next build after a kill finishes the job and leaves nothing behind
    out = tmp_path / f"kill-{renames // 2}"
    build([src], out, jobs=1)
    assert documents_seen(out) == all_of(NEW) and leftovers(out) == []
    assert not [p for p in os.listdir(out) if p.startswith(".kgraph-staging")]


def test_a_failing_rename_leaves_the_previous_outputs_and_says_so(first_build, tmp_path, monkeypatch):
    src, built = first_build
    renames = count_renames(src, fresh_copy(built, tmp_path / "count"), monkeypatch)
    for n in range(renames):
        out = fresh_copy(built, tmp_path / f"fail-{n}")
        calls = [0]
        real = os.replace

        def failing(a, b, *k, **kw):
            calls[0] += 1
            if calls[0] == n + 1:
                raise OSError(5, "Input/output error")
            return real(a, b, *k, **kw)
        monkeypatch.setattr(os, "replace", failing)
        try:
            build([src], out, jobs=1)
            assert documents_seen(out) == all_of(NEW)  # the failure hit a rename that is not ours to fail on
        except KgraphError as exc:
            assert "previous outputs are left as they were" in str(exc)
            assert documents_seen(out) == all_of(OLD), f"rename {n}: {exc}"
            assert leftovers(out) == [], n  # the unfinished generation is removed at once
        finally:
            monkeypatch.undo()


def test_interrupted_after_the_switch_says_the_new_outputs_are_in_place(first_build, tmp_path, monkeypatch):
    src, built = first_build
    out = fresh_copy(built, tmp_path / "out")
    real = outputs.remove_unused
    calls = []

    def interrupted(folder):  # the second call is the tidying after the switch
        calls.append(folder)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(folder)
    monkeypatch.setattr(outputs, "remove_unused", interrupted)
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--jobs", "1"])
    assert r.exit_code == 130
    assert "interrupted after the new outputs" in r.output and "were in place" in r.output
    assert documents_seen(out) == all_of(NEW)


HOLD_LOCK = """
import sys, time
from kgraph.outputs import build_lock
with build_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(120)
"""


def test_a_second_build_into_the_same_folder_is_refused(first_build, tmp_path):
    src, built = first_build
    out = fresh_copy(built, tmp_path / "out")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out)], stdout=subprocess.PIPE, cwd=REPO)
    try:
        assert holder.stdout.readline().strip() == b"held"
        r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--jobs", "1"])
        assert r.exit_code == 1
        assert f"another kgraph build (pid {holder.pid}, started " in r.output
        assert "is writing into this folder" in r.output and "written" not in r.output
        assert documents_seen(out) == all_of(OLD)
    finally:
        holder.kill()
        holder.wait()
    # the kernel let the lock go with the killed process: the next build runs
    build([src], out, jobs=1)
    assert documents_seen(out) == all_of(NEW)


def test_the_lock_holds_within_one_process_too(first_build, tmp_path):
    src, built = first_build
    out = fresh_copy(built, tmp_path / "out")
    with build_lock(out):
        with pytest.raises(OutputsBusyError, match=f"pid {os.getpid()}"):
            build([src], out, jobs=1)
    assert documents_seen(out) == all_of(OLD)
    build([src], out, jobs=1)
    assert documents_seen(out) == all_of(NEW)


@pytest.mark.parametrize("legacy", [False, True], ids=["generations", "older-kgraph-layout"])
def test_a_file_system_without_symbolic_links_is_a_clear_error(first_build, tmp_path, monkeypatch, legacy):
    src, built = first_build
    out = fresh_copy(built, tmp_path / "out", legacy)

    def no_links(*_a, **_k):
        raise OSError(1, "Operation not permitted")
    monkeypatch.setattr(os, "symlink", no_links)
    with pytest.raises(KgraphError, match="cannot make symbolic links in .*previous outputs are left as they were"):
        build([src], out, jobs=1)
    monkeypatch.undo()
    assert documents_seen(out) == all_of(OLD)
    state = out / ".kgraph"
    kept = [p for p in os.listdir(state) if p.startswith(("gen-", ".tmp"))]  # nothing new is left behind
    assert kept == ([] if legacy else [os.readlink(state / "current")])


def test_older_outputs_are_taken_over_without_an_atomic_exchange_too(first_build, tmp_path, monkeypatch):
    src, built = first_build
    out = fresh_copy(built, tmp_path / "out", legacy=True)
    monkeypatch.setattr(outputs, "_exchange", lambda a, b: False)  # e.g. not Linux: two renames for store/
    build([src], out, jobs=1)
    assert documents_seen(out) == all_of(NEW) and leftovers(out) == []
    assert all(os.path.islink(out / name) for name in OUTPUT_NAMES)


# --- graph.json and graph.html in a process of their own ------------------------------------------------------

@pytest.mark.parametrize("workers,sparql,helper", [(1, True, False), (2, True, False), (3, True, True),
                                                   (2, False, True)])
def test_outputs_from_a_core_are_the_same_bytes_with_a_helper_process(sample_build, tmp_path, workers, sparql,
                                                                       helper):
    """With a core left over beside this process and the Oxigraph load (3 cores, or 2 without the
    SPARQL part), write_outputs writes graph.json and graph.html in a process of its own, reading
    the graph core: the same bytes as the build (which wrote them in one process)."""
    import multiprocessing

    from kgraph.diskgraph import DiskGraph
    kg = DiskGraph.open(sample_build.out / ".kgraph" / "current" / "core.sqlite")
    timings: dict[str, float] = {}
    outputs.write_outputs(kg, tmp_path, sparql=sparql, timings=timings, workers=workers)
    for name in ("graph.ttl", "graph.json", "graph.html"):
        assert (tmp_path / name).read_bytes() == (sample_build.out / name).read_bytes(), name
    assert ("write.side_wait" in timings) == helper
    assert {"write.json", "write.html"} <= set(timings)
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("workers", [1, 3])
def test_a_failing_graph_json_fails_the_outputs_as_in_one_process(sample_build, tmp_path, workers):
    """graph.json cannot be written (a folder is in its place): the same error with or without the
    helper process, which is gone afterwards."""
    import multiprocessing

    from kgraph.diskgraph import DiskGraph
    kg = DiskGraph.open(sample_build.out / ".kgraph" / "current" / "core.sqlite")
    (tmp_path / "graph.json").mkdir()
    with pytest.raises(IsADirectoryError):
        outputs.write_outputs(kg, tmp_path, workers=workers)
    assert not multiprocessing.active_children()


# --- a user's own files at the output names ----------------------------------------------------------------------

@pytest.mark.parametrize("name,make", [
    ("store", lambda p: (p.mkdir(), (p / "notes.txt").write_text("mine", encoding="utf-8"))),
    ("graph.json", lambda p: p.write_text('{"nodes": [], "links": []}', encoding="utf-8")),
    ("graph.ttl", lambda p: p.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n", encoding="utf-8")),
    ("graph.html", lambda p: p.write_text("<html><body>my page</body></html>", encoding="utf-8")),
])
def test_a_build_never_replaces_files_kgraph_did_not_write(tmp_path, name, make):
    """A folder or file of the user's at an output name: the build refuses (exit 1), names it,
    and leaves the folder exactly as it was (not even a lock)."""
    out = tmp_path / "out"
    out.mkdir()
    make(out / name)
    before = sorted((str(p.relative_to(out)), p.read_bytes() if p.is_file() else b"") for p in out.rglob("*"))
    res = CliRunner().invoke(main, ["build", str(REPO / "data" / "corpus"), "--out", str(out)])
    assert res.exit_code == 1
    assert f"{out / name}: a " in res.output and "kgraph did not write" in res.output
    after = sorted((str(p.relative_to(out)), p.read_bytes() if p.is_file() else b"") for p in out.rglob("*"))
    assert after == before


def test_outputs_of_a_kgraph_before_generations_are_still_taken_over(first_build, tmp_path):
    """The check can tell kgraph's own outputs: real files as an older kgraph wrote them are adopted."""
    _, built = first_build
    out = fresh_copy(built, tmp_path / "old", legacy=True)
    assert all(not os.path.islink(out / n) for n in OUTPUT_NAMES)
    outputs.check_replaceable(out)  # no error
    build([GENRE / OLD_DOC], out)
    assert all(os.path.islink(out / n) for n in OUTPUT_NAMES)
