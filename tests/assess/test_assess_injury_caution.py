"""In FOP an injury is what sets off new bone: the sources' caution sits beside the order.

A patient with fibrodysplasia ossificans progressiva (or its kin) and a planned biopsy,
intramuscular injection, operation or dental procedure gets what the sources say of
such injuries in FOP, quoted and cited, in `cautions` and on the CDS card, naming the
order it is about. A patient without FOP gets none of it; one with FOP and no injury to
come gets it as a standing caution (`standing-injury-caution`), about no order.
Made-up sources and patients.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from osteon import KnowledgeBase
from osteon.web.cds.cards import cards_for

AT = "2026-05-04T12:00:00Z"
SOURCE = "\n\n".join([
    "Living with stone man syndrome",
    "Fibrodysplasia ossificans progressiva",
    "In fibrodysplasia ossificans progressiva, intramuscular injections, biopsies and other "
    "invasive procedures are strongly advised against.",
    "In FOP, minor trauma can trigger flare-ups.",
    "Stone man syndrome is rare; it is also called FOP, a disorder that makes injured tissues "
    "to be turned into heterotopic bone.",
    "In FOP, dental work under local anaesthesia is not contraindicated.",
    "Heterotopic ossification after hip replacement",
    "Hip surgery raises the risk of heterotopic ossification.",
    "Heterotopic ossification can be caused by trauma.",
    "Fibrodysplasia ossificans progressiva",
    "In fibrodysplasia ossificans progressiva, heterotopic ossification can be caused by trauma.",
]) + "\n"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    home = tmp_path_factory.mktemp("fop_cautions")
    paper = home / "stone_man.txt"
    paper.write_text(SOURCE)
    with KnowledgeBase.open(home / "store") as kb:
        kb.ingest([paper])
        yield kb


def patient(*procedures: dict[str, Any], fop: bool = True) -> dict[str, Any]:
    conditions = [{"text": "fibrodysplasia ossificans progressiva", "date": "2012-01-01"}] \
        if fop else [{"text": "osteoarthritis of hip", "date": "2020-01-01"}]
    return {"id": "made-up", "age": 19, "sex": "female", "conditions": conditions,
            "procedures": list(procedures)}


def injury_items(result) -> list:
    return [i for i in result.cautions if i.rule == "injury-caution"]


def test_a_planned_intramuscular_injection_in_fop_brings_the_caution_beside_it(kb):
    result = kb.assess(patient({"text": "intramuscular injection", "status": "planned",
                                "date": "2026-05-06"}), at=AT)
    items = injury_items(result)
    said = {i.subject: i for i in items}
    assert {"intramuscular_injection", "trauma"} <= set(said)
    # one sentence naming injections, biopsies and invasive procedures is quoted once
    assert len({i.statement.citations[0].sentence_text for i in items}) == len(items)
    first = said["intramuscular_injection"]
    assert "strongly advised against" in first.text  # the source's own words
    assert first.text.startswith("Intramuscular injection: ")
    assert all(any("intramuscular injection" in m and "planned" in m for m in i.matched)
               for i in items)
    cite = first.statement.citations[0]
    assert "advised against" in cite.sentence_text and cite.quote
    # the injury turned into bone, said of FOP only, is quoted too
    assert any("injured tissues" in i.text for i in items if i.subject == "trauma")
    # "trauma causes HO" is said of acquired HO too: not quoted as what is said of FOP
    assert not any(i.predicate == "risk_factor_for" and i.object == "heterotopic_ossification"
                   for i in items)
    # "not contraindicated" is no caution, and no item is about another kind of procedure
    assert "dental_procedure" not in said and "biopsy" not in said


def test_a_planned_biopsy_gets_what_is_said_of_biopsies_and_of_any_injury(kb):
    result = kb.assess(patient({"text": "needle biopsy of the back", "status": "planned"}),
                       at=AT)
    subjects = {i.subject for i in injury_items(result)}
    assert {"biopsy", "trauma"} <= subjects
    assert "intramuscular_injection" not in subjects


def test_the_cds_card_says_which_order_the_caution_is_about(kb):
    result = kb.assess(patient({"text": "dental extraction", "status": "planned"}), at=AT)
    assert {i.subject for i in injury_items(result)} >= {"invasive_procedure", "trauma"}
    card = next(c for c in cards_for(result, ["cautions"], "https://osteon.example")
                if "caution" in c.summary.casefold())
    assert "Applies to: dental extraction" in card.detail
    assert card.indicator == "warning"  # the section's usual "info" is raised
    assert "advised against" in card.detail
    assert len(card.summary) <= 140


def test_no_injury_caution_without_fop_or_without_an_injury_to_come(kb):
    operated = kb.assess(patient({"text": "intramuscular injection", "status": "planned"},
                                 {"text": "hip surgery", "status": "planned"}, fop=False),
                         at=AT)
    assert not injury_items(operated)
    assert not any("advised against" in i.text for i in operated.items())
    quiet = kb.assess(patient(), at=AT)
    assert not injury_items(quiet)


def test_an_injury_done_long_ago_is_no_order_to_caution(kb):
    result = kb.assess(patient({"text": "needle biopsy", "date": "2019-02-01"}), at=AT)
    assert not injury_items(result)


def test_a_source_that_says_it_of_hip_surgery_is_no_caution_in_fop(kb, tmp_path: Path):
    result = kb.assess(patient({"text": "hip surgery", "status": "planned"}), at=AT)
    assert all(i.subject != "hip_surgery" for i in injury_items(result))


def bundle(*immunizations: dict[str, Any]) -> dict[str, Any]:
    resources = [{"resourceType": "Patient", "id": "p", "gender": "male",
                  "birthDate": "2008-02-02"},
                 {"resourceType": "Condition", "id": "c", "subject": {"reference": "Patient/p"},
                  "code": {"text": "fibrodysplasia ossificans progressiva"}}]
    resources += [{"resourceType": "Immunization", "id": f"i{n}",
                   "patient": {"reference": "Patient/p"}, **i}
                  for n, i in enumerate(immunizations)]
    return {"resourceType": "Bundle", "type": "collection",
            "entry": [{"resource": r} for r in resources]}


def test_an_intramuscular_vaccine_given_or_due_is_an_injury_in_fop(kb):
    given = {"status": "completed", "occurrenceDateTime": "2026-05-01",
             "vaccineCode": {"text": "tetanus and diphtheria toxoids"},
             "route": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/"
                                             "v3-RouteOfAdministration", "code": "IM"}]}}
    due = {"status": "not-done", "occurrenceDateTime": "2026-05-05",
           "vaccineCode": {"text": "influenza vaccine IM"}}
    oral = {"status": "completed", "occurrenceDateTime": "2026-05-02",
            "vaccineCode": {"text": "oral cholera vaccine"}}
    result = kb.assess(bundle(given, due, oral), at=AT)
    injections = [f for f in result.patient.facts if f.concept == "intramuscular_injection"]
    assert sorted(f.status for f in injections) == ["active", "planned"]
    caution = next(i for i in injury_items(result) if i.subject == "intramuscular_injection")
    assert len(caution.matched) == 2 and "advised against" in caution.text
    assert any("Immunization ×1" in w for w in result.warnings)  # the oral one: not used


def test_a_fall_coded_only_by_its_external_cause_is_an_injury_in_fop(kb):
    # "Fall on and from playground equipment" (ICD-10-CM W09.0XXA) two days ago
    fall = {"text": "Fall from playground slide, hit upper back", "date": "2026-05-02",
            "codes": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "W09.0XXA"}]}
    record = patient()
    record["conditions"].append(fall)
    result = kb.assess(record, at=AT)
    items = injury_items(result)
    assert any(i.subject == "trauma" for i in items)
    assert all(any("playground" in m for m in i.matched) for i in items)
    assert not result.patient.not_recognised


def test_an_order_to_give_a_vaccine_into_a_muscle_is_an_injury_in_fop(kb):
    # chart shorthand: "IM" is no word the lexicon can match; the order's words name the route
    record = bundle()
    record["entry"] += [
        {"resource": {"resourceType": "ServiceRequest", "id": "s1", "status": "active",
                      "intent": "order", "subject": {"reference": "Patient/p"},
                      "code": {"text": "Influenza vaccine IM, R deltoid"}}},
        {"resource": {"resourceType": "ServiceRequest", "id": "s2", "status": "active",
                      "intent": "order", "subject": {"reference": "Patient/p"},
                      "code": {"text": "Rotavirus vaccine by mouth"}}}]
    result = kb.assess(record, at=AT)
    [injection] = [f for f in result.patient.facts if f.concept == "intramuscular_injection"]
    assert injection.status == "planned"
    caution = next(i for i in injury_items(result) if i.subject == "intramuscular_injection")
    assert "advised against" in caution.text


def medication_order(text: str, *, cvx: str | None = None, route: str | None = None,
                     kind: str = "MedicationRequest", status: str = "active"
                     ) -> dict[str, Any]:
    concept: dict[str, Any] = {"text": text}
    if cvx:
        concept["coding"] = [{"system": "http://hl7.org/fhir/sid/cvx", "code": cvx}]
    dosage = [{"text": "once", **({"route": {"coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration",
        "code": route}]}} if route else {})}]
    resource: dict[str, Any] = {"resourceType": kind, "id": f"m{abs(hash(text)) % 10**6}",
                                "status": status, "subject": {"reference": "Patient/p"},
                                "medicationCodeableConcept": concept}
    if kind == "MedicationRequest":
        resource |= {"intent": "order", "authoredOn": "2026-05-04",
                     "dosageInstruction": dosage}
    else:
        resource |= {"effectiveDateTime": "2026-04-01", "dosage": dosage}
    return {"resource": resource}


def test_a_vaccine_ordered_as_a_medication_into_a_muscle_is_an_injury_in_fop(kb):
    # many EHRs send a vaccine order as a MedicationRequest, coded in CVX by brand name
    record = bundle()
    record["entry"] += [
        medication_order("Boostrix 0.5 mL IM, L deltoid", cvx="115"),
        medication_order("hepatitis A vaccine", route="IM", kind="MedicationStatement"),
        medication_order("rotavirus vaccine", cvx="119", route="PO"),
        medication_order("ketorolac 30 mg IM")]
    result = kb.assess(record, at=AT)
    injections = [f for f in result.patient.facts if f.concept == "intramuscular_injection"]
    assert sorted(f.status for f in injections) == ["active", "planned"]
    assert any(f.concept == "ketorolac" for f in result.patient.facts)  # a drug stays a drug
    caution = next(i for i in injury_items(result) if i.subject == "intramuscular_injection")
    assert len(caution.matched) == 2


def test_an_order_to_the_dentist_is_a_planned_dental_procedure(kb):
    # the order names the tooth in dental notation and the service it goes to
    result = kb.assess(patient({"text": "Extraction of over-retained LLE under LA - "
                                        "Paediatric Dentistry", "status": "planned",
                                "date": "2026-05-06"}), at=AT)
    facts = {f.concept: f.status for f in result.patient.facts}
    assert facts.get("dental_procedure") == "planned"
    assert {i.subject for i in injury_items(result)} >= {"invasive_procedure", "trauma"}


def test_fop_without_an_injury_to_come_gets_the_caution_as_a_standing_one(kb):
    result = kb.assess(patient(), at=AT)
    standing = [i for i in result.cautions if i.rule == "standing-injury-caution"]
    assert any("advised against" in i.text for i in standing)
    assert any("injured tissues" in i.text for i in standing)
    assert not any("not contraindicated" in i.text for i in result.cautions)
    # said of acquired HO too ("can be caused by trauma"): not a caution for FOP
    assert not any(i.predicate == "risk_factor_for" for i in standing)
    assert not kb.assess(patient(fop=False), at=AT).cautions


def test_fop_with_risk_but_no_prophylaxis_does_not_read_as_no_risk(kb):
    from osteon.assess.render import RENDERERS

    result = kb.assess(patient(), at=AT)
    assert result.risk_factors and not result.prophylaxis
    text = RENDERERS["md"].write(result)
    prophylaxis = text.split("## Prophylaxis", 1)[1].split("##", 1)[0]
    assert "no risk factor found" not in prophylaxis
    assert "no prophylaxis for the risk factors found" in prophylaxis
    page = RENDERERS["html"].write(result)
    assert "no prophylaxis for the risk factors found" in page
    assert "no risk factor found" not in page
    # without risk factors, the section still says there are none
    assert "no risk factor found" in RENDERERS["md"].write(
        kb.assess({"id": "quiet", "age": 30, "conditions": []}, at=AT))
