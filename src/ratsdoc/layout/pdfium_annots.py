"""Annotations of a page read with PDFium (:mod:`.pdfium_engine`): links with their URI,
form widgets with their field type, flags, name, value and state, as the reference decoder
(:mod:`.annotations`) reads them."""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

from ..issues import Issue
from .annotations import decode_pdf_string, widget_annotation
from .model import Annotation
from .pagetree import annotation_unreadable, annotations_cut
from .pdfium_geometry import PageGeometry

#: PDFium's form field types mapped to the /FT names the reference decoder reads.
_FIELD_TYPES = {
    pdfium_c.FPDF_FORMFIELD_PUSHBUTTON: "Btn",
    pdfium_c.FPDF_FORMFIELD_CHECKBOX: "Btn",
    pdfium_c.FPDF_FORMFIELD_RADIOBUTTON: "Btn",
    pdfium_c.FPDF_FORMFIELD_COMBOBOX: "Ch",
    pdfium_c.FPDF_FORMFIELD_LISTBOX: "Ch",
    pdfium_c.FPDF_FORMFIELD_TEXTFIELD: "Tx",
    pdfium_c.FPDF_FORMFIELD_SIGNATURE: "Sig",
}


def _utf16_value(func: Any, *args: Any) -> str | None:
    """Call a PDFium getter that fills a UTF-16LE buffer (two-call pattern); None when absent."""
    size = int(func(*args, None, 0))
    if size <= 2:
        return None if size == 0 else ""
    buf = ctypes.create_string_buffer(size)
    func(*args, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), size)
    return buf.raw[: size - 2].decode("utf-16-le", errors="replace")


def read_annotations(
    doc: Any, page: Any, geo: PageGeometry, number: int, warnings: list[Issue], limit: int
) -> tuple[Annotation, ...]:
    """The annotations of ``page`` (a pypdfium2 page of ``doc``), at most ``limit`` of them
    (a warning says how many more there were); one that cannot be read is skipped with a warning."""
    count = int(pdfium_c.FPDFPage_GetAnnotCount(page.raw))
    if count <= 0:
        return ()
    if count > limit:
        warnings.append(annotations_cut(number, count, limit))
        count = limit
    form = doc.formenv.raw if doc.formenv else None
    result: list[Annotation] = []
    for i in range(count):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue  # not a dictionary; the reference skips those too
        try:
            item = _annotation(doc, annot, form, geo)
            if item is not None:
                result.append(item)
        except Exception:  # one broken annotation must not cost the page
            warnings.append(annotation_unreadable(number))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return tuple(result)


def _annotation(doc: Any, annot: Any, form: Any, geo: PageGeometry) -> Annotation | None:
    rect = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
        return None
    # Same box arithmetic as layout/annotations.py: media-box origin, no rotation.
    ox, oy = geo.mediabox[0], geo.mediabox[1]
    x0, x1 = sorted((rect.left - ox, rect.right - ox))
    y0, y1 = sorted((rect.bottom - oy, rect.top - oy))
    box: dict[str, Any] = {
        "x0": float(x0),
        "top": geo.height - float(y1),
        "x1": float(x1),
        "bottom": geo.height - float(y0),
    }
    subtype = int(pdfium_c.FPDFAnnot_GetSubtype(annot))
    if subtype == pdfium_c.FPDF_ANNOT_LINK:
        return Annotation(kind="link", uri=_uri(doc, annot), **box)
    if subtype != pdfium_c.FPDF_ANNOT_WIDGET:
        return Annotation(kind="other", **box)
    # The widget's own keys first (as the reference reads them), then PDFium's field
    # lookup, which follows /Parent for attributes a kid widget inherits.
    field_type = _string(annot, "FT")
    ftype = int(pdfium_c.FPDFAnnot_GetFormFieldType(form, annot)) if form else -1
    if field_type is None:
        field_type = _FIELD_TYPES.get(ftype)
    if pdfium_c.FPDFAnnot_HasKey(annot, b"Ff"):
        num = ctypes.c_float()
        pdfium_c.FPDFAnnot_GetNumberValue(annot, b"Ff", num)
        flags = int(num.value)
    elif form and ftype > 0:
        flags = int(pdfium_c.FPDFAnnot_GetFormFieldFlags(form, annot))
    else:
        flags = 0
    name = _string(annot, "T")
    if name is None and form:
        full = _utf16_value(pdfium_c.FPDFAnnot_GetFormFieldName, form, annot)
        name = full.rsplit(".", 1)[-1] if full else None
    value = _string(annot, "V")
    if value is None and form:
        value = _utf16_value(pdfium_c.FPDFAnnot_GetFormFieldValue, form, annot) or None
    state = _string(annot, "AS")
    # A text field's look: its own /DA, else the size PDFium finds up the field's parents.
    appearance = _string(annot, "DA")
    if appearance is None and form and ftype in (pdfium_c.FPDF_FORMFIELD_TEXTFIELD, pdfium_c.FPDF_FORMFIELD_COMBOBOX):
        size = ctypes.c_float()
        if pdfium_c.FPDFAnnot_GetFontSize(form, annot, size):
            appearance = f"/F {size.value:g} Tf"
    align = 0
    if pdfium_c.FPDFAnnot_HasKey(annot, b"Q"):
        num = ctypes.c_float()
        pdfium_c.FPDFAnnot_GetNumberValue(annot, b"Q", num)
        align = int(num.value)
    return widget_annotation(
        field_type,
        flags,
        state=state,
        value=value,
        field_name=name,
        appearance=appearance,
        align=align,
        annot_flags=int(pdfium_c.FPDFAnnot_GetFlags(annot)),
        **box,
    )


def _string(annot: Any, key: str) -> str | None:
    """A string or name value of the annotation's own dictionary; None when absent."""
    bkey = key.encode("ascii")
    if not pdfium_c.FPDFAnnot_HasKey(annot, bkey):
        return None
    return _utf16_value(pdfium_c.FPDFAnnot_GetStringValue, annot, bkey)


def _uri(doc: Any, annot: Any) -> str | None:
    link = pdfium_c.FPDFAnnot_GetLink(annot)
    action = pdfium_c.FPDFLink_GetAction(link) if link else None
    if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
        return None
    size = int(pdfium_c.FPDFAction_GetURIPath(doc.raw, action, None, 0))
    if size <= 1:
        return None
    buf = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAction_GetURIPath(doc.raw, action, buf, size)
    return decode_pdf_string(buf.raw[: size - 1])
