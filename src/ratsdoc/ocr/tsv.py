"""Tesseract's words: the settings every engine shares and its TSV output read into words (rules
and box edges dropped, dashes told apart by their length)."""

from __future__ import annotations

import csv
import io
import os
import threading
from dataclasses import dataclass

import regex

#: Tesseract language(s) to read with.
LANGUAGE = "deu"
#: Render resolution for OCR and pixel checkboxes: Tesseract's LSTM is trained on ~300 dpi text.
OCR_DPI = 300
#: Page segmentation mode 4: "a single column of text of variable sizes" keeps table rows
#: together as lines, which is what the row-based later stages want.
PSM = "4"
#: Words Tesseract reads from table rules and box edges, not text.
_RULE_WORD = regex.compile(r"^[|\[\]{}_—–~=\-]+$")
#: A word that is one dash (Tesseract sometimes doubles it: "—-"): punctuation or a piece of a
#: rule, told apart by its size.
_DASH_WORD = regex.compile(r"^[-–—]{1,2}$")
#: Width of a lone dash, as a share of its line's height, below which it is a hyphen, an en
#: dash, an em dash; wider ones are rules. A line box spans ascenders to descenders (about
#: 1.1 em); the hyphen's ink is about 0.3 em wide, the en dash's 0.5 em, the em dash's 1 em.
HYPHEN_MAX, EN_DASH_MAX, EM_DASH_MAX = 0.38, 0.75, 1.3
#: A dash is a flat stroke: no taller than this share of its width or of its line's height
#: (a hyphen is short, so the second bound is the one that admits it). An arrow's head is taller.
DASH_THICKNESS, DASH_THICKNESS_LINE = 0.3, 0.12
#: Tesseract processes this process runs at once, whatever the parses in its threads ask for:
#: each is single-threaded, so more than one per core only makes them take turns.
TESSERACT_SLOTS = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word as Tesseract read it, in pixels, with its line's vertical extent."""

    text: str
    left: int
    top: int
    width: int
    height: int
    line_top: int
    line_bottom: int
    confidence: float


def parse_tsv(tsv: str) -> list[OcrWord]:
    """Words from Tesseract's TSV output, each with the box of the line it belongs to."""
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    lines: dict[tuple[str, str, str], tuple[int, int]] = {}
    for row in rows:
        if row.get("level") == "4":
            top = int(row["top"])
            lines[(row["block_num"], row["par_num"], row["line_num"])] = (top, top + int(row["height"]))
    words: list[OcrWord] = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        confidence = float(row["conf"])
        top, height, width = int(row["top"]), int(row["height"]), int(row["width"])
        line_top, line_bottom = lines.get((row["block_num"], row["par_num"], row["line_num"]), (top, top + height))
        if _DASH_WORD.match(text):
            # Tesseract reads every dash as "-"; the en dash between "Anlage 1" and its title
            # is only told from a hyphen by its length. A taller mark is an arrow ("Ja →").
            dash = dash_for_width(width, height, line_bottom - line_top)
            if dash is None or confidence < 30:
                continue
            text = dash
        elif _RULE_WORD.match(text) or (confidence < 30 and len(text) <= 2 and not text.isalnum()):
            continue  # table rules, box edges and specks read as characters
        words.append(OcrWord(text, int(row["left"]), top, width, height, line_top, line_bottom, confidence))
    return words


def dash_for_width(width: int, height: int, line_height: int) -> str | None:
    """The dash a lone dash word (``width`` × ``height`` pixels, on a line ``line_height``
    pixels high) is: "-", "–" or "—"; None when it is no dash — too long (a piece of a rule)
    or too tall for a dash's stroke (an arrow)."""
    if height > DASH_THICKNESS * width and height > DASH_THICKNESS_LINE * line_height:
        return None
    ratio = width / max(line_height, 1)
    if ratio < HYPHEN_MAX:
        return "-"
    if ratio < EN_DASH_MAX:
        return "–"
    return "—" if ratio <= EM_DASH_MAX else None


#: An orientation Tesseract gives with less confidence than this is not acted on (upright
#: text scored 12–13 on the scans; a page of stamps or a table of digits scores below 2).
OSD_MIN_CONFIDENCE = 2.0
