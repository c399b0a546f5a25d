"""The public API is small and stable; the library never imports the CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest

import ratsdoc

from .conftest import FIXTURES, PUBLIC_ERRORS


def test_all_is_exactly_the_public_api() -> None:
    assert sorted(ratsdoc.__all__) == sorted(
        [
            "parse",
            "parse_many",
            "ParseOptions",
            "ParseResult",
            "ErrorInfo",
            "__version__",
            "Drucksache",
            "Source",
            "ProfileMatch",
            "Provenance",
            "BBox",
            "Consultation",
            "ResolutionItem",
            "CheckboxGroup",
            "CheckboxOption",
            "FinanceRow",
            "Finances",
            "RatsdocError",
            *PUBLIC_ERRORS,
            "ParseStatus",
            "Issue",
            "IssueCode",
        ]
    )
    for name in ratsdoc.__all__:
        assert hasattr(ratsdoc, name)


def test_library_does_not_import_cli() -> None:
    code = "import ratsdoc, sys; ratsdoc.parse; print(any(m.startswith('ratsdoc.cli') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_errors_share_one_base() -> None:
    for name in PUBLIC_ERRORS:
        assert issubclass(getattr(ratsdoc, name), ratsdoc.RatsdocError)


def test_parse_accepts_bytes_and_path_alike() -> None:
    pdf = FIXTURES / "erfurt-0112-23-glyphs.pdf"
    from_path = ratsdoc.parse(pdf)
    from_bytes = ratsdoc.parse(pdf.read_bytes())
    assert from_bytes.source.file is None
    assert from_path.source.sha256 == from_bytes.source.sha256
    assert from_path.model_dump(exclude={"source"}) == from_bytes.model_dump(exclude={"source"})


def test_model_dump_is_the_cli_json() -> None:
    doc = ratsdoc.parse(FIXTURES / "erfurt-0112-23-glyphs.pdf")
    data = doc.model_dump(mode="json")
    assert data["date"] == "2023-01-09"
    assert ratsdoc.Drucksache.model_validate(data) == doc


def test_parse_raises_typed_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ratsdoc.InputError) as info:
        ratsdoc.parse(tmp_path / "missing.pdf")
    assert "missing.pdf" in str(info.value) and "not found" in str(info.value)
    fake = tmp_path / "page.pdf"
    fake.write_bytes(b"<!DOCTYPE html><html><body>404</body></html>")
    with pytest.raises(ratsdoc.NotAPdfError) as info2:
        ratsdoc.parse(fake)
    assert "HTML" in str(info2.value)


def test_parse_many_turns_failures_into_records(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    good = FIXTURES / "erfurt-0112-23-glyphs.pdf"
    results = list(ratsdoc.parse_many([good, bad, good.read_bytes()]))
    assert [r.status for r in results] == ["ok", "failed", "ok"]
    assert results[1].error is not None and results[1].error.type == "NotAPdfError"
    assert "empty" in results[1].error.message


def test_options_overrides_are_validated() -> None:
    with pytest.raises(ValueError):
        ratsdoc.parse(FIXTURES / "erfurt-0112-23-glyphs.pdf", engine="nonsense")
