"""`kgraph build` through click.testing.CliRunner: outputs, summary, bad input."""
from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kgraph.cli import main

BINARY = bytes(range(256)) * 8  # NUL bytes and every control character: not text


def _invoke(*args):
    return CliRunner().invoke(main, ["build", *map(str, args)])


@pytest.fixture(scope="module")
def cli_sample_run(tmp_path_factory, sample_corpus_dir):
    out = tmp_path_factory.mktemp("cli_build")
    return _invoke(sample_corpus_dir, "--out", out), out


def _assert_one_line_error(result, name, code=1):
    """Exit code, no traceback (the CLI exited on purpose), one line on stderr naming the file."""
    assert isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0]
    assert "Traceback" not in result.output


# ------------------------------------------------------------------ a good build

def test_cli_build_sample_exits_zero(cli_sample_run):
    result, _ = cli_sample_run
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["graph.ttl", "graph.html", "graph.json"])
def test_cli_build_sample_writes_output_file(cli_sample_run, name):
    _, out = cli_sample_run
    assert (out / name).is_file() and (out / name).stat().st_size > 0


@pytest.mark.parametrize("word", ["documents", "entities", "meetings"])
def test_cli_build_summary_on_stderr_mentions(cli_sample_run, word):
    result, _ = cli_sample_run
    assert word in result.stderr


def test_cli_build_summary_counts_five_documents(cli_sample_run):
    result, _ = cli_sample_run
    assert "documents: 5" in result.stderr


def test_cli_build_ends_with_what_to_do_next(cli_sample_run):
    """The hints name the page and commands that work on this build, with its most connected person."""
    result, out = cli_sample_run
    tail = result.stderr.split("next:\n", 1)[1].splitlines()
    assert tail[0] == f"  open {out / 'graph.html'} in a browser (works offline)"
    assert f"  kgraph query show 'Lena Micko' --graph {out}" in tail
    show = shlex.split(next(line for line in tail if "query show" in line))[1:]
    res = CliRunner().invoke(main, show)
    assert res.exit_code == 0 and res.stdout.startswith("Lena Micko\nid: person/lena-micko\n")


def test_cli_build_writes_nothing_on_stdout(cli_sample_run):
    result, _ = cli_sample_run
    assert result.stdout == ""


def test_cli_build_html_is_self_contained(cli_sample_run):
    _, out = cli_sample_run
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "cdn" not in html.lower() and "<script src=\"http" not in html


# ------------------------------------------------------------------ bad input

def test_cli_build_missing_path_is_one_line_error(tmp_path):
    missing = tmp_path / "no_such_folder"
    _assert_one_line_error(_invoke(missing, "--out", tmp_path / "out"), "no_such_folder")


def test_cli_build_empty_folder_is_one_line_error(tmp_path):
    empty = tmp_path / "empty_corpus"
    empty.mkdir()
    _assert_one_line_error(_invoke(empty, "--out", tmp_path / "out"), "empty_corpus")


def test_cli_build_binary_file_alone_is_one_line_error(tmp_path):
    binary = tmp_path / "scan_0001.txt"
    binary.write_bytes(BINARY)
    _assert_one_line_error(_invoke(binary, "--out", tmp_path / "out"), "scan_0001.txt")


def test_cli_build_binary_file_beside_good_file_exits_3_and_names_it(tmp_path, sample_corpus_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = sorted(sample_corpus_dir.glob("*.txt"))[0]
    shutil.copy(good, corpus / good.name)
    (corpus / "scan_0001.txt").write_bytes(BINARY)
    result = _invoke(corpus, "--out", tmp_path / "out")
    assert result.exit_code == 3, result.output
    assert "scan_0001.txt" in result.stderr
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_cli_build_no_input_without_default_corpus_is_one_line_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a folder without data/corpus
    result = CliRunner().invoke(main, ["build", "--out", "out"])
    _assert_one_line_error(result, "data/corpus")


@pytest.mark.parametrize("failure", ["missing", "empty", "binary"])
def test_cli_build_failure_leaves_earlier_graph_untouched(tmp_path, sample_build, failure):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("graph.ttl", "graph.html", "graph.json"):
        shutil.copy(sample_build.out / name, out / name)
    before = (out / "graph.ttl").read_bytes()
    bad = tmp_path / "bad_input"
    if failure == "empty":
        bad.mkdir()
    elif failure == "binary":
        bad = tmp_path / "bad_input.txt"
        bad.write_bytes(BINARY)
    result = _invoke(bad, "--out", out)
    assert result.exit_code == 1
    assert (out / "graph.ttl").read_bytes() == before


# ------------------------------------------------------------------ entry points

def test_cli_module_runs_as_script():
    # `python -m kgraph.cli ...` is how the quality tests drive the scorer
    proc = subprocess.run([sys.executable, "-m", "kgraph.cli", "--help"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0
    assert "build" in proc.stdout


def test_cli_help_lists_build():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and "build" in result.output


@pytest.mark.parametrize("value", ["nan", "inf", "1e400", "2000000"])
def test_a_max_seconds_that_is_no_number_of_seconds_is_a_usage_error(tmp_path, sample_corpus_dir, value):
    """NaN, infinity and values the interval timer cannot hold: exit 2 and one line, before
    anything is read (they used to reach the timer and end in a traceback)."""
    result = _invoke(sample_corpus_dir, "--out", tmp_path / "out", "--max-seconds", value, "--rebuild")
    _assert_one_line_error(result, "--max-seconds", code=2)
    assert not (tmp_path / "out").exists()


def test_a_file_name_with_a_line_break_or_an_escape_sequence_is_shown_escaped(tmp_path, sample_corpus_dir):
    """A name can hold anything but "/" and NUL: the summary still has one line per skipped file,
    and neither it nor a source line of kgraph query can fake a line or send an escape sequence."""
    src = tmp_path / "in"
    src.mkdir()
    name = "rapport\nskipped fejk.txt: \x1b[31mröd\u202eexe.txt"
    (src / name).write_bytes((sample_corpus_dir / "000_07bb5765c09292c2.txt").read_bytes())
    (src / "tom\nfil.txt").write_bytes(b"")
    res = _invoke(src, "--out", tmp_path / "out")
    assert res.exit_code == 3
    skipped = [line for line in res.stderr.splitlines() if line.startswith("skipped")]
    assert skipped == [f"skipped {src}/tom\\nfil.txt: empty file"]
    assert "\x1b" not in res.stderr and "\u202e" not in res.stderr
    shown = CliRunner().invoke(main, ["query", "show", "Lena Micko", "--graph", str(tmp_path / "out")])
    assert shown.exit_code == 0
    sources = [line for line in shown.output.splitlines() if "source:" in line and "reference data" not in line]
    assert sources and all("rapport\\nskipped fejk.txt: \\x1b[31mröd\\u202eexe.txt" in line for line in sources)
    assert "\x1b" not in shown.output and not any(line.startswith("skipped") for line in shown.output.splitlines())


def test_graph_naming_a_file_of_the_build_says_which_folder_is_meant(cli_sample_run):
    """--graph OUT/graph.ttl (a file) where the build's folder is meant: one line naming the folder."""
    _, out = cli_sample_run
    for args in (["export"], ["view", "micko"], ["query", "show", "micko"], ["stats"]):
        res = CliRunner().invoke(main, [*args, "--graph", str(out / "graph.ttl")])
        _assert_one_line_error(res, "a file, not the folder of a build")
        assert f"here probably {out}" in res.stderr


def test_view_of_a_document_or_a_post_says_the_page_does_not_draw_it(cli_sample_run):
    """kgraph query show takes any node id; the page draws entities, meetings and topics: a document
    or a post named by its id is not 'no entity named ...' but said to be of a kind the page leaves out."""
    _, out = cli_sample_run
    shown = CliRunner().invoke(main, ["query", "show", "Lena Micko", "--graph", str(out)])
    post = next(w for w in shown.output.split() if w.startswith("post/"))
    doc = next(n["id"] for n in json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]
               if n["kind"] == "document")
    for node, kind in ((post, "post"), (doc, "document")):
        res = CliRunner().invoke(main, ["view", node, "--graph", str(out)])
        _assert_one_line_error(res, f"{node}: a {kind}, which the page does not draw")


def test_neighbours_of_a_document_say_why_there_are_none(cli_sample_run):
    """A document's links are to what it mentions, which are not neighbours: the answer is empty
    (exit 0) and says why and where its facts are, not 'no neighbours in this graph'."""
    _, out = cli_sample_run
    doc = next(n["id"] for n in json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]
               if n["kind"] == "document")
    res = CliRunner().invoke(main, ["query", "neighbors", doc, "--graph", str(out)])
    assert res.exit_code == 0
    assert res.stdout == ""
    assert f"{doc} is a document: it has no neighbours among the entities; kgraph query show {doc}" in res.stderr


@pytest.mark.parametrize("args", [["meetings", "--limit", "99999999999999999999"],
                                  ["show", "micko", "--limit", "99999999999999999999"],
                                  ["central", "--top", "9223372036854775808"]])
def test_a_count_no_database_can_hold_is_a_usage_error(cli_sample_run, args):
    """--limit and --top beyond what SQLite holds: exit 2 with the range, not an OverflowError."""
    _, out = cli_sample_run
    res = CliRunner().invoke(main, ["query", *args, "--graph", str(out)])
    assert res.exit_code == 2 and "is not in the range" in res.output
    assert not isinstance(res.exception, OverflowError)
