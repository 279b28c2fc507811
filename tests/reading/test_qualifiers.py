"""A claim's qualifiers are one frozen, typed record; JSON only where the stores keep it."""

from __future__ import annotations

import json

import pytest

from osteon.datafiles import load_yaml, parse_model
from osteon.errors import DataFileError
from osteon.knowledge.claim_store import qualifiers_json, row_to_claim
from osteon.reading.claim_assembly import with_qualifiers
from osteon.reading.lexicon import load_lexicon
from osteon.reading.records import (
    Claim,
    Evidence,
    Figure,
    Mention,
    Qualifiers,
    Quantity,
    Scope,
    SentenceSetting,
)
from osteon.reading.relation_rules import RelationRules

EVIDENCE = Evidence("d", 0, None, 0, 1, 0, 10, "x")
SETTING = SentenceSetting(doc_id="d", sentence_idx=0, sentence_start=0, sentence_kind="text",
                          model_context="mouse model")


def test_qualifiers_keep_the_stored_json_shape_and_read_back_equal():
    quals = Qualifiers(quantity=Figure("40%", 40, 40, "%"),
                       timing=Figure("within 72 hours", 0, 72, "hour", relation="within",
                                     anchor="surgery", approximate=True),
                       sites=("hip",), context="mouse model", via="mutation")
    assert quals.as_dict() == {
        "quantity": {"text": "40%", "low": 40, "high": 40, "unit": "%"},
        "timing": {"text": "within 72 hours", "low": 0, "high": 72, "unit": "hour",
                   "relation": "within", "anchor": "surgery", "approximate": True},
        "site": ["hip"], "context": "mouse model", "via": "mutation"}
    assert Qualifiers.from_dict(json.loads(json.dumps(quals.as_dict()))) == quals
    assert Qualifiers().as_dict() == {} and Qualifiers.from_dict({}) == Qualifiers()


def test_a_claim_goes_through_the_claims_table_unchanged():
    claim = Claim("nsaid", "prevents", "heterotopic_ossification", "asserted", EVIDENCE,
                  qualifiers=Qualifiers(dose=Figure("75 mg", 75, 75, "mg")), rule="r",
                  scope=Scope(family=("acquired",)))
    stored = qualifiers_json(claim)
    assert json.loads(stored)["scope"] == {"family": ["acquired"]}
    back = row_to_claim(("d", 0, claim.subject, claim.predicate, claim.object, 0,
                         claim.polarity, stored, None, 0, 1, 0, 10, "x", "r"))
    assert back == claim


def test_attaching_qualifiers_builds_new_claims_and_leaves_the_given_ones_alone():
    text = "Injured muscle releases oncostatin M near the hip in 40% of mice."
    mentions = [Mention("injured_muscle", 0, 14, "Injured muscle"),
                Mention("oncostatin_m", 24, 36, "oncostatin M"), Mention("hip", 46, 49, "hip")]
    shared = Qualifiers(via="mutation")
    first = Claim("injured_muscle", "produces", "oncostatin_m", "asserted", EVIDENCE,
                  qualifiers=shared)
    second = Claim("injured_muscle", "risk_factor_for", "heterotopic_ossification", "asserted",
                   EVIDENCE, qualifiers=shared)
    figure = Quantity("proportion", 40, 40, "%", "40%", 53, 56)
    out = with_qualifiers([first, second], [figure], mentions, load_lexicon(), SETTING, text)
    assert first.qualifiers is shared and shared == Qualifiers(via="mutation")
    assert out[0].qualifiers.quantity is None  # "produces" carries no proportion
    assert out[1].qualifiers.quantity == Figure("40%", 40, 40, "%")
    assert all(c.qualifiers.context == "mouse model" and c.qualifiers.via == "mutation"
               for c in out)
    with pytest.raises(AttributeError):
        out[0].qualifiers.context = None  # type: ignore[misc]


def test_a_typo_in_a_rules_qualifier_is_refused_at_load():
    raw = load_yaml("reading", "relations.yaml")
    rule = next(r for r in raw["rules"] if r.get("qualifiers"))
    rule["qualifiers"] = {"vai": "mutation"}
    with pytest.raises(DataFileError) as caught:
        parse_model(RelationRules, raw, "data/reading/relations.yaml")
    assert f"rule {rule['id']!r}" in str(caught.value)
    assert "unknown field 'vai' (did you mean 'via'?)" in caught.value.reason


def test_the_experimental_setting_is_labelled_as_every_stage_reads_it():
    raw = load_yaml("reading", "relations.yaml")
    raw["model_context"] = {"murine model": raw["model_context"]["mouse model"]}
    with pytest.raises(DataFileError, match="labelled 'mouse model'"):
        parse_model(RelationRules, raw, "data/reading/relations.yaml")
