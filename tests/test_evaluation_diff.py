"""``ratsdoc eval`` shows where a miss differs (word diff, items, keys) and reports progress."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ratsdoc.cli import main
from ratsdoc.evaluation_diff import diff_lines, short, word_diff

from .conftest import FIXTURES

TEXT = (
    "Der Stadtrat beschließt die Teilnahme am Bundesprogramm Radverkehr. Die Verwaltung wird beauftragt, "
    "die erforderlichen Anträge bis zum 31. März 2024 zu stellen und dem Ausschuss für Stadtentwicklung "
    "regelmäßig zu berichten. Die Mittel stehen im Haushalt 2024 bereit."
)


def test_long_text_shows_the_changed_words_in_context_only() -> None:
    got = TEXT.replace("31. März", "30. April").replace("regelmäßig ", "")
    (line,) = diff_lines(got, TEXT)
    assert "[-31. März-] {+30. April+}" in line and "[-regelmäßig-]" in line
    assert line.startswith("… ") and line.endswith(" …")  # the unchanged start and end are elided
    assert "Bundesprogramm" not in line and "Haushalt" not in line
    assert len(line) < len(TEXT) * 0.6  # the old output printed both whole texts


def test_a_long_removed_run_is_elided_and_counted() -> None:
    words = [f"w{n}" for n in range(100)]
    line = word_diff("a b", " ".join(["a", *words, "b"]))
    assert line.startswith("a [-w0 ") and line.endswith("w99-] b") and "…(88 words)…" in line


def test_spacing_only_and_short_values() -> None:
    assert diff_lines("0112/23", "0112/24") == ['got "0112/23", want "0112/24"']
    assert word_diff("a  b " * 20, "a b " * 20).startswith("differs in spacing only")
    assert diff_lines(None, TEXT)[0].startswith('got null, want "Der Stadtrat') and " … " in diff_lines(None, TEXT)[0]
    assert diff_lines(TEXT, TEXT) == []
    assert len(short(TEXT)) <= 64


def test_lists_show_the_items_that_differ_aligned() -> None:
    rows = [
        {"body": "Stadtrat", "date": "2023-02-01", "role": "Entscheidung"},
        {"body": "Bauausschuss", "date": "2023-01-10", "role": "Vorberatung"},
        {"body": "Hauptausschuss", "date": None, "role": "Vorberatung"},
    ]
    got = [rows[1], {**rows[2], "date": "2023-01-20"}]  # the first row lost, the last one's date read
    lines = diff_lines(got, rows)
    assert lines[0].startswith('[0]: missing {"body": "Stadtrat"')
    assert lines[1] == '[2].date: got "2023-01-20", want null'  # row 1 is equal: not listed
    assert diff_lines(["A", "B", "X"], ["A", "B"]) == ['[+2]: extra "X"']


def test_objects_show_the_keys_that_differ_and_long_diffs_are_cut() -> None:
    got = {"total": 100.0, "years": {"2024": 50}, "note": "x"}
    want = {"total": 120.0, "years": {"2024": 50, "2025": 70}}
    assert diff_lines(got, want) == ["total: got 100.0, want 120.0", "years.2025: missing, want 70", 'note: extra "x"']
    many = diff_lines(list(range(20)), [n + 100 for n in range(20)], limit=5)
    assert len(many) == 6 and many[-1] == "… and 15 more difference(s)"


@pytest.fixture
def one_miss(tmp_path: Path) -> Path:
    """A fixture PDF beside a copy of its golden with three values changed: three known misses."""
    pdf = FIXTURES / "erfurt-0112-23-glyphs.pdf"
    shutil.copy(pdf, tmp_path / pdf.name)
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    golden["number"] = "0112/24"
    golden["consultations"][0]["date"] = "2099-01-01"
    words = golden["justification"].split(" ")
    words[len(words) // 2] = "GEÄNDERT"
    golden["justification"] = " ".join(words)
    (tmp_path / pdf.with_suffix(".json").name).write_text(json.dumps(golden, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_eval_prints_a_diff_per_miss_and_progress_on_request(
    one_miss: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(one_miss), "--show-misses", "--progress"]) == 0
    out, err = capsys.readouterr()
    misses = out[out.index("misses (") :].splitlines()[1:]
    assert misses[0] == '- erfurt-0112-23-glyphs.pdf number [silent]: got "0112/23", want "0112/24"'
    assert misses[1].endswith('consultations [silent]: [0].date: got "2023-01-12", want "2099-01-01"')
    assert "[-GEÄNDERT-] {+" in misses[2] and len(misses[2]) < 200  # not the whole Sachverhalt
    assert err == "eval: 1/1 erfurt-0112-23-glyphs.pdf\n"
    assert main(["eval", str(one_miss)]) == 0  # stderr is not a terminal: no progress
    assert capsys.readouterr().err == ""
