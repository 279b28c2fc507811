"""Reading on many processes and on a Dask cluster leaves the store a one-process read leaves."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from osteon.corpus.seeds import ensure_default_corpus
from osteon.corpus.store import Store
from osteon.knowledge.read_pass import read_store
from osteon.parallel import read_parallel


@pytest.fixture(scope="module")
def unread_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the shipped seeds, none of them read yet."""
    path = tmp_path_factory.mktemp("unread") / "seeds.sqlite"
    store = Store.open(path)
    ensure_default_corpus(store)
    store.close()
    return path


def _copy(path: Path, tmp_path: Path, name: str) -> Store:
    target = tmp_path / name
    shutil.copy(path, target)
    return Store.open(target)


def _rows(store: Store) -> tuple[list[tuple], list[tuple], list[tuple]]:
    db = store.connection
    return (db.execute("SELECT * FROM claims ORDER BY id").fetchall(),
            db.execute("SELECT * FROM mentions ORDER BY rowid").fetchall(),
            db.execute("SELECT * FROM read_state ORDER BY doc_id").fetchall())


@pytest.fixture(scope="module")
def one_process(unread_seeds: Path, tmp_path_factory: pytest.TempPathFactory):
    """What a single-process read stores: claims (ids and order too), mentions, read state."""
    store = _copy(unread_seeds, tmp_path_factory.mktemp("single"), "single.sqlite")
    report = read_store(store)
    rows = _rows(store)
    store.close()
    assert report.claims and rows[0]
    return report, rows


def test_two_processes_store_what_one_process_stores(unread_seeds, one_process, tmp_path):
    store = _copy(unread_seeds, tmp_path, "jobs.sqlite")
    seen: list[str] = []
    report = read_parallel(store, store.ids(), jobs=2, min_sentences=0,
                           on_document=lambda doc_id, _: seen.append(doc_id))
    assert _rows(store) == one_process[1]
    assert report.claims == one_process[0].claims
    assert seen == report.documents == store.ids()
    store.close()


def test_a_small_read_stays_in_this_process_with_the_same_result(unread_seeds, one_process,
                                                                tmp_path):
    store = _copy(unread_seeds, tmp_path, "small.sqlite")
    read_parallel(store, store.ids(), jobs=2)  # the seeds are under MIN_PARALLEL_SENTENCES
    assert _rows(store) == one_process[1]
    store.close()


def test_a_local_dask_cluster_of_two_workers_stores_what_one_process_stores(
        unread_seeds, one_process, tmp_path):
    pytest.importorskip("distributed")
    store = _copy(unread_seeds, tmp_path, "cluster.sqlite")
    report = read_parallel(store, store.ids(), jobs=2, cluster="local")
    assert _rows(store) == one_process[1]
    assert report.documents == store.ids()
    store.close()


def test_without_dask_the_cluster_path_says_how_to_install_it(unread_seeds, tmp_path,
                                                             monkeypatch):
    from osteon.parallel.cluster import ClusterError

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    store = _copy(unread_seeds, tmp_path, "nodask.sqlite")
    with pytest.raises(ClusterError, match=r"pip install 'osteon\[cluster\]'"):
        read_parallel(store, store.ids(), jobs=2, cluster="local")
    assert store.connection.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    store.close()


def test_osteon_read_jobs_reads_every_document_again_with_force():
    from typer.testing import CliRunner

    from osteon.cli import app

    runner = CliRunner()
    first = runner.invoke(app, ["read", "--json"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["read", "--force", "--jobs", "2", "--json"])
    assert again.exit_code == 0, again.output
    report = json.loads(again.stdout)
    assert len(report["documents"]) == 5 and report["claims"] > 0


def test_osteon_read_cluster_without_dask_is_one_line(monkeypatch):
    from typer.testing import CliRunner

    from osteon.cli import app

    monkeypatch.setitem(sys.modules, "distributed", None)
    result = CliRunner().invoke(app, ["read", "--force", "--cluster", "local"])
    assert result.exit_code != 0
    assert "pip install 'osteon[cluster]'" in result.output
    assert "Traceback" not in result.output


def test_a_worker_that_reads_differently_refuses():
    from osteon.parallel.worker import WorkerMismatchError, read_chunk

    with pytest.raises(WorkerMismatchError, match="same osteon on every machine"):
        read_chunk([], "not-this-reader")


def test_a_parent_with_threads_starts_its_workers_from_a_fork_server(unread_seeds, one_process,
                                                                      tmp_path):
    import threading

    from osteon.parallel.local import start_method

    stop = threading.Event()
    spinner = threading.Thread(target=stop.wait)  # as a progress bar's thread would be
    spinner.start()
    store = _copy(unread_seeds, tmp_path, "threads.sqlite")
    try:
        assert start_method().get_start_method() == "forkserver"
        read_parallel(store, store.ids(), jobs=2, min_sentences=0)
    finally:
        stop.set()
        spinner.join()
    assert _rows(store) == one_process[1]
    store.close()
