"""A care's time window opens only after an event at a site its sources name for it.

The seeds give radiation "within 24–48 hours of surgery" and, in the next sentence, the
sites it is used for (hip, knee, elbow, shoulder, jaw, or after spinal cord trauma): an
operation on a gallbladder or a finger opens no radiation window; one on a tibial plateau
(part of the knee), on a long bone or at a site the record does not give does; any
operation of a patient with a spinal cord injury does.
"""

from __future__ import annotations

import pytest

from osteon import KnowledgeBase

AT = "2026-11-20T10:00:00Z"
YESTERDAY = "2026-11-19T09:00:00Z"
LIVE = ("open", "closing")


def _radiation_windows(kb: KnowledgeBase, procedure: dict, **more: object):  # type: ignore[no-untyped-def]
    result = kb.assess({"age": 50, "procedures": [{**procedure, "date": YESTERDAY}], **more},
                       at=AT)
    return [t for i in result.prophylaxis if i.subject == "radiation_therapy"
            for t in i.timing if t.anchor == "surgery"]


@pytest.mark.parametrize("procedure", [
    {"text": "Surgery", "notes": ["laparoscopic cholecystectomy"]},      # where: not said
    {"text": "revision amputation of the left index finger"},          # a finger
])
def test_an_operation_away_from_the_named_sites_is_no_setting_for_radiation(
        seeded_kb: KnowledgeBase, procedure: dict) -> None:
    result = seeded_kb.assess({"age": 50, "procedures": [{**procedure, "date": YESTERDAY}]},
                              at=AT)
    advice = [i for name in ("prophylaxis", "treatment") for i in getattr(result, name)]
    assert advice and not any("radiation" in i.subject for i in advice)
    said = [w for w in result.warnings if w.startswith("Radiation therapy: not applicable")]
    assert said and "hip" in said[0] and "none of these there" in said[0]


@pytest.mark.parametrize("procedure", [
    # a long bone's shaft is at neither joint its ends make (patients35: a humeral shaft
    # plating opened the window; patients16: a femoral rod in a child)
    {"text": "open reduction and internal fixation of humeral shaft fracture"},
    {"text": "Отворена репозиција и внатрешна фиксација на дијафизата на десниот хумерус"},
    {"text": "transtibial amputation", "site": "tibia"},
    # an amputation named by the joint it spares cuts the bone beside it (patients40: a
    # below-knee amputation opened the window at the knee)
    {"text": "Below-knee amputation, left, tibia cut 14 cm below the joint line"},
    {"text": "above the elbow amputation"},
    # ... and where the record puts it in the leg (patients42: "R leg, knee" read from a
    # guillotine amputation below the knee had opened the knee's window through the leg)
    {"text": "Debridement + guillotine amputation R leg below knee"},
])
def test_an_operation_on_a_long_bones_shaft_opens_no_window(seeded_kb: KnowledgeBase,
                                                            procedure: dict) -> None:
    windows = _radiation_windows(seeded_kb, procedure)
    assert not any(w.status in LIVE for w in windows), windows


@pytest.mark.parametrize("procedure", [
    {"text": "excision of a desmoid tumour"},
    {"text": "Operación", "notes": ["Resección de los quistes; sin complicaciones."]},
])
def test_an_excision_done_anywhere_without_a_site_opens_no_window(seeded_kb: KnowledgeBase,
                                                                  procedure: dict) -> None:
    """An excision, a biopsy or a debridement may be done anywhere in the body: written
    without a site (patients37: "Resección" of a desmoid, "Exérèse" of calcinosis), it is no
    operation at the hip, knee, elbow, shoulder or jaw the radiation's sources name."""
    windows = _radiation_windows(seeded_kb, procedure)
    assert not any(w.status in LIVE for w in windows), windows


def test_an_excision_at_a_named_site_opens_it(seeded_kb: KnowledgeBase) -> None:
    windows = _radiation_windows(seeded_kb, {"text": "excision of heterotopic ossification "
                                                     "of the right hip"})
    assert any(w.status in LIVE for w in windows), windows


@pytest.mark.parametrize("procedure", [
    {"text": "ORIF of the tibial plateau"},                   # part of the knee
    {"text": "total hip arthroplasty"},                       # the hip, by its name
    {"text": "intramedullary nailing", "site": "tibia"},      # a long bone: either end
    {"text": "revision amputation"},                          # the record gives no site
    {"text": "ORIF of intertrochanteric fracture", "site": "femur"},  # the femur's hip end
    {"text": "intramedullary nailing of femoral shaft fracture"},  # in through the hip
    # an excision written in another language at the jaw (patients36), a jaw operation
    # coded only in CPT (patients35: a coronoidectomy, 21070)
    {"text": "Внутриротовая короноидэктомия (резекция венечного отростка нижней челюсти)"},
    {"text": "", "codes": [{"system": "http://www.ama-assn.org/go/cpt", "code": "21070"}]},
    # a jaw fracture's fixation in Dutch (patients42), under a local code only
    {"text": "Open repositie en interne fixatie mandibula: parasymfysair links 2 miniplaten",
     "codes": [{"system": "urn:example:local-procedures", "code": "KCH-0318"}]},
])
def test_an_operation_at_or_near_a_named_site_opens_it(seeded_kb: KnowledgeBase,
                                                       procedure: dict) -> None:
    assert any(w.status in LIVE for w in _radiation_windows(seeded_kb, procedure))


def test_any_operation_of_a_patient_with_a_named_injury_opens_it(seeded_kb: KnowledgeBase
                                                                  ) -> None:
    windows = _radiation_windows(seeded_kb, {"text": "Surgery", "notes": ["cholecystectomy"]},
                                 conditions=[{"text": "spinal cord injury",
                                              "date": "2026-10-01"}])
    assert any(w.status in LIVE for w in windows)


def test_an_unsited_mention_of_an_operation_the_record_sites_elsewhere_is_that_operation(
        seeded_kb: KnowledgeBase) -> None:
    # the coded operation names the finger; a progress note of the same day names none
    result = seeded_kb.assess({"age": 50, "procedures": [
        {"text": "revision amputation of the left index finger", "date": YESTERDAY}],
        "notes": [{"text": "POD1 s/p revision amputation, pain controlled",
                   "date": AT}]}, at=AT)
    advice = [i for name in ("prophylaxis", "treatment") for i in getattr(result, name)]
    assert not any("radiation" in i.subject for i in advice)



def test_a_spinal_fusion_written_as_surgeons_write_it_opens_the_window_after_cord_injury(
        seeded_kb: KnowledgeBase) -> None:
    # "posterior instrumented fusion", "open reduction": the operation, dated, in a patient
    # with a spinal cord injury (radiation is given "in patients after spinal cord trauma")
    windows = _radiation_windows(
        seeded_kb, {"text": "Open reduction + posterior instrumented fusion T10-L2 (pedicle "
                            "screws), T12 laminectomy"},
        conditions=[{"text": "complete spinal cord injury", "date": "2026-11-12"}])
    assert any(w.status in LIVE for w in windows)


def test_a_body_site_in_another_language_places_an_operation_read_from_its_text(
        seeded_kb: KnowledgeBase) -> None:
    """A German record's "Débridement des Extensorenursprungs" with its bodySite
    "Ellenbogen rechts" (patients32): the debridement is at the elbow, where the radiation's
    sources name it, not an operation of no site (which now opens no window)."""
    procedure = {"text": "Offenes Release und Débridement des Extensorenursprungs (OP nach "
                         "Nirschl)", "site": "Ellenbogen rechts", "date": YESTERDAY}
    result = seeded_kb.assess({"age": 50, "procedures": [procedure]}, at=AT)
    (debridement,) = [f for f in result.patient.facts if f.concept == "debridement"]
    assert debridement.sites == ("elbow",), debridement
    assert any(w.status in LIVE for w in _radiation_windows(seeded_kb, procedure))
