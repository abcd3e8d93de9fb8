"""What the fuzz harness (benchmarks/bench_fuzz.py) found, one regression test each, with
invented inputs; and a small seeded run of the harness itself."""
from __future__ import annotations

import io
import sys
from pathlib import Path

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
