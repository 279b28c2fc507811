"""How a question's word stands to the words the sources use: a slip, a form, a look-alike.

A word no stored sentence holds is either something the sources never speak of (what
ask/unmentioned.py abstains on) or the asker's way of writing one of their words: a
typing slip ("replacment"), another form ("immature", "pregnant", "sarcoma" beside
"osteosarcoma"), a relative ("dentist" of "dental"). The sources' words are the full-text
index's vocabulary, stemmed as the index stems them ("replac", "medic"), sorted. The word
lists (inflections, negating prefixes, combining forms, derivations) are data
(data/ask/questions.yaml).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from osteon.ask.ranking_rules import compiled
from osteon.ask.understand import QuestionRules

TYPO_MIN_LENGTH = 5
LOOK_ALIKE = 75
"""A share of letters in common (rapidfuzz's ratio) that makes a word look like another."""
FORM_MIN_LENGTH = 4
"""Letters a word keeps at least once a derivational ending or a prefix is taken off."""
STEM_MIN_LENGTH = 5
"""Letters a word keeps at least once an inflection is taken off ("Everest" is no "ever")."""
SHORT_WORD = 7
"""A word this long or shorter is a typo of a source word one slip away; a longer one, two."""
COMPOUND_END = 6
"""Letters a word has at least to be taken for the end of a source's compound word."""
SHARED_START = 6
"""Letters a relative shares with a source's word at least (all but its last two)."""
NEIGHBOURS = 5
"""Source words at most the allowed slips away that are checked for a likely slip."""


def misspelt(word: str, vocabulary: list[str], rules: QuestionRules) -> bool:
    """Is the word a slip of one the sources use, or a form of one, rather than a new word?

    One typing slip (`slips_of`) in a word of up to seven letters, two in a longer one,
    counted on the word and on it without an inflection ("replacment" of "replacement",
    whose index stem is "replac"); a word that begins a source's word ("press" of
    "pressure") or shares all but its ending with one ("pregnant", "pregnancy"); the end
    of a source's compound ("sarcoma" of "osteosarcoma"); a negated source word
    ("immature" of "mature") or one a combining form begins ("substudy" of "study"). (A
    looser likeness, 75 % of letters in common, took "Boston" for "postpone", "Medicare"
    for "medical", "laser" for "later": questions about what no source mentions were
    answered.)
    """
    if len(word) < TYPO_MIN_LENGTH:
        return False
    forms = {word, *(word[:-len(end)] for end in rules.inflections
                     if word.endswith(end) and len(word) - len(end) >= STEM_MIN_LENGTH)}
    prefixes = (*rules.negating_prefixes, *rules.combining_forms)
    forms |= {form[len(prefix):] for form in list(forms) for prefix in prefixes
              if form.startswith(prefix) and len(form) - len(prefix) >= FORM_MIN_LENGTH}
    return any(_a_form_of_a_source_word(form, vocabulary, rules) for form in forms)


def _a_form_of_a_source_word(form: str, vocabulary: list[str], rules: QuestionRules) -> bool:
    at = bisect_left(vocabulary, form)
    if at < len(vocabulary) and vocabulary[at].startswith(form):
        return True  # the form itself, or the start of a source word
    if ends_a_compound(form, vocabulary, rules):
        return True  # the end of a source's compound ("sarcoma" of "osteosarcoma")
    shared = max(SHARED_START, len(form) - 2)
    if len(form) >= shared:
        start = form[:shared]
        at = bisect_left(vocabulary, start)
        if at < len(vocabulary) and vocabulary[at].startswith(start):
            return True  # a relative sharing all but its ending ("pregnant", "pregnancy")
    slips = 1 if len(form) <= SHORT_WORD else 2
    return any(slips_of(form, near) for near, _, _ in process.extract(
        form, vocabulary, scorer=Levenshtein.distance, score_cutoff=slips, limit=NEIGHBOURS))


def ends_a_compound(form: str, vocabulary: list[str], rules: QuestionRules) -> bool:
    """Does a source word join a combining form to it?

    "supraclavicular" joins "supra" to "clavicular", "osteosarcoma" "osteo" to "sarcoma".
    """
    return len(form) >= COMPOUND_END and any(
        head in rules.combining_forms for head in _heads_before(form, vocabulary))


COMPOUND_HEAD = 3
"""Letters a compound holds at least before a word it closes ("zebra-fish")."""
CLOSING_WORD = 4
"""Letters a word has at least to be read as closing a compound ("fish", not "ice")."""


def closes_a_compound(word: str, vocabulary: list[str]) -> bool:
    """Does a source write the word as the end of any compound ("fish": zebrafish)?

    Looser than `ends_a_compound`: the head need be no combining form. Asked only of
    words no source writes on their own, which a longer word of theirs then names. The
    index keeps its words without a final "s" ("hemodialysi"), so "dialysis" is looked
    for without it too.
    """
    forms = (word, word[:-1]) if word.endswith("s") and not word.endswith("ss") else (word,)
    return len(word) >= CLOSING_WORD and any(
        len(head) >= COMPOUND_HEAD for form in forms for head in _heads_before(form, vocabulary))


def written_as_one(word: str, words: Sequence[str], vocabulary: list[str]) -> bool:
    """Does a source write the word run together with the question's word next to it?

    "Joey Sooch" is a page's "JoeySooch" (a handle), "bone scan" another's "bonescan": the
    words the question writes apart are one word there, so neither is unmentioned. The
    index keeps its words without a final "s", so the joined form is looked for so too.
    """
    at = [i for i, w in enumerate(words) if w == word]
    pairs = {words[i - 1] + word for i in at if i > 0} | {
        word + words[i + 1] for i in at if i + 1 < len(words)}
    forms = pairs | {p[:-1] for p in pairs if p.endswith("s") and not p.endswith("ss")}
    return any(_listed(form, vocabulary) for form in forms)


def _listed(form: str, vocabulary: list[str]) -> bool:
    """Is the form a word of the (sorted) vocabulary itself?"""
    at = bisect_left(vocabulary, form)
    return at < len(vocabulary) and vocabulary[at] == form


def _heads_before(form: str, vocabulary: list[str]) -> Iterator[str]:
    """What each source word that ends with the form holds before it."""
    return (v[:-len(form)] for v in vocabulary if v.endswith(form) and len(v) > len(form))


DEGREE_ENDINGS = ("est", "er")
DEGREE_BASE_LENGTH = 3
"""Letters the adjective of a degree form has at least ("low" of "lowest")."""


def degree_of(word: str, vocabulary: list[str]) -> bool:
    """Is the word a comparative or superlative of an adjective the sources use?

    "bigger", "lowest", "mildest", "larger": a degree of "big", "low", "mild", "large"
    says how much of what a source speaks of, never a new topic. The adjective must be a
    whole source word as the index stems it (a doubled last letter undone: "bigg"; an
    "e" or a "y" the ending took: "larg", "earli").
    """
    for ending in DEGREE_ENDINGS:
        if not word.endswith(ending):
            continue
        base = word[:-len(ending)]
        bases = {base, base + "e"}
        if len(base) >= 2 and base[-1] == base[-2]:
            bases.add(base[:-1])
        if base.endswith("i"):
            bases.add(base[:-1] + "y")
        for candidate in bases:
            at = bisect_left(vocabulary, candidate)
            if (len(candidate) >= DEGREE_BASE_LENGTH and at < len(vocabulary)
                    and vocabulary[at] == candidate):
                return True
    return False


KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {key: (row, col + (0.0, 0.25, 0.75)[row])
           for row, keys in enumerate(KEYBOARD) for col, key in enumerate(keys)}
"""Where each letter's key lies (row, column; rows are staggered as on a keyboard)."""
VOWELS = frozenset("aeiouy")


def slips_of(typed: str, meant: str) -> bool:
    """Could typing have turned `meant` into `typed`?

    A letter left out, added or swapped with its neighbour is a slip; a letter typed for
    another only when their keys touch or both are vowels ("surgury"). "Laser" is no slip
    of "later", nor "statin" of "static": s and t, n and c lie apart.
    """
    for op, at, other in Levenshtein.editops(typed, meant):
        if op != "replace":
            continue
        a, b = typed[at], meant[other]
        if a in VOWELS and b in VOWELS:
            continue
        ka, kb = _KEY_AT.get(a), _KEY_AT.get(b)
        if ka is None or kb is None or abs(ka[0] - kb[0]) > 1 or abs(ka[1] - kb[1]) > 1.25:
            return False
    return True


def resembles(word: str, vocabulary: list[str]) -> bool:
    """Do most of the word's letters, in order, make a source's word (75 %)?

    Loose: "notice", "share", "thought" resemble a stemmed source word. Too loose to tell
    a typo from a new word ("Boston", "postpone"), it only keeps everyday words from
    counting as things no source mentions.
    """
    return len(word) >= TYPO_MIN_LENGTH and process.extractOne(
        word, vocabulary, scorer=fuzz.ratio, score_cutoff=LOOK_ALIKE) is not None


def places_of(name: str, rules: QuestionRules) -> list[str]:
    """The places a name for a people may stand for (`name_places`: "ethiopian" → ethiopia)."""
    return [compiled(pattern).sub(into, name) for pattern, into in rules.name_places
            if compiled(pattern).search(name)]


def place_of_people(word: str, vocabulary: list[str], rules: QuestionRules) -> bool:
    """Is the word the place a source's name for its people stands for ("Canada": Canadian)?

    The question asks about the country the page names by its people ("palovarotene
    reimbursed in Canada" over "the Canadian Agency for Drugs"): `name_places` read back.
    """
    head = word[:FORM_MIN_LENGTH]
    if len(word) < FORM_MIN_LENGTH:
        return False
    at = bisect_left(vocabulary, head)
    while at < len(vocabulary) and vocabulary[at].startswith(head):
        people = vocabulary[at]
        if people != word and word in places_of(people, rules):
            return True
        at += 1
    return False


def relative(word: str, vocabulary: list[str], rules: QuestionRules) -> bool:
    """Is the word a relative of one the sources use ("dentist" of "dental")?

    Its rest before a derivational ending (`derivations`) begins a source word. (On the
    fourth page set, "radiologists", "dentist" and "geneticist" were taken for topics no
    source treats, beside sources that speak of radiology, dental work and genetics.)
    """
    forms = {word} | {word.replace(one, other) for pair in rules.spellings
                      for one, other in (pair, pair[::-1]) if one in word}
    for form in forms:  # "counsellor" is written "counselor" too, of "counseling"
        for ending in rules.derivations:
            rest = form[:-len(ending)]
            if not form.endswith(ending) or len(rest) < FORM_MIN_LENGTH:
                continue
            at = bisect_left(vocabulary, rest)
            if at < len(vocabulary) and vocabulary[at].startswith(rest):
                return True  # "dent" of "dental"
            if at and len(vocabulary[at - 1]) > FORM_MIN_LENGTH and rest.startswith(
                    vocabulary[at - 1]):
                return True  # "genetic" stemmed "genet"
    return False
