"""The same input gives the same bytes: two builds of the sample, in this process
and in a fresh one with another hash seed (set iteration order differs)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kgraph.pipeline import build

OUTPUTS = ["graph.ttl", "graph.html"]


@pytest.fixture(scope="module")
def second_build_same_process(tmp_path_factory, sample_corpus_dir):
    out = tmp_path_factory.mktemp("determinism_same_process")
    build([sample_corpus_dir], out)
    return out


@pytest.fixture(scope="module")
def second_build_fresh_process(tmp_path_factory, sample_corpus_dir, repo_root):
    out = tmp_path_factory.mktemp("determinism_fresh_process")
    env = dict(os.environ, PYTHONHASHSEED="4242")
    code = "import sys; from kgraph.pipeline import build; build([sys.argv[1]], sys.argv[2])"
    proc = subprocess.run([sys.executable, "-c", code, str(sample_corpus_dir), str(out)], env=env, cwd=repo_root,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize("name", OUTPUTS)
def test_determinism_same_process_outputs_identical(sample_build, second_build_same_process, name):
    assert (sample_build.out / name).read_bytes() == (second_build_same_process / name).read_bytes()


@pytest.mark.parametrize("name", OUTPUTS)
def test_determinism_fresh_process_outputs_identical(sample_build, second_build_fresh_process, name):
    assert (sample_build.out / name).read_bytes() == (second_build_fresh_process / name).read_bytes()


def test_determinism_build_into_other_folder_mentions_no_folder(sample_build, second_build_same_process):
    # the output folder must not leak into the graph (else two folders give two graphs)
    assert str(second_build_same_process) not in (second_build_same_process / "graph.ttl").read_text("utf-8")


def test_determinism_graph_json_identical(sample_build, second_build_same_process):
    assert (sample_build.out / "graph.json").read_bytes() == (second_build_same_process / "graph.json").read_bytes()
