"""Item numbers of a scanned agenda as OCR misreads them, read back from the list around them
(the numbering steps of :func:`~.ocr_lines.mended_ocr_lines`).

Each mend needs evidence in the list beside the misread number, so that a born-digital line or a
line that means what it says is never touched:

- **Markers** ("62" for "Ö 2", "63.1" for "Ö 3.1", "0 3" for "Ö 3", "Öl" for "Ö 1"): Tesseract
  reads a worn "Ö" as "6", "0", "O" or "G", and "1" after it as "l". A line is mended only where
  other lines of the same document start with a marker that was read right, at the same x: an
  agenda list's markers stand in one column.
- **Labels** ("TOoP1", "ToPpÖ1", "TOPÖ5S", "ToP 11"): "TOP" misread or run together with its
  marker and number, in a column where at least two lines start with "TOP" read right.
- **The first item** ("l. Genehmigung ..." for "1. Genehmigung ...", or its title alone where
  the thin "1." was not read): only where the next numbered line is "2" and no line above it is
  "1", the line right over it (with its title's wrapped lines) reads as the first item, under the
  list's heading. A speck read as a quote before a number ('"8') goes.
- **Sub-items** ("41" for "4.1"): OCR loses the small dot between the levels of a number. A
  two-digit number is read as a sub-item only where the numbered lines before and after it leave
  no other reading: the item before is the first digit ("4") and the item after is the
  next item or sub-item ("5", "4.2"), never the number after the one before ("41" after "40").
- **Number boxes** ("10" from x 21 to 63 where the list's numbers stand at x 50): a speck beside
  an item number joins its box, which then reaches left past the list's column of numbers; the
  box is cut back to the column, where at least two other numbers stand.
- **Lost numbers** ("£." between "1." and "3.", "N?" between "Ö 6" and "N 8", "TOPOG", "o7rı"):
  a line whose first word is no number but a few signs at the list's numbers' x, between two
  numbered lines that leave one number out (or two garbled lines in a row two), is that number.
  Where no numbered line follows (the list or its part ends), only signs that hold the next
  number's digits ("TOPS 5", "Ö1ll") are read as it.
- **Lost labels** ("TOP 4" not read before "Genehmigung der Niederschrift ..."): between two
  items that leave one number out ("TOP 3", "TOP 5"), the line at their titles' x that stands
  after a gap clearly wider than the others between them, and at least as wide as the one before
  the next item, opens the lost item. A line that is only a paper reference ("Vorlage
  1144/2024") opens none.
- **Roman numbers** ("I.", "I.", "II.", "IV." for "I." to "IV."): OCR drops an "I" of "II",
  "III", "VII", "VIII", "XII" and reads "l" for "I". In a column of Roman numbers that counts up
  one by one, a number that is the expected one with I's lost is the expected one, where the list
  leaves no other reading: it repeats the number before it (no list does), or the number after it
  is the next one. A list may count from "I." again after a part heading.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import regex

from ..layout.lines import Line, Token
from .agenda_numbers import roman

#: Marker x positions of one list agree to this many points.
SAME_X = 6.0
#: A marker read right: "Ö", "N" alone or joined to the number.
_MARKER = regex.compile(r"^[ÖN](?:\d{1,3})?$")
#: Signs a worn "Ö" is read as, alone or joined to the number after it.
_MARKER_LOOKALIKE = regex.compile(r"^(?P<sign>[60OoQGD])(?P<number>\d{1,2}(?:\.\d{1,2})?)?$")
#: "Öl", "ÖI": the marker and a "1" read as a letter.
_MARKER_ONE = regex.compile(r"^(?P<sign>[ÖN])[lI|]$")
#: An item label before the marker ("TOP Ö 1").
_LABEL = regex.compile(r"^TOP$")
#: "TOP" as OCR reads it worn, alone or run together with its marker and number ("TOoP1",
#: "ToPpÖ1", "TOPÖ5S": a speck read as a letter after the number).
_LABEL_LOOKALIKE = regex.compile(
    r"^(?P<label>[Tt][Oo0][Oo0]?[Pp][Pp]?)(?:(?P<marker>[ÖN])?(?P<number>\d{1,2}(?:\.\d{1,2})?)(?P<junk>[A-Z]?))?$"
)
#: A speck read as a quote or a tick before an item number ('"8', '„3.').
_LEAD_SPECK = regex.compile(r"^[\"'„“‚‘`´]+(?P<number>\d{1,3}(?:\.\d{1,2})*\.?)$")
#: The number 1 read as a letter or a bar ('l.', 'I.', '|').
_ONE = regex.compile(r"^[lI|][.)]?$")
#: A plain item number, with the dot some lists print after it.
_NUMBER = regex.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,2})*)\.?$")
#: A lost item's first line stands after a gap this much wider (points) than the other gaps
#: between the items around it.
WIDER_GAP = 2.0
#: A Roman item number with its full stop, "l" and "|" read for "I" ("Vl.", "xl.").
_ROMAN_NUMBER = regex.compile(r"^(?P<n>[IVXlix|]{1,6})\.$")
#: "TOP" as OCR reads it worn ("Tor" too: a garbled number after it is read only where the
#: items around confirm it), and what it ran together with ("TOPOG", "TOPS").
_LABEL_LOOKALIKE_HEAD = regex.compile(r"^(?P<label>[Tt][Oo0][Oo0]?[PpRr][Pp]?)(?P<rest>.*)$")
#: A first word that stands for a lost number: a sign or two, a marker and a sign, digits with
#: "l" or "I" read for a one ("£.", "N?", "Ö1ll").
_LOST_NUMBER = regex.compile(r"^(?P<marker>[ÖN])?(?:[^\p{L}\p{N}\s]{1,2}|\d?[lIı|][\dlIı|]{0,2}|\d[lIı|]{1,2})\.?$")
#: A line that is only a paper reference: a word and a number with a slash ("Vorlage 1144/2024").
_PAPER_LINE = regex.compile(r"^\S+:?\s+\S*\d+/\d+\S*$")


def split_token(token: Token, left: str, right: str) -> list[Token]:
    """``token`` as two tokens ``left`` and ``right``, its box shared by their letters."""
    cut = token.x0 + (token.x1 - token.x0) * len(left) / max(len(left) + len(right), 1)
    return [replace(token, text=left, x1=cut), replace(token, text=right, x0=cut)]


def without_lead_speck(line: Line) -> Line:
    """``line`` without the speck OCR read as a quote before its item number ('"8 Vertrags...'),
    or the line itself."""
    first = line.tokens[0]
    match = _LEAD_SPECK.match(first.text)
    if match is None or len(line.tokens) < 2:
        return line
    return Line(line.page, [replace(first, text=match.group("number")), *line.tokens[1:]], line.furniture)


def _label_mends(lines: list[Line]) -> dict[int, list[Token]]:
    """New tokens of the lines whose 'TOP' OCR misread or ran together with the number after it
    ('TOoP1', 'ToPpÖ1', 'ToP 11'), in the column where at least two lines start with 'TOP' read
    right, by line index."""
    columns = [
        line.tokens[0].x0
        for line in lines
        if len(line.tokens) > 2 and _LABEL.match(line.tokens[0].text) and line.tokens[1].text[:1] in "ÖN0123456789"
    ]
    if len(columns) < 2:
        return {}
    mends: dict[int, list[Token]] = {}
    for index, line in enumerate(lines):
        tokens = list(line.tokens)
        match = _LABEL_LOOKALIKE.match(tokens[0].text)
        if match is None or len(tokens) < 2 or not any(abs(tokens[0].x0 - x) <= SAME_X for x in columns):
            continue
        number = match.group("number")
        if number is None and (tokens[0].text == "TOP" or tokens[1].text[:1] not in "ÖN0123456789"):
            continue  # read right, or a word ('Topf') that is no label
        if number is None:
            mends[index] = [replace(tokens[0], text="TOP"), *tokens[1:]]
            continue
        parts = ["TOP", *([match.group("marker")] if match.group("marker") else []), number]
        whole = replace(tokens[0], text=" ".join(parts))
        new: list[Token] = []
        for part in parts[:-1]:
            left, whole = split_token(whole, part, whole.text[len(part) + 1 :])
            new.append(left)
        mends[index] = [*new, whole, *tokens[1:]]
    return mends


def _number_box_mends(lines: list[Line]) -> dict[int, list[Token]]:
    """New tokens of the lines whose item number's box a speck widened to the left, past the
    column where the list's other numbers stand ('10', or garbled: '__9-'), by line index: the
    box is cut back to the column."""
    numbered = numbered_lines(lines)
    mends: dict[int, list[Token]] = {}
    for index, line in enumerate(lines):
        tokens = list(line.tokens)
        at = _marker_at(tokens)
        token = tokens[at]
        if len(tokens) < at + 2 or not (_NUMBER.match(token.text) or _short_signs(token.text)):
            continue
        inside = [ox for i, _, ox in numbered if i != index and token.x0 + SAME_X < ox < token.x1]
        # The leftmost column inside the box: sub-items may stand set in to the right of it.
        column = [ox for ox in inside if ox - min(inside) <= SAME_X] if inside else []
        if len(column) < 2:
            continue
        tokens[at] = replace(token, x0=min(column))
        mends[index] = tokens
    return mends


def _short_signs(text: str) -> bool:
    """Whether ``text`` is a few signs that may stand for a garbled number: four at most, not
    all letters, and no word of four letters ('o7rı', '[oBF', '__9-')."""
    return 0 < len(text) <= 4 and not text.isalpha() and not regex.search(r"\p{L}{4}", text)


def _first_item_mends(lines: list[Line]) -> dict[int, list[Token]]:
    """New tokens of the line that opens a list whose number '1' OCR lost or read as a letter
    ('l. Genehmigung ...', or the title alone at the titles' x), by line index: only where the
    next numbered line is '2' and the line stands right over it, alone or with its title's
    wrapped lines, under a line that is no item (the list's heading)."""
    numbered = numbered_lines(lines)
    mends: dict[int, list[Token]] = {}
    for index, number, x in numbered:
        if number != "2" or index == 0 or any(n == "1" for i, n, _ in numbered if i < index):
            continue
        tokens = list(lines[index].tokens)
        at = _marker_at(tokens)
        if at != 0:
            continue  # 'TOP 2': the label may be read, the number lost otherwise
        title_x = tokens[1].x0
        dot = "." if tokens[0].text.endswith(".") else ""
        first = index - 1
        # Up over the title's wrapped lines, set in at the titles' x.
        while first > 0 and abs(lines[first].x0 - title_x) <= SAME_X and lines[first].page == lines[index].page:
            if abs(lines[first - 1].x0 - title_x) > SAME_X:
                break
            first -= 1
        head = list(lines[first].tokens)
        if _ONE.match(head[0].text) and abs(head[0].x0 - x) <= SAME_X and len(head) > 1:
            mends[first] = [replace(head[0], text=f"1{dot}"), *head[1:]]
        elif abs(lines[first].x0 - title_x) <= SAME_X and first > 0 and abs(lines[first - 1].x0 - title_x) > SAME_X:
            above = lines[first - 1]
            if _NUMBER.match(above.tokens[0].text) or above.page != lines[first].page:
                continue  # under another item or over a page break: a wrapped title, not an item
            width = tokens[0].x1 - tokens[0].x0
            one = replace(head[0], text=f"1{dot}", x0=x, x1=x + width)
            mends[first] = [one, *head]
        break
    return mends


def _marker_at(tokens: list[Token]) -> int:
    """Index of the token that may be an item's marker: the first, or the one after 'TOP'."""
    return 1 if len(tokens) > 1 and _LABEL.match(tokens[0].text) else 0


def _marker_mends(lines: list[Line]) -> dict[int, list[Token]]:
    """New tokens of the lines whose marker was misread, by line index."""
    columns: list[float] = []
    for line in lines:
        tokens = list(line.tokens)
        at = _marker_at(tokens)
        token = tokens[at]
        joined = token.text[1:].isdigit()
        spaced = token.text in ("Ö", "N") and at + 1 < len(tokens) and tokens[at + 1].text[:1].isdigit()
        if _MARKER.match(token.text) and (joined or spaced):
            columns.append(token.x0)
    if len(columns) < 2:
        return {}
    mends: dict[int, list[Token]] = {}
    for index, line in enumerate(lines):
        tokens = list(line.tokens)
        at = _marker_at(tokens)
        token = tokens[at]
        if not any(abs(token.x0 - x) <= SAME_X for x in columns):
            continue
        if one := _MARKER_ONE.match(token.text):
            new = split_token(token, one.group("sign"), "1")
        elif (look := _MARKER_LOOKALIKE.match(token.text)) and (
            look.group("number") or (at + 1 < len(tokens) and tokens[at + 1].text.isdigit())
        ):
            number = look.group("number")
            new = split_token(token, "Ö", number) if number else [replace(token, text="Ö")]
        else:
            continue
        mends[index] = [*tokens[:at], *new, *tokens[at + 1 :]]
    return mends


def numbered_lines(lines: list[Line]) -> list[tuple[int, str, float]]:
    """(line index, number, x) of the lines that start with a plain item number."""
    found = []
    for index, line in enumerate(lines):
        tokens = line.tokens
        if line.furniture:
            continue
        at = _marker_at(list(tokens))
        match = _NUMBER.match(tokens[at].text)
        if match and at + 1 < len(tokens):
            found.append((index, match.group("n"), tokens[at].x0))
    return found


def _sub_item_mends(lines: list[Line]) -> dict[int, list[Token]]:
    """New tokens of the lines whose sub-item number lost its dot ('41' for '4.1'), by line index."""
    numbered = numbered_lines(lines)
    mends: dict[int, list[Token]] = {}
    for k, (index, number, x) in enumerate(numbered):
        if len(number) != 2 or "." in number:
            continue
        # The numbers before and after in the list, at any x: sub-items may be set in.
        before = numbered[k - 1][1] if k else None
        after = numbered[k + 1][1] if k + 1 < len(numbered) else None
        if before is None or before.split(".")[0] != number[0] or number[1] == "0":
            continue
        head, sub = int(number[0]), int(number[1])
        # The item before is the head ('4') or its sub-item before this one ('4.1' before '42').
        if before not in (str(head), f"{head}.{sub - 1}"):
            continue
        # ... and the item after is the next item or sub-item, its dot lost too or not ('72', '7.2').
        if after not in (str(head + 1), f"{head}.{sub + 1}", f"{head}{sub + 1}"):
            continue
        tokens = list(lines[index].tokens)
        at = _marker_at(tokens)
        dot = "." if tokens[at].text.endswith(".") else ""
        tokens[at] = replace(tokens[at], text=f"{head}.{sub}{dot}")
        mends[index] = tokens
        numbered[k] = (index, f"{head}.{sub}", x)
    return mends


def _lead(tokens: list[Token]) -> tuple[str, str, str, bool, int] | None:
    """(marker, number, dot, whether 'TOP' stands before it, index of the number's token) of a
    line that starts with an item number ('3.', 'Ö 3', 'Ö4', 'TOP 3.1'), else None."""
    at = _marker_at(tokens)
    labelled = at == 1
    marker, text = "", tokens[at].text
    if text in ("Ö", "N") and at + 1 < len(tokens):
        marker, at = text, at + 1
        text = tokens[at].text
    elif text[:1] in ("Ö", "N") and text[1:2].isdigit():
        marker, text = text[0], text[1:]  # 'Ö4': the marker joined to its number
    match = _NUMBER.match(text)
    if match is None or at + 1 >= len(tokens):
        return None
    return marker, match.group("n"), "." if text.endswith(".") else "", labelled, at


def _between(before: str, after: str, skipped: int = 0) -> str | None:
    """The number after ``before`` when ``after`` follows it with exactly ``skipped`` + 1 numbers
    left out ('1' and '3'; '5' and '8' with one garbled line between; '3' and '3.2'; '3.1' and
    '3.3'), else None."""
    a, b = [int(n) for n in before.split(".")], [int(n) for n in after.split(".")]
    if len(a) == len(b) and a[:-1] == b[:-1] and b[-1] == a[-1] + 2 + skipped:
        return ".".join(str(n) for n in [*a[:-1], a[-1] + 1])
    if len(b) == len(a) + 1 and b[:-1] == a and b[-1] == 2 + skipped:
        return f"{after.rsplit('.', 1)[0]}.1"
    return None


def _garbled_lead(tokens: list[Token]) -> tuple[bool, str, int, bool] | None:
    """(label read, the garbled marker and number, index of the title's first word, whether
    only signs stand for it) of a line whose item number OCR garbled ('£. Title', 'N? Title',
    'TOPOG Title', 'TOPO?T Title', 'TOPS 5 Title', 'o7rı Title'), else None: what stands for the
    number is a few signs, never a word."""
    label = _LABEL_LOOKALIKE_HEAD.match(tokens[0].text)
    rest, title = (label.group("rest"), 1) if label else (tokens[0].text, 1)
    if label and len(tokens) > 2 and len(tokens[1].text) <= 3 and not tokens[1].text.isalpha():
        rest, title = rest + tokens[1].text, 2  # 'TOPS 5': a speck read as a letter, then the number
    if title >= len(tokens) or not tokens[title].text[:1].isupper() or not tokens[title].text.isalpha():
        return None
    if not rest or len(rest) > 4 or _NUMBER.match(rest) or (label and regex.search(r"\p{L}{3}", rest)):
        return None
    signs = bool(label) or bool(_LOST_NUMBER.match(rest))
    if not signs and not _short_signs(rest):
        return None
    return bool(label), rest, title, signs


def _lost_number_mends(lines: list[Line]) -> dict[int, list[Token]]:
    """New tokens of the lines whose item number OCR read as a few signs ('£.', 'N?', 'TOPOG'),
    at the list's x, by line index: the number the lines around leave out (two garbled lines in a
    row between '5' and '8' are '6' and '7'), or, where no numbered line follows (the list or its
    part ends), the next number when the signs hold its digits ('TOPS 5' after 'TOP 4')."""
    lines = list(lines)
    mends: dict[int, list[Token]] = {}
    for index, line in enumerate(lines):
        tokens = list(line.tokens)
        garbled = _garbled_lead(tokens)
        if garbled is None or _lead(tokens) is not None:
            continue
        label, rest, title, signs = garbled
        above = _neighbour(lines, index, -1)
        before = _lead(list(above.tokens)) if above is not None else None
        skipped, after = _lead_below(lines, index)
        digits = "".join(c for c in rest.translate(_ONES) if c.isdigit())
        own = rest[0] if rest[:1] in ("Ö", "N") else None
        if before is None and after is not None and (above is None or _lead_above(lines, index) is None):
            # The list's first item ('ToPı' over 'TOP 2'): its digits say 1, the next item 2.
            before = (own or after[0], "0", after[2], after[3], 0) if after[1] == "2" and digits == "1" else None
        if before is None or label != before[3]:
            continue
        following = _next_number(before[1])
        number, marker = None, None
        if after is not None and label == after[3] and before[2] == after[2]:
            number = _between(before[1], after[1], skipped)
            marker = own or (before[0] if before[0] == after[0] else None)
        if number is None and signs and digits.endswith(following):
            # No numbered line below confirms it (the list or its part ends): its digits do.
            number, marker = following, own or before[0]
        if number is None or marker is None:
            continue
        parts = [*(["TOP"] if label else []), *([marker] if marker else []), f"{number}{before[2]}"]
        whole = replace(tokens[0], text=" ".join(parts), x1=tokens[title - 1].x1)
        new: list[Token] = []
        for part in parts[:-1]:
            left, whole = split_token(whole, part, whole.text[len(part) + 1 :])
            new.append(left)
        mends[index] = [*new, whole, *tokens[title:]]
        lines[index] = Line(line.page, mends[index], line.furniture)
    return mends


#: "l", "I", "ı" and "|" read for the digit one.
_ONES = str.maketrans("lIı|", "1111")


def _next_number(number: str) -> str:
    """The number after ``number`` at its level ('4' -> '5', '3.1' -> '3.2')."""
    head, _, last = number.rpartition(".")
    return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)


def _lead_above(lines: list[Line], index: int) -> tuple[str, str, str, bool, int] | None:
    """The lead of the nearest numbered line above line ``index``, on any page, else None."""
    for line in reversed(lines[:index]):
        if line.tokens and (lead := _lead(list(line.tokens))) is not None:
            return lead
    return None


def _lead_below(lines: list[Line], index: int) -> tuple[int, tuple[str, str, str, bool, int] | None]:
    """(how many garbled numbers stand between, the lead of the next numbered line) below line
    ``index`` on its page at its x; the lead None when the page or the list's part ends first."""
    skipped, k = 0, index
    while True:
        found = _neighbour_at(lines, k, 1)
        if found is None:
            return skipped, None
        k = found
        lead = _lead(list(lines[k].tokens))
        if lead is not None:
            return skipped, lead
        if _garbled_lead(list(lines[k].tokens)) is None:
            return skipped, None
        skipped += 1


def _neighbour(lines: list[Line], index: int, step: int) -> Line | None:
    """The line of :func:`_neighbour_at`, or None."""
    found = _neighbour_at(lines, index, step)
    return None if found is None else lines[found]


def _neighbour_at(lines: list[Line], index: int, step: int) -> int | None:
    """The index of the next line up (``step`` -1) or down (1) from ``index`` on its page that
    starts at its x, over the wrapped lines set in between and a part heading (a line of a few
    words without a number); None at the page's edge."""
    x, page = lines[index].x0, lines[index].page
    k = index + step
    while 0 <= k < len(lines) and lines[k].page == page:
        tokens = list(lines[k].tokens)
        heading = len(tokens) <= 3 and _lead(tokens) is None and _garbled_lead(tokens) is None
        if abs(lines[k].x0 - x) <= SAME_X and not heading:
            return k
        if lines[k].x0 < x - SAME_X:
            return None
        k += step
    return None


def _lost_item_mends(lines: list[Line]) -> dict[int, list[Token]]:
    """New tokens of the line that opens an item whose label and number OCR lost, between two
    items that leave its number out, by line index (see the module docstring)."""
    leads = [(i, lead) for i, line in enumerate(lines) if (lead := _lead(list(line.tokens))) is not None]
    mends: dict[int, list[Token]] = {}
    for (a, before), (b, after) in itertools.pairwise(leads):
        number = _between(before[1], after[1])
        if number is None or before[0] != after[0] or lines[a].page != lines[b].page or b - a < 2:
            continue
        opening = list(lines[a].tokens)
        at = before[4]
        title_x = opening[at + 1].x0
        gaps = [
            (_first_row_top(lines[k]) - _last_row_bottom(lines[k - 1]), k)
            for k in range(a + 1, b)
            if abs(lines[k].x0 - title_x) <= SAME_X
            and lines[k].text[:1].isupper()
            and not _PAPER_LINE.match(lines[k].text)
        ]
        if not gaps:
            continue
        gap, k = max(gaps)
        # Wider than the gap before the next item, and clearly wider than every other gap
        # between the two items (a wrapped title's lines stand closer than the rows).
        others = [_first_row_top(lines[j]) - _last_row_bottom(lines[j - 1]) for j in range(a + 1, b) if j != k]
        if gap < lines[b].top - lines[b - 1].bottom - 1.0 or any(g > gap - WIDER_GAP for g in others):
            continue
        width = opening[at].x1 - opening[at].x0
        first = lines[k].tokens[0]
        placed = [replace(t, top=first.top, bottom=first.bottom, size=first.size) for t in opening[: at + 1]]
        joined = before[0] if opening[at].text.startswith(before[0]) else ""  # 'Ö4'
        placed[-1] = replace(placed[-1], text=f"{joined}{number}{before[2]}", x1=placed[-1].x0 + width)
        mends[k] = [*placed, *lines[k].tokens]
    return mends


def _first_row_top(line: Line) -> float:
    """The top of a line's first row of words: a speck or a stamp that OCR joined to a word makes
    its box taller, so the lowest top among the words of that row."""
    row_bottom = min(t.bottom for t in line.tokens)
    return max(t.top for t in line.tokens if t.top <= row_bottom)


def _last_row_bottom(line: Line) -> float:
    """The bottom of a line's last row of words (a table row's wrapped cells are joined into
    one line)."""
    last_top = max(t.top for t in line.tokens)
    return max(t.bottom for t in line.tokens if t.top >= last_top - 2.0)


def _to_roman(value: int) -> str:
    """``value`` (1 to 39) as a Roman number."""
    tens, ones = divmod(value, 10)
    return "X" * tens + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][ones]


def _lost_is(read: str, number: str) -> bool:
    """Whether ``read`` is the Roman ``number`` with one I or more lost ('VI' for 'VIII')."""
    if len(read) >= len(number) or read.count("V") != number.count("V") or read.count("X") != number.count("X"):
        return False
    rest = iter(number)
    return all(letter in rest for letter in read)  # in order: a subsequence


def _roman_mends(lines: list[Line]) -> dict[int, list[Token]]:
    """New tokens of the lines of a Roman list whose number lost an I, by line index (see the
    module docstring)."""
    found: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        match = _ROMAN_NUMBER.match(line.tokens[0].text) if len(line.tokens) > 1 else None
        read = match.group("n").upper().replace("L", "I").replace("|", "I") if match else ""
        if roman(read) and line.tokens[1].text[:1].isalpha():
            found.append((index, read))
    if len(found) < 3:
        return {}
    x = sorted(lines[i].x0 for i, _ in found)[len(found) // 2]
    found = [(i, r) for i, r in found if abs(lines[i].x0 - x) <= SAME_X]
    mends: dict[int, list[Token]] = {}
    previous_read, value = "", 0
    for k, (index, read) in enumerate(found):
        expected = _to_roman(value + 1) if value < 39 else ""
        following = found[k + 1][1] if k + 1 < len(found) else ""
        # The same number twice is no list, unless a heading between them opens a part.
        confirmed = (read == previous_read and not _heading_between(lines, found[k - 1][0], index)) or (
            bool(expected) and (roman(following) == value + 2 or _lost_is(following, _to_roman(value + 2)))
        )
        token = lines[index].tokens[0]
        if expected and read != expected and _lost_is(read, expected) and confirmed:
            value = value + 1
            mends[index] = [replace(token, text=f"{expected}."), *lines[index].tokens[1:]]
        else:
            value = roman(read)
            if token.text != f"{read}.":
                mends[index] = [replace(token, text=f"{read}."), *lines[index].tokens[1:]]
        previous_read = read
    return mends


def _heading_between(lines: list[Line], first: int, last: int) -> bool:
    """Whether a line between line indices ``first`` and ``last`` stands at their x and is no
    item: a part heading, after which a list may count from one again."""
    x = lines[last].x0
    return any(abs(line.x0 - x) <= SAME_X for line in lines[first + 1 : last])


def mended_numbers(lines: list[Line]) -> list[Line]:
    """``lines`` (of OCR'd pages, in reading order) with their items' misread numbers mended (see
    the module docstring); a line not mended is the same object."""
    scanned = [without_lead_speck(line) for line in lines]
    steps = (
        _label_mends,
        _number_box_mends,
        _first_item_mends,
        _marker_mends,
        _sub_item_mends,
        _lost_number_mends,
        _lost_item_mends,
        _roman_mends,
    )
    # Each step reads the lines as the steps before left them.
    for step in steps:
        for index, tokens in step(scanned).items():
            scanned[index] = Line(scanned[index].page, tokens, scanned[index].furniture)
    return scanned
