"""kgraph.extract.gazetteer.find_reference_mentions on invented snippets."""
from __future__ import annotations

import pytest

from kgraph.extract.gazetteer import find_reference_mentions


def _mentions(reference, make_document, text):
    return list(find_reference_mentions(make_document(text), reference))


def _keys(reference, make_document, text, kind=None):
    return {m.key for m in _mentions(reference, make_document, text) if kind is None or m.kind == kind}


def _by_surface(reference, make_document, text):
    out: dict[str, set[str]] = {}
    for m in _mentions(reference, make_document, text):
        out.setdefault(m.text, set()).add(m.key)
    return out


# ------------------------------------------------------------------ genitives

@pytest.mark.parametrize("text, surface, key", [
    ("Kungsbackas kommunalråd tog emot besökarna.", "Kungsbackas", "municipality/1384"),
    ("Det blev en bra dag för Kungsbackas skolor.", "Kungsbackas", "municipality/1384"),
    ("Söderhamns kommuns ekonomi är stark.", "Söderhamns kommuns", "municipality/2182"),
    ("Hon talade om Hudiksvalls framtid.", "Hudiksvalls", "municipality/2184"),
    ("Skellefteås näringsliv växer.", "Skellefteås", "municipality/2482"),
])
def test_gazetteer_matches_genitive_forms(reference, make_document, text, surface, key):
    assert key in _by_surface(reference, make_document, text).get(surface, set())


def test_gazetteer_genitive_mention_is_flagged(reference, make_document):
    ms = [m for m in _mentions(reference, make_document, "Kungsbackas kommunalråd talade.")
          if m.text == "Kungsbackas"]
    assert ms and all(m.attrs.get("genitive") == "1" for m in ms)


def test_gazetteer_span_covers_surface(reference, make_document):
    doc = make_document("Gästerna kom till Kungsbacka kommun i dag.")
    for m in find_reference_mentions(doc, reference):
        assert doc.text[m.prov.span.start:m.prov.span.end] == m.text


# ------------------------------------------------------------------ official names

@pytest.mark.parametrize("text, surface, key", [
    ("Stockholms stad bjöd in till samråd.", "Stockholms stad", "municipality/0180"),
    ("Malmö stad och Region Skåne skrev under.", "Malmö stad", "municipality/1280"),
    ("Kungsbacka kommun bjöd in till samråd.", "Kungsbacka kommun", "municipality/1384"),
    ("Region Skåne och Malmö stad skrev under.", "Region Skåne", "region/12"),
    ("Länsstyrelsen i Hallands län meddelar.", "Länsstyrelsen i Hallands län", "cab/13"),
    ("Beslutet fattades av Hallands län i fjol.", "Hallands län", "county/13"),
])
def test_gazetteer_matches_official_names(reference, make_document, text, surface, key):
    assert key in _by_surface(reference, make_document, text).get(surface, set())


def test_gazetteer_region_gotland_is_gotland_municipality_or_region(reference, make_document):
    # The reference data lists "Region Gotland" both as an alias of Gotlands kommun
    # (0980, which does the region's tasks) and as the name of region 09.
    keys = _by_surface(reference, make_document, "Region Gotland bjuder in.").get("Region Gotland", set())
    assert keys and keys <= {"municipality/0980", "region/09"}


# ------------------------------------------------------------------ weak names (also common words)

@pytest.mark.parametrize("text", [
    "Vara med och påverka din kommun!",
    "Vara är ett verb som betyder existera.",
    "Mark och vatten ska skyddas.",
    "– Vara med är viktigt, sa hon.",
])
def test_gazetteer_weak_name_at_sentence_start_is_not_a_municipality(reference, make_document, text):
    assert _keys(reference, make_document, text, "Municipality") == set()


@pytest.mark.parametrize("text, key", [
    ("Ministern var i Vara i tisdags.", "municipality/1470"),
    ("Politiker från Vara och Skara deltog.", "municipality/1470"),
    ("Mötet i Mark blev lyckat.", "municipality/1463"),
    ("Resan gick till Nora och Lindesberg.", "municipality/1884"),
    ("Vara kommun bjuder in till möte.", "municipality/1470"),
])
def test_gazetteer_weak_name_with_place_context_is_a_municipality(reference, make_document, text, key):
    assert key in _keys(reference, make_document, text, "Municipality")


def test_gazetteer_weak_name_followed_by_surname_is_not_a_place(reference, make_document):
    assert "municipality/1884" not in _keys(reference, make_document, "Vid mötet talade Nora Lindqvist länge.")


# ------------------------------------------------------------------ contacts

@pytest.mark.parametrize("text", [
    "Skriv till ola.tornberg@vara.se om saken.",
    "Frågor skickas till kommun@kungsbacka.se.",
    "Mer information finns på www.skara.se i dag.",
])
def test_gazetteer_no_match_inside_email_or_web_address(reference, make_document, text):
    assert _keys(reference, make_document, text, "Municipality") == set()


# ------------------------------------------------------------------ case

@pytest.mark.parametrize("text", [
    "De köpte mark i utkanten av stan.",
    "Det kan vara bra att veta.",
    "Ta med en sala till festen.",
])
def test_gazetteer_lowercase_common_word_is_not_a_municipality(reference, make_document, text):
    assert _keys(reference, make_document, text, "Municipality") == set()


def test_gazetteer_no_match_inside_a_longer_word(reference, make_document):
    # "Vara" inside "Varaktigt", "Mark" inside "Markarbeten"
    assert _keys(reference, make_document, "Varaktigt arbete och Markarbeten pågår.", "Municipality") == set()


def test_gazetteer_company_from_reference_list(reference, make_document):
    from kgraph.extract.pipeline import extract_document
    text = "Nyheter\n\nMinistern besökte Vattenfall och LKAB i Kiruna.\n"
    ex = extract_document(make_document(text), reference)
    companies = {key for key, info in ex.entities.items() if info.cls == "Company"}
    assert {"org/vattenfall", "org/lkab"} <= companies


def test_gazetteer_locality_after_venue_in_place_line(reference, make_document):
    from kgraph.extract.pipeline import extract_document
    text = "Kallelse\n\nPlats och tid: Kommunhuset, Fjugesta, kl. 13.00–15.40\n"
    ex = extract_document(make_document(text), reference)
    # (the text's own label, or the reference's for a listed locality)
    places = {info.label or reference.entities[key].label for key, info in ex.entities.items() if info.cls == "Place"}
    assert "Fjugesta" in places


def test_gazetteer_name_inside_a_hyphenated_compound_is_no_mention(reference, make_document):
    text = "Det gäller tillväxten i Stockholm-Mälarregionen och flygplatsen Sundsvall-Timrå."
    assert not _keys(reference, make_document, text, "Municipality")
    # a listed form with a hyphen is found whole
    assert _keys(reference, make_document, "Ministern besökte Malung-Sälens kommun.", "Municipality") == \
        {"municipality/2023"}


def test_gazetteer_bare_gotland_is_the_landscape_not_the_municipality(reference, make_document):
    from kgraph.extract.pipeline import extract_document
    ex = extract_document(make_document("Nyheter\n\nMinistern reste i går till Gotland för att tala om turism.\n"),
                          reference)
    classes = {(info.cls, key) for key, info in ex.entities.items()}
    assert ("Place", "place/gotland-landskap") in classes
    assert not any(cls == "Municipality" for cls, _ in classes)


def test_gazetteer_first_part_of_a_compound_sharing_its_head_is_no_mention(reference, make_document):
    # "Kommunal- och ...departementet": the union Kommunal is not named
    text = "Från Norge kom en tjänsteman från Kommunal-och moderniseringsdepartementet i Oslo."
    assert "Kommunal" not in _by_surface(reference, make_document, text)
    assert "Kommunal" not in _by_surface(reference, make_document, text.replace("-och", "- och"))
    assert "Kommunal" in _by_surface(reference, make_document, "Facket Kommunal och SKR möttes i Oslo.")


def test_gazetteer_a_joined_name_whose_hyphen_lost_its_space(reference, make_document):
    # "Landsbygds-och infrastrukturdepartementet": the whole ministry, not the older one its last word names
    # (and a ministry in the indefinite: "ett nytt Landsbygds- och infrastrukturdepartement")
    for text in ("Tjänstemän från Landsbygds-och infrastrukturdepartementet besökte länet.",
                 "Tjänstemän från Landsbygds- och infrastrukturdepartementet besökte länet.",
                 "Frågorna har samlats i ett nytt Landsbygds- och infrastrukturdepartement."):
        from kgraph.extract.pipeline import extract_document
        keys = set(extract_document(make_document("Nyheter\n\n" + text + "\n"), reference).entities)
        assert "gov/landsbygds-och-infrastrukturdepartementet" in keys, keys
        assert "gov/infrastrukturdepartementet" not in keys, keys


def test_gazetteer_a_caption_labelled_by_a_municipality_whose_name_is_a_common_word(reference, make_document):
    # "Kil" is also a common noun; as the label of a caption ("Kil. I bild ...") it is the municipality
    text = "Besöken\n\nKil. I bild Karin Ek, kommunchef, och Ulf Holm, kommunstyrelsens ordförande.\n"
    assert "municipality/1715" in _keys(reference, make_document, text)
    assert "municipality/1715" not in _keys(reference, make_document, "Besöken\n\nEn kil av trä.\n")


@pytest.mark.parametrize("text", [
    "SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Sida Kommunstyrelsen 2016-04-11 1 (24)",
    "Kommunstyrelsen\nSida 3 (24)\nPlats och tid: Kommunhuset",
    "Protokoll 2019-05-10\nSida 2 av 5",
])
def test_gazetteer_page_label_of_a_header_is_no_agency(reference, make_document, text):
    assert "agency/sida" not in _keys(reference, make_document, text)


def test_gazetteer_the_agency_sida_in_running_text(reference, make_document):
    text = "Ministern träffade Sida och Tillväxtverket. Från Sida deltog två handläggare."
    assert "agency/sida" in _keys(reference, make_document, text)


@pytest.mark.parametrize("text", [
    "Landstinget Kalmar län tog emot statsrådet för ett samtal om vården.",
    "Kalmar läns landsting företräddes av landstingsrådet Ann Lind (S).",
    "Enligt Landstinget i Kalmar län är planen klar.",
])
def test_gazetteer_a_county_council_before_2019_is_its_region(reference, make_document, text):
    assert "region/08" in _keys(reference, make_document, text)


@pytest.mark.parametrize("text, key", [
    ("Mötet med Västtrafik handlade om pendeltågen.", "org/vasttrafik"),
    ("Regionförbundet Örebro län höll styrelsemöte i går.", "org/regionforbundet-orebro"),
    ("Teknikföretagen och IKEM deltog i samtalet.", "org/teknikforetagen"),
])
def test_gazetteer_regional_transport_and_trade_bodies(reference, make_document, text, key):
    assert key in _keys(reference, make_document, text)


def test_gazetteer_common_plural_trade_body_only_as_a_name(reference, make_document):
    keys = _keys(reference, make_document, "Ministern besökte flera av skogsindustrierna i länet.")
    assert "org/skogsindustrierna" not in keys


@pytest.mark.parametrize("text, key", [
    ("Under onsdagen besökte landshövding Per Bill Ljusdal.", "municipality/2161"),
    ("I fredags besökte näringsministern Karl-Petter Thorwaldsson Sala och lokala företag.", "municipality/1981"),
])
def test_gazetteer_place_visited_after_the_visitor_in_an_inverted_clause(reference, make_document, text, key):
    assert key in _keys(reference, make_document, text)


def test_gazetteer_place_word_after_a_name_is_not_a_place_without_a_visit(reference, make_document):
    assert "municipality/1981" not in _keys(reference, make_document, "Det sade Anna Berg Sala i ett tal.")


@pytest.mark.parametrize("text, key", [
    ("Landshövdingen träffade företagare i Västerbotten.", "county/24"),
    ("Utmaningarna i Dalarna och Värmland diskuterades.", "county/20"),
    ("Blekinges riksdagsledamöter bjöds in.", "county/10"),
])
def test_gazetteer_landscape_name_that_is_also_a_county_names_the_county(reference, make_document, text, key):
    keys = _keys(reference, make_document, text)
    assert key in keys and not any(k.endswith("-landskap") for k in keys)


def test_a_boundary_is_a_character_that_is_no_word_character():
    """_is_boundary's string test agrees with the regex engine's \\w on every character."""
    import re
    import sys

    from kgraph.extract.gazetteer import _is_boundary

    word = re.compile(r"\w")
    text = "".join(map(chr, range(sys.maxunicode + 1)))
    assert all(_is_boundary(text, i) == (word.match(text, i) is None) for i in range(len(text)))
    assert _is_boundary(text, -1) and _is_boundary(text, len(text))


@pytest.mark.parametrize("text, key", [
    ("Kontoret delas med Myndigheten för arbetsmiljökunskap (Mynak).", "agency/myndigheten-for-arbetsmiljokunskap"),
    ("Utbetalningsmyndigheten ska motverka felaktiga utbetalningar.", "agency/utbetalningsmyndigheten"),
])
def test_gazetteer_knows_agencies_founded_after_the_2015_register(reference, make_document, text, key):
    assert key in _keys(reference, make_document, text, "GovernmentAgency")


# ------------------------------------------------------------------ localities (localities.csv)

@pytest.mark.parametrize("text, key", [
    ("Ministern besökte Hjärup i förra veckan.", "place/hjarup-1230"),
    ("Mötet hölls på Tingshuset, Kopparberg.", "place/kopparberg-1864"),
    ("Nästa träff blir i Södra Sandby.", "place/sodra-sandby-1281"),
])
def test_gazetteer_a_locality_read_as_a_place_is_one(reference, make_document, text, key):
    assert key in _keys(reference, make_document, text, "Place")


@pytest.mark.parametrize("text", [
    "Hjärup växer snabbt.",  # a sentence's first word: no place reading
    "Besöket gick till Kopparberg Bruk AB.",  # before another capitalised word: part of a name
])
def test_gazetteer_a_locality_without_a_place_reading_is_none(reference, make_document, text):
    assert not {k for k in _keys(reference, make_document, text) if k.startswith("place/")}


def test_gazetteer_localities_are_no_municipality_s_name(reference):
    places = {e.label for e in reference.entities.values() if e.attrs.get("placeKind") == "ort"}
    municipalities = {e.label for e in reference.entities.values() if e.cls == "Municipality"}
    assert len(places) > 1000 and not places & municipalities


def test_gazetteer_the_island_stays_the_island_where_its_county_is_named(reference, make_document):
    from kgraph.extract.pipeline import extract_document
    text = ("Nyheter\n\nLandshövdingen i Gotlands län och Region Gotland bjöd in. Ministern reste sedan runt på "
            "Gotland och besökte Gotlands hamnar.\n")
    ex = extract_document(make_document(text), reference)
    assert ex.entities["place/gotland-landskap"].cls == "Place"
    assert {"county/09", "region/09"} <= set(ex.entities)


def test_gazetteer_a_landscapes_other_name_stays_the_landscape_beside_the_county(reference, make_document):
    # "Halland" beside Region Halland is the county; "Sörmland", the landscape's name that is not the county's
    # ("Södermanlands län"), stays the landscape beside Region Sörmland
    from kgraph.extract.pipeline import extract_document
    text = "Nyheter\n\nRegion Sörmland och Region Halland bjöd in. Ministern besökte Sörmland och Halland i dag.\n"
    ex = extract_document(make_document(text), reference)
    assert ex.entities["place/sodermanland-landskap"].cls == "Place"
    assert "county/04" not in ex.entities and "county/13" in ex.entities


def test_gazetteer_a_listed_locality_in_a_venue_slot_is_one_node(reference, make_document):
    # "Plats: Fjugesta" reads the slot's name; the listed locality of the same name is the same place
    from kgraph.extract.pipeline import extract_document
    text = "Kallelse\n\nPlats: Fjugesta\nTid: kl. 13.00\n\nStyrelsen möts i Fjugesta.\n"
    ex = extract_document(make_document(text), reference)
    assert [k for k, info in ex.entities.items() if info.cls == "Place"] == ["place/fjugesta-1814"]


def test_gazetteer_a_fortress_named_after_a_locality_is_one_venue(reference, make_document):
    from kgraph.extract.pipeline import extract_document
    ex = extract_document(make_document("Nyheter\n\nMötet hölls på Bohus fästning i Kungälv.\n"), reference)
    assert "Bohus fästning" in {info.label for info in ex.entities.values() if info.cls == "Place"}
    assert "place/bohus-1440" not in ex.entities


@pytest.mark.parametrize("text, key", [
    ("Ministern reste vidare till Sydafrika.", "place/sydafrika"),
    ("Delegationen från Elfenbenskusten besökte Ockelbo.", "place/elfenbenskusten"),
    ("Konferensen hölls i Utrecht.", "place/utrecht"),
    ("Samarbetet med Vitryssland upphörde.", "place/belarus"),  # the former name, an alias
    ("I dag besöker ministern Västsverige.", "place/vastsverige"),  # a part of the country (SCB's riksområde)
])
def test_gazetteer_a_foreign_state_or_city_is_a_place(reference, make_document, text, key):
    assert key in _keys(reference, make_document, text, "Place")


def test_orgs_a_venue_named_after_a_gatherings_word_before_its_town(reference, make_document):
    # "medlemskonferens på Silver Ranch i Tranås kommun": the unknown name between "på" and "i <town>" is the venue
    from kgraph.extract.pipeline import extract_document
    ex = extract_document(make_document("Styrelsen bjöd in till medlemskonferens på Silver Ranch i Tranås kommun. "
                                        "Ordföranden Per Holm talade.\n"), reference)
    assert [m.location for m in ex.meetings] == ["place/silver-ranch"], ex.meetings
