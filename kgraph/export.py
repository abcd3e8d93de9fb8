"""Exports of a built graph: RDF (Turtle, N-Triples, TriG, N-Quads, JSON-LD),
Gephi/networkx formats (GraphML, GEXF) and a VoID/DCAT description.

All RDF writers stream :func:`kgraph.rdf.statements` and are deterministic:
the same graph gives the same bytes. N-Triples and N-Quads are written line
by line (canonical escaping); Turtle and TriG group a subject's statements
(``rdf:type`` first, vocabulary IRIs as prefixed names; Turtle streams node
by node, each node followed by its Evidence records, TriG sorts subjects);
JSON-LD is a flattened ``@graph`` with a prefix ``@context``. TriG and
N-Quads carry one named graph per source document (see :mod:`kgraph.rdf`).

Files are written atomically: into a temporary file beside the target, then
renamed, so an interrupted export never leaves half a file.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rdflib.namespace import RDF

from . import vocab
from .errors import UsageError
from .formats import FORMAT_NAMES, FORMATS, Format  # noqa: F401 (re-exported)
from .gcpolicy import no_gc
from .io import atomic_output
from .namespaces import KGO
from .graph import GraphReader
from .rdf import (DEFAULT_GRAPH, PREFIXES, EvidenceRecord, Term, graph_iri, graph_records, nt, plain,
                  statement_chunks, statements)

if TYPE_CHECKING:  # a build writes no GraphML or GEXF, and does not import networkx (0.1 s)
    import networkx as nx

_TYPE = nt(RDF.type)
# the predicates of an Evidence record, in the order of their IRIs (as graph.ttl lists them)
_OBJECT, _PREDICATE, _SUBJECT = nt(RDF.object), nt(RDF.predicate), nt(RDF.subject)
_EVIDENCE, _CONFIDENCE, _END, _EVIDENCE_FOR, _RULE, _SENTENCE, _SOURCE, _START = (
    nt(KGO[name]) for name in ("Evidence", "confidence", "endOffset", "evidenceFor", "rule", "sentence", "source",
                               "startOffset"))




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
_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_INTEGER_LEX = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL_LEX = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")
_LOCAL_SAFE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")  # conservative PN_LOCAL: never needs escapes


def escape_string(lex: str) -> str:
    return lex.translate(_ESC_TABLE) if _NEEDS_ESC.search(lex) else lex


def nt_literal(lit: tuple[str, str | None, str | None]) -> str:
    lex, dt, lang = lit
    s = '"' + escape_string(lex) + '"'
    if lang:
        return s + "@" + lang
    if dt:
        return s + "^^" + nt(dt)
    return s


class _NTerms(dict):
    """N-Triples syntax of literals, cached: ``terms[lit]`` (short literals repeat a lot).
    IRIs are already in N-Triples syntax in the statement stream."""

    def __missing__(self, t: tuple[str, str | None, str | None]) -> str:
        s = self[t] = nt_literal(t)
        return s

    def trim(self) -> None:
        if len(self) > 500_000:
            self.clear()


class _TurtleTerms(dict):
    """Turtle syntax of terms, cached: ``terms[t]``. Prefixed names for vocabulary IRIs where the
    local part needs no escape, bare integers and decimals; records the prefixes used."""

    trim = _NTerms.trim

    def __init__(self, prefixes: dict[str, str]) -> None:
        super().__init__()
        self.by_ns = {ns: p for p, ns in prefixes.items()}
        self.used: set[str] = set()

    def iri(self, iri: str) -> str:
        """``iri`` is a plain IRI; returns a prefixed name where one is safe, else ``<iri>``."""
        cut = max(iri.rfind("#"), iri.rfind("/")) + 1
        p = self.by_ns.get(iri[:cut])
        if p is not None and _LOCAL_SAFE.match(iri[cut:]):
            self.used.add(p)
            return f"{p}:{iri[cut:]}"
        return nt(iri)

    def __missing__(self, t: Term) -> str:
        if t.__class__ is str:
            s = self.iri(plain(t))  # type: ignore[arg-type]
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
        self[t] = s
        return s


# ------------------------------------------------------------------ line formats
def _record_lines(r: EvidenceRecord, n: _NTerms, tail: str = " .\n") -> str:
    """A record's statements as lines of N-Triples (or of N-Quads: ``tail`` " <graph> .\n"), in the
    order of :func:`kgraph.rdf.record_statements`."""
    e, s, p, o, source, start, stop, sentence, rule, confidence, _ = r
    out = [f"{e} {_TYPE} {_EVIDENCE}{tail}{e} {_SUBJECT} {s}{tail}{e} {_PREDICATE} {p}{tail}"
           f"{e} {_OBJECT} {o if o.__class__ is str else n[o]}{tail}{e} {_SOURCE} {source}{tail}"]
    if start is not None:
        out.append(f"{e} {_START} {n[start]}{tail}{e} {_END} {n[stop]}{tail}")
    if sentence is not None:
        out.append(f"{e} {_SENTENCE} {n[sentence]}{tail}")
    out.append(f"{e} {_RULE} {n[rule]}{tail}{e} {_CONFIDENCE} {n[confidence]}{tail}{e} {_EVIDENCE_FOR} {s}{tail}")
    return "".join(out)


def write_ntriples(kg: GraphReader, out: IO[bytes], evidence: bool = True) -> int:
    """Stream N-Triples (canonical escaping); returns the number of triples written."""
    c = _NTerms()
    n = 0
    with no_gc():
        for chunk in statement_chunks(kg, evidence, records=True):
            text = "".join([_record_lines(x, c) if x.__class__ is EvidenceRecord else
                            f"{x[0]} {x[1]} {x[2] if x[2].__class__ is str else c[x[2]]} .\n" for x in chunk])
            out.write(text.encode("utf-8"))
            n += text.count("\n")  # one line a statement: a literal's line breaks are escaped
            c.trim()
    return n


def write_nquads(kg: GraphReader, out: IO[bytes], evidence: bool = True) -> int:
    """Stream N-Quads: each statement once per graph it belongs to; returns the number of quads."""
    c = _NTerms()
    n = 0
    gnames: dict[str, str] = {}
    with no_gc():
        for chunk in statement_chunks(kg, evidence, records=True):
            lines = []
            for x in chunk:
                if x.__class__ is EvidenceRecord:  # in its document's graph only
                    (name,) = x[10]
                    g = gnames.get(name) or gnames.setdefault(name, nt(graph_iri(name)))
                    lines.append(_record_lines(x, c, f" {g} .\n"))
                    continue
                s, p, o, names = x
                spo = f"{s} {p} {o if o.__class__ is str else c[o]}"
                for name in names:
                    if name == DEFAULT_GRAPH:
                        lines.append(spo + " .\n")
                    else:
                        g = gnames.get(name) or gnames.setdefault(name, nt(graph_iri(name)))
                        lines.append(f"{spo} {g} .\n")
            text = "".join(lines)
            out.write(text.encode("utf-8"))
            n += text.count("\n")
            c.trim()
    records = [f"{s} {p} {o if o.__class__ is str else c[o]} .\n" for s, p, o in graph_records(kg)]
    out.write("".join(records).encode("utf-8"))
    return n + len(records)


# ------------------------------------------------------------------ Turtle and TriG
Grouped = dict[str, dict[str, list[Term]]]


def _group(items: Iterable[Any], into: Grouped | None = None) -> Grouped:
    """subject -> predicate -> objects, in stream order, of statements (tuples that start with s, p, o;
    they are distinct: no duplicate check). An :class:`EvidenceRecord` among them stays whole under
    its own subject, to be written by :func:`_record_turtle`."""
    by_s: dict[str, Any] = {} if into is None else into
    last, preds = None, {}
    for item in items:
        if item.__class__ is EvidenceRecord:
            by_s[item[0]] = item
            last = None
            continue
        s, p, o = item[0], item[1], item[2]
        if s is not last:
            preds = by_s.get(s)
            if preds is None:
                preds = by_s[s] = {}
            last = s
        objs = preds.get(p)
        if objs is None:
            preds[p] = [o]
        else:
            objs.append(o)
    return by_s


def _record_turtle(r: EvidenceRecord, c: _TurtleTerms) -> str:
    """A record's block as :func:`_turtle_blocks` writes its statements: ``a`` first, then the
    predicates in the order of their IRIs (those of rdf: before those of kgo:)."""
    e, s, p, o, source, start, end, sentence, rule, confidence, _ = r
    ts = c[s]
    sep = " ;\n    "
    out = [e, " a ", c[_EVIDENCE], sep, c[_OBJECT], " ", c[o], sep, c[_PREDICATE], " ", c[p], sep, c[_SUBJECT], " ", ts,
           sep, c[_CONFIDENCE], " ", c[confidence]]
    if end is not None:
        out += (sep, c[_END], " ", c[end])
    out += (sep, c[_EVIDENCE_FOR], " ", ts, sep, c[_RULE], " ", c[rule])
    if sentence is not None:
        out += (sep, c[_SENTENCE], " ", c[sentence])
    out += (sep, c[_SOURCE], " ", c[source])
    if start is not None:
        out += (sep, c[_START], " ", c[start])
    out.append(" .\n\n")
    return "".join(out)


def _group_statements(kg: GraphReader, evidence: bool) -> Grouped:
    return _group(spo[:3] for chunk in statement_chunks(kg, evidence) for spo in chunk)  # type: ignore[misc]


def _turtle_blocks(by_s: Grouped, c: _TurtleTerms, indent: str = "", sort: bool = True) -> list[str]:
    pred_sep = " ;\n" + indent + "    "
    obj_sep = ",\n" + indent + "        "
    blocks = []
    for s in sorted(by_s) if sort else by_s:
        preds = by_s[s]
        if preds.__class__ is EvidenceRecord:
            blocks.append(_record_turtle(preds, c))  # type: ignore[arg-type]
            continue
        parts = []
        types = preds.get(_TYPE)
        if types:
            parts.append("a " + obj_sep.join([c[o] for o in types]))
        for p in sorted(preds):
            if p != _TYPE:
                objs = preds[p]
                parts.append(c[p] + " " + (c[objs[0]] if len(objs) == 1 else obj_sep.join([c[o] for o in objs])))
        blocks.append(indent + c[s] + " " + pred_sep.join(parts) + " .\n\n")
    return blocks


def _prefix_header(c: _TurtleTerms, prefixes: dict[str, str]) -> str:
    return "".join(f"@prefix {p}: <{prefixes[p]}> .\n" for p in sorted(c.used)) + "\n"


def turtle_text(triples: Iterable[tuple[str, str, Term]] | Grouped, prefixes: dict[str, str] | None = None) -> str:
    """Deterministic Turtle for distinct triples: subjects sorted, a subject's predicates sorted with
    ``rdf:type`` first (``a``), objects in stream order."""
    prefixes = prefixes or PREFIXES
    c = _TurtleTerms(prefixes)
    with no_gc():
        by_s = triples if isinstance(triples, dict) else _group(triples)
        body = "".join(_turtle_blocks(by_s, c))
    return _prefix_header(c, prefixes) + body


def write_graph_turtle(kg: GraphReader, out: IO[bytes], evidence: bool = True,
                       nquads: IO[bytes] | None = None) -> None:
    """Stream the graph as Turtle (what the build writes as graph.ttl): every prefix declared,
    then the nodes in sorted order, each node's description followed by the Evidence records
    of its statements. Memory stays at one chunk of statements, whatever the graph's size.
    ``nquads``, if given, gets the same triples as N-Quads lines (default graph) from the same
    walk of the statements, in whole lines: what the build bulk-loads into its SPARQL store."""
    c = _TurtleTerms(PREFIXES)
    n = _NTerms()
    out.write(("".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in sorted(PREFIXES)) + "\n").encode("utf-8"))
    with no_gc():
        # whole nodes: a subject never spans two chunks; Evidence records as records, formatted at once
        for chunk in statement_chunks(kg, evidence, records=True):
            out.write("".join(_turtle_blocks(_group(chunk), c, sort=False)).encode("utf-8"))
            c.trim()
            if nquads is not None:
                nquads.write("".join([_record_lines(x, n) if x.__class__ is EvidenceRecord else
                                      f"{x[0]} {x[1]} {x[2] if x[2].__class__ is str else n[x[2]]} .\n"
                                      for x in chunk]).encode("utf-8"))
                n.trim()


def graph_turtle(kg: GraphReader, evidence: bool = True) -> str:
    """:func:`write_graph_turtle` as a string."""
    import io
    buf = io.BytesIO()
    write_graph_turtle(kg, buf, evidence)
    return buf.getvalue().decode("utf-8")


def trig_text(kg: GraphReader, evidence: bool = True) -> str:
    """TriG: the default graph first, then one block per document graph (sorted)."""
    c = _TurtleTerms(PREFIXES)
    with no_gc():
        graphs: dict[str, Grouped] = {DEFAULT_GRAPH: {}}
        for chunk in statement_chunks(kg, evidence):
            for s, p, o, names in chunk:
                for name in names:
                    g = graphs.get(name)
                    if g is None:
                        g = graphs[name] = {}
                    preds = g.get(s)
                    if preds is None:
                        preds = g[s] = {}
                    objs = preds.get(p)
                    if objs is None:
                        preds[p] = [o]
                    else:
                        objs.append(o)
        _group(graph_records(kg), graphs[DEFAULT_GRAPH])
        parts = ["# default graph: node descriptions, reference facts, documents, PROV-O records of the graphs\n\n"]
        parts.extend(_turtle_blocks(graphs[DEFAULT_GRAPH], c))
        for name in sorted(graphs):
            if name != DEFAULT_GRAPH:
                parts.append(f"{nt(graph_iri(name))} {{\n")
                parts.extend(_turtle_blocks(graphs[name], c, indent="    "))
                parts.append("}\n\n")
    return _prefix_header(c, PREFIXES) + "".join(parts)


# ------------------------------------------------------------------ JSON-LD
def _jsonld_compact(term: str, by_ns: dict[str, str], is_nt: bool = True) -> str:
    iri = plain(term) if is_nt else term
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    p = by_ns.get(iri[:cut])
    local = iri[cut:]
    if p is not None and local and not local.startswith("//"):
        return f"{p}:{local}"
    for ns, p in by_ns.items():  # longer local parts ("person/lena-micko") under a known namespace
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{p}:{iri[len(ns):]}"
    return iri


def jsonld_text(kg: GraphReader, evidence: bool = True) -> str:
    """Flattened JSON-LD: ``{"@context": prefixes, "@graph": [node objects sorted by @id]}``."""
    by_ns = {ns: p for p, ns in PREFIXES.items()}
    by_s = _group_statements(kg, evidence)

    def value(o: Term) -> Any:
        if o.__class__ is str:
            return {"@id": _jsonld_compact(o, by_ns)}  # type: ignore[arg-type]
        lex, dt, lang = o  # type: ignore[misc]
        if lang:
            return {"@value": lex, "@language": lang}
        if dt:
            return {"@value": lex, "@type": _jsonld_compact(dt, by_ns, is_nt=False)}
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
_LITERALS = vocab.predicate_names("graph", "literal")
_NODE_ATTRS = ("scbCode", "wikidata", "abbreviation", "organisationNumber", "date", "meeting_kind", "status",
               "file_name", "published", "title", "post_title")


def to_plain_graph(kg: GraphReader) -> nx.MultiDiGraph:
    """A copy with scalar attributes only, as GraphML and GEXF need (lists joined with " | ")."""
    import networkx as nx

    from .rdf import node_iri
    h = nx.MultiDiGraph()
    for n, d in kg.sorted_nodes():
        attrs: dict[str, Any] = {"label": str(d.get("label") or n), "kind": str(d.get("kind", "")),
                                 "cls": " | ".join(d.get("cls", [])), "iri": node_iri(n),
                                 "alt_labels": " | ".join(d.get("alt_labels", [])),
                                 "docs": len(d.get("docs", []))}
        for k in _NODE_ATTRS:
            attrs[k] = str(d.get(k) or "")
        for p in _LITERALS:  # the literal statements (role), each as one attribute
            attrs[p] = " | ".join(sorted(d.get("literals", {}).get(p, {})))
        h.add_node(n, **attrs)
    for s, o, p, d in kg.sorted_edges():
        evs = d.get("evidence", [])
        docs = sorted({e["doc"] for e in evs if e.get("doc")})
        h.add_edge(s, o, key=p, predicate=p, label=p, weight=float(max(1, len(evs))),
                   confidence=float(max((float(e.get("confidence", 1.0)) for e in evs), default=1.0)),
                   docs=" | ".join(docs), sentence=next((e["sentence"] for e in evs if e.get("sentence")), ""))
    return h


def graphml_bytes(kg: GraphReader) -> bytes:
    import io

    import networkx as nx
    buf = io.BytesIO()
    nx.write_graphml(to_plain_graph(kg), buf, encoding="utf-8")
    return buf.getvalue()


def gexf_bytes(kg: GraphReader) -> bytes:
    """GEXF 1.2 for Gephi: the GraphML attributes, plus ``viz:position``, ``viz:color`` and
    ``viz:size`` of every node as the page of the whole graph draws it (:func:`kgraph.view.graph_viz`;
    y up, as Gephi draws, so the picture is the page's). The same graph gives the same bytes on any
    day: ``lastmodifieddate`` is the newest source document's date (left out when none is dated),
    never today's, and the creator is this kgraph's version."""
    import io

    import xml.etree.ElementTree as ET

    from networkx.readwrite.gexf import GEXFWriter

    from . import __version__
    from .view import graph_viz
    h = to_plain_graph(kg)
    for n, v in graph_viz(kg).items():
        r, g, b = (int(v.colour[i:i + 2], 16) for i in (1, 3, 5))
        h.nodes[n]["viz"] = {"position": {"x": v.x, "y": -v.y, "z": 0.0}, "size": v.size,
                             "color": {"r": r, "g": g, "b": b, "a": 1.0}}
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    assert meta is not None
    for child in list(meta):
        meta.remove(child)
    ET.SubElement(meta, "creator").text = f"kgraph {__version__}"
    newest = max((str(d.get("published") or "")[:10] for _, d in kg.nodes(kind="document")), default="")
    if newest:
        meta.set("lastmodifieddate", newest)
    else:
        del meta.attrib["lastmodifieddate"]
    writer.add_graph(h)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


# ------------------------------------------------------------------ entry points
def count_triples(kg: GraphReader, evidence: bool = True) -> int:
    return sum(1 for _ in statements(kg, evidence))


def export_bytes(kg: GraphReader, fmt: str | Format, out: IO[bytes], evidence: bool = True,
                 build_time: datetime | None = None) -> None:
    """Write the graph in ``fmt`` to a binary stream."""
    f = fmt if isinstance(fmt, Format) else get_format(fmt)
    if f.name == "ntriples":
        write_ntriples(kg, out, evidence)
    elif f.name == "nquads":
        write_nquads(kg, out, evidence)
    elif f.name == "turtle":
        write_graph_turtle(kg, out, evidence)
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


def export(kg: GraphReader, fmt: str | Format, output: Path | str, evidence: bool = True,
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

