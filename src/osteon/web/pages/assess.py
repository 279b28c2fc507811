"""Assess (`/assess`): a patient form or a patient file (JSON, FHIR Bundle) → a printable report.

The form builds the patient JSON format (`osteon.assess.patient_json`), so the
form, an uploaded file and the API go through one reader and one engine; a
field the reader refuses comes back as a message on the form, nothing else lost.
"""

from __future__ import annotations

import math
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from osteon.assess.errors import PatientInputError
from osteon.assess.patient_json import MAX_AGE
from osteon.assess.render import report_context
from osteon.web.pages.render import render
from osteon.web.state import AppState
from osteon.web.uploads import PATIENT_TYPES, read_upload

SEXES = ("female", "male", "other", "unknown")
MAX_FIELD_CHARS = 2000


def _lines(text: str) -> list[str]:
    """One entry per line, as the form says ("fracture of femur, left" stays one entry)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _when(value: str) -> str | None:
    """A form's date or datetime-local value as ISO 8601 (times are UTC, as the form says)."""
    value = value.strip()
    if not value:
        return None
    return value + "Z" if "T" in value and not value.endswith("Z") else value


def _number(value: str, name: str) -> float | None:
    value = value.strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise PatientInputError(f"{name}: {value!r} is not a number") from None
    if not math.isfinite(number):  # float() reads "nan", "inf" and "1e999"
        raise PatientInputError(f"{name}: {value!r} is not a finite number")
    return number


def _age(value: str) -> int | None:
    """Age in whole years, 0–130, as the patient JSON format takes it."""
    message = f"age: {value.strip()!r} is not a number (whole years from 0 to {MAX_AGE})"
    try:
        age = _number(value, "age")
    except PatientInputError:
        raise PatientInputError(message) from None
    if age is None:
        return None
    if not age.is_integer() or not 0 <= age <= MAX_AGE:
        raise PatientInputError(message)
    return int(age)


def patient_from_form(form: dict[str, str]) -> dict[str, Any]:
    """The patient JSON for what the form says (empty fields left out)."""
    for name, value in form.items():
        if len(value) > MAX_FIELD_CHARS:
            raise PatientInputError(f"{name}: longer than {MAX_FIELD_CHARS} characters")
    f = {k: v.strip() for k, v in form.items()}
    age = _age(f.get("age", ""))
    patient: dict[str, Any] = {"id": f.get("id") or "form patient",
                               "history_of_ho": f.get("history_of_ho") == "on"}
    if age is not None:
        patient["age"] = age
    if f.get("sex") in SEXES:
        patient["sex"] = f["sex"]

    def entries(key: str, when: str | None = None, site: str | None = None,
                status: str = "active") -> list[dict[str, Any]]:
        out = []
        for text in _lines(f.get(key, "")):
            entry: dict[str, Any] = {"text": text, "status": status}
            if when and _when(f.get(when, "")):
                entry["date"] = _when(f[when])
            if site and f.get(site):
                entry["site"] = f[site]
            out.append(entry)
        return out

    patient["procedures"] = entries("procedures", "procedure_time", "procedure_site")
    patient["procedures"] += entries("planned", "planned_time", "procedure_site", "planned")
    patient["injuries"] = entries("injuries", "injury_date", "injury_site")
    patient["conditions"] = entries("conditions")
    patient["findings"] = entries("findings", "finding_date", "finding_site")
    patient["medications"] = entries("medications")
    if f.get("notes"):  # free text, read with its negations and hedges kept
        note: dict[str, Any] = {"text": f["notes"]}
        if _when(f.get("notes_date", "")):
            note["date"] = _when(f["notes_date"])
        patient["notes"] = [note]
    alp = _number(f.get("alp", ""), "alkaline phosphatase")
    if alp is not None:
        lab: dict[str, Any] = {"text": "alkaline phosphatase", "value": alp, "unit": "U/L"}
        high = _number(f.get("alp_high", ""), "alkaline phosphatase upper limit")
        if high is not None:
            lab["reference_high"] = high
        if _when(f.get("alp_date", "")):
            lab["date"] = _when(f["alp_date"])
        patient["labs"] = [lab]
    return patient


def router(state: AppState) -> APIRouter:
    routes = APIRouter()

    def form_page(request: Request, status: int = 200, error: str | None = None,
                  values: dict[str, str] | None = None) -> Response:
        return render("assess.html", request, status=status, error=error, values=values or {},
                      sexes=SEXES, limit_mb=state.max_body // (1024 * 1024))

    async def report(request: Request, source: Any, at: str | None) -> Response:
        assessment = await state.run(lambda kb: kb.assess(source, at or None))  # off the loop
        return render("report.html", request, **report_context(assessment))

    @routes.get("/assess", response_class=HTMLResponse)
    async def assess_form(request: Request) -> Response:
        return form_page(request)

    @routes.post("/assess", response_class=HTMLResponse)
    async def assess_submitted(request: Request) -> Response:
        form = {k: v for k, v in (await request.form(max_files=0, max_fields=60)).items()
                if isinstance(v, str)}
        try:
            return await report(request, patient_from_form(form), _when(form.get("at", "")))
        except PatientInputError as exc:
            return form_page(request, 400, str(exc), form)

    @routes.post("/assess/file", response_class=HTMLResponse)
    async def assess_file(request: Request) -> Response:
        try:
            sent = await read_upload(request, "file", PATIENT_TYPES, state.max_body)
        except HTTPException as exc:
            return form_page(request, exc.status_code, str(exc.detail))
        try:
            return await report(request, sent.data, _when(sent.fields.get("at", "")))
        except PatientInputError as exc:
            return form_page(request, 400, f"{sent.filename}: {exc}")

    return routes
