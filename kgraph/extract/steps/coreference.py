"""Coreference inside the document: "civilministern", "ministern", "statsrådet"
to the minister the text names (or the holder of that post on the document's
date), a body's post without a name ("SmåKoms ordförande") to the one person the
text names in it, "hon"/"han" to the one person of that gender just named, and "jag" in
a signed text (an association chair's column) to the one who signs it.

Runs after the relations step: relations are read from names as written;
the references found here add mentions (and a role for a title reference)
that the meetings step counts as participation.

Reads ``doc``, ``ref``, ``blocks``, ``sentences``, ``kinds``, ``mentions``, ``info``, ``posts``, ``published``,
``statements``; writes ``mentions``, ``info``, ``statements``, ``posts``.
"""
from __future__ import annotations

import re

from ... import prefilter
from ...lookbehind import moved
from ...models import Mention, Statement
from ...refdata import person_key_for
from ...text import lower_same_length
from ..state import PARTICIPANT_ORGS, DocState
from ..step import Step

# "ministern", "civilministern", "arbetsmarknads- och etableringsministern" (a joined title is one post),
# and their genitives ("landsbygdsministerns resa")
_MINISTER_WORD_RE = re.compile(r"(?<![\w-])(?P<t>(?:[a-zåäö]+-(?:,[ \t]+[a-zåäö]+-)*[ \t]+och[ \t]+)?"
                               r"[a-zåäö-]*minister(?:ns?)?|statsråd(?:ets?)?)(?![\wåäö])", re.IGNORECASE)


_ANY_GAP_RE = re.compile(r"\s+")
_LINE_GAP_RE = re.compile(r"[ \t]+")


def _person_after(st: DocState, end: int, gap_re: re.Pattern[str]) -> bool:
    """Does a person's name follow ``end`` after a short gap (``gap_re``): a title of a named person?"""
    gap = gap_re.match(st.doc.text, end, end + 3)
    return gap is not None and any(x.kind == "Person" for x in st.mentions_in(gap.end(), gap.end() + 1))


# an indefinite determiner before a bare title: the title says what kind of person, not which one
_INDEFINITE_BEFORE_RE = re.compile(r"(?<![\wåäö])(?:ett|en|annat|annan|något|någon|varje|vilket|vilken|som)[ \t]+\Z",
                                   re.IGNORECASE)


def _minister_coreference(st: DocState, posts: dict[str, str]) -> None:
    """"civilministern", "ministern", "statsrådet" -> the minister the text names, or
    the holder of that post on the document's date."""
    text = st.doc.text
    if not prefilter.may_match(_MINISTER_WORD_RE, text):
        return
    low = lower_same_length(text)  # matched there, without re.IGNORECASE where that is the same: spans only
    for m in prefilter.finditer(prefilter.for_lowered(_MINISTER_WORD_RE, low), low):
        s, e = m.start("t"), m.end("t")
        if st.covered(s):
            continue
        word = text[s:e].lower()
        post = re.sub(r"(?:ns|n|ets|et)$", "", word) \
            if word.endswith(("ministern", "ministerns", "statsrådet", "statsrådets")) else word
        if _person_after(st, e, _ANY_GAP_RE):
            continue  # "civilminister Lena Micko": the title of a named person
        if post == word and _INDEFINITE_BEFORE_RE.search(text, max(0, s - 12), s):
            continue  # "biträder något annat statsråd": any minister, no one in particular
        cands = [k for k, p in posts.items() if p == post or post in ("minister", "statsråd")]
        key = cands[0] if len(set(cands)) == 1 else None
        if key is None and st.published and post not in ("minister", "statsråd"):
            holder = st.ref.office_holder(post, st.published)
            if holder:
                key = person_key_for(holder.name)
                posts[key] = post
        if key is None:
            continue
        st.add_mention(Mention(text=text[s:e], kind="Person", key=key, prov=st.prov(s, e, "resolve.coref.title", 0.7)),
                       label=None)
        if post not in ("minister", "statsråd"):
            st.statements.append(Statement(subject=key, predicate="role", object=post, literal=True,
                                           prov=st.prov(s, e, "extract.roles.title_reference", 0.7)))


# a body's post in the genitive without a name after it: "SmåKoms ordförande och sekreterare träffar ..."
_OWNED_POST_RE = re.compile(r"(?<![\wåäö-])(?P<o>[A-ZÅÄÖ][\wåäö&-]*?)(?::s|s)[ \t]+(?P<t>(?:vice[ \t]+)?ordförande|"
                            r"sekreterare|generalsekreterare|vd|förbundsdirektör|kanslichef|förbundsordförande)"
                            r"(?![\wåäö-])")
# (the bodies whose posts the text names people in: not the Government, a ministry or the Riksdag, whose posts are
# the ministers' and members')
_ORG_KINDS = PARTICIPANT_ORGS - {"Government", "Ministry", "Parliament"}


def _owned_post_coreference(st: DocState) -> None:
    """"SmåKoms ordförande" with no name after it -> the one person the text names as that body's holder of that
    post (its role the post, its affiliation the body): "SmåKoms ordförande Per Holm ... SmåKoms ordförande
    och sekreterare träffar X"."""
    text = st.doc.text
    if not prefilter.may_match(_OWNED_POST_RE, text):
        return
    roles: dict[str, set[str]] = {}
    bodies: dict[str, set[str]] = {}
    for x in st.statements:
        if x.predicate == "role":
            roles.setdefault(x.subject, set()).add(x.object.lower())
        elif x.predicate == "affiliatedWith":
            bodies.setdefault(x.subject, set()).add(x.object)
    for m in prefilter.finditer(_OWNED_POST_RE, text):
        s, e = m.start(), m.end("t")
        if st.covered(m.start("t")) or _person_after(st, e, _LINE_GAP_RE):
            continue  # "SmåKoms ordförande Per Holm": the post of the name after it
        org = next((x.key for x in st.mentions_in(s, s + 1) if x.kind in _ORG_KINDS), None)
        post = m["t"].lower()
        holders = {p for p, rs in roles.items() if post in rs and org is not None and org in bodies.get(p, ())}
        if len(holders) == 1:
            key = holders.pop()
            t = m.start("t")  # (the post's word: the body's name stays the body's mention)
            st.add_mention(Mention(text=text[t:e], kind="Person", key=key,
                                   prov=st.prov(t, e, "resolve.coref.title", 0.7)), label=None)


# each word its own literal alternative, no group around them: the engine then searches for "H" and "h"
# (kgraph.lookbehind) instead of trying every position; the word says the gender
_PRONOUN_RE = re.compile(r"(?<![\wåäö])(?:Hon|hon|henne|hennes|Han|han|honom|hans)(?![\wåäö])")
_FEMININE = frozenset({"hon", "henne", "hennes"})


def _pronoun_coreference(st: DocState) -> None:
    """"hon", "han" where safe: the one person of that gender named in the same or
    the previous sentence (gender from the given-name statistics)."""
    gender_of: dict[str, str] = {}
    for key, info in st.info.items():
        if info.cls == "Person":
            label = info.label or (info.surfaces[0] if info.surfaces else "")
            first = label.split(" ")[0].split("-")[0] if label else ""
            if first in st.ref.gender:
                gender_of[key] = st.ref.gender[first]
    if not gender_of:
        return
    text = st.doc.text
    for m in moved(_PRONOUN_RE).finditer(text):
        g = "f" if m.group().lower() in _FEMININE else "m"
        sent = st.sentence_at(m.start())
        if sent is None:
            continue
        idx = st.sentences.index(sent)
        window_start = st.sentences[idx - 1].start if idx > 0 and st.sentences[idx - 1].block == sent.block \
            else sent.start
        keys = {x.key for x in st.mentions_in(window_start, m.start())
                if x.kind == "Person" and gender_of.get(x.key) == g}
        if len(keys) == 1:
            st.add_mention(Mention(text=m.group(), kind="Person", key=next(iter(keys)),
                                   prov=st.prov(m.start(), m.end(), "resolve.coref.pronoun", 0.6)))


_FIRST_PERSON_RE = re.compile(r"(?<![\wåäö])(?:Jag|jag|mig)(?![\wåäö])")  # literals first: see _PRONOUN_RE
# a line that ends a signed piece: a rule of underscores, dashes or asterisks
_SEPARATOR_RE = re.compile(r"^[ \t]*[_*=–-]{5,}[ \t]*$", re.MULTILINE)
# a paragraph of speech opens with a dash: "- Det betyder mycket för mig, säger ..."
_QUOTE_DASH_RE = re.compile(r"[ \t]*[-–—][ \t]+")
_SPEECH_RE = re.compile(r"\b(?:säger|sa|sade|berättar|menar|konstaterar|understryker|betonar)\b")


def _signer(st: DocState, pos: int) -> tuple[str, int] | None:
    """(person key, where the name stands) of the one person who signs the piece that ``pos`` is in:
    a name alone on its line after ``pos``, before the piece ends at a rule line or the text's end."""
    text = st.doc.text
    rule = _SEPARATOR_RE.search(text, pos)
    end = rule.start() if rule else len(text)
    found: dict[str, int] = {}
    for b in st.blocks:
        if not pos < b.start < end or b.contact:
            continue  # a press contact's name gives whom to ask, not who wrote
        line_end = text.find("\n", b.start, b.end)
        line = text[b.start:line_end if line_end >= 0 else b.end].strip()
        names = [m for m in st.mentions_in(b.start, b.start + len(line) + 1) if m.kind == "Person"]
        if len(names) == 1 and names[0].text.strip() == line:
            found.setdefault(names[0].key, names[0].prov.span.start)
    return next(iter(found.items())) if len(found) == 1 else None


def _first_person_coreference(st: DocState) -> None:
    """"Den 17 maj träffade jag riksdagsledamöterna ..." in a piece its writer signs ("Anna Berg" alone on
    a line below, a title under it): "jag" is that person. Not in a quotation, nor in a sentence that
    reports speech ("..., säger Anna Berg"), where "jag" is the one quoted."""
    text = st.doc.text
    if len(st.blocks) < 2:
        return  # no line of its own for a signature
    for m in moved(_FIRST_PERSON_RE).finditer(text):
        sent = st.sentence_at(m.start())
        if sent is None:
            continue
        idx = st.sentences.index(sent)
        blk = st.block_at(m.start())
        if st.kinds[idx] not in ("body", "bullet") or _SPEECH_RE.search(text, sent.start, sent.end) \
                or any(q in text[sent.start:m.start()] for q in ('"', "”", "“", "»")) \
                or (blk is not None and _QUOTE_DASH_RE.match(text, blk.start)):
            continue
        signer = _signer(st, m.end())
        if signer is not None:
            st.add_mention(Mention(text=m.group(), kind="Person", key=signer[0],
                                   prov=st.prov(m.start(), m.end(), "resolve.coref.pronoun", 0.6)))


def run(st: DocState) -> None:
    _minister_coreference(st, st.posts)
    _owned_post_coreference(st)
    st.sort_mentions()
    _pronoun_coreference(st)
    _first_person_coreference(st)
    for key, info in st.info.items():
        if info.cls == "Person" and key in st.posts:
            info.minister = True
    st.sort_mentions()


STEP = Step("coreference", run, reads=("doc", "ref", "blocks", "sentences", "kinds", "mentions", "info", "posts",
                                       "published", "statements"),
            writes=("mentions", "info", "statements", "posts"))
