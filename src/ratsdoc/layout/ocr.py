"""OCR for scanned pages: decide which pages need it, run Tesseract, and hand back page-model chars.

A page is OCRed when it has no text layer but an image covering much of it (a scan), when its
text layer looks like a poor OCR layer (many tokens with odd characters, see
:func:`suspicious_share`), or always with ``ParseOptions(ocr="always")``. A scan that carries a
usable OCR layer keeps that layer. Every scanned page — OCRed here or read from its layer — is
rendered once so that :mod:`.pixel_marks` can find its checkboxes in the pixels, and is listed
in :attr:`OcrStep.ocr_pages`, which turns on fuzzy label matching in the extractors.

The engine is the ``tesseract`` binary, driven by subprocess with TSV output (no Python
binding needed). It is looked up as :data:`TESSERACT` (a module-level setting), else the
environment variable ``RATSDOC_TESSERACT``, else ``tesseract`` on ``PATH``; pointing either at
a missing binary makes OCR unavailable, which is how the tests exercise that path. Without an
engine, a page that needs OCR raises :class:`~ratsdoc.errors.OcrUnavailableError` naming what
to install — an empty result must not pass for success.

OCR words become :class:`~.model.Char` objects: the word box is split evenly over its letters,
all words of a Tesseract line share the line's top and bottom (so later stages see one row),
``fontname`` is ``"OCR"`` and ``size`` is the line height in points.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import io
import os
import shutil
import subprocess
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import regex

from ..errors import OcrUnavailableError, RatsdocError
from .lines import Line, page_lines
from .model import Char, Page

if TYPE_CHECKING:
    from PIL import Image

    from ..input import PdfInput

#: Path or name of the tesseract binary; None means "RATSDOC_TESSERACT, else PATH".
TESSERACT: str | None = None
#: Environment variable that names the tesseract binary.
TESSERACT_ENV = "RATSDOC_TESSERACT"
#: Tesseract language(s) to read with.
LANGUAGE = "deu"
#: Render resolution for OCR and pixel checkboxes: Tesseract's LSTM is trained on ~300 dpi text.
OCR_DPI = 300
#: A page whose images cover this share of it and that has no text is a scan.
SCAN_IMAGE_SHARE = 0.3
#: A text layer over a scan with more suspicious tokens than this is replaced by fresh OCR.
POOR_LAYER_SHARE = 0.25
#: Page segmentation mode 4: "a single column of text of variable sizes" keeps table rows
#: together as lines, which is what the row-based later stages want.
PSM = "4"
#: Words Tesseract reads from table rules and box edges, not text.
_RULE_WORD = regex.compile(r"^[|\[\]{}_—–~=\-]+$")
#: Install hint for the engine.
INSTALL_HINT = (
    "the Tesseract OCR engine with German data "
    "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-deu; "
    "or set RATSDOC_TESSERACT to the tesseract binary)"
)


@dataclass(frozen=True, slots=True)
class OcrEngine:
    """A usable tesseract binary: its path and version ("5.3.0")."""

    path: str
    version: str

    @property
    def label(self) -> str:
        """How the output names the engine: "Tesseract 5.3 (deu)"."""
        return f"Tesseract {'.'.join(self.version.split('.')[:2])} ({LANGUAGE})"


def engine_command() -> str:
    """The tesseract command that would be run (module setting, environment, default)."""
    return TESSERACT or os.environ.get(TESSERACT_ENV) or "tesseract"


@functools.lru_cache(maxsize=8)
def _probe(command: str) -> OcrEngine | str:
    """The engine behind ``command``, or the reason it cannot be used."""
    path = shutil.which(command)
    if path is None:
        return f"the OCR engine {command!r} was not found"
    try:
        version = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
        langs = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"the OCR engine {command!r} cannot be run ({exc})"
    first = (version.stdout or version.stderr).split()
    number = first[1].lstrip("v") if len(first) > 1 else "?"
    available = set((langs.stdout + langs.stderr).split())
    if LANGUAGE not in available:
        return f"the OCR engine {command!r} has no {LANGUAGE!r} language data"
    return OcrEngine(path=path, version=number)


def _python_parts_missing() -> str | None:
    """Why the OCR step's Python dependencies are missing (numpy comes with ratsdoc[ocr])."""
    if importlib.util.find_spec("numpy") is None:
        return "the Python package numpy is not installed (pip install 'ratsdoc[ocr]')"
    return None


def find_engine() -> OcrEngine | None:
    """The configured engine if it can be used, else None."""
    if _python_parts_missing():
        return None
    found = _probe(engine_command())
    return found if isinstance(found, OcrEngine) else None


def require_engine(why: str) -> OcrEngine:
    """The engine, or :class:`OcrUnavailableError` saying ``why`` OCR was needed and what to install."""
    missing = _python_parts_missing()
    if missing:
        raise OcrUnavailableError(f"{why}, but {missing}", install="pip install 'ratsdoc[ocr]'")
    found = _probe(engine_command())
    if isinstance(found, OcrEngine):
        return found
    raise OcrUnavailableError(f"{why}, but {found}; install {INSTALL_HINT}", install=INSTALL_HINT)


# --------------------------------------------------------------------------
# Text-layer quality
# --------------------------------------------------------------------------

_PLAIN_WORD = regex.compile(
    r"^[(\"„‚'»«]*(?:\p{Lu}?\p{Ll}+|\p{Lu}+)(?:[-/](?:\p{Lu}?\p{Ll}+|\p{Lu}+))*[-.,:;!?)\"“‘'»«]*$"
)
_NUMBER_WORD = regex.compile(r"^[(\"„]*[-+]?[\d.,/:%€-]*\d[\d.,/:%€-]*[)\".,:;]*$")
_SYMBOL_WORD = regex.compile(r"^[-–—•·*+/&§%€→←↓↑=()\[\]:;,.!?\"„“'»«]+$")


def is_suspicious(word: str) -> bool:
    """Whether ``word`` looks like an OCR error: letters mixed with digits, case flipping
    inside a word, or characters no German text uses."""
    if _PLAIN_WORD.match(word) or _NUMBER_WORD.match(word) or _SYMBOL_WORD.match(word):
        return False
    return not regex.match(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$", word)


def suspicious_share(lines: list[Line]) -> float:
    """Share of word tokens in ``lines`` that :func:`is_suspicious` flags (0 without words)."""
    words = [t.text for line in lines for t in line.words]
    if not words:
        return 0.0
    return sum(is_suspicious(w) for w in words) / len(words)


# --------------------------------------------------------------------------
# Rendering, deskewing and recognition
# --------------------------------------------------------------------------


class PageRenderer:
    """Renders pages of one PDF to greyscale images with PDFium (opened on first use)."""

    def __init__(self, pdf: PdfInput, password: str | None) -> None:
        self._pdf = pdf
        self._password = password
        self._document: object | None = None

    def render(self, number: int, dpi: int = OCR_DPI) -> Image.Image:
        """Page ``number`` (1-based) as an 8-bit greyscale image at ``dpi``."""
        import pypdfium2 as pdfium

        if self._document is None:
            self._document = pdfium.PdfDocument(self._pdf.data, password=self._password)
        document: pdfium.PdfDocument = self._document
        page = document[number - 1]
        try:
            image: Image.Image = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True).to_pil()
        finally:
            page.close()
        return image.convert("L")

    def close(self) -> None:
        """Release the PDFium document."""
        if self._document is not None:
            self._document.close()  # type: ignore[attr-defined]
            self._document = None


def skew_angle(image: Image.Image, limit: float = 2.0, step: float = 0.1) -> float:
    """The rotation (degrees, PIL's counter-clockwise sense) that straightens the text lines.

    Projection profile: text rows are sharpest — the row sums vary most — when the lines are
    horizontal. Runs on a reduced copy; scanners skew pages by at most a degree or two.
    """
    import numpy as np
    from PIL import Image as PILImage

    small = image.reduce(max(1, image.width // 900))
    ink = PILImage.fromarray(((np.asarray(small) < 160) * 255).astype(np.uint8))

    def score(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=PILImage.Resampling.BILINEAR), dtype=np.float64).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    angles = [round(-limit + i * step, 3) for i in range(int(2 * limit / step) + 1)]
    best = max(angles, key=score)
    fine = [best + d for d in (-0.05, -0.025, 0.0, 0.025, 0.05)]
    return float(max(fine, key=score))


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """``image`` straightened (same size, white corners) and the angle applied."""
    from PIL import Image as PILImage

    angle = skew_angle(image)
    if abs(angle) < 0.05:
        return image, 0.0
    return image.rotate(angle, resample=PILImage.Resampling.BICUBIC, fillcolor=255), angle


#: Dark runs longer than this (points) are table rules or frames, not letters.
RULE_LENGTH = 40.0


def without_rules(image: Image.Image, dpi: int = OCR_DPI) -> Image.Image:
    """``image`` with long horizontal and vertical rules painted white.

    Text inside framed boxes and table cells touches the frame after a slight rotation;
    Tesseract then merges frame and letters ("Drucksache 1203124" for "1203/24").
    """
    import numpy as np
    from PIL import Image as PILImage

    pixels = np.asarray(image).copy()
    ink = pixels < 160
    longest = int(RULE_LENGTH * dpi / 72)
    for axis_ink, view in ((ink, pixels), (ink.T, pixels.T)):
        padded = np.pad(axis_ink.astype(np.int8), ((0, 0), (1, 1)))
        delta = np.diff(padded, axis=1)
        rows, starts = np.nonzero(delta == 1)
        _, ends = np.nonzero(delta == -1)
        for row, start, end in zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True):
            if end - start >= longest:
                view[row, start:end] = 255
    return binarize(PILImage.fromarray(pixels))


def binarize(image: Image.Image) -> Image.Image:
    """Black text on white by a local threshold: darker than the surrounding mean by a margin.

    Tesseract's global threshold loses text on shaded table cells (grey fill behind the
    number box or a highlighted row); a local mean keeps it.
    """
    import numpy as np
    from PIL import Image as PILImage
    from PIL import ImageFilter

    pixels = np.asarray(image, dtype=np.int16)
    local = np.asarray(image.filter(ImageFilter.BoxBlur(12)), dtype=np.int16)
    ink = (pixels < local - 20) | (pixels < 90)
    return PILImage.fromarray(np.where(ink, 0, 255).astype(np.uint8))


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word as Tesseract read it, in pixels, with its line's vertical extent."""

    text: str
    left: int
    top: int
    width: int
    height: int
    line_top: int
    line_bottom: int
    confidence: float


def recognise(engine: OcrEngine, image: Image.Image, *, timeout: float = 120.0,
              psm: str = PSM) -> list[OcrWord]:
    """Run Tesseract on ``image`` (assumed at :data:`OCR_DPI`) and return its words."""
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # uncompressed PGM: nothing to encode or decode
    command = [engine.path, "stdin", "stdout", "-l", LANGUAGE, "--psm", psm,
               "--dpi", str(OCR_DPI), "tsv"]
    # One thread per Tesseract: OpenMP's spinning threads cost more than they gain on pages
    # this small, and ingest runs several parses side by side.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(command, input=buffer.getvalue(), capture_output=True,
                              timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise RatsdocError(f"OCR took longer than {timeout:g} s for one page") from None
    except OSError as exc:
        raise OcrUnavailableError(f"the OCR engine cannot be run ({exc})", install=INSTALL_HINT) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RatsdocError(f"OCR failed ({detail[-1] if detail else f'exit code {done.returncode}'})")
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[OcrWord]:
    """Words from Tesseract's TSV output, each with the box of the line it belongs to."""
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    lines: dict[tuple[str, str, str], tuple[int, int]] = {}
    for row in rows:
        if row.get("level") == "4":
            top = int(row["top"])
            lines[(row["block_num"], row["par_num"], row["line_num"])] = (top, top + int(row["height"]))
    words: list[OcrWord] = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        confidence = float(row["conf"])
        if _RULE_WORD.match(text) or (confidence < 30 and len(text) <= 2 and not text.isalnum()):
            continue  # table rules, box edges and specks read as characters
        top, height = int(row["top"]), int(row["height"])
        line_top, line_bottom = lines.get((row["block_num"], row["par_num"], row["line_num"]),
                                          (top, top + height))
        words.append(OcrWord(text, int(row["left"]), top, int(row["width"]), height,
                             line_top, line_bottom, confidence))
    return words


# --------------------------------------------------------------------------
# Second pass over doubtful regions
# --------------------------------------------------------------------------

#: Words read with less confidence than this are read again, with their surroundings.
LOW_CONFIDENCE = 60.0
#: Second-pass words below this confidence are noise (specks, cut-off letters).
SECOND_MIN_CONFIDENCE = 40.0
#: A second-pass word is taken only with at least this confidence: mode 11 reads box edges
#: and table rules into neighbouring words ("Dnein"), and only a sure reading may replace.
SECOND_ACCEPT = 80.0
#: Page segmentation mode of the second pass: "sparse text" finds words wherever they stand,
#: where mode 4 merges a framed box with the column beside it or skips it as a picture.
SECOND_PSM = "11"
#: Ink left uncovered by any word, in cells of this many pixels, hints at text Tesseract skipped.
_CELL = 16
#: A cell holds uncovered text when this many of its pixels are ink.
_CELL_INK = 12
#: Uncovered ink spanning at least this many cells in a row is a word, not a speck.
_MIN_RUN_CELLS = 4
#: At most this many regions per page are read again (bounds the OCR time of a bad page).
MAX_REGIONS = 12

Region = tuple[int, int, int, int]


def _overlaps(a: Region, b: Region) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _merge_regions(regions: list[Region]) -> list[Region]:
    """Overlapping regions merged until none overlap."""
    merged = list(regions)
    changed = True
    while changed:
        changed = False
        out: list[Region] = []
        for region in merged:
            for i, other in enumerate(out):
                if _overlaps(region, other):
                    out[i] = (min(region[0], other[0]), min(region[1], other[1]),
                              max(region[2], other[2]), max(region[3], other[3]))
                    changed = True
                    break
            else:
                out.append(region)
        merged = out
    return merged


def _word_box(word: OcrWord) -> Region:
    return word.left, word.top, word.left + word.width, word.top + word.height


def uncovered_text(binary: Image.Image, words: list[OcrWord]) -> list[Region]:
    """Boxes of ink that no word covers and that runs wide enough to be text (pixels).

    Tesseract's page layout analysis sometimes takes a line for a picture and returns no
    words for it at all (a letterhead beside a framed box); that ink is still on the page.
    """
    import numpy as np

    ink = np.asarray(binary) < 128
    covered = np.zeros(ink.shape, dtype=bool)
    for word in words:
        pad = max(word.height // 4, 4)
        x0, y0, x1, y1 = _word_box(word)
        covered[max(y0 - pad, 0):y1 + pad, max(x0 - pad, 0):x1 + pad] = True
    loose = ink & ~covered
    rows, cols = loose.shape[0] // _CELL, loose.shape[1] // _CELL
    cells = loose[:rows * _CELL, :cols * _CELL].reshape(rows, _CELL, cols, _CELL).sum(axis=(1, 3))
    texty = cells >= _CELL_INK
    regions: list[Region] = []
    for row in range(rows):
        run_start = None
        gap = 0
        for col in range(cols + 1):
            on = col < cols and bool(texty[row, col])
            if on:
                if run_start is None:
                    run_start = col
                gap = 0
                last = col
                continue
            if run_start is not None:
                gap += 1
                if gap > 2 or col == cols:  # a run ends after more than two empty cells
                    if last - run_start + 1 >= _MIN_RUN_CELLS:
                        regions.append((run_start * _CELL, row * _CELL, (last + 1) * _CELL,
                                        (row + 1) * _CELL))
                    run_start, gap = None, 0
    return _merge_regions([(x0 - _CELL, y0 - _CELL, x1 + _CELL, y1 + _CELL)
                           for x0, y0, x1, y1 in regions])


def doubtful_regions(binary: Image.Image, words: list[OcrWord]) -> list[Region]:
    """Regions to read again: around words of low confidence, and ink no word covers.

    A region grows to hold every first-pass word it touches whole, so that the second pass
    never sees half a word.
    """
    seeds: list[Region] = []
    for word in words:
        if word.confidence < LOW_CONFIDENCE and (len(word.text) > 1 or word.text.isalnum()):
            h = max(word.line_bottom - word.line_top, word.height, 20)
            x0, y0, x1, y1 = _word_box(word)
            seeds.append((x0 - 2 * h, y0 - h, x1 + 2 * h, y1 + h))
    seeds += uncovered_text(binary, words)
    regions = _merge_regions(seeds)
    grown: list[Region] = []
    for region in regions:
        x0, y0, x1, y1 = region
        for word in words:
            box = _word_box(word)
            if _overlaps(region, box):
                x0, y0 = min(x0, box[0]), min(y0, box[1])
                x1, y1 = max(x1, box[2]), max(y1, box[3])
        grown.append((max(x0 - 8, 0), max(y0 - 8, 0), min(x1 + 8, binary.width),
                      min(y1 + 8, binary.height)))
    return _merge_regions(grown)[:MAX_REGIONS]


def _overlap_share(a: Region, b: Region) -> float:
    """Intersection of two boxes as a share of the smaller one."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / max(smaller, 1)


#: A second-pass word replaces first-pass words only when it is this much more confident.
_BETTER_BY = 5.0


def _quality(words: list[OcrWord]) -> float:
    """Confidence of a reading, weighted by the letters each word contributes."""
    letters = sum(len(w.text) for w in words)
    return sum(w.confidence * len(w.text) for w in words) / letters if letters else 0.0


def merge_readings(first: list[OcrWord], again: list[OcrWord]) -> list[OcrWord]:
    """``first`` with the words of a second reading merged in, word by word.

    A new word that covers no first-pass word fills a gap (text the first pass skipped); one
    that covers first-pass words replaces them when it is sure (:data:`SECOND_ACCEPT`), reads
    differently, and is more confident than they are together (by :data:`_BETTER_BY` unless
    one of them is of low confidence). An added word takes the line band of the word it
    replaces, else of the first-pass line it sits on, so that it joins that line.
    """
    kept = list(first)
    added: list[tuple[OcrWord, list[OcrWord]]] = []
    for word in sorted(again, key=lambda w: -w.confidence):
        box = _word_box(word)
        if any(_overlap_share(box, _word_box(a)) > 0.2 for a, _ in added):
            continue
        covered = [o for o in kept if _overlap_share(box, _word_box(o)) > 0.2]
        if covered and "".join(o.text for o in covered) == word.text:
            continue  # the same reading: keep the first pass's boxes and lines
        before = _quality(covered)
        doubtful = any(o.confidence < LOW_CONFIDENCE for o in covered)
        if word.confidence >= SECOND_ACCEPT and word.confidence > before + (
                0.0 if doubtful else _BETTER_BY):
            kept = [o for o in kept if o not in covered]
            added.append((word, covered))
    result = list(kept)
    for word, covered in added:
        centre = word.top + word.height / 2
        # The line of a replaced word first, else the kept line the word sits on.
        candidates = sorted(covered, key=lambda o: -_overlap_share(_word_box(word), _word_box(o)))
        candidates += sorted(kept, key=lambda o: abs(o.left - word.left))
        band = next((o for o in candidates if o.line_top <= centre <= o.line_bottom
                     and o.line_bottom - o.line_top <= 2.2 * max(word.height, 1)), None)
        if band is not None:
            word = replace(word, line_top=band.line_top, line_bottom=band.line_bottom)
        result.append(word)
    return result


def second_pass(engine: OcrEngine, binary: Image.Image, words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with each doubtful region read again (:data:`SECOND_PSM`) on its own and the
    new reading merged in by :func:`merge_readings`."""
    again: list[OcrWord] = []
    for region in doubtful_regions(binary, words):
        x0, y0, x1, y1 = region
        if x1 - x0 < 8 or y1 - y0 < 8:
            continue
        again += [replace(w, left=w.left + x0, top=w.top + y0, line_top=w.line_top + y0,
                          line_bottom=w.line_bottom + y0)
                  for w in recognise(engine, binary.crop(region), psm=SECOND_PSM)
                  if w.confidence >= SECOND_MIN_CONFIDENCE]
    return merge_readings(words, again) if again else words


def words_to_chars(words: list[OcrWord], dpi: int = OCR_DPI) -> tuple[Char, ...]:
    """Page-model chars for OCR words: each word's box split evenly over its letters.

    A space char closes every word, so that words stay apart whatever the gap between them.
    """
    scale = 72.0 / dpi
    chars: list[Char] = []
    for word in words:
        top, bottom = word.line_top * scale, word.line_bottom * scale
        # A line box taller than twice the word is two rows merged by Tesseract: use the word's.
        if word.line_bottom - word.line_top > 2.2 * max(word.height, 1):
            top, bottom = word.top * scale, (word.top + word.height) * scale
        size = max(bottom - top, 1.0)
        x0 = word.left * scale
        step = word.width * scale / len(word.text)
        for i, letter in enumerate(word.text):
            chars.append(Char(letter, x0 + i * step, top, x0 + (i + 1) * step, bottom, "OCR", size))
        end = x0 + word.width * scale
        chars.append(Char(" ", end, top, end, bottom, "OCR", size))
    return tuple(chars)


# --------------------------------------------------------------------------
# The pipeline step
# --------------------------------------------------------------------------


@dataclass(slots=True)
class OcrStep:
    """Per-document OCR state: which pages were OCRed or read from a scan's text layer."""

    pdf: PdfInput
    mode: str = "auto"
    password: str | None = None
    #: Pages whose text came from OCR (here or in the file's own OCR layer).
    ocr_pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _renderer: PageRenderer | None = None

    def _render(self, number: int) -> Image.Image:
        if self._renderer is None:
            self._renderer = PageRenderer(self.pdf, self.password)
        return self._renderer.render(number)

    def close(self) -> None:
        """Release the renderer."""
        if self._renderer is not None:
            self._renderer.close()

    def page_lines(self, page: Page) -> list[Line]:
        """The lines of ``page``: from its text layer, or from OCR when the page needs it."""
        area = max(page.width * page.height, 1.0)
        scan = page.image_area >= SCAN_IMAGE_SHARE * area
        if self.mode == "never":
            if not page.chars and scan:
                self.warnings.append(f"page {page.number} has no text layer (a scan?) and OCR "
                                     "is off; its content is missing")
            return page_lines(page)
        if self.mode == "always":
            return self._ocr(page, require_engine(f"OCR was requested for page {page.number}"))
        if not page.chars:
            if not scan:
                return []  # an empty page: nothing to read
            return self._ocr(page, require_engine(f"page {page.number} is an image without text"))
        lines = page_lines(page)
        if not scan:
            return lines
        share = suspicious_share(lines)
        if share > POOR_LAYER_SHARE:
            engine = find_engine()
            if engine is not None:
                self.warnings.append(f"page {page.number}: the scan's text layer looks poor "
                                     f"({share:.0%} odd words); it was OCRed again")
                return self._ocr(page, engine)
            self.warnings.append(f"page {page.number}: the scan's text layer looks poor "
                                 f"({share:.0%} odd words) and no OCR engine is installed")
        # A scan with its own OCR layer: keep the text, read the boxes from the pixels.
        self.ocr_pages.append(page.number)
        self.warnings.append(f"page {page.number} is a scan; its own OCR text layer was used")
        return self._with_marks(page, self._render(page.number))

    def _ocr(self, page: Page, engine: OcrEngine) -> list[Line]:
        image, _ = deskew(self._render(page.number))
        binary = without_rules(image)
        words = second_pass(engine, binary, recognise(engine, binary))
        # Shapes and widgets are in the pixels now; keeping them would count boxes twice.
        ocred = replace(page, chars=words_to_chars(words), shapes=(), annotations=tuple(
            a for a in page.annotations if a.kind == "link"))
        self.ocr_pages.append(page.number)
        self.warnings.append(f"page {page.number} was OCRed with {engine.label}")
        return self._with_marks(ocred, image)

    def _with_marks(self, page: Page, image: Image.Image) -> list[Line]:
        from .pixel_marks import place_marks, with_pixel_marks

        page, marks, warnings = with_pixel_marks(page, image, OCR_DPI)
        self.warnings.extend(warnings)
        lines = page_lines(page)
        place_marks(lines, marks, page.number)
        return lines
