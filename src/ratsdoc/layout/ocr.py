"""OCR for scanned pages: decide which pages need it, run Tesseract, and hand back page-model chars.

A page is OCRed when it has no text layer but an image covering much of it (a scan), when it
is a scan whose own OCR layer shows misread words (:func:`layer_noise`) and an engine is
installed, or always with ``ParseOptions(ocr="always")``. A scan whose layer reads clean keeps
that layer. Before Tesseract reads a page, rules, specks and the paper's shade are removed
(:func:`prepare`); afterwards punctuation, bullets and URLs are checked (:mod:`.ocr_words`).
Every scanned page — OCRed here or read from its layer — is rendered once so that
:mod:`.pixel_marks` can find its checkboxes in the pixels, and is listed in
:attr:`OcrStep.ocr_pages`, which turns on fuzzy label matching in the extractors.

The engine is the ``tesseract`` binary, driven by subprocess with TSV output (no Python
binding needed). It is looked up as :data:`TESSERACT` (a module-level setting), else the
environment variable ``RATSDOC_TESSERACT``, else ``tesseract`` on ``PATH``; pointing either at
a missing binary makes OCR unavailable, which is how the tests exercise that path. Without an
engine, a page that needs OCR raises :class:`~ratsdoc.errors.OcrUnavailableError` naming what
to install — an empty result must not pass for success.

OCR words become :class:`~.model.Char` objects: the word box is split evenly over its letters,
all words of a Tesseract line share the line's top and bottom (so later stages see one row;
see :func:`word_bands` for rows Tesseract merged), ``fontname`` is ``"OCR"`` and ``size`` is
the line height in points.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import io
import itertools
import os
import shutil
import subprocess
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import regex

from ..errors import OcrUnavailableError, RatsdocError
from ..issues import Issue, IssueCode
from .hidden_text import invisible_text_share
from .lines import Line, page_lines
from .model import Char, Page
from .ocr_words import bullet_chars, check_marks, find_bullets, join_url_words

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np
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
#: A page with text and such images is a scan with its own OCR layer only when at least this
#: share of its text objects is invisible (render mode 3, what OCR tools write).
HIDDEN_LAYER_SHARE = 0.5
#: Page segmentation mode 4: "a single column of text of variable sizes" keeps table rows
#: together as lines, which is what the row-based later stages want.
PSM = "4"
#: Words Tesseract reads from table rules and box edges, not text.
_RULE_WORD = regex.compile(r"^[|\[\]{}_—–~=\-]+$")
#: A word that is one dash (Tesseract sometimes doubles it: "—-"): punctuation or a piece of a
#: rule, told apart by its size.
_DASH_WORD = regex.compile(r"^[-–—]{1,2}$")
#: Width of a lone dash, as a share of its line's height, below which it is a hyphen, an en
#: dash, an em dash; wider ones are rules. A line box spans ascenders to descenders (about
#: 1.1 em); the hyphen's ink is about 0.3 em wide, the en dash's 0.5 em, the em dash's 1 em.
HYPHEN_MAX, EN_DASH_MAX, EM_DASH_MAX = 0.38, 0.75, 1.3
#: A dash is a flat stroke: no taller than this share of its width or of its line's height
#: (a hyphen is short, so the second bound is the one that admits it). An arrow's head is taller.
DASH_THICKNESS, DASH_THICKNESS_LINE = 0.3, 0.12
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

#: Letters OCR engines put for the digits 0 and 1.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_NUMBER_SHAPE = regex.compile(r"^[-+]?\d[\d.,/:%-]*\d%?$")
#: A digit among lower-case letters, where it stands for a letter ("0ffentlich", "Stra8e").
_DIGIT_IN_WORD = regex.compile(r"(?:^|\p{Ll})[01358]\p{Ll}{2}|\p{Ll}[01358]\p{Ll}")
_QUOTES_AND_STOPS = "()[]\"„“'‚‘.,;:!?"
_VOWELS = frozenset("aeiouyäöü")


def is_ocr_noise(word: str) -> bool:
    """Whether ``word`` can only be an OCR misreading, never text someone typed.

    Three shapes, chosen because clean text practically never has them (none occurs in the
    born-digital fixtures): a number or date with a letter for a digit ("31.1O.2023",
    "O815/23" — "VO/2024/300" and "3D" are not number-shaped with the letter made a digit); a
    lone digit among lower-case letters ("0ffentlich", "Stra8e"); a lower-case word of three or
    more letters without a vowel and without an abbreviation's full stop ("dcr", "nlcht").
    """
    core = word.strip(_QUOTES_AND_STOPS)
    if not core:
        return False
    letters = [ch for ch in core if ch.isalpha()]
    if any(ch.isdigit() for ch in core):
        if letters and _NUMBER_SHAPE.match(core.translate(_DIGIT_LOOKALIKES)):
            return True
        return bool(_DIGIT_IN_WORD.search(core)) and not regex.search(r"\d\d", core)
    return (len(core) >= 3 and core.isalpha() and core.islower() and not word.endswith(".")
            and not _VOWELS.intersection(core) and len(set(core)) > 1)


def layer_noise(lines: list[Line]) -> list[str]:
    """The words of ``lines`` that :func:`is_ocr_noise` flags: a text layer with any of them
    was made by an OCR engine that misread the page."""
    return [t.text for line in lines for t in line.words if is_ocr_noise(t.text)]


# --------------------------------------------------------------------------
# Rendering, deskewing and recognition
# --------------------------------------------------------------------------


class PageRenderer:
    """Renders pages of one PDF to greyscale images with PDFium (opened on first use).

    ``checked`` are the file's bytes as the PDFium engine's preflight already passed them;
    without them the renderer runs the preflight itself.
    """

    def __init__(self, pdf: PdfInput, password: str | None, max_pages: int,
                 checked: bytes | None = None) -> None:
        self._pdf = pdf
        self._password = password
        self._max_pages = max_pages
        self._checked = checked
        self._document: object | None = None

    def _page(self, number: int) -> Any:
        import pypdfium2 as pdfium

        from .preflight import preflight

        if self._document is None:
            # PDFium renders in C, outside the guard: whichever engine read the text, the
            # file's streams, images and forms are checked before PDFium decodes them.
            data = self._checked
            if data is None:
                data = preflight(self._pdf, password=self._password,
                                 max_pages=self._max_pages).data
            self._document = pdfium.PdfDocument(data, password=self._password)
        document: pdfium.PdfDocument = self._document
        return document[number - 1]

    def render(self, number: int, dpi: int = OCR_DPI) -> Image.Image:
        """Page ``number`` (1-based) as an 8-bit greyscale image at ``dpi``."""
        page = self._page(number)
        try:
            image: Image.Image = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True).to_pil()
        finally:
            page.close()
        return image.convert("L")

    def invisible_text_share(self, number: int) -> float:
        """Share of page ``number``'s text objects drawn invisibly (see :mod:`.hidden_text`)."""
        page = self._page(number)
        try:
            return invisible_text_share(page.raw)
        finally:
            page.close()

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
#: Rows (columns) this far from a rule (points) are its blurred edge: a scanner spreads a thin
#: rule over a few pixels, and an edge left behind binarises into a second, thinner rule.
RULE_FRINGE = 0.75
#: Edge pixels lighter than this are painted white with their rule; darker ones are strokes of
#: letters that touch it.
FRINGE_LEVEL = 110
#: Ink with less than this much other ink (square points) within :data:`SPECK_RADIUS` points
#: is a speck of dust: Tesseract reads specks as "." or "‚" between and before words. A full
#: stop or an i-dot always has its letter within that radius, a list bullet is larger.
SPECK_AREA = 4.2
SPECK_RADIUS = 4.0
#: Margin (points) around an erased checkbox: a scan blurs its stroke over a few pixels
#: beyond the dark core that outlines it.
ERASE_PAD = 1.2


def _long_runs(ink: np.ndarray, longest: int) -> np.ndarray:
    """Mask of the horizontal runs in ``ink`` that are at least ``longest`` pixels long."""
    import numpy as np

    padded = np.pad(ink.astype(np.int8), ((0, 0), (1, 1)))
    delta = np.diff(padded, axis=1)
    rows, starts = np.nonzero(delta == 1)
    _, ends = np.nonzero(delta == -1)
    keep = ends - starts >= longest
    mask = np.zeros(ink.shape, dtype=bool)
    for row, start, end in zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(),
                               strict=True):
        mask[row, start:end] = True
    return mask


def without_rules(image: Image.Image, dpi: int = OCR_DPI) -> Image.Image:
    """``image`` (greyscale) with long horizontal and vertical rules and their edges painted white.

    Text inside framed boxes and table cells touches the frame after a slight rotation;
    Tesseract then merges frame and letters ("Drucksache 1203124" for "1203/24"). The grey
    edge beside a removed rule goes too: left alone it became two thin rules ("‖") that
    Tesseract read as "|", "]" or "J" beside the cell text.
    """
    import numpy as np
    from PIL import Image as PILImage

    pixels = np.asarray(image).copy()
    ink = pixels < 160
    longest = int(RULE_LENGTH * dpi / 72)
    fringe = max(1, round(RULE_FRINGE * dpi / 72))
    for axis_ink, view in ((ink, pixels), (ink.T, pixels.T)):
        rule = _long_runs(axis_ink, longest)
        edge = rule.copy()
        for step in range(1, fringe + 1):
            edge[step:] |= rule[:-step]
            edge[:-step] |= rule[step:]
        view[rule] = 255
        view[edge & (view >= FRINGE_LEVEL)] = 255
    return PILImage.fromarray(pixels)


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


def _box_sum(mask: np.ndarray, radius: int) -> np.ndarray:
    """For every pixel, how many pixels of ``mask`` lie in the square of ``radius`` around it."""
    import numpy as np

    size = 2 * radius + 1
    padded = np.pad(mask.astype(np.int32), radius)
    total = np.zeros((padded.shape[0] + 1, padded.shape[1] + 1), dtype=np.int32)
    np.cumsum(np.cumsum(padded, axis=0), axis=1, out=total[1:, 1:])
    return total[size:, size:] - total[:-size, size:] - total[size:, :-size] + total[:-size, :-size]


def despeckle(binary: Image.Image, dpi: int = OCR_DPI) -> Image.Image:
    """``binary`` without isolated specks: ink with almost no other ink around it (see
    :data:`SPECK_AREA`)."""
    import numpy as np
    from PIL import Image as PILImage

    pixels = np.asarray(binary).copy()
    ink = pixels < 128
    scale = dpi / 72
    crowd = _box_sum(ink, max(1, round(SPECK_RADIUS * scale)))
    pixels[ink & (crowd <= SPECK_AREA * scale * scale)] = 255
    return PILImage.fromarray(pixels)


def flatten(image: Image.Image) -> Image.Image:
    """``image`` divided by its local background (the brightest pixels nearby): paper becomes
    white, shading behind text goes, and the strokes keep their grey edges."""
    import numpy as np
    from PIL import Image as PILImage
    from PIL import ImageFilter

    # The background varies slowly: estimate it on a quarter-size copy (a 7-pixel maximum
    # there spans about 2 mm at 300 dpi, wider than any stroke).
    small = image.reduce(4).filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.BoxBlur(2))
    background = np.asarray(small.resize(image.size, PILImage.Resampling.BILINEAR), dtype=np.float32)
    pixels = np.asarray(image, dtype=np.float32)
    flat = np.clip(pixels * 255.0 / np.maximum(background, 1.0), 0, 255)
    return PILImage.fromarray(flat.astype(np.uint8))


def prepare(image: Image.Image, dpi: int = OCR_DPI,
            erase: Sequence[tuple[int, int, int, int]] = ()) -> tuple[Image.Image, np.ndarray]:
    """The image Tesseract reads, and the ink mask that later steps look at (both from the
    deskewed greyscale render).

    Rules and specks go (:func:`without_rules`, :func:`despeckle`), and so do the boxes in
    ``erase`` (pixel boxes of the checkboxes, which are read from the pixels: Tesseract merges
    a box with its label, "[X]Ja" becomes "Ja" spread over box and word). The ink of the local
    threshold (:func:`binarize`), grown by a pixel, keeps its grey values from the flattened
    render and everything else turns white. Tesseract's recogniser reads grey strokes better
    than thresholded ones — thresholding thickens the blurred strokes of a 150–200 dpi scan
    until letters touch ("https://\\www", "Eigenmiittel", "rathausl/") — while its layout
    analysis sees the same clean page as with a binary image.
    """
    import numpy as np
    from PIL import Image as PILImage
    from PIL import ImageFilter

    clean = without_rules(image, dpi)
    binary = despeckle(binarize(clean), dpi)
    ink = np.asarray(binary) < 128
    grown = np.asarray(binary.filter(ImageFilter.MinFilter(3))) < 128
    pad = max(1, round(ERASE_PAD * dpi / 72))  # the blurred edge of the box's stroke
    for left, top, right, bottom in erase:
        box = (slice(max(top - pad, 0), bottom + pad), slice(max(left - pad, 0), right + pad))
        ink[box] = False
        grown[box] = False
    flat = np.asarray(flatten(clean))
    return PILImage.fromarray(np.where(grown, flat, 255).astype(np.uint8)), ink


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
        top, height, width = int(row["top"]), int(row["height"]), int(row["width"])
        line_top, line_bottom = lines.get((row["block_num"], row["par_num"], row["line_num"]),
                                          (top, top + height))
        if _DASH_WORD.match(text):
            # Tesseract reads every dash as "-"; the en dash between "Anlage 1" and its title
            # is only told from a hyphen by its length. A taller mark is an arrow ("Ja →").
            dash = dash_for_width(width, height, line_bottom - line_top)
            if dash is None or confidence < 30:
                continue
            text = dash
        elif _RULE_WORD.match(text) or (confidence < 30 and len(text) <= 2 and not text.isalnum()):
            continue  # table rules, box edges and specks read as characters
        words.append(OcrWord(text, int(row["left"]), top, width, height,
                             line_top, line_bottom, confidence))
    return words


def dash_for_width(width: int, height: int, line_height: int) -> str | None:
    """The dash a lone dash word (``width`` × ``height`` pixels, on a line ``line_height``
    pixels high) is: "-", "–" or "—"; None when it is no dash — too long (a piece of a rule)
    or too tall for a dash's stroke (an arrow)."""
    if height > DASH_THICKNESS * width and height > DASH_THICKNESS_LINE * line_height:
        return None
    ratio = width / max(line_height, 1)
    if ratio < HYPHEN_MAX:
        return "-"
    if ratio < EN_DASH_MAX:
        return "–"
    return "—" if ratio <= EM_DASH_MAX else None


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
#: ... and only when it has at least this share of their letters: a word whose box spans
#: several first-pass words but whose text is one of them has lost the others.
_SHORTER = 0.6


def _quality(words: list[OcrWord]) -> float:
    """Confidence of a reading, weighted by the letters each word contributes."""
    letters = sum(len(w.text) for w in words)
    return sum(w.confidence * len(w.text) for w in words) / letters if letters else 0.0


def merge_readings(first: list[OcrWord], again: list[OcrWord]) -> list[OcrWord]:
    """``first`` with the words of a second reading merged in, word by word.

    A new word that covers no first-pass word fills a gap (text the first pass skipped); one
    that covers first-pass words replaces them when it is sure (:data:`SECOND_ACCEPT`), reads
    differently with about as many letters (:data:`_SHORTER`), and is more confident than
    they are together (by :data:`_BETTER_BY` unless one of them is of low confidence). An
    added word takes the line band of the word it replaces, else of the first-pass line it
    sits on, so that it joins that line.
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
        if covered and len(word.text) < _SHORTER * sum(len(o.text) for o in covered):
            continue  # a box wider than its text ("Deckung" over "Deckung im Haushalt")
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


#: A Tesseract line this many times as high as its typical (median) word, with words at
#: different heights, spans more than one row.
MERGED_ROWS = 1.5


def _inked_rows(ink: np.ndarray, word: OcrWord, gap: int) -> tuple[int, int]:
    """The rows (top, bottom) of the heaviest stretch of ink in ``word``'s box, bridging gaps
    of up to ``gap`` rows (an i-dot, an umlaut); the whole box when it holds no ink."""
    box = ink[max(word.top, 0):word.top + word.height, max(word.left, 0):word.left + word.width]
    counts = [int(c) for c in box.sum(axis=1).tolist()] if box.size else []
    best, best_mass = (word.top, word.top + word.height), 0
    start, last, mass = -1, -1, 0
    for row, count in enumerate([*counts, 0]):
        if count:
            if start < 0 or row - last > gap + 1:
                if start >= 0 and mass > best_mass:
                    best, best_mass = (word.top + start, word.top + last + 1), mass
                start, mass = row, 0
            last, mass = row, mass + count
    if start >= 0 and mass > best_mass:
        best = (word.top + start, word.top + last + 1)
    return best


def word_bands(words: list[OcrWord], ink: np.ndarray | None = None) -> list[tuple[int, int]]:
    """The vertical band (top, bottom, pixels) each word's chars get.

    Words share their Tesseract line's band, so that later stages see one row. A line much
    higher than its typical word, whose words sit at different heights, holds rows Tesseract
    merged — a table row whose first cell wraps while the other cells sit between its two
    lines: there each word keeps its own box. A box much higher than the typical word
    (Tesseract sometimes stretches one over a speck or into the next row) shrinks to the
    heaviest stretch of ``ink`` in it.
    """
    members: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        members.setdefault((word.line_top, word.line_bottom), []).append(word)
    typical: dict[tuple[int, int], int] = {}
    merged: set[tuple[int, int]] = set()
    for line, group in members.items():
        sizes = sorted(w.height for w in group)
        typical[line] = max(sizes[len(sizes) // 2], 1)
        centres = [w.top + w.height / 2 for w in group]
        # Rows merged: a high line whose words sit at different heights, not one word that
        # Tesseract's box stretched over a speck.
        if (line[1] - line[0] > MERGED_ROWS * typical[line]
                and max(centres) - min(centres) > 0.5 * typical[line]):
            merged.add(line)
    bands: list[tuple[int, int]] = []
    for word in words:
        line = (word.line_top, word.line_bottom)
        if line not in merged and line[1] - line[0] <= 2.2 * max(word.height, 1):
            bands.append(line)
        elif ink is not None and word.height > MERGED_ROWS * typical[line]:
            bands.append(_inked_rows(ink, word, max(2, typical[line] // 4)))
        else:
            bands.append((word.top, word.top + word.height))
    return bands


def words_to_chars(words: list[OcrWord], dpi: int = OCR_DPI,
                   ink: np.ndarray | None = None) -> tuple[Char, ...]:
    """Page-model chars for OCR words: each word's box split evenly over its letters, in the
    band :func:`word_bands` gives it (``ink``: the page's ink mask, for stretched boxes).

    A space char closes every word, so that words stay apart whatever the gap between them.
    """
    scale = 72.0 / dpi
    # Tesseract's word boxes may overlap ("Abschnitt" stretched over the "17" after it): a word
    # ends where the next word of its line begins, or their letters would interleave.
    right = {id(w): w.left + w.width for w in words}
    by_line: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        by_line.setdefault((word.line_top, word.line_bottom), []).append(word)
    for line in by_line.values():
        line.sort(key=lambda w: w.left)
        for word, following in itertools.pairwise(line):
            if following.left > word.left:
                right[id(word)] = min(right[id(word)], following.left - 1)
    chars: list[Char] = []
    for word, (band_top, band_bottom) in zip(words, word_bands(words, ink), strict=True):
        top, bottom = band_top * scale, band_bottom * scale
        size = max(bottom - top, 1.0)
        x0 = word.left * scale
        end = right[id(word)] * scale
        step = (end - x0) / len(word.text)
        for i, letter in enumerate(word.text):
            chars.append(Char(letter, x0 + i * step, top, x0 + (i + 1) * step, bottom, "OCR", size))
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
    max_pages: int = 500
    #: The bytes the engine's preflight passed (see :attr:`.model.PageSource.checked_data`).
    checked: bytes | None = None
    #: Pages whose text came from OCR (here or in the file's own OCR layer).
    ocr_pages: list[int] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    _renderer: PageRenderer | None = None

    def _renderer_for(self) -> PageRenderer:
        if self._renderer is None:
            self._renderer = PageRenderer(self.pdf, self.password, self.max_pages, self.checked)
        return self._renderer

    def _render(self, number: int) -> Image.Image:
        return self._renderer_for().render(number)

    def _hidden_share(self, number: int) -> float:
        return self._renderer_for().invisible_text_share(number)

    def close(self) -> None:
        """Release the renderer."""
        if self._renderer is not None:
            self._renderer.close()

    def page_lines(self, page: Page) -> list[Line]:
        """The lines of ``page``: from its text layer, or from OCR when the page needs it."""
        area = max(page.width * page.height, 1.0)
        scan = page.image_area >= SCAN_IMAGE_SHARE * area
        # Spaces alone are no text layer: a scanned letter in Word keeps the document's empty
        # paragraphs, and PDFium, unlike pdfminer, does not even report them.
        has_text = any(not char.text.isspace() for char in page.chars)
        if self.mode == "never":
            if not has_text and scan:
                self.warnings.append(Issue(IssueCode.NO_TEXT_LAYER, f"page {page.number} has no "
                                           "text layer (a scan?) and OCR is off; its content is "
                                           "missing", page.number))
            return page_lines(page)
        if self.mode == "always":
            return self._ocr(page, require_engine(f"OCR was requested for page {page.number}"))
        if not has_text:
            if not scan:
                return []  # an empty page: nothing to read
            return self._ocr(page, require_engine(f"page {page.number} is an image without text"))
        lines = page_lines(page)
        if not scan:
            return lines
        if self._hidden_share(page.number) < HIDDEN_LAYER_SHARE:
            # Visible text over a picture (a slide, a poster, a photo with a caption) is the
            # page's own text, not a scan's OCR layer: nothing to re-read, no pixels to search.
            return lines
        # A scan's own layer is kept only when it reads clean: one misread word shows that its
        # engine had trouble with the page, and the rest of its words are not to be trusted.
        noise = layer_noise(lines)
        if noise:
            sample = ", ".join(f'"{w}"' for w in noise[:3])
            engine = find_engine()
            if engine is not None:
                self.warnings.append(Issue(IssueCode.OCR_LAYER_NOISY, f"page {page.number}: the "
                                           f"scan's text layer has OCR errors ({sample}); the page "
                                           "was OCRed again", page.number))
                return self._ocr(page, engine)
            self.warnings.append(Issue(IssueCode.OCR_LAYER_NOISY, f"page {page.number}: the scan's "
                                       f"text layer has OCR errors ({sample}) and no OCR engine is "
                                       "installed", page.number))
        # A scan with its own OCR layer: keep the text, read the boxes from the pixels.
        self.ocr_pages.append(page.number)
        self.warnings.append(Issue(IssueCode.OCR_LAYER_USED, f"page {page.number} is a scan; its "
                                   "own OCR text layer was used", page.number))
        return self._with_marks(page, self._render(page.number))

    def _ocr(self, page: Page, engine: OcrEngine) -> list[Line]:
        from .pixel_marks import find_boxes

        image, _ = deskew(self._render(page.number))
        # Checkboxes are read from the pixels (_with_marks); Tesseract must not see them.
        boxes = [(left, top, right, bottom) for left, top, right, bottom, _ in find_boxes(image, OCR_DPI)]
        prepared, ink = prepare(image, OCR_DPI, erase=boxes)
        words = second_pass(engine, prepared, recognise(engine, prepared))
        words, bullets = find_bullets(ink, join_url_words(check_marks(ink, words)))
        # Shapes and widgets are in the pixels now; keeping them would count boxes twice.
        ocred = replace(page, chars=words_to_chars(words, OCR_DPI, ink) + tuple(bullet_chars(bullets, OCR_DPI)),
                        shapes=(), annotations=tuple(a for a in page.annotations if a.kind == "link"))
        self.ocr_pages.append(page.number)
        self.warnings.append(Issue(IssueCode.OCR_APPLIED,
                                   f"page {page.number} was OCRed with {engine.label}", page.number))
        return self._with_marks(ocred, image)

    def _with_marks(self, page: Page, image: Image.Image) -> list[Line]:
        from .pixel_marks import place_marks, with_pixel_marks

        page, marks, warnings = with_pixel_marks(page, image, OCR_DPI)
        self.warnings.extend(warnings)
        lines = page_lines(page)
        place_marks(lines, marks, page.number)
        return lines
