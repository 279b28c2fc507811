"""Belief orders evidence as a reader would: more independent sources, surer words, better kinds."""

from __future__ import annotations

from osteon.knowledge.belief import explain, support
from osteon.knowledge.rules import belief_rules

RULES = belief_rules()


def rows(*docs: tuple[str, str, str]) -> list[tuple[str, str, str]]:
    return list(docs)


def test_three_documents_outrank_one_of_the_same_kind() -> None:
    one = support(rows(("d1", "faq", "s1")), "asserted", RULES)
    three = support(rows(("d1", "faq", "s1"), ("d2", "faq", "s2"), ("d3", "faq", "s3")),
                    "asserted", RULES)
    assert three.belief > one.belief
    assert (three.n_documents, three.n_sources) == (3, 3)


def test_hedged_ranks_below_its_asserted_twin() -> None:
    same = rows(("d1", "article", "s1"), ("d2", "article", "s2"))
    assert support(same, "hedged", RULES).belief < support(same, "asserted", RULES).belief


def test_sentences_of_one_document_count_once() -> None:
    many = support(rows(("d1", "faq", "s1"), ("d1", "faq", "s2"), ("d1", "faq", "s3")),
                   "asserted", RULES)
    assert (many.n_documents, many.n_sources) == (1, 1)
    assert many.belief == support(rows(("d1", "faq", "s1")), "asserted", RULES).belief


def test_a_copied_sentence_is_one_source_however_the_copies_are_spread() -> None:
    # d2 copies d1's sentence, d3 copies d2's other sentence: all one source.
    copied = support(rows(("d1", "faq", "same"), ("d2", "faq", "same"), ("d2", "faq", "other"),
                          ("d3", "faq", "other")), "asserted", RULES)
    assert (copied.n_documents, copied.n_sources) == (3, 1)


def test_an_encyclopedia_weighs_more_than_a_clinic_page() -> None:
    encyclopedia = support(rows(("d1", "encyclopedia", "s")), "asserted", RULES)
    clinic = support(rows(("d1", "clinic_page", "s")), "asserted", RULES)
    unknown = support(rows(("d1", "never-heard-of", "s")), "asserted", RULES)
    assert encyclopedia.belief > unknown.belief > clinic.belief


def test_belief_stays_a_probability() -> None:
    lots = support([(f"d{i}", "review", f"s{i}") for i in range(200)], "asserted", RULES)
    assert 0.0 < lots.belief <= 1.0


def test_explanation_states_formula_and_priors() -> None:
    text = explain(RULES)
    assert "1 - prod" in text and "encyclopedia" in text and "hedged" in text
