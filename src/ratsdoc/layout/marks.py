"""Checkbox marks: which glyphs, vector shapes and widgets on a page are boxes, and their state.

Glyph tables: Unicode Geometric Shapes/Misc Symbols (☐☑☒), the Wingdings and Wingdings 2
private-use code points Word writes (U+F0xx: the font's byte plus 0xF000), and ZapfDingbats
as pdfminer decodes it. Word documents converted without Wingdings installed keep the PUA code
point in a substituted font (OpenSymbol, Arial Unicode), so the code point decides before the
font name does. U+F0B7/U+F0A7 are list bullets in Symbol/Wingdings and are never boxes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .model import Annotation, Char, Shape

#: Code points that are an empty box whatever the font.
EMPTY_BOX = frozenset("\u2610\u25a1\u25a2\u274f\u2750\u2751\u2752\u25fb\u25fd\uf0a8\uf06f\uf071\uf072\uf0a3")
#: Code points that are a ticked box or a tick mark whatever the font.
TICKED_BOX = frozenset(
    "\u2611\u2612\u2713\u2714\u2715\u2716\u2717\u2718\u25a0\u25a3\u25fc\u25fe\u2b1b\u22a0"
    "\uf078\uf0fd\uf0fe\uf0fb\uf0fc\uf06e\uf052\uf053\uf054\uf051\uf0d6"
)
#: List bullets that symbol fonts share with boxes.
BULLETS = frozenset("\uf0b7\uf0a7\uf0d8\uf076\uf0a1\u2022\u25aa\u25cf\u25e6\u2023")
#: Byte values of symbol fonts that carry no ToUnicode map, keyed by font family.
_FONT_CODES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # family: (empty codes, ticked codes) as the raw single-byte characters
    "wingdings2": (frozenset("\xa3\x2a"), frozenset("QRSTOP\x54")),
    "wingdings": (frozenset("\xa8o\x71\x72"), frozenset("x\xfd\xfe\xfb\xfc")),
    "zapfdingbats": (frozenset("oqrp"), frozenset("n3478")),
}
_TYPED_TICKS = frozenset({"x", "X", "✕", "×"})


@dataclass(frozen=True, slots=True)
class BoxMark:
    """A checkbox found on a page: its box and state (None when it cannot be told)."""

    x0: float
    top: float
    x1: float
    bottom: float
    checked: bool | None
    source: str

    @property
    def cy(self) -> float:
        """Vertical centre."""
        return (self.top + self.bottom) / 2


@lru_cache(maxsize=1024)
def _family(fontname: str) -> str:
    """The symbol-font family of a font name ("wingdings2", "wingdings", "zapfdingbats") or "".

    Cached: a page has a handful of fonts but thousands of chars.
    """
    base = fontname.split("+", 1)[-1].lower().replace("-", "").replace(" ", "").replace("_", "")
    for family in ("wingdings2", "wingdings", "zapfdingbats"):
        if family in base or (family == "zapfdingbats" and "dingbats" in base):
            return family
    return ""


#: Every char :func:`glyph_state` can say something about; all other text is ordinary.
_MARK_CHARS = (
    BULLETS | EMPTY_BOX | TICKED_BOX | frozenset().union(*(empty | ticked for empty, ticked in _FONT_CODES.values()))
)


def glyph_state(char: Char) -> bool | str | None:
    """True/False when ``char`` is a ticked/empty box glyph, "bullet" for a list bullet, else None."""
    text = char.text
    if text not in _MARK_CHARS:  # fast path: ordinary text (and anything not one char long)
        return None
    if text in BULLETS:
        return "bullet"
    if text in EMPTY_BOX:
        return False
    if text in TICKED_BOX:
        return True
    family = _family(char.fontname)
    if family:
        empty, ticked = _FONT_CODES[family]
        if text in empty:
            return False
        if text in ticked:
            return True
    return None


def is_box_shape(shape: Shape) -> bool:
    """A small, roughly square, stroked rectangle (or closed curve) that looks like a checkbox."""
    if shape.kind == "line":
        return False
    width, height = shape.x1 - shape.x0, shape.bottom - shape.top
    if not (4.0 <= width <= 18.0 and 4.0 <= height <= 18.0):
        return False
    return abs(width - height) <= 0.25 * max(width, height) and (shape.stroked or not shape.filled)


def _inside(x0: float, top: float, x1: float, bottom: float, box: Shape, pad: float = 1.5) -> bool:
    return x0 >= box.x0 - pad and x1 <= box.x1 + pad and top >= box.top - pad and bottom <= box.bottom + pad


class _XIndex:
    """Items (shapes or chars) ordered by ``x0``, to find those that may lie inside a box
    without testing every item against every box (CAD plans carry thousands of shapes).

    :meth:`near` returns a superset of the items that can pass :func:`_inside` for the box:
    an item with ``x0 <= x1`` can only be inside when its ``x0`` lies in the box's padded
    horizontal range; items without ``x0 <= x1`` (reversed or NaN) are always returned.
    """

    __slots__ = ("keys", "odd", "order")

    def __init__(self, items: Sequence[Shape | Char]) -> None:
        regular = [i for i, item in enumerate(items) if item.x0 <= item.x1]
        regular.sort(key=lambda i: items[i].x0)
        self.order = regular
        self.keys = [items[i].x0 for i in regular]
        self.odd = [i for i, item in enumerate(items) if not item.x0 <= item.x1]

    def near(self, box: Shape, pad: float) -> list[int]:
        """Indices of the items whose ``x0`` is within the box widened by ``pad``, plus odd ones."""
        lo = bisect_left(self.keys, box.x0 - pad)
        hi = bisect_right(self.keys, box.x1 + pad)
        return self.order[lo:hi] + self.odd if self.odd else self.order[lo:hi]


def shape_marks(shapes: tuple[Shape, ...], chars: tuple[Char, ...]) -> tuple[list[BoxMark], set[int]]:
    """Boxes drawn as vector squares; ticked when strokes or an x/✓ glyph lie inside.

    Returns the marks and the indices of chars consumed as ticks (not text).
    """
    marks: list[BoxMark] = []
    used: set[int] = set()
    is_box = [is_box_shape(s) for s in shapes]
    boxes = [s for s, flag in zip(shapes, is_box, strict=True) if flag]
    if not boxes:
        return marks, used
    boxes.sort(key=lambda s: (s.top, s.x0))
    kept: list[Shape] = []
    for box in boxes:  # the same box often arrives as a fill and a stroke: keep one
        if any(abs(box.x0 - k.x0) < 1 and abs(box.top - k.top) < 1 for k in kept):
            continue
        kept.append(box)
    shape_index = _XIndex(shapes)
    char_index = _XIndex(chars)
    for box in kept:
        # Only shapes/chars near the box can be inside it (see _XIndex); the conditions
        # themselves are the full ones.
        near = [(shapes[i], is_box[i]) for i in shape_index.near(box, 1.5)]
        ticked = any(
            s is not box
            and not flag
            and _inside(s.x0, s.top, s.x1, s.bottom, box)
            and (s.x1 - s.x0) + (s.bottom - s.top) > 0.3 * (box.x1 - box.x0)
            for s, flag in near
        ) or any(
            s is not box
            and s.filled
            and flag
            and _inside(s.x0, s.top, s.x1, s.bottom, box)
            and (s.x1 - s.x0) < 0.85 * (box.x1 - box.x0)
            for s, flag in near
        )
        for index in char_index.near(box, 2.5):
            char = chars[index]
            if char.text.strip() and _inside(char.x0, char.top, char.x1, char.bottom, box, pad=2.5):
                used.add(index)
                state = glyph_state(char)
                if char.text in _TYPED_TICKS or state is True:
                    ticked = True
        marks.append(BoxMark(box.x0, box.top, box.x1, box.bottom, ticked, "vector"))
    return marks, used


def glyph_marks(chars: tuple[Char, ...], skip: set[int]) -> tuple[list[BoxMark], set[int]]:
    """Boxes written as symbol-font glyphs; returns the marks and the indices of chars used."""
    marks: list[BoxMark] = []
    used: set[int] = set()
    mark_chars = _MARK_CHARS
    for index, char in enumerate(chars):
        if char.text not in mark_chars or index in skip:
            continue  # ordinary text: glyph_state would say None
        state = glyph_state(char)
        if isinstance(state, bool):
            marks.append(BoxMark(char.x0, char.top, char.x1, char.bottom, state, "glyph"))
            used.add(index)
    return marks, used


def widget_marks(annotations: tuple[Annotation, ...]) -> list[BoxMark]:
    """Boxes that are AcroForm checkbox or radio widgets, with their /AS or /V state."""
    return [
        BoxMark(a.x0, a.top, a.x1, a.bottom, a.checked, "widget")
        for a in annotations
        if a.kind in ("checkbox", "radio")
    ]


def drop_covered(marks: list[BoxMark], covering: list[BoxMark]) -> list[BoxMark]:
    """Marks not lying on one of ``covering`` (a widget usually sits on a drawn box)."""

    def overlaps(a: BoxMark, b: BoxMark) -> bool:
        return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom

    return [m for m in marks if not any(overlaps(m, c) for c in covering)]


def is_typed_tick(text: str) -> bool:
    """Whether a word is a typed tick ("x", "X", "[x]", "(X)")."""
    return text.strip("[]()") in _TYPED_TICKS
