"""How records outside the English-coded mainstream name what was done (issue 15, dev set
patients28): an operation with no code but its note, a fixation "in situ", French and
Catalan names of an operation and a drug, an NSAID coded by ATC only, and a code the text
takes back. Each case is a small record written for the test (no real patient).
"""

from __future__ import annotations

from typing import Any

import pytest
from assess_support import record, searchset

from osteon import KnowledgeBase


def _operation(id_: str, when: str, code: dict[str, Any] | None = None, note: str | None = None,
               site: str | None = None, status: str = "completed") -> dict[str, Any]:
    resource: dict[str, Any] = {"resourceType": "Procedure", "id": id_, "status": status,
                                "performedDateTime": when}
    if code is not None:
        resource["code"] = code
    if note is not None:
        resource["note"] = [{"text": note}]
    if site is not None:
        resource["bodySite"] = [{"text": site}]
    return resource


def _facts(result) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(f.concept, f.status) for f in result.patient.facts}


def test_an_operation_with_no_code_is_named_by_its_note(seeded_kb: KnowledgeBase) -> None:
    """`code` is optional in FHIR: a Procedure recorded only as "In situ fixation L hip:
    single cannulated screw …" in its note is a hip operation, with its window."""
    bundle = searchset(_operation("op", "2031-04-23T13:20:00Z",
                              note="In situ fixation L SUFE: single 6.5 mm cannulated screw "
                                   "across the physis.", site="Left hip"))
    result = seeded_kb.assess(bundle, at="2031-04-24T12:00:00Z")
    assert ("percutaneous_pinning", "active") in _facts(result)
    assert result.risk_factors, "a hip operation is a risk the sources name"
    assert any(d.window.status in ("open", "closing") for d in result.deadlines), [
        d.window.status for d in result.deadlines]


def test_an_operation_and_a_drug_named_in_french(seeded_kb: KnowledgeBase) -> None:
    booked = {"resourceType": "ServiceRequest", "id": "sr", "status": "active",
              "intent": "order", "occurrenceDateTime": "2031-06-13T13:00:00Z",
              "code": {"text": "Ostéosynthèse olécrane gauche par haubanage"}}
    ibuprofen = {"resourceType": "MedicationRequest", "id": "m", "status": "active",
                 "intent": "order", "authoredOn": "2031-06-10T23:30:00Z",
                 "medicationCodeableConcept": {"text": "Ibuprofène 400 mg x 3/jour"}}
    result = seeded_kb.assess(searchset(booked, ibuprofen), at="2031-06-12T17:00:00Z")
    facts = _facts(result)
    assert ("open_reduction_internal_fixation", "planned") in facts
    assert ("ibuprofen", "active") in facts


def test_an_nsaid_coded_by_atc_alone_is_that_drug(seeded_kb: KnowledgeBase) -> None:
    """M01AE03 is ketoprofen (brand Ketonal), not only "an NSAID": the report names it."""
    drug = {"resourceType": "MedicationRequest", "id": "m", "status": "active",
            "intent": "order", "authoredOn": "2031-03-10T18:00:00Z",
            "medicationCodeableConcept": {"coding": [{"system": "http://www.whocc.no/atc",
                                                      "code": "M01AE03"}]}}
    result = seeded_kb.assess(searchset(drug), at="2031-03-12T12:00:00Z")
    assert ("ketoprofen", "active") in _facts(result)


def test_a_spinal_operation_named_in_catalan(seeded_kb: KnowledgeBase) -> None:
    """A local code with no display; the operative note names the fusion and the
    laminectomy in Catalan."""
    op = _operation("op", "2031-07-14T16:10:00Z",
                    code={"coding": [{"system": "https://example.ad/procediments",
                                      "code": "CIR-RAQ-0412"}]})
    note = {"resourceType": "DocumentReference", "id": "d", "status": "current",
            "date": "2031-07-14T21:00:00Z",
            "content": [{"attachment": {"contentType": "text/plain", "data": _b64(
                "Intervenció: artrodesi posterior instrumentada T11-L3 amb laminectomia "
                "descompressiva L1.")}}]}
    result = seeded_kb.assess(searchset(op, note), at="2031-07-16T08:00:00Z")
    concepts = {c for c, _ in _facts(result)}
    assert {"spinal_fusion", "laminectomy"} <= concepts, concepts


def test_a_code_the_text_takes_back_is_absent(seeded_kb: KnowledgeBase) -> None:
    note = {"resourceType": "DocumentReference", "id": "d", "status": "current",
            "date": "2031-12-04T06:40:00Z",
            "content": [{"attachment": {"contentType": "text/plain", "data": _b64(
                "The 'thoracic spinal cord injury' code on admission was an error "
                "- removed.")}}]}
    result = seeded_kb.assess(searchset(note), at="2031-12-04T12:00:00Z")
    assert ("spinal_cord_injury", "active") not in _facts(result)
    assert not any("spinal cord" in r.text.lower() for r in result.risk_factors)


def _b64(text: str) -> str:
    import base64

    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def test_a_code_taken_back_in_portuguese_is_absent(seeded_kb: KnowledgeBase) -> None:
    note = {"resourceType": "DocumentReference", "id": "d", "status": "current",
            "date": "2031-09-18T11:45:00Z",
            "content": [{"attachment": {"contentType": "text/plain", "data": _b64(
                "O código M61.1 (FOP) registado em 11/09 foi um erro - corrigido.")}}]}
    result = seeded_kb.assess(searchset(note), at="2031-09-18T12:00:00Z")
    assert ("fibrodysplasia_ossificans_progressiva", "active") not in _facts(result)


def test_an_operation_told_in_a_story_of_past_years_is_history(seeded_kb: KnowledgeBase) -> None:
    """ "Fracture of the right clavicle in 2027 (bike fall), ostéosynthèse par plaque,
    hardware removed in 2028": the fixation is of 2027, under the last year written before
    it, not an operation of the day the letter was written (it opened a window)."""
    note = {"resourceType": "Composition", "id": "c", "status": "final",
            "type": {"text": "Lettre de consultation"}, "date": "2031-03-31T09:20:00Z",
            "title": "Consultation", "author": [{"display": "Dr A. Test"}],
            "section": [{"title": "Antécédents", "text": {
                "status": "generated",
                "div": '<div xmlns="http://www.w3.org/1999/xhtml"><p>Fracture de la clavicule '
                       'droite en 2027 (chute à vélo), ostéosynthèse par plaque, matériel '
                       'retiré en 2028, consolidée.</p></div>'}}]}
    result = seeded_kb.assess(searchset(note), at="2031-03-31T12:00:00Z")
    fixation = [f for f in result.patient.facts
                if f.concept == "open_reduction_internal_fixation"]
    assert fixation and all(f.when is not None and f.when.year == 2027 for f in fixation), [
        (f.when, f.status) for f in fixation]
    assert not result.deadlines


def _coded(kind: str, system: str, code: str, text: str | None = None) -> dict[str, Any]:
    concept: dict[str, Any] = {"coding": [{"system": system, "code": code}]}
    if text:
        concept["text"] = text
    if kind == "Condition":
        return {"resourceType": "Condition", "id": "c", "code": concept,
                "clinicalStatus": {"coding": [{"code": "active"}]},
                "onsetDateTime": "2031-02-14T12:00:00Z"}
    return {"resourceType": "Procedure", "id": "p", "status": "completed", "code": concept,
            "performedDateTime": "2031-02-14T16:00:00Z"}


def test_swiss_and_german_codes_of_an_operation_and_a_brain_injury(seeded_kb: KnowledgeBase
                                                                   ) -> None:
    """CHOP (Switzerland) keeps the ICD-9-CM procedure codes (79.36: the open fixation of a
    tibia fracture); ICD-10-GM's G93.1 is the anoxic brain damage the sources name a risk."""
    bundle = searchset(_coded("Procedure", "http://fhir.ch/ig/ch-term/CodeSystem/chop",
                              "79.36"),
                       _coded("Condition", "http://fhir.de/CodeSystem/bfarm/icd-10-gm",
                              "G93.1", "Hypoxisch-ischämische Enzephalopathie"))
    result = seeded_kb.assess(bundle, at="2031-02-15T10:00:00Z")
    concepts = {c for c, _ in _facts(result)}
    assert {"open_reduction_internal_fixation", "anoxic_brain_injury"} <= concepts, concepts


@pytest.mark.parametrize(("text", "concept"), [
    ("Wunddébridement und Fixateur externe Unterschenkel rechts", "debridement"),
    ("Serial debridements of the thigh, then fasciotomy", "debridement"),
    ("Tibiamarknagel rechts", "intramedullary_nailing"),
])
def test_soft_tissue_operations_and_a_nail_in_other_words(seeded_kb: KnowledgeBase, text: str,
                                                          concept: str) -> None:
    op = {"resourceType": "Procedure", "id": "p", "status": "completed",
          "code": {"text": text}, "performedDateTime": "2031-02-14T16:00:00Z"}
    result = seeded_kb.assess(searchset(op), at="2031-02-15T10:00:00Z")
    assert concept in {c for c, _ in _facts(result)}


def _note(text: str, date: str) -> dict[str, Any]:
    return {"resourceType": "DocumentReference", "id": "n", "status": "current", "date": date,
            "content": [{"attachment": {"contentType": "text/plain", "data": _b64(text)}}]}


def test_a_joint_operation_coded_by_its_icd9_chapter_opens_the_window(
        seeded_kb: KnowledgeBase) -> None:
    """ICD-9-CM 80.41 (division of the shoulder's joint capsule) alone, no display, no
    text: an operation on a joint, with its risk and its radiation window (patients30)."""
    op = _operation("op", "2031-04-15T05:20:00Z", code={"coding": [
        {"system": "http://hl7.org/fhir/sid/icd-9-cm", "code": "80.41"}]})
    result = seeded_kb.assess(searchset(op), at="2031-04-16T01:00:00Z")
    assert ("orthopedic_surgery", "active") in _facts(result)
    assert any(d.window.status in ("open", "closing") for d in result.deadlines), [
        d.window.status for d in result.deadlines]


def test_an_nsaid_named_in_russian_is_already_taken(seeded_kb: KnowledgeBase) -> None:
    drug = {"resourceType": "MedicationStatement", "id": "m", "status": "active",
            "effectivePeriod": {"start": "2031-03-01"},
            "medicationCodeableConcept": {"text": "Мовалис (мелоксикам) 15 мг"}}
    result = seeded_kb.assess(searchset(drug), at="2031-04-16T01:00:00Z")
    assert ("meloxicam", "active") in _facts(result)


def test_a_denial_carried_on_by_nor_in_spanish(seeded_kb: KnowledgeBase) -> None:
    """ "No es una lesión por golpe ni una fractura": no fracture, though "ni" follows the
    first denial at more words than it reaches."""
    result = seeded_kb.assess(searchset(_note(
        "Dolor de codo del lanzador. No es una lesión por golpe ni una fractura.",
        "2031-09-17T15:30:00Z")), at="2031-09-18T12:00:00Z")
    assert ("fracture", "active") not in _facts(result)


def test_a_warm_swollen_limb_described_in_spanish_calls_for_the_differential(
        seeded_kb: KnowledgeBase) -> None:
    """ "Muslo distal derecho caliente, tumefacto": warmth and swelling of a leg, whose
    differential the sources give (thrombophlebitis)."""
    result = seeded_kb.assess(searchset(_note(
        "Examen: muslo distal derecho caliente, firme y tumefacto.",
        "2031-06-10T15:00:00Z")), at="2031-06-10T18:00:00Z")
    assert ("warmth", "active") in _facts(result)
    assert any("thrombophlebitis" in i.text.lower() for i in result.differential), [
        i.text for i in result.differential]


def test_an_entry_not_recognised_keeps_the_records_status(seeded_kb: KnowledgeBase) -> None:
    """A refuted condition osteon has no concept for is listed as not recognised with its
    status, not as if the patient had it."""
    refuted = {"resourceType": "Condition", "id": "c",
               "code": {"text": "Ossifying fibroma L mandible"},
               "verificationStatus": {"coding": [{
                   "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                   "code": "refuted"}]}}
    result = seeded_kb.assess(searchset(refuted), at="2031-06-12T17:00:00Z")
    listed = {(n.text, n.status) for n in result.patient.not_recognised}
    assert ("Ossifying fibroma L mandible", "absent") in listed, listed


def test_an_operation_on_the_belly_is_no_surgery_the_sources_mean(
        seeded_kb: KnowledgeBase) -> None:
    """A caesarean section two days ago: the sources' surgery is "to the hips and legs",
    joints and spine, so no risk factor is listed for it; a laparotomy scar the record's
    HO sits in is that HO's cause (the kind is then counted as surgery again)."""
    caesarean = _operation("op", "2031-05-02T10:00:00Z",
                           code={"text": "Lower segment caesarean section"})
    result = seeded_kb.assess(searchset(caesarean), at="2031-05-04T10:00:00Z")
    assert ("caesarean_section", "active") in _facts(result)
    assert not result.risk_factors, [r.text for r in result.risk_factors]
    scar = {"resourceType": "Condition", "id": "ho",
            "code": {"text": "Heterotopic ossification in midline laparotomy scar"},
            "onsetDateTime": "2031-04-20"}
    laparotomy = _operation("lap", "2031-03-01T10:00:00Z", code={"text": "Laparotomy"})
    result = seeded_kb.assess(searchset(scar, laparotomy), at="2031-05-04T10:00:00Z")
    assert any("surgery" in r.text.lower() for r in result.risk_factors), [
        r.text for r in result.risk_factors]


def test_a_plan_that_waits_on_something_in_portuguese_is_only_possible(
        seeded_kb: KnowledgeBase) -> None:
    """ "Se ainda limitar o joelho após maturação: discutir exérese cirúrgica" (if it still
    limits the knee once mature: discuss excision) is no excision done, nor one booked."""
    result = seeded_kb.assess(searchset(_note(
        "Plano: ibuprofeno. Se ainda limitar o joelho após maturação (6-12 meses): "
        "discutir exérese cirúrgica.", "2031-09-18T11:45:00Z")), at="2031-09-18T12:00:00Z")
    statuses = {s for c, s in _facts(result) if c == "surgical_resection"}
    assert statuses == {"possible"}, statuses
    assert not result.deadlines


def test_an_operation_told_in_spanish_is_read_from_its_note(seeded_kb: KnowledgeBase) -> None:
    """A local code with no display, the operation note in Spanish: arthroscopy, ligament
    reconstruction and osteotomy of the knee, with their risk and window (patients29)."""
    op = _operation("op", "2031-06-09T19:30:00Z", code={"coding": [
        {"system": "http://fhir.example.ar/prestaciones", "code": "TRA-RODI-0317"}]})
    note = _note("Procedimiento: artroscopía diagnóstica; reconstrucción del ligamento "
                 "patelofemoral medial; osteotomía de la tuberosidad anterior de la tibia.",
                 "2031-06-09T20:00:00Z")
    result = seeded_kb.assess(searchset(op, note), at="2031-06-10T12:00:00Z")
    concepts = {c for c, _ in _facts(result)}
    assert {"arthroscopy", "ligament_reconstruction", "osteotomy"} <= concepts, concepts
    assert result.risk_factors


def test_a_suspected_ho_and_a_warm_thigh_told_in_russian(seeded_kb: KnowledgeBase) -> None:
    """ "Подозрение на раннюю гетеротопическую оссификацию" is a possible HO; "бедро тёплое,
    отёка голеней и стоп нет": a warm thigh, no oedema of the legs; the differential the
    sources give for a warm leg follows."""
    result = seeded_kb.assess(searchset(_note(
        "Подозрение на раннюю гетеротопическую оссификацию. Бедро слева тёплое. "
        "Отёка голеней и стоп нет.", "2031-08-28T10:00:00Z")), at="2031-08-28T12:00:00Z")
    facts = _facts(result)
    assert ("heterotopic_ossification", "possible") in facts, facts
    assert ("warmth", "active") in facts and ("edema", "absent") in facts, facts
    assert any("thrombophlebitis" in i.text.lower() for i in result.differential)


def test_a_surgical_department_named_in_spanish_is_no_operation(seeded_kb: KnowledgeBase
                                                                ) -> None:
    """ "Servicio de Cirugía General" is where the patient was seen; "Nenhuma cirurgia
    prévia" denies an operation: neither is surgery the patient had."""
    result = seeded_kb.assess(searchset(
        _note("Interconsulta al Servicio de Cirugía General por dolor abdominal.",
              "2031-03-02T10:00:00Z"),
        {**_note("Nenhuma cirurgia prévia.", "2031-03-02T11:00:00Z"), "id": "n2"}),
        at="2031-03-02T12:00:00Z")
    assert ("surgery", "active") not in _facts(result), _facts(result)
    assert not result.risk_factors


def test_a_hand_sewn_anastomosis_puts_no_operation_at_the_hand(seeded_kb: KnowledgeBase
                                                              ) -> None:
    result = seeded_kb.assess(searchset(_note(
        "Operation: segmental ileal resection with hand-sewn end-to-end anastomosis.",
        "2031-06-13T03:45:00Z")), at="2031-06-14T12:00:00Z")
    sites = {s for f in result.patient.facts if f.concept == "surgical_resection"
             for s in f.sites}
    assert "hand" not in sites, sites


def test_a_resection_of_the_bowel_is_no_surgery_the_sources_mean(seeded_kb: KnowledgeBase
                                                                 ) -> None:
    """ "Segmental ileal resection" yesterday: an operation at the belly only, no risk factor
    and no radiation window (the sources' surgery is at the hips and legs, joints, spine)."""
    result = seeded_kb.assess(searchset(_note(
        "Operation: segmental ileal resection with hand-sewn end-to-end anastomosis.",
        "2031-06-13T03:45:00Z")), at="2031-06-14T12:00:00Z")
    assert ("surgical_resection", "active") in _facts(result), _facts(result)
    assert not result.risk_factors, [r.text for r in result.risk_factors]
    assert not result.deadlines


def test_an_operation_in_the_womb_is_no_surgery_the_sources_mean(seeded_kb: KnowledgeBase
                                                                 ) -> None:
    """ "Hystéroscopie opératoire: résection de spicules osseuses endométriales": bone in the
    womb's lining removed through the womb, no risk factor and no radiation window; a knee
    operation the same day still opens one."""
    result = seeded_kb.assess(searchset(_note(
        "Hystéroscopie opératoire: résection de spicules osseuses endométriales.",
        "2031-06-13T03:45:00Z")), at="2031-06-14T12:00:00Z")
    assert ("hysteroscopy", "active") in _facts(result), _facts(result)
    assert not result.risk_factors, [r.text for r in result.risk_factors]
    assert not result.deadlines
    knee = seeded_kb.assess(searchset(_note(
        "Hystéroscopie opératoire: résection de spicules osseuses endométriales.",
        "2031-06-13T03:45:00Z"), _operation("op", "2031-06-13T03:45:00Z", code={
            "text": "Total knee arthroplasty, right"})), at="2031-06-14T12:00:00Z")
    assert knee.deadlines


def test_a_crushed_thigh_coded_in_the_injury_chapter_is_trauma() -> None:
    """ICD-10 S77.1 "Crushing injury of thigh" (an earthquake victim's): an injury to the
    thigh's muscle, the sources' trauma."""
    crushed = searchset({"resourceType": "Condition",
                         "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10",
                                              "code": "S77.1"}]},
                         "onsetDateTime": "2031-04-22T03:10:00+04:00"})
    facts = [(f.concept, f.sites) for f in record(crushed).facts]
    assert ("trauma", ("thigh",)) in facts, facts


@pytest.mark.parametrize("reason", [
    "Anaphylaxis at induction - operation abandoned BEFORE incision",
    "Choc anaphylactique à l'induction - intervention abandonnée avant incision",
])
def test_an_operation_stopped_before_any_incision_opens_no_window(seeded_kb: KnowledgeBase,
                                                                   reason: str) -> None:
    """A stopped operation whose reason says no cut was made was not done: no radiation
    window counts from it; a stopped one that says nothing so still counts (part of it may
    have been done)."""
    stopped = _operation("op", "2031-06-12T08:40:00Z", code={"text": "ORIF left olecranon"},
                         status="stopped")
    stopped["statusReason"] = {"text": reason}
    result = seeded_kb.assess(searchset(stopped), at="2031-06-12T20:00:00Z")
    assert not result.deadlines, [d.window.status for d in result.deadlines]
    stopped.pop("statusReason")
    partial = seeded_kb.assess(searchset(stopped), at="2031-06-12T20:00:00Z")
    assert partial.deadlines


def test_an_operation_on_bones_the_day_of_a_fracture_is_at_the_fracture(
        seeded_kb: KnowledgeBase) -> None:
    """ICD-9-CM 78.12 "Other operations on bones, except facial bones" (an external fixator)
    the day the distal humerus broke, with the ORIF planned for next week: the window counts
    from the fixator at the elbow, open now, not only from the planned ORIF; the same
    operation the day a finger broke opens none (the sources give it at the large joints)."""
    def record(site: str) -> dict[str, Any]:
        fracture = {"resourceType": "Condition", "id": "f", "code": {"text": f"Fracture, {site}"},
                    "onsetDateTime": "2031-09-02T05:00:00Z"}
        fixator = _operation("op", "2031-09-02T06:20:00Z", code={"coding": [
            {"system": "http://hl7.org/fhir/sid/icd-9-cm", "code": "78.12"}]})
        orif = _operation("orif", "2031-09-10T00:00:00Z", code={"text": f"ORIF {site}"},
                          status="preparation")
        return searchset(fracture, fixator, orif)

    elbow = seeded_kb.assess(record("distal humerus"), at="2031-09-03T13:30:00Z")
    assert any(d.window.status in ("open", "closing") for d in elbow.deadlines), [
        d.window.status for d in elbow.deadlines]
    finger = seeded_kb.assess(record("index finger"), at="2031-09-03T13:30:00Z")
    assert not any(d.window.status in ("open", "closing") for d in finger.deadlines)
