"""The command line as a user meets it: output, JSON, messages and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from osteon.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_sources_builds_the_default_store_on_first_use(isolated_home: Path):
    result = invoke("sources", "--json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert {d["id"] for d in listed} >= {"004_650ad9dfb01f5806", "000_8f2b241a4302a766"}
    assert (isolated_home / "osteon.sqlite").exists()


def test_sources_table_for_people():
    result = invoke("sources")
    assert result.exit_code == 0
    assert "5 documents" in result.stdout and "encyclopedia" in result.stdout


def test_show_json_has_sections_sentences_and_exact_offsets():
    result = invoke("show", "004_650ad9dfb01f5806", "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["title"] == "Heterotopic ossification"
    for s in doc["sentences"]:
        assert " ".join(doc["text"][s["start"]:s["end"]].split()) == s["text"]
    assert any(sec["heading"] == "Diagnosis" for sec in doc["sections"])


def test_show_prints_headings_offsets_and_removed_chrome():
    result = invoke("show", "003_efae31266190ebba", "--chrome")
    assert result.exit_code == 0
    assert "## What is Heterotopic Ossification ?" in result.stdout
    assert "817–904" in result.stdout
    assert "Share this" in result.stdout.split("removed as page chrome")[1]


def test_show_unknown_document_fails_with_a_hint():
    result = invoke("show", "004")
    assert result.exit_code == 1
    assert "no document '004'" in result.stderr and "004_650ad9dfb01f5806" in result.stderr


def test_ingest_reports_each_failure_on_one_line_and_exits_nonzero(tmp_path: Path):
    good = tmp_path / "good.md"
    good.write_text("# Note\n\nBone forms in muscle after injury.\n")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 10)
    result = invoke("ingest", str(good), str(tmp_path / "blob.bin"), str(tmp_path / "missing"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("blob.bin: binary file" in e for e in errors)
    assert any("missing: no such file or folder" in e for e in errors)
    assert "1 added" in result.stderr and "2 failed" in result.stderr
    assert invoke("show", "good").exit_code == 0


def test_ingest_json_and_the_size_option(tmp_path: Path):
    doc = tmp_path / "long.txt"
    doc.write_text("Bone forms in muscle. " * 100)
    refused = invoke("ingest", str(doc), "--max-size", "1KB", "--json")
    assert refused.exit_code == 1
    payload = json.loads(refused.stdout)
    assert payload["counts"] == {"failed": 1}
    assert "limit" in payload["outcomes"][0]["message"]
    accepted = invoke("ingest", str(doc), "--max-size", "1MB", "--json")
    assert accepted.exit_code == 0
    assert json.loads(accepted.stdout)["outcomes"][0]["status"] == "added"
    assert invoke("ingest", str(doc), "--max-size", "lots").exit_code == 2


def test_store_option_points_at_another_store(tmp_path: Path):
    other = tmp_path / "elsewhere"
    result = invoke("--store", str(other), "sources", "--json")
    assert result.exit_code == 0
    assert (other / "osteon.sqlite").exists()


def test_installed_entry_point_runs(tmp_path: Path):
    exe = Path(sys.executable).with_name("osteon")
    result = subprocess.run([str(exe), "--store", str(tmp_path / "s"), "sources", "--json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 5


def test_a_damaged_store_is_a_clear_error(tmp_path: Path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 200)
    result = invoke("--store", str(junk), "sources")
    assert result.exit_code == 2
    assert "cannot open the store" in result.stderr
