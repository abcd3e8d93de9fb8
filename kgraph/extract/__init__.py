"""Extraction: a pipeline of steps over one Document (see :mod:`.pipeline`)."""
from __future__ import annotations

from ..contracts import DocExtraction
from .pipeline import STEPS, extract_document

__all__ = ["STEPS", "DocExtraction", "extract_document"]
