"""The command line: JSON out, one-line errors, exit code 1 for failed inputs, the batch goes on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ratsdoc.cli import main

from .conftest import FIXTURES

SAMPLE = FIXTURES / "erfurt-0112-23-glyphs.pdf"


def test_parse_prints_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["number"] == "0112/23"
    assert out.count("\n") == 1


def test_several_files_give_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    other = FIXTURES / "erfurt-1203-24-radweg.pdf"
    assert main(["parse", str(SAMPLE), str(other)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["number"] for line in lines] == ["0112/23", "1203/24"]


def test_bad_files_are_one_line_each_and_the_rest_still_parse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = tmp_path / "download.pdf"
    html.write_text("<html><body>Not found</body></html>")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    code = main(["parse", str(tmp_path / "missing.pdf"), str(html), str(SAMPLE), str(empty)])
    captured = capsys.readouterr()
    assert code == 1  # some inputs failed; the good one was still written
    errors = captured.err.strip().splitlines()
    assert len(errors) == 3
    assert "missing.pdf: file not found" in errors[0]
    assert "download.pdf: not a PDF" in errors[1] and "HTML" in errors[1]
    assert "empty.pdf" in errors[2] and "empty" in errors[2]
    assert "Traceback" not in captured.err
    assert json.loads(captured.out)["number"] == "0112/23"


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert main(["parse", str(SAMPLE), "-o", str(target), "--pretty"]) == 0
    assert json.loads(target.read_text())["title"].startswith("Teilnahme")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert main(["parse", str(tmp_path / "nope.pdf"), "-o", str(target)]) == 1
    assert not target.exists()


def test_schema_version_and_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "checkboxes" in schema["properties"]
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("ratsdoc ")
    assert main(["profiles"]) == 0
    assert "erfurt" in capsys.readouterr().out


def test_unknown_profile_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--profile", "atlantis"]) == 2
    err = capsys.readouterr().err
    assert "unknown profile 'atlantis'" in err and err.count("\n") == 1


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    proc = subprocess.run(
        [sys.executable, "-m", "ratsdoc", "parse", str(broken)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.startswith("ratsdoc: ") and proc.stderr.count("\n") == 1
    assert "broken.pdf" in proc.stderr
