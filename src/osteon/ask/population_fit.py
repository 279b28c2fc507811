"""Is what the quoted sentences say about the population a figure question asks about?

"How often does HO form after a shoulder replacement?" over pages that give figures for
hip replacement only is not answered by them: a figure counts the cases of its own
population. A sentence speaks of the population its scope names (its own words, its
heading's, its title's); one that names none speaks of what its page is about, so a
page that never mentions the asked population does not answer for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from osteon.ask.evidence import Ranked
from osteon.ask.languages import unspaced_pages
from osteon.ask.records import Question
from osteon.knowledge.claim_store import concept_sentences
from osteon.knowledge.hierarchy import Hierarchy
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.records import Concept


def of_other_population(knowledge: KnowledgeStore, question: Question,
                        top: Sequence[Ranked]) -> bool:
    """Do the quoted sentences all speak of other populations than the question's?

    False when the question names no population (nothing to hold them to) or no
    sentence is quoted. A sentence of a page written in Chinese or Japanese, which the
    lexicon cannot read, is not known to speak of others.
    """
    asked = question.scope.population
    if not asked or not top:
        return False
    hierarchy = knowledge.hierarchy()
    pages = concept_sentences(knowledge.store, list(dict.fromkeys(r.place.doc_id for r in top)))
    unread = unspaced_pages(knowledge.store)
    return not any(
        fits(hierarchy, asked, r.scope.population) if r.scope.population
        else r.place.doc_id in unread
        or fits(hierarchy, asked, tuple(pages[r.place.doc_id]), broader=False)
        for r in top)


def of_other_species(question: Question, ranked: Ranked) -> bool:
    """Is the sentence said of no animal the question asks about?

    "What percentage of horses return to full work?" is not answered by a share of
    patients' knees: a figure of people is no figure of horses.
    """
    asked = question.scope.species
    return bool(asked) and not set(asked) & set(ranked.scope.species)


def said_of_others(knowledge: KnowledgeStore, question: Question, ranked: Ranked) -> bool:
    """Does the sentence name other populations on a page that never names the asked one?

    "HO usually occurs 3-12 weeks after spinal cord injury", on a page without a word of a
    corked thigh, is said of others; a sentence that names no population is not.
    """
    asked = question.scope.population
    if not asked or not ranked.scope.population:
        return False
    hierarchy = knowledge.hierarchy()
    doc = ranked.place.doc_id
    return not fits(hierarchy, asked, ranked.scope.population) and not fits(
        hierarchy, asked, tuple(concept_sentences(knowledge.store, [doc])[doc]), broader=False)


def fits(hierarchy: Hierarchy, asked: Iterable[str], said: Sequence[str],
         broader: bool = True) -> bool:
    """Does a text that speaks of `said` speak of (one of) the `asked` populations?

    The same, a kind of it ("total hip arthroplasty" for "hip replacement"), a broader
    one ("joint replacement" for "shoulder replacement") unless the text names a kind
    of that beside it (then "joint replacement" glosses the kind), or the condition an
    operation's name holds ("acetabular fracture" for "acetabular fracture fixation":
    who has the operation has the fracture), or the other way round. A whole page's
    concepts (`broader` False) speak of a population only by naming it or a kind of it:
    a page on cervical disc replacement that says "surgery" somewhere says nothing of
    ACL reconstruction.
    """
    known = {c: hierarchy.lexicon.get(c) for c in (*asked, *said) if c in hierarchy.lexicon}
    for s in said:
        for p in asked:
            if s in hierarchy.narrower(p):
                return True
            if broader and s in hierarchy.broader(p):
                if not any(o != s and o in hierarchy.narrower(s) for o in said):
                    return True
            elif _treated_by(known.get(s), known.get(p)) or _treated_by(known.get(p), known.get(s)):
                return True
    return False


def _treated_by(condition: Concept | None, procedure: Concept | None) -> bool:
    """Is the procedure one on the condition, by its name ("acetabular fracture fixation")?"""
    if not condition or not procedure or (condition.type, procedure.type) != (
            "condition", "procedure"):
        return False
    return f" {condition.name.lower()} " in f" {procedure.name.lower()} "
