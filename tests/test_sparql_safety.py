"""`kgraph sparql` never crashes, never hangs and stays offline; on the build of the sample corpus."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph import sparqlrun
from kgraph.cli import main

REPO = Path(__file__).resolve().parent.parent
KGRAPH = [sys.executable, "-c", "import sys; from kgraph.cli import main; sys.exit(main())"]
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def runner() -> CliRunner:
    """A runner that keeps stderr apart (click 8.1 needs asking; 8.2+ always does)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture(scope="module")
def run(sample_build):
    def invoke(*args: str, code: int = 0):
        res = runner().invoke(main, [*args, "--graph", str(sample_build.out)])
        assert res.exit_code == code, (res.exit_code, res.output, res.exception)
        assert "Traceback" not in res.output
        assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
        return res
    return invoke


def kgraph(graph: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The CLI in a process of its own: a crash or a hang of the query engine must not take the tests along."""
    return subprocess.run([*KGRAPH, *args, "--graph", str(graph)], cwd=REPO, capture_output=True, text=True,
                          check=False, timeout=timeout)


# ------------------------------------------------------------------ --bind
@pytest.mark.parametrize("bind, says", [
    ("a b=x", "'a b' is not a SPARQL variable name"),
    ("s-1=x", "'s-1' is not a SPARQL variable name"),
    ("s=<not an iri>", "is not an absolute IRI"),
    ("s=<>", "is not an absolute IRI"),
    ("s=<relative/path>", "is not an absolute IRI"),
])
def test_bad_bindings_are_usage_errors(run, bind, says):
    res = run("sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--bind", bind, code=2)
    assert res.stderr.startswith("kgraph: error: --bind ") and says in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


# ------------------------------------------------------------------ offline
@pytest.fixture
def listener():
    """A TCP listener on 127.0.0.1 that counts the connections made to it."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    hits.append(conn.recv(200))
                except OSError:
                    hits.append(b"")
    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}/sparql", hits
    stop.set()
    t.join()
    srv.close()


def test_service_is_refused_unless_allowed(run, listener):
    url, hits = listener
    queries = [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX : <{url}> SELECT * WHERE {{ SERVICE:{{ ?s ?p ?o }} }}",  # the parser reads 'SERVICE' ':'
        f"SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o.SERVICE<{url}>{{ ?a ?b ?c }} }}",
    ]
    for q in queries:
        res = run("sparql", q, code=2)
        assert "SERVICE" in res.stderr and "--allow-service" in res.stderr, q
    # an escaped keyword is not read as SERVICE by the engine either: a syntax error, offline
    run("sparql", f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}", code=2)
    assert hits == []
    # 'service' inside strings, IRIs, comments and variable names is no SERVICE
    out = run("sparql", 'SELECT ?service WHERE { BIND("SERVICE {" AS ?service) '
                        'FILTER(?service != <https://example.org/service>) } # SERVICE <x>', "--format", "json")
    assert out.stdout.strip().startswith('{\n  "rows": [') and "SERVICE {" in out.stdout
    # allowed, it does go out: the listener above is real
    res = run("sparql", f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}", "--allow-service",
              "--timeout", "30")
    assert len(hits) == 1 and hits[0].startswith((b"POST", b"GET")), (hits, res.stderr)


# ------------------------------------------------------------------ crashes and hangs
def test_deep_nesting_is_refused_before_parsing(sample_build):
    deep = "SELECT * WHERE " + "{" * 3000 + "}" * 3000
    r = kgraph(sample_build.out, "sparql", deep)
    assert r.returncode == 2, (r.returncode, r.stderr[-500:])
    assert "more than 100 deep" in r.stderr and "Traceback" not in r.stderr
    # braces in a string do not count, and 100 levels are fine
    ok = "SELECT ?x WHERE " + "{" * 99 + ' BIND("{{{{" AS ?x) ' + "}" * 99
    assert runner().invoke(main, ["sparql", ok, "--graph", str(sample_build.out)]).exit_code == 0


def test_a_query_that_crashes_the_engine_is_an_error_not_a_crash(sample_build, tmp_path):
    flat = tmp_path / "flat.rq"  # no nesting, and still too much for the engine's recursion
    flat.write_text("SELECT * WHERE { " + " UNION ".join(["{}"] * 20000) + " }", encoding="utf-8")
    r = kgraph(sample_build.out, "sparql", f"@{flat}")
    assert r.returncode == 1 and "the SPARQL engine crashed" in r.stderr and "Traceback" not in r.stderr


def test_timeout_stops_the_query(sample_build):
    t = time.monotonic()
    r = kgraph(sample_build.out, "sparql", CARTESIAN, "--timeout", "1", timeout=90)
    assert r.returncode == 124, (r.returncode, r.stderr[-500:])
    assert "ran longer than 1 s and was stopped" in r.stderr
    assert time.monotonic() - t < 60


def test_the_stopped_query_process_is_gone(run, monkeypatch):
    started: list[subprocess.Popen] = []
    real = subprocess.Popen

    def popen(*args, **kwargs):
        p = real(*args, **kwargs)
        started.append(p)
        return p
    monkeypatch.setattr(sparqlrun.subprocess, "Popen", popen)
    run("sparql", CARTESIAN, "--timeout", "0.5", code=124)
    assert len(started) == 1 and started[0].returncode is not None  # killed and reaped: no CPU burnt on
