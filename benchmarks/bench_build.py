"""Build throughput: documents/s and MB/s at --jobs 1 and 2, peak memory, growth with size.

Makes synthetic corpora (benchmarks/gen_corpus.py: ~3 KB documents of the
genre) of each size under ``--workdir`` (kept between runs), builds each one in
a fresh process per (size, jobs) with an empty cache, then once more with a
warm cache, and prints a table; per-stage seconds show where the time goes
(read, extract and encode are CPU seconds summed over the workers).

    python benchmarks/bench_build.py                          # 1k and 10k at --jobs 1 and 2
    python benchmarks/bench_build.py --sizes 1000,10000,100000 --workdir /var/tmp/kgbench

Targets on a 2-core machine: >= 1,000 documents/s per core, time linear in
size, 100k documents under 4 GB peak memory.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

INGEST = r"""
import json, resource, sys, time
from kgraph.ingest import gather_inputs, read_file
t = time.perf_counter()
paths, skipped = gather_inputs([sys.argv[1]])
t_walk = time.perf_counter() - t
n = nbytes = 0
for p in paths:
    docs, bad = read_file(p)
    n += len(docs)
    nbytes += sum(len(d.text.encode()) for d in docs)
wall = time.perf_counter() - t
print(json.dumps({"documents": n, "seconds": wall, "walk_seconds": t_walk, "text_mb": nbytes / 1e6,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from kgraph.pipeline import build
src, out, jobs, rebuild, sparql = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1", sys.argv[5] == "1"
marks, starts = {}, {}
def progress(stage, done, total):
    if stage not in marks:  # peak memory and clock when each stage starts
        marks[stage] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        starts[stage] = time.perf_counter() - t
t = time.perf_counter()
r = build([src], out, jobs=jobs, rebuild=rebuild, sparql=sparql, progress=progress)
wall = time.perf_counter() - t
ru_self, ru_kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
res = {"seconds": wall, "cpu": ru_self.ru_utime + ru_self.ru_stime + ru_kids.ru_utime + ru_kids.ru_stime,
       "peak_at_stage_mb": marks, "read_phase_seconds": starts.get("graph", wall), "documents": r.documents, "extracted": r.extracted, "cached": r.cached,
       "skipped": len(r.skipped), "timings": r.timings,
       "peak_parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
       "peak_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
       "nodes": r.graph.g.number_of_nodes(), "edges": r.graph.g.number_of_edges()}
res["turtle_mb"] = (Path(out) / "graph.ttl").stat().st_size / 1e6
print(json.dumps(res))
"""


def corpus(workdir: Path, size: int, formats: str) -> tuple[Path, int]:
    from gen_corpus import generate
    folder = workdir / f"corpus-{size}-{formats.replace(',', '_')}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        t = time.perf_counter()
        n = generate(folder, size, formats=tuple(formats.split(",")))
        marker.write_text(str(n))
        print(f"# generated {size} documents ({n / 1e6:.1f} MB) in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return folder, int(marker.read_text())


def _limit_memory() -> None:
    import resource
    gib = int(os.environ.get("KGRAPH_BENCH_MAX_GIB", "16"))
    resource.setrlimit(resource.RLIMIT_AS, (gib << 30, gib << 30))


def run(src: Path, out: Path, jobs: int, rebuild: bool, sparql: bool = True) -> dict:
    r = subprocess.run([sys.executable, "-c", CHILD, str(src), str(out), str(jobs), "1" if rebuild else "0",
                        "1" if sparql else "0"],
                       cwd=REPO, capture_output=True, text=True,
                       preexec_fn=_limit_memory)
    if r.returncode != 0:  # e.g. MemoryError under the memory limit: report it and go on
        last = (r.stderr.strip().splitlines() or ["?"])[-1]
        print(f"# build of {src} at --jobs {jobs} failed ({r.returncode}): {last}", file=sys.stderr)
        return {"failed": f"exit {r.returncode}: {last[:200]}"}
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="kgraph build throughput")
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--formats", default="txt", help="corpus formats, comma-separated (see gen_corpus.py)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kgraph-bench")
    ap.add_argument("--no-warm", action="store_true", help="skip the warm-cache rebuild")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--no-sparql", action="store_true", help="build without the store's SPARQL part (Oxigraph)")
    ap.add_argument("--warm-jobs", default="2", help="jobs values that also get a warm-cache rebuild")
    ap.add_argument("--ingest-only", default="", help="sizes to time reading alone (no extraction), e.g. 100000")
    a = ap.parse_args(argv)
    a.workdir.mkdir(parents=True, exist_ok=True)
    for size in [int(s) for s in a.ingest_only.split(",") if s]:
        src, nbytes = corpus(a.workdir, size, a.formats)
        r = subprocess.run([sys.executable, "-c", INGEST, str(src)], cwd=REPO, capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(r.stderr[-3000:])
        d = json.loads(r.stdout)
        print(f"ingest only, {size:,} documents ({nbytes / 1e6:.0f} MB), 1 process: {d['seconds']:.1f} s "
              f"(walk {d['walk_seconds']:.1f} s), {d['documents'] / d['seconds']:,.0f} docs/s, "
              f"{nbytes / 1e6 / d['seconds']:.1f} MB/s, peak {d['peak_mb']:.0f} MB")
    rows = []
    for size in [int(s) for s in a.sizes.split(",")]:
        src, nbytes = corpus(a.workdir, size, a.formats)
        for jobs in [int(j) for j in a.jobs.split(",")]:
            out = a.workdir / f"out-{size}-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            cold = run(src, out, jobs, True, not a.no_sparql)
            cold.update(size=size, jobs=jobs, mb=nbytes / 1e6, kind="cold")
            rows.append(cold)
            print(json.dumps(cold), file=sys.stderr)
            if not a.no_warm and str(jobs) in a.warm_jobs.split(",") and not cold.get("failed"):
                warm = run(src, out, jobs, False, not a.no_sparql)
                warm.update(size=size, jobs=jobs, mb=nbytes / 1e6, kind="warm")
                rows.append(warm)
                print(json.dumps(warm), file=sys.stderr)
            shutil.rmtree(out, ignore_errors=True)
    print_table(rows)
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1))
    return 0


def _timing_table(rows: list[dict], stages: list[str], extra: list[str], extra_cells) -> None:
    """One row per build: seconds per stage (BuildResult.timings keys), then ``extra_cells(row)``."""
    print("| docs | jobs | cache | " + " | ".join(s.removeprefix("write.") for s in stages) + " | "
          + " | ".join(extra) + " |")
    print("|---:|---:|---|" + "---:|" * (len(stages) + len(extra)))
    for r in rows:
        if r.get("failed"):
            continue
        t = r["timings"]
        print(f"| {r['size']:,} | {r['jobs']} | {r['kind']} | " + " | ".join(f"{t.get(s, 0):.1f}" for s in stages)
              + " | " + " | ".join(extra_cells(r)) + " |")


def print_table(rows: list[dict]) -> None:
    if not rows:
        return
    print("| docs | MB | jobs | cache | seconds | docs/s | MB/s | read+extract phase s (docs/s) | docs per CPU-second "
          "| peak parent MB | peak worker MB | parent MB after read / graph / write |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        if r.get("failed"):
            print(f"| {r['size']:,} | {r['mb']:.1f} | {r['jobs']} | {r['kind']} | failed: {r['failed']} |")
            continue
        dps = r["documents"] / r["seconds"]
        m = r.get("peak_at_stage_mb", {})
        print(f"| {r['size']:,} | {r['mb']:.1f} | {r['jobs']} | {r['kind']} | {r['seconds']:.1f} | {dps:,.0f} | "
              f"{r['mb'] / r['seconds']:.2f} | {r['read_phase_seconds']:.1f} "
              f"({r['documents'] / max(r['read_phase_seconds'], 1e-9):,.0f}) | "
              f"{r['documents'] / r['cpu']:,.0f} | {r['peak_parent_mb']:,.0f} | "
              f"{r['peak_worker_mb']:,.0f} | {m.get('graph', 0):,.0f} / {m.get('write', 0):,.0f} / "
              f"{m.get('done', 0):,.0f} |")
    print()
    print("Per-stage seconds (read/extract/encode: CPU seconds summed over workers; merge: decoding and")
    print("merging in the parent; cache: loading cached results; graph: merging the documents' parts; write: all outputs)")
    _timing_table(rows, ["read", "extract", "encode", "merge", "cache", "graph", "write"], ["extract ms/doc"],
                  lambda r: [f"{1000 * r['timings'].get('extract', 0) / r['extracted']:.1f}" if r["extracted"]
                             else "0.0"])
    print()
    print("Write stage, seconds per output (Oxigraph loads graph.ttl in a thread of its own while SQLite,")
    print("graph.json and graph.html are written: 'wait' is how long the build then waited for it)")
    _timing_table(rows, [f"write.{p}" for p in ("turtle", "sqlite", "json", "html", "oxigraph", "oxigraph_wait")]
                  + ["write"], ["Turtle MB", "nodes", "edges"],
                  lambda r: [f"{r['turtle_mb']:.1f}", f"{r['nodes']:,}", f"{r['edges']:,}"])
    cold = {(r["size"], r["jobs"]): r for r in rows if r["kind"] == "cold" and not r.get("failed")}
    sizes = sorted({s for s, _ in cold})
    if len(sizes) > 1:
        print()
        print("Growth (cold builds): seconds per 1,000 documents")
        for jobs in sorted({j for _, j in cold}):
            per = [f"{s:,}: {1000 * cold[(s, jobs)]['seconds'] / cold[(s, jobs)]['documents']:.1f}"
                   for s in sizes if (s, jobs) in cold]
            print(f"  --jobs {jobs}: " + ", ".join(per))


if __name__ == "__main__":
    sys.exit(main())
