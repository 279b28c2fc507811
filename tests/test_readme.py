"""The README's runnable examples run: every `$ osteon …` line in a console block exits 0."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from osteon.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```console\n(.*?)```", README.read_text(), re.DOTALL)
COMMANDS = [line[2:] for block in BLOCKS for line in block.splitlines() if line.startswith("$ ")]


def test_readme_opens_with_the_two_setup_commands():
    head = README.read_text().split("\n## ")[0]
    assert "make run" in head and "make test" in head


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_example_runs(command: str):
    words = shlex.split(command)
    assert words[0] == "osteon"
    result = CliRunner().invoke(app, words[1:])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
