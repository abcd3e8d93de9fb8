"""The read commands, through the CLI, on the build of the sample corpus (data/corpus)."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main

MICKO = "person/lena-micko"
KUNGSBACKA = "municipality/1384"
SODERHAMN = "municipality/2182"
LISA = "person/lisa-andersson"
JOHN_ERIK = "person/john-erik-jansson"


@pytest.fixture(scope="session")
def graph(sample_build) -> Path:
    """The sample corpus, built once per session (conftest's ``sample_build``); its store is read here."""
    assert (sample_build.out / "store" / "CURRENT").is_file()
    return sample_build.out


def make_runner() -> CliRunner:
    """A runner that keeps stderr apart (click 8.1 needs asking; 8.2+ always does)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture(scope="session")
def run(graph: Path):
    runner = make_runner()

    def invoke(*args: str, code: int = 0):
        res = runner.invoke(main, [*args, "--graph", str(graph)])
        assert res.exit_code == code, (res.exit_code, res.output, res.exception)
        if code:
            assert "Traceback" not in res.output
        return res
    return invoke


def js(res) -> object:
    return json.loads(res.stdout)


def rows_csv(res) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(res.stdout)))


# ------------------------------------------------------------------ meetings
def test_meetings_with_minister_include_kungsbacka_and_soderhamn(run):
    res = js(run("query", "meetings", "--with", "Lena Micko", "--format", "json"))
    involved = {e["id"] for m in res["rows"] for e in m["places"] + m["participants"]}
    assert {KUNGSBACKA, SODERHAMN} <= involved
    assert all(MICKO in {p["id"] for p in m["participants"]} for m in res["rows"])
    for m in res["rows"]:
        assert m["sources"], m
        assert all(s["file_name"].endswith(".txt") and s["sentence"] for s in m["sources"])
    # the short form and the title find the same meetings
    short = js(run("query", "meetings", "--with", "micko", "--format", "json"))
    assert [m["meeting"]["id"] for m in short["rows"]] == [m["meeting"]["id"] for m in res["rows"]]


def test_meetings_table_shows_places_and_sources(run):
    out = run("query", "meetings", "--with", "micko").stdout
    assert out.splitlines()[0].split() == ["DATE", "DATE_SOURCE", "KIND", "STATUS", "PLACE", "PARTICIPANTS",
                                           "TOPICS", "ID"]
    assert "Kungsbacka kommun" in out and "Söderhamns kommun" in out
    assert 'source: 000_07bb5765c09292c2.txt: "' in out


def test_meetings_with_two_names_and_place(run):
    both = js(run("query", "meetings", "--with", "micko", "--with", "kungsbackas", "--format", "json"))
    assert both["rows"] and all(KUNGSBACKA in {p["id"] for p in m["participants"]} for m in both["rows"])
    at = js(run("query", "meetings", "--place", "söderhamn", "--format", "json"))
    assert at["rows"] and all(SODERHAMN in {p["id"] for p in m["places"]} for m in at["rows"])
    rows = rows_csv(run("query", "meetings", "--with", "micko", "--format", "csv"))
    assert rows and set(rows[0]) >= {"date", "kind", "place", "participants", "id", "sources"}
    assert any("Söderhamns kommun" in r["place"] for r in rows)


def test_meetings_bad_date_is_a_usage_error(run):
    res = run("query", "meetings", "--since", "last week", code=2)
    assert "YYYY-MM-DD" in res.stderr


# ------------------------------------------------------------------ path
def test_path_between_officials_passes_the_minister(run):
    answer = js(run("query", "path", "Lisa Andersson", "John-Erik Jansson", "--format", "json"))
    paths = answer["rows"]
    assert paths and answer["total"] == len(paths)
    for p in paths:
        hops = p["hops"]
        assert hops[0]["start"]["id"] == LISA and hops[-1]["end"]["id"] == JOHN_ERIK
        assert all(a["end"]["id"] == b["start"]["id"] for a, b in zip(hops, hops[1:]))
        assert all(h["sources"] for h in hops)
        assert len(hops) == len(paths[0]["hops"])  # all of the shortest length
    assert any(MICKO in {h["end"]["id"] for h in p["hops"]} for p in paths)


def test_path_table_and_csv(run):
    out = run("query", "path", "andersson", "jansson").stdout
    assert out.startswith("path 1 of") and "Lena Micko" in out and "source: " in out
    rows = rows_csv(run("query", "path", "andersson", "jansson", "--format", "csv"))
    assert rows[0]["path"] == "1" and rows[0]["from_id"] == LISA and rows[0]["sources"]


def test_officials_belong_to_different_municipalities(run):
    def municipalities(name: str) -> set[str]:
        facts = js(run("query", "show", name, "--format", "json"))["facts"]
        return {f["other"]["id"] for f in facts
                if f["predicate"] == "affiliatedWith" and f["other"]["id"].startswith("municipality/")}
    assert KUNGSBACKA in municipalities("Lisa Andersson")
    assert SODERHAMN in municipalities("John-Erik Jansson")


def test_path_errors(run):
    assert "same entity" in run("query", "path", "micko", "Lena Micko", code=2).stderr
    assert "no entity named" in run("query", "path", "micko", "Ingen Alls", code=1).stderr


# ------------------------------------------------------------------ show and names
@pytest.mark.parametrize("typed", ["söderhamn", "Söderhamns kommun", "SÖDERHAMNS", "soderhamn"])
def test_show_resolves_typed_forms(run, typed: str):
    assert js(run("query", "show", typed, "--format", "json"))["entity"]["id"] == SODERHAMN


def test_show_short_forms(run):
    assert js(run("query", "show", "kungsbackas", "--format", "json"))["entity"]["id"] == KUNGSBACKA
    assert js(run("query", "show", "micko", "--format", "json"))["entity"]["id"] == MICKO


def test_show_gives_sources(run):
    d = js(run("query", "show", "micko", "--format", "json"))
    assert "Minister" in d["entity"]["classes"]
    sourced = [f for f in d["facts"] if f["sources"] and f["sources"][0]["file_name"]]
    assert sourced, d["facts"]
    assert all(s["sentence"] for f in sourced for s in f["sources"])
    assert any(f["predicate"] == "participant" and f["direction"] == "in" for f in d["facts"])
    assert {s["file_name"] for s in d["documents"]} >= {"000_07bb5765c09292c2.txt", "002_33d475eeadbb856c.txt"}
    out = run("query", "show", "Lena Micko").stdout
    assert out.startswith("Lena Micko\nid: person/lena-micko\n")
    assert 'source: 000_07bb5765c09292c2.txt: "' in out and "mentioned in:" in out
    rows = rows_csv(run("query", "show", "micko", "--format", "csv"))
    assert rows and all(r["entity"] == MICKO for r in rows) and any(r["sources"] for r in rows)


def test_ambiguous_name_exits_1_with_candidates(run):
    res = run("query", "show", "Malin", code=1)
    assert "ambiguous" in res.stderr
    assert "Malin Aronsson" in res.stderr and "Malin Thurfjell" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    run("query", "meetings", "--with", "malin", code=1)


def test_unknown_name_exits_1(run):
    res = run("query", "show", "Greta Okänd", code=1)
    assert res.stderr.startswith("kgraph: error: no entity named 'Greta Okänd'")
    run("query", "neighbors", "Greta Okänd", code=1)
    run("query", "show", "'; DROP TABLE node; --", code=1)


# ------------------------------------------------------------------ neighbours, entities, central, topics
def test_neighbors_of_minister(run):
    one = js(run("query", "neighbors", "micko", "--format", "json"))
    assert one["about"]["id"] == MICKO
    assert all(n["distance"] == 1 and n["sources"] for n in one["rows"])
    assert any(n["entity"]["id"].startswith("meeting/") for n in one["rows"])
    two = js(run("query", "neighbors", "micko", "--depth", "2", "--type", "person", "--format", "json"))
    met = {n["entity"]["id"]: n for n in two["rows"]}
    assert {LISA, JOHN_ERIK} <= set(met)
    assert met[LISA]["distance"] == 2 and met[LISA]["via"]["id"].startswith("meeting/")
    assert all("Person" in n["entity"]["classes"] for n in two["rows"])
    out = run("query", "neighbors", "micko", "--depth", "2").stdout
    assert out.splitlines()[0].split() == ["HOPS", "LABEL", "CLASSES", "ID", "RELATION", "VIA"]
    rows = rows_csv(run("query", "neighbors", "Lisa Andersson", "--format", "csv"))
    # read from the neighbour: "Kungsbacka kommun <-affiliatedWith- Lisa Andersson"
    assert ("<-affiliatedWith-", LISA) in {(r["relation"], r["via_id"]) for r in rows if r["id"] == KUNGSBACKA}


def test_entities_filters(run):
    rows = js(run("query", "entities", "--type", "Person", "--search", "ANDERSSON", "--format", "json"))["rows"]
    assert [r["entity"]["id"] for r in rows] == [LISA]
    assert rows[0]["sources"][0]["file_name"] == "000_07bb5765c09292c2.txt"
    munis = rows_csv(run("query", "entities", "--type", "municipality", "--format", "csv"))
    assert {KUNGSBACKA, SODERHAMN} <= {r["id"] for r in munis}
    kommuner = rows_csv(run("query", "entities", "--type", "Kommun", "--format", "csv"))  # Swedish, as in view
    assert [r["id"] for r in kommuner] == [r["id"] for r in munis]
    err = run("query", "entities", "--type", "Kommn", code=2).stderr
    assert "--type 'Kommn': unknown class; did you mean: Municipality?" in err


def test_central(run):
    rows = js(run("query", "central", "--top", "5", "--format", "json"))["rows"]
    assert len(rows) == 5
    assert [r["degree"] for r in rows] == sorted((r["degree"] for r in rows), reverse=True)
    people = js(run("query", "central", "--type", "Person", "--top", "3", "--format", "json"))["rows"]
    assert people[0]["entity"]["id"] == MICKO  # the minister met the most people
    assert run("query", "central").stdout.splitlines()[0].startswith("RANK")


def test_topics(run):
    rows = js(run("query", "topics", "--format", "json"))["rows"]
    assert all(r["meetings"] + r["documents"] >= 0 and r["topic"]["id"].startswith("topic/") for r in rows)
    with_micko = js(run("query", "topics", "--with", "micko", "--format", "json"))
    assert with_micko["about"]["id"] == MICKO
    assert all(r["meetings"] + r["documents"] > 0 for r in with_micko["rows"])
    assert run("query", "topics", "--format", "csv").stdout.startswith("topic,meetings,documents,id")


# ------------------------------------------------------------------ sparql and stats
def test_sparql_select_with_bound_value_matches_meetings(run):
    q = "SELECT ?m ?n WHERE { ?m kgo:participant ?p . ?p rdfs:label ?n }"
    rows = js(run("sparql", q, "--bind", "n=Lena Micko", "--format", "json"))["rows"]
    mids = {r["m"].rsplit("/id/", 1)[1] for r in rows}
    meets = js(run("query", "meetings", "--with", "micko", "--format", "json"))["rows"]
    assert mids == {m["meeting"]["id"] for m in meets}
    # a value is bound as a literal, never pasted: quotes and braces in it do no harm
    assert js(run("sparql", q, "--bind", 'n=x" } ?s ?p ?o . { "', "--format", "json")) == \
        {"rows": [], "total": 0, "about": None}
    out = run("sparql", q, "--bind", "n=Lena Micko").stdout
    assert out.split()[:2] == ["M", "N"] and "kg:meeting/" in out
    assert rows_csv(run("sparql", q, "--bind", "n=Lena Micko", "--format", "csv"))[0]["n"] == "Lena Micko"


def test_sparql_ask_construct_file_and_errors(run, tmp_path: Path):
    assert run("sparql", "ASK { ?p a kgo:Minister ; rdfs:label \"Lena Micko\" }").stdout.strip() == "true"
    assert js(run("sparql", "ASK { ?p a ?t }", "--bind", "t=kgo:Nonexistent", "--format", "json")) == \
        {"boolean": False}
    ttl = run("sparql", "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a kgo:Minister ; rdfs:label ?l }").stdout
    import rdflib
    g = rdflib.Graph().parse(data=ttl, format="turtle")
    assert (rdflib.URIRef("https://w3id.org/kgraph/id/" + MICKO), rdflib.RDFS.label,
            rdflib.Literal("Lena Micko")) in g
    qf = tmp_path / "count.rq"
    qf.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    n = int(rows_csv(run("sparql", f"@{qf}", "--format", "csv"))[0]["n"])
    assert n == js(run("stats", "--format", "json"))["triples"]
    err = run("sparql", "SELEKT nothing", code=2).stderr
    assert err.startswith("kgraph: error: SPARQL syntax error") and len(err.strip().splitlines()) == 1
    assert "cannot read" in run("sparql", f"@{tmp_path / 'missing.rq'}", code=2).stderr
    assert "SELECT" in run("sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--bind", "o=x", code=2).stderr


def test_stats(run, graph: Path):
    s = js(run("stats", "--format", "json"))
    assert s["documents"] == 5 and s["meetings"] > 0 and s["entities_by_class"]["Municipality"] >= 2
    import rdflib
    assert s["triples"] == len(rdflib.Graph().parse(graph / "graph.ttl", format="turtle"))
    assert "documents" in run("stats").stdout


def test_missing_graph_folder_is_one_line_error(tmp_path: Path):
    res = make_runner().invoke(main, ["query", "show", "micko", "--graph", str(tmp_path / "nothing")])
    assert res.exit_code == 1 and "no such folder" in res.stderr and "Traceback" not in res.output
    res = make_runner().invoke(main, ["stats", "--graph", str(tmp_path)])
    assert res.exit_code == 1 and "kgraph build" in res.stderr


def test_limit_reports_what_is_left_out(run):
    res = run("query", "neighbors", "micko", "--limit", "1")
    assert len(res.stdout.strip().splitlines()) >= 2  # header, one row and its sources
    assert res.stderr.startswith("(showing 1 of ")
    assert run("query", "neighbors", "micko", "--limit", "0").stderr == ""


def test_whom_one_met_is_sourced_by_the_words_naming_each_of_them(sample_build):
    """Every row of met quotes, for each meeting, a sentence naming the one met (the participant
    edge's evidence), not the meeting's first mention, which names someone else as often as not."""
    from kgraph.query import met, open_store
    res = met(open_store(sample_build.out), "micko", type="Person")
    assert res.rows
    for row in res.rows:
        surname = row.entity.label.split()[-1]
        for m in row.meetings:
            texts = [s.sentence for s in m.sources if s.sentence]
            assert texts and all(surname in t for t in texts), (row.entity.label, texts)


def test_no_connection_is_an_empty_answer(run):
    """Two entities with no path within --max-hops: an empty answer like any other (exit 0, said on
    stderr, an empty rows list in JSON), not an error."""
    res = run("query", "path", "Lisa Andersson", "John-Erik Jansson", "--max-hops", "1", "--format", "json")
    assert js(res) == {"rows": [], "total": 0, "about": None, "hubs": []}
    assert "no connection between Lisa Andersson and John-Erik Jansson within 1 hops" in res.stderr


def test_a_topic_finds_meetings_about_topics_two_levels_below_it(tmp_path):
    """--topic offentlig förvaltning finds a meeting about statlig tillsyn, which lies under statlig
    förvaltning, which lies under it, though no document names the topic between."""
    from kgraph.pipeline import build
    from kgraph.query import meetings, open_store
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Besök i två kommuner\n\nCivilminister Lena Micko besökte den 10 februari 2021 Håbo "
                               "kommun. De diskuterade länsstyrelsens tillsyn.\n\nDen 11 februari 2021 besökte Lena "
                               "Micko Habo kommun för att tala om offentlig förvaltning.\n", encoding="utf-8")
    build([src], tmp_path / "out")
    st = open_store(tmp_path / "out")
    places = {p.id for r in meetings(st, topic="offentlig förvaltning").rows for p in r.places}
    assert places == {"municipality/0305", "municipality/0643"}


def test_a_class_takes_in_its_subclasses(run):
    """--type Organization (or organisation) lists municipalities, parties and associations, each
    once: nodes carry their own classes only; the vocabulary says what lies under what."""
    orgs = js(run("query", "entities", "--type", "organisation", "--limit", "0", "--format", "json"))
    ids = [r["entity"]["id"] for r in orgs["rows"]]
    assert len(ids) == len(set(ids)) == orgs["total"]
    classes = {c for r in orgs["rows"] for c in r["entity"]["classes"]}
    assert {"Municipality", "PoliticalParty"} <= classes and "Person" not in classes
    people = js(run("query", "entities", "--type", "Person", "--limit", "0", "--format", "json"))["rows"]
    assert len({r["entity"]["id"] for r in people}) == len(people)  # a minister (Person, Minister) once
    central = js(run("query", "central", "--type", "Organization", "--format", "json"))["rows"]
    assert central and all(set(r["entity"]["classes"]) & classes for r in central)


def test_table_cells_are_cut_on_a_terminal_only(monkeypatch):
    from kgraph import cli_query

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setitem(cli_query._OUTPUT, "wide", False)
    monkeypatch.setattr(sys, "stdout", Terminal())
    assert cli_query.cell_width() == cli_query.MAX_CELL
    monkeypatch.setitem(cli_query._OUTPUT, "wide", True)  # --wide
    assert cli_query.cell_width() is None
    monkeypatch.setitem(cli_query._OUTPUT, "wide", False)
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # a pipe or a file
    assert cli_query.cell_width() is None
    monkeypatch.setattr(sys, "stdout", None)  # no stdout at all (pythonw)
    assert cli_query.cell_width() is None
