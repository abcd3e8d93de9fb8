"""The state one document's extraction builds up, step by step.

:class:`DocState` holds the document, the reference data and what the steps
of :mod:`kgraph.extract.pipeline` have found so far. Each field is written by
the step that declares it in its ``writes`` and read only by later steps that
declare it in their ``reads`` (``tests/test_extract_pipeline.py`` checks both
the order and, on real documents, what each step actually touches). Scratch
that only one step needs (the meeting drafts, for one) lives in that step's
own objects, not here.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from ..contracts import EntityInfo
from ..models import Document, Meeting, Mention, Provenance, Span, Statement
from ..refdata import Reference
from ..text import Block, Sentence
from .dates import DateHit
from .persons import PeopleResult
from .topics import TopicHit

ORG_CLASSES = frozenset({"Municipality", "Region", "CountyAdministrativeBoard", "Ministry", "Government",
                         "Parliament", "GovernmentAgency", "Association", "PoliticalParty", "Company",
                         "Organization"})
PARTICIPANT_ORGS = ORG_CLASSES - {"PoliticalParty"}

# "civilministern", "hon": references, not names, so never an alternative label
REFERENCE_RULES = frozenset({"resolve.coref.title", "resolve.coref.pronoun"})


class Attendance(NamedTuple):
    """A segment of a protocol's attendance list: members, others present, or those absent."""

    start: int
    end: int
    capacity: str  # "member", "other" or "absent"


@dataclass
class DocState:
    """What is known about one document so far. ``doc`` and ``ref`` are given;
    every other field starts empty and is filled by the step that writes it."""

    doc: Document
    ref: Reference
    # layout
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # layout kind of each sentence (text.sentence_kind)
    published: dt.date | None = None
    date_span: tuple[int, int] | None = None  # where the text states its own date
    # entities: settled mentions (no overlaps) and what the document says about each entity
    mentions: list[Mention] = field(default_factory=list)
    info: dict[str, EntityInfo] = field(default_factory=dict)
    people: PeopleResult = field(default_factory=PeopleResult)
    publisher: str | None = None
    attendance: list[Attendance] = field(default_factory=list)  # a protocol's attendance list
    minuted_body: str | None = None  # the body whose minutes these are
    posts: dict[str, str] = field(default_factory=dict)  # minister's person key -> post
    ministers: set[str] = field(default_factory=set)  # the people the text itself makes ministers
    # relations
    statements: list[Statement] = field(default_factory=list)
    # dates, topics, meetings
    dates: list[DateHit] = field(default_factory=list)
    topic_hits: list[TopicHit] = field(default_factory=list)
    domain_topics: set[int] = field(default_factory=set)  # indices of topic_hits no meeting discussed
    topics: dict[str, list[Mention]] = field(default_factory=dict)  # topic id -> its mentions
    meetings: list[Meeting] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sentence_starts: list[int] = []
        self._block_starts: list[int] = []
        self._index: tuple[list[int], list[Mention]] | None = None

    # -- layout lookups
    def set_layout(self, blks: list[Block], sents: list[Sentence]) -> None:
        self.blocks = blks
        self.sentences = sents
        self._sentence_starts = [s.start for s in sents]
        self._block_starts = [b.start for b in blks]

    def sentence_at(self, pos: int) -> Sentence | None:
        sents = self.sentences
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and sents[i].start <= pos < sents[i].end:
            return sents[i]
        return None

    def block_at(self, pos: int) -> Block | None:
        blks = self.blocks
        i = bisect.bisect_right(self._block_starts, pos) - 1
        if i >= 0 and blks[i].start <= pos < blks[i].end:
            return blks[i]
        return None

    def text_of(self, sent: Sentence) -> str:
        return self.doc.text[sent.start:sent.end]

    # -- provenance
    def prov(self, start: int, end: int, rule: str, confidence: float = 0.9) -> Provenance:
        # built from offsets the steps computed themselves: no need to validate them again
        return Provenance.model_construct(doc_id=self.doc.id, span=Span.model_construct(start=start, end=end),
                                          rule=rule, confidence=confidence)

    # -- mentions
    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Settled mentions that start in [start, end), in text order."""
        if self._index is None:
            ordered = sorted(self.mentions, key=lambda m: m.prov.span.start)
            self._index = ([m.prov.span.start for m in ordered], ordered)
        starts, ordered = self._index
        return ordered[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def covered(self, pos: int) -> bool:
        """Does a settled mention cover this offset?"""
        return any(x.prov.span.start <= pos < x.prov.span.end for x in self.mentions)

    def add_mention(self, m: Mention, label: str | None = None) -> None:
        self.mentions.append(m)
        self._index = None
        info = self.info.get(m.key)
        if info is None:
            info = self.info[m.key] = EntityInfo(m.key, m.kind, label)
        info.mentions.append(m)
        surface = " ".join(m.text.split())
        if surface not in info.surfaces and m.prov.rule not in REFERENCE_RULES:
            info.surfaces.append(surface)

    def forget(self, m: Mention) -> None:
        """Drop a mention that a better reading replaced."""
        self.mentions.remove(m)
        self._index = None
        info = self.info.get(m.key)
        if info and m in info.mentions:
            info.mentions.remove(m)
            if not info.mentions:
                del self.info[m.key]

    def sort_mentions(self) -> None:
        self.mentions.sort(key=lambda m: m.prov.span.start)
        self._index = None

    def cls_of(self, key: str) -> str:
        return self.info[key].cls if key in self.info else self.ref.entities[key].cls

    def orgs_in(self, start: int, end: int, classes: frozenset[str] | set[str] | None = None) -> list[Mention]:
        """Organisation mentions (of these classes) that start in [start, end)."""
        classes = classes or PARTICIPANT_ORGS
        return [m for m in self.mentions_in(start, end) if m.kind in classes]
