"""Passage retrieval: sentences found by FTS5 BM25, the query widened with the concepts' names.

Backs the assertions up, and answers (still citing sentences) what no assertion
covers. A passage only counts when it shares the question's concept or at least
two of its content words, so a question the corpus knows nothing about finds
nothing rather than the least bad sentence.
"""

from __future__ import annotations

from osteon.ask.records import Citation, Question, Statement
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.terms import fold

CANDIDATES = 40
"""Sentences fetched by BM25 before the relevance check keeps the best few."""
MIN_SHARED_WORDS = 2


def passages_for(knowledge: KnowledgeStore, question: Question, *, limit: int) -> tuple[
        Statement, ...]:
    """The best `limit` relevant sentences for the question, each cited whole."""
    names = _concept_names(knowledge, question)
    words = list(question.words) + [w for name in names for w in fold(name).split()]
    hits = knowledge.store.search_words(words, CANDIDATES)
    content = set(question.words)
    kept = []
    for hit in hits:
        text = fold(hit.text)
        tokens = set(text.replace(",", " ").replace(".", " ").split())
        names_here = any(name in text for name in names)
        if names_here or len(content & tokens) >= MIN_SHARED_WORDS:
            kept.append(hit)
        if len(kept) == limit:
            break
    titles = knowledge.store.titles({h.doc_id for h in kept})
    return tuple(Statement(hit.text, None, (Citation(
        doc=hit.doc_id, title=titles.get(hit.doc_id, ""), section=None, sentence=hit.idx,
        start=hit.start, end=hit.end, quote=hit.text, sentence_text=hit.text,
        span_start=0, span_end=len(hit.text)),)) for hit in kept)


def _concept_names(knowledge: KnowledgeStore, question: Question) -> list[str]:
    """Folded names, synonyms and abbreviations of the question's concepts."""
    lexicon = knowledge.lexicon
    names: list[str] = []
    for concept in question.concepts:
        if concept in lexicon:
            entry = lexicon.get(concept)
            names.extend(fold(n) for n in (entry.name, *entry.synonyms) if len(n) > 2)
    return list(dict.fromkeys(names))
