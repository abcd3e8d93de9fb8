"""The graph core on disk answers every call of the graph interface as the graph in memory does."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.contracts import Evidence
from kgraph.diskgraph import DiskGraph
from kgraph.errors import KgraphError
from kgraph.graph import KnowledgeGraph, open_graph

NODES = ["municipality/0180", "party/s", "person/anna-exempel", "meeting/m1", "document/d1", "topic/skola"]
KINDS = {"municipality/0180": "entity", "party/s": "entity", "person/anna-exempel": "entity",
         "meeting/m1": "meeting", "document/d1": "document", "topic/skola": "topic"}
PREDICATES = ["memberOf", "participant", "mentionedIn", "topic", "affiliatedWith"]

evidence = st.builds(Evidence, st.sampled_from(["document/d1", "document/d2", ""]),
                     st.one_of(st.none(), st.integers(0, 50)), st.one_of(st.none(), st.integers(0, 50)),
                     st.sampled_from(["", "Kommunstyrelsen träffade ministern.", "En annan mening."]),
                     st.sampled_from(["extract.a", "extract.b"]), st.sampled_from([0.5, 0.8, 1.0]))
node_call = st.tuples(st.just("node"), st.sampled_from(NODES), st.lists(st.sampled_from(["Person", "Minister"]),
                                                                          max_size=2),
                      st.sampled_from(["", "Anna Exempel", "Stockholm"]),
                      st.lists(st.sampled_from(["Stockholms stad", "Sthlm"]), max_size=2),
                      st.sampled_from(["", "0180"]),
                      st.lists(st.sampled_from(["document/d3", "document/d1", "document/d2"]), max_size=3))
edge_call = st.tuples(st.just("edge"), st.sampled_from(NODES), st.sampled_from(PREDICATES), st.sampled_from(NODES),
                      st.lists(evidence, max_size=4))
literal_call = st.tuples(st.just("literal"), st.sampled_from(NODES), st.sampled_from(["kommunalråd", "ordförande"]),
                         st.lists(evidence, max_size=3))
attr_call = st.tuples(st.just("attr"), st.sampled_from(NODES), st.sampled_from(["party/s", "party/m"]))
read_call = st.tuples(st.just("read"), st.sampled_from(NODES))


def _apply(g, calls) -> list:
    """Make the calls; what the reads among them answered."""
    read = []
    for n in NODES:  # every node exists before an edge names it (as in a build)
        g.add_node(n, KINDS[n], label="")
    for c in calls:
        if c[0] == "node":
            _, n, cls, label, alts, code, docs = c
            g.add_node(n, KINDS[n], cls, label=label, alt_labels=alts, docs=docs, scbCode=code)
        elif c[0] == "read":  # a read while merging (the merge asks labels; a caller may ask more)
            read.append((g.label(c[1]), json.dumps(g.node(c[1]), sort_keys=True, default=list)))
        elif c[0] == "edge":
            g.add_edge(c[1], c[2], c[3], c[4])
        elif c[0] == "literal":
            g.add_literal(c[1], "role", c[2], c[3])
        else:
            g.set_attr(c[1], "publisher", c[2])
    return read


def _views(g) -> dict:
    """Everything the interface answers, as comparable data."""
    return {
        "json": json.dumps(g.to_json(), sort_keys=True),
        "out": {n: list(g.out_edges(n)) for n in NODES},
        "in": {n: list(g.in_edges(n)) for n in NODES},
        "out_p": {n: list(g.out_edges(n, "participant")) for n in NODES},
        "in_p": {n: list(g.in_edges(n, "mentionedIn")) for n in NODES},
        "out_limit": {n: list(g.out_edges(n, "participant", 1)) for n in NODES},
        "in_limit": {n: list(g.in_edges(n, "memberOf", 2)) for n in NODES},
        "edge_counts": {n: g.edge_counts(n) for n in NODES},
        "edges": sorted((s, o, p, tuple(d["evidence"])) for s, o, p, d in g.edges()),
        "edge_keys": sorted(g.edge_keys()),
        "drawn": sorted(g.edge_keys({"participant", "topic"})),
        "sorted_edges": [(s, o, p, d["evidence"]) for s, o, p, d in g.sorted_edges()],
        "out_by_node": list(g.out_edges_by_node()),
        "nodes": sorted(n for n, _ in g.nodes(kind="entity")),
        "ministers": sorted(n for n, _ in g.nodes(cls="Minister")),
        "degree": {n: g.degree(n) for n in NODES},
        "view_degrees": list(g.undirected_degrees({"participant", "topic", "affiliatedWith"},
                                                  ("entity", "meeting", "topic"), ("memberOf", "participant"))),
        "entity_degrees": list(g.undirected_degrees({"memberOf", "mentionedIn"}, ("entity",))),
        "neighbours": {n: sorted(g.neighbours(n)) for n in NODES},
        "keys_at": {n: sorted(g.edge_keys_at(n, {"participant", "topic", "memberOf"})) for n in NODES},
        "keys_at_out": {n: sorted(g.edge_keys_at(n, {"participant", "mentionedIn"}, "out")) for n in NODES},
        "keys_at_in": {n: sorted(g.edge_keys_at(n, {"memberOf", "affiliatedWith"}, "in")) for n in NODES},
        "keys_at_kinds": {n: sorted(g.edge_keys_at(n, set(PREDICATES), kinds=("meeting", "topic"))) for n in NODES},
        "keys_at_none": {n: sorted(g.edge_keys_at(n, set(PREDICATES), kinds=())) for n in NODES},
        "count_nodes": (g.count_nodes(("entity", "meeting")), g.count_nodes(()), g.count_nodes(("post",))),
        "classes": (sorted(g.classes(("entity",))), sorted(g.classes(("meeting", "topic", "document")))),
        "stats": g.stats(),
        "counts": (g.number_of_nodes(), g.number_of_edges()),
        "labels": {n: g.label(n) for n in NODES},
    }


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(node_call, edge_call, literal_call, attr_call, read_call), max_size=40))
def test_disk_graph_answers_as_the_graph_in_memory(tmp_path_factory, calls):
    mem = KnowledgeGraph(meta={"kgraph_version": "test"})
    disk = DiskGraph(tmp_path_factory.mktemp("core") / "core.sqlite", meta={"kgraph_version": "test"},
                     cache_size=2)  # a node cache of two: merging goes through writing and reading back
    assert _apply(disk, calls) == _apply(mem, calls)
    assert _views(disk) == _views(mem)
    for n in NODES:  # a node's edges in one read: the same, or None (ask per predicate) where they are many
        for out in (True, False):
            assert disk.few_ends(n, out, 100) == mem.few_ends(n, out, 100)  # 160 records at most here
            few, all_ends = disk.few_ends(n, out, 1), mem.few_ends(n, out, 1)
            assert few is None or few == all_ends
            assert all_ends is not None or few is None
    disk.keep_walks()  # the first walk of every edge is kept, the next ones replay it: the same answers
    assert _views(disk) == _views(mem)
    assert _views(disk) == _views(mem)
    saved = disk.path.with_name("graph.json")  # streamed, edges by an encoder that does not sort keys
    disk.save(saved)
    assert saved.read_text(encoding="utf-8") == json.dumps(mem.to_json(), ensure_ascii=False, sort_keys=True)
    disk.remove()


def test_a_kept_walk_is_replayed_until_the_graph_changes(tmp_path):
    a = Evidence("document/d1", 0, 4, "Första meningen.", "extract.a", 0.9)
    b = Evidence("document/d2", 5, 9, "Andra meningen.", "extract.b", 0.8)
    g = DiskGraph(tmp_path / "core.sqlite")
    for n in ("party/s", "document/d1", "topic/skola"):
        g.add_node(n, KINDS.get(n, "entity"))
    g.add_edge("party/s", "mentionedIn", "document/d1", [a, b])
    g.keep_walks()
    walk = tmp_path / "core.sqlite.walk"
    edges = g.edges()
    assert next(edges)[0] == "party/s"
    edges.close()  # a walk left half-way is not kept
    walk.write_bytes(b"")
    assert list(g.edges()) == [("party/s", "document/d1", "mentionedIn", {"predicate": "mentionedIn",
                                                                          "evidence": [a, b]})]
    assert walk.stat().st_size > 0
    walk.write_bytes(b"")  # the next walk reads the kept one: here, nothing
    assert list(g.sorted_edges()) == []
    g.add_edge("topic/skola", "mentionedIn", "document/d1", [b])  # a change: SQLite again, and kept anew
    assert [(s, o) for s, o, _, _ in g.sorted_edges()] == [("party/s", "document/d1"), ("topic/skola", "document/d1")]
    assert [(s, o) for s, o, _, _ in g.sorted_edges()] == [("party/s", "document/d1"), ("topic/skola", "document/d1")]
    assert [ev for *_, d in g.sorted_edges() for ev in d["evidence"]] == [a, b, b]
    assert all(type(ev) is Evidence for *_, d in g.sorted_edges() for ev in d["evidence"])
    g.drop_walks()
    assert not walk.exists()
    g.remove()


def test_an_edge_lists_each_evidence_record_once_in_the_order_given(tmp_path):
    a = Evidence("document/d1", 0, 4, "Första meningen.", "extract.a", 0.9)
    b = Evidence("document/d2", 5, 9, "Andra meningen.", "extract.a", 0.9)
    for g in (KnowledgeGraph(), DiskGraph(tmp_path / "core.sqlite")):
        g.add_node("party/s", "entity", ("PoliticalParty",), label="Socialdemokraterna")
        g.add_node("document/d1", "document", ("Document",))
        g.add_edge("party/s", "mentionedIn", "document/d1", [a, a, b])
        g.add_edge("party/s", "mentionedIn", "document/d1", [b, a])
        assert list(g.out_edges("party/s")) == [("mentionedIn", "document/d1", [a, b])]
        assert g.number_of_edges() == 1


def test_an_edge_given_no_evidence_is_an_edge(tmp_path):
    for g in (KnowledgeGraph(), DiskGraph(tmp_path / "core.sqlite")):
        g.add_node("municipality/0180", "entity", ("Municipality",), label="Stockholms stad")
        g.add_node("county/01", "entity", ("County",), label="Stockholms län")
        g.add_edge("municipality/0180", "inCounty", "county/01")
        assert list(g.in_edges("county/01")) == [("inCounty", "municipality/0180", [])]
        assert g.degree("county/01") == 1 and g.neighbours("county/01") == {"municipality/0180"}


def test_a_node_merged_after_it_left_the_cache_keeps_the_first_label_and_every_class(tmp_path):
    g = DiskGraph(tmp_path / "core.sqlite", cache_size=1)
    g.add_node("person/anna-exempel", "entity", ("Person",), label="Anna Exempel", docs=("document/d1",))
    g.add_node("party/s", "entity", ("PoliticalParty",), label="S")  # pushes the person out of the cache
    g.add_node("party/m", "entity", ("PoliticalParty",), label="M")
    g.add_node("person/anna-exempel", "entity", ("Minister",), label="A. Exempel", docs=("document/d0",))
    d = g.node("person/anna-exempel")
    assert d["label"] == "Anna Exempel" and d["cls"] == ["Minister", "Person"]
    assert d["docs"] == ["document/d0", "document/d1"]


def test_a_build_folder_opens_as_its_graph_core_equal_to_its_graph_json(sample_build):
    core = open_graph(sample_build.out)
    assert isinstance(core, DiskGraph)
    assert core.to_json() == KnowledgeGraph.load(sample_build.out).to_json()
    assert core.meta["kgraph_version"]


def test_a_folder_without_a_core_opens_its_graph_json(sample_build, tmp_path):
    (tmp_path / "graph.json").write_bytes((sample_build.out / "graph.json").read_bytes())
    g = open_graph(tmp_path)
    assert isinstance(g, KnowledgeGraph) and g.number_of_nodes() == sample_build.graph.number_of_nodes()


def test_a_damaged_core_is_named_in_a_clear_error(tmp_path):
    bad = tmp_path / "core.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(KgraphError, match="core.sqlite: damaged graph core"):
        open_graph(bad)


def test_a_hubs_documents_stay_a_sorted_set_when_they_join_it_in_eighths(tmp_path, monkeypatch):
    import random

    from kgraph import diskgraph
    monkeypatch.setattr(diskgraph, "_DOCS_PENDING", 2)  # the new ones join the list every few documents
    rng = random.Random(5)
    docs = [f"document/d{rng.randrange(300):03d}" for _ in range(600)]  # in no order, many twice
    g = DiskGraph(tmp_path / "core.sqlite", cache_size=3)
    mem = KnowledgeGraph()
    for i, d in enumerate(docs):
        for graph in (g, mem):
            graph.add_node("topic/skola", "topic", ("Topic",), label="skola", docs=(d,))
            graph.add_node(f"person/p{i % 5}", "entity", ("Person",), label="", docs=(d,))  # evicts the hub at times
    assert g.node("topic/skola")["docs"] == mem.node("topic/skola")["docs"] == sorted(set(docs))
    for k in range(5):
        want = sorted({d for i, d in enumerate(docs) if i % 5 == k})
        assert g.node(f"person/p{k}")["docs"] == mem.node(f"person/p{k}")["docs"] == want
    g.remove()


@pytest.mark.parametrize("fail_at", [0, 1])  # the first chunk, or the second
def test_a_walk_that_cannot_be_kept_is_read_whole_all_the_same(tmp_path, monkeypatch, fail_at):
    import kgraph.diskgraph as dg
    ev = Evidence("document/d1", 0, 4, "Första meningen.", "extract.a", 0.9)
    g = DiskGraph(tmp_path / "core.sqlite")
    g.add_node("document/d1", "document")
    for i in range(7):
        g.add_node(f"party/p{i}", "entity")
        g.add_edge(f"party/p{i}", "mentionedIn", "document/d1", [ev])
    expected = list(g.sorted_edges())
    monkeypatch.setattr(dg, "_WALK_CHUNK", 3)
    written = []

    def full_disk(fh, chunk):
        if len(written) == fail_at:
            raise OSError(28, "No space left on device")
        written.append(chunk)
        fh.write(b"")

    monkeypatch.setattr(dg, "_write_chunk", full_disk)
    g.keep_walks()
    assert list(g.sorted_edges()) == expected  # every edge, though the file could not be written
    assert not (tmp_path / "core.sqlite.walk").exists()
    assert list(g.sorted_edges()) == expected  # and the next walk reads SQLite
    g.remove()

