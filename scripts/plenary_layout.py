"""Page setting of long two-column verbatim minutes for scripts/meeting_plenary.py.

Text is filled into narrow columns as a typesetter does it for a plenary protocol: justified or
ragged lines, long words divided at a syllable with a hyphen at any line end (a column's or a page's
last line too), column sections balanced above a heading that runs across both columns, running
heads and foots on every page. The fill knows nothing of columns, so a column or page break falls
wherever it falls: in mid-sentence, in mid-word, right before a speaker's turn.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import generate_meetings as gm
import meeting_layouts as ml

VOWELS = "aeiouäöüy"


@dataclass
class Row:
    """One printed line: runs of (x offset, text, bold), its height, and how many rows after it
    must stand in the same column (a heading is kept with the first lines under it)."""

    runs: list[tuple[float, str, bool]]
    height: float
    keep: int = 0


@dataclass
class Sheet:
    """The geometry and furniture of a document's pages."""

    size: float
    left: float = 56.0
    width: float = 232.0
    gutter: float = 18.0
    top: float = 78.0
    bottom: float = 842.0 - 72.0
    head: list[str] = field(default_factory=list)  # 'left', 'right', 'centre' parts; {page} is filled in
    foot: str = ""
    rule: bool = False

    @property
    def step(self) -> float:
        return self.size * 1.32

    @property
    def full(self) -> float:
        return 2 * self.width + self.gutter


def split_word(word: str, room: float, size: float, bold: bool) -> tuple[str, str] | None:
    """``word`` divided at a syllable so that its first part and a hyphen fit in ``room`` points:
    between the consonants of vowel-consonant-consonant-vowel ('Verwal-' / 'tung'), never inside
    'ck', 'ch' or 'sch', and never after '-lich' or '-isch' (that part would read as an adjective).
    The rest is in lower case, so a reader undoes the division."""
    core = word.rstrip(".,;:!?“")
    tail = word[len(core) :]
    if len(core) < 8 or not core.isalpha():
        return None
    for cut in range(len(core) - 3, 2, -1):
        pair = core[cut - 1 : cut + 1]
        if not (core[cut - 2] in VOWELS and core[cut + 1] in VOWELS and not set(pair) & set(VOWELS)):
            continue
        head = core[:cut]
        if pair in ("ck", "ch", "sc") or head.endswith(("lich", "isch")) or not core[cut].islower():
            continue
        if ml._width(head + "-", size, bold) <= room:
            return head + "-", core[cut:] + tail
    return None


def fill(
    words: list[str], width: float, size: float, *, label: str = "", indent: float = 0.0, justify: bool = False
) -> list[Row]:
    """The rows of one paragraph: ``label`` in bold opens it, the first row is set in by ``indent``,
    long words are divided at line ends; ``justify`` spreads every row but the last to the width."""
    if label and ml._width(label, size, True) > width - indent:
        # A label wider than the column wraps: its first words stand alone on a line.
        rest = label.split()
        first: list[str] = []
        while rest and ml._width(" ".join([*first, rest[0]]), size, True) <= width - indent:
            first.append(rest.pop(0))
        head = Row([(indent, " ".join(first), True)], size * 1.32)
        return [head, *fill(words, width, size, label=" ".join(rest), justify=justify)]
    rows: list[list[str]] = []
    current: list[str] = []
    room0 = width - indent - (ml._width(label + " ", size, True) if label else 0.0)
    queue = list(words)
    while queue:
        word = queue.pop(0)
        room = room0 if not rows else width
        trial = " ".join([*current, word])
        if ml._width(trial, size) <= room:
            current.append(word)
            continue
        used = ml._width(" ".join(current) + " ", size) if current else 0.0
        parts = split_word(word, room - used, size, False)
        if parts is not None:
            current.append(parts[0])
            queue.insert(0, parts[1])
        else:
            queue.insert(0, word)
        if not current and not rows and (label or indent):
            rows.append([])  # nothing fits beside the label: it stands alone on its line
            continue
        if not current:  # a word wider than the column: set it alone
            current.append(queue.pop(0))
        rows.append(current)
        current = []
    if current:
        rows.append(current)
    out: list[Row] = []
    for k, row in enumerate(rows):
        x = indent if k == 0 else 0.0
        runs: list[tuple[float, str, bool]] = []
        if k == 0 and label:
            runs.append((x, label, True))
            x += ml._width(label + " ", size, True)
        room = room0 if k == 0 else width
        last = k == len(rows) - 1
        if not row:
            pass
        elif justify and not last and len(row) > 1:
            natural = sum(ml._width(w, size) for w in row)
            space = (room - natural) / (len(row) - 1)
            for word in row:
                runs.append((x, word, False))
                x += ml._width(word, size) + space
        else:
            runs.append((x, " ".join(row), False))
        out.append(Row(runs, size * 1.32))
    return out


class Setter:
    """Places a stream of column rows and full-width blocks on pages (see the module docstring)."""

    def __init__(self, sheet: Sheet, first_top: float) -> None:
        self.sheet = sheet
        self.pages: list[list[gm.Op]] = [[]]
        self.y_top = first_top
        self.pending: list[Row] = []

    def op(self, x: float, y: float, text: str, bold: bool = False, size: float | None = None) -> None:
        self.pages[-1].append(gm.Op(x, y, text, size or self.sheet.size, bold))

    def put_full(self, x: float, text: str, size: float, bold: bool = False) -> None:
        """A line across the page at the current top (the head of page 1)."""
        self.op(x, self.y_top, text, bold, size)
        self.y_top += size * 1.4

    def column(self, row: Row) -> None:
        self.pending.append(row)
        while self._height(self.pending) > 2 * self._room() + 1:
            self._page_of_columns()

    def across(self, rows: list[Row], gap: float) -> None:
        """A block across both columns: the columns above it are balanced first."""
        self._balance()
        need = sum(r.height for r in rows) + 2 * gap + 3 * self.sheet.step
        if self.y_top + need > self.sheet.bottom:
            self._new_page()
        self.y_top += gap
        for row in rows:
            for dx, text, bold in row.runs:
                self.op(self.sheet.left + dx, self.y_top, text, bold)
            self.y_top += row.height
        self.y_top += gap

    def finish(self) -> list[list[gm.Op]]:
        self._balance()
        self._furnish()
        return self.pages

    def _room(self) -> float:
        return self.sheet.bottom - self.y_top

    @staticmethod
    def _height(rows: list[Row]) -> float:
        return sum(r.height for r in rows)

    def _take(self, rows: list[Row], room: float) -> int:
        """How many of ``rows`` go into a column of ``room`` points (kept rows stay together)."""
        used, k = 0.0, 0
        while k < len(rows):
            block = rows[k : k + 1 + rows[k].keep]
            height = self._height(block)
            if used + height > room + 0.01:
                if k == 0 and rows[k].keep:  # a kept block taller than a column: break it
                    return max(1, int(room // rows[0].height))
                break
            used += height
            k += len(block)
        return max(k, 1) if rows else 0

    def _set(self, rows: list[Row], x: float) -> float:
        y = self.y_top
        while rows and not rows[0].runs:  # no blank row at a column's top
            rows = rows[1:]
        for row in rows:
            for dx, text, bold in row.runs:
                self.op(x + dx, y, text, bold)
            y += row.height
        return y

    def _page_of_columns(self) -> None:
        room = self._room()
        pending = self._strip(self.pending)
        k = self._take(pending, room)
        rest = self._strip(pending[k:])
        j = self._take(rest, room)
        self._set(pending[:k], self.sheet.left)
        self._set(rest[:j], self.sheet.left + self.sheet.width + self.sheet.gutter)
        self.pending = rest[j:]
        self._new_page()

    @staticmethod
    def _strip(rows: list[Row]) -> list[Row]:
        k = 0
        while k < len(rows) and not rows[k].runs:
            k += 1
        return rows[k:]

    def _balance(self) -> None:
        """Set what is pending in two columns of equal height on this page."""
        rows = self._strip(self.pending)
        self.pending = []
        if not rows:
            return
        # The split that leaves the two columns nearest in height (a blank row opening the right
        # column is not set).
        k = min(
            range(1, len(rows) + 1),
            key=lambda n: abs(self._height(rows[:n]) - self._height(self._strip(rows[n:]))),
        )
        left = self._set(rows[:k], self.sheet.left)
        right = self._set(rows[k:], self.sheet.left + self.sheet.width + self.sheet.gutter)
        self.y_top = max(left, right)

    def _new_page(self) -> None:
        self.pages.append([])
        self.y_top = self.sheet.top

    def _furnish(self) -> None:
        """Running head (from page 2 on, or on every page) and foot."""
        sheet = self.sheet
        total = len(self.pages)
        for number, ops in enumerate(self.pages, 1):
            small = sheet.size - 1
            if number > 1 and sheet.head:
                left, right, centre = (part.format(page=number, pages=total) for part in sheet.head)
                if centre:
                    x = sheet.left + (sheet.full - ml._width(centre, small)) / 2
                    ops.append(gm.Op(x, 44, centre, small))
                if left:
                    ops.append(gm.Op(sheet.left, 44, left, small))
                if right:
                    ops.append(gm.Op(sheet.left + sheet.full - ml._width(right, small), 44, right, small))
                if sheet.rule:
                    ops.append(ml.Rule(sheet.left, 58, "", x1=sheet.left + sheet.full))
            if sheet.foot:
                text = sheet.foot.format(page=number, pages=total)
                x = sheet.left + (sheet.full - ml._width(text, small)) / 2
                ops.append(gm.Op(x, sheet.bottom + 30, text, small))


def blank(height: float) -> Row:
    """Space between paragraphs (dropped at a column's top)."""
    return Row([], height)


def pick(rng: random.Random, options: list[str]) -> str:
    return options[rng.randrange(len(options))]
