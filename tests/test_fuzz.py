"""What the fuzz harness (benchmarks/bench_fuzz.py) found, one regression test each, with
invented inputs; and a small seeded run of the harness itself."""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.ingest import read_file

REPO = Path(__file__).resolve().parent.parent


def _docx_bytes() -> bytes:
    import docx
    d = docx.Document()
    d.add_paragraph("Kommunstyrelsen sammanträdde i Ljusdal.")
    bio = io.BytesIO()
    d.save(bio)
    return bio.getvalue()


def test_a_docx_whose_zip_directory_asks_for_an_unknown_version_is_skipped_with_a_reason(tmp_path):
    """A flipped byte in the central directory's 'version needed' field: zipfile raises
    NotImplementedError, which escaped the zip-bomb check as a traceback."""
    data = bytearray(_docx_bytes())
    at = data.index(b"PK\x01\x02")  # the first central directory record
    data[at + 6:at + 8] = (168).to_bytes(2, "little")  # version needed to extract: 16.8
    p = tmp_path / "protokoll.docx"
    p.write_bytes(bytes(data))
    try:
        read_file(p)
    except Exception as exc:  # noqa: BLE001 - the test is what escapes
        from kgraph.errors import InputError
        assert isinstance(exc, InputError), repr(exc)
        assert "protokoll.docx" in str(exc) and "zip file version" in str(exc)
    else:
        raise AssertionError("a damaged .docx was read")


def _bench_fuzz():
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import bench_fuzz
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return bench_fuzz


# --- a bare domain is looked for where a run of word characters and hyphens begins ----------------------------

OLD_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+|\b[\w-]+\.(?:se|nu|com|org|eu|net)\b(?:/[^\s<>\"]*)?",
                        re.UNICODE | re.IGNORECASE)
URL_PIECES = ["a", "Ö", "-", "--", ".", "_", " ", "/", ":", "\"", "<", "1", "se", "nu", "SE", "www.", "WWW.",
              "http://", "https://", "kommun.se", "x.nu/sida"]


def test_a_bare_domain_is_not_tried_inside_a_run_of_hyphenated_words():
    """"AhmÖ-Ö-Ö-...": the old pattern tried a bare domain at each word boundary in the run,
    each attempt running to its end: time quadratic in the run (a 100 KB token took minutes
    and was skipped for its time). A match now starts only where the run does."""
    from kgraph.text import URL_RE, url_matches
    assert URL_RE.match("xÖ-ljusdal.se", 3) is None  # inside the run "xÖ-ljusdal"
    assert OLD_URL_RE.match("xÖ-ljusdal.se", 3) is not None  # where the old one started again
    assert URL_RE.search("Läs mer på ljusdal.se/nyheter idag")[0] == "ljusdal.se/nyheter"
    # in a word that holds an anchor (".se"), only "sx.se" is an address: no start inside "AhmÖ-Ö-Ö-Ö"
    assert [m.start() for m in url_matches("AhmÖ-Ö-Ö-Ö.sx.se")] == [11]


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(URL_PIECES), max_size=25).map("".join))
def test_web_addresses_are_found_where_the_old_pattern_found_them(text):
    from kgraph.text import url_matches
    got = [(m.start() + len(m.groupdict().get("lead") or ""), m.end()) for m in url_matches(text)]
    assert got == [(m.start(), m.end()) for m in OLD_URL_RE.finditer(text)]


def test_a_long_hyphenated_token_is_masked_like_any_other_text():
    from kgraph.text import mask_contacts
    text = "Mejla ahmed@ljusdal.se eller se ljusdal.se-Ö.nu. Ahm" + "Ö-" * 20_000 + "ed Lind, ordförande."
    masked = mask_contacts(text)
    assert len(masked) == len(text) and "ljusdal" not in masked and "Ö.nu" not in masked
    assert masked.endswith("Ö-" * 20_000 + "ed Lind, ordförande.")


# --- an input whose text another input has is named, not dropped without a word ------------------------------

def test_an_input_with_the_same_text_as_another_is_named_in_the_summary(tmp_path):
    """A truncated or spliced copy can come out as the same text as another input (here: a
    copy, a link, and an e-mail whose body is that text): the graph holds the text once, and
    the summary names each other input and the one whose document it is."""
    import os
    import time

    from click.testing import CliRunner

    from kgraph.cli import main
    from kgraph.pipeline import Duplicate, build
    text = "Landsbygdsministern besökte Ljusdals kommun den 3 maj 2021 och träffade kommunstyrelsen."
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(text, encoding="utf-8")
    (src / "b.txt").write_text(text, encoding="utf-16")  # another encoding, the same text
    (src / "c.eml").write_bytes(b"Subject: x\nContent-Type: text/plain; charset=utf-8\n\n" + text.encode())
    (src / "d.txt").symlink_to(src / "a.txt")
    (src / "e.jsonl").write_text('{"text": "Ett annat dokument om Ljusdal."}\n' * 2, encoding="utf-8")
    old = time.time() - 3600
    for p in src.iterdir():
        os.utime(p, (old, old), follow_symlinks=False)
    out = tmp_path / "out"
    want = [Duplicate(f"{src}/b.txt", f"{src}/a.txt"), Duplicate(f"{src}/c.eml", f"{src}/a.txt"),
            Duplicate(f"{src}/d.txt", f"{src}/a.txt"), Duplicate(f"{src}/e.jsonl#2", f"{src}/e.jsonl#1")]
    result = build([src], out, jobs=1)
    assert result.documents == 2 and result.skipped == []
    assert result.duplicates == want
    names = {d["file_name"] for _, d in result.graph.nodes(kind="document")}
    assert names == {"a.txt", "e.jsonl#1"}
    again = build([src], out, jobs=1)  # from the cache: the same words, the same graph
    assert again.extracted == 0 and again.duplicates == want
    assert {d["file_name"] for _, d in again.graph.nodes(kind="document")} == names
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--jobs", "2", "--no-html"])
    assert r.exit_code == 0, r.output
    assert "documents: 2 (6 texts, 4 the same as another, 6 from cache)" in r.output
    assert f"duplicate {src}/c.eml: same text as {src}/a.txt (one document)" in r.output


# --- the harness itself, on a small seeded corpus -------------------------------------------------------------

def test_a_small_seeded_fuzz_corpus_builds_without_traceback_hang_or_silent_drop(tmp_path):
    """40 inputs of benchmarks/bench_fuzz.py (every format, mutated; odd names, links, a FIFO, an
    unreadable file and folder; long inputs at 5% of their length) in one build: every target met.
    The 10,000-file run is the benchmark."""
    bench = _bench_fuzz()
    results, labels = bench.run(count=40, seed=3, chunk=40, jobs=1, work=tmp_path, wall=300, max_seconds=60,
                                file_seconds=90, memory_limit=bench.GB, echo=lambda *_: None, scale=0.05)
    bench.unlock(tmp_path / "corpus")
    table, ok = bench.report(results, bench.GB)
    assert ok, table + "\n" + "\n".join(t for r in results for t in r.tracebacks) + "\n" + "\n".join(
        e.shown[0] for r in results for e in r.drops)
    (res,) = results
    assert res.code == 3 and res.documents > 10 and res.skipped_lines >= 5  # the unreadable ones are named
    assert {"link-to-file", "fifo", "unreadable-file", "unreadable-folder", "broken-link"} <= set(labels)
