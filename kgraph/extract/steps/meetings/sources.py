"""Which words state each part of a meeting: the evidence of every participant,
the place and every topic is the span that names it (the participant's own
mention, the topic's own words), not the sentence of the meeting word, so that
every source a reader is shown contains what it is cited for.

A part is looked up, in this order, in the meeting's own sentences (the meeting
word's sentence first, a name before a reference such as "ministern"), then in
the sentences of the tour that announced it ("extract.meetings.tour"), then in
what filling recorded for it (:attr:`MeetingDraft.why`: an attendance list, a
"Plats:" line, the rule that inferred it), and for the place in the meeting it
shares its place with ("extract.meetings.same_place"). A part none of these
backs cites the meeting word's sentence under ``extract.meetings.unstated``
with a lower confidence (:data:`kgraph.vocab.INFERRED_RULES`).
"""
from __future__ import annotations

from collections.abc import Iterator

from ....models import Mention, Provenance
from ....text import Sentence
from ....vocab import INFERRED_CONFIDENCE
from ...state import REFERENCE_RULES, DocState
from .draft import MeetingDraft

MEETING_CONFIDENCE = 0.7  # a part the meeting's own sentences name
RELAYED_CONFIDENCE = 0.6  # a part named where the tour or the shared place is


def _sentences(st: DocState, mt: MeetingDraft) -> list[Sentence]:
    """The meeting's sentences, the meeting word's first."""
    first = st.sentence_at(mt.trigger[0])
    return ([first] if first is not None else []) + [s for s in mt.sentences if s != first]


def _named_in(st: DocState, sents: list[Sentence], key: str) -> Mention | None:
    """The first sentence's mention of ``key``: a name, else a reference ("ministern", "hon")."""
    for sent in sents:
        reference = None
        for m in st.mentions_in(sent.start, sent.end):
            if m.key == key:
                if m.prov.rule not in REFERENCE_RULES:
                    return m
                reference = reference or m
        if reference is not None:
            return reference
    return None


def _topic_in(st: DocState, sents: list[Sentence], tid: str) -> tuple[int, int] | None:
    """The first words of these sentences that name the topic as discussed."""
    for sent in sents:
        for i, h in st.topic_hits_in(sent.start, sent.end):
            if h.concept.id == tid and i not in st.domain_topics:
                return h.start, h.end
    return None


def _chain(mt: MeetingDraft, rule: str) -> Iterator[tuple[MeetingDraft, str, float]]:
    """The meeting, then the tours that announced it, each with the rule its sentences back a part by."""
    yield mt, rule, MEETING_CONFIDENCE
    seen = {id(mt)}
    d = mt.announced_by
    while d is not None and id(d) not in seen:
        seen.add(id(d))
        yield d, "extract.meetings.tour", RELAYED_CONFIDENCE
        d = d.announced_by


def unstated(st: DocState, mt: MeetingDraft) -> Provenance:
    """The meeting word's sentence, for a part no span names."""
    sent = st.sentence_at(mt.trigger[0])
    s, e = (sent.start, sent.end) if sent else mt.trigger
    return st.prov(s, e, "extract.meetings.unstated", INFERRED_CONFIDENCE)


def participant_prov(st: DocState, mt: MeetingDraft, key: str, rule: str) -> Provenance:
    """The span that names participant ``key`` of the meeting."""
    for d, r, conf in _chain(mt, rule):
        m = _named_in(st, _sentences(st, d), key)
        if m is not None:
            return st.prov(m.prov.span.start, m.prov.span.end, r, conf)
    if key in mt.why:
        return mt.why[key]
    if key == mt.location:
        return location_prov(st, mt, rule)
    return unstated(st, mt)


def location_prov(st: DocState, mt: MeetingDraft, rule: str) -> Provenance:
    """The span that names the meeting's place."""
    seen: set[int] = set()
    d: MeetingDraft | None = mt
    conf = MEETING_CONFIDENCE
    while d is not None and d.location == mt.location and id(d) not in seen and mt.location:
        seen.add(id(d))
        m = _named_in(st, _sentences(st, d), mt.location)
        if m is not None:
            return st.prov(m.prov.span.start, m.prov.span.end, rule, conf)
        if mt.location in d.why:
            return d.why[mt.location]
        d, rule, conf = d.same_place_as, "extract.meetings.same_place", RELAYED_CONFIDENCE
    return unstated(st, mt)


def topic_prov(st: DocState, mt: MeetingDraft, tid: str, rule: str) -> Provenance:
    """The words that name topic ``tid`` in the meeting's sentences (or its tour's)."""
    for d, r, conf in _chain(mt, rule):
        hit = _topic_in(st, _sentences(st, d), tid)
        if hit is not None:
            return st.prov(hit[0], hit[1], r, conf)
    return unstated(st, mt)
