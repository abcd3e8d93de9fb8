"""Word documents (.docx) to documents (python-docx): paragraphs and table
cells in reading order, a blank line between them; the title from the
document properties when set."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import InputError
from ..models import Document
from .text import make_document

SUFFIXES = (".docx",)


def _blocks(doc) -> list[str]:
    from docx.table import Table

    out: list[str] = []
    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = " ".join(cell.text.split())
                    if t and (not cells or cells[-1] != t):  # merged cells repeat their text
                        cells.append(t)
                if cells:
                    out.append(" | ".join(cells))
        else:
            t = item.text.strip()
            if t:
                out.append(t)
    return out


def check_unpacked(path: Path, data: bytes, limit: int) -> None:
    """A .docx is a zip package whose parts are all unpacked when it is read: parts that unpack
    to more than ``limit`` bytes (a zip bomb, say) make it skipped before anything is unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a readable package: read_docx says why
    if unpacked > limit:
        raise InputError(path, f"unpacks to {unpacked} bytes, over the limit of {limit} (a zip bomb?; "
                               "see --max-bytes)")


def read_docx(path: Path, data: bytes) -> list[Document]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.strip():
        raise InputError(path, "empty document (no text)")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(path, "not a .docx file (an old Word .doc or an encrypted document)")
        raise InputError(path, "not a .docx file (not a zip package; truncated or damaged?)")
    try:
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise InputError(path, f"damaged .docx file ({exc})") from exc
    text = "\n\n".join(_blocks(doc))
    title = None
    try:
        title = doc.core_properties.title or None
    except Exception:  # noqa: BLE001 - document properties are optional
        title = None
    return [make_document(text, path, fmt="docx", title=title)]
