"""RDF namespaces used by kgraph.

``KGO`` is a closed :class:`rdflib.namespace.DefinedNamespace` whose terms are
those of the vocabulary table (:mod:`kgraph.vocab`): a term that is not in the
table raises ``AttributeError`` the moment code uses it, and
``tests/test_vocab.py`` checks that the table and ``ontology/kgraph.ttl``
declare the same terms.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from . import vocab
from .vocab import ONTOLOGY_IRI, RESOURCE_BASE

__all__ = ["ONTOLOGY_IRI", "RESOURCE_BASE", "KGO", "KG", "SCHEMA", "ORG", "WD"]

#: The kgraph ontology (``kgo:``): classes and properties of the vocabulary table.
KGO = type(DefinedNamespace)("KGO", (DefinedNamespace,), {
    "__module__": __name__,
    "__doc__": "The kgraph ontology (``kgo:``); its terms are those of :mod:`kgraph.vocab`.",
    "__annotations__": {term: URIRef for term in vocab.kgo_terms()},
    "_NS": Namespace(vocab.KGO_NS),
    "_fail": True,
})

_IRI = {p.name: p.iri for p in vocab.PREFIXES}
KG = Namespace(RESOURCE_BASE)
SCHEMA = Namespace(_IRI["schema"])
ORG = Namespace(_IRI["org"])
WD = Namespace(_IRI["wd"])
