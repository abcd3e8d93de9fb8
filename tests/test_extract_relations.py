"""Relations the text states: party markers, titles with organisations, stated memberships."""
from __future__ import annotations

from kgraph.extract.pipeline import extract_document
from kgraph.ingest import content_id
from kgraph.models import Document


def _doc(text: str) -> Document:
    return Document(id=content_id(text), file_name="t.txt", path="t.txt", text=text)


def _rel(text: str, predicate: str) -> set[tuple[str, str]]:
    ex = extract_document(_doc(text))
    return {(s.subject, s.object) for s in ex.statements if s.predicate == predicate}


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
    assert board.location == "municipality/0643"
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
