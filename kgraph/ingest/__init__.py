"""Files in, :class:`~kgraph.models.Document` out.

Encoding problems are solved here, once: strict UTF-8 (with or without BOM),
UTF-16 with a BOM, then cp1252 for legacy Windows files; bytes that are none
of these (binary files) are refused with a message naming the file.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, NoDocumentsError
from ..models import Document
from ..text import normalise_text

TEXT_SUFFIXES = {".txt", ".text", ".md"}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def decode_bytes(data: bytes, path: Path | str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid UTF-16 text ({exc.reason} at byte {exc.start})") from exc
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        err = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(path, f"not UTF-8 or cp1252 text (invalid byte at position {err.start})") from err
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(2, len(text) // 1000):
        raise InputError(path, "binary file, not text")
    return text


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file as a Document, or raise :class:`InputError` naming it."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise InputError(path, f"unsupported file type '{suffix or '(none)'}'; kgraph reads {', '.join(sorted(TEXT_SUFFIXES))}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size} bytes, over the limit of {max_bytes}")
        data = path.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
    text = normalise_text(decode_bytes(data, path))
    if not text.strip():
        raise InputError(path, "empty document (no text)")
    return Document(id=content_id(text), file_name=path.name, path=str(path), text=text, format="txt")


def collect_paths(inputs: Iterable[Path | str]) -> list[Path]:
    """Files named and files under folders named (recursively), sorted; missing
    paths and folders without any file are errors."""
    out: list[Path] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_symlink() and not p.exists():
            raise InputError(p, "broken symbolic link")
        if not p.exists():
            raise InputError(p, "no such file or folder")
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
            if not files:
                raise InputError(p, "folder holds no files")
            out.extend(files)
        else:
            out.append(p)
    seen: set[str] = set()
    uniq = []
    for f in out:
        k = os.path.abspath(f)
        if k not in seen:
            seen.add(k)
            uniq.append(f)
    return uniq


def read_documents(paths: Iterable[Path], strict: bool = False) -> tuple[list[Document], list[Skipped]]:
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for p in paths:
        try:
            docs.append(read_document(p))
        except InputError as exc:
            if strict:
                raise
            skipped.append(Skipped(exc.path, exc.problem))
    return docs, skipped


def iter_documents(inputs: Iterable[Path | str]) -> Iterator[Document]:
    docs, _ = read_documents(collect_paths(inputs))
    if not docs:
        raise NoDocumentsError("no readable document among the inputs")
    yield from docs
