"""The ``archive-scan`` family of ``generate_variants.py``: a faction's Anfrage or Antrag to a
Bezirksvertretung as a council's archive holds it years later — faxed, stamped, punched, filed and
scanned at 200 dpi on an office scanner.

Harder than ``bv-scan`` in the ways archive scans are: a fax machine's transmission line at the
top of every page ("12.03.2024 14:22  FAX 0221 123456  SPD-Fraktion  S. 01/02"), an intake stamp
whose date is a few days after the paper's (written as digits or with a month, often over the
title or the dateline), punch holes and dark scanner borders, glyphs broken or faint where the
toner ran low, specks, and a handwritten tick or initials. The head varies as real papers do: the
title under "Betreff:" or as a bold heading without a label, over one to three lines; the
dateline "Köln, den 23.01.2024", "Köln, 23. Januar 2024", "23. Januar 2024" or "Datum: 23.1.24";
a type line ("Anfrage gem. § 4 der Geschäftsordnung", "Dringlichkeitsantrag", "Antrag der
SPD-Fraktion") or the type as the subject's label, and sometimes the paper's number.

The letter is the ``letter`` family's, built with the :class:`ArchiveHead` of this module; the
golden is its own content. The fax line, the stamp and the notes are not the paper's.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

import variant_text as vt
from bv_scan import BV_DISTRICTS, Head, _line_box, _pen_mark
from scan_family import FirstMarks
from scan_image import _ink, draw_stamp

#: Type lines above the subject; {faction} is filled in. The golden type is :meth:`ArchiveHead.document_type`.
TYPE_LINES = {
    "Anfrage": (
        "Anfrage",
        "Anfrage gem. § 4 der Geschäftsordnung",
        "Anfrage gemäß § 4 der Geschäftsordnung des Rates und der Bezirksvertretungen",
        "Anfrage nach § 4 GO",
        "Dringliche Anfrage",
        "Anfrage der {faction}",
    ),
    "Antrag": (
        "Antrag",
        "Antrag gem. § 3 der Geschäftsordnung",
        "Dringlichkeitsantrag",
        "Dringlichkeitsantrag gem. § 12 der Geschäftsordnung",
        "Änderungsantrag",
        "Antrag der {faction}",
    ),
}
#: A type line naming the rule the paper is filed under: the whole line is the type (as in the fixtures).
_QUALIFIED = re.compile(r"^\S+\s+(?:nach|gemäß|gem\.)\s")
#: Place names of the datelines (the letter's city is used too).
_CITIES = ("Köln", "Bonn", "Düsseldorf", "Essen")
_FONT_MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


@dataclass(frozen=True)
class ArchiveHead(Head):
    """A Bezirksvertretung paper's head as archives hold it: besides :class:`bv_scan.Head`, a
    title set as a heading (``label`` empty), a dateline in one of several forms (``iso_date`` is
    its date), a number row and what the scan puts on the paper."""

    iso_date: str = ""
    meta: tuple[tuple[str, str], ...] = ()
    number: str | None = None
    fax: str | None = None
    stamp_date: str = ""
    paragraphs: int = 2

    def document_type(self, kind: str) -> str:
        """The type as the fixtures name it: a line naming its rule is the type, a line "Antrag
        der SPD-Fraktion" is its first word, a compound ("Dringlichkeitsantrag") is itself."""
        if self.heading is None:
            return kind
        if _QUALIFIED.match(self.heading):
            return self.heading
        return self.heading.split(" der ")[0]


def _date_line(rng: random.Random, city: str, day: dt.date) -> str:
    """The dateline in one of the forms letters print."""
    month = vt.MONTHS[day.month - 1]
    return rng.choice(
        (
            f"{city}, den {day:%d.%m.%Y}",
            f"{city}, {day:%d.%m.%Y}",
            f"{city}, den {day.day}. {month} {day.year}",
            f"{day.day}. {month} {day.year}",
            f"Datum: {day.day}.{day.month}.{day:%y}",
        )
    )


def head(rng: random.Random, city: str, postcode: str, faction: str, kind: str, date: str) -> ArchiveHead:
    """An archive paper's head (``date`` is the letter's own, "14.05.2024")."""
    district = vt.pick(rng, BV_DISTRICTS)
    day = dt.datetime.strptime(date, "%d.%m.%Y").date()
    place = vt.pick(rng, (city, *_CITIES))
    mayor = vt.person(rng)
    female = rng.random() < 0.5
    recipient = (
        "An die Bezirksbürgermeisterin" if female else "An den Bezirksbürgermeister",
        f"{'Frau' if female else 'Herrn'} {mayor}",
        f"Bezirksrathaus {district}",
        f"{postcode} {place}",
    )
    typed_apart = rng.random() < 0.8
    heading = vt.pick(rng, TYPE_LINES[kind]).format(faction=faction) if typed_apart else None
    # With a type line the title stands under "Betreff:" or alone as a bold heading; without one
    # the type is the subject's label ("Anfrage: ...").
    label = rng.choice(("Betreff:", "Betreff:", "Betr.:", "")) if typed_apart else f"{kind}:"
    number = None
    meta: tuple[tuple[str, str], ...] = ()
    if rng.random() < 0.4:
        serial = f"{rng.randint(1, 999)}/{day.year}"
        number = rng.choice((f"AN/{rng.randint(1, 1999):04d}/{day.year}", serial))
        meta = (("Vorlagen-Nr.:" if number.startswith("AN/") else f"{kind} Nr.:", number),)
    sent = vt.later(rng, day, 0, 3)
    fax = None
    if rng.random() < 0.6:
        fax = (
            f"{sent:%d.%m.%Y} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}   "
            f"FAX 0221 {rng.randint(100000, 999999)}   {faction}   S. {{page:02d}}/{{pages:02d}}"
        )
    received = vt.later(rng, day, 1, 12)
    return ArchiveHead(
        sender=(f"{faction} in der Bezirksvertretung {district}", f"Bezirksrathaus · {postcode} {city}"),
        place_date=_date_line(rng, place, day),
        recipient=recipient,
        heading=heading,
        label=label,
        title_words=rng.choice((8, 12, 16, 22)),
        city=city,
        iso_date=day.isoformat(),
        paragraphs=rng.randint(1, 4),
        meta=meta,
        number=number,
        fax=fax,
        stamp_date=(
            f"{received:%d.%m.%Y}"
            if rng.random() < 0.5
            else f"{received.day:02d}. {vt.MONTHS[received.month - 1][:3].upper()}. {received.year}"
        ),
    )


# --------------------------------------------------------------------------
# What the paper went through before the scanner: fax, stamp, punch, pen
# --------------------------------------------------------------------------


def first_marks(record: dict[str, Any], paper: ArchiveHead) -> FirstMarks:
    """The first page's marks: the intake stamp with its own date over the title, the dateline or
    the address, and often a pen's tick, underline or note beside the subject."""
    title = str(record["title"])

    def mark(image: Image.Image, page: pdfium.PdfPage, rng: random.Random, dpi: int) -> None:
        scale = dpi / 72
        lines = (
            rng.choice((f"Bezirksvertretung {vt.pick(rng, BV_DISTRICTS)}", "Bezirksamt", "Ratsbüro")),
            rng.choice(("Eingang", "Eingegangen", "EINGANG")),
            paper.stamp_date,
        )
        subject = _line_box(page, title)
        dateline = _line_box(page, paper.place_date)
        where = rng.random()
        near = None
        if subject is not None and where < 0.35:  # its lower half over the title's right end
            near = (rng.uniform(0.55, 0.75) * image.width, (subject[1] - rng.uniform(10, 34)) * scale)
        elif dateline is not None and where < 0.6:  # over or just under the dateline
            near = (rng.uniform(0.6, 0.75) * image.width, (dateline[1] + rng.uniform(-10, 40)) * scale)
        draw_stamp(image, rng, dpi, lines, near=near)
        if subject is not None and rng.random() < 0.6:
            _pen_mark(image, rng, dpi, subject)

    return mark


def page_marks(paper: ArchiveHead, image: Image.Image, number: int, pages: int, rng: random.Random, dpi: int) -> None:
    """What every page shows before it is scanned: the fax line at its top, punch holes, toner
    running low (faint or broken glyphs), a tick or initials on some pages."""
    mm = dpi / 25.4
    if paper.fax is not None:
        face = ImageFont.truetype(_FONT_MONO, max(8, round(rng.uniform(2.4, 3.0) * mm)))
        text = paper.fax.format(page=number + 1, pages=pages)
        ImageDraw.Draw(image).text(
            (rng.uniform(8, 20) * mm, rng.uniform(3, 6) * mm), text, fill=_ink(image, (40, 40, 40)), font=face
        )
    if rng.random() < 0.6:
        _punch_holes(image, rng, dpi)
    if rng.random() < 0.5:
        _worn_toner(image, np.random.default_rng(rng.randrange(2**32)), rng.uniform(0.04, 0.14))
    if rng.random() < 0.3:
        _initials(image, rng, dpi)


def _punch_holes(image: Image.Image, rng: random.Random, dpi: int) -> None:
    """Two filing holes in the left margin, dark where the scanner's lid shows through."""
    mm = dpi / 25.4
    draw = ImageDraw.Draw(image)
    x, radius = rng.uniform(7, 12) * mm, rng.uniform(2.6, 3.2) * mm
    middle = image.height / 2 + rng.uniform(-6, 6) * mm
    shade = _ink(image, (rng.randint(30, 90),) * 3)  # type: ignore[arg-type]
    for y in (middle - 40 * mm, middle + 40 * mm):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=shade)


def _worn_toner(image: Image.Image, rng: np.random.Generator, share: float) -> None:
    """Glyphs broken and faint where the toner ran low: ``share`` of the ink pixels drop out, and
    a band of the page prints paler."""
    pixels = np.asarray(image).astype(np.int16)
    ink = (pixels if pixels.ndim == 2 else pixels.mean(axis=2)) < 128
    dropped = ink & (rng.random(ink.shape) < share)
    height = pixels.shape[0]
    top = int(rng.integers(0, height // 2))
    band = np.zeros_like(ink)
    band[top : top + int(rng.integers(height // 8, height // 3))] = True
    faint = ink & band
    pixels[faint] = pixels[faint] + 70
    pixels[dropped] = 235
    image.paste(Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)))


def _initials(image: Image.Image, rng: random.Random, dpi: int) -> None:
    """A checking tick and an initial at the top right, in blue or grey pencil."""
    mm = dpi / 25.4
    draw = ImageDraw.Draw(image)
    colour = _ink(image, rng.choice(((30, 50, 160), (80, 80, 80))))
    width = max(2, round(0.4 * mm))
    x, y = image.width - rng.uniform(25, 45) * mm, rng.uniform(12, 22) * mm
    draw.line([(x, y), (x + 2 * mm, y + 3 * mm), (x + 7 * mm, y - 4 * mm)], fill=colour, width=width)
    x += 10 * mm
    draw.line(
        [(x, y + 2 * mm), (x + 2 * mm, y - 3 * mm), (x + 4 * mm, y + 2 * mm), (x + 6 * mm, y - 2 * mm)],
        fill=colour,
        width=width,
    )


def scanner_edges(image: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """What the scanner adds: dark borders where the page did not cover the glass (a side or
    two, uneven), and specks of dust in clusters."""
    mm = dpi / 25.4
    draw = ImageDraw.Draw(image)
    dark = _ink(image, (rng.randint(15, 60),) * 3)  # type: ignore[arg-type]
    for side in rng.sample(("left", "top", "right", "bottom"), rng.randint(0, 2)):
        depth = rng.uniform(1.5, 7) * mm
        slope = rng.uniform(-2, 2) * mm
        w, h = image.width, image.height
        polygon = {
            "left": [(0, 0), (depth, 0), (depth + slope, h), (0, h)],
            "right": [(w, 0), (w - depth, 0), (w - depth - slope, h), (w, h)],
            "top": [(0, 0), (w, 0), (w, depth + slope), (0, depth)],
            "bottom": [(0, h), (w, h), (w, h - depth - slope), (0, h - depth)],
        }[side]
        draw.polygon(polygon, fill=dark)
    speck = _ink(image, (50, 50, 50))
    for _ in range(rng.randint(0, 6)):
        cx, cy = rng.uniform(0, image.width), rng.uniform(0, image.height)
        for _ in range(rng.randint(5, 30)):
            x, y = cx + rng.gauss(0, 6 * mm), cy + rng.gauss(0, 6 * mm)
            size = rng.uniform(0.5, 2.5) * dpi / 200
            draw.ellipse((x, y, x + size, y + size), fill=speck)
    return image
