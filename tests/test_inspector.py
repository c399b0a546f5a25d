"""``ratsdoc inspect``: the page picture has the page's size and each field's colour at its box."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from ratsdoc.cli import main
from ratsdoc.errors import PageNotFoundError
from ratsdoc.inspector import EMPTY, TICKED, WARNING, draw_page, field_colour, inspect_page, marks_on
from ratsdoc.issues import Issue, IssueCode
from ratsdoc.models import BBox
from ratsdoc.trace import Trace

from .conftest import FIXTURES, fixture_pdfs

Image = pytest.importorskip("PIL.Image")
DPI = 60


@cache
def _inspected(name: str, page: int) -> tuple[Any, Trace]:
    return inspect_page(FIXTURES / name, page=page, dpi=DPI)


def _has_colour(image: Any, box: BBox, colour: tuple[int, int, int], scale: float, pad: int = 0) -> bool:
    """Whether a pixel of ``colour`` lies on the outline drawn around ``box`` (``pad`` further out)."""
    x0, top = round(box.x0 * scale - 2 - pad), round(box.top * scale - 2 - pad)
    x1, bottom = round(box.x1 * scale + 2 + pad), round(box.bottom * scale + 2 + pad)
    edge = [(x, y) for x in range(x0 - 1, x1 + 2) for y in (top - 1, top, top + 1, bottom - 1, bottom, bottom + 1)]
    edge += [(x, y) for y in range(top, bottom + 1) for x in (x0 - 1, x0, x0 + 1, x1 - 1, x1, x1 + 1)]
    width, height = image.size
    return any(image.getpixel((x, y)) == colour for x, y in edge if 0 <= x < width and 0 <= y < height)


@pytest.mark.parametrize("pdf", fixture_pdfs(), ids=lambda p: p.stem)
def test_every_field_box_is_drawn_in_its_colour(pdf: Path) -> None:
    image, t = _inspected(pdf.name, 1)
    width, height = t.page_sizes[1]
    # PDFium rounds a fractional pixel edge up or down.
    assert abs(image.size[0] - width * DPI / 72) <= 1 and abs(image.size[1] - height * DPI / 72) <= 1
    scale = DPI / 72
    fields = [m for m in marks_on(t, 1) if m.width == 2]
    for mark in fields:
        assert _has_colour(image, mark.bbox, field_colour(mark.label), scale, mark.pad), mark.label
    assert {m.label for m in fields} == {n for n, w in t.document.provenance.items() if any(p.page == 1 for p in w)}


def test_checkbox_options_show_their_state() -> None:
    image, t = _inspected("erfurt-0112-23-glyphs.pdf", 2)
    options = [m for m in marks_on(t, 2) if m.colour in (TICKED, EMPTY)]
    # Fristwahrung: "Ja" empty, "Nein" ticked; every option of the page is drawn.
    assert sum(len(g.options) for g in t.document.checkboxes) == len(options)
    assert [m.colour for m in options].count(TICKED) == 1
    for mark in options:
        assert _has_colour(image, mark.bbox, mark.colour, DPI / 72), mark.label


def test_parts_are_drawn_too() -> None:
    _, t = _inspected("erfurt-0112-23-glyphs.pdf", 2)
    labels = {m.label for m in marks_on(t, 2)}
    assert {"rows[0]", "2023", "2026", "checkboxes[6]"} <= labels
    _, first = _inspected("erfurt-0112-23-glyphs.pdf", 1)
    assert {"consultations[0]", "consultations[1]", "resolution_proposal[0]"} <= {m.label for m in marks_on(first, 1)}


def test_furniture_is_shaded() -> None:
    image, t = _inspected("erfurt-0112-23-glyphs.pdf", 1)
    footer = next(line for line in t.lines if line.furniture and line.page == 1)
    scale = DPI / 72
    centre = (round((footer.bbox.x0 + 2) * scale), round((footer.bbox.top + footer.bbox.bottom) / 2 * scale))
    r, g, b = image.getpixel(centre)
    assert r == g == b and r < 240  # grey shade under "Seite 1 von 3", not paper white


def test_warnings_are_marked_at_their_field_or_listed() -> None:
    _, t = _inspected("erfurt-0112-23-glyphs.pdf", 2)
    doubt = Issue(IssueCode.CHECKBOX_STATE_UNKNOWN, "a box is unclear", page=2, field="checkboxes")
    page_wide = Issue(IssueCode.SHAPES_CUT, "too many shapes", page=2)
    warned = replace(t, issues=[doubt, page_wide])
    marks = [m for m in marks_on(warned, 2) if m.colour == WARNING]
    assert [m.label for m in marks] == ["! checkbox_state_unknown"]
    width, height = t.page_sizes[2]
    scale = DPI / 72
    blank = Image.new("L", (round(width * scale), round(height * scale)), 255)
    drawn = draw_page(blank, warned, 2, scale)
    assert _has_colour(drawn, marks[0].bbox, WARNING, scale, marks[0].pad)
    # The warning without a field is written at the top of the page.
    assert _reddish(drawn) > 20
    assert _reddish(draw_page(blank, t, 2, scale)) == 0


def _reddish(image: Any) -> int:
    """Red pixels (the anti-aliased text of a warning) in the top strip of ``image``."""
    pixels = [image.getpixel((x, y)) for x in range(0, 200) for y in range(0, 14)]
    return sum(1 for r, g, b in pixels if r > 150 and g < 110 and b < 110)


def test_page_out_of_range_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(PageNotFoundError):
        inspect_page(FIXTURES / "erfurt-0112-23-glyphs.pdf", page=4, dpi=DPI)
    out = tmp_path / "p.png"
    pdf = str(FIXTURES / "erfurt-0112-23-glyphs.pdf")
    assert main(["inspect", pdf, "--page", "4", "-o", str(out)]) == 2
    assert "no page 4 (the PDF has 3)" in capsys.readouterr().err and not out.exists()
    assert main(["inspect", pdf, "-o", str(tmp_path / "p.jpg")]) == 2
    assert main(["inspect", str(tmp_path / "missing.pdf"), "-o", str(out)]) == 1
    assert capsys.readouterr().err.count("\n") == 2


def test_inspect_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "page2.png"
    assert (
        main(["inspect", str(FIXTURES / "erfurt-0112-23-glyphs.pdf"), "--page", "2", "--dpi", "50", "-o", str(out)])
        == 0
    )
    with Image.open(out) as image:
        assert image.format == "PNG" and image.size in ((413, 585), (414, 585))  # A4 at 50 dpi
    assert [p.name for p in tmp_path.iterdir()] == ["page2.png"]
