"""The store: idempotent re-ingest, atomic replacement, survival of a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from osteon.corpus import store as store_module
from osteon.corpus.ingest import ingest_paths
from osteon.corpus.store import Store
from osteon.errors import StoreError

LIMIT = 10 * 1024 * 1024


def snapshot(store: Store) -> list[tuple]:
    return [(d.id, d.content_hash, d.ingested_at, d.sentences) for d in store.summaries()]


def test_reingesting_the_same_file_changes_nothing(tmp_path, empty_store):
    path = tmp_path / "doc.txt"
    path.write_text("Bone forms in muscle. It may hurt.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    before = snapshot(empty_store), empty_store.get("doc")
    report = ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert [o.status for o in report.outcomes] == ["unchanged"]
    assert (snapshot(empty_store), empty_store.get("doc")) == before


def test_an_edited_file_replaces_its_old_version(tmp_path, empty_store):
    path = tmp_path / "doc.txt"
    path.write_text("Indomethacin prevents ossification.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    path.write_text("Radiation prevents ossification. A second sentence.\n")
    report = ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert [(o.status, o.doc_id) for o in report.outcomes] == [("replaced", "doc")]
    doc = empty_store.get("doc")
    assert [s.text for s in doc.sentences] == ["Radiation prevents ossification.",
                                              "A second sentence."]
    assert empty_store.search("indomethacin") == [], "stale full-text entries survived"
    assert [r[0] for r in empty_store.search("radiation")] == ["doc"]
    assert len(empty_store.summaries()) == 1
    assert empty_store.integrity_problems() == []


def test_a_replaced_document_is_quoted_as_it_now_reads(tmp_path, empty_store):
    """What a store remembers of its sentences (for quoting them) goes with a replacement,
    even one that keeps the document's sentence count and ids."""
    path = tmp_path / "doc.txt"
    path.write_text("Indomethacin prevents ossification. It is an NSAID.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert empty_store.sentence_places([("doc", 0)])[("doc", 0)].text.startswith("Indo")
    assert empty_store.absent_words(["radiation"]) == ["radiation"]
    path.write_text("Radiation prevents ossification. It is a single dose.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert empty_store.sentence_places([("doc", 0)])[("doc", 0)].text == (
        "Radiation prevents ossification.")
    assert empty_store.absent_words(["radiation", "indomethacin"]) == ["indomethacin"]


def test_a_remembered_opening_search_sees_an_edited_file(tmp_path, empty_store):
    """Openings searched are remembered per version of the store: an edit is seen at once."""
    path = tmp_path / "doc.txt"
    path.write_text("Heterotopic ossification is bone in muscle. It may hurt.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    openings = ["heterotopic ossification is", "heterotopic ossification refers"]
    assert [h.text for h in empty_store.sentences_opening(openings, 5)] == [
        "Heterotopic ossification is bone in muscle."]
    path.write_text("Heterotopic ossification refers to bone in soft tissue.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert [h.text for h in empty_store.sentences_opening(openings, 5)] == [
        "Heterotopic ossification refers to bone in soft tissue."]


def test_a_remembered_title_lookup_sees_an_edited_file(tmp_path, empty_store):
    """Titles looked up are remembered per version of the store: an edit is seen at once."""
    path = tmp_path / "doc.txt"
    path.write_text("The Stony Skull\n\nBone formed over the brain.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert empty_store.headed("stony", titles_only=True) == ["doc"]
    path.write_text("The Armored Brain\n\nBone formed over the brain.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert empty_store.headed("stony", titles_only=True) == []
    assert empty_store.headed("armored", titles_only=True) == ["doc"]


def test_sentences_are_all_found_when_their_memory_starts_afresh(tmp_path, empty_store,
                                                                  monkeypatch):
    path = tmp_path / "doc.txt"
    path.write_text("One sentence here. Two sentences here. Three sentences here.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    monkeypatch.setattr(store_module, "PLACES_CACHE", 2)
    assert list(empty_store.sentence_places([("doc", 0)])) == [("doc", 0)]
    # the bound is passed: what was remembered is dropped, and every sentence asked for,
    # the one remembered before included, is read again
    keys = [("doc", 0), ("doc", 1), ("doc", 2)]
    assert list(empty_store.sentence_places(keys)) == keys


def test_a_failed_replacement_keeps_the_old_version_whole(tmp_path, empty_store, monkeypatch):
    path = tmp_path / "doc.txt"
    path.write_text("Old sentence one. Old sentence two.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    path.write_text("New sentence.\n")

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store_module.json, "dumps", explode)
    with pytest.raises(RuntimeError):
        ingest_paths(empty_store, [path], max_bytes=LIMIT)
    monkeypatch.undo()
    doc = empty_store.get("doc")
    assert [s.text for s in doc.sentences] == ["Old sentence one.", "Old sentence two."]
    assert empty_store.integrity_problems() == []


def test_identical_content_at_another_path_is_not_stored_twice(tmp_path, empty_store):
    (tmp_path / "a.txt").write_text("Same words here.\n")
    (tmp_path / "b.txt").write_text("Same words here.\n")
    report = ingest_paths(empty_store, [tmp_path / "a.txt", tmp_path / "b.txt"], max_bytes=LIMIT)
    assert [o.status for o in report.outcomes] == ["added", "duplicate"]
    assert "same content as a" in report.outcomes[1].message


def test_search_takes_fts_syntax_as_plain_words(empty_store, tmp_path):
    (tmp_path / "d.txt").write_text("Bisphosphonates only postpone ossification.\n")
    ingest_paths(empty_store, [tmp_path / "d.txt"], max_bytes=LIMIT)
    for query in ['"', "*", "NEAR(", "OR", "bisphos* AND", "ossification)", "", "🦴"]:
        empty_store.search(query)
    assert empty_store.search('"ossification" NEAR(')[0][0] == "d"


def test_a_search_within_documents_scores_as_the_whole_index_does(empty_store, tmp_path):
    for name, text in (("a.txt", "Bone forms in the hip.\nThe hip is stiff.\n"),
                       ("b.txt", "Bone forms in the elbow.\nThe hip hurts too.\n"),
                       ("c.txt", "Nothing about joints here at all.\n")):
        (tmp_path / name).write_text(text)
    ingest_paths(empty_store, [tmp_path], max_bytes=LIMIT)
    everywhere = {(h.doc_id, h.idx): h.score for h in empty_store.search_words(["hip"], 10)}
    doc = next(iter(everywhere))[0]
    within = empty_store.search_words(["hip"], 10, doc_ids=[doc])
    assert within and {h.doc_id for h in within} == {doc}
    assert all(everywhere[(h.doc_id, h.idx)] == h.score for h in within)
    coverage = empty_store.documents_holding(["hip", "joints"])
    assert sum(coverage.held["hip"].values()) == len(everywhere)
    assert coverage.documents == 3


def test_a_store_from_another_schema_version_is_refused(tmp_path):
    path = tmp_path / "old.sqlite"
    store = Store.open(path)
    store.set_meta("schema_version", "0")
    store.close()
    with pytest.raises(StoreError, match="schema"):
        Store.open(path)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store.open(path)


def test_killing_ingest_midway_leaves_only_whole_documents(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    paragraph = ("Heterotopic ossification forms bone in soft tissue. It follows hip "
                 "arthroplasty in about one in three patients. Radiation within 48 hours "
                 "prevents it. ") * 40
    for i in range(3000):
        (folder / f"doc{i:05d}.txt").write_text(f"Document {i}\n\n{paragraph}\nEnd {i}.\n")
    store_path = tmp_path / "killed.sqlite"
    env = {**os.environ, "OSTEON_HOME": str(tmp_path / "home")}
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from osteon.corpus.store import Store;"
         "from osteon.corpus.ingest import ingest_paths;"
         "ingest_paths(Store.open(sys.argv[1]), [sys.argv[2]], max_bytes=10**8)",
         str(store_path), str(folder)],
        env=env)
    deadline = time.monotonic() + 60
    count = 0
    while time.monotonic() < deadline and count < 30:
        time.sleep(0.05)
        if store_path.exists():
            try:
                probe = Store.open(store_path)
                count = len(probe.summaries())
                probe.close()
            except StoreError:
                count = 0
    assert child.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    store = Store.open(store_path)
    docs = store.summaries()
    assert 30 <= len(docs) < 3000
    assert store.integrity_problems() == []
    for summary in docs[:: max(1, len(docs) // 20)]:
        doc = store.get(summary.id)
        assert len(doc.sentences) == summary.sentences == 3 * 40 + 1


def test_a_word_the_sources_write_only_in_capitals_is_told_apart(tmp_path, empty_store):
    # "HOP 1" names a trial: a question's "could not hop" asks nothing of it
    path = tmp_path / "trials.txt"
    path.write_text("Prophylaxis worked in 91% of hips of HOP 1.\n"
                    "The AIM of HOP 2 was a lower dose.\n"
                    "Patients hopping on one leg aim to walk.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert empty_store.only_in_capitals(["hop", "dose", "aim", "kangaroo"]) == frozenset()
    path.write_text("Prophylaxis worked in 91% of hips of HOP 1.\nThe dose of HOP 2 was low.\n")
    ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert empty_store.only_in_capitals(["hop", "dose", "kangaroo"]) == {"hop"}


def test_a_pages_folder_names_none_of_its_pages(tmp_path, empty_store):
    # a question may name a source by its file name or web address, not by the folders a
    # user happens to keep pages in
    folder = tmp_path / "keyhole_surgery_notes"
    folder.mkdir()
    (folder / "upmc_teaching_case.txt").write_text("Bone formed in the thigh.\n")
    ingest_paths(empty_store, [folder], max_bytes=LIMIT)
    names = empty_store.source_names()
    assert {"upmc", "teaching", "case"} <= names
    assert "keyhole" not in names and "notes" not in names
