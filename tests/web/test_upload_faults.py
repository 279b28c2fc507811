"""An upload that fails (a full disk) says so, leaves nothing behind, and can be sent again."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from live import copy_store
from osteon import KnowledgeBase
from osteon.corpus import store as store_module
from osteon.web.app import create_app
from osteon.web.cds.auth import AuthSettings

DOCUMENT = (b"Indomethacin prevents heterotopic ossification after hip arthroplasty. "
            b"Radiation therapy also reduces heterotopic ossification.\n")


@pytest.fixture
def store_path(seeded_kb: KnowledgeBase, tmp_path: Path) -> Path:
    return copy_store(seeded_kb, tmp_path / "store")


@pytest.fixture
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path, auth=AuthSettings(enabled=False))) as test_client:
        yield test_client


def kept_files(store_path: Path) -> list[Path]:
    folder = store_path.parent / "uploads"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def disk_fills_while_writing(monkeypatch: pytest.MonkeyPatch, store_path: Path) -> None:
    """Writing under the store's uploads folder fails as on a full disk: the file is made,
    its bytes never arrive."""
    real_write = Path.write_bytes
    uploads = (store_path.parent / "uploads").resolve()

    def write_bytes(self: Path, data: bytes) -> int:
        if self.resolve().is_relative_to(uploads):
            real_write(self, b"")
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)


def test_an_upload_on_a_full_disk_says_so_leaves_nothing_and_goes_in_once_there_is_room(
        client: TestClient, store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    documents = len(client.get("/api/sources").json())
    disk_fills_while_writing(monkeypatch, store_path)
    api = client.post("/api/sources", files={"file": ("trial.txt", DOCUMENT)})
    assert api.status_code == 507
    assert "the disk is full" in api.json()["detail"]
    page = client.post("/sources", files={"file": ("trial.txt", DOCUMENT)})
    assert page.status_code == 507 and "text/html" in page.headers["content-type"]
    assert "the disk is full" in page.text
    assert kept_files(store_path) == [], "a failed upload left a file behind"

    monkeypatch.undo()  # space freed: the same bytes go in, not "empty file"
    again = client.post("/api/sources", files={"file": ("trial.txt", DOCUMENT)})
    assert again.status_code == 201, again.text
    assert len(client.get("/api/sources").json()) == documents + 1
    (kept,) = kept_files(store_path)
    assert kept.read_bytes() == DOCUMENT


def test_a_short_file_left_by_an_earlier_failure_is_written_again(
        client: TestClient, store_path: Path) -> None:
    """A 0-byte file from before this fix must not make the upload 'empty' for good."""
    import hashlib

    folder = store_path.parent / "uploads" / hashlib.sha256(DOCUMENT).hexdigest()[:16]
    folder.mkdir(parents=True)
    (folder / "trial.txt").write_bytes(b"")
    response = client.post("/api/sources", files={"file": ("trial.txt", DOCUMENT)})
    assert response.status_code == 201, response.text
    assert (folder / "trial.txt").read_bytes() == DOCUMENT


class FullDisk(sqlite3.Connection):
    """Every transaction's COMMIT fails, as SQLite's does in WAL mode on a full disk."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if sql.strip().upper() == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


def test_an_upload_the_store_has_no_room_for_is_a_page_saying_so_and_changes_nothing(
        client: TestClient, store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = client.get("/api/sources").json()
    # the ingest thread opens its connection on the first upload: on the full disk
    monkeypatch.setattr(store_module.sqlite3, "connect",
                        partial(sqlite3.connect, factory=FullDisk))
    page = client.post("/sources", files={"file": ("trial.txt", DOCUMENT)})
    assert page.status_code == 507 and "the disk is full" in page.text
    api = client.post("/api/sources", files={"file": ("trial.txt", DOCUMENT)})
    assert api.status_code == 507 and "nothing was changed" in api.json()["detail"]
    assert client.get("/api/sources").json() == before
    assert kept_files(store_path) == []
