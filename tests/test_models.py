"""kgraph.models: frozen records, span bounds, confidence range."""
from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from kgraph.models import Document, Meeting, Mention, Provenance, Span, Statement


def _prov(**kw) -> Provenance:
    return Provenance(doc_id="d1", span=Span(start=0, end=1), rule="test.rule", **kw)


@pytest.mark.parametrize("record, field, value", [
    (Span(start=0, end=3), "start", 1),
    (Provenance(doc_id="d1", span=Span(start=0, end=1), rule="r"), "confidence", 0.5),
    (Document(id="abc", file_name="a.txt", path="a.txt", text="Hej"), "text", "Nej"),
    (Mention(text="Vara", kind="Municipality", key="municipality/1470", prov=Provenance(doc_id="d1", span=Span(start=0, end=1), rule="r")), "key", "x"),
    (Statement(subject="a", predicate="memberOf", object="b", prov=Provenance(doc_id="d1", span=Span(start=0, end=1), rule="r")), "object", "c"),
    (Meeting(id="m1", kind="visit", doc_id="d1", participants=("a",), prov=Provenance(doc_id="d1", span=Span(start=0, end=1), rule="r")),
     "date", dt.date(2021, 3, 25)),
])
def test_models_records_are_frozen(record, field, value):
    with pytest.raises(ValidationError):
        setattr(record, field, value)


def test_models_frozen_records_are_hashable():
    assert hash(Span(start=1, end=2)) == hash(Span(start=1, end=2))


def test_models_span_accepts_valid_bounds():
    s = Span(start=3, end=10)
    assert (s.start, s.end) == (3, 10)


def test_models_span_accepts_empty_span():
    assert Span(start=4, end=4).end == 4


@pytest.mark.parametrize("start, end", [(-1, 3), (0, -1)])
def test_models_span_rejects_negative_offsets(start, end):
    with pytest.raises(ValidationError):
        Span(start=start, end=end)


def test_models_span_rejects_end_before_start():
    # [start, end) with end < start is no span at all
    with pytest.raises(ValidationError):
        Span(start=5, end=2)


@pytest.mark.parametrize("confidence", [0.0, 0.42, 1.0])
def test_models_provenance_accepts_confidence_in_unit_interval(confidence):
    assert _prov(confidence=confidence).confidence == confidence


@pytest.mark.parametrize("confidence", [-0.01, 1.01, 2.0])
def test_models_provenance_rejects_confidence_outside_unit_interval(confidence):
    with pytest.raises(ValidationError):
        _prov(confidence=confidence)


def test_models_provenance_default_confidence_is_one():
    assert _prov().confidence == 1.0


def test_models_meeting_rejects_unknown_kind():
    with pytest.raises(ValidationError):
        Meeting(id="m1", kind="picnic", doc_id="d1", participants=("a",), prov=_prov())


def test_models_meeting_rejects_unknown_status():
    with pytest.raises(ValidationError):
        Meeting(id="m1", kind="visit", doc_id="d1", participants=("a",), status="maybe", prov=_prov())
