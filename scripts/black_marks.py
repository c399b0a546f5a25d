"""Black marks on a greyscale or black-and-white scan: what an office adds to a paper after it
was printed, in black stamp-pad ink and pen, so that no colour tells them from the print.

Used by the ``grey-stamp-scan`` family of ``generate_variants.py`` (:func:`head_marks`): an
intake stamp (framed or not: the office's name, "Eingang" and a date in stamp style, "23. JAN.
2012" or "23 JAN 2012", always another day than the letter's own), a framed city stamp with a
small coat of arms, scribbled initials and a handwritten note ("TOP 7.2.7", "BV 3 am
30.01.2012"), all in the head of the first page, where they overlap the address block or the
date line now and then. The note is written with an italic face whose letters are shifted,
turned and sized one by one (no script face is installed), drawn in a pen's thin stroke.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from scan_image import _stroke_points

MONTHS = ("JAN", "FEB", "MÄR", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEZ")
OFFICES = ("Bürgeramt {district}", "Bezirksvertretung {district}", "Bezirksamt {district}", "Ratsbüro")
DISTRICTS = ("Lindenthal", "Ehrenfeld", "Nippes", "Porz", "Kalk", "Mülheim", "Chorweiler", "Rodenkirchen")
_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
_MONO = "/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf"
_HAND = (
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Italic.ttf",
)


def stamp_date(rng: random.Random, letter_date: str | None) -> str:
    """A stamp-style date ("23. JAN. 2012", "23 JAN 2012", "23.JAN.2012") 1-20 days after
    ``letter_date`` (ISO), never the letter's own day."""
    try:
        base = dt.date.fromisoformat(str(letter_date))
    except ValueError:
        base = dt.date(rng.randint(2011, 2025), rng.randint(1, 12), rng.randint(1, 28))
    day = base + dt.timedelta(days=rng.randint(1, 20))
    month = MONTHS[day.month - 1]
    style = rng.choice(("{d:02d}. {m}. {y}", "{d:02d} {m} {y}", "{d:02d}.{m}.{y}", "{d}. {m} {y}"))
    return style.format(d=day.day, m=month, y=day.year)


def _ink_layer(size: tuple[int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A blank mask (255 = ink) for a stamp of ``size`` and its pen."""
    mask = Image.new("L", size, 0)
    return mask, ImageDraw.Draw(mask)


def _press(image: Image.Image, mask: Image.Image, rng: random.Random, left: int, top: int, angle: float) -> None:
    """Ink ``mask`` onto ``image`` (greyscale) at (left, top), turned by ``angle``, with holes
    where the pad inked unevenly, darkening like ink does (multiply)."""
    holes = np.asarray(mask).copy()
    speckle = np.random.default_rng(rng.randrange(2**32)).random(holes.shape) < rng.uniform(0.05, 0.15)
    holes[speckle] = 0
    turned = Image.fromarray(holes).rotate(angle, expand=True, fillcolor=0, resample=Image.Resampling.BICUBIC)
    left = max(0, min(left, image.width - turned.width - 1))
    top = max(0, min(top, image.height - turned.height - 1))
    box = (left, top, left + turned.width, top + turned.height)
    under = np.asarray(image.crop(box)).astype(np.float32)
    shade = rng.uniform(15, 70)  # black stamp ink, a little worn
    alpha = np.asarray(turned).astype(np.float32) / 255
    under = under * (1 - alpha) + np.minimum(under, shade) * alpha
    image.paste(Image.fromarray(under.astype(np.uint8)), box)


def intake_stamp(
    image: Image.Image, rng: random.Random, dpi: int, letter_date: str | None, at: tuple[int, int]
) -> tuple[int, int, int, int]:
    """A black intake stamp with its top left near ``at``; returns its box (pixels)."""
    mm = dpi / 25.4
    office = rng.choice(OFFICES).format(district=rng.choice(DISTRICTS))
    lines = [office, rng.choice(("Eingang", "EINGANG", "Eing.")), stamp_date(rng, letter_date)]
    if rng.random() < 0.3:
        lines.insert(0, "Stadt Köln")
    faces = [ImageFont.truetype(_BOLD, max(8, round(rng.uniform(2.4, 3.0) * mm))) for _ in lines]
    faces[-1] = ImageFont.truetype(rng.choice((_BOLD, _MONO)), max(9, round(rng.uniform(3.0, 4.2) * mm)))
    pitch = rng.uniform(4.6, 5.6) * mm
    width = round(max(f.getlength(t) for f, t in zip(faces, lines, strict=True)) + rng.uniform(6, 12) * mm)
    height = round(pitch * len(lines) + rng.uniform(4, 7) * mm)
    mask, draw = _ink_layer((width, height))
    framed = rng.random() < 0.6
    if framed:
        stroke = max(2, round(rng.uniform(0.4, 0.7) * mm))
        draw.rectangle((stroke, stroke, width - stroke, height - stroke), outline=255, width=stroke)
    for row, (text, face) in enumerate(zip(lines, faces, strict=True)):
        y = (height - pitch * len(lines)) / 2 + pitch * (row + 0.5)
        draw.text((width / 2, y), text, fill=255, font=face, anchor="mm")
    angle = rng.choice((-1, 1)) * rng.uniform(0.0, 6.0)
    _press(image, mask, rng, *at, angle)
    return at[0], at[1], at[0] + width, at[1] + height


def city_stamp(image: Image.Image, rng: random.Random, dpi: int, at: tuple[int, int]) -> None:
    """A framed "Stadt Köln" stamp with a small coat of arms (a shield with a bar and three
    dots) at its left, its top left near ``at``."""
    mm = dpi / 25.4
    face = ImageFont.truetype(_BOLD, max(9, round(rng.uniform(3.0, 4.0) * mm)))
    text = rng.choice(("Stadt Köln", "STADT KÖLN", "Stadt Köln Der Oberbürgermeister"))
    shield = 9 * mm
    width, height = round(face.getlength(text) + shield + 10 * mm), round(14 * mm)
    mask, draw = _ink_layer((width, height))
    stroke = max(2, round(0.5 * mm))
    draw.rectangle((stroke, stroke, width - stroke, height - stroke), outline=255, width=stroke)
    x, y = 3 * mm, (height - shield) / 2
    corners = [(0, 0), (0.8, 0), (0.8, 0.6), (0.4, 1.0), (0, 0.6)]
    draw.polygon([(x + u * shield, y + v * shield) for u, v in corners], fill=255)
    draw.rectangle((x, y + 0.25 * shield, x + shield * 0.8, y + 0.35 * shield), fill=0)
    for dot in range(3):
        cx = x + shield * (0.18 + 0.22 * dot)
        draw.ellipse((cx - 0.5 * mm, y + 0.1 * shield, cx + 0.5 * mm, y + 0.1 * shield + 1 * mm), fill=0)
    draw.text((x + shield + 3 * mm, height / 2), text, fill=255, font=face, anchor="lm")
    _press(image, mask, rng, *at, rng.uniform(-4, 4))


def note_text(rng: random.Random) -> str:
    """A handwritten note of the office: an agenda item or a meeting to put it on."""
    item = f"TOP {rng.randint(3, 12)}.{rng.randint(1, 4)}.{rng.randint(1, 12)}"
    meeting = f"BV {rng.randint(1, 9)} am {rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2011, 2025)}"
    return rng.choice((item, meeting, f"z.d.A. {rng.choice(('Hr', 'Fr'))}. {rng.choice('BKMRS')}", "Wv."))


def handwritten(image: Image.Image, rng: random.Random, dpi: int, text: str, at: tuple[float, float]) -> None:
    """``text`` written by hand at ``at``: letter by letter in an italic face, each shifted,
    turned and sized a little, slanting up or down along the line."""
    mm = dpi / 25.4
    path = rng.choice(_HAND)
    size = rng.uniform(4.0, 6.0) * mm
    x, y = at
    slope = rng.uniform(-0.08, 0.08)
    shade = round(rng.uniform(10, 80))
    for char in text:
        face = ImageFont.truetype(path, max(8, round(size * rng.uniform(0.8, 1.25))))
        glyph = Image.new("L", (round(size * 2), round(size * 2)), 0)
        ImageDraw.Draw(glyph).text((size * 0.4, size * 0.3), char, fill=255, font=face)
        glyph = glyph.rotate(rng.uniform(-12, 12), resample=Image.Resampling.BICUBIC)
        top = round(y + rng.uniform(-0.12, 0.12) * size)
        if 0 <= x < image.width - glyph.width and 0 <= top < image.height - glyph.height:
            image.paste(Image.new("L", glyph.size, shade), (round(x), top), glyph)
        x += face.getlength(char) * rng.uniform(0.85, 1.15) + (0.5 * size if char == " " else 0)
        y += face.getlength(char) * slope


def initials(image: Image.Image, rng: random.Random, dpi: int, at: tuple[float, float]) -> None:
    """Scribbled initials: two loops and a flourish, about a centimetre high, in black pen."""
    mm = dpi / 25.4
    draw = ImageDraw.Draw(image)
    width, shade = max(2, round(rng.uniform(0.3, 0.5) * mm)), round(rng.uniform(10, 80))
    x, y = at
    for _ in range(rng.randint(1, 2)):
        loop = [
            (x + math.cos(t / 3) * rng.uniform(2, 4) * mm + t * 0.5 * mm, y + math.sin(t / 3) * rng.uniform(3, 5) * mm)
            for t in range(22)
        ]
        draw.line(loop, fill=shade, width=width, joint="curve")
        x += rng.uniform(8, 12) * mm
    draw.line(_stroke_points(rng, x, y, rng.uniform(8, 16) * mm, mm), fill=shade, width=width, joint="curve")


def head_marks(record: dict[str, Any]) -> Any:
    """The first page's black marks of a paper whose golden is ``record``: the intake stamp, now
    and then the city stamp, initials and a note, in the head of the page (its top third)."""
    letter_date = record.get("date")

    def mark(image: Image.Image, page: pdfium.PdfPage, rng: random.Random, dpi: int) -> None:
        mm = dpi / 25.4
        # The head: 15-95 mm from the top; the stamp on the right half, over the address
        # block's right end or the date line, as an intake stamp lands.
        left = round(rng.uniform(95, 135) * mm)
        top = round(rng.uniform(12, 75) * mm)
        box = intake_stamp(image, rng, dpi, letter_date, (left, top))
        if rng.random() < 0.4:
            below = box[3] + round(rng.uniform(2, 8) * mm)
            city_stamp(image, rng, dpi, (round(rng.uniform(90, 130) * mm), below))
        if rng.random() < 0.7:
            initials(image, rng, dpi, (box[0] + rng.uniform(0, 30) * mm, box[3] + rng.uniform(4, 12) * mm))
        if rng.random() < 0.8:
            where = (rng.uniform(110, 150) * mm, max(5 * mm, box[1] - rng.uniform(8, 14) * mm))
            if rng.random() < 0.4:  # beside the stamp, over the address block or the date line
                where = (rng.uniform(40, 100) * mm, box[1] + rng.uniform(0, 20) * mm)
            handwritten(image, rng, dpi, note_text(rng), where)

    return mark
