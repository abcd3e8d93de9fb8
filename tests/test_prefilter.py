"""kgraph.prefilter: the strings an expression needs, and scans left out only where no match can be."""
from __future__ import annotations

import importlib
import pkgutil
import random
import re
from pathlib import Path

import pytest

import kgraph
from kgraph import prefilter
from kgraph.ingest import read_file
from kgraph.lookbehind import moved, moved_source

ROOT = Path(__file__).resolve().parent.parent
PAD = "\n\nStyrelsen sammanträdde i Exempelby på tisdagen. " * 12  # past MIN_TEXT


@pytest.mark.parametrize(("pattern", "needles"), [
    (r"\bförening\b", {"förening"}),
    (r"(?:förbund|sällskap)et\b", {"förbund", "sällskap"}),  # the alternatives beat the short run after them
    (r"(?:kommun)?styrelse", {"styrelse"}),  # an optional part is never required
    (r"(?:möte)+ i \w+", {"möte"}),  # a repeat of at least one is
    (r"Förening", {"förening"}),  # compared case-folded
])
def test_required_literals(pattern: str, needles: set[str]) -> None:
    assert prefilter.required_literals(re.compile(pattern)) == needles


@pytest.mark.parametrize("pattern", [
    r"(?:abc)?\d+",  # nothing required
    r"\bom\b",  # too short to be worth a test
    r"(?:förening|\d{4})",  # one alternative requires no string
    r"(?:förening|)x",  # an empty alternative
    r"(?:förening)*",  # a repeat of none
    r"(?=förening)\w+",  # a lookahead is not counted
])
def test_nothing_required(pattern: str) -> None:
    assert prefilter.required_literals(re.compile(pattern)) is None


def test_same_matches_as_the_pattern() -> None:
    rx = re.compile(r"\b(?P<name>[A-ZÅÄÖ]\w+ (?:idrotts)?förening)\b", re.IGNORECASE)
    with_it = PAD + "Hon är ordförande i Exempelby Idrottsförening sedan i våras." + PAD
    without = PAD + "Hon är ordförande i Exempelby idrottsklubb sedan i våras." + PAD
    for text in (with_it, without):
        assert [m.span() for m in prefilter.finditer(rx, text)] == [m.span() for m in rx.finditer(text)]
        assert prefilter.search(rx, text, 10) is not None or rx.search(text, 10) is None
    assert prefilter.may_match(rx, with_it)
    assert not prefilter.may_match(rx, without)


def test_every_requirement_is_tested() -> None:
    """A match of "X ideell förening" holds both words: a newsletter that names a "förening" but no
    "ideell" one is not scanned; the strongest requirement comes first."""
    rx = re.compile(r"(?P<name>[A-ZÅÄÖ]\w+(?:[ \t]+\w+){0,3}?)[ \t]+ideell[ \t]+förening")
    assert prefilter.required_sets(rx) == (frozenset({"förening"}), frozenset({"ideell"}))
    assert prefilter.required_literals(rx) == {"förening"}
    only_one = PAD + "Exempelby Idrottsförening bjöd in till årsmöte." + PAD
    both = PAD + "Exempelby Byalag ideell förening bjöd in till årsmöte." + PAD
    assert not prefilter.may_match(rx, only_one) and not list(prefilter.finditer(rx, only_one))
    assert prefilter.may_match(rx, both)
    assert [m.span() for m in prefilter.finditer(rx, both)] == [m.span() for m in rx.finditer(both)] != []


def test_case_insensitive_matches_are_found() -> None:
    rx = re.compile(r"\bkommunförbundet\b", re.IGNORECASE)
    for text in (PAD + "KOMMUNFÖRBUNDET" + PAD, PAD + "Kommunförbundet" + PAD,
                 PAD + "kommunförbundet".replace("k", "\u212a") + PAD):  # a Kelvin sign matches "k" too
        assert rx.search(text)
        assert prefilter.may_match(rx, text)
        assert list(prefilter.finditer(rx, text))


def test_dotless_i_texts_are_scanned() -> None:
    """re.IGNORECASE matches "i" with a dotless "ı", which case-folding keeps apart: such a text is scanned."""
    rx = re.compile(r"\bstyrelsen i\b", re.IGNORECASE)
    text = PAD.replace("Styrelsen sammanträdde i", "x") + "STYRELSEN ı Exempelby"
    assert rx.search(text)
    assert prefilter.may_match(rx, text)


def test_short_texts_are_scanned_as_they_are() -> None:
    rx = re.compile(r"förening")
    assert prefilter.may_match(rx, "ingenting här")


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for info in pkgutil.walk_packages(kgraph.__path__, "kgraph."):
        if info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        for name, value in vars(mod).items():
            # an expression, or one in a table of them ("NAMED_BODY_PATTERNS": tuples of (gates, expression, class))
            rows = value if isinstance(value, tuple) else (value,)
            for i, row in enumerate(rows):
                for item in row if isinstance(row, tuple) else (row,):
                    if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                        out.append((f"{info.name}.{name}" + (f"[{i}]" if row is not value else ""), item))
    return out


def _texts() -> list[str]:
    texts = []
    for folder in (ROOT / "data" / "corpus", ROOT / "tests" / "fixtures"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                try:
                    docs, _ = read_file(path)
                except Exception:  # noqa: BLE001 - fixtures of bad input: not texts to scan
                    continue
                texts += [d.text for d in docs if len(d.text) >= prefilter.MIN_TEXT]
    return texts


def test_no_match_is_ever_left_out() -> None:
    """Every expression of kgraph over the sample corpus and the fixtures, as they are and upper-cased:
    where the test says no match can be, the scan finds none."""
    patterns = _patterns()
    texts = _texts()
    texts += [t.upper() for t in texts[:20]]
    assert len(texts) > 50
    gated = [(n, p) for n, p in patterns if prefilter.required_sets(p)]
    assert len(gated) > 100  # the test reaches most of the extraction's expressions
    skipped = 0
    for text in texts:
        for name, rx in gated:
            if not prefilter.may_match(rx, text):
                skipped += 1
                assert rx.search(text) is None, name
    assert skipped > 1000  # and it does leave scans out


# ---------------------------------------------------------------- case-insensitive expressions on lower-cased text

@pytest.mark.parametrize(("pattern", "fast"), [
    (r"\b(?:samtal|diskussion)(?:en|er)?\s+om\b", True),
    (r"[a-zåäö]+(?:rapport|information)\s+[\wåäö-]+", True),
    (r"[A-Za-zÅÄÖåäö]+ om", True),  # a class with both cases
    (r"Samtal om", False),  # an upper-case literal would never match lower-cased text
    (r"[A-ZÅÄÖ]\w+ om", False),  # a class of capitals only
    (r"samtal (?-i:Om)", False),  # a part that keeps its case
])
def test_which_expressions_run_without_case(pattern: str, fast: bool) -> None:
    rx = re.compile(pattern, re.IGNORECASE)
    low = PAD.lower()
    assert (prefilter.for_lowered(rx, low) is not rx) == fast


def test_without_case_finds_the_same_spans() -> None:
    rx = re.compile(r"(?<![\wåäö])(?P<verb>diskuterade|pratade)\s+(?:bland annat\s+)?(?P<om>om|kring)\b", re.IGNORECASE)
    text = PAD + "Vi DISKUTERADE bland annat om skolan. De Pratade kring vården och diskuterade Om vägar." + PAD
    low = text.lower()
    fast = prefilter.for_lowered(rx, low)
    assert fast is not rx
    assert [m.regs for m in fast.finditer(low)] == [m.regs for m in rx.finditer(text)]
    assert len(list(rx.finditer(text))) == 3


def test_long_s_and_dotless_i_keep_the_flag() -> None:
    """re.IGNORECASE matches "ſ" with "s" and "ı" with "i", which lower-casing keeps apart."""
    rx = re.compile(r"\bsamtal\b", re.IGNORECASE)
    for odd in ("ſamtal", "SAMTAL ı"):
        low = (PAD + odd).lower()
        assert prefilter.for_lowered(rx, low) is rx


def test_every_expression_without_case_finds_what_it_found() -> None:
    """Every case-insensitive expression of kgraph that may run without its flag, over the sample
    corpus and the fixtures (as they are and upper-cased): the same spans of the match and its groups."""
    from kgraph.text import lower_same_length

    texts = _texts()
    texts += [t.upper() for t in texts[:20]]
    fast = [(n, p) for n, p in _patterns() if prefilter.for_lowered(p, "") is not p]
    assert len(fast) > 40
    for text in texts:
        low = lower_same_length(text)
        for name, rx in fast:
            assert [m.regs for m in prefilter.for_lowered(rx, low).finditer(low)] == \
                [m.regs for m in rx.finditer(text)], name


def test_texts_that_keep_the_flag_are_matched_as_before() -> None:
    """Where a text holds "ſ", "ı" or "İ", the expression keeps re.IGNORECASE and runs on the
    lower-cased text: the spans are still those it finds in the text as it is."""
    from kgraph.extract.steps.coreference import _MINISTER_WORD_RE
    from kgraph.extract.topics import _BACKWARD_CUE, _FORWARD_CUE, _POST_BEFORE_RE
    from kgraph.text import lower_same_length

    sample = ("Vid mötet DISKUTERADE ministern bland annat skolan. Landsbygdsministern pratade om vägarna, "
              "och bredbandet diskuterades också. Hon är chef för İnfrastruktur och ſamhälle på Exempelby "
              "kommun. Civilministerns besök gällde ıntegration. ")
    for text in (PAD + sample, (PAD + sample).upper()):
        low = lower_same_length(text)
        for rx in (_FORWARD_CUE, _BACKWARD_CUE, _POST_BEFORE_RE, _MINISTER_WORD_RE):
            used = prefilter.for_lowered(rx, low)
            assert used is rx
            assert [m.regs for m in used.finditer(low)] == [m.regs for m in rx.finditer(text)]
        assert list(_FORWARD_CUE.finditer(text)) and list(_MINISTER_WORD_RE.finditer(text))


# ---------------------------------------------------------------- a leading lookbehind moved (kgraph.lookbehind)

@pytest.mark.parametrize(("source", "expected"), [
    # after the literal run every match starts with, widened by the characters consumed
    (r"(?<![\w-])Leader[ \t]+\w+", r"Leader(?<!(?:[\w-])[\s\S]{6})[ \t]+\w+"),
    # inside a named group, after a class
    (r"(?<![\w-])(?P<name>[A-ZÅÄÖ]\w+)", r"(?P<name>[A-ZÅÄÖ](?<!(?:[\w-])[\s\S]{1})\w+)"),
    # in each alternative of a group, after its own first characters
    (r"(?<!\w)(?:\+46|0)\d", r"(?:\+46(?<!(?:\w)[\s\S]{3})|0(?<!(?:\w)[\s\S]{1}))\d"),
    # a quantified last character is not part of the run
    (r"(?<![\w-])ab+c", r"a(?<!(?:[\w-])[\s\S]{1})b+c"),
    # leading inline flags stay first
    (r"(?i)(?<!x)Möte", r"(?i)Möte(?<!(?:x)[\s\S]{4})"),
])
def test_moved_source(source: str, expected: str) -> None:
    assert moved_source(source) == expected
    re.compile(expected)


@pytest.mark.parametrize("source", [
    r"förening",  # no lookbehind
    r"(?<![\w-])(?:kommun)?styrelse",  # an optional start: no characters every match starts with
    r"(?<![\w-])(?:ab)+c",  # a repeated group: the test would be made at each repetition
    r"(?<![\w-])a|b",  # the lookbehind belongs to the first alternative only
    r"(?<![\w-])\bord",  # an anchor first
    r"(?<=(a))b",  # a group inside the lookbehind would be numbered differently
    r"(?<![\w-])(?:a|\d)x",  # one alternative starts with no literal or class
])
def test_not_moved(source: str) -> None:
    assert moved_source(source) is None


def test_moved_only_where_the_engine_can_then_search() -> None:
    capitals = re.compile(r"(?<![\w-])[A-ZÅÄÖ]\w+")
    lower = re.compile(r"(?<![\w-])[a-zåäö]\w+")  # a lower-case word starts anywhere: nothing to gain
    folded = re.compile(r"(?<![\w-])(?:han|hon)\b", re.IGNORECASE)  # the flag hides the first letters
    assert moved(capitals) is not capitals and moved(capitals).groups == capitals.groups
    assert moved(lower) is lower
    assert moved(folded) is folded


def _random_pattern(rng: random.Random) -> str:
    """A leading lookbehind, then a sequence of literals, classes, groups and alternations over "ab-"."""
    def atom(depth: int) -> str:
        pick = rng.random()
        if depth < 2 and pick < 0.3:
            alts = [seq(depth + 1) for _ in range(rng.randint(1, 3))]
            return rng.choice(["(?:", "(", "(?P<g%d>" % rng.randint(0, 10 ** 6)]) + "|".join(alts) + ")" \
                + rng.choice(["", "", "?", "+"])
        base = rng.choice(["a", "b", "-", "[ab]", "[a-]", r"\-", "ab"])
        return base + rng.choice(["", "", "", "?", "*", "+", "{1,2}"])

    def seq(depth: int) -> str:
        return "".join(atom(depth) for _ in range(rng.randint(1, 3)))

    behind = rng.choice([r"(?<![a-])", r"(?<!b)", r"(?<=[ab])", r"(?<!ab)", r"(?<=-)"])
    return behind + seq(0)


def test_moved_finds_the_same_as_the_pattern() -> None:
    """Random expressions (a lookbehind, then literals, classes, groups, alternatives, quantifiers)
    over random texts: where the source is rewritten, every match, group and search from any
    position is the same."""
    rng = random.Random(1905)
    rewritten = 0
    for _ in range(3000):
        source = _random_pattern(rng)
        new = moved_source(source)
        if new is None:
            continue
        try:
            old_rx = re.compile(source)
        except re.error:
            continue
        new_rx = re.compile(new)
        assert new_rx.groupindex == old_rx.groupindex and new_rx.groups == old_rx.groups
        rewritten += 1
        for _ in range(12):
            text = "".join(rng.choice("ab- ") for _ in range(rng.randint(0, 14)))
            assert [(m.span(), m.groups()) for m in new_rx.finditer(text)] == \
                [(m.span(), m.groups()) for m in old_rx.finditer(text)], (source, text)
            pos = rng.randint(0, len(text))
            a, b = new_rx.search(text, pos), old_rx.search(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (source, text, pos)
            a, b = new_rx.match(text, pos), old_rx.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (source, text, pos)
    assert rewritten > 500


def test_every_moved_expression_finds_what_it_found() -> None:
    """The expressions of kgraph that are rewritten, over the sample corpus and the fixtures."""
    texts = _texts()
    changed = [(n, p, moved(p)) for n, p in _patterns() if moved(p) is not p]
    assert len(changed) >= 10  # the rewrite reaches the extraction's expressions
    for name, rx, fast in changed:
        for text in texts:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                [(m.span(), m.groups()) for m in rx.finditer(text)], name


# ---------------------------------------------------------------- windows: a sentence tested for what a match needs

def _windows(text: str) -> list[tuple[int, int]]:
    """Sentence-like windows of ``text``: between full stops and line ends, and some random spans."""
    bounds = [0] + [m.end() for m in re.finditer(r"[.!?]\s+|\n", text)] + [len(text)]
    out = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]
    rng = random.Random(len(text))
    out += [(a, a + rng.randint(1, 300)) for a in (rng.randint(0, len(text)) for _ in range(10))]
    return out


def test_no_window_match_is_ever_left_out() -> None:
    """Every expression of kgraph that has a window test, over sentences of the sample corpus and the
    fixtures (as they are, lower-cased and upper-cased): where the window test says no match can be,
    the search of the window finds none, and prefilter.search finds what the expression finds."""
    tested = [(n, p) for n, p in _patterns() if prefilter._window_test(p)[1]]
    assert len(tested) > 100
    skipped = 0
    for text in _texts()[:40]:
        for variant in (text, text.lower(), text.upper()):
            for a, b in _windows(variant):
                for name, rx in tested:
                    found = rx.search(variant, a, b)
                    if not prefilter.window_may_match(rx, variant, a, b):
                        skipped += 1
                        assert found is None, (name, variant[a:b])
                    got = prefilter.search(rx, variant, a, b)
                    assert (got and (got.span(), got.groups())) == (found and (found.span(), found.groups())), name
    assert skipped > 10_000  # and it does leave searches out


def test_window_strings_are_looked_for_as_the_expression_matches_them() -> None:
    """A case-sensitive expression's strings are looked for as written; where re.IGNORECASE applies
    anywhere, case-folded: a scoped "(?i:...)" group is found in any case."""
    exact = re.compile(r"\bTill\s+[A-ZÅÄÖ]")
    scoped = re.compile(r"\b(?i:till)\s+[A-ZÅÄÖ]")
    text = PAD + "Resan gick TILL Exempelby. Sedan Till Norrby." + PAD
    upper_at = text.index("TILL")
    window = (upper_at, upper_at + 16)
    assert prefilter._window_test(exact)[0] and not prefilter._window_test(scoped)[0]
    assert not prefilter.window_may_match(exact, text, *window) and exact.search(text, *window) is None
    assert prefilter.window_may_match(scoped, text, *window) and scoped.search(text, *window)
    assert prefilter.search(scoped, text, *window).span() == scoped.search(text, *window).span()
    at = text.index("Till ")
    assert prefilter.search(exact, text, at - 6, at + 12).span() == exact.search(text, at - 6, at + 12).span()


def test_a_requirement_of_many_strings_is_not_tested_in_a_window() -> None:
    many = re.compile(r"\b(?:alfa|beta|gamma|delta|epsilon|zeta|eta|theta)\b")
    assert prefilter._window_test(many) == (False, ())
    assert prefilter.window_may_match(many, "ingenting", 0, 9)


def test_the_lower_cased_copy_of_a_text_shares_its_pass() -> None:
    """held() of a document's text and of a lower-cased copy (another object, the same case-folded
    text) is one automaton pass, and the answer is the one a pass over the copy gives."""
    rx = re.compile(r"ideell förening")
    prefilter.may_match(rx, PAD)  # the needle is registered
    text = PAD + "Exempelby Byalag Ideell Förening." + PAD
    low = text.lower()
    first = prefilter._NEEDLES.held(text)
    assert prefilter._NEEDLES.held(low) is first
    expected = frozenset(i for _, i in prefilter._NEEDLES.automaton.iter(low.casefold()))
    assert first == expected and prefilter.may_match(rx, low)


def test_an_answer_per_expression_is_worked_out_once() -> None:
    from kgraph.memo import per_pattern

    calls: list[str] = []

    @per_pattern
    def size(pattern: re.Pattern[str]) -> int:
        calls.append(pattern.pattern)
        return len(pattern.pattern)

    a, b = re.compile("abc"), re.compile("abcd")
    assert [size(a), size(b), size(a), size(b)] == [3, 4, 3, 4]
    assert calls == ["abc", "abcd"]


# ---------------------------------------------------------------- lines: a text scanned only where a match can be

@pytest.mark.parametrize(("source", "local"), [
    (r"för(?:ening|bund)(?![\wåäö])", True),
    (r"[A-ZÅÄÖ]\w+s[ \t]+förening", True),
    (r"(?<![\w-])förening\b", True),
    (r"(?<=\n)förening", True),  # a lookbehind sees the text before the line as it is
    (r".förening", True),
    (r"\sförening", False),  # \s holds "\n"
    (r"[^x]förening", False),
    (r"(?s).förening", False),
    (r"förening(?=\s)", False),  # a lookahead that may see past the line
    (r"förening$", False),
    (r"[ \t]+", False),  # no string a match needs
])
def test_which_expressions_match_inside_a_line(source: str, local: bool) -> None:
    assert prefilter.line_local(re.compile(source)) is local


def test_every_line_local_expression_finds_what_it_found() -> None:
    """Every expression of kgraph whose matches lie in one line, over the sample corpus and the
    fixtures (as they are and lower-cased): the same matches and groups, in the same order, and
    some texts are scanned in a few lines only."""
    local = [(n, p) for n, p in _patterns() if prefilter.line_local(p)]
    assert len(local) > 80
    in_lines = 0
    for text in _texts():
        for variant in (text, text.lower()):
            for name, rx in local:
                expected = [(m.span(), m.groups()) for m in rx.finditer(variant)]
                assert [(m.span(), m.groups()) for m in prefilter.finditer(rx, variant)] == expected, name
                lines = prefilter._lines_holding(variant, rx) if prefilter.may_match(rx, variant) else None
                if lines is not None:  # the line scan itself, also where finditer scans whole (a fast start)
                    in_lines += 1
                    got = prefilter._in_lines(moved(rx), variant, lines)
                    assert [(m.span(), m.groups()) for m in got] == expected, name
    assert in_lines > 1000


def _random_line_pattern(rng: random.Random) -> str:
    """Literals ("ab" needed), classes, lookarounds and anchors over "ab-" and the line's ends."""
    def atom() -> str:
        base = rng.choice(["a", "b", "-", "[ab]", "[a-]", ".", "[ \\t]", r"\b", "(?<![a-])", r"(?<=\n)",
                           "(?![ab])", "(?=-)", "^", "(?m:^)"])
        return base + (rng.choice(["", "", "?", "*", "+"]) if base[0] not in "\\(^" else "")
    before = "".join(atom() for _ in range(rng.randint(0, 3)))
    after = "".join(atom() for _ in range(rng.randint(0, 3)))
    return before + "ab" + after


def test_random_line_scans_find_what_the_whole_scan_finds() -> None:
    """Random expressions over random texts of short lines, long enough to be scanned line by line."""
    rng = random.Random(2026)
    scanned = 0
    for _ in range(1500):
        try:
            rx = re.compile(_random_line_pattern(rng))
        except re.error:
            continue
        if not prefilter.line_local(rx):
            continue
        for _ in range(4):
            lines = ["".join(rng.choice("ab- \t") for _ in range(rng.randint(0, 12))) for _ in range(150)]
            rng_lines = [line if rng.random() < 0.05 else line.replace("ab", "a") for line in lines]
            text = "\n".join(rng_lines) + rng.choice(["", "\n"])
            expected = [(m.span(), m.group()) for m in rx.finditer(text)]
            assert [(m.span(), m.group()) for m in prefilter.finditer(rx, text)] == expected, (rx.pattern, text)
            lines = prefilter._lines_holding(text, rx) if prefilter.may_match(rx, text) else None
            if lines is not None:  # the line scan itself, also for an expression the engine searches fast
                scanned += 1
                got = prefilter._in_lines(moved(rx), text, lines)
                assert [(m.span(), m.group()) for m in got] == expected, (rx.pattern, text)
    assert scanned > 300


# ---------------------------------------------------------------- anchors: tried only where a match can start

def test_anchored_expressions_find_what_they_found():
    """Every expression of kgraph whose matches start with one of some strings (and the lower-case
    forms of the case-insensitive ones), over the corpus and fixtures as they are and lower-cased,
    whole and in random windows: the same matches and groups, in the same order."""
    candidates = []
    for name, rx in _patterns():
        lowered = prefilter._without_case(rx)
        candidates += [(name, p) for p in (rx, lowered) if p is not None and prefilter._anchors(p) is not None]
    assert len(candidates) > 40
    rng = random.Random(17)
    for text in _texts()[:60]:
        for variant in (text, text.lower()):
            spans = [(0, prefilter._END)] + [(a, a + rng.randint(0, 400)) for a in
                                             (rng.randint(0, len(variant)) for _ in range(3))]
            for name, rx in candidates:
                for a, b in spans:
                    expected = [(m.span(), m.groups()) for m in rx.finditer(variant, a, b)]
                    got = prefilter._anchored(prefilter.moved(rx), prefilter._anchors(rx), variant, a, b)
                    assert [(m.span(), m.groups()) for m in got] == expected, (name, a, b)


def _random_anchored_pattern(rng: random.Random) -> str:
    """Assertions, then an alternation of words over "ab-" (some a prefix of another), then more."""
    front = "".join(rng.choice(["", r"\b", r"(?<![a-])", "(?=[ab])", "(?!b-)"]) for _ in range(rng.randint(0, 2)))
    words = ["".join(rng.choice("ab-") for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(1, 4))]
    words += [w + rng.choice("ab") for w in words[:1]]
    rest = rng.choice(["", "a*", "[ab-]?b", r"\b", "(?![ab])", "-+a", "(?:ab)?"])
    return front + "(?:" + "|".join(words) + ")" + rest


def test_random_anchored_scans_find_what_the_whole_scan_finds():
    rng = random.Random(2027)
    anchored = 0
    for _ in range(2000):
        rx = re.compile(_random_anchored_pattern(rng))
        auto = prefilter._anchors(rx)
        if auto is None:
            continue
        anchored += 1
        for _ in range(6):
            text = "".join(rng.choice("ab- ") for _ in range(rng.randint(0, 40)))
            pos, endpos = rng.randint(0, len(text)), rng.choice([prefilter._END, rng.randint(0, len(text))])
            expected = [(m.span(), m.group()) for m in rx.finditer(text, pos, endpos)]
            got = prefilter._anchored(prefilter.moved(rx), auto, text, pos, endpos)
            assert [(m.span(), m.group()) for m in got] == expected, (rx.pattern, text, pos, endpos)
            assert [(m.span(), m.group()) for m in prefilter.finditer(rx, text, pos, endpos)] == expected
    assert anchored > 500
