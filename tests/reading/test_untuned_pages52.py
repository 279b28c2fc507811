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
