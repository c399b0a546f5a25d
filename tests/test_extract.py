"""The extraction run as a whole (``extract/__init__.py``): the deadline is kept on any thread."""

from __future__ import annotations

from .conftest import line_context as _context
from .conftest import text_line


def test_extraction_stops_at_the_deadline_off_the_main_thread() -> None:
    # Regression: off the main thread (no SIGALRM) nothing checked the deadline once the
    # pages were read, so a parse whose extraction ran past it still returned a result.
    import threading
    import time

    from ratsdoc.budget import document_guard
    from ratsdoc.errors import LimitExceededError
    from ratsdoc.extract import extract_fields
    from ratsdoc.options import ParseOptions

    ctx = _context([text_line(100, [(60, "Begründung:")]), text_line(120, [(60, "Ein Satz.")])], ocr=False)
    outcome: list[object] = []

    def work() -> None:
        try:
            with document_guard(ParseOptions(max_seconds=0.05), "late.pdf") as budget:
                time.sleep(0.1)  # the pages took the whole budget
                outcome.append(extract_fields(ctx.layout, ctx.profile, budget))
        except LimitExceededError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], LimitExceededError)
    assert outcome[0].limit == "max_seconds"
