"""Topics: the SKOS scheme in data/reference/topics.csv and kgraph.extract.topics /
extract_document on invented snippets. Every test here needs the scheme and is
skipped, with the reason, while topics.csv is missing."""
from __future__ import annotations

import pytest

from kgraph.extract.pipeline import extract_document
from kgraph.extract.topics import find_topics

pytestmark = pytest.mark.usefixtures("require_topics")

# topics that documents of the genre discuss again and again (seed and genre gold files)
CORE_TOPICS = ["digitalisering", "kompetensförsörjning", "bostadsbyggande", "informationssäkerhet"]


def _concept(reference, label):
    hits = [c for c in reference.topics if c.pref_label == label]
    assert hits, f"topic scheme has no concept with prefLabel {label!r}"
    return hits[0]


def test_topics_scheme_ids_are_unique(reference):
    ids = [c.id for c in reference.topics]
    assert len(ids) == len(set(ids))


def test_topics_scheme_broader_concepts_exist(reference):
    ids = {c.id for c in reference.topics}
    assert {c.broader for c in reference.topics if c.broader} <= ids


def test_topics_scheme_pref_labels_are_unique(reference):
    labels = [c.pref_label.casefold() for c in reference.topics]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize("label", CORE_TOPICS)
def test_topics_scheme_has_core_concept(reference, label):
    assert _concept(reference, label).pref_label == label


@pytest.mark.parametrize("label", CORE_TOPICS)
def test_topics_finds_pref_label_in_sentence(reference, label):
    text = f"Under eftermiddagen diskuterades {label} med kommunledningen."
    assert _concept(reference, label).id in {h.concept.id for h in find_topics(text, reference)}


@pytest.mark.parametrize("surface, label", [
    ("digitaliseringen", "digitalisering"),
    ("kompetensförsörjningen", "kompetensförsörjning"),
    ("informationssäkerhetsarbetet", "informationssäkerhet"),
])
def test_topics_finds_inflected_and_compound_forms(reference, surface, label):
    text = f"Hon lyfte fram {surface} som viktigt för kommunen."
    assert _concept(reference, label).id in {h.concept.id for h in find_topics(text, reference)}


def test_topics_span_covers_hit(reference):
    text = "Hon lyfte fram digitaliseringen som viktig."
    for h in find_topics(text, reference):
        assert text[h.start:h.end] == h.text


def test_topics_none_in_text_without_policy_words(reference):
    assert find_topics("Vädret var fint och kaffet gott.", reference) == []


def test_topics_capitalised_label_at_sentence_start(reference):
    text = "Digitalisering stod högst upp på dagordningen."
    assert _concept(reference, "digitalisering").id in {h.concept.id for h in find_topics(text, reference)}


def test_topics_extract_document_lists_topic_mentions(reference, make_document):
    doc = make_document("Skolan i fokus\n\nKommunen satsar på digitalisering i skolan.\n")
    ex = extract_document(doc, reference)
    assert _concept(reference, "digitalisering").id in ex.topics


def _meeting_topics(reference, make_document, text):
    ex = extract_document(make_document(text), reference)
    return {t for m in ex.meetings for t in m.topics}


def test_topics_sector_as_setting_is_not_a_meeting_topic(reference, make_document):
    # "kompetensförsörjningen i välfärden": the sector is where, the topic is what
    text = ("Ministern besökte Vara\n\nPublicerad 2016-04-12\n\nI dag besökte landsbygdsminister Karin Ekvall "
            "Vara kommun. Hon diskuterade kompetensförsörjningen i välfärden och i skolan.\n")
    topics = _meeting_topics(reference, make_document, text)
    assert _concept(reference, "kompetensförsörjning").id in topics
    assert not topics & {"valfard", "skola"}


def test_topics_sector_said_to_be_discussed_is_a_meeting_topic(reference, make_document):
    text = ("Ministern besökte Vara\n\nPublicerad 2016-04-12\n\nI dag besökte landsbygdsminister Karin Ekvall "
            "Vara kommun för samtal om bredband och äldreomsorgen.\n")
    topics = _meeting_topics(reference, make_document, text)
    assert {"bredband", "aldreomsorg"} <= topics


def test_topics_on_newsletter_contents_line_are_not_meeting_topics(reference, make_document):
    text = ("Nyhetsbrev nr 2, mars 2009\n\nI detta nummer: Styrelsen träffade ministern | Konferens om äldreomsorg\n\n"
            "Styrelsen träffade landsbygdsminister Karin Ekvall i Vara kommun. Mötet handlade om bredband.\n")
    topics = _meeting_topics(reference, make_document, text)
    assert "bredband" in topics and "aldreomsorg" not in topics
