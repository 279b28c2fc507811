"""A timing "after onset" counts from the onset of the present episode, not from a finding
the record dates years back (a congenital toe deformity beside this week's flare)."""

AT = "2032-09-23T10:00:00Z"


def _onset_anchors(result) -> set[str]:
    return {t.anchor_time.date().isoformat() for item in result.items() for t in item.timing
            if t.anchor_time is not None and (t.anchor_event or "").startswith("onset")}


def test_an_old_finding_is_no_onset_of_this_weeks_swelling(seeded_kb):
    patient = {"conditions": [{"text": "fibrodysplasia ossificans progressiva",
                               "date": "2022-01-01"}],
               "findings": [{"text": "hallux valgus", "date": "2018-01-01"},
                            {"text": "warm swelling of the right thigh", "date": "2032-09-21"}]}
    assert _onset_anchors(seeded_kb.assess(patient, at=AT)) == {"2032-09-21"}


def test_findings_of_one_episode_count_from_the_first_of_them(seeded_kb):
    patient = {"findings": [{"text": "swelling of the left thigh", "date": "2032-07-01"},
                            {"text": "warmth of the left thigh", "date": "2032-09-21"}]}
    assert _onset_anchors(seeded_kb.assess(patient, at=AT)) == {"2032-07-01"}
