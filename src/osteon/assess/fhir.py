"""Read a FHIR R4 Bundle into the patient JSON model, resource by resource.

Each resource osteon uses (Patient, Condition, Procedure, ServiceRequest,
Observation, MedicationStatement, MedicationRequest, Medication,
AllergyIntolerance, DiagnosticReport and DocumentReference, whose conclusions
and plain-text attachments are read as notes, and Encounter, whose reasons and
diagnoses not given as a Condition of the bundle are the encounter's
conditions, and Immunization, read as the intramuscular injection it is when its route
says so, and Appointment, whose description is an operation booked for its start, and
CarePlan, whose activities to be done are orders of their own) is validated with
`fhir.resources.R4B` (the R5 default of fhir.resources 8 rejects real R4 data).
One bad resource is skipped with a warning naming it; a bundle that is not a
Bundle, or whose resources are valid R5 but not R4, is refused. A Procedure not done
or an order revoked or cancelled is read as the operation absent (called off), and a
Condition refuted or entered in error as absent (ruled out: "Stroke - RULED OUT (mimic)";
not this patient's); other resources entered in error or cancelled are not read. Other resource
types (Claim, ...) are counted in one warning; a type FHIR does not
know is named.
"""

from __future__ import annotations

import base64
import re
from collections import Counter
from typing import Any

from fhir.resources import get_fhir_model_class as r5_model
from fhir.resources.R4B import get_fhir_model_class as r4_model
from pydantic import ValidationError

from osteon.assess.display import display_rules
from osteon.assess.errors import PatientInputError, WrongFhirVersion
from osteon.assess.narrative import narrative_text
from osteon.assess.patient_json import CodingIn, EntryIn, LabIn, NoteIn, PatientIn

USED = ("Patient", "Condition", "Procedure", "ServiceRequest", "Observation",
        "MedicationStatement", "MedicationRequest", "Medication", "AllergyIntolerance",
        "DiagnosticReport", "DocumentReference", "Encounter", "Immunization", "Composition",
        "Appointment", "CarePlan")
_TEXT_TYPES = ("text/plain", "text/markdown")
"""Attachments read as notes (their bytes are the text; other types are not read)."""
ENTERED_IN_ERROR = "entered-in-error"
_SKIP_STATUS = {ENTERED_IN_ERROR, "not-done", "cancelled", "refuted", "revoked"}
_CALLED_OFF = {"not-done", "cancelled", "revoked"}
"""Statuses of a Procedure or ServiceRequest that say the operation was called off: it is
read as absent (not done), so that the record says so, and the notes that still name it as
booked ("62M for L TKA") are not read as an operation to come."""
_TO_COME = {"proposed", "pending", "booked", "arrived", "checked-in", "waitlist"}
"""Statuses of an Appointment still to take place (not fulfilled, missed or cancelled)."""
_NOT_THE_PATIENTS = {"refuted", ENTERED_IN_ERROR}
"""Verification statuses of a Condition the record says the patient does not have: ruled out
("Stroke - RULED OUT (mimic)"), or put on this chart by mistake ("Fracture of R femur",
entered in error: "no femur injury, thigh normal"). Read as absent, so that the record shows
it and nothing is advised on it; an erroneous entry's own notes are not read (they explain
the mistake: "the stiff neck is from an FOP flare, not torticollis")."""
_RESOLVED = {"inactive", "remission", "resolved"}
_UNCERTAIN = {"unconfirmed", "provisional", "differential"}
_CERTAINTY_EXTENSION = "icd-10-gm-diagnosesicherheit"
"""German exports say how sure a diagnosis is on its ICD-10-GM code (KBV/fhir.de extension
"Diagnosesicherheit"), often with no verificationStatus: A excluded, V suspected, Z a state
after, G confirmed."""
_CERTAINTY_VERIFIES = {"A": "refuted", "V": "provisional", "G": "confirmed"}
_CERTAINTY_CLINICAL = {"Z": "resolved"}
_HIGH = {"H", "HH", "HU", ">", "A", "AA"}
_NOT_HIGH = {"N", "L", "LL", "LU", "<"}


def parse_bundle(raw: Any, *, name: str = "bundle") -> PatientIn:
    """A FHIR R4 Bundle as a `PatientIn`; PatientInputError when it cannot be one."""
    if not isinstance(raw, dict) or raw.get("resourceType") != "Bundle":
        kind = raw.get("resourceType") if isinstance(raw, dict) else type(raw).__name__
        raise PatientInputError(f"{name}: expected a FHIR Bundle, got {kind!r}")
    entries = raw.get("entry") or []
    if not isinstance(entries, list):
        raise PatientInputError(f"{name}: Bundle.entry must be a list")
    reader = _Reader(name)
    for index, entry in enumerate(entries):
        reader.take(index, entry)
    if reader.r5_only:
        raise WrongFhirVersion(
            f"{name}: {reader.r5_only[0]} is valid FHIR R5 but not R4 "
            f"({len(reader.r5_only)} such resources); osteon reads FHIR R4 (4.0.1) bundles")
    return reader.patient()


def _version_order(resource: Any) -> tuple[int, str, str]:
    """How late a version of a resource is: its versionId (a number first), then lastUpdated."""
    meta = resource.meta
    version = str(meta.versionId) if meta is not None and meta.versionId else ""
    updated = meta.lastUpdated.isoformat() if meta is not None and meta.lastUpdated else ""
    return (int(version) if version.isdigit() else -1, version, updated)


class _Reader:
    """Collects validated resources, then turns them into entries."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.resources: list[Any] = []
        self.warnings: list[str] = []
        self.ignored: Counter[str] = Counter()
        self.r5_only: list[str] = []

    def take(self, index: int, entry: Any) -> None:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        where = f"entry[{index}]"
        if not isinstance(resource, dict):
            self.warnings.append(f"{where}: no resource; skipped")
            return
        kind = resource.get("resourceType")
        if not isinstance(kind, str):
            self.warnings.append(f"{where}: resource without resourceType; skipped")
            return
        label = f"{where} ({kind}/{resource.get('id', '?')})"
        if kind not in USED:
            try:
                r4_model(kind)
            except (KeyError, ValueError):
                self.warnings.append(f"{label}: {kind!r} is not a FHIR R4 resource type; "
                                     "skipped")
                return
            self.ignored[kind] += 1
            return
        try:
            self.resources.append(r4_model(kind).model_validate(resource))
        except ValidationError as exc:
            if _valid_r5(kind, resource):
                self.r5_only.append(label)
                return
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"]) or "resource"
            self.warnings.append(f"{label}: not valid FHIR R4 ({loc}: {first['msg']}); skipped")

    def _latest_versions(self) -> list[Any]:
        """Each resource once: of several versions of one (a history bundle), the latest.

        A history export lists a Condition as first recorded ("? cerebral infarction",
        provisional) and again as corrected (entered-in-error): only the correction is the
        record's word. The latest is the highest versionId, else the last updated, else the
        first listed (a history bundle lists the newest first).
        """
        latest: dict[tuple[str, str], Any] = {}
        count: Counter[tuple[str, str]] = Counter()
        for resource in self.resources:
            if not resource.id:
                continue
            key = (resource.get_resource_type(), resource.id)
            count[key] += 1
            if key not in latest or _version_order(resource) > _version_order(latest[key]):
                latest[key] = resource
        for (kind, ident), n in count.items():
            if n > 1:
                self.warnings.append(f"{kind}/{ident}: {n} versions in the bundle; the latest "
                                     "is read")
        return [r for r in self.resources if not r.id
                or latest[(r.get_resource_type(), r.id)] is r]

    def patient(self) -> PatientIn:
        self.resources = self._latest_versions()
        out: dict[str, Any] = {k: [] for k in ("conditions", "procedures", "findings", "labs",
                                               "medications", "allergies", "notes")}
        medications = {_ref_key(r): r for r in self.resources
                       if r.get_resource_type() == "Medication"}
        people = [r for r in self.resources if r.get_resource_type() == "Patient"]
        conditions = {_ref_key(r) for r in self.resources
                      if r.get_resource_type() == "Condition"}
        requests = {_ref_key(r) for r in self.resources
                    if r.get_resource_type() in _PLAN_ACTIVITIES}
        for resource in self.resources:
            kind = resource.get_resource_type()
            label = f"{kind}/{resource.id or '?'}"
            if kind == "Encounter":
                out["conditions"] += _encounter(resource, conditions)
                continue
            if kind == "CarePlan":
                out["procedures"] += _care_plan(resource, requests)
                continue
            try:
                made = _convert(resource, medications)
                if made is not None and _in_error(resource):
                    self.warnings.append(f"{label}: entered in error; shown as not the "
                                         "patient's, its notes not read")
                elif made is not None and isinstance(made[1], EntryIn) and _texts(resource):
                    key, entry = made
                    made = key, entry.model_copy(update={
                        "notes": [*entry.notes, *_texts(resource)]})
            except ValueError as exc:
                self.warnings.append(f"{label}: {exc}; skipped")
                continue
            if made is not None:
                key, entry = made
                out[key].append(entry)
            elif kind == "Immunization":  # not given by a route osteon reads
                self.ignored[kind] += 1
        if self.ignored:
            listed = ", ".join(f"{k} ×{n}" for k, n in sorted(self.ignored.items()))
            self.warnings.append(f"resources not used by the assessment: {listed}")
        if len(people) > 1:
            self.warnings.append(f"{len(people)} Patient resources; the first was used")
        person = people[0] if people else None
        if person is None:
            self.warnings.append("no Patient resource: age and sex unknown")
        return PatientIn(
            id=person.id if person else None,
            birth_date=_iso(person.birthDate) if person and person.birthDate else None,
            sex=person.gender if person and person.gender in ("female", "male", "other",
                                                              "unknown") else None,
            warnings=self.warnings, **out)


_REASONED = ("Procedure", "ServiceRequest")
"""Resources whose `reasonCode` says why: what the operation or order is for ("?HO R elbow"
on a bone scan referral) is read like a note on it."""


def _contained(resource: Any, local_id: str) -> Any:
    """The resource a "#id" reference names among the resource's own `contained` ones.

    An EHR often ships a prescription's medicine inside it ("medicationReference":
    {"reference": "#m-ibu"} with the Medication in `contained`), not as a bundle entry.
    """
    return next((r for r in getattr(resource, "contained", None) or ()
                 if getattr(r, "id", None) == local_id), None)


def _texts(resource: Any) -> list[str]:
    """Free text a resource carries besides its code: notes, reasons and a string value."""
    out = [n.text for n in getattr(resource, "note", None) or [] if n.text]
    if resource.get_resource_type() in _REASONED:
        out += [t for reason in resource.reasonCode or [] for t in _words_of(reason)[:1]]
    value = getattr(resource, "valueString", None)
    if value:
        out.append(value)
    return out


def _valid_r5(kind: str, resource: dict) -> bool:
    try:
        r5_model(kind).model_validate(resource)
    except (ValidationError, KeyError, ValueError):
        return False
    return True


def _in_error(resource: Any) -> bool:
    """Does the record say this resource was put on the chart by mistake?"""
    return ENTERED_IN_ERROR in (_code(getattr(resource, "status", None)),
                                _first_code(getattr(resource, "verificationStatus", None)))


def _ref_key(resource: Any) -> str:
    return f"{resource.get_resource_type()}/{resource.id}"


def _convert(resource: Any, medications: dict[str, Any]
             ) -> tuple[str, EntryIn | NoteIn] | None:
    """(list name, entry) for one validated resource, None for one not to use."""
    kind = resource.get_resource_type()
    source = f"{kind}/{resource.id or '?'}"
    status = _code(getattr(resource, "status", None))
    if kind == "Immunization":
        return _immunization(resource, source, status)
    if kind == "Appointment":
        return _appointment(resource, source, status)
    called_off = kind in ("Procedure", "ServiceRequest") and (
        status in _CALLED_OFF or status == "stopped" and display_rules().never_begun(
            [*_words_of(getattr(resource, "statusReason", None)), *_texts(resource)]))
    if status in _SKIP_STATUS and not called_off:
        return None
    if kind == "Condition":
        certainty = _certainty(resource.code)
        verification = (_first_code(resource.verificationStatus)
                        or _CERTAINTY_VERIFIES.get(certainty or ""))
        if verification in _SKIP_STATUS - _NOT_THE_PATIENTS:
            return None
        clinical = (_first_code(resource.clinicalStatus)
                    or _CERTAINTY_CLINICAL.get(certainty or ""))
        when, end = _first_time(resource, "onset")
        when = when or resource.recordedDate
        state = ("absent" if verification in _NOT_THE_PATIENTS  # said, never had
                 else "possible" if verification in _UNCERTAIN  # hedged stays hedged
                 else "resolved" if clinical in _RESOLVED else "active")
        return "conditions", _entry(_named(resource), when, resource.bodySite, source, state,
                                    end, severity=next(iter(_words_of(resource.severity)), None))
    if kind in ("Procedure", "ServiceRequest"):
        planned = kind == "ServiceRequest" or status == "preparation"
        when, end = _first_time(resource, "performed" if kind == "Procedure" else "occurrence")
        if status == "preparation" and when is not None and end is None:
            # "pre-operative preparation begun 06:45": when the preparation began, not when
            # the operation is; its booked time (an order, an appointment) says that
            when = None
        entry = _entry(_named(resource), when, resource.bodySite, source,
                       "absent" if called_off else "planned" if planned else "active", end)
        return "procedures", entry if called_off else _as_injection(resource.code, entry)
    if kind == "Observation":
        return _observation(resource, source)
    if kind in ("DiagnosticReport", "DocumentReference"):
        return _report(resource, kind, source)
    if kind == "Composition":
        return _composition(resource, source)
    if kind in ("MedicationStatement", "MedicationRequest"):
        concept = resource.medicationCodeableConcept
        if concept is None and resource.medicationReference is not None:
            reference = resource.medicationReference.reference or ""
            target = (_contained(resource, reference[1:]) if reference.startswith("#")
                      else medications.get(reference))
            concept = getattr(target, "code", None)
        if concept is None:
            raise ValueError("medication neither coded nor found in the bundle or the "
                             "resource's contained resources")
        if kind == "MedicationRequest":
            when, end = resource.authoredOn, None
        else:
            when, end = _first_time(resource, "effective")
        injection = _vaccine_injection(resource, kind, concept, status, when, source)
        if injection is not None:
            return "procedures", injection
        state = ("absent" if status == "not-taken"  # recorded as not taken: never "on it"
                 else "stopped" if status in ("stopped", "completed", "on-hold")
                 else "active")
        return "medications", _entry(concept, when, None, source, state, end)
    if kind == "AllergyIntolerance":
        if _first_code(resource.verificationStatus) in _SKIP_STATUS:
            return None
        when, _ = _first_time(resource, "onset")
        return "allergies", _entry(resource.code, when or resource.recordedDate, None, source,
                                   "active")
    return None


def _immunization(resource: Any, source: str, status: str | None
                  ) -> tuple[str, EntryIn] | None:
    """A vaccine given into a muscle, or due to be: an intramuscular injection (a procedure).

    The injection wounds muscle (in FOP a flare-up's trigger), so an immunization is read
    when its route, or its text, names a route display.yaml lists; the vaccine is kept as a
    note. One not done is one still due: planned, so that what the sources say of such an
    injection reaches the clinician before it is given. Entered in error: not read.
    """
    if status == "entered-in-error":
        return None
    route = resource.route
    names = _words_of(resource.vaccineCode)
    texts = [*_words_of(route), *names, *_texts(resource)]
    found = display_rules().injection_route(_codes_of(route), texts)
    if found is None:
        return None
    when, _ = _first_time(resource, "occurrence")
    return "procedures", EntryIn(text=found.name, date=_iso(when), source=source,
                                 status="planned" if status == "not-done" else "active",
                                 notes=names[:1])


def _as_injection(code: Any, entry: EntryIn) -> EntryIn:
    """An order or procedure that gives something into a muscle, read as that injection.

    "COVID-19 vaccine IM, L deltoid" is read as an Immunization with that route is: chart
    shorthand ("IM") is no word the lexicon can match. The order's own words are kept as a
    note.
    """
    rules = display_rules()
    texts = _words_of(code)
    if not any(re.search(rules.injected, t, re.IGNORECASE) for t in texts):
        return entry
    found = rules.injection_route([], texts)
    if found is None:
        return entry
    return entry.model_copy(update={"text": found.name, "codes": [],
                                    "notes": [*entry.notes, *texts[:1]]})


def _vaccine_injection(resource: Any, kind: str, concept: Any, status: str | None,
                       when: Any, source: str) -> EntryIn | None:
    """A vaccine ordered or given into a muscle as a medication: that injection, or None.

    Many EHRs send a vaccine order as a MedicationRequest ("Kinrix 0.5 mL IM, L deltoid",
    coded in CVX), not as an Immunization: read as the Immunization with that route is,
    so that in FOP the order gets the sources' injury caution before it is given. An
    order not yet given is planned; a statement that it was given, or an order completed,
    is done. The vaccine is kept as a note.
    """
    rules = display_rules()
    names = _words_of(concept)
    vaccine = any(c.system in rules.vaccine_systems for c in concept.coding or []) or any(
        re.search(rules.vaccine_words, t, re.IGNORECASE) for t in names)
    if not vaccine:
        return None
    dosages = (resource.dosageInstruction if kind == "MedicationRequest"
               else resource.dosage) or []
    routes = [d.route for d in dosages if d.route is not None]
    codes = [code for r in routes for code in _codes_of(r)]
    texts = [*(t for r in routes for t in _words_of(r)),
             *(d.text for d in dosages if d.text), *names]
    found = rules.injection_route(codes, texts)
    if found is None:
        return None
    given = kind == "MedicationStatement" or status == "completed"
    return EntryIn(text=found.name, date=_iso(when), source=source,
                   status="active" if given else "planned", notes=names[:1])


def _words_of(concept: Any) -> list[str]:
    """A CodeableConcept's words: its text, then its codings' displays (none for None)."""
    if concept is None:
        return []
    return [t for t in [concept.text, *(c.display for c in concept.coding or [])] if t]


def _codes_of(concept: Any) -> list[str]:
    """A CodeableConcept's codes, in order (none for None)."""
    return [c.code for c in (concept.coding or [] if concept is not None else []) if c.code]


def _encounter(resource: Any, conditions: set[str]) -> list[EntryIn]:
    """The conditions an encounter names itself: its reasons, and its diagnoses by text.

    Many exports put an admission's diagnosis on the Encounter only (reasonCode, or a
    diagnosis whose Condition is not in the bundle, named by the reference's display);
    one whose Condition is in the bundle is read from that Condition, not twice.
    """
    if _code(resource.status) in _SKIP_STATUS:
        return []
    source = f"Encounter/{resource.id or '?'}"
    when = resource.period.start if resource.period is not None else None
    out = [_entry(reason, when, None, f"{source} reason {n}", "active")
           for n, reason in enumerate(resource.reasonCode or [])
           if reason.text or reason.coding]
    for n, diagnosis in enumerate(resource.diagnosis or []):
        ref = diagnosis.condition
        if ref is None or (ref.reference or "") in conditions or not ref.display:
            continue
        out.append(EntryIn(text=ref.display, date=_iso(when), status="active",
                           source=f"{source} diagnosis {n}"))
    return out


_PLAN_ACTIVITIES = ("ServiceRequest", "Appointment", "Task")
"""The kinds of a care plan's activity that are something done to the patient (an operation,
a therapy); a medication, a diet or a device in a plan is not read as one."""
_PLAN_STATUS = {"not-started": "planned", "scheduled": "planned", "on-hold": "planned",
                "in-progress": "active", "completed": "active", "cancelled": "absent",
                "stopped": "absent"}
"""A plan activity's status as an entry's: to come, under way or done, or called off."""


def _care_plan(resource: Any, requests: set[str]) -> list[EntryIn]:
    """A care plan's activities that are done to the patient, each an order of its own.

    Some records book an operation only in a care plan ("Открытая репозиция и остеосинтез
    локтевого отростка пластиной", scheduled 30.09 09:00-11:30), the first order for it
    revoked: the activity is that operation planned, for its scheduled start, so that the
    radiation window is given before it. An activity that points at an order of the bundle is
    read from that order, not twice; one not to be done (doNotPerform) is absent. A plan
    revoked, or entered in error, gives nothing.
    """
    if _code(resource.status) in _SKIP_STATUS:
        return []
    draft = _code(resource.status) == "draft"
    source = f"CarePlan/{resource.id or '?'}"
    out = []
    for n, activity in enumerate(resource.activity or []):
        detail = activity.detail
        ref = activity.reference.reference if activity.reference is not None else None
        if detail is None or detail.code is None or (ref or "") in requests \
                or (detail.kind and detail.kind not in _PLAN_ACTIVITIES):
            continue
        status = _PLAN_STATUS.get(_code(detail.status) or "")
        if status is None:
            continue
        if detail.doNotPerform:
            status = "absent"
        elif draft and status == "active":
            status = "planned"
        period = detail.scheduledPeriod
        try:
            out.append(_entry(detail.code, period.start if period else None, None,
                              f"{source} activity {n}", status,
                              period.end if period else None,
                              [detail.description] if detail.description else None))
        except ValueError:  # a coding with neither code nor text names nothing
            continue
    return out


def _observation(resource: Any, source: str) -> tuple[str, EntryIn]:
    categories = {_first_code(c) for c in resource.category or []}
    when, end = _first_time(resource, "effective")
    when = when or getattr(resource, "issued", None)
    quantity = resource.valueQuantity
    if "laboratory" in categories or (quantity is not None and "exam" not in categories):
        high = None
        for interpretation in resource.interpretation or []:
            code = _first_code(interpretation)
            high = True if code in _HIGH else False if code in _NOT_HIGH else high
        ref_high = None
        for rng in resource.referenceRange or []:
            if rng.high is not None and rng.high.value is not None:
                ref_high = float(rng.high.value)
                break
        base = _entry(resource.code, when, resource.bodySite, source, "active", end)
        return "labs", LabIn(**base.model_dump(),
                             value=float(quantity.value) if quantity and quantity.value
                             is not None else None,
                             unit=(quantity.unit or quantity.code) if quantity else None,
                             reference_high=ref_high, high=high)
    value = resource.valueCodeableConcept
    said = display_rules().presence(
        *(["false" if resource.valueBoolean is False else "true"]
          if resource.valueBoolean is not None else []),
        *([value.text, *(c.display for c in value.coding or []),
           *(c.code for c in value.coding or [])] if value is not None else []),
        *(_first_code(i) for i in resource.interpretation or []))
    if said is not None:  # "Swelling: Absent" is about swelling
        return "findings", _entry(resource.code, when, resource.bodySite, source, said, end)
    return "findings", _entry(value or resource.code, when, resource.bodySite, source,
                              "active", end)


def _report(resource: Any, kind: str, source: str
            ) -> tuple[str, EntryIn | NoteIn] | None:
    """A report or document: its conclusion and plain-text attachments, read as notes."""
    if kind == "DiagnosticReport":
        when, _ = _first_time(resource, "effective")
        code = resource.code
        texts = [resource.conclusion] if resource.conclusion else []
        attachments = list(resource.presentedForm or [])
    else:
        when, code = resource.date, resource.type
        texts = []
        attachments = [c.attachment for c in resource.content or [] if c.attachment]
        done = _operation_time(resource)
    for attachment in attachments:
        if (attachment.contentType or "").split(";")[0].strip() in _TEXT_TYPES \
                and attachment.data:
            raw = attachment.data
            texts.append((raw if isinstance(raw, bytes) else base64.b64decode(raw))
                         .decode("utf-8", errors="replace"))
    if not texts:
        return None
    if kind == "DocumentReference" and done is not None:
        # an op note with the time of the operation it records: a note of that time
        return "notes", NoteIn(text="\n".join(texts), date=_iso(done), source=source)
    name = (code.text or next((c.display for c in code.coding or [] if c.display), None)
            if code is not None else None) or kind
    return "findings", EntryIn(text=name, date=_iso(when), source=source, notes=texts,
                               codes=[CodingIn(system=c.system, code=c.code, display=c.display)
                                      for c in (code.coding if code is not None else None)
                                      or [] if c.system and c.code])


def _composition(resource: Any, source: str) -> tuple[str, NoteIn] | None:
    """A document's sections ("Examination", "Plan"), each under its title, as one note.

    A title opens its section in the note reader as a heading line does ("Plan:" items are
    planned, "Family history:" items someone else's).
    """
    texts = [t for section in resource.section or [] for t in _section_texts(section)]
    if not texts:
        return None
    return "notes", NoteIn(text="\n".join(texts), date=_iso(resource.date), source=source)


def _section_texts(section: Any) -> list[str]:
    """A section's title line and narrative, then its subsections'."""
    body = narrative_text(section.text.div) if section.text and section.text.div else ""
    title = section.title or next(iter(_words_of(section.code)), None)
    out = [f"{title}:\n{body}" if title else body] if body else []
    return out + [t for sub in section.section or [] for t in _section_texts(sub)]


def _operation_time(resource: Any) -> Any:
    """The end (else the start) of the operation a document records as done, or None.

    A DocumentReference whose type names an operative or procedure note and whose
    context.period gives the time of the service it documents.
    """
    period = resource.context.period if resource.context is not None else None
    if period is None or not (period.end or period.start):
        return None
    kind = resource.type
    if kind is None or not display_rules().records_operation(
            _codes_of(kind), _words_of(kind)):
        return None
    return period.end or period.start


def _first_time(resource: Any, field: str) -> tuple[Any, Any]:
    """The (start or moment, end) of a choice field as EHRs fill it.

    fieldDateTime, fieldInstant, fieldPeriod (start, end; an end alone stands for both), or
    the one date a fieldString gives ("2027, mission clinic": 2027).
    """
    moment = (getattr(resource, f"{field}DateTime", None)
              or getattr(resource, f"{field}Instant", None))
    if moment is not None:
        return moment, None
    period = getattr(resource, f"{field}Period", None)
    if period is not None and (period.start or period.end):
        return period.start or period.end, period.end
    return _date_in(getattr(resource, f"{field}String", None)), None


_DATE_IN_TEXT = re.compile(r"(?<![\d/.-])((?:18|19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?)(?![\d/.-]*\d)")
"""A year, a year and month or a date written the ISO way, alone in a text ("2027",
"in 2030-04"); a date in another order ("12/03/2027") is left to the text's reading."""


def _date_in(text: str | None) -> str | None:
    """The date a free-text time gives, if it gives exactly one."""
    found = _DATE_IN_TEXT.findall(text or "")
    return found[0] if len(set(found)) == 1 else None


_NOTE_HEAD = re.compile(r"[^:;.\n]{3,120}")
"""A note's opening words up to its first colon, stop or semicolon: "In situ fixation L SUFE:
single 6.5 mm screw …" names the operation."""


def _appointment(resource: Any, source: str, status: str | None
                 ) -> tuple[str, EntryIn] | None:
    """An operation booked as an appointment only: planned, for the appointment's start.

    Some records hold the operation to come only as a booked Appointment ("Ostéosynthèse
    de la paroi postérieure du cotyle droit", Saturday 08:30-12:30), no ServiceRequest
    and no Procedure: its description is read like an order's name (an operation the
    lexicon knows there is planned; a consultation names none and gives nothing). One
    fulfilled, missed or cancelled is no operation to come.
    """
    if status not in _TO_COME or not (resource.description or "").strip():
        return None
    return "procedures", EntryIn(text=resource.description.strip(),
                                 date=_iso(resource.start), end=_iso(resource.end),
                                 status="planned", source=source)


def _named(resource: Any) -> Any:
    """What names a condition or an operation: its code, else its note's opening words.

    `code` is optional in FHIR; a Procedure recorded only as "In situ fixation L SUFE: single
    screw …" in its note is that fixation, not nothing.
    """
    if resource.code is not None:
        return resource.code
    head = next((m.group().strip() for n in getattr(resource, "note", None) or [] if n.text
                 for m in [_NOTE_HEAD.match(n.text.strip())] if m), None)
    return r4_model("CodeableConcept")(text=head) if head else None


def _entry(code: Any, when: Any, sites: Any, source: str, status: str,
           end: Any = None, notes: list[str] | None = None,
           severity: str | None = None) -> EntryIn:
    if code is None:
        raise ValueError("no code")
    codings = [CodingIn(system=c.system, code=c.code, display=c.display)
               for c in code.coding or [] if c.system and c.code]
    text = code.text or None
    if not codings and not text:
        raise ValueError("no code or text")
    site_list = sites if isinstance(sites, list) else [sites] if sites is not None else []
    site_texts = [t for t in (_site_text(s) for s in site_list) if t]
    return EntryIn(text=text, codes=codings, date=_iso(when), end=_iso(end),
                   site=site_texts or None, status=status, source=source,
                   notes=notes or [], severity=severity)


def _site_text(concept: Any) -> str | None:
    """The body site's text, with its code's display where that says more.

    "Dorso de la mano derecha" coded "Hand structure": the display names the site in the
    lexicon's words, the text in the record's language (and its side).
    """
    display = next((c.display for c in concept.coding or [] if c.display), None)
    if concept.text and display and display.casefold() not in concept.text.casefold():
        return f"{concept.text} ({display})"
    return concept.text or display


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _code(value: Any) -> str | None:
    return str(value) if value is not None else None


def _certainty(concept: Any) -> str | None:
    """The letter of an ICD-10-GM code's certainty extension (A, V, Z, G), if it has one."""
    for coding in (concept.coding or []) if concept is not None else []:
        for extension in coding.extension or []:
            value = getattr(extension, "valueCoding", None)
            if (extension.url or "").endswith(_CERTAINTY_EXTENSION) and value is not None:
                return (value.code or "").upper()
    return None


def _first_code(concept: Any) -> str | None:
    if concept is None:
        return None
    return next((c.code for c in concept.coding or [] if c.code), None)
