"""The knowledge graph as RDF (rdflib), and Turtle that is the same byte for byte
for the same input.

Provenance pattern: every statement kgraph derives from text gets one
``kgo:Evidence`` node per supporting span (``rdf:subject``/``rdf:predicate``/
``rdf:object`` name the statement, ``kgo:source`` the document,
``kgo:startOffset``/``kgo:endOffset`` the character span, ``kgo:sentence`` the
sentence, ``kgo:rule`` the extractor, ``kgo:confidence`` its confidence).
Evidence IRIs are hashes of their content, so they are stable too.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from .graph import KnowledgeGraph
from .namespaces import KG, KGO, WD

PREFIXES = {"kgo": str(KGO), "kg": str(KG), "skos": str(SKOS), "owl": str(OWL), "dcterms": str(DCTERMS),
            "wd": str(WD), "xsd": str(XSD), "rdfs": str(RDFS)}
PREDICATES = {"mentionedIn": KGO.mentionedIn, "memberOf": KGO.memberOf, "affiliatedWith": KGO.affiliatedWith,
              "participant": KGO.participant, "location": KGO.location, "topic": KGO.topic,
              "inCounty": KGO.inCounty, "holdsPost": KGO.holdsPost, "postIn": KGO.postIn, "partOf": KGO.partOf,
              "publisher": KGO.publisher, "role": KGO.role}
TOPIC_SCHEME = KG["topics"]


def iri(node: str) -> URIRef:
    return KG[node]


def _evidence_nodes(g: Graph, s: URIRef, p: URIRef, o: Any, evidence: list[dict[str, Any]]) -> None:
    for ev in evidence:
        if not ev.get("doc"):
            continue  # facts from reference data carry no text evidence
        h = hashlib.sha256(f"{s}|{p}|{o}|{ev['doc']}|{ev.get('start')}|{ev.get('end')}|{ev.get('rule')}"
                           .encode()).hexdigest()[:20]
        e = KG[f"evidence/{h}"]
        g.add((e, RDF.type, KGO.Evidence))
        g.add((e, RDF.subject, s))
        g.add((e, RDF.predicate, p))
        g.add((e, RDF.object, o))
        g.add((e, KGO.source, iri(ev["doc"])))
        if ev.get("start") is not None:
            g.add((e, KGO.startOffset, Literal(int(ev["start"]))))
            g.add((e, KGO.endOffset, Literal(int(ev["end"]))))
        if ev.get("sentence"):
            g.add((e, KGO.sentence, Literal(ev["sentence"])))
        g.add((e, KGO.rule, Literal(ev.get("rule", ""))))
        g.add((e, KGO.confidence, Literal(Decimal(str(ev.get("confidence", 1.0))).quantize(Decimal("0.001")))))
        if isinstance(s, URIRef):
            g.add((e, KGO.evidenceFor, s))


def to_rdf(kg: KnowledgeGraph, evidence: bool = True) -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    has_topics = False
    for node, d in sorted(kg.g.nodes(data=True)):
        s = iri(node)
        kind = d.get("kind")
        for c in d.get("cls", []):
            g.add((s, RDF.type, KGO[c]))
        if kind == "document":
            g.add((s, KGO.fileName, Literal(d["file_name"])))
            g.add((s, KGO.contentHash, Literal(d["content_hash"])))
            if d.get("title"):
                g.add((s, KGO.title, Literal(d["title"])))
            if d.get("published"):
                g.add((s, KGO.published, Literal(d["published"], datatype=XSD.date)))
            if d.get("publisher") and d["publisher"] in kg.g:
                g.add((s, KGO.publisher, iri(d["publisher"])))
            continue
        if kind == "topic":
            has_topics = True
            g.add((s, RDF.type, SKOS.Concept))
            g.add((s, SKOS.prefLabel, Literal(d["label"], lang="sv")))
            if d.get("en_label"):
                g.add((s, SKOS.prefLabel, Literal(d["en_label"], lang="en")))
            for a in d.get("alt_labels", []):
                if a != d["label"]:
                    g.add((s, SKOS.altLabel, Literal(a, lang="sv")))
            g.add((s, SKOS.inScheme, TOPIC_SCHEME))
            if d.get("broader"):
                g.add((s, SKOS.broader, KG[f"topic/{d['broader']}"]))
            continue
        if kind == "meeting":
            g.add((s, RDFS.label, Literal(d["label"])))
            g.add((s, KGO.meetingKind, Literal(d["meeting_kind"])))
            g.add((s, KGO.status, Literal(d["status"])))
            if d.get("date"):
                g.add((s, KGO.date, Literal(d["date"], datatype=XSD.date)))
            continue
        if kind == "post":
            g.add((s, RDFS.label, Literal(d["label"])))
            g.add((s, KGO.postTitle, Literal(d["post_title"])))
            if d.get("start"):
                g.add((s, KGO.startDate, Literal(d["start"], datatype=XSD.date)))
            if d.get("end"):
                g.add((s, KGO.endDate, Literal(d["end"], datatype=XSD.date)))
            continue
        # entities
        g.add((s, RDFS.label, Literal(d["label"])))
        for a in d.get("alt_labels", []):
            if a != d["label"]:
                g.add((s, SKOS.altLabel, Literal(a)))
        if d.get("scbCode"):
            g.add((s, KGO.scbCode, Literal(d["scbCode"])))
        if d.get("organisationNumber"):
            g.add((s, KGO.organisationNumber, Literal(d["organisationNumber"])))
        if d.get("abbreviation"):
            for a in d["abbreviation"].split("|"):
                if a:
                    g.add((s, KGO.abbreviation, Literal(a)))
        if d.get("wikidata"):
            g.add((s, OWL.sameAs, WD[d["wikidata"]]))
        for pred, values in sorted(d.get("literals", {}).items()):
            for value, evs in sorted(values.items()):
                lit = Literal(value)
                g.add((s, PREDICATES[pred], lit))
                if evidence:
                    _evidence_nodes(g, s, PREDICATES[pred], lit, evs)
    for s, o, p, d in kg.edges():
        ps, po, pp = iri(s), iri(o), PREDICATES[p]
        g.add((ps, pp, po))
        if evidence and p != "mentionedIn":
            _evidence_nodes(g, ps, pp, po, d.get("evidence", []))
    if has_topics:
        g.add((TOPIC_SCHEME, RDF.type, KGO.TopicScheme))
        g.add((TOPIC_SCHEME, RDF.type, SKOS.ConceptScheme))
        g.add((TOPIC_SCHEME, SKOS.prefLabel, Literal("kgraph: ämnen i svensk offentlig förvaltning", lang="sv")))
        g.add((TOPIC_SCHEME, SKOS.prefLabel, Literal("kgraph: Swedish public-policy topics", lang="en")))
    return g


def to_turtle(kg: KnowledgeGraph, evidence: bool = True) -> str:
    """Deterministic Turtle: rdflib sorts subjects, predicates and objects, and no
    blank nodes are used, so equal graphs give equal bytes."""
    return to_rdf(kg, evidence).serialize(format="turtle")
