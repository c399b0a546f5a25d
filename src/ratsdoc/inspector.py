"""The visual inspector: a rendered page with the box of every extracted field and part of it.

What ``ratsdoc inspect`` draws, in the way pdfplumber's ``.to_image()`` helps debug a table:
each field's provenance box in the field's colour with its name; each consultation row,
resolution item, finance cell and attachment inside it; checkbox options green when ticked,
red when empty, orange when unknown; running headers and footers shaded; each body line's
place in the reading order; warnings in red at the field they are about, the others listed at
the top of the page.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .budget import document_guard
from .errors import PageNotFoundError, RatsdocError
from .input import load_input
from .issues import Issue
from .models import BBox, Drucksache
from .ocr.render import PageRenderer
from .options import ParseOptions
from .trace import Trace, trace

#: Colours of the fields (RGB); a field not named here is drawn in :data:`OTHER`.
FIELD_COLOURS: dict[str, tuple[int, int, int]] = {
    "number": (0, 90, 200),
    "title": (150, 0, 170),
    "document_type": (0, 140, 140),
    "public": (100, 100, 0),
    "body": (200, 100, 0),
    "originator": (120, 60, 0),
    "faction": (160, 90, 40),
    "date": (0, 120, 60),
    "consultations": (30, 60, 160),
    "resolution_proposal": (170, 30, 90),
    "checkboxes": (90, 40, 160),
    "finances": (0, 110, 170),
    "attachments": (110, 110, 110),
    "justification": (60, 130, 30),
}
OTHER = (80, 80, 80)
#: Checkbox options by state: ticked, empty, unknown.
TICKED, EMPTY, UNKNOWN = (0, 170, 0), (220, 0, 0), (240, 140, 0)
WARNING = (230, 0, 0)
FURNITURE = (170, 170, 170)
#: Resolution of the picture unless asked otherwise.
DEFAULT_DPI = 100


def field_colour(name: str) -> tuple[int, int, int]:
    """The colour of field ``name`` or of a part of it ("consultations[1]" → consultations')."""
    return FIELD_COLOURS.get(name.split("[")[0].split(".")[0], OTHER)


def option_colour(checked: bool | None) -> tuple[int, int, int]:
    """The colour of a checkbox option of this state."""
    return UNKNOWN if checked is None else TICKED if checked else EMPTY


@dataclass(frozen=True, slots=True)
class Mark:
    """One box to draw: its place in PDF points, colour, label and line width."""

    bbox: BBox
    colour: tuple[int, int, int]
    label: str
    width: int = 2
    #: Extra pixels around the box: fields read from the same words (originator and faction)
    #: are drawn one around the other instead of on top of each other.
    pad: int = 0
    #: The output path the box belongs to: a field ("title"), a part ("consultations[0]") or
    #: for a warning its place in the output's warnings ("warnings[2]").
    path: str = ""


def _option_state(document: Drucksache, path: str) -> bool | None:
    """The state of the option at ``path`` ("checkboxes[2].options[1]")."""
    group, option = (int(part.split("]")[0]) for part in path.split("[")[1:3])
    return document.checkboxes[group].options[option].checked


def page_marks(t: Trace, page: int) -> list[Mark]:
    """Everything the inspector draws on ``page`` of a traced parse, in drawing order: the
    parts first (rows, items, options, cells), then the fields over them."""
    marks: list[Mark] = []
    for path, where in t.items.items():
        for p in where:
            if p.page != page:
                continue
            if ".options[" in path:
                state = _option_state(t.document, path)
                name = {True: "ticked", False: "empty", None: "unknown"}[state]
                marks.append(Mark(p.bbox, option_colour(state), f"{path.split('.')[-1]} {name}", 1, path=path))
            else:
                # Cells and rows by their last step ("2024", "rows[0]"): the table is crowded.
                marks.append(Mark(p.bbox, field_colour(path), path.split(".")[-1], 1, path=path))
    seen: dict[tuple[float, ...], int] = {}
    for name, where in t.document.provenance.items():
        for p in where:
            if p.page == page:
                key = (p.bbox.x0, p.bbox.top, p.bbox.x1, p.bbox.bottom)
                seen[key] = seen.get(key, -1) + 1
                marks.append(Mark(p.bbox, field_colour(name), name, pad=3 * seen[key], path=name))
    return marks


def page_warnings(t: Trace, page: int) -> tuple[list[Mark], list[Issue]]:
    """Warnings of ``page`` as marks at the field they name, and those without such a place."""
    placed: list[Mark] = []
    listed: list[Issue] = []
    shown = t.document.warnings
    for issue in t.issues:
        if issue.page not in (None, page):
            continue
        where = [p for p in t.document.provenance.get(issue.field or "", []) if p.page == page]
        if where:
            path = f"warnings[{shown.index(issue.message)}]" if issue.message in shown else ""
            placed.extend(Mark(p.bbox, WARNING, f"! {issue.code}", 3, path=path) for p in where)
        else:
            listed.append(issue)
    return placed, listed


def _font(size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def _draw_box(draw: Any, mark: Mark, scale: float, font: Any, label_x: dict[tuple[float, float], float]) -> None:
    """Draw ``mark``; labels of marks that start at one corner are written one after another."""
    grow = 2 + mark.pad
    box = [
        mark.bbox.x0 * scale - grow,
        mark.bbox.top * scale - grow,
        mark.bbox.x1 * scale + grow,
        mark.bbox.bottom * scale + grow,
    ]
    draw.rectangle(box, outline=mark.colour, width=mark.width)
    corner = (round(mark.bbox.x0 * scale), round(mark.bbox.top * scale))
    x, y = label_x.get(corner, box[0] + mark.pad), max(0.0, mark.bbox.top * scale - 2 - font.size - 2)
    label_x[corner] = x + draw.textlength(mark.label + " ", font=font)
    left, top, right, bottom = draw.textbbox((x, y), mark.label, font=font)
    draw.rectangle([left - 1, top - 1, right + 1, bottom + 1], fill=(255, 255, 255))
    draw.text((x, y), mark.label, fill=mark.colour, font=font)


def shade_page(image: Any, t: Trace, page: int, scale: float) -> Any:
    """``image`` (a greyscale rendering of ``page`` at ``scale`` pixels per point) paled, in RGB,
    with running headers and footers shaded and body lines numbered in reading order."""
    from PIL import Image, ImageDraw

    canvas = Image.merge("RGB", [image.point(lambda v: 110 + v * 145 // 255)] * 3)
    shade = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    shading = ImageDraw.Draw(shade)
    small = _font(max(7, round(4.5 * scale)))
    order = 0
    for line in t.lines:
        if line.page != page:
            continue
        box = [line.bbox.x0 * scale, line.bbox.top * scale, line.bbox.x1 * scale, line.bbox.bottom * scale]
        if line.furniture:
            shading.rectangle(box, fill=(*FURNITURE, 110))
        else:
            order += 1
            shading.text((max(0.0, box[0] - 4 * scale - 8), box[1]), str(order), fill=(0, 0, 0, 160), font=small)
    return Image.alpha_composite(canvas.convert("RGBA"), shade).convert("RGB")


def draw_page(image: Any, t: Trace, page: int, scale: float) -> Any:
    """Draw the marks of ``page`` on ``image`` (a greyscale rendering at ``scale`` pixels per point)."""
    from PIL import ImageDraw

    canvas = shade_page(image, t, page, scale)
    draw = ImageDraw.Draw(canvas)
    font = _font(max(9, round(6 * scale)))
    placed, listed = page_warnings(t, page)
    label_x: dict[tuple[float, float], float] = {}
    for mark in [*page_marks(t, page), *placed]:
        _draw_box(draw, mark, scale, font, label_x)
    y = 2
    for issue in listed:
        text = f"! {issue.code}: {issue.message}"
        draw.rectangle(draw.textbbox((4, y), text, font=font), fill=(255, 255, 255))
        draw.text((4, y), text, fill=WARNING, font=font)
        y += font.size + 3
    return canvas


def inspect_page(
    source: str | os.PathLike[str] | bytes,
    options: ParseOptions | None = None,
    *,
    page: int = 1,
    dpi: int = DEFAULT_DPI,
) -> tuple[Any, Trace]:
    """Parse ``source`` and render its page ``page`` (1-based) with every field drawn on it.

    Returns the picture (a Pillow RGB image) and the trace it shows. Raises
    :class:`~ratsdoc.errors.PageNotFoundError` when the PDF has no such page, and the parse's
    errors for input that cannot be read.
    """
    t, images = render_pages(source, options, [page], dpi)
    return draw_page(dict(images)[page], t, page, dpi / 72), t


def render_pages(
    source: str | os.PathLike[str] | bytes, options: ParseOptions | None, pages: list[int] | None, dpi: int
) -> tuple[Trace, Iterator[tuple[int, Any]]]:
    """Parse ``source``; its trace and the renderings of ``pages`` (1-based; None for all) as
    greyscale Pillow images, each rendered when the iterator reaches it (one page at a time in
    memory for a long document).

    Raises :class:`~ratsdoc.errors.PageNotFoundError` for a page the PDF does not have.
    """
    opts = options or ParseOptions()
    t = trace(source, opts)
    count = t.document.page_count
    wanted = list(range(1, count + 1)) if pages is None else pages
    for page in wanted:
        if not 1 <= page <= count:
            raise PageNotFoundError(f"no page {page} (the PDF has {count})", page=page)
    return t, _rendered(source, opts, wanted, dpi)


def _rendered(
    source: str | os.PathLike[str] | bytes, opts: ParseOptions, pages: list[int], dpi: int
) -> Iterator[tuple[int, Any]]:
    name = None if isinstance(source, bytes) else str(source)
    try:
        with document_guard(opts, name) as budget:
            pdf = load_input(source, max_file_size=opts.max_file_size)
            renderer = PageRenderer(pdf, opts.password, opts.max_pages, budget=budget)
            try:
                for page in pages:
                    yield page, renderer.render(page, dpi)
            finally:
                renderer.close()
    except RatsdocError as exc:
        raise (exc.with_file(name) if name else exc) from None


def marks_on(t: Trace, page: int) -> Iterable[Mark]:
    """Every box drawn on ``page``, warnings included (what a test or a viewer may check)."""
    return [*page_marks(t, page), *page_warnings(t, page)[0]]
