"""Benchmark: how long the CLI takes to start and answer, on the build of the sample corpus.

Builds data/corpus into a temporary folder (or reads ``--graph DIR``), then runs each command
``--runs`` times in a fresh process and prints the best and the median wall-clock seconds, and the
modules that cost most to import (``python -X importtime``) for the first two commands.

Run: python benchmarks/bench_startup.py [--runs 10] [--graph exports]
Targets (2 shared cores): ``kgraph --version`` < 0.2 s, ``kgraph query show NAME`` < 0.4 s.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def kgraph_command() -> list[str]:
    """The installed ``kgraph`` script beside this Python, else ``python -m kgraph``."""
    script = Path(sys.executable).with_name("kgraph")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kgraph"]


def timed(args: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        out.append(time.perf_counter() - t)
    return out


def top_imports(cli_args: list[str], n: int = 6) -> list[tuple[float, str]]:
    """The ``n`` costliest top-level imports (cumulative seconds) of ``python -X importtime -m kgraph ARGS``."""
    res = subprocess.run([sys.executable, "-X", "importtime", "-m", "kgraph", *cli_args], capture_output=True,
                         text=True, check=True)
    rows = []
    for line in res.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
        if m and len(m.group(2)) <= 2:  # the imports kgraph's modules make, not their children
            rows.append((int(m.group(1)) / 1e6, m.group(3)))
    return sorted(rows, reverse=True)[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--graph", type=Path, default=None, help="a build to read (default: build data/corpus)")
    opts = ap.parse_args()
    kg = kgraph_command()
    with tempfile.TemporaryDirectory() as tmp:
        graph = opts.graph
        if graph is None:
            graph = Path(tmp) / "exports"
            subprocess.run([*kg, "build", str(REPO / "data" / "corpus"), "--out", str(graph), "--jobs", "1"],
                           check=True, stderr=subprocess.DEVNULL, cwd=tmp)
        g = ["--graph", str(graph)]
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "kgraph --version": [*kg, "--version"],
            "kgraph --help": [*kg, "--help"],
            "kgraph query show 'Lena Micko'": [*kg, "query", "show", "Lena Micko", *g],
            "kgraph query meetings --with micko": [*kg, "query", "meetings", "--with", "micko", *g],
            "kgraph query path lisa micko": [*kg, "query", "path", "Lisa Andersson", "micko", *g],
            "kgraph view micko": [*kg, "view", "micko", *g, "--html", os.path.join(tmp, "v.html")],
        }
        print(f"{'command':40} {'best s':>8} {'median s':>9}   ({opts.runs} runs each, fresh processes)")
        for name, args in cases.items():
            secs = timed(args, opts.runs)
            print(f"{name:40} {min(secs):8.3f} {statistics.median(secs):9.3f}")
        for label, args in (("--version", ["--version"]), ("query show", ["query", "show", "Lena Micko", *g])):
            print(f"\ncostliest imports of kgraph {label} (cumulative s, python -X importtime):")
            for secs, mod in top_imports(args):
                print(f"  {secs:6.3f}  {mod}")


if __name__ == "__main__":
    main()
