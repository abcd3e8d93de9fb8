"""Stage contracts: every record that passes between extract, resolve and graph.

extract -> :class:`DocExtraction` (entities with their mentions, statements,
meetings, topic mentions of one document); resolve -> :class:`DocGraph` (one
document's part of the graph as plain tuples: quick to send between
processes and to cache, as checked JSON, :mod:`kgraph.cache`); graph ->
:class:`Evidence` on every statement.

The records of ingest and extract themselves (``Document``, ``Mention``,
``Statement``, ``Meeting``) are pydantic models in :mod:`kgraph.models`.
This module imports nothing heavy, so every stage can depend on it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .models import Document, Meeting, Mention, Statement


class Evidence(NamedTuple):
    """Where a statement comes from. A tuple (millions are made, pickled and kept in a build's
    graph: a third of the memory of a dict) that also reads like the dict graph.json stores:
    ``ev["doc"]``, ``ev.get("sentence")``."""

    doc: str  # document node id ("" for reference data)
    start: int | None
    end: int | None
    sentence: str
    rule: str
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "sentence": self.sentence,
                "rule": self.rule, "confidence": self.confidence}

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Evidence:
        return Evidence(d["doc"], d.get("start"), d.get("end"), d.get("sentence", ""), d.get("rule", ""),
                        float(d.get("confidence", 1.0)))

    def __getitem__(self, key: Any) -> Any:
        return getattr(self, key) if key.__class__ is str else tuple.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in Evidence._fields else default


@dataclass
class EntityInfo:
    """What one document says about one entity."""

    key: str
    cls: str
    label: str | None = None  # None: the reference label
    surfaces: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    minister: bool = False


@dataclass
class DocExtraction:
    doc: Document
    published: dt.date | None
    title: str | None
    publisher: str | None
    entities: dict[str, EntityInfo]
    statements: list[Statement]
    meetings: list[Meeting]
    topics: dict[str, list[Mention]]  # topic id -> mentions


# --- one document's part of the graph ----------------------------------------------------------------------
# Plain tuples, no pydantic: a part is computed where the document is extracted (a worker process),
# sent to the build process and into the cache (JSON, kgraph.cache.encode_part), and merged there;
# tuples of strings and numbers encode and decode several times faster than model objects.

class EntityPart(NamedTuple):
    key: str
    cls: tuple[str, ...]
    label: str
    alt_labels: tuple[str, ...]
    attrs: dict[str, Any]  # reference attributes: scbCode, wikidata ...
    evidence: tuple[Evidence, ...]  # of the mentions (first three)


class StatementPart(NamedTuple):
    subject: str
    predicate: str
    object: str
    literal: bool
    evidence: Evidence


class TopicPart(NamedTuple):
    node: str
    label: str
    alt_labels: tuple[str, ...]
    en_label: str
    broader: Any
    mentions: tuple[Evidence, ...]  # first three
    first: Evidence


class MeetingPart(NamedTuple):
    node: str
    kind: str
    status: str
    date: str
    trigger: str
    evidence: Evidence
    participants: tuple[str, ...]
    location: str | None
    topics: tuple[str, ...]  # topic nodes
    # the evidence of each participant, the place and each topic (their own mentions); ``evidence``
    # (the meeting word's sentence) stands in where one is missing
    participant_evidence: tuple[Evidence, ...] = ()
    location_evidence: Evidence | None = None
    topic_evidence: tuple[Evidence, ...] = ()


class DocGraph(NamedTuple):
    """What one document adds to the graph. The file it came from (name, path) is not part of
    it: the same text under another name is the same part (the cache relies on that)."""

    doc_id: str
    title: str
    published: str
    format: str
    publisher: str | None
    entities: tuple[EntityPart, ...]
    statements: tuple[StatementPart, ...]
    topics: tuple[TopicPart, ...]
    meetings: tuple[MeetingPart, ...]

