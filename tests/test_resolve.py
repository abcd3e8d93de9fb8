"""kgraph.resolve.build_graph: documents merged into one graph; identity and evidence."""
from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.extract.pipeline import extract_document
from kgraph.resolve import build_graph, doc_node
from kgraph.text import normalise_text

DOC_A = (
    "Kommunalråd på besök\n"
    "\n"
    "Publicerad 2019-09-02\n"
    "\n"
    "Kommunalrådet Siv Lindmark (C) besökte i dag Skara kommun. Hon träffade kommunchefen "
    "Ola Tornberg och talade om skolan.\n"
)
DOC_B = (
    "Nytt samarbete\n"
    "\n"
    "Publicerad 2019-10-14\n"
    "\n"
    "Siv Lindmark (C), kommunalråd i Vara, träffade i dag företrädare för Götene kommun. "
    "Mötet hölls i Vara.\n"
)


@pytest.fixture(scope="module")
def two_doc_graph(reference, make_document):
    exs = [extract_document(make_document(DOC_A, "a.txt"), reference),
           extract_document(make_document(DOC_B, "b.txt"), reference)]
    return build_graph(exs, reference), exs


def _docs_of(kg, node):
    return {o for s, o, _, _ in kg.edges("mentionedIn") if s == node}


def test_resolve_same_person_in_two_documents_is_one_node(two_doc_graph):
    kg, _ = two_doc_graph
    persons = [n for n, d in kg.nodes(cls="Person") if d["label"] == "Siv Lindmark"]
    assert persons == ["person/siv-lindmark"]


def test_resolve_person_node_is_mentioned_in_both_documents(two_doc_graph):
    kg, exs = two_doc_graph
    assert _docs_of(kg, "person/siv-lindmark") == {doc_node(ex.doc.id) for ex in exs}


def test_resolve_party_is_one_node_for_both_documents(two_doc_graph):
    kg, exs = two_doc_graph
    assert [n for n, d in kg.nodes(cls="PoliticalParty")] == ["party/c"]
    assert _docs_of(kg, "party/c") == {doc_node(ex.doc.id) for ex in exs}


def test_resolve_membership_edge_merges_evidence_from_both_documents(two_doc_graph):
    kg, exs = two_doc_graph
    edges = [d for s, o, k, d in kg.edges("memberOf") if (s, o) == ("person/siv-lindmark", "party/c")]
    assert len(edges) == 1
    assert {ev["doc"] for ev in edges[0]["evidence"]} == {doc_node(ex.doc.id) for ex in exs}


def test_resolve_municipality_keyed_by_scb_code(two_doc_graph):
    kg, _ = two_doc_graph
    assert kg.node("municipality/1470")["label"] == "Vara kommun"
    assert kg.node("municipality/1470").get("scbCode") == "1470"


def test_resolve_surface_forms_become_alt_labels(two_doc_graph):
    kg, _ = two_doc_graph
    assert "Vara" in kg.node("municipality/1470")["alt_labels"]


def test_resolve_document_node_keyed_by_content_hash(two_doc_graph):
    kg, exs = two_doc_graph
    for ex in exs:
        node = kg.node(doc_node(ex.doc.id))
        assert (node["file_name"], node["content_hash"]) == (ex.doc.file_name, ex.doc.id)


def test_resolve_reference_county_is_added_without_mention(two_doc_graph):
    kg, _ = two_doc_graph
    assert ("municipality/1470", "county/14") in {(s, o) for s, o, _, _ in kg.edges("inCounty")}
    assert _docs_of(kg, "county/14") == set()


def test_resolve_is_independent_of_input_order(reference, make_document):
    a = extract_document(make_document(DOC_A, "a.txt"), reference)
    b = extract_document(make_document(DOC_B, "b.txt"), reference)
    assert build_graph([a, b], reference).to_json() == build_graph([b, a], reference).to_json()


def test_resolve_ministers_carry_minister_class(sample_build):
    assert "Minister" in sample_build.graph.node("person/lena-micko")["cls"]


# ------------------------------------------------------------------ evidence

def _all_evidence(kg):
    for s, o, p, d in kg.edges():
        for ev in d["evidence"]:
            yield (s, p, o), ev
    for n, d in kg.nodes():
        for p, values in d.get("literals", {}).items():
            for v, evs in values.items():
                for ev in evs:
                    yield (n, p, v), ev


def _texts(kg):
    return {n: normalise_text(Path(d["path"]).read_text(encoding="utf-8")) for n, d in kg.nodes(kind="document")}


def test_resolve_text_evidence_names_a_document_node(sample_build):
    kg = sample_build.graph
    docs = {n for n, _ in kg.nodes(kind="document")}
    text_ev = [(st, ev) for st, ev in _all_evidence(kg) if ev.get("doc")]
    assert text_ev
    assert [st for st, ev in text_ev if ev["doc"] not in docs] == []


def test_resolve_text_evidence_has_span_inside_document(sample_build):
    kg = sample_build.graph
    texts = _texts(kg)
    bad = [st for st, ev in _all_evidence(kg) if ev.get("doc")
           and not (isinstance(ev["start"], int) and 0 <= ev["start"] < ev["end"] <= len(texts[ev["doc"]]))]
    assert bad == []


def test_resolve_text_evidence_sentence_contains_span(sample_build):
    kg = sample_build.graph
    texts = _texts(kg)
    bad = [st for st, ev in _all_evidence(kg) if ev.get("doc")
           and " ".join(texts[ev["doc"]][ev["start"]:ev["end"]].split()) not in ev["sentence"]]
    assert bad == []


def test_resolve_every_evidence_has_rule_and_confidence(sample_build):
    bad = [st for st, ev in _all_evidence(sample_build.graph)
           if not ev.get("rule") or not 0.0 <= float(ev["confidence"]) <= 1.0]
    assert bad == []


def test_resolve_every_entity_is_mentioned_or_from_reference(sample_build):
    kg = sample_build.graph
    mentioned = {s for s, _, _, _ in kg.edges("mentionedIn")}
    reference_only = {o for _, o, p, _ in kg.edges() if p in ("inCounty", "postIn")}
    assert [n for n, _ in kg.nodes(kind="entity") if n not in mentioned | reference_only] == []


# ------------------------------------------------------------------ the sample corpus

@pytest.mark.parametrize("node", ["person/lena-micko", "org/smakom"])
def test_resolve_sample_entity_named_in_two_documents_is_one_node(sample_build, node):
    assert len(_docs_of(sample_build.graph, node)) == 2


def test_resolve_sample_minister_role_literal(sample_build):
    assert "civilminister" in sample_build.graph.literals("person/lena-micko", "role")


def test_resolve_sample_dated_meeting_links_minister_and_municipality(sample_build):
    kg = sample_build.graph
    found = []
    for m, d in kg.nodes(kind="meeting"):
        parts = {o for s, o, _, _ in kg.edges("participant") if s == m}
        if {"person/lena-micko", "municipality/2182"} <= parts:
            found.append(d["date"])
    assert found == ["2021-03-25"]


def test_resolve_branch_parent_is_context_not_mention(reference, make_document):
    text = "Nyheter\n\nAnna Ek, ordförande i LRF Mälardalen, talade om bredband.\n"
    kg = build_graph([extract_document(make_document(text, "a.txt"), reference)], reference)
    assert ("org/lrf-malardalen", "org/lrf") in {(s, o) for s, o, _, _ in kg.edges("partOf")}
    assert _docs_of(kg, "org/lrf") == set()
    assert len(_docs_of(kg, "org/lrf-malardalen")) == 1
