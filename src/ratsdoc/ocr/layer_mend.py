"""A kept OCR layer mended word by word from Tesseract's reading of the same page.

A scan's own text layer is kept when it reads well as a whole (:mod:`.layer_quality`), but its
engine's misreadings stay in it: "Gerneinde", "Verwaltnng", a word split in two ("Besu
eheranseil"). Where Tesseract, reading the same pixels, put a German word in the place of a
layer word that is none, two readers disagree and only one of them gives a word: that one is
taken (a vote of two readers with the word list as the judge, as in ROVER-style combination of
OCR engines). Both readers' words are matched by their boxes on the page; the layer's word
stays wherever Tesseract is unsure of its word, reads no German word either, or read something
too far from the layer's letters to be the same print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from ..issues import Issue, IssueCode
from .layer_quality import WORD_EDGES
from .lexicon import is_german_word, lexicon

if TYPE_CHECKING:
    from ..layout.lines import Line, Token
    from .confidence import OcrDoubt

#: A word is judged when its letters (edges stripped) are at least this many.
MIN_LETTERS = 3
#: Tesseract's words may differ from the layer's in at most this share of their letters (and in
#: one letter whatever the length): misreadings change a letter or two ("rn"/"m", "ii"/"ü"), a
#: different word in the place of a misread one is no misreading.
MAX_EDIT_SHARE = 0.34
#: A word of one reading stands over a word of the other when their boxes overlap by this share of
#: the narrower one's width (deskewing moves Tesseract's boxes by a point or two).
MIN_OVERLAP = 0.3
_WORD = regex.compile(r"^\p{L}+(?:-\p{L}+)*$")
_RUN_ON = regex.compile(r"^\p{L}{3,}\d+$")


@dataclass(frozen=True, slots=True)
class Mend:
    """One place where Tesseract's words replaced the layer's: what each read."""

    page: int
    layer: str
    fresh: str


def mend_layer(
    layer: Sequence[Line], fresh: Sequence[Line], unsure: Sequence[OcrDoubt] = ()
) -> tuple[list[Line], list[Mend]]:
    """``layer``, a kept OCR layer's lines, with every group of its words that holds a word which
    is no German word replaced by Tesseract's words in the same place (``fresh``, the lines of
    Tesseract's reading of that page) when those are all German words, close to the layer's
    letters and not among the words Tesseract read unsure (``unsure``). Returns the lines (the
    same objects, their tokens replaced) and what was replaced. Without a word list nothing is."""
    words = lexicon()
    mends: list[Mend] = []
    if words is None:
        return list(layer), mends
    for line in layer:
        candidates = [t for other in fresh if _same_row(line, other) for t in other.tokens]
        if not candidates:
            continue
        tokens = list(line.tokens)
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            group = _group(tokens, i, candidates)
            if group is None:
                out.append(tokens[i])
                i += 1
                continue
            end, over = group
            ours = tokens[i:end]
            if _mendable(ours, over, unsure, line.page, words):
                out.extend(_moved(ours, over))
                mends.append(Mend(line.page, " ".join(t.text for t in ours), " ".join(t.text for t in over)))
            else:
                out.extend(ours)
            i = end
        if out != tokens:
            line.tokens = out
    return list(layer), mends


#: The mends a warning quotes at most.
QUOTED = 3


def layer_mended(page: int, mends: Sequence[Mend]) -> Issue:
    """The note that ``mends`` of page ``page``'s kept layer were taken from Tesseract's reading."""
    quoted = ", ".join(f'"{m.layer}" → "{m.fresh}"' for m in mends[:QUOTED])
    more = f" and {len(mends) - QUOTED} more" if len(mends) > QUOTED else ""
    return Issue(
        IssueCode.OCR_LAYER_MENDED,
        f"page {page}: {len(mends)} misread word(s) of the scan's text layer were taken from a fresh OCR "
        f"reading that gives German words ({quoted}{more})",
        page,
    )


def _same_row(line: Line, other: Line) -> bool:
    """Whether ``other`` (Tesseract's) is the row of ``line`` (the layer's): its middle lies
    within ``line``'s height on the same page."""
    middle = (other.top + other.bottom) / 2
    return other.page == line.page and line.top <= middle <= line.bottom


def _overlaps(a: Token, b: Token) -> bool:
    width = min(a.x1 - a.x0, b.x1 - b.x0)
    return width > 0 and min(a.x1, b.x1) - max(a.x0, b.x0) >= MIN_OVERLAP * width


def _group(tokens: Sequence[Token], start: int, candidates: Sequence[Token]) -> tuple[int, list[Token]] | None:
    """The layer's tokens from ``start`` and Tesseract's ``candidates`` that overlap them, grown
    until neither side has a word overlapping the other side's last word; None when no
    candidate overlaps ``tokens[start]``."""
    over = [c for c in candidates if _overlaps(tokens[start], c)]
    if not over:
        return None
    end = start + 1
    while True:
        grown = False
        while end < len(tokens) and any(_overlaps(tokens[end], c) for c in over):
            end += 1
            grown = True
        more = [c for c in candidates if c not in over and any(_overlaps(t, c) for t in tokens[start:end])]
        if more:
            over = sorted([*over, *more], key=lambda t: t.x0)
            grown = True
        if not grown:
            return end, over


def _core(text: str) -> str:
    return text.strip(WORD_EDGES)


def _german(text: str, words: frozenset[str]) -> bool | None:
    """Whether ``text`` is a German word; None when it is no word to judge (a number, a sign, a
    short word, a word in capitals)."""
    core = _core(text)
    if not _WORD.match(core) or len(core) < MIN_LETTERS or core.isupper():
        return None
    return all(is_german_word(part, words) for part in core.split("-") if len(part) >= MIN_LETTERS)


def _mendable(
    ours: Sequence[Token], over: Sequence[Token], unsure: Sequence[OcrDoubt], page: int, words: frozenset[str]
) -> bool:
    if any(t.box is not None or t.bullet for t in (*ours, *over)):
        return False
    if not any(_german(t.text, words) is False or _run_on(t.text) for t in ours):
        return False
    judged = [_german(t.text, words) for t in over]
    if not any(judged) or any(j is False for j in judged):
        return False
    # Numbers and signs Tesseract read must stand in the layer too: only the words are voted on.
    ours_text = "".join(t.text for t in ours)
    if any(j is None and _core(t.text) and _core(t.text) not in ours_text for t, j in zip(over, judged, strict=True)):
        return False
    if any(_unsure(t, unsure, page) for t in over):
        return False
    left, right = ours_text, "".join(t.text for t in over)
    return edit_distance(left, right) <= max(1, int(MAX_EDIT_SHARE * len(right)))


def _run_on(text: str) -> bool:
    """Whether ``text`` is a word with a number run onto it ('Parkgiirtel24'): a misreading of
    two words, or of letters as digits."""
    return bool(_RUN_ON.match(_core(text)))


def _unsure(token: Token, unsure: Sequence[OcrDoubt], page: int) -> bool:
    return any(
        d.page == page
        and min(d.x1, token.x1) - max(d.x0, token.x0) > 0
        and min(d.bottom, token.bottom) - max(d.top, token.top) > 0
        for d in unsure
    )


def _moved(ours: Sequence[Token], over: Sequence[Token]) -> list[Token]:
    """Tesseract's words ``over`` in the layer's row: their letters and left-right places, the
    layer's heights, size and weight (the row's geometry stays the layer's)."""
    first = ours[0]
    top, bottom = min(t.top for t in ours), max(t.bottom for t in ours)
    x0, x1 = first.x0, ours[-1].x1
    placed = []
    for k, token in enumerate(over):
        left = x0 if k == 0 else max(token.x0, x0)
        right = x1 if k == len(over) - 1 else min(token.x1, x1)
        placed.append(replace(first, text=token.text, x0=left, x1=max(right, left), top=top, bottom=bottom))
    return placed


def edit_distance(a: str, b: str) -> int:
    """The Levenshtein distance of ``a`` and ``b``: insertions, deletions and substitutions of
    one character, each counting one."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
