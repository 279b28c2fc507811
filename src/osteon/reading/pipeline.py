"""The medspaCy pipeline: lexicon mentions and ConText cues for one sentence at a time.

Sentences were split once at ingest, so the pipeline is a blank English
tokenizer, a component that marks each input as one sentence, a matcher for
the lexicon's medspaCy target rules (`lexicon_matcher`: the TargetMatcher's
entities, found faster) and ConText (rules from `data/reading/context.yaml`).
It reports ConText's cues with their scopes as character spans, so relation
extraction can ask whether a trigger, not just a concept, sits under a
negation or a hedge.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import spacy
from medspacy.context import ConText, ConTextRule
from medspacy.target_matcher import TargetRule
from spacy.language import Language
from spacy.tokens import Doc

from osteon.datafiles import Strict, load_model
from osteon.reading.context_rules import ContextRuleEntry
from osteon.reading.lexicon import Lexicon, load_lexicon
from osteon.reading.lexicon_matcher import LexiconMatcher
from osteon.reading.records import Mention

# medspaCy's ConText keeps an empty regex matcher when every rule is a literal.
warnings.filterwarnings("ignore", message=r"\[W036\]", category=UserWarning)

STATUS_OF_CATEGORY = {
    "NEGATED_EXISTENCE": "negated",
    "POSSIBLE_EXISTENCE": "hedged",
    "HISTORICAL": "historical",
    "HYPOTHETICAL": "hypothetical",
    "UNSETTLED": "unsettled",
}

# Same-length replacements: offsets computed on the cleaned text stay valid
# for the original (non-breaking hyphens and spaces, typographic dashes and apostrophes).
_SAME_LENGTH = str.maketrans({"\u2011": "-", "\u2010": "-", "\u00a0": " ", "\u202f": " ",
                              "\u2009": " ", "\u2007": " ", "\u2212": "-", "\u2019": "'"})


class ContextRules(Strict):
    """The ConText rule file."""

    rules: list[ContextRuleEntry]


@dataclass(frozen=True, slots=True)
class Cue:
    """A ConText cue and the character span its scope covers in the sentence."""

    status: str
    start: int
    end: int
    scope_start: int
    scope_end: int
    text: str


@dataclass(frozen=True, slots=True)
class SentenceAnalysis:
    """Mentions and cues of one sentence."""

    text: str
    mentions: tuple[Mention, ...]
    cues: tuple[Cue, ...]
    skipped: bool = False
    """True when the sentence was too long to read."""

    def status_of(self, start: int, end: int) -> set[str]:
        """Statuses (negated, hedged, ...) whose cue scope covers `text[start:end]`."""
        found = set()
        for cue in self.cues:
            if cue.start <= start and end <= cue.end:
                continue
            if cue.scope_start < end and start < cue.scope_end:
                found.add(cue.status)
        return found


def clean_text(text: str) -> str:
    """Replace look-alike characters one for one, so offsets survive."""
    return text.translate(_SAME_LENGTH)


MAX_SENTENCE_CHARS = 5_000
"""Longer "sentences" (run-on scrapes, tables flattened to one line) are skipped, not read:
ConText's cost grows with mentions times cues, and no real sentence is this long."""


class Pipeline:
    """A loaded medspaCy pipeline; build once (it compiles every lexicon form) and reuse."""

    def __init__(self, lexicon: Lexicon | None = None,
                 more_cues: Sequence[ContextRuleEntry] = ()) -> None:
        """Build the pipeline on `lexicon` with reading's ConText rules and `more_cues`.

        A rule of `more_cues` whose literal reading's rules also have replaces reading's
        (assess's notes give "if" its own, shorter scope).
        """
        self.lexicon = lexicon or load_lexicon()
        self.nlp = _build_nlp(self.lexicon, more_cues)

    def analyse(self, text: str) -> SentenceAnalysis:
        """Find mentions and cues in one sentence (nothing in one too long to read)."""
        return next(self.analyse_many([text]))

    def analyse_many(self, texts: Iterable[str], batch_size: int = 256
                     ) -> Iterator[SentenceAnalysis]:
        """Analyse many sentences, in order, batched through spaCy.

        A sentence too long to read is passed to spaCy empty and comes back `skipped`.
        """
        originals: list[str] = []

        def cleaned() -> Iterator[str]:
            for text in texts:
                originals.append(text)
                yield clean_text(text) if len(text) <= MAX_SENTENCE_CHARS else ""

        for i, doc in enumerate(self.nlp.pipe(cleaned(), batch_size=batch_size)):
            if len(originals[i]) > MAX_SENTENCE_CHARS:
                yield SentenceAnalysis(originals[i], (), (), skipped=True)
            else:
                yield _analysis(originals[i], doc)


@cache
def default_pipeline() -> Pipeline:
    """The pipeline on the packaged lexicon, built once per process."""
    return Pipeline()


@Language.component("osteon_one_sentence")
def _one_sentence(doc: Doc) -> Doc:
    """Mark the whole input as one sentence: sentences were split at ingest.

    Marking the first token as a start and the second as not is enough for spaCy to
    see one sentence, without a Python loop over every token of every sentence.
    """
    if len(doc):
        doc[0].is_sent_start = True
    if len(doc) > 1:
        doc[1].is_sent_start = False
    return doc


FOOTNOTE_SUFFIX = r"(?<=[A-Za-z]{2})\.\d{1,3}(?:[,\u2013-]\d{1,3})*$"
"""A reference number glued to a sentence's last word ("myositis ossificans.1",
"formation.6,7"), as pages copied from journals carry them: split off, so the word is read."""


def _build_nlp(lexicon: Lexicon, more_cues: Sequence[ContextRuleEntry] = ()) -> Language:
    nlp = spacy.blank("en")
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(
        [FOOTNOTE_SUFFIX, *nlp.Defaults.suffixes]).search
    nlp.max_length = 2_000_000
    nlp.add_pipe("osteon_one_sentence")
    matcher: LexiconMatcher = nlp.add_pipe("osteon_lexicon_matcher")
    matcher.add(lexicon_target_rules(nlp, lexicon))
    context: ConText = nlp.add_pipe("medspacy_context", config={"rules": None})
    # one rule a literal: where two match the same words, medspaCy keeps whichever its
    # matcher yields first, an order that shifts as rules are added elsewhere
    replaced = {r.literal.casefold() for r in more_cues}
    cues = [r for r in _context_rules().rules if r.literal.casefold() not in replaced]
    context.add([ConTextRule(r.literal, r.category, pattern=r.pattern, direction=r.direction,
                             max_scope=r.max_scope, terminated_by=set(r.terminated_by) or None)
                 for r in (*cues, *more_cues)])
    return nlp


def lexicon_target_rules(nlp: Language, lexicon: Lexicon) -> list[TargetRule]:
    """The medspaCy target rules for every surface form: abbreviations match case-sensitively."""
    rules = []
    for form in lexicon.surface_forms():
        if form.case_sensitive:
            tokens = [t.text for t in nlp.make_doc(form.text)]
            rules.append(TargetRule(form.text, form.concept_id,
                                    pattern=[{"TEXT": t} for t in tokens]))
        else:
            rules.append(TargetRule(form.text, form.concept_id))
    return rules


@cache
def _context_rules() -> ContextRules:
    return load_model(ContextRules, "reading", "context.yaml")


def _analysis(original: str, doc: Doc) -> SentenceAnalysis:
    graph = doc._.context_graph
    cues = []
    reach: dict[tuple[int, int], int] = {}
    for modifier in graph.modifiers if graph is not None else ():
        status = STATUS_OF_CATEGORY.get(modifier.category)
        if status is None:
            continue
        start_tok, end_tok = modifier.modifier_span
        scope_start, scope_end = modifier.scope_span
        cue = doc[start_tok:end_tok]
        scope = doc[scope_start:scope_end] if scope_end > scope_start else cue
        scope_end_char = _within_relative_clause(original, cue.start_char, cue.end_char,
                                                 scope.end_char)
        reach[modifier.modifier_span] = scope_end_char
        cues.append(Cue(status, cue.start_char, cue.end_char, scope.start_char, scope_end_char,
                        cue.text))
    mentions = []
    for ent in doc.ents:
        statuses = {STATUS_OF_CATEGORY.get(m.category) for m in ent._.modifiers
                    if reach.get(m.modifier_span, len(original)) > ent.start_char}
        mentions.append(Mention(
            concept_id=ent.label_, start=ent.start_char, end=ent.end_char,
            text=original[ent.start_char:ent.end_char],
            # "swelling, not always present": a finding neither said nor denied may be there
            negated="negated" in statuses, hedged=bool({"hedged", "unsettled"} & statuses),
            historical="historical" in statuses, hypothetical="hypothetical" in statuses,
        ))
    return SentenceAnalysis(original, tuple(mentions), tuple(cues))


_RELATIVE_OPENING = re.compile(r"\b(?:that|which|who)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_EXAMPLES_OPENER = re.compile(r",?\s*\b(?:such as|including|e\.g\.)", re.IGNORECASE)


def _within_relative_clause(text: str, cue_start: int, cue_end: int, scope_end: int) -> int:
    """Where a cue's scope ends when the cue stands in a relative clause with examples after.

    "bone in tissues that have no ossification properties, such as in muscles": the "no"
    tells what the tissues lack; the muscles after "such as" are examples of the tissues,
    where bone does form, out of the cue's reach. Elsewhere the scope medspaCy gave.
    """
    if _RELATIVE_OPENING.search(text, max(0, cue_start - 40), cue_start) is None:
        return scope_end
    opener = _EXAMPLES_OPENER.search(text, cue_end, scope_end)
    return opener.start() if opener is not None else scope_end

