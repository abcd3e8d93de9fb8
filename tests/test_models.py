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


def test_provenance_built_from_checked_parts_is_the_validated_model():
    """models.provenance skips a second validation; the result must be indistinguishable from
    the validated model (so that a pydantic that stores its models otherwise is caught here)."""
    from kgraph.models import Provenance, Span, provenance, span_at

    fast = provenance("d" * 64, span_at(3, 9), "extract.gazetteer", 0.95)
    slow = Provenance(doc_id="d" * 64, span=Span(start=3, end=9), rule="extract.gazetteer", confidence=0.95)
    assert fast == slow and slow == fast
    assert hash(fast) == hash(slow)
    assert fast.model_dump() == slow.model_dump() and fast.model_dump_json() == slow.model_dump_json()
    assert repr(fast) == repr(slow)
    assert fast.model_fields_set == slow.model_fields_set
    assert Provenance.model_validate(fast.model_dump()) == fast
    with pytest.raises(Exception):  # frozen, like the validated model
        fast.rule = "other"  # type: ignore[misc]
    with pytest.raises(ValueError):
        provenance("d" * 64, span_at(3, 9), "r", 1.5)
