"""A warm Tesseract: the engine's own C API (``libtesseract``), loaded once per process and reused.

Running the ``tesseract`` binary costs a process and a fresh load of the ``deu`` model for
every page and for every region of the second pass (up to 12 a page); through the C API the
model stays loaded and an image is handed over as raw pixels. The library is the one the
binary itself runs on (Debian's ``tesseract-ocr`` brings ``libtesseract5``), reached through
:mod:`ctypes`, so no Python binding has to be installed and the words are those the binary
reads: :class:`WarmEngine` asks it for the same TSV and reads it with the same
:func:`~.engine.parse_tsv`. Without the library, or without its ``deu`` data,
:func:`~.engine.find_engine` falls back to the binary. (The tesserocr wheel was tried first:
it brings its own Tesseract 5.5, which ran words together that 5.3 keeps apart — "Seite2
von5" — and made more word errors on the scanned fixtures by ``scripts/ocr_wer.py``.)

The loaded engines sit in a process-wide pool: a reading thread takes one (making it when none
is free) and puts it back, so the threads of :mod:`.parallel` — short-lived, one pool per file —
never load the model twice, and :data:`~.engine.TESSERACT_SLOTS` bounds how many read at once.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import functools
import os
import queue
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .resolution import image_dpi
from .tsv import LANGUAGE, OSD_MIN_CONFIDENCE, PSM, TESSERACT_SLOTS, OcrWord, parse_tsv

if TYPE_CHECKING:
    from PIL import Image

#: The library's name for :func:`ctypes.util.find_library`.
LIBRARY = "tesseract"
#: The TSV header the binary prints and the C API leaves out.
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
#: Page segmentation mode "orientation and script detection only" (``--psm 0``).
PSM_OSD_ONLY = 0


def _declare(lib: Any) -> Any:
    """``lib`` with the argument and result types of the C API functions used here."""
    api, text, cint, cfloat = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_float
    signatures: dict[str, tuple[list[Any], Any]] = {
        "TessVersion": ([], text),
        "TessBaseAPICreate": ([], api),
        "TessBaseAPIInit3": ([api, text, text], cint),
        "TessBaseAPISetVariable": ([api, text, text], cint),
        "TessBaseAPISetPageSegMode": ([api, cint], None),
        "TessBaseAPISetImage": ([api, ctypes.c_char_p, cint, cint, cint, cint], None),
        "TessBaseAPISetSourceResolution": ([api, cint], None),
        "TessBaseAPIRecognize": ([api, ctypes.c_void_p], cint),
        "TessBaseAPIGetTsvText": ([api, cint], ctypes.c_void_p),  # freed with TessDeleteText
        "TessDeleteText": ([ctypes.c_void_p], None),
        "TessBaseAPIDetectOrientationScript": (
            [api, ctypes.POINTER(cint), ctypes.POINTER(cfloat), ctypes.POINTER(text), ctypes.POINTER(cfloat)],
            cint,
        ),
        "TessBaseAPIClear": ([api], None),
        "TessBaseAPIEnd": ([api], None),
        "TessBaseAPIDelete": ([api], None),
    }
    for name, (arguments, result) in signatures.items():
        function = getattr(lib, name)
        function.argtypes, function.restype = arguments, result
    return lib


@functools.lru_cache(maxsize=1)
def _library() -> Any:
    """The loaded ``libtesseract`` with its functions declared, or None where it is missing."""
    name = ctypes.util.find_library(LIBRARY)
    if name is None:
        return None
    # The library spreads a page over OpenMP threads; pages are read side by side instead
    # (parallel.py). OpenMP reads this setting once, when it is loaded with the library; it is
    # taken back afterwards so that programs this process starts keep their own threads.
    added = "OMP_THREAD_LIMIT" not in os.environ
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        lib = _declare(ctypes.CDLL(name))
    except (OSError, AttributeError):  # not loadable, or too old for the functions used here
        return None
    finally:
        if added:
            del os.environ["OMP_THREAD_LIMIT"]
    _quiet_leptonica()
    return lib


#: Leptonica's severity "print no messages" (``L_SEVERITY_NONE`` of its environ.h).
_LEPTONICA_SILENT = 6


def _quiet_leptonica() -> None:
    """Keep Leptonica, the image library inside Tesseract, from printing to stderr.

    Tesseract's page layout asks Leptonica for boxes that may fall outside a small image ("Error
    in boxClipToRectangle: box outside rectangle"); Tesseract handles that and reads on, but the
    library prints the message, which would land between the lines of ``ratsdoc parse``'s output.
    The binary fallback's stderr is captured anyway. Without the library nothing is changed.
    """
    name = ctypes.util.find_library("leptonica") or ctypes.util.find_library("lept")
    if name is None:
        return
    try:
        ctypes.CDLL(name).setMsgSeverity(ctypes.c_int(_LEPTONICA_SILENT))
    except (OSError, AttributeError):
        return


@dataclass(frozen=True, slots=True)
class WarmEngine:
    """Tesseract's library, loaded in this process; ``version`` as it reports it ("5.3.0")."""

    version: str

    @property
    def label(self) -> str:
        """How the output names the engine: "Tesseract 5.3 (deu)" (as for the binary)."""
        return f"Tesseract {'.'.join(self.version.split('.')[:2])} ({LANGUAGE})"

    def recognise(self, image: Image.Image, *, psm: str = PSM) -> list[OcrWord]:
        """The words of ``image`` (greyscale, at the dpi :func:`~.resolution.image_dpi` gives) in mode ``psm``."""
        lib = _library()
        with _api(LANGUAGE) as api:
            lib.TessBaseAPISetPageSegMode(api, int(psm))
            pixels = _set_image(lib, api, image)
            if lib.TessBaseAPIRecognize(api, None) != 0:
                from ..errors import RatsdocError

                raise RatsdocError("OCR failed (Tesseract's library could not read the page)")
            pointer = lib.TessBaseAPIGetTsvText(api, 0)
            try:
                tsv = ctypes.string_at(pointer).decode("utf-8", "replace") if pointer else ""
            finally:
                lib.TessDeleteText(pointer)
                lib.TessBaseAPIClear(api)
                del pixels
        return parse_tsv(TSV_HEADER + tsv)

    def orientation(self, image: Image.Image) -> int:
        """Degrees (0, 90, 180, 270) to turn ``image`` clockwise for its text to stand upright
        (the ``osd`` data, as ``--psm 0``); 0 when unsure or without ``osd`` data."""
        lib = _library()
        degrees, confidence, script, script_confidence = (
            ctypes.c_int(),
            ctypes.c_float(),
            ctypes.c_char_p(),
            ctypes.c_float(),
        )
        try:
            with _api("osd") as api:
                lib.TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY)
                pixels = _set_image(lib, api, image)
                found = lib.TessBaseAPIDetectOrientationScript(
                    api,
                    ctypes.byref(degrees),
                    ctypes.byref(confidence),
                    ctypes.byref(script),
                    ctypes.byref(script_confidence),
                )
                lib.TessBaseAPIClear(api)
                del pixels
        except LookupError:  # no osd data: the page is read as it is
            return 0
        if not found or confidence.value < OSD_MIN_CONFIDENCE:
            return 0
        # The library gives the orientation the text is in; the binary's "Rotate:" the turn back.
        return (360 - degrees.value) % 360


def _set_image(lib: Any, api: Any, image: Image.Image) -> bytes:
    """Hand ``image`` to ``api`` as 8-bit grey pixels; the bytes must live until it has read them."""
    grey = image if image.mode == "L" else image.convert("L")
    pixels = grey.tobytes()
    lib.TessBaseAPISetImage(api, pixels, grey.width, grey.height, 1, grey.width)
    lib.TessBaseAPISetSourceResolution(api, image_dpi(image))
    return pixels


#: Loaded engines not in use, per language.
_IDLE: dict[str, queue.SimpleQueue[Any]] = {}


def _load(language: str) -> Any:
    """A new engine with ``language`` loaded (LookupError when its data is missing)."""
    lib = _library()
    api = lib.TessBaseAPICreate()
    if lib.TessBaseAPIInit3(api, None, language.encode()) != 0:
        lib.TessBaseAPIDelete(api)
        raise LookupError(f"Tesseract's library has no {language!r} data")
    # The library's progress notes ("Detected 44 diacritics") went to the binary's captured
    # standard error; in this process they would reach the user's.
    lib.TessBaseAPISetVariable(api, b"debug_file", os.devnull.encode())
    return api


@atexit.register
def _unload() -> None:
    """Free the idle engines before the process ends (the library's cache otherwise reports
    every model still loaded as a leak on standard error)."""
    lib = _library()
    for idle in _IDLE.values() if lib is not None else ():
        while not idle.empty():
            api = idle.get_nowait()
            lib.TessBaseAPIEnd(api)
            lib.TessBaseAPIDelete(api)


@contextmanager
def _api(language: str) -> Iterator[Any]:
    """A loaded engine for ``language``, for this thread alone until the block ends."""
    idle = _IDLE.setdefault(language, queue.SimpleQueue())
    with TESSERACT_SLOTS:
        try:
            api = idle.get_nowait()
        except queue.Empty:
            api = _load(language)
        try:
            yield api
        finally:
            idle.put(api)


@functools.lru_cache(maxsize=1)
def find_warm_engine() -> WarmEngine | None:
    """The warm engine when ``libtesseract`` loads and has ``deu`` data, else None."""
    lib = _library()
    if lib is None:
        return None
    try:
        _IDLE.setdefault(LANGUAGE, queue.SimpleQueue()).put(_load(LANGUAGE))
    except LookupError:
        return None
    return WarmEngine(version=(lib.TessVersion() or b"?").decode())
