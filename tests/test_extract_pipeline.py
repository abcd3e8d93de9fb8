"""The extract pipeline: declared reads and writes agree with the order of STEPS and
with what each step really touches; each step runs on a blank state; the reference
data passed in is the one used."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from kgraph.extract.pipeline import GIVEN, STEPS, extract_document, run_steps
from kgraph.extract.state import DocState
from kgraph.ingest import read_file
from kgraph.refdata import Form, RefEntity

REPO = Path(__file__).resolve().parents[1]
FIELDS = {f.name for f in dataclasses.fields(DocState)}


def test_extract_pipeline_every_read_is_written_by_an_earlier_step():
    available = set(GIVEN)
    for step in STEPS:
        missing = set(step.reads) - available
        assert not missing, f"step {step.name} reads {sorted(missing)} before any step writes it"
        available |= set(step.writes)


def test_extract_pipeline_declares_only_state_fields_and_writes_every_one():
    written = set(GIVEN)
    for step in STEPS:
        assert set(step.reads) <= FIELDS and set(step.writes) <= FIELDS, step.name
        written |= set(step.writes)
    assert written == FIELDS
    assert len({s.name for s in STEPS}) == len(STEPS)


class _TracingState(DocState):
    """Records which fields a step reads and assigns."""

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "_got", set())
        object.__setattr__(self, "_set", set())

    def __getattribute__(self, name: str):
        if name in FIELDS:
            object.__getattribute__(self, "_got").add(name)
        return object.__getattribute__(self, name)

    def __setattr__(self, name: str, value) -> None:
        if name in FIELDS:
            try:
                object.__getattribute__(self, "_set").add(name)
            except AttributeError:  # during __init__
                pass
        object.__setattr__(self, name, value)


# an invented protocol whose attendance list came out of a PDF as one run-on paragraph
RUN_ON_MINUTES = (
    "PROTOKOLL Kommunstyrelsen Sammanträdesdatum: 2018-10-02 Plats och tid Sessionssalen, Lidköpings kommun, "
    "kl. 09:00-11:30 Beslutande Anna Berg (S) tjg för Olle Ek (S) Per Holm (M), ordförande Karin Lund (C), "
    "Nora Lars Ek (S) Karl Erik Sven Dahl Maria Ström Närvarande ersättare Eva Nord (L) Övriga närvarande Lena Sand, kommunchef "
    "Utses att justera Per Holm Paragrafer §§ 1-5\n\n§ 1 Val av justerare\n\nPer Holm utses att justera.\n"
)


# an invented news item that names a municipality's board bare
BARE_BOARD_NEWS = "Nyheter från Lidköpings kommun\n\nFrågan har behandlats av Omsorgsnämnden under våren.\n"


def _documents(make_document):
    paths = sorted((REPO / "data" / "corpus").glob("*.txt")) + \
        sorted((REPO / "tests" / "fixtures" / "holdout" / "docs").glob("*.txt"))[:6]
    docs = [d for p in paths for d in read_file(p)[0]] + [make_document(RUN_ON_MINUTES, "protokoll.txt"),
                                                          make_document(BARE_BOARD_NEWS, "nyhet.txt")]
    assert len(docs) >= 8
    return docs


def test_extract_pipeline_steps_touch_only_what_they_declare(reference, make_document):
    seen_reads: dict[str, set[str]] = {s.name: set() for s in STEPS}
    for doc in _documents(make_document):
        st = _TracingState(doc, reference)
        for step in STEPS:
            st._got.clear()
            st._set.clear()
            step.run(st)
            got, put = set(st._got), set(st._set)
            assert put <= set(step.writes), f"{step.name} assigns undeclared {sorted(put - set(step.writes))}"
            undeclared = got - set(step.reads) - set(step.writes)
            assert not undeclared, f"{step.name} reads undeclared {sorted(undeclared)}"
            seen_reads[step.name] |= got
    # and what a step declares it reads, it reads on some document (no stale declarations)
    for step in STEPS:
        stale = set(step.reads) - seen_reads[step.name]
        assert not stale, f"{step.name} declares reads it never makes: {sorted(stale)}"


# -- each step on a blank state, with invented sentences -----------------------------------------

def _state_after(make_document, reference, text: str, last: str, published=None) -> DocState:
    names = [s.name for s in STEPS]
    steps = STEPS[: names.index(last) + 1]
    return run_steps(DocState(make_document(text, published=published), reference), steps)


def test_step_layout_headings_blocks_and_own_date(make_document, reference):
    st = _state_after(make_document, reference,
                      "Ministern på besök\n\nPublicerad 2022-05-04\n\nI dag kom gästerna. De stannade länge.",
                      "layout")
    assert [b.heading for b in st.blocks][:1] == [True]
    assert st.published == dt.date(2022, 5, 4)
    assert len(st.sentences) == 4


def test_step_reference_names_finds_municipalities(make_document, reference):
    st = _state_after(make_document, reference, "Delegationen reste till Gnosjö kommun och Vaggeryd.",
                      "reference_names")
    keys = {m.key for m in st.mentions}
    assert {"municipality/0617", "municipality/0665"} <= keys


def test_step_people_titles_and_party(make_document, reference):
    st = _state_after(make_document, reference,
                      "Kommunstyrelsens ordförande Anna-Karin Bergkvist (C) tog emot gästerna i Gnosjö.", "people")
    assert [p.name for p in st.people.persons] == ["Anna-Karin Bergkvist"]
    assert st.people.persons[0].party == "C"
    assert [t.role for _, t in st.people.roles] == ["kommunstyrelsens ordförande"]


def test_step_relations_party_role_and_affiliation(make_document, reference):
    st = _state_after(make_document, reference,
                      "Kommunstyrelsens ordförande Anna-Karin Bergkvist (C), Gnosjö kommun, tog emot gästerna.",
                      "relations")
    facts = {(s.subject, s.predicate, s.object) for s in st.statements}
    person = "person/anna-karin-bergkvist"
    assert (person, "memberOf", "party/c") in facts
    assert (person, "role", "kommunstyrelsens ordförande") in facts
    assert (person, "affiliatedWith", "municipality/0617") in facts


def test_step_coreference_title_to_named_minister(make_document, reference):
    text = "Civilminister Lena Micko besökte Gnosjö kommun. Ministern talade om digitalisering."
    st = _state_after(make_document, reference, text, "coreference", published=dt.date(2021, 3, 25))
    refs = [m for m in st.mentions if m.prov.rule == "resolve.coref.title"]
    assert [(m.text, m.key) for m in refs] == [("Ministern", "person/lena-micko")]


def test_step_topics_marks_undiscussed_sectors(make_document, reference):
    st = _state_after(make_document, reference,
                      "Mötet handlade om digitalisering. Kompetensförsörjningen i välfärden är svår.", "topics")
    assert "digitalisering" in st.topics
    discussed = [h.concept.id for i, h in enumerate(st.topic_hits) if i not in st.domain_topics]
    assert "valfard" not in discussed


def test_step_meetings_visit_with_place_date_and_participants(make_document, reference):
    text = ("Civilminister Lena Micko besökte Gnosjö kommun den 4 mars 2021. "
            "Kommunstyrelsens ordförande Anna-Karin Bergkvist (C) tog emot och de talade om bredband.")
    st = _state_after(make_document, reference, text, "meetings")
    assert len(st.meetings) == 1
    m = st.meetings[0]
    assert (m.kind, m.location, m.date) == ("visit", "municipality/0617", dt.date(2021, 3, 4))
    assert {"person/lena-micko", "person/anna-karin-bergkvist", "municipality/0617"} <= set(m.participants)


# -- the reference passed in is the one used ------------------------------------------------------

def test_extract_uses_the_reference_it_is_given(make_document, reference):
    text = "Landshövdingen besökte Påhittsby kommun på tisdagen och talade om vattenbrist."
    assert not any(k.startswith("municipality/9999") for k in extract_document(make_document(text), reference).entities)
    small = dataclasses.replace(reference, entities={
        **reference.entities,
        "municipality/9999": RefEntity("municipality/9999", "Municipality", "Påhittsby kommun",
                                       [Form("Påhittsby kommun"), Form("Påhittsby")]),
    })
    ex = extract_document(make_document(text), small)
    assert "municipality/9999" in ex.entities
    assert any("municipality/9999" in m.participants for m in ex.meetings)
    # the packaged reference is untouched: its automaton was built from its own data
    assert "municipality/9999" not in extract_document(make_document(text), reference).entities


def test_extract_reference_without_topics_finds_no_topics(make_document, reference):
    text = "Mötet handlade om digitalisering och bredband."
    assert extract_document(make_document(text), reference).topics
    bare = dataclasses.replace(reference, topics=[], topic_by_id={})
    assert extract_document(make_document(text), bare).topics == {}


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.name)
def test_extract_pipeline_step_modules_document_reads_and_writes(step):
    import sys
    doc = sys.modules[step.run.__module__].__doc__ or ""
    assert "Reads" in doc or "reads" in doc, step.name
    for name in step.writes:
        assert f"``{name}``" in doc, f"{step.name}'s docstring does not say it writes {name}"


def test_step_attendance_run_on_protocol(make_document, reference):
    ex = extract_document(make_document(RUN_ON_MINUTES, "protokoll.txt"), reference)
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements}
    assert ("person/per-holm", "role", "ordförande") in facts
    assert ("person/lena-sand", "role", "kommunchef") in facts
    assert not any(s == "person/karin-lund" and p == "role" for s, p, _ in facts)  # the title was Per Holm's
    # "Karl Erik Sven Dahl Maria Ström": three people, not a four-word name and a three-word one
    assert {"person/karl-erik", "person/sven-dahl", "person/maria-strom"} <= set(ex.entities)
    # "Karin Lund (C), Nora Lars Ek (S)": the entry before ends with its member's town, not a given name of the next
    assert "person/lars-ek" in ex.entities and "municipality/1884" in ex.entities
    assert not [k for k in ex.entities if k.startswith("person/") and k.count("-") > 2]
    board = next(k for k, e in ex.entities.items() if e.label == "Kommunstyrelsen")
    assert ("person/anna-berg", "affiliatedWith", board) in facts
    assert ("person/lena-sand", "affiliatedWith", board) not in facts  # an official, not a member
    [meeting] = ex.meetings
    assert meeting.kind == "board_meeting" and board in meeting.participants
    assert {"person/anna-berg", "person/per-holm", "person/eva-nord", "person/lena-sand"} <= set(meeting.participants)
    assert "person/olle-ek" not in meeting.participants  # replaced by a substitute


def test_step_attendance_committee_protocol(make_document, reference):
    text = ("Sammanträdesprotokoll Kommunstyrelsens arbetsutskott\n\nTid och plats Kommunhuset klockan 13 "
            "Beslutande Anna Berg (M) - ordförande Per Holm (C) - ledamot Övriga deltagande Karl Ek, kommunchef "
            "Eva Nord, Lidköpings Fjärrvärmeverk AB, 86 Justering Justerare Per Holm\n")
    ex = extract_document(make_document(text, "protokoll.txt"), reference)
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements}
    board = next(k for k, e in ex.entities.items() if e.label == "Kommunstyrelsens arbetsutskott")
    assert {("person/anna-berg", "affiliatedWith", board), ("person/per-holm", "affiliatedWith", board)} <= facts
    assert ("person/karl-ek", "affiliatedWith", board) not in facts  # an official taking part, not a member
    company = next(k for k, e in ex.entities.items() if e.cls == "Company")
    assert ex.entities[company].label == "Lidköpings Fjärrvärmeverk AB"


def test_step_coreference_a_bodys_post_without_a_name_is_the_person_the_text_named_in_it(make_document, reference):
    # "SmåKoms ordförande och sekreterare träffar X": the chair the text named before ("SmåKoms ordförande Per Holm")
    # is meant; the secretary, never named, is no one
    text = ("Nyheter från förbundet\n\nSmåKoms ordförande Per Holm talade på riksstämman i maj.\n\nI september möter "
            "SmåKoms ordförande och sekreterare Skogsstyrelsens generaldirektör.\n")
    st = run_steps(DocState(make_document(text), reference))
    second = text.rindex("ordförande")
    found = [m for m in st.mentions if m.kind == "Person" and m.prov.span.start == second]
    assert [m.key for m in found] == ["person/per-holm"], found
    assert not any(m.kind == "Person" and m.prov.span.start == text.rindex("sekreterare") for m in st.mentions)
