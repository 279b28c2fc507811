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
    empty_beside: dict[str, str] = Field(default_factory=dict)
    """What the section says when empty though another section (the key) has items: no
    prophylaxis applies to the risk factors found is not "no risk factor found"."""
    card: CardWording

    def empty_line(self, filled: set[str]) -> str:
        """What the section says when empty, given the sections that have items."""
        return next((line for other, line in self.empty_beside.items() if other in filled),
                    self.empty)


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
        for section in value:
            for other in section.empty_beside:
                if other not in ids:
                    raise ValueError(f"section {section.id!r}: empty_beside names unknown "
                                     f"section {other!r}")
        return value


@cache
def sections() -> dict[str, Section]:
    """The sections by id, in report order."""
    return {s.id: s for s in load_model(SectionList, "assess", "sections.yaml").sections}
