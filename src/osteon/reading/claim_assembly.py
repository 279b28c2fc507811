"""Assembling a claim: its polarity, its evidence span and its qualifiers.

Polarity comes from ConText cues whose scope covers the trigger or an argument;
evidence is the smallest span of the sentence holding the trigger and the arguments
it states; numbers, sites and the experimental setting become qualifiers of the
predicates that can carry them.
"""

from __future__ import annotations

from osteon.reading.lexicon import Lexicon
from osteon.reading.pipeline import SentenceAnalysis
from osteon.reading.records import (
    Claim,
    Evidence,
    Mention,
    Quantity,
    SentenceSetting,
    same_meaning,
)


def polarity_of(analysis: SentenceAnalysis, start: int, end: int, args: list[Mention]) -> str:
    """Say how the sentence holds the claim: negated, hedged or asserted.

    A ConText cue counts when it covers the trigger, or covers an argument from the
    trigger's side of any comma ("not inherently painful, HO can become painful": the
    first clause's "not" does not reach the second).
    """
    statuses = analysis.status_of(start, end)
    for mention in args:
        for cue in analysis.cues:
            covers = cue.scope_start < mention.end and mention.start < cue.scope_end
            between = analysis.text[min(cue.end, start):max(cue.start, end)]
            if covers and "," not in between:
                statuses.add(cue.status)
    if "negated" in statuses:
        return "negated"
    if "hedged" in statuses:
        return "hedged"
    return "asserted"


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


def dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per (subject, predicate, object, polarity) in a sentence: the first rule wins.

    Free-text objects (definitions) count once per subject and predicate.
    """
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for claim in claims:
        obj = "<text>" if claim.object_is_text else claim.object
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


def with_qualifiers(claims: list[Claim], quantities: list[Quantity], mentions: list[Mention],
                     lexicon: Lexicon, setting: SentenceSetting) -> list[Claim]:
    """Attach numbers, sites and the experimental setting each claim's predicate can carry."""
    if not claims:
        return claims
    sites = sorted({lexicon.get(m.concept_id).name for m in mentions
                    if m.concept_id in lexicon and lexicon.get(m.concept_id).type == "anatomy"})
    for claim in claims:
        for quantity in quantities:
            slot = _QUANTITY_SLOT.get(quantity.kind)
            if slot and claim.predicate in slot[1]:
                claim.qualifiers.setdefault(slot[0], _quantity_dict(quantity))
        used = {claim.subject, claim.object}
        claim_sites = [s for s in sites if s not in used]
        if claim_sites and claim.predicate not in ("occurs_at_site",):
            claim.qualifiers.setdefault("site", claim_sites)
        if setting.model_context:
            claim.qualifiers.setdefault("context", setting.model_context)
    return claims


def _quantity_dict(quantity: Quantity) -> dict[str, object]:
    data: dict[str, object] = {"text": quantity.text}
    for key in ("low", "high", "unit", "relation", "anchor", "fractions"):
        value = getattr(quantity, key)
        if value is not None:
            data[key] = value
    if quantity.approximate:
        data["approximate"] = True
    return data
