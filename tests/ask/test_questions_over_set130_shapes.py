"""Question shapes set 130 brought (issue 14): a pet page on a dietary toxicity, a photo
quiz on a small bone behind the knee, a vet page on hidden deposits. The pages here are our
own, in the same shapes.

"How do vets diagnose vitamin A toxicity?" had been read as asking a treatment's harms (the
word "toxicity"); "when would a surgeon think about taking it out?" as asking a time; "how
is it found?" as nothing in particular; and a run of sentences that each point back ("The
fabella is … It is directly behind … It is present in …") joined the answer only one
sentence deep, and not at all when the first "It is … to the" was taken for an "It is
important to …" that points forward.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

TOXICITY = ("Hypervitaminosis A in ferrets\n\n"
            "Hypervitaminosis A comes from a diet rich in liver.\n"
            "Too much vitamin A can be harmful to ferrets.\n"
            "Signs of vitamin A toxicity take years to appear in ferrets.\n"
            "The diagnosis rests on the diet and on radiographs of the spine.\n")

KNEE = ("The cyamella\n\n"
        "The cyamella is a small sesamoid bone in the popliteus tendon of the knee.\n"
        "It is directly lateral to the femoral condyle.\n"
        "It is present in 2 to 4 per cent of knees on radiographs.\n"
        "Cyamella pain is treated first with rest and ice.\n"
        "If conservative measures fail after about a year, surgical excision of the cyamella "
        "may be considered.\n")

DEPOSITS = ("Spinal calcinosis in ferrets\n\n"
            "Calcinosis of the ferret spine lies deep near the spinal cord.\n"
            "These deposits cannot be felt through the skin.\n"
            "Spinal calcinosis is found with computed tomography.\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path_factory.mktemp("pages"),
                        {"ferret_toxicity.txt": TOXICITY, "cyamella.txt": KNEE,
                         "ferret_spine.txt": DEPOSITS}) as opened:
        yield opened


@pytest.mark.parametrize(("question", "expected"), [
    ("How do vets diagnose vitamin A toxicity in a ferret?", "radiographs of the spine"),
    ("When would a surgeon think about taking the cyamella out?", "after about a year"),
    ("How many people have a cyamella?", "2 to 4 per cent"),
    ("If the ferret's spinal deposits can't be felt, how are they found?",
     "computed tomography"),
])
def test_the_sentence_that_answers_is_quoted(kb, question: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in readable_text(answer), readable_text(answer)


@pytest.mark.parametrize(("question", "intent", "not_intent"), [
    ("How do vets diagnose vitamin A toxicity in a ferret?", "diagnosis", "harms"),
    ("What causes fluoride toxicity?", "cause", "harms"),
    ("Where in a ferret is the extra bone from vitamin A toxicity laid down?", "site",
     "harms"),
    ("When would a surgeon think about taking the cyamella out?", "indication", "onset"),
    ("If the deposits can't be felt, how are they found?", "diagnosis", None),
])
def test_what_the_question_asks(question: str, intent: str, not_intent: str | None) -> None:
    intents = understand(question, load_lexicon()).intents
    assert intent in intents and not_intent not in intents, intents


def test_the_side_effects_of_a_drug_still_ask_its_harms() -> None:
    intents = understand("What is the toxicity of etidronate, and what are its side effects?",
                         load_lexicon()).intents
    assert "harms" in intents, intents


@pytest.mark.parametrize(("question", "found"), [
    ("When would a surgeon think about taking the cyamella out?", True),
    ("Can they take it out?", True),
    ("Did the pain in my right hip go away?", False),
    ("I have broken bones in the lower part of my back", False),
])
def test_an_operation_said_with_its_object_between(question: str, found: bool) -> None:
    related = understand(question, load_lexicon()).related
    assert ("excision" in related) is found, related
