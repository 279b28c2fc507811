"""The assessment's sections, read from `data/assess/sections.yaml`.

One vocabulary for every face: the report's headings and empty-section lines, the
rules' section names and the CDS cards' wording all come from the one file, so a
section is renamed or reworded in one place.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field, field_validator

from osteon.datafiles import Strict, load_model


class CardWording(Strict):
    """How a CDS card for the section reads: its summary's lead-in and its urgency."""

    title: str = Field(min_length=1)
    indicator: Literal["info", "warning", "critical"]


class Section(Strict):
    """One section: its key, its heading, what it says when empty, its card."""

    id: str = Field(pattern=r"^[a-z][a-z_]*$")
    title: str = Field(min_length=1)
    empty: str = Field(min_length=1)
    card: CardWording


class SectionList(Strict):
    """The whole sections.yaml."""

    sections: tuple[Section, ...] = Field(min_length=1)

    @field_validator("sections")
    @classmethod
    def _unique(cls, value: tuple[Section, ...]) -> tuple[Section, ...]:
        ids = [s.id for s in value]
        for name in ids:
            if ids.count(name) > 1:
                raise ValueError(f"section {name!r} is listed twice")
        return value


@cache
def sections() -> dict[str, Section]:
    """The sections by id, in report order."""
    return {s.id: s for s in load_model(SectionList, "assess", "sections.yaml").sections}
