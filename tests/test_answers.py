"""Answers a journalist can trust and read (issue 15, items 2, 3, 5, 6), through the CLI on real
builds: the sample corpus (data/corpus), and a few invented documents written here.

* places roll up: a venue lies in its municipality, a municipality in its county, and
  ``meetings --place`` follows that chain; ``show`` and the view give it;
* an empty answer says so on stderr (exit 0), an impossible date is a usage error (exit 2);
* ``neighbors`` beyond the first hop does not go through hubs unless asked, and ``query met``
  answers "whom did X meet" from meetings;
* a meeting the text leaves undated is found by its document's date, marked as such; datelines
  above and below the text give that date;
* tables are never cut when piped, ``--wide`` shows whole cells on a terminal, TSV and JSON Lines
  besides JSON and CSV, SPARQL's JSON in the shape of every answer, ids that paste back.
"""
from __future__ import annotations

import csv
import io
import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main

KARLSHAMN_MEETING = "meeting/da75ba085426081d-113-0"  # "Plats: Lokstallarna, Karlshamn", 2012-12-07
LOKSTALLARNA = "place/lokstallarna"
KARLSHAMN = "municipality/1082"
BLEKINGE = "county/10"


def make_runner() -> CliRunner:
    """A runner that keeps stderr apart (click 8.1 needs asking; 8.2+ always does)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


def invoker(graph: Path):
    runner = make_runner()

    def invoke(*args: str, code: int = 0):
        res = runner.invoke(main, [*args, "--graph", str(graph)])
        assert res.exit_code == code, (res.exit_code, res.output, res.exception)
        assert "Traceback" not in res.output
        return res
    return invoke


@pytest.fixture(scope="module")
def run(sample_build):
    return invoker(sample_build.out)


#: invented documents: a meeting, a party shared with people never met, a venue in a municipality,
#: a reference building, and a visit the text leaves undated under a dateline below the text
INVENTED = {
    "a.txt": "Kommunalrådet Berit Provsdotter (S) i Ronneby träffade näringslivschef Carl Testlund på tisdagen "
             "den 4 maj 2021 för ett möte om bredband.\n\nMötet hölls i Folkets hus i Ronneby.\n",
    "b.txt": "Oppositionsrådet Doris Påhittad (S) i Tingsryd och kommunalrådet Erik Låtsasson (S) i Tingsryd "
             "talade om skolan.\n",
    "c.txt": "Besök av landshövdingen\n\nLandshövdingen besökte Ronneby kommun och träffade kommundirektör Frida "
             "Exempelberg. De talade om kollektivtrafik och bostäder.\n\nRonneby den 12 mars 2020\n",
    "d.txt": "Plats: Kulturhuset Provet, Tingsryd\n\nKommunstyrelsens ordförande Gustav Prövning (C) i Tingsryd "
             "deltog i ett seminarium om landsbygdsutveckling den 9 juni 2021.\n\nRegeringen tog emot Gustav "
             "Prövning i Rosenbad den 10 juni 2021 för ett möte om skolan.\n",
}


@pytest.fixture(scope="module")
def invented(tmp_path_factory) -> Path:
    from kgraph.pipeline import build
    src = tmp_path_factory.mktemp("invented") / "docs"
    src.mkdir()
    for name, text in INVENTED.items():
        (src / name).write_text(text, encoding="utf-8")
    out = src.parent / "out"
    build([src], out, html=False, jobs=1)
    return out


@pytest.fixture(scope="module")
def inv(invented):
    return invoker(invented)


def js(res) -> object:
    return json.loads(res.stdout)


# ------------------------------------------------------------------ item 2: places roll up
@pytest.mark.parametrize("place", ["karlshamn", "Karlshamns kommun", "blekinge", "Blekinge län", "lokstallarna"])
def test_meetings_at_a_venue_are_found_by_its_municipality_and_county(run, place):
    rows = js(run("query", "meetings", "--place", place, "--format", "json"))["rows"]
    assert [r["meeting"]["id"] for r in rows] == [KARLSHAMN_MEETING]
    assert rows[0]["date"] == "2012-12-07" and [p["id"] for p in rows[0]["places"]] == [LOKSTALLARNA]


def test_show_gives_the_chain_of_places(run):
    d = js(run("query", "show", "Lokstallarna", "--format", "json"))
    assert [x["id"] for x in d["located_in"]] == [KARLSHAMN, BLEKINGE]
    fact = next(f for f in d["facts"] if f["predicate"] == "locatedIn")
    assert fact["other"]["id"] == KARLSHAMN and fact["sources"][0]["sentence"] == "Plats: Lokstallarna, Karlshamn"
    out = run("query", "show", "Lokstallarna").stdout
    assert "located in: Karlshamns kommun  municipality/1082\n            Blekinge län       county/10" in out
    meeting = js(run("query", "show", KARLSHAMN_MEETING, "--format", "json"))
    assert [x["id"] for x in meeting["located_in"]] == [LOKSTALLARNA, KARLSHAMN, BLEKINGE]
    assert "held at: Lokstallarna" in run("query", "show", KARLSHAMN_MEETING).stdout


def test_empty_answer_says_so_on_stderr_and_exits_0(run):
    res = run("query", "meetings", "--place", "karlshamn", "--since", "2013")
    assert res.stdout == ""
    assert res.stderr.strip() == "no meetings match --place karlshamn --since 2013"
    res = run("query", "meetings", "--place", "karlshamn", "--since", "2013", "--format", "json")
    assert js(res) == {"rows": [], "total": 0, "about": None, "hubs": []}
    assert run("query", "meetings", "--topic", "digitalisering", "--place", "blekinge",
               "--format", "csv").stdout.startswith("date,date_source,kind,")


@pytest.mark.parametrize("args, says", [
    (["--since", "2021-13-01"], "--since '2021-13-01': no such date"),
    (["--until", "2021-02-30"], "--until '2021-02-30': no such date"),
    (["--since", "2021-00"], "--since '2021-00': no such date"),
    (["--since", "2021-06", "--until", "2021-05-31"], "--since 2021-06 is after --until 2021-05-31"),
])
def test_impossible_dates_are_usage_errors(run, args, says):
    res = run("query", "meetings", *args, code=2)
    assert res.stderr.startswith("kgraph: error: " + says) and res.stdout == ""
    run("query", "met", "micko", *args, code=2)


def test_a_venue_lies_where_the_text_says_and_a_building_where_reference_data_says(inv):
    folkets = js(inv("query", "show", "Folkets hus", "--format", "json"))
    assert [x["id"] for x in folkets["located_in"]] == ["municipality/1081", BLEKINGE]  # "i Ronneby"
    kultur = js(inv("query", "show", "Kulturhuset Provet", "--format", "json"))
    assert [x["id"] for x in kultur["located_in"]] == ["municipality/0763", "county/07"]  # ", Tingsryd"
    rosenbad = js(inv("query", "show", "Rosenbad", "--format", "json"))
    assert [x["id"] for x in rosenbad["located_in"]] == ["municipality/0180", "county/01"]
    assert {s["rule"] for f in rosenbad["facts"] if f["predicate"] == "locatedIn" for s in f["sources"]} == \
        {"reference.places"}
    seminar = js(inv("query", "meetings", "--place", "Kronobergs län", "--format", "json"))["rows"]
    assert [(m["date"], m["places"][0]["id"]) for m in seminar] == [("2021-06-09", "place/kulturhuset-provet")]


def test_the_view_gives_the_chain_and_swedish_kinds_and_statuses(sample_build, tmp_path):
    page = tmp_path / "v.html"
    res = make_runner().invoke(main, ["view", "--graph", str(sample_build.out), "--html", str(page)])
    assert res.exit_code == 0, res.output
    text = page.read_text(encoding="utf-8")
    data = json.loads(text.split('id="kgraph-data">', 1)[1].split("</script>", 1)[0])
    nodes = {n["id"]: dict(map(tuple, n["attrs"])) for n in data["nodes"]}
    assert nodes[LOKSTALLARNA]["Ligger i"] == "Karlshamns kommun › Blekinge län"
    assert nodes[KARLSHAMN_MEETING]["Plats"] == "Lokstallarna › Karlshamns kommun › Blekinge län"
    kinds = {a.get("Typ av möte") for a in nodes.values()} - {None}
    statuses = {a.get("Status") for a in nodes.values()} - {None}
    assert {"digitalt möte", "besök"} <= kinds and statuses <= {"planerat", "genomfört", "inställt"}
    assert "digital_meeting" not in kinds and "held" not in statuses


# ------------------------------------------------------------------ item 3: hubs and "met"
def test_neighbours_beyond_the_first_hop_do_not_go_through_a_party(inv):
    res = inv("query", "neighbors", "Berit Provsdotter", "--depth", "2", "--type", "Person", "--format", "json")
    data = js(res)
    assert {r["entity"]["id"] for r in data["rows"]} == {"person/carl-testlund", "person/frida-exempelberg"}
    assert [h["id"] for h in data["hubs"]] == ["party/s"]
    assert "(not gone through 1 hub: Socialdemokraterna; --through-hubs follows them)" in \
        inv("query", "neighbors", "Berit Provsdotter", "--depth", "2").stderr
    through = js(inv("query", "neighbors", "Berit Provsdotter", "--depth", "2", "--type", "Person",
                     "--through-hubs", "--format", "json"))
    assert {r["entity"]["id"] for r in through["rows"]} >= {"person/doris-pahittad", "person/erik-latsasson",
                                                            "person/carl-testlund"}
    assert through["hubs"] == []
    # the first hop is always followed: the party's own members
    assert {r["entity"]["id"] for r in js(inv("query", "neighbors", "Socialdemokraterna", "--format", "json"))
            ["rows"]} >= {"person/berit-provsdotter", "person/doris-pahittad"}


def test_a_node_with_many_links_is_a_hub_too(invented):
    from kgraph.query import neighbors
    ids = {r.entity.id for r in neighbors(invented, "Berit Provsdotter", depth=2, type="Person").rows}
    assert "person/frida-exempelberg" in ids  # through Ronneby kommun (few links)
    few = neighbors(invented, "Berit Provsdotter", depth=2, type="Person", hub_degree=2)
    assert {r.entity.id for r in few.rows} == {"person/carl-testlund"}
    assert "municipality/1081" in {h.id for h in few.hubs}


def test_view_does_not_draw_through_hubs_unless_asked(invented, tmp_path):
    def drawn(*extra: str) -> set[str]:
        page = tmp_path / "v.html"
        res = make_runner().invoke(main, ["view", "Berit Provsdotter", "--depth", "2", "--graph", str(invented),
                                          "--html", str(page), *extra])
        assert res.exit_code == 0, res.output
        text = page.read_text(encoding="utf-8")
        return {n["id"] for n in json.loads(text.split('id="kgraph-data">', 1)[1].split("</script>", 1)[0])["nodes"]}
    assert "person/doris-pahittad" not in drawn() and "party/s" in drawn()
    assert "person/doris-pahittad" in drawn("--through-hubs")


def test_met_answers_whom_someone_met_from_meetings(run):
    rows = js(run("query", "met", "Lena Micko", "--format", "json"))
    assert rows["about"]["id"] == "person/lena-micko"
    by_id = {r["entity"]["id"]: r for r in rows["rows"]}
    assert {"person/lisa-andersson", "person/john-erik-jansson", "municipality/2182"} <= set(by_id)
    assert "person/lena-micko" not in by_id and "person/nora-suni" not in by_id  # her press secretary: no meeting
    john = by_id["person/john-erik-jansson"]["meetings"]
    assert [(m["date"], m["date_source"], m["meeting_kind"]) for m in john] == [("2021-03-25", "text",
                                                                                 "digital_meeting")]
    assert john[0]["sources"][0]["file_name"] == "002_33d475eeadbb856c.txt"
    # a period: the undated Kungsbacka visit (its document has no date either) drops out
    since = {r["entity"]["id"] for r in js(run("query", "met", "micko", "--since", "2021", "--format", "json"))
             ["rows"]}
    assert "person/john-erik-jansson" in since and "person/lisa-andersson" not in since
    people = js(run("query", "met", "micko", "--type", "Person", "--format", "json"))["rows"]
    assert people and all("Person" in r["entity"]["classes"] for r in people)
    table = run("query", "met", "micko").stdout
    assert table.splitlines()[0].split() == ["LABEL", "CLASSES", "MEETINGS", "DATES", "ID"]
    assert 'source: 002_33d475eeadbb856c.txt: "Kommunalrådet John-Erik Jansson' in table
    empty = run("query", "met", "micko", "--since", "2030")
    assert empty.stdout == "" and empty.stderr.strip() == "no meetings with Lena Micko match --since 2030"


# ------------------------------------------------------------------ item 5: dates
def test_undated_meetings_are_found_by_their_documents_date_and_marked(run):
    rows = js(run("query", "meetings", "--since", "2012-12", "--until", "2012-12", "--format", "json"))["rows"]
    got = [(r["date"], r["date_source"], r["meeting_kind"]) for r in rows]
    # the meeting the text dates, then the two seminars it does not date, under "PRESSMEDDELANDE 2012-12-05"
    assert got == [("2012-12-07", "text", "meeting"), ("2012-12-05", "document", "seminar"),
                   ("2012-12-05", "document", "seminar")]
    out = run("query", "meetings", "--since", "2012-12-05", "--until", "2012-12-05", "--format", "csv").stdout
    assert [r["date_source"] for r in csv.DictReader(io.StringIO(out))] == ["document", "document"]
    # the graph itself keeps them undated
    assert js(run("query", "show", rows[1]["meeting"]["id"], "--format", "json"))["attributes"].get("date") is None


def test_a_dateline_below_the_text_dates_the_document(inv):
    rows = js(inv("query", "meetings", "--since", "2020-03", "--until", "2020-03", "--format", "json"))["rows"]
    assert [(r["date"], r["date_source"]) for r in rows] == [("2020-03-12", "document")]
    assert "person/frida-exempelberg" in {p["id"] for p in rows[0]["participants"]}


# ------------------------------------------------------------------ item 6: readable output
def test_piped_tables_are_never_cut(run):
    out = run("query", "meetings").stdout
    rows = [line for line in out.splitlines() if not line.startswith(" ")]
    assert not any(c.strip().endswith("…") for line in rows for c in line.split("  "))
    assert "Söderhamns kommun, Alexandra Gard, John-Erik Jansson, Lena Micko, Malin Thurfjell" in out


def _on_terminal(args: list[str], graph: Path) -> str:
    """Run kgraph with its stdout on a pseudo-terminal, as a person at a terminal sees it."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "300", "LINES": "50"}
    proc = subprocess.Popen([sys.executable, "-m", "kgraph", *args, "--graph", str(graph)], stdout=follower,
                            stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_wide_shows_whole_cells_on_a_terminal(sample_build):
    cut = _on_terminal(["query", "meetings"], sample_build.out)
    cells = [c.strip() for line in cut.splitlines() if not line.startswith(" ") for c in line.split("  ")]
    assert "Malin Thurfje…" in cut and max(len(c) for c in cells) == 80
    wide = _on_terminal(["query", "meetings", "--wide"], sample_build.out)
    rows = [line for line in wide.splitlines() if not line.startswith(" ")]
    assert not any(c.strip().endswith("…") for line in rows for c in line.split("  "))
    assert "John-Erik Jansson, Lena Micko, Malin Thurfjell, " in wide


def test_tsv_and_ndjson(run):
    total = js(run("query", "meetings", "--format", "json"))["total"]
    lines = run("query", "meetings", "--format", "ndjson").stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == total and {r["meeting"]["id"] for r in rows} >= {KARLSHAMN_MEETING}
    assert all(set(r) >= {"date", "date_source", "participants", "sources"} for r in rows)
    tsv = run("query", "meetings", "--format", "tsv").stdout.splitlines()
    header = tsv[0].split("\t")
    assert header == ["date", "date_source", "kind", "status", "place", "participants", "topics", "id", "sources"]
    assert len(tsv) == total + 1 and all(len(line.split("\t")) == len(header) for line in tsv)
    facts = [json.loads(x) for x in run("query", "show", "lokstallarna", "--format", "ndjson").stdout.splitlines()]
    assert {(f["entity"], f["predicate"]) for f in facts} >= {(LOKSTALLARNA, "locatedIn")}
    hops = [json.loads(x) for x in run("query", "path", "Lisa Andersson", "micko", "--format", "ndjson")
            .stdout.splitlines()]
    assert hops and hops[0]["path"] == 1 and hops[0]["hop"] == 1 and hops[0]["start"]["id"] == "person/lisa-andersson"
    stats = run("stats", "--format", "ndjson").stdout.splitlines()
    assert len(stats) == 1 and json.loads(stats[0])["documents"] == 5


def test_sparql_json_has_the_shape_of_every_answer_with_numbers_as_numbers(run):
    q = ("SELECT ?m (COUNT(?p) AS ?n) (AVG(1.5) AS ?avg) (true AS ?yes) (\"7\" AS ?text) "
         "WHERE { ?m kgo:participant ?p } GROUP BY ?m ORDER BY DESC(?n) ?m LIMIT 2")
    data = js(run("sparql", q, "--format", "json"))
    assert set(data) == {"rows", "total", "about"} and data["total"] == 2 and data["about"] is None
    first = data["rows"][0]
    assert isinstance(first["n"], int) and first["n"] >= 7 and first["avg"] == 1.5 and first["yes"] is True
    assert first["text"] == "7" and first["m"].startswith("https://w3id.org/kgraph/id/meeting/")
    lines = [json.loads(x) for x in run("sparql", q, "--format", "ndjson").stdout.splitlines()]
    assert lines == data["rows"]
    assert run("sparql", q, "--format", "tsv").stdout.splitlines()[0] == "m\tn\tavg\tyes\ttext"


def test_ids_in_tables_paste_back_into_a_command(run):
    table = run("query", "meetings", "--place", "blekinge").stdout.splitlines()
    assert table[0].split()[-1] == "ID"
    pasted = table[1].split()[-1]
    assert pasted == KARLSHAMN_MEETING
    assert js(run("query", "show", pasted, "--format", "json"))["entity"]["id"] == KARLSHAMN_MEETING
    # SPARQL's table writes node IRIs as kg:…, error messages list candidates as [id]: both paste back
    sp = run("sparql", "SELECT ?p WHERE { ?p rdfs:label \"Lena Micko\" }").stdout.splitlines()[1].strip()
    assert sp == "kg:person/lena-micko"
    for typed in (sp, "[person/lena-micko]", "kg:person\\/lena-micko"):
        assert js(run("query", "show", typed, "--format", "json"))["entity"]["id"] == "person/lena-micko"
    neighbours = run("query", "neighbors", "Lokstallarna").stdout.splitlines()
    assert neighbours[0].split()[:4] == ["HOPS", "LABEL", "CLASSES", "ID"]
    assert KARLSHAMN in neighbours[1].split() or KARLSHAMN in neighbours[3].split()
