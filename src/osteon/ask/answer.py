"""Answer a question from the best source sentences, each cited, or say the sources do not.

Evidence first: the sentences are ranked (ask/evidence.py: BM25 is one feature
beside the question's concepts, fitting claims, the expected kind of answer,
section headings and scope) and the best few are quoted verbatim, the
answer-bearing words marked. The short answer is composed only from claims
whose own sentence is among those quoted, or else is the best sentence itself,
so it never says what its sentences do not. Where the sources disagree, both
sides are shown. When no sentence is relevant enough, the answer says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import islice

from osteon.ask.answer_span import answering_part
from osteon.ask.case_told import stated_in_general, told_of_one_case
from osteon.ask.citing import (
    CLAIM_SAMPLE,
    answer_with_levels,
    citation_at,
    cited_claims,
    figures_of,
    statement_of,
)
from osteon.ask.detail_fit import asked_detail, own_page_record
from osteon.ask.evidence import Key, Ranked, ages_named, rank_evidence
from osteon.ask.languages import in_other_languages, unspaced_pages
from osteon.ask.lists import introduces_list, items_after, lead_in_of
from osteon.ask.mechanism_path import causal_path
from osteon.ask.page_names import pages_of_names
from osteon.ask.population_fit import of_other_population, of_other_species, said_of_others
from osteon.ask.ranking_rules import DoseUnit, compiled, ranking_rules
from osteon.ask.records import Answer, Citation, ConflictNote, Question, Statement
from osteon.ask.restating import restated
from osteon.ask.scope import condition_kinds
from osteon.ask.text_memo import tokens_of
from osteon.ask.understand import (
    GENERAL,
    POLAR,
    WORD,
    QuestionRules,
    QuestionType,
    coordinated,
    find_concepts,
    question_rules,
    understand,
)
from osteon.ask.unmentioned import (
    PART,
    beyond_sources,
    spelled_out,
    topics_among,
    unmentioned,
    unnamed_concepts,
)
from osteon.corpus.records import SentencePlace
from osteon.errors import OsteonError
from osteon.knowledge.claim_store import mentions_at
from osteon.knowledge.find import AssertionQuery, Role
from osteon.knowledge.qualifiers import merge_qualifiers
from osteon.knowledge.query import to_facts
from osteon.knowledge.records import POLARITY_RANK, Assertion, Conflict, Fact
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.records import EXPERIMENTAL_SETTINGS, Claim

NOT_ANSWERED = "The sources do not answer this."
DISCLAIMER = "osteon supports, and does not replace, clinical judgement."
MAX_STATEMENTS = 8
SPELLED_OUT_IN = 10
"""The best sentences in which an asker's abbreviation is looked for written out ("TAR")."""
SPELLED_OUT_ON_PAGE = 30
"""... and how far down the ranking the best page's own sentences are looked in too ("GBS"
written out once, in a sentence the question shares few words with)."""
MAX_ANSWER_ITEMS = 6
MAX_CONFLICTS = 5
SPECIES_LOOK = 10
"""Best sentences of which one at least must be said of an animal a question asks about."""
LISTING = frozenset({"prevention", "treatment", "cause", "symptoms", "differential", "diagnosis"})
"""Intents whose short answer is the list of things the quoted sentences name."""


def ask(knowledge: KnowledgeStore, text: str, *, sources: int = 3) -> Answer:
    """The cited answer to one question (OsteonError for an empty one), levels cited."""
    return answer_with_levels(knowledge, _answer(knowledge, text, sources))


def _answer(knowledge: KnowledgeStore, text: str, sources: int) -> Answer:
    if not text or not text.strip():
        raise OsteonError("the question is empty: ask something about heterotopic ossification")
    if sources < 1:
        raise OsteonError(f"--sources must be at least 1, not {sources}")
    rules = question_rules()
    question = understand(text.strip(), knowledge.lexicon, rules)
    qtypes = _types_of(question, rules)
    absent = unmentioned(knowledge, question, rules)
    if (qtypes[0].name == "comparison" and not _each_side_known(knowledge, question)
            and (topics_among(knowledge, absent)
                 or unnamed_concepts(knowledge, question, rules))):
        # "the difference between X and Y" when the sources speak of one of them only (a
        # side they name in words, not as a concept, "lateral vs anterior approach", is
        # no reason to give up, nor is a word that only phrases the question, "went")
        return Answer(question.text, NOT_ANSWERED, True, understood=question,
                      notes=(DISCLAIMER,))
    ranked = own_page_record(rank_evidence(knowledge, question, qtypes), qtypes)
    best = [r.place.text for r in ranked[:SPELLED_OUT_IN]]
    on_page = [r.place.text for r in ranked[SPELLED_OUT_IN:SPELLED_OUT_ON_PAGE]
               if r.place.doc_id == ranked[0].place.doc_id]
    absent = [w for w in absent if not spelled_out(question.text, w, best)
              and not spelled_out(question.text, w, on_page, joined=False)]
    beyond = beyond_sources(knowledge, question, absent, rules)
    if beyond.whole:  # the question names something the sources never mention
        return Answer(question.text, NOT_ANSWERED, True, understood=question,
                      passages=tuple(quote(knowledge, r) for r in ranked[:3]),
                      notes=(f"No source {_mentions(beyond.words)}.", DISCLAIMER))
    path = causal_path(knowledge, question, qtypes, ranked[0].place.text if ranked else "")
    if _not_of_species(question, ranked):
        return Answer(question.text, NOT_ANSWERED, True, understood=question,
                      passages=tuple(quote(knowledge, r) for r in ranked[:3]),
                      notes=(f"No source says this of {', '.join(question.scope.species)}.",
                             DISCLAIMER))
    if not ranked and path is None:
        return Answer(question.text, NOT_ANSWERED, True, understood=question,
                      notes=(DISCLAIMER,))
    named_pages = pages_of_names(knowledge, question.text, rules)
    top = _named_first(knowledge, covering(ranked, qtypes, ranking_rules().evidence, question,
                                           named_pages), named_pages, qtypes, ranked)
    case_pages = _case_pages(top, question)
    top = _on_case_pages(top, ranked, case_pages)
    # the case named by its age is its pages' ("the 19-month-old boy's jaw mass"): what
    # the answer states comes from them, as from a page the question names
    named_pages = named_pages or case_pages
    parts = [r for r in _each_part(knowledge, question, top) if r not in top[:1]]
    top = [*top[:1], *parts, *(r for r in top[1:] if r not in parts)]  # each part answered
    top += [r for r in ranked if r.leading and r not in top]  # plain BM25's best, always
    # a quote that shows nothing new gives its place to the next ranked sentence
    evidence = _each_once((quote(knowledge, r) for r in (*top, *(r for r in ranked
                                                                 if r not in top))),
                          len(top))
    detailed = _detail_asked(qtypes, question.text)
    detail = (asked_detail(knowledge, question.text, detailed, rules)
              if detailed is not None else None)
    # a figure on the best sentence's page counts, unless it names another population on a
    # page that never speaks of the asked one ("how many weeks after a corked thigh…?" is
    # not answered by "3-12 weeks after spinal cord injury")
    given_as = (DETAIL_GIVEN_AS.get(detailed.name, frozenset()) if detailed is not None
                and compiled(rules.prevalence_asked).search(question.text) else frozenset())
    giving = [] if detailed is None or detail is None else [
        r for r in top
        if (r.holds.get(detailed.name) or any(r.holds.get(other) for other in given_as))
        and _about_asked(r, top[0], question)
        and detail.given_by(r)
        and not (detailed.of_population and (
            of_other_species(question, r)
            or (said_of_others(knowledge, question, r)
                if r.place.doc_id == top[0].place.doc_id
                else of_other_population(knowledge, question, [r]))))]
    if detail is not None and not giving:
        # "how much does it cost?" over sentences that name no price: no answer in them; "what
        # percentage of combat amputees…?" over other pages' figures of other patients, neither
        return Answer(question.text, NOT_ANSWERED, True, passages=evidence,
                      understood=question, notes=(DISCLAIMER,))
    if (compiled(rules.kind_asked).search(question.text) and question.wants
            and not _names_kind_asked(knowledge, question, top,
                                      named_pages)):
        # "which medicine did Dr Zhang prescribe?" over sentences about the girl that name
        # no medicine: the closest sentences do not say
        return Answer(question.text, NOT_ANSWERED, True, passages=evidence,
                      understood=question, notes=(DISCLAIMER,))
    if qtypes[0].of_population and of_other_population(knowledge, question, top):
        asked = " or ".join(knowledge.lexicon.get(c).name for c in question.scope.population)
        return Answer(question.text, NOT_ANSWERED, True, passages=evidence,
                      understood=question,
                      notes=(f"The closest sentences speak of other patients than those "
                             f"with {asked}.", DISCLAIMER))
    if qtypes[0].name == "dose" and _no_dose_of_asked(knowledge, question, qtypes[0], top):
        return Answer(question.text, NOT_ANSWERED, True, passages=evidence,
                      understood=question, notes=(DISCLAIMER,))
    # a question about the people a page names ("did Bennett need surgery to remove it?")
    # is answered by what that page says, not by what other pages say is done for others
    facts = _facts_in(knowledge, [r for r in top if r.place.doc_id in named_pages]
                      if named_pages else top)
    # Statements cite each assertion's own sample of sentences (figures first); the
    # short answer uses only the claims read from the quoted sentences.
    candidates = to_facts(
        knowledge, [f.assertion for f in _on_what_is_asked(facts, qtypes)[:MAX_STATEMENTS]],
        sample=CLAIM_SAMPLE)
    told = told_of_one_case(knowledge, (c for f in candidates for c in f.claims),
                            ranking_rules())
    whole = stated_in_general(candidates, told, ranking_rules())
    statements = tuple(statement_of(knowledge, f, sources)
                       for f in restated(knowledge, whole, told))
    disputes = disputed(knowledge, whole)
    conflicts = notes_for(knowledge, disputes, sources)
    notes = [n for n in dict.fromkeys(
        f"One quoted sentence is {r.scope_note}." for r in top[:2] if r.scope_note)]
    if beyond.words:  # a part of the question the sources do not treat: said, not hidden
        notes.insert(0, f"Part of the question is not answered: no source "
                        f"{_mentions(beyond.words)}.")
    if path is not None:
        summary, said = path.summary, {f.assertion.id for f in whole}
        statements = path.steps + statements
    else:
        summary, said = _summary(question, qtypes, facts, top, knowledge, giving, named_pages)
    if conflicts and any({c.a, c.b} & said for c in disputes):
        # only where the short answer itself says a side: a conflict among the statements
        # below is shown in its own section, not pinned on a quote it has nothing to do with
        summary += " The sources disagree on part of this; both sides are shown."
    return Answer(question.text, summary, False, statements, conflicts, (),
                  understood=question, notes=(*notes, DISCLAIMER), evidence=evidence)


def _named_first(knowledge: KnowledgeStore, top: list[Ranked], named_pages: Sequence[str],
                 qtypes: Sequence[QuestionType], ranked: Sequence[Ranked] = ()) -> list[Ranked]:
    """The best quote of the page the question names leads, where it may answer.

    "How old was the patient in the IMAIOS case?": the French page's "une patiente de 44
    ans" answers, not another page's English "a twenty-five year old male patient", which
    shares more of the question's words only because it is in the question's language. A
    page in English leads so only where the question names it alone and its quote holds
    what the question's first intent asks ("in the Egyptian case report, how old …?": its
    "a 22-year-old man", not another case's "Patient M., 32 years old"); pages named by a
    word several share ("Mass General") keep the ranking's order. A page in another language
    leads with its best ranked sentence even where none of its sentences was quoted (`ranked`:
    the whole ranking): "which soft tissues turn to bone, per the Schulthess article?" is
    answered by its "Muskeln, Sehnen und Bindegewebe", not an English page's "soft tissues".
    """
    if not named_pages or not top or top[0].place.doc_id in named_pages:
        return top
    other_language = in_other_languages(knowledge.store, named_pages)
    first = next((r for r in (*top, *(ranked if other_language else ()))
                  if r.place.doc_id in named_pages), None)
    if first is None or not (other_language or (
            len(named_pages) == 1 and qtypes[0].answer and first.holds.get(qtypes[0].name))):
        return top
    return [first, *(r for r in top if r is not first)]


def _names_kind_asked(knowledge: KnowledgeStore, question: Question, top: Sequence[Ranked],
                      named_pages: Sequence[str] = ()) -> bool:
    """Does a quoted sentence about what is asked name a thing of the kind the question wants?

    The question's own concepts (and those it excludes) name nothing new: "which drug did
    they give for FOP?" is not answered by a sentence naming FOP alone. A question that
    names its person ("which pain medication does Jasmin Floyd take?") is answered on the
    pages that name them: another page's "pain medication will be prescribed" is said of
    other patients. A sentence on a page in Chinese or Japanese may name it in words the
    lexicon cannot read ("インドメタシン"): it is not held to name nothing.
    """
    about = [r for r in top if _about_asked(r, top[0], question)
             and (not named_pages or r.place.doc_id in named_pages)]
    if not unspaced_pages(knowledge.store).isdisjoint(r.place.doc_id for r in about):
        return True
    keys = {(r.place.doc_id, r.place.idx) for r in about}
    found = mentions_at(knowledge.store, keys) if keys else {}
    own = {*question.concepts, *question.excluded}
    lexicon = knowledge.lexicon
    return any(c in lexicon and c not in own and lexicon.get(c).type in question.wants
               for named in found.values() for c, _ in named)


def _not_of_species(question: Question, ranked: Sequence[Ranked]) -> bool:
    """Does a question about an animal ("what share of cats…") find nothing said of it?

    Its best sentences all about people (or other species) answer it no more than a
    figure for people answers one about cats.
    """
    asked = set(question.scope.species) & set(question.concepts)  # "cats", not "animal models"
    return bool(asked) and bool(ranked) and not any(
        asked & set(r.scope.species) for r in ranked[:SPECIES_LOOK])


def _no_dose_of_asked(knowledge: KnowledgeStore, question: Question, asking: QuestionType,
                      top: Sequence[Ranked]) -> bool:
    """Do the quoted sentences give no dose of what a dose question asks about?

    None when no claim of theirs carries a dose and no sentence holding a dose names the
    question's concepts (a claim about the drug that carries no dose is no answer; a
    question naming no concept, "how much factor VIII per kilo…", takes a dose beside its
    words; "which antibody did the team use, and at what dose?" is not answered by a
    sentence that only holds what its other intent asks for), or when every dose they give
    is of something else (`_dosed_otherwise`). `asking`: the dose type, whose own words
    ("dose", "how much") are no words of what is asked.
    """
    # a question naming care that is dosed ("which bisphosphonate, at what dose?") is not
    # answered by a dose of other care beside its other concept ("7-8 Gray … prevents HO"):
    # the sentence names the care, its kind or class, or gives a dose in the care's units
    hierarchy = knowledge.hierarchy()
    # each unit the asked care is dosed in, with the asked concepts it doses
    dosing = [(u, dosed) for u in ranking_rules().dose_units
              if (dosed := [c for c in question.concepts if _dosed_in(u, c, knowledge)])]
    units = [u for u, _ in dosing]
    care = {n for _, dosed in dosing for c in dosed
            for n in hierarchy.narrower(c) | hierarchy.broader(c) | {c}}
    # the concepts each quoted sentence names, looked up once for both checks
    named = ({key: {c for c, _ in found}
              for key, found in mentions_at(knowledge.store, [r.key for r in top]).items()}
             if units else {})

    def of_care(r: Ranked) -> bool:
        return (not care or bool(care & named.get(r.key, set()))
                or any(compiled(u.units).search(r.place.text) for u in units))

    # a question naming no concept: beside its words other than those asking for a dose
    own = set() if question.concepts else _words_not_asking(question, asking)

    def asked_of(r: Ranked) -> bool:
        return bool(question.concepts) or bool(own & set(tokens_of(r.place.text)))

    return not any(
        of_care(r) and asked_of(r) and (
            any(c.qualifiers.dose for _, c in r.fitting)
            or (r.holds.get("dose") and (r.features["concepts"] or not question.concepts)))
        for r in top) or _dosed_otherwise(knowledge, top, dosing, named)


def _words_not_asking(question: Question, asking: QuestionType) -> set[str]:
    """The question's words besides those asking for a dose, which a sentence must share.

    "What dose of colchicine does the blog recommend for a pseudogout attack?" names no
    concept osteon knows: "A dose of 7-8 Gray … within 24-48 hours of surgery" shares only
    "dose" with it and answers another question; "factor VIII 50 units per kilo" shares
    "factor". Found once per question, not once per quoted sentence.
    """
    text = question.text.lower()
    cue = {w for p in asking.patterns for m in compiled(p).finditer(text)
           for w in tokens_of(m.group())}
    return set(question.words) - cue


def _dosed_otherwise(knowledge: KnowledgeStore, top: Sequence[Ranked],
                     dosing: Sequence[tuple[DoseUnit, Sequence[str]]],
                     named: dict[Key, set[str]]) -> bool:
    """Are the quoted sentences' doses all of something other than the asked care?

    A dose in units the asked care is not given in (ranking.yaml `dose_units`: Gy for an
    NSAID) is of something else, and so is a dose beside another drug and not the asked
    one ("etidronate 20 mg/kg" for "was alendronate given as 70 mg weekly?"). A question
    that names no dosed care (or care of no known units) takes a dose in any. `dosing`: each
    unit the asked care is dosed in, with the asked concepts it doses; `named`: the concepts
    each quoted sentence names.
    """
    dosed = [r for r in top if r.holds.get("dose")]
    if not (dosing and dosed):
        return False
    hierarchy = knowledge.hierarchy()
    asked = []
    for u, concepts in dosing:  # each unit with the asked care it doses, and that care's kinds
        care = {c for concept in concepts for c in hierarchy.narrower(concept) | {concept}}
        # ... and its classes, no other care ("an NSAID (25 mg of indomethacin…)")
        asked.append((u, care, care | {b for c in care for b in hierarchy.broader(c)}))
    return not any(_dose_of_asked(r, asked, named.get(r.key, set()), knowledge)
                   for r in dosed)


def _dose_of_asked(ranked: Ranked, asked: Sequence[tuple[DoseUnit, set[str], set[str]]],
                   named: set[str], knowledge: KnowledgeStore) -> bool:
    """Does the sentence give a dose in the asked care's units, beside no other such care?"""
    for unit, care, not_other in asked:
        if not compiled(unit.units).search(ranked.place.text):
            continue
        others = {c for c in named if knowledge.lexicon.get(c).type in unit.types} - not_other
        if not others or named & care:
            return True
    return False


def _dosed_in(unit: DoseUnit, concept: str, knowledge: KnowledgeStore) -> bool:
    """Is the concept (a kind of) care dosed in these units?"""
    return knowledge.lexicon.get(concept).type in unit.types or bool(
        unit.concepts & (knowledge.hierarchy().broader(concept) | {concept}))


MAIN_ANSWERS = 2
"""Quoted sentences that hold what the main intent asks for, when the sources have them."""


def _diverse(ranked: Sequence[Ranked], n: int, per_document: int) -> list[Ranked]:
    """The best `n`, at most `per_document` from one document while others have some."""
    chosen: list[Ranked] = []
    counts: dict[str, int] = {}
    for r in ranked:
        if counts.get(r.place.doc_id, 0) < per_document:
            chosen.append(r)
            counts[r.place.doc_id] = counts.get(r.place.doc_id, 0) + 1
        if len(chosen) == n:
            return chosen
    rest = [r for r in ranked if r not in chosen]  # few documents: fill up from them
    return sorted(chosen + rest[:n - len(chosen)], key=ranked.index)


ASKED_AGAIN = re.compile(PART.pattern + r"|,?\s+and\s+(?=(?:(?:on|in|at|by|from|for|to|with|"
                         r"until|since)\s+(?:what|which|whom|when)\b|(?:what|which|how|when|"
                         r"where|who|whom|why|is|are|was|were|did|does|do|can|could)\b))",
                         re.IGNORECASE)
"""Where a question of several parts asks again: a new sentence ("Did it come back? Why?",
`unmentioned.PART`) or a question word after "and" ("…, and what's its trade name?"), or
after "and" and a preposition ("…, and in which journal did it appear?", "and on what date
was it posted?")."""


def _types_of(question: Question, rules: QuestionRules) -> list[QuestionType]:
    """The question's intents as types, main first; the general type where none is known."""
    return [t for t in (rules.type_named(n) for n in question.intents) if t] or [GENERAL]


def _each_part(knowledge: KnowledgeStore, question: Question, top: Sequence[Ranked]
               ) -> list[Ranked]:
    """For each later part of a question of several, its best sentence on a quoted page.

    "Were her blood tests abnormal, and what could be felt on her back?": the best
    sentences for the whole may all answer the first part; the second's own best sentence
    (the whole question's concepts with it, as its pronouns stand for them) joins them.
    """
    parts = _parts(question.text)
    if len(parts) < 2 or not top:
        return []
    rules = question_rules()
    pages = {r.place.doc_id for r in top[:PART_PAGES]}
    found: list[Ranked] = []
    for part in parts[1:]:
        sub = understand(part, knowledge.lexicon, rules)
        sub = replace(sub, concepts=tuple(dict.fromkeys((*sub.concepts, *question.concepts))),
                      scope=question.scope)
        types = _types_of(sub, rules)
        best = next((r for r in rank_evidence(knowledge, sub, types)
                     if r.place.doc_id in pages), None)
        if types[0].answer and not (best is not None and best.holds.get(types[0].name)):
            # a part whose own best sentence holds none of what it asks, as one that names
            # nothing of its own ("…, and on what date was it posted?"), asks it of what
            # the whole question names: its answer is looked for there
            best = next((r for r in rank_evidence(knowledge, question, types)
                         if r.place.doc_id in pages and r.holds.get(types[0].name)), best)
        if best is not None and best not in found:
            found.append(best)
    return found


def _parts(text: str) -> list[str]:
    """The parts of a question of several, each where it asks again (`ASKED_AGAIN`)."""
    return [p for p in ASKED_AGAIN.split(text.strip()) if WORD.search(p)]


PART_PAGES = 3
"""The best sentences whose pages a later part's own sentence must lie on."""


def _about_asked(holder: Ranked, best: Ranked, question: Question) -> bool:
    """Is a sentence holding the kind of answer asked for about what the question asks?

    It is when it names one of the question's concepts or lies on the page of the best
    sentence: "how old was the man with the mesenteric band?" is not answered by the
    22-month-old girl of another page's reference list. Of a question about one patient's
    case ("the 14-year-old girl's hindfoot"), only a sentence on the best sentence's page is:
    another page's 80 mm mass is another patient's.
    """
    if holder.place.doc_id == best.place.doc_id:
        return True
    if compiled(question_rules().one_case).search(question.text):
        return False  # one patient's figure is on that patient's page
    return not question.concepts or holder.features.get("concepts", 0.0) > 0


def covering(ranked: Sequence[Ranked], qtypes: Sequence[QuestionType], n: int,
             question: Question, named_pages: Sequence[str] = ()) -> list[Ranked]:
    """The best `n` sentences, and for each intent they leave unanswered, the best that answer.

    "How often, and where?" gets a sentence with a figure and one with a site even
    when plain relevance would have quoted four of one kind. A further intent's sentence
    from another page must be about what is asked: "which drug after HO surgery, and for
    how long?" is not answered by another page's "crutches for three weeks". So must the
    main intent's of a question about one case, or about the people a page names
    (`named_pages`): "why did Steve matter so much to Karen's family?" is not answered by
    another page's "an x-ray will not be helpful because there is no calcium".
    """
    top = _diverse(ranked, n, ranking_rules().per_document)
    one_case = bool(compiled(question_rules().one_case).search(question.text))
    for i, qtype in enumerate(qtypes):
        wanted = MAIN_ANSWERS if i == 0 else 1
        if not qtype.answer:
            continue
        have = sum(1 for r in top if r.holds.get(qtype.name))
        # among all not quoted yet: the best n left some of the first n out, one page
        # quoted at most `per_document` times (a byline the 9th of one page's sentences)
        quoted = {r.key for r in top}
        rest = [r for r in ranked if r.key not in quoted]
        extra = [r for r in rest if r.holds.get(qtype.name)
                 and (not named_pages or r.place.doc_id in named_pages)
                 and ((i == 0 and not one_case) or not top
                      or _about_asked(r, top[0], question))
                 ][:max(0, wanted - have)]
        page = top[0].place.doc_id if top else None
        if i and not any(r.holds.get(qtype.name) and r.place.doc_id == page
                         for r in (*top, *extra)):
            # a further intent is asked of the best sentence's source too ("the first
            # author, and which journal?"): its page's own answer, where it has one
            extra += [r for r in rest if r.holds.get(qtype.name)
                      and r.place.doc_id == page][:1]
        top.extend(r for r in extra if r not in top)
    return top


def _each_once(quotes: Iterable[Statement], limit: int) -> tuple[Statement, ...]:
    """The first `limit` quotes that show a sentence no earlier one shows.

    A list's lead-in is quoted with its items, and an item with its lead-in: once the
    whole list is shown, an item of it is not quoted again.
    """
    shown: set[tuple[str, int]] = set()
    kept: list[Statement] = []
    for statement in quotes:
        if len(kept) >= limit:
            break
        sentences = {(c.doc, c.sentence) for c in statement.citations}
        if sentences and sentences <= shown:
            continue
        shown |= sentences
        kept.append(statement)
    return tuple(kept)


def quote(knowledge: KnowledgeStore, ranked: Ranked) -> Statement:
    """A ranked sentence quoted whole, the words of its best fitting claim marked.

    With what it needs to be read right: a list item with its list's lead-in, a
    sentence that points back ("These cells…") with the one before, a lead-in with
    its items; the same sentence in other documents is cited beside it.
    """
    place = ranked.place
    span = None
    polarity, figures = "asserted", ()
    if ranked.fitting:
        claim = ranked.fitting[0][1]
        span = (claim.evidence.span_start, claim.evidence.span_end)
        polarity = claim.polarity
        figures = figures_of([c for _, c in ranked.fitting])
    citations = (*_context_before(knowledge, place), citation_at(place, span),
                 *(citation_at(copy, span if copy.text == place.text else None)
                   for copy in ranked.copies),
                 *_list_after(knowledge, place))
    return Statement(place.text, None, citations, polarity, figures)


def _context_before(knowledge: KnowledgeStore, place: SentencePlace) -> tuple[Citation, ...]:
    """What a sentence needs before it to be read right.

    The lead-in of its list ("While not proven, the following may help prevent it:"
    governs every item), or, for a sentence that points back ("These cells…"), the
    sentence before.
    """
    if place.idx == 0:
        return ()
    if place.kind == "list_item":
        lead = lead_in_of(knowledge, place)
        return (citation_at(lead),) if lead is not None else ()
    if not compiled(ranking_rules().anaphora).match(place.text):
        return ()  # most sentences stand alone: nothing to look up
    previous = knowledge.sentences([(place.doc_id, place.idx - 1)]).get(
        (place.doc_id, place.idx - 1))
    if previous is not None and previous.section_path == place.section_path:
        return (citation_at(previous),)
    return ()


def _with_items(knowledge: KnowledgeStore, place: SentencePlace) -> str:
    """A lead-in leading the answer says what its items say ("Collaborators: A; B; C")."""
    if not introduces_list(place):
        return place.text
    items = [item.text.rstrip(" .;") for item in items_after(knowledge, place)]
    return " ".join((place.text, "; ".join(items))) if items else place.text


def _list_after(knowledge: KnowledgeStore, place: SentencePlace) -> tuple[Citation, ...]:
    """The items of the list a lead-in sentence ("Treatment options include:") introduces."""
    return tuple(citation_at(item) for item in items_after(knowledge, place))


def _on_case_pages(top: list[Ranked], ranked: Sequence[Ranked], pages: Sequence[str]
                   ) -> list[Ranked]:
    """The sentences to quote of the pages that tell the case a question names by its age.

    `pages`: those pages (`_case_pages`). "What treatment was given to the 36-year-old man
    with dendriform pulmonary ossification?" asks what his page says was done; "surgical
    resection treats HO", read from another page, says what is done for others. The case's
    pages' next ranked sentences take the places of the others' ("The patient was
    asymptomatic."). Where no quoted sentence tells the case's age (no `pages`), all of them
    stay.
    """
    if not pages:
        return top
    kept = [r for r in top if r.place.doc_id in pages]
    more = (r for r in ranked if r.place.doc_id in pages and r not in kept)
    return kept + list(islice(more, len(top) - len(kept)))


def _case_pages(top: Sequence[Ranked], question: Question) -> list[str]:
    """The pages of the quoted sentences that tell the case the question names by its age."""
    rules = ranking_rules()
    asked = ages_named(question.text, rules)
    return sorted({r.place.doc_id for r in top if asked & ages_named(r.place.text, rules)}
                  ) if asked else []


def _facts_in(knowledge: KnowledgeStore, top: Sequence[Ranked]) -> list[Fact]:
    """Assertions of the fitting claims in the quoted sentences, those claims only, in rank order.

    Claims that no measured rule confirms are left out of the statements: the
    quoted sentence shows what they were read from.
    """
    order: dict[int, list[Claim]] = {}
    for r in top:
        for assertion_id, claim in r.fitting:
            order.setdefault(assertion_id, []).append(claim)
    if not order:
        return []
    by_id = {a.id: a for a in knowledge.assertions(list(order)) if a.confirmed}
    titles = knowledge.titles({c.evidence.doc_id for cs in order.values() for c in cs})
    facts = []
    for assertion_id, claims in order.items():
        if assertion_id in by_id:
            own = tuple(claims)
            facts.append(Fact(by_id[assertion_id], own, merge_qualifiers(own),
                              {c.evidence.doc_id: titles.get(c.evidence.doc_id, "")
                               for c in own}))
    conflicts = knowledge.conflicts([f.assertion.id for f in facts])
    return [Fact(f.assertion, f.claims, f.qualifiers, f.document_titles,
                 tuple(c for c in conflicts if f.assertion.id in (c.a, c.b))) for f in facts]


def _on_what_is_asked(facts: Sequence[Fact], qtypes: Sequence[QuestionType]) -> list[Fact]:
    """The facts a statement may re-word: those of a relation the question asks about.

    "What did the bone scan show?" or "which databases did the review search?" asks for no
    relation: "Bone scan helps diagnose HO", read from a quoted sentence, answers nothing
    asked, and where it is misread it only adds a falsehood (its sentence is quoted
    anyway). "Which year was indomethacin first used to prevent HO?" is about prevention,
    not about which drugs are NSAIDs. A question no pattern types may be answered by any.
    """
    if qtypes[0] is GENERAL:
        return list(facts)
    asked = {p for t in qtypes for p in t.predicates}
    return [f for f in facts if f.assertion.predicate in asked]


def facts_for(knowledge: KnowledgeStore, question: Question, qtype: QuestionType,
              limit: int = MAX_STATEMENTS * 3) -> list[Fact]:
    """Assertions that answer this type of question about its main concept (topics too)."""
    hierarchy = knowledge.hierarchy()
    main, *others = _ordered_concepts(question, knowledge)
    # "read, not confirmed" (a rule not precise enough on real text) is never shown as a fact
    chosen = knowledge.find(AssertionQuery(
        concepts=(main,), kinds=True, role=concept_role(qtype, main, knowledge),
        predicates=tuple(qtype.predicates),
        # only mechanism questions are answered from experiments (labelled as such)
        not_contexts=() if qtype.name == "mechanism" else EXPERIMENTAL_SETTINGS,
        confirmed=True))
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


def _mentions(words: Sequence[str]) -> str:
    """'mentions 'x', 'y'': the words of a question no source holds, as a note says them."""
    return "mentions " + ", ".join(repr(w) for w in words)


def _each_side_known(knowledge: KnowledgeStore, question: Question) -> bool:
    """Do the sources say anything about at least two of the compared concepts?"""
    known = 0
    for concept in question.concepts:
        if knowledge.find(AssertionQuery(concepts=(concept,), kinds=True)):
            known += 1
    return known >= 2


def concept_role(qtype: QuestionType, concept: str, knowledge: KnowledgeStore) -> Role:
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
    """The concept asked about first: HO or a kind of it, else a condition, else the rest.

    "Does a blast injury make HO more likely?" asks about the causes of HO, not of
    blast injuries: in an HO knowledge base HO is the outcome when it is named.
    """
    lexicon = knowledge.lexicon
    ho = condition_kinds(knowledge)
    kinds_of_ho = [c for c in question.concepts if c in ho]
    conditions = [c for c in question.concepts if c not in kinds_of_ho
                  and c in lexicon and lexicon.get(c).type == "condition"]
    rest = [c for c in question.concepts if c not in kinds_of_ho and c not in conditions]
    return kinds_of_ho + conditions + rest


def _rank(assertion: Assertion) -> tuple:
    """Belief first (a well-supported "does not work" before a weak "works"), then polarity."""
    return (-assertion.belief, POLARITY_RANK[assertion.polarity], -assertion.n_sources,
            assertion.text)


def _summary(question: Question, qtypes: Sequence[QuestionType], facts: Sequence[Fact],
             top: Sequence[Ranked], knowledge: KnowledgeStore,
             giving: Sequence[Ranked] = (), named_pages: Sequence[str] = ()
             ) -> tuple[str, set[int]]:
    """A short direct answer from the quoted sentences only (so every word is cited).

    A question about the people a page names (`named_pages`: "why doesn't the Winnard
    family move?") is answered from that page where it is quoted, each intent of it.

    With it, the assertions it says: those it lists, or those read from the sentences it
    quotes.

    Where the question asks for a list and nothing else (causes, treatments,
    symptoms of a condition) and the quoted sentences carry claims naming the items,
    the answer names them with their figures; otherwise it is the best sentence
    itself, and the best one for a further intent when another sentence answers it.
    `giving`: the quoted sentences that give the one detail asked of what is asked
    (`detail_fit`); one of them leads.
    """
    main = qtypes[0]
    if (main.name in LISTING and question.concepts
            and all(set(t.answer) == set(main.answer) for t in qtypes[1:])):
        # a list answers a question that asks for one kind of thing ("what medicines
        # prevent it?": prevention and treatment both want therapies); "which operation
        # is a known trigger?" (treatment or cause) or "how many got HO without
        # prophylaxis?" is answered by the best sentence, not by the treatments
        concept = _ordered_concepts(question, knowledge)[0]
        role = concept_role(main, concept, knowledge)
        own = _items(question, main, facts, concept, knowledge)
        if own and role == "object" and role == main.concept_role:
            lexicon = knowledge.lexicon
            name = lexicon.get(concept).name if concept in lexicon else concept
            text = main.lead.format(concept=name) + ": " + "; ".join(_listed(own, knowledge))
            return text[:1].upper() + text[1:] + ".", {f.assertion.id for f in own}
    lead = _lead([r for r in top if r.place.doc_id in named_pages] or top, main, giving)
    chosen = [lead]
    in_scope = [r for r in top if r.features["scope"] >= 0]  # not another population's figure
    for qtype in qtypes[1:]:
        # the lead's own page first: "who was the first author, and which journal?" asks
        # both of one paper, not another page's journal line; another page's sentence
        # only when it is about what is asked
        # (a sentence already quoted for one intent, "Journal … 23(2):p 87-94, February 2015",
        # answers the next it holds too: it is not quoted twice)
        quoted = {c.key for c in chosen}
        holders = [r for r in in_scope if r.holds.get(qtype.name) and r.key not in quoted
                   and _about_asked(r, lead, question)
                   and (not named_pages or r.place.doc_id in named_pages)]
        best = next((r for r in holders if r.place.doc_id == lead.place.doc_id),
                    holders[0] if holders else None)
        if best is not None and not any(c.holds.get(qtype.name) for c in chosen):
            chosen.append(best)
    chosen += _for_each_joined(question, knowledge, lead, top, chosen)
    asked = [*question.words, *question.related, *question.translated]
    quoted = " ".join(_as_sentence(answering_part(_with_items(knowledge, r.place), asked))
                      for r in chosen)
    return ("From the sources: " + quoted.replace("… …", "…"),
            {assertion_id for r in chosen for assertion_id, _ in r.fitting})


def _for_each_joined(question: Question, knowledge: KnowledgeStore, lead: Ranked,
                     ranked: Sequence[Ranked], chosen: Sequence[Ranked]) -> list[Ranked]:
    """A sentence of the lead's page for each thing the question joins that none quoted names.

    "What did her lung function test and ECG show?": "Lung function showed a restrictive
    pattern." leads; "Right bundle-branch block on the electrocardiogram was found." answers
    the other half.
    """
    joined = coordinated(question.text, knowledge.lexicon, question_rules())
    if len(joined) < 2:
        return []
    hierarchy = knowledge.hierarchy()
    on_page = [r for r in ranked if r.place.doc_id == lead.place.doc_id]
    found = mentions_at(knowledge.store, [r.key for r in (*chosen, *on_page)])
    named = {key: {c for c, status in said if status != "negated"}
             for key, said in found.items()}
    added: list[Ranked] = []
    for concept in joined:
        family = hierarchy.narrower(concept) | {concept}
        if any(family & named.get(r.key, set()) for r in (*chosen, *added)):
            continue
        holder = next((r for r in on_page if r not in chosen and r not in added
                       and family & named.get(r.key, set())), None)
        if holder is not None:
            added.append(holder)
    return added


LEAD_SHARE = 0.8
"""A lower-ranked sentence leads the answer, because it holds what was asked (a figure,
a duration), only when it scores at least this share of the best one."""


def _items(question: Question, main: QuestionType, facts: Sequence[Fact], concept: str,
           knowledge: KnowledgeStore) -> list[Fact]:
    """The facts a listing answer names.

    Of the intent's predicates, about the asked concept, not the concept itself, of
    the kinds asked for, and about the items the question names when it names some
    ("do NSAIDs or bisphosphonates prevent it?"; the population it asks about is no
    item). A yes-or-no question that names no item gets no list: "does HO raise the
    risk of X?" is not answered by the causes of HO.
    """
    hierarchy = knowledge.hierarchy()
    asked = hierarchy.narrower(concept) | {concept}
    named = [c for c in question.concepts if c not in asked
             and c not in question.scope.population and c not in question.excluded]
    polar = bool(POLAR.match(question.text))
    setting = set() if polar else _setting(question, knowledge)
    if named and set(named) <= setting:
        return []  # "which risk factors for HO after X?": X is where it is asked, no answer
    if not named and polar:
        return []
    lexicon = knowledge.lexicon
    # the named items and their kinds: "trauma raises the risk" does not answer "does a
    # blast injury?", though "indomethacin prevents it" answers "do NSAIDs?"
    near = set().union(*(hierarchy.narrower(c) | {c} for c in named)) if named else set()
    out = []
    for fact in facts:
        a = fact.assertion
        if a.predicate not in main.predicates or a.subject in question.excluded:
            continue
        if a.subject in asked or a.subject in hierarchy.broader(concept):
            continue  # "HO treats HO": the concept is not its own treatment
        if a.subject in setting:
            continue  # "risk factors for HO after X": X (a population too) is no answer
        if main.concept_role == "object" and a.object not in asked:
            continue
        kind = lexicon.get(a.subject).type if a.subject in lexicon else None
        if question.wants and kind not in question.wants:
            continue
        if near and a.subject not in near:
            continue
        said = set(a.scope.family)
        if said and not said & set(question.scope.family or ("acquired",)):
            continue  # what is said only of FOP does not answer a question about HO at large
        out.append(fact)
    return out


SETTING = re.compile(r"\b(?:after|following|post)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
"""Words that put a concept named after them (up to two words on, "after a knee") as the
setting of what is asked."""


def _setting(question: Question, knowledge: KnowledgeStore) -> set[str]:
    """The concepts a wh-question names as the event it asks within ("HO after X").

    "Which risk factors did the analysis find for HO after multiple-ligament knee
    reconstruction?" asks the causes among those who had the operation; the operation is
    no answer to it (it was listed as its own risk factor).
    """
    text = question.text
    starts = [m.start() for m in WORD.finditer(text)]
    return {c for c, first, _ in find_concepts(text, knowledge.lexicon)
            if first < len(starts) and SETTING.search(text[:starts[first]])}


DETAIL_BESIDE = frozenset({"length"})
"""Intents asking for one detail that decide beside the main one where the question opens
with them: "How many months after her head injury did …?" asks for months, whichever
intent ranks first."""

DETAIL_GIVEN_AS = {"count": frozenset({"frequency"})}
"""Intents whose detail another intent, asked with it, gives in its own form where the
question asks how many a condition affects (`prevalence_asked`): "FOP affects how many
people?" is answered by "a condition impacting 1 in 2 million" (a rate, no count)."""

DETAIL_IN_FIRST_PART = frozenset({"recurrence"})
"""Intents asking for one detail that decide only where the question's first part asks
them: "How did he do after the masses were cut out - and did they grow back?" is answered
by how he did, though no quoted sentence says whether they came back (for the other
detail intents, declining wherever they rank first was measured to keep more questions
the pages do not answer declined than it lost)."""


def _detail_asked(qtypes: Sequence[QuestionType], text: str) -> QuestionType | None:
    """The intent asking for one detail that only a sentence giving it answers, if any.

    The main intent's (one of `DETAIL_IN_FIRST_PART` only where the question's first part
    asks it); else one of `DETAIL_BESIDE` the question opens with (asked later, "… and how
    long was he in hospital?", a part of a question is no reason to give up the rest: such
    questions lost answers where it was).
    """
    if qtypes[0].only_with_answer:
        if qtypes[0].name not in DETAIL_IN_FIRST_PART:
            return qtypes[0]
        parts = _parts(text)
        if len(parts) < 2 or _first_asked(qtypes[:1], parts[0]) is not None:
            return qtypes[0]
    first = _first_asked(qtypes, text)
    return next((t for t in qtypes[1:] if t.only_with_answer and t.name in DETAIL_BESIDE
                 and first is not None and _first_asked((t,), text) == first), None)


def _first_asked(qtypes: Sequence[QuestionType], text: str) -> int | None:
    """Where the earliest of these intents' asking patterns starts in the question."""
    return min((found.start() for t in qtypes for pattern in t.patterns
                if (found := compiled(pattern).search(text)) is not None), default=None)


def _lead(top: Sequence[Ranked], main: QuestionType, giving: Sequence[Ranked] = ()
          ) -> Ranked:
    """The sentence the short answer quotes first.

    The best, unless a nearly as good one holds what the main intent asks for (a
    figure, a duration) or uses its words ("refers to" for a definition) and is as
    much in the question's scope (no mouse experiment before a sentence about
    people); never a list's lead-in ("Treatment options include:") while a sentence
    that says something is there.
    """
    # nor a study's aim or title ("The purpose of this meta-analysis was…"), which repeats
    # the question's words and says nothing of what was found; a lead-in that gives the one
    # detail asked for does ("…consists of two appointments:" for "how many visits?")
    asks = compiled(ranking_rules().page_question)
    saying = [r for r in top if (not r.place.text.rstrip().endswith(":")
                                 or (main.only_with_answer and r.holds.get(main.name))
                                 or r.features.get("label"))  # "Collaborators:" and its items
              and not r.features.get("aim") and not asks.search(r.place.text)] or list(top)
    best = saying[0]
    if best.scope_note:  # out of the question's scope: one within it, nearly as good, leads
        within = next((r for r in saying if not r.scope_note), None)
        if within is not None and within.score >= LEAD_SHARE * best.score:
            best = within

    # what the main intent asks for decides; where no quoted sentence holds it (no
    # sentence opens by saying what the asked thing is), the intent's words do
    held = bool(main.answer) and any(r.holds.get(main.name) for r in saying)

    def answers(r: Ranked) -> bool:
        if giving:  # the detail of what is asked, on the page named: "How old was the
            # patient Freke described?" is not led by another page's patient's age
            return any(r is g for g in giving)
        if held:
            return bool(r.holds.get(main.name))
        return bool(main.cues and compiled(main.cues).search(r.place.text))

    if answers(best):
        return best
    if held and main.only_with_answer:  # "how much does it cost?": the sentence with a price
        return next((r for r in saying if answers(r)), best)
    # of those that answer, nearly as good: the one most in the question's scope ("when
    # does HO develop after a knee replacement?" is not led by a figure for SCI)
    # ... and one that only uses the intent's words on another page only as much about the
    # question's concepts ("why were people worried calcium sulfate might cause HO?" is not
    # led by another page's "because" sentence about amputees)
    # ... and one that holds it on another page names what is asked where the best does
    # ("which gene is mutated in POH?" is not led by another page's gene behind HO at large)
    answering = [r for r in saying if answers(r) and r.score >= LEAD_SHARE * best.score
                 and not (r.scope_note and not best.scope_note)
                 and (r.place.doc_id == best.place.doc_id
                      or r.features.get("concepts", 0.0) >= best.features.get("concepts", 0.0)
                      or (held and r.features.get("concepts", 0.0) > 0))]
    return max(answering, key=lambda r: r.features["scope"], default=best)


def _as_sentence(text: str) -> str:
    """The sentence as it ends: a full stop added only where it has none ("…positive.)").

    A lead-in's colon is kept ("…consists of two appointments:").
    """
    text = text.strip()
    return text if text.rstrip(")]”\"'’")[-1:] in ".!?…:。！？" else text + "."


def _with_figures(text: str, fact: Fact) -> str:
    """A statement or item with the figures its cited sentences give, as written."""
    figures = list(figures_of(cited_claims(fact.claims, 1)))[:2]
    return f"{text} ({'; '.join(figures)})" if figures else text


def _listed(facts: Sequence[Fact], knowledge: KnowledgeStore) -> list[str]:
    """The subjects of the answer's assertions, one item each, marked when negated or hedged.

    An item some sources assert and others only hedge is one item ("radiation therapy
    (hedged in some sources)"), not a statement and its hedged twin; one that sources
    both assert and deny says so.
    """
    lexicon = knowledge.lexicon
    stances: dict[str, list[Fact]] = {}
    for fact in facts:
        stances.setdefault(fact.assertion.subject, []).append(fact)
    items: list[str] = []
    for subject, said in list(stances.items())[:MAX_ANSWER_ITEMS]:
        name = lexicon.get(subject).name if subject in lexicon else subject
        kinds = {_stance(f.assertion) for f in said}
        first = said[0].assertion
        if kinds == {"negated"}:
            label = name + (" (said not to work)" if first.predicate == "not_effective_for"
                            else " (not)")
        elif "negated" in kinds:
            label = f"{name} (sources disagree)"
        elif kinds == {"hedged"}:
            label = f"possibly {name}"
        elif "hedged" in kinds:
            label = f"{name} (hedged in some sources)"
        else:
            label = name
        items.append(_with_figures(label, said[0]))
    return items


def _stance(assertion: Assertion) -> str:
    """Asserted, hedged or negated, a negative predicate ("not effective for") negated."""
    if assertion.polarity == "negated" or assertion.predicate.startswith("not_"):
        return "negated"
    return "hedged" if assertion.polarity == "hedged" else "asserted"


FIRST_CONFLICTS = ("opposite", "figures differ")
"""Conflicts a reader must see before any other: sources that say the opposite, and
figures for one measured thing that do not agree (data/knowledge/conflicts.yaml kinds)."""


def conflict_notes(knowledge: KnowledgeStore, facts: Sequence[Fact], sources: int,
                   limit: int = MAX_CONFLICTS) -> tuple[ConflictNote, ...]:
    """Conflicts touching the answer's assertions, each side as a cited statement."""
    return notes_for(knowledge, disputed(knowledge, facts, limit), sources)


def disputed(knowledge: KnowledgeStore, facts: Sequence[Fact], limit: int = MAX_CONFLICTS
             ) -> list[Conflict]:
    """The conflicts touching these facts' assertions that are shown, first kinds first."""
    ids = [f.assertion.id for f in facts]
    shown = set(ids)
    found = sorted(knowledge.conflicts(ids),
                   key=lambda c: (c.kind not in FIRST_CONFLICTS, -len({c.a, c.b} & shown)))
    return found[:limit]


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
