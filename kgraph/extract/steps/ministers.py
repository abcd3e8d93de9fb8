"""Ministers: the people the text calls ministers, or that the reference list
has in a minister's post on the document's date.

Reads ``people``, ``info``, ``published``, ``ref``; writes ``posts``, ``ministers``.
"""
from __future__ import annotations

from ..state import DocState
from ..step import Step


def _minister_people(st: DocState) -> dict[str, str]:
    """Person key -> minister post, for people the text calls ministers or the
    reference lists as holding a post at the document's date."""
    posts: dict[str, str] = {}
    titled: set[str] = set()  # people the text gives some other title ("regionrådet", "landshövding")
    for p, t in st.people.roles:
        if t.title.category == "minister":
            posts.setdefault(p.key, t.title.title)
        else:
            titled.add(p.key)
    day = st.published
    for key, info in st.info.items():
        if info.cls != "Person" or key in posts:
            continue
        terms = st.ref.minister_terms(key)
        if terms:
            live = [t for t in terms if day and t.holds_on(day)]
            if not live and key in titled:
                continue  # a former minister the text names in a later post
            posts[key] = (live or terms)[-1].post
    return posts


def run(st: DocState) -> None:
    st.posts = _minister_people(st)
    st.ministers = set(st.posts)


STEP = Step("ministers", run, reads=("people", "info", "published", "ref"), writes=("posts", "ministers"))
