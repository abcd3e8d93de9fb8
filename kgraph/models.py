"""Typed records that flow between the stages (pydantic, frozen).

ingest -> :class:`Document`; extract -> :class:`Mention`; resolve ->
:class:`Entity`, :class:`Statement`, :class:`Meeting`. Records refer to each
other by id, never by object, so every stage stays a pure function of data.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import vocab


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Span(_Frozen):
    """Character offsets [start, end) into a document's text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


@lru_cache(maxsize=1 << 16)
def span_at(start: int, end: int) -> Span:
    """The Span [start, end), shared: spans are immutable, and the same offsets recur in every
    document (building one costs a validation, looking it up a dictionary access)."""
    return Span(start=start, end=end)


class Provenance(_Frozen):
    """Where a fact came from: document, span, the rule that found it, confidence."""

    doc_id: str
    span: Span  # every fact extracted from a text points at the words that state it
    rule: str
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Document(_Frozen):
    """One input document: clean text plus the metadata it states about itself."""

    id: str  # content hash (sha256 hex of the text)
    file_name: str
    path: str
    text: str
    format: str = "txt"
    title: str | None = None
    published: dt.date | None = None
    publisher_hint: str | None = None  # e.g. an HTML meta tag or e-mail sender


_FIELDS = frozenset({"doc_id", "span", "rule", "confidence"})


def provenance(doc_id: str, span: Span, rule: str, confidence: float) -> Provenance:
    """A Provenance of values the extractor computed itself (a checked Span, a rule name, a
    confidence it wrote), put together without a second validation: validating costs more than
    the rest of building a mention. ``tests/test_models.py`` checks that the result equals,
    hashes, dumps and prints as the validated model does, so a pydantic that stores its models
    differently is caught."""
    if not 0.0 <= confidence <= 1.0:
        raise ValueError(f"confidence {confidence} is outside [0, 1]")
    p = object.__new__(Provenance)
    object.__setattr__(p, "__dict__", {"doc_id": doc_id, "span": span, "rule": rule, "confidence": confidence})
    object.__setattr__(p, "__pydantic_fields_set__", set(_FIELDS))
    object.__setattr__(p, "__pydantic_extra__", None)
    object.__setattr__(p, "__pydantic_private__", None)
    return p


class Mention(_Frozen):
    """A piece of text that names something, with what it names if known.

    ``key`` is the identity extraction gives it (a reference-data id such as
    ``municipality/1384``, or a key made from the name); ``attrs`` holds
    stage-specific details (a genitive form, say).
    """

    text: str
    kind: str
    prov: Provenance
    key: str
    attrs: dict[str, str] = Field(default_factory=dict)


# The closed lists come from the vocabulary table (kgraph.vocab); pydantic checks the values
# against them at run time. A static type checker sees plain strings.
if TYPE_CHECKING:
    MeetingKind = str
    MeetingStatus = str
else:
    MeetingKind = Literal[vocab.meeting_kind_names()]
    MeetingStatus = Literal[vocab.meeting_status_names()]


class Statement(_Frozen):
    """subject --predicate--> object, where object is an entity id or a literal."""

    subject: str
    predicate: str
    object: str
    literal: bool = False
    prov: Provenance


class Meeting(_Frozen):
    """An n-ary event: who took part, where, when, about what, and its status."""

    id: str
    kind: MeetingKind
    doc_id: str
    participants: tuple[str, ...]
    location: str | None = None
    date: dt.date | None = None
    status: MeetingStatus = "held"
    topics: tuple[str, ...] = ()
    prov: Provenance  # the meeting word's sentence
    label: str = ""
    # what states each part of the meeting: the participant's mention, the place's, the topic's own
    # words (in the order of ``participants`` and ``topics``); the meeting's ``prov`` where missing
    participant_provs: tuple[Provenance, ...] = ()
    location_prov: Provenance | None = None
    topic_provs: tuple[Provenance, ...] = ()
