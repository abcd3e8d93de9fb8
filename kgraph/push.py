"""Upload a built graph to a triplestore over the SPARQL 1.1 Graph Store Protocol.

``push()`` sends the graph as N-Triples in batches (``POST``, which adds), to
the default graph or to a named graph (``?graph=IRI``). A request that cannot
connect, times out or gets 5xx/408/429 is retried with exponential backoff
when sending it again is harmless: adding the same triples twice changes
nothing (RDF is a set, and the export has no blank nodes), and so does a
second ``PUT`` or ``DELETE``. A 4xx answer is not retried: the store has
rejected the data or the URL, and the error says which. A redirect (3xx) is
an error that names where it points: urllib would turn the ``POST`` into a
``GET`` (nothing stored, yet a 200) and carry the credentials to whatever
server the ``Location`` names.

Every push is checked against the store. Before writing, kgraph counts the
triples of the target graph (``SELECT (COUNT(*) ...)`` on the store's SPARQL
query endpoint, derived for Oxigraph, Fuseki and GraphDB or given; without
one, a Graph Store ``GET`` of the graph in N-Triples, counted); that also
proves the store answers before anything is sent. After writing it counts
again and asks whether the first triple of every batch is there:

* replace: the target holds exactly the triples sent;
* add: it holds at least what it had and at least the triples sent, at most
  the two together, and exactly the triples sent if it was empty;
* the default graph is checked with "at least" only, since stores may show
  named graphs or inferred triples in it.

A push that the store accepted but that does not check out is an error; one
whose check could not be made has exit code 5 (:class:`PushUnverifiedError`).

Replacing (``replace=True``) never leaves a half-replaced graph without saying
so:

* one batch: a single ``PUT``, which the store applies as a whole or not at all;
* several batches and a SPARQL Update endpoint (given, or derived from the
  Graph Store URL of Oxigraph ``/store``, Fuseki ``/DATASET/data`` or GraphDB
  ``/repositories/R/rdf-graphs/service``): the batches go into a fresh staging
  graph, its count is checked, then one ``MOVE GRAPH <staging> TO <target>``
  swaps it in; if an upload fails, the staging graph is deleted and the
  target is untouched. The ``MOVE`` is not idempotent (a second one would move
  the then empty staging graph over the target), so it is sent once, with a
  timeout that grows with the graph, and without ``SILENT`` (Oxigraph then
  refuses a stray repeat, "the graph does not exist", where ``MOVE SILENT``
  empties the target). When it fails or gets no
  answer, kgraph looks at the store (is the staging graph still there, how
  many triples does the target hold) and reports what it finds: applied
  (success), not applied (the staging graph is kept when the store may still
  apply the MOVE), or the counts it saw;
* several batches and no update endpoint: ``PUT`` the first batch, ``POST``
  the rest; a failure then reports exactly how many triples the target holds
  and that its previous content is gone.
"""
from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from http.client import HTTPResponse
from typing import TypeVar

from .errors import KgraphError, UsageError
from .graph import GraphReader

NTRIPLES = "application/n-triples"
SPARQL_UPDATE = "application/sparql-update"
SPARQL_QUERY = "application/sparql-query"
SPARQL_JSON = "application/sparql-results+json"
RETRY_STATUS = {408, 429, 500, 502, 503, 504}
# A MOVE drops the target's triples and copies the staging graph's. Oxigraph 0.5 on two shared cores
# moved 500,000 triples into an empty graph in 74 s, and 337,000 over as many in about 250 s (2,700
# triples, old plus new, per second). The MOVE waits as long as 1,000 per second would take, and never
# less than --timeout.
MOVE_TRIPLES_PER_SECOND = 1_000
GSP_HINT = ("Graph Store endpoints: Oxigraph http://HOST:7878/store, Fuseki http://HOST:3030/DATASET/data, "
            "GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service")
Log = Callable[[str], None]
T = TypeVar("T")


class PushError(KgraphError):
    """The upload failed or does not check out; the message says what state the store is left in."""


class PushUnverifiedError(PushError):
    """Every request was accepted, but the store could not be asked what it now holds."""

    exit_code = 5


class _RequestFailed(Exception):
    def __init__(self, reason: str, status: int | None = None, applied_unknown: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.applied_unknown = applied_unknown  # the request may have reached the store

    @property
    def outcome_unknown(self) -> bool:
        """True when the store may have applied the request: no answer, or a 5xx (perhaps from a gateway)."""
        return self.applied_unknown or (self.status is not None and self.status >= 500)


@dataclass
class PushResult:
    endpoint: str
    graph: str | None
    triples: int
    batches: int
    mode: str  # "added", "replaced (one PUT)", "replaced (staging graph + MOVE)", "replaced (PUT + POST, ...)"
    seconds: float
    verified: str = ""  # what the store was seen to hold afterwards
    note: str | None = None  # something that went wrong on the way and was found harmless

    def summary(self) -> str:
        where = f"<{self.graph}>" if self.graph else "the default graph"
        text = (f"pushed {self.triples} triples in {self.batches} batch(es) to {where} at {self.endpoint}: "
                f"{self.mode} ({self.seconds:.2f} s); verified: {self.verified}")
        return text + (f"\nnote: {self.note}" if self.note else "")


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
        return Endpoint(_without_userinfo(url), auth)

    def with_graph(self, graph: str | None) -> str:
        sep = "&" if "?" in self.url else "?"
        return self.url + sep + ("default" if graph is None else "graph=" + urllib.parse.quote(graph, safe=""))

    def origin(self) -> tuple[str, str, int | None]:
        parts = urllib.parse.urlsplit(self.url)
        return parts.scheme, parts.hostname or "", parts.port or {"http": 80, "https": 443}.get(parts.scheme)


def _without_userinfo(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and "@" not in parts.netloc:
        return url
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return urllib.parse.urlunsplit(parts._replace(netloc=host + (f":{parts.port}" if parts.port else "")))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Refuses every redirect, so that a 3xx reaches :meth:`Client._once` as an error."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _read_all(resp: HTTPResponse) -> bytes:
    return resp.read()


@dataclass
class Client:
    retries: int = 4
    backoff: float = 0.5
    timeout: float = 120.0
    log: Log | None = None

    def request(self, method: str, url: str, auth: str | None, body: bytes | None = None,
                content_type: str | None = None, what: str = "", accept: str | None = None,
                idempotent: bool = True, timeout: float | None = None,
                read: Callable[[HTTPResponse], T] = _read_all) -> T:  # type: ignore[assignment]
        """Send one request and return ``read(response)``, or raise :class:`_RequestFailed`.

        An idempotent request is retried with backoff when the store is unreachable, silent or
        busy. Any other request is sent again only when it surely never left: the connection was
        refused.
        """
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._once(method, url, auth, body, content_type, accept, timeout or self.timeout, read)
            except _RequestFailed as exc:
                if idempotent:
                    retryable = exc.status is None or exc.status in RETRY_STATUS
                else:
                    retryable = exc.status is None and not exc.applied_unknown
                if not retryable or attempt > self.retries:
                    if retryable and attempt > 1:
                        exc.reason += f"; tried {attempt} times"
                    raise
                delay = min(self.backoff * 2 ** (attempt - 1), 30.0)
                if self.log:
                    self.log(f"{what or method}: {exc.reason}; retrying in {delay:.1f} s")
                time.sleep(delay)

    def _once(self, method: str, url: str, auth: str | None, body: bytes | None, content_type: str | None,
              accept: str | None, timeout: float, read: Callable[[HTTPResponse], T]) -> T:
        req = urllib.request.Request(url, data=body, method=method)
        if content_type:
            req.add_header("Content-Type", content_type)
        if accept:
            req.add_header("Accept", accept)
        if auth:
            req.add_header("Authorization", auth)
        try:
            with _OPENER.open(req, timeout=timeout) as resp:
                return read(resp)
        except urllib.error.HTTPError as exc:
            if 300 <= exc.code < 400:
                target = exc.headers.get("Location")
                where = _without_userinfo(urllib.parse.urljoin(url, target)) if target else "no Location given"
                raise _RequestFailed(f"HTTP {exc.code} {exc.reason}, a redirect to {where}", status=exc.code) \
                    from None
            detail = _first_line(exc.read())
            raise _RequestFailed(f"HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else ""),
                                 status=exc.code) from None
        except urllib.error.URLError as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):  # sent, but no answer in time
                raise _RequestFailed(f"no answer within {_seconds(timeout)} s", applied_unknown=True) from None
            raise _RequestFailed(getattr(reason, "strerror", None) or str(reason)) from None
        except TimeoutError:
            raise _RequestFailed(f"no answer within {_seconds(timeout)} s", applied_unknown=True) from None
        except (ConnectionError, OSError) as exc:
            # the request may have been sent in full before the connection broke
            raise _RequestFailed(f"connection failed ({exc})", applied_unknown=True) from None


def _seconds(t: float) -> str:
    return f"{t:.1f}".rstrip("0").rstrip(".")


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    return " ".join(text.splitlines()[0].split())[:300] if text else ""


# ------------------------------------------------------------------ batches
@dataclass(frozen=True)
class Batch:
    """N-Triples for one request: the payload, its number of triples and one of them to look for later."""
    body: bytes
    triples: int
    sample: str | None  # "s p o" of a triple without blank nodes or escapes, usable in a SPARQL VALUES row


def batches(kg: GraphReader, size: int, evidence: bool = True) -> list[Batch]:
    """The graph as N-Triples in batches of at most ``size`` triples."""
    from .export import _NTerms
    from .rdf import statement_chunks
    if size < 1:
        raise UsageError(f"batch size must be at least 1, not {size}")
    c = _NTerms()
    out: list[Batch] = []
    lines: list[str] = []
    sample: list[str] = []

    def flush() -> None:
        if lines:
            out.append(Batch("".join(lines).encode("utf-8"), len(lines), sample[0] if sample else None))
            lines.clear()
            sample.clear()

    for chunk in statement_chunks(kg, evidence):
        for s, p, o, _ in chunk:
            term = o if o.__class__ is str else c[o]
            line = f"{s} {p} {term}"
            lines.append(line + " .\n")
            if not sample and "\\" not in line and not s.startswith("_:") and not term.startswith("_:"):
                sample.append(line)
            if len(lines) >= size:
                flush()
        c.trim()
    flush()
    return out


_KNOWN_STORES = (  # Graph Store path suffix -> SPARQL Update path, SPARQL query path
    ("/rdf-graphs/service", "/statements", ""),  # GraphDB / RDF4J
    ("/store", "/update", "/query"),  # Oxigraph
    ("/data", "/update", "/query"),  # Fuseki
)


def _derive(gsp_url: str, which: int) -> str | None:
    parts = urllib.parse.urlsplit(gsp_url)
    path = parts.path.rstrip("/")
    for known in _KNOWN_STORES:
        if path.endswith(known[0]):
            return urllib.parse.urlunsplit(parts._replace(path=path[: -len(known[0])] + known[which], query=""))
    return None


def derive_update_endpoint(gsp_url: str) -> str | None:
    """The SPARQL Update URL of well-known stores, from their Graph Store URL (None if unknown)."""
    return _derive(gsp_url, 1)


def derive_query_endpoint(gsp_url: str) -> str | None:
    """The SPARQL query URL of well-known stores, from their Graph Store URL (None if unknown)."""
    return _derive(gsp_url, 2)


def _companion(ep: Endpoint, given: str | None, derived: str | None) -> Endpoint | None:
    """The update or query endpoint: given (credentials of ``ep`` only if it is on the same origin) or derived."""
    if given:
        other = Endpoint.parse(given)
        if other.auth is None and other.origin() == ep.origin():
            other = Endpoint(other.url, ep.auth)
        return other
    return Endpoint(derived, ep.auth) if derived else None


# ------------------------------------------------------------------ looking at the store
class _CheckFailed(Exception):
    """The store could not be asked, or its answer could not be read; ``reason`` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Store:
    """Read-only questions to the store, to check a push: how many triples a graph holds, which are there."""
    client: Client
    gsp: Endpoint
    query: Endpoint | None

    def count(self, graph: str | None) -> int:
        """Triples in ``graph`` (None: the default graph); 0 for a graph that does not exist."""
        if self.query is None:
            return self._count_by_download(graph)
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        return self._select_count(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", f"count of {_where(graph)}")

    def found(self, graph: str | None, samples: list[str]) -> int | None:
        """How many of ``samples`` ("s p o") ``graph`` holds; None without a SPARQL query endpoint."""
        if self.query is None or not samples:
            return None
        rows = " ".join(f"({s})" for s in samples)
        pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        return self._select_count(f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} {pattern} }}",
                                  "sampled triples")

    def _select_count(self, q: str, what: str) -> int:
        assert self.query is not None
        try:
            raw = self.client.request("POST", self.query.url, self.query.auth, q.encode("utf-8"), SPARQL_QUERY,
                                      what=what, accept=SPARQL_JSON)
        except _RequestFailed as exc:
            if exc.status in (404, 405, 415):
                raise _CheckFailed(f"{self.query.url} does not answer a SPARQL count query ({exc.reason}); give "
                                   "the store's SPARQL query endpoint with --query-endpoint") from None
            raise _CheckFailed(_explain(exc, self.query, "a SPARQL count query")) from None
        try:
            return int(json.loads(raw)["results"]["bindings"][0]["n"]["value"])
        except (ValueError, KeyError, IndexError, TypeError):
            raise _CheckFailed(f"{self.query.url} did not answer a SPARQL count query with SPARQL JSON results "
                               f"({_first_line(raw) or 'an empty answer'}); is it the store's SPARQL query "
                               "endpoint? Give it with --query-endpoint") from None

    def _count_by_download(self, graph: str | None) -> int:
        def count_lines(resp: HTTPResponse) -> int:
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype != NTRIPLES:
                raise _CheckFailed(f"{self.gsp.url} answered a GET of {_where(graph)} with {ctype or 'no type'}, "
                                   "not N-Triples, so its triples cannot be counted; give the store's SPARQL "
                                   "query endpoint with --query-endpoint")
            return sum(1 for line in resp if line.strip() and not line.lstrip().startswith(b"#"))

        try:
            return self.client.request("GET", self.gsp.with_graph(graph), self.gsp.auth, accept=NTRIPLES,
                                       what=f"GET {_where(graph)}", read=count_lines)
        except _RequestFailed as exc:
            if exc.status == 404 and graph is not None and self._default_graph_answers():
                return 0  # the Graph Store Protocol answers 404 for a graph that does not exist
            raise _CheckFailed(_explain(exc, self.gsp, f"a GET of {_where(graph)}")) from None

    def _default_graph_answers(self) -> bool:
        try:
            self.client.request("HEAD", self.gsp.with_graph(None), self.gsp.auth, accept=NTRIPLES, what="HEAD")
            return True
        except _RequestFailed:
            return False


# ------------------------------------------------------------------ push
def push(kg: GraphReader, endpoint: str, named_graph: str | None = None, replace: bool = False,
         batch_size: int = 50_000, update_endpoint: str | None = None, query_endpoint: str | None = None,
         retries: int = 4, backoff: float = 0.5, timeout: float = 120.0, evidence: bool = True,
         log: Log | None = None) -> PushResult:
    """Upload ``kg`` to a Graph Store Protocol endpoint and check the result; see the module docstring."""
    t0 = time.perf_counter()
    ep = Endpoint.parse(endpoint)
    if named_graph is not None:
        _check_iri(named_graph)
    upd = _companion(ep, update_endpoint, derive_update_endpoint(ep.url) if replace else None)
    qry = _companion(ep, query_endpoint, derive_query_endpoint(ep.url))
    client = Client(retries=retries, backoff=backoff, timeout=timeout, log=log)
    store = Store(client, ep, qry)
    parts = batches(kg, batch_size, evidence)
    total = sum(b.triples for b in parts)
    if not parts:
        raise PushError("the graph is empty: nothing to push")
    try:
        before = store.count(named_graph)
    except _CheckFailed as exc:
        raise PushError(f"{exc.reason}; nothing was uploaded (kgraph counts the target's triples first, to "
                        "check the push afterwards)") from None
    note = None
    if not replace:
        mode = _append(client, store, ep, named_graph, parts, total, before, log)
    elif len(parts) == 1:
        mode = _replace_one(client, store, ep, named_graph, parts[0], before, log)
    elif upd is not None:
        mode, note = _replace_staged(client, store, ep, upd, named_graph, parts, total, before, log)
    else:
        mode = _replace_unstaged(client, store, ep, named_graph, parts, total, before, log)
    verified = _verify(store, named_graph, parts, total, None if replace else before, f"push ({mode})")
    return PushResult(ep.url, named_graph, total, len(parts), mode, time.perf_counter() - t0, verified, note)


def _check_iri(iri: str) -> None:
    parts = urllib.parse.urlsplit(iri)
    if not parts.scheme or any(c in iri for c in ' <>"{}|^`\\'):
        raise UsageError(f"{iri!r}: a named graph must be an absolute IRI, e.g. https://example.org/graph/kgraph")


def _where(graph: str | None) -> str:
    return f"<{graph}>" if graph else "the default graph"


def _explain(exc: _RequestFailed, ep: Endpoint, action: str) -> str:
    if exc.status is None and exc.applied_unknown:
        return (f"the triplestore at {ep.url} gave no answer to {action} ({exc.reason}); a larger --timeout or a "
                "smaller --batch-size may help")
    if exc.status is None:
        return f"cannot reach the triplestore at {ep.url} ({exc.reason}): is it running, and is the URL right?"
    if 300 <= exc.status < 400:
        return (f"{ep.url} answered {action} with {exc.reason}; kgraph follows no redirects (a redirected "
                "upload is not stored, and the credentials would go to another server): if that is the "
                "store, give its URL instead")
    if exc.status in (401, 403):
        return (f"{ep.url} refused access to {action} ({exc.reason}); put the credentials in the URL: "
                "http://USER:PASSWORD@HOST/...")
    if exc.status in (404, 405):
        return f"{ep.url} does not accept {action} ({exc.reason}); is it a SPARQL 1.1 Graph Store endpoint? {GSP_HINT}"
    return f"the triplestore at {ep.url} rejected {action} ({exc.reason})"


def _holds(store: Store, graph: str | None) -> str:
    """'checked: G holds N triples', or why it could not be checked; for error messages."""
    try:
        return f"checked: {_where(graph)} holds {store.count(graph)} triples"
    except _CheckFailed as exc:
        return f"what {_where(graph)} holds could not be checked ({exc.reason})"


def _verify(store: Store, graph: str | None, parts: list[Batch], total: int, before: int | None,
            what: str) -> str:
    """Check the target after a push that the store accepted; returns what was seen, else raises.

    ``before`` is the count before an add, None after a replace. A named graph must hold exactly
    ``total`` after a replace or after adding to an empty graph; the default graph only at least
    that, since stores may show named graphs or inferred triples in it.
    """
    samples = [b.sample for b in parts if b.sample]
    try:
        after = store.count(graph)
        found = store.found(graph, samples)
    except _CheckFailed as exc:
        raise PushUnverifiedError(f"the store accepted every request of the {what}, but what {_where(graph)} "
                                  f"now holds could not be checked: {exc.reason}") from None
    low = total if before is None else max(before, total)
    high = total if not before else before + total  # exact after a replace, or an add to an empty graph
    problems = []
    if after < low:
        problems.append(f"{_where(graph)} holds {after} triples, fewer than the {low} it must hold"
                        + (f" ({before} before, {total} sent)" if before else f" ({total} sent)"))
    elif after > high and graph is not None:
        problems.append(f"{_where(graph)} holds {after} triples, more than the {high} it can hold"
                        + (f" ({before} before, {total} sent)" if before else f" ({total} sent)")
                        + ": another client may have written to it meanwhile")
    if found is not None and found < len(samples):
        problems.append(f"only {found} of {len(samples)} sampled triples (the first of each batch) are there")
    if problems:
        raise PushError(f"the store accepted every request of the {what}, but the check fails: "
                        f"{'; '.join(problems)}")
    text = f"{_where(graph)} holds {after} triples"
    if before is None:
        text += " as sent" if after == total else f", at least the {total} sent (the store's default graph " \
                                                  "may also show named-graph or inferred triples)"
    else:
        text += f" ({before} before, {total} sent)"
    if found is None:
        return text + " (counted; not sampled: no SPARQL query endpoint)"
    return text + (f", and all {found} sampled triples" if found > 1 else ", and the sampled triple")


def _progress(log: Log | None, i: int, n: int, count: int, where: str) -> None:
    if log and n > 1:
        log(f"batch {i}/{n}: {count} triples to {where}")


def _append(client: Client, store: Store, ep: Endpoint, graph: str | None, parts: list[Batch], total: int,
            before: int, log: Log | None) -> str:
    url = ep.with_graph(graph)
    done = 0
    for i, b in enumerate(parts, 1):
        _progress(log, i, len(parts), b.triples, _where(graph))
        try:
            client.request("POST", url, ep.auth, b.body, NTRIPLES, what=f"batch {i}/{len(parts)}")
        except _RequestFailed as exc:
            if done == 0 and not exc.applied_unknown:
                state = "nothing was uploaded"
            else:
                state = (f"{_where(graph)} now holds its earlier content plus {done} of the {total} triples "
                         f"(batches 1-{i - 1} of {len(parts)})"
                         + (f", and batch {i} may or may not have been applied" if exc.applied_unknown else "")
                         + "; adding is idempotent: run the same push again to complete it")
            raise PushError(f"{_explain(exc, ep, f'batch {i}/{len(parts)}')}; {state} "
                            f"({_holds(store, graph)}; {before} before)") from None
        done += b.triples
    return "added"


def _replace_one(client: Client, store: Store, ep: Endpoint, graph: str | None, part: Batch, before: int,
                 log: Log | None) -> str:
    try:
        client.request("PUT", ep.with_graph(graph), ep.auth, part.body, NTRIPLES, what="PUT")
    except _RequestFailed as exc:
        state = ("it is unknown whether the store applied the PUT; it applies a PUT as a whole or not at all: "
                 "run the push again" if exc.outcome_unknown else f"{_where(graph)} was not changed")
        raise PushError(f"{_explain(exc, ep, 'the upload (PUT)')}; {state} ({_holds(store, graph)}; "
                        f"{before} before, {part.triples} sent)") from None
    return "replaced (one PUT)"


def _replace_staged(client: Client, store: Store, ep: Endpoint, upd: Endpoint, graph: str | None,
                    parts: list[Batch], total: int, before: int, log: Log | None) -> tuple[str, str | None]:
    """Upload into a fresh staging graph, check it, MOVE it over the target; returns (mode, note)."""
    staging = f"urn:kgraph:staging:{uuid.uuid4()}"
    url = ep.with_graph(staging)
    for i, b in enumerate(parts, 1):
        _progress(log, i, len(parts), b.triples, f"staging graph <{staging}>")
        try:
            client.request("POST", url, ep.auth, b.body, NTRIPLES, what=f"batch {i}/{len(parts)}")
        except _RequestFailed as exc:
            raise PushError(f"{_explain(exc, ep, f'batch {i}/{len(parts)}')}; {_where(graph)} was not changed "
                            f"({_holds(store, graph)}); {_drop_staging(client, store, ep, staging)}") from None
    try:
        staged = store.count(staging)
    except _CheckFailed as exc:
        raise PushError(f"the staging graph could not be counted before the MOVE ({exc.reason}); {_where(graph)} "
                        f"was not changed; {_drop_staging(client, store, ep, staging)}") from None
    if staged != total:
        raise PushError(f"the store accepted all {total} triples into staging graph <{staging}>, but it holds "
                        f"{staged}; {_where(graph)} was not changed ({_holds(store, graph)}); "
                        f"{_drop_staging(client, store, ep, staging)}")
    target = f"GRAPH <{graph}>" if graph else "DEFAULT"
    move = f"MOVE GRAPH <{staging}> TO {target}"
    wait = max(client.timeout, (before + total) / MOVE_TRIPLES_PER_SECOND)
    try:
        client.request("POST", upd.url, upd.auth, move.encode(), SPARQL_UPDATE, what="MOVE", idempotent=False,
                       timeout=wait)
    except _RequestFailed as exc:
        return "replaced (staging graph + MOVE)", _after_failed_move(exc, client, store, ep, upd, graph, staging,
                                                                     move, total, before, wait, log)
    return "replaced (staging graph + MOVE)", None


def _after_failed_move(exc: _RequestFailed, client: Client, store: Store, ep: Endpoint, upd: Endpoint,
                       graph: str | None, staging: str, move: str, total: int, before: int, wait: float,
                       log: Log | None) -> str:
    """Decide from what the store holds whether a failed MOVE was applied; returns a note, or raises.

    The MOVE is never sent again: if the first one was applied (perhaps after the timeout), a
    second would move the emptied staging graph over the target. When the answer says nothing
    about the outcome (no answer, 5xx), the store is watched for up to ``wait`` seconds.
    """
    what = _explain(exc, upd, "the SPARQL Update MOVE")
    if log:
        log(f"MOVE: {exc.reason}; not sending it again (a second MOVE could empty the target): "
            "looking at the store")
    deadline = time.monotonic() + (wait if exc.outcome_unknown else 0.0)
    while True:
        try:
            staged, held = store.count(staging), store.count(graph)
        except _CheckFailed as check:
            raise PushError(f"{what}; what the store did could not be checked ({check.reason}): it applies a "
                            f"MOVE as a whole or not at all, so either {_where(graph)} holds the {total} new "
                            f"triples, or it is unchanged and staging graph <{staging}> holds them; "
                            f"{_by_hand(ep, upd, staging, move)}") from None
        if staged == 0 or time.monotonic() >= deadline:
            break
        time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))
    if staged == 0:
        return (f"the MOVE failed ({exc.reason}), but the store applied it (checked: the staging graph is gone "
                f"and {_where(graph)} holds {held} triples)")
    if staged == total and held == before:
        if not exc.outcome_unknown:
            raise PushError(f"{what}; {_where(graph)} was not changed (checked: it holds {held} triples); "
                            f"{_drop_staging(client, store, ep, staging)}")
        raise PushError(f"{what}; the store had not applied the MOVE {_seconds(wait)} s later (checked: "
                        f"{_where(graph)} still holds its {held} triples, staging graph <{staging}> all {total} new "
                        f"ones). It may still apply it, so the staging graph is kept; "
                        f"{_by_hand(ep, upd, staging, move)}")
    raise PushError(f"{what}; the store holds something kgraph did not expect (checked: {_where(graph)} holds "
                    f"{held} triples, it had {before}; staging graph <{staging}> holds {staged} of the {total} "
                    f"sent); {_by_hand(ep, upd, staging, move)}")


def _by_hand(ep: Endpoint, upd: Endpoint, staging: str, move: str) -> str:
    return (f"to finish by hand once the staging graph is complete, send: curl -X POST -H 'Content-Type: "
            f"{SPARQL_UPDATE}' --data '{move}' '{upd.url}'; to give up instead: "
            f"curl -X DELETE '{ep.with_graph(staging)}'")


def _drop_staging(client: Client, store: Store, ep: Endpoint, staging: str) -> str:
    try:
        client.request("DELETE", ep.with_graph(staging), ep.auth, what="DELETE staging graph")
    except _RequestFailed as exc:
        if exc.status != 404:
            return (f"the upload may be left in staging graph <{staging}> (its DELETE failed: {exc.reason}): "
                    f"delete it with curl -X DELETE '{ep.with_graph(staging)}'")
    try:
        left = store.count(staging)
    except _CheckFailed as exc:
        return (f"staging graph <{staging}> was deleted, but that could not be checked ({exc.reason}); if it "
                f"is still there: curl -X DELETE '{ep.with_graph(staging)}'")
    if left:
        return (f"staging graph <{staging}> still holds {left} triples: delete it with "
                f"curl -X DELETE '{ep.with_graph(staging)}'")
    return f"staging graph <{staging}> was deleted (checked)"


def _replace_unstaged(client: Client, store: Store, ep: Endpoint, graph: str | None, parts: list[Batch],
                      total: int, before: int, log: Log | None) -> str:
    if log:
        log(f"warning: no SPARQL Update endpoint known for {ep.url}: replacing in {len(parts)} batches without "
            "a staging graph; if a batch fails the graph is left half-replaced (give --update-endpoint URL, or a "
            "larger --batch-size, to replace in one step)")
    url = ep.with_graph(graph)
    done = 0
    for i, b in enumerate(parts, 1):
        _progress(log, i, len(parts), b.triples, _where(graph))
        try:
            client.request("PUT" if i == 1 else "POST", url, ep.auth, b.body, NTRIPLES,
                           what=f"batch {i}/{len(parts)}")
        except _RequestFailed as exc:
            if i == 1:
                state = f"{_where(graph)} was not changed" if not exc.outcome_unknown else \
                    f"{_where(graph)} is either unchanged or holds only batch 1"
            else:
                state = (f"{_where(graph)} is HALF-REPLACED: its previous content is gone and it holds {done} of "
                         f"the {total} new triples (batches 1-{i - 1} of {len(parts)}); run the push with "
                         "--replace again to complete it")
            raise PushError(f"{_explain(exc, ep, f'batch {i}/{len(parts)}')}; {state} ({_holds(store, graph)}; "
                            f"{before} before)") from None
        done += b.triples
    return "replaced (PUT + POST, not atomic)"
