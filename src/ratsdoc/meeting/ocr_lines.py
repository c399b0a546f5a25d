"""Lines of a scanned meeting document as OCR misreads them, mended before any field is read:
public markers read as other signs, sub-item numbers without their dot, labels without their
colon, a faction's parentheses and a location's comma.

Each mend needs evidence on the page beside the misread word, so that a born-digital line or a
line that means what it says is never touched:

- **Markers** ("62" for "Ö 2", "0 3" for "Ö 3", "Öl" for "Ö 1"): Tesseract reads a worn "Ö" as
  "6", "0", "O" or "G", and "1" after it as "l". A line is mended only where other lines of the
  same document start with a marker that was read right, at the same x: an agenda list's markers
  stand in one column.
- **The first item** ("l. Genehmigung ..." for "1. Genehmigung ...", or its title alone where
  the thin "1." was not read): only where the next numbered line is "2" and no line above it is "1", the
  line right over it (with its title's wrapped lines) reads as the first item, under the list's
  heading. A speck read as a quote before a number ('"8') goes.
- **Sub-items** ("41" for "4.1"): OCR loses the small dot between the levels of a number. A
  two-digit number is read as a sub-item only where the numbered lines before and after it leave
  no other reading: the item before is the first digit ("4") and the item after is the
  next item or sub-item ("5", "4.2"), never the number after the one before ("41" after "40").
- **Labels** ("Beschluss Der Antrag ...", "Ort Rathaus", "Beschluss; ..."): the colon after a
  label of the session head or an item's result was lost or read as ";" or ".". Only a label
  the profile knows, first on its line and followed by a capital or a digit, gets it back.
- **Factions** ("(FDP}", "FDP),", "[SPD)"): a bracket read as another one, or lost, around a
  faction the profile knows, where no parenthesis is open before it on the line.
- **Locations** ("Rathaus. Huldigungssaal"): a comma read as a full stop between two words of a
  location label's line, where no sentence ends.
- **Part headings** ("Nichtöffenüliche Sitzung"): a short line that snaps, with OCR's
  look-alikes and a few errors more (:func:`~ratsdoc.text.lookalikes.ocr_snapper`), to a part
  heading the profile prints (``part_headings``) is that heading.

Only lines on OCR'd pages are looked at (:attr:`~ratsdoc.regions.Layout.ocr_pages`).
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import regex

from ..layout.lines import Line, Token
from ..regions import Layout
from ..text.lookalikes import ocr_snapper
from .rules import MeetingRules

#: Marker x positions of one list agree to this many points.
SAME_X = 6.0
#: A marker read right: "Ö", "N" alone or joined to the number.
_MARKER = regex.compile(r"^[ÖN](?:\d{1,3})?$")
#: Signs a worn "Ö" is read as, alone or joined to the number after it.
_MARKER_LOOKALIKE = regex.compile(r"^(?P<sign>[60OoQGD])(?P<number>\d{1,2})?$")
#: "Öl", "ÖI": the marker and a "1" read as a letter.
_MARKER_ONE = regex.compile(r"^(?P<sign>[ÖN])[lI|]$")
#: An item label before the marker ("TOP Ö 1").
_LABEL = regex.compile(r"^TOP$")
#: A speck read as a quote or a tick before an item number ('"8', '„3.').
_LEAD_SPECK = regex.compile(r"^[\"'„“‚‘`´]+(?P<number>\d{1,3}(?:\.\d{1,2})*\.?)$")
#: The number 1 read as a letter or a bar ('l.', 'I.', '|').
_ONE = regex.compile(r"^[lI|][.)]?$")
#: A plain item number, with the dot some lists print after it.
_NUMBER = regex.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,2})*)\.?$")
#: Longest line (characters) snapped to a part heading.
PART_CHARS = 40
#: Brackets around a faction as OCR may read them.
_FACTION = regex.compile(r"^[(\[{]?(?P<name>[^()\[\]{}]+?)[)\]}]?(?P<end>[.,;]?)$")
#: A full stop read for a comma inside a location: between two words, neither an abbreviation.
_LOCATION_STOP = regex.compile(r"(?<=\p{Ll}{3})\.(?=\s+\p{Lu}\p{Ll})")


def mended_ocr_lines(layout: Layout, rules: MeetingRules) -> Layout:
    """``layout`` with the misread lines of its OCR'd pages mended (see the module docstring);
    the layout itself when none needed it."""
    pages = set(layout.ocr_pages)
    if not pages:
        return layout
    originals = [line for line in layout.lines if line.page in pages and line.tokens]
    # Each step reads the lines as the steps before left them.
    scanned = [_without_lead_speck(line) for line in originals]
    for step in (_first_item_mends, _marker_mends, _sub_item_mends):
        for index, tokens in step(scanned).items():
            scanned[index] = Line(scanned[index].page, tokens, scanned[index].furniture)
    mended: dict[int, list[Token]] = {
        id(original): list(line.tokens)
        for original, line in zip(originals, scanned, strict=True)
        if line is not original
    }
    labels = _label_pattern(rules)
    factions = regex.compile(rf"^(?:{'|'.join(rules.factions)})$", regex.IGNORECASE)
    location = _location_pattern(rules)
    for line in originals:
        tokens = list(mended.get(id(line), line.tokens))
        tokens = _with_colon(tokens, labels)
        tokens = _with_parentheses(tokens, factions)
        tokens = _with_location_comma(tokens, location)
        tokens = _as_part_heading(tokens, rules)
        if [t.text for t in tokens] != [t.text for t in line.tokens]:
            mended[id(line)] = tokens
    if not mended:
        return layout
    lines = [Line(line.page, mended[id(line)], line.furniture) if id(line) in mended else line for line in layout.lines]
    return replace(layout, lines=lines)


def _split_token(token: Token, left: str, right: str) -> list[Token]:
    """``token`` as two tokens ``left`` and ``right``, its box shared by their letters."""
    cut = token.x0 + (token.x1 - token.x0) * len(left) / max(len(left) + len(right), 1)
    return [replace(token, text=left, x1=cut), replace(token, text=right, x0=cut)]


def _without_lead_speck(line: Line) -> Line:
    """``line`` without the speck OCR read as a quote before its item number ('"8 Vertrags...'),
    or the line itself."""
    first = line.tokens[0]
    match = _LEAD_SPECK.match(first.text)
    if match is None or len(line.tokens) < 2:
        return line
    return Line(line.page, [replace(first, text=match.group("number")), *line.tokens[1:]], line.furniture)


def _first_item_mends(lines: list[Line]) -> dict[int, list[Token]]:
    """New tokens of the line that opens a list whose number '1' OCR lost or read as a letter
    ('l. Genehmigung ...', or the title alone at the titles' x), by line index: only where the
    next numbered line is '2' and the line stands right over it, alone or with its title's
    wrapped lines, under a line that is no item (the list's heading)."""
    numbered = _numbered(lines)
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
            new = _split_token(token, one.group("sign"), "1")
        elif (look := _MARKER_LOOKALIKE.match(token.text)) and (
            look.group("number") or (at + 1 < len(tokens) and tokens[at + 1].text.isdigit())
        ):
            number = look.group("number")
            new = _split_token(token, "Ö", number) if number else [replace(token, text="Ö")]
        else:
            continue
        mends[index] = [*tokens[:at], *new, *tokens[at + 1 :]]
    return mends


def _numbered(lines: list[Line]) -> list[tuple[int, str, float]]:
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
    numbered = _numbered(lines)
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


def _label_pattern(rules: MeetingRules) -> regex.Pattern[str]:
    """A known label, alone as a word, with the sign OCR read for its colon (or none)."""
    labels = [*rules.decision_labels, *rules.vote_labels]
    for patterns in rules.header_labels.values():
        labels.extend(patterns)
    return regex.compile(rf"^(?:{'|'.join(labels)})(?P<sign>[;.,]?)$", regex.IGNORECASE)


def _with_colon(tokens: list[Token], labels: regex.Pattern[str]) -> list[Token]:
    """``tokens`` with the colon of a label first on the line put back, where a capital or a
    digit follows it."""
    if len(tokens) < 2 or tokens[0].text.endswith(":"):
        return tokens
    match = labels.match(tokens[0].text)
    following = tokens[1].text[:1]
    if match is None or not (following.isupper() or following.isdigit()):
        return tokens
    # A sentence starting with a label's word goes on in lower case ('Ende gut, alles gut'),
    # or is one word ('Ergebnis'); a label's value starts with a capital or a digit.
    text = tokens[0].text[: len(tokens[0].text) - len(match.group("sign"))] + ":"
    return [replace(tokens[0], text=text), *tokens[1:]]


def _with_parentheses(tokens: list[Token], factions: regex.Pattern[str]) -> list[Token]:
    """``tokens`` with the parentheses around a faction read right ('(FDP}', 'FDP),'), where no
    parenthesis opened before it on the line is still open ('(Antrag der SPD)' stays)."""
    mended = list(tokens)
    depth = 0
    for k, token in enumerate(tokens):
        text = token.text
        match = _FACTION.match(text)
        opened, closed = text[:1] in "([{", text.rstrip(".,;")[-1:] in ")]}"
        if match and factions.match(match.group("name")) and (opened or (closed and depth == 0)):
            new = f"({match.group('name')}){match.group('end')}"
            if new != text:
                mended[k] = replace(token, text=new)
            continue
        depth = max(depth + text.count("(") - text.count(")"), 0)
    return mended


def _as_part_heading(tokens: list[Token], rules: MeetingRules) -> list[Token]:
    """``tokens`` of a short line that OCR misread from a part heading, as the heading is printed."""
    text = " ".join(t.text for t in tokens)
    if len(tokens) > 4 or len(text) > PART_CHARS or not text[:1].isalpha():
        return tokens
    match = ocr_snapper().match(text, rules.part_headings)
    if match is None or not match.edited:
        return tokens
    words = match.entry.split()
    if len(words) == len(tokens):
        return [replace(t, text=word) for t, word in zip(tokens, words, strict=True)]
    # The words run together or apart: one box for the heading, shared by its words' letters.
    whole = replace(tokens[0], text=match.entry, x1=tokens[-1].x1)
    parts, rest = [], whole
    for word in words[:-1]:
        left, rest = _split_token(rest, word, rest.text[len(word) + 1 :])
        parts.append(left)
    return [*parts, rest]


def _location_pattern(rules: MeetingRules) -> regex.Pattern[str]:
    """A location label, first on its line."""
    return regex.compile(rf"^(?:{'|'.join(rules.header_labels.get('location', []))})\s*:", regex.IGNORECASE)


def _with_location_comma(tokens: list[Token], location: regex.Pattern[str]) -> list[Token]:
    """``tokens`` of a location label's line with a comma read as a full stop put back."""
    if not tokens or not location.match(" ".join(t.text for t in tokens[:2])):
        return tokens
    mended = list(tokens)
    for k, (token, after) in enumerate(itertools.pairwise(tokens)):
        if _LOCATION_STOP.search(f"{token.text} {after.text}"):
            mended[k] = replace(token, text=token.text[:-1] + ",")
    return mended
