"""Reading patterns behind the wrong statements left on the hand-labelled set 63.

Each test writes, in its own words, the shape of a sentence that gave a wrong statement under
an answer, with a control where the pattern must not reach.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import read_claims
from osteon.reading.records import Claim


def triples(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.subject, c.predicate, c.object) for c in claims}


def test_it_after_a_list_of_kinds_speaks_of_the_condition_not_the_last_kind(  # type: ignore[no-untyped-def]
        tmp_path: Path, empty_store):
    """"There are traumatic, neurologic and the rare genetic forms of HO. It is considered a
    very rare lesion in the shoulder." was read as "Hereditary HO occurs at the shoulder"."""
    claims = read_claims(empty_store, tmp_path,
                         "Bony bridges around the elbow\n\n"
                         "Heterotopic ossification is bone in soft tissue. There are "
                         "post-traumatic, neurogenic and the rare genetic forms of heterotopic "
                         "ossification. It is a very rare lesion in the shoulder.\n",
                         name="page.txt")
    sites = {(c.subject, c.object) for c in claims if c.predicate == "occurs_at_site"}
    assert ("heterotopic_ossification", "shoulder") in sites, sites
    assert ("hereditary_heterotopic_ossification", "shoulder") not in sites, sites


def test_it_after_one_named_kind_still_speaks_of_that_kind(  # type: ignore[no-untyped-def]
        tmp_path: Path, empty_store):
    claims = read_claims(empty_store, tmp_path,
                         "Bony bridges around the elbow\n\n"
                         "Heterotopic ossification is bone in soft tissue. Fibrodysplasia "
                         "ossificans progressiva is the rare genetic form. It is a very rare "
                         "lesion in the shoulder.\n", name="page.txt")
    assert ("fibrodysplasia_ossificans_progressiva", "occurs_at_site", "shoulder") in triples(
        claims), triples(claims)


def test_a_finding_told_of_one_patient_is_no_sign_of_the_topic(  # type: ignore[no-untyped-def]
        tmp_path: Path, empty_store):
    """"Her serum calcium (Ca)-phosphate (P) product was elevated." was read as "Calcium is a
    sign of heterotopic ossification": the sentence names no condition, she had it."""
    claims = read_claims(empty_store, tmp_path,
                         "A 61-year-old man on dialysis was seen for a hard mass near the knee. "
                         "His serum calcium was elevated.\n"
                         "In patients with heterotopic ossification, serum alkaline phosphatase "
                         "is often elevated.\n", name="page.txt")
    signs = {c.subject for c in claims if c.predicate == "sign_of"}
    assert "calcium" not in signs, signs
    assert "elevated_alkaline_phosphatase" in signs, signs


def test_his_or_her_speaks_of_anyone(tmp_path: Path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_claims(empty_store, tmp_path,
                         "Blood tests for heterotopic ossification\n\n"
                         "His or her serum calcium is elevated.\n", name="page.txt")
    assert ("calcium", "sign_of", "heterotopic_ossification") in triples(claims), triples(
        claims)


def test_a_presentation_of_one_patient_is_no_symptom_of_her_other_illness(  # type: ignore[no-untyped-def]
        tmp_path: Path, empty_store):
    """"A 46-year-old right-handed, morbidly obese woman with asthma presented with a painful
    wrist mass" was read as "Pain is a symptom of asthma": however many words describe her,
    she is one patient."""
    claims = read_claims(empty_store, tmp_path,
                         "A 39-year-old left-handed, diabetic, hypertensive man with asthma "
                         "presented with a painful elbow mass and weakness of his fingers.\n"
                         "Patients with myositis ossificans usually present with a painful "
                         "mass.\n", name="page.txt")
    symptoms = {(c.subject, c.object) for c in claims if c.predicate == "symptom_of"}
    assert not [s for s in symptoms if s[1] == "asthma"], symptoms
    assert ("pain", "myositis_ossificans") in symptoms, symptoms
