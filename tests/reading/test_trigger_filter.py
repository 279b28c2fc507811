"""The trigger prefilter only ever skips regexes that could not have matched."""

from __future__ import annotations

import pytest

from osteon.reading.relation_rules import compiled, relation_rules
from osteon.reading.trigger_filter import may_match, required_literals

PARAPHRASES = [
    "Heterotopic ossification is a common complication of total hip arthroplasty.",
    "Radiotherapy and NSAIDs are both effective for the prophylaxis of HO.",
    "The swelling tends to be proximal, with little or no foot edema.",
    "IL\u20111\u03b2 and OSM bind to their cognate receptors OSMR and IL1R1.",
]


def test_required_literals_of_simple_patterns():
    assert required_literals(r"\bdifferential diagnosis (?:includes|of)\b") == {
        "differential diagnosis "}
    assert required_literals(r"\b(?:caused by|due to)\b") == {"caused by", "due to"}
    assert required_literals(r"\b(?:a|b)\b") is None  # too short to filter on


@pytest.mark.parametrize("rule", relation_rules().rules, ids=lambda r: r.id)
def test_prefilter_never_hides_a_match(rule, seeded_kb):
    literals = required_literals(rule.trigger)
    trigger = compiled(rule.trigger)
    texts = [s.text for d in seeded_kb.sources() for s in seeded_kb.document(d.id).sentences]
    for text in texts + PARAPHRASES:
        if trigger.search(text):
            assert may_match(literals, text.casefold()), (rule.id, text)
