"""Typed records the reading stage produces and hands to knowledge.

Offsets in `Mention`, `Quantity` and `Evidence` are character offsets into
the sentence text they were read from (`Sentence.text`), and `Evidence` also
carries the document offsets, so a claim can always be shown in its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

ConceptType = Literal[
    "condition", "procedure", "drug", "test", "finding", "anatomy", "cell", "molecule",
    "process", "organism",
]
Polarity = Literal["asserted", "negated", "hedged"]

MOUSE_MODEL = "mouse model"
"""The context of claims read in a mouse-model setting (the `model_context` label of
data/reading/relations.yaml): one constant for every stage that tells clinical statements from
animal experiments."""

CELL_EXPERIMENTS = "cell experiments"
"""The context of claims read where cells are studied outside a body ("in vitro", "iPS cells
from FOP patients … replicated the symptom outside their bodies"): a drug that stops bone
forming in a dish has not been shown to prevent it in anyone."""

EXPERIMENTAL_SETTINGS = (MOUSE_MODEL, CELL_EXPERIMENTS)
"""Every experimental setting a `model_context` label may name: none advises on a patient,
and none answers a clinical question."""

CLINICAL_PREDICATES = (
    "is_a", "synonym_of", "risk_factor_for", "incidence_in", "symptom_of", "sign_of",
    "diagnostic_test_for", "not_useful_for_diagnosis", "treats", "prevents", "not_effective_for",
    "complication_of", "differential_diagnosis_of", "occurs_at_site", "onset_after",
    "recurrence_rate", "prognosis", "part_of_process", "recommended_for", "caution",
)
MECHANISTIC_PREDICATES = (
    "increases", "decreases", "produces", "binds", "expressed_by", "differentiates_into",
    "induces_apoptosis_of", "inhibits", "activates", "required_for",
)
PREDICATES = CLINICAL_PREDICATES + MECHANISTIC_PREDICATES
"""The predicate vocabulary of DESIGN.md; relation rules may use no other."""


def same_meaning(predicate: str, polarity: str) -> tuple[str, str]:
    """The form a claim is compared in: "does not prevent" is "not effective for".

    Reading keeps the words of the source (prevents, negated); deduplication, scoring
    and later conflict finding compare claims in this one form.
    """
    if predicate == "prevents" and polarity == "negated":
        return "not_effective_for", "asserted"
    return predicate, polarity


@dataclass(frozen=True, slots=True)
class Code:
    """A code for a concept in a terminology, and whether it was checked against its source."""

    system: str
    code: str
    display: str | None = None
    confirmed: bool = True


@dataclass(frozen=True, slots=True)
class Concept:
    """A lexicon entry: one idea with every name it goes by."""

    id: str
    name: str
    type: ConceptType
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    codes: tuple[Code, ...] = ()
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number read from text, normalised, with the words it was read from.

    `low`/`high` hold a range (equal for a single value; None where the text
    gives only a unit, as in "years later"); `unit` is normalised ("%", "Gy",
    "mg", "hour", "day", "week", "month", "year", ...).
    """

    kind: Literal["proportion", "dose", "duration", "count", "measurement"]
    low: float | None
    high: float | None
    unit: str | None
    text: str
    start: int
    end: int
    approximate: bool = False
    relation: str | None = None
    """How a duration relates to its anchor: within, after, before, earlier_than, ..."""
    anchor: str | None = None
    """What a duration is measured from, as written ("surgery", "onset")."""
    fractions: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A concept found in a sentence, with its ConText status."""

    concept_id: str
    start: int
    end: int
    text: str
    negated: bool = False
    hedged: bool = False
    historical: bool = False
    hypothetical: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim was read: document, sentence, and the span inside the sentence."""

    doc_id: str
    sentence_idx: int
    section: str | None
    span_start: int
    span_end: int
    sentence_start: int
    sentence_end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Scope:
    """Whom a statement is about, as its sentence, section and title restrict it.

    `family`: "genetic" (FOP, progressive osseous heteroplasia) and/or "acquired"
    (traumatic, neurogenic, post-surgical HO); `population`: concept ids of the index
    events or populations it is restricted to ("after total hip arthroplasty", "in SCI
    patients"); `species`: organism concept ids of an animal-model setting ("mouse");
    `severity`: the subset of cases by how severe they are, as its sentence names it
    ("clinically significant HO": a figure for those is not one for every case).
    An empty tuple means "not said", never "all". For an assertion each field is the
    union over its claims.
    """

    family: tuple[str, ...] = ()
    population: tuple[str, ...] = ()
    species: tuple[str, ...] = ()
    severity: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.family or self.population or self.species or self.severity)

    def union(self, other: Scope) -> Scope:
        """Both scopes together (each field's members, in first-seen order)."""
        return Scope(*(tuple(dict.fromkeys(a + b)) for a, b in (
            (self.family, other.family), (self.population, other.population),
            (self.species, other.species), (self.severity, other.severity))))

    def fits(self, wanted: Scope) -> bool:
        """True unless a field both scopes state shares no member (ids compared exactly).

        knowledge.scope.scope_fits also lets a population meet its kinds.
        """
        return all(not mine or not theirs or set(mine) & set(theirs) for mine, theirs in (
            (self.family, wanted.family), (self.population, wanted.population),
            (self.species, wanted.species), (self.severity, wanted.severity)))

    def as_dict(self) -> dict[str, list[str]]:
        """The fields that are said, for JSON."""
        return {name: list(getattr(self, name)) for name in SCOPE_FIELDS if getattr(self, name)}

    @classmethod
    def from_dict(cls, raw: object) -> Scope:
        """The inverse of as_dict (anything else gives the empty scope)."""
        if not isinstance(raw, dict):
            return cls()
        return cls(*(tuple(str(v) for v in raw.get(name, ()) or ()) for name in SCOPE_FIELDS))


SCOPE_FIELDS = ("family", "population", "species", "severity")
"""Scope's fields, in order, as JSON names them."""


NumberKind = Literal["quantity", "timing", "dose"]
NUMBER_KINDS: tuple[NumberKind, ...] = ("quantity", "timing", "dose")
"""The number qualifiers a claim may carry: a proportion, a timing, a dose."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a claim carries, as its sentence says it (a Quantity without its offsets)."""

    text: str
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    relation: str | None = None
    anchor: str | None = None
    fractions: int | None = None
    approximate: bool = False

    @classmethod
    def of(cls, quantity: Quantity) -> Figure:
        return cls(quantity.text, quantity.low, quantity.high, quantity.unit, quantity.relation,
                   quantity.anchor, quantity.fractions, quantity.approximate)

    def as_dict(self) -> dict[str, object]:
        """The stored form: the text and every field that is set."""
        data: dict[str, object] = {"text": self.text}
        for key in ("low", "high", "unit", "relation", "anchor", "fractions"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.approximate:
            data["approximate"] = True
        return data

    @classmethod
    def from_dict(cls, raw: object) -> Figure | None:
        """The inverse of as_dict (None for anything that is not a stored figure)."""
        if not isinstance(raw, dict):
            return None

        def number(value: object) -> float | None:
            return value if isinstance(value, int | float) and not isinstance(value, bool) \
                else None

        def text(value: object) -> str | None:
            return None if value is None else str(value)

        fractions = raw.get("fractions")
        return cls(str(raw.get("text", "")), number(raw.get("low")), number(raw.get("high")),
                   text(raw.get("unit")), text(raw.get("relation")), text(raw.get("anchor")),
                   fractions if isinstance(fractions, int) else None,
                   bool(raw.get("approximate", False)))


@dataclass(frozen=True, slots=True)
class Qualifiers:
    """What a claim says beyond subject, predicate and object: its numbers, sites, setting.

    Frozen like the claim: reading builds a new record (`given`) rather than filling one
    in, and JSON exists only where the stores write and read it (`as_dict`/`from_dict`).
    """

    quantity: Figure | None = None
    """A proportion (an incidence, a rate)."""
    timing: Figure | None = None
    """A duration with its relation and anchor ("within 72 hours of surgery")."""
    dose: Figure | None = None
    sites: tuple[str, ...] = ()
    """Anatomy the sentence names besides the claim's own arguments, by lexicon name."""
    context: str | None = None
    """The experimental setting (one of EXPERIMENTAL_SETTINGS) the sentence stands in; None:
    clinical."""
    via: str | None = None
    """How the subject acts, where a relation rule says (a mutation)."""

    def figure(self, kind: str) -> Figure | None:
        """The number qualifier of this kind (None for a kind that is not a number)."""
        return getattr(self, kind) if kind in NUMBER_KINDS else None

    def figures(self) -> list[tuple[NumberKind, Figure]]:
        """Every number qualifier that is set, with its kind."""
        return [(k, f) for k in NUMBER_KINDS if (f := getattr(self, k)) is not None]

    def given(self, **values: object) -> Qualifiers:
        """These qualifiers with the given ones set where nothing is yet (the first wins)."""
        unset = {k: v for k, v in values.items() if v and not getattr(self, k)}
        return replace(self, **unset) if unset else self  # type: ignore[arg-type]

    def as_dict(self) -> dict[str, object]:
        """The stored (JSON) form: keys only for what is said."""
        data: dict[str, object] = {k: f.as_dict() for k, f in self.figures()}
        if self.sites:
            data["site"] = list(self.sites)
        for key in ("context", "via"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data

    @classmethod
    def from_dict(cls, raw: object) -> Qualifiers:
        """The inverse of as_dict; keys it does not know (a stored scope) are left alone."""
        if not isinstance(raw, dict) or not raw:
            return NO_QUALIFIERS
        site = raw.get("site")
        sites = (site,) if isinstance(site, str) else tuple(
            str(s) for s in site) if isinstance(site, list | tuple) else ()
        context, via = raw.get("context"), raw.get("via")
        return cls(Figure.from_dict(raw.get("quantity")), Figure.from_dict(raw.get("timing")),
                   Figure.from_dict(raw.get("dose")), sites,
                   str(context) if context else None, str(via) if via else None)


NO_QUALIFIERS = Qualifiers()


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement a sentence makes: subject, predicate, object, polarity, qualifiers."""

    subject: str
    predicate: str
    object: str
    polarity: Polarity
    evidence: Evidence
    object_is_text: bool = False
    """True when the object is free text (definitions, prognoses), not a concept id."""
    qualifiers: Qualifiers = NO_QUALIFIERS
    rule: str = ""
    """The trigger pattern that produced the claim, for audit and evaluation."""
    scope: Scope = field(default_factory=Scope)
    """Whom the claim is about (see Scope); stored in the qualifiers column as "scope"."""


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What reading one version of one document produced: what the claim store is handed."""

    doc_id: str
    content_hash: str
    claims: list[Claim]
    mentions: list[tuple[int, Mention]]
    """Each mention with the index of the sentence it is in."""
    skipped_sentences: int = 0
    """Sentences too long to read (see pipeline.MAX_SENTENCE_CHARS)."""


@dataclass(frozen=True, slots=True)
class SentenceSetting:
    """Where a sentence stands: its document, section, neighbours and setting."""

    doc_id: str
    sentence_idx: int
    sentence_start: int
    sentence_kind: str
    section_path: tuple[str, ...] = ()
    category: str | None = None
    heading_mentions: tuple[Mention, ...] = ()
    title_mentions: tuple[Mention, ...] = ()
    previous_mentions: tuple[Mention, ...] = ()
    earlier_mentions: tuple[Mention, ...] = ()
    """Mentions of the sentence before the previous one, in the same paragraph: where "it"
    points when the previous sentence names nothing it could be ("ALP rises late. Weekly
    tests catch the peak. It is not useful after fractures.")."""
    model_context: str | None = None
    document_species: tuple[str, ...] = ()
    """The organisms the document is about (its title's, or its opening sentence's "… in
    dogs"), for a sentence not said of people: scope's last resort for a species."""
    lead_in: Polarity | None = None
    """For a list item: the polarity of the sentence that introduces its list, when that
    sentence doubts or denies what follows ("While not proven, the following may help:")."""
    topic_named: bool = True
    """May the topic stand for what the document leaves unnamed? Not on a page that never
    names it and is headed by another condition or process ("What is penile ossification?"):
    its "the condition" and "it" stand for what it is about, not for the topic by default."""

    def default_topic(self, topic: str) -> list[str]:
        """The topic, where nothing nearer is named, unless the page is about something else.

        A page headed by another condition ("What is penile ossification?") that never names
        the topic: what it leaves unnamed does not fall back to the topic (`topic_named`).
        """
        return [topic] if self.topic_named else []
