"""Reading patterns behind wrong statements on real pages (dev52, issue 14): a thing the
lexicon does not know, named where the condition would stand, is no "it".

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

from fixtures import read_claims as read_text
from fixtures import triples


def test_a_thing_the_lexicon_does_not_know_mistaken_for_another_is_not_the_topic(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "Diagnosis is hard, and a calcifying aponeurotic fibroma is often mistaken for
    malignancy": the fibroma is mistaken, not HO (read before as "Malignant neoplasm is a
    differential diagnosis of HO"); "it is often mistaken for" still leaves the topic."""
    unknown = read_text(empty_store, tmp_path,
                        "Diagnosis is hard, and a calcifying aponeurotic fibroma is often "
                        "mistaken for malignancy.\n", name="fibroma.txt")
    assert not triples(unknown, "differential_diagnosis_of"), unknown
    pronoun = read_text(empty_store, tmp_path,
                        "Heterotopic ossification forms in soft tissue.\n"
                        "Early on, it is often mistaken for malignancy.\n", name="ho.txt")
    assert ("malignant_neoplasm", "heterotopic_ossification") in triples(
        pronoun, "differential_diagnosis_of")


def test_no_consensus_on_outcomes_after_an_operation_denies_no_risk(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "No consensus regarding the impact of HO on clinical outcomes following total ankle
    arthroplasty has been reached" (dev54) was read as "Ankle arthroplasty does not raise
    the risk of HO": the outcomes follow the operation, and no consensus denies nothing;
    "HO following total ankle arthroplasty is common" still names the risk."""
    unsettled = read_text(empty_store, tmp_path,
                          "No consensus regarding the impact of heterotopic ossification on "
                          "clinical outcomes following total ankle arthroplasty has been "
                          "reached.\n", name="review.txt")
    assert not [c for c in unsettled if c.subject == "ankle_arthroplasty"], unsettled
    plain = read_text(empty_store, tmp_path,
                      "Heterotopic ossification following total ankle arthroplasty is "
                      "common.\n", name="series.txt")
    assert ("ankle_arthroplasty", "heterotopic_ossification") in triples(
        plain, "risk_factor_for")


def test_an_inline_bullet_ends_a_sentence(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """Highlights run into one paragraph ("… neoplasms. • CT is useful in distinguishing HO
    from other complications such as infection") are sentences of their own: no claim
    joins an item's words to another item's."""
    from osteon.corpus.sentences import sentence_spans
    text = ("HO may be found in a scar. • CT is useful in distinguishing it. • Recurrence "
            "is rare.")
    assert [text[s:e] for s, e in sentence_spans(text, 0, len(text), frozenset())] == [
        "HO may be found in a scar.", "CT is useful in distinguishing it.",
        "Recurrence is rare."]
