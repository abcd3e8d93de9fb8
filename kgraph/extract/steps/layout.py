"""Layout: the document's blocks (paragraphs, headings, contact blocks), its
sentences, and the date the text states for itself.

Each sentence gets a layout kind (:func:`kgraph.text.sentence_kind`):
heading, body, quote, bullet, caption, programme, contact or boilerplate, so
that later steps can tell a photo text or a CMS footer from the report.

Reads ``doc``; writes ``blocks``, ``sentences``, ``kinds``, ``published``, ``date_span``.
"""
from __future__ import annotations

from ...text import blocks, sentence_kinds, sentences
from ..dates import find_document_date
from ..state import DocState
from ..step import Step


def run(st: DocState) -> None:
    text = st.doc.text
    blks = blocks(text)
    sents = sentences(text, blks)
    st.set_layout(blks, sents)
    st.kinds = sentence_kinds(text, blks, sents)
    if st.doc.published:
        st.published, st.date_span = st.doc.published, None
    else:
        st.published, st.date_span = find_document_date(text)


STEP = Step("layout", run, reads=("doc",), writes=("blocks", "sentences", "kinds", "published", "date_span"))
