"""Extraction: small functions over one Document, each yielding mentions with spans."""
from __future__ import annotations

from .document import DocExtraction, extract_document

__all__ = ["DocExtraction", "extract_document"]
