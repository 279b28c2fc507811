"""What a development set of real pages (set 46) showed, in pages written for the test.

A news page's alert widget ("You will receive an email when new content is published")
answered "when was it published?"; "Is it a cancer?" is answered by a sentence that says
"benign"; and a sentence that draws a conclusion ("Therefore 23 April is the day…") needs
the one before it, which says why.
"""

from __future__ import annotations

from fixtures import store_of_pages

NEWS_PAGE = (
    "Bone after half a hip replacement seen in two of five patients\n\n"
    "Issue: May 2018\n"
    "You've successfully added to your alerts. You will receive an email when new content is "
    "published.\n"
    "Click Here to Manage Email Alerts\n"
    "We were unable to process your request. Please try again later.\n"
    "Surgeons in Styria reviewed 120 hip hemiarthroplasties done for a broken hip.\n"
    "Heterotopic ossification formed around the new joint in 41% of the patients.\n")

LESION_PAGE = (
    "A lump on the toe\n\n"
    "Fibro-osseous pseudotumour of the digit is an unusual lesion of the fingers and toes.\n"
    "A 40-year-old man had a growing red lump on his thumb for three months.\n"
    "Excision showed bone trabeculae in a fibrous stroma.\n"
    "The growth is considered benign and rarely recurs after complete excision.\n")

DAY_PAGE = (
    "A day for FOP\n\n"
    "Fibrodysplasia ossificans progressiva is a rare disease in which muscle turns to bone.\n"
    "The gene behind it was found on 23 April 2006 by a team in Philadelphia.\n"
    "Therefore 23 April is the day the FOP community marks every year.\n"
    "Families share their stories online.\n")


def test_a_pages_alert_widget_is_no_sentence_of_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"news.txt": NEWS_PAGE}) as kb:
        [doc] = [d for d in kb.store.summaries() if d.origin.endswith("news.txt")]
        texts = [s.text for s in kb.store.get(doc.id).sentences]
    assert any("41% of the patients" in t for t in texts)
    assert not any("email" in t.lower() or "unable to process" in t for t in texts), texts


def test_is_it_a_cancer_is_answered_by_benign(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"lesion.txt": LESION_PAGE}) as kb:
        answer = kb.ask("Is fibro-osseous pseudotumour of the digit a cancer?")
    assert not answer.abstained
    assert any("benign" in s.text for s in answer.evidence), [s.text for s in answer.evidence]


def test_a_conclusion_is_quoted_with_the_sentence_it_is_drawn_from(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"day.txt": DAY_PAGE}) as kb:
        answer = kb.ask("Which day does the FOP community mark every year, and why that day?")
    quoted = next(s for s in answer.evidence if s.text.startswith("Therefore"))
    assert any("gene behind it was found" in c.quote for c in quoted.citations)


VET_PAGE = (
    "Bone in a dog's thigh\n\n"
    "Myositis ossificans in dogs is bone forming in a thigh muscle after damage.\n"
    "It can be treated with anti-inflammatory drugs and, when the bone limits walking, with "
    "surgery.\n"
    "The condition is known as ossifying myopathy or stone muscle.\n")


def test_an_option_in_a_list_the_sources_do_not_name_is_offered_not_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "How is it treated - drugs, rest, surgery?": the page names the drugs and the
    surgery; the one option it never mentions is offered, not the question's topic (the
    question was declined for it)."""
    with store_of_pages(tmp_path, {"vet.txt": VET_PAGE}) as kb:
        listed = kb.ask("How is myositis ossificans treated in dogs - drugs, rest, "
                        "surgery?")
        alone = kb.ask("Does rest cure myositis ossificans in dogs?")
    assert not listed.abstained
    assert any("anti-inflammatory drugs" in s.text for s in listed.evidence)
    assert alone.abstained  # asked about on its own, it is the topic


def test_a_nickname_is_another_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"vet.txt": VET_PAGE}) as kb:
        answer = kb.ask("What's the popular nickname for myositis ossificans in dogs?")
    assert answer.understood is not None and answer.understood.intents[0] == "synonym"
    assert any("stone muscle" in s.text for s in answer.evidence)
