"""What a question asks about that no source mentions: the honest reason to abstain.

"What is the success rate of shockwave therapy?" over sources that never say
"shockwave" has no answer in them, however well other sentences about therapy
rank. A content word of the question counts as unmentioned when no stored
sentence holds it, it is not part of a concept some source names, it is
not one of the words any question is framed with (data/ask/questions.yaml
`frame_words`), it is no misspelling of a word the sources do use nor a degree
of one of their adjectives ("mildest"), and the sources do not use another
word for it (`paraphrases`: "blood" is said
"serum", "solid" is said "ankylosis").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from osteon.ask.languages import asked_in_other_language, translations, unspaced_pages
from osteon.ask.page_names import pages_of_names
from osteon.ask.ranking_rules import compiled
from osteon.ask.records import Question
from osteon.ask.scope import condition_kinds
from osteon.ask.spelling import (
    TYPO_MIN_LENGTH,
    closes_a_compound,
    degree_of,
    ends_a_compound,
    misspelt,
    place_of_people,
    relative,
    resembles,
    written_as_one,
)
from osteon.ask.understand import (
    COPULAS,
    POLAR,
    WORD,
    QuestionRules,
    find_concepts,
    has_phrase,
    other_spellings,
    understand,
)
from osteon.corpus.scripts import unspaced
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.lexicon_schema import ConceptEntry
from osteon.reading.terms import fold

MIN_LENGTH = 3
NEAR_KINDS = 4
"""Kinds a broader concept has at most for its name to say what one of them is."""
MIN_UNMENTIONED = 2
LONG_TOPIC = 7
"""Letters of an unmentioned word that names a thing beside the topic a question names."""
DESCRIBING = ("en", "ous")
"""Endings of words that describe rather than name ("sudden", "obvious"): no long topic."""
ADJECTIVE_ENDINGS = ("some", "ful", "ous", "ive", "able", "ible", "less", "ish")
"""Endings of adjectives, words that describe a thing ("bothersome", "painful", "extensive"),
looked for right before a thing the question names (`_describing_a_concept`). Kept apart
from `DESCRIBING` (which decides whether a lone long word may be the topic): each serves
its own check, and one list for both would change what each decides."""


@dataclass(frozen=True, slots=True)
class Beyond:
    """What a question asks that no source treats, and whether that is all it asks."""

    words: tuple[str, ...] = ()
    """The unmentioned words that put (a part of) the question beyond the sources."""
    whole: bool = False
    """Every part of the question is beyond them: nothing to answer."""


PART = re.compile(r"(?<=[?!.;])\s+(?=\S)")
"""Where a question of several sentences ("Can X affect the eyes? Which warnings…") parts."""

MIN_PART_WORDS = 2
"""Content words a part of a question holds at least to ask something of its own."""


def beyond_sources(knowledge: KnowledgeStore, question: Question, words: list[str],
                   rules: QuestionRules) -> Beyond:
    """What of the question the sources cannot answer: all of it, a part of it, or nothing.

    A question of several parts asks several things: "Can palovarotene affect the eyes
    at night or mood? Which warnings does it carry?" is answered by a page on the drug's
    warnings that never says "eyes" or "mood". Each part is judged on its own; the
    question is beyond the sources only when every part that asks something (names a
    concept or two content words) is, and a part beyond them is said in a note. (On the
    fifth page set four answerable questions of two parts were abstained on for
    words of one part; no unanswerable question of any set has two parts.)
    """
    parts = [p for p in PART.split(question.text.strip()) if WORD.search(p)]
    if len(parts) > 1:  # whose story, or where from, read across the parts ("A.C. from …")
        whence = _whose_or_whence(question.text)
        words = [w for w in words if w not in whence]
    if len(parts) < 2 or not words:
        found = asks_beyond(knowledge, question, words, rules)
        return Beyond(tuple(found), bool(found))
    beyond: list[str] = []
    answerable = False
    for part in parts:
        sub = understand(part, knowledge.lexicon, rules)
        folded = {fold(w) for w in WORD.findall(part)}
        found = asks_beyond(knowledge, sub, [w for w in words if w in folded], rules)
        beyond.extend(w for w in found if w not in beyond)
        if not found and (sub.concepts or len(sub.words) >= MIN_PART_WORDS):
            answerable = True
    return Beyond(tuple(beyond), bool(beyond) and not answerable)


def asks_beyond(knowledge: KnowledgeStore, question: Question, words: list[str],
                rules: QuestionRules) -> list[str]:
    """The unmentioned `words` that make the question one the sources cannot answer, or [].

    One unmentioned word is usually the asker's own phrasing ("which joint is hit
    most?") unless it is a name ("which hospital in Brazil?"), the subject of a
    yes-or-no question ("does coffee…?", below) or, beside HO alone, a topic word;
    two or more ("is it covered by insurance in Germany?") mean it asks about
    something the sources never speak of. (Taking any unmentioned word in a
    yes-or-no question as a reason to abstain was measured and lost more answers
    than it saved: the subject is where its topic is.)
    """
    # a word that tells a source apart ("the Spanish case", "the fitness article"), the
    # source itself ("the insurer", "the answer"), the asker ("ICU consultant: …"), a person
    # by trade ("how can archaeologists tell …?") or the asker's adjective for a thing named
    # ("bothersome lesions") is no topic of the question
    asker = _asker(question.text)
    glossed = (_glossed(question.text) | _whose_or_whence(question.text)
               | _describing_a_concept(knowledge, question, rules))
    words = [w for w in words if w not in rules.source_nouns and w not in asker
             and not w.endswith(rules.practitioner_endings)
             and w not in glossed and not _names_a_source(question.text, w, rules)
             and not _alternative_of_said(knowledge, question.text, w, rules)
             and not _gloss_of_said(knowledge, question.text, w, rules)]
    topic = (unnamed_trial(knowledge, question, rules)
             or unnamed_topics(knowledge, question, rules)
             or unnamed_population(knowledge, question, rules)
             or asked_activity(question.text, words, rules)
             or unknown_subject(knowledge, question, words, rules)
             or _nothing_in_common(knowledge, question, words, rules))
    if topic:
        return topic
    kind = _kind_named(question.text, words, rules)
    if kind:
        return kind  # "laser therapy", "a hinged brace": the kind of care asked about
    phrasing_roles = _phrasing(question.text, rules)
    words = [w for w in words if w not in phrasing_roles]
    # everyday words that merely resemble a source's word ("notice", "share") phrase a
    # question rather than name its topic: only the rest count towards two
    vocabulary = knowledge.store.vocabulary()
    # ... as do participles and adverbs of manner ("get steadily worse")
    phrasing = [w for w in words if w.endswith(("ed", "ly")) or resembles(w, vocabulary)]
    rest = [w for w in words if w not in phrasing]
    # a question that names what the sources treat besides HO ("wear at the level next to
    # a disc arthroplasty", "the middle or the edge of the lesion?") is about that: short
    # everyday words of its own phrase it, unless one of them is a long name of a thing:
    # the players of "is HO after elbow surgery more common in rugby players"
    only_the_condition = _names_only_the_condition(knowledge, question, rules)
    if len(rest) >= MIN_UNMENTIONED and (only_the_condition or any(
            looks_topical(w) and len(w) >= LONG_TOPIC and not w.endswith(DESCRIBING)
            for w in rest) or _in_an_unnamed_name(knowledge, question, rest, rules)):
        return rest
    named = [w for w in words if _is_name(question.text, w)]
    if named:
        return named  # "which hospital in Brazil…": a name no source mentions
    topical = [w for w in words if looks_topical(w)]
    if topical and only_the_condition:
        return topical  # "does acupuncture shrink HO?": the word is what it asks about
    return []


def _in_an_unnamed_name(knowledge: KnowledgeStore, question: Question, words: list[str],
                        rules: QuestionRules) -> bool:
    """Are the unmentioned words all in the name of one concept no source names?

    "How often does HO develop after carpal tunnel release surgery?": an operation the
    lexicon knows and the sources never name, whose own words they never use either; the
    sources' other operations do not answer it.
    """
    unnamed = set(unnamed_concepts(knowledge, question, rules))
    tokens = [fold(w) for w in WORD.findall(question.text)]
    return any(concept in unnamed and set(words) <= set(tokens[first:last])
               for concept, first, last in find_concepts(question.text, knowledge.lexicon,
                                                         rules))


def unnamed_trial(knowledge: KnowledgeStore, question: Question, rules: QuestionRules
                  ) -> list[str]:
    """The name of a trial the question asks about that no source writes, or [].

    "How many patients took part in the MOVE trial?" over sources that speak of the drug
    but never of MOVE: a count of people born with FOP is no answer. The name is looked
    for with its capitals: a source's "move" is no mention of it. (On page sets 25-48 six
    unanswerable questions named such a trial; no answerable one did.) A source that
    writes the name as a word with its first capital before "trial" ("the palovarotene
    phase 3 Move trial") names it too.
    """
    return [fold(m.group("name")) for m in compiled(rules.trial_named).finditer(question.text)
            if not knowledge.store.writes(m.group("name"))
            and not knowledge.store.writes(m.group("name").capitalize() + " trial")][:1]


def unnamed_topics(knowledge: KnowledgeStore, question: Question, rules: QuestionRules
                   ) -> list[str]:
    """The question's words for a concept that no source names, by any name or those words.

    The lexicon knows "palovarotene" and "garetosmab"; over sources that never speak of
    them, "what is palovarotene used for?" has no answer, whatever else they say of FOP.
    A concept some of whose words a source uses ("blast injury" over a "blast
    mechanism") is no such concept.
    """
    unnamed = set(unnamed_concepts(knowledge, question, rules))
    if not unnamed:
        return []
    tokens = [fold(w) for w in WORD.findall(question.text)]
    vocabulary = knowledge.store.vocabulary()
    sources = knowledge.store.source_names()
    folded = " ".join(tokens)
    for concept, first, last in find_concepts(question.text, knowledge.lexicon, rules):
        # a name's long words tell it ("zoledronic" of "zoledronic acid"), else its short
        # ones ("cats"); a letter or a number no more ("substance P", "IL-1"); a lay word
        # ("clot") or a condition ("paraplegic", where sources speak of the injury) the
        # sources may well say another way
        words = [w for w in tokens[first:last] if len(w) >= MIN_LENGTH and w.isalpha()]
        said = [w for w in words if len(w) >= TYPO_MIN_LENGTH] or words
        if (concept not in unnamed or not said
                or knowledge.lexicon.get(concept).type not in rules.named_things
                or rules.lay_terms.get(" ".join(tokens[first:last])) == concept):
            continue
        # ... nor one a source's own name says ("…_oldenburg_mare_lameness_…": a case of
        # a horse whose text never says "horse")
        if len(knowledge.store.absent_words(said)) == len(said) and not any(
                _source_named(w, sources) or misspelt(w, vocabulary, rules)
                or relative(w, vocabulary, rules)
                or _said_otherwise(knowledge, w, folded, rules) for w in said):
            return said
    return []


def asked_activity(text: str, words: list[str], rules: QuestionRules) -> list[str]:
    """The activity a question asks whether someone may do, when no source uses its verb.

    "How soon can I drive again after HO is removed from my elbow?" over sources that
    never say "drive": they tell how the elbow moves after surgery, not when one may drive.
    `words` are the question's unmentioned words.
    """
    match = compiled(rules.activity_asked).search(text)
    if match is None or _OBJECT_ASKED.search(text[:match.start()]):
        return []  # "which patients should I watch…?": the verb's object is asked, not it
    verb = (match.group("verb") or match.group("verb2") or "").lower()
    after = WORD.findall(text[match.end():])[:1]
    if after and after[0].lower() in rules.particles:
        return []  # "steer clear of", "go back to work": an idiom, not the activity
    return [verb] if fold(verb) in words else []


_OBJECT_ASKED = re.compile(r"\b(?:what|which|whom?)\b", re.IGNORECASE)


def unnamed_population(knowledge: KnowledgeStore, question: Question, rules: QuestionRules
                       ) -> list[str]:
    """The question's words for a group of people no source speaks of, by them or a relative.

    "Can a pregnant woman receive radiation to prevent HO?" over sources that never speak
    of pregnancy: they say who should get radiation, not whether a pregnant woman should.
    A source that names the group by another of its names ("a parturient with FOP")
    speaks of it.
    """
    tokens = [fold(t) for t in WORD.findall(question.text)]
    asked = [w for w in dict.fromkeys(tokens) if w in rules.population_words]
    if not asked:
        return []
    unnamed = set(unnamed_concepts(knowledge, question, rules))
    spoken_of = {w for concept, first, last in find_concepts(question.text, knowledge.lexicon,
                                                             rules)
                 if concept in question.concepts and concept not in unnamed
                 for w in tokens[first:last]}
    vocabulary = knowledge.store.vocabulary()
    return [w for w in asked if w not in spoken_of and knowledge.store.absent_words([w])
            and not misspelt(w, vocabulary, rules) and not relative(w, vocabulary, rules)]


def unknown_subject(knowledge: KnowledgeStore, question: Question, words: list[str],
                    rules: QuestionRules) -> list[str]:
    """What no source names at the head of a yes-or-no question's subject, or [].

    "Does coffee…?", "Can dogs get FOP?", "Does smoking make it likelier?": the subject
    is what the question asks about, however well the rest of it (HO, a hip replacement)
    is covered. The subject is read from just after the auxiliary and its determiners; a
    leading verb in -ing with an object gives way to the object ("does taking vitamin
    D…"), a hyphenated modifier to the word it modifies, and it ends at the first word a
    source does use ("does each extra trip to theatre…": "extra" is a source's word, so
    the question is about something they treat). On the ~460 answerable questions of four
    real page sets and the seed sets this fired on none; it caught 17 of the 51
    unanswerable ones.
    """
    text = question.text
    if not POLAR.match(text):
        return []
    tokens = [fold(w) for w in WORD.findall(text)]
    found = find_concepts(text, knowledge.lexicon, rules)
    concepts = {i: c for c, first, last in found for i in range(first, last)}
    i = 1
    while i < len(tokens) and tokens[i] in rules.determiners:
        i += 1
    if i in concepts:
        # a concept at the head of the subject: the question is about it, and its words are
        # among the unmentioned ones only when no source names it nor its broader one
        # ("does type 2 diabetes raise the risk…?"); a named concept is the sources' topic
        span = [tokens[j] for j in range(i, len(tokens)) if concepts.get(j) == concepts[i]]
        return [w for w in span if w in words]
    start = i
    while (i < len(tokens) and i not in concepts and tokens[i] not in rules.stopwords
           and tokens[i] not in rules.frame_words):
        i += 1
    subject = tokens[start:i]
    if len(subject) == 1 and i in concepts and not subject[0].endswith("ing"):
        # "do heavy bleeding or…": a word right before a concept the sources name says
        # which of it, and the concept heads the subject (a kind of care is judged by its
        # noun below); two words may hold the verb ("does metformin reduce HO…")
        return []
    if len(subject) > 1 and subject[0].endswith("ing"):
        subject = subject[1:]  # "taking vitamin D": the verb's object is the topic
    if subject == [tokens[i - 1]] and subject[0].endswith("ing"):
        # "does smoking make…": a word in -ing heads the subject unless an object follows
        following = tokens[i] if i < len(tokens) else ""
        if i in concepts:
            # "does taking vitamin K2 supplements…": the taken concept is the subject, and
            # one no source names (by any name, nor a kind of it) is what they never treat
            if concepts[i] not in unnamed_concepts(knowledge, question, rules):
                return []
            return [" ".join(tokens[j] for j in range(i, len(tokens))
                             if concepts.get(j) == concepts[i])]
        if following in rules.pronouns:
            return []
        if following in rules.determiners:
            # "did giving the mice celecoxib…": the verb's object, after its determiners,
            # is what the question is about
            return _object_head(tokens, i, concepts, words, rules)
        word = subject[0]
        return [word] if (knowledge.store.absent_words([word])
                          and not misspelt(word, knowledge.store.vocabulary(), rules)) else []
    return _head(subject, words)


def _nothing_in_common(knowledge: KnowledgeStore, question: Question, words: list[str],
                       rules: QuestionRules) -> list[str]:
    """The unmentioned words of a question that shares no content word with the sources.

    "What's the best way to keep fresh basil from wilting?": it names no concept and no
    source uses "fresh", "basil" or "wilting"; that a word looks like a source's ("basil",
    "basal") makes it no phrasing of a question whose every word is foreign to them.
    """
    if question.concepts or len(words) < MIN_UNMENTIONED:
        return []
    content = [w for w in question.words if w not in rules.frame_words
               and w not in rules.stopwords and len(w) >= MIN_LENGTH]
    absent = set(knowledge.store.absent_words(content))
    return words if content and all(w in absent for w in content) else []


def _kind_named(text: str, words: list[str], rules: QuestionRules) -> list[str]:
    """The unmentioned words right before a noun for a kind of care or test ("laser therapy")."""
    tokens = [fold(w) for w in WORD.findall(text)]
    return [w for w, following in zip(tokens, tokens[1:], strict=False)
            if w in words and following in rules.kind_nouns]


def _phrasing(text: str, rules: QuestionRules) -> frozenset[str]:
    """The words whose place shows they phrase the question, not name its topic.

    The noun after "what"/"which" (or "what kind of") names the kind of answer asked for
    ("which organs did the vets remove?": a source names the organ, not the word
    "organs"); a word after a modal inside the question ("which parts POH will attack")
    or before an object ("how might a glycine switch the receptor on") is a verb. A
    name (capitalised inside the question) keeps its place: "what Brooker grade…".
    """
    tokens = [fold(w) for w in WORD.findall(text)]
    names = {w for w in tokens if _is_name(text, w)}
    roles = set(_asked_kinds(tokens, rules)) - names  # "what Brooker grade": a name
    verb_at_end = _verb_at_end(tokens, rules)
    for i, word in enumerate(tokens):
        if word in names:
            continue
        before = tokens[i - 1] if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        asked_kind = (before == "of" and i >= 3 and tokens[i - 2] in rules.kind_words
                      and tokens[i - 3] in rules.asking_words)
        # a modal right after a question word ("how CAN dogs…") comes before the subject
        after_modal = (before in rules.modals and i >= 2
                       and tokens[i - 2] not in rules.question_words)
        # "might a doctor MISTAKE …", "did the vets REMOVE …": after the opening verb and
        # its subject of a determiner and a noun
        # ("did the CiRA team SCREEN": a name may stand before the noun)
        after_subject = _after_subject(tokens, i, names, rules)
        # ... or of a name: "which doctor did Julie CONTACT"
        after_subject = after_subject or (i >= 2 and before in names
                                          and tokens[i - 2] in rules.modals | rules.auxiliaries)
        # a word before a question word takes it as its object ("to DESCRIBE what …")
        # and one after a subject pronoun is its verb ("why it MATTERS to tell…"), unless
        # a copula asks of the pronoun ("is it cancer?")
        after_pronoun = (before in SUBJECT_PRONOUNS
                         and (i < 2 or tokens[i - 2] not in COPULAS))
        if (asked_kind or after_modal or after_subject or after_pronoun or i == verb_at_end
                or after in rules.articles or after in rules.question_words):
            roles.add(word)
    return frozenset(roles)


def _after_subject(tokens: list[str], i: int, names: set[str], rules: QuestionRules) -> bool:
    """Whether tokens[i] follows an opening verb and its subject.

    The subject is a determiner, any names and one noun ("did the vets", "did the CiRA team").
    """
    j = i - 2  # tokens[i - 1] is the noun
    while j >= 1 and tokens[j] in names:
        j -= 1
    return j >= 1 and tokens[j] in rules.articles and tokens[j - 1] in (
        rules.modals | rules.auxiliaries)


CLAUSE_END = frozenset({"compared", "versus", "vs", "than", "when", "if", "after", "before",
                        "in", "at", "on", "for", "with", "during", "among", "over", "within"})
"""Words that end the clause a "how does X …" question asks its verb in."""


def _verb_at_end(tokens: list[str], rules: QuestionRules) -> int | None:
    """Where the verb of "how does <subject> <verb>?" stands, if it ends its clause.

    "How does the 587T>C type of FOP BEHAVE compared with the classic disease?": after an
    opening question word and auxiliary, a subject of its own words and a verb end the
    clause. Not after a pronoun ("how do I reset a password": the verb comes first), nor
    after an article or a stopword ("what does FOP do to the JAW": a noun ends it).
    """
    if len(tokens) < 4 or tokens[0] not in rules.question_words or (
            tokens[1] not in rules.auxiliaries | rules.modals) or tokens[2] in rules.pronouns:
        return None  # "how do I reset…": after a pronoun the verb comes first
    end = next((i for i, w in enumerate(tokens) if i > 2 and w in CLAUSE_END), len(tokens))
    last = end - 1
    before = tokens[last - 1]
    if last <= 2 or before in rules.articles or before in rules.stopwords:
        return None
    return last


def _asked_kinds(tokens: list[str], rules: QuestionRules) -> list[str]:
    """The first and the last word of the phrase after "what"/"which" (a figure passed).

    "what 3 ingredients are needed", "which macrophage-targeted treatment approaches does
    the review…": the phrase up to the verb names the kind of answer, its last word most of
    all (its first may say which: both are kept from counting). After "how" only the word
    right after: "how overfull was…" asks a degree, "how many astronauts…" counts a topic.
    """
    kinds = []
    for i, word in enumerate(tokens):
        if word not in rules.asking_words and word not in rules.degree_words:
            continue
        run: list[str] = []
        joined: list[str] = []  # "what are the two SHAPES or patterns": each noun joined
        rest = tokens[_after_copula(tokens, i + 1) if word in rules.asking_words else i + 1:]
        for at, following in enumerate(rest):
            if (following in rules.coordinators and run and word in rules.asking_words
                    and at + 1 < len(rest) and rest[at + 1] not in rules.stopwords
                    and rest[at + 1] not in rules.question_words):
                joined.append(run[-1])
                continue
            if following in rules.stopwords or following in rules.question_words:
                break
            if run and _past_verb(following):
                break  # "which less usual agents HELPED prevent…": the phrase has ended
            if not following.isdigit() and following not in NUMBER_WORDS:
                run.append(following)
        kinds += run[:1] if word in rules.degree_words else run[:1] + joined + run[-1:]
    return kinds


NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine",
                          "ten", "several"})
"""Words before an asked kind that count it ("what are the TWO shapes…"), as a figure does."""


PAST_VERB_MIN = 5
"""Letters a word in -ed has at least to be read as a verb that ends an asked phrase."""


def _past_verb(word: str) -> bool:
    """A past tense that follows an asked phrase ends it ("which drugs HELPED…")."""
    return len(word) >= PAST_VERB_MIN and word.endswith("ed")


SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "you", "i"})
"""Pronouns that stand as a subject: the word after one is its verb."""

POSSESSIVES = frozenset({"its", "their", "his", "her", "your", "my", "our"})
"""Words that say whose: after "what are", the noun they open is the kind asked for."""


def _after_copula(tokens: list[str], i: int) -> int:
    """Where the asked phrase starts after "what are its…".

    "What are its main dangers?" asks for the dangers of what the question names, as
    "what dangers?" does: after a copula and a possessive the noun is the kind asked for.
    Not after an article: "what is the five-year survival for osteosarcoma?" asks about
    survival, which a source must treat ("what is acupuncture?" likewise).
    """
    if i + 1 < len(tokens) and tokens[i] in COPULAS and tokens[i + 1] in POSSESSIVES:
        return i + 2
    # ... nor after an article and a count: "what are the two shapes…" asks for the shapes,
    # as "which two shapes…" does
    if (i + 2 < len(tokens) and tokens[i] in COPULAS and tokens[i + 1] == "the"
            and (tokens[i + 2] in NUMBER_WORDS or tokens[i + 2].isdigit())):
        return i + 2
    return i


def _head(run: list[str], words: list[str]) -> list[str]:
    """The unmentioned words that open a subject, compound modifiers passed over."""
    head = []
    for word in run:
        if "-" in word and word not in words:
            continue  # a compound modifier ("a high-calcium diet") says which, not what
        if word.endswith("ed") and not head:
            continue  # a participle ("a published Italian series") says which, not what
        if word not in words:
            break
        head.append(word)
    return head


def _object_head(tokens: list[str], i: int, concepts: dict[int, str], words: list[str],
                 rules: QuestionRules) -> list[str]:
    """The unmentioned head of the object that starts at token `i` (after its determiners)."""
    while i < len(tokens) and tokens[i] in rules.determiners:
        i += 1
    start = i
    while (i < len(tokens) and i not in concepts and tokens[i] not in rules.stopwords
           and tokens[i] not in rules.frame_words):
        i += 1
    return _head(tokens[start:i], words)


ROMAN = re.compile(r"[ivx]+(?:-[ivx]+)+")
"""Roman numerals joined ("II-III"): grades, as classifications write them."""

SHORT_FRAME = 6
"""A word this long at least may be a slip of a framing word ("actualy" of "actually")."""

_FRAMING: dict[int, list[str]] = {}
"""Per set of question rules, every word that frames a question, sorted (a vocabulary)."""


def _frames(word: str, rules: QuestionRules) -> bool:
    """Is the word a slip of one that frames any question ("actualy" of "actually")?"""
    if len(word) < SHORT_FRAME or word in rules.paraphrases:
        return False
    framing = _FRAMING.get(id(rules))
    if framing is None:
        framing = _FRAMING[id(rules)] = sorted(rules.frame_words | rules.stopwords)
    return misspelt(word, framing, rules)

CODE = re.compile(r"[a-z]+-?\d+[a-z\d]*")
"""A code or a named thing with a number ("ICD-10", "COVID-19"): a word to look up too."""

COMPOUND = re.compile(r"[a-z]+(?:-[a-z]+)+")
"""A hyphenated abbreviation ("PET-CT"): looked up as the phrase its parts make. (Any
hyphenated word was measured: "knock-on", "robot-assisted" are phrasing, and lost answers.)"""

TOPIC_MIN_LENGTH = 6
"""A lone unmentioned word this long, and no verb form, may be what a question is about."""


def _describing_a_concept(knowledge: KnowledgeStore, question: Question, rules: QuestionRules
                          ) -> frozenset[str]:
    """The asker's adjectives right before a thing the question names, not names themselves.

    "What treatments does the review mention for BOTHERSOME osteoma cutis lesions?": the
    page says "disturbing lesions"; the word says how the lesions are felt, and asks about
    them, not about something no source treats. An adjective standing alone is still what
    is asked ("is HO contagious?").
    """
    tokens = [fold(w) for w in WORD.findall(question.text)]
    starts = {first for _, first, _ in find_concepts(question.text, knowledge.lexicon, rules)}
    return frozenset(tokens[i - 1] for i in starts
                     if i and tokens[i - 1].endswith(ADJECTIVE_ENDINGS)
                     and not _is_name(question.text, tokens[i - 1]))


def looks_topical(word: str) -> bool:
    """Could the word name a topic rather than phrase the question?

    Long words that are not verb forms: "acupuncture", "dementia", "metformin" are
    topics; "catch", "picked up", "grew" phrase a question whose topic the sources
    treat (measured on the second page set's held-out questions, where short words
    and past tenses were abstained on wrongly).
    """
    return len(word) >= TOPIC_MIN_LENGTH and not word.endswith(("ed", "ly"))


def _names_only_the_condition(knowledge: KnowledgeStore, question: Question,
                              rules: QuestionRules) -> bool:
    """Does the question name no concept but HO itself, or a kind of it?

    Then a word no source mentions is the question's whole topic ("does HO raise
    the risk of dementia?", "do racehorses get myositis ossificans?"), not the
    asker's phrasing around a topic the sources do treat ("which joint does HO hit
    most after a hip replacement?"). (A word the sources say otherwise, "footballer"
    for athletes, is no unmentioned word: `paraphrases`.) A question that names no
    concept at all but points at a source ("the lesson of this case report", "the
    reader in that study", "why did the patient get the scan?") asks what the source
    says: its unmentioned word phrases it. So does one that names the people a page tells
    of ("why doesn't the Winnard family move to a bungalow?").
    """
    if not question.concepts and (_points_at_a_source(question.text, rules)
                                  or pages_of_names(knowledge, question.text, rules)):
        return False
    kinds = condition_kinds(knowledge)
    # ... nor a place in the body or a test beside a disorder's name no source mentions,
    # which say where that disorder is or how it is seen ("how is a pilomatricoma of the
    # skin diagnosed?", "what is hypertrophic pulmonary osteoarthropathy and how does it
    # show on a bone scan?")
    beside = frozenset(rules.beside_disorder_types) if any(
        w.endswith(rules.disorder_endings) and knowledge.store.absent_words([w])
        for w in question.words) else frozenset()
    named = [c for c in question.concepts if c not in kinds
             and knowledge.lexicon.get(c).type not in beside]
    # a concept no source names ("does HO raise the risk of dementia?") is the question's
    # unmentioned topic, not a topic the sources treat
    return not named or set(named) <= set(unnamed_concepts(knowledge, question, rules))


def _points_at_a_source(text: str, rules: QuestionRules) -> bool:
    """Does the question speak of a source or its patient as known ("this case report")?

    "That study", "these early cases", "the patient": a pointing word within a few words
    before a source noun.
    """
    words = [fold(w) for w in WORD.findall(text)]
    return any(w in rules.pointing_words and any(
        v in rules.source_nouns for v in words[i + 1:i + 1 + SOURCE_NOUN_WITHIN])
        for i, w in enumerate(words))


ASKER = re.compile(r"\s*(?!(?:what|how|when|why|which|who|where|whose|is|are|was|were|does|do|did|"
                   r"can|could|should|will|would|has|have|may|might)\b)"
                   r"(?P<asker>(?:[\w'-]+\s+){0,3}[\w'-]+)\s*(?::|\s+here\s*[-–,:])\s+\S")
"""Who asks, before the question ("ICU consultant: how soon…", "Radiographer here - which…")."""


GLOSS = re.compile(r"\w\s*\((?:the\s+|an?\s+)?([A-Z][A-Z0-9-]{1,9})\)")
"""An abbreviation in brackets after what it stands for ("how badly hurt they were (the ISS)")."""


def _glossed(text: str) -> frozenset[str]:
    """The abbreviations a question gives in brackets after saying what they stand for.

    "Did how badly hurt people were overall (the ISS) predict…": the question says in its
    own words what it asks about; a source that says "injury severity" answers it without
    the short name.
    """
    return frozenset(fold(m.group(1)) for m in GLOSS.finditer(text))


WHOSE = re.compile(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z]+)['’]s\b")
"""A name in the possessive inside a question: whose story it asks about ("Jason's first
operation")."""

DEMONYM = re.compile(r"(?<!^)\b([A-Z][a-z]+(?:ish|ese|ian|ean|ican|ch|i))\b")
"""A word for where people come from ("the French radiologists", "a Turkish patient")."""


WHENCE = re.compile(r"\b(?:(?:wom|m)[ae]n|girls?|boys?|child(?:ren)?|patients?|cases?"
                    r"|famil(?:y|ies)|teams?|doctors?|surgeons?|authors?|(?-i:[A-Z][\w.]*))\s+from\s+"
                    r"(?-i:([A-Z][a-z]+))\b", re.IGNORECASE)
"""Where the people of a case come from ("A.C. from Brazil", "two cases from Nigeria"): a
page on them may name only its journal's country, or none."""


def _whose_or_whence(text: str) -> frozenset[str]:
    """Names that say whose story or where from, not what is asked.

    "How long until Jason's first HO operation?", "the French radiologists": a patient's
    blog need not repeat his name, nor a paper say the authors are French; the question
    asks what the page says of them. (A place named on its own, "which hospital in
    Brazil", is still asked about.)
    """
    return frozenset(fold(m.group(1)) for pattern in (WHOSE, DEMONYM, WHENCE)
                     for m in pattern.finditer(text))


def _asker(text: str) -> frozenset[str]:
    """The words that say who asks, before a colon or "here -" that opens the question."""
    found = ASKER.match(text)
    return frozenset(fold(w) for w in WORD.findall(found.group("asker"))) if found else frozenset()


SOURCE_NOUN_WITHIN = 4
"""Words a name may stand before the case or study it tells apart ("the Navy amputee clinic
series")."""


def _names_a_source(text: str, word: str, rules: QuestionRules) -> bool:
    """Does the word only tell apart the case or study asked about?

    "The Turkish stroke patient", "the UPMC teaching case", "the fitness article": such a
    word says where a source comes from, which its text need not say; the question asks
    what the source says. (A name on its own, "which hospital in Brazil", is asked about.)
    A name may stand a few words before the noun; a word that is no name, right before it
    ("a shockwave therapy protocol" asks about shockwave therapy).
    """
    for quoted in _QUOTED.finditer(text):
        inside = {fold(w) for w in WORD.findall(quoted.group(1))}
        near = [fold(w) for w in WORD.findall(text[:quoted.start()])][-SOURCE_NOUN_WITHIN:] + [
            fold(w) for w in WORD.findall(text[quoted.end():])][:SOURCE_NOUN_WITHIN]
        if word in inside and any(w in rules.source_nouns for w in near):
            return True  # "the registry paper 'Faces of FOP'": the title the asker cites
    for match in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        if _PLACE_ASKED.search(text[:match.start()]):
            continue  # "which hospital in Auckland runs a clinic": the place is asked
        if match.group()[:1].isupper() and _YEAR_AFTER.match(text, match.end()):
            return True  # "Schuetz 2005": an author cited by the year of the work
        within = SOURCE_NOUN_WITHIN if match.group()[:1].isupper() else 1
        following = [fold(w) for w in WORD.findall(text[match.end():])][:within]
        if any(w in rules.source_nouns for w in following):
            return True
    return False


_QUOTED = re.compile(r"(?:(?<=\s)|^)['‘\"“]([^'‘’\"“”]{2,120})['’\"”](?=[\s,.;:?!)]|$)")
"""Words in quotation marks: a title the asker cites when a source noun stands beside them."""
_YEAR_AFTER = re.compile(r"\s*,?\s*\(?(?:19|20)\d\d\b")
"""A year right after a name: the name cites a work ("Schuetz 2005", "Meiners (1997)")."""
_PLACE_ASKED = re.compile(r"\b(?:which|what)\s+[\w-]+\s+(?:in|at|near)\s+$", re.IGNORECASE)
"""A wh-question about something in a place: "which hospital in Auckland …"."""


def _alternative_of_said(knowledge: KnowledgeStore, text: str, word: str,
                         rules: QuestionRules) -> bool:
    """Is the word one side of a choice whose other side the sources use?

    "Were the nails put in antegrade or retrograde?": the page says "antegrade", which
    answers it; the side it does not name is offered, not asked about; so are the items
    of a list of options ("treated how - drugs, rest, surgery?"), said in the sources'
    words or in their own ("races": racial). A comparison of two sides ("more common after
    the anterior or the posterior approach?") asks about both; one over a list of three or
    more ("more common in certain races, countries or in one sex?") asks whether any
    group is favoured, which a source answers in its words for any of them.
    """
    comparing = bool(_COMPARING.search(text))
    folded = " ".join(_folded_words(text))
    for match in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        before = _JOINED_BEFORE.search(text, 0, match.start())
        after = _JOINED_AFTER.match(text, match.end())
        if comparing and not (before and after):
            continue  # one of two sides compared: asked
        sides = [(side.group("word"), "," not in side.group("joint") or bool(before and after))
                 for side in (before, after) if side is not None]
        if any(listed and (_said(knowledge, other, rules)
                           or _said_otherwise(knowledge, fold(other), folded, rules))
               for other, listed in sides):
            return True
    return False


BRACKETED = re.compile(r"([\w-]+)\s*\(([^()]{2,40})\)")
"""A word and what the asker adds in brackets after it: "the armpit (axilla)"."""


def _gloss_of_said(knowledge: KnowledgeStore, text: str, word: str, rules: QuestionRules
                   ) -> bool:
    """Is the word one of two names the question gives for one thing, the other said?

    "A growth in a child's armpit (axilla)", "the axilla (armpit)": the asker names it
    twice, in everyday words and in a source's; a page that says "axilla" answers it.
    """
    for match in BRACKETED.finditer(text):
        before = fold(match.group(1))
        inside = [fold(w) for w in WORD.findall(match.group(2))]
        if before == word and any(_said(knowledge, w, rules) for w in inside):
            return True
        if word in inside and _said(knowledge, before, rules):
            return True
    return False


def _said(knowledge: KnowledgeStore, word: str, rules: QuestionRules) -> bool:
    other = fold(word)
    return (len(other) >= MIN_LENGTH and other not in rules.stopwords
            and other not in rules.frame_words and not knowledge.store.absent_words([other]))


_JOINED_BEFORE = re.compile(r"(?P<word>\w+)(?P<joint>\s+or\s+|\s*/\s*|\s*,\s*(?:or\s+)?)$")
_JOINED_AFTER = re.compile(r"(?P<joint>\s+or\s+|\s*/\s*|\s*,\s*(?:or\s+)?)(?P<word>\w+)")
"""A word joined to the one before or after it as an option: "A or B", "A/B", "A, B, C"
(a comma joins options only where the word is joined on both sides)."""


_COMPARING = re.compile(r"\b(?:more|less|better|worse|higher|lower|fewer|greater|safer|"
                        r"likelier|than|versus|vs)\b", re.IGNORECASE)


def _is_name(text: str, word: str) -> bool:
    """Is the word written as a name or an abbreviation ("Brazil", "the NHS")?

    Capitalised where it does not open the question.
    """
    for match in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        written = match.group()
        if match.start() > 0 and written[:1].isupper():
            return True
    return False


def _folded_words(text: str) -> list[str]:
    return [re.sub(r"['’]s$", "", fold(m.group())) for m in WORD.finditer(text)]


def _source_named(word: str, sources: frozenset[str]) -> bool:
    """Does the word name a source, in the singular or the plural ("the BestBET": bestbets)?"""
    return any(form in sources for form in (word, word + "s", word + "es", word.removesuffix("s")))


def unnamed_words(knowledge: KnowledgeStore, question: Question, rules: QuestionRules
                  ) -> list[str]:
    """The question's content words that name no concept a source names (folded).

    The words of a concept some source names are left out; a concept no source names by
    any name, nor by its broader one ("paraplegic" where they speak of the cord injury),
    is judged by its words like any other ("dementia" over pages that never speak of it)
    but for HO, which every source is about however it says it: "bone in the wrong place"
    is HO too.
    """
    text = question.text
    spans = [m.span() for m in WORD.finditer(text)]
    words = _folded_words(text)
    condition = condition_kinds(knowledge)
    unnamed = {c for c in unnamed_concepts(knowledge, question, rules)
               if c not in condition and not _broader_named(knowledge, c)}
    named = {i for concept, first, last in find_concepts(text, knowledge.lexicon, rules)
             if concept not in unnamed for i in range(first, last)}
    # the asker's home ("I live in Madrid") or informant ("our GP said") is their situation,
    # not something asked of sources
    situation = [found.span("situation") for pattern in rules.asker_situation
                 for found in compiled(pattern).finditer(text)]
    named |= {i for i, (start, end) in enumerate(spans)
              if any(first <= start and end <= last for first, last in situation)}
    return [w for i, w in enumerate(words) if i not in named and len(w) >= MIN_LENGTH
            and (w.isalpha() or CODE.fullmatch(w)
                 or (COMPOUND.fullmatch(w) and text[slice(*spans[i])].isupper()))
            and not w.endswith("ing")
            and w not in rules.stopwords and w not in rules.frame_words]


LOANWORD = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}")
"""A run of katakana: in Japanese, a word of its own, mostly a foreign one ("インドメタシン",
indomethacin), which a Japanese question's unspaced words show apart from the rest."""


def unmentioned(knowledge: KnowledgeStore, question: Question, rules: QuestionRules
                ) -> list[str]:
    """The question's content words that no source sentence holds (misspellings aside).

    None of a question written in another language: its words cannot be told apart from
    the asking that frames them ("welche", "laut"), nor matched to the sources' own; but a
    Japanese question's katakana words are words of their own (`LOANWORD`). None either of
    a question naming a language written without spaces, which its words cannot be looked
    for in (`unspaced_pages`).
    """
    loanwords = LOANWORD.findall(question.text)
    if loanwords and (absent := knowledge.store.absent_words(loanwords)):
        return absent
    asked = _folded_words(question.text)
    folded = " ".join(asked)
    if asked_in_other_language(folded) or unspaced_pages(knowledge.store, folded):
        return []
    # an unspaced run of Chinese or Japanese is no word (its words are not told apart)
    absent = knowledge.store.absent_words([w for w in unnamed_words(knowledge, question, rules)
                                           if not unspaced(w)])
    if not absent:
        return []
    vocabulary = knowledge.store.vocabulary()
    sources = knowledge.store.source_names()  # "the UPMC case": a source named as it is known
    # a slip of a word that frames any question ("actualy") frames this one; Roman
    # numerals joined ("Brooker II-III") are grades, no topic
    return [w for w in absent if not _source_named(w, sources) and not ROMAN.fullmatch(w)
            and not closes_a_compound(w, vocabulary)
            and not written_as_one(w, asked, vocabulary)
            and not _frames(w, rules) and not misspelt(w, vocabulary, rules)
            and not degree_of(w, vocabulary)
            and not relative(w, vocabulary, rules)
            and not place_of_people(w, vocabulary, rules)
            and not _said_otherwise(knowledge, w, folded, rules)
            and not _spelled_otherwise(knowledge, w, rules)]


INITIALS = (2, 6)
"""Letters of a capitalised question word read as the initials of words a source writes."""
JOINING = r"(?:(?:of|and|the|for|in|with)\s+)?"
"""A small word a name's initials skip ("open reduction and internal fixation": ORIF)."""


def spelled_out(question_text: str, word: str, texts: Sequence[str], joined: bool = True
                ) -> bool:
    """Is an unmentioned word the initials of words one of the texts writes in full?

    "after TAR" over a page that says "total ankle replacement" throughout: the asker's
    abbreviation is the page's name for it, not something the sources never speak of.
    Only a word the question writes in capitals is read so ("tar" is a word). A name with a
    comma in it counts ("University of California, Los Angeles": UCLA). Without `joined`,
    no small word may stand between the initials' words (texts looked in more loosely
    chosen: "conjunction with pharmacological treatment" is no "CPT").
    """
    low, high = INITIALS
    written = re.search(rf"\b{re.escape(word)}\b", question_text, re.IGNORECASE)
    if (written is None or not written.group().isupper() or not written.group().isalpha()
            or not low <= len(word) <= high):
        return False
    apart = r"\w*(?:,\s+|[\s-]+)"
    between = apart + (JOINING if joined else "")
    # letters from inside words skip no small word: "ACross the Lifespan" is no ACL
    return any(compiled(pattern).search(text) for pattern in (
        r"\b" + between.join(word) + r"\w*", _letters_within(word.lower(), apart))
        for text in (question_text, *texts))


@lru_cache(maxsize=256)
def _letters_within(word: str, between: str) -> str:
    """A pattern for a phrase the word abbreviates with letters from inside its words too.

    "TXA" is "TraneXamic Acid", "BMP" "Bone Morphogenetic Protein" (initials only): each
    word of the phrase gives its first letter and maybe later ones of its own, in order;
    the phrase has at least two words, of four letters or more ("fixed and" is no FDA).
    A word of the phrase may itself be an abbreviation the text writes in capitals, giving
    all its letters: "IFOPA" is the "International FOP Association" (not "as": in lower
    case a short word is just a word).
    """
    ways = []
    for cuts in range(1, 2 ** (len(word) - 1)):  # where a new word of the phrase begins
        groups, current = [], word[0]
        for i, letter in enumerate(word[1:]):
            if cuts >> i & 1:
                groups.append(current)
                current = letter
            else:
                current += letter
        groups.append(current)
        if any(len(g) > 1 for g in groups):  # all initials: the plain pattern's
            ways.append(between.join(_word_giving(g) for g in groups) + r"\w*")
    return r"\b(?:" + "|".join(ways) + ")" if ways else r"(?!)"


MIN_INNER_ABBREVIATION = 2
"""Letters of an abbreviation inside a longer one ("FOP" in "IFOPA")."""


def _word_giving(letters: str) -> str:
    """A pattern for a word of a phrase that gives these letters to its abbreviation.

    A long word gives its first letter and maybe later ones ("TraneXamic"); a word the
    text writes in the same capitals gives them all ("FOP" in "International FOP
    Association"): the second is matched case-sensitively, so "as" gives no "AS".
    """
    inside = r"(?=\w{4})" + letters[0] + "".join(r"\w*" + c for c in letters[1:])
    if len(letters) < MIN_INNER_ABBREVIATION:
        return inside
    return rf"(?:{inside}|(?-i:{re.escape(letters.upper())})\b)"


def unnamed_concepts(knowledge: KnowledgeStore, question: Question, rules: QuestionRules
                     ) -> list[str]:
    """The question's concepts that no source names, by any of their names or their forms.

    The lexicon knows "calcification"; a corpus may still never speak of it. One that
    speaks of "hemiplegic" children names hemiplegia, and one that says "risedronate was
    given" speaks of a bisphosphonate (a class is named by its kinds' names too).
    """
    lexicon = knowledge.lexicon
    hierarchy = knowledge.hierarchy()
    unnamed = []
    for concept in question.concepts:
        if concept not in lexicon:
            continue
        names = _names_of(lexicon.get(concept))
        if len(knowledge.store.absent_words(names)) < len(names):
            continue
        kinds = [name for k in sorted(hierarchy.narrower(concept) - {concept}) if k in lexicon
                 for name in _names_of(lexicon.get(k))]
        if kinds and len(knowledge.store.absent_words(kinds)) < len(kinds):
            continue
        vocabulary = knowledge.store.vocabulary()
        if not any(" " not in name and misspelt(fold(name), vocabulary, rules)
                   for name in names):
            unnamed.append(concept)
    return unnamed


def _broader_named(knowledge: KnowledgeStore, concept: str) -> bool:
    """Does a source name a near broader concept the given one is a direct kind of?

    Near: one of few kinds ("paraplegic" where the sources speak of the cord injury, one of
    its two kinds). A category of many ("hip arthroscopy" among orthopaedic operations, a
    labral tear among musculoskeletal disorders) does not say what the sources say of it.
    """
    hierarchy = knowledge.hierarchy()
    for parent in knowledge.lexicon.get(concept).parents:
        if len(hierarchy.narrower(parent)) - 1 > NEAR_KINDS:
            continue
        names = _names_of(knowledge.lexicon.get(parent))
        if len(knowledge.store.absent_words(names)) < len(names):
            return True
    return False


def _names_of(entry: ConceptEntry) -> list[str]:
    """Every name a concept goes by: its name, synonyms and abbreviations ("JAK1"), each once.

    Counted against the words no source uses: a name listed twice ("Coumadin", "coumadin")
    would pass for one a source uses.
    """
    return list({fold(n): n for n in (entry.name, *entry.synonyms, *entry.abbreviations)
                 }.values())


def _spelled_otherwise(knowledge: KnowledgeStore, word: str, rules: QuestionRules) -> bool:
    """Do the sources write the word the other way ("conceptualised", "conceptualized")?"""
    variants = list(other_spellings(word, rules))
    return bool(variants) and len(knowledge.store.absent_words(variants)) < len(variants)


def _said_otherwise(knowledge: KnowledgeStore, word: str, folded: str, rules: QuestionRules
                    ) -> bool:
    """Do the sources use another word for it (a paraphrase, another language's word)?

    A said word counts too where a source joins a combining form to it: "collarbone" is
    said "clavicular", which "a mass in the supraclavicular area" holds; and a one-word
    phrase's plural ("knocks") is said as the phrase is.
    """
    # a plural of a one-word phrase is said the same ways ("bumps and knocks": "knock")
    singulars = {word[:-1], word[:-2]} if word.endswith("s") else set()
    # a page in another language says it in its own words ("symptoms": asintomatiche)
    for phrase, said in (*rules.paraphrases.items(), *translations()):
        if (word in phrase.split() and has_phrase(folded, phrase)) or phrase in singulars:
            # each said word or phrase ("intensive care" for ICU) looked up as written
            absent = knowledge.store.absent_words(said)
            if len(absent) < len(said) or any(
                    ends_a_compound(w, knowledge.store.vocabulary(), rules)
                    for w in absent if " " not in w):
                return True
    return False


def topics_among(knowledge: KnowledgeStore, words: list[str]) -> list[str]:
    """The unmentioned words that may name a topic: long, no verb form, like no source word.

    "Does the reason matter - arthritis vs a broken neck?": "matter" phrases it.
    """
    vocabulary = knowledge.store.vocabulary()
    return [w for w in words if looks_topical(w) and not resembles(w, vocabulary)]
