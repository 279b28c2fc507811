"""What a section is about, from its heading path (rules in `data/reading/sections.yaml`).

A drug named under "Treatment" is a treatment; under "Causes" it may be a
cause. Relation rules can require a section category, and list items under a
"Symptoms" heading become symptom claims without any trigger word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pydantic import field_validator

from osteon.datafiles import Strict, check_regex, load_model


class SectionCategory(Strict):
    """A category and the heading patterns that signal it."""

    id: str
    patterns: list[str]

    @field_validator("patterns")
    @classmethod
    def _compile(cls, values: list[str]) -> list[str]:
        return [check_regex(value) for value in values]


class SectionRules(Strict):
    """The ordered category list."""

    categories: list[SectionCategory]


@cache
def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    rules = load_model(SectionRules, "reading", "sections.yaml")
    return [(c.id, re.compile("|".join(c.patterns), re.IGNORECASE)) for c in rules.categories]


def section_category(path: Sequence[str]) -> str | None:
    """The category of the nearest heading in `path` that has one; None if none does."""
    for heading in reversed(path):
        for category, pattern in _compiled():
            if pattern.search(heading):
                return category
    return None
