"""The freshness policy a KnowledgeBase is opened with decides, alone, what a verb reads first.

The CLI reads a new document before answering (READ_FIRST); a server's request never
waits on reading (MERGE_ONLY); a server's reader threads never write (AS_STORED).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from osteon import AS_STORED, MERGE_ONLY, READ_FIRST, Freshness, KnowledgeBase
from osteon.knowledge.claim_store import unread
from osteon.reading.version import reader_version

NOTE = "Indomethacin prevents heterotopic ossification after hip arthroplasty.\n"


@pytest.fixture
def store_with_an_unread_note(tmp_path: Path) -> Path:
    store = tmp_path / "store" / "osteon.sqlite"
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    with KnowledgeBase.open(store, default_corpus=False) as kb:
        kb.ingest([note], read=False)
        assert len(unread(kb.store, reader_version())) == 1
    return store


@pytest.mark.parametrize(("policy", "reads"), [(READ_FIRST, True), (MERGE_ONLY, False),
                                               (AS_STORED, False)])
def test_a_verb_reads_first_only_when_the_policy_says_so(
        store_with_an_unread_note: Path, policy: Freshness, reads: bool) -> None:
    with KnowledgeBase.open(store_with_an_unread_note, default_corpus=False,
                            freshness=policy) as kb:
        found = kb.facts("indomethacin")
        assert bool(found) is reads
        assert (not unread(kb.store, reader_version())) is reads


def test_a_verb_may_ask_for_more_than_the_base_policy(store_with_an_unread_note: Path) -> None:
    with KnowledgeBase.open(store_with_an_unread_note, default_corpus=False,
                            freshness=AS_STORED) as kb:
        assert not kb.facts("indomethacin")
        kb.current(READ_FIRST)
        assert kb.facts("indomethacin")
