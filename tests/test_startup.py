"""Commands that read nothing start without the reading pipeline.

Importing spaCy and medspaCy took 4 of the 5.5 seconds of every `osteon ask`. On a store
whose documents are all read, `--help`, ask, facts, conflicts, assess, sources and show
must not import them (nor the HTML/PDF loaders, the web stack or the ODE solver). Each
command runs in a fresh interpreter, so what it imports is what a user waits for.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PATIENT = Path(__file__).parent / "data" / "patients" / "tha_day1_prior_ho.json"

NOT_FOR_READ_ONLY_COMMANDS = ("spacy", "medspacy", "thinc", "bs4", "pypdf", "scipy",
                              "matplotlib", "fastapi", "uvicorn", "libsbml")
"""Top-level packages a command that reads no document has no use for."""

PROBE = """
import json, sys
before = set(sys.modules)
from osteon.cli import app
heavy = set(json.loads(sys.argv[1]))
report = {}
for args in json.loads(sys.argv[2]):
    try:
        app(args, prog_name="osteon")
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    loaded = {m.split(".")[0] for m in set(sys.modules) - before}
    report[" ".join(args[2:] if args[0] == "--store" else args)] = {
        "code": code, "heavy": sorted(loaded & heavy)}
    before = set(sys.modules)
print(json.dumps(report))
"""


def _probe(commands: list[list[str]],
           heavy: tuple[str, ...] = NOT_FOR_READ_ONLY_COMMANDS) -> dict[str, dict]:
    """Run the CLI commands in one fresh interpreter; per command, its heavy imports."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(heavy), json.dumps(commands)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_help_imports_no_heavy_package():
    report = _probe([["--help"]], (*NOT_FOR_READ_ONLY_COMMANDS, "lxml"))
    assert report == {"--help": {"code": 0, "heavy": []}}


@pytest.mark.parametrize("first", ["ask", "facts", "conflicts", "assess", "sources", "show"])
def test_read_only_commands_on_a_read_store_import_no_reading_pipeline(seeded_kb, first):
    seeded_kb.update_knowledge()  # every seed read: nothing left that would need the reader
    store = str(seeded_kb.store.path)
    doc_id = seeded_kb.sources()[0].id
    commands = {
        "ask": ["ask", "How can heterotopic ossification be prevented?"],
        "facts": ["facts", "NSAIDs"],
        "conflicts": ["conflicts"],
        "assess": ["assess", str(PATIENT), "--at", "2024-01-02T08:00:00Z"],
        "sources": ["sources"],
        "show": ["show", doc_id],
    }
    # The command under test runs first, in a fresh interpreter: what it imports is its own.
    report = _probe([["--store", store, *commands[first]]])
    (result,) = report.values()
    assert result == {"code": 0, "heavy": []}, f"osteon {first}: {result}"


def test_reading_a_new_document_still_loads_the_pipeline(tmp_path, seeded_kb):
    """The probe can see spaCy: reading an unread document imports it on first need."""
    note = tmp_path / "note.txt"
    note.write_text("Indomethacin prevents heterotopic ossification after hip arthroplasty.\n")
    store = tmp_path / "fresh" / "osteon.sqlite"
    from osteon import KnowledgeBase

    with KnowledgeBase.open(store, default_corpus=False):
        pass
    report = _probe([["--store", str(store), "ingest", str(note)]])
    (result,) = report.values()
    assert result["code"] == 0
    assert "spacy" in result["heavy"] and "medspacy" in result["heavy"]
