"""Load packaged data files the packaged way, and validate them loudly.

Data lives in `osteon/data/` and is read with `importlib.resources`, so it
works from a wheel, an editable install or a zip. Every file is parsed into a
pydantic model built on `Strict` (unknown keys refused, records frozen), so a
malformed file raises `DataFileError` at load naming the file, the line, the
rule's id where the entry has one and the key path (datafile_errors.py) — never a
bare KeyError later in the stage that reads it. A good file costs one libyaml parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from osteon.errors import DataFileError

ModelT = TypeVar("ModelT", bound=BaseModel)

class Strict(BaseModel):
    """The base of every data-file model: unknown keys are refused, records are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def check_regex(value: str) -> str:
    """Validate a rule file's regular expression; pydantic validators call this."""
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"{value!r} is not a valid regular expression: {exc}") from exc
    return value


@cache
def any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """A rule file's list of regular expressions as one, case-insensitive (none: no match)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it: the same documents, parsed about
seven times faster (the lexicon alone took 0.45 s of every `osteon ask` in pure Python)."""


def data_path(*parts: str) -> Traversable:
    """Return a packaged data file or folder under `osteon/data/`."""
    node = resources.files("osteon").joinpath("data")
    for part in parts:
        node = node.joinpath(part)
    return node


def load_yaml(*parts: str) -> Any:
    """Parse a packaged YAML file, naming it (and the line) on a syntax error."""
    node = data_path(*parts)
    name = "/".join(("data", *parts))
    try:
        return yaml.load(node.read_text(encoding="utf-8"), Loader=LOADER)
    except FileNotFoundError as exc:
        raise DataFileError(name, "file", "missing from the package") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(name, "syntax", str(exc).replace("\n", " "),
                            line=mark.line + 1 if mark is not None else None) from exc


def load_model(model: type[ModelT], *parts: str) -> ModelT:
    """Parse a packaged YAML file into a pydantic model that forbids unknown keys."""
    return parse_model(model, load_yaml(*parts), "/".join(("data", *parts)))


def load_file(model: type[ModelT], path: str | Path) -> ModelT:
    """Parse a YAML file on disk (a curator's copy of a data file) into `model`."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(name, "file", exc.strerror or str(exc)) from exc
    try:
        raw = yaml.load(text, Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(name, "syntax", str(exc).replace("\n", " "),
                            line=mark.line + 1 if mark is not None else None) from exc
    return parse_model(model, raw, name, text=text)


def parse_model(model: type[ModelT], raw: Any, name: str, *, at: Sequence[str | int] = (),
                text: str | None = None) -> ModelT:
    """Validate parsed data against `model`, naming `name`, the line and the bad entry.

    `at` is where `raw` sits in the file when it is one part of it (a lexicon entry): it
    finds the line, the entry names the path within `raw`. `text` is the file's YAML;
    without it the file `name` is read, and a line is given only when `raw` is what the
    file holds there (data built in memory gets no misleading line).
    """
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        from osteon.datafile_errors import describe  # only on failure

        raise describe(exc, model, raw, name, at=at, text=text) from exc
