"""Relations the text states: party memberships ("Anna Berg (S)"), stated
memberships of associations ("X har beslutat att bli medlem i SmåKom"), roles
(a title next to a name) and affiliations (the organisation a person works
for, leads or represents: after the title or the name, in a contact block, by
e-mail domain, by a minister's post, or by the kind of title).

Reads ``doc``, ``ref``, ``sentences``, ``blocks``, ``mentions``, ``info``, ``people``,
``publisher``, ``posts``, ``published``, ``attendance``; writes ``statements``, ``mentions``, ``info``.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Protocol

from ... import prefilter
from ...models import Mention, Statement
from ...refdata import Reference
from ...text import Sentence, email_matches, fold, lines_holding, slug
from ...vocab import INFERRED_CONFIDENCE
from .. import lexicon as lx
from ..lexicon import NAME_HEAD_AFTER_RE, SHARED_MAIL_DOMAIN_PATTERNS, SHARED_MAIL_DOMAINS
from ..persons import CAPTION_POSITION_RE, RESPECTIVE_AFTER_TITLE_RE, PersonHit, TitleHit
from ..state import PARTICIPANT_ORGS, DocState, most_named
from ..step import Step


class AddAffiliation(Protocol):
    """The ``add`` of :func:`_affiliations`: a person, the organisation, the person's span, the rule
    and its confidence; optionally the organisation's mention the rule read, or where to look for it."""

    def __call__(self, person: str, org: str, s: int, e: int, rule: str, conf: float, at: Mention | None = None,
                 scope: tuple[int, int] | None = None) -> None: ...


def _party_key(st: DocState, marker: str) -> str | None:
    return _party_markers(st.ref).get(marker.casefold())


def _party_markers(ref: Reference) -> dict[str, str]:
    """Party marker ("S", "Fp", "KD", "Socialdemokraterna", "Centern") -> party key (built once
    per reference data)."""
    def build() -> dict[str, str]:
        out: dict[str, str] = {}
        for ent in ref.entities.values():
            if ent.cls == "PoliticalParty":
                for v in [*ent.attrs.get("variants", "").split("|"), ent.label, *(f.text for f in ent.forms)]:
                    if v:
                        out.setdefault(v.casefold(), ent.key)
        return out
    return ref.derived("party_markers", build)


# a party in parentheses: "(S)", "(Socialdemokraterna)", "(Centern)"
_LOCAL_PARTY_RE = re.compile(r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,3}")
# (not the abbreviations of a protocol's list: "(ers)", "(tjg)", "(ordf)")
_LOWER_LOCAL_PARTY_RE = re.compile(r"(?!(?:ers|tjg|tgj|led|ej|tf|ord|vik|adj|jus|sek)$)[a-zåäö]{2,3}")
_PARENS_PARTY_RE = re.compile(r"[ \t]*\([ \t]*(?P<p>[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö ]{0,40}?)[ \t]*\)")


def _marker_parties(st: DocState) -> None:
    """Party memberships from the marker after the name ("Anna Berg (S)"), or, where the
    name has none, after the person's title ("Anna Berg, oppositionsråd (S)") or in full
    ("Anna Berg (Socialdemokraterna)")."""
    text = st.doc.text
    done: set[tuple[str, str]] = set()
    spots: list[tuple[PersonHit, int]] = []
    # a roster of several national parties' markers: an unknown marker there is a local party of the
    # municipality the text is about (its key holds the municipality, the same abbreviation elsewhere is
    # another party)
    known = sum(1 for p in st.people.persons if p.party and _party_key(st, p.party))
    local = None
    if known >= 3:  # where the text names no municipality, the party is known in this document only
        towns = Counter(m.key for m in st.mentions if m.kind == "Municipality")
        town = st.publisher if st.publisher and st.publisher in towns else \
            (towns.most_common(1)[0][0] if towns else None)
        local = town.rsplit("/", 1)[-1] if town else f"doc-{st.doc.id[:12]}"
    # "Per Ek (s) Eva Lund (ns)": a roster that writes the national parties' markers in lower case writes a local
    # party's so too
    lower_markers = known >= 3 and 2 * sum(1 for p in st.people.persons if p.party and p.party.islower()
                                           and _party_key(st, p.party)) > known
    for p in st.people.persons:
        if p.party and p.party_span:
            spots.append((p, p.party_span[0] - 1))
        else:
            spots.append((p, p.end))
    spots += [(p, t.end) for p, t in st.people.roles if not p.party]
    after_body = _after_title_body(st)
    spots += after_body
    after_body_at = {(id(p), pos) for p, pos in after_body}
    found: list[tuple[PersonHit, str, int, int]] = []
    for p, pos in spots:
        if p.party and p.party_span:
            key, (s, e) = _party_key(st, p.party), p.party_span
        else:
            m = _PARENS_PARTY_RE.match(text, pos)
            if not m:
                continue
            key, s, e = _party_key(st, m["p"]), m.start("p"), m.end("p")
        if not key and (id(p), pos) in after_body_at:
            continue  # "Region Exempel (RE)": after a body, letters no list holds are the body's own
        if not key and local is not None and (_LOCAL_PARTY_RE.fullmatch(text[s:e])
                                              or (lower_markers and _LOWER_LOCAL_PARTY_RE.fullmatch(text[s:e]))):
            key = f"party/local-{slug(text[s:e])}-{local}"  # "Anna Berg (FiA)" among "(S)", "(M)": a local party
        if key:
            found.append((p, key, s, e))
    found += _column_parties(st) + _prefix_parties(st)
    for p, key, s, e in found:
        if (p.key, key) in done:
            continue
        done.add((p.key, key))
        if not any(x.key == key and x.prov.span.start <= s < x.prov.span.end
                   for x in st.mentions_in(max(0, s - 60), e)):
            st.add_mention(Mention(text=text[s:e], kind="PoliticalParty", key=key,
                                   prov=st.prov(s, e, "extract.party_marker", 0.95)),
                           label=text[s:e] if key.startswith("party/local-") else None)
        st.statements.append(Statement(subject=p.key, predicate="memberOf", object=key,
                                       prov=st.prov(min(p.start, s), max(p.end, e), "extract.party_marker", 0.95)))


def _after_title_body(st: DocState) -> list[tuple[PersonHit, int]]:
    """"Anna Berg, kulturnämndens ordförande, Region Exempel (S)": (person, where the body after the title's
    comma ends), where a party's marker may follow the body instead of the name."""
    ends = {m.prov.span.start: m.prov.span.end for m in st.mentions if m.kind in PARTICIPANT_ORGS}
    out: list[tuple[PersonHit, int]] = []
    for p, t in st.people.roles:
        comma = lx.COMMA_GAP_RE.match(st.doc.text, t.end)
        if not p.party and comma and comma.end() in ends:
            out.append((p, ends[comma.end()]))
    return out


# a table of minutes with a column for the party: "Namn Parti Närvaro ... Anna Berg S 1 Ordförande Per Holm M -"
_PARTY_COLUMN_HEAD_RE = re.compile(r"(?<![\wåäö])(?:Namn|Ledamöter|Ledamot|Ersättare)[ \t]+Parti(?![\wåäö])|"
                                   r"(?<![\wåäö])Parti[ \t]+(?:Närvaro|N[ \t]ä[ \t]r|Närv)")
# the party's letters after the name, then the next column (a mark, a figure, a word with a capital) or the line's end
_COLUMN_PARTY_RE = re.compile(r"[ \t]+(?P<p>[A-ZÅÄÖ]{1,3})"
                              r"(?=[ \t]+(?:\d|[-–xX](?![\wåäö])|[A-ZÅÄÖ][a-zåäö])|[ \t]*(?:\n|\Z))")


def _column_parties(st: DocState) -> list[tuple[PersonHit, str, int, int]]:
    """(person, party, span of its letters) for the names of a minutes' table below a party column's head."""
    text = st.doc.text
    head = _PARTY_COLUMN_HEAD_RE.search(text) if lx.minutes_header(text) else None
    if head is None:
        return []
    out = []
    for p in st.people.persons:
        m = _COLUMN_PARTY_RE.match(text, p.end) if p.start > head.end() and not p.party else None
        key = _party_key(st, m["p"]) if m else None
        if m and key:
            out.append((p, key, m.start("p"), m.end("p")))
    return out


# a table of minutes with the party's letters in the column before the name: "Beslutande M Anna Berg C Per Holm"
_PARTY_LETTERS = r"S|M|C|V|KD|L|FP|MP|SD"  # the parliament parties' letters, in a table's column
_PREFIX_PARTY_RE = re.compile(rf"(?<![\wåäöÅÄÖ.,])(?P<p>{_PARTY_LETTERS})[ \t]+\Z")
# (letters between two names are the first's or the second's: where more names have letters after them than
# before, "Anna Berg M Per Holm S", the column is after the names)
_SUFFIX_PARTY_RE = re.compile(rf"[ \t]+(?:{_PARTY_LETTERS})(?![\wåäöÅÄÖ])")
_PREFIX_PARTY_WINDOW = 4  # how far before a name its party's letters may begin


def _prefix_parties(st: DocState) -> list[tuple[PersonHit, str, int, int]]:
    """(person, party, span of its letters) for the names of a minutes' table that writes the party's letters
    before each name, three names or more so."""
    text = st.doc.text
    if not lx.minutes_header(text):
        return []
    out = []
    for p in st.people.persons:
        m = None if p.party else _PREFIX_PARTY_RE.search(text, max(0, p.start - _PREFIX_PARTY_WINDOW), p.start)
        key = _party_key(st, m["p"]) if m else None
        if m and key:
            out.append((p, key, m.start("p"), m.end("p")))
    after = sum(1 for p in st.people.persons if _SUFFIX_PARTY_RE.match(text, p.end))
    return out if len(out) >= 3 and len(out) > after else []


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
        listed = "medlemskommun" in low or "ägarkommun" in low
        if not listed and "medlem" not in low and " med i " not in low and "anslut" not in low:
            continue
        ms = st.mentions_in(sent.start, sent.end)
        if listed:
            _member_municipalities_listed(st, sent, ms)
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


# "de fyra största ägarkommunerna (A, B, C och D)", "Exempelförbundets medlemskommuner A och B": the
# municipalities listed after the members' word
_MEMBER_MUNICIPALITIES_RE = re.compile(r"(?<![\wåäö])(?:medlems|ägar)kommun(?:er|erna)(?P<list>[ \t]*\([^()]{3,200}\)"
                                       r"|[ \t]*:[^.;:]{3,200}|[ \t]+(?:som[ \t]+)?(?=[A-ZÅÄÖ])[^.;:]{3,200})",
                                       re.IGNORECASE)


def _member_municipalities_listed(st: DocState, sent: Sentence, ms: list[Mention]) -> None:
    """The municipalities a list after "medlemskommunerna" or "ägarkommunerna" names are members of the
    association whose members they are: the one in the genitive before the word, else the publisher of an
    association's own text."""
    text = st.doc.text
    pub = st.publisher
    for m in prefilter.finditer(_MEMBER_MUNICIPALITIES_RE, text, sent.start, sent.end):
        owner = next((a for a in ms if a.kind == "Association" and a.prov.span.end <= m.start()
                      and not text[a.prov.span.end:m.start()].strip(" \t").lstrip("s").strip()), None)
        owner_key = owner.key if owner else (pub if pub and st.cls_of(pub) == "Association" else None)
        if owner_key is None:
            continue
        # the publisher, named nowhere near: the words that list the members, at an inferring rule's confidence
        start = owner.prov.span.start if owner else m.start()
        conf = 0.7 if owner else INFERRED_CONFIDENCE
        for x in ms:
            if x.kind == "Municipality" and m.start("list") <= x.prov.span.start < m.end("list"):
                st.statements.append(Statement(subject=x.key, predicate="memberOf", object=owner_key,
                                               prov=st.prov(start, x.prov.span.end, "extract.membership.listed",
                                                            conf)))


def _branch_parts(st: DocState) -> None:
    """A branch ("Företagarna Exempelland") is part of the association it is a branch of."""
    for m in st.mentions:
        parent = m.attrs.get("part_of")
        if parent:
            st.statements.append(Statement(subject=m.key, predicate="partOf", object=parent, prov=m.prov))


def run(st: DocState) -> None:
    posts = st.posts
    _marker_parties(st)
    _branch_parts(st)
    _stated_memberships(st)
    roles_by_person: dict[str, list[TitleHit]] = {}
    for p, t in st.people.roles:
        roles_by_person.setdefault(p.key, []).append(t)
        st.statements.append(Statement(subject=p.key, predicate="role", object=t.role, literal=True,
                                       prov=st.prov(min(p.start, t.start), max(p.end, t.end),
                                                    "extract.roles.adjacent")))
    for key in set(roles_by_person) | set(posts):
        if key in posts and key in st.info:
            st.info[key].minister = True
    _affiliations(st, roles_by_person, posts)


_EMAIL_RE = re.compile(r"(?P<local>[\w.+-]+)@(?P<domain>[\w-]+(?:\.+[\w-]+)+)")


def _email_org(st: DocState, person: PersonHit) -> tuple[str, int] | None:
    """The organisation of a person's e-mail domain ("anna.berg@msb.se" -> MSB), and where the
    address ends, when the address after the name, before the next person, is the person's."""
    text = st.doc.text
    # up to the next person (contact blocks put blank lines between name, title and address)
    persons = st.people.persons
    starts = st.memo(("person starts", id(persons), len(persons)), lambda: sorted(p.start for p in persons))
    i = bisect.bisect_left(starts, person.end)
    stop = starts[i] if i < len(starts) else len(text)
    window = text[person.end:min(stop, person.end + 160)]
    given = fold(person.name.split()[0]).split("-")[0]
    for m in email_matches(window, _EMAIL_RE):
        local = fold(m["local"])
        if given not in local and fold(person.name.split()[-1]) not in local:
            continue
        domain = re.sub(r"\.+", ".", m["domain"].lower())
        parts = domain.split(".")
        for i in range(len(parts) - 1):
            key = st.ref.by_domain.get(".".join(parts[i:]))
            if key and key in st.info:
                return key, person.end + m.end()
        shared = _shared_domain_org(st, domain)
        if shared:
            return shared, person.end + m.end()
    return None


def _shared_domain_org(st: DocState, domain: str) -> str | None:
    """A domain all bodies of one kind share ("lansstyrelsen.se"): the one body of that
    kind the document names."""
    cls = SHARED_MAIL_DOMAINS.get(domain) or next(
        (c for rx, c in SHARED_MAIL_DOMAIN_PATTERNS if re.fullmatch(rx, domain)), None)
    if cls is None:
        return None
    keys = st.memo(("keys of", cls), lambda: {m.key for m in st.mentions if m.kind == cls})
    return next(iter(keys)) if len(keys) == 1 else None


def _titles_of(st: DocState, p: PersonHit) -> list[TitleHit]:
    """The titles the people step linked to this very hit, in order."""
    roles = st.people.roles

    def by_hit() -> dict[int, list[TitleHit]]:
        out: dict[int, list[TitleHit]] = {}
        for pp, t in roles:
            out.setdefault(id(pp), []).append(t)
        return out
    return st.memo(("titles by hit", id(roles), len(roles)), by_hit).get(id(p), [])


def _respective_org(st: DocState, p: PersonHit, t: TitleHit) -> Mention | None:
    """"Anna Berg och Per Holm, kommunchef i Norsjö respektive Vilhelmina": the place in the name's turn."""
    m = RESPECTIVE_AFTER_TITLE_RE.match(st.doc.text, t.end)
    if not m:
        return None
    holders = sorted((pp.start, id(pp)) for pp, tt in st.people.roles if tt is t)
    turn = next((i for i, (_, h) in enumerate(holders) if h == id(p)), None)
    if turn is None or len(holders) != 2:
        return None
    group = "first" if turn == 0 else "second"
    orgs = st.orgs_in(m.start(group), m.start(group) + 1)
    return orgs[0] if orgs and orgs[0].kind in ("Municipality", "Region", "County") else None


def _stating_span(st: DocState, org: str, s: int, e: int, at: Mention | None,
                  scope: tuple[int, int] | None) -> tuple[int, int] | None:
    """The span that states person [s, e) works for ``org``: the person's words as they are when
    they name the organisation, else reaching to ``at`` (the organisation's mention the rule read),
    else to the organisation's mention nearest the person in ``scope`` (default: the person's
    sentence). None when the text there does not name the organisation."""
    if any(m.key == org for m in st.mentions_in(s, e)):
        return s, e
    if at is None:
        if scope is None:
            sent = st.sentence_at(s)
            scope = (sent.start, sent.end) if sent else (s, e)
        cands = [m for m in st.mentions_in(*scope) if m.key == org]
        if not cands:
            return None
        at = min(cands, key=lambda m: abs(m.prov.span.start - s))
    return min(s, at.prov.span.start), max(e, at.prov.span.end)


# "Anna Berg, utvecklingsstrateg från", "Per Holm, regional direktör på": a name, the post in lower case, a preposition
_NAME_POST_ORG_RE = re.compile(r"[ \t]*(?:\([^)\n]{1,4}\)[ \t]*)?,[ \t]*(?P<first>[a-zåäö][a-zåäö-]+)"
                               r"(?:[ \t]+[a-zåäö][a-zåäö-]+){0,2}[ \t]+(?:från|på|vid|hos)[ \t]+")
_NOT_A_POST = frozenset({"som", "och", "med", "samt", "men", "där", "när", "vars", "tidigare", "senare", "numera",
                         "bland", "både", "även", "också", "i", "på", "från", "vid", "hos"})
# ... or a dash or a tab between them, as the columns of an attendance list: "Gunnar Berg – Trafikverket"
# (the party set off by commas too, as PDF minutes print it: "Anna Berg, (s), Exempelby")
_NAME_THEN_ORG_RE = re.compile(r"[ \t]*(?:,?[ \t]*\([^)\n]{1,4}\)[ \t]*)?"
                               r"(?:,|[ \t](?:från|på|vid|hos)[ \t]|[ \t][–—-][ \t]|\t)[ \t]*")
# "Anna Berg som arbetar på X", "Anna Berg, som jobbar som utredare vid X", "Anna Berg är anställd på X"
# ("Anna Berg – som arbetar med krisberedskap på X": with what, in a few lower-case words)
_WORKS_AT_RE = re.compile(r"[ \t]*(?:,|[ \t][–—])?[ \t]+(?:som[ \t]+)?"
                          r"(?:arbetar|jobbar|är[ \t]+anställd|är[ \t]+verksam)"
                          r"(?:[ \t]+som[ \t]+[a-zåäö-]+|[ \t]+med(?:[ \t]+[a-zåäö-]+){1,3}?)?"
                          r"[ \t]+(?:på|vid|hos|inom)[ \t]+")
# an entry of a list, one a line, with only the party between the name and the body: "Anna Berg (C) Exempelby
# kommun" (in running text the body after the party is the object of a verb: "besökte X (S) Exempelby kommun")
_ENTRY_PARTY_THEN_ORG_RE = re.compile(r"[ \t]*\([^)\n]{1,4}\)[ \t]+")
_LINE_OPENS_RE = re.compile(r"(?:^|\n)[ \t•*–-]*$")
# ... or of a list in one paragraph: "Ledamöter: A (M) Tomelilla, B (S) Ystad och C (C) Sjöbo"
_LIST_ENTRY_OPENS_RE = re.compile(r"(?:[,:;]|[ \t](?:och|samt))[ \t]*$")


def _name_then_org(text: str, p: PersonHit) -> int | None:
    """Where the body named right after a name starts, past the glue between them."""
    pos = CAPTION_POSITION_RE.match(text, p.end)
    at = pos.end() if pos else p.end  # "Olle Ek (till vänster), Exempelby kommun": past where the person stands
    m = _WORKS_AT_RE.match(text[at:at + 60]) or _NAME_THEN_ORG_RE.match(text[at:at + 14])
    if m is None and (_LINE_OPENS_RE.search(text, max(0, p.start - 8), p.start)
                      or _LIST_ENTRY_OPENS_RE.search(text, max(0, p.start - 8), p.start)):
        m = _ENTRY_PARTY_THEN_ORG_RE.match(text[at:at + 14])
    return at + m.end() if m else None


# the offices of the state that tie their holder to one kind of body: a county governor to a county board, a
# minister to the Government ("enhetschef", "pressekreterare", "rektor" are posts of any kind of body)
_STATE_OFFICE_TYPES = frozenset({"cab", "ministry", "government"})
_STATE_OFFICES = frozenset({"minister", "state"})
_GOVERNMENT_CLASSES = frozenset({"Ministry", "Government"})


def _title_says_otherwise(st: DocState, p: PersonHit, org: Mention) -> bool:
    """"träffade landshövdingen Anna Berg, Trafikverket och ...": the state office before the name names the
    kind of body the person serves (a county board), and the body after the comma is of another kind: the next
    item of a list, not the person's employer."""
    classes = {_CLASS_OF_ORG_TYPE[t.title.org_type] for t in _titles_of(st, p)
               if t.end <= p.start and t.title.org_type in _STATE_OFFICE_TYPES and t.title.category in _STATE_OFFICES}
    if classes & _GOVERNMENT_CLASSES:
        classes |= _GOVERNMENT_CLASSES  # a minister's ministry is part of the Government Offices
    return bool(classes) and org.kind not in classes


# "Anna Berg (Region Exempel)", "Per Holm (ordförande, Exempelby kommun)": the body in brackets right after
# the name, as attendance lists and captions write it
_BRACKET_AFTER_NAME_RE = re.compile(r"[ \t]*\((?P<inside>[^()\n]{2,90})\)")


def _org_in_brackets(st: DocState, p: PersonHit) -> Mention | None:
    """The one organisation (not a party, not a place) that the brackets after a name hold, with no other
    name beside it."""
    m = _BRACKET_AFTER_NAME_RE.match(st.doc.text, p.end)
    if m is None:
        return None
    inside = st.mentions_in(m.start("inside"), m.end("inside"))
    orgs = [o for o in inside if o.prov.span.end <= m.end("inside") and o.kind in PARTICIPANT_ORGS]
    if len(orgs) != 1 or len(inside) != 1 or _genitive(st, orgs[0]):
        return None
    return orgs[0]


_LIST_GLUE_RE = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:och|samt)[ \t]+")


def _bare_names_listed_before(st: DocState, p: PersonHit) -> list[PersonHit]:
    """The names coordinated before ``p`` ("A, B och p"), each without a title, party or body of
    its own between it and the next: none unless "och" or "samt" joins the last of them to ``p``."""
    persons = st.people.persons
    by_end = st.memo(("persons by end", id(persons), len(persons)), lambda: {x.end: x for x in persons})
    text = st.doc.text
    out: list[PersonHit] = []
    cur = p
    for _ in range(8):
        prev = next((by_end[e] for e in range(cur.start - 1, max(-1, cur.start - 7), -1) if e in by_end), None)
        if prev is None or _titles_of(st, prev):
            break
        glue = _LIST_GLUE_RE.fullmatch(text, prev.end, cur.start)
        if glue is None or (cur is p and "," in glue.group()):
            break
        out.append(prev)
        cur = prev
    return out


def _genitive(st: DocState, m: Mention) -> bool:
    """The mention is a name in the genitive: "Förbundets", "Exempelby kommuns"."""
    e = m.prov.span.end
    return bool(m.attrs.get("genitive")) or st.doc.text[e:e + 2] in ("s ", "s\t")


def _genitive_org_before(st: DocState, p: PersonHit) -> Mention | None:
    """"Trafikverkets Anna Berg", "Exempelby kommuns Per Holm": an organisation in the genitive with one
    space between it and the name."""
    if st.doc.text[p.start - 1:p.start] != " ":
        return None
    return next((m for m in st.mentions_in(max(0, p.start - 80), p.start)
                 if m.prov.span.end == p.start - 1 and m.kind in PARTICIPANT_ORGS and m.kind != "PoliticalParty"
                 and m.attrs.get("genitive")), None)


def _affiliations(st: DocState, roles: dict[str, list[TitleHit]], posts: dict[str, str]) -> None:
    text = st.doc.text
    done: set[tuple[str, str]] = set()

    def add(person: str, org: str, s: int, e: int, rule: str, conf: float, at: Mention | None = None,
            scope: tuple[int, int] | None = None) -> None:
        """An affiliation with the span that states it; where none names the organisation (an
        e-mail domain, the publisher), the person's words with the inferring rule at a lower
        confidence (vocab.INFERRED_RULES)."""
        if (person, org) in done or org not in st.info:
            return
        done.add((person, org))
        span = _stating_span(st, org, s, e, at, scope)
        if span is None:
            span, conf = (s, e), min(conf, INFERRED_CONFIDENCE)
        st.statements.append(Statement(subject=person, predicate="affiliatedWith", object=org,
                                       prov=st.prov(span[0], span[1], rule, conf)))

    # "Förbundets representanter Anna Berg, ordförande, och Per Holm, VD", "Från SKR deltog A och B": a
    # body's people, listed; the list says whose they are, so no weaker guess from a title follows
    group_lists = _group_list_members(st)
    listed = {p.key for p, _, _ in group_lists}
    # the people of a roster or of a body's list ("Från Exempelby kommun: A (S), vice ordförande, ..."):
    # the list says whose they are, so a bare title's guess of the publisher does not
    body_lists = _body_list_members(st)
    rosters = _roster_members(st)
    in_a_list = {p.key for p, _, _ in body_lists} | {p.key for p, body, _, _ in rosters if p.key != body}
    # the people of minutes' attendance list: the minuted body says whose they are (above); where no body is
    # known, the list says it of no one, so neither does a title's guess of the publisher
    in_a_list |= {p.key for p in st.people.persons if any(a.start <= p.start < a.end for a in st.attendance)}
    # officials at a minuted meeting (the board's municipality or region) and the board's members (the board):
    # no weaker guess from the title or the publisher
    officials = {s.subject for s in st.statements
                 if s.prov.rule in ("extract.affiliation.minutes_official", "extract.affiliation.minutes")}
    hits_by_key: dict[str, list[PersonHit]] = {}
    for p in st.people.persons:
        hits_by_key.setdefault(p.key, []).append(p)
    for key, hits in hits_by_key.items():
        titles = roles.get(key, [])
        found = False
        for p in hits:
            # explicit organisation right after the title or on the next line: "projektledare, Region Blekinge"
            for t in _titles_of(st, p):
                resp = _respective_org(st, p, t)
                org = resp if resp is not None else _org_in_title(st, t) \
                    or _org_after_title(st, t) or _org_before_title(st, t) or _org_before_pairs(st, t)
                if org:
                    add(key, org.key, p.start, p.end, "extract.affiliation.title_org", 0.9, at=org)
                    found = True
            # "Gunnar Berg, Trafikverket", "Gunnar Berg från Trafikverket", "Gunnar Berg på Trafikverket": an
            # organisation right after the name
            org_at = _name_then_org(text, p)
            if org_at is not None:
                orgs = st.orgs_in(org_at, org_at + 1)
                # "A, Förbundets sekreterare B": an organisation in the genitive heads the next entry's
                # title (where it is this person's own, "A, Trafikverkets regionchef", the title says so)
                if orgs and orgs[0].kind != "PoliticalParty" and not _genitive(st, orgs[0]) \
                        and not _title_says_otherwise(st, p, orgs[0]):
                    add(key, orgs[0].key, p.start, orgs[0].prov.span.end, "extract.affiliation.name_org", 0.8)
                    found = True
                    # "A, B och C, Region Exempel": the body after a list of bare names is each one's
                    for q in _bare_names_listed_before(st, p):
                        add(q.key, orgs[0].key, q.start, orgs[0].prov.span.end, "extract.affiliation.name_org", 0.75)
            # "Anna Berg, utvecklingsstrateg från Region Exempel": a post no title list holds, then its employer
            m = _NAME_POST_ORG_RE.match(text, p.end)
            if m and not found and m["first"] not in _NOT_A_POST:
                orgs = [o for o in st.orgs_in(m.end(), m.end() + 1) if o.kind not in ("PoliticalParty", "Place")]
                if orgs and not _genitive(st, orgs[0]):
                    add(key, orgs[0].key, p.start, orgs[0].prov.span.end, "extract.affiliation.name_post_org", 0.75)
                    found = True
            # "Anna Berg (Region Exempel)": the body in brackets after the name
            org = _org_in_brackets(st, p)
            if org:
                add(key, org.key, p.start, org.prov.span.end, "extract.affiliation.name_org", 0.8)
                found = True
            # "Trafikverkets Anna Berg": the organisation in the genitive right before the name
            org = _genitive_org_before(st, p)
            if org:
                add(key, org.key, org.prov.span.start, p.end, "extract.affiliation.name_org", 0.75)
                found = True
            # "Anna Berg och Per Holm från Exempelförbundet": the body after a pair of names is both's
            org = _org_after_name_pair(st, p)
            if org:
                add(key, org.key, p.start, org.prov.span.end, "extract.affiliation.name_org", 0.75)
                found = True
            # contact block: organisation on the line after the person's line
            blk = st.block_at(p.start)
            if blk and blk.contact:
                line_end = text.find("\n", p.end)
                if 0 <= line_end < blk.end:
                    nxt_end = text.find("\n", line_end + 1)
                    nxt_end = blk.end if nxt_end < 0 or nxt_end > blk.end else nxt_end
                    orgs = st.orgs_in(line_end + 1, nxt_end)
                    if orgs and text[line_end + 1:nxt_end].strip() == orgs[0].text.strip():
                        add(key, orgs[0].key, p.start, nxt_end, "extract.affiliation.contact_block", 0.85)
                        found = True
            email = _email_org(st, p)
            if email:
                add(key, email[0], p.start, email[1], "extract.affiliation.email_domain", 0.8)
                found = True
        if key in posts and _acts_as_minister(st, key, titles):
            for org_key, info in st.info.items():
                if info.cls == "Government" and org_key.endswith("regeringen"):
                    stated = _government_stated(st, org_key, hits)
                    if stated is not None:
                        add(key, org_key, hits[0].start, hits[0].end, "extract.affiliation.minister", 0.7, at=stated)
            terms = st.ref.minister_terms(key)
            for term in terms:
                if term.ministry and (st.published is None or term.holds_on(st.published)):
                    add(key, f"gov/{term.ministry}", hits[0].start, hits[0].end, "extract.affiliation.minister", 0.7)
            continue
        if found or key in listed or key in officials:
            continue
        if titles:
            _affiliation_by_title(st, key, hits, titles, add, guess_publisher=key not in in_a_list)
        elif st.publisher and _named_alone(st, st.publisher) and \
                any((b := st.block_at(h.start)) is not None and b.contact for h in hits):
            # a contact person on a body's own page works for that body
            add(key, st.publisher, hits[0].start, hits[0].end, "extract.affiliation.contact_publisher", 0.6)
        elif any(h.party for h in hits) and st.publisher and st.cls_of(st.publisher) in ("Municipality", "Region") \
                and key not in in_a_list:
            # a local politician named with a party in a municipality's or region's own text (not a member in the
            # list of minutes whose board is not known: the board, not the municipality, is what the list states)
            add(key, st.publisher, hits[0].start, hits[0].end, "extract.affiliation.publisher_politician", 0.5)
    for p, group_org, cue in group_lists:  # after the person's own words, which state it better
        add(p.key, group_org, cue, p.end, "extract.affiliation.group_list", 0.75)
    # "regionstyrelsens arbetsutskott Anna Berg, Per Holm och Eva Nord": the members of a region's or a
    # municipality's body belong to the one region or municipality of the text
    for p, owner, cue in body_lists:
        add(p.key, owner, cue, p.end, "extract.affiliation.body_list", 0.75)
    # "Anna Berg omvaldes som ordförande", "Till styrelsen nyvaldes Per Holm": an association's own text
    # on whom its meeting elected to its board
    by_publisher, by_name = _elected_board_members(st, roles)
    for p, cue, rule in by_publisher:
        add(p.key, st.publisher or "", cue, p.end, rule, 0.65)
    # "styrelseledamoten Anna Berg från Exempelby kommun anslöt": a member of the board, in an association's own
    # text, sits on its board (besides the municipality she comes from)
    for p, t in _own_board_titles(st):
        add(p.key, st.publisher or "", t.start, p.end, "extract.affiliation.own_board_title", 0.65)
    # "Exempelförbundets styrelse fastställdes och Anna Berg valdes till ny ordförande": the one body
    # whose board the sentence of the election names
    for p, org in by_name:
        add(p.key, org.key, min(p.start, org.prov.span.start), max(p.end, org.prov.span.end),
            "extract.affiliation.board_election", 0.65, at=org)
    # the people of a roster belong to the body it lists, besides the organisation on their own line
    for p, body, lead_end, named in rosters:
        if p.key != body:
            add(p.key, body, min(p.start, lead_end), p.end, "extract.affiliation.roster", 0.75, at=named)
    # "Närvarande:" then one paragraph of entries per body: an entry with no body of its own belongs to
    # the one body the other entries of its paragraph name
    for p, body, blk_start in _line_block_members(st):
        add(p.key, body, blk_start, p.end, "extract.affiliation.line_block", 0.6)


_OWN_BOARD_TITLES = frozenset({"styrelseledamot", "styrelseordförande", "styrelsens ordförande"})


def _association_publisher(st: DocState) -> str | None:
    """The publisher when the text is an association's own (an association the text names by itself)."""
    pub = st.publisher
    return pub if pub is not None and st.cls_of(pub) == "Association" and _named_alone(st, pub) else None


def _own_board_titles(st: DocState) -> list[tuple[PersonHit, TitleHit]]:
    """(person, title) for a bare board title before a name ("styrelseledamoten Anna Berg") in an association's own
    text, where the sentence names no other association or organisation whose board it could be."""
    pub = _association_publisher(st)
    if pub is None:
        return []
    out = []
    for p, t in st.people.roles:
        if t.role not in _OWN_BOARD_TITLES or t.end > p.start or st.doc.text[t.end:p.start].strip():
            continue
        sent = st.sentence_at(p.start)
        if sent is not None and all(o.key == pub for o in st.orgs_in(sent.start, sent.end,
                                                                    {"Association", "Organization"})):
            out.append((p, t))
    return out


_BODY_LIST_RE = re.compile(r"(?<![\wåäö])(?P<kind>region|landstings|kommun)(?:styrelsens|fullmäktiges)"
                           r"(?:[ \t]+(?:arbetsutskott|presidium|ledamöter))?[ \t]+(?=[A-ZÅÄÖ])", re.IGNORECASE)
_NAME_LIST_GAP_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,4}\)[ \t]*)?(?:,|[ \t]och|[ \t]samt)[ \t]+")


def _body_list_members(st: DocState) -> list[tuple[PersonHit, str, int]]:
    """(person, organisation, where the body is named) for the names listed right after a regional or
    municipal body ("regionstyrelsens arbetsutskott Anna Berg, Per Holm samt ..."), when the text names
    one region (or municipality) of that kind."""
    text = st.doc.text
    out: list[tuple[PersonHit, str, int]] = []
    persons = st.people.persons
    starts = [p.start for p in persons]
    for m in prefilter.finditer(_BODY_LIST_RE, text):
        cls = "Municipality" if m["kind"].lower() == "kommun" else "Region"
        keys = {x.key for x in st.mentions if x.kind == cls}
        if len(keys) != 1:
            continue
        org = keys.pop()
        i = bisect.bisect_left(starts, m.end())
        pos = m.end()
        while i < len(persons) and persons[i].start == pos:
            out.append((persons[i], org, m.start()))
            gap = _NAME_LIST_GAP_RE.match(text, persons[i].end)
            if gap is None:
                break
            pos = gap.end()
            i += 1
    return out


# an organisation's group of people named in the genitive before their names
# (or in apposition, each name after its title: "SmåKoms representanter, styrelseledamot A och sekreterare B")
_GROUP_AFTER_ORG_RE = re.compile(r"(?::s)?[ \t]+(?:representanter|företrädare|delegation|ledning|ledamöter|presidium)"
                                 r"(?:[ \t]+(?=[A-ZÅÄÖ])|[ \t]*,[ \t]+)")
# "Från SKR deltog förbundsordförande A, ...", "Med från SKR kom A": the organisation, then who
# came from it
_FROM_BEFORE_ORG_RE = re.compile(r"(?:^|[.!?][ \t]+|\n[ \t]*)(?:(?:Med|Även|Också)[ \t]+från|Från|För)[ \t]+$")
# ("Från Exempelby kommun: A (S), ordförande, och B": the organisation, a colon, its people)
# ("För Exempelbygden presenterade ordförande A ...": who spoke for the body)
_TOOK_PART_AFTER_ORG_RE = re.compile(r"[ \t]+(?:deltog|deltar|medverkade|medverkar|närvarade|fanns|finns|kom|"
                                     r"presenterade|presenterar|talade|talar|berättade|berättar|informerade)"
                                     r"(?:[ \t]+(?:även|också|bland andra|bland annat|bl\.\s?a\.))*[ \t]+"
                                     r"|[ \t]*:[ \t]*(?=[A-ZÅÄÖ])")
# "representanter för Skogsstyrelsen, bland andra distriktschef A", "företrädare för Exempelby kommun: A och B":
# the group before the organisation, the names after it
_GROUP_BEFORE_ORG_RE = re.compile(r"(?<![\wåäö])(?:representanter|företrädare|ledningen|delegationen?)[ \t]+"
                                  r"(?:för|från)[ \t]+\Z")
_NAMED_AFTER_GROUP_RE = re.compile(r"[ \t]*,?[ \t]+(?:bland andra|bland annat|bl\.[ \t]?a\.?|däribland)[ \t]+|"
                                   r"[ \t]*(?::|[ \t][–-])[ \t]*")
# "Exempelby kommun representerades av A och B", "SmåKom representeras av ordförande A, ...": the organisation,
# the passive, its people
_REPRESENTED = r"(?:representerades|representeras|företräddes|företräds)"
_REPRESENTED_BY_RE = re.compile(rf"[ \t]+{_REPRESENTED}"
                                r"(?:[ \t]+(?:bland andra|bland annat|"
                                r"bl\.[ \t]?a\.?|också|även|där|på mötet|vid mötet))*[ \t]+av[ \t]+")
# ... or the verb before the organisation: "representerades Region X av A, B och C"
_REPRESENTED_BEFORE_RE = re.compile(rf"(?<![\wåäö]){_REPRESENTED}[ \t]+\Z")
_BY_AFTER_RE = re.compile(r"[ \t]+av[ \t]+")
_GROUP_GAP_RE = re.compile(r"[\s,]*(?:(?:och|samt)[ \t]+)?")
_PARTY_AFTER_RE = re.compile(r"[ \t]*\([^()\n]{1,4}\)")


def _group_list_members(st: DocState) -> list[tuple[PersonHit, str, int]]:
    """(person, organisation, where the organisation is named) for the names listed after an
    organisation's group in the genitive ("SKR:s representanter Anna Berg, ordförande, och Per Holm,
    VD") or after "Från SKR deltog": the list goes on over commas, "och", party markers and each
    person's own title."""
    text = st.doc.text
    out: list[tuple[PersonHit, str, int]] = []
    persons = st.people.persons
    starts = [p.start for p in persons]
    # an entry's title and its own home body go by as the list goes on ("ordförande A (S), Exempelby kommun,
    # vice ordförande B ...")
    passed_spans = sorted([(t.start, t.end) for t in st.people.titles]
                          + [(m.prov.span.start, m.prov.span.end) for m in st.mentions
                             if m.kind in ("Municipality", "Region")])
    for m in st.mentions:
        if m.kind not in PARTICIPANT_ORGS:
            continue
        s, e = m.prov.span.start, m.prov.span.end
        head = _GROUP_AFTER_ORG_RE.match(text, e)
        if head is None or not (m.attrs.get("genitive") or text.startswith(":s", e)):
            head = _TOOK_PART_AFTER_ORG_RE.match(text, e) if _FROM_BEFORE_ORG_RE.search(text, max(0, s - 16), s) \
                else None
        if head is None and _GROUP_BEFORE_ORG_RE.search(text, max(0, s - 30), s):
            head = _NAMED_AFTER_GROUP_RE.match(text, e)
        if head is None:
            head = _REPRESENTED_BY_RE.match(text, e)
        if head is None and _REPRESENTED_BEFORE_RE.search(text, max(0, s - 20), s):
            head = _BY_AFTER_RE.match(text, e)  # "representerades Region X av A, B och C": the verb first
        if head is None:
            continue
        pos = _next_entry(text, head.end(), passed_spans)
        i = bisect.bisect_left(starts, pos)
        while i < len(persons) and persons[i].start == pos:
            out.append((persons[i], m.key, s))
            pos = _next_entry(text, persons[i].end, passed_spans)
            i += 1
    return out


def _next_entry(text: str, pos: int, passed_spans: list[tuple[int, int]]) -> int:
    """Where the next name of a list would start after ``pos``: past a party marker, commas, "och"
    and the sorted ``passed_spans`` (titles, an entry's home body: "Anna Berg (S), ordförande, och ",
    "förbundsordförande ", "Exempelby kommun, ")."""
    party = _PARTY_AFTER_RE.match(text, pos)
    pos = party.end() if party else pos
    while True:
        gap = _GROUP_GAP_RE.match(text, pos)
        nxt = gap.end() if gap else pos
        i = bisect.bisect_left(passed_spans, (nxt, -1))
        if i < len(passed_spans) and passed_spans[i][0] == nxt and passed_spans[i][1] > pos:
            pos = passed_spans[i][1]
            unit = _TITLE_UNIT_RE.match(text, pos)  # "enhetschef på ortopeden, och ...": where the post is
            pos = unit.end() if unit else pos
            continue
        return nxt


# the unit a listed person's post is at, up to the list's next comma: "enhetschef på ortopeden, "
_TITLE_UNIT_RE = re.compile(r"[ \t]+(?:på|vid|inom|hos)[ \t]+[a-zåäö][^,\n()]{0,40}?(?=[ \t]*,)")


# the lead-in of a roster: a line ending in a colon that names a body or its members
# ("Representanter i arbetsutskottet:", "Styrelsen för Föreningen X består av:", "Följande personer ingår i
# styrgruppen:"); attendance lists of minutes ("Närvarande:", "Beslutande:") are not rosters of a body
# (the colon of an abbreviation's genitive, "LRF:s", "SKR:s", ends no lead-in)
_ROSTER_LEAD_RE = re.compile(r"^[ \t]*(?P<lead>(?:[^\n:]|:(?=[a-zåäö])){3,120}?)[ \t]*:(?![a-zåäö])[ \t]*"
                             r"(?P<rest>[^\n]*)$", re.MULTILINE)
_ROSTER_BODY_RE = re.compile(r"(?i)styrelse|utskott|styrgrupp|ledningsgrupp|presidi|beredning|referensgrupp|"
                             r"kommitté|delegation|projektgrupp|arbetsgrupp|ledamöter|representanter|\bingår\b")
# ... and lists that are not a body's roster: the attendance of minutes, visitors ("Riksdagsledamöter på besök:")
_NOT_ROSTER_RE = re.compile(r"(?i)närvarande|beslutande|ersättare|deltagare|frånvarande|förhinder|justera|"
                            r"protokoll|paragraf|plats|tid\b|datum|kontakt|besök|gäster|inbjudna")
# ... but in news, whose lists are no attendance, "Ersättare:" lists the body's substitute members
_SUBSTITUTES_LEAD_RE = re.compile(r"(?i)(?:nya[ \t]+)?(?:ersättare|suppleanter)(?:[ \t]+i[ \t]+[^\n:]{3,60})?")
_FROM_BEFORE_BODY_RE = re.compile(r"(?<![\wåäö])(?:[Ff]rån|[Ff]ör)[ \t]+$")
_LOCATIVE_BEFORE_RE = re.compile(r"(?<![\wåäö])(?:i|på|vid)[ \t]+$")
_SENTENCE_CUT_RE = re.compile(r"[.!?][ \t]+(?=[A-ZÅÄÖ])")
_CAPTION_CUE_RE = re.compile(rf"(?:{lx.CAPTION_CUES})[ \t]*")
# a line that goes on with the entry before it: a phone number, an e-mail address
_DETAIL_LINE_RE = re.compile(r"^[\s\d()+/–-]*$|@")


def _roster_members(st: DocState) -> list[tuple[PersonHit, str, int, Mention | None]]:
    """(member, body, lead end, the body's mention in the lead-in) of every roster: the people
    listed after the lead-in, one an entry, each belonging to the body the lead-in names, else
    to the publisher (a board or a committee of the body whose text this is)."""
    text = st.doc.text
    out: list[tuple[PersonHit, str, int, Mention | None]] = []
    starts = [p.start for p in st.people.persons]
    for line in lines_holding(text, ":"):  # a lead-in ends with a colon: only lines with one are tried
        m = _ROSTER_LEAD_RE.match(text, *line)
        if m is None:
            continue
        # the lead-in is the line's last sentence before the colon ("Styrelsemötet hölls i X. På agendan:"), unless
        # that is a caption's cue that goes on with the sentence before ("... vår nya styrelse. Från vänster:")
        cuts = list(_SENTENCE_CUT_RE.finditer(text, m.start("lead"), m.end("lead")))
        lead_start = cuts[-1].end() if cuts and not _CAPTION_CUE_RE.fullmatch(text, cuts[-1].end(), m.end("lead")) \
            else m.start("lead")
        # an inline list ends with its line ("består av: A (S), Exempelby kommun; B (M), Region Y"), or where the
        # line's next lead-in starts ("Representanter från X: A, ... Representanter från Y: B, ...")
        leads = [(lead_start, m.end("lead"), m.start())]
        if m["rest"].strip():
            leads += [(n.start("lead"), n.end("lead"), n.start("lead"))
                      for n in _INLINE_LEAD_RE.finditer(text, m.start("rest"), m.end("rest"))]
            ends = [x[2] for x in leads[1:]] + [m.end("rest")]
        else:
            ends = [_roster_end(st, m.end())]
        for (start, lead_end, seg_start), end in zip(leads, ends, strict=True):
            out += _roster_of_lead(st, starts, start, lead_end, seg_start, end)
    return out


# a second lead-in on a roster's line, after the first one's entries: "... Representanter från Region Y: B, ..."
_INLINE_LEAD_RE = re.compile(r"(?<=[.!?])[ \t]+(?P<lead>[A-ZÅÄÖ][^.:;,\n]{2,80}?)[ \t]*:(?![a-zåäö])")


def _roster_of_lead(st: DocState, starts: list[int], lead_start: int, lead_end: int, seg_start: int,
                    end: int) -> list[tuple[PersonHit, str, int, Mention | None]]:
    """The entries of one roster: the people after the lead-in [lead_start, lead_end) up to ``end``, each of the
    body the lead-in names (else the publisher's, or the one body named around it)."""
    text = st.doc.text
    lead = text[lead_start:lead_end]
    if not (_ROSTER_BODY_RE.search(lead) and not _NOT_ROSTER_RE.search(lead)
            or not st.attendance and _SUBSTITUTES_LEAD_RE.fullmatch(lead)) \
            and not _from_body_lead(st, lead_start, lead_end):
        return []
    # "Vid mötet i Stockholm presenterades styrelsen:": where, not whose board
    orgs = [o for o in st.orgs_in(lead_start, lead_end) if o.kind != "PoliticalParty"
            and not (o.kind in ("Municipality", "County")
                     and _LOCATIVE_BEFORE_RE.search(text, max(0, o.prov.span.start - 6), o.prov.span.start))]
    body = orgs[-1].key if orgs else st.publisher or _one_body_outside(st, seg_start, end)
    if body is None:
        return []
    out = []
    i = bisect.bisect_left(starts, lead_end)
    while i < len(starts) and starts[i] < end:
        out.append((st.people.persons[i], body, lead_end, orgs[-1] if orgs else None))
        i += 1
    return out


def _entry_lead(line: str) -> int:
    """How far a line's entry is indented: its spaces and bullet ("• Anna Berg, ...")."""
    return len(line) - len(line.lstrip(" \t•*-–"))


def _line_block_members(st: DocState) -> list[tuple[PersonHit, str, int]]:
    """(person, body, paragraph start) for an entry of a paragraph of one-line entries ("Anna
    Berg (S), Regionstyrelsens ordförande") that names no body of its own, where two or more
    entries of the paragraph belong to one body and none to another."""
    text = st.doc.text
    affiliated: dict[str, set[str]] = {}
    for stmt in st.statements:
        if stmt.predicate == "affiliatedWith":
            affiliated.setdefault(stmt.subject, set()).add(stmt.object)
    by_start = {p.start: p for p in st.people.persons}
    out: list[tuple[PersonHit, str, int]] = []
    for blk in st.blocks:
        if blk.contact or blk.heading:
            continue
        entries: list[PersonHit] = []
        pos = blk.start
        for line in text[blk.start:blk.end].split("\n"):
            p = by_start.get(pos + _entry_lead(line))
            if line.strip() and (p is None or "." in text[p.end:pos + len(line)].rstrip(". \t")):
                entries = []  # a line that is no entry, or a sentence: no list of entries
                break
            if p is not None:
                entries.append(p)
            pos += len(line) + 1
        if len(entries) < 3:
            continue
        bodies = [affiliated.get(p.key, set()) for p in entries]
        named = set().union(*bodies)
        if len(named) != 1:
            continue
        body = next(iter(named))
        if sum(1 for b in bodies if b) < 2:
            continue
        out.extend((p, body, blk.start) for p, b in zip(entries, bodies, strict=True) if not b)
    return out


def _from_body_lead(st: DocState, start: int, end: int) -> bool:
    """"Medverkande från Region Exempel:", "Deltagare från Exempelby kommun:": a lead-in that ends
    in the body its people come from, whatever it calls them."""
    orgs = st.orgs_in(start, end)
    if not orgs or orgs[-1].kind == "PoliticalParty" or st.doc.text[orgs[-1].prov.span.end:end].strip():
        return False
    s = orgs[-1].prov.span.start
    return bool(_FROM_BEFORE_BODY_RE.search(st.doc.text, max(start, s - 6), s))


_ELECTION_RE = re.compile(r"(?<![\wåäö])(?:(?:om|ny|åter)?valdes|(?:om|ny)?väljs|har valts|utsågs|utses|"
                          r"i styrelsen|styrelsen består|utgörs av)(?![\wåäö])", re.IGNORECASE)
# the publisher's own board, named bare: "till styrelsen", "Arbetsutskottet utgörs av"
_OWN_BOARD_RE = re.compile(r"(?<![\wåäö])(?:styrelsen|arbetsutskottet|presidiet|styrelsemötet)(?![\wåäö])",
                           re.IGNORECASE)
_BOARD_ROLES = ("ordförande", "ledamot", "ersättare", "kassör", "sekreterare")


def _elected_board_members(st: DocState, roles: dict[str, list[TitleHit]]
                           ) -> tuple[list[tuple[PersonHit, int, str]], list[tuple[PersonHit, Mention]]]:
    """The people a sentence with an election ("omvaldes", "valdes ... till", "Övriga i styrelsen är") puts on a
    board, in two lists:

    * (person, where the election is stated, the rule) for an association's own text: no other association or
      organisation is named in the sentence (it may be the body they were elected to), and the paragraph names
      the board bare ("styrelsen") or the person holds a board's office; or, with no election, the bare board
      heads a list of names that leads to the person ("Presidiet A (M), B (C) och C (S)");
    * (person, body) for a person with a board's office where the sentence names one association or
      organisation only, not the publisher, in the genitive before its board ("Exempelförbundets styrelse") or as
      the board's ("styrelsen för Exempelförbundet")."""
    pub = st.publisher
    # (not the minutes of another body: "Utses att justera" in a council's minutes elects no one to the
    # association its members come from)
    own_text = pub is not None and _association_publisher(st) == pub and st.minuted_body in (None, pub)
    text = st.doc.text
    by_publisher: list[tuple[PersonHit, int, str]] = []
    by_name: list[tuple[PersonHit, Mention]] = []
    for p in st.people.persons:
        sent = st.sentence_at(p.start)
        if sent is None:
            continue
        m = prefilter.search(_ELECTION_RE, text, sent.start, sent.end)
        rule = "extract.affiliation.board_election"
        if m is None and own_text:
            m = _board_before_list(text, sent.start, p.start)  # "Presidiet A (M), B (C) och C (S) har fått i uppdrag"
            rule = "extract.affiliation.own_board"
        if m is None:
            continue
        orgs = st.orgs_in(sent.start, sent.end, {"Association", "Organization"})
        board_role = any(t.role.endswith(_BOARD_ROLES) for t in roles.get(p.key, ()))
        if own_text and not any(o.key != pub for o in orgs):
            blk = st.block_at(p.start)
            if board_role or (blk is not None and _OWN_BOARD_RE.search(text, blk.start, blk.end)):
                by_publisher.append((p, m.start(), rule))
        if board_role and len({o.key for o in orgs}) == 1 and orgs[0].key != pub:
            org = orgs[0]
            start, end = org.prov.span.start, org.prov.span.end
            if (_genitive(st, org) and _BOARD_OF_RE.match(text, end)) \
                    or _BOARD_BEFORE_RE.search(text, max(0, start - 20), start):
                by_name.append((p, org))
    return by_publisher, by_name + _other_members(st, by_name)


# "Övriga styrelseledamöter är A, Exempelby kommun, och B": the rest of the board an election named before
_OTHER_MEMBERS_RE = re.compile(r"(?<![\wåäö])(?:[Öö]vriga|[Dd]e övriga)[ \t]+(?:styrelseledamöter|ledamöter"
                               r"(?:[ \t]+i[ \t]+styrelsen)?)[ \t]+(?:är|blev)(?![\wåäö])")


def _other_members(st: DocState, elected: list[tuple[PersonHit, Mention]]) -> list[tuple[PersonHit, Mention]]:
    """The people a sentence lists as the board's other members ("Övriga styrelseledamöter är A och B") belong to
    the body whose board a sentence before, in the same paragraph, elected someone to; a sentence that names an
    association or organisation of its own says whose they are itself."""
    out: list[tuple[PersonHit, Mention]] = []
    for p in st.people.persons:
        sent, blk = st.sentence_at(p.start), st.block_at(p.start)
        if sent is None or blk is None or _OTHER_MEMBERS_RE.search(st.doc.text, sent.start, p.start) is None \
                or st.orgs_in(sent.start, sent.end, {"Association", "Organization"}):
            continue
        before = [org for q, org in elected if blk.start <= q.start < sent.start]
        if before:
            out.append((p, before[-1]))
    return out


# the bare board, then a list of names that leads to the person: "Presidiet A (M), B (C) och"
_BOARD_THEN_NAMES_RE = re.compile(
    r"(?<![\wåäö])(?i:presidiet|styrelsen|arbetsutskottet|styrelsens[ \t]+presidium)[ \t]*[:,]?[ \t]+"
    r"(?:[A-ZÅÄÖ][\wåäö-]*(?:[ \t]+[A-ZÅÄÖ][\wåäö-]*){0,3}(?:[ \t]*\([A-Za-zÅÄÖåäö]{1,4}\))?"
    r"[ \t]*(?:,|och|samt)[ \t]*)*\Z")


def _board_before_list(text: str, start: int, person: int) -> re.Match[str] | None:
    """The publisher's own board named bare before a list of names that leads to ``person`` ("Presidiet
    A (M), B (C) och ..."), within the sentence from ``start``."""
    return _BOARD_THEN_NAMES_RE.search(text, start, person)


_BOARD_OF_RE = re.compile(r"[ \t]+(?:förbunds)?(?:styrelse|styrelsen|presidium|presidiet)(?![\wåäö])", re.IGNORECASE)
_BOARD_BEFORE_RE = re.compile(r"(?:styrelsen|presidiet)[ \t]+(?:för|i)[ \t]+\Z", re.IGNORECASE)


def _one_body_outside(st: DocState, start: int, end: int) -> str | None:
    """The one association or organisation the text names outside the roster: the body
    whose board or committee it lists."""
    keys = {x.key for x in st.mentions if x.kind in ("Association", "Organization")
            and not start <= x.prov.span.start < end}
    return keys.pop() if len(keys) == 1 else None


def _roster_end(st: DocState, pos: int) -> int:
    """Where the entries end: at the first line that neither opens with a name nor carries
    a detail of the entry before it (a heading, a paragraph)."""
    text = st.doc.text
    starts = {p.start for p in st.people.persons}
    for line in re.finditer(r"[^\n]+", text[pos:]):
        s = pos + line.start()
        body = line.group()
        if not body.strip() or _DETAIL_LINE_RE.search(body) or (s + _entry_lead(body)) in starts:
            continue
        return s
    return len(text)


_MINISTER_WORD_RE = re.compile(r"minister|statsråd", re.IGNORECASE)


def _acts_as_minister(st: DocState, key: str, titles: list[TitleHit]) -> bool:
    """A minister here: called one, or named without another office, or in a minister's post
    on the document's date (a former minister who is now a county governor is a governor)."""
    if not titles or any(t.title.category == "minister" for t in titles):
        return True
    day = st.published
    return day is not None and any(t.holds_on(day) for t in st.ref.minister_terms(key))


def _government_stated(st: DocState, gov: str, hits: list[PersonHit]) -> Mention | None:
    """The Government's mention that ties the minister to it: in a sentence that names both, or
    next to a minister's word ("Ministern, som ansvarar för ... i regeringen")."""
    first_by_sentence, first_cued = st.memo(("government mentions", gov), lambda: _government_mentions(st, gov))
    found = [first_by_sentence[sent.start] for h in hits
             if (sent := st.sentence_at(h.start)) is not None and sent.start in first_by_sentence]
    if first_cued is not None:
        found.append(first_cued)
    return min(found, key=lambda x: x[0])[1] if found else None


def _government_mentions(st: DocState, gov: str) -> tuple[dict[int, tuple[int, Mention]], tuple[int, Mention] | None]:
    """The Government's mentions, once per document: the first in each sentence (by sentence start),
    and the first in a sentence with a minister's word; each with its place among the mentions."""
    text = st.doc.text
    info = st.info.get(gov)
    by_sentence: dict[int, tuple[int, Mention]] = {}
    cued: tuple[int, Mention] | None = None
    for i, m in enumerate(info.mentions if info else []):
        sent = st.sentence_at(m.prov.span.start)
        if sent is None:
            continue
        by_sentence.setdefault(sent.start, (i, m))
        if cued is None and _MINISTER_WORD_RE.search(text, sent.start, sent.end):
            cued = (i, m)
    return by_sentence, cued


# (a name, or the Riksdag's body: "ordförande i riksdagens försvarsutskott")
# (or the county board in the definite, which the definite references step resolves: "avdelningschef på
# landsbygdsavdelningen på länsstyrelsen")
_CLAUSE_ORG_RE = re.compile(r"[ \t]+(?:(?:för|inom|på)[ \t]+[a-zåäö ,-]{1,50}?[ \t]+)?(?:på|vid|i|hos|inom|för)[ \t]+"
                            r"(?=[A-ZÅÄÖ]|riksdagens[ \t]|länsstyrelsen(?![\wåäö]))")


def _org_before_title(st: DocState, t: TitleHit) -> Mention | None:
    """The organisation in the genitive right before a title: "Exempelby kommuns
    näringslivschef", "Länsstyrelsen i Exempellands läns kommunikatör"; or the host a clause with
    "där" turns to: "Exempelskolan, där rektor Anna Berg ..."."""
    text = st.doc.text
    kind = _CLASS_OF_ORG_TYPE.get(t.title.org_type)
    for m in st.orgs_in(max(0, t.start - 80), t.start):
        s, e = m.prov.span.start, m.prov.span.end
        gap = text[e:t.start]
        genitive = text[e - 1:e] == "s" or gap.startswith(("s", ":s"))  # "SKR:s vd": an abbreviation's genitive
        if genitive and re.fullmatch(r"(?::?s)?[ \t]+", gap) and m.kind != "PoliticalParty" and s < t.start:
            return m
        # "besök på Exempelskolan, där rektor Anna Berg visade ...": the host, then its own staff's title
        unlisted_host = m.kind in ("Organization", "Company") and kind not in _PUBLIC_BODIES
        if _WHERE_GAP_RE.fullmatch(gap) and m.kind != "PoliticalParty" and (kind in (None, m.kind) or unlisted_host):
            return m
    return None


_WHERE_GAP_RE = re.compile(r"[ \t]*,?[ \t]+där[ \t]+")
# the bodies whose titles an unlisted organisation never holds ("där kommunalrådet X" at a school)
_PUBLIC_BODIES = frozenset({"Municipality", "Region", "CountyAdministrativeBoard", "Ministry", "Government",
                            "PoliticalParty"})


def _org_after_name_pair(st: DocState, p: PersonHit) -> Mention | None:
    text = st.doc.text
    m = re.match(r"[ \t]*(?:\([^)\n]{1,4}\)[ \t]*)?(?:och|samt)[ \t]+", text[p.end:p.end + 16])
    if not m:
        return None
    persons = st.people.persons
    starting = st.memo(("persons by start", id(persons), len(persons)),
                       lambda: {x.start: x for x in reversed(persons)})  # the first one where several start
    q = starting.get(p.end + m.end())
    if q is None:
        return None
    f = re.match(r"[ \t]*(?:\([^)\n]{1,4}\)[ \t]*)?[ \t]från[ \t]+", text[q.end:q.end + 16])
    if not f:
        return None
    orgs = st.orgs_in(q.end + f.end(), q.end + f.end() + 1)
    return orgs[0] if orgs and orgs[0].kind != "PoliticalParty" else None


# "... Anna Berg (C), Exempelby, och ...": the member's town may stand between the pair and the glue
_PAIR_GLUE_RE = re.compile(r"[ \t]*(?:\([^)\n]{1,4}\))?[ \t]*(?:,[ \t]*[A-ZÅÄÖ][\wåäö-]+[ \t]*)?"
                           r"(?:,[ \t]*|[ \t](?:och|samt)[ \t]+|,[ \t]*(?:och|samt)[ \t]+)$")


_PAIR_REACH = 200  # how far before a title the name of the pair before it may end (the glue is a few characters)


def _roles_by_name_end(roles: list[tuple[PersonHit, TitleHit]]) -> tuple[list[int], list[tuple[int, int, PersonHit,
                                                                                                TitleHit]]]:
    """The title-name pairs ordered by where the name ends (with the title's start and the pair's
    place in the list, which keep the order of the scan over all pairs), and those ends."""
    order = sorted(((p.end, pt.start, i) for i, (p, pt) in enumerate(roles)))
    return [e for e, _, _ in order], [(pt_start, i, *roles[i]) for _, pt_start, i in order]


def _org_before_pairs(st: DocState, t: TitleHit) -> Mention | None:
    """The genitive organisation before a coordination of title-name pairs holds for each:
    "Exempelförbundets ordförande Anna Berg och sekreterare Per Holm"."""
    roles = st.people.roles
    by_end = st.memo(("roles by name end", id(roles), len(roles)), lambda: _roles_by_name_end(roles))
    ends = by_end[0]
    kind = _CLASS_OF_ORG_TYPE.get(t.title.org_type)  # of the title asked about, not of the pairs it walks back
    for _ in range(4):
        # the pair whose name ends last before the title: one ends within reach of the glue, or none fits
        near = by_end[1][bisect.bisect_left(ends, t.start - _PAIR_REACH):bisect.bisect_right(ends, t.start)]
        prev = [(p, pt) for _, _, p, pt in sorted(near) if pt.end <= p.start <= t.start and pt.start < t.start]
        if not prev:
            return None
        p, pt = max(prev, key=lambda x: x[0].end)
        if not _PAIR_GLUE_RE.fullmatch(st.doc.text[p.end:t.start]) or pt.start > p.start:
            return None
        org = _org_before_title(st, pt)
        if org:
            # "Förbundets ordförande Anna Berg och ekonomichef Per Holm": a title of another kind of body
            # (a municipality's, a minister's) does not share the genitive; a title of no kind or of its kind does
            return org if kind is None or kind == org.kind else None
        t = pt
    return None


def _org_in_title(st: DocState, t: TitleHit) -> Mention | None:
    """The named body a title's complement is: "ledamot i konstitutionsutskottet" (a committee of the Riksdag's,
    which the reference lists; a municipality's "ledamot i socialnämnden" names no body of its own)."""
    if t.title.category == "minister":
        return None
    return next((m for m in st.orgs_in(t.start + 1, t.end) if m.prov.span.end <= t.end
                 and m.kind not in ("Municipality", "County")), None)


def _org_after_title(st: DocState, t: TitleHit) -> Mention | None:
    """The organisation a title names: "projektledare, Region Blekinge", "ordförande i
    Hallsbergs kommun", "sektionschef för planering på SKL", or on the next line."""
    if t.title.category == "minister":
        return None
    found = _org_named_after_title(st, t)
    # "landshövdingen i Stockholm": a town after a county's or a region's title names the county
    if found and found.kind == "Municipality" and t.title.org_type in ("cab", "region"):
        return None
    return found


_UNIT_GAP_RE = re.compile(r"[ \t]+(?:[a-zåäö]+(?:förvaltningen|avdelningen|enheten|kontoret|staben|kansliet)[ \t]+)?")


def _org_named_after_title(st: DocState, t: TitleHit) -> Mention | None:
    text = st.doc.text
    m = re.match(r"[ \t]*(?:,|\n)[ \t]*", text[t.end:t.end + 6])
    if m:
        orgs = st.orgs_in(t.end + m.end(), t.end + m.end() + 1)
        if orgs:
            return orgs[0]
    # a contact line: "Anna Berg, kommunikatör Region Exempel, 070-..." (the title after the name's comma), or
    # with the unit the post is in before its body: "förvaltningschef trafikförvaltningen Region Exempel"
    m = _UNIT_GAP_RE.match(text[t.end:t.end + 60])
    if m and re.search(r",[ \t]*$", text[max(0, t.start - 4):t.start]):
        orgs = st.orgs_in(t.end + m.end(), t.end + m.end() + 1)
        if orgs and orgs[0].kind not in ("PoliticalParty", "Municipality", "County", "Place"):
            return orgs[0]
    m = _CLAUSE_ORG_RE.match(text, t.end)
    if m and "," not in text[t.end:m.end()]:
        between = text[t.end:m.end()]
        if not re.search(r"\b(?:minister|ministern)\b", between):
            orgs = st.orgs_in(m.end(), m.end() + 1)
            if orgs and orgs[0].kind != "PoliticalParty":
                return orgs[0]
    return None


# "ordförande i Regionstyrelsen", "ledamot av kommunfullmäktige": the body names the kind of organisation
_BODY_AFTER_TITLE_RE = re.compile(r"[ \t]+(?:(?:i|för|av|vid)[ \t]+)?(?P<body>(?:region|landstings|kommun)"
                                  r"(?:styrelsen|fullmäktige|styrelsens|fullmäktiges))(?![\wåäö])", re.IGNORECASE)
_BODY_IN_TITLE_RE = re.compile(r"(?P<body>(?:region|landstings)(?:styrelse|fullmäktige)|\b(?:ks|kf|rs|rf)$)")
# the kind of organisation by a body's first letters ("ks": kommunstyrelsen, "rs": regionstyrelsen)
_BODY_AFTER_TITLE = {"regio": "region", "lands": "region", "kommu": "municipality", "ks": "municipality",
                     "kf": "municipality", "rs": "region", "rf": "region"}


# between one list entry and the next: "Anna Berg (S), " / " och " / ", samt "
_ENTRY_JOIN_RE = re.compile(r"(?:[ \t]*\([^()\n]{1,4}\))?[ \t]*"
                            r"(?:,[ \t]*(?:och[ \t]+|samt[ \t]+)?|[ \t]+(?:och|samt)[ \t]+)")
_ELLIPTIC_TITLES = frozenset({"ordförande", "vice ordförande", "förste vice ordförande", "1:e vice ordförande",
                              "andre vice ordförande", "2:e vice ordförande", "ledamot", "ersättare"})
_BODY_KINDS = ("municipality", "region", "cab", "association")  # organisations with a board of chairs and members
# the class of organisation a title's org_type names (titles.csv)
_CLASS_OF_ORG_TYPE = {"municipality": "Municipality", "region": "Region", "cab": "CountyAdministrativeBoard",
                      "agency": "GovernmentAgency", "association": "Association", "ministry": "Ministry",
                      "government": "Government", "party": "PoliticalParty", "company": "Company",
                      "parliament": "Parliament"}


def _elided_org_type(st: DocState, titles: list[TitleHit]) -> str:
    """"kommunstyrelsens ordförande Anna Berg, vice ordförande Per Holm och 2:e vice ordförande Eva
    Nord": a bare chair's or member's title listed right after a body's title leaves the body out,
    and shares its kind of organisation."""
    roles = sorted(st.people.roles, key=lambda r: r[1].start)
    for t in titles:
        while t.role in _ELLIPTIC_TITLES:
            before = [(p, u) for p, u in roles if p.end <= t.start and u.end <= t.start]
            if not before:
                break
            p, u = before[-1]
            if not (u.start < p.start and _ENTRY_JOIN_RE.fullmatch(st.doc.text, p.end, t.start)):
                break
            if u.title.org_type in _BODY_KINDS:
                return u.title.org_type
            t = u  # "..., vice ordförande Per Holm och 2:e vice ordförande Eva Nord": back along the list
    return ""


def _affiliation_by_title(st: DocState, key: str, hits: list[PersonHit], titles: list[TitleHit],
                          add: AddAffiliation, guess_publisher: bool = True) -> None:
    """A municipal title ties the person to the municipality of the sentence, else the
    document's own municipality; likewise for regions and county boards. A title of no kind of
    body ("vice ordförande") ties the person to the publisher, unless ``guess_publisher`` is off
    (a list the person is in says whose they are)."""
    org_type = next((t.title.org_type for t in titles if t.title.org_type not in ("", "none")), "")
    if org_type == "abroad":
        return  # "borgmästare": a post of a foreign town (a twin town's mayor), no body of this country's
    if not org_type:
        org_type = next((_BODY_AFTER_TITLE[m["body"].lower()[:5]] for t in titles
                         if (m := _BODY_AFTER_TITLE_RE.match(st.doc.text, t.end) or _BODY_IN_TITLE_RE.search(t.role))),
                        "")
    if not org_type and any(re.search(r"nämnd|förvaltning|kommun(?!ikat)", t.role) for t in titles):
        # (a committee's or an administration's in a region's own text is the region's: "kollektivtrafiknämndens
        # ordförande" in a region's press release)
        own_region = st.publisher is not None and st.cls_of(st.publisher) == "Region" \
            and not any(re.search(r"kommun(?!ikat)", t.role) for t in titles)
        org_type = "region" if own_region else "municipality"
    if not org_type:
        org_type = _elided_org_type(st, titles)
    # a party's titles ("ersättare", "gruppledare") make a member of the party (memberOf), never an employee
    cls = _CLASS_OF_ORG_TYPE.get(org_type) if org_type != "party" else None
    p = hits[0]
    if cls == "CountyAdministrativeBoard":
        add = _governors_own_board(st, key, add)
    if cls == "Region" and _regional_federation(st, st.publisher):
        # "Kontakt: Anna Berg, regiondirektör" in a regional federation's own text (before the regions took over
        # its work, a "regionförbund" had a regiondirektör and regionråd of its own): the federation's
        assert st.publisher is not None
        add(key, st.publisher, p.start, p.end, "extract.affiliation.publisher", 0.6)
        return
    if cls is None:
        if guess_publisher and st.publisher and _named_alone(st, st.publisher):
            add(key, st.publisher, p.start, p.end, "extract.affiliation.publisher", 0.6)
        return
    # the one organisation of that kind in the person's sentence, else in the paragraph
    for scope, rule, conf in ((st.sentence_at(p.start), "extract.affiliation.sentence", 0.8),
                              (st.block_at(p.start), "extract.affiliation.paragraph", 0.7)):
        if scope:
            keys = {m.key for m in st.orgs_in(scope.start, scope.end, {cls})
                    if not _destination(st, m) and not _anothers_entry(st, p, m)}
            if len(keys) == 1:
                add(key, keys.pop(), p.start, p.end, rule, conf, scope=(scope.start, scope.end))
                return
    subject = _paragraph_subject(st, p.start, cls)
    if subject is not None:
        # "Torsby kommun har i likhet med Sunne ... Kommunstyrelsens ordförande A tar emot ...": the body that opens
        # the paragraph is what it is about
        add(key, subject.key, subject.prov.span.start, p.end, "extract.affiliation.paragraph_subject", 0.6)
        return
    if st.publisher and st.cls_of(st.publisher) == cls and _named_alone(st, st.publisher):
        add(key, st.publisher, p.start, p.end, "extract.affiliation.publisher", 0.7)
        return
    counts = st.memo(("standing alone", cls),
                     lambda: Counter(m.key for m in st.mentions if m.kind == cls and _stands_alone(st, m)
                                     and not _destination(st, m) and not _photo_credit(st, m)))
    if counts:
        # the one body of its kind the text is about: named more often than all the others together ("Gävle,
        # Västerås och Uppsala" with Uppsala named once more says nothing of whose a councillor is)
        dominant = most_named(counts)
        if dominant is not None and 2 * counts[dominant] > sum(counts.values()):
            add(key, dominant, p.start, p.end, "extract.affiliation.dominant", 0.6)
            return
        most = max(counts.values())
        lead = _lead_org(st, p.start, cls, {k for k, n in counts.items() if n == most})
        if lead:
            add(key, lead[0], lead[1], p.end, "extract.affiliation.lead", 0.55)


def _regional_federation(st: DocState, key: str | None) -> bool:
    """Is ``key`` a regional federation of municipalities ("Regionförbundet i Exempellands län")?"""
    if key is None or st.cls_of(key) != "Association":
        return False
    info = st.info.get(key)
    ref = st.ref.entities.get(key)
    label = (info.label if info is not None else None) or (ref.label if ref is not None else "")
    return "regionförbund" in (label or "").lower()


def _governors_own_board(st: DocState, key: str, add: AddAffiliation) -> AddAffiliation:
    """``add`` for a county board title's guess, that leaves out a known governor's tie to another county's board
    ("Anna Berg, landshövding, Exempellän" among other governors on a board's page is not that board's)."""
    counties = st.ref.governed_counties(key, st.published)
    if not counties:
        return add

    def own(person: str, org: str, s: int, e: int, rule: str, conf: float, at: Mention | None = None,
            scope: tuple[int, int] | None = None) -> None:
        if org.split("/")[-1] in counties:
            add(person, org, s, e, rule, conf, at, scope)
    return own


def _paragraph_subject(st: DocState, pos: int, cls: str) -> Mention | None:
    """The organisation of class ``cls`` that opens the paragraph at ``pos`` as its first words, the subject of
    its first sentence, where the paragraph names others of the class as well."""
    block = st.block_at(pos)
    if block is None:
        return None
    para = st.doc.text[block.start:block.end]
    opens = block.start + len(para) - len(para.lstrip())
    first = next(iter(st.orgs_in(opens, opens + 1, {cls})), None)  # a body that starts where the paragraph does
    return first if first is not None and not _destination(st, first) and first.prov.span.end < pos else None


def _anothers_entry(st: DocState, p: PersonHit, m: Mention) -> bool:
    """Does the organisation close another person's entry of a list, after that person's own title ("Anna Berg
    (S), ordförande, Per Holm (S), regionråd, Region X": Region X is Per Holm's, wherever Anna Berg stands)?"""
    start = m.prov.span.start
    sent = st.sentence_at(start)
    lo = sent.start if sent else 0
    before = [q for q in st.people.persons if lo <= q.start and q.end <= start]  # in the organisation's sentence
    if not before:
        return False
    last = max(before, key=lambda q: q.start)  # the entry the organisation is in
    return last.key != p.key and any(who is last and last.end <= t.start and t.end <= start
                                     for who, t in st.people.roles)


def _lead_org(st: DocState, pos: int, cls: str, tied: set[str]) -> tuple[str, int] | None:
    """Two municipalities named as often: "Besök i Exempelby kommun" on the line before a caption
    or list of officials says whose officials they are. The block right before the person's names
    one of the tied organisations by itself, and no other of its class."""
    i = bisect.bisect_right([b.start for b in st.blocks], pos) - 2
    if i < 0:
        return None
    prev = st.blocks[i]
    found = [m for m in st.orgs_in(prev.start, prev.end, {cls}) if _stands_alone(st, m) and not _destination(st, m)]
    keys = {m.key for m in found}
    if len(keys) == 1 and keys <= tied:
        return found[0].key, found[0].prov.span.start
    return None


def _named_alone(st: DocState, key: str) -> bool:
    """The text names the organisation by itself at least once (or does not name it at all:
    a publisher from the document's metadata)."""
    info = st.info.get(key)
    return info is None or not info.mentions or any(_stands_alone(st, m) for m in info.mentions)


# "åkte vidare till Lund": where the visitors went next, no home of the people the text names
_DESTINATION_BEFORE_RE = re.compile(r"\b(?:vidare|åkte|åker|reste|reser|fortsatte|fortsätter|färden|resan)"
                                    r"(?:[ \t]+[a-zåäö]+){0,2}?[ \t]+till[ \t]+$")


def _destination(st: DocState, m: Mention) -> bool:
    s = m.prov.span.start
    return bool(_DESTINATION_BEFORE_RE.search(st.doc.text, max(0, s - 40), s))


_PHOTO_CREDIT_RE = re.compile(r"(?<![\wåäö])(?:foto|fotograf|bild)[ \t]*:[ \t]*\Z", re.IGNORECASE)


def _photo_credit(st: DocState, m: Mention) -> bool:
    """"Foto: Exempel AB": who took the picture, not a body the people of the text belong to."""
    s = m.prov.span.start
    return bool(_PHOTO_CREDIT_RE.search(st.doc.text, max(0, s - 12), s))


def _stands_alone(st: DocState, m: Mention) -> bool:
    """Not part of a longer name: no longer mention covers it, and no head noun of a venue
    follows ("Exempelby slott", "Exempelby kyrka")."""
    s, e = m.prov.span.start, m.prov.span.end
    if any(x is not m and x.prov.span.start <= s and e <= x.prov.span.end
           and x.prov.span.end - x.prov.span.start > e - s for x in st.mentions_in(max(0, s - 80), e)):
        return False
    return not NAME_HEAD_AFTER_RE.match(st.doc.text, e)


STEP = Step("relations", run,
            reads=("doc", "ref", "sentences", "blocks", "mentions", "info", "people", "publisher", "posts",
                   "published", "statements", "attendance", "minuted_body"),
            writes=("statements", "mentions", "info"))
