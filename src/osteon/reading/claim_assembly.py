"""Assembling a claim: its polarity, its evidence span and its qualifiers.

Polarity comes from ConText cues whose scope covers the trigger or an argument;
evidence is the smallest span of the sentence holding the trigger and the arguments
it states; numbers, sites and the experimental setting become qualifiers of the
predicates that can carry them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from osteon.reading.lexicon import Lexicon
from osteon.reading.pipeline import SentenceAnalysis
from osteon.reading.records import (
    Claim,
    Evidence,
    Figure,
    Mention,
    Quantity,
    SentenceSetting,
    same_meaning,
)


def polarity_of(analysis: SentenceAnalysis, start: int, end: int, args: list[Mention]
                ) -> str | None:
    """Say how the sentence holds the claim: negated, hedged or asserted; None for neither.

    A ConText cue counts when it covers the trigger, or covers an argument from the
    trigger's side of any comma ("not inherently painful, HO can become painful": the
    first clause's "not" does not reach the second). A denial only of "necessarily" or
    "always" ("does not support the notion that these patients are necessarily predisposed")
    leaves the relation open both ways: "does not raise" would overstate it, "may raise" turn
    it round, so no claim is read (None).
    """
    statuses = analysis.status_of(start, end)
    for mention in args:
        for cue in analysis.cues:
            covers = cue.scope_start < mention.end and mention.start < cue.scope_end
            between = analysis.text[min(cue.end, start):max(cue.start, end)]
            if covers and "," not in between:
                statuses.add(cue.status)
    if "unsettled" in statuses:
        return None
    if "negated" in statuses:
        return "negated"
    if "hedged" in statuses:
        return "hedged"
    return "asserted"


_NP_GAP = re.compile(r"\s*(?:(?!(?:between|of|for|with|in|on|to|that|and|or)\b)[\w-]+\s+){0,2}")
"""Up to two words of one noun phrase between a negation and the argument it denies ("no
NSAID prophylaxis"); a preposition or conjunction between ("no link between smoking and …")
puts the argument outside what is denied."""


def denied_argument(analysis: SentenceAnalysis, mention: Mention) -> bool:
    """Is the argument itself what a negation denies ("received no NSAID prophylaxis")?

    "Patients who received no NSAID prophylaxis were 13.6 times more likely to develop
    HO", "did not receive radiation": then the sentence speaks of the argument's absence,
    and a claim about the argument, negated, would say the opposite of what it found: no
    claim is read.
    """
    return any(cue.status == "negated" and cue.end <= mention.start
               and _NP_GAP.fullmatch(analysis.text, cue.end, mention.start) is not None
               for cue in analysis.cues)


def lead_in_polarity(analysis: SentenceAnalysis) -> str | None:
    """How a sentence that opens a list ("...:") holds the items under it, if it doubts them.

    "Nothing is proven, but these might help avoid it:" hedges each item; "The following
    do not prevent it:" denies each. None when the sentence does not end in a colon or
    asserts its list.
    """
    text = analysis.text.rstrip()
    if not text.endswith(":"):
        return None
    if any(cue.status == "hedged" for cue in analysis.cues):
        return "hedged"
    if any(cue.status == "negated" and cue.scope_end >= len(text) - 1
           and _DENIES_EFFECT.search(text, cue.start, cue.scope_end) for cue in analysis.cues):
        return "negated"
    return None


_DENIES_EFFECT = re.compile(
    r"\b(?:prevent|help|work|recommend|effective|reduc|shown|proven|useful|benefi|indicated|"
    r"advised|lower|stop|treat)", re.IGNORECASE)
"""What a denying lead-in must deny for its items to be denied: their effect ("the following do
not prevent it:"), not something else ("patients who cannot take NSAIDs may receive:")."""


NAMING = frozenset({"is_a", "synonym_of"})
"""Predicates a lead-in's doubt and an experiment's setting do not reach: a thing's names are
not in question, and hold outside the experiment."""


def governed(claims: list[Claim], lead_in: str | None) -> list[Claim]:
    """Claims of a list item with the doubt or denial of the sentence that introduces it."""
    if lead_in is None:
        return claims
    return [replace(c, polarity=lead_in) if c.polarity == "asserted"
            and c.predicate not in NAMING else c for c in claims]


def evidence_for(analysis: SentenceAnalysis, setting: SentenceSetting,
                 spans: list[tuple[int, int]]) -> Evidence:
    """The smallest span of the sentence holding every given span, with where it stands."""
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    return Evidence(
        doc_id=setting.doc_id, sentence_idx=setting.sentence_idx,
        section=" › ".join(setting.section_path) or None,
        span_start=lo, span_end=hi,
        sentence_start=setting.sentence_start,
        sentence_end=setting.sentence_start + len(analysis.text),
        quote=analysis.text[lo:hi],
    )


@dataclass(frozen=True, slots=True)
class Subsumption:
    """Which of two claims a sentence makes of a class and of its kinds stands.

    `umbrella`: concepts that only gather their kinds (each with the concept types it
    also gathers); `class_types`: types whose classes carry a claim their named examples
    share ("NSAIDs, such as indomethacin and ibuprofen, prevent HO": the class).
    """

    umbrella: Mapping[str, frozenset[str]] = field(default_factory=dict)
    class_types: frozenset[str] = frozenset()


def subsume(claims: list[Claim], lexicon: Lexicon, policy: Subsumption,
            gathering: frozenset[str] | None = None) -> list[Claim]:
    """Say a claim once per sentence, at the level the sentence means it.

    An umbrella concept only gathers its members: "imaging tests such as X-rays or CT
    scans" diagnose with the X-ray and the CT scan, "burns, fractures or other traumatic
    injuries" are risks through the burns and fractures, so the umbrella's claim goes.
    A drug class is the reverse: "NSAIDs, such as indomethacin and ibuprofen, prevent HO"
    reports on the class and names examples (their membership is an is_a claim of its
    own), so the examples' copies go. Any other class ("neurological conditions",
    "orthopedic procedures such as joint replacement") keeps its claim beside its kinds'.
    Two claims meet here when they share predicate, object and polarity and the lexicon
    has one subject as a kind of the other (or of a type the umbrella gathers). `gathering`,
    when given, holds the umbrellas the sentence uses to gather ("other injuries", "imaging
    such as"); an umbrella named as one list item among others keeps its claim.
    """
    if len(claims) < 2 or not (policy.umbrella or policy.class_types):
        return claims
    subjects: dict[tuple[str, str, str], set[str]] = {}
    first: dict[tuple[tuple[str, str, str], str], int] = {}
    for claim in claims:
        if not claim.object_is_text and claim.subject in lexicon:
            subjects.setdefault(_key(claim), set()).add(claim.subject)
            spot = (_key(claim), claim.subject)
            first[spot] = min(first.get(spot, claim.evidence.span_start),
                              claim.evidence.span_start)

    def typed(concept: str) -> str:
        return lexicon.get(concept).type

    def covered(claim: Claim) -> bool:
        if claim.object_is_text or claim.subject not in lexicon:
            return False
        others = subjects.get(_key(claim), set()) - {claim.subject}
        if claim.subject in policy.umbrella:
            if gathering is not None and claim.subject not in gathering:
                return False  # "..., edema, trauma and pressure ulcers": an item of its own
            gathers = policy.umbrella[claim.subject]
            return any(lexicon.is_a(o, claim.subject) or typed(o) in gathers for o in others)
        # an example named before its class is an apposition ("palovarotene, a RARγ
        # agonist, reduces HO"): the sentence is about the example, which keeps its claim
        return typed(claim.subject) in policy.class_types and any(
            o not in policy.umbrella and typed(o) == typed(claim.subject)
            and lexicon.is_a(claim.subject, o)
            and first[(_key(claim), o)] <= first[(_key(claim), claim.subject)] for o in others)

    return [c for c in claims if not covered(c)]


def through_named_kinds(claims: list[Claim], umbrella: Mapping[str, frozenset[str]],
                        text: str) -> list[Claim]:
    """An umbrella's claims said of the kinds the same sentence names as its members.

    "There are rare genetic disorders causing HO such as FOP", "Another rare genetic
    disorder causing HO is POH": what the sentence says of the umbrella it says of FOP and
    POH (is_a claims of the same sentence name them), and an umbrella only gathers, so its
    own copy goes. Each kind's claim cites the span from the umbrella's claim to the name.
    """
    kinds: dict[str, list[Claim]] = {}
    for claim in claims:
        if (claim.predicate == "is_a" and not claim.object_is_text
                and claim.object in umbrella and claim.subject != claim.object
                and claim.polarity == "asserted"):
            kinds.setdefault(claim.object, []).append(claim)
    if not kinds:
        return claims
    out: list[Claim] = []
    for claim in claims:
        if claim.subject not in kinds:  # the is_a claims that name the kinds among them
            out.append(claim)
            continue
        for member in kinds[claim.subject]:
            lo = min(claim.evidence.span_start, member.evidence.span_start)
            hi = max(claim.evidence.span_end, member.evidence.span_end)
            evidence = replace(claim.evidence, span_start=lo, span_end=hi, quote=text[lo:hi])
            out.append(replace(claim, subject=member.subject, evidence=evidence))
    return out


def explicit_over_positional(explicit: list[Claim], positional: list[Claim],
                             lexicon: Lexicon) -> list[Claim]:
    """Positional claims the sentence's own words do not already settle.

    A list item under "Treatment" is read as a treatment only for want of better: when
    the item itself says how its concept (or a kind of it) relates to the same object
    ("Assistive devices: braces may be recommended"), that claim stands alone.
    """
    if not explicit or not positional:
        return positional
    said = [(c.subject, c.object) for c in explicit if not c.object_is_text]
    return [p for p in positional
            if not any(o == p.object and s in lexicon and p.subject in lexicon
                       and lexicon.is_a(s, p.subject) for s, o in said)]


def _key(claim: Claim) -> tuple[str, str, str]:
    return (*same_meaning(claim.predicate, claim.polarity), claim.object)


def dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per (subject, predicate, object, polarity) in a sentence: the first rule wins.

    Free-text objects (definitions) count once per subject and predicate, except aliases:
    "Synonyms: A, B" gives one alias claim per name.
    """
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for claim in claims:
        obj = "<text>" if claim.object_is_text and claim.predicate != "synonym_of" else (
            claim.object)
        key = (claim.subject, *same_meaning(claim.predicate, claim.polarity), obj)
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


_QUANTITY_SLOT = {
    "proportion": ("quantity", {"risk_factor_for", "incidence_in", "recurrence_rate",
                                "prognosis", "complication_of", "symptom_of"}),
    "duration": ("timing", {"onset_after", "prevents", "recommended_for", "diagnostic_test_for",
                            "treats", "risk_factor_for", "sign_of"}),
    "dose": ("dose", {"prevents", "treats", "recommended_for"}),
}


_BOUND_GAP = re.compile(
    r"\s*[(:,\u2013-]?\s*(?:with\s+(?:\w+\s+){0,2}(?:rates?|incidences?|prevalences?|"
    r"frequenc(?:y|ies))\s+(?:of\s+)?)?"
    r"(?:(?:lasting|persisting|of|for|over|above|exceeding|beyond)\s+)?"
    r"(?:(?:longer|more|greater)\s+than\s+|at\s+least\s+)?[>\u2265]?\s*", re.IGNORECASE)
"""What may stand between a list item and its own figure: "hip (40%)", "elbow: 25%", "coma
lasting longer than 2 weeks", "hip replacement, with reported rates between 15% and 50%"."""


_LEADS_TO_POPULATION = re.compile(
    r"\s*(?:of\s+)?(?:(?:all|the|these)\s+)?(?:patients|individuals|people|persons|those|cases|"
    r"subjects)?\s*(?:with|after|following|undergoing|who\s+(?:have|had|underwent))\s+"
    r"(?:(?:a|an|the|severe|acute|total)\s+)?", re.IGNORECASE)
"""What may stand between a figure and the population it counts: "20% of those with",
"5-10% after"."""


_EXTENT = re.compile(r"\s*(?:of\s+(?:the\s+)?(?:total\s+)?(?:body|skin|surface)|TBSA\b|BSA\b)",
                     re.IGNORECASE)
"""After a percentage: it measures the extent of something ("burns covering 20% of the body"),
not how often anything happens, so it qualifies no claim."""


def owner_of(text: str, start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """The mention a figure or a bracketed site belongs to, when the text binds it to one.

    A figure right after a mention ("the hip (40%), the elbow (25%)") is that item's, one
    right before a population is that population's ("20% of those with SCI, 5% after
    burns"), and what a bracket holds belongs to the mention just before the bracket
    ("joint arthroplasty (particularly of the hip)"); anything else (None) speaks for the
    sentence.
    """
    lead = _LEADS_TO_POPULATION.match(text, end)
    if lead:
        following = [m for m in mentions if m.start == lead.end()]
        if following:
            return following[0]
    before = [m for m in mentions if m.end <= start and not (m.start < end and start < m.end)]
    if not before:
        return None
    nearest = max(before, key=lambda m: m.end)
    if _BOUND_GAP.fullmatch(text[nearest.end:start]):
        return nearest
    opening = text.rfind("(", 0, start)
    if opening >= 0 and text.find(")", opening) >= end:
        ahead = [m for m in before if m.end <= opening]
        if ahead:
            head = max(ahead, key=lambda m: m.end)
            if not text[head.end:opening].strip():
                return head
    return None


def _bound_to(claim: Claim, owner: Mention | None) -> bool:
    """Whether a figure or site bound to `owner` (None: to no one) may qualify `claim`."""
    return owner is None or owner.concept_id in (claim.subject, claim.object)


def _told_in_aside(claim: Claim, asides: tuple[tuple[int, int], ...]) -> bool:
    """Whether the claim is read from an aside that says what its subject is.

    The aside starts inside the claim's span (after the subject) and holds the rest of it.
    """
    lo, hi = claim.evidence.span_start, claim.evidence.span_end
    return any(lo <= start < hi <= end for start, end in asides)


def with_qualifiers(claims: list[Claim], quantities: list[Quantity], mentions: list[Mention],
                     lexicon: Lexicon, setting: SentenceSetting, text: str = "",
                     not_sites: frozenset[str] = frozenset(),
                     asides: tuple[tuple[int, int], ...] = ()) -> list[Claim]:
    """Attach numbers, sites and the experimental setting each claim's predicate can carry.

    A figure or site the text binds to one list item (`owner_of`) goes only to the claims
    of that item: "HO forms at the hip (40%) and the shoulder (5%)" gives the hip 40 %,
    and the risk of HO in the sentence no figure at all.
    """
    if not claims:
        return claims
    sites = [m for m in mentions if m.concept_id not in not_sites
             and m.concept_id in lexicon and lexicon.get(m.concept_id).type == "anatomy"]
    figure_owner = {id(q): owner_of(text, q.start, q.end, mentions) if text else None
                    for q in quantities}
    site_owner = {id(m): owner_of(text, m.start, m.end, mentions) if text else None
                  for m in sites}
    quantities = [q for q in quantities if not (text and _EXTENT.match(text, q.end))]
    out = []
    for claim in claims:
        quals = claim.qualifiers
        for quantity in quantities:
            owner = figure_owner[id(quantity)]
            if owner is not None and claim.predicate == "occurs_at_site" and (
                    owner.concept_id == claim.object) and quantity.kind == "proportion":
                quals = quals.given(quantity=Figure.of(quantity))
                continue
            slot = _QUANTITY_SLOT.get(quantity.kind)
            if slot and claim.predicate in slot[1] and _bound_to(claim, owner):
                quals = quals.given(**{slot[0]: Figure.of(quantity)})
        # The claim's own arguments are not its site ("HO occurs in muscle" has no site
        # qualifier "muscle"): compare concept ids, then name what is left.
        own = {claim.subject, claim.object}
        anatomy = {m.concept_id for m in sites
                   if _bound_to(claim, site_owner[id(m)])}
        claim_sites = sorted({lexicon.get(a).name for a in anatomy if a not in own})
        if claim_sites and claim.predicate not in ("occurs_at_site",):
            quals = quals.given(sites=tuple(claim_sites))
        # what a thing is called, or what an aside says it is, is not a finding of the
        # experiment that names it ("used stem cells to develop a drug for FOP, a rare
        # disorder in which …")
        if setting.model_context and claim.predicate not in NAMING and not _told_in_aside(
                claim, asides):
            quals = quals.given(context=setting.model_context)
        out.append(claim if quals is claim.qualifiers else replace(claim, qualifiers=quals))
    return out
