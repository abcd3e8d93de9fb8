"""The build: paths -> documents -> extractions -> graph -> outputs.

``build()`` is the library entry point the CLI wraps. Outputs are written
atomically, and only once the whole graph is ready, so an interrupted or
failed build leaves the previous outputs as they were.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import NoDocumentsError
from .extract.document import extract_document
from .graph import KnowledgeGraph
from .ingest import Skipped, collect_paths, read_documents
from .refdata import load_reference
from .resolve import build_graph
from .outputs import write_outputs


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    out: Path
    documents: int
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        st = self.graph.stats()
        lines = [f"documents: {st['documents']}" + (f" (skipped {len(self.skipped)})" if self.skipped else "")]
        lines.append("entities: " + str(st["entities"]) + " (" +
                     ", ".join(f"{k} {v}" for k, v in st["entities_by_class"].items()) + ")")
        lines.append(f"topics: {st['topics']}  meetings: {st['meetings']}  relations: {st['relations']}")
        for s in self.skipped:
            lines.append(f"skipped {s}")
        lines.append(f"written: {self.out / 'graph.ttl'}, {self.out / 'graph.html'}  ({self.seconds:.2f} s)")
        return "\n".join(lines)


def build(inputs: Iterable[Path | str], out: Path | str = "exports", strict: bool = False,
          html: bool = True) -> BuildResult:
    t0 = time.perf_counter()
    out = Path(out)
    paths = collect_paths(inputs)
    docs, skipped = read_documents(paths, strict=strict)
    if not docs:
        raise NoDocumentsError("nothing to build: no readable document among the inputs ("
                               + "; ".join(str(s) for s in skipped[:5]) + ")")
    ref = load_reference()
    unique = {d.id: d for d in docs}  # the same text twice is one document
    extractions = [extract_document(d, ref) for d in sorted(unique.values(), key=lambda d: (d.file_name, d.id))]
    kg = build_graph(extractions, ref, meta={"kgraph_version": __version__})
    write_outputs(kg, out, html=html)
    return BuildResult(kg, out, len(unique), skipped, time.perf_counter() - t0)
