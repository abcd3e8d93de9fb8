"""The publisher: the organisation whose text this is (a masthead line, a
"Pressmeddelande från X" or "Vi på X" cue, the page's publisher meta data, a
body the text names only by a bare definite ("Länsstyrelsen") in a sentence
that speaks in the first person plural, the one organisation the text keeps
naming, the one association named in a text that speaks of its own board, or the one municipality named
in a text that speaks as "vi").

Reads ``doc``, ``ref``, ``blocks``, ``sentences``, ``mentions``, ``info``, ``people``; writes ``publisher`` (and
``mentions``, ``info``: a publisher named only inside its branch's name is named there).
"""
from __future__ import annotations

import re
from collections import Counter

from ... import prefilter
from ...models import Mention
from ...text import fold, line_start_matches
from .. import lexicon as lx
from ..state import PARTICIPANT_ORGS, DocState, most_named
from ..step import Step

_PUBLISHER_CUES = [
    re.compile(r"^\s*(?:logotyp|logo)\s+(?:för\s+)?(?P<x>.+)$", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^\s*(?P<x>.+?)\s+nyhetsbrev\b", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^\s*(?i:om)\s+(?P<x>[A-ZÅÄÖ].+)$", re.MULTILINE),
    re.compile(r"\butskick som medlem (?:till|i)\s+(?P<x>[A-ZÅÄÖ][\wåäö]+)"),
    re.compile(r"^\s*pressmeddelande från\s+(?P<x>.+)$", re.IGNORECASE | re.MULTILINE),
    # "Nyhetsbrev från SmåKom, nr 4 2021", "Medlemsbrev från Exempelförbundet"
    re.compile(r"^\s*(?:nyhetsbrev|medlemsbrev|medlemsinformation)\s+från\s+(?P<x>.+)$", re.IGNORECASE | re.MULTILINE),
    # "Vi på Länsstyrelsen arbetar för ...", "Vi inom förbundet ..."
    re.compile(r"\b[Vv]i (?:på|inom|i) (?P<x>[A-ZÅÄÖ][\wåäö]+(?: [\wåäö]+){0,4})"),
]
_WE_RE = re.compile(r"\b(?:[Vv]i|vår|vårt|våra|oss)\b")
_QUOTE_RE = re.compile(r"^\s*[–—-]|[,–]\s*säger\b|[”\"]")


def _says_we(said: str) -> bool:
    """Does the sentence speak as "vi", "vår" in the text's own voice, not in a quote ("– ... vi ..., säger N"
    speaks for the speaker's body)?"""
    return bool(_WE_RE.search(said)) and not _QUOTE_RE.search(said)


def _named_as_own(st: DocState) -> str | None:
    """The one body named only by a bare definite ("Länsstyrelsens roll") in a sentence
    that speaks as "vi", "vår": the page's own body, which never spells out its name."""
    keys = {m.key for m in st.mentions if m.prov.rule == "extract.definite_reference"}
    if len(keys) != 1:
        return None
    key = next(iter(keys))
    if any(m.key == key and m.prov.rule != "extract.definite_reference" for m in st.mentions):
        return None
    text = st.doc.text
    for m in st.mentions:
        if m.key == key:
            sent = _sentence_around(text, m.prov.span.start)
            # not a quote: "– ... vi ..., säger N" speaks for the speaker's body
            if _says_we(sent):
                return key
    return None


# the text speaks of a board as its own: "Styrelsen beslutade", "vår nya styrelse", "vårt ordförandemöte"
_OWN_BODY_RE = re.compile(r"\b(?:[Ss]tyrelsen|[Vv]år(?:a)? (?:nya )?styrelse|[Vv]årt (?:[a-zåäö]+)?möte)\b")


def _own_association(st: DocState) -> str | None:
    """The one association a text names (a branch counts as its association) when the text speaks of
    a board or a meeting as its own, or opens with the association's name and speaks as "vi": an association's
    own news that never writes its name as a masthead."""
    keys = {m.attrs.get("part_of") or m.key for m in st.mentions if m.kind == "Association"}
    if len(keys) != 1 or not (_OWN_BODY_RE.search(st.doc.text) or _opens_and_speaks_as_we(st)):
        return None
    return keys.pop()


# the association's own officers or board, in the genitive: "SmåKoms ordförande och sekreterare reste ..."
_OWN_OFFICERS_RE = re.compile(r"[ \t]+(?:ordförande|sekreterare|styrelse|kansli|presidium|verksamhetsledare)\b")


def _opens_and_speaks_as_we(st: DocState) -> bool:
    """The text opens with the association's name ("SmåKoms resa började i ...") or names its officers in its
    first paragraph ("... for SmåKoms ordförande och sekreterare till ..."), and speaks as "vi" outside quotes:
    the association tells of its own doings."""
    text = st.doc.text
    lead = len(text) - len(text.lstrip())
    first = st.blocks[0] if st.blocks else None
    if not any(m.kind == "Association" and (m.prov.span.start == lead or (
            first is not None and m.prov.span.start < first.end and m.attrs.get("genitive")
            and _OWN_OFFICERS_RE.match(text, m.prov.span.end))) for m in st.mentions):
        return False
    return any(_says_we(text[x.start:x.end]) for x in st.sentences)


def _governors_page(st: DocState) -> str | None:
    """The county board whose governor's calendar or diary the text is, by its heading: the county board the
    text names most (a town it names more often is where the governor went)."""
    if not lx.governors_page(st.doc.text):
        return None
    boards = Counter(m.key for m in st.mentions if m.kind == "CountyAdministrativeBoard")
    town = most_named(Counter(m.key for m in st.mentions if m.kind == "Municipality"))
    # (several named as often: the one of the county the text's town is in)
    county = st.ref.entities[town].attrs.get("county") if town in st.ref.entities else None
    home = f"cab/{county}" if county else None
    return most_named(boards) or (home if home in boards else None)


# "Region Exempel ansvarar för ...", "Exempelbolaget är ett ...": the paragraph a press release ends with, the
# publisher describing itself
_ABOUT_BODY_RE = re.compile(r"^[ \t]*(?P<x>[A-ZÅÄÖ][^\n.]{1,60}?)[ \t]+(?:ansvarar för|är en|är ett|är Sveriges)\b",
                            re.MULTILINE)
_ABOUT_TAIL = 900  # how far from the end of the text the description may stand (before a contact block)


def _described_at_the_end(st: DocState) -> str | None:
    """The body a paragraph near the end of the text opens by describing ("Region Exempel ansvarar för ..."):
    a press release's note about its publisher."""
    text = st.doc.text
    for m in _ABOUT_BODY_RE.finditer(text, max(0, len(text) - _ABOUT_TAIL)):
        orgs = st.orgs_in(m.start("x"), m.end("x"))
        if orgs and orgs[0].prov.span.start == m.start("x") and orgs[0].prov.span.end == m.end("x") \
                and orgs[0].kind in PARTICIPANT_ORGS and orgs[0].kind != "PoliticalParty":
            return orgs[0].key
    return None


def _sentence_around(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?\n") if i >= 0]
    return text[start:min(ends) if ends else len(text)]


def _publisher(st: DocState) -> str | None:
    text = st.doc.text
    first = next((b for b in st.blocks), None)
    if first:
        line = text[first.start:first.end].split("\n")[0]
        orgs = st.orgs_in(first.start, first.start + len(line))
        if orgs and orgs[0].prov.span.start - first.start <= 2 and \
                len(line.strip()) - len(orgs[0].text) <= 3 and orgs[0].kind != "PoliticalParty":
            return orgs[0].key
    for rx in _PUBLISHER_CUES:
        for m in line_start_matches(rx, text, "nyhetsbrev" if "nyhetsbrev" in rx.pattern else "") \
                if rx.pattern.startswith(r"^\s*") else prefilter.finditer(rx, text):
            orgs = st.orgs_in(m.start("x"), m.end("x"))
            if orgs:
                return orgs[0].key
    if st.doc.publisher_hint:
        for x in st.mentions:
            if x.kind in PARTICIPANT_ORGS and fold(x.text) == fold(st.doc.publisher_hint):
                return x.key
    governor = _governors_page(st)
    if governor is not None:
        return governor
    about = _described_at_the_end(st)
    if about is not None:
        return about
    counts = Counter(m.key for m in st.mentions if m.kind in PARTICIPANT_ORGS
                     and not m.key.startswith("gov/"))
    top = counts.most_common(2)
    if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
        return top[0][0]
    return _named_as_own(st) or _own_association(st) or _own_municipality(st)


def _own_municipality(st: DocState) -> str | None:
    """The one municipality a text names, where the text names a municipality's officer ("kommunstyrelsens
    ordförande", "kommundirektör") and speaks as "vi", "våra" outside quotes and outside its contact lines ("Idag
    fick vi besök av civilministern som ville höra mer om våra framgångar"): a municipality's own news, which
    names the town but never as its masthead."""
    towns = {m.key for m in st.mentions if m.kind == "Municipality"}
    if len(towns) != 1 or any(m.kind in ("CountyAdministrativeBoard", "Region", "Association") for m in st.mentions) \
            or not any(t.title.category == "municipal" for t in st.people.titles):
        return None
    text = st.doc.text
    for sent in st.sentences:
        blk = st.block_at(sent.start)
        said = text[sent.start:sent.end]
        if (blk is None or not blk.contact) and _says_we(said):
            return next(iter(towns))
    return None


def _name_the_parent(st: DocState, key: str) -> None:
    """A publisher the text names only inside its branch's name ("Hela Sverige ska leva Gotland") is
    named there: a mention of the association on those words of the branch's name."""
    ref = st.ref.entities.get(key)
    if key in st.info or ref is None:
        return
    forms = sorted((f.text for f in ref.forms), key=len, reverse=True)
    for m in [m for m in st.mentions if m.attrs.get("part_of") == key]:
        form = next((f for f in forms if fold(m.text).startswith(fold(f) + " ")), None)
        if form is not None:
            s = m.prov.span.start
            st.add_mention(Mention(text=m.text[:len(form)], kind=ref.cls, key=key,
                                   prov=st.prov(s, s + len(form), "extract.org_branch", m.prov.confidence)),
                           label=ref.label)


def run(st: DocState) -> None:
    st.publisher = _publisher(st)
    if st.publisher is not None:
        _name_the_parent(st, st.publisher)


STEP = Step("publisher", run, reads=("doc", "ref", "blocks", "sentences", "mentions", "info", "people"),
            writes=("publisher", "mentions", "info"))
