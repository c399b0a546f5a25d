"""``ratsdoc parse`` options: -O DIR, stdin, --to text|markdown, --debug, help with defaults."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from ratsdoc.cli import build_parser, main, parse_cmd
from ratsdoc.cli.parse_cmd import parse_options
from ratsdoc.errors import LimitExceededError
from ratsdoc.options import DEFAULT_CLI_MEMORY_MB, ParseOptions
from ratsdoc.status import ExitCode

from .conftest import FIXTURES

SAMPLE = FIXTURES / "erfurt-0112-23-glyphs.pdf"
OTHER = FIXTURES / "gotha-2024-123-gehweg.pdf"


def test_output_dir_writes_one_json_per_input(tmp_path: Path) -> None:
    missing = tmp_path / "missing.pdf"
    assert main(["parse", str(SAMPLE), str(missing), str(OTHER), "-O", str(tmp_path)]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{SAMPLE.stem}.json", f"{OTHER.stem}.json"]
    assert json.loads((tmp_path / f"{SAMPLE.stem}.json").read_text())["number"] == "0112/23"


def test_output_dir_keeps_inputs_of_the_same_name_apart(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "out").mkdir()
    for folder, pdf in (("a", SAMPLE), ("b", OTHER)):
        (tmp_path / folder / "paper.pdf").write_bytes(pdf.read_bytes())
    args = ["parse", str(tmp_path / "a" / "paper.pdf"), str(tmp_path / "b" / "paper.pdf"), "--format", "oparl"]
    assert main([*args, "-O", str(tmp_path / "out")]) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 2 and "paper.oparl.json" in names


def test_output_dir_must_exist_and_excludes_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "-O", str(tmp_path / "nope")]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert main(["parse", str(SAMPLE), "-O", str(tmp_path), "-o", str(tmp_path / "x.json")]) == 2


def test_dash_reads_the_pdf_from_stdin(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "ratsdoc", "parse", "-"], input=SAMPLE.read_bytes(), capture_output=True, check=False
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["number"] == "0112/23" and data["source"]["file"] is None
    bad = subprocess.run(
        [sys.executable, "-m", "ratsdoc", "parse", "-"], input=b"<html></html>", capture_output=True, check=False
    )
    assert bad.returncode == 1 and bad.stderr.decode().count("\n") == 1 and b"<stdin>" in bad.stderr


def test_stdin_only_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "-", "-"]) == 2
    assert "only once" in capsys.readouterr().err


def test_to_text_and_markdown_print_the_lines_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--to", "text"]) == 0
    text = capsys.readouterr().out
    assert "Beschlussvorschlag" in text and "\f" in text  # pages separated by form feeds
    assert main(["parse", str(SAMPLE), "--to", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("## Seite 1\n") and "## Seite 2" in markdown
    assert "\\01 Die Stadtverwaltung" not in markdown  # "01" is not a Markdown list marker
    assert main(["parse", str(SAMPLE), "--to", "text", "--format", "oparl"]) == 2


def test_markdown_escapes_what_markdown_would_read_as_markup() -> None:
    from ratsdoc.models import BBox
    from ratsdoc.trace import TextLine, document_text

    box = BBox(x0=0, top=0, x1=1, bottom=1)
    lines = [TextLine(1, "1. Punkt", box, False), TextLine(1, "- Strich *fett*", box, False)]
    lines.append(TextLine(1, "Seite 1 von 2", box, True))
    assert document_text(lines, markdown=True) == "## Seite 1\n\n1\\. Punkt  \n\\- Strich \\*fett\\*  \n"
    assert "Seite 1 von 2" in document_text(lines, furniture=True)


def test_debug_shows_profile_scores_rules_and_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--debug"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["number"] == "0112/23"  # stdout stays the JSON
    err = captured.err
    assert "profile detection" in err and "erfurt" in err and "4.3" in err
    assert "number_patterns" in err and "label consultations" in err and "label title" in err
    assert "lines read" in err and "Beratungsfolge Datum Behandlung" in err


def test_every_option_has_help_and_shows_its_default() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, command in sub.choices.items():  # type: ignore[attr-defined]
        for action in command._actions:
            if action.dest == "help":
                continue
            assert action.help, f"{name} {action.option_strings or action.dest} has no help"
        text = command.format_help()
        if name in ("parse", "inspect"):
            assert "(default: pdfium)" in text and "(default: auto)" in text and "(default: 500)" in text


def test_pdfminer_warnings_do_not_reach_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    import ratsdoc.layout  # noqa: F401  (installs the handlers)

    logging.getLogger("pdfminer.pdfpage").warning("CropBox missing from /Page, defaulting to MediaBox")
    logging.getLogger("pdfplumber.page").warning("something pdfplumber says")
    assert capsys.readouterr().err == ""


def test_parse_has_a_memory_limit_by_default() -> None:
    """The command line bounds a file's memory as ingest does; 0 lifts the limit."""
    args = build_parser().parse_args(["parse", str(SAMPLE)])
    assert parse_options(args).max_memory_mb == DEFAULT_CLI_MEMORY_MB
    lifted = build_parser().parse_args(["parse", str(SAMPLE), "--max-memory-mb", "0"])
    assert parse_options(lifted).max_memory_mb is None
    inspected = build_parser().parse_args(["inspect", str(SAMPLE), "-o", "out.png", "--max-memory-mb", "300"])
    assert parse_options(inspected).max_memory_mb == 300


@pytest.mark.parametrize("value", ["-1", "8", "lots"])
def test_a_bad_memory_limit_is_a_one_line_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--max-memory-mb", value]) == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert "max-memory-mb" in last or "max_memory_mb" in last, last


def test_the_memory_limit_reaches_the_parse(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[ParseOptions] = []

    def spy(source: object, options: ParseOptions | None = None, **overrides: object) -> object:
        seen.append(options or ParseOptions())
        raise LimitExceededError(
            "parsing needed 400 MB, more than the memory limit of 300 MB", limit="max_memory_mb", maximum=300
        )

    monkeypatch.setattr(parse_cmd, "parse", spy)
    code = main(["parse", str(SAMPLE), "--max-memory-mb", "300"])
    assert [o.max_memory_mb for o in seen] == [300]
    err = capsys.readouterr().err
    assert code == ExitCode.FAILED and err.count("\n") == 1 and "memory limit of 300 MB" in err
