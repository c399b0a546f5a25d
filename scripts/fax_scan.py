"""The ``fax-scan`` family of ``generate_variants.py``: a faction's, a citizen's or an office's
letter as it reached the council by fax, from an older archive year.

The letter is one of the born-digital letter families' (``letter``, ``letter-request``,
``office-letter``, ``letter-dach``); the fax adds what a transmission puts on it. A header line at
the very top of every page in a small fixed-pitch font: the sender's fax number and name, the send
time ("12.03.2024 14:12", "MAR-12-2024 14:12", "12-MRZ-2024 14:12 MI"; days after the paper's own
date, never it) and the page counter ("S. 1/2", "P.01/02", "Seite 001"); sometimes the receiving
machine's line at the foot ("Empfangen: 12.03.2024 14:14"). The page is sent in standard
resolution (200 x 100 dpi: rendered at 200 dpi, squashed to half its height and stretched back)
or fine (200 x 200), turned a little in the feeder, made black and white (thresholded or
dithered), with lines dropped out and streaks. Some faxes begin with a cover sheet ("Telefax",
"Fax-Deckblatt": An, Von, Datum, Seiten, Betreff). The received fax is stored as its image, or
printed and scanned again; some carry a scanner's poor OCR layer (:class:`scan_family.OcrLayer`).

The golden is the letter's own (as :mod:`scan_family`'s): the fax's times, sender and cover sheet
are not the paper's; ``page_count`` counts every page, the cover sheet too.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

import scan_family
import variant_text as vt
from scan_image import degrade, jpeg_bytes, render_page

#: Share of faxes that begin with a cover sheet.
COVER_SHARE = 0.3
#: Share of faxes whose receiving machine prints its own line at the foot of each page.
RECEIVED_SHARE = 0.35
#: Share of faxes sent in standard resolution (200 x 100 dpi); the others are sent "fine".
STANDARD_SHARE = 0.6
#: Share of received faxes printed and scanned again (the others are stored as the fax's image).
PRINTED_SHARE = 0.4
#: Share of stored faxes with a scanner's poor OCR layer of their own.
OCR_LAYER_SHARE = 0.3
#: A fax machine's resolution across the page (dpi); the rendering's too.
FAX_DPI = 200
_FONT_MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
_FONT_MONO_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
_EN_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_DE_MONTHS = ("JAN", "FEB", "MRZ", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEZ")
_DE_DAYS = ("MO", "DI", "MI", "DO", "FR", "SA", "SO")
_AREA_CODES = ("0221", "0228", "0211", "0201", "089", "0711", "030", "0351", "0911", "0621")


@dataclass(frozen=True)
class Fax:
    """What a transmission puts on the letter: the header of every page (``header`` with
    ``{page}`` and ``{pages}`` to fill), the receiving machine's foot line (``received``) and how
    the page is sent (``standard`` resolution, ``dithered``, the black-and-white ``threshold``)."""

    header: str
    received: str | None
    standard: bool
    dithered: bool
    threshold: int
    sent: dt.date
    sender: str
    number: str


def stamp(rng: random.Random, day: dt.date, hour: int, minute: int) -> str:
    """The send time as a fax machine prints it, in one of the machines' forms."""
    style = rng.randrange(5)
    clock = f"{hour:02d}:{minute:02d}"
    if style == 0:
        return f"{day:%d.%m.%Y} {clock}"
    if style == 1:
        return f"{_EN_MONTHS[day.month - 1]}-{day:%d-%Y} {clock}"
    if style == 2:
        return f"{day:%d}-{_DE_MONTHS[day.month - 1]}-{day:%Y} {clock} {_DE_DAYS[day.weekday()]}"
    if style == 3:
        return f"{day:%d.%m.%y} {clock}"
    return f"{day:%d/%m/%Y} {clock}"


def fax_number(rng: random.Random) -> str:
    """A sender's fax number as machines are set up with it."""
    area, local = rng.choice(_AREA_CODES), f"{rng.randint(100000, 9999999)}"
    return rng.choice((f"{area} {local}", f"{area}-{local}", f"{area}/{local}", f"+49 {area[1:]} {local}"))


def draw_fax(rng: random.Random, sender: str, paper_date: dt.date | None) -> Fax:
    """The transmission of a letter by ``sender`` dated ``paper_date`` (sent zero to four days
    later on a weekday, never before)."""
    sent = vt.later(rng, paper_date, 0, 4) if paper_date is not None else vt.day(rng)
    hour, minute = rng.randint(7, 19), rng.randint(0, 59)
    when = stamp(rng, sent, hour, minute)
    number = fax_number(rng)
    name = sender if rng.random() < 0.8 else sender.upper()
    counter = rng.choice(
        ("S. {page}/{pages}", "P.{page:02d}/{pages:02d}", "Seite {page:03d}", "S. {page:02d}/{pages:02d}")
    )
    header = rng.choice(
        (
            f"{when}   FAX {number}   {name}   {counter}",
            f"{when}  VON: {number}  {name}  {counter}",
            f"{name}   {number}   {when}   {counter}",
            f"FROM : {name}   FAX NO. : {number}   {when}   {counter}",
            f"{when}  {number}  {name}  {counter}",
        )
    )
    received = None
    if rng.random() < RECEIVED_SHARE:
        late = minute + rng.randint(1, 6)
        when_in = stamp(rng, sent, hour + late // 60, late % 60)
        received = rng.choice(
            (f"Empfangen: {when_in}", f"Empfangszeit {when_in}  S.{{page}}", f"RX {when_in}  Seite {{page:03d}}")
        )
    return Fax(
        header=header,
        received=received,
        standard=rng.random() < STANDARD_SHARE,
        dithered=rng.random() < 0.35,
        threshold=rng.randint(125, 175),
        sent=sent,
        sender=sender,
        number=number,
    )


def cover_sheet(rng: random.Random, fax: Fax, record: dict[str, Any], pages: int, out: Path) -> None:
    """A fax cover sheet ("Telefax", "Fax-Deckblatt") with its form fields, born-digital."""
    city = str(record["originator"]).rsplit(" ", 1)[-1]
    canvas = Canvas(str(out), pagesize=(595.3, 841.9), invariant=1)
    font = rng.choice(("Helvetica", "Times-Roman", "Courier"))
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}[font]
    canvas.setFont(bold, rng.choice((22, 26, 30)))
    canvas.drawString(
        70, 760, rng.choice(("Telefax", "TELEFAX", "Fax-Deckblatt", "Faxmitteilung", "Telefax-Nachricht"))
    )
    canvas.setFont(font, 11)
    subject = rng.choice(
        (
            str(record["title"]),
            f"{record.get('document_type') or 'Schreiben'} zur nächsten Sitzung",
            "Unterlagen zur Sitzung",
            f"Unser Schreiben vom {vt.de_date(fax.sent)}",
        )
    )
    recipient = rng.choice(
        (f"Stadt {city}", "Ratsbüro", f"Büro des Oberbürgermeisters {city}", "Geschäftsstelle des Rates")
    )
    rows = [
        ("An:", recipient),
        ("Fax-Nr.:", fax_number(rng)),
        ("Von:", fax.sender),
        ("Fax-Nr.:", fax.number),
        ("Datum:", vt.de_date(fax.sent) if rng.random() < 0.6 else fax.sent.strftime("%d.%m.%y")),
        ("Seiten:", f"{pages} (inkl. Deckblatt)" if rng.random() < 0.5 else str(pages)),
        ("Betreff:", subject),
    ]
    y = 700.0
    for label, value in rows:
        canvas.drawString(70, y, label)
        canvas.drawString(160, y, value[:70])
        canvas.line(160, y - 4, 530, y - 4)
        y -= 28
    y -= 20
    for line in rng.choice(
        (
            ("Sehr geehrte Damen und Herren,", "anbei erhalten Sie unser Schreiben mit der Bitte um Weiterleitung."),
            ("Bitte leiten Sie die folgenden Seiten an die Geschäftsstelle weiter.",),
            ("Sollten Sie nicht alle Seiten erhalten haben, rufen Sie uns bitte an.",),
        )
    ):
        canvas.drawString(70, y, line)
        y -= 16
    canvas.showPage()
    canvas.save()


def _fax_page(
    image: Image.Image, fax: Fax, page: int, pages: int, rng: random.Random, nrng: np.random.Generator
) -> tuple[Image.Image, float]:
    """A greyscale page at :data:`FAX_DPI` as the receiving fax holds it; returns it (greyscale,
    black and white) and the angle it was turned by."""
    mm = FAX_DPI / 25.4
    angle = rng.choice((-1, 1)) * rng.uniform(0.1, 1.2)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(rng.choice((_FONT_MONO, _FONT_MONO_BOLD)), max(12, round(rng.uniform(2.0, 2.7) * mm)))
    draw.text(
        (rng.uniform(6, 14) * mm, rng.uniform(1.5, 4.0) * mm),
        fax.header.format(page=page, pages=pages),
        fill=0,
        font=face,
    )
    if fax.received is not None:
        draw.text(
            (rng.uniform(8, 40) * mm, image.height - rng.uniform(5.0, 8.0) * mm),
            fax.received.format(page=page, pages=pages),
            fill=0,
            font=face,
        )
    width, height = image.size
    if fax.standard:
        # Standard resolution: every second row is sent, the receiver prints each twice.
        image = image.resize((width, height // 2), Image.Resampling.BOX)
    if fax.dithered:
        image = image.convert("1").convert("L")
    else:
        image = image.point(lambda value: 0 if value < fax.threshold else 255)
    pixels = np.asarray(image).copy()
    rows = pixels.shape[0]
    # Lines lost in transmission: white runs across the page or part of it.
    for _ in range(rng.randint(0, 6)):
        top = int(nrng.integers(0, rows - 3))
        left = int(nrng.integers(0, pixels.shape[1] // 2)) if rng.random() < 0.5 else 0
        pixels[top : top + rng.randint(1, 2), left:] = 255
    # A streak from dirt on the sender's scanning line: a thin black column down the page.
    if rng.random() < 0.3:
        x = int(nrng.integers(0, pixels.shape[1]))
        pixels[:, x : x + rng.randint(1, 3)] = 0
    # Specks of line noise.
    specks = nrng.random(pixels.shape) < rng.uniform(0.0, 0.0015)
    pixels[specks] = 0
    image = Image.fromarray(pixels)
    if fax.standard:
        # Each line received is printed twice.
        image = image.resize((width, height), Image.Resampling.NEAREST)
    return image, angle


def fax_letter(
    sources: list[Path], fax: Fax, rng: random.Random, out: Path, layer: scan_family.OcrLayer | None, printed: bool
) -> int:
    """Write the received fax of the pages of ``sources`` to ``out``; returns its page count."""
    documents = [pdfium.PdfDocument(str(path)) for path in sources]
    origins = [
        (path, index) for path, document in zip(sources, documents, strict=True) for index in range(len(document))
    ]
    pages = len(origins)
    nrng = np.random.default_rng(rng.randrange(2**32))
    canvas = Canvas(str(out), invariant=1, pageCompression=1)
    canvas.setProducer("ratsdoc generate_variants.py")
    canvas.setCreator("ratsdoc generate_variants.py")
    for number, (path, index) in enumerate(origins):
        page = documents[sources.index(path)][index]
        size = page.get_size()
        image, angle = _fax_page(render_page(page, FAX_DPI, grey=True), fax, number + 1, pages, rng, nrng)
        page.close()
        if printed:
            # The fax printed on the receiving machine and scanned again: a little turned, noisy, JPEG.
            again = rng.choice((-1, 1)) * rng.uniform(0.2, 1.0)
            image = degrade(image, again, nrng, noise_level=rng.uniform(3.0, 8.0))
            angle += again
            data = jpeg_bytes(image, quality=rng.randint(50, 75))
        else:
            buffer = io.BytesIO()
            image.convert("1").save(buffer, format="PNG", optimize=True)
            data = buffer.getvalue()
        canvas.setPageSize(size)
        canvas.drawImage(ImageReader(io.BytesIO(data)), 0, 0, *size)
        if layer is not None:
            scan_family._lay_words(canvas, path, index, layer, angle, size)
        canvas.showPage()
    canvas.save()
    for document in documents:
        document.close()
    return pages


def fax_scan(
    builders: tuple[Callable[[random.Random, Path], dict[str, Any]], ...], rng: random.Random, out: Path, work: Path
) -> dict[str, Any]:
    """One of ``builders``' letters as received by fax into ``out``; its golden (the letter's)."""
    build = builders[rng.randrange(len(builders))]
    source = work / f"{out.stem}-source.pdf"
    record = build(rng, source)
    # The fax draws from a generator of its own: the letter is drawn as its family draws it.
    own = random.Random(rng.getrandbits(64))
    date = record.get("date")
    paper_date = dt.date.fromisoformat(str(date)) if date else None
    sender = str(record.get("faction") or record["originator"])
    fax = draw_fax(own, sender, paper_date)
    sources = [source]
    if own.random() < COVER_SHARE:
        cover = work / f"{out.stem}-cover.pdf"
        cover_sheet(own, fax, record, int(record["page_count"]) + 1, cover)
        sources.insert(0, cover)
    printed = own.random() < PRINTED_SHARE
    layer = None
    if not printed and own.random() < OCR_LAYER_SHARE:
        layer = scan_family.OcrLayer(own.uniform(*scan_family.LAYER_RATES), random.Random(own.getrandbits(64)))
    record["page_count"] = fax_letter(sources, fax, own, out, layer, printed)
    return record
