"""JSON Lines corpora (.jsonl): one document per line.

Each line is a JSON object with ``text`` (required) and optionally ``title``,
``published`` (or ``date``; an ISO date), ``publisher``, and ``id``. The
document's file name is ``FILE.jsonl#ID`` when the line has an id, else
``FILE.jsonl#N`` with N the line number (from 1). A bad line is skipped with
a note naming FILE.jsonl#N; the other lines are read. The size limit applies to
each line, not to the corpus file.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..models import Document
from .html import parse_date
from .text import make_document

SUFFIXES = (".jsonl", ".ndjson")
TEXT_FIELDS = ("text",)

_ID_SAFE_RE = re.compile(r"[\s#/\\]+")


def line_document(line: bytes, path: Path, number: int) -> Document:
    """One line as a document, or an :class:`InputError` naming ``FILE#N``."""
    where = f"{path}#{number}"
    if line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        obj = json.loads(line)
    except UnicodeDecodeError as exc:
        raise InputError(where, f"line is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except ValueError as exc:
        raise InputError(where, f"not valid JSON ({exc})") from exc
    if not isinstance(obj, dict):
        raise InputError(where, f"line is a JSON {type(obj).__name__}, not an object with a 'text' field")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(where, "no 'text' string in the object")
    doc_id = obj.get("id")
    label = _ID_SAFE_RE.sub("_", str(doc_id)).strip("_")[:120] if isinstance(doc_id, (str, int)) else ""
    name = f"{path.name}#{label or number}"
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    date_value = obj.get("published", obj.get("date"))
    published = parse_date(date_value) if isinstance(date_value, str) else None
    publisher = obj.get("publisher") if isinstance(obj.get("publisher"), str) else None
    return make_document(text, where, file_name=name, fmt="jsonl", title=title, published=published,
                         publisher=publisher)


def iter_lines(fh, start: int, end: int, first_line: int, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for the lines that start in [start, end) of a binary
    file; bytes is None for a line over ``max_bytes`` (never held whole)."""
    fh.seek(start)
    number = first_line
    pos = start
    while pos < end:
        line = fh.readline(max_bytes + 1)
        if not line:
            break
        pos += len(line)
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the long line
                rest = fh.readline(1 << 20)
                pos += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        elif line.strip():
            yield number, line
        number += 1


def split_ranges(path: Path, target: int = 256 * 1024) -> list[tuple[int, int, int]]:
    """Cut a JSON Lines file into (start, end, first line number) ranges of about
    ``target`` bytes on line boundaries, so workers can read them in parallel."""
    ranges: list[tuple[int, int, int]] = []
    start, line_no, pos, lines = 0, 1, 0, 0
    with open(path, "rb") as fh:
        while chunk := fh.read(target):
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                lines += chunk.count(b"\n", 0, nl + 1)
                cut = pos + nl + 1
                ranges.append((start, cut, line_no))
                start, line_no, lines = cut, line_no + lines, 0
            pos += len(chunk)
    if pos > start:
        ranges.append((start, pos, line_no))
    return ranges or [(0, 0, 1)]
