"""CLI commands (query); registered on :data:`kgraph.cli.main` when the CLI loads.

``kgraph query entities|show|neighbors|path|meetings|met|topics|central``,
``kgraph sparql`` and ``kgraph stats``: thin wrappers over :mod:`kgraph.query`
that only parse options and print answers as a table, JSON, CSV, TSV or JSON
Lines (every CSV, TSV and JSON Lines cell through :func:`csv_cell`).
"""
from __future__ import annotations

import csv
import functools
import io
import json
import re
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from . import vocab
from .cli import handle_errors, main
from .defaults import HUB_DEGREE
from .errors import UsageError
from .text import printable, printable_lines

#: the largest --limit, --top, --depth or --max-hops taken (a count SQLite can hold; more is never needed)
COUNT_MAX = 1_000_000_000
COUNT = click.IntRange(min=0, max=COUNT_MAX)  # --limit (0: all)
POSITIVE_COUNT = click.IntRange(min=1, max=COUNT_MAX)  # --top, --depth, --max-hops, path's --limit

FORMATS = ("table", "json", "csv", "tsv", "ndjson")
DEFAULT_GRAPH = Path("exports")
MAX_CELL = 80  # characters of a table cell on a terminal (without --wide); piped tables are never cut

_OUTPUT = {"wide": False}  # set by the read options of the command that runs


def read_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--graph DIR``, ``--format`` and ``--wide`` for every read command."""
    @functools.wraps(fn)
    def wrapper(*args: Any, wide: bool = False, **kwargs: Any) -> Any:
        _OUTPUT["wide"] = wide
        return fn(*args, **kwargs)

    out = click.option("--wide", is_flag=True,
                       help="Table: whole cells on a terminal too (output that is piped or redirected is "
                            "never cut).")(wrapper)
    out = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                       help="Output format: an aligned table, JSON ({rows, total, about}), CSV, TSV, or "
                            "JSON Lines (ndjson: one row per line).")(out)
    out = click.option("--graph", "graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
                       show_default=True, help="Folder of the build to read (the --out of kgraph build).")(out)
    return out


# ------------------------------------------------------------------ rendering
def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(_cell(x) for x in v)
    return " ".join(str(v).split())


def _short(s: str, width: int | None) -> str:
    return s if width is None or len(s) <= width else s[:width - 1] + "…"


def cell_width() -> int | None:
    """How long a table cell may be: :data:`MAX_CELL` on a terminal, whole cells with ``--wide``
    or when the output goes to a pipe or a file (a cut cell there is data lost)."""
    if _OUTPUT["wide"] or sys.stdout is None or not sys.stdout.isatty():  # (click.get_text_stream: deprecated)
        return None
    return MAX_CELL


def node_id(ref: Any) -> str:
    """A node id as tables show it: as it can be pasted back into a command (``kgraph query show
    person/lena-micko``), quoted for the shell in the unlikely case it needs it."""
    text = ref if isinstance(ref, str) else ref.id
    return text if re.fullmatch(r"[\w/.:+@%=,-]*", text, re.ASCII) else shlex.quote(text)


def _sources_text(sources: Sequence[Any]) -> str:
    return " | ".join(s.text() for s in sources)


def print_table(columns: Sequence[str], rows: Sequence[Sequence[Any]],
                notes: Sequence[Sequence[str]] | None = None, width: int | None = -1) -> None:
    """Aligned columns; ``notes[i]`` are lines printed indented under row i (the sources). Cells are
    cut at ``width`` characters (default: :func:`cell_width`; None: never)."""
    width = cell_width() if width == -1 else width
    cells = [[_short(printable(_cell(v)), width) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    out = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths)).rstrip()]
    for i, r in enumerate(cells):
        out.append("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
        for line in (notes[i] if notes else ()):
            out.append("    " + printable(line))
    click.echo("\n".join(out))


#: what a spreadsheet takes for the start of a formula (OWASP, CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?").fullmatch


def csv_cell(text: str) -> str:
    """A CSV cell that a spreadsheet shows and never evaluates: one that begins with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP's rule against CSV
    injection; document text, names and SPARQL results can say anything). A plain number
    (``-3``, ``+1.5``, ``-2e3``) stays as it is: a spreadsheet reads it as the same number.
    TSV and the string values of JSON Lines rows get the same treatment."""
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


def print_tsv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Tab-separated values with a header row (IANA text/tab-separated-values: no cell holds a tab
    or a line break, since white space runs are one space); cells made safe by :func:`csv_cell`."""
    lines = ["\t".join(csv_cell(_cell(c)) for c in columns)]
    lines += ["\t".join(csv_cell(_cell(v)) for v in r) for r in rows]
    click.echo("\n".join(lines))


def _safe_strings(data: Any) -> Any:
    """Every string in ``data`` made safe by :func:`csv_cell` (JSON Lines go into spreadsheets too)."""
    if isinstance(data, str):
        return csv_cell(data)
    if isinstance(data, dict):
        return {k: _safe_strings(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_safe_strings(v) for v in data]
    return data


def print_json(data: Any) -> None:
    from .query import as_json
    click.echo(json.dumps(as_json(data), ensure_ascii=False, indent=2))


def print_ndjson(records: Sequence[Any]) -> None:
    """JSON Lines: one compact JSON object per row, strings made safe by :func:`csv_cell`."""
    from .query import as_json
    if records:
        click.echo("\n".join(json.dumps(_safe_strings(as_json(r)), ensure_ascii=False) for r in records))


def _records(data: Any) -> list[Any]:
    """The rows of an answer, for JSON Lines."""
    rows = getattr(data, "rows", data)
    return list(rows) if isinstance(rows, (list, tuple)) else [rows]


def emit(fmt: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], data: Any,
         sources: Sequence[Sequence[Any]] | None = None, table: tuple[int, ...] | None = None) -> None:
    """One answer in the chosen format: the table gets each row's sources on
    indented lines (and only the columns ``table`` lists, if given), CSV and TSV a
    ``sources`` column, JSON the full structure, JSON Lines one row per line."""
    if fmt == "json":
        print_json(data)
    elif fmt == "ndjson":
        print_ndjson(_records(data))
    elif fmt in ("csv", "tsv"):
        printer = print_csv if fmt == "csv" else print_tsv
        if sources is not None:
            printer([*columns, "sources"], [[*r, _sources_text(s)] for r, s in zip(rows, sources)])
        else:
            printer(columns, rows)
    else:
        if table is not None:
            columns = [columns[i] for i in table]
            rows = [[r[i] for i in table] for r in rows]
        notes = [[f"source: {s.text()}" for s in srcs] for srcs in sources] if sources is not None else None
        print_table(columns, rows, notes)


def note_empty(what: str, **filters: Any) -> None:
    """Say on stderr that an answer is empty, and what was asked ("no meetings match --place
    karlshamn"); the exit code stays 0: an empty answer is an answer."""
    asked = []
    for option, value in filters.items():
        for v in (value if isinstance(value, (list, tuple)) else [value]):
            if v not in (None, "", False):
                asked.append(f"--{option.replace('_', '-')} {shlex.quote(str(v))}")
    click.echo(f"no {what} match " + " ".join(asked) if asked else f"no {what} in this graph", err=True)


def note_total(shown: int, total: int) -> None:
    if total > shown:
        click.echo(f"(showing {shown} of {total}; raise --limit to see more)", err=True)


def _classes(ref: Any) -> str:
    return ", ".join(ref.classes)


# ------------------------------------------------------------------ commands
@main.group("query")
def query_group() -> None:
    """Ask the built graph: entities, facts, neighbours, paths, meetings, whom someone met, topics.

    Names are matched as people type them: case and diacritics do not matter,
    genitive and short forms work ("söderhamn", "Söderhamns kommun", "micko").
    An ambiguous or unknown name is an error (exit 1) that lists the candidates.

    Example: kgraph query meetings --with micko
    """


@query_group.command("entities")
@click.option("--type", "type_", metavar="CLASS", help="Only this class (Person, Municipality, Meeting, Topic...).")
@click.option("--search", metavar="TEXT", help="Only names containing TEXT (case and diacritics ignored).")
@click.option("--limit", type=COUNT, default=100, show_default=True,
              help="At most this many (0: all).")
@read_options
@handle_errors
def entities_cmd(type_: str | None, search: str | None, limit: int, graph: Path, fmt: str) -> None:
    """List entities with their class, documents and connections.

    Example: kgraph query entities --type Person --search andersson
    """
    from .query import entities
    res = entities(graph, type=type_, search=search, limit=limit or None)
    rows = [[node_id(r.entity), r.entity.label, _classes(r.entity), r.documents, r.degree,
             ", ".join(s.file_name for s in r.sources)] for r in res.rows]
    cols = ["id", "label", "classes", "documents", "links", "first source"]
    if not res.rows:
        note_empty("entities", type=type_, search=search)
    if fmt == "table":
        if rows:
            print_table(cols, rows)
    else:
        emit(fmt, cols[:-1], [r[:-1] for r in rows], res, [r.sources for r in res.rows])
    note_total(len(res.rows), res.total)


def _fact_record(entity: Any, f: Any) -> dict[str, Any]:
    """One fact of ``show`` as a JSON Lines row."""
    from .query import as_json
    return {"entity": entity.id, **as_json(f)}


@query_group.command("show")
@click.argument("name")
@click.option("--limit", type=COUNT, default=100, show_default=True,
              help="At most this many facts per relation (0: all).")
@read_options
@handle_errors
def show_cmd(name: str, limit: int, graph: Path, fmt: str) -> None:
    """All facts about one entity, each with its source document and sentence;
    where a place lies (venue, municipality, county), and where a meeting was held.

    Example: kgraph query show "Söderhamns kommun"
    """
    from .query import show
    d = show(graph, name, limit=limit or None)
    for rel, n in d.more.items():
        click.echo(f"({n} more {rel} facts not shown; raise --limit to see them)", err=True)
    rows = []
    for f in d.facts:
        other = f.other.label if f.other else f.value
        rows.append([d.entity.id, f.predicate, f.direction, other, f.other.id if f.other else "",
                     _sources_text(f.sources)])
    if fmt == "json":
        print_json(d)
        return
    if fmt == "ndjson":
        print_ndjson([_fact_record(d.entity, f) for f in d.facts])
        return
    if fmt in ("csv", "tsv"):
        (print_csv if fmt == "csv" else print_tsv)(
            ["entity", "predicate", "direction", "object", "object_id", "sources"], rows)
        return
    e = d.entity
    lines = [e.label, f"id: {node_id(e)}", f"classes: {_classes(e)}"]
    if d.alt_labels:
        lines.append("also called: " + ", ".join(d.alt_labels))
    for k, v in sorted(d.attributes.items()):
        lines.append(f"{k}: {_cell(v)}")
    if d.located_in:
        head = "held at:" if e.kind == "meeting" else "located in:"
        width = max(len(x.label) for x in d.located_in)
        for i, x in enumerate(d.located_in):
            lines.append(f"{head if i == 0 else '':<{len(head)}} {x.label:<{width}}  {node_id(x)}")
    click.echo(printable_lines(lines))
    if d.facts:
        click.echo("")
        facts = []
        for f in d.facts:
            if f.other is None:
                facts.append([f"{f.predicate}: {f.value}", ""])
            elif f.direction == "out":
                facts.append([f"-{f.predicate}-> {f.other.label}", node_id(f.other)])
            else:
                facts.append([f"<-{f.predicate}- {f.other.label}", node_id(f.other)])
        print_table(["fact", "id"], facts, [[f"source: {s.text()}" for s in f.sources] for f in d.facts],
                    width=None)
    if d.documents:
        click.echo("")
        click.echo("mentioned in:")
        for s in d.documents:
            click.echo(printable(f"    {s.text()}"))


@query_group.command("neighbors")
@click.argument("name")
@click.option("--depth", type=POSITIVE_COUNT, default=1, show_default=True,
              help="Hops to follow (meetings are nodes: people someone met are 2 hops away).")
@click.option("--type", "type_", metavar="CLASS", help="Only neighbours of this class.")
@click.option("--through-hubs", is_flag=True,
              help=f"Beyond the first hop, also go through parties, the government, ministries, the "
                   f"parliament and nodes with more than {HUB_DEGREE} links (by default they are listed, "
                   f"not gone through).")
@click.option("--limit", type=COUNT, default=100, show_default=True,
              help="At most this many (0: all).")
@read_options
@handle_errors
def neighbors_cmd(name: str, depth: int, type_: str | None, through_hubs: bool, limit: int, graph: Path,
                  fmt: str) -> None:
    """Entities connected to NAME, nearest first, with the connecting fact.

    Beyond the first hop, hubs (a party, the government, a ministry, any node
    with more than 50 links) are not gone through unless --through-hubs: for
    whom NAME met, see kgraph query met.

    Example: kgraph query neighbors micko --depth 2 --type Person
    """
    from .query import neighbors
    res = neighbors(graph, name, depth=depth, type=type_, limit=limit or None, through_hubs=through_hubs)
    # relation read from the neighbour: "Lisa Andersson <-participant- besök: ..." (the meeting
    # has her as participant), "Lisa Andersson -affiliatedWith-> Kungsbacka kommun"
    rows = [[n.distance, n.entity.label, _classes(n.entity), node_id(n.entity),
             f"<-{n.predicate}-" if n.direction == "out" else f"-{n.predicate}->", n.via.label, node_id(n.via)]
            for n in res.rows]
    cols = ["hops", "label", "classes", "id", "relation", "via", "via_id"]
    if not res.rows and res.about is not None and res.about.kind in ("document", "post"):
        # their links are to what a document mentions and to whom a post is held by, not neighbours
        click.echo(printable(f"{res.about.id} is a {res.about.kind}: it has no neighbours among the entities; "
                             f"kgraph query show {node_id(res.about)} lists its facts"), err=True)
    elif not res.rows:
        note_empty("neighbours", depth=depth if depth > 1 else None, type=type_)
    if rows or fmt != "table":
        emit(fmt, cols, rows, res, [n.sources for n in res.rows], table=(0, 1, 2, 3, 4, 5))
    note_total(len(res.rows), res.total)
    if res.hubs:
        shown = ", ".join(h.label for h in res.hubs[:8]) + (f" and {len(res.hubs) - 8} more"
                                                           if len(res.hubs) > 8 else "")
        click.echo(f"(not gone through {len(res.hubs)} hub{'s' if len(res.hubs) > 1 else ''}: {shown}; "
                   "--through-hubs follows them)", err=True)


@query_group.command("path")
@click.argument("name_a", metavar="NAME")
@click.argument("name_b", metavar="NAME")
@click.option("--max-hops", type=POSITIVE_COUNT, default=6, show_default=True,
              help="Give up beyond this many hops.")
@click.option("--limit", type=POSITIVE_COUNT, default=3, show_default=True,
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
    from .query import Listing, NoPathError, as_json, path
    try:
        paths = path(graph, name_a, name_b, max_hops=max_hops, limit=limit, via=via)
    except NoPathError as exc:  # an empty answer, as every listing's: said on stderr, exit 0
        click.echo(printable(str(exc)), err=True)
        paths = []
    if fmt == "json":
        print_json(Listing(paths, len(paths)))
        return
    rows, srcs = [], []
    for i, p in enumerate(paths, 1):
        for j, h in enumerate(p.hops, 1):
            arrow = f"-{h.predicate}->" if h.forward else f"<-{h.predicate}-"
            rows.append([i, j, h.start.label, arrow, h.end.label, node_id(h.start), node_id(h.end)])
            srcs.append(h.sources)
    if fmt == "ndjson":
        print_ndjson([{"path": i, "hop": j, **as_json(h)} for i, p in enumerate(paths, 1)
                      for j, h in enumerate(p.hops, 1)])
        return
    if fmt in ("csv", "tsv"):
        (print_csv if fmt == "csv" else print_tsv)(
            ["path", "hop", "from", "relation", "to", "from_id", "to_id", "sources"],
            [[*r, _sources_text(s)] for r, s in zip(rows, srcs)])
        return
    for i, p in enumerate(paths, 1):
        nodes = p.nodes
        click.echo(printable(f"path {i} of {len(paths)}: {nodes[0].label} -> {nodes[-1].label} ({len(p.hops)} hops)"))
        sel = [k for k, r in enumerate(rows) if r[0] == i]
        print_table(["hop", "from", "relation", "to", "to_id"], [rows[k][1:5] + rows[k][6:7] for k in sel],
                    [[f"source: {s.text()}" for s in srcs[k]] for k in sel])
        if i < len(paths):
            click.echo("")


_PERIOD_HELP = ("On or after this date (YYYY-MM-DD, YYYY-MM or YYYY); a meeting whose text gives no date "
                "counts by its document's publication date.")


@query_group.command("meetings")
@click.option("--with", "with_", metavar="NAME", multiple=True, help="Took part (repeat: all of them).")
@click.option("--topic", metavar="TOPIC", help="About this topic (or a narrower one).")
@click.option("--place", metavar="NAME",
              help="Held at this place or anywhere in it (a municipality: also its venues; a county: its "
                   "municipalities and their venues).")
@click.option("--since", metavar="DATE", help=_PERIOD_HELP)
@click.option("--until", metavar="DATE", help="On or before this date.")
@click.option("--limit", type=COUNT, default=100, show_default=True,
              help="At most this many (0: all).")
@read_options
@handle_errors
def meetings_cmd(with_: tuple[str, ...], topic: str | None, place: str | None, since: str | None,
                 until: str | None, limit: int, graph: Path, fmt: str) -> None:
    """Meetings, newest first, with who took part, where, about what, and the source.

    DATE_SOURCE says where a date comes from: "text" (the text dates the
    meeting) or "document" (it does not; the document's publication date).

    Example: kgraph query meetings --with micko --since 2021-01-01
    """
    from .query import meetings
    res = meetings(graph, with_=with_, topic=topic, place=place, since=since, until=until,
                   limit=limit or None)
    rows = [[m.date, m.date_source, m.meeting_kind, m.status, [p.label for p in m.places],
             [p.label for p in m.participants], [t.label for t in m.topics], node_id(m.meeting)]
            for m in res.rows]
    cols = ["date", "date_source", "kind", "status", "place", "participants", "topics", "id"]
    if not res.rows:
        note_empty("meetings", with_=with_, topic=topic, place=place, since=since, until=until)
    if rows or fmt != "table":
        emit(fmt, cols, rows, res, [m.sources for m in res.rows])
    note_total(len(res.rows), res.total)


@query_group.command("met")
@click.argument("name")
@click.option("--since", metavar="DATE", help=_PERIOD_HELP)
@click.option("--until", metavar="DATE", help="On or before this date.")
@click.option("--type", "type_", metavar="CLASS", help="Only people (Person) or organisations of this class.")
@click.option("--limit", type=COUNT, default=100, show_default=True,
              help="At most this many (0: all).")
@read_options
@handle_errors
def met_cmd(name: str, since: str | None, until: str | None, type_: str | None, limit: int, graph: Path,
            fmt: str) -> None:
    """Whom NAME met: everyone who took part in a meeting with NAME, most meetings
    first, with those meetings (newest first), their dates and sources.

    Example: kgraph query met "Lena Micko" --since 2021 --type Person
    """
    from .query import met
    res = met(graph, name, since=since, until=until, type=type_, limit=limit or None)
    rows = [[r.entity.label, _classes(r.entity), len(r.meetings),
             [_dated(m.date, m.date_source) for m in r.meetings], node_id(r.entity),
             [node_id(m.meeting) for m in r.meetings]] for r in res.rows]
    cols = ["label", "classes", "meetings", "dates", "id", "meeting_ids"]
    if not res.rows:
        note_empty(f"meetings with {res.about.label if res.about else name}", since=since, until=until,
                   type=type_)
    if fmt == "table":
        if rows:
            notes = [[line for m in r.meetings for line in (
                f"{_dated(m.date, m.date_source) or 'undated'}  {m.meeting_kind}  {node_id(m.meeting)}",
                *(f"    source: {s.text()}" for s in m.sources[:1]))] for r in res.rows]
            print_table(cols[:5], [r[:5] for r in rows], notes)
    else:
        emit(fmt, cols, rows, res, [[s for m in r.meetings for s in m.sources[:1]] for r in res.rows])
    note_total(len(res.rows), res.total)


def _dated(date: str, source: str) -> str:
    """A date as lists show it: "2012-12-05 (document)" when it is the document's, not the meeting's."""
    return f"{date} (document)" if date and source == "document" else date


@query_group.command("topics")
@click.option("--with", "with_", metavar="NAME", help="Only meetings and documents of this entity.")
@click.option("--limit", type=COUNT, default=100, show_default=True,
              help="At most this many (0: all).")
@read_options
@handle_errors
def topics_cmd(with_: str | None, limit: int, graph: Path, fmt: str) -> None:
    """Topics, by the number of meetings and documents about them.

    Example: kgraph query topics --with kungsbacka
    """
    from .query import topics
    res = topics(graph, with_=with_, limit=limit or None)
    rows = [[t.topic.label, t.meetings, t.documents, node_id(t.topic)] for t in res.rows]
    if not res.rows:
        note_empty("topics", with_=with_)
    if rows or fmt != "table":
        emit(fmt, ["topic", "meetings", "documents", "id"], rows, res, [t.sources for t in res.rows])
    note_total(len(res.rows), res.total)


@query_group.command("central")
@click.option("--type", "type_", metavar="CLASS", help="Only this class.")
@click.option("--top", type=POSITIVE_COUNT, default=10, show_default=True, help="How many.")
@read_options
@handle_errors
def central_cmd(type_: str | None, top: int, graph: Path, fmt: str) -> None:
    """The most connected entities (distinct neighbours over relations).

    Example: kgraph query central --type Person --top 5
    """
    from .query import Listing, central
    res = central(graph, type=type_, top=top)
    rows = [[i, r.entity.label, _classes(r.entity), r.degree, r.meetings, r.documents, node_id(r.entity)]
            for i, r in enumerate(res, 1)]
    cols = ["rank", "label", "classes", "links", "meetings", "documents", "id"]
    if not res:
        note_empty("entities", type=type_)
    if fmt == "table":
        if rows:
            print_table(cols, rows)
    else:
        emit(fmt, cols, rows, Listing(list(res), len(res)), [r.sources for r in res])


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
    if fmt == "json":  # the shape of every query answer: {rows, total, about}
        click.echo(json.dumps({"rows": res.typed_rows(), "total": len(res.rows), "about": None},
                              ensure_ascii=False, indent=2))
    elif fmt == "ndjson":
        print_ndjson(res.typed_rows())
    elif fmt in ("csv", "tsv"):
        (print_csv if fmt == "csv" else print_tsv)(res.variables, [[r[v] for v in res.variables] for r in res.rows])
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
    if fmt == "ndjson":
        print_ndjson([s])
        return
    rows: list[list[Any]] = []
    for k, v in s.items():
        if isinstance(v, dict):
            rows.extend([f"{k}: {k2}", v2] for k2, v2 in v.items())
        else:
            rows.append([k, v])
    if fmt in ("csv", "tsv"):
        (print_csv if fmt == "csv" else print_tsv)(["key", "value"], rows)
    else:
        print_table(["key", "value"], rows)
