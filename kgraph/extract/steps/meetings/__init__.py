"""Meetings, in three stages: segmentation (:mod:`.segment`), event assembly
(:mod:`.assemble`, where the reading order is written down) and filling
(:mod:`.fill`). The stages pass a :class:`~.draft.Segmentation` and
:class:`~.draft.MeetingDraft` objects, local to this step.

Reads ``doc``, ``blocks``, ``sentences``, ``kinds``, ``attendance``, ``minuted_body``, ``people``,
``mentions``, ``info``, ``dates``, ``date_span``, ``published``, ``publisher``, ``statements``, ``ministers``,
``topic_hits``, ``domain_topics``, ``agenda_topics``; writes ``meetings`` (and ``statements``: the municipalities
visited are members of the association whose text says it visits its member municipalities).
"""
from __future__ import annotations

import re

from ....models import Statement
from ....vocab import INFERRED_CONFIDENCE
from ...state import DocState
from ...step import Step
from .assemble import assemble
from .fill import fill_all, to_meetings
from .segment import segment

# "för att besöka några medlemskommuner", "Kommunerna har, som alla SmåKoms medlemskommuner, ...": the
# municipalities the text visits are members of the association whose text it is (or whose members it names)
_MEMBERS_VISITED_RE = re.compile(r"\b(?:besöka|besöker|besökte|besökt|träffa|träffade)\b[^.!?\n]{0,60}?"
                                 r"\bmedlemskommuner(?:na)?\b|\bsom alla (?P<a>[A-ZÅÄÖ][\wåäö-]+?)s "
                                 r"medlemskommuner\b")


def run(st: DocState) -> None:
    seg = segment(st)
    drafts = assemble(st, seg)
    fill_all(st, seg, drafts)
    st.meetings = to_meetings(st, drafts)
    _members_visited(st)


def _members_visited(st: DocState) -> None:
    """The municipalities visited are members of the association whose text says it visits its member
    municipalities (its own text, or the association it names in the genitive there)."""
    cue = _MEMBERS_VISITED_RE.search(st.doc.text)
    if cue is None:
        return
    named = [m for m in st.mentions_in(cue.start(), cue.end()) if m.kind == "Association"]
    assoc = named[0].key if named else st.publisher
    if assoc is None or st.cls_of(assoc) != "Association":
        return
    for key in dict.fromkeys(m.location for m in st.meetings if m.kind == "visit" and m.location):
        if st.cls_of(key) == "Municipality":
            st.statements.append(Statement(subject=key, predicate="memberOf", object=assoc,
                                           prov=st.prov(cue.start(), cue.end(), "extract.membership.visited",
                                                        INFERRED_CONFIDENCE)))


STEP = Step("meetings", run,
            reads=("doc", "blocks", "sentences", "kinds", "attendance", "minuted_body", "people", "mentions",
                   "info", "dates", "date_span", "published", "publisher", "statements", "ministers", "topic_hits",
                   "domain_topics", "agenda_topics"),
            writes=("meetings", "statements"))
