"""`python -m osteon.cli`: the same command line as the `osteon` script."""

from osteon.cli import app

app()
