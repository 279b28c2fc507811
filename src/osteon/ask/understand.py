"""Understand a question: what it asks for (scored intents), which concepts, and its scope.

All of it is data (data/ask/questions.yaml). Types are scored, not first-match:
every wording pattern that matches adds to its type, and the concepts the
question names add to the types that ask about such concepts ("when are CT or
MRI useful?" names tests, so it is about diagnosis more than onset). The best
type is the main intent; types close to it are further intents ("how often and
where?"). Concepts are found by looking up the question's word n-grams in the
lexicon, longest first, then lay phrases ("extra bone", "spine injury"), then,
for words that still match nothing, a fuzzy match against the lexicon's names
(rapidfuzz), so a misspelt "radation" still reaches radiation therapy.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

from pydantic import field_validator
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from osteon.ask.languages import translated_words
from osteon.ask.records import Question
from osteon.ask.scope import question_scope
from osteon.datafiles import Strict, check_regex, load_model
from osteon.reading.lexicon import Lexicon
from osteon.reading.terms import fold

MAX_NGRAM = 6
MASKED_TYPES = frozenset({"test"})
"""Concept types whose names in a question are no wording of what it asks (see
_without_names): "…with a positive bone scan, how often…" is not about diagnosis."""
MAX_QUESTION_CHARS = 2000
"""Longer questions are read up to here: nobody asks in more words, and it bounds the work."""
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
POSSESSIVE = re.compile(r"['’]s$")
"""A possessive's ending: "the newborn's hand" is searched as "newborn", as pages say it."""
POLAR = re.compile(r"\s*(?:does|do|did|is|are|was|were|can|could|has|have|will|would|should|"
                   r"may|might)\b", re.IGNORECASE)
"""A yes-or-no question opens with an auxiliary verb."""
AnswerKind = Literal["percent", "ratio", "duration", "dose", "site", "test", "therapy",
                     "finding", "condition", "cell", "gene", "money", "definition", "interval",
                     "figure", "count", "publication", "year", "date", "measurement", "identifier",
                     "people", "size", "lifespan", "age", "mean_age", "byline", "average",
                     "process", "association", "grade", "shown", "institution", "sessions",
                     "angle", "indication", "recommendation", "place", "recurrence", "weight",
                     "class_of", "organisation", "design", "licence"]


class QuestionType(Strict):
    """A kind of question, how to recognise it, and what answers it."""

    name: str
    patterns: tuple[str, ...]
    strength: float = 1.0
    """What one matching pattern adds to this type's score."""
    concept_types: dict[str, float] = {}
    """Concept types that, named in a question, make it more likely of this type."""
    predicates: tuple[str, ...]
    concept_role: Literal["subject", "object", "either"] = "either"
    needs: tuple[Literal["dose", "timing", "quantity"], ...] = ()
    """Qualifiers an answer must carry (a dose question wants doses)."""
    answer: tuple[AnswerKind, ...] = ()
    """What an answering sentence holds (detectors in data/ask/ranking.yaml)."""
    cues: str = ""
    """Words of an answering sentence."""
    headings: str = ""
    """Section headings the answer is usually found under."""
    lead: str
    unless: str = ""
    """A question these words fit is not of this type, whatever else it says ("why is HO
    harder to spot": a difficulty people meet, not how bone comes about)."""
    only_with_answer: bool = False
    """Answered only when a quoted sentence holds what it asks for (a price): sentences
    about the topic that give none do not answer it."""
    events: dict[str, str] = {}
    """Words of the question that name the event it asks about (pattern) -> the words an
    answering sentence holds for it (pattern): "in what year did he die?" is not answered by
    "he was born in 1933", a year of another event."""
    event_words: bool = False
    """A sentence giving what it asks for gives it of what the question asks it of only when it
    shares one of the question's own words for that ("how many months does the lump take to
    SETTLE?" is not answered by "diagnosed 2-4 weeks after the injury"): ask/detail_fit.py."""
    asked_by_opening: bool = False
    """Its asking words say what kind of answer is wanted ("how many months", "what dose",
    "how old"): where they open the question, it goes before the types its other words
    fit (see `HEAD_WEIGHT`)."""
    of_population: bool = False
    """What it asks for is said of a population ("how often after shoulder replacement?"):
    not answered by sentences that speak of other populations only (ask/population_fit.py)."""
    measured_types: tuple[str, ...] = ()
    """Concept types of what is measured ("test", "molecule"): a question naming one asks
    the value of that one ("what was her ALKALINE PHOSPHATASE level?"), and a sentence
    giving other tests' values ("phosphorus of 9.7 mg/dl") holds none."""
    of_page: bool = False
    """What it asks for is a page's record of itself (its journal, date, authors): given by
    the page the question is about where that page gives it, not by another page's record
    line that shares the question's asking words ("published", "case")."""

    @field_validator("patterns")
    @classmethod
    def _regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_regex(p) for p in value)

    @field_validator("cues", "headings", "unless")
    @classmethod
    def _regex(cls, value: str) -> str:
        return check_regex(value) if value else value


class WantedKind(Strict):
    """Words that say which kind of thing a question wants named, and those concept types."""

    pattern: str
    types: tuple[str, ...]

    @field_validator("pattern")
    @classmethod
    def _regex(cls, value: str) -> str:
        return check_regex(value)


class QuestionRules(Strict):
    """The whole of data/ask/questions.yaml."""

    intent_share: float = 0.6
    types: tuple[QuestionType, ...]
    lay_terms: dict[str, str] = {}
    fuzzy_cutoff: float = 86
    fuzzy_word_cutoff: float = 80
    """A misspelt name of several words: each word must be at least this close."""
    fuzzy_min_length: int = 5
    exclusions: str = ""
    examples: str = ""
    wanted_kinds: tuple[WantedKind, ...] = ()
    question_aliases: dict[str, str] = {}
    paraphrases: dict[str, tuple[str, ...]] = {}
    """Folded question phrase → the words sources use for it ("go away" → regress)."""
    spellings: tuple[tuple[str, str], ...] = ()
    """British and American spellings of the same stem ("anaesth", "anesth"): a question
    word written one way is searched the other way too."""
    word_forms: tuple[tuple[str, str], ...] = ()
    """(pattern, replacement) of a word's other form the index's stemmer does not join to
    it ("excluded" → exclusion): a question word so written is searched in that form too."""
    name_places: tuple[tuple[str, str], ...] = ()
    """(pattern, replacement) from a name for a people to its place ("Ethiopian" → Ethiopia):
    a question's name no page holds is looked for in these forms."""
    stopwords: frozenset[str] = frozenset()
    frame_words: frozenset[str] = frozenset()
    """Words that frame a question without naming its topic ("my mum", "exactly")."""
    demonyms: dict[str, tuple[str, ...]] = {}
    """A place name's ending → the endings its people's name takes instead ("a": an, ese)."""
    place_named: str = r"(?!)"
    """Where a question names a place whose people a source may name (`demonyms`): group
    `place` ("in Japan")."""
    derivations: tuple[str, ...] = ()
    """Endings that make a relative of a source's word ("radiolog-ists", "dent-ist")."""
    practitioner_endings: tuple[str, ...] = ()
    """Endings of a person by trade ("archaeolog-ists", "optic-ians"): who does or tells
    something in a question, not what it asks about."""
    disorder_endings: tuple[str, ...] = ()
    """Endings of the names of disorders ("pilomatricoma", "tendinitis"): such a word no
    source mentions, beside only a place in the body, is what the question asks about."""
    beside_disorder_types: tuple[str, ...] = ()
    """Concept types that say where a disorder is or how it is seen (a place in the body, a
    test), not what it is: beside a disorder's name no source mentions, they are no topic."""
    inflections: tuple[str, ...] = ()
    """Endings the index's stemmer cuts off ("replac-ment"): a word is compared without them."""
    negating_prefixes: tuple[str, ...] = ()
    """Prefixes that negate a source's word ("im-mature") rather than make a new one."""
    source_nouns: frozenset[str] = frozenset()
    """Nouns for a source or its subject ("case", "study", "patient"): a name just before one
    tells the source apart ("the Turkish stroke patient") rather than asks about the place."""
    source_documents: frozenset[str] = frozenset()
    """The source nouns that name a document ("case report", "blog"), not people: a source
    so named and set off from what is asked names only the page."""
    pointing_words: frozenset[str] = frozenset()
    """Words that speak of a thing as known ("this", "that", "the"): before a source noun,
    the question points at a source ("this case report")."""
    combining_forms: frozenset[str] = frozenset()
    """Medical combining forms: "osteo-sarcoma" is a source's word for a sarcoma."""
    named_things: frozenset[str] = frozenset()
    """Concept types whose name is the thing itself (a drug, a gene): sources that never
    name it say nothing of it (ask/unmentioned.py unnamed_topics)."""
    population_words: frozenset[str] = frozenset()
    """Words for a group of people set apart by a state or a habit ("pregnant", "smokers"):
    a question kept to one that no source speaks of is beyond them."""
    activity_asked: str = r"(?!)"
    """Where a question asks whether someone may do something ("can I drive…", "is it safe
    to fly…"): the `verb` group is the activity, its topic."""
    trial_named: str = r"(?!)"
    """Where a question names a trial in capitals ("the MOVE trial"): the `name` group."""
    one_case: str = r"(?!)"
    """Words that make a question about one patient's case ("the 14-year-old girl"): what it
    asks of the case is on that case's page."""
    path_asked: str = r"(?s:.)"
    """Words that ask how something comes about ("how", "why", "lead to", "which cells"): only
    such a question is answered by a path through the mechanism's graph; one that asks for a
    thing of a mouse model ("what muscle injury had to be added for bone to form?") is
    answered from the sentences."""
    prevalence_asked: str = r"(?!)"
    """Words that ask how many people a condition affects ("FOP affects how many people?"):
    a rate ("1 in 2 million") gives that count."""
    asker_situation: tuple[str, ...] = ()
    """The asker's own situation: where they live ("I live in Madrid - can my son join the
    trial?"), who told them something ("the pediatrician said maybe pilomatricoma"). Each
    pattern's `situation` group is no topic the sources must treat."""
    kind_asked: str = r"(?!)"
    """Where a question asks which medicine ("which medicine did the doctor prescribe?"):
    only a sentence naming one answers."""
    lower_case_abbreviations: frozenset[str] = frozenset()
    """Abbreviations a question may type in lower case ("fop", "sci") that name no word."""
    particles: frozenset[str] = frozenset()
    """Words that make a verb before them an idiom ("steer clear", "go back")."""
    determiners: frozenset[str] = frozenset()
    """Words that open a yes-or-no question's subject ("is THERE A vaccine…")."""
    pronouns: frozenset[str] = frozenset()
    """Objects that make a word in -ing a verb ("does taking IT help?")."""
    kind_nouns: frozenset[str] = frozenset()
    """Nouns for a kind of care or test: an unmentioned word before one names the kind."""
    asking_words: frozenset[str] = frozenset()
    """Words before the noun that names the kind of answer asked for ("WHICH organs…")."""
    coordinators: frozenset[str] = frozenset()
    """Words that join two things a question asks of each ("lung function AND ECG")."""
    kind_words: frozenset[str] = frozenset()
    """Nouns of kind between them and it ("what TYPE of scan…")."""
    degree_words: frozenset[str] = frozenset()
    """Words before a word that asks a degree ("how OVERFULL…"): that word names the kind."""
    question_words: frozenset[str] = frozenset()
    """Words that open a question ("what", "how", …)."""
    modals: frozenset[str] = frozenset()
    """Verbs before another verb ("POH WILL attack"): the word after one is a verb."""
    auxiliaries: frozenset[str] = frozenset()
    """Verbs that open a question before its subject ("DID the vets remove…")."""
    articles: frozenset[str] = frozenset()
    """Words that open an object ("switch THE receptor"): the word before one is a verb."""

    @field_validator("activity_asked", "trial_named")
    @classmethod
    def _activity(cls, value: str) -> str:
        return check_regex(value)

    def type_named(self, name: str) -> QuestionType | None:
        return next((t for t in self.types if t.name == name), None)


GENERAL = QuestionType(name="general", patterns=(), predicates=(), concept_role="either",
                       lead="What the sources say about {concept}")
"""For a question no pattern types: every assertion about its concepts may answer."""


@cache
def question_rules() -> QuestionRules:
    """Question types from data/ask/questions.yaml."""
    return load_model(QuestionRules, "ask", "questions.yaml")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


COPULAS = frozenset({"is", "are", "was", "were", "am"})
"""Verbs that open a yes-or-no question besides the auxiliaries and modals ("is it…")."""
PREAMBLE_WEIGHT = 0.5
"""What a pattern adds when it matches only in a question's preamble: "the 19-year-old with
the stiff elbow - what injury did he have?" says who with "stiff" and asks with "what"."""


HEAD_WEIGHT = 1.5
"""How much more a type counts, for the order of intents, when its pattern matches the
asking words themselves: "how many months does the lesion take to settle with conservative
treatment?" asks a length of time (its opening words), not a treatment (named in passing)."""


def _preamble(text: str, rules: QuestionRules) -> int:
    """Where the asked part begins: at the first question word after a break (0 if none).

    A text that opens as a question itself ("why might it come late - when does…?") asks
    in both parts: no preamble.
    """
    opening = WORD.search(text)
    if opening is None or opening.group().casefold() in (
            rules.question_words | rules.auxiliaries | rules.modals | COPULAS):
        return 0
    for match in re.finditer(r"[-–:;,?]\s+(\w+)", text):
        if match.group(1).casefold() in rules.question_words:
            return match.start(1)
    return 0


SITUATION_END = re.compile(r"(?<=[.!])\s+(?=\S)")
"""Where a question's opening statements ("My mum is booked for a hip replacement.") end."""


def asking_sentence(text: str) -> str:
    """The question's asking sentence when statements of the asker's situation open it.

    "My son plays football and got kneed in the thigh. What is it?" asks "what is it?"
    of that situation; a question without such statements gives "".
    """
    parts = [p for p in SITUATION_END.split(text.strip()) if WORD.search(p)]
    if len(parts) < 2 or "?" in "".join(parts[:-1]) or not parts[-1].rstrip().endswith("?"):
        return ""
    return parts[-1]


def asking_from(text: str) -> int:
    """Where the asking sentence begins after the asker's situation (0 when none is told)."""
    told = asking_sentence(text)
    return text.rindex(told) if told else 0


SITUATION_TAIL = re.compile(
    r",?\s+(?:when|whenever|if|once)\s+(?:(?:a|an|the|my|his|her|their|your|our|its)\s+)?"
    r"[\w-]+\s+(?:is|are|was|were|gets?|got|becomes?|became|looks?|feels?|turns?|seems?)\b")
"""Where a clause that tells the asker's situation after the asking words begins: "what can
HO be mistaken for when a joint is red, swollen and warm?" asks a differential; the joint's
redness says when, not that symptoms are asked."""


def _situation_tail(asked: str, head: int) -> int:
    """Where the situation told after the asking words begins (the text's end if none)."""
    found = SITUATION_TAIL.search(asked, max(head, 0) + 1)
    return found.start() if found is not None else len(asked)


class ScoredType(NamedTuple):
    """A question type's score, and whether the asking words themselves name it."""

    name: str
    score: float
    opens: bool


def scored_types(text: str, concept_types: list[str], rules: QuestionRules
                 ) -> list[ScoredType]:
    """Every type with a score above zero, best first (file order breaks ties).

    The type whose pattern matches the asking words themselves goes first by the extra
    weight `HEAD_WEIGHT` gives it (and says so: `opens`); the score returned is without that
    weight, so which further intents a question has does not change with the order.
    """
    scored = []
    # "… his shoulders are stiff. Did he get back to normal?" asks no symptom
    asked_from = max(_preamble(text, rules), asking_from(text))
    asked, preamble = text[asked_from:], text[:asked_from]
    opening = WORD.search(asked)
    head = (opening.start() if opening is not None
            and opening.group().casefold() in rules.question_words else -1)

    live = [(order, qtype) for order, qtype in enumerate(rules.types)
            if not (qtype.unless and _compiled(qtype.unless).search(text))]
    tail = _situation_tail(asked, head)
    main = asked[:tail]
    # a type the asking words themselves match leaves none to the situation told after them
    tail_counts = tail == len(asked) or not any(
        _compiled(p).search(main) for _, qtype in live for p in qtype.patterns)

    def matched(pattern: str) -> tuple[float, bool, tuple[int, int]]:
        """The pattern's weight, whether it matches the asking words, and where it matches."""
        found = _compiled(pattern).search(main)
        if found is None and tail_counts:
            found = _compiled(pattern).search(asked, tail)
        if found is not None:
            return 1.0, found.start() == head, (asked_from + found.start(),
                                                asked_from + found.end())
        found = _compiled(pattern).search(preamble)
        return ((PREAMBLE_WEIGHT, False, found.span()) if found is not None
                else (0.0, False, (0, 0)))

    for order, qtype in live:
        hits = [matched(p) for p in qtype.patterns]
        score = qtype.strength * _phrase_weight(hits)
        first = (qtype.strength * (HEAD_WEIGHT - 1.0)
                 if qtype.asked_by_opening and any(opening for _, opening, _ in hits) else 0.0)
        if score:
            score += sum(qtype.concept_types.get(t, 0.0) for t in set(concept_types))
        elif any(t in qtype.concept_types for t in concept_types):
            score = 0.5 * max(qtype.concept_types[t] for t in concept_types
                              if t in qtype.concept_types)
        if score > 0:
            scored.append((-(score + first), order, qtype.name, score, first > 0))
    return [ScoredType(name, score, opens) for _, _, name, score, opens in sorted(scored)]


def _phrase_weight(hits: list[tuple[float, bool, tuple[int, int]]]) -> float:
    """A type's patterns' weight in a question, each phrase of the question counted once.

    "and which journal published it" matches three wordings of `publication` ("which
    journal", "journal … published", "and which journal"); summed, one phrase would outweigh
    a second intent asked in another ("who wrote it, and which journal published it?").
    """
    found = sorted((span, weight) for weight, _, span in hits if weight)
    total, end, best = 0.0, -1, 0.0
    for (start, stop), weight in found:
        if start >= end:  # a phrase of its own
            total += best
            best = 0.0
        best = max(best, weight)
        end = max(end, stop)
    return total + best


def intents(scores: list[ScoredType], rules: QuestionRules) -> tuple[str, ...]:
    """The main intent, those scoring close to it, and the one the asking words name.

    "which joint was affected most often, and how many of them?" asks a joint by its opening
    words, however many words of frequency and count follow.
    """
    if not scores:
        return ()
    best = max(scored.score for scored in scores)
    return tuple(scored.name for scored in scores
                 if scored.score >= rules.intent_share * best or scored.opens)


_FOUND: weakref.WeakKeyDictionary[Lexicon, dict[tuple[int, str, bool],
                                                 list[tuple[str, int, int]]]] = (
    weakref.WeakKeyDictionary())
FOUND_LIMIT = 20_000
"""Texts whose concepts are remembered, per lexicon: a question is read twice (its
intents, then what it names that no source mentions), headings over and over; a bound
keeps it small."""


def coordinated(text: str, lexicon: Lexicon, rules: QuestionRules) -> list[str]:
    """The concepts a question names side by side, joined by "and" or "or".

    "What did her lung function test and ECG show?" asks of each: an answer quotes a
    sentence for each one, where the best sentence names only one of them.
    """
    words = [m.group().casefold() for m in WORD.finditer(text)]
    spans = sorted(find_concepts(text, lexicon, rules), key=lambda span: span[1])
    joined: list[str] = []
    for (first, _, first_end), (second, second_start, _) in zip(spans, spans[1:],
                                                                   strict=False):
        between = words[first_end:second_start]
        if first != second and between and all(w in rules.coordinators for w in between):
            joined += [first, second]
    return list(dict.fromkeys(joined))


def find_concepts(text: str, lexicon: Lexicon, rules: QuestionRules | None = None, *,
                  fuzzy: bool = True) -> list[tuple[str, int, int]]:
    """(concept id, first word, last word + 1) for each concept named, longest match first.

    Exact lexicon names first, then lay phrases, then (for long words that matched
    nothing) the closest lexicon name when it is close enough.
    """
    rules = rules or question_rules()
    memo = _FOUND.setdefault(lexicon, {})
    key = (id(rules), text, fuzzy)  # the rules are loaded once (cached) and live on
    found = memo.get(key)
    if found is None:
        if len(memo) >= FOUND_LIMIT:
            memo.clear()
        found = memo[key] = _find_concepts(text, lexicon, rules, fuzzy)
    return list(found)


def _find_concepts(text: str, lexicon: Lexicon, rules: QuestionRules, fuzzy: bool
                   ) -> list[tuple[str, int, int]]:
    words = [m.group() for m in WORD.finditer(text)]
    found: list[tuple[str, int, int]] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_NGRAM, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            concept = (lexicon.concept_id_for(phrase) or rules.lay_terms.get(fold(phrase))
                       or _typed_in_lower_case(phrase, lexicon, rules))
            if concept is not None and concept in lexicon:
                found.append((concept, i, i + n))
                i += n
                break
        else:
            n, concept = _fuzzy_phrase(words, i, lexicon, rules) if fuzzy else (1, None)
            if concept is None and fuzzy and not (i and words[i][:1].isupper()):
                # a capitalised word inside the question is a name ("the Hastings
                # classification"), not a misspelt concept
                n, concept = 1, _fuzzy(words[i], lexicon, rules)
            if concept is not None:
                found.append((concept, i, i + n))
                i += n - 1
            i += 1
    return _with_elided_heads(words, found, lexicon, rules)


COORDINATORS = frozenset({"or", "and", "&", "nor"})
"""Words joining two names whose head only the second one carries ("brain or spinal injury")."""


def _with_elided_heads(words: list[str], found: list[tuple[str, int, int]], lexicon: Lexicon,
                       rules: QuestionRules) -> list[tuple[str, int, int]]:
    """The found concepts, a word before "or"/"and" given the head of the name after it.

    "apart from brain or spinal injury": the brain is the brain injury, as the reader
    restores it in a sentence (reading.virtual_mentions.elided); the word alone, or a
    concept it names alone, gives way to the whole name.
    """
    out = list(found)
    for concept, first, last in found:
        if first < 2 or fold(words[first - 1]) not in COORDINATORS or last - first < 2:
            continue
        for start in (first - 3, first - 2):  # "traumatic brain or …": the longer first
            if start < 0:
                continue
            phrase = " ".join([*words[start:first - 1], words[last - 1]])
            whole = lexicon.concept_id_for(phrase) or rules.lay_terms.get(fold(phrase))
            if whole is None or whole not in lexicon or whole == concept:
                continue
            out = [f for f in out if not (start <= f[1] and f[2] <= first - 1)]
            out.append((whole, start, first - 1))
            break
    return sorted(out, key=lambda f: f[1])


def _fuzzy_phrase(words: list[str], i: int, lexicon: Lexicon, rules: QuestionRules
                  ) -> tuple[int, str | None]:
    """(words, concept) of a misspelt name of two or three words starting at word i.

    "myosistis ossificans", "heterotopic ossificaton": the whole name is compared, so a
    slip in one word still finds the concept both words name together. Only tried where
    a word the lexicon does not use starts or ends the phrase.
    """
    names = _names(lexicon)
    for n in (3, 2):
        if i + n > len(words):
            continue
        part = [fold(w) for w in words[i:i + n]]
        if ((part[0] in names.words and part[-1] in names.words)
                or any(w in rules.stopwords for w in part)):
            continue
        for name, _, _ in process.extract(" ".join(part), names.multi_word_keys,
                                          scorer=fuzz.ratio, score_cutoff=rules.fuzzy_cutoff,
                                          limit=5):
            said = name.split()
            # word for word, so "prevent heterotopic …" is not "previous heterotopic …"
            if len(said) == n and all(fuzz.ratio(a, b) >= rules.fuzzy_word_cutoff
                                      for a, b in zip(part, said, strict=True)):
                return n, names.multi_word[name]
    return 1, None


def _fuzzy(word: str, lexicon: Lexicon, rules: QuestionRules) -> str | None:
    """The concept whose one-word name is closest to a misspelt word, if close enough."""
    folded = fold(word)
    if len(folded) < rules.fuzzy_min_length or folded in rules.stopwords:
        return None
    names = _names(lexicon)
    for key, _, _ in process.extract(folded, names.one_word_keys, scorer=fuzz.ratio,
                                     score_cutoff=rules.fuzzy_cutoff, limit=FUZZY_CANDIDATES):
        if _plausible_slip(folded, key):
            return names.one_word[key]
    return None


FUZZY_CANDIDATES = 5
"""How many close names a misspelt word is checked against, closest first."""
SHORT_WORD = 7
"""Below this length a word and its slip have the same length: one letter more or less
makes another word ("split" is no "splint")."""
LONG_WORD = 10
"""From this length a slip may be two letters ("ossifcaton")."""


def _plausible_slip(word: str, name: str) -> bool:
    """Could `word` be `name` mistyped?

    Slips keep the first letter ("mutation" is no "amputation"), and in a short word
    change a letter rather than add or drop one. Below `LONG_WORD` letters a slip is one
    letter changed, added or dropped: "myopathy" lacks two of "myelopathy", and is a word
    of its own.
    """
    return (word[:1] == name[:1] and (len(word) >= SHORT_WORD or len(word) == len(name))
            and Levenshtein.distance(word, name) <= (1 if len(word) < LONG_WORD else 2))


def _typed_in_lower_case(phrase: str, lexicon: Lexicon, rules: QuestionRules) -> str | None:
    """The concept of an abbreviation typed in lower case ("life expectancy with fop").

    The lexicon matches "FOP" with its capitals, so that a page's everyday word is never
    read as one; a question typed all in lower case writes it "fop". Only the
    abbreviations listed (`lower_case_abbreviations`) are read so: "pe" or "mo" are words.
    """
    if phrase not in rules.lower_case_abbreviations:
        return None
    return lexicon.concept_id_for(phrase.upper())


@dataclass(frozen=True, slots=True)
class _Names:
    """The lexicon's names as fuzzy matching compares them, worked out once per lexicon."""

    one_word: dict[str, str]
    """Folded one-word names and synonyms (five letters or more, lay words too) → concept."""
    one_word_keys: tuple[str, ...]
    multi_word: dict[str, str]
    """Folded names of two or three words (ten letters or more) → concept."""
    multi_word_keys: tuple[str, ...]
    words: frozenset[str]
    """Every folded word of the lexicon's names."""


_NAMES: weakref.WeakKeyDictionary[Lexicon, _Names] = weakref.WeakKeyDictionary()


def _names(lexicon: Lexicon) -> _Names:
    """The lexicon's names for fuzzy matching, from one pass over its surface forms."""
    found = _NAMES.get(lexicon)
    if found is None:
        one: dict[str, str] = {}
        multi: dict[str, str] = {}
        words: set[str] = set()
        for form in lexicon.surface_forms():
            text = fold(form.text)
            words.update(text.split())
            if form.case_sensitive:
                continue
            if " " not in text and len(text) >= 5:
                one.setdefault(text, form.concept_id)
            elif 2 <= text.count(" ") + 1 <= 3 and len(text) >= 10:
                multi.setdefault(text, form.concept_id)
        for phrase, concept in question_rules().lay_terms.items():
            if " " not in phrase and len(phrase) >= 5 and concept in lexicon:
                one.setdefault(phrase, concept)
        found = _NAMES[lexicon] = _Names(one, tuple(one), multi, tuple(multi),
                                         frozenset(words))
    return found


def understand(text: str, lexicon: Lexicon, rules: QuestionRules | None = None) -> Question:
    """The question's intents, concepts (aliases resolved, set-aside ones apart) and scope."""
    rules = rules or question_rules()
    text = text[:MAX_QUESTION_CHARS]
    concepts: list[str] = []
    excluded: list[str] = []
    exclusion = _phrase_words(text, rules.exclusions)
    examples = _phrase_words(text, rules.examples)
    exemplified: list[str] = []
    found = find_concepts(text, lexicon, rules)
    for concept, first, last in found:
        concept = rules.question_aliases.get(concept, concept)
        target = (excluded if any(first <= w < last for w in exclusion)
                  else exemplified if any(first <= w < last for w in examples) else concepts)
        if concept not in target:
            target.append(concept)
    if not concepts:  # "what helps, e.g. radiation?": the examples are all it names
        concepts.extend(exemplified)
    if excluded and not concepts:
        concepts.append("heterotopic_ossification")  # "apart from surgery, what helps?"
    # what the asker's situation names ("… his shoulders are stiff.") does not say what
    # the asking sentence after it asks ("did he get back to normal?")
    asked_from = len(WORD.findall(text[:asking_from(text)]))
    asked_concepts = {rules.question_aliases.get(c, c) for c, first, _ in found
                      if first >= asked_from}
    types = [lexicon.get(c).type for c in concepts if c in lexicon and c in asked_concepts]
    scores = scored_types(_without_names(text, found, lexicon, rules), types, rules)
    words = tuple(dict.fromkeys(
        bare for w in WORD.findall(text)
        if (bare := POSSESSIVE.sub("", w.lower())) not in rules.stopwords))
    chosen = intents(scores, rules)
    return Question(text=text, type=chosen[0] if chosen else GENERAL.name,
                    concepts=tuple(concepts), words=words, intents=chosen,
                    related=related_words(text, rules),
                    translated=translated_words(folded_words(text), has_phrase),
                    spelled=other_spellings(text, rules),
                    excluded=tuple(c for c in excluded if c not in concepts),
                    wants=tuple(dict.fromkeys(t for k in rules.wanted_kinds
                                              if _compiled(k.pattern).search(text)
                                              for t in k.types)),
                    scope=question_scope(text, concepts, lexicon))


def _without_names(text: str, found: list[tuple[str, int, int]], lexicon: Lexicon,
                   rules: QuestionRules) -> str:
    """The question with the names of the tests it mentions blanked out.

    A test named as the setting ("with a positive bone scan but a normal x-ray, how
    often did etidronate prevent HO?") already counts once through its concept type;
    its name must not also count as wording that asks how HO is diagnosed. A test the
    asking word names as the kind of answer ("what IMAGING TEST did they use first?",
    "which scans…") is asked for, and stays.
    """
    matches = list(WORD.finditer(text))
    spans = [m.span() for m in matches]
    asking = set(rules.asking_words)
    out = text
    for concept, first, last in reversed(found):
        if first and matches[first - 1].group().lower() in asking:
            continue
        if concept in lexicon and lexicon.get(concept).type in MASKED_TYPES:
            start, end = spans[first][0], spans[last - 1][1]
            out = out[:start] + "_" * (end - start) + out[end:]
    return out


def related_words(text: str, rules: QuestionRules) -> tuple[str, ...]:
    """The words sources use for the question's everyday phrases and places.

    "Go away" is said "regress"; "in Japan" names the people a news story counts ("80
    Japanese").
    """
    folded = folded_words(text)
    found = [word for phrase, said in rules.paraphrases.items()
             if has_phrase(folded, phrase) for word in said]
    return tuple(dict.fromkeys((*found, *_peoples(text, rules))))


def _peoples(text: str, rules: QuestionRules) -> Iterator[str]:
    """What a place the question names its people ("Japan": japanese; "Korea": korean).

    Read from the place's name (`place_named`) by the forms `demonyms` gives its longest
    ending that has any; a form no source writes finds nothing.
    """
    for found in _compiled(rules.place_named).finditer(text):
        place = found.group("place").lower()
        ending = max((e for e in rules.demonyms if place.endswith(e)), key=len, default=None)
        if ending is not None:
            stem = place[:len(place) - len(ending)]
            yield from (stem + form for form in rules.demonyms[ending])


POINTED_WITHIN = 4
"""Words a descriptor may stand before the source noun it tells apart ("the French sports
medicine series")."""


def pointed_words(text: str, rules: QuestionRules, *, set_off: bool = False
                  ) -> frozenset[str]:
    """The words that tell apart the source a question points at.

    "Which joints does the CAREGIVER guide say…", "per the SPORTS clinic", "that ULTRASOUND
    study": between a pointing word and a source noun stand the words the page asked about
    holds, though its answering sentence need not (ask/evidence.py weighs pages by them).
    `set_off`: only those of a source phrase set off from what is asked, its source nouns
    with them ("In the FOP DENTAL CASE REPORT, what was unusual about his toes?": a comma
    or the question's end after a document's noun) and said nowhere else in the question
    ("according to the SPORTS medicine clinic, which kinds of sport…" asks of sport): they
    name the page, not what its answering sentence says.
    """
    matches = list(WORD.finditer(text))
    tokens = [fold(m.group()) for m in matches]
    found: set[str] = set()
    for i, word in enumerate(tokens):
        if word not in rules.source_nouns:
            continue
        if set_off and (word not in rules.source_documents
                        or not _SET_OFF.match(text, matches[i].end())):
            continue
        run: list[str] = []
        j = i - 1
        while (j >= 0 and i - j <= POINTED_WITHIN and tokens[j] not in rules.pointing_words
               and tokens[j] not in rules.stopwords):
            run.append(tokens[j])
            j -= 1
        if run and j >= 0 and tokens[j] in rules.pointing_words:
            named = [*run, word] if set_off else run  # "the FOP dental CASE REPORT"
            found.update(w for w in named if not set_off or sum(
                t[:_STEM] == w[:_STEM] for t in tokens) == 1)
    return frozenset(found)


_SET_OFF = re.compile(r"\s*(?:[,?.;:)]|$)")
"""What follows a source noun that ends a phrase set off from the rest of the question."""
_STEM = 5
"""Letters of a word compared with the question's others ("sports" and "sport")."""


def folded_words(text: str) -> str:
    """The text's words, folded, one space apart: what phrases are looked for in."""
    return " ".join(fold(w) for w in WORD.findall(text))


def has_phrase(folded: str, phrase: str) -> bool:
    """Does the folded text hold this folded phrase as whole words?

    A verb and its particle may hold what is done between them ("taking THE FABELLA out",
    "cut it away"): such a phrase is found so too.
    """
    verb, _, particle = phrase.rpartition(" ")
    if particle in SEPARABLE_PARTICLES and verb in SEPARABLE_VERBS:
        if verb not in folded or particle not in folded:
            return False
        return re.search(rf"(?<![\w-]){re.escape(verb)}(?: \S+){{0,{PARTICLE_REACH}}} "
                         rf"{re.escape(particle)}(?![\w-])", folded) is not None
    if phrase not in folded:
        return False  # most phrases asked about: no need for the word-boundary search
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", folded) is not None


SEPARABLE_PARTICLES = frozenset({"out", "off", "away", "back"})
"""Particles a verb's object may stand before ("take the bone out", "cut it away")."""
SEPARABLE_VERBS = frozenset({"take", "takes", "taking", "took", "taken", "cut", "cuts",
                             "cutting"})
"""The verbs whose object stands between them and the particle in everyday questions (not
"straight away", "lower back", nor "come back", which takes no object)."""
PARTICLE_REACH = 3
"""Words that may stand between a verb and its particle."""


def other_spellings(text: str, rules: QuestionRules) -> tuple[str, ...]:
    """The question's words as other sources spell them, once each.

    In the other spelling ("anaesthesia" → anesthesia), for hyphenated words written solid
    ("mini-incision" → miniincision), and in the other form of a verb and its noun that
    the stemmer keeps apart ("excluded" → exclusion).
    """
    words = [fold(w) for w in WORD.findall(text)]
    found = []
    for word in words:
        spelled = [word]
        for one, other in rules.spellings:
            for a, b in ((one, other), (other, one)):
                if a in word:
                    spelled.append(word.replace(a, b))
        if "-" in word:
            spelled.append(word.replace("-", ""))
        found.extend(spelled)
        # each spelling in its other forms ("anaesthetic": anesthesia); a pattern that does
        # not match leaves the word as it is (dropped below)
        found.extend(_compiled(pattern).sub(into, one) for one in spelled
                     for pattern, into in rules.word_forms)
    return tuple(w for w in dict.fromkeys(found) if w not in words)


def _phrase_words(text: str, opening: str) -> set[int]:
    """Indexes of the words inside a phrase `opening` begins (up to its comma or clause end).

    "apart from surgery, what …" (an exclusion), "… such as skin or growth plate problems?"
    (examples of the answer).
    """
    if not opening:
        return set()
    spans = [m.span() for m in WORD.finditer(text)]
    out: set[int] = set()
    for match in _compiled(opening).finditer(text):
        end = len(text)
        stop = re.search(r"[,;?]|\bwhat\b|\bwhich\b|\bhow\b|\bcan\b|\bis\b", text[match.end():])
        if stop:
            end = match.end() + stop.start()
        out |= {i for i, (s, e) in enumerate(spans) if s >= match.end() and e <= end}
    return out
