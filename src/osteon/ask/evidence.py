"""Rank source sentences as evidence for a question: the backbone of every answer.

Candidates are the sentences plain FTS5 BM25 finds for the question's words
(widened with its concepts' names) and the sentences that carry claims about
its concepts with a predicate that fits what it asks. Each candidate gets
features a person can check (data/ask/ranking.yaml says what each means and
weighs): BM25 is one of them, so the ranking can only add to what plain
retrieval finds. What was read from a sentence (its concepts and claims) is
taken from the store, never read again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from osteon.ask.field_lines import asked_stems, names_field, unpluralled
from osteon.ask.languages import (
    asked_in_other_language,
    in_other_languages,
    language_markers,
    mostly_english,
    title_in_other_language,
    translations,
    written_in,
)
from osteon.ask.lists import introduces_list, items_of, lead_ins_of
from osteon.ask.page_names import pages_of_names
from osteon.ask.ranking_rules import RankingRules, compiled, ranking_rules
from osteon.ask.records import Question
from osteon.ask.scope import family_implied, fit, merged, out_of_scope, scope_of
from osteon.ask.text_memo import (
    REMEMBERED,
    is_all,
    occurs,
    starts,
    stem_of,
    subject_found,
    tokens_of,
    words_of,
)
from osteon.ask.understand import (
    WORD,
    QuestionType,
    asking_sentence,
    find_concepts,
    folded_words,
    pointed_words,
    question_rules,
)
from osteon.ask.whole_page import whole_page_shares
from osteon.corpus.records import PageCoverage, SearchHit, SentencePlace
from osteon.corpus.rules import layout_rules
from osteon.knowledge.claim_store import mentions_at
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.lexicon import Lexicon
from osteon.reading.lexicon_schema import ConceptEntry
from osteon.reading.records import Claim, Scope

Key = tuple[str, int]


@dataclass(frozen=True, slots=True, eq=False)
class Ranked:
    """A candidate sentence with its score and the features that make it up."""

    place: SentencePlace
    score: float
    features: dict[str, float]
    fitting: tuple[tuple[int, Claim], ...] = ()
    """(assertion id, claim) of the claims in this sentence that fit the question."""
    scope: Scope = Scope()
    scope_note: str | None = None
    """Why the sentence lies outside the question's scope, when it does."""
    holds: dict[str, bool] = field(default_factory=dict)
    """Intent name → does the sentence hold what that intent asks for."""
    leading: bool = False
    """One of plain BM25's best sentences for the question's words: always quoted, so an
    answer never holds less than plain retrieval would have shown."""
    copies: tuple[SentencePlace, ...] = ()
    """The same sentence, word for word, in other documents (a page quoting a seed): cited
    beside it, so every source that says it is named, not only the one ranked first."""

    @property
    def key(self) -> Key:
        return (self.place.doc_id, self.place.idx)


def rank_evidence(knowledge: KnowledgeStore, question: Question,
                  qtypes: Sequence[QuestionType], *, rules: RankingRules | None = None
                  ) -> list[Ranked]:
    """Candidate sentences that answer the question, best first (relevant ones only)."""
    rules = rules or ranking_rules()
    weights = rules.weights.model_dump()
    hierarchy = knowledge.hierarchy()
    families = [hierarchy.narrower(c) | {c} for c in question.concepts]
    found = _bm25(knowledge, question, rules)
    lexical, leading = found.scores, found.leading
    pages, in_best_pages = _context(knowledge, found, rules)
    titled = pages_of_names(knowledge, question.text, question_rules())
    if titled:  # the page whose title the question quotes, or a name heads or only it
        # holds, is about it; other pages' patients are not the one it names ("her son Adam")
        # ... and a page in another language ("according to the Argentinian review") holds
        # none of the question's own words: other pages' English ones count for less
        others = (OTHER_THAN_NAMED_PATIENT if compiled(rules.case_named).search(question.text)
                  or in_other_languages(knowledge.store, titled) else OTHER_THAN_QUOTED)
        pages = {**{doc: share * others for doc, share in pages.items()},
                 **dict.fromkeys(titled, max(pages.values(), default=1.0))}
    under_heading = set(_headed(knowledge, pages, qtypes, rules))
    best_pages = _best_pages(pages, rules)
    if pages and (titled or any(t.of_page for t in qtypes)):
        # a page's record of itself (its journal line, its byline) shares no word with "where
        # and when was <its title> published?": that page's opening sentences join; so do
        # those of a page the question names ("what operation fixed the symptoms in the
        # armored brain case report?" over "our patient underwent a craniotomy …")
        under_heading.update(knowledge.store.sentence_keys(
            titled or best_pages[:1], rules.context.whole_page))
    for key in under_heading:
        in_best_pages.setdefault(key, 0.0)
    for key, share in in_best_pages.items():
        lexical.setdefault(key, share)
    defined = _defined(question, knowledge, rules)
    for key in _defining(knowledge, defined, qtypes, rules):
        # it opens with the asked name: it holds the asking sentence's words
        lexical[key] = max(lexical.get(key, 0.0), rules.defining_share)
    claims = _fitting_claims(knowledge, question, qtypes, families, rules)
    places = knowledge.sentences(set(lexical) | set(claims))
    read_on = _read_on(knowledge, lexical, places, rules, question.text, frozenset(best_pages))
    # a sentence joined as telling on a case counts only if it holds what is asked
    telling = {key for key, (_, _, how) in read_on.items()
               if how == TELLS_CASE and key not in lexical}
    for key, (share, place, _) in read_on.items():
        lexical[key] = max(lexical.get(key, 0.0), share)
        places[key] = place
    answers = {key for key, (_, _, how) in read_on.items() if how == ANSWERS}
    # in document order: ties are then broken the same way in every process (a set's
    # order changes with PYTHONHASHSEED, and so did 57 of 401 answers on a large store)
    places = dict(sorted(places.items()))
    # a list item is quoted with its lead-in, and the lead-in with its items: the lead-in
    # is scored on all it quotes ("HO typically presents with:" names no symptom itself)
    best_items = sorted((p for k, p in places.items() if p.kind == "list_item"),
                        key=lambda p: (-lexical.get((p.doc_id, p.idx), 0.0), p.doc_id,
                                       p.idx))[:LEAD_INS_SOUGHT]
    leads = lead_ins_of(knowledge, best_items)
    for lead in leads.values():
        places.setdefault((lead.doc_id, lead.idx), lead)
    listed = items_of(knowledge, places.values())
    keys = set(places)
    # a sentence that points back ("These cells…") is quoted with the one before, and
    # is about what that one names; a sub-item is about the item it is nested under
    # ("XRay" above "May demonstrate ossifications at 3 to 4 weeks"), and read with it
    pointing = {key: (key[0], key[1] - 1) for key, place in places.items()
                if key[1] > 0 and starts(rules.anaphora, place.text)}
    under = {key: lead for key, lead in leads.items() if lead.kind == "list_item"}
    pointing.update({key: (lead.doc_id, lead.idx) for key, lead in under.items()})
    item_keys = {(i.doc_id, i.idx) for items in listed.values() for i in items}
    mentions = mentions_at(knowledge.store, keys | set(pointing.values()) | item_keys)
    all_claims: dict[Key, list[tuple[int, Claim]]] = {}
    for assertion_id, claim in knowledge.claims_at(keys | item_keys):
        all_claims.setdefault((claim.evidence.doc_id, claim.evidence.sentence_idx), []).append(
            (assertion_id, claim))
    around = _ScopeOfPlaces(knowledge, page_topics(knowledge, {p.doc_id for p in places.values()},
                                                   rules))
    animal_ok = bool(question.scope.species) or any(t.name == "mechanism" for t in qtypes)
    ranked = []
    # the question's words and the words sources use for its everyday phrases, cut to
    # their stems' first letters, as the index's stemmer finds them ("analysis" and
    # "analyzed", "causes" and "etiology" for "what causes…")
    content = {stem_of(word) for phrase in (*question.words, *question.related,
                                            *question.translated)
               for word in phrase.split()}
    subjects = _subject_families(question, families, knowledge, defined)
    answer_tests = [_answer_test(t, families, question, rules, subjects, knowledge.lexicon,
                                 found.kinds_asked, knowledge.hierarchy().narrower)
                    for t in qtypes]
    asks_record = any(not rules.record_answers.isdisjoint(t.answer) for t in qtypes)
    # the words a record's field line may name as its label ("what is the STATUS of…?")
    fields_asked = asked_stems(question.text, question.words, set().union(*found.names),
                               rules.field_lines)
    said = frozenset(unpluralled(w) for w in tokens_of(question.text))
    ages_asked = ages_named(question.text, rules)
    translated_title = _TitlesTranslated(knowledge, question)
    for key, place in places.items():
        if ages_asked and (told := ages_named(place.text, rules)) and ages_asked.isdisjoint(
                told):
            continue  # "the one-year-old with HFTC": "A 57-year-old male …" is another case
        here = all_claims.get(key, [])
        items = listed.get(key, [])
        fitting = tuple(pair for pair in here if _fits(pair[1], qtypes, families))
        if introduces_list(place):  # it claims what its items do ("Common causes
            # include:" … "Burns."); an outline's item ("XRay") is no lead-in in words
            fitting += tuple(pair for i in items
                             for pair in all_claims.get((i.doc_id, i.idx), ())
                             if _fits(pair[1], qtypes, families))
        # what the sentence names, and what its claims are about ("it will be 3-4 weeks")
        named = frozenset(c for k in (key, pointing.get(key, key),
                                      *((i.doc_id, i.idx) for i in items))
                          for c, _ in mentions.get(k, ()))
        about = named | {x for _, c in fitting for x in (c.subject, c.object)}
        text = " ".join((*((under[key].text,) if key in under else ()), place.text,
                         *(i.text for i in items)))
        quoted = (text,) if text == place.text else (text, place.text)
        n_words, words = words_of(text)
        shared = len(content & stems_of(words))
        headed = around.concepts(place)  # what its headings and page title name
        concept_share = (sum(1.0 if fam & about else rules.headed_concept if fam & headed
                             else 0.0 for fam in families) / len(families)
                         if families else 0.0)
        if (not fitting and not concept_share and shared < rules.min_shared_words
                and lexical.get(key, 0.0) < rules.lexical_alone and key not in leading
                and key not in read_on  # what it says is of the sentence before
                and not (key in in_best_pages and (shared or (
                    # of the best pages, one that holds what the main intent asks for
                    # ("how often": "By the end, 31% had been affected.")
                    rules.context.answers_join and answer_tests and _holds_answer(
                        answer_tests[0], quoted, named, families, knowledge))))):
            continue  # neither the question's concepts, nor its words, nor a claim
        # a field line, or a value listed under a field's name ("Collaborators:"), asked for
        label = place.doc_id in best_pages and (
            names_field(place.text, fields_asked, rules.field_lines, valued_below=bool(items),
                        said=said)
            or (key in leads and introduces_list(leads[key]) and names_field(
                leads[key].text, fields_asked, rules.field_lines, valued_below=True)))
        if (((n_words < rules.min_words or _only_names(place.text, knowledge))
             and key not in answers  # a page's answer to its own question: "males"
             and not label  # a record's field the question asks for: "Status Withdrawn"
             # a byline's line gives what is asked of the page ("Hospital Provincial
             # Neuquén." for "which hospital wrote the review?"), and a dateline its date
             # ("August 01, 2017" for "when was it announced?")
             and not any((qtype.of_page or DATE_ANSWER in qtype.answer) and _holds_answer(
                 test, quoted, named, families, knowledge)
                 for qtype, test in zip(qtypes, answer_tests, strict=True))
             # an item its lead-in makes a claim of ("Common causes include:" then
             # "Burns.") says that much, and is quoted with its lead-in; an outline's
             # heading-like item ("XRay") says it in the items under it
             and not (place.kind == "list_item" and fitting and not items))
                # (unless the question asks for that field: "what are the keywords listed?")
                or (not label and (starts(rules.not_evidence, place.text)
                                   or is_all(rules.term_list, place.text)))
                or (not asks_record and _page_record(place.text, rules))
                or translated_title.of(place)
                or (place.kind == "list_item" and place.section_path
                    and is_all(rules.not_evidence, place.section_path[-1]))):
            continue  # a heading-like fragment ("Myositis ossificans."), a keyword line (its
            # label or its terms alone: "shoulder ; heterotopic ossification ; arthroscopy"), or
            # an item of a list of index terms ("MeSH terms" › "Tomography, X-Ray Computed"),
            # or an English page's own title in another language ("Calcinosis tumoral urémica")
        own = scope_of(sorted(named), knowledge.lexicon)
        for _, claim in here:  # what reading scoped the sentence's claims to
            if claim.scope:  # (an empty one adds nothing: own's members are unique)
                own = _joined(own, claim.scope)
        scope = merged(own, *around.of(place))
        topic = around.family_of_page(place.doc_id)
        if (own.family and topic.family and not set(topic.family) <= set(own.family)
                and family_implied(named, knowledge.lexicon)):
            # an index event on a page about another family ("head injuries" on a page
            # about FOP) leaves the sentence in the page's family as well
            scope = Scope((*scope.family, *topic.family), scope.population, scope.species,
                          scope.severity)
        # a sentence that points back names its test or event in the one before ("an x-ray
        # was taken … And much to my satisfaction, there is no calcification.")
        before = places.get(pointing[key]) if key in pointing else None
        holds = {t.name: _holds_answer(test, quoted, named, families, knowledge,
                                       before.text if before is not None else "")
                 for t, test in zip(qtypes, answer_tests, strict=True)}
        if key in telling and not (qtypes[0].answer and holds[qtypes[0].name]):
            continue  # the case told on, with nothing of what is asked (or nothing asked)
        named_page = place.doc_id in titled  # the page the question names by a name on it
        cues = [bool(t.cues and occurs(t.cues, text)) for t in qtypes]
        headings = [bool(t.headings and any(occurs(t.headings, h)
                                            for h in place.section_path[-2:])) for t in qtypes]
        features = {
            "lexical": lexical.get(key, 0.0),
            "concepts": concept_share,
            "claim": 1.0 if fitting else 0.0,
            "answer": _share([holds[t.name] for t in qtypes]),
            "cues": _share(cues),
            "heading": _share(headings),
            "scope": fit(question.scope, scope, animal_ok=animal_ok, page_named=named_page),
            "context": pages.get(place.doc_id, 0.0),
            "aim": 1.0 if occurs(rules.aim, place.text) else 0.0,
            "label": 1.0 if label else 0.0,
        }
        score = sum(weights[name] * value for name, value in features.items())
        ranked.append(Ranked(place, round(score, 4), features, fitting, scope,
                             out_of_scope(question.scope, scope, animal_ok=animal_ok,
                                          page_named=named_page), holds,
                             key in leading))
    ranked.sort(key=lambda r: (-r.score, r.place.doc_id, r.place.idx))
    kept = [r for r in ranked if r.score >= rules.min_score or r.leading]
    return _without_repeats(_cut_short_later(kept, compiled(rules.dangling_end)), rules)


class _TitlesTranslated:
    """Which lines are an English page's own title in another language.

    A case report carries its title in its authors' language too ("Calcinosis tumoral
    urémica con manifestación atípica"): it holds the title's names, so it comes first for
    any question about them, though it answers none in English. A page written in another
    language, or a question asked in one or naming one, keeps all its lines.
    """

    def __init__(self, knowledge: KnowledgeStore, question: Question) -> None:
        folded = folded_words(question.text)
        self._store = knowledge.store
        # an English question that names no language: only it sets titles aside
        self._sets_aside = not (asked_in_other_language(folded) or language_markers(folded))
        self._english: dict[str, bool] = {}

    def of(self, place: SentencePlace) -> bool:
        if not self._sets_aside or not title_in_other_language(place.text):
            return False
        doc = place.doc_id
        if doc not in self._english:
            self._english[doc] = mostly_english(self._store, doc)
        return self._english[doc]


LEAD_INS_SOUGHT = 10
"""List items (the best by BM25) whose lead-in joins the candidates: each costs a look
back through the list, and the rest are found with their lead-in when quoted."""


@dataclass(frozen=True, slots=True)
class _Lexical:
    """What plain retrieval found: each candidate's BM25 share, its best, the words searched."""

    scores: dict[Key, float]
    leading: set[Key]
    words: tuple[str, ...]
    """Every word searched (the pages' coverage is weighed by the rarest of them)."""
    best: float
    """The best hit's raw BM25 score (negative in FTS5; 0.0 when nothing was found)."""
    names: tuple[frozenset[str], ...] = ()
    """The words of each question concept's names: a page that names the concept holds
    it once, however many words its name has."""
    pointed: frozenset[str] = frozenset()
    """The words that tell apart the source the question points at ("the caregiver
    guide"): they weigh the pages more (`context.pointed`)."""
    own: frozenset[str] = frozenset()
    """The words the question itself says (the others are its concepts' other names and
    the words sources use for its phrases): they weigh the pages fully (`context.widened`)."""
    kinds_asked: frozenset[str] = frozenset()
    """The question's concepts named as the kind of answer ("WHAT OPERATION did he have?",
    "which bisphosphonate…"): a kind of them answers ("excision of ossified tissues were
    performed"), as it does not where the concept is the question's topic ("is surgery a
    risk?")."""


def _asks_which(text: str, names: Sequence[str], rules: RankingRules) -> bool:
    """Does the question ask which member of a class it is ("which bisphosphonate…")?"""
    for asked in compiled(rules.member_question).finditer(text):
        words = tokens_of(asked.group("member"))
        if words and words[0] in names:
            return True
    return False


def _bm25(knowledge: KnowledgeStore, question: Question, rules: RankingRules) -> _Lexical:
    """BM25 shares of the candidates, and the `leading` best (plain retrieval's answer).

    The first search is plain retrieval's: every content word of the question (and its other
    spelling: "anaesthesia" is searched as "anesthesia" too), each candidate scored as a
    share of the best hit's; its best `leading` are always quoted. A wider search only
    brings further candidates, scored at the share it gives them, halved: with the concepts'
    other names (synonyms, abbreviations) and the words sources use for the question's
    everyday phrases ("go away" → regress); a third, halved too, with the words pages in
    other languages use for the question's (ask/languages.py). (Searching the question's
    topic with the words answers of its kind use, "incidence" for how often, was measured
    and lost answers on unseen pages.) Words most sentences hold ("ossification" in an HO
    corpus) are left out of every search, and each searches only as many words as the row
    budget allows: they rank little and cost a scan of much of the index.
    """
    store = knowledge.store
    capitals = _only_abbreviations(knowledge, question)
    plain = [*(w for w in tokens_of(question.text)
               if w not in question_rules().stopwords and w not in capitals),
             *(w for word in question.spelled for w in tokens_of(word))]
    names: list[str] = []
    # (the words of each of a concept's first names, the words of its further names)
    further_names: list[tuple[list[list[str]], list[str]]] = []
    groups: list[frozenset[str]] = []
    kinds: set[str] = set()
    lexicon = knowledge.lexicon
    hierarchy = knowledge.hierarchy()
    for concept in question.concepts:
        if concept in lexicon:
            entry = lexicon.get(concept)
            group = [w for name in (entry.name, *entry.synonyms[:4], *entry.abbreviations)
                     for w in tokens_of(name) if len(w) > 1]
            further_names.append(([tokens_of(name) for name in (entry.name,
                                                                *entry.synonyms[:4])],
                                  [w for name in entry.synonyms[4:] for w in tokens_of(name)
                                   if len(w) > 1]))
            names.extend(group)
            groups.append(frozenset(group))
            if not _asks_which(question.text, group, rules):
                continue
            kinds.add(concept)
            if entry.type in rules.member_types:
                # a class of care asked for by a member: "which bisphosphonate?" is
                # answered by a sentence that says "risedronate was given"
                names.extend(w for kind in sorted(hierarchy.narrower(concept) - {concept})
                             if kind in lexicon for w in tokens_of(lexicon.get(kind).name)
                             if len(w) > 1)
    related = [w for phrase in question.related for w in tokens_of(phrase)]
    related += [w for short in _abbreviated(knowledge, question) for w in tokens_of(short)]
    asked = [w for w in question.words if w not in capitals]
    translated = [w for word in question.translated for w in tokens_of(word)]
    # every word any search may use is counted: one left uncounted ("x-ray", whose two
    # index terms ten thousand sentences each hold) passed for the rarest of all
    counts = store.word_counts([*plain, *asked, *names, *related, *translated,
                                *(w for _, further in further_names for w in further)])
    common = max(rules.common_sentences, rules.common_share * store.count_sentences())
    # a concept no source calls by its first names may be named by its further ones, most
    # of them other languages' and brands' ("alendronato" on a Portuguese page that alone
    # speaks of the drug): they bring candidates of their own, at half their share (a
    # concept the sources name, "HO", is not looked for by its every name in every language)
    renamed = _telling([w for first, further in further_names
                        if not any(all(counts.get(w) for w in name) for name in first)
                        for w in further], counts, common, rules)
    telling = _telling(plain, counts, common, rules, capped=False)
    hits = store.search_words(telling, rules.candidates) if telling else []
    best = min((h.score for h in hits), default=0.0)
    scores = _shares(hits, best)
    leading = set(list(scores)[:rules.leading])
    pointed = frozenset(w for word in pointed_words(question.text, question_rules())
                        for w in tokens_of(word)) & set(telling)
    naming = frozenset(w for word in pointed_words(question.text, question_rules(),
                                                   set_off=True)
                       for w in tokens_of(word)) & set(telling)
    marked = _language_marked(knowledge, question, rules)
    pointed |= marked
    rest = [w for w in telling if w not in naming]
    if naming and rest:
        # the words naming the source ("the FOP DENTAL case report") tell its page apart
        # (`_context`), not the sentence on it that answers: the sentences are ranked by
        # the other words, those the first search found besides at half their share
        found = store.search_words(rest, rules.candidates)
        own = _shares(found, min((h.score for h in found), default=0.0))
        scores = {**{key: share / 2 for key, share in scores.items()}, **own}
    # only the words the first search left out: what they hold, it has already scored
    widened = _telling([w for w in (*asked, *names, *related) if w not in telling],
                       counts, common, rules)
    # the words pages in other languages use for the question's, in a search of their own:
    # they are rarer than any English word, and would take the widened search's places
    foreign = _telling(translated, counts, common, rules)
    # ... at their full share on a page the question's own words lead to (a Portuguese
    # abstract under its English title: "A idade do início da doença variou de 6 meses a 11
    # anos (mediana = 2 anos)" answers "at what ages did FOP start in those children?")
    led_to = _led_to(scores, leading, rules)
    for further in (widened, foreign, renamed):  # each only brings candidates, at half share
        if further:
            found = store.search_words(further, rules.candidates)
            best_found = min((h.score for h in found), default=0.0)
            if further is foreign and led_to:
                # ... every one of them there, not only the rarest few the search of all
                # pages takes ("kohortenstudie" after "años" and "após" of other pages);
                # searched only on the pages that hold one (the store remembers which do:
                # on English pages, most questions, there is then no search at all)
                every = _telling(translated, counts, common, rules, capped=False)
                held = store.documents_holding(every).held
                holding = [doc for doc in led_to if any(doc in held[w] for w in every)]
                # (no page at all would search every page: `search_words` with no doc_ids)
                on_led = (store.search_words(every, rules.candidates, doc_ids=holding)
                          if holding else [])
                best_found = min([best_found, *(h.score for h in on_led)])
                for key, share in _shares(on_led, best_found).items():
                    scores[key] = max(scores.get(key, 0.0), share)
            for key, share in _shares(found, best_found).items():
                if further is foreign and key[0] in led_to:
                    scores[key] = max(scores.get(key, 0.0), share)
                else:
                    scores.setdefault(key, share / 2)
    for key, share in _in_named_language(knowledge, translated, marked, rules).items():
        scores[key] = max(scores.get(key, 0.0), share)
    return _Lexical(scores, leading, (*telling, *widened, *marked), best, tuple(groups),
                    pointed, frozenset(telling), frozenset(kinds))


def _led_to(scores: dict[Key, float], leading: set[Key], rules: RankingRules
            ) -> list[str]:
    """The pages the question's own words lead to.

    Plain retrieval's best sentences' pages, and those (at most `led_pages`, best first)
    with a sentence of at least `led_share` of the best ("Heterotopic Ossification (HO)
    Following Total Hip Arthroplasty", the English title of a German abstract, sixth of all).
    """
    best: dict[str, float] = {}
    for (doc, _), share in scores.items():
        if share >= rules.led_share:
            best[doc] = max(best.get(doc, 0.0), share)
    near = sorted(best, key=lambda doc: -best[doc])[:rules.led_pages]
    return list(dict.fromkeys([*sorted(doc for doc, _ in leading), *near]))


MARKERS_WEIGHED = 3
"""Of a named language's commonest words, those its pages are weighed by."""
PAGES_IN_LANGUAGE = 3
"""More pages in the named language than this: the name tells none apart."""


def _in_named_language(knowledge: KnowledgeStore, translated: list[str],
                       marked: frozenset[str], rules: RankingRules) -> dict[Key, float]:
    """The sentences of the pages in the named language, by the question's words in it.

    `translated`: the words pages in other languages use for the question's. "What risk
    factors does the German page list?": "Risikofaktoren sind …" is the page's
    own word for the question's, which plain retrieval cannot find; on the page the
    question points at it is scored as plain retrieval scores its words (not halved, as
    another language's words are elsewhere: "anni" on an Italian page the question does
    not name is only a guess at it).
    """
    if not marked or not translated:
        return {}
    written = written_in(knowledge.store, marked)
    if not written or len(written) > PAGES_IN_LANGUAGE:
        return {}
    hits = knowledge.store.search_words(translated, rules.candidates, doc_ids=written)
    return _shares(hits, min((h.score for h in hits), default=0.0))


def _language_marked(knowledge: KnowledgeStore, question: Question, rules: RankingRules
                     ) -> frozenset[str]:
    """The words that tell apart the pages in a language the question names.

    "According to the German wikibook…": the page is told apart by its language, not by
    any word of the question; its commonest words (those most held, within a third of
    the pages' row budget each) weigh the pages as a source's name does (`pointed`).
    """
    markers = language_markers(folded_words(question.text))
    if not markers:
        return frozenset()
    counts = knowledge.store.word_counts(list(markers))
    held = sorted((w for w in markers if 0 < counts.get(w, 0) <= rules.context.max_rows // 3),
                  key=lambda w: (-counts[w], w))
    return frozenset(held[:MARKERS_WEIGHED])


def _defining(knowledge: KnowledgeStore, defined: set[str], qtypes: Sequence[QuestionType],
              rules: RankingRules) -> list[Key]:
    """Sentences opening with the name of a concept `defined` (asked the nature of) and "is"."""
    if not rules.defining_verbs or not any("definition" in t.answer for t in qtypes):
        return []
    lexicon = knowledge.lexicon
    phrases = [f"{name} {verb}" for c in sorted(defined)
               if c in lexicon for name in _spelled_with_abbreviation(lexicon.get(c))
               for verb in rules.defining_verbs]
    return [(h.doc_id, h.idx) for h in knowledge.store.sentences_opening(
        phrases, rules.defining_candidates)]


def _defined(question: Question, knowledge: KnowledgeStore, rules: RankingRules
             ) -> set[str]:
    """The concepts a question asks the nature of: named right after "what is"."""
    return {c for pattern in rules.defining_questions
            for m in compiled(pattern).finditer(question.text)
            for c, first, _ in find_concepts(m.group("asked"), knowledge.lexicon) if first == 0}


def _spelled_with_abbreviation(entry: ConceptEntry) -> list[str]:
    """A concept's names as a sentence opens with them, with its abbreviation too.

    "heterotopic ossification (HO)" and "heterotopic ossification or HO".
    """
    names = [entry.name, *entry.synonyms]
    return [*names, *(f"{n} {joint} {a}" for n in names[:1] for a in entry.abbreviations
                      for joint in ("", "or")), *entry.abbreviations]


def _subject_families(question: Question, families: list[frozenset[str]],
                      knowledge: KnowledgeStore, defined: set[str]
                      ) -> tuple[frozenset[str], ...]:
    """The families a sentence's subject names to be about what is asked, if not all.

    What the question asks the nature of ("what is HO in simple words, for someone with a
    cord injury?" asks what HO is), else what the asking sentence names after the asker's
    situation ("I use a wheelchair after a cord injury. What is HO?"), else none (all).
    """
    named = defined
    if not named:
        asked = asking_sentence(question.text)
        named = {c for c, _, _ in find_concepts(asked, knowledge.lexicon, fuzzy=False)
                 } if asked else set()
    return tuple(f for f in families if f & named)


def _read_on(knowledge: KnowledgeStore, lexical: dict[Key, float],
             places: dict[Key, SentencePlace], rules: RankingRules, question_text: str,
             case_pages: frozenset[str]) -> dict[Key, tuple[float, SentencePlace, str]]:
    """The sentences right after the best candidates that point back to them, at half share.

    A page's own question ("what are the 2 main categories of HO" on a flashcard or an FAQ)
    is answered by the sentence after it, which joins at the question's full share (and
    counts as evidence however short: `ANSWERS`).

    "Significant periarticular HO may occur following TBI. This can result in profound
    functional loss of motion, disability, and pain.": the second sentence answers "what
    problems does HO cause after TBI?" with none of its words; what it says is of the
    sentence before, which the question's words found (it is quoted with that one too).
    `places`: the candidates' sentences, already read; only the new ones are looked up.
    """
    best = sorted(lexical.items(), key=lambda kv: (-kv[1], kv[0]))[:rules.read_on]
    asks = compiled(rules.page_question)
    asking = {key for key, share in best
              if share > 0 and key in places and asks.search(places[key].text)}
    after = {(doc, idx + 1): share if (doc, idx) in asking else share / 2
             for (doc, idx), share in best if share > 0 and (doc, idx) in places}
    told = _case_told_on(question_text, best, places, rules, case_pages)
    found = _looked_up(knowledge, places, (*after, *told))
    joined = {key: (share, place, ANSWERS if answers else POINTS_BACK)
              for key, share in after.items()
              if (place := found.get(key)) is not None
              and (before := places.get((key[0], key[1] - 1))) is not None
              and before.section_path == place.section_path
              and ((answers := (key[0], key[1] - 1) in asking)
                   or starts(rules.anaphora, place.text))}
    for key, (share, case) in told.items():
        place = found.get(key)
        if (key not in joined and place is not None
                and place.section_path == places[case].section_path):
            joined[key] = (share, place, TELLS_CASE)
    _read_on_pointing(knowledge, places, joined, rules)
    return joined


def _looked_up(knowledge: KnowledgeStore, places: dict[Key, SentencePlace],
               keys: Sequence[Key]) -> dict[Key, SentencePlace]:
    """The sentences at these places: the candidates' as already read, the rest looked up."""
    found = {key: places[key] for key in keys if key in places}
    found.update(knowledge.sentences([key for key in keys if key not in places]))
    return found


def _read_on_pointing(knowledge: KnowledgeStore, places: dict[Key, SentencePlace],
                      joined: dict[Key, tuple[float, SentencePlace, str]],
                      rules: RankingRules) -> None:
    """Follow a run of sentences that each point back, at the first one's share.

    "The fabella is a sesamoid bone of the lateral gastrocnemius. It is directly posterior
    to the condyle. It is present in 10 to 20 per cent of the population.": the third
    speaks of the fabella as the second does; only the second was next to the sentence
    the question's words found. Up to `read_chain` further sentences, in the same section.
    """
    ends = {key: (share, place) for key, (share, place, how) in joined.items()
            if how == POINTS_BACK}
    for _ in range(rules.read_chain):
        nexts = {(doc, idx + 1): (share, place) for (doc, idx), (share, place) in ends.items()
                 if (doc, idx + 1) not in joined}
        if not nexts:
            return
        found = _looked_up(knowledge, places, list(nexts))
        ends = {}
        for key, (share, before) in nexts.items():
            place = found.get(key)
            if (place is not None and place.section_path == before.section_path
                    and starts(rules.anaphora, place.text)):
                joined[key] = (share, place, POINTS_BACK)
                ends[key] = (share, place)


ANSWERS, POINTS_BACK, TELLS_CASE = "answers", "points back", "tells the case on"
"""How a sentence joined after a candidate: it answers a page's own question, it points
back to the candidate, or it goes on telling the candidate's case."""


def _case_told_on(question_text: str, best: Sequence[tuple[Key, float]],
                  places: dict[Key, SentencePlace], rules: RankingRules,
                  case_pages: frozenset[str]) -> dict[Key, tuple[float, Key]]:
    """The sentences that go on telling a case the question asks about, at half share.

    "What operation did the 35-year-old with hip and knee HO have?": the report's "A
    35-year-old man … presented with …" holds the question's words; "Excision of ossified
    tissues … were performed", three sentences on, holds the answer and none of them.
    Only a question that names one patient ("the 35-year-old", not "he" alone), and only
    after the best candidates that name the patient the same way, on the pages the question
    is most about (another page's "the girl" is another patient) or, for a patient the
    question names by their own name ("her son Adam"), on any page (the name is theirs).
    """
    # who the question names ("the 35-year-old", "the girl", "her son"; "Adam"): the
    # candidate names them too
    who = {m.group("who").casefold() for m in compiled(rules.case_who).finditer(question_text)}
    named = {m.group("who").casefold()
             for m in compiled(rules.case_named).finditer(question_text)}
    if rules.case_read_on < 1 or not (who or named):
        return {}
    names_who, names_named = (
        re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b", re.IGNORECASE)
        if words else None for words in (who, named))
    told: dict[Key, tuple[float, Key]] = {}
    # a name is looked for among all the best candidates, a word like "the girl" among the
    # first `case_candidates` of the case pages (what many cases say, the best must say)
    on_case_pages = [key for key, _ in best if key[0] in case_pages][:rules.case_candidates]
    for (doc, idx), share in best:
        if share <= 0 or (doc, idx) not in places:
            continue
        text = places[(doc, idx)].text
        if not ((names_named and names_named.search(text))
                or (names_who and (doc, idx) in on_case_pages and names_who.search(text))):
            continue
        for step in range(1, rules.case_read_on + 1):
            key = (doc, idx + step)
            if key not in told or told[key][0] < share / 2:
                told[key] = (share / 2, (doc, idx))
    return told


PHRASE_LOOKS = 6
"""Phrases of a question looked up as a source's defined long form (one look each)."""


def _abbreviated(knowledge: KnowledgeStore, question: Question) -> list[str]:
    """The abbreviations sources define for the question's phrases of two or three words.

    "why were people worried calcium sulfate might cause HO?" is answered by "As CS has
    historically been used as a bone void filler, there are some concerns…" on a page that
    wrote "calcium sulfate (CS)" before: the search takes "CS" as another name for the
    phrase, as it takes a concept's abbreviations.
    """
    stopwords = question_rules().stopwords
    runs: list[list[str]] = [[]]
    for word in WORD.findall(question.text):
        lower = word.lower()
        if lower in stopwords or not word.isalpha() or len(word) < 3:
            runs.append([])
        else:
            runs[-1].append(lower)
    phrases = [" ".join(run[i:i + n]) for run in runs for n in (3, 2)
               for i in range(len(run) - n + 1)][:PHRASE_LOOKS]
    found = knowledge.store.abbreviations_of(phrases) if phrases else {}
    return sorted({short for shorts in found.values() for short in shorts})


ABBREVIATION_MAX = 6
"""Letters of a question word looked up as a source's abbreviation (one look each)."""


def _only_abbreviations(knowledge: KnowledgeStore, question: Question) -> frozenset[str]:
    """The question's lower-case words the sources write only in capitals, as a name.

    "the kangaroo that could not hop" asks nothing of the HOP trials: searched, "hop"
    made their page the one the question is about.
    """
    stopwords = question_rules().stopwords
    lower = [w for w in WORD.findall(question.text) if w.isalpha() and w.islower()
             and len(w) <= ABBREVIATION_MAX and w not in stopwords]
    return knowledge.store.only_in_capitals(lower) if lower else frozenset()


OTHER_THAN_QUOTED = 0.9
"""What another page's share of the question's words counts beside the page it names."""
OTHER_THAN_NAMED_PATIENT = 0.5
"""... and of the other pages, when the name is that of the patient the question asks about,
or the page named is written in another language."""


def _headed(knowledge: KnowledgeStore, pages: dict[str, float],
            qtypes: Sequence[QuestionType], rules: RankingRules) -> list[Key]:
    """The best pages' sentences under a heading that names what the main intent asks for."""
    if not qtypes or not qtypes[0].headings or not rules.context.headed or not pages:
        return []
    return knowledge.store.sentences_headed(_best_pages(pages, rules),
                                            compiled(qtypes[0].headings), rules.context.headed)


def _best_pages(shares: dict[str, float], rules: RankingRules) -> list[str]:
    """The pages searched on their own: at or above `context.share` of the best, best first."""
    return sorted((d for d, v in shares.items() if v >= rules.context.share),
                  key=lambda d: (-shares[d], d))[:rules.context.documents]


def _context(knowledge: KnowledgeStore, lexical: _Lexical, rules: RankingRules
             ) -> tuple[dict[str, float], dict[Key, float]]:
    """How much of the question each page covers, and the best sentences of the best pages.

    A page about the question's subject answers it in a sentence that need not repeat
    the subject: "Local postoperative complications included hematoma…" on a page about
    operating on HO after burns, for "what complications follow removing HO in burn
    patients?". Each page's share is the weight (inverse sentence frequency) of the
    question's words it holds anywhere (BM25 over pages, each sentence that holds a word
    one occurrence of it), against the best page's; the `context.documents`
    pages at or above `context.share` of the best are searched on their own, and their
    best sentences join the candidates at half their BM25 share (a short page's every
    sentence joins: "The overall incidence of HOs was 59.91 %." shares no word with
    "how many patients got HO in the implant study?", but its page is that study).
    """
    # the rarest words only, within the pages' own row budget: a page's coverage costs a
    # look at every sentence holding each word, and a word thousands of sentences hold
    # tells no page apart (on a large corpus, a question of only such words has no page)
    store = knowledge.store
    counts = store.word_counts(list(lexical.words))  # remembered per version of the store
    words: list[str] = []
    rows = 0
    # the words that tell the pointed-at source apart first, then the rarest
    for word in sorted(counts, key=lambda w: (w not in lexical.pointed, counts[w])):
        rows += counts[word]
        if rows > rules.context.max_rows:
            break
        if counts[word]:
            words.append(word)
    if not words or not rules.context.documents:
        return {}, {}
    held = _page_bm25(store.documents_holding(words), rules.context.page_k1,
                      rules.context.page_b,
                      lexical.names if rules.context.names_once else (),
                      {**{w: rules.context.widened for w in words if w not in lexical.own},
                       **{w: rules.context.pointed for w in lexical.pointed}})
    if not held:
        return {}, {}
    top = max(held.values())
    shares = {doc: value / top for doc, value in held.items()}
    best_pages = _best_pages(shares, rules)
    found = store.search_words(words, rules.context.candidates, doc_ids=best_pages)
    best = lexical.best or min((h.score for h in found), default=0.0)
    # the best page is read whole only when it stands out: among pages much alike (a large
    # corpus of similar ones) no page is the one the question is about
    runner_up = max((v for d, v in shares.items() if d != best_pages[0]), default=0.0)
    whole = best_pages[:1] if runner_up <= rules.context.stands_out else []
    keys = store.sentence_keys(whole, rules.context.whole_page)
    in_pages = (whole_page_shares(store.sentence_texts(keys), counts, store.count_sentences(),
                                  best)
                if rules.context.whole_page_words else dict.fromkeys(keys, 0.0))
    in_pages.update({key: share / 2 for key, share in _shares(found, best).items()})
    return shares, in_pages


def _telling(words: Sequence[str], counts: dict[str, int], common: float,
             rules: RankingRules, *, capped: bool = True) -> list[str]:
    """The words that tell sentences apart, rarest first.

    Those some but fewer than `common` sentences hold (only the `max_search_words` rarest when
    `capped`), and no more than together hold `max_search_rows` sentences (the rarest
    always): BM25 looks at
    every sentence a word is in, so that sum is a search's cost. None when every word
    is that common ("how can HO be prevented?" over ten thousand HO pages): such a
    search ranks nothing, and the sentences that state what was asked come from the
    claims instead.
    """
    words = list(dict.fromkeys(words))
    # a word no sentence holds finds nothing: it takes no place among the rarest (eight
    # of a lay phrase's source words the pages never use had kept "children" out)
    rare = sorted((w for w in words if 0 < counts.get(w, 0) < common),
                  key=lambda w: counts.get(w, 0))
    if capped:
        rare = rare[:rules.max_search_words]
    chosen: list[str] = []
    rows = 0
    for word in rare:
        rows += counts.get(word, 0)
        if chosen and rows > rules.max_search_rows:
            break
        chosen.append(word)
    return chosen


def _page_bm25(coverage: PageCoverage, k1: float, b: float,
               names: Sequence[frozenset[str]] = (),
               weights: dict[str, float] | None = None) -> dict[str, float]:
    """Each page's BM25 for the question's words, a sentence that holds a word a hit.

    `k1`: how soon a word's repeats stop adding; `b`: how much a long page's length
    discounts what it holds (without it, the longest pages hold most of every question).
    The words of one concept's names count once, as the best of them: a page that names
    "fibrodysplasia ossificans progressiva" once holds FOP no more than a page that says
    "FOP" in every sentence, not three times as much. `weights` weigh some words more (those
    telling apart the source a question points at).
    """
    weights = weights or {}
    if not coverage.documents:
        return {}
    average = max(1.0, coverage.sentences / coverage.documents)
    each: dict[str, dict[str, float]] = {}
    for word, pages in coverage.held.items():
        if not pages:
            continue
        idf = weights.get(word, 1.0) * math.log(
            1 + (coverage.documents - len(pages) + 0.5) / (len(pages) + 0.5))
        each[word] = {doc: idf * hits * (k1 + 1) / (hits + k1 * (
            1 - b + b * coverage.lengths.get(doc, average) / average))
            for doc, hits in pages.items()}
    scores: dict[str, float] = {}
    named = set().union(*names) if names else set()
    for word, by_doc in each.items():
        if word not in named:
            for doc, value in by_doc.items():
                scores[doc] = scores.get(doc, 0.0) + value
    for group in names:
        best: dict[str, float] = {}
        for word in group & each.keys():
            for doc, value in each[word].items():
                best[doc] = max(best.get(doc, 0.0), value)
        for doc, value in best.items():
            scores[doc] = scores.get(doc, 0.0) + value
    return scores


def _shares(hits: Sequence[SearchHit], best: float) -> dict[Key, float]:
    """Each hit's BM25 score as a share of `best` (FTS5 scores are negative: lower is better)."""
    return {(h.doc_id, h.idx): (min(1.0, h.score / best) if best < 0 else 0.0) for h in hits}


def _fitting_claims(knowledge: KnowledgeStore, question: Question,
                    qtypes: Sequence[QuestionType], families: list[frozenset[str]],
                    rules: RankingRules) -> set[Key]:
    """Sentences carrying claims about the question's concepts with a fitting predicate."""
    predicates = sorted({p for t in qtypes for p in t.predicates})
    concepts = sorted(set().union(*families)) if families else []
    if not predicates or not concepts:
        return set()
    each = max(1, rules.claim_candidates // len(predicates))  # every predicate gets its turn
    found: set[Key] = set()
    for predicate in predicates:
        found.update(knowledge.sentences_with_claims(concepts, [predicate], each))
        # a concept of few claims ("immobility" beside HO's hundreds) gets its own turn
        for family in families if len(families) > 1 else ():
            found.update(knowledge.sentences_with_claims(sorted(family), [predicate],
                                                         max(1, each // len(families))))
    for qtype in qtypes:  # "when?" wants the claims that give a timing, wherever they rank
        for need in qtype.needs:
            found.update(knowledge.sentences_with_claims(concepts, qtype.predicates, each,
                                                         qualifier=need))
    return found


def _fits(claim: Claim, qtypes: Sequence[QuestionType], families: list[frozenset[str]]
          ) -> bool:
    """Does this claim answer one of the intents, about one of the question's concepts?"""
    for qtype in qtypes:
        if qtype.predicates and claim.predicate not in qtype.predicates:
            continue
        if qtype.needs and not any(claim.qualifiers.figure(n) for n in qtype.needs):
            continue
        if not families or any(claim.subject in f or claim.object in f for f in families):
            return True
    return False


def _kinds_of_asked(kinds_asked: frozenset[str], types: set[str], lexicon: Lexicon,
                    narrower: Callable[[str], frozenset[str]]) -> frozenset[str]:
    """The concepts that answer a question naming the kind it asks for, or none (any).

    "Which blood test did they check?" is answered by a kind of blood test ("a coagulation
    screen was performed"), not by another test ("on the lateral x-ray view…"): the
    kinds of each asked concept of an answering type that has kinds.
    """
    found: set[str] = set()
    for kind in kinds_asked:
        if kind in lexicon and lexicon.get(kind).type in types:
            found |= narrower(kind) - {kind}
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class _AnswerTest:
    """What one intent's answer detectors look for in a question's candidates (set once)."""

    detectors: tuple[tuple[str, bool, frozenset[str], frozenset[str], frozenset[str]], ...]
    """(pattern, its subject must be asked about, concept types that answer, concepts whose
    naming answers nothing: the question's own and the ones it excludes, the concepts
    that alone answer where the question names the kind: empty for any) per detector."""
    requires: tuple[str, ...] = ()
    """Patterns an answering sentence must match besides: the event a question asks the
    year of ("did he die" wants a death)."""
    given: re.Pattern[str] | None = None
    """The figures the question itself gives ("how many of THE 102 patients…?"): a sentence
    holding only those holds no answer ("CT scans of 102 patients were evaluated")."""
    subjects: tuple[frozenset[str], ...] = ()
    """The concept families a sentence's subject names to be about what is asked: those
    of the asking sentence after a preamble ("I use a wheelchair after a spinal cord
    injury. What is HO?" asks what HO is: "HO is the abnormal growth of bone…" answers,
    naming no cord injury), else all the question's."""
    measured: tuple[frozenset[str], ...] = ()
    """The concept families of the measured things the question names (`measured_types`):
    a sentence names each to give its value."""


def _answer_test(qtype: QuestionType, families: list[frozenset[str]], question: Question,
                 rules: RankingRules, subjects: tuple[frozenset[str], ...], lexicon: Lexicon,
                 kinds_asked: frozenset[str],
                 narrower: Callable[[str], frozenset[str]]) -> _AnswerTest:
    detectors = []
    for kind in qtype.answer:
        detector = rules.answers.get(kind)
        if detector is None:
            continue
        types = set(detector.concept_types)
        pattern = detector.pattern
        if question.wants and types & set(question.wants):
            types &= set(question.wants)  # "what medicines…": drugs, not operations
            if detector.pattern_types and not set(detector.pattern_types) & types:
                pattern = ""
        # "which joint?" is answered by a kind of joint ("the elbow"); "what causes HO?"
        # is not answered by a kind of HO
        # ... nor "what operation?" by the operation's name alone, but by a kind of it
        topics = [family for concept, family in zip(question.concepts, families, strict=True)
                  if concept not in kinds_asked]
        asked = set(question.concepts) if detector.narrower_answers else (
            set().union(*topics) | kinds_asked if families else set())
        detectors.append((pattern, detector.subject_asked, frozenset(types),
                          frozenset(asked | set(question.excluded)),
                          _kinds_of_asked(kinds_asked, types, lexicon, narrower)))
    counted = _counted(question.text, rules) if {"percent", "count"} & set(qtype.answer) else ""
    if counted:
        detectors.append((counted, False, frozenset(), frozenset(), frozenset()))
    requires = tuple(said for asked, said in qtype.events.items()
                     if compiled(asked).search(question.text)) + _measured_word(
        qtype, question, rules, lexicon)
    figures = sorted({m.group("figure") for m in GIVEN_FIGURE.finditer(question.text)})
    given = (re.compile(r"(?<![\d.,])(?:" + "|".join(map(re.escape, figures)) + r")(?![\d.,]\d)")
             if figures else None)
    measured = tuple(family for concept, family in zip(question.concepts, families, strict=True)
                     if concept in lexicon and lexicon.get(concept).type in qtype.measured_types)
    return _AnswerTest(tuple(detectors), requires, given, subjects, measured)


def _measured_word(qtype: QuestionType, question: Question, rules: RankingRules,
                   lexicon: Lexicon) -> tuple[str, ...]:
    """What a sentence must name to give the value asked of a thing the lexicon does not know.

    "What was the serum phosphate level of the woman?": only a sentence naming phosphate
    gives it, not one dosing her treatment. A measured thing the question names by a
    concept is held to its concept instead (`measured_types`).
    """
    if not qtype.measured_types:
        return ()
    asked = compiled(rules.measured_question).search(question.text)
    if asked is None:
        return ()
    thing = asked.group("thing").casefold()
    entries = [lexicon.get(c) for c in question.concepts if c in lexicon]
    named = {w for e in entries for name in (e.name, *e.synonyms, *e.abbreviations)
             for w in re.findall(r"[\w-]+", name.casefold())}
    if thing in named:
        return ()
    stem = thing[:-1] if len(thing) > 3 and thing.endswith("s") else thing
    return (rf"(?i)\b{re.escape(stem)}",)


def _counted(text: str, rules: RankingRules) -> str:
    """The pattern of a figure counting what "how many <things>" asks, or "" (not so asked).

    The answer types count people, cases and joints; a page counts anything ("6,809 drug
    compounds", "three ships"), and only the figure before the asked word answers.
    """
    asked = compiled(rules.counted_question).search(text)
    if asked is None:
        return ""
    said = asked.group("thing").split()[-1].casefold()
    thing = said[:-1] if len(said) > 3 and said.endswith("s") else said
    # a sentence may count one "cell" where "cells" are asked, and a page in another
    # language counts in its own word ("Um total de 5 pacientes com LM foram incluídos")
    words = [re.escape(stem_of(thing)) + r"\w*", *(re.escape(w) for phrase, others
                                                   in translations() if phrase == said
                                                   for w in others)]
    return rules.counted_number + "(?:" + "|".join(words) + r")\b"


DATE_ANSWER = "date"
"""The answer kind of a day of the calendar, which a dateline of three words gives."""

GIVEN_FIGURE = re.compile(r"\b(?:the|these|those|its|their|all)\s+(?!(?:18|19|20)\d\d\b)"
                          r"(?P<figure>\d[\d,.]*\d|\d)\b", re.IGNORECASE)
"""A figure the question states as known: "of the 102 patients", "its 56 cases" (a year
names which one: "the 2006 case" is answered by its record line, which holds the year)."""


def ages_named(text: str, rules: RankingRules) -> frozenset[tuple[int, str]]:
    """The ages of the patients the text names ("a 57-year-old", "the one-year-old").

    Each as its number and unit, however written ("one-year-old" and "1-y-old" are (1,
    "year")).
    """
    out = set()
    for found in compiled(rules.case_age).finditer(text):
        number = found.group("number").casefold()
        value = int(number) if number.isdigit() else rules.number_words.get(number)
        if value is not None:
            unit = found.group("unit").casefold().rstrip("s")
            out.add((value, _AGE_UNITS.get(unit, unit)))
    return frozenset(out)


_AGE_UNITS = {"y": "year", "yr": "year", "mo": "month"}
"""An age's unit as a case report shortens it ("a 43-y-old man" is 43 years old)."""


def _page_record(text: str, rules: RankingRules) -> bool:
    """Is this a page's record of its journal or its authors' affiliations, with no verb?

    A line the layout reads as a record line, with a volume and its pages or a DOI; a
    sentence citing a study in brackets ("a mean age of 68 (Mohler ER et al. Circulation
    2001;103:1522) …") tells something. A run of affiliations ("1 Department of
    Orthopedics, … Hospital, … University …") is the page's record too.
    """
    return (occurs(rules.journal_line, text) and not occurs(rules.answer_clauses.verb, text)
            and layout_rules().is_record_line(text)) or occurs(rules.affiliation_line, text)


def _holds_answer(test: _AnswerTest, texts: Sequence[str], named: frozenset[str],
                  families: list[frozenset[str]], knowledge: KnowledgeStore,
                  before: str = "") -> bool:
    """Does the text quoted hold what this intent asks for (besides the question's concepts)?

    `texts`: the quote as it is read (a list item after its lead-in) and the sentence alone
    where that differs. A line of authors' names is a byline from its start only: read
    after its item's title ("Osteoma Cutis and Calcinosi…" over "Niebel, Dennis; Poortinga,
    Sietske; Wenzel, Jörg"), it was no byline, and "who wrote the review?" went unanswered.
    `before`: the sentence a pointing one goes on from, where its event may be named.
    """
    if not all(any(compiled(r).search(text) for text in (*texts, before))
               for r in test.requires):
        return False  # a year, but of another event
    if not all(family & named for family in test.measured):
        return False  # a value, but of another test
    if test.given is not None:  # the question's own figures answer nothing
        texts = [test.given.sub("#", text) for text in texts]
    for pattern, subject_asked, types, barred, within in test.detectors:
        for text in texts if pattern else ():
            matched, subject = subject_found(pattern, text)
            if matched and (not subject_asked or _names_all(
                    subject, list(test.subjects or families), knowledge)):  # type: ignore[arg-type]
                return True
        # the types of what it names besides the question's own (of the kind it names)
        if types and not types.isdisjoint(
                _types_named(named & within if within else named, barred, knowledge.lexicon)):
            return True
    return False


@lru_cache(maxsize=REMEMBERED)
def _types_named(named: frozenset[str], barred: frozenset[str], lexicon: Lexicon
                 ) -> frozenset[str]:
    """The concept types of what a sentence names, the question's own concepts left out.

    Remembered: a question's candidates name the same few sets of concepts.
    """
    concepts = lexicon.concepts
    return frozenset(concepts[c].type for c in named - barred if c in concepts)


_joined = lru_cache(maxsize=REMEMBERED)(Scope.union)
"""A sentence's scope joined with its claim's (the same few pairs, question after question)."""


@lru_cache(maxsize=REMEMBERED)
def stems_of(words: frozenset[str]) -> frozenset[str]:
    """A sentence's words cut to their stems (`stem_of`): remembered per word set (words_of's)."""
    return frozenset(stem_of(w) for w in words)


def _names_all(text: str, families: list[frozenset[str]], knowledge: KnowledgeStore) -> bool:
    """Does the text open with a concept the question asks about, and name one of each family?

    "Heterotopic ossification (HO) is …" says what HO is; "HO can only occur below the
    injury and is unknown …" and "The cause of HO is unknown" say other things of it.
    """
    if not families:
        return False
    found = find_concepts(text, knowledge.lexicon, fuzzy=False)
    named = {c for c, _, _ in found}
    opening = len(OPENING_WORDS.match(text).group().split())
    words = len(WORD.findall(text))
    return (all(family & named for family in families)
            and any(first == opening and words - last <= SUBJECT_TAIL
                    and any(c in f for f in families) for c, first, last in found))


OPENING_WORDS = re.compile(r"\W*(?:(?:the|a|an)\s+)?", re.IGNORECASE)
"""Words a subject may open with before the concept it names."""
SUBJECT_TAIL = 3
"""Words a subject holds at most after that concept ("(HO)", "or HO", "of the hip"): more,
and the verb is another's ("HO can only occur below the injury and is unknown")."""


NAMES_AT_MOST = 8
"""Words a sentence of nothing but names has at most (a longer one is checked no further)."""


def _only_names(text: str, knowledge: KnowledgeStore) -> bool:
    """Is the sentence nothing but a concept's names ("Fibrodysplasia ossificans progressiva")?

    Like a heading, it names a topic and says nothing of it, whatever its length.
    """
    if text.count(" ") >= NAMES_AT_MOST:
        return False  # most sentences: too long to be a name, no need to look
    words = WORD.findall(text)  # the words concepts are found among
    if len(words) > NAMES_AT_MOST:
        return False
    found = find_concepts(text, knowledge.lexicon, fuzzy=False)
    return sum(last - first for _, first, last in found) == len(words)


def _share(held: Sequence[bool]) -> float:
    """The share of the question's intents a test holds for (the main intent counts double)."""
    if not held:
        return 0.0
    if len(held) == 1:  # most questions: one intent
        return 1.0 if held[0] else 0.0
    weights = [2.0] + [1.0] * (len(held) - 1)
    return sum(w for w, h in zip(weights, held, strict=True) if h) / sum(weights)


KEPT_PER_QUOTE = 4
"""Ranked sentences kept per sentence an answer quotes: enough for every intent to find
its answering sentence below the best (ask/answer.covering), and a bound on the work."""


def _without_repeats(ranked: list[Ranked], rules: RankingRules) -> list[Ranked]:
    """Drop sentences that say what a better-ranked one says in (nearly) the same words.

    The best `KEPT_PER_QUOTE` × `evidence` distinct ones: further down no answer looks.
    """
    folded = [(r.place.doc_id, " ".join(r.place.text.split())) for r in ranked]
    cut_off = _cut_offs(folded)
    kept: list[Ranked] = []
    seen: list[tuple[frozenset[str], int]] = []  # each kept sentence's words, how many
    verbatim: dict[str, int] = {}  # a kept sentence's text, spaces folded -> its place in kept
    overlap = rules.duplicate_overlap
    for i, (r, (_, text)) in enumerate(zip(ranked, folded, strict=True)):
        if i in cut_off:
            continue
        at = verbatim.get(text)
        if at is not None:  # the same words in another document: cited with the first
            if r.place.doc_id not in {kept[at].place.doc_id,
                                      *(c.doc_id for c in kept[at].copies)}:
                kept[at] = replace(kept[at], copies=(*kept[at].copies, r.place))
            continue
        if len(kept) >= KEPT_PER_QUOTE * rules.evidence and not r.leading:
            continue  # past the cut only plain BM25's best are kept
        words = words_of(r.place.text)[1]
        n = len(words)
        if words and any(len(words & s) >= overlap * (n if n < m else m) for s, m in seen):
            continue
        verbatim[text] = len(kept)
        kept.append(r)
        seen.append((words, n))
    return kept


CUT_OFF = re.compile(r"\w(?:\.\.\.|…)$")
"""A sentence cut off inside a word or just after one ("… fusion of these bones by calcified
f..."): a library page's teaser of its abstract."""


def _cut_offs(folded: list[tuple[str, str]]) -> set[int]:
    """Teasers cut off mid-sentence whose page also holds the whole sentence (by place).

    `folded`: each ranked sentence's document and its text, spaces folded. A catalogue page
    shows the abstract's opening cut off, then the abstract: ranked first, the teaser's
    "calcified f..." had hidden "calcified fusiform mass" (what joined the bones).
    """
    return {i for i, (doc, text) in enumerate(folded)
            if CUT_OFF.search(text) and any(
                other_doc == doc and len(other) > len(text) and other.startswith(
                    text.rstrip(".…")) for other_doc, other in folded)}


def _cut_short_later(ranked: list[Ranked], dangling: re.Pattern[str]) -> list[Ranked]:
    """Each short sentence cut off at a page break ranked right after its page's next whole one.

    A book's page ends on "Scalping was a common feature of": ranked first for its rare word,
    it had led over the next page's "bony reaction indicating infection in survivors". What
    such a fragment says may still answer, one place down.
    """
    cut = [dangling.search(r.place.text.rstrip()) is not None for r in ranked]
    whole_later: set[int] = set()
    seen: set[str] = set()
    for r, short in zip(reversed(ranked), reversed(cut), strict=True):
        if short and r.place.doc_id in seen:
            whole_later.add(id(r))
        if not short:
            seen.add(r.place.doc_id)
    if not whole_later:
        return ranked
    out: list[Ranked] = []
    waiting: dict[str, list[Ranked]] = {}
    for r in ranked:
        if id(r) in whole_later:
            waiting.setdefault(r.place.doc_id, []).append(r)
            continue
        out.append(r)
        out.extend(waiting.pop(r.place.doc_id, []))
    return out


def page_topics(knowledge: KnowledgeStore, doc_ids: Iterable[str],
                rules: RankingRules | None = None) -> dict[str, frozenset[str]]:
    """What each page mentions throughout (`page_topic` in data/ask/ranking.yaml)."""
    topic = (rules or ranking_rules()).page_topic
    return {doc_id: page.topics(topic.share, topic.sentences)
            for doc_id, page in knowledge.page_concepts(sorted(set(doc_ids))).items()}


def one_family(concepts: Iterable[str], lexicon: Lexicon) -> Scope:
    """The one condition family the concepts name (none when they name none or two)."""
    family = scope_of(sorted(concepts), lexicon).family
    return Scope(family=family) if len(family) == 1 else Scope()


HEADINGS_REMEMBERED = 50_000
"""Heading and title texts remembered: they repeat across questions; a bound keeps a store
of many documents from growing the memory without end."""
_HEADINGS: dict[tuple[int, str], tuple[frozenset[str], Scope]] = {}


def read_heading(text: str, lexicon: Lexicon) -> tuple[frozenset[str], Scope]:
    """The concepts a heading or title names, and their scope, read once per text."""
    key = (id(lexicon), text)
    found = _HEADINGS.get(key)
    if found is None:
        if len(_HEADINGS) >= HEADINGS_REMEMBERED:
            _HEADINGS.clear()
        concepts = [c for c, _, _ in find_concepts(text, lexicon, fuzzy=False)]
        found = _HEADINGS[key] = (frozenset(concepts), scope_of(concepts, lexicon))
    return found


class _ScopeOfPlaces:
    """The concepts and scope of section headings, titles and what pages mention throughout.

    Headings and titles are read once per text; a page's topics come from its mentions.
    """

    def __init__(self, knowledge: KnowledgeStore, topics: dict[str, frozenset[str]]) -> None:
        self.lexicon = knowledge.lexicon
        self.topics = topics
        self._families = {doc_id: one_family(concepts, self.lexicon)
                          for doc_id, concepts in topics.items()}
        self._around: dict[tuple[str, tuple[str, ...], str], tuple[Scope, ...]] = {}
        self._headed: dict[tuple[str, tuple[str, ...], str], frozenset[str]] = {}

    def of(self, place: SentencePlace) -> tuple[Scope, ...]:
        """The scopes around the sentence, nearest first: headings, title, page topics."""
        key = (place.doc_id, place.section_path, place.title)
        found = self._around.get(key)
        if found is None:  # (the sentences of a section share it)
            found = self._around[key] = (*(self._read(text)[1] for text in (
                *reversed(place.section_path), place.title) if text),
                self._families.get(place.doc_id, Scope()))
        return found

    def family_of_page(self, doc_id: str) -> Scope:
        """The family the page's topics name (empty when none or two)."""
        return self._families.get(doc_id, Scope())

    def concepts(self, place: SentencePlace) -> frozenset[str]:
        """The concepts the sentence's section headings, its page's title and topics name."""
        key = (place.doc_id, place.section_path, place.title)
        found = self._headed.get(key)
        if found is None:
            found = self._headed[key] = frozenset().union(
                self.topics.get(place.doc_id, frozenset()), *(
                    self._read(text)[0] for text in (*place.section_path, place.title) if text))
        return found

    def _read(self, text: str) -> tuple[frozenset[str], Scope]:
        return read_heading(text, self.lexicon)
