"""Bytes to text, and plain text files (.txt, .text, .md) to documents.

Decoding order: a BOM (UTF-8, UTF-16) decides; then strict UTF-8; then the
charset the file declares (HTML meta, e-mail part), if it fits the bytes; then
cp1252 (legacy Windows files, a superset of latin-1's printable range, so
Swedish å, ä, ö come out right); then UTF-16 without a BOM; last the
charset-normalizer detector. Bytes that none of these turn into readable text
(binary files) are refused with a message naming the file.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from ..errors import InputError
from ..models import Document
from ..text import normalise_text, shown

SUFFIXES = (".txt", ".text", ".md")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0 but tab/line ends, DEL, C1


def content_id(text: str) -> str:
    """The document id: sha256 of the normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _control_count(text: str) -> int:
    return len(_CONTROL_RE.findall(text))


def _looks_like_text(text: str) -> bool:
    """Few control characters (a binary file decoded as cp1252 has many)."""
    return _control_count(text) <= max(2, len(text) // 1000)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: one byte of every pair is mostly NUL."""
    if len(data) < 4 or len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    for codec, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros >= 0.6 * half:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text
    return None


def _detect(data: bytes) -> str | None:
    """Last resort: charset-normalizer's best guess, if it is readable text."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if _looks_like_text(text) else None


_WIDE_CODECS = ("utf-16", "utf-32")
# codecs Python has that are no charset a document could mean (escapes, 7-bit tricks, placeholders)
_NOT_CHARSETS = {"unicode-escape", "raw-unicode-escape", "utf-7", "idna", "punycode", "undefined"}
_LEGACY_WESTERN = {"cp1252", "iso8859-1", "iso8859-15"}  # what the fallback reads anyway
_MESSY = 0.1  # a mess ratio from which a decoding is taken for mojibake, if cp1252 reads it cleaner


def _mess(text: str) -> float:
    """charset-normalizer's mess ratio (0: clean text; mojibake scores higher)."""
    from charset_normalizer.md import mess_ratio

    return mess_ratio(text[:200_000], maximum_threshold=1.0)


def _declared_decoding(data: bytes, declared: str) -> str | None:
    """``data`` decoded with the charset the file declares, only if that fits the bytes:
    the charset is known and decodes them strictly into readable text; it is not UTF-16 or
    UTF-32 (by now the bytes hold no NULs, so they are 8-bit text: real UTF-16 was found
    by its BOM or its NULs); and the text is not clearly messier than the same bytes read as
    cp1252, the next step of the fallback (koi8-r declared over Swedish cp1252 text turns
    'Söderhamn' into 'SЖderhamn': mess ratio 0.18 against 0.0; text in the charset it
    declares scores below 0.05). None: do not trust the declaration."""
    try:
        codec = codecs.lookup(declared.strip()).name
    except (LookupError, ValueError):
        return None
    if codec.startswith(_WIDE_CODECS) or codec in _NOT_CHARSETS:
        return None
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError, TypeError):
        return None
    if not _looks_like_text(text) or shown(text) != text:
        return None
    if codec in _LEGACY_WESTERN:
        return text
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return text  # cp1252 cannot read these bytes: nothing to weigh the declaration against
    mess = _mess(text)
    return None if mess >= _MESSY and _mess(western) < mess / 2 else text


def decode_bytes(data: bytes, path: Path | str, declared: str | None = None) -> str:
    """Decode a file's bytes, or raise :class:`InputError` naming the file.

    ``declared`` is an encoding the file itself names (an HTML meta charset, an
    e-mail part's charset); it is tried after strict UTF-8 (valid UTF-8 with
    non-ASCII letters is UTF-8 whatever a page claims) and before cp1252, and
    only trusted if it fits the bytes (:func:`_declared_decoding`).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        declared = None
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid UTF-16 text ({exc.reason} at byte {exc.start})") from exc
        if not _looks_like_text(text):
            raise InputError(path, "binary file, not text")
        return text
    if b"\x00" in data[:4096]:
        text16 = _utf16_without_bom(data)
        if text16 is not None:
            return text16
        raise InputError(path, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        err = exc
    else:
        if not _looks_like_text(text):
            raise InputError(path, "binary file, not text")
        return text
    if declared:
        text = _declared_decoding(data, declared)
        if text is not None:
            return text
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_text(text):
        return text
    guessed = _detect(data)
    if guessed is not None:
        return guessed
    if text is None:
        raise InputError(path, f"not UTF-8, cp1252 or any detectable text encoding "
                               f"(invalid byte at position {err.start})") from err
    raise InputError(path, "binary file, not text")


def make_document(text: str, path: Path | str, *, file_name: str | None = None, fmt: str = "txt",
                  title: str | None = None, published=None, publisher: str | None = None) -> Document:
    """Normalise ``text`` and wrap it as a Document; empty text is an :class:`InputError`."""
    text = normalise_text(text)
    if not text.strip():
        raise InputError(path, "empty document (no text)")
    title = shown(" ".join(title.split())[:500]) if title and title.strip() else None
    publisher = shown(" ".join(publisher.split())[:300]) if publisher and publisher.strip() else None
    # names go into graph.ttl, graph.json and the cache: valid Unicode, a name that is not UTF-8 escaped
    return Document(id=content_id(text), file_name=shown(file_name or Path(str(path)).name), path=shown(str(path)),
                    text=text, format=fmt, title=title, published=published, publisher_hint=publisher)


def read_text(path: Path, data: bytes) -> list[Document]:
    return [make_document(decode_bytes(data, path), path, fmt="txt")]
