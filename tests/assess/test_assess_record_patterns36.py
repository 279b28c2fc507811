"""Record patterns of patients100 and patients96 (dev), and their kin (issue 15).
Made-up records.

- A concussion (ICD-10-CM S06.0, a mild brain injury) is trauma, not one of the severe
  brain injuries the sources say neurogenic HO follows: recent or possible, it raises no
  brain-injury risk; a subdural haematoma (S06.5) still does.
- Findings records state in their own languages are read with their status: "posible
  hipoacusia neurosensorial" a possible hearing loss, "Lésion aortique éliminée" a ruled-out
  aortic injury, "possible cervical lymphadenitis" a possible one, "Lesión por inhalación"
  refuted an absent inhalation injury, a "soft-tissue sarcoma" ruled out an absent one.
"""

from __future__ import annotations

import pytest
from assess_support import statuses

AT = "2033-05-16T10:00:00Z"
BRAIN = {"traumatic_brain_injury", "central_nervous_system_injury", "neurological_condition"}


def _injured_head(code: str, text: str, status: str = "active") -> dict:
    return {"injuries": [{"text": text, "codes": [{"system": "ICD-10-CM", "code": code}],
                          "date": "2033-05-14T01:30:00Z", "status": status}]}


@pytest.mark.parametrize("status", ["active", "possible"])
def test_a_concussion_is_trauma_but_no_brain_injury_risk(seeded_kb, status: str) -> None:  # type: ignore[no-untyped-def]
    result = seeded_kb.assess(_injured_head("S06.0X0A", "Concussion, brief confusion", status),
                              at=AT)
    risks = {r.subject for r in result.risk_factors}
    assert not BRAIN & risks, risks


def test_a_concussion_code_is_read_as_a_concussion() -> None:
    found = statuses(_injured_head("S06.0X0A", "Head injury"))
    assert "concussion" in found and "traumatic_brain_injury" not in found, found


def test_a_subdural_haematoma_is_still_a_brain_injury_risk(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    result = seeded_kb.assess(_injured_head("S06.5X0A", "Traumatic subdural haemorrhage"), at=AT)
    risks = {r.subject for r in result.risk_factors}
    assert "traumatic_brain_injury" in risks, risks


@pytest.mark.parametrize(("text", "concept", "status"), [
    ("Posible hipoacusia neurosensorial derecha; audiometría pendiente.", "hearing_loss",
     "possible"),
    ("Contusion myocardique possible. Lésion aortique éliminée.", "aortic_injury", "absent"),
    ("Tender right neck nodes: possible cervical lymphadenitis.", "lymphadenopathy",
     "possible"),
    ("MRI: benign-looking mass, soft-tissue sarcoma ruled out.", "sarcoma", "absent"),
])
def test_findings_in_a_records_languages_are_read_with_their_status(
        text: str, concept: str, status: str) -> None:
    found = statuses({"notes": [{"text": text, "date": "2033-05-15T09:00:00Z"}]})
    assert found.get(concept) == {status}, found


def test_a_refuted_inhalation_injury_coded_in_spanish_is_absent() -> None:
    found = statuses({"conditions": [{
        "text": "Lesión por inhalación", "status": "absent",
        "codes": [{"system": "ICD-10-CM", "code": "T27.3XXA"}]}]})
    assert found.get("inhalation_injury") == {"absent"}, found
