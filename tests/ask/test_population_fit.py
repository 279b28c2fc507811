"""A figure or a time said of one population does not answer a question about another.

Real pages showed it: "how often does HO form after a shoulder replacement?" and "what
share of people get HO after a knee replacement?" were answered with figures for hip
replacement, the only ones the pages gave.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.population_fit import fits
from osteon.knowledge.hierarchy import Hierarchy
from osteon.reading.lexicon import load_lexicon

HIP = ("Heterotopic ossification after hip replacement\n\n"
       "Heterotopic ossification develops in about 40% of patients after total hip "
       "arthroplasty.\n"
       "It usually shows on radiographs within six weeks of the operation.\n")
ACETABULUM = ("Acetabular fractures\n\n"
              "Heterotopic ossification was seen in 25% of the patients with an acetabular "
              "fracture.\n"
              "Most fractures were operated on, with open reduction and internal fixation.\n")


def test_a_figure_for_hip_replacement_does_not_answer_for_the_shoulder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"hip.txt": HIP}) as kb:
        shoulder = kb.ask("How often does HO happen after a shoulder replacement?")
        hip = kb.ask("How often does HO happen after a hip replacement?")
        unnamed = kb.ask("How common is heterotopic ossification?")
    assert shoulder.abstained
    assert any("other patients" in note for note in shoulder.notes)
    assert shoulder.passages  # the closest sentences are still shown
    assert not hip.abstained and "40%" in hip.answer
    assert not unnamed.abstained  # a question naming no population takes any figure


def test_who_has_the_operation_has_the_condition_it_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"acetabulum.txt": ACETABULUM}) as kb:
        answer = kb.ask("What rate of HO is seen after acetabular fracture fixation?")
    assert not answer.abstained and "25%" in answer.answer


def test_a_broader_population_fits_unless_it_glosses_a_sibling() -> None:
    hierarchy = Hierarchy(load_lexicon())
    asked = ("shoulder_arthroplasty",)
    assert fits(hierarchy, asked, ("joint_replacement",))
    assert fits(hierarchy, ("hip_arthroplasty",), ("total_hip_arthroplasty",))
    # "total hip arthroplasty (joint replacement)": the broader name glosses the hip
    assert not fits(hierarchy, asked, ("joint_replacement", "total_hip_arthroplasty"))
    assert not fits(hierarchy, asked, ("spinal_cord_injury",))


DISC = ("Heterotopic ossification after cervical disc replacement\n\n"
        "HO appears to be a common complication after CDR.\n"
        "Orthopedic surgery of any kind carries some risk of it.\n"
        "Patients with a torn anterior cruciate ligament of the knee were excluded.\n")


def test_a_page_that_says_surgery_somewhere_says_nothing_of_another_operation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Is HO common after ACL reconstruction?" over a page on cervical disc replacement
    that mentions orthopedic surgery in passing: the page names no ligament reconstruction,
    and its figures are not said of one (a sentence's own broader word still fits)."""
    with store_of_pages(tmp_path, {"disc.txt": DISC, "hip.txt": HIP}) as kb:
        knee = kb.ask("Is heterotopic ossification common after anterior cruciate ligament "
                      "reconstruction of the knee?")
        hip = kb.ask("Is heterotopic ossification common after total hip arthroplasty?")
    assert knee.abstained, knee.answer
    assert "40%" in hip.answer, hip.answer
