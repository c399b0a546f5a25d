"""Heavy office marks on a scanned letter's first page (``generate_variants.py --scan-marks
heavy``): what an intake office and a reader add to the head of an Anfrage or Antrag after it
was printed, placed where they do the most harm to its title, type and date.

- An intake stamp, framed by a box or a ring, in red, blue, violet or black (black only on
  greyscale scans, as a stamp pad's colour is lost there), turned by 1-8 degrees, with the
  office's name and the day of receipt in one of the ways stamps print it ("Eingang 24. Jan.
  2012", "24. JAN. 2012", "24.01.2012", "Eingegangen am 24. Januar 2012"), always a later day
  than the letter's. It lands on the date line (touching it from above or below, or over it so
  that its ink crosses the printed date) or on the subject's first line.
- Handwritten notes drawn letter by letter like a pen writes them (an italic face, each letter
  shifted, turned and sized; the line slanting): a meeting note ("BV 3 am 30.01.2012 TOP
  7.2.6"), a note of filing ("z.K.", "Wv. 15.2.", "erl.") or initials, in the left or top
  margin, over the letterhead, and in the white between the head lines or right beside them.
- A pen's tick before the subject and an underline of it (now and then doubled).

The golden stays the letter's: the stamp's date and the notes are not the paper's. The marks
draw from a generator of their own, seeded from the golden, so the letter under them and the
rest of the scan are the same as without the option.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from bv_scan import _line_box
from scan_image import _stroke_points
from variant_text import MONTHS as MONTHS_LONG

#: Stamp pad inks (red, blue, violet) and a black one.
STAMP_INKS = ((190, 30, 45), (35, 60, 175), (140, 35, 120), (35, 35, 40))
#: Pen inks: blue ballpoint, black felt tip, pencil grey, a reviewer's green or red.
PEN_INKS = ((25, 45, 150), (30, 30, 35), (80, 80, 85), (20, 115, 60), (180, 35, 40))
MONTHS = ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.")
MONTHS_UPPER = ("JAN.", "FEB.", "MÄRZ", "APR.", "MAI", "JUNI", "JULI", "AUG.", "SEP.", "OKT.", "NOV.", "DEZ.")
OFFICES = (
    "Bezirksvertretung {district}",
    "Bezirksamt {district}",
    "Stadt {city}",
    "Bezirksbürgermeister {district}",
    "Ratsbüro",
)
DISTRICTS = ("Mitte", "Nord", "Süd", "Ost", "West", "Innenstadt")
_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
_SANS = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"
_HAND = (
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Italic.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
)


def stamp_date(rng: random.Random, received: dt.date) -> str:
    """The day of receipt as a stamp prints it."""
    day, month, year = received.day, received.month, received.year
    return rng.choice(
        (
            f"{day}. {MONTHS[month - 1]} {year}",
            f"{day:02d}. {MONTHS_UPPER[month - 1]} {year}",
            f"{day:02d}.{month:02d}.{year}",
            f"{day}. {MONTHS_LONG[month - 1]} {year}",
            f"{day:02d} {MONTHS_UPPER[month - 1].rstrip('.')} {year}",
        )
    )


def stamp_lines(rng: random.Random, city: str, received: dt.date) -> list[str]:
    """The lines of an intake stamp: the office, the word of receipt and the day, joined on one
    line or on two."""
    office = rng.choice(OFFICES).format(district=rng.choice(DISTRICTS), city=city)
    word = rng.choice(("Eingang", "EINGANG", "Eingegangen am", "Eing."))
    date = stamp_date(rng, received)
    shape = rng.random()
    if shape < 0.4:
        return [office, f"{word} {date}"]
    if shape < 0.8:
        return [office, word, date]
    return [word, date, office]


def _composite(image: Image.Image, mask: Image.Image, colour: tuple[int, int, int], left: int, top: int) -> None:
    """Ink ``mask`` (255 = ink) onto ``image`` at (left, top) in ``colour``, darkening as ink on
    paper does; a greyscale page takes the ink's luminance."""
    left = max(0, min(left, image.width - mask.width - 1))
    top = max(0, min(top, image.height - mask.height - 1))
    box = (left, top, left + mask.width, top + mask.height)
    under = np.asarray(image.crop(box)).astype(np.float32)
    alpha = np.asarray(mask).astype(np.float32) / 255
    if image.mode == "L":
        red, green, blue = colour
        ink: Any = 0.299 * red + 0.587 * green + 0.114 * blue
    else:
        ink = np.array(colour, dtype=np.float32)
        alpha = alpha[:, :, None]
    under = under * (1 - alpha) + np.minimum(under, ink) * alpha
    image.paste(Image.fromarray(np.clip(under, 0, 255).astype(np.uint8)), box)


def intake_stamp(
    image: Image.Image, rng: random.Random, dpi: int, lines: list[str], centre: tuple[float, float], black: bool
) -> tuple[int, int, int, int]:
    """A framed intake stamp (box or ring) centred on ``centre`` (pixels), tilted a few degrees,
    unevenly inked; returns its box (pixels)."""
    mm = dpi / 25.4
    path = rng.choice((_BOLD, _SANS))
    faces = [ImageFont.truetype(path, max(8, round(rng.uniform(2.5, 3.4) * mm))) for _ in lines]
    pitch = rng.uniform(4.4, 5.4) * mm
    ring = rng.random() < 0.35
    text_width = max(face.getlength(text) for face, text in zip(faces, lines, strict=True))
    width = round(text_width * (1.3 if ring else 1.0) + rng.uniform(6, 10) * mm)
    height = round(pitch * len(lines) * (1.35 if ring else 1.0) + rng.uniform(4, 7) * mm)
    mask = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    stroke = max(2, round(rng.uniform(0.4, 0.7) * mm))
    frame = (stroke, stroke, width - stroke, height - stroke)
    if ring:
        draw.ellipse(frame, outline=255, width=stroke)
    else:
        draw.rectangle(frame, outline=255, width=stroke)
    for row, (text, face) in enumerate(zip(lines, faces, strict=True)):
        y = height / 2 + pitch * (row - (len(lines) - 1) / 2)
        draw.text((width / 2, y), text, fill=255, font=face, anchor="mm")
    holes = np.asarray(mask).copy()
    pad = np.random.default_rng(rng.randrange(2**32))
    holes[pad.random(holes.shape) < rng.uniform(0.05, 0.15)] = 0
    # A stamp pressed unevenly: one side paler than the other.
    fade = np.linspace(1.0, rng.uniform(0.55, 1.0), width, dtype=np.float32)[None, :]
    holes = (holes.astype(np.float32) * (fade if rng.random() < 0.5 else fade[:, ::-1])).astype(np.uint8)
    angle = rng.choice((-1, 1)) * rng.uniform(1.0, 8.0)
    turned = Image.fromarray(holes).rotate(angle, expand=True, fillcolor=0, resample=Image.Resampling.BICUBIC)
    colour = STAMP_INKS[-1] if black else rng.choice(STAMP_INKS)
    left, top = round(centre[0] - turned.width / 2), round(centre[1] - turned.height / 2)
    _composite(image, turned, colour, left, top)
    return left, top, left + turned.width, top + turned.height


def pen_text(
    image: Image.Image,
    rng: random.Random,
    dpi: int,
    text: str,
    at: tuple[float, float],
    colour: tuple[int, int, int],
    size_mm: float | None = None,
    turn: float = 0.0,
) -> None:
    """``text`` written by hand from ``at`` (pixels, the top left): letter by letter in an italic
    face, each shifted, turned and sized a little, the line slanting; ``turn`` degrees turns the
    whole note (a note written up the margin)."""
    mm = dpi / 25.4
    path = rng.choice(_HAND)
    size = (size_mm or rng.uniform(3.8, 5.8)) * mm
    # The note is drawn flat on a mask of its own, then turned and inked.
    length = round(size * 0.75 * (len(text) + 4)) + round(4 * size)
    mask = Image.new("L", (length, round(size * 4)), 0)
    x, y = size * 0.5, size * 1.2
    slope = rng.uniform(-0.1, 0.1)
    weight = rng.choice((0, 0, 1)) if dpi >= 200 else 0
    for char in text:
        face = ImageFont.truetype(path, max(8, round(size * rng.uniform(0.8, 1.25))))
        glyph = Image.new("L", (round(size * 2), round(size * 2)), 0)
        ImageDraw.Draw(glyph).text((size * 0.4, size * 0.3), char, fill=255, font=face, stroke_width=weight)
        glyph = glyph.rotate(rng.uniform(-14, 14), resample=Image.Resampling.BICUBIC)
        top = round(y + rng.uniform(-0.15, 0.15) * size)
        if 0 <= x < mask.width - glyph.width and 0 <= top < mask.height - glyph.height:
            mask.paste(255, (round(x), top), glyph)
        x += face.getlength(char) * rng.uniform(0.85, 1.2) + (0.4 * size if char == " " else 0)
        y += face.getlength(char) * slope
    if turn:
        mask = mask.rotate(turn, expand=True, fillcolor=0, resample=Image.Resampling.BICUBIC)
    _composite(image, mask, colour, round(at[0] - size * 0.5), round(at[1] - size * 1.2))


def pen_line(
    image: Image.Image, points: list[tuple[float, float]], colour: tuple[int, int, int], dpi: int, rng: random.Random
) -> None:
    """A pen stroke through ``points`` (pixels)."""
    mm = dpi / 25.4
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).line(points, fill=255, width=max(2, round(rng.uniform(0.3, 0.55) * mm)), joint="curve")
    _composite(image, mask, colour, 0, 0)


def initials(image: Image.Image, rng: random.Random, dpi: int, at: tuple[float, float], colour: Any) -> None:
    """Scribbled initials (one or two loops and a flourish) and now and then a short date."""
    mm = dpi / 25.4
    x, y = at
    for _ in range(rng.randint(1, 2)):
        loop = [
            (x + math.cos(t / 3) * rng.uniform(2, 4) * mm + t * 0.5 * mm, y + math.sin(t / 3) * rng.uniform(3, 5) * mm)
            for t in range(22)
        ]
        pen_line(image, loop, colour, dpi, rng)
        x += rng.uniform(8, 12) * mm
    pen_line(image, _stroke_points(rng, x, y, rng.uniform(8, 14) * mm, mm), colour, dpi, rng)
    if rng.random() < 0.5:
        pen_text(image, rng, dpi, f"{rng.randint(1, 28)}/{rng.randint(1, 12)}", (x + 16 * mm, y - 2 * mm), colour)


def note_text(rng: random.Random, meeting: dt.date) -> str:
    """A note of the office: the meeting and agenda item the paper goes to, or a note of filing."""
    item = f"TOP {rng.randint(3, 12)}.{rng.randint(1, 4)}.{rng.randint(1, 12)}"
    day = f"{meeting.day:02d}.{meeting.month:02d}.{meeting.year}"
    return rng.choice(
        (
            f"BV {rng.randint(1, 9)} am {day} {item}",
            f"BV {rng.randint(1, 9)} am {day}",
            f"{item}",
            f"z.K. {rng.choice(('Hr', 'Fr'))}. {rng.choice('BKMRS')}",
            f"Wv. {meeting.day}.{meeting.month}.",
            "erl.",
            f"Sitzung {meeting.day}.{meeting.month}.",
        )
    )


def line_box(page: pdfium.PdfPage, text: str) -> tuple[float, float, float, float] | None:
    """The box (left, top, right, bottom, points from the top left) of the whole printed line
    that begins with the first words of ``text`` on ``page``, or None."""
    start = _line_box(page, text)
    if start is None:
        return None
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars())]
    finally:
        textpage.close()
    middle = (start[1] + start[3]) / 2
    # Characters on the same line: their height band holds the first words' middle.
    row = [b for b in boxes if b[2] > b[0] and height - b[3] <= middle <= height - b[1]]
    right = max([start[2], *(b[2] for b in row if b[0] >= start[0])])
    left = min([start[0], *(b[0] for b in row if b[2] <= start[0] and start[0] - b[2] < 40)])
    return left, start[1], right, start[3]


def first_marks(record: dict[str, Any], city: str) -> Any:
    """The first page's heavy marks of a letter whose golden is ``record`` (the stamp over the
    date line or the subject, notes in the margins, over and between the head lines, a tick and
    an underline of the subject), as a function of (image, page, rng, dpi, black)."""
    try:
        dated = dt.date.fromisoformat(str(record.get("date")))
    except ValueError:
        dated = dt.date(2024, 3, 12)
    title = str(record.get("title") or "")

    def mark(image: Image.Image, page: pdfium.PdfPage, rng: random.Random, dpi: int, black: bool) -> None:
        mm, scale = dpi / 25.4, dpi / 72
        dateline = line_box(page, dated.strftime("%d.%m.%Y"))
        subject = line_box(page, title) if title else None
        received = dated + dt.timedelta(days=rng.randint(1, 20))
        lines = stamp_lines(rng, city, received)
        # The stamp: on the date line (above, below or over it) or on the subject's first line.
        target = dateline if (dateline is not None and (subject is None or rng.random() < 0.6)) else subject
        if target is None:
            centre = (rng.uniform(0.55, 0.7) * image.width, rng.uniform(0.1, 0.25) * image.height)
        else:
            left, top, right, bottom = (v * scale for v in target)
            mid = (top + bottom) / 2
            # A stamp is 15-30 mm high: its centre 8-12 mm off the line puts its frame on it.
            offset = rng.choice((-1.0, 1.0, 0.0)) * rng.uniform(8, 12) * mm
            x = right - rng.uniform(5, 30) * mm if target is dateline else rng.uniform(0.5, 0.7) * image.width
            centre = (x, mid + offset)
        box = intake_stamp(image, rng, dpi, lines, centre, black)
        pen = PEN_INKS[1] if black else rng.choice(PEN_INKS)
        meeting = dated + dt.timedelta(days=rng.randint(7, 45))
        # Notes: one to three, each in a place of its own.
        places = ["margin", "over", "between", "beside"]
        rng.shuffle(places)
        for place in places[: rng.randint(1, 3)]:
            text = note_text(rng, meeting)
            if place == "margin":
                # Up the left margin beside the head, or across the top margin.
                if rng.random() < 0.5:
                    y = (subject[3] * scale if subject else 0.35 * image.height) + rng.uniform(5, 40) * mm
                    pen_text(image, rng, dpi, text, (rng.uniform(3, 9) * mm, y), pen, turn=90)
                else:
                    pen_text(image, rng, dpi, text, (rng.uniform(20, 110) * mm, rng.uniform(4, 9) * mm), pen)
            elif place == "over":
                # Over the letterhead or the address block, at the page's top.
                pen_text(image, rng, dpi, text, (rng.uniform(60, 130) * mm, rng.uniform(12, 40) * mm), pen)
            elif place == "between" and dateline is not None and subject is not None:
                # In the white between the date line and the subject (or the type line above it).
                gap_top, gap_bottom = dateline[3] * scale, subject[1] * scale
                y = gap_top + (gap_bottom - gap_top) * rng.uniform(0.25, 0.6)
                pen_text(image, rng, dpi, text, (rng.uniform(25, 90) * mm, y), pen)
            elif place == "beside" and subject is not None:
                # Right of the subject's first line or left of the date line, at their height.
                if dateline is not None and rng.random() < 0.5:
                    x, y = dateline[0] * scale - rng.uniform(55, 75) * mm, dateline[1] * scale
                else:
                    x, y = subject[2] * scale + rng.uniform(4, 10) * mm, subject[1] * scale
                    x = min(x, image.width - 50 * mm)
                pen_text(image, rng, dpi, text, (x, y), pen, size_mm=rng.uniform(3.5, 4.5))
        if rng.random() < 0.6:
            initials(image, rng, dpi, (box[0] + rng.uniform(0, 20) * mm, box[3] + rng.uniform(3, 8) * mm), pen)
        if subject is not None:
            left, top, right, bottom = (v * scale for v in subject)
            if rng.random() < 0.5:
                x, y = left - rng.uniform(10, 16) * mm, (top + bottom) / 2
                pen_line(image, [(x, y), (x + 2 * mm, y + 3 * mm), (x + 7 * mm, y - 5 * mm)], pen, dpi, rng)
            if rng.random() < 0.6:
                for twice in range(1 + (rng.random() < 0.3)):
                    y = bottom + (rng.uniform(0.5, 1.4) + 1.2 * twice) * mm
                    end = left + rng.uniform(0.5, 1.0) * (right - left)
                    pen_line(image, [(left, y), (end, y + rng.uniform(-1.5, 1.5) * mm)], pen, dpi, rng)

    return mark
