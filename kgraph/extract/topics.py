"""Policy topics from the SKOS scheme in ``data/reference/topics.csv``.

Every label (preferred, inflected and synonym forms) goes into one automaton;
a hit must start on a word boundary and end on one, or be the first part of a
compound whose rest is a known topic-word ending ("informationssäkerhetsarbetet").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

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


def _automaton(ref: Reference) -> tuple[ahocorasick.Automaton, dict[str, TopicConcept]]:
    return ref.derived("topics", lambda: _build_automaton(ref))


def _build_automaton(ref: Reference) -> tuple[ahocorasick.Automaton, dict[str, TopicConcept]]:
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
    auto, by_label = _automaton(ref)
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


# A sector ("skola", "välfärd", "äldreomsorg") is a topic of its own only where the text says it was
# discussed: "samtal om äldreomsorgen", "fokus på skolan", also as part of such a list ("om bredband och
# äldreomsorg"). Elsewhere it names the setting of a narrower question ("kompetensförsörjningen i
# välfärden") or a list of actors ("socialtjänst, skola och polis").
SECTORS = frozenset({"valfard", "vard_och_omsorg", "socialtjanst", "aldreomsorg", "halso_och_sjukvard", "skola",
                     "arbetsmarknad", "industri", "jordbruk", "civilsamhallet"})
_DISCUSSED_BEFORE = re.compile(r"\b(?:om|kring|gäller|gällde|diskuterade|diskuterades|diskuteras|diskutera|fokus på|"
                               r"tema|temat är|inriktning på|frågor om|frågan om)\s+(?:den\s+|det\s+|de\s+)?$",
                               re.IGNORECASE)
_LIST_GLUE = re.compile(r"^\s*(?:,|och|samt|eller)\s*(?:och\s+|samt\s+)?$")


def domain_hits(text: str, hits: list[TopicHit]) -> set[int]:
    """Indices of the sector hits that the text does not present as discussed."""
    out: set[int] = set()
    cued: list[bool] = []
    for i, h in enumerate(hits):
        line_start = max(text.rfind("\n", 0, h.start), text.rfind(". ", 0, h.start)) + 1
        here = bool(_DISCUSSED_BEFORE.search(text[max(line_start, h.start - 40):h.start]))
        chained = i > 0 and cued[i - 1] and bool(_LIST_GLUE.match(text[hits[i - 1].end:h.start]))
        cued.append(here or chained)
        if h.concept.id in SECTORS and not cued[i]:
            out.add(i)
    return out


# a newsletter's masthead or table of contents names its sections, not what a meeting discussed
_MASTHEAD_LINE = re.compile(r"^\s*(?:i detta nummer|innehåll|i veckans nummer)\b|\bnyhetsbrev\b", re.IGNORECASE)


def masthead_hits(text: str, hits: list[TopicHit]) -> set[int]:
    """Indices of the hits on a masthead or table-of-contents line."""
    out: set[int] = set()
    for i, h in enumerate(hits):
        a = text.rfind("\n", 0, h.start) + 1
        b = text.find("\n", h.end)
        if _MASTHEAD_LINE.search(text[a:b if b >= 0 else len(text)]):
            out.add(i)
    return out
