"""The graph as one self-contained, offline HTML page.

The page is built from our own template: vis-network (the copy shipped inside
the pyvis package) is inlined, the graph data sits in a non-executable JSON
block, and the application script builds every visible text with
``textContent``, so labels, titles and file names from documents stay text.
A Content-Security-Policy allows only the page's own two scripts (by hash) and
inline styles; nothing is fetched from anywhere.

Positions are computed here in Python and physics is off in the browser, so a
page with thousands of nodes is interactive at once and the same graph always
gives the same page: each connected component gets a seeded force layout
(numpy; exact repulsion for small components, for big ones a grid approximation
plus exact repulsion between close pairs) or, when small or without numpy, a
radial tree; the components are then packed in rows.

Library API: :func:`resolve_name`, :func:`select_view`, :func:`render_html`,
:func:`write_html`.
"""
from __future__ import annotations

import base64
import hashlib
import heapq
import html
import importlib.util
import json
import math
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import vocab
from .contracts import Evidence
from .defaults import HUB_CLASSES, HUB_DEGREE, VIEW_DEPTH, VIEW_MAX_NODES
from .errors import KgraphError, UsageError
from .graph import EdgeEnd, GraphReader
from .io import atomic_write_text
from .names import (  # noqa: F401 (the two errors are re-exported)
    AmbiguousNameError,
    NameIndex,
    UnknownNameError,
    graph_index,
    resolve,
    resolve_class,
    store_index,
)

DEFAULT_MAX_NODES = VIEW_MAX_NODES
DEFAULT_DEPTH = VIEW_DEPTH
VIEW_KINDS = ("entity", "meeting", "topic")
FEW_ENDS = 200  # a node's edges (one way) read in one go when there are at most this many
MAX_FACTS_SHOWN = 30  # per predicate and node in the side panel; the rest is counted (kgraph query show has all)
LABEL_MAX = 40  # characters drawn on the canvas; the full label is in the tooltip and the panel
EDGE_LABELS_UP_TO = 60  # draw predicate labels on edges only for small views
PX_PER_UNIT = 80  # layout unit (about one edge) in page pixels
EXACT_REPULSION_UP_TO = 800  # nodes in a component; above, the grid approximation
REPULSION = 3.0  # repulsion relative to the springs (exact layout): higher spreads dense clusters
RADIAL_UP_TO = 12  # components up to this size get the (linear) radial tree layout
WHOLE_PROJECTION_SHARE = 32  # a view around a node reads the whole projection once it asked about > 1/32 of the nodes


@dataclass(frozen=True)
class ClassStyle:
    colour: str
    shape: str  # a vis-network shape that scales with the node's value
    sv: str  # the class name shown to users


#: colour and shape of each class, in the order of the legend; the Swedish names come from
#: :mod:`kgraph.vocab` (a class of the table without a style here is drawn in the fallback style)
_STYLES: dict[str, tuple[str, str]] = {
    "Minister": ("#d62728", "star"),
    "Person": ("#ff7f0e", "dot"),
    "Municipality": ("#1f77b4", "square"),
    "Region": ("#17becf", "square"),
    "County": ("#9edae5", "triangle"),
    "CountyAdministrativeBoard": ("#2ca02c", "square"),
    "Ministry": ("#8c564b", "diamond"),
    "Government": ("#5b3a29", "diamond"),
    "Parliament": ("#6b4c9a", "diamond"),
    "GovernmentAgency": ("#bcbd22", "diamond"),
    "Association": ("#9467bd", "hexagon"),
    "PoliticalParty": ("#e377c2", "triangleDown"),
    "Company": ("#7f7f7f", "hexagon"),
    "Organization": ("#b0b0b0", "hexagon"),
    "Place": ("#98df8a", "triangle"),
    "Meeting": ("#f2b134", "dot"),
    "Topic": ("#6fa8dc", "triangleDown"),
}
FALLBACK_STYLE = ClassStyle("#b0b0b0", "dot", "Övrigt")
_NAMES = vocab.class_view_names()
CLASS_STYLE: dict[str, ClassStyle] = {
    c: ClassStyle(*_STYLES.get(c, (FALLBACK_STYLE.colour, FALLBACK_STYLE.shape)), _NAMES[c])
    for c in [*_STYLES, *sorted(set(_NAMES) - set(_STYLES))] if c in _NAMES}
# the class a node is drawn as: the first of these it has, else its first class
CLASS_PRIORITY = ("Minister", "Person", "Meeting", "Topic")

#: predicate -> (read from the subject, read from the object), from :mod:`kgraph.vocab`
PREDICATE_SV: dict[str, tuple[str, str]] = vocab.view_phrases()
#: the predicates drawn as edges (the panel lists every statement)
DRAWN = vocab.drawn_predicates()
LITERAL_SV = vocab.literal_labels()
ATTR_SV = {  # node attributes shown in the panel, in this order
    "scbCode": "SCB-kod", "wikidata": "Wikidata", "organisationNumber": "Organisationsnummer",
    "abbreviation": "Förkortning", "date": "Datum", "meeting_kind": "Typ av möte", "status": "Status",
    "trigger": "Ord i texten", "en_label": "Engelska", "broader": "Överordnat",
}
#: the values of those attributes the page shows in Swedish: meeting kinds and statuses (from the table)
VALUE_SV = {"meeting_kind": vocab.meeting_kind_labels("sv"),
            "status": {s.name: s.sv for s in vocab.MEETING_STATUSES}}
#: the relations that put a place in a larger one (the panel's "Ligger i" chain)
PLACE_RELATIONS = ("locatedIn", "inCounty")


# ---------------------------------------------------------------- selection

def main_class(d: dict[str, Any]) -> str:
    """The class a node is drawn and filtered as."""
    cls = d.get("cls", [])
    for c in CLASS_PRIORITY:
        if c in cls:
            return c
    known = [c for c in cls if c in CLASS_STYLE]
    return known[0] if known else (cls[0] if cls else "Organization")


def _view_nodes(kg: GraphReader) -> list[tuple[str, str, int]]:
    """(id, main class, number of documents mentioning it) of every node the view can draw, sorted."""
    classes: dict[str, str] = {}  # one string per class name, not one per node
    out = []
    for kind in VIEW_KINDS:
        for n, d in kg.nodes(kind=kind):
            c = main_class(d)
            out.append((n, classes.setdefault(c, c), len(d.get("docs", ()))))
    out.sort()
    return out


#: a post is drawn as an edge between its holder and its organisation: holder -holdsPost-> post -postIn-> org
POST_LINK = ("holdsPost", "postIn")


def _held_posts(kg: GraphReader, holder: str, org_kinds: Collection[str] | None = None) -> Iterator[tuple[str, str]]:
    """(post, organisation) for each post node ``holder`` holds and each organisation it is in (of
    ``org_kinds``, if given): the edges ``holder -- organisation`` that posts are drawn as."""
    holds, within = POST_LINK
    for _, _, post in kg.edge_keys_at(holder, (holds,), "out", kinds=("post",)):
        for _, _, org in kg.edge_keys_at(post, (within,), "out", kinds=org_kinds):
            yield post, org


def _post_links(kg: GraphReader) -> list[tuple[str, str, str]]:
    """(holder, organisation, post) for each post node with both ends: a post is drawn as an edge."""
    out = []
    for post, _ in kg.nodes(kind="post"):
        holders = [s for _, s, _ in kg.in_edges(post, POST_LINK[0])]
        orgs = [o for _, o, _ in kg.out_edges(post, POST_LINK[1])]
        out.extend((h, o, post) for h in holders for o in orgs)
    return sorted(out)


class Projection:
    """An undirected graph of node ids, as sets of neighbours: what the view asks of a graph
    (degree, neighbours, membership), in a fraction of the memory of a ``networkx.Graph``; with each
    node's main class and how many documents mention it, so that choosing what to draw reads no node."""

    def __init__(self, nodes: list[tuple[str, str, int]]) -> None:
        """``nodes``: (id, main class, number of documents mentioning it), as :func:`_view_nodes` gives."""
        self.adj: dict[str, set[str]] = {n: set() for n, _, _ in nodes}
        self.main: dict[str, str] = {n: c for n, c, _ in nodes}
        self.docs: dict[str, int] = {n: k for n, _, k in nodes}

    def __contains__(self, n: object) -> bool:
        return n in self.adj

    def __iter__(self) -> Iterator[str]:
        return iter(self.adj)

    def add_edge(self, a: str, b: str) -> None:
        self.adj[a].add(b)
        self.adj[b].add(a)

    def degree(self, n: str) -> int:
        return len(self.adj[n])

    def has_edge(self, a: str, b: str) -> bool:
        return b in self.adj.get(a, ())

    def neighbors(self, n: str) -> Iterator[str]:
        return iter(self.adj[n])

    def edges(self) -> Iterator[tuple[str, str]]:
        """Each edge once, (a, b) with a before b."""
        return ((a, b) for a, nbs in self.adj.items() for b in nbs if a < b)

    def number_of_nodes(self) -> int:
        return len(self.adj)

    def number_of_edges(self) -> int:
        return sum(len(v) for v in self.adj.values()) // 2


class LocalProjection:
    """The calls of :class:`Projection` that a view around a node makes (membership, neighbours,
    degree, main class, documents), with the same answers, read node by node from the graph's edges
    at each node asked about (:meth:`~kgraph.graph.GraphReader.edge_keys_at`): time and memory for
    the neighbourhood, not for every drawable node of the graph (about 450,000 at 100,000 documents,
    all read before the first answer). Node by node costs a few queries a node, 10 to 30 times what
    a node costs in the whole projection; once more than 1/32 of the drawable nodes have been asked
    about (a view around a hub), the whole projection is read once and answers the rest."""

    def __init__(self, kg: GraphReader) -> None:
        self.kg = kg
        self._neighbours: dict[str, frozenset[str]] = {}  # of the nodes whose neighbours were asked for
        self._degrees: dict[str, int] = {}
        self._data: dict[str, tuple[str, int]] = {}  # node -> (main class, documents)
        self._drawable: dict[str, bool] = {}
        self._total: int | None = None
        self._asked = 0
        self.whole: Projection | None = None  # once read
        self.main = _Fact(self, 0)
        self.docs = _Fact(self, 1)

    def _ask(self) -> Projection | None:
        """One more node asked about; the whole projection, if that makes too many."""
        if self.whole is None:
            self._asked += 1
            if self._asked * WHOLE_PROJECTION_SHARE > self.number_of_nodes():
                self.whole = view_graph(self.kg)
        return self.whole

    def __contains__(self, n: object) -> bool:
        if not isinstance(n, str):
            return False
        if self.whole is not None:
            return n in self.whole
        got = self._drawable.get(n)
        if got is None:
            d = self.kg.get(n)
            got = self._drawable[n] = d is not None and d.get("kind") in VIEW_KINDS
        return got

    def neighbors(self, n: str) -> Iterator[str]:
        got = self._neighbours.get(n)
        if got is None:
            whole = self._ask()
            if whole is not None:
                return whole.neighbors(n)
            got = self._neighbours[n] = frozenset(self._neighbours_of(n))
            self._degrees[n] = len(got)
        return iter(got)

    def _neighbours_of(self, n: str) -> set[str]:
        """As :func:`view_graph` joins them: drawable nodes an edge of :data:`DRAWN` links to ``n``,
        and the other end of each post ``n`` holds or that is in ``n``."""
        kg = self.kg
        holds, within = POST_LINK
        out = {o if s == n else s for s, _, o in kg.edge_keys_at(n, DRAWN, kinds=VIEW_KINDS)}
        out.update(org for _, org in _held_posts(kg, n, VIEW_KINDS))  # the organisations of its posts
        for post, _, _ in kg.edge_keys_at(n, (within,), "in", kinds=("post",)):  # the posts' holders
            out.update(s for s, _, _ in kg.edge_keys_at(post, (holds,), "in", kinds=VIEW_KINDS))
        out.discard(n)
        return out

    def degree(self, n: str) -> int:
        got = self._degrees.get(n)
        if got is None:
            whole = self._ask()
            if whole is not None:
                return whole.degree(n)
            got = self._degrees[n] = len(self._neighbours_of(n))
        return got

    def node_fact(self, n: str, i: int) -> Any:
        """Main class (``i`` 0) or number of documents (1) of ``n``."""
        if self.whole is not None:
            return (self.whole.main if i == 0 else self.whole.docs)[n]
        got = self._data.get(n)
        if got is None:
            d = self.kg.node(n)
            got = self._data[n] = (main_class(d), len(d.get("docs", ())))
        return got[i]

    def number_of_nodes(self) -> int:
        if self._total is None:
            self._total = self.kg.count_nodes(VIEW_KINDS)
        return self._total


class _Fact:
    """``main[n]`` or ``docs[n]`` of a :class:`LocalProjection`, read when asked for."""

    def __init__(self, owner: LocalProjection, i: int) -> None:
        self.owner, self.i = owner, i

    def __getitem__(self, n: str) -> Any:
        return self.owner.node_fact(n, self.i)


def view_graph(kg: GraphReader) -> Projection:
    """Undirected graph of what can be drawn: entities, meetings and topics, joined by their relations
    (documents left out, posts contracted into holder-organisation edges)."""
    nodes = _view_nodes(kg)
    vg = Projection(nodes)
    same = {n: n for n, _, _ in nodes}  # the sets hold the node's one string, not a copy per edge read
    del nodes
    for s, _, o in kg.edge_keys(DRAWN):
        a, b = same.get(s), same.get(o)
        if a is not None and b is not None and a != b:
            vg.add_edge(a, b)
    for h, o, _ in _post_links(kg):
        a, b = same.get(h), same.get(o)
        if a is not None and b is not None and a != b:
            vg.add_edge(a, b)
    return vg


def centrality(vg: Projection | LocalProjection, nodes: Iterable[str] | None = None) -> dict[str, int]:
    """How central a node is (of ``nodes``, default all): its relations in the view plus the
    documents that mention it."""
    return {n: vg.degree(n) + vg.docs[n] for n in (vg if nodes is None else nodes)}


def resolve_name(kg: GraphReader, name: str, index: NameIndex | None = None) -> str:
    """The node NAME designates, by the resolver every command uses (:mod:`kgraph.names`): a node id,
    a name or another name (case and accents ignored), genitive and short forms, a surname, a given
    name, a unique name starting with NAME ("Söderhamn" -> "Söderhamns kommun"); only nodes the view
    draws. ``index``: the names to look in (:func:`name_index`), else an index of ``kg`` built in
    memory. Raises UnknownNameError (with the closest names) or AmbiguousNameError (listing them)."""
    try:
        return resolve(index if index is not None else graph_index(kg), name, kinds=VIEW_KINDS).id
    except UnknownNameError:
        kind = kg.node(name).get("kind") if name in kg else None
        if kind is None:
            raise
        where = "the panel of what it mentions" if kind == "document" else "its holder's panel"
        raise UnknownNameError(f"{name}: a {kind}, which the page does not draw (it draws entities, meetings "
                               f"and topics; a {kind} shows in {where}); kgraph query show {name} lists its "
                               "facts") from None


def name_index(kg: GraphReader) -> NameIndex | None:
    """The name index of the query store written by the same build as ``kg`` (a graph core on disk,
    whose generation folder holds the store): what ``kgraph query`` resolves names with, read from
    disk as asked. None for a graph without one (read from graph.json, or made in a program); an
    index built in memory from every node is then the way."""
    path = getattr(kg, "path", None)
    if not isinstance(path, Path) or path.suffix != ".sqlite":
        return None
    import sqlite3

    from .store import open_store
    try:
        return store_index(open_store(path.resolve().parent))
    except (KgraphError, OSError, sqlite3.Error):  # no store beside it, or one that cannot be read
        return None


def normalise_types(kg: GraphReader, types: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Class names as given by the user (English or Swedish, any case) -> class names."""
    if not types:
        return ()
    known = kg.classes(VIEW_KINDS)
    return tuple(sorted({resolve_class(t, known) for t in types}))


@dataclass
class ViewSelection:
    """What a view draws: the nodes (sorted), and what it left out and why."""

    nodes: list[str]
    center: str | None = None
    depth: int = DEFAULT_DEPTH
    types: tuple[str, ...] = ()
    candidates: int = 0  # nodes that passed NAME/--type, before --max-nodes
    left_out: int = 0
    left_out_by_class: dict[str, int] = field(default_factory=dict)
    total: int = 0  # drawable nodes in the whole graph
    hubs: list[str] = field(default_factory=list)  # hubs reached but not gone through (see _neighbourhood)
    centrality: dict[str, int] = field(default_factory=dict)  # of the nodes drawn (see :func:`centrality`)


def is_hub(kg: GraphReader, vg: Projection | LocalProjection, node: str) -> bool:
    """A party, the government, a ministry, the parliament, or any node but a meeting with more than
    :data:`~kgraph.defaults.HUB_DEGREE` neighbours: through it, everyone sharing a party is two hops away."""
    d = kg.node(node)
    return d.get("kind") != "meeting" and (bool(set(HUB_CLASSES) & set(d.get("cls", [])))
                                           or vg.degree(node) > HUB_DEGREE)


def _neighbourhood(vg: Projection | LocalProjection, kg: GraphReader, center: str, depth: int,
                   through_hubs: bool = False, hubs: list[str] | None = None) -> dict[str, int]:
    """Hop distance from center up to depth; a meeting reached also brings its participants, place and
    topics (one more hop), since the meeting alone says little. Beyond center, hubs (:func:`is_hub`) are
    reached but not gone through unless ``through_hubs``; they are added to ``hubs``."""
    dist = {center: 0}
    frontier = [center]
    for d in range(1, depth + 1):
        nxt = []
        for n in frontier:
            if n != center and not through_hubs and is_hub(kg, vg, n):
                if hubs is not None:
                    hubs.append(n)
                continue
            for nb in sorted(vg.neighbors(n)):
                if nb not in dist:
                    dist[nb] = d
                    nxt.append(nb)
        frontier = nxt
    for m in sorted(n for n in dist if kg.node(n).get("kind") == "meeting"):
        for nb in sorted(vg.neighbors(m)):
            dist.setdefault(nb, dist[m] + 1)
    return dist


def select_view(kg: GraphReader, center: str | None = None, depth: int = DEFAULT_DEPTH,
                types: tuple[str, ...] = (), max_nodes: int = DEFAULT_MAX_NODES,
                vg: Projection | None = None, through_hubs: bool = False) -> ViewSelection:
    """Choose the nodes to draw: the neighbourhood of center (or everything; not through hubs beyond
    the first hop unless ``through_hubs``), of the given classes, and at most max_nodes of them: the
    nearest to center, then the most central."""
    if max_nodes < 1:
        raise UsageError(f"--max-nodes {max_nodes}: must be at least 1")
    if depth < 0:
        raise UsageError(f"--depth {depth}: must be 0 or more")
    if center is None and vg is None:
        return _whole_graph(kg, depth, tuple(types), max_nodes)
    vg = vg if vg is not None else LocalProjection(kg)  # only a centre is given here: its neighbourhood
    if center is not None and center not in vg:
        raise UnknownNameError(f"{center!r}: not a node the view can draw")
    hubs: list[str] = []
    dist = _neighbourhood(vg, kg, center, depth, through_hubs, hubs) if center else None
    if dist is None:
        assert isinstance(vg, Projection)  # no centre: the whole projection was given
        pool: Collection[str] = vg.adj.keys()
    else:
        pool = dist.keys()
    cand: Collection[str] = [n for n in pool if n == center or set(types) & set(kg.node(n).get("cls", []))] \
        if types else pool
    # the nearest, then the most central: a heap of max_nodes, not a sort of every drawable node
    keep = heapq.nsmallest(max_nodes, cand, key=lambda n: (0 if dist is None else dist[n],
                                                           -(vg.degree(n) + vg.docs[n]), n))
    return ViewSelection(sorted(keep), center, depth, tuple(types), len(cand), len(cand) - len(keep),
                         _left_out(Counter(vg.main[n] for n in cand), (vg.main[n] for n in keep)),
                         vg.number_of_nodes(), sorted(hubs), centrality(vg, keep))


def _left_out(candidates: Counter[str], kept: Iterable[str]) -> dict[str, int]:
    """Candidates left out per main class (the classes of ``candidates`` less those ``kept``),
    most first, then by class; a class none of which was left out is not listed."""
    left = candidates.copy()
    left.subtract(kept)
    return dict(sorted((+left).items(), key=lambda x: (-x[1], x[0])))


def _whole_graph(kg: GraphReader, depth: int, types: tuple[str, ...], max_nodes: int) -> ViewSelection:
    """:func:`select_view` without a centre, in one pass over the drawable nodes with their degrees
    in the view (:meth:`~kgraph.graph.GraphReader.undirected_degrees`, which the graph core counts
    on disk): memory for the max_nodes kept, not for a projection of every drawable node (about
    450,000 at 100,000 documents)."""
    by_class: Counter[str] = Counter()
    total = 0

    def candidates() -> Iterator[tuple[int, str, str]]:
        nonlocal total
        nodes = heapq.merge(*(kg.sorted_nodes(k) for k in VIEW_KINDS), key=lambda x: x[0])
        for (n, d), (m, degree) in zip(nodes, kg.undirected_degrees(DRAWN, VIEW_KINDS, POST_LINK), strict=True):
            if n != m:
                raise KgraphError(f"the graph's nodes and their degrees disagree at {n!r} / {m!r}")
            total += 1
            if types and not set(types) & set(d.get("cls", [])):
                continue
            c = main_class(d)
            by_class[c] += 1
            yield -(degree + len(d.get("docs", ()))), n, c  # the most central first, then by id

    keep = heapq.nsmallest(max_nodes, candidates())
    count = sum(by_class.values())
    return ViewSelection(sorted(n for _, n, _ in keep), None, depth, types, count, count - len(keep),
                         _left_out(by_class, (c for _, _, c in keep)), total, [], {n: -c for c, n, _ in keep})


# ---------------------------------------------------------------- layout

def layout(nodes: list[str], edges: list[tuple[str, str]], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Deterministic 2-D positions, about one unit between neighbours.

    Each connected component is laid out on its own (a force layout for big ones, a radial tree for
    small ones), then the components are packed in rows, biggest first, lone nodes in a block at the end.
    """
    index = {x: i for i, x in enumerate(nodes)}
    adj: list[set[int]] = [set() for _ in nodes]
    for a, b in edges:
        if a != b and a in index and b in index:
            adj[index[a]].add(index[b])
            adj[index[b]].add(index[a])
    comps = _components(adj)
    items: list[list[tuple[int, float, float]]] = []
    for comp in comps:
        if len(comp) == 1:
            continue
        items.append(_component_layout(comp, adj, seed))
    lone = [c[0] for c in comps if len(c) == 1]
    if lone:
        cols = math.ceil(math.sqrt(len(lone)))
        items.append([(v, 1.5 * (j % cols), 1.5 * (j // cols)) for j, v in enumerate(lone)])
    pos = _pack(items)
    return {x: (round(pos[i][0], 3), round(pos[i][1], 3)) for i, x in enumerate(nodes)}


def _components(adj: list[set[int]]) -> list[list[int]]:
    """Connected components (sorted members), biggest first, ties by smallest member."""
    seen = [False] * len(adj)
    comps = []
    for start in range(len(adj)):
        if seen[start]:
            continue
        seen[start] = True
        stack, comp = [start], []
        while stack:
            v = stack.pop()
            comp.append(v)
            for w in adj[v]:
                if not seen[w]:
                    seen[w] = True
                    stack.append(w)
        comps.append(sorted(comp))
    return sorted(comps, key=lambda c: (-len(c), c[0]))


def _component_layout(comp: list[int], adj: list[set[int]], seed: int) -> list[tuple[int, float, float]]:
    if len(comp) > RADIAL_UP_TO:
        try:
            local = {v: i for i, v in enumerate(comp)}
            pairs = sorted({(min(local[v], local[w]), max(local[v], local[w])) for v in comp for w in adj[v]})
            xy = _force_layout(len(comp), pairs, seed)
            return [(v, x, y) for v, (x, y) in zip(comp, xy)]
        except ImportError:  # numpy missing: the radial layout below, still deterministic
            pass
    return _radial_layout(comp, adj)


def _radial_layout(comp: list[int], adj: list[set[int]]) -> list[tuple[int, float, float]]:
    """A BFS tree from the best-connected node: rings by distance, each subtree an angle in proportion
    to its leaves. Cheap (linear) and readable for the small star-like components documents give."""
    root = min(comp, key=lambda v: (-len(adj[v]), v))
    depth, children, order = {root: 0}, {v: [] for v in comp}, [root]
    for v in order:  # grows while iterating: BFS
        for w in sorted(adj[v]):
            if w not in depth:
                depth[w] = depth[v] + 1
                children[v].append(w)
                order.append(w)
    leaves: dict[int, int] = {}
    for v in reversed(order):
        leaves[v] = max(1, sum(leaves[c] for c in children[v]))
    maxd = max(depth.values())
    ring = max(1.0, 1.1 * leaves[root] / (2 * math.pi * max(maxd, 1)))
    out = [(root, 0.0, 0.0)]
    span = {root: (0.0, 2 * math.pi)}
    for v in order:
        lo, hi = span[v]
        for c in children[v]:
            part = (hi - lo) * leaves[c] / leaves[v]
            span[c] = (lo, lo + part)
            mid = lo + part / 2
            out.append((c, depth[c] * ring * math.cos(mid), depth[c] * ring * math.sin(mid)))
            lo += part
    return out


def _pack(items: list[list[tuple[int, float, float]]]) -> dict[int, tuple[float, float]]:
    """Place the laid-out groups in rows (shelf packing) filling a roughly square area."""
    gap = 2.0
    boxes = []
    for it in items:
        xs, ys = [p[1] for p in it], [p[2] for p in it]
        boxes.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    width = max([math.sqrt(sum((w + gap) * (h + gap) for _, _, w, h in boxes)) * 1.3] +
                [w for _, _, w, _ in boxes]) if boxes else 0.0
    pos: dict[int, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for it, (x0, y0, w, h) in zip(items, boxes):
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        for v, px, py in it:
            pos[v] = (x + px - x0, y + py - y0)
        x += w + gap
        row_h = max(row_h, h)
    if pos:  # centre on the origin
        cx = (min(p[0] for p in pos.values()) + max(p[0] for p in pos.values())) / 2
        cy = (min(p[1] for p in pos.values()) + max(p[1] for p in pos.values())) / 2
        pos = {v: (px - cx, py - cy) for v, (px, py) in pos.items()}
    return pos


def _near_pairs(pos: Any, near: float) -> Any:
    """Every pair of points at most ``near`` apart, once each, as an (k, 2) array of indexes.

    Points go into square cells of side ``near``, so the two points of a pair lie in one cell or
    in two that touch. With the points sorted by cell, each point is paired with the later points
    of its own cell and with the points of four of the eight cells around it (the other four pair
    with it from theirs); the candidates are then kept by distance. O(n log n + candidates)."""
    import numpy as np

    n = len(pos)
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    cell = np.floor((pos - pos.min(axis=0)) / near).astype(np.int64)
    width = int(cell[:, 1].max()) + 3  # one more cell on each side: a neighbour never wraps to a row
    key = (cell[:, 0] + 1) * width + cell[:, 1] + 1
    order = np.argsort(key, kind="stable")
    skey = key[order]
    # the same cell, the next in the column, and the three in the next row
    want = (skey[:, None] + np.array([0, 1, width - 1, width, width + 1])).ravel()
    lo = np.searchsorted(skey, want, side="left").reshape(n, 5)
    hi = np.searchsorted(skey, want, side="right").reshape(n, 5)
    lo[:, 0] = np.arange(1, n + 1)  # in its own cell, a point pairs with those after it
    count = np.maximum(hi - lo, 0)
    flat, per_point = count.ravel(), count.sum(axis=1)
    # the candidates (a, b) in sorted order: a repeated, b running through each range lo..hi
    b = np.repeat(lo.ravel() - (np.cumsum(flat) - flat), flat) + np.arange(int(per_point.sum()))
    x, y = pos[order, 0], pos[order, 1]  # one coordinate at a time: gathers from 1-d arrays are cheap
    dx = np.repeat(x, per_point) - x[b]
    dy = np.repeat(y, per_point) - y[b]
    keep = np.flatnonzero(dx * dx + dy * dy <= near * near)
    a = np.repeat(np.arange(n), per_point)[keep]
    return np.stack([order[a], order[b[keep]]], axis=1)


def _far_and_near_repulsion(pos: Any, disp: Any, grid: int, near: float, add: Any) -> None:
    """Repulsion in O(n*c + n log n): from the centres of mass of a grid of c cells (one Barnes-Hut
    level), plus exact repulsion between pairs closer than near (:func:`_near_pairs`)."""
    import numpy as np

    n = len(pos)
    # far field: every node is pushed by the mass of every grid cell
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    size = np.maximum((hi - lo) / grid, 1e-9)
    cell = np.minimum(((pos - lo) / size).astype(np.int64), grid - 1)
    cid = cell[:, 0] * grid + cell[:, 1]
    mass = np.bincount(cid, minlength=grid * grid).astype(float)
    used = mass > 0
    com = np.stack([np.bincount(cid, pos[:, k], grid * grid)[used] / mass[used] for k in (0, 1)], axis=1)
    soft = float((size ** 2).sum()) / 4
    m = mass[used]
    for lo_row in range(0, n, 4096):  # sum over cells c of m_c (p - c) / (|p - c|^2 + soft)
        dx = pos[lo_row:lo_row + 4096, 0:1] - com[None, :, 0]
        dy = pos[lo_row:lo_row + 4096, 1:2] - com[None, :, 1]
        w = m / (dx * dx + dy * dy + soft)
        disp[lo_row:lo_row + 4096, 0] += (w * dx).sum(axis=1)
        disp[lo_row:lo_row + 4096, 1] += (w * dy).sum(axis=1)
    # near field: exact between close pairs
    close = _near_pairs(pos, near)
    if len(close):
        delta = pos[close[:, 0]] - pos[close[:, 1]]
        d2 = np.maximum((delta ** 2).sum(axis=1), 1e-4)
        add(disp, close[:, 0], close[:, 1], (1.0 / d2)[:, None] * delta)


def _force_layout(n: int, pairs: list[tuple[int, int]], seed: int) -> list[tuple[float, float]]:
    """Fruchterman-Reingold with numpy: exact repulsion for up to EXACT_REPULSION_UP_TO nodes, above that
    the grid approximation (O(n*c + n log n) per step); springs along edges; seeded start, fixed number
    of steps. Scaled so that the median edge is one unit long."""
    import numpy as np

    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    e = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    iterations = 100 if n <= 1000 else 60
    near = 1.5  # exact repulsion below this distance
    grid = int(min(16, max(4, math.sqrt(n) / 4)))
    temp0 = side / 6

    def add(disp: Any, a: Any, b: Any, f: Any) -> None:  # disp[a] += f, disp[b] -= f
        for k in (0, 1):
            disp[:, k] += np.bincount(a, f[:, k], n) - np.bincount(b, f[:, k], n)

    for it in range(iterations):
        temp = max(temp0 * (1 - it / iterations) ** 2, 0.03)
        disp = np.zeros((n, 2))
        if n <= EXACT_REPULSION_UP_TO:  # small: every pair, exactly
            delta = pos[:, None, :] - pos[None, :, :]
            d2 = np.maximum((delta ** 2).sum(axis=2), 1e-4)
            disp += REPULSION * (delta / d2[:, :, None]).sum(axis=1)
        else:
            _far_and_near_repulsion(pos, disp, grid, near, add)
        # springs
        if len(e):
            delta = pos[e[:, 0]] - pos[e[:, 1]]
            d = np.sqrt((delta ** 2).sum(axis=1))[:, None]
            add(disp, e[:, 0], e[:, 1], -delta * d)
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, temp)
    pos -= pos.mean(axis=0)
    if len(e):
        med = float(np.median(np.sqrt(((pos[e[:, 0]] - pos[e[:, 1]]) ** 2).sum(axis=1))))
        pos /= max(med, 1e-6)
    return [(float(x), float(y)) for x, y in pos]


# ---------------------------------------------------------------- page data

class _Tables:
    """Documents, sentences, predicates and rules stored once; facts refer to them by index.

    A fact is ``[predicate, text, link, evidence]``: text is null when it is the label of the drawn node
    ``link`` (an index into the nodes, -1 when the other end is not drawn); evidence is a list of
    ``[document (-1: reference data), sentence, rule, confidence]``.
    """

    def __init__(self, kg: GraphReader, drawn: list[str]) -> None:
        self.kg = kg
        self.node_index = {n: i for i, n in enumerate(drawn)}
        self.docs: list[dict[str, str]] = []
        self.doc_index: dict[str, int] = {}
        self.strings: dict[str, dict[str, int]] = {"sentences": {}, "predicates": {}, "rules": {}}
        self.labels: dict[str, str] = {}
        self.texts: dict[str, str] = {}

    def intern(self, table: str, s: str) -> int:
        return self.strings[table].setdefault(s, len(self.strings[table]))

    def table(self, table: str) -> list[str]:
        return list(self.strings[table])  # dicts keep insertion order = index order

    def doc(self, doc_id: str) -> int:
        got = self.doc_index.get(doc_id)
        if got is not None:
            return got
        if not doc_id or doc_id not in self.kg:
            return -1  # reference data, not a document
        d = self.kg.node(doc_id)
        got = self.doc_index[doc_id] = len(self.docs)
        self.docs.append({"file": str(d.get("file_name", doc_id)), "title": str(d.get("title", "")),
                          "date": str(d.get("published", ""))})
        return got

    def evidence(self, evs: list[Any]) -> list[list[Any]]:
        out = []
        for e in evs:
            if e.__class__ is Evidence:  # a graph's records: read as a tuple, not by name
                doc, _, _, sentence, rule, confidence = e
            else:
                doc, sentence = e.get("doc"), e.get("sentence")
                rule, confidence = e.get("rule", ""), e.get("confidence", 1.0)
            out.append([self.doc(str(doc or "")), self.intern("sentences", str(sentence or "")),
                        self.intern("rules", str(rule)), round(float(confidence), 3)])
        return out

    def label(self, n: str) -> str:
        """``kg.label(n)``, read once per page."""
        got = self.labels.get(n)
        if got is None:
            got = self.labels[n] = self.kg.label(n)
        return got

    def text(self, n: str) -> str:
        """How a fact names the node at its other end: a document by its file name."""
        got = self.texts.get(n)
        if got is None:
            d = self.kg.node(n)
            got = str(d.get("file_name") or d.get("label") or n) if d.get("kind") == "document" else self.label(n)
            self.texts[n] = got
        return got

    def fact(self, predicate: str, text: str, other: str, evs: list[dict[str, Any]]) -> list[Any]:
        link = self.node_index.get(other, -1)
        same = link >= 0 and text == self.label(other)
        return [self.intern("predicates", predicate), None if same else text, link, self.evidence(evs)]


def _post_text(kg: GraphReader, post: str) -> str:
    d = kg.node(post)
    span = "–".join(x for x in (d.get("start", ""), d.get("end", "")) if x)
    return str(d.get("label") or post) + (f" ({span})" if span else "")


def _facts(kg: GraphReader, n: str, t: _Tables) -> list[list[Any]]:
    """Every statement about n: relations both ways (posts spelled out), literals, mentions last;
    at most :data:`MAX_FACTS_SHOWN` per predicate, and a line saying how many more there are."""
    Fact = tuple[str, str, str, list[Any]]  # (predicate label, text, other node, evidence)
    facts: list[Fact] = []
    mentions: list[Fact] = []

    def shown(p: str, way: int, ends: Iterable[EdgeEnd], total: int) -> None:
        """The edges ``ends`` of predicate p (out of n if way is 0, else into it; the first
        MAX_FACTS_SHOWN by the other node) become facts (mentions apart), and a line says how many
        more of the ``total`` there are."""
        into = mentions if (way, p) == (0, "mentionedIn") else facts
        label = PREDICATE_SV.get(p, (p, p))[way]
        for _, o, ev in ends:
            if p == "holdsPost" and way == 0:
                orgs = [x for _, x, _ in kg.out_edges(o, "postIn")]
                for org in orgs or [""]:
                    into.append((label, _post_text(kg, o) + (f", {t.label(org)}" if org else ""), org, ev))
            elif p == "postIn" and way == 1:
                for h in [x for _, x, _ in kg.in_edges(o, "holdsPost")]:
                    into.append((label, f"{_post_text(kg, o)}: {t.label(h)}", h, ev))
            else:
                into.append((label, t.text(o), o, ev))
        if total > MAX_FACTS_SHOWN:
            into.append((label, f"… och {total - MAX_FACTS_SHOWN} till (alla: kgraph query show)", "", []))

    counts: dict[tuple[str, str], int] | None = None
    for way, direction in ((0, "out"), (1, "in")):
        # a node's edges in one read when it has few; a hub's predicate by predicate, only those shown
        # (a hub has tens of thousands of edges)
        few = kg.few_ends(n, way == 0, FEW_ENDS)
        if few is not None:
            by_p: dict[str, list[EdgeEnd]] = {}
            for end in few:  # by the other node, as out_edges/in_edges give them
                by_p.setdefault(end[0], []).append(end)
            for p in sorted(by_p):
                shown(p, way, by_p[p][:MAX_FACTS_SHOWN], len(by_p[p]))
            continue
        if counts is None:
            counts = kg.edge_counts(n)
        ends_of = kg.out_edges if way == 0 else kg.in_edges
        for p in sorted(p for d, p in counts if d == direction):
            shown(p, way, ends_of(n, p, MAX_FACTS_SHOWN), counts[(direction, p)])
    for p, vals in sorted(kg.node(n).get("literals", {}).items()):
        for v, evs in sorted(vals.items()):
            facts.append((LITERAL_SV.get(p, p), str(v), "", evs))
    return [t.fact(*f) for f in facts + mentions]


def place_chain(kg: GraphReader, node: str) -> list[str]:
    """Where a place lies, innermost first (``locatedIn``, then ``inCounty``): Lokstallarna ->
    [Karlshamns kommun, Blekinge län]."""
    out: list[str] = []
    seen = {node}
    while len(out) < 8:
        nxt = sorted((p, o) for rel in PLACE_RELATIONS for p, o, _ in kg.out_edges(node, rel))  # not its mentions
        if not nxt or nxt[-1][1] in seen:  # locatedIn sorts after inCounty: prefer it
            break
        node = nxt[-1][1]
        seen.add(node)
        out.append(node)
    return out


def _attrs(kg: GraphReader, n: str) -> list[list[str]]:
    """The attributes the panel lists, in Swedish (meeting kinds and statuses too), with where a place
    lies ("Ligger i") and where a meeting was held ("Plats", with where that lies)."""
    d = kg.node(n)
    out = [[sv, VALUE_SV.get(k, {}).get(str(d[k]), str(d[k]))] for k, sv in ATTR_SV.items()
           if d.get(k) not in (None, "", [], {})]
    if d.get("kind") == "meeting":
        where = [o for _, o, _ in kg.out_edges(n, "location")]
        if where:
            out.append(["Plats", " › ".join(kg.label(x) for x in [where[0], *place_chain(kg, where[0])])])
    else:
        chain = place_chain(kg, n)
        if chain:
            out.append(["Ligger i", " › ".join(kg.label(x) for x in chain)])
    return out


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[:LABEL_MAX - 1].rstrip() + "…"


def drawn_edges(kg: GraphReader, nodes: list[str]) -> list[list[str]]:
    """The edges a page draws between ``nodes``: [subject, object, Swedish phrases], sorted. Read
    from each node's own edges (a post's from its holder), not from every edge of the graph."""
    keep = set(nodes)
    pairs: dict[tuple[str, str], set[str]] = {}
    for n in nodes:
        for s, p, o in kg.edge_keys_at(n, DRAWN, "out"):
            if o in keep and s != o:
                pairs.setdefault((s, o), set()).add(PREDICATE_SV.get(p, (p, p))[0])
        for post, o in _held_posts(kg, n):
            if o in keep and n != o:
                pairs.setdefault((n, o), set()).add(str(kg.node(post).get("label") or "post"))
    return [[s, o, ", ".join(sorted(ps))] for (s, o), ps in sorted(pairs.items())]


#: node sizes on the page (vis-network's scaling of ``value``), and for Gephi
SIZE_MIN, SIZE_MAX = 7.0, 34.0


@dataclass(frozen=True)
class NodeViz:
    """How a node is drawn: position in page pixels (y grows downwards, as on the page), colour, size."""

    x: float
    y: float
    colour: str
    size: float


def graph_viz(kg: GraphReader) -> dict[str, NodeViz]:
    """Position, colour and size of every node of the graph, as the page of the whole graph draws them
    (``kgraph export --format gexf`` gives them to Gephi). Every drawable node is laid out (no
    --max-nodes); documents and posts, which the page leaves out, sit beside the nodes they are linked
    to, at a distance and angle fixed by their id, in the fallback colour and the smallest size."""
    vg = view_graph(kg)
    nodes = sorted(vg)
    pos = layout(nodes, [(s, o) for s, o, _ in drawn_edges(kg, nodes)])
    cent = centrality(vg)
    lo, hi = min(cent.values(), default=0), max(cent.values(), default=0)
    out: dict[str, NodeViz] = {}
    for n in nodes:
        share = (cent[n] - lo) / (hi - lo) if hi > lo else 0.5  # vis-network's default scaling
        out[n] = NodeViz(round(pos[n][0] * PX_PER_UNIT, 1), round(pos[n][1] * PX_PER_UNIT, 1),
                         CLASS_STYLE.get(main_class(kg.node(n)), FALLBACK_STYLE).colour,
                         round(SIZE_MIN + share * (SIZE_MAX - SIZE_MIN), 1))
    bottom = max((p[1] for p in pos.values()), default=0.0) + 2
    lone = 0
    for n, _ in kg.sorted_nodes():
        if n in out:
            continue
        linked = sorted(m for m in kg.neighbours(n) if m in pos)
        turn = int(hashlib.sha256(n.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF * 2 * math.pi
        if linked:
            x = sum(pos[m][0] for m in linked) / len(linked) + 0.4 * math.cos(turn)
            y = sum(pos[m][1] for m in linked) / len(linked) + 0.4 * math.sin(turn)
        else:  # nothing drawn to stand beside: a row below the layout
            x, y = lone % 40 - 20.0, bottom + lone // 40
            lone += 1
        out[n] = NodeViz(round(x * PX_PER_UNIT, 1), round(y * PX_PER_UNIT, 1), FALLBACK_STYLE.colour, SIZE_MIN)
    return out


def view_data(kg: GraphReader, sel: ViewSelection, title: str = "kgraph") -> dict[str, Any]:
    """Everything the page shows, as plain JSON-able data."""
    cent = sel.centrality
    edges = drawn_edges(kg, sel.nodes)
    pos = layout(sel.nodes, [(s, o) for s, o, _ in edges])
    t = _Tables(kg, sel.nodes)
    nodes = []
    for n in sel.nodes:
        d = kg.node(n)
        label = str(d.get("label") or n)
        x, y = pos[n]
        nodes.append({"id": n, "label": label, "short": _short(label), "cls": main_class(d),
                      "classes": [CLASS_STYLE.get(c, FALLBACK_STYLE).sv for c in d.get("cls", [])],
                      "alt": [str(a) for a in d.get("alt_labels", [])], "attrs": _attrs(kg, n),
                      "value": cent[n], "x": round(x * PX_PER_UNIT, 1), "y": round(y * PX_PER_UNIT, 1), "facts": _facts(kg, n, t)})
    counts = Counter(nd["cls"] for nd in nodes)
    inferred = vocab.inferred_rules("sv")  # the panel says what an inferring rule inferred
    legend = [[c, n] for c, n in sorted(counts.items(), key=lambda x: (list(CLASS_STYLE).index(x[0])
                                                                           if x[0] in CLASS_STYLE else 99, x[0]))]
    styles = {c: {"colour": s.colour, "shape": s.shape, "sv": s.sv}
              for c, s in [*CLASS_STYLE.items(), *((c, FALLBACK_STYLE) for c in counts if c not in CLASS_STYLE)]}
    return {
        "title": title, "nodes": nodes, "edges": edges, "edgeLabels": len(edges) <= EDGE_LABELS_UP_TO,
        "docs": t.docs, "sentences": t.table("sentences"),
        "predicates": t.table("predicates"), "rules": t.table("rules"),
        "inferred": [inferred.get(r, "") for r in t.table("rules")], "legend": legend, "styles": styles,
        "center": sel.center, "depth": sel.depth, "types": [CLASS_STYLE.get(c, FALLBACK_STYLE).sv for c in sel.types],
        "total": sel.total, "candidates": sel.candidates, "leftOut": sel.left_out,
        "leftOutByClass": [[CLASS_STYLE.get(c, FALLBACK_STYLE).sv, k] for c, k in sel.left_out_by_class.items()],
        "hubs": [kg.label(h) for h in sel.hubs],
    }


# ---------------------------------------------------------------- page

def _vis_js() -> str:
    """vis-network's script from the pyvis package, found without importing pyvis (whose import
    loads IPython and takes half a CPU-second: a tenth of a small build's outputs)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise KgraphError("the pyvis package is not installed; reinstall kgraph")
    base = Path(next(iter(spec.submodule_search_locations)))
    for cand in sorted(base.glob("**/vis-9.1.2/vis-network.min.js")) + sorted(base.glob("**/vis-network.min.js")):
        return cand.read_text(encoding="utf-8")
    raise KgraphError(f"{base}: vis-network.min.js not found in the pyvis package; reinstall pyvis")


def _json_for_html(data: Any) -> str:
    """JSON that cannot end its <script> block or open a comment: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _heading(kg: GraphReader, sel: ViewSelection) -> str:
    if sel.center:
        return f"kgraph: {kg.label(sel.center)}"
    return "kgraph: kunskapsgraf"


def render_html(kg: GraphReader, center: str | None = None, depth: int = DEFAULT_DEPTH,
                types: tuple[str, ...] = (), max_nodes: int = DEFAULT_MAX_NODES, title: str | None = None,
                selection: ViewSelection | None = None, vg: Projection | None = None,
                through_hubs: bool = False) -> str:
    """The page for a graph (or the neighbourhood of center), deterministic for the same input."""
    sel = selection or select_view(kg, center, depth, types, max_nodes, vg, through_hubs)
    heading = title or _heading(kg, sel)
    data = _json_for_html(view_data(kg, sel, heading))
    vis_js = _vis_js()
    if "</script" in vis_js.lower() or "<!--" in vis_js:
        raise KgraphError("the vis-network script cannot be inlined safely (contains </script or <!--)")
    csp = ("default-src 'none'; script-src " + _csp_hash(vis_js) + " " + _csp_hash(APP_JS) +
           "; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
    parts = [
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',  # only ' - ; a-z 0-9 + / =
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{html.escape(heading)}</title>\n<style>{CSS}</style>\n</head><body>\n",
        BODY.replace("@@HEADING@@", html.escape(heading)),
        f'<script type="application/json" id="kgraph-data">{data}</script>\n',
        f"<script>{vis_js}</script>\n<script>{APP_JS}</script>\n</body></html>\n",
    ]
    return "".join(parts)


def write_html(kg: GraphReader, path: Path, center: str | None = None, depth: int = DEFAULT_DEPTH,
               types: tuple[str, ...] = (), max_nodes: int = DEFAULT_MAX_NODES,
               title: str | None = None, through_hubs: bool = False) -> ViewSelection:
    """Write the page atomically (UTF-8); returns what it shows."""
    sel = select_view(kg, center, depth, tuple(types), max_nodes, through_hubs=through_hubs)
    atomic_write_text(Path(path), render_html(kg, title=title, selection=sel))
    return sel


CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222}
body{display:flex;flex-direction:column}
header{padding:8px 12px;background:#f6f6f4;border-bottom:1px solid #ccc}
h1{font-size:17px;margin:0 12px 6px 0;display:inline-block}
#search{width:260px;padding:4px 6px;font-size:14px}
#status{font-size:12px;color:#555;margin-top:4px}
#legend{margin-top:6px;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px}
#legend label{cursor:pointer;white-space:nowrap;display:inline-flex;align-items:center;gap:3px}
#legend svg{width:14px;height:14px}
#legend button{font-size:12px}
main{flex:1;display:flex;min-height:0}
#net{flex:1;min-width:0;position:relative;background:#fff}
#panel{width:400px;max-width:45%;overflow:auto;border-left:1px solid #ccc;padding:10px 14px;background:#fcfcfb}
#panel h2{font-size:16px;margin:0 0 4px}
#panel h3{font-size:14px;margin:12px 0 4px}
#panel .cls{color:#666;font-size:12px}
#panel dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 8px;font-size:12px;margin:6px 0}
#panel dt{color:#666}#panel dd{margin:0}
#panel ul.facts{padding-left:16px;margin:0}
#panel ul.facts>li{margin-bottom:8px}
#panel ul.ev{list-style:none;padding-left:0;margin:2px 0 0}
#panel ul.ev li{font-size:12px;margin:2px 0;padding-left:8px;border-left:3px solid #ddd}
#panel q{font-style:italic}
#panel .src{color:#555}
#panel .rule{color:#888}
#panel .inferred{color:#a15c00;font-style:italic}
button.link{background:none;border:0;padding:0;color:#1a57a8;text-decoration:underline;cursor:pointer;font:inherit;text-align:left}
.vis-tooltip{position:absolute;visibility:hidden;padding:4px 6px;white-space:nowrap;font-size:12px;
background:#fffbe6;border:1px solid #999;border-radius:3px;pointer-events:none;z-index:5}
#empty{position:absolute;top:40%;width:100%;text-align:center;color:#777}
"""

BODY = """<header>
<h1 id="heading">@@HEADING@@</h1>
<input id="search" type="search" placeholder="Sök namn …" aria-label="Sök nod på namn" autocomplete="off">
<div id="status" role="status"></div>
<div id="legend" aria-label="Klasser (filter)"></div>
</header>
<main><div id="net"></div>
<aside id="panel" aria-live="polite"><p>Klicka på en nod för att se dess fakta och källor.</p></aside></main>
"""

# The application script. It never uses innerHTML: every text goes in through textContent.
APP_JS = r"""
(function () {
  'use strict';
  performance.mark('kgraph-start');
  var DATA = JSON.parse(document.getElementById('kgraph-data').textContent);
  performance.mark('kgraph-parsed');
  var S = DATA.styles;
  var fold = function (s) { return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); };
  var fmt = function (n) { return n.toLocaleString('sv-SE'); };
  var byId = new Map();
  DATA.nodes.forEach(function (n) { n.shown = true; byId.set(n.id, n); });
  var style = function (c) { return S[c] || {colour: '#b0b0b0', shape: 'dot', sv: c}; };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  var groups = {};
  DATA.legend.forEach(function (x) {
    var st = style(x[0]);
    groups[x[0]] = {shape: st.shape, color: {background: st.colour, border: '#444',
      highlight: {background: st.colour, border: '#000'}, hover: {background: st.colour, border: '#000'}}};
  });
  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    return {id: n.id, label: n.short, title: n.label + ' (' + style(n.cls).sv + ')', x: n.x, y: n.y,
            value: n.value, group: n.cls};
  }));
  var edges = new vis.DataSet(DATA.edges.map(function (e, i) {
    return {id: i, from: e[0], to: e[1], title: e[2], label: DATA.edgeLabels ? e[2] : undefined};
  }));
  var big = DATA.nodes.length > 1000;
  var container = document.getElementById('net');
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    physics: false, groups: groups,
    layout: {improvedLayout: false, randomSeed: 1},
    interaction: {hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big},
    nodes: {scaling: {min: 7, max: 34, label: {enabled: true, min: 11, max: 20, drawThreshold: big ? 9 : 5}},
            font: {size: 13, strokeWidth: 3, strokeColor: '#ffffff'}, borderWidth: 1},
    edges: {smooth: false, width: 1, color: {color: '#b8b8b8', highlight: '#333', hover: '#666'},
            arrows: {to: {enabled: !big, scaleFactor: 0.4}}, font: {size: 9, color: '#777', strokeWidth: 2}}
  });
  performance.mark('kgraph-network');
  if (!DATA.nodes.length) { var empty = el('div', 'Inga noder att visa.'); empty.id = 'empty'; container.appendChild(empty); }

  var state = {query: '', off: new Set()};
  var keys = null;
  function matches(n) {
    if (state.query === '') return true;
    if (keys === null) {
      keys = new Map();
      DATA.nodes.forEach(function (m) { keys.set(m.id, fold([m.label].concat(m.alt).join('\n'))); });
    }
    return keys.get(n.id).indexOf(state.query) !== -1;
  }
  function apply() {
    var changes = [];
    DATA.nodes.forEach(function (n) {
      var v = !state.off.has(n.cls) && matches(n);
      if (v !== n.shown) { n.shown = v; changes.push({id: n.id, hidden: !v}); }
    });
    if (changes.length) nodes.update(changes);
    status();
  }
  function shownIds() { return DATA.nodes.filter(function (n) { return n.shown; }).map(function (n) { return n.id; }); }

  var statusEl = document.getElementById('status');
  function status() {
    var shown = DATA.nodes.filter(function (n) { return n.shown; }).length;
    var parts = ['Visar ' + fmt(shown) + ' av ' + fmt(DATA.nodes.length) + ' noder, ' + fmt(DATA.edges.length) + ' kanter.'];
    if (DATA.center && byId.has(DATA.center)) {
      parts.push('Grannskapet till ' + byId.get(DATA.center).label + ' (djup ' + DATA.depth + ').');
    }
    if (DATA.hubs && DATA.hubs.length) {
      parts.push('Inte vidare genom ' + DATA.hubs.join(', ') + ' (partier, regeringen, departement och noder ' +
        'med många kopplingar; kgraph view --through-hubs går igenom dem).');
    }
    if (DATA.types.length) parts.push('Klasser: ' + DATA.types.join(', ') + '.');
    if (DATA.leftOut) {
      parts.push('De ' + fmt(DATA.nodes.length) + (DATA.center ? ' närmaste' : ' mest centrala') + ' av ' +
        fmt(DATA.candidates) + ' visas; ' +
        fmt(DATA.leftOut) + ' utelämnade (' + DATA.leftOutByClass.map(function (x) { return x[0] + ' ' + fmt(x[1]); }).join(', ') +
        '). Välj en nod med kgraph view NAMN eller höj --max-nodes.');
    }
    if (state.query !== '') parts.push('Sökning: ' + fmt(shown) + ' träffar.');
    statusEl.textContent = parts.join(' ');
  }

  var SVGNS = 'http://www.w3.org/2000/svg';
  var SHAPES = {
    dot: function (s) { var c = document.createElementNS(SVGNS, 'circle'); c.setAttribute('cx', 7); c.setAttribute('cy', 7); c.setAttribute('r', 6); return c; },
    square: 'M1.5 1.5H12.5V12.5H1.5Z', triangle: 'M7 1L13 13H1Z', triangleDown: 'M1 1H13L7 13Z',
    diamond: 'M7 0.5L13.5 7L7 13.5L0.5 7Z', hexagon: 'M7 0.5L12.6 3.75V10.25L7 13.5L1.4 10.25V3.75Z',
    star: 'M7 0.5L8.8 5.2L13.7 5.3L9.8 8.4L11.2 13.3L7 10.4L2.8 13.3L4.2 8.4L0.3 5.3L5.2 5.2Z'
  };
  function glyph(c) {
    var st = style(c), svg = document.createElementNS(SVGNS, 'svg'), sh = SHAPES[st.shape] || SHAPES.dot, g;
    svg.setAttribute('viewBox', '0 0 14 14');
    if (typeof sh === 'function') g = sh(); else { g = document.createElementNS(SVGNS, 'path'); g.setAttribute('d', sh); }
    g.setAttribute('fill', st.colour); g.setAttribute('stroke', '#444'); g.setAttribute('stroke-width', '0.8');
    svg.appendChild(g);
    return svg;
  }
  var legend = document.getElementById('legend');
  DATA.legend.forEach(function (x) {
    var lab = el('label'), box = el('input');
    box.type = 'checkbox'; box.checked = true; box.dataset.cls = x[0];
    box.addEventListener('change', function () {
      if (box.checked) state.off.delete(x[0]); else state.off.add(x[0]);
      apply();
    });
    lab.appendChild(box); lab.appendChild(glyph(x[0])); lab.appendChild(document.createTextNode(style(x[0]).sv + ' (' + fmt(x[1]) + ')'));
    legend.appendChild(lab);
  });
  if (DATA.legend.length > 1) {
    [['Alla', false], ['Inga', true]].forEach(function (b) {
      var btn = el('button', b[0]);
      btn.type = 'button';
      btn.addEventListener('click', function () {
        legend.querySelectorAll('input[type=checkbox]').forEach(function (box) {
          box.checked = !b[1];
          if (b[1]) state.off.add(box.dataset.cls); else state.off.delete(box.dataset.cls);
        });
        apply();
      });
      legend.appendChild(btn);
    });
  }

  var panel = document.getElementById('panel');
  function evidenceItem(ev) {
    var li = el('li');
    var doc = ev[0] >= 0 ? DATA.docs[ev[0]] : null, sentence = DATA.sentences[ev[1]];
    if (sentence) { li.appendChild(el('q', sentence)); li.appendChild(document.createTextNode(' ')); }
    var source = doc ? '— ' + doc.file + (doc.date ? ', ' + doc.date : '') + (doc.title ? ': ' + doc.title : '') : '— referensdata';
    li.appendChild(el('span', source, 'src'));
    li.appendChild(el('span', ' (' + DATA.rules[ev[2]] + ', ' + ev[3] + ')', 'rule'));
    if (DATA.inferred[ev[2]]) li.appendChild(el('span', ' härlett: ' + DATA.inferred[ev[2]], 'inferred'));
    return li;
  }
  function select(id) {
    if (!byId.has(id)) return;
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 0.8), animation: false});
    show(id);
  }
  function show(id) {
    var n = byId.get(id);
    panel.replaceChildren();
    if (!n) { panel.appendChild(el('p', 'Klicka på en nod för att se dess fakta och källor.')); return; }
    panel.appendChild(el('h2', n.label));
    panel.appendChild(el('div', n.classes.join(', ') + ' · ' + n.id, 'cls'));
    if (n.alt.length) panel.appendChild(el('p', 'Även: ' + n.alt.join(', ')));
    if (n.attrs.length) {
      var dl = el('dl');
      n.attrs.forEach(function (a) { dl.appendChild(el('dt', a[0])); dl.appendChild(el('dd', a[1])); });
      panel.appendChild(dl);
    }
    panel.appendChild(el('h3', 'Fakta (' + n.facts.length + ')'));
    var ul = el('ul', null, 'facts');
    n.facts.forEach(function (f) {
      var li = el('li'), other = f[2] >= 0 ? DATA.nodes[f[2]] : null;
      var text = f[1] === null ? other.label : f[1];
      li.appendChild(el('strong', DATA.predicates[f[0]] + ': '));
      if (other) {
        var b = el('button', text, 'link');
        b.type = 'button';
        b.addEventListener('click', function () { select(other.id); });
        li.appendChild(b);
      } else {
        li.appendChild(el('span', text));
      }
      if (f[3].length) {
        var evs = el('ul', null, 'ev');
        f[3].forEach(function (ev) { evs.appendChild(evidenceItem(ev)); });
        li.appendChild(evs);
      }
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }
  network.on('click', function (p) { show(p.nodes.length ? p.nodes[0] : null); });

  var search = document.getElementById('search');
  search.addEventListener('input', function () { state.query = fold(search.value.trim()); apply(); });
  search.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') return;
    if (state.query === '') return;
    var best = null, bestRank = null;
    DATA.nodes.forEach(function (n) {  // the best match: exact name, then name start, then most central
      if (!n.shown) return;
      var l = fold(n.label), rank = [l === state.query ? 0 : (l.indexOf(state.query) === 0 ? 1 : 2), -n.value];
      if (best === null || rank[0] < bestRank[0] || (rank[0] === bestRank[0] && rank[1] < bestRank[1])) {
        best = n; bestRank = rank;
      }
    });
    if (best) select(best.id);
  });

  status();
  window.kgraph = {network: network, nodes: nodes, edges: edges, data: DATA, shownIds: shownIds, select: select, ready: null};
  network.once('afterDrawing', function () {
    window.kgraph.ready = performance.now();
    document.body.setAttribute('data-ready', '1');
  });
})();
"""
