"""Build scanned versions of fixture papers in ``fixtures/scans/``.

Each scan is a source fixture rasterised with PDFium, degraded the way office scanners degrade
paper (slight rotation, blur, sensor noise, specks, JPEG compression) and put back into a PDF
as one image per page. The golden JSON is a copy of the source fixture's golden: a scan shows
the same paper, so it must parse to the same content.

* ``scan-0112-23-glyphs``        -- RGB, 200 dpi, +0.6°, image only
* ``scan-1203-24-radweg``        -- grey-scale, 200 dpi, -0.7°, image only (5 pages)
* ``scan-1347-24-informationsvorlage`` -- RGB, 150 dpi, +0.4°, image only (AcroForm boxes
                                    rendered into pixels)
* ``scan-0815-23-fussweg``       -- RGB, 200 dpi, -0.3°, with an invisible OCR text layer
                                    (render mode 3) that carries typical OCR errors
                                    ("Beschlußvorschlag", "0ffentlich", "O815/23", "l" for "1")

Everything is seeded, so a rebuild gives the same bytes (with the same Pillow/libjpeg).

Usage::

    python scripts/build_scans.py            # all scans
    python scripts/build_scans.py --only scan-0815-23-fussweg
    python scripts/build_scans.py --list

Requirements: pypdfium2, Pillow, numpy, pdfplumber, reportlab (``pip install -e '.[test]'``).
"""

from __future__ import annotations

import argparse
import io
import math
import random
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_image import degrade, jpeg_bytes, render_page

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SCANS = FIXTURES / "scans"


@dataclass(frozen=True)
class Scan:
    """How one scanned fixture is made from its source."""

    name: str
    source: str
    dpi: int
    angle: float  # degrees, counter-clockwise
    grey: bool
    seed: int
    text_layer: bool = False
    error_rate: float = 0.0  # share of words of the text layer that get an OCR-style error


SCANS_TABLE: tuple[Scan, ...] = (
    Scan("scan-0112-23-glyphs", "erfurt-0112-23-glyphs", 200, 0.6, False, 11),
    Scan("scan-1203-24-radweg", "erfurt-1203-24-radweg", 200, -0.7, True, 12),
    Scan("scan-1347-24-informationsvorlage", "erfurt-1347-24-informationsvorlage", 150, 0.4, False, 13),
    Scan("scan-0815-23-fussweg", "erfurt-0815-23-fussweg", 200, -0.3, False, 14, text_layer=True, error_rate=0.04),
)

#: Scans of other fixtures, built the same way but not committed: a check that the OCR stage
#: is not tuned to the four committed scans (``--heldout DIR``, then ``ratsdoc eval DIR``).
HELDOUT_TABLE: tuple[Scan, ...] = (
    Scan("h-0378-sporthalle", "erfurt-0378-24-sporthalle", 200, 0.5, False, 21),
    Scan("h-gotha-123-gehweg", "gotha-2024-123-gehweg", 150, -0.6, True, 22),
    Scan("h-sn-123-spielplatz", "sessionnet-vo-2024-123-spielplatz", 200, -0.4, False, 23),
    Scan("h-allris-0417-kita", "allris-24-0417-kita", 150, 0.3, False, 24),
    Scan("h-0201-dringlich", "erfurt-0201-24-dringlich", 200, 0.8, True, 25),
    Scan("h-letter-2020-spd", "letter-erlangen-2020-antrag-spd", 200, -0.2, False, 26),
    Scan("h-0233-anfrage", "erfurt-0233-24-anfrage", 150, 0.6, True, 27),
    Scan("h-gotha-260-kleinbus", "gotha-2024-260-kleinbus", 200, 0.2, False, 28),
    Scan("h-0112-vector", "erfurt-0112-23-vector", 150, -0.5, False, 29),
    Scan("h-1203-radweg-b", "erfurt-1203-24-radweg", 150, 0.9, False, 30),
)

# --------------------------------------------------------------------------
# An OCR text layer with realistic errors
# --------------------------------------------------------------------------

#: Whole-word confusions seen in OCR layers of German council scans.
_WORD_ERRORS: dict[str, str] = {
    "Beschlussvorschlag": "Beschlußvorschlag",
    "öffentlich": "0ffentlich",
    "Sachverhalt": "Sachverhait",
    "Anlagenverzeichnis": "Anlagenverzeichnls",
}
#: Letter confusions applied to random words (one per word).
_LETTER_ERRORS: tuple[tuple[str, str], ...] = (
    ("e", "c"),
    ("ü", "ii"),
    ("rn", "m"),
    ("i", "l"),
    ("ß", "B"),
    ("ö", "o"),
    ("h", "b"),
)
#: Digit confusions inside numbers and dates ("0" read as "O", "1" as "l").
_DIGIT_ERRORS: dict[str, str] = {"0": "O", "1": "l"}


def ocr_error(word: str, rng: random.Random, rate: float) -> str:
    """``word`` with an OCR-style error: always for the known words, else with ``rate``."""
    if word in _WORD_ERRORS:
        return _WORD_ERRORS[word]
    if (any(ch.isdigit() for ch in word) and "/" in word) or word.count(".") == 2:
        # Numbers "0815/23" and dates "09.01.2023": the first 0/1 becomes O/l.
        for digit, letter in _DIGIT_ERRORS.items():
            if digit in word:
                return word.replace(digit, letter, 1)
        return word
    if rng.random() >= rate:
        return word
    choices = [(a, b) for a, b in _LETTER_ERRORS if a in word]
    if not choices:
        return word
    a, b = rng.choice(choices)
    return word.replace(a, b, 1)


def _rotate_point(x: float, y: float, angle: float, cx: float, cy: float) -> tuple[float, float]:
    """(x, y) in top-left page coordinates after rotating the page by ``angle`` degrees CCW."""
    rad = math.radians(angle)
    dx, dy = x - cx, y - cy
    # PIL rotates counter-clockwise on screen, where y grows downwards.
    return cx + dx * math.cos(rad) + dy * math.sin(rad), cy - dx * math.sin(rad) + dy * math.cos(rad)


def text_layer_words(pdf_path: Path, page_index: int) -> list[dict[str, float | str]]:
    """The words of the source page, as an OCR engine would find them."""
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[page_index]
        words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    result = []
    for word in words:
        text = str(word["text"]).replace("\u00ad", "")
        if not text:
            continue
        # OCR engines read checkbox glyphs as letters: an empty box as "O", a ticked one as "X".
        if text in ("\uf0a8",):
            text = "O"
        elif text in ("\uf078", "\uf0fd", "\uf0fe"):
            text = "X"
        elif text == "\uf0b7":
            text = "•"
        if any(ord(ch) > 0xFF and ch not in "–•€" for ch in text):
            continue
        result.append({"text": text, "x0": word["x0"], "x1": word["x1"], "top": word["top"], "bottom": word["bottom"]})
    return result


def draw_text_layer(
    canvas: Canvas, words: list[dict[str, float | str]], scan: Scan, width: float, height: float, rng: random.Random
) -> None:
    """Invisible words (render mode 3) where the rotated scan shows them, with OCR errors."""
    for word in words:
        layer_word(canvas, ocr_error(str(word["text"]), rng, scan.error_rate), word, scan.angle, width, height)


def layer_word(
    canvas: Canvas, text: str, word: dict[str, float | str], angle: float, width: float, height: float
) -> None:
    """``text`` as an invisible word (render mode 3) of a text layer, where the page turned by
    ``angle`` degrees shows the source's ``word`` (:func:`text_layer_words`)."""
    x0, x1 = float(word["x0"]), float(word["x1"])
    top, bottom = float(word["top"]), float(word["bottom"])
    cx, cy = _rotate_point((x0 + x1) / 2, (top + bottom) / 2, angle, width / 2, height / 2)
    size = max(4.0, (bottom - top))
    font = "Helvetica"
    natural = canvas.stringWidth(text, font, size) or 1.0
    obj = canvas.beginText()
    obj.setTextRenderMode(3)
    obj.setFont(font, size)
    obj.setHorizScale(100.0 * (x1 - x0) / natural)
    # Baseline about a fifth of the box above its bottom, in PDF's bottom-up coordinates.
    obj.setTextOrigin(cx - (x1 - x0) / 2, height - (cy + 0.3 * size))
    obj.textOut(text)
    canvas.drawText(obj)


# --------------------------------------------------------------------------
# Assembling the PDF
# --------------------------------------------------------------------------


def scan_pages(
    document: pdfium.PdfDocument,
    canvas: Canvas,
    scan: Scan,
    rng: np.random.Generator,
    layer: Callable[[int, float, float], None],
) -> None:
    """Draw every page of ``document`` onto ``canvas`` as a scan would give it (rendered at
    ``scan.dpi``, degraded and turned by ``scan.angle``, a JPEG image the page's size), with
    ``layer(index, width, height)`` drawing a text layer over page ``index``; save the canvas."""
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_size()
        image = degrade(render_page(page, scan.dpi, scan.grey), scan.angle, rng)
        page.close()
        canvas.setPageSize((width, height))
        canvas.drawImage(ImageReader(io.BytesIO(jpeg_bytes(image))), 0, 0, width, height)
        layer(index, width, height)
        canvas.showPage()
    canvas.save()


def build(scan: Scan, folder: Path = SCANS) -> Path:
    """Write ``<folder>/<name>.pdf`` (``fixtures/scans`` by default) and copy the source golden
    beside it."""
    source = FIXTURES / f"{scan.source}.pdf"
    target = folder / f"{scan.name}.pdf"
    rng = np.random.default_rng(scan.seed)
    text_rng = random.Random(scan.seed)
    document = pdfium.PdfDocument(str(source))
    document.init_forms()  # so that AcroForm widgets are drawn into the pixels
    canvas = Canvas(str(target), invariant=1, pageCompression=1)
    canvas.setProducer("ratsdoc build_scans.py")
    canvas.setCreator("ratsdoc build_scans.py")
    try:

        def layer(index: int, width: float, height: float) -> None:
            if scan.text_layer:
                draw_text_layer(canvas, text_layer_words(source, index), scan, width, height, text_rng)

        scan_pages(document, canvas, scan, rng, layer)
    finally:
        document.close()
    shutil.copyfile(FIXTURES / f"{scan.source}.json", folder / f"{scan.name}.json")
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """Build the selected scans (all by default)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="build only these scans")
    parser.add_argument("--list", action="store_true", help="list the scans and exit")
    parser.add_argument(
        "--heldout", type=Path, metavar="DIR", help="build the held-out scans (not committed) into DIR instead"
    )
    args = parser.parse_args(argv)
    if args.heldout:
        args.heldout.mkdir(parents=True, exist_ok=True)
        for scan in HELDOUT_TABLE:
            print(build(scan, args.heldout))
        return 0
    if args.list:
        for scan in SCANS_TABLE:
            print(f"{scan.name}\t{scan.source}\t{scan.dpi} dpi\t{scan.angle:+.1f}°")
        return 0
    wanted = set(args.only or [s.name for s in SCANS_TABLE])
    unknown = wanted - {s.name for s in SCANS_TABLE}
    if unknown:
        print(f"unknown scan(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    SCANS.mkdir(parents=True, exist_ok=True)
    for scan in SCANS_TABLE:
        if scan.name in wanted:
            path = build(scan)
            print(f"{path.relative_to(ROOT)}\t{path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
