"""Typed, validated views of the corpus rule files in `data/corpus/rules/`.

Each rule kind is a small pydantic model that forbids unknown keys and
compiles its patterns once, so a typo in a rule file fails at load time with
the file and entry named.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import Field, field_validator

from osteon.datafiles import Strict, check_regex, load_model


class PatternRule(Strict):
    """A named regular expression matched against a whole normalised line."""

    id: str
    pattern: str
    case_sensitive: bool = False
    with_next: bool = False
    """The next line that holds anything goes with it: a link's label ("Next Article in
    Journal"), then the title of the other article it links to."""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return check_regex(value)

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern, anchored at both ends."""
        return _compiled(self.pattern, self.case_sensitive)


class RepeatedTitle(Strict):
    """How long a cut-off copy of the title must be to count as chrome."""

    min_prefix_chars: int = Field(ge=1)


class RepeatedLine(Strict):
    """Running headers: short lines that recur this often in one document."""

    min_count: int = Field(ge=2)
    max_words: int = Field(ge=1)


class Sandwich(Strict):
    """Short lines between two chrome lines belong to the same widget."""

    max_words: int = Field(ge=1)
    asks: str = r"(?!)"
    """A line asking a question is a page's own question, never a widget's text."""
    labels: str = r"(?!)"
    """Chrome lines that only label what follows ("Q", "A"): no widget around a line."""

    @field_validator("asks", "labels")
    @classmethod
    def _regex(cls, value: str) -> str:
        return check_regex(value)


class ChromeRules(Strict):
    """Everything that decides what is page chrome (`data/corpus/rules/chrome.yaml`)."""

    patterns: list[PatternRule]
    bylines: list[PatternRule] = []
    repeated_title: RepeatedTitle
    repeated_line: RepeatedLine
    sandwich: Sandwich
    html_drop_tags: list[str]


class HeadingRule(Strict):
    """When a standalone line reads as a heading (`data/corpus/rules/layout.yaml`)."""

    max_words: int
    max_chars: int
    max_question_words: int
    max_words_with_period: int
    max_cjk_chars: int
    """Characters a Chinese or Japanese line has at most to be a heading (no words to count,
    no capitals to see)."""
    title_case_share: float
    max_field_words: int
    """Words a record field's name alone on its line has at most ("Information provided by
    (Responsible Party):"): the short lines after it are its values, not headings."""
    item_verbs: str
    """Words that make a short line ending in a full stop a sentence, not a list item."""

    @field_validator("item_verbs")
    @classmethod
    def _item_verbs(cls, value: str) -> str:
        return check_regex(value)

    def says_something(self, line: str) -> bool:
        """Does the line hold a verb that makes it a sentence of its own?"""
        return _compiled_words(self.item_verbs).search(line) is not None


class LayoutRules(Strict):
    """List markers, heading heuristics and line-ending punctuation."""

    list_markers: list[str]
    heading: HeadingRule
    terminal_punctuation: str
    own_line: list[str] = []
    """Lines that stand on their own: never joined to the line before or after."""
    label_line: str = "(?!)"
    """A "Label: value" line: it stands on its own too, and is never taken for a heading."""
    generic_title: str = "(?!)"
    """A line naming only the kind of article ("Case Report"): never a page's title."""
    record_line: str = "(?!)"
    """A line holding a publication's record (a DOI, a full date): never a heading (a
    wrapped line of a paragraph may hold a date, so it does not stand alone)."""
    byline: str = "(?!)"
    """A line of authors' full names only: a record line too (no heading, no title)."""
    name_line: str = "(?!)"
    """A line of one person's name with an initial ("Richard O. Baidoo"): a run of them,
    one author a line, is one byline, not a heading each."""
    open_line_end: str = "(?!)"
    """How a line ends whose last stop is an initial's or a title's: it runs on."""

    @field_validator("list_markers", "own_line")
    @classmethod
    def _markers_compile(cls, values: list[str]) -> list[str]:
        return [check_regex(value) for value in values]

    @field_validator("label_line", "record_line", "byline", "name_line", "generic_title",
                     "open_line_end")
    @classmethod
    def _label_compiles(cls, value: str) -> str:
        return check_regex(value)

    def stands_alone(self, line: str) -> bool:
        """Whether a whole line is one that is never joined to its neighbours."""
        return _compiled_line("|".join([*self.own_line, self.label_line])).fullmatch(
            line) is not None

    def wraps_onto(self, last: str, line: str) -> bool:
        """Whether a label line is wrapped onto this line: it opens in lower case.

        "Case description: A 26-year-old male patient with a diagnosis" then "of FOP was
        referred …": a label line's value that goes on is one sentence, not two.
        """
        return line.lstrip()[:1].islower() and _compiled_line(self.label_line).fullmatch(
            last) is not None

    def is_generic_title(self, line: str) -> bool:
        """Whether a whole line only names the kind of article it heads."""
        return _compiled_line(self.generic_title).fullmatch(line.strip()) is not None

    def is_label_line(self, line: str) -> bool:
        """Whether a whole line is a "Label: value" or a record line (no heading)."""
        return _compiled_line(f"{self.label_line}|{self.record_line}|{self.byline}").fullmatch(
            line) is not None

    def runs_on(self, line: str) -> bool:
        """Whether a line's last stop is an initial's or a title's ("… Professor P. V.")."""
        return _compiled_line(self.open_line_end).search(line.rstrip()) is not None

    def names_one_person(self, line: str) -> bool:
        """Whether a whole line is one person's name, as a byline gives one a line."""
        return _compiled_line(self.name_line).fullmatch(line.strip()) is not None

    def is_record_line(self, line: str) -> bool:
        """Whether a whole line holds a publication's record (a date, a byline): no title."""
        return _compiled_line(f"{self.record_line}|{self.byline}").fullmatch(line) is not None

    @property
    def list_marker_regex(self) -> re.Pattern[str]:
        """One regex matching any list marker after optional indentation."""
        return re.compile(r"^[ \t]*(?:" + "|".join(self.list_markers) + ")")


class ResidueRules(Strict):
    """What markup a scraped plain-text page may still hold (`residue.yaml`)."""

    min_tags: int = Field(ge=1)
    block_tags: list[str]
    inline_tags: list[str]
    json_field: str
    json_line: str
    json_record_fields: str
    json_min_words: int = Field(ge=1)

    @field_validator("json_field", "json_line", "json_record_fields")
    @classmethod
    def _json_compiles(cls, value: str) -> str:
        return check_regex(value)


class SentenceRules(Strict):
    """Abbreviations after which a period does not end a sentence."""

    abbreviations: list[str]

    @property
    def abbreviation_set(self) -> frozenset[str]:
        """Lower-cased abbreviations, each with its final dot."""
        return frozenset(a.lower() for a in self.abbreviations)


@cache
def _compiled_words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _compiled_line(pattern: str) -> re.Pattern[str]:
    return re.compile(f"(?:{pattern})")


@cache
def _compiled(pattern: str, case_sensitive: bool) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})\Z", 0 if case_sensitive else re.IGNORECASE)


@cache
def chrome_rules() -> ChromeRules:
    """The packaged chrome rules, loaded once."""
    return load_model(ChromeRules, "corpus", "rules", "chrome.yaml")


@cache
def layout_rules() -> LayoutRules:
    """The packaged layout rules, loaded once."""
    return load_model(LayoutRules, "corpus", "rules", "layout.yaml")


@cache
def residue_rules() -> ResidueRules:
    """The packaged markup-residue rules, loaded once."""
    return load_model(ResidueRules, "corpus", "rules", "residue.yaml")


@cache
def sentence_rules() -> SentenceRules:
    """The packaged sentence rules, loaded once."""
    return load_model(SentenceRules, "corpus", "rules", "sentences.yaml")
