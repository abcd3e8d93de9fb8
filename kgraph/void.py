"""A VoID + DCAT description of a built graph (``kgraph export --format void``).

It says what the dataset is (``void:Dataset``, ``dcat:Dataset``), what made it
(``prov:wasAttributedTo`` kgraph, ``kgo:extractorVersion``), when
(``dcterms:created``, the build date), from what (``dcterms:source``: each
source document with its file name and content hash), and what is in it:
``void:triples``, ``void:entities``, ``void:distinctSubjects``,
``void:properties``, ``void:classes``, one ``void:classPartition`` per class
and one ``void:propertyPartition`` per predicate, and one ``void:subset`` per
document graph of the TriG / N-Quads exports.

The build date is the only value that is not a function of the graph, so it
lives here and never in graph.ttl: pass it explicitly, or let
:func:`build_time_for` take ``SOURCE_DATE_EPOCH`` (reproducible builds) or the
modification time of the build's graph.json.
"""
from __future__ import annotations

import os
from collections import Counter
from datetime import datetime, timezone
from hashlib import sha256
from pathlib import Path
from typing import Iterator

from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, VOID, XSD

from . import __version__, vocab
from .graph import GraphReader
from .namespaces import KGO, ONTOLOGY_IRI, RESOURCE_BASE
from .rdf import DEFAULT_GRAPH, Term, graph_iri, nt, statement_chunks

VOID_PREFIXES = vocab.prefixes("void")  # the Turtle prefixes, void: and dcat:
Triple = tuple[str, str, Term]


def build_time_for(graph_path: Path | None) -> datetime:
    """``SOURCE_DATE_EPOCH`` if set, else the modification time of graph.json, else now (UTC, seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    if graph_path is not None:
        path = graph_path / "graph.json" if graph_path.is_dir() else graph_path
        if path.is_file():
            return datetime.fromtimestamp(int(path.stat().st_mtime), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def dataset_iri(kg: GraphReader) -> str:
    """Stable for the same documents and kgraph version."""
    hashes = sorted(d.get("content_hash", n) for n, d in kg.nodes(kind="document"))
    version = str(kg.meta.get("kgraph_version") or __version__)
    return RESOURCE_BASE + "dataset/" + sha256("|".join(hashes + [version]).encode()).hexdigest()[:16]


def _int(n: int) -> Term:
    return (str(n), str(XSD.integer), None)


def _s(text: str, lang: str | None = None) -> Term:
    return (text, None, lang)


def describe(kg: GraphReader, build_time: datetime | None = None) -> Iterator[Triple]:
    """The VoID/DCAT triples (terms as in :mod:`kgraph.rdf`)."""
    build_time = build_time or datetime.now(timezone.utc).replace(microsecond=0)
    n, subjects, objects = 0, set(), set()
    classes: Counter[str] = Counter()
    properties: Counter[str] = Counter()
    per_graph: Counter[str] = Counter()
    rdf_type = nt(RDF.type)
    for chunk in statement_chunks(kg):
        for s, p, o, names in chunk:
            n += 1
            subjects.add(s)
            objects.add(o)
            properties[p] += 1
            if p == rdf_type:
                classes[o] += 1  # type: ignore[index]
            for name in names:
                if name != DEFAULT_GRAPH:
                    per_graph[name] += 1
    version = str(kg.meta.get("kgraph_version") or __version__)
    docs = sorted(kg.nodes(kind="document"))
    d = dataset_iri(kg)
    D = nt(d)
    a, lit = rdf_type, _s
    yield D, a, nt(VOID.Dataset)
    yield D, a, nt(DCAT.Dataset)
    yield D, a, nt(PROV.Entity)
    yield D, nt(DCTERMS.title), lit("kgraph: who met whom, where, when and about what", "en")
    yield D, nt(DCTERMS.title), lit("kgraph: vem mötte vem, var, när och om vad", "sv")
    yield D, nt(DCTERMS.description), lit(
        f"Knowledge graph built by kgraph {version} from {len(docs)} Swedish public-sector documents: persons, "
        "organisations, places, meetings and topics, every statement with its textual evidence.", "en")
    yield D, nt(DCTERMS.created), (build_time.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                   str(XSD.dateTime), None)
    published = sorted(x.get("published") for _, x in docs if x.get("published"))
    if published:
        yield D, nt(DCTERMS.modified), (published[-1], str(XSD.date), None)  # the newest source document
    yield D, nt(DCTERMS.conformsTo), nt(ONTOLOGY_IRI)
    yield D, nt(PROV.wasAttributedTo), nt(RESOURCE_BASE + "agent/kgraph")
    yield nt(RESOURCE_BASE + "agent/kgraph"), a, nt(PROV.SoftwareAgent)
    yield nt(RESOURCE_BASE + "agent/kgraph"), nt(RDFS.label), lit("kgraph")
    yield D, _kgo("extractorVersion"), lit(version)
    yield D, nt(VOID.uriSpace), lit(RESOURCE_BASE)
    for prefix, ns in vocab.prefixes("vocabulary").items():
        yield D, nt(VOID.vocabulary), nt(ONTOLOGY_IRI if prefix == "kgo" else ns)
    yield D, nt(VOID.triples), _int(n)
    yield D, nt(VOID.entities), _int(kg.number_of_nodes())
    yield D, nt(VOID.distinctSubjects), _int(len(subjects))
    yield D, nt(VOID.distinctObjects), _int(len(objects))
    yield D, nt(VOID.properties), _int(len(properties))
    yield D, nt(VOID.classes), _int(len(classes))
    for cls, count in sorted(classes.items()):
        part = nt(f"{d}/class/{_local(cls)}")
        yield D, nt(VOID.classPartition), part
        yield part, nt(VOID["class"]), cls
        yield part, nt(VOID.entities), _int(count)
    for prop, count in sorted(properties.items()):
        part = nt(f"{d}/property/{_local(prop)}")
        yield D, nt(VOID.propertyPartition), part
        yield part, nt(VOID.property), prop
        yield part, nt(VOID.triples), _int(count)
    for node, x in docs:
        doc = nt(RESOURCE_BASE + node)
        yield D, nt(DCTERMS.source), doc
        yield doc, a, _kgo("Document")
        yield doc, _kgo("fileName"), lit(x["file_name"])
        yield doc, _kgo("contentHash"), lit(x["content_hash"])
        if x.get("published"):
            yield doc, _kgo("published"), (x["published"], str(XSD.date), None)
        g = nt(graph_iri(node))
        yield D, nt(VOID.subset), g
        yield g, a, nt(VOID.Dataset)
        yield g, nt(VOID.triples), _int(per_graph.get(node, 0))
        yield g, nt(PROV.wasDerivedFrom), doc


def _kgo(name: str) -> str:
    return nt(getattr(KGO, name))


def _local(iri_nt: str) -> str:
    """A readable, IRI-safe local name for a class or property partition (``kgo-Person``)."""
    iri = iri_nt[1:-1]
    for p, ns in sorted(VOID_PREFIXES.items()):
        if iri.startswith(ns):
            return f"{p}-{iri[len(ns):]}"
    return sha256(iri.encode()).hexdigest()[:12]


def void_turtle(kg: GraphReader, build_time: datetime | None = None) -> str:
    from .export import turtle_text
    return turtle_text(describe(kg, build_time), VOID_PREFIXES)
