"""The knowledge graph as RDF: one statement generator, several writers.

:func:`statements` walks a graph (:class:`kgraph.graph.GraphReader`) once and yields every RDF
statement with the named graphs it belongs to. Everything else is a writer
over that stream: :func:`to_rdf` (an rdflib ``Graph``), :func:`to_turtle`
(byte-identical for the same input), :func:`to_dataset` (an rdflib
``Dataset`` with one named graph per source document) and the streaming
N-Triples / N-Quads writers in :mod:`kgraph.export`.

Terms are plain Python values so that large graphs stream fast: an IRI is a
``str`` already in N-Triples syntax, ``"<https://…>"``; a literal is a tuple
``(lexical form, datatype IRI or None, language or None)``.

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

from collections.abc import Iterable, Iterator
from decimal import Decimal
import re
from functools import lru_cache
from hashlib import sha256
from typing import Any, Union

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from . import __version__, vocab
from .contracts import Evidence
from .graph import EdgeEnd, GraphReader
from .refdata import topic_scheme
from .namespaces import KG, KGO, WD

#: prefixes of the Turtle and TriG writers and the JSON-LD ``@context`` (from :mod:`kgraph.vocab`)
PREFIXES = vocab.prefixes("turtle")
#: the predicates of the graph's statements (edges and literals of nodes), as in :mod:`kgraph.vocab`
PREDICATES = {name: KGO[name] for name in vocab.predicate_names("graph")}
TOPIC_SCHEME = KG["topics"]
KGRAPH_AGENT = KG["agent/kgraph"]

IRI = str  # in N-Triples syntax: "<https://…>"
Lit = tuple[str, Union[str, None], Union[str, None]]  # (lexical form, datatype IRI, language)
Term = Union[IRI, Lit]
DEFAULT_GRAPH = ""  # name of the default graph in a statement's graph tuple; other names are document nodes
Statement = tuple[IRI, IRI, Term, tuple[str, ...]]

_IRI_BAD = frozenset('<>"{}|^`\\' + "".join(map(chr, range(0x21))))


def nt(iri: str) -> IRI:
    """An IRI in N-Triples syntax; characters IRIs may not contain are written as \\u escapes."""
    iri = str(iri)
    if not _IRI_BAD.isdisjoint(iri):
        iri = "".join(f"\\u{ord(c):04X}" if c in _IRI_BAD else c for c in iri)
    return "<" + iri + ">"


def plain(t: IRI) -> str:
    """The IRI of a term in N-Triples syntax (inverse of :func:`nt`)."""
    s = t[1:-1]
    if "\\u" in s:
        s = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), s)
    return s


# constants of the hot path
_TYPE, _LABEL, _ALT, _PREF = nt(RDF.type), nt(RDFS.label), nt(SKOS.altLabel), nt(SKOS.prefLabel)
_DATE, _DECIMAL, _INTEGER = str(XSD.date), str(XSD.decimal), str(XSD.integer)
_PRED = {k: nt(v) for k, v in PREDICATES.items()}
_K = {name: nt(KGO[name]) for name in vocab.kgo_terms()}  # every kgo: term
_P = {name: nt(v) for name, v in (
    ("sameAs", OWL.sameAs), ("subject", RDF.subject), ("predicate", RDF.predicate), ("object", RDF.object),
    ("Entity", PROV.Entity), ("wasAttributedTo", PROV.wasAttributedTo), ("wasDerivedFrom", PROV.wasDerivedFrom),
    ("SoftwareAgent", PROV.SoftwareAgent), ("Concept", SKOS.Concept), ("ConceptScheme", SKOS.ConceptScheme),
    ("inScheme", SKOS.inScheme), ("broader", SKOS.broader), ("topics", TOPIC_SCHEME), ("agent", KGRAPH_AGENT))}
_DEFAULT_ONLY: tuple[str, ...] = (DEFAULT_GRAPH,)
_KG, _WD = str(KG), str(WD)
_QID = re.compile(r"Q[1-9][0-9]*\Z")


def iri(node: str) -> URIRef:
    """The rdflib IRI of a node (``municipality/1384`` -> ``https://w3id.org/kgraph/id/municipality/1384``)."""
    return KG[node]


def node_iri(node: str) -> str:
    return _KG + node


def graph_iri(doc_node: str) -> str:
    """The named graph of one source document: ``…/id/graph/document/<hash16>``."""
    return _KG + "graph/" + doc_node


@lru_cache(maxsize=1 << 16)
def _node(node: str) -> IRI:
    return nt(_KG + node)


@lru_cache(maxsize=None)
def _class_iri(name: str) -> IRI:
    return nt(KGO[name])  # KGO is closed: an unknown class name fails loudly


@lru_cache(maxsize=1024)
def _confidence(value: Any) -> str:
    return str(Decimal(str(value if value is not None else 1.0)).quantize(Decimal("0.001")))


def _graphs(evidence: list[Evidence]) -> tuple[str, ...]:
    """The graphs a statement belongs to: its documents, and the default graph for facts without text."""
    if len(evidence) == 1:
        doc = evidence[0].doc
        return (doc,) if doc else _DEFAULT_ONLY
    docs = {ev.doc for ev in evidence if ev.doc}
    if not docs:
        return _DEFAULT_ONLY
    if any(not ev.doc for ev in evidence):
        docs.add(DEFAULT_GRAPH)
    return tuple(sorted(docs))


class EvidenceRecord(tuple):  # type: ignore[type-arg]
    """One ``kgo:Evidence`` record as one item of a statement chunk: ``(e, s, p, o, source, start,
    end, sentence, rule, confidence, graphs)``, terms as in :data:`Statement` (``start``, ``end``,
    ``sentence``: literals or None). :func:`statement_chunks` gives its statements
    (:func:`record_statements`) unless asked for the records themselves: a writer that formats a
    record at once (graph.ttl and the N-Quads the store loads, the N-Triples and N-Quads exports)
    saves building and grouping eleven statements."""

    __slots__ = ()


_new_record = tuple.__new__


def record_statements(r: EvidenceRecord) -> list[Statement]:
    """The statements of a record, in the order every writer has written them."""
    e, s, p, o, source, start, end, sentence, rule, confidence, g = r
    out = [(e, _TYPE, _K["Evidence"], g), (e, _P["subject"], s, g), (e, _P["predicate"], p, g),
           (e, _P["object"], o, g), (e, _K["source"], source, g)]
    if start is not None:
        out += ((e, _K["startOffset"], start, g), (e, _K["endOffset"], end, g))
    if sentence is not None:
        out.append((e, _K["sentence"], sentence, g))
    out += ((e, _K["rule"], rule, g), (e, _K["confidence"], confidence, g), (e, _K["evidenceFor"], s, g))
    return out


def _evidence(out: list[Any], s: IRI, p: IRI, o: Term, evidence: list[Evidence], seen: set[str],
              records: bool) -> None:
    """The Evidence records of statement (s, p, o) (a graph's records are :class:`Evidence` tuples):
    :class:`EvidenceRecord` items if ``records``, else their statements."""
    for doc, start, end, sentence, rule, confidence in evidence:
        if not doc:
            continue  # facts from reference data carry no text evidence
        o_key = o[1:-1] if o.__class__ is str else o[0]
        # the record's IRI hashes what it says, so it is stable across builds
        h = sha256(f"{s[1:-1]}|{p[1:-1]}|{o_key}|{doc}|{start}|{end}|{rule}".encode()).hexdigest()[:20]
        if h in seen:
            continue  # the same span found twice: one record
        seen.add(h)
        r = _new_record(EvidenceRecord, (
            "<" + _KG + "evidence/" + h + ">", s, p, o, _node(doc),
            (str(int(start)), _INTEGER, None) if start is not None else None,
            (str(int(end)), _INTEGER, None) if start is not None else None,
            (sentence, None, None) if sentence else None,
            (rule or "unknown", None, None), (_confidence(confidence), _DECIMAL, None), (doc,)))
        if records:
            out.append(r)
        else:
            out += record_statements(r)


def _document(out: list[Statement], kg: GraphReader, s: IRI, d: dict[str, Any]) -> None:
    emit, g = out.append, _DEFAULT_ONLY
    emit((s, _TYPE, _P["Entity"], g))
    emit((s, _K["fileName"], (d["file_name"], None, None), g))
    emit((s, _K["contentHash"], (d["content_hash"], None, None), g))
    if d.get("title"):
        emit((s, _K["title"], (d["title"], None, None), g))
    if d.get("published"):
        emit((s, _K["published"], (d["published"], _DATE, None), g))
    if d.get("publisher") and d["publisher"] in kg:
        emit((s, _K["publisher"], _node(d["publisher"]), g))
        emit((s, _P["wasAttributedTo"], _node(d["publisher"]), g))


def _topic(out: list[Statement], s: IRI, d: dict[str, Any]) -> None:
    emit, g = out.append, _DEFAULT_ONLY
    emit((s, _TYPE, _P["Concept"], g))
    emit((s, _PREF, (d["label"], None, "sv"), g))
    if d.get("en_label"):
        emit((s, _PREF, (d["en_label"], None, "en"), g))
    for a in d.get("alt_labels", []):
        if a != d["label"]:
            emit((s, _ALT, (a, None, "sv"), g))
    emit((s, _P["inScheme"], _P["topics"], g))
    if d.get("broader"):
        emit((s, _P["broader"], _node(f"topic/{d['broader']}"), g))


def _broader_topics(out: list[Statement], written: set[str], wanted: set[str]) -> None:
    """The concepts of the scheme that the graph's topics name as broader but no document names:
    written too, with their own broader chain, so that no ``skos:broader`` points at an unlabelled IRI."""
    scheme = topic_scheme()
    todo = sorted(wanted - written)
    done = set(written)
    while todo:
        node = todo.pop(0)
        if node in done:
            continue
        done.add(node)
        c = scheme.get(node.removeprefix("topic/"))
        if c is None:
            continue  # a broader id the scheme of this installation lacks: the IRI alone, as before
        _topic(out, _node(node), {"label": c.pref_label, "en_label": c.en_label, "alt_labels": c.alt_labels,
                                  "broader": c.broader})
        if c.broader:
            todo.append(f"topic/{c.broader}")


def _meeting(out: list[Statement], s: IRI, d: dict[str, Any]) -> None:
    emit, g = out.append, _DEFAULT_ONLY
    emit((s, _LABEL, (d["label"], None, None), g))
    emit((s, _K["meetingKind"], (d["meeting_kind"], None, None), g))
    emit((s, _K["status"], (d["status"], None, None), g))
    if d.get("date"):
        emit((s, _K["date"], (d["date"], _DATE, None), g))


def _post(out: list[Statement], s: IRI, d: dict[str, Any]) -> None:
    emit, g = out.append, _DEFAULT_ONLY
    emit((s, _LABEL, (d["label"], None, None), g))
    emit((s, _K["postTitle"], (d["post_title"], None, None), g))
    if d.get("start"):
        emit((s, _K["startDate"], (d["start"], _DATE, None), g))
    if d.get("end"):
        emit((s, _K["endDate"], (d["end"], _DATE, None), g))


def _entity(out: list[Any], s: IRI, d: dict[str, Any], evidence: bool, seen: set[str], records: bool) -> None:
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
    qid = str(d.get("wikidata") or "").strip()
    if _QID.match(qid):  # anything else in the reference data would make an IRI that strict stores reject
        emit((s, _P["sameAs"], nt(_WD + qid), g))
    for pred, values in sorted(d.get("literals", {}).items()):
        p = _PRED[pred]
        for value, evs in sorted(values.items()):
            o = (value, None, None)
            emit((s, p, o, _graphs(evs)))
            if evidence:
                _evidence(out, s, p, o, evs, seen, records)


def _edges(out: list[Any], ends: Iterable[EdgeEnd], node: str, kind: str | None, evidence: bool,
           seen: set[str], records: bool) -> None:
    emit, s = out.append, _node(node)
    for p, o, evs in ends:  # sorted by (object, predicate)
        po = _node(o)
        pp = _PRED[p]
        if p == "mentionedIn":
            emit((s, pp, po, (o,)))  # what a document mentions is in its graph; no Evidence record
            continue
        emit((s, pp, po, (node,) if kind == "document" else _graphs(evs)))
        if evidence:
            _evidence(out, s, pp, po, evs, seen, records)


def statement_chunks(kg: GraphReader, evidence: bool = True, size: int = 8192,
                     records: bool = False) -> Iterator[list[Any]]:
    """:func:`statements` in lists of about ``size`` items (fast writers consume whole lists); with
    ``records``, each Evidence record is one :class:`EvidenceRecord` item instead of its statements."""
    seen: set[str] = set()
    topics: set[str] = set()  # the topic nodes written, and the broader topics they name
    wanted: set[str] = set()
    chunk: list[Statement] = []
    by_node = kg.out_edges_by_node()  # in the order of sorted_nodes: matched node by node
    pending = next(by_node, None)
    for node, d in kg.sorted_nodes():
        s = _node(node)
        seen.clear()  # an Evidence IRI hashes its statement's subject: records repeat only within a node
        for c in d.get("cls", ()):
            chunk.append((s, _TYPE, _class_iri(c), _DEFAULT_ONLY))
        kind = d.get("kind")
        if kind == "document":
            _document(chunk, kg, s, d)
        elif kind == "topic":
            _topic(chunk, s, d)
            topics.add(node)
            if d.get("broader"):
                wanted.add(f"topic/{d['broader']}")
        elif kind == "meeting":
            _meeting(chunk, s, d)
        elif kind == "post":
            _post(chunk, s, d)
        else:
            _entity(chunk, s, d, evidence, seen, records)
        ends: list[EdgeEnd] = []
        if pending is not None and pending[0] == node:
            ends = pending[1]
            pending = next(by_node, None)
        _edges(chunk, ends, node, kind, evidence, seen, records)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if pending is not None:  # the two walks disagree on the order: stop rather than leave edges out
        raise RuntimeError(f"edges of {pending[0]!r} out of the order of the graph's nodes")
    if topics:
        _broader_topics(chunk, topics, wanted)
        ts, g = _P["topics"], _DEFAULT_ONLY
        chunk.extend(((ts, _TYPE, _K["TopicScheme"], g), (ts, _TYPE, _P["ConceptScheme"], g),
                      (ts, _PREF, ("kgraph: ämnen i svensk offentlig förvaltning", None, "sv"), g),
                      (ts, _PREF, ("kgraph: Swedish public-policy topics", None, "en"), g)))
    if chunk:
        yield chunk


def statements(kg: GraphReader, evidence: bool = True) -> Iterator[Statement]:
    """Every RDF statement of the graph once, with the graphs it belongs to.

    The order is a function of the graph's content (nodes and edges sorted),
    so equal graphs give equal streams. Each (s, p, o) is yielded at most once.
    """
    for chunk in statement_chunks(kg, evidence):
        yield from chunk


def triples(kg: GraphReader, evidence: bool = True) -> Iterator[tuple[IRI, IRI, Term]]:
    """The statements of the (merged) graph, as in graph.ttl."""
    for s, p, o, _ in statements(kg, evidence):
        yield s, p, o


def graph_records(kg: GraphReader) -> Iterator[tuple[IRI, IRI, Term]]:
    """PROV-O records about the named graphs (in the default graph of TriG / N-Quads only)."""
    version = str(kg.meta.get("kgraph_version") or __version__)
    docs = [n for n, _ in kg.sorted_nodes(kind="document")]
    if not docs:
        return
    agent = _P["agent"]
    yield agent, _TYPE, _P["SoftwareAgent"]
    yield agent, _LABEL, ("kgraph", None, None)
    for doc in docs:
        g = nt(graph_iri(doc))
        yield g, _TYPE, _P["Entity"]
        yield g, _P["wasDerivedFrom"], _node(doc)
        yield g, _P["wasAttributedTo"], agent
        yield g, _K["extractorVersion"], (version, None, None)


# --------------------------------------------------------------------- rdflib
def rdflib_term(t: Term, cache: dict[str, URIRef] | None = None) -> URIRef | Literal:
    if t.__class__ is str:
        if cache is None:
            return URIRef(plain(t))  # type: ignore[arg-type]
        u = cache.get(t)  # type: ignore[call-overload]
        if u is None:
            u = cache[t] = URIRef(plain(t))  # type: ignore[index, arg-type]
        return u
    lex, dt, lang = t  # type: ignore[misc]
    return Literal(lex, datatype=URIRef(dt) if dt else None, lang=lang)


def _bind(g: Graph) -> None:
    for prefix, ns in sorted(PREFIXES.items()):
        g.bind(prefix, ns)


def to_rdf(kg: GraphReader, evidence: bool = True) -> Graph:
    """The graph as an rdflib ``Graph`` (the statements of graph.ttl)."""
    g = Graph()
    _bind(g)
    cache: dict[str, URIRef] = {}
    add = g.add
    for s, p, o, _ in statements(kg, evidence):
        add((rdflib_term(s, cache), rdflib_term(p, cache), rdflib_term(o, cache)))
    return g


def to_dataset(kg: GraphReader, evidence: bool = True) -> Dataset:
    """One named graph per source document; see the module docstring for the pattern."""
    ds = Dataset()
    _bind(ds)
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


def to_turtle(kg: GraphReader, evidence: bool = True) -> str:
    """Deterministic Turtle: subjects sorted, a subject's statements grouped
    (``rdf:type`` first, then predicates sorted), no blank nodes, so equal graphs
    give equal bytes. Streams :func:`statements`; no rdflib graph is built."""
    from .export import graph_turtle
    return graph_turtle(kg, evidence)
