"""The JSON every face answers with: one pydantic model per verb, shared by `/api` and `--json`.

A program may move between `osteon VERB --json` and `GET /api/VERB` (and the MCP tools): the
same model checks and serialises both, and `/openapi.json` shows it as the route's response
schema. The stages build the plain data (ask.views, knowledge.views, mechanism.views,
assess.render.to_dict); a model here states its shape. Each model keeps keys it does not
declare (`extra="allow"`), so a stage adding a field never breaks an answer: declare it here
so programs can see it in the schema.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

Number = int | float
"""A figure as the stage computed it (an int stays an int in the JSON)."""


class Shape(BaseModel):
    """A response model: declared fields first, any further key kept as it came."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


# -- ask and topics -----------------------------------------------------------------------


class CitationOut(Shape):
    """A source sentence a statement rests on, with the supporting span inside it."""

    doc: str
    title: str | None = None
    section: str | None = None
    sentence: int
    start: int
    end: int
    quote: str
    sentence_text: str
    span_in_sentence: list[int]
    level: str | None = None
    """The source's evidence level ("randomised trial", "patient information"), if known."""


class StatementOut(Shape):
    """One cited statement: its text, belief, polarity, figures and citations."""

    text: str
    belief: Number | None = None
    polarity: str
    figures: list[str]
    citations: list[CitationOut]


class ConflictNoteOut(Shape):
    """A disagreement between sources, each side a cited statement."""

    kind: str
    explanation: str
    sides: list[StatementOut]


class UnderstoodOut(Shape):
    """How the question was read: its type, intents, concepts, exclusions and scope."""

    type: str
    intents: list[str]
    concepts: list[str]
    excluded: list[str]
    scope: dict[str, Any]


class AnswerOut(Shape):
    """A cited answer, or `abstained` when the sources do not answer."""

    question: str
    answer: str
    abstained: bool
    evidence: list[StatementOut]
    statements: list[StatementOut]
    conflicts: list[ConflictNoteOut]
    passages: list[StatementOut]
    understood: UnderstoodOut | None
    notes: list[str]


class TopicOut(Shape):
    """A topic page there is."""

    slug: str
    title: str
    type: str
    intro: str


class TopicPageOut(TopicOut):
    """One topic page: its statements and conflicts."""

    statements: list[StatementOut]
    conflicts: list[ConflictNoteOut]


# -- facts and conflicts ------------------------------------------------------------------


class FactCitationOut(Shape):
    """Where a claim behind a fact was read, with the document offsets of its span."""

    doc: str
    title: str
    section: str | None = None
    sentence: int
    start: int
    end: int
    quote: str
    polarity: str
    level: str | None = None
    """The source's evidence level, if known."""


class ConflictRefOut(Shape):
    """A fact this one conflicts with."""

    with_: int = Field(alias="with")
    kind: str
    explanation: str


class FactOut(Shape):
    """What the sources say together: an assertion with belief, support and conflicts."""

    id: int
    statement: str
    subject: str
    predicate: str
    object: str
    object_is_text: bool
    polarity: str
    context: str
    belief: Number
    confidence: Number
    confirmed: bool
    status: str
    scope: dict[str, Any]
    documents: int
    independent_sources: int
    claims: int
    qualifiers: dict[str, Any]
    citations: list[FactCitationOut]
    conflicts: list[ConflictRefOut]


class ConflictOut(Shape):
    """Where the sources disagree: both facts in full."""

    kind: str
    family: str | None = None
    explanation: str
    a: FactOut
    b: FactOut


# -- sources ------------------------------------------------------------------------------


class SourceOut(Shape):
    """A stored document as `osteon sources` lists it."""

    id: str
    title: str
    kind: str
    format: str
    origin: str
    content_hash: str
    sections: int
    sentences: int
    ingested_at: str


class SentenceOut(Shape):
    idx: int
    start: int
    end: int
    text: str


class DocumentClaimOut(Shape):
    """A claim read from a document, as a sentence, with its quote and span."""

    text: str
    subject: str
    predicate: str
    object: str
    polarity: str
    sentence: int
    quote: str
    span_in_sentence: list[int]


class DocumentOut(Shape):
    """One document: its cleaned text, sentences and the claims read from them."""

    id: str
    title: str
    kind: str
    format: str
    origin: str
    text: str
    sentences: list[SentenceOut]
    claims: list[DocumentClaimOut]


class IngestOutcomeOut(Shape):
    """What happened to one input (a file, or one article of a PubMed file)."""

    source: str
    status: str
    doc_id: str | None = None
    title: str | None = None
    sentences: int = 0
    message: str = ""
    notes: list[str] = []


class UploadOut(Shape):
    """An uploaded document: where it is shown and what happened to each input."""

    doc: str
    message: str
    url: str
    outcomes: list[IngestOutcomeOut]


# -- assess -------------------------------------------------------------------------------


class PatientOut(Shape):
    """The patient as read: the recognised facts (the record itself is not echoed)."""

    id: str | None = None
    age: Number | None = None
    sex: str | None = None
    facts: list[dict[str, Any]]


class AssessmentOut(Shape):
    """One patient's assessment: six sections of cited items, deadlines, what was not read."""

    patient: PatientOut
    risk_factors: list[dict[str, Any]]
    prophylaxis: list[dict[str, Any]]
    surveillance: list[dict[str, Any]]
    differential: list[dict[str, Any]]
    treatment: list[dict[str, Any]]
    cautions: list[dict[str, Any]]
    not_recognised: list[dict[str, Any]]
    warnings: list[str]
    deadlines: list[dict[str, Any]]
    at: str
    disclaimer: str


# -- mechanism ----------------------------------------------------------------------------


class EdgeOut(Shape):
    """A signed causal edge with the sentences that state it, or the assumption behind it."""

    source: str
    target: str
    sign: int
    role: str
    predicates: list[str]
    in_dynamics: bool
    assumption: str | None = None
    note: str | None = None
    citations: list[dict[str, Any]]


class AssumptionOut(Shape):
    """A choice the model makes that no source states, with its reason."""

    text: str
    reason: str


class FitOut(Shape):
    """Parameters fitted to a figure a source gives, and the sentence."""

    parameters: list[str]
    observable: str
    target: list[float]
    unit: str
    figure: str
    source: dict[str, str]


class GraphOut(Shape):
    """The mechanism's nodes and edges, its assumptions and fitted parameters."""

    nodes: list[str]
    edges: list[EdgeOut]
    assumptions: list[AssumptionOut] = []
    fitted: list[FitOut] = []


class RunOut(Shape):
    """A simulated scenario: the scenario, the end-of-run summary, every time series."""

    scenario: dict[str, Any]
    summary: dict[str, float]
    t: list[float]
    series: dict[str, list[float]]


class SimulationOut(RunOut):
    """A run as the web's simulator asks for it: its label and the untreated summary beside."""

    label: str
    untreated: dict[str, float] | None = None


def dump(model: type[Shape], data: Any, *, many: bool = False) -> Any:
    """`data` (a stage's plain view) checked against `model` and made JSON data."""
    adapter: TypeAdapter[Any] = TypeAdapter(list[model] if many else model)  # type: ignore[valid-type]
    return adapter.dump_python(adapter.validate_python(data), mode="json", by_alias=True)
