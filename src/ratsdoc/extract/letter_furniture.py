"""Page furniture of business letters, found by typography and position and marked as furniture
before any field is read: the block of company or office data a letter prints in small type
below or beside its text ("Postanschrift", "Tel.", "Bankverbindung ... IBAN", "Amtsgericht ...
HRB"; its words in generic/furniture.toml) and the short head of a follow-on page (the sender's
name, the date, an office reference, "Seite 2", "- 2 -"). A letterhead whose name the later
pages repeat in smaller type is the sender, not a running header, and is kept."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, Field

from ..furniture import is_page_number
from ..issues import Issue, IssueCode
from ..layout.lines import SEGMENT_GAP, Line, Token
from ..regions import Layout

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Page 1's letterhead: the share of the page from its top whose words a follow-on head repeats.
_LETTERHEAD_SHARE = 0.25
#: A letterhead echoed in a follow-on head is this much larger on page 1 than there.
_ECHO_SHRINK = 0.85
#: A side column has at least this many lines starting at one x.
_COLUMN_LINES = 3
#: Small print at most this many times the small-print size below a marked block of company
#: data goes on with it (its lines follow at their pitch; text stands further away).
_BLOCK_GAP = 1.5
#: The body's type size holds at least this share of a letter's words (its headings less).
_BODY_SHARE = 0.25
#: Two or more symbols (no quotes, brackets or digits) glued to the first word of a line.
_GLUED_SYMBOLS = regex.compile(r"^[^\p{L}\p{N}\s\"'„“(\[§]{2,}\p{L}")
_DATE = regex.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")
#: An amount in cents or a currency: a row of a table, never an office's reference line.
_PRICED = regex.compile(r"\d,\d\d\b|\bEUR\b|€")
#: A sender's name line has few words ("Fraktion Bündnis 90/Die Grünen im Rat der Stadt X"): a
#: longer line that repeats words of page 1's head is text (a heading of minutes whose table of
#: contents stands in the top of page 1).
_MAX_NAME_WORDS = 10
#: An item number ("5.2", "3.", "A") opens a heading or a list entry, never a sender's name.
_NUMBERING = regex.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-Z]\.?|[IVX]+\.)$")
#: A number inside a line ("4", "5.1"), its punctuation stripped.
_ITEM_NUMBER = regex.compile(r"\d+(?:\.\d+)*")
#: A line that ends a sentence (a word in lower case, then a full stop, "!" or "?") is running
#: text; a sender's name or a page head ends in a name, a date or a page number.
_SENTENCE_END = regex.compile(r"\p{Ll}[.!?][\"“”«»)]?$")


class FurnitureVocabulary(BaseModel):
    """The words of a letter's company data and the typographic limits (furniture.toml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    keywords: list[str] = Field(description="Patterns of the words of company or office data.")
    min_keywords: int = Field(3, description="Different keywords a small-print block needs to be furniture.")
    small_share: float = Field(0.88, description="Small print: at most this share of the body's size.")
    head_share: float = Field(0.16, description="Share of a later page from its top that can hold its head.")

    def hits(self, text: str) -> int:
        """How many different keywords ``text`` holds."""
        return sum(1 for pattern in _compiled(tuple(self.keywords)) if pattern.search(text))


@lru_cache(maxsize=4)
def _compiled(patterns: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    return tuple(regex.compile(p, regex.IGNORECASE | regex.VERSION1) for p in patterns)


@lru_cache(maxsize=1)
def furniture_vocabulary() -> FurnitureVocabulary:
    """The vocabulary shipped in generic/furniture.toml (read once)."""
    text = resources.files("ratsdoc.extract.generic").joinpath("furniture.toml").read_text(encoding="utf-8")
    return FurnitureVocabulary.model_validate(tomllib.loads(text))


def mark_letter_furniture(layout: Layout, vocab: FurnitureVocabulary | None = None) -> list[Issue]:
    """Mark a letter's company block and follow-on heads as furniture (splitting lines that carry
    a side column's words after their own); returns warnings about small print kept as text."""
    vocab = vocab or furniture_vocabulary()
    sizes: Counter[float] = Counter()
    for line in layout.lines:
        if not line.furniture:
            sizes.update(round(word.size, 1) for word in line.words)
    if not sizes:
        return []
    body = _body_size(sizes)
    small = vocab.small_share * body
    issues: list[Issue] = []
    for page in sorted({line.page for line in layout.lines}):
        issues += _company_block(layout, page, small, body, vocab)
    _keep_letterhead(layout)
    _follow_on_heads(layout, body, vocab)
    return issues


def _body_size(sizes: Counter[float]) -> float:
    """The running text's type size: the largest size that holds ``_BODY_SHARE`` of the words.
    Not simply the commonest: a short letter's foot block can hold more words than its text."""
    total = sum(sizes.values())
    for size in sorted(sizes, reverse=True):
        if sizes[size] >= _BODY_SHARE * total:
            return size
    return sizes.most_common(1)[0][0]


def _is_small(tokens: Sequence[Token], small: float) -> bool:
    words = [t for t in tokens if t.box is None and not t.bullet]
    return bool(words) and all(t.size <= small for t in words)


def _company_block(layout: Layout, page: int, small: float, body: float, vocab: FurnitureVocabulary) -> list[Issue]:
    """The small print beside the text (right of its right edge) or below it on ``page``."""
    lines = [line for line in layout.lines if line.page == page and not line.furniture and line.words]
    if not any(not _is_small(line.words, small) for line in lines):
        return []
    lowest = max(line.bottom for line in lines if not _is_small(line.words, small))
    height = layout.pages[page - 1].height if page <= len(layout.pages) else 842.0
    # Beside the text: small print starting at one x on several lines, right of every word of
    # the text at its height.
    columns: dict[float, list[tuple[Line, list[Token]]]] = {}
    for line in lines:
        if tail := _small_tail(line, small):
            x = next((x for x in columns if abs(x - tail[0].x0) <= 2), tail[0].x0)
            columns.setdefault(x, []).append((line, tail))
    side: list[tuple[Line, list[Token]]] = []
    for x, pieces in columns.items():
        top, bottom = min(line.top for line, _ in pieces), max(line.bottom for line, _ in pieces)
        if len(pieces) >= _COLUMN_LINES and not any(
            w.size > small and w.x1 > x - 0.5 * body and top <= w.top <= bottom for line in lines for w in line.words
        ):
            side += pieces
    taken = {id(line) for line, _ in side}
    foot = [
        line
        for line in lines
        if id(line) not in taken and _is_small(line.words, small) and line.top > max(lowest, 0.5 * height)
    ]
    issues: list[Issue] = []
    block_bottom: float | None = None  # the foot of the block marked beside the text
    for kind, pieces in (("beside", side), ("below", [(line, list(line.tokens)) for line in foot])):
        hits = vocab.hits(" ".join(" ".join(t.text for t in tokens) for _, tokens in pieces))
        # Small print right under the marked block, with company words of its own, is the
        # block's last row (a column of a three-column foot that runs one line longer).
        follows = (
            block_bottom is not None
            and bool(pieces)
            and min(line.top for line, _ in pieces) - block_bottom <= _BLOCK_GAP * small
        )
        if hits >= vocab.min_keywords or (hits and follows):
            for line, tokens in pieces:
                _mark(layout, line, tokens)
            block_bottom = max(t.bottom for _, tokens in pieces for t in tokens) if pieces else None
        elif hits:
            issues.append(
                Issue(
                    IssueCode.FOOTER_DOUBTFUL,
                    f"page {page}: small print {kind} the text with {hits} word(s) of company data "
                    "was read as text; it may be the letter's footer",
                    page,
                    "justification",
                )
            )
    return issues


def _small_tail(line: Line, small: float) -> list[Token]:
    """The small-print words that end ``line`` after a gap (or all of a small-print line)."""
    tokens = list(line.tokens)
    start = len(tokens)
    while start > 0 and tokens[start - 1].box is None and tokens[start - 1].size <= small:
        start -= 1
    if start == len(tokens) or (
        start and tokens[start].x0 - tokens[start - 1].x1 < SEGMENT_GAP * tokens[start - 1].size
    ):
        return []
    return tokens[start:]


def _mark(layout: Layout, line: Line, tokens: list[Token]) -> None:
    """Mark ``tokens`` of ``line`` as furniture: the whole line, or a line of their own."""
    if len(tokens) == len(line.tokens):
        line.furniture = True
        return
    keep = [t for t in line.tokens if all(t is not u for u in tokens)]
    line.tokens = keep
    layout.lines.insert(layout.lines.index(line) + 1, Line(line.page, tokens, furniture=True))


def _keep_letterhead(layout: Layout) -> None:
    """Unmark page 1's letterhead lines that recur only as smaller follow-on heads: the running
    header test took the sender's name for a header (a header keeps its size on every page)."""
    first_height = layout.pages[0].height if layout.pages else 842.0
    later: dict[str, list[float]] = {}
    for line in layout.lines:
        if line.page > 1 and line.furniture:
            later.setdefault(line.text.casefold(), []).append(line.size)
    for line in layout.lines:
        if line.page == 1 and line.furniture and line.top < _LETTERHEAD_SHARE * first_height:
            echoes = later.get(line.text.casefold())
            if echoes and max(echoes) <= _ECHO_SHRINK * line.size:
                line.furniture = False


def _follow_on_heads(layout: Layout, body: float, vocab: FurnitureVocabulary) -> None:
    """Mark the head of each later page: from its top, lines that repeat the letterhead's words
    (dates allowed), page numbers, and lines in a smaller type than the text right under a head
    line (the office's reference: "Personal und Organisation (ABC 10) PI/Sch")."""
    first_height = layout.pages[0].height if layout.pages else 842.0
    letterhead = {
        word.casefold()
        for line in layout.lines
        if line.page == 1 and line.top < _LETTERHEAD_SHARE * first_height
        for word in line.text.split()
    }
    by_page: dict[int, list[Line]] = {}
    for line in layout.lines:
        if line.page > 1 and line.tokens:
            by_page.setdefault(line.page, []).append(line)
    for page, lines in by_page.items():
        height = layout.pages[page - 1].height if page <= len(layout.pages) else 842.0
        named: Line | None = None  # the head's name line, which a reference line may follow
        ordered = sorted(lines, key=lambda ln: ln.top)
        for k, line in enumerate(ordered):
            if line.top > vocab.head_share * height:
                break
            # The line that goes on under it, not one beside it (the other column of verbatim minutes).
            under = [ln for ln in ordered[k + 1 :] if ln.top >= line.bottom - _SAME_SIZE and _under(line, ln)][:1]
            if _is_name_line(line, letterhead) and not _leads_paragraph(line, under):
                line.furniture, named = True, line
                continue
            if line.furniture or _is_page_number_line(line):
                line.furniture = True
                continue
            if (
                named is not None
                and line.size < body - 0.5
                and line.top - named.bottom < 1.5 * named.size
                and not _PRICED.search(line.text)  # a table row going on from page 1
            ):
                line.furniture, named = True, line
                continue
            break


#: Left edges and type sizes this close (points) are one; a gap under a line up to this share of
#: its size is the line spacing of a paragraph, not the space under a page's head.
_SAME_EDGE, _SAME_SIZE, _LINE_GAP = 3.0, 0.5, 0.6
#: A paragraph's first line may be set in by up to this many ems (a speaker's turn in verbatim
#: minutes: "Oberbürgermeisterin Zimmermann:" indented over "Gegenstimmen? - ...").
_FIRST_INDENT = 2.0


def _under(line: Line, below: Line) -> bool:
    """Whether ``below`` starts at ``line``'s left edge, or left of it by a first-line indent."""
    return -_SAME_EDGE <= line.x0 - below.x0 <= max(_SAME_EDGE, _FIRST_INDENT * line.size)


def _leads_paragraph(line: Line, below: Sequence[Line]) -> bool:
    """Whether the line ``below`` goes on under ``line`` as the next line of one paragraph: in
    its type size, at its left edge (or ``line`` set in as a first line), a line's spacing under
    it. A follow-on head stands apart from the text (a reference line in smaller type may sit
    close under it); a line of verbatim
    minutes whose words the head of page 1 also holds ("Oberbürgermeisterin ...: Gibt es" over
    "Gegenstimmen? - Keine. ...") is the first line of a turn."""
    if not below:
        return False
    nxt = below[0]
    return (
        abs(nxt.size - line.size) <= _SAME_SIZE
        and _under(line, nxt)
        and 0 <= nxt.top - line.bottom <= _LINE_GAP * line.size
    )


def _is_page_number_line(line: Line) -> bool:
    """A page number ("Seite 2", "- 2 -"), alone or as the last part of the line (there not a
    bare number: a table row's last cell)."""
    segments = line.segments()  # none on a line of marks and bullets only
    last = " ".join(t.text for t in segments[-1]) if segments else ""
    return is_page_number(line.text) or (is_page_number(last) and not last.isdigit())


def _is_name_line(line: Line, letterhead: set[str]) -> bool:
    """The sender's name (with a date or page number) as page 1's head has it."""
    segments = line.segments()
    paged = len(segments) > 1 and is_page_number(" ".join(t.text for t in segments[-1]))
    if paged:
        segments = segments[:-1]
    words = [t.text.casefold() for seg in segments for t in seg if not _DATE.match(t.text)]
    lettered = [w for w in words if any(ch.isalpha() for ch in w)]
    if not words or _NUMBERING.match(segments[0][0].text) or len(lettered) > _MAX_NAME_WORDS:
        return False
    if _SENTENCE_END.search(line.text.rstrip()):
        return False  # a sentence of page 1's text that the next page repeats at its top
    if any(_new_number(w, letterhead, line.page) for w in words if w not in lettered):
        return False  # 'Zu Punkt 4 der Tagesordnung' under 'Zu Punkt 1 ...' in page 1's head
    # One word of a name is enough beside a date or a page number ("CDU-Fraktion 25.10.2024"),
    # the shape of a follow-on head; alone it may be a word of the text ("Stadtrat").
    dated = paged or any(_DATE.match(t.text) for seg in segments for t in seg)
    return (len(lettered) >= 2 or (len(lettered) == 1 and dated)) and all(w in letterhead for w in lettered)


def _new_number(word: str, letterhead: set[str], page: int) -> bool:
    """Whether ``word`` is a number that the letterhead does not print and that is not the page's
    own: a follow-on head repeats the letterhead's numbers (a reference, a date) and adds at
    most the page number."""
    digits = word.strip(".,:;-–()/")
    if not _ITEM_NUMBER.fullmatch(digits) or word in letterhead:
        return False
    return not digits.isdigit() or int(digits) != page


def logo_like(text: str) -> bool:
    """Whether a letterhead line is a logo read as text: mostly symbols, or a word glued to a
    run of symbols ("~-~Stadt", OCR of a logo beside the name); never the sender."""
    visible = text.replace(" ", "")
    plain = sum(ch.isalnum() for ch in visible)  # letters and digits, not the symbols of a logo
    return plain < 0.6 * len(visible) or _GLUED_SYMBOLS.match(text) is not None
