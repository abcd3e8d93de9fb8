"""Dates in the text ("den 4 mars", "i torsdags", "2021-03-25"), resolved with
the document's own date, or with the year of a newsletter's masthead.

Reads ``doc``, ``published``; writes ``dates``.
"""
from __future__ import annotations

from ..dates import find_dates, find_masthead_year
from ..state import DocState
from ..step import Step


def run(st: DocState) -> None:
    text = st.doc.text
    st.dates = find_dates(text, st.published, None if st.published else find_masthead_year(text))


STEP = Step("dates", run, reads=("doc", "published"), writes=("dates",))
