"""Builds on a Dask cluster (``--scheduler``, ``--dask local``): a real LocalCluster of two worker
processes on 127.0.0.1 is started here. The outputs must be byte-identical to ``--jobs 1``; a
worker killed mid-build either costs nothing (its task runs again) or stops the build with a clear
error that leaves the previous outputs; a bad document on a worker is named and skipped (exit 3).
Skipped when dask[distributed] is not installed."""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip("distributed")

from kgraph import cluster as cluster_mod  # noqa: E402
from kgraph.cli import main  # noqa: E402
from kgraph.errors import KgraphError, UsageError  # noqa: E402
from kgraph.outputs import current_generation  # noqa: E402
from kgraph.pipeline import _time_budget, _Overtime, build  # noqa: E402

OUTPUTS = ("graph.ttl", "graph.json", "graph.html")


@pytest.fixture(scope="module")
def dask_cluster():
    c = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                 dashboard_address="127.0.0.1:0")
    yield c
    c.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, sample_corpus_dir, repo_root):
    """The sample corpus, the genre fixtures, a JSON Lines corpus (one bad line) in a sub-folder: enough
    inputs for several partitions, with a relative path in the mix."""
    root = tmp_path_factory.mktemp("dask_corpus")
    shutil.copytree(sample_corpus_dir, root / "sample")
    shutil.copytree(repo_root / "tests" / "fixtures" / "genre" / "docs", root / "genre")
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "genre").glob("*.txt"))[:4]]
    lines = [json.dumps({"id": f"n{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    (root / "more").mkdir()
    (root / "more" / "news.jsonl").write_text("\n".join(lines[:2] + ["{not json"] + lines[2:]) + "\n",
                                              encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference_build(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("dask_ref")
    r = build([corpus], out, jobs=1)
    return out, r


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_dask_build_is_byte_identical_to_jobs_1_and_keeps_the_cache(dask_cluster, corpus, reference_build,
                                                                      tmp_path):
    ref_out, ref = reference_build
    out = tmp_path / "out"
    r = build([corpus], out, jobs=2, scheduler=dask_cluster.scheduler_address)
    assert r.documents == ref.documents > 20 and r.extracted == ref.extracted > 0
    assert [str(s) for s in r.skipped] == [str(s) for s in ref.skipped] and len(r.skipped) == 1
    _same_outputs(out, ref_out)
    assert not list((out / ".kgraph").glob(".tmp-parts-*"))  # the part files are gone
    # the second build takes every document from the cache, and changes nothing
    again = build([corpus], out, jobs=2, scheduler=dask_cluster.scheduler_address)
    assert again.extracted == 0 and again.cached >= again.documents
    _same_outputs(out, ref_out)


def test_dask_paths_are_named_as_given_relative_to_the_working_folder(dask_cluster, corpus, tmp_path,
                                                                      monkeypatch):
    """Workers open absolute paths; documents and skipped inputs keep the names the user gave."""
    monkeypatch.chdir(corpus)
    a = build(["more"], tmp_path / "a", jobs=1)
    b = build(["more"], tmp_path / "b", scheduler=dask_cluster.scheduler_address)
    assert [str(s) for s in b.skipped] == [str(s) for s in a.skipped] and len(b.skipped) == 1
    assert all(s.path.startswith("more/") for s in b.skipped)
    _same_outputs(tmp_path / "a", tmp_path / "b")


def test_dask_bad_document_on_a_worker_is_named_and_skipped_exit_3(dask_cluster, corpus, tmp_path):
    src = tmp_path / "in"
    shutil.copytree(corpus / "sample", src)
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    (src / "empty.txt").write_bytes(b"")
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "out"),
                                    "--scheduler", dask_cluster.scheduler_address, "--no-html"])
    assert res.exit_code == 3, res.output
    assert "Traceback" not in res.output
    skipped = [line for line in res.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 2 and any("broken.pdf" in s for s in skipped) and any("empty.txt" in s for s in skipped)
    assert "documents: 5 (skipped 2)" in res.stderr


class _KillOnTask(distributed.WorkerPlugin):
    """Kills the worker process (SIGKILL) when it starts one of kgraph's partitions: once, when
    ``marker`` names a file that does not exist yet (it is made first), else every time."""

    def __init__(self, marker: str | None) -> None:
        self.marker = marker

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing" or not str(key).startswith("kgraph-part-"):
            return
        if self.marker is not None:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                return
        os.kill(os.getpid(), 9)


def test_dask_worker_killed_mid_build_runs_its_task_again(dask_cluster, corpus, reference_build, tmp_path):
    ref_out, _ = reference_build
    marker = tmp_path / "killed"
    with distributed.Client(dask_cluster) as client:
        client.register_plugin(_KillOnTask(str(marker)), name="kgraph-kill-once")
        try:
            r = build([corpus], tmp_path / "out", jobs=2, scheduler=dask_cluster.scheduler_address, cache=False)
        finally:
            client.unregister_worker_plugin("kgraph-kill-once")
        client.wait_for_workers(2, timeout=60)
    assert marker.exists()  # a worker was killed while it ran a partition
    assert r.documents > 20
    _same_outputs(tmp_path / "out", ref_out)


def _set_allowed_failures(dask_scheduler, n):
    previous, dask_scheduler.allowed_failures = dask_scheduler.allowed_failures, n
    return previous


def test_dask_workers_that_keep_dying_stop_the_build_and_leave_the_previous_outputs(dask_cluster, corpus,
                                                                                     reference_build, tmp_path):
    ref_out, _ = reference_build
    out = tmp_path / "out"
    shutil.copytree(ref_out, out, symlinks=True)  # the previous build's outputs
    before = {n: (out / n).read_bytes() for n in OUTPUTS}
    generation = current_generation(out)
    with distributed.Client(dask_cluster) as client:
        previous = client.run_on_scheduler(_set_allowed_failures, n=0)
        client.register_plugin(_KillOnTask(None), name="kgraph-kill-always")
        try:
            res = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--scheduler",
                                            dask_cluster.scheduler_address])
        finally:
            client.unregister_worker_plugin("kgraph-kill-always")
            client.run_on_scheduler(_set_allowed_failures, n=previous)
        client.wait_for_workers(2, timeout=60)
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    assert "Dask workers died while reading" in res.stderr and "previous outputs are left" in res.stderr
    assert current_generation(out) == generation
    assert {n: (out / n).read_bytes() for n in OUTPUTS} == before
    assert not list((out / ".kgraph").glob(".tmp-*"))


def test_dask_local_cluster_from_the_command_line(sample_build, sample_corpus_dir, tmp_path):
    res = CliRunner().invoke(main, ["build", str(sample_corpus_dir), "--out", str(tmp_path / "out"), "--dask",
                                    "local", "--jobs", "2"])
    assert res.exit_code == 0, res.output
    _same_outputs(tmp_path / "out", sample_build.out)


def test_dask_usage_errors(corpus, tmp_path, monkeypatch):
    res = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "o"), "--scheduler", "no such"])
    assert res.exit_code == 2 and "not the address of a Dask scheduler" in res.stderr
    res = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "o"), "--scheduler",
                                    "tcp://127.0.0.1:8786", "--dask", "local"])
    assert res.exit_code == 2 and "not both" in res.stderr
    monkeypatch.setattr(cluster_mod, "CONNECT_TIMEOUT", 1.0)
    with pytest.raises(KgraphError, match="127.0.0.1:9: cannot reach the Dask scheduler"):
        build([corpus / "sample"], tmp_path / "o", scheduler="tcp://127.0.0.1:9")
    assert not (tmp_path / "o" / "graph.ttl").exists()
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)  # as if it were not installed
    with pytest.raises(UsageError, match=r'pip install "kgraph\[dask\]"'):
        build([corpus / "sample"], tmp_path / "o", scheduler="local")


def test_time_budget_holds_in_a_thread_that_is_not_the_main_one():
    """Dask workers run tasks in threads: --max-seconds must stop a document there too, and leave
    nothing pending once the block is over."""
    got: list[str] = []

    def work() -> None:
        try:
            with _time_budget(0.2):
                t = time.monotonic()
                while time.monotonic() - t < 5:
                    sum(range(100))
            got.append("finished")
        except _Overtime:
            got.append("stopped")
        with _time_budget(0.2):
            pass
        time.sleep(0.4)
        got.append("nothing raised later")

    t = threading.Thread(target=work)
    started = time.monotonic()
    t.start()
    t.join(10)
    assert got == ["stopped", "nothing raised later"] and time.monotonic() - started < 3


def test_time_budgets_of_several_threads_stop_only_the_thread_out_of_time():
    """A Dask worker with several threads runs several documents at once: one document out of
    time is stopped, the others, each within its own budget, run to their end, however many
    blocks begin and end meanwhile."""
    got: dict[str, list[str]] = {"slow": [], "quick": []}

    def slow() -> None:
        try:
            with _time_budget(0.3):
                t = time.monotonic()
                while time.monotonic() - t < 5:
                    sum(range(100))
            got["slow"].append("finished")
        except _Overtime:
            got["slow"].append("stopped")

    def quick() -> None:
        t = time.monotonic()
        while time.monotonic() - t < 1.0:
            try:
                with _time_budget(0.5):
                    u = time.monotonic()
                    while time.monotonic() - u < 0.02:
                        sum(range(100))
                got["quick"].append("finished")
            except _Overtime:
                got["quick"].append("stopped")

    threads = [threading.Thread(target=slow), threading.Thread(target=quick)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert got["slow"] == ["stopped"] and time.monotonic() - started < 3
    assert len(got["quick"]) > 10 and set(got["quick"]) == {"finished"}


def test_dask_worker_with_another_kgraph_stops_the_build(dask_cluster, corpus, tmp_path, monkeypatch):
    """Workers compare their version key (kgraph, reference data, code) with the build's."""
    import kgraph.cache
    monkeypatch.setattr(kgraph.cache, "version_key", lambda: "not-this-kgraph")
    with pytest.raises(KgraphError, match="runs another kgraph or other reference data"):
        build([corpus / "sample"], tmp_path / "o", scheduler=dask_cluster.scheduler_address, cache=False)
    assert not (tmp_path / "o" / "graph.ttl").exists()
