"""Records of patients set 46 (dev): national code editions, a retold operation, a booked one.

Each case is a small record written for the test (no real patient) in the shape of a record
that was misread, with the fact or window it must give.
"""

from __future__ import annotations

import pytest
from assess_support import record

from osteon import KnowledgeBase

AT = "2026-11-20T10:00:00Z"
LIVE = ("open", "closing")


@pytest.mark.parametrize("kind,system,code,concept", [
    # China's national clinical editions: ICD-10 with digits below the WHO code, and the
    # procedure volume of ICD-9-CM ("79.1500": closed reduction and nailing of the femur,
    # under the family 79 of fracture reductions)
    ("conditions", "urn:cn:nhc:icd-10:clinical-2.0", "S72.300", "femur_fracture"),
    ("procedures", "urn:cn:nhc:icd-9-cm-3:clinical-2.0", "79.1500", "orthopedic_surgery"),
    # Spain's CIE-10-ES named with its volume and year
    ("conditions", "urn:es:mscbs:cie-10-es:diagnosticos:2024", "G93.1",
     "anoxic_brain_injury"),
])
def test_a_national_edition_named_with_its_volume_and_year_is_read(kind, system, code,  # type: ignore[no-untyped-def]
                                                                  concept):
    facts = record({kind: [{"codes": [{"system": system, "code": code}],
                            "date": "2026-11-19T14:00:00Z"}]}).facts
    assert [f.concept for f in facts] == [concept], [f.how for f in facts]


def test_a_cerebral_fat_embolism_is_a_stroke():
    facts = record({"conditions": [{"text": "脑脂肪栓塞 (cerebral fat embolism)",
                                    "date": "2026-11-15T06:00:00Z"}]}).facts
    assert [f.concept for f in facts] == ["cerebral_embolism"], [f.how for f in facts]


def test_a_summary_retelling_an_operation_weeks_later_does_not_date_it_anew():
    """A transfer summary of 12 February names the hysterectomy of 17 January (the record
    lists it): dated at the summary it had opened a radiation window that day."""
    patient = record({
        "procedures": [{"text": "Histerectomía subtotal por hemorragia",
                        "date": "2026-10-24T05:10:00Z"}],
        "notes": [{"text": "Cesárea perimortem. Histerectomía subtotal por CID.",
                   "date": "2026-11-19T09:00:00Z"}]})
    days = {f.when.date().isoformat() for f in patient.facts if f.concept == "hysterectomy"}
    assert days == {"2026-10-24"}, [f.how for f in patient.facts]


def test_a_hysterectomy_opens_no_radiation_window(seeded_kb: KnowledgeBase) -> None:
    """A gynaecological operation is away from the joints the radiation's sources name, also
    for a patient with an anoxic brain injury (no spinal cord trauma)."""
    result = seeded_kb.assess({"age": 36, "conditions": [
        {"text": "anoxic brain injury", "date": "2026-11-01T09:00:00Z"}], "procedures": [
        {"text": "Histerectomía subtotal", "date": "2026-11-19T09:00:00Z"}]}, at=AT)
    windows = [t for i in result.prophylaxis if i.subject == "radiation_therapy"
               for t in i.timing if t.anchor == "surgery"]
    assert not any(w.status in LIVE for w in windows), windows


def test_a_booked_amputation_through_the_knee_is_at_the_knee(seeded_kb: KnowledgeBase) -> None:
    """A through-knee amputation booked after a transtibial one: the done one's words
    ("transtibial") do not put the booked one mid-bone; its window waits for it."""
    result = seeded_kb.assess({"age": 7, "procedures": [
        {"text": "Guillotine transtibial amputation R", "date": "2026-11-18T21:00:00Z"},
        {"text": "Definitive R through-knee amputation (knee disarticulation)",
         "status": "planned", "date": "2026-11-22T12:00:00Z"}],
        "notes": [{"text": "Procedure: debridement, guillotine transtibial amputation R."}]},
        at=AT)
    windows = [t for i in result.prophylaxis if i.subject == "radiation_therapy"
               for t in i.timing if t.anchor == "surgery"]
    assert [w.status for w in windows] == ["not_started"], windows


def test_an_operation_s_own_name_is_dated_by_its_entry():
    """"Réduction sanglante et reprise : conversion en prothèse totale de hanche" on a code
    osteon does not know, two days after a closed reduction: its own day, not the other's."""
    patient = record({"procedures": [
        {"codes": [{"system": "https://example.org/ccam-local", "code": "NEEP002",
                    "display": "Réduction orthopédique d'une luxation de prothèse de "
                               "l'articulation coxofémorale"}],
         "date": "2026-11-17T14:15:00Z"},
        {"codes": [{"system": "https://example.org/ccam-local", "code": "NEKA020"}],
         "text": "Réduction sanglante et reprise : conversion en prothèse totale de hanche "
                 "droite", "date": "2026-11-19T14:30:00Z"}]})
    days = {f.when.date().isoformat() for f in patient.facts
            if f.concept == "total_hip_arthroplasty"}
    assert days == {"2026-11-19"}, [f.how for f in patient.facts]
