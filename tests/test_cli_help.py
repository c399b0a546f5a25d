"""Every option of every command has help text, and the help shows every default that is set."""

from __future__ import annotations

import argparse

import pytest

from ratsdoc.cli import build_parser


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _shown(default: object) -> tuple[str, ...]:
    """The ways a default may be printed: as Python prints it, and a float as ``:g`` does (120.0 → 120)."""
    forms = [str(default)]
    if isinstance(default, float):
        forms.append(f"{default:g}")
    return tuple(forms)


def test_every_command_is_walked() -> None:
    assert {"parse", "schema", "profiles", "eval", "inspect", "ingest", "search", "export", "stats"} <= set(_commands())


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_option_has_help_and_shows_its_default(name: str) -> None:
    command = _commands()[name]
    page = " ".join(command.format_help().split())  # argparse wraps lines: compare word by word
    for action in command._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        label = "/".join(action.option_strings) or action.dest
        assert action.help and action.help.strip(), f"{name} {label}: no help text"
        text = " ".join(command._get_formatter()._expand_help(action).split())
        assert text in page, f"{name} {label}: help not shown"
        if action.default in (None, False, [], argparse.SUPPRESS):
            continue
        assert "default" in text and any(form in text for form in _shown(action.default)), (
            f"{name} {label}: help does not show the default {action.default!r}: {text!r}"
        )


def test_the_export_summary_names_every_format() -> None:
    # Regression: ``ratsdoc --help`` said "export an archive as JSON Lines or CSV" after
    # ``--format oparl`` had come.
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    summary = next(a.help for a in sub._choices_actions if a.dest == "export")
    formats = next(a for a in _commands()["export"]._actions if a.dest == "format").choices
    printed = {"jsonl": "JSON Lines", "csv": "CSV", "oparl": "OParl"}
    assert formats is not None and sorted(formats) == sorted(printed)
    assert summary is not None and all(printed[name] in summary for name in formats), summary
