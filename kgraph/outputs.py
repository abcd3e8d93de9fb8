"""Everything a build writes into its output folder, each file atomically.

``graph.json`` is the graph core as saved by :meth:`KnowledgeGraph.save`;
``graph.ttl`` the Turtle export; ``store/`` what the read commands open;
``graph.html`` the interactive view. The Turtle is streamed to its file and
then loaded from there into the SPARQL store, in a thread of its own, while
graph.json, the store's SQLite part and graph.html are written.
"""
from __future__ import annotations

import time
from pathlib import Path

from .export import write_graph_turtle
from .graph import KnowledgeGraph
from .io import atomic_output
from .store import write_store
from .view import write_html


def write_outputs(kg: KnowledgeGraph, out: Path, html: bool = True, sparql: bool = True,
                  timings: dict[str, float] | None = None) -> list[Path]:
    """Write every output into ``out`` (the store without its SPARQL part if not ``sparql``);
    ``timings`` (if given) gets seconds per output."""
    seconds = timings if timings is not None else {}
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    with atomic_output(out / "graph.ttl") as fh:
        write_graph_turtle(kg, fh)
    seconds["write.turtle"] = time.perf_counter() - t
    written = [out / "graph.json", out / "graph.ttl"]

    def the_rest() -> None:
        t = time.perf_counter()
        kg.save(out / "graph.json")
        seconds["write.json"] = time.perf_counter() - t
        if html:
            t = time.perf_counter()
            write_html(kg, out / "graph.html")
            seconds["write.html"] = time.perf_counter() - t

    t = time.perf_counter()
    written.append(write_store(kg, out, turtle=out / "graph.ttl", rdf=sparql, alongside=the_rest,
                               timings=seconds))  # for the read commands
    seconds["write.store_and_rest"] = time.perf_counter() - t
    if html:
        written.append(out / "graph.html")
    return written
