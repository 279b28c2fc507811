"""Answer a question from the assertions, cite every statement, or say the sources do not answer.

Assertions first: the question's type picks the predicates, its concept (with
its kinds) the assertions; statements are those assertions, strongest first,
each with the sentences that state it and the figures written in them. Where
the sources disagree, both sides are shown. Passage retrieval (FTS5 BM25 over
sentences, the query widened with the concepts' names) backs the answer up and
stands in when no assertion fits, still citing sentences. When neither finds
support, the answer says so and shows the nearest statements, if any.
"""

from __future__ import annotations

from collections.abc import Sequence

from osteon.ask.citing import CLAIM_SAMPLE, cited_claims, figures_of, statement_of
from osteon.ask.passages import passages_for
from osteon.ask.records import Answer, ConflictNote, Question, Statement
from osteon.ask.understand import GENERAL, QuestionType, question_rules, understand
from osteon.errors import OsteonError
from osteon.knowledge.query import to_facts
from osteon.knowledge.records import POLARITY_RANK, Assertion, Conflict, Fact
from osteon.knowledge.store import KnowledgeStore

NOT_ANSWERED = "The sources do not answer this."
DISCLAIMER = "osteon supports, and does not replace, clinical judgement."
MAX_STATEMENTS = 8
MAX_ANSWER_ITEMS = 6
MAX_CONFLICTS = 5
PASSAGES_BELOW = 3
"""Passages are retrieved when fewer statements than this answer: retrieval is the fallback."""
MODEL_CONTEXT = "mouse model"
"""Only mechanism questions are answered from animal experiments (labelled as such)."""


def ask(knowledge: KnowledgeStore, text: str, *, sources: int = 3) -> Answer:
    """The cited answer to one question (OsteonError for an empty one)."""
    if not text or not text.strip():
        raise OsteonError("the question is empty: ask something about heterotopic ossification")
    if sources < 1:
        raise OsteonError(f"--sources must be at least 1, not {sources}")
    rules = question_rules()
    question = understand(text.strip(), knowledge.lexicon, rules)
    qtype = rules.type_named(question.type) or GENERAL
    facts = facts_for(knowledge, question, qtype) if question.concepts else []
    if qtype.name == "comparison" and not _each_side_known(knowledge, question):
        # "the difference between X and Y" when the sources speak of one of them only
        return Answer(question.text, NOT_ANSWERED, True, passages=tuple(
            statement_of(knowledge, f, sources) for f in facts[:3]), understood=question,
            notes=(DISCLAIMER,))
    statements = tuple(statement_of(knowledge, f, sources) for f in facts[:MAX_STATEMENTS])
    passages: tuple[Statement, ...] = ()
    if len(statements) < PASSAGES_BELOW:  # the assertions say little: back them with passages
        cited = {(c.doc, c.sentence) for s in statements for c in s.citations}
        passages = tuple(p for p in passages_for(knowledge, question, limit=sources + len(cited))
                         if (p.citations[0].doc, p.citations[0].sentence) not in cited)[:sources]
    if not statements and not passages:
        return Answer(question.text, NOT_ANSWERED, True, understood=question,
                      notes=(DISCLAIMER,))
    if not statements and qtype.needs:
        # A dose question whose concept no source gives a dose for: not answered, but
        # what the sources do say about it is shown beside.
        nearest = tuple(statement_of(knowledge, f, sources)
                        for f in facts_for(knowledge, question, GENERAL)[:3])
        return Answer(question.text, NOT_ANSWERED, True, statements=(), passages=nearest
                      or passages, understood=question, notes=(DISCLAIMER,))
    conflicts = conflict_notes(knowledge, facts[:MAX_STATEMENTS], sources)
    if statements:
        summary = _summary(question, qtype, facts[:MAX_STATEMENTS], knowledge, conflicts)
    else:
        summary = f"From the sources: {passages[0].text}"
    return Answer(question.text, summary, False, statements, conflicts, passages,
                  understood=question, notes=(DISCLAIMER,))


def facts_for(knowledge: KnowledgeStore, question: Question, qtype: QuestionType,
              limit: int = MAX_STATEMENTS * 3) -> list[Fact]:
    """Assertions that answer this type of question about its main concept (topics too)."""
    hierarchy = knowledge.hierarchy()
    main, *others = _ordered_concepts(question, knowledge)
    family = sorted(hierarchy.narrower(main))
    marks = ",".join("?" * len(family))
    roles = {"subject": f"subject IN ({marks})", "object": f"object IN ({marks})",
             "either": f"(subject IN ({marks}) OR object IN ({marks}))"}
    role = concept_role(qtype, main, knowledge)
    where = [roles[role]]
    params: list[object] = list(family) * (2 if role == "either" else 1)
    if qtype.predicates:
        where.append(f"predicate IN ({','.join('?' * len(qtype.predicates))})")
        params.extend(qtype.predicates)
    if qtype.name != "mechanism":
        where.append("context != ?")
        params.append(MODEL_CONTEXT)
    chosen = knowledge.assertions(where=" AND ".join(where), params=params)
    if others:  # "does HO cause pain?": the assertions that also involve pain, if any
        near = {c for o in others for c in hierarchy.related(o)}
        focused = [a for a in chosen if a.subject in near or a.object in near]
        chosen = focused or chosen
    order = {p: i for i, p in enumerate(qtype.predicates)}
    exact = hierarchy.broader(main) & hierarchy.narrower(main)  # the concept and its synonyms
    chosen.sort(key=lambda a: (a.subject not in exact and a.object not in exact,
                               order.get(a.predicate, len(order)), *_rank(a)))
    facts = to_facts(knowledge, chosen[:limit], sample=CLAIM_SAMPLE)
    if qtype.needs:
        facts = [f for f in facts if any(v.kind in qtype.needs for v in f.qualifiers.values)]
    return facts


def _each_side_known(knowledge: KnowledgeStore, question: Question) -> bool:
    """Do the sources say anything about at least two of the compared concepts?"""
    hierarchy = knowledge.hierarchy()
    known = 0
    for concept in question.concepts:
        family = sorted(hierarchy.narrower(concept))
        marks = ",".join("?" * len(family))
        if knowledge.assertions(where=f"(subject IN ({marks}) OR object IN ({marks}))",
                                params=family + family):
            known += 1
    return known >= 2


def concept_role(qtype: QuestionType, concept: str, knowledge: KnowledgeStore) -> str:
    """Where the asked-about concept sits: a question's role, flipped for a therapy.

    "How is HO treated?" asks for subjects of `treats HO`; "Can bisphosphonates stop
    it?" names the therapy, so the bisphosphonate is the subject.
    """
    lexicon = knowledge.lexicon
    if (qtype.concept_role == "object" and concept in lexicon
            and lexicon.get(concept).type in ("drug", "procedure", "test")):
        return "subject"
    return qtype.concept_role


def _ordered_concepts(question: Question, knowledge: KnowledgeStore) -> list[str]:
    """The concept asked about first: a condition if the question names one."""
    lexicon = knowledge.lexicon
    conditions = [c for c in question.concepts
                  if c in lexicon and lexicon.get(c).type == "condition"]
    rest = [c for c in question.concepts if c not in conditions]
    return conditions + rest


def _rank(assertion: Assertion) -> tuple:
    """Belief first (a well-supported "does not work" before a weak "works"), then polarity."""
    return (-assertion.belief, POLARITY_RANK[assertion.polarity], -assertion.n_sources,
            assertion.text)


def _summary(question: Question, qtype: QuestionType, facts: Sequence[Fact],
             knowledge: KnowledgeStore, conflicts: Sequence[ConflictNote]) -> str:
    """A short direct answer built only from the statements (so every word is cited).

    Where the question asks for a list (causes, treatments, symptoms of a condition),
    the answer names the items with their figures; otherwise it gives the strongest
    statements themselves.
    """
    lexicon = knowledge.lexicon
    main = _ordered_concepts(question, knowledge)[0]
    name = lexicon.get(main).name if main in lexicon else main
    role = concept_role(qtype, main, knowledge)
    lead = qtype.lead if role == qtype.concept_role else GENERAL.lead
    if role == "object":
        items = _listed(facts, knowledge)
    else:
        items = list(dict.fromkeys(_with_figures(f.assertion.text, f)
                                   for f in facts))[:MAX_LISTED_STATEMENTS]
    text = lead.format(concept=name) + ": " + "; ".join(items) + "."
    if conflicts:
        text += " The sources disagree on part of this; both sides are shown."
    return text[:1].upper() + text[1:]


MAX_LISTED_STATEMENTS = 3


def _with_figures(text: str, fact: Fact) -> str:
    """A statement or item with the figures its cited sentences give, as written."""
    figures = list(figures_of(cited_claims(fact.claims, 1)))[:2]
    return f"{text} ({'; '.join(figures)})" if figures else text


def _listed(facts: Sequence[Fact], knowledge: KnowledgeStore) -> list[str]:
    """The subjects of the answer's assertions, marked when negated or hedged, with figures."""
    lexicon = knowledge.lexicon
    items: list[str] = []
    for fact in facts:
        a = fact.assertion
        label = lexicon.get(a.subject).name if a.subject in lexicon else a.subject
        if a.polarity == "negated" or a.predicate.startswith("not_"):
            label += " (said not to work)" if a.predicate == "not_effective_for" else " (not)"
        elif a.polarity == "hedged":
            label = f"possibly {label}"
        label = _with_figures(label, fact)
        if label not in items:
            items.append(label)
        if len(items) == MAX_ANSWER_ITEMS:
            break
    return items


def conflict_notes(knowledge: KnowledgeStore, facts: Sequence[Fact], sources: int,
                   limit: int = MAX_CONFLICTS) -> tuple[ConflictNote, ...]:
    """Conflicts touching the answer's assertions, each side as a cited statement."""
    ids = [f.assertion.id for f in facts]
    shown = set(ids)
    found = sorted(knowledge.conflicts(ids),
                   key=lambda c: (c.kind != "opposite", -len({c.a, c.b} & shown)))
    return notes_for(knowledge, found[:limit], sources)


def notes_for(knowledge: KnowledgeStore, conflicts: Sequence[Conflict], sources: int
              ) -> tuple[ConflictNote, ...]:
    """These conflicts with both sides as cited statements (a sample of claims per side)."""
    if not conflicts:
        return ()
    involved = sorted({i for c in conflicts for i in (c.a, c.b)})
    by_id = {f.assertion.id: f for f in to_facts(knowledge, knowledge.assertions(involved),
                                                 with_conflicts=False, sample=CLAIM_SAMPLE)}
    return tuple(ConflictNote(c.kind, c.explanation, (
        statement_of(knowledge, by_id[c.a], sources), statement_of(knowledge, by_id[c.b], sources)))
        for c in conflicts if c.a in by_id and c.b in by_id)
