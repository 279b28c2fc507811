"""Citing an assertion: which of its claims to show, the figures they give, the citations.

One home for ask's statements and assess's items, so an answer, a report and a
CDS card show evidence the same way. Claims that carry a figure are cited
first: every figure shown is in a sentence cited.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from osteon.ask.records import Answer, Citation, Statement
from osteon.corpus.records import SentencePlace
from osteon.knowledge.levels import document_levels
from osteon.knowledge.profile import name_of
from osteon.knowledge.records import Fact
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.records import Claim
from osteon.reading.scope import scope_reader

CLAIM_SAMPLE = 12
"""Claims loaded per assertion to cite it (every distinct figure's claim besides)."""


def statement_of(knowledge: KnowledgeStore, fact: Fact, limit: int) -> Statement:
    """An assertion as a statement: its text, the figures and the sentences that give them."""
    claims = cited_claims(fact.claims, limit)
    citations = tuple(citations_for(knowledge, claims, fact.document_titles))
    text = fact.assertion.text
    if fact.assertion.key.context == MODEL_CONTEXT and fact.claims:
        # the injuries every claim is restricted to
        text = in_model(text, shared_population(fact.claims), knowledge)
    else:
        text = in_diseases(in_animals(text, claims, knowledge), claims, knowledge)
    return Statement(text, fact.assertion.belief, citations,
                     fact.assertion.polarity, figures_of(claims))


MODEL_CONTEXT = "mouse model"
"""The setting of animal-experiment assertions (their text ends "(mouse model)")."""


def shared_population(claims: Sequence[Claim]) -> list[str]:
    """The populations every claim is restricted to, in the first claim's order."""
    if not claims:
        return []
    first, *rest = claims
    return [p for p in first.scope.population if all(p in c.scope.population for c in rest)]


def in_model(text: str, populations: Iterable[str], knowledge: KnowledgeStore) -> str:
    """A mouse-model statement with the injury its experiment was about, if not named.

    "Following a spinal cord injury, fibro-adipogenic progenitors … differentiate into
    osteoblasts" holds after that injury only: "… (mouse model, after spinal cord injury)".
    """
    bare = text.removesuffix(f" ({MODEL_CONTEXT})")
    after = [f"after {name}" for name in dict.fromkeys(
        name_of(p, knowledge.lexicon) for p in populations) if name.lower() not in bare.lower()]
    return f"{bare} ({', '.join([MODEL_CONTEXT, *after])})"


def in_animals(text: str, claims: Sequence[Claim], knowledge: KnowledgeStore) -> str:
    """A statement every cited sentence of which speaks of animals, saying which.

    "Fever is a symptom of myositis ossificans" from a vet's page on dogs holds for dogs;
    said bare it would read as a finding in people.
    """
    species = [c.scope.species for c in claims]
    if not species or not all(species):
        return text
    names = dict.fromkeys(name_of(s, knowledge.lexicon) for found in species for s in found)
    return f"{text} (in animals: {', '.join(names)})"


def in_diseases(text: str, claims: Sequence[Claim], knowledge: KnowledgeStore) -> str:
    """A statement every cited sentence of which restricts to a disease's patients, saying so.

    "Calcinosis in SSc can cause pain" holds of systemic sclerosis: said bare, "Pain is a
    symptom of ectopic calcification" would read as true of every calcinosis.
    """
    reader = scope_reader(knowledge.lexicon)
    names = [n for n in dict.fromkeys(name_of(p, knowledge.lexicon)
                                      for p in sorted(shared_population(claims))
                                      if reader.is_disease(p)) if n.lower() not in text.lower()]
    return f"{text} (in {', '.join(names)})" if names else text


def citation_at(place: SentencePlace, span: tuple[int, int] | None = None) -> Citation:
    """A citation of a stored sentence, `span` (offsets in the sentence) marked, or all of it.

    The citation quotes the document's own characters, so that `text[start:end]` of
    the document is the quote even where the stored sentence has a line break
    folded into a space.
    """
    start, end = span if span and 0 <= span[0] < span[1] <= len(place.text) else (
        0, len(place.text))
    raw = place.source or place.text
    if raw != place.text:
        start, end = _aligned(place.text, raw, start), _aligned(place.text, raw, end)
    return Citation(doc=place.doc_id, title=place.title,
                    section=" › ".join(place.section_path) or None, sentence=place.idx,
                    start=place.start + start, end=place.start + end,
                    quote=raw[start:end], sentence_text=raw, span_start=start, span_end=end)


def _aligned(text: str, raw: str, offset: int) -> int:
    """The offset in `raw` of `text[offset]`, where the two differ only in whitespace."""
    i = j = 0
    while i < offset and j < len(raw):
        if text[i] == raw[j]:
            i, j = i + 1, j + 1
        elif raw[j].isspace():
            j += 1
        elif text[i].isspace():
            i += 1
        else:  # not a whitespace difference after all: keep what was reached
            return j
    return j


def figures_of(claims: Sequence[Claim]) -> tuple[str, ...]:
    """Number qualifiers (quantity, timing, dose) of these claims, as their sentences say them."""
    found: dict[str, None] = {}
    for claim in claims:
        for _, figure in claim.qualifiers.figures():
            if figure.text:
                found[figure.text] = None
    return tuple(found)


def cited_claims(claims: Sequence[Claim], limit: int) -> list[Claim]:
    """Claims to cite: those giving figures first, then one per document, then the rest.

    Every figure shown must be in a sentence cited, so a claim that carries a number
    is cited before a second sentence from another document, whatever `limit` says.
    """
    chosen: list[Claim] = []
    figures: set[str] = set()
    for claim in claims:
        new = set(figures_of([claim])) - figures
        if new:
            chosen.append(claim)
            figures |= new
    needed = len(chosen)
    taken = {id(c) for c in chosen}
    seen = {c.evidence.doc_id for c in chosen}
    for claim in claims:
        if id(claim) not in taken and claim.evidence.doc_id not in seen:
            chosen.append(claim)
            taken.add(id(claim))
            seen.add(claim.evidence.doc_id)
    chosen += [c for c in claims if id(c) not in taken]
    return chosen[:max(limit, needed)]


def citations_for(knowledge: KnowledgeStore, claims: Iterable[Claim],
                  titles: dict[str, str]) -> list[Citation]:
    """Citations for claims: the sentence, and the claim's span in it and in the document."""
    claims = list(claims)
    places = knowledge.sentences(
        {(c.evidence.doc_id, c.evidence.sentence_idx) for c in claims})
    return with_levels(knowledge, _citations(claims, places, titles))


def with_levels(knowledge: KnowledgeStore, citations: Sequence[Citation]) -> list[Citation]:
    """The citations, each with its source's evidence level (data/knowledge/evidence_levels)."""
    lacking = {c.doc for c in citations if c.level is None}
    if not lacking:  # an answer's statements are given levels twice (citations_for, then all)
        return list(citations)
    levels = document_levels(knowledge.store, lacking)
    return [c if c.level is not None or levels.get(c.doc) is None
            else replace(c, level=levels[c.doc].label)  # type: ignore[union-attr]
            for c in citations]


def answer_with_levels(knowledge: KnowledgeStore, answer: Answer) -> Answer:
    """An answer whose every citation (quoted evidence, statements, conflicts) shows its level."""
    def cited(statements: Sequence[Statement]) -> tuple[Statement, ...]:
        return tuple(replace(s, citations=tuple(with_levels(knowledge, s.citations)))
                     for s in statements)

    return replace(answer, evidence=cited(answer.evidence), statements=cited(answer.statements),
                   passages=cited(answer.passages),
                   conflicts=tuple(replace(n, sides=cited(n.sides))  # type: ignore[arg-type]
                                   for n in answer.conflicts))


def _citations(claims: Sequence[Claim], places: dict[tuple[str, int], SentencePlace],
               titles: dict[str, str]) -> list[Citation]:
    """Each claim's citation: its stored sentence's own characters, else the claim's quote."""
    out = []
    for claim in claims:
        ev = claim.evidence
        place = places.get((ev.doc_id, ev.sentence_idx))
        if place is not None:  # the document's own characters, the claim's span aligned
            out.append(replace(citation_at(place, (ev.span_start, ev.span_end)),
                               title=titles.get(ev.doc_id, ""), section=ev.section))
            continue
        out.append(Citation(
            doc=ev.doc_id, title=titles.get(ev.doc_id, ""), section=ev.section,
            sentence=ev.sentence_idx, start=ev.sentence_start + ev.span_start,
            end=ev.sentence_start + ev.span_end, quote=ev.quote, sentence_text=ev.quote,
            span_start=ev.span_start, span_end=ev.span_end))
    return out
