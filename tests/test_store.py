"""The embedded store: writing, atomic replacement, opening, name resolution."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kgraph import store as store_mod
from kgraph.errors import GraphNotFoundError
from kgraph.graph import Evidence, KnowledgeGraph
from kgraph.query import (AmbiguousNameError, UnknownNameError, meetings, neighbors, path, resolve_name,
                          show, sparql, stats)
from kgraph.store import StoreError, canonical_forms, open_store, query_keys, write_store

DOC = "document/aaaaaaaaaaaaaaaa"


def ev(sentence: str, rule: str = "test") -> list[Evidence]:
    return [Evidence(DOC, 0, len(sentence), sentence, rule, 0.9)]


def small_graph(extra_person: bool = False) -> KnowledgeGraph:
    kg = KnowledgeGraph(meta={"kgraph_version": "test"})
    kg.add_node(DOC, "document", ("Document",), label="Besök", file_name="besok.txt", content_hash="a" * 64,
                title="Besök", published="2021-03-25")
    ents = [
        ("municipality/2182", "Municipality", "Söderhamns kommun", []),
        ("municipality/0180", "Municipality", "Stockholms kommun", ["Stockholm"]),
        ("county/01", "County", "Stockholms län", []),
        ("county/21", "County", "Gävleborgs län", []),
        ("municipality/1490", "Municipality", "Borås kommun", []),
        ("person/lena-micko", "Person", "Lena Micko", ["civilministern"]),
        ("person/anna-berg", "Person", "Anna Berg", []),
        ("person/erik-berg", "Person", "Erik Berg", []),
        ("party/s", "PoliticalParty", "Socialdemokraterna", ["S"]),
    ]
    if extra_person:
        ents.append(("person/nils-holm", "Person", "Nils Holm", []))
    for key, cls, label, alt in ents:
        kg.add_node(key, "entity", [cls] + (["Minister"] if key == "person/lena-micko" else []), label=label,
                    alt_labels=alt, docs=[DOC])
        kg.add_edge(key, "mentionedIn", DOC, ev(f"{label} nämns."))
    kg.add_edge("municipality/2182", "inCounty", "county/21", [Evidence("", None, None, "", "reference.county", 1)])
    kg.add_edge("municipality/0180", "inCounty", "county/01", [Evidence("", None, None, "", "reference.county", 1)])
    kg.add_edge("person/anna-berg", "affiliatedWith", "municipality/2182", ev("Anna Berg, kommunalråd i Söderhamn."))
    kg.add_edge("person/erik-berg", "affiliatedWith", "municipality/0180", ev("Erik Berg, Stockholms stad."))
    kg.add_edge("person/lena-micko", "memberOf", "party/s", ev("Lena Micko (S)."))
    kg.add_literal("person/lena-micko", "role", "civilminister", ev("Civilminister Lena Micko."))
    for i, (place, person, date) in enumerate([("municipality/2182", "person/anna-berg", "2021-03-25"),
                                               ("municipality/0180", "person/erik-berg", "2020-01-10")]):
        m = f"meeting/m{i}"
        sent = f"Lena Micko besökte {kg.label(place)} den {date}."
        kg.add_node(m, "meeting", ("Meeting",), label=f"visit {i}", meeting_kind="visit", status="held",
                    date=date, docs=[DOC])
        kg.add_edge(m, "mentionedIn", DOC, ev(sent))
        kg.add_edge(m, "participant", "person/lena-micko", ev(sent))
        kg.add_edge(m, "participant", person, ev(sent))
        kg.add_edge(m, "location", place, ev(sent))
    return kg


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    write_store(small_graph(), tmp_path)
    return tmp_path


# ------------------------------------------------------------------ name keys
def test_canonical_forms_drop_generic_words_and_genitive():
    forms, hint = canonical_forms("Söderhamns kommun")
    assert forms == {"soderhamns", "soderhamn"} and hint == "Municipality"
    forms, hint = canonical_forms("Gävleborgs län")
    assert "gavleborg" in forms and hint == "County"
    assert canonical_forms("Kungsbacka") == ({"kungsbacka"}, None)


def test_query_keys_fold_case_diacritics_and_genitive():
    exact, loose, _ = query_keys("  KUNGSBACKAS ")
    assert exact == {"kungsbackas"}
    assert "kungsbacka" in loose


# ------------------------------------------------------------------ resolution
@pytest.mark.parametrize("typed", ["söderhamn", "Söderhamns kommun", "SÖDERHAMNS", "soderhamn",
                                   "Soderhamns Kommun", "municipality/2182",
                                   "https://w3id.org/kgraph/id/municipality/2182"])
def test_resolve_municipality_forms(built: Path, typed: str):
    assert resolve_name(built, typed).id == "municipality/2182"


@pytest.mark.parametrize("typed,expected", [
    ("micko", "person/lena-micko"), ("Mickos", "person/lena-micko"), ("lena", "person/lena-micko"),
    ("LENA MICKO", "person/lena-micko"), ("civilministern", "person/lena-micko"),
    ("borås", "municipality/1490"), ("Boras", "municipality/1490"), ("Borås kommun", "municipality/1490"),
    ("Stockholm", "municipality/0180"), ("Stockholms stad", "municipality/0180"),
    ("stockholms län", "county/01"), ("Anna Berg", "person/anna-berg"), ("S", "party/s"),
])
def test_resolve_short_and_genitive_forms(built: Path, typed: str, expected: str):
    assert resolve_name(built, typed).id == expected


def test_ambiguous_name_lists_candidates(built: Path):
    with pytest.raises(AmbiguousNameError) as exc:
        resolve_name(built, "berg")
    assert {c.id for c in exc.value.candidates} == {"person/anna-berg", "person/erik-berg"}
    assert "Anna Berg" in str(exc.value) and "Erik Berg" in str(exc.value)
    with pytest.raises(AmbiguousNameError) as exc:
        resolve_name(built, "stockholms")  # the municipality and the county
    assert {c.id for c in exc.value.candidates} == {"municipality/0180", "county/01"}


def test_class_filter_disambiguates(built: Path):
    assert resolve_name(built, "stockholms", classes=["County"]).id == "county/01"


def test_unknown_name_says_so_and_suggests(built: Path):
    with pytest.raises(UnknownNameError, match="no entity named 'Xyzzy'"):
        resolve_name(built, "Xyzzy")
    assert resolve_name(built, "Söderh").id == "municipality/2182"  # a unique name starting with it
    with pytest.raises(UnknownNameError, match=r"did you mean: Söderhamns kommun \[municipality/2182\]\?"):
        resolve_name(built, "Södrhamns")  # a typo: the closest names
    with pytest.raises(UnknownNameError):
        resolve_name(built, "'; DROP TABLE node; --")
    assert resolve_name(built, "Söderhamn").id == "municipality/2182"  # the table is still there


# ------------------------------------------------------------------ answers on the small graph
def test_answers_carry_sources(built: Path):
    res = meetings(built, with_=["micko"])
    assert [m.date for m in res.rows] == ["2021-03-25", "2020-01-10"]  # newest first
    assert all(m.sources and m.sources[0].file_name == "besok.txt" for m in res.rows)
    assert meetings(built, with_=["micko"], since="2021").total == 1
    assert meetings(built, with_=["micko"], until="2020-12-31").rows[0].places[0].id == "municipality/0180"
    assert meetings(built, place="Gävleborgs län").rows[0].places[0].id == "municipality/2182"
    d = show(built, "micko")
    role = [f for f in d.facts if f.predicate == "role"]
    assert role and role[0].value == "civilminister" and role[0].sources[0].sentence == "Civilminister Lena Micko."
    p = path(built, "Anna Berg", "Erik Berg")[0]
    assert [n.id for n in p.nodes] == ["person/anna-berg", "meeting/m0", "person/lena-micko", "meeting/m1",
                                       "person/erik-berg"]
    assert all(h.sources for h in p.hops)
    near = neighbors(built, "micko", depth=2, type="Person")
    assert {n.entity.id for n in near.rows} == {"person/anna-berg", "person/erik-berg"}


def test_sparql_store_has_the_rdf_triples(built: Path):
    from kgraph.rdf import to_rdf
    n = len(to_rdf(small_graph()))
    assert stats(built)["triples"] == n
    res = sparql(built, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(res.rows[0]["n"]) == n


# ------------------------------------------------------------------ atomicity and opening
def test_rewrite_switches_generation_and_removes_old(tmp_path: Path):
    first = write_store(small_graph(), tmp_path)
    second = write_store(small_graph(extra_person=True), tmp_path)
    assert first != second and not first.exists() and second.is_dir()
    assert (tmp_path / "store" / "CURRENT").read_text().strip() == second.name
    assert resolve_name(tmp_path, "Nils Holm").id == "person/nils-holm"


def test_interrupted_write_keeps_previous_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    write_store(small_graph(), tmp_path)

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(store_mod, "_write_sqlite", boom)
    with pytest.raises(KeyboardInterrupt):
        write_store(small_graph(extra_person=True), tmp_path)
    entries = sorted(p.name for p in (tmp_path / "store").iterdir())
    assert len(entries) == 2 and entries[0] == "CURRENT"  # no temporary folder left behind
    with pytest.raises(UnknownNameError):
        resolve_name(tmp_path, "Nils Holm")  # still the previous graph
    assert resolve_name(tmp_path, "micko").id == "person/lena-micko"


def test_open_missing_store_is_a_clear_error(tmp_path: Path):
    with pytest.raises(GraphNotFoundError, match="no such folder"):
        open_store(tmp_path / "nope")
    with pytest.raises(GraphNotFoundError, match="no kgraph build"):
        open_store(tmp_path)
    (tmp_path / "graph.json").write_text("{}")
    with pytest.raises(GraphNotFoundError, match="again"):
        open_store(tmp_path)


def test_other_store_format_is_refused(built: Path):
    gen = open_store(built).path
    with sqlite3.connect(gen / "graph.sqlite") as db:
        db.execute("UPDATE meta SET value = '999' WHERE key = 'format'")
    with pytest.raises(StoreError, match="format 999"):
        open_store(built)


def test_store_is_opened_read_only(built: Path):
    st = open_store(built)
    with pytest.raises(sqlite3.OperationalError):
        st.db.execute("DELETE FROM node")


# ------------------------------------------------------------------ limits, relations, imports
def test_limits_keep_totals(built: Path):
    from kgraph.query import NoPathError
    from kgraph.errors import UsageError
    d = show(built, "micko", limit=1)
    assert d.more == {"participant (in)": 1}
    assert [f.other.id for f in d.facts if f.predicate == "participant"] == ["meeting/m0"]  # newest first
    near = neighbors(built, "micko", depth=2, limit=2)
    assert len(near.rows) == 2 and near.total > 2 and [n.distance for n in near.rows] == [1, 1]
    res = meetings(built, with_=["micko"], limit=1)
    assert res.total == 2 and [m.meeting.id for m in res.rows] == ["meeting/m0"]
    with pytest.raises(NoPathError):
        path(built, "micko", "Socialdemokraterna")  # parties are not followed by default
    hops = path(built, "micko", "Socialdemokraterna", via=["memberof"])[0].hops
    assert [(h.start.id, h.predicate, h.forward, h.end.id) for h in hops] == [
        ("person/lena-micko", "memberOf", True, "party/s")]
    with pytest.raises(UsageError, match="not a relation"):
        path(built, "micko", "Anna Berg", via=["knows"])


def test_reading_imports_neither_networkx_nor_rdflib(built: Path):
    import subprocess
    import sys
    code = ("import sys; from kgraph import query; query.show(sys.argv[1], 'micko'); "
            "print(sorted(m for m in ('networkx', 'rdflib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(built)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_resource_base_matches_namespaces():
    from kgraph import names, namespaces, query
    assert names.RESOURCE_BASE == namespaces.RESOURCE_BASE
    assert query.SPARQL_PREFIXES["kgo"] == str(namespaces.KGO)


def test_store_loads_nquads_piece_by_piece_the_triples_of_the_turtle(tmp_path, monkeypatch):
    """The SPARQL part is bulk-loaded from N-Quads in pieces (bounded memory): tiny pieces give
    exactly the triples of graph.ttl, and no piece is left in the store."""
    import pyoxigraph as ox

    from kgraph.export import graph_turtle
    kg = small_graph()
    monkeypatch.setattr(store_mod, "_LOAD_PIECE", 300)
    seen: list[int] = []
    real_pieces = store_mod.NQuadsSpool.pieces

    def counted(self):
        for p in real_pieces(self):
            seen.append(p.stat().st_size)
            yield p

    monkeypatch.setattr(store_mod.NQuadsSpool, "pieces", counted)
    gen = write_store(kg, tmp_path)
    assert len(seen) > 5 and all(n < 300 + 2000 for n in seen)
    whole = ox.Store()
    whole.load(graph_turtle(kg).encode("utf-8"), format=ox.RdfFormat.TURTLE)
    loaded = ox.Store.read_only(str(gen / store_mod.RDF_DIR))
    assert len(whole) > 50 and set(whole) == set(loaded)
    assert not list(gen.rglob("*.nq"))


def test_store_loaded_from_the_turtle_pass_equals_loaded_from_the_graph(tmp_path):
    """The build writes graph.ttl and the store's N-Quads in one walk of the statements: the
    same store as N-Quads written on their own."""
    import io

    from kgraph.export import graph_turtle, write_graph_turtle
    kg = small_graph()
    ttl = io.BytesIO()
    write_store(kg, tmp_path / "a", rdf_source=lambda spool: write_graph_turtle(kg, ttl, nquads=spool))
    write_store(kg, tmp_path / "b")
    assert ttl.getvalue().decode("utf-8") == graph_turtle(kg)  # the Turtle is not changed by it
    q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    a = {tuple(sorted(r.items())) for r in sparql(tmp_path / "a", q).rows}
    b = {tuple(sorted(r.items())) for r in sparql(tmp_path / "b", q).rows}
    assert len(a) == stats(tmp_path / "a")["triples"] > 50 and a == b


def test_store_a_failing_write_stops_the_rdf_load_and_leaves_no_generation(tmp_path, monkeypatch):
    """The SQLite part fails while Oxigraph loads in its thread: the load stops at its next piece
    (an interrupted big build must not wait for the whole load), and no store generation is left."""
    import threading
    import time

    kg = small_graph()
    monkeypatch.setattr(store_mod, "_LOAD_PIECE", 100)
    loaded: list[int] = []
    started = threading.Event()
    real_pieces = store_mod.NQuadsSpool.pieces

    def slow_pieces(self):
        for p in real_pieces(self):
            started.set()
            loaded.append(self._count)  # pieces written so far
            time.sleep(0.02)
            yield p

    def boom(*a, **k):
        started.wait(5)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_mod.NQuadsSpool, "pieces", slow_pieces)
    monkeypatch.setattr(store_mod, "_write_sqlite", boom)
    with pytest.raises(OSError, match="No space"):
        write_store(kg, tmp_path)
    total = loaded[-1]  # the writer is at most ~40 pieces ahead of the loader: all were written
    assert total > 50 and 1 <= len(loaded) < total
    assert not [p for p in (tmp_path / "store").iterdir() if p.name.startswith(("gen-", ".tmp-"))]


@pytest.mark.parametrize("limit", [1, 3])
def test_the_query_store_is_the_same_when_few_node_ids_fit_in_memory(tmp_path: Path, sample_build, limit: int):
    """Beyond the ids remembered, the writer looks them up in the node table: the same rows."""
    def dump(path: Path) -> list[str]:
        db = sqlite3.connect(path)
        try:
            return [line for line in db.iterdump() if '"meta"' not in line and "sqlite_stat" not in line]
        finally:
            db.close()

    store_mod._write_sqlite(sample_build.graph, tmp_path / "all.sqlite")
    store_mod._write_sqlite(sample_build.graph, tmp_path / "few.sqlite", ids_limit=limit)
    assert dump(tmp_path / "few.sqlite") == dump(tmp_path / "all.sqlite")
