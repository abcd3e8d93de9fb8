"""The build: mixed inputs, skipped files and exit codes, nothing lost, incremental and parallel builds."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgraph.pipeline as pipeline
from kgraph import cache as cache_mod
from kgraph.cli import main
from kgraph.errors import InputError, KgraphError, NoDocumentsError, UsageError
from kgraph.pipeline import build, parse_size

REPO = Path(__file__).resolve().parent.parent
GENRE = REPO / "tests" / "fixtures" / "genre" / "docs"
DOCS = ["012_haparanda_civilministern.txt", "010_hultsfred_ministerbesok_uppskjutet.txt",
        "014_karlskrona_civilt_forsvar.txt", "016_vara_landsbygdsministern.txt"]
OUTPUTS = ("graph.ttl", "graph.json", "graph.html")
KGRAPH = [sys.executable, "-c", "import sys; from kgraph.cli import main; sys.exit(main())"]
OLD = time.time() - 3600  # an mtime old enough for the cache to trust it


def corpus(tmp_path: Path, names=DOCS[:3], old: bool = True) -> Path:
    src = tmp_path / "korpus"
    src.mkdir(exist_ok=True)
    for n in names:
        p = src / n
        shutil.copy(GENRE / n, p)
        if old:
            os.utime(p, (OLD, OLD))
    return src


def snapshot(out: Path) -> dict[str, str]:
    """Each output's SHA-256: equal snapshots are equal bytes, and a failed comparison prints 64 characters
    per file, not a diff of megabytes (pytest's diff of two large byte strings takes many minutes)."""
    return {n: hashlib.sha256((out / n).read_bytes()).hexdigest() for n in OUTPUTS if (out / n).exists()}


def no_leftovers(out: Path) -> bool:
    """Nothing beside the outputs of one build: no unfinished generation, no temporary link."""
    state = out / ".kgraph"
    return set(os.listdir(state)) == {"lock", "current", os.readlink(state / "current")}


def doc_files(result) -> set[str]:
    return {d["file_name"] for _, d in result.graph.nodes(kind="document")}


@pytest.fixture
def count_extractions(monkeypatch):
    calls: list[str] = []
    real = pipeline.extract_document

    def counting(doc, ref=None):
        calls.append(doc.file_name)
        return real(doc, ref)
    monkeypatch.setattr(pipeline, "extract_document", counting)
    return calls


# --- mixed formats, skipped inputs, exit codes --------------------------------------------------------------

def test_mixed_folder_builds_and_lists_what_was_skipped(tmp_path):
    src = corpus(tmp_path, DOCS[:1])
    (src / "sida.html").write_text("<html><head><title>Besök i Vara</title><meta property='og:site_name' "
                                   "content='Vara kommun'></head><body><nav>Meny</nav><p>Landsbygdsminister "
                                   "Jennie Nilsson besökte Vara kommun den 3 maj 2021.</p></body></html>",
                                   encoding="utf-8")
    (src / "korpus.jsonl").write_text(json.dumps({"id": "n1", "text": "Civilminister Lena Micko besökte "
                                                  "Kungsbacka."}, ensure_ascii=False) + "\n{trasig\n",
                                      encoding="utf-8")
    (src / "tom.txt").write_bytes(b"")
    (src / "bild.png").write_bytes(b"\x89PNG\r\n")
    (src / "borta.txt").symlink_to(src / "finns-inte.txt")
    result = build([src], tmp_path / "out")
    assert doc_files(result) == {DOCS[0], "sida.html", "korpus.jsonl#n1"}
    assert result.documents == 3
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert set(reasons) == {"korpus.jsonl#2", "tom.txt", "bild.png", "borta.txt"}
    assert "broken symbolic link" in reasons["borta.txt"] and "unsupported" in reasons["bild.png"]
    summary = result.summary()
    for s in result.skipped:
        assert f"skipped {s.path}: {s.reason}" in summary
    assert all((tmp_path / "out" / n).is_file() for n in OUTPUTS)


def run_cli(*args: str):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


def test_exit_codes(tmp_path):
    src = corpus(tmp_path, DOCS[:1])
    out = str(tmp_path / "out")
    r = run_cli(str(src), "--out", out, "--jobs", "1")
    assert r.exit_code == 0, r.output
    assert "documents: 1" in r.output
    (src / "tom.txt").write_bytes(b"")
    r = run_cli(str(src), "--out", out, "--jobs", "1")
    assert r.exit_code == 3 and "tom.txt: empty file" in r.output
    r = run_cli(str(src / "tom.txt"), "--out", out)
    assert r.exit_code == 1 and "nothing to build" in r.output and "tom.txt" in r.output
    assert "Traceback" not in r.output
    r = run_cli(str(src), "--out", out, "--strict")
    assert r.exit_code == 1 and r.output.strip().endswith("tom.txt: empty file")
    for bad in (["--jobs", "0"], ["--max-bytes", "lots"], ["--no-such-option"]):
        r = run_cli(str(src), "--out", out, *bad)
        assert r.exit_code == 2, (bad, r.output)
    r = run_cli(str(tmp_path / "saknas"), "--out", out)
    assert r.exit_code == 1 and "saknas: no such file or folder" in r.output


def test_missing_input_is_skipped_and_the_rest_is_built(tmp_path):
    src = corpus(tmp_path, DOCS[:1])
    r = run_cli(str(src), str(tmp_path / "saknas.txt"), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert r.exit_code == 3 and "saknas.txt: no such file or folder" in r.output


def test_strict_stops_at_the_first_bad_file_and_writes_nothing(tmp_path):
    src = corpus(tmp_path, DOCS[:2])
    (src / "001_tom.txt").write_bytes(b"")
    (src / "002_binar.txt").write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="001_tom.txt"):
        build([src], tmp_path / "out", strict=True, jobs=2)
    assert not any((tmp_path / "out" / n).exists() for n in OUTPUTS)


def test_max_bytes_limit(tmp_path):
    src = corpus(tmp_path, DOCS[:2])
    result = build([src], tmp_path / "out", max_bytes=1700)
    assert doc_files(result) == {DOCS[1]}  # the other one is 1772 bytes
    assert "over the limit of 1700" in result.skipped[0].reason
    assert parse_size("50M") == 50 * 1024 * 1024 and parse_size("500k") == 512000 and parse_size("123") == 123
    with pytest.raises(UsageError):
        parse_size("fem")
    with pytest.raises(UsageError):
        build([src], tmp_path / "out", jobs=0)


# --- nothing lost -------------------------------------------------------------------------------------------

def test_a_build_that_reads_nothing_leaves_outputs_untouched(tmp_path):
    src = corpus(tmp_path, DOCS[:1])
    out = tmp_path / "out"
    build([src], out)
    before = snapshot(out)
    mtimes = {n: (out / n).stat().st_mtime_ns for n in OUTPUTS}
    bad = tmp_path / "dåligt"
    bad.mkdir()
    (bad / "tom.txt").write_bytes(b"")
    (bad / "x.pdf").write_bytes(b"%PDF-1.4 trasig")
    with pytest.raises(NoDocumentsError):
        build([bad], out)
    assert snapshot(out) == before
    assert {n: (out / n).stat().st_mtime_ns for n in OUTPUTS} == mtimes


def test_a_failing_write_leaves_the_previous_outputs(tmp_path, monkeypatch):
    src = corpus(tmp_path, DOCS[:1])
    out = tmp_path / "out"
    build([src], out)
    before = snapshot(out)
    store_before = sorted(p.relative_to(out) for p in (out / "store").rglob("*")) if (out / "store").exists() else []
    real = pipeline.write_outputs

    def failing(kg, folder, html=True, **_):
        real(kg, folder, html=html)  # everything written ... then the disk fills up
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(pipeline, "write_outputs", failing)
    corpus(tmp_path, DOCS[1:2])
    with pytest.raises(KgraphError, match="No space left on device.*previous outputs are left"):
        build([src], out)
    assert snapshot(out) == before
    if store_before:
        assert sorted(p.relative_to(out) for p in (out / "store").rglob("*")) == store_before
    assert no_leftovers(out)


KILL_DRIVER = """
import signal, sys, time, pathlib
# Ctrl-C as a terminal delivers it: a runner that starts the tests in the background without job control
# hands them SIGINT ignored, and the build would then never see it
signal.signal(signal.SIGINT, signal.default_int_handler)
import kgraph.pipeline as p
stage, ready = sys.argv[1], pathlib.Path(sys.argv[2])
real_write, real_extract = p.write_outputs, p.extract_document
def slow_write(kg, folder, html=True, **kw):
    real_write(kg, folder, html=html, **kw)  # all written into the new generation, not switched in yet
    ready.write_text("written")
    time.sleep(120)
def slow_extract(doc, ref=None):  # runs in the workers (forked after this patch)
    ex = real_extract(doc, ref)
    ready.write_text("extracting")
    time.sleep(0.5)
    return ex
if stage == "write":
    p.write_outputs = slow_write
else:
    p.extract_document = slow_extract
from kgraph.cli import main
main(["build", *sys.argv[3:]])
"""


def interrupt_build(tmp_path: Path, src: Path, out: Path, stage: str, sig: int) -> tuple[int, str]:
    ready = tmp_path / "ready"
    ready.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", KILL_DRIVER, stage, str(ready), str(src), "--out", str(out),
                             "--jobs", "2"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 120
        while not ready.exists() and proc.poll() is None and time.time() < deadline:
            time.sleep(0.05)
        assert ready.exists(), proc.stderr.read().decode() if proc.poll() is not None else "timeout"
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, err.decode()


@pytest.mark.parametrize("stage", ["extract", "write"])
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_a_killed_build_leaves_the_previous_outputs(tmp_path, sig, stage):
    src = corpus(tmp_path, DOCS[:1])
    out = tmp_path / "out"
    build([src], out)
    before = snapshot(out)
    corpus(tmp_path, DOCS[1:4])
    code, err = interrupt_build(tmp_path, src, out, stage, sig)
    assert snapshot(out) == before
    assert "Traceback" not in err
    if sig != signal.SIGKILL:
        assert code == 130 and "interrupted" in err, err
        assert no_leftovers(out)
    # the next build cleans up after the killed one and writes the new graph
    result = build([src], out)
    assert len(doc_files(result)) == 4
    assert no_leftovers(out)


# --- incremental --------------------------------------------------------------------------------------------

def test_incremental_rebuild_extracts_only_what_is_new(tmp_path, count_extractions):
    src = corpus(tmp_path, DOCS[:3])
    out = tmp_path / "out"
    first = build([src], out)
    assert sorted(count_extractions) == sorted(DOCS[:3]) and first.extracted == 3
    count_extractions.clear()

    corpus(tmp_path, DOCS[3:4])  # one new file
    second = build([src], out)
    assert count_extractions == [DOCS[3]]
    assert (second.extracted, second.cached, second.documents) == (1, 3, 4)
    count_extractions.clear()

    third = build([src], out)  # nothing changed
    assert count_extractions == [] and third.cached == 4

    forced = build([src], out, rebuild=True)
    assert sorted(count_extractions) == sorted(DOCS) and forced.extracted == 4


def test_unchanged_files_are_not_even_read(tmp_path, monkeypatch):
    src = corpus(tmp_path, DOCS[:3])
    out = tmp_path / "out"
    build([src], out)
    reads: list[str] = []
    real = pipeline.read_file
    monkeypatch.setattr(pipeline, "read_file", lambda p, m: reads.append(Path(p).name) or real(p, m))
    (src / DOCS[0]).write_text((GENRE / DOCS[0]).read_text(encoding="utf-8") + "\nTillägg.\n", encoding="utf-8")
    result = build([src], out)
    assert reads == [DOCS[0]] and result.extracted == 1 and result.cached == 2


def test_unwritable_output_folder_is_a_clear_error(tmp_path):
    src = corpus(tmp_path, DOCS[:1])
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    r = run_cli(str(src), "--out", str(blocker / "out"), "--jobs", "1")
    assert r.exit_code == 1 and "cannot write the outputs" in r.output and "Traceback" not in r.output


def test_removed_file_leaves_the_graph(tmp_path):
    src = corpus(tmp_path, DOCS[:3])
    out = tmp_path / "out"
    full = build([src], out)
    gone = DOCS[0]  # Haparanda: the only document about it
    assert "municipality/2583" in full.graph and "person/niina-rantakokko" in full.graph
    (src / gone).unlink()
    result = build([src], out)
    assert gone not in doc_files(result)
    assert "municipality/2583" not in result.graph and "person/niina-rantakokko" not in result.graph
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "Haparanda" not in ttl and "Rantakokko" not in ttl
    build([src], tmp_path / "fresh")
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path):
    import sqlite3
    src = corpus(tmp_path, DOCS[:3])
    out = tmp_path / "out"
    build([src], out)
    (src / DOCS[0]).unlink()
    (src / "kopia.txt").write_text((src / DOCS[1]).read_text(encoding="utf-8"), encoding="utf-8")
    result = build([src], out)
    assert result.documents == 2 and [d.path for d in result.duplicates] == [str(src / "kopia.txt")]
    db = sqlite3.connect(out / cache_mod.CACHE_DIR / "cache.sqlite")
    keys = {k for (k,) in db.execute("SELECT key FROM entries")}
    files = {Path(p).name for (p,) in db.execute("SELECT path FROM files")}
    db.close()
    assert len(keys) == 2 and DOCS[0] not in files and {DOCS[1], DOCS[2]} <= files  # kopia.txt: too new to be


def test_renamed_and_edited_files(tmp_path, count_extractions):
    src = corpus(tmp_path, DOCS[:2])
    out = tmp_path / "out"
    build([src], out)
    count_extractions.clear()
    (src / DOCS[0]).rename(src / "omdöpt.txt")
    result = build([src], out)
    assert count_extractions == []  # same text: the cached extraction, under its new name
    assert "omdöpt.txt" in doc_files(result) and DOCS[0] not in doc_files(result)
    node = next(d for _, d in result.graph.nodes(kind="document") if d["file_name"] == "omdöpt.txt")
    assert node["path"] == str(src / "omdöpt.txt")
    (src / DOCS[1]).write_text("Civilminister Lena Micko besökte Kungsbacka den 3 maj 2021.\n", encoding="utf-8")
    result = build([src], out)
    assert count_extractions == [DOCS[1]]


def test_cache_follows_the_extractor_version(tmp_path, count_extractions, monkeypatch):
    src = corpus(tmp_path, DOCS[:2])
    out = tmp_path / "out"
    build([src], out)
    count_extractions.clear()
    monkeypatch.setattr(cache_mod, "EXTRACTOR_VERSION", cache_mod.EXTRACTOR_VERSION + "-next")
    build([src], out)
    assert sorted(count_extractions) == sorted(DOCS[:2])


def test_damaged_cache_is_rebuilt_not_an_error(tmp_path):
    src = corpus(tmp_path, DOCS[:2])
    out = tmp_path / "out"
    build([src], out)
    db = out / cache_mod.CACHE_DIR / "cache.sqlite"
    for p in db.parent.iterdir():
        p.write_bytes(b"this is not a database" * 100)
    result = build([src], out)
    assert result.extracted == 2 and result.documents == 2


def test_corrupt_cache_entry_is_a_miss(tmp_path):
    import sqlite3
    src = corpus(tmp_path, DOCS[:2])
    out = tmp_path / "out"
    build([src], out)
    db = sqlite3.connect(out / cache_mod.CACHE_DIR / "cache.sqlite")
    db.execute("UPDATE entries SET data = x'00'")
    db.commit()
    db.close()
    result = build([src], out)
    assert result.documents == 2 and result.extracted == 2


def test_jsonl_corpus_is_cached_per_line(tmp_path, count_extractions):
    src = tmp_path / "k"
    src.mkdir()
    texts = [(GENRE / n).read_text(encoding="utf-8") for n in DOCS[:3]]
    p = src / "korpus.jsonl"
    p.write_text("\n".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False)
                           for i, t in enumerate(texts[:2])) + "\n", encoding="utf-8")
    build([src], tmp_path / "out")
    count_extractions.clear()
    with open(p, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "d2", "text": texts[2]}, ensure_ascii=False) + "\n")
    result = build([src], tmp_path / "out")
    assert count_extractions == ["korpus.jsonl#d2"] and result.documents == 3


# --- parallel -----------------------------------------------------------------------------------------------

def test_jobs_give_byte_identical_outputs(tmp_path):
    src = corpus(tmp_path, DOCS)
    for i, n in enumerate(DOCS[:2]):  # the same texts again as JSON Lines and HTML
        t = (GENRE / n).read_text(encoding="utf-8")
        (src / f"k{i}.jsonl").write_text(json.dumps({"text": t + " Extra."}, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    (src / "sida.html").write_text("<html><body><p>Civilminister Lena Micko besökte Kungsbacka.</p></body></html>",
                                   encoding="utf-8")
    one = build([src], tmp_path / "j1", jobs=1)
    two = build([src], tmp_path / "j2", jobs=2)
    assert two.jobs == 2 and one.documents == two.documents == 7
    for n in OUTPUTS:
        assert (tmp_path / "j1" / n).read_bytes() == (tmp_path / "j2" / n).read_bytes(), n
    cached = build([src], tmp_path / "j2", jobs=2)  # and from the cache
    assert cached.cached == 7
    for n in OUTPUTS:
        assert (tmp_path / "j1" / n).read_bytes() == (tmp_path / "j2" / n).read_bytes(), n
    build([src], tmp_path / "j2ns", jobs=2, sparql=False)  # graph.json and the page by a helper (2 cores)
    for n in OUTPUTS:
        assert (tmp_path / "j1" / n).read_bytes() == (tmp_path / "j2ns" / n).read_bytes(), n


def test_progress_callback_and_quiet_when_piped(tmp_path):
    src = corpus(tmp_path, DOCS[:2])
    seen = []
    build([src], tmp_path / "out", progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert seen[0] == ("read", 0, 2) and ("read", 2, 2) in seen and seen[-1] == ("done", 1, 1)
    r = subprocess.run([*KGRAPH, "build", str(src), "--out", str(tmp_path / "o2")],
                       cwd=REPO, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0
    assert r.stderr.startswith("documents: 2") and "reading and extracting" not in r.stderr
    assert r.stdout == ""


def test_progress_bar_on_a_terminal(tmp_path):
    import pty
    src = corpus(tmp_path, DOCS[:2])
    pid, fd = pty.fork()
    if pid == 0:  # child: the build with a terminal on stderr
        os.chdir(REPO)
        os.execv(sys.executable, [*KGRAPH, "build", str(src), "--out",
                                  str(tmp_path / "out"), "--jobs", "2"])
    chunks = []
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0
    assert "reading and extracting" in text or "building the graph" in text or "writing outputs" in text
    assert "documents: 2" in text


def test_no_sparql_builds_the_lookups_and_sparql_says_how_to_get_them(tmp_path):
    """--no-sparql leaves out the store's costliest part; kgraph query works, kgraph sparql says why not."""
    src, out = corpus(tmp_path), tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--no-sparql", "--no-html", "-j", "1"])
    assert r.exit_code == 0, r.output
    assert (out / "graph.ttl").stat().st_size > 1000
    q = CliRunner().invoke(main, ["query", "entities", "--graph", str(out), "--format", "json"])
    assert q.exit_code == 0 and "Haparanda" in q.output
    s = CliRunner().invoke(main, ["sparql", "--graph", str(out), "SELECT * WHERE { ?s ?p ?o } LIMIT 1"])
    assert s.exit_code == 1 and "--no-sparql" in s.output and "Traceback" not in s.output
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--no-html", "-j", "1"])
    s = CliRunner().invoke(main, ["sparql", "--graph", str(out), "--format", "json",
                                  "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"])
    assert s.exit_code == 0 and json.loads(s.output)["rows"][0]["n"] > 100


def test_a_build_into_its_input_folder_does_not_read_its_own_outputs(tmp_path):
    """OUT is the input folder: graph.ttl, graph.json, graph.html, store and kgraph view's
    view.html there are the build's, not documents; a user's other files there are read."""
    src = corpus(tmp_path, DOCS[:2])
    first = build([src], src)
    assert first.skipped == [] and first.documents == 2
    (src / "view.html").write_text("<html><body><p>Sidan som kgraph view skrev.</p></body></html>", encoding="utf-8")
    again = build([src], src)
    assert again.skipped == [] and again.documents == 2 and again.cached == 2
    (src / "notiser.html").write_text("<html><body><p>Civilminister Lena Micko besökte Kungsbacka.</p></body></html>",
                                      encoding="utf-8")
    assert build([src], src).documents == 3  # a page of the user's is an input like any other
