"""One phrase of a question counts once for a type, so a second intent asked in another
phrase is not crowded out.

"Who wrote it, and which journal published it?" matched three wordings of `publication`
("which journal", "journal … published", "and which journal") in one phrase; summed, they
outweighed `authors` (one wording) so that the byline was never sought (set 61's note).
"""

from __future__ import annotations

import pytest

from osteon.ask.understand import question_rules, scored_types, understand
from osteon.reading.lexicon import load_lexicon


@pytest.mark.parametrize(("question", "both"), [
    ("Who wrote the case report on the frozen elbow, and which journal published it?",
     {"authors", "publication"}),
    ("Which journal published the shoulder case, and in what year?", {"publication", "year"}),
    ("At which hospital was the study done, and what was the average follow-up?",
     {"institution", "average"}),
])
def test_a_second_intent_in_its_own_phrase_is_kept(question: str, both: set[str]) -> None:
    assert both <= set(understand(question, load_lexicon()).intents)


def test_wordings_of_one_phrase_count_once_and_each_phrase_counts() -> None:
    rules = question_rules()
    strength = next(t.strength for t in rules.types if t.name == "publication")
    one = {t.name: t.score for t in scored_types("Which journal published it?", [], rules)}
    two = {t.name: t.score for t in scored_types(
        "Which journal published it, and what is its DOI?", [], rules)}
    assert one["publication"] == strength
    assert two["publication"] == 2 * strength
