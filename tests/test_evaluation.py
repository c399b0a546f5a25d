"""``ratsdoc eval``: scores, soft matching, silent errors, thresholds and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ratsdoc import evaluation
from ratsdoc.cli import main
from ratsdoc.errors import DamagedPdfError
from ratsdoc.evaluation import Report, evaluate, find_pairs, format_report, soft_equal
from ratsdoc.issues import DOCUMENT_WIDE, Issue, IssueCode
from ratsdoc.models import Drucksache
from ratsdoc.options import ParseOptions
from ratsdoc.pipeline import read_paper

from .conftest import FIXTURES, load_script

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


@pytest.fixture(scope="module")
def sample_paper() -> tuple[Drucksache, list[Issue]]:
    """The sample parsed once; the silent-error tests pair it with chosen warnings."""
    return read_paper(SAMPLE, ParseOptions())


def _wrong_number(tmp_path: Path) -> list[tuple[Path, Path]]:
    """The sample with a golden whose number differs from the paper's: one wrong field."""
    shutil.copy(SAMPLE, tmp_path / "a.pdf")
    golden = json.loads(SAMPLE.with_suffix(".json").read_text(encoding="utf-8"))
    golden["number"] = "9999/99"
    (tmp_path / "a.json").write_text(json.dumps(golden), encoding="utf-8")
    return find_pairs(tmp_path)


def _evaluate_with(
    monkeypatch: pytest.MonkeyPatch, pairs: list[tuple[Path, Path]], paper: tuple[Drucksache, list[Issue]]
) -> Report:
    monkeypatch.setattr(evaluation, "read_paper", lambda pdf, options: paper)
    return evaluate(pairs)


def test_a_wrong_field_without_a_warning_is_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_paper: tuple[Drucksache, list[Issue]]
) -> None:
    document, _ = sample_paper
    report = _evaluate_with(monkeypatch, _wrong_number(tmp_path), (document, []))
    assert report.fields["number"].silent == 1
    assert report.fields["title"].silent == 0
    assert report.overall.silent == 1
    assert report.silent == [("a.pdf", "number")]
    assert report.overall.silent_rate == pytest.approx(1 / report.overall.total)


def test_a_warning_for_another_field_leaves_the_error_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_paper: tuple[Drucksache, list[Issue]]
) -> None:
    document, _ = sample_paper
    issues = [
        Issue(IssueCode.CHECKBOX_STATE_UNKNOWN, "checkbox state unknown", 1, field="checkboxes"),
        Issue(IssueCode.SHAPES_CUT, "page 1: more than 10 drawn objects, 5 were ignored", 1),  # no field
    ]
    report = _evaluate_with(monkeypatch, _wrong_number(tmp_path), (document, issues))
    assert report.fields["number"].silent == 1


def test_a_warning_naming_the_field_makes_the_error_not_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_paper: tuple[Drucksache, list[Issue]]
) -> None:
    document, _ = sample_paper
    issues = [Issue(IssueCode.CHECKBOX_STATE_UNKNOWN, "the number is unsure", 1, field="number")]
    report = _evaluate_with(monkeypatch, _wrong_number(tmp_path), (document, issues))
    assert report.fields["number"].exact == 0
    assert report.fields["number"].silent == 0
    assert report.silent == []


def test_a_warning_naming_a_right_field_counts_as_noise(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sample_paper: tuple[Drucksache, list[Issue]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    document, _ = sample_paper
    issues = [
        Issue(IssueCode.VALUE_UNCERTAIN, "the title is a guess", 1, field="title"),  # right title: noise
        Issue(IssueCode.VALUE_UNCERTAIN, "the number is a guess", 1, field="number"),  # wrong number: no noise
        Issue(IssueCode.OCR_APPLIED, "page 1 was OCRed"),  # document-wide, names no field: no noise
    ]
    report = _evaluate_with(monkeypatch, _wrong_number(tmp_path), (document, issues))
    assert report.fields["title"].noise == 1
    assert report.fields["number"].noise == 0
    assert report.overall.noise == 1
    print(format_report(report))
    assert (
        f"warned right fields (right, a warning names the field): 1/{report.overall.exact}" in capsys.readouterr().out
    )


@pytest.mark.parametrize("code", sorted(DOCUMENT_WIDE))
def test_a_document_wide_warning_makes_no_error_silent(
    code: IssueCode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_paper: tuple[Drucksache, list[Issue]]
) -> None:
    document, _ = sample_paper
    report = _evaluate_with(monkeypatch, _wrong_number(tmp_path), (document, [Issue(code, "the text is unsure")]))
    assert report.fields["number"].exact == 0
    assert report.overall.silent == 0


def test_a_paper_that_failed_to_parse_has_no_silent_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(pdf: Path, options: ParseOptions) -> tuple[Drucksache, list[Issue]]:
        raise DamagedPdfError("a.pdf: the file is damaged")

    monkeypatch.setattr(evaluation, "read_paper", fail)
    report = evaluate(_wrong_number(tmp_path))
    assert report.failures == [("a.pdf", "a.pdf: the file is damaged")]
    assert report.overall.exact < report.overall.total  # every field is wrong ...
    assert report.overall.silent == 0  # ... and the failure was reported


def test_an_internal_error_is_a_failed_paper_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = _wrong_number(tmp_path)
    second = tmp_path / "b.pdf"
    second.write_bytes(pairs[0][0].read_bytes())
    pairs = [*pairs, (second, pairs[0][1])]
    real = evaluation.read_paper

    def crash_on_a(pdf: Path, options: ParseOptions) -> tuple[Drucksache, list[Issue]]:
        if pdf.name == "a.pdf":
            raise ValueError("min() arg is an empty sequence")
        return real(pdf, options)

    monkeypatch.setattr(evaluation, "read_paper", crash_on_a)
    report = evaluate(pairs)
    assert report.documents == 2
    assert report.failures == [("a.pdf", "a.pdf: internal error (ValueError: min() arg is an empty sequence)")]
    assert report.overall.silent == 1  # only b.pdf's wrong number, read without a warning


def test_max_silent_sets_the_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = _wrong_number(tmp_path)
    report = evaluate(pairs)  # the sample parses without a warning: the wrong number is silent
    assert report.overall.silent == 1
    assert main(["eval", str(tmp_path), "--max-silent", "0.1", "--show-misses"]) == 0
    out = capsys.readouterr().out
    assert f"silent errors (wrong, no warning names the field): 1/{report.overall.total} fields" in out
    assert "a.pdf number [silent]: got" in out
    assert main(["eval", str(tmp_path), "--max-silent", "0.03"]) == 1


def test_the_scripts_print_the_silent_share(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, golden = tmp_path / "corpus" / "src", tmp_path / "golden" / "src"
    corpus.mkdir(parents=True)
    golden.mkdir(parents=True)
    for _pdf, json_path in _wrong_number(corpus):
        shutil.move(json_path, golden / json_path.name)
    (tmp_path / "golden" / "split.toml").write_text('dev = ["src"]\ntest = []\n', encoding="utf-8")
    split = ["--corpus", str(tmp_path / "corpus"), "--golden", str(tmp_path / "golden"), "--half", "dev", "--misses"]
    assert load_script("eval_split").main(split) == 0
    out = capsys.readouterr().out
    assert "| **total dev** | dev | 1 | 0 | 16 | 93.8% | 93.8% | 6.2% |" in out
    assert "silent errors (wrong, no warning names the field): 1/16 fields" in out
    assert "a.pdf / number [silent]" in out
    shutil.copy(golden / "a.json", corpus / "a.json")
    assert load_script("variant_accuracy").main([str(corpus), "--misses", "1"]) == 0
    out = capsys.readouterr().out
    assert "silent errors (wrong, no warning names the field): 1/16 fields" in out
    assert "| src | 1 | 16 | 93.8% | 93.8% | 6.2% | 0/1 | 0 |" in out


def test_eval_timeout_sets_the_parse_time_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--timeout`` is the per-document limit of the parses: far too short, the paper fails."""
    shutil.copy(SAMPLE, tmp_path / "a.pdf")
    shutil.copy(SAMPLE.with_suffix(".json"), tmp_path / "a.json")
    assert main(["eval", str(tmp_path), "--timeout", "1e-9", "--min-documents", "1"]) == 1
    assert "failed to parse: 1" in capsys.readouterr().out
    assert main(["eval", str(tmp_path), "--timeout", "600", "--min-documents", "1"]) == 0


def test_the_report_counts_silent_and_warned_agendas() -> None:
    report = Report()
    report.fields["agenda_items"].add(True, True, warned=True, named=True)  # right, warned: noise
    report.fields["agenda_items"].add(False, False, warned=False)  # wrong, silent
    report.fields["agenda_items"].add(False, False, warned=True, named=True)  # wrong, warned
    assert "agendas (agenda_items): wrong 2 (silent 1), right 1 (warned right 1)" in format_report(report)


def test_soft_equal_of_long_texts_is_fast() -> None:
    """The speeches of a long verbatim record (about 100,000 characters) are compared in well
    under a second; character matching took minutes."""
    import random
    import time

    rng = random.Random(3)
    vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) for _ in range(3000)]
    words = [rng.choice(vocabulary) for _ in range(12000)]
    changed = list(words)
    for k in range(0, len(changed), 40):
        changed[k] = "anders"
    start = time.perf_counter()
    assert soft_equal(" ".join(words), " ".join(changed))
    assert not soft_equal(" ".join(words), " ".join(rng.choice(vocabulary) for _ in words))
    assert time.perf_counter() - start < 10
