"""The inspector on every fixture: a picture of each page and the HTML of the whole paper
(born-digital fixtures and meetings; one scan: tests/test_inspector_scan.py; all of them with
the command line: scripts/inspect_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.inspector import draw_page, marks_on, render_pages
from ratsdoc.inspector_html import html_report

from .conftest import FIXTURES, fixture_pdfs

pytest.importorskip("PIL.Image")
#: Low resolution: the test is about every box being placed, not about the picture.
DPI = 24
BORN_DIGITAL = [*fixture_pdfs(), *sorted((FIXTURES / "meetings").glob("*.pdf"))]


def inspect_everything(pdf: Path) -> None:
    """Inspect every page of ``pdf`` as pictures and as HTML, and check every box is in both."""
    t, rendered = render_pages(pdf, None, None, DPI)
    images = dict(rendered)
    scale = DPI / 72
    assert sorted(images) == list(range(1, t.document.page_count + 1))
    html = html_report(t, images.items(), scale, pdf.name)
    assert html.count("<img ") == t.document.page_count and html.count("<script>") == 1
    for page, image in images.items():
        picture = draw_page(image, t, page, scale)
        assert picture.size == image.size and picture.mode == "RGB"
        marks = list(marks_on(t, page))
        # Every box of the page is in the HTML, linked to its place in the JSON.
        part = html[html.index(f'id="page-{page}"') :]
        part = part[: part.index("</svg>")]
        assert part.count('class="box ') >= len(marks)
        for mark in marks:
            assert mark.path and f'data-path="{mark.path}"' in html, mark
    drawn = {p for where in (t.document.provenance, t.items) for p, boxes in where.items() if boxes}
    assert all(f'data-path="{path}" data-boxes="' in html for path in drawn)


@pytest.mark.parametrize("pdf", BORN_DIGITAL, ids=lambda p: p.stem)
def test_every_born_digital_fixture(pdf: Path) -> None:
    inspect_everything(pdf)
