"""A record's field line whose label names what the question asks: "Status Withdrawn".

Trial registries, drug labels and catalogue pages give their facts as label and value,
not as sentences: "Status Withdrawn", "Start date June 1, 2022", "Enrollment | 150 |",
"AGE: ≥ 18, ≤65", "Synonyms: Tracheopathia osteoplastica". Such a line holds too few
words to count as a sentence, and only its label shares a word with the question ("what
is the current STATUS of the study?", "what are the AGE limits?"): on the page the
question is about, the line whose label holds one of the question's own words (not a
word of the concepts it names, nor one naming the page itself: "the McGill STUDY")
gives what is asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from osteon.ask.ranking_rules import FieldLines
from osteon.ask.text_memo import TOKEN, stem_of, tokens_of

_LABEL_END = re.compile(r"[:|]")
_TABLE_RULES = re.compile(r"^[\s|]+")
_ENUMERATOR = re.compile(r"[\s|]*\(?\d{1,2}[.)][\s|]*$")
_QUOTED = re.compile(r"(?<!\w)['‘\"“]([^'’\"”]{8,})['’\"”](?!\w)")


def asked_stems(text: str, words: Iterable[str], named: Iterable[str], rules: FieldLines
                ) -> frozenset[str]:
    """The stems of the question's words a field's label may name.

    `named` holds the words of the concepts the question names: "HO" in "what is the
    status of the HO study" is its topic, not the field asked for; nor are the words of a
    title the question quotes ("who wrote 'Calcification in Dermatology'?" asks no field
    "Dermatol Pract Concept, 2022").
    """
    quoted = {w for title in _QUOTED.findall(text) for w in tokens_of(title)}
    topic = {stem_of(w) for w in (*named, *quoted, *rules.page_words)}
    return frozenset(s for s in (stem_of(w.lower()) for w in words) if s not in topic)


def unpluralled(word: str) -> str:
    """The word without its final "s": "syndromes" and "syndrome" are the same word said."""
    return word.rstrip("s")


def names_field(text: str, asked: frozenset[str], rules: FieldLines, *,
                valued_below: bool = False, said: frozenset[str] = frozenset()) -> bool:
    """Is the text a field line (a short label, then its value) whose label is asked for?

    `valued_below`: the field's values are the items on the lines below it
    ("Collaborators:" then "Orthopaedic Trauma Association", …): its label alone counts.
    `said`: all the question's words as written, a final "s" dropped (`unpluralled`; a stem
    would take "Tracheopathia" for the question's "tracheobronchopathia"). A line whose
    value says only what the
    question says, with no colon to set off a label, is a name, not a field: "Eagle
    syndrome", a page's keyword, answers nothing of "what causes Eagle's syndrome?".
    """
    words = tokens_of(text)
    if not asked or not words or len(words) > rules.max_words:
        return False
    text = _TABLE_RULES.sub("", text)  # a flattened table's empty cells before the label
    end = _LABEL_END.search(text)
    if end is not None and end.start() <= rules.label_chars:
        label = tokens_of(text[:end.start()])
        if (not tokens_of(text[end.end():]) or _ENUMERATOR.match(text, end.end())
                ) and not valued_below:
            return False  # a label with no value on its line or below it (an item's
            # number opening the list the page cut after it: "Affiliation: | 1.")
    elif len(words) < 2:
        return False  # a word alone: no label and value
    elif text.rstrip()[-1:] in ".!?":
        return False  # a sentence ("We excised the bone in eight patients."), no field
    else:  # the label's words are lower case after its first: "Start date June 1, 2022"
        written = TOKEN.findall(text)
        label = [written[0].lower()]
        for word in written[1:min(rules.label_words, len(written) - 1)]:
            if not word.islower():
                break
            label.append(word)
    value = words[len(label):]
    if end is None and value and said and all(unpluralled(w) in said for w in value):
        return False  # (a label set off by its colon is one: "Recruitment Status : Recruiting"
        # answers "is it still recruiting?" with the question's own word)
    return any(stem_of(w) in asked for w in label[-rules.label_words:]
               if not any(c.isdigit() for c in w))
