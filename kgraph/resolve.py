"""Across documents: the same real-world thing becomes one node.

Identity comes from the extraction's keys: SCB codes for municipalities and
counties, abbreviations for parties, reference ids for ministries, agencies
and associations, the normalised name for persons (time-aware office holders
come from the reference list), the concept id for topics. This stage merges
per-document results into a :class:`KnowledgeGraph` and adds what the
reference data knows about the entities found (a municipality's county, a
minister's posts), without marking those as mentioned.
"""
from __future__ import annotations

from collections.abc import Iterable

from . import vocab
from .contracts import DocExtraction, DocGraph, EntityPart, Evidence, MeetingPart, StatementPart, TopicPart
from .extract.topics import minted_topic_label
from .graph import Graph, KnowledgeGraph
from .models import Provenance
from .refdata import Reference, load_reference
from .text import slug


#: the Swedish name of each meeting kind, which starts a meeting's label ("besök: Lena Micko, ...")
MEETING_KIND_SV = vocab.meeting_kind_labels("sv")


def doc_node(doc_id: str) -> str:
    return f"document/{doc_id[:16]}"


QUOTE_CHARS = 400  # the longest quote an evidence record keeps


def _words(text: str) -> str:
    return " ".join(text.split())


def _excerpt(text: str, a: int, b: int, s: int, e: int) -> str:
    """The words of [a, b) around the span [s, e), at most about QUOTE_CHARS long, with "…"
    where the sentence goes on; a span longer than that shows its beginning and its end."""
    half = QUOTE_CHARS // 2 - 10
    if e - s > QUOTE_CHARS - 40:
        return _excerpt(text, a, b, s, s + half) + " " + _excerpt(text, a, b, e - half, e)
    room = QUOTE_CHARS - 20 - (e - s)
    lo = max(a, s - room // 3)
    hi = min(b, e + room - (s - lo))
    if lo > a:  # start at a word
        space = text.find(" ", lo, s)
        lo = space + 1 if space >= 0 else lo
    if hi < b:
        space = text.rfind(" ", e, hi)
        hi = space if space >= 0 else hi
    return ("… " if lo > a else "") + _words(text[lo:hi]) + (" …" if hi < b else "")


_new_evidence = tuple.__new__  # Evidence(...) goes through a Python-level __new__; the tuple is the same


class _Evidencer:
    """Evidence records of one document; a sentence shared by several records is one string."""

    def __init__(self, ex: DocExtraction) -> None:
        self.text = ex.doc.text
        self.doc = doc_node(ex.doc.id)
        self.sentences: dict[tuple[int, ...], str] = {}
        self.by_span: dict[tuple[int, int], str] = {}  # a span is cited by several records (40 % of calls)

    def sentence(self, s: int, e: int) -> str:
        """The sentence (or lines) around [s, e), whitespace folded; a longer one is cut to the
        words around the span, so that the quote always shows what the span names."""
        got = self.by_span.get((s, e))
        if got is None:
            got = self.by_span[(s, e)] = self._sentence(s, e)
        return got

    def _sentence(self, s: int, e: int) -> str:
        text = self.text
        dot = text.rfind(". ", 0, s)
        a = max(text.rfind("\n", 0, s), dot + 1 if dot >= 0 else -1)
        b_candidates = [i for i in (text.find("\n", e), text.find(". ", e)) if i >= 0]
        b = min(b_candidates) + 1 if b_candidates else len(text)
        a = a + 1 if a >= 0 else 0
        key = (a, b) if b - a <= QUOTE_CHARS else (a, b, s, e)
        got = self.sentences.get(key)
        if got is None:
            got = " ".join(text[a:b].split())
            if len(got) > QUOTE_CHARS:
                got = _excerpt(text, a, b, s, e)
            self.sentences[key] = got
        return got

    def __call__(self, prov: Provenance) -> Evidence:
        span = prov.span
        return _new_evidence(Evidence, (self.doc, span.start, span.end, self.sentence(span.start, span.end),
                                        prov.rule, round(prov.confidence, 3)))


def doc_graph(ex: DocExtraction, ref: Reference | None = None) -> DocGraph:
    """One document's part of the graph (pure; no other document needed)."""
    ref = ref or load_reference()
    ev = _Evidencer(ex)
    entities = []
    for key, info in sorted(ex.entities.items()):
        r = ref.entities.get(key)
        label = r.label if r else (info.label or (info.surfaces[0] if info.surfaces else key))
        cls: tuple[str, ...] = (r.cls if r else info.cls,)
        if info.cls == "Person" or (r and r.cls == "Person"):
            cls = ("Person", "Minister") if info.minister or ref.minister_terms(key) else ("Person",)
        attrs = {k: v for k, v in (r.attrs if r else {}).items() if v and k in
                 ("scbCode", "wikidata", "organisationNumber", "abbreviation", "county")}
        entities.append(EntityPart(key, cls, label, tuple(s for s in info.surfaces if s != label), attrs,
                                   tuple(ev(m.prov) for m in info.mentions[:3])))
    # the association a branch is part of ("Företagarna" of "Företagarna Exempelland"), from the
    # reference data, as context: never marked as mentioned where the text names only the branch
    for key in sorted({st.object for st in ex.statements if st.predicate == "partOf"} - ex.entities.keys()):
        r = ref.entities.get(key)
        if r:
            entities.append(EntityPart(key, (r.cls,), r.label, (), {}, ()))
    statements = tuple(StatementPart(st.subject, st.predicate, st.object, st.literal, ev(st.prov))
                       for st in ex.statements)
    topics = []
    for tid, mentions in sorted(ex.topics.items()):
        if tid in ref.topic_by_id:
            c = ref.topic(tid)
            label, alts, en, broader = c.pref_label, c.alt_labels, c.en_label, c.broader
        else:  # a concept the text names that the scheme lacks: its forms are its labels, no broader
            label, alts, en, broader = minted_topic_label(mentions[0].text), (), "", ""
        forms = tuple(dict.fromkeys(" ".join(m.text.split()) for m in mentions))
        topics.append(TopicPart(f"topic/{tid}", label, (*alts, *(f for f in forms if f != label)),
                                en, broader, tuple(ev(m.prov) for m in mentions[:3]), ev(mentions[0].prov)))
    meetings = tuple(MeetingPart(m.id, m.kind, m.status, m.date.isoformat() if m.date else "", m.label, ev(m.prov),
                                 tuple(m.participants), m.location, tuple(f"topic/{t}" for t in m.topics),
                                 tuple(ev(p) for p in m.participant_provs),
                                 ev(m.location_prov) if m.location_prov else None,
                                 tuple(ev(p) for p in m.topic_provs))
                     for m in ex.meetings)
    return DocGraph(ex.doc.id, ex.title or "", ex.published.isoformat() if ex.published else "", ex.doc.format,
                    ex.publisher, tuple(entities), statements, tuple(topics), meetings)


def build_graph(extractions: Iterable[DocExtraction], ref: Reference | None = None,
                meta: dict | None = None) -> Graph:
    ref = ref or load_reference()
    exs = sorted(extractions, key=lambda x: (x.doc.file_name, x.doc.id))
    return graph_from_parts(((doc_graph(ex, ref), ex.doc.file_name, ex.doc.path) for ex in exs), ref, meta)


def graph_from_parts(parts: Iterable[tuple[DocGraph, str, str]], ref: Reference | None = None,
                     meta: dict | None = None, into: Graph | None = None) -> Graph:
    """The graph of documents' parts, each with the file name and path it was read from, given in
    (file name, document id) order; then what reference data adds about the entities found.
    ``into``: the (empty) graph to merge into, e.g. a :class:`kgraph.diskgraph.DiskGraph`;
    by default a new graph in memory."""
    kg = into if into is not None else KnowledgeGraph()
    kg.meta.update(meta or {})
    for part, file_name, path in parts:
        add_part(kg, part, file_name, path)
    _add_reference_context(kg, ref or load_reference())
    return kg


def add_part(kg: Graph, part: DocGraph, file_name: str, path: str) -> None:
    """Merge one document's part into ``kg``: its node, entities, statements, topics and meetings."""
    dn = doc_node(part.doc_id)
    kg.add_node(dn, "document", ("Document",), label=part.title or file_name, file_name=file_name,
                content_hash=part.doc_id, title=part.title, published=part.published, format=part.format, path=path)
    for e in part.entities:
        if not e.evidence:  # context from the reference data (doc_graph), not named by the text
            kg.add_node(e.key, "entity", e.cls, label=e.label)
            continue
        kg.add_node(e.key, "entity", e.cls, label=e.label, alt_labels=e.alt_labels, docs=(dn,), **e.attrs)
        kg.add_edge(e.key, "mentionedIn", dn, e.evidence)
    if part.publisher:
        kg.set_attr(dn, "publisher", part.publisher)
    for st in part.statements:
        if st.subject not in kg:
            continue
        if st.literal:
            kg.add_literal(st.subject, st.predicate, st.object, (st.evidence,))
        elif st.object in kg:
            kg.add_edge(st.subject, st.predicate, st.object, (st.evidence,))
    for t in part.topics:
        kg.add_node(t.node, "topic", ("Topic",), label=t.label, alt_labels=t.alt_labels, docs=(dn,),
                    en_label=t.en_label, broader=t.broader)
        kg.add_edge(t.node, "mentionedIn", dn, t.mentions)
        kg.add_edge(dn, "topic", t.node, (t.first,))
    for m in part.meetings:
        ev = (m.evidence,)
        names = [kg.label(p) for p in m.participants[:3] if p in kg]
        label = f"{MEETING_KIND_SV.get(m.kind, m.kind)}: {', '.join(names)}" + (f" ({m.date})" if m.date else "")
        kg.add_node(m.node, "meeting", ("Meeting",), label=label, meeting_kind=m.kind, status=m.status,
                    date=m.date, docs=(dn,), trigger=m.trigger)
        kg.add_edge(m.node, "mentionedIn", dn, ev)
        # each part cites its own words; the meeting word's sentence where a part has none recorded
        pev, tev = m.participant_evidence, m.topic_evidence
        for i, p in enumerate(m.participants):
            if p in kg:
                kg.add_edge(m.node, "participant", p, (pev[i],) if i < len(pev) else ev)
        if m.location and m.location in kg:
            kg.add_edge(m.node, "location", m.location, (m.location_evidence,) if m.location_evidence else ev)
        for i, t in enumerate(m.topics):
            if t in kg:
                kg.add_edge(m.node, "topic", t, (tev[i],) if i < len(tev) else ev)


def _from_reference(rule: str) -> list[Evidence]:
    """Evidence for a fact that reference data supplies: no document, no span."""
    return [Evidence("", None, None, "", rule, 1.0)]


def _add_reference_places(kg: Graph, ref: Reference) -> None:
    """A building of the reference data that the documents name lies in its municipality
    (``locatedIn``); the municipality is added as reference data adds a county (its county follows)."""
    places = []  # (node, municipality code): collected first, then written (no list of every node's data)
    for node, data in kg.nodes(kind="entity"):
        r = ref.entities.get(node)
        code = r.attrs.get("municipality") if r is not None and "Place" in data["cls"] else None
        if code:
            places.append((node, code))
    for node, code in places:
        mkey = f"municipality/{code}"
        if mkey in ref.entities:
            m = ref.entities[mkey]
            if mkey not in kg:
                kg.add_node(mkey, "entity", (m.cls,), label=m.label, **{
                    k: v for k, v in m.attrs.items() if v and k in ("scbCode", "wikidata", "organisationNumber",
                                                                    "county")})
            kg.add_edge(node, "locatedIn", mkey, _from_reference("reference.places"))


def _add_reference_context(kg: Graph, ref: Reference) -> None:
    """Facts from reference data about entities the documents name (never marked as mentioned)."""
    _add_reference_places(kg, ref)
    # what is needed of each entity, collected first, then written: no list of every entity's data
    todo = [(node, data.get("county"), tuple(data["cls"])) for node, data in kg.nodes(kind="entity")
            if data.get("county") or "Minister" in data["cls"]]
    for node, county, cls in todo:
        if county and {"Municipality", "Region", "CountyAdministrativeBoard"} & set(cls):
            ckey = f"county/{county}"
            if ckey in ref.entities:
                r = ref.entities[ckey]
                kg.add_node(ckey, "entity", (r.cls,), label=r.label, scbCode=r.attrs.get("scbCode", ""),
                            wikidata=r.attrs.get("wikidata", ""))
                kg.add_edge(node, "inCounty", ckey, _from_reference("reference.county"))
        if "Minister" in cls:
            for t in ref.minister_terms(node):
                post = f"post/{node.split('/', 1)[1]}-{slug(t.post)}-{t.start.isoformat() if t.start else 'x'}"
                kg.add_node(post, "post", ("Post",), label=t.post, post_title=t.post,
                            start=t.start.isoformat() if t.start else "", end=t.end.isoformat() if t.end else "",
                            party=t.party)
                kg.add_edge(node, "holdsPost", post, _from_reference("reference.ministers"))
                mkey = f"gov/{t.ministry}"
                if t.ministry and mkey in ref.entities:
                    r = ref.entities[mkey]
                    kg.add_node(mkey, "entity", (r.cls,), label=r.label)
                    kg.add_edge(post, "postIn", mkey, _from_reference("reference.ministers"))
