"""Reading stopped midway resumes where it stopped: from the CLI, and never on a web request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from live import copy_store
from osteon import KnowledgeBase
from osteon.cli import app
from osteon.corpus.seeds import DEFAULT_CORPUS_KEY
from osteon.corpus.store import Store
from osteon.knowledge import read_pass
from osteon.reading import reader as reader_module
from osteon.web.app import create_app
from osteon.web.cds.auth import AuthSettings

N_DOCS = 10
STOP_AFTER = 7
BATCH = 3
"""Claims are written per batch: a stop after 7 keeps the first two batches (6 documents)."""


class Killed(BaseException):
    """Stands for the kill: not an Exception, so nothing on the way catches it."""


def write_notes(folder: Path, n: int = N_DOCS) -> list[str]:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"note{i:02d}.txt").write_text(
            f"Note {i}\n\nIndomethacin prevents heterotopic ossification after hip "
            f"arthroplasty in cohort {i}. Radiation therapy reduces heterotopic ossification.\n")
    return [f"note{i:02d}" for i in range(n)]


def spy_on_reading(monkeypatch: pytest.MonkeyPatch, stop_after: int | None = None) -> list[str]:
    """Record each document the reader reads; stop (as a kill would) after `stop_after`."""
    read: list[str] = []
    original = reader_module.DocumentReader.read

    def reading(self, doc, *args, **kwargs):
        if stop_after is not None and len(read) == stop_after:
            raise Killed
        read.append(doc.id)
        return original(self, doc, *args, **kwargs)

    monkeypatch.setattr(reader_module.DocumentReader, "read", reading)
    monkeypatch.setattr(read_pass, "WRITE_BATCH", BATCH)
    return read


def read_ids(store_path: Path) -> set[str]:
    store = Store.open(store_path)
    try:
        return {r[0] for r in store.connection.execute("SELECT doc_id FROM read_state")}
    finally:
        store.close()


def test_a_rerun_of_ingest_reads_what_an_interrupted_ingest_left_unread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = write_notes(tmp_path / "notes")
    store_path = tmp_path / "store" / "osteon.sqlite"
    store = Store.open(store_path)
    store.set_meta(DEFAULT_CORPUS_KEY, "none")
    store.close()
    runner = CliRunner()
    command = ["--store", str(store_path), "ingest", str(tmp_path / "notes"), "--json"]

    first_pass = spy_on_reading(monkeypatch, stop_after=STOP_AFTER)
    with pytest.raises(Killed):
        runner.invoke(app, command)
    assert first_pass == docs[:STOP_AFTER]
    kept = read_ids(store_path)
    assert kept == set(docs[:6]), "the written batches should survive the stop"

    monkeypatch.undo()
    second_pass = spy_on_reading(monkeypatch)
    again = runner.invoke(app, command)
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["counts"] == {"unchanged": N_DOCS}
    assert second_pass == docs[6:], "the rerun must read the rest, and only the rest"
    assert read_ids(store_path) == set(docs)

    monkeypatch.undo()
    third_pass = spy_on_reading(monkeypatch)
    assert runner.invoke(app, command).exit_code == 0
    assert third_pass == []


def test_a_web_request_answers_from_what_is_stored_and_never_reads(
        seeded_kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store_path = copy_store(seeded_kb, tmp_path / "store")
    read = spy_on_reading(monkeypatch)
    with TestClient(create_app(store_path, auth=AuthSettings(enabled=False))) as client:
        assert read == []  # the copy was read whole: start-up found nothing to read
        # another process (`osteon ingest`, killed) stored documents it never read
        write_notes(tmp_path / "notes")
        other = KnowledgeBase.open(store_path)
        other.ingest([tmp_path / "notes"], read=False)
        other.close()
        client.app.state.osteon._refreshed = 0.0  # due for its refresh on the next request
        for path in ("/api/ask?q=What+prevents+heterotopic+ossification%3F",
                     "/ask?q=What+prevents+heterotopic+ossification%3F", "/api/topics"):
            assert client.get(path).status_code == 200
    assert read == [], "a request read documents instead of answering from the store"
    assert not read_ids(store_path) & {f"note{i:02d}" for i in range(N_DOCS)}
