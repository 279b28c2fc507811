"""A statement under an answer says no more than the sentence it re-words.

Patterns from the statements shown on the 111th set of real pages, written here in our own
words: a "may" dropped ("the patient may complain of a warm swelling" stated as "Warmth is
a symptom"), a patient group in a title quoted by a research portal read as a risk, a
portal's subject-area tag read as a treatment, the date of an excision read as an onset, a
complication read as a cause, and a sign at birth stated as where the disease occurs.
Each test has a control that the same kind of sentence, saying it plainly, is still stated.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import read_claims, store_of_pages, triples
from osteon import KnowledgeBase
from osteon.knowledge.claim_store import load_claims

SYMPTOMS = """Muscle bruise that turns to bone

Symptoms

In traumatic myositis ossificans, the patient may complain of a warm, tender lump deep in
the thigh.
Symptoms of traumatic myositis ossificans include pain.
"""

TITLE = ("Operative treatment of elbow ossification in patients with pressure ulcers after "
         "spinal cord injury")
PORTAL = f"""{TITLE}

Ana Ruiz, Tomas Berg, Lena Okafor

Research output: Contribution to journal › Article › peer-review

Nine elbows were operated on and motion improved in all of them.

ASJC Scopus subject areas

• Surgery
• Rehabilitation

Dive into the research topics of '{TITLE}'.
"""

FOP = """Fibrodysplasia ossificans progressiva

Fibrodysplasia ossificans progressiva is a rare genetic disease.
Characteristically appearing in the big toe at birth, it causes bone to form in the muscles
over a lifetime.
Characteristically appearing in the hips, it goes on to stiffen them.
"""


def _stated(kb: KnowledgeBase, question: str) -> list[tuple[str, str]]:
    answer = kb.ask(question)
    return [(s.text, c.sentence_text) for s in answer.statements for c in s.citations]


def test_a_may_that_governs_the_link_keeps_the_claim_to_its_quoted_sentence(
        tmp_path: Path) -> None:
    with store_of_pages(tmp_path, {"bruise.txt": SYMPTOMS}) as kb:
        answer = kb.ask("What are the symptoms of traumatic myositis ossificans?")
        assert any("may complain of" in c.sentence_text
                   for s in answer.evidence for c in s.citations)  # quoted whole
        stated = [(s.text, c.sentence_text) for s in answer.statements for c in s.citations]
        assert not [t for t, cited in stated if "may complain" in cited]
        assert ("Pain is a symptom of traumatic heterotopic ossification",
                "Symptoms of traumatic myositis ossificans include pain.") in stated


def test_a_patient_group_in_a_quoted_title_and_a_subject_tag_state_nothing(
        tmp_path: Path) -> None:
    with store_of_pages(tmp_path, {"portal_record.txt": PORTAL}) as kb:
        for question in ("Does spinal cord injury raise the risk of pressure ulcers?",
                         "Which surgery treats pressure ulcers?"):
            stated = _stated(kb, question)
            assert not [t for t, _ in stated if "pressure ulcer" in t.lower()], question


def test_a_subject_tag_makes_no_treatment_claim_but_a_treatment_heading_does(
        empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tagged = read_claims(empty_store, tmp_path, PORTAL, name="portal.txt")
    assert not triples(tagged, "treats")
    listed = read_claims(empty_store, tmp_path, (
        "Treatment of pressure ulcers\n\nTreatment options\n\n• Surgery\n• Rest\n"),
        name="care.txt")
    assert ("surgery", "pressure_ulcer") in triples(listed, "treats")


def test_when_the_bone_was_excised_is_no_onset_but_when_it_appeared_is(
        empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    excised = read_claims(empty_store, tmp_path, (
        "In 20 patients who sustained a spinal cord injury, heterotopic ossifications of the "
        "knee were resected at a mean of 18 months after the injury.\n"), name="resected.txt")
    assert not triples(excised, "onset_after")
    appeared = read_claims(empty_store, tmp_path, (
        "Heterotopic ossification usually appears 2 months after spinal cord injury.\n"),
        name="appeared.txt")
    assert ("heterotopic_ossification", "spinal_cord_injury") in triples(appeared,
                                                                         "onset_after")


def test_a_complication_named_after_due_to_is_no_cause_of_the_disease(
        empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    claims = read_claims(empty_store, tmp_path, (
        "Fibrodysplasia ossificans progressiva shortens life due to complications such as "
        "bone formation around the chest.\n"), name="fop_life.txt")
    assert not [c for c in triples(claims, "risk_factor_for")
                if c[1] == "fibrodysplasia_ossificans_progressiva"]
    caused = read_claims(empty_store, tmp_path, (
        "Myositis ossificans is caused by trauma to the muscle.\n"), name="mo_cause.txt")
    assert ("trauma", "myositis_ossificans") in triples(caused, "risk_factor_for")


def test_a_sign_at_birth_is_not_stated_as_where_the_disease_occurs(tmp_path: Path) -> None:
    with store_of_pages(tmp_path, {"fop.txt": FOP}) as kb:
        stated = _stated(kb, "where does fibrodysplasia ossificans progressiva occur")
        assert not [t for t, _ in stated if "toe" in t]
        assert [t for t, _ in stated if t.endswith("at the hip")]


def test_a_place_a_result_and_a_patients_history_are_read_in_their_roles(
        empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """From set 105, 109 and 99's role errors: "arises from salt buildup in the soft
    tissues" (a place, not a source), "ossification can occur as a result of an exacerbation
    of the disease" (a result, not an agent), "in the differential diagnosis of swellings,
    especially in patients with a history of trauma" (a history, not a differential)."""
    claims = read_claims(empty_store, tmp_path, (
        "Calcification arises from salt deposits in the soft tissues of the thigh.\n"
        "Ossification may follow as a result of an episode of exacerbation of the disease.\n"
        "Consider heterotopic ossification in the differential diagnosis of firm swellings "
        "of the jaw, especially in patients with a history of trauma.\n"), name="roles.txt")
    assert not [c for c in claims if c.subject == "soft_tissue" and c.predicate == "produces"]
    assert not triples(claims, "increases")
    assert "trauma" not in {s for s, _ in triples(claims, "differential_diagnosis_of")}
    controls = read_claims(empty_store, tmp_path, (
        "Trauma drives heterotopic ossification in muscle.\n"
        "The differential diagnosis includes osteosarcoma and myositis ossificans.\n"),
        name="plain_roles.txt")
    assert ("trauma", "heterotopic_ossification") in triples(controls, "increases")
    assert ("osteosarcoma", "heterotopic_ossification") in triples(
        controls, "differential_diagnosis_of")


GENE = """Fibrodysplasia ossificans progressiva

Fibrodysplasia ossificans progressiva is caused by a missense mutation in the ACVR1 gene, a
signaling receptor involved in endochondral ossification.
"""


def test_what_a_mutated_gene_is_involved_in_is_no_cause_and_the_gene_is_not_stated_alone(
        tmp_path: Path) -> None:
    """From set 114: "FOP is caused by a missense mutation in the ACVR1 gene, a receptor
    involved in endochondral ossification" read as "Endochondral ossification raises the risk
    of FOP", "FOP is part of endochondral ossification" and "ACVR1 raises the risk of FOP"
    (the mutation dropped): neither is read, and the gene is not stated alone."""
    with store_of_pages(tmp_path, {"fop_gene.txt": GENE}) as kb:
        claims = {(c.subject, c.predicate, c.object) for c in load_claims(kb.knowledge.store)}
        assert ("endochondral_ossification", "risk_factor_for",
                "fibrodysplasia_ossificans_progressiva") not in claims
        assert not [c for c in claims if c[1] == "part_of_process"]
        answer = kb.ask("What causes fibrodysplasia ossificans progressiva?")
        assert "endochondral" not in answer.answer
        assert not [s.text for s in answer.statements if "ACVR1" in s.text]
