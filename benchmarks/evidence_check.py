"""Does every edge's source quote what it states? Counts, per kind of statement,
the evidence records whose quoted sentence names no surface form of the object.

Each input folder is read and extracted as ``kgraph build`` does, and the graph is
built from the extractions (``resolve.build_graph``); then every evidence record of a
``topic``, ``participant``, ``location``, ``role``, ``memberOf`` and ``affiliatedWith``
statement is checked: its quote (the sentence a reader sees) and its span (the words it
points at) must both contain a surface form of the object (its label, an alternative
label, a form the reference data knows, or a text the document names it by), or its
span must hold a coreferent mention of the object ("civilministern", "hon") that
extraction resolved to it. A record that cannot name the object must carry one of the
inference rules of :data:`kgraph.vocab.INFERRED_RULES` (the view and ``kgraph query``
say so) at a confidence of at most ``vocab.INFERRED_CONFIDENCE``; such records are
counted apart ("inferred"), every other one is "unbacked".

    python benchmarks/evidence_check.py data/corpus tests/fixtures/genre/docs
    python benchmarks/evidence_check.py data/corpus --show 5     # and five examples per kind

``tests/test_evidence.py`` runs the same check over the sample corpus and the fixtures.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kgraph import vocab  # noqa: E402
from kgraph.contracts import DocExtraction, Evidence  # noqa: E402
from kgraph.extract.pipeline import extract_document  # noqa: E402
from kgraph.extract.state import REFERENCE_RULES  # noqa: E402
from kgraph.graph import KnowledgeGraph  # noqa: E402
from kgraph.ingest import iter_documents  # noqa: E402
from kgraph.refdata import Reference, load_reference  # noqa: E402
from kgraph.resolve import build_graph, doc_node  # noqa: E402

# rules that may cite words which do not name the object (main's vocabulary has none: all count as unbacked)
INFERRED = frozenset(x.name for x in getattr(vocab, "INFERRED_RULES", ()))

#: the statements whose evidence must quote their object
CHECKED = ("topic", "participant", "location", "role", "memberOf", "affiliatedWith")


@dataclass(frozen=True)
class Finding:
    """One evidence record whose quote does not name the object of its statement."""

    predicate: str
    subject: str
    object: str
    evidence: Evidence
    inferred: bool  # carries a declared inference rule

    def __str__(self) -> str:
        e = self.evidence
        return (f"{self.predicate}: {self.subject} -> {self.object} [{e.rule}, {e.confidence}] "
                f"{e.doc} {e.start}-{e.end}: {e.sentence[:160]!r}")


@dataclass
class Report:
    checked: Counter[str]
    findings: list[Finding]

    def counts(self, inferred: bool) -> Counter[str]:
        return Counter(f.predicate for f in self.findings if f.inferred is inferred)


@lru_cache(maxsize=4096)
def _form_re(form: str) -> re.Pattern[str]:
    """A surface form as a word of the quote: short forms ("S", "KD", "MSB") case-sensitive and
    whole, longer ones case-insensitive from a word start (inflected endings allowed: "Kungsbackas")."""
    esc = re.escape(form)
    if len(form) <= 3:
        return re.compile(rf"(?<![\w-]){esc}(?![\w])")
    return re.compile(rf"(?<![\w]){esc}", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _title_re(value: str) -> re.Pattern[str]:
    """A role as a title in the quote: each of its words from a word start, inflected endings and
    case free ("regionala utvecklingsdirektören" names "regional utvecklingsdirektör", "Vd" "VD")."""
    words = [re.escape(w) for w in re.findall(r"[\w]+", value)]
    return re.compile(r"(?<!\w)" + r"\w*\W+".join(words), re.IGNORECASE)


def _names(quote: str, forms: Iterable[str]) -> bool:
    return any(f and _form_re(f).search(quote) for f in forms)


class _Surfaces:
    """The surface forms of every object: graph labels, reference forms, and per document the
    texts extraction found for it (names apart from coreferent references)."""

    def __init__(self, kg: KnowledgeGraph, exs: dict[str, DocExtraction], ref: Reference) -> None:
        self.kg, self.ref = kg, ref
        self.by_doc: dict[tuple[str, str], set[str]] = {}
        self.refs: dict[str, list[tuple[str, int, int]]] = {}  # doc node -> (key, start, end) of references
        for dn, ex in exs.items():
            for key, info in ex.entities.items():
                for m in info.mentions:
                    if m.prov.rule in REFERENCE_RULES:
                        self.refs.setdefault(dn, []).append((key, m.prov.span.start, m.prov.span.end))
                    else:
                        self.by_doc.setdefault((dn, key), set()).add(m.text)
            for tid, ms in ex.topics.items():
                self.by_doc.setdefault((dn, f"topic/{tid}"), set()).update(m.text for m in ms)

    def forms(self, obj: str, doc: str) -> Iterator[str]:
        if obj in self.kg:
            d = self.kg.node(obj)
            yield d.get("label", "")
            yield from d.get("alt_labels", ())
        r = self.ref.entities.get(obj)
        if r is not None:
            yield r.label
            yield from (f.text for f in r.forms)
        if obj.startswith("topic/") and obj[6:] in self.ref.topic_by_id:
            c = self.ref.topic(obj[6:])
            yield c.pref_label
            yield from c.alt_labels
        yield from self.by_doc.get((doc, obj), ())

    def coreferent(self, obj: str, e: Evidence) -> bool:
        """The record's span holds a reference extraction resolved to the object."""
        if e.start is None or e.end is None:
            return False
        return any(k == obj and e.start <= s and t <= e.end for k, s, t in self.refs.get(e.doc, ()))


def check(kg: KnowledgeGraph, exs: dict[str, DocExtraction], ref: Reference) -> Report:
    """Every evidence record of the checked statements of ``kg`` against the extractions it was built from."""
    surfaces = _Surfaces(kg, exs, ref)
    checked: Counter[str] = Counter()
    findings: list[Finding] = []

    texts = {dn: ex.doc.text for dn, ex in exs.items()}

    def one(p: str, s: str, o: str, e: Evidence, literal: bool = False) -> None:
        if not e.doc:
            return  # reference data: no quote
        checked[p] += 1
        # both what the reader sees (the quote) and the words the record points at (the span)
        quoted = (e.sentence, texts[e.doc][e.start or 0:e.end or 0])
        if literal:  # a role's surface form is the title itself ("kommunalråd" in "Kommunalrådet ...")
            if all(_title_re(o).search(q) for q in quoted):
                return
        elif all(_names(q, surfaces.forms(o, e.doc)) for q in quoted) or surfaces.coreferent(o, e):
            return
        findings.append(Finding(p, s, o, e, e.rule in INFERRED and e.confidence <= vocab.INFERRED_CONFIDENCE))

    for s, o, p, d in kg.sorted_edges():
        if p in CHECKED:
            for e in d["evidence"]:
                one(p, s, o, e)
    for n, d in kg.nodes():
        for value, evs in d.get("literals", {}).get("role", {}).items():
            for e in evs:
                one("role", n, value, e, literal=True)
    return Report(checked, findings)


def build(folders: Iterable[Path], ref: Reference | None = None) -> tuple[KnowledgeGraph, dict[str, DocExtraction]]:
    """The graph of the documents under ``folders``, and each document's extraction by its node."""
    ref = ref or load_reference()
    exs = [extract_document(doc, ref) for doc in iter_documents(folders)]
    return build_graph(exs, ref), {doc_node(ex.doc.id): ex for ex in exs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--show", type=int, default=0, help="print this many examples of each kind")
    args = ap.parse_args(argv)
    ref = load_reference()
    print(f"{'set':40} {'kind':15} {'records':>8} {'unbacked':>9} {'inferred':>9}")
    for folder in args.folders:
        kg, exs = build([folder], ref)
        rep = check(kg, exs, ref)
        bad, inf = rep.counts(False), rep.counts(True)
        for p in CHECKED:
            print(f"{str(folder)[-40:]:40} {p:15} {rep.checked[p]:8} {bad[p]:9} {inf[p]:9}")
        if args.show:
            shown: Counter[tuple[str, bool]] = Counter()
            for f in rep.findings:
                if shown[(f.predicate, f.inferred)] < args.show:
                    shown[(f.predicate, f.inferred)] += 1
                    print("   ", "inferred" if f.inferred else "UNBACKED", f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
