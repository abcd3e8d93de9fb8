"""kgraph.text: normalisation, folding, slugs, blocks, sentences, contact masking."""
from __future__ import annotations

import re
import unicodedata

import pytest

from kgraph.text import blocks, fold, lines_holding, mask_contacts, normalise_text, printable, sentences, slug


# ------------------------------------------------------------------ normalise_text

def test_text_normalise_composes_to_nfc():
    decomposed = "Söderhamn".replace("ö", "o\u0308")
    assert normalise_text(decomposed) == "Söderhamn"
    assert unicodedata.is_normalized("NFC", normalise_text(decomposed))


@pytest.mark.parametrize("raw, expected", [
    ("rad ett\r\nrad två", "rad ett\nrad två"),
    ("rad ett\rrad två", "rad ett\nrad två"),
    ("a\r\n\r\nb", "a\n\nb"),
])
def test_text_normalise_unifies_line_ends(raw, expected):
    assert normalise_text(raw) == expected


def test_text_normalise_removes_soft_hyphens():
    assert normalise_text("kommun\u00adstyrelsen") == "kommunstyrelsen"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007"])
def test_text_normalise_turns_no_break_spaces_into_spaces(space):
    assert normalise_text(f"25{space}mars") == "25 mars"


def test_text_normalise_removes_zero_width_and_bom():
    assert normalise_text("\ufeffVara\u200b kommun") == "Vara kommun"


def test_text_normalise_is_idempotent():
    raw = "Kommun\u00adstyrelsen\r\nmöttes\u00a0i Vara"
    once = normalise_text(raw)
    assert normalise_text(once) == once


# ------------------------------------------------------------------ fold

@pytest.mark.parametrize("raw, folded", [
    ("Söderhamns", "soderhamns"),
    ("ÅRE", "are"),
    ("Älvdalen", "alvdalen"),
    ("Malung–Sälen", "malung-salen"),
    ("  Region   Skåne ", "region skane"),
])
def test_text_fold_ignores_case_diacritics_dashes_and_spacing(raw, folded):
    assert fold(raw) == folded


# ------------------------------------------------------------------ slug

@pytest.mark.parametrize("raw, expected", [
    ("Pär-Olof Stål", "par-olof-stal"),
    ("Region Västra Götaland", "region-vastra-gotaland"),
    ("Öckerö kommun", "ockero-kommun"),
    ("  Anna  Berg  ", "anna-berg"),
])
def test_text_slug_is_ascii_and_hyphenated(raw, expected):
    assert slug(raw) == expected


def test_text_slug_of_nothing_is_not_empty():
    assert slug("!!!") != ""


# ------------------------------------------------------------------ blocks

_PAGE = (
    "Kommunalrådet tog emot gäster\n"
    "\n"
    "Kommunalrådet Siv Lindmark tog emot gästerna i Vara. De talade länge.\n"
    "Sedan gick de vidare.\n"
    "\n"
    "För mer information, kontakta:\n"
    "Ola Tornberg\n"
    "070-123 45 67\n"
    "ola.tornberg@vara.se\n"
    "\n"
    "Om Vara kommun\n"
    "\n"
    "Vara är en kommun i Skaraborg.\n"
)


def _block_texts(text):
    return [(text[b.start:b.end], b) for b in blocks(text)]


def test_text_blocks_split_on_blank_lines():
    assert [t.split("\n")[0] for t, _ in _block_texts(_PAGE)] == [
        "Kommunalrådet tog emot gäster", "Kommunalrådet Siv Lindmark tog emot gästerna i Vara. De talade länge.",
        "För mer information, kontakta:", "Om Vara kommun", "Vara är en kommun i Skaraborg."]


def test_text_blocks_mark_single_line_title_as_heading():
    flags = {t.split("\n")[0]: b.heading for t, b in _block_texts(_PAGE)}
    assert flags["Kommunalrådet tog emot gäster"] is True
    assert flags["Om Vara kommun"] is True
    assert flags["Vara är en kommun i Skaraborg."] is False


def test_text_blocks_subheading_on_the_line_above_its_paragraph_is_a_heading():
    text = ("Träff med ministern\nOrdförande Anna Berg träffade ministern den 2 december för att tala om skolan.\n\n"
            "Övriga närvarande\nPer Holm, kommunchef\n")
    got = [(t, b.heading) for t, b in _block_texts(text)]
    assert got[0] == ("Träff med ministern", True)
    assert got[1][0].startswith("Ordförande Anna Berg") and got[1][1] is False
    # a roster's label above short entries stays in its block
    assert any(t.startswith("Övriga närvarande\nPer Holm") for t, _ in got)


def test_text_blocks_items_of_an_announced_list_are_no_headings():
    text = ("Besök i Vara\n\nI går träffade vi kommunledningen. Vid träffen var följande personer med\n\n"
            "KS ordförande i Vara kommun - Siv Lindmark\n\nPer Holm - ledamot i KS\n\n"
            "Program för dagen:\n\nTisdag 4 mars\n\nOm Vara kommun\n\nVara är en kommun i Skaraborg.\n")
    flags = {t: b.heading for t, b in _block_texts(text)}
    assert flags["Besök i Vara"] is True
    assert flags["KS ordförande i Vara kommun - Siv Lindmark"] is False
    assert flags["Per Holm - ledamot i KS"] is False
    # a day's heading after a list's intro is still a heading, and the list ends at the next prose
    assert flags["Tisdag 4 mars"] is True
    assert flags["Om Vara kommun"] is True


def test_text_blocks_programme_item_on_its_own_line_is_no_heading():
    text = "Program\n\nTisdag 4 mars\n\n10.15 Företagsbesök Kvarnbo Snickeri\n\nKl. 13.00 Lunch med kommunledningen\n"
    flags = {t.strip(): b.heading for t, b in _block_texts(text)}
    assert flags["Tisdag 4 mars"] is True
    assert flags["10.15 Företagsbesök Kvarnbo Snickeri"] is False
    assert flags["Kl. 13.00 Lunch med kommunledningen"] is False


def test_text_blocks_line_broken_off_mid_sentence_is_no_heading():
    # a scraped page breaks a sentence at a blank line: the next paragraph goes on in lower case
    text = ("Besök i Vara\n\nVi träffade kommunledningen i Vara.\n\nHär är vägarna viktiga. Många tar upp\n\n"
            "bristen på underhåll av de enskilda vägarna.\n")
    flags = {t.strip(): b.heading for t, b in _block_texts(text)}
    assert flags["Besök i Vara"] is True
    assert flags["Här är vägarna viktiga. Många tar upp"] is False


def test_text_blocks_mark_contact_block_after_cue():
    flags = {t.split("\n")[0]: b.contact for t, b in _block_texts(_PAGE)}
    assert flags["För mer information, kontakta:"] is True
    assert flags["Kommunalrådet Siv Lindmark tog emot gästerna i Vara. De talade länge."] is False


def test_text_blocks_a_signature_with_a_phone_number_is_a_contact_block():
    # a press release signed without a contact cue: "Name, title" and the phone number on the next line
    page = ("Pressträff efter styrelsens möte\n\nEfter mötet möter medierna ordföranden Anna Berg.\n\nVälkommen!\n\n"
            "Olle Brink, informationschef\nTel. 019-602 63 14\n\nLars Nord, ordförande i Exempelföreningen, "
            "hälsade alla välkomna.\nMötet varade i två timmar.\n")
    flags = {t.split("\n")[0]: b.contact for t, b in _block_texts(page)}
    assert flags["Olle Brink, informationschef"] is True
    assert flags["Lars Nord, ordförande i Exempelföreningen, hälsade alla välkomna."] is False


def test_text_blocks_heading_ends_contact_section():
    flags = {t.split("\n")[0]: b.contact for t, b in _block_texts(_PAGE)}
    assert flags["Vara är en kommun i Skaraborg."] is False


def test_text_blocks_a_programme_after_a_contact_sentence_is_no_contact_block():
    page = ("Ministern besöker Vara\n\nKontakta pressekreterare Olle Brink för mer information.\n\nProgram\n\n"
            "10.00 Möte med kommunledningen\nAdress: Storgatan 1\n\n14.00 Besök hos Vara Bygg AB\n\n"
            "Kontakt\n\nOlle Brink\nPressekreterare\n")
    flags = {t.split("\n")[0]: b.contact for t, b in _block_texts(page)}
    assert flags["Program"] is False and flags["10.00 Möte med kommunledningen"] is False
    assert flags["14.00 Besök hos Vara Bygg AB"] is False
    assert flags["Olle Brink"] is True  # a name line inside the contact section stays in it


def test_text_blocks_a_programme_item_ends_a_contact_section():
    page = "Kontakta pressekreterare Olle Brink för mer information.\n\n09.30 Besök på Vara Bygg AB\n"
    flags = {t.split("\n")[0]: b.contact for t, b in _block_texts(page)}
    assert flags["09.30 Besök på Vara Bygg AB"] is False


def test_text_blocks_indices_are_positions():
    assert [b.index for b in blocks(_PAGE)] == list(range(len(blocks(_PAGE))))


# ------------------------------------------------------------------ sentences

def _sentence_texts(text):
    return [text[s.start:s.end] for s in sentences(text)]


def test_text_sentences_split_at_full_stops():
    assert _sentence_texts("Ministern kom till Vara. Hon stannade en dag.") == [
        "Ministern kom till Vara.", "Hon stannade en dag."]


@pytest.mark.parametrize("abbr", ["t.ex.", "bl.a.", "m.fl.", "s.k.", "dvs.", "f.d."])
def test_text_sentences_do_not_split_after_abbreviations(abbr):
    text = f"De talade om {abbr} Vara och Skara. Sedan åkte de hem."
    assert _sentence_texts(text) == [f"De talade om {abbr} Vara och Skara.", "Sedan åkte de hem."]


def test_text_sentences_end_at_question_and_exclamation_marks():
    assert _sentence_texts("Kommer hon? Ja! Det gör hon.") == ["Kommer hon?", "Ja!", "Det gör hon."]


def test_text_sentences_do_not_cross_blocks():
    text = "Rubrik utan punkt\n\nFörsta stycket slutar här.\n\nAndra stycket."
    assert _sentence_texts(text) == ["Rubrik utan punkt", "Första stycket slutar här.", "Andra stycket."]


def test_text_sentences_keep_wrapped_line_in_one_sentence():
    text = "Kommunalrådet talade om skolan\noch om vården i kommunen."
    assert _sentence_texts(text) == ["Kommunalrådet talade om skolan\noch om vården i kommunen."]


def test_text_sentences_split_contact_block_lines():
    assert _sentence_texts(_PAGE)[-6:-2] == [
        "För mer information, kontakta:", "Ola Tornberg", "070-123 45 67",
        "ola.tornberg@vara.se"]


def test_text_sentences_offsets_are_trimmed():
    text = "  Hon kom.   Han gick.  "
    for s in sentences(text):
        assert text[s.start:s.end] == text[s.start:s.end].strip()


# ------------------------------------------------------------------ mask_contacts

@pytest.mark.parametrize("text", [
    "Skriv till ola.tornberg@vara.se i dag.",
    "Läs mer på www.vara.se/nyheter eller https://skara.se.",
    "Ring 0512-310 00 eller 070-123 45 67.",
    "Telefon: +46 512 310 00",
])
def test_text_mask_contacts_keeps_length(text):
    assert len(mask_contacts(text)) == len(text)


@pytest.mark.parametrize("text, secret", [
    ("Skriv till ola.tornberg@vara.se i dag.", "vara.se"),
    ("Läs mer på www.vara.se/nyheter i dag.", "vara"),
    ("Ring 070-123 45 67 i dag.", "123"),
])
def test_text_mask_contacts_blanks_addresses_and_numbers(text, secret):
    assert secret not in mask_contacts(text)


def test_text_mask_contacts_leaves_running_text_alone():
    text = "Ministern besökte Vara den 7 december 2012."
    assert mask_contacts(text) == text


@pytest.mark.parametrize("raw,seen", [
    ("Protokoll KS 2021-03-01.txt", "Protokoll KS 2021-03-01.txt"),  # ordinary names unchanged
    ("två\nrader.txt", "två\\nrader.txt"),
    ("flik\tår\r.txt", "flik\\tår\\r.txt"),
    ("\x1b[31mröd\x1b[0m.txt", "\\x1b[31mröd\\x1b[0m.txt"),
    ("del\x7f\x85.txt", "del\\x7f\\x85.txt"),
    ("faktura\u202etxt.exe", "faktura\\u202etxt.exe"),
    ("\u2067omvänd\u2069.txt", "\\u2067omvänd\\u2069.txt"),
])
def test_printable_shows_what_a_terminal_would_act_on(raw, seen):
    assert printable(raw) == seen


def test_sentences_a_middle_initial_ends_no_sentence():
    text = "Där talade Ulla J. Berglind om skolan. Sedan följde lunch."
    assert [text[s.start:s.end] for s in sentences(text)] == [
        "Där talade Ulla J. Berglind om skolan.", "Sedan följde lunch."]


@pytest.mark.parametrize("line,kind", [
    ("I bild Anna Berg, kommunchef, och Per Holm.", "caption"),
    ("På bilden syns Anna Berg.", "caption"),
    ("Frågan kom i bild när kommunen växte.", "body"),
    # a picture's description printed as text (its alt text) names no one and reports nothing
    ("Tre män sitter i en soffa och samtalar om vägarna.", "boilerplate"),
    ("Två kvinnor står framför kommunhuset och ler.", "boilerplate"),
    ("Tre personer från Vara kommun sitter med ministern.", "body"),
    # one person, with or without an article, after a gallery's bullet
    ("• En man i kostym skakar hand med en ung kvinna vid entrén.", "boilerplate"),
    ("Kvinna pekar på en karta på väggen.", "boilerplate"),
    ("• En man från Vara kommun skakar hand med ministern.", "bullet"),
    # what the photo shows, then who is in it
    ("Ministerbesök på Exempelgården, från vänster syns Anna Berg och Per Holm.", "caption"),
    ("Ministern besökte Exempelgården, där Anna Berg tog emot från vänster sida.", "body"),
])
def test_text_sentence_kind_of_a_photo_caption(line, kind):
    from kgraph.text import Block, sentence_kind
    assert sentence_kind(line, Block(0, len(line), 0, False, False)) == kind


def test_lines_holding_matches_as_finditer_does() -> None:
    """A one-line MULTILINE pattern that needs a colon, matched on the lines with one, finds what
    finditer finds over the whole text: first line, last line without a newline, empty lines."""
    rx = re.compile(r"^[ \t]*(?P<lead>[^\n:]{3,40}?)[ \t]*:[ \t]*(?P<rest>[^\n]*)$", re.MULTILINE)
    text = ("Styrelsen består av: Anna Ek, Bo Lind\n\nIngen lista här\n  Närvarande:\nKl. 10:30 möte\n"
            "Ledamöter:  Cia Berg")
    assert list(lines_holding(text, ":")) == [(0, 37), (55, 68), (69, 83), (84, 104)]
    found = [m.span() for a, b in lines_holding(text, ":") if (m := rx.match(text, a, b))]
    assert found == [m.span() for m in rx.finditer(text)]
    assert len(found) == 4
    assert list(lines_holding("inget kolon\n", ":")) == []


# ------------------------------------------------------------------ tokens

def _tokens_word_by_word(text: str) -> list[tuple[str, int, int, bool]]:
    """What tokens() gives, written word by word: each WORD_RE match, split once where a lower-case
    letter is glued to a capitalised word of three letters or more (two letters or more before it), unless
    the word is a short capitalised part and a capitalised part of three to eight letters ("AnnaKarin")."""
    from kgraph.text import WORD_RE

    out = []
    for m in WORD_RE.finditer(text):
        word, start = m.group(), m.start()
        glued = re.search(r"(?<=[^\W\d_]{2})[a-zåäöéü](?=[A-ZÅÄÖÉÜ][a-zåäöéü]{2})", word)
        if glued and not re.fullmatch(r"[A-ZÅÄÖÉÜ][a-zåäöéü]{1,3}[A-ZÅÄÖÉÜ][a-zåäöéü]{2,7}", word):
            cut = glued.start() + 1
            out += [(word[:cut], start, start + cut, word[0].isupper()), (word[cut:], start + cut, m.end(), True)]
        else:
            out.append((word, start, m.end(), word[0].isupper()))
    return out


def test_tokens_keep_a_given_name_written_with_a_capital_inside():
    from kgraph.text import tokens

    text = "Närvarande: RosMarie Holm (S), AnnaKarin Berg, Lars NordströmOrdförande"
    assert [t.text for t in tokens(text)] == ["Närvarande", "RosMarie", "Holm", "S", "AnnaKarin", "Berg", "Lars",
                                              "Nordström", "Ordförande"]


def test_tokens_split_a_caption_glued_to_the_text():
    from kgraph.text import Token, tokens

    text = "Foto: Anna BergströmKommunchefen i Exempelby, ÅSA och O’Neil-Öberg talade."
    toks = tokens(text)
    assert all(type(t) is Token for t in toks)
    assert [t.text for t in toks] == ["Foto", "Anna", "Bergström", "Kommunchefen", "i", "Exempelby", "ÅSA", "och",
                                      "O’Neil-Öberg", "talade"]
    berg = toks[2]
    assert (berg.start, berg.end, berg.is_cap) == (text.index("Bergström"), text.index("Kommunchefen"), True)
    assert [tuple(t) for t in toks] == _tokens_word_by_word(text)


def test_tokens_are_the_words_one_by_one():
    """Random texts of letters, capitals, digits, hyphens, apostrophes and line ends."""
    import random

    from kgraph.text import tokens

    rng = random.Random(29)
    pieces = ["Berg", "ström", "Kommun", "chef", "anna", "ÅS", "é", "Ü", "x", "9", " ", "\n", "-", "’", "_"]
    glued = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = _tokens_word_by_word(text)
        assert [tuple(t) for t in tokens(text)] == expected, text
        glued += sum(1 for a, b in zip(expected, expected[1:], strict=False) if a[2] == b[1])
    assert glued > 300
