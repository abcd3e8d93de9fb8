"""``kgraph push`` against a real triplestore: the PyPI package ``oxigraph``
(test extra) provides ``oxigraph serve``, started here on a free port on
127.0.0.1 and stopped afterwards. SPARQL over HTTP must answer as the
``kgraph query`` library does (ministers, meetings with a person, topics per
municipality). Failures the real server will not produce on demand (busy,
rejecting halfway) come from a small scripted HTTP server."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from kgraph import query
from kgraph.cli import main
from kgraph.namespaces import RESOURCE_BASE
from kgraph.push import PushError, derive_update_endpoint, push
from kgraph.rdf import to_rdf
from test_rdf import nasty_graph

KGO = "https://w3id.org/kgraph/ontology#"
PREFIX = f"PREFIX kgo: <{KGO}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory) -> str:
    """Base URL of a fresh ``oxigraph serve`` (stopped after the module)."""
    exe = shutil.which("oxigraph")
    if exe is None:
        pytest.fail("the 'oxigraph' command is missing: install the test extra, python -m pip install '.[test]'")
    folder = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    log = (folder / "server.log").open("wb")
    proc = subprocess.Popen([exe, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                sparql(base, "ASK { }")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("oxigraph serve did not start: "
                                       + (folder / "server.log").read_text(errors="replace")[-500:])
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def sparql(base: str, q: str) -> list[dict[str, str]]:
    req = urllib.request.Request(base + "/query", data=q.encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        data = json.loads(resp.read())
    if "boolean" in data:
        return [{"boolean": str(data["boolean"])}]
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def count(base: str, graph: str | None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    return int(sparql(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])


def node_id(iri: str) -> str:
    assert iri.startswith(RESOURCE_BASE)
    return iri[len(RESOURCE_BASE):]


GRAPH = "https://example.org/graph/kgraph-sample"


@pytest.fixture(scope="module")
def pushed(oxigraph, sample_build) -> str:
    """The sample build in GRAPH, replaced in small batches (staging graph + MOVE)."""
    result = push(sample_build.graph, oxigraph + "/store", named_graph=GRAPH, replace=True, batch_size=400)
    assert result.batches > 1 and result.mode == "replaced (staging graph + MOVE)"
    return oxigraph


# ------------------------------------------------------------------ the real server
def test_all_triples_arrive_and_no_staging_graph_is_left(pushed, sample_build):
    assert count(pushed, GRAPH) == len(to_rdf(sample_build.graph))
    graphs = {r["g"] for r in sparql(pushed, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert GRAPH in graphs and not [g for g in graphs if g.startswith("urn:kgraph:staging:")]


def test_ministers_over_http_match_kgraph_query(pushed, sample_build):
    rows = sparql(pushed, PREFIX + f"SELECT ?m ?label WHERE {{ GRAPH <{GRAPH}> {{ ?m a kgo:Minister ; "
                                   f"rdfs:label ?label }} }}")
    remote = {(node_id(r["m"]), r["label"]) for r in rows}
    local = {(r.entity.id, r.entity.label) for r in query.entities(sample_build.out, type="Minister").rows}
    assert remote == local
    assert "Lena Micko" in {label for _, label in remote}


def test_meetings_with_a_person_over_http_match_kgraph_query(pushed, sample_build):
    kg = sample_build.graph
    people = sorted({o for _, o, _, _ in kg.edges("participant") if kg.node(o).get("kind") == "entity"
                     and "Person" in kg.node(o).get("cls", [])})
    assert people, "the sample corpus has meetings with persons (ministers' visits)"
    for person in people:
        rows = sparql(pushed, PREFIX + f"SELECT ?m WHERE {{ GRAPH <{GRAPH}> {{ ?m a kgo:Meeting ; "
                                       f"kgo:participant <{RESOURCE_BASE}{person}> }} }}")
        remote = {node_id(r["m"]) for r in rows}
        local = {r.meeting.id for r in query.meetings(sample_build.out, with_=[person]).rows}
        assert remote == local and remote, person


def test_topics_per_municipality_over_http_match_kgraph_query(pushed, sample_build, require_topics):
    kg = sample_build.graph
    munis = sorted(n for n, _ in kg.nodes(cls="Municipality"))
    with_topics = 0
    for mun in munis:
        m = f"<{RESOURCE_BASE}{mun}>"
        rows = sparql(pushed, PREFIX + f"""SELECT DISTINCT ?t WHERE {{ GRAPH <{GRAPH}> {{
            {{ ?meeting kgo:participant|kgo:location {m} ; kgo:topic ?t . ?meeting a kgo:Meeting }}
            UNION {{ {m} kgo:mentionedIn ?d . ?d kgo:topic ?t }} }} }}""")
        remote = {node_id(r["t"]) for r in rows}
        local = {r.topic.id for r in query.topics(sample_build.out, with_=mun).rows}
        assert remote == local, mun
        with_topics += bool(remote)
    assert with_topics >= 1


def test_append_is_idempotent_and_replace_replaces(oxigraph, sample_build):
    g = "https://example.org/graph/semantics"
    small, big = nasty_graph(), sample_build.graph
    n_small, n_big = len(to_rdf(small)), len(to_rdf(big))
    assert push(small, oxigraph + "/store", named_graph=g).mode == "added"
    assert count(oxigraph, g) == n_small
    push(small, oxigraph + "/store", named_graph=g, batch_size=3)
    assert count(oxigraph, g) == n_small  # RDF is a set: pushing twice adds nothing
    r = push(big, oxigraph + "/store", named_graph=g, replace=True)
    assert r.mode == "replaced (one PUT)" and count(oxigraph, g) == n_big
    r = push(small, oxigraph + "/store", named_graph=g, replace=True, batch_size=4)
    assert r.mode == "replaced (staging graph + MOVE)" and count(oxigraph, g) == n_small
    r = push(big, oxigraph + "/store", named_graph=g, replace=True, evidence=False)
    assert count(oxigraph, g) == len(to_rdf(big, evidence=False)) < n_big
    assert not sparql(oxigraph, f"ASK {{ GRAPH <{g}> {{ ?e a <{KGO}Evidence> }} }}")[0]["boolean"] == "true"


def test_cli_push_to_the_default_graph(oxigraph, sample_build):
    res = CliRunner().invoke(main, ["push", "--graph", str(sample_build.out), "--endpoint", oxigraph + "/store",
                                    "--replace", "--batch-size", "1000"])
    assert res.exit_code == 0, res.output
    assert "replaced (staging graph + MOVE)" in res.output
    assert count(oxigraph, None) == len(to_rdf(sample_build.graph))


def test_nquads_export_loads_as_one_graph_per_document(oxigraph, sample_build):
    from kgraph.export import export
    nq = export(sample_build.graph, "nquads", sample_build.out.parent / "push-test-graph.nq")
    req = urllib.request.Request(oxigraph + "/store", data=nq.read_bytes(), method="POST",
                                 headers={"Content-Type": "application/n-quads"})
    with urllib.request.urlopen(req, timeout=30):
        pass
    rows = sparql(oxigraph, "PREFIX prov: <http://www.w3.org/ns/prov#> "
                            "SELECT ?g ?doc WHERE { ?g prov:wasDerivedFrom ?doc . GRAPH ?g { ?s ?p ?o } } "
                            "GROUP BY ?g ?doc")
    docs = {n for n, _ in sample_build.graph.nodes(kind="document")}
    assert {node_id(r["doc"]) for r in rows} == docs
    for r in rows:
        ev = sparql(oxigraph, PREFIX + f"SELECT DISTINCT ?src WHERE {{ GRAPH <{r['g']}> {{ ?e a kgo:Evidence ; "
                                       f"kgo:source ?src }} }}")
        assert {x["src"] for x in ev} == {r["doc"]}


def test_wrong_path_is_a_clear_error(oxigraph, sample_build):
    with pytest.raises(PushError) as err:
        push(sample_build.graph, oxigraph + "/nope", retries=0)
    msg = str(err.value)
    assert "404" in msg and "Graph Store" in msg and "nothing was uploaded" in msg


def test_endpoint_down_is_a_clear_error(sample_build):
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(PushError) as err:
        push(sample_build.graph, url, retries=2, backoff=0.01)
    msg = str(err.value)
    assert "cannot reach the triplestore" in msg and "tried 3 times" in msg and "nothing was uploaded" in msg
    res = CliRunner().invoke(main, ["push", "--graph", str(sample_build.out), "--endpoint", url, "--retries", "0"])
    assert res.exit_code == 1 and res.output.rstrip().splitlines()[-1].startswith("kgraph: error: cannot reach")
    assert "Traceback" not in res.output


def test_update_endpoints_of_known_stores():
    assert derive_update_endpoint("http://h:7878/store") == "http://h:7878/update"
    assert derive_update_endpoint("http://h:3030/ds/data") == "http://h:3030/ds/update"
    assert derive_update_endpoint("http://h:7200/repositories/r/rdf-graphs/service") == \
        "http://h:7200/repositories/r/statements"
    assert derive_update_endpoint("http://h/gsp") is None


# ------------------------------------------------------------------ scripted failures
class Scripted:
    """An HTTP server answering from a script: ``answers`` is a list of (status, body) used
    in order for requests matching nothing else; once used up, it answers 204."""

    def __init__(self, answers: list[tuple[int, str]]) -> None:
        self.answers = list(answers)
        self.requests: list[tuple[str, str, int]] = []  # method, path?query, body bytes
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(n)
                outer.requests.append((self.command, self.path, n))
                status, body = outer.answers.pop(0) if outer.answers else (204, "")
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_POST = do_PUT = do_DELETE = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Scripted":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_busy_store_is_retried_with_backoff(sample_build):
    with Scripted([(503, "busy"), (503, "busy")]) as srv:
        r = push(sample_build.graph, srv.url + "/store", retries=3, backoff=0.01)
    assert r.mode == "added" and [m for m, _, _ in srv.requests] == ["POST"] * 3


def test_rejection_halfway_when_adding_says_what_was_added(sample_build):
    kg = sample_build.graph
    total = len(to_rdf(kg))
    with Scripted([(204, ""), (204, ""), (400, "Bad data\nat line 3")]) as srv:
        with pytest.raises(PushError) as err:
            push(kg, srv.url + "/store", named_graph=GRAPH, batch_size=500, retries=3, backoff=0.01)
    msg = str(err.value)
    assert len(srv.requests) == 3  # a 400 is not retried
    assert "rejected batch 3/" in msg and "HTTP 400" in msg and "Bad data" in msg
    assert f"plus 1000 of the {total} triples (batches 1-2 of" in msg and "run the same push again" in msg


def test_failed_staged_replace_leaves_the_target_untouched(sample_build):
    with Scripted([(204, ""), (400, "no")]) as srv:
        with pytest.raises(PushError) as err:
            push(sample_build.graph, srv.url + "/store", named_graph=GRAPH, replace=True, batch_size=500,
                 backoff=0.01)
    msg = str(err.value)
    methods = [(m, urllib.parse.unquote(p)) for m, p, _ in srv.requests]
    staging = {p.split("graph=", 1)[1] for _, p in methods}
    assert len(staging) == 1 and next(iter(staging)).startswith("urn:kgraph:staging:")
    assert [m for m, _ in methods] == ["POST", "POST", "DELETE"]  # never the target, never an update
    assert f"<{GRAPH}> was not changed" in msg and "was deleted" in msg


def test_failed_move_leaves_the_target_untouched(sample_build):
    n_batches = -(-len(to_rdf(sample_build.graph)) // 1000)
    with Scripted([(204, "")] * n_batches + [(400, "MOVE not allowed")]) as srv:
        with pytest.raises(PushError) as err:
            push(sample_build.graph, srv.url + "/store", named_graph=GRAPH, replace=True, batch_size=1000)
    paths = [p for _, p, _ in srv.requests]
    assert paths[-2] == "/update" and srv.requests[-1][0] == "DELETE"
    msg = str(err.value)
    assert "SPARQL Update MOVE" in msg and f"<{GRAPH}> was not changed" in msg and "was deleted" in msg


def test_replace_without_update_endpoint_reports_a_half_replaced_graph(sample_build):
    total = len(to_rdf(sample_build.graph))
    logs: list[str] = []
    with Scripted([(204, ""), (204, ""), (500, "boom"), (500, "boom")]) as srv:
        with pytest.raises(PushError) as err:
            push(sample_build.graph, srv.url + "/gsp", named_graph=GRAPH, replace=True, batch_size=500,
                 retries=1, backoff=0.01, log=logs.append)
    assert [m for m, _, _ in srv.requests] == ["PUT", "POST", "POST", "POST"]
    msg = str(err.value)
    assert "HALF-REPLACED" in msg and f"holds 1000 of the {total} new triples (batches 1-2 of" in msg
    assert any(line.startswith("warning: no SPARQL Update endpoint") for line in logs)


def test_bad_arguments(sample_build):
    with pytest.raises(Exception) as err:
        push(sample_build.graph, "ftp://x/store")
    assert "not an http(s) URL" in str(err.value)
    res = CliRunner().invoke(main, ["push", "--graph", str(sample_build.out), "--endpoint", "http://127.0.0.1:9/s",
                                    "--named-graph", "no iri"])
    assert res.exit_code == 2 and "absolute IRI" in res.output
