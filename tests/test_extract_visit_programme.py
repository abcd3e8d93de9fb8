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
