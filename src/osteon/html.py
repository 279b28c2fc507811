"""The one way osteon writes HTML: Jinja2, autoescaped, strict, with the shared templates.

The web's pages and the printable assessment file (`osteon assess --format html`) render
the same templates (osteon/templates: the statement and citation macros, the assessment),
so a report looks the same wherever it is read. Every value is escaped: patient text and
source sentences are data, never markup.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from osteon.knowledge.views import last_heading

SHARED = Path(str(resources.files("osteon").joinpath("templates")))
"""The templates every face shares."""


def environment(*folders: Path, **globals_: Any) -> Environment:
    """An environment over `folders` (first wins), then the shared templates.

    `source_links` (default true) says whether citations link to the app's /sources pages.
    """
    loader = ChoiceLoader([FileSystemLoader(str(f)) for f in (*folders, SHARED)])
    env = Environment(loader=loader, autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["path"] = lambda value: quote(str(value), safe="")
    env.filters["pct"] = lambda value: f"{value:.0%}"
    env.filters["belief"] = lambda value: "" if value is None else f"{value:.2f}"
    env.filters["last_heading"] = last_heading
    env.globals.update({"source_links": True, **globals_})
    return env
