"""Errors kgraph raises on purpose. Each message names the file or value and what to do.

The CLI turns a :class:`KgraphError` into a one-line message and an exit code;
anything else is a bug.
"""
from __future__ import annotations

from pathlib import Path

from .text import shown


class KgraphError(Exception):
    """Base class: an expected failure with a message meant for the user."""

    exit_code = 1


class InputError(KgraphError):
    """An input path cannot be read as a document."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = shown(str(path))  # a file name that is not UTF-8 is shown escaped
        self.problem = shown(problem)
        super().__init__(f"{self.path}: {problem}")


class NoDocumentsError(KgraphError):
    """Nothing could be built: no readable document among the inputs."""


class ReferenceDataError(KgraphError):
    """A packaged reference file is missing or malformed (a broken install)."""


class GraphNotFoundError(KgraphError):
    """A read command was pointed at a folder without a build."""


class UsageError(KgraphError):
    """A value given by the user is not acceptable."""

    exit_code = 2


class BuildInterrupted(KeyboardInterrupt):
    """A build stopped by Ctrl-C or ``kill`` after its new outputs were switched in: they are
    complete and in place; only tidying (old generations, cache upkeep) was left undone."""

    def __init__(self, out: object, switched: bool = True) -> None:
        self.out = str(out)
        self.switched = switched
        super().__init__(f"interrupted after the new outputs in {self.out} were in place (they are complete; "
                         "the next build tidies up)")


def not_a_build_folder(path: Path) -> str:
    """The message for --graph naming a file (graph.ttl, say) where a build's folder is meant."""
    return (f"{path}: a file, not the folder of a build; give --graph the folder kgraph build wrote into "
            f"(its --out), here probably {path.parent}")
