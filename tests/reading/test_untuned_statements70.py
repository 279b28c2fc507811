"""Reading patterns behind wrong statements under answers on untuned pages (issue 14), sets 69-72.

Statements labelled wrong from their cited sentences, written here in other words: a combined
injury named as the event after which bone forms gives no member of it alone as the cause; a
thing a bracketed gloss names after a preposition is no other name of what the brackets
follow; what a modifier of the patients' condition names is not their condition; "rare after"
is no risk; "have or have not" denies nothing; "found that patients with …" names no test;
what some patients did not show on a test says nothing against the test.
"""

from __future__ import annotations

from fixtures import read_claims, triples


def _risks(store, tmp_path, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    claims = read_claims(store, tmp_path, text, name="page.txt")
    return {c.subject for c in claims if c.predicate == "risk_factor_for"
            and c.object == "heterotopic_ossification"}


def test_a_combined_injury_names_no_member_alone_as_the_cause(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    risks = _risks(empty_store, tmp_path,
                   "In the rat model, heterotopic ossification forms only after a combined "
                   "injury of the spinal cord and the hamstring muscle.\n")
    assert "spinal_cord_injury" not in risks, risks


def test_a_single_event_is_still_the_cause(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    risks = _risks(empty_store, tmp_path,
                   "In the rat model, heterotopic ossification forms only after a spinal cord "
                   "injury.\n")
    assert "spinal_cord_injury" in risks, risks


def test_a_gloss_in_brackets_names_no_synonym_after_a_preposition(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_claims(empty_store, tmp_path,
                         "A kick to the thigh can leave a hematoma (a dark lump with bleeding) "
                         "deep in the muscle. Fibrodysplasia ossificans progressiva "
                         "(stone man syndrome) is rare.\n", name="page.txt")
    synonyms = triples(claims, "synonym_of")
    assert not any("bleeding" in pair for pair in synonyms), synonyms
    assert any("fibrodysplasia_ossificans_progressiva" in pair for pair in synonyms), synonyms


def test_what_modifies_the_patients_condition_is_not_it(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    risks = _risks(empty_store, tmp_path,
                   "Heterotopic ossification occurs in patients with inherited variants in genes "
                   "responsible for bone morphogenetic protein signaling.\n")
    assert "bmp_signaling" not in risks, risks
    assert "spinal_cord_injury" in _risks(
        empty_store, tmp_path, "Heterotopic ossification occurs in patients with spinal cord "
        "injury.\n")


def _claims(store, tmp_path, text: str):  # type: ignore[no-untyped-def]
    return read_claims(store, tmp_path, text, name="page.txt")


def test_rare_after_an_operation_is_no_risk_of_it(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    assert "knee_arthroplasty" not in _risks(
        empty_store, tmp_path, "Large masses of heterotopic ossification are uncommon after "
        "total knee arthroplasty.\n")
    assert "total_hip_arthroplasty" in _risks(
        empty_store, tmp_path, "Large masses of heterotopic ossification are common after "
        "total hip arthroplasty.\n")


def test_both_sides_named_deny_nothing(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = _claims(empty_store, tmp_path,
                     "We compared burn patients who had or had not developed heterotopic "
                     "ossification in the year after the burn.\n")
    assert not [c for c in claims if c.polarity == "negated"], claims


def test_a_finding_is_no_test(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = _claims(empty_store, tmp_path,
                     "The review also found that patients with worse injuries or higher "
                     "alkaline phosphatase levels had more heterotopic ossification.\n")
    assert not [c for c in claims if c.predicate == "diagnostic_test_for"], claims


def test_what_some_did_not_show_on_a_test_is_not_against_it(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = _claims(empty_store, tmp_path,
                     "Of the hips with heterotopic ossification, four did not show any uptake "
                     "detected by bone scan.\n")
    assert not [c for c in claims if c.predicate == "diagnostic_test_for"
                and c.polarity == "negated"], claims
