"""Extraction alone: CPU milliseconds per document, in all and step by step.

The build's benchmark (bench_build.py) gives extraction as one figure; this one says where it goes,
so that a change to one step can be measured on its own. It reads ``--docs`` synthetic documents
(benchmarks/gen_corpus.py, ~3 KB each, kept under ``--workdir``) or the files under ``--input``,
extracts each once to warm up, then ``--passes`` times, and prints the fastest pass (CPU time of
this process: the least disturbed by other work on the machine), with the share of each step of
kgraph.extract.pipeline.STEPS and the scans kgraph.prefilter left out.

    python benchmarks/bench_extract.py                      # 300 synthetic documents, 3 passes
    python benchmarks/bench_extract.py --input ../shared/eval/real/docs --passes 5

Compare two commits by running it in each (checkouts side by side), alternately, more than once:
this machine's speed varies by about 5 % from run to run.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _documents(args: argparse.Namespace) -> list[Any]:
    from kgraph.ingest import read_file

    if args.input:
        files = sorted(p for p in Path(args.input).rglob("*") if p.is_file())
    else:
        from gen_corpus import generate

        folder = args.workdir / f"extract-{args.docs}"
        if not folder.exists():
            generate(folder, args.docs)
        files = sorted(p for p in folder.rglob("*") if p.is_file())
    docs = []
    for f in files:
        docs += read_file(f)[0]
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=300, help="synthetic documents (without --input)")
    ap.add_argument("--input", type=Path, help="a folder of documents to extract instead")
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kgraph-bench")
    args = ap.parse_args(argv)

    from kgraph import prefilter
    from kgraph.extract.pipeline import STEPS
    from kgraph.extract.state import DocState
    from kgraph.refdata import load_reference

    ref = load_reference()
    docs = _documents(args)
    if not docs:
        print("no documents", file=sys.stderr)
        return 1
    asked = [0, 0]  # scans asked for, left out
    may_match = prefilter.may_match

    def counted(pattern: re.Pattern[str], text: str) -> bool:
        ok = may_match(pattern, text)
        asked[0] += 1
        asked[1] += not ok
        return ok

    best: dict[str, float] | None = None
    for k in range(args.passes + 1):
        prefilter.may_match = counted if k == 0 else may_match
        seconds = {s.name: 0.0 for s in STEPS}
        for d in docs:
            st = DocState(d, ref)
            for s in STEPS:
                t = time.process_time()
                s.run(st)
                seconds[s.name] += time.process_time() - t
        if k and (best is None or sum(seconds.values()) < sum(best.values())):
            best = seconds
    prefilter.may_match = may_match
    assert best is not None
    total = sum(best.values())
    n = len(docs)
    size = sum(len(d.text) for d in docs) / n
    print(f"{n} documents, {size:,.0f} characters each on average; fastest of {args.passes} passes")
    print(f"extraction: {total / n * 1000:.2f} ms per document ({n / total:.0f} documents per CPU-second)")
    print(f"scans asked of the prefilter: {asked[0] / n:.0f} per document, {asked[1] / max(asked[0], 1):.0%} left out")
    print("| step | ms per document | share |")
    print("|---|---:|---:|")
    for name, sec in sorted(best.items(), key=lambda x: -x[1]):
        print(f"| {name} | {sec / n * 1000:.2f} | {sec / total:.0%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
