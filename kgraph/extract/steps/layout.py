"""Layout: the document's blocks (paragraphs, headings, contact blocks), its
sentences, and the date the text states for itself.

Each sentence gets a layout kind (:func:`kgraph.text.sentence_kind`):
heading, body, quote, bullet, caption, programme, contact or boilerplate, so
that later steps can tell a photo text or a CMS footer from the report.

Reads ``doc``, ``ref`` (the place names a dateline may start with); writes ``blocks``, ``sentences``,
``kinds``, ``published``, ``date_span``.
"""
from __future__ import annotations

from ...refdata import Reference
from ...text import blocks, fold, sentence_kinds, sentences
from ..dates import find_document_date
from ..state import DocState
from ..step import Step


def _place_names(ref: Reference) -> frozenset[str]:
    """Folded names of municipalities and counties ("stockholm", "karlshamn", "blekinge"): the places a
    dateline names before its date; and of regions and county boards, whose press releases put their
    own name there ("Region Exempelland 2019-09-02 10:15")."""
    return frozenset(fold(f.text) for e in ref.entities.values()
                     if e.cls in ("Municipality", "County", "Region", "CountyAdministrativeBoard")
                     for f in e.forms) | frozenset(ref.county_short)


def run(st: DocState) -> None:
    text = st.doc.text
    blks = blocks(text)
    sents = sentences(text, blks)
    st.set_layout(blks, sents)
    st.kinds = sentence_kinds(text, blks, sents)
    if st.doc.published:
        st.published, st.date_span = st.doc.published, None
    else:
        places = st.ref.derived("dateline_places", lambda: _place_names(st.ref))
        st.published, st.date_span = find_document_date(text, lambda name: fold(name) in places)


STEP = Step("layout", run, reads=("doc", "ref"), writes=("blocks", "sentences", "kinds", "published", "date_span"))
