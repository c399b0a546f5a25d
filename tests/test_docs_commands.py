"""The guides in docs/ name only options that their ``ratsdoc`` command has (the README's commands
are run by tests/test_readme_commands.py)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from ratsdoc.cli import build_parser

from .conftest import ROOT

DOCS = sorted((ROOT / "docs").glob("*.md"))
#: ``ratsdoc COMMAND ...`` up to the end of its code span or line.
COMMAND = re.compile(r"ratsdoc (\w+)([^`\n]*)")
#: A long option: ``--name``, not inside a word or a longer dash run.
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def _options() -> dict[str, set[str]]:
    """The option strings of every subcommand, by command name."""
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return {name: {o for action in p._actions for o in action.option_strings} for name, p in sub.choices.items()}


def _unknown(text: str, options: dict[str, set[str]]) -> list[str]:
    """``command --option`` for each option a command of ``text`` is written with but does not have."""
    found = []
    for match in COMMAND.finditer(text):
        command = match.group(1)
        if command in options:
            found += [f"{command} {o}" for o in OPTION.findall(match.group(2)) if o not in options[command]]
    return found


def test_the_check_finds_an_option_a_command_lacks() -> None:
    # Regression: docs/profiles.md told to run `ratsdoc eval folder/ --profiles-dir`.
    text = "run `ratsdoc eval folder/ --profiles-dir` or `ratsdoc parse x.pdf --profiles-dir DIR`"
    assert _unknown(text, _options()) == ["eval --profiles-dir"]


@pytest.mark.parametrize("doc", DOCS, ids=[doc.name for doc in DOCS])
def test_every_option_named_in_a_guide_exists(doc: Path) -> None:
    assert _unknown(doc.read_text(encoding="utf-8"), _options()) == []
