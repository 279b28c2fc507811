"""Errors for patient input that osteon refuses to assess (one clear line each).

Everything else that is odd but usable (an unknown code, a date in the future,
an unsupported resource type) becomes a warning on the assessment instead:
refusing a whole record for one bad entry would help no one.
"""

from __future__ import annotations

from osteon.errors import OsteonError


class PatientInputError(OsteonError):
    """The patient file or bundle cannot be read as a patient at all."""


class PatientTooLarge(PatientInputError):
    """The input is over the size limit (a 20 MB bundle is no single patient's record)."""


class WrongFhirVersion(PatientInputError):
    """The bundle is FHIR, but not R4 (osteon reads FHIR R4 / 4.0.1 and R4B)."""
