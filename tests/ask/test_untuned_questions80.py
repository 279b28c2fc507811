"""Questions the dev set 80 found misread (issue 14): the situation told after the asking
words; "what brings it on" with the condition named between; "which factors are associated";
"told apart".

"What can HO be mistaken for when a joint is red, swollen and warm?" asks a differential;
the joint's redness says when the asker meets it, and had made the question a symptom
question. A situation clause counts only when the asking words themselves ask nothing.
"""

from __future__ import annotations

import pytest

from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon


@pytest.mark.parametrize("question,intent", [
    ("What other conditions can HO be mistaken for when a knee is red, hot and swollen?",
     "differential"),
    ("Which treatments are used if the hip is stiff and painful?", "treatment"),
    ("What usually brings myositis ossificans on?", "cause"),
    ("Was the bone brought on by the fall?", "cause"),
    ("Which surgical factors have been linked with HO forming afterwards?", "cause"),
    ("Without a history of trauma, what must the lump be told apart from?", "differential"),
])
def test_the_asking_words_decide_the_intent(question: str, intent: str) -> None:
    assert understand(question, load_lexicon()).intents[0] == intent


@pytest.mark.parametrize("question", [
    "What should I look for if my knee is swollen and warm?",
    "When is a joint red and swollen after surgery?",
])
def test_a_situation_is_still_read_when_nothing_else_is_asked(question: str) -> None:
    assert "symptoms" in understand(question, load_lexicon()).intents
