"""Records of patients set 50 (dev): a verdict of "ruled out" written after a list, in the
languages of records osteon had not read.

Each case is a small record written for the test (no real patient) in the shape of a record
that was misread, with the fact it must give.
"""

from __future__ import annotations

import pytest
from assess_support import statuses


@pytest.mark.parametrize("text", [
    # Lithuanian: the verdict closes a list of three
    "HO, kalcifikuojantis tendinitas ir GVT atmesti",
    # Latvian, Estonian, Czech, Hungarian, Russian, Finnish
    "Heterotopā osifikācija (HO) izslēgta",
    "Heterotoopne ossifikatsioon (HO) välistatud",
    "Heterotopická osifikace (HO) vyloučena",
    "Heterotóp csontosodás (HO) kizárva",
    "Гетеротопическая оссификация (HO) исключена",
    "Heterotooppinen luutuminen (HO) poissuljettu",
])
def test_a_verdict_written_after_the_diagnosis_denies_it(text):  # type: ignore[no-untyped-def]
    found = statuses({"notes": [text]})
    assert found.get("heterotopic_ossification") == {"absent"}, found


def test_a_list_before_an_unrelated_verb_is_still_present():  # type: ignore[no-untyped-def]
    found = statuses({"notes": ["HO of the right hip, seen on CT; bone scan atmesti"]})
    # the verdict's longer reach stops where the clause does: a scan ruled out after a
    # semicolon says nothing of the HO before it
    assert found.get("heterotopic_ossification") == {"active"}, found
