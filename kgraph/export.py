"""Exports of a built graph: RDF (Turtle, N-Triples, TriG, N-Quads, JSON-LD),
Gephi/networkx formats (GraphML, GEXF) and a VoID/DCAT description.

All RDF writers stream :func:`kgraph.rdf.statements` and are deterministic:
the same graph gives the same bytes. N-Triples and N-Quads are written line
by line (canonical escaping); Turtle and TriG group a subject's statements
(subjects sorted, ``rdf:type`` first, vocabulary IRIs as prefixed names);
JSON-LD is a flattened ``@graph`` with a prefix ``@context``. TriG and
N-Quads carry one named graph per source document (see :mod:`kgraph.rdf`).

Files are written atomically: into a temporary file beside the target, then
renamed, so an interrupted export never leaves half a file.
"""
from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .errors import UsageError
from .graph import KnowledgeGraph
from .rdf import (DEFAULT_GRAPH, PREFIXES, Statement, Term, graph_iri, graph_records, statement_chunks,
                  statements)
from rdflib.namespace import RDF

_TYPE = str(RDF.type)


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    rdf: bool
    dataset: bool = False


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("turtle", ".ttl", "text/turtle", True),
    Format("ntriples", ".nt", "application/n-triples", True),
    Format("trig", ".trig", "application/trig", True, dataset=True),
    Format("nquads", ".nq", "application/n-quads", True, dataset=True),
    Format("jsonld", ".jsonld", "application/ld+json", True),
    Format("graphml", ".graphml", "application/graphml+xml", False),
    Format("gexf", ".gexf", "application/gexf+xml", False),
    Format("void", ".void.ttl", "text/turtle", True),
)}
FORMAT_NAMES = tuple(FORMATS)


def get_format(name: str) -> Format:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise UsageError(f"unknown export format {name!r}; choose one of: {', '.join(FORMAT_NAMES)}") from None


def default_output(graph_path: Path, fmt: Format) -> Path:
    """``DIR/graph.<ext>`` beside the build's graph.json (``DIR/void.ttl`` for the VoID description)."""
    folder = graph_path if graph_path.is_dir() else graph_path.parent
    return folder / ("void.ttl" if fmt.name == "void" else "graph" + fmt.extension)


# ------------------------------------------------------------------ term syntax
_NEEDS_ESC = re.compile(r'[\x00-\x1f"\\\x7f]')
_ESC_TABLE = {i: f"\\u{i:04X}" for i in list(range(0x20)) + [0x7f]}
_ESC_TABLE.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
                   ord("\b"): "\\b", ord("\f"): "\\f"})
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_INTEGER_LEX = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL_LEX = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")
_LOCAL_SAFE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")  # conservative PN_LOCAL: no escapes ever needed


def escape_string(lex: str) -> str:
    return lex.translate(_ESC_TABLE) if _NEEDS_ESC.search(lex) else lex


def nt_iri(iri: str) -> str:
    if _IRI_BAD.search(iri):
        iri = "".join(f"\\u{ord(c):04X}" if _IRI_BAD.match(c) else c for c in iri)
    return "<" + iri + ">"


def nt_literal(lit: tuple[str, str | None, str | None]) -> str:
    lex, dt, lang = lit
    s = '"' + escape_string(lex) + '"'
    if lang:
        return s + "@" + lang
    if dt:
        return s + "^^" + nt_iri(dt)
    return s


class _NTerms(dict):
    """N-Triples syntax of terms, cached: ``terms[t]`` (IRIs and short literals repeat a lot)."""

    def __missing__(self, t: Term) -> str:
        s = self[t] = nt_iri(t) if t.__class__ is str else nt_literal(t)  # type: ignore[arg-type]
        return s

    def trim(self) -> None:
        if len(self) > 1_000_000:
            self.clear()


class _TurtleTerms:
    """Turtle term syntax: prefixed names for vocabulary IRIs, bare numbers, records the prefixes used."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.by_ns = {ns: p for p, ns in prefixes.items()}
        self.used: set[str] = set()
        self.cache: dict[Any, str] = {}

    def iri(self, iri: str) -> str:
        cut = max(iri.rfind("#"), iri.rfind("/")) + 1
        p = self.by_ns.get(iri[:cut])
        if p is not None and _LOCAL_SAFE.match(iri[cut:]):
            self.used.add(p)
            return f"{p}:{iri[cut:]}"
        return nt_iri(iri)

    def __call__(self, t: Term) -> str:
        s = self.cache.get(t)
        if s is None:
            if t.__class__ is str:
                s = self.iri(t)  # type: ignore[arg-type]
            else:
                lex, dt, lang = t  # type: ignore[misc]
                if dt == _INTEGER and _INTEGER_LEX.match(lex) or dt == _DECIMAL and _DECIMAL_LEX.match(lex):
                    s = lex
                elif lang:
                    s = '"' + escape_string(lex) + '"@' + lang
                elif dt:
                    s = '"' + escape_string(lex) + '"^^' + self.iri(dt)
                else:
                    s = '"' + escape_string(lex) + '"'
            if len(self.cache) > 500_000:
                self.cache.clear()
            self.cache[t] = s
        return s


# ------------------------------------------------------------------ line formats
@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while streaming: writers allocate millions of short-lived
    tuples and strings, none in cycles, and each collection would walk the whole graph (~20% of the time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def write_ntriples(kg: KnowledgeGraph, out: IO[bytes], evidence: bool = True) -> int:
    """Stream canonical N-Triples; returns the number of triples written."""
    c = _NTerms()
    n = 0
    with _no_gc():
        for chunk in statement_chunks(kg, evidence):
            out.write("".join([f"{c[s]} {c[p]} {c[o]} .\n" for s, p, o, _ in chunk]).encode("utf-8"))
            n += len(chunk)
            c.trim()
    return n


def write_nquads(kg: KnowledgeGraph, out: IO[bytes], evidence: bool = True) -> int:
    """Stream N-Quads: each statement once per graph it belongs to; returns the number of quads."""
    c = _NTerms()
    n = 0
    gnames: dict[str, str] = {}
    with _no_gc():
        for chunk in statement_chunks(kg, evidence):
            lines = []
            for s, p, o, names in chunk:
                spo = f"{c[s]} {c[p]} {c[o]}"
                for name in names:
                    if name == DEFAULT_GRAPH:
                        lines.append(spo + " .\n")
                    else:
                        g = gnames.get(name) or gnames.setdefault(name, nt_iri(graph_iri(name)))
                        lines.append(f"{spo} {g} .\n")
            out.write("".join(lines).encode("utf-8"))
            n += len(lines)
            c.trim()
    records = [f"{c[s]} {c[p]} {c[o]} .\n" for s, p, o in graph_records(kg)]
    out.write("".join(records).encode("utf-8"))
    return n + len(records)


def ntriples_lines(stmts: Iterable[Statement]) -> Iterator[str]:
    """N-Triples lines for any statement stream (used for batching uploads)."""
    c = _NTerms()
    for s, p, o, _ in stmts:
        yield f"{c[s]} {c[p]} {c[o]} .\n"


# ------------------------------------------------------------------ Turtle and TriG
Grouped = dict[str, dict[str, list[Term]]]


def _group(triples: Iterable[tuple[str, str, Term]], into: Grouped | None = None) -> Grouped:
    by_s: Grouped = {} if into is None else into
    for s, p, o in triples:
        preds = by_s.get(s)
        if preds is None:
            preds = by_s[s] = {}
        objs = preds.get(p)
        if objs is None:
            preds[p] = [o]
        else:
            objs.append(o)  # statements are distinct: no duplicate check
    return by_s


def _turtle_blocks(by_s: Grouped, term: _TurtleTerms, indent: str = "") -> Iterator[str]:
    pred_sep = " ;\n" + indent + "    "
    obj_sep = ",\n" + indent + "        "
    for s in sorted(by_s):
        preds = by_s[s]
        parts = []
        if _TYPE in preds:
            parts.append("a " + obj_sep.join(term(o) for o in preds[_TYPE]))
        for p, objs in sorted(preds.items()):
            if p != _TYPE:
                parts.append(term(p) + " " + obj_sep.join(term(o) for o in objs))
        yield indent + term(s) + " " + pred_sep.join(parts) + " .\n\n"


def _prefix_header(term: _TurtleTerms, prefixes: dict[str, str]) -> str:
    return "".join(f"@prefix {p}: <{prefixes[p]}> .\n" for p in sorted(term.used)) + "\n"


def turtle_text(triples: Iterable[tuple[str, str, Term]], prefixes: dict[str, str] | None = None) -> str:
    """Deterministic Turtle for distinct triples (order of subjects sorted; predicates sorted, rdf:type first)."""
    prefixes = prefixes or PREFIXES
    term = _TurtleTerms(prefixes)
    body = "".join(_turtle_blocks(_group(triples), term))
    return _prefix_header(term, prefixes) + body


def to_turtle_fast(kg: KnowledgeGraph, evidence: bool = True) -> str:
    return turtle_text((s, p, o) for s, p, o, _ in statements(kg, evidence))


def trig_text(kg: KnowledgeGraph, evidence: bool = True) -> str:
    graphs: dict[str, Grouped] = {DEFAULT_GRAPH: {}}
    for s, p, o, names in statements(kg, evidence):
        for name in names:
            g = graphs.get(name)
            if g is None:
                g = graphs[name] = {}
            _group(((s, p, o),), g)
    _group(graph_records(kg), graphs[DEFAULT_GRAPH])
    term = _TurtleTerms(PREFIXES)
    parts = ["# default graph: node descriptions, reference facts, documents, PROV-O records of the graphs\n\n"]
    parts.extend(_turtle_blocks(graphs[DEFAULT_GRAPH], term))
    for name in sorted(graphs):
        if name != DEFAULT_GRAPH:
            parts.append(f"{nt_iri(graph_iri(name))} {{\n")
            parts.extend(_turtle_blocks(graphs[name], term, indent="    "))
            parts.append("}\n\n")
    return _prefix_header(term, PREFIXES) + "".join(parts)


# ------------------------------------------------------------------ JSON-LD
def _jsonld_compact(iri: str, by_ns: dict[str, str]) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    p = by_ns.get(iri[:cut])
    local = iri[cut:]
    if p is not None and local and not local.startswith("//"):
        return f"{p}:{local}"
    for ns, p in by_ns.items():  # longer local parts ("person/lena-micko") under a known namespace
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{p}:{iri[len(ns):]}"
    return iri


def jsonld_text(kg: KnowledgeGraph, evidence: bool = True) -> str:
    """Flattened JSON-LD: ``{"@context": prefixes, "@graph": [node objects sorted by @id]}``."""
    by_ns = {ns: p for p, ns in PREFIXES.items()}
    by_s = _group((s, p, o) for s, p, o, _ in statements(kg, evidence))

    def value(o: Term) -> Any:
        if o.__class__ is str:
            return {"@id": _jsonld_compact(o, by_ns)}  # type: ignore[arg-type]
        lex, dt, lang = o  # type: ignore[misc]
        if lang:
            return {"@value": lex, "@language": lang}
        if dt:
            return {"@value": lex, "@type": _jsonld_compact(dt, by_ns)}
        return lex

    nodes = []
    for s in sorted(by_s):
        obj: dict[str, Any] = {"@id": _jsonld_compact(s, by_ns)}
        for p, objs in sorted(by_s[s].items()):
            if p == _TYPE:
                obj["@type"] = [_jsonld_compact(o, by_ns) for o in objs]  # type: ignore[arg-type]
            else:
                obj[_jsonld_compact(p, by_ns)] = [value(o) for o in objs]
        nodes.append(obj)
    return json.dumps({"@context": dict(sorted(PREFIXES.items())), "@graph": nodes}, ensure_ascii=False,
                      indent=1) + "\n"


# ------------------------------------------------------------------ GraphML and GEXF
_NODE_ATTRS = ("scbCode", "wikidata", "abbreviation", "organisationNumber", "date", "meeting_kind", "status",
               "file_name", "published", "title", "post_title")


def to_plain_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only, as GraphML and GEXF need (lists joined with " | ")."""
    from .rdf import node_iri
    h = nx.MultiDiGraph()
    for n, d in sorted(kg.g.nodes(data=True)):
        attrs: dict[str, Any] = {"label": str(d.get("label") or n), "kind": str(d.get("kind", "")),
                                 "cls": " | ".join(d.get("cls", [])), "iri": node_iri(n),
                                 "alt_labels": " | ".join(d.get("alt_labels", [])),
                                 "docs": len(d.get("docs", []))}
        for k in _NODE_ATTRS:
            attrs[k] = str(d.get(k) or "")
        attrs["role"] = " | ".join(sorted(d.get("literals", {}).get("role", {})))
        h.add_node(n, **attrs)
    for s, o, p, d in sorted(kg.g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        evs = d.get("evidence", [])
        docs = sorted({e["doc"] for e in evs if e.get("doc")})
        h.add_edge(s, o, key=p, predicate=p, label=p, weight=float(max(1, len(evs))),
                   confidence=float(max((float(e.get("confidence", 1.0)) for e in evs), default=1.0)),
                   docs=" | ".join(docs), sentence=next((e["sentence"] for e in evs if e.get("sentence")), ""))
    return h


def graphml_bytes(kg: KnowledgeGraph) -> bytes:
    import io
    buf = io.BytesIO()
    nx.write_graphml(to_plain_graph(kg), buf, encoding="utf-8")
    return buf.getvalue()


def gexf_bytes(kg: KnowledgeGraph) -> bytes:
    import io
    buf = io.BytesIO()
    nx.write_gexf(to_plain_graph(kg), buf, encoding="utf-8")
    return buf.getvalue()


# ------------------------------------------------------------------ entry points
def count_triples(kg: KnowledgeGraph, evidence: bool = True) -> int:
    return sum(1 for _ in statements(kg, evidence))


def export_bytes(kg: KnowledgeGraph, fmt: str | Format, out: IO[bytes], evidence: bool = True,
                 build_time: datetime | None = None) -> None:
    """Write the graph in ``fmt`` to a binary stream."""
    f = fmt if isinstance(fmt, Format) else get_format(fmt)
    if f.name == "ntriples":
        write_ntriples(kg, out, evidence)
    elif f.name == "nquads":
        write_nquads(kg, out, evidence)
    elif f.name == "turtle":
        out.write(to_turtle_fast(kg, evidence).encode("utf-8"))
    elif f.name == "trig":
        out.write(trig_text(kg, evidence).encode("utf-8"))
    elif f.name == "jsonld":
        out.write(jsonld_text(kg, evidence).encode("utf-8"))
    elif f.name == "graphml":
        out.write(graphml_bytes(kg))
    elif f.name == "gexf":
        out.write(gexf_bytes(kg))
    elif f.name == "void":
        from .void import void_turtle
        out.write(void_turtle(kg, build_time=build_time).encode("utf-8"))
    else:  # pragma: no cover - FORMATS and this switch are kept in step
        raise UsageError(f"format {f.name!r} has no writer")


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that replaces ``path`` only when the block completes (temp file + rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def export(kg: KnowledgeGraph, fmt: str | Format, output: Path | str, evidence: bool = True,
           build_time: datetime | None = None) -> Path:
    """Write the graph in ``fmt`` to ``output`` atomically (``-`` writes to stdout)."""
    f = fmt if isinstance(fmt, Format) else get_format(fmt)
    if str(output) == "-":
        export_bytes(kg, f, sys.stdout.buffer, evidence, build_time)
        sys.stdout.buffer.flush()
        return Path("-")
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name with --output")
    with atomic_output(path) as fh:
        export_bytes(kg, f, fh, evidence, build_time)
    return path

