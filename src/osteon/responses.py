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

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    TypeAdapter,
    model_serializer,
)

Number = int | float
"""A figure as the stage computed it (an int stays an int in the JSON)."""


class Shape(BaseModel):
    """A response model: declared fields first, any further key kept as it came."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Sparse(Shape):
    """A shape whose fields are each given only when said: a field the view left out stays out.

    A scope names only the fields it restricts (`Scope.as_dict`), merged qualifiers only the
    kinds of number they hold: the default a field shows in the schema is what its absence
    means, and the JSON is the view's, key for key.
    """

    @model_serializer(mode="wrap")
    def _only_what_was_said(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        # No return annotation: with one, pydantic would take it as the schema of the output
        # and /openapi.json would show `{}` instead of the fields.
        data = handler(self)
        declared = type(self).model_fields
        return {key: value for key, value in data.items()
                if key in self.model_fields_set or key not in declared}


# -- shared pieces ------------------------------------------------------------------------


class ScopeOut(Sparse):
    """Whom a statement is about (reading.records.Scope): each list only when it is said.

    An absent field means "not said", never "all".
    """

    family: list[str] = []
    """"genetic" and/or "acquired"."""
    population: list[str] = []
    """Concept ids of the index events or populations it is restricted to."""
    species: list[str] = []
    """Organism concept ids of an animal-model setting ("mouse")."""
    severity: list[str] = []
    """The subset of cases by how severe they are ("clinically_significant")."""


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
    scope: ScopeOut


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


class QualifierValueOut(Sparse):
    """One number on a fact (knowledge.records.QualifierValue), with the documents giving it."""

    kind: str
    """quantity, timing or dose."""
    low: Number | None
    high: Number | None
    unit: str | None
    text: str
    """The figure as its sentence writes it."""
    approximate: bool
    relation: str | None
    """How a timing relates to its anchor ("within", "after", "by")."""
    anchor: str | None
    """The event a timing counts from ("surgery")."""
    fractions: int | None
    """For a dose: how many fractions it is given in."""
    documents: list[str]
    scope: ScopeOut | None = None
    """Whom the documents give it for: left out when they do not say."""


class RangeOut(Shape):
    """The union range of one kind and unit of number across an assertion's claims."""

    low: Number
    high: Number
    unit: str


class QualifiersOut(Sparse):
    """An assertion's merged numbers and sites (knowledge.records.MergedQualifiers).

    Each field is given only when there is something in it.
    """

    values: list[QualifierValueOut] = []
    """Every distinct figure, with the documents that give it: differing figures are shown,
    never averaged."""
    ranges: dict[str, RangeOut] = {}
    """Keyed "kind (unit)": the union range of those figures."""
    sites: list[str] = []
    """Body sites (anatomy concept ids) the claims name."""


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
    scope: ScopeOut
    documents: int
    independent_sources: int
    claims: int
    qualifiers: QualifiersOut
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


class PatientFactOut(Shape):
    """One thing known about the patient, mapped to a lexicon concept (assess PatientFact)."""

    kind: str
    """condition, procedure, injury, finding, lab, medication or allergy."""
    concept: str
    label: str
    """What the input called it."""
    when: str | None
    """Onset, procedure, lab or medication start time, ISO 8601 in UTC."""
    date_only: bool
    """The input gave a day without a time: deadlines from it are approximate."""
    ended: str | None
    end_date_only: bool
    sites: list[str]
    status: str
    """active, resolved, history, planned, stopped, absent or possible."""
    value: Number | None
    unit: str | None
    high: bool | None
    """For labs: above the reference range (null: the input does not say)."""
    matched_by: str
    source: str
    """Where it came from in the input (a FHIR resource id or a JSON path)."""
    how: str
    """The mapping in words: which code or text met which name."""
    laterality: str | None
    read_in: str = ""
    """The clause of free text it was read from (empty for a coded entry)."""
    displays: list[str] = []
    """Its codes' wordings besides the label (a coded operation's display may say what its
    text leaves out, "diaphysaire": at the shaft)."""


class CodeOut(Shape):
    """A terminology code as the input gave it."""

    system: str
    code: str
    display: str | None


class NotRecognisedOut(Shape):
    """An input entry no concept was found for: shown, never guessed at."""

    kind: str
    text: str
    codes: list[CodeOut]
    source: str
    status: str
    """The record's status for the entry: active, resolved, absent (refuted), planned, ..."""


class PatientOut(Shape):
    """The patient as read: the recognised facts (the record itself is not echoed)."""

    id: str | None = None
    age: Number | None = None
    sex: str | None = None
    facts: list[PatientFactOut]


class RecordCitationOut(Shape):
    """A cited sentence as the assessment's records hold it (ask.records.Citation)."""

    doc: str
    title: str | None
    section: str | None
    sentence: int
    start: int
    """Document offset of the supporting span."""
    end: int
    quote: str
    sentence_text: str
    span_start: int
    """Offset of the span inside `sentence_text`."""
    span_end: int
    level: str | None
    """The source's evidence level, if known."""


class RecordStatementOut(Shape):
    """A cited statement as the assessment's records hold it (ask.records.Statement)."""

    text: str
    belief: Number | None
    citations: list[RecordCitationOut]
    polarity: str
    figures: list[str]


class RecordConflictOut(Shape):
    """Where the sources behind an item disagree: both sides."""

    kind: str
    explanation: str
    sides: list[RecordStatementOut]


class TimeWindowOut(Shape):
    """A source's timing made concrete for this patient, or said to be impossible to."""

    text: str
    """The timing as the source writes it ("within 24–48 hours of surgery")."""
    relation: str | None
    anchor: str | None
    anchor_event: str | None
    """The patient's event the timing counts from."""
    anchor_time: str | None
    start: str | None
    end: str | None
    status: str
    """open, closing, passed, not_started, in_window, before_window, after_window, unknown."""
    summary: str
    """One line for the clinician."""
    date_only: bool
    """The event it counts from has a day but no time: the bounds are approximate."""


class ItemOut(Shape):
    """One thing the assessment says, with its evidence and what in the patient triggered it."""

    rule: str
    """The rule (data/assess/rules.yaml) that produced it."""
    text: str
    statement: RecordStatementOut
    """The assertion as a cited statement (at least one citation, always)."""
    predicate: str
    subject: str
    object: str
    belief: Number
    polarity: str
    figures: list[str]
    matched: list[str]
    """The patient facts that made this item apply."""
    timing: list[TimeWindowOut]
    conflicts: list[RecordConflictOut]
    notes: list[str]
    """Patient-specific remarks (already taking it, an allergy to its class, ...)."""
    also: list[RecordStatementOut]
    """The same said with less certainty, cited."""


class DeadlineOut(Shape):
    """A window still open, as one sentence, then the window's fields (as TimeWindowOut)."""

    what: str
    sentence: str
    text: str
    relation: str | None
    anchor: str | None
    anchor_event: str | None
    anchor_time: str | None
    start: str | None
    end: str | None
    status: str
    summary: str
    date_only: bool


class AssessmentOut(Shape):
    """One patient's assessment: six sections of cited items, deadlines, what was not read."""

    patient: PatientOut
    risk_factors: list[ItemOut]
    prophylaxis: list[ItemOut]
    surveillance: list[ItemOut]
    differential: list[ItemOut]
    treatment: list[ItemOut]
    cautions: list[ItemOut]
    not_recognised: list[NotRecognisedOut]
    warnings: list[str]
    deadlines: list[DeadlineOut]
    at: str
    disclaimer: str


# -- mechanism ----------------------------------------------------------------------------


class EdgeCitationOut(Shape):
    """A sentence that states an edge, with the assertion it was merged into."""

    assertion_id: int
    statement: str
    doc_id: str
    sentence_idx: int
    quote: str
    span_start: int
    """Offset of the quote inside its sentence."""
    span_end: int


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
    citations: list[EdgeCitationOut]


class AssumptionOut(Shape):
    """A choice the model makes that no source states, with its reason."""

    text: str
    reason: str


class FitSourceOut(Shape):
    """The sentence a fitted figure comes from."""

    doc: str
    quote: str


class FitOut(Shape):
    """Parameters fitted to a figure a source gives, and the sentence."""

    parameters: list[str]
    observable: str
    target: list[float]
    unit: str
    figure: str
    source: FitSourceOut


class GraphOut(Shape):
    """The mechanism's nodes and edges, its assumptions and fitted parameters."""

    nodes: list[str]
    edges: list[EdgeOut]
    assumptions: list[AssumptionOut] = []
    fitted: list[FitOut] = []


class ScenarioOut(Shape):
    """What is done to the mouse (mechanism.records.Scenario)."""

    injuries: list[str]
    interventions: list[str]
    inhibit: dict[str, Number]
    """Node → fraction of its activity removed (a knockout is 1.0)."""
    overexpress: dict[str, Number]
    """Node → level added toward its maximum."""
    stimuli: list[str]
    days: Number


class RunOut(Shape):
    """A simulated scenario: the scenario, the end-of-run summary, every time series."""

    scenario: ScenarioOut
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
