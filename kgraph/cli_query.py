"""CLI commands (query); registered on :data:`kgraph.cli.main` when the CLI loads."""
from __future__ import annotations

from .cli import main  # noqa: F401
