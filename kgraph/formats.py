"""The export formats, in a module light enough for the CLI to import at start-up."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    rdf: bool
    dataset: bool = False


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("turtle", ".ttl", "text/turtle", True),
    Format("ntriples", ".nt", "application/n-triples", True),
    Format("trig", ".trig", "application/trig", True, dataset=True),
    Format("nquads", ".nq", "application/n-quads", True, dataset=True),
    Format("jsonld", ".jsonld", "application/ld+json", True),
    Format("graphml", ".graphml", "application/graphml+xml", False),
    Format("gexf", ".gexf", "application/gexf+xml", False),
    Format("void", ".void.ttl", "text/turtle", True),
)}
FORMAT_NAMES = tuple(FORMATS)
