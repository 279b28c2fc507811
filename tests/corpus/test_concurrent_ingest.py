"""Two `osteon ingest` runs of one folder at the same time: both finish, each document once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from osteon.corpus.seeds import DEFAULT_CORPUS_KEY
from osteon.corpus.store import Store

N_FILES = 30
SLOW_SEGMENTING = """
import time
import osteon.corpus.segment as segmenting

_segment = segmenting.segment


def segment(*args, **kwargs):
    time.sleep(0.05)  # hold each run between its first look at the store and its write
    return _segment(*args, **kwargs)


segmenting.segment = segment
"""
"""Put on the two runs' path: both look, segment, then write each file in step, the race."""


def test_two_ingests_of_one_folder_at_once_both_finish_and_store_each_document_once(
        tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(N_FILES):
        (folder / f"note{i:02d}.txt").write_text(
            f"Note {i}\n\nHeterotopic ossification formed in patient {i} after the injury. "
            f"Indomethacin was given on day {i}.\n")
    store_path = tmp_path / "store" / "osteon.sqlite"
    store = Store.open(store_path)
    store.set_meta(DEFAULT_CORPUS_KEY, "none")  # no seeds: only the folder is ingested
    store.close()
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SLOW_SEGMENTING)
    env = {**os.environ, "OSTEON_HOME": str(tmp_path / "home"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(hooks),
                                                      os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "osteon.cli", "--store", str(store_path), "ingest",
               str(folder), "--json"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    results = [(run.wait(timeout=600), *run.communicate()) for run in runs]
    for code, _, stderr in results:
        assert code == 0, stderr
        assert "Traceback" not in stderr
    counts = [json.loads(stdout)["counts"] for _, stdout, _ in results]
    # each document was written by exactly one of the two; the other found it there
    assert sum(c.get("added", 0) for c in counts) == N_FILES, counts
    assert sum(c.get("unchanged", 0) for c in counts) == N_FILES, counts
    store = Store.open(store_path)
    try:
        docs = store.summaries()
        assert sorted(d.id for d in docs) == [f"note{i:02d}" for i in range(N_FILES)]
        assert len({d.origin for d in docs}) == N_FILES
        assert store.integrity_problems() == []
        read = store.connection.execute("SELECT count(*) FROM read_state").fetchone()[0]
        assert read == N_FILES
        twice = store.connection.execute(
            "SELECT count(*) FROM (SELECT 1 FROM claims GROUP BY doc_id, sentence_idx,"
            " subject, predicate, object, span_start HAVING count(*) > 1)").fetchone()[0]
        assert twice == 0, "a document's claims were stored twice"
    finally:
        store.close()
