"""Everything a build writes into its output folder, each file atomically.

``graph.json`` is the graph core as saved by :meth:`KnowledgeGraph.save`;
``graph.ttl`` the Turtle export; ``graph.html`` the interactive view.
"""
from __future__ import annotations

from pathlib import Path

from .graph import KnowledgeGraph
from .io import atomic_write_text
from .rdf import to_turtle
from .store import write_store
from .view import write_html


def write_outputs(kg: KnowledgeGraph, out: Path, html: bool = True) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    turtle = to_turtle(kg)  # computed before anything is replaced
    written = []
    kg.save(out / "graph.json")
    written.append(out / "graph.json")
    atomic_write_text(out / "graph.ttl", turtle)
    written.append(out / "graph.ttl")
    written.append(write_store(kg, out, turtle=turtle))  # store/: what the read commands open
    if html:
        write_html(kg, out / "graph.html")
        written.append(out / "graph.html")
    return written
