"""Second stage: a page's chars and marks become tokens (words, checkboxes, bullets) and lines."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from operator import attrgetter, itemgetter

from ..text.normalize import normalize_text
from .marks import BULLETS, BoxMark, drop_covered, glyph_marks, shape_marks, widget_marks
from .model import UNKNOWN_BLOCK, Char, Marks, Page, Shape

#: A gap wider than this share of the font size splits a word (pdfplumber uses 3 pt absolute;
#: relative to size it holds for small print and headings alike).
WORD_GAP = 0.2
#: Before a capital after a small letter (or a comma) a narrower gap splits a word: a space kerned
#: with the capital after it (" A" in Liberation Serif, as a browser sets it without a space
#: glyph) leaves less than WORD_GAP, while within a word a capital after a small letter ("AfD")
#: stands close. So does a letter after a digit ("3a" is set tight; an item's number that fills
#: its tab stop stands that little apart from its title).
CAPITAL_GAP = 0.12
#: Signs a space follows before a capital ("Mühlenteich, Aufstellungsbeschluss").
_BEFORE_SPACE = frozenset(",;:)")
#: A gap wider than this share of the font size splits a line into segments (table cells,
#: columns, tab stops). Justified text stretches spaces to about 0.6 of the size.
SEGMENT_GAP = 1.2


@dataclass(frozen=True, slots=True)
class Token:
    """A word, a list bullet or a checkbox on a line (``box`` set for checkboxes)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    box: BoxMark | None = None
    bullet: bool = False
    #: A vertical rule (a cell's or a frame's side) runs between this token and the one before
    #: it on its line: a segment starts here, however narrow the gap (layout/cells.py).
    ruled: bool = False
    #: A horizontal rule runs through the middle of its letters: the word is struck through (an
    #: item a changed agenda takes off, layout/ruled_cells.py).
    struck: bool = False
    #: In a tagged PDF, the MCID its first glyph was drawn in and its page's marks, which lead
    #: to its structure element (:attr:`block`).
    mcid: int = -1
    marks: Marks | None = field(default=None, compare=False, repr=False)

    @property
    def block(self) -> int:
        """The paragraph-like structure element of a tagged PDF the word was drawn for, by an id
        that is the same on every page; -1 when unknown (untagged, scanned, outside the tree)."""
        marks = self.marks
        return marks.block(self.mcid) if marks is not None and self.mcid >= 0 else UNKNOWN_BLOCK


class Line:
    """Tokens sharing a baseline, left to right, on one page.

    ``tokens`` is a tuple and is only ever replaced as a whole (assign a new sequence): the box
    is computed when it is set, the text and the words on first use, and all are kept until the
    next assignment, because every extractor reads them again for every line (a Wortprotokoll
    has 4,000 lines).
    """

    __slots__ = ("_text", "_tokens", "_words", "bottom", "furniture", "page", "top", "x0", "x1")

    #: Edges of the box around the tokens (0.0 for a line without tokens).
    x0: float
    top: float
    x1: float
    bottom: float

    def __init__(self, page: int, tokens: Iterable[Token] = (), furniture: bool = False) -> None:
        self.page = page
        self.furniture = furniture
        self.tokens = tokens

    def __repr__(self) -> str:
        return f"Line(page={self.page}, tokens={self._tokens!r}, furniture={self.furniture})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Line):
            return NotImplemented
        return (self.page, self._tokens, self.furniture) == (other.page, other._tokens, other.furniture)

    __hash__ = None  # type: ignore[assignment]  # mutable (furniture, tokens), as a dataclass

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens, left to right once :func:`page_lines` has sorted them."""
        return self._tokens

    @tokens.setter
    def tokens(self, tokens: Iterable[Token]) -> None:
        self._tokens = tokens = tuple(tokens)
        self._text: str | None = None
        self._words: tuple[Token, ...] | None = None
        # The box is read far more often than the tokens change: computed here once and then
        # read as plain attributes (a property per edge costs a call on every read).
        if tokens:
            self.x0, self.top = min(t.x0 for t in tokens), min(t.top for t in tokens)
            self.x1, self.bottom = max(t.x1 for t in tokens), max(t.bottom for t in tokens)
        else:
            self.x0 = self.top = self.x1 = self.bottom = 0.0

    @property
    def size(self) -> float:
        """Font size of the words (the largest one)."""
        return max((t.size for t in self._tokens if t.box is None), default=10.0)

    @property
    def text_size(self) -> float:
        """Font size of most of the words (the median): on a scan a mark read as a large word
        ("®)" beside "Sehr geehrter") makes :attr:`size` large, not this."""
        sizes = sorted(t.size for t in self._tokens if t.box is None)
        return sizes[len(sizes) // 2] if sizes else 10.0

    @property
    def words(self) -> tuple[Token, ...]:
        """Word tokens only (no boxes, no bullets)."""
        words = self._words
        if words is None:
            words = self._words = tuple(t for t in self._tokens if t.box is None and not t.bullet)
        return words

    @property
    def text(self) -> str:
        """The words of the line joined by single spaces."""
        text = self._text
        if text is None:
            text = self._text = " ".join(t.text for t in self.words)
        return text

    def segments(self, gap: float = SEGMENT_GAP) -> list[list[Token]]:
        """Runs of word tokens separated by gaps wider than ``gap`` × font size, by a box or by
        a vertical rule."""
        runs: list[list[Token]] = []
        current: list[Token] = []
        for token in self.tokens:
            if token.box is not None or token.bullet:
                if current:
                    runs.append(current)
                current = []
                continue
            if current and (token.ruled or token.x0 - current[-1].x1 > gap * max(token.size, current[-1].size)):
                runs.append(current)
                current = []
            current.append(token)
        if current:
            runs.append(current)
        return runs


def mostly_bold(line: Line) -> bool:
    """Whether most of the letters of ``line``'s words are bold (a bold heading with a regular
    number or paper reference beside it still is)."""
    return sum(len(t.text) for t in line.words if t.bold) * 2 > sum(len(t.text) for t in line.words)


def all_bold(line: Line) -> bool:
    """Whether every word of ``line`` is bold (and it has words)."""
    return bool(line.words) and all(t.bold for t in line.words)


def after_first_cell(line: Line) -> Line | None:
    """The segments of ``line`` after its first, as one line (a form's field beside its label's
    cell); None when the line is one segment."""
    segments = line.segments()
    if len(segments) < 2:
        return None
    return Line(line.page, [token for segment in segments[1:] for token in segment])


def tokens_text(tokens: Iterable[Token]) -> str:
    """The words of ``tokens`` (a segment, a cell) joined by single spaces."""
    return " ".join(t.text for t in tokens)


@lru_cache(maxsize=1024)
def _is_bold(fontname: str) -> bool:
    lowered = fontname.lower()
    return any(k in lowered for k in ("bold", "black", "heavy", ",b", "-bd", "semibold"))


#: ``normalize_text`` is pure and words repeat ("der", "die", "und"): memoised per process.
_normalize = lru_cache(maxsize=16384)(normalize_text)
_BY_X0 = attrgetter("x0")
# Char fields by position: a named tuple's fields read faster by index than by name, and
# these keys run once per char of every page.
_CHAR_BY_BOTTOM_X0 = itemgetter(4, 1)
_CHAR_BY_X0 = itemgetter(1)
_CHAR_BAND = itemgetter(2, 4)


def _cluster_rows(chars: list[Char]) -> list[list[Char]]:
    """Group chars into rows by vertical overlap of their boxes (tolerant of mixed sizes).

    A char joins the most recent of the last three rows whose band it overlaps by at least
    half of the smaller height, unless that row holds a line of words right above or below it
    (:func:`_stacked`): a row's band grows with each line it takes, and beside a column whose
    baselines differ it would take the next line of the same column too, its glyphs then read
    interleaved with the first line's ("B Be au arabnetritäugnegn"). (``min``/``max`` are spelt
    as conditionals for speed; they pick the same operand as the builtins would.)

    Chars come sorted by bottom, so those of one line in one font arrive in a run with the
    same band; such a run is placed at once. That is the char-by-char result: once the first
    char of the run is placed, its row contains the band (its overlap is the char's full
    height) and the rows after it, unchanged, still miss it. The exception is a char flatter
    than 0.1 pt, which the half-overlap test may place differently: those go one by one.
    """
    rows: list[list[Char]] = []
    tops: list[float] = []
    bottoms: list[float] = []
    spans: list[list[tuple[float, float, float]]] = []  # per row: (top, x0, x1) of its lines' runs of words
    for (ctop, cbottom), run in groupby(sorted(chars, key=_CHAR_BY_BOTTOM_X0), key=_CHAR_BAND):
        same = list(run)
        height = cbottom - ctop
        flat = not height >= 0.1  # also NaN
        if height < 0.1:
            height = 0.1
        for batch in ([c] for c in same) if flat else (same,):
            n = len(rows)
            i = n - 1
            stop = n - 4 if n > 3 else -1
            own = _word_runs(batch, ctop, height)
            while i > stop:
                top, bottom = tops[i], bottoms[i]
                band = bottom - top
                overlap = (cbottom if cbottom < bottom else bottom) - (ctop if ctop > top else top)
                if overlap >= 0.5 * (band if band < height else height) and not _stacked(spans[i], own, height):
                    rows[i].extend(batch)
                    spans[i].extend(own)
                    if ctop < top:
                        tops[i] = ctop
                    if cbottom > bottom:
                        bottoms[i] = cbottom
                    break
                i -= 1
            else:
                rows.append(list(batch))
                tops.append(ctop)
                bottoms.append(cbottom)
                spans.append(own)
    return rows


#: A run of at least this many glyphs is a line's words (an accent drawn over its letter, a
#: superscript or a mark is fewer).
_RUN_GLYPHS = 3
#: Lines whose tops differ by this share of the height stand one under the other.
_STACK_SHIFT = 0.3
#: Lines one under the other overlap by this many points across at least.
_STACK_OVERLAP = 2.0


def _word_runs(batch: list[Char], top: float, height: float) -> list[tuple[float, float, float]]:
    """The runs of glyphs of ``batch`` (one band, from ``top``) that stand close together across
    (gaps under ``height``), of three glyphs or more, as (top, x0, x1)."""
    if len(batch) < _RUN_GLYPHS:
        return []
    runs: list[tuple[float, float, float]] = []
    x0 = x1 = 0.0
    count = 0
    for char in batch:  # a batch comes in x order (chars sorted by bottom, then x; one band)
        if count and char.x0 - x1 <= height:
            count += 1
            x1 = char.x1 if char.x1 > x1 else x1
            continue
        if count >= _RUN_GLYPHS:
            runs.append((top, x0, x1))
        x0, x1, count = char.x0, char.x1, 1
    if count >= _RUN_GLYPHS:
        runs.append((top, x0, x1))
    return runs


def _stacked(row: list[tuple[float, float, float]], own: list[tuple[float, float, float]], height: float) -> bool:
    """Whether a run of ``own`` stands right above or below a run of the ``row`` across the same
    place (they overlap by more than a sliver across, their tops apart by a share of the height):
    two lines of one column, not one line."""
    for top, x0, x1 in own:
        for other_top, other_x0, other_x1 in row:
            shift = top - other_top
            if shift < 0:
                shift = -shift
            if (
                shift > _STACK_SHIFT * height
                and (x1 if x1 < other_x1 else other_x1) - (x0 if x0 > other_x0 else other_x0) > _STACK_OVERLAP
            ):
                return True
    return False


#: A run of a row in type this much smaller than the row's largest is a side column's own print
#: (10 pt beside a letter's 11 pt: its "Datum" over the date within the letter line's band).
_SMALLER = 0.95


def _split_stacked(row: list[Char]) -> list[list[Char]]:
    """A row split where, beyond a column gap, its chars stand in lines of their own: a side
    column in small print (a business letter's company data) beside a line of the text, whose
    band holds two or three of its lines. Those become rows of their own; the rest stays one
    row (its cells are the line's segments). A row no taller than one and a half of its flattest
    glyph has no stacked lines and is returned as it is."""
    top = min(char.top for char in row)
    bottom = max(char.bottom for char in row)
    if bottom - top < 1.5 * min(char.bottom - char.top for char in row):
        return [row]
    runs: list[list[Char]] = []
    right = -float("inf")
    for char in sorted(row, key=_CHAR_BY_X0):
        if not runs or char.x0 - right > SEGMENT_GAP * max(char.size, 1.0):
            runs.append([])
            right = char.x1
        runs[-1].append(char)
        right = max(right, char.x1)
    if len(runs) < 2:
        return [row]
    largest = max(char.size for char in row)
    # Only small print splits off: a table cell's wrapped lines beside a one-line cell of the
    # same type stay one row, which the cell reader joins (layout/cells.py).
    parts = [_cluster_rows(run) if max(c.size for c in run) < _SMALLER * largest else [run] for run in runs]
    if not any(len(part) > 1 for part in parts):
        return [row]
    rest = [char for part in parts if len(part) == 1 for char in part[0]]
    return ([rest] if rest else []) + [sub for part in parts if len(part) > 1 for sub in part]


def _word_token(
    texts: list[str],
    x0: float,
    top: float,
    x1: float,
    bottom: float,
    size: float,
    middle: list[Char],
    marks: Marks | None,
) -> Token | None:
    """The word of the glyph ``texts`` (None when it normalises to nothing), bold when the font
    of its middle glyph is; in a tagged PDF with its first glyph's MCID and the page's ``marks``."""
    word = _normalize("".join(texts))
    if not word:
        return None
    bold = _is_bold(middle[len(middle) // 2].fontname)
    if marks is None:
        return Token(word, x0, top, x1, bottom, size, bold)
    return Token(word, x0, top, x1, bottom, size, bold, mcid=middle[0].mcid, marks=marks)


#: A run of this many full stops is a tab's dot leader, not a word's stops ("..." ends a sentence).
_LEADER = "...."


def _emit(
    tokens: list[Token],
    texts: list[str],
    chars: list[Char],
    box: tuple[float, float, float, float, float],
    marks: Marks | None,
) -> None:
    """Add the word of the glyphs ``texts`` (``chars``, in ``box``: x0, top, x1, bottom, size) to
    ``tokens``; a dot leader glued to it is a word of its own.

    A tab whose leader starts right after the text before it, or ends right at the text after it,
    leaves no gap: a sub-item's label wider than its indent runs on to the next tab stop
    ("2.2......Bauabschnitt"), a title meets its page number ("Titel.......24"). The leader stands
    where a tab does; glued to a word it would hide the number or the title it parts.
    """
    # Counting stops first: most words have none, and this runs for every word of every page.
    if len(texts) > len(_LEADER) and texts.count(".") >= len(_LEADER) and _LEADER in "".join(texts):
        parts = _leader_parts(texts)
        if len(parts) > 1:
            for start, end in parts:
                part = chars[start:end]
                token = _word_token(
                    texts[start:end],
                    part[0].x0,
                    min(char.top for char in part),
                    max(char.x1 for char in part),
                    max(char.bottom for char in part),
                    max(char.size for char in part),
                    part,
                    marks,
                )
                if token is not None:
                    tokens.append(token)
            return
    token = _word_token(texts, box[0], box[1], box[2], box[3], box[4], chars, marks)
    if token is not None:
        tokens.append(token)


def _leader_parts(texts: list[str]) -> list[tuple[int, int]]:
    """The index ranges of ``texts`` split before and after each run of at least four full stops."""
    parts: list[tuple[int, int]] = []
    start = index = 0
    while index < len(texts):
        if texts[index] != ".":
            index += 1
            continue
        end = index
        while end < len(texts) and texts[end] == ".":
            end += 1
        if end - index >= len(_LEADER):
            if index > start:
                parts.append((start, index))
            parts.append((index, end))
            start = end
        index = end
    if start < len(texts):
        parts.append((start, len(texts)))
    return parts


def _words(row: list[Char], marks: Marks | None) -> list[Token]:
    """The words of one row, left to right: split at gaps wider than ``WORD_GAP`` × size, at
    overlaps of more than half a size and at whitespace; fake-bold duplicates dropped; in a
    tagged PDF each with its page's ``marks``.

    Written for speed (it runs once per char of every page): the previous char's attributes
    live in locals, the word box is accumulated while chars are added (the same values as
    ``min``/``max`` over the word's chars afterwards) and ``max`` is spelt as conditionals that
    pick the same operand as the builtin would.
    """
    tokens: list[Token] = []
    texts: list[str] = []  # the chars of the current word
    first: Char | None = None  # its first char; None while no word is open
    middle: list[Char] = []  # its chars, for the font of the middle one
    w_top = w_x1 = w_bottom = w_size = 0.0
    p_text = ""
    p_x0 = p_x1 = p_top = p_size = 0.0
    for char in sorted(row, key=_CHAR_BY_X0):
        text, x0, top, x1, bottom, _, size, _, _, _ = char
        if first is not None:
            unit = 1 if size < 1 else size  # max(size, 1)
            # Fake bold: the same glyph drawn twice a fraction of a point apart.
            if text == p_text and abs(x0 - p_x0) < 0.25 * (p_x1 - p_x0) and abs(top - p_top) < 0.25 * unit:
                continue
            gap = x0 - p_x1
            limit = size  # max(size, previous size, 1.0)
            if p_size > limit:
                limit = p_size
            if limit < 1.0:
                limit = 1.0
            if (
                gap > WORD_GAP * limit
                or gap < -0.5 * unit
                or (
                    gap > CAPITAL_GAP * limit
                    and (
                        (text.isupper() and (p_text.islower() or p_text in _BEFORE_SPACE))
                        # A number filling its tab stop up to the title beside it ("10.1.1 Neubau").
                        or (text.isalpha() and p_text.isdigit())
                    )
                )
            ):
                _emit(tokens, texts, middle, (first.x0, w_top, w_x1, w_bottom, w_size), marks)
                first = None
        if not text or text.isspace():
            if first is not None:
                _emit(tokens, texts, middle, (first.x0, w_top, w_x1, w_bottom, w_size), marks)
                first = None
            continue
        if first is None:
            first = char
            texts = [text]
            middle = [char]
            w_top, w_x1, w_bottom, w_size = top, x1, bottom, size
        else:
            texts.append(text)
            middle.append(char)
            if top < w_top:
                w_top = top
            if x1 > w_x1:
                w_x1 = x1
            if bottom > w_bottom:
                w_bottom = bottom
            if size > w_size:
                w_size = size
        p_text, p_x0, p_x1, p_top, p_size = text, x0, x1, top, size
    if first is not None:
        _emit(tokens, texts, middle, (first.x0, w_top, w_x1, w_bottom, w_size), marks)
    return tokens


#: Within a line, a gap this many times the type size parts two cells of a table without rules,
#: even where it is narrower than a segment's gap: a web page pads its cells less than a column.
NARROW_CELL_GAP = 0.7


def narrow_cells(line: Line) -> list[list[Token]]:
    """The words of ``line`` in runs parted by gaps wider than a word space
    (:data:`NARROW_CELL_GAP`): a table's cells where the layout's segments hold two of them."""
    runs: list[list[Token]] = []
    for token in line.words:
        if runs and token.x0 - runs[-1][-1].x1 <= NARROW_CELL_GAP * max(token.size, 1.0):
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


#: A list bullet drawn as a shape (a browser's disc or square) is this many points wide at most
#: and at least, about as high as wide, and stands this many times the line's size at most
#: before the line's first word.
_DRAWN_BULLET = (1.5, 5.0)
_BULLET_REACH = 2.5


def _drawn_bullets(shapes: Iterable[Shape], lines: list[Line]) -> list[Token]:
    """List bullets a browser draws as small filled discs or squares instead of a glyph: each
    one standing alone at a line's middle height, left of the line's first word and close to it.
    A filled shape inside a checkbox is its tick, and is larger or not alone before a word."""
    found: list[Token] = []
    small, large = _DRAWN_BULLET
    ordered = sorted(lines, key=attrgetter("top"))
    tops = [ln.top for ln in ordered]
    for shape in shapes:
        width, height = shape.x1 - shape.x0, shape.bottom - shape.top
        if shape.kind == "line" or not shape.filled or shape.stroked:
            continue
        if not (small <= width <= large and small <= height <= large) or abs(width - height) > 0.3 * width:
            continue
        middle = (shape.top + shape.bottom) / 2
        # The lines starting above the middle, nearest first (a page of a plan has many shapes).
        at = bisect_right(tops, middle)
        line = next((ln for ln in reversed(ordered[max(0, at - 3) : at]) if ln.bottom >= middle), None)
        if line is None or not line.tokens:
            continue
        first = line.tokens[0]
        gap = first.x0 - shape.x1
        if 0 < gap <= _BULLET_REACH * first.size:
            found.append(Token("•", shape.x0, shape.top, shape.x1, shape.bottom, first.size, bullet=True))
    return found


def page_lines(page: Page) -> list[Line]:
    """Tokens and lines of one page, top to bottom; checkboxes become tokens on their line."""
    vector, consumed = shape_marks(page.shapes, page.chars)
    glyphs, used = glyph_marks(page.chars, consumed)
    consumed |= used
    widgets = widget_marks(page.annotations)
    marks: list[BoxMark] = widgets + drop_covered(vector + glyphs, widgets)
    chars = page.chars
    if consumed:
        chars = tuple(char for index, char in enumerate(chars) if index not in consumed)
    # Comprehensions over field positions (7: upright, 0: text): this runs once per glyph.
    text_chars = [char for char in chars if char[7] and char[0] not in BULLETS]
    bullets = [  # glyph_state(char) == "bullet"
        Token("•", char.x0, char.top, char.x1, char.bottom, char.size, bullet=True)
        for char in chars
        if char[7] and char[0] in BULLETS
    ]
    rows = [part for row in _cluster_rows(text_chars) for part in _split_stacked(row)]
    lines = [Line(page.number, tokens) for row in rows if (tokens := _words(row, page.marks))]
    extra = (
        [Token("☒" if m.checked else "☐", m.x0, m.top, m.x1, m.bottom, size=m.bottom - m.top, box=m) for m in marks]
        + bullets
        + _drawn_bullets(page.shapes, lines)
    )
    if extra:
        # Line bands, kept up to date as tokens join (the same values Line.top/bottom give).
        tops = [line.top for line in lines]
        bottoms = [line.bottom for line in lines]
        joined: dict[int, list[Token]] = {}  # line index: tokens that join it
        for token in extra:
            cy = (token.top + token.bottom) / 2
            best = -1
            best_dist = float("inf")
            for i, line_top in enumerate(tops):
                line_bottom = bottoms[i]
                if line_top - 2 <= cy <= line_bottom + 2:
                    dist = abs((line_top + line_bottom) / 2 - cy)
                    if dist < best_dist:
                        best, best_dist = i, dist
            if best < 0:
                joined[len(lines)] = []
                lines.append(Line(page.number, [token]))
                tops.append(token.top)
                bottoms.append(token.bottom)
                continue
            joined.setdefault(best, []).append(token)
            if token.top < tops[best]:
                tops[best] = token.top
            if token.bottom > bottoms[best]:
                bottoms[best] = token.bottom
        for i, tokens in joined.items():
            if tokens:
                lines[i].tokens = sorted((*lines[i].tokens, *tokens), key=_BY_X0)
    lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return lines
