"""Policy topics from the SKOS scheme in ``data/reference/topics.csv``.

Every label (preferred, inflected and synonym forms) goes into one automaton;
a hit must start on a word boundary and end on one, or be the first part of a
compound whose rest is a known topic-word ending ("informationssäkerhetsarbetet").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ..refdata import Reference, TopicConcept, load_reference
from ..text import lower_same_length

COMPOUND_TAILS = ("arbete", "arbetet", "arbetets", "frågan", "frågor", "frågorna", "fråga", "området", "områden",
                  "reglerna", "regler", "regelverket", "strategin", "strategi", "satsningar", "satsningen",
                  "insatser", "insatserna", "politiken", "politik", "läget", "planen", "plan", "utmaningar",
                  "utmaningarna", "behov", "behovet", "system", "systemet", "stöd", "stödet")


@dataclass(frozen=True)
class TopicHit:
    start: int
    end: int
    concept: TopicConcept
    text: str


@lru_cache(maxsize=4)
def _automaton(ref_id: int) -> tuple[ahocorasick.Automaton, dict[str, TopicConcept]]:
    ref = load_reference()
    auto = ahocorasick.Automaton()
    by_label: dict[str, TopicConcept] = {}
    for c in ref.topics:
        for label in (c.pref_label, *c.alt_labels):
            by_label.setdefault(label.lower(), c)
    for low in by_label:
        auto.add_word(low, low)
    auto.make_automaton()
    return auto, by_label


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_topics(text: str, ref: Reference | None = None) -> list[TopicHit]:
    ref = ref or load_reference()
    auto, by_label = _automaton(id(ref))
    if len(auto) == 0:
        return []
    low = lower_same_length(text)
    raw: list[TopicHit] = []
    for end_idx, label in auto.iter(low):
        start, end = end_idx - len(label) + 1, end_idx + 1
        if start > 0 and _word(text[start - 1]):
            continue
        if end < len(text) and _word(text[end]):
            j = end
            while j < len(text) and (_word(text[j]) or text[j] == "-"):
                j += 1
            tail = low[end:j]
            if tail not in COMPOUND_TAILS and not (tail[:1] in ("s", "-") and tail[1:] in COMPOUND_TAILS):
                continue  # one linking "s" or hyphen: "bredbands|stödet", "informationssäkerhets|arbetet"
            end = j
        raw.append(TopicHit(start, end, by_label[label], text[start:end]))
    raw.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[TopicHit] = []
    for h in raw:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out
