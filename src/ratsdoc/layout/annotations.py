"""Turn raw PDF annotation dictionaries into page-model annotations, engine-neutral.

Field names and strings in real files are often not ASCII (``Kontrollkästchen1`` in
PDFDocEncoding), which is why this module decodes every string itself instead of trusting
an engine's helper (pdfplumber's ``page.annots`` raises on such names).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Mapping
from typing import Any

from .model import Annotation, AnnotKind

_RADIO_FLAG = 1 << 15
_PUSHBUTTON_FLAG = 1 << 16
_MULTILINE_FLAG = 1 << 12
_PASSWORD_FLAG = 1 << 13
_COMBO_FLAG = 1 << 17
#: Annotation flags (/F) of a widget that is not shown: Hidden (2) and NoView (6).
_HIDDEN_ANNOT_FLAGS = (1 << 1) | (1 << 5)
#: The font operator of a default appearance string: "/Helv 10 Tf".
_DA_FONT = re.compile(r"/([^\s/\[\]()<>]+)\s+([-+]?\d*\.?\d+)\s+Tf")
#: Parent chains deeper than this are treated as circular.
_MAX_PARENT_DEPTH = 32


def decode_pdf_string(value: object) -> str | None:
    """Decode a PDF text string (UTF-16 with BOM, UTF-8 with BOM, else PDFDocEncoding ~ Latin-1)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        raw = bytes(value)
        if raw.startswith(codecs.BOM_UTF16_BE):
            return raw[2:].decode("utf-16-be", errors="replace")
        if raw.startswith(codecs.BOM_UTF16_LE):
            return raw[2:].decode("utf-16-le", errors="replace")
        if raw.startswith(codecs.BOM_UTF8):
            return raw[3:].decode("utf-8", errors="replace")
        return raw.decode("latin-1")
    name = getattr(value, "name", None)  # PDF name objects
    if isinstance(name, (str, bytes)):
        return name.decode("latin-1") if isinstance(name, bytes) else name
    return str(value)


def _name(value: object) -> str | None:
    """The text of a PDF name object (``/Off`` → ``"Off"``)."""
    text = decode_pdf_string(value)
    return text.lstrip("/") if text is not None else None


def annotation_from_dict(
    raw: Mapping[str, Any],
    resolve: Callable[[Any], Any],
    *,
    page_height: float,
    origin: tuple[float, float] = (0.0, 0.0),
) -> Annotation | None:
    """Build an :class:`Annotation` from one annotation dictionary, or None when it has no box.

    ``resolve`` dereferences indirect objects; ``origin`` is the (x, y) of the page's lower-left
    corner so that boxes come out in top-left page coordinates.
    """
    rect = resolve(raw.get("Rect"))
    if not isinstance(rect, (list, tuple)) or len(rect) != 4:
        return None
    try:
        x_a, y_a, x_b, y_b = (float(resolve(v)) for v in rect)
    except (TypeError, ValueError):
        return None
    ox, oy = origin
    x0, x1 = sorted((x_a - ox, x_b - ox))
    y0, y1 = sorted((y_a - oy, y_b - oy))
    top, bottom = page_height - y1, page_height - y0
    subtype = _name(resolve(raw.get("Subtype")))
    if subtype == "Link":
        action = resolve(raw.get("A"))
        uri = None
        if isinstance(action, Mapping) and _name(resolve(action.get("S"))) == "URI":
            uri = decode_pdf_string(resolve(action.get("URI")))
        return Annotation(kind="link", uri=uri, x0=x0, top=top, x1=x1, bottom=bottom)
    if subtype != "Widget":
        return Annotation(kind="other", x0=x0, top=top, x1=x1, bottom=bottom)
    # Field attributes are inherited from the parent field when a widget is a kid.
    field_type = flags = value = name = appearance = quadding = None
    node: Any = raw
    for _ in range(_MAX_PARENT_DEPTH):
        if not isinstance(node, Mapping):
            break
        field_type = field_type or _name(resolve(node.get("FT")))
        if flags is None and node.get("Ff") is not None:
            flags = resolve(node.get("Ff"))
        if value is None and node.get("V") is not None:
            value = resolve(node.get("V"))
        if appearance is None and node.get("DA") is not None:
            appearance = decode_pdf_string(resolve(node.get("DA")))
        if quadding is None and node.get("Q") is not None:
            quadding = resolve(node.get("Q"))
        name = name or decode_pdf_string(resolve(node.get("T")))
        node = resolve(node.get("Parent"))
    bits = int(flags) if isinstance(flags, (int, float)) else 0
    annot_flags = resolve(raw.get("F"))
    return widget_annotation(
        field_type,
        bits,
        state=_name(resolve(raw.get("AS"))),
        # A list box's several values (an array) are no one text to place.
        value=None if isinstance(value, (list, tuple)) else decode_pdf_string(value),
        field_name=name,
        x0=x0,
        top=top,
        x1=x1,
        bottom=bottom,
        appearance=appearance,
        align=int(quadding) if isinstance(quadding, (int, float)) else 0,
        annot_flags=int(annot_flags) if isinstance(annot_flags, (int, float)) else 0,
    )


def default_font(appearance: str | None) -> tuple[str | None, float]:
    """The font resource name and size of a default appearance string (/DA, "/Helv 10 Tf 0 g"):
    (None, 0.0) when it names none; a size of 0 means "fit the text to the box"."""
    found = _DA_FONT.search(appearance or "")
    if found is None:
        return None, 0.0
    return found.group(1), max(0.0, float(found.group(2)))


def widget_annotation(
    field_type: str | None,
    flags: int,
    *,
    state: str | None,
    value: str | None,
    field_name: str | None,
    x0: float,
    top: float,
    x1: float,
    bottom: float,
    appearance: str | None = None,
    align: int = 0,
    annot_flags: int = 0,
) -> Annotation:
    """Classify a form widget, for every engine: a check box or radio button (/FT /Btn, not a
    push button) with its state, a text field (/FT /Tx, or a combo box /FT /Ch, which shows one
    value as a text field does) with its value, else "other".

    ``flags`` are the field flags (/Ff), ``state`` the appearance state (/AS) and ``value`` the
    field value (/V), names with or without their slash; a button without /AS takes its state
    from /V, and one with neither has an unknown state (None). ``appearance`` is the text field's
    default appearance (/DA), ``align`` its quadding (/Q), ``annot_flags`` the widget's /F: a
    hidden widget's value and a password field's are no text of the page (value None).
    """
    kind: AnnotKind = "other"
    checked: bool | None = None
    text_value: str | None = None
    font, size = None, 0.0
    if field_type == "Btn" and not flags & _PUSHBUTTON_FLAG:
        kind = "radio" if flags & _RADIO_FLAG else "checkbox"
        if state is None:
            state = value
        checked = None if state is None else state.lstrip("/") not in ("Off", "")
    elif field_type == "Tx" or (field_type == "Ch" and flags & _COMBO_FLAG):
        kind = "text_field"
        shown = not annot_flags & _HIDDEN_ANNOT_FLAGS and not (field_type == "Tx" and flags & _PASSWORD_FLAG)
        text_value = value if shown else None
        font, size = default_font(appearance)
    return Annotation(
        kind=kind,
        field_name=field_name,
        checked=checked,
        value=text_value,
        x0=x0,
        top=top,
        x1=x1,
        bottom=bottom,
        multiline=kind == "text_field" and field_type == "Tx" and bool(flags & _MULTILINE_FLAG),
        font_size=size,
        font=font,
        align=align if align in (1, 2) else 0,
    )
