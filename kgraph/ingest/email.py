"""E-mail (.eml) and mailboxes (.mbox) to documents: newsletters.

Subject becomes the title, the Date header the publication date, the sender
(display name, else address) the publisher hint. The body is the plain-text
part, else the HTML part's main text. Each message of a mailbox is its own
document, named ``FILE.mbox#N`` (N counts messages from 1).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from ..errors import InputError
from ..models import Document
from .text import decode_bytes, make_document

SUFFIXES = (".eml",)
MBOX_SUFFIXES = (".mbox",)

_PARSER = BytesParser(policy=policy.default)
_FROM_LINE_RE = re.compile(rb"^From ")
_QUOTED_FROM_RE = re.compile(rb"^>(>*From )", re.MULTILINE)


def _header(msg: EmailMessage, name: str) -> str | None:
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - a malformed header is a missing header
        return None
    return str(value) if value is not None else None


def _date(msg: EmailMessage) -> dt.date | None:
    raw = _header(msg, "Date")
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _sender(msg: EmailMessage) -> str | None:
    raw = _header(msg, "From")
    if not raw:
        return None
    try:
        pairs = getaddresses([raw])
    except Exception:  # noqa: BLE001
        return raw.strip() or None
    for name, addr in pairs:
        if name.strip() or addr.strip():
            return name.strip() or addr.strip()
    return raw.strip() or None


def _part_text(part, path: Path) -> str:
    payload = part.get_payload(decode=True)
    if payload is None:
        payload = str(part.get_payload()).encode("utf-8", "replace")
    return decode_bytes(payload, path, declared=part.get_content_charset())


def message_body(msg: EmailMessage, path: Path) -> str:
    """The message text: text/plain, else the main text of text/html."""
    part = None
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
    except Exception:  # noqa: BLE001 - malformed MIME structure: fall back to the first text part
        part = None
    if part is None:
        part = next((p for p in msg.walk() if p.get_content_maintype() == "text"), None)
    if part is None:
        return ""
    text = _part_text(part, path)
    if part.get_content_subtype() == "html":
        from .html import _parse, _strip_boilerplate, main_text
        root = _parse(text, path)
        _strip_boilerplate(root)
        text = main_text(root)
    return text


def message_to_document(data: bytes, path: Path, file_name: str | None = None, fmt: str = "eml") -> Document:
    msg = _PARSER.parsebytes(data)
    body = message_body(msg, path)
    if not body.strip():
        raise InputError(path, "e-mail has no text body")
    return make_document(body, path, file_name=file_name, fmt=fmt, title=_header(msg, "Subject"),
                         published=_date(msg), publisher=_sender(msg))


def read_eml(path: Path, data: bytes) -> list[Document]:
    if not data.strip():
        raise InputError(path, "empty document (no text)")
    return [message_to_document(data, path)]


def iter_mbox_messages(fh, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(message number from 1, raw bytes) for each message of an mbox file;
    bytes is None for a message over ``max_bytes`` (not kept in memory)."""
    number = 0
    chunks: list[bytes] = []
    size = 0
    over = False
    started = False
    for line in fh:
        if _FROM_LINE_RE.match(line):
            if started:
                yield number, None if over else b"".join(chunks)
            number += 1
            started = True
            chunks, size, over = [], 0, False
            continue
        if not started:
            if line.strip():
                raise InputError(fh.name, "not an mbox file (it does not start with a 'From ' line)")
            continue
        size += len(line)
        if size > max_bytes:
            over, chunks = True, []
        elif not over:
            chunks.append(line)
    if started:
        yield number, None if over else b"".join(chunks)


def mbox_message_document(raw: bytes, path: Path, number: int) -> Document:
    raw = _QUOTED_FROM_RE.sub(rb"\1", raw)
    name = f"{path.name}#{number}"
    return message_to_document(raw, Path(f"{path}#{number}"), file_name=name, fmt="mbox")
