"""One name resolver for every command: what a user types -> one node of the graph.

``kgraph query``, ``kgraph view`` and ``kgraph sparql --bind VAR=@NAME`` all
resolve names here, over the name index of the store (:mod:`kgraph.store`
writes it into SQLite) or, for a graph in memory, the same index built from
the same keys (:func:`kgraph.store.name_keys`). Tried in order, the first step
that finds anything decides:

1. the node id or IRI (``person/lena-micko``, ``https://w3id.org/kgraph/id/...``);
2. a label or alternative label, ignoring case and accents;
3. the same without genitive -s and generic words (*kommun*, *stad*, *län*),
   preferring the class such a word names (``Stockholms län`` is the county);
4. a person's surname (or name without middle names);
5. a person's given name;
6. a unique name that starts with what was typed (``söder`` -> Söderhamns kommun).

Several entities at one step raise :class:`AmbiguousNameError` listing them;
none at all raises :class:`UnknownNameError` with the closest names of the
index (:mod:`difflib`: "Lena Mikko" -> did you mean: Lena Micko?). Nothing
is guessed. Class names (``--type``) resolve here too, in English or Swedish
(:func:`resolve_class`).

Standard library only, so the read commands stay light.
"""
from __future__ import annotations

import difflib
import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from . import vocab
from .errors import KgraphError, UsageError
from .store import TIER_CANONICAL, TIER_EXACT, TIER_GIVEN, TIER_SURNAME, name_keys, query_keys
from .text import fold
from .vocab import RESOURCE_BASE

if TYPE_CHECKING:  # the readers never import networkx
    from .graph import GraphReader
    from .store import GraphStore

#: candidates named in an error message
SHOWN_CANDIDATES = 10
#: close matches suggested for an unknown name, and how close they must be (difflib's ratio)
SUGGESTIONS = 5
SUGGEST_CUTOFF = 0.75


@dataclass(frozen=True)
class EntityRef:
    """A node as answers show it: its id (the IRI less :data:`~kgraph.vocab.RESOURCE_BASE`), label,
    classes and kind (entity, meeting, topic, document, post)."""

    id: str
    label: str
    classes: tuple[str, ...]
    kind: str

    @property
    def iri(self) -> str:
        return RESOURCE_BASE + self.id

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "classes": list(self.classes)}


class UnknownNameError(KgraphError):
    """No node of the graph has this name; the message suggests the closest names."""


class AmbiguousNameError(KgraphError):
    """Several nodes fit a name; the message lists them."""

    def __init__(self, name: str, candidates: Sequence[EntityRef]) -> None:
        self.name = name
        self.candidates = list(candidates)
        listed = "; ".join(f"{c.label} [{c.id}]" for c in self.candidates[:SHOWN_CANDIDATES])
        more = (f"; and {len(self.candidates) - SHOWN_CANDIDATES} more"
                if len(self.candidates) > SHOWN_CANDIDATES else "")
        super().__init__(f"{name!r} is ambiguous, it fits {len(self.candidates)} entities: {listed}{more}; "
                         "give a fuller name or one of the ids")


class NameIndex(Protocol):
    """What the resolver reads: the store's SQLite index, or one built in memory."""

    def by_id(self, key: str) -> EntityRef | None: ...

    def named(self, keys: Collection[str], tiers: Collection[int]) -> list[EntityRef]: ...

    def starting(self, prefix: str, tiers: Collection[int]) -> list[EntityRef]: ...

    def keys_near(self, key: str) -> list[str]: ...

    def named_exactly(self, keys: Collection[str]) -> list[EntityRef]: ...


# ------------------------------------------------------------------ indexes
class StoreIndex:
    """The name index of a build's store (table ``name`` of graph.sqlite)."""

    def __init__(self, st: GraphStore) -> None:
        self.st = st

    def _refs(self, ids: Iterable[int]) -> list[EntityRef]:
        rows = self.st.rows("SELECT key, label, cls, kind FROM node WHERE id IN (SELECT value FROM json_each(?))",
                            (json.dumps(sorted(set(ids))),))
        return [EntityRef(k, label, tuple(cls.split()) if cls else (), kind) for k, label, cls, kind in rows]

    def by_id(self, key: str) -> EntityRef | None:
        row = self.st.one("SELECT id FROM node WHERE key = ?", (key,))
        return self._refs([row[0]])[0] if row else None

    def named(self, keys: Collection[str], tiers: Collection[int]) -> list[EntityRef]:
        return self._refs(nid for (nid,) in self.st.rows(
            "SELECT DISTINCT node FROM name WHERE key IN (SELECT value FROM json_each(?)) "
            "AND tier IN (SELECT value FROM json_each(?))", (json.dumps(sorted(keys)), json.dumps(sorted(tiers)))))

    def starting(self, prefix: str, tiers: Collection[int]) -> list[EntityRef]:
        return self._refs(nid for (nid,) in self.st.rows(
            "SELECT DISTINCT node FROM name WHERE key >= ? AND key < ? AND tier IN (SELECT value FROM json_each(?)) "
            "LIMIT 1000", (prefix, prefix + "\U0010ffff", json.dumps(sorted(tiers)))))

    def keys_near(self, key: str) -> list[str]:
        # only keys of about the same length can be close (difflib's ratio is at most 2*min/(a+b))
        lo, hi = int(len(key) * 0.6), int(len(key) / 0.6) + 1
        return [k for (k,) in self.st.rows("SELECT DISTINCT key FROM name WHERE length(key) BETWEEN ? AND ? "
                                           "AND tier < ?", (lo, hi, TIER_GIVEN))]

    def named_exactly(self, keys: Collection[str]) -> list[EntityRef]:
        return self.named(keys, (TIER_EXACT, TIER_CANONICAL, TIER_SURNAME))


class GraphIndex:
    """The same index for a graph in memory (the view's library API), from the same keys."""

    def __init__(self, kg: GraphReader) -> None:
        self.refs: dict[str, EntityRef] = {}
        self.names: dict[str, dict[int, set[str]]] = {}
        for n, d in kg.nodes():
            self.refs[n] = EntityRef(n, " ".join(str(d.get("label") or n).split()), tuple(d.get("cls") or ()),
                                     str(d.get("kind") or ""))
            for key, tier in name_keys(n, d):
                self.names.setdefault(key, {}).setdefault(tier, set()).add(n)
        self.sorted_keys = sorted(self.names)

    def _pick(self, keys: Iterable[str], tiers: Collection[int]) -> list[EntityRef]:
        nodes = {n for k in keys for t, ns in self.names.get(k, {}).items() if t in tiers for n in ns}
        return [self.refs[n] for n in sorted(nodes)]

    def by_id(self, key: str) -> EntityRef | None:
        return self.refs.get(key)

    def named(self, keys: Collection[str], tiers: Collection[int]) -> list[EntityRef]:
        return self._pick(keys, tiers)

    def starting(self, prefix: str, tiers: Collection[int]) -> list[EntityRef]:
        return self._pick((k for k in self.sorted_keys if k.startswith(prefix)), tiers)

    def keys_near(self, key: str) -> list[str]:
        return [k for k, by_tier in self.names.items() if any(t < TIER_GIVEN for t in by_tier)]

    def named_exactly(self, keys: Collection[str]) -> list[EntityRef]:
        return self.named(keys, (TIER_EXACT, TIER_CANONICAL, TIER_SURNAME))


# ------------------------------------------------------------------ resolving
def resolve(index: NameIndex, name: str, classes: Iterable[str] | None = None,
            kinds: Collection[str] | None = None) -> EntityRef:
    """The one node ``name`` stands for (see the module's docstring for the order of the steps).

    ``classes`` keeps nodes of any of these classes, ``kinds`` nodes of these kinds (the view
    draws entities, meetings and topics, not documents).
    """
    wanted = set(classes or ())
    text = " ".join(name.split())
    if not text:
        raise UsageError("empty name: give a name such as \"Lena Micko\" or a node id such as person/lena-micko")

    def ok(ref: EntityRef) -> bool:
        return (not wanted or bool(wanted & set(ref.classes))) and (not kinds or ref.kind in kinds)

    # a node id as answers write it: person/lena-micko, <IRI>, the IRI, kg:person/lena-micko (also with
    # SPARQL's escaped slash, kg:person\/lena-micko), or in brackets as error messages list candidates
    key = text[len(RESOURCE_BASE):] if text.startswith(RESOURCE_BASE) else text.strip("<>[]")
    if key.startswith(RESOURCE_BASE):
        key = key[len(RESOURCE_BASE):]
    elif key.startswith("kg:"):
        key = key[3:].replace("\\/", "/")
    ref = index.by_id(key)
    if ref is not None and ok(ref):
        return ref
    exact, loose, hint = query_keys(text)
    as_written = text.casefold()  # accents kept: "Håbo" is not "Habo" when both are there
    steps = [lambda: index.named(exact, (TIER_EXACT,)),
             lambda: index.named(loose, (TIER_EXACT, TIER_CANONICAL)),
             lambda: index.named(loose, (TIER_SURNAME,)),
             lambda: index.named(loose, (TIER_GIVEN,)),
             lambda: [r for k in sorted(loose) for r in index.starting(k, (TIER_EXACT, TIER_CANONICAL, TIER_SURNAME))]]
    for step in steps:
        cands = {r.id: r for r in step() if ok(r)}
        found = list(cands.values())
        if hint and len(found) > 1 and any(hint in c.classes for c in found):
            found = [c for c in found if hint in c.classes]
        if len(found) > 1:  # names that differ only in their accents: the one written as asked
            written = [c for c in found if as_written in " ".join(c.label.casefold().split())]
            found = written if len(written) == 1 else found
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousNameError(text, sorted(found, key=lambda c: (c.label, c.id)))
    raise UnknownNameError(unknown_message(index, text, ok, wanted))


def close_matches(index: NameIndex, text: str, ok: Any = None) -> list[EntityRef]:
    """The nodes whose names are closest to ``text`` (difflib's ratio over folded names), best first."""
    key = fold(text)
    keys = difflib.get_close_matches(key, index.keys_near(key), n=SUGGESTIONS * 3, cutoff=SUGGEST_CUTOFF)
    out: dict[str, EntityRef] = {}
    for k in keys:  # best first
        for r in sorted(index.named_exactly([k]), key=lambda r: (r.label, r.id)):
            if (ok is None or ok(r)) and r.id not in out:
                out[r.id] = r
    return list(out.values())[:SUGGESTIONS]


def unknown_message(index: NameIndex, text: str, ok: Any, wanted: Collection[str]) -> str:
    what = " or ".join(sorted(wanted)) if wanted else "entity"
    msg = f"no {what} named {text!r} in this graph"
    near = close_matches(index, text, ok)
    if near:
        return msg + "; did you mean: " + ", ".join(f"{r.label} [{r.id}]" for r in near) + "?"
    return msg + "; list names with: kgraph query entities --search TEXT"


def store_index(st: GraphStore) -> StoreIndex:
    return StoreIndex(st)


def graph_index(kg: GraphReader) -> GraphIndex:
    return GraphIndex(kg)


# ------------------------------------------------------------------ classes
def class_lookup(known: Iterable[str] = ()) -> dict[str, str]:
    """Folded class names as users type them -> class: the ``kgo:`` name, its English and Swedish
    labels (``Municipality``, ``kommun``) and its name in the view (``Kommun``), from
    :mod:`kgraph.vocab`; plus any other class a graph has (``known``)."""
    out: dict[str, str] = {}
    for c in vocab.CLASSES:
        for form in (c.name, c.en, c.sv, c.view):
            if form:
                out.setdefault(fold(form), c.name)
    for name in known:
        out.setdefault(fold(name), name)
    return out


def resolve_class(name: str, known: Iterable[str] = (), option: str = "--type") -> str:
    """The class a user means by ``name``, in English or Swedish and any case ("person",
    "Kommun", "län", "municipality"); an unknown one is a usage error with the closest names."""
    lookup = class_lookup(known)
    cls = lookup.get(fold(name))
    if cls is not None:
        return cls
    near = difflib.get_close_matches(fold(name), list(lookup), n=3, cutoff=0.6)
    hint = f"did you mean: {', '.join(sorted({lookup[k] for k in near}))}? " if near else ""
    names = sorted({*vocab.class_names("entity", "meeting", "topic"), *known})
    raise UsageError(f"{option} {name!r}: unknown class; {hint}classes (in English or Swedish, e.g. Municipality "
                     f"or Kommun): {', '.join(names)}")
