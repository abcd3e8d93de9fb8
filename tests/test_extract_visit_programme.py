"""A day's visit to a municipality and the items of its programme: sites the visitors went on to, no visits of
their own."""
from __future__ import annotations

from kgraph.extract.pipeline import extract_document

VARA = "municipality/1470"


def test_the_days_items_are_sites_of_the_one_visit(reference, make_document):
    text = ("Landshövdingen på besök i Vara\n\n2022-05-16\n\n"
            "På måndagen besökte landshövding Karin Ekvall Vara kommun, där hon träffade kommunens ledning.\n\n"
            "Dagen bjöd på verksamhetsbesök på Exempelverken AB och Nordplast AB i Vara.\n\n"
            "Vid lunchen talade hon med företagare om kompetensförsörjning.\n\n"
            "Som avslutning besökte sällskapet den nyrenoverade kvarnen vid Exempelforsen.\n")
    ex = extract_document(make_document(text), reference)
    assert len(ex.meetings) == 1
    visit = ex.meetings[0]
    assert visit.kind == "visit" and visit.location == VARA
    assert "kompetensforsorjning" in visit.topics


def test_a_time_and_place_heading_dates_and_places_the_event(reference, make_document):
    text = ("Publiceringsdatum: 13 november 2018\n\nLänsstyrelsen i Västra Götalands län samlar kommuner och "
            "företagare till en konferens om friluftsliv.\n\nTid och plats\n\nTorsdag 15 november 9.00–16.15. Vara, "
            "Hotell Vänern.\n")
    ex = extract_document(make_document(text), reference)
    [conference] = ex.meetings
    assert str(conference.date) == "2018-11-15"
    assert conference.location == "place/hotell-vanern"


def test_a_press_services_label_run_on_to_the_date_line(reference, make_document):
    text = ("2019-09-12 11:53Pressmeddelande\n\nKonferens för ordförandena\n\nDen 13 september anordnar "
            "Region Västmanland en konferens för länets fullmäktigeordförande.\n")
    ex = extract_document(make_document(text), reference)
    assert [str(m.date) for m in ex.meetings] == ["2019-09-13"]


def test_an_assembly_that_gathers_holds_a_board_meeting_its_members_home_towns_no_parties(reference,
                                                                                          make_document):
    text = ("Fullmäktigesammanträde\n\nTorsdagen den 15 januari samlades Exempelbygdens kommunalförbunds "
            "fullmäktige till sitt första möte.\n\nAnna Berg, Vara, öppnade mötet. Per Holm, Skara, valdes till "
            "ordförande och Eva Sjö, Götene, till vice ordförande.\n")
    ex = extract_document(make_document(text), reference)
    [meeting] = ex.meetings
    assert meeting.kind == "board_meeting"
    assert not [p for p in meeting.participants if p.startswith("municipality/")]
    assert {"person/anna-berg", "person/per-holm", "person/eva-sjo"} <= set(meeting.participants)
