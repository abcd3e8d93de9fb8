"""ontology/kgraph.ttl and shapes.ttl against the code (kgraph.namespaces.KGO)
and against the sample build's graph.ttl."""
from __future__ import annotations

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from kgraph.namespaces import KGO

KGO_NS = str(KGO._NS)
KGO_TERMS = sorted(KGO.__annotations__)
EVAL_CLASSES = ["Person", "Minister", "Municipality", "Region", "County", "CountyAdministrativeBoard", "Ministry",
                "Government", "Parliament", "GovernmentAgency", "Association", "PoliticalParty", "Company",
                "Organization", "Place", "Document", "Meeting", "Topic"]
EVAL_PROPERTIES = ["fileName", "mentionedIn", "role", "memberOf", "affiliatedWith", "participant", "topic", "date",
                   "location"]


def _labels(graph, term, lang):
    return [o for o in graph.objects(URIRef(KGO_NS + term), RDFS.label)
            if isinstance(o, Literal) and o.language == lang]


def test_ontology_kgo_namespace_lists_terms():
    assert len(KGO_TERMS) > 30


@pytest.mark.parametrize("term", KGO_TERMS)
def test_ontology_declares_kgo_term_with_type(ontology_graph, term):
    assert (URIRef(KGO_NS + term), RDF.type, None) in ontology_graph


@pytest.mark.parametrize("term", KGO_TERMS)
def test_ontology_kgo_term_has_swedish_label(ontology_graph, term):
    assert _labels(ontology_graph, term, "sv")


@pytest.mark.parametrize("term", KGO_TERMS)
def test_ontology_kgo_term_has_english_label(ontology_graph, term):
    assert _labels(ontology_graph, term, "en")


@pytest.mark.parametrize("term", EVAL_CLASSES)
def test_ontology_scorer_class_is_owl_class(ontology_graph, term):
    assert (URIRef(KGO_NS + term), RDF.type, OWL.Class) in ontology_graph


@pytest.mark.parametrize("term", EVAL_PROPERTIES)
def test_ontology_scorer_property_has_domain_and_range(ontology_graph, term):
    iri = URIRef(KGO_NS + term)
    assert (iri, RDFS.domain, None) in ontology_graph and (iri, RDFS.range, None) in ontology_graph


def test_ontology_declares_no_kgo_term_the_code_does_not_know(ontology_graph):
    declared = {str(s)[len(KGO_NS):] for s in ontology_graph.subjects(RDF.type, None)
                if str(s).startswith(KGO_NS)}
    assert declared - set(KGO_TERMS) == set()


def test_ontology_sample_graph_uses_only_declared_kgo_terms(ontology_graph, sample_turtle_graph):
    declared = {str(s) for s in ontology_graph.subjects(RDF.type, None)}
    used = {str(t) for triple in sample_turtle_graph for t in triple
            if isinstance(t, URIRef) and str(t).startswith(KGO_NS)}
    assert used and used - declared == set()


def test_ontology_sample_graph_conforms_to_shapes(sample_turtle_graph, shapes_graph):
    pyshacl = pytest.importorskip("pyshacl")
    conforms, _, report = pyshacl.validate(sample_turtle_graph, shacl_graph=shapes_graph, inference="none")
    assert conforms, report


def test_ontology_shapes_reject_entity_without_label(shapes_graph):
    # a negative control: the shapes do constrain something
    pyshacl = pytest.importorskip("pyshacl")
    g = rdflib.Graph()
    person = URIRef("https://w3id.org/kgraph/id/person/siv-lindmark")
    g.add((person, RDF.type, URIRef(KGO_NS + "Person")))
    conforms, _, _ = pyshacl.validate(g, shacl_graph=shapes_graph, inference="none")
    assert not conforms


def test_ontology_turtle_round_trip_is_isomorphic(sample_build):
    first = rdflib.Graph().parse(sample_build.turtle_path, format="turtle")
    second = rdflib.Graph().parse(data=first.serialize(format="turtle"), format="turtle")
    assert len(second) == len(first) > 0
    assert isomorphic(first, second)


def test_ontology_sample_graph_documents_have_file_names(sample_turtle_graph, sample_corpus_dir):
    names = {str(o) for d in sample_turtle_graph.subjects(RDF.type, URIRef(KGO_NS + "Document"))
             for o in sample_turtle_graph.objects(d, URIRef(KGO_NS + "fileName"))}
    assert names == {p.name for p in sample_corpus_dir.glob("*.txt")}
