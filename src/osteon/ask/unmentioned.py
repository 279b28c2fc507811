"""What a question asks about that no source mentions: the honest reason to abstain.

"What is the success rate of shockwave therapy?" over sources that never say
"shockwave" has no answer in them, however well other sentences about therapy
rank. A content word of the question counts as unmentioned when no stored
sentence holds it, it is not part of a concept the lexicon recognised, it is
not one of the words any question is framed with (data/ask/questions.yaml
`frame_words`), and it is no misspelling of a word the sources do use.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from osteon.ask.records import Question
from osteon.ask.understand import WORD, QuestionRules, find_concepts
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.terms import fold

MIN_LENGTH = 3
TYPO_MIN_LENGTH = 5
TYPO_CUTOFF = 75
MIN_UNMENTIONED = 2


def asks_beyond(knowledge: KnowledgeStore, question: Question, rules: QuestionRules
                ) -> list[str]:
    """The unmentioned words that make the question one the sources cannot answer, or [].

    One unmentioned word is usually the asker's own phrasing ("which joint is hit
    most?") unless it is a name ("which hospital in Brazil?"); two or more ("is it
    covered by insurance in Germany?", "can cats and dogs get it?") mean it asks
    about something the sources never speak of. (Taking any unmentioned word in a
    yes-or-no question as a reason to abstain was measured and lost more answers
    than it saved.)
    """
    words = unmentioned(knowledge, question, rules)
    if len(words) >= MIN_UNMENTIONED:
        return words
    named = [w for w in words if _is_name(question.text, w)]
    return named  # "which hospital in Brazil…": a name no source mentions


def _is_name(text: str, word: str) -> bool:
    """Is the word written as a proper name (capitalised, not opening the question)?"""
    for match in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        written = match.group()
        if match.start() > 0 and written[:1].isupper() and not written.isupper():
            return True
    return False


def unmentioned(knowledge: KnowledgeStore, question: Question, rules: QuestionRules
                ) -> list[str]:
    """The question's content words that no source sentence holds (misspellings aside)."""
    text = question.text
    spans = [m.span() for m in WORD.finditer(text)]
    words = [re.sub(r"['’]s$", "", fold(text[s:e])) for s, e in spans]
    named = {i for _, first, last in find_concepts(text, knowledge.lexicon, rules)
             for i in range(first, last)}
    candidates = [w for i, w in enumerate(words) if i not in named and len(w) >= MIN_LENGTH
                  and w.isalpha() and not w.endswith("ing")
                  and w not in rules.stopwords and w not in rules.frame_words]
    absent = knowledge.store.absent_words(candidates)
    if not absent:
        return []
    vocabulary = knowledge.store.vocabulary()
    return [w for w in absent if not _misspelt(w, vocabulary)]


def _misspelt(word: str, vocabulary: list[str]) -> bool:
    """Is the word close to one the sources use (a typo), rather than a new word?"""
    if len(word) < TYPO_MIN_LENGTH:
        return False
    return process.extractOne(word, vocabulary, scorer=fuzz.ratio,
                              score_cutoff=TYPO_CUTOFF) is not None
