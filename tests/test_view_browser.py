"""The HTML view in a real browser: headless Chromium (/usr/bin/chromium, Debian's package) driven by
playwright. Checks on pages built from the sample corpus: nothing is requested outside the file, the
network holds the nodes asked for, search and class filters change what is shown, a click lists the
node's facts with their sources, and injection probes (an entity label and a file name
``<img src=x onerror=alert(1)>``, a document containing ``<script>``) open no dialog.

Skipped only when /usr/bin/chromium is missing (.ci/run installs it)."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from kgraph.graph import Evidence, KnowledgeGraph
from kgraph.text import fold
from kgraph.view import write_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
REPO = Path(__file__).resolve().parent.parent
PROBE = "<img src=x onerror=alert(1)>"
SCRIPT_PROBE = "<script>alert(1)</script>"
PROBE_DOC = (f"{SCRIPT_PROBE} Civilministern på besök\n\n"
             f"Civilminister Lena Micko besökte Kungsbacka kommun i går. {SCRIPT_PROBE} Hon träffade "
             f"kommunstyrelsens ordförande Lisa Andersson (M) för att diskutera digitalisering.\n\n"
             f"<img src=x onerror=alert(2)> Länsstyrelsen i Hallands län deltog också i mötet.\n")
READY = "window.kgraph && window.kgraph.ready"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install "
                                "chromium); the browser tests need a real Chromium")


@dataclass(frozen=True)
class ViewPages:
    """The sample corpus plus an injection document, built once, and pages written from it."""

    out: Path
    graph: KnowledgeGraph
    full: Path  # the build's graph.html
    small: Path  # at most VIEW_SMALL nodes
    probe: Path  # centred on an entity whose label is PROBE


VIEW_SMALL = 10


@pytest.fixture(scope="module")
def view_pages(tmp_path_factory) -> ViewPages:
    from kgraph.pipeline import build
    corpus = tmp_path_factory.mktemp("view_corpus")
    for f in sorted((REPO / "data" / "corpus").iterdir()):
        shutil.copy(f, corpus / f.name)
    (corpus / f"{PROBE}.txt").write_text(PROBE_DOC, encoding="utf-8")
    out = tmp_path_factory.mktemp("view_build")
    kg = build([corpus], out).graph
    evil_doc = next(n for n, d in kg.nodes(kind="document") if d.get("file_name") == f"{PROBE}.txt")
    kg.add_node("person/probe", "entity", ("Person",), label=PROBE, alt_labels=[SCRIPT_PROBE], docs=[evil_doc])
    kg.add_edge("person/probe", "mentionedIn", evil_doc, [Evidence(evil_doc, 0, 5, SCRIPT_PROBE + PROBE, "probe", 1.0)])
    kg.add_edge("person/probe", "affiliatedWith", "person/lena-micko" if "person/lena-micko" in kg else
                next(n for n, _ in kg.nodes(cls="Person")), [Evidence(evil_doc, 0, 5, PROBE, "probe", 1.0)])
    kg.add_literal("person/probe", "role", SCRIPT_PROBE, [Evidence(evil_doc, 0, 5, "</script><script>alert(3)</script>",
                                                                   "probe", 1.0)])
    write_html(kg, out / "probe.html", center="person/probe", depth=2)
    write_html(kg, out / "small.html", max_nodes=VIEW_SMALL)
    return ViewPages(out, KnowledgeGraph.load(out), out / "graph.html", out / "small.html", out / "probe.html")


@pytest.fixture(scope="module")
def view_browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watched:
    page: object  # playwright Page
    requests: list[str]
    blocked: list[str]
    dialogs: list[str]
    errors: list[str]


@pytest.fixture
def view_open(view_browser):
    """Factory: open a page with every request recorded (anything not file:/data: is aborted and recorded),
    dialogs recorded and dismissed, console errors and page errors recorded."""
    contexts = []

    def open_page(path: Path | None = None) -> Watched:
        ctx = view_browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(ctx)
        page = ctx.new_page()
        w = Watched(page, [], [], [], [])

        def route(r):
            url = r.request.url
            if url.startswith(("file:", "data:")):
                r.continue_()
            else:
                w.blocked.append(url)
                r.abort()
        ctx.route("**/*", route)
        page.on("request", lambda req: w.requests.append(req.url))
        page.on("websocket", lambda ws: w.blocked.append(ws.url))
        page.on("dialog", lambda d: (w.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: w.errors.append(str(e)))
        page.on("console", lambda m: w.errors.append(m.text) if m.type == "error" else None)
        if path is not None:
            page.goto(path.as_uri())
            page.wait_for_function(READY, timeout=60_000)
        return w

    yield open_page
    for ctx in contexts:
        ctx.close()


def drawable(kg: KnowledgeGraph) -> list[str]:
    return [n for n, d in kg.nodes() if d.get("kind") in ("entity", "meeting", "topic")]


def visible(page) -> list[str]:
    """Node ids vis-network actually draws (hidden nodes are not in nodeIndices)."""
    return page.evaluate("kgraph.network.body.nodeIndices.slice()")


# ------------------------------------------------------------------ offline

def test_view_browser_watchers_are_not_vacuous(view_open):
    """A page that does load from outside, and a probe outside our CSP, are caught."""
    w = view_open()
    w.page.set_content('<img src="https://example.invalid/x.png"><script src="http://example.invalid/a.js"></script>')
    w.page.wait_for_timeout(200)
    assert any("example.invalid" in u for u in w.blocked)
    w.page.set_content(PROBE)
    w.page.wait_for_timeout(200)
    assert w.dialogs == ["1"]


def test_view_browser_page_requests_nothing_outside_the_file(view_open, view_pages):
    w = view_open(view_pages.full)
    page = w.page
    ids = page.evaluate("kgraph.data.nodes.map(n => n.id)")
    for node_id in ids:  # render every panel
        page.evaluate("id => kgraph.select(id)", node_id)
    page.fill("#search", "kommun")
    page.keyboard.press("Enter")
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(200)
    assert w.blocked == []
    assert w.requests == [view_pages.full.as_uri()]
    assert w.errors == []  # includes CSP violations, which Chromium reports as console errors


# ------------------------------------------------------------------ nodes shown

def test_view_browser_network_holds_every_drawable_node(view_open, view_pages):
    w = view_open(view_pages.full)
    expected = sorted(drawable(view_pages.graph))
    assert w.page.evaluate("kgraph.network.body.data.nodes.length") == len(expected)
    assert sorted(visible(w.page)) == expected
    assert sorted(w.page.evaluate("Object.keys(kgraph.network.getPositions())")) == expected


def test_view_browser_max_nodes_is_respected_and_explained(view_open, view_pages):
    w = view_open(view_pages.small)
    assert w.page.evaluate("kgraph.network.body.data.nodes.length") == VIEW_SMALL
    assert len(visible(w.page)) == VIEW_SMALL
    status = w.page.text_content("#status")
    left = len(drawable(view_pages.graph)) + 1 - VIEW_SMALL  # + the probe entity added to that page's graph
    assert "utelämnade" in status and f"{left} utelämnade" in status.replace("\u00a0", "")


def test_view_browser_has_people_and_municipalities_in_the_legend(view_open, view_pages):
    w = view_open(view_pages.full)
    classes = w.page.eval_on_selector_all("#legend input[type=checkbox]", "els => els.map(e => e.dataset.cls)")
    assert "Municipality" in classes and ({"Person", "Minister"} & set(classes))
    assert w.page.evaluate("getComputedStyle(document.body).display") == "flex"


# ------------------------------------------------------------------ search and filters

def test_view_browser_search_hides_non_matching_nodes(view_open, view_pages):
    w = view_open(view_pages.full)
    page = w.page
    total = len(visible(page))
    page.fill("#search", "MICKO")
    shown = visible(page)
    assert 0 < len(shown) < total
    labels = {n: [d.get("label", "")] + d.get("alt_labels", []) for n, d in view_pages.graph.nodes()}
    assert all(any("micko" in fold(x) for x in labels[n]) for n in shown)
    assert "person/lena-micko" in shown
    page.fill("#search", "lansstyrelsen i hallands")  # diacritics ignored
    assert "Länsstyrelsen i Hallands län" in [view_pages.graph.label(n) for n in visible(page)]
    page.fill("#search", "")
    assert len(visible(page)) == total


def test_view_browser_search_enter_opens_the_first_match(view_open, view_pages):
    w = view_open(view_pages.full)
    w.page.fill("#search", "lena micko")
    w.page.press("#search", "Enter")
    assert w.page.text_content("#panel h2") == "Lena Micko"
    assert w.page.evaluate("kgraph.network.getSelectedNodes()") == ["person/lena-micko"]


def test_view_browser_class_filter_hides_and_restores_a_class(view_open, view_pages):
    w = view_open(view_pages.full)
    page = w.page
    total = visible(page)
    municipalities = {n for n in total if page.evaluate("id => kgraph.data.nodes.find(n => n.id === id).cls", n)
                      == "Municipality"}
    assert municipalities
    edges_before = page.evaluate("kgraph.network.body.edgeIndices.length")
    page.uncheck("#legend input[data-cls=Municipality]")
    shown = set(visible(page))
    assert shown == set(total) - municipalities
    assert page.evaluate("kgraph.network.body.edgeIndices.length") < edges_before  # their edges go too
    page.check("#legend input[data-cls=Municipality]")
    assert len(visible(page)) == len(total)
    page.click("#legend button:text('Inga')")
    assert visible(page) == []
    page.click("#legend button:text('Alla')")
    assert len(visible(page)) == len(total)


def test_view_browser_click_lists_facts_with_sentence_and_file(view_open, view_pages):
    w = view_open(view_pages.full)
    page = w.page
    node = "person/lena-micko"
    page.evaluate("id => kgraph.network.focus(id, {scale: 1.5, animation: false})", node)
    xy = page.evaluate("id => kgraph.network.canvasToDOM(kgraph.network.getPositions([id])[id])", node)
    box = page.locator("#net").bounding_box()
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
    assert page.text_content("#panel h2") == "Lena Micko"
    facts = page.locator("#panel ul.facts > li")
    assert facts.count() >= 3
    assert page.locator("#panel ul.ev q").count() >= 1
    sources = page.locator("#panel ul.ev .src").all_text_contents()
    assert any(".txt" in s for s in sources)
    # the panel links to a neighbour; following it shows that node
    page.locator("#panel button.link").first.click()
    assert page.text_content("#panel h2") != "Lena Micko"


# ------------------------------------------------------------------ injection

def test_view_browser_injection_probes_stay_text(view_open, view_pages):
    w = view_open(view_pages.probe)
    page = w.page
    assert page.title() == f"kgraph: {PROBE}"
    assert page.text_content("#heading") == f"kgraph: {PROBE}"
    for node_id in page.evaluate("kgraph.data.nodes.map(n => n.id)"):
        page.evaluate("id => kgraph.select(id)", node_id)
    page.evaluate("kgraph.select('person/probe')")
    panel = page.text_content("#panel")
    assert PROBE in panel and SCRIPT_PROBE in panel and f"{PROBE}.txt" in panel
    page.fill("#search", "<img")
    assert visible(page) == ["person/probe"]
    page.hover("#net")
    page.wait_for_timeout(300)
    assert w.dialogs == []
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert w.blocked == [] and w.errors == []


def test_view_browser_built_page_with_probe_document_opens_no_dialog(view_open, view_pages):
    w = view_open(view_pages.full)
    page = w.page
    files = page.evaluate("kgraph.data.docs.map(d => d.file)")
    assert f"{PROBE}.txt" in files
    for node_id in page.evaluate("kgraph.data.nodes.map(n => n.id)"):
        page.evaluate("id => kgraph.select(id)", node_id)
    page.wait_for_timeout(200)
    assert w.dialogs == [] and w.errors == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
