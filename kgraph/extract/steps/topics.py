"""Topics: concepts of the topic scheme named in the text, outside entity
names, and the noun phrases a discussion cue introduces ("pratade om X",
"X diskuterades"), as scheme concepts in the text's own forms or as new
concepts, with the lines of a list such a cue announces and the other words
of a list of scheme topics; sector words not presented as discussed, masthead or contents
lines, background boxes under a question heading, parenthesised enumerations,
class nouns before a name and sentences that tell the reader where to learn
more are marked as no meeting's topic.

The items on the agenda of minutes are topics too, each named by what it is about
(:mod:`..agenda`); every hit inside an item's heading is marked as the item's.

Reads ``doc``, ``ref``, ``blocks``, ``sentences``, ``mentions``; writes ``topic_hits``, ``domain_topics``,
``agenda_topics``, ``topics``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from ...models import Mention
from ..agenda import agenda_items
from ..state import ORG_CLASSES, DocState
from ..step import Step
from ..topics import (
    MINTED_PREFIX,
    OpenTopics,
    TopicHit,
    apposition_hits,
    coordinated_hits,
    domain_hits,
    enumeration_hits,
    explanatory_hits,
    find_topics,
    masthead_hits,
    minted_concept,
    open_topics,
    opens_with_name,
    post_hits,
    reader_service_hits,
)

# an attributive adjective before a scheme hit ("hög arbetslöshet", "lokal livsmedelsproduktion"): the
# text's own form of the concept includes it
_ADJECTIVE_ENDINGS = ("ig", "iga", "igt", "lig", "liga", "ligt", "isk", "iska", "iskt", "ell", "ella", "ellt", "al",
                      "ala", "iv", "iva", "ivt", "erad", "erade")
_ADJECTIVE_BEFORE_RE = re.compile(r"(?<![\wåäöÅÄÖ-])(?P<adj>[a-zåäö]{2,}(?:" + "|".join(_ADJECTIVE_ENDINGS) + r"))"
                                  r"[ \t]+\Z")
_NOT_ADJECTIVES = frozenset({"personal", "material", "kapital", "kanal", "kvartal"})


_ADJECTIVE_LAST_LETTERS = frozenset(e[-1] for e in _ADJECTIVE_ENDINGS)


def _with_adjective(text: str, start: int) -> int:
    """Where the form of a scheme hit at ``start`` begins with an adjective right before it."""
    # a match ends in spaces or tabs right before ``start``, after a word in one of the endings: the
    # letter before those spaces tells at once where there is none (the search tries every position)
    space = start
    while space > 0 and text[space - 1] in " \t":
        space -= 1
    if space == start or space == 0 or text[space - 1] not in _ADJECTIVE_LAST_LETTERS:
        return start
    m = _ADJECTIVE_BEFORE_RE.search(text, max(0, start - 30), start)
    if m is None or m["adj"] in _NOT_ADJECTIVES:
        return start
    # "Vi diskuterade vägunderhållet", "Ministern presenterade X": after its subject a word in -erade is the
    # verb of the sentence, not an adjective of the topic
    if m["adj"].endswith("erade") and _SUBJECT_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
        return start
    return m.start()


_SUBJECT_BEFORE_RE = re.compile(r"(?:(?<![\wåäöÅÄÖ-])(?:[Vv]i|[Jj]ag|[Hh]an|[Hh]on|[Mm]an|[Nn]i)|[A-ZÅÄÖ][\wåäö-]*)"
                                r"[ \t]+\Z")


# "vägen mellan Vara och Skövde": the places a link runs between are part of the text's form
_BETWEEN_PLACES_RE = re.compile(r"[ \t]+mellan[ \t]+[A-ZÅÄÖ][\wåäö-]+(?:[ \t]*(?:,|och)[ \t]*[A-ZÅÄÖ][\wåäö-]+)+")


def _agenda_hits(st: DocState) -> tuple[list[TopicHit], list[tuple[int, int]]]:
    """The items on the agenda of minutes, each a concept named by what it is about, with a hit for
    every form of it (that form first, so that it is the label); and the items' headings."""
    text = st.doc.text
    persons = [(m.prov.span.start, m.prov.span.end) for m in st.mentions if m.kind == "Person"]
    out: list[TopicHit] = []
    items = agenda_items(text, persons)
    for item in items:
        concept = minted_concept(text[item.about[0]:item.about[1]])
        for a, b in (item.about, *(f for f in item.forms if f != item.about)):
            out.append(TopicHit(a, b, concept, text[a:b]))
    return out, [(item.start, item.end) for item in items]


def _topics(st: DocState, agenda: set[int], replaced: set[int], listed: set[int]) -> dict[str, list[Mention]]:
    """The topic mentions of the hits, by concept; a scheme hit a phrase of its own replaced ("Kollektivtrafikplan",
    a concept of its own) gives the scheme's concept no form; an agenda item or a listed line is a topic even
    where it opens with a name."""
    out: dict[str, list[Mention]] = {}
    taken = sorted((m.prov.span.start, m.prov.span.end) for m in st.mentions)
    starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))  # the furthest end of the mentions so far
    for i, h in enumerate(st.topic_hits):
        minted = h.concept.id.startswith(MINTED_PREFIX)
        j = bisect_right(starts, h.start) - 1
        named = j >= 0 and reach[j] > h.start and not (taken[j][0] == h.start
                                                       and opens_with_name(st.doc.text, taken[j], h.end))
        if (named or (minted and i in st.domain_topics) or i in replaced) and i not in agenda and i not in listed:
            continue  # an agenda item's heading is a topic even where it begins with a name
        rule = "extract.topics.agenda" if i in agenda else "extract.topics.open" if minted else "extract.topics.scheme"
        found = out.setdefault(h.concept.id, [])
        found.append(Mention(text=h.text, kind="Topic", key=f"topic/{h.concept.id}",
                             prov=st.prov(h.start, h.end, rule, 0.8)))
        if minted:
            continue
        start = _with_adjective(st.doc.text, h.start)
        between = _BETWEEN_PLACES_RE.match(st.doc.text, h.end)
        for a, b in ((start, h.end), (h.start, between.end() if between else h.end)):
            if (a, b) != (h.start, h.end):
                found.append(Mention(text=st.doc.text[a:b], kind="Topic", key=f"topic/{h.concept.id}",
                                     prov=st.prov(a, b, rule, 0.8)))
    return out


def run(st: DocState) -> None:
    text = st.doc.text
    scheme = find_topics(text, st.ref)
    names = [(m.prov.span.start, m.prov.span.end) for m in st.mentions]
    orgs = [(m.prov.span.start, m.prov.span.end) for m in st.mentions if m.kind in ORG_CLASSES]
    # without a topic scheme (a hand-made Reference) nothing is a topic, found or minted
    opened = open_topics(text, scheme, names) if st.ref.topics else OpenTopics([], set(), set())
    not_discussed = (domain_hits(text, scheme) - opened.discussed) | opened.replaced \
        | explanatory_hits(text, st.blocks, scheme) | enumeration_hits(text, scheme) \
        | apposition_hits(text, scheme, orgs) | post_hits(text, scheme)
    # (a list's other words, after the scheme's and the cues' own: "bostäder, infrastruktur, finansiering och ...")
    coordinated = [h for h in coordinated_hits(text, scheme, set(range(len(scheme))) - not_discussed)
                   if not any(x.start < h.end and h.start < x.end for x in opened.hits)]
    opened = OpenTopics(opened.hits + coordinated, opened.discussed, opened.replaced, opened.listed)
    agenda, headings = _agenda_hits(st) if st.ref.topics else ([], [])
    st.topic_hits = scheme + opened.hits + agenda
    st.agenda_topics = {i for i, h in enumerate(st.topic_hits)
                        if any(a <= h.start and h.end <= b for a, b in headings)} if headings else set()
    n = len(scheme)
    # "berättade om Exempelby, Exempelön och dess historia": a phrase that is the name of something the text
    # names elsewhere (a place, a business) is that thing, not a new concept; nor is a word of two letters
    named = {m.text.strip().lower() for m in st.mentions}
    proper = {n + i for i, h in enumerate(opened.hits) if h.text.strip().lower() in named or len(h.text.strip()) <= 2}
    st.domain_topics = not_discussed | {n + i for i in explanatory_hits(text, st.blocks, opened.hits)} \
        | masthead_hits(text, st.topic_hits) | proper \
        | reader_service_hits(text, [(x.start, x.end) for x in st.sentences], scheme + opened.hits)
    first = len(scheme) + len(opened.hits)
    st.domain_topics |= {i for i in st.agenda_topics if i < first}
    st.topics = _topics(st, set(range(first, first + len(agenda))), opened.replaced,
                        {n + i for i in opened.listed} - st.domain_topics)


STEP = Step("topics", run, reads=("doc", "ref", "blocks", "sentences", "mentions"),
            writes=("topic_hits", "domain_topics", "agenda_topics", "topics"))
