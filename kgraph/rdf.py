"""The knowledge graph as RDF: one statement generator, several writers.

:func:`statements` walks a :class:`KnowledgeGraph` once and yields every RDF
statement with the named graphs it belongs to. Everything else is a writer
over that stream: :func:`to_rdf` (an rdflib ``Graph``), :func:`to_turtle`
(byte-identical for the same input), :func:`to_dataset` (an rdflib
``Dataset`` with one named graph per source document) and the streaming
N-Triples / N-Quads writers in :mod:`kgraph.export`.

Terms are plain Python values so that large graphs stream fast: an IRI is a
``str``; a literal is a tuple ``(lexical form, datatype IRI or None,
language or None)``.

Provenance pattern, two layers:

1. **Per statement** (every format): every statement kgraph derives from text
   gets one ``kgo:Evidence`` node per supporting span (``rdf:subject``/
   ``rdf:predicate``/``rdf:object`` name the statement, ``kgo:source`` the
   document, ``kgo:startOffset``/``kgo:endOffset`` the character span,
   ``kgo:sentence`` the sentence, ``kgo:rule`` the extractor, ``kgo:confidence``
   its confidence as an ``xsd:decimal``). Evidence IRIs are hashes of their
   content, so they are stable too. A source document is a ``prov:Entity``,
   ``prov:wasAttributedTo`` its publisher.
2. **Per document** (TriG, N-Quads): the statements read from document *D*,
   and the Evidence nodes whose source is *D*, are in the named graph
   ``<https://w3id.org/kgraph/id/graph/document/H>`` (*H* = the document's
   16-hex id). The default graph holds the node descriptions (types, labels,
   identifiers, meeting attributes), facts from reference data, the documents'
   descriptions and one PROV-O record per named graph: ``<g> a prov:Entity ;
   prov:wasDerivedFrom <document> ; prov:wasAttributedTo <kgraph> ;
   kgo:extractorVersion "…"``. A statement read from several documents is in
   each of their graphs. The union of all graphs, minus the records about the
   named graphs, is exactly the Turtle graph.
"""
from __future__ import annotations

from hashlib import sha256
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, Union

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from . import __version__
from .graph import KnowledgeGraph
from .namespaces import KG, KGO, WD

PREFIXES = {"kgo": str(KGO), "kg": str(KG), "skos": str(SKOS), "owl": str(OWL), "dcterms": str(DCTERMS),
            "wd": str(WD), "xsd": str(XSD), "rdfs": str(RDFS), "rdf": str(RDF), "prov": str(PROV)}
PREDICATES = {"mentionedIn": KGO.mentionedIn, "memberOf": KGO.memberOf, "affiliatedWith": KGO.affiliatedWith,
              "participant": KGO.participant, "location": KGO.location, "topic": KGO.topic,
              "inCounty": KGO.inCounty, "holdsPost": KGO.holdsPost, "postIn": KGO.postIn, "partOf": KGO.partOf,
              "publisher": KGO.publisher, "role": KGO.role}
TOPIC_SCHEME = KG["topics"]
KGRAPH_AGENT = KG["agent/kgraph"]

IRI = str
Lit = tuple[str, Union[str, None], Union[str, None]]
Term = Union[IRI, Lit]
DEFAULT_GRAPH = ""  # graph name of the default graph in a statement's graph tuple
Statement = tuple[IRI, IRI, Term, tuple[str, ...]]

# predicate and class IRIs as plain strings (hot path)
_TYPE, _LABEL, _ALT, _PREF = str(RDF.type), str(RDFS.label), str(SKOS.altLabel), str(SKOS.prefLabel)
_DATE, _DECIMAL, _INTEGER = str(XSD.date), str(XSD.decimal), str(XSD.integer)
_PRED = {k: str(v) for k, v in PREDICATES.items()}
_K = {name: str(getattr(KGO, name)) for name in (
    "Evidence", "fileName", "contentHash", "title", "published", "publisher", "meetingKind", "status", "date",
    "postTitle", "startDate", "endDate", "scbCode", "organisationNumber", "abbreviation", "source", "startOffset",
    "endOffset", "sentence", "rule", "confidence", "evidenceFor", "TopicScheme", "extractorVersion")}
_DEFAULT_ONLY: tuple[str, ...] = (DEFAULT_GRAPH,)
_KG, _WD = str(KG), str(WD)
_SAME_AS = str(OWL.sameAs)
_RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_EVIDENCE, _SOURCE, _START, _END = _K["Evidence"], _K["source"], _K["startOffset"], _K["endOffset"]
_SENTENCE, _RULE, _CONFIDENCE, _EVIDENCE_FOR = _K["sentence"], _K["rule"], _K["confidence"], _K["evidenceFor"]
_MEETING_KIND, _STATUS, _MEETING_DATE = _K["meetingKind"], _K["status"], _K["date"]


def iri(node: str) -> URIRef:
    return KG[node]


def node_iri(node: str) -> IRI:
    return str(KG) + node


def graph_iri(doc_node: str) -> IRI:
    """The named graph of one source document: ``…/id/graph/document/<hash16>``."""
    return str(KG) + "graph/" + doc_node


def _lit(value: str, datatype: str | None = None, lang: str | None = None) -> Lit:
    return (str(value), datatype, lang)


@lru_cache(maxsize=1024)
def _confidence(value: Any) -> str:
    return str(Decimal(str(value if value is not None else 1.0)).quantize(Decimal("0.001")))


def _graphs(evidence: list[dict[str, Any]]) -> tuple[str, ...]:
    """The graphs a statement belongs to: its documents, and the default graph for facts without text."""
    if len(evidence) == 1:
        doc = evidence[0].get("doc")
        return (doc,) if doc else _DEFAULT_ONLY
    docs = {ev["doc"] for ev in evidence if ev.get("doc")}
    if not docs:
        return _DEFAULT_ONLY
    if any(not ev.get("doc") for ev in evidence):
        docs.add(DEFAULT_GRAPH)
    return tuple(sorted(docs))


Emit = Callable[[Statement], None]


def _evidence(out: list[Statement], s: IRI, p: IRI, o: Term, evidence: list[dict[str, Any]],
              seen: set[str]) -> None:
    for ev in evidence:
        doc = ev.get("doc")
        if not doc:
            continue  # facts from reference data carry no text evidence
        start, end, rule = ev.get("start"), ev.get("end"), ev.get("rule")
        o_key = o if o.__class__ is str else o[0]
        h = sha256(f"{s}|{p}|{o_key}|{doc}|{start}|{end}|{rule}".encode()).hexdigest()[:20]
        if h in seen:
            continue  # the same span found twice: one record
        seen.add(h)
        e = _KG + "evidence/" + h
        g = (doc,)
        out.extend(((e, _TYPE, _EVIDENCE, g), (e, _RDF_SUBJECT, s, g), (e, _RDF_PREDICATE, p, g),
                    (e, _RDF_OBJECT, o, g), (e, _SOURCE, _KG + doc, g)))
        if start is not None:
            out.extend(((e, _START, (str(int(start)), _INTEGER, None), g),
                        (e, _END, (str(int(end)), _INTEGER, None), g)))
        sentence = ev.get("sentence")
        if sentence:
            out.append((e, _SENTENCE, (sentence, None, None), g))
        out.extend(((e, _RULE, (rule or "unknown", None, None), g),
                    (e, _CONFIDENCE, (_confidence(ev.get("confidence", 1.0)), _DECIMAL, None), g),
                    (e, _EVIDENCE_FOR, s, g)))


def _document(emit: Emit, kg: KnowledgeGraph, s: IRI, d: dict[str, Any]) -> None:
    g = _DEFAULT_ONLY
    emit((s, _TYPE, str(PROV.Entity), g))
    emit((s, _K["fileName"], (d["file_name"], None, None), g))
    emit((s, _K["contentHash"], (d["content_hash"], None, None), g))
    if d.get("title"):
        emit((s, _K["title"], (d["title"], None, None), g))
    if d.get("published"):
        emit((s, _K["published"], (d["published"], _DATE, None), g))
    if d.get("publisher") and d["publisher"] in kg.g:
        emit((s, _K["publisher"], node_iri(d["publisher"]), g))
        emit((s, str(PROV.wasAttributedTo), node_iri(d["publisher"]), g))


def _topic(emit: Emit, s: IRI, d: dict[str, Any]) -> None:
    g = _DEFAULT_ONLY
    emit((s, _TYPE, str(SKOS.Concept), g))
    emit((s, _PREF, (d["label"], None, "sv"), g))
    if d.get("en_label"):
        emit((s, _PREF, (d["en_label"], None, "en"), g))
    for a in d.get("alt_labels", []):
        if a != d["label"]:
            emit((s, _ALT, (a, None, "sv"), g))
    emit((s, str(SKOS.inScheme), str(TOPIC_SCHEME), g))
    if d.get("broader"):
        emit((s, str(SKOS.broader), node_iri(f"topic/{d['broader']}"), g))


def _meeting(emit: Emit, s: IRI, d: dict[str, Any]) -> None:
    g = _DEFAULT_ONLY
    emit((s, _LABEL, (d["label"], None, None), g))
    emit((s, _MEETING_KIND, (d["meeting_kind"], None, None), g))
    emit((s, _STATUS, (d["status"], None, None), g))
    if d.get("date"):
        emit((s, _MEETING_DATE, (d["date"], _DATE, None), g))


def _post(emit: Emit, s: IRI, d: dict[str, Any]) -> None:
    g = _DEFAULT_ONLY
    emit((s, _LABEL, (d["label"], None, None), g))
    emit((s, _K["postTitle"], (d["post_title"], None, None), g))
    if d.get("start"):
        emit((s, _K["startDate"], (d["start"], _DATE, None), g))
    if d.get("end"):
        emit((s, _K["endDate"], (d["end"], _DATE, None), g))


def _entity(out: list[Statement], s: IRI, d: dict[str, Any], evidence: bool, seen: set[str]) -> None:
    emit, g = out.append, _DEFAULT_ONLY
    label = d["label"]
    emit((s, _LABEL, (label, None, None), g))
    for a in d.get("alt_labels", ()):
        if a != label:
            emit((s, _ALT, (a, None, None), g))
    if d.get("scbCode"):
        emit((s, _K["scbCode"], (d["scbCode"], None, None), g))
    if d.get("organisationNumber"):
        emit((s, _K["organisationNumber"], (d["organisationNumber"], None, None), g))
    if d.get("abbreviation"):
        for a in sorted(set(d["abbreviation"].split("|"))):
            if a:
                emit((s, _K["abbreviation"], (a, None, None), g))
    if d.get("wikidata"):
        emit((s, _SAME_AS, _WD + d["wikidata"], g))
    for pred, values in sorted(d.get("literals", {}).items()):
        p = _PRED[pred]
        for value, evs in sorted(values.items()):
            o = (value, None, None)
            emit((s, p, o, _graphs(evs)))
            if evidence:
                _evidence(out, s, p, o, evs, seen)


def _edges(out: list[Statement], kg: KnowledgeGraph, node: str, kind: str | None, evidence: bool,
           seen: set[str]) -> None:
    emit, s = out.append, _KG + node
    # networkx's adjacency dict itself (kg.g.adj[node] wraps it in a read-only view, 3x slower to walk)
    for o, keydict in sorted(kg.g._adj[node].items()):
        po = _KG + o
        for p, d in sorted(keydict.items()):
            pp = _PRED[p]
            if p == "mentionedIn":
                emit((s, pp, po, (o,)))  # what a document mentions is in its graph; no Evidence record
                continue
            evs = d.get("evidence", [])
            emit((s, pp, po, (node,) if kind == "document" else _graphs(evs)))
            if evidence:
                _evidence(out, s, pp, po, evs, seen)


def statement_chunks(kg: KnowledgeGraph, evidence: bool = True, size: int = 8192) -> Iterator[list[Statement]]:
    """:func:`statements` in lists of about ``size`` (fast writers consume whole lists)."""
    seen: set[str] = set()
    has_topics = False
    chunk: list[Statement] = []
    emit = chunk.append
    for node, d in sorted(kg.g.nodes(data=True)):
        s = _KG + node
        for c in d.get("cls", ()):
            emit((s, _TYPE, _class_iri(c), _DEFAULT_ONLY))
        kind = d.get("kind")
        if kind == "document":
            _document(emit, kg, s, d)
        elif kind == "topic":
            has_topics = True
            _topic(emit, s, d)
        elif kind == "meeting":
            _meeting(emit, s, d)
        elif kind == "post":
            _post(emit, s, d)
        else:
            _entity(chunk, s, d, evidence, seen)
        _edges(chunk, kg, node, kind, evidence, seen)
        if len(chunk) >= size:
            yield chunk
            chunk = []
            emit = chunk.append
    if has_topics:
        ts, g = str(TOPIC_SCHEME), _DEFAULT_ONLY
        emit((ts, _TYPE, _K["TopicScheme"], g))
        emit((ts, _TYPE, str(SKOS.ConceptScheme), g))
        emit((ts, _PREF, ("kgraph: ämnen i svensk offentlig förvaltning", None, "sv"), g))
        emit((ts, _PREF, ("kgraph: Swedish public-policy topics", None, "en"), g))
    if chunk:
        yield chunk


def statements(kg: KnowledgeGraph, evidence: bool = True) -> Iterator[Statement]:
    """Every RDF statement of the graph once, with the graphs it belongs to.

    The order is a function of the graph's content (nodes and edges sorted),
    so equal graphs give equal streams. Each (s, p, o) is yielded at most once.
    """
    for chunk in statement_chunks(kg, evidence):
        yield from chunk


@lru_cache(maxsize=None)
def _class_iri(name: str) -> IRI:
    return str(KGO[name])  # KGO is closed: an unknown class name fails loudly


def graph_records(kg: KnowledgeGraph) -> Iterator[tuple[IRI, IRI, Term]]:
    """PROV-O records about the named graphs (default graph of TriG / N-Quads only)."""
    version = str(kg.meta.get("kgraph_version") or __version__)
    docs = sorted(n for n, _ in kg.nodes(kind="document"))
    if not docs:
        return
    agent = str(KGRAPH_AGENT)
    yield agent, _TYPE, str(PROV.SoftwareAgent)
    yield agent, _LABEL, ("kgraph", None, None)
    for doc in docs:
        g = graph_iri(doc)
        yield g, _TYPE, str(PROV.Entity)
        yield g, str(PROV.wasDerivedFrom), node_iri(doc)
        yield g, str(PROV.wasAttributedTo), agent
        yield g, _K["extractorVersion"], (version, None, None)


# --------------------------------------------------------------------- rdflib
def rdflib_term(t: Term, cache: dict[str, URIRef] | None = None) -> URIRef | Literal:
    if isinstance(t, str):
        if cache is None:
            return URIRef(t)
        u = cache.get(t)
        if u is None:
            u = cache[t] = URIRef(t)
        return u
    lex, dt, lang = t
    return Literal(lex, datatype=URIRef(dt) if dt else None, lang=lang)


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        if prefix in ("rdf", "prov"):
            continue  # rdflib binds rdf itself; prov only where used (bound by serialisers that need it)
        g.bind(prefix, ns)


def to_rdf(kg: KnowledgeGraph, evidence: bool = True) -> Graph:
    g = Graph()
    _bind(g)
    g.bind("prov", PROV)
    cache: dict[str, URIRef] = {}
    add = g.add
    for s, p, o, _ in statements(kg, evidence):
        add((rdflib_term(s, cache), rdflib_term(p, cache), rdflib_term(o, cache)))
    return g


def to_dataset(kg: KnowledgeGraph, evidence: bool = True) -> Dataset:
    """One named graph per source document; see the module docstring for the pattern."""
    ds = Dataset()
    _bind(ds)
    ds.bind("prov", PROV)
    cache: dict[str, URIRef] = {}
    graphs: dict[str, Graph] = {}

    def graph(name: str) -> Graph:
        if name not in graphs:
            graphs[name] = ds.default_graph if name == DEFAULT_GRAPH else ds.graph(URIRef(graph_iri(name)))
        return graphs[name]

    for s, p, o, names in statements(kg, evidence):
        t = (rdflib_term(s, cache), rdflib_term(p, cache), rdflib_term(o, cache))
        for name in names:
            graph(name).add(t)
    default = graph(DEFAULT_GRAPH)
    for s, p, o in graph_records(kg):
        default.add((rdflib_term(s, cache), rdflib_term(p, cache), rdflib_term(o, cache)))
    return ds


def to_turtle(kg: KnowledgeGraph, evidence: bool = True) -> str:
    """Deterministic Turtle: subjects sorted, a subject's statements grouped
    (``rdf:type`` first, then predicates sorted), no blank nodes, so equal graphs
    give equal bytes. Streams :func:`statements` (no rdflib graph is built)."""
    from .export import turtle_text
    return turtle_text((s, p, o) for s, p, o, _ in statements(kg, evidence))


def triples(stmts: Iterable[Statement]) -> Iterator[tuple[IRI, IRI, Term]]:
    for s, p, o, _ in stmts:
        yield s, p, o
