"""Each class of conflict, and its near misses that must NOT be reported."""

from __future__ import annotations

import pytest

from osteon.knowledge.conflicts import ConflictFinder, number_conflict
from osteon.knowledge.hierarchy import Hierarchy
from osteon.knowledge.profile import stances_of
from osteon.knowledge.records import Assertion, AssertionKey, QualifierValue
from osteon.knowledge.rules import conflict_rules
from osteon.reading.lexicon import load_lexicon
from osteon.reading.records import Figure

LEXICON = load_lexicon()
RULES = conflict_rules()
FINDER = ConflictFinder(RULES, Hierarchy(LEXICON), LEXICON)
HO = "heterotopic_ossification"

_ids = iter(range(1, 10_000))


def said(subject: str, predicate: str, obj: str = HO, polarity: str = "asserted", *,
         doc: str = "doc-a", n_docs: int = 1, context: str = "", text: bool = False
         ) -> Assertion:
    key = AssertionKey(subject, predicate, obj, context, polarity, text)  # type: ignore[arg-type]
    return Assertion(next(_ids), key, stances_of(key, RULES, LEXICON), n_docs, n_docs, n_docs,
                     0.5, f"{subject} {predicate} {obj} ({polarity})", doc)


def kinds(a: Assertion, b: Assertion) -> set[str]:
    return {c.kind for c in FINDER.between(a, b)}


def test_asserted_against_negated_on_one_triple() -> None:
    assert kinds(said("nsaid", "prevents"),
                 said("nsaid", "not_effective_for", doc="doc-b")) == {"opposite"}


def test_one_document_nuancing_itself_is_not_a_conflict() -> None:
    denied = said("pain", "symptom_of", polarity="negated")
    assert kinds(said("pain", "symptom_of"), denied) == set()


@pytest.mark.parametrize(("positive", "negative"), [
    ("indomethacin", "nsaid"),  # the class is said not to work, a member to work
    ("nsaid", "indomethacin"),  # the class is said to work, a member not to
])
def test_class_and_member_disagree(positive: str, negative: str) -> None:
    assert "opposite" in kinds(said(positive, "prevents"),
                               said(negative, "not_effective_for", doc="doc-b"))


def test_siblings_do_not_disagree() -> None:
    assert kinds(said("naproxen", "prevents"),
                 said("ibuprofen", "not_effective_for", doc="doc-b")) == set()


def test_treats_and_prevents_agree() -> None:
    assert kinds(said("nsaid", "treats"), said("nsaid", "prevents", doc="doc-b")) == set()


def test_treats_against_not_effective() -> None:
    assert kinds(said("bisphosphonate", "treats"),
                 said("bisphosphonate", "not_effective_for", doc="doc-b")) == {"opposite"}


def test_a_mouse_model_never_contradicts_the_clinic() -> None:
    assert kinds(said("nsaid", "prevents", context="mouse model"),
                 said("nsaid", "not_effective_for", doc="doc-b")) == set()


def test_no_preventive_treatment_meets_every_preventive() -> None:
    nothing_prevents = said("prophylaxis", "not_effective_for", doc="doc-b")
    assert kinds(said("radiation_therapy", "prevents"), nothing_prevents) == {"opposite"}
    assert kinds(said("early_mobilization", "prevents"), nothing_prevents) == {"opposite"}
    # ... but says nothing against a treatment of established disease.
    assert kinds(said("surgical_resection", "treats"), nothing_prevents) == set()


def test_diagnostic_test_against_not_useful() -> None:
    assert kinds(said("x_ray", "diagnostic_test_for"),
                 said("x_ray", "not_useful_for_diagnosis", doc="doc-b")) == {"opposite"}
    assert kinds(said("bone_scan", "diagnostic_test_for"),
                 said("x_ray", "not_useful_for_diagnosis", doc="doc-b")) == set()


def test_symptom_denied_and_asserted() -> None:
    assert kinds(said("pain", "symptom_of"),
                 said("pain", "symptom_of", polarity="negated", doc="doc-b")) == {"opposite"}


def test_hedged_against_asserted_is_a_matter_of_certainty() -> None:
    assert kinds(said("spinal_cord_injury", "risk_factor_for"),
                 said("spinal_cord_injury", "risk_factor_for", polarity="hedged", doc="doc-b")
                 ) == {"certainty"}


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("there is no way to reverse it", "it may resolve on its own", {"opposite"}),
    ("irreversible once formed", "irreversible", set()),
    ("no definitive cure", "it can regress spontaneously", set()),  # different questions
    ("no definitive cure", "curable by surgery", {"opposite"}),
])
def test_prognoses(first: str, second: str, expected: set[str]) -> None:
    a = said(HO, "prognosis", first, text=True)
    b = said(HO, "prognosis", second, doc="doc-b", text=True)
    assert kinds(a, b) == expected


def test_resection_that_treats_contradicts_irreversible_and_incurable() -> None:
    treats = said("surgical_resection", "treats", doc="doc-b")
    assert kinds(said(HO, "prognosis", "no way to reverse it", text=True), treats) == {"opposite"}
    assert kinds(said(HO, "prognosis", "has no definitive cure", text=True),
                 treats) == {"opposite"}
    # A drug that treats symptoms says nothing about reversing the bone.
    assert kinds(said(HO, "prognosis", "no way to reverse it", text=True),
                 said("nsaid", "treats", doc="doc-b")) == set()


def test_a_cause_named_as_its_cure() -> None:
    cure = said("joint_replacement", "treats")
    assert kinds(cure, said("total_hip_arthroplasty", "risk_factor_for", doc="doc-b")) == {
        "cause_and_cure"}
    # "surgery raises risk" does not make every surgery a cause: no conflict with resection.
    assert kinds(said("surgical_resection", "treats"),
                 said("surgery", "risk_factor_for", doc="doc-b")) == set()


def test_numbers_that_do_not_overlap() -> None:
    assertion = said(HO, "recurrence_rate", n_docs=2)

    def value(low: float, high: float, doc: str, approximate: bool = False) -> QualifierValue:
        return QualifierValue("quantity", Figure(f"{low}-{high}%", low, high, "%",
                                                 approximate=approximate), (doc,))

    assert number_conflict(assertion, [value(2, 31, "a"), value(50, 90, "b")]) is not None
    assert number_conflict(assertion, [value(2, 31, "a"), value(20, 40, "b")]) is None
    assert number_conflict(assertion, [value(30, 30, "a", True), value(33, 33, "b")]) is None
    assert number_conflict(assertion, [value(2, 31, "a"), value(50, 90, "a")]) is None


def test_a_mechanism_said_to_raise_and_to_lower() -> None:
    assert kinds(said("oncostatin_m", "increases", "fibro_adipogenic_progenitor",
                      context="mouse model"),
                 said("oncostatin_m", "inhibits", "fibro_adipogenic_progenitor", doc="doc-b",
                      context="mouse model")) == {"opposite"}
    assert kinds(said("oncostatin_m", "increases", "fibro_adipogenic_progenitor"),
                 said("tumor_necrosis_factor", "decreases", "fibro_adipogenic_progenitor",
                      doc="doc-b")) == set()


def test_a_term_called_obsolete_against_a_synonym_that_still_uses_it() -> None:
    obsolete = said("myositis_ossificans", "caution", "no longer widely used", text=True)
    uses_it = said("traumatic_heterotopic_ossification", "synonym_of",
                   "traumatic myositis ossificans", doc="doc-b", text=True)
    other_alias = said(HO, "synonym_of", "ectopic bone formation", doc="doc-b", text=True)
    assert kinds(obsolete, uses_it) == {"obsolete_term"}
    assert kinds(obsolete, other_alias) == set()
