"""Meetings from kgraph.extract.document.extract_document on small invented documents."""
from __future__ import annotations

import datetime as dt

import pytest

from kgraph.extract.pipeline import extract_document

VARA, SKARA, GOTENE = "municipality/1470", "municipality/1495", "municipality/1471"

VISIT_DOC = (
    "Landsbygdsministern besökte Vara\n"
    "\n"
    "Publicerad 2016-04-12\n"
    "\n"
    "I dag besökte landsbygdsminister Karin Ekvall Vara kommun. Hon träffade kommunalrådet "
    "Siv Lindmark (C) och talade om digitalisering och kompetensförsörjning.\n"
    "\n"
    "För mer information, kontakta:\n"
    "Ola Tornberg, kommunikatör\n"
    "ola.tornberg@vara.se\n"
)

TOUR_DOC = (
    "Nyheter i maj\n"
    "\n"
    "Våra kommunresor gick i början av maj till Vara, Skara och Götene kommuner. Ordföranden "
    "Siv Lindmark träffade kommunledningarna och talade om bostadsbyggande.\n"
)


@pytest.fixture(scope="module")
def visit(reference, make_document):
    return extract_document(make_document(VISIT_DOC, "visit.txt"), reference)


@pytest.fixture(scope="module")
def tour(reference, make_document):
    return extract_document(make_document(TOUR_DOC, "tour.txt"), reference)


def _concept_id(reference, label):
    ids = [c.id for c in reference.topics if c.pref_label == label]
    assert ids, f"topic scheme has no concept {label!r}"
    return ids[0]


# ------------------------------------------------------------------ a minister's visit

def test_meetings_visit_gives_one_meeting(visit):
    assert len(visit.meetings) == 1


def test_meetings_visit_kind_is_visit(visit):
    assert visit.meetings[0].kind == "visit"


def test_meetings_visit_has_minister_as_participant(visit):
    assert "person/karin-ekvall" in visit.meetings[0].participants


def test_meetings_visit_marks_titled_minister(visit):
    assert visit.entities["person/karin-ekvall"].minister is True


def test_meetings_visit_has_municipality_as_participant(visit):
    assert VARA in visit.meetings[0].participants


def test_meetings_visit_has_municipality_as_location(visit):
    assert visit.meetings[0].location == VARA


def test_meetings_visit_has_host_as_participant(visit):
    assert "person/siv-lindmark" in visit.meetings[0].participants


def test_meetings_visit_excludes_contact_person(visit):
    assert "person/ola-tornberg" not in visit.meetings[0].participants


def test_meetings_visit_date_from_i_dag_and_publication_date(visit):
    assert visit.meetings[0].date == dt.date(2016, 4, 12)


def test_meetings_visit_status_held(visit):
    assert visit.meetings[0].status == "held"


def test_meetings_visit_provenance_points_into_document(visit):
    m = visit.meetings[0]
    assert m.prov.doc_id == visit.doc.id
    assert m.prov.span is not None and 0 <= m.prov.span.start < m.prov.span.end <= len(visit.doc.text)


def test_meetings_visit_topics_from_paragraph(visit, reference, require_topics):
    expected = {_concept_id(reference, "digitalisering"), _concept_id(reference, "kompetensförsörjning")}
    assert expected <= set(visit.meetings[0].topics)


# ------------------------------------------------------------------ a tour

def test_meetings_tour_gives_one_visit_per_municipality(tour):
    visits = [m for m in tour.meetings if m.kind == "visit"]
    assert sorted(m.location for m in visits) == sorted([VARA, SKARA, GOTENE])


def test_meetings_tour_visit_has_only_its_own_municipality(tour):
    for m in tour.meetings:
        munis = [p for p in m.participants if p.startswith("municipality/")]
        assert munis == [m.location]


def test_meetings_tour_visits_share_the_traveller(tour):
    assert all("person/siv-lindmark" in m.participants for m in tour.meetings)


def test_meetings_tour_topics_attached_to_every_visit(tour, reference, require_topics):
    topic = _concept_id(reference, "bostadsbyggande")
    assert all(topic in m.topics for m in tour.meetings)


def test_meetings_publication_line_does_not_date_undated_meeting(reference, make_document):
    # "i början av maj" names no day: the visit has no date, whatever day the item was published
    doc = make_document("Nyheter i maj\n\nPublicerad 2018-05-20\n\n" + TOUR_DOC.split("\n\n", 1)[1])
    ex = extract_document(doc, reference)
    assert ex.meetings and [m.date for m in ex.meetings] == [None] * len(ex.meetings)


# ------------------------------------------------------------------ ministers named by title only

@pytest.mark.parametrize("published, minister", [
    ("2021-03-25", "person/lena-micko"),
    ("2024-07-13", "person/erik-slottner"),
])
@pytest.mark.parametrize("sentence", [
    "Civilministern besökte i dag Skara kommun.",
    "I dag besökte civilministern Skara kommun.",  # inverted word order: a place name follows the title
])
def test_meetings_minister_by_title_resolves_to_office_holder(reference, make_document, published, minister,
                                                              sentence):
    doc = make_document(f"Ministerbesök\n\nPublicerad {published}\n\n{sentence} "
                        "Kommunalrådet Siv Lindmark (C) tog emot.\n")
    ex = extract_document(doc, reference)
    assert [minister in m.participants for m in ex.meetings] == [True]


def test_meetings_no_meeting_without_meeting_words(reference, make_document):
    doc = make_document("Budget 2024\n\nKommunalrådet Siv Lindmark (C) presenterade budgeten för Vara kommun.\n")
    assert extract_document(doc, reference).meetings == []


PROGRAMME_DOC = (
    "Pressmeddelande från Landsbygdsdepartementet\n"
    "\n"
    "Publicerad 04 april 2022\n"
    "\n"
    "Torsdagen den 7 april besöker landsbygdsminister Karin Ekvall Vara kommun.\n"
    "\n"
    "Program\n"
    "\n"
    "09.00–10.30 Möte med Vara kommun om bredband. Plats: Kommunhuset, Vara.\n"
    "\n"
    "11.15–13.00 Besök hos Öre Fiber & Data AB i Vara. Vd Rolf Antonsson visar fibernätet.\n"
)


def test_meetings_programme_items_take_the_announced_date(reference, make_document):
    ex = extract_document(make_document(PROGRAMME_DOC, "programme.txt"), reference)
    assert len(ex.meetings) >= 2
    assert {m.date for m in ex.meetings} == {dt.date(2022, 4, 7)}


def test_meetings_company_name_with_ampersand(reference, make_document):
    ex = extract_document(make_document(PROGRAMME_DOC, "programme.txt"), reference)
    companies = {info.label for info in ex.entities.values() if info.cls == "Company"}
    assert "Öre Fiber & Data AB" in companies


def test_meetings_day_of_month_before_meeting_word_is_not_a_count(reference, make_document):
    # "den 4 mars träffade": one meeting on 4 March, not four meetings
    text = ("Nyhetsbrev nr 2, mars 2009\n\nStyrelsen träffade kommunministern\n\n"
            "Onsdagen den 4 mars träffade SmåKoms styrelse landsbygdsminister Karin Ekvall i Vara kommun.\n")
    ex = extract_document(make_document(text, "count.txt"), reference)
    assert len(ex.meetings) == 1 and ex.meetings[0].date == dt.date(2009, 3, 4)


@pytest.mark.parametrize("text", [
    "Nyheter\n\nPublicerad 2023-03-17\n\nI onsdags var Vara kommun värd för vårens nätverksträff. "
    "Med på träffen var Skara kommun.\n",
    "Nyheter\n\nPublicerad 2023-03-17\n\nI onsdags hölls vårens nätverksträff med Skara kommun. "
    "Värd för mötet var Vara kommun.\n",
])
def test_meetings_host_is_the_location(reference, make_document, text):
    ex = extract_document(make_document(text, "host.txt"), reference)
    assert [m.location for m in ex.meetings] == [VARA]
