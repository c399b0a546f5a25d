"""Field extractors on hand-built lines: the table readers under OCR noise."""

from __future__ import annotations

from ratsdoc.extract.consultations import extract_consultations
from ratsdoc.extract.context import Context
from ratsdoc.extract.finances import extract_finances
from ratsdoc.layout.lines import Line
from ratsdoc.models import Consultation, FinanceRow
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .conftest import text_line


def _context(lines: list[Line], *, ocr: bool) -> Context:
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1] if ocr else [])
    return Context(layout=layout, profile=bundled_profiles()["erfurt"])


def test_punctuation_speckle_does_not_split_a_wrapped_body() -> None:
    # Regression (scan of 0112/23): OCR read speckle in the date and role columns of the
    # first line of a wrapped body name as "." tokens, which made that line a row of its own.
    lines = [
        text_line(157, [(60, "Beratungsfolge"), (300, "Datum"), (370, "Behandlung"), (460, "Zuständigkeit")]),
        text_line(176, [(60, "Ausschuss für öffentliche Ordnung,"), (310, "."), (400, ".")]),
        text_line(188, [(60, "Sicherheit, Ortsteile und Ehrenamt"), (300, "12.01.2023"),
                    (370, "nicht öffentlich"), (460, "Vorberatung")]),
        text_line(209, [(60, "Stadtrat"), (300, "25.01.2023"), (370, "öffentlich"), (460, "Entscheidung")]),
    ]
    ctx = _context(lines, ocr=True)
    extract_consultations(ctx)
    assert ctx.fields.values["consultations"] == [
        Consultation(body="Ausschuss für öffentliche Ordnung, Sicherheit, Ortsteile und Ehrenamt",
                     date="2023-01-12", public=False, role="Vorberatung"),
        Consultation(body="Stadtrat", date="2023-01-25", public=True, role="Entscheidung"),
    ]


YEARS = [(300, "2024"), (380, "2025"), (460, "2026")]


def test_glued_currency_and_ocr_comma_groups_in_the_finance_table() -> None:
    # Regression (scan of 1203/24): "0,00EUR" stuck to the row label and "12,500,00" was no
    # amount, so the row lost two cells and its label grew.
    lines = [
        text_line(180, YEARS),
        text_line(195, [(60, "Verwaltungshaushalt Ausgaben"), (300, "0,00EUR"), (380, "12,500,00 EUR"),
                    (460, "12.500,00 EUR")]),
    ]
    ctx = _context(lines, ocr=True)
    extract_finances(ctx)
    assert ctx.fields.values["finances"].rows == [
        FinanceRow(label="Verwaltungshaushalt Ausgaben",
                   amounts={"2024": 0.0, "2025": 12500.0, "2026": 12500.0}),
    ]


def test_comma_groups_are_repaired_on_ocr_pages_only() -> None:
    # On a born-digital page "12,500,00" is what the author typed; it is not guessed at.
    lines = [
        text_line(180, YEARS),
        text_line(195, [(60, "Ausgaben"), (300, "1,00€"), (380, "12,500,00 EUR"), (460, "2,00 EUR")]),
    ]
    ctx = _context(lines, ocr=False)
    extract_finances(ctx)
    assert ctx.fields.values["finances"].rows == [
        FinanceRow(label="Ausgaben", amounts={"2024": 1.0, "2025": None, "2026": 2.0}),
    ]


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


def test_extraction_stops_at_the_deadline_off_the_main_thread() -> None:
    # Regression: off the main thread (no SIGALRM) nothing checked the deadline once the
    # pages were read, so a parse whose extraction ran past it still returned a result.
    import threading
    import time

    from ratsdoc.budget import document_guard
    from ratsdoc.errors import LimitExceededError
    from ratsdoc.extract import extract_fields
    from ratsdoc.options import ParseOptions

    ctx = _context([text_line(100, [(60, "Begründung:")]), text_line(120, [(60, "Ein Satz.")])],
                   ocr=False)
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
