"""Fuzz harness: a seeded mutation corpus over every format kgraph reads, built with ``kgraph build``.

The corpus (the same seed gives the same corpus) starts from documents of the
genre (benchmarks/gen_corpus.py) written as .txt/.text/.md (UTF-8, UTF-8 with
BOM, UTF-16 with and without BOM, cp1252), .html/.htm/.xhtml, .pdf, .docx,
.eml, .mbox and .jsonl/.ndjson, plus files of unsupported types, and mutates
them: byte flips, truncation, splicing with another file, huge single tokens,
larger inputs (repeated text, dense markup), NULs, charsets declared over bytes
they do not fit, zip-member bombs in .docx (bounded: they unpack to 200 MB),
broken JSON lines and mailbox separators. File names and folders vary too:
names that are not UTF-8 (raw bytes), with spaces, newlines, quotes or
backslashes, very long, in folders nested up to 40 deep; and each chunk holds
symbolic links (to a file, to a folder outside it, twice to that folder, a loop
to an ancestor, a broken one), a FIFO, an unreadable file and an unreadable
folder (as root, the build runs without the capabilities that let root read
anything: ``setpriv``), and a hidden file (left out by design, not counted).

The corpus is built in chunks of ``--chunk`` files, one ``kgraph build`` per
chunk (``--jobs``), and the harness reports:

* tracebacks: "Traceback" on stderr, an exit code other than 0 or 3, or a
  graph.ttl / graph.json that does not parse;
* hangs: a build that runs over its wall budget (``--wall``, seconds per
  chunk); its files are then read and extracted one by one in a child process
  to name the ones that take over ``--file-seconds`` each; and documents the
  build skipped for taking longer than ``--max-seconds`` (default 60; no
  input of the corpus needs more than a few seconds on an idle core);
* silent drops: an input that neither gives a document in graph.json nor is
  named on stderr (skipped with a reason, or as having the same text as
  another input; files in an unreadable folder are covered by the folder's
  line);
* peak memory: the highest resident set (VmHWM) of any process of the build
  (the build process and its workers), polled from /proc.

Targets: 0 tracebacks, 0 hangs (and none over --max-seconds), 0 silent drops,
peak memory under 1 GB per process. The exit code is 1 when one is missed.

    python benchmarks/bench_fuzz.py                         # 10,000 files, chunks of 500, --jobs 2
    python benchmarks/bench_fuzz.py --count 500 --seed 7 --keep /tmp/fuzz   # keep the corpus and outputs
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import select
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from gen_corpus import Writer, as_email, as_html, load_reference  # noqa: E402
from proctree import status_kb, tree  # noqa: E402

from kgraph.text import shown  # noqa: E402

GB = 1024 ** 3

# format -> weight in the corpus; "other" is an unsupported file type
FORMAT_WEIGHTS = {"txt": 14, "text": 2, "md": 4, "html": 13, "htm": 4, "xhtml": 3, "pdf": 12, "docx": 12, "eml": 12,
                  "mbox": 6, "jsonl": 6, "ndjson": 3, "other": 3}
MUTATIONS = {"none": 22, "flip": 16, "truncate": 12, "splice": 10, "token": 6, "larger": 2, "nul": 5, "empty": 2,
             "binary": 3, "dense": 3, "charset": 8, "bomb": 2, "structure": 5}
TOKENS = ["a", "Å", "x.", "-", "@", "anna.berg@", "0", "12 ", "kommun", ".se", "(S) ", "\u00ad", "ﬀ", "\u200b",
          "&amp;", "<", "Ö-", "https://x.se/"]
RAW_NAME_PARTS = [b"caf\xe9", b"\xff\xfe", b"\x80x", b"m\xf6te", b"\xc3(", b"\xed\xa0\x80"]
ODD_NAME_PARTS = ["två ord", "rad\nbryt", "citat'\"", "back\\slash", "kolon: mellanslag", "-streck", "Söderhamn möte",
                  "漢字", "emoji\U0001F600", "#hash", "%s%n", "x" * 200]

_BOMB: bytes | None = None


@dataclass
class Entry:
    """One input of the corpus: the paths by which a build may name it, and what it is."""

    shown: tuple[str, ...]
    raw: bytes  # its path as the file system has it
    label: str  # format/mutation, or the file-system oddity
    folder: str | None = None  # an unreadable folder holding it: the folder's line accounts for it


@dataclass
class ChunkResult:
    index: int
    files: int
    code: int | None
    seconds: float
    peak_process: int  # bytes, highest VmHWM of one process of the build
    peak_tree: int  # bytes, highest summed VmRSS of the build's processes
    tracebacks: list[str] = field(default_factory=list)
    hung: bool = False
    slow_files: list[str] = field(default_factory=list)
    overtime: list[str] = field(default_factory=list)  # documents skipped for taking over --max-seconds
    drops: list[Entry] = field(default_factory=list)
    documents: int = 0
    skipped_lines: int = 0


# --- documents in every format -----------------------------------------------------------------------------


def _pdf(title: str, body: str, rng: random.Random) -> bytes:
    """A small PDF with a text layer: one page per ~40 lines, Helvetica, optionally deflated streams."""
    def literal(s: str) -> bytes:
        raw = s.encode("cp1252", "replace")
        return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

    lines = [ln[i:i + 90] for ln in body.split("\n") for i in range(0, max(1, len(ln)), 90)]
    pages = [lines[i:i + 40] for i in range(0, len(lines), 40)] or [[""]]
    deflate = rng.random() < 0.5
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
                         b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for page in pages:
        content = b"BT /F1 11 Tf 60 760 Td 14 TL " + b" ".join(literal(ln) + b" '" for ln in page) + b" ET"
        extra = b""
        if deflate:
            content, extra = zlib.compress(content), b" /Filter /FlateDecode"
        objs.append(b"<< /Length " + str(len(content)).encode() + extra + b" >>\nstream\n" + content +
                    b"\nendstream")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objs)} 0 R "
                    f"/Resources << /Font << /F1 3 0 R >> >> >>".encode())
        kids.append(f"{len(objs)} 0 R")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    objs.append(b"<< /Title " + literal(title) + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += (f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {len(objs)} 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats'
                  '.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlfo'
                  'rmats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Over'
                  'ride PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wo'
                  'rdprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.'
         'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocu'
         'ment/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def _xml_text(s: str) -> str:
    s = "".join(c for c in s if c in "\t\n" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd")
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _docx(paragraphs: list[str], members: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx package (the three parts Word needs), plus any ``members``."""
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{_xml_text(p)}</w:t></w:r></w:p>" for p in paragraphs)
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>{body}'
           "</w:body></w:document>")
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", doc)
        for name, data in (members or {}).items():
            z.writestr(name, data)
    return bio.getvalue()


def _bomb_docx(paragraphs: list[str], rng: random.Random) -> bytes:
    """A .docx with one more member that unpacks to 200 MB of zeros (200 KB packed), its size
    declared honestly or (half the time) as a lie of 1,000 bytes in both zip headers."""
    global _BOMB
    if _BOMB is None:
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        chunk = bytes(1 << 20)
        _BOMB = b"".join(comp.compress(chunk) for _ in range(200)) + comp.flush()
    raw = _docx(paragraphs)
    eocd = raw.rfind(b"PK\x05\x06")
    entries, cd_size, cd_offset = (int.from_bytes(raw[eocd + o:eocd + o + n], "little")
                                   for o, n in ((10, 2), (12, 4), (16, 4)))
    files, central = raw[:cd_offset], raw[cd_offset:cd_offset + cd_size]
    name = b"word/media/image1.bin"
    size = 1000 if rng.random() < 0.5 else 200 << 20
    sizes = _zero_crc(size).to_bytes(4, "little") + len(_BOMB).to_bytes(4, "little") + size.to_bytes(4, "little")

    def u16(n: int) -> bytes:
        return n.to_bytes(2, "little")
    local = b"PK\x03\x04" + u16(20) + u16(0) + u16(8) + bytes(4) + sizes + u16(len(name)) + u16(0) + name
    record = (b"PK\x01\x02" + u16(20) + u16(20) + u16(0) + u16(8) + bytes(4) + sizes + u16(len(name)) + bytes(8)
              + bytes(4) + len(files).to_bytes(4, "little") + name)
    files += local + _BOMB
    end = (b"PK\x05\x06" + bytes(4) + u16(entries + 1) * 2 + (len(central) + len(record)).to_bytes(4, "little")
           + len(files).to_bytes(4, "little") + u16(0))
    return files + central + record + end


_ZERO_CRC: dict[int, int] = {}


def _zero_crc(n: int) -> int:
    """CRC-32 of ``n`` zero bytes."""
    if n not in _ZERO_CRC:
        crc, chunk = 0, bytes(1 << 20)
        for _ in range(n >> 20):
            crc = zlib.crc32(chunk, crc)
        _ZERO_CRC[n] = zlib.crc32(bytes(n & ((1 << 20) - 1)), crc)
    return _ZERO_CRC[n]


def _email(title: str, body: str, day, publisher: str, rng: random.Random, charset_lie: bool) -> bytes:
    """An e-mail: plain, HTML-only, multipart, base64 or quoted-printable; or a charset that lies."""
    if charset_lie:
        declared = rng.choice(["utf-16", "utf-32", "koi8-r", "x-bogus", "utf-7", "shift_jis", "utf-8"])
        payload = body.encode("cp1252", "replace")
        payload += b"\n" * (len(payload) % 4 + 4)
        return (f"From: {publisher} <info@example.se>\nSubject: {title}\nMIME-Version: 1.0\n"
                f"Content-Type: text/plain; charset={declared}\nContent-Transfer-Encoding: 8bit\n\n").encode(
                    "utf-8", "replace") + payload
    kind = rng.choice(["plain", "html", "alternative", "base64", "qp"])
    if kind == "plain":
        return as_email(title, body, day, publisher)
    msg = EmailMessage()
    msg["Subject"] = title
    msg["From"] = f"{publisher} <nyhetsbrev@example.se>"
    msg["Date"] = "Mon, 3 May 2021 09:00:00 +0200"
    if kind == "html":
        msg.set_content(as_html(title, body, day, publisher), subtype="html")
    elif kind == "alternative":
        msg.set_content(body)
        msg.add_alternative(as_html(title, body, day, publisher), subtype="html")
    else:
        msg.set_content(body, cte="base64" if kind == "base64" else "quoted-printable")
    return bytes(msg)


def _text(body: str, rng: random.Random) -> bytes:
    enc = rng.choice(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
    return body.encode(enc, "replace")


def _html(title: str, body: str, day, publisher: str, rng: random.Random, charset_lie: bool) -> bytes:
    page = as_html(title, body, day, publisher)
    if not charset_lie:
        return page.encode("utf-8")
    declared = rng.choice(["koi8-r", "utf-16", "utf-32", "x-bogus", "iso-2022-jp", "cp1252", "ascii"])
    return page.replace('charset="utf-8"', f'charset="{declared}"').encode("cp1252", "replace")


def _jsonl(docs: list[tuple[str, str, object, str]], rng: random.Random, broken: bool) -> bytes:
    lines = []
    for n, (title, body, day, publisher) in enumerate(docs):
        obj = {"id": f"d{n}", "title": title, "published": day.isoformat(), "publisher": publisher, "text": body}
        line = json.dumps(obj, ensure_ascii=rng.random() < 0.3)
        if broken and rng.random() < 0.4:
            line = rng.choice([line[: len(line) // 2], "[1, 2]", '"text"', "{}", '{"text": 5}', "\x00", "null",
                               '{"text": "' + "\\ud800" * 3 + '"}', line.replace('"text"', '"txt"')])
        lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


def _mbox(messages: list[bytes], rng: random.Random, broken: bool) -> bytes:
    out = []
    for raw in messages:
        raw = raw.replace(b"\nFrom ", b"\n>From ")
        sep = b"From nyhetsbrev@example.se Mon May  3 09:00:00 2021\n"
        if broken and rng.random() < 0.3:
            sep = rng.choice([b"From \n", b"From x\r\n", b""])
        out.append(sep + raw + b"\n")
    return b"".join(out)


# --- mutations ---------------------------------------------------------------------------------------------


def _flip(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    buf = bytearray(data)
    for _ in range(rng.randint(1, max(1, min(64, len(buf) // 10)))):
        buf[rng.randrange(len(buf))] ^= rng.randint(1, 255)
    return bytes(buf)


def _token(data: bytes, rng: random.Random, scale: float = 1.0) -> bytes:
    piece = rng.choice(TOKENS).encode("utf-8")
    size = int(10 ** rng.uniform(3.7, 5.3) * scale)  # 5 KB .. 200 KB of one token
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece * (size // len(piece)) + data[at:]


class Maker:
    """Seeded files of every format, mutated."""

    def __init__(self, seed: int, scale: float = 1.0) -> None:
        self.scale = scale  # of the long and large inputs (a smoke run: 0.05)
        self.rng = random.Random(seed)
        self.writer = Writer(load_reference(), random.Random(seed + 1))
        self.pool: list[bytes] = []  # recent files, for splicing
        self.n = 0

    def _doc(self, size: int | None = None) -> tuple[str, str, object, str]:
        self.n += 1
        title, body, day, publisher, _ = self.writer.document(self.n, size or int(10 ** self.rng.uniform(2.5, 3.9)))
        return title, body, day, publisher

    def make(self) -> tuple[bytes, str, str]:
        """(bytes, extension with dot, label)."""
        r = self.rng
        fmt = r.choices(list(FORMAT_WEIGHTS), weights=list(FORMAT_WEIGHTS.values()))[0]
        mut = r.choices(list(MUTATIONS), weights=list(MUTATIONS.values()))[0]
        title, body, day, publisher = self._doc()
        if mut == "larger":  # a long document: the text repeated, 100 KB .. 1 MB
            body = "\n\n".join([body] * max(2, int(10 ** r.uniform(5, 6) * self.scale) // max(1, len(body))))
        lie = mut == "charset"
        if fmt in ("txt", "text", "md"):
            data = _text(body, r) if not lie else body.encode(r.choice(["utf-16-le", "cp1252", "latin-1"]), "replace")
        elif fmt in ("html", "htm", "xhtml"):
            data = _html(title, body, day, publisher, r, lie)
            if mut == "dense":  # many tiny elements, or deep nesting
                n = int(10 ** r.uniform(3, 5) * self.scale)
                inner = "<p>x</p>" * n if r.random() < 0.7 else "<div>" * n + "ord" + "</div>" * n
                data = data.replace(b"<main>", b"<main>" + inner.encode(), 1)
        elif fmt == "pdf":
            data = _pdf(title, body, r)
        elif fmt == "docx":
            paras = body.split("\n\n")
            if mut == "bomb":
                data = _bomb_docx(paras, r)
            elif mut == "dense":
                data = _docx(paras + ["x"] * int(10 ** r.uniform(3, 5) * self.scale))
            else:
                data = _docx(paras)
        elif fmt == "eml":
            data = _email(title, body, day, publisher, r, lie)
        elif fmt == "mbox":
            msgs = [_email(*self._doc(), r, lie and r.random() < 0.5) for _ in range(r.randint(1, 8))]
            data = _mbox(msgs, r, mut == "structure")
        elif fmt in ("jsonl", "ndjson"):
            docs = [self._doc() for _ in range(r.randint(1, 10))]
            data = _jsonl(docs, r, mut == "structure")
        else:
            data = _text(body, r)
        if mut == "flip":
            data = _flip(data, r)
        elif mut == "truncate":
            data = data[: r.randrange(len(data) + 1)]
        elif mut == "splice" and self.pool:
            other = r.choice(self.pool)
            data = data[: r.randrange(len(data) + 1)] + other[r.randrange(len(other) + 1):]
        elif mut == "token":
            data = _token(data, r, self.scale)
        elif mut == "nul":
            data = _flip(data, r).replace(b" ", b"\x00", r.randint(1, 50))
        elif mut == "empty":
            data = r.choice([b"", b" ", b"\n\n", b"\xef\xbb\xbf", b"\xff\xfe"])
        elif mut == "binary":
            data = r.randbytes(r.randint(1, 20000))
        if len(data) < 300_000:
            self.pool = (self.pool + [data])[-50:]
        ext = {"other": r.choice([".doc", ".bin", ".rtf", ""])}.get(fmt, "." + fmt)
        if r.random() < 0.03:
            ext = ext.upper()
        return data, ext, f"{fmt}/{mut}"

    def name(self, i: int, ext: str) -> bytes:
        r = self.rng
        stem = f"{i:05d}".encode()
        roll = r.random()
        if roll < 0.05:
            stem += b"_" + r.choice(RAW_NAME_PARTS)
        elif roll < 0.10:
            stem += b"_" + os.fsencode(r.choice(ODD_NAME_PARTS))
        return stem + os.fsencode(ext)


# --- the corpus --------------------------------------------------------------------------------------------


def _disp(path: bytes) -> str:
    """How kgraph names a path: decoded as the file system does, bad bytes escaped."""
    return shown(os.fsdecode(path))


def _write(path: bytes, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def make_chunk(maker: Maker, root: Path, index: int, count: int, first: int) -> tuple[Path, list[Entry]]:
    """Write ``count`` inputs for chunk ``index`` under ``root``; the chunk's folder and its inputs."""
    r = maker.rng
    top = os.fsencode(root / f"chunk-{index:04d}")
    elsewhere = os.fsencode(root / f"elsewhere-{index:04d}")
    os.makedirs(top, exist_ok=True)
    entries: list[Entry] = []
    folders = [b""] + [b"/".join(f"d{r.randrange(6)}".encode() for _ in range(r.randint(1, 4))) for _ in range(12)]
    folders.append(b"/".join(b"deep" for _ in range(40)))
    odd = ["link-file", "link-broken", "link-loop", "link-folder", "fifo", "unreadable", "locked-folder",
           "hidden"] if count >= 20 else []
    plain = count - (7 if odd else 0)  # the odd ones below add seven inputs
    written: list[bytes] = []
    for k in range(plain):
        data, ext, label = maker.make()
        sub = r.choice(folders)
        path = top + b"/" + (sub + b"/" if sub else b"") + maker.name(first + k, ext)
        _write(path, data)
        written.append(path)
        entries.append(Entry((_disp(path),), path, label))
    for kind in odd:
        if kind == "link-file":  # a second name for a file: read twice, one document
            path = top + b"/zz-link.txt"
            target = next((p for p in written if p.endswith(b".txt")), written[0])
            os.symlink(target, path)
            entries.append(Entry((_disp(path),), path, "fs/link-to-file"))
        elif kind == "link-broken":
            path = top + b"/broken-link.txt"
            os.symlink(top + b"/does-not-exist.txt", path)
            entries.append(Entry((_disp(path),), path, "fs/broken-link"))
        elif kind == "link-loop":  # ends at once, adds nothing
            os.makedirs(top + b"/d0", exist_ok=True)
            os.symlink(top, top + b"/d0/loop")
        elif kind == "link-folder":  # a folder outside the chunk, linked twice: read once, by either link
            os.makedirs(elsewhere, exist_ok=True)
            os.symlink(elsewhere, top + b"/ext-a")
            os.symlink(elsewhere, top + b"/ext-b")
            for j in range(2):
                data, ext, label = maker.make()
                name = maker.name(first + plain + j, ext)
                _write(elsewhere + b"/" + name, data)
                entries.append(Entry((_disp(top + b"/ext-a/" + name), _disp(top + b"/ext-b/" + name)),
                                     top + b"/ext-a/" + name, "fs/linked-folder:" + label))
        elif kind == "fifo":
            path = top + b"/pipe.txt"
            os.mkfifo(path)
            entries.append(Entry((_disp(path),), path, "fs/fifo"))
        elif kind == "unreadable":
            path = top + b"/locked.txt"
            _write(path, "Kommunstyrelsen sammanträdde.".encode())
            os.chmod(path, 0)
            entries.append(Entry((_disp(path),), path, "fs/unreadable-file"))
        elif kind == "locked-folder":
            folder = top + b"/locked-folder"
            _write(folder + b"/inside.txt", "Regionen informerade om vården.".encode())
            os.chmod(folder, 0)
            entries.append(Entry((_disp(folder + b"/inside.txt"),), folder + b"/inside.txt", "fs/unreadable-folder",
                                 _disp(folder)))
        elif kind == "hidden":  # left out by design
            _write(top + b"/.dold.txt", b"Dold fil.")
    return Path(os.fsdecode(top)), entries


def unlock(root: Path) -> None:
    """Give back the permissions the corpus took away, so it can be removed."""
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            try:
                if not os.path.islink(p) and stat.S_IMODE(os.lstat(p).st_mode) == 0:
                    os.chmod(p, 0o755)
            except OSError:
                pass


# --- running a build and watching it ------------------------------------------------------------------------


class MemoryWatch(threading.Thread):
    """Polls /proc for the process tree under ``pid``: the highest VmHWM of one process and the
    highest summed VmRSS, in bytes."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_process = 0
        self.peak_tree = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            pids = tree(self.pid)
            self.peak_process = max([self.peak_process] + [status_kb(p, b"VmHWM:") * 1024 for p in pids])
            self.peak_tree = max(self.peak_tree, sum(status_kb(p, b"VmRSS:") * 1024 for p in pids))
            self.stop.wait(self.every)


def _unprivileged() -> list[str]:
    """As root, run without the capabilities that let root read any file, so that unreadable
    files and folders are unreadable (setpriv, util-linux); elsewhere nothing."""
    if os.geteuid() != 0:
        return []
    tool = shutil.which("setpriv")
    return [tool, "--bounding-set=-dac_override,-dac_read_search"] if tool else []


def _documents(out: Path) -> tuple[set[str], str | None]:
    """The paths of the documents in a build's graph.json, and a problem with its outputs, if any."""
    try:
        nodes = json.loads((out / "graph.json").read_text("utf-8"))["nodes"]
        paths = {n["path"] for n in nodes if n.get("kind") == "document"}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return set(), f"graph.json does not load: {exc}"
    try:
        import pyoxigraph
        with open(out / "graph.ttl", "rb") as fh:
            for _ in pyoxigraph.parse(fh, format=pyoxigraph.RdfFormat.TURTLE):
                pass
    except (OSError, SyntaxError, ValueError) as exc:
        return paths, f"graph.ttl does not parse: {exc}"
    return paths, None


def accounted(entry: Entry, docs: set[str], doc_prefixes: set[str], stderr: str) -> bool:
    """Does the build account for this input: a document from it, or a line naming it?"""
    for name in entry.shown:
        if name in docs or name in doc_prefixes:
            return True
        if any(f"{how} {name}{end}" in stderr for how in ("skipped", "duplicate") for end in (": ", "#")):
            return True
    return entry.folder is not None and f"skipped {entry.folder}: " in stderr


def run_chunk(index: int, folder: Path, entries: list[Entry], out: Path, jobs: int, wall: float,
              max_seconds: float, file_seconds: float) -> ChunkResult:
    cmd = [*_unprivileged(), sys.executable, "-m", "kgraph", "build", str(folder), "--out", str(out), "--jobs",
           str(jobs), "--no-html", "--max-seconds", f"{max_seconds:g}"]
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        watch = MemoryWatch(proc.pid)
        watch.start()
        hung = False
        try:
            code: int | None = proc.wait(timeout=wall)
        except subprocess.TimeoutExpired:
            hung, code = True, None
            os.killpg(proc.pid, 9)
            proc.wait()
        watch.stop.set()
        watch.join()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    res = ChunkResult(index, len(entries), code, time.perf_counter() - t0, watch.peak_process, watch.peak_tree,
                      hung=hung)
    if hung:
        res.slow_files = locate_slow(entries, file_seconds, max_seconds)
        return res
    nothing = code == 1 and "nothing to build" in stderr
    if "Traceback" in stderr:
        res.tracebacks.append(stderr[stderr.rindex("Traceback"):][-3000:])
    elif code not in (0, 3) and not nothing:
        res.tracebacks.append(f"exit code {code}: {stderr[-2000:]}")
    docs: set[str] = set()
    if code in (0, 3):
        docs, problem = _documents(out)
        if problem:
            res.tracebacks.append(problem)
    elif not nothing:
        return res  # the build crashed: its inputs are not counted as drops
    prefixes = {d.rsplit("#", 1)[0] for d in docs if "#" in d}
    res.documents = len(docs)
    res.overtime = [ln[len("skipped "):] for ln in stderr.splitlines()
                    if ln.startswith("skipped ") and "extraction took longer than" in ln]
    res.skipped_lines = stderr.count("\nskipped ")
    res.drops = [e for e in entries if not accounted(e, docs, prefixes, stderr)]
    return res


_LOCATE = r"""
import sys, time
from pathlib import Path
from kgraph.errors import KgraphError
from kgraph.ingest import read_file
from kgraph.pipeline import _extract_part
limit = float(sys.argv[1])
for line in sys.stdin.buffer:
    path = Path(__import__("os").fsdecode(line.rstrip(b"\n")))
    print("start", flush=True)
    try:
        docs, _ = read_file(path)
        for doc in docs:
            _extract_part(doc, limit)
    except KgraphError:
        pass
    print("done", flush=True)
"""


def locate_slow(entries: list[Entry], file_seconds: float, max_seconds: float) -> list[str]:
    """The inputs of a chunk that hung which take over ``file_seconds`` each to read and extract
    (one by one, in a child process that is restarted after each such input)."""
    paths = [e.raw for e in entries if not e.label.startswith("fs/")]
    slow: list[str] = []
    i = 0
    while i < len(paths):
        child = subprocess.Popen([sys.executable, "-c", _LOCATE, f"{max_seconds:g}"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(b"".join(p + b"\n" for p in paths[i:]))
        child.stdin.close()
        while i < len(paths):
            if child.stdout.readline() != b"start\n":
                i += 1  # the child died on this input
                break
            ready, _, _ = select.select([child.stdout], [], [], file_seconds)
            if not ready:
                slow.append(_disp(paths[i]))
                child.kill()
                i += 1
                break
            child.stdout.readline()
            i += 1
        child.kill()
        child.wait()
    return slow


# --- the report ---------------------------------------------------------------------------------------------


def run(count: int, seed: int, chunk: int, jobs: int, work: Path, wall: float, max_seconds: float,
        file_seconds: float, memory_limit: int, echo=print,
        scale: float = 1.0) -> tuple[list[ChunkResult], Counter[str]]:
    """Make the corpus chunk by chunk and build each; the chunks' results and the inputs by kind."""
    maker = Maker(seed, scale)
    results: list[ChunkResult] = []
    labels: Counter[str] = Counter()
    first = 0
    for index in range((count + chunk - 1) // chunk):
        n = min(chunk, count - first)
        t0 = time.perf_counter()
        folder, entries = make_chunk(maker, work / "corpus", index, n, first)
        made = time.perf_counter() - t0
        labels.update(e.label.split(":")[-1].split("/")[-1] for e in entries)
        res = run_chunk(index, folder, entries, work / f"out-{index:04d}", jobs, wall, max_seconds, file_seconds)
        results.append(res)
        first += n
        echo(f"chunk {index:3d}: {res.files} files ({made:.1f} s to make) exit {res.code} in {res.seconds:.1f} s, "
             f"{res.documents} documents, peak {res.peak_process / GB:.2f} GB/process {res.peak_tree / GB:.2f} GB "
             f"tree; tracebacks {len(res.tracebacks)} hung {int(res.hung)} over-time {len(res.overtime)} "
             f"drops {len(res.drops)}")
        for tb in res.tracebacks:
            echo("  " + tb.replace("\n", "\n  "))
        for e in res.drops[:20]:
            echo(f"  silent drop: {e.shown[0]!r} ({e.label})")
        for s in res.slow_files:
            echo(f"  over {file_seconds:g} s: {s!r}")
        for s in res.overtime:
            echo(f"  over --max-seconds: {s}")
        sys.stdout.flush()
    return results, labels


def report(results: list[ChunkResult], memory_limit: int) -> tuple[str, bool]:
    tracebacks = sum(len(r.tracebacks) for r in results)
    hangs = sum(int(r.hung) for r in results)
    overtime = sum(len(r.overtime) for r in results)
    drops = sum(len(r.drops) for r in results)
    peak = max((r.peak_process for r in results), default=0)
    tree = max((r.peak_tree for r in results), default=0)
    files = sum(r.files for r in results)
    seconds = sum(r.seconds for r in results)
    rows = [("inputs", f"{files:,}", ""), ("builds (chunks)", f"{len(results)}", f"{seconds:.0f} s in all"),
            ("tracebacks", f"{tracebacks}", "0"), ("hangs (builds over --wall)", f"{hangs}", "0"),
            ("documents over --max-seconds", f"{overtime}", "0"), ("silent drops", f"{drops}", "0"),
            ("peak memory, one process", f"{peak / GB:.2f} GB", f"< {memory_limit / GB:g} GB"),
            ("peak memory, whole build", f"{tree / GB:.2f} GB", "")]
    width = max(len(r[0]) for r in rows)
    lines = [f"{'':{width}}  {'measured':>14}  target", *(f"{a:{width}}  {b:>14}  {c}" for a, b, c in rows)]
    ok = tracebacks == 0 and hangs == 0 and overtime == 0 and drops == 0 and peak < memory_limit
    lines.append("all targets met" if ok else "TARGET MISSED")
    return "\n".join(lines), ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=10_000, help="inputs in the corpus (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=500, help="inputs per build (default 500)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--wall", type=float, default=600, help="seconds one chunk's build may take (default 600)")
    ap.add_argument("--max-seconds", type=float, default=60, help="kgraph build --max-seconds (default 60)")
    ap.add_argument("--file-seconds", type=float, default=90,
                    help="after a hang: seconds one input may take to read and extract (default 90)")
    ap.add_argument("--memory-gb", type=float, default=1.0, help="peak memory target per process (default 1)")
    ap.add_argument("--keep", type=Path, help="write the corpus and outputs here and keep them")
    a = ap.parse_args(argv)
    if a.count < 1 or a.chunk < 1:
        ap.error("--count and --chunk must be 1 or more")
    work = a.keep or Path(tempfile.mkdtemp(prefix="kgraph-fuzz-"))
    if a.keep and a.keep.exists() and any(a.keep.iterdir()):
        ap.error(f"{a.keep}: not empty; name a new folder")
    limit = int(a.memory_gb * GB)
    t0 = time.perf_counter()
    try:
        results, labels = run(a.count, a.seed, a.chunk, a.jobs, work, a.wall, a.max_seconds, a.file_seconds, limit)
    finally:
        if a.keep is None:
            unlock(work)
            shutil.rmtree(work, ignore_errors=True)
        else:
            unlock(work / "corpus")
    table, ok = report(results, limit)
    print(f"\nseed {a.seed}, {a.count} inputs in chunks of {a.chunk}, --jobs {a.jobs}, "
          f"{time.perf_counter() - t0:.0f} s in all")
    print("inputs by mutation: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))
    print(table)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
