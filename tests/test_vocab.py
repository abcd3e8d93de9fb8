"""The vocabulary table (kgraph/vocab.py) against the ontology and the shapes, both ways,
and the modules that derive their lists from it."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from rdflib import Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import (DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, VOID, XSD, Namespace)

from kgraph import vocab

KGO = Namespace(vocab.KGO_NS)
VANN = Namespace("http://purl.org/vocab/vann/")
CLASS_NAMES = [c.name for c in vocab.CLASSES]
PREDICATE_NAMES = [p.name for p in vocab.PREDICATES]
BY_CLASS = {c.name: c for c in vocab.CLASSES}


def _label(graph, term: str, lang: str) -> set[str]:
    return {str(o) for o in graph.objects(KGO[term], RDFS.label) if isinstance(o, Literal) and o.language == lang}


def _ancestors(name: str) -> set[str]:
    out = set()
    while BY_CLASS[name].parent:
        name = BY_CLASS[name].parent
        out.add(name)
    return out


# ------------------------------------------------------------------ the table itself
def test_vocab_names_are_unique_and_fields_are_known():
    terms = vocab.kgo_terms()
    assert len(terms) == len(set(terms)) > 50
    assert all(c.node in (*vocab.NODE_KINDS, "") for c in vocab.CLASSES)
    assert all(c.parent in BY_CLASS for c in vocab.CLASSES if c.parent)
    for p in vocab.PREDICATES:
        assert p.kind in vocab.PREDICATE_KINDS and p.group in vocab.PREDICATE_GROUPS and p.path in vocab.PATH_KINDS
        assert not p.path or p.kind == "object", f"{p.name}: only links between nodes are traversed"
        assert not p.drawn or p.view[0], f"{p.name}: drawn in the view without a Swedish phrase"
    # every link between two nodes of the graph has the view's phrases both ways
    for p in vocab.PREDICATES:
        if p.kind == "object" and p.group == "graph":
            assert all(p.view), f"{p.name} has no view phrases"
    names = [p.name for p in vocab.PREFIXES]
    assert len(names) == len(set(names)) and len({p.iri for p in vocab.PREFIXES}) == len(names)
    assert all(u in vocab.PREFIX_USES for p in vocab.PREFIXES for u in p.uses)
    for values in (vocab.MEETING_KINDS, vocab.MEETING_STATUSES):
        assert len({v.name for v in values}) == len(values) and all(v.sv and v.en for v in values)


def test_vocab_imports_nothing_heavy():
    code = ("import sys, kgraph.vocab; "
            "print(sorted(m for m in ('rdflib', 'pydantic', 'networkx', 'click') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ------------------------------------------------------------------ table -> ontology
@pytest.mark.parametrize("name", CLASS_NAMES)
def test_vocab_class_is_declared_with_its_labels_and_parent(ontology_graph, name):
    c = BY_CLASS[name]
    assert (KGO[name], RDF.type, OWL.Class) in ontology_graph
    assert _label(ontology_graph, name, "sv") == {c.sv}
    assert _label(ontology_graph, name, "en") == {c.en}
    parents = {str(o)[len(vocab.KGO_NS):] for o in ontology_graph.objects(KGO[name], RDFS.subClassOf)
               if str(o).startswith(vocab.KGO_NS)}
    assert parents == ({c.parent} if c.parent else set())


@pytest.mark.parametrize("name", PREDICATE_NAMES)
def test_vocab_predicate_is_declared_with_its_kind_and_labels(ontology_graph, name):
    p = next(p for p in vocab.PREDICATES if p.name == name)
    kind = OWL.ObjectProperty if p.kind == "object" else OWL.DatatypeProperty
    assert (KGO[name], RDF.type, kind) in ontology_graph
    assert _label(ontology_graph, name, "sv") == {p.sv}
    assert _label(ontology_graph, name, "en") == {p.en}


def _one_of(ontology_graph, prop: str) -> list[str]:
    rng = ontology_graph.value(KGO[prop], RDFS.range)
    return [str(x) for x in Collection(ontology_graph, ontology_graph.value(rng, OWL.oneOf))]


@pytest.mark.parametrize("prop, values", [("meetingKind", vocab.MEETING_KINDS), ("status", vocab.MEETING_STATUSES)])
def test_vocab_meeting_kinds_and_statuses_are_the_ontology_s(ontology_graph, prop, values):
    assert _one_of(ontology_graph, prop) == [v.name for v in values]
    definition = {o.language: str(o) for o in ontology_graph.objects(KGO[prop], SKOS.definition)}
    for v in values:
        assert f"{v.name} ({v.sv})" in definition["sv"]
        assert v.name in definition["en"]


# ------------------------------------------------------------------ ontology -> table
def test_ontology_declares_no_kgo_term_outside_the_table(ontology_graph):
    declared = {kind: {str(s)[len(vocab.KGO_NS):] for s in ontology_graph.subjects(RDF.type, kind)
                       if str(s).startswith(vocab.KGO_NS)}
                for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)}
    assert declared[OWL.Class] == set(CLASS_NAMES)
    assert declared[OWL.ObjectProperty] == set(vocab.predicate_names(kind="object"))
    assert declared[OWL.DatatypeProperty] == set(vocab.predicate_names(kind="literal"))
    anything = {str(s) for s in ontology_graph.subjects(RDF.type, None) if str(s).startswith(vocab.KGO_NS)}
    assert anything == {vocab.KGO_NS + t for t in vocab.kgo_terms()}


def test_sample_graph_uses_only_terms_of_the_table(sample_turtle_graph):
    used = {str(t)[len(vocab.KGO_NS):] for triple in sample_turtle_graph for t in triple
            if isinstance(t, URIRef) and str(t).startswith(vocab.KGO_NS)}
    assert used and used <= set(vocab.kgo_terms())
    kinds = {str(o) for o in sample_turtle_graph.objects(None, KGO.meetingKind)}
    statuses = {str(o) for o in sample_turtle_graph.objects(None, KGO.status)}
    assert kinds and kinds <= set(vocab.meeting_kind_names())
    assert statuses and statuses <= set(vocab.meeting_status_names())


# ------------------------------------------------------------------ table <-> shapes
def _property_shapes(shapes_graph, prop: str) -> list:
    """The property shapes on ``prop`` that belong to a targeted node shape."""
    out = []
    for ps in shapes_graph.subjects(SH.path, KGO[prop]):
        for ns in shapes_graph.subjects(SH.property, ps):
            if (ns, SH.targetClass, None) in shapes_graph or (ns, SH.targetSubjectsOf, None) in shapes_graph:
                out.append(ps)
    return out


@pytest.mark.parametrize("name", PREDICATE_NAMES)
def test_vocab_predicate_has_a_shape_on_its_values(shapes_graph, name):
    p = next(p for p in vocab.PREDICATES if p.name == name)
    checks = ((SH["class"], SH.node, SH.nodeKind, SH["or"], SH["in"]) if p.kind == "object" else
              (SH.datatype, SH.node, SH["or"], SH["in"], SH.pattern))
    shapes = _property_shapes(shapes_graph, name)
    assert any((ps, c, None) in shapes_graph for ps in shapes for c in checks), \
        f"shapes.ttl has no targeted property shape constraining the values of kgo:{name}"


@pytest.mark.parametrize("prop, values", [("meetingKind", vocab.MEETING_KINDS), ("status", vocab.MEETING_STATUSES)])
def test_vocab_meeting_kinds_and_statuses_are_the_shapes_(shapes_graph, prop, values):
    (ps,) = _property_shapes(shapes_graph, prop)
    assert str(shapes_graph.value(ps, SH.pattern)) == "^(" + "|".join(v.name for v in values) + ")$"
    names = [v.name for v in values]
    assert str(shapes_graph.value(ps, SH.message)).endswith(", ".join(names[:-1]) + " or " + names[-1])


def _or_classes(shapes_graph, shape: URIRef) -> set[str]:
    members = Collection(shapes_graph, shapes_graph.value(shape, SH["or"]))
    return {str(shapes_graph.value(m, SH["class"]))[len(vocab.KGO_NS):] for m in members
            if shapes_graph.value(m, SH["class"]) is not None}


def test_vocab_classes_have_the_shapes_they_need(shapes_graph):
    kgsh = Namespace("https://w3id.org/kgraph/shapes#")
    mentioned = {str(o)[len(vocab.KGO_NS):] for p in (SH.targetClass, SH["class"])
                 for o in shapes_graph.objects(None, p) if str(o).startswith(vocab.KGO_NS)}
    assert set(CLASS_NAMES) <= mentioned, "classes that shapes.ttl never names"
    # without inference, a value shape lists every subclass of the class it accepts
    organisations = {c for c in CLASS_NAMES if "Organization" in _ancestors(c) | {c}}
    assert _or_classes(shapes_graph, kgsh.OrganizationValue) == organisations
    persons = {c for c in CLASS_NAMES if "Person" in _ancestors(c) | {c}}
    assert _or_classes(shapes_graph, kgsh.AgentValue) == persons | {"Agent"}
    # every class of entity nodes gets the label constraints of the entity shape
    targets = {str(o)[len(vocab.KGO_NS):] for o in shapes_graph.objects(kgsh.EntityShape, SH.targetClass)}
    assert set(vocab.class_names("entity")) <= targets


# ------------------------------------------------------------------ prefixes
def test_vocab_prefixes_are_the_usual_namespaces(ontology_graph, shapes_graph):
    known = {"skos": SKOS, "rdfs": RDFS, "owl": OWL, "prov": PROV, "rdf": RDF, "xsd": XSD, "dcterms": DCTERMS,
             "schema": SDO, "void": VOID, "dcat": DCAT}
    iri = {p.name: p.iri for p in vocab.PREFIXES}
    assert {k: iri[k] for k in known} == {k: str(v) for k, v in known.items()}
    onto = URIRef(vocab.ONTOLOGY_IRI)
    assert str(ontology_graph.value(onto, VANN.preferredNamespaceUri)) == iri["kgo"]
    assert str(ontology_graph.value(onto, VANN.preferredNamespacePrefix)) == "kgo"
    for g in (ontology_graph, shapes_graph):  # where ontology and table name the same prefix, the same IRI
        for prefix, ns in g.namespaces():
            if prefix in iri and prefix != "wd":
                assert str(ns) == iri[prefix], prefix


# ------------------------------------------------------------------ the modules use the table
def test_modules_lists_are_the_table():
    from kgraph import models, namespaces, query, rdf, resolve, store, view
    import typing
    assert set(namespaces.KGO.__annotations__) == set(vocab.kgo_terms())
    assert str(namespaces.KGO) == vocab.KGO_NS
    assert set(rdf.PREDICATES) == set(vocab.predicate_names("graph"))
    assert store.RELATIONS == vocab.relations()
    assert set(query.PATH_RELATIONS) == set(vocab.path_relations("default"))
    assert set(query.PATH_RELATIONS) < set(store.RELATIONS)
    assert rdf.PREFIXES == vocab.prefixes("turtle") and query.SPARQL_PREFIXES == vocab.prefixes("sparql")
    assert set(view.PREDICATE_SV) == set(vocab.view_phrases())
    assert {c: s.sv for c, s in view.CLASS_STYLE.items()} == vocab.class_view_names()
    assert resolve.MEETING_KIND_SV == {k.name: k.sv for k in vocab.MEETING_KINDS}
    assert typing.get_args(models.MeetingKind) == vocab.meeting_kind_names()
    assert typing.get_args(models.MeetingStatus) == vocab.meeting_status_names()


#: run in a fresh interpreter: a relation, a literal, a class, a meeting kind and a prefix are
#: added to the table before anything else of kgraph is imported, and must show up everywhere
_ADDED = textwrap.dedent('''
    import json, sys, tempfile
    from kgraph import vocab
    vocab.PREDICATES += (
        vocab.Predicate("employs", "anställer", "employs", "object", "graph", "default",
                        ("anställer", "anställd av"), True),
        vocab.Predicate("salary", "lön", "salary", "literal", "graph"))
    vocab.CLASSES += (vocab.Class("Union", "fackförbund", "Union", "Organization", "entity", "Fackförbund"),)
    vocab.MEETING_KINDS += (vocab.Label("hearing", "utfrågning", "hearing"),)
    vocab.PREFIXES += (vocab.Prefix("ex", "https://example.org/ns#", ("turtle", "sparql", "vocabulary")),)

    from kgraph import export, models, namespaces, query, rdf, resolve, store, validate, view, void
    from kgraph.graph import Evidence, KnowledgeGraph
    out = {}
    out["kgo"] = [str(namespaces.KGO.employs), str(namespaces.KGO.Union)]
    out["rdf"] = sorted(rdf.PREDICATES)
    out["relations"] = list(store.RELATIONS)
    out["path"] = list(query.PATH_RELATIONS)
    out["view"] = [view.PREDICATE_SV["employs"], "employs" in view.DRAWN, view.LITERAL_SV["salary"],
                   view.CLASS_STYLE["Union"].sv]
    out["kind_sv"] = resolve.MEETING_KIND_SV["hearing"]
    m = models.Meeting(id="m", kind="hearing", doc_id="d", participants=(),
                       prov=models.Provenance(doc_id="d", span=models.Span(start=0, end=1), rule="test"))
    out["meeting"] = m.kind
    out["prefixes"] = [rdf.PREFIXES.get("ex"), query.SPARQL_PREFIXES.get("ex"), void.VOID_PREFIXES.get("ex"),
                       ("ex:", "https://example.org/ns#") in validate._SHORT]

    # a graph with the new relation: written, linked in the store, followed by path, drawn in the view
    doc = "document/aaaaaaaaaaaaaaaa"
    ev = [Evidence(doc, 0, 10, "Förbundet anställer Anna Berg.", "test", 0.9)]
    kg = KnowledgeGraph(meta={"kgraph_version": "test"})
    kg.add_node(doc, "document", ("Document",), label="d", file_name="d.txt", content_hash="a" * 64)
    kg.add_node("org/facket", "entity", ("Union",), label="Facket", docs=[doc])
    kg.add_node("person/anna-berg", "entity", ("Person",), label="Anna Berg", docs=[doc])
    for n in ("org/facket", "person/anna-berg"):
        kg.add_edge(n, "mentionedIn", doc, ev)
    kg.add_edge("org/facket", "employs", "person/anna-berg", ev)
    kg.add_literal("person/anna-berg", "salary", "30000", ev)
    out["triples"] = sorted(p for s, p, o in rdf.triples(kg) if "employs" in p or "salary" in p)
    out["graphml_salary"] = export.to_plain_graph(kg).nodes["person/anna-berg"]["salary"]
    with tempfile.TemporaryDirectory() as tmp:
        store.write_store(kg, tmp, rdf=False)
        hops = query.path(tmp, "Facket", "Anna Berg")[0].hops
        out["hops"] = [(h.predicate, h.end.id) for h in hops]
        out["neighbors"] = [r.entity.id for r in query.neighbors(tmp, "Facket").rows]
    vg = view.view_graph(kg)
    out["drawn"] = vg.has_edge("org/facket", "person/anna-berg")
    page = view.render_html(kg, vg=vg)
    out["page"] = ["anställer" in page, "Fackförbund" in page, "lön" in page]
    print(json.dumps(out, ensure_ascii=False))
''')


def test_an_entry_added_to_the_table_reaches_every_module():
    res = subprocess.run([sys.executable, "-c", _ADDED], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["kgo"] == [vocab.KGO_NS + "employs", vocab.KGO_NS + "Union"]
    assert {"employs", "salary"} <= set(out["rdf"])
    assert "employs" in out["relations"] and "employs" in out["path"]
    assert out["view"] == [["anställer", "anställd av"], True, "lön", "Fackförbund"]
    assert out["kind_sv"] == "utfrågning" and out["meeting"] == "hearing"
    assert out["prefixes"] == ["https://example.org/ns#"] * 3 + [True]
    assert out["triples"] == [f"<{vocab.KGO_NS}employs>", f"<{vocab.KGO_NS}salary>"]
    assert out["graphml_salary"] == "30000"
    assert out["hops"] == [["employs", "person/anna-berg"]]
    assert out["neighbors"] == ["person/anna-berg"]
    assert out["drawn"] is True and out["page"] == [True, True, True]
