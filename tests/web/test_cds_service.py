"""The CDS Hooks service over real HTTP (uvicorn on loopback), as an EHR would call it."""

from __future__ import annotations

import base64
import http.server
import json
import logging
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from live import Server, answers_while_held, free_port
from osteon import KnowledgeBase
from osteon.errors import DataFileError
from osteon.web.app import create_app
from osteon.web.cds.auth import AuthSettings, TrustedIssuer
from osteon.web.cds.fhir_data import prefetch_from_bundle
from osteon.web.cds.service import PATIENT_PREFETCH, services
from osteon.web.cds.services import check_services

PATIENTS = Path(__file__).parents[1] / "data" / "patients"
ISS = "https://ehr.test"
KEY = ec.generate_private_key(ec.SECP384R1())
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
JWKS = {"keys": [{**jwt.algorithms.ECAlgorithm.to_jwk(KEY.public_key(), as_dict=True),
                  "kid": "k1", "use": "sig"},
                 {**jwt.algorithms.RSAAlgorithm.to_jwk(RSA_KEY.public_key(), as_dict=True),
                  "kid": "r1", "use": "sig"}]}
PATIENT_VIEW = "osteon-ho-patient-view"
ORDER_SIGN = "osteon-ho-order-sign"


@pytest.fixture(scope="module")
def service(seeded_kb: KnowledgeBase) -> Iterator[str]:
    seeded_kb.update_knowledge()
    port = free_port()
    auth = AuthSettings(issuers=(TrustedIssuer(iss=ISS, jwks=JWKS),))
    app = create_app(seeded_kb.store.path, auth=auth, base_url=f"http://127.0.0.1:{port}")
    with Server(app, port) as server:
        yield server.url


def token(url: str, service_id: str, *, suffix: str = "") -> dict[str, str]:
    now = int(time.time())
    signed = jwt.encode({"iss": ISS, "sub": "ehr", "aud": f"{url}/cds-services/{service_id}"
                         + suffix, "iat": now, "exp": now + 300, "jti": str(uuid.uuid4())},
                        KEY, algorithm="ES384", headers={"kid": "k1"})
    return {"Authorization": f"Bearer {signed}"}


def forged(url: str, service_id: str, alg: str, kid: str) -> dict[str, str]:
    """A token whose header names `alg` and `kid`, with good claims and a junk signature."""
    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    now = int(time.time())
    claims = {"iss": ISS, "aud": f"{url}/cds-services/{service_id}", "iat": now,
              "exp": now + 300, "jti": str(uuid.uuid4())}
    return {"Authorization": f"Bearer {part({'alg': alg, 'kid': kid})}.{part(claims)}.AAAA"}


def prefetch_of(bundle: dict) -> dict:
    """A patient's bundle split the way the service's prefetch templates ask for it."""
    return prefetch_from_bundle(bundle, PATIENT_PREFETCH)


def call(url: str, service_id: str, body: dict | bytes, **kw) -> httpx.Response:
    headers = {**token(url, service_id), **kw.pop("headers", {})}
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.post(f"{url}/cds-services/{service_id}", content=content,
                      headers={"Content-Type": "application/json", **headers}, timeout=30)


def hook_body(hook: str, bundle: dict, **extra) -> dict:
    prefetch = prefetch_of(bundle)
    return {"hook": hook, "hookInstance": str(uuid.uuid4()),
            "context": {"patientId": prefetch["patient"]["id"], "userId": "Practitioner/1",
                        **extra.pop("context", {})},
            "prefetch": prefetch, **extra}


def load(name: str) -> dict:
    return json.loads((PATIENTS / name).read_text(encoding="utf-8"))


def test_discovery(service: str) -> None:
    services = httpx.get(f"{service}/cds-services").json()["services"]
    by_hook = {s["hook"]: s for s in services}
    assert set(by_hook) == {"patient-view", "order-sign"}
    assert "{{context.patientId}}" in by_hook["patient-view"]["prefetch"]["patient"]


@pytest.mark.parametrize(("key", "resource"), [
    ("notes", "DocumentReference"), ("reports", "DiagnosticReport"), ("encounters", "Encounter")])
def test_discovery_asks_for_notes_reports_and_encounters(service: str, key: str,
                                                         resource: str) -> None:
    """Every service asks the EHR for what a clinician wrote and the patient's encounters:
    a search of the patient's own, filled from the hook's context like the others."""
    for described in httpx.get(f"{service}/cds-services").json()["services"]:
        assert described["prefetch"][key] == f"{resource}?patient={{{{context.patientId}}}}"


def test_patient_view_cards_are_cited_and_well_formed(service: str) -> None:
    response = call(service, PATIENT_VIEW, hook_body("patient-view",
                                                     load("tha_day1_prior_ho.fhir.json")))
    assert response.status_code == 200, response.text
    cards = response.json()["cards"]
    assert cards
    for card in cards:
        assert len(card["summary"]) <= 140 and card["uuid"]
        assert card["indicator"] in ("info", "warning", "critical")
        assert card["source"]["label"] and "/sources/" in card["source"]["url"]
        assert "“" in card["detail"], "every card quotes its sources"
        if card.get("suggestions"):
            assert card["selectionBehavior"] == "at-most-one"
    risk = next(c for c in cards if c["summary"].startswith("HO risk"))
    assert "arthroplasty" in risk["summary"].lower()


def test_no_risk_no_cards(service: str) -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": "p0", "gender": "female",
                      "birthDate": "1970-01-01"}},
        {"resource": {"resourceType": "Condition", "id": "c0", "subject": {
            "reference": "Patient/p0"}, "code": {"coding": [{
                "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I10",
                "display": "Essential (primary) hypertension"}]}}}]}
    response = call(service, PATIENT_VIEW, hook_body("patient-view", bundle))
    assert response.status_code == 200, response.text
    assert response.json()["cards"] == []


def test_order_sign_for_a_hip_arthroplasty_gives_a_prophylaxis_deadline(service: str) -> None:
    patient = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": "p1", "gender": "male",
                      "birthDate": "1955-05-05"}}]}
    surgery = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    order = {"resourceType": "ServiceRequest", "id": "draft-tha", "status": "draft",
             "intent": "order", "subject": {"reference": "Patient/p1"},
             "code": {"coding": [{"system": "http://snomed.info/sct", "code": "52734007",
                                  "display": "Total replacement of hip"}],
                      "text": "Total hip arthroplasty"},
             "occurrenceDateTime": surgery.isoformat()}
    body = hook_body("order-sign", patient, context={"draftOrders": {
        "resourceType": "Bundle", "type": "collection", "entry": [{"resource": order}]}})
    response = call(service, ORDER_SIGN, body)
    assert response.status_code == 200, response.text
    cards = response.json()["cards"]
    prophylaxis = [c for c in cards if c["summary"].startswith("HO prophylaxis")]
    assert prophylaxis, [c["summary"] for c in cards]
    assert str(surgery.year) in prophylaxis[0]["detail"]
    assert prophylaxis[0]["suggestions"]
    without = call(service, ORDER_SIGN, hook_body("order-sign", patient))
    assert without.status_code == 200 and without.json()["cards"] == []


def test_order_sign_for_a_biopsy_in_fop_warns_that_injury_sets_off_new_bone(service: str
                                                                             ) -> None:
    def signing(*conditions: str) -> list[dict]:
        patient = {"resourceType": "Bundle", "type": "collection", "entry": [
            {"resource": {"resourceType": "Patient", "id": "p2", "gender": "female",
                          "birthDate": "2010-03-03"}}] + [
            {"resource": {"resourceType": "Condition", "id": f"c{n}",
                          "subject": {"reference": "Patient/p2"}, "code": {"text": text}}}
            for n, text in enumerate(conditions)]}
        order = {"resourceType": "ServiceRequest", "id": "draft-bx", "status": "draft",
                 "intent": "order", "subject": {"reference": "Patient/p2"},
                 "code": {"text": "needle biopsy of a soft tissue mass, left shoulder"}}
        body = hook_body("order-sign", patient, context={"draftOrders": {
            "resourceType": "Bundle", "type": "collection", "entry": [{"resource": order}]}})
        response = call(service, ORDER_SIGN, body)
        assert response.status_code == 200, response.text
        return response.json()["cards"]

    caution = next(c for c in signing("fibrodysplasia ossificans progressiva")
                   if c["summary"].startswith("HO caution"))
    assert caution["indicator"] == "warning"
    assert "injured" in caution["detail"] and "Applies to: needle biopsy" in caution["detail"]
    assert not any("injured" in c["detail"] for c in signing("asthma"))


def test_patient_view_asks_for_immunizations_and_warns_of_a_due_im_vaccine_in_fop(
        service: str) -> None:
    """The EHR is asked for the patient's immunizations: an IM vaccine due in FOP is an
    injury that sets off new bone, a caution the sources state."""
    services = httpx.get(f"{service}/cds-services").json()["services"]
    view = next(s for s in services if s["hook"] == "patient-view")
    assert view["prefetch"]["immunizations"].startswith("Immunization?patient=")
    patient = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": "p3", "gender": "male",
                      "birthDate": "2012-05-05"}},
        {"resource": {"resourceType": "Condition", "id": "c1", "subject": {
            "reference": "Patient/p3"}, "code": {"text": "fibrodysplasia ossificans progressiva"}}},
        {"resource": {"resourceType": "Immunization", "id": "flu", "status": "not-done",
                      "patient": {"reference": "Patient/p3"},
                      "vaccineCode": {"text": "influenza vaccine IM"},
                      "occurrenceDateTime": "2026-12-01"}}]}
    body = hook_body("patient-view", patient)
    assert body["prefetch"]["immunizations"]["entry"], "the vaccine travels in the prefetch"
    response = call(service, PATIENT_VIEW, body)
    assert response.status_code == 200, response.text
    caution = next(c for c in response.json()["cards"] if c["summary"].startswith("HO caution"))
    assert caution["indicator"] == "warning" and "intramuscular" in caution["detail"].lower()


def test_a_call_without_immunizations_is_assessed_and_says_what_was_not_checked(
        service: str) -> None:
    """An EHR sending the older prefetch (no immunizations) and no fhirServer gets its cards,
    each saying the vaccines were not checked; the response's extension names the key."""
    body = hook_body("patient-view", load("tha_day1_prior_ho.fhir.json"))
    del body["prefetch"]["immunizations"]
    response = call(service, PATIENT_VIEW, body)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["cards"]
    assert all("immunizations were not sent" in c["detail"] for c in answer["cards"])
    assert answer["extension"]["osteon-unchecked-prefetch"]["prefetch"] == ["immunizations"]
    full = call(service, PATIENT_VIEW, hook_body("patient-view",
                                                 load("tha_day1_prior_ho.fhir.json"))).json()
    assert "extension" not in full
    assert not any("immunizations were not sent" in c["detail"] for c in full["cards"])


@pytest.mark.parametrize("key,resource,bundle,said", [
    # indomethacin running, recorded as a statement (not a prescription)
    ("statements", "MedicationStatement", "ehr_acetabular_cpt_indomethacin.fhir.json",
     "on the patient's medication list: indomethacin"),
    # an aspirin allergy beside the NSAID prophylaxis
    ("allergies", "AllergyIntolerance", "ehr_tha_celecoxib_aspirin_allergy.fhir.json",
     "allergy or intolerance recorded: aspirin"),
])
def test_an_optional_prefetch_is_said_beside_the_prophylaxis_and_its_absence_too(
        service: str, key: str, resource: str, bundle: str, said: str) -> None:
    """The EHR is asked for the patient's MedicationStatements and AllergyIntolerances too:
    what they hold is said on the prophylaxis card; an older client that does not send
    them is told they were not checked."""
    services = httpx.get(f"{service}/cds-services").json()["services"]
    view = next(s for s in services if s["hook"] == "patient-view")
    assert view["prefetch"][key].startswith(f"{resource}?patient=")
    body = hook_body("patient-view", load(bundle))
    if key == "statements":
        assert not body["prefetch"]["medications"]["entry"], "no prescription: a statement only"
    response = call(service, PATIENT_VIEW, body)
    assert response.status_code == 200, response.text
    prophylaxis = next(c for c in response.json()["cards"]
                       if c["summary"].startswith("HO prophylaxis"))
    assert said in prophylaxis["detail"]
    del body["prefetch"][key]
    older = call(service, PATIENT_VIEW, body).json()
    assert older["extension"]["osteon-unchecked-prefetch"]["prefetch"] == [key]
    assert not any(said in c["detail"] for c in older["cards"])


SCI_PATIENT = {"resourceType": "Patient", "id": "sci9", "gender": "male",
               "birthDate": "1985-01-01"}
SCI = {"resourceType": "Condition", "id": "sci", "subject": {"reference": "Patient/sci9"},
       "code": {"text": "complete spinal cord injury T10"}, "onsetDateTime": "2026-10-01"}
SWOLLEN_THIGH = "Rehab progress note. Warm swollen thigh ? HO vs DVT. Plan: duplex scan."


def sci_body(*resources: dict, conditions: tuple[dict, ...] = (SCI,)) -> dict:
    """A patient-view call for a spinal-cord-injury patient with `resources` beside."""
    return hook_body("patient-view", {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": r} for r in (SCI_PATIENT, *conditions, *resources)]})


def note(text: str, **fields) -> dict:
    """A progress note whose plain-text attachment is `text` (base64, as EHRs send it)."""
    return {"resourceType": "DocumentReference", "id": "n1", "status": "current",
            "subject": {"reference": "Patient/sci9"}, "date": "2026-11-20T10:00:00Z",
            "type": {"text": "Progress note"}, "content": [{"attachment": {
                "contentType": "text/plain; charset=utf-8",
                "data": base64.b64encode(text.encode()).decode()}}], **fields}


def report(conclusion: str) -> dict:
    return {"resourceType": "DiagnosticReport", "id": "r1", "status": "final",
            "subject": {"reference": "Patient/sci9"}, "code": {"text": "Ultrasound thigh"},
            "effectiveDateTime": "2026-11-20T10:00:00Z", "conclusion": conclusion}


@pytest.mark.parametrize(("key", "resource"), [
    ("notes", note(SWOLLEN_THIGH)),
    ("reports", report("Warm swollen thigh ? early HO vs DVT.")),
])
def test_a_note_or_a_report_conclusion_reaches_the_card(service: str, key: str,
                                                        resource: dict) -> None:
    """What a clinician wrote ("warm swollen thigh ? HO vs DVT") in a note's attachment or
    a report's conclusion, sent in the prefetch, makes the card give the differential, as
    `osteon assess` does on the same bundle; a client that does not send them is told the
    notes (or reports) were not checked, and gets no differential from nowhere."""
    body = sci_body(resource)
    assert body["prefetch"][key]["entry"], f"the {resource['resourceType']} travels as {key}"
    response = call(service, PATIENT_VIEW, body)
    assert response.status_code == 200, response.text
    answer = response.json()
    differential = [c for c in answer["cards"] if "consider HO vs" in c["summary"]]
    assert differential and "thrombophlebitis" in differential[0]["detail"].lower()
    assert "extension" not in answer, "everything was sent: nothing left unchecked"
    del body["prefetch"][key]
    older = call(service, PATIENT_VIEW, body).json()
    assert older["extension"]["osteon-unchecked-prefetch"]["prefetch"] == [key]
    assert not any("consider HO vs" in c["summary"] for c in older["cards"])


def test_a_radiology_conclusion_of_forming_bone_is_read(service: str) -> None:
    """A report concluding "heterotopic bone forming about the hip" dates the onset the
    surveillance card counts its X-ray window from."""
    response = call(service, PATIENT_VIEW, sci_body(report(
        "Heterotopic bone forming about the right hip.")))
    assert response.status_code == 200, response.text
    surveillance = next(c for c in response.json()["cards"]
                        if c["summary"].startswith("HO surveillance"))
    assert "counted from onset (Heterotopic bone)" in surveillance["detail"]


def test_an_encounter_only_prefetch_is_accepted_and_its_reason_read(service: str) -> None:
    """A client sending the encounters but neither notes nor reports is answered; a spinal
    cord injury recorded only as the admission's reason gives the risk card."""
    admission = {"resourceType": "Encounter", "id": "e1", "status": "in-progress",
                 "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                           "code": "IMP"}, "subject": {"reference": "Patient/sci9"},
                 "period": {"start": "2026-10-01"},
                 "reasonCode": [{"text": "traumatic spinal cord injury"}]}
    body = sci_body(admission, conditions=())
    for key in ("notes", "reports"):
        del body["prefetch"][key]
    response = call(service, PATIENT_VIEW, body)
    assert response.status_code == 200, response.text
    answer = response.json()
    unchecked = answer["extension"]["osteon-unchecked-prefetch"]["prefetch"]
    assert {"notes", "reports"} <= set(unchecked) and "encounters" not in unchecked
    risk = next(c for c in answer["cards"] if c["summary"].startswith("HO risk"))
    assert "spinal cord injury" in risk["summary"].lower()
    assert all("clinical notes were not sent" in c["detail"] for c in answer["cards"])
    del body["prefetch"]["encounters"]
    assert not any(c["summary"].startswith("HO risk")
                   for c in call(service, PATIENT_VIEW, body).json()["cards"])


@pytest.mark.parametrize(("resource", "said"), [
    (note(SWOLLEN_THIGH) | {"content": [{"attachment": {
        "contentType": "text/plain", "data": "!!not base64"}}]},
     "content.0.attachment.data"),
    (note(SWOLLEN_THIGH) | {"content": "warm swollen thigh"}, "content"),
    (note(SWOLLEN_THIGH) | {"date": "yesterday"}, "date"),
    ({k: v for k, v in note(SWOLLEN_THIGH).items() if k != "resourceType"}, "resourceType"),
])
def test_a_malformed_note_is_a_400_naming_it(service: str, resource: dict, said: str) -> None:
    """A note the assessment could not read is refused, not dropped in silence: the
    OperationOutcome names the key, the entry and the field, never the note's text."""
    body = sci_body()
    body["prefetch"]["notes"]["entry"] = [{"resource": resource}]
    response = call(service, PATIENT_VIEW, body)
    assert response.status_code == 400, response.text
    outcome = response.json()
    message = outcome["issue"][0]["diagnostics"]
    assert outcome["resourceType"] == "OperationOutcome"
    assert "'notes' entry[0]" in message and said in message
    assert "swollen" not in message and "!!" not in message


@pytest.mark.parametrize("key", ["patient", "conditions", "medications"])
def test_a_call_without_data_assess_needs_is_412(service: str, key: str) -> None:
    body = hook_body("patient-view", load("tha_day1_prior_ho.fhir.json"))
    del body["prefetch"][key]
    response = call(service, PATIENT_VIEW, body)
    assert response.status_code == 412, response.text
    assert key in response.json()["issue"][0]["diagnostics"]


@pytest.mark.parametrize("update", [{"optional_prefetch": {"vaccines": "not checked"}},
                                    {"strict_prefetch": ("notes", "vaccines")}])
def test_an_optional_or_strict_prefetch_key_must_be_a_prefetch_key(update: dict) -> None:
    config = services().model_copy(update=update)
    with pytest.raises(DataFileError, match="vaccines"):
        check_services(config, ["patient-view", "order-sign"], "cds.yaml")


@pytest.mark.parametrize(("body", "code"), [
    (b"{not json", 400),
    (json.dumps({"hook": "patient-view"}).encode(), 400),  # no hookInstance
    (json.dumps({"hook": "order-select", "hookInstance": "x", "context": {}}).encode(), 400),
    (json.dumps({"hook": "patient-view", "hookInstance": "x", "context": {"patientId": "p"},
                 "prefetch": {"patient": {"not": "fhir"}}}).encode(), 400),
    (json.dumps({"hook": "patient-view", "hookInstance": "x",
                 "context": {"patientId": "p"}}).encode(), 412),  # no prefetch, no server
    (b"{" + b" " * (6 * 1024 * 1024) + b"}", 413),  # over the 5 MB limit
    (json.dumps({"hook": "patient-view", "hookInstance": "x", "context": {
        "patientId": "p", "deep": "NEST"}}).encode().replace(
            b'"NEST"', b"[" * 5000 + b"]" * 5000), 400),  # nested 5,000 deep
])
def test_bad_requests_get_an_operation_outcome(service: str, body: bytes, code: int) -> None:
    response = call(service, PATIENT_VIEW, body)
    assert response.status_code == code, response.text
    outcome = response.json()
    assert outcome["resourceType"] == "OperationOutcome" and outcome["issue"][0]["diagnostics"]


def test_a_bundle_of_another_fhir_version_is_refused(service: str) -> None:
    body = hook_body("patient-view", load("tha_day1_prior_ho.fhir.json"))
    body["prefetch"]["medications"]["entry"].append({"resource": {  # R5 shape
        "resourceType": "MedicationRequest", "id": "r5", "status": "active", "intent": "order",
        "medication": {"concept": {"text": "indomethacin"}},
        "subject": {"reference": "Patient/tha1"}}})
    response = call(service, PATIENT_VIEW, body)
    assert response.status_code == 400
    assert "R4" in response.json()["issue"][0]["diagnostics"]


def test_odd_but_usable_entries_still_get_cards(service: str) -> None:
    body = hook_body("patient-view", load("tha_day1_prior_ho.fhir.json"))
    body["prefetch"]["conditions"]["entry"] += [
        {"resource": {"resourceType": "Condition", "id": "nocode",
                      "subject": {"reference": "Patient/tha1"}}},  # no code at all
        {"resource": {"resourceType": "Condition", "id": "future", "subject": {
            "reference": "Patient/tha1"}, "onsetDateTime": "2999-01-01",
            "code": {"text": "fracture of femur"}}}]
    response = call(service, PATIENT_VIEW, body)
    assert response.status_code == 200, response.text
    assert response.json()["cards"]


def test_requests_without_a_valid_token_are_refused(service: str) -> None:
    body = json.dumps(hook_body("patient-view", load("tha_day1_prior_ho.fhir.json"))).encode()
    url = f"{service}/cds-services/{PATIENT_VIEW}"
    assert httpx.post(url, content=body).status_code == 401
    wrong_audience = token(service, ORDER_SIGN)
    assert httpx.post(url, content=body, headers=wrong_audience).status_code == 401
    once = token(service, PATIENT_VIEW)
    assert httpx.post(url, content=body, headers=once, timeout=30).status_code == 200
    assert httpx.post(url, content=body, headers=once).status_code == 401  # replay


@pytest.mark.parametrize(("alg", "kid"), [("ES384", "r1"), ("RS384", "k1")])
def test_a_kid_of_the_other_key_type_is_refused(service: str, alg: str, kid: str) -> None:
    body = json.dumps(hook_body("patient-view", load("tha_day1_prior_ho.fhir.json"))).encode()
    response = httpx.post(f"{service}/cds-services/{PATIENT_VIEW}", content=body,
                          headers=forged(service, PATIENT_VIEW, alg, kid))
    assert response.status_code == 401, response.text
    assert response.json()["issue"][0]["code"] == "security"


def test_the_audience_is_the_bound_address_never_the_host_header(seeded_kb: KnowledgeBase
                                                                 ) -> None:
    """With no base URL configured, a token made for the Host a caller names is refused."""
    port = free_port()
    app = create_app(seeded_kb.store.path, auth=AuthSettings(
        issuers=(TrustedIssuer(iss=ISS, jwks=JWKS),)))
    body = json.dumps(hook_body("patient-view", load("tha_day1_prior_ho.fhir.json"))).encode()
    with Server(app, port) as server:
        url = f"{server.url}/cds-services/{PATIENT_VIEW}"
        evil = httpx.post(url, content=body, timeout=30, headers={
            **token("http://evil.example", PATIENT_VIEW), "Host": "evil.example"})
        assert evil.status_code == 401, evil.text
        assert "audience" in evil.json()["issue"][0]["diagnostics"].lower()
        bound = httpx.post(url, content=body, timeout=30, headers={
            **token(server.url, PATIENT_VIEW), "Host": "evil.example"})
        assert bound.status_code == 200, bound.text


def test_a_slow_call_holds_up_no_other_request(service: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import osteon.assess  # the facade's assess verb calls it, on a reader thread

    body = hook_body("patient-view", load("tha_day1_prior_ho.fhir.json"))

    def meanwhile() -> None:
        assert httpx.get(f"{service}/cds-services", timeout=20).status_code == 200
        asked = httpx.get(f"{service}/api/facts", params={"concept": "NSAIDs"}, timeout=20)
        assert asked.status_code == 200

    answers_while_held(monkeypatch, osteon.assess, "assess_patient",
                       lambda: call(service, PATIENT_VIEW, body).status_code, meanwhile)


@contextmanager
def _fake_fhir(parts: dict, seen: list[str] | None = None,
               refused: str | None = None) -> Iterator[str]:
    """A FHIR server on loopback answering each prefetch search with `parts` (404 for the
    `refused` resource type), noting each Authorization header in `seen`; yields its base."""

    class Fhir(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            if seen is not None:
                seen.append(self.headers.get("Authorization", ""))
            kind = self.path.strip("/").split("?")[0].split("/")[0]
            key = next(k for k, template in PATIENT_PREFETCH.items()
                       if template.split("?")[0].split("/")[0] == kind)
            payload = json.dumps(parts[key]).encode()
            self.send_response(404 if kind == refused else 200)
            self.send_header("Content-Type", "application/fhir+json")
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    fhir = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Fhir)
    threading.Thread(target=fhir.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{fhir.server_address[1]}"
    finally:
        fhir.shutdown()


def test_data_fetched_from_the_fhir_server_with_the_given_token(service: str) -> None:
    bundle = load("sci_6w_swollen_thigh.fhir.json")
    parts = prefetch_of(bundle)
    seen: list[str] = []
    with _fake_fhir(parts, seen) as base:
        body = {"hook": "patient-view", "hookInstance": str(uuid.uuid4()),
                "fhirServer": base,
                "fhirAuthorization": {"access_token": "ehr-token-123", "token_type": "Bearer",
                                      "expires_in": 300, "scope": "patient/*.read",
                                      "subject": "osteon"},
                "context": {"patientId": parts["patient"]["id"], "userId": "Practitioner/1"}}
        response = call(service, PATIENT_VIEW, body)
    assert response.status_code == 200, response.text
    assert seen and all(h == "Bearer ehr-token-123" for h in seen)
    summaries = " ".join(c["summary"] for c in response.json()["cards"])
    assert "thrombophlebitis" in summaries.lower() or "HO vs" in summaries


@pytest.mark.parametrize(("refused", "status", "unchecked"), [
    ("Immunization", 200, "immunizations"), ("DocumentReference", 200, "notes"),
    ("Condition", 412, None)])
def test_a_fhir_server_refusing_one_search(service: str, refused: str, status: int,
                                           unchecked: str | None) -> None:
    """A FHIR server without Immunization (or DocumentReference) searches (404) still gets
    the patient assessed, the cards saying the vaccines (or notes) were not checked; a
    refused Condition search is a 412."""
    parts = prefetch_of(load("tha_day1_prior_ho.fhir.json"))
    with _fake_fhir(parts, refused=refused) as base:
        response = call(service, PATIENT_VIEW, {
            "hook": "patient-view", "hookInstance": str(uuid.uuid4()),
            "fhirServer": base,
            "context": {"patientId": parts["patient"]["id"], "userId": "Practitioner/1"}})
    assert response.status_code == status, response.text
    if status == 200:
        answer = response.json()
        line = services().optional_prefetch[unchecked]
        assert answer["cards"]
        assert all(line in c["detail"] for c in answer["cards"])
        assert answer["extension"]["osteon-unchecked-prefetch"]["prefetch"] == [unchecked]


def test_feedback_is_accepted(service: str) -> None:
    body = {"feedback": [{"card": str(uuid.uuid4()), "outcome": "accepted",
                          "outcomeTimestamp": datetime.now(UTC).isoformat()}]}
    url = f"{service}/cds-services/{PATIENT_VIEW}/feedback"
    response = httpx.post(url, json=body, headers=token(service, PATIENT_VIEW,
                                                        suffix="/feedback"))
    assert response.status_code == 200


def test_no_patient_data_in_the_logs(service: str, caplog: pytest.LogCaptureFixture) -> None:
    bundle = load("tha_day1_prior_ho.fhir.json")
    with caplog.at_level(logging.DEBUG):
        assert call(service, PATIENT_VIEW, hook_body("patient-view", bundle)).status_code == 200
    logged = caplog.text
    patient = next(e["resource"] for e in bundle["entry"]
                   if e["resource"]["resourceType"] == "Patient")
    for secret in [patient["id"], *(n.get("family", "") for n in patient.get("name", []))]:
        if secret:
            assert secret not in logged


def test_osteon_serve_with_two_workers(seeded_kb: KnowledgeBase, tmp_path: Path) -> None:
    import subprocess
    import sys

    port = free_port()
    issuers = tmp_path / "issuers.yaml"
    issuers.write_text(json.dumps([{"iss": ISS, "jwks": JWKS}]), encoding="utf-8")
    env = {**__import__("os").environ, "OSTEON_CDS_ISSUERS": str(issuers)}
    process = subprocess.Popen(
        [sys.executable, "-m", "osteon.cli", "--store", str(seeded_kb.store.path), "serve",
         "--port", str(port), "--workers", "2"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{url}/cds-services", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
        body = json.dumps(hook_body("patient-view", load("tha_day1_prior_ho.fhir.json")))
        refused = httpx.post(f"{url}/cds-services/{PATIENT_VIEW}", content=body)
        assert refused.status_code == 401, "auth is on unless turned off explicitly"
        once = token(url, PATIENT_VIEW)
        accepted = httpx.post(f"{url}/cds-services/{PATIENT_VIEW}", content=body,
                              headers=once, timeout=30)
        assert accepted.status_code == 200, accepted.text
        for _ in range(4):  # whichever worker gets it, a replay is refused
            again = httpx.post(f"{url}/cds-services/{PATIENT_VIEW}", content=body,
                               headers=once, timeout=30)
            assert again.status_code == 401
    finally:
        process.terminate()
        process.wait(timeout=30)
