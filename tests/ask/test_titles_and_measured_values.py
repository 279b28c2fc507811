"""A title in its authors' language, and the value of one test among others.

Found on page set 108, where each led an answer that did not say what was asked:

- a case report carries its title in Spanish under the English one ("Calcinosis tumoral
  urémica con manifestación atípica"): holding the title's names, it came first for "how
  is tumoral calcinosis treated?", and for questions the page does not answer;
- "what was her alkaline phosphatase level?" was answered by the sentence giving the
  patient's other values (parathyroid hormone, phosphorus, calcium), though no source
  gives that one;
- a registry prints its sponsor and its site in capitals ("UT SOUTHWESTERN MEDICAL
  CENTER", "1 site (DALLAS, UNITED STATES)").
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

CASE = ("Uremic calcinosis of the fingers with an unusual presentation\n\n"
        "Calcinosis urémica de los dedos con presentación atípica\n\n"
        "Abstract\n\n"
        "Uremic calcinosis is calcium deposited in the soft tissue around joints in patients "
        "with kidney failure. A 51-year-old man on peritoneal dialysis had hard lumps on "
        "three fingers. Laboratory tests showed parathyroid hormone of 1900 pg/ml, "
        "phosphorus of 8.1 mg/dl and corrected calcium of 9.9 mg/dl. The lumps were removed "
        "in two operations.\n")
REVIEW = ("Calcium deposits in soft tissue\n\n"
          "Tumoral calcinosis is calcium deposited in soft tissue around large joints. "
          "Treatment is normalization of serum phosphate levels and resection of the lesions. "
          "If part of a lesion is left behind, it is likely to recur.\n")
REGISTRY = ("Blood markers of bone formation after burns\n\n"
            "SponsorEASTBROOK VALLEY MEDICAL CENTER (state funded)\n"
            "Locations1 site (MILWAUKEE, UNITED STATES)\n\n"
            "What this research studies\n\n"
            "This study looks for blood markers that predict heterotopic ossification after "
            "burns.\n")


def test_a_title_in_the_authors_language_does_not_answer_in_place_of_the_english(  # type: ignore[no-untyped-def]
        tmp_path) -> None:
    with store_of_pages(tmp_path, {"case.txt": CASE, "review.txt": REVIEW}) as kb:
        answer = kb.ask("What is the treatment for uremic tumoral calcinosis?")
    assert not answer.abstained
    assert "urémica" not in readable_text(answer)
    assert "resection" in readable_text(answer)


def test_a_page_in_another_language_keeps_its_short_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Calcinosis tumoral\n\n"
            "La calcinosis tumoral es un depósito de calcio en los tejidos blandos.\n\n"
            "Tratamiento quirúrgico con resección completa.\n\n"
            "Las lesiones aparecen cerca de las articulaciones grandes y se tratan con "
            "cirugía para los pacientes con dolor.\n")
    with store_of_pages(tmp_path, {"es.txt": page}) as kb:
        answer = kb.ask("Per the Spanish page, what is the treatment of tumoral calcinosis?")
    assert "resección" in readable_text(answer)


def test_the_value_of_one_test_is_not_answered_by_other_tests_values(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "review.txt": REVIEW}) as kb:
        asked = kb.ask("What was the alkaline phosphatase level of the man with uremic "
                       "calcinosis of the fingers?")
        given = kb.ask("What was the calcium level of the man with uremic calcinosis of the "
                       "fingers?")
    assert "1900 pg/ml" not in asked.answer
    assert "9.9 mg/dl" in given.answer


def test_a_registrys_sponsor_and_site_in_capitals_are_given(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"registry.txt": REGISTRY}) as kb:
        answer = kb.ask("Which medical centre is running the burns blood marker study, and in "
                        "which city?")
    assert not answer.abstained
    assert "EASTBROOK VALLEY MEDICAL CENTER" in readable_text(answer)
    assert "MILWAUKEE" in readable_text(answer)
