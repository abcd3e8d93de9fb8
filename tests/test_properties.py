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
from kgraph.text import normalise_text

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
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUPPORTED_SUFFIXES + (".bin", "")))
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
@given(name=file_names, text=genre_text)
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
            if got is not None:
                assert got[0][0].file_name == name


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
@given(name=file_names, text=genre_text, data=st.binary(max_size=300))
def test_full_build_on_odd_inputs(corpus_root, name, text, data):
    """The whole build (CLI library entry point) over odd names and bytes: a graph whose
    Turtle parses, or a KgraphError; never another exception."""
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
