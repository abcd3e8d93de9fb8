"""Definite references to a body the text is about: "länsstyrelsen",
"Länsstyrelsens" for the one county administrative board (or county) named.

Reads ``doc``, ``ref``, ``mentions``; writes ``mentions``, ``info``.
"""
from __future__ import annotations

import re

from ...models import Mention
from ..state import DocState
from ..step import Step


def _bare_definites(st: DocState) -> list[Mention]:
    """"länsstyrelsen", "länsstyrelsens" refer to the one county board the text is about."""
    cab_keys = {m.key for m in st.mentions if m.kind == "CountyAdministrativeBoard"}
    counties = {m.key.split("/")[1] for m in st.mentions if m.key and m.key.startswith(("county/", "region/"))}
    if not cab_keys and len(counties) == 1:
        cab_keys = {f"cab/{next(iter(counties))}"}
    if len(cab_keys) != 1:
        return []
    key = next(iter(cab_keys))
    if key not in st.ref.entities:
        return []
    out = []
    for hit in re.finditer(r"(?<![\w])[Ll]änsstyrelse(?:n|ns)?(?![\wåäö])", st.doc.text):
        if st.covered(hit.start()):
            continue
        out.append(Mention(text=hit.group(), kind="CountyAdministrativeBoard", key=key,
                           prov=st.prov(hit.start(), hit.end(), "extract.definite_reference", 0.7)))
    return out


def run(st: DocState) -> None:
    for m in _bare_definites(st):
        st.add_mention(m)
    st.sort_mentions()


STEP = Step("definite_references", run, reads=("doc", "ref", "mentions"), writes=("mentions", "info"))
