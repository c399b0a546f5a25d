"""Vector paths of a page read with PDFium (:mod:`.pdfium_engine`), split into subpaths and
classified rect, line or curve with pdfminer's rules, so that both engines give the same shapes."""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

from .model import Shape, ShapeKind
from .pdfium_geometry import Matrix, PageGeometry, bbox, untyped

#: Points closer than this are "equal" when classifying rects; PDFium stores float32,
#: pdfminer compares Python floats exactly, so an exact test would split hairs.
_EPS = 1e-3
_GET_PATH_SEGMENT = untyped(pdfium_c.FPDFPath_GetPathSegment, ctypes.c_void_p)
_SEGMENT_GET_POINT = untyped(pdfium_c.FPDFPathSegment_GetPoint)
_SEGMENT_GET_TYPE = untyped(pdfium_c.FPDFPathSegment_GetType)
_SEGMENT_GET_CLOSE = untyped(pdfium_c.FPDFPathSegment_GetClose)


def path_shapes(obj: Any, m: Matrix, geo: PageGeometry, shapes: list[Shape]) -> None:
    """Split a path object into subpaths and classify each like pdfminer's ``paint_path``."""
    fillmode = ctypes.c_int()
    stroke = ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fillmode, stroke):
        return
    filled = fillmode.value != pdfium_c.FPDF_FILLMODE_NONE
    stroked = bool(stroke.value)
    if not (filled or stroked):
        return  # a clipping path ("W n"): pdfminer paints nothing
    count = int(pdfium_c.FPDFPath_CountSegments(obj))
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    # Per-segment calls go through untyped handles (see :func:`.pdfium_geometry.untyped`): the path and segment
    # handles are passed as c_void_p, one reused object for the segments.
    objv = ctypes.c_void_p(ctypes.cast(obj, ctypes.c_void_p).value)
    segv = ctypes.c_void_p()
    get_segment, get_point = _GET_PATH_SEGMENT, _SEGMENT_GET_POINT
    get_type, get_close = _SEGMENT_GET_TYPE, _SEGMENT_GET_CLOSE
    ma, mb, mc, md, me, mf = m
    # Rebuild pdfminer's operator string per subpath: m, l, c (three Bézier points), h.
    subpaths: list[tuple[list[str], list[tuple[float, float]]]] = []
    ops: list[str] = []
    pts: list[tuple[float, float]] = []
    bezier = 0
    for i in range(count):
        seg = get_segment(objv, i)
        if not seg:
            continue
        segv.value = seg
        if not get_point(segv, x_ref, y_ref):
            continue
        stype = get_type(segv)
        closes = bool(get_close(segv))
        xv, yv = x.value, y.value
        point = (ma * xv + mc * yv + me, mb * xv + md * yv + mf)  # apply(m, xv, yv)
        if stype == pdfium_c.FPDF_SEGMENT_MOVETO:
            ops, pts, bezier = ["m"], [point], 0
            subpaths.append((ops, pts))
            continue
        if not ops:  # a path that does not start with m is invalid; pdfminer drops it
            ops, pts = ["?"], [point]
            subpaths.append((ops, pts))
        if stype == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # control points do not count for pdfminer's box
            ops.append("c")
            pts.append(point)
        elif closes and _same(point, pts[0]):
            # PDFium turns "h" into a line back to the start flagged as closing.
            ops.append("h")
            pts.append(pts[0])
            continue
        else:
            ops.append("l")
            pts.append(point)
        if closes:
            ops.append("h")
            pts.append(pts[0])
    for sub_ops, sub_pts in subpaths:
        shape = "".join(sub_ops)
        if not shape.startswith("m") or len(sub_pts) < 2:
            continue
        kind = _classify(shape, sub_pts)
        bx0, by0, bx1, by1 = bbox(sub_pts)
        x0, top, x1, bottom = geo.box(bx0, by0, bx1, by1)
        shapes.append(Shape(kind=kind, x0=x0, top=top, x1=x1, bottom=bottom, stroked=stroked, filled=filled))


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) <= _EPS and abs(p[1] - q[1]) <= _EPS


def _classify(shape: str, pts: list[tuple[float, float]]) -> ShapeKind:
    """pdfminer's rules: one segment is a line, a closed axis-aligned quad a rect, else curve."""
    if shape in ("mlh", "ml"):
        return "line"
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = pts[:5]
        closed = _same(pts[0], last)

        def eq(u: float, v: float) -> bool:
            return abs(u - v) <= _EPS

        square = (eq(x0, x1) and eq(y1, y2) and eq(x2, x3) and eq(y3, y0)) or (
            eq(y0, y1) and eq(x1, x2) and eq(y2, y3) and eq(x3, x0)
        )
        if closed and square:
            return "rect"
    return "curve"
