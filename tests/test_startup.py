"""Start-up: the quick commands import neither networkx, pyvis nor rdflib (the heavy libraries that made
every command take over a second); checked in a fresh interpreter, as ``kgraph`` runs. The times are
printed by benchmarks/bench_startup.py."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("networkx", "pyvis", "rdflib", "pyoxigraph", "pydantic")
PROBE = """
import json, sys
from kgraph.cli import main
try:
    main(sys.argv[1:], prog_name="kgraph")
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "heavy": sorted({m.split('.')[0] for m in sys.modules} & set(%r))}))
""" % (HEAVY,)


def run_cli(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [
    ("--version",),
    ("--help",),
    ("query", "show", "Lena Micko"),
    ("query", "show", "Lena Mikko"),  # the error path too (close matches)
    ("query", "meetings", "--with", "micko"),
    ("query", "path", "Lisa Andersson", "micko"),
])
def test_quick_commands_do_not_import_heavy_libraries(sample_build, args):
    if args[0] == "query":
        args = (*args, "--graph", str(sample_build.out))
    res = run_cli(*args)
    assert res["code"] in (0, 1)
    assert res["heavy"] == []


def test_the_probe_sees_heavy_imports(sample_build, tmp_path):
    """The check can fail: kgraph validate does load rdflib (pySHACL works on it). kgraph view no
    longer loads pyvis: the page's script file is found without importing it."""
    res = run_cli("validate", "--graph", str(sample_build.out))
    assert res["code"] == 0
    assert "rdflib" in res["heavy"]
    res = run_cli("view", "micko", "--graph", str(sample_build.out), "--html", str(tmp_path / "v.html"))
    assert res["code"] == 0
    assert "pyvis" not in res["heavy"]
