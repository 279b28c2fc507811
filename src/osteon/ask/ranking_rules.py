"""The ranking rules of data/ask/ranking.yaml, validated: weights, answer detectors, scope."""

from __future__ import annotations

import re
from functools import cache

from pydantic import ValidationInfo, field_validator

from osteon.datafiles import Strict, check_regex, load_model


class AnswerDetector(Strict):
    """What shows a sentence holds an answer of one kind: concept types named, or words."""

    concept_types: tuple[str, ...] = ()
    pattern: str = ""
    narrower_answers: bool = False
    """A narrower kind of an asked concept answers ("which joint?": the elbow); otherwise
    every kind of an asked concept is the question's own ("what causes HO?": not a kind
    of HO)."""
    pattern_types: tuple[str, ...] = ()
    """The concept types what the pattern finds would be: a question wanting other kinds
    ("which medicine?") is not answered by the pattern's finds (an operation's name)."""
    subject_asked: bool = False
    """The pattern's `subject` group must name every concept the question asks about: a
    sentence that says what something is answers "what is X?" only when X is that thing."""

    @field_validator("pattern")
    @classmethod
    def _regex(cls, value: str) -> str:
        return check_regex(value) if value else value


class ScopeWords(Strict):
    """Words that put a question in a condition family or a species ("inherited", "in mice")."""

    family: dict[str, str] = {}
    species: dict[str, str] = {}
    species_named_for: str = r"(?!)"
    """What an animal's name may stand before and name instead of the animal: a source or a
    person ("the horse blog", "a horse rider's tendon" ask about riders, not horses)."""

    @field_validator("family", "species")
    @classmethod
    def _regexes(cls, value: dict[str, str]) -> dict[str, str]:
        return {k: check_regex(v) for k, v in value.items()}

    @field_validator("species_named_for")
    @classmethod
    def _regex(cls, value: str) -> str:
        return check_regex(value)


class Weights(Strict):
    lexical: float
    concepts: float
    claim: float
    answer: float
    cues: float
    heading: float
    scope: float
    context: float
    aim: float
    label: float


class FieldLines(Strict):
    """A record's field lines ("Status Withdrawn"): ask/field_lines.py."""

    max_words: int
    label_words: int
    """Words a label without a colon is taken to have (at most; the value follows)."""
    label_chars: int
    """A colon or bar this far into the line ends its label."""
    page_words: tuple[str, ...]
    """Words that name the page itself ("the McGill STUDY"), never the field asked for."""


class PageContext(Strict):
    """How the pages that cover most of a question are searched on their own."""

    documents: int
    share: float
    candidates: int
    whole_page: int
    whole_page_words: bool
    """Score the whole page's sentences on every question word (`ask/whole_page.py`)."""
    stands_out: float
    answers_join: bool
    max_rows: int
    page_k1: float
    page_b: float
    names_once: bool
    pointed: float = 1.0
    """How much more the words that tell apart a source the question points at weigh a
    page ("the caregiver guide": a page holding "caregiver")."""
    widened: float = 1.0
    """How much a word the question does not say itself weighs a page (a concept's other
    names, the words sources use for an everyday phrase)."""
    headed: int = 0
    """Sentences of the best pages read under each heading that names what the question's
    main intent asks for ("Adverse Reactions" for "what side effects…?")."""


class PageTopic(Strict):
    """When a concept a page mentions throughout is what the page is about."""

    share: float
    sentences: int


class AnswerClauses(Strict):
    """Where a quoted sentence splits into clauses that each say something (answer_span)."""

    split: str
    """A regular expression matching the end of one clause and the start of the next."""
    min_words: int
    """A clause shorter than this says too little to be quoted alone."""
    verb: str
    """A verb, which every clause of a cut sentence has (a list item has none)."""
    keep_whole: str
    """Words that tie the sentence's parts together ("between A and B"): never cut."""
    governs: str
    """Words of an earlier clause that may govern a later one (a negation, a hedge)."""
    points_back: str
    """Words opening a clause that points back to the one before ("it", "they")."""

    @field_validator("split", "verb", "keep_whole", "governs", "points_back")
    @classmethod
    def _regex(cls, value: str) -> str:
        return check_regex(value)


class DoseUnit(Strict):
    """The units a dose of some care is given in: a dose in other units is of something else."""

    concepts: frozenset[str] = frozenset()
    """Concepts (and their kinds) dosed in these units: radiation therapy in Gy."""
    types: frozenset[str] = frozenset()
    """Concept types dosed in these units: a drug in mg."""
    units: str
    """A dose written in these units (a regular expression)."""

    @field_validator("units")
    @classmethod
    def _regex(cls, value: str) -> str:
        return check_regex(value)


GROUP_OF = {"member_question": ("member",), "counted_question": ("thing",),
            "measured_question": ("thing",),
            "case_who": ("who",), "case_named": ("who",), "case_age": ("number", "unit")}
"""The patterns whose named groups the code reads, and those groups' names."""


class RankingRules(Strict):
    """The whole of data/ask/ranking.yaml."""

    weights: Weights
    field_lines: FieldLines
    candidates: int
    claim_candidates: int
    evidence: int
    leading: int
    led_share: float = 1.0
    led_pages: int = 0
    per_document: int
    min_score: float
    common_share: float
    common_sentences: int
    max_search_words: int
    max_search_rows: int
    min_shared_words: int
    lexical_alone: float
    headed_concept: float
    page_topic: PageTopic
    min_words: int
    duplicate_overlap: float
    anaphora: str
    read_on: int = 0
    """The best candidates whose next sentence, when it points back, joins at half share."""
    read_chain: int = 0
    """Sentences further on that join too, while each points back (the same thing spoken of)."""
    page_question: str = r"(?!)"
    """A page's own question: the sentence after it is its answer and says what it asks."""
    aim: str
    one_case: str = r"(?!)"
    """A sentence that tells of one patient ("she suffered an anoxic brain injury following
    cardiac arrest", "only one report … has been described"): a risk read from it alone is
    no risk the sources state (ask/case_told.py)."""
    case_read_on: int = 0
    """Sentences after a best candidate telling one patient that join as candidates, when
    the question names one patient too (what was done is told after who it was)."""
    case_candidates: int = 0
    """The best candidates looked at for `case_read_on`."""
    case_age: str = r"(?!)"
    """A patient's age as a case names them ("a 57-year-old", "the one-year-old"): groups
    `number` (digits or a word of `number_words`) and `unit`."""
    number_words: dict[str, int] = {}
    """Numbers written as words, as ages are ("one-year-old")."""
    case_who: str = r"(?!)"
    """How a question names one patient: group `who` is the word a candidate names them by."""
    case_named: str = r"(?!)"
    """... or by their own name ("her son Adam", "did Luciano get"): group `who` is the name."""

    case_predicates: tuple[str, ...] = ()
    """The predicates a sentence telling of one patient does not state in general."""
    member_types: frozenset[str] = frozenset()
    """Concept types whose classes are searched by their members' names too ("which
    bisphosphonate?": "risedronate was given")."""
    defining_verbs: tuple[str, ...] = ()
    """The words after a concept's name that open a sentence saying what it is ("HO is",
    "HO refers to"): such sentences are candidates for a question asking what it is."""
    defining_questions: tuple[str, ...] = ()
    """How a question asks what a concept is: group `asked` opens with its name."""
    defining_candidates: int = 0
    defining_share: float = 0.0
    """The lexical share such a sentence has at least (it holds the asking sentence's words)."""
    member_question: str = r"(?!)"
    """How a question asks for a member of a class: its group `member` is the class's word."""

    counted_question: str = r"(?!)"
    """How a question asks to count things the answer types do not list ("how many drug
    compounds did they screen?"): group `thing` ends with the word for what is counted."""
    measured_question: str = r"(?!)"
    """How a question names what a value it asks measures ("what was the serum PHOSPHATE
    level?"): group `thing` is the word a sentence giving that value names."""
    counted_number: str = r"(?!)"
    """A figure that counts: a sentence holding one a few words before the counted word
    ("a total of 6,809 drug compounds") answers such a question."""

    @field_validator(*GROUP_OF)
    @classmethod
    def _regex_with_group(cls, value: str, info: ValidationInfo) -> str:
        check_regex(value)
        for group in GROUP_OF[info.field_name]:
            if f"(?P<{group}>" not in value:
                raise ValueError(f"{value!r} has no (?P<{group}>…) group")
        return value

    journal_line: str = "(?!)"
    """What a page's record of its journal holds (a volume and its pages, a DOI): such a
    line, read as a sentence, answers only a question wanting `record_answers`."""
    affiliation_line: str = "(?!)"
    """What the authors' affiliations hold, found this often in one verbless sentence
    ("Department of Orthopedics, … Central Hospital, Yiwu, China, 2 Department 8, Research
    Institute of Surgery …"): a page's record as well."""
    record_answers: frozenset[str] = frozenset()
    """The answer kinds a page's record line gives ("which journal", "who wrote it")."""
    not_evidence: str
    term_list: str = "(?!)"
    """A whole sentence that is only terms between semicolons: a keyword line."""
    dangling_end: str = "(?!)"
    """A short sentence cut off at a page break (ending on "of", "the", "and"): what it
    starts, another sentence of its page finishes or says better."""
    answer_clauses: AnswerClauses
    answers: dict[str, AnswerDetector]
    dose_units: tuple[DoseUnit, ...] = ()
    scope_words: ScopeWords
    context: PageContext


@cache
def ranking_rules() -> RankingRules:
    """data/ask/ranking.yaml."""
    return load_model(RankingRules, "ask", "ranking.yaml")


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """A rule's regular expression, compiled once, case-insensitive."""
    return re.compile(pattern, re.IGNORECASE)
