"""A full disk and a read-only store: one line saying so, the store as it was.

A full disk is simulated where SQLite meets it in WAL mode, at COMMIT (seen on a
1 MB tmpfs: `sqlite3.OperationalError: database or disk is full` from COMMIT).
A read-only store is simulated two ways, because tests may run as root, whom
chmod does not stop: the file system saying so (os.access, as on a read-only
mount), and SQLite refusing the writes itself (a `mode=ro` connection).
"""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from live import copy_store
from osteon import KnowledgeBase
from osteon.cli import app
from osteon.corpus import store as store_module
from osteon.corpus.store import Store
from osteon.errors import StoreFullError, StoreReadOnlyError
from osteon.knowledge.schema import VERSION_META

QUESTION = "What prevents heterotopic ossification?"
connect = sqlite3.connect
"""The real one, for the tests' own looks at a store while osteon's is patched."""
runner = CliRunner()


class FullDisk(sqlite3.Connection):
    """A connection on a full disk: every transaction's COMMIT fails as SQLite's does."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if sql.strip().upper() == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module.sqlite3, "connect",
                        partial(sqlite3.connect, factory=FullDisk))


def fingerprint(path: Path) -> tuple:
    """Everything a reader sees in a store: documents, claims, knowledge, settings."""
    db = connect(path)
    try:
        return tuple(tuple(db.execute(f"SELECT * FROM {table} ORDER BY 1"))  # noqa: S608
                     for table in ("documents", "sentences", "claims", "assertions", "meta"))
    finally:
        db.close()


@pytest.fixture
def store_copy(seeded_kb: KnowledgeBase, tmp_path: Path) -> Path:
    return copy_store(seeded_kb, tmp_path / "store")


def needs_knowledge_update(path: Path) -> None:
    """Make the next command rebuild the knowledge (a write), as after an osteon upgrade."""
    db = connect(path)
    db.execute("DELETE FROM meta WHERE key = ?", (VERSION_META,))
    db.commit()
    db.close()


def one_error_line(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(
        result.exception, SystemExit)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    for word in words:
        assert word in lines[0]


# -- a full disk ---------------------------------------------------------------


def test_a_full_disk_rolls_back_the_write_and_raises_one_line(empty_store: Store,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("Bone forms in muscle. It may hurt.\n")
    db = sqlite3.connect(empty_store.path, factory=FullDisk, isolation_level=None)
    full = Store(empty_store.path, db)
    from osteon.corpus.ingest import ingest_paths

    with pytest.raises(StoreFullError, match="the disk is full: .* nothing was changed"):
        ingest_paths(full, [path], max_bytes=10**6)
    assert not db.in_transaction
    assert empty_store.summaries() == [] and empty_store.integrity_problems() == []


def test_ingest_on_a_full_disk_says_so_in_one_line_and_stores_nothing(
        store_copy: Path, tmp_path: Path, full_disk: None) -> None:
    (tmp_path / "new.txt").write_text("Indomethacin prevents heterotopic ossification.\n")
    before = fingerprint(store_copy)
    result = runner.invoke(app, ["--store", str(store_copy), "ingest", str(tmp_path / "new.txt")])
    one_error_line(result, "the disk is full", "nothing was changed")
    assert fingerprint(store_copy) == before
    assert Store.open(store_copy).integrity_problems() == []


def test_ask_on_a_full_disk_says_so_in_one_line_and_changes_nothing(
        store_copy: Path, full_disk: None) -> None:
    needs_knowledge_update(store_copy)
    before = fingerprint(store_copy)
    result = runner.invoke(app, ["--store", str(store_copy), "ask", QUESTION])
    one_error_line(result, "the disk is full")
    assert fingerprint(store_copy) == before


def test_a_disk_filling_midway_through_a_batch_says_what_went_in(
        empty_store: Store, tmp_path: Path) -> None:
    from osteon.corpus.ingest import ingest_paths

    for i in range(4):
        (tmp_path / f"doc{i}.txt").write_text(f"Bone forms in muscle {i}. It may hurt.\n")

    class FillsAfterTwo(sqlite3.Connection):
        commits = 0

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
            if sql.strip().upper() == "COMMIT":
                FillsAfterTwo.commits += 1
                if FillsAfterTwo.commits > 2:
                    raise sqlite3.OperationalError("database or disk is full")
            return super().execute(sql, *args)

    filling = Store(empty_store.path, connect(empty_store.path, factory=FillsAfterTwo,
                                              isolation_level=None))
    files = sorted(tmp_path.glob("doc*.txt"))
    with pytest.raises(StoreFullError, match="the 2 documents before it went in"):
        ingest_paths(filling, files, max_bytes=10**6)
    assert empty_store.ids() == ["doc0", "doc1"] and empty_store.integrity_problems() == []
    report = ingest_paths(empty_store, files, max_bytes=10**6)  # room again: the rest go in
    assert [o.status for o in report.outcomes] == ["unchanged", "unchanged", "added", "added"]


def test_opening_a_store_whose_schema_must_change_on_a_full_disk_is_one_line(
        store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class NoRoom(sqlite3.Connection):
        def executescript(self, script: str) -> sqlite3.Cursor:  # type: ignore[override]
            raise sqlite3.OperationalError("database or disk is full")

    before = fingerprint(store_copy)
    real_open = Store.open

    def open_then_fill(path, *args, **kwargs):  # full once the store itself is open
        store = real_open(path, *args, **kwargs)
        store._db = connect(path, factory=NoRoom, isolation_level=None)
        return store

    monkeypatch.setattr(Store, "open", open_then_fill)
    result = runner.invoke(app, ["--store", str(store_copy), "ask", QUESTION])
    one_error_line(result, "the disk is full")
    assert fingerprint(store_copy) == before


# -- a read-only store ---------------------------------------------------------


@pytest.fixture
def read_only_files(store_copy: Path) -> Iterator[Path]:
    """The store's folder and files without write permission (which stops all but root)."""
    folder = store_copy.parent
    files = [p for p in folder.iterdir()]
    for p in files:
        p.chmod(stat.S_IRUSR | stat.S_IRGRP)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield store_copy
    folder.chmod(stat.S_IRWXU)
    for p in files:
        p.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.fixture
def read_only_mount(read_only_files: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """As a read-only mount looks: access(2) refuses writing, to root as well."""
    real_access = store_module.os.access

    def access(path, mode, *args, **kwargs):
        if mode & store_module.os.W_OK and Path(path).resolve().is_relative_to(
                read_only_files.parent.resolve()):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(store_module.os, "access", access)
    return read_only_files


@pytest.fixture
def sqlite_refuses_writes(store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file system lets osteon think it may write; SQLite refuses every write."""
    real_connect = sqlite3.connect

    def connect(database, *args, **kwargs):
        if Path(str(database)) == store_copy:
            kwargs["uri"] = True
            return real_connect(f"file:{store_copy}?mode=ro", *args, **kwargs)
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)
    return store_copy


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_ask_and_facts_answer_from_a_read_only_store(read_only_mount: Path) -> None:
    before = file_hash(read_only_mount)
    asked = runner.invoke(app, ["--store", str(read_only_mount), "ask", QUESTION, "--json"])
    assert asked.exit_code == 0, asked.output
    assert "radiation" in asked.stdout.lower() or "indomethacin" in asked.stdout.lower()
    assert "note:" not in asked.stderr  # its knowledge was up to date: nothing to say
    facts = runner.invoke(app, ["--store", str(read_only_mount), "facts", "NSAIDs"])
    assert facts.exit_code == 0, facts.output
    assert "indomethacin" in facts.stdout.lower()
    for command in (["sources"], ["conflicts"], ["claims", "--predicate", "prevents"]):
        assert runner.invoke(app, ["--store", str(read_only_mount), *command]).exit_code == 0
    assert file_hash(read_only_mount) == before


def test_a_read_only_store_behind_its_claims_answers_with_a_note(
        store_copy: Path, read_only_mount: Path) -> None:
    read_only_mount.parent.chmod(stat.S_IRWXU)
    read_only_mount.chmod(stat.S_IRUSR | stat.S_IWUSR)
    needs_knowledge_update(read_only_mount)
    read_only_mount.chmod(stat.S_IRUSR)
    read_only_mount.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    before = file_hash(read_only_mount)
    asked = runner.invoke(app, ["--store", str(read_only_mount), "ask", QUESTION])
    assert asked.exit_code == 0, asked.output
    assert asked.stdout.strip()
    notes = [line for line in asked.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "read-only" in notes[0] and "up to date" in notes[0]
    assert file_hash(read_only_mount) == before


def test_ingest_into_a_read_only_store_says_why_not_in_one_line(read_only_mount: Path,
                                                                tmp_path: Path) -> None:
    (tmp_path / "new.txt").write_text("Indomethacin prevents heterotopic ossification.\n")
    result = runner.invoke(app, ["--store", str(read_only_mount), "ingest",
                                 str(tmp_path / "new.txt")])
    one_error_line(result, "read-only")


def test_ask_answers_when_sqlite_refuses_the_knowledge_update(sqlite_refuses_writes: Path
                                                               ) -> None:
    needs_knowledge_update(sqlite_refuses_writes)
    before = fingerprint(sqlite_refuses_writes)
    asked = runner.invoke(app, ["--store", str(sqlite_refuses_writes), "ask", QUESTION])
    assert asked.exit_code == 0, asked.output
    assert "read-only" in asked.stderr and "Traceback" not in asked.output
    assert fingerprint(sqlite_refuses_writes) == before


def test_a_read_only_store_refuses_writes_before_they_start(store_copy: Path) -> None:
    store = Store.open(store_copy, read_only=True)
    assert store.read_only and store.summaries()
    with pytest.raises(StoreReadOnlyError, match="read-only"):
        store.delete(store.ids()[0])
    assert store.summaries()
