"""Records of patients sets 114 and 116 (dev): a ballet student's Lisfranc fracture-dislocation,
fixed open, written in Russian; a heel bone fixed in Portugal.

Each case is a small record written for the test (no real patient) in the shape of the record
that was misread: "Открытая репозиция и остеосинтез сустава Лисфранка" (open reduction and
fixation of the Lisfranc joint) was read as an operation of no site, so it opened a radiation
window, though the sources never name the foot among the joints radiation is given for; so did
"Osteossíntese do calcâneo" (the heel bone's name had been set aside, as it opens like the
Turkish "kalça", the hip, once spelled alike). The foot is read in the languages records use
(the midfoot's joints and the heel too), as the hip and the jaw are.
"""

from __future__ import annotations

import pytest

from osteon import KnowledgeBase
from osteon.assess.operation_names import joint_named, operation_named
from osteon.reading.lexicon import load_lexicon


@pytest.mark.parametrize("text", [
    "Открытая репозиция и остеосинтез сустава Лисфранка",
    "Osteosynthese Fuß rechts",
    "Ostéosynthèse du pied gauche",
    # the heel bone, which opens like the Turkish word for the hip once spelled alike
    "Osteossíntese do calcâneo direito",
    "Kalkaneusfraktur, Osteosynthese",
])
def test_a_fixation_of_the_foot_is_sited_at_the_foot(text: str) -> None:
    named = operation_named(text, load_lexicon())
    assert named is not None and named.joint == "foot", named


def test_a_verb_that_opens_like_a_word_for_the_foot_names_none() -> None:
    assert joint_named("ORIF stopped early", load_lexicon()) is None


def test_the_turkish_hip_is_still_the_hip() -> None:
    named = operation_named("Kalça protezi", load_lexicon())
    assert named is not None and named.joint == "hip", named


def _lisfranc_fixed(seeded_kb: KnowledgeBase, text: str):  # type: ignore[no-untyped-def]
    return seeded_kb.assess({"age": 19, "conditions": [
        {"text": "Lisfranc fracture-dislocation", "date": "2033-12-01T20:00:00+05:00"}],
        "procedures": [{"text": text, "date": "2033-12-02T10:00:00+05:00"}]},
        at="2033-12-03T16:00:00+05:00")


def test_a_fixed_lisfranc_joint_opens_no_radiation_window(seeded_kb: KnowledgeBase) -> None:
    result = _lisfranc_fixed(seeded_kb, "Открытая репозиция и остеосинтез сустава Лисфранка")
    assert not [d for d in result.deadlines if "radiation" in d.what.casefold()], [
        (d.what, d.window.status) for d in result.deadlines]


def test_a_hip_fixed_the_same_way_still_opens_it(seeded_kb: KnowledgeBase) -> None:
    result = _lisfranc_fixed(seeded_kb, "Эндопротезирование тазобедренного сустава")
    assert [d for d in result.deadlines if "radiation" in d.what.casefold()], [
        (d.what, d.window.status) for d in result.deadlines]
