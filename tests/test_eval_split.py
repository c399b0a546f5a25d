"""The dev/test split of the real-paper goldens (eval/real/split.toml) covers every golden once,
and every golden belongs to a PDF of the real corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from ratsdoc.models import MEETING_FIELDS, PAPER_FIELDS

from .conftest import REAL_CORPUS, ROOT

GOLDEN = ROOT / "eval" / "real"
SPLIT = GOLDEN / "split.toml"
CORPUS = REAL_CORPUS


def _split() -> dict[str, list[str]]:
    return tomllib.loads(SPLIT.read_text(encoding="utf-8"))


def _goldens() -> list[Path]:
    return sorted(GOLDEN.rglob("*.json"))


def _needs_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"real corpus not found at {CORPUS}")


def test_split_has_two_halves_and_lists_each_source_once() -> None:
    split = _split()
    assert set(split) == {"dev", "test"}
    sources = [source for half in ("dev", "test") for source in split[half]]
    assert sources, "the split lists no sources"
    assert len(sources) == len(set(sources)), f"a source is listed twice: {sorted(sources)}"


def test_every_golden_source_is_in_the_split_exactly_once() -> None:
    split = _split()
    goldens = _goldens()
    assert goldens, "no goldens under eval/real"
    for golden in goldens:
        parts = golden.relative_to(GOLDEN).parts
        assert len(parts) == 2, f"{golden}: a golden sits in its source's folder"
        halves = [half for half in ("dev", "test") if parts[0] in split[half]]
        assert len(halves) == 1, f"{golden}: source {parts[0]!r} is in {halves or 'no half'}"


def test_both_halves_hold_goldens() -> None:
    split = _split()
    for half in ("dev", "test"):
        assert any(golden.relative_to(GOLDEN).parts[0] in split[half] for golden in _goldens()), half


def test_goldens_have_every_contract_field_and_notes() -> None:
    for golden in _goldens():
        data = json.loads(golden.read_text(encoding="utf-8"))
        meeting = (*MEETING_FIELDS, "kind") if data.get("kind") == "meeting" else ()
        # A long record may leave its speeches out, saying so in "_omitted" (eval/real/README.md).
        omitted = set(data.get("_omitted", ())) & {"speeches"}
        missing = [name for name in (*PAPER_FIELDS, *meeting, "page_count", "_notes") if name not in data]
        assert set(missing) <= omitted, f"{golden}: missing {sorted(set(missing) - omitted)}"
        assert not omitted - set(missing), f"{golden}: '_omitted' names fields it has"


def test_every_golden_has_a_pdf_in_the_corpus() -> None:
    _needs_corpus()
    for golden in _goldens():
        pdf = CORPUS / golden.relative_to(GOLDEN).with_suffix(".pdf")
        assert pdf.is_file(), f"{golden}: no PDF at {pdf}"


def test_split_names_exactly_the_corpus_sources() -> None:
    _needs_corpus()
    split = _split()
    folders = {p.name for p in CORPUS.iterdir() if p.is_dir()}
    assert set(split["dev"]) | set(split["test"]) == folders
