"""Assertions merge claims across documents and stay right as documents come and go."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from knowledge_pages import CONTRADICTION, PAGES

from osteon import KnowledgeBase


def snapshot(kb: KnowledgeBase) -> tuple[dict, set]:
    """Assertions (by key: support and belief) and conflicts (by keys), for comparison."""
    knowledge = kb.knowledge
    assertions = {a.id: a for a in knowledge.assertions()}
    by_key = {a.key.as_tuple(): (a.n_documents, a.n_sources, a.n_claims, a.belief)
              for a in assertions.values()}
    conflicts = {(assertions[c.a].key.as_tuple(), assertions[c.b].key.as_tuple(), c.kind)
                 for c in knowledge.conflicts()}
    return by_key, conflicts


def test_claims_of_several_documents_merge_into_one_assertion(small_kb, fact_named) -> None:
    radiation = fact_named(small_kb, "Radiation therapy prevents heterotopic ossification")
    assert {c.evidence.doc_id for c in radiation.claims} == {"review", "faq"}
    assert radiation.assertion.n_documents == 2
    # The FAQ repeats the review's sentence word for word: one independent source.
    assert radiation.assertion.n_sources == 1
    for claim in radiation.claims:  # every claim keeps its exact span in its document
        ev = claim.evidence
        text = small_kb.document(ev.doc_id).text
        assert text[ev.sentence_start + ev.span_start:ev.sentence_start + ev.span_end] == ev.quote


def test_a_hedged_claim_is_a_twin_ranked_below(small_kb, fact_named) -> None:
    asserted = fact_named(small_kb, "Indomethacin prevents heterotopic ossification")
    hedged = fact_named(small_kb, "Indomethacin may prevent heterotopic ossification")
    assert hedged.assertion.belief < asserted.assertion.belief
    assert {c.kind for c in asserted.conflicts} == {"certainty"}


def test_facts_about_a_class_include_its_kinds(small_kb) -> None:
    subjects = {f.assertion.subject for f in small_kb.facts("NSAIDs")}
    assert {"indomethacin", "ibuprofen"} <= subjects
    about_radiation = small_kb.facts("radiotherapy")
    assert about_radiation and all(f.assertion.subject == "radiation_therapy"
                                   for f in about_radiation)


def test_filters(small_kb) -> None:
    prevents = small_kb.facts(predicate="prevents")
    assert prevents and {f.assertion.predicate for f in prevents} == {"prevents"}
    strong = small_kb.facts(min_belief=0.7)
    assert strong and all(f.assertion.belief >= 0.7 for f in strong)
    assert len(strong) < len(small_kb.facts())
    assert len(small_kb.facts(limit=2)) == 2


def test_a_contradicting_document_is_a_new_conflict_without_rereading(
        small_kb: KnowledgeBase, write_pages: Callable, tmp_path: Path) -> None:
    before = {(r[0], r[1]) for r in small_kb.store.connection.execute(
        "SELECT id, doc_id FROM claims")}
    assert not [v for v in small_kb.conflicts() if v.conflict.kind == "opposite"
                and "clinic" in {c.evidence.doc_id for c in v.b.claims + v.a.claims}]
    (path, kind), = write_pages({CONTRADICTION[0]: CONTRADICTION[1:]})
    small_kb.ingest([path], kind=kind)
    after = {(r[0], r[1]) for r in small_kb.store.connection.execute(
        "SELECT id, doc_id FROM claims")}
    assert before < after, "the old documents' claims were kept, not re-read"
    assert {doc for _, doc in after - before} == {"clinic"}
    assert small_kb.update_knowledge().mode == "none"
    new = [v for v in small_kb.conflicts()
           if "clinic" in {c.evidence.doc_id for c in v.a.claims + v.b.claims}]
    assert any(v.conflict.kind == "opposite" and {v.a.assertion.subject, v.b.assertion.subject}
               == {"indomethacin"} for v in new)


def test_incremental_updates_equal_a_full_rebuild(small_kb: KnowledgeBase,
                                                  write_pages: Callable) -> None:
    (path, kind), = write_pages({CONTRADICTION[0]: CONTRADICTION[1:]})
    small_kb.ingest([path], kind=kind)
    # Edit one page: its old claims go, new ones come, in one incremental update.
    edited = write_pages({"faq.txt": ("faq", PAGES["faq.txt"][1].replace(
        "Physical therapy treats", "Early mobilization prevents"))})
    small_kb.ingest([edited[0][0]], kind="faq")
    incremental = snapshot(small_kb)
    assert small_kb.knowledge.update(full=True).mode == "full"
    assert snapshot(small_kb) == incremental
    statements = {f.assertion.text for f in small_kb.facts()}
    assert "Physical therapy treats heterotopic ossification" not in statements
    assert "Early mobilization prevents heterotopic ossification" in statements


def test_knowledge_rebuilds_when_it_missed_claims(small_kb: KnowledgeBase) -> None:
    db = small_kb.store.connection
    db.execute("DELETE FROM assertion_claims WHERE claim_id = (SELECT min(claim_id)"
               " FROM assertion_claims)")
    assert small_kb.update_knowledge().mode == "full"
    merged = db.execute("SELECT count(*) FROM assertion_claims").fetchone()[0]
    assert merged == db.execute("SELECT count(*) FROM claims").fetchone()[0]


def test_an_empty_store_has_no_facts(tmp_path: Path) -> None:
    with KnowledgeBase.open(tmp_path / "none.sqlite", default_corpus=False) as kb:
        assert kb.facts() == [] and kb.conflicts() == []


def test_generation_grows_only_when_knowledge_changes(small_kb: KnowledgeBase,
                                                      write_pages: Callable) -> None:
    knowledge = small_kb.knowledge
    before = knowledge.generation
    assert small_kb.update_knowledge().mode == "none"
    assert knowledge.generation == before
    (path, kind), = write_pages({CONTRADICTION[0]: CONTRADICTION[1:]})
    small_kb.ingest([path], kind=kind)
    assert knowledge.generation == before + 1


def test_claims_at_a_sentence_follow_the_knowledge_as_it_changes(
        small_kb: KnowledgeBase, write_pages: Callable) -> None:
    knowledge = small_kb.knowledge
    keys = [("clinic", i) for i in range(5)]
    assert knowledge.claims_at(keys) == []  # asked before the page exists
    (path, kind), = write_pages({CONTRADICTION[0]: CONTRADICTION[1:]})
    small_kb.ingest([path], kind=kind)
    small_kb.update_knowledge()
    found = small_kb.knowledge.claims_at(keys)
    assert found and {c.evidence.doc_id for _, c in found} == {"clinic"}
    assert small_kb.knowledge.claims_at(keys) == found  # the same again, remembered


def test_sentences_stating_a_concept_follow_the_knowledge_as_it_changes(
        small_kb: KnowledgeBase, write_pages: Callable) -> None:
    knowledge = small_kb.knowledge

    def stating(predicate: str) -> set[str]:
        return {doc for doc, _ in knowledge.sentences_with_claims(
            ["indomethacin"], [predicate], 50)}

    assert stating("not_effective_for") == set()  # asked before the dissenting page exists
    prevents = stating("prevents")
    (path, kind), = write_pages({CONTRADICTION[0]: CONTRADICTION[1:]})
    small_kb.ingest([path], kind=kind)
    small_kb.update_knowledge()
    assert stating("not_effective_for") == {"clinic"}  # "does not prevent"
    assert stating("prevents") == prevents


def test_a_fact_shows_its_page_as_it_now_reads(small_kb: KnowledgeBase,
                                                write_pages: Callable) -> None:
    """Facts are remembered, but a page stored anew (its title) is shown anew."""
    def titles() -> set[str]:
        fact, = [f for f in small_kb.facts("radiotherapy") if f.assertion.predicate == "prevents"]
        return set(fact.document_titles.values())

    assert "Prevention of bone in muscle" in titles()
    text = PAGES["review.txt"][1].replace("Prevention of bone in muscle", "Keeping bone away")
    (path, kind), = write_pages({"review.txt": ("review", text)})
    small_kb.ingest([path], kind=kind)
    assert "Keeping bone away" in titles() and "Prevention of bone in muscle" not in titles()


def test_mentions_at_a_sentence_follow_the_page_as_it_is_rewritten(
        tmp_path: Path, write_pages: Callable) -> None:
    """What a sentence names is remembered, but never past a write, here or elsewhere."""
    from osteon.knowledge.claim_store import mentions_at

    def named(kb: KnowledgeBase) -> set[str]:
        return {c for c, _ in mentions_at(kb.store, [("page", 0)]).get(("page", 0), [])}

    path = tmp_path / "osteon.sqlite"
    with KnowledgeBase.open(path, default_corpus=False) as kb, \
            KnowledgeBase.open(path, default_corpus=False) as other:
        (page, kind), = write_pages({"page.txt": ("article", "Indomethacin prevents HO.\n")})
        kb.ingest([page], kind=kind)
        assert "indomethacin" in named(kb) and named(kb) == named(other)
        (page, kind), = write_pages({"page.txt": ("article", "Radiation prevents HO.\n")})
        kb.ingest([page], kind=kind)  # rewritten by this connection
        assert "indomethacin" not in named(kb) and "radiation_therapy" in named(kb)
        (page, kind), = write_pages({"page.txt": ("article", "Etidronate prevents HO.\n")})
        other.ingest([page], kind=kind)  # and by another one
        assert "etidronate" in named(kb) and "radiation_therapy" not in named(kb)


def test_a_synonym_read_between_a_kind_and_its_class_does_not_make_them_one() -> None:
    from osteon.knowledge.hierarchy import Hierarchy
    from osteon.reading.lexicon import load_lexicon

    lexicon = load_lexicon()
    # a page's loose "heterotopic ossification, also known as myositis ossificans"
    loose = Hierarchy(lexicon, [("heterotopic_ossification", "synonym_of", "myositis_ossificans")])
    assert "neurogenic_heterotopic_ossification" not in loose.narrower("myositis_ossificans")
    # a synonym between concepts the lexicon does not relate still joins them
    joined = Hierarchy(lexicon, [("indomethacin", "synonym_of", "celecoxib")])
    assert "celecoxib" in joined.narrower("indomethacin")
