"""Remembered display matches: one lexicon's answer is never another lexicon's.

`match_display` and the body-site lookup remember their results per (text, lexicon)
(the CDS service maps the same displays call after call); a lexicon built from other
data must get its own answer, not the one remembered for the packaged lexicon.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from functools import cache
from typing import Any

from osteon.assess.display import MEMO_MAX_CHARS, match_display
from osteon.assess.load import load_patient
from osteon.assess.rules import assess_rules
from osteon.datafiles import data_path, load_yaml
from osteon.reading.lexicon import Lexicon, build_lexicon, load_lexicon

AT = datetime(2026, 11, 20, 10, tzinfo=UTC)
DISPLAY = "Total replacement of right hip"


@cache
def _packaged_files() -> dict[str, Any]:
    names = sorted(n.name for n in data_path("lexicon").iterdir() if n.name.endswith(".yaml"))
    return {f"data/lexicon/{n}": load_yaml("lexicon", n) for n in names}


def _lexicon_without_synonyms(*concepts: str) -> Lexicon:
    """The packaged lexicon's data with the synonyms of these concepts left out."""
    files = copy.deepcopy(_packaged_files())
    for entries in files.values():
        for entry in entries:
            if entry["id"] in concepts:
                entry["synonyms"] = []
    return build_lexicon(files)


def test_a_remembered_display_match_is_not_another_lexicons():
    packaged = load_lexicon()
    other = _lexicon_without_synonyms("total_hip_arthroplasty")
    assert match_display(DISPLAY, packaged, ["procedure"]).concept == "total_hip_arthroplasty"
    assert match_display(DISPLAY, other, ["procedure"]) is None  # not the remembered match
    assert match_display(DISPLAY, packaged, ("procedure",)).concept == "total_hip_arthroplasty"
    assert match_display(DISPLAY, packaged, ["drug"]) is None  # the types are part of the key


def test_a_long_text_is_matched_as_a_short_one():
    long_text = DISPLAY + " " * MEMO_MAX_CHARS  # past the memo's bound, same words
    hit = match_display(long_text, load_lexicon(), ["procedure"])
    assert hit is not None and hit.concept == "total_hip_arthroplasty"


def test_mapping_a_patient_follows_the_lexicon_it_is_given():
    raw = {"id": "p", "procedures": [
        {"text": "total hip arthroplasty", "date": "2026-11-19", "site": "right upper leg"},
        {"text": DISPLAY, "date": "2026-11-19"}]}
    seen = load_patient(raw, load_lexicon(), assess_rules(), AT)
    assert [(f.concept, f.sites) for f in seen.facts] == [
        ("total_hip_arthroplasty", ("thigh",)), ("total_hip_arthroplasty", ())]
    other = _lexicon_without_synonyms("total_hip_arthroplasty", "thigh")
    again = load_patient(raw, other, assess_rules(), AT)
    assert [(f.concept, f.sites) for f in again.facts] == [("total_hip_arthroplasty", ())]
    assert [u.text for u in again.not_recognised] == [DISPLAY]
    assert any("'right upper leg' is not in the lexicon" in w for w in again.warnings)
