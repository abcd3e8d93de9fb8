"""What the three meeting stages pass on: the segmentation of the body, and a
draft of each meeting (mutable while it is assembled and filled)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ....models import Mention
from ....text import Sentence
from ... import lexicon as lx
from ...state import PARTICIPANT_ORGS, DocState

# (start, end, kind, how): a meeting word, its kind and how it refers (see lexicon.MEETING_WORDS)
Trigger = tuple[int, int, str, str]


@dataclass(eq=False)
class MeetingDraft:
    """One meeting while it is assembled: its word, kind, the sentences about it,
    and what filling finds in them."""

    kind: str
    trigger: tuple[int, int]
    named: str | None = None  # a named recurring event ("höstmöte2023"): one per document
    sentences: list[Sentence] = field(default_factory=list)
    location: str | None = None
    date: dt.date | None = None
    persons: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    group: int = -1  # meetings made together (a tour, "två möten", coordinated places) share a group
    status: str = "held"
    section: int = 0
    subjectless: bool = False  # a programme item ("09.00 Möte med ...")
    counted: bool = False  # one of a counted series ("två seminarier")
    trigger_sents: set[int] = field(default_factory=set)  # starts of other sentences that name it


@dataclass
class Unit:
    """A body sentence with its section and the meeting words in it."""

    sentence: Sentence
    section: int
    hits: list[Trigger]


@dataclass
class Segmentation:
    """The body of a document as the meeting stages see it."""

    units: list[Unit] = field(default_factory=list)
    section_heads: dict[int, str] = field(default_factory=dict)  # section -> its heading
    section_dates: dict[int, dt.date] = field(default_factory=dict)  # "Måndag 17 februari" heads that day
    trigger_headings: set[int] = field(default_factory=set)  # sections whose heading names a meeting
    minutes: MeetingDraft | None = None  # the board meeting a protocol records


def trigger_hits(text_low: str, start: int, end: int) -> list[Trigger]:
    out = []
    words = lx.MEETING_WORDS
    for m in lx.MEETING_RE.finditer(text_low, start, end):
        # the alternative that matched: group g<i> encloses any groups of its own, so it closes last
        _, kind, how = words[int((m.lastgroup or "g0")[1:])]
        out.append((m.start(), m.end(), kind, how))
    return out


_LOCATION_AFTER_RE = re.compile(r"[^.!?\n]{0,70}?\b(?:i|på|till|hos|vid)\s+(?=[A-ZÅÄÖ])")


def location_after(st: DocState, pos: int, limit: int) -> Mention | None:
    """The place named right after a meeting word: "besök i Kungsbacka", "på Länsstyrelsen i Halland"."""
    text = st.doc.text
    m = _LOCATION_AFTER_RE.match(text, pos)
    if not m or m.end() > limit:
        return None
    for x in st.mentions_in(m.end(), m.end() + 1):
        if x.kind in PARTICIPANT_ORGS | {"Place", "County"} and not x.attrs.get("genitive") \
                and x.kind != "PoliticalParty":
            return x
    return None
