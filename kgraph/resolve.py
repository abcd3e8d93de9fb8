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

from .extract.document import DocExtraction
from .graph import Evidence, KnowledgeGraph
from .models import Provenance
from .refdata import Reference, load_reference
from .text import slug


MEETING_KIND_SV = {"visit": "besök", "meeting": "möte", "digital_meeting": "digitalt möte", "seminar": "seminarium",
                   "conference": "konferens", "board_meeting": "styrelsemöte", "network_meeting": "nätverksträff",
                   "round_table": "rundabordssamtal"}


def doc_node(doc_id: str) -> str:
    return f"document/{doc_id[:16]}"


def _sentence(ex: DocExtraction, prov: Provenance) -> str:
    if prov.span is None:
        return ""
    text = ex.doc.text
    s, e = prov.span.start, prov.span.end
    a = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s) + 1 if text.rfind(". ", 0, s) >= 0 else -1)
    b_candidates = [i for i in (text.find("\n", e), text.find(". ", e)) if i >= 0]
    b = min(b_candidates) + 1 if b_candidates else len(text)
    return " ".join(text[a + 1 if a >= 0 else 0:b].split())[:400]


def evidence(ex: DocExtraction, prov: Provenance) -> Evidence:
    return Evidence(doc_node(ex.doc.id), prov.span.start if prov.span else None,
                    prov.span.end if prov.span else None, _sentence(ex, prov), prov.rule, round(prov.confidence, 3))


def build_graph(extractions: Iterable[DocExtraction], ref: Reference | None = None,
                meta: dict | None = None) -> KnowledgeGraph:
    ref = ref or load_reference()
    kg = KnowledgeGraph(meta=dict(meta or {}))
    exs = sorted(extractions, key=lambda x: (x.doc.file_name, x.doc.id))
    for ex in exs:
        _add_document(kg, ex)
    for ex in exs:
        _add_entities(kg, ex, ref)
    for ex in exs:
        _add_statements(kg, ex)
        _add_topics(kg, ex, ref)
        _add_meetings(kg, ex)
    _add_reference_context(kg, ref)
    return kg


def _add_document(kg: KnowledgeGraph, ex: DocExtraction) -> None:
    d = ex.doc
    kg.add_node(doc_node(d.id), "document", ("Document",), label=ex.title or d.file_name,
                file_name=d.file_name, content_hash=d.id, title=ex.title or "",
                published=ex.published.isoformat() if ex.published else "", format=d.format, path=d.path)


def _add_entities(kg: KnowledgeGraph, ex: DocExtraction, ref: Reference) -> None:
    dn = doc_node(ex.doc.id)
    for key, info in sorted(ex.entities.items()):
        r = ref.entities.get(key)
        label = r.label if r else (info.label or (info.surfaces[0] if info.surfaces else key))
        cls = [r.cls if r else info.cls]
        if info.cls == "Person" or (r and r.cls == "Person"):
            cls = ["Person"] + (["Minister"] if info.minister or ref.minister_terms(key) else [])
        attrs = {k: v for k, v in (r.attrs if r else {}).items() if v and k in
                 ("scbCode", "wikidata", "organisationNumber", "abbreviation", "county")}
        kg.add_node(key, "entity", cls, label=label, alt_labels=[s for s in info.surfaces if s != label],
                    docs=[dn], **attrs)
        ev = [evidence(ex, m.prov) for m in info.mentions[:3]]
        kg.add_edge(key, "mentionedIn", dn, ev)
    if ex.publisher:
        kg.node(dn)["publisher"] = ex.publisher


def _add_statements(kg: KnowledgeGraph, ex: DocExtraction) -> None:
    for st in ex.statements:
        if st.subject not in kg.g:
            continue
        ev = [evidence(ex, st.prov)]
        if st.literal:
            kg.add_literal(st.subject, st.predicate, st.object, ev)
        elif st.object in kg.g:
            kg.add_edge(st.subject, st.predicate, st.object, ev)


def _add_topics(kg: KnowledgeGraph, ex: DocExtraction, ref: Reference) -> None:
    dn = doc_node(ex.doc.id)
    concepts = {c.id: c for c in ref.topics}
    for tid, mentions in sorted(ex.topics.items()):
        c = concepts[tid]
        node = f"topic/{tid}"
        kg.add_node(node, "topic", ("Topic",), label=c.pref_label,
                    alt_labels=[*c.alt_labels, *(m.text for m in mentions if m.text != c.pref_label)],
                    docs=[dn], en_label=c.en_label, broader=c.broader)
        kg.add_edge(node, "mentionedIn", dn, [evidence(ex, m.prov) for m in mentions[:3]])
        kg.add_edge(dn, "topic", node, [evidence(ex, mentions[0].prov)])


def _add_meetings(kg: KnowledgeGraph, ex: DocExtraction) -> None:
    dn = doc_node(ex.doc.id)
    for m in ex.meetings:
        ev = [evidence(ex, m.prov)]
        names = [kg.label(p) for p in m.participants[:3] if p in kg.g]
        label = f"{MEETING_KIND_SV.get(m.kind, m.kind)}: {', '.join(names)}" + (
            f" ({m.date.isoformat()})" if m.date else "")
        kg.add_node(m.id, "meeting", ("Meeting",), label=label, meeting_kind=m.kind, status=m.status,
                    date=m.date.isoformat() if m.date else "", docs=[dn], trigger=m.label)
        kg.add_edge(m.id, "mentionedIn", dn, ev)
        for p in m.participants:
            if p in kg.g:
                kg.add_edge(m.id, "participant", p, ev)
        if m.location and m.location in kg.g:
            kg.add_edge(m.id, "location", m.location, ev)
        for t in m.topics:
            if f"topic/{t}" in kg.g:
                kg.add_edge(m.id, "topic", f"topic/{t}", ev)


def _from_reference(rule: str) -> list[Evidence]:
    """Evidence for a fact that reference data supplies: no document, no span."""
    return [Evidence("", None, None, "", rule, 1.0)]


def _add_reference_context(kg: KnowledgeGraph, ref: Reference) -> None:
    """Facts from reference data about entities the documents name (never marked as mentioned)."""
    for node, data in list(kg.nodes(kind="entity")):
        county = data.get("county")
        if county and {"Municipality", "Region", "CountyAdministrativeBoard"} & set(data["cls"]):
            ckey = f"county/{county}"
            if ckey in ref.entities:
                r = ref.entities[ckey]
                kg.add_node(ckey, "entity", (r.cls,), label=r.label, scbCode=r.attrs.get("scbCode", ""),
                            wikidata=r.attrs.get("wikidata", ""))
                kg.add_edge(node, "inCounty", ckey, _from_reference("reference.county"))
        if "Minister" in data["cls"]:
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
