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
from .errors import KgraphError, NoDocumentsError

DEFAULT_INPUT = Path("data/corpus")
DEFAULT_OUT = Path("exports")


def handle_errors(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgraphError as exc:
            click.echo(f"kgraph: error: {exc}", err=True)
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
@handle_errors
def build(inputs: tuple[Path, ...], out: Path, strict: bool, no_html: bool) -> None:
    """Build the graph from files or folders (default: data/corpus).

    Example: kgraph build data/corpus --out exports
    """
    from .pipeline import build as run
    if not inputs:
        if not DEFAULT_INPUT.is_dir():
            raise NoDocumentsError(f"{DEFAULT_INPUT}: no input given and the default corpus folder does not exist "
                                   "here; name files or folders: kgraph build FILE_OR_FOLDER...")
        inputs = (DEFAULT_INPUT,)
    result = run(inputs, out, strict=strict, html=not no_html)
    click.echo(result.summary(), err=True)
    if result.skipped:
        sys.exit(3)



# commands defined in their own modules register themselves on ``main``
from . import cli_query, cli_rdf, cli_view  # noqa: E402,F401
