"""The patient-set scorer (eval/patients4/score.py) counts what a report cautions.

A caution sits beside what it is about: a stated caution, or what a test cannot show
quoted beside the test ("X-ray: During the early stage, an x-ray will not be helpful");
a test the sources recommend is no caution.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "eval" / "patients4" / "score.py"


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("patient_score", SCORER)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _caution_passes(item: dict) -> bool:
    checks = _scorer().score_patient({"surveillance": [item]},
                                     {"cautions_mentions": ["x-ray|radiograph"]})
    return all(ok for name, ok, _ in checks if name.startswith("caution"))


def test_what_a_test_cannot_show_is_a_caution_about_it() -> None:
    assert _caution_passes({"predicate": "not_useful_for_diagnosis",
                            "text": "X-ray: During the early stage, an x-ray will not be "
                                    "helpful because there is no calcium in the matrix."})
    assert _caution_passes({"predicate": "caution", "text": "X-ray: may be negative early."})


def test_a_recommended_test_is_no_caution() -> None:
    assert not _caution_passes({"predicate": "diagnostic_test_for",
                                "text": "X-ray helps diagnose heterotopic ossification"})
