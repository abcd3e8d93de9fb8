"""A municipality's or a region's board named bare ("Omsorgsnämnden", "Kommunstyrelsen",
"Socialförvaltningen") is that body's own: one node per owner, keyed as the board whose
minutes these are (``org/<board>-<owner>``), never one node for every municipality's board
of that name. The owner is the municipality or region named right after the board ("i
Exempelby", ", Exempelby kommun"), else the publisher where it is one, else the one
municipality (or region) the text names; a text that names none or several keeps its board
apart from every other document's (``org/<board>-<document>``).

Reads ``doc``, ``mentions``, ``info``, ``publisher``; writes ``mentions``, ``info`` and ``publisher`` (a
publisher that is such a board takes the owned key), and ``statements``: the board is ``partOf`` the owner
the text names right after it.
"""
from __future__ import annotations

import re

from ...models import Mention, Statement
from ...text import slug
from ..orgs import board_owner_kind, owned_board_key
from ..state import DocState
from ..step import Step

_OWNERS = ("Municipality", "Region")
# what may stand between a board and its owner's name: "Omsorgsnämnden i Exempelby", "Socialnämnden, Exempelby kommun"
_OWNER_GAP_RE = re.compile(r"[ \t]+i[ \t]+|[ \t]*,[ \t]*|[ \t]+")


def _bare_boards(st: DocState) -> list[tuple[Mention, str, str]]:
    """The mentions of boards read from their shape under their bare name's key, with the board's name and the
    kind of body its name says owns it."""
    out = []
    for m in st.mentions:
        info = st.info.get(m.key)
        label = (info.label if info is not None else None) or m.text
        kind = board_owner_kind(label)
        if m.kind == "Organization" and m.prov.rule == "extract.org_pattern" and m.key == f"org/{slug(label)}" \
                and kind is not None:
            out.append((m, label, kind))
    return out


def _named_owner(st: DocState, m: Mention, kinds: tuple[str, ...]) -> Mention | None:
    """The owner named right after the board: "Omsorgsnämnden i Exempelby", "Socialnämnden, Exempelby kommun"."""
    gap = _OWNER_GAP_RE.match(st.doc.text, m.prov.span.end)
    if gap is None:
        return None
    return next((x for x in st.mentions_in(gap.end(), gap.end() + 1)
                 if x.kind in kinds and x.prov.span.start == gap.end()), None)


def _text_owner(st: DocState, kinds: tuple[str, ...]) -> str | None:
    """The publisher where it is a municipality or a region, else the one body of those kinds the text names."""
    if st.publisher is not None and st.cls_of(st.publisher) in kinds:
        return st.publisher
    named = {x.key for x in st.mentions if x.kind in kinds}
    return named.pop() if len(named) == 1 else None


def run(st: DocState) -> None:
    boards = _bare_boards(st)
    if not boards:
        return
    renamed: dict[str, str] = {}
    for m, label, kind in boards:
        kinds = (kind,) if kind in _OWNERS else _OWNERS
        named = _named_owner(st, m, kinds)
        owner = named.key if named is not None else _text_owner(st, kinds)
        key = owned_board_key(label, owner, st.doc.id)
        renamed.setdefault(m.key, key)
        st.forget(m)
        st.add_mention(m.model_copy(update={"key": key}), label=label)
        if named is not None:
            # the words that name the board and its owner state that it is the owner's
            st.statements.append(Statement(subject=key, predicate="partOf", object=named.key,
                                           prov=st.prov(m.prov.span.start, named.prov.span.end,
                                                        "extract.board_owner", 0.8)))
    if st.publisher in renamed and st.publisher not in st.info:
        st.publisher = renamed[st.publisher]


STEP = Step("boards", run, reads=("doc", "mentions", "info", "publisher"),
            writes=("mentions", "info", "publisher", "statements"))
