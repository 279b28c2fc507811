"""Operations and findings as records in other languages and other specialties name them
(issue 15; the records of patients108: a Romanian burns unit, a Nepali prolapse camp, a
Greek FOP flare).

A spine held with pedicle screws ("Stabilizare posterioară … cu șuruburi pediculare") was
read as nothing, so the operation was no surgical risk; the cervix cut away in a Manchester
repair ("amputation of the cervix") was read as a limb's amputation, a risk the sources give
amputees; a warm, swollen thigh in Greek ("θερμή … διόγκωση") was no finding, so no
differential was offered.
"""

from __future__ import annotations

from typing import Any

from assess_support import statuses

from osteon import KnowledgeBase

AT = "2033-07-17T18:00:00Z"


def _operation(text: str) -> dict[str, Any]:
    return {"procedures": [{"text": text, "date": "2033-07-16T08:00:00Z",
                            "end": "2033-07-16T10:00:00Z"}]}


def test_a_spine_fixed_with_pedicle_screws_is_spinal_surgery_and_a_risk(
        seeded_kb: KnowledgeBase) -> None:
    patient = _operation("Stabilizare posterioară T12-L2 cu șuruburi pediculare (percutanat)")
    assert "spinal_instrumentation" in statuses(patient)
    result = seeded_kb.assess(patient, at=AT)
    assert any("surgery" in r.text.lower() for r in result.risk_factors), [
        r.text for r in result.risk_factors]


def test_a_romanian_skin_graft_is_recognised() -> None:
    assert "skin_graft" in statuses(_operation(
        "Excizie tangențială și grefe de piele despicată - coapsa dreaptă"))


def test_the_cervix_cut_away_is_no_limb_amputation(seeded_kb: KnowledgeBase) -> None:
    patient = _operation("Manchester (Fothergill) repair: amputation of the cervix, anterior "
                         "colporrhaphy")
    assert "cervical_amputation" in statuses(patient)
    assert "amputation" not in statuses(patient)
    result = seeded_kb.assess(patient, at=AT)
    assert not any("amputation" in r.text.lower() for r in result.risk_factors), [
        r.text for r in result.risk_factors]


def test_a_limb_amputation_is_still_a_risk(seeded_kb: KnowledgeBase) -> None:
    result = seeded_kb.assess(_operation("Above-knee amputation of the left leg"), at=AT)
    assert any("amputation" in r.text.lower() for r in result.risk_factors), [
        r.text for r in result.risk_factors]


def test_a_greek_warm_swollen_thigh_brings_the_differential(seeded_kb: KnowledgeBase) -> None:
    patient = {"findings": [{"text": "Επώδυνη, θερμή, σκληρή διόγκωση του δεξιού μηρού",
                             "date": "2033-07-17"}]}
    result = seeded_kb.assess(patient, at=AT)
    assert [i for i in result.differential if "hrombophlebitis" in i.text], [
        i.text for i in result.differential]
