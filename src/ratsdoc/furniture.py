"""Page furniture: running headers and footers and page numbers, marked on the lines of all
pages so that no field reads them — in the margins where they recur or end in a page number, and
in mid-page where pages were printed two on a sheet."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice, pairwise
from typing import TYPE_CHECKING

import regex

from .layout.lines import Line, Token
from .ocr.policy import is_scanned_page

if TYPE_CHECKING:
    from .regions import PageInfo

#: Share of the page height at top and bottom where running headers and footers live.
MARGIN_SHARE = 0.12
#: A bare "2/4" has at most three digits a side: "2262/2024" is a paper number. "- 3 -" is set
#: with hyphens or dashes ("– 3 –").
_PAGE_NUMBER = regex.compile(
    r"^(?:[-–—]\s*\d+\s*[-–—]|Seite\s+\d+(?:\s*(?:von|/)\s*\d+)?|\d{1,3}\s*(?:/|von)\s*\d{1,3}|\d{1,3})$",
    regex.IGNORECASE,
)
_DIGITS = regex.compile(r"\d+")
_BULLETS = frozenset({"-", "–", "•", "▪", "·", "*"})
#: The head of page 1, where the number and type of the paper stand.
_HEAD_SHARE = 0.25
#: A page number as OCR reads it on a scan: spaces lost, digits read as look-alike letters,
#: one letter of "Seite" wrong ("Seitelvon5", "Seite5vonS5", "4von5").
_OCR_DIGIT = r"[\dOoIlS|]"
_OCR_PAGE_NUMBER = regex.compile(
    rf"^(?:(?:Seite){{e<=1}}\s*)?{_OCR_DIGIT}{{1,3}}\s*(?:von|/)\s*{_OCR_DIGIT}{{1,3}}$",
    regex.IGNORECASE,
)
#: Marks OCR reads from specks beside a footer.
_SPECK_MARKS = " .,;:'‚‘’`"


def is_page_number(text: str, *, scanned: bool = False) -> bool:
    """Whether ``text`` is a lone page number ("Seite 2 von 4", "- 3 -", "2/4"); on a
    ``scanned`` page also as OCR misreads one ("Seite5vonS5")."""
    text = text.strip()
    if _PAGE_NUMBER.match(text):
        return True
    if not scanned:
        return False
    text = text.strip(_SPECK_MARKS)
    return bool(_OCR_PAGE_NUMBER.match(text)) and any(ch.isdigit() for ch in text)


def mark_furniture(lines: list[Line], pages: list[PageInfo]) -> None:
    """Mark running headers/footers: margin lines whose text (digits ignored) recurs on other
    pages, and lone page numbers ("Seite 2 von 4", "- 3 -") in the margins — on scanned pages
    also as OCR misreads them (:func:`is_page_number`)."""
    if not pages:
        return
    heights = {p.number: p.height for p in pages}
    scanned = {p.number for p in pages if is_scanned_page(p)}

    def in_margin(line: Line) -> bool:
        height = heights.get(line.page, 842.0)
        return line.bottom < MARGIN_SHARE * height or line.top > (1 - MARGIN_SHARE) * height

    def key(line: Line) -> tuple[bool, str]:
        text = _DIGITS.sub("#", line.text.casefold())
        # OCR loses and adds spaces around numbers ("Seite 1von2", "Seite 2 von 2").
        text = text.replace(" ", "") if line.page in scanned else text
        # A running line keeps its margin: the same words at the foot of one page and the head of
        # the next are a list going on over the break ("Anlage 2: Satzung" / "Anlage 3: Satzung").
        return line.top < heights.get(line.page, 842.0) / 2, text

    places: dict[tuple[bool, str], list[Line]] = {}
    numbers_of: dict[tuple[bool, str], list[tuple[int, list[int]]]] = {}
    for line in lines:
        if in_margin(line) and line.text:
            places.setdefault(key(line), []).append(line)
            numbers = [int(n) for n in _DIGITS.findall(line.text)]
            numbers_of.setdefault(key(line), []).append((line.page, numbers))
    # OCR misreads digits: on scanned pages a line recurs whatever its numbers say.
    running = {
        k for k, found in places.items() if {ln.page for ln in found} & scanned or _running_numbers(numbers_of[k])
    }

    def recurring(line: Line) -> int:
        """On how many pages ``line``'s text stands at its height. Distinct pages: a letterhead
        repeated in the footer of a one-page letter is not a running header. At its height: a
        speaker's line of verbatim minutes ("Oberbürgermeisterin ...: Gibt es Gegenstimmen? -")
        recurs near the top of two pages, at the head of a column on one and lower on the other."""
        if key(line) not in running:
            return 0
        shift = _PLACE_SHIFT * heights.get(line.page, 842.0) if line.page in scanned else 0.0
        return len(
            {
                ln.page
                for ln in places[key(line)]
                if abs(ln.top - line.top) <= max(shift, _PLACE_JITTER * max(ln.size, line.size))
            }
        )

    min_repeats = 2 if len(pages) <= 4 else max(2, len(pages) // 3)
    positions = {id(line): position for position, line in enumerate(lines)}
    on_page: dict[int, list[Line]] = {}
    for line in lines:
        on_page.setdefault(line.page, []).append(line)
    for position, line in enumerate(lines):
        if not in_margin(line) or not line.text:
            continue
        if is_page_number(line.text, scanned=line.page in scanned):
            line.furniture = True
        elif (
            recurring(line) >= min_repeats
            and not _list_item(line)
            and not _runs_on(lines, position)
            and not _in_body(
                line,
                on_page[line.page],
                lambda ln: recurring(ln) >= min_repeats,
                line.top < heights.get(line.page, 842.0) / 2,
                # A block that a label opens ('Abstimmungsergebnis:' over its counts) may be the
                # text's own, which runs on into the page's text line by line.
                chain=_labelled_block(line, on_page[line.page], lambda ln: recurring(ln) >= min_repeats),
            )
            and not any(_counted_on(lines, positions[id(other)]) for other in places[key(line)])
        ):
            # A list item at the top of two pages repeats a point of the text, not a header.
            line.furniture = True
        elif (
            len(segments := line.segments()) >= 2
            and _ends_in_page_number(segments[-1], line.page)
            and _near_edge(lines, position, heights)
            and not _counts_row(segments)
            # A table's row at the page's foot whose value is the page's number by chance
            # ('Dagegen:   1' on page 1, under 'Ja:   10' at the rows' pitch).
            and not _in_rhythm(line, on_page[line.page], line.top < heights.get(line.page, 842.0) / 2)
        ):
            # "Stadt Uelzen - Vorlage 24/1452   Seite 1 von 1": a footer that ends in a page
            # number is one even where it does not recur (a paper of one page).
            line.furniture = True
    if len(pages) - 1 < min_repeats:  # too few later pages for a header to recur on
        _mark_repeated_head(lines, heights)
    _mark_site_foot(lines, heights)
    _mark_mid_page_heads(lines, min_repeats, key, in_margin, heights)
    _mark_beside_mid_heads(lines, in_margin)


#: The links of a web page's foot ("Impressum · Datenschutz · Barrierefreiheit"), which a page of
#: a council information system printed by a browser carries under the paper, and its copyright.
_SITE_LINKS = regex.compile(
    r"\b(?:Impressum|Datenschutz(?:erklärung|hinweise)?|Barrierefreiheit|Kontakt|Sitemap|Nutzungsbedingungen)\b",
    regex.IGNORECASE,
)
_COPYRIGHT = regex.compile(r"(?:©|\(c\)|Copyright)\s*(?:19|20)\d{2}\b", regex.IGNORECASE)
#: A web page's foot is a short line: a few links, the owner's name.
_SITE_FOOT_WORDS = 12


#: The day and time a browser printed a page, at the start of the head it sets over every page
#: ("07.12.24, 14:32", "12/7/24, 2:32 PM").
_PRINTED_AT = regex.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2}(?:\d{2})?,\s*\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s|$)")


def _mark_site_foot(lines: list[Line], heights: dict[int, float]) -> None:
    """Mark the lines of a web page's foot as furniture: a short line naming two of its links or
    a copyright with its year, and the head a browser prints over each page (the day and time of
    printing, the page's title) at the top of a page. No paper's text is set so."""
    for line in lines:
        if line.furniture or not line.words:
            continue
        text = line.text
        if line.top < MARGIN_SHARE * heights.get(line.page, 842.0) and _PRINTED_AT.match(text):
            line.furniture = True
            continue
        if len(line.words) <= _SITE_FOOT_WORDS and (len(_SITE_LINKS.findall(text)) >= 2 or _COPYRIGHT.search(text)):
            line.furniture = True


#: Words a running head or foot has at most ("Rat der Stadt Köln – 12. Sitzung vom 6. Mai 2021 –
#: Seite 5" has 14 with its dashes).
_MID_HEAD_WORDS = 16
#: Words a running line has at least to be taken for one where it stands at one height on too few
#: pages to show it (a numbered heading, "§ 2", "Anlage 3", has fewer).
_FEW_HEAD_WORDS = 6
#: Share of a running line's places that recur at one height on another sheet (on two pages
#: printed on each sheet, the first sheet's top holds no head and the last may hold one page).
_PLACED_SHARE = 2 / 3
#: Pages printed on one sheet at most: a page number is at most this many times its sheet's.
_PAGES_A_SHEET = 4
#: Share of the steps between a running line's page numbers, in document order, that count by one
#: (a page without its head, a full-page table, counts by two).
_COUNTING_SHARE = 0.8


def _mark_mid_page_heads(
    lines: list[Line],
    min_repeats: int,
    key: Callable[[Line], tuple[bool, str]],
    in_margin: Callable[[Line], bool],
    heights: dict[int, float],
) -> None:
    """Mark running heads and feet that stand in mid-page (pages printed two on a sheet, one above
    the other, so the lower page's head and the upper page's foot stand in the middle): short lines
    alone in their rows whose text (digits ignored) recurs on ``min_repeats`` sheets, most of them
    at a height another sheet has one at too (on a sheet or two, in a margin once and with the
    words of a head, not a bare "§ 2"), whose numbers, taken through the document, are the same
    everywhere but one that counts up by one from line to line and is never below its sheet's
    number (a page number). Headings numbered in the text ("Zu Punkt 4 der Tagesordnung", "§ 4")
    count up too, but stand wherever the text before them ended."""
    groups: dict[str, list[Line]] = {}
    beside = _beside(lines)
    positions = {id(line): position for position, line in enumerate(lines)}
    for line in lines:
        # Marked lines join their text's group: a page's head that ends in its page number is one
        # where it stands in the margin.
        if not line.text or not _DIGITS.search(line.text) or len(line.tokens) > _MID_HEAD_WORDS:
            continue
        if id(line) not in beside:  # a line of a column has the other column beside it
            groups.setdefault(key(line)[1], []).append(line)
    for found in groups.values():
        margin = any(in_margin(line) for line in found)
        # Lone page numbers ("Seite 1 von 2" in mid-page, "Seite 2 von 2" at the foot of the same
        # sheet) need no second sheet: the one in the sheet's margin counts for the other.
        edged = {line.page for line in found if in_margin(line)}
        lone = all(is_page_number(line.text) and line.page in edged for line in found)
        if lone and len(found) >= 2 and _page_counted(found):
            for line in found:
                line.furniture = True
            continue
        if len({line.page for line in found}) < max(2, min_repeats):
            continue
        if _close_on_a_page(found, heights) or any(_counted_on(lines, positions[id(line)]) for line in found):
            # Items of a numbered list whose sentences begin alike ("2. Der Ausschuss ist ...",
            # "3. Der Ausschuss ist ...") count up too: they follow each other closely, where two
            # printed pages' heads on one sheet stand half the sheet apart.
            continue
        at_height = [
            len({ln.page for ln in found if abs(ln.top - line.top) <= _PLACE_JITTER * max(ln.size, line.size)})
            for line in found
        ]
        # Most stand where another sheet has one: a running line keeps its place ("Zu Punkt 4 der
        # Tagesordnung" heads an item wherever the last one ended, two of six at one height).
        placed = sum(count >= 2 for count in at_height) >= _PLACED_SHARE * len(found)
        steady = len(found) >= 3 and max(at_height) >= max(2, min_repeats) and placed
        # A sheet or two: the head may stand once in mid-page and once at a page's top, a long
        # line (the body, the session, the page) that a numbered heading is not.
        few = margin and all(len(line.words) >= _FEW_HEAD_WORDS for line in found)
        if (steady or few) and _page_counted(found):
            for line in found:
                line.furniture = True


#: The share of its page's height below which two lines of one text on one page are no two
#: printed pages' heads or feet (those stand half a sheet apart).
_SHEET_SHARE = 1 / 3


def _close_on_a_page(found: list[Line], heights: dict[int, float]) -> bool:
    """Whether two of ``found`` stand on one page closer than :data:`_SHEET_SHARE` of its height
    (a sheet holds its printed pages' heads half a sheet apart)."""
    by_page: dict[int, list[float]] = {}
    for line in found:
        by_page.setdefault(line.page, []).append(line.top)
    return any(
        b - a < _SHEET_SHARE * heights.get(page, 842.0)
        for page, tops in by_page.items()
        for a, b in pairwise(sorted(tops))
    )


def _mark_beside_mid_heads(lines: list[Line], in_margin: Callable[[Line], bool]) -> None:
    """Mark a running line without numbers ("Rat der Stadt Köln" at the foot of every page) in a
    document whose running heads stand in mid-page (:func:`_mark_mid_page_heads`): a line alone in
    its row whose text recurs on two sheets, most of its places at a height another sheet has it at
    too, each with no line of text between it and the page's edge or another running line, and one
    of them next to a running head in mid-page."""
    mid = {id(line) for line in lines if line.furniture and not in_margin(line)}
    if not mid:
        return
    beside = _beside(lines)
    by_page: dict[int, list[Line]] = {}
    for line in sorted(lines, key=lambda ln: (ln.page, ln.top)):
        if line.text:
            by_page.setdefault(line.page, []).append(line)
    groups: dict[str, list[Line]] = {}
    for line in lines:
        if line.furniture or not line.text or id(line) in beside or _DIGITS.search(line.text):
            continue
        if len(line.tokens) <= _MID_HEAD_WORDS:
            groups.setdefault(" ".join(line.text.casefold().split()), []).append(line)
    for found in groups.values():
        if len({line.page for line in found}) < 2:
            continue
        at_height = [
            len({ln.page for ln in found if abs(ln.top - line.top) <= _PLACE_JITTER * max(ln.size, line.size)})
            for line in found
        ]
        if sum(count >= 2 for count in at_height) < _PLACED_SHARE * len(found):
            continue
        neighbours = [_neighbours(by_page[line.page], line) for line in found]
        edged = all(any(n is None or n.furniture for n in pair) for pair in neighbours)
        if edged and any(n is not None and id(n) in mid for pair in neighbours for n in pair):
            for line in found:
                line.furniture = True


def _neighbours(page: list[Line], line: Line) -> tuple[Line | None, Line | None]:
    """The lines right above and right below ``line`` on its ``page`` (lines from the top)."""
    k = next(k for k, other in enumerate(page) if other is line)
    return (page[k - 1] if k else None, page[k + 1] if k + 1 < len(page) else None)


def _beside(lines: list[Line]) -> set[int]:
    """The ids of the lines that share their height with another line of their page."""
    out: set[int] = set()
    ordered = sorted(lines, key=lambda ln: (ln.page, ln.top))
    for k, line in enumerate(ordered):
        for other in ordered[k + 1 :]:
            if other.page != line.page or other.top >= line.bottom:
                break
            out |= {id(line), id(other)}
    return out


def _page_counted(found: list[Line]) -> bool:
    """Whether the numbers of ``found`` (lines of one text, digits ignored, in document order) are
    a running line's: each the same on every line but one at least that counts up by one from line
    to line (by two at most, and mostly by one) and is never below the number of its sheet nor above
    :data:`_PAGES_A_SHEET` times it."""
    numbers = [[int(n) for n in _DIGITS.findall(line.text)] for line in found]
    if len({len(row) for row in numbers}) != 1:
        return False
    counted = False
    for position in range(len(numbers[0])):
        values = [row[position] for row in numbers]
        if len(set(values)) == 1:
            continue
        steps = [b - a for a, b in pairwise(values)]
        if not all(step in (1, 2) for step in steps) or steps.count(1) < _COUNTING_SHARE * len(steps):
            return False
        if any(not line.page <= value <= _PAGES_A_SHEET * line.page for value, line in zip(values, found, strict=True)):
            return False  # a year ("Haushalt 2025" / "Haushalt 2026" on the next page) is no page number
        counted = True
    return counted


#: How far (share of the page height) a running line may move between scanned pages: a scan
#: shifts the paper. Born-digital running lines keep their height to within half their size (a
#: follow-on head in smaller type than the letterhead it repeats sits 3 pt lower); a formula of
#: the text ("Gegenstimmen? - Keine. ...") that ends two pages' columns 7 pt apart is no footer.
_PLACE_SHIFT, _PLACE_JITTER = 0.03, 0.5
#: A running head has at most this many words; a longer line may be running text whose
#: sentence recurs with other figures ("Die Kosten der ... betragen 100.500,00 EUR ...").
_HEAD_WORDS = 12


#: Lines of its page that may stand between a head or foot that does not recur and the page's
#: edge (a second line of the letterhead, a bank line under the foot); a table of contents' first
#: lines under a record's title (on a tall page, in its margin share) have more above them.
_EDGE_LINES = 2


def _near_edge(lines: list[Line], position: int, heights: dict[int, float]) -> bool:
    """Whether at most :data:`_EDGE_LINES` lines of its page stand wholly between the line at
    ``position`` and the nearer of its page's top and bottom edges."""
    line = lines[position]
    upper = line.top < heights.get(line.page, 842.0) / 2
    beyond = [
        other
        for other in lines
        if other.page == line.page and (other.bottom <= line.top if upper else other.top >= line.bottom)
    ]
    return len(beyond) <= _EDGE_LINES


#: Points by which a line of the text and its neighbour's size may differ.
SIZE_SLACK = 0.5


def _in_body(
    line: Line, page: list[Line], recurs: Callable[[Line], bool], top: bool, chain: bool = False, depth: int = 0
) -> bool:
    """Whether the margin ``line`` (in the ``top`` margin or the bottom one; ``page`` the lines of its
    page, looked at alone: a long record's pages are many) is set in the body's block: the line on its
    side toward the page's middle, which does not recur, follows it at the spacing of one paragraph in
    the same size (a "Beschluss:" that happens to open two pages, a result line that ends two), where
    a running head or foot stands apart from the text or is set smaller; unless a running line stands
    as close on its other side (a running block of two lines set right under the text). With
    ``chain`` (a block a label opens) the line toward the middle may recur itself when it is set in
    the body so: a vote block ('Abstimmungsergebnis:' / 'Gesetzliche
    Anzahl der Mitglieder: 71' / 'davon anwesend: 58' / 'Ja-Stimmen: 40') that opens two pages."""

    def close(other: Line) -> bool:
        gap = other.top - line.bottom if other.top > line.top else line.top - other.bottom
        # The text's block may be a table whose ruled rows stand a little further apart.
        return other.page == line.page and 0 <= gap <= (1.0 if chain else 0.6) * min(line.size, other.size)

    def running(other: Line) -> bool:
        return recurs(other) or is_page_number(other.text)

    near = [other for other in page if other is not line and other.words and close(other)]
    inner = [other for other in near if (other.top > line.top) == top]
    if not chain and any(running(other) for other in near if other not in inner):
        return False  # a line of a running block of two ('Rat der Stadt Bonn' over '... Seite 2')

    def body_line(other: Line) -> bool:
        if is_page_number(other.text):
            return False
        if not recurs(other):
            return True
        return chain and depth < _CHAIN_LINES and _in_body(other, page, recurs, top, chain, depth + 1)

    # In the text's own type: a running line set smaller ('Rat der Stadt Bonn' in 8 pt right under
    # 9.5 pt text) stays one.
    return bool(inner) and all(body_line(other) and abs(other.size - line.size) <= SIZE_SLACK for other in inner)


#: Lines toward the page's middle whose steps a margin line must keep to belong to their block.
_RHYTHM_LINES = 3
#: Points by which the steps of one block's lines may differ (a rounded leading).
_RHYTHM_SLACK = 0.5


def _in_rhythm(line: Line, page: list[Line], top: bool) -> bool:
    """Whether the margin ``line`` (``page`` its page's lines; ``top`` for the top margin) steps on
    from the text's block at the block's own pitch: the lines toward the middle that do not leave
    it stand one under the other in ``line``'s size and indent, each the same step from the next,
    and ``line`` keeps that step. A padded table's rows (a vote block's 'Ja: 10' over 'Dagegen:
    1', 18.8 pt apart in 10.5 pt type) stand further apart than a paragraph's lines, so the
    paragraph test of :func:`_in_body` misses them; a running foot keeps no block's rhythm."""
    others = sorted(
        (o for o in page if o is not line and o.words and (o.top < line.top if not top else o.top > line.top)),
        key=lambda o: o.top,
        reverse=not top,
    )
    chain = [line]
    for other in others:
        if len(chain) > _RHYTHM_LINES:
            break
        last = chain[-1]
        if abs(other.x0 - line.x0) > _RHYTHM_SLACK * 4 or abs(other.size - line.size) > SIZE_SLACK:
            # A line of another column or indent between the block's lines ends the block.
            if abs(other.top - last.top) < 2 * line.size:
                return False
            continue
        chain.append(other)
    if len(chain) <= _RHYTHM_LINES:
        return False
    steps = [abs(b.top - a.top) for a, b in pairwise(chain)]
    # The step of a block's lines, no wider than a padded row (twice the type's size).
    return steps[0] <= 2 * line.size and max(steps) - min(steps) <= _RHYTHM_SLACK


def _labelled_block(line: Line, page: list[Line], recurs: Callable[[Line], bool]) -> bool:
    """Whether ``line`` or a recurring line right above it (a block set line under line) ends in a
    colon: a label that introduces the lines under it, which no running head does."""
    at: Line | None = line
    for _ in range(_CHAIN_LINES):
        if at is None:
            return False
        if at.text.rstrip().endswith(":"):
            return True
        above = [o for o in page if o.words and o.top < at.top and 0 <= at.top - o.bottom <= at.size]
        at = max(above, key=lambda o: o.top) if above else None
        if at is not None and not recurs(at):
            return False
    return False


#: How many recurring lines a block of the text may hold before its first line that does not recur.
_CHAIN_LINES = 8


def _runs_on(lines: list[Line], position: int) -> bool:
    """Whether the line at ``position`` is a long line of running text: more words than a
    running head has, and the next line follows it at the spacing of one paragraph."""
    line = lines[position]
    if len(line.words) <= _HEAD_WORDS or position + 1 >= len(lines):
        return False
    below = lines[position + 1]
    return below.page == line.page and 0 <= below.top - line.bottom <= 0.6 * line.size


def _running_numbers(found: list[tuple[int, list[int]]]) -> bool:
    """Whether the numbers of a margin line that recurs (digits ignored) on the pages of ``found``
    (page, numbers) are a running head's or foot's: each number the same on every page (a session,
    a date) or counting with the page ("Seite 2 von 5"). Headings that open two pages ("Zu Punkt
    3 der Tagesordnung", "Zu Punkt 8 ...") number otherwise and are text."""
    counts = {len(numbers) for _, numbers in found}
    if len(counts) != 1:
        return True  # numbers split or joined differently: leave it to the text
    for position in range(counts.pop()):
        values = [(page, numbers[position]) for page, numbers in found]
        same = len({value for _, value in values}) == 1
        paged = len({value - page for page, value in values}) == 1
        if not (same or paged):
            return False
    return True


def _ends_in_page_number(segment: list[Token], page: int) -> bool:
    """Whether the last part of a margin line is its page's number: "Seite 1 von 1", "2/4", or a
    bare number that is the page's own ("Zeitplan   61" at the head of page 1 is a table row)."""
    text = " ".join(t.text for t in segment)
    if not is_page_number(text):
        return False
    return not text.isdigit() or int(text) == page


def _counts_row(segments: list[list[Token]]) -> bool:
    """Whether a line's cells are three or more bare numbers ('0   2   2', a vote table's row that a
    page break moved to the next page's top): no head or foot, whose page number follows words."""
    return len(segments) >= 3 and all(len(cell) == 1 and cell[0].text.isdigit() for cell in segments)


#: A numbered item's label: '9.', 'TOP 9', 'Ö 9' (the number in group n).
_ITEM_LABEL = regex.compile(r"^\s*(?P<label>(?:TOP\s+|[ÖN]\s?)?)(?P<n>\d{1,2})(?P<stop>\.?)\s")
#: How many lines below a numbered line its list may go on with the next number.
_NEXT_ITEM_LINES = 3


def _counted_on(lines: list[Line], at: int) -> bool:
    """Whether ``lines[at]`` is an item of a numbered list that goes on right below it with the
    next number in the same form ('9.  Mitteilungen' over 'Nichtöffentlicher Teil' and '10.
    Grund...'): the agenda's item that opens one page and its minutes' heading another are no
    running head."""
    line = lines[at]
    label = _ITEM_LABEL.match(line.text)
    if label is None:
        return False
    following = f"{label.group('label')}{int(label.group('n')) + 1}{label.group('stop')}"
    # The list may go on over a page break ('2. Die Verwaltung wird ...' at page 1's foot, '3.
    # Die Verwaltung wird ...' under page 2's head): the furniture marked between counts no line.
    for below in islice((lines[i] for i in range(at + 1, len(lines)) if not lines[i].furniture), _NEXT_ITEM_LINES):
        if below.page not in (line.page, line.page + 1):
            return False
        words = below.text.split()
        first = " ".join(words[: len(following.split())])
        if first == following and abs(below.x0 - line.x0) <= 3:
            return True
    return False


def _list_item(line: Line) -> bool:
    """Whether ``line`` opens with a list bullet ("•", "-", "–")."""
    tokens = line.tokens
    return bool(tokens) and (tokens[0].bullet or tokens[0].text in _BULLETS)


#: A paper number's shape: digits with a "/" or "-" in it ("kt-0130/2024", "2024/0476").
_NUMBER_WORD = regex.compile(r"\d[/-]\d|\d{2,}[/-]|[/-]\d{2,}")
#: Words a running head that repeats the paper's number has at most.
_RUNNING_HEAD_WORDS = 4


def _mark_repeated_head(lines: list[Line], heights: dict[int, float]) -> None:
    """Mark the first line of a later page that repeats the paper's number from the head of
    page 1 ("Beschlussvorlage Nr. 2024/267" over page 2): on a two-page paper it recurs on no
    other page, so the recurrence test cannot see it."""
    head_words = {
        word.casefold()
        for line in lines
        if line.page == 1 and line.top < _HEAD_SHARE * heights.get(1, 842.0)
        for word in line.text.split()
    }
    # A head line repeated whole in smaller type ("Anfragebeantwortung", "Stellungnahme der
    # Verwaltung") heads a later page as the Word template's header of the following pages. In
    # its own size it may be text (a speaker's turn opening a column on two pages).
    head_sizes: dict[str, float] = {}
    for line in lines:
        if line.page == 1 and line.top < _HEAD_SHARE * heights.get(1, 842.0) and len(line.text) >= _REPEATED_CHARS:
            head_sizes[line.text.casefold()] = max(line.size, head_sizes.get(line.text.casefold(), 0.0))
    seen: set[int] = set()
    for line in lines:
        if line.page == 1 or line.page in seen or line.furniture:
            continue
        seen.add(line.page)
        words = [word.casefold() for word in line.text.split()]
        numbers = [word for word in words if _NUMBER_WORD.search(word)]
        if line.bottom < MARGIN_SHARE * heights.get(line.page, 842.0) and (
            line.size <= head_sizes.get(line.text.casefold(), 0.0) - _SMALLER
            or (
                len(words) >= 2
                and any(ch.isdigit() for ch in line.text)
                and (
                    all(word in head_words for word in words)
                    # "Drucksache KT-0130/2024" over a page whose head said "DS-Nr.: KT-0130/2024":
                    # the number is the paper's, the label may be worded otherwise.
                    or (len(words) <= _RUNNING_HEAD_WORDS and numbers and all(word in head_words for word in numbers))
                )
            )
        ):
            line.furniture = True


#: A head line this long at least is told again when it heads a later page (not a lone word),
#: in type this many points smaller.
_REPEATED_CHARS, _SMALLER = 12, 1.0
