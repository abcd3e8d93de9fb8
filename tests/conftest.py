"""Shared fixtures for the kgraph test suite.

Expensive things are built once per session: the reference data, the sample
corpus build (``sample_build``) and the parsed Turtle of that build. Snippet
documents for the extractor unit tests are made with ``make_document``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib

from kgraph.graph import KnowledgeGraph
from kgraph.models import Document
from kgraph.text import normalise_text

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = REPO_ROOT / "data" / "corpus"
ONTOLOGY_DIR = REPO_ROOT / "ontology"
GENRE_DIR = REPO_ROOT / "tests" / "fixtures" / "genre"


@dataclass(frozen=True)
class SampleBuild:
    """The sample corpus built once: where the outputs are and the graph in memory."""

    out: Path
    graph: KnowledgeGraph
    documents: int
    summary: str

    @property
    def turtle_path(self) -> Path:
        return self.out / "graph.ttl"

    @property
    def html_path(self) -> Path:
        return self.out / "graph.html"

    @property
    def json_path(self) -> Path:
        return self.out / "graph.json"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def sample_corpus_dir() -> Path:
    return SAMPLE_CORPUS


@pytest.fixture(scope="session")
def reference():
    """The packaged reference data, loaded once."""
    from kgraph.refdata import load_reference
    return load_reference()


def _document(text: str, file_name: str = "snippet.txt", published=None) -> Document:
    text = normalise_text(text)
    return Document(id=hashlib.sha256(text.encode("utf-8")).hexdigest(), file_name=file_name,
                    path=file_name, text=text, published=published)


@pytest.fixture(scope="session")
def make_document():
    """Factory: ``make_document(text, file_name="snippet.txt", published=None)`` -> Document."""
    return _document


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> SampleBuild:
    """data/corpus built with kgraph.pipeline.build into a session tmp dir (read-only for tests)."""
    from kgraph.pipeline import build
    out = tmp_path_factory.mktemp("sample_build")
    result = build([SAMPLE_CORPUS], out)
    return SampleBuild(out=out, graph=result.graph, documents=result.documents, summary=result.summary())


@pytest.fixture(scope="session")
def sample_turtle_graph(sample_build) -> rdflib.Graph:
    """The sample build's graph.ttl parsed with rdflib."""
    return rdflib.Graph().parse(sample_build.turtle_path, format="turtle")


@pytest.fixture(scope="session")
def ontology_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_DIR / "kgraph.ttl", format="turtle")


@pytest.fixture(scope="session")
def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


@pytest.fixture(scope="session")
def topics_available(reference) -> bool:
    return bool(reference.topics)


@pytest.fixture
def require_topics(topics_available):
    """Skip a test that asserts on topics while data/reference/topics.csv is absent or empty."""
    if not topics_available:
        pytest.skip("data/reference/topics.csv is missing or empty (being completed by another helper); "
                    "topic assertions need the SKOS topic scheme")
