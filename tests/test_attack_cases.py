"""``scripts/build_attack_cases.py`` builds the attack cases and checks ratsdoc's answer to each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_attack_cases.py"

# Cheap cases, one per kind of fault: names, archive file, size before hashing, zip structure,
# engine fallback, one-line errors. The full set: python scripts/build_attack_cases.py
SAMPLE = ["names-latin1-markup-escapes", "read-only-archive", "growing-file", "zip-overlap", "pdfium-cannot-open"]


def test_the_script_lists_every_case() -> None:
    listed = subprocess.run([sys.executable, str(SCRIPT), "--list"], capture_output=True, text=True, check=True)
    names = [line.split()[0] for line in listed.stdout.splitlines()]
    assert set(SAMPLE) <= set(names) and len(names) >= 14


def test_a_sample_of_attack_cases_ends_in_a_result_or_a_typed_line(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    command = [sys.executable, str(SCRIPT), "--sample", "--work", str(tmp_path), "--only", *SAMPLE]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[-1] == f"{len(SAMPLE)} passed, 0 failed"
    assert all(line.startswith("ok ") for line in lines[:-1]), run.stdout
