"""Benchmark of the query store: open time, latency per query kind, memory.

Builds a synthetic KnowledgeGraph (persons, municipalities in counties,
parties, topics, documents and meetings, every edge with evidence), writes its
store with :func:`kgraph.store.write_store` (the same code the build runs),
then measures reading in a fresh subprocess, so that its peak memory is that
of a reader only:

* open: ``open_store`` plus the first name lookup (cold process, no warm-up)
* p50 / p95 / max latency per query kind over random names, with the CLI's
  default ``--limit`` of 100 rows (a minister's 1,500 meetings are all found
  and counted, the newest 100 are returned with participants and sources)
* peak resident memory of the reader (VmHWM / ``ru_maxrss``) and the Python
  heap peak (``tracemalloc``, in a pass of its own after the timings)

Targets (2 cores): open < 2 s; show, neighbors and meetings p95 < 50 ms; path
p95 < 200 ms; memory <= 1 GB per million triples. Prints figures; it is not a
test and fails nothing.

    python benchmarks/bench_query.py                   # default: >= 1M RDF triples
    python benchmarks/bench_query.py --scale 0.02      # a quick run
    python benchmarks/bench_query.py --scale 1 --no-rdf  # 50k persons, 100k meetings, lookups only
    python benchmarks/bench_query.py --keep DIR        # keep the store in DIR

Writing the SPARQL part goes through rdflib (``to_rdf``), which needs about
2 GB per million triples while writing; ``--no-rdf`` skips it for large scales.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kgraph.graph import Evidence, KnowledgeGraph  # noqa: E402
from kgraph.text import slug  # noqa: E402

GIVEN = ["Anna", "Lena", "Erik", "Lars", "Karin", "Maria", "Johan", "Eva", "Per", "Sara", "Nils", "Ingrid",
         "Olof", "Emma", "Gustav", "Helena", "Mikael", "Ulla", "Anders", "Elin", "Jonas", "Kristina", "Magnus",
         "Sofia", "Peter", "Malin", "Henrik", "Linnea", "Fredrik", "Ida"]
SYL_A = ["Berg", "Lind", "Ek", "Holm", "Sjö", "Ström", "Dahl", "Nord", "Sand", "Fors", "Gran", "Hag", "Lund",
         "Ny", "Björk", "Al", "Ros", "Sten", "Wik", "Ås", "Löv", "Rid", "Fjäll", "Mål"]
SYL_B = ["", "e", "a", "ne", "ma", "le", "ha", "ro"]
SYL_C = ["berg", "ström", "gren", "qvist", "lund", "dahl", "sson", "man", "holm", "blad", "kvist", "ling",
         "by", "sjö", "vik", "näs"]
KINDS = ["visit", "meeting", "digital_meeting", "seminar", "conference"]
LIMIT = 100  # the CLI's default --limit for listings (rows shown; totals are still counted)
ROLES = ["kommunstyrelsens ordförande", "kommundirektör", "kommunalråd", "oppositionsråd", "ekonomichef"]


def synthetic_graph(persons: int, municipalities: int, meetings: int, documents: int, topics: int,
                    seed: int = 7) -> KnowledgeGraph:
    """A graph shaped like a large build: every statement with evidence."""
    rnd = random.Random(seed)
    kg = KnowledgeGraph(meta={"kgraph_version": "bench", "synthetic": True})
    docs = []
    for i in range(documents):
        d = f"document/{i:016x}"
        kg.add_node(d, "document", ("Document",), label=f"Nyhet {i}", file_name=f"doc_{i:06d}.txt",
                    content_hash=f"{i:064x}", title=f"Nyhet {i}", published=f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}")
        docs.append(d)

    def ev(sentence: str, doc: str, rule: str) -> list[Evidence]:
        return [Evidence(doc, 0, len(sentence), sentence, rule, round(0.7 + rnd.random() * 0.3, 3))]

    counties = []
    for c in range(21):
        key = f"county/{c + 1:02d}"
        kg.add_node(key, "entity", ("County",), label=f"{SYL_A[c]}{SYL_C[c % len(SYL_C)]}s län")
        counties.append(key)
    munis = []
    names: set[str] = set()
    while len(munis) < municipalities:
        name = rnd.choice(SYL_A) + rnd.choice(SYL_B) + rnd.choice(SYL_C)
        if name in names:
            continue
        names.add(name)
        key = f"municipality/{1000 + len(munis)}"
        kg.add_node(key, "entity", ("Municipality",), label=f"{name}s kommun", alt_labels=[name],
                    scbCode=str(1000 + len(munis)))
        kg.add_edge(key, "inCounty", counties[len(munis) % len(counties)],
                    [Evidence("", None, None, "", "reference.county", 1.0)])
        munis.append(key)
    parties = []
    for p in ["S", "M", "SD", "C", "V", "KD", "L", "MP"]:
        key = f"party/{p.lower()}"
        kg.add_node(key, "entity", ("PoliticalParty",), label=f"Partiet {p}", alt_labels=[p])
        parties.append(key)
    tops = []
    for t in range(topics):
        key = f"topic/t{t}"
        kg.add_node(key, "topic", ("Topic",), label=f"ämne {t}", broader=f"t{t // 10}" if t >= 10 else "")
        tops.append(key)

    people = []
    seen: set[str] = set()
    while len(people) < persons:
        label = f"{rnd.choice(GIVEN)} {rnd.choice(SYL_A)}{rnd.choice(SYL_B)}{rnd.choice(SYL_C)}"
        key = f"person/{slug(label)}"
        if key in seen:
            continue
        seen.add(key)
        doc = rnd.choice(docs)
        muni = rnd.choice(munis)
        minister = len(people) < 20
        kg.add_node(key, "entity", ["Person"] + (["Minister"] if minister else []), label=label, docs=[doc])
        role = "minister" if minister else rnd.choice(ROLES)
        kg.add_literal(key, "role", role,
                       ev(f"{label}, {role}, säger att mötet var givande.", doc, "role.apposition"))
        kg.add_edge(key, "mentionedIn", doc, ev(f"{label} deltog.", doc, "mention"))
        if not minister:
            kg.add_edge(key, "affiliatedWith", muni, ev(f"{label}, {role} i {kg.label(muni)}.", doc, "affiliation"))
        kg.add_edge(key, "memberOf", rnd.choice(parties), ev(f"{label} ({rnd.choice('SMCVL')}).", doc, "party"))
        people.append(key)
    ministers, officials = people[:20], people[20:]

    for i in range(meetings):
        doc = rnd.choice(docs)
        m = f"meeting/{i:08d}"
        place = rnd.choice(munis)
        who = [rnd.choice(ministers)] if rnd.random() < 0.3 else []
        who += rnd.sample(officials, 2)
        date = f"20{10 + rnd.randrange(15)}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}"
        names_ = ", ".join(kg.label(p) for p in who)
        sent = f"{names_} möttes i {kg.label(place)} den {date} för att diskutera aktuella frågor."
        kg.add_node(m, "meeting", ("Meeting",), label=f"{rnd.choice(KINDS)}: {names_}", meeting_kind="visit",
                    status="held", date=date, docs=[doc])
        kg.add_edge(m, "mentionedIn", doc, ev(sent, doc, "meeting.trigger"))
        for p in who:
            kg.add_edge(m, "participant", p, ev(sent, doc, "meeting.participant"))
        kg.add_edge(m, "participant", place, ev(sent, doc, "meeting.participant"))
        kg.add_edge(m, "location", place, ev(sent, doc, "meeting.location"))
        if tops:
            kg.add_edge(m, "topic", rnd.choice(tops), ev(sent, doc, "meeting.topic"))
    return kg


# ------------------------------------------------------------------ reader (subprocess)
def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(q * (len(xs) - 1)))))]


def read_side(folder: Path, queries: int, seed: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    from kgraph import query as q
    st = q.open_store(folder)
    st.one("SELECT key FROM node WHERE key = 'x'")
    q.resolve_name(st, "Partiet S")
    t_open = time.perf_counter() - t0

    rnd = random.Random(seed)
    people = [r[0] for r in st.rows("SELECT label FROM node WHERE cls LIKE 'Person%' AND cls NOT LIKE '%Minister%'")]
    from kgraph.text import fold
    unique = {k for k, n in st.rows("SELECT key, count(*) FROM name WHERE tier = 1 GROUP BY key") if n == 1}
    people = [p for p in people if fold(p) in unique]  # full names that are not ambiguous
    ministers = [r[0] for r in st.rows("SELECT label FROM node WHERE cls LIKE '%Minister%'")]
    munis = [r[0] for r in st.rows("SELECT label FROM node WHERE cls = 'Municipality'")]
    short = [p.split()[-1] for p in people]  # surnames: some are ambiguous, which is part of the work

    def resolve_short() -> None:
        try:
            q.resolve_name(st, rnd.choice(short).lower() + "s")
        except (q.AmbiguousNameError, q.UnknownNameError):
            pass

    kinds: dict[str, Callable[[], Any]] = {
        "resolve (full name)": lambda: q.resolve_name(st, rnd.choice(people)),
        "resolve (genitive surname)": resolve_short,
        "show person": lambda: q.show(st, rnd.choice(people), limit=LIMIT),
        "show minister": lambda: q.show(st, rnd.choice(ministers), limit=LIMIT),
        "show municipality": lambda: q.show(st, rnd.choice(munis), limit=LIMIT),
        "neighbors person depth 1": lambda: q.neighbors(st, rnd.choice(people), limit=LIMIT),
        "neighbors person depth 2": lambda: q.neighbors(st, rnd.choice(people), depth=2, limit=LIMIT),
        "meetings --with person": lambda: q.meetings(st, with_=[rnd.choice(people)], limit=LIMIT),
        "meetings --with minister": lambda: q.meetings(st, with_=[rnd.choice(ministers)], limit=LIMIT),
        "meetings --place municipality": lambda: q.meetings(st, place=rnd.choice(munis), limit=LIMIT),
        "meetings --with minister --since": lambda: q.meetings(st, with_=[rnd.choice(ministers)],
                                                               since="2020-01-01", limit=LIMIT),
        "path person person": lambda: q.path(st, *rnd.sample(people, 2)),
        "topics --with person": lambda: q.topics(st, with_=rnd.choice(people), limit=LIMIT),
        "central --top 10": lambda: q.central(st, top=10),
        "central --type Person": lambda: q.central(st, type="Person", top=10),
        "entities --search": lambda: q.entities(st, search=rnd.choice(short)[:5], limit=LIMIT),
        "sparql SELECT by bound label": lambda: q.sparql(
            st, "SELECT ?m ?n WHERE { ?p rdfs:label ?n . ?m kgo:participant ?p }", {"n": rnd.choice(people)}),
    }
    if not st.meta.get("triples"):
        kinds.pop("sparql SELECT by bound label")  # written with --no-rdf
    out: dict[str, Any] = {"open_s": t_open, "kinds": {}}
    out["statements"] = sum(st.one(f"SELECT count(*) FROM {t}")[0] for t in ("edge", "literal"))
    out["evidence"] = st.one("SELECT count(*) FROM evidence")[0]
    for name, fn in kinds.items():
        n = queries if not name.startswith(("central", "entities")) else max(10, queries // 10)
        times, cpu = [], []
        hops = []
        for _ in range(n):
            t, c = time.perf_counter(), time.process_time()
            res = fn()
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            if name.startswith("path"):
                hops.append(len(res[0].hops) if res else 0)
        out["kinds"][name] = {"n": n, "p50": percentile(times, 0.5), "p95": percentile(times, 0.95),
                              "max": max(times), "cpu_p50": percentile(cpu, 0.5), "cpu_p95": percentile(cpu, 0.95)}
        if hops:
            out["kinds"][name]["mean_hops"] = statistics.mean(hops)
    out["maxrss_mb"] = peak_rss_mb()
    # the Python heap, traced in a separate pass (tracing slows every allocation, so not while timing)
    import tracemalloc
    tracemalloc.start()
    for fn in kinds.values():
        for _ in range(5):
            fn()
    out["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return out


def du(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM, which unlike ru_maxrss starts
    afresh at exec, so a subprocess does not inherit its parent's peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=0.125,
                    help="size: 1.0 is 50k persons, 290 municipalities, 100k meetings, 20k documents "
                         "(about 9M RDF triples with evidence); the default 0.125 gives about 1.1M")
    ap.add_argument("--queries", type=int, default=200, help="queries per kind")
    ap.add_argument("--keep", type=Path, help="write the store here and keep it")
    ap.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # the reader subprocess
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-rdf", action="store_true",
                    help="write only the SQLite part (no SPARQL): for scales where rdflib's to_rdf is too slow")
    a = ap.parse_args()
    if a.read:
        print(json.dumps(read_side(a.read, a.queries, a.seed)))
        return

    from kgraph.store import write_store
    s = a.scale
    t0 = time.perf_counter()
    kg = synthetic_graph(int(50_000 * s), 290, int(100_000 * s), max(100, int(20_000 * s)), 60, a.seed)
    t_gen = time.perf_counter() - t0
    folder = a.keep or Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    try:
        t0 = time.perf_counter()
        gen = write_store(kg, folder, rdf=not a.no_rdf)
        t_write = time.perf_counter() - t0
        st = kg.stats()
        write_rss = peak_rss_mb()
        del kg
        proc = subprocess.run([sys.executable, __file__, "--read", str(folder), "--queries", str(a.queries),
                               "--seed", str(a.seed)], capture_output=True, text=True)
        if proc.returncode:
            sys.exit(f"the reader failed:\n{proc.stderr}")
        r = json.loads(proc.stdout)
        from kgraph.store import open_store
        triples = open_store(folder).meta["triples"]
        print("kgraph query benchmark (synthetic graph)")
        print(f"  graph: {st['entities']} entities ({st['entities_by_class'].get('Person', 0)} persons, "
              f"{st['entities_by_class'].get('Municipality', 0)} municipalities), {st['meetings']} meetings, "
              f"{st['documents']} documents, {st['relations']} relations")
        print(f"  RDF triples in the store: {triples:,}" + ("" if triples else " (written with --no-rdf)"))
        print(f"  statements (edges + literals): {r['statements']:,}, with {r['evidence']:,} evidence records")
        print(f"  generate graph: {t_gen:.1f} s; write store: {t_write:.1f} s "
              f"(peak RSS of the writing process {write_rss:,.0f} MB)")
        print(f"  store size: sqlite {du(gen / 'graph.sqlite') / 2**20:.0f} MB, "
              f"rdf {du(gen / 'rdf') / 2**20:.0f} MB")
        ok = "ok" if r["open_s"] < 2 else "MISS"
        print(f"  open (cold process, store + first lookup): {r['open_s'] * 1000:.1f} ms  [target < 2 s: {ok}]")
        per_m = r["maxrss_mb"] / max((triples or r["statements"]) / 1e6, 1e-9)
        ok = "ok" if per_m <= 1024 else "MISS"
        unit = "triples" if triples else "statements"
        print(f"  reader memory: peak RSS {r['maxrss_mb']:.0f} MB ({per_m:.0f} MB per 1M {unit}), "
              f"Python heap peak {r['tracemalloc_peak_mb']:.0f} MB  [target <= 1 GB per 1M triples: {ok}]")
        print(f"  load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
              "(wall-clock latency grows with it; CPU time does not)")
        print(f"  {'query kind':38s} {'n':>5s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s} {'cpu p50':>8s} "
              f"{'cpu p95':>8s}  target (wall p95)")
        for name, k in r["kinds"].items():
            target = 200 if name.startswith("path") else 50 if name.startswith(("show", "neighbors", "meetings")) \
                else None
            verdict = "" if target is None else f"p95 < {target}: {'ok' if k['p95'] < target else 'MISS'}"
            extra = f" (mean {k['mean_hops']:.1f} hops)" if "mean_hops" in k else ""
            print(f"  {name:38s} {k['n']:5d} {k['p50']:8.2f} {k['p95']:8.2f} {k['max']:8.2f} {k['cpu_p50']:8.2f} "
                  f"{k['cpu_p95']:8.2f}  {verdict}{extra}")
    finally:
        if not a.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
