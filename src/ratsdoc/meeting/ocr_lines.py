"""Lines of a scanned meeting document as OCR misreads them, mended before any field is read:
item numbers and labels (:mod:`.ocr_numbers`), labels without their colon, a faction's
parentheses, a location's comma, part headings, the size of a bare item label and paper codes.

Each mend needs evidence on the page beside the misread word, so that a born-digital line or a
line that means what it says is never touched:

- **Item numbers**: markers, labels, lost and garbled numbers, sub-items, Roman numbers and lost
  items, read back from the list around them (:mod:`.ocr_numbers`).
- **Labels** ("Beschluss Der Antrag ...", "Ort Rathaus", "Beschluss; ..."): the colon after a
  label of the session head or an item's result was lost or read as ";" or ".". Only a label
  the profile knows, first on its line and followed by a capital or a digit, gets it back.
- **Factions** ("(FDP}", "FDP),", "[SPD)"): a bracket read as another one, or lost, around a
  faction the profile knows, where no parenthesis is open before it on the line.
- **Locations** ("Rathaus. Huldigungssaal"): a comma read as a full stop between two words of a
  location label's line, where no sentence ends.
- **Part headings** ("Nichtöffenüliche Sitzung"): a short line that snaps, with OCR's
  look-alikes and a few errors more (:func:`~ratsdoc.text.lookalikes.ocr_snapper`), to a part
  heading the profile prints (``part_headings``) is that heading. A line garbled past snapping
  ("Ötisnuiche Sitzung") is one by its place: it stands right over a numbered item, ends in the
  heading's last word read right, and its first word opens with a look-alike of the heading's
  first letter and is about as long as the heading's first word. A session's kind ("Ordentliche
  Sitzung", ``session_kinds``) is never a part heading.
- **Label sizes** ("Zu TOP 1:" over its title): OCR sizes a line by its letters' height, and a
  line of capitals and digits has no descenders, so a bare item label reads a size or two
  smaller than the title below it, and the minutes reader, which joins a label to a title set
  alike, left both apart. The label takes the title's size, where it is within a third of it.
- **Paper codes** ("V0/2019/295"): a letter O read as a zero between a paper number's letter code
  and its slash; and a paper number whose thin slashes OCR read as spaces ("VO 2020 282", "AN 4267
  2023"): a code of capitals and two numbers, one of them a year, that end the line (its paper
  cell).

Only lines on OCR'd pages are looked at (:attr:`~ratsdoc.regions.Layout.ocr_pages`).
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import regex

from ..layout.lines import Line, Token
from ..regions import Layout
from ..text.lookalikes import ocr_snapper
from .agenda_wrap import bare_label, follows
from .ocr_numbers import mended_numbers, numbered_lines, split_token
from .rules import MeetingRules

#: Longest line (characters) snapped to a part heading.
PART_CHARS = 40
#: A garbled first word of a part heading may be this many letters shorter or longer than the
#: heading's.
PART_LENGTH_SLACK = 3
#: Letters a worn first letter of a part heading is read as, by the letter printed.
_FIRST_LETTERS = {"Ö": "ÖOoQ0GD6ÓÒ", "N": "NnHM"}
#: A paper number's letter code with its letter O read as a zero ("V0/2019/295").
_CODE_ZERO = regex.compile(r"^(?P<code>\p{Lu}{1,4})0(?P<rest>/\d{2,5}/\d{1,5})$")
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
    scanned = mended_numbers(originals)
    for index, tokens in _bare_label_sizes(scanned, rules).items():
        scanned[index] = Line(scanned[index].page, tokens, scanned[index].furniture)
    mended: dict[int, list[Token]] = {
        id(original): list(line.tokens)
        for original, line in zip(originals, scanned, strict=True)
        if line is not original
    }
    labels = _label_pattern(rules)
    factions = regex.compile(rf"^(?:{'|'.join(rules.factions)})$", regex.IGNORECASE)
    location = _location_pattern(rules)
    placed = _placed_part_headings(scanned, rules)
    for index, line in enumerate(originals):
        tokens = list(mended.get(id(line), line.tokens))
        tokens = placed.get(index, tokens)
        tokens = _with_paper_slashes([_with_paper_code(t) for t in tokens])
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


#: A bare label OCR sized this share of its title's size or more takes the title's size.
LABEL_SIZE_SHARE = 0.67


def _bare_label_sizes(lines: list[Line], rules: MeetingRules) -> dict[int, list[Token]]:
    """New tokens of the bare item labels ('Zu TOP 1:') right over their title that OCR sized
    smaller than it, by line index: at the title's size (see the module docstring)."""
    mends: dict[int, list[Token]] = {}
    for index, (line, below) in enumerate(itertools.pairwise(lines)):
        if not bare_label(line.text, rules) or below.page != line.page or not follows(below, line):
            continue
        first = below.text.lstrip()[:1]
        size, title = line.size, below.size
        if not first.isupper() or bare_label(below.text, rules) or not LABEL_SIZE_SHARE * title <= size < title:
            continue
        mends[index] = [replace(t, size=title) for t in line.tokens]
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
    if len(tokens) > 4 or len(text) > PART_CHARS or not text[:1].isalpha() or rules.res["session_kind"].match(text):
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
        left, rest = split_token(rest, word, rest.text[len(word) + 1 :])
        parts.append(left)
    return [*parts, rest]


def _placed_part_headings(lines: list[Line], rules: MeetingRules) -> dict[int, list[Token]]:
    """New tokens of the lines that are part headings by their place, by line index: a line of
    two or three words right over a numbered item (on its page), whose last word is the last word
    of a part heading read right and whose first word opens with a look-alike of that heading's
    first letter and is about as long as its first word ("Ötisnuiche Sitzung")."""
    numbered = {index for index, _, _ in numbered_lines(lines)}
    mends: dict[int, list[Token]] = {}
    for index, line in enumerate(lines[:-1]):
        tokens = list(line.tokens)
        following = lines[index + 1]
        if not 2 <= len(tokens) <= 3 or index + 1 not in numbered or following.page != line.page:
            continue
        if ocr_snapper().match(" ".join(t.text for t in tokens), rules.part_headings) is not None:
            continue  # read right or snapped by :func:`_as_part_heading`
        first, last = tokens[0].text, tokens[-1].text.rstrip(":")
        if rules.res["session_kind"].match(first):
            continue
        fits = [
            heading
            for heading in rules.part_headings
            if len(heading.split()) == len(tokens)
            and heading.split()[-1] == last
            and first[:1] in _FIRST_LETTERS.get(heading[:1], heading[:1])
            and abs(len(first) - len(heading.split()[0])) <= PART_LENGTH_SLACK
        ]
        if len(fits) == 1:
            mends[index] = [replace(t, text=word) for t, word in zip(tokens, fits[0].split(), strict=True)]
    return mends


def _with_paper_code(token: Token) -> Token:
    """``token`` with the letter O of a paper number's code read back from a zero ("V0/2019/295")."""
    match = _CODE_ZERO.match(token.text)
    if match is None:
        return token
    return replace(token, text=f"{match.group('code')}O{match.group('rest')}")


#: A paper number's code, and its parts: a year, and a running number.
_CODE = regex.compile(r"^\p{Lu}{2,4}$")
_YEAR = regex.compile(r"^(?:19|20)\d\d$")
_PART = regex.compile(r"^\d{2,5}$")


def _with_paper_slashes(tokens: list[Token]) -> list[Token]:
    """``tokens`` with a paper number at the line's end whose slashes OCR read as spaces ("VO 2020
    282") written with its slashes."""
    if len(tokens) < 4:
        return tokens
    code, first, second = tokens[-3:]
    if not (_CODE.match(code.text) and _PART.match(first.text) and _PART.match(second.text)):
        return tokens
    if not (_YEAR.match(first.text) or _YEAR.match(second.text)):
        return tokens
    joined = replace(code, text=f"{code.text}/{first.text}/{second.text}", x1=second.x1)
    return [*tokens[:-3], joined]


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
