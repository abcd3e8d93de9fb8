"""kgraph.graph.KnowledgeGraph: merging, evidence, persistence."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.errors import GraphNotFoundError, KgraphError
from kgraph.graph import Evidence, KnowledgeGraph

EV = Evidence("document/abc", 10, 20, "Siv Lindmark (C) talade.", "extract.test", 0.9)


def _small_graph() -> KnowledgeGraph:
    kg = KnowledgeGraph(meta={"kgraph_version": "test"})
    kg.add_node("document/abc", "document", ("Document",), label="a.txt", file_name="a.txt")
    kg.add_node("person/siv-lindmark", "entity", ("Person",), label="Siv Lindmark", alt_labels=["Lindmark"],
                docs=["document/abc"])
    kg.add_node("party/c", "entity", ("PoliticalParty",), label="Centerpartiet")
    kg.add_edge("person/siv-lindmark", "memberOf", "party/c", [EV])
    kg.add_edge("person/siv-lindmark", "mentionedIn", "document/abc", [EV])
    kg.add_literal("person/siv-lindmark", "role", "kommunalråd", [EV])
    return kg


def test_graph_add_node_merges_classes_and_alt_labels():
    kg = _small_graph()
    kg.add_node("person/siv-lindmark", "entity", ("Minister",), label="Other", alt_labels=["Siv"])
    node = kg.node("person/siv-lindmark")
    assert (node["cls"], node["alt_labels"], node["label"]) == (["Minister", "Person"], ["Lindmark", "Siv"],
                                                               "Siv Lindmark")


def test_graph_add_edge_twice_is_one_edge_with_one_evidence():
    kg = _small_graph()
    kg.add_edge("person/siv-lindmark", "memberOf", "party/c", [EV])
    edges = [d for s, o, k, d in kg.edges("memberOf")]
    assert len(edges) == 1 and len(edges[0]["evidence"]) == 1


def test_graph_add_edge_keeps_distinct_evidence():
    kg = _small_graph()
    kg.add_edge("person/siv-lindmark", "memberOf", "party/c", [Evidence("document/xyz", 1, 5, "s", "r", 0.5)])
    (d,) = [d for s, o, k, d in kg.edges("memberOf")]
    assert {ev["doc"] for ev in d["evidence"]} == {"document/abc", "document/xyz"}


def test_graph_evidence_dict_round_trip():
    assert Evidence.from_dict(EV.as_dict()) == EV


def test_graph_literal_carries_evidence():
    kg = _small_graph()
    assert kg.literals("person/siv-lindmark", "role") == {"kommunalråd": [EV]}


def test_graph_stats_count_documents_entities_and_edges():
    st = _small_graph().stats()
    assert (st["documents"], st["entities"], st["relations"]) == (1, 2, 2)
    assert st["entities_by_class"] == {"Person": 1, "PoliticalParty": 1}


def test_graph_save_load_round_trip_small(tmp_path):
    kg = _small_graph()
    kg.save(tmp_path / "graph.json")
    assert KnowledgeGraph.load(tmp_path).to_json() == kg.to_json()


def test_graph_save_load_round_trip_sample(sample_build, tmp_path):
    sample_build.graph.save(tmp_path / "graph.json")
    assert KnowledgeGraph.load(tmp_path / "graph.json").to_json() == sample_build.graph.to_json()


def test_graph_sample_build_graph_json_loads_to_same_graph(sample_build):
    assert KnowledgeGraph.load(sample_build.out).to_json() == sample_build.graph.to_json()


def test_graph_to_json_is_serialisable_and_sorted():
    data = _small_graph().to_json()
    json.dumps(data)
    assert [n["id"] for n in data["nodes"]] == sorted(n["id"] for n in data["nodes"])


def test_graph_load_folder_without_build_raises(tmp_path):
    with pytest.raises(GraphNotFoundError):
        KnowledgeGraph.load(tmp_path)


def test_graph_load_damaged_store_raises_kgraph_error(tmp_path):
    (tmp_path / "graph.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(KgraphError):
        KnowledgeGraph.load(tmp_path)


def test_graph_load_unknown_format_raises_kgraph_error(tmp_path):
    data = _small_graph().to_json()
    data["format"] = 999
    (tmp_path / "graph.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KgraphError):
        KnowledgeGraph.load(tmp_path)


def test_graph_save_streams_exactly_the_json_of_to_json(sample_build, tmp_path):
    import json
    sample_build.graph.save(tmp_path / "graph.json")
    assert (tmp_path / "graph.json").read_text(encoding="utf-8") == json.dumps(
        sample_build.graph.to_json(), ensure_ascii=False, sort_keys=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from([f"namn {i}" for i in range(12)]), max_size=9), max_size=6),
       st.lists(st.lists(st.sampled_from(["Municipality", "Region", "Topic", "Place", "Person"]), max_size=6),
                max_size=6))
def test_a_node_merged_again_keeps_every_name_and_class_once_sorted(labels, classes):
    """Short lists one search each, long ones (a topic's names) through a set: the same sorted sets."""
    kg = KnowledgeGraph()
    for alts, cls in zip(labels, classes):
        kg.add_node("topic/skola", "topic", iter(cls), label="Skola", alt_labels=alts)
    if labels and classes:
        d = kg.node("topic/skola")
        n = min(len(labels), len(classes))
        assert d["alt_labels"] == sorted({a for alts in labels[:n] for a in alts})
        assert d["cls"] == sorted({c for cls in classes[:n] for c in cls})
