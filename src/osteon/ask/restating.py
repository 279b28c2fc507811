"""Which claims an answer may re-word as statements: those whose sentence says no more.

A statement under an answer re-words a claim ("X-ray is not useful to diagnose
HO"), and the sentence it was read from is quoted beside it. The re-wording is
only as true as the claim is whole: where the sentence restricts what it says
("during the early stage", "unless weekly tests are done", "after resection
surgery … the rate of recurrence"), or the claim's object is free text cut out
of the sentence (a definition, a caution: "Biopsy: to avoiding"), the statement
would drop or garble part of it. Such claims are shown as their quoted sentence
only; an assertion left with no claim a statement may re-word is not stated.
The restrictions are data (`data/ask/statements.yaml`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from pydantic import field_validator

from osteon.ask.case_told import OneCaseSentences
from osteon.ask.evidence import one_family, page_topics, read_heading
from osteon.ask.scope import condition_kinds, scope_of
from osteon.corpus.records import SentencePlace
from osteon.datafiles import Strict, any_of, check_regex, load_model
from osteon.knowledge.claim_store import mention_spans_at, mentions_at
from osteon.knowledge.profile import form_of, key_of, name_of
from osteon.knowledge.qualifiers import merge_qualifiers
from osteon.knowledge.records import Fact
from osteon.knowledge.rules import phrasing
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.lexicon import Lexicon
from osteon.reading.records import Claim
from osteon.reading.relation_rules import relation_rules


class StatementRules(Strict):
    """data/ask/statements.yaml: what in a sentence restricts the claims read from it."""

    free_text_stated: frozenset[str] = frozenset()
    """Predicates whose statement reads whole even with a free-text object."""
    limiting_predicates: frozenset[str] = frozenset()
    """Predicates that deny or limit, besides negated claims: a restriction they drop makes
    them false."""
    restrictions: tuple[str, ...]
    no_finding: tuple[str, ...] = ()
    """What marks a sentence that finds nothing (a study's aim or method): no claim read from
    it is re-worded, whatever its predicate."""
    narrowing: str = r"(?!)"
    """A word of degree that narrows the thing it stands before ("a severe fracture")."""
    narrowing_reach: int = 2
    """How many words before an argument's mention, in its list item, a narrowing word may
    stand."""
    narrowing_kind: str = r"(?!)"
    """An adjective right before a mention that names a kind of it ("trochanteric osteotomy",
    "pseudomalignant myositis ossificans"): the sentence speaks of that kind only."""
    narrowing_after: str = r"(?!)"
    """A threshold right after a mention ("burns >30% TBSA", "burns over 20%"): the sentence
    speaks of those beyond it only."""
    narrowing_site_link: str = r"(?!)"
    """What joins a mention to a body site after it ("trauma to the hips", "surgery or trauma
    to the legs"): the sentence speaks of the thing at that site only."""
    modal: str = r"(?!)"
    """A modal that makes a claim's link possible, not said ("may complain of")."""
    modal_reach: int = 3
    """How many words before a claim's span a modal may stand."""
    modal_kept: str = r"(?!)"
    """What marks an asserted form that keeps the possibility ("can help diagnose")."""

    @field_validator("restrictions", "no_finding")
    @classmethod
    def _regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_regex(v) for v in value)

    @field_validator("narrowing", "narrowing_kind", "narrowing_after", "narrowing_site_link",
                     "modal", "modal_kept")
    @classmethod
    def _regex(cls, value: str) -> str:
        return check_regex(value)

    @property
    def restriction(self) -> re.Pattern[str]:
        return any_of(self.restrictions)

    @property
    def findings_absent(self) -> re.Pattern[str]:
        return any_of(self.no_finding)


@cache
def statement_rules() -> StatementRules:
    """The packaged rules of data/ask/statements.yaml."""
    return load_model(StatementRules, "ask", "statements.yaml")


def restricted(claim: Claim, sentence: str, title: str = "") -> bool:
    """Does the sentence restrict what the claim says?

    For a claim that denies or limits: a stage, a condition, a subset of cases, a title (the
    sentence's own, or the page's `title` where the claim was read in it, as its own line or
    quoted: "Dive into the research topics of 'Operative treatment of hip HO in patients
    with coma after brain injury'" names a study's patients, it finds no risk); for any
    claim: a sentence that states no finding, a study's aim or method
    (data/ask/statements.yaml).
    """
    rules = statement_rules()
    if rules.no_finding and rules.findings_absent.search(sentence):
        return True
    return ((claim.polarity == "negated" or claim.predicate in rules.limiting_predicates)
            and (bool(rules.restriction.search(sentence)) or is_title(sentence)
                 or _in_page_title(claim, sentence, title)))


def _in_page_title(claim: Claim, sentence: str, title: str) -> bool:
    """Was the claim read inside the page's title: its title line, or the title quoted?"""
    if len(title.split()) < TITLE_WORDS:
        return False
    start = sentence.casefold().find(title.strip().casefold())
    return (start >= 0 and start <= claim.evidence.span_start
            and claim.evidence.span_end <= start + len(title.strip()))


def modal_dropped(claim: Claim, sentence: str, form: str) -> bool:
    """Would the statement drop a "may" that governs the claim's link?

    "In traumatic HO, the patient may complain of a warm, tender swelling": the sentence
    says the warmth is possible, "Warmth is a symptom of traumatic HO" says it is so; "an
    ossified stylohyoid chain may be not painful" is no "Pain is not a symptom". A hedged
    claim is stated with "may" already; the others only where the `form` they are stated by
    (data/knowledge/predicates.yaml) keeps no possibility of its own.
    """
    rules = statement_rules()
    if claim.polarity == "hedged" or re.search(rules.modal_kept, form):
        return False
    lo, hi = claim.evidence.span_start, claim.evidence.span_end
    before = sentence[:lo].split()[-rules.modal_reach:]
    return bool(re.search(rules.modal, " ".join([*before, sentence[lo:hi]])))


def narrowed(claim: Claim, sentence: str, names: Sequence[str],
             spans: Sequence[tuple[str, int, int]], sites: frozenset[str] = frozenset(),
             lexicon: Lexicon | None = None) -> bool:
    """Does a word of degree narrow a thing the claim re-words by its plain name?

    "Up to 50% of people who undergo … a severe fracture of the long bones of the lower leg
    will develop HO" is read as "lower leg fracture → HO"; re-worded, "Lower leg fracture
    raises the risk of HO" would say it of every such fracture. The word may stand in the
    argument's mention ("high-energy fractures of the elbow") or just before it, in the same
    list item ("severe burns, fractures": the fractures are not said to be severe). A name
    that carries a degree itself ("severe burn") keeps it in the statement. So does an
    adjective that names a kind right before the mention ("trochanteric osteotomy raised
    the risk" is no finding of every osteotomy), a body site (of `sites`) right before it
    ("HO is a complication of hip arthroscopy"), a threshold right after it ("burns
    >30% TBSA"), and a site it is joined to after it ("surgery or trauma to the hips and
    legs" is no finding of every surgery). So does an operation or a condition the mention's
    own words name that the statement's names drop (given the `lexicon`): "heterotopic
    ossification after total hip arthroplasty" is read as post-arthroplasty HO, which a
    statement would say of every arthroplasty.
    """
    rules = statement_rules()
    pattern = _narrowing(rules.narrowing)
    if any(pattern.search(name) for name in names):
        return False
    topic = relation_rules().topic
    arguments = {claim.subject} if claim.object_is_text else {claim.subject, claim.object}
    kind = _narrowing(rules.narrowing_kind)
    threshold = _narrowing(rules.narrowing_after)
    site_link = _narrowing(rules.narrowing_site_link)
    for argument, start, end in _argument_places(claim, arguments, spans):
        for head in _conjuncts_before(start, sentence, spans):
            # "major abdominal trauma or surgery": a degree or a place before the first of
            # the coordinated names narrows each of them (a kind, "traumatic brain or spinal
            # cord injuries", the first only)
            before = _ITEM_BREAK.split(sentence[max(0, head - 60):head])[-1]
            # an article takes no place ("a missense mutation in the ACVR1 gene")
            words = [w for w in before.split()
                     if w.casefold() not in _ARTICLES][-rules.narrowing_reach:]
            if pattern.search(" ".join([*words, sentence[start:end]])):
                return True
            if (head == start and argument != topic and words and before[-1:].isspace()
                    and kind.fullmatch(words[-1])):
                return True  # ("neurogenic HO" is the condition's family: scope.yaml's)
            if head != start and argument not in sites and any(
                    concept in sites and finish < head and not sentence[finish:head].strip(" -")
                    for concept, _, finish in spans):
                return True
        if threshold.match(sentence, end):
            return True
        if lexicon is not None and _names_more(sentence[start:end], argument, names, lexicon):
            return True
        link = site_link.match(sentence, end)
        if argument not in sites | {topic} and link and any(
                concept in sites and s == link.end() for concept, s, _ in spans):
            return True
        if argument not in sites and any(
                concept in sites and concept != argument and finish < start
                and not sentence[finish:start].strip(" -")
                for concept, _, finish in spans):
            return True  # "hip arthroscopy": an operation at the hip, not every arthroscopy
    return False


_INNER_TYPES = frozenset({"procedure", "condition"})
"""The kinds of concept a mention's own words may name besides its concept (an index event)."""


def _names_more(mention: str, argument: str, names: Sequence[str], lexicon: Lexicon) -> bool:
    """Do the mention's words name an operation or a condition the statement's names drop?

    Its own concept and the broader ones aside: "heterotopic ossification after total hip
    arthroplasty" names the arthroplasty, which "post-arthroplasty HO" does not say.
    """
    words = _WORDS.findall(mention)
    said = " ".join(names).casefold()
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            inner = lexicon.concept_id_for(" ".join(words[i:i + n]))
            if (inner is None or inner == argument or lexicon.get(inner).type not in _INNER_TYPES
                    or (argument in lexicon and lexicon.is_a(argument, inner))):
                continue
            entry = lexicon.get(inner)
            if not any(name.casefold() in said for name in (entry.name, *entry.synonyms)):
                return True
    return False


_ARTICLES = frozenset({"a", "an", "the"})
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_ITEM_BREAK = re.compile(r"[,;:()\[\]]|\b(?:and|or|but|as well as)\b", re.IGNORECASE)
"""What ends the list item a mention stands in, looking back from it."""
_JOINED = re.compile(r"\s*,?\s*(?:or|and|and/or)\s+$", re.IGNORECASE)
"""What joins a name to the one coordinated right before it ("trauma or surgery")."""


def _conjuncts_before(start: int, sentence: str, spans: Sequence[tuple[str, int, int]]
                      ) -> list[int]:
    """Where a name starts, then where each name coordinated right before it starts.

    "trauma or surgery": the surgery, then the trauma.
    """
    heads = [start]
    while True:
        joined = [s for _, s, e in spans
                  if e <= heads[-1] and _JOINED.fullmatch(sentence, e, heads[-1])]
        if not joined or len(heads) > 4:
            return heads
        heads.append(max(joined))


def _argument_places(claim: Claim, arguments: set[str], spans: Sequence[tuple[str, int, int]]
                     ) -> list[tuple[str, int, int]]:
    """Where the claim's arguments are mentioned: inside its span, else the nearest mention."""
    lo, hi = claim.evidence.span_start, claim.evidence.span_end
    places = []
    for argument in arguments:
        own = [(s, e) for concept, s, e in spans if concept == argument]
        inside = [(s, e) for s, e in own if lo <= s and e <= hi]
        if inside or own:
            places += [(argument, s, e) for s, e in inside or [
                min(own, key=lambda p: min(abs(p[0] - lo), abs(p[0] - hi)))]]
    return places


@cache
def _narrowing(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


TITLE_WORDS = 4
"""The content words a title opens with, each capitalised ("Heterotopic Ossification After
Burns" opens with four)."""
TITLE_LOOK = 8
"""How many of a sentence's first content words are looked at."""
_LINKING = frozenset({"after", "with", "from", "into", "about", "among", "under", "over",
                      "than", "that", "this", "their", "following", "versus", "during",
                      "without", "within", "between", "through"})
"""Words a title leaves in lower case ("Ossification after Severe COVID-19 Pneumonia")."""


def is_title(sentence: str) -> bool:
    """Does the sentence open with a title (its first content words all capitalised)?

    A paper's or a page's title names its case or study, not a general finding: "Heterotopic
    Ossification of the Deltoid Muscle After Arthroscopic Rotator Cuff Repair" says one
    patient had it, not that arthroscopy raises the risk. Pages often run the title into the
    authors' line, so only its opening words are looked at.
    """
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", sentence)
             if len(w) > 3 and w.lower() not in _LINKING][:TITLE_LOOK]
    return len(words) >= TITLE_WORDS and all(w[0].isupper() for w in words)


GENETIC = "genetic"
"""The condition family a statement must name when its sentence speaks of it alone."""


def _family_unsaid(knowledge: KnowledgeStore, claim: Claim, genetic_pages: set[str]) -> bool:
    """Is the claim said of genetic HO (FOP) alone while its own names do not say so?

    "Activin A, a key protein driving HO in FOP": re-worded as "Activin A increases
    heterotopic ossification" the statement would drop "in FOP"; its sentence is quoted.
    So is a claim read on a page about FOP alone ("it causes bone to form …, leading to
    immobilisation"), whose sentence need not name FOP.
    """
    if GENETIC not in claim.scope.family and claim.evidence.doc_id not in genetic_pages:
        return False  # acquired HO is what a statement about HO is taken to mean
    named = [c for c in (claim.subject, claim.object) if c in knowledge.lexicon]
    return GENETIC not in scope_of(named, knowledge.lexicon).family


def _genetic_pages(knowledge: KnowledgeStore, doc_ids: set[str]) -> set[str]:
    """The pages whose topics (what they mention throughout) are of genetic HO alone."""
    return {doc_id for doc_id, topics in page_topics(knowledge, doc_ids).items()
            if one_family(topics, knowledge.lexicon).family == (GENETIC,)}


def _argument_elsewhere(claim: Claim, named: set[str], kinds: frozenset[str]) -> bool:
    """Does the claim's subject or object come from a sentence its citation does not show?

    "It's been used the longest to prevent HO" after "Indomethacin is an anti-inflammatory
    drug": a statement "Indomethacin prevents HO" would cite a sentence that does not name
    what it is about, so its sentence is quoted instead ("It is not useful after fractures,
    as they cause elevations" names no alkaline phosphatase either). What the sentence's
    headings or page title name is shown with the citation; the condition a page is about
    (HO or a kind of it) is taken from the page as every reader takes it.
    """
    arguments = (claim.subject,) if claim.object_is_text else (claim.subject, claim.object)
    return any(a not in named and a not in kinds for a in arguments)


def _statement_form(claim: Claim) -> str:
    """The template the claim's assertion is stated by (data/knowledge/predicates.yaml)."""
    return form_of(key_of(claim), phrasing())


def _names(knowledge: KnowledgeStore, claim: Claim) -> list[str]:
    """The names the statement would use for the claim's subject and object."""
    arguments = (claim.subject,) if claim.object_is_text else (claim.subject, claim.object)
    return [name_of(a, knowledge.lexicon) for a in arguments]


def _named_around(knowledge: KnowledgeStore, place: SentencePlace,
                  mentioned: list[tuple[str, str]]) -> set[str]:
    """The concepts the sentence, its section headings and its page title name."""
    headed = (c for text in (*place.section_path, place.title) if text
              for c in read_heading(text, knowledge.lexicon)[0])
    return {concept for concept, _ in mentioned} | set(headed)


def restated(knowledge: KnowledgeStore, facts: Sequence[Fact], told: OneCaseSentences
              ) -> list[Fact]:
    """The facts a statement may re-word, each with only the claims it may re-word.

    `told`: the sentences that tell of one patient (ask/case_told.py): a risk they tell is
    said of that patient, not in general.
    """
    keys = {(c.evidence.doc_id, c.evidence.sentence_idx) for f in facts for c in f.claims}
    places = knowledge.sentences(keys) if keys else {}
    mentioned = mentions_at(knowledge.store, keys) if keys else {}
    spans = mention_spans_at(knowledge.store, keys) if keys else {}
    named = {key: _named_around(knowledge, place, mentioned.get(key, []))
             for key, place in places.items()}
    kinds = condition_kinds(knowledge)
    genetic_pages = _genetic_pages(knowledge, {doc_id for doc_id, _ in keys})
    rules = statement_rules()
    lexicon = knowledge.lexicon
    sites = frozenset(c for found in spans.values() for c, _, _ in found
                      if c in lexicon and lexicon.get(c).type == "anatomy")

    def whole(claim: Claim) -> bool:
        key = (claim.evidence.doc_id, claim.evidence.sentence_idx)
        place = places.get(key)
        return ((not claim.object_is_text or claim.predicate in rules.free_text_stated)
                and not told.tells(claim)
                and place is not None and not restricted(claim, place.text, place.title or "")
                and not modal_dropped(claim, place.text, _statement_form(claim))
                and not narrowed(claim, place.text, _names(knowledge, claim),
                                 spans.get(key, ()), sites, lexicon)
                and not _family_unsaid(knowledge, claim, genetic_pages)
                and not _argument_elsewhere(claim, named.get(key, set()), kinds))

    kept = []
    for fact in facts:
        own = tuple(c for c in fact.claims if whole(c))
        if own == fact.claims:
            kept.append(fact)
        elif own:
            docs = {c.evidence.doc_id for c in own}
            kept.append(replace(fact, claims=own, qualifiers=merge_qualifiers(own),
                                document_titles={d: t for d, t in fact.document_titles.items()
                                                 if d in docs}))
    return kept
