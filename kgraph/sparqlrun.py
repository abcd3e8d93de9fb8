"""SPARQL queries that cannot hang, crash or go online: checked first, then run in a child process.

pyoxigraph runs a query in the calling thread with no way to stop it, its
parser recurses (3,000 nested groups ``{{{…}}}`` overflow the stack and kill
the process), and ``SERVICE <http://…>`` makes it send the query to that
address. So:

* :func:`check_query` reads the query's text before anything parses it: more
  than :data:`MAX_DEPTH` nested ``{ ( [`` is refused, and so is ``SERVICE``
  unless federated queries are allowed;
* :func:`run_query` runs it in a fresh Python process (this module's
  :func:`child_main`) that opens the store read-only, evaluates the query and
  writes the answer as JSON. The caller waits at most ``timeout`` seconds and
  then kills it, which stops the work for certain (a thread could only be
  abandoned, still using a core); a crash of the engine ends the child, and
  the caller reports it. Starting the child costs ~0.1 s a query.
"""
from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import KgraphError, UsageError

MAX_DEPTH = 100  # nested { ( [ : far beyond any real query, far below what overflows the parser
DEFAULT_TIMEOUT = 60.0

# what the query's text is made of, read left to right: the parts whose content is no SPARQL
# syntax (strings, IRIs, comments, variables), brackets, and everything else one character at a time
_TOKEN = re.compile(r"""
      (?P<skip>
          '''(?:[^'\\]|\\.|'(?!''))*'''
        | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
        | '(?:[^'\\\n\r]|\\.)*'
        | "(?:[^"\\\n\r]|\\.)*"
        | <[^<>"{}|^`\\\x00-\x20]*>
        | \#[^\n\r]*
        | [?$][^\W]+
      )
    | (?P<open>[{(\[])
    | (?P<close>[})\]])
    | (?P<code>[^'"<#?${}()\[\]]+|.)
""", re.VERBOSE | re.DOTALL)


class SparqlError(UsageError):
    """A SPARQL query that cannot be parsed or run (exit code 2)."""


class SparqlTimeoutError(KgraphError):
    """A SPARQL query ran longer than its time limit and was stopped."""

    exit_code = 124  # as timeout(1)


def check_query(query: str, allow_service: bool = False) -> None:
    """Refuse, before any parser sees it, a query nested more than :data:`MAX_DEPTH` deep and,
    unless ``allow_service``, one that may call ``SERVICE`` (a federated query: the engine would
    send it over the network).

    The text is read token by token: strings, IRIs, comments and variable names are skipped, so
    ``"{"`` or ``<http://example.org/service>`` count for nothing. Everything else is SPARQL
    syntax; the parser matches ``SERVICE`` even glued to other characters (``SERVICE:x{…}`` calls
    the IRI ``:x``), so any "service" in it, of any case, is refused: a prefixed name containing
    it (``schema:serviceType``) is too, and the message says to write that IRI in full."""
    depth = 0
    code: list[str] = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                raise SparqlError(f"the query nests {{ }}, ( ) or [ ] more than {MAX_DEPTH} deep; kgraph does not "
                                  "run it (so deep a query would overflow the SPARQL parser)")
        elif kind == "close":
            depth = max(0, depth - 1)
            code.append(" ")
        elif kind == "code":
            code.append(m.group())
        else:
            code.append(" ")  # a skipped part separates what is around it
    if not allow_service and "service" in "".join(code).casefold():
        raise SparqlError("the query uses SERVICE (a federated query, which would send it over the network); "
                          "kgraph sparql stays offline unless you give --allow-service. (A prefixed name that "
                          "contains 'service' counts too: write that IRI in full, <https://...>)")


def run_query(rdf_dir: Path, query: str, prefixes: Mapping[str, str], bindings: Sequence[Sequence[Any]],
              turtle_prefixes: Mapping[str, str], timeout: float | None = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """Run ``query`` over the Oxigraph store in ``rdf_dir`` in a child process; at most
    ``timeout`` seconds (None: no limit). ``bindings`` are ``(variable, kind, value, ...)`` as
    :func:`_term` reads them. Returns the child's answer: ``{"form": "select", "variables",
    "rows"}``, ``{"form": "ask", "boolean"}`` or ``{"form": "graph", "turtle"}``.

    Raises :class:`SparqlError` for a query the engine rejects, :class:`SparqlTimeoutError`
    when time runs out, :class:`KgraphError` when the engine crashes or the store cannot be read."""
    request = json.dumps({"store": str(rdf_dir), "query": query, "prefixes": dict(prefixes),
                          "bindings": [list(b) for b in bindings], "turtle_prefixes": dict(turtle_prefixes)})
    package_parent = str(Path(__file__).resolve().parent.parent)
    # the kgraph this process runs, whatever the working directory holds (no '' on sys.path)
    code = (f"import sys; sys.path[:] = [{package_parent!r}] + [p for p in sys.path if p not in ('', '.')]; "
            "from kgraph.sparqlrun import child_main; child_main()")
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(request.encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise SparqlTimeoutError(f"the SPARQL query ran longer than {timeout:g} s and was stopped; narrow it "
                                 "(LIMIT, more specific patterns) or give a longer --timeout") from None
    finally:
        if proc.poll() is None:  # interrupted (Ctrl-C): the child goes too
            proc.kill()
            proc.wait()
    if proc.returncode < 0:
        try:
            name = signal.Signals(-proc.returncode).name
        except ValueError:
            name = f"signal {-proc.returncode}"
        raise KgraphError(f"the SPARQL engine crashed on this query ({name}); a query this long or this "
                          "deeply nested is more than it can take: make it smaller")
    try:
        answer = json.loads(out.decode("utf-8"))
    except ValueError:
        last = (err.decode("utf-8", "replace").strip().splitlines() or ["no answer"])[-1]
        raise KgraphError(f"the SPARQL engine failed (exit {proc.returncode}): {last}") from None
    problem = answer.get("error")
    if problem == "syntax":
        raise SparqlError(f"SPARQL syntax error: {answer['message']}")
    if problem == "failed":
        msg = answer["message"]
        if "projection" in msg:
            msg += " (a bound variable must be selected: list it after SELECT, or use SELECT *)"
        raise SparqlError(f"SPARQL query failed: {msg}")
    if problem:
        raise KgraphError(f"{answer['message']}")
    return answer


# ------------------------------------------------------------------ in the child process
def _term(ox: Any, kind: str, value: str, *extra: Any) -> Any:
    """A bound value: ("iri", iri), ("literal", text, datatype or None, language or None), ("bnode", id)."""
    if kind == "iri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    datatype, language = (list(extra) + [None, None])[:2]
    if language:
        return ox.Literal(value, language=language)
    if datatype:
        return ox.Literal(value, datatype=ox.NamedNode(datatype))
    return ox.Literal(value)


def _text(ox: Any, term: Any) -> str | None:
    """A result term as text: IRIs and literal values as they are, blank nodes as ``_:id``."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    value = getattr(term, "value", None)
    return str(term) if value is None else str(value)


def _type(ox: Any, term: Any) -> str | None:
    """What a result term is: "iri", "bnode", a literal's datatype IRI, or None (unbound)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return "iri"
    if isinstance(term, ox.BlankNode):
        return "bnode"
    datatype = getattr(term, "datatype", None)
    return datatype.value if datatype is not None else None


def _answer(req: dict[str, Any]) -> dict[str, Any]:
    import pyoxigraph as ox
    try:
        store = ox.Store.read_only(req["store"])
    except OSError as exc:
        return {"error": "store", "message": f"{req['store']}: cannot open the RDF store ({exc}); "
                                             "run 'kgraph build' again"}
    subs = {ox.Variable(b[0]): _term(ox, *b[1:]) for b in req["bindings"]}
    try:
        res = store.query(req["query"], prefixes=req["prefixes"], substitutions=subs or None)
        if isinstance(res, ox.QueryBoolean):
            return {"form": "ask", "boolean": bool(res)}
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            sols = [[sol[v] for v in variables] for sol in res]
            return {"form": "select", "variables": variables, "rows": [[_text(ox, t) for t in r] for r in sols],
                    "types": [[_type(ox, t) for t in r] for r in sols]}
        data = ox.serialize(res, format=ox.RdfFormat.TURTLE, prefixes=req["turtle_prefixes"])
        return {"form": "graph", "turtle": data.decode("utf-8") if isinstance(data, bytes) else str(data)}
    except SyntaxError as exc:
        return {"error": "syntax", "message": " ".join(str(exc).split())}
    except (RuntimeError, ValueError, TypeError, OSError) as exc:  # evaluation errors surface while iterating
        return {"error": "failed", "message": " ".join(str(exc).split())}


def child_main() -> None:
    """Read a request (JSON) on stdin, write the answer (JSON) on stdout."""
    req = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    try:
        answer = _answer(req)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line, never a traceback
        answer = {"error": "internal", "message": f"the SPARQL engine failed: {type(exc).__name__}: {exc}"}
    sys.stdout.buffer.write(json.dumps(answer).encode("ascii"))
    sys.stdout.flush()
