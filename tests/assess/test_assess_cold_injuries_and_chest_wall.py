"""Records of patients set 112 (dev): a salicylate NSAID taken for amyloidosis, a mountain
guide's hypothermia and frostbite, a rancher's plated ribs.

Each case is a small record written for the test (no real patient) in the shape of a record
that was misread: diflunisal (ATC N02BA11, filed among the analgesics) is an NSAID the patient
already takes; ICD-10 T68 and T34 are read as hypothermia and frostbite; rib plating (ICD-10-PCS
0PS2…, CPT 21811) is an operation at the chest wall, which the sources never name among the
joints radiation is given for, so it opens no radiation window.
"""

from __future__ import annotations

from assess_support import record

from osteon import KnowledgeBase

ATC = "http://www.whocc.no/atc"
ICD10 = "http://hl7.org/fhir/sid/icd-10"


def test_diflunisal_is_an_nsaid_on_the_medication_list(seeded_kb: KnowledgeBase) -> None:
    result = seeded_kb.assess({"age": 63, "medications": [
        {"codes": [{"system": ATC, "code": "N02BA11", "display": "diflunisal"}],
         "text": "Diflunisal 250 mg twice daily", "status": "active"}], "procedures": [
        {"text": "Total knee arthroplasty, right knee", "date": "2033-11-23T09:00:00+00:00",
         "status": "planned"}]}, at="2033-11-21T15:00:00+00:00")
    notes = [n for i in result.prophylaxis for n in i.notes if "medication list" in n]
    assert any("Diflunisal" in n for n in notes), [(i.text, i.notes) for i in result.prophylaxis]


def test_cold_injuries_coded_in_icd_10_are_read() -> None:
    facts = record({"conditions": [
        {"codes": [{"system": ICD10, "code": "T68", "display": "Гипотермия"}],
         "date": "2033-01-16T14:00:00+03:00"},
        {"codes": [{"system": ICD10, "code": "T34.8", "display": "Отморожение стопы"}],
         "date": "2033-01-16T14:00:00+03:00"}]}).facts
    assert {"hypothermia", "frostbite"} <= {f.concept for f in facts}, [
        (f.concept, f.how) for f in facts]


def _ribs_plated(seeded_kb: KnowledgeBase, codes: list[dict[str, str]]):  # type: ignore[no-untyped-def]
    return seeded_kb.assess({"age": 58, "conditions": [
        {"text": "Flail chest, left ribs 4-7", "date": "2033-10-01T18:00:00-06:00"}],
        "procedures": [{"codes": codes, "text": "Rib fixation",
                        "date": "2033-10-02T10:00:00-06:00"}]},
        at="2033-10-03T16:00:00-06:00")


def test_plated_ribs_open_no_radiation_window(seeded_kb: KnowledgeBase) -> None:
    for codes in ([{"system": "http://www.cms.gov/Medicare/Coding/ICD10", "code": "0PS204Z",
                    "display": "Reposition 3 or More Ribs with Internal Fixation Device"}],
                  [{"system": "http://www.ama-assn.org/go/cpt", "code": "21811",
                    "display": "Open treatment of rib fracture(s) with internal fixation"}]):
        result = _ribs_plated(seeded_kb, codes)
        operations = [f for f in result.patient.facts if f.kind == "procedure"]
        assert any("chest_wall" in f.sites for f in operations), [
            (f.concept, f.sites) for f in operations]
        assert not [d for d in result.deadlines if "radiation" in d.what.casefold()], [
            (d.what, d.window.status) for d in result.deadlines]


def test_a_hip_plated_the_same_day_still_opens_it(seeded_kb: KnowledgeBase) -> None:
    result = _ribs_plated(seeded_kb, [{"system": "http://www.cms.gov/Medicare/Coding/ICD10",
                                      "code": "0QS604Z", "display": "Reposition Right Upper "
                                      "Femur with Internal Fixation Device"}])
    assert [d for d in result.deadlines if "radiation" in d.what.casefold()], [
        (d.what, d.window.status) for d in result.deadlines]
