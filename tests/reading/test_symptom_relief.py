"""A drug given to ease the pain or swelling of a condition relieves its symptoms (issue 14).

"NSAIDs or bisphosphonates may be used to reduce inflammation and pain associated with HO.
However, these medications do not prevent further bone growth." Read as "Bisphosphonate
treats heterotopic ossification", the statement under answers said more than its sentence
(labelled overstated on page sets 78-80). The claim keeps its predicate (a treatment option,
as the seed gold counts it) and carries the aim "symptom relief", which the statement says
as the option it is: "Bisphosphonate can be used to relieve symptoms of heterotopic
ossification" ("relieves symptoms" was labelled overstated on set 105). It still disagrees with a
source that finds no benefit: an aim is no experimental setting.
"""

from __future__ import annotations

from fixtures import read_claims, store_of_pages


def _treats(claims):  # type: ignore[no-untyped-def]
    return {c.subject: c.qualifiers.context for c in claims if c.predicate == "treats"}


def test_a_drug_for_the_pain_carries_the_aim(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_claims(empty_store, tmp_path,
                         "Etidronate may be used to relieve the pain and swelling of "
                         "heterotopic ossification.\n"
                         "Naproxen can help alleviate pain in heterotopic ossification.\n"
                         "In myositis ossificans, aspirin is prescribed to bring the rate of "
                         "soft tissue swelling down.\n"
                         "Indomethacin may be used to treat heterotopic ossification.\n",
                         name="page.txt")
    assert _treats(claims) == {"etidronate": "symptom relief", "naproxen": "symptom relief",
                               "aspirin": "symptom relief", "indomethacin": None}, claims


def test_the_statement_says_relief_not_treatment(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Managing ectopic bone\n\n"
            "Etidronate may be used to relieve the pain and swelling of heterotopic "
            "ossification.\n")
    with store_of_pages(tmp_path, {"page.txt": page}) as kb:
        texts = [f.assertion.text for f in kb.facts("etidronate", predicate="treats")]
    assert texts == [
        "Etidronate can be used to relieve symptoms of heterotopic ossification"], texts


def test_relief_still_disagrees_with_no_benefit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pages = {"clinic.txt": "Clinic page\n\nEtidronate may be used to reduce the pain of "
                           "heterotopic ossification.\n",
             "review.txt": "A review\n\nEtidronate is not effective for heterotopic "
                           "ossification.\n"}
    with store_of_pages(tmp_path, pages) as kb:
        said = {(c.a, c.b) for c in kb.disagreements()}
        texts = {a.id: a.text for f in kb.facts("etidronate") for a in [f.assertion]}
    assert any(texts.get(a, "").endswith("to relieve symptoms of heterotopic ossification")
               or texts.get(b, "").endswith("to relieve symptoms of heterotopic ossification")
               for a, b in said), (said, texts)
