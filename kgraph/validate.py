"""SHACL validation of a graph against ontology/shapes.ttl (``kgraph validate``).

pyshacl runs with ``inference="none"``, as the shapes require (see
ontology/README.md). A build folder is validated through its graph.ttl (what
users load), or its graph.json when there is no graph.ttl. A file is read by
its extension: .ttl, .nt, .trig, .nq, .jsonld, .json (a kgraph graph.json).
The graphs of a dataset (TriG, N-Quads) are validated together, as one graph:
the shapes look across them (an Evidence record in a document's graph points
to the kgo:Document described in the default graph).
"""
from __future__ import annotations

import contextlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH, XSD

from . import vocab
from .errors import GraphNotFoundError, KgraphError
from .namespaces import RESOURCE_BASE

RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld",
               ".n3": "n3", ".rdf": "xml", ".owl": "xml"}
DATASET_FORMATS = {"trig", "nquads"}
EXAMPLES_PER_MESSAGE = 5


class ShapeViolationsError(KgraphError):
    """The graph does not conform to the SHACL shapes (the report has been printed)."""

    exit_code = 4


@dataclass(frozen=True)
class Violation:
    severity: str  # Violation, Warning, Info
    focus: str
    path: str
    value: str
    message: str
    shape: str


@dataclass
class ValidationReport:
    source: str
    triples: int
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "Violation"]

    def text(self, examples: int = EXAMPLES_PER_MESSAGE) -> str:
        """A report for people: one line per problem kind with a count, then a few examples."""
        head = f"{self.source}: {self.triples} triples, "
        if self.conforms:
            return head + "conforms to ontology/shapes.ttl"
        by_msg: dict[tuple[str, str], list[Violation]] = defaultdict(list)
        for v in self.violations:
            by_msg[(v.severity, v.message)].append(v)
        lines = [head + f"{len(self.errors)} violation(s)" +
                 (f", {len(self.violations) - len(self.errors)} warning(s)"
                  if len(self.violations) > len(self.errors) else "") +
                 f" of ontology/shapes.ttl in {len(by_msg)} kind(s):"]
        order = sorted(by_msg.items(), key=lambda kv: (kv[0][0] != "Violation", -len(kv[1]), kv[0][1]))
        for (severity, msg), vs in order:
            lines.append(f"  {len(vs):5d} x {severity.lower()}: {msg}")
            for v in sorted(vs, key=lambda v: (v.focus, v.path, v.value))[:examples]:
                where = v.focus + (f"  {v.path}" if v.path else "") + (f" = {v.value}" if v.value else "")
                lines.append(f"            {where}")
            if len(vs) > examples:
                lines.append(f"            ... and {len(vs) - examples} more")
        return "\n".join(lines)


#: prefixed names in the report for the vocabularies the graph uses (kgraph.vocab)
_SHORT = tuple((p + ":", ns) for p, ns in vocab.prefixes("vocabulary").items())


def _short(term: object, labels: dict[URIRef, str]) -> str:
    if isinstance(term, URIRef):
        s = str(term)
        short = "kg:" + s[len(RESOURCE_BASE):] if s.startswith(RESOURCE_BASE) else f"<{s}>"
        for prefix, ns in _SHORT:
            if s.startswith(ns):
                short = prefix + s[len(ns):]
        label = labels.get(term)
        return f'{short} ("{label}")' if label else short
    if isinstance(term, Literal):
        text = str(term)
        text = text if len(text) <= 60 else text[:57] + "..."
        suffix = f"@{term.language}" if term.language else (f"^^{term.datatype.n3()}" if term.datatype else "")
        return json.dumps(text, ensure_ascii=False) + suffix
    return str(term) if term is not None else ""


def load_graph(path: Path) -> tuple[Graph, str]:
    """The graph to validate and a name for it in the report."""
    path = Path(path)
    if path.is_dir():
        ttl, js = path / "graph.ttl", path / "graph.json"
        if ttl.is_file():
            return _parse(ttl, "turtle"), str(ttl)
        if js.is_file():
            return _from_store(js), str(js)
        raise GraphNotFoundError(f"{path}: no kgraph build here (graph.ttl and graph.json missing); "
                                 "run 'kgraph build' first")
    if not path.is_file():
        raise GraphNotFoundError(f"{path}: no such file or folder")
    if path.suffix == ".json":
        return _from_store(path), str(path)
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KgraphError(f"{path}: cannot tell the RDF format from the extension; use one of "
                          + ", ".join(sorted(RDF_FORMATS)) + " or a kgraph graph.json")
    return _parse(path, fmt), str(path)


def _from_store(path: Path) -> Graph:
    from .graph import KnowledgeGraph
    from .rdf import to_rdf
    return to_rdf(KnowledgeGraph.load(path))


@contextlib.contextmanager
def _quiet_literals() -> Iterator[None]:
    """rdflib logs a literal that is not a value of its datatype ("2021-02-29"^^xsd:date) as a
    warning with a Python traceback; validate's report says what is wrong (:func:`_ill_typed`)."""
    log = logging.getLogger("rdflib.term")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def _parse(path: Path, fmt: str) -> Graph:
    try:
        with _quiet_literals():
            if fmt in DATASET_FORMATS:
                from rdflib import Dataset
                ds = Dataset()
                ds.parse(path, format=fmt)
                g = Graph()
                for ctx in ds.graphs():
                    for t in ctx:
                        g.add(t)
                return g
            return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many kinds of parse errors
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise KgraphError(f"{path}: not valid {fmt} ({detail[:300]})") from exc


def shapes_graph() -> Graph:
    from .resources import ontology_dir
    path = ontology_dir() / "shapes.ttl"
    if not path.is_file():
        raise KgraphError(f"{path}: SHACL shapes missing; reinstall kgraph")
    return Graph().parse(path, format="turtle")


def validate_graph(g: Graph, source: str = "graph") -> ValidationReport:
    try:
        import pyshacl
    except ImportError as exc:  # pragma: no cover - a runtime dependency
        raise KgraphError("pyshacl is not installed; reinstall kgraph with 'python -m pip install .'") from exc
    conforms, report, _ = pyshacl.validate(g, shacl_graph=shapes_graph(), inference="none",
                                           abort_on_first=False, allow_warnings=True)
    labels = {s: str(o) for s, o in g.subject_objects(RDFS.label) if isinstance(s, URIRef)}
    violations = []
    for r in report.subjects(SH.resultSeverity, None):
        sev = report.value(r, SH.resultSeverity)
        msgs = sorted(str(m) for m in report.objects(r, SH.resultMessage))
        violations.append(Violation(
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            focus=_short(report.value(r, SH.focusNode), labels),
            path=_short(report.value(r, SH.resultPath), {}),
            value=_short(report.value(r, SH.value), {}),
            message=msgs[0] if msgs else str(report.value(r, SH.sourceConstraintComponent)),
            shape=str(report.value(r, SH.sourceShape) or "")))
    ill = _ill_typed(g, labels)
    violations += ill
    # one line per (node, path, value, message): two constraints of one property shape can fail together
    violations = sorted(set(violations), key=lambda v: (v.severity, v.message, v.focus, v.path, v.value))
    return ValidationReport(source, len(g), bool(conforms) and not ill, violations)


def _ill_typed(g: Graph, labels: dict[URIRef, str]) -> list[Violation]:
    """Literals that are no value of their datatype ("2021-02-29"^^xsd:date, "tre"^^xsd:integer): a
    shape that checks the datatype sees only the type, and says nothing of the value."""
    out = []
    for s, p, o in g:
        if isinstance(o, Literal) and getattr(o, "ill_typed", False):
            kind = str(o.datatype).replace(str(XSD), "xsd:") if o.datatype else "its datatype"
            out.append(Violation("Violation", _short(s, labels), _short(p, {}), _short(o, {}),
                                 f"not a valid {kind}: no such value", "datatype"))
    return out


def validate_path(path: Path) -> ValidationReport:
    g, source = load_graph(path)
    return validate_graph(g, source)
