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
from array import array
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

from ..contracts import EntityInfo
from ..models import Document, Meeting, Mention, Provenance, Statement, provenance, span_at
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


def most_named(counts: Mapping[str, int]) -> str | None:
    """The key counted more often than any other, or None on a tie (or no counts)."""
    top = sorted(counts.values(), reverse=True)[:2]
    if not top or (len(top) == 2 and top[0] == top[1]):
        return None
    return next(k for k, n in counts.items() if n == top[0])


def _start(m: Mention) -> int:
    return m.prov.span.start


class _Starts(Protocol):
    @property
    def start(self) -> int: ...


T = TypeVar("T", bound=_Starts)
V = TypeVar("V")


class SpanIndex(Generic[T]):
    """The items of a list whose ``start`` falls in a range, in list order: a bisection
    instead of a scan of the whole list. Made for a list that no longer changes."""

    def __init__(self, items: list[T]) -> None:
        self.items = items
        self.size = len(items)
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._starts = [items[i].start for i in self._order]

    def fits(self, items: list[T]) -> bool:
        return items is self.items and len(items) == self.size

    def positions(self, start: int, end: int) -> list[int]:
        """Positions in the list of the items that start in [start, end), ascending."""
        return sorted(self._order[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)])

    def within(self, start: int, end: int) -> list[T]:
        return [self.items[i] for i in self.positions(start, end)]


class Attendance(NamedTuple):
    """A segment of a protocol's attendance list: members, others present, or those absent."""

    start: int
    end: int
    capacity: str  # "member", "other", "absent", or "mixed" (under stacked labels: members are those with a party)


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
    agenda_topics: set[int] = field(default_factory=set)  # indices of topic_hits in an item on the agenda of minutes
    topics: dict[str, list[Mention]] = field(default_factory=dict)  # topic id -> its mentions
    meetings: list[Meeting] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sentence_starts: list[int] = []
        self._block_starts: list[int] = []
        # indexes over ``mentions``, kept up to date by add_mention and forget (built on first use):
        # the mentions sorted by start (ties in list order) with their starts, and how many mentions
        # cover each offset
        self._index: tuple[list[int], list[Mention]] | None = None
        self._cover: array[int] | None = None
        # list positions where a run of ``mentions`` in order of start begins (forget bisects each run)
        self._runs: list[int] | None = None
        self._dates_index: SpanIndex[DateHit] | None = None
        self._topic_index: SpanIndex[TopicHit] | None = None
        self._memo: dict[Hashable, Any] = {}  # see memo(); emptied whenever the mentions change

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

    # -- dates and topics by place
    def dates_in(self, start: int, end: int) -> list[DateHit]:
        """The dates that start in [start, end), in the order of ``dates``."""
        if self._dates_index is None or not self._dates_index.fits(self.dates):
            self._dates_index = SpanIndex(self.dates)
        return self._dates_index.within(start, end)

    def topic_hits_in(self, start: int, end: int) -> list[tuple[int, TopicHit]]:
        """(position in ``topic_hits``, hit) of the hits that start in [start, end), in list order."""
        if self._topic_index is None or not self._topic_index.fits(self.topic_hits):
            self._topic_index = SpanIndex(self.topic_hits)
        return [(i, self.topic_hits[i]) for i in self._topic_index.positions(start, end)]

    # -- a step's own lookups, computed once
    def memo(self, key: Hashable, compute: Callable[[], V]) -> V:
        """``compute()``, remembered under ``key`` until the mentions change: for a table a step
        would otherwise derive again for every hit. The key names everything else it depends on."""
        if key not in self._memo:
            self._memo[key] = compute()
        result: V = self._memo[key]
        return result

    # -- provenance
    def prov(self, start: int, end: int, rule: str, confidence: float = 0.9) -> Provenance:
        """Provenance of a statement that the words ``[start, end)`` state. Two ends given in
        either order ("Org ... Name" as well as "Name ... Org") span the words between them."""
        if end < start:
            start, end = end, start
        # the span is checked (span_at); the rest the steps wrote themselves
        return provenance(self.doc.id, span_at(start, end), rule, confidence)

    # -- mentions
    def _sorted_index(self) -> tuple[list[int], list[Mention]]:
        if self._index is None:
            ordered = sorted(self.mentions, key=_start)
            self._index = ([m.prov.span.start for m in ordered], ordered)
        return self._index

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Settled mentions that start in [start, end), in text order."""
        self.mentions  # noqa: B018 - what this reads (the pipeline tests trace field reads)
        starts, ordered = self._sorted_index()
        return ordered[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def _coverage(self) -> array[int]:
        if self._cover is None:
            self._cover = array("H")
            for m in self.mentions:
                self._add_cover(m.prov.span.start, m.prov.span.end, 1)
        return self._cover

    def _add_cover(self, start: int, end: int, step: int) -> None:
        cover = self._cover
        assert cover is not None
        if end > len(cover):
            cover.frombytes(bytes(cover.itemsize * (end - len(cover))))
        for i in range(max(start, 0), end):
            n = cover[i] + step
            if n > 0xFFFF and cover.typecode == "H":
                cover = self._cover = array("l", cover)
            cover[i] = n

    def covered(self, pos: int) -> bool:
        """Does a settled mention cover this offset?"""
        mentions = self.mentions
        if pos < 0:
            return any(x.prov.span.start <= pos < x.prov.span.end for x in mentions)
        cover = self._coverage()
        return pos < len(cover) and cover[pos] > 0

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Settled mentions that overlap [start, end), in text order."""
        if end <= start or start < 0:
            return sorted((x for x in self.mentions if x.prov.span.start < end and start < x.prov.span.end),
                          key=_start)
        starts, ordered = self._sorted_index()
        i = bisect.bisect_right(starts, start)
        before: list[Mention] = []
        wanted = self._coverage()[start] if start < len(self._coverage()) else 0
        j = i - 1
        while len(before) < wanted and j >= 0:  # the mentions that cover ``start``
            if ordered[j].prov.span.end > start:
                before.append(ordered[j])
            j -= 1
        before.reverse()
        return before + [x for x in ordered[i:bisect.bisect_left(starts, end)] if start < x.prov.span.end]

    def add_mention(self, m: Mention, label: str | None = None) -> None:
        mentions = self.mentions
        s = m.prov.span.start
        runs = self._run_starts()
        if mentions and s < _start(mentions[-1]):
            runs.append(len(mentions))
        mentions.append(m)
        self._memo.clear()
        if self._index is not None:
            starts, ordered = self._index
            i = bisect.bisect_right(starts, s)
            starts.insert(i, s)
            ordered.insert(i, m)
        if self._cover is not None:
            self._add_cover(s, m.prov.span.end, 1)
        info = self.info.get(m.key)
        if info is None:
            info = self.info[m.key] = EntityInfo(m.key, m.kind, label)
        info.mentions.append(m)
        surface = " ".join(m.text.split())
        if surface not in info.surfaces and m.prov.rule not in REFERENCE_RULES:
            info.surfaces.append(surface)

    def _run_starts(self) -> list[int]:
        if self._runs is None:
            mentions = self.mentions
            self._runs = [i for i in range(len(mentions))
                          if i == 0 or _start(mentions[i]) < _start(mentions[i - 1])] or [0]
        return self._runs

    def _position(self, m: Mention) -> int:
        """Where ``mentions.remove(m)`` removes: the first mention equal to ``m``."""
        mentions, runs, s = self.mentions, self._run_starts(), m.prov.span.start
        for r, lo in enumerate(runs):
            hi = runs[r + 1] if r + 1 < len(runs) else len(mentions)
            i = bisect.bisect_left(mentions, s, lo, hi, key=_start)
            while i < hi and _start(mentions[i]) == s:
                if mentions[i] is m or mentions[i] == m:
                    return i
                i += 1
        raise ValueError("forget: the mention is not a settled one")

    def forget(self, m: Mention) -> None:
        """Drop a mention that a better reading replaced."""
        i = self._position(m)
        gone = self.mentions.pop(i)
        self._memo.clear()
        runs = self._run_starts()
        r = bisect.bisect_right(runs, i)
        for k in range(r, len(runs)):
            runs[k] -= 1
        self._runs = [x for k, x in enumerate(runs) if x < len(self.mentions) and (k == 0 or x != runs[k - 1])] or [0]
        if self._index is not None:
            starts, ordered = self._index
            j = bisect.bisect_left(starts, gone.prov.span.start)
            while ordered[j] is not gone:
                j += 1
            del starts[j], ordered[j]
        if self._cover is not None:
            self._add_cover(gone.prov.span.start, gone.prov.span.end, -1)
        info = self.info.get(m.key)
        if info and m in info.mentions:
            info.mentions.remove(m)
            if not info.mentions:
                del self.info[m.key]

    def sort_mentions(self) -> None:
        self.mentions.sort(key=_start)
        self._memo.clear()
        self._runs = [0]
        starts = [m.prov.span.start for m in self.mentions]
        self._index = (starts, list(self.mentions))

    def cls_of(self, key: str) -> str:
        return self.info[key].cls if key in self.info else self.ref.entities[key].cls

    def orgs_in(self, start: int, end: int, classes: frozenset[str] | set[str] | None = None) -> list[Mention]:
        """Organisation mentions (of these classes) that start in [start, end)."""
        classes = classes or PARTICIPANT_ORGS
        return [m for m in self.mentions_in(start, end) if m.kind in classes]
