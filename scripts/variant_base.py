"""What the variant families share: the fonts and sizes they draw, paragraph counts, wrapped
titles, links, and the golden record's shape and page limit (``generate_variants.py``)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as RLTTFont

import fixture_fonts as ff
import scan_family
import template_flow
import variant_text as vt

MAX_PAGES = 12

#: Font families: the name a word processor knows, and the regular and bold TrueType files.
FONTS = {
    "Liberation Sans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "Liberation Serif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    "DejaVu Sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "Carlito": ("crosextra/Carlito-Regular.ttf", "crosextra/Carlito-Bold.ttf"),
}
FONT_ROOT = Path("/usr/share/fonts/truetype")
#: Fonts of typewriters and older office printers, which letters scanned with the office wear
#: profile (``--scan-wear office``) may be set in besides :data:`FONTS`.
OFFICE_FONTS = {
    "Liberation Mono": ("liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf"),
    "DejaVu Serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
}

Golden = dict[str, Any]


def font_files() -> dict[str, tuple[str, str]]:
    """The font families the letter being drawn may use: :data:`FONTS`, and :data:`OFFICE_FONTS`
    for a letter scanned with the office wear profile."""
    return {**FONTS, **OFFICE_FONTS} if scan_family.office_fonts() else FONTS


def available_fonts() -> list[str]:
    """The font families of :func:`font_files` whose files are installed."""
    return [name for name, files in font_files().items() if all((FONT_ROOT / f).exists() for f in files)]


def use_font(rng: random.Random) -> str:
    """Pick a font family and have the builders draw their regular and bold text in it
    (:func:`fixture_fonts.use_faces`; registering another file under the builders' names would
    do nothing, reportlab keeps the first font of a name)."""
    name = vt.pick(rng, available_fonts())
    regular, bold = font_files()[name]
    ff.use_faces(FONT_ROOT / regular, FONT_ROOT / bold)
    return name


def size_and_lead(rng: random.Random) -> tuple[float, float]:
    """A body font size of 9-12 pt and a leading of 1.2-1.45 times it."""
    size = rng.choice((9.0, 9.5, 10.0, 10.5, 11.0, 11.5, 12.0))
    return size, round(size * rng.uniform(1.2, 1.45), 1)


def paragraph_count(rng: random.Random) -> int:
    """How many paragraphs of justification: mostly short papers, some of many pages."""
    band = rng.random()
    if band < 0.4:
        return rng.randint(1, 3)
    if band < 0.7:
        return rng.randint(4, 10)
    if band < 0.9:
        return rng.randint(11, 25)
    return rng.randint(26, 60)


def long_title(rng: random.Random, max_width: float, font: str, size: float, max_lines: int) -> list[str]:
    """A title wrapped at ``max_width``: mostly one or two lines, up to ``max_lines``."""
    parts = vt.title_parts(rng)
    count = rng.randint(1, len(parts))
    lines = ff.wrap(" ".join(parts[:count]), max_width, font, size)
    while len(lines) > max_lines and count > 1:  # drop whole phrases, so the title still reads
        count -= 1
        lines = ff.wrap(" ".join(parts[:count]), max_width, font, size)
    return lines


def link(rng: random.Random, host: str) -> str | None:
    """A URL for one paper in five."""
    if rng.random() >= 0.2:
        return None
    return f"https://www.{host}.de/rathaus/{vt.pick(rng, vt.TOPICS).lower()}-{rng.randint(10, 999)}"


def faction_of(originator: str | None) -> str | None:
    """``faction`` is the originator when it names a Fraktion."""
    return originator if originator and "Fraktion" in originator else None


def golden(**fields: Any) -> Golden:
    """A golden record with every content field, in the fixtures' key order."""
    keys = (
        "number",
        "title",
        "document_type",
        "public",
        "body",
        "originator",
        "faction",
        "date",
        "consultations",
        "resolution_proposal",
        "checkboxes",
        "finances",
        "attachments",
        "justification",
        "links",
        "page_count",
    )
    empty: dict[str, Any] = {
        "consultations": [],
        "resolution_proposal": [],
        "checkboxes": [],
        "attachments": [],
        "links": [],
    }
    return {key: fields.get(key, empty.get(key)) for key in keys}


def links_of(content: Sequence[vt.Block]) -> list[str]:
    """URLs printed in paragraphs, in order, without repeats."""
    found: list[str] = []
    for block in content:
        for part in (block,) if isinstance(block, str) else block:
            found += [word for word in part.split() if word.startswith("https://") and word not in found]
    return found


def within_pages(
    render: Callable[[tuple[vt.Block, ...]], Path], content: tuple[vt.Block, ...]
) -> tuple[tuple[vt.Block, ...], int]:
    """Render, and while the PDF runs over :data:`MAX_PAGES`, render again with half the text."""
    while True:
        pages = template_flow.page_count(render(content))
        if pages <= MAX_PAGES or len(content) == 1:
            return content, pages
        content = content[: max(1, len(content) // 2)]


def cm_width(text: str, size: float = 8.0, bold: bool = False) -> float:
    """Width in cm of ``text`` in DejaVu Sans, the widest of the fonts, plus a cell's padding."""
    name = "VariantMeasureBold" if bold else "VariantMeasure"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(RLTTFont(name, str(FONT_ROOT / FONTS["DejaVu Sans"][int(bold)])))
    return float(pdfmetrics.stringWidth(text, name, size)) / 72 * 2.54 + 0.45
