"""Build throughput at --jobs 1, --jobs 2 and on Dask: documents/s, CPU-seconds per 1,000
documents, peak memory of the whole process tree, seconds per stage; and a simulated large run.

Makes synthetic corpora (benchmarks/gen_corpus.py: ~3 KB documents of the genre) of each size under
``--workdir`` (kept between runs) and builds each one in a fresh process per (size, mode) with an
empty cache (``--rebuild``). Modes: ``1`` and ``2`` (``--jobs``), ``dask`` (``--dask local --jobs 2``:
the build starts a LocalCluster of two single-threaded worker processes on 127.0.0.1 and ends it
before writing the outputs, as for a user; the start-up is in the seconds and printed apart too).

* CPU-seconds: user + system time of the build process and every process under it (the worker
  processes, the Dask nannies and workers), from ``RUSAGE_CHILDREN`` once the tree has exited;
  a Dask row includes the cluster's start-up and shut-down.
* Peak RSS of the process tree: the largest sum of the resident memory of the build process
  and all its descendants, sampled every 0.2 s from /proc (Linux).
* Bytecode: the children run with Python's bytecode cache, as an installed kgraph has (pip
  writes the .pyc files at install): one import before the first build writes any that are
  missing. Where ``PYTHONDONTWRITEBYTECODE`` is set, each process would otherwise compile
  kgraph's modules from source again (about 0.2 CPU-s per process on the 2-core machine).
* Stages: wall seconds of the read+extract phase, the merge into one graph and the outputs,
  then the outputs one by one (BuildResult.timings); and the peak RSS of the tree while each of
  the merge, the Turtle writer, the Oxigraph load, the query store, graph.json and the page ran
  (the child notes when each started and ended; the load overlaps the three after the Turtle).

``--simulate N`` then runs the merge alone on N partitions of the largest corpus (its cached
document parts, relabelled per partition as new documents, so 10 x 100k stands for a million
documents) for 1, 2, N/2 and N partitions (or ``--partitions``), each in a fresh process, by the
build's own path (parts spilled to disk and sorted there, merged into the graph core on disk), and
prints how the merge's time and memory grow. Only the spill, the merge and the graph.ttl writer are
timed: extraction scales by partition. ``--simulate-cache FILE`` takes the parts from the cache of
an earlier build instead of building first.

    python benchmarks/bench_build.py                                  # 1k and 10k: --jobs 1, 2, Dask
    python benchmarks/bench_build.py --sizes 1000,10000,100000 --simulate 10 --workdir /var/tmp/kgbench

Targets on a 2-core machine: <= 5 CPU-s per 1,000 documents; 100k documents under 2 GB peak; time
linear in documents; Dask within 15 % of --jobs 2.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from proctree import status_kb, tree  # noqa: E402

CHILD = r"""
import json, sys, time
from pathlib import Path
import kgraph.graph, kgraph.outputs, kgraph.pipeline, kgraph.store
from kgraph.pipeline import build
src, out, mode, sparql = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
spans = []  # (stage, wall-clock start, end): the parent reads its memory samples by stage
def spanned(owner, name, stage):
    fn = getattr(owner, name)
    def run(*a, **k):
        t = time.time()
        try:
            return fn(*a, **k)
        finally:
            spans.append((stage, t, time.time()))
    setattr(owner, name, run)
for owner, name, stage in ((kgraph.pipeline, "graph_from_parts", "merge"),
                           (kgraph.outputs, "write_graph_turtle", "turtle"), (kgraph.store, "_load_rdf", "oxigraph"),
                           (kgraph.store, "_write_sqlite", "sqlite"), (kgraph.graph.GraphReader, "save", "json"),
                           (kgraph.outputs, "write_html", "page")):
    spanned(owner, name, stage)
starts, extra = {}, {}
if mode == "dask":  # as kgraph build --dask local --jobs 2: the build starts the cluster and ends it before the outputs
    import kgraph.cluster
    spanned(kgraph.cluster, "local_cluster", "cluster")
def progress(stage, done, total):
    starts.setdefault(stage, time.perf_counter() - t0)
t0 = time.perf_counter()
kw = {"scheduler": "local", "jobs": 2} if mode == "dask" else {"jobs": int(mode)}
r = build([src], out, rebuild=True, sparql=sparql, progress=progress, **kw)
wall = time.perf_counter() - t0
if mode == "dask":
    extra["cluster_start"] = sum(t1 - t0 for stage, t0, t1 in spans if stage == "cluster")
    spans = [x for x in spans if x[0] != "cluster"]
stages = {"read+extract": starts.get("graph", wall), "graph": starts.get("write", wall) - starts.get("graph", wall),
          "write": wall - starts.get("write", wall)}
print(json.dumps({"seconds": wall, "documents": r.documents, "skipped": len(r.skipped), "stages": stages,
                  "timings": r.timings, "spans": spans, "turtle_mb": (Path(out) / "graph.ttl").stat().st_size / 1e6, **extra}))
"""

SIMULATE = r"""
import hashlib, json, resource, sqlite3, sys, tempfile, time
from pathlib import Path
from kgraph.cache import decode_part, encode_part
from kgraph.diskgraph import DiskGraph
from kgraph.export import write_graph_turtle
from kgraph.pipeline import PartSpill
from kgraph.refdata import load_reference
from kgraph.resolve import graph_from_parts
from kgraph.gcpolicy import bulk_gc
cache_db, k, work = sys.argv[1], int(sys.argv[2]), Path(sys.argv[4])
ref = load_reference()

def relabel(x, names):
    if isinstance(x, str):
        return names.get(x, x)
    if isinstance(x, tuple):
        t = [relabel(y, names) for y in x]
        return x._make(t) if hasattr(x, "_make") else tuple(t)
    if isinstance(x, dict):
        return {a: relabel(b, names) for a, b in x.items()}
    return x

def partition(i):
    # partition i: every document new (id, node, meetings); the people not in the reference data new too.
    # The cached parts are read one by one (a cursor), never all at once.
    db = sqlite3.connect(f"file:{cache_db}?mode=ro", uri=True)
    for (blob,) in db.execute("SELECT data FROM entries ORDER BY key"):
        cp = decode_part(blob)
        p = cp.part
        if i == 0:
            yield p, cp.file_name, cp.path
            continue
        new_id = hashlib.sha256(f"{p.doc_id}/{i}".encode()).hexdigest()
        names = {p.doc_id: new_id, f"document/{p.doc_id[:16]}": f"document/{new_id[:16]}"}
        for m in p.meetings:
            names[m.node] = f"{m.node}-p{i}"
        for e in p.entities:
            if e.key.startswith("person/") and e.key not in ref.entities:
                names[e.key] = f"{e.key}-p{i}"
        yield relabel(p, names), f"p{i}-{cp.file_name}", f"p{i}/{cp.path}"
    db.close()

def rss_mb():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 / 1e6

with tempfile.TemporaryDirectory(dir=work) as tmp, bulk_gc():
    tmp = Path(tmp)
    t = time.perf_counter()
    spill = PartSpill(tmp / "parts.sqlite", tmp)  # the build's own path: parts wait on disk, sorted there
    docs = 0
    for i in range(k):
        for p, fn, path in partition(i):
            spill.put(fn, p.doc_id, path, encode_part(fn, path, p))
            docs += 1
    spill_s = time.perf_counter() - t
    t = time.perf_counter()
    growth = []
    def parts():
        for n, (fn, _, path, blob) in enumerate(spill.sorted(), start=1):
            if n % 100_000 == 0:
                growth.append((n, round(time.perf_counter() - t, 1), round(rss_mb())))
            yield decode_part(blob).part, fn, path
    kg = graph_from_parts(parts(), ref, into=DiskGraph(tmp / "core.sqlite"))
    edges = kg.number_of_edges()  # indexes made, everything on disk
    merge = time.perf_counter() - t
    rss_merge = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    core_mb = (tmp / "core.sqlite").stat().st_size / 1e6
    turtle = 0.0
    if sys.argv[3] == "1":
        t = time.perf_counter()
        with open("/dev/null", "wb") as fh:
            write_graph_turtle(kg, fh)
        turtle = time.perf_counter() - t
    print(json.dumps({"partitions": k, "documents": docs, "spill_s": spill_s, "merge_s": merge, "turtle_s": turtle,
                      "peak_after_merge_mb": rss_merge, "growth": growth, "core_mb": core_mb,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "nodes": kg.number_of_nodes(), "edges": edges}))
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


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (Linux /proc)."""
    return sum(status_kb(pid, b"VmRSS:") for pid in tree(root)) * 1024


def child_env() -> dict[str, str]:
    """The children's environment: this one, with Python's bytecode cache on."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def warm_bytecode() -> None:
    """Import what a build imports once, so that the .pyc files exist before anything is timed."""
    subprocess.run([sys.executable, "-c", "import kgraph.cli, kgraph.pipeline, kgraph.outputs, kgraph.store, "
                    "kgraph.view, numpy"], cwd=REPO, env=child_env(), check=True)


def run_child(script: str, args: list[str]) -> dict:
    """Run ``script`` in a fresh Python with ``args``; its last stdout line (JSON) plus the tree's
    CPU-seconds and peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([sys.executable, "-c", script, *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=child_env())
    peak = [0]
    series: list[tuple[float, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            rss = _tree_rss(proc.pid)
            peak[0] = max(peak[0], rss)
            series.append((time.time(), rss))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        last = (err.strip().splitlines() or ["?"])[-1]
        print(f"# {args} failed ({proc.returncode}): {last}", file=sys.stderr)
        return {"failed": f"exit {proc.returncode}: {last[:200]}"}
    res = json.loads(out.strip().splitlines()[-1])
    res["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    res["peak_tree_mb"] = peak[0] / 1e6
    stage_peaks: dict[str, float] = {}
    for stage, t0, t1 in res.pop("spans", []):  # the tree's peak while each stage ran (stages may overlap)
        inside = [rss for t, rss in series if t0 <= t <= t1]
        if inside:
            stage_peaks[stage] = max(stage_peaks.get(stage, 0.0), max(inside) / 1e6)
    res["stage_peak_mb"] = stage_peaks
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="kgraph build throughput")
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--modes", default="1,2,dask", help="--jobs values and/or 'dask' (LocalCluster, 2 workers)")
    ap.add_argument("--formats", default="txt", help="corpus formats, comma-separated (see gen_corpus.py)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kgraph-bench")
    ap.add_argument("--no-sparql", action="store_true", help="build without the store's SPARQL part (Oxigraph)")
    ap.add_argument("--simulate", type=int, default=0, metavar="N",
                    help="then merge N partitions of the largest corpus (e.g. 10 x 100k for 1M documents)")
    ap.add_argument("--no-turtle", action="store_true", help="simulation: time the merge only, not the graph.ttl writer")
    ap.add_argument("--simulate-cache", type=Path, metavar="FILE",
                    help="simulation: the cache.sqlite of an earlier build to take the parts from (no builds run)")
    ap.add_argument("--partitions", default="", help="simulation: the partition counts to run (default 1,2,N/2,N)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    a = ap.parse_args(argv)
    a.workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in a.sizes.split(",")]
    rows = []
    warm_bytecode()
    for size in ([] if a.simulate_cache else sizes):
        src, nbytes = corpus(a.workdir, size, a.formats)
        for mode in a.modes.split(","):
            out = a.workdir / f"out-{size}-{mode}"
            shutil.rmtree(out, ignore_errors=True)
            r = run_child(CHILD, [str(src), str(out), mode, "0" if a.no_sparql else "1"])
            r.update(size=size, mode=mode, mb=nbytes / 1e6)
            rows.append(r)
            print(json.dumps(r), file=sys.stderr)
            keep = a.simulate and size == sizes[-1] and mode == a.modes.split(",")[-1]
            if not keep:
                shutil.rmtree(out, ignore_errors=True)
    print_table(rows)
    sim = []
    if a.simulate:
        out = a.workdir / f"out-{sizes[-1]}-{a.modes.split(',')[-1]}"
        cache_db = a.simulate_cache or out / ".kgraph-cache" / "cache.sqlite"
        ks = [int(x) for x in a.partitions.split(",")] if a.partitions else \
            sorted({1, 2, max(1, a.simulate // 2), a.simulate})
        for k in ks:
            r = run_child(SIMULATE, [str(cache_db), str(k), "0" if a.no_turtle else "1", str(a.workdir)])
            sim.append(r)
            print(json.dumps(r), file=sys.stderr)
        print_simulation(sim, sizes[-1])
    if a.json:
        a.json.write_text(json.dumps({"builds": rows, "simulation": sim}, indent=1))
    return 0


def print_table(rows: list[dict]) -> None:
    print("| docs | MB | mode | seconds | docs/s | CPU-s per 1k docs | peak RSS tree MB | read+extract s | graph s "
          "| write s | Turtle MB |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        mode = "Dask (2 workers)" if r["mode"] == "dask" else f"--jobs {r['mode']}"
        if r.get("failed"):
            print(f"| {r['size']:,} | {r['mb']:.1f} | {mode} | failed: {r['failed']} |")
            continue
        st = r["stages"]
        print(f"| {r['size']:,} | {r['mb']:.1f} | {mode} | {r['seconds']:.1f} | {r['documents'] / r['seconds']:,.0f} "
              f"| {1000 * r['cpu'] / r['documents']:.1f} | {r['peak_tree_mb']:,.0f} | {st['read+extract']:.1f} "
              f"| {st['graph']:.1f} | {st['write']:.1f} | {r['turtle_mb']:.0f} |")
    starts = [f"{r['cluster_start']:.1f} s" for r in rows if r.get("cluster_start")]
    if starts:
        print(f"\nDask cluster start-up (in the seconds and CPU-seconds above): {', '.join(starts)}")
    print("\nOutputs, seconds each (turtle: graph.ttl and the store's N-Quads in one walk; oxigraph: the bulk load in")
    print("its thread; oxigraph_wait: how long the build then waited for it; extract: CPU-s summed over workers)")
    keys = ["extract", "turtle", "sqlite", "json", "html", "oxigraph", "oxigraph_wait"]
    print("| docs | mode | " + " | ".join(keys) + " |")
    print("|---:|---|" + "---:|" * len(keys))
    for r in rows:
        if not r.get("failed"):
            t = r["timings"]
            print(f"| {r['size']:,} | {r['mode']} | "
                  + " | ".join(f"{t.get(k, t.get('write.' + k, 0)):.1f}" for k in keys) + " |")
    print("\nPeak RSS of the process tree while each stage ran, MB (the Oxigraph load overlaps the query store,")
    print("graph.json and the page)")
    names = ["merge", "turtle", "oxigraph", "sqlite", "json", "page"]
    print("| docs | mode | " + " | ".join(names) + " |")
    print("|---:|---|" + "---:|" * len(names))
    for r in rows:
        if not r.get("failed"):
            sp = r.get("stage_peak_mb", {})
            print(f"| {r['size']:,} | {r['mode']} | " + " | ".join(f"{sp[k]:,.0f}" if k in sp else "" for k in names) + " |")
    ok = [r for r in rows if not r.get("failed")]
    sizes = sorted({r["size"] for r in ok})
    if len(sizes) > 1:
        print("\nGrowth: seconds per 1,000 documents")
        for mode in dict.fromkeys(r["mode"] for r in ok):
            per = [f"{r['size']:,}: {1000 * r['seconds'] / r['documents']:.1f}" for r in ok if r["mode"] == mode]
            print(f"  {mode}: " + ", ".join(per))
    by = {(r["size"], r["mode"]): r for r in ok}
    ratios = [f"{s:,}: {by[(s, 'dask')]['seconds'] / by[(s, '2')]['seconds']:.2f}" for s in sizes
              if (s, "dask") in by and (s, "2") in by]
    if ratios:
        print("Dask / --jobs 2, seconds (target <= 1.15): " + ", ".join(ratios))


def print_simulation(sim: list[dict], size: int) -> None:
    print(f"\nSimulated large run: the merge of N partitions of {size:,} documents (each partition the same")
    print("documents relabelled as new ones, with new meetings and new people not in the reference data), by the")
    print("build's own path: parts spilled to disk, sorted there, merged into the graph core on disk")
    print("| partitions | documents | spill s | merge s | merge s per 1k docs | graph.ttl writer s (0: not run) "
          "| peak RSS MB | core MB | nodes | edges |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in sim:
        if r.get("failed"):
            print(f"| ? | ? | failed: {r['failed']} |")
            continue
        print(f"| {r['partitions']} | {r['documents']:,} | {r['spill_s']:.1f} | {r['merge_s']:.1f} | "
              f"{1000 * r['merge_s'] / r['documents']:.2f} | {r['turtle_s']:.1f} | {r['peak_tree_mb']:,.0f} | "
              f"{r['core_mb']:,.0f} | {r['nodes']:,} | {r['edges']:,} |")
    for r in sim:
        if r.get("growth"):
            print(f"\n{r['documents']:,} documents, during the merge (documents merged, seconds, RSS MB): "
                  + ", ".join(f"{n:,} {s} s {m} MB" for n, s, m in r["growth"]))


if __name__ == "__main__":
    sys.exit(main())
