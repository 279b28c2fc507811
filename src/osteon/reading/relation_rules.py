"""Typed, validated relation rules (`data/reading/relations.yaml`).

A rule is a trigger (a regular expression) and where to find its subject and
object: left or right of the trigger within the clause, or inside a named
group of the trigger, restricted to concept types, with a fallback to the
section's or the corpus's topic when the text leaves an argument implicit.
Section rules need no trigger: a list item under "Symptoms" is a symptom.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import Field, field_validator, model_validator

from osteon.datafiles import Strict, check_regex, load_model
from osteon.reading.records import (
    EXPERIMENTAL_SETTINGS,
    MOUSE_MODEL,
    NO_QUALIFIERS,
    PREDICATES,
    Qualifiers,
)


class Argument(Strict):
    """Where a rule finds its subject or object."""

    side: Literal["left", "right", "group"] = "left"
    group: str | None = None
    """With side `group`: the trigger's named group that holds the argument."""
    types: list[str] = []
    """Concept types (or names of `type_groups`) allowed; empty means any."""
    concepts: list[str] = []
    """Concept ids allowed (with their descendants); empty means any."""
    not_topic: bool = False
    """Where the topic (or a kind of it) is what the rule would pick, there is no claim:
    in "X was associated with HO" HO is the outcome, not what X is associated with as a
    cause, and the next mention along is no argument either."""
    blocked_by: list[str] = []
    """Concept types (or type groups) that cancel the claim where one is among what the
    rule picks: a finding listed where a cause would be says how a condition shows."""
    implicit: Literal["none", "topic", "section", "previous", "concept"] = "none"
    """Fallback when the text names no allowed concept: the section's concept, the topic,
    the previous sentence's first allowed concept (what "it" would point back to), or the
    first of `concepts` (a general statement: "there is no way to prevent it" speaks of
    every preventive treatment)."""
    implicit_when: str | None = None
    """The implicit fallback holds only where the words beside the trigger match this
    pattern. With side `right`, the words right after it ("to prevent recurrence" is HO's,
    "to prevent instability" names something the lexicon does not know, not HO); with side
    `left`, the words before it, the pattern ending where the trigger starts ("a
    fibro-osseous pseudotumour is often mistaken for" names a disease the lexicon does not
    know, not the topic)."""
    implicit_if: str | None = None
    """The implicit fallback holds only in a sentence these words are in: "HO may start 2
    weeks after injury" speaks of an onset the topic's; "manipulation 2 months after the
    TKA", "ten days after surgery" date something else."""
    named_before: str | None = None
    """With side `right`: where the right names no allowed concept, a mention left of the
    trigger, in its clause, that these words lead into is what the argument is, before any
    implicit fallback: the argument if of an allowed type, else there is none ("Crutches for
    thigh contusions may be recommended": for the bruise, not for the page's topic)."""
    owner_before: str | None = None
    """With side `left`, where the clause names no allowed concept: where these words stand
    shortly before the trigger ("patients with SCI, who present with Y"), the concept they
    lead into owns what follows, not the section's: the argument is that concept if of an
    allowed type and a kind of the topic ("patients with FOP"), else there is none (leg
    swelling in SCI patients is no symptom the sentence gives SCI or HO)."""
    text: bool = False
    """Take the region's words as a free-text object (definitions, prognoses)."""
    pick: Literal["coordinated", "all", "nearest", "first", "first_group", "general"] = (
        "coordinated")
    """coordinated: the nearest mention and those coordinated with it; first_group: the
    first mention and those coordinated with it; general: of a coordinated group, the ones
    no other one is a kind of ("soft tissue" over "muscle")."""
    members: bool = True
    """Let "A such as B and C" bring B and C into the argument."""
    scope: Literal["clause", "sentence"] = "clause"
    exclude: str | None = None
    """Skip mentions whose preceding words match this pattern (e.g. 'after a')."""
    not_fellow: bool = False
    """On the left: skip a mention joined to the trigger by "and" or "or" alone, the fellow of
    a trigger that is a noun ("early diagnosis and treatment of HO", "rehabilitation and
    prevention of HO" name no therapy that treats or prevents)."""
    require: str | None = None
    """Keep only mentions whose preceding words match this pattern (e.g. 'patients with')."""
    finding_prefix: str | None = None
    """Read the mention as a finding named with this word ("elevated" + "alkaline
    phosphatase" -> elevated alkaline phosphatase) when the lexicon has one."""
    max_gap_words: int | None = None
    """The mention must lie within this many words of the trigger (a verb's own object)."""
    gap: str | None = None
    """The words between the mention and the trigger must be these, wholly (a pattern):
    "X is also called Y" links X, "a condition called Y" does not."""
    gap_not: str | None = None
    """The words between the mention and the trigger must not hold this (a pattern): in
    "FOP causes bone to form in muscles" what forms in the muscles is the bone it causes,
    not FOP."""
    skip_prepositional: bool = False
    """Skip mentions inside a prepositional phrase ('LPS from bacteria', 'after surgery'):
    they modify the argument, they are not it."""

    @field_validator("named_before", "owner_before", "implicit_if", "gap_not")
    @classmethod
    def _lead_compiles(cls, value: str | None) -> str | None:
        return None if value is None else check_regex(value)

    @model_validator(mode="after")
    def _group_named(self) -> Argument:
        if self.side == "group" and not self.group:
            raise ValueError("side: group needs a `group` name")
        if self.implicit == "concept" and not self.concepts:
            raise ValueError("implicit: concept needs `concepts` to name it")
        return self


class RuleQualifiers(Strict):
    """Qualifiers a rule gives every claim it makes (`qualifiers: {via: mutation}`)."""

    via: str | None = None
    context: str | None = None

    def record(self) -> Qualifiers:
        return Qualifiers(via=self.via, context=self.context) if self.via or self.context \
            else NO_QUALIFIERS


class RelationRule(Strict):
    """A trigger pattern and its two arguments."""

    id: str
    predicate: str
    trigger: str
    subject: Argument
    object: Argument
    sections: list[str] = []
    """Only in sections of these categories (empty: anywhere)."""
    not_sections: list[str] = []
    polarity: Literal["asserted", "negated", "hedged"] | None = None
    """Fixed polarity; otherwise ConText decides from cues over the trigger."""
    qualifiers: RuleQualifiers = RuleQualifiers()
    unless: str | None = None
    """Skip the match when the trigger's clause matches this pattern."""
    same_type: bool = False
    """Subject and object must be concepts of one type (synonyms, kinds)."""
    self_alias: bool = False
    """Two names of one concept make a claim with the second name kept as text
    ("also known as heterotopic bone formation")."""
    pairwise: bool = False
    """'A and B bind their receptors C and D': pair subjects and objects in order."""
    lexicon_kind: bool = False
    """Keep the claim only if the lexicon also has the subject as a kind of the object
    (for weak cues such as an apposition in brackets)."""
    quantity_subject: bool = False
    """Allow a claim whose arguments are all implicit when the sentence states a proportion
    ("recurrence may occur with rates between 2% and 31%": the number is the claim)."""
    heading_subject: bool = False
    """Allow a claim whose subject comes from the section heading even when the sentence
    names neither argument ("Radiation therapy" > "A dose of 7-8 Gy ... was used")."""
    kinds_apart: bool = False
    """Subject and object may not be kinds of one another, even where both are named: nothing
    begins after its own class ("TBI is usually 16 months after injury" dates something
    else, the time an injury takes to settle)."""
    class_apart: bool = False
    """A class is never the subject of its own kinds: "rare genetic disorders causing HO, such
    as FOP" says FOP is one of them, not caused by them (the kind as subject is kept: "FOP
    causes HO", unless the kind is the class qualified: "postsurgical HO")."""
    narrower_is_kind: bool = False
    """For synonym rules: when the lexicon has the subject as a kind of the object, say is_a."""
    list_item: bool = False
    """The trigger joins two nouns inside one item of a flat list: in "risk factors: A, B after
    C, D and E" (items joined by a bare comma before the trigger's left noun), "B after C" is
    one item; A is no fellow of B, nor D of C."""
    object_is_class: bool = False
    """The object is the class the subject belongs to: of the object's candidates, the first
    the lexicon has the subject as a kind of, else the nearest ("other neurological
    disorders such as stroke": the class is the disorders, not the sentence's first noun)."""

    @field_validator("predicate")
    @classmethod
    def _known_predicate(cls, value: str) -> str:
        if value not in PREDICATES:
            known = ", ".join(PREDICATES)
            raise ValueError(f"unknown predicate {value!r}; DESIGN.md lists {known}")
        return value

    @field_validator("trigger")
    @classmethod
    def _trigger_compiles(cls, value: str) -> str:
        return check_regex(value)

    @model_validator(mode="after")
    def _groups_exist(self) -> RelationRule:
        names = set(re.compile(self.trigger).groupindex) | {"0"}
        for role, argument in (("subject", self.subject), ("object", self.object)):
            if argument.side == "group" and argument.group not in names:
                raise ValueError(f"{role}: group {argument.group!r} is not in the trigger")
        return self


class SectionRule(Strict):
    """A claim made by position: every allowed mention in a section of a category."""

    id: str
    predicate: str
    sections: list[str]
    subject: Argument
    object: Argument
    kinds: list[Literal["list_item", "text"]] = ["list_item"]
    labelled: bool = False
    """Also fire on 'Label: explanation' items (the explanation usually says more)."""
    max_words: int = Field(default=12, ge=1)
    """Only short items (a bullet's label, not a paragraph)."""
    unless: str | None = None
    """No claim from an item this matches: it says something else of its mention ("X is
    taken by mouth, once a day" says how, not what for)."""

    @field_validator("unless")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        return None if value is None else check_regex(value)

    @field_validator("predicate")
    @classmethod
    def _known_predicate(cls, value: str) -> str:
        return RelationRule._known_predicate(value)


class Anaphor(Strict):
    """A phrase that points back ("these medications", "this condition")."""

    pattern: str
    types: list[str]
    nearest: bool = False
    """Point at the closest earlier mention in the sentence ("..., a process that")
    rather than the sentence's first one."""
    last: bool = False
    """Point at the previous sentence's last mention of these types: "this term" names the
    term just introduced ("...grouped under the heading 'myositis ossificans'. This term...")."""
    concepts: list[str] = []
    """Only these concepts or their kinds can be meant (the first when no antecedent is one):
    "the ossification" is HO or a kind of it, never the head injury in the heading."""
    subject: bool = False
    """Point at the previous sentence's first mention of these types, its subject: "HO is
    the commonest complication of THA. It occurs in 53% ..." is about HO, not THA; with
    none, the heading's or the title's condition, else the topic."""
    apposition: str | None = None
    """Words right after the anaphor that name it ("this condition, known as HO"): the
    mention after them is what it stands for, not anything named before."""
    names_unnamed: str | None = None
    """Words right after the anaphor that name it where nothing before it does ("The
    condition is known as FOP", opening a page that only described muscle turning to bone):
    with no antecedent but the topic by default, the mention after them is what it stands
    for, not the topic (which would make FOP "a kind of HO" on no sentence's word)."""
    across: str | None = None
    """A mention earlier in the same sentence is the antecedent only with a match of this
    (a clause break) between the two: in "SCI and TBI are triggers for this condition" the
    condition is not one of the triggers of the same clause, it is the one named before."""

    @field_validator("pattern", "across", "apposition", "names_unnamed")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        return None if value is None else check_regex(value)


class Composition(Strict):
    """Words before a mention that make it name a narrower concept ("previously had HO")."""

    before: str
    """Must match the text that ends where the mention starts."""
    name: str
    """The narrower concept's name: {name} is the mention's concept name, {text} its words."""

    @field_validator("before")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return check_regex(value)


class Population(Strict):
    """Words that make a mention the population a statement is about, not its agent.

    "Radiation in total hip arthroplasty patients prevents HO": the arthroplasty says whom
    the radiation is for; it prevents nothing. A mention is a population when `before`
    matches the text ending where it starts, or `after` the text starting where it ends.
    (The claim's scope, which records the population, is read elsewhere: reading/scope.)
    """

    before: str
    after: str
    not_agent_of: list[str]
    """Predicates whose subject a population mention may not be."""
    not_outcome_of: list[str] = []
    """Predicates whose object a population mention may not be ("a leading cause of death in
    patients with spinal cord injury" causes no spinal cord injury)."""

    @field_validator("before", "after")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return check_regex(value)


class RelationRules(Strict):
    """The whole rule file."""

    topic: str
    """The corpus topic: an implicit condition is this concept."""
    unnamed_topic_sentences: int | None = None
    """A document of at least this many sentences that never names the topic (nor a kind of
    it) is about something else: what it leaves unnamed ("the condition", "symptoms include
    fever") is not the topic's. A shorter note ("The condition is common after hip
    replacement") is taken to be about the topic."""
    specialise: dict[str, dict[str, str]] = {}
    """Predicate -> {general concept: specific concept}: "surgery" that treats HO is resection."""
    umbrella: dict[str, list[str]] = {}
    """Concepts that only gather their kinds ("imaging", "rare genetic disorders"), each
    with the concept types it also gathers: where a sentence says the same of such a
    concept and of its kinds, the kinds keep the claim."""
    class_types: list[str] = []
    """Concept types whose classes keep a claim their named examples share ("NSAIDs, such
    as indomethacin, prevent HO" is said of NSAIDs)."""
    clause_breaks: str
    verb_links: str | None = None
    """Where a verb phrase joined to the one before begins (", and has been shown to",
    ", potentially causing"): a clause break whose left-hand side has the subject of the
    clause it continues."""
    name_apposition: str | None = None
    """Opens other names between commas ("X, also known as A and B, is ..."): for a trigger
    after the closing comma the names are not arguments, the mention before them is."""
    right_ends: str | None = None
    """Where a right-hand argument ends inside its clause: a participle that starts what the
    noun before it brings about ("a mutation resulting in loss of function")."""
    concessive: str | None = None
    """Clause breaks that open a concessive clause ("although", "whereas"): in it, a trigger
    after a comma that joins no list items belongs to the main clause, and the concessive
    clause's mentions are none of its left-hand arguments."""
    modifier_link: str | None = None
    """Words ("-induced", "-related") that make a mention modify the mention right after
    it: "burn-induced HO" is HO, so the burn is no argument where HO is one."""
    care_noun_link: str | None = None
    """A noun right after a mention that names a care, a service or a tool for it ("a
    multimodal pain protocol", "the burn unit", "fracture clinic"): the mention says which
    one and is no argument itself."""
    post_modifier_link: str | None = None
    """Words ("after", "in") that make a mention, on a trigger's left, modify the mention
    right before it: in "HO after SCI can lead to pressure sores" the subject is HO, the
    injury only says which HO."""
    coordination_gap: str
    member_intro: str = r"\s*,?\s*(?:such as|including|e\.g\.,?|like)\s+"
    """Words after a class that introduce its named members ("medications such as A or B",
    "fractures (particularly A and B)"): the members join the class's argument."""
    type_groups: dict[str, list[str]]
    anaphors: list[Anaphor] = []
    population: Population | None = None
    predicate_nominal: str | None = None
    """Words that end right before an umbrella concept to make it what the sentence's subject
    is ("FOP ... is a rare genetic disorder which causes ..."): the umbrella stands for that
    subject, and what follows is said of the subject, not of the class."""
    gathering_words: str = r"\b(?:other|any|all|various|several|many|different|such)"
    """Words before an umbrella concept that make it gather others ("or other injuries")."""
    not_sites: list[str] = []
    """Anatomy that is never a claim's site qualifier: the tissue the topic itself is made of
    ("lamellar bone in soft tissue" places nothing at the bone)."""
    hosts: list[str] = []
    """Species of patients and study models: whom a claim speaks of."""
    host_is_no_subject_of: list[str] = []
    """Predicates whose subject is never one of `hosts` (or a kind of one): a species is
    no risk factor of what its members develop."""
    never_subjects: dict[str, list[str]] = {}
    """Predicate → concepts (and their kinds) never its subject: a care given to prevent
    HO is no cause of the HO seen after it ("16.7% developed HO after XRT")."""
    exposures: list[str] = []
    """Predicates whose subject is an exposure a study compares: a negated claim whose
    subject is itself what the negation denies ("received no prophylaxis") is not read, and
    the object is the bare outcome, never a history of it."""
    compositions: list[Composition] = []
    outcome_after: str | None = None
    """Words right after a finding that make it an outcome reached, not the finding ("pain
    relief", "pain-free"): such a mention is no argument."""
    attribute_after: str | None = None
    """Words right after a mention that make it one of the thing's properties, not the thing
    ("neither fracture type nor age raised the risk" says nothing of the fracture itself):
    such a mention is no argument."""
    one_patient: str | None = None
    """Words that make a sentence tell of one patient ("Her serum calcium was elevated"): no
    argument there is the section's or the topic's by default."""
    plural_names: str | None = None
    """Words that make a mention name several things ("the rare genetic forms of HO"): a
    sentence-opening "It" after it does not stand for it."""
    not_statements: str | None = None
    """A sentence this matches cites a work ("A. Author (ed.), Title, DOI 10.…"): the words of
    a title state nothing, so it makes no claim."""
    model_context: dict[str, str] = {}
    """Context label -> pattern: sentences (and the rest of their block) in that setting."""
    clinical_setting: str = r"(?!)"
    """A sentence in an experimental paragraph that this matches, and no `model_context`
    pattern, is said of people ("… associated with more neurogenic HO in victims of
    traumatic brain and spinal cord injuries"): it does not carry the paragraph's setting."""
    model_absent: str = r"(?!)"
    """A sentence this matches says no such model exists ("no mouse models have been
    developed"): it sets no experimental setting."""
    defining_aside: str = r"(?!)"
    """An aside that says what a condition is ("FOP -- a condition in which bone can grow in
    muscle tissue -- using iPS cells"): what it says holds outside the experiment the
    sentence tells of."""
    rules: list[RelationRule]
    section_rules: list[SectionRule] = []

    @field_validator("clause_breaks", "coordination_gap", "concessive", "modifier_link",
                     "post_modifier_link", "care_noun_link",
                     "verb_links", "right_ends", "name_apposition", "not_statements",
                     "outcome_after", "attribute_after", "clinical_setting", "model_absent",
                     "defining_aside",
                     "predicate_nominal", "plural_names", "one_patient")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        return None if value is None else check_regex(value)

    @field_validator("model_context")
    @classmethod
    def _names_the_mouse_model(cls, value: dict[str, str]) -> dict[str, str]:
        if value and MOUSE_MODEL not in value:
            raise ValueError(f"the experimental setting is labelled {MOUSE_MODEL!r} "
                             "(reading.records.MOUSE_MODEL), which every stage reads")
        unknown = set(value) - set(EXPERIMENTAL_SETTINGS)
        if unknown:
            raise ValueError(f"experimental settings {sorted(unknown)} are not among "
                             f"reading.records.EXPERIMENTAL_SETTINGS {EXPERIMENTAL_SETTINGS}")
        for pattern in value.values():
            check_regex(pattern)
        return value

    @model_validator(mode="after")
    def _unique_ids(self) -> RelationRules:
        seen: set[str] = set()
        for rule in [*self.rules, *self.section_rules]:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id!r} is used twice")
            seen.add(rule.id)
        return self

    def expand_types(self, names: list[str]) -> frozenset[str]:
        """Concept types named directly or through a type group."""
        out: set[str] = set()
        for name in names:
            out.update(self.type_groups.get(name, [name]))
        return frozenset(out)


@cache
def relation_rules() -> RelationRules:
    """The packaged relation rules, loaded once."""
    return load_model(RelationRules, "reading", "relations.yaml")


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """A rule pattern compiled case-insensitively, cached."""
    return re.compile(pattern, re.IGNORECASE)
