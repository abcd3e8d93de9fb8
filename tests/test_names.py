"""One name resolver for every command (kgraph.names): the same names find the same entity, and the
same two errors (ambiguous: the candidates; unknown: the closest names) come from ``kgraph query``,
``kgraph view`` and ``kgraph sparql --bind VAR=@NAME``, on the build of the sample corpus."""
from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import CliRunner, Result

from kgraph import names
from kgraph.cli import main
from kgraph.errors import UsageError
from kgraph.query import open_store

MICKO = "person/lena-micko"
SODERHAMN = "municipality/2182"
KUNGSBACKA = "municipality/1384"
SPARQL_ONE = "SELECT ?e WHERE { ?e rdfs:label ?l }"


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture(scope="module")
def cli(sample_build, tmp_path_factory) -> Callable[..., Result]:
    runner = _runner()
    html = tmp_path_factory.mktemp("names") / "view.html"

    def invoke(*args: str, code: int = 0) -> Result:
        extra = ["--html", str(html)] if args[0] == "view" else []
        res = runner.invoke(main, [*args, *extra, "--graph", str(sample_build.out)])
        assert res.exit_code == code, (res.exit_code, res.output, res.exception)
        assert "Traceback" not in res.output
        return res
    return invoke


# what each command says the name stood for
def _by_show(cli, name: str) -> str:
    return json.loads(cli("query", "show", name, "--format", "json").stdout)["entity"]["id"]


def _by_neighbors(cli, name: str) -> str:
    rows = json.loads(cli("query", "neighbors", name, "--format", "json").stdout)["rows"]
    return {r["via"]["id"] for r in rows if r["distance"] == 1}.pop()


def _by_topics(cli, name: str) -> str:
    return json.loads(cli("query", "topics", "--with", name, "--format", "json").stdout)["about"]["id"]


def _by_view(cli, name: str) -> str:
    err = cli("view", name).stderr
    return err.split(" around ", 1)[1].split(" ", 1)[0]


def _by_sparql(cli, name: str) -> str:
    rows = json.loads(cli("sparql", SPARQL_ONE, "--bind", f"e=@{name}", "--format", "json").stdout)["rows"]
    assert len({r["e"] for r in rows}) == 1
    return rows[0]["e"].removeprefix("https://w3id.org/kgraph/id/")


COMMANDS = {"query show": _by_show, "query neighbors": _by_neighbors, "query topics --with": _by_topics,
            "view": _by_view, "sparql --bind": _by_sparql}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("typed, expected", [
    ("micko", MICKO),                         # a surname (view failed on it before)
    ("LENA MICKO", MICKO),                    # case
    ("lena", MICKO),                          # the only Lena: a given name when unique
    ("söder", SODERHAMN),                     # a unique prefix (query failed on it before)
    ("Soderhamns kommun", SODERHAMN),         # accents
    ("kungsbackas", KUNGSBACKA),              # genitive
    ("municipality/1384", KUNGSBACKA),        # node id
    ("https://w3id.org/kgraph/id/person/lena-micko", MICKO),  # IRI
])
def test_every_command_resolves_a_name_to_the_same_entity(cli, command: str, typed: str, expected: str):
    assert COMMANDS[command](cli, typed) == expected


ERRORS = {
    "query show": lambda name: ("query", "show", name),
    "query neighbors": lambda name: ("query", "neighbors", name),
    "query path": lambda name: ("query", "path", name, "Lisa Andersson"),
    "query meetings --with": lambda name: ("query", "meetings", "--with", name),
    "view": lambda name: ("view", name),
    "sparql --bind": lambda name: ("sparql", SPARQL_ONE, "--bind", f"e=@{name}"),
}


@pytest.mark.parametrize("command", ERRORS)
def test_a_typo_gets_the_closest_names(cli, command: str):
    err = cli(*ERRORS[command]("Lena Mikko"), code=1).stderr
    assert err == ("kgraph: error: no entity named 'Lena Mikko' in this graph; "
                   "did you mean: Lena Micko [person/lena-micko]?\n")


@pytest.mark.parametrize("command", ERRORS)
def test_an_ambiguous_name_lists_the_candidates(cli, command: str):
    err = cli(*ERRORS[command]("malin"), code=1).stderr
    assert err == ("kgraph: error: 'malin' is ambiguous, it fits 2 entities: Malin Aronsson "
                   "[person/malin-aronsson]; Malin Thurfjell [person/malin-thurfjell]; give a fuller name or "
                   "one of the ids\n")


def test_nothing_close_says_how_to_list_names(cli):
    err = cli("query", "show", "Xyzzy Qwerty", code=1).stderr
    assert "no entity named 'Xyzzy Qwerty'" in err and "kgraph query entities --search TEXT" in err


def test_generic_word_prefers_its_class(cli):
    assert _by_show(cli, "Gävleborgs län") == "county/21"
    assert _by_show(cli, "Söderhamns kommun") == SODERHAMN


def test_sparql_bind_double_at_is_a_string(cli):
    rows = json.loads(cli("sparql", "SELECT ?x WHERE { }", "--bind", "x=@@micko",
                          "--format", "json").stdout)["rows"]
    assert rows == [{"x": "@micko"}]


@pytest.mark.parametrize("typed", ["Kommun", "kommun", "Municipality", "municipality"])
def test_type_takes_swedish_and_english_class_names_everywhere(cli, typed: str):
    munis = json.loads(cli("query", "entities", "--type", typed, "--format", "json", "--limit", "0").stdout)
    ids = {r["entity"]["id"] for r in munis["rows"]}
    assert {SODERHAMN, KUNGSBACKA} <= ids and all(i.startswith("municipality/") for i in ids)
    central = json.loads(cli("query", "central", "--type", typed, "--format", "json").stdout)["rows"]
    assert central and all("Municipality" in r["entity"]["classes"] for r in central)
    near = json.loads(cli("query", "neighbors", "micko", "--depth", "2", "--type", typed, "--format",
                          "json").stdout)["rows"]
    assert KUNGSBACKA in {r["entity"]["id"] for r in near}
    assert "wrote" in cli("view", "--type", typed).stderr


@pytest.mark.parametrize("args", [("query", "entities", "--type", "Kommn"), ("view", "--type", "Kommn")])
def test_a_misspelt_class_is_a_usage_error_with_the_closest(cli, args):
    err = cli(*args, code=2).stderr
    assert "--type 'Kommn': unknown class; did you mean: Municipality?" in err


def test_library_resolvers_agree(sample_build):
    """The store's index and the in-memory one (the view's library API) give the same answers."""
    st = open_store(sample_build.out)
    mem = names.graph_index(sample_build.graph)
    for typed in ("micko", "söder", "kungsbackas", "Stockholms län", "lena", "Region Halland"):
        try:
            a = names.resolve(names.store_index(st), typed).id
        except names.UnknownNameError:
            a = "unknown"
        try:
            b = names.resolve(mem, typed).id
        except names.UnknownNameError:
            b = "unknown"
        assert a == b, typed
    with pytest.raises(UsageError):
        names.resolve(mem, "   ")


def test_close_matches_best_first(sample_build):
    st = open_store(sample_build.out)
    near = names.close_matches(names.store_index(st), "Lisa Anderson")
    assert near[0].id == "person/lisa-andersson"



def test_names_that_differ_only_in_accents_resolve_as_written(tmp_path):
    """Håbo kommun and Habo kommun fold to the same letters: the one written as asked is meant
    (exactly, in any case, or the short form); only a spelling of neither stays ambiguous."""
    from kgraph.graph import open_graph
    from kgraph.pipeline import build
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Civilministern på resa\n\nCivilminister Lena Micko besökte den 10 februari 2021 "
                               "Håbo kommun.\n\nDagen efter besökte Lena Micko Habo kommun.\n", encoding="utf-8")
    build([src], tmp_path / "out")
    st = open_store(tmp_path / "out")
    for index in (names.store_index(st), names.graph_index(open_graph(tmp_path / "out"))):
        for typed, expected in (("Håbo kommun", "municipality/0305"), ("HÅBO KOMMUN", "municipality/0305"),
                                ("håbo", "municipality/0305"), ("Habo kommun", "municipality/0643"),
                                ("Habo", "municipality/0643")):
            assert names.resolve(index, typed).id == expected, typed
        with pytest.raises(names.AmbiguousNameError):
            names.resolve(index, "Hàbo")
