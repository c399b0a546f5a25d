"""A warm Tesseract: the engine's C API through tesserocr, loaded once per process and reused.

Running the ``tesseract`` binary costs a process and a fresh load of the ``deu`` model for
every page and for every region of the second pass (up to 12 a page); through tesserocr the
model stays loaded and an image is handed over as raw pixels. :class:`WarmEngine` is an
:class:`~.engine.OcrBackend` like the binary's :class:`~.engine.OcrEngine` and gives the same
words: it asks the library for the same TSV the binary prints and reads it with the same
:func:`~.engine.parse_tsv`. tesserocr is optional (``pip install 'ratsdoc[ocr]'``); without it,
or without its ``deu`` data, :func:`~.engine.find_engine` falls back to the binary.

The loaded engines sit in a process-wide pool: a reading thread takes one (making it when none
is free) and puts it back, so the threads of :mod:`.parallel` — short-lived, one pool per file —
never load the model twice, and :data:`~.engine.TESSERACT_SLOTS` bounds how many read at once.
"""

from __future__ import annotations

import functools
import glob
import os
import queue
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .engine import LANGUAGE, OCR_DPI, OSD_MIN_CONFIDENCE, PSM, TESSERACT_SLOTS, OcrWord, parse_tsv

if TYPE_CHECKING:
    from PIL import Image

#: Where Tesseract's language data is looked for when ``TESSDATA_PREFIX`` does not say (the
#: tesserocr wheel brings its own library but no data; Debian's ``tesseract-ocr-deu`` puts it here).
TESSDATA_GLOBS = (
    "/usr/share/tesseract-ocr/*/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)


def tessdata() -> str | None:
    """The folder holding ``deu.traineddata``: ``TESSDATA_PREFIX``, else the usual places."""
    candidates = [os.environ["TESSDATA_PREFIX"]] if os.environ.get("TESSDATA_PREFIX") else []
    for pattern in TESSDATA_GLOBS:
        candidates += sorted(glob.glob(pattern), reverse=True)  # the newest major version first
    return next((c for c in candidates if os.path.isfile(os.path.join(c, f"{LANGUAGE}.traineddata"))), None)


@dataclass(frozen=True, slots=True)
class WarmEngine:
    """Tesseract's library through tesserocr, reading with the language data in ``datapath``."""

    datapath: str
    version: str

    @property
    def label(self) -> str:
        """How the output names the engine: "Tesseract 5.5 (deu)"."""
        return f"Tesseract {'.'.join(self.version.split('.')[:2])} ({LANGUAGE})"

    def recognise(self, image: Image.Image, *, psm: str = PSM) -> list[OcrWord]:
        """The words of ``image`` (greyscale, at :data:`~.engine.OCR_DPI`) in mode ``psm``."""
        with _api(self.datapath, LANGUAGE) as api:
            api.SetPageSegMode(int(psm))
            _set_image(api, image)
            api.Recognize()
            tsv = api.GetTSVText(0)
            api.Clear()
        # The binary prints a header row and page/block rows the library leaves to the caller.
        return parse_tsv(
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" + tsv
        )

    def orientation(self, image: Image.Image) -> int:
        """Degrees (0, 90, 180, 270) to turn ``image`` clockwise for its text to stand upright
        (the ``osd`` data, as ``--psm 0``); 0 when unsure or without ``osd`` data."""
        if not os.path.isfile(os.path.join(self.datapath, "osd.traineddata")):
            return 0
        with _api(self.datapath, "osd") as api:
            _set_image(api, image)
            found = api.DetectOrientationScript()
            api.Clear()
        if not found or found.get("orient_conf", 0.0) < OSD_MIN_CONFIDENCE:
            return 0
        # tesserocr gives the orientation the text is in; the binary's "Rotate:" the turn back.
        return (360 - int(found["orient_deg"])) % 360


def _set_image(api: Any, image: Image.Image) -> None:
    grey = image if image.mode == "L" else image.convert("L")
    api.SetImageBytes(grey.tobytes(), grey.width, grey.height, 1, grey.width)
    api.SetSourceResolution(OCR_DPI)


#: Loaded engines not in use, per (data folder, language).
_IDLE: dict[tuple[str, str], queue.SimpleQueue[Any]] = {}


@contextmanager
def _api(datapath: str, language: str) -> Iterator[Any]:
    """A loaded engine for ``language``, for this thread alone until the block ends."""
    import tesserocr

    idle = _IDLE.setdefault((datapath, language), queue.SimpleQueue())
    with TESSERACT_SLOTS:
        try:
            api = idle.get_nowait()
        except queue.Empty:
            api = tesserocr.PyTessBaseAPI(path=datapath, lang=language)
        try:
            yield api
        finally:
            idle.put(api)


@functools.lru_cache(maxsize=1)
def find_warm_engine() -> WarmEngine | None:
    """The warm engine when tesserocr is installed and finds ``deu`` data, else None."""
    try:
        import tesserocr
    except ImportError:
        return None
    datapath = tessdata()
    if datapath is None:
        return None
    version = tesserocr.tesseract_version().split()[1].lstrip("v")
    return WarmEngine(datapath=datapath if datapath.endswith(os.sep) else datapath + os.sep, version=version)
