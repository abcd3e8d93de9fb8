"""The HTML view without a browser: node selection, NAME resolution, layout, escaping, CSP, determinism,
and the ``kgraph view`` command. (tests/test_view_browser.py drives the pages in Chromium.)"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings, strategies as st

from kgraph import view
from kgraph.cli import main
from kgraph.diskgraph import DiskGraph
from kgraph.graph import Evidence, KnowledgeGraph

PROBE = "<img src=x onerror=alert(1)>"
SCRIPT_PROBE = "<script>alert(1)</script>"


# ------------------------------------------------------------------ helpers

def view_ev(doc: str = "document/d1", sentence: str = "Ministern besökte kommunen.") -> list[Evidence]:
    return [Evidence(doc, 0, 5, sentence, "test.rule", 0.9)]


def view_small_graph() -> KnowledgeGraph:
    """A hand-made graph: a minister who visits two municipalities, a post in a ministry, lone nodes."""
    kg = KnowledgeGraph()
    kg.add_node("document/d1", "document", ("Document",), label="Besök", file_name="001_besok.txt", title="Besök")
    kg.add_node("person/anna-berg", "entity", ("Minister", "Person"), label="Anna Berg",
                alt_labels=["civilministern"], docs=["document/d1"])
    kg.add_node("person/bo-ek", "entity", ("Person",), label="Bo Ek", alt_labels=["civilministern"],
                docs=["document/d1"])
    kg.add_node("municipality/1384", "entity", ("Municipality",), label="Kungsbacka kommun",
                alt_labels=["Kungsbacka"], docs=["document/d1"], scbCode="1384")
    kg.add_node("municipality/2182", "entity", ("Municipality",), label="Söderhamns kommun", docs=["document/d1"])
    kg.add_node("gov/fi", "entity", ("Ministry",), label="Finansdepartementet")
    kg.add_node("party/s", "entity", ("PoliticalParty",), label="Socialdemokraterna", alt_labels=["S"])
    kg.add_node("place/x", "entity", ("Place",), label="Ödeshög", docs=["document/d1"])
    kg.add_node("meeting/m1", "meeting", ("Meeting",), label="besök: Anna Berg, Kungsbacka kommun",
                docs=["document/d1"])
    kg.add_node("post/anna-berg-civilminister", "post", ("Post",), label="civilminister", start="2019-10-01")
    for n in ("person/anna-berg", "person/bo-ek", "municipality/1384", "municipality/2182", "place/x", "meeting/m1"):
        kg.add_edge(n, "mentionedIn", "document/d1", view_ev())
    kg.add_edge("meeting/m1", "participant", "person/anna-berg", view_ev())
    kg.add_edge("meeting/m1", "participant", "municipality/1384", view_ev())
    kg.add_edge("meeting/m1", "location", "municipality/1384", view_ev())
    kg.add_edge("person/anna-berg", "memberOf", "party/s", view_ev(sentence="Anna Berg (S) kom på besök."))
    kg.add_edge("person/bo-ek", "affiliatedWith", "municipality/2182", view_ev())
    kg.add_edge("person/anna-berg", "holdsPost", "post/anna-berg-civilminister", [Evidence("", None, None, "", "reference.ministers", 1.0)])
    kg.add_edge("post/anna-berg-civilminister", "postIn", "gov/fi", [Evidence("", None, None, "", "reference.ministers", 1.0)])
    kg.add_literal("person/anna-berg", "role", "civilminister", view_ev(sentence="Civilminister Anna Berg talade."))
    return kg


def view_star_graph(leaves: int = 30, lone: int = 10) -> KnowledgeGraph:
    """A hub with many leaves, a separate chain, and lone nodes: for selection and layout."""
    kg = KnowledgeGraph()
    kg.add_node("org/hub", "entity", ("Association",), label="Navet")
    for i in range(leaves):
        kg.add_node(f"person/p{i}", "entity", ("Person",), label=f"Person {i}")
        kg.add_edge(f"person/p{i}", "memberOf", "org/hub", view_ev())
    for i in range(5):
        kg.add_node(f"municipality/{i}", "entity", ("Municipality",), label=f"Kommun {i}")
        if i:
            kg.add_edge(f"municipality/{i}", "affiliatedWith", f"municipality/{i - 1}", view_ev())
    for i in range(lone):
        kg.add_node(f"place/{i}", "entity", ("Place",), label=f"Plats {i}")
    return kg


def view_page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kgraph-data">(.*?)</script>', page, re.S)
    assert m, "data block missing"
    return json.loads(m.group(1))


def view_inline_scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>\n", page, re.S)


# ------------------------------------------------------------------ NAME resolution

@pytest.mark.parametrize("name, node", [
    ("Anna Berg", "person/anna-berg"), ("anna berg", "person/anna-berg"), ("ANNA BERG", "person/anna-berg"),
    ("soderhamns kommun", "municipality/2182"), ("Söderhamn", "municipality/2182"),
    ("kungsbacka", "municipality/1384"), ("odeshog", "place/x"), ("municipality/1384", "municipality/1384"),
])
def test_view_resolve_name_ignores_case_and_diacritics(name, node):
    assert view.resolve_name(view_small_graph(), name) == node


def test_view_resolve_name_ambiguous_lists_candidates():
    with pytest.raises(view.AmbiguousNameError) as exc:
        view.resolve_name(view_small_graph(), "Civilministern")
    msg = str(exc.value)
    assert "person/anna-berg" in msg and "person/bo-ek" in msg and "\n" not in msg
    assert exc.value.exit_code == 1


def test_view_resolve_name_unknown_says_so():
    with pytest.raises(view.UnknownNameError) as exc:
        view.resolve_name(view_small_graph(), "Greta Garbo")
    assert "'Greta Garbo'" in str(exc.value) and "no entity" in str(exc.value)


def test_view_resolve_name_unknown_suggests_near_names():
    with pytest.raises(view.UnknownNameError) as exc:
        view.resolve_name(view_small_graph(), "Ana Berg")
    assert "did you mean: Anna Berg [person/anna-berg]?" in str(exc.value)


def test_view_resolve_name_takes_surnames_and_prefixes_like_query():
    assert view.resolve_name(view_small_graph(), "Berg") == "person/anna-berg"
    assert view.resolve_name(view_small_graph(), "söder") == "municipality/2182"


def test_view_resolve_name_does_not_match_documents_or_posts():
    with pytest.raises(view.UnknownNameError):
        view.resolve_name(view_small_graph(), "document/d1")


# ------------------------------------------------------------------ selection

def test_view_selection_whole_graph_leaves_out_documents_and_posts():
    sel = view.select_view(view_small_graph())
    assert "document/d1" not in sel.nodes and "post/anna-berg-civilminister" not in sel.nodes
    assert "person/anna-berg" in sel.nodes and "meeting/m1" in sel.nodes
    assert sel.left_out == 0 and len(sel.nodes) == sel.total == 8


def test_view_selection_max_nodes_keeps_most_central_and_reports_the_rest():
    sel = view.select_view(view_star_graph(leaves=30, lone=10), max_nodes=12)
    assert len(sel.nodes) == 12
    assert "org/hub" in sel.nodes
    assert sel.left_out == 30 + 5 + 10 + 1 - 12 == sum(sel.left_out_by_class.values())
    assert sel.left_out_by_class.get("Place") == 10  # lone nodes are the least central


def test_view_selection_neighbourhood_depth():
    kg = view_small_graph()
    one = view.select_view(kg, center="person/bo-ek", depth=1)
    assert set(one.nodes) == {"person/bo-ek", "municipality/2182"}
    zero = view.select_view(kg, center="person/bo-ek", depth=0)
    assert zero.nodes == ["person/bo-ek"]


def test_view_selection_meeting_brings_its_participants():
    sel = view.select_view(view_small_graph(), center="party/s", depth=2)
    # party -> Anna Berg -> meeting (2 hops); the meeting brings Kungsbacka along
    assert {"party/s", "person/anna-berg", "meeting/m1", "municipality/1384"} <= set(sel.nodes)


def test_view_selection_post_is_drawn_as_an_edge_to_the_ministry():
    sel = view.select_view(view_small_graph(), center="person/anna-berg", depth=1)
    assert "gov/fi" in sel.nodes


def test_view_selection_type_filter_keeps_the_center():
    kg = view_small_graph()
    sel = view.select_view(kg, center="person/anna-berg", depth=2, types=("Municipality",))
    assert set(sel.nodes) == {"person/anna-berg", "municipality/1384"}
    persons = view.select_view(kg, types=("Person",))
    assert set(persons.nodes) == {"person/anna-berg", "person/bo-ek"}  # a Minister is a Person


def test_view_selection_max_nodes_around_center_keeps_nearest():
    sel = view.select_view(view_small_graph(), center="meeting/m1", depth=3, max_nodes=3)
    assert "meeting/m1" in sel.nodes and len(sel.nodes) == 3 and sel.left_out > 0


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 12), st.sampled_from([(), ("Person",), ("Municipality", "Place")]),
       st.booleans(), st.integers(0, 3))
def test_view_selection_is_the_nearest_then_most_central(seed: int, max_nodes: int, types: tuple[str, ...],
                                                        around: bool, depth: int):
    """On random graphs, the selection is its definition: every node the view can draw (or the
    neighbourhood), of the classes asked for, sorted by (distance, -(view degree + documents), id),
    cut at max_nodes; the rest counted by main class."""
    import random
    rnd = random.Random(seed)
    kg = KnowledgeGraph()
    classes = [("Person",), ("Minister", "Person"), ("Municipality",), ("Place",), ("Organization",)]
    ids = [f"n/{i:02d}" for i in range(rnd.randint(2, 25))]
    for i, n in enumerate(ids):
        kg.add_node(n, "entity", rnd.choice(classes), label=n, docs=[f"document/d{j}" for j in range(rnd.randint(0, 4))])
    kg.add_node("meeting/m", "meeting", ("Meeting",), label="möte")
    for _ in range(rnd.randint(0, 40)):
        s, o = rnd.choice(ids + ["meeting/m"]), rnd.choice(ids)
        kg.add_edge(s, rnd.choice(["participant", "affiliatedWith", "locatedIn", "memberOf"]), o, view_ev())
    center = rnd.choice(ids) if around else None
    sel = view.select_view(kg, center=center, depth=depth, types=types, max_nodes=max_nodes)
    vg = view.view_graph(kg)
    dist = view._neighbourhood(vg, kg, center, depth) if center else {n: 0 for n in vg}
    cand = [n for n in dist if not types or n == center or set(types) & set(kg.node(n)["cls"])]
    cand.sort(key=lambda n: (dist[n], -(vg.degree(n) + len(kg.node(n).get("docs", []))), n))
    assert sel.nodes == sorted(cand[:max_nodes])
    assert (sel.candidates, sel.left_out, sel.total) == (len(cand), len(cand) - len(sel.nodes), len(vg.adj))
    rest: dict[str, int] = {}
    for n in cand[max_nodes:]:
        rest[view.main_class(kg.node(n))] = rest.get(view.main_class(kg.node(n)), 0) + 1
    assert sel.left_out_by_class == dict(sorted(rest.items(), key=lambda x: (-x[1], x[0])))


@pytest.mark.parametrize("given, cls", [("person", "Person"), ("Kommun", "Municipality"), ("LÄN", "County"),
                                        ("municipality", "Municipality")])
def test_view_normalise_types_accepts_english_and_swedish(given, cls):
    assert view.normalise_types(view_small_graph(), (given,)) == (cls,)


def test_view_normalise_types_unknown_is_usage_error():
    with pytest.raises(view.UsageError) as exc:
        view.normalise_types(view_small_graph(), ("Persn",))
    assert "Persn" in str(exc.value) and "Person" in str(exc.value) and exc.value.exit_code == 2


# ------------------------------------------------------------------ layout

def test_view_layout_positions_every_node_distinctly_and_deterministically():
    kg = view_star_graph(leaves=40, lone=7)
    vg = view.view_graph(kg)
    nodes = sorted(vg)
    pos = view.layout(nodes, list(vg.edges()))
    assert set(pos) == set(nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert len({(round(x, 2), round(y, 2)) for x, y in pos.values()}) == len(nodes)
    assert pos == view.layout(nodes, list(vg.edges()))
    assert pos == view.layout(list(nodes), list(reversed(list(vg.edges()))))


def test_view_layout_neighbours_are_closer_than_strangers():
    kg = view_star_graph(leaves=60, lone=0)  # the hub component uses the force layout (> RADIAL_UP_TO nodes)
    vg = view.view_graph(kg)
    pos = view.layout(sorted(vg), list(vg.edges()))

    def dist(a, b):
        return math.dist(pos[a], pos[b])
    edge_mean = sum(dist(a, b) for a, b in vg.edges()) / vg.number_of_edges()
    names = sorted(vg)
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    all_mean = sum(dist(a, b) for a, b in pairs) / len(pairs)
    assert edge_mean < all_mean


@pytest.mark.parametrize("spread", [0.01, 3.0, 40.0])
def test_view_near_pairs_are_exactly_the_pairs_within_the_distance(spread):
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(7)
    pos = rng.normal(0.0, spread, size=(300, 2))
    pos[5] = pos[4]  # two nodes on one spot
    pos[9] = pos[8] + [1.5, 0.0]  # exactly at the distance: kept
    pos[11] = pos[10] + [0.0, -1.5000001]  # just beyond it: not kept
    got = [tuple(sorted(map(int, p))) for p in view._near_pairs(pos, 1.5)]
    assert len(got) == len(set(got))  # each pair once
    want = {(i, j) for i in range(len(pos)) for j in range(i + 1, len(pos))
            if ((pos[i] - pos[j]) ** 2).sum() <= 1.5 ** 2}
    assert set(got) == want
    assert (4, 5) in want and (8, 9) in want and (10, 11) not in want
    assert len(view._near_pairs(pos[:1], 1.5)) == 0


def test_view_layout_of_a_big_component_uses_the_grid_and_keeps_neighbours_close(monkeypatch):
    pytest.importorskip("numpy")
    calls = []
    near_pairs = view._near_pairs
    monkeypatch.setattr(view, "_near_pairs", lambda pos, near: calls.append(len(pos)) or near_pairs(pos, near))
    kg = view_star_graph(leaves=0, lone=0)  # a chain of hubs with leaves: one component of > 800 nodes
    for h in range(30):
        kg.add_node(f"org/h{h}", "entity", ("Association",), label=f"Nav {h}")
        if h:
            kg.add_edge(f"org/h{h}", "affiliatedWith", f"org/h{h - 1}", view_ev())
        for i in range(30):
            kg.add_node(f"person/h{h}-{i}", "entity", ("Person",), label=f"Person {h}-{i}")
            kg.add_edge(f"person/h{h}-{i}", "memberOf", f"org/h{h}", view_ev())
    vg = view.view_graph(kg)
    nodes = sorted(vg)
    edges = list(vg.edges())
    pos = view.layout(nodes, edges)
    assert pos == view.layout(nodes, list(reversed(edges)))
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert len({(round(x, 2), round(y, 2)) for x, y in pos.values()}) == len(nodes)
    # a leaf sits nearer its own hub than the hubs at the far end of the chain
    near = sum(math.dist(pos[f"person/h{h}-{i}"], pos[f"org/h{h}"]) for h in range(30) for i in range(30))
    far = sum(math.dist(pos[f"person/h{h}-{i}"], pos[f"org/h{29 - h}"]) for h in range(10) for i in range(30))
    assert near / 900 < far / 300 / 3
    assert calls and set(calls) == {930} and view.EXACT_REPULSION_UP_TO < 930


def test_view_layout_without_numpy_falls_back_to_radial(monkeypatch):
    def no_numpy(*a, **k):
        raise ImportError("numpy")
    monkeypatch.setattr(view, "_force_layout", no_numpy)
    kg = view_star_graph(leaves=60, lone=3)
    vg = view.view_graph(kg)
    pos = view.layout(sorted(vg), list(vg.edges()))
    assert set(pos) == set(vg)
    assert len({(round(x, 2), round(y, 2)) for x, y in pos.values()}) == vg.number_of_nodes()


# ------------------------------------------------------------------ the page

def test_view_page_data_has_nodes_edges_and_facts_with_sources():
    page = view.render_html(view_small_graph())
    data = view_page_data(page)
    ids = [n["id"] for n in data["nodes"]]
    assert ids == sorted(ids) and len(ids) == 8
    assert ["person/anna-berg", "gov/fi", "civilminister"] in data["edges"]  # the post, drawn as an edge
    anna = next(n for n in data["nodes"] if n["id"] == "person/anna-berg")
    assert anna["cls"] == "Minister" and "Minister" in anna["classes"]
    facts = {(data["predicates"][f[0]], f[1] if f[1] is not None else data["nodes"][f[2]]["label"]) for f in anna["facts"]}
    assert ("medlem i", "Socialdemokraterna") in facts
    assert ("roll", "civilminister") in facts
    assert ("deltar i", "besök: Anna Berg, Kungsbacka kommun") in facts
    assert ("nämns i", "001_besok.txt") in facts
    assert any(p == "innehar post" and "civilminister (2019-10-01), Finansdepartementet" == o for p, o in facts)
    member = next(f for f in anna["facts"] if data["predicates"][f[0]] == "medlem i")
    doc, sentence, rule, conf = member[3][0]
    assert data["docs"][doc]["file"] == "001_besok.txt"
    assert data["sentences"][sentence] == "Anna Berg (S) kom på besök."
    assert data["rules"][rule] == "test.rule" and conf == 0.9
    post = next(f for f in anna["facts"] if data["predicates"][f[0]] == "innehar post")
    assert post[3][0][0] == -1  # reference data, not a document


def test_view_page_node_size_follows_degree():
    data = view_page_data(view.render_html(view_star_graph()))
    value = {n["id"]: n["value"] for n in data["nodes"]}
    assert value["org/hub"] > value["person/p0"] > value["place/0"]


def test_view_page_legend_counts_classes():
    data = view_page_data(view.render_html(view_small_graph()))
    assert dict(map(tuple, data["legend"])) == {"Minister": 1, "Person": 1, "Municipality": 2, "Ministry": 1,
                                                "PoliticalParty": 1, "Place": 1, "Meeting": 1}
    for cls, _ in data["legend"]:
        assert data["styles"][cls]["colour"].startswith("#") and data["styles"][cls]["shape"]


def test_view_page_says_what_was_left_out():
    data = view_page_data(view.render_html(view_star_graph(leaves=30, lone=10), max_nodes=5))
    assert len(data["nodes"]) == 5 and data["leftOut"] == 41 and data["candidates"] == 46
    # kept: the hub and the best-connected municipalities of the chain; the least connected go first
    assert data["leftOutByClass"] == [["Person", 30], ["Plats", 10], ["Kommun", 1]]


def view_probe_graph() -> KnowledgeGraph:
    kg = view_small_graph()
    kg.add_node("document/evil", "document", ("Document",), label=PROBE, file_name=PROBE, title=SCRIPT_PROBE)
    kg.add_node("person/probe", "entity", ("Person",), label=PROBE, alt_labels=[SCRIPT_PROBE, "a & b"],
                docs=["document/evil"])
    kg.add_edge("person/probe", "mentionedIn", "document/evil", view_ev("document/evil", SCRIPT_PROBE + " " + PROBE))
    kg.add_edge("person/probe", "memberOf", "party/s", view_ev("document/evil", "</script><script>alert(2)</script>"))
    kg.add_literal("person/probe", "role", "<b>onclick=alert(3)</b>", view_ev("document/evil", "x"))
    return kg


@pytest.mark.parametrize("center", [None, "person/probe"])
def test_view_page_escapes_untrusted_text(center):
    page = view.render_html(view_probe_graph(), center=center)
    vis_js = view._vis_js()
    outside = page.replace(vis_js, "")
    assert "<img" not in outside
    assert "<script>alert" not in outside and "</script><script>" not in outside
    assert outside.count("<script") == 3 and outside.count("</script>") == 3  # data, vis-network, app
    assert "<b>" not in outside
    data = view_page_data(page)
    assert any(n["label"] == PROBE for n in data["nodes"])  # the text survives, as text
    assert PROBE in [d["file"] for d in data["docs"]]
    assert "</script><script>alert(2)</script>" in data["sentences"]


def test_view_page_heading_is_escaped():
    page = view.render_html(view_probe_graph(), center="person/probe")
    assert "<title>kgraph: &lt;img src=x onerror=alert(1)&gt;</title>" in page
    assert '<h1 id="heading">kgraph: &lt;img src=x onerror=alert(1)&gt;</h1>' in page


def test_view_page_app_script_never_writes_html():
    for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert bad not in view.APP_JS


def test_view_page_has_strict_csp_with_script_hashes():
    page = view.render_html(view_small_graph())
    csp = html.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1))
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"]
    assert "http" not in csp and "*" not in csp
    scripts = view_inline_scripts(page)
    assert len(scripts) == 2
    for s in scripts:
        digest = base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in directives["script-src"]


def test_view_page_loads_nothing_from_outside():
    page = view.render_html(view_small_graph())
    outside = page.replace(view._vis_js(), "")
    assert not re.search(r"\b(src|href)\s*=", outside)
    assert "@import" not in outside and "url(" not in outside


def test_view_page_is_deterministic_and_survives_a_store_round_trip(tmp_path):
    kg = view_small_graph()
    first = view.render_html(kg)
    assert first == view.render_html(kg)
    kg.save(tmp_path / "graph.json")
    assert view.render_html(KnowledgeGraph.load(tmp_path)) == first


def test_view_write_html_is_utf8_and_reports_selection(tmp_path):
    path = tmp_path / "sub" / "v.html"
    sel = view.write_html(view_small_graph(), path, center="person/anna-berg", depth=1)
    text = path.read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in text and "Söderhamns kommun" not in text.split("kgraph-data")[0]
    assert sel.center == "person/anna-berg" and "person/anna-berg" in sel.nodes
    assert "Anna Berg" in view_page_data(text)["title"]


def test_view_empty_graph_still_renders():
    data = view_page_data(view.render_html(KnowledgeGraph()))
    assert data["nodes"] == [] and data["edges"] == []


def test_view_sample_build_page_has_people_and_municipalities(sample_build):
    data = view_page_data(sample_build.html_path.read_text(encoding="utf-8"))
    classes = {n["cls"] for n in data["nodes"]}
    assert {"Municipality"} <= classes and classes & {"Person", "Minister"}
    drawable = [n for n, d in sample_build.graph.nodes() if d["kind"] in ("entity", "meeting", "topic")]
    assert len(data["nodes"]) == len(drawable)
    assert any(f[3] and f[3][0][0] >= 0 for n in data["nodes"] for f in n["facts"])  # facts cite documents
    assert all(d["file"].endswith(".txt") for d in data["docs"])


# ------------------------------------------------------------------ CLI

@pytest.fixture(scope="module")
def view_store(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("view_store")
    view_small_graph().save(out / "graph.json")
    return out


def view_cli(*args) -> Result:
    return CliRunner().invoke(main, ["view", *map(str, args)])


def test_view_cli_writes_the_neighbourhood(view_store, tmp_path):
    out = tmp_path / "anna.html"
    result = view_cli("anna berg", "--graph", view_store, "--html", out, "--depth", "1")
    assert result.exit_code == 0, result.output
    data = view_page_data(out.read_text(encoding="utf-8"))
    assert data["center"] == "person/anna-berg"
    assert {n["id"] for n in data["nodes"]} == {"person/anna-berg", "party/s", "meeting/m1", "municipality/1384", "gov/fi"}
    assert str(out) in result.stderr and "5 nodes" in result.stderr


def test_view_cli_default_output_is_view_html_in_graph_folder(view_store):
    result = view_cli("--graph", view_store)
    assert result.exit_code == 0, result.output
    assert len(view_page_data((view_store / "view.html").read_text(encoding="utf-8"))["nodes"]) == 8


def test_view_cli_type_and_max_nodes(view_store, tmp_path):
    out = tmp_path / "v.html"
    result = view_cli("--graph", view_store, "--type", "Municipality", "--type", "Person", "--max-nodes", "3",
                      "--html", out)
    assert result.exit_code == 0, result.output
    data = view_page_data(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 3 and data["leftOut"] == 1
    assert {n["cls"] for n in data["nodes"]} <= {"Municipality", "Person", "Minister"}
    assert "1 less central left out" in result.stderr


@pytest.mark.parametrize("args, code, words", [
    (["Civilministern"], 1, ["fits 2 entities", "person/anna-berg", "person/bo-ek"]),
    (["Greta Garbo"], 1, ["'Greta Garbo'", "no entity"]),
    (["--type", "Persn"], 2, ["Persn", "unknown class"]),
    (["--max-nodes", "0"], 2, ["--max-nodes"]),
    (["--depth", "-1"], 2, ["--depth"]),
])
def test_view_cli_bad_input_is_one_line_error(view_store, tmp_path, args, code, words):
    result = view_cli(*args, "--graph", view_store, "--html", tmp_path / "x.html")
    assert result.exit_code == code
    err = result.stderr.strip()
    assert "Traceback" not in result.output + result.stderr
    for w in words:
        assert w in err
    if code == 1:
        assert len(err.splitlines()) == 1 and err.startswith("kgraph: error:")
    assert not (tmp_path / "x.html").exists()


def test_view_cli_missing_build_is_one_line_error(tmp_path):
    result = view_cli("--graph", tmp_path / "nothing")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "graph.json missing" in result.stderr


def test_view_cli_on_sample_build(sample_build, tmp_path):
    out = tmp_path / "micko.html"
    result = view_cli("lena micko", "--graph", sample_build.out, "--html", out, "--depth", "2")
    assert result.exit_code == 0, result.stderr
    data = view_page_data(out.read_text(encoding="utf-8"))
    assert data["center"] == "person/lena-micko"
    assert any(n["cls"] == "Meeting" for n in data["nodes"])


@pytest.mark.parametrize("few", [view.FEW_ENDS, 5])  # the hub's edges read in one go, or per predicate
def test_view_side_panel_lists_at_most_the_cap_per_predicate_and_counts_the_rest(monkeypatch, tmp_path, few):
    monkeypatch.setattr(view, "FEW_ENDS", few)
    kg = view_star_graph(leaves=view.MAX_FACTS_SHOWN + 7)
    page = view.render_html(kg, center="org/hub", depth=1, max_nodes=10)
    core = DiskGraph(tmp_path / "core.sqlite")  # the same graph on disk: the same page
    for n, d in kg.sorted_nodes():
        core.add_node(n, d["kind"], d["cls"], label=d["label"])
    for s, o, p, d in kg.sorted_edges():
        core.add_edge(s, p, o, d["evidence"])
    assert view.render_html(core, center="org/hub", depth=1, max_nodes=10) == page
    data = view_page_data(page)
    hub = next(n for n in data["nodes"] if n["label"] == "Navet")
    members = [f for f in hub["facts"] if data["predicates"][f[0]] == "har som medlem"]
    assert len(members) == view.MAX_FACTS_SHOWN + 1
    assert members[-1][1] == "… och 7 till (alla: kgraph query show)" and members[-1][3] == []


# ------------------------------------------------------------------ a view around a node, read node by node

def _core(sample_build):
    from kgraph.graph import open_graph
    return open_graph(sample_build.out)  # the build's graph core on disk


@pytest.mark.parametrize("share", [0, 10 ** 9])
def test_local_projection_answers_as_the_whole_projection(sample_build, monkeypatch, share):
    """Node by node (a share never reached), and from the whole projection read at the first node
    asked about (a share reached at once): every drawable node's neighbours, degree, main class and
    documents as view_graph has them."""
    monkeypatch.setattr(view, "WHOLE_PROJECTION_SHARE", share)
    kg = _core(sample_build)
    whole = view.view_graph(kg)
    local = view.LocalProjection(kg)
    drawable = sorted(whole)
    assert len(drawable) > 50
    for n in drawable:
        assert n in local
        assert sorted(local.neighbors(n)) == sorted(whole.neighbors(n)), n
        assert local.degree(n) == whole.degree(n) and local.main[n] == whole.main[n] and local.docs[n] == whole.docs[n]
    assert local.number_of_nodes() == whole.number_of_nodes()
    assert (local.whole is not None) == (share > 0)
    documents = [n for n, _ in kg.nodes(kind="document")]
    assert documents and not any(d in local for d in documents) and "no/such-node" not in local


def test_a_view_around_a_node_chooses_as_with_the_whole_projection(sample_build):
    kg = _core(sample_build)
    whole = view.view_graph(kg)
    holders = sorted({s for s, _, _ in kg.edge_keys(("holdsPost",))})
    centres = [n for n in sorted(whole) if whole.degree(n) > 2][:12] + holders[:3]
    assert len(centres) >= 10
    for c in centres:
        for depth, types, hubs in ((1, (), False), (2, (), False), (2, ("Person",), True), (0, (), False)):
            a = view.select_view(kg, c, depth, types, 25, through_hubs=hubs)
            b = view.select_view(kg, c, depth, types, 25, whole, through_hubs=hubs)
            assert a == b, (c, depth, types)
            assert view.drawn_edges(kg, a.nodes) == _drawn_edges_by_scan(kg, a.nodes)


def _drawn_edges_by_scan(kg, nodes):
    """The edges between ``nodes`` from every edge of the graph (what drawn_edges read before)."""
    keep = set(nodes)
    pairs: dict = {}
    for s, p, o in kg.edge_keys(view.DRAWN):
        if s in keep and o in keep and s != o:
            pairs.setdefault((s, o), set()).add(view.PREDICATE_SV.get(p, (p, p))[0])
    for h, o, post in view._post_links(kg):
        if h in keep and o in keep and h != o:
            pairs.setdefault((h, o), set()).add(str(kg.node(post).get("label") or "post"))
    return [[s, o, ", ".join(sorted(ps))] for (s, o), ps in sorted(pairs.items())]


def test_names_are_resolved_in_the_store_beside_the_core(sample_build):
    from kgraph.names import StoreIndex
    kg = _core(sample_build)
    index = view.name_index(kg)
    assert isinstance(index, StoreIndex)

    def answer(typed, idx):
        try:
            return view.resolve_name(kg, typed, idx)
        except (view.UnknownNameError, view.AmbiguousNameError) as exc:
            return f"{type(exc).__name__}: {exc}"

    answers = {t: answer(t, index) for t in ("micko", "Lena Micko", "söder", "Region Halland", "SmåKom",
                                             "Lena Mikko", "lena", "xyzzy")}
    assert answers == {t: answer(t, None) for t in answers}
    assert answers["Lena Micko"] == "person/lena-micko" and answers["xyzzy"].startswith("UnknownNameError")
    assert view.name_index(KnowledgeGraph.load(sample_build.out)) is None  # graph.json only: no store
