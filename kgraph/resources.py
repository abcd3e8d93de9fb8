"""Where packaged data lives: reference tables and the ontology.

An installed wheel carries them under ``kgraph/_data``; a source checkout reads
``data/reference`` and ``ontology`` beside the package.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .errors import ReferenceDataError

_PKG = Path(__file__).resolve().parent
_REPO = _PKG.parent


@lru_cache(maxsize=None)
def reference_dir() -> Path:
    override = os.environ.get("KGRAPH_REFERENCE_DIR")
    candidates = [Path(override)] if override else []
    candidates += [_PKG / "_data" / "reference", _REPO / "data" / "reference"]
    for c in candidates:
        if (c / "municipalities.csv").is_file():
            return c
    raise ReferenceDataError(
        "reference data not found (looked in " + ", ".join(str(c) for c in candidates)
        + "); reinstall kgraph with 'python -m pip install .'")


@lru_cache(maxsize=None)
def ontology_dir() -> Path:
    for c in (_PKG / "_data" / "ontology", _REPO / "ontology"):
        if (c / "kgraph.ttl").is_file():
            return c
    raise ReferenceDataError("ontology/kgraph.ttl not found; reinstall kgraph")


def reference_file(name: str) -> Path:
    path = reference_dir() / name
    if not path.is_file():
        raise ReferenceDataError(f"{path}: reference file missing; reinstall kgraph")
    return path
