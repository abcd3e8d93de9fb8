"""The build cache holds data, never code: entries are JSON checked on reading; a crafted or
damaged entry is a miss that is reported once, and the graph comes out the same."""
from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph import cache as cache_mod
from kgraph.cache import InvalidEntry, decode_part, encode_part
from kgraph.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "corpus"
OLD = time.time() - 3600  # old enough for the cache to trust the files' size and mtime
NOTE = "unreadable entr"


def runner() -> CliRunner:
    """A runner that keeps stderr apart (click 8.1 needs asking; 8.2+ always does)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


def copy_samples(tmp_path: Path) -> Path:
    src = tmp_path / "korpus"
    shutil.copytree(SAMPLES, src)
    for p in src.iterdir():
        os.utime(p, (OLD, OLD))
    return src


def kgraph_build(src: Path, out: Path):
    res = runner().invoke(main, ["build", str(src), "--out", str(out), "--no-html", "--no-sparql", "-j", "1"])
    assert res.exit_code == 0, (res.exit_code, res.output, res.exception)
    assert "Traceback" not in res.stderr
    return res


def outputs(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.json")}


def set_entries(out: Path, blob: bytes) -> int:
    db = sqlite3.connect(out / cache_mod.CACHE_DIR / "cache.sqlite")
    n = db.execute("UPDATE entries SET data = ?", (blob,)).rowcount
    db.commit()
    db.close()
    return n


class _RunsShell:
    """Unpickling this runs a shell command: what a crafted pickled cache entry could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch '{self.marker}'",))


def test_a_crafted_pickle_in_the_cache_is_not_run_and_is_rebuilt_once(tmp_path):
    src = copy_samples(tmp_path)
    out = tmp_path / "out"
    kgraph_build(src, out)
    expected = outputs(out)
    marker = tmp_path / "code-ran"
    for crafted in (zlib.compress(pickle.dumps(_RunsShell(marker)), 1), pickle.dumps(_RunsShell(marker))):
        assert set_entries(out, crafted) == 5
        res = kgraph_build(src, out)
        assert not marker.exists(), "a cache entry was unpickled"
        assert outputs(out) == expected
        notes = [line for line in res.stderr.splitlines() if NOTE in line]
        assert notes == ["cache: 5 unreadable entries were ignored (damaged, or not written by this kgraph) "
                         "and the documents extracted again"], res.stderr
        assert "documents: 5\n" in res.stderr  # nothing came from the cache
    # the entries were written again: the next build takes all from the cache and says nothing
    res = kgraph_build(src, out)
    assert "(5 from cache)" in res.stderr and NOTE not in res.stderr
    assert outputs(out) == expected


def test_one_damaged_entry_is_one_line(tmp_path):
    src = copy_samples(tmp_path)
    out = tmp_path / "out"
    kgraph_build(src, out)
    expected = outputs(out)
    db = sqlite3.connect(out / cache_mod.CACHE_DIR / "cache.sqlite")
    for key, blob in db.execute("SELECT key, data FROM entries ORDER BY key").fetchall():  # noqa: B007
        data = json.loads(zlib.decompress(blob))
        if data[12]:  # it has statements: this key's entry is the one changed below
            break
    data[12][0][3] = "yes"  # a statement's literal flag that is not a bool
    db.execute("UPDATE entries SET data = ? WHERE key = ?", (zlib.compress(json.dumps(data).encode()), key))
    db.commit()
    db.close()
    res = kgraph_build(src, out)
    assert [x for x in res.stderr.splitlines() if NOTE in x] == [
        "cache: 1 unreadable entry was ignored (damaged, or not written by this kgraph) and the document "
        "extracted again"]
    assert "(4 from cache)" in res.stderr and outputs(out) == expected


def test_an_old_pickled_cache_is_a_silent_miss(tmp_path, monkeypatch):
    """A cache of the pickle era (another version key) is started afresh, without a note."""
    src = copy_samples(tmp_path)
    out = tmp_path / "out"
    monkeypatch.setattr(cache_mod, "_SCHEMA", 1)
    kgraph_build(src, out)
    monkeypatch.undo()
    res = kgraph_build(src, out)
    assert "from cache" not in res.stderr and NOTE not in res.stderr


def test_entries_round_trip_every_part_of_the_samples():
    from kgraph.extract.pipeline import extract_document
    from kgraph.ingest import gather_inputs, read_file
    from kgraph.refdata import load_reference
    from kgraph.resolve import doc_graph
    ref = load_reference()
    paths, _ = gather_inputs([SAMPLES])
    for p in paths:
        for doc in read_file(p)[0]:
            part = doc_graph(extract_document(doc, ref), ref)
            entry = decode_part(encode_part(doc.file_name, doc.path, part))
            assert entry.part == part and (entry.file_name, entry.path) == (doc.file_name, doc.path)
            # the same types, not just equal values (True == 1, 1.0 == 1): the outputs depend on them
            assert repr(entry.part) == repr(part)


@pytest.fixture(scope="module")
def one_entry() -> list:
    from kgraph.graph import Evidence
    from kgraph.resolve import DocGraph, EntityPart, MeetingPart, StatementPart, TopicPart
    ev = Evidence("document/abc", 3, 9, "En mening.", "extract.rule", 0.9)
    part = DocGraph("abc", "Titel", "2021-03-25", "txt", None,
                    (EntityPart("person/a-b", ("Person",), "A B", ("B",), {"scbCode": "1384"}, (ev,)),),
                    (StatementPart("person/a-b", "role", "kommunalråd", True, ev),),
                    (TopicPart("topic/x", "x", ("y",), "x", "", (ev,), ev),),
                    (MeetingPart("meeting/m", "visit", "held", "", "besök", ev, ("person/a-b",), None, ("topic/x",),
                                 (ev,), None, (ev,)),))
    return json.loads(zlib.decompress(encode_part("f.txt", "f.txt", part)))


def _blob(data: object) -> bytes:
    return zlib.compress(json.dumps(data).encode(), 1)


@pytest.mark.parametrize("change", [
    lambda d: d.__setitem__(0, "other"),                       # not a kgraph part
    lambda d: d.__setitem__(1, 0),                             # another layout
    lambda d: d.pop(),                                         # too short
    lambda d: d.__setitem__(8, {"a": 1}),                      # publisher of the wrong type
    lambda d: d.__setitem__(6, "25 mars"),                     # a date that is no ISO date
    lambda d: d[14][0].__setitem__(3, "2021-03-25T10:00"),     # a meeting date that is no ISO date
    lambda d: d[9].__setitem__(0, 7),                          # a string table entry that is no string
    lambda d: d[10][0].__setitem__(0, 99),                     # evidence: string index out of range
    lambda d: d[10][0].__setitem__(3, -1),                     # evidence: negative string index
    lambda d: d[10][0].__setitem__(5, 1),                      # evidence: confidence an int
    lambda d: d[10][0].__setitem__(5, 7.5),                    # evidence: confidence out of range
    lambda d: d[10][0].__setitem__(1, "3"),                    # evidence: offset a string
    lambda d: d[11][0][4].__setitem__("label", "x"),           # an attribute the graph does not take
    lambda d: d[11][0].__setitem__(1, "Person"),               # classes as a string, not a list
    lambda d: d[11][0].__setitem__(5, [0, "0"]),               # an evidence reference that is no int
    lambda d: d[12][0].__setitem__(4, 99),                     # evidence reference out of range
    lambda d: d[12][0].__setitem__(4, -1),                     # negative evidence reference
    lambda d: d[12][0].__setitem__(4, True),                   # a bool is not an index
    lambda d: d[12][0].__setitem__(3, "yes"),                  # literal flag not a bool
    lambda d: d[12][0].__setitem__(0, "person/a> <x"),         # a node id that would break an IRI
    lambda d: d[12][0].__setitem__(0, ""),                     # an empty node id
    lambda d: d[12][0].__setitem__(0, 5),                      # a node id that is no string
    lambda d: d[12][0].append("extra"),                        # a statement of the wrong arity
    lambda d: d[13][0].__setitem__(6, [0]),                    # a topic's first evidence as a list
    lambda d: d[14][0].__setitem__(6, [["person/a-b"]]),       # nested where strings belong
    lambda d: d[14][0].__setitem__(7, "x y"),                  # a location that is no node id
    lambda d: d[14][0].__setitem__(9, [0, 0]),                 # evidence of two participants for one
    lambda d: d[14][0].__setitem__(10, [0]),                   # the place's evidence as a list
    lambda d: d[14][0].__setitem__(11, [7]),                   # a topic's evidence out of range
    lambda d: d[14][0].pop(),                                  # a meeting of the old layout
])
def test_malformed_entries_are_rejected(one_entry, change):
    assert decode_part(_blob(one_entry)).part.doc_id == "abc"
    data = json.loads(json.dumps(one_entry))
    change(data)
    with pytest.raises(InvalidEntry):
        decode_part(_blob(data))


@pytest.mark.parametrize("blob", [
    b"", b"\x00", zlib.compress(b"not json"), zlib.compress(b"[" * 100_000 + b"]" * 100_000),
    zlib.compress(b'["kgraph-part", NaN]'), zlib.compress(b'"\\ud800"'), zlib.compress(b"\xff\xfe"),
    zlib.compress(b"[" + b"1" * 5000 + b"]"), zlib.compress(b"[]")[:-4],
])
def test_undecodable_blobs_are_rejected(blob):
    with pytest.raises(InvalidEntry):
        decode_part(blob)


def test_a_zlib_bomb_is_rejected_without_inflating_it(monkeypatch):
    monkeypatch.setattr(cache_mod, "_MAX_ENTRY_BYTES", 1 << 20)
    with pytest.raises(InvalidEntry):
        decode_part(zlib.compress(b" " * (4 << 20), 9))


def test_known_keys_answer_for_every_entry_and_travel_as_bytes(tmp_path):
    """What workers ask of the cache: every entry's key is known, a key that differs from one
    within its first 64 bits is not, and the set pickles to 8 bytes a key whatever its order."""
    src = copy_samples(tmp_path)
    kgraph_build(src, tmp_path / "out")
    store = cache_mod.ExtractionCache(tmp_path / "out")
    store.open()
    try:
        keys = [k for (k,) in store.db.execute("SELECT key FROM entries")]
        known = store.keys()
    finally:
        store.close()
    assert len(keys) >= 5 and len(known) == len(keys)
    assert all(k in known for k in keys)
    for k in keys:
        other = k[:7] + format((int(k[7], 16) + 1) % 16, "x") + k[8:]
        assert other not in known
    assert "" not in known and "not a hex key" not in known and None not in known
    again = pickle.loads(pickle.dumps(known))
    assert all(k in again for k in keys) and len(again) == len(keys)
    assert len(pickle.dumps(known)) < 8 * len(keys) + 200
    shuffled = cache_mod.KnownKeys.of(reversed(keys))
    assert all(k in shuffled for k in keys) and len(shuffled) == len(keys)
    assert not cache_mod.KnownKeys() and "0" * 64 not in cache_mod.KnownKeys()


def test_a_key_taken_for_cached_without_an_entry_is_extracted_by_the_build(tmp_path, monkeypatch):
    """KnownKeys keeps 64 bits of each key: a key it takes for cached by mistake has no entry, and
    the build then extracts the document itself, with the outputs of a build without the mistake."""
    src = copy_samples(tmp_path)
    kgraph_build(src, tmp_path / "plain")
    monkeypatch.setattr(cache_mod.KnownKeys, "__contains__", lambda self, key: True)
    res = kgraph_build(src, tmp_path / "mistaken")
    assert NOTE not in res.stderr
    assert outputs(tmp_path / "mistaken") == outputs(tmp_path / "plain")


# --- a corpus file whose texts move ------------------------------------------------------------------------------

def _lines(*texts: str, first_id: str | None = None) -> str:
    rows = [{"text": t} for t in texts]
    if first_id is not None:
        rows[-1]["id"] = first_id
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def _message(subject: str, body: str) -> str:
    return (f"From avsandare@example.se Mon Mar  1 10:00:00 2021\nFrom: avsandare@example.se\n"
            f"Subject: {subject}\nDate: Mon, 1 Mar 2021 10:00:00 +0100\n\n{body}\n\n")


@pytest.mark.parametrize("name,first,second", [
    ("korpus.jsonl",
     _lines("Civilministern besökte Filipstads kommun den 3 mars 2021.", first_id="x"),
     _lines("Kommunstyrelsen i Bräcke kommun sammanträdde.",
            "Civilministern besökte Filipstads kommun den 3 mars 2021.")),
    ("brev.mbox",
     _message("Besök", "Civilministern besökte Filipstads kommun den 3 mars 2021."),
     _message("Möte", "Kommunstyrelsen i Bräcke kommun sammanträdde.")
     + _message("Besök", "Civilministern besökte Filipstads kommun den 3 mars 2021.")),
], ids=["jsonl", "mbox"])
def test_a_text_that_moves_in_a_corpus_file_keeps_its_new_name_in_later_builds(tmp_path, name, first, second):
    """A line (or message) added before a cached one: the cached text is now the second document of
    the file; every later build, taking it from the cache, names it so, as a fresh build does."""
    src = tmp_path / "in"
    src.mkdir()
    corpus = src / name
    corpus.write_text(first, encoding="utf-8")
    os.utime(corpus, (OLD, OLD))
    kgraph_build(src, tmp_path / "out")
    corpus.write_text(second, encoding="utf-8")
    os.utime(corpus, (OLD + 60, OLD + 60))
    kgraph_build(src, tmp_path / "out")  # the file changed: read again, the moved text from the cache
    kgraph_build(src, tmp_path / "out")  # the file unchanged: every document from the cache
    kgraph_build(src, tmp_path / "fresh")
    assert f'"{name}#2"' in (tmp_path / "fresh" / "graph.ttl").read_text(encoding="utf-8")
    assert outputs(tmp_path / "out") == outputs(tmp_path / "fresh")


def test_a_lower_or_higher_max_bytes_gives_what_a_fresh_build_gives(tmp_path):
    """The size limit decides what an unchanged file yields (a file, a line of a corpus over it is
    skipped): after --max-bytes changes, the build is the one a fresh build with that limit makes."""
    src = tmp_path / "in"
    src.mkdir()
    long_text = "Civilministern besökte Filipstads kommun den 3 mars 2021. " + "Kommunen växer. " * 300
    (src / "kort.txt").write_text("Kommunstyrelsen i Bräcke kommun sammanträdde i går.", encoding="utf-8")
    (src / "lang.txt").write_text(long_text, encoding="utf-8")
    (src / "rader.jsonl").write_text(_lines("Regionstyrelsen i Region Jämtland Härjedalen sammanträdde.", long_text),
                                     encoding="utf-8")
    for p in src.iterdir():
        os.utime(p, (OLD, OLD))

    def build_with(out: Path, *limit: str):
        return runner().invoke(main, ["build", str(src), "--out", str(out), "--no-html", "--no-sparql", "-j", "1",
                                      *limit])

    assert build_with(tmp_path / "out").exit_code == 0
    for limit, code in ((("--max-bytes", "2000"), 3), ((), 0)):
        res = build_with(tmp_path / "out", *limit)
        fresh = build_with(tmp_path / f"fresh{len(limit)}", *limit)
        assert (res.exit_code, fresh.exit_code) == (code, code), (res.output, fresh.output)
        assert outputs(tmp_path / "out") == outputs(tmp_path / f"fresh{len(limit)}")
        if code == 3:
            assert "lang.txt" in res.stderr and "rader.jsonl#2" in res.stderr
