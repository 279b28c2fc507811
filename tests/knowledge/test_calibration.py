"""Claim confidence from measured rule precision, and "read, not confirmed" where it is low."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from osteon.cli import app
from osteon.knowledge import calibration, rule_eval
from osteon.knowledge.calibration import NOT_CONFIRMED, RulePrecision, RuleScore, rule_precision

PAGE = ("# Living with a rare bone disease\n\n"
        "Palovarotene treats fibrodysplasia ossificans progressiva.\n"
        "Radiation therapy prevents heterotopic ossification.\n")


def _score(labelled: int, correct: int) -> RuleScore:
    return RuleScore(labelled=labelled, correct=correct)


TABLE = RulePrecision(threshold=0.6, min_labels=5, default=0.9,
                      rules={"treat-with": _score(6, 1), "prevent": _score(2, 0)},
                      families={"efficacy": _score(10, 8)})


def test_a_rule_with_enough_labels_stands_for_its_claims() -> None:
    assert TABLE.confidence("treat-with", "treats") == pytest.approx(1 / 6, abs=1e-3)
    assert not TABLE.confirmed(TABLE.confidence("treat-with", "treats"))


def test_too_few_labels_fall_back_to_the_family_then_the_default() -> None:
    assert TABLE.confidence("prevent", "prevents") == pytest.approx(0.8)  # efficacy family
    assert TABLE.confidence("symptom-list", "symptom_of") == 0.9  # nothing measured: pooled
    assert TABLE.confirmed(0.8)


def test_the_shipped_table_loads_and_its_rules_exist() -> None:
    from osteon.reading.relation_rules import relation_rules

    table = rule_precision()
    rules = relation_rules()
    known = {r.id for r in rules.rules} | {r.id for r in rules.section_rules}
    assert 0 < table.threshold < 1 and 0 <= table.default <= 1
    for rule, score in table.rules.items():
        assert score.correct <= score.labelled
        assert rule in known or score.labelled < table.min_labels, rule


@pytest.fixture
def low_treat_with(monkeypatch: pytest.MonkeyPatch) -> RulePrecision:
    """A table under which the "treat-with" rule is not precise enough."""
    from osteon.knowledge import store

    monkeypatch.setattr(calibration, "rule_precision", lambda: TABLE)
    monkeypatch.setattr(store, "rule_precision", lambda: TABLE)
    return TABLE


def test_facts_and_claims_say_read_not_confirmed(tmp_path: Path, low_treat_with) -> None:
    page = tmp_path / "fop.md"
    page.write_text(PAGE, encoding="utf-8")
    runner = CliRunner()
    store = ["--store", str(tmp_path / "osteon.sqlite")]
    assert runner.invoke(app, [*store, "ingest", str(page)]).exit_code == 0

    facts = json.loads(runner.invoke(app, [*store, "facts", "--json"]).stdout)
    by_subject = {f["subject"]: f for f in facts}
    palovarotene = by_subject["palovarotene"]
    assert palovarotene["confirmed"] is False and palovarotene["status"] == NOT_CONFIRMED
    assert palovarotene["confidence"] == pytest.approx(1 / 6, abs=1e-3)
    assert by_subject["radiation_therapy"]["confirmed"] is True
    assert palovarotene["scope"] == {"family": ["genetic"]}

    text = runner.invoke(app, [*store, "facts"]).stdout
    line = next(x for x in text.splitlines() if "Palovarotene" in x)
    assert NOT_CONFIRMED in line
    assert NOT_CONFIRMED not in next(x for x in text.splitlines() if "Radiation" in x)

    claims = json.loads(runner.invoke(app, [*store, "claims", "--doc", "fop", "--json"]).stdout)
    assert {c["subject"]: c["confirmed"] for c in claims} == {
        "palovarotene": False, "radiation_therapy": True}
    listing = runner.invoke(app, [*store, "claims", "--doc", "fop"]).stdout
    assert NOT_CONFIRMED in next(x for x in listing.splitlines() if "palovarotene" in x.lower())

    rows = list(csv.DictReader(io.StringIO(
        runner.invoke(app, [*store, "export", "--format", "csv"]).stdout)))
    exported = next(r for r in rows if r["subject"] == "palovarotene")
    assert exported["confirmed"] == "False" and exported["scope"] == "genetic"


def test_eval_rules_lists_claims_to_label_and_measures_the_labels(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "fop.md").write_text(PAGE, encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    runner = CliRunner()
    store = ["--store", str(tmp_path / "osteon.sqlite")]
    listed = runner.invoke(app, [*store, "eval", "rules", "--pages", str(pages),
                                 "--labels", str(labels), "--todo", "10"])
    assert listed.exit_code == 0, listed.output
    assert "Palovarotene treats" in listed.stdout  # the sentence, shown to the labeller
    saved = rule_eval.load_labels(labels)
    assert len(saved.labels) == 2 and all(item.label is None for item in saved.labels)
    assert "Palovarotene" not in labels.read_text()  # no page text in the label file

    for item in saved.labels:
        item.label = "correct" if item.claim[0] == "radiation_therapy" else "wrong"
    rule_eval.save_labels(labels, saved)
    table = tmp_path / "rule_precision.yaml"
    measured = runner.invoke(app, [*store, "eval", "rules", "--pages", str(pages),
                                   "--labels", str(labels), "--write", str(table), "--json"])
    assert measured.exit_code == 0, measured.output
    result = json.loads(measured.stdout)
    assert result["pooled"] == {"labelled": 2, "correct": 1, "precision": 0.5}
    assert result["unlabelled"] == 0 and result["gone"] == 0
    written = RulePrecision.model_validate(
        __import__("yaml").safe_load(table.read_text(encoding="utf-8")))
    assert written.default == 0.5
    assert {rule: s.correct for rule, s in written.rules.items()} == {
        saved.labels[0].rule: int(saved.labels[0].label == "correct"),
        saved.labels[1].rule: int(saved.labels[1].label == "correct")}


def test_eval_rules_pools_the_labels_of_several_page_sets(tmp_path: Path) -> None:
    runner = CliRunner()
    store = ["--store", str(tmp_path / "osteon.sqlite")]
    sets = []
    for name, page in (("first", PAGE), ("second", "Indomethacin prevents heterotopic "
                                                    "ossification after hip replacement.\n")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.md").write_text(page, encoding="utf-8")
        labels = tmp_path / f"{name}.yaml"
        listed = runner.invoke(app, [*store, "eval", "rules", "--pages", str(folder),
                                     "--labels", str(labels), "--todo", "10"])
        assert listed.exit_code == 0, listed.output
        saved = rule_eval.load_labels(labels)
        for item in saved.labels:
            item.label = "correct"
        rule_eval.save_labels(labels, saved)
        sets.append((folder, labels, len(saved.labels)))
    both = [arg for folder, labels, _ in sets
            for arg in ("--pages", str(folder), "--labels", str(labels))]
    measured = runner.invoke(app, [*store, "eval", "rules", *both, "--json"])
    assert measured.exit_code == 0, measured.output
    result = json.loads(measured.stdout)
    assert result["pooled"]["labelled"] == sum(n for *_, n in sets) and result["documents"] == 2
    uneven = runner.invoke(app, [*store, "eval", "rules", *both[:6]])
    assert uneven.exit_code != 0 and "one --labels per --pages" in uneven.stderr


def test_eval_rules_measures_one_split_of_a_page_set(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "fop.md").write_text(PAGE, encoding="utf-8")
    (pages / "hip.md").write_text("Indomethacin prevents heterotopic ossification after hip "
                                  "replacement.\n", encoding="utf-8")
    questions = tmp_path / "questions.yaml"
    questions.write_text("- {id: q1, question: 'What treats FOP?', page: fop.md, split: dev9}\n"
                         "- {id: q2, question: 'What prevents HO?', page: hip.md, "
                         "split: held_out9}\n", encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    runner = CliRunner()
    store = ["--store", str(tmp_path / "osteon.sqlite")]
    base = [*store, "eval", "rules", "--pages", str(pages), "--labels", str(labels)]
    listed = runner.invoke(app, [*base, "--questions", str(questions), "--split", "held_out9",
                                 "--todo", "10"])
    assert listed.exit_code == 0, listed.output
    saved = rule_eval.load_labels(labels)
    assert saved.labels and {item.doc for item in saved.labels} == {"hip.md"}
    for item in saved.labels:
        item.label = "correct"
    rule_eval.save_labels(labels, saved)
    held_out = json.loads(runner.invoke(app, [*base, "--questions", str(questions), "--split",
                                              "held_out9", "--json"]).stdout)
    assert held_out["documents"] == 1 and held_out["gone"] == 0
    assert held_out["pooled"]["labelled"] == len(saved.labels) and held_out["unlabelled"] == 0
    dev = json.loads(runner.invoke(app, [*base, "--questions", str(questions), "--split", "dev9",
                                         "--json"]).stdout)
    assert dev["pooled"]["labelled"] == 0 and dev["unlabelled"] == 2
    alone = runner.invoke(app, [*base, "--split", "dev9"])
    assert alone.exit_code != 0 and "--questions" in alone.stderr


def test_eval_rules_measures_a_split_the_label_file_names(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "fop.md").write_text(PAGE, encoding="utf-8")
    (pages / "hip.md").write_text("Indomethacin prevents heterotopic ossification after hip "
                                  "replacement.\n", encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    rule_eval.save_labels(labels, rule_eval.LabelFile(
        about="split by page", splits={"dev9r": ["hip.md"], "held9r": ["fop.md"]}))
    runner = CliRunner()
    base = ["--store", str(tmp_path / "osteon.sqlite"), "eval", "rules", "--pages", str(pages),
            "--labels", str(labels)]
    listed = runner.invoke(app, [*base, "--split", "dev9r", "--todo", "10"])
    assert listed.exit_code == 0, listed.output
    saved = rule_eval.load_labels(labels)
    assert saved.splits == {"dev9r": ["hip.md"], "held9r": ["fop.md"]}  # kept on saving
    assert saved.labels and {item.doc for item in saved.labels} == {"hip.md"}
    held = json.loads(runner.invoke(app, [*base, "--split", "held9r", "--json"]).stdout)
    assert held["documents"] == 1 and held["unlabelled"] == 2
    unknown = runner.invoke(app, [*base, "--split", "nowhere"])
    assert unknown.exit_code != 0 and "nowhere" in unknown.stderr
