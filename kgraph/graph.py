"""The knowledge graph core: what every other module may ask of a graph.

A graph has **nodes** (entities, topics, meetings, documents and posts, keyed
by the local part of their IRI, ``municipality/1384``), **edges** (statements
between two nodes, keyed by predicate: ``memberOf``, ``participant`` ...) and
**literal statements** of a node (``role``). Every edge and every literal
statement carries its evidence: a list of :class:`~kgraph.contracts.Evidence`
(document, character span, sentence, rule, confidence), in the order the
documents were merged, each record once.

:class:`GraphReader` is the interface, in the manner of rdflib's ``Store`` and
neo4j-graphrag's ``KGWriter``: a few documented calls, so that the writers of
the outputs (Turtle, N-Quads, the query store, graph.json, the page, the
exports) and the merge do not depend on how a graph is kept. Two
implementations:

* :class:`KnowledgeGraph`, in memory (plain dicts): graphs read back from
  graph.json, graphs that tests and programs make by hand;
* :class:`kgraph.diskgraph.DiskGraph`, on disk (SQLite): what ``kgraph build``
  merges documents' parts into and writes every output from, so that a
  build's memory does not grow with its statements and their evidence.

Writing goes through :class:`GraphWriter` calls (``add_node``, ``add_edge``,
``add_literal``, ``set_attr``) with the same merge rules in both: a node's
classes, other names and documents are sets (kept sorted); its label and
other attributes are the first non-empty value given; an edge's evidence is
the records given, in order, each once.

networkx is not part of the core: the view and the exports build the
projection they need (``kgraph.view.view_graph``) from these calls.
"""
from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Collection, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from .contracts import Evidence
from .errors import GraphNotFoundError, KgraphError, not_a_build_folder

FORMAT_VERSION = 1
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # json.dumps(x, ensure_ascii=False, sort_keys=True)
# the same bytes for dicts built with their keys in sorted order, without sorting each (graph.json's edges)
_JSON_IN_ORDER = json.JSONEncoder(ensure_ascii=False)

#: (predicate, other node, evidence) of an edge seen from one of its ends
EdgeEnd = tuple[str, str, list[Evidence]]


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


def _insort_unique(items: list[Any], values: Iterable[Any]) -> None:
    """Each of ``values`` into the sorted list ``items`` where it is not there yet (one call per
    list: a node merged again brings the same few classes and names, 400,000 of them at 1k documents)."""
    if values.__class__ is not list and values.__class__ is not tuple:
        values = list(values)
    if len(values) > 4:  # a topic's 27 names, all there already: one set instead of a search each
        have = set(items)
        values = [v for v in values if v not in have]
    find = bisect.bisect_left
    for value in values:
        i = find(items, value)
        if i == len(items) or items[i] != value:
            items.insert(i, value)


SET_ATTRS = ("alt_labels", "docs")  # node attributes that are sets (besides ``cls``): merged, kept sorted


def merge_node_data(data: dict[str, Any], cls: Iterable[str], label: str, attrs: dict[str, Any]) -> None:
    """The merge rule of :meth:`GraphWriter.add_node` for a node already there (``data`` in place)."""
    _insort_unique(data.setdefault("cls", []), cls)
    if label and not data.get("label"):
        data["label"] = label
    for k, v in attrs.items():
        if k in SET_ATTRS:
            _insort_unique(data.setdefault(k, []), v)
        elif v not in (None, "", [], {}) and not data.get(k):
            data[k] = v


def new_node_data(kind: str, cls: Iterable[str], label: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """A node's data as :meth:`GraphWriter.add_node` makes it when it is new."""
    data = dict(attrs)
    data["alt_labels"] = sorted(set(attrs.get("alt_labels", [])))
    data["docs"] = sorted(set(attrs.get("docs", [])))
    return {"kind": kind, "cls": sorted(set(cls)), "label": label, "literals": {}, **data}


class GraphReader:
    """What a module may ask of a graph. An implementation provides the calls marked *required*;
    the rest are written with them. Nodes' data are dicts (``kind``, ``cls``, ``label``,
    ``alt_labels``, ``docs``, ``literals`` and the attributes of the kind); a caller does not
    change them (use the writer calls)."""

    meta: dict[str, Any]

    # ------------------------------------------------------------ required
    def __contains__(self, n: object) -> bool:
        raise NotImplementedError

    def node(self, n: str) -> dict[str, Any]:
        """The data of node ``n`` (KeyError if there is none)."""
        raise NotImplementedError

    def nodes(self, kind: str | None = None, cls: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, data) of every node, or of those of ``kind`` / class ``cls``; in no promised order."""
        raise NotImplementedError

    def out_edges(self, n: str, predicate: str | None = None, limit: int | None = None) -> Iterator[EdgeEnd]:
        """(predicate, object, evidence) of the edges from ``n``, sorted by (object, predicate);
        with ``predicate`` and ``limit``, the first ``limit`` of that predicate only."""
        raise NotImplementedError

    def in_edges(self, n: str, predicate: str | None = None, limit: int | None = None) -> Iterator[EdgeEnd]:
        """(predicate, subject, evidence) of the edges into ``n``, sorted by (subject, predicate);
        with ``predicate`` and ``limit``, the first ``limit`` of that predicate only."""
        raise NotImplementedError

    def edge_counts(self, n: str) -> dict[tuple[str, str], int]:
        """How many edges of each predicate leave ``n`` (``("out", p)``) and reach it (``("in", p)``)."""
        counts: dict[tuple[str, str], int] = {}
        for way, ends in (("out", self.out_edges(n)), ("in", self.in_edges(n))):
            for p, _, _ in ends:
                counts[(way, p)] = counts.get((way, p), 0) + 1
        return counts

    def few_ends(self, n: str, out: bool, most: int) -> list[EdgeEnd] | None:
        """Every edge out of ``n`` (``out``) or into it, as :meth:`out_edges` / :meth:`in_edges` give
        them, when there are at most ``most``; None when there are more (an implementation may say
        None for fewer: the caller then asks predicate by predicate). One read where a node has few
        edges, without walking a hub's."""
        ends: list[EdgeEnd] = []
        for end in (self.out_edges if out else self.in_edges)(n):
            if len(ends) == most:
                return None
            ends.append(end)
        return ends

    def edges(self, predicate: str | None = None) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(subject, object, predicate, {"predicate": p, "evidence": [...]}) of every edge (or those of
        ``predicate``), in no promised order."""
        raise NotImplementedError

    def edge_keys(self, predicates: Collection[str] | None = None) -> Iterator[tuple[str, str, str]]:
        """(subject, predicate, object) of every edge, or of those of ``predicates``, without their
        evidence (cheap where evidence is on disk); in no promised order."""
        for s, o, p, _ in self.edges():
            if predicates is None or p in predicates:
                yield s, p, o

    def number_of_nodes(self) -> int:
        raise NotImplementedError

    def number_of_edges(self) -> int:
        raise NotImplementedError

    # ------------------------------------------------------------ derived
    def edge_keys_at(self, n: str, predicates: Collection[str], way: str = "both",
                     kinds: Collection[str] | None = None) -> Iterator[tuple[str, str, str]]:
        """(subject, predicate, object) of the edges of ``predicates`` from ``n`` (``way="out"``), into
        it (``"in"``) or both, without their evidence; each once (an edge from ``n`` to itself too).
        With ``kinds``, only edges whose other end is a node of one of them."""
        def other_ok(m: str) -> bool:
            if kinds is None:
                return True
            d = self.get(m)
            return d is not None and d.get("kind") in kinds

        if way in ("both", "out"):
            for p, o, _ in self.out_edges(n):
                if p in predicates and other_ok(o):
                    yield n, p, o
        if way in ("both", "in"):
            for p, s, _ in self.in_edges(n):
                if p in predicates and (s != n or way == "in") and other_ok(s):
                    yield s, p, n

    def count_nodes(self, kinds: Collection[str]) -> int:
        """How many nodes are of one of ``kinds``."""
        return sum(1 for k in kinds for _ in self.nodes(kind=k))

    def classes(self, kinds: Collection[str]) -> set[str]:
        """The classes of the nodes of ``kinds``."""
        return {c for k in kinds for _, d in self.nodes(kind=k) for c in d.get("cls", ())}

    def sorted_nodes(self, kind: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """:meth:`nodes` sorted by id."""
        return iter(sorted(self.nodes(kind), key=lambda x: x[0]))

    def sorted_edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(s, o, predicate, {"predicate", "evidence"}) sorted by (s, predicate, o), node by node."""
        for s, _ in self.sorted_nodes():
            for p, o, ev in sorted(self.out_edges(s), key=lambda x: (x[0], x[1])):
                yield s, o, p, {"predicate": p, "evidence": ev}

    def out_edges_by_node(self) -> Iterator[tuple[str, list[EdgeEnd]]]:
        """(node, :meth:`out_edges` of it as a list) of every node with edges out, sorted by node as
        :meth:`sorted_nodes` sorts them (where the edges are on disk: one walk, not a query per node)."""
        for n, _ in self.sorted_nodes():
            ends = list(self.out_edges(n))
            if ends:
                yield n, ends

    def get(self, n: str) -> dict[str, Any] | None:
        """The data of ``n``, or None."""
        return self.node(n) if n in self else None

    def label(self, n: str) -> str:
        return self.node(n).get("label") or n

    def literals(self, n: str, p: str) -> dict[str, list[Evidence]]:
        return self.node(n).get("literals", {}).get(p, {})

    def neighbours(self, n: str) -> set[str]:
        """The nodes an edge links to ``n``, either way."""
        return {o for _, o, _ in self.out_edges(n)} | {s for _, s, _ in self.in_edges(n)}

    def degree(self, n: str) -> int:
        """Edges into and out of ``n`` (an edge from ``n`` to itself twice)."""
        return sum(1 for _ in self.out_edges(n)) + sum(1 for _ in self.in_edges(n))

    def undirected_degrees(self, predicates: Collection[str], kinds: Collection[str],
                           through: tuple[str, str] | None = None) -> Iterator[tuple[str, int]]:
        """(node, degree) of every node of ``kinds``, sorted by node: how many other nodes of ``kinds``
        an edge of ``predicates`` joins it to, either way, or a pair of edges ``s -through[0]-> x
        -through[1]-> o`` (a post between its holder and its organisation); each neighbour once."""
        nodes = sorted(n for k in kinds for n, _ in self.nodes(kind=k))
        adj: dict[str, set[str]] = {n: set() for n in nodes}

        def join(a: str, b: str) -> None:
            if a != b and a in adj and b in adj:
                adj[a].add(b)
                adj[b].add(a)

        for s, _, o in self.edge_keys(predicates):
            join(s, o)
        if through is not None:
            for s, _, x in self.edge_keys((through[0],)):
                for _, o, _ in self.out_edges(x, through[1]):
                    join(s, o)
        return ((n, len(adj[n])) for n in nodes)

    def stats(self) -> dict[str, Any]:
        by_class: dict[str, int] = {}
        counts = {"document": 0, "entity": 0, "topic": 0, "meeting": 0}
        for _, d in self.nodes():
            kind = d.get("kind")
            if kind in counts:
                counts[kind] += 1
            if kind == "entity":
                for c in d["cls"]:
                    by_class[c] = by_class.get(c, 0) + 1
        return {
            "documents": counts["document"],
            "entities": counts["entity"],
            "entities_by_class": dict(sorted(by_class.items())),
            "topics": counts["topic"],
            "meetings": counts["meeting"],
            "relations": self.number_of_edges(),
        }

    # ------------------------------------------------------------ graph.json
    def _json_nodes(self) -> Iterator[dict[str, Any]]:
        return (_json_node(n, d) for n, d in self.sorted_nodes())

    def _json_edges(self) -> Iterator[dict[str, Any]]:
        """graph.json's edges, each dict (its records' too) built with its keys in sorted order."""
        return ({"evidence": [{"confidence": c, "doc": doc, "end": end, "rule": rule, "sentence": sent, "start": start}
                              for doc, start, end, sent, rule, c in d["evidence"]], "o": o, "p": k, "s": s}
                for s, o, k, d in self.sorted_edges())

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "meta": self.meta, "nodes": list(self._json_nodes()),
                "edges": list(self._json_edges())}

    def save(self, path: Path) -> None:
        """Write ``to_json()`` as JSON (keys sorted), streamed item by item: the same bytes as
        ``json.dumps(kg.to_json(), ensure_ascii=False, sort_keys=True)`` without building them in memory."""
        from .io import atomic_output

        dump = _JSON.encode

        def items(it: Iterator[dict[str, Any]], dump: Callable[[Any], str] = dump) -> Iterator[bytes]:
            # a list of items encoded in one call is "[a, b, c]": the items joined as json.dumps joins
            # them, by the C encoder in one go (a call per item cost a third of the file's time)
            sep = ""
            for batch in iter(lambda: list(islice(it, 2048)), []):
                yield (sep + dump(batch)[1:-1]).encode("utf-8")
                sep = ", "

        with atomic_output(path) as fh:
            fh.write(b'{"edges": [')
            fh.writelines(items(self._json_edges(), _JSON_IN_ORDER.encode))
            fh.write(f'], "format": {dump(FORMAT_VERSION)}, "meta": {dump(self.meta)}, "nodes": ['.encode("utf-8"))
            fh.writelines(items(self._json_nodes()))
            fh.write(b"]}")


class GraphWriter:
    """The calls that build a graph (both implementations; see the module docstring for the merge rules)."""

    def add_node(self, node: str, kind: str, cls: Iterable[str] = (), label: str = "", **attrs: Any) -> None:
        raise NotImplementedError

    def add_edge(self, s: str, p: str, o: str, evidence: Iterable[Evidence] = ()) -> None:
        raise NotImplementedError

    def add_literal(self, s: str, p: str, value: str, evidence: Iterable[Evidence] = ()) -> None:
        raise NotImplementedError

    def set_attr(self, n: str, key: str, value: Any) -> None:
        """Set one attribute of node ``n``, whatever it was (a document's publisher)."""
        raise NotImplementedError


def _ends(adj: dict[tuple[str, str], list[Evidence]], predicate: str | None, limit: int | None) -> Iterator[EdgeEnd]:
    """The edges of one node's adjacency dict ((other, predicate) -> evidence), sorted."""
    if predicate is None:
        return ((p, o, ev) for (o, p), ev in sorted(adj.items(), key=lambda x: x[0]))
    ends = sorted((o, ev) for (o, p), ev in adj.items() if p == predicate)
    return ((predicate, o, ev) for o, ev in (ends if limit is None else ends[:limit]))


class Graph(GraphReader, GraphWriter):
    """A graph one can read and build: what the merge (:mod:`kgraph.resolve`) works on."""


class KnowledgeGraph(Graph):
    """A graph in memory: a dict of nodes and, per node, dicts of its edges out and in, which share
    each edge's evidence list."""

    def __init__(self, meta: dict[str, Any] | None = None) -> None:
        self.meta: dict[str, Any] = meta or {}
        self._nodes: dict[str, dict[str, Any]] = {}
        self._out: dict[str, dict[tuple[str, str], list[Evidence]]] = {}  # s -> (o, p) -> evidence
        self._in: dict[str, dict[tuple[str, str], list[Evidence]]] = {}  # o -> (s, p) -> the same list
        self._edges = 0
        self._known: dict[tuple[str, str, str], set[Evidence]] = {}  # evidence seen per statement

    # ---------------------------------------------------------------- building
    def add_node(self, node: str, kind: str, cls: Iterable[str] = (), label: str = "", **attrs: Any) -> None:
        data = self._nodes.get(node)
        if data is not None:
            merge_node_data(data, cls, label, attrs)
            return
        self._nodes[node] = new_node_data(kind, cls, label, attrs)
        self._out[node] = {}
        self._in[node] = {}

    def _ensure(self, n: str) -> None:
        if n not in self._nodes:  # an edge to a node never added: a bare node, as networkx made one
            self._nodes[n] = {}
            self._out[n] = {}
            self._in[n] = {}

    def add_edge(self, s: str, p: str, o: str, evidence: Iterable[Evidence] = ()) -> None:
        self._ensure(s)
        self._ensure(o)
        out = self._out[s]
        data = out.get((o, p))
        if data is None:
            ev = list(dict.fromkeys(evidence))  # each record once, in order
            out[(o, p)] = self._in[o][(s, p)] = ev
            self._edges += 1
            return
        known = self._known.get((s, p, o))
        if known is None:
            known = self._known[(s, p, o)] = set(data)
        for x in evidence:
            if x not in known:
                known.add(x)
                data.append(x)

    def add_literal(self, s: str, p: str, value: str, evidence: Iterable[Evidence] = ()) -> None:
        lits = self._nodes[s].setdefault("literals", {})
        bucket = lits.setdefault(p, {})
        known_list = bucket.setdefault(value, [])
        known = self._known.get((s, p, "\x00" + value))
        if known is None:
            known = self._known[(s, p, "\x00" + value)] = set(known_list)
        for e in evidence:
            if e not in known:
                known.add(e)
                known_list.append(e)

    def set_attr(self, n: str, key: str, value: Any) -> None:
        self._nodes[n][key] = value

    # ---------------------------------------------------------------- reading
    def __contains__(self, n: object) -> bool:
        return n in self._nodes

    def node(self, n: str) -> dict[str, Any]:
        return self._nodes[n]

    def nodes(self, kind: str | None = None, cls: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        for n, d in self._nodes.items():
            if kind and d.get("kind") != kind:
                continue
            if cls and cls not in d.get("cls", []):
                continue
            yield n, d

    def out_edges(self, n: str, predicate: str | None = None, limit: int | None = None) -> Iterator[EdgeEnd]:
        return _ends(self._out.get(n, {}), predicate, limit)

    def in_edges(self, n: str, predicate: str | None = None, limit: int | None = None) -> Iterator[EdgeEnd]:
        return _ends(self._in.get(n, {}), predicate, limit)

    def few_ends(self, n: str, out: bool, most: int) -> list[EdgeEnd] | None:
        adj = (self._out if out else self._in).get(n, {})
        return list(_ends(adj, None, None)) if len(adj) <= most else None

    def edges(self, predicate: str | None = None) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        for s, out in self._out.items():
            for (o, p), ev in out.items():
                if predicate is None or p == predicate:
                    yield s, o, p, {"predicate": p, "evidence": ev}

    def edge_keys(self, predicates: Collection[str] | None = None) -> Iterator[tuple[str, str, str]]:
        for s, out in self._out.items():
            for o, p in out:
                if predicates is None or p in predicates:
                    yield s, p, o

    def sorted_edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        for s in sorted(self._out):
            for (o, p), ev in sorted(self._out[s].items(), key=lambda x: (x[0][1], x[0][0])):
                yield s, o, p, {"predicate": p, "evidence": ev}

    def neighbours(self, n: str) -> set[str]:
        return {o for o, _ in self._out.get(n, {})} | {s for s, _ in self._in.get(n, {})}

    def degree(self, n: str) -> int:
        return len(self._out.get(n, {})) + len(self._in.get(n, {}))

    def number_of_nodes(self) -> int:
        return len(self._nodes)

    def number_of_edges(self) -> int:
        return self._edges

    # ---------------------------------------------------------------- persistence
    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "KnowledgeGraph":
        if not isinstance(data, dict) or "format" not in data or "nodes" not in data:
            raise KgraphError("not a graph.json written by kgraph (no 'format' and 'nodes')")
        if data.get("format") != FORMAT_VERSION:
            raise KgraphError(f"graph store format {data.get('format')!r} is not supported; "
                              "rebuild with 'kgraph build'")
        kg = cls(meta=data.get("meta", {}))
        for n in data["nodes"]:
            attrs = dict(n)
            node = attrs.pop("id")
            if attrs.get("literals"):
                attrs["literals"] = {p: {v: _evidence_of(evs) for v, evs in values.items()}
                                     for p, values in attrs["literals"].items()}
            kg._nodes[node] = attrs
            kg._out[node] = {}
            kg._in[node] = {}
        for e in data["edges"]:
            kg.add_edge(e["s"], e["p"], e["o"], _evidence_of(e["evidence"]))
        return kg

    @classmethod
    def load(cls, folder: Path) -> "KnowledgeGraph":
        """The graph.json of a build folder (or that file), in memory. :func:`open_graph` opens a
        build's graph core instead, without reading it all."""
        path = folder / "graph.json" if folder.is_dir() else folder
        if not path.is_file():
            raise GraphNotFoundError(f"{folder}: no kgraph build here (graph.json missing); run 'kgraph build' first")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise KgraphError(f"{path}: damaged graph store ({exc}); rebuild with 'kgraph build'") from exc
        try:
            return cls.from_json(data)
        except KgraphError as exc:
            raise KgraphError(f"{path}: {exc}") from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise KgraphError(f"{path}: damaged graph store ({exc}); rebuild with 'kgraph build'") from exc


#: where a build folder keeps its graph core (:mod:`kgraph.diskgraph`): in the generation it shows
CORE_PATH = Path(".kgraph") / "current" / "core.sqlite"


def open_graph(path: Path | str) -> GraphReader:
    """The graph of a build folder: its graph core on disk when the build wrote one (opened in
    milliseconds, read as asked), else its graph.json (read whole into memory). ``path`` may
    also name a graph.json or a core file."""
    path = Path(path)
    if path.is_file() and path.suffix not in (".json", ".sqlite"):
        raise GraphNotFoundError(not_a_build_folder(path))
    core = path / CORE_PATH if path.is_dir() else path if path.suffix == ".sqlite" else None
    if core is not None and core.is_file():
        from .diskgraph import DiskGraph
        return DiskGraph.open(core)
    return KnowledgeGraph.load(path)
