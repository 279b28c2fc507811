"""The shipped seeds: ids, kinds, exact offsets, clean text and right boundaries."""

from __future__ import annotations

import re

import pytest

from osteon import KnowledgeBase
from osteon.corpus.seeds import manifest
from osteon.datafiles import data_path

SEED_IDS = [entry.file.removesuffix(".txt") for entry in manifest().documents]

CHROME_PHRASES = [
    "Back To Top", "Share this", "Rate author", "Add a comment", "Make an appointment",
    "Go there", "Begin typing your search term", "Press ESC", "| Heterotopic Ossifica",
    "Urgent Care Center of Arlington",
]


def fold(text: str) -> str:
    return " ".join(text.split())


def original(doc_id: str) -> str:
    return data_path("corpus", f"{doc_id}.txt").read_text(encoding="utf-8")


def test_default_corpus_holds_the_five_seeds_with_kinds_and_titles(seeded_kb: KnowledgeBase):
    docs = {d.id: d for d in seeded_kb.sources()}
    assert sorted(docs) == sorted(SEED_IDS)
    assert docs["000_8f2b241a4302a766"].kind == "faq"
    assert docs["003_efae31266190ebba"].kind == "clinic_page"
    assert docs["004_650ad9dfb01f5806"].kind == "encyclopedia"
    assert docs["004_650ad9dfb01f5806"].title == "Heterotopic ossification"
    assert docs["000_8f2b241a4302a766"].title == "What causes ectopic ossification?"
    assert all(len(d.content_hash) == 64 for d in docs.values())


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_every_offset_points_at_its_text_in_the_original_file(seeded_kb, doc_id):
    text = original(doc_id)
    doc = seeded_kb.document(doc_id)
    assert doc.text == text
    assert doc.sentences, "a seed without sentences"
    for s in doc.sentences:
        assert fold(text[s.start:s.end]) == s.text
    for section in doc.sections:
        if section.heading is not None:
            assert fold(text[section.heading_start:section.heading_end]) == section.heading


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_no_chrome_left_in_any_seed(seeded_kb, doc_id):
    doc = seeded_kb.document(doc_id)
    visible = [s.text for s in doc.sentences] + [s.heading or "" for s in doc.sections]
    for phrase in CHROME_PHRASES:
        assert not any(phrase.lower() in line.lower() for line in visible), phrase
    headings = [s.heading for s in doc.sections if s.heading]
    assert len(headings) == len(set(headings)), "a repeated title line survived"


def test_seed_002_bullets_are_one_sentence_each_without_markers(seeded_kb):
    doc = seeded_kb.document("002_f99373fd5c7050ca")
    items = [s.text for s in doc.sentences if s.kind == "list_item"]
    for bullet in ["Swelling and pain in the affected area", "Restricted range of motion",
                   "Stiffness and muscle weakness", "Visible or palpable lump or mass",
                   "Warmth and redness over the affected area"]:
        assert bullet in items
    assert not any(s.text.startswith(("•", "-")) for s in doc.sentences)
    lead = next(s for s in doc.sentences if s.text.startswith("Some common symptoms"))
    assert lead.text == "Some common symptoms include:"
    assert lead.kind == "text"


def test_seed_003_numbered_items_start_sentences_and_never_merge(seeded_kb):
    doc = seeded_kb.document("003_efae31266190ebba")
    texts = [s.text for s in doc.sentences]
    for label in ["Trauma:", "Orthopedic surgeries:", "Neurological conditions:",
                  "Genetic disorders:", "Medications:", "Radiation therapy:", "Surgery:",
                  "Physical therapy:"]:
        assert sum(t.startswith(label) for t in texts) >= 1, label
    assert not any(re.search(r"(^|\s)\d\.\s", t) for t in texts)
    item = next(s for s in doc.sentences if s.text.startswith("Medications:"))
    follow = doc.sentences[item.idx + 1]
    assert follow.text == "However, these medications do not prevent further bone growth."
    assert follow.kind == item.kind == "list_item" and follow.block_idx == item.block_idx


def test_seed_004_wiki_headings_become_sections_not_sentences(seeded_kb):
    doc = seeded_kb.document("004_650ad9dfb01f5806")
    paths = [" › ".join(s.path) for s in doc.sections]
    assert "Heterotopic ossification › Causes" in paths
    assert "Heterotopic ossification › Treatment › Radiation Therapy" in paths
    assert not any("=" in s.text for s in doc.sentences)
    causes = next(s for s in doc.sections if s.heading == "Causes")
    first = next(s for s in doc.sentences if s.section_idx == causes.idx)
    assert first.text.startswith("Heterotopic ossification of varying severity")
    see_also = next(s for s in doc.sections if s.heading == "See also")
    items = [s.text for s in doc.sentences if s.section_idx == see_also.idx]
    assert items == ["Intramembranous ossification", "Myositis ossificans",
                     "Fibrodysplasia ossificans progressiva", "Progressive osseous heteroplasia"]


def test_seed_000_faq_questions_are_section_headings(seeded_kb):
    doc = seeded_kb.document("000_8f2b241a4302a766")
    questions = [s.heading for s in doc.sections if s.heading and s.heading.endswith("?")]
    assert len(questions) >= 10
    assert "When does ectopic ossification occur?" in questions
    assert not any(s.text.endswith("?") for s in doc.sentences)
    onset = next(s for s in doc.sentences if s.text.startswith("HO usually occurs"))
    assert doc.sections[onset.section_idx].heading == "When does ectopic ossification occur?"


def test_seed_004_sentence_boundaries_respect_numbers_and_dashes(seeded_kb):
    doc = seeded_kb.document("004_650ad9dfb01f5806")
    texts = [s.text for s in doc.sentences]
    assert ("A dose of 7-8 Gray in a single fraction within 24–48 hours of surgery has been "
            "used successfully.") in texts
    assert "However recurrence may occur with rates between 2% and 31% depending on the report." \
        in texts


def test_default_corpus_is_built_on_first_open_only(tmp_path):
    store = tmp_path / "s.sqlite"
    with KnowledgeBase.open(store) as kb:
        assert len(kb.sources()) == len(SEED_IDS)
        assert kb.store.delete(SEED_IDS[0])
    with KnowledgeBase.open(store) as kb:
        assert SEED_IDS[0] not in {d.id for d in kb.sources()}, "seeds re-ingested on reopen"
        assert kb.store.integrity_problems() == []
