"""The items on the agenda of minutes as the minuted meeting's topics: kgraph.extract.agenda on
invented headings, and extract_document on invented minutes (a table of contents run into one
line, a numbered list on lines of its own, paragraph headings)."""
from __future__ import annotations

import pytest

from kgraph.extract.agenda import agenda_items
from kgraph.extract.pipeline import extract_document

pytestmark = pytest.mark.usefixtures("require_topics")


def _forms(text, persons=()):
    return [[text[a:b] for a, b in item.forms] for item in agenda_items(text, list(persons))]


def _abouts(text):
    return [text[item.about[0]:item.about[1]] for item in agenda_items(text, [])]


# a table of contents of a PDF turned into text: one line, case numbers, dotted leaders, page numbers
FLAT_CONTENTS = ("2(20) Ärendelista 41 Dnr KS 2021/88 Godkännande av föredragningslistan... 3 "
                 "42 Dnr KS 2021/90 Svar på medborgarförslag: Fler parkbänkar vid Exempelsjön... 4 "
                 "43 Dnr KS 2021/91 Detaljplan för Kvarnbacken 2... 6 44 Dnr KS 2021/95 Information om "
                 "snöröjningen i Norrby... 8 45 Dnr KS 2021/97 Budget 2022... 9\n")


def test_agenda_flat_contents_line_gives_each_item_without_numbers_and_leaders():
    assert _forms(FLAT_CONTENTS)[0][0] == "Svar på medborgarförslag: Fler parkbänkar vid Exempelsjön"
    headings = [f[0] for f in _forms(FLAT_CONTENTS)]
    assert headings == ["Svar på medborgarförslag: Fler parkbänkar vid Exempelsjön", "Detaljplan för Kvarnbacken 2",
                        "Information om snöröjningen i Norrby", "Budget 2022"]


def test_agenda_procedural_item_is_no_topic():
    assert not any("föredragningslistan" in f[0] for f in _forms(FLAT_CONTENTS))


def test_agenda_chair_opening_the_meeting_is_no_topic():
    # "1 Mötesordförande Ada Nordin öppnar mötet och hälsar alla välkomna": the opening, told as a sentence
    text = ("Dagordning 1 Mötesordförande Ada Nordin öppnar mötet och hälsar alla välkomna. 2 Information om "
            "snöröjningen i Norrby. 3 Budget 2022.")
    headings = [f[0] for f in _forms(text)]
    assert headings == ["Information om snöröjningen i Norrby", "Budget 2022"], headings


def test_agenda_item_is_named_by_what_it_is_about():
    assert _abouts(FLAT_CONTENTS) == ["Fler parkbänkar vid Exempelsjön", "Detaljplan för Kvarnbacken 2",
                                      "snöröjningen i Norrby", "Budget 2022"]


def test_agenda_item_forms_drop_a_closing_year_and_place():
    forms = _forms(FLAT_CONTENTS)
    assert "Budget" in forms[3]
    assert "snöröjningen" in forms[2]


# a run-on first page whose items are numbered "1)", "2)", the first one the choice of adjusters, some with the
# hour they are taken up
PAREN_LIST = ("Kommunstyrelsen beslutar att arbeta efter den: 1) Val av justerare 2) Godkännande av ärendelista "
              "3) Skogsbruksplan 2024 Exempelby kommun kl 9:00 4) Vägunderhåll på landsbygden - Information kl 13 "
              "5) Bredbandsutbyggnad\n")


def test_agenda_items_numbered_with_a_parenthesis_from_the_choice_of_adjusters():
    forms = _forms(PAREN_LIST)
    assert len(forms) == 3 and forms[1][0].startswith("Vägunderhåll på landsbygden - Information") \
        and forms[2] == ["Bredbandsutbyggnad"], forms
    # the hour, the year and the municipality close a heading; the agenda's approval is procedure
    assert "Skogsbruksplan" in forms[0], forms
    assert not any("ärendelista" in x for f in forms for x in f), forms
    # a part that is only a kind of business with its hour is no form
    assert not any(x.startswith("Information") for f in forms for x in f), forms


def test_agenda_page_numbers_between_items_do_not_start_items():
    # "... 4 43 Dnr": the page number 4 is no item of its own
    assert len(agenda_items(FLAT_CONTENTS, [])) == 4


def test_agenda_list_with_lost_numbers_is_read_by_its_headings():
    text = ("Innehållsförteckning Sid nr 7 Vägbelysning i Exempelby Information om fiberutbyggnaden "
            "Motion från en ledamot om att flytta återvinningscentralen Yttrande över regional cykelplan\n")
    assert _abouts(text) == ["Vägbelysning i Exempelby", "fiberutbyggnaden", "flytta återvinningscentralen",
                             "regional cykelplan"]


def test_agenda_proposal_is_named_by_its_subject_not_its_authors():
    text = ("Dagordning 1. Mötets öppnande 2. Motion från Anna Exempelsson (C) om \"lokal matproduktion\" "
            "3. Övriga frågor\n")
    assert _abouts(text) == ["lokal matproduktion"]


def test_agenda_part_naming_who_reports_is_no_form():
    text = "§ 5 Vattenförsörjning - Rapport från arbetsgruppen - Bo Provsson\n"
    at = text.index("Bo Provsson")
    forms = _forms(text, [(at, at + len("Bo Provsson"))])
    # "Rapport från arbetsgruppen": who reports, so the group alone is no form either
    assert forms == [["Vattenförsörjning - Rapport från arbetsgruppen", "Vattenförsörjning",
                      "Rapport från arbetsgruppen"]]


@pytest.mark.parametrize("heading", ["Inbjudan till landshövdingen", "Information om ministerns besök",
                                     "Nästa styrelsemöte", "Val av justerare", "Övriga frågor",
                                     "Kommunchefen informerar"])
def test_agenda_event_or_procedure_is_no_item(heading):
    assert agenda_items(f"§ 12 {heading}\n", []) == []


def test_agenda_invitation_names_the_subject_of_the_event():
    assert _abouts("§ 12 Inbjudan till seminarium om vattenbrist\n") == ["vattenbrist"]


def test_agenda_numbered_words_in_running_text_are_no_list():
    text = ("Ärendet gäller dagordning för kommande möten. Under 2021 kom 14 Ansökningar in och 15 Beslut "
            "fattades av 16 Ledamöter.\n")
    assert agenda_items(text, []) == []


# ---------------------------------------------------------------- the minuted meeting (extract_document)
MINUTES = ("Exempelby kommun\nProtokoll\nKommunstyrelsens arbetsutskott\nSammanträdesdatum 2021-05-04\n"
           "Tid och plats: Kommunhusets sal B, Exempelby, kl 09.00-11.30\n"
           "Beslutande Anna Exempelsson (S), ordförande, Bo Provsson (M), Cecilia Testare (C)\n"
           "Utses att justera Bo Provsson\n\n" + FLAT_CONTENTS + "\n"
           "§ 42 Svar på medborgarförslag: Fler parkbänkar vid Exempelsjön\n"
           "Arbetsutskottet föreslår att medborgarförslaget bifalls.\n")


def _minutes(reference, make_document, text=MINUTES):
    ex = extract_document(make_document(text), reference)
    boards = [m for m in ex.meetings if m.kind == "board_meeting"]
    assert len(boards) == 1
    return ex, boards[0]


def _labels(ex, topic_ids):
    return {t: {" ".join(m.text.split()).lower() for m in ex.topics.get(t, [])} for t in topic_ids}


def test_agenda_items_are_topics_of_the_minuted_meeting(reference, make_document):
    ex, board = _minutes(reference, make_document)
    forms = set().union(*_labels(ex, board.topics).values())
    assert {"fler parkbänkar vid exempelsjön", "detaljplan för kvarnbacken 2", "snöröjningen i norrby",
            "budget 2022"} <= forms
    assert not any("föredragningslistan" in f for f in forms)


def test_agenda_item_and_its_paragraph_are_one_topic(reference, make_document):
    ex, board = _minutes(reference, make_document)
    benches = [t for t, fs in _labels(ex, board.topics).items() if "fler parkbänkar vid exempelsjön" in fs]
    assert len(benches) == 1


def test_agenda_topic_provenance_is_the_item(reference, make_document):
    ex, board = _minutes(reference, make_document)
    text = ex.doc.text
    spans = {text[p.span.start:p.span.end] for p in board.topic_provs}
    assert "Budget 2022" in spans


def test_agenda_items_go_to_no_other_meeting(reference, make_document):
    # a contents line that names a meeting of its own: its items are still the minuted meeting's
    text = MINUTES.replace("Budget 2022... 9", "Budget 2022... 9 46 Dnr KS 2021/99 Möte med Trafikverket... 10")
    ex, board = _minutes(reference, make_document, text)
    items = set(board.topics)
    assert all(not (set(m.topics) & items) for m in ex.meetings if m is not board)


def test_agenda_numbered_list_of_an_association(reference, make_document):
    text = ("Protokoll från styrelsemöte i Exempelbygdens byalag\nTid: 12 mars 2022\n"
            "Närvarande: Anna Exempelsson, Bo Provsson, Cecilia Testare\n\n"
            "1. Mötets öppnande\nOrdföranden öppnade mötet.\n2. Val av justerare\nTill justerare valdes Bo Provsson.\n"
            "3. Renovering av bystugan\nStyrelsen beslutade att begära in offerter.\n4. Mötets avslutande\n")
    ex, board = _minutes(reference, make_document, text)
    forms = set().union(*_labels(ex, board.topics).values())
    assert "renovering av bystugan" in forms
    assert not any("justerare" in f or "öppnande" in f for f in forms)


def test_agenda_headings_run_together_without_numbers_are_no_one_item():
    # a PDF's table of contents with its numbers lost: one long run of headings is no heading
    text = ("2 Exempelby kommun Innehållsförteckning 129 Godkännande av dagordning Information Vårfesten "
            "Information Revisorernas rapport Information från Exempelby Handel, Handel och service Delårsbokslut 4 "
            "månader för KSF Delårsbokslut 4 mån kommunen som helhet Månadsrapport från nämnderna Information "
            "Jämförelse ekonomiska nyckeltal Budget och verksamhetsplan för folkhälsorådet\n")
    assert not [f for item in _forms(text) for f in item if len(f.split()) > 12], _forms(text)


def test_agenda_unnumbered_contents_with_dotted_leaders_one_heading_a_line():
    # a PDF's table of contents without item numbers, a blank line between its lines
    text = ("Protokoll från Kulturutskottets sammanträde Innehållsförteckning\n\n"
            "Beslutande... 2\n\nBudgetuppföljning per augusti... 3\n\nBiblioteksplan, information... 5\n\n"
            "Personärende ... 7\n\nSommarlovsaktiviteter för unga ... 8\n\nPlats och tid Kulturhuset\n")
    heads = [forms[0] for forms in _forms(text)]
    assert heads == ["Budgetuppföljning per augusti", "Biblioteksplan, information", "Sommarlovsaktiviteter för unga"]
    assert "Biblioteksplan" in _forms(text)[1]


def test_agenda_two_dotted_lines_are_no_table_of_contents():
    text = "Innehållsförteckning\n\nInledning... 2\n\nBakgrund... 3\n\nDet var en bra dag.\n"
    assert _forms(text) == []


def test_agenda_attachments_and_who_informs_are_no_subject():
    # a run-on agenda: each item's attachments ("Bilagor: a) PM, b) ...") end its heading; an item that only
    # says who informs ("Information av Anna Berg, Exempelkontoret") is no subject
    text = ("Utsänd föredragningslista 1. Val av justerare 2. Föredragningslista 3. Vägunderhåll i glesbygd "
            "Information av Ada Nordin, Exempelkontoret Bilagor: a) PM, b) Karta 4. Delårsrapport Bilagor: a) PM, "
            "b) Delårsrapport 5. Skolskjutsar Bilagor: a) PM\n")
    heads = [text[i.start:i.end] for i in agenda_items(text, [(text.index("Ada Nordin"),
                                                                 text.index("Ada Nordin") + 10)])]
    assert heads == ["Vägunderhåll i glesbygd", "Delårsrapport", "Skolskjutsar"], heads


def test_agenda_contents_by_case_number_a_listing_of_business_and_a_sign_after_the_number():
    # "INNEHÅLLSFÖRTECKNING Dnr 00003/2019 X Dnr 00391/2018 Y ...": the headings after their case numbers;
    # "Förteckning över arbetsutskottets ärenden 1 X 2 Y 3 Z"; "55 § Beslut om X inklusive Y" on its own line
    text = ("INNEHÅLLSFÖRTECKNING 12 Dnr 00003/2019 Godkännande av dagordning Dnr 00391/2018 Vägbelysning i "
            "Exempelby Dnr 00195/2019 Utbyggnad av Norrskolan Dnr 00055/2019 Budget 2020\n")
    heads = [text[i.start:i.end] for i in agenda_items(text, [])]
    assert heads == ["Vägbelysning i Exempelby", "Utbyggnad av Norrskolan", "Budget 2020"], heads
    text = ("Förteckning över arbetsutskottets ärenden 1 Snöröjning i glesbygd 2 Budget 2008 revidering "
            "3 Samarbetet med vänorten 4 Förlängning av projekt\n")
    heads = [text[i.start:i.end] for i in agenda_items(text, [])]
    assert "Snöröjning i glesbygd" in heads and "Samarbetet med vänorten" in heads, heads
    text = ("54 § Föregående protokoll\n\n55 § Beslut om mål- och resursplan inklusive budget 2024 med ekonomisk "
            "plan 2025 – 2027\n\nDirektionen beslutar att godkänna planen.\n")
    items = agenda_items(text, [])
    assert len(items) == 1, [text[i.start:i.end] for i in items]
    forms = {text[a:b] for a, b in items[0].forms}
    assert "mål- och resursplan" in forms and not any(f.strip().isdigit() for f in forms), forms


def test_agenda_a_list_opened_as_sent_or_decided_and_an_item_s_informant_left_out():
    # "Utsänd föredragningslista", "Beslutad ärendelista": the opener after what the list is; "Muntlig
    # information av NN" after an item's heading says who informs, not what
    text = ("2 Styrelsen Sida 3 (20) Utsänd föredragningslista 1. Val av justerare 2. Föredragningslista "
            "3. Information om gatubelysning Muntlig information av Olle Brink 4. Årsredovisning 2014 "
            "Bilagor: a) PM\n")
    headings = [f[0] for f in _forms(text, [(text.index("Olle"), text.index("Olle") + 10)])]
    assert headings == ["Information om gatubelysning", "Årsredovisning 2014"], headings
    assert ["Årsredovisning 2014", "Årsredovisning"] == _forms(text)[1]


@pytest.mark.parametrize("opener", ["Protokollsregister", "Innehåll Ärende Sida"])
def test_agenda_a_register_whose_items_only_have_page_numbers(opener):
    # "Protokollsregister X... 3 Y... 4 ...": no running numbers, only each heading's page number after its leader;
    # the first heading follows the opener at once
    text = (f"2 (30) {opener} Budget för Exempelby hamn... 3 Detaljplan för Kvarnbacken... 4 "
            "Information om snöröjningen... 6 Taxa för parkering... 8\n")
    abouts = _abouts(text)
    assert abouts[0].startswith("Budget för Exempelby hamn")
    assert any(a.startswith("Detaljplan för Kvarnbacken") for a in abouts)
    assert any(a.startswith("Taxa för parkering") for a in abouts)


def test_agenda_paragraph_lines_of_a_contents_table_lose_their_leaders_and_the_declaration_of_interest():
    # "§ 203 Heading ...8": each paragraph's heading on a line of its own, then the dotted leader and its page;
    # "Anmälan om jäv" (declaring a conflict of interest) is procedure
    text = ("Innehållsförteckning\n\nÄrende Sida\n\n§ 199 Upprop ...4\n\n§ 200 Fastställande av "
            "föredragningslistan ...5\n\n§ 201 Anmälan om jäv ...6\n\n§ 203 Investeringsbeslut nybyggnad Ekbacken "
            "...8\n\n§ 204 Riktlinjer för bostadsförsörjning ...13\n")
    assert [forms[0] for forms in _forms(text)] == ["Investeringsbeslut nybyggnad Ekbacken",
                                                      "Riktlinjer för bostadsförsörjning"]


def test_agenda_a_bulleted_list_announced_as_the_items_of_the_meeting():
    text = ("I dag sammanträdde nämnden. På dagens föredragningslista behandlades följande ärenden:\n\n"
            "  • Ändring av reglementet för nämnden\n  • Framställan om nya laddstolpar\n"
            "  • Information om skolskjutsarna (informationsärende)\n\nNästa möte är i maj.\n")
    assert [forms[0] for forms in _forms(text)] == ["Ändring av reglementet för nämnden",
                                                      "Framställan om nya laddstolpar",
                                                      "Information om skolskjutsarna"]
    # bullets that no sentence announces as the agenda are not its items
    assert _forms(text.replace("På dagens föredragningslista behandlades följande ärenden:", "Vi ses snart:")) == []


def test_agenda_a_proposal_inside_a_heading_is_named_by_what_it_proposes():
    # "Remiss Per Holms medborgarförslag om X", "Svar på A:s (M) motion om X": what the proposal is about;
    # "Delgivningar" (papers served on the board) is the meeting's procedure
    text = ("Ärendelista 37 Remiss Per Holms medborgarförslag om fler cykelbanor i Norrby 5 38 Svar på Karin Holms "
            "(M) motion om belysning i parkerna 7 39 Delgivningar 9\n")
    assert _abouts(text) == ["fler cykelbanor i Norrby", "belysning i parkerna"], _abouts(text)


# a table of contents of minutes turned into text: one heading a line with its page number, no item numbers
# and no dotted leaders
PAGED_CONTENTS = ("REGIONSTYRELSEN DEN 3 MAJ 2011\nVal av protokolljusterare 4\nFör kännedom 4\n"
                  "Rapporter från styrelseledamöter 4\nRegiondirektörens rapport 5\n"
                  "Delrapport 2 om Exempellänets framtida kollektivtrafik 9\nRevisionsrapport om årsredovisning 2010 12\n"
                  "Revisionsskrivelse om inköpsrutiner 13\nAnslag för nya cykelvägar 14\n"
                  "Ombyggnad av simhallen vid Exempelby badhus 15\nFördelning 2/11 av regionens kulturanslag 16\n")


def test_agenda_contents_lines_with_page_numbers_only():
    assert _abouts(PAGED_CONTENTS) == ["Exempellänets framtida kollektivtrafik", "årsredovisning 2010",
                                       "inköpsrutiner", "nya cykelvägar", "Ombyggnad av simhallen vid Exempelby badhus",
                                       "regionens kulturanslag"], _abouts(PAGED_CONTENTS)
    forms = _forms(PAGED_CONTENTS)
    assert "Ombyggnad av simhallen" in forms[4], forms[4]  # without where


def test_agenda_page_numbers_that_go_down_are_no_contents():
    # five lines with a number at the end whose numbers fall: a table of figures, not of contents
    text = "Antal besökare\nBadhuset 120\nBiblioteket 95\nMuseet 60\nKonsthallen 41\nTeatern 12\n"
    assert _abouts(text) == []


def test_agenda_list_of_the_boards_items_with_the_meetings_day_after_its_opener():
    # "Förteckning över styrelsens ärenden den 3 mars": the day between the opener and the numbered items; a
    # kind of business after the subject ("X återkoppling", "Y projektansökan") and a qualifier before it
    # ("Aktuella frågor för X", "det ekonomiska läget") are no part of what the item is about
    text = ("Förteckning över styrelsens ärenden den 3 mars Fastställande av dagordning 41 Aktuella frågor för "
            "landsbygdsutveckling 42 Redogörelse för det ekonomiska läget 43 Norrbybanan återkoppling "
            "44 Cykelled i Exempelby projektansökan 45 Övriga frågor\n")
    forms = _forms(text)
    assert [f[0] for f in forms] == ["Aktuella frågor för landsbygdsutveckling", "Redogörelse för det ekonomiska läget",
                                     "Norrbybanan återkoppling", "Cykelled i Exempelby projektansökan"], forms
    assert "landsbygdsutveckling" in forms[0]
    assert "ekonomiska läget" in forms[1]
    assert "Norrbybanan" in forms[2]
    assert "Cykelled" in forms[3]


def test_agenda_items_run_together_after_their_bracketed_case_numbers():
    # a contents line that lost the numbers of all items but the first: each heading ends at its case number in
    # brackets; "Initiativärende - X" is about X
    text = ("2(7) Innehållsförteckning 88 Fastställande av föredragningslista Revidering av Exempelplanen 2030 "
            "(RS/120/2019) Initiativärende - Solenergi på taken (RS/131/2019) Vinterväghållning (RS/140/2019)... 6\n"
            "3(7) 88 Fastställande av föredragningslista\n")
    assert _abouts(text) == ["Exempelplanen 2030", "Solenergi på taken", "Vinterväghållning"], _abouts(text)


def test_agenda_paragraphs_numbered_with_their_year_and_a_motion_named_in_quotes():
    # "§ 41/21 X": the paragraph's number with its year; 'Motion "X"' is about X; "för Exempelby kommun" closes
    # a heading like a year; two paragraphs on one line are read up to the second's sign
    text = ("Innehållsförteckning\n\n§ 40/21 Fastställande av dagordning\n\n"
            "§ 41/21 Nytt kulturprogram för Exempelby kommun 2022-2025\n\n"
            "§ 42/21 Remissvar - Motion \"Fler bänkar i parkerna\"\n\n"
            "§ 43/21 Uppföljning av matlådorna § 44/21 Övriga frågor\n")
    forms = _forms(text)
    assert [f[0] for f in forms] == ["Nytt kulturprogram för Exempelby kommun 2022-2025",
                                     "Remissvar - Motion \"Fler bänkar i parkerna",
                                     "Uppföljning av matlådorna"], forms
    assert "Nytt kulturprogram" in forms[0]
    assert _abouts(text)[1:] == ["Fler bänkar i parkerna", "matlådorna"]


def test_agenda_the_minutes_of_another_meeting_laid_before_this_one_are_procedure():
    text = ("Ärendelista 12 Anmälan av arbetsutskottets protokoll 3 13 Detaljplan för Kvarnbacken 4 "
            "14 Budget 2022 5\n")
    assert [f[0] for f in _forms(text)] == ["Detaljplan för Kvarnbacken", "Budget 2022"], _forms(text)
