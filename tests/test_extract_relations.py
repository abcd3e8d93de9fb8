"""Relations the text states: party markers, titles with organisations, stated memberships."""
from __future__ import annotations

import pytest

from kgraph.contracts import DocExtraction
from kgraph.extract.pipeline import extract_document
from kgraph.ingest import content_id
from kgraph.models import Document


def _doc(text: str) -> Document:
    return Document(id=content_id(text), file_name="t.txt", path="t.txt", text=text)


def _pairs(ex: DocExtraction, predicate: str) -> set[tuple[str, str]]:
    return {(s.subject, s.object) for s in ex.statements if s.predicate == predicate}


def _rel(text: str, predicate: str) -> set[tuple[str, str]]:
    return _pairs(extract_document(_doc(text)), predicate)


def test_relations_stated_membership_of_municipality_in_association():
    text = "Nyheter\n\nÅsele kommun har beslutat att bli medlem i SmåKom. Vi hälsar kommunen välkommen!"
    assert ("municipality/2463", "org/smakom") in _rel(text, "memberOf")


def test_relations_no_membership_without_membership_phrase():
    text = "Nyheter\n\nÅsele kommun har bjudit in SmåKom till ett möte om medlemmarnas frågor."
    assert not {r for r in _rel(text, "memberOf") if r[0].startswith("municipality/")}


def test_relations_name_then_organisation_gives_affiliation():
    text = "Protokoll\n\nÖvriga närvarande:\nGunilla Berglund, Trafikverket\nTomas Lind, Region Gävleborg\n"
    rels = _rel(text, "affiliatedWith")
    assert ("person/gunilla-berglund", "agency/trafikverket") in rels
    assert ("person/tomas-lind", "region/21") in rels


def test_relations_title_organisation_after_complement():
    text = ("Nyheter\n\nBland talarna finns Karin Holm, enhetschef för planering på Boverket, "
            "som berättade om läget.")
    assert ("person/karin-holm", "agency/boverket") in _rel(text, "affiliatedWith")


def test_relations_minutes_record_their_own_board_meeting():
    text = ("HABO KOMMUN\nKommunstyrelsens arbetsutskott\n\nSAMMANTRÄDESPROTOKOLL\n\n"
            "Sammanträdesdatum: 2020-02-04\n\nPlats och tid: Kommunhuset, Habo, kl. 09.00–11.00\n\n"
            "Närvarande\n\nBeslutande:\nAnna Lindqvist (M), ordförande\nPeter Holm (S)\n\n"
            "§ 12 Budget 2021\n\nArbetsutskottet diskuterar budgetarbetet.\n")
    ex = extract_document(_doc(text))
    boards = [m for m in ex.meetings if m.kind == "board_meeting"]
    assert len(boards) == 1
    board = boards[0]
    assert str(board.date) == "2020-02-04"
    assert board.location == "place/kommunhuset"  # the building first in the place field (guidelines v1.1)
    assert {"person/anna-lindqvist", "person/peter-holm", "municipality/0643"} <= set(board.participants)


def test_relations_membership_after_have_become_members():
    text = "Nyheter\n\nTvå nya medlemmar\n\nÅsele kommun och Vara kommun har blivit medlemmar i SmåKom. Välkomna!"
    rels = _rel(text, "memberOf")
    assert {("municipality/2463", "org/smakom"), ("municipality/1470", "org/smakom")} <= rels


def test_relations_membership_by_joining():
    text = "Nyheter\n\nÅsele kommun har beslutat att gå med i SmåKom från och med den 1 mars."
    assert ("municipality/2463", "org/smakom") in _rel(text, "memberOf")


def test_relations_members_named_before_the_association():
    # "X, där alla ... kommuner är medlemmar": the municipalities just listed are the members
    text = ("Nyheter\n\nMed på träffen var Vara kommun och Åsele kommun. Nätverket samordnas av SmåKom, "
            "där alla kommuner är medlemmar.")
    rels = _rel(text, "memberOf")
    assert {("municipality/2463", "org/smakom"), ("municipality/1470", "org/smakom")} <= rels


def test_relations_no_members_before_an_association_without_membership_clause():
    text = "Nyheter\n\nMed på träffen var Vara kommun och Åsele kommun. Nätverket samordnas av SmåKom."
    assert not _rel(text, "memberOf")


def test_relations_party_marker_after_the_title():
    text = "Nyheter\n\nFrån vänster: Hugo Lindgren, oppositionsråd (S), och Elin Forsberg, kommunchef."
    assert ("person/hugo-lindgren", "party/s") in _rel(text, "memberOf")


def test_relations_party_marker_in_full():
    text = ("Nyheter\n\nMed var Hugo Lindgren, kommunstyrelsens ordförande (Socialdemokraterna), "
            "och Elin Forsberg (Centern).")
    rels = _rel(text, "memberOf")
    assert {("person/hugo-lindgren", "party/s"), ("person/elin-forsberg", "party/c")} <= rels


def test_relations_genitive_organisation_is_the_affiliation():
    text = "Nyheter\n\nFrågorna besvarades av Oskar Fransson, Sala kommuns näringslivschef, under dagen."
    assert ("person/oskar-fransson", "municipality/1981") in _rel(text, "affiliatedWith")


def test_relations_organisation_in_genitive_before_the_name_or_after_pa():
    text = ("Nyheter\n\nPå mötet berättade Trafikverkets Lena Holm om planerna. Mötet leddes av "
            "Henrik Lund på Region Gävleborg.\n")
    rels = _rel(text, "affiliatedWith")
    assert ("person/lena-holm", "agency/trafikverket") in rels
    assert ("person/henrik-lund", "region/21") in rels


def test_relations_shared_mail_domain_resolves_to_the_one_body_named():
    text = ("Länsstyrelsen i Hallands län bjuder in till möte om vattnet.\n\nKontakt\n\n"
            "Elin Forsberg\n\nKommunikatör\n\nelin.forsberg@lansstyrelsen.se\n")
    assert ("person/elin-forsberg", "cab/13") in _rel(text, "affiliatedWith")


def test_relations_no_dominant_municipality_from_inside_a_venue_name():
    text = ("Mötet äger rum på Sala slott.\n\nKontakt\n\nElin Forsberg\n\nKommunikatör\n\n"
            "elin.forsberg@lansstyrelsen.se\n")
    assert not {o for s, o in _rel(text, "affiliatedWith") if s == "person/elin-forsberg"}


def test_relations_county_title_with_a_town_is_not_the_town():
    text = "Nyheter\n\nLandshövdingen i Uppsala, Bertil Svanberg besökte skolan i Enköping."
    assert ("person/bertil-svanberg", "municipality/0380") not in _rel(text, "affiliatedWith")


def _mentions(text: str) -> dict[str, set[str]]:
    ex = extract_document(_doc(text))
    return {k: set(i.surfaces) for k, i in ex.entities.items()}


def test_relations_bare_landstinget_is_the_county_council_of_the_texts_county():
    # no county council named in full: "Landstinget" is that of the one county the text is about
    text = ("Nyheter\n\nLandstingets politiker möter i dag länsstyrelsen i Jämtlands län för samtal om vården. "
            "Landstinget vill se fler vårdplatser i Östersund.\n")
    assert {"Landstingets", "Landstinget"} <= _mentions(text).get("region/23", set())

def test_relations_entry_of_a_paragraph_of_one_body_belongs_to_it():
    # an attendance list with one paragraph per body: the entries with a body's title name it for the rest
    text = ("Regionen möter länsstyrelsen\n\nPolitikerna träffar i dag länsledningen.\n\nNärvarande:\n\n"
            "Karin Ek (M), regionstyrelsens ordförande i Region Jämtland Härjedalen\n"
            "Olle Lind (C), regionråd i Region Jämtland Härjedalen\nEva Sjö (L)\nPer Holm, oppositionsråd\n\n"
            "Lars Nord, landshövding i Jämtlands län\nAnna Berg, länsråd vid Länsstyrelsen i Jämtlands län\n"
            "Siv Dal, avdelningschef\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/eva-sjo", "region/23"), ("person/per-holm", "region/23")} <= rels, rels
    assert ("person/siv-dal", "cab/23") in rels, rels
    assert not {("person/eva-sjo", "cab/23"), ("person/siv-dal", "region/23")} & rels

def test_relations_county_board_of_every_county_is_no_one_board():
    # "inom varje län ... länsstyrelsen": each county's board, not the one county board of the text
    text = ("Nyheter\n\nStyrelsen i Vara kommun träffades i dag. Antalet nyanlända fördelas inom varje län "
            "av länsstyrelsen.\n")
    assert "cab/14" not in _mentions(text)

def test_relations_county_board_own_page_names_its_county_by_its_municipalities():
    text = ("Länsledningen besöker kommunerna\n\nUnder hösten besöker länsrådet Anna Provsson Bräcke och Ragunda.\n\n"
            "Vi på Länsstyrelsen arbetar för en hållbar utveckling i länet.\n\nKontakt\n\nPer Exempelsson\n\n"
            "Kommunikatör\n\nLisa Testberg\n\nUtredare\n")
    assert "Länsstyrelsen" in _mentions(text).get("cab/23", set())
    rels = _rel(text, "affiliatedWith")
    assert ("person/per-exempelsson", "cab/23") in rels
    assert ("person/lisa-testberg", "cab/23") in rels


def test_relations_county_board_own_page_names_its_county_by_its_governor():
    text = ("Landshövdingen på turné\n\nLandshövding Jöran Hägglund träffade företagare i länet.\n\n"
            "Med besöken kan vi tydliggöra Länsstyrelsens roll och vår uppgift i länet.\n")
    assert ("person/joran-hagglund", "cab/23") in _rel(text, "affiliatedWith")


def test_relations_county_board_of_the_governor_among_two_counties_named():
    # two counties named (a guest once governed the other one): the bare "Länsstyrelsen" and the shared mail
    # domain are the board of the county whose governor the text names
    text = ("Pressinbjudan\n\nUtredaren Eva Sjö, tidigare landshövding i Jämtlands län, besöker Dalarna. Samtalet "
            "hålls med landshövding Ylva Thörn.\n\nAnmäl dig till pressansvarig Karin Ek, karin.ek@lansstyrelsen.se"
            "\n\nOm Länsstyrelsen\n\nLänsstyrelsen är en statlig myndighet i länet.\n")
    rels = _rel(text, "affiliatedWith")
    assert ("person/karin-ek", "cab/20") in rels, rels
    assert not {("person/karin-ek", "cab/23"), ("person/karin-ek", "municipality/2080")} & rels


def test_relations_county_board_of_the_governor_over_a_county_visited():
    # the governor's own calendar names a trip to another county: "länsstyrelsens" is the governor's board
    text = ("Landshövdingens kalender\n\nLandshövding Berit Högman reste till Dalarna för ett möte. "
            "Hon träffade också länsstyrelsens insynsråd i Härnösand.\n")
    mentions = _mentions(text)
    assert "länsstyrelsens" in mentions.get("cab/22", set()), mentions
    assert "cab/20" not in mentions


def test_relations_roster_members_belong_to_the_body_of_the_lead_in():
    text = ("Årsmöte i Exempelbygdens utveckling ideell förening\n\n"
            "Exempelbygdens utveckling ideell förening höll årsmöte i Bräcke.\n\n"
            "Ledamöter i styrelsen:\n\nAnna Provsson, Bräcke kommun\n070-123 45 67\n\n"
            "Per Exempelsson, Region Skåne\n070-765 43 21\n\nBakgrund\n\n"
            "Lisa Testberg, Ragunda kommun, har skrivit om bygden.\n")
    rels = _rel(text, "affiliatedWith")
    body = "org/exempelbygdens-utveckling-ideell-forening"
    assert {("person/anna-provsson", body), ("person/per-exempelsson", body),
            ("person/anna-provsson", "municipality/2305"), ("person/per-exempelsson", "region/12")} <= rels
    assert ("person/lisa-testberg", body) not in rels


def test_relations_inline_roster_after_a_colon():
    text = ("Nyheter\n\nStyrelsen för SmåKom består av: Anna Provsson (S), Bräcke kommun; "
            "Per Exempelsson (M), Ragunda kommun.\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/anna-provsson", "org/smakom"), ("person/per-exempelsson", "org/smakom")} <= rels


def test_relations_a_second_lead_in_on_the_rosters_line_starts_the_next_bodys_entries():
    # "Representanter från X: A, titel, B, titel. Representanter från Y: C, titel": each body its own entries
    text = ("Nyheter\n\nRegion Skåne fick besök av Skolverket.\n\nRepresentanter från Skolverket: Anna Provsson, "
            "generaldirektör, Per Exempelsson, enhetschef. Representanter från Region Skåne: Lisa Testberg, "
            "regiondirektör, Olle Brink, IT-direktör.\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/lisa-testberg", "region/12"), ("person/olle-brink", "region/12")} <= rels, rels
    assert not {("person/lisa-testberg", "agency/skolverket"), ("person/olle-brink", "agency/skolverket")} & rels
    assert ("person/per-exempelsson", "agency/skolverket") in rels, rels


def test_relations_attendance_list_is_no_roster():
    text = ("Nyheter från SmåKom\n\nNärvarande ledamöter:\n\nAnna Provsson, Bräcke kommun\n")
    assert ("person/anna-provsson", "org/smakom") not in _rel(text, "affiliatedWith")


def test_relations_genitive_organisation_holds_for_coordinated_title_pairs():
    text = "Nyheter\n\nSmåKoms ordförande Anna Provsson och sekreterare Per Exempelsson besökte Bräcke kommun i går."
    rels = _rel(text, "affiliatedWith")
    assert {("person/anna-provsson", "org/smakom"), ("person/per-exempelsson", "org/smakom")} <= rels


def test_relations_genitive_organisation_is_not_shared_with_a_title_of_another_kind_of_body():
    # the association's chair and the municipality's finance director: "ekonomichef" is a municipal title
    text = ("Nyheter\n\nPå bilden syns SmåKoms ordförande Anna Provsson och ekonomichef Per Exempelsson "
            "i Bräcke kommun.")
    rels = _rel(text, "affiliatedWith")
    assert ("person/anna-provsson", "org/smakom") in rels
    assert ("person/per-exempelsson", "org/smakom") not in rels


def test_relations_genitive_organisation_after_a_name_heads_the_next_entry():
    # "Per Exempelsson, SmåKoms sekreterare Eva Provsson": SmåKom is Eva Provsson's, not Per Exempelsson's
    text = ("Nyheter\n\nFrån vänster: näringslivschef Per Exempelsson, SmåKoms sekreterare Eva Provsson "
            "och kanslichef Ulf Testsson.")
    rels = _rel(text, "affiliatedWith")
    assert ("person/eva-provsson", "org/smakom") in rels
    assert ("person/per-exempelsson", "org/smakom") not in rels


def test_relations_body_after_a_list_of_bare_names_is_each_ones():
    # a programme's speaker line: "A, B och C, Body"; a name with its own body keeps it
    text = ("Program\n\nAktuellt om kollektivtrafiken\nAnna Provsson, Per Exempelsson och Eva Testsson, "
            "Region Värmland\n\nVälkomna\nUlf Provsson, SmåKom och Karin Exempelsson, Arvika kommun\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/anna-provsson", "region/17"), ("person/per-exempelsson", "region/17"),
            ("person/eva-testsson", "region/17")} <= rels
    assert ("person/ulf-provsson", "municipality/1784") not in rels


def test_relations_body_after_a_pair_of_names_is_both_names():
    text = "Nyheter\n\nAnna Provsson och Per Exempelsson från SmåKom besökte Bräcke kommun i går."
    rels = _rel(text, "affiliatedWith")
    assert {("person/anna-provsson", "org/smakom"), ("person/per-exempelsson", "org/smakom")} <= rels


def test_relations_minister_and_government_only_where_stated():
    passing = ("Nyheter\n\nCivilminister Anna Provsson besökte Bräcke kommun i går.\n\n"
               "Regeringen har nyligen beslutat om nya pengar till kommunerna.\n")
    assert not {r for r in _rel(passing, "affiliatedWith") if r[1] == "gov/regeringen"}
    stated = ("Nyheter\n\nCivilminister Anna Provsson besökte Bräcke kommun i går. Ministern, som ansvarar "
              "för bostadsfrågorna i regeringen, talade om planprocessen.\n")
    assert ("person/anna-provsson", "gov/regeringen") in _rel(stated, "affiliatedWith")


def test_relations_board_words_and_bare_heads_are_no_entities():
    text = ("Nyheter\n\nFrågan togs upp i Styrelsen och i Arbetsutskottet. Regionförbundet har också yttrat sig.\n")
    keys = set(_mentions(text))
    assert not {k for k in keys if "styrelsen" in k or "arbetsutskottet" in k or k.endswith("/regionforbundet")}


def test_relations_bare_head_refers_to_the_one_body_named():
    text = ("Nyheter\n\nRegionförbundet i Kalmar län har antagit en ny plan. Regionförbundets styrelse "
            "möts i maj.\n")
    forms = _mentions(text).get("org/regionforbundet-i-kalmar-lan", set())
    assert {"Regionförbundet i Kalmar län", "Regionförbundets"} <= forms


def test_relations_a_venue_lies_in_the_municipality_named_after_it():
    text = ("Plats: Kulturhuset Provet, Tingsryd\n\nSeminariet hålls den 9 juni 2021.\n\n"
            "Mötet hölls i Folkets hus i Ronneby.")
    assert _rel(text, "locatedIn") == {("place/kulturhuset-provet", "municipality/0763"),
                                       ("place/folkets-hus", "municipality/1081")}


def test_relations_no_venue_location_from_a_list_of_places():
    text = "Landshövdingen besökte Folkets hus, Ronneby och Tingsryd under tisdagen."
    assert _rel(text, "locatedIn") == set()
    assert _rel("Kommunerna Ronneby, Tingsryd och Karlshamn samarbetar.", "locatedIn") == set()



def test_contact_line_title_then_body_without_preposition():
    for line in ("Anna Berg, kommunikatör Region Halland, 070-512 20 82",
                 "Anna Berg, Ordförande Region Halland, 070-512 20 82"):
        text = f"Konferens\n\nNu genomförs konferensen.\n\nKontakt\n{line}\n"
        assert ("person/anna-berg", "region/13") in _rel(text, "affiliatedWith"), line


def test_roster_lead_naming_where_a_meeting_was_is_not_the_board_owner():
    text = ("Styrelsen\n\nPå vårt ordförandemöte som hölls den 18 september i Lidköping presenterades vår nya "
            "styrelse. Från vänster: Anna Berg, Per Holm och Eva Nord.\n")
    assert not {(s, o) for s, o in _rel(text, "affiliatedWith") if o == "municipality/1494"}
    # a municipality that owns the board is still the body
    text = "Styrelsen\n\nLidköpings kommuns nya styrelse: Anna Berg, Per Holm och Eva Nord.\n"
    assert ("person/anna-berg", "municipality/1494") in _rel(text, "affiliatedWith")


def test_next_stop_of_a_journey_is_no_home_of_the_people():
    text = ("Ministern på skolan\n\nMinistern träffade kommunstyrelsens ordförande Anna Berg och kommundirektör "
            "Per Holm på skolan. Besöket avslutades innan ministern åkte vidare till Lidköping.\n")
    assert not {o for _, o in _rel(text, "affiliatedWith") if o == "municipality/1494"}


def test_a_regional_board_in_the_title_ties_the_person_to_the_region_not_the_publisher():
    text = ("Pressmeddelande från Socialdepartementet\n\nMinistern besöker Halland\n\nEfter lunch träffar ministern "
            "ledningen i Region Halland. Under mötet deltar bland andra Anna Berg, ordförande i Regionstyrelsen.\n")
    rel = _rel(text, "affiliatedWith")
    assert ("person/anna-berg", "region/13") in rel
    assert not {o for s, o in rel if s == "person/anna-berg" and o.startswith("gov/")}


def test_names_listed_after_a_regional_body_belong_to_the_region():
    text = ("Pressträff\n\nPå pressträffen medverkar regionstyrelsens arbetsutskott Mats Ek, Stefan Berg, "
            "Per Holm samt regiondirektör Anna Nord från Region Halland.\n")
    rel = _rel(text, "affiliatedWith")
    assert {("person/mats-ek", "region/13"), ("person/stefan-berg", "region/13"), ("person/per-holm", "region/13")} <= rel


def test_title_with_the_board_after_it_without_preposition_ties_to_the_municipality():
    text = ("Landshövdingen på besök\n\nLandshövdingen besökte Lidköpings kommun.\n\nFrån vänster: Anna Berg, "
            "andre vice ordförande kommunstyrelsen. Per Holm, kommunchef.\n")
    assert ("person/anna-berg", "municipality/1494") in _rel(text, "affiliatedWith")


def test_unknown_party_marker_in_a_roster_of_parties_is_a_local_party():
    text = ("Protokoll\n\nBeslutande Anna Berg (S) Per Holm (M) Eva Nord (C) Karl Ek (FiA) Lisa Lund (V) "
            "Plats Lidköpings kommun\n")
    members = _rel(text, "memberOf")
    assert ("person/karl-ek", "party/local-fia-1494") in members
    assert ("person/anna-berg", "party/s") in members
    # a lone unknown marker is no party
    assert not _rel("Nyheter\n\nDär talade Karl Ek (FiA) om skolan.\n", "memberOf")


def test_relations_association_followed_by_area_is_its_branch():
    text = ("Nyheter\n\nPå mötet deltog Karin Ek, ordförande i LRF Exempelmark, och Olof Dahl från "
            "Hela Sverige ska leva Gotlands styrelse. Hela Sverige ska leva arrangerade mötet.\n")
    ex = extract_document(_doc(text))
    gotland = ex.entities["org/hela-sverige-ska-leva-gotland"]
    assert gotland.cls == "Association" and gotland.label == "Hela Sverige ska leva Gotland"
    # the branch is one organisation: neither the island nor the national body is read out of it
    assert "municipality/0980" not in ex.entities
    parts = _pairs(ex, "partOf")
    assert ("org/hela-sverige-ska-leva-gotland", "org/hela-sverige-ska-leva") in parts
    assert ("person/olof-dahl", "org/hela-sverige-ska-leva-gotland") in _rel(text, "affiliatedWith")
    # named on its own as well, the national body stays an entity of the text
    assert "org/hela-sverige-ska-leva" in ex.entities


def test_relations_branch_written_two_ways_is_one_node():
    short = extract_document(_doc("Nyheter\n\nAnna Ek, ordförande i LRF Mälardalen, talade.\n"))
    long = extract_document(_doc("Nyheter\n\nAnna Ek, ordförande i Lantbrukarnas riksförbund Mälardalen, "
                                 "talade.\n"))
    assert "org/lrf-malardalen" in short.entities and "org/lrf-malardalen" in long.entities
    assert "place/malardalen" not in short.entities


def test_relations_label_line_titles_of_newsletters_and_minutes():
    text = ("Nyhetsbrev från Exempelförbundet\n\nRedaktör: Anna Berglund\n\n"
            "Justerare: Lisa Ek\n\nAnalytiker Per Holm presenterade statistiken.\n")
    roles = _rel(text, "role")
    assert {("person/anna-berglund", "redaktör"), ("person/lisa-ek", "justerare"),
            ("person/per-holm", "analytiker")} <= roles


def test_relations_members_under_beslutande_ledamoter_belong_to_the_minuted_board():
    text = ("PROTOKOLL\nFörbundsstyrelsen\nSammanträdesdatum 2019-03-14\n\n"
            "Beslutande ledamöter\nAnna Berglund (S), ordförande\nPer Holm (M)\n\n"
            "Övriga deltagare\nLisa Sjö, sekreterare\n\n§ 1 Information\nOrdföranden informerar.\n")
    ex = extract_document(_doc(text))
    board = {s.object for s in ex.statements if s.prov.rule == "extract.affiliation.minutes"}
    assert len(board) == 1 and ex.entities[board.pop()].label == "Förbundsstyrelsen"
    members = {s.subject for s in ex.statements if s.prov.rule == "extract.affiliation.minutes"}
    assert members == {"person/anna-berglund", "person/per-holm"}


def test_relations_people_listed_after_an_organisations_representatives():
    text = ("Nyheter\n\nFörbundet besökte i dag Exempelby. SmåKoms representanter Anna Berglund (S), ordförande, "
            "och Per Holm, kanslichef, träffade kommunalrådet Karin Ek i Tranås kommun.\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/anna-berglund", "org/smakom"), ("person/per-holm", "org/smakom")} <= rels
    assert ("person/karin-ek", "org/smakom") not in rels


def test_relations_chair_titles_listed_after_a_body_title_share_its_organisation():
    text = ("Nyheter från SmåKom\n\nSmåKom besökte Tranås kommun. Förbundet träffade kommunstyrelsens ordförande "
            "Anna Berglund (S), vice ordförande Per Holm (M) och 2:e vice ordförande Karin Ek (C).\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/anna-berglund", "municipality/0687"), ("person/per-holm", "municipality/0687"),
            ("person/karin-ek", "municipality/0687")} <= rels
    assert not {r for r in rels if r[1] == "org/smakom"}


def test_relations_regions_spelling_of_regional_titles():
    text = ("Nyheter\n\nMinistern träffade regionsstyrelsens ordförande Anna Berglund (S) och "
            "regionsrådet Per Holm (M) i Region Skåne.\n")
    assert {("person/anna-berglund", "regionsstyrelsens ordförande"),
            ("person/per-holm", "regionsråd")} <= _rel(text, "role")
    assert ("person/anna-berglund", "region/12") in _rel(text, "affiliatedWith")


def test_relations_people_listed_after_from_body_took_part():
    text = ("Nyheter\n\nStyrelsen träffade i dag ministern i Stockholm. Från SmåKom deltog ordförande Anna Berglund (S), "
            "vice ordförande Per Holm (M) och kanslichef Karin Ek.\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/anna-berglund", "org/smakom"), ("person/per-holm", "org/smakom"),
            ("person/karin-ek", "org/smakom")} <= rels
    assert not {r for r in rels if r[1] == "municipality/0180"}


def test_relations_people_after_med_fran_body_took_part():
    # "Med från X kom A, ..., och B": the visitors' own body, not the host's
    text = ("Nyheter\n\nLandshövdingen besökte i dag Vara kommun. Med från Länsstyrelsen kom Karin Ek, "
            "regionchef, och handläggare Per Holm.\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/karin-ek", "cab/14"), ("person/per-holm", "cab/14")} <= rels
    assert ("person/karin-ek", "municipality/1470") not in rels


def test_relations_newsletter_from_body_names_the_publisher():
    text = ("Nyhetsbrev från SmåKom, nr 4 2021\n\nStyrelsemöte i Ånge\n\n"
            "Styrelsen höll sitt möte i Ånge, där Region Västernorrland och Ånge kommun presenterade sig.\n")
    assert extract_document(_doc(text)).publisher == "org/smakom"


def test_relations_respektive_gives_each_name_its_own_place():
    text = ("Nyheter\n\nVid mötet deltog även Maja Ekstrand och Ola Wiklund, kommunchef i Norsjö respektive "
            "Vilhelmina.")
    affiliations = _rel(text, "affiliatedWith")
    assert ("person/maja-ekstrand", "municipality/2417") in affiliations
    assert ("person/ola-wiklund", "municipality/2462") in affiliations
    assert ("person/ola-wiklund", "municipality/2417") not in affiliations
    roles = {(s, o) for s, o in _rel(text, "role")}
    assert {s for s, _ in roles} >= {"person/maja-ekstrand", "person/ola-wiklund"}


def test_relations_elected_member_with_municipality_gets_the_titles(reference, make_document):
    ex = extract_document(make_document(
        "Nyheter\n\nVid årsmötet valdes Olle Brink (C), Tibro, till ordförande. Fyllnadsval hölls där "
        "Ada Nordin (L), Skara, valdes till ny andre vice ordförande och ledamot i Sjöbygdens Turistförening.\n"),
        reference)
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements}
    assert ("person/ada-nordin", "role", "andre vice ordförande") in facts
    assert ("person/ada-nordin", "role", "ledamot") in facts
    assert ("person/ada-nordin", "affiliatedWith", "org/sjobygdens-turistforening") in facts


def test_place_genitive_before_a_superlative_is_no_mention():
    # "Europas största mötesplats": how far the comparison reaches, not a place the text is about
    text = "Nyheter\n\nMässan är en av Europas största mötesplatser och Nordens modernaste arena.\n"
    assert not {"place/europa", "place/norden"} & set(_mentions(text))
    # the place named by itself is still a mention
    assert "place/europa" in _mentions("Nyheter\n\nDelegationen reste sedan till Europa.\n")


def test_relations_line_before_a_caption_names_whose_officials_they_are():
    # two municipalities named as often; the line before the caption says which one the officials serve
    text = ("Nyheter\n\nFörbundets ordförande besökte Vara kommun och Åsele kommun i maj.\n\n"
            "Mötet i Åsele kommun\n\n"
            "Från vänster: ekonomichef Lars Öberg, näringslivschef Tove Sandin och förbundets ordförande.\n\n"
            "Besöket i Vara kommun följde dagen efter.\n")
    affiliations = _rel(text, "affiliatedWith")
    assert ("person/lars-oberg", "municipality/2463") in affiliations
    assert ("person/tove-sandin", "municipality/2463") in affiliations
    assert not {(p, o) for p, o in affiliations if o == "municipality/1470"}


def test_relations_list_under_a_heading_from_a_body_belongs_to_that_body():
    # "Medverkande från Region X:" names the body of the people listed under it, whatever they are called;
    # "Riksdagsledamöter på besök:" lists visitors, who are not the publishing region's people
    text = ("Pressmeddelande\n\nRegion Gävleborg tog emot länets riksdagsledamöter i Gävle.\n\n"
            "Riksdagsledamöter på besök:\n\n • Karin Ek (S)\n • Ulf Holm (M)\n\n"
            "Medverkande från Region Gävleborg:\n\n • Eva Nord (S)\n • Lars Öberg, instruktör i sjukvård\n")
    affiliations = _rel(text, "affiliatedWith")
    assert {("person/eva-nord", "region/21"), ("person/lars-oberg", "region/21")} <= affiliations
    assert not {(p, o) for p, o in affiliations if p in ("person/karin-ek", "person/ulf-holm")}


def test_mentions_body_named_by_its_head_and_field():
    # "Centrum för ...", "Institutet för ...": a body's name, not a one-word "Centrum"
    text = "Nyheter\n\nDagen avslutades med ett studiebesök på Centrum för idrott och hälsa i Vara.\n"
    mentions = _mentions(text)
    assert "org/centrum-for-idrott-och-halsa" in mentions
    assert not {k for k in mentions if k.endswith("/centrum")}


def test_mentions_academy_in_the_short_definite_form_is_a_body():
    # "-akademin" is the everyday definite form of "akademi" (beside "-akademien")
    text = "Nyheter\n\nKommunerna driver tillsammans med högskolan verksamheten Samverkansakademin Norr i Vara.\n"
    assert "org/samverkansakademin-norr" in _mentions(text)

def test_mentions_airports_are_places_in_their_municipality(reference):
    text = ("Nyheter\n\nMinistern landade på Arlanda i går och reste vidare till Vara. "
            "Utbyggnaden av Arlandas bana diskuteras.\n")
    assert {"Arlanda", "Arlandas"} <= _mentions(text).get("place/arlanda", set())
    assert reference.entities["place/arlanda"].attrs["municipality"] == "0191"

def test_relations_association_text_on_its_board_elections():
    text = ("SmåKom Nyhetsbrev\n\nStämman: Karin Ek fortsatt ordförande\n\n"
            "SmåKoms stämma hölls i Vara den 26 april.\n\n"
            "Karin Ek från Vara kommun omvaldes som ordförande för ytterligare ett år. Till styrelsen nyvaldes "
            "Ulf Holm från Åsele kommun. Eva Nord, Tibro kommun, omvaldes.\n\n"
            "Vid det konstituerande styrelsemötet valdes Eva Nord till vice ordförande.\n\n"
            "På stämman talade också Lars Öberg från Vara kommun om bredband.\n")
    ex = extract_document(_doc(text))
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements}
    assert ("person/karin-ek", "role", "ordförande") in facts
    assert ("person/eva-nord", "role", "vice ordförande") in facts
    for person in ("person/karin-ek", "person/ulf-holm", "person/eva-nord"):
        assert (person, "affiliatedWith", "org/smakom") in facts, person
    assert ("person/karin-ek", "affiliatedWith", "municipality/1470") in facts
    # a speaker at the meeting is not elected to anything
    assert ("person/lars-oberg", "affiliatedWith", "org/smakom") not in facts


def test_relations_association_text_on_its_presidium_and_its_owner_municipalities():
    # an association's own summary of a board meeting: the bare presidium heads a list of names; the
    # municipalities in brackets after "ägarkommunerna" are its members; a speaker is neither
    text = ("SmåKom Nyhetsbrev\n\nSammanfattning av styrelsemötet\n\n"
            "Styrelsen träffades i Vara den 6 december. Presidiet Karin Ek (M), Ulf Holm (C) och Eva Nord (S) har "
            "fått i uppdrag att tillsammans med de tre största ägarkommunerna (Vara, Åsele och Tibro) arbeta vidare. "
            "Lars Öberg från Länsstyrelsen talade om bredband.\n")
    ex = extract_document(_doc(text))
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements}
    for person in ("person/karin-ek", "person/ulf-holm", "person/eva-nord"):
        assert (person, "affiliatedWith", "org/smakom") in facts, person
    assert ("person/lars-oberg", "affiliatedWith", "org/smakom") not in facts
    members = {s for s, p, o in facts if p == "memberOf" and o == "org/smakom"}
    assert members == {"municipality/1470", "municipality/2463", "municipality/1472"}, members
    # the publisher is named nowhere in the sentence: the statement is inferred, at an inferring rule's confidence
    listed = [s for s in ex.statements if s.predicate == "memberOf" and s.prov.rule == "extract.membership.listed"]
    assert listed and all(s.prov.confidence <= 0.5 for s in listed)


def test_relations_member_municipalities_of_a_named_association():
    text = ("Nyheter\n\nLänsstyrelsen träffade i går Fyrbodals kommunalförbunds medlemskommuner Uddevalla och Lysekil "
            "för samtal om bredband.\n")
    members = {s for s, o in _rel(text, "memberOf") if o.endswith("fyrbodals-kommunalforbund")}
    assert members == {"municipality/1484", "municipality/1485"}, _rel(text, "memberOf")


def test_mentions_town_building_and_its_room_are_places():
    text = "Protokoll\n\nKommunstyrelsen sammanträdde den 23 maj 2006 i Vara kommunkontor, rum Tallbacken.\n"
    mentions = _mentions(text)
    assert {"place/vara-kommunkontor", "place/tallbacken"} <= set(mentions)


def test_relations_minutes_of_an_association_board_named_without_its_name():
    # "förbundsstyrelsens sammanträde": the board of the association the minutes name (here by its short form)
    text = ("Protokoll från förbundsstyrelsens sammanträde Fredag 10 september 1999, Vara kommun\n\n"
            "Ledamöter Anna Lindqvist (m), Vara, ordförande Peter Holm (s), Åsele Ersättare Eva Nord (c), Vara\n"
            "Sekreterare Ulf Holm, SmåKom Övriga Karin Ek, SmåKom\n\n"
            "§ 1 Utses att justera Peter Holm. Paragrafer 1-5.\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/anna-lindqvist", "org/smakom"), ("person/peter-holm", "org/smakom")} <= rels


def test_meetings_association_board_minutes_do_not_seat_the_members_home_towns():
    text = ("Protokoll från förbundsstyrelsens sammanträde Fredag 10 september 1999, Vara kommun\n\n"
            "Ledamöter Anna Lindqvist (m), Vara, ordförande Peter Holm (s), Åsele Ersättare Eva Nord (c), Tibro\n"
            "Sekreterare Ulf Holm, SmåKom Övriga Karin Ek, SmåKom\n\n"
            "§ 1 Utses att justera Peter Holm. Paragrafer 1-5.\n")
    ex = extract_document(_doc(text))
    board = [m for m in ex.meetings if m.kind == "board_meeting"]
    assert board and "org/smakom" in board[0].participants
    assert {"person/anna-lindqvist", "person/peter-holm"} <= set(board[0].participants)
    assert not [p for p in board[0].participants if p.startswith("municipality/")], board[0].participants


def test_mentions_federation_named_by_its_county():
    # "Regionförbundet Jämtlands län", "Regionförbundet Gävleborgs län": the county is part of the name (a
    # federation the reference lists, "Regionförbundet Örebro län", takes its listed key)
    for county, key in (("Jämtlands län", "org/regionforbundet-jamtlands-lan"),
                        ("Gävleborgs län", "org/regionforbundet-gavleborgs-lan"),
                        ("Örebro län", "org/regionforbundet-orebro")):
        text = f"Nyheter\n\nPå mötet deltog Karin Ek, ordförande i Regionförbundet {county}, och Ulf Holm.\n"
        assert key in _mentions(text)
        assert ("person/karin-ek", key) in _rel(text, "affiliatedWith")


def test_mentions_company_written_again_by_its_first_word_is_one_company():
    text = ("Nyheter\n\nPå programmet står företagsbesök på Ekbo Städteknik AB i Vara.\n\n"
            "Därefter följde ett studiebesök på företaget EKBO, där vd Karin Ek berättade om läget.\n")
    mentions = _mentions(text)
    assert "company/ekbo-stadteknik-ab" in mentions
    assert not {k for k in mentions if k.startswith("company/") and k != "company/ekbo-stadteknik-ab"}, mentions


def test_meetings_programme_items_after_pa_programmet_star_are_the_visitors():
    text = ("Landshövdingen på besök\n\nI dag besöker landshövding Karin Ek Vara kommun. "
            "På programmet står möte med kommunledningen och företagsbesök på Ekbo Städteknik AB.\n")
    ex = extract_document(_doc(text))
    company = [m for m in ex.meetings if "company/ekbo-stadteknik-ab" in m.participants]
    assert company and all("person/karin-ek" in m.participants for m in company)


def test_relations_business_named_before_where_its_head_received():
    text = ("Landshövdingen på besök\n\nI dag besökte landshövding Karin Ek Vara kommun.\n\n"
            "Besöket avslutades på Rexmoll där vd Ulf Holm tog emot och berättade om verksamheten.\n")
    assert "company/rexmoll" in _mentions(text)
    assert ("person/ulf-holm", "company/rexmoll") in _rel(text, "affiliatedWith")


def test_relations_a_caption_listing_the_publishers_board():
    text = ("Nyhetsbrev från SmåKom, nr 4 2021\n\nStyrelsemöte i Vara\n\nStyrelsen sammanträdde i Vara kommun "
            "och beslutade om en ny mediestrategi.\n\nStyrelsen den 12 oktober: Lars Nord, Eva Sjö, Olle Lind.\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/lars-nord", "org/smakom"), ("person/eva-sjo", "org/smakom"), ("person/olle-lind", "org/smakom")} \
        <= rels, rels


def test_relations_a_caption_after_the_sentence_presenting_the_board():
    text = ("Nyhetsbrev från SmåKom, nr 4 2021\n\nPå vårt höstmöte i Vara presenterades vår nya styrelse. "
            "Från vänster: Lars Nord, Eva Sjö och Olle Lind.\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/lars-nord", "org/smakom"), ("person/olle-lind", "org/smakom")} <= rels, rels


def test_relations_the_one_association_of_a_text_about_its_own_board_publishes_it():
    # no masthead; the text names the association only through a branch and speaks of "vår nya styrelse"
    text = ("Ordförandemöte\n\nPå vårt ordförandemöte i Vara presenterades vår nya styrelse.\n\n"
            "Karin Ek, ordförande för Företagarna Skaraborg, berättade om länsavdelningens arbete.\n")
    assert extract_document(_doc(text)).publisher == "org/foretagarna"


def test_relations_a_members_town_read_into_the_next_name_is_still_the_members_town():
    # a run-on list: the town that ends one entry and a given name that opens the next one read as one name
    # ("Ale Olle Brandt"); split again, the town is still the town of the entry it ends
    text = ("Protokoll från direktionens sammanträde 2012-03-09\n"
            "Ledamöter Eva Ekwall (s), Tjörn Per Holmgren (m), Ale Olle Brandt (kd), Orust\n")
    rel = _rel(text, "affiliatedWith")
    assert ("person/per-holmgren", "municipality/1440") in rel
    assert ("person/olle-brandt", "municipality/1421") in rel


def test_relations_a_post_no_title_list_holds_then_its_employer():
    # an apposition: the post in lower case, then "från"/"på" and the body the person works for
    text = ("Konferensen i Nyköping\n\nOm regionbildningen talade Karin Sundell, utvecklingsstrateg från Region Uppsala, "
            "och Per Ekholm, regional planeringsledare på Trafikverket, om vägarna.\n")
    rel = _rel(text, "affiliatedWith")
    assert ("person/karin-sundell", "region/03") in rel
    assert ("person/per-ekholm", "agency/trafikverket") in rel


def test_relations_the_body_in_brackets_after_a_name():
    text = ("Protokoll från arbetsutskottet\n\nNärvarande:\nHelga Rydén (Sala kommun)\n"
            "Arvid Thorsell (ordförande, Region Västmanland)\nMona Ekdahl (S)\n")
    rel = _rel(text, "affiliatedWith")
    assert ("person/helga-ryden", "municipality/1981") in rel
    assert ("person/arvid-thorsell", "region/19") in rel
    # a party in brackets is a membership, not an employer
    assert not {o for s, o in rel if s == "person/mona-ekdahl"}


def test_relations_a_dash_or_a_tab_between_a_name_and_its_body():
    text = ("Minnesanteckningar\n\nDeltagare:\nTove Halvarsson – Arjeplogs kommun\nRune Dahlgren\tJokkmokks kommun\n")
    rel = _rel(text, "affiliatedWith")
    assert ("person/tove-halvarsson", "municipality/2506") in rel
    assert ("person/rune-dahlgren", "municipality/2510") in rel


def test_relations_a_lead_in_from_a_body_with_a_capital():
    text = ("Minnesanteckningar\n\nDeltagare:\nFrån Region Jämtland Härjedalen: Ylva Brännström och Ola Kjellin\n")
    rel = _rel(text, "affiliatedWith")
    assert {("person/ylva-brannstrom", "region/23"), ("person/ola-kjellin", "region/23")} <= rel, rel


def test_relations_an_entry_with_only_the_party_between_name_and_body():
    text = ("Protokoll från direktionen\n\nBeslutande\nSigne Wallin (C) Sotenäs kommun\nEdvin Krook (M) Tanums kommun\n\n"
            "§ 2 Ekonomi\nPå måndagen besökte Alma Frid (S) Munkedals kommun.\n")
    rel = _rel(text, "affiliatedWith")
    assert {("person/signe-wallin", "municipality/1427"), ("person/edvin-krook", "municipality/1435")} <= rel, rel
    # in running text the body after the party is what the verb acts on
    assert ("person/alma-frid", "municipality/1430") not in rel


def test_relations_officials_at_a_federations_board_work_for_the_federation():
    text = ("PROTOKOLL\nSkärgårdsförbundet Österled, förbundsstyrelsen\nSammanträdesdatum 2023-11-09\n"
            "Plats och tid: Stadshuset, Norrtälje, kl. 10.00\n\nBeslutande\nAnna Vik (S), Norrtälje kommun, ordf.\n"
            "Bo Sten (M), Östhammars kommun\n\nÖvriga deltagare\nLisa Tall, förbundsdirektör\nOla Rask, sekr.\n")
    ex = extract_document(_doc(text))
    rel = _pairs(ex, "affiliatedWith")
    body = next(o for s, o in rel if s == "person/bo-sten" and o.startswith("org/"))
    assert {("person/lisa-tall", body), ("person/ola-rask", body)} <= rel, rel
    assert not {o for s, o in rel if s == "person/lisa-tall" and o.startswith("municipality/")}
    roles = _pairs(ex, "role")
    assert ("person/ola-rask", "sekr.") in roles


def test_relations_titles_before_names_with_the_members_towns_between():
    # an association's two officers with their towns, then the minister they met: each title is the next name's
    text = ("Styrelsen träffade ministern\n\nI går träffade SmåKoms ordförande Maj Lindell (C), Bjurholm, "
            "och vice ordförande Tor Hagman (S), Dorotea, landsbygdsminister Peter Kullgren (KD) i Rosenbad.\n")
    ex = extract_document(_doc(text))
    roles = _pairs(ex, "role")
    assert ("person/tor-hagman", "vice ordförande") in roles
    assert ("person/peter-kullgren", "landsbygdsminister") in roles
    assert ("person/tor-hagman", "landsbygdsminister") not in roles
    rel = _pairs(ex, "affiliatedWith")
    body = next(o for s, o in rel if s == "person/maj-lindell" and o.startswith("org/"))
    assert ("person/tor-hagman", body) in rel
    # the minister does not share the association's genitive
    assert ("person/peter-kullgren", body) not in rel


def test_relations_the_host_then_where_its_staff_is_named():
    text = ("Program för dagen\n\n13.00 Besök på Österby skola, där rektor Maud Lindén visar verksamheten.\n"
            "15.00 Besök på Bruksgården, där kommunalrådet Ivar Sund (S) tar emot.\n")
    rel = _rel(text, "affiliatedWith")
    assert ("person/maud-linden", "org/osterby-skola") in rel, rel
    # a municipal title at a school is not the school's
    assert not {o for s, o in rel if s == "person/ivar-sund" and "bruksgarden" in o}


def test_relations_an_abbreviations_genitive_with_a_colon_before_a_title():
    text = ("Nyheter\n\nI dag träffade ministern Storsthlm. Vid mötet deltog Storsthlms ordförande Eva Tell och "
            "SKR:s vd Oskar Blom.\n")
    rel = _rel(text, "affiliatedWith")
    assert ("person/oskar-blom", "org/skr") in rel, rel


def test_relations_people_listed_after_from_the_federation_in_lower_case():
    text = ("Ministern i Sjuhärad\n\nBoråsregionen Sjuhärads kommunalförbund bjöd in bostadsministern till ett samtal. "
            "Från förbundet deltog ordföranden Gert Ahlin (S) och kanslichefen Rut Vik.\n")
    rel = _rel(text, "affiliatedWith")
    assert {("person/gert-ahlin", "org/borasregionen"), ("person/rut-vik", "org/borasregionen")} <= rel, rel


def test_relations_named_union_in_genitive_before_title_and_comma():
    # the union's genitive makes the title definite, so the name after the comma is its holder
    text = ("Nyheter\n\nUnder eftermiddagen talade Kommunals ordförande i Gävleborg, Sofia Rask, om heltid. "
            "Företagarnas vd, Jonas Ek, höll med.")
    ex = extract_document(_doc(text))
    assert ("person/sofia-rask", "org/kommunal") in _pairs(ex, "affiliatedWith")
    assert ("person/jonas-ek", "org/foretagarna") in _pairs(ex, "affiliatedWith")
    assert ("person/sofia-rask", "ordförande") in _pairs(ex, "role")


def test_relations_listed_name_before_genitive_title_keeps_its_own_title():
    # "A, Företagarnas vd, B, ...": the titles follow their names in a list; B is not Företagarnas vd
    text = "Nyheter\n\nPå mötet fanns Lisa Holm, Företagarnas vd, Per Dahl, ordförande, och fler."
    roles = _rel(text, "role")
    assert ("person/per-dahl", "VD") not in roles
    assert ("person/lisa-holm", "VD") in roles


def test_relations_named_union_title_is_the_bare_post_and_the_union_the_employer():
    text = "Nyheter\n\nVårdförbundets ordförande Tove Lind krävde fler sjuksköterskor i glesbygden."
    ex = extract_document(_doc(text))
    assert ("person/tove-lind", "ordförande") in _pairs(ex, "role")
    assert ("person/tove-lind", "org/vardforbundet") in _pairs(ex, "affiliatedWith")


def test_relations_capitalised_board_title_before_its_region_and_comma():
    text = "Nyheter\n\nRegionstyrelsens ordförande i Region Gävleborg, Ulf Sand (S), tog emot delegationen."
    ex = extract_document(_doc(text))
    assert ("person/ulf-sand", "regionstyrelsens ordförande") in _pairs(ex, "role")
    assert ("person/ulf-sand", "region/21") in _pairs(ex, "affiliatedWith")


def test_relations_representatives_of_a_body_then_their_names():
    text = ("Nyheter\n\nMinistern träffade representanter för Skogsstyrelsen, bland andra distriktschef Jonas Vik. "
            "Senare mötte hon företrädare för Ljusdals kommun: kommundirektör Eva Ahl och Nils Berg.")
    rels = _rel(text, "affiliatedWith")
    assert ("person/jonas-vik", "agency/skogsstyrelsen") in rels
    assert {("person/eva-ahl", "municipality/2161"), ("person/nils-berg", "municipality/2161")} <= rels


def test_relations_body_represented_by_its_people():
    # the verb first or the body first: "representerades Trafikverket av A och B" says whose A and B are as well
    text = "Nyheter\n\nPå mötet i Sunne representerades Trafikverket av planeringschef Olof Berg och Kim Nord."
    rels = _rel(text, "affiliatedWith")
    assert {("person/olof-berg", "agency/trafikverket"), ("person/kim-nord", "agency/trafikverket")} <= rels
    assert not {r for r in rels if r[1] == "municipality/1766"}  # (the town of the meeting is no one's employer)
    text = "Nyheter\n\nTrafikverket representerades av planeringschef Olof Berg och Kim Nord."
    rels = _rel(text, "affiliatedWith")
    assert {("person/olof-berg", "agency/trafikverket"), ("person/kim-nord", "agency/trafikverket")} <= rels


def test_relations_body_represented_by_its_people_in_the_present():
    # an announcement: "X representeras av", each entry with its title and home municipality
    text = ("Nyheter\n\nNästa vecka besöker arbetsutskottet riksdagen. SmåKom representeras av ordförande Ada "
            "Nordin, Karlsborg, vice ordförande Olle Brink, Uppvidinge, samt sekreterare Karin Holm.")
    rels = _rel(text, "affiliatedWith")
    assert {("person/ada-nordin", "org/smakom"), ("person/olle-brink", "org/smakom"),
            ("person/karin-holm", "org/smakom")} <= rels, rels


def test_relations_post_held_since_a_time():
    text = ("Nyheter\n\nLinda Moberg är sedan 2019 kommundirektör i Kils kommun. "
            "Åke Ström, som sedan i våras är näringslivschef i Arvika kommun, tog emot.")
    rels = _rel(text, "affiliatedWith")
    assert ("person/linda-moberg", "municipality/1715") in rels
    assert ("person/ake-strom", "municipality/1784") in rels


def test_relations_a_party_title_makes_no_affiliation_with_the_party():
    text = ("LJUSDALS KOMMUN\nProtokoll\n\nBeslutande\nAnna Sundin (S), ordförande\n"
            "Olle Brand (S), tjänstgörande ersättare för Lars Ek (S)\n")
    ex = extract_document(_doc(text))
    assert not {r for r in _pairs(ex, "affiliatedWith") if r[1].startswith("party/")}
    assert ("person/olle-brand", "party/s") in _pairs(ex, "memberOf")


def test_relations_association_board_in_minutes_is_the_association():
    # "Styrelsen" under an association's letterhead is its own board: members belong to the association (and
    # to the municipality each entry names), not to a new organisation called "Styrelsen"
    text = ("Exempelförbundet Jämtland\nPROTOKOLL\nStyrelsen\nSammanträdesdatum 2012-05-10\n\n"
            "Beslutande\nAnna Lövgren (S), Krokoms kommun, ordförande\nPer Sundin (M), Åre kommun\n\n"
            "§ 23 Budget\nStyrelsen godkänner budgeten.\n")
    ex = extract_document(_doc(text))
    rels = _pairs(ex, "affiliatedWith")
    assert ("person/anna-lovgren", "org/exempelforbundet-jamtland") in rels
    assert ("person/anna-lovgren", "municipality/2309") in rels
    assert not any("styrelsen" in o for _, o in rels)


def test_relations_a_federations_name_ends_before_its_board_in_a_run_on_header():
    # "Kommunalförbundet X Direktionen Sammanträdesprotokoll": the federation's name ends before its board; the
    # federation written without its kind ("X") is the same body, whose board's members are its own
    text = ("Räddningstjänsten Exempeldalen\n\n1 Datum av 12 Kommunalförbundet Räddningstjänsten Exempeldalen "
            "Direktionen Sammanträdesprotokoll 4/ Plats och tid: Brandstationen, kl. 13:00 Beslutande: "
            "Ada Nordin (S), ordförande Olle Brink (M) Ersättare: Karin Holm (C) Övriga: Lars Nord, "
            "förbundsdirektör\n")
    ex = extract_document(_doc(text))
    fed = "org/kommunalforbundet-raddningstjansten-exempeldalen"
    assert [k for k in ex.entities if "exempeldalen" in k] == [fed], ex.entities
    rels = _pairs(ex, "affiliatedWith")
    assert {("person/ada-nordin", fed), ("person/olle-brink", fed), ("person/lars-nord", fed)} <= rels, rels


def test_relations_group_list_goes_on_past_each_entrys_home_municipality():
    text = ("Nyheter\n\nFrån SmåKom deltog ordförande Lena Sjöberg (S), Gullspångs kommun, vice ordförande "
            "Karl Nyström (C), Hallsbergs kommun och verksamhetsledare Ulla Bergh.")
    rels = _rel(text, "affiliatedWith")
    assert {("person/lena-sjoberg", "org/smakom"), ("person/karl-nystrom", "org/smakom"),
            ("person/ulla-bergh", "org/smakom")} <= rels
    assert ("person/karl-nystrom", "municipality/1861") in rels


def test_relations_agency_title_for_its_district_then_comma_and_name():
    text = ("Nyheter\n\nVid mötet deltog även Trafikverkets regiondirektör för region Nord, Mats Ekholm.")
    ex = extract_document(_doc(text))
    assert ("person/mats-ekholm", "regiondirektör") in _pairs(ex, "role")
    assert ("person/mats-ekholm", "agency/trafikverket") in _pairs(ex, "affiliatedWith")


def test_relations_from_the_county_board_written_bare_is_the_countys_board():
    text = ("Kommunbesök\n\nLandshövding Maria Ekström besökte Skinnskattebergs kommun. Under besöket medverkade "
            "enhetschefen Anna Vall från Länsstyrelsen.\n\nBesöken är ett sätt för Länsstyrelsen Västmanland "
            "att följa läget i länet.")
    ex = extract_document(_doc(text))
    assert ("person/anna-vall", "cab/19") in _pairs(ex, "affiliatedWith")
    assert not [k for k in ex.entities if k == "org/lansstyrelsen"]


def test_relations_caption_position_between_the_name_and_its_post():
    text = ("Nyheter\n\nBildtext: Landshövdingen i samtal med Olle Ekman (till vänster), ordförande i Företagarna "
            "Ljusdal, och Siv Dahl (t.h.), Ljusdals kommun.")
    ex = extract_document(_doc(text))
    assert ("person/olle-ekman", "ordförande") in _pairs(ex, "role")
    rels = _pairs(ex, "affiliatedWith")
    assert ("person/olle-ekman", "org/foretagarna-ljusdal") in rels
    assert ("person/siv-dahl", "municipality/2161") in rels


def test_relations_genitive_colon_of_an_abbreviation_opens_no_roster(reference, make_document):
    from kgraph.extract.pipeline import extract_document
    text = ("Nyheter\n\nLRF Exempelland träffar Skogsstyrelsen en gång om året. Från LRF:s sida kom Anna Berg. "
            "Vi mötte Per Holm, ny chef för distriktet, och Eva Lund.\n")
    ex = extract_document(make_document(text), reference)
    affs = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    assert not {("person/per-holm", "org/lrf"), ("person/eva-lund", "org/lrf")} & affs


def test_relations_a_body_listed_after_an_office_holder_of_another_kind_is_no_employer():
    # a county governor serves a county board: the agency after the comma is the next one the minister met
    text = ("Nyheter\n\nI dag träffade ministern landshövdingen Maria Ek, Trafikverket och representanter "
            "för kommunerna.\n\nSamma dag talade projektledaren Olof Berg, Trafikverket, om tågen.\n")
    rels = _rel(text, "affiliatedWith")
    assert ("person/maria-ek", "agency/trafikverket") not in rels
    assert ("person/olof-berg", "agency/trafikverket") in rels


def test_a_twin_towns_mayor_has_the_title_and_no_body_of_ours(reference, make_document):
    from kgraph.extract.pipeline import extract_document
    text = ("Filipstads kommun\n\nI maj besökte en delegation från vänorten med deras nya borgmästare Jussi Virtanen "
            "Filipstad. Kommunstyrelsens ordförande Anna Berglund tog emot.\n")
    ex = extract_document(make_document(text, "twin.txt"), reference)
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert ("person/jussi-virtanen", "borgmästare") in roles, roles
    assert not any(s.subject == "person/jussi-virtanen" for s in ex.statements if s.predicate == "affiliatedWith"), \
        [s for s in ex.statements if s.predicate == "affiliatedWith"]


def test_relations_from_body_colon_list_belongs_to_that_body_not_the_publisher():
    # a county board's own news: the municipality's delegation after "Från X kommun:", a bare "vice ordförande"
    # among them, belongs to the municipality, not to the county board that wrote the text
    text = ("Länsstyrelsen i Uppsala län\n\nLandshövdingen besöker Tierps kommun\n\n"
            "Landshövdingen gör på tisdag ett besök i Tierps kommun. Från länsstyrelsen deltar även "
            "stabschef Gustav Lindmark. Från Tierps kommun: Siv Ekholm (S), kommunstyrelsens ordförande, "
            "Rune Falkvik (S), vice ordförande och Berit Tornlund (M), ledamot i kommunstyrelsen.\n")
    rels = _rel(text, "affiliatedWith")
    for person in ("siv-ekholm", "rune-falkvik", "berit-tornlund"):
        assert (f"person/{person}", "municipality/0360") in rels
    assert ("person/rune-falkvik", "cab/03") not in rels


def test_relations_listed_member_with_party_then_home_town():
    # an association's board, one paragraph: "Name (party) Town" entries; "Lund" is also a surname, so only
    # the party right before it makes it the member's municipality
    text = ("Förbundsmötet 2024\n\nFörbundsmötet valde en ny styrelse. Ordinarie ledamöter: "
            "Ordförande Olle Sjöstrand (M) Tomelilla, Hanna Grip (S) Ystad, Viktor Lönn (C) Sjöbo och "
            "Maja Frost (KD) Lund.\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/hanna-grip", "municipality/1286"), ("person/viktor-lonn", "municipality/1265"),
            ("person/maja-frost", "municipality/1281")} <= rels


def test_relations_party_then_municipality_in_running_text_is_no_home():
    # a visit's object: the municipality after the party is where, not whose
    text = "Nyheter\n\nMinistern besökte igår Hanna Grip (S) Ystad kommun för att tala om skolan.\n"
    assert ("person/hanna-grip", "municipality/1286") not in _rel(text, "affiliatedWith")


def test_renamed_regional_association_is_one_node_by_old_and_new_name():
    # Kommunförbundet Skåne took the name Skånes Kommuner in 2020 (associations.csv, with its source)
    new = extract_document(_doc("Nyheter\n\nSkånes Kommuner håller förbundsmöte i Lund i maj.\n"))
    old = extract_document(_doc("Nyheter\n\nKommunförbundet Skåne håller förbundsmöte i Lund i maj.\n"))
    assert "org/kommunforbundet-skane" in new.entities and "org/kommunforbundet-skane" in old.entities
    from kgraph.refdata import load_reference
    assert load_reference().entities["org/kommunforbundet-skane"].label == "Skånes Kommuner"


def test_relations_substitutes_of_a_board_in_news_belong_to_its_body():
    # news of an association's annual meeting: "Ersättare:" lists the board's substitutes (in minutes the same
    # word heads the attendance, which the attendance step reads)
    text = ("Nyheter från Skånes Kommuner\n\nFörbundsmötet valde en ny styrelse för Skånes Kommuner.\n"
            "Ordinarie ledamöter: Olle Sjöstrand (M) Tomelilla, Hanna Grip (S) Ystad.\n"
            "Ersättare: Viktor Lönn (C) Sjöbo, Maja Frost (KD) Lund.\n")
    rels = _rel(text, "affiliatedWith")
    assert {("person/viktor-lonn", "org/kommunforbundet-skane"), ("person/maja-frost", "org/kommunforbundet-skane"),
            ("person/hanna-grip", "org/kommunforbundet-skane")} <= rels


def test_pensioners_council_minutes_name_the_national_organisations():
    # associations.csv: the pensioners' and disability organisations a municipal council's minutes list
    text = ("Kommunala pensionärsrådet\n\nNärvarande: Greta Sund (S), ordförande, Oskar Lind, PRO, "
            "Maja Borg, SPF Seniorerna, Tove Ahl, Synskadades Riksförbund.\n")
    ex = extract_document(_doc(text))
    assert {"org/pro", "org/spf-seniorerna", "org/synskadades-riksforbund"} <= set(ex.entities)
    rels = _pairs(ex, "affiliatedWith")
    assert {("person/oskar-lind", "org/pro"), ("person/maja-borg", "org/spf-seniorerna")} <= rels


def test_relations_a_post_in_its_term_and_an_election_after_a_post(reference, make_document):
    # "avgående ordförande", "tidigare kommunalråd": the title after the word; "A, kommunalråd i X, valdes
    # till ny styrelseordförande" gives both titles, and the body whose board the sentence names
    ex = extract_document(make_document(
        "Nyheter\n\nVid förbundsfullmäktige fastställdes Norrbottens Kommuners styrelse och Olle Brink, "
        "kommunalråd i Luleå, valdes till ny styrelseordförande. Ada Nordin, avgående styrelseordförande, "
        "tackades för sina år. Per Holm, tidigare kommunalråd, deltog också.\n"), reference)
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements}
    assert ("person/olle-brink", "role", "kommunalråd") in facts
    assert ("person/olle-brink", "role", "styrelseordförande") in facts
    assert ("person/olle-brink", "affiliatedWith", "org/norrbottens-kommuner") in facts
    assert ("person/ada-nordin", "role", "styrelseordförande") in facts
    assert ("person/per-holm", "role", "kommunalråd") in facts


def test_relations_pdf_minutes_with_the_party_set_off_by_commas(reference, make_document):
    # "Anna Berg, (s), Boden Per Holm, (c), Kalix": run-on entries with the party between commas, the home
    # town last (a town that is also a word, after the party); "Beslutande kommunrepresentanter" heads members
    ex = extract_document(make_document(
        "SAMMANTRÄDESPROTOKOLL Styrelsen Sida 4 (9)\n\nPlats Norrbottens Kommuners lokaler, Storgatan 1, Luleå "
        "Beslutande kommunrepresentanter Ada Nordin, (s), Arjeplog Olle Brink, (s), Boden Eva Lindkvist, (v), "
        "Gällivare Övriga deltagare Kerstin Ek, kansliet, direktör Justerare Eva Lindkvist\n"), reference)
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements}
    assert ("person/ada-nordin", "affiliatedWith", "municipality/2506") in facts
    assert ("person/olle-brink", "affiliatedWith", "municipality/2582") in facts
    assert ("person/eva-lindkvist", "affiliatedWith", "municipality/2523") in facts
    assert ("person/kerstin-ek", "role", "direktör") in facts
    members = {s.subject for s in ex.statements if s.prov.rule == "extract.affiliation.minutes"}
    assert {"person/ada-nordin", "person/olle-brink", "person/eva-lindkvist"} <= members


def test_relations_minutes_table_with_a_party_column_and_a_presence_column(reference, make_document):
    # "Namn Parti Närvaro": the party's letters after each name; a dash in the presence column is a member away
    # from the meeting, still the board's
    text = ("PROTOKOLL 2 (12) Närvarolista Namn Parti Närvaro Anteckningar Ledamöter (4) Ada Nordin S 1 "
            "Olle Brink M 1 Eva Lindkvist C - Per Holmqvist KD - Övriga närvarande Kerstin Ek, nämndsekreterare\n")
    ex = extract_document(make_document("Region Västerbotten\n\n" + text), reference)
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements}
    assert ("person/ada-nordin", "memberOf", "party/s") in facts
    assert ("person/olle-brink", "memberOf", "party/m") in facts
    assert ("person/eva-lindkvist", "memberOf", "party/c") in facts
    assert ("person/per-holmqvist", "memberOf", "party/kd") in facts
    parts = {p for m in ex.meetings for p in m.participants}
    assert {"person/ada-nordin", "person/olle-brink"} <= parts
    assert not {"person/eva-lindkvist", "person/per-holmqvist"} & parts


def test_relations_a_photo_credit_is_nobody_s_employer_and_a_chef_keeps_what_he_heads(reference, make_document):
    # "Foto: Exempel AB" names who took the picture; "chef för X" is the role as written
    ex = extract_document(make_document(
        "Nyheter\n\nUnder förbundsfullmäktige i Kiruna valdes Olle Brink till ordförande för Norrbottens "
        "Kommuner. Ada Nordin, ordinarie ledamot, tackade. Eva Lindkvist, chef för projekt- och "
        "verksamhetsutveckling, var också där.\n\nFoto: Snöbild AB\n"), reference)
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements}
    assert not any(o.startswith("company/") for _, p, o in facts if p == "affiliatedWith"), facts
    assert not any(p.startswith("company/") for m in ex.meetings for p in m.participants)
    assert ("person/eva-lindkvist", "role", "chef för projekt- och verksamhetsutveckling") in facts


def test_relations_a_joined_committee_named_in_the_genitive_before_protokoll(reference, make_document):
    # "Exempel- och fritidsnämndens protokoll": the committee is the minuted body; its members belong to it, not
    # (by a guess from the municipality's own page) to the municipality
    ex = extract_document(make_document(
        "Uppsala kommun. Kultur- och fritidsnämndens protokoll onsdagen den 3 mars 2021 Plats och tid Rummet, "
        "klockan 13:00-16:20 Paragrafer 14-29\n\nBeslutande\n\nAda Nordin (MP), ordf.\n\nOlle Brink (S), vice "
        "ordf.\n\nEva Lindkvist (C)\n\nJusterare Olle Brink\n"), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    boards = {o for _, o in aff if "kultur-och-fritidsnamnden" in o}
    assert len(boards) == 1, aff
    board = boards.pop()
    for p in ("person/ada-nordin", "person/olle-brink", "person/eva-lindkvist"):
        assert (p, board) in aff, aff
        assert (p, "municipality/0380") not in aff, aff


def test_relations_the_organ_field_after_its_municipality_and_a_board_s_substitutes(reference, make_document):
    # "Organ Exempelby kommun, Miljönämnden": the board, not the municipality, is the minuted body;
    # "Direktionens ersättare" lists members as "Direktionens ledamöter" does
    ex = extract_document(make_document(
        "Plats och tid Sammanträdesrum 1, kl 14.00\n\nBeslutande\n\nLedamöter Ada Nordin (C), ordförande\n\n"
        "Olle Brink (S)\n\nUtses att justera Olle Brink\n\nOrgan Hässleholms kommun, Miljönämnden\n\n"
        "Sammanträdesdag 2012-09-26\n"), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    assert ("person/ada-nordin", "org/miljonamnden-1293") in aff, aff
    assert ("person/olle-brink", "org/miljonamnden-1293") in aff, aff
    ex = extract_document(make_document(
        "Direktionens protokoll 8 december 2023\n\nNärvarande\n\nDirektionens ledamöter\nAda Nordin (S)\n"
        "Olle Brink (S)\n\nDirektionens ersättare\nEva Lindkvist (C) tjänstgörande\nPer Holmqvist (KD)\n\n"
        "Tjänstepersoner\nKerstin Ek, förbundschef\n"), reference)
    members = {s.subject for s in ex.statements if s.prov.rule == "extract.affiliation.minutes"}
    assert {"person/ada-nordin", "person/olle-brink", "person/eva-lindkvist", "person/per-holmqvist"} <= members, \
        members


def test_relations_a_minister_s_field_a_contact_person_and_a_chef_of_a_named_body_s_unit(reference, make_document):
    ex = extract_document(make_document(
        "Nyheter\n\nAda Nordin, minister med ansvar för nordiska frågor, besökte Vara. Besöket genomfördes "
        "tillsammans med Eva Lindkvist som är kontaktperson och chef för Länsstyrelsens samhällsavdelning.\n"),
        reference)
    facts = {(s.subject, s.predicate, s.object) for s in ex.statements}
    assert ("person/ada-nordin", "role", "minister med ansvar för nordiska frågor") in facts, facts
    assert ("person/eva-lindkvist", "role", "kontaktperson") in facts, facts
    assert ("person/eva-lindkvist", "role", "chef för länsstyrelsens samhällsavdelning") in facts, facts


def test_relations_the_head_s_post_before_a_company_is_no_part_of_its_name(reference, make_document):
    ex = extract_document(make_document(
        "Närvarande Jonas Berglund, VD Exempelhem AB och Lars Ekström, VD Norrfjäll Airport, deltog.\n"), reference)
    companies = {k: e.label for k, e in ex.entities.items() if e.cls == "Company"}
    assert set(companies.values()) == {"Exempelhem AB", "Norrfjäll Airport"}, companies
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    assert ("person/jonas-berglund", "company/exempelhem-ab") in aff, aff


def test_relations_no_guessed_municipality_where_several_are_named_about_as_often(reference, make_document):
    # three councillors, three municipalities, one of them named once more: whose each is, the text does not say
    ex = extract_document(make_document(
        "Polisen och kommunerna\n\nRegionpolischefen samtalade med de tre kommunalråden Ada Nordin, Olle Brink "
        "samt Eva Lindkvist. Polisen bjöd in Gävle, Västerås och Uppsala. Lokalpolisområdescheferna i Uppsala "
        "deltog också.\n"), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    assert not any(p in ("person/ada-nordin", "person/olle-brink", "person/eva-lindkvist") for p, _ in aff), aff


@pytest.mark.parametrize("text, org", [
    ("Olle Brink som arbetar på Skolverket visade runt.", "agency/skolverket"),
    ("Olle Brink, som jobbar vid Trafikverket, berättade om vägarna.", "agency/trafikverket"),
    ("Olle Brink arbetar som utredare på Skolverket.", "agency/skolverket"),
    ("Olle Brink är anställd på Trafikverket.", "agency/trafikverket"),
])
def test_relations_where_a_person_works_is_whose_they_are(text, org):
    orgs = {o for s, o in _rel("Ministern besökte Tranås kommun i går. " + text + "\n", "affiliatedWith")
            if s == "person/olle-brink"}
    assert orgs == {org}, orgs


def test_relations_a_member_of_a_riksdag_committee_is_affiliated_with_it(reference, make_document):
    ex = extract_document(make_document(
        "Riksdagens trafikutskott besökte Vara\n\nLars Nord (M), ordförande i riksdagens trafikutskott, ledde "
        "besöket. Eva Lindkvist (S), ledamot i konstitutionsutskottet, deltog också. Karin Holm (C), ledamot i "
        "socialnämnden, tog emot.\n"), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    assert ("person/lars-nord", "gov/riksdagen-trafikutskottet") in aff, aff
    assert ("person/eva-lindkvist", "gov/riksdagen-konstitutionsutskottet") in aff, aff
    assert ex.entities["gov/riksdagen-trafikutskottet"].cls == "Organization"
    # a municipality's committee of the same kind is no body of the Riksdag's
    assert not any(o.startswith("gov/riksdagen-") for p, o in aff if p == "person/karin-holm"), aff


def test_relations_a_municipal_committee_sharing_a_riksdag_committee_s_name_is_not_the_riksdag_s(
        reference, make_document):
    ex = extract_document(make_document(
        "Protokoll\n\nSocialutskottet sammanträdde i kommunhuset. Kulturutskottet hade inget möte.\n"), reference)
    assert not any(k.startswith("gov/riksdagen-") for k in ex.entities), sorted(ex.entities)


@pytest.mark.parametrize("entry, party", [
    ("Olle Brink, M (ej 41-60)", "party/m"),  # then the items the member was away for
    ("Olle Brink, C ( 60)", "party/c"),  # ... the "ej" the PDF's text lost
    ("Olle Brink, S (ersättare Karin Ek, MP)", "party/s"),  # ... or a substitute in brackets
])
def test_relations_a_roster_party_after_a_comma_then_a_bracket(entry, party):
    text = ("PROTOKOLL Kommunstyrelsen Sammanträdesdatum 2021-09-14 Beslutande Anna Berglund, S, ordförande "
            f"{entry} Eva Sjö, V Paragrafer 1-9")
    pairs = _rel(text, "memberOf")
    assert ("person/olle-brink", party) in pairs and ("person/eva-sjo", "party/v") in pairs


def test_relations_a_roster_s_vice_chair_abbreviated_then_the_party():
    # "Anna Berg, 1 v ordf (s)": the roster's short form of the first vice chair, then the party
    ex = extract_document(_doc("Ledamöter Ersättare x Olle Brink, ordf (s) Karin Ek (s) x Anna Berglund, 1 v ordf (s) "
                               "xx Lars Nord (s) x Eva Sjö, 2 v ordf (m) x Per Holm (m)"))
    assert {("person/anna-berglund", "party/s"), ("person/eva-sjo", "party/m")} <= _pairs(ex, "memberOf")
    assert {("person/anna-berglund", "1 v ordf"), ("person/eva-sjo", "2 v ordf")} <= _pairs(ex, "role")


@pytest.mark.parametrize("text, role", [
    ("Områdespolis Olle Brink medverkar under eftermiddagen.", "områdespolis"),
    ("Övertandläkare Eva Sjö berättade om arbetet.", "övertandläkare"),
    ("Pastor Karin Ek höll en andakt.", "pastor"),
])
def test_relations_an_occupation_before_a_name_is_its_role(text, role):
    assert any(r == role for _, r in _rel("Nyheter\n\n" + text, "role"))


def test_relations_joint_body_minutes_list_members_under_their_municipality(reference, make_document):
    # a federation's assembly: the first page's fields, then its members grouped under the municipality each
    # represents; a name that heads no group ("Härryda - Partille") ends the group above; a substitute's
    # absent member ("Ersättare för ...") is no municipality's delegate at this meeting
    text = ("Förbundsfullmäktige 2024-02-07\n\n1 (9) Tid och plats Onsdagen den 7 februari 2024, Brandstationen "
            "Ledamöter Mölndal Ada Nordin (S) Olle Brink (M) Lerum Eva Lindkvist (S) Härryda - Partille "
            "Lars Nord (M) Tjänstgörande Mölndal Karin Holm (S) Ersättare för Anna Berglund (S) "
            "Justering Lars Nord Justerade paragrafer 1-9 Underskrifter Sekreterare Per Holm\n")
    ex = extract_document(make_document(text), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    assert ("person/ada-nordin", "municipality/1481") in aff
    assert ("person/olle-brink", "municipality/1481") in aff
    assert ("person/eva-lindkvist", "municipality/1441") in aff
    assert ("person/karin-holm", "municipality/1481") in aff
    assert not any(p == "person/lars-nord" and o.startswith("municipality/") for p, o in aff), aff
    assert not any(p == "person/anna-berglund" and o.startswith("municipality/") for p, o in aff), aff
    body = {o for p, o in aff if p == "person/ada-nordin" and o.startswith("org/")}
    assert body and all("forbundsfullmaktige" in o for o in body), aff
    # (the member the substitute stands in for sits in the assembly all the same)
    assert ("person/anna-berglund", next(iter(body))) in aff, aff


def test_relations_members_called_under_a_municipality_on_its_own_line(reference, make_document):
    # a federation's web minutes: its name on a line above "Protokoll" (under the page's slogan), then "Kallade",
    # each municipality on its own line and its regular members under "Ordinarie"; the officials under "Övriga"
    # are the federation's, of no municipality
    text = ("EN SKOLA FÖR ALLA\n\nExempeldalens Gymnasieförbund\n\nProtokoll\n\nDirektionsmöte 2024-01-17\n\n"
            "Tid: 2024-01-17 9.00\n\nPlats: Kommunhuset\n\nKallade\nVilhelmina kommun\nOrdinarie\n\n"
            "Ada Nordin (S)\n\nOlle Brink (KD)\n\nErsättare\n\n\nStorumans kommun\n\nOrdinarie\n\n"
            "Eva Lindkvist (C)\n\nLars Nord (V)\n\nErsättare\n\n\nÖvriga\n\nKarin Holm, sekreterare\n\n"
            "1. Upprop och val av justerare\n")
    ex = extract_document(make_document(text), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    body = "org/exempeldalens-gymnasieforbund"
    assert {("person/ada-nordin", "municipality/2462"), ("person/olle-brink", "municipality/2462"),
            ("person/eva-lindkvist", "municipality/2421"), ("person/lars-nord", "municipality/2421")} <= aff, aff
    assert {p for p, o in aff if o == body} == {"person/ada-nordin", "person/olle-brink", "person/eva-lindkvist",
                                                 "person/lars-nord", "person/karin-holm"}, aff
    assert not any(p == "person/karin-holm" and o.startswith("municipality/") for p, o in aff), aff


@pytest.mark.parametrize("header", [
    "SAMMANTRÄDESPROTOKOLL Sida 1(14) Miljönämnden 2024-09-04\n\n1 SAMMANTRÄDESPROTOKOLL Sida 1(14) ",
    "Protokollet är justerat. Organ\n\n1 SAMMANTRÄDESPROTOKOLL Sida 1 Organ Tekniska nämnden ",
])
def test_relations_members_of_a_committee_s_minutes_are_the_committee_s(reference, make_document, header):
    # the committee the header names after the page's number, or the "Organ" field's committee named by an
    # adjective: its members sit for it, not only for the municipality
    text = header + ("Plats och tid Stadshuset, Oskarshamn Beslutande Ada Nordin (S) Olle Brink (M) "
                     "Justerare Olle Brink Paragrafer 1-9\n")
    ex = extract_document(make_document(text), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    boards = {o for p, o in aff if p == "person/ada-nordin" and o.startswith("org/")}
    assert len(boards) == 1 and "namnden" in next(iter(boards)), aff
    assert ("person/olle-brink", next(iter(boards))) in aff, aff
    board = next(m for m in ex.meetings if m.kind == "board_meeting")
    assert next(iter(boards)) in board.participants, board.participants


def test_relations_a_list_entry_s_body_is_its_own_and_a_press_release_s_closing_note_names_its_publisher(
        reference, make_document):
    # "Deltar: A (S) regionstyrelsens ordförande, övriga regionråd, B (S), regionråd, Region X": Region X closes B's
    # entry, after B's own title, and is not A's; the closing paragraph "Region Y ansvarar för ..." is the press
    # release's note about its publisher, whose chair A is
    text = ("Inbjudan till presslunch\n\nRegionstyrelsen sammanträder onsdagen den 25 januari.\n\nDeltar: Ada Nordin "
            "(S) regionstyrelsens ordförande, övriga regionråd, Olle Brink (S), regionråd, Region Västmanland.\n\n"
            "Media hälsas välkommen!\n\nRegion Örebro län ansvarar för många frågor som berör länets invånare.\n")
    ex = extract_document(make_document(text), reference)
    assert ex.publisher == "region/18", ex.publisher
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    assert ("person/olle-brink", "region/19") in aff and ("person/ada-nordin", "region/18") in aff, aff
    assert ("person/ada-nordin", "region/19") not in aff, aff


@pytest.mark.parametrize("members, parties", [
    # the party's letters in the column before each name
    ("M Ada Nordin C Olle Brink FP Eva Lindkvist S Lars Nord",
     {("person/ada-nordin", "party/m"), ("person/olle-brink", "party/c"), ("person/eva-lindkvist", "party/l"),
      ("person/lars-nord", "party/s")}),
    # the letters after each name: which name they belong to is not read from the letters before
    ("Ada Nordin M Olle Brink C Eva Lindkvist FP Lars Nord S", set()),
])
def test_relations_a_minutes_table_with_the_party_before_each_name(reference, make_document, members, parties):
    text = ("SAMMANTRÄDESPROTOKOLL Sida 1(4) Miljönämnden 2024-09-04\n\nPlats och tid Stadshuset, Oskarshamn kl 13 "
            f"Beslutande {members} Övriga närvarande Karin Holm, sekreterare Justerare Olle Brink\n")
    ex = extract_document(make_document(text), reference)
    assert {(s.subject, s.object) for s in ex.statements if s.predicate == "memberOf"} == parties


def test_relations_a_body_inside_an_earlier_entry_of_a_list_is_that_entry_s(reference, make_document):
    # "A, länsöverdirektör på Länsstyrelsen Skåne, B, landshövding i Östergötland": the county board closes A's
    # entry; B's title names a county, not that board
    text = ("Nyheter\n\nVid mötet deltog Ada Nordin, länsöverdirektör på Länsstyrelsen Skåne, Olle Brink, landshövding "
            "i Östergötland, Eva Lindkvist, landshövding i Halland och Per Holm, länsråd på Länsstyrelsen i "
            "Jönköpings län.\n")
    ex = extract_document(make_document(text), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    assert ("person/ada-nordin", "cab/12") in aff, aff
    assert not any(o == "cab/12" for p, o in aff if p != "person/ada-nordin"), aff
    assert ("person/per-holm", "cab/06") in aff, aff


def test_relations_a_trailing_town_is_no_group_heading(reference, make_document):
    # "Ada Nordin (S), Arjeplog Olle Brink (S)": the town after the comma is the entry before's, so the list is not
    # grouped by municipality
    ex = extract_document(make_document(
        "PROTOKOLL Styrelsen\n\nPlats Stadshuset, Luleå Beslutande Ada Nordin (S), Arjeplog Olle Brink (S), Boden "
        "Justerare Olle Brink\n"), reference)
    rules = {(s.subject, s.object): s.prov.rule for s in ex.statements if s.predicate == "affiliatedWith"}
    assert not any(r == "extract.affiliation.minutes_delegation" for r in rules.values()), rules


def test_relations_deputies_who_do_not_serve_and_others_taking_part_are_listed(reference, make_document):
    # "Ej tjänstgörande;" (with a semicolon) heads the deputies present without a vote, "Deltagande:" the others
    ex = extract_document(make_document(
        "Direktionens protokoll\n\nSöderåsens miljöförbund, 2024-03-01\n\nBeslutande:\n\nAda Nordin (S)\n\n"
        "Olle Brink (M)\n\nEj tjänstegörande;\n\nEva Lindkvist (KD)\n\nDeltagande:\n\nKarin Holm, miljöchef\n\n"
        "Utses att justera:\n\nOlle Brink (M)\n"), reference)
    parts = {p for m in ex.meetings for p in m.participants}
    assert {"person/ada-nordin", "person/olle-brink", "person/eva-lindkvist", "person/karin-holm"} <= parts, parts


def test_relations_a_local_party_in_a_roster_of_lower_case_markers(reference, make_document):
    # "(s)", "(m)", "(v)" in lower case: a local party's letters are written so too; a list's own abbreviation
    # ("(ers)") is none
    members = _rel("Gällivare kommun. Beslutande: Ada Nordin (s) Olle Brink (m) Eva Lindkvist (v) Lars Nord (ns) "
                   "Karin Holm (ers)\n", "memberOf")
    assert ("person/lars-nord", "party/local-ns-2523") in members, members
    assert not any(p == "person/karin-holm" for p, _ in members), members


def test_relations_members_of_parliament_belong_to_the_riksdag_the_text_names(reference, make_document):
    # "riksdagsledamot" is a post of the Riksdag (not of the Government); where the text names the Riksdag, its
    # members are affiliated with it
    ex = extract_document(make_document(
        "Nyheter\n\nRegion Dalarna bjöd in riksdagens ledamöter från länet. Riksdagsledamoten Ada Nordin (S) "
        "deltog, liksom Olle Brink, riksdagsledamot (M).\n"), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    assert ("person/ada-nordin", "gov/riksdagen") in aff, aff
    assert ("person/olle-brink", "gov/riksdagen") in aff, aff
    assert not any(o == "gov/regeringen" for _, o in aff), aff


def _minuted_board(ex: DocExtraction, person: str) -> set[str]:
    """The labels of the bodies ``person`` is affiliated with."""
    return {ex.entities[s.object].label or s.object for s in ex.statements
            if s.predicate == "affiliatedWith" and s.subject == person}


_HEADER_BOARD_TEXT = (
    "PROTOKOLL 1(9) Landstingets kansli LS 4/2020 Planeringsavd, Karin Holm Landstingsstyrelsen Tid "
    "Tisdagen den 3 mars, kl 9 Plats Landstingshuset, Luleå Närvarande ledamöter Ada Nordin (M), ordförande "
    "Olle Brink (S) Eva Lindkvist (C) Sekreterare Karin Holm\n\nUtses att justera Olle Brink\n")
_JOINED_BOARD_TEXT = (
    "SAMMANTRÄDESPROTOKOLL Sida 1 (12) Kultur- och fritidsnämnden\n\nPlats och tid Kommunhuset, Skara "
    "4 maj 2019 kl 13 Beslutande Ada Nordin (M), ordförande Olle Brink (S) Eva Lindkvist (C) "
    "Utses att justera Olle Brink\n")
_SIGNATURE_FIRST_TEXT = (
    "§ 12 Fastställande av dagordningen\n\nHela texten\n\n(1)\n\nUtses att justera Olle Brink (S) Paragrafer "
    "10–20, 22 och 24–31\n\nJusteringens plats och tid Kommunkansliet, Storgatan 1, måndagen den 8 mars "
    "2021 klockan 08:30\n\nSekreterare\n\n"
    "Karin Holm\n\nOrdförande\n\nAda Nordin (M)\n\nJusterande\n\nOlle Brink (S)\n\nANSLAG/BEVIS\n\n"
    "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.\n\n"
    "Nämnd Kommunstyrelsen\n\nSammanträdesdatum 2021-03-02\n\nPlats och tid Stadshuset, Höör\n\n"
    "Datum då anslaget sätts upp Datum då anslaget tas ned Protokollets förvaringsplats Kommunhuset, "
    "Storgatan 1, Höör\n\nTisdagen den 2 mars 2021 kl 14:00–16:00\n\nBeslutande Ada Nordin (M), Ordförande "
    "Olle Brink (S), vice ordförande Eva Lindkvist (C) Lars Nord (L)\n")


@pytest.mark.parametrize("text, persons, board", [
    # "PROTOKOLL 1(9) Landstingets kansli ... Landstingsstyrelsen Tid ...": the board's minutes, kept by the
    # county council's office; its members are the board's
    (_HEADER_BOARD_TEXT, ("person/ada-nordin", "person/eva-lindkvist"), "Landstingsstyrelsen"),
    # "SAMMANTRÄDESPROTOKOLL Sida 1 (12) Kultur- och fritidsnämnden": the board's whole name, not its first word
    (_JOINED_BOARD_TEXT, ("person/olle-brink",), "Kultur- och fritidsnämnden"),
    # an item's page copied from the minutes: the signature fields first, then the board's field and the first
    # page's fields
    (_SIGNATURE_FIRST_TEXT, ("person/lars-nord",), "Kommunstyrelsen"),
], ids=["board-in-header-before-office", "joined-board-name", "page-opens-with-signatures"])
def test_relations_the_board_whose_minutes_these_are(reference, make_document, text, persons, board):
    ex = extract_document(make_document(text), reference)
    for person in persons:
        assert _minuted_board(ex, person) == {board}


def test_relations_a_party_marker_after_the_body_of_a_title(reference, make_document):
    # "Name, title, Body (S)": the party's letters close the entry after the body the title belongs to; letters
    # no list holds there are the body's own, no local party
    text = ("Deltagare\n\nAda Nordin, kulturnämndens ordförande, Region Skåne (S)\nOlle Brink, kommunråd, "
            "Region Halland (L)\nEva Lindkvist, regionråd, Region Gotland (RG)\nPer Holm (M), kommunråd, Region "
            "Gotland\nKarin Holm (M), regionråd, Region Gotland\nLars Nord (S), regionråd, Region Kalmar län\n")
    ex = extract_document(make_document(text), reference)
    members = {(s.subject, s.object) for s in ex.statements if s.predicate == "memberOf"}
    assert {("person/ada-nordin", "party/s"), ("person/olle-brink", "party/l")} <= members, members
    assert not any(p == "person/eva-lindkvist" for p, _ in members), members


def test_relations_a_signature_block_of_one_label_a_line(reference, make_document):
    # "Sekreterare" / "Karin Holm" / "Ordförande ………" / "Ada Nordin (M)": each label is the title of the name on
    # the line below it, not of the one above
    text = ("Protokoll\n\nPlats och tid Kommunhuset, Exempelby, kl 9.00\n\nBeslutande Ada Nordin (M), Olle Brink (S), "
            "Eva Lindkvist (C)\n\nUtses att justera Olle Brink\n\nJusteringens plats och tid Kommunhuset 2020-03-04"
            "\n\nSekreterare\n\nKarin Holm\n\nOrdförande ………....\n\nAda Nordin (M)\n")
    ex = extract_document(make_document(text), reference)
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert ("person/karin-holm", "sekreterare") in roles, roles
    assert ("person/karin-holm", "ordförande") not in roles, roles


def test_relations_the_municipality_that_opens_the_paragraph_and_a_group_in_apposition(reference, make_document):
    # a paragraph that opens with a municipality and compares it with another: its officials are the first one's;
    # "SmåKoms representanter, styrelseledamot A och sekreterare B": the association's, each after a title
    text = ("Nyhetsbrev\n\nVi besökte Sunne kommun i april. Kommunstyrelsens ordförande Lars Nord tog emot oss.\n\n"
            "Torsby kommun har i likhet med Sunne en lång väg till Karlstad. Kommunstyrelsens ordförande Ada Nordin "
            "och kommunchef Olle Brink tar emot SmåKoms representanter, styrelseledamot Eva Lindkvist och "
            "sekreterare Karin Holm, den 9 maj.\n")
    aff = {(s.subject, s.object) for s in extract_document(make_document(text), reference).statements
           if s.predicate == "affiliatedWith"}
    torsby, sunne = "municipality/1737", "municipality/1766"
    assert {("person/ada-nordin", torsby), ("person/olle-brink", torsby), ("person/lars-nord", sunne),
            ("person/eva-lindkvist", "org/smakom"), ("person/karin-holm", "org/smakom")} <= aff, aff


def test_relations_a_person_who_works_with_a_field_at_a_body(reference, make_document):
    # "A arbetar med X på Y", "A – som arbetar med X på Y –": the body the person works at
    text = ("Nyheter\n\nOlle Brink arbetar med krisberedskap på Trafikverket. Eva Lindkvist – som arbetar med "
            "livsmedelsfrågor på Jordbruksverket – berättade om arbetet.\n")
    aff = {(s.subject, s.object) for s in extract_document(make_document(text), reference).statements
           if s.predicate == "affiliatedWith"}
    assert {("person/olle-brink", "agency/trafikverket"),
            ("person/eva-lindkvist", "agency/jordbruksverket")} <= aff, aff


def test_relations_minutes_headed_with_the_boards_protocol_in_one_word():
    # "Direktionsprotokoll": the minutes of a federation's board (its "direktion"), named as one word; the
    # members belong to the federation the minutes name
    text = ("Direktionsprotokoll\n\n1 Plats och tid Skövde, kl 9 Beslutande Karin Ek (S) ordförande Ulf Holm (M) "
            "vice ordförande Eva Nord (C) Övriga Lars Nord, förbundsdirektör\n\n2 Sekreterare Lars Nord Justerare "
            "Eva Nord\n\n3 12 Val av justerare Eva Nord (C) utses att justera dagens protokoll. 13 Samverkan med "
            "högskolan Anna Berg informerar. Högskolan vill nå de förtroendevalda i Skaraborgs Kommunalförbund.\n")
    rels = _rel(text, "affiliatedWith")
    for person in ("person/karin-ek", "person/ulf-holm", "person/eva-nord"):
        assert (person, "org/skaraborgs-kommunalforbund") in rels, rels


def test_relations_a_row_of_signature_labels_over_a_row_of_names(reference, make_document):
    # "Sekreterare Ordförande Justerande.. Karin Holm. Ada Nordin. Olle Brink": a PDF's signature table run into
    # one line, each label over the name in its place
    text = ("Protokoll\n\nPlats och tid Kommunhuset, Exempelby, kl 9.00\n\nBeslutande Ada Nordin (M), Olle Brink (S), "
            "Eva Lindkvist (C) Övriga deltagande Karin Holm Utses att justera Olle Brink Underskrifter Paragrafer 1-8 "
            "Sekreterare Ordförande Justerande.. Karin Holm. Ada Nordin. Olle Brink ANSLAG/BEVIS Protokollet är "
            "justerat.\n")
    ex = extract_document(make_document(text), reference)
    roles = {(s.subject, s.object) for s in ex.statements if s.predicate == "role"}
    assert {("person/karin-holm", "sekreterare"), ("person/ada-nordin", "ordförande")} <= roles, roles
    assert ("person/karin-holm", "ordförande") not in roles, roles


def test_relations_the_organ_field_names_a_county_councils_board(reference, make_document):
    # "Organ Exempellands läns landstingsstyrelse": the board, named after the county, whose members these are
    text = ("Sammanträdesprotokoll 1 (14)\n\nPlats och tid Landstingshuset, Östersund den 18 december 2003 kl 9 "
            "Beslutande Ada Nordin Olle Brink Eva Lindkvist Övriga deltagande Karin Holm Utses att justera Olle Brink "
            "Organ Jämtlands läns landstingsstyrelse\n")
    aff = {(s.subject, s.object) for s in extract_document(make_document(text), reference).statements
           if s.predicate == "affiliatedWith"}
    boards = {o for s, o in aff if s == "person/ada-nordin"}
    assert any("landstingsstyrelse" in o for o in boards), aff


def test_relations_a_municipalitys_own_news_in_the_first_person(reference, make_document):
    # "Idag fick vi besök av ...": the one municipality the text names is its publisher, and its staff with a
    # title of no kind of body ("kostchef") work there
    text = ("Civilministern på besök\n\nIdag fick vi besök av civilminister Erik Slottner som ville höra mer om "
            "våra framgångar.\nKommunstyrelsens ordförande Ada Nordin berättade att Vallentuna har starka resultat.\n"
            "Karin Holm som är kostchef berättade om hur vi köper råvaror av lokala leverantörer.\n")
    aff = {(s.subject, s.object) for s in extract_document(make_document(text), reference).statements
           if s.predicate == "affiliatedWith"}
    assert ("person/karin-holm", "municipality/0115") in aff, aff


def test_relations_minutes_of_a_board_named_in_lower_case_with_substitutes(reference, make_document):
    # "Protokoll från sammanträde med landstingsstyrelsen": the board in lower case; "tj ers för X" names a
    # member who is away, still the board's; a given name the lists do not know ("Mayken") before a surname and
    # the next entry's name is two people
    text = ("Protokoll från sammanträde med landstingsstyrelsen\n\nTid Den 10 oktober 2005 kl 9 Plats Landstingshuset "
            "Närvarande ledamöter Ada Nordin (s) ordförande Olle Brink (c) Eva Lindkvist (s) tj ers för Mayken Holm "
            "Lars Nord (mp) tj ers för Per Holm Karin Ek (s) Utses att justera Olle Brink\n")
    ex = extract_document(make_document(text), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    boards = {o for s, o in aff if s == "person/ada-nordin"}
    assert len(boards) == 1 and next(iter(boards)).startswith("org/landstingsstyrelsen"), aff
    board = next(iter(boards))
    for member in ("olle-brink", "lars-nord", "per-holm", "mayken-holm", "karin-ek"):
        assert (f"person/{member}", board) in aff, (member, aff)
    assert ("person/lars-nord", "party/mp") in {(s.subject, s.object) for s in ex.statements
                                                 if s.predicate == "memberOf"}
    present = {p for m in ex.meetings for p in m.participants}
    assert "person/per-holm" not in present and "person/lars-nord" in present, present


def test_relations_a_councils_minutes_list_members_by_their_association(reference, make_document):
    # "Kommunala pensionärsrådet protokoll": a municipality's council; its members are listed with the
    # association each sits for ("Eva Nord, PRO"), an abbreviation that is no part of the next name ("PRO Inger
    # Lund"); an official with a post is no member
    text = ("Kommunala pensionärsrådet protokoll Kl. 13:00 16:00\n\nPlats och tid Konferensrum 1, Storgatan 6, "
            "Östersund, den 26 februari 2019 kl. 13:00-16:00 Paragrafer 1-5 Ledamöter Närvarande ersättare Övriga "
            "närvarande Ada Nordin, M, Vård- och omsorgsnämnden Eva Nord, PRO Inger Lund, PRO Björn von Holm, SPF "
            "Ulf Holm, SKPF Karin Ek, utvecklingsstrateg\n\nUtses att justera Ulf Holm\n")
    ex = extract_document(make_document(text), reference)
    aff = {(s.subject, s.object) for s in ex.statements if s.predicate == "affiliatedWith"}
    council = {o for s, o in aff if s == "person/eva-nord" and "pensionarsradet" in o}
    assert len(council) == 1, aff
    assert {("person/eva-nord", "org/pro"), ("person/inger-lund", "org/pro"),
            ("person/bjorn-von-holm", "org/spf-seniorerna")} <= aff, aff
    for member in ("inger-lund", "bjorn-von-holm", "ulf-holm", "ada-nordin"):
        assert (f"person/{member}", next(iter(council))) in aff, (member, aff)
    assert ("person/karin-ek", next(iter(council))) not in aff, aff
    assert not any(o.startswith("org/pro-") for _, o in aff), aff


def test_relations_run_on_members_with_a_rare_given_name_and_a_bare_substitute(reference, make_document):
    # "Per-Olle Brink Maidie Holm": a rare given name ("Maidie") is no second surname of the name before;
    # "Ulf Nord för Eva Lindkvist": the substitute, bare "för", the member away from the meeting
    text = ("Sammanträdesprotokoll\n\nPlats och tid Landstingshuset den 13 april 2000 kl 9 Beslutande Per-Olle Brink "
            "Maidie Holm Ada Nordin Karin Ek Ulf Nord för Eva Lindkvist Övriga deltagande Lars Nord Utses att "
            "justera Ada Nordin Organ Jämtlands läns landstingsstyrelse\n")
    ex = extract_document(make_document(text), reference)
    people = {k for k, e in ex.entities.items() if k.startswith("person/")}
    assert {"person/per-olle-brink", "person/maidie-holm"} <= people, people
    present = {p for m in ex.meetings for p in m.participants}
    assert "person/ulf-nord" in present and "person/eva-lindkvist" not in present, present


def test_relations_direktionsprotokoll_of_an_association_the_text_does_not_name(reference, make_document):
    # "Direktionsprotokoll" and no association named: the board itself is the body its members sit in
    text = ("Direktionsprotokoll\n\n1 Plats och tid Borås, kl 9 Omfattning 1-17 Beslutande Ada Nordin (S) ordförande "
            "Olle Brink (M) Eva Lindkvist (S) Ersättare Karin Holm (S) Övriga Lars Nord, förbundsdirektör\n\n"
            "2 Sekreterare Lars Nord Ordförande Ada Nordin Justerare Olle Brink\n")
    aff = {(s.subject, s.object) for s in extract_document(make_document(text), reference).statements
           if s.predicate == "affiliatedWith"}
    boards = {o for s, o in aff if s == "person/ada-nordin"}
    assert len(boards) == 1 and next(iter(boards)).startswith("org/direktionen"), aff
    assert {("person/olle-brink", next(iter(boards))), ("person/karin-holm", next(iter(boards)))} <= aff, aff


def test_relations_a_cue_whose_head_the_pdf_cut_off_still_lists_the_members(reference, make_document):
    # "Plats och tid: ... kl ande: Anna Berg ordförande ...": "Beslutande:" with its head lost in a PDF's columns
    text = ("Regionförbundets arbetsutskott\n\n1 91 Organ: Plats och tid: Regionförbundets arbetsutskott "
            "Regionförbundet i Kalmar län Torsdagen den 27 augusti 2009, kl ande: Ada Nordin ordförande Olle Brink "
            "vice ordförande Eva Lindkvist Karin Holm Övriga deltagare: Lars Nord sekreterare Utses att justera: "
            "Olle Brink Paragrafer:\n")
    aff = {(s.subject, s.object) for s in extract_document(make_document(text), reference).statements
           if s.predicate == "affiliatedWith"}
    body = {o for s, o in aff if s == "person/ada-nordin"}
    assert body, aff
    assert all(("person/karin-holm", o) in aff and ("person/eva-lindkvist", o) in aff for o in body), aff


def test_relations_a_board_member_in_an_associations_own_travel_report(reference, make_document):
    # "for SmåKoms ordförande ... till Östergötland ... vi": SmåKom's own text; "styrelseledamoten Ulf Holm från
    # Kinda kommun anslöt": a member of its board, besides the municipality he comes from
    text = ("I vintrigt landskap for SmåKoms ordförande Olle Brink och sekreterare Eva Nord till Östergötland för "
            "att besöka några medlemskommuner.\n\nUnder eftermiddagen besökte vi Åtvidabergs kommun, och "
            "styrelseledamoten Ulf Holm från Kinda kommun anslöt. Vi fick bekräftat att vår verksamhetsplan håller.\n")
    aff = {(s.subject, s.object) for s in extract_document(make_document(text), reference).statements
           if s.predicate == "affiliatedWith"}
    assert {("person/ulf-holm", "org/smakom"), ("person/ulf-holm", "municipality/0513")} <= aff, aff


def test_relations_the_member_municipalities_an_association_visits(reference, make_document):
    # "... for SmåKoms ordförande ... för att besöka några medlemskommuner": the municipalities visited are members
    text = ("I vintrigt landskap for SmåKoms ordförande Olle Brink och sekreterare Eva Nord till Östergötland för "
            "att besöka några medlemskommuner.\n\nVadstena stod först på tur. Vi fick en beskrivning av kommunens "
            "nuläge.\n\nUnder eftermiddagen besökte vi Åtvidabergs kommun. Vi fick bekräftat att vår verksamhetsplan "
            "håller.\n")
    ex = extract_document(make_document(text), reference)
    members = {(s.subject, s.object) for s in ex.statements if s.predicate == "memberOf"}
    assert {("municipality/0584", "org/smakom"), ("municipality/0561", "org/smakom")} <= members, members
    # (without the words, no membership is inferred from a visit)
    plain = extract_document(make_document(text.replace("för att besöka några medlemskommuner", "på resa")),
                             reference)
    assert not any(s.predicate == "memberOf" and s.subject.startswith("municipality/") for s in plain.statements)


def test_relations_the_unit_a_post_is_in_stands_between_the_title_and_its_body():
    text = ("Seminarium om välfärden\n\nOlle Brink, förvaltningschef trafikförvaltningen Region Stockholm, och "
            "Anna Berg, kommundirektör Tyresö kommun, talade.\n")
    pairs = _rel(text, "affiliatedWith")
    assert ("person/olle-brink", "region/01") in pairs
    assert ("person/olle-brink", "municipality/0138") not in pairs
    assert ("person/anna-berg", "municipality/0138") in pairs


def test_relations_a_committees_chair_in_a_regions_own_release_sits_for_the_region():
    text = ("Pressmeddelande från Region Skåne\n\nVälkommen till en pressträff på torsdag i Malmö. Där deltar "
            "regionstyrelsens ordförande Anna Berg (M) och kollektivtrafiknämndens ordförande Per Holm (L).\n")
    pairs = _rel(text, "affiliatedWith")
    assert ("person/per-holm", "region/12") in pairs
    assert ("person/per-holm", "municipality/1280") not in pairs


def test_relations_the_rest_of_a_board_an_election_named_before(reference, make_document):
    # "omvaldes A, Exempelby kommun, till ordförande i Xs styrelse. Övriga styrelseledamöter är B, ..., C och D":
    # the chair's municipality between name and office; the rest of the board hold seats on the same body's board
    text = ("Rikskonferens i Gnosjö\n\nSmåKom höll i april sin rikskonferens i Gnosjö kommun. Vid årsmötet omvaldes "
            "Karin Holm, Karlsborgs kommun, till ordförande i SmåKoms styrelse. Övriga styrelseledamöter är Anna "
            "Berg, Munkedals kommun, Per Holm, Storfors kommun och Eva Sjö, Bräcke kommun.\n")
    ex = extract_document(make_document(text), reference)
    rels = _pairs(ex, "affiliatedWith")
    members = {"person/karin-holm", "person/anna-berg", "person/per-holm", "person/eva-sjo"}
    assert {(p, "org/smakom") for p in members} <= rels, rels
    assert ("person/anna-berg", "municipality/1430") in rels
    roles = _pairs(ex, "role")
    assert ("person/karin-holm", "ordförande") in roles
    assert {(p, "styrelseledamot") for p in members - {"person/karin-holm"}} <= roles, roles


def test_relations_invited_guests_listed_after_a_plural_hold_no_seat(reference, make_document):
    text = ("Träff i Gnosjö\n\nSmåKom höll i april ett möte i Gnosjö kommun. Inbjudna företagare var Anna Berg, "
            "Per Holm och Eva Sjö. Övriga deltagare är Karin Holm och Ulf Holm.\n")
    ex = extract_document(make_document(text), reference)
    assert not {s for s, o in _pairs(ex, "role") if o in ("styrelseledamot", "företagare", "deltagare")}
    assert not {s for s, o in _pairs(ex, "affiliatedWith") if o == "org/smakom"}


def test_relations_a_governor_of_another_county_is_not_the_pages_board(reference, make_document):
    # a county board's seminar page lists governors of several counties: the title's guess of the one county board
    # named holds only for a governor of that county (by the reference list of governors)
    text = ("Seminarium om klimatet\n\nMåndag 1 juli 2024 i Visby.\n\nMedverkande:\n\n"
            "  • Anna Kinberg Batra, landshövding, Stockholms län\n  • Helena Höij, landshövding, Dalarnas län\n\n"
            "För frågor kontakta:\n\nKarin Ek, klimatstrateg, Länsstyrelsen Dalarnas län\n")
    rels = _pairs(extract_document(make_document(text), reference), "affiliatedWith")
    assert ("person/karin-ek", "cab/20") in rels, rels
    assert ("person/anna-kinberg-batra", "cab/20") not in rels, rels


def test_relations_a_post_at_a_named_body_and_a_units_name_with_its_capital(reference, make_document):
    # "stabschef på Länsstyrelsen Gävleborg": the body's name is whose the post is, no board of the role;
    # "chef för Samhällsutveckling och kommunikation,": a unit's name keeps its fields in the role
    text = ("Besök i Ockelbo\n\nFrån vänster: Mats Holm, stabschef på Länsstyrelsen Gävleborg, Per Ek, chef för "
            "Samhällsutveckling och kommunikation, och Ola Berg, chef för Trafikverket.\n")
    ex = extract_document(make_document(text), reference)
    roles = _pairs(ex, "role")
    assert ("person/mats-holm", "stabschef") in roles, roles
    assert ("person/per-ek", "chef för samhällsutveckling och kommunikation") in roles, roles
    assert ("person/ola-berg", "chef") in roles, roles
    assert ("person/mats-holm", "cab/21") in _pairs(ex, "affiliatedWith")


def test_relations_who_spoke_for_a_body_fronted_by_for_or_from(reference, make_document):
    # "För X presenterade ordförande A ...", "Från Y talade B om ...": the body the speaker spoke for
    text = ("Nyheter\n\nMötet hölls i Huddinge. För Södertörnskommunerna presenterade ordförande Anna Berg de "
            "prioriterade satsningarna. Från Region Stockholm talade Per Holm om trafiken.\n")
    rels = _pairs(extract_document(make_document(text), reference), "affiliatedWith")
    assert ("person/anna-berg", "org/sodertornskommunerna") in rels, rels
    assert ("person/per-holm", "region/01") in rels, rels


def test_relations_a_title_after_a_pronoun_is_the_person_named_before(reference, make_document):
    # "Hon är ordförande i X": the sentence opens with a pronoun and a copula; the title is the last-named person's
    text = ("Nyheter\n\nPå mötet var Karin Holm inbjuden för att tala om regionens utveckling. Karin Holm har arbetat "
            "många år inom näringslivet. Hon är ordförande i Exempelbygdens företagarförening.\n")
    ex = extract_document(make_document(text), reference)
    assert ("person/karin-holm", "ordförande") in _pairs(ex, "role")
    assert ("person/karin-holm", "org/exempelbygdens-foretagarforening") in _pairs(ex, "affiliatedWith")


def test_relations_a_pronoun_title_with_a_holder_of_its_own_is_left_alone(reference, make_document):
    text = ("Nyheter\n\nKarin Holm talade om näringslivet. Hon är ordförande Per Holm i Exempelbygdens "
            "företagarförening tackade.\n")
    ex = extract_document(make_document(text), reference)
    assert ("person/karin-holm", "ordförande") not in _pairs(ex, "role")


def test_relations_a_regional_federations_director_is_the_federations():
    # a regional federation's own press release, before the regions took over its work: its regiondirektör
    # is its own, not the region's the text says it will form; the place field on the contact's line is where
    # the meeting is held, not whose roster the contact is in
    text = ("Pressmeddelande från Regionförbundet i Kalmar län\n\nRegionförbundets sista styrelsemöte\n\nDen 6 "
            "december håller Regionförbundet i Kalmar län sitt sista styrelsemöte i Västervik. Från årsskiftet bildar "
            "förbundet och landstinget Region Kalmar län.\n\nSista styrelsemötet, Västervik. På agendan: en "
            "bredbandsstrategi. Plats: Slottet, Västervik Kontakt: Anna Berg, regiondirektör, tfn 070-000 00 00\n")
    rels = _rel(text, "affiliatedWith")
    anna = {o for s, o in rels if s == "person/anna-berg"}
    assert anna == {"org/regionforbundet-i-kalmar-lan"}, rels


def test_affiliation_a_title_in_a_relative_clause_at_the_county_board_in_the_definite():
    # "Karin Ek, som är enhetschef på miljöenheten på länsstyrelsen": the county board the governor's
    # visit makes definite, named after the unit
    text = ("Landshövdingen på besök\n\nI tisdags kom landshövding Sten Tolgfors till Vara kommun. I sällskapet "
            "fanns också Karin Ek, som är enhetschef på miljöenheten på länsstyrelsen.\n")
    assert ("person/karin-ek", "cab/14") in _rel(text, "affiliatedWith")


def test_affiliation_represented_by_a_list_with_the_verb_first():
    # "representerades Region Värmland av A, B och C": the body after the passive verb, its people after "av"
    # (a listed person's post with the unit it is at: "verksamhetschef på kirurgen, och C")
    text = ("Ministern besökte Falun\n\nPå mötet representerades Region Dalarna av regiondirektör Anna Berg, "
            "Per Holm, enhetschef på ortopeden, och Karin Ek.\n")
    pairs = _rel(text, "affiliatedWith")
    assert {("person/anna-berg", "region/20"), ("person/per-holm", "region/20"), ("person/karin-ek", "region/20")} \
        <= pairs, pairs
