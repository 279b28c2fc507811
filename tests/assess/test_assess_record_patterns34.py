"""Record patterns of patients94 (dev) and their kin (issue 15). Made-up records.

- A burn under a fifth of the body whose Condition's `severity` says "Severe" is the
  severe burn the sources say HO follows; a moderate one stays a burn.
- A date whose day and month are the same number ("10/10/2032") is one date whichever way
  it is read: the operation a note lists with it is of that day, not of the note's.
- A French record's radial head arthroplasty ("Arthroplastie de la tête radiale") is an
  elbow arthroplasty.
- What a Turkish record rules out ("… (heterotopik kemik) - dışlandı") is absent.
- A test named by the disease it looks for and reported negative ("TB PCR negative", "TB
  PCR negatif") denies that disease; a positive one names it.
- A ventilator-associated pneumonia written in Spanish, or coded J95.851 (filed under the
  complications of respiratory care), is a pneumonia.
"""

from __future__ import annotations

import pytest
from assess_support import record, searchset, statuses

AT = "2032-11-23T11:00:00+00:00"


def _burn(severity: str) -> dict:
    return searchset(
        {"resourceType": "Condition", "id": "burn",
         "clinicalStatus": {"coding": [{
             "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
             "code": "active"}]},
         "severity": {"coding": [{"system": "http://snomed.info/sct", "display": severity}],
                      "text": severity},
         "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "T31.1",
                              "display": "Burns involving 10-19% of body surface"}],
                  "text": "Flame burns 19 % TBSA, both forearms and the right elbow"},
         "onsetDateTime": "2032-11-05T20:40:00+00:00"}, gender="male")


def test_a_burn_the_record_calls_severe_is_a_severe_burn(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    result = seeded_kb.assess(_burn("Severe"), at=AT)
    assert "severe_burn" in {f.concept for f in result.patient.facts}
    assert any(r.subject == "severe_burn" for r in result.risk_factors), [
        r.subject for r in result.risk_factors]


def test_a_moderate_burn_stays_a_burn(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    result = seeded_kb.assess(_burn("Moderate"), at=AT)
    concepts = {f.concept for f in result.patient.facts}
    assert "burn" in concepts and "severe_burn" not in concepts, concepts


@pytest.mark.parametrize(("written", "day"), [("10/10/2026", "2026-10-10"),
                                              ("13/10/2026", "2026-10-13")])
def test_a_date_read_either_way_dates_what_a_note_lists(written: str, day: str) -> None:
    note = f"Operations: L distal humerus osteotomy {written} 16:00-19:00, Kos"
    facts = [f for f in record({"notes": [{"text": note, "date": "2026-10-14T09:30:00Z"}]}
                               ).facts if f.concept == "osteotomy"]
    assert facts and facts[0].when is not None and facts[0].when.date().isoformat() == day, [
        (f.when, f.how) for f in facts]


def test_a_date_of_two_readings_dates_nothing() -> None:
    note = "Operations: L distal humerus osteotomy 05/10/2026 16:00-19:00, Kos"
    facts = [f for f in record({"notes": [{"text": note, "date": "2026-10-14T09:30:00Z"}]}
                               ).facts if f.concept == "osteotomy"]
    assert facts and all(f.when is None or f.when.date().isoformat() not in (
        "2026-10-05", "2026-05-10") for f in facts), [(f.when, f.how) for f in facts]


@pytest.mark.parametrize("text", ["Arthroplastie de la tête radiale droite",
                                  "Prothèse de tête radiale, coude droit"])
def test_a_french_radial_head_arthroplasty_is_an_elbow_arthroplasty(text: str) -> None:
    found = statuses({"procedures": [{"text": text, "date": "2032-08-16T14:00:00+02:00"}]})
    assert found.get("elbow_arthroplasty") == {"active"}, found


def test_what_a_turkish_record_rules_out_is_absent() -> None:
    found = statuses({
        "conditions": [{"text": "Diffüz pulmoner ossifikasyon (heterotopik kemik) - dışlandı",
                        "status": "active"}],
        "notes": [{"text": "Milier TB, sarkoidoz ve pulmoner ossifikasyon dışlandı.",
                   "date": "2026-10-14T09:30:00Z"}]})
    assert found.get("heterotopic_ossification") == {"absent"}, found
    assert found.get("tuberculosis") == {"absent"}, found


def test_a_test_named_for_a_disease_and_negative_denies_it() -> None:
    for text in ("AFB smear negative, TB PCR negative.", "ARB negatif, TB PCR negatif."):
        found = statuses({"notes": [{"text": text, "date": "2026-10-14T09:30:00Z"}]})
        assert found.get("tuberculosis") == {"absent"}, (text, found)


def test_a_positive_test_still_names_the_disease() -> None:
    found = statuses({"notes": [{"text": "TB PCR positive.", "date": "2026-10-14T09:30:00Z"}]})
    assert found.get("tuberculosis") == {"active"}, found


@pytest.mark.parametrize("entry", [
    {"text": "Neumonía asociada a ventilación mecánica por Klebsiella oxytoca"},
    {"codes": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "J95.851"}]}])
def test_a_spanish_or_coded_ventilator_pneumonia_is_a_pneumonia(entry: dict) -> None:
    found = statuses({"conditions": [{**entry, "status": "active"}]})
    assert found.get("pneumonia") == {"active"}, found
