"""The ``bv-scan`` family of ``generate_variants.py``: a faction's Anfrage or Antrag to a
Bezirksvertretung, printed, stamped over its head, marked by hand beside its subject and scanned.

Harder than ``letter-scan`` where real papers of district councils are: the type stands on a line
of its own ("Anfrage gem. § 4 der Geschäftsordnung", "Antrag der SPD-Fraktion") above a
"Betreff:" line whose title wraps over two or three lines; the dateline is "Place, 12.03.2024";
the intake stamp lands over the type line and the subject's right end (not only over the address
block), and a pen marks the subject (a tick in the margin, an underline, a note beside it). The
letter itself is the ``letter`` family's, built with the :class:`Head` of this module, and the
golden is its own content: the stamp and the notes are not the paper's.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

import variant_text as vt
from scan_family import FirstMarks
from scan_image import PEN_INKS, _ink, _stroke_points, draw_stamp, stamp_text

#: District names of the Bezirksvertretungen (generic; a council's districts).
BV_DISTRICTS = ("Mitte", "Nord", "Süd", "Ost", "West", "Innenstadt", "Rheinufer", "Am Wald")
#: The line that names the paper's type, above the subject ({faction} is filled in).
TYPE_LINES = {
    "Anfrage": (
        "Anfrage gem. § 4 der Geschäftsordnung",
        "Anfrage gemäß § 4 der Geschäftsordnung",
        "Anfrage nach § 4 GO",
        "Anfrage der {faction}",
        "Anfrage der {faction} zur nächsten Sitzung",
    ),
    "Antrag": (
        "Antrag gem. § 3 der Geschäftsordnung",
        "Antrag gemäß § 3 der Geschäftsordnung",
        "Antrag nach § 3 GO",
        "Antrag der {faction}",
    ),
}
#: A type line naming the rule the paper is filed under (as ``extract/cover.py`` reads it).
_QUALIFIED = re.compile(r"^(?:Anfrage|Antrag)\s+(?:nach|gemäß|gem\.)\s")
#: Subject labels under a type line.
SUBJECT_LABELS = ("Betreff:", "Betreff:", "Betr.:", "Thema:")


@dataclass(frozen=True)
class Head:
    """What a Bezirksvertretung paper puts above its salutation instead of a city letter's head."""

    sender: tuple[str, str]
    place_date: str
    recipient: tuple[str, ...]
    heading: str | None
    label: str
    title_words: int
    city: str

    def document_type(self, kind: str) -> str:
        """The paper's type as the fixtures name it: a type line with the rule it is filed under
        ("Anfrage gem. § 4 der Geschäftsordnung") is the type; else ``kind``."""
        if self.heading is not None and _QUALIFIED.match(self.heading):
            return self.heading
        return kind


def head(rng: random.Random, city: str, postcode: str, faction: str, kind: str, date: str) -> Head:
    """A Bezirksvertretung paper's head: the faction in the district, the district mayor, the
    type line (or the type as the subject's label), a long title."""
    district = vt.pick(rng, BV_DISTRICTS)
    mayor = vt.person(rng)
    female = rng.random() < 0.5
    recipient = (
        "An die Bezirksbürgermeisterin" if female else "An den Bezirksbürgermeister",
        f"{'Frau' if female else 'Herrn'} {mayor}",
        f"Bezirksrathaus {district}",
        f"{postcode} {city}",
    )
    typed_apart = rng.random() < 0.75
    heading = vt.pick(rng, TYPE_LINES[kind]).format(faction=faction) if typed_apart else None
    return Head(
        sender=(f"{faction} in der Bezirksvertretung {district}", f"Bezirksrathaus · {postcode} {city}"),
        place_date=f"{city}, {date}" if rng.random() < 0.75 else f"{city}, den {date}",
        recipient=recipient,
        heading=heading,
        label=vt.pick(rng, SUBJECT_LABELS) if typed_apart else f"{kind}:",
        title_words=rng.choice((10, 14, 20)),
        city=city,
    )


def _line_box(page: pdfium.PdfPage, text: str) -> tuple[float, float, float, float] | None:
    """The box (left, top, right, bottom, in points from the top left) of the first words of
    ``text`` on ``page``, or None."""
    needle = " ".join(text.split()[:3])
    textpage = page.get_textpage()
    try:
        searcher = textpage.search(needle, match_case=True)
        found = searcher.get_next()
        if not found:
            return None
        start, count = found
        boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
    finally:
        textpage.close()
    height = page.get_height()
    left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return left, height - top, right, height - bottom


def head_marks(record: dict[str, Any], paper: Head) -> FirstMarks:
    """The first page's marks of a Bezirksvertretung paper (``record`` its golden): the intake
    stamp over its head (the type line, the date line or the subject's right end) and a pen's
    mark beside the subject."""
    title, heading, city = str(record["title"]), paper.heading, paper.city

    def mark(image: Image.Image, page: pdfium.PdfPage, rng: random.Random, dpi: int) -> None:
        scale = dpi / 72
        subject = _line_box(page, title)
        typed = _line_box(page, heading) if heading else None
        lines = stamp_text(rng, rng.choice(("Mitte", "Nord", "Süd", city)))
        if subject is None:
            draw_stamp(image, rng, dpi, lines)
            return
        anchor = typed or subject
        where = rng.random()
        # A stamp is 60-80 pt high (more when tilted): its centre 32-44 pt above a line puts its
        # lower part on that line.
        if where < 0.45:  # over the type line's right end and the lines above it
            near = (rng.uniform(0.55, 0.72) * image.width, (anchor[1] - rng.uniform(32, 44)) * scale)
        elif where < 0.7:  # its lower frame on the subject's first line, on the right
            near = (rng.uniform(0.6, 0.75) * image.width, (subject[1] - rng.uniform(36, 42)) * scale)
        else:
            near = None
        draw_stamp(image, rng, dpi, lines, near=near)
        if rng.random() < 0.75:
            _pen_mark(image, rng, dpi, subject)

    return mark


def _pen_mark(image: Image.Image, rng: random.Random, dpi: int, subject: tuple[float, float, float, float]) -> None:
    """A tick in the margin beside the subject, an underline under its first line, or a short
    note right of the type line."""
    mm, scale = dpi / 25.4, dpi / 72
    colour = _ink(image, rng.choice(PEN_INKS))
    draw = ImageDraw.Draw(image)
    width = max(2, round(rng.uniform(0.3, 0.5) * mm))
    left, top, _, bottom = (v * scale for v in subject)
    kind = rng.random()
    if kind < 0.35:
        x, y = left - rng.uniform(12, 18) * mm, (top + bottom) / 2
        draw.line([(x, y), (x + 2 * mm, y + 3 * mm), (x + 7 * mm, y - 5 * mm)], fill=colour, width=width)
    elif kind < 0.7:
        y = bottom + rng.uniform(0.6, 1.5) * mm
        draw.line(
            [(left, y), (left + rng.uniform(40, 90) * mm, y + rng.uniform(-1.5, 1.5) * mm)], fill=colour, width=width
        )
    else:
        x, y = image.width - rng.uniform(45, 60) * mm, top - rng.uniform(6, 12) * mm
        draw.line(_stroke_points(rng, x, y, rng.uniform(18, 30) * mm, mm), fill=colour, width=width, joint="curve")
