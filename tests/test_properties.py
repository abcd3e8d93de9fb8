"""Property tests: whatever the input (text, bytes, file name), kgraph raises
nothing but a KgraphError, and the Turtle it writes always parses back."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kgraph.errors import KgraphError
from kgraph.extract.pipeline import extract_document
from kgraph.ingest import SUPPORTED_SUFFIXES, gather_inputs, make_document, read_file
from kgraph.rdf import to_turtle
from kgraph.resolve import build_graph
from kgraph.text import normalise_text, shown

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])

WORDS = ["Civilminister", "Lena", "Micko", "(S)", "besökte", "Kungsbacka", "kommun", "den", "3", "maj", "2021",
         "Länsstyrelsen", "i", "Hallands", "län", "träffade", "kommunstyrelsens", "ordförande", "Åsa", "Öberg",
         "–", "säger", "\n", "\n\n", ".", ",", "SKR", "Region", "Västerbotten", "möte", "om", "bredband",
         "<p>", "</p>", "&amp;", '"', "\\", "@", "#", "_:x", "<http://x>", "\"\"\"", "'''", "\u00ad", "\u200b",
         "\x00", "\x1b", "\ud7ff", "\U0001F600", "Ǆ", "ﬀ", "İ", "ß"]
genre_text = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=80).map(" ".join)
any_text = st.text(max_size=400) | genre_text
file_names = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1,
                     max_size=60).filter(lambda n: n not in (".", "..") and len(n.encode("utf-8")) < 200)
# any bytes a file system takes in a name, UTF-8 or not (old Windows shares and zip tools write latin-1):
# as Python sees them, each bad byte a lone surrogate
raw_file_names = st.binary(min_size=1, max_size=60).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")).map(os.fsdecode)
any_file_names = file_names | raw_file_names

# long single tokens and larger inputs, cheap to make: a piece repeated (up to ~100 KB)
TOKEN_PIECES = [b"a", "Å".encode(), b"x.", b"-", b"@", b"anna.berg@", b"0", b"12 ", b"kommun", b".se", b"(S) ",
                b"\xc3", b"\x00", b"<p>", b"\r\n", "\u00ad".encode()]
long_token = st.builds(lambda piece, n: piece * n, st.sampled_from(TOKEN_PIECES), st.integers(1, 20_000))
larger_bytes = st.builds(lambda b, n: b * n, st.binary(min_size=1, max_size=300), st.integers(1, 300))
file_bytes = st.binary(max_size=3000) | larger_bytes | st.lists(st.binary(max_size=300) | long_token, min_size=1,
                                                                 max_size=4).map(b"".join)


def reads_or_refuses(path: Path, **kw):
    """read_file's result, or None for a KgraphError; anything else fails the test."""
    try:
        return read_file(path, **kw)
    except KgraphError:
        return None


@SETTINGS
@given(text=any_text, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_any_text_file_is_read_or_refused(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
        encoding = "utf-8"
    with tempfile.TemporaryDirectory() as d:
        p = Path(d, "dok.txt")
        p.write_bytes(data)
        got = reads_or_refuses(p)
    if got is not None and encoding in ("utf-8", "utf-16"):
        assert got[0][0].text == normalise_text(text)  # whatever is read is read right


@SETTINGS
@given(data=file_bytes, suffix=st.sampled_from(SUPPORTED_SUFFIXES + (".bin", "")))
def test_any_bytes_in_any_format_are_read_or_refused(data, suffix):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d, "fil" + suffix)
        p.write_bytes(data)
        got = reads_or_refuses(p)
        if got is not None:
            assert all(doc.text.strip() for doc in got[0])


@SETTINGS
@given(prefix=st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body><p>", b"From x\n", b"{\"text\": ",
                               b"\xff\xfe", b"\xef\xbb\xbf", b"Subject: x\n\n"]),
       tail=st.binary(max_size=2000), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_plausible_but_broken_files_are_read_or_refused(prefix, tail, suffix):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d, "fil" + suffix)
        p.write_bytes(prefix + tail)
        reads_or_refuses(p, max_bytes=1500)


@SETTINGS
@given(name=any_file_names, text=genre_text)
def test_any_file_name(name, text):
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d, "in")
        folder.mkdir()
        try:
            p = folder / name
            p.write_text(text, encoding="utf-8")
        except OSError:
            assume(False)
        paths, skipped = gather_inputs([folder])
        for path in paths:
            got = reads_or_refuses(path)
            if got is not None:  # the name as it is printed and stored: bad bytes escaped
                assert got[0][0].file_name == shown(name)


@SETTINGS
@given(texts=st.lists(any_text, min_size=1, max_size=3), names=st.lists(file_names, min_size=3, max_size=3))
def test_turtle_always_parses_back(reference, texts, names):
    docs = []
    for text, name in zip(texts, names):
        try:
            docs.append(make_document(text, name, file_name=name, title=text[:30] or None))
        except KgraphError:
            continue
    assume(docs)
    try:
        extractions = [extract_document(doc, reference) for doc in docs]
        kg = build_graph(extractions, reference, meta={"kgraph_version": "test"})
        turtle = to_turtle(kg)
    except KgraphError:
        return
    g = rdflib.Graph().parse(data=turtle, format="turtle")
    assert len(g) > 0


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory):
    return tmp_path_factory.mktemp("prop_builds")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                               HealthCheck.function_scoped_fixture])
@given(name=any_file_names, text=genre_text, data=file_bytes)
def test_full_build_on_odd_inputs(corpus_root, name, text, data):
    """The whole build (CLI library entry point) over odd names and bytes: a graph whose
    Turtle parses, or a KgraphError; never another exception. Each input is a document, or
    named as skipped or as the same text as another: none is dropped without a word."""
    from kgraph.pipeline import build
    with tempfile.TemporaryDirectory(dir=corpus_root) as d:
        src = Path(d, "in")
        src.mkdir()
        try:
            (src / (name + ".txt")).write_text(text, encoding="utf-8")
            (src / (name + ".html")).write_bytes(data)
        except OSError:
            assume(False)
        try:
            result = build([src], Path(d, "out"), html=False)
        except KgraphError:
            return
        g = rdflib.Graph().parse(Path(d, "out", "graph.ttl"), format="turtle")
        assert len(g) > 0 and result.documents >= 1
        assert os.path.isfile(Path(d, "out", "graph.json"))
        named = {doc["path"] for _, doc in result.graph.nodes(kind="document")} | {
            s.path for s in result.skipped} | {dup.path for dup in result.duplicates}
        for suffix in (".txt", ".html"):
            assert shown(str(src / (name + suffix))) in named


# -- long tokens, long lines, larger inputs: extraction finishes (the time it takes is measured in
#    benchmarks/bench_linear.py, not here) and raises nothing but a KgraphError

RUNS = ["a", "Å", "x.", "-", "@", "anna.berg", "0", "12 ", " ", "\n", "\t", "kommun", ".se", "Lena Micko ", "(S) "]
long_run = st.builds(lambda piece, n: piece * n, st.sampled_from(RUNS), st.integers(1, 4000))
long_text = st.lists(long_run | st.sampled_from(WORDS), min_size=1, max_size=12).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(text=long_text)
def test_long_tokens_and_lines_are_extracted(text):
    from kgraph.refdata import load_reference
    try:
        doc = make_document(text, "lang.txt", file_name="lang.txt")
        got = extract_document(doc, load_reference())
    except KgraphError:
        return
    for info in got.entities.values():  # whatever is found points into the text
        for m in info.mentions:
            assert doc.text[m.prov.span.start:m.prov.span.end] == m.text


# -- valid files of every format, mutated: byte flips, truncation, splicing, a long token inside

def _seed_files() -> dict[str, bytes]:
    """One small valid file per format kgraph reads."""
    import io
    import zipfile
    from email.message import EmailMessage

    text = "Civilministern besökte Söderhamns kommun den 3 maj 2021 och träffade kommunstyrelsen."
    bio = io.BytesIO()  # the three parts a .docx needs: small, so that flips often land in the zip headers
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml",
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>")
    msg = EmailMessage()
    msg["Subject"] = "Besök"
    msg["From"] = "Kommunen <info@example.se>"
    msg.set_content(text)
    pdf_content = b"BT /F1 12 Tf 72 720 Td (" + text.encode("cp1252") + b") Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(pdf_content) + pdf_content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return {".txt": text.encode("utf-8"), ".html": f"<html><body><main><p>{text}</p></main></body></html>".encode(),
            ".docx": bio.getvalue(), ".eml": bytes(msg), ".mbox": b"From x@example.se\n" + bytes(msg),
            ".jsonl": ('{"text": "%s"}\n' % text).encode(), ".pdf": bytes(pdf)}


SEEDS = _seed_files()


def _mutate(data: bytes, flips: list[tuple[int, int]], cut: int | None, splice: tuple[str, int] | None,
            token: tuple[int, bytes] | None, field: tuple[int, int, int] | None = None) -> bytes:
    buf = bytearray(data)
    at = buf.find(b"PK\x01\x02")  # a zip package (.docx): a 2-byte field of a central directory record
    if field is not None and at >= 0:
        for _ in range(field[0] % 3):
            at = max(at, buf.find(b"PK\x01\x02", at + 4))
        buf[at + field[1]:at + field[1] + 2] = field[2].to_bytes(2, "little")
    for at, xor in flips:  # a negative position counts from the end, where zip and PDF keep their tables
        buf[at % len(buf) if at >= 0 else len(buf) - 1 - (-at - 1) % len(buf)] ^= xor
    if cut is not None:
        del buf[cut % (len(buf) + 1):]
    if splice is not None:
        other = SEEDS[splice[0]]
        buf += other[splice[1] % (len(other) + 1):]
    if token is not None:
        at = token[0] % (len(buf) + 1)
        buf[at:at] = token[1]
    return bytes(buf)


mutated_files = st.tuples(
    st.sampled_from(sorted(SEEDS)),
    st.lists(st.tuples(st.integers(-300, 1 << 20), st.integers(1, 255)), max_size=6),
    st.none() | st.integers(0, 1 << 20),
    st.none() | st.tuples(st.sampled_from(sorted(SEEDS)), st.integers(0, 1 << 20)),
    st.none() | st.tuples(st.integers(0, 1 << 20), long_token),
    st.none())
# a 2-byte field of one of a zip package's central directory records: versions, flags, method,
# sizes, name and extra lengths, offset
zip_fields = st.tuples(st.integers(0, 2), st.sampled_from([4, 6, 8, 10, 16, 20, 24, 28, 30, 32, 42]),
                       st.sampled_from([0, 1, 20, 64, 255, 0xFFFF]) | st.integers(0, 65535))


@SETTINGS
@given(case=mutated_files)
def test_mutated_files_in_every_format_are_read_or_refused(case):
    suffix, flips, cut, splice, token, field = case
    with tempfile.TemporaryDirectory() as d:
        p = Path(d, "fil" + suffix)
        p.write_bytes(_mutate(SEEDS[suffix], flips, cut, splice, token, field))
        got = reads_or_refuses(p, max_bytes=200_000)
        if got is not None:
            assert all(doc.text.strip() for doc in got[0])


@SETTINGS
@given(field=zip_fields, flips=st.lists(st.tuples(st.integers(-300, -1), st.integers(1, 255)), max_size=3))
def test_a_docx_with_damaged_zip_headers_is_read_or_refused(field, flips):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d, "fil.docx")
        p.write_bytes(_mutate(SEEDS[".docx"], flips, None, None, None, field))
        reads_or_refuses(p)
