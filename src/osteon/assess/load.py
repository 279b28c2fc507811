"""Patient input from a file, bytes or a parsed object: JSON patient or FHIR Bundle.

The format is told by content: an object with `resourceType` is FHIR (it
must be a Bundle), anything else is the patient JSON format. Inputs over the
size limit are refused before they are parsed.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from osteon.assess.errors import PatientInputError, PatientTooLarge
from osteon.assess.fhir import parse_bundle
from osteon.assess.mapping import build_patient
from osteon.assess.patient_json import PatientIn, parse_patient_json
from osteon.assess.records import Patient
from osteon.assess.rules import AssessRules
from osteon.reading.lexicon import Lexicon

PatientSource = str | Path | bytes | dict | PatientIn | Patient


def read_input(source: str | Path | bytes | dict, max_bytes: int) -> tuple[Any, str]:
    """(parsed JSON, a name for messages) from a path, raw bytes or an already-parsed object."""
    if isinstance(source, dict):
        return source, "patient"
    if isinstance(source, bytes):
        name, data = "patient", source
        _check_size(name, len(data), max_bytes)
    else:
        path = Path(source)
        name = str(path)
        try:
            _check_size(name, path.stat().st_size, max_bytes)
            data = path.read_bytes()
        except FileNotFoundError:
            raise PatientInputError(f"{name}: no such file") from None
        except IsADirectoryError:
            raise PatientInputError(f"{name}: is a folder, not a patient file") from None
        except OSError as exc:
            raise PatientInputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        return json.loads(data), name
    except UnicodeDecodeError:
        raise PatientInputError(f"{name}: not UTF-8 text (a patient file is JSON)") from None
    except json.JSONDecodeError as exc:
        raise PatientInputError(f"{name}: not valid JSON (line {exc.lineno}, column "
                                f"{exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise PatientInputError(f"{name}: JSON nested too deeply") from None


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise PatientTooLarge(f"{name}: {size:,} bytes is over the limit of {max_bytes:,} "
                              "bytes for one patient")


def to_patient_in(raw: Any, name: str) -> PatientIn:
    """The patient JSON model from parsed JSON of either format."""
    if isinstance(raw, dict) and "resourceType" in raw:
        return parse_bundle(raw, name=name)
    return parse_patient_json(raw, name=name)


def load_patient(source: PatientSource, lexicon: Lexicon, rules: AssessRules,
                 at: datetime) -> Patient:
    """A mapped `Patient` from any accepted source (PatientInputError when unusable)."""
    if isinstance(source, Patient):
        return source
    if isinstance(source, PatientIn):
        return build_patient(source, lexicon, rules, at)
    raw, name = read_input(source, rules.max_input_bytes)
    return build_patient(to_patient_in(raw, name), lexicon, rules, at)
