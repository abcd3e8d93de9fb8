"""kgraph.extract.persons.find_persons on invented people in invented sentences."""
from __future__ import annotations

import pytest

from kgraph.extract.pipeline import extract_document
from kgraph.extract.persons import find_persons


def _names(reference, make_document, text):
    return [p.name for p in find_persons(make_document(text), reference).persons]


def _roles(reference, make_document, text):
    return {(p.name, t.role) for p, t in find_persons(make_document(text), reference).roles}


def test_roles_board_chair_with_the_genitive_s_dropped(reference, make_document):
    # a real page's misspelling of "kommunstyrelsens ordförande"
    roles = _roles(reference, make_document, "Anna Berg, kommunstyrelsen ordförande i Ockelbo kommun, hälsade välkommen.")
    assert ("Anna Berg", "kommunstyrelsens ordförande") in roles, roles


def test_roles_take_a_unit_named_right_after_the_title(reference, make_document):
    # a list of officials: the unit right after the title, without a preposition, is part of the role
    text = ("Övriga närvarande Karin Ek, chef samhällsavdelningen Ulf Holm, chef Kultur- och fritidsavdelningen "
            "Eva Nord, kommunikatör miljöenheten")
    roles = _roles(reference, make_document, text)
    assert {("Karin Ek", "chef samhällsavdelningen"), ("Ulf Holm", "chef kultur- och fritidsavdelningen"),
            ("Eva Nord", "kommunikatör miljöenheten")} <= roles, roles


def test_roles_an_adviser_keeps_the_field_written_after_the_post(reference, make_document):
    # a list of officials: "sakkunnig" and the field it advises on, as one role; the paragraphs an
    # official attended ("t.o.m. § 7") are no part of it
    text = ("Övriga: Karin Ek, sakkunnig landsbygd t.o.m. § 7, Ulf Holm, sakkunnig kollektivtrafik, "
            "Eva Nord, politiskt sakkunnige, Per Holm, politisk sakkunnig")
    roles = _roles(reference, make_document, text)
    # (a title's two nominative forms in use are each the role as written)
    assert {("Karin Ek", "sakkunnig landsbygd"), ("Ulf Holm", "sakkunnig kollektivtrafik"),
            ("Eva Nord", "politiskt sakkunnig"), ("Per Holm", "politisk sakkunnig")} <= roles, roles


def test_roles_a_compound_of_a_field_and_a_generic_post(reference, make_document):
    # "smittskyddsöverläkare", "fastighetschef": a field before a listed generic post is one title as written;
    # "medarbetare" ends in no post
    roles = _roles(reference, make_document, "Anna Berg, smittskyddsöverläkare, och Per Holm, fastighetschef, "
                                             "kom med Olle Brink som är medarbetare.")
    assert roles == {("Anna Berg", "smittskyddsöverläkare"), ("Per Holm", "fastighetschef")}, roles


def test_roles_sakkunnig_as_an_adjective_is_no_title(reference, make_document):
    roles = _roles(reference, make_document, "Karin Ek är en sakkunnig person som har arbetat länge i regionen.")
    assert not roles, roles


# ------------------------------------------------------------------ names

@pytest.mark.parametrize("text, name", [
    ("Kommunalrådet Siv Lindmark tog emot gästerna.", "Siv Lindmark"),
    ("Det sa Johan Ekvall, ekonomichef i kommunen.", "Johan Ekvall"),
    ("Under dagen talade Karin Öhrvall om skolan.", "Karin Öhrvall"),
])
def test_persons_finds_given_name_and_surname(reference, make_document, text, name):
    assert _names(reference, make_document, text) == [name]


@pytest.mark.parametrize("text, name", [
    ("Per-Olof Håkansson (KD) var nöjd med dagen.", "Per-Olof Håkansson"),
    ("Anna-Karin Sundmark, kommunchef, höll i mötet.", "Anna-Karin Sundmark"),
    ("Mötet leddes av Lars-Göran Bäckman.", "Lars-Göran Bäckman"),
    # a double given name written as its initials
    ("Riksdagsledamoten K-G Holm (M) besöker Exempelby i mars.", "K-G Holm"),
    ("Mötet leddes av P-O Nord.", "P-O Nord"),
])
def test_persons_finds_hyphenated_given_names(reference, make_document, text, name):
    assert _names(reference, make_document, text) == [name]


@pytest.mark.parametrize("text, name", [
    ("Närvarande: RosMarie Holm (S), ordförande.", "RosMarie Holm"),
    ("Kommunalrådet AnnaKarin Berg Lindkvist (C) inledde mötet.", "AnnaKarin Berg Lindkvist"),
])
def test_persons_finds_given_names_joined_with_a_capital_inside(reference, make_document, text, name):
    assert _names(reference, make_document, text) == [name]


@pytest.mark.parametrize("text, name", [
    ("Landsbygdsminister Karin Ekvalls Sverigeresa går vidare till Vara.", "Karin Ekvall"),
    ("Besöket är en del av Anna Bergs Norrlandsturné.", "Anna Berg"),
])
def test_persons_a_trip_after_its_maker_in_the_genitive_is_no_surname(reference, make_document, text, name):
    # "Karin Ekvalls Sverigeresa": the minister's tour, written as a name after her own in the genitive
    assert _names(reference, make_document, text) == [name]


@pytest.mark.parametrize("text, name", [
    ("Eva Nilsson Berglund, ordförande i socialnämnden, deltog.", "Eva Nilsson Berglund"),
    ("Ekonomichefen Maria Johansson Lindqvist presenterade budgeten.", "Maria Johansson Lindqvist"),
])
def test_persons_finds_double_surnames(reference, make_document, text, name):
    assert _names(reference, make_document, text) == [name]


def test_persons_key_is_normalised_name(reference, make_document):
    hits = find_persons(make_document("Per-Olof Håkansson talade."), reference).persons
    assert [h.key for h in hits] == ["person/per-olof-hakansson"]


def test_persons_span_covers_name(reference, make_document):
    doc = make_document("I går talade Karin Öhrvall (S) länge.")
    for h in find_persons(doc, reference).persons:
        assert doc.text[h.start:h.end] == h.name


def test_persons_two_people_in_one_sentence(reference, make_document):
    assert _names(reference, make_document, "Maria Lundvall (C) och Karl Öberg (V) röstade nej.") == [
        "Maria Lundvall", "Karl Öberg"]


# ------------------------------------------------------------------ not persons

@pytest.mark.parametrize("text", [
    "Region Blekinge arbetar vidare med frågan.",
    "Nu tar Region Blekinge nästa steg.",
])
def test_persons_no_person_from_region_name(reference, make_document, text):
    assert _names(reference, make_document, text) == []


def test_persons_no_person_from_region_name_in_full_extraction(reference, make_document):
    ex = extract_document(make_document("Region Blekinge och Karlshamns kommun skrev under avtalet."), reference)
    assert [k for k, i in ex.entities.items() if i.cls == "Person"] == []


@pytest.mark.parametrize("text", [
    "Under Almedalsveckan träffades de.",
    "Alla Skaraborgskommuner deltog.",
    "Bland Norrlandskommunerna finns oro.",
    "Enligt Kommunen är läget stabilt.",
    "Hans Göteborgsbesök blev kort.",
    "Hans Facebookinlägg fick stor spridning.",
])
def test_persons_no_person_from_sentence_initial_common_word(reference, make_document, text):
    # "Hans" is also the possessive "his"; "Alla", "Under" ... are ordinary words
    assert _names(reference, make_document, text) == []


def test_persons_caption_glued_to_the_next_text_is_two_words(reference, make_document):
    # a scraped caption without a space before the next paragraph: "... Eva BergströmKommunchef Per Holm ..."
    text = "Landshövding Eva BergströmKommunchef Tove Lindgård tog emot. Nyheten gäller SmåKom."
    assert _names(reference, make_document, text) == ["Eva Bergström", "Tove Lindgård"]


@pytest.mark.parametrize("text, name", [
    ("Övriga närvarande\nTove Lindgård, kommundirektör\nPer Sandvik, sekreterare\n", "Per Sandvik"),
    ("Beslutande\nAnna Berg (C), ordförande\nBo Tallqvist (M)\n", "Bo Tallqvist"),
    ("Närvarande\nStig Almén, s, ledamot\n", "Stig Almén"),
])
def test_persons_roster_line_starting_with_a_common_word_name(reference, make_document, text, name):
    # "Per", "Bo", "Stig" are also common words; at a line's start with its party or title after it, a name
    assert name in _names(reference, make_document, text)


# ------------------------------------------------------------------ party markers

@pytest.mark.parametrize("text, marker", [
    ("Kommunalrådet Siv Lindmark (S) tog emot.", "S"),
    ("Per-Olof Håkansson (KD) var nöjd.", "KD"),
    ("Oppositionsrådet Ulf Bergkvist (M), talade.", "M"),
    ("Gunnar Wästberg (fp) var kritisk.", "fp"),
    # a first name no list holds, opening the sentence: the party marker makes it a name
    ("Zelvira Kondrén (M) föredrog ärendet.", "M"),
    # a month's name that is also a woman's: with the party marker, a name
    ("Som ersättare deltog Maj Ekelund (M) i dag.", "M"),
])
def test_persons_party_marker_after_name(reference, make_document, text, marker):
    hits = find_persons(make_document(text), reference).persons
    assert [h.party for h in hits] == [marker]


@pytest.mark.parametrize("text, party", [
    ("Kommunalrådet Siv Lindmark (S) tog emot.", "party/s"),
    ("Per-Olof Håkansson (KD) var nöjd.", "party/kd"),
    ("Gunnar Wästberg (FP) var kritisk.", "party/l"),
    ("Gunnar Wästberg (fp) var kritisk.", "party/l"),
    ("Ingrid Svedberg (MP) höll med.", "party/mp"),
])
def test_persons_party_marker_gives_membership(reference, make_document, text, party):
    ex = extract_document(make_document(text), reference)
    members = {(s.subject, s.object) for s in ex.statements if s.predicate == "memberOf"}
    assert len(members) == 1 and next(iter(members))[1] == party


def test_persons_no_party_without_marker(reference, make_document):
    hits = find_persons(make_document("Kommunalrådet Siv Lindmark tog emot."), reference).persons
    assert [h.party for h in hits] == [None]


# ------------------------------------------------------------------ titles and roles

@pytest.mark.parametrize("text, name, role", [
    ("Kommunalrådet Siv Lindmark tog emot gästerna.", "Siv Lindmark", "kommunalråd"),
    ("Ekonomichefen Lars Sjövall presenterade budgeten.", "Lars Sjövall", "ekonomichef"),
    ("Landshövding Ingrid Åberg öppnade mötet.", "Ingrid Åberg", "landshövding"),
])
def test_persons_title_before_name(reference, make_document, text, name, role):
    assert (name, role) in _roles(reference, make_document, text)


@pytest.mark.parametrize("text, name, role", [
    ("Det sa Johan Ekvall, ekonomichefen i kommunen.", "Johan Ekvall", "ekonomichef"),
    ("Anna-Karin Sundmark, kommunchef, höll i mötet.", "Anna-Karin Sundmark", "kommunchef"),
    ("Siv Lindmark (S), kommunalråd, tog emot.", "Siv Lindmark", "kommunalråd"),
])
def test_persons_title_after_name(reference, make_document, text, name, role):
    assert (name, role) in _roles(reference, make_document, text)


@pytest.mark.parametrize("text, role", [
    ("Eva Nilsson Berglund, ordförande i socialnämnden, deltog.", "ordförande i socialnämnden"),
    ("Bo Lindström, ordförande i Socialnämnden, deltog.", "ordförande i socialnämnden"),
    ("Bo Lindström, ordförande för byggnadsnämnden, deltog.", "ordförande för byggnadsnämnden"),
])
def test_persons_role_keeps_committee_complement(reference, make_document, text, role):
    assert {r for _, r in _roles(reference, make_document, text)} == {role}


@pytest.mark.parametrize("form, role", [
    ("Ekonomichefen", "ekonomichef"),
    ("Kommunalrådet", "kommunalråd"),
    ("Kommundirektören", "kommundirektör"),
    ("Oppositionsrådet", "oppositionsråd"),
])
def test_persons_role_is_normalised_to_nominative_lowercase(reference, make_document, form, role):
    assert {r for _, r in _roles(reference, make_document, f"{form} Lars Sjövall var nöjd.")} == {role}


def test_persons_role_statement_in_extraction(reference, make_document):
    ex = extract_document(make_document("Det sa Johan Ekvall, ekonomichefen i kommunen."), reference)
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert roles == {("person/johan-ekvall", "ekonomichef")}


def test_persons_numbered_vice_chair_role_as_written():
    from kgraph.ingest import content_id
    from kgraph.models import Document
    text = ("Protokoll\n\nVid besöket deltar 1:e vice ordföranden Jan-Erik Svensson och "
            "2:e vice ordförande Mirela Hodžić.\n")
    ex = extract_document(Document(id=content_id(text), file_name="t.txt", path="t.txt", text=text))
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert {("person/jan-erik-svensson", "1:e vice ordförande"), ("person/mirela-hodzic", "2:e vice ordförande")} <= roles


# ------------------------------------------------------------------ title grammar of the genre

@pytest.mark.parametrize("text, name, role", [
    ("Gästerna möttes av Tove Lindqvist, 2:e vice ordförande i kommunstyrelsen, och kommunchefen.",
     "Tove Lindqvist", "2:e vice ordförande i kommunstyrelsen"),
    ("Närvarande var Sten Malmgren, 1: vice ordförande i kommunstyrelsen.", "Sten Malmgren",
     "1: vice ordförande i kommunstyrelsen"),
    ("Det berättade Helga Strömberg, vård- och omsorgsnämndens ordförande, efter mötet.", "Helga Strömberg",
     "vård- och omsorgsnämndens ordförande"),
    # a relative clause that tells when the post was taken
    ("Det var bra dagar, säger Karin Ek, som i våras tillträdde som landshövding i länet.", "Karin Ek",
     "landshövding"),
    # an adjective before a compound committee's genitive is part of the committee's name
    ("Dagen öppnas av Karin Ek (C), regionala utvecklingsnämndens ordförande, och andra.", "Karin Ek",
     "regionala utvecklingsnämndens ordförande"),
    ("Skol- och idrottsministern Petra Sundin besökte orten.", "Petra Sundin", "skol- och idrottsminister"),
    ("Med på mötet var Ola Wiklund, chef på fritidsenheten.", "Ola Wiklund", "chef på fritidsenheten"),
    ("Elsa Rydberg, som är rekryterare, visade lokalerna.", "Elsa Rydberg", "rekryterare"),
    ("Landshövdingen i Jämtland, Bertil Svanberg besökte orten.", "Bertil Svanberg", "landshövding"),
    ("Mötet leddes av KSO Gustav Nordin.", "Gustav Nordin", "kso"),
    # a two-word place between the definite title and the comma
    ("Regionrådet i Västra Exempel, Bertil Svanberg, besökte orten.", "Bertil Svanberg", "regionråd"),
    # the field of a post is part of the title
    ("Där fanns också Elsa Rydberg, administrativ chef, och Ola Wiklund.", "Elsa Rydberg", "administrativ chef"),
    ("Han mötte Sune Berglund, regional utvecklingsdirektör på regionen.", "Sune Berglund",
     "regional utvecklingsdirektör"),
])
def test_persons_title_grammar_of_the_genre(reference, make_document, text, name, role):
    assert (name, role) in _roles(reference, make_document, text)


def test_persons_second_title_after_tillika(reference, make_document):
    text = "Där fanns Tove Lindqvist, 2:e vice ordförande i kommunstyrelsen och tillika oppositionsråd (M)."
    assert {r for n, r in _roles(reference, make_document, text) if n == "Tove Lindqvist"} == {
        "2:e vice ordförande i kommunstyrelsen", "oppositionsråd"}


def test_persons_plural_title_over_a_list_of_names(reference, make_document):
    text = "Med på besöket var regionråden Maja Holmgren, Sune Berglund och Ingrid Sandberg samt kommunchef Lars Ek."
    roles = _roles(reference, make_document, text)
    assert {("Maja Holmgren", "regionråd"), ("Sune Berglund", "regionråd"), ("Ingrid Sandberg", "regionråd"),
            ("Lars Ek", "kommunchef")} <= roles
    assert ("Lars Ek", "regionråd") not in roles


def test_persons_singular_title_over_names_with_party_markers(reference, make_document):
    text = "Kommunledningen med kommunalråd Hugo Lindgren (S), Elin Forsberg (C) och kommunchef Maria Ek tog emot."
    roles = _roles(reference, make_document, text)
    assert {("Hugo Lindgren", "kommunalråd"), ("Elin Forsberg", "kommunalråd"), ("Maria Ek", "kommunchef")} <= roles


def test_persons_singular_title_not_over_plain_list(reference, make_document):
    text = "Landshövding Hugo Lindgren och Elin Forsberg besökte skolan."
    assert ("Elin Forsberg", "landshövding") not in _roles(reference, make_document, text)


def test_persons_genitive_organisation_before_title(reference, make_document):
    text = "Frågorna besvarades av Oskar Fransson, Sala kommuns näringslivschef, under dagen."
    assert ("Oskar Fransson", "näringslivschef") in _roles(reference, make_document, text)


def test_persons_title_not_tied_across_a_heading(reference, make_document):
    text = "Från vänster: Hugo Lindgren, kommunchef, och Elin Forsberg (M)\n\nLandshövdingen på besök i orten\n"
    assert ("Elin Forsberg", "landshövding") not in _roles(reference, make_document, text)


def test_persons_title_on_the_next_line_of_a_contact_block(reference, make_document):
    text = "Kontakt\n\nElin Forsberg\n\nKommunikatör\n\nHugo Lindgren\nPressekreterare hos ministern\n"
    roles = _roles(reference, make_document, text)
    assert {("Elin Forsberg", "kommunikatör"), ("Hugo Lindgren", "pressekreterare")} <= roles
    # the title's line ends in its preposition and goes on with the minister and the minister's name
    text = "För mer information, kontakta:\n\nKarin Holm\nPressekreterare hos\nsamordningsminister\nLars Nord\n"
    roles = _roles(reference, make_document, text)
    assert ("Karin Holm", "pressekreterare") in roles and ("Lars Nord", "pressekreterare") not in roles, roles


def test_roles_abbreviated_municipal_chair_and_vice_chair(reference, make_document):
    # "KSO Anna Berg (M), ..., KSvO Karin Ek (S)": the caption's short forms, kept as written
    roles = _roles(reference, make_document, "Från vänster: KSO Anna Berg (M), kommunchef Per Holm, KSvO Karin Ek (S).\n")
    assert {("Anna Berg", "kso"), ("Karin Ek", "ksvo")} <= roles, roles


def test_roles_a_joined_title_whose_hyphen_lost_its_space(reference, make_document):
    # "närings-och innovationsminister Anna Berg": one joined title, not the second part alone
    roles = _roles(reference, make_document,
                   "Under kvällen talar närings-och innovationsminister Anna Berg om industrin.\n")
    assert ("Anna Berg", "innovationsminister") not in roles, roles
    assert any(name == "Anna Berg" and role.startswith("närings") for name, role in roles), roles


def test_persons_no_second_title_across_another_name(reference, make_document):
    text = "Från vänster: Hugo Lindgren, kommundirektör, Brittmarie Qwenstedt, landshövding, och fler."
    assert ("Hugo Lindgren", "landshövding") not in _roles(reference, make_document, text)


def test_persons_building_after_a_name_is_the_object_not_a_surname(reference, make_document):
    # verb-second order: "besökte <title> <name> <place>"
    text = "Fredagen den 7 februari besökte ministern Karin Ekvall Ekskolan och träffade eleverna.\n"
    names = _names(reference, make_document, text)
    assert "Karin Ekvall" in names and not any("Ekskolan" in n for n in names)


@pytest.mark.parametrize("text, venue", [
    ("Ministern besökte Ekhallen\n\nFredagen den 7 februari kom ministern.\n", "Ekhallen"),
    ("Möte om vägen\n\nTid: Onsdag den 16 december klockan 12\nPlats: Borgkammaren\n\nFör mer information ring.\n",
     "Borgkammaren"),
    ("Möte om vägen\n\nPlats: Borgkammaren\nTid: 16 december klockan 12\n", "Borgkammaren"),
    ("Årsmötet äger rum på Gästgivaregården Stora Ek\nKonferens & Fest i byn.\n",
     "Gästgivaregården Stora Ek\nKonferens & Fest"),
])
def test_names_of_places_end_at_a_paragraph_or_a_field_line(reference, make_document, text, venue):
    ex = extract_document(make_document(text), reference)
    places = [m.text for e in ex.entities.values() if e.cls == "Place" for m in e.mentions]
    assert venue in places, places


@pytest.mark.parametrize("text, name", [
    # a first name the list lacks, with a title in apposition
    ("Vid besöket medverkar bland andra Wendla Thorstensson, kommunstyrelsens ordförande, och Per Holm.",
     "Wendla Thorstensson"),
    # a first name that is also a common word, between two names of a list
    ("På pressträffen medverkar Mats Eriksson, Dag Hultefors, Per Persson samt Anna Berg.", "Dag Hultefors"),
    # ... or opening a contact line, a surname and a title after it
    ("Regionen informerar\n\nKontakt:\nDag Nordström, kommunikatör, 070-111 22 33\n", "Dag Nordström"),
])
def test_persons_unlisted_first_name_where_the_sentence_makes_it_a_name(reference, make_document, text, name):
    assert name in _names(reference, make_document, text)


def test_persons_common_word_before_a_surname_alone_is_no_name(reference, make_document):
    assert _names(reference, make_document, "Besök\n\nEn dag Karlsson kom förbi med kaffe.\n") == []
    # (nor a form's field label: "Dag och tid", a table's "Dag Tid Plats")
    assert _names(reference, make_document, "Möte\n\nDag och tid: 3 mars kl 10.\nDag Tid Plats\n") == []


@pytest.mark.parametrize("text, expected", [
    # "och" opens the next item of the list: the titles after it are the next name's
    ("Där tog kommunstyrelsens ordförande Anna Berg och andre vice ordförande och oppositionsråd, Per Holm emot.",
     {("Anna Berg", "kommunstyrelsens ordförande"), ("Per Holm", "andre vice ordförande"),
      ("Per Holm", "oppositionsråd")}),
    ("Med på mötet var Anna Berg och kommunchefen.", set()),  # someone else, unnamed
])
def test_roles_after_och_belong_to_the_next_item(reference, make_document, text, expected):
    assert _roles(reference, make_document, text) == expected


def test_persons_school_after_a_two_given_name_person_is_no_surname(reference, make_document):
    # "Norman" is a given name too: the building after it is still no third name
    names = _names(reference, make_document, "I dag besökte ministern Peter Norman Ekskolan och träffade elever.")
    assert not any("Ekskolan" in n for n in names)


def test_roles_definite_minister_title_in_a_list_is_the_next_item(reference, make_document):
    text = "Kommunchef Anna Berg, landsbygdsministern och kommunalråd Per Holm stod på bryggan."
    roles = _roles(reference, make_document, text)
    assert ("Anna Berg", "kommunchef") in roles and not {r for r in roles if r[0] == "Anna Berg" and "minister" in r[1]}


def _person_keys(reference, make_document, text):
    ex = extract_document(make_document(text), reference)
    return {k for k, e in ex.entities.items() if e.cls == "Person"}


@pytest.mark.parametrize("text, keys", [
    ("Gården drivs av Erik Brate. Hon hade läst Erik Brates rapport.", {"person/erik-brate"}),
    ("Vi läste Anna Bergs förslag om skolan.", {"person/anna-berg"}),
    ("Turistchef Eva Edvinson berättade. Turistchef Eva Edvinsson står på bryggan.", {"person/eva-edvinson"}),
    ("Där var Eva Lindroos och Per Holm.", {"person/eva-lindroos", "person/per-holm"}),  # a surname in -s
    # two neighbouring letters swapped: a slip of the same name
    ("Kommunalrådet Olle Lindqvsit (S) tog emot. Det var bra, säger Olle Lindqvist.", {"person/olle-lindqvsit"}),
    # a letter dropped from a long surname: a slip of the same name
    ("Statsrådet Olle Lindhagen kom. Sedan hälsades Olle Lindagen välkommen.", {"person/olle-lindhagen"}),
    # another letter, or another given name, is another person
    ("Där var Olle Lindqvist och Olle Lindkvist.", {"person/olle-lindqvist", "person/olle-lindkvist"}),
    ("Där var Olle Lindqvist och Eva Lindqvsit.", {"person/olle-lindqvist", "person/eva-lindqvsit"}),
    # the given names alone after the full name: the one person whose name starts with them
    ("Föredragande: Eva Maria Lundin. Eva Maria berättade om strategin.", {"person/eva-maria-lundin"}),
])
def test_persons_genitive_and_doubled_letter_spellings_are_one_person(reference, make_document, text, keys):
    assert _person_keys(reference, make_document, "Nyheter\n\n" + text + "\n") == keys


def test_persons_a_slip_of_a_listed_minister_s_name_is_the_minister(reference, make_document):
    # a letter dropped from a listed minister's surname, the correct spelling later: one person, the reference's
    import datetime as dt
    text = ("Ministern besökte Ockelbo\n\nCivilminister Ardalan Shekarbi besökte i dag Ockelbo kommun. Ardalan "
            "Shekarabi träffade kommunstyrelsen. Civilministern talade om digitalisering.\n")
    ex = extract_document(make_document(text, published=dt.date(2017, 5, 4)), reference)
    assert {k for k in ex.entities if k.startswith("person/")} == {"person/ardalan-shekarabi"}, ex.entities


def test_persons_a_company_s_one_word_name_after_a_given_name_is_a_surname(reference, make_document):
    # "kommunchef Ulf Ericsson": the surname a company bears, after a given name, is the person's; the company
    # alone is still the company
    ex = extract_document(make_document("Nyheter\n\nKommunchef Ulf Ericsson deltog. Ericsson har en fabrik i "
                                        "Borås.\n"), reference)
    assert "person/ulf-ericsson" in ex.entities and "org/ericsson" in ex.entities, sorted(ex.entities)


def _statements(reference, make_document, text):
    ex = extract_document(make_document(text), reference)
    return {(s.subject, s.predicate, s.object) for s in ex.statements}


def test_minutes_roster_with_parties_between_commas(reference, make_document):
    text = ("Sammanträdesprotokoll\n\nBeslutande Anna Berg, s, ordförande Per Holm, s, vice ordförande "
            "Eva Nord, kd Karl Ek, fp Justerande Per Holm\n")
    st = _statements(reference, make_document, text)
    assert {("person/anna-berg", "memberOf", "party/s"), ("person/eva-nord", "memberOf", "party/kd"),
            ("person/anna-berg", "role", "ordförande"), ("person/per-holm", "role", "vice ordförande")} <= st
    assert ("person/per-holm", "role", "ordförande") not in st


def test_minutes_roster_with_dashes_and_signature_labels(reference, make_document):
    text = ("Protokoll\n\nBeslutande Anna Berg (M) - ordförande Per Holm (C) - förste vice ordförande "
            "Eva Nord (KD) - ledamot\nSekreterare Karl Ek Datum\n")
    st = _statements(reference, make_document, text)
    assert {("person/anna-berg", "role", "ordförande"), ("person/per-holm", "role", "förste vice ordförande"),
            ("person/eva-nord", "role", "ledamot"), ("person/karl-ek", "role", "sekreterare")} <= st
    assert not {s for s, _, _ in st if "datum" in s}


@pytest.mark.parametrize("text, expected", [
    # a protocol's run-on list puts the name first: each title is the name's before it
    ("Övriga deltagare Göran Ek, kommunchef Ulf Holm, kommunsekreterare Frank Berg, koncernekonom",
     {("Göran Ek", "kommunchef"), ("Ulf Holm", "kommunsekreterare"), ("Frank Berg", "koncernekonom")}),
    # ... also with the commas lost
    ("Organ: Arbetsutskottet Beslutande: Leif Ek ordförande Anna Berg vice ordförande Eddie Holm vice ordförande "
     "Mona Nord Ulf Lind",
     {("Leif Ek", "ordförande"), ("Anna Berg", "vice ordförande"), ("Eddie Holm", "vice ordförande")}),
    # prose puts the title first
    ("Han träffade elever, rektor Anna Berg, kommunstyrelsens ordförande Per Holm, kommundirektör Eva Nord och andra.",
     {("Anna Berg", "rektor"), ("Per Holm", "kommunstyrelsens ordförande"), ("Eva Nord", "kommundirektör")}),
    ("Han träffade elever, rektor Anna Berg, kommunstyrelsens ordförande Per Holm, kommunalråd Eva Nord, "
     "kommundirektör Karl Ek och andra.",
     {("Anna Berg", "rektor"), ("Per Holm", "kommunstyrelsens ordförande"), ("Eva Nord", "kommunalråd"),
      ("Karl Ek", "kommundirektör")}),
])
def test_roles_in_lists_of_name_title_entries(reference, make_document, text, expected):
    assert _roles(reference, make_document, text) == expected


def test_persons_a_patronymic_is_no_second_given_name(reference, make_document):
    # "Nilsson" is borne as a given name too, but after "Ulf" it is the surname; "Björn Holgersson" is the next
    names = _names(reference, make_document, "Beslutande Mona Jeansson Ulf Nilsson Björn Holgersson ersättare")
    assert names == ["Mona Jeansson", "Ulf Nilsson", "Björn Holgersson"]
    assert "Anna Karin Berg" in _names(reference, make_document, "Där var Anna Karin Berg.")


@pytest.mark.parametrize("text, role", [
    ("Från vänster: Eva Lund, vice ordförande kommunstyrelsen. Per Holm, kommunchef.", "vice ordförande kommunstyrelsen"),
    ("Anna Berg, ordförande socialnämnden, var på plats.", "ordförande socialnämnden"),
])
def test_persons_board_role_with_the_board_after_it_without_preposition(reference, make_document, text, role):
    assert role in {r for _, r in _roles(reference, make_document, text)}


def test_persons_title_compound_opened_by_an_abbreviation(reference, make_document):
    text = "Lars Nordin, kommundirektör, och Karin Ek, HR-strateg, deltog. IT-chefen Per Holmgren svarade."
    roles = _roles(reference, make_document, text)
    assert ("Karin Ek", "hr-strateg") in roles and ("Per Holmgren", "it-chef") in roles, roles


@pytest.mark.parametrize("text, role", [
    # the title, its place or body, then the name (a list's item, with or without a dash)
    ("Kommunstyrelsens ordförande i Skara kommun Siv Lindmark hälsade välkommen.", "kommunstyrelsens ordförande"),
    ("KS ordförande i Skara kommun - Siv Lindmark", "ks ordförande"),
    ("Förste vice ordf. i KS Siv Lindmark", "förste vice ordf. i ks"),
    # "v." for vice, after its ordinal
    ("Siv Lindmark är 2:e v. ordf. i kommunstyrelsen", "2:e v. ordf. i kommunstyrelsen"),
])
def test_persons_title_with_its_body_before_the_name_and_abbreviated(reference, make_document, text, role):
    assert ("Siv Lindmark", role) in _roles(reference, make_document, text)


def test_persons_member_of_ks_works_for_the_municipality(reference, make_document):
    text = ("Besök i Skara\n\nI går träffade vi kommunledningen i Skara kommun. Med i samtalen var följande\n\n"
            "Per Holmberg - ledamot i KS\n")
    ex = extract_document(make_document(text), reference)
    assert ("person/per-holmberg", "municipality/1495") in {
        (s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}


@pytest.mark.parametrize("text, name", [
    ("Till mötet kom också Ulla J. Berglind från länsstyrelsen.", "Ulla J. Berglind"),
    ("Från vänster: landshövding Tore K. Nyqvist och kommunchefen.", "Tore K. Nyqvist"),
])
def test_persons_middle_initial_with_full_stop(reference, make_document, text, name):
    assert name in _names(reference, make_document, text)


def test_persons_title_goes_to_the_name_after_it_in_a_caption_list(reference, make_document):
    text = "Från vänster: Maja Ekstrand (s), Ola Wiklund (mp), landshövding Tore K. Nyqvist, Siv Lindmark (m)."
    roles = _roles(reference, make_document, text)
    assert ("Tore K. Nyqvist", "landshövding") in roles
    assert not any(name == "Ola Wiklund" for name, _ in roles)


@pytest.mark.parametrize("text", [
    "Riksdagsledamöterna Maja Ekstrand (s), Ola Wiklund (c) och Siv Lindmark (v) deltog på mötet.",
    "Bland gästerna fanns riksdagsledamöterna Maja Ekstrand, Ola Wiklund och Siv Lindmark.",
])
def test_persons_plural_of_ledamot_heads_a_list(reference, make_document, text):
    assert _roles(reference, make_document, text) == {
        (n, "riksdagsledamot") for n in ("Maja Ekstrand", "Ola Wiklund", "Siv Lindmark")}


def test_persons_run_on_roster_with_parties_gives_each_name_the_title_after_it(reference, make_document):
    text = ("Beslutande Ersättare Adjungerade Tore Nyqvist (S) ordförande Maja Ekstrand (M) 1-e vice ordförande "
            "Ola Wiklund (C) 2-e vice ordförande Siv Lindmark (M)")
    assert _roles(reference, make_document, text) == {
        ("Tore Nyqvist", "ordförande"), ("Maja Ekstrand", "1-e vice ordförande"),
        ("Ola Wiklund", "2-e vice ordförande")}
    assert "Tore Nyqvist" in _names(reference, make_document, text)


def test_persons_a_room_after_a_given_name_is_no_surname(reference, make_document):
    names = _names(reference, make_document, "Plats och tid Konferensrum 2, Ale Kulturrum, kl. 09:00-11:30")
    assert not any("Kulturrum" in n for n in names)


def test_roles_contact_block_with_two_titles_on_the_title_line(reference, make_document):
    # a press release's contact: name on a line of its own, then "title och title"
    text = ("Kontakt\n\nKarin Ek\n\nKommunikationschef och presskontakt\n\nkarin.ek@exempel.se\n\n"
            "Ulf Holm\n\nKommunikatör\n")
    roles = _roles(reference, make_document, text)
    assert {("Karin Ek", "kommunikationschef"), ("Karin Ek", "presskontakt"), ("Ulf Holm", "kommunikatör")} <= roles


def test_names_unlisted_name_between_a_lists_comma_and_its_title(reference, make_document):
    # neither word is a known given name or surname; the list and the title after the comma make it a name
    names = _names(reference, make_document,
                   "Från kommunen kom Karin Ek, kommunstyrelsens ordförande, Xanthe Vrettou, kommunalråd, "
                   "och Ulf Holm.")
    assert "Xanthe Vrettou" in names
    # without the title after it, the same pair of words is no name
    assert "Xanthe Vrettou" not in _names(reference, make_document,
                                          "Från kommunen kom Karin Ek, Xanthe Vrettou och Ulf Holm.")


def test_names_hans_opening_a_roster_entry_with_its_municipality(reference, make_document):
    # "Hans" at a sentence's start is a possessive unless the entry goes on as a roster's does
    text = "Till styrelsen valdes två nya ledamöter. Hans Orrmo, Vara kommun, och Eva Nord, Åsele kommun, omvaldes."
    people = {k for k in extract_document(make_document(text), reference).entities if k.startswith("person/")}
    assert "person/hans-orrmo" in people
    # the possessive before a capitalised word that no organisation follows stays no name
    text = "Hans Orrmoresa, som han kallar den, blev kort."
    assert not {k for k in extract_document(make_document(text), reference).entities if k.startswith("person/")}


def test_names_minister_title_and_surname_alone_name_the_minister_of_the_list(reference, make_document):
    # the list of ministers holds one landsbygdsminister of that surname
    people = extract_document(make_document(
        "Nyheter\n\nEn sakkunnig hos landsbygdsminister Bucht talade om landsbygden.\n"), reference)
    facts = {(s.subject, s.predicate, s.object) for s in people.statements}
    assert ("person/sven-erik-bucht", "role", "landsbygdsminister") in facts
    # a surname no minister of that post has stays no one
    people = extract_document(make_document(
        "Nyheter\n\nEn sakkunnig hos landsbygdsminister Orrmo talade om landsbygden.\n"), reference)
    assert not {k for k in people.entities if k.startswith("person/")}


def test_roles_joined_compound_before_a_title_made_by_its_head(reference, make_document):
    # a title the table lacks, made of a known head, keeps the first part of a joined compound
    roles = _roles(reference, make_document,
                   "Övriga närvarande Karin Ek, miljö- och hälsoskyddsinspektör, Ulf Holm, kultur-, fritids- och "
                   "turistsamordnare")
    assert {("Karin Ek", "miljö- och hälsoskyddsinspektör"),
            ("Ulf Holm", "kultur-, fritids- och turistsamordnare")} <= roles, roles


def test_roles_joined_compound_whose_first_part_is_an_abbreviation(reference, make_document):
    # "it- och energiminister", "PR- och marknadschef": the abbreviation's part belongs to the title
    roles = _roles(reference, make_document,
                   "I dag besöker it- och energiminister Ada Nordin länet. Med på mötet var PR- och marknadschef "
                   "Olle Brink.")
    assert {("Ada Nordin", "it- och energiminister"), ("Olle Brink", "pr- och marknadschef")} <= roles, roles


def test_names_first_of_a_captions_list_with_a_rare_given_name(reference, make_document):
    # "Xanthe" is no listed given name; the caption's cue and the names after it make her a person
    names = _names(reference, make_document, "Från vänster: Xanthe Friberg, Karin Ek, Ulf Holm och Eva Nord.")
    assert "Xanthe Friberg" in names
    # without a caption's cue the same words open no name
    assert "Xanthe Friberg" not in _names(reference, make_document, "Xanthe Friberg, Karin Ek och Ulf Holm kom.")


def test_persons_a_rare_given_name_between_two_people_of_a_list(reference, make_document):
    keys = _person_keys(reference, make_document,
                        "Nyheter\n\nStyrelsen den 3 maj: Lars Nord, Eva Sjö, Kiliana Berglund, Olle Lind.\n")
    assert "person/kiliana-berglund" in keys, keys


def test_persons_a_run_on_rosters_title_after_party_and_town_is_the_entry_before(reference, make_document):
    roles = _roles(reference, make_document, "Ledamöter Elsa Rydberg (m), Kungälv,ordförande Ola Wiklund (s), Tjörn")
    assert ("Elsa Rydberg", "ordförande") in roles and ("Ola Wiklund", "ordförande") not in roles, roles


def test_roles_staff_and_adviser_titles_of_guest_lists(reference, make_document):
    text = ("Nyhetsbrev\n\nPå mötet talade konsult Olle Lind från Exempelbolaget AB om samverkan.\n\n"
            "Närvarande:\nKarin Ek, Sektionschef\nPer Holm, rådgivare\n")
    roles = _roles(reference, make_document, text)
    assert {("Olle Lind", "konsult"), ("Karin Ek", "sektionschef"), ("Per Holm", "rådgivare")} <= roles, roles


def test_roles_deputy_director_general_abbreviated(reference, make_document):
    text = "Nyheter\n\nPå seminariet talade Karin Ek, stf GD vid Skolverket, om läromedlen.\n"
    roles = _roles(reference, make_document, text)
    assert ("Karin Ek", "stf gd") in roles, roles


def test_roles_a_name_its_title_precedes_takes_no_bare_title_after_it(reference, make_document):
    # "träffade landsbygdsministern X kommunalråd och ...": the bare title after the name is the verb's next
    # object; with a copula between, the title after the name is still hers
    roles = _roles(reference, make_document, "I dag träffade landsbygdsministern Karin Ekvall kommunalråd och "
                   "landshövdingar från två län. Landshövding Olle Brandt är ordförande i rådet.")
    assert ("Karin Ekvall", "kommunalråd") not in roles and ("Karin Ekvall", "landsbygdsminister") in roles
    assert ("Olle Brandt", "ordförande") in roles


def test_persons_a_towns_name_after_a_title_is_no_given_name(reference, make_document):
    # a business named after its town, right after a title: no person "Exempelby Energi"
    text = ("Nyheter\n\nUnder eftermiddagen besökte ministern Sundsvall Logistikpark och träffade sedan "
            "landshövding Gunnel Brask.\n")
    ex = extract_document(make_document(text), reference)
    people = {k for k, i in ex.entities.items() if i.cls == "Person"}
    assert "person/gunnel-brask" in people
    assert not [k for k in people if "sundsvall" in k], people


def test_persons_a_genitive_title_its_place_a_comma_then_the_name(reference, make_document):
    text = ("Nyheter\n\nMinistern träffade kommunstyrelsens ordförande i Gällivare, Nils Harr (S), på tisdagen. "
            "Vid mötet deltog också Tove Lind, kommunstyrelsens ordförande, Per Ask, kommunchef.\n")
    ex = extract_document(make_document(text), reference)
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert ("person/nils-harr", "kommunstyrelsens ordförande") in roles, roles
    # without the place between, a title after a comma is the name's before it
    assert ("person/tove-lind", "kommunstyrelsens ordförande") in roles
    assert ("person/per-ask", "kommunstyrelsens ordförande") not in roles



def test_persons_post_in_brackets_after_the_name(reference, make_document):
    text = "Nyheter\n\nPå mötet deltog Lena Ahlberg (ordf.), Tor Sundin (S) (v. ordf.) och Ina Wall (sekr.)\n"
    assert {("Lena Ahlberg", "ordf."), ("Tor Sundin", "v. ordf."), ("Ina Wall", "sekr.")} <= _roles(
        reference, make_document, text)


def test_persons_plural_title_over_a_list_with_each_ones_town(reference, make_document):
    text = "Nyheter\n\nKommunalråden Per Sahlin (S), Bollnäs, och Eva Lindh (C), Ovanåker, tog emot ministern."
    assert {("Per Sahlin", "kommunalråd"), ("Eva Lindh", "kommunalråd")} <= _roles(reference, make_document, text)


def test_persons_staff_post_of_a_minister_then_the_name_after_a_comma(reference, make_document):
    roles = _roles(reference, make_document, "Nyheter\n\nStatssekreteraren hos landsbygdsministern, Per Sahlin, "
                                             "deltog i mötet.")
    assert ("Per Sahlin", "statssekreterare") in roles
    assert ("Per Sahlin", "landsbygdsminister") not in roles


def test_persons_second_given_name_is_not_a_place_visited(reference, make_document):
    ex = extract_document(make_document("Nyheter\n\nUnder onsdagen besöker landshövding Per Bill Ljusdal."),
                          reference)
    assert "person/per-bill" in ex.entities and "person/per-bill-ljusdal" not in ex.entities


def test_persons_minutes_abbreviated_posts_after_name_and_party(reference, make_document):
    text = ("SAMMANTRÄDESPROTOKOLL 1(12) Plats och tid Stadshuset, Exempelby, kl 13.00 Beslutande Ledamöter "
            "Anna Berg, C, ordf Lisa Holm, M, 1:e vice ordf Olle Ekström, S, 2:e vice ordf Karin Nyström, C, tjg ers "
            "för Eva Sjöberg, C Per Lundgren, MP, ej tjg ers Justerare Lisa Holm och Olle Ekström "
            "Paragrafer 1-9\n")
    ex = extract_document(make_document(text), reference)
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert {("person/anna-berg", "ordf"), ("person/lisa-holm", "1:e vice ordf"),
            ("person/olle-ekstrom", "2:e vice ordf"), ("person/karin-nystrom", "tjg ers"),
            ("person/per-lundgren", "ej tjg ers"), ("person/lisa-holm", "justerare"),
            ("person/olle-ekstrom", "justerare")} <= roles


def test_persons_noble_particle_is_part_of_the_name(reference, make_document):
    ex = extract_document(make_document("Nyheter\n\nKommunalrådet Eva Munck af Exempelsköld (C) tog emot gästerna."),
                          reference)
    assert "person/eva-munck-af-exempelskold" in ex.entities and "person/eva-munck" not in ex.entities


@pytest.mark.parametrize("text, role", [
    ("Per Holm, direktör för verksamhetsstöd och service i Region Gävleborg, deltog.",
     "direktör för verksamhetsstöd och service"),
    ("Eva Sjö, strateg för arbetsmarknad och kompetensförsörjning, deltog.",
     "strateg för arbetsmarknad och kompetensförsörjning"),
    ("Karin Holm, projektledare för samverkan och dialog, deltog.", "projektledare för samverkan och dialog"),
    ("Olle Brink, chef för samhällsutveckling och kommunikation på Region Gävleborg, deltog.",
     "chef för samhällsutveckling och kommunikation"),
])
def test_a_post_takes_the_field_it_leads_after_for(reference, make_document, text, role):
    # "direktör för X och Y", "strateg för X", as written: the post with the fields it leads (two joined by "och"
    # where they close the phrase)
    ex = extract_document(make_document("Nyheter\n\n" + text), reference)
    assert role in {s.object for s in ex.statements if s.predicate == "role"}


def test_persons_role_complement_goes_on_to_the_unit_of_a_body(reference, make_document):
    ex = extract_document(make_document("Nyheter\n\nPer Holm, chef för länsstyrelsens miljöavdelning, deltog."),
                          reference)
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert ("person/per-holm", "chef för länsstyrelsens miljöavdelning") in roles


def test_roles_a_committee_named_by_an_adjective_or_capitalised_after_the_post(reference, make_document):
    text = ("Närvarande:\n\nAnna Berg (KD), Gemensamma nämndens ordförande\n"
            "Olle Ek (S), Vice ordförande Barn- och Utbildningsnämnden\n")
    roles = _roles(reference, make_document, text)
    assert ("Anna Berg", "gemensamma nämndens ordförande") in roles, roles
    assert ("Olle Ek", "vice ordförande barn- och utbildningsnämnden") in roles, roles


def test_roles_a_ministers_title_the_table_lacks_is_read_by_its_head(reference, make_document):
    text = "Nyheter\n\nAnna Berg, statssekreterare hos skogs- och viltvårdsminister Eva Lund, besöker Vara.\n"
    roles = _roles(reference, make_document, text)
    assert ("Eva Lund", "skogs- och viltvårdsminister") in roles, roles


def test_roles_a_chair_of_a_named_committee_keeps_the_committee(reference, make_document):
    text = "Nyheter\n\nAnna Berg, kommunfullmäktiges ordförande och ordförande i Vänskapskommittén, hälsade välkommen.\n"
    roles = _roles(reference, make_document, text)
    assert ("Anna Berg", "ordförande i vänskapskommittén") in roles, roles


def test_roles_a_title_glued_to_the_name_before_it_is_the_next_persons(reference, make_document):
    # a caption written twice with the space lost between them
    text = "Nyheter\n\nKommunchef Per Holm välkomnar landshövding Eva LundKommunchef Per Holm och gästerna.\n"
    roles = _roles(reference, make_document, text)
    assert {r for n, r in roles if n == "Per Holm"} == {"kommunchef"}, roles
    assert not [r for n, r in roles if "lund" in r], roles


def test_roles_one_bodys_one_post_before_two_names_is_the_first_ones(reference, make_document):
    # a body has one chair; a bare title over names with parties is each one's
    roles = _roles(reference, make_document, "Nyheter\n\nExempelförbundets ordförande Anna Berg (S) och Olle Ek (M) "
                   "hälsade välkomna. Kommunalråd Eva Lund (C) och Per Holm (L) tackade.")
    assert ("Anna Berg", "ordförande") in roles and not [r for n, r in roles if n == "Olle Ek"], roles
    assert {("Eva Lund", "kommunalråd"), ("Per Holm", "kommunalråd")} <= roles, roles


def test_roles_a_compound_of_a_board_post_is_a_title(reference, make_document):
    roles = _roles(reference, make_document, "Nyheter\n\nI går fick LRF:s kommungruppsordförande Anna Berg och "
                   "lokalstyrelseledamoten Olle Ek besök av ministern.")
    assert {("Anna Berg", "kommungruppsordförande"), ("Olle Ek", "lokalstyrelseledamot")} <= roles, roles


def test_roles_a_plural_title_then_who_of_them_then_the_list(reference, make_document):
    text = ("Kommunen bjöd in länets politiker. De riksdagsledamöter som deltog under eftermiddagen var "
            "Anna Berglund (S), Lars Nord (M) och Karin Holm (C).")
    roles = {(name, role.split()[0]) for name, role in _roles(reference, make_document, text)}
    assert {("Anna Berglund", "riksdagsledamot"), ("Lars Nord", "riksdagsledamot"),
            ("Karin Holm", "riksdagsledamot")} <= roles, roles


def test_persons_a_captions_bare_party_letters_after_the_names(reference, make_document):
    doc = make_document("Foto på tre personer.\n\nOppositionsråd Lars Nord M, landshövding Karin Ekvall och "
                        "Kommunalråd Eva Strand S.")
    parties = {p.name: p.party for p in find_persons(doc, reference).persons}
    assert parties.get("Lars Nord") == "M" and parties.get("Eva Strand") == "S", parties
    assert not parties.get("Karin Ekvall"), parties


def test_roles_an_election_told_once_for_two_and_a_re_election(reference, make_document):
    roles = _roles(reference, make_document, "Anna Berglund, Skara, valdes till ordförande i förbundet och "
                   "Lars Nord, Vara, till 1:e vice ordförande. Karin Holm, Skövde, blev omvald som vice ordförande.")
    assert {("Anna Berglund", "ordförande"), ("Lars Nord", "1:e vice ordförande"), ("Karin Holm", "vice ordförande")} <= roles
    # without an election before it, "till" after a name and a town gives no title
    assert not _roles(reference, make_document, "Anna Berglund, Skara, hälsade välkommen och Lars Nord, Vara, "
                      "till 1:e vice ordförande.") - {("Anna Berglund", "ordförande")}


def test_persons_minutes_column_word_after_a_name_is_no_surname(reference, make_document):
    # a PDF's minutes run the next column's word into the name before it
    from kgraph.extract.persons import find_persons
    text = ("Protokoll\nNärvarande: Greta Sund Beslut\nOskar Lind Information om budgeten\n"
            "LEDAMÖTER Ja Nej Tid\nTove Ahl (S) dessutom Maja Borg\n")
    names = {p.name for p in find_persons(make_document(text), reference).persons}
    assert {"Greta Sund", "Oskar Lind", "Tove Ahl", "Maja Borg"} <= names
    assert not {n for n in names if n.split()[-1] in ("Beslut", "Information", "Tid", "dessutom")}
    assert not {n for n in names if n.startswith("Ja ")}


def test_persons_an_office_or_the_minutes_after_a_name_is_no_surname(reference, make_document):
    # PDF minutes run the next field into the name: "Justerande Anna Berg Protokollet är justerat",
    # "Per Holm Kommunledningskontoret"
    from kgraph.extract import extract_document
    ex = extract_document(make_document(
        "PROTOKOLL Kommunstyrelsen Beslutande Ada Nordin (S) ordförande Olle Brink (M) Sekreterare Eva Lindkvist "
        "Kommunledningskontoret Justerande Olle Brink Protokollet är justerat.\n"), reference)
    people = {k for k, e in ex.entities.items() if e.cls == "Person"}
    assert "person/eva-lindkvist" in people and "person/olle-brink" in people, people
    assert not any("kommunledningskontoret" in p or "protokollet" in p for p in people), people


def test_persons_a_title_in_the_genitive_after_a_name_is_no_surname(reference, make_document):
    # a caption's run-on list: "Ada Nordin Landshövdingens koordinator"
    from kgraph.extract import extract_document
    ex = extract_document(make_document(
        "Främre raden: Olle Brink – VD, Ada Nordin Landshövdingens koordinator och sekreterare, Länsråd Eva "
        "Lindkvist.\n"), reference)
    people = {k for k, e in ex.entities.items() if e.cls == "Person"}
    assert "person/ada-nordin" in people, people
    assert not any("landshovdingens" in p for p in people), people


@pytest.mark.parametrize("title", ["kommunekolog", "specialpedagog", "naturvårdskonsulent"])
def test_persons_a_compound_of_a_profession_is_a_title(reference, make_document, title):
    from kgraph.extract import extract_document
    ex = extract_document(make_document(f"Vid mötet deltog även Olle Brink, {title}, från kommunen.\n"), reference)
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert ("person/olle-brink", title) in roles, roles


def test_persons_a_run_on_list_s_next_name_or_title_is_no_second_surname(reference, make_document):
    # a list of a PDF turned into one line: the words after a name are the next person's or a title
    text = ("Övriga deltagare Kommunchef Olle Brink Administrativ chef Eva Lindkvist Planeringschef Ada Nordin "
            "Planarkitekt Per Holm Informationsansvarig Lars Nord Näringslivs- och turismchef Karin Holm. "
            "Närvarande Anna Berglund Erling Johansson Stina Ek\n")
    names = set(_names(reference, make_document, text))
    assert {"Olle Brink", "Eva Lindkvist", "Ada Nordin", "Lars Nord", "Anna Berglund", "Erling Johansson"} <= names, \
        names
    assert not any(n.endswith(("Administrativ", "Planarkitekt", "Näringslivs", "Erling")) for n in names), names


def test_persons_whom_a_government_appoints_to_a_post_holds_it(reference, make_document):
    # "Regeringen har utsett A till Dalarnas nya landshövding": who appoints, then whom, then the post
    text = ("Regeringen har utsett Ada Nordin till Dalarnas nya landshövding. Regeringen har i dag utnämnt "
            "Olle Brink till ny generaldirektör för Trafikverket.\n")
    roles = _roles(reference, make_document, text)
    assert {("Ada Nordin", "landshövding"), ("Olle Brink", "generaldirektör")} <= roles, roles


def test_persons_whom_a_meeting_elects_holds_the_post(reference, make_document):
    # "Stämman valde A från X till ny ordförande och B från Y till vice ordförande": the active verb, where
    # each comes from, the second object after "och"
    text = ("Föreningsstämman valde Ada Nordin från Region Halland till ny ordförande och Olle Brink från "
            "Kungsbacka kommun till vice ordförande.\n")
    roles = _roles(reference, make_document, text)
    assert {("Ada Nordin", "ordförande"), ("Olle Brink", "vice ordförande")} <= roles, roles


@pytest.mark.parametrize("text, person, role", [
    ("Ny ordförande i förbundsstyrelsen är Ada Nordin (S), Exempelby.", "Ada Nordin", "ordförande"),
    ("Sekreterare är Olle Brink.", "Olle Brink", "sekreterare"),
    ("Ny ordförande den här mandatperioden är Eva Lindkvist (M).", "Eva Lindkvist", "ordförande"),
])
def test_roles_a_title_opening_the_sentence_is_held_by_whom_the_copula_names(reference, make_document, text,
                                                                             person, role):
    assert any(name == person and r.startswith(role) for name, r in _roles(reference, make_document, text))


def test_roles_a_copula_after_a_title_inside_a_sentence_names_no_holder(reference, make_document):
    # the title does not open the sentence: "är" there is another clause's verb
    roles = _roles(reference, make_document, "Hon träffade ordförande i föreningen som är Olle Brinks granne.")
    assert not any(r.startswith("ordförande") for _, r in roles), roles


def test_persons_a_signature_line_run_together(reference, make_document):
    # "Ada Nordin Olle Holmgren Justeringen ...": two signers, then the next sentence's noun in the definite; a
    # given name between two names opens the second person, not a middle name of the first
    from kgraph.extract.persons import find_persons
    doc = make_document("Underskrifter Lars Nord del av 4, Eva Hassan Olle Holmgren Justeringen har "
                        "tillkännagivits.\n")
    names = {p.name for p in find_persons(doc, reference).persons}
    assert {"Lars Nord", "Eva Hassan", "Olle Holmgren"} <= names, names


def test_persons_a_street_named_after_someone_and_a_caption_s_label(reference, make_document):
    # "Gustav Adolfs torg 4": a square named after a king, no person; "Foto: Ada Nordin Licens: ...": the label
    # after the photographer's name is no second surname
    from kgraph.extract.persons import find_persons
    doc = make_document("Anslaget sitter på Gustav Adolfs torg 4 och på Karl Johans gata.\n\n"
                        "Foto: Ada Nordin Licens: CC BY.\n")
    names = {p.name for p in find_persons(doc, reference).persons}
    assert names == {"Ada Nordin"}, names


def test_a_plural_title_after_a_list_of_names_is_each_names(reference, make_document):
    text = ("Program\n\nVälkomna! – Anna Berg (C) och Per Holm (S), riksdagsledamöter i trafikutskottet.\n\n"
            "Eva Sjö och Olle Brink, kommunalråd i Vara kommun, besökte skolan.\n\n"
            "Ministern Karin Ek och Lars Nord (S), regionråd i Region Stockholm, talade.\n")
    ex = extract_document(make_document(text), reference)
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert {("person/anna-berg", "riksdagsledamot i trafikutskottet"),
            ("person/per-holm", "riksdagsledamot i trafikutskottet"),
            ("person/eva-sjo", "kommunalråd"), ("person/olle-brink", "kommunalråd")} <= roles
    # a name with its own title before it is no part of the list the title after it closes
    assert ("person/karin-ek", "regionråd") not in roles


def test_a_given_name_joined_to_a_persons_shares_the_surname(reference, make_document):
    text = ("Talare\n\nAnna och Per Holmqvist, Exempelguiden, berättade om sin verksamhet. Kronprinsessan "
            "Victoria och Prins Daniel kom också.\n")
    ex = extract_document(make_document(text), reference)
    people = {k: e.label for k, e in ex.entities.items() if e.cls == "Person"}
    assert people.get("person/anna-holmqvist") == "Anna Holmqvist"
    assert "person/per-holmqvist" in people
    # no surname to share: a title and a given name
    assert not [k for k in people if k.startswith("person/victoria")]


def test_a_capitalised_title_joined_by_the_copula_is_the_next_names(reference, make_document):
    text = ("Justering och sekreterare\n\nAtt jämte ordföranden justera dagens protokoll valdes Per Holm "
            "Sekreterare är Karin Ek.\n\nInbjudna företagare var Olle Brink och Eva Sjö.\n")
    ex = extract_document(make_document(text), reference)
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert ("person/karin-ek", "sekreterare") in roles
    assert ("person/per-holm", "sekreterare") not in roles
    assert not [r for r in roles if r[0] in ("person/olle-brink", "person/eva-sjo")]


def test_names_an_adjective_that_opens_the_next_heading_is_no_surname(reference, make_document):
    # run-together minutes: a presenter's name, then the next item's heading "Sociala institutioner"
    names = _names(reference, make_document,
                   "Rapport om läget Per Holm och Eva Tomasits Sociala institutioner Karin Ek Information om museet.")
    assert "Eva Tomasits" in names and not any("Sociala" in n for n in names)
    # a surname the lists hold stays one
    assert "Anna Lindgren Berg" in _names(reference, make_document, "Anna Lindgren Berg deltog i mötet.")


def test_roles_a_boards_committee_in_the_genitive_is_the_titles_complement(reference, make_document):
    roles = _roles(reference, make_document,
                   "Anna Berg, vice ordföranden i kommunstyrelsens allmänna utskott, och Per Holm, ordförande i "
                   "kommunstyrelsens arbetsutskott, deltog.")
    assert ("Anna Berg", "vice ordförande i kommunstyrelsens allmänna utskott") in roles, roles
    assert ("Per Holm", "ordförande i kommunstyrelsens arbetsutskott") in roles, roles


def test_roles_a_press_pages_contact_line_with_its_body_and_phone(reference, make_document):
    roles = _roles(reference, make_document,
                   "Kontakter\n\nAnna Berg\n\nPresskontakt Pressansvarig Region Örebro län 019-602 00 00\n")
    assert ("Anna Berg", "presskontakt") in roles, roles
    # a longer line: a second title, the body and a second title again before the phone number
    roles = _roles(reference, make_document,
                   "Kontakter\n\nAnna Berg\n\nPresskontakt Kommunikationschef Länsstyrelsen Dalarna och "
                   "landshövdingens presskontakt 010-22 50 204\n")
    assert ("Anna Berg", "presskontakt") in roles, roles


def test_roles_a_leaders_title_in_the_definite_plural_heads_its_list(reference, make_document):
    roles = _roles(reference, make_document,
                   "Vid mötet deltar gruppledarna Karin Ek (C), Per Holm (L) och Eva Sjö (KD).")
    assert {("Karin Ek", "gruppledare"), ("Per Holm", "gruppledare"), ("Eva Sjö", "gruppledare")} <= roles, roles


def test_names_a_double_given_name_listed_whole(reference, make_document):
    # "Ing-Britt": the statistics list the double name, not its rare first part on its own
    names = _names(reference, make_document, "Beslutande M Per Holm FP Ing-Britt Lund MP Eva Sjö")
    assert "Ing-Britt Lund" in names, names


def test_roles_a_list_that_writes_each_title_before_its_name_ends_with_an_unlisted_given_name(reference,
                                                                                               make_document):
    # "kommundirektör A, landshövding Ebbis Tallqvist.": a given name the lists lack, after its title at the end of
    # the line; the list writes every title before its name, so the title is hers, not the name's before the comma
    roles = _roles(reference, make_document,
                   "Från vänster: kommundirektör Per Holm, landshövding Ebbis Tallqvist.\n\nDe träffades i Vara.")
    assert ("Ebbis Tallqvist", "landshövding") in roles and ("Per Holm", "landshövding") not in roles, roles
    # a roster's line without titles before its names still reads "A, platschef B." as A's title and employer
    roles = _roles(reference, make_document, "Eva Lund, platschef Exempelfiske.\n")
    assert ("Eva Lund", "platschef") in roles, roles


def test_roles_a_roster_that_writes_a_dash_before_each_title_names_the_employer_after_it(reference,
                                                                                       make_document):
    # "A – platschef Kvarnex Norrby, B – HR-chef": the dash sets the title after its name; the capitalised words
    # after the title, up to the item's comma, are the employer, not a person named by the title
    text = ("Från vänster: Anna Berg – Platschef Kvarnex Norrby, Per Holm – HR-chef, Karin Ek - VD Kvarnex, "
            "kommunchef Olle Brink.\n")
    roles = _roles(reference, make_document, text)
    assert {("Anna Berg", "platschef"), ("Per Holm", "HR-chef"), ("Karin Ek", "VD")} <= roles, roles
    names = _names(reference, make_document, text)
    assert not any(name.startswith("Kvarnex") for name in names), names
    # a title before its name in the same list still names the person after it
    assert ("Olle Brink", "kommunchef") in roles, roles


def test_roles_a_title_joined_to_words_the_titles_lack_goes_to_the_name_after_them(reference, make_document):
    # "andre vice ordförande och partiets talesperson Per Holm (L), kommunchef Eva Sjö": a list that writes
    # titles before names; the joined item names its person after the words, and the titles after it stay in step
    roles = _roles(reference, make_document,
                   "Ministern mötte vice ordförande Karin Holm (C), andre vice ordförande och partiets talesperson "
                   "Per Holm (L), kommunchef Eva Sjö och ekonomichef Lars Nord (KD).")
    assert {("Per Holm", "andre vice ordförande"), ("Eva Sjö", "kommunchef"), ("Lars Nord", "ekonomichef")} <= roles
    assert ("Karin Holm", "andre vice ordförande") not in roles and ("Per Holm", "kommunchef") not in roles, roles


def test_names_a_caption_run_into_the_text_ends_before_a_boards_genitive(reference, make_document):
    # "Anna Berg Kommunstyrelsens ordförande Anna Berg (M) ...": the caption's name, then the text's title
    # with its capital; the board's genitive is no third part of the name
    names = _names(reference, make_document,
                   "Anna Berg Kommunstyrelsens ordförande Anna Berg (M) tog emot gästerna vid kommunhuset.")
    assert set(names) == {"Anna Berg"}, names


def test_roles_a_title_after_the_name_held_at_the_body_the_text_is_about(reference, make_document):
    # "Karin Ek, kommunens miljöstrateg": the definite genitive of the body between the comma and the title
    roles = _roles(reference, make_document, "Karin Ek, kommunens miljöstrateg, visade den nya parken. Per Holm, "
                                             "regionens nya ekonomichef, var också med.")
    assert {("Karin Ek", "miljöstrateg"), ("Per Holm", "ekonomichef")} <= roles, roles


def test_roles_a_roster_that_writes_the_comma_before_the_members_party(reference, make_document):
    # "Anna Berg, (c) ordförande Per Holm (m), förste vice ordf. Eva Sjö (s)": each entry a name, its party, its
    # title; the comma before the party in brackets opens the first entry's title, under the list's plural heading
    roles = _roles(reference, make_document, "Närvarande ledamöter Anna Berg, (c) ordförande Per Holm (m), förste "
                                             "vice ordf. Eva Sjö (s) Lars Nord (kd)")
    assert {("Anna Berg", "ordförande"), ("Per Holm", "förste vice ordf.")} <= roles, roles
    assert ("Per Holm", "ordförande") not in roles and ("Eva Sjö", "förste vice ordf.") not in roles, roles


def test_roles_an_events_roles_before_the_name(reference, make_document):
    # "Moderator Anna Berg, lektor vid ...", "Journalisten Per Holm ställde frågorna": roles at a conference
    roles = _roles(reference, make_document, "Moderator Anna Berg, lektor vid Exempelhögskolan, öppnade panelen. "
                                             "Journalisten Per Holm ställde frågorna.")
    assert {("Anna Berg", "moderator"), ("Per Holm", "journalist")} <= roles, roles


def test_names_a_companys_word_after_a_given_name_and_a_middle_initial_is_a_surname(reference, make_document):
    # "Lars K Sandvik": the company's one word after a given name and a middle initial is the person's surname
    from kgraph.extract.pipeline import extract_document
    ex = extract_document(make_document("Konferensen leddes av Lars K Sandvik, ordförande i förbundet, och Per "
                                        "Holm.\n"), reference)
    assert "person/lars-k-sandvik" in ex.entities and "company/sandvik" not in ex.entities, sorted(ex.entities)
