"""kgraph.extract.dates: dates in running text and the document's own date."""
from __future__ import annotations

import datetime as dt

import pytest

from kgraph.extract.dates import find_dates, find_document_date

DOC_DATE = dt.date(2012, 12, 5)  # a Wednesday


def _values(text, doc_date=None):
    return [h.value for h in find_dates(text, doc_date)]


# ------------------------------------------------------------------ absolute dates

@pytest.mark.parametrize("text, value", [
    ("Mötet hölls 25 mars 2021 i Vara.", dt.date(2021, 3, 25)),
    ("Mötet hölls den 25 mars 2021 i Vara.", dt.date(2021, 3, 25)),
    ("Beslutet togs 2012-12-05 av nämnden.", dt.date(2012, 12, 5)),
    ("Seminariet är den 7 dec. 2012 i Skara.", dt.date(2012, 12, 7)),
    ("Tisdagen den 10 november 2015 kom hon.", dt.date(2015, 11, 10)),
    ("Konferensen 24–25 augusti 2022 i Borås.", dt.date(2022, 8, 24)),
])
def test_dates_full_date_in_text(text, value):
    assert _values(text) == [value]


def test_dates_span_covers_the_date():
    text = "Mötet hölls 25 mars 2021 i Vara."
    (hit,) = find_dates(text, None)
    assert text[hit.start:hit.end] == "25 mars 2021"


@pytest.mark.parametrize("text", ["Beslut 2021-02-30 i nämnden.", "Beslut 31 april 2021 i nämnden."])
def test_dates_impossible_calendar_date_is_not_a_date(text):
    assert [v for v in _values(text) if v is not None] == []


@pytest.mark.parametrize("text", ["Ring 070-123 45 67.", "Diarienummer 2012-1205-3.", "Det kostade 2012 kronor."])
def test_dates_numbers_that_are_not_dates(text):
    assert _values(text) == []


@pytest.mark.parametrize("text, value", [
    ("2019-04-02 Nämnden sammanträdde.", [dt.date(2019, 4, 2)]),  # at the very start of the text
    ("Datum:2019-04-02", [dt.date(2019, 4, 2)]),
    ("Nr 12019-04-02 i diariet.", []),  # a digit before the year: part of a longer number
    ("Ärende 7-2019-04-02 i diariet.", []),  # a hyphen before it
    ("Protokoll 2014 09 03 Kommunstyrelsen", [dt.date(2014, 9, 3)]),  # as a PDF's header prints it
    ("Tabell 4 2014 09 03 sida", []),  # a number and a space before it: a row of numbers
    ("Telefon 2014 09 03 44", []),
])
def test_dates_iso_dates_at_their_boundaries(text, value):
    assert _values(text) == value


# ------------------------------------------------------------------ dates without a year

@pytest.mark.parametrize("text, value", [
    ("Ministern kommer fredag 7 december.", dt.date(2012, 12, 7)),
    ("Dag: fredag 7 december", dt.date(2012, 12, 7)),
    ("Ministern kommer på fredag den 7 december.", dt.date(2012, 12, 7)),
    ("Ministern kom den 3 december.", dt.date(2012, 12, 3)),
])
def test_dates_day_and_month_take_document_year(text, value):
    assert _values(text, DOC_DATE) == [value]


def test_dates_weekday_date_early_in_year_after_december_document_is_next_year():
    # a programme published in December that names "fredag 11 januari" means next January
    assert _values("Nästa möte blir fredag 11 januari.", DOC_DATE) == [dt.date(2013, 1, 11)]


def test_dates_day_and_month_without_document_date_is_unresolved():
    assert _values("Ministern kommer fredag 7 december.", None) == [None]


# ------------------------------------------------------------------ relative dates

@pytest.mark.parametrize("text, value", [
    ("I dag besöker ministern Vara.", dt.date(2012, 12, 5)),
    ("Ministern är i Vara idag.", dt.date(2012, 12, 5)),
    ("I går besökte ministern Vara.", dt.date(2012, 12, 4)),
    ("I morgon besöker ministern Vara.", dt.date(2012, 12, 6)),
    ("Ministern kommer på fredag.", dt.date(2012, 12, 7)),
])
def test_dates_relative_with_document_date(text, value):
    hits = find_dates(text, DOC_DATE)
    assert [(h.value, h.relative) for h in hits] == [(value, True)]


@pytest.mark.parametrize("text, value", [
    ("Under måndagen träffade ministern kommunledningen.", dt.date(2012, 12, 3)),
    ("På onsdagen besökte ministern Vara.", dt.date(2012, 12, 5)),
    ("Ministern kom till Vara på torsdagen.", dt.date(2012, 11, 29)),
    # ... unless its own clause is in the future: the coming one (the document's day being a Wednesday)
    ("Mötet kommer nu istället att hållas digitalt under torsdagen.", dt.date(2012, 12, 6)),
    ("Ministern ska besöka Vara på onsdagen.", dt.date(2012, 12, 5)),
])
def test_dates_narrative_weekday_is_the_latest_such_day_or_the_coming_one_in_a_future_clause(text, value):
    # "på måndagen", "under onsdagen" (definite): a report's day, not a day ahead ("på måndag")
    hits = find_dates(text, DOC_DATE)
    assert [(h.value, h.relative) for h in hits] == [(value, True)]


@pytest.mark.parametrize("text", ["I dag besöker ministern Vara.", "I går besökte ministern Vara."])
def test_dates_relative_without_document_date_is_unresolved(text):
    hits = find_dates(text, None)
    assert [(h.value, h.relative) for h in hits] == [(None, True)]


def test_dates_hits_are_in_text_order():
    hits = find_dates("I dag, den 5 december 2012, och i morgon.", DOC_DATE)
    assert [h.start for h in hits] == sorted(h.start for h in hits)


# ------------------------------------------------------------------ the document's own date

@pytest.mark.parametrize("text, value", [
    ("Publicerad 2016-04-12\n\nMinistern besökte Vara\n\nText om besöket.", dt.date(2016, 4, 12)),
    ("Publicerad: 12 april 2016 kl. 10.15\n\nText om besöket.", dt.date(2016, 4, 12)),
    ("Socialdepartementet\n\nRubrik\n\nPressmeddelande   •   Dec 09, 2009 08:50 CET\n\nText.", dt.date(2009, 12, 9)),
    ("Rubrik\n\nText om besöket.\n\nPublicerad\n4 maj 2023\nSenast uppdaterad\n9 maj 2023", dt.date(2023, 5, 4)),
    ("Ministern besökte Vara\n25 mars 2021\n\nText om besöket.", dt.date(2021, 3, 25)),
    ("Nyheter\n\n2019-05-03\n\nText om besöket.", dt.date(2019, 5, 3)),
    ("Region Sörmland\n\nPressmeddelande · 2023-11-09\n\nText om besöket.", dt.date(2023, 11, 9)),
    ("Nyhet | 12 mars 2020\n\nText om besöket.", dt.date(2020, 3, 12)),
])
def test_dates_document_date_found(text, value):
    assert find_document_date(text)[0] == value


def test_dates_document_date_span_points_at_date():
    text = "Rubrik\n\nText.\n\nPublicerad: 25 mars 2021"
    value, (start, end) = find_document_date(text)
    assert text[start:end] == "25 mars 2021"


def test_dates_document_date_prefers_published_over_updated():
    text = "Senast uppdaterad: 25 mars 2021\nPublicerad 2021-03-20\n\nText om besöket."
    assert find_document_date(text)[0] == dt.date(2021, 3, 20)
    # the stamp of the last change on the published date's own line, empty or with its date
    for line in ("Publicerad: 2021-03-20 Senast ändrad:", "Publicerad 2021-03-20, senast uppdaterad 2021-04-02"):
        assert find_document_date(f"Rubrik\n\n{line}\n\nText om besöket.")[0] == dt.date(2021, 3, 20), line


@pytest.mark.parametrize("text", [
    "Ministern besökte Vara.\n\nHon kom 2019-05-03 och stannade länge.",
    "Ingen datering i den här texten.",
    "Publicerad 2016-13-45\n\nText.",
])
def test_dates_document_date_absent(text):
    assert find_document_date(text) == (None, None)



@pytest.mark.parametrize("text", [
    "Ministern besökte Vara\n\nText om besöket.\n\nSenast uppdaterad: 25 mars 2021",
    "Ministern besökte Vara\n\nText om besöket.\n\nSenast uppdaterad\n25 mars 2021\nAnsvarig organisation",
])
def test_dates_update_stamp_is_not_the_document_date(text):
    assert find_document_date(text) == (None, None)


def test_dates_update_stamp_places_only_the_month_before_it(make_document, reference):
    from kgraph.extract.pipeline import extract_document
    near = "Ministern besökte Vara kommun den 20 mars.\n\nSenast uppdaterad: 25 mars 2021\n"
    far = "Ministern besökte Vara kommun den 6 februari.\n\nSenast uppdaterad: 16 oktober 2018\n"
    assert [m.date for m in extract_document(make_document(near), reference).meetings] == [dt.date(2021, 3, 20)]
    assert [m.date for m in extract_document(make_document(far), reference).meetings] == [None]


def test_dates_category_and_date_line_is_the_document_date():
    text = "Sammanfattning från styrelsen den 25 september\n\nStyrelse / 1 oktober 2025\n\nVid mötet behandlades."
    assert find_document_date(text)[0] == dt.date(2025, 10, 1)


def test_dates_run_on_protocol_header_dates_the_minuted_meeting(make_document, reference):
    from kgraph.extract.pipeline import extract_document
    text = ("protokoll kommunstyrelsen · 2018-10-04\n\nPROTOKOLL Kommunstyrelsen Sammanträdesdatum: 2018-10-02 "
            "Plats och tid Sessionssalen, kl. 09:00 Beslutande Anna Berg (S) Per Holm (M), ordförande "
            "Utses att justera Per Holm\n")
    [meeting] = extract_document(make_document(text), reference).meetings
    assert meeting.date == dt.date(2018, 10, 2)


_BODY = "Rubrik om mötet\n\n" + "En mening om något som hände. " * 3 + "\n\n" + ("Ett stycke text. " * 5 + "\n\n") * 12


def _is_place(name: str) -> bool:
    return name.lower() in {"ronneby", "tingsryd", "blekinge"}


@pytest.mark.parametrize("line, value", [
    ("Ronneby 4 maj 2021", dt.date(2021, 5, 4)),
    ("RONNEBY, 2021-05-04", dt.date(2021, 5, 4)),
    ("Tingsryd den 4 maj 2021", dt.date(2021, 5, 4)),
    ("Ronneby den 4 maj 2021 kl. 10.00", dt.date(2021, 5, 4)),
    ("Publicerad: 2021-05-04 av Anna Exempel", dt.date(2021, 5, 4)),
])
@pytest.mark.parametrize("where", ["above", "below", "under the heading"])
def test_dates_dateline_above_or_below_the_text(line, value, where):
    text = {"above": line + "\n\n" + _BODY, "below": _BODY + "\n\n" + line,
            "under the heading": "Rubrik\n\n" + line + "\n\n" + _BODY}[where]
    found, (start, end) = find_document_date(text, _is_place)
    assert found == value and text[start:end] in line


@pytest.mark.parametrize("line", ["Styrelsemöte 4 maj 2021", "Möte den 4 maj 2021", "Vara 4 maj 2021"])
def test_dates_no_dateline_without_a_place(line):
    """A heading with a date is no dateline unless it starts with a place ("Vara" is none of the test's)."""
    assert find_document_date(line + "\n\n" + _BODY, _is_place) == (None, None)
    assert find_document_date("Ronneby 4 maj 2021\n\n" + _BODY) == (None, None)  # no place names given


@pytest.mark.parametrize("text, day", [
    ("Rubrik\n\nLandshövdingen besökte kommunen i dag.\n\nSenast publicerad: 2018-01-16\n", dt.date(2018, 1, 16)),
    ("Rubrik\n\nSidan publicerad 3 mars 2020\n\nText om mötet.\n", dt.date(2020, 3, 3)),
    ("Rubrik\n\nI dag kom turen till kommunen.\n\nPublicerat av Anna Berg den 9 februari 2018, senast ändrad den "
     "12 februari 2018\n", dt.date(2018, 2, 9)),
])
def test_document_date_from_a_cms_footer(text, day):
    assert find_document_date(text)[0] == day


def test_document_date_is_not_the_last_change():
    assert find_document_date("Rubrik\n\nText om mötet.\n\nSenast ändrad den 12 februari 2018\n")[0] is None


def test_weekday_and_day_place_the_year_among_the_years_the_text_names():
    text = "Onsdagen den 9 december är ministern i Lund. Under 2015 besöker ministern alla regioner, liksom 2016."
    assert [h.value for h in find_dates(text, None)] == [dt.date(2015, 12, 9)]  # a Wednesday in 2015, not 2016
    # a weekday that fits none of them leaves the date unresolved
    assert [h.value for h in find_dates(text.replace("Onsdagen", "Torsdagen"), None)] == [None]


def test_weekday_and_day_place_the_year_beside_a_year_the_text_looks_ahead_to():
    # a visit in December of a text that names only the coming year: 12 December is a Tuesday in 2017
    text = "Under tisdagen den 12 december besökte ministern Vara. Alla kommuner ska besökas före mars 2018."
    assert [h.value for h in find_dates(text, None)] == [dt.date(2017, 12, 12)]
    # the year named wins over the years beside it when it fits: Wednesday 12 December 2018
    assert [h.value for h in find_dates(text.replace("tisdagen", "onsdagen"), None)] == [dt.date(2018, 12, 12)]
    # a weekday that fits none of the three years leaves the date unresolved
    assert [h.value for h in find_dates(text.replace("tisdagen", "lördagen"), None)] == [None]


def test_dates_press_release_dateline_of_a_region(reference, make_document):
    from kgraph.extract.pipeline import extract_document
    text = ("Pressinbjudan: Utskottet möter näringslivet\n\nRegion Gävleborg 2019-09-02 10:15\n\n"
            "Torsdagen den 5 september håller Region Gävleborgs arbetsutskott sammanträde i Sandviken.\n")
    ex = extract_document(make_document(text), reference)
    assert str(ex.published) == "2019-09-02"
    assert [str(m.date) for m in ex.meetings] == ["2019-09-05"]


@pytest.mark.parametrize("line, value", [
    ("Artikeln publicerades 18 september 2025", dt.date(2025, 9, 18)),
    ("Publicerades: 2020-03-04", dt.date(2020, 3, 4)),
    ("Publicerad: 2020-03-04", dt.date(2020, 3, 4)),
])
def test_document_date_after_publicerades(line, value):
    assert find_document_date(line + "\n\nRubrik\n\nText om mötet.\n")[0] == value


def test_dates_a_day_and_month_take_the_one_year_the_text_gives_that_month():
    text = "Rådet möttes 3-4 mars i Vara. Bild: rådet den 4 mars 2019."
    assert _values(text)[0] == dt.date(2019, 3, 3)
    # two years with that month: no guess
    text = "Styrelsen sammanträdde 11 december. Förra mötet var 5 december 2011, nästa 3 december 2012."
    assert _values(text)[0] is None


@pytest.mark.parametrize("text, year", [
    ("Nyhetsbrev från SmåKom – maj 2018\n\nStyrelsen sammanträdde.", 2018),
    ("Styrelsemöte\n\nRemissvaret ska vara inne den 2 februari 2016.", None),  # a date, no masthead
])
def test_dates_masthead_year(text, year):
    from kgraph.extract.dates import find_masthead_year
    assert find_masthead_year(text) == year


def test_dates_a_newsletters_title_line_with_its_date_is_the_document_date():
    text = "Vårbrev från Exempelförbundet - 14 april 2016\n\nVälkommen till vårens brev.\n"
    assert find_document_date(text)[0] == dt.date(2016, 4, 14)
    # a headline that names an event's day is not the letter's own date
    assert find_document_date("Konferens om vatten - 14 april 2016\n\nVälkommen.\n") == (None, None)


@pytest.mark.parametrize("text", [
    "Per Holm är landshövding i länet sedan den 1 september 2022.",
    "Anna Berg är kommundirektör från och med 1 mars 2021.",
])
def test_dates_when_a_state_began_is_no_day_of_an_event(text):
    # the date is named, but it dates an office held since, not something that happened that day
    hits = find_dates(text, None)
    assert hits and all(h.value is None for h in hits), hits


def test_dates_a_meeting_is_not_dated_by_the_day_its_visitor_took_office(reference, make_document):
    from kgraph.extract.pipeline import extract_document
    text = ("Landshövdingen på besök\n\nPer Holm är landshövding i Hallands län sedan den 1 september 2022 och "
            "genomför under våren en turné bland länets kommuner. På måndagen besökte han Varbergs kommun och "
            "träffade kommunstyrelsens ordförande Anna Berg.\n")
    ex = extract_document(make_document(text), reference)
    assert ex.meetings and all(m.date != dt.date(2022, 9, 1) for m in ex.meetings), ex.meetings
