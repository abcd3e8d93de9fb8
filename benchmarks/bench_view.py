"""Benchmark: the interactive view at 500 and 5,000 nodes.

Builds a synthetic KnowledgeGraph of the given size (people, ministers, municipalities, organisations,
parties, meetings with participants and places, every fact with a source sentence), renders the page
with kgraph.view, and opens it in headless Chromium (/usr/bin/chromium through playwright), printing:

- Python: seconds to select, lay out and write the page, and its size;
- browser: ms from navigation start until the network has drawn the first time (window.kgraph.ready),
  wall-clock seconds from page.goto to that point, and the ms a search and a class filter take.

Run: python benchmarks/bench_view.py [N ...]   (default: 500 5000). Target: 5,000 nodes ready < 3 s.
     python benchmarks/bench_view.py --screenshot docs/view-screenshot.png   (the sample view, for the docs)
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kgraph.graph import Evidence, KnowledgeGraph
from kgraph.view import write_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
WORDS = ("kommunen regeringen besök digitalisering bostäder skolan vården samverkan länsstyrelsen ministern "
         "träffade diskuterade arbetsmarknad landsbygd infrastruktur").split()


def synthetic_graph(n: int, seed: int = 1) -> KnowledgeGraph:
    """About n drawable nodes with a realistic mix of classes and relations, deterministic for the seed."""
    r = random.Random(seed)
    kg = KnowledgeGraph()
    docs = [f"document/{i:016x}" for i in range(max(1, n // 25))]
    for i, d in enumerate(docs):
        kg.add_node(d, "document", ("Document",), label=f"Nyhet {i}", file_name=f"{i:04d}_nyhet.txt",
                    title=f"Nyhet {i}")

    def ev() -> list[Evidence]:
        s = " ".join(r.choice(WORDS) for _ in range(18)).capitalize() + "."
        return [Evidence(r.choice(docs), 0, len(s), s, "synthetic", round(r.uniform(0.5, 1.0), 2))]

    share = {"Minister": 0.02, "Municipality": 0.06, "Association": 0.05, "GovernmentAgency": 0.03,
             "PoliticalParty": 0.002, "Place": 0.05, "Meeting": 0.40}
    sizes = {cls: max(2, round(n * frac)) for cls, frac in share.items()}
    sizes["Person"] = max(2, n - sum(sizes.values()))
    groups: dict[str, list[str]] = {}
    for cls, size in sorted(sizes.items()):
        for i in range(size):
            key = f"{cls.lower()}/{i}"
            classes = ["Minister", "Person"] if cls == "Minister" else [cls]
            kind = "meeting" if cls == "Meeting" else "entity"
            kg.add_node(key, kind, classes, label=f"{cls} {i} {r.choice(WORDS)}", docs=[r.choice(docs)],
                        alt_labels=[f"{cls[:3]}{i}"])
            kg.add_edge(key, "mentionedIn", kg.node(key)["docs"][0], ev())
            groups.setdefault(cls, []).append(key)
    people = groups["Person"] + groups["Minister"]
    orgs = groups["Municipality"] + groups["Association"] + groups["GovernmentAgency"]
    for p in people:
        kg.add_edge(p, "memberOf", r.choice(groups["PoliticalParty"]), ev())
        if r.random() < 0.6:
            kg.add_edge(p, "affiliatedWith", r.choice(orgs[: max(3, len(orgs) // 3)] if r.random() < 0.5 else orgs), ev())
        kg.add_literal(p, "role", r.choice(["kommunalråd", "ordförande", "direktör"]), ev())
    for m in groups["Meeting"]:
        for x in r.sample(people, k=min(len(people), r.randint(1, 3))):
            kg.add_edge(m, "participant", x, ev())
        kg.add_edge(m, "participant", r.choice(orgs), ev())
        kg.add_edge(m, "location", r.choice(groups["Place"] + groups["Municipality"]), ev())
    return kg


def bench(n: int, folder: Path, page, repeat: int = 3) -> None:  # page: a playwright Page
    kg = synthetic_graph(n)
    path = folder / f"view-{n}.html"
    t0 = time.perf_counter()
    sel = write_html(kg, path, max_nodes=n)
    t_py = time.perf_counter() - t0
    ready, walls = [], []
    for _ in range(repeat):  # the machine is shared: report the best and the median of a few loads
        t1 = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.kgraph && window.kgraph.ready", timeout=120_000)
        walls.append(time.perf_counter() - t1)
        ready.append(page.evaluate("window.kgraph.ready"))
    drawn = page.evaluate("window.kgraph.network.body.data.nodes.length")
    search_ms = page.evaluate("""() => { const s = document.getElementById('search'); const t = performance.now();
        s.value = 'person 1'; s.dispatchEvent(new Event('input')); kgraph.network.redraw();
        const ms = performance.now() - t; s.value = ''; s.dispatchEvent(new Event('input')); return ms; }""")
    filter_ms = page.evaluate("""() => { const b = document.querySelector('#legend input[data-cls=Meeting]');
        const t = performance.now(); b.click(); kgraph.network.redraw(); const ms = performance.now() - t;
        b.click(); return ms; }""")
    print(f"{n:>6} nodes ({drawn} drawn, {len(sel.nodes)} selected, {kg.number_of_edges()} edges in graph): "
          f"python {t_py:.2f} s, page {path.stat().st_size / 1e6:.1f} MB", flush=True)
    print(f"        browser: ready (drawn, interactive) {min(ready):.0f} ms after navigation start "
          f"(median {statistics.median(ready):.0f} ms of {repeat}); goto->ready {min(walls):.2f} s "
          f"(median {statistics.median(walls):.2f} s); search {search_ms:.0f} ms, class filter {filter_ms:.0f} ms",
          flush=True)


def screenshot(folder: Path, page, target: Path) -> None:
    """Build data/corpus, open its graph.html, show Lena Micko's facts (or the most central node's), save."""
    from kgraph.pipeline import build
    build([Path(__file__).resolve().parent.parent / "data" / "corpus"], folder / "sample")
    page.goto((folder / "sample" / "graph.html").as_uri())
    page.wait_for_function("window.kgraph && window.kgraph.ready", timeout=60_000)
    page.evaluate("""() => { const d = kgraph.data.nodes; const m = d.find(n => n.id === 'person/lena-micko') ||
        d.slice().sort((a, b) => b.value - a.value)[0]; kgraph.select(m.id); kgraph.network.fit(); }""")
    page.wait_for_timeout(300)
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    print(f"screenshot of the sample view: {target}", flush=True)


def main(argv: list[str]) -> None:
    from playwright.sync_api import sync_playwright
    shot = None
    if "--screenshot" in argv:
        i = argv.index("--screenshot")
        shot = Path(argv[i + 1])
        del argv[i:i + 2]
    sizes = [int(x) for x in argv] or ([] if shot else [500, 5000])
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        for n in sizes:
            bench(n, Path(tmp), page)
        if shot:
            screenshot(Path(tmp), page, shot)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
