"""Dates in the text ("den 4 mars", "i torsdags", "2021-03-25"), resolved with
the document's own date, or with the year of a newsletter's masthead; a "Senast
uppdaterad" stamp places only the dates of the month before it; a date after
"sedan" or "från och med" dates when a state began, no event, and stays unresolved.

Reads ``doc``, ``published``; writes ``dates``.
"""
from __future__ import annotations

from ..dates import find_dates, find_masthead_year, find_update_stamp, near_stamp
from ..state import DocState
from ..step import Step


def run(st: DocState) -> None:
    text = st.doc.text
    st.dates = find_dates(text, st.published, None if st.published else find_masthead_year(text))
    stamp = None if st.published else find_update_stamp(text)
    if stamp is not None:
        # a "Senast uppdaterad" stamp dates only what happened shortly before it
        placed = near_stamp(find_dates(text, stamp), stamp)
        by_span = {(h.start, h.end): h for h in placed if h.value is not None}
        st.dates = [by_span.get((h.start, h.end), h) if h.value is None else h for h in st.dates]


STEP = Step("dates", run, reads=("doc", "published"), writes=("dates",))
