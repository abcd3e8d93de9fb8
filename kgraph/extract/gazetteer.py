"""Names from reference data found in one pass over the text (Aho-Corasick).

One automaton holds every surface form of every reference entity, lower-cased.
A hit counts when it starts and ends on word boundaries (a genitive "s" may
follow: "Kungsbackas", "Söderhamns kommuns"), when its case fits (proper names
start with a capital as written), and, for forms that are ordinary words too
("Vara", "Mark", "Nora"), when the context supports a place reading.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick

from ..models import Document, Mention, provenance, span_at
from ..refdata import Form, Reference, load_reference
from ..text import at_sentence_start, lower_same_length, mask_contacts
from .dates import MONTH_NAMES_ALT
from .lexicon import CAPTION_CUES

# (and the place's common noun: "grannkommunen Vara", "hemkommunen Mark")
_PLACE_PREP = re.compile(r"(?:\b(?:i|till|från|för|på|mot|av|besökte|besöker|besöka|och|samt|inom|respektive"
                         r"|(?:grann|hem|medlems|värd)?kommunen)\s+|,\s*|"
                         # "17 oktober Berg": a schedule line's place
                         rf"\b\d{{1,2}}:?e?\s+(?:{MONTH_NAMES_ALT})[ \t]+(?:[-–][ \t]+)?)$",
                         re.IGNORECASE)
# a visit told with the subject after the verb ("I dag besöker landshövding Anna Berg Sala."): the place
# visited follows the visitor's full name, then the clause ends or goes on in lower case
_INVERTED_VISIT_RE = re.compile(r"\b(?:besökte|besöker|gästade|gästar)[ \t]+(?:[a-zåäö-]+[ \t]+){0,3}"
                                r"[A-ZÅÄÖ][\w-]+[ \t]+[A-ZÅÄÖ][\w-]+[ \t]+\Z")
_INVERTED_VISIT_END_RE = re.compile(r"[ \t]*(?:[.,;:!?]|\n|[ \t]+[a-zåäö])")


@dataclass(frozen=True)
class _Entry:
    key: str
    cls: str
    form: Form


def _automaton(ref: Reference) -> ahocorasick.Automaton:
    return ref.derived("gazetteer", lambda: _build_automaton(ref))


def _build_automaton(ref: Reference) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    table: dict[str, list[_Entry]] = {}
    for ent in ref.entities.values():
        for form in ent.forms:
            for low in _variants(form.text.lower(), ent.cls):
                table.setdefault(low, []).append(_Entry(ent.key, ent.cls, form))
    for low, entries in table.items():
        auto.add_word(low, (low, tuple(entries)))
    auto.make_automaton()
    return auto


def _variants(low: str, cls: str) -> list[str]:
    """A listed form and the ways texts also write it: "Landsbygds-och infrastrukturdepartementet" (the space
    after the hyphen lost); a ministry in the indefinite, "ett nytt Landsbygds- och infrastrukturdepartement"."""
    out = [low]
    if cls == "Ministry" and low.endswith("departementet"):
        out.append(low[:-2])
    if "- och " in low:
        out += [x.replace("- och ", "-och ") for x in out]
    return out


def _is_boundary(text: str, i: int) -> bool:
    """Is ``text[i]`` no word character (or outside the text)? ``\\w`` is the alphanumerics and "_"
    (tests/test_extract_gazetteer.py checks every character): a string test, where a match call costs twice as much."""
    if i < 0 or i >= len(text):
        return True
    c = text[i]
    return not (c.isalnum() or c == "_")


def _in_compound(text: str, start: int, end: int) -> bool:
    """"Stockholm-Mälarregionen", "Sundsvall-Timrå": a name joined by a hyphen to another capitalised
    word is part of a compound name, not a mention of its own (a whole listed form such as
    "Malung-Sälen" is found as a whole). Nor is the first part of a compound whose head the text
    shares with the next word ("Kommunal- och moderniseringsdepartementet", "Kommunal-och ...")."""
    if text[end:end + 1] == "-" and (text[end + 1:end + 2].isupper() or _SHARED_HEAD_RE.match(text, end + 1)):
        return True
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha() and text[start:start + 1].isupper()


_SHARED_HEAD_RE = re.compile(r"[ \t]*(?:och|eller|samt)[ \t]", re.IGNORECASE)


def _case_ok(form: Form, surface: str) -> bool:
    if not form.strict:
        return True
    # a short abbreviation ("BO", "SKR") is written in capitals: "Bo" is a given name
    if 2 <= len(form.text) <= 4 and form.text.isupper():
        return surface.isupper()
    # proper names: the first letter must be written as in the reference form
    return surface[:1] == form.text[:1] or (form.text[:1].isupper() and surface[:1].isupper())


# after a caption's label, its cue (written with a capital letter, after the label's full stop)
_CAPTION_LABEL_RE = re.compile(rf"\.[ \t]+(?=[A-ZÅÄÖ])(?:{CAPTION_CUES})\b")


# a comma or "och" next to a name: it may be an item of a list of places
_LIST_NEXT_RE = re.compile(r"[ \t]*(?:,|och[ \t])")
_LIST_PREV_RE = re.compile(r"(?:,|[ \t]och)[ \t]*\Z")


# abbreviations that are also short Swedish words ("AV", Arbetsmiljöverket, and "av")
_FUNCTION_WORDS = frozenset({"av", "i", "på", "om", "en", "ett", "och", "för", "till", "med", "vid", "som", "är",
                             "ur", "hos", "mot", "per", "se"})
_CAPS_WORD_BEFORE_RE = re.compile(r"[A-ZÅÄÖ]{2,}[ \t]+\Z")
_CAPS_WORD_AFTER_RE = re.compile(r"[ \t]+[A-ZÅÄÖ]{2,}(?![a-zåäö])")


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Is the word inside a heading written in capitals ("VAL AV JUSTERARE"), both its neighbours in
    capitals? An abbreviation that is also a short word ("AV") is that word there."""
    return bool(_CAPS_WORD_BEFORE_RE.search(text, max(0, start - 30), start)) \
        and bool(_CAPS_WORD_AFTER_RE.match(text, end))


# the page label of a document's header ("Sida 3 (24)", "Sammanträdesdatum Sida", "Sida 2 av 5"), which is
# also the name of an agency (Sida): a page label next to its number or another header field
_PAGE_LABELS = frozenset({"sida"})
# (with a colon too: "Sida: 2")
_PAGE_NUMBER_AFTER_RE = re.compile(r"[ \t]*:?[ \t]*(?:\n[ \t]*)?\d{1,3}(?:[ \t]*(?:\(|av|/)[ \t]*\d{1,3}\)?)?"
                                   r"(?![\d.:-])")
_HEADER_FIELD_RE = re.compile(r"(?i)(?:sammanträdesdatum|protokoll|datum|paragraf(?:er)?|dnr|diarienummer|"
                              r"justerandes signatur|utdragsbestyrkande)")


def _page_label(text: str, start: int, end: int) -> bool:
    """Is the word a header's page label: its number after it, or a header field right next to it?"""
    if _PAGE_NUMBER_AFTER_RE.match(text, end):
        return True
    if text.startswith(":", end) and _CAPS_WORD_BEFORE_RE.search(text, max(0, start - 30), start):
        return True  # "KOMMUNSTYRELSENS ARBETSUTSKOTT Sida: Tilldelningsbeslut": the label whose number the page lost
    before = text[max(0, start - 30):start].rstrip()
    after = text[end:end + 30].lstrip()
    return bool(re.search(r"[A-Za-zÅÄÖåäö]+\Z", before) and _HEADER_FIELD_RE.search(before.split()[-1])) \
        or bool(_HEADER_FIELD_RE.match(after))


def _weak_ok(text: str, start: int, end: int) -> bool:
    """A form that is also a common word needs a place reading around it."""
    after = text[end:end + 12]
    if re.match(r"s?\s+kommun", after, re.IGNORECASE):
        return True
    if _CAPTION_LABEL_RE.match(text, end) and (start == 0 or text[start - 1] == "\n"):
        return True  # "Kil. I bild Anna Berg, kommunchef, ...": a caption labelled by its municipality
    if at_sentence_start(text, start):
        return False
    if _SET_OFF_PARTY_BEFORE_RE.search(text, max(0, start - 12), start):
        return True  # "Anna Berg, (s), Boden Per Holm, (c), Kalix": PDF minutes' entries run on, the next name after
    if re.match(r"[ \t]+[A-ZÅÄÖ][a-zåäö]", after):  # "Nora Suni": a name, not a place (a new line is no name)
        return False
    if _INVERTED_VISIT_RE.search(text, max(0, start - 90), start) and _INVERTED_VISIT_END_RE.match(text, end):
        return True
    if _PARTY_BEFORE_RE.search(text, max(0, start - 12), start):
        return True  # "Karin Nord (KD) Lund, Per Holm (S) Vara": the home town of a listed member, after the party
    return bool(_PLACE_PREP.search(text[max(0, start - 18):start]))


_PARTY_BEFORE_RE = re.compile(r"\([A-Za-zÅÄÖåäö]{1,4}\)[ \t]*,?[ \t]*\Z")
_SET_OFF_PARTY_BEFORE_RE = re.compile(r",[ \t]*\([A-Za-zÅÄÖåäö]{1,4}\)[ \t]*,[ \t]*\Z")


def find_reference_mentions(doc: Document, ref: Reference | None = None, listed: bool = False) -> Iterator[Mention]:
    """Every acceptable hit, overlapping ones included (overlaps are settled later); with ``listed``, also a
    name that is a common word too, next to a comma or "och", marked ``listed_only`` for the caller to
    keep where a list of places makes it one."""
    ref = ref or load_reference()
    text = doc.text
    low = lower_same_length(mask_contacts(text))  # never inside e-mail or web addresses
    auto = _automaton(ref)
    for end_idx, (form_low, entries) in auto.iter(low):
        start = end_idx - len(form_low) + 1
        end = end_idx + 1
        if not _is_boundary(text, start - 1) or _in_compound(text, start, end):
            continue
        genitive = False
        if not _is_boundary(text, end):
            if text[end:end + 1] == "s" and _is_boundary(text, end + 1) and not form_low.endswith(("s", "x", "z")):
                genitive = True
            else:
                continue
        surface = text[start:end]
        for e in entries:
            if not _case_ok(e.form, surface) or (form_low in _FUNCTION_WORDS and _in_caps_run(text, start, end)):
                continue
            if form_low in _PAGE_LABELS and _page_label(text, start, end):
                continue
            list_only = False
            if e.form.weak and not _weak_ok(text, start, end):
                # "Eda, Tanum och Åre": a list may make a place of it, which the caller decides
                if not listed or genitive or not (_LIST_NEXT_RE.match(text, end)
                                                  or _LIST_PREV_RE.search(text, 0, start)):
                    continue
                list_only = True
            s_end = end + 1 if genitive else end
            # validated (in pydantic 2 about twice as fast as model_construct); provenance from checked parts
            yield Mention(
                text=text[start:s_end], kind=e.cls, key=e.key,
                prov=provenance(doc.id, span_at(start, s_end), "extract.gazetteer", 0.95 if not e.form.weak else 0.8),
                attrs={"genitive": "1"} if genitive else {"listed_only": "1"} if list_only else {})
