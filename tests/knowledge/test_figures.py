"""Differing figures for one measured thing are a conflict ("figures differ"); near misses are not.

Sentences are our own: small documents, each test knowing what the figures say.
"""

from __future__ import annotations

import json
from pathlib import Path

from osteon import KnowledgeBase
from osteon.knowledge.conflicts import figure_conflicts, number_conflict
from osteon.knowledge.profile import stances_of
from osteon.knowledge.records import Assertion, AssertionKey, QualifierValue
from osteon.knowledge.rules import conflict_rules
from osteon.knowledge.views import fact_lines
from osteon.reading.lexicon import load_lexicon
from osteon.reading.records import Figure, Scope

KIND = conflict_rules().figures.kind


def _kb(tmp_path: Path, pages: dict[str, str]) -> KnowledgeBase:
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase.open(tmp_path / "osteon.sqlite", default_corpus=False)
    kb.ingest(sorted(tmp_path.glob("*.md")))
    return kb


def _figure_conflicts(kb: KnowledgeBase) -> list[tuple[set[str], str]]:
    """(subjects of both sides, explanation) of each figures-differ conflict."""
    out = []
    for view in kb.conflicts():
        if view.conflict.kind == KIND:
            out.append(({view.a.assertion.subject, view.b.assertion.subject},
                        view.conflict.explanation))
    return out


def test_two_sources_giving_different_figures_conflict(tmp_path: Path) -> None:
    kb = _kb(tmp_path, {
        "one.md": "# Notes on bone in muscle\n\n"
                  "Spinal cord injury causes heterotopic ossification in 20-29% of patients.\n"
                  "A bone scan shows heterotopic ossification 7-10 days earlier than an X-ray.\n",
        "two.md": "# More notes on bone in muscle\n\n"
                  "Spinal cord injury causes heterotopic ossification in 10-15% of patients.\n"
                  "An X-ray shows heterotopic ossification 2-6 weeks after a positive bone scan.\n",
    })
    try:
        found = _figure_conflicts(kb)
        incidence = [text for subjects, text in found if subjects == {"spinal_cord_injury"}]
        assert incidence and "20-29%" in incidence[0] and "10-15%" in incidence[0]
        # One lag, bone scan to X-ray, said two ways: 7-10 days against 2-6 weeks.
        lag = [text for subjects, text in found if subjects == {"bone_scan", "x_ray"}]
        assert lag and "7-10 days" in lag[0] and "2-6 weeks" in lag[0]
        fact = next(f for f in kb.facts("spinal cord injury")
                    if f.assertion.predicate == "risk_factor_for")
        assert any(c.kind == KIND for c in fact.conflicts)
    finally:
        kb.close()


def test_overlapping_figures_and_other_populations_do_not_conflict(tmp_path: Path) -> None:
    kb = _kb(tmp_path, {
        "one.md": "# Notes on bone in muscle\n\n"
                  "Spinal cord injury causes heterotopic ossification in 20-29% of patients.\n",
        "three.md": "# Yet more notes\n\n"
                    "Spinal cord injury causes heterotopic ossification in 25-35% of patients.\n",
        "sci.md": "# Bone in muscle\n\n## Spinal cord injury patients\n\n"
                  "Heterotopic ossification recurs in 20-30% of patients after surgical "
                  "resection.\n",
        "burn.md": "# Bone in muscle, again\n\n## Burn patients\n\n"
                   "Heterotopic ossification recurs in 60-70% of patients after surgical "
                   "resection.\n",
    })
    try:
        assert _figure_conflicts(kb) == []
        recurrence = next(f for f in kb.facts() if f.assertion.predicate == "recurrence_rate")
        assert {v.scope.population for v in recurrence.qualifiers.values} == {
            ("spinal_cord_injury",), ("burn",)}
        shown = "\n".join(fact_lines(recurrence))  # each figure says whom it is for
        assert "population: burn" in shown and "population: spinal_cord_injury" in shown
    finally:
        kb.close()


def test_a_lag_said_both_ways_by_two_pages_is_a_conflict_that_ask_shows(tmp_path: Path) -> None:
    # the shape of issue 14's example: one page gives the lag from the scan's side, the other
    # from the X-ray's, naming the scan through what it was diagnosed with
    kb = _kb(tmp_path, {
        "scan.md": "# Imaging\n\n"
                   "A bone scan can show heterotopic ossification 7-10 days earlier than an "
                   "x-ray.\n",
        "film.md": "# Diagnosis\n\n"
                   "Neurogenic heterotopic ossification becomes visible on plain radiography "
                   "about two to six weeks after diagnosis using the triple phase bone scan.\n",
    })
    try:
        lag = [text for subjects, text in _figure_conflicts(kb)
               if subjects == {"bone_scan", "x_ray"}]
        assert len(lag) == 1
        assert "7-10 days" in lag[0] and "two to six weeks" in lag[0]
        assert "[scan]" in lag[0] and "[film]" in lag[0]  # both sources cited
        answer = kb.ask("How long after a bone scan does an x-ray show heterotopic ossification?")
        assert any(n.kind == KIND for n in answer.conflicts)
        sides = {c.doc for n in answer.conflicts if n.kind == KIND
                 for side in n.sides for c in side.citations}
        assert sides == {"scan", "film"}
    finally:
        kb.close()


def test_osteon_conflicts_lists_differing_figures_with_both_sources(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from osteon.cli import app

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "early.md").write_text("# Onset\n\nHeterotopic ossification begins 1-2 weeks "
                                   "after spinal cord injury.\n", encoding="utf-8")
    (docs / "late.md").write_text("# Timing\n\nHeterotopic ossification begins 3-6 months "
                                  "after spinal cord injury.\n", encoding="utf-8")
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(app, ["--store", store, "ingest", str(docs / "early.md"),
                               str(docs / "late.md")]).exit_code == 0
    shown = runner.invoke(app, ["--store", store, "conflicts", "--json"])
    assert shown.exit_code == 0, shown.output
    found = [c for c in json.loads(shown.stdout) if c["kind"] == KIND]
    assert len(found) == 1
    assert "1-2 weeks" in found[0]["explanation"] and "3-6 months" in found[0]["explanation"]
    cited = {c["doc"] for side in (found[0]["a"], found[0]["b"]) for c in side["citations"]}
    assert {"early", "late"} <= cited
    text = runner.invoke(app, ["--store", store, "conflicts"]).stdout
    assert KIND in text and "1-2 weeks" in text and "3-6 months" in text


def test_a_lag_within_the_other_pages_range_is_no_conflict(tmp_path: Path) -> None:
    kb = _kb(tmp_path, {
        "scan.md": "# Imaging\n\n"
                   "An x-ray shows heterotopic ossification about 3 weeks after a positive bone "
                   "scan.\n",
        "film.md": "# Diagnosis\n\n"
                   "Heterotopic ossification becomes visible on plain radiography two to six "
                   "weeks after diagnosis by bone scan.\n",
    })
    try:
        assert _figure_conflicts(kb) == []
    finally:
        kb.close()


def test_figures_for_other_patients_or_species_said_in_the_sentence_do_not_conflict(
        tmp_path: Path) -> None:
    kb = _kb(tmp_path, {
        "sci.md": "# Recurrence\n\n"
                  "Among patients with spinal cord injury, heterotopic ossification recurs in "
                  "20-30% after surgical resection.\n",
        "burn.md": "# Outcomes\n\n"
                   "In burn patients, heterotopic ossification recurs in 60-70% of cases after "
                   "surgical resection.\n",
        "mouse.md": "# A model\n\n"
                    "In mice, heterotopic ossification appeared 1-2 weeks after a burn injury.\n",
        "people.md": "# Burns\n\n"
                     "In people, heterotopic ossification appears 2-3 months after a burn "
                     "injury.\n",
    })
    try:
        assert _figure_conflicts(kb) == []
        recurrence = next(f for f in kb.facts() if f.assertion.predicate == "recurrence_rate"
                          and f.assertion.subject == "heterotopic_ossification")
        assert {v.scope.population for v in recurrence.qualifiers.values} == {
            ("spinal_cord_injury",), ("burn",)}
    finally:
        kb.close()


def test_a_figure_for_severe_cases_is_not_one_for_every_case(tmp_path: Path) -> None:
    kb = _kb(tmp_path, {
        "all.md": "# Hips\n\nHeterotopic ossification develops in 40-50% of patients after "
                  "total hip arthroplasty.\n",
        "severe.md": "# Hips again\n\nClinically significant heterotopic ossification "
                     "develops in 3-7% of patients after total hip arthroplasty.\n",
        "graded.md": "# Grades\n\nHeterotopic ossification (Brooker grade III or IV) forms in "
                     "2-4% of patients after total hip arthroplasty.\n",
        # the figure nearest the plain mention counts every case
        "mixed.md": "# Both\n\nIn total hip arthroplasty, the incidence of heterotopic "
                    "ossification is 30-60%, with a 5-8% incidence of clinically significant "
                    "heterotopic ossification.\n",
        # "severe" says which burns, not which bone: these two differ
        "burn1.md": "# Burns\n\nHeterotopic ossification is seen in 10-20% of patients "
                    "with severe burns.\n",
        "burn2.md": "# Burns again\n\nHeterotopic ossification is seen in 70-80% of "
                    "patients with severe burns.\n",
    })
    try:
        found = _figure_conflicts(kb)
        assert len(found) == 1 and "10-20%" in found[0][1] and "70-80%" in found[0][1]
        hip = next(f for f in kb.facts() if f.assertion.subject == "total_hip_arthroplasty"
                   and f.assertion.predicate == "risk_factor_for")
        assert {v.text: v.scope.severity for v in hip.qualifiers.values} == {
            "40-50%": (), "3-7%": ("significant",), "2-4%": ("significant",), "30-60%": ()}
        assert "severity: significant" in "\n".join(fact_lines(hip))
    finally:
        kb.close()


def test_a_figure_said_of_one_site_is_not_one_for_every_site(tmp_path: Path) -> None:
    kb = _kb(tmp_path, {
        "hip.md": "# Where\n\nAfter spinal cord injury, heterotopic ossification forms at the "
                  "hip in 70-90% of cases.\n",
        "all.md": "# How often\n\nHeterotopic ossification develops in 10-20% of patients "
                  "with spinal cord injury.\n",
    })
    try:
        assert _figure_conflicts(kb) == []
        sci = next(f for f in kb.facts() if f.assertion.subject == "spinal_cord_injury"
                   and f.assertion.predicate == "risk_factor_for")
        assert {v.text: v.sites for v in sci.qualifiers.values} == {
            "70-90%": ("hip",), "10-20%": ()}
        assert "site: hip" in "\n".join(fact_lines(sci))
    finally:
        kb.close()


def test_a_change_in_risk_is_not_compared_with_a_rate(tmp_path: Path) -> None:
    kb = _kb(tmp_path, {
        "change.md": "# Risk\n\nTotal hip arthroplasty raises the risk of heterotopic "
                     "ossification by 60-70%.\n",
        "rate.md": "# Rate\n\nHeterotopic ossification develops in 5-10% of patients after "
                   "total hip arthroplasty.\n",
    })
    try:
        assert _figure_conflicts(kb) == []
    finally:
        kb.close()


_LEXICON = load_lexicon()
_RULES = conflict_rules()


def _assertion(subject: str = "spinal_cord_injury", obj: str = "heterotopic_ossification",
               ident: int = 1) -> Assertion:
    key = AssertionKey(subject, "risk_factor_for", obj, "", "asserted")
    return Assertion(ident, key, stances_of(key, _RULES, _LEXICON), 2, 2, 2, 0.5,
                     f"SCI raises {obj}", "a")


def _value(low: float, high: float, doc: str, unit: str = "%", *, kind: str = "quantity",
           approximate: bool = False, scope: Scope | None = None) -> QualifierValue:
    return QualifierValue(kind, Figure(f"{low}-{high} {unit}", low, high, unit,
                                       approximate=approximate), (doc,), scope=scope or Scope())


def test_ranges_that_only_touch_differ_but_a_figure_at_a_range_edge_does_not() -> None:
    assert number_conflict(_assertion(), [_value(20, 29, "a"), _value(10, 20, "b")]) is not None
    assert number_conflict(_assertion(), [_value(20, 20, "a"), _value(10, 20, "b")]) is None


def test_figures_equal_within_rounding_agree() -> None:
    assert number_conflict(_assertion(), [_value(30, 30, "a"), _value(31, 31, "b")]) is None
    assert number_conflict(_assertion(), [_value(30, 30, "a"), _value(40, 40, "b")]) is not None


def test_an_approximate_range_is_widened_at_each_end_by_its_own_share() -> None:
    # "about 2-6 weeks" reaches down to 12.6 days (2 weeks less 10 %), not to 9.8
    about = _value(2, 6, "a", "week", kind="timing", approximate=True)
    assert number_conflict(_assertion(), [about, _value(7, 10, "b", "day", kind="timing")])
    assert number_conflict(_assertion(), [about, _value(7, 13, "b", "day", kind="timing")]) is None


def test_deadlines_run_from_zero_and_regimens_are_never_compared() -> None:
    def within(low: float, high: float, doc: str) -> QualifierValue:
        return QualifierValue("timing", Figure(f"within {low}-{high} hours", low, high, "hour",
                                               relation="within"), (doc,), scope=Scope())

    assert number_conflict(_assertion(), [within(24, 48, "a"), within(72, 72, "b")]) is None
    after = [_value(24, 48, "a", "hour", kind="timing"), _value(72, 72, "b", "hour",
                                                                kind="timing")]
    assert number_conflict(_assertion(), after) is not None
    radiation = Assertion(3, AssertionKey("radiation_therapy", "prevents",
                                          "heterotopic_ossification", "", "asserted"),
                          (), 2, 2, 2, 0.5, "Radiation prevents HO", "a")
    doses = [_value(7, 8, "a", "Gy", kind="dose"), _value(20, 20, "b", "Gy", kind="dose")]
    assert number_conflict(radiation, doses) is None  # two regimens, not two measurements
    courses = [_value(6, 6, "a", "week", kind="timing"), _value(10, 10, "b", "day",
                                                                 kind="timing")]
    assert number_conflict(radiation, courses) is None
    assert number_conflict(_assertion(), courses) is not None  # a risk factor's timing is


def test_durations_are_compared_in_one_unit() -> None:
    weeks = _value(2, 6, "a", "week", kind="timing")
    assert number_conflict(_assertion(), [weeks, _value(14, 20, "b", "day", kind="timing")]) is None
    assert number_conflict(_assertion(), [weeks, _value(7, 10, "b", "day", kind="timing")])


def test_figures_of_other_families_or_one_document_do_not_conflict() -> None:
    genetic, acquired = Scope(family=("genetic",)), Scope(family=("acquired",))
    assert number_conflict(_assertion(), [_value(1, 2, "a", scope=genetic),
                                          _value(30, 40, "b", scope=acquired)]) is None
    assert number_conflict(_assertion(), [_value(1, 2, "a"), _value(30, 40, "a")]) is None


def test_a_kind_of_ho_is_measured_as_ho_but_a_genetic_figure_stays_apart() -> None:
    neurogenic = _assertion(obj="neurogenic_heterotopic_ossification", ident=2)
    found = figure_conflicts([(_assertion(), _value(10, 20, "a")),
                              (neurogenic, _value(50, 60, "b"))], {1}, _RULES.figures, _LEXICON)
    assert [(c.a, c.b, c.kind) for c in found] == [(1, 2, KIND)]
    genetic = Scope(family=("genetic",))
    assert figure_conflicts([(_assertion(), _value(10, 20, "a")),
                             (neurogenic, _value(50, 60, "b", scope=genetic))], {1},
                            _RULES.figures, _LEXICON) == []
