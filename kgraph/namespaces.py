"""RDF namespaces used by kgraph.

``KGO`` is a closed :class:`rdflib.namespace.DefinedNamespace`: a term that is
not listed here raises ``AttributeError`` the moment code uses it, and a test
checks that every term listed here is declared in ``ontology/kgraph.ttl``.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/kgraph/ontology"
RESOURCE_BASE = "https://w3id.org/kgraph/id/"


class KGO(DefinedNamespace):
    """The kgraph ontology (``kgo:``)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes: documents, agents, places, events, concepts, provenance
    Document: URIRef
    Agent: URIRef
    Person: URIRef
    Minister: URIRef
    Organization: URIRef
    PublicBody: URIRef
    Municipality: URIRef
    Region: URIRef
    County: URIRef
    CountyAdministrativeBoard: URIRef
    Ministry: URIRef
    Government: URIRef
    Parliament: URIRef
    GovernmentAgency: URIRef
    Association: URIRef
    PoliticalParty: URIRef
    Company: URIRef
    Place: URIRef
    Meeting: URIRef
    Topic: URIRef
    TopicScheme: URIRef
    Post: URIRef
    Evidence: URIRef

    # object properties
    mentionedIn: URIRef
    memberOf: URIRef
    affiliatedWith: URIRef
    participant: URIRef
    location: URIRef
    topic: URIRef
    publisher: URIRef
    inCounty: URIRef
    holdsPost: URIRef
    postIn: URIRef
    partOf: URIRef
    evidenceFor: URIRef
    source: URIRef

    # datatype properties
    fileName: URIRef
    contentHash: URIRef
    title: URIRef
    published: URIRef
    date: URIRef
    role: URIRef
    meetingKind: URIRef
    status: URIRef
    scbCode: URIRef
    abbreviation: URIRef
    organisationNumber: URIRef
    postTitle: URIRef
    startDate: URIRef
    endDate: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sentence: URIRef
    rule: URIRef
    confidence: URIRef
    extractorVersion: URIRef


KG = Namespace(RESOURCE_BASE)
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")
