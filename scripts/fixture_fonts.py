"""The fixtures' typefaces and text setting: finding the TrueType files, the Wingdings/Symbol
substitute face, the regular and bold faces in use (:data:`REG`, :data:`BOLD`), and measuring,
wrapping and soft-hyphenating text in them.

:func:`use_faces` rebinds :data:`REG` and :data:`BOLD`, so the drawing code reads them through
this module (``fixture_fonts.REG``), never as names imported from it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as RLTTFont

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/dejavu"),
)

REG = "LiberationSans"
BOLD = "LiberationSans-Bold"
#: The reportlab names of the fixtures' own faces (REG and BOLD name the faces in use, see use_faces).
DEFAULT_FACES = (REG, BOLD)
SYM = "SymbolSubst"

# The private-use code points of Wingdings and Symbol that SymbolSubst draws (build_symbol_font).
EMPTY_PUA = "\uf0a8"
TICK_PUA_X = "\uf0fd"
TICK_PUA_WINGDINGS_X = "\uf078"
TICK_PUA_CHECK = "\uf0fe"
BULLET_PUA = "\uf0b7"
SHY = "\u00ad"  # soft hyphen: a permitted syllable break (wrap)

Block = str | tuple[str, ...]  # a paragraph, or a bullet list


def find_font(filename: str) -> Path:
    """The path of a TrueType file of the fonts-liberation or fonts-dejavu packages; exits if missing."""
    for directory in FONT_DIRS:
        path = directory / filename
        if path.exists():
            return path
    sys.exit(f"font {filename} not found; install it with: apt-get install fonts-liberation fonts-dejavu")


def build_symbol_font(dest: Path) -> Path:
    """Copy DejaVu Sans, give the Wingdings/Symbol PUA code points box and bullet glyphs."""
    from fontTools.ttLib import TTFont

    font = TTFont(find_font("DejaVuSans.ttf"), recalcTimestamp=False)
    best = font.getBestCmap()
    pua_to_source = {
        0xF0A8: 0x2610,  # Wingdings empty box -> BALLOT BOX
        0xF0FD: 0x2612,  # Wingdings box with X -> BALLOT BOX WITH X
        0xF078: 0x2612,  # Wingdings "x" -> BALLOT BOX WITH X
        0xF0FE: 0x2611,  # Wingdings box with check -> BALLOT BOX WITH CHECK
        0xF0B7: 0x2022,  # Symbol bullet -> BULLET
    }
    for table in font["cmap"].tables:
        if table.isUnicode() and table.format in (4, 12):
            for pua, source in pua_to_source.items():
                table.cmap[pua] = best[source]
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(SYM, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(SYM, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{SYM} fixture", 3, record.platformID, record.platEncID, record.langID)
    path = dest / "SymbolSubst.ttf"
    font.save(path)
    return path


def register_fonts(tmp: Path) -> None:
    """Register Liberation Sans and SymbolSubst (built into ``tmp``) with reportlab, once a process."""
    if DEFAULT_FACES[0] in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(RLTTFont(DEFAULT_FACES[0], str(find_font("LiberationSans-Regular.ttf"))))
    pdfmetrics.registerFont(RLTTFont(DEFAULT_FACES[1], str(find_font("LiberationSans-Bold.ttf"))))
    pdfmetrics.registerFont(RLTTFont(SYM, str(build_symbol_font(tmp))))


def use_faces(regular: Path, bold: Path) -> None:
    """Draw the builders' regular and bold text in these TrueType files from now on.

    reportlab keeps the first font registered under a name and ignores a second
    (``pdfmetrics.registerFont``), so each face is registered under a name of its own, its
    PostScript name (the fixtures' "LiberationSans" too: a face registered once more under
    another name would be drawn under the first one's), and :data:`REG` / :data:`BOLD` are
    pointed at the pair in use."""
    global REG, BOLD
    REG, BOLD = _registered_face(regular), _registered_face(bold)


@cache
def _registered_face(path: Path) -> str:
    """The PostScript name of the TrueType file ``path``, registered under it once."""
    name = RLTTFont(path.stem, str(path)).face.name
    name = name.decode("ascii") if isinstance(name, bytes) else str(name)
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(RLTTFont(name, str(path)))
    return name


@contextmanager
def fixture_faces() -> Iterator[None]:
    """Draw in the fixtures' Liberation Sans inside the block, then in the faces used before."""
    global REG, BOLD
    used = REG, BOLD
    REG, BOLD = DEFAULT_FACES
    try:
        yield
    finally:
        REG, BOLD = used


def default_faces() -> None:
    """Back to the fixtures' Liberation Sans (:func:`register_fonts`) after :func:`use_faces`."""
    global REG, BOLD
    REG, BOLD = DEFAULT_FACES


def width(text: str, font: str | None = None, size: float = 10.0) -> float:
    """The width of ``text`` in points, by default in the regular face in use."""
    return pdfmetrics.stringWidth(text, font or REG, size)


def wrap(text: str, max_width: float, font: str | None = None, size: float = 10.0) -> list[str]:
    """Greedy word wrap.

    Never breaks after a word ending in a real hyphen ("Rad- und"), so a line end
    hyphen always means a syllable break; soft hyphens (U+00AD) mark permitted
    syllable breaks and are rendered as "-" at a line end.
    """
    words: list[str] = []
    for token in text.split(" "):
        if words and len(words[-1]) > 1 and words[-1].endswith("-"):
            words[-1] += " " + token
        else:
            words.append(token)

    def fits(candidate: str) -> bool:
        return width(candidate.replace(SHY, ""), font, size) <= max_width

    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if fits(candidate):
            current = candidate
            continue
        parts = word.split(SHY)
        for cut in range(len(parts) - 1, 0, -1):
            head = "".join(parts[:cut]) + "-"
            attempt = f"{current} {head}" if current else head
            if fits(attempt):
                lines.append(attempt)
                current = SHY.join(parts[cut:])
                break
        else:
            if current:
                lines.append(current)
            current = word
    if current:
        lines.append(current)
    return [line.replace(SHY, "") for line in lines]


def soft_hyphenate(block: Block, words: Sequence[str]) -> Block:
    """Insert soft hyphens at the "|" marks of ``words`` wherever they occur."""
    if isinstance(block, tuple):
        return tuple(str(soft_hyphenate(item, words)) for item in block)
    for marked in words:
        block = block.replace(marked.replace("|", ""), marked.replace("|", SHY))
    return block
