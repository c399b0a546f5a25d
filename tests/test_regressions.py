"""Inputs that once raised uncaught exceptions now give a result or a typed error."""

from __future__ import annotations

from pathlib import Path

import pytest

import ratsdoc

from .conftest import FIXTURES

INPUTS = sorted((FIXTURES / "regressions").glob("*.pdf"))


def test_there_are_regression_inputs() -> None:
    assert len(INPUTS) >= 2


@pytest.mark.parametrize("pdf", INPUTS, ids=lambda p: p.stem)
def test_regression_input_is_handled(pdf: Path) -> None:
    try:
        document = ratsdoc.parse(pdf, max_seconds=30)
    except ratsdoc.RatsdocError as exc:
        assert str(exc).startswith(str(pdf))
    else:
        assert document.page_count >= 1


def test_label_search_stops_at_the_last_line() -> None:
    # Regression: find_label with a stop index past the end raised IndexError.
    from ratsdoc.extract.context import Context
    from ratsdoc.profile import bundled_profiles
    from ratsdoc.regions import Layout

    ctx = Context(layout=Layout(pages=[], lines=[]), profile=bundled_profiles()["generic"])
    assert ctx.find_label("salutation", start=0, stop=5) is None
