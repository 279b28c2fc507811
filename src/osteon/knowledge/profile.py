"""From a claim to what knowledge keys and compares: its assertion key, stances and sentence.

Claims that share a key merge into one assertion. The key compares claims in
reading's one form (`same_meaning`: "does not prevent" is "not effective
for"), with free text folded, and with the claim's context (a "mouse model",
a population) so that a mouse experiment never corroborates a clinical
statement. Sites stay qualifiers: "surgery to the hip" and "surgery" support
one assertion about surgery, and the sites are listed on it.
"""

from __future__ import annotations

from osteon.knowledge.records import AssertionKey, Stance
from osteon.knowledge.rules import ConflictRules, Phrasing, Selector
from osteon.reading.lexicon import Lexicon
from osteon.reading.records import EXPERIMENTAL_SETTINGS, Claim, Qualifiers, same_meaning
from osteon.reading.terms import fold

TEXT_AGENT = "text:"
"""Prefix of an agent that is free text, not a concept."""


def context_of(qualifiers: Qualifiers) -> str:
    """The claim's setting, the qualifier that belongs to its key; "" is clinical."""
    return qualifiers.context or ""


def setting_of(context: str | None) -> str:
    """Where an assertion was seen: an experimental setting (mice, cells), or "" for people.

    Other contexts say what a treatment is for ("symptom relief"), not where it was seen;
    such a statement is about patients and can disagree with any clinical one.
    """
    return context if context in EXPERIMENTAL_SETTINGS else ""


def key_of(claim: Claim) -> AssertionKey:
    """The assertion a claim belongs to."""
    predicate, polarity = same_meaning(claim.predicate, claim.polarity)
    obj = fold(claim.object) if claim.object_is_text else claim.object
    return AssertionKey(claim.subject, predicate, obj, context_of(claim.qualifiers),
                        polarity, claim.object_is_text)  # type: ignore[arg-type]


def stances_of(key: AssertionKey, rules: ConflictRules, lexicon: Lexicon) -> tuple[Stance, ...]:
    """Every stance an assertion takes: its own family's, its text classes', and extras.

    Stances derived from a text class or an extra rule speak of the target as a
    whole ("HO cannot be reversed"), so their agent is empty and any agent meets them.
    """
    family, sign = rules.family_of(key.predicate)
    if key.polarity == "negated":
        sign = "-" if sign == "+" else "+"
    if key.object_is_text:
        base = Stance(family, sign, TEXT_AGENT + key.object, key.subject)
    else:
        base = Stance(family, sign, key.subject, key.object)
    stances = [base]
    if key.object_is_text:
        for name, text_class, patterns in rules.compiled_classes():
            if key.predicate in text_class.predicates and any(p.search(key.object)
                                                              for p in patterns):
                own_sign = text_class.sign or "+"
                if key.polarity == "negated":
                    own_sign = "-" if own_sign == "+" else "+"
                stances.append(Stance(text_class.family or key.predicate, own_sign, "",
                                      key.subject, text_class=name))
    for extra in rules.extra_stances:
        if selects(extra.when, base, key.predicate, lexicon):
            stances.extend(Stance(s.family, s.sign, "", base.target) for s in extra.take)
    return tuple(dict.fromkeys(stances))


def selects(selector: Selector, stance: Stance, predicate: str, lexicon: Lexicon) -> bool:
    """True when every field the selector gives holds for this stance."""
    if selector.family is not None and stance.family != selector.family:
        return False
    if selector.sign is not None and stance.sign != selector.sign:
        return False
    if selector.predicates and predicate not in selector.predicates:
        return False
    if selector.text_class is not None and stance.text_class != selector.text_class:
        return False
    if selector.agent_under:
        if stance.agent not in lexicon:
            return False
        return any(lexicon.is_a(stance.agent, parent) for parent in selector.agent_under)
    return True


def name_of(concept_or_text: str, lexicon: Lexicon) -> str:
    """A concept's preferred name, or free text as it is."""
    if concept_or_text in lexicon:
        return lexicon.get(concept_or_text).name
    return concept_or_text


def sentence_of(key: AssertionKey, phrasing: Phrasing, lexicon: Lexicon) -> str:
    """The assertion as a sentence a person reads, with its context in brackets.

    A context with forms of its own ("treats@symptom relief": "relieves symptoms of") is
    said by them instead, so "NSAIDs are used to ease the pain of HO" never reads "treats".
    """
    text = form_of(key, phrasing).format(s=name_of(key.subject, lexicon),
                                         o=name_of(key.object, lexicon))
    text = text[:1].upper() + text[1:]
    return f"{text} ({key.context})" if key.context and not _context_forms(key, phrasing) else text


def form_of(key: AssertionKey, phrasing: Phrasing) -> str:
    """The template an assertion is said by, in the form of its polarity.

    Its context's own forms first, then its predicate's (the free-text ones for a text
    object).
    """
    forms = _context_forms(key, phrasing) or phrasing.get(
        f"{key.predicate}_text" if key.object_is_text else "", phrasing[key.predicate])
    return forms[{"asserted": 0, "negated": 1, "hedged": 2}[key.polarity]]


def _context_forms(key: AssertionKey, phrasing: Phrasing) -> tuple[str, str, str] | None:
    """The forms the assertion's context has of its own ("treats@symptom relief"), if any."""
    return phrasing.get(f"{key.predicate}@{key.context}") if key.context else None
