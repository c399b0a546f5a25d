"""The OCR engine: finding and probing Tesseract, running it, and reading its TSV into words.

The engine is Tesseract's own library, called through ctypes (:mod:`.warm`: loaded once per
process), else the ``tesseract`` binary, driven by subprocess with TSV output. The binary
is looked up as :data:`TESSERACT` (a module-level setting), else the environment variable
``RATSDOC_TESSERACT``, else ``tesseract`` on ``PATH``; naming a binary in either setting runs
that binary instead of the library, and naming a missing one makes OCR unavailable, which is
how the tests exercise that path. Without an engine, a page that needs OCR raises
:class:`~ratsdoc.errors.OcrUnavailableError` naming what to install — an empty result must not
pass for success.

What the OCR step needs of an engine is :class:`OcrBackend`; :class:`OcrEngine` (Tesseract) is
the one it uses unless it is given another.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import regex

from ..errors import OcrUnavailableError, RatsdocError
from .resolution import image_dpi
from .tsv import LANGUAGE as LANGUAGE
from .tsv import OCR_DPI as OCR_DPI
from .tsv import OSD_MIN_CONFIDENCE as OSD_MIN_CONFIDENCE
from .tsv import PSM as PSM
from .tsv import TESSERACT_SLOTS as TESSERACT_SLOTS
from .tsv import OcrWord as OcrWord
from .tsv import dash_for_width as dash_for_width
from .tsv import parse_tsv as parse_tsv

if TYPE_CHECKING:
    from PIL import Image

#: Path or name of the tesseract binary; None means "RATSDOC_TESSERACT, else PATH".
TESSERACT: str | None = None
#: Environment variable that names the tesseract binary.
TESSERACT_ENV = "RATSDOC_TESSERACT"
#: Install hint for the engine.
INSTALL_HINT = (
    "the Tesseract OCR engine with German data "
    "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-deu; "
    "or set RATSDOC_TESSERACT to the tesseract binary)"
)


class OcrBackend(Protocol):
    """An OCR engine as the OCR step uses it: a label for warnings, and words for an image."""

    @property
    def label(self) -> str:
        """How warnings name the engine ("Tesseract 5.3 (deu)")."""
        ...

    def recognise(self, image: Image.Image, *, psm: str = PSM) -> list[OcrWord]:
        """The words of ``image`` (greyscale, at the dpi :func:`~.resolution.image_dpi` reads from it)
        in page segmentation mode ``psm``."""
        ...

    def orientation(self, image: Image.Image) -> int:
        """Degrees (0, 90, 180, 270) to turn ``image`` clockwise for its text to stand upright."""
        ...


@dataclass(frozen=True, slots=True)
class OcrEngine:
    """A usable tesseract binary: its path and version ("5.3.0")."""

    path: str
    version: str

    @property
    def label(self) -> str:
        """How the output names the engine: "Tesseract 5.3 (deu)"."""
        return f"Tesseract {'.'.join(self.version.split('.')[:2])} ({LANGUAGE})"

    def recognise(self, image: Image.Image, *, psm: str = PSM) -> list[OcrWord]:
        """Run this Tesseract on ``image``: see :func:`recognise`."""
        return recognise(self, image, psm=psm)

    def orientation(self, image: Image.Image) -> int:
        """Tesseract's orientation detection on ``image``: see :func:`orientation`."""
        return orientation(self, image)


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


def _warm() -> OcrBackend | None:
    """Tesseract's library (:mod:`.warm`), unless a binary is named
    explicitly (:data:`TESSERACT` or ``RATSDOC_TESSERACT``) or the library is not usable."""
    if TESSERACT or os.environ.get(TESSERACT_ENV):
        return None
    from .warm import find_warm_engine

    return find_warm_engine()


def find_engine() -> OcrBackend | None:
    """The configured engine if it can be used, else None: the warm library when installed
    (one model load per process instead of one per page and region), else the binary."""
    if _python_parts_missing():
        return None
    warm = _warm()
    if warm is not None:
        return warm
    found = _probe(engine_command())
    return found if isinstance(found, OcrEngine) else None


def require_engine(why: str) -> OcrBackend:
    """The engine, or :class:`OcrUnavailableError` saying ``why`` OCR was needed and what to install."""
    missing = _python_parts_missing()
    if missing:
        raise OcrUnavailableError(f"{why}, but {missing}", install="pip install 'ratsdoc[ocr]'")
    warm = _warm()
    if warm is not None:
        return warm
    found = _probe(engine_command())
    if isinstance(found, OcrEngine):
        return found
    raise OcrUnavailableError(f"{why}, but {found}; install {INSTALL_HINT}", install=INSTALL_HINT)


#: Tesseract's orientation detection ("Rotate: 90", "Orientation confidence: 12.9").
_OSD_ROTATE = regex.compile(r"^Rotate:\s*(\d+)", regex.M)
_OSD_CONFIDENCE = regex.compile(r"^Orientation confidence:\s*([\d.]+)", regex.M)


def orientation(engine: OcrEngine, image: Image.Image, *, timeout: float = 120.0) -> int:
    """Degrees (0, 90, 180, 270) to turn ``image`` clockwise so that its text stands upright,
    by Tesseract's orientation and script detection (``--psm 0``, the ``osd`` data); 0 when it
    is unsure or has no ``osd`` data."""
    done = _run(engine, image, ["--psm", "0"], timeout, optional=True)
    if done is None:
        return 0
    text = done.decode("utf-8", "replace")
    turn, sure = _OSD_ROTATE.search(text), _OSD_CONFIDENCE.search(text)
    if turn is None or sure is None or float(sure.group(1)) < OSD_MIN_CONFIDENCE:
        return 0
    return int(turn.group(1)) % 360


def _run(
    engine: OcrEngine, image: Image.Image, arguments: list[str], timeout: float, *, optional: bool = False
) -> bytes | None:
    """Tesseract's standard output for ``image`` with ``arguments``; None when it failed and
    the run was ``optional`` (orientation detection without ``osd`` data: the page is then
    read as it is)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # uncompressed PGM: nothing to encode or decode
    command = [engine.path, "stdin", "stdout", "--dpi", str(image_dpi(image)), *arguments]
    # One thread per Tesseract: OpenMP's spinning threads cost more than they gain on pages
    # this small, and the pages of a file are read side by side (see parallel.py).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        with TESSERACT_SLOTS:
            done = subprocess.run(
                command, input=buffer.getvalue(), capture_output=True, timeout=timeout, env=env, check=False
            )
    except subprocess.TimeoutExpired:
        raise RatsdocError(f"OCR took longer than {timeout:g} s for one page") from None
    except OSError as exc:
        raise OcrUnavailableError(f"the OCR engine cannot be run ({exc})", install=INSTALL_HINT) from None
    if done.returncode != 0:
        if optional:
            return None
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RatsdocError(f"OCR failed ({detail[-1] if detail else f'exit code {done.returncode}'})")
    return done.stdout


def recognise(engine: OcrEngine, image: Image.Image, *, timeout: float = 120.0, psm: str = PSM) -> list[OcrWord]:
    """Run Tesseract on ``image`` (at the resolution :func:`~.resolution.image_dpi` gives) and return its words."""
    done = _run(engine, image, ["-l", LANGUAGE, "--psm", psm, "tsv"], timeout)
    return parse_tsv((done or b"").decode("utf-8", "replace"))
