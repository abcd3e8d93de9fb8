"""The RDF of a build: the scorer's contract, identifiers that join, the
Evidence provenance pattern, determinism, and the statement stream itself."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kgraph.graph import Evidence, KnowledgeGraph
from kgraph.namespaces import KG, KGO
from kgraph.rdf import graph_iri, nt, plain, statements, to_dataset, to_rdf, to_turtle

REPO = Path(__file__).resolve().parent.parent
WD = "http://www.wikidata.org/entity/"


def _csv(name: str) -> list[dict[str, str]]:
    with (REPO / "data" / "reference" / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ------------------------------------------------------------------ scorer contract (shared/eval/README.md)
def test_documents_carry_their_file_names(sample_build, sample_turtle_graph):
    g = sample_turtle_graph
    names = {str(o) for d in g.subjects(RDF.type, KGO.Document) for o in g.objects(d, KGO.fileName)}
    assert names == {p.name for p in (REPO / "data" / "corpus").iterdir() if p.is_file()}


def test_entities_have_one_label_and_are_mentioned(sample_turtle_graph):
    g = sample_turtle_graph
    persons = set(g.subjects(RDF.type, KGO.Person))
    assert len(persons) >= 3
    for p in persons:
        assert len(list(g.objects(p, RDFS.label))) == 1
        assert any((d, RDF.type, KGO.Document) in g for d in g.objects(p, KGO.mentionedIn))


def test_ministers_are_persons_with_a_role(sample_turtle_graph):
    g = sample_turtle_graph
    ministers = set(g.subjects(RDF.type, KGO.Minister))
    labels = {str(g.value(m, RDFS.label)) for m in ministers}
    assert "Lena Micko" in labels  # the sample corpus: civilminister Lena Micko visits Kungsbacka
    assert all((m, RDF.type, KGO.Person) in g for m in ministers)
    micko = next(m for m in ministers if str(g.value(m, RDFS.label)) == "Lena Micko")
    assert Literal("civilminister") in set(g.objects(micko, KGO.role))


def test_meetings_have_participants_and_sources(sample_turtle_graph):
    g = sample_turtle_graph
    meetings = set(g.subjects(RDF.type, KGO.Meeting))
    assert meetings
    for m in meetings:
        assert list(g.objects(m, KGO.participant))
        assert list(g.objects(m, KGO.mentionedIn))
        for d in g.objects(m, KGO.date):
            assert d.datatype == XSD.date


def test_topics_are_skos_concepts(sample_turtle_graph, require_topics):
    g = sample_turtle_graph
    topics = set(g.subjects(RDF.type, KGO.Topic))
    assert topics
    for t in topics:
        assert (t, RDF.type, SKOS.Concept) in g
        assert [lbl for lbl in g.objects(t, SKOS.prefLabel) if lbl.language == "sv"]


def test_every_broader_topic_is_a_labelled_concept_of_the_scheme(sample_turtle_graph, require_topics):
    # a topic's broader concept that no document names is written too, so that a SPARQL user can read its label
    g = sample_turtle_graph
    broader = set(g.objects(None, SKOS.broader))
    assert broader - set(g.subjects(RDF.type, KGO.Topic))  # the samples name topics whose broader one they do not
    for b in broader:
        assert (b, RDF.type, SKOS.Concept) in g
        assert (b, SKOS.inScheme, KG.topics) in g
        assert [lbl for lbl in g.objects(b, SKOS.prefLabel) if lbl.language == "sv"]

# ------------------------------------------------------------------ identifiers that join
def test_municipalities_carry_scb_codes_and_wikidata(sample_build, sample_turtle_graph):
    g = sample_turtle_graph
    ref = {r["code"].zfill(4): r for r in _csv("municipalities.csv")}
    munis = [n for n, _ in sample_build.graph.nodes(cls="Municipality")]
    assert munis
    for n in munis:
        code = n.split("/", 1)[1]
        s = KG[n]
        assert set(g.objects(s, KGO.scbCode)) == {Literal(code)}
        qid = ref[code]["wikidata"].strip()
        same = {str(o) for o in g.objects(s, OWL.sameAs)}
        assert same == ({WD + qid} if qid else set())


def test_counties_carry_scb_codes_and_wikidata_where_known(sample_build, sample_turtle_graph):
    g = sample_turtle_graph
    ref = {r["code"].zfill(2): r for r in _csv("counties.csv")}
    counties = [n for n, _ in sample_build.graph.nodes(cls="County")]
    assert counties  # municipalities bring their county
    for n in counties:
        code = n.split("/", 1)[1]
        assert set(g.objects(KG[n], KGO.scbCode)) == {Literal(code)}
        qid = (ref[code].get("county_wikidata") or "").strip()
        assert {str(o) for o in g.objects(KG[n], OWL.sameAs)} == ({WD + qid} if qid else set())


def test_parties_are_same_as_wikidata(sample_build, sample_turtle_graph):
    g = sample_turtle_graph
    ref = {r["abbreviation"].lower(): r for r in _csv("parties.csv")}
    parties = [n for n, _ in sample_build.graph.nodes(cls="PoliticalParty")]
    assert parties
    for n in parties:
        qid = ref[n.split("/", 1)[1]]["wikidata"].strip()
        assert qid, f"{n}: parties.csv has a Wikidata QID for every party"
        assert (KG[n], OWL.sameAs, URIRef(WD + qid)) in g


# ------------------------------------------------------------------ provenance
def test_every_extracted_statement_has_evidence_with_a_real_span(sample_build, sample_turtle_graph):
    g = sample_turtle_graph
    texts = {}
    for n, d in sample_build.graph.nodes(kind="document"):
        texts[KG[n]] = (REPO / "data" / "corpus" / d["file_name"]).read_text(encoding="utf-8")
    evidences = list(g.subjects(RDF.type, KGO.Evidence))
    assert evidences
    for e in evidences:
        s, p, o = g.value(e, RDF.subject), g.value(e, RDF.predicate), g.value(e, RDF.object)
        assert (s, p, o) in g, "the reified statement is also asserted"
        src = g.value(e, KGO.source)
        assert (src, RDF.type, KGO.Document) in g
        conf = g.value(e, KGO.confidence)
        assert conf.datatype == XSD.decimal and 0 <= conf.toPython() <= 1
        start, end = g.value(e, KGO.startOffset), g.value(e, KGO.endOffset)
        if start is not None:
            assert 0 <= int(start) <= int(end) <= len(texts[src]) + 2  # offsets in the text kgraph read
        sentence = g.value(e, KGO.sentence)
        if sentence is not None:
            words = str(sentence).split()
            assert words[0].rstrip(".,:;") in texts[src]


def test_documents_are_prov_entities_attributed_to_their_publisher(sample_build, sample_turtle_graph):
    g = sample_turtle_graph
    for n, d in sample_build.graph.nodes(kind="document"):
        s = KG[n]
        assert (s, RDF.type, PROV.Entity) in g
        if d.get("publisher") and d["publisher"] in sample_build.graph:
            assert (s, PROV.wasAttributedTo, KG[d["publisher"]]) in g
            assert (s, KGO.publisher, KG[d["publisher"]]) in g


def test_evidence_for_each_role_statement(sample_turtle_graph):
    g = sample_turtle_graph
    for person, role in g.subject_objects(KGO.role):
        ev = [e for e in g.subjects(RDF.subject, person)
              if g.value(e, RDF.predicate) == KGO.role and g.value(e, RDF.object) == role]
        assert ev, f"{person} kgo:role {role!r} has no kgo:Evidence"


# ------------------------------------------------------------------ determinism and the stream
def test_turtle_is_deterministic(sample_build, tmp_path):
    from kgraph.pipeline import build
    again = build([REPO / "data" / "corpus"], tmp_path / "again", html=False)
    assert (tmp_path / "again" / "graph.ttl").read_bytes() == sample_build.turtle_path.read_bytes()
    assert to_turtle(again.graph) == to_turtle(KnowledgeGraph.load(sample_build.out))


def test_turtle_is_the_rdflib_graph(sample_build, sample_turtle_graph):
    assert isomorphic(sample_turtle_graph, to_rdf(sample_build.graph))


def test_statements_are_distinct(sample_build):
    counts = Counter((s, p, o) for s, p, o, _ in statements(sample_build.graph))
    assert counts and max(counts.values()) == 1


def test_dataset_union_is_the_turtle_graph_plus_graph_records(sample_build, sample_turtle_graph):
    ds = to_dataset(sample_build.graph)
    union = rdflib.Graph()
    for ctx in ds.graphs():
        for t in ctx:
            union.add(t)
    named = {URIRef(graph_iri(n)) for n, _ in sample_build.graph.nodes(kind="document")}
    records = {t for t in union if t[0] in named or t[0] == KG["agent/kgraph"]}
    assert {(t[0], t[1]) for t in records if t[1] == PROV.wasDerivedFrom}
    rest = rdflib.Graph()
    for t in union:
        if t not in records:
            rest.add(t)
    assert isomorphic(rest, sample_turtle_graph)


def test_iri_escaping_round_trips():
    odd = 'http://example.org/a b<c>"d{e}|f^g`h\\i'
    assert plain(nt(odd)) == odd
    assert nt("http://example.org/ok") == "<http://example.org/ok>"


def nasty_graph() -> KnowledgeGraph:
    """Literals that test escaping: quotes, backslashes, newlines, tabs, control characters, non-ASCII."""
    kg = KnowledgeGraph(meta={"kgraph_version": "test"})
    doc = "document/00000000000000aa"
    kg.add_node(doc, "document", ("Document",), label="doc", file_name='a "quoted"\\name.txt',
                content_hash="a" * 64, title="Rad 1\nRad 2\ttab \x01 ctl", published="2021-03-25")
    kg.add_node("person/x", "entity", ("Person", "Minister"), label='Åsa "Q" Öberg\\',
                alt_labels=["ÅSA", "line\nbreak", "emoji \U0001F600", "cr\rlf"], docs=[doc])
    kg.add_node("municipality/1384", "entity", ("Municipality",), label="Kungsbacka kommun", scbCode="1384",
                wikidata=" Q3346 ")
    kg.add_node("party/x", "entity", ("PoliticalParty",), label="X-partiet", wikidata="Q12 (old)")
    ev = [Evidence(doc, 0, 3, 'Hon sa: "ja" \\ nej\n', "test.rule", 0.55555), Evidence("", None, None, "", "ref", 1.0)]
    kg.add_edge("person/x", "mentionedIn", doc, ev[:1])
    kg.add_edge("person/x", "affiliatedWith", "municipality/1384", ev)
    kg.add_literal("person/x", "role", "EU-minister", ev[:1])
    kg.add_node("meeting/m1", "meeting", ("Meeting",), label="möte", meeting_kind="visit", status="held",
                date="2021-03-25", docs=[doc])
    kg.add_edge("meeting/m1", "participant", "person/x", ev[:1])
    kg.add_edge("meeting/m1", "mentionedIn", doc, ev[:1])
    return kg


def test_statement_graphs_follow_the_evidence():
    kg = nasty_graph()
    graphs = {(s, p): names for s, p, o, names in statements(kg)}
    aff = graphs[(nt(KG["person/x"]), nt(KGO.affiliatedWith))]
    assert set(aff) == {"", "document/00000000000000aa"}  # text and reference: both graphs
    assert graphs[(nt(KG["person/x"]), nt(RDFS.label))] == ("",)
    assert graphs[(nt(KG["person/x"]), nt(KGO.mentionedIn))] == ("document/00000000000000aa",)


def test_same_as_only_for_well_formed_qids():
    g = to_rdf(nasty_graph())
    assert set(g.subject_objects(OWL.sameAs)) == {(KG["municipality/1384"], URIRef(WD + "Q3346"))}


def test_confidence_is_a_decimal_with_three_places():
    g = to_rdf(nasty_graph())
    confs = set(g.objects(None, KGO.confidence))
    assert confs == {Literal("0.556", datatype=XSD.decimal)}


@pytest.mark.parametrize("evidence", [True, False])
def test_evidence_can_be_left_out(evidence):
    g = to_rdf(nasty_graph(), evidence=evidence)
    assert bool(list(g.subjects(RDF.type, KGO.Evidence))) is evidence


def _turtle_and_nquads_of_statements(kg) -> tuple[bytes, bytes]:
    """graph.ttl and the store's N-Quads as the statement stream spells them, statement by
    statement (each Evidence record as its eleven statements, grouped like any other subject)."""
    from kgraph.export import _NTerms, _TurtleTerms, _group, _turtle_blocks
    from kgraph.rdf import PREFIXES, statement_chunks
    c, n = _TurtleTerms(PREFIXES), _NTerms()
    ttl = ["".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in sorted(PREFIXES)) + "\n"]
    nq = []
    for chunk in statement_chunks(kg):
        ttl += _turtle_blocks(_group(spo[:3] for spo in chunk), c, sort=False)
        nq += [f"{s} {p} {o if o.__class__ is str else n[o]} .\n" for s, p, o, _ in chunk]
    return "".join(ttl).encode(), "".join(nq).encode()


@pytest.mark.parametrize("which", ["nasty", "sample"])
def test_evidence_records_are_written_as_their_statements(which, sample_build):
    """graph.ttl and the N-Quads the store loads format each Evidence record at once: the same
    bytes as the record's statements written one by one (escaping, predicate order, offsets and
    sentences present or not)."""
    import io

    from kgraph.export import write_graph_turtle
    kg = nasty_graph() if which == "nasty" else sample_build.graph
    ttl, nq = io.BytesIO(), io.BytesIO()
    write_graph_turtle(kg, ttl, nquads=nq)
    want_ttl, want_nq = _turtle_and_nquads_of_statements(kg)
    assert b"a kgo:Evidence" in want_ttl
    assert ttl.getvalue() == want_ttl
    assert nq.getvalue() == want_nq


@pytest.mark.parametrize("which", ["nasty", "sample"])
def test_exports_write_evidence_records_as_their_statements(which, sample_build):
    """N-Triples and N-Quads exports format each Evidence record at once (in its document's graph
    for N-Quads): the same lines and counts as the statements written one by one."""
    import io

    from kgraph.export import _NTerms, write_nquads, write_ntriples
    from kgraph.rdf import graph_records, statement_chunks
    kg = nasty_graph() if which == "nasty" else sample_build.graph
    n = _NTerms()
    want_nt, want_nq = [], []
    for chunk in statement_chunks(kg):
        for s, p, o, names in chunk:
            line = f"{s} {p} {o if o.__class__ is str else n[o]}"
            want_nt.append(line + " .\n")
            want_nq += [line + (" .\n" if not g else f" {nt(graph_iri(g))} .\n") for g in names]
    want_nq += [f"{s} {p} {o if o.__class__ is str else n[o]} .\n" for s, p, o in graph_records(kg)]
    got_nt, got_nq = io.BytesIO(), io.BytesIO()
    assert write_ntriples(kg, got_nt) == len(want_nt)
    assert write_nquads(kg, got_nq) == len(want_nq)
    assert any("ontology#Evidence>" in line for line in want_nq)
    assert got_nt.getvalue() == "".join(want_nt).encode()
    assert got_nq.getvalue() == "".join(want_nq).encode()
