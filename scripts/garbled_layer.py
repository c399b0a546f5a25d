"""The ``garbled-layer`` family of ``generate_variants.py``: born-digital papers whose text layer
cannot be read, though every page looks perfect.

Archives hold many PDFs from old print drivers, PDFCreator/Ghostscript and office exports whose
fonts have no /ToUnicode map, or a wrong one: the text extracts as "(cid:12)", as control
characters where the umlauts were, shifted by a constant ("Bqusbh" for "Antrag"), in a
consistent substitution of letters, in private-use code points or as symbols. Often only some
fonts of a page are broken (the bold headings, or the body), or only some pages.

The paper is one of the born-digital families' (letters, Anträge, Anfragen, Vorlagen of
ALLRIS, SessionNet, SD.NET and a Kreistag, answers, joint papers, citizens' papers; reportlab
or fpdf2, 1–4 pages); its golden is that family's, untouched: the page shows what it showed.
Then, with pikepdf, drawn from a generator of its own, the text layer is broken:

- ``missing``: the fonts' /ToUnicode is deleted. An Identity-H font (fpdf2) then gives
  "(cid:NN)" for every glyph; a simple TrueType subset (reportlab) keeps its ASCII letters and
  loses the umlauts and "ß" to control characters ("F\\x01rth").
- ``shift``: the map gives each glyph the code point of its character plus a constant (1, 2, 3,
  29 or −29, space included).
- ``substitution``: letters map consistently to other letters of their case, digits to other
  digits; spaces and punctuation stay.
- ``pua``: every glyph maps into the private-use area (U+F000 + code, as symbol fonts do).
- ``symbols``: every letter, digit and punctuation mark maps to an arrow or a mathematical
  operator (←, ∆, ≈, ...), one to one.

What is broken: every font, the bold fonts only (headings, labels), the regular fonts only (the
body), or every font on some pages only (a font shared by several pages is copied for the
broken ones). Not drawn: Type3 fonts, and a re-encoded simple font whose codes are not ASCII
(its glyphs extract as arbitrary characters, a case the ``shift`` and ``symbols`` maps stand for).
"""

from __future__ import annotations

import random
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf

#: The kinds of breakage, with their weights.
MODES = (("missing", 3), ("shift", 3), ("substitution", 2), ("pua", 1), ("symbols", 1))
#: Which fonts are broken, with their weights.
SCOPES = (("all", 4), ("bold", 2), ("regular", 2), ("pages", 2))
SHIFTS = (1, 2, 3, 29, -29)
#: Symbols a wrong map gives the glyphs: arrows, mathematical operators and dingbats, one each.
_SYMBOLS = "".join(chr(c) for c in (*range(0x2190, 0x21F0), *range(0x2200, 0x2260)))
_LOWER = "abcdefghijklmnopqrstuvwxyzäöüß"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"
_DIGITS = "0123456789"
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_CODESPACE = re.compile(rb"begincodespacerange(.*?)endcodespacerange", re.S)


def _weighted(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([c for c, _ in choices], [w for _, w in choices])[0]


def read_cmap(data: bytes) -> tuple[dict[int, str], int]:
    """The code → text map of a ToUnicode CMap (bfchar and bfrange), and its code width in bytes."""
    found: dict[int, str] = {}
    space = _CODESPACE.search(data)
    width = 1
    if space:
        first = _HEX.search(space.group(1))
        width = max(1, len(first.group(1)) // 2) if first else 1
    for block in _BFCHAR.findall(data):
        hexes = _HEX.findall(block)
        for code, text in zip(hexes[::2], hexes[1::2], strict=False):
            found[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be", "replace")
    for block in _BFRANGE.findall(data):
        for line in block.splitlines():
            hexes = _HEX.findall(line)
            if len(hexes) < 3:
                continue
            low, high = int(hexes[0], 16), int(hexes[1], 16)
            if b"[" in line:
                for offset, text in enumerate(hexes[2:]):
                    found[low + offset] = bytes.fromhex(text.decode()).decode("utf-16-be", "replace")
                continue
            start = int(hexes[2], 16)
            for offset in range(high - low + 1):
                found[low + offset] = chr(start + offset)
    return {code: text for code, text in found.items() if text and text != "\x00"}, width


def write_cmap(mapping: dict[int, str], width: int) -> bytes:
    """A ToUnicode CMap for ``mapping`` (codes of ``width`` bytes)."""
    digits = 2 * width
    lines = []
    for code, text in sorted(mapping.items()):
        units = text.encode("utf-16-be").hex().upper()
        lines.append(f"<{code:0{digits}X}> <{units}>")
    chunks = []
    for start in range(0, len(lines), 100):
        part = lines[start : start + 100]
        chunks.append(f"{len(part)} beginbfchar\n" + "\n".join(part) + "\nendbfchar")
    top = "F" * digits
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        f"1 begincodespacerange\n<{'0' * digits}> <{top}>\nendcodespacerange\n"
        + "\n".join(chunks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode()


def wrong_map(mode: str, rng: random.Random) -> Callable[[str], str]:
    """The character each true character becomes in a wrong map of kind ``mode``."""
    if mode == "shift":
        k = rng.choice(SHIFTS)
        return lambda text: "".join(chr(max(ord(c) + k, 1)) for c in text)
    if mode == "pua":
        return lambda text: "".join(chr(0xF000 + (ord(c) & 0xFF)) for c in text)
    table: dict[str, str] = {}
    if mode == "substitution":
        for alphabet in (_LOWER, _UPPER, _DIGITS):
            shuffled = list(alphabet)
            while any(a == b for a, b in zip(shuffled, alphabet, strict=True)):
                rng.shuffle(shuffled)
            table.update(zip(alphabet, shuffled, strict=True))
    else:  # symbols: one to one, as a font's codes are
        pool = list(_SYMBOLS)
        rng.shuffle(pool)
        table.update(zip(_LOWER + _UPPER + _DIGITS + ".,:;-/()§–", pool, strict=False))
    return lambda text: "".join(table.get(c, c) for c in text)


def _is_bold(font: pikepdf.Dictionary) -> bool:
    return "bold" in str(font.get("/BaseFont", "")).lower()


def break_font(pdf: pikepdf.Pdf, font: pikepdf.Dictionary, mode: str, convert: Callable[[str], str]) -> bool:
    """Break ``font``'s ToUnicode map in place; False when it has none to break."""
    if "/ToUnicode" not in font:
        return False
    if mode == "missing":
        del font["/ToUnicode"]
        return True
    mapping, width = read_cmap(font.ToUnicode.read_bytes())
    if not mapping:
        return False
    font.ToUnicode = pdf.make_stream(write_cmap({code: convert(text) for code, text in mapping.items()}, width))
    return True


def garble(source: Path, out: Path, rng: random.Random) -> str:
    """Write ``source`` with its text layer broken (see the module docstring) to ``out``; the
    breakage in words."""
    mode = _weighted(rng, MODES)
    scope = _weighted(rng, SCOPES)
    convert = wrong_map(mode, rng)
    with pikepdf.open(source) as pdf:
        pages = list(pdf.pages)
        chosen = set(range(len(pages)))
        if scope == "pages" and len(pages) > 1:
            chosen = set(rng.sample(range(len(pages)), rng.randint(1, len(pages) - 1)))
        elif scope == "pages":
            scope = "all"
        broken: dict[tuple[int, int], Any] = {}
        count = 0
        for index, page in enumerate(pages):
            if index not in chosen:
                continue
            resources = page.obj.get("/Resources")
            if resources is None or "/Font" not in resources:
                continue
            if scope == "pages":
                # A font shared with pages left whole is copied for this page.
                resources = pdf.make_indirect(pikepdf.Dictionary(resources))
                page.obj.Resources = resources
                resources.Font = pikepdf.Dictionary(resources.Font)
            for name, font in list(resources.Font.items()):
                if (scope == "bold" and not _is_bold(font)) or (scope == "regular" and _is_bold(font)):
                    continue
                if scope == "pages":
                    font = pdf.make_indirect(pikepdf.Dictionary(font))
                    resources.Font[name] = font
                key = font.objgen
                if key in broken and key != (0, 0):
                    continue
                broken[key] = font
                count += break_font(pdf, font, mode, convert)
        if not count:
            # Nothing of the chosen scope could be broken (a paper without bold type): every font.
            for page in pages:
                for font in page.obj.Resources.get("/Font", {}).values():
                    if font.objgen not in broken:
                        broken[font.objgen] = font
                        count += break_font(pdf, font, mode, convert)
            scope = "all"
        pdf.save(out)
    return f"{mode} {scope} ({count} font(s))"


def garbled_layer(
    builders: tuple[Callable[[random.Random, Path], dict[str, Any]], ...], rng: random.Random, out: Path
) -> dict[str, Any]:
    """One of ``builders``' papers into ``out`` with its text layer broken; its golden."""
    build = builders[rng.randrange(len(builders))]
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{out.stem}-source.pdf"
        record = build(rng, source)
        # The breakage draws from a generator of its own: the paper is drawn as its family draws it.
        garble(source, out, random.Random(rng.getrandbits(64)))
    return record
