"""kgraph: Swedish public-sector documents to a knowledge graph of who met whom,
where, when and about what."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "build", "KnowledgeGraph"]


def __getattr__(name: str):  # lazy: importing kgraph stays cheap
    if name == "build":
        from .pipeline import build
        return build
    if name == "KnowledgeGraph":
        from .graph import KnowledgeGraph
        return KnowledgeGraph
    raise AttributeError(name)
