"""The README's commands run as written: every ``ratsdoc`` command in its shell blocks parses
(each optional part and each alternative), and the cheap ones whose files are in the repository
run. Commands that need an archive, the network or the shared corpus are checked for parsing only."""

from __future__ import annotations

import itertools
import json
import re
import shlex
import sys

import pytest

from ratsdoc.cli import build_parser, main

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

README = ROOT / "README.md"
#: The two commands the README starts with: install and parse a fixture; install and test.
FIRST_BLOCK = (
    "```bash\n"
    "pip install . && ratsdoc parse fixtures/erfurt-0112-23-glyphs.pdf --pretty\n"
    "pip install -e '.[test,ocr,dask,oparl]' && python -m pytest\n"
    "```\n"
)
#: Placeholders that an option checks the form of, and a value of that form.
PLACEHOLDERS = {"URL": "https://example.org/oparl"}
#: Subcommands that read a whole folder or write an archive: parsed, not run.
NOT_RUN = {"eval", "ingest", "search", "export", "stats"}


def _shell_lines() -> list[str]:
    """The lines of the README's ```bash blocks."""
    lines: list[str] = []
    inside = False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            inside = line.strip() == "```bash"
            continue
        if inside:
            lines.append(line)
    return lines


def _commands() -> list[str]:
    """Every ``ratsdoc ...`` command of the shell blocks, comments dropped, ``&&`` chains split."""
    commands = []
    for line in _shell_lines():
        line = re.sub(r"\s+#\s.*$", "", line)
        commands += [part.strip() for part in line.split("&&") if part.strip().startswith("ratsdoc")]
    return commands


def _variants(command: str) -> list[list[str]]:
    """The argument lists a command's notation stands for: ``[optional]`` parts left out and all
    put in (``FILE ...`` as one FILE), and each alternative of ``a|b|c`` on its own."""
    without = re.sub(r"\s*\[[^\[\]]*\]", "", command)
    within = re.sub(r"\[([^\[\]]*)\]", r"\1", command).replace(" ...", "")
    variants = []
    for text in dict.fromkeys((without, within)):
        tokens = [PLACEHOLDERS.get(token, token) for token in shlex.split(text)[1:]]
        choices = [token.split("|") if "|" in token else [token] for token in tokens]
        variants += [list(argv) for argv in itertools.product(*choices)]
    return variants


def test_the_readme_starts_with_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.startswith("# ratsdoc\n\n" + FIRST_BLOCK)
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert {"test", "ocr", "dask", "oparl"} <= set(extras)


def test_ci_installs_what_the_readme_test_command_installs() -> None:
    """CI runs the README's test command: it installs the same extras first."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    extras = re.search(r"pip install -e '(\.\[[a-z,]+\])'", FIRST_BLOCK)
    assert extras is not None
    assert f"pip install --quiet -e '{extras.group(1)}'" in ci


def test_the_commands_are_found() -> None:
    commands = _commands()
    assert "ratsdoc parse fixtures/erfurt-0112-23-glyphs.pdf --pretty" in commands
    assert {c.split()[1] for c in commands} >= {"parse", "inspect", "schema", "eval", "ingest", "export", "--version"}
    assert ["export", "archive.sqlite", "--format", "oparl"] in _variants(commands[-2])


@pytest.mark.parametrize("command", _commands())
def test_every_readme_command_parses(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in _variants(command):
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # argparse: 0 after --version/--help, 2 on a usage error
            assert exc.code == 0, f"{argv}: {capsys.readouterr().err}"
            continue
        assert getattr(args, "handler", None), f"{argv}: no command"


def _runnable(argv: list[str]) -> bool:
    """A cheap command whose every file argument is in the repository (and no placeholder: DIR)."""
    if (argv and argv[0] in NOT_RUN) or any(re.fullmatch(r"[A-Z][A-Z.]*", a) for a in argv):
        return False
    files = [a for a in argv[1:] if not a.startswith("-") and re.search(r"/|\.(pdf|png|json|sqlite|zip)$", a)]
    return all((ROOT / f).exists() for f in files)


@pytest.mark.parametrize("command", [c for c in _commands() if any(_runnable(v) for v in _variants(c))])
def test_cheap_readme_commands_run(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    for argv in filter(_runnable, _variants(command)):
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 0, f"{argv}: {err}"
        if argv[0] == "parse":
            assert json.loads(out)["number"] == "0112/23"
        if argv[0] in ("schema", "profiles", "--version"):
            assert out
