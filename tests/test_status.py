"""One status vocabulary, one exception→failure mapping, one exit-code rule, typed warnings."""

from __future__ import annotations

import argparse
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import ratsdoc
from ratsdoc import errors, pipeline
from ratsdoc.budget import make_budget
from ratsdoc.cli import build_parser, main
from ratsdoc.failures import as_ratsdoc_error, error_info, needs_fresh_process
from ratsdoc.ingest.engine import STATUSES
from ratsdoc.ingest.protocol import Task
from ratsdoc.ingest.store import Store
from ratsdoc.ingest.worker import run_task
from ratsdoc.input import load_input
from ratsdoc.issues import Issue, IssueCode
from ratsdoc.layout.model import Page
from ratsdoc.status import STORED_STATUSES, ExitCode, IngestOutcome, ParseStatus

from .conftest import FIXTURES, PUBLIC_ERRORS

SAMPLE = FIXTURES / "erfurt-0112-23-glyphs.pdf"


# -- one vocabulary ---------------------------------------------------------------------------


def _check_values(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents'").fetchone()[0]
    match = re.search(r"CHECK \(status IN \(([^)]*)\)\)", sql)
    assert match, sql
    return [value.strip().strip("'") for value in match.group(1).split(",")]


def _subcommand_choices(command: str, dest: str) -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    action = next(a for a in sub.choices[command]._actions if a.dest == dest)
    assert action.choices is not None
    return list(action.choices)


def test_enum_values_are_the_stores_check_and_the_cli_choices(tmp_path: Path) -> None:
    values = [status.value for status in ParseStatus]
    assert values == ["ok", "warning", "failed", "skipped"]
    Store(str(tmp_path / "a.sqlite")).close()
    assert _check_values(tmp_path / "a.sqlite") == values == list(STORED_STATUSES)
    assert _subcommand_choices("export", "status") == values
    # An ingest run counts the stored statuses and the outcomes that store no row.
    assert list(STATUSES) == values + [outcome.value for outcome in IngestOutcome]


def test_the_store_refuses_a_status_outside_the_enum(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "a.sqlite"))
    try:
        with pytest.raises(sqlite3.IntegrityError):
            store.record_refused(
                "k" * 64,
                status="unchanged",
                error_class="X",
                reason="r",
                version="0",
                run_id=None,
                content_hashed=False,
            )
    finally:
        store.close()


def test_status_prints_and_compares_as_its_value() -> None:
    assert ParseStatus.FAILED == "failed" and f"{ParseStatus.WARNING}" == "warning"
    result = ratsdoc.ParseResult(file="x.pdf", status="skipped")
    assert result.status is ParseStatus.SKIPPED
    assert result.model_dump(mode="json")["status"] == "skipped"
    assert ParseStatus.of_document([]) is ParseStatus.OK
    assert ParseStatus.of_document(["w"]) is ParseStatus.WARNING


# -- one mapping from exception to failure ----------------------------------------------------

CASES: list[tuple[BaseException, str, str, str | None]] = [
    (errors.InputError("file not found"), "InputError", "file not found", None),
    (errors.NotAPdfError("not a PDF: HTML", detected="html"), "NotAPdfError", "not a PDF: HTML", None),
    (errors.DamagedPdfError("damaged PDF"), "DamagedPdfError", "damaged PDF", None),
    (errors.EncryptedPdfError("needs a password"), "EncryptedPdfError", "needs a password", None),
    (
        errors.LimitExceededError("too many pages", limit="max_pages", maximum=5),
        "LimitExceededError",
        "too many pages",
        "max_pages",
    ),
    (errors.OcrUnavailableError("needs OCR", install="tesseract-ocr"), "OcrUnavailableError", "needs OCR", None),
    (errors.ProfileError("unknown profile 'x'"), "ProfileError", "unknown profile 'x'", None),
    (errors.RatsdocError("odd"), "RatsdocError", "odd", None),
    (MemoryError(), "LimitExceededError", "parsing needed more than the memory limit of 300 MB", "max_memory_mb"),
    (RecursionError("deep"), "DamagedPdfError", "the PDF's object structure is too deeply nested (circular?)", None),
    (ValueError("bug"), "ValueError", "internal error (ValueError: bug)", None),
]


@pytest.mark.parametrize(("exc", "kind", "reason", "limit"), CASES, ids=[type(case[0]).__name__ for case in CASES])
def test_every_exception_maps_to_one_failure(exc: BaseException, kind: str, reason: str, limit: str | None) -> None:
    bare = error_info(exc, max_memory_mb=300)
    assert (bare.type, bare.message, bare.limit) == (kind, reason, limit)
    named = error_info(exc, "in/a.pdf", max_memory_mb=300)
    assert named.message == f"in/a.pdf: {reason}" and "\n" not in named.message
    assert (as_ratsdoc_error(exc) is None) == (kind == "ValueError")


def test_memory_without_a_limit_and_fresh_processes() -> None:
    assert error_info(MemoryError()).message == "ran out of memory while reading the PDF"
    assert needs_fresh_process(MemoryError()) and needs_fresh_process(RecursionError())
    assert needs_fresh_process(errors.LimitExceededError("x", limit="max_memory_mb", maximum=1))
    assert not needs_fresh_process(errors.LimitExceededError("x", limit="max_seconds", maximum=1))
    assert not needs_fresh_process(ValueError())


@pytest.mark.parametrize(("exc", "kind", "reason", "limit"), CASES, ids=[type(case[0]).__name__ for case in CASES])
def test_the_worker_reports_the_same_failure(exc: BaseException, kind: str, reason: str, limit: str | None) -> None:
    def boom(source: object, options: object) -> None:
        raise exc

    result = run_task(Task(key="k", name="a.pdf", path="/nowhere/a.pdf"), boom, None, 300)
    assert result["status"] is ParseStatus.FAILED
    assert (result["error_class"], result["error_message"], result["error_limit"]) == (kind, reason, limit)
    assert result["recycle"] == needs_fresh_process(exc)


def test_parse_many_reports_failures_through_the_mapping(tmp_path: Path) -> None:
    missing = tmp_path / "missing.pdf"
    results = list(ratsdoc.parse_many([missing, b"<html>not found</html>"]))
    assert [r.status for r in results] == [ParseStatus.FAILED, ParseStatus.FAILED]
    assert results[0].error is not None and results[0].error.type == "InputError"
    assert results[0].error.message.startswith(f"{missing}: ")
    assert results[1].error is not None and results[1].error.type == "NotAPdfError"


# -- typed warnings ---------------------------------------------------------------------------


class _BlankSource:
    """An engine with one page without text, carrying ``warnings``."""

    page_count = 1
    checked_data = None

    def __init__(self, warnings: tuple[Issue, ...]) -> None:
        self.warnings = warnings

    def pages(self) -> Iterator[Page]:
        yield Page(number=1, width=595.0, height=842.0, chars=(), warnings=self.warnings)

    def close(self) -> None:
        pass


def _layout_codes(monkeypatch: pytest.MonkeyPatch, warnings: tuple[Issue, ...]) -> list[Issue]:
    monkeypatch.setattr(pipeline, "open_engine", lambda pdf, options, budget: _BlankSource(warnings))
    options = ratsdoc.ParseOptions(ocr="never")
    layout, _ = pipeline.read_layout(
        load_input(SAMPLE.read_bytes(), max_file_size=10**8), options, make_budget(options, None)
    )
    return layout.warnings


def test_no_text_is_decided_on_the_code_not_the_wording(monkeypatch: pytest.MonkeyPatch) -> None:
    no_text = Issue(IssueCode.NO_TEXT, "no text could be read from any page of the PDF")
    assert _layout_codes(monkeypatch, ()) == [no_text]
    # A page that said its text is missing explains the empty document, whatever the words.
    missing = Issue(IssueCode.NO_TEXT_LAYER, "page 1 is blank", 1)
    assert _layout_codes(monkeypatch, (missing,)) == [missing]
    # Words alone decide nothing: a warning that mentions "no text" with another code.
    other = Issue(IssueCode.PAGE_BOX_INVALID, "page 1: no text box; a default was used", 1)
    assert _layout_codes(monkeypatch, (other,)) == [other, no_text]


def test_parse_many_offers_the_typed_issues_and_json_keeps_the_messages() -> None:
    scan = FIXTURES / "scans" / "scan-0112-23-glyphs.pdf"
    (result,) = ratsdoc.parse_many([scan], ratsdoc.ParseOptions(ocr="never"))
    assert result.status is ParseStatus.WARNING and result.document is not None
    assert [issue.message for issue in result.issues] == result.document.warnings
    assert IssueCode.NO_TEXT_LAYER in {issue.code for issue in result.issues}
    assert "issues" not in result.model_dump(mode="json")
    assert "issues" not in result.document.model_dump(mode="json")


# -- one exit-code rule -----------------------------------------------------------------------


def test_error_classes_agree_with_the_exit_codes() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 130, 143]
    for name in (*PUBLIC_ERRORS, "RatsdocError"):
        expected = ExitCode.USAGE if name == "ProfileError" else ExitCode.FAILED
        assert getattr(errors, name).exit_code == expected, name


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse"]) == ExitCode.USAGE  # argparse: a FILE is required
    assert main(["parse", str(SAMPLE), "--max-pages", "0"]) == ExitCode.USAGE
    assert main(["parse", str(SAMPLE), "--profiles-dir", str(tmp_path / "none")]) == 2
    assert main([]) == ExitCode.USAGE
    capsys.readouterr()


def test_parse_exit_codes_ok_and_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE)]) == ExitCode.OK
    assert main(["parse", str(tmp_path / "missing.pdf"), str(SAMPLE)]) == ExitCode.FAILED
    out = capsys.readouterr().out
    assert '"0112/23"' in out  # the good file was still written
