"""Extraction in time linear in a document's size: the indexes that replace scans of every
mention (kgraph.extract.state.DocState), of every span (kgraph.extract.orgs) and the e-mail scan
without backtracking (kgraph.text.email_matches) give what the scans gave; a .docx that unpacks
to more than the limit, and a document whose extraction takes too long, are skipped with a reason."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.extract.orgs import _Spans
from kgraph.extract.state import DocState, SpanIndex
from kgraph.models import Mention
from kgraph.text import EMAIL_RE, email_matches, find_email

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

spans = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1]))
# add a mention (start, end, key), or forget the n-th settled mention (modulo their number)
actions = st.lists(st.one_of(st.tuples(st.just("add"), spans, st.sampled_from("abc")),
                             st.tuples(st.just("forget"), st.integers(0, 50)),
                             st.tuples(st.just("sort"))), max_size=40)


def _mention(st_: DocState, s: int, e: int, key: str) -> Mention:
    return Mention(text=st_.doc.text[s:e], kind="Municipality", key=key, prov=st_.prov(s, e, "test"))


@SETTINGS
@given(actions=actions, probes=st.lists(spans, min_size=1, max_size=8))
def test_mention_indexes_answer_as_the_scans_did(make_document, actions, probes):
    from kgraph.refdata import load_reference
    st_ = DocState(make_document("x" * 80), load_reference())
    naive: list[Mention] = []
    by_key: dict[str, list[Mention]] = {}  # each entity's mentions in the order they were added
    for act in actions:
        if act[0] == "add":
            (s, e), key = act[1], act[2]
            m = _mention(st_, s, e, key)
            st_.add_mention(m)
            naive.append(m)
            by_key.setdefault(key, []).append(m)
        elif act[0] == "forget" and naive:
            m = naive[act[1] % len(naive)]
            st_.forget(m)
            naive.remove(m)  # what DocState.forget did before: the first equal mention goes
            by_key[m.key].remove(m)
            if not by_key[m.key]:
                del by_key[m.key]
        elif act[0] == "sort":
            st_.sort_mentions()
            naive.sort(key=lambda x: x.prov.span.start)
        assert st_.mentions == naive
        for s, e in probes:
            assert st_.covered(s) == any(x.prov.span.start <= s < x.prov.span.end for x in naive)
            overlap = [x for x in naive if x.prov.span.start < e and s < x.prov.span.end]
            assert st_.overlapping(s, e) == sorted(overlap, key=lambda x: x.prov.span.start)
            assert st_.mentions_in(s, e) == sorted([x for x in naive if s <= x.prov.span.start < e],
                                                   key=lambda x: x.prov.span.start)
    assert {k: v.mentions for k, v in st_.info.items()} == by_key


class _Hit:
    def __init__(self, start: int) -> None:
        self.start = start


@SETTINGS
@given(starts=st.lists(st.integers(0, 30), max_size=30), probe=spans)
def test_span_index_keeps_list_order(starts, probe):
    items = [_Hit(s) for s in starts]
    idx = SpanIndex(items)
    s, e = probe
    assert idx.within(s, e) == [h for h in items if s <= h.start < e]


@SETTINGS
@given(taken=st.lists(spans, max_size=20), probe=spans)
def test_spans_overlap_and_hold_as_the_scans_did(taken, probe):
    s, e = probe
    got = _Spans(taken)
    assert got.overlaps(s, e) == any(a < e and s < b for a, b in taken)
    assert got.holds(s, e) == any(a <= s and e <= b for a, b in taken)


email_text = st.lists(st.sampled_from(["a", "b.", "+", "-", "@", ".", "se", " ", "_", "å", "\n", "x@y.se", "1"]),
                      max_size=40).map("".join)


@SETTINGS
@given(text=email_text)
def test_email_matches_are_those_of_the_regex(text):
    assert [(m.span(), m.group()) for m in email_matches(text)] == \
        [(m.span(), m.group()) for m in EMAIL_RE.finditer(text)]
    named = re.compile(r"(?P<local>[\w.+-]+)@(?P<domain>[\w-]+(?:\.+[\w-]+)+)")
    assert [m.groupdict() for m in email_matches(text, named)] == [m.groupdict() for m in named.finditer(text)]
    first = find_email(text)
    expected = EMAIL_RE.search(text)
    assert (first and first.span()) == (expected and expected.span())


def _zip_bomb(path: Path, unpacked: int) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * unpacked)
    path.write_bytes(buf.getvalue())


def test_docx_that_unpacks_over_the_limit_is_skipped_with_its_reason(tmp_path):
    from kgraph.cli import main
    src = tmp_path / "in"
    src.mkdir()
    _zip_bomb(src / "bomb.docx", 3_000_000)
    assert (src / "bomb.docx").stat().st_size < 100_000
    (src / "ok.txt").write_text("Civilminister Lena Micko besökte Kungsbacka kommun den 3 maj 2021.\n",
                                encoding="utf-8")
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "out"), "--max-bytes", "1M",
                                  "--jobs", "1", "--no-html", "--no-sparql"])
    assert r.exit_code == 3, r.output
    assert "bomb.docx" in r.output and "unpacks to 3000" in r.output and "over the limit of 1048576" in r.output
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_document_over_its_time_is_skipped_with_its_reason(tmp_path, monkeypatch):
    import time

    from kgraph import pipeline
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Civilminister Lena Micko besökte Kungsbacka kommun den 3 maj 2021.\n",
                               encoding="utf-8")
    (src / "b_slow.txt").write_text("Långsam text om Kalmar kommun.\n", encoding="utf-8")
    real = pipeline.extract_document

    def slow_on_b(doc, ref=None):
        if doc.file_name.startswith("b_slow"):
            time.sleep(5)  # interrupted by the time budget
        return real(doc, ref)
    monkeypatch.setattr(pipeline, "extract_document", slow_on_b)
    result = pipeline.build([src], tmp_path / "out", html=False, sparql=False, jobs=1, max_seconds=0.5)
    assert [(Path(s.path).name, s.reason) for s in result.skipped] == \
        [("b_slow.txt", "extraction took longer than 0.5 s (see --max-seconds)")]
    assert result.extracted == 1
    # a document skipped for its time is not remembered as skipped: the next build tries it again
    monkeypatch.setattr(pipeline, "extract_document", real)
    again = pipeline.build([src], tmp_path / "out", html=False, sparql=False, jobs=1, max_seconds=0.5)
    assert again.skipped == [] and again.extracted == 1 and again.cached == 1



def test_document_whose_extraction_raises_is_named_and_skipped_and_tried_again(tmp_path, monkeypatch):
    from kgraph import pipeline
    from kgraph.cli import main
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Civilminister Lena Micko besökte Kungsbacka kommun den 3 maj 2021.\n",
                               encoding="utf-8")
    (src / "b_bug.txt").write_text("En text om Kalmar kommun som ett fel i kgraph snubblar på.\n", encoding="utf-8")
    real = pipeline.extract_document

    def raises_on_b(doc, ref=None):
        if doc.file_name.startswith("b_bug"):
            raise KeyError("ett\nfel")
        return real(doc, ref)
    monkeypatch.setattr(pipeline, "extract_document", raises_on_b)
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "out"), "--jobs", "1",
                                  "--no-html", "--no-sparql"])
    assert r.exit_code == 3, r.output
    assert "Traceback" not in r.output
    line = next(x for x in r.output.splitlines() if "b_bug.txt" in x)
    assert line.startswith("skipped ") and "extraction failed: KeyError: 'ett\\nfel' at kgraph/" in line, line
    assert "please report it" in line and str(tmp_path / "in" / "b_bug.txt") in line
    graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "Kungsbacka" in graph and "b_bug.txt" not in graph
    # with --strict the first such document stops the build, naming it
    strict = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "out2"), "--jobs", "1",
                                       "--no-html", "--no-sparql", "--strict"])
    assert strict.exit_code != 0 and "b_bug.txt" in strict.output and "Traceback" not in strict.output
    # not remembered as skipped: once extraction works, the next build extracts it
    monkeypatch.setattr(pipeline, "extract_document", real)
    again = pipeline.build([src], tmp_path / "out", html=False, sparql=False, jobs=1)
    assert again.skipped == [] and again.extracted == 1 and again.cached == 1


line_text = st.lists(st.sampled_from(["\n", " ", "\t", "om ", "Om", "logo ", "SmåKom", " nyhetsbrev", "x", "Å",
                                      "pressmeddelande från ", "Region Exempel", "\n\n", "\u2028", "nyhetsbrev",
                                      "NYHETSBREV", "nyhetſbrev", "nyhetsbreven", "  "]),
                     max_size=30).map("".join)


@SETTINGS
@given(text=line_text)
def test_line_start_matches_are_those_of_the_regex(text):
    from kgraph.extract.steps.publisher import _PUBLISHER_CUES
    from kgraph.text import line_start_matches
    for rx in _PUBLISHER_CUES:
        if rx.pattern.startswith(r"^\s*"):
            needs = "nyhetsbrev" if "nyhetsbrev" in rx.pattern else ""
            assert [(m.span(), m.groupdict()) for m in line_start_matches(rx, text, needs)] == \
                [(m.span(), m.groupdict()) for m in rx.finditer(text)]


# the patterns of kgraph.extract.dates as they were before their white space was taken whole
_OLD_DOC_DATE_LINE_RE = re.compile(
    r"^\s*(?P<label>publicerad|publicerat|publiceringsdatum|sammanträdesdatum|mötesdatum|datum|uppdaterad|"
    r"senast uppdaterad|"
    r"senast ändrad|pressmeddelande|nyheter|nyhet)?\s*[:·|–—•]?\s*(?P<rest>.{0,60})$", re.IGNORECASE)
_OLD_LABEL_ALONE_RE = re.compile(r"^\s*(?P<label>publicerad|publicerat|publiceringsdatum|senast uppdaterad|"
                                 r"uppdaterad|senast ändrad)\s*:?\s*$", re.IGNORECASE)
date_line = st.lists(st.sampled_from([" ", "\t", "\u2028", ":", "–", "Publicerad", "datum", "nyhet", "nyheter",
                                      "2021-05-03", "3 maj 2021", "x" * 30, "senast uppdaterad", "\n", "a"]),
                     max_size=12).map("".join)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None) == (b is None) and (a is None or (a.span(), a["label"]) == (b.span(), b["label"])
                                           and ("rest" not in a.re.groupindex or a["rest"] == b["rest"]))


@SETTINGS
@given(line=date_line)
def test_date_line_patterns_match_as_before(line):
    from kgraph.extract.dates import _LABEL_ALONE_RE, _UPDATED_RE, DOC_DATE_LINE_RE
    from kgraph.text import line_start_matches
    for one in line.split("\n"):  # the document date is read line by line
        assert _same(DOC_DATE_LINE_RE.match(one), _OLD_DOC_DATE_LINE_RE.match(one))
        assert _same(_LABEL_ALONE_RE.match(one), _OLD_LABEL_ALONE_RE.match(one))
    assert [(m.span(), m["rest"]) for m in line_start_matches(_UPDATED_RE, line)] == \
        [(m.span(), m["rest"]) for m in _UPDATED_RE.finditer(line)]


# -- the anchored searches of the extractor find what the patterns they replace find ---------------------------

_DATE_PIECES = st.lists(st.sampled_from(["fredag", "en", " ", "den ", "7", "24", "-", "–", ":e", "e", " mars", "maj",
                                         " 2021", ", ", "\n", "x", "marsvin", " december.", "3"]), max_size=14)


@SETTINGS
@given(pieces=_DATE_PIECES)
def test_dates_found_from_anchors_are_those_of_the_pattern(pieces):
    from kgraph.extract.dates import TEXT_DATE_RE, text_date_matches
    text = "".join(pieces)
    assert [m.span() for m in text_date_matches(text)] == [m.span() for m in TEXT_DATE_RE.finditer(text)]


@SETTINGS
@given(words=st.lists(st.sampled_from(["projektledare", "chefen", "råd", "kommunråd", "x", "miljöstrateg",
                                       "ab-chef", "Chef", "utvecklingsdirektören", " ", "-", "\n", "ledare",
                                       "_", "9", "é", "ö", "en"]),
                      max_size=12))
def test_title_compounds_are_those_of_the_pattern(words):
    from kgraph.extract import persons
    heads = sorted({*persons._TITLE_HEADS, *persons._TITLE_HEADS.values()}, key=len, reverse=True)
    alt = "|".join(heads)
    # a compound of three letters or more and a head, or an abbreviation, a hyphen and a word ending in one
    pattern = re.compile(r"(?<![\wåäö-])(?:[a-zåäö]{2,4}-(?=[a-zåäö]{4,}(?![\wåäö-]))[a-zåäö]*(?:" + alt + r")"
                         r"|[a-zåäö]{3,}(?:" + alt + r"))(?![\wåäö-])")
    text = "".join(words)
    assert [m.span() for m in persons.title_suffix_words(text)] == [m.span() for m in pattern.finditer(text)]


@SETTINGS
@given(pieces=st.lists(st.sampled_from(["Deltog", "deltog", "tog emot", "tog", " ", "emot", "från S", "från Sv",
                                        "besöka", "x", "gästade", ",", "\n", "anmälan", "kontakta", "@"]),
                       max_size=12), cut=st.integers(0, 6))
def test_phrase_sets_find_what_the_alternations_find(pieces, cut):
    from kgraph.extract import lexicon
    from kgraph.extract.phrases import PhraseSet
    from kgraph.text import lower_same_length
    text = "".join(pieces)
    low = lower_same_length(text)
    start, end = min(cut, len(text)), len(text)
    words = lexicon.PARTICIPATION._auto  # the phrases as loaded
    alternation = re.compile(r"\b(?:(?i:" + "|".join(sorted((k for k in words.keys()), key=len, reverse=True))
                             + r")|från\s+[A-ZÅÄÖ])\b")
    assert lexicon.says_took_part(text, low, start, end) == bool(alternation.search(text, start, end))
    contact = PhraseSet(("kontakta",), prefixes=("anmäl",), anywhere=("@",))
    assert contact.found_in(low, start, end) == bool(re.compile(r"\bkontakta\b|\banmäl|@").search(low, start, end))


def _triggers_word_by_word(text_low: str) -> list[tuple[int, int, str, str]]:
    """The meeting words of a lower-cased text, as MEETING_RE matches them at the start of each word
    that holds one of MEETING_KEYS (an expression of the keys scans for them, and a walk back each time)."""
    from kgraph.extract import lexicon as lx

    out, tried = [], -1
    for key in re.finditer("|".join(lx.MEETING_KEYS), text_low):
        start = key.start()
        while start > 0 and (text_low[start - 1].isalnum() or text_low[start - 1] == "_"):
            start -= 1
        if start <= tried:
            continue
        tried = start
        m = lx.MEETING_RE.match(text_low, start)
        if m:
            _, kind, how = lx.MEETING_WORDS[int((m.lastgroup or "g0")[1:])]
            out.append((m.start(), m.end(), kind, how))
    return out


def test_meeting_words_inside_one_long_word_are_read_once_per_word():
    """A text of one long word full of meeting words ("...mötesträffmötes..."): the walk back
    to the word's start is done once, not once per meeting word in it (which took time that grew
    with the square of the word's length); the answer is that of the walk done every time."""
    from kgraph.extract.steps.meetings.draft import _all_triggers

    for text in ("mötesträff" * 300, "ett möte och en träff, mötes-träff; " * 40 + "styrelsemöte" * 50,
                 "a" + " möte" * 20):
        assert _all_triggers(text)[1] == _triggers_word_by_word(text)


@SETTINGS
@given(pieces=st.lists(st.sampled_from(["möte", "middag", "dag", "sammanträdes", "styrelsemöte", "träff", "tog",
                                        "samtal", "samla", "x", "_", "9", "-", " ", "\n", "besöket", "mött", "ar"]),
                       max_size=14))
def test_meeting_words_are_those_of_the_key_scan(pieces):
    """The keys found in one Aho-Corasick pass (every occurrence, overlapping ones too) give the same
    meeting words as the key expression's scan (the first of overlapping keys)."""
    from kgraph.extract.steps.meetings.draft import _all_triggers

    text = "".join(pieces)
    assert _all_triggers(text)[1] == _triggers_word_by_word(text)


@SETTINGS
@given(pieces=st.lists(st.sampled_from(["regional", " ", "\t", "digitala", "ekonomisk", "om", "x", "-", "\n", "bra",
                                        "erade", "å", "Å", "personal", "kal", "  "]), max_size=10),
       back=st.integers(0, 40))
def test_an_adjective_before_a_topic_is_what_the_search_finds(pieces, back):
    """The look at the letter before the spaces leaves out only searches that cannot match."""
    from kgraph.extract.steps import topics

    text = "".join(pieces)
    start = max(0, len(text) - back)
    m = topics._ADJECTIVE_BEFORE_RE.search(text, max(0, start - 30), start)
    expected = m.start() if m and m["adj"] not in topics._NOT_ADJECTIVES else start
    assert topics._with_adjective(text, start) == expected
