"""Every CSV the CLI writes is safe to open in a spreadsheet (OWASP's rule against CSV injection);
on a real build of the sample corpus with one file named like a formula."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main

REPO = Path(__file__).resolve().parent.parent


def runner() -> CliRunner:
    """A runner that keeps stderr apart (click 8.1 needs asking; 8.2+ always does)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def formula_build(tmp_path_factory) -> Path:
    """The samples, one of them under a file name a spreadsheet would run as a formula."""
    from kgraph.pipeline import build
    src = tmp_path_factory.mktemp("formula") / "korpus"
    src.mkdir()
    for p in sorted((REPO / "data" / "corpus").iterdir()):
        name = '=HYPERLINK("http-example",1)+' + p.name if p.name.startswith("000_") else p.name
        shutil.copy(p, src / name)
    out = src.parent / "out"
    build([src], out, html=False)
    return out


def csv_cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def is_plain_number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


@pytest.mark.parametrize("args, shows_file", [
    (["query", "entities", "--limit", "0"], True), (["query", "show", "Lena Micko"], True),
    (["query", "show", "Kungsbacka"], True), (["query", "neighbors", "Lisa Andersson", "--depth", "2"], True),
    (["query", "path", "Lisa Andersson", "micko"], True), (["query", "meetings"], True), (["query", "topics"], True),
    (["query", "central"], True), (["stats"], False),
    (["sparql", 'SELECT ?a ?b ?c ?d ?e ?f WHERE { BIND("=1+2" AS ?a) BIND("@SUM(A1)" AS ?b) BIND("-3" AS ?c) '
                'BIND(" \\t=cmd" AS ?d) BIND(-2.5 AS ?e) BIND("+ 1" AS ?f) }'], False),
    (["sparql", "SELECT ?file ?l WHERE { ?d kgo:fileName ?file . ?e kgo:mentionedIn ?d ; rdfs:label ?l }"], True),
])
def test_csv_cells_are_never_formulas(formula_build, args, shows_file):
    res = runner().invoke(main, [*args, "--format", "csv", "--graph", str(formula_build)])
    assert res.exit_code == 0, (res.output, res.exception)
    cells = csv_cells(res.stdout)
    assert len(cells) > 2
    risky = [c for c in cells if c.startswith(FORMULA_START) and not is_plain_number(c)]
    assert risky == [], risky
    # the file name (in the sources column, or selected), made harmless
    assert any(c.startswith("'=HYPERLINK(") for c in cells) == shows_file


def test_csv_prefix_and_plain_numbers(formula_build):
    q = ('SELECT ?a ?b ?c ?d ?e WHERE { BIND("=1+2" AS ?a) BIND("@SUM(A1)" AS ?b) BIND("-3" AS ?c) '
         'BIND(-2.5e3 AS ?d) BIND("-participant->" AS ?e) }')
    res = runner().invoke(main, ["sparql", q, "--format", "csv", "--graph", str(formula_build)])
    assert list(csv.reader(io.StringIO(res.stdout)))[1] == ["'=1+2", "'@SUM(A1)", "-3", "-2500", "'-participant->"]


def _ndjson_strings(text: str) -> list[str]:
    def walk(x):
        if isinstance(x, str):
            yield x
        elif isinstance(x, dict):
            for v in x.values():
                yield from walk(v)
        elif isinstance(x, list):
            for v in x:
                yield from walk(v)
    import json
    return [s for line in text.splitlines() for s in walk(json.loads(line))]


@pytest.mark.parametrize("fmt", ["tsv", "ndjson"])
@pytest.mark.parametrize("args", [
    ["query", "entities", "--limit", "0"], ["query", "show", "Lena Micko"], ["query", "meetings"],
    ["query", "met", "Lena Micko"], ["query", "neighbors", "Lisa Andersson", "--depth", "2"],
    ["query", "path", "Lisa Andersson", "micko"],
    ["sparql", 'SELECT ?a ?b ?f WHERE { BIND("=1+2" AS ?a) BIND("@SUM(A1)" AS ?b) ?d kgo:fileName ?f }'],
])
def test_tsv_and_ndjson_cells_are_never_formulas(formula_build, args, fmt):
    """TSV and JSON Lines go into spreadsheets too: the same rule as CSV (kgraph's csv_cell)."""
    res = runner().invoke(main, [*args, "--format", fmt, "--graph", str(formula_build)])
    assert res.exit_code == 0, (res.output, res.exception)
    cells = ([c for line in res.stdout.splitlines() for c in line.split("\t")] if fmt == "tsv"
             else _ndjson_strings(res.stdout))
    assert len(cells) > 2
    risky = [c for c in cells if c.startswith(FORMULA_START) and not is_plain_number(c)]
    assert risky == [], risky
    if args[0] != "query" or args[1] in ("entities", "show", "meetings", "met"):
        assert any(c.startswith("'=HYPERLINK(") for c in cells)
