"""Start-up warming: a server's first assessment waits for nothing loaded on first use."""

from __future__ import annotations

from osteon import KnowledgeBase
from osteon.assess import fhir, notes
from osteon.assess.display import _by_word
from osteon.datafiles import load_yaml


def test_the_warm_patient_is_read_whole_and_loads_the_reading_pipeline(
        seeded_kb: KnowledgeBase) -> None:
    """Every resource type the FHIR reader uses is in the warm-up patient, each one valid
    (a skipped resource would leave its model class to a real call), and warming builds
    the note pipeline and display index a real call would otherwise wait for."""
    warm = load_yaml("assess", "warm.yaml")
    kinds = {e["resource"]["resourceType"] for e in warm["bundle"]["entry"]}
    assert kinds == set(fhir.USED)
    notes.note_pipeline.cache_clear()
    notes._read_before.cache_clear()  # a fresh process: no clause read yet
    _by_word.cache_clear()
    seeded_kb.warm()
    assert notes.note_pipeline.cache_info().currsize == 1
    assert _by_word.cache_info().currsize == 1
    assessment = seeded_kb.assess(warm["bundle"], at=str(warm["at"]))
    assert not assessment.warnings and not assessment.patient.not_recognised
    read = {f.concept for f in assessment.patient.facts}
    assert {"foot_and_ankle_edema", "burn", "total_hip_arthroplasty"} <= read
