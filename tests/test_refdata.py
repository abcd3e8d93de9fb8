"""kgraph.refdata: the reference tables as loaded (municipalities, counties,
parties, ministers, associations)."""
from __future__ import annotations

import csv
import datetime as dt
import re

import pytest

from kgraph.extract.gazetteer import find_reference_mentions
from kgraph.resources import reference_dir


def _of_class(reference, cls):
    return [e for e in reference.entities.values() if e.cls == cls]


def _ministers_csv_rows():
    with (reference_dir() / "ministers.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ------------------------------------------------------------------ municipalities and counties

def test_refdata_has_290_municipalities(reference):
    assert len(_of_class(reference, "Municipality")) == 290


def test_refdata_municipality_codes_are_unique_four_digit_scb_codes(reference):
    codes = [e.attrs["scbCode"] for e in _of_class(reference, "Municipality")]
    assert all(re.fullmatch(r"\d{4}", c) for c in codes)
    assert len(set(codes)) == 290


def test_refdata_municipality_key_is_its_scb_code(reference):
    for e in _of_class(reference, "Municipality"):
        assert e.key == f"municipality/{e.attrs['scbCode']}"


@pytest.mark.parametrize("code, label", [
    ("0180", "Stockholms kommun"), ("1384", "Kungsbacka kommun"), ("2182", "Söderhamns kommun"),
    ("0980", "Gotlands kommun"), ("1470", "Vara kommun"),
])
def test_refdata_municipality_label_is_full_name(reference, code, label):
    assert reference.entities[f"municipality/{code}"].label == label


def test_refdata_has_21_counties(reference):
    counties = _of_class(reference, "County")
    assert len(counties) == 21
    assert len({e.attrs["scbCode"] for e in counties}) == 21


def test_refdata_every_municipality_lies_in_a_known_county(reference):
    counties = {e.attrs["scbCode"] for e in _of_class(reference, "County")}
    assert {e.attrs["county"] for e in _of_class(reference, "Municipality")} <= counties


def test_refdata_every_county_has_a_county_administrative_board(reference):
    for e in _of_class(reference, "County"):
        assert f"cab/{e.attrs['scbCode']}" in reference.entities


# ------------------------------------------------------------------ parties

@pytest.mark.parametrize("variant", ["FP", "Fp", "fp", "L"])
def test_refdata_party_variant_fp_belongs_to_l(reference, variant):
    owners = [e.key for e in _of_class(reference, "PoliticalParty")
              if variant in e.attrs.get("variants", "").split("|")]
    assert owners == ["party/l"]


@pytest.mark.parametrize("name", ["Folkpartiet", "Folkpartiet liberalerna", "Liberalerna"])
def test_refdata_party_former_names_resolve_to_l(reference, make_document, name):
    doc = make_document(f"Hon har länge varit aktiv i {name} i Vara.")
    keys = {m.key for m in find_reference_mentions(doc, reference) if m.kind == "PoliticalParty"}
    assert keys == {"party/l"}


def test_refdata_parties_keyed_by_abbreviation(reference):
    for e in _of_class(reference, "PoliticalParty"):
        assert e.key == "party/" + e.attrs["abbreviation"].lower()


# ------------------------------------------------------------------ ministers

@pytest.mark.parametrize("post, day, holder", [
    ("civilminister", dt.date(2021, 3, 25), "Lena Micko"),
    ("civilminister", dt.date(2024, 7, 13), "Erik Slottner"),
    ("Civilminister", dt.date(2021, 3, 25), "Lena Micko"),
])
def test_refdata_office_holder_on_date(reference, post, day, holder):
    term = reference.office_holder(post, day)
    assert term is not None and term.name == holder


def test_refdata_office_holder_unknown_post_is_none(reference):
    assert reference.office_holder("trollkarlsminister", dt.date(2021, 3, 25)) is None


def test_refdata_every_minister_row_has_post_and_start_date():
    rows = _ministers_csv_rows()
    assert rows
    bad = [r for r in rows if not (r.get("post") or "").strip()
           or not re.fullmatch(r"\d{4}-\d\d-\d\d", (r.get("start") or "").strip())]
    assert bad == []


def test_refdata_minister_rows_start_before_they_end():
    for r in _ministers_csv_rows():
        if (r.get("end") or "").strip():
            assert dt.date.fromisoformat(r["start"]) < dt.date.fromisoformat(r["end"]), r


def test_refdata_every_loaded_minister_term_has_post_and_start(reference):
    assert reference.ministers
    assert all(t.post and t.start is not None for t in reference.ministers)


def test_refdata_ministers_are_reference_persons(reference):
    entity = reference.entities["person/lena-micko"]
    assert (entity.cls, entity.label) == ("Person", "Lena Micko")


# ------------------------------------------------------------------ associations

@pytest.mark.parametrize("surface", ["SKL", "SKR", "Sveriges Kommuner och Landsting",
                                     "Sveriges Kommuner och Regioner"])
def test_refdata_skl_and_skr_are_one_entity(reference, make_document, surface):
    doc = make_document(f"Styrelsen för {surface} samlades i Stockholm.")
    keys = {m.key for m in find_reference_mentions(doc, reference) if m.kind == "Association"}
    assert keys == {"org/skr"}


@pytest.mark.parametrize("surface, key, kind", [
    ("FSV", "org/foreningen-sveriges-vatten-och-vindkraftskommuner-och-regioner", "Association"),
    ("Föreningen Sveriges Vattenkraftskommuner", "org/foreningen-sveriges-vatten-och-vindkraftskommuner-och-regioner",
     "Association"),
    ("Inlandskommunernas Ekonomiska Förening", "org/inlandskommunernas-ekonomiska-forening", "Association"),
    ("Sverigeförhandlingen", "agency/sverigeforhandlingen", "GovernmentAgency"),
    ("NLL", "region/25", "Region"),
])
def test_refdata_cooperation_bodies_commissions_and_a_county_council_s_short_form(reference, make_document, surface,
                                                                                  key, kind):
    # a former name is an alias of the body's row (FSV's of 1999); "NLL" is Norrbottens läns landsting's own short form
    doc = make_document(f"Företrädare för {surface} samlades i Luleå.")
    keys = {m.key for m in find_reference_mentions(doc, reference) if m.kind == kind}
    assert keys == {key}, keys
