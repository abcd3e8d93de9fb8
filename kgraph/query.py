"""Questions to a built graph, answered from its store (:mod:`kgraph.store`).

The library API behind ``kgraph query`` and ``kgraph sparql``; every function
takes the build folder (or an open :class:`~kgraph.store.GraphStore`) first::

    from kgraph.query import open_store, meetings, path
    g = open_store("exports")
    for m in meetings(g, with_=["Micko"]).rows:
        print(m.date, m.label, [p.label for p in m.places], m.sources[0].file_name)

Every answer carries its sources: the document's file name and the sentence
the fact was read from (or the reference table, for facts from reference data).

Names resolve the way people type them (:func:`resolve_name`): case- and
diacritic-insensitive, with genitive and short forms ("söderhamn", "Söderhamns
kommun", "kungsbackas", "micko"). A name that fits several entities raises
:class:`AmbiguousNameError` listing them; one that fits none raises
:class:`UnknownNameError`. Nothing is guessed.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import names, vocab
from .defaults import HUB_CLASSES, HUB_DEGREE
from .errors import KgraphError, UsageError
from .names import AmbiguousNameError, EntityRef, UnknownNameError, resolve, store_index
from .sparqlrun import DEFAULT_TIMEOUT, SparqlError, SparqlTimeoutError, check_query, run_query
from .store import RELATIONS, GraphStore, open_store
from .text import fold

__all__ = ["open_store", "resolve_name", "entities", "show", "neighbors", "path", "meetings", "met", "topics",
           "central", "sparql", "stats", "AmbiguousNameError", "UnknownNameError", "NoPathError",
           "SparqlError", "SparqlTimeoutError", "EntityRef", "Source"]

#: relations a path follows by default: who met whom (meetings), who works where,
#: who holds which post. Not shared topics, parties, associations or counties
#: (``--via`` adds them): those are categories that put thousands of people two
#: hops apart, and a path through them says little about who is connected.
#: From :mod:`kgraph.vocab` (the predicates whose ``path`` is ``default``).
PATH_RELATIONS = vocab.path_relations("default")

SPARQL_PREFIXES = vocab.prefixes("sparql")

#: the relations that put a place inside a larger one: a venue in its municipality
#: (``locatedIn``), a municipality in its county (``inCounty``)
PLACE_RELATIONS = ("locatedIn", "inCounty")
#: what ``meetings --place`` descends: the place relations, and an organisation that is part of another
_WITHIN = (*PLACE_RELATIONS, "partOf")

GraphLike = GraphStore | str | Path


# ------------------------------------------------------------------ errors
class NoPathError(KgraphError):
    """Two entities are not connected within the allowed number of hops."""


_INFERRED = vocab.inferred_rules("en")


# ------------------------------------------------------------------ answers
@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a document and its sentence, or a reference table."""

    file_name: str  # "" for facts from reference data
    sentence: str
    document: str = ""  # document node id
    start: int | None = None
    end: int | None = None
    rule: str = ""
    confidence: float = 1.0

    def text(self) -> str:
        if not self.file_name:
            return f"reference data ({self.rule})" if self.rule else "reference data"
        said = f'{self.file_name}: "{self.sentence}"' if self.sentence else self.file_name
        inferred = self.inferred
        return f"{said} [inferred: {inferred}; confidence {self.confidence:g}]" if inferred else said

    @property
    def inferred(self) -> str:
        """What the rule infers, when it infers the fact rather than reads it (vocab.INFERRED_RULES)."""
        return _INFERRED.get(self.rule, "")


@dataclass
class EntityRow:
    entity: EntityRef
    documents: int
    degree: int
    sources: list[Source] = field(default_factory=list)


@dataclass
class Fact:
    """One statement about the entity shown: ``entity -predicate-> other`` when
    ``direction`` is "out", ``other -predicate-> entity`` when "in"; ``value``
    for a literal (then ``other`` is None)."""

    predicate: str
    direction: str
    other: EntityRef | None
    value: str | None
    sources: list[Source]


@dataclass
class EntityDetail:
    entity: EntityRef
    alt_labels: list[str]
    attributes: dict[str, Any]
    facts: list[Fact]
    documents: list[Source]  # one per document that mentions the entity (first mention)
    more: dict[str, int] = field(default_factory=dict)  # "participant (in)" -> facts left out by limit
    #: where it lies, innermost first: a venue's municipality and county; for a meeting, its place and
    #: where that lies (Lokstallarna, Karlshamns kommun, Blekinge län)
    located_in: list[EntityRef] = field(default_factory=list)


@dataclass
class Neighbor:
    entity: EntityRef
    distance: int
    predicate: str
    direction: str  # "out": parent -predicate-> entity; "in": entity -predicate-> parent
    via: EntityRef  # the node it was reached from
    sources: list[Source]


@dataclass
class Hop:
    start: EntityRef
    predicate: str
    forward: bool  # True: start -predicate-> end; False: end -predicate-> start
    end: EntityRef
    sources: list[Source]


@dataclass
class Path:
    hops: list[Hop]

    @property
    def nodes(self) -> list[EntityRef]:
        return [self.hops[0].start, *(h.end for h in self.hops)] if self.hops else []


@dataclass
class MeetingRow:
    """A meeting; ``date`` is the date it is filed under: the one its text states
    (``date_source`` "text") or, when the text states none, its document's publication date
    ("document"); "" and "" when neither is known."""

    meeting: EntityRef
    date: str
    meeting_kind: str
    status: str
    participants: list[EntityRef]
    places: list[EntityRef]
    topics: list[EntityRef]
    sources: list[Source]
    date_source: str = ""


@dataclass
class MetMeeting:
    """One meeting two entities both took part in (``date`` and ``date_source`` as in :class:`MeetingRow`)."""

    meeting: EntityRef
    date: str
    date_source: str
    meeting_kind: str
    places: list[EntityRef]
    sources: list[Source]


@dataclass
class MetRow:
    """Someone (or an organisation) who took part in meetings with the entity asked about, with those
    meetings, newest first."""

    entity: EntityRef
    meetings: list[MetMeeting]


@dataclass
class TopicRow:
    topic: EntityRef
    meetings: int
    documents: int
    sources: list[Source]


@dataclass
class CentralRow:
    entity: EntityRef
    degree: int
    meetings: int
    documents: int
    sources: list[Source]


@dataclass
class Listing:
    """Rows of an answer plus how many there were before ``limit``."""

    rows: list[Any]
    total: int
    about: EntityRef | None = None
    #: ``neighbors``: hubs reached but not gone through (parties, the government, ministries,
    #: nodes with more than :data:`~kgraph.defaults.HUB_DEGREE` links); empty with ``through_hubs``
    hubs: list[EntityRef] = field(default_factory=list)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = frozenset(_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_REAL_TYPES = frozenset(_XSD + t for t in ("decimal", "double", "float"))


def typed_value(text: str | None, datatype: str | None) -> Any:
    """A SPARQL result value as JSON has it: numbers (xsd:integer, decimal, double, ...) as numbers,
    xsd:boolean as true/false, everything else (IRIs, strings, dates) as text; a value that does not
    fit its datatype, or is not finite, stays text."""
    if text is None or datatype is None:
        return text
    try:
        if datatype in _INTEGER_TYPES:
            return int(text)
        if datatype in _REAL_TYPES:
            x = float(text)
            return x if x == x and x not in (float("inf"), float("-inf")) else text
    except ValueError:
        return text
    if datatype == _XSD + "boolean" and text in ("true", "false", "1", "0"):
        return text in ("true", "1")
    return text


@dataclass
class SparqlResult:
    form: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, str | None]] = field(default_factory=list)  # values as text (lexical forms, IRIs)
    boolean: bool | None = None
    turtle: str = ""
    types: list[dict[str, str | None]] = field(default_factory=list)  # per value: "iri", "bnode", a datatype

    def typed_rows(self) -> list[dict[str, Any]]:
        """The rows with numbers as numbers and booleans as booleans (:func:`typed_value`)."""
        return [{v: typed_value(r[v], (t or {}).get(v)) for v in self.variables}
                for r, t in zip(self.rows, self.types or [{}] * len(self.rows), strict=True)]


def as_json(obj: Any) -> Any:
    """Plain data (dicts, lists, strings) for any answer of this module."""
    if isinstance(obj, EntityRef):
        return obj.as_dict()
    if isinstance(obj, Source):
        d = asdict(obj)
        if obj.inferred:
            d["inferred"] = obj.inferred
        return d
    if isinstance(obj, Path):
        return {"length": len(obj.hops), "hops": [as_json(h) for h in obj.hops]}
    if hasattr(obj, "__dataclass_fields__"):
        return {k: as_json(getattr(obj, k)) for k in obj.__dataclass_fields__}
    if isinstance(obj, (list, tuple)):
        return [as_json(x) for x in obj]
    if isinstance(obj, dict):
        return {k: as_json(v) for k, v in obj.items()}
    return obj


# ------------------------------------------------------------------ helpers
def _st(graph: GraphLike) -> GraphStore:
    return graph if isinstance(graph, GraphStore) else open_store(graph)


def _j(ids: Iterable[int]) -> str:
    return json.dumps(list(ids))


def _refs(st: GraphStore, ids: Iterable[int]) -> dict[int, EntityRef]:
    ids = list(set(ids))
    out: dict[int, EntityRef] = {}
    for i in range(0, len(ids), 50000):
        for nid, key, label, cls, kind in st.rows(
                "SELECT id, key, label, cls, kind FROM node WHERE id IN (SELECT value FROM json_each(?))",
                (_j(ids[i:i + 50000]),)):
            out[nid] = EntityRef(key, label, tuple(cls.split()) if cls else (), kind)
    return out


def _sources(st: GraphStore, column: str, ids: Iterable[int], per_item: int | None = None
             ) -> dict[int, list[Source]]:
    ids = list(set(ids))
    out: dict[int, list[Source]] = {}
    for i in range(0, len(ids), 50000):
        rows = st.rows(
            f"SELECT e.{column}, d.file_name, s.text, n.key, e.start, e.end, e.rule, e.confidence "
            "FROM evidence e LEFT JOIN document d ON d.node = e.doc LEFT JOIN sentence s ON s.id = e.sentence "
            "LEFT JOIN node n ON n.id = e.doc "
            f"WHERE e.{column} IN (SELECT value FROM json_each(?)) ORDER BY e.id", (_j(ids[i:i + 50000]),))
        for item, fname, sent, doc, start, end, rule, conf in rows:
            out.setdefault(item, []).append(Source(fname or "", sent or "", doc or "", start, end, rule, conf))
    for k, v in out.items():
        seen: set[tuple[str, str]] = set()
        uniq = []
        for s in sorted(v, key=lambda s: (-s.confidence, s.file_name, s.start or 0)):
            if (s.file_name, s.sentence) not in seen:
                seen.add((s.file_name, s.sentence))
                uniq.append(s)
        out[k] = uniq[:per_item] if per_item else uniq
    return out


def _edge_sources(st: GraphStore, edges: Iterable[int], per_edge: int | None = None) -> dict[int, list[Source]]:
    return _sources(st, "edge", edges, per_edge)


def _mention_sources(st: GraphStore, nodes: Iterable[int], per_node: int = 2) -> dict[int, list[Source]]:
    """First mentions of each node (its ``mentionedIn`` evidence)."""
    nodes = list(nodes)
    edges: dict[int, int] = {}
    for i in range(0, len(nodes), 50000):
        for eid, s in st.rows("SELECT id, s FROM edge WHERE s IN (SELECT value FROM json_each(?)) "
                              "AND p = 'mentionedIn'", (_j(nodes[i:i + 50000]),)):
            edges[eid] = s
    by_edge = _edge_sources(st, edges)
    out: dict[int, list[Source]] = {}
    for eid, srcs in sorted(by_edge.items()):
        out.setdefault(edges[eid], []).extend(srcs)
    return {k: sorted(v, key=lambda s: (s.file_name, s.start or 0))[:per_node] for k, v in out.items()}


def _node_id(st: GraphStore, ref: EntityRef) -> int:
    row = st.one("SELECT id FROM node WHERE key = ?", (ref.id,))
    assert row is not None
    return int(row[0])


def known_classes(graph: GraphLike) -> list[str]:
    """The classes of the nodes in the graph (Person, Municipality, Meeting, ...)."""
    st = _st(graph)
    return list(st.meta.get("classes") or
                (c for (c,) in st.rows("SELECT DISTINCT cls FROM node_class ORDER BY cls")))


def resolve_class(graph: GraphLike, name: str) -> str:
    """The class a user means by ``name``, in English or Swedish, any case ("person", "Kommun", "län")."""
    return names.resolve_class(name, known_classes(graph))


def _descends(parent: dict[str, str], name: str, top: str) -> bool:
    """Is ``name`` ``top`` or under it, going up by ``parent`` (a class's superclass, a topic's
    broader topic)? A cycle ends the walk."""
    seen: set[str] = set()
    while name and name not in seen:
        if name == top:
            return True
        seen.add(name)
        name = parent.get(name, "")
    return False


def _with_subclasses(cls: str) -> str:
    """``cls`` and every class under it in the vocabulary, as JSON for ``json_each`` (in
    :data:`_OF_CLASSES`): a node is stored with its own classes only (a municipality is a
    Municipality, not an Organization)."""
    parent = {c.name: c.parent for c in vocab.CLASSES}
    return json.dumps([cls, *(n for n in parent if n != cls and _descends(parent, n, cls))])


#: the nodes of the classes a JSON list names (:func:`_with_subclasses`)
_OF_CLASSES = "SELECT node FROM node_class WHERE cls IN (SELECT value FROM json_each(?))"


def _check_date(value: str | None, option: str) -> str | None:
    """``value`` if it is a date that exists, as YYYY-MM-DD, YYYY-MM or YYYY; a usage error otherwise
    ("2021-13-01" has no month 13: a filter that can match nothing is a mistake, not an empty answer)."""
    if value is None or value == "":
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        raise UsageError(f"{option} {value!r}: give a date as YYYY-MM-DD (or YYYY-MM, YYYY)")
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise UsageError(f"{option} {value!r}: no such date ({exc}); give a date as YYYY-MM-DD "
                         "(or YYYY-MM, YYYY)") from None
    return value


def _check_period(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Checked ``--since`` and ``--until``; a period that ends before it starts is a usage error."""
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    if since and until and since[:len(until)] > until:
        raise UsageError(f"--since {since} is after --until {until}: no date can be both")
    return since, until


def _date_filter(since: str | None, until: str | None, column: str = "date") -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) for a date column within since..until (prefix dates:
    "2021" is the whole year); undated rows drop out when a date is given."""
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{column} != '' AND substr({column}, 1, ?) >= ?")
        params += [len(since), since]
    if until:
        where.append(f"{column} != '' AND substr({column}, 1, ?) <= ?")
        params += [len(until), until]
    return where, params


def place_chain(graph: GraphLike, name_or_id: str | int) -> list[EntityRef]:
    """Where a place lies, innermost first, following ``locatedIn`` and ``inCounty``: for
    Lokstallarna, [Karlshamns kommun, Blekinge län]. A node id of the store, or a name."""
    st = _st(graph)
    nid = name_or_id if isinstance(name_or_id, int) else _node_id(st, resolve_name(st, name_or_id))
    return _chain(st, nid)


def _chain(st: GraphStore, nid: int) -> list[EntityRef]:
    out: list[int] = []
    seen = {nid}
    while len(out) < 8:
        row = st.one("SELECT o FROM edge WHERE s = ? AND p IN (SELECT value FROM json_each(?)) "
                     "ORDER BY p DESC, o LIMIT 1", (nid, json.dumps(PLACE_RELATIONS)))
        if row is None or row[0] in seen:
            break
        nid = row[0]
        seen.add(nid)
        out.append(nid)
    refs = _refs(st, out)
    return [refs[i] for i in out]


def _within(st: GraphStore, nid: int) -> list[int]:
    """The node and every node inside it: the venues of a municipality, the municipalities of a
    county and their venues, the parts of an organisation (``locatedIn``, ``inCounty``, ``partOf``)."""
    # level by level, one index range per node (a recursive SQL query had SQLite build a Bloom
    # filter over the whole edge table at every step)
    found = [nid]
    seen = {nid}
    frontier = [nid]
    while frontier:
        nxt = list(dict.fromkeys(n for (n,) in st.rows(
            "SELECT s FROM edge WHERE o IN (SELECT value FROM json_each(?)) AND p IN (SELECT value FROM json_each(?))",
            (_j(frontier), json.dumps(_WITHIN))) if n not in seen))
        seen.update(nxt)
        found += nxt
        frontier = nxt
    return found


# ------------------------------------------------------------------ names
def resolve_name(graph: GraphLike, name: str, classes: Iterable[str] | None = None) -> EntityRef:
    """The one entity ``name`` stands for, or an error listing candidates / suggesting close names.

    The resolver of :mod:`kgraph.names` over the store's name index: the node id
    or IRI; the label or an alternative label (case and diacritics ignored); the
    same without genitive -s and generic words ("kommun", "län"), preferring the
    class such a word names; a person's surname; a person's given name; a unique
    name starting with it.
    """
    return resolve(store_index(_st(graph)), name, classes)


# ------------------------------------------------------------------ entities
def entities(graph: GraphLike, type: str | None = None, search: str | None = None,
             limit: int | None = None) -> Listing:
    """Entities (or nodes of ``type``, e.g. "Meeting", "Topic"), by label; ``search``
    keeps those with a name containing the text (case and diacritics ignored)."""
    st = _st(graph)
    params: list[Any] = []
    if type:
        sql = f"SELECT n.id FROM node n WHERE n.id IN ({_OF_CLASSES})"
        params.append(_with_subclasses(resolve_class(st, type)))
    else:
        sql = "SELECT n.id FROM node n WHERE n.kind = 'entity'"
    if search:
        sql += " AND n.id IN (SELECT node FROM name WHERE instr(key, ?) > 0)"
        params.append(fold(search))
    ids = [nid for (nid,) in st.rows(sql + " ORDER BY n.label, n.key", params)]
    total = len(ids)
    if limit:
        ids = ids[:limit]
    refs = _refs(st, ids)
    info = {nid: (deg, nd) for nid, deg, nd in st.rows(
        "SELECT id, degree, ndocs FROM node WHERE id IN (SELECT value FROM json_each(?))", (_j(ids),))}
    srcs = _mention_sources(st, ids, 1)
    rows = [EntityRow(refs[i], info[i][1], info[i][0], srcs.get(i, [])) for i in ids]
    return Listing(rows, total)


# ------------------------------------------------------------------ show
def show(graph: GraphLike, name: str, limit: int | None = None) -> EntityDetail:
    """Everything the graph says about one entity, each fact with its sources;
    ``limit`` caps the facts per relation (meetings newest first, others by id;
    ``more`` counts the rest)."""
    st = _st(graph)
    ref = resolve_name(st, name)
    nid = _node_id(st, ref)
    (attrs_json,) = st.one("SELECT attrs FROM node WHERE id = ?", (nid,)) or ("{}",)
    attrs = json.loads(attrs_json)
    alt = [a for a in attrs.pop("alt_labels", []) if a != ref.label]
    for k in ("trigger", "content_hash", "path"):
        attrs.pop(k, None)
    facts: list[Fact] = []
    lits = st.rows("SELECT id, p, value FROM literal WHERE node = ? ORDER BY p, value", (nid,))
    lsrc = _sources(st, "literal", [lid for lid, _, _ in lits])
    facts += [Fact(p, "out", None, v, lsrc.get(lid, [])) for lid, p, v in lits]
    cap = limit or 1 << 62
    more: dict[str, int] = {}
    rel: list[tuple[int, str, str, int]] = []
    for direction, this, other in (("out", "s", "o"), ("in", "o", "s")):
        # meetings newest first, everything else in id order (ids follow the sorted node keys)
        for e, p, o, total in st.rows(
                "SELECT id, p, other, total FROM (SELECT e.id, e.p, e.{other} AS other, "
                "row_number() OVER (PARTITION BY e.p ORDER BY m.date DESC, e.{other}) AS rn, "
                "count(*) OVER (PARTITION BY e.p) AS total FROM edge e LEFT JOIN meeting m ON m.id = e.{other} "
                "WHERE e.{this} = ? AND e.p != 'mentionedIn') WHERE rn <= ? ORDER BY p, rn"
                .format(this=this, other=other), (nid, cap)):
            rel.append((e, p, direction, o))
            if total > cap:
                more[f"{p} ({direction})"] = total - cap
    refs = _refs(st, [o for _, _, _, o in rel])
    esrc = _edge_sources(st, [e for e, _, _, _ in rel])
    facts += [Fact(p, d, refs[o], None, esrc.get(e, [])) for e, p, d, o in rel]
    mentions = st.rows("SELECT id, o FROM edge WHERE s = ? AND p = 'mentionedIn'", (nid,))
    msrc = _edge_sources(st, [e for e, _ in mentions], 1)
    docs = sorted((s for e, _ in mentions for s in msrc.get(e, [])), key=lambda s: s.file_name)
    if ref.kind == "meeting":  # where it was held, and where that lies
        loc = st.one("SELECT o FROM edge WHERE s = ? AND p = 'location' ORDER BY o LIMIT 1", (nid,))
        chain = ([*_refs(st, [loc[0]]).values(), *_chain(st, loc[0])] if loc else [])
    else:
        chain = _chain(st, nid)
    return EntityDetail(ref, alt, attrs, facts, docs, more, chain)


# ------------------------------------------------------------------ neighbours
def neighbors(graph: GraphLike, name: str, depth: int = 1, type: str | None = None,
              limit: int | None = None, through_hubs: bool = False, hub_degree: int = HUB_DEGREE) -> Listing:
    """Entities within ``depth`` hops (meetings are nodes: the people someone met
    are two hops away), nearest first (then in id order), each with the edge
    that reached it.

    Beyond the first hop the search does not go through hubs (a party, the
    government, a ministry, the parliament, or any node but a meeting with more
    than ``hub_degree`` neighbours): they are listed, and named in the answer's
    ``hubs``, but what lies behind them is not, unless ``through_hubs``. Otherwise
    everyone who shares a party with NAME would be two hops away."""
    st = _st(graph)
    if depth < 1:
        raise UsageError(f"--depth {depth}: give 1 or more")
    cls = resolve_class(st, type) if type else None
    ref = resolve_name(st, name)
    start = _node_id(st, ref)
    # breadth-first over node ids only; the connecting edge is looked up for the rows shown
    dist = {start: 0}
    parent: dict[int, int] = {}
    layers: list[list[int]] = []
    frontier = [start]
    preds = json.dumps(list(RELATIONS))
    hubs: list[int] = []
    for d in range(1, depth + 1):
        nxt = []
        for a, b in st.rows("SELECT a, b FROM link WHERE a IN (SELECT value FROM json_each(?)) "
                            "AND p IN (SELECT value FROM json_each(?))", (_j(frontier), preds)):
            if b not in dist:
                dist[b] = d
                parent[b] = a
                nxt.append(b)
        if not nxt:
            break
        layers.append(nxt)
        frontier = nxt
        if d < depth and not through_hubs:
            held = _hubs(st, nxt, hub_degree)
            hubs += sorted(held)
            frontier = [n for n in nxt if n not in held]
    cap = limit or 1 << 62
    ids: list[int] = []
    total = 0
    for layer in layers:  # nearest first; by id within a distance (ids follow the sorted node keys)
        layer.sort()
        if cls is not None:
            layer = [n for (n,) in st.rows(f"SELECT DISTINCT node FROM ({_OF_CLASSES}) WHERE node IN "
                                           "(SELECT value FROM json_each(?)) ORDER BY node",
                                           (_with_subclasses(cls), _j(layer)))]
        total += len(layer)
        ids += layer[:max(0, cap - len(ids))]
    via: dict[int, tuple[int, str, int, int]] = {}  # node -> (parent, pred, edge, parent-is-subject)
    for n in ids:
        p, e, fwd = st.one("SELECT p, edge, fwd FROM link WHERE a = ? AND b = ? AND p IN "
                           "(SELECT value FROM json_each(?)) ORDER BY edge LIMIT 1", (n, parent[n], preds))
        via[n] = (parent[n], p, e, 1 - fwd)
    refs = _refs(st, ids + [v[0] for v in via.values()])
    srcs = _edge_sources(st, [v[2] for v in via.values()], 2)
    rows = [Neighbor(refs[n], dist[n], via[n][1], "out" if via[n][3] else "in", refs[via[n][0]],
                     srcs.get(via[n][2], [])) for n in ids]
    hub_refs = _refs(st, hubs)
    return Listing(rows, total, ref, [hub_refs[h] for h in hubs])


def _hubs(st: GraphStore, ids: list[int], hub_degree: int) -> set[int]:
    """The hubs among ``ids``: nodes of :data:`~kgraph.defaults.HUB_CLASSES`, and nodes other than
    meetings with more than ``hub_degree`` distinct neighbours."""
    return {n for (n,) in st.rows(
        "SELECT id FROM node WHERE id IN (SELECT value FROM json_each(?)) AND kind != 'meeting' AND "
        "(degree > ? OR id IN (SELECT node FROM node_class WHERE cls IN (SELECT value FROM json_each(?))))",
        (_j(ids), hub_degree, json.dumps(HUB_CLASSES)))}


# ------------------------------------------------------------------ path
def path(graph: GraphLike, a: str, b: str, max_hops: int = 6, limit: int = 3,
         via: Sequence[str] | None = None) -> list[Path]:
    """The shortest connections between two entities, hop by hop (up to ``limit`` of
    equal length). Paths follow :data:`PATH_RELATIONS` (meetings, affiliations,
    posts) plus the predicates in ``via`` (e.g. "memberOf", "inCounty", "topic")."""
    st = _st(graph)
    if max_hops < 1:
        raise UsageError(f"--max-hops {max_hops}: give 1 or more")
    preds = list(PATH_RELATIONS)
    for v in via or ():
        match = [r for r in RELATIONS if r.lower() == v.lower()]
        if not match:
            raise UsageError(f"--via {v!r}: not a relation; choose from {', '.join(RELATIONS)}")
        preds += [m for m in match if m not in preds]
    ra, rb = resolve_name(st, a), resolve_name(st, b)
    if ra.id == rb.id:
        raise UsageError(f"{a!r} and {b!r} are the same entity ({ra.label}); name two different ones")
    ia, ib = _node_id(st, ra), _node_id(st, rb)
    # bidirectional breadth-first search over node ids; edges are looked up for the paths found
    dist: tuple[dict[int, int], dict[int, int]] = ({ia: 0}, {ib: 0})
    parents: tuple[dict[int, list[int]], dict[int, list[int]]] = ({ia: []}, {ib: []})
    fronts = ([ia], [ib])
    depth = [0, 0]
    jpreds = json.dumps(preds)
    meet: list[int] = []
    while fronts[0] and fronts[1] and depth[0] + depth[1] < max_hops:
        # grow the side that reads fewer links (frontier degree), so a hub on one
        # side does not get expanded while the other side is small
        cost = [st.one("SELECT total(degree) FROM node WHERE id IN (SELECT value FROM json_each(?))",
                       (_j(f),))[0] for f in fronts]
        side = 0 if cost[0] <= cost[1] else 1
        dd, pp = dist[side], parents[side]
        nd = depth[side] + 1
        nxt: list[int] = []
        for u, v in st.rows("SELECT a, b FROM link WHERE a IN (SELECT value FROM json_each(?)) "
                            "AND p IN (SELECT value FROM json_each(?))", (_j(fronts[side]), jpreds)):
            if v not in dd:
                dd[v] = nd
                pp[v] = [u]
                nxt.append(v)
            elif dd[v] == nd and u not in pp[v]:
                pp[v].append(u)
        depth[side] = nd
        fronts[side][:] = nxt
        other = dist[1 - side]
        meet = [v for v in nxt if v in other]
        if meet:
            best = min(dd[v] + other[v] for v in meet)
            meet = [v for v in meet if dd[v] + other[v] == best]
            break
    if not meet:
        raise NoPathError(f"no connection between {ra.label} and {rb.label} within {max_hops} hops")

    # enumerate shortest paths through the meeting nodes (bounded)
    cap = max(limit * 20, 50)

    def walks(side: int, node: int) -> list[list[int]]:
        """Node chains from the side's origin to ``node``."""
        if not parents[side][node]:
            return [[node]]
        out: list[list[int]] = []
        for par in sorted(parents[side][node]):
            for w in walks(side, par):
                out.append([*w, node])
                if len(out) >= cap:
                    return out
        return out

    chains: list[list[int]] = []
    for m in sorted(meet):
        for left in walks(0, m):
            for right in walks(1, m):
                chains.append(left + right[::-1][1:])
                if len(chains) >= cap:
                    break
    hop_edge: dict[tuple[int, int], tuple[str, int, int]] = {}  # (u, v) -> (pred, edge, u-is-subject)
    for c in chains:
        for u, v in zip(c, c[1:]):
            if (u, v) not in hop_edge:
                hop_edge[(u, v)] = st.one("SELECT p, edge, fwd FROM link WHERE a = ? AND b = ? AND p IN "
                                          "(SELECT value FROM json_each(?)) ORDER BY edge LIMIT 1", (u, v, jpreds))
    refs = _refs(st, {n for c in chains for n in c})
    srcs = _edge_sources(st, {e for _, e, _ in hop_edge.values()}, 2)
    paths = [Path([Hop(refs[u], hop_edge[(u, v)][0], bool(hop_edge[(u, v)][2]), refs[v],
                       srcs.get(hop_edge[(u, v)][1], [])) for u, v in zip(c, c[1:])]) for c in chains]

    def score(pth: Path) -> tuple[float, tuple[str, ...]]:
        conf = sum(max((s.confidence for s in h.sources), default=0.0) for h in pth.hops)
        return (-conf, tuple(n.label for n in pth.nodes))

    paths.sort(key=score)
    return paths[:limit]


# ------------------------------------------------------------------ meetings
def meetings(graph: GraphLike, with_: Sequence[str] = (), topic: str | None = None, place: str | None = None,
             since: str | None = None, until: str | None = None, limit: int | None = None) -> Listing:
    """Meetings, newest first: all ``with_`` took part, about ``topic`` (or a
    narrower one), held at ``place`` or anywhere inside it (a venue of that
    municipality, a municipality of that county or one of its venues),
    dated within ``since``..``until``. A meeting whose text gives no date is dated
    by its document's publication date (``date_source`` "document"); meetings with
    neither drop out when a date is given."""
    st = _st(graph)
    since, until = _check_period(since, until)
    sets: list[set[int]] = []
    for n in with_:
        nid = _node_id(st, resolve_name(st, n))
        sets.append({s for (s,) in st.rows("SELECT s FROM edge WHERE o = ? AND p = 'participant'", (nid,))})
    if topic:
        tref = resolve_name(st, topic, classes=["Topic"])
        tids = _topic_and_narrower(st, tref)
        sets.append({s for (s,) in st.rows(
            "SELECT e.s FROM edge e JOIN node n ON n.id = e.s AND n.kind = 'meeting' "
            "WHERE e.o IN (SELECT value FROM json_each(?)) AND e.p = 'topic'", (_j(tids),))})
    if place:
        places = _within(st, _node_id(st, resolve_name(st, place)))
        sets.append({s for (s,) in st.rows(
            "SELECT s FROM edge WHERE o IN (SELECT value FROM json_each(?)) AND p = 'location'", (_j(places),))})
    where, params = ["1"], []
    if sets:
        where.append("id IN (SELECT value FROM json_each(?))")
        params.append(_j(set.intersection(*sets)))
    dwhere, dparams = _date_filter(since, until)
    where += dwhere
    params += dparams
    cond = " AND ".join(where)
    total = st.one(f"SELECT count(*) FROM meeting WHERE {cond}", params)[0]
    # newest first, undated ("") last; then by id (the order of meeting ids)
    ids = [nid for (nid,) in st.rows(f"SELECT id FROM meeting WHERE {cond} ORDER BY date DESC, id LIMIT ?",
                                     [*params, limit or -1])]
    return Listing(_meeting_rows(st, ids), total)


def met(graph: GraphLike, name: str, since: str | None = None, until: str | None = None,
        type: str | None = None, limit: int | None = None) -> Listing:
    """Whom ``name`` met: everyone who took part in a meeting with it (within ``since``..``until``,
    dated as :func:`meetings` dates them), most meetings first, each with those meetings, their
    dates and sources, newest first; ``type`` keeps co-participants of that class (e.g. Person)."""
    st = _st(graph)
    since, until = _check_period(since, until)
    cls = resolve_class(st, type) if type else None
    about = resolve_name(st, name)
    nid = _node_id(st, about)
    dwhere, dparams = _date_filter(since, until, "m.date")
    cond = " AND ".join(["e.o = ? AND e.p = 'participant'", *dwhere])
    mids = [m for (m,) in st.rows(f"SELECT e.s FROM edge e JOIN meeting m ON m.id = e.s WHERE {cond} "
                                  "ORDER BY m.date DESC, e.s", [nid, *dparams])]
    triples = st.rows("SELECT id, s, o FROM edge WHERE s IN (SELECT value FROM json_each(?)) AND p = 'participant' "
                      "AND o != ? ORDER BY id", (_j(mids), nid))
    if cls is not None:
        keep = {n for (n,) in st.rows(f"SELECT node FROM ({_OF_CLASSES}) WHERE node IN (SELECT value FROM "
                                      "json_each(?))", (_with_subclasses(cls), _j({o for _, _, o in triples})))}
        triples = [(e, m, o) for e, m, o in triples if o in keep]
    order = {m: i for i, m in enumerate(mids)}  # newest first
    by_person: dict[int, list[int]] = {}
    took_part: dict[tuple[int, int], int] = {}  # (meeting, person) -> the edge that says the person took part
    for e, m, o in triples:
        took_part.setdefault((m, o), e)
        if m not in by_person.setdefault(o, []):
            by_person[o].append(m)
    refs = _refs(st, by_person)
    people = sorted(by_person, key=lambda o: (-len(by_person[o]), min(order[m] for m in by_person[o]),
                                              refs[o].label, refs[o].id))
    total = len(people)
    if limit:
        people = people[:limit]
    shown = sorted({m for o in people for m in by_person[o]}, key=order.__getitem__)
    rows = {r.meeting.id: r for r in _meeting_rows(st, shown)}
    mrefs = _refs(st, shown)
    # a row's sources are the words saying that this one took part (the meeting's own sources, its
    # first mention, name someone else as often as not); the meeting's when those are not text
    said = _edge_sources(st, [took_part[m, o] for o in people for m in by_person[o]], 2)
    out = []
    for o in people:
        met_in = []
        for m in sorted(by_person[o], key=order.__getitem__):
            r = rows[mrefs[m].id]
            met_in.append(MetMeeting(r.meeting, r.date, r.date_source, r.meeting_kind, r.places,
                                     said.get(took_part[m, o]) or r.sources))
        out.append(MetRow(refs[o], met_in))
    return Listing(out, total, about)


def _topic_and_narrower(st: GraphStore, ref: EntityRef) -> list[int]:
    """The topic and every topic in the graph narrower than it, at any depth: through the graph's
    topics and through the scheme's (a topic two levels down is found though the one between is
    in no document of the graph)."""
    from .refdata import topic_broader
    broader = dict(topic_broader())
    in_graph: dict[str, int] = {}
    for nid, key, attrs in st.rows("SELECT id, key, attrs FROM node WHERE kind = 'topic'"):
        local = key.split("/", 1)[1]
        in_graph[local] = nid
        up = json.loads(attrs).get("broader")
        if up:
            broader.setdefault(local, up)
    top = ref.id.split("/", 1)[1]
    return [_node_id(st, ref), *(nid for local, nid in sorted(in_graph.items())
                                 if local != top and _descends(broader, local, top))]


def _meeting_rows(st: GraphStore, ids: list[int]) -> list[MeetingRow]:
    if not ids:
        return []
    info = {nid: (attrs, date, source) for nid, attrs, date, source in st.rows(
        "SELECT n.id, n.attrs, m.date, m.date_source FROM node n JOIN meeting m ON m.id = n.id "
        "WHERE n.id IN (SELECT value FROM json_each(?))", (_j(ids),))}
    edges = st.rows("SELECT id, s, p, o FROM edge WHERE s IN (SELECT value FROM json_each(?)) "
                    "AND p IN ('participant', 'location', 'topic', 'mentionedIn') ORDER BY id", (_j(ids),))
    refs = _refs(st, [*ids, *(o for _, _, p, o in edges if p != "mentionedIn")])
    srcs = _edge_sources(st, [e for e, _, p, _ in edges if p == "mentionedIn"], 2)
    by: dict[int, dict[str, list[Any]]] = {i: {"participant": [], "location": [], "topic": [], "src": []}
                                           for i in ids}
    for e, s, p, o in edges:
        if p == "mentionedIn":
            by[s]["src"].extend(srcs.get(e, []))
        else:
            by[s][p].append(refs[o])
    out = []
    for i in ids:
        attrs = json.loads(info[i][0])
        b = by[i]
        out.append(MeetingRow(refs[i], info[i][1], attrs.get("meeting_kind", ""), attrs.get("status", ""),
                              b["participant"], b["location"], b["topic"], b["src"], info[i][2]))
    return out


# ------------------------------------------------------------------ topics
def topics(graph: GraphLike, with_: str | None = None, limit: int | None = None) -> Listing:
    """Topics with how many meetings and documents are about them; with ``with_``,
    only the meetings that entity took part in (or hosted) and the documents
    that mention it."""
    st = _st(graph)
    about = None
    if with_:
        about = resolve_name(st, with_)
        nid = _node_id(st, about)
        mset = [s for (s,) in st.rows("SELECT s FROM edge WHERE o = ? AND p IN ('participant', 'location')",
                                      (nid,))]
        dset = [o for (o,) in st.rows("SELECT o FROM edge WHERE s = ? AND p = 'mentionedIn'", (nid,))]
        mrows = st.rows("SELECT id, s, o FROM edge WHERE s IN (SELECT value FROM json_each(?)) AND p = 'topic'",
                        (_j(set(mset)),))
        drows = st.rows("SELECT id, s, o FROM edge WHERE s IN (SELECT value FROM json_each(?)) AND p = 'topic'",
                        (_j(set(dset)),))
    else:
        mrows = st.rows("SELECT e.id, e.s, e.o FROM edge e JOIN node n ON n.id = e.s AND n.kind = 'meeting' "
                        "WHERE e.p = 'topic'")
        drows = st.rows("SELECT e.id, e.s, e.o FROM edge e JOIN node n ON n.id = e.s AND n.kind = 'document' "
                        "WHERE e.p = 'topic'")
    count: dict[int, list[int]] = {}
    first_edge: dict[int, int] = {}
    for idx, rows in ((0, mrows), (1, drows)):
        for e, _, o in rows:
            c = count.setdefault(o, [0, 0])
            c[idx] += 1
            first_edge.setdefault(o, e)
    if not with_:
        for (tid,) in st.rows("SELECT id FROM node WHERE kind = 'topic'"):
            count.setdefault(tid, [0, 0])
    refs = _refs(st, count)
    ids = sorted(count, key=lambda t: (-count[t][0], -count[t][1], refs[t].label))
    total = len(ids)
    if limit:
        ids = ids[:limit]
    srcs = _edge_sources(st, [first_edge[t] for t in ids if t in first_edge], 1)
    rows = [TopicRow(refs[t], count[t][0], count[t][1], srcs.get(first_edge.get(t, -1), [])) for t in ids]
    return Listing(rows, total, about)


# ------------------------------------------------------------------ central
def central(graph: GraphLike, type: str | None = None, top: int = 10) -> list[CentralRow]:
    """The most connected entities: most distinct neighbours over relations
    (meetings, memberships, affiliations, places), ties by documents."""
    st = _st(graph)
    if top < 1:
        raise UsageError(f"--top {top}: give 1 or more")
    if type:
        rows = st.rows(f"SELECT n.id, n.degree, n.ndocs FROM node n WHERE n.id IN ({_OF_CLASSES}) "
                       "AND n.kind = 'entity' ORDER BY n.degree DESC, n.ndocs DESC, n.label LIMIT ?",
                       (_with_subclasses(resolve_class(st, type)), top))
    else:
        rows = st.rows("SELECT id, degree, ndocs FROM node WHERE kind = 'entity' "
                       "ORDER BY degree DESC, ndocs DESC, label LIMIT ?", (top,))
    ids = [r[0] for r in rows]
    refs = _refs(st, ids)
    nmeet = dict(st.rows("SELECT o, count(DISTINCT s) FROM edge WHERE o IN (SELECT value FROM json_each(?)) "
                         "AND p IN ('participant', 'location') GROUP BY o", (_j(ids),)))
    srcs = _mention_sources(st, ids, 1)
    return [CentralRow(refs[i], deg, nmeet.get(i, 0), nd, srcs.get(i, [])) for i, deg, nd in rows]


# ------------------------------------------------------------------ SPARQL
def _binding(name: str, value: Any) -> tuple[Any, ...]:
    """A bound value as :func:`kgraph.sparqlrun.run_query` takes it, checked here so that a bad
    variable name or IRI is a :class:`SparqlError` naming it: "<iri>" or "kgo:Person" give an IRI,
    pyoxigraph terms pass as they are, anything else is a string literal."""
    import pyoxigraph as ox
    var = name.strip().lstrip("?$")
    try:
        ox.Variable(var)
    except (ValueError, TypeError):
        raise SparqlError(f"--bind {name}=...: {var!r} is not a SPARQL variable name (letters, digits and _, "
                          "as in --bind name=value)") from None
    if isinstance(value, EntityRef):  # a name the resolver found: the node's IRI
        return (var, "iri", value.iri)
    if isinstance(value, ox.NamedNode):
        return (var, "iri", value.value)
    if isinstance(value, ox.BlankNode):
        return (var, "bnode", value.value)
    if isinstance(value, ox.Literal):
        return (var, "literal", value.value, value.datatype.value, value.language)
    s = str(value)
    m = re.fullmatch(r"([A-Za-z][\w-]*):([\w./-]*)", s)
    if s.startswith("<") and s.endswith(">"):
        iri = s[1:-1]
    elif m and m.group(1) in SPARQL_PREFIXES:
        iri = SPARQL_PREFIXES[m.group(1)] + m.group(2)
    else:
        return (var, "literal", s, None, None)
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise SparqlError(f"--bind {var}={s}: {iri!r} is not an absolute IRI ({exc}); write <https://...>, "
                          "a prefixed name such as kgo:Person, or a plain string") from None
    return (var, "iri", iri)


def sparql(graph: GraphLike, query: str, bindings: Mapping[str, Any] | None = None, *,
           timeout: float | None = DEFAULT_TIMEOUT, allow_service: bool = False) -> SparqlResult:
    """Run SPARQL 1.1 over the built graph (the triples of graph.ttl).

    The usual prefixes (kgo, kg, rdfs, skos, xsd, ...) are predeclared.
    ``bindings`` maps variable names to values, which are substituted into the
    parsed query (never pasted into its text): "<iri>" or "kgo:Person" give an
    IRI, an :class:`EntityRef` (from :func:`resolve_name`) the node's IRI, anything else a string
    literal; pyoxigraph terms pass as they are.
    In a SELECT query a bound variable must be selected (or use ``SELECT *``).

    The query is checked first (:func:`kgraph.sparqlrun.check_query`: nested
    more than 100 deep, or ``SERVICE`` without ``allow_service``, is a
    :class:`SparqlError`), then runs in a child process that is stopped after
    ``timeout`` seconds (None: no limit) with :class:`SparqlTimeoutError`.
    """
    check_query(query, allow_service)
    subs = [_binding(k, v) for k, v in (bindings or {}).items()]
    st = _st(graph)
    # kg: is left out of Turtle so resource IRIs print whole (their local parts contain "/")
    answer = run_query(st.rdf_path, query, SPARQL_PREFIXES, subs,
                       {k: v for k, v in SPARQL_PREFIXES.items() if k != "kg"}, timeout)
    if answer["form"] == "ask":
        return SparqlResult("ask", boolean=bool(answer["boolean"]))
    if answer["form"] == "select":
        variables = answer["variables"]
        return SparqlResult("select", variables, [dict(zip(variables, row, strict=True)) for row in answer["rows"]],
                            types=[dict(zip(variables, row, strict=True)) for row in answer.get("types", [])])
    return SparqlResult("graph", turtle=answer["turtle"])


# ------------------------------------------------------------------ stats
def stats(graph: GraphLike) -> dict[str, Any]:
    """Counts of the build (documents, entities by class, meetings, relations, triples) and its store."""
    st = _st(graph)
    s = dict(st.meta.get("stats", {}))
    s["triples"] = st.meta.get("triples")
    s["built"] = st.meta.get("built")
    s["kgraph_version"] = st.meta.get("kgraph_version")
    s["store"] = str(st.path)
    return s
