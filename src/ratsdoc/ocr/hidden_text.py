"""Invisible text on a page: what tells a scan's own OCR layer from text printed over a picture.

A scanner or OCR tool (OCRmyPDF, ABBYY, Acrobat's "searchable image") lays its words over the
page image in text render mode 3, "neither fill nor stroke" (PDF 1.7, 9.3.6), so that the
image stays what the reader sees. A slide or poster with a photo behind it prints visible
text over the image. Both cover most of the page with an image; only the render mode tells
them apart, and only the first should be handled as a scan.
"""

from __future__ import annotations

from typing import Any

import pypdfium2.raw as pdfium_c

#: Render modes that draw nothing: 3 (invisible) and 7 (only add to the clipping path).
_INVISIBLE_MODES = frozenset({pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP})
#: Form XObjects nested deeper than this are not descended into (hostile files).
_MAX_DEPTH = 8
#: Text objects looked at per page at most; a share needs no exhaustive count.
_MAX_OBJECTS = 5_000


def invisible_text_share(page: Any) -> float:
    """Share of the text objects of a PDFium ``page`` (raw ``FPDF_PAGE``) drawn invisibly.

    Text inside form XObjects counts too (some tools wrap the OCR layer in one). A page
    without text objects gives 0.0.
    """
    counts = [0, 0]  # [text objects, invisible ones]
    stack: list[tuple[Any, int]] = [
        (pdfium_c.FPDFPage_GetObject(page, i), 0) for i in range(pdfium_c.FPDFPage_CountObjects(page))
    ]
    while stack and counts[0] < _MAX_OBJECTS:
        obj, depth = stack.pop()
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            counts[0] += 1
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) in _INVISIBLE_MODES:
                counts[1] += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
            stack.extend(
                (pdfium_c.FPDFFormObj_GetObject(obj, i), depth + 1)
                for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))
            )
    return counts[1] / counts[0] if counts[0] else 0.0
