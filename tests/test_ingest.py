"""Ingest: every format, every encoding, and every kind of bad input."""
from __future__ import annotations

import datetime as dt
import io
import json
import os
from email.message import EmailMessage
from pathlib import Path

import pytest

from kgraph.errors import InputError
from kgraph.ingest import (Skipped, collect_paths, decode_bytes, gather_inputs, read_document, read_documents,
                           read_file)

SV = "Landsbygdsminister Anna-Caren Sätherberg besökte Ljusdal. Hon träffade Åsa Öberg (S) på kommunhuset."


def make_pdf(lines: list[str], title: str | None = None) -> bytes:
    """A minimal one-page PDF with a text layer (Helvetica, WinAnsiEncoding)."""
    def esc(s: str) -> bytes:
        return s.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    content = b"BT /F1 12 Tf 72 720 Td 14 TL " + b" ".join(b"(" + esc(ln) + b") '" for ln in lines) + b" ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    if title:
        objs.append(b"<< /Title (" + esc(title) + b") >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    info = f" /Info {len(objs)} 0 R" if title else ""
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def encrypt_pdf(data: bytes, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    w.encrypt(user_password, owner_password="ägare", algorithm="RC4-128")
    bio = io.BytesIO()
    w.write(bio)
    return bio.getvalue()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def problem(path: Path, **kw) -> str:
    with pytest.raises(InputError) as exc:
        read_file(path, **kw)
    assert str(path) in str(exc.value)
    return exc.value.problem


# --- plain text and encodings -------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252",
                                      "latin-1"])
def test_text_encodings_keep_swedish_letters(tmp_path, encoding):
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + SV.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + SV.encode("utf-16-be")
    else:
        data = SV.encode(encoding)
    doc = read_document(write(tmp_path, "nyhet.txt", data))
    assert doc.text == SV
    assert doc.format == "txt" and doc.file_name == "nyhet.txt"


def test_utf16_without_bom_is_recognised():
    assert decode_bytes(SV.encode("utf-16-le"), "x.txt") == SV


def test_detector_is_the_last_resort_for_other_encodings():
    # cp850 (old DOS Swedish) has bytes cp1252 leaves undefined (0x81, 0x8f ...): the detector gets it
    text = "Överförmyndarnämnden i Åre och Älvdalen möttes. " * 20
    data = text.encode("cp850")
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp1252")
    decoded = decode_bytes(data, "dos.txt")
    assert "Åre" in decoded and "Älvdalen" in decoded


def test_same_text_in_two_encodings_is_the_same_document(tmp_path):
    a = read_document(write(tmp_path, "a.txt", SV.encode("utf-8")))
    b = read_document(write(tmp_path, "b.txt", SV.encode("cp1252")))
    assert a.id == b.id


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n  ", "empty"),
    ("image.txt", bytes(range(256)) * 20, "binary"),
    ("zeros.txt", b"\x00" * 1000, "binary"),
])
def test_bad_text_files_are_refused_with_a_reason(tmp_path, name, data, reason):
    assert reason in problem(write(tmp_path, name, data))


def test_oversized_file_is_refused(tmp_path):
    p = write(tmp_path, "stor.txt", SV * 100)
    assert "over the limit of 1000" in problem(p, max_bytes=1000)
    assert read_file(p)[0]  # under the default limit


def test_unsupported_extension_is_named(tmp_path):
    reason = problem(write(tmp_path, "bild.jpg", b"\xff\xd8\xff"))
    assert "unsupported file type '.jpg'" in reason


def test_broken_symlink_fifo_and_missing_file(tmp_path):
    link = tmp_path / "borta.txt"
    link.symlink_to(tmp_path / "finns-inte.txt")
    assert "broken symbolic link" in problem(link)
    fifo = tmp_path / "ror.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in problem(fifo)  # and it is never opened (that would block)
    assert "no such file" in problem(tmp_path / "saknas.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path):
    p = write(tmp_path, "hemlig.txt", SV)
    p.chmod(0)
    assert "cannot be read" in problem(p)


# --- HTML ---------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="{charset}">
<title>Ministerbesök i Ljusdal - Ljusdals kommun</title>
<meta property="og:site_name" content="Ljusdals kommun">
{date_meta}
</head><body>
<div id="cookie-consent"><p>Vi använder kakor (cookies) för att webbplatsen ska fungera bra för dig.
Genom att fortsätta godkänner du att vi använder kakor.</p><button>Godkänn</button></div>
<header><a class="skip-link" href="#main">Hoppa till innehållet</a>
<nav><ul><li><a href="/">Startsida</a></li><li><a href="/omsorg">Omsorg och stöd</a></li>
<li><a href="/bygga">Bygga, bo och miljö</a></li></ul></nav></header>
<main id="main"><article><h1>Ministerbesök i Ljusdal</h1>
<p>Landsbygdsminister Anna-Caren Sätherberg besökte Ljusdal på torsdagen den 25 mars 2021. Hon träffade
kommunstyrelsens ordförande Markus Evensson och representanter för näringslivet i Hälsingland.</p>
<p>Under besöket diskuterades bredband på landsbygden, kompetensförsörjning och möjligheterna för
små företag att växa. Besöket avslutades på Ljusdalsbygdens museum.</p>
</article></main>
<footer><p>Ljusdals kommun, 827 80 Ljusdal. Telefon 0651-180 00. Följ oss i sociala medier.</p></footer>
</body></html>
"""


def page(charset="utf-8", date_meta='<meta property="article:published_time" content="2021-03-25T09:00:00+01:00">'):
    return PAGE.format(charset=charset, date_meta=date_meta)


def test_html_main_text_without_navigation_or_cookie_banner(tmp_path):
    doc = read_document(write(tmp_path, "nyhet.html", page()))
    assert doc.format == "html"
    assert "Anna-Caren Sätherberg besökte Ljusdal" in doc.text
    assert "bredband på landsbygden" in doc.text
    for boilerplate in ("kakor", "cookies", "Startsida", "Omsorg och stöd", "Hoppa till", "827 80", "Godkänn"):
        assert boilerplate not in doc.text
    assert "\n\n" in doc.text  # paragraphs stay apart


def test_html_metadata_comes_from_meta_tags(tmp_path):
    doc = read_document(write(tmp_path, "nyhet.htm", page()))
    assert doc.title == "Ministerbesök i Ljusdal"  # the site name suffix is cut
    assert doc.published == dt.date(2021, 3, 25)
    assert doc.publisher_hint == "Ljusdals kommun"


def test_html_date_is_not_guessed_from_the_body(tmp_path):
    doc = read_document(write(tmp_path, "nyhet.html", page(date_meta="")))
    assert doc.published is None  # the body says "25 mars 2021"; only meta tags count


def test_html_dublin_core_and_og_title(tmp_path):
    html = page(date_meta='<meta name="DC.date.issued" content="2020-11-02"><meta property="og:title" '
                          'content="Sätherberg i Ljusdal">')
    doc = read_document(write(tmp_path, "a.html", html))
    assert doc.published == dt.date(2020, 11, 2)
    assert doc.title == "Sätherberg i Ljusdal"


def test_html_in_a_declared_legacy_charset(tmp_path):
    data = page(charset="windows-1252").encode("cp1252")
    doc = read_document(write(tmp_path, "gammal.html", data))
    assert "Sätherberg" in doc.text and "Hälsingland" in doc.text
    data = page(charset="iso-8859-1").replace("utf-8", "iso-8859-1").encode("latin-1")
    assert "Sätherberg" in read_document(write(tmp_path, "latin.html", data)).text


def test_malformed_html_is_read_as_far_as_it_goes(tmp_path):
    html = "<html><head><title>Protokoll</title><body><div><p>Kommunstyrelsen i Åre sammanträdde <b>i går"
    doc = read_document(write(tmp_path, "trasig.html", html))
    assert "Kommunstyrelsen i Åre sammanträdde i går" in doc.text
    assert doc.title == "Protokoll"


@pytest.mark.parametrize("name,data,reason", [
    ("tom.html", b"<html><head><title>x</title></head><body><nav>Meny</nav></body></html>", "no main text"),
    ("skräp.html", bytes(range(256)) * 10, "binary"),
    ("noll.html", b"", "empty"),
])
def test_html_without_text_is_refused(tmp_path, name, data, reason):
    assert reason in problem(write(tmp_path, name, data))


# --- PDF ----------------------------------------------------------------------------------------------------

def test_pdf_text_layer_and_title(tmp_path):
    p = write(tmp_path, "protokoll.pdf", make_pdf(["Kommunstyrelsen i Ljusdal, protokoll.", SV],
                                                  title="Protokoll KSAU"))
    doc = read_document(p)
    assert doc.format == "pdf" and doc.title == "Protokoll KSAU"
    assert "Sätherberg" in doc.text and "Åsa Öberg" in doc.text


def test_pdf_junk_title_is_dropped(tmp_path):
    doc = read_document(write(tmp_path, "a.pdf", make_pdf([SV], title="Microsoft Word - dok1.docx")))
    assert doc.title is None


def test_truncated_pdf(tmp_path):
    data = make_pdf([SV])
    assert "PDF" in problem(write(tmp_path, "halv.pdf", data[: len(data) // 2]))


def test_encrypted_pdf_needs_a_password(tmp_path):
    p = write(tmp_path, "hemlig.pdf", encrypt_pdf(make_pdf([SV]), "lösenord"))
    assert "encrypted PDF" in problem(p)


def test_pdf_encrypted_with_empty_user_password_is_read(tmp_path):
    doc = read_document(write(tmp_path, "skyddad.pdf", encrypt_pdf(make_pdf([SV]), "")))
    assert "Sätherberg" in doc.text


@pytest.mark.parametrize("data,reason", [
    (b"Detta ar ingen PDF", "not a PDF"),
    (make_pdf([]), "no text layer"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 4, "PDF"),
])
def test_bad_pdfs(tmp_path, data, reason):
    assert reason in problem(write(tmp_path, "x.pdf", data))


# --- e-mail -------------------------------------------------------------------------------------------------

def email_bytes(subject="Nyhetsbrev från SmåKom, maj 2021", body="Civilministern besökte Åre och Härjedalen.",
                html: str | None = None, sender="SmåKom <info@smakom.se>") -> bytes:
    m = EmailMessage()
    m["Subject"] = subject
    m["From"] = sender
    m["To"] = "medlemmar@example.se"
    m["Date"] = "Tue, 04 May 2021 10:00:00 +0200"
    if body:
        m.set_content(body)
    if html:
        if body:
            m.add_alternative(html, subtype="html")
        else:
            m.set_content(html, subtype="html")
    return bytes(m)


def test_eml_subject_date_sender(tmp_path):
    doc = read_document(write(tmp_path, "brev.eml", email_bytes()))
    assert doc.format == "eml"
    assert doc.title == "Nyhetsbrev från SmåKom, maj 2021"
    assert doc.published == dt.date(2021, 5, 4)
    assert doc.publisher_hint == "SmåKom"
    assert doc.text.strip() == "Civilministern besökte Åre och Härjedalen."


def test_eml_html_only_body_gives_main_text(tmp_path):
    html = ("<html><body><nav>Meny Start Kontakt</nav><p>Infrastrukturministern Tomas Eneroth träffade "
            "Region Västerbotten i Umeå.</p></body></html>")
    doc = read_document(write(tmp_path, "html.eml", email_bytes(body="", html=html,
                                                                sender="info@regionvasterbotten.se")))
    assert "Tomas Eneroth träffade Region Västerbotten" in doc.text
    assert "Meny" not in doc.text
    assert doc.publisher_hint == "info@regionvasterbotten.se"


def test_eml_prefers_plain_text_part(tmp_path):
    doc = read_document(write(tmp_path, "alt.eml", email_bytes(body="Oformaterad text om Åre.",
                                                               html="<p>HTML-text om Åre.</p>")))
    assert doc.text.strip() == "Oformaterad text om Åre."


def test_eml_in_latin1(tmp_path):
    m = EmailMessage()
    m["Subject"] = "Möte"
    m.set_content("Kommunalrådet i Älmhult träffade ministern.", charset="iso-8859-1", cte="quoted-printable")
    assert "Älmhult" in read_document(write(tmp_path, "l.eml", bytes(m))).text


def test_mbox_each_message_a_document(tmp_path):
    sep = b"From info@smakom.se Tue May  4 10:00:00 2021\n"
    second = email_bytes(subject="Juni", body="Från Åre:\nFrom the mountains we greet you.")
    second = second.replace(b"\nFrom the", b"\n>From the")  # mboxrd quoting
    empty = b"Subject: tomt\n\n\n"
    p = write(tmp_path, "arkiv.mbox", sep + email_bytes() + b"\n" + sep + second + b"\n" + sep + empty)
    docs, skipped = read_file(p)
    assert [d.file_name for d in docs] == ["arkiv.mbox#1", "arkiv.mbox#2"]
    assert docs[1].title == "Juni" and "From the mountains" in docs[1].text
    assert all(d.format == "mbox" for d in docs)
    assert skipped == [Skipped(f"{p}#3", "e-mail has no text body")]


def test_file_that_is_not_an_mbox(tmp_path):
    assert "not an mbox" in problem(write(tmp_path, "x.mbox", b"hello\nworld\n"))


# --- docx ---------------------------------------------------------------------------------------------------

def test_docx_paragraphs_tables_title(tmp_path):
    import docx
    d = docx.Document()
    d.core_properties.title = "Protokoll KSAU 2021-03-02"
    d.add_heading("Kommunstyrelsens arbetsutskott", level=1)
    d.add_paragraph("Sammanträde i Ljusdal. Närvarande ledamöter enligt tabell.")
    t = d.add_table(rows=2, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Ordförande", "Åsa Öberg (S)"
    t.rows[1].cells[0].text, t.rows[1].cells[1].text = "Sekreterare", "Pär Ängström"
    d.add_paragraph("§ 12 Ministerbesök.")
    p = tmp_path / "protokoll.docx"
    d.save(p)
    doc = read_document(p)
    assert doc.format == "docx" and doc.title == "Protokoll KSAU 2021-03-02"
    assert doc.text.split("\n\n") == ["Kommunstyrelsens arbetsutskott",
                                      "Sammanträde i Ljusdal. Närvarande ledamöter enligt tabell.",
                                      "Ordförande | Åsa Öberg (S)", "Sekreterare | Pär Ängström",
                                      "§ 12 Ministerbesök."]


@pytest.mark.parametrize("data,reason", [
    (b"PK\x03\x04 trasig zip", "not a .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old Word .doc or an encrypted"),
])
def test_bad_docx(tmp_path, data, reason):
    assert reason in problem(write(tmp_path, "x.docx", data))


def test_docx_zip_without_word_document(tmp_path):
    import zipfile
    p = tmp_path / "fel.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hej.txt", "hej")
    assert "docx" in problem(p).lower()


# --- JSON Lines ---------------------------------------------------------------------------------------------

def test_jsonl_one_document_per_line(tmp_path):
    lines = [json.dumps({"id": "kn-1", "text": SV, "title": "Besök", "published": "2021-03-25",
                         "publisher": "Ljusdals kommun"}, ensure_ascii=False),
             "",
             "{inte json",
             json.dumps({"text": "Civilministern besökte Åre."}, ensure_ascii=False),
             json.dumps({"title": "utan text"}),
             json.dumps(["en", "lista"]),
             json.dumps({"text": "   "})]
    p = write(tmp_path, "korpus.jsonl", "\n".join(lines) + "\n")
    docs, skipped = read_file(p)
    assert [d.file_name for d in docs] == ["korpus.jsonl#kn-1", "korpus.jsonl#4"]
    first = docs[0]
    assert (first.title, first.published, first.publisher_hint, first.format) == \
           ("Besök", dt.date(2021, 3, 25), "Ljusdals kommun", "jsonl")
    assert [s.path for s in skipped] == [f"{p}#3", f"{p}#5", f"{p}#6", f"{p}#7"]
    assert "not valid JSON" in skipped[0].reason
    assert "no 'text'" in skipped[1].reason
    assert "empty" in skipped[3].reason


def test_jsonl_line_over_the_limit_is_skipped_alone(tmp_path):
    big = json.dumps({"text": "Åre " * 2000})
    p = write(tmp_path, "k.jsonl", json.dumps({"text": SV}, ensure_ascii=False) + "\n" + big + "\n"
              + json.dumps({"text": "Sista raden om Kiruna."}) + "\n")
    docs, skipped = read_file(p, max_bytes=1000)
    assert [d.text for d in docs] == [SV, "Sista raden om Kiruna."]
    assert skipped[0].path == f"{p}#2" and "over the limit" in skipped[0].reason


def test_jsonl_with_no_good_line_fails_as_a_whole(tmp_path):
    assert "none of its 2 entries" in problem(write(tmp_path, "k.jsonl", "{\n[1]\n"))


def test_jsonl_line_ranges_cover_the_file_once(tmp_path):
    from kgraph.ingest import read_jsonl_range
    from kgraph.ingest.jsonl import split_ranges
    lines = [json.dumps({"id": i, "text": f"Dokument {i} om Åre."}, ensure_ascii=False) for i in range(500)]
    p = write(tmp_path, "k.jsonl", "\n".join(lines))  # no newline at the end
    ranges = split_ranges(p, target=1000)
    assert len(ranges) > 10
    names = []
    for start, end, first in ranges:
        docs, skipped = read_jsonl_range(p, start, end, first)
        assert not skipped
        names += [d.file_name for d in docs]
    assert names == [f"k.jsonl#{i}" for i in range(500)]


# --- collecting inputs --------------------------------------------------------------------------------------

def test_gather_inputs_order_hidden_missing_and_excluded(tmp_path):
    for name in ("b/2.txt", "b/1.txt", "a.txt", ".dold.txt", ".git/x.txt", "exports/graph.html"):
        write(tmp_path, name, SV)
    (tmp_path / "tom").mkdir()
    paths, skipped = gather_inputs([tmp_path, tmp_path / "saknas", tmp_path / "tom"], exclude=[tmp_path / "exports"])
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["a.txt", "b/1.txt", "b/2.txt"]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [("saknas", "no such file or folder"),
                                                               ("tom", "folder holds no files")]
    with pytest.raises(InputError, match="saknas"):
        collect_paths([tmp_path / "saknas"])


def test_read_documents_goes_on_or_stops(tmp_path):
    good = write(tmp_path, "a.txt", SV)
    bad = write(tmp_path, "b.txt", b"")
    docs, skipped = read_documents([bad, good])
    assert len(docs) == 1 and [s.path for s in skipped] == [str(bad)]
    with pytest.raises(InputError, match="b.txt"):
        read_documents([bad, good], strict=True)
