"""``kgraph export``: every format parses back to the graph it came from
(isomorphic), the RDF ones validate against the shapes, the dataset formats
carry one named graph per document with PROV-O records, GraphML/GEXF round-trip
through networkx, the VoID/DCAT description counts right, and writing is
deterministic and atomic."""
from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, VOID, XSD

from kgraph.cli import main
from kgraph.export import FORMATS, export, export_bytes
from kgraph.namespaces import KG, KGO
from kgraph.rdf import graph_iri, to_dataset, to_rdf
from kgraph.validate import validate_path
from test_rdf import nasty_graph

# rdflib's own TriG / N-Quads parsers use its deprecated ConjunctiveGraph API internally
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

GRAPH_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}
DATASET_FORMATS = {"trig": "trig", "nquads": "nquads"}


@pytest.fixture(scope="module")
def exported(sample_build, tmp_path_factory) -> dict[str, Path]:
    """Every format written once with the CLI, as a user would."""
    out = tmp_path_factory.mktemp("exports")
    runner = CliRunner()
    files = {}
    for fmt, f in FORMATS.items():
        target = out / ("void.ttl" if fmt == "void" else "graph" + f.extension)
        res = runner.invoke(main, ["export", "--graph", str(sample_build.out), "--format", fmt,
                                   "--output", str(target)])
        assert res.exit_code == 0, res.output
        files[fmt] = target
    return files


def _bytes(kg, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    export_bytes(kg, fmt, buf, **kw)
    return buf.getvalue()


def _union(ds: rdflib.Dataset) -> rdflib.Graph:
    g = rdflib.Graph()
    for ctx in ds.graphs():
        for t in ctx:
            g.add(t)
    return g


def _same_dataset(a: rdflib.Dataset, b: rdflib.Dataset) -> None:
    names_a = {str(c.identifier) for c in a.graphs() if len(c)}
    names_b = {str(c.identifier) for c in b.graphs() if len(c)}
    assert names_a == names_b
    for c in b.graphs():
        if len(c):
            assert isomorphic(a.graph(c.identifier), c), f"graph {c.identifier} differs"


# ------------------------------------------------------------------ round trips
@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS))
def test_graph_formats_round_trip(fmt, exported, sample_build, sample_turtle_graph):
    g = rdflib.Graph().parse(exported[fmt], format=GRAPH_FORMATS[fmt])
    assert len(g) == len(sample_turtle_graph) > 500
    assert isomorphic(g, sample_turtle_graph)


@pytest.mark.parametrize("fmt", sorted(DATASET_FORMATS))
def test_dataset_formats_round_trip(fmt, exported, sample_build):
    ds = rdflib.Dataset()
    ds.parse(exported[fmt], format=DATASET_FORMATS[fmt])
    _same_dataset(ds, to_dataset(sample_build.graph))


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS) + sorted(DATASET_FORMATS))
def test_rdf_exports_validate(fmt, exported):
    report = validate_path(exported[fmt])
    assert report.conforms, report.text()


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS) + sorted(DATASET_FORMATS))
def test_escaping_round_trips(fmt):
    kg = nasty_graph()
    data = _bytes(kg, fmt)
    if fmt in GRAPH_FORMATS:
        g = rdflib.Graph().parse(data=data, format=GRAPH_FORMATS[fmt])
        assert isomorphic(g, to_rdf(kg))
        assert Literal('Åsa "Q" Öberg\\') in set(g.objects())
    else:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=DATASET_FORMATS[fmt])
        _same_dataset(ds, to_dataset(kg))


def test_ntriples_is_canonical_line_per_triple(exported, sample_turtle_graph):
    lines = exported["ntriples"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(sample_turtle_graph)
    assert all(line.endswith(" .") and line.startswith("<") for line in lines)


# ------------------------------------------------------------------ named graphs and PROV-O
def test_one_named_graph_per_document_with_prov(exported, sample_build, sample_turtle_graph):
    ds = rdflib.Dataset()
    ds.parse(exported["trig"], format="trig")
    docs = {n: d for n, d in sample_build.graph.nodes(kind="document")}
    named = {str(c.identifier) for c in ds.graphs() if len(c) and c.identifier != ds.default_graph.identifier}
    assert named == {graph_iri(n) for n in docs}
    default = ds.default_graph
    for n, d in docs.items():
        gi, doc = URIRef(graph_iri(n)), KG[n]
        assert (gi, PROV.wasDerivedFrom, doc) in default
        assert (gi, RDF.type, PROV.Entity) in default
        assert (gi, KGO.extractorVersion, Literal(sample_build.graph.meta["kgraph_version"])) in default
        assert (doc, KGO.fileName, Literal(d["file_name"])) in default
        assert (doc, KGO.contentHash, Literal(d["content_hash"])) in default
        if d.get("published"):
            assert (doc, KGO.published, Literal(d["published"], datatype=XSD.date)) in default
        graph = ds.graph(gi)
        evidences = set(graph.subjects(RDF.type, KGO.Evidence))
        assert evidences, f"{n}: no evidence in its graph"
        assert {graph.value(e, KGO.source) for e in evidences} == {doc}
        mentioned = set(graph.subjects(KGO.mentionedIn, doc))
        assert mentioned and all(set(graph.objects(m, KGO.mentionedIn)) == {doc} for m in mentioned)
    # every evidence record is in exactly one graph: its document's
    all_ev = set(sample_turtle_graph.subjects(RDF.type, KGO.Evidence))
    per_graph = [set(c.subjects(RDF.type, KGO.Evidence)) for c in ds.graphs()]
    assert sum(len(x) for x in per_graph) == len(all_ev)


def test_named_graph_union_without_records_is_the_turtle_graph(exported, sample_turtle_graph):
    ds = rdflib.Dataset()
    ds.parse(exported["nquads"], format="nquads")
    union = _union(ds)
    graphs = {c.identifier for c in ds.graphs()}
    rest = rdflib.Graph()
    for s, p, o in union:
        if s not in graphs and s != KG["agent/kgraph"]:
            rest.add((s, p, o))
    assert isomorphic(rest, sample_turtle_graph)


# ------------------------------------------------------------------ GraphML and GEXF
@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_networkx_formats_round_trip(fmt, reader, exported, sample_build):
    kg = sample_build.graph
    h = reader(exported[fmt])
    assert set(h.nodes) == {n for n, _ in kg.nodes()}
    for n, d in kg.nodes():
        hd = h.nodes[n]
        assert hd["label"] == (d.get("label") or n)
        assert hd["kind"] == d["kind"]
        assert hd["cls"].split(" | ") == list(d.get("cls", [])) or (not d.get("cls") and not hd["cls"])
    edges = sorted((s, o, d["predicate"]) for s, o, d in h.edges(data=True))
    assert edges == sorted((s, o, p) for s, o, p, _ in kg.edges())
    micko = [n for n, d in h.nodes(data=True) if d["label"] == "Lena Micko"]
    assert micko and "civilminister" in h.nodes[micko[0]]["role"]


class _FakeClock:
    """Stands in for the ``time`` module of networkx's GEXF writer: another day."""

    def __init__(self, day: str) -> None:
        self.day = day

    def strftime(self, fmt: str, *args: object) -> str:
        return datetime.strptime(self.day, "%Y-%m-%d").strftime(fmt)


def test_gexf_is_the_same_on_any_day_and_places_every_node(sample_build, tmp_path, monkeypatch):
    import networkx.readwrite.gexf as gexf_module
    runner = CliRunner()
    files = []
    for day in ("2001-01-01", "2031-12-31"):
        monkeypatch.setattr(gexf_module, "time", _FakeClock(day))
        target = tmp_path / f"{day}.gexf"
        res = runner.invoke(main, ["export", "--graph", str(sample_build.out), "--format", "gexf", "-o", str(target)])
        assert res.exit_code == 0, res.output
        files.append(target.read_bytes())
    assert files[0] == files[1]
    text = files[0].decode("utf-8")
    assert "2001-01-01" not in text and "2031-12-31" not in text
    assert '<meta lastmodifieddate="2024-07-13">' in text  # the newest document of data/corpus
    h = nx.read_gexf(io.BytesIO(files[0]))
    kg = sample_build.graph
    assert set(h.nodes) == {n for n, _ in kg.nodes()}
    for n, d in h.nodes(data=True):
        assert set(d["viz"]) >= {"position", "color", "size"}, n
    # the page's layout (y up for Gephi) and the view's colours
    import json
    import re
    page = sample_build.html_path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="kgraph-data">(.*?)</script>', page, re.S).group(1))
    drawn = {nd["id"]: nd for nd in data["nodes"]}
    micko = h.nodes["person/lena-micko"]["viz"]
    assert (micko["position"]["x"], -micko["position"]["y"]) == (drawn["person/lena-micko"]["x"],
                                                                  drawn["person/lena-micko"]["y"])
    assert (micko["color"]["r"], micko["color"]["g"], micko["color"]["b"]) == (0xD6, 0x27, 0x28)  # Minister red
    positions = {(d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for _, d in h.nodes(data=True)}
    assert len(positions) == h.number_of_nodes()  # no two nodes on one spot


# ------------------------------------------------------------------ VoID / DCAT
def test_void_describes_the_dataset(sample_build, sample_turtle_graph):
    when = datetime(2024, 5, 17, 12, 30, tzinfo=timezone.utc)
    data = _bytes(sample_build.graph, "void", build_time=when)
    v = rdflib.Graph().parse(data=data, format="turtle")
    ds = next(iter(v.subjects(RDF.type, DCAT.Dataset)))
    assert (ds, RDF.type, VOID.Dataset) in v
    assert int(v.value(ds, VOID.triples)) == len(sample_turtle_graph)
    classes = {v.value(p, VOID["class"]): int(v.value(p, VOID.entities)) for p in v.objects(ds, VOID.classPartition)}
    assert classes[KGO.Meeting] == len(set(sample_turtle_graph.subjects(RDF.type, KGO.Meeting)))
    assert classes[KGO.Minister] >= 1
    assert int(v.value(ds, VOID.classes)) == len(classes)
    props = {v.value(p, VOID.property): int(v.value(p, VOID.triples)) for p in v.objects(ds, VOID.propertyPartition)}
    assert props[KGO.participant] == len(list(sample_turtle_graph.triples((None, KGO.participant, None))))
    assert sum(props.values()) == len(sample_turtle_graph)
    sources = set(v.objects(ds, DCTERMS.source))
    assert sources == {KG[n] for n, _ in sample_build.graph.nodes(kind="document")}
    assert v.value(ds, DCTERMS.created) == Literal("2024-05-17T12:30:00Z", datatype=XSD.dateTime)
    assert str(v.value(ds, KGO.extractorVersion)) == sample_build.graph.meta["kgraph_version"]
    subsets = set(v.objects(ds, VOID.subset))
    assert {str(s) for s in subsets} == {graph_iri(n) for n, _ in sample_build.graph.nodes(kind="document")}
    assert validate_path_text(data).conforms


def validate_path_text(data: bytes):
    from kgraph.validate import validate_graph
    return validate_graph(rdflib.Graph().parse(data=data, format="turtle"), "void")


def test_void_build_date_from_source_date_epoch(sample_build, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    runner = CliRunner()
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    for target in (a, b):
        res = runner.invoke(main, ["export", "--graph", str(sample_build.out), "--format", "void", "-o", str(target)])
        assert res.exit_code == 0, res.output
    assert a.read_bytes() == b.read_bytes()
    assert b'"2023-11-14T22:13:20Z"^^xsd:dateTime' in a.read_bytes()


# ------------------------------------------------------------------ determinism, CLI, atomicity
@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "void"])
def test_exports_are_deterministic(fmt, sample_build, exported):
    from kgraph.graph import KnowledgeGraph
    again = _bytes(KnowledgeGraph.load(sample_build.out), fmt)
    assert again == exported[fmt].read_bytes()


def test_turtle_export_is_the_build_graph_ttl(exported, sample_build):
    assert exported["turtle"].read_bytes() == sample_build.turtle_path.read_bytes()


def test_default_output_and_stdout(sample_build, tmp_path):
    import shutil

    from kgraph.graph import KnowledgeGraph
    work = tmp_path / "build"
    work.mkdir()
    shutil.copy(sample_build.json_path, work / "graph.json")
    runner = CliRunner()
    res = runner.invoke(main, ["export", "--graph", str(work), "--format", "nquads"])
    assert res.exit_code == 0 and (work / "graph.nq").is_file()
    res = runner.invoke(main, ["export", "--graph", str(work), "--format", "void"])
    assert res.exit_code == 0 and (work / "void.ttl").is_file()
    res = runner.invoke(main, ["export", "--graph", str(work / "graph.json"), "--format", "ntriples", "-o", "-"])
    assert res.exit_code == 0
    assert res.stdout_bytes == _bytes(KnowledgeGraph.load(work), "ntriples")


def test_bad_input_gives_one_line_errors(tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["export", "--graph", str(tmp_path / "nowhere"), "--format", "trig"])
    assert res.exit_code == 1
    assert res.output.strip().startswith("kgraph: error:") and "graph.json missing" in res.output
    assert "Traceback" not in res.output
    res = runner.invoke(main, ["export", "--graph", str(tmp_path), "--format", "rdfxml"])
    assert res.exit_code == 2 and "rdfxml" in res.output
    (tmp_path / "graph.json").write_text("{not json", encoding="utf-8")
    res = runner.invoke(main, ["export", "--graph", str(tmp_path)])
    assert res.exit_code == 1 and "damaged graph store" in res.output


def test_failed_export_leaves_the_previous_file(sample_build, tmp_path, monkeypatch):
    import kgraph.export as ex
    target = tmp_path / "graph.nt"
    target.write_bytes(b"previous\n")

    def broken(kg, out, evidence=True):
        out.write(b"<half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(ex, "write_ntriples", broken)
    with pytest.raises(RuntimeError):
        export(sample_build.graph, "ntriples", target)
    assert target.read_bytes() == b"previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]  # no temporary file left behind
