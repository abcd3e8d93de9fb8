"""``kgraph push`` against a real triplestore: the PyPI package ``oxigraph``
(test extra) provides ``oxigraph serve``, started here on a free port on
127.0.0.1 and stopped afterwards. SPARQL over HTTP must answer as the
``kgraph query`` library does (ministers, meetings with a person, topics per
municipality). Failures the real server will not produce on demand (busy,
rejecting halfway, answering late or never, redirecting, dropping a batch)
come from a small forwarding proxy in front of it, scripted per test."""
from __future__ import annotations

import base64
import http.client
import json
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

import kgraph.push as push_module
from kgraph import query
from kgraph.cli import main
from kgraph.graph import KnowledgeGraph
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
    total = len(to_rdf(sample_build.graph))
    assert "replaced (staging graph + MOVE)" in res.output
    assert f"verified: the default graph holds {total} triples as sent" in res.output
    assert count(oxigraph, None) == total


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


# ------------------------------------------------------------------ a proxy that misbehaves
@dataclass
class Act:
    """What the proxy does with one request: forward it (``status`` None) or answer ``status`` itself;
    hold the answer ``delay`` seconds; ``silent``: forward nothing, answer nothing, close after ``delay``."""
    status: int | None = None
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    silent: bool = False


FORWARD = Act()


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


class Proxy:
    """An HTTP server on 127.0.0.1 that forwards every request to ``upstream`` (a real ``oxigraph serve``),
    except where ``script`` says otherwise: it maps "METHOD /path" to the acts for the requests that match,
    in order; once they are used up, matching requests are forwarded too. ``rename`` maps a path to the
    upstream path (an endpoint kgraph does not know). Without ``upstream`` it answers 200 to everything
    (a server that only records what reaches it)."""

    def __init__(self, upstream: str | None, script: dict[str, list[Act]] | None = None,
                 rename: dict[str, str] | None = None) -> None:
        self.upstream = urllib.parse.urlsplit(upstream) if upstream else None
        self.script = {k: list(v) for k, v in (script or {}).items()}
        self.rename = rename or {}
        self.seen: list[Seen] = []
        self.release = threading.Event()  # ends held answers when the test is done
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                path = urllib.parse.urlsplit(self.path).path
                outer.seen.append(Seen(self.command, self.path, dict(self.headers)))
                acts = outer.script.get(f"{self.command} {path}")
                act = acts.pop(0) if acts else FORWARD
                if act.silent:
                    outer.release.wait(act.delay)
                    self.close_connection = True
                    return
                if act.status is None and outer.upstream is not None:
                    status, headers, data = outer.forward(self.command, self.path, self.headers, body)
                else:
                    status, headers, data = act.status or 200, act.headers, act.body.encode()
                outer.release.wait(act.delay)
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(data)
                except OSError:
                    pass  # the client stopped waiting

            do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = _handle

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def forward(self, method: str, target: str, headers, body: bytes) -> tuple[int, dict[str, str], bytes]:
        assert self.upstream is not None
        parts = urllib.parse.urlsplit(target)
        path = self.rename.get(parts.path, parts.path) + (f"?{parts.query}" if parts.query else "")
        conn = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=60)
        try:
            conn.request(method, path, body or None,
                         {k: headers[k] for k in ("Content-Type", "Accept") if headers.get(k)})
            resp = conn.getresponse()
            data = resp.read()
            kept = {k: resp.headers[k] for k in ("Content-Type", "Location") if resp.headers.get(k)}
            return resp.status, kept, data
        finally:
            conn.close()

    def requests(self, path: str, methods: tuple[str, ...] = ("POST", "PUT", "DELETE")) -> list[str]:
        """Methods of the writing requests to ``path``, in order."""
        return [r.method for r in self.seen if urllib.parse.urlsplit(r.path).path == path and r.method in methods]

    def __enter__(self) -> "Proxy":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def staging_graphs(base: str) -> list[str]:
    graphs = {r["g"] for r in sparql(base, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    return sorted(g for g in graphs if g.startswith("urn:kgraph:staging:"))


def fresh_graph(base: str, name: str, content: KnowledgeGraph | None = None) -> tuple[str, int]:
    """A named graph IRI, emptied, then holding ``content`` if given; returns (IRI, triples in it)."""
    g = f"https://example.org/graph/{name}"
    req = urllib.request.Request(base + "/update", data=f"DROP SILENT GRAPH <{g}>".encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(req, timeout=30).close()
    if content is not None:
        push(content, base + "/store", named_graph=g)
    return g, count(base, g)


# ------------------------------------------------------------------ a store that answers late or not at all
@pytest.fixture
def move_waits_timeout(monkeypatch):
    """The MOVE waits --timeout, not longer for the sample's triples: late answers come fast."""
    monkeypatch.setattr(push_module, "MOVE_TRIPLES_PER_SECOND", 1e9, raising=False)


def test_move_answered_late_is_not_sent_again_and_the_target_keeps_the_graph(oxigraph, sample_build,
                                                                              move_waits_timeout):
    g, _ = fresh_graph(oxigraph, "late-move", nasty_graph())
    total = len(to_rdf(sample_build.graph))
    with Proxy(oxigraph, {"POST /update": [Act(delay=2.5)]}) as proxy:  # applied at once, answered 2.5 s later
        res = CliRunner().invoke(main, ["push", "--graph", str(sample_build.out), "--endpoint", proxy.url + "/store",
                                        "--named-graph", g, "--replace", "--batch-size", "1000", "--timeout", "1",
                                        "--retries", "1"])
    assert count(oxigraph, g) == total and not staging_graphs(oxigraph)  # never emptied by a second MOVE
    assert proxy.requests("/update") == ["POST"]  # the MOVE was sent once
    assert res.exit_code == 0, res.output
    assert "replaced (staging graph + MOVE)" in res.output
    assert f"verified: <{g}> holds {total} triples as sent" in res.output
    assert "note: the MOVE failed (no answer within " in res.output
    assert f"s), but the store applied it (checked: the staging graph is gone and <{g}> holds {total} triples)" \
        in res.output


def test_move_that_never_arrives_leaves_the_target_as_it_was_and_says_how_to_finish(oxigraph, sample_build,
                                                                                     move_waits_timeout):
    g, before = fresh_graph(oxigraph, "lost-move", nasty_graph())
    total = len(to_rdf(sample_build.graph))
    with Proxy(oxigraph, {"POST /update": [Act(silent=True, delay=5)]}) as proxy:  # never forwarded
        res = CliRunner().invoke(main, ["push", "--graph", str(sample_build.out), "--endpoint", proxy.url + "/store",
                                        "--named-graph", g, "--replace", "--batch-size", "1000", "--timeout", "1",
                                        "--retries", "1"])
    assert proxy.requests("/update") == ["POST"]
    assert count(oxigraph, g) == before > 0
    assert res.exit_code == 1 and "pushed" not in res.output
    msg = res.output
    assert "had not applied the MOVE" in msg and f"<{g}> still holds its {before} triples" in msg
    staging = staging_graphs(oxigraph)
    assert len(staging) == 1 and f"staging graph <{staging[0]}> all {total} new ones" in msg
    assert count(oxigraph, staging[0]) == total
    move = re.search(r"--data '(MOVE [^']+)'", msg).group(1)  # the way to finish by hand works
    req = urllib.request.Request(oxigraph + "/update", data=move.encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(req, timeout=30).close()
    assert count(oxigraph, g) == total and not staging_graphs(oxigraph)


def test_a_large_move_waits_longer_than_timeout(oxigraph, sample_build):
    g, before = fresh_graph(oxigraph, "slow-move", nasty_graph())
    total = len(to_rdf(sample_build.graph))
    assert (before + total) / push_module.MOVE_TRIPLES_PER_SECOND > 3  # the sample is large enough
    with Proxy(oxigraph, {"POST /update": [Act(delay=2)]}) as proxy:
        r = push(sample_build.graph, proxy.url + "/store", named_graph=g, replace=True, batch_size=1000, timeout=1)
    assert r.mode == "replaced (staging graph + MOVE)" and r.note is None  # answered within its longer wait
    assert count(oxigraph, g) == total and proxy.requests("/update") == ["POST"]


def test_busy_store_is_retried_with_backoff(oxigraph, sample_build):
    g, _ = fresh_graph(oxigraph, "busy")
    with Proxy(oxigraph, {"POST /store": [Act(503, "busy"), Act(503, "busy")]}) as proxy:
        r = push(sample_build.graph, proxy.url + "/store", named_graph=g, retries=3, backoff=0.01)
    total = len(to_rdf(sample_build.graph))
    assert r.mode == "added" and proxy.requests("/store") == ["POST"] * 3
    assert count(oxigraph, g) == total and r.verified.startswith(f"<{g}> holds {total} triples (0 before")


# ------------------------------------------------------------------ redirects
def test_redirect_is_an_error_and_the_credentials_stay_with_the_store(oxigraph, sample_build):
    g, _ = fresh_graph(oxigraph, "redirected")
    with Proxy(None) as elsewhere:
        script = {"POST /store": [Act(302, headers={"Location": elsewhere.url + "/store"})]}
        with Proxy(oxigraph, script) as proxy:
            endpoint = proxy.url.replace("http://", "http://kg:s3cret@") + "/store"
            res = CliRunner().invoke(main, ["push", "--graph", str(sample_build.out), "--endpoint", endpoint,
                                            "--named-graph", g, "--retries", "1"])
    basic = "Basic " + base64.b64encode(b"kg:s3cret").decode()
    assert proxy.seen and all(r.headers.get("Authorization") == basic for r in proxy.seen)
    assert not [r for r in elsewhere.seen if "Authorization" in r.headers]
    assert elsewhere.seen == []  # nothing follows the redirect at all
    assert res.exit_code == 1 and "pushed" not in res.output and "s3cret" not in res.output
    assert f"HTTP 302 Found, a redirect to {elsewhere.url}/store" in res.output
    assert "follows no redirects" in res.output and "nothing was uploaded" in res.output
    assert count(oxigraph, g) == 0


# ------------------------------------------------------------------ checking what the store holds
def test_push_checks_the_counts_and_says_so(oxigraph, sample_build):
    g, _ = fresh_graph(oxigraph, "checked")
    total = len(to_rdf(sample_build.graph))
    args = ["push", "--graph", str(sample_build.out), "--endpoint", oxigraph + "/store", "--named-graph", g,
            "--batch-size", "1000"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert "added (" in res.output and f"verified: <{g}> holds {total} triples (0 before, {total} sent), " \
                                      f"and all {-(-total // 1000)} sampled triples" in res.output
    res = CliRunner().invoke(main, args)  # again: adds nothing, and is checked as such
    assert res.exit_code == 0 and f"holds {total} triples ({total} before, {total} sent)" in res.output
    res = CliRunner().invoke(main, args + ["--replace"])
    assert res.exit_code == 0 and f"verified: <{g}> holds {total} triples as sent" in res.output


def test_a_batch_the_store_accepts_but_drops_is_caught(oxigraph, sample_build):
    g, _ = fresh_graph(oxigraph, "dropped")
    total = len(to_rdf(sample_build.graph))
    with Proxy(oxigraph, {"POST /store": [FORWARD, Act(204)]}) as proxy:  # batch 2 answered, never stored
        res = CliRunner().invoke(main, ["push", "--graph", str(sample_build.out), "--endpoint", proxy.url + "/store",
                                        "--named-graph", g, "--batch-size", "1000"])
    assert res.exit_code == 1 and "pushed" not in res.output
    assert f"holds {total - 1000} triples, fewer than the {total} it must hold" in res.output
    n = -(-total // 1000)
    assert f"only {n - 1} of {n} sampled triples" in res.output


def test_a_check_that_cannot_be_made_is_not_success(oxigraph, sample_build):
    g, _ = fresh_graph(oxigraph, "unchecked")
    with Proxy(oxigraph, {"POST /query": [FORWARD, Act(503, "down for maintenance")]}) as proxy:
        res = CliRunner().invoke(main, ["push", "--graph", str(sample_build.out), "--endpoint", proxy.url + "/store",
                                        "--named-graph", g, "--retries", "0"])
    assert res.exit_code == 5 and "pushed" not in res.output
    assert "accepted every request of the push (added), but what" in res.output and "down for maintenance" in res.output
    assert count(oxigraph, g) == len(to_rdf(sample_build.graph))


def test_a_store_without_query_endpoint_is_checked_by_download(oxigraph, sample_build):
    g, _ = fresh_graph(oxigraph, "downloaded")
    total = len(to_rdf(sample_build.graph))
    with Proxy(oxigraph, rename={"/gsp": "/store"}) as proxy:
        r = push(sample_build.graph, proxy.url + "/gsp", named_graph=g, replace=True)
    assert r.mode == "replaced (one PUT)" and count(oxigraph, g) == total
    assert r.verified == f"<{g}> holds {total} triples as sent (counted; not sampled: no SPARQL query endpoint)"
    assert proxy.requests("/gsp", ("GET",)) == ["GET", "GET"]  # before (404: no such graph) and after


def test_credentials_go_only_to_the_same_origin():
    from kgraph.push import Endpoint, _companion
    ep = Endpoint.parse("http://u:p@127.0.0.1:7878/store")
    assert ep.url == "http://127.0.0.1:7878/store" and ep.auth
    assert _companion(ep, "http://127.0.0.1:7878/update", None).auth == ep.auth
    assert _companion(ep, "http://127.0.0.1:7879/update", None).auth is None
    assert _companion(ep, "https://127.0.0.1:7878/update", None).auth is None
    assert _companion(ep, None, "http://127.0.0.1:7878/query").auth == ep.auth


# ------------------------------------------------------------------ failures on the way
def test_rejection_halfway_when_adding_says_what_was_added(oxigraph, sample_build):
    g, _ = fresh_graph(oxigraph, "halfway")
    total = len(to_rdf(sample_build.graph))
    with Proxy(oxigraph, {"POST /store": [FORWARD, FORWARD, Act(400, "Bad data\nat line 3")]}) as proxy:
        with pytest.raises(PushError) as err:
            push(sample_build.graph, proxy.url + "/store", named_graph=g, batch_size=500, retries=3,
                 backoff=0.01)
    msg = str(err.value)
    assert proxy.requests("/store") == ["POST"] * 3  # a 400 is not retried
    assert "rejected batch 3/" in msg and "HTTP 400" in msg and "Bad data" in msg
    assert f"plus 1000 of the {total} triples (batches 1-2 of" in msg and "run the same push again" in msg
    assert f"checked: <{g}> holds 1000 triples; 0 before" in msg and count(oxigraph, g) == 1000


def test_failed_staged_replace_leaves_the_target_untouched(oxigraph, sample_build):
    g, before = fresh_graph(oxigraph, "staged-fails", nasty_graph())
    with Proxy(oxigraph, {"POST /store": [FORWARD, Act(400, "no")]}) as proxy:
        with pytest.raises(PushError) as err:
            push(sample_build.graph, proxy.url + "/store", named_graph=g, replace=True, batch_size=500,
                 backoff=0.01)
    msg = str(err.value)
    writes = [(r.method, urllib.parse.unquote(r.path)) for r in proxy.seen if r.method != "POST"
              or urllib.parse.urlsplit(r.path).path == "/store"]
    staging = {p.split("graph=", 1)[1] for _, p in writes}
    assert len(staging) == 1 and next(iter(staging)).startswith("urn:kgraph:staging:")
    assert [m for m, _ in writes] == ["POST", "POST", "DELETE"]  # never the target, never an update
    assert proxy.requests("/update") == []
    assert f"<{g}> was not changed (checked: <{g}> holds {before} triples)" in msg and "was deleted (checked)" in msg
    assert count(oxigraph, g) == before and not staging_graphs(oxigraph)


def test_failed_move_leaves_the_target_untouched(oxigraph, sample_build):
    g, before = fresh_graph(oxigraph, "move-fails", nasty_graph())
    with Proxy(oxigraph, {"POST /update": [Act(400, "MOVE not allowed")]}) as proxy:
        with pytest.raises(PushError) as err:
            push(sample_build.graph, proxy.url + "/store", named_graph=g, replace=True, batch_size=1000)
    assert proxy.requests("/update") == ["POST"] and proxy.requests("/store")[-1] == "DELETE"
    msg = str(err.value)
    assert "SPARQL Update MOVE" in msg and "MOVE not allowed" in msg
    assert f"<{g}> was not changed (checked: it holds {before} triples)" in msg and "was deleted (checked)" in msg
    assert count(oxigraph, g) == before and not staging_graphs(oxigraph)


def test_replace_without_update_endpoint_reports_a_half_replaced_graph(oxigraph, sample_build):
    g, _ = fresh_graph(oxigraph, "half-replaced", nasty_graph())
    total = len(to_rdf(sample_build.graph))
    logs: list[str] = []
    with Proxy(oxigraph, {"POST /gsp": [FORWARD, Act(500, "boom"), Act(500, "boom")]},
               rename={"/gsp": "/store"}) as proxy:
        with pytest.raises(PushError) as err:
            push(sample_build.graph, proxy.url + "/gsp", named_graph=g, replace=True, batch_size=500,
                 retries=1, backoff=0.01, log=logs.append)
    assert proxy.requests("/gsp") == ["PUT", "POST", "POST", "POST"]
    msg = str(err.value)
    assert "HALF-REPLACED" in msg and f"holds 1000 of the {total} new triples (batches 1-2 of" in msg
    assert f"checked: <{g}> holds 1000 triples" in msg and count(oxigraph, g) == 1000
    assert any(line.startswith("warning: no SPARQL Update endpoint") for line in logs)



def test_bad_arguments(sample_build):
    with pytest.raises(Exception) as err:
        push(sample_build.graph, "ftp://x/store")
    assert "not an http(s) URL" in str(err.value)
    res = CliRunner().invoke(main, ["push", "--graph", str(sample_build.out), "--endpoint", "http://127.0.0.1:9/s",
                                    "--named-graph", "no iri"])
    assert res.exit_code == 2 and "absolute IRI" in res.output
