"""Everything a build writes into its output folder, each file atomically.

``graph.json`` is the graph core as saved by :meth:`KnowledgeGraph.save`;
``graph.ttl`` the Turtle export; ``store/`` what the read commands open;
``graph.html`` the interactive view. The Turtle is serialised once and both
written and loaded into the SPARQL store; that load runs in a thread of its
own while graph.json, the store's SQLite part and graph.html are written.
"""
from __future__ import annotations

from pathlib import Path

from .graph import KnowledgeGraph
from .io import atomic_write_bytes
from .rdf import to_turtle
from .store import write_store
from .view import write_html


def write_outputs(kg: KnowledgeGraph, out: Path, html: bool = True) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    turtle = to_turtle(kg).encode("utf-8")  # computed before anything is replaced
    atomic_write_bytes(out / "graph.ttl", turtle)
    written = [out / "graph.json", out / "graph.ttl"]

    def the_rest() -> None:
        kg.save(out / "graph.json")
        if html:
            write_html(kg, out / "graph.html")

    written.append(write_store(kg, out, turtle=turtle, alongside=the_rest))  # store/: for the read commands
    if html:
        written.append(out / "graph.html")
    return written
