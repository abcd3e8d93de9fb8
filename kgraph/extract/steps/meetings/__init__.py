"""Meetings, in three stages: segmentation (:mod:`.segment`), event assembly
(:mod:`.assemble`, where the reading order is written down) and filling
(:mod:`.fill`). The stages pass a :class:`~.draft.Segmentation` and
:class:`~.draft.MeetingDraft` objects, local to this step.

Reads ``doc``, ``blocks``, ``sentences``, ``kinds``, ``attendance``, ``minuted_body``, ``people``,
``mentions``, ``info``, ``dates``, ``date_span``, ``published``, ``publisher``, ``statements``, ``ministers``,
``topic_hits``, ``domain_topics``, ``agenda_topics``; writes ``meetings``.
"""
from __future__ import annotations

from ...state import DocState
from ...step import Step
from .assemble import assemble
from .fill import fill_all, to_meetings
from .segment import segment


def run(st: DocState) -> None:
    seg = segment(st)
    drafts = assemble(st, seg)
    fill_all(st, seg, drafts)
    st.meetings = to_meetings(st, drafts)


STEP = Step("meetings", run,
            reads=("doc", "blocks", "sentences", "kinds", "attendance", "minuted_body", "people", "mentions",
                   "info", "dates", "date_span", "published", "publisher", "statements", "ministers", "topic_hits",
                   "domain_topics", "agenda_topics"),
            writes=("meetings",))
