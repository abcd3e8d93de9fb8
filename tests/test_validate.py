"""``kgraph validate``: SHACL against ontology/shapes.ttl without inference,
a readable report, and exit code 4 on violations."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.validate import ShapeViolationsError, load_graph, validate_graph, validate_path

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

BROKEN = """\
@prefix kgo: <https://w3id.org/kgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/kgraph/id/meeting/m1> a kgo:Meeting ; kgo:meetingKind "party" ;
    kgo:mentionedIn <https://w3id.org/kgraph/id/document/d1> ;
    kgo:participant <https://w3id.org/kgraph/id/person/a> .
<https://w3id.org/kgraph/id/person/a> a kgo:Person, kgo:Minister ; rdfs:label "Anna A", "Anna B" ;
    kgo:role "Civilminister" .
<https://w3id.org/kgraph/id/municipality/12> a kgo:Municipality ; rdfs:label "Tolv kommun" ; kgo:scbCode "12" .
<https://w3id.org/kgraph/id/document/d1> a kgo:Document ; kgo:fileName "d1.txt" ; kgo:contentHash "abc" .
<https://w3id.org/kgraph/id/evidence/e1> a kgo:Evidence ; kgo:source <https://w3id.org/kgraph/id/document/d1> ;
    kgo:rule "r" ;
    kgo:confidence "0.9"^^xsd:double ; kgo:startOffset 9 ; kgo:endOffset 3 .
"""


def test_sample_build_conforms(sample_build):
    report = validate_path(sample_build.out)
    assert report.conforms, report.text()
    assert report.source.endswith("graph.ttl") and report.triples > 500
    assert "conforms to ontology/shapes.ttl" in report.text()


def test_graph_json_is_validated_through_its_rdf(sample_build, tmp_path):
    shutil.copy(sample_build.json_path, tmp_path / "graph.json")
    report = validate_path(tmp_path)  # no graph.ttl: graph.json is read
    assert report.source.endswith("graph.json") and report.conforms, report.text()
    assert validate_path(tmp_path / "graph.json").triples == report.triples


def test_cli_exit_zero_when_conforming(sample_build):
    res = CliRunner().invoke(main, ["validate", "--graph", str(sample_build.out)])
    assert res.exit_code == 0, res.output
    assert "conforms" in res.output


def test_violations_are_reported_readably(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(BROKEN, encoding="utf-8")
    report = validate_path(path)
    assert not report.conforms
    messages = {v.message for v in report.errors}
    expected = [
        "exactly one kgo:meetingKind",  # "party" is not a meeting kind
        "exactly one rdfs:label",  # two labels
        "lower-case titles",  # "Civilminister"
        "scbCode of four digits",  # "12"
        "kgo:contentHash: a SHA-256 digest",  # "abc"
        "exactly one rdf:predicate",  # evidence without the statement
        "xsd:decimal from 0 to 1",  # a double confidence
        "not after kgo:endOffset",  # 9 > 3
    ]
    for e in expected:
        assert any(e in m for m in messages), f"no violation mentions {e!r}: {sorted(messages)}"
    text = report.text()
    assert text.splitlines()[0].startswith(f"{path}: ") and "violation(s)" in text.splitlines()[0]
    assert 'kg:person/a ("Anna' in text and 'kgo:role = "Civilminister"' in text
    assert 'kg:municipality/12 ("Tolv kommun")  kgo:scbCode = "12"' in text


def test_same_as_must_be_a_wikidata_item(tmp_path):
    path = tmp_path / "sameas.ttl"
    path.write_text("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<http://example.org/a> owl:sameAs "
                    "<http://www.wikidata.org/entity/Q12>, <http://dbpedia.org/resource/X>, \"Q5\" .\n",
                    encoding="utf-8")
    report = validate_path(path)
    assert sorted(v.value for v in report.errors) == ['"Q5"', "<http://dbpedia.org/resource/X>"]


def test_cli_exit_code_4_and_one_error_line(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(BROKEN, encoding="utf-8")
    res = CliRunner().invoke(main, ["validate", "--graph", str(path), "--examples", "1"])
    assert res.exit_code == ShapeViolationsError.exit_code == 4
    assert "Traceback" not in res.output
    assert res.output.rstrip().splitlines()[-1].startswith(f"kgraph: error: {path}: ")
    assert "SHACL violation(s)" in res.output


def test_dataset_graphs_are_validated_together(sample_build, tmp_path):
    from kgraph.export import export
    trig = export(sample_build.graph, "trig", tmp_path / "graph.trig")
    g, _ = load_graph(trig)
    assert len(g) > 500
    assert validate_graph(g).conforms


@pytest.mark.parametrize("name,content,needle", [
    ("bad.ttl", "this is not turtle <", "not valid turtle"),
    ("bad.nt", "<a> <b> .\n", "not valid nt"),
    ("graph.xyz", "", "cannot tell the RDF format"),
])
def test_unreadable_input_is_a_clear_error(tmp_path, name, content, needle):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    res = CliRunner().invoke(main, ["validate", "--graph", str(path)])
    assert res.exit_code == 1
    assert res.output.startswith("kgraph: error:") and needle in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_missing_graph(tmp_path):
    res = CliRunner().invoke(main, ["validate", "--graph", str(tmp_path / "none")])
    assert res.exit_code == 1 and "no such file or folder" in res.output
    res = CliRunner().invoke(main, ["validate", "--graph", str(tmp_path)])
    assert res.exit_code == 1 and "run 'kgraph build' first" in res.output


def test_a_date_that_does_not_exist_is_reported_without_rdflib_traceback(sample_build, tmp_path):
    """rdflib logs a literal that is no value of its datatype with a Python traceback: validate
    keeps that out and reports through the shapes (exit 4)."""
    text = sample_build.turtle_path.read_text(encoding="utf-8")
    dates = sorted(set(re.findall(r'"(\d{4}-\d{2}-\d{2})"\^\^xsd:date', text)))
    assert dates
    broken = tmp_path / "datum.ttl"
    broken.write_text(text.replace(f'"{dates[0]}"^^xsd:date', '"2021-02-29"^^xsd:date'), encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "kgraph", "validate", "--graph", str(broken)],
                         capture_output=True, text=True)  # as users run it: rdflib's log goes to stderr
    assert res.returncode == 4
    assert "Traceback" not in res.stderr and "day is out of range" not in res.stderr
    assert res.stderr.strip().splitlines()[-1].startswith("kgraph: error: ")
    assert 'not a valid xsd:date: no such value' in res.stdout and '"2021-02-29"' in res.stdout


def test_ill_typed_literals_are_violations_of_their_own(tmp_path):
    """A value that is none of its datatype ("tre"^^xsd:integer) fails validation, named as such, even
    where no shape checks that property's datatype."""
    path = tmp_path / "typ.ttl"
    path.write_text('@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
                    '<https://w3id.org/kgraph/id/x> <https://example.org/antal> "tre"^^xsd:integer .\n',
                    encoding="utf-8")
    report = validate_path(path)
    assert not report.conforms
    assert [v.message for v in report.violations] == ["not a valid xsd:integer: no such value"]


@pytest.mark.parametrize("text", ['{"bad": 1}', "[1, 2]"])
def test_a_json_file_not_of_kgraph_is_named_as_such(tmp_path, text):
    """validate (and every command that reads a graph.json) says the file is not kgraph's, not
    that a 'graph store format None' is unsupported."""
    path = tmp_path / "annan.json"
    path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["validate", "--graph", str(path)])
    assert res.exit_code == 1
    assert f"{path}: not a graph.json written by kgraph" in res.output and "None" not in res.output
