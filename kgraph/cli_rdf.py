"""CLI commands (rdf): ``export``, ``validate``, ``push``; registered on
:data:`kgraph.cli.main` when the CLI loads. Thin wrappers over
:mod:`kgraph.export`, :mod:`kgraph.validate` and :mod:`kgraph.push`."""
from __future__ import annotations

from pathlib import Path

import click

from .cli import DEFAULT_OUT, handle_errors, main
from .formats import FORMAT_NAMES

GRAPH_HELP = "Build folder (with graph.json), or a graph.json file."


def _echo_err(msg: str) -> None:
    click.echo(msg, err=True)


@main.command("export")
@click.option("--graph", "graph", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help=GRAPH_HELP)
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES, case_sensitive=False), default="turtle",
              show_default=True, help="trig/nquads: one named graph per source document; void: VoID/DCAT "
              "description of the dataset.")
@click.option("--output", "-o", "output", type=click.Path(path_type=Path), default=None,
              help="File to write, '-' for stdout [default: DIR/graph.EXT, DIR/void.ttl for void].")
@click.option("--no-evidence", is_flag=True, help="Leave out the kgo:Evidence provenance records.")
@handle_errors
def export_cmd(graph: Path, fmt: str, output: Path | None, no_evidence: bool) -> None:
    """Export the graph as Turtle, N-Triples, TriG, N-Quads, JSON-LD, GraphML, GEXF or VoID.

    Example: kgraph export --graph exports --format trig --output exports/graph.trig
    """
    from .export import default_output, export, get_format
    from .graph import open_graph
    from .void import build_time_for
    f = get_format(fmt)
    kg = open_graph(graph)
    target = output if output is not None else default_output(graph, f)
    written = export(kg, f, target, evidence=not no_evidence,
                     build_time=build_time_for(graph) if f.name == "void" else None)
    if str(written) != "-":
        click.echo(f"written: {written} ({f.name})", err=True)


@main.command("validate")
@click.option("--graph", "graph", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Build folder (its graph.ttl, else graph.json) or an RDF file (.ttl .nt .trig .nq .jsonld) "
              "or a graph.json.")
@click.option("--examples", type=click.IntRange(0), default=5, show_default=True,
              help="Example nodes shown per kind of violation.")
@handle_errors
def validate_cmd(graph: Path, examples: int) -> None:
    """Check a graph against the SHACL shapes (ontology/shapes.ttl), without inference.

    Prints a report; exits with code 4 when there are violations.

    Example: kgraph validate --graph exports
    """
    from .validate import ShapeViolationsError, validate_path
    report = validate_path(graph)
    click.echo(report.text(examples))
    if not report.conforms:
        raise ShapeViolationsError(f"{report.source}: {len(report.errors)} SHACL violation(s), listed above")


@main.command("push")
@click.option("--graph", "graph", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help=GRAPH_HELP)
@click.option("--endpoint", required=True, help="SPARQL 1.1 Graph Store URL, e.g. http://localhost:7878/store "
              "(Oxigraph), http://localhost:3030/DATASET/data (Fuseki), "
              "http://localhost:7200/repositories/REPO/rdf-graphs/service (GraphDB). Credentials: "
              "http://USER:PASSWORD@HOST/...")
@click.option("--named-graph", default=None, help="IRI of the graph to write [default: the default graph].")
@click.option("--replace", is_flag=True, help="Replace the graph's content instead of adding to it.")
@click.option("--batch-size", type=click.IntRange(1), default=50_000, show_default=True,
              help="Triples per request.")
@click.option("--update-endpoint", default=None, help="SPARQL Update URL used to replace a graph atomically in "
              "several batches [default: derived for Oxigraph, Fuseki and GraphDB].")
@click.option("--query-endpoint", default=None, help="SPARQL query URL used to count the target's triples before "
              "and after the push [default: derived for Oxigraph, Fuseki and GraphDB; else a Graph Store GET of "
              "the graph, counted].")
@click.option("--retries", type=click.IntRange(0), default=4, show_default=True,
              help="Retries per request when the store is unreachable or busy (exponential backoff); the MOVE "
              "of a staged replace is never sent twice.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=120.0, show_default=True,
              help="Seconds to wait for each answer; the MOVE that swaps a staged graph in waits longer for a "
              "large graph (1 s per 1000 triples in the target before and after).")
@click.option("--no-evidence", is_flag=True, help="Leave out the kgo:Evidence provenance records.")
@handle_errors
def push_cmd(graph: Path, endpoint: str, named_graph: str | None, replace: bool, batch_size: int,
             update_endpoint: str | None, query_endpoint: str | None, retries: int, timeout: float,
             no_evidence: bool) -> None:
    """Upload the graph to a triplestore (SPARQL 1.1 Graph Store Protocol), in batches.

    Afterwards the store is asked how many triples the target holds, and the
    result is checked against what was sent. Exit code 0 when it checks out,
    1 when the push failed or does not check out, 5 when the store accepted
    every request but could not be asked.

    Example: kgraph push --graph exports --endpoint http://localhost:7878/store
    --named-graph https://example.org/graph/kgraph --replace
    """
    from .graph import open_graph
    from .push import push
    kg = open_graph(graph)
    result = push(kg, endpoint, named_graph=named_graph, replace=replace, batch_size=batch_size,
                  update_endpoint=update_endpoint, query_endpoint=query_endpoint, retries=retries,
                  timeout=timeout, evidence=not no_evidence, log=_echo_err)
    click.echo(result.summary(), err=True)
