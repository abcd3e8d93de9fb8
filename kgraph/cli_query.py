"""CLI commands (query); registered on :data:`kgraph.cli.main` when the CLI loads.

``kgraph query entities|show|neighbors|path|meetings|topics|central``,
``kgraph sparql`` and ``kgraph stats``: thin wrappers over :mod:`kgraph.query`
that only parse options and print answers as a table, JSON or CSV.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from . import vocab
from .cli import handle_errors, main
from .errors import UsageError

FORMATS = ("table", "json", "csv")
DEFAULT_GRAPH = Path("exports")
MAX_CELL = 80


def read_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--graph DIR`` and ``--format`` for every read command."""
    fn = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                      help="Output format.")(fn)
    fn = click.option("--graph", "graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
                      show_default=True, help="Folder of the build to read (the --out of kgraph build).")(fn)
    return fn


# ------------------------------------------------------------------ rendering
def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(_cell(x) for x in v)
    return " ".join(str(v).split())


def _short(s: str, width: int = MAX_CELL) -> str:
    return s if len(s) <= width else s[:width - 1] + "…"


def _sources_text(sources: Sequence[Any]) -> str:
    return " | ".join(s.text() for s in sources)


def print_table(columns: Sequence[str], rows: Sequence[Sequence[Any]],
                notes: Sequence[Sequence[str]] | None = None, width: int = MAX_CELL) -> None:
    """Aligned columns (cells cut at ``width``); ``notes[i]`` are lines printed
    indented under row i (the sources)."""
    cells = [[_short(_cell(v), width) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    out = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths)).rstrip()]
    for i, r in enumerate(cells):
        out.append("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
        for line in (notes[i] if notes else ()):
            out.append("    " + line)
    click.echo("\n".join(out))


#: what a spreadsheet takes for the start of a formula (OWASP, CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?").fullmatch


def csv_cell(text: str) -> str:
    """A CSV cell that a spreadsheet shows and never evaluates: one that begins with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP's rule against CSV
    injection; document text, names and SPARQL results can say anything). A plain number
    (``-3``, ``+1.5``, ``-2e3``) stays as it is: a spreadsheet reads it as the same number."""
    if text.startswith(FORMULA_START) and not _PLAIN_NUMBER(text):
        return "'" + text
    return text


def print_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """CSV with a header row; every cell, the header's too, made safe by :func:`csv_cell`."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([csv_cell(str(c)) for c in columns])
    for r in rows:
        w.writerow([csv_cell(_cell(v)) for v in r])
    click.echo(buf.getvalue(), nl=False)


def print_json(data: Any) -> None:
    from .query import as_json
    click.echo(json.dumps(as_json(data), ensure_ascii=False, indent=2))


def emit(fmt: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], data: Any,
         sources: Sequence[Sequence[Any]] | None = None) -> None:
    """One answer in the chosen format: the table gets each row's sources on
    indented lines, CSV a ``sources`` column, JSON the full structure."""
    if fmt == "json":
        print_json(data)
    elif fmt == "csv":
        if sources is not None:
            print_csv([*columns, "sources"], [[*r, _sources_text(s)] for r, s in zip(rows, sources)])
        else:
            print_csv(columns, rows)
    else:
        notes = [[f"source: {s.text()}" for s in srcs] for srcs in sources] if sources is not None else None
        print_table(columns, rows, notes)


def note_total(shown: int, total: int) -> None:
    if total > shown:
        click.echo(f"(showing {shown} of {total}; raise --limit to see more)", err=True)


def _classes(ref: Any) -> str:
    return ", ".join(ref.classes)


# ------------------------------------------------------------------ commands
@main.group("query")
def query_group() -> None:
    """Ask the built graph: entities, facts, neighbours, paths, meetings, topics.

    Names are matched as people type them: case and diacritics do not matter,
    genitive and short forms work ("söderhamn", "Söderhamns kommun", "micko").
    An ambiguous or unknown name is an error (exit 1) that lists the candidates.

    Example: kgraph query meetings --with micko
    """


@query_group.command("entities")
@click.option("--type", "type_", metavar="CLASS", help="Only this class (Person, Municipality, Meeting, Topic...).")
@click.option("--search", metavar="TEXT", help="Only names containing TEXT (case and diacritics ignored).")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="At most this many (0: all).")
@read_options
@handle_errors
def entities_cmd(type_: str | None, search: str | None, limit: int, graph: Path, fmt: str) -> None:
    """List entities with their class, documents and connections.

    Example: kgraph query entities --type Person --search andersson
    """
    from .query import entities
    res = entities(graph, type=type_, search=search, limit=limit or None)
    rows = [[r.entity.id, r.entity.label, _classes(r.entity), r.documents, r.degree,
             ", ".join(s.file_name for s in r.sources)] for r in res.rows]
    cols = ["id", "label", "classes", "documents", "links", "first source"]
    if fmt == "table":
        print_table(cols, rows)
    else:
        emit(fmt, cols[:-1], [r[:-1] for r in rows], res, [r.sources for r in res.rows])
    note_total(len(res.rows), res.total)


@query_group.command("show")
@click.argument("name")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="At most this many facts per relation (0: all).")
@read_options
@handle_errors
def show_cmd(name: str, limit: int, graph: Path, fmt: str) -> None:
    """All facts about one entity, each with its source document and sentence.

    Example: kgraph query show "Söderhamns kommun"
    """
    from .query import show
    d = show(graph, name, limit=limit or None)
    for rel, n in d.more.items():
        click.echo(f"({n} more {rel} facts not shown; raise --limit to see them)", err=True)
    rows = []
    for f in d.facts:
        other = f.other.label if f.other else f.value
        rows.append([f.predicate, f.direction, other, f.other.id if f.other else ""])
    if fmt == "json":
        print_json(d)
        return
    if fmt == "csv":
        print_csv(["entity", "predicate", "direction", "object", "object_id", "sources"],
                  [[d.entity.id, *r[:3], r[3], _sources_text(f.sources)] for r, f in zip(rows, d.facts)])
        return
    e = d.entity
    lines = [f"{e.label}  [{e.id}]", f"classes: {_classes(e)}"]
    if d.alt_labels:
        lines.append("also called: " + ", ".join(d.alt_labels))
    for k, v in sorted(d.attributes.items()):
        lines.append(f"{k}: {_cell(v)}")
    click.echo("\n".join(lines))
    if d.facts:
        click.echo("")
        facts = []
        for f in d.facts:
            if f.other is None:
                facts.append(f"{f.predicate}: {f.value}")
            elif f.direction == "out":
                facts.append(f"-{f.predicate}-> {f.other.label}  [{f.other.id}]")
            else:
                facts.append(f"<-{f.predicate}- {f.other.label}  [{f.other.id}]")
        print_table(["fact"], [[x] for x in facts], [[f"source: {s.text()}" for s in f.sources] for f in d.facts],
                    width=10_000)
    if d.documents:
        click.echo("")
        click.echo("mentioned in:")
        for s in d.documents:
            click.echo(f"    {s.text()}")


@query_group.command("neighbors")
@click.argument("name")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True,
              help="Hops to follow (meetings are nodes: people someone met are 2 hops away).")
@click.option("--type", "type_", metavar="CLASS", help="Only neighbours of this class.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="At most this many (0: all).")
@read_options
@handle_errors
def neighbors_cmd(name: str, depth: int, type_: str | None, limit: int, graph: Path, fmt: str) -> None:
    """Entities connected to NAME, nearest first, with the connecting fact.

    Example: kgraph query neighbors micko --depth 2 --type Person
    """
    from .query import neighbors
    res = neighbors(graph, name, depth=depth, type=type_, limit=limit or None)
    # relation read from the neighbour: "Lisa Andersson <-participant- besök: ..." (the meeting
    # has her as participant), "Lisa Andersson -affiliatedWith-> Kungsbacka kommun"
    rows = [[n.distance, n.entity.label, _classes(n.entity), n.entity.id,
             f"<-{n.predicate}-" if n.direction == "out" else f"-{n.predicate}->", n.via.label, n.via.id]
            for n in res.rows]
    cols = ["hops", "label", "classes", "id", "relation", "via", "via_id"]
    if fmt == "table":
        cols, rows = cols[:-1], [r[:-1] for r in rows]
    emit(fmt, cols, rows, res, [n.sources for n in res.rows])
    note_total(len(res.rows), res.total)


@query_group.command("path")
@click.argument("name_a", metavar="NAME")
@click.argument("name_b", metavar="NAME")
@click.option("--max-hops", type=click.IntRange(min=1), default=6, show_default=True,
              help="Give up beyond this many hops.")
@click.option("--limit", type=click.IntRange(min=1), default=3, show_default=True,
              help="At most this many paths of the shortest length.")
@click.option("--via", multiple=True, metavar="RELATION",
              help=f"Also follow this relation ({', '.join(vocab.path_relations('via'))}); by default paths go "
                   f"through {', '.join(vocab.path_relations('default'))} only.")
@read_options
@handle_errors
def path_cmd(name_a: str, name_b: str, max_hops: int, limit: int, via: tuple[str, ...], graph: Path,
             fmt: str) -> None:
    """The shortest connections between two entities, hop by hop, each with its source.

    Paths go through meetings (participant, location), affiliations and
    posts; parties, associations, counties and topics only with --via.

    Example: kgraph query path "Lisa Andersson" "John-Erik Jansson"
    """
    from .query import path
    paths = path(graph, name_a, name_b, max_hops=max_hops, limit=limit, via=via)
    if fmt == "json":
        print_json(paths)
        return
    rows, srcs = [], []
    for i, p in enumerate(paths, 1):
        for j, h in enumerate(p.hops, 1):
            arrow = f"-{h.predicate}->" if h.forward else f"<-{h.predicate}-"
            rows.append([i, j, h.start.label, arrow, h.end.label, h.start.id, h.end.id])
            srcs.append(h.sources)
    if fmt == "csv":
        print_csv(["path", "hop", "from", "relation", "to", "from_id", "to_id", "sources"],
                  [[*r, _sources_text(s)] for r, s in zip(rows, srcs)])
        return
    for i, p in enumerate(paths, 1):
        nodes = p.nodes
        click.echo(f"path {i} of {len(paths)}: {nodes[0].label} -> {nodes[-1].label} ({len(p.hops)} hops)")
        sel = [k for k, r in enumerate(rows) if r[0] == i]
        print_table(["hop", "from", "relation", "to"], [rows[k][1:5] for k in sel],
                    [[f"source: {s.text()}" for s in srcs[k]] for k in sel])
        if i < len(paths):
            click.echo("")


@query_group.command("meetings")
@click.option("--with", "with_", metavar="NAME", multiple=True, help="Took part (repeat: all of them).")
@click.option("--topic", metavar="TOPIC", help="About this topic (or a narrower one).")
@click.option("--place", metavar="NAME", help="Held at this place (a county: in its municipalities).")
@click.option("--since", metavar="DATE", help="On or after this date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", metavar="DATE", help="On or before this date.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="At most this many (0: all).")
@read_options
@handle_errors
def meetings_cmd(with_: tuple[str, ...], topic: str | None, place: str | None, since: str | None,
                 until: str | None, limit: int, graph: Path, fmt: str) -> None:
    """Meetings, newest first, with who took part, where, about what, and the source.

    Example: kgraph query meetings --with micko --since 2021-01-01
    """
    from .query import meetings
    res = meetings(graph, with_=with_, topic=topic, place=place, since=since, until=until,
                   limit=limit or None)
    rows = [[m.date, m.meeting_kind, m.status, [p.label for p in m.places], [p.label for p in m.participants],
             [t.label for t in m.topics], m.meeting.id] for m in res.rows]
    cols = ["date", "kind", "status", "place", "participants", "topics", "id"]
    if fmt == "table":
        rows = [r[:-1] for r in rows]
        cols = cols[:-1]
    emit(fmt, cols, rows, res, [m.sources for m in res.rows])
    note_total(len(res.rows), res.total)


@query_group.command("topics")
@click.option("--with", "with_", metavar="NAME", help="Only meetings and documents of this entity.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="At most this many (0: all).")
@read_options
@handle_errors
def topics_cmd(with_: str | None, limit: int, graph: Path, fmt: str) -> None:
    """Topics, by the number of meetings and documents about them.

    Example: kgraph query topics --with kungsbacka
    """
    from .query import topics
    res = topics(graph, with_=with_, limit=limit or None)
    rows = [[t.topic.label, t.meetings, t.documents, t.topic.id] for t in res.rows]
    emit(fmt, ["topic", "meetings", "documents", "id"], rows, res, [t.sources for t in res.rows])
    if not res.rows and fmt == "table":
        click.echo("(no topics" + (f" for {res.about.label}" if res.about else "") + ")", err=True)
    note_total(len(res.rows), res.total)


@query_group.command("central")
@click.option("--type", "type_", metavar="CLASS", help="Only this class.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many.")
@read_options
@handle_errors
def central_cmd(type_: str | None, top: int, graph: Path, fmt: str) -> None:
    """The most connected entities (distinct neighbours over relations).

    Example: kgraph query central --type Person --top 5
    """
    from .query import central
    res = central(graph, type=type_, top=top)
    rows = [[i, r.entity.label, _classes(r.entity), r.degree, r.meetings, r.documents, r.entity.id]
            for i, r in enumerate(res, 1)]
    cols = ["rank", "label", "classes", "links", "meetings", "documents", "id"]
    if fmt == "table":
        print_table(cols, rows)
    else:
        emit(fmt, cols, rows, res, [r.sources for r in res])


@main.command("sparql")
@click.argument("query", metavar="QUERY|@FILE")
@click.option("--bind", "binds", metavar="VAR=VALUE", multiple=True,
              help="Bind a variable (VALUE: <iri>, prefix:name, @NAME for the entity NAME stands for, e.g. "
                   "p=@micko, or a string); bound, never pasted into the query.")
@click.option("--timeout", type=click.FloatRange(min=0), default=60, show_default=True, metavar="SECONDS",
              help="Stop the query after this long (exit 124); 0: no limit.")
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE (federated queries, which go over the network); refused by default.")
@read_options
@handle_errors
def sparql_cmd(query: str, binds: tuple[str, ...], timeout: float, allow_service: bool, graph: Path,
               fmt: str) -> None:
    """Run SPARQL 1.1 over the built graph (prefixes kgo:, kg:, rdfs:, skos:... predeclared).

    SELECT prints a table (or JSON/CSV), ASK true or false, CONSTRUCT and
    DESCRIBE Turtle. @FILE reads the query from a file, @- from stdin.

    A bound variable of a SELECT must be selected (or use SELECT *).

    The query runs offline in a process of its own, stopped after --timeout.
    Exit codes: 0 answered; 2 a bad query, --bind, SERVICE without
    --allow-service, or nesting deeper than 100; 124 stopped by --timeout;
    1 another error (no build, the engine crashed).

    Example: kgraph sparql 'SELECT ?m ?n WHERE { ?m kgo:participant ?p . ?p rdfs:label ?n }' --bind n="Lena Micko"
    """
    from .query import sparql
    if query.startswith("@"):
        src = query[1:]
        if src == "-":
            query = sys.stdin.read()
        else:
            try:
                query = Path(src).read_text(encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"{src}: cannot read the query file ({exc.strerror or exc})") from exc
    bindings = {}
    for b in binds:
        var, sep, value = b.partition("=")
        if not sep or not var.strip().lstrip("?$"):
            raise UsageError(f"--bind {b!r}: write VAR=VALUE")
        bindings[var.strip()] = bound_value(graph, value)
    res = sparql(graph, query, bindings, timeout=timeout or None, allow_service=allow_service)
    if res.form == "ask":
        if fmt == "json":
            click.echo(json.dumps({"boolean": res.boolean}))
        else:
            click.echo("true" if res.boolean else "false")
        return
    if res.form == "graph":
        click.echo(res.turtle, nl=False)
        return
    if fmt == "json":
        click.echo(json.dumps(res.rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        print_csv(res.variables, [[r[v] for v in res.variables] for r in res.rows])
    else:
        print_table(res.variables, [[_compact(r[v]) for v in res.variables] for r in res.rows])
        click.echo(f"({len(res.rows)} rows)", err=True)


def bound_value(graph: Path, value: str) -> Any:
    """A --bind value: ``@NAME`` is the IRI of the entity NAME stands for (resolved as every command
    resolves names), ``@@TEXT`` the string ``@TEXT``; anything else as :func:`kgraph.query.sparql` reads it."""
    from .query import resolve_name
    if value.startswith("@@"):
        return value[1:]
    if value.startswith("@"):
        return resolve_name(graph, value[1:])
    return value


def _compact(value: str | None) -> str:
    from .query import SPARQL_PREFIXES
    if value is None:
        return ""
    for prefix, ns in SPARQL_PREFIXES.items():
        if value.startswith(ns) and len(value) > len(ns):
            return f"{prefix}:{value[len(ns):]}"
    return value


@main.command("stats")
@read_options
@handle_errors
def stats_cmd(graph: Path, fmt: str) -> None:
    """Counts of the build: documents, entities by class, meetings, relations, triples.

    Example: kgraph stats --graph exports
    """
    from .query import stats
    s = stats(graph)
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    rows: list[list[Any]] = []
    for k, v in s.items():
        if isinstance(v, dict):
            rows.extend([f"{k}: {k2}", v2] for k2, v2 in v.items())
        else:
            rows.append([k, v])
    if fmt == "csv":
        print_csv(["key", "value"], rows)
    else:
        print_table(["key", "value"], rows)
