"""The small patient JSON format, as pydantic models that name the bad field.

```json
{
  "id": "example-1",
  "age": 67, "sex": "female",
  "conditions":  [{"text": "osteoarthritis of hip",
                   "codes": [{"system": "ICD-10-CM", "code": "M16.11"}],
                   "date": "2019-05-01", "site": "right hip", "status": "active"}],
  "procedures":  [{"text": "total hip arthroplasty", "date": "2025-03-10T09:30:00Z",
                   "end": "2025-03-10T11:15:00Z", "site": "right hip"}],
  "injuries":    [{"text": "spinal cord injury",
                   "codes": [{"system": "ICD-10-CM", "code": "S24.109A"}], "date": "2025-01-20"}],
  "findings":    [{"text": "swelling", "site": "left thigh", "date": "2025-03-01"}],
  "labs":        [{"text": "alkaline phosphatase", "codes": [{"system": "LOINC", "code": "6768-6"}],
                   "value": 310, "unit": "U/L", "reference_high": 120, "date": "2025-03-02"}],
  "medications": [{"text": "indomethacin", "date": "2025-03-10", "status": "active"}],
  "allergies":   [{"text": "aspirin"}],
  "notes":       ["warm, swollen left thigh; no foot or ankle edema",
                  {"text": "possible heterotopic ossification", "date": "2025-03-02"}],
  "history_of_ho": true
}
```

Every entry needs `text` or `codes` (systems: SNOMED CT, ICD-10-CM, ICD-10-PCS,
CPT, RxNorm, LOINC, MeSH, or their FHIR URIs). `date` is the onset, the time of the
procedure, of the lab sample or the start of a medication: ISO 8601, a
date-time with its zone where a deadline depends on it; `end` the end of a
period (the operation's end: a timing "after surgery" counts from it). `status` is active,
resolved, history, planned, stopped, possible (suspected, not confirmed) or
absent (looked for and not found): possible and absent entries are shown, never
acted on. `notes` (top level, or on an entry) are
free text, read for concepts with their assertion status: "no ankle edema" is an
absent finding, "history of" history, "possible" hedged. `severity` ("Severe") on an
entry makes it the severe kind the lexicon has ("severe burn"). Unknown keys are
refused, so a typo never silently drops data.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from osteon.assess.errors import PatientInputError
from osteon.datafiles import Strict

Status = Literal["active", "resolved", "history", "planned", "stopped", "possible", "absent"]
MAX_AGE = 130
"""The oldest age in years the format takes (the assess form says the same)."""


class CodingIn(Strict):
    """One code: its system, the code and, if known, its display text."""

    system: str = Field(min_length=1)
    code: str = Field(min_length=1)
    display: str | None = None


class EntryIn(Strict):
    """A condition, procedure, injury, finding, medication or allergy."""

    text: str | None = None
    codes: list[CodingIn] = []
    date: str | None = None
    end: str | None = None
    """The end of a period (an operation's end time, a medication's stop): timings "after
    surgery" count from it."""
    site: str | list[str] | None = None
    status: Status = "active"
    notes: list[str] = []
    """Free text about this entry (a FHIR note, an Observation's valueString): read for
    findings with their assertion status ("no ankle edema" is an absent finding)."""
    severity: str | None = None
    """How severe the record says it is ("Severe", a FHIR Condition's severity): a burn of
    19 % of the body coded as severe is the severe burn the sources say HO follows."""
    source: str | None = None
    """Where the entry came from (a FHIR resource), filled in by the FHIR reader."""

    @model_validator(mode="after")
    def _named(self) -> EntryIn:
        if not (self.text and self.text.strip()) and not self.codes:
            raise ValueError("an entry needs `text` or `codes`")
        return self

    def sites(self) -> list[str]:
        if self.site is None:
            return []
        return [self.site] if isinstance(self.site, str) else list(self.site)


class LabIn(EntryIn):
    """A laboratory result: the value, its unit and, where known, whether it is high."""

    value: float | None = Field(default=None, allow_inf_nan=False)
    unit: str | None = None
    reference_high: float | None = Field(default=None, allow_inf_nan=False)
    high: bool | None = None
    """Set directly (an "H" interpretation) or worked out from `reference_high`."""

    def is_high(self) -> bool | None:
        if self.high is not None:
            return self.high
        if self.value is not None and self.reference_high is not None:
            return self.value > self.reference_high
        return None


class NoteIn(Strict):
    """A free-text note: what it says, and when (its findings take this date)."""

    text: str = Field(min_length=1)
    date: str | None = None
    source: str | None = None


class PatientIn(Strict):
    """The patient file: demographics, then lists of entries (all optional)."""

    id: str | None = None
    age: int | None = Field(default=None, ge=0, le=MAX_AGE)
    birth_date: str | None = None
    sex: Literal["female", "male", "other", "unknown"] | None = None
    conditions: list[EntryIn] = []
    procedures: list[EntryIn] = []
    injuries: list[EntryIn] = []
    findings: list[EntryIn] = []
    labs: list[LabIn] = []
    medications: list[EntryIn] = []
    allergies: list[EntryIn] = []
    history_of_ho: bool = False
    notes: list[NoteIn] = []
    """Free-text notes (a string, or {"text", "date"}), read for findings and history."""
    warnings: list[str] = []
    """Problems found while building this record (the FHIR reader's), passed on."""

    @field_validator("notes", mode="before")
    @classmethod
    def _plain_notes(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value


def parse_patient_json(raw: Any, *, name: str = "patient") -> PatientIn:
    """Validate a parsed JSON object as a patient; PatientInputError naming the field."""
    if not isinstance(raw, dict):
        raise PatientInputError(f"{name}: expected a JSON object (a patient), "
                                f"not {type(raw).__name__}")
    try:
        return PatientIn.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise PatientInputError(f"{name}: {where}: {first['msg']}{more}") from exc
