"""Web pages (.html, .htm) to documents.

The main text comes from trafilatura (a maintained boilerplate remover: it
drops navigation, headers, footers, sidebars), after kgraph has removed the
parts trafilatura may keep on short pages: cookie and consent banners, skip
links, navigation, forms and scripts. Title, publication date and publisher
come from the page's meta tags (Open Graph, Dublin Core, schema.org
``itemprop``, ``<title>``), never guessed from the body text.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from ..errors import InputError
from ..models import Document
from .text import decode_bytes, make_document

SUFFIXES = (".html", ".htm", ".xhtml")

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ISO_DATE_RE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_BOILERPLATE_RE = re.compile(
    r"cookie|consent|gdpr|samtycke|kakor|skip-?link|skip-?to|hoppa-?till|breadcrumb|brodsmul|"
    r"(?:^|[-_ ])(?:nav|navbar|navigation|menu|meny|sidebar|footer|sidfot|share|social|popup|modal)(?:$|[-_ ])",
    re.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe",
              "svg", "button", "select", "dialog")
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4",
               "h5", "h6", "blockquote", "pre", "dd", "dt", "dl", "figcaption", "br", "hr", "td", "th"}

TITLE_KEYS = ("og:title", "dc.title", "dcterms.title", "twitter:title", "headline")
DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "dcterms.issued", "dc.date.issued",
             "dcterms.date", "dc.date", "date", "pubdate", "publishdate", "publish-date", "publication_date",
             "citation_publication_date", "parsely-pub-date", "sailthru.date", "article.published",
             "dcterms.created", "dc.date.created")
PUBLISHER_KEYS = ("og:site_name", "dcterms.publisher", "dc.publisher", "publisher", "article:publisher",
                  "application-name")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET_RE.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _parse(text: str, path: Path):
    import lxml.html
    from lxml import etree

    # lxml refuses str input that declares an encoding; the text is decoded already
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"malformed HTML, no document could be parsed ({exc})") from exc
    return root


def meta_values(root) -> dict[str, str]:
    """Lower-cased meta names (``name``, ``property``, ``itemprop``) -> first non-empty content."""
    out: dict[str, str] = {}
    for el in root.iter("meta"):
        content = (el.get("content") or "").strip()
        if not content:
            continue
        for attr in ("name", "property", "itemprop"):
            key = (el.get(attr) or "").strip().lower()
            if key and key not in out:
                out[key] = content
    return out


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (or date-time) at the start of ``value``; anything else is no date."""
    if not value:
        return None
    m = _ISO_DATE_RE.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def page_metadata(root) -> tuple[str | None, dt.date | None, str | None]:
    """(title, published, publisher) from the head of the page."""
    meta = meta_values(root)
    publisher = _first(meta, PUBLISHER_KEYS)
    title = _first(meta, TITLE_KEYS)
    if not title:
        t = root.find(".//title")
        title = " ".join((t.text_content() if t is not None else "").split()) or None
        if title and publisher:  # "Ministerbesök i Ljusdal - Ljusdals kommun" -> "Ministerbesök i Ljusdal"
            for sep in (" - ", " | ", " – ", " — ", " :: "):
                if title.endswith(sep + publisher):
                    title = title[: -len(sep + publisher)].strip()
    published = next((d for d in (parse_date(meta.get(k)) for k in DATE_KEYS) if d), None)
    if published is None:
        for el in root.iter("time"):
            if (el.get("itemprop") or "").lower() == "datepublished":
                published = parse_date(el.get("datetime"))
                break
    return title, published, publisher


def _strip_boilerplate(root) -> None:
    for el in list(root.iter(*_DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter("header")):  # the site header; an article's header holds its headline
        if el.getparent() is not None and not any(a.tag in ("article", "main") for a in el.iterancestors()):
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None or el.tag in ("html", "body", "main", "article"):
            continue
        marks = " ".join(filter(None, (el.get("id"), el.get("class"), el.get("role"), el.get("aria-label"))))
        if marks and _BOILERPLATE_RE.search(marks):
            el.drop_tree()
        elif el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
            el.drop_tree()


def _block_text(root) -> str:
    """Fallback main text: the body's text with a blank line between blocks."""
    body = root.find("body")
    body = body if body is not None else root
    parts: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n\n")
        if el.tail:
            parts.append(el.tail)

    walk(body)
    raw = "".join(parts)
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw)]
    return "\n\n".join(p for p in paras if p)


def main_text(root) -> str:
    """Main text as paragraphs separated by blank lines."""
    import trafilatura

    text = trafilatura.extract(root, include_comments=False, include_tables=True, favor_recall=True,
                               deduplicate=False, output_format="txt", with_metadata=False)
    fallback = _block_text(root)
    if not text or len(text) < 0.3 * len(fallback):
        text = fallback  # short pages: trafilatura may keep too little
    lines = [" ".join(ln.split()) for ln in text.split("\n")]
    return "\n\n".join(ln for ln in lines if ln)


def html_to_document(text: str, path: Path | str, *, file_name: str | None = None,
                     fmt: str = "html") -> Document:
    root = _parse(text, Path(str(path)))
    title, published, publisher = page_metadata(root)
    _strip_boilerplate(root)
    body = main_text(root)
    if not body.strip():
        raise InputError(path, "HTML page holds no main text")
    return make_document(body, path, file_name=file_name, fmt=fmt, title=title, published=published,
                         publisher=publisher)


def read_html(path: Path, data: bytes) -> list[Document]:
    if not data.strip():
        raise InputError(path, "empty document (no text)")
    text = decode_bytes(data, path, declared=_declared_charset(data))
    return [html_to_document(text, path)]
