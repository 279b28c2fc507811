"""SQLite's own errors stop at the store: a face meets osteon's errors only.

A lock held past the busy timeout, a damaged file: `osteon` says so in one line naming the
store and exits 2, with no traceback. And a scratch copy of a store (the answer benchmark
leaves documents out of one) is the store's own verb, `Store.copy_to`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from live import copy_store
from osteon import KnowledgeBase
from osteon.cli import app
from osteon.corpus.store import Store
from osteon.errors import StoreError


def test_an_operational_error_in_the_block_is_a_store_error_naming_the_file(
        empty_store: Store) -> None:
    with pytest.raises(StoreError, match=r"osteon\.sqlite: database is locked") as caught, \
            empty_store.osteon_errors():
        raise sqlite3.OperationalError("database is locked")
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)


def test_the_cli_says_a_locked_store_in_one_line(seeded_kb: KnowledgeBase, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = copy_store(seeded_kb, tmp_path / "copy")

    def locked(self: Store) -> list[object]:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Store, "summaries", locked)
    result = CliRunner().invoke(app, ["--store", str(store), "sources"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {store}: database is locked"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_copy_is_the_whole_store_and_changing_it_leaves_the_store_alone(
        seeded_kb: KnowledgeBase, tmp_path: Path) -> None:
    original = seeded_kb.store
    ids = original.ids()
    copy = Store.open(original.copy_to(tmp_path / "scratch.sqlite"))
    try:
        assert copy.ids() == ids
        assert copy.get(ids[0]).text == original.get(ids[0]).text
        copy.delete(ids[0])
        assert ids[0] not in copy.ids()
    finally:
        copy.close()
    assert original.ids() == ids
