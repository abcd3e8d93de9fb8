"""Command line: thin wrappers over the library API.

Errors the library raises on purpose (:class:`KgraphError`) become one line on
stderr and an exit code; nothing else is caught.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from . import __version__
from .errors import BuildInterrupted, KgraphError, NoDocumentsError, UsageError
from .text import printable, printable_lines, shown

DEFAULT_INPUT = Path("data/corpus")
DEFAULT_OUT = Path("exports")


def handle_errors(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgraphError as exc:
            # a name that is not UTF-8, or holds a line break or an escape sequence: escaped, one line
            click.echo(printable(f"kgraph: error: {exc}"), err=True)
            sys.exit(exc.exit_code)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgraph")
def main() -> None:
    """kgraph: Swedish public-sector documents to a knowledge graph."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Output folder for graph.ttl, graph.html and the store.")
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be read.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--no-sparql", is_flag=True,
              help="Leave the SPARQL part out of the store (kgraph sparql then asks for a build with it): "
                   "the costliest output of a large build; kgraph query and graph.ttl do not need it.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores).")
@click.option("--rebuild", is_flag=True, help="Ignore the cache of earlier builds in OUT; extract everything.")
@click.option("--max-bytes", "max_bytes", default="50M", show_default=True, metavar="SIZE",
              help="Skip files (and lines of .jsonl, messages of .mbox) larger than this; e.g. 500k, 20M, 1G.")
@click.option("--max-seconds", "max_seconds", type=click.FloatRange(min=0), default=60, show_default=True,
              metavar="SECONDS",
              help="Skip a document whose extraction takes longer than this (0: no limit).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Read and extract on the Dask cluster of this scheduler (e.g. tcp://10.0.0.5:8786); inputs "
                   "and OUT must be on a file system its workers share. Needs kgraph[dask].")
@click.option("--dask", "dask_mode", type=click.Choice(["local"]),
              help="Read and extract on a Dask cluster of --jobs workers started on this machine.")
@handle_errors
def build(inputs: tuple[Path, ...], out: Path, strict: bool, no_html: bool, no_sparql: bool, jobs: int | None,
          rebuild: bool, max_bytes: str, max_seconds: float, scheduler: str | None, dask_mode: str | None) -> None:
    """Build the graph from files or folders (default: data/corpus).

    Reads .txt/.md, .html/.htm, .pdf, .docx, .eml, .mbox and .jsonl; other
    files are skipped with a note. Unchanged documents come from the cache in
    OUT/.kgraph-cache. A progress bar shows on a terminal.
    A file whose text would unpack to more than --max-bytes (a zip bomb) and a
    document whose extraction takes longer than --max-seconds are skipped.
    Exit codes: 0 all read, 3 graph written but some inputs skipped, 1 nothing
    built, 2 usage error, 130 interrupted.

    Example: kgraph build data/corpus --out exports --jobs 2
    On a Dask cluster: kgraph build corpus/ --scheduler tcp://HOST:8786
    """
    import signal

    from .pipeline import build as run, parse_size, terminal_progress
    if not inputs:
        if not DEFAULT_INPUT.is_dir():
            raise NoDocumentsError(f"{DEFAULT_INPUT}: no input given and the default corpus folder does not exist "
                                   "here; name files or folders: kgraph build FILE_OR_FOLDER...")
        inputs = (DEFAULT_INPUT,)
    limit = parse_size(max_bytes)
    if scheduler and dask_mode:
        raise UsageError("give either --scheduler ADDRESS or --dask local, not both")

    def on_term(signum, frame):  # kill: stop like Ctrl-C, leaving the previous outputs in place
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        with terminal_progress(sys.stderr.isatty()) as progress:
            result = run(inputs, out, strict=strict, html=not no_html, sparql=not no_sparql, jobs=jobs,
                         rebuild=rebuild, max_bytes=limit, progress=progress, max_seconds=max_seconds,
                         scheduler=scheduler or dask_mode)
    except BuildInterrupted as exc:
        click.echo(printable(f"kgraph: {exc}"), err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo(shown(f"kgraph: interrupted; the previous outputs in {out} are left as they were"), err=True)
        sys.exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo(shown(result.summary()), err=True)
    click.echo(printable_lines(next_steps(out, html=not no_html).splitlines()), err=True)
    if result.skipped:
        sys.exit(3)


def next_steps(out: Path, html: bool = True) -> str:
    """What to do with a fresh build: open the page, ask about its most connected person (the first
    of ``kgraph query central --type Person``: one indexed query of the store the build wrote, where
    asking every person's degree of the graph took seconds per 100,000 documents)."""
    import shlex
    graph = "" if out == DEFAULT_OUT else f" --graph {shlex.quote(str(out))}"
    person = _most_connected_person(out)
    name = shlex.quote(person) if person else "NAME"
    lines = ["next:"]
    if html:
        lines.append(f"  open {out / 'graph.html'} in a browser (works offline)")
    lines += [f"  kgraph query central{graph}", f"  kgraph query show {name}{graph}",
              f"  kgraph query meetings --with {name}{graph}", f"  kgraph view {name}{graph}"]
    return "\n".join(lines)


def _most_connected_person(out: Path) -> str | None:
    import sqlite3

    from .query import central
    from .store import open_store
    try:
        rows = central(open_store(out), type="Person", top=1)
    except (KgraphError, OSError, sqlite3.Error):  # no person, or no store to ask: the hint says NAME
        return None
    return rows[0].entity.label if rows else None


# commands defined in their own modules register themselves on ``main``
from . import cli_query, cli_rdf, cli_view  # noqa: E402,F401

if __name__ == "__main__":  # ``python -m kgraph.cli``: run the registered group, not a copy
    from kgraph.cli import main as _main

    _main(prog_name="kgraph")
