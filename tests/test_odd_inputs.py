"""Nothing skipped without a word: file names that are not UTF-8, symbolic links to folders,
folders that cannot be read, declared charsets that do not fit the bytes, and the cache of a
build that could not write its outputs."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

import kgraph.pipeline as pipeline
from kgraph.cli import main
from kgraph.errors import KgraphError
from kgraph.ingest import read_file
from kgraph.pipeline import build

REPO = Path(__file__).resolve().parent.parent
KGO = rdflib.Namespace("https://w3id.org/kgraph/ontology#")
OLD = time.time() - 3600  # old enough for the cache to trust the file's size and time
TEXT = "Civilminister Lena Micko besökte Söderhamns kommun den 3 maj 2021 och träffade kommunstyrelsen."
OTHER = "Landsbygdsminister Jennie Nilsson besökte Vara kommun den 5 maj 2021."
KGRAPH = [sys.executable, "-c", "import sys; from kgraph.cli import main; sys.exit(main())"]


def write(path: Path | bytes, text: str, encoding: str = "utf-8") -> None:
    with open(path, "wb") as fh:
        fh.write(text.encode(encoding))
    os.utime(path, (OLD, OLD))


def file_names(result) -> set[str]:
    return {d["file_name"] for _, d in result.graph.nodes(kind="document")}


# --- (a) a file name that is not UTF-8 ----------------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    write(os.fsencode(src) + b"/caf\xe9.txt", TEXT)  # latin-1 bytes, as old Windows shares write them
    write(os.fsencode(src) + b"/tom\xe9.txt", "")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--jobs", "1"])
    assert r.exit_code == 3, r.output
    assert "Traceback" not in r.output
    assert "tom\\xe9.txt: empty file" in r.output  # named, escaped
    turtle = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert {str(o) for o in turtle.objects(None, KGO.fileName)} == {"caf\\xe9.txt"}
    nodes = json.loads((out / "graph.json").read_text("utf-8"))["nodes"]
    assert [n["file_name"] for n in nodes if n.get("kind") == "document"] == ["caf\\xe9.txt"]
    again = build([src], out, jobs=1)  # the cache keeps the file, under a key SQLite can store
    assert again.cached == 1 and again.extracted == 0 and file_names(again) == {"caf\\xe9.txt"}
    assert [str(s) for s in again.skipped] == [f"{src}/tom\\xe9.txt: empty file"]


# --- (b) symbolic links to folders ----------------------------------------------------------------------------

def test_symbolic_links_to_folders_are_followed_and_a_loop_ends(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    write(src / "sub" / "a.txt", TEXT)
    write(elsewhere / "b.txt", OTHER)
    (src / "lankad").symlink_to(elsewhere)  # followed
    (src / "igen").symlink_to(elsewhere)  # a second link to the same folder: read once
    (src / "sub" / "runt").symlink_to(src)  # a loop: ends at once
    result = build([src], tmp_path / "out", jobs=1)
    assert file_names(result) == {"a.txt", "b.txt"}
    assert result.skipped == []


# --- (c) a folder that cannot be read -------------------------------------------------------------------------

def test_an_unreadable_folder_is_named_with_its_reason(tmp_path):
    src = tmp_path / "src"
    locked = src / "last"
    locked.mkdir(parents=True)
    write(src / "a.txt", TEXT)
    write(locked / "b.txt", OTHER)
    out = tmp_path / "out"
    args = ["build", str(src), "--out", str(out), "--jobs", "1"]
    locked.chmod(0)
    try:
        if os.geteuid() != 0:
            r = CliRunner().invoke(main, args)
            code, err = r.exit_code, r.output
        else:  # root reads any folder: run the build without the capabilities that allow it
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                pytest.skip("root reads folders whatever their mode, and setpriv is not here to drop that")
            proc = subprocess.run([setpriv, "--bounding-set=-dac_override,-dac_read_search", *KGRAPH, *args],
                                  cwd=REPO, capture_output=True, text=True)
            if "setpriv:" in proc.stderr:
                pytest.skip(f"cannot drop capabilities here: {proc.stderr.strip()}")
            code, err = proc.returncode, proc.stderr
    finally:
        locked.chmod(0o755)
    assert code == 3, err
    assert f"skipped {locked}: folder cannot be read (Permission denied); its files were not read" in err
    assert "documents: 1 " in err and "Traceback" not in err


# --- (d) a declared charset that does not fit the bytes -------------------------------------------------------

def test_a_charset_declared_over_bytes_it_does_not_fit_is_not_trusted(tmp_path):
    body = TEXT.encode("cp1252")
    body += b"\n" * (len(body) % 2 + 2)  # an even length: the bytes decode as UTF-16, into nonsense
    eml = tmp_path / "brev.eml"
    eml.write_bytes(b"From: Kommunen <info@soderhamn.se>\nSubject: Bes\xf6k\nMIME-Version: 1.0\n"
                    b"Content-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: 8bit\n\n" + body)
    page = tmp_path / "sida.html"
    page.write_bytes(b"<html><head><meta charset='koi8-r'><title>Bes\xf6k</title></head><body><p>" + body
                     + b"</p></body></html>")
    for path in (eml, page):
        doc = read_file(path)[0][0]
        assert doc.text.strip() == TEXT, path
    russian = "Министр посетил муниципалитет и обсудил вопросы школ, больниц и дорог в регионе."
    honest = tmp_path / "rysk.html"
    honest.write_bytes(b"<html><head><meta charset='koi8-r'></head><body><p>" + russian.encode("koi8-r")
                       + b"</p></body></html>")
    assert read_file(honest)[0][0].text.strip() == russian  # a declaration that fits is honoured


# --- (e) the cache of a build that could not write ------------------------------------------------------------

def fail_writing(monkeypatch) -> None:
    real = pipeline.write_outputs

    def full_disk(kg, folder, html=True, **kw):
        real(kg, folder, html=html, **kw)
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(pipeline, "write_outputs", full_disk)


def test_a_failed_first_build_removes_the_cache_it_wrote(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    write(src / "a.txt", TEXT)
    out = tmp_path / "out"
    fail_writing(monkeypatch)
    with pytest.raises(KgraphError, match="No space left on device.*the cache entries this build wrote were removed"):
        build([src], out, jobs=1)
    assert not (out / ".kgraph-cache").exists()
    assert not (out / "graph.ttl").exists()


def test_a_failed_build_names_the_size_of_an_older_cache_and_how_to_drop_it(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    write(src / "a.txt", TEXT)
    out = tmp_path / "out"
    build([src], out, jobs=1)
    before = (out / "graph.ttl").read_bytes()
    write(src / "b.txt", OTHER)
    fail_writing(monkeypatch)
    with pytest.raises(KgraphError) as err:
        build([src], out, jobs=1)
    cache = out / ".kgraph-cache"
    assert re.search(rf"the cache of earlier builds \({re.escape(str(cache))}\) holds \d+\.\d MB: remove that folder",
                     str(err.value)), err.value
    assert "previous outputs are left as they were" in str(err.value)
    assert (out / "graph.ttl").read_bytes() == before and cache.is_dir()
