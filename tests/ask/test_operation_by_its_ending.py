"""An operation the lexicon does not know is recognised by its name's ending.

dev64: "What surgery did the goiter patients with heterotopic bone have?" was answered from
another page ("After three surgeries and rehabilitation…"): the goiter page's "Treatment
consisted in thyroidectomy and lobectomy" names no operation the lexicon knows. Pages written
for the test in the same shapes.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

GOITER = ("Bone in thyroid goiters\n\n"
          "Heterotopic bone formation in a goiter is a rare finding.\n"
          "Five resection specimens of goiter were studied.\n"
          "Treatment consisted in thyroidectomy and lobectomy.\n")
LIMBS = ("Neurogenic heterotopic ossification of four limbs\n\n"
         "After three surgeries and rehabilitation, the patient walked again.\n"
         "Surgery removed the heterotopic bone around both hips.\n")


def test_an_operation_named_by_its_ending_answers_which_surgery(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"goiter.txt": GOITER, "limbs.txt": LIMBS}) as kb:
        answer = kb.ask("What surgery did the goiter patients with heterotopic bone have?")
    assert "thyroidectomy" in readable_text(answer).lower(), answer.answer


def test_an_operation_s_name_does_not_answer_which_medicine(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"goiter.txt": GOITER}) as kb:
        answer = kb.ask("Which medicine did the goiter patients with heterotopic bone take?")
    assert "thyroidectomy" not in answer.answer.lower(), answer.answer
