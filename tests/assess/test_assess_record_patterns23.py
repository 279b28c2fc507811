"""Records in other languages (issue 15): the word for "suspected" or "not" in many of them,
a stroke alert named in the plural, a heel bone that is no hip, a body site's code, and an
unplaced fixation on the day of an osteotomy.

Each note or entry is written for the test (no real patient). Before, "Misstänkt stroke"
and "ej stroke" read a stroke as present, "calcáneo" opened with the Turkish word for the hip,
and an excision coded at "Hand structure" with a Spanish site text was at no known site.
"""

from __future__ import annotations

import pytest
from assess_support import record, searchset, statuses

from osteon.assess.operation_names import operation_named
from osteon.reading.lexicon import load_lexicon

NOTE_DAY = "2026-11-19T10:00:00Z"


def _read(text: str) -> dict[str, set[str]]:
    return statuses({"notes": [{"text": text, "date": NOTE_DAY}]})


@pytest.mark.parametrize("written", [
    "Misstänkt heterotop ossifikation i höger höft.",        # Swedish
    "Möjlig heterotop ossifikation i höger höft.",
    "Sospetta ossificazione eterotopica dell'anca.",          # Italian
    "Suspeita de ossificação heterotópica.",                 # Portuguese
    "Sospecha de osificación heterotópica de cadera."])      # Spanish
def test_a_suspected_finding_in_another_language_stays_possible(written: str) -> None:
    assert _read(written).get("heterotopic_ossification") == {"possible"}


@pytest.mark.parametrize("written", ["Bedömning: migränattack, ej stroke.",
                                     "Bedömning: migränattack, inte stroke."])
def test_swedish_not_denies_what_follows(written: str) -> None:
    assert _read(written).get("stroke") == {"absent"}


def test_stroke_alerts_in_the_plural_name_no_stroke() -> None:
    assert "stroke" not in _read("Note for future stroke alerts: the family carries a "
                                 "migraine gene.")


@pytest.mark.parametrize("written", ["Osteosíntesis de calcáneo derecho",
                                     "Se resecan nódulos con material calcáreo"])
def test_the_heel_bone_and_chalk_are_no_hip(written: str) -> None:
    # (the heel bone is the foot's: tests/assess/test_assess_operations_on_the_foot.py)
    named = operation_named(written, load_lexicon())
    assert named is None or named.joint in (None, "foot"), named


def test_a_coded_body_site_places_an_operation_named_in_another_language() -> None:
    bundle = searchset({
        "resourceType": "Procedure", "id": "op", "status": "completed",
        "code": {"text": "Exéresis de nódulos del dorso de la mano derecha"},
        "performedDateTime": "2026-11-18T09:00:00Z",
        "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "85562004",
                                  "display": "Hand structure"}],
                      "text": "Dorso de la mano derecha"}]})
    sites = {s for f in record(bundle).facts if f.source == "Procedure/op" for s in f.sites}
    assert "hand" in sites, sites


@pytest.mark.parametrize("written", ["Traumatisme crânien: non (examen normal)",
                                     "Kopfverletzung: nein, Fraktur: ja",
                                     "Head injury: no (GCS 15)"])
def test_a_label_answered_no_in_any_language_is_absent(written: str) -> None:
    assert _read(written).get("traumatic_brain_injury") == {"absent"}


def test_a_non_that_opens_a_word_negates_nothing() -> None:
    """"Fracture: non déplacée" is a fracture that is not displaced."""
    assert _read("Fracture: non déplacée du radius").get("fracture") == {"active"}


def test_a_czech_consult_query_is_possible() -> None:
    """"Dotaz na FOP" asks whether it is FOP."""
    found = _read("Konziliární vyšetření: Dotaz na FOP pro ektopickou kost u nohy.")
    assert found.get("fibrodysplasia_ossificans_progressiva") == {"possible"}, found


def test_an_unplaced_fixation_is_where_that_day_s_osteotomy_was(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    """"Fixace 2 šrouby (Scarf)" fixes the foot's osteotomy of that morning: no joint the
    sources name, so no radiation window (an unplaced operation alone would open one)."""
    day = "2026-11-18T09:00:00Z"
    record = {"age": 50, "procedures": [
        {"text": "Scarf osteotomy of the first metatarsal", "site": "foot", "date": day},
        {"text": "Fixace 2 šrouby", "date": day}]}
    result = seeded_kb.assess(record, at="2026-11-19T09:00:00Z")
    assert not any(d.window.anchor == "surgery" for d in result.deadlines), [
        d.sentence for d in result.deadlines]
    alone = {"age": 50, "procedures": [{"text": "Fixace 2 šrouby", "date": day}]}
    assert any(d.window.anchor == "surgery"
               for d in seeded_kb.assess(alone, at="2026-11-19T09:00:00Z").deadlines)
