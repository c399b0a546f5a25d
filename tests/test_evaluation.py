"""``ratsdoc eval``: scores, soft matching, thresholds and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ratsdoc.cli import main
from ratsdoc.evaluation import evaluate, find_pairs, soft_equal

from .conftest import FIXTURES

SAMPLE = FIXTURES / "erfurt-0112-23-glyphs.pdf"


def test_soft_equal() -> None:
    assert soft_equal("Stadtrat ", "stadtrat")
    assert soft_equal("Teilnahme an Modellprojekt", "Teilnahme an Modellprojeckt")
    assert not soft_equal("Stadtrat", "Hauptausschuss")
    assert not soft_equal(None, "x")


def test_a_wrong_golden_is_counted_and_fails_the_threshold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SAMPLE, tmp_path / "a.pdf")
    golden = json.loads(SAMPLE.with_suffix(".json").read_text(encoding="utf-8"))
    golden["number"] = "9999/99"
    (tmp_path / "a.json").write_text(json.dumps(golden), encoding="utf-8")
    report = evaluate(find_pairs(tmp_path))
    assert report.fields["number"].exact == 0
    assert report.fields["title"].exact == 1
    assert report.documents_all_right == 0
    assert main(["eval", str(tmp_path), "--min-accuracy", "0.99"]) == 1
    assert main(["eval", str(tmp_path), "--min-accuracy", "0.9"]) == 0
    assert "number" in capsys.readouterr().out


def test_goldens_in_a_separate_folder(tmp_path: Path) -> None:
    pdfs, goldens = tmp_path / "pdfs", tmp_path / "golden"
    pdfs.mkdir()
    goldens.mkdir()
    shutil.copy(SAMPLE, pdfs / "x.pdf")
    shutil.copy(SAMPLE.with_suffix(".json"), goldens / "x.json")
    assert find_pairs(pdfs, goldens) == [(pdfs / "x.pdf", goldens / "x.json")]


def test_eval_of_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    assert main(["eval", str(tmp_path)]) == 2


def test_exclude_skips_matching_paths(tmp_path: Path) -> None:
    (tmp_path / "scans").mkdir()
    for where in (tmp_path / "a.pdf", tmp_path / "scans" / "b.pdf"):
        shutil.copy(SAMPLE, where)
        shutil.copy(SAMPLE.with_suffix(".json"), where.with_suffix(".json"))
    assert [p.name for p, _ in find_pairs(tmp_path)] == ["a.pdf", "b.pdf"]
    assert [p.name for p, _ in find_pairs(tmp_path, exclude=["scans/*"])] == ["a.pdf"]


def test_checkbox_states_are_counted_box_by_box(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SAMPLE, tmp_path / "a.pdf")
    golden = json.loads(SAMPLE.with_suffix(".json").read_text(encoding="utf-8"))
    boxes = sum(len(group["options"]) for group in golden["checkboxes"])
    first = golden["checkboxes"][0]["options"][0]
    first["checked"] = not first["checked"]  # one box of the golden flipped
    (tmp_path / "a.json").write_text(json.dumps(golden), encoding="utf-8")
    report = evaluate(find_pairs(tmp_path))
    assert report.checkbox_states.total == boxes
    assert report.checkbox_states.exact == boxes - 1
    assert main(["eval", str(tmp_path)]) == 0
    assert f"checkbox states right: {boxes - 1}/{boxes}" in capsys.readouterr().out
