"""Topic pages: every assertion that answers one type of question about HO, cited.

A topic is a question type of questions.yaml (its predicates, where the concept
sits) asked about one concept, answered with all the assertions that fit rather
than the first few an answer shows. Nothing here is written by hand: the pages
are what the knowledge base says now, so a new document changes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pydantic import Field

from osteon.ask.answer import conflict_notes, facts_for
from osteon.ask.citing import statement_of
from osteon.ask.records import ConflictNote, Question, Statement
from osteon.ask.understand import question_rules
from osteon.datafiles import Strict, load_model
from osteon.errors import OsteonError
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.records import EXPERIMENTAL_SETTINGS


class TopicSpec(Strict):
    """One topic as data/ask/topics.yaml states it."""

    slug: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    type: str
    intro: str


class TopicRules(Strict):
    """The topics file: the concept they are about, how many statements a page shows."""

    concept: str
    limit: int = Field(gt=0)
    topics: tuple[TopicSpec, ...]

    def named(self, slug: str) -> TopicSpec:
        for topic in self.topics:
            if topic.slug == slug:
                return topic
        raise OsteonError(f"no topic {slug!r}; topics: "
                          + ", ".join(t.slug for t in self.topics))


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic page: clinical statements and experimental findings (strongest first), conflicts."""

    spec: TopicSpec
    clinical: tuple[Statement, ...]
    experimental: tuple[Statement, ...]
    """From experiments (the assertion's context is the mouse model or cells)."""
    conflicts: tuple[ConflictNote, ...]

    @property
    def statements(self) -> tuple[Statement, ...]:
        return self.clinical + self.experimental


@cache
def topic_rules() -> TopicRules:
    """Topics from data/ask/topics.yaml, each naming a question type that exists."""
    rules = load_model(TopicRules, "ask", "topics.yaml")
    types = question_rules()
    for topic in rules.topics:
        if types.type_named(topic.type) is None:
            raise OsteonError(f"data/ask/topics.yaml: {topic.slug} names no question type "
                              f"{topic.type!r}")
    return rules


def topic(knowledge: KnowledgeStore, slug: str, *, sources: int = 3) -> Topic:
    """The page for one topic, from the knowledge as it stands."""
    rules = topic_rules()
    spec = rules.named(slug)
    qtype = question_rules().type_named(spec.type)
    assert qtype is not None  # checked when the rules were loaded
    question = Question(text=spec.title, type=qtype.name, concepts=(rules.concept,), words=())
    facts = facts_for(knowledge, question, qtype, limit=rules.limit)
    def cited(model: bool) -> tuple[Statement, ...]:
        return tuple(statement_of(knowledge, f, sources) for f in facts
                     if (f.assertion.context in EXPERIMENTAL_SETTINGS) == model)

    return Topic(spec, cited(False), cited(True),
                 conflict_notes(knowledge, facts, sources, limit=rules.limit))
