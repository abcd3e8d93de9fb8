"""At 10,000 documents the build keeps its promises: an incremental rebuild reads only what
changed and writes what a cold build writes, byte for byte; a build killed while it writes its
outputs leaves the previous ones; the next build cleans up after it.

Synthetic documents of the genre (benchmarks/gen_corpus.py: invented local people, real public
bodies). Without the page and the SPARQL part, which add nothing to what is checked here. This
module takes a few minutes; speed is measured by benchmarks/bench_build.py, not here.
"""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kgraph.pipeline import build

REPO = Path(__file__).resolve().parent.parent
N = 10_000
OUTPUTS = ("graph.ttl", "graph.json")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from gen_corpus import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    folder = tmp_path_factory.mktemp("scale") / "corpus"
    generate(folder, N)
    return folder


def digest(out: Path) -> dict[str, str]:
    return {n: hashlib.sha256((out / n).read_bytes()).hexdigest() for n in OUTPUTS}


def quick_build(src: Path, out: Path, **kw):
    return build([src], out, jobs=2, html=False, sparql=False, **kw)


def kill_while_writing(src: Path, out: Path) -> int:
    """Start a build and SIGKILL it once it writes its outputs (its parts merged into the new
    generation's graph core); returns its exit status."""
    before = set(os.listdir(out / ".kgraph"))
    args = ["build", str(src), "--out", str(out), "--jobs", "2", "--no-html", "--no-sparql"]
    proc = subprocess.Popen([sys.executable, "-m", "kgraph", *args], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 900
        while proc.poll() is None and time.time() < deadline:
            new = [out / ".kgraph" / g for g in set(os.listdir(out / ".kgraph")) - before if g.startswith("gen-")]
            if new and any((g / "graph.ttl").exists() or (g / "store").exists() for g in new):
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the build ended before it was killed"
        proc.send_signal(signal.SIGKILL)
        return proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_ten_thousand_documents_incremental_atomic_and_identical(corpus, tmp_path):
    out = tmp_path / "out"
    first = quick_build(corpus, out)
    assert (first.documents, first.extracted, first.skipped) == (N, N, [])

    files = sorted(corpus.rglob("*.txt"))
    # (the corpus has files in several encodings: the additions are ASCII, valid in each)
    for f in files[:3]:  # three documents edited
        f.write_bytes(f.read_bytes() + b"\nMer information kommer senare.\n")
    for f in files[3:5]:  # two removed
        f.unlink()
    for i, f in enumerate(files[5:7]):  # two new
        (f.parent / f"ny-{i}.txt").write_bytes(f.read_bytes() + f"\nBilaga {i} finns hos kansliet.\n".encode())
    time.sleep(2.1)  # older than the cache's 2-second window for files that may still be changing
    second = quick_build(corpus, out)
    assert (second.documents, second.extracted, second.cached) == (N, 5, N - 5)
    after_second = digest(out)

    assert kill_while_writing(corpus, out) == -signal.SIGKILL
    assert digest(out) == after_second  # the killed build left the outputs of the second as they were

    cold = quick_build(corpus, tmp_path / "cold", rebuild=True)
    assert cold.extracted == N
    assert digest(tmp_path / "cold") == after_second  # incremental == cold, byte for byte

    third = quick_build(corpus, out)  # cleans up after the killed build
    assert third.extracted == 0 and digest(out) == after_second
    state = out / ".kgraph"
    assert set(os.listdir(state)) == {"lock", "current", os.readlink(state / "current")}
