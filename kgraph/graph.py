"""The knowledge graph: one networkx ``MultiDiGraph``, the single canonical store.

Nodes are entities, topics, meetings, documents and posts, keyed by the local
part of their IRI (``municipality/1384``). Edges are statements keyed by
predicate (``memberOf``, ``participant`` ...). Every edge and every literal
statement carries its evidence: the document, the character span, the
sentence, the rule that found it and a confidence. Every output (Turtle, the
HTML view, query answers) is derived from this object.
"""
from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx

from .contracts import Evidence
from .errors import GraphNotFoundError, KgraphError

FORMAT_VERSION = 1


def _evidence_of(items: Iterable[Any]) -> list[Evidence]:
    """Evidence records from graph.json dicts (or records already)."""
    return [x if isinstance(x, Evidence) else Evidence.from_dict(x) for x in items]


def _json_node(n: str, d: dict[str, Any]) -> dict[str, Any]:
    out = {"id": n, **d}
    lits = d.get("literals")
    if lits:
        out["literals"] = {p: {v: [e.as_dict() for e in evs] for v, evs in values.items()}
                           for p, values in lits.items()}
    return out


def _insort_unique(items: list[Any], value: Any) -> None:
    i = bisect.bisect_left(items, value)
    if i == len(items) or items[i] != value:
        items.insert(i, value)


class KnowledgeGraph:
    """A typed, provenance-carrying view over a ``networkx.MultiDiGraph``."""

    def __init__(self, g: nx.MultiDiGraph | None = None, meta: dict[str, Any] | None = None) -> None:
        self.g = g if g is not None else nx.MultiDiGraph()
        self.meta: dict[str, Any] = meta or {}
        self._known: dict[tuple[str, str, str], set[tuple[Any, ...]]] = {}  # evidence seen per statement

    # ---------------------------------------------------------------- building
    def add_node(self, node: str, kind: str, cls: Iterable[str] = (), label: str = "", **attrs: Any) -> None:
        """Add a node or merge into the one there (classes, alt labels, attributes).

        Lists stay sorted by insertion in place, so merging a node that thousands
        of documents mention costs a binary search, not a re-sort."""
        if node in self.g:
            data = self.g.nodes[node]
            for c in cls:
                _insort_unique(data.setdefault("cls", []), c)
            if label and not data.get("label"):
                data["label"] = label
            for k, v in attrs.items():
                if k in ("alt_labels", "docs"):
                    target = data.setdefault(k, [])
                    for x in v:
                        _insort_unique(target, x)
                elif v not in (None, "", [], {}) and not data.get(k):
                    data[k] = v
            return
        attrs["alt_labels"] = sorted(set(attrs.get("alt_labels", [])))
        attrs["docs"] = sorted(set(attrs.get("docs", [])))
        self.g.add_node(node, kind=kind, cls=sorted(set(cls)), label=label, literals={}, **attrs)

    def add_edge(self, s: str, p: str, o: str, evidence: Iterable[Evidence] = ()) -> None:
        ev = list(evidence)
        if self.g.has_edge(s, o, key=p):
            data = self.g.edges[s, o, p]
            known = self._known.get((s, p, o))
            if known is None:
                known = self._known[(s, p, o)] = set(data["evidence"])
            for x in ev:
                if x not in known:
                    known.add(x)
                    data["evidence"].append(x)
        else:
            self.g.add_edge(s, o, key=p, predicate=p, evidence=ev)

    def add_literal(self, s: str, p: str, value: str, evidence: Iterable[Evidence] = ()) -> None:
        lits = self.g.nodes[s].setdefault("literals", {})
        bucket = lits.setdefault(p, {})
        known_list = bucket.setdefault(value, [])
        known = self._known.get((s, p, "\x00" + value))
        if known is None:
            known = self._known[(s, p, "\x00" + value)] = set(known_list)
        for e in evidence:
            if e not in known:
                known.add(e)
                known_list.append(e)

    # ---------------------------------------------------------------- reading
    def nodes(self, kind: str | None = None, cls: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        for n, d in self.g.nodes(data=True):
            if kind and d.get("kind") != kind:
                continue
            if cls and cls not in d.get("cls", []):
                continue
            yield n, d

    def node(self, n: str) -> dict[str, Any]:
        return self.g.nodes[n]

    def label(self, n: str) -> str:
        return self.g.nodes[n].get("label") or n

    def edges(self, predicate: str | None = None) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        for s, o, k, d in self.g.edges(keys=True, data=True):
            if predicate is None or k == predicate:
                yield s, o, k, d

    def literals(self, n: str, p: str) -> dict[str, list[dict[str, Any]]]:
        return self.g.nodes[n].get("literals", {}).get(p, {})

    def stats(self) -> dict[str, Any]:
        by_class: dict[str, int] = {}
        for _, d in self.nodes(kind="entity"):
            for c in d["cls"]:
                by_class[c] = by_class.get(c, 0) + 1
        return {
            "documents": sum(1 for _ in self.nodes(kind="document")),
            "entities": sum(1 for _ in self.nodes(kind="entity")),
            "entities_by_class": dict(sorted(by_class.items())),
            "topics": sum(1 for _ in self.nodes(kind="topic")),
            "meetings": sum(1 for _ in self.nodes(kind="meeting")),
            "relations": self.g.number_of_edges(),
        }

    # ---------------------------------------------------------------- persistence
    def _json_nodes(self) -> Iterator[dict[str, Any]]:
        return (_json_node(n, d) for n, d in sorted(self.g.nodes(data=True)))

    def sorted_edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(s, o, predicate, data) sorted by (s, predicate, o), node by node: no list of every edge."""
        adj = self.g._adj  # networkx's own adjacency dict (the public view wraps it, 3x slower to walk)
        for s in sorted(adj):
            for p, o, d in sorted((p, o, d) for o, keydict in adj[s].items() for p, d in keydict.items()):
                yield s, o, p, d

    def _json_edges(self) -> Iterator[dict[str, Any]]:
        return ({"s": s, "o": o, "p": k, "evidence": [e.as_dict() for e in d["evidence"]]}
                for s, o, k, d in self.sorted_edges())

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "meta": self.meta, "nodes": list(self._json_nodes()),
                "edges": list(self._json_edges())}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "KnowledgeGraph":
        if data.get("format") != FORMAT_VERSION:
            raise KgraphError(f"graph store format {data.get('format')!r} is not supported; rebuild with 'kgraph build'")
        kg = cls(meta=data.get("meta", {}))
        for n in data["nodes"]:
            attrs = dict(n)
            node = attrs.pop("id")
            if attrs.get("literals"):
                attrs["literals"] = {p: {v: _evidence_of(evs) for v, evs in values.items()}
                                     for p, values in attrs["literals"].items()}
            kg.g.add_node(node, **attrs)
        for e in data["edges"]:
            kg.g.add_edge(e["s"], e["o"], key=e["p"], predicate=e["p"], evidence=_evidence_of(e["evidence"]))
        return kg

    def save(self, path: Path) -> None:
        """Write ``to_json()`` as JSON (keys sorted), streamed item by item: the same bytes as
        ``json.dumps(kg.to_json(), ensure_ascii=False, sort_keys=True)`` without building them in memory."""
        from .io import atomic_output

        def dump(x: Any) -> str:
            return json.dumps(x, ensure_ascii=False, sort_keys=True)

        def items(it: Iterator[dict[str, Any]]) -> Iterator[bytes]:
            batch: list[str] = []
            for first, x in enumerate(it):
                batch.append(dump(x) if first == 0 else ", " + dump(x))
                if len(batch) >= 2048:
                    yield "".join(batch).encode("utf-8")
                    batch = []
            yield "".join(batch).encode("utf-8")

        with atomic_output(path) as fh:
            fh.write(b'{"edges": [')
            fh.writelines(items(self._json_edges()))
            fh.write(f'], "format": {dump(FORMAT_VERSION)}, "meta": {dump(self.meta)}, "nodes": ['.encode("utf-8"))
            fh.writelines(items(self._json_nodes()))
            fh.write(b"]}")

    @classmethod
    def load(cls, folder: Path) -> "KnowledgeGraph":
        path = folder / "graph.json" if folder.is_dir() else folder
        if not path.is_file():
            raise GraphNotFoundError(f"{folder}: no kgraph build here (graph.json missing); run 'kgraph build' first")
        try:
            return cls.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError) as exc:
            raise KgraphError(f"{path}: damaged graph store ({exc}); rebuild with 'kgraph build'") from exc
