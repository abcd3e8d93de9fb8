"""CLI command ``kgraph view``; registered on :data:`kgraph.cli.main` when the CLI loads.

A thin layer over :mod:`kgraph.view`: load the build, resolve NAME, write the page.
"""
from __future__ import annotations

from pathlib import Path

import click

from .cli import DEFAULT_OUT, handle_errors, main
from .defaults import VIEW_DEPTH as DEFAULT_DEPTH
from .defaults import VIEW_MAX_NODES as DEFAULT_MAX_NODES
from .defaults import VIEW_PAGE


@main.command()
@click.argument("name", required=False)
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Folder of a build (with graph.json).")
@click.option("--depth", type=click.IntRange(min=0), default=DEFAULT_DEPTH, show_default=True,
              help="Hops around NAME to include (a meeting also brings its participants).")
@click.option("--type", "types", multiple=True, metavar="CLASS",
              help="Show only nodes of this class (repeatable), e.g. Person, Municipality or Kommun.")
@click.option("--through-hubs", is_flag=True,
              help="Beyond the first hop, also go through parties, the government, ministries and nodes with "
                   "more than 50 links (by default they are drawn, not gone through).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=DEFAULT_MAX_NODES, show_default=True,
              help="Draw at most this many nodes: the nearest to NAME, then the most central.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Page to write (default: GRAPH/view.html).")
@handle_errors
def view(name: str | None, graph_dir: Path, depth: int, types: tuple[str, ...], through_hubs: bool,
         max_nodes: int, html_path: Path | None) -> None:
    """Write an interactive HTML page of the graph, or of the neighbourhood of NAME.

    NAME is matched on names and alternative names, ignoring case and accents
    (or give a node id such as municipality/1384).

    Example: kgraph view "Lena Micko" --depth 2 --html micko.html
    """
    from .graph import open_graph
    from .view import name_index, normalise_types, resolve_name, write_html

    kg = open_graph(graph_dir)
    center = resolve_name(kg, name, name_index(kg)) if name else None
    classes = normalise_types(kg, types)
    path = html_path or graph_dir / VIEW_PAGE
    sel = write_html(kg, path, center=center, depth=depth, types=classes, max_nodes=max_nodes,
                     through_hubs=through_hubs)
    left = f", {sel.left_out} less central left out (raise --max-nodes to see them)" if sel.left_out else ""
    around = f" around {center} ({kg.label(center)}), depth {depth}" if center else ""
    click.echo(f"wrote {path}: {len(sel.nodes)} nodes{around}{left}", err=True)
    if sel.hubs:
        names = ", ".join(kg.label(h) for h in sel.hubs[:8]) + (f" and {len(sel.hubs) - 8} more"
                                                              if len(sel.hubs) > 8 else "")
        click.echo(f"(not gone through {len(sel.hubs)} hub{'s' if len(sel.hubs) > 1 else ''}: {names}; "
                   "--through-hubs follows them)", err=True)
