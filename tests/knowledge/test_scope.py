"""Scope: the condition family, population and species a claim is restricted to.

Sentences are our own; each test names what the words restrict the statement to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from osteon import KnowledgeBase
from osteon.knowledge.hierarchy import Hierarchy
from osteon.knowledge.scope import MOUSE_MODEL, scope_fits, scope_of_claims
from osteon.reading.lexicon import load_lexicon
from osteon.reading.records import Claim, Scope

PAGES = {
    "fop.md": "# Living with a rare bone disease\n\n"
              "Palovarotene treats fibrodysplasia ossificans progressiva.\n",
    "hip.md": "# Preventing bone in muscle\n\n"
              "Indomethacin prevents heterotopic ossification after total hip arthroplasty.\n"
              "Spinal cord injury raises the risk of heterotopic ossification.\n\n"
              "## SCI patients\n\n"
              "Etidronate prevents heterotopic ossification.\n",
    "rats.md": "# An experiment\n\n"
               "In a rat model, spinal cord injury causes heterotopic ossification. "
               "In this model, ruxolitinib reduces heterotopic ossification.\n",
    "sites.md": "# Where it forms\n\n"
                "Stroke or severe burn: heterotopic ossification occurs in the elbow.\n"
                "In patients who had fractures or spinal fusion, alkaline phosphatase is not "
                "useful for heterotopic ossification.\n"
                "In SCI and TBI patients, physical therapy treats heterotopic ossification.\n"
                "Patients with burns, stroke or traumatic amputation are at risk for "
                "heterotopic ossification.\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    folder = tmp_path_factory.mktemp("scope")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    base = KnowledgeBase.open(folder / "osteon.sqlite", default_corpus=False)
    base.ingest(sorted(folder.glob("*.md")))
    yield base
    base.close()


@pytest.fixture
def claim(kb: KnowledgeBase) -> Callable[[str, str, str], Claim]:
    def find(subject: str, predicate: str, obj: str) -> Claim:
        found = [c for c in kb.claims() if (c.subject, c.predicate, c.object)
                 == (subject, predicate, obj)]
        assert found, [(c.subject, c.predicate, c.object) for c in kb.claims()]
        return found[0]

    return find


def test_a_sentence_about_fop_treatment_is_genetic(claim) -> None:
    scope = claim("palovarotene", "treats", "fibrodysplasia_ossificans_progressiva").scope
    assert scope.family == ("genetic",)
    assert not scope.population and not scope.species


def test_after_total_hip_arthroplasty_is_the_population(claim) -> None:
    scope = claim("indomethacin", "prevents",
                  "post_arthroplasty_heterotopic_ossification").scope
    assert scope.population == ("total_hip_arthroplasty",)
    assert scope.family == ("acquired",)


def test_a_heading_restricts_the_claims_of_its_section(claim) -> None:
    scope = claim("etidronate", "prevents", "heterotopic_ossification").scope
    assert scope.population == ("spinal_cord_injury",)


def test_a_list_items_label_restricts_it_like_a_heading(claim) -> None:
    scope = claim("heterotopic_ossification", "occurs_at_site", "elbow").scope
    assert scope.population == ("stroke", "severe_burn")


def test_events_listed_together_restrict_together(claim) -> None:
    listed = claim("alkaline_phosphatase", "not_useful_for_diagnosis",
                   "heterotopic_ossification").scope
    assert listed.population == ("fracture", "spinal_fusion")
    before_patients = claim("physical_therapy", "treats", "heterotopic_ossification").scope
    assert set(before_patients.population) == {"spinal_cord_injury", "traumatic_brain_injury"}


def test_a_cause_is_not_its_own_population(claim) -> None:
    scope = claim("spinal_cord_injury", "risk_factor_for", "heterotopic_ossification").scope
    assert scope.population == ()
    # nor are the events listed beside it ("burns, stroke or traumatic amputation")
    assert claim("traumatic_amputation", "risk_factor_for",
                 "heterotopic_ossification").scope.population == ()
    assert scope.family == ("acquired",)  # an index event names acquired HO


def test_the_mouse_experiments_of_seed_004_are_mouse(seeded_kb: KnowledgeBase) -> None:
    mouse = [c for c in seeded_kb.claims(doc_id=seeded_kb.store.ids()[4])
             if c.qualifiers.context == MOUSE_MODEL]
    assert mouse and all(c.scope.species == ("mouse",) for c in mouse)
    ruxolitinib = [c for c in mouse if c.subject == "ruxolitinib" and c.predicate == "prevents"]
    assert ruxolitinib
    clinical = [c for c in seeded_kb.claims() if not c.qualifiers.context]
    assert clinical and not any(c.scope.species for c in clinical)


def test_a_paragraph_about_rats_is_about_rats(claim) -> None:
    assert claim("ruxolitinib", "prevents", "heterotopic_ossification").scope.species == ("rat",)


def test_an_assertion_carries_the_union_of_its_claims_scopes(kb: KnowledgeBase) -> None:
    facts = {(f.assertion.subject, f.assertion.object): f for f in kb.facts()}
    fact = facts[("etidronate", "heterotopic_ossification")]
    assert fact.scope == scope_of_claims(fact.claims) == Scope(("acquired",),
                                                               ("spinal_cord_injury",))
    assert facts[("palovarotene", "fibrodysplasia_ossificans_progressiva")].scope.family == (
        "genetic",)


def test_scope_survives_a_reopened_store(kb: KnowledgeBase) -> None:
    again = KnowledgeBase.open(kb.store.path, default_corpus=False)
    try:
        assert any(c.scope.population == ("spinal_cord_injury",) for c in again.claims())
    finally:
        again.close()


def test_what_fits_a_question() -> None:
    hierarchy = Hierarchy(load_lexicon())
    after_tha = Scope(("acquired",), ("total_hip_arthroplasty",))
    assert scope_fits(after_tha, Scope(population=("hip_arthroplasty",)), hierarchy)
    assert not scope_fits(after_tha, Scope(population=("spinal_cord_injury",)), hierarchy)
    assert not scope_fits(after_tha, Scope(family=("genetic",)), hierarchy)
    assert scope_fits(Scope(), Scope(("genetic",), ("burn",), ("mouse",)), hierarchy)
    assert not scope_fits(Scope(species=("mouse",)), Scope(species=("rat",)))


def test_scope_round_trips_through_json() -> None:
    scope = Scope(("genetic", "acquired"), ("burn",), ("mouse",))
    assert Scope.from_dict(scope.as_dict()) == scope
    assert Scope.from_dict(None) == Scope() and not Scope()


def test_scope_rules_name_only_known_concepts(tmp_path: Path) -> None:
    from osteon.reading.scope import ScopeReader, scope_rules

    rules = scope_rules()
    broken = rules.model_copy(update={"families": {"genetic": ("no_such_concept",)}})
    with pytest.raises(ValueError, match="no_such_concept"):
        ScopeReader(load_lexicon(), broken)
