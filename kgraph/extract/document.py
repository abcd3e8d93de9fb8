"""One document in, everything it states out: entity mentions, roles, party
memberships, affiliations, topics and meetings, each with its span.

The steps run in a fixed order, each a small function over a shared
:class:`DocState`: reference names, unlisted organisations, people and
titles, in-document coreference, relations, topics, meetings.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..models import Document, Meeting, Mention, Provenance, Span, Statement
from ..refdata import Reference, load_reference, person_key_for
from ..text import Block, Sentence, blocks, fold, sentences
from . import lexicon as lx
from .dates import DateHit, find_dates, find_document_date, find_masthead_year
from .gazetteer import find_reference_mentions
from .orgs import abbreviation_after, find_pattern_orgs
from .persons import PeopleResult, PersonHit, TitleHit, find_persons
from .topics import TopicHit, domain_hits, find_topics, masthead_hits

ORG_CLASSES = {"Municipality", "Region", "CountyAdministrativeBoard", "Ministry", "Government", "Parliament",
               "GovernmentAgency", "Association", "PoliticalParty", "Company", "Organization"}
PARTICIPANT_ORGS = ORG_CLASSES - {"PoliticalParty"}
CLASS_PRIORITY = {"Person": 0, "CountyAdministrativeBoard": 1, "Region": 1, "Municipality": 2, "Ministry": 2,
                  "Government": 2, "Parliament": 2, "GovernmentAgency": 2, "Association": 2, "Company": 3,
                  "Organization": 3, "PoliticalParty": 3, "County": 4, "Place": 5}


@dataclass
class EntityInfo:
    """What one document says about one entity."""

    key: str
    cls: str
    label: str | None = None  # None: the reference label
    surfaces: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    minister: bool = False


@dataclass
class DocExtraction:
    doc: Document
    published: dt.date | None
    title: str | None
    publisher: str | None
    entities: dict[str, EntityInfo]
    statements: list[Statement]
    meetings: list[Meeting]
    topics: dict[str, list[Mention]]  # topic id -> mentions


_REFERENCE_RULES = {"resolve.coref.title", "resolve.coref.pronoun"}


@dataclass
class DocState:
    doc: Document
    ref: Reference
    blocks: list[Block]
    sentences: list[Sentence]
    published: dt.date | None
    mentions: list[Mention] = field(default_factory=list)  # entity mentions, settled (no overlaps)
    info: dict[str, EntityInfo] = field(default_factory=dict)
    people: PeopleResult | None = None
    statements: list[Statement] = field(default_factory=list)
    topic_hits: list[TopicHit] = field(default_factory=list)
    domain_topics: set[int] = field(default_factory=set)  # indices of topic_hits no meeting discussed
    dates: list[DateHit] = field(default_factory=list)
    publisher: str | None = None
    ministers: set[str] = field(default_factory=set)
    section_dates: dict[int, dt.date] = field(default_factory=dict)
    trigger_headings: set[int] = field(default_factory=set)
    date_span: tuple[int, int] | None = None
    section_heads: dict[int, str] = field(default_factory=dict)

    def prov(self, start: int, end: int, rule: str, confidence: float = 0.9) -> Provenance:
        # built from offsets this module computed itself: no need to validate them again
        return Provenance.model_construct(doc_id=self.doc.id, span=Span.model_construct(start=start, end=end),
                                          rule=rule, confidence=confidence)

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def block_at(self, pos: int) -> Block | None:
        i = bisect.bisect_right(self._block_starts, pos) - 1
        if i >= 0 and self.blocks[i].start <= pos < self.blocks[i].end:
            return self.blocks[i]
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        if self._index is None:
            ordered = sorted(self.mentions, key=lambda m: m.prov.span.start)
            self._index = ([m.prov.span.start for m in ordered], ordered)
        starts, ordered = self._index
        return ordered[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def forget(self, m: Mention) -> None:
        """Drop a mention that a better reading replaced."""
        self.mentions.remove(m)
        self._index = None
        info = self.info.get(m.key or "")
        if info and m in info.mentions:
            info.mentions.remove(m)
            if not info.mentions:
                del self.info[m.key]

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        self._block_starts = [b.start for b in self.blocks]
        self._index: tuple[list[int], list[Mention]] | None = None

    def cls_of(self, key: str) -> str:
        return self.info[key].cls if key in self.info else self.ref.entities[key].cls

    def add_mention(self, m: Mention, label: str | None = None) -> None:
        self.mentions.append(m)
        self._index = None
        assert m.key
        info = self.info.get(m.key)
        if info is None:
            info = self.info[m.key] = EntityInfo(m.key, m.kind, label)
        info.mentions.append(m)
        surface = " ".join(m.text.split())
        # "civilministern", "länsstyrelsen": references, not names, so no alternative label
        if surface not in info.surfaces and m.prov.rule not in _REFERENCE_RULES:
            info.surfaces.append(surface)


# ------------------------------------------------------------------ entities

def _settle(cands: list[Mention]) -> list[Mention]:
    """Leftmost-longest; on equal spans the more specific class wins."""
    cands = sorted(cands, key=lambda m: (m.prov.span.start, -(m.prov.span.end - m.prov.span.start),
                                         CLASS_PRIORITY.get(m.kind, 9), m.key or ""))
    out: list[Mention] = []
    last_end = -1
    for m in cands:
        if m.prov.span.start < last_end:
            continue
        out.append(m)
        last_end = m.prov.span.end
    return out


def _county_or_landscape(st: DocState, cands: list[Mention]) -> list[Mention]:
    """A bare county name that is also a landscape ("Halland", "Blekinge") is the
    county when the document speaks of the county as such (its län, region or
    länsstyrelse named in full); otherwise the landscape."""
    formal = {m.key.split("/")[1] for m in cands if m.key and m.key.split("/")[0] in ("county", "region", "cab")
              and " " in m.text}
    landscape_county = {v: st.ref.county_short[k] for k, v in st.ref.landscape_keys.items()
                        if k in st.ref.county_short}
    out = []
    for m in cands:
        code = landscape_county.get(m.key or "")
        if code and code in formal:
            m = Mention(text=m.text, kind="County", key=f"county/{code}", attrs=m.attrs,
                        prov=m.prov.model_copy(update={"rule": "extract.county_name", "confidence": 0.8}))
        out.append(m)
    return out


def _reference_entities(st: DocState) -> list[Mention]:
    cands = list(find_reference_mentions(st.doc, st.ref))
    return _county_or_landscape(st, cands)


def _pattern_entities(st: DocState, taken: list[Mention]) -> list[Mention]:
    spans = [(m.prov.span.start, m.prov.span.end) for m in taken]
    out = []
    for po in find_pattern_orgs(st.doc.text, spans):
        m = Mention(text=po.name, kind=po.cls, key=po.key, prov=st.prov(po.start, po.end, "extract.org_pattern", 0.7))
        out.append(m)
        if po.abbr and po.abbr_span:
            out.append(Mention(text=po.abbr, kind=po.cls, key=po.key,
                               prov=st.prov(po.abbr_span[0], po.abbr_span[1], "extract.abbreviation", 0.8)))
    return out


def _abbreviation_uses(st: DocState) -> list[Mention]:
    """Abbreviations a document defines, used again later on ("KIS kommer att ...")."""
    out = []
    text = st.doc.text
    defined: dict[str, Mention] = {}
    for m in st.mentions:
        if m.kind in ORG_CLASSES and m.kind != "PoliticalParty" and " " in m.text:
            ab = abbreviation_after(text, m.prov.span.end)
            if ab and ab[0] not in defined:
                defined[ab[0]] = m
    for abbr, m in defined.items():
        for hit in re.finditer(r"(?<![\w@.])" + re.escape(abbr) + r"(?![\w@])", text):
            if any(x.prov.span.start <= hit.start() < x.prov.span.end for x in st.mentions):
                continue
            out.append(Mention(text=abbr, kind=m.kind, key=m.key,
                               prov=st.prov(hit.start(), hit.end(), "extract.abbreviation", 0.8)))
    return out


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
        if any(x.prov.span.start <= hit.start() < x.prov.span.end for x in st.mentions):
            continue
        out.append(Mention(text=hit.group(), kind="CountyAdministrativeBoard", key=key,
                           prov=st.prov(hit.start(), hit.end(), "extract.definite_reference", 0.7)))
    return out


# ------------------------------------------------------------------ people

_MINISTER_WORD_RE = re.compile(r"(?<![\w])(?P<t>[a-zåäö-]*minister(?:n)?|statsråd(?:et)?)(?![\wåäö])", re.IGNORECASE)


def _people(st: DocState) -> None:
    # multi-word names block person readings; a one-word place name ("Nora") may be a given name
    org_spans = [(m.prov.span.start, m.prov.span.end) for m in st.mentions
                 if (m.kind in ORG_CLASSES or m.kind in ("County", "Place"))
                 and (" " in m.text.strip() or m.kind not in ("Municipality", "Place", "County"))]
    people = find_persons(st.doc, st.ref, org_spans)
    st.people = people
    keep: list[PersonHit] = []
    for p in people.persons:
        # a full municipality/organisation name beats a name-like reading
        clash = [m for m in st.mentions if m.prov.span.start < p.end and p.start < m.prov.span.end]
        if any(m.kind != "Person" and (" " in m.text or m.kind not in ("Municipality", "Place", "County"))
               and m.prov.span.end - m.prov.span.start >= p.end - p.start for m in clash):
            continue
        for m in clash:
            st.forget(m)
        keep.append(p)
    people.persons = keep
    for p in keep:
        key = st.ref.person_keys.get(fold(p.name), p.key)
        p.key = key
        st.add_mention(Mention(text=p.name, kind="Person", key=key,
                               prov=st.prov(p.start, p.end, "extract.persons.title_name" if p.via_title
                                            else "extract.persons.given_name", 0.85)), label=p.name)
    for s, e, key, rule in people.surname_refs:
        if any(m.prov.span.start <= s < m.prov.span.end for m in st.mentions):
            continue
        st.add_mention(Mention(text=st.doc.text[s:e], kind="Person", key=key, prov=st.prov(s, e, rule, 0.75)))
    people.roles = [(p, t) for p, t in people.roles if p in keep]


def _minister_people(st: DocState) -> dict[str, str]:
    """Person key -> minister post, for people the text calls ministers or the
    reference lists as holding a post at the document's date."""
    posts: dict[str, str] = {}
    assert st.people is not None
    for p, t in st.people.roles:
        if t.title.category == "minister":
            posts.setdefault(p.key, t.title.title)
    day = st.published
    for key, info in st.info.items():
        if info.cls != "Person" or key in posts:
            continue
        terms = st.ref.minister_terms(key)
        if terms:
            live = [t for t in terms if day and t.holds_on(day)]
            posts[key] = (live or terms)[-1].post
    return posts


def _minister_coreference(st: DocState, posts: dict[str, str]) -> None:
    """"civilministern", "ministern", "statsrådet" -> the minister the text names, or
    the holder of that post on the document's date."""
    text = st.doc.text
    for m in _MINISTER_WORD_RE.finditer(text):
        s, e = m.start("t"), m.end("t")
        if any(x.prov.span.start <= s < x.prov.span.end for x in st.mentions):
            continue
        word = m["t"].lower()
        post = re.sub(r"(?:n|et)$", "", word) if word.endswith(("ministern", "statsrådet")) else word
        gap = re.match(r"\s+", text[e:e + 3])
        if gap and any(x.kind == "Person" and x.prov.span.start == e + gap.end() for x in st.mentions):
            continue  # "civilminister Lena Micko": the title of a named person
        cands = [k for k, p in posts.items() if p == post or post in ("minister", "statsråd")]
        key = cands[0] if len(set(cands)) == 1 else None
        if key is None and st.published and post not in ("minister", "statsråd"):
            holder = st.ref.office_holder(post, st.published)
            if holder:
                key = person_key_for(holder.name)
                posts[key] = post
        if key is None:
            continue
        st.add_mention(Mention(text=m["t"], kind="Person", key=key, prov=st.prov(s, e, "resolve.coref.title", 0.7)),
                       label=None)
        if post not in ("minister", "statsråd"):
            st.statements.append(Statement(subject=key, predicate="role", object=post, literal=True,
                                           prov=st.prov(s, e, "extract.roles.title_reference", 0.7)))


_PRONOUN_RE = re.compile(r"(?<![\wåäö])(?:(?P<f>[Hh]on|henne|hennes)|(?P<m>[Hh]an|honom|hans))(?![\wåäö])")


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
    for m in _PRONOUN_RE.finditer(text):
        g = "f" if m["f"] else "m"
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


# ------------------------------------------------------------------ relations

def _party_key(st: DocState, marker: str) -> str | None:
    return _party_markers(id(st.ref)).get(marker.casefold())


@lru_cache(maxsize=4)
def _party_markers(ref_id: int) -> dict[str, str]:
    """Party marker ("S", "Fp", "KD") -> party key."""
    out: dict[str, str] = {}
    for ent in load_reference().entities.values():
        if ent.cls == "PoliticalParty":
            for v in ent.attrs.get("variants", "").split("|"):
                if v:
                    out.setdefault(v.casefold(), ent.key)
    return out


_MEMBER_RE = re.compile(r"\b(?:(?:är|blir|blev|bli|blivit|vara|varit)\s+(?:alla\s+|också\s+|nu\s+)?"
                        r"(?:medlem|medlemmar|medlemskommun(?:er)?)\s+(?:i|av)|"
                        r"(?:gå|går|gick|gått)\s+med\s+i|(?:ansluta|ansluter|anslöt|anslutit)\s+sig\s+till)\s+$")
# "Boråsregionen, där alla åtta kommuner är medlemmar": the members named before the association
_MEMBERS_AFTER_RE = re.compile(r"\s*,?\s*där\s+(?P<who>[^.;:]{0,80}?)\s+(?:alla\s+|också\s+)?är\s+(?:alla\s+)?"
                               r"(?:medlemmar|medlemskommuner|med)\b")
_MEMBER_ORGS = {"Municipality", "Region", "Company", "Organization", "Association"}


def _stated_memberships(st: DocState) -> None:
    """"Åsele kommun har beslutat att bli medlem i SmåKom": the organisations named
    before the membership phrase are members of the association after it."""
    text = st.doc.text
    for sent in st.sentences:
        low = text[sent.start:sent.end].lower()
        if "medlem" not in low and " med i " not in low and "anslut" not in low:
            continue
        ms = st.mentions_in(sent.start, sent.end)
        for a in ms:
            if a.kind != "Association" or not _MEMBER_RE.search(text[max(sent.start, a.prov.span.start - 60):
                                                                        a.prov.span.start].lower()):
                continue
            for m in ms:
                if m.prov.span.end <= a.prov.span.start and m.kind in _MEMBER_ORGS and m.key != a.key:
                    st.statements.append(Statement(subject=m.key, predicate="memberOf", object=a.key,
                                                   prov=st.prov(m.prov.span.start, a.prov.span.end,
                                                                "extract.membership.stated", 0.8)))
        _members_named_before(st, sent, ms)


def _members_named_before(st: DocState, sent: Sentence, ms: list[Mention]) -> None:
    """"X, där alla åtta kommuner är medlemmar": the municipalities named in the clause
    (or, for "alla"/"samtliga", in this and the sentence before) are members of X."""
    text = st.doc.text
    for a in ms:
        if a.kind != "Association":
            continue
        m = _MEMBERS_AFTER_RE.match(text, a.prov.span.end)
        if not m:
            continue
        named = [x for x in ms if m.start("who") <= x.prov.span.start < m.end("who") and x.kind in _MEMBER_ORGS]
        if not named and re.search(r"\b(?:alla|samtliga)\b", m["who"]):
            prev = max((x for x in st.sentences if x.end <= sent.start), key=lambda x: x.end, default=None)
            start = prev.start if prev else sent.start
            named = [x for x in st.mentions_in(start, a.prov.span.start) if x.kind == "Municipality"]
        for x in named:
            if x.key != a.key:
                st.statements.append(Statement(subject=x.key, predicate="memberOf", object=a.key,
                                               prov=st.prov(min(x.prov.span.start, a.prov.span.start), m.end(),
                                                            "extract.membership.stated", 0.75)))


def _relations(st: DocState, posts: dict[str, str]) -> None:
    assert st.people is not None
    text = st.doc.text
    for p in st.people.persons:
        if p.party and p.party_span:
            key = _party_key(st, p.party)
            if key:
                s, e = p.party_span
                st.add_mention(Mention(text=text[s:e], kind="PoliticalParty", key=key,
                                       prov=st.prov(s, e, "extract.party_marker", 0.95)))
                st.statements.append(Statement(subject=p.key, predicate="memberOf", object=key,
                                               prov=st.prov(p.start, e, "extract.party_marker", 0.95)))
    _stated_memberships(st)
    roles_by_person: dict[str, list[TitleHit]] = {}
    for p, t in st.people.roles:
        roles_by_person.setdefault(p.key, []).append(t)
        st.statements.append(Statement(subject=p.key, predicate="role", object=t.role, literal=True,
                                       prov=st.prov(min(p.start, t.start), max(p.end, t.end), "extract.roles.adjacent")))
    for key in set(roles_by_person) | set(posts):
        if key in posts and key in st.info:
            st.info[key].minister = True
    _affiliations(st, roles_by_person, posts)


def _orgs_in(st: DocState, start: int, end: int, classes: set[str] | None = None) -> list[Mention]:
    classes = classes or PARTICIPANT_ORGS
    return [m for m in st.mentions_in(start, end) if m.kind in classes]


_EMAIL_RE = re.compile(r"(?P<local>[\w.+-]+)@(?P<domain>[\w-]+(?:\.+[\w-]+)+)")


def _email_org(st: DocState, person: PersonHit) -> str | None:
    """The organisation of a person's e-mail domain ("anna.berg@msb.se" -> MSB),
    when the address on the same line or the next one is the person's."""
    text = st.doc.text
    window = text[person.end:person.end + 160]
    line_end = window.find("\n\n")
    window = window if line_end < 0 else window[:line_end]
    given = fold(person.name.split()[0]).split("-")[0]
    for m in _EMAIL_RE.finditer(window):
        local = fold(m["local"])
        if given not in local and fold(person.name.split()[-1]) not in local:
            continue
        domain = re.sub(r"\.+", ".", m["domain"].lower())
        parts = domain.split(".")
        for i in range(len(parts) - 1):
            key = st.ref.by_domain.get(".".join(parts[i:]))
            if key and key in st.info:
                return key
    return None


def _affiliations(st: DocState, roles: dict[str, list[TitleHit]], posts: dict[str, str]) -> None:
    assert st.people is not None
    text = st.doc.text
    done: set[tuple[str, str]] = set()

    def add(person: str, org: str, s: int, e: int, rule: str, conf: float) -> None:
        if (person, org) in done or org not in st.info:
            return
        done.add((person, org))
        st.statements.append(Statement(subject=person, predicate="affiliatedWith", object=org,
                                       prov=st.prov(s, e, rule, conf)))

    hits_by_key: dict[str, list[PersonHit]] = {}
    for p in st.people.persons:
        hits_by_key.setdefault(p.key, []).append(p)
    for key, hits in hits_by_key.items():
        titles = roles.get(key, [])
        found = False
        for p in hits:
            # explicit organisation right after the title or on the next line: "projektledare, Region Blekinge"
            for t in [t for pp, t in st.people.roles if pp is p]:
                org = _org_after_title(st, t)
                if org:
                    add(key, org.key, p.start, org.prov.span.end, "extract.affiliation.title_org", 0.9)
                    found = True
            # "Gunnar Berg, Trafikverket": an organisation right after the name
            m = re.match(r"[ \t]*(?:\([^)\n]{1,4}\)[ \t]*)?,[ \t]*", text[p.end:p.end + 12])
            if m:
                orgs = _orgs_in(st, p.end + m.end(), p.end + m.end() + 1)
                if orgs and orgs[0].kind != "PoliticalParty":
                    add(key, orgs[0].key, p.start, orgs[0].prov.span.end, "extract.affiliation.name_org", 0.8)
                    found = True
            # contact block: organisation on the line after the person's line
            blk = st.block_at(p.start)
            if blk and blk.contact:
                line_end = text.find("\n", p.end)
                if 0 <= line_end < blk.end:
                    nxt_end = text.find("\n", line_end + 1)
                    nxt_end = blk.end if nxt_end < 0 or nxt_end > blk.end else nxt_end
                    orgs = _orgs_in(st, line_end + 1, nxt_end)
                    if orgs and text[line_end + 1:nxt_end].strip() == orgs[0].text.strip():
                        add(key, orgs[0].key, p.start, nxt_end, "extract.affiliation.contact_block", 0.85)
                        found = True
            email_org = _email_org(st, p)
            if email_org:
                add(key, email_org, p.start, p.end, "extract.affiliation.email_domain", 0.8)
                found = True
        if key in posts:
            for org_key, info in st.info.items():
                if info.cls == "Government" and org_key.endswith("regeringen"):
                    add(key, org_key, hits[0].start, hits[0].end, "extract.affiliation.minister", 0.7)
            terms = st.ref.minister_terms(key)
            for t in terms:
                if t.ministry and (st.published is None or t.holds_on(st.published)):
                    add(key, f"gov/{t.ministry}", hits[0].start, hits[0].end, "extract.affiliation.minister", 0.7)
            continue
        if found:
            continue
        if titles:
            _affiliation_by_title(st, key, hits, titles, add)
        elif any(h.party for h in hits) and st.publisher and st.cls_of(st.publisher) in ("Municipality", "Region"):
            # a local politician named with a party in a municipality's or region's own text
            add(key, st.publisher, hits[0].start, hits[0].end, "extract.affiliation.publisher_politician", 0.5)


_CLAUSE_ORG_RE = re.compile(r"[ \t]+(?:för[ \t]+[a-zåäö ,-]{1,50}?[ \t]+)?(?:på|vid|i|hos|inom)[ \t]+(?=[A-ZÅÄÖ])")


def _org_after_title(st: DocState, t: TitleHit) -> Mention | None:
    """The organisation a title names: "projektledare, Region Blekinge", "ordförande i
    Hallsbergs kommun", "sektionschef för planering på SKL", or on the next line."""
    text = st.doc.text
    if t.title.category == "minister":
        return None
    m = re.match(r"[ \t]*(?:,|\n)[ \t]*", text[t.end:t.end + 6])
    if m:
        orgs = _orgs_in(st, t.end + m.end(), t.end + m.end() + 1)
        if orgs:
            return orgs[0]
    m = _CLAUSE_ORG_RE.match(text, t.end)
    if m and "," not in text[t.end:m.end()]:
        between = text[t.end:m.end()]
        if not re.search(r"\b(?:minister|ministern)\b", between):
            orgs = _orgs_in(st, m.end(), m.end() + 1)
            if orgs and orgs[0].kind != "PoliticalParty":
                return orgs[0]
    return None


def _affiliation_by_title(st: DocState, key: str, hits: list[PersonHit], titles: list[TitleHit], add) -> None:
    """A municipal title ties the person to the municipality of the sentence, else the
    document's own municipality; likewise for regions and county boards."""
    org_type = next((t.title.org_type for t in titles if t.title.org_type not in ("", "none")), "")
    if not org_type and any(re.search(r"nämnd|förvaltning|kommun", t.role) for t in titles):
        org_type = "municipality"
    cls = {"municipality": "Municipality", "region": "Region", "cab": "CountyAdministrativeBoard",
           "agency": "GovernmentAgency", "association": "Association", "ministry": "Ministry",
           "government": "Government", "party": "PoliticalParty", "company": "Company"}.get(org_type)
    p = hits[0]
    if cls is None:
        if st.publisher:
            add(key, st.publisher, p.start, p.end, "extract.affiliation.publisher", 0.6)
        return
    # the one organisation of that kind in the person's sentence, else in the paragraph
    for scope, rule, conf in ((st.sentence_at(p.start), "extract.affiliation.sentence", 0.8),
                              (st.block_at(p.start), "extract.affiliation.paragraph", 0.7)):
        if scope:
            keys = {m.key for m in _orgs_in(st, scope.start, scope.end, {cls})}
            if len(keys) == 1:
                add(key, keys.pop(), p.start, p.end, rule, conf)
                return
    if st.publisher and st.cls_of(st.publisher) == cls:
        add(key, st.publisher, p.start, p.end, "extract.affiliation.publisher", 0.7)
        return
    counts = Counter(m.key for m in st.mentions if m.kind == cls)
    if counts:
        top = counts.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            add(key, top[0][0], p.start, p.end, "extract.affiliation.dominant", 0.6)


# ------------------------------------------------------------------ publisher

_PUBLISHER_CUES = [
    re.compile(r"^\s*(?:logotyp|logo)\s+(?:för\s+)?(?P<x>.+)$", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^\s*(?P<x>.+?)\s+nyhetsbrev\b", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^\s*(?i:om)\s+(?P<x>[A-ZÅÄÖ].+)$", re.MULTILINE),
    re.compile(r"\butskick som medlem (?:till|i)\s+(?P<x>[A-ZÅÄÖ][\wåäö]+)"),
    re.compile(r"^\s*pressmeddelande från\s+(?P<x>.+)$", re.IGNORECASE | re.MULTILINE),
]


def _publisher(st: DocState) -> str | None:
    text = st.doc.text
    first = next((b for b in st.blocks), None)
    if first:
        line = text[first.start:first.end].split("\n")[0]
        orgs = _orgs_in(st, first.start, first.start + len(line))
        if orgs and orgs[0].prov.span.start - first.start <= 2 and \
                len(line.strip()) - len(orgs[0].text) <= 3 and orgs[0].kind != "PoliticalParty":
            return orgs[0].key
    for rx in _PUBLISHER_CUES:
        for m in rx.finditer(text):
            orgs = _orgs_in(st, m.start("x"), m.end("x"))
            if orgs:
                return orgs[0].key
    if st.doc.publisher_hint:
        for m in st.mentions:
            if m.kind in PARTICIPANT_ORGS and fold(m.text) == fold(st.doc.publisher_hint):
                return m.key
    counts = Counter(m.key for m in st.mentions if m.kind in PARTICIPANT_ORGS
                     and not m.key.startswith("gov/"))
    top = counts.most_common(2)
    if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
        return top[0][0]
    return None


# ------------------------------------------------------------------ meetings

@dataclass(eq=False)
class _Meet:
    kind: str
    trigger: tuple[int, int]
    named: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    location: str | None = None
    date: dt.date | None = None
    persons: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    group: int = -1
    status: str = "held"
    section: int = 0
    subjectless: bool = False
    counted: bool = False
    trigger_sents: set[int] = field(default_factory=set)


_DATELINE_RE = re.compile(r"\s*(?:publicerad|publicerat|uppdaterad|senast|datum|pressmeddelande|nyhet)\b",
                          re.IGNORECASE)


def text_of(st: DocState, sent: Sentence) -> str:
    return st.doc.text[sent.start:sent.end]


def _meeting_units(st: DocState, low: str) -> list[tuple[Sentence, int, list[tuple[int, int, str, str]]]]:
    """Body sentences (no headings, no contact blocks) with their section and meeting words."""
    units = []
    section = 0
    for sent in st.sentences:
        blk = st.blocks[sent.block]
        if blk.heading:
            section += 1
            st.section_heads[section] = st.doc.text[sent.start:sent.end]
            ds = [d for d in st.dates if sent.start <= d.start < sent.end and d.value]
            if ds and not _DATELINE_RE.match(text_of(st, sent)) and not (
                    st.date_span and sent.start <= st.date_span[0] < sent.end):
                st.section_dates[section] = ds[0].value  # "Måndag 17 februari" heads that day's programme
            if _trigger_hits(low, sent.start, sent.end):
                st.trigger_headings.add(section)
            continue
        if blk.contact:
            continue
        hits = [h for h in _trigger_hits(low, sent.start, sent.end)
                if not any(m.prov.span.start <= h[0] < m.prov.span.end for m in st.mentions)]
        travel = lx.TRAVEL_RE.search(low, sent.start, sent.end)
        if travel and not any(h[3] == "tour" for h in hits):
            dests = [m for m in st.mentions_in(travel.end(), sent.end) if m.kind == "Municipality"]
            if dests:
                hits.append((travel.start(), travel.end(), "visit", "tour"))
        units.append((sent, section, sorted(hits)))
    return units


_MINUTES_RE = re.compile(r"\b(?:sammanträdesprotokoll|protokoll|mötesprotokoll|minnesanteckningar)\b", re.IGNORECASE)
_MINUTES_DATE_RE = re.compile(r"^\s*(?:sammanträdes|mötes)?datum\s*:", re.IGNORECASE | re.MULTILINE)
_MINUTES_PLACE_RE = re.compile(r"^\s*(?:plats(?: och tid)?|lokal)\s*:(?P<v>.*)$", re.IGNORECASE | re.MULTILINE)
_ATTENDANCE_RE = re.compile(r"^\s*(?:närvarande|beslutande|ledamöter|ersättare|tjänstemän|övriga närvarande|"
                            r"övriga deltagare|deltagare|tjänstgörande ersättare)\b", re.IGNORECASE)


def _minutes_meeting(st: DocState) -> _Meet | None:
    """Minutes ("Sammanträdesprotokoll", "Protokoll från ...") record a meeting of
    their own: the board that meets, on the date and at the place the header gives,
    with the people listed as present."""
    text = st.doc.text
    head = text[:400]
    m = _MINUTES_RE.search(head)
    if not m or not any(_ATTENDANCE_RE.match(text[b.start:b.end]) for b in st.blocks):
        return None
    mt = _Meet("board_meeting", (m.start(), m.end()), named="protokoll")
    d = _MINUTES_DATE_RE.search(text)
    if d:
        line_end = text.find("\n", d.end())
        dates = [x for x in st.dates if d.end() <= x.start < (line_end if line_end > 0 else len(text)) and x.value]
        mt.date = dates[0].value if dates else None
    mt.date = mt.date or st.published
    p = _MINUTES_PLACE_RE.search(text)
    if p:
        places = [x for x in st.mentions_in(p.start("v"), p.end("v")) if x.kind in PARTICIPANT_ORGS | {"Place"}]
        munis = [x for x in places if x.kind == "Municipality"]
        if places:
            mt.location = (munis or places)[0].key
    in_attendance = False
    for sent in st.sentences:
        blk = st.blocks[sent.block]
        line = text[sent.start:sent.end]
        if _ATTENDANCE_RE.match(line):
            in_attendance = True
        elif blk.heading and not _ATTENDANCE_RE.match(line) or line.lstrip().startswith("§"):
            in_attendance = False
        if in_attendance:
            mt.sentences.append(sent)
    if st.publisher:
        mt.orgs.append(st.publisher)
    return mt


_SUBJECTLESS_RE = re.compile(r"^[\s\d.:–-]*$")


def _coordinated(st: DocState, first: Mention, limit: int) -> list[Mention]:
    """"i Sundsvall och Timrå": the municipalities named together with the first one."""
    out = [first]
    if first.kind != "Municipality":
        return out
    text = st.doc.text
    pos = first.prov.span.end
    while True:
        m = re.match(r"(?:\s*,\s*|\s+och\s+|\s+samt\s+)", text[pos:limit])
        if not m:
            break
        nxt = [x for x in st.mentions_in(pos + m.end(), pos + m.end() + 1) if x.kind == "Municipality"]
        if not nxt:
            break
        out.append(nxt[0])
        pos = nxt[0].prov.span.end
    return out


def _starts_new(st: DocState, sent: Sentence, hits: list[tuple[int, int, str, str]], low: str) -> bool:
    """Does this sentence open a new meeting, so that its section starts afresh?
    A named event, a tour, a counted series or a meeting word with its own place does;
    "i digitalt möte med ministern" in a caption does not."""
    for s, e, _, how in hits:
        if how in ("named", "tour"):
            return True
        if how == "new" and (lx.COUNT_RE.search(low[max(sent.start, s - 20):s]) or _location_after(st, e, sent.end)):
            return True
    return False


def _trigger_hits(text_low: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    out = []
    words = lx.MEETING_WORDS
    for m in lx.MEETING_RE.finditer(text_low, start, end):
        # the alternative that matched: group g<i> encloses any groups of its own, so it closes last
        _, kind, how = words[int(m.lastgroup[1:])]  # type: ignore[index]
        out.append((m.start(), m.end(), kind, how))
    return out


_LOCATION_AFTER_RE = re.compile(r"[^.!?\n]{0,70}?\b(?:i|på|till|hos|vid)\s+(?=[A-ZÅÄÖ])")


def _location_after(st: DocState, pos: int, limit: int) -> Mention | None:
    """The place named right after a meeting word: "besök i Kungsbacka", "på Länsstyrelsen i Halland"."""
    text = st.doc.text
    m = _LOCATION_AFTER_RE.match(text, pos)
    if not m or m.end() > limit:
        return None
    for x in st.mentions_in(m.end(), m.end() + 1):
        if x.kind in PARTICIPANT_ORGS | {"Place", "County"} and not x.attrs.get("genitive") \
                and x.kind != "PoliticalParty":
            return x
    return None


def _meetings(st: DocState) -> list[Meeting]:
    text = st.doc.text
    low = text.lower()
    person_keys = {k for k, i in st.info.items() if i.cls == "Person"}
    meets: list[_Meet] = []
    named: dict[str, _Meet] = {}
    group_id = 0
    current: list[_Meet] = []
    units = _meeting_units(st, low)
    creating = {sec for sent, sec, hits in units if _starts_new(st, sent, hits, low)}
    pending: list[Sentence] = []
    announced: list[_Meet] = []  # meetings a lead paragraph names after the one it follows
    minutes = _minutes_meeting(st)
    if minutes:
        meets.append(minutes)
        current = [minutes]
    prev_section = -1
    for sent, section, hits in units:
        if section != prev_section:
            if section in creating:
                current, pending = [], []
            elif minutes and st.section_heads.get(section, "").lstrip().startswith("§"):
                current, pending = [minutes], []  # the next item on the agenda of the minuted meeting
            elif section in st.trigger_headings and announced:
                current = [announced.pop(0)]  # "Besök hos träföretaget": the text turns to the next meeting
            prev_section = section
        created: list[_Meet] = []
        attached: list[_Meet] = []
        for s, e, kind, how in hits:
            window = low[max(sent.start, s - 30):min(sent.end, e + 10)]
            if lx.DIGITAL_RE.search(window) and kind in ("visit", "meeting"):
                kind = "digital_meeting"
            if how == "named":
                lemma = re.sub(r"e$", "", re.sub(r"(?:erna|arna|en|et|na|n|t|er|ar)$", "", low[s:e]))
                year = re.match(r"\s+(\d{4})", text[e:e + 6])
                name = lemma + (year.group(1) if year else "")
                mt = named.get(name)
                if mt is None:
                    mt = named[name] = _Meet(kind, (s, e), named=name, section=section)
                    meets.append(mt)
                    created.append(mt)
                else:
                    attached.append(mt)
                continue
            loc = _location_after(st, e, sent.end)
            if how == "tour":
                dests = [m for m in st.mentions_in(s, sent.end) if m.kind == "Municipality"]
                if dests:
                    group_id += 1
                    for d in dict.fromkeys(m.key for m in dests):
                        mt = _Meet("visit", (s, e), location=d, group=group_id, section=section)
                        mt.orgs.append(d)
                        meets.append(mt)
                        created.append(mt)
                    continue
                how = "new"
            count = lx.COUNT_RE.search(low[max(sent.start, s - 20):s])
            if how == "ana" and current:
                attached.extend(current)
                continue
            compatible = kind == "meeting" or current and current[0].kind in (kind, "meeting") or \
                (current and {kind, current[0].kind} <= {"visit", "digital_meeting"})
            if current and not created and (loc is None or loc.key in {c.location for c in current}) \
                    and compatible and not count \
                    and not (kind == "digital_meeting" and current[0].kind != kind and loc is not None):
                attached.extend(current)
                continue
            if created:
                continue
            n = lx.COUNTS[count["n"]] if count else 1
            group_id += 1
            subjectless = bool(_SUBJECTLESS_RE.match(text[sent.start:s]))
            places = _coordinated(st, loc, sent.end) if loc is not None else [None]
            for place in places:
                for _ in range(n):
                    mt = _Meet(kind, (s, e), location=place.key if place else None,
                               group=group_id if len(places) > 1 or n > 1 else -1, section=section,
                               subjectless=subjectless, counted=n > 1)
                    meets.append(mt)
                    created.append(mt)
        non_named = [c for c in created if not c.named]
        named_here = [c for c in created + attached if c.named]
        if named_here and not non_named:
            current = named_here[:1]  # "ett lärorikt möte" after "SmåKoms höstmöte" is that meeting
            for c in named_here:
                c.trigger_sents.add(sent.start)
        if non_named:
            attached = [a for a in attached if a.named]  # the sentence is about the new meeting
            if all(c.counted for c in non_named):
                pass  # "två seminarier har hållits": a summary of past events, not the one the text follows
            elif current and not current[0].named and any(x.block == sent.block for x in current[0].sentences) \
                    and not (all(c.group >= 0 and c.kind == "visit" for c in current + non_named)):
                announced.extend(non_named)  # "... och efter lunch blev det studiebesök hos X": named, followed later
            # a tour that continues ("åkte vi sedan till ...") joins the visits already made
            elif current and all(c.group >= 0 and c.kind == "visit" for c in current) and \
                    all(c.kind == "visit" for c in non_named) and current[0].group != non_named[0].group:
                current = current + non_named
            else:
                current = non_named
            for c in non_named:
                for p in pending:
                    if p not in c.sentences:
                        c.sentences.append(p)
            pending = []
        for c in created:
            c.sentences.append(sent)
        for a in dict.fromkeys(attached):
            if sent not in a.sentences:
                a.sentences.append(sent)
        if not created and not attached:
            if current:
                for c in current:
                    c.sentences.append(sent)
            else:
                pending.append(sent)
    for mt in meets:
        # the sentences before a meeting's word in its own paragraph are about it too
        first = next((x for x in mt.sentences if x.start <= mt.trigger[0] < x.end), None)
        earlier = [o for o in meets if o.trigger[0] < mt.trigger[0] and first
                   and st.block_at(o.trigger[0]) is st.blocks[first.block]]
        if first and not earlier:
            for x in st.sentences:
                if x.block == first.block and x.start < first.start and x not in mt.sentences:
                    mt.sentences.append(x)
        mt.sentences.sort(key=lambda x: x.start)
    _field_lines(st, meets)
    for mt in meets:
        _fill(st, mt, person_keys)
    _programme_dates(meets)
    out = []
    for idx, mt in enumerate(meets):
        parts = list(dict.fromkeys(mt.persons + mt.orgs))
        if not parts:
            continue
        s, e = mt.trigger
        sent = st.sentence_at(s)
        mid = f"meeting/{st.doc.id[:16]}-{s}-{idx}"
        out.append(Meeting(id=mid, kind=mt.kind, doc_id=st.doc.id, participants=tuple(parts), location=mt.location,
                           date=mt.date, status=mt.status, topics=tuple(dict.fromkeys(mt.topics)),
                           prov=st.prov(sent.start if sent else s, sent.end if sent else e,
                                        f"extract.meetings.{mt.kind}", 0.7),
                           label=text[s:e]))
    return out


# "Värd för mötet var Falköpings kommun", "Tranemo kommun var värd för träffen", "värdkommunen Tranemo"
_HOST_AFTER_RE = re.compile(r"\bvärd(?:kommun)?(?:en)?\s+(?:för\s+[\wåäö]+\s+)?(?:var|är|blir)\s+$|\bvärdkommunen\s+$",
                            re.IGNORECASE)
_HOST_BEFORE_RE = re.compile(r"\s+(?:(?:var|är|blir)\s+)?värd(?:kommun)?\s+för\b", re.IGNORECASE)


def _host(st: DocState, mt: _Meet) -> str | None:
    """The municipality or organisation the text names as the meeting's host ("Värd för mötet
    var Falköpings kommun", "I onsdags var Tranemo kommun värd för träffen"): where it was held."""
    text = st.doc.text
    for sent in mt.sentences:
        if "värd" not in text[sent.start:sent.end].lower():
            continue
        for x in st.mentions_in(sent.start, sent.end):
            if x.kind not in PARTICIPANT_ORGS:
                continue
            s, e = x.prov.span.start, x.prov.span.end
            if _HOST_AFTER_RE.search(text, max(sent.start, s - 40), s) or _HOST_BEFORE_RE.match(text, e):
                return x.key
    return None


def _programme_dates(meets: list[_Meet]) -> None:
    """"09.00 Möte med Region Dalarna": an undated programme item is on the day of the dated
    meeting the text announced before it."""
    last = None
    for mt in sorted(meets, key=lambda m: m.trigger[0]):
        if mt.date is not None:
            last = mt.date
        elif mt.subjectless and last is not None:
            mt.date = last


def _field_lines(st: DocState, meets: list[_Meet]) -> None:
    """"Dag: fredag 7 december", "Plats: Lokstallarna, Karlshamn": details of the
    meeting with that date, or of the document's first meeting."""
    text = st.doc.text
    fields = []
    pos = 0
    for line in text.split("\n"):
        m = lx.FIELD_RE.match(line)
        if m:
            fields.append((m["f"].lower(), pos + m.start("v"), pos + m.end("v")))
        pos += len(line) + 1
    if not fields or not meets:
        return
    field_dates = [d for f, s, e in fields for d in st.dates if s <= d.start < e and d.value]
    target = meets[0]
    if field_dates:
        for mt in meets:
            for sent in mt.sentences:
                if any(sent.start <= d.start < sent.end and d.value == field_dates[0].value for d in st.dates):
                    target = mt
                    break
        target.date = field_dates[0].value
    for f, s, e in fields:
        if f in ("plats", "lokal", "var", "adress") and target.location is None:
            cands = [m for m in st.mentions_in(s, e) if m.kind in PARTICIPANT_ORGS | {"Place"}]
            places = [m for m in cands if m.kind == "Place"]
            if cands:
                target.location = (places or cands)[0].key
    # "På plats finns ..." right after the field lines: the participants of that meeting
    last = max(e for _, _, e in fields)
    for sent in st.sentences:
        if sent.start >= last and re.search(r"\bpå plats\b|\bdeltar\b|\bmedverkar\b", text[sent.start:sent.end],
                                            re.IGNORECASE):
            if sent not in target.sentences:
                target.sentences.append(sent)
            break


_LOCATIVE_RE = re.compile(r"\b(?:i|på|vid)\s+$")
_CONTACT_SENTENCE_RE = re.compile(r"\bkontakta\b|@|\bför (?:mer )?information\b|\bfrågor (?:om|till)\b|\banmäl")


def _fill(st: DocState, mt: _Meet, person_keys: set[str]) -> None:
    text = st.doc.text
    low = text.lower()
    for sent in mt.sentences:
        ms = st.mentions_in(sent.start, sent.end)
        stext = low[sent.start:sent.end]
        contact = bool(_CONTACT_SENTENCE_RE.search(stext))
        for m in ms:
            if m.key in person_keys and m.key not in mt.persons and not contact:
                mt.persons.append(m.key)
        cue = lx.PARTICIPATION_RE.search(text[sent.start:sent.end]) or lx.PARTICIPATION_RE.search(stext)
        is_trigger_sent = sent.start <= mt.trigger[0] < sent.end or sent.start in mt.trigger_sents
        if cue or is_trigger_sent:
            for m in ms:
                if m.kind in PARTICIPANT_ORGS and m.kind not in ("Government", "Parliament") and m.key not in mt.orgs:
                    if mt.group >= 0 and mt.kind == "visit" and m.kind == "Municipality" and mt.location \
                            and m.key != mt.location:
                        continue  # one visit per municipality of a tour
                    if m.kind == "Municipality" and mt.kind not in ("visit", "digital_meeting") \
                            and _LOCATIVE_RE.search(text[max(sent.start, m.prov.span.start - 12):m.prov.span.start]):
                        continue  # "i Järfälla", "i Stockholm": where it is held, not who takes part
                    mt.orgs.append(m.key)
        # "SmåKoms höstmöte": the owner of the meeting
        if is_trigger_sent:
            owner = [m for m in ms if m.prov.span.end <= mt.trigger[0] and mt.trigger[0] - m.prov.span.end <= 2
                     and m.kind in PARTICIPANT_ORGS]
            for m in owner:
                if m.key not in mt.orgs:
                    mt.orgs.insert(0, m.key)
            if lx.FIRST_PERSON_RE.search(stext) and st.publisher and st.publisher not in mt.orgs:
                mt.orgs.append(st.publisher)
            if mt.date is None:
                ds = [d for d in st.dates if sent.start <= d.start < sent.end and d.value]
                if ds:
                    mt.date = ds[0].value
            if lx.CANCELLED_RE.search(stext):
                mt.status = "cancelled"
            elif (mt.date and st.published and mt.date > st.published) or lx.PLANNED_RE.search(stext):
                mt.status = "planned"
            if mt.location is None:
                here = mt.trigger[1] if sent.start <= mt.trigger[0] < sent.end else next(
                    (e for _, e, _, _ in _trigger_hits(low, sent.start, sent.end)), sent.start)
                loc = _location_after(st, here, sent.end)
                if loc:
                    mt.location = loc.key
        for i, h in enumerate(st.topic_hits):
            if sent.start <= h.start < sent.end and h.concept.id not in mt.topics and i not in st.domain_topics:
                mt.topics.append(h.concept.id)
    if mt.location is None:
        mt.location = _host(st, mt)
    if mt.location is None and mt.kind in ("visit", "digital_meeting"):
        munis = [o for o in mt.orgs if st.cls_of(o) == "Municipality"]
        if len(munis) == 1:
            mt.location = munis[0]  # the one municipality the text names for the visit is where it was
    # the organisations the participants work for take part too ("kommunstyrelsens ordförande i Åmåls kommun")
    affil = {}
    for stmt in st.statements:
        if stmt.predicate == "affiliatedWith" and stmt.subject in mt.persons and stmt.subject not in st.ministers \
                and st.cls_of(stmt.object) not in ("Government", "Ministry", "PoliticalParty", "Parliament"):
            affil.setdefault(stmt.subject, []).append(stmt.object)
    for person in mt.persons:
        for org in affil.get(person, [])[:1]:
            if org not in mt.orgs and not (mt.group >= 0 and st.cls_of(org) == "Municipality" and mt.location
                                           and org != mt.location):
                mt.orgs.append(org)
    if mt.status == "held" and mt.date and st.published and mt.date > st.published:
        mt.status = "planned"  # dated after the text that announces it
    if mt.subjectless and len(st.ministers) == 1 and not (st.ministers & set(mt.persons)):
        mt.persons.insert(0, next(iter(st.ministers)))  # a programme item of the minister's visit
    if mt.date is None and mt.section in st.section_dates:
        mt.date = st.section_dates[mt.section]
    if mt.date is None:
        for sent in mt.sentences:
            if _trigger_hits(low, sent.start, sent.end):
                ds = [d for d in st.dates if sent.start <= d.start < sent.end and d.value]
                if ds:
                    mt.date = ds[0].value
                    break
    if mt.location and st.cls_of(mt.location) in PARTICIPANT_ORGS and mt.location not in mt.orgs \
            and (mt.kind in ("visit", "digital_meeting") or st.cls_of(mt.location) != "Municipality"):
        mt.orgs.insert(0, mt.location)
    if (mt.named or mt.kind in ("board_meeting", "conference", "seminar")) and not mt.orgs and st.publisher:
        mt.orgs.append(st.publisher)  # "Styrelsen sammanträdde": the publisher's own board
    mt.orgs = [o for o in mt.orgs if st.cls_of(o) in PARTICIPANT_ORGS]


# ------------------------------------------------------------------ topics

def _topics(st: DocState) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    taken = [(m.prov.span.start, m.prov.span.end) for m in st.mentions]
    for h in st.topic_hits:
        if any(a <= h.start < b for a, b in taken):
            continue
        out.setdefault(h.concept.id, []).append(
            Mention(text=h.text, kind="Topic", key=f"topic/{h.concept.id}",
                    prov=st.prov(h.start, h.end, "extract.topics.scheme", 0.8)))
    return out


# ------------------------------------------------------------------ entry point

def extract_document(doc: Document, ref: Reference | None = None) -> DocExtraction:
    ref = ref or load_reference()
    blks = blocks(doc.text)
    sents = sentences(doc.text, blks)
    published, date_span = (doc.published, None) if doc.published else find_document_date(doc.text)
    st = DocState(doc, ref, blks, sents, published)
    st.date_span = date_span
    for m in _settle(_reference_entities(st)):
        st.add_mention(m)
    for m in _settle(_pattern_entities(st, st.mentions)):
        st.add_mention(m, label=m.text if m.prov.rule == "extract.org_pattern" else None)
    for m in _abbreviation_uses(st):
        st.add_mention(m)
    _people(st)
    for m in _bare_definites(st):
        st.add_mention(m)
    st.mentions.sort(key=lambda m: m.prov.span.start)
    st.publisher = _publisher(st)
    posts = _minister_people(st)
    st.ministers = set(posts)
    _relations(st, posts)
    _minister_coreference(st, posts)
    st.mentions.sort(key=lambda m: m.prov.span.start)
    _pronoun_coreference(st)
    for key, info in st.info.items():
        if info.cls == "Person" and key in posts:
            info.minister = True
    st.mentions.sort(key=lambda m: m.prov.span.start)
    st.dates = find_dates(doc.text, published, None if published else find_masthead_year(doc.text))
    st.topic_hits = find_topics(doc.text, ref)
    st.domain_topics = domain_hits(doc.text, st.topic_hits) | masthead_hits(doc.text, st.topic_hits)
    topics = _topics(st)
    meetings = _meetings(st)
    title = doc.title or next((doc.text[b.start:b.end].strip() for b in blks), None)
    return DocExtraction(doc, published, title, st.publisher, st.info, st.statements, meetings, topics)
