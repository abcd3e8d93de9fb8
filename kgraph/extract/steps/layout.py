"""Layout: the document's blocks (paragraphs, headings, contact blocks), its
sentences, and the date the text states for itself.

Reads ``doc``; writes ``blocks``, ``sentences``, ``published``, ``date_span``.
"""
from __future__ import annotations

from ...text import blocks, sentences
from ..dates import find_document_date
from ..state import DocState
from ..step import Step


def run(st: DocState) -> None:
    text = st.doc.text
    blks = blocks(text)
    st.set_layout(blks, sentences(text, blks))
    if st.doc.published:
        st.published, st.date_span = st.doc.published, None
    else:
        st.published, st.date_span = find_document_date(text)


STEP = Step("layout", run, reads=("doc",), writes=("blocks", "sentences", "published", "date_span"))
