"""PDF files to documents: the text layer, page by page (pypdf).

Scanned PDFs without a text layer, encrypted PDFs that need a password and
damaged or truncated files are refused with a message naming the file; kgraph
does no OCR. The document title comes from the PDF's metadata when it is a
real title (not a file name that a word processor put there).
"""
from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from ..errors import InputError
from ..models import Document
from .text import make_document

SUFFIXES = (".pdf",)

logging.getLogger("pypdf").setLevel(logging.CRITICAL)

_JUNK_TITLE_RE = re.compile(r"\.(?:docx?|odt|rtf|pdf|txt|indd|pptx?)\s*$|^microsoft (?:word|powerpoint)\b|^untitled$"
                            r"|^namnlös|^dokument\d*$", re.IGNORECASE)


def _title(reader) -> str | None:
    try:
        meta = reader.metadata
        title = meta.title if meta else None
    except Exception:  # noqa: BLE001 - metadata is optional; a damaged info dictionary is no title
        return None
    if not isinstance(title, str):
        return None
    title = " ".join(title.split())
    return title if title and not _JUNK_TITLE_RE.search(title) else None


def pdf_text(reader, limit: int = 0) -> str:
    """The text of every page; with a ``limit``, pages stop being read once the text is longer."""
    pages = []
    size = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
        pages.append("\n".join(lines).strip())
        size += len(pages[-1]) + 2
        if limit and size > limit:
            break  # the caller skips the file: its text is over the limit
    return "\n\n".join(p for p in pages if p)


def read_pdf(path: Path, data: bytes, limit: int = 0) -> list[Document]:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    if not data.strip():
        raise InputError(path, "empty document (no text)")
    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(path, "not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - unsupported cipher or missing crypto library
                ok = 0
            if not ok:
                raise InputError(path, "encrypted PDF (needs a password)")
        text = pdf_text(reader, limit)
    except InputError:
        raise
    except FileNotDecryptedError as exc:
        raise InputError(path, "encrypted PDF (needs a password)") from exc
    except PdfReadError as exc:
        raise InputError(path, f"damaged or truncated PDF ({exc})") from exc
    if not text.strip():
        raise InputError(path, "PDF has no text layer (a scanned image? kgraph does no OCR)")
    return [make_document(text, path, fmt="pdf", title=_title(reader))]
