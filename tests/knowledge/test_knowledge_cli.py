"""`osteon facts`, `conflicts`, `export` and `eval conflicts` as a user meets them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

GOLD = Path(__file__).parents[1] / "data" / "seed_facts.yaml"



def test_facts_json_cites_every_statement(seeded_cli) -> None:
    result = seeded_cli("facts", "NSAIDs", "--json")
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)
    assert {f["subject"] for f in facts} >= {"nsaid", "indomethacin"}
    for fact in facts:
        assert fact["citations"] and 0 < fact["belief"] <= 1
        for cite in fact["citations"]:
            assert cite["quote"] and cite["end"] - cite["start"] == len(cite["quote"])
    beliefs = [f["belief"] for f in facts]
    assert beliefs == sorted(beliefs, reverse=True)


def test_facts_for_people_are_grouped_with_sources_and_a_disclaimer(seeded_cli) -> None:
    result = seeded_cli("facts", "bisphosphonates")
    assert result.exit_code == 0
    assert "does not replace" in result.stdout
    assert "belief" in result.stdout and "“" in result.stdout
    assert "conflict" in result.stdout


def test_facts_explain_states_the_formula(seeded_cli) -> None:
    result = seeded_cli("facts", "x-ray", "--explain")
    assert result.exit_code == 0
    assert "1 - prod" in result.stdout and "encyclopedia" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("facts", "--predicate", "cures"), "unknown predicate"),
    (("facts", "unobtainium"), "no concept called"),
    (("facts", "--min-belief", "2"), "between 0 and 1"),
    (("export", "--format", "xls"), "unknown format"),
])
def test_bad_options_are_one_clear_line(seeded_cli, args: tuple[str, ...], message: str) -> None:
    result = seeded_cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_conflicts_json_shows_both_sides_with_citations(seeded_cli) -> None:
    result = seeded_cli("conflicts", "--json")
    assert result.exit_code == 0
    conflicts = json.loads(result.stdout)
    assert any(c["kind"] == "opposite" for c in conflicts)
    for conflict in conflicts:
        assert conflict["a"]["citations"] and conflict["b"]["citations"]
        docs_a = {c["doc"] for c in conflict["a"]["citations"]}
        docs_b = {c["doc"] for c in conflict["b"]["citations"]}
        assert len(docs_a | docs_b) >= 2, "a conflict needs two sources"


def test_conflicts_for_people(seeded_cli) -> None:
    result = seeded_cli("conflicts")
    assert result.exit_code == 0
    assert "conflicts between the sources" in result.stdout and "opposite" in result.stdout


def test_export_to_a_file_and_to_stdout(seeded_cli, tmp_path: Path) -> None:
    target = tmp_path / "kb.csv"
    result = seeded_cli("export", "--format", "csv", "--output", str(target))
    assert result.exit_code == 0 and "wrote" in result.stderr
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows and all(r["evidence"] for r in rows)
    jsonld = seeded_cli("export", "--format", "jsonld")
    assert json.loads(jsonld.stdout)["@graph"]


def test_eval_conflicts(seeded_cli) -> None:
    result = seeded_cli("eval", "conflicts", "--gold", str(GOLD), "--json")
    assert result.exit_code == 0
    scored = json.loads(result.stdout)
    assert scored["gold"] == 26 and scored["found"] >= 20
    missing = seeded_cli("eval", "conflicts", "--gold", "/nonexistent.yaml")
    assert missing.exit_code == 2 and "no such file" in missing.stderr
