"""What extractors share (``extract/context.py``): label searches over the layout's lines."""

from __future__ import annotations

from ratsdoc.extract.context import Context
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout

from .conftest import line_context as _context
from .conftest import text_line


def test_label_search_sees_tokens_changed_by_an_extractor() -> None:
    # Line texts are cached for label searches; an extractor that rewrites tokens (typed
    # ticks becoming boxes) says so, and later searches read the new words.
    lines = [text_line(100, [(60, "Vorwort")]), text_line(120, [(60, "x Begründung")])]
    ctx = _context(lines, ocr=False)
    assert ctx.find_label("justification") is None  # "x Begründung" does not start with it
    lines[1].tokens = lines[1].tokens[1:]
    assert ctx.find_label("justification") is None  # still the cached text
    ctx.lines_changed()
    found = ctx.find_label("justification")
    assert found is not None and found[0] == 1


def test_label_search_stops_at_the_last_line() -> None:
    # Regression: find_label with a stop index past the end raised IndexError.

    ctx = Context(layout=Layout(pages=[], lines=[]), profile=bundled_profiles()["generic"])
    assert ctx.find_label("salutation", start=0, stop=5) is None
