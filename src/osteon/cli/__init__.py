"""The `osteon` command line: one module per face, composing the stages, no logic of its own.

`base` holds what every command shares (the app, the consoles, the open store, the one error
handler, the one JSON emitter); importing a face module registers its commands, in the order
`osteon --help` lists them.
"""

from __future__ import annotations

from osteon.cli.base import app

# isort: off
from osteon.cli import corpus, knowledge, ask, assess, serve, mechanism, evaluate  # noqa: F401
from osteon.cli import fetch  # noqa: F401
# isort: on

__all__ = ["app"]
