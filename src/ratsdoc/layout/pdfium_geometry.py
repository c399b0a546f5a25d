"""PDF user space to ratsdoc's page coordinates, as pdfminer computes them, for the PDFium
engine (:mod:`.pdfium_engine`): affine matrices in pdfminer's row-vector convention, the matrix
a page starts with (media-box origin and ``/Rotate``), and the page's geometry."""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

#: An affine matrix (a, b, c, d, e, f) in pdfminer's row-vector convention.
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: US Letter, pdfminer's fallback when a page has no (inherited) /MediaBox.
_LETTER = (0.0, 0.0, 612.0, 792.0)


def mult(m1: Matrix, m0: Matrix) -> Matrix:
    """``m1`` followed by ``m0`` (pdfminer's ``mult_matrix``)."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (
        a0 * a1 + c0 * b1,
        b0 * a1 + d0 * b1,
        a0 * c1 + c0 * d1,
        b0 * c1 + d0 * d1,
        a0 * e1 + c0 * f1 + e0,
        b0 * e1 + d0 * f1 + f0,
    )


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """The point (``x``, ``y``) transformed by ``m``."""
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def page_ctm(mediabox: tuple[float, float, float, float], rotate: int) -> Matrix:
    """The matrix pdfminer's interpreter starts a page with (media-box origin and rotation)."""
    x0, y0, x1, y1 = mediabox
    if rotate == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1)
    if rotate == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1)
    if rotate == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0)


def obj_matrix(obj: Any) -> Matrix:
    """A page object's own matrix (relative to its enclosing form, if any)."""
    fm = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, fm):
        return IDENTITY
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)


def bbox(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """The bounding box (x0, y0, x1, y1) of ``points``."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def untyped(fn: Any, restype: Any = ctypes.c_int) -> Any:
    """A second handle on the PDFium function ``fn`` that skips ctypes' argument conversion.

    pypdfium2 declares typed pointer ``argtypes``; checking and converting them costs about as
    much as the call itself, and the char loop makes several calls per char. The clone takes
    ``c_void_p`` handles, Python ints (passed as C ``int``) and ``byref`` out-parameters as they
    are, so callers must pass exactly those.
    """
    clone = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
    clone.restype = restype
    return clone


class PageGeometry:
    """Everything needed to map PDF user space to ratsdoc's top-left page coordinates."""

    __slots__ = ("ctm", "height", "mediabox", "width")

    def __init__(self, page: Any) -> None:
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if pdfium_c.FPDFPage_GetMediaBox(page, left, bottom, right, top):
            x0, x1 = sorted((left.value, right.value))
            y0, y1 = sorted((bottom.value, top.value))
            box = (float(x0), float(y0), float(x1), float(y1))
        else:
            box = _LETTER
        rotate = (int(pdfium_c.FPDFPage_GetRotation(page)) * 90) % 360
        self.mediabox = box
        self.ctm = page_ctm(box, rotate)
        width, height = box[2] - box[0], box[3] - box[1]
        self.width, self.height = (height, width) if rotate in (90, 270) else (width, height)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A user-space rectangle as (x0, top, x1, bottom) on the (rotated) page."""
        bx0, by0, bx1, by1 = bbox([apply(self.ctm, x0, y0), apply(self.ctm, x1, y1)])
        return bx0, self.height - by1, bx1, self.height - by0
