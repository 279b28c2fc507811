"""A question that asks for a thing of a mouse model is not answered by the mechanism's path.

"In the mouse model of neurogenic HO after spinal cord injury, what muscle injury had to be
added to the spinal lesion for bone to form?" (set 96) names the model's nodes and "mouse",
which made it a mechanism question, and the path from the injury to bone answered it: the
page's sentence on the added injury was never shown. Only a question asking how something
comes about (how, why, leads to, which cells, …: `path_asked`) gets the path.
"""

from __future__ import annotations

import pytest

from osteon import KnowledgeBase


@pytest.mark.parametrize("question", [
    "In the mouse model of neurogenic HO after spinal cord injury, what muscle injury had to "
    "be added to the spinal lesion for bone to form?",
    "In mice with a spinal cord injury, what dose of corticosterone was given?",
])
def test_a_thing_asked_of_the_mouse_model_gets_no_path(seeded_kb: KnowledgeBase,
                                                       question: str) -> None:
    assert not seeded_kb.ask(question).answer.startswith("In mouse experiments")


@pytest.mark.parametrize("question", [
    "How does a spinal cord injury lead to bone in muscle?",
    "Which cells turn into bone after a spinal cord injury?",
])
def test_how_it_comes_about_still_gets_the_path(seeded_kb: KnowledgeBase,
                                                question: str) -> None:
    assert seeded_kb.ask(question).answer.startswith("In mouse experiments")
