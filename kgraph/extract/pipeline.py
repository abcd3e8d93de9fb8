"""One document in, everything it states out: the extract pipeline.

:data:`STEPS` runs top to bottom over one :class:`DocState`; each step says
what it reads and what it writes (``tests/test_extract_pipeline.py`` checks
that every read was written by an earlier step, and that the steps touch
nothing else):

=====================  =====================================================
layout                 blocks, sentences, the document's own date
reference_names        names from the reference tables
unlisted_orgs          organisations by their shape, abbreviations used again
people                 people, titles, party markers
definite_references    "länsstyrelsen" for the one county board of the text
publisher              whose text this is
boards                 a board named bare: its municipality's or region's own
attendance             a protocol's attendance list: capacities, titles, the body
ministers              who is a minister here
relations              party and association memberships, roles, affiliations
places                 the municipality a venue or locality lies in
coreference            "civilministern", "hon" to the person meant
dates                  dates in the text, resolved
topics                 topics of the scheme
meetings               segmentation, event assembly, filling
=====================  =====================================================
"""
from __future__ import annotations

from ..contracts import DocExtraction
from ..models import Document
from ..refdata import Reference, load_reference
from .state import DocState
from .step import Step
from .steps import (
    attendance,
    boards,
    coreference,
    dates,
    definite_references,
    layout,
    meetings,
    ministers,
    people,
    places,
    publisher,
    reference_names,
    relations,
    topics,
    unlisted_orgs,
)

STEPS: tuple[Step, ...] = (
    layout.STEP,
    reference_names.STEP,
    unlisted_orgs.STEP,
    people.STEP,
    definite_references.STEP,
    publisher.STEP,
    boards.STEP,
    attendance.STEP,
    ministers.STEP,
    relations.STEP,
    places.STEP,
    coreference.STEP,
    dates.STEP,
    topics.STEP,
    meetings.STEP,
)

GIVEN = ("doc", "ref")  # the fields a state starts with


def run_steps(st: DocState, steps: tuple[Step, ...] = STEPS) -> DocState:
    for step in steps:
        step.run(st)
    return st


def extract_document(doc: Document, ref: Reference | None = None) -> DocExtraction:
    """Everything one document states, with spans (pure: same document and reference, same result)."""
    st = run_steps(DocState(doc, ref or load_reference()))
    title = doc.title or next((doc.text[b.start:b.end].strip() for b in st.blocks), None)
    return DocExtraction(doc, st.published, title, st.publisher, st.info, st.statements, st.meetings, st.topics)
