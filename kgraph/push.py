"""Upload a built graph to a triplestore over the SPARQL 1.1 Graph Store Protocol.

``push()`` sends the graph as N-Triples in batches (``POST``, which adds), to
the default graph or to a named graph (``?graph=IRI``). Every request is
retried with exponential backoff when the store cannot be reached, times out
or answers 5xx/408/429; adding the same triples twice is harmless (RDF is a
set), so retrying a POST is safe. A 4xx answer is not retried: the store has
rejected the data or the URL, and the error says which.

Replacing (``replace=True``) never leaves a half-replaced graph without saying
so:

* one batch: a single ``PUT``, which the store applies as a whole or not at all;
* several batches and a SPARQL Update endpoint (given, or derived from the
  Graph Store URL of Oxigraph ``/store``, Fuseki ``/DATASET/data`` or GraphDB
  ``/repositories/R/rdf-graphs/service``): the batches go into a fresh staging
  graph, then one ``MOVE GRAPH <staging> TO <target>`` swaps it in; if an
  upload fails, the staging graph is deleted and the target is untouched;
* several batches and no update endpoint: ``PUT`` the first batch, ``POST``
  the rest; a failure then reports exactly how many triples the target holds
  and that its previous content is gone.
"""
from __future__ import annotations

import base64
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from .errors import KgraphError, UsageError
from .graph import KnowledgeGraph

NTRIPLES = "application/n-triples"
SPARQL_UPDATE = "application/sparql-update"
RETRY_STATUS = {408, 429, 500, 502, 503, 504}
GSP_HINT = ("Graph Store endpoints: Oxigraph http://HOST:7878/store, Fuseki http://HOST:3030/DATASET/data, "
            "GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service")
Log = Callable[[str], None]


class PushError(KgraphError):
    """The upload failed; the message says what state the store is left in."""


class _RequestFailed(Exception):
    def __init__(self, reason: str, status: int | None = None, applied_unknown: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.applied_unknown = applied_unknown  # the request may have reached the store


@dataclass
class PushResult:
    endpoint: str
    graph: str | None
    triples: int
    batches: int
    mode: str  # "added", "replaced (one PUT)", "replaced (staging graph + MOVE)", "replaced (PUT + POST)"
    seconds: float

    def summary(self) -> str:
        where = f"<{self.graph}>" if self.graph else "the default graph"
        return (f"pushed {self.triples} triples in {self.batches} batch(es) to {where} at {self.endpoint}: "
                f"{self.mode} ({self.seconds:.2f} s)")


# ------------------------------------------------------------------ HTTP
@dataclass(frozen=True)
class Endpoint:
    """A URL without credentials (safe to print) and the Authorization header taken from it."""
    url: str
    auth: str | None = None

    @staticmethod
    def parse(url: str) -> "Endpoint":
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"{url!r}: not an http(s) URL of a Graph Store endpoint ({GSP_HINT})")
        auth = None
        if parts.username is not None:
            user = urllib.parse.unquote(parts.username)
            pw = urllib.parse.unquote(parts.password or "")
            auth = "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode()
            netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
            parts = parts._replace(netloc=netloc)
        return Endpoint(urllib.parse.urlunsplit(parts), auth)

    def with_graph(self, graph: str | None) -> str:
        sep = "&" if "?" in self.url else "?"
        return self.url + sep + ("default" if graph is None else "graph=" + urllib.parse.quote(graph, safe=""))


@dataclass
class Client:
    retries: int = 4
    backoff: float = 0.5
    timeout: float = 120.0
    log: Log | None = None

    def request(self, method: str, url: str, auth: str | None, body: bytes | None = None,
                content_type: str | None = None, what: str = "") -> int:
        """Send one request with retries; returns the HTTP status or raises :class:`_RequestFailed`."""
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._once(method, url, auth, body, content_type)
            except _RequestFailed as exc:
                retryable = exc.status is None or exc.status in RETRY_STATUS
                if not retryable or attempt > self.retries:
                    if retryable and attempt > 1:
                        exc.reason += f"; tried {attempt} times"
                    raise
                delay = min(self.backoff * 2 ** (attempt - 1), 30.0)
                if self.log:
                    self.log(f"{what or method}: {exc.reason}; retrying in {delay:.1f} s")
                time.sleep(delay)

    def _once(self, method: str, url: str, auth: str | None, body: bytes | None, content_type: str | None) -> int:
        req = urllib.request.Request(url, data=body, method=method)
        if content_type:
            req.add_header("Content-Type", content_type)
        if auth:
            req.add_header("Authorization", auth)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                resp.read()
                return int(resp.status)
        except urllib.error.HTTPError as exc:
            detail = _first_line(exc.read())
            raise _RequestFailed(f"HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else ""),
                                 status=exc.code) from None
        except urllib.error.URLError as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):  # sent, but no answer in time
                raise _RequestFailed(f"no answer within {self.timeout:g} s", applied_unknown=True) from None
            raise _RequestFailed(getattr(reason, "strerror", None) or str(reason)) from None
        except (TimeoutError, ConnectionError, OSError) as exc:
            # the request may have been sent in full before the connection broke
            raise _RequestFailed(f"connection failed ({exc})", applied_unknown=True) from None


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    return " ".join(text.splitlines()[0].split())[:300] if text else ""


# ------------------------------------------------------------------ batches
def batches(kg: KnowledgeGraph, size: int, evidence: bool = True) -> list[tuple[bytes, int]]:
    """The graph as N-Triples in batches of at most ``size`` triples: (payload, triples)."""
    from .export import _NTerms
    from .rdf import statement_chunks
    if size < 1:
        raise UsageError(f"batch size must be at least 1, not {size}")
    c = _NTerms()
    out: list[tuple[bytes, int]] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            out.append(("".join(lines).encode("utf-8"), len(lines)))
            lines.clear()

    for chunk in statement_chunks(kg, evidence):
        for s, p, o, _ in chunk:
            lines.append(f"{s} {p} {o if o.__class__ is str else c[o]} .\n")
            if len(lines) >= size:
                flush()
        c.trim()
    flush()
    return out


def derive_update_endpoint(gsp_url: str) -> str | None:
    """The SPARQL Update URL of well-known stores, from their Graph Store URL (None if unknown)."""
    parts = urllib.parse.urlsplit(gsp_url)
    path = parts.path.rstrip("/")
    for suffix, repl in (("/rdf-graphs/service", "/statements"), ("/store", "/update"), ("/data", "/update")):
        if path.endswith(suffix):
            return urllib.parse.urlunsplit(parts._replace(path=path[: -len(suffix)] + repl, query=""))
    return None


# ------------------------------------------------------------------ push
def push(kg: KnowledgeGraph, endpoint: str, named_graph: str | None = None, replace: bool = False,
         batch_size: int = 50_000, update_endpoint: str | None = None, retries: int = 4, backoff: float = 0.5,
         timeout: float = 120.0, evidence: bool = True, log: Log | None = None) -> PushResult:
    """Upload ``kg`` to a Graph Store Protocol endpoint; see the module docstring."""
    t0 = time.perf_counter()
    ep = Endpoint.parse(endpoint)
    if named_graph is not None:
        _check_iri(named_graph)
    upd: Endpoint | None = None
    if update_endpoint:
        upd = Endpoint.parse(update_endpoint)
    elif replace:
        derived = derive_update_endpoint(ep.url)
        upd = Endpoint(derived, ep.auth) if derived else None
    client = Client(retries=retries, backoff=backoff, timeout=timeout, log=log)
    parts = batches(kg, batch_size, evidence)
    total = sum(n for _, n in parts)
    if not parts:
        raise PushError("the graph is empty: nothing to push")
    if not replace:
        mode = _append(client, ep, named_graph, parts, total, log)
    elif len(parts) == 1:
        mode = _replace_one(client, ep, named_graph, parts[0], log)
    elif upd is not None:
        mode = _replace_staged(client, ep, upd, named_graph, parts, total, log)
    else:
        mode = _replace_unstaged(client, ep, named_graph, parts, total, log)
    return PushResult(ep.url, named_graph, total, len(parts), mode, time.perf_counter() - t0)


def _check_iri(iri: str) -> None:
    parts = urllib.parse.urlsplit(iri)
    if not parts.scheme or any(c in iri for c in ' <>"{}|^`\\'):
        raise UsageError(f"{iri!r}: a named graph must be an absolute IRI, e.g. https://example.org/graph/kgraph")


def _where(graph: str | None) -> str:
    return f"<{graph}>" if graph else "the default graph"


def _explain(exc: _RequestFailed, ep: Endpoint, action: str) -> str:
    if exc.status is None:
        return f"cannot reach the triplestore at {ep.url} ({exc.reason}): is it running, and is the URL right?"
    if exc.status in (401, 403):
        return (f"{ep.url} refused access to {action} ({exc.reason}); put the credentials in the URL: "
                "http://USER:PASSWORD@HOST/...")
    if exc.status in (404, 405):
        return f"{ep.url} does not accept {action} ({exc.reason}); is it a SPARQL 1.1 Graph Store endpoint? {GSP_HINT}"
    return f"the triplestore at {ep.url} rejected {action} ({exc.reason})"


def _progress(log: Log | None, i: int, n: int, count: int, where: str) -> None:
    if log and n > 1:
        log(f"batch {i}/{n}: {count} triples to {where}")


def _append(client: Client, ep: Endpoint, graph: str | None, parts: list[tuple[bytes, int]], total: int,
            log: Log | None) -> str:
    url = ep.with_graph(graph)
    done = 0
    for i, (body, n) in enumerate(parts, 1):
        _progress(log, i, len(parts), n, _where(graph))
        try:
            client.request("POST", url, ep.auth, body, NTRIPLES, what=f"batch {i}/{len(parts)}")
        except _RequestFailed as exc:
            if done == 0 and not exc.applied_unknown:
                state = "nothing was uploaded"
            else:
                state = (f"{_where(graph)} now holds its earlier content plus {done} of the {total} triples "
                         f"(batches 1-{i - 1} of {len(parts)})"
                         + (f", and batch {i} may or may not have been applied" if exc.applied_unknown else "")
                         + "; adding is idempotent: run the same push again to complete it")
            raise PushError(f"{_explain(exc, ep, f'batch {i}/{len(parts)}')}; {state}") from None
        done += n
    return "added"


def _replace_one(client: Client, ep: Endpoint, graph: str | None, part: tuple[bytes, int], log: Log | None) -> str:
    try:
        client.request("PUT", ep.with_graph(graph), ep.auth, part[0], NTRIPLES, what="PUT")
    except _RequestFailed as exc:
        state = ("it is unknown whether the store applied the PUT (the connection broke); it applies a PUT "
                 "as a whole or not at all: run the push again" if exc.applied_unknown else
                 f"{_where(graph)} was not changed")
        raise PushError(f"{_explain(exc, ep, 'the upload (PUT)')}; {state}") from None
    return "replaced (one PUT)"


def _replace_staged(client: Client, ep: Endpoint, upd: Endpoint, graph: str | None,
                    parts: list[tuple[bytes, int]], total: int, log: Log | None) -> str:
    staging = f"urn:kgraph:staging:{uuid.uuid4()}"
    url = ep.with_graph(staging)
    for i, (body, n) in enumerate(parts, 1):
        _progress(log, i, len(parts), n, f"staging graph <{staging}>")
        try:
            client.request("POST", url, ep.auth, body, NTRIPLES, what=f"batch {i}/{len(parts)}")
        except _RequestFailed as exc:
            cleanup = _drop_staging(client, ep, staging)
            raise PushError(f"{_explain(exc, ep, f'batch {i}/{len(parts)}')}; {_where(graph)} was not changed; "
                            f"{cleanup}") from None
    target = f"GRAPH <{graph}>" if graph else "DEFAULT"
    try:
        client.request("POST", upd.url, upd.auth, f"MOVE SILENT GRAPH <{staging}> TO {target}".encode(),
                       SPARQL_UPDATE, what="MOVE")
    except _RequestFailed as exc:
        if exc.applied_unknown:
            state = (f"it is unknown whether the MOVE was applied (the connection broke); the store applies it "
                     f"as a whole or not at all: either {_where(graph)} holds the new graph, or it is unchanged "
                     f"and staging graph <{staging}> holds all {total} new triples")
        else:
            state = f"{_where(graph)} was not changed; {_drop_staging(client, ep, staging)}"
        raise PushError(f"{_explain(exc, upd, 'the SPARQL Update MOVE')}; {state}") from None
    return "replaced (staging graph + MOVE)"


def _drop_staging(client: Client, ep: Endpoint, staging: str) -> str:
    try:
        client.request("DELETE", ep.with_graph(staging), ep.auth, what="DELETE staging graph")
        return f"the upload in staging graph <{staging}> was deleted"
    except _RequestFailed as exc:
        if exc.status == 404:
            return "no partial upload was left behind"
        return (f"the upload is left in staging graph <{staging}> ({exc.reason}): delete it with "
                f"curl -X DELETE '{ep.with_graph(staging)}'")


def _replace_unstaged(client: Client, ep: Endpoint, graph: str | None, parts: list[tuple[bytes, int]],
                      total: int, log: Log | None) -> str:
    if log:
        log(f"warning: no SPARQL Update endpoint known for {ep.url}: replacing in {len(parts)} batches without "
            "a staging graph; if a batch fails the graph is left half-replaced (give --update-endpoint URL, or a "
            "larger --batch-size, to replace in one step)")
    url = ep.with_graph(graph)
    done = 0
    for i, (body, n) in enumerate(parts, 1):
        _progress(log, i, len(parts), n, _where(graph))
        try:
            client.request("PUT" if i == 1 else "POST", url, ep.auth, body, NTRIPLES, what=f"batch {i}/{len(parts)}")
        except _RequestFailed as exc:
            if i == 1:
                state = f"{_where(graph)} was not changed" if not exc.applied_unknown else \
                    f"{_where(graph)} is either unchanged or holds only batch 1"
            else:
                state = (f"{_where(graph)} is HALF-REPLACED: its previous content is gone and it holds {done} of "
                         f"the {total} new triples (batches 1-{i - 1} of {len(parts)}); run the push with "
                         "--replace again to complete it")
            raise PushError(f"{_explain(exc, ep, f'batch {i}/{len(parts)}')}; {state}") from None
        done += n
    return "replaced (PUT + POST, not atomic)"

