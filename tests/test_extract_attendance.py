"""The attendance lists of minutes, in the layouts a PDF's text gives them: labels stacked in a column before their
values, marks after a member's entry, offices as fields, names written surname first."""
from __future__ import annotations

import pytest

from kgraph.extract.pipeline import extract_document


def _boards(ex, prefix):
    return {s.subject for s in ex.statements if s.predicate == "affiliatedWith" and s.object.startswith(prefix)}


def _roles(ex, person):
    return {s.object for s in ex.statements if s.predicate == "role" and s.subject == person}


def _members_of(ex, label):
    """The people affiliated with the one entity labelled ``label`` (a board the minutes name)."""
    return _boards(ex, next(k for k, e in ex.entities.items() if e.label == label))


def _participants(ex):
    return {p for m in ex.meetings for p in m.participants if p.startswith("person/")}


def test_labels_cut_short_in_a_column_before_the_names(reference, make_document):
    # "Närvarande ers" is a label the column cut short; the names follow the last label, the members with a party
    text = ("PROTOKOLL Regionstyrelsen Tid Måndagen den 3 mars 2008 Plats Närvarande ledamöter Närvarande ers "
            "Övriga närvarande Sekreterare Stora salen, Exempelby Anna Berglund (m), ordf Lars Nord (c) "
            "Eva Sjö (s) tj ersättare Karin Ek, Olle Brink 12 Val av justerare\n")
    ex = extract_document(make_document(text), reference)
    assert _boards(ex, "org/regionstyrelsen") == {"person/anna-berglund", "person/lars-nord", "person/eva-sjo"}
    assert {"person/karin-ek", "person/olle-brink"} <= _participants(ex)


def test_a_members_absence_mark_does_not_end_the_list(reference, make_document):
    # "(s) ej närvarande" marks one entry; the list goes on, and "deltog inte under § 4" leaves the member present
    text = ("PROTOKOLL Kommunstyrelsen Tid 3 mars 2008 Beslutande Anna Berglund (m), ordf Lars Nord (s) ej "
            "närvarande Eva Sjö (s) Karin Holm (c) deltog inte under § 4 Per Holm (kd) Utses att justera Eva Sjö\n")
    ex = extract_document(make_document(text), reference)
    members = _boards(ex, "org/kommunstyrelsen")
    assert {"person/anna-berglund", "person/eva-sjo", "person/karin-holm", "person/per-holm"} <= members
    present = _participants(ex)
    assert {"person/anna-berglund", "person/eva-sjo", "person/karin-holm", "person/per-holm"} <= present
    assert "person/lars-nord" not in present


def test_a_substitute_on_duty_in_its_abbreviation(reference, make_document):
    text = ("PROTOKOLL Kommunstyrelsen Tid 3 mars 2008 Beslutande Anna Berglund (m), ordf Eva Sjö (s) tj ersättare "
            "Karin Holm (c) Utses att justera Eva Sjö\n")
    ex = extract_document(make_document(text), reference)
    assert _roles(ex, "person/eva-sjo") == {"tj ersättare"}
    assert not _roles(ex, "person/karin-holm")


def test_a_committee_before_its_date_and_a_column_of_labels_past_the_cues(reference, make_document):
    text = ("Kommundirektör Olle Brink Kommunplanerare Karin Ek. Kommunledningskontoret, Vallentuna\n\n"
            "1 Kommunstyrelsens arbetsutskott 25 mars 2004 Plats och tid för sammanträdet Beslutande Övriga "
            "deltagare Utses att justera Justeringens plats och tid Rummet, Kommunalhuset, Vallentuna torsdagen den "
            "25 mars 2004 kl Anna Berglund (m), ordförande Lars Nord (s) Eva Sjö (c) Kommundirektör Olle Brink "
            "Kommunplanerare Karin Ek Lars Nord (s) Paragrafer 1-9\n")
    ex = extract_document(make_document(text), reference)
    members = _boards(ex, "org/kommunstyrelsens-arbetsutskott")
    assert members == {"person/anna-berglund", "person/lars-nord", "person/eva-sjo"}
    # the official's post after a member's party heads the next name; a post is no one's surname
    assert _roles(ex, "person/eva-sjo") == set()
    assert _roles(ex, "person/olle-brink") == {"kommundirektör"}
    assert not [e for e in ex.entities if "kommunplanerare" in e]


def test_offices_as_fields_and_names_written_surname_first(reference, make_document):
    text = ("Barn- och skolnämnd Exempelby Öster Sammanträdesprotokoll 1 Sammanträdesdatum\n\n1 Plats och tid: "
            "Skolans matsal, kl 18:30 Ordförande: Berglund Anna (FP) 2:e vice ordförande: Persson Lars (S) "
            "Ledamöter: Lindqvist Karin (M) Nilsson Eva (C) Övriga närvarande: Ek Olle (BSN), Skoldirektör "
            "Paragrafer: 1-12\n\n2 Till att justera dagens protokoll utses Lars Persson (S).\n")
    ex = extract_document(make_document(text), reference)
    members = _boards(ex, "org/barn-och-skolnamnd-exempelby-oster")
    assert members == {"person/anna-berglund", "person/lars-persson", "person/karin-lindqvist", "person/eva-nilsson"}
    assert _roles(ex, "person/lars-persson") == {"2:e vice ordförande"}
    labels = {e.label for e in ex.entities.values() if e.cls == "Person"}
    assert "Lars Persson" in labels and "Persson Lars" not in labels
    assert not any("Öster" in label for label in labels)


def test_a_boards_roster_under_its_own_line_in_news_is_no_attendance(reference, make_document):
    # the congress elected a chair and a board; the board's roster, one entry a line under its lead-in, says who
    # holds a seat, not who was at the congress
    text = ("Ny ordförande för förbundet\n\nI dag har kongressen valt Anna Berglund till ny ordförande för Sveriges "
            "Kommuner och Regioner.\n\nStyrelsens ordinarie ledamöter:\n\nAnna Berglund (M), Vara kommun "
            "(ordförande)\nLars Nord (S), Skara kommun\nEva Sjö (C), Region Halland\n")
    ex = extract_document(make_document(text), reference)
    assert [m.kind for m in ex.meetings] == ["conference"]
    assert _participants(ex) == {"person/anna-berglund"}


def test_a_federations_board_minutes_without_letterhead_are_the_federations(reference, make_document):
    # "Direktionens protokoll": no letterhead names whose board it is (the unions present leave the text no one
    # publisher); the federation the minutes name most is
    text = ("Direktionens protokoll 6 oktober 2023\n\nNärvarande\n\nDirektionens ledamöter\nAnna Berglund (S), "
            "ordförande\nLars Nord (M)\n\nÖvriga deltagare\nKarin Ek, förbundschef\n\nInbjudna\nOlle Brink, "
            "beredskapsdirektör Länsstyrelsen Västernorrland\nAda Nordin, handläggare Länsstyrelsen Västernorrland\n"
            "\nFackliga organisationer\n"
            "Eva Sjö, Vision\nPer Holm, Kommunal\nUlf Holm, Ledarna\nKarin Holm, Brandmännens Riksförbund\n\n"
            "27 § Sammanträdets öppnande\n\n"
            "Ordföranden öppnade mötet.\n\n28 § Delårsrapport\n\nDirektionen beslutar att godkänna delårsrapporten."
            "\n\nBakgrund\n\nEnligt lagen är Exempelbygdens räddningstjänstförbund att betrakta som en egen kommun.\n\n"
            "29 § Övrigt\n\nInga övriga frågor anmäldes. Ordföranden tackade för visat intresse och avslutade "
            "sammanträdet. Protokollet justeras inom två veckor och anslås därefter på förbundets anslagstavla.\n")
    ex = extract_document(make_document(text), reference)
    federation = next(k for k, e in ex.entities.items() if e.label == "Exempelbygdens räddningstjänstförbund")
    assert _boards(ex, federation) >= {"person/anna-berglund", "person/lars-nord"}


def test_the_deputies_heading_is_no_ones_title(reference, make_document):
    # a roster's heading "Ersättare" says under which heading a name stands, not the person's title (the
    # annotators of real minutes give those deputies no role); each is still a participant of the meeting
    text = ("PROTOKOLL Kommunstyrelsen Tid 3 mars 2008 Ledamöter Anna Berglund (S), ordförande Lars Nord (M) "
            "Ersättare: Eva Sjö (C) Per Holm (KD) Övriga deltagare Karin Ek, kommunsekreterare Utses att justera "
            "Lars Nord\n")
    ex = extract_document(make_document(text), reference)
    assert not _roles(ex, "person/eva-sjo") and not _roles(ex, "person/per-holm")
    assert _roles(ex, "person/karin-ek") == {"kommunsekreterare"}
    meeting = next(m for m in ex.meetings)
    assert {"person/eva-sjo", "person/per-holm"} <= set(meeting.participants)


def test_signatures_in_print_between_slashes_across_a_field_label(reference, make_document):
    text = ("PROTOKOLL Socialnämnden Tid 3 mars 2008 Beslutande Anna Berglund (S), ordförande Lars Nord (M) "
            "Utses att justera Lars Nord Underskrifter Sekreterare Paragrafer /Karin Ek/ Ordförande /Anna Berglund/ "
            "Justerande /Lars Nord/\n")
    ex = extract_document(make_document(text), reference)
    assert _roles(ex, "person/karin-ek") == {"sekreterare"}
    assert "ordförande" in _roles(ex, "person/anna-berglund")


def test_a_row_of_labels_with_the_secretarys_office_between(reference, make_document):
    text = ("PROTOKOLL Kommunstyrelsen Tid 3 mars 2008 Beslutande Anna Berglund (S), ordförande Lars Nord (M) "
            "Paragrafer 1-9 Underskrifter Sekreterare Kommunstyrelseförvaltningen Ordförande Justerare Karin Ek "
            "Anna Berglund Lars Nord\n")
    ex = extract_document(make_document(text), reference)
    assert "sekreterare" in _roles(ex, "person/karin-ek")
    assert "justerare" in _roles(ex, "person/lars-nord")
    assert "justerare" not in _roles(ex, "person/karin-ek")


def test_the_notices_authority_field_names_the_regions_committee(reference, make_document):
    # "Myndighet Arbetsutskottet": the notice's field names the committee whose minutes these are; its members are
    # the committee's, its officials the region's
    text = ("PROTOKOLL 1 (9) Sammanträdestid kl 09:00-12:00 Sammanträdesplats Eken, Region Västerbotten, Umeå "
            "Paragrafer 1-9 Sekreterare Karin Ek BEVIS OM ANSLAG Myndighet Arbetsutskottet Anslagsdatum\n\n"
            "2 PROTOKOLL Närvarande Ledamöter Anna Berglund (S), ordförande Lars Nord (M) Eva Sjö (C) "
            "Övriga närvarande Karin Ek, nämndsekreterare Olle Brink, regiondirektör\n")
    ex = extract_document(make_document(text), reference)
    assert _members_of(ex, "Arbetsutskottet") == {"person/anna-berglund", "person/lars-nord", "person/eva-sjo"}
    assert "person/olle-brink" in _boards(ex, "region/24")


def test_a_board_after_the_pages_number_and_a_row_of_signature_labels(reference, make_document):
    # "2 Socialnämnden SAMMANTRÄDESPROTOKOLL": the page's number before the board; "Ordförande Justerande A (S) B
    # (M)": a row of labels (one of them no title), then the names in their order; the signers with a party are
    # the board's members, the title-less "Tf." no part of a name
    text = ("Exempelby socialnämnd\n\n1 Socialnämnden SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Plats och tid "
            "Beslutande Stora rummet, Socialkontoret, kl.09:00-12:00 Enligt särskild närvarolista Övriga deltagande "
            "Nämndsekreterare Karin Ek Tf. socialchef Olle Brink Utses att justera Lars Nord (M) Underskrifter "
            "Paragrafer Sekreterare Karin Ek Ordförande Justerande Anna Berglund (S) Lars Nord (M) Organ\n")
    ex = extract_document(make_document(text), reference)
    board = next(k for k, e in ex.entities.items() if e.label == "Socialnämnden")
    assert _boards(ex, board) == {"person/anna-berglund", "person/lars-nord"}
    assert _roles(ex, "person/anna-berglund") == {"ordförande"}
    assert "ordförande" not in _roles(ex, "person/lars-nord")
    assert "person/karin-ek" in ex.entities and not [k for k in ex.entities if k.endswith("-tf")]


def test_minutes_naming_no_board_are_the_municipality_of_their_seal(reference, make_document):
    # no board named; the first page's seal in capitals names the municipality whose minutes these are
    text = ("Sammanträdesdatum Anna Berglund, s, ordförande\n\n1 1 (20) Plats och tid för sammanträdet Beslutande "
            "Övriga deltagare Kommunkontoret, rum Eken, tisdag den 23 maj 2006 Anna Berglund, s, ordförande "
            "Lars Nord, m Eva Sjö, c Olle Brink, kommunchef Karin Ek, kommunsekreterare Justeringens plats "
            "Kommunkontoret Paragrafer Underskrifter Sekreterare Ordförande Justerande Karin Ek Anna Berglund "
            "Eva Sjö TIMRÅ KOMMUN ANSLAG/BEVIS Protokollet är justerat.\n")
    ex = extract_document(make_document(text), reference)
    assert {"person/anna-berglund", "person/lars-nord", "person/eva-sjo"} <= _boards(ex, "municipality/2262")


def test_titles_of_officials_keep_their_area_board_and_order(reference, make_document):
    # a list of officials and members in minutes: the area after an administration's head, a board or committee
    # after an abbreviated chair, the order of a deputy
    text = ("PROTOKOLL Kommunstyrelsen Tid 3 mars 2008 Beslutande Anna Berglund (S), ordförande 1:e ersättare "
            "Lars Nord (M) Ulf Holm (KD) femte ers för minoriteten Övriga deltagande Karin Ek, förvaltningsområdeschef omsorg 140 Olle Brink, "
            "förvaltningsområdeschef lärande 141 Eva Sjö, ordf. ekonomikommittén Per Holm, v ordf regionstyrelsen "
            "Utses att justera Lars Nord\n")
    ex = extract_document(make_document(text), reference)
    assert _roles(ex, "person/karin-ek") == {"förvaltningsområdeschef omsorg"}
    assert _roles(ex, "person/olle-brink") == {"förvaltningsområdeschef lärande"}
    assert _roles(ex, "person/eva-sjo") == {"ordf. ekonomikommittén"}
    assert _roles(ex, "person/per-holm") == {"v ordf regionstyrelsen"}
    assert "1:e ersättare" in _roles(ex, "person/lars-nord")
    assert _roles(ex, "person/ulf-holm") == {"femte ersättare"}


def test_a_board_written_bare_is_the_minuted_board_of_the_seals_municipality(reference, make_document):
    # "Omsorgsnämnden" opens every page; the seal names the municipality: one board, the municipality's, however
    # the pages write it
    text = ("Omsorgsnämnden 2009-05-28 1 (18)\n\n1 Omsorgsnämnden (18) Plats och tid Kommunhuset, torsdagen den "
            "28 maj 2009 Beslutande Anna Berglund (s) ordförande Lars Nord (m) Eva Sjö (c) Tjänstemän Olle Brink, "
            "omsorgschef Utses att justera Eva Sjö\n\n2 Omsorgsnämnden (18) TIMRÅ KOMMUN ANSLAG/BEVIS Protokollet "
            "är justerat. Organ Omsorgsnämnden\n")
    for extra in ("", "\n§ 3 Avtal med Sundsvalls kommun om gemensam nattpatrull.\n"):
        # (an item that names another municipality leaves the bare name's owner open; the minutes' seal tells it)
        ex = extract_document(make_document(text + extra), reference)
        boards = [k for k, e in ex.entities.items() if e.label == "Omsorgsnämnden"]
        assert len(boards) == 1 and boards[0] != "org/omsorgsnamnden", boards
        assert {"person/anna-berglund", "person/lars-nord", "person/eva-sjo"} <= _boards(ex, boards[0])


def test_a_field_run_together_after_the_deputies_keeps_its_own_title(reference, make_document):
    # "Ersättare" heads the deputies (no one's title); "Sekreterare" and "Övriga" open fields of their own
    text = ("Protokoll från förbundsstyrelsens sammanträde Fredag 23 februari 2001 Ledamöter Anna Berglund (m), "
            "Exempelby, ordförande Lars Nord (s), Exempelby Ersättare Eva Sjö (c), Exempelby Per Holm (m), "
            "Exempelby Sekreterare Karin Ek, GR Övriga Olle Brink, GR Ulf Holm, GR Utses att justera Lars Nord\n")
    ex = extract_document(make_document(text), reference)
    assert not _roles(ex, "person/eva-sjo") and not _roles(ex, "person/per-holm")
    assert _roles(ex, "person/karin-ek") == {"sekreterare"}
    assert not _roles(ex, "person/olle-brink") and not _roles(ex, "person/ulf-holm")


def test_a_boards_committee_that_opens_the_minutes_with_its_date(reference, make_document):
    # "Barn- och utbildningsnämndens arbetsutskott 2003-05-13": the committee whose minutes these are; the dots of the
    # line signed on stand between a signature label and its name
    text = ("Barn- och utbildningsnämndens arbetsutskott 2003-05-13 1. Nämndrummet, Exempelhus\n\n1 arbetsutskott "
            "Plats och tid Nämndrummet, Exempelhus kl Beslutande Anna Berglund (m) ordförande Lars Nord (c) "
            "Eva Sjö (s) Övriga närvarande Olle Brink, förvaltningschef Utses att justera Lars Nord Underskrifter "
            "Sekreterare..Paragrafer Olle Brink Ordförande.. Anna Berglund Justerande Lars Nord\n")
    ex = extract_document(make_document(text), reference)
    board = next(k for k, e in ex.entities.items() if e.label == "Barn- och utbildningsnämndens arbetsutskott")
    assert _boards(ex, board) >= {"person/anna-berglund", "person/lars-nord", "person/eva-sjo"}
    assert "sekreterare" in _roles(ex, "person/olle-brink")
    assert "ordförande" not in _roles(ex, "person/olle-brink")


def test_a_room_of_two_words_in_the_place_field(reference, make_document):
    for room, key in (("Stora sessionssalen", "place/stora-sessionssalen"), ("Gula rummet", "place/gula-rummet"),
                      ("Konferensrum 2", "place/konferensrum-2")):
        text = (f"1 Socialnämnden (1-12) Plats och tid {room}, Kommunhuset, Exempelby onsdagen den 24 maj 2006, kl "
                "Beslutande Anna Berglund (c), ordf Lars Nord (s) Utses att justera Lars Nord\n")
        ex = extract_document(make_document(text), reference)
        assert key in ex.entities, (room, sorted(ex.entities))
        assert ex.meetings and ex.meetings[0].location == key, ex.meetings


def test_the_certificate_of_posting_names_the_board_where_the_page_lost_its_label(reference, make_document):
    # "Justeringen har tillkännagivits genom anslag Exempellands läns landstingsstyrelse": a run-on first page
    # whose "Organ" label went elsewhere; the board those words name is whose minutes these are
    text = ("Protokoll 1(5) Stora salen, Landstingshuset den 3 mars 2010 kl 09.00 Beslutande Anna Berglund Lars Nord "
            "Eva Sjö Övriga deltagare Karin Ek Utses att justera Lars Nord Sekreterare Paragrafer Karin Ek "
            "Ordförande Anna Berglund Justerande Lars Nord Organ BEVIS Justeringen har tillkännagivits genom "
            "anslag Exempellands läns landstingsstyrelse Sammanträdesdatum Datum för anslags uppsättande\n")
    ex = extract_document(make_document(text), reference)
    assert {"person/anna-berglund", "person/lars-nord", "person/eva-sjo"} <= _members_of(ex, "Landstingsstyrelsen")


def test_the_notices_decision_maker_field_names_the_committee(reference, make_document):
    # "Beslutsinstans: Arbetsutskottet": the notice's field for the body that decided
    text = ("PROTOKOLL Sida 1(9)\n\nAnslag\n\nBeslutsinstans: Arbetsutskottet Sammanträdesdatum: 2021-03-02\n\n"
            "Plats och tid\n\nKommunhuset, 2021-03-02 kl. 09.00-11:00\n\nBeslutande\n\n"
            "Anna Berglund (S), ordförande Lars Nord (M)\n\nEva Sjö (C)\n\nÖvriga deltagare\n\n"
            "Karin Ek, förvaltningschef\n")
    ex = extract_document(make_document(text), reference)
    assert _members_of(ex, "Arbetsutskottet") == {"person/anna-berglund", "person/lars-nord", "person/eva-sjo"}


def test_a_committee_of_the_board_in_capitals_with_the_board_in_the_genitive(reference, make_document):
    # "KOMMUNSTYRELSENS ARBETSUTSKOTT Sammanträdesprotokoll": the committee whose minutes these are; "Sida: 2" in
    # the header is the page's label, not the agency
    text = ("KOMMUNSTYRELSENS ARBETSUTSKOTT Sammanträdesprotokoll\n\n1 KOMMUNSTYRELSENS ARBETSUTSKOTT Tid och plats "
            "Onsdagen den 6 oktober 2010, kommunhuset Beslutande Ledamöter Anna Berglund (M) ordf. Lars Nord (M) "
            "Eva Sjö (C) Tjänstemän Karin Ek, kommunsekreterare\n\n2 KOMMUNSTYRELSENS ARBETSUTSKOTT Sida: 2 "
            "ANSLAGSBEVIS Protokollet är justerat.\n\n3 KOMMUNSTYRELSENS ARBETSUTSKOTT Sida: Upphandling av skolskjuts\n")
    ex = extract_document(make_document(text), reference)
    assert _members_of(ex, "Kommunstyrelsens arbetsutskott") == {"person/anna-berglund", "person/lars-nord",
                                                                 "person/eva-sjo"}
    assert "agency/sida" not in ex.entities, sorted(ex.entities)


@pytest.mark.parametrize("text, board", [
    # a board named by an adjective and a compound opens its minutes
    ("Regionala utvecklingsnämnden\n\n1 Regionala utvecklingsnämnden Tid 09:00-14:00 Plats Regionhuset, "
     "Exempelby Beslutande ledamöter Anna Berglund (S) (ordförande) Lars Nord (M) (vice ordförande) "
     "Eva Sjö (C) Övriga Karin Ek, sekreterare\n", "Regionala utvecklingsnämnden"),
    # a committee in capitals, with an adjective, after the header's first field
    ("PROTOKOLL. Sammanträdesdatum KOMMUNSTYRELSENS SOCIALA UTSKOTT. Ledamöter Anna Berglund (m) "
     "Ordförande\n\n1 Tid: 9:00 - 12:45 KOMMUNSTYRELSENS SOCIALA UTSKOTT Plats: Rådhuset Ledamöter "
     "Anna Berglund (m) Ordförande Lars Nord (s) Vice ordförande Eva Sjö (c) Övriga Karin Ek, sekreterare\n",
     "Kommunstyrelsens sociala utskott"),
    # a board in lower case right after "Protokoll från", before the region's letterhead: the committee's
    # minutes, on the region's paper
    ("Protokoll från regionutvecklingsnämnden den 3 mars 2017\n\n1 (20) Protokoll från Västra "
     "Götalandsregionen Protokoll från regionutvecklingsnämnden den 3 mars 2017 Tid: 10:00 14:00 Plats: "
     "Regionens hus, Vänersborg Närvarande Anna Berglund, ordförande (S) Lars Nord, vice ordförande (M) "
     "Eva Sjö (C) Övriga Karin Ek, sekreterare\n", "Regionutvecklingsnämnden"),
])
def test_the_header_names_the_minuted_board(reference, make_document, text, board):
    ex = extract_document(make_document(text), reference)
    assert _members_of(ex, board) >= {"person/anna-berglund", "person/lars-nord", "person/eva-sjo"}


def test_a_first_page_with_its_labels_in_capitals_under_a_stray_line_of_names(reference, make_document):
    # a PDF's text puts a line of the first page's names above its fields, which write their labels in capitals
    text = ("Karin Ek, Olle Brink, Ulf Holm, Ada Nordin, Eva Lund, Per Ek, Lisa Berg\n\n1 1 (17) Plats och tid "
            "Stadshuset kl 18:00-20:30 BESLUTANDE Anna Berglund (L) Lars Nord (M) Eva Sjö (S) ERSÄTTARE "
            "Per Holm (M) Karin Holm (MP) Övriga deltagare Karin Ek, Olle Brink Utses att justera Eva Sjö "
            "Justeringsdatum 25 oktober 2017 Paragrafer 75-79 Underskrifter Sekreterare Karin Ek Ordförande "
            "Anna Berglund Justerande Eva Sjö\n")
    ex = extract_document(make_document(text), reference)
    assert [m.kind for m in ex.meetings] == ["board_meeting"]
    assert {"person/anna-berglund", "person/lars-nord", "person/eva-sjo", "person/per-holm",
            "person/karin-holm"} <= _participants(ex)


def test_the_certificate_of_posting_names_the_board_after_a_full_stop(reference, make_document):
    # "Justeringen har tillkännagivits genom anslag. Kommunfullmäktige Sammanträdesdatum ...": the certificate's
    # field, after the sentence's full stop, names whose minutes these are
    text = ("Sammanträdesprotokoll Sida 1(18) Plats och tid Sessionssalen, Gamla kommunhuset, Exempelby, onsdag den "
            "29 augusti kl. 14.00-16.50 Beslutande Anna Berglund (S), ordförande Lars Nord (M) Eva Sjö (C) Utses "
            "att justera Lars Nord Underskrifter Sekreterare Karin Ek Ordförande Anna Berglund Justerande Lars Nord "
            "Paragrafer 96-112 Ärenden 96 Val av justerare 97 Allmänhetens frågestund 98 Delårsrapport för januari "
            "till juni 99 Revidering av taxa för vatten och avlopp 100 Motion om belysning längs gång- och cykelvägar "
            "101 Svar på interpellation om skolans lokaler 102 Avsägelser och fyllnadsval 103 Meddelanden "
            "ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag. Kommunfullmäktige "
            "Sammanträdesdatum 2012-08-29\n")
    ex = extract_document(make_document(text), reference)
    assert _members_of(ex, "Kommunfullmäktige") >= {"person/anna-berglund", "person/lars-nord", "person/eva-sjo"}
