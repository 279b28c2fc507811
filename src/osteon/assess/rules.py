"""The assess rule files, loaded into checked value objects.

`data/assess/rules.yaml` says which patient facts open which section and which
assertions feed it; `data/assess/timing.yaml` how a source's timing anchors
("surgery", "onset") map to the patient's dates. A typo fails at load time
naming the file and the entry (extra keys forbidden).
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field, field_validator

from osteon.assess.records import SECTIONS
from osteon.datafiles import Strict, any_of, check_regex, load_model
from osteon.reading.quantity_rules import check_relations, quantity_rules
from osteon.reading.records import PREDICATES

Polarity = Literal["asserted", "hedged", "negated"]
TRIGGERS = ("established", "presentation", "labs", "surgery")
ROLES = ("any", "target", "patient", "patient_recent", "patient_planned", "patient_injuries",
         "injury_kinds", "patient_findings", "labs", "differentials", "target_or_differentials")
Family = Literal["acquired", "genetic"]


def _check_role(value: str) -> str:
    if value in ROLES or (value.startswith("section:") and value[8:] in SECTIONS):
        return value
    raise ValueError(f"unknown role {value!r}; choose from {', '.join(ROLES)} or section:NAME")


class Rule(Strict):
    """One way assertions enter a section (see the comments at the top of rules.yaml)."""

    id: str
    section: str
    when: list[str] = []
    predicates: list[str] = Field(min_length=1)
    polarities: list[Polarity] = ["asserted", "hedged"]
    subject: str = "any"
    object: str = "any"
    sites: Literal["patient_findings"] | None = None
    subject_types: list[str] = []
    """Only subjects of these lexicon types (test, drug, ...); empty: any type."""
    limit: int | None = Field(default=None, ge=1)
    beside: bool = False
    """Its items sit right after the item about the same subject (a harm the sources state
    about a suggested intervention, next to the intervention)."""
    families: list[Family] = []
    """The rule runs only for a patient of one of these condition families (FOP: genetic)."""
    unscoped_family: Family | None = None
    """The family a claim naming none is taken to be about: advice the sources give for HO
    at large (radiation, excision) is about acquired HO, no advice for FOP and its kin."""
    indicator: Literal["info", "warning", "critical"] | None = None
    """The CDS card of its section is at least this urgent when it holds one of its items
    (a planned biopsy in FOP is a warning, not the section's usual info)."""
    population_bound: bool = False
    """Only statements that name no people, or people the patient is one of: infections
    "associated with more neurogenic HO in victims of brain and spinal cord injuries" are no
    risk the sources give for a pneumonia alone."""
    population_free: list[str] = []
    """Subjects (and their kinds) a population_bound rule takes whoever the people named."""
    family_only: bool = False
    """Only statements the sources make of the patient's condition families and of no other:
    one also said of acquired HO ("trauma causes HO") would be quoted from any of its
    sentences, perhaps one about a hip operation."""
    quote: bool = False
    """Its items read as the source sentence, after the subject's name: a caution is given
    in the source's own words ("Trauma: ... a condition that causes injured tissues to be
    replaced by heterotopic bone"), not as a rewording of the claim."""
    outweighs: list[str] = []
    """Sections whose items about the same subject, believed less than this rule's item, are
    left out of them (a strong "not effective" keeps a weak "may be used" out of the advice;
    the caution stays, its conflict note citing the other side)."""
    quote_name: Literal["subject", "object"] = "subject"
    """Whose name leads a quoted item: a recurrence after an excision is a caution about
    the excision ("Surgical resection: … recurrence may occur with rates …")."""

    @field_validator("predicates")
    @classmethod
    def _known_predicates(cls, value: list[str]) -> list[str]:
        for predicate in value:
            if predicate not in PREDICATES:
                raise ValueError(f"unknown predicate {predicate!r}")
        return value

    @field_validator("section")
    @classmethod
    def _known_section(cls, value: str) -> str:
        if value not in SECTIONS:
            raise ValueError(f"unknown section {value!r}; choose from {', '.join(SECTIONS)} "
                             "(data/assess/sections.yaml)")
        return value

    @field_validator("outweighs")
    @classmethod
    def _known_sections(cls, value: list[str]) -> list[str]:
        for name in value:
            cls._known_section(name)
        return value

    @field_validator("when")
    @classmethod
    def _known_triggers(cls, value: list[str]) -> list[str]:
        for name in value:
            if name not in TRIGGERS and name not in SECTIONS:
                raise ValueError(f"unknown trigger {name!r}; choose from "
                                 f"{', '.join(TRIGGERS + SECTIONS)}")
        return value

    @field_validator("subject", "object")
    @classmethod
    def _known_role(cls, value: str) -> str:
        return _check_role(value)


class ParalysisCauses(Strict):
    """Whose a paralysis filed under a cord injury is, when the record names another cause."""

    paralysis: str
    """The paralysis itself (what such a paralysis is read as when it is not the cord's)."""
    cord: str
    """The cord injury the lexicon files paraplegia and tetraplegia under."""
    other: list[str] = Field(min_length=1)
    """Injuries of the brain that paralyse too (a brain injury, a stroke)."""


class AssessRules(Strict):
    """The whole rules.yaml."""

    target: str
    history_concept: str
    contexts: list[str] = [""]
    presentation_predicates: list[str] = ["symptom_of", "sign_of"]
    recent_days: int = Field(default=90, ge=1, le=36_500)
    earliest_year: int = Field(default=1800, ge=2)
    latest_year: int = Field(default=2999, le=9998)
    """Dates outside these years are refused (`--at`) or ignored with a warning (entries):
    a window counted from year 9999 would fall off Python's calendar."""
    max_input_bytes: int = Field(default=20_000_000, ge=1)
    display_min_cover: float = Field(default=0.5, gt=0, le=1)
    """A code's display names nothing osteon knows: a concept read in it must hold more than
    this share of its words."""
    report_limit: int = Field(default=6, ge=1)
    """Items a section of the report shows in full; the rest are named ("4 more: …")."""
    high_lab_findings: dict[str, str] = {}
    injuries: list[str] = []
    """Concepts whose kinds wound tissue (trauma, invasive procedures): a patient's planned
    or recent event of one of these kinds is an injury (role patient_injuries)."""
    past_days: int = Field(default=365, ge=1, le=36_500)
    """An operation or injury (a kind of `injuries`) dated longer ago than this is history:
    no present risk, no start of a prophylaxis window (assess/past_events.py)."""
    lasting: list[str] = []
    """Causes that stay a risk whatever their age (a cord or brain injury, a stroke, HO)."""
    passing: list[str] = []
    """Kinds of a lasting cause that pass all the same (a concussion: a mild brain injury),
    and that are never one of the lasting causes: recent, a concussion is trauma only."""
    site_words_ignored: list[str] = []
    advice_settings: dict[str, list[str]] = {}
    """Advice (a concept) → the patient events, besides the one its timing counts from, the
    sources give it after: radiation "within 24–48 hours of surgery" is also given "in
    patients after spinal cord trauma"."""
    paralysis_causes: ParalysisCauses | None = None
    """A paraplegia or tetraplegia with a brain injury, a stroke or a polyneuropathy and no
    cord injury in the record is that cause's paralysis, not a cord injury (mapping)."""
    counts_as: dict[str, list[str]] = {}
    """A patient's concept (and its kinds) → concepts it is also, for what the sources say of
    them, without their own kinds (a traumatic amputation is the sources' amputation, not
    an operation)."""
    sites_apart: list[str] = []
    """Sites (the abdomen) an operation placed at only counts as itself (`kinds_apart`)."""
    kinds_apart: list[str] = []
    """Kinds of event (abdominal surgery) a patient without the target condition has as
    themselves only, not as their broader kinds (surgery): what the sources say of surgery
    at large is not said of them."""
    entry_types: dict[str, list[str]]
    rules: list[Rule]


class Anchor(Strict):
    words: list[str] = Field(min_length=1)
    events: list[str] | Literal["onset"]
    point: Literal["start", "end"] = "start"
    """Which moment of an event recorded as a period the timing counts from."""


class TimingRules(Strict):
    """The whole timing.yaml."""

    anchors: list[Anchor]
    articles: list[str] = []
    relations: dict[str, Literal["deadline", "expected", "earlier", "before"]]
    anywhere: frozenset[str] = frozenset()
    """Operations done anywhere in the body: without a site of their own they place nothing."""
    on_the_skin: frozenset[str] = frozenset()
    """Operations on the skin over a site (a skin graft): at none of the sites under it."""
    mid_bone: tuple[str, ...] = ()
    """Patterns of an operation's own words that put it mid-bone ("humeral shaft plating",
    "transtibial amputation"): away from the joints a long bone's ends make."""
    through_an_end: tuple[str, ...] = ()
    """... unless they say it went in through an end ("intramedullary nail")."""
    onset_span_days: int = 365
    """How far before the latest current finding an earlier one still belongs to its
    episode: a toe deformity recorded at birth is no onset of this year's swelling."""

    @field_validator("mid_bone", "through_an_end")
    @classmethod
    def _patterns(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_regex(v) for v in value)

    def mid_bone_in(self, text: str) -> bool:
        """Do these words put an operation mid-bone, not in through an end of the bone?"""
        return bool(any_of(self.mid_bone).search(text)) and not any_of(
            self.through_an_end).search(text)

    @field_validator("relations")
    @classmethod
    def _reader_relations(cls, value: dict[str, str]) -> dict[str, str]:
        check_relations(value)
        return value

    @property
    def hours(self) -> dict[str, float]:
        """Hours in one unit of time, from the reader's own table.

        reading/quantities.yaml's `dimensions.time`: the reader and the assessment agree.
        """
        return quantity_rules().dimensions["time"]


@cache
def assess_rules() -> AssessRules:
    """The packaged rules.yaml, validated once."""
    return load_model(AssessRules, "assess", "rules.yaml")


@cache
def timing_rules() -> TimingRules:
    """The packaged timing.yaml, validated once."""
    return load_model(TimingRules, "assess", "timing.yaml")
