"""Second stage: a page's chars and marks become tokens (words, checkboxes, bullets) and lines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text.normalize import normalize_text
from .marks import BoxMark, drop_covered, glyph_marks, glyph_state, shape_marks, widget_marks
from .model import Char, Page

#: A gap wider than this share of the font size splits a word (pdfplumber uses 3 pt absolute;
#: relative to size it holds for small print and headings alike).
WORD_GAP = 0.2
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


@dataclass(slots=True)
class Line:
    """Tokens sharing a baseline, left to right, on one page."""

    page: int
    tokens: list[Token] = field(default_factory=list)
    furniture: bool = False

    @property
    def x0(self) -> float:
        """Left edge."""
        return min(t.x0 for t in self.tokens)

    @property
    def x1(self) -> float:
        """Right edge."""
        return max(t.x1 for t in self.tokens)

    @property
    def top(self) -> float:
        """Top edge."""
        return min(t.top for t in self.tokens)

    @property
    def bottom(self) -> float:
        """Bottom edge."""
        return max(t.bottom for t in self.tokens)

    @property
    def size(self) -> float:
        """Font size of the words (the largest one)."""
        return max((t.size for t in self.tokens if t.box is None), default=10.0)

    @property
    def words(self) -> list[Token]:
        """Word tokens only (no boxes, no bullets)."""
        return [t for t in self.tokens if t.box is None and not t.bullet]

    @property
    def text(self) -> str:
        """The words of the line joined by single spaces."""
        return " ".join(t.text for t in self.words)

    def segments(self, gap: float = SEGMENT_GAP) -> list[list[Token]]:
        """Runs of word tokens separated by gaps wider than ``gap`` × font size or by a box."""
        runs: list[list[Token]] = []
        current: list[Token] = []
        for token in self.tokens:
            if token.box is not None or token.bullet:
                if current:
                    runs.append(current)
                current = []
                continue
            if current and token.x0 - current[-1].x1 > gap * max(token.size, current[-1].size):
                runs.append(current)
                current = []
            current.append(token)
        if current:
            runs.append(current)
        return runs


def _is_bold(fontname: str) -> bool:
    lowered = fontname.lower()
    return any(k in lowered for k in ("bold", "black", "heavy", ",b", "-bd", "semibold"))


def _cluster_rows(chars: list[Char]) -> list[list[Char]]:
    """Group chars into rows by vertical overlap of their boxes (tolerant of mixed sizes)."""
    rows: list[list[Char]] = []
    bands: list[tuple[float, float]] = []
    for char in sorted(chars, key=lambda c: (c.bottom, c.x0)):
        height = max(char.bottom - char.top, 0.1)
        placed = False
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            top, bottom = bands[i]
            overlap = min(bottom, char.bottom) - max(top, char.top)
            if overlap >= 0.5 * min(height, bottom - top):
                rows[i].append(char)
                bands[i] = (min(top, char.top), max(bottom, char.bottom))
                placed = True
                break
        if not placed:
            rows.append([char])
            bands.append((char.top, char.bottom))
    return rows


def _words(row: list[Char]) -> Iterable[Token]:
    row = sorted(row, key=lambda c: c.x0)
    buf: list[Char] = []

    def flush() -> Token | None:
        if not buf:
            return None
        text = normalize_text("".join(c.text for c in buf))
        token = None
        if text:
            token = Token(
                text=text, x0=buf[0].x0, top=min(c.top for c in buf), x1=max(c.x1 for c in buf),
                bottom=max(c.bottom for c in buf), size=max(c.size for c in buf),
                bold=_is_bold(buf[len(buf) // 2].fontname),
            )
        buf.clear()
        return token

    for char in row:
        if buf:
            prev = buf[-1]
            # Fake bold: the same glyph drawn twice a fraction of a point apart.
            if (char.text == prev.text and abs(char.x0 - prev.x0) < 0.25 * (prev.x1 - prev.x0)
                    and abs(char.top - prev.top) < 0.25 * max(char.size, 1)):
                continue
            gap = char.x0 - prev.x1
            if gap > WORD_GAP * max(char.size, prev.size, 1.0) or gap < -0.5 * max(char.size, 1):
                done = flush()
                if done:
                    yield done
        if char.text.isspace() or not char.text:
            done = flush()
            if done:
                yield done
            continue
        buf.append(char)
    done = flush()
    if done:
        yield done


def page_lines(page: Page) -> list[Line]:
    """Tokens and lines of one page, top to bottom; checkboxes become tokens on their line."""
    vector, consumed = shape_marks(page.shapes, page.chars)
    glyphs, used = glyph_marks(page.chars, consumed)
    consumed |= used
    widgets = widget_marks(page.annotations)
    marks: list[BoxMark] = widgets + drop_covered(vector + glyphs, widgets)
    text_chars: list[Char] = []
    bullets: list[Token] = []
    for index, char in enumerate(page.chars):
        if index in consumed or not char.upright:
            continue
        if glyph_state(char) == "bullet":
            bullets.append(Token("•", char.x0, char.top, char.x1, char.bottom, char.size,
                                 bullet=True))
            continue
        text_chars.append(char)
    lines = [Line(page.number, list(_words(row))) for row in _cluster_rows(text_chars)]
    lines = [line for line in lines if line.tokens]
    extra = [
        Token("☒" if m.checked else "☐", m.x0, m.top, m.x1, m.bottom,
              size=m.bottom - m.top, box=m)
        for m in marks
    ] + bullets
    for token in extra:
        cy = (token.top + token.bottom) / 2
        best: Line | None = None
        best_dist = float("inf")
        for line in lines:
            if line.top - 2 <= cy <= line.bottom + 2:
                dist = abs((line.top + line.bottom) / 2 - cy)
                if dist < best_dist:
                    best, best_dist = line, dist
        if best is None:
            best = Line(page.number, [])
            lines.append(best)
        best.tokens.append(token)
    for line in lines:
        line.tokens.sort(key=lambda t: t.x0)
    lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return lines
