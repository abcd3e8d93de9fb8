"""Files in, :class:`~kgraph.models.Document` out.

One module per format: :mod:`.text` (.txt, .text, .md; all decoding lives
there), :mod:`.html` (.html, .htm), :mod:`.pdf`, :mod:`.email` (.eml, .mbox),
:mod:`.docx`, :mod:`.jsonl`. A file that cannot be read raises
:class:`~kgraph.errors.InputError` naming it and the reason; mailboxes and
JSON Lines corpora hold many documents, and one bad message or line is
skipped (as ``FILE#N``) while the others are read.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO
from pathlib import Path

from ..errors import InputError, NoDocumentsError
from ..models import Document
from ..text import shown
from . import docx as _docx
from . import email as _email
from . import html as _html
from . import jsonl as _jsonl
from . import pdf as _pdf
from . import text as _text
from .text import content_id, decode_bytes, make_document

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "Skipped", "collect_paths", "content_id", "decode_bytes",
           "gather_inputs", "iter_documents", "make_document", "read_document", "read_documents", "read_file",
           "read_jsonl_range", "reader_kind"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = set(_text.SUFFIXES)

Reader = Callable[[Path, bytes], list[Document]]
READERS: dict[str, tuple[str, Reader]] = {}
for _suffixes, _name, _reader in ((_text.SUFFIXES, "text", _text.read_text),
                                  (_html.SUFFIXES, "HTML", _html.read_html),
                                  (_pdf.SUFFIXES, "PDF", _pdf.read_pdf),
                                  (_email.SUFFIXES, "e-mail", _email.read_eml),
                                  (_docx.SUFFIXES, "Word .docx", _docx.read_docx)):
    for _s in _suffixes:
        READERS[_s] = (_name, _reader)
JSONL_SUFFIXES = set(_jsonl.SUFFIXES)
MBOX_SUFFIXES = set(_email.MBOX_SUFFIXES)
SUPPORTED_SUFFIXES = tuple(sorted({*READERS, *JSONL_SUFFIXES, *MBOX_SUFFIXES}))


@dataclass(frozen=True)
class Skipped:
    """An input (a file, or ``FILE#N`` inside a corpus file) that was not read, and why."""

    path: str
    reason: str

    def __post_init__(self) -> None:  # printed and cached: valid Unicode, a name that is not UTF-8 escaped
        object.__setattr__(self, "path", shown(self.path))
        object.__setattr__(self, "reason", shown(self.reason))

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def reader_kind(path: Path | str) -> str | None:
    """'file', 'jsonl' or 'mbox' for a supported file name; None for an unsupported one."""
    suffix = Path(str(path)).suffix.lower()
    if suffix in READERS:
        return "file"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in MBOX_SUFFIXES:
        return "mbox"
    return None


def unsupported(path: Path | str) -> InputError:
    suffix = Path(str(path)).suffix.lower()
    return InputError(path, f"unsupported file type '{suffix or '(no extension)'}', not read "
                            f"(kgraph reads {' '.join(SUPPORTED_SUFFIXES)})")


def check_file(path: Path, max_bytes: int) -> os.stat_result:
    """stat() a file to be read: it must exist, be a regular file and not exceed ``max_bytes``."""
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        if os.path.islink(path):
            raise InputError(path, "broken symbolic link (its target does not exist)") from exc
        raise InputError(path, "no such file") from exc
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, "not a regular file")
    if st.st_size == 0:
        raise InputError(path, "empty file")
    if max_bytes and st.st_size > max_bytes and reader_kind(path) == "file":
        raise InputError(path, f"file is {st.st_size} bytes, over the limit of {max_bytes} (see --max-bytes)")
    return st


def _load(path: Path, max_bytes: int) -> bytes:
    check_file(path, max_bytes)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1) if max_bytes else fh.read()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if max_bytes and len(data) > max_bytes:
        raise InputError(path, f"file is over the limit of {max_bytes} bytes (see --max-bytes)")
    if not data:
        raise InputError(path, "empty file")
    return data


def _guarded(path: Path | str, fmt: str, fn: Callable[[], list[Document] | Document]):
    """Run a format reader; a parser library's own exception on broken input becomes an InputError."""
    try:
        return fn()
    except InputError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise InputError(path, f"cannot be read as {fmt}: too large or too deeply nested ({type(exc).__name__})") \
            from exc
    except Exception as exc:  # noqa: BLE001 - third-party parsers raise anything on damaged files
        msg = " ".join(str(exc).split())[:200]
        raise InputError(path, f"cannot be read as {fmt}, damaged or malformed ({type(exc).__name__}"
                               + (f": {msg}" if msg else "") + ")") from exc


def _read_records(path: Path, records: Callable[[BinaryIO], Iterable[tuple[int, Any]]], what: str, fmt: str,
                  make: Callable[[Any, int], Document], max_bytes: int) -> tuple[list[Document], list[Skipped]]:
    """Documents from a file of many records (JSON lines, mbox messages): a record
    over the size limit or that does not parse is skipped as ``FILE#N``, the rest are read."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    try:
        with open(path, "rb") as fh:
            for number, record in records(fh):
                where = f"{path}#{number}"
                if record is None:
                    skipped.append(Skipped(where, f"{what} is over the limit of {max_bytes} bytes (see --max-bytes)"))
                    continue
                try:
                    docs.append(_guarded(where, fmt, lambda: make(record, number)))
                except InputError as exc:
                    skipped.append(Skipped(exc.path, exc.problem))
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
    return docs, skipped


def read_jsonl_range(path: Path, start: int, end: int, first_line: int,
                     max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Document], list[Skipped]]:
    """The documents on the lines that start in bytes [start, end) of a JSON Lines file."""
    return _read_records(path, lambda fh: _jsonl.iter_lines(fh, start, end, first_line, max_bytes or (1 << 62)),
                         "line", "JSON", lambda line, number: _jsonl.line_document(line, path, number), max_bytes)


def read_mbox(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Document], list[Skipped]]:
    docs, skipped = _read_records(path, lambda fh: _email.iter_mbox_messages(fh, max_bytes or (1 << 62)),
                                  "message", "e-mail",
                                  lambda raw, number: _email.mbox_message_document(raw, path, number), max_bytes)
    if not docs and not skipped:
        raise InputError(path, "empty mailbox (no messages)")
    return docs, skipped


def read_file(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Document], list[Skipped]]:
    """Every document in one file, and the parts of it that were skipped.

    A file that cannot be read at all raises :class:`InputError`; so does a
    corpus file (.jsonl, .mbox) none of whose lines or messages could be read.
    """
    path = Path(path)
    kind = reader_kind(path)
    if kind is None:
        raise unsupported(path)
    if kind == "file":
        fmt, reader = READERS[path.suffix.lower()]
        data = _load(path, max_bytes)
        if max_bytes and path.suffix.lower() in _docx.SUFFIXES:  # zipfile raises anything on a damaged package
            _guarded(path, fmt, lambda: _docx.check_unpacked(path, data, max_bytes))
        if max_bytes and path.suffix.lower() in _pdf.SUFFIXES:
            docs = _guarded(path, fmt, lambda: _pdf.read_pdf(path, data, max_bytes))
        else:
            docs = _guarded(path, fmt, lambda: reader(path, data))
        return _text_within(path, docs, max_bytes), []
    st = check_file(path, max_bytes)
    if kind == "mbox":
        docs, skipped = read_mbox(path, max_bytes)
    else:
        docs, skipped = read_jsonl_range(path, 0, st.st_size, 1, max_bytes)
    return corpus_outcome(path, docs, skipped)


def _text_within(path: Path, docs: list[Document], max_bytes: int) -> list[Document]:
    """The text a file unpacks to (a .docx, a PDF, an encoded e-mail) counts against the limit too."""
    for doc in docs:
        if max_bytes and len(doc.text) > max_bytes:
            raise InputError(path, f"its text, once unpacked, is over the limit of {max_bytes} characters "
                                   "(see --max-bytes)")
    return docs


def corpus_outcome(path: Path | str, docs: list[Document],
                   skipped: list[Skipped]) -> tuple[list[Document], list[Skipped]]:
    """A corpus file with no document at all is an error for the whole file."""
    if docs:
        return docs, skipped
    if not skipped:
        raise InputError(path, "empty corpus file (no documents)")
    if len(skipped) == 1:
        raise InputError(skipped[0].path, skipped[0].reason)
    raise InputError(path, f"none of its {len(skipped)} entries could be read (first: {skipped[0]})")


def read_document(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file as a Document (the first, for a corpus file), or raise :class:`InputError` naming it."""
    return read_file(path, max_bytes)[0][0]


def _walk(root: Path, exclude: set[str], skipped: list[Skipped],
          own: tuple[str, frozenset[str]] = ("", frozenset())) -> list[Path]:
    """The files under ``root``, sorted. Symbolic links to folders are followed; every real
    folder is listed once, so a link loop (or a second link to a folder) adds nothing and ends
    there. A folder that cannot be listed is added to ``skipped`` with the reason. ``own``: a
    folder (real path) and names in it that are left out (a build's outputs in its input folder)."""
    found: list[Path] = []
    listed: set[tuple[int, int]] = set()  # (device, inode) of the folders listed
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in listed:
                continue
            listed.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(folder, f"folder cannot be read ({exc.strerror or exc}); its files were not read"))
            continue
        folders: list[str] = []
        left_out = own[1] if own[1] and os.path.realpath(folder) == own[0] else frozenset()
        for entry in entries:
            if entry.name.startswith(".") or entry.name in left_out:
                continue
            try:
                is_folder = entry.is_dir()  # follows a symbolic link
            except OSError:
                is_folder = False  # read as a file: reading it says what is wrong
            if not is_folder:
                found.append(Path(entry.path))
            elif os.path.realpath(entry.path) not in exclude:
                folders.append(entry.path)
        stack.extend(reversed(folders))
    return sorted(found)


def gather_inputs(inputs: Iterable[Path | str], exclude: Iterable[Path | str] = (),
                  outputs: tuple[Path | str, Iterable[str]] | None = None) -> tuple[list[Path], list[Skipped]]:
    """Files named and files under folders named (recursively, following symbolic links to
    folders; hidden files and folders and the ``exclude`` folders left out), each once, in a
    stable order; and the inputs that are not there or cannot be read (missing paths, broken
    links, empty or unreadable folders). ``outputs``: a build's output folder and the names of
    its outputs, left out when that folder is walked as an input (a build into its input folder)."""
    skip_dirs = {os.path.realpath(p) for p in exclude}
    own = (os.path.realpath(outputs[0]), frozenset(outputs[1])) if outputs else ("", frozenset())
    out: list[Path] = []
    skipped: list[Skipped] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_symlink() and not p.exists():
            skipped.append(Skipped(str(p), "broken symbolic link (its target does not exist)"))
        elif not p.exists():
            skipped.append(Skipped(str(p), "no such file or folder"))
        elif p.is_dir():
            problems: list[Skipped] = []
            files = _walk(p, skip_dirs, problems, own)
            if not files and not problems:
                skipped.append(Skipped(str(p), "folder holds no files"))
            skipped.extend(problems)
            out.extend(files)
        else:
            out.append(p)
    seen: set[str] = set()
    uniq: list[Path] = []
    for f in out:
        k = os.path.abspath(f)
        if k not in seen:
            seen.add(k)
            uniq.append(f)
    return uniq, skipped


def collect_paths(inputs: Iterable[Path | str]) -> list[Path]:
    """Like :func:`gather_inputs`, but a missing input raises :class:`InputError`."""
    paths, skipped = gather_inputs(inputs)
    if skipped:
        raise InputError(skipped[0].path, skipped[0].reason)
    return paths


def read_documents(paths: Iterable[Path], strict: bool = False,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Document], list[Skipped]]:
    """Read files in order; with ``strict`` the first problem raises :class:`InputError`."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for p in paths:
        try:
            found, bad = read_file(p, max_bytes)
        except InputError as exc:
            if strict:
                raise
            skipped.append(Skipped(exc.path, exc.problem))
            continue
        if bad and strict:
            raise InputError(bad[0].path, bad[0].reason)
        docs.extend(found)
        skipped.extend(bad)
    return docs, skipped


def iter_documents(inputs: Iterable[Path | str]) -> Iterator[Document]:
    docs, _ = read_documents(collect_paths(inputs))
    if not docs:
        raise NoDocumentsError("no readable document among the inputs")
    yield from docs
