"""The ``letter-scan`` family of ``generate_variants.py``: a faction's letter printed, stamped,
written on and scanned.

Each variant is a ``letter`` variant (same generator, same golden) rasterised with PDFium at 200
or 300 dpi, in colour or greyscale, with on its first page an intake stamp ("Eingang 12. MRZ
2024", red, blue or violet, tilted, over the address block or the date line) and often a logo,
handwritten notes on some pages (margin notes, an underline or tick, initials), the page turned
by 0.3–2°, sensor noise, specks and JPEG compression (:mod:`scan_image`). Some variants store a
page sideways with a /Rotate entry that turns it upright, and some have the administration's
answer ("Antwort der Verwaltung") appended as a last page. The golden is the letter's own: the
stamp's date, the notes and the answer's fields are not the paper's; only ``page_count`` counts
an appended answer page. A family may ask for a share of its scans to carry a poor OCR layer of
their own (:class:`OcrLayer`: the source's words, some misread, as invisible text over the image,
as a scanner's software lays it); the other families draw nothing for it and stay as they were.

With :func:`keep_sources` on (``generate_variants.py --keep-sources``) the born-digital pages that
were scanned (the letter and an appended answer) are kept beside the scan as ``NAME.source.pdf``:
their text layer is the text the generator drew, the reference of ``scripts/ocr_wer.py --dev``.
It has no golden of its own, so ``ratsdoc eval`` passes it by.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

import variant_text as vt
from scan_image import (
    OFFICE_ANGLE,
    OFFICE_DPIS,
    OFFICE_JPEG,
    black_and_white,
    degrade,
    draw_handwriting,
    draw_logo,
    draw_stamp,
    jpeg_bytes,
    office_wear,
    render_page,
    stamp_text,
)

#: Share of variants with the administration's answer appended.
ANSWER_SHARE = 0.25
#: Share of variants with one page stored sideways and turned upright by /Rotate.
SIDEWAYS_SHARE = 0.15
ANSWER_HEADINGS = (
    "Antwort der Verwaltung",
    "Beantwortung der Anfrage",
    "Stellungnahme der Verwaltung",
)


def answer_page(rng: random.Random, city: str, faction: str, out: Path) -> None:
    """One page of the administration's answer to the faction's paper, born-digital."""
    canvas = Canvas(str(out), pagesize=(595.3, 841.9), invariant=1)
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawString(70, 790, f"Stadt {city} · Der Oberbürgermeister")
    canvas.setFont("Helvetica", 9)
    canvas.drawString(70, 777, f"Referat für Bürgerdienste · Rathausplatz 1 · {city}")
    canvas.line(70, 770, 530, 770)
    canvas.setFont("Helvetica", 11)
    dated = vt.day(rng)
    canvas.drawRightString(530, 740, f"{city}, {vt.de_date(dated)}")
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawString(70, 690, rng.choice(ANSWER_HEADINGS))
    canvas.setFont("Helvetica", 11)
    canvas.drawString(70, 668, f"zur Anfrage der {faction}")
    y = 640.0
    for block in vt.blocks(rng, 2):
        text = block if isinstance(block, str) else " ".join(block)
        line = ""
        for word in text.split():
            if canvas.stringWidth(f"{line} {word}", "Helvetica", 11) > 460:
                canvas.drawString(70, y, line)
                y, line = y - 14, word
            else:
                line = f"{line} {word}".strip()
        canvas.drawString(70, y, line)
        y -= 24
        if y < 120:
            break
    canvas.drawString(70, max(y - 20, 80), "Mit freundlichen Grüßen")
    canvas.drawString(70, max(y - 56, 60), vt.person(rng))
    canvas.showPage()
    canvas.save()


#: Whether :func:`letter_scan` keeps the born-digital pages it scanned (:func:`keep_sources`).
_KEEP_SOURCES = [False]


def keep_sources(on: bool = True) -> None:
    """Keep (``on``) the born-digital pages of every later scan as ``NAME.source.pdf`` beside it."""
    _KEEP_SOURCES[0] = on


#: The wear profile of every later scan (:func:`use_wear`): "standard" or "office".
WEARS = ("standard", "office")
_WEAR = ["standard"]
#: Whether a scan family's letter is being drawn (its fonts may then be the office profile's).
_DRAWING = [False]


def use_wear(name: str = "standard") -> None:
    """Scan every later page with the wear profile ``name``: "standard" as before, or "office"
    (:func:`scan_image.office_wear`: 150 or 200 dpi, copied, grey and unevenly lit paper, the
    back page showing through, 1-3 degrees and a little perspective, JPEG quality 30-50, some
    pages dithered; the letters set in typewriter and older office fonts too)."""
    if name not in WEARS:
        raise ValueError(f"unknown wear profile {name!r}; known: {', '.join(WEARS)}")
    _WEAR[0] = name


#: The marks profile of every later scan (:func:`use_marks`): "standard" or "heavy".
MARKS = ("standard", "heavy")
_MARKS = ["standard"]


def use_marks(name: str = "standard") -> None:
    """Mark every later scan's first page with the profile ``name``: "standard" as before, or
    "heavy" (:mod:`heavy_marks`: an intake stamp on the date line or the subject, handwritten
    notes in the margins, over and between the head lines, a tick and an underline of the
    subject), instead of the family's own first-page marks."""
    if name not in MARKS:
        raise ValueError(f"unknown marks profile {name!r}; known: {', '.join(MARKS)}")
    _MARKS[0] = name


def office_fonts() -> bool:
    """Whether the letter being drawn now is one the office profile scans (its fonts may be a
    typewriter's or an older office font's)."""
    return _WEAR[0] == "office" and _DRAWING[0]


def _save_sources(paths: list[Path], out: Path) -> None:
    """The pages of ``paths`` one after the other in ``out``, the same bytes for the same seed."""
    # pikepdf with a static ID: PDFium's save stamps the clock into /CreationDate and /ID.
    import pikepdf

    documents = [pikepdf.Pdf.open(path) for path in paths]
    try:
        with pikepdf.Pdf.new() as merged:
            for document in documents:
                merged.pages.extend(document.pages)
            merged.save(out, static_id=True)
    finally:
        for document in documents:
            document.close()


#: Marks put on a first page instead of the default stamp: (image, page, rng, dpi).
FirstMarks = Callable[[Image.Image, pdfium.PdfPage, random.Random, int], None]
#: Heavy marks (:mod:`heavy_marks`) put on a first page instead of the family's: (image, page,
#: the marks' own generator, dpi, whether the scan is black).
HeavyMarks = Callable[[Image.Image, pdfium.PdfPage, random.Random, int, bool], None]


@dataclass(frozen=True)
class Archive:
    """How an archive's scan differs: 200 dpi, the page's marks before the scanner (``every``:
    image, page index, page count, rng, dpi) and the scanner's own after it (``edges``: image,
    rng, dpi, returns the image)."""

    every: Callable[[Image.Image, int, int, random.Random, int], None]
    edges: Callable[[Image.Image, random.Random, int], Image.Image]
    dpi: int = 200


#: The share of characters a poor OCR layer misreads is drawn from this range (:class:`OcrLayer`).
LAYER_RATES = (0.02, 0.12)


@dataclass(frozen=True)
class OcrLayer:
    """A scanner's own poor OCR layer laid over the scan: the source's words as invisible text
    (render mode 3) where the turned page shows them, about ``rate`` of their characters misread,
    some split or run together (:func:`layer_scans.corrupt`), drawn from ``rng``."""

    rate: float
    rng: random.Random


def _lay_words(
    canvas: Canvas, source: Path, index: int, layer: OcrLayer, angle: float, size: tuple[float, float]
) -> None:
    """The words of page ``index`` of ``source`` as ``layer``'s text over the page just drawn."""
    from build_scans import layer_word, text_layer_words
    from layer_scans import corrupt

    for word in text_layer_words(source, index):
        text = " ".join(corrupt([str(word["text"])], layer.rate, layer.rng))
        layer_word(canvas, text, word, angle, *size)


def scan_letter(
    source: Path,
    answer: Path | None,
    city: str,
    rng: random.Random,
    out: Path,
    first: FirstMarks | None = None,
    black: bool = False,
    archive: Archive | None = None,
    heavy: tuple[HeavyMarks, random.Random] | None = None,
    layer: OcrLayer | None = None,
) -> int:
    """Write the scan of ``source`` (and ``answer`` after it) to ``out``; returns its page count.
    ``first`` puts the first page's stamp and marks where the default puts a stamp. ``black``
    scans in greyscale, or in black and white (:func:`scan_image.black_and_white`), with no
    coloured logo, stamp or pen: all marks are black like the print. ``archive``: an archive's
    scan (:class:`Archive`). ``heavy``: marks and their own generator, drawn on the first page
    instead of ``first`` (the scan's other draws from ``rng`` stay as they were). ``layer``: a poor
    OCR layer over every upright page (:class:`OcrLayer`; a page stored sideways gets none)."""
    office = _WEAR[0] == "office"
    # An office-worn scan draws its resolution; an archive's is fixed, the others draw 200 or 300.
    fixed = archive.dpi if archive is not None and not office else None
    dpi = fixed or rng.choice(OFFICE_DPIS if office else (200, 300))
    grey = black or rng.random() < 0.3
    two_tone = black and rng.random() < 0.4
    pixels_rng = np.random.default_rng(rng.randrange(2**32))
    paths = [path for path in (source, answer) if path is not None]
    documents = [pdfium.PdfDocument(str(path)) for path in paths]
    pages = [(document, index) for document in documents for index in range(len(document))]
    origins = [(path, index) for path, document in zip(paths, documents, strict=True) for index in range(len(document))]
    canvas = Canvas(str(out), invariant=1, pageCompression=1)
    canvas.setProducer("ratsdoc generate_variants.py")
    canvas.setCreator("ratsdoc generate_variants.py")
    sideways = rng.randrange(len(pages)) if rng.random() < SIDEWAYS_SHARE else -1
    for number, (document, index) in enumerate(pages):
        # One page at a time: a 300 dpi colour page is 26 MB.
        page = document[index]
        image, (width, height) = render_page(page, dpi, grey), page.get_size()
        if number == 0:
            if not black and rng.random() < 0.6:
                draw_logo(image, rng, dpi)
            # With heavy marks the family's own are drawn on a copy that is thrown away: they
            # take their draws from ``rng`` as before, so the rest of the scan stays the same.
            target = image.copy() if heavy is not None else image
            if first is not None:
                first(target, page, rng, dpi)
            elif rng.random() < 0.9:
                draw_stamp(target, rng, dpi, stamp_text(rng, rng.choice(("Mitte", "Nord", "Süd", city))))
            if heavy is not None:
                heavy[0](image, page, heavy[1], dpi, black)
        page.close()
        if archive is not None:
            archive.every(image, number, len(pages), rng, dpi)
        if not black and rng.random() < 0.6:
            draw_handwriting(image, rng, dpi)
        if office:
            angle = rng.choice((-1, 1)) * rng.uniform(*OFFICE_ANGLE)
            image = office_wear(image, rng, pixels_rng, angle, rng.uniform(4.0, 10.0))
        else:
            angle = rng.choice((-1, 1)) * rng.uniform(0.5 if archive else 0.3, 2.0)
            image = degrade(image, angle, pixels_rng, noise_level=rng.uniform(4.0, 10.0))
        if archive is not None:
            image = archive.edges(image, rng, dpi)
        if two_tone:
            image = black_and_white(image)
        data = jpeg_bytes(image, quality=rng.randint(*OFFICE_JPEG) if office else rng.randint(45, 75))
        if number == sideways:
            # Stored turned a quarter anti-clockwise; /Rotate 90 shows it upright again.
            turned = Image.open(io.BytesIO(data)).rotate(90, expand=True)
            # reportlab takes the page size as shown and writes the media box turned with /Rotate.
            canvas.setPageSize((width, height))
            canvas.setPageRotation(90)
            canvas.drawImage(ImageReader(io.BytesIO(jpeg_bytes(turned, 70))), 0, 0, height, width)
        else:
            canvas.setPageRotation(0)
            canvas.setPageSize((width, height))
            canvas.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width, height)
            if layer is not None:
                _lay_words(canvas, *origins[number], layer, angle, (width, height))
        canvas.showPage()
    canvas.save()
    for document in documents:
        document.close()
    return len(pages)


def letter_scan(
    letter: Any,
    rng: random.Random,
    out: Path,
    work: Path,
    first: Callable[[dict[str, Any]], FirstMarks] | None = None,
    black: bool = False,
    archive: Archive | None = None,
    ocr_layer: float = 0.0,
) -> dict[str, Any]:
    """A ``letter`` variant (``letter`` is the family's builder) scanned into ``out``; its golden.
    ``first`` gives from the golden the first page's marks (default: a stamp at the top right);
    ``black`` scans it in grey or black and white with black marks (:func:`scan_letter`);
    ``ocr_layer`` is the share of scans that carry a poor OCR layer of their own (:class:`OcrLayer`)."""
    source = work / f"{out.stem}-source.pdf"
    _DRAWING[0] = True
    try:
        record: dict[str, Any] = letter(rng, source)
    finally:
        _DRAWING[0] = False
    city = str(record["originator"]).rsplit(" ", 1)[-1]
    answer = None
    if rng.random() < ANSWER_SHARE:
        answer = work / f"{out.stem}-answer.pdf"
        answer_page(rng, city, str(record["faction"] or record["originator"]), answer)
    marks = first(record) if first is not None else None
    heavy = None
    if _MARKS[0] == "heavy":
        import heavy_marks  # here: it uses bv_scan, which imports this module

        # The marks draw from a generator of their own, seeded from the letter, so the letter and
        # the rest of the scan are drawn as without them.
        seed = f"heavy-marks/{record['title']}/{record['date']}/{out.stem}"
        heavy = (heavy_marks.first_marks(record, city), random.Random(seed))
    layer = None
    # Drawn only where the family asks for layers, so that the other families' scans stay the same.
    if ocr_layer and rng.random() < ocr_layer:
        layer = OcrLayer(rng.uniform(*LAYER_RATES), random.Random(rng.getrandbits(64)))
    record["page_count"] = scan_letter(source, answer, city, rng, out, marks, black, archive, heavy, layer)
    if _KEEP_SOURCES[0]:
        _save_sources([path for path in (source, answer) if path is not None], out.with_suffix(".source.pdf"))
    return record
