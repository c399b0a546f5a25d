"""Whether the cells of a ruled row are wrapped text (read cell by cell) or the columns of a
table whose rows have no rules between them (read line by line).

A ruled row whose cells hold the same number of lines is ambiguous from the rules alone: a
header row of three cells wrapped to three lines each ("Frauenförderplan oder vergleichbare"
over "Zielvereinbarung geplant" beside "Steuerung und Controlling" over "der
Gleichstellungsziele;") looks like a frame around a table of three unruled rows
("Hauptausschuss" / "Umweltausschuss" beside "05.02.2025" / "24.02.2025"). The words tell them
apart: where a line of running text breaks, the sentence goes on — the line ends in a broken
word ("Chancen-"), in a joining word ("und", "der", "für"), or the next line starts with one
or with a lowercase word — while the entries of a table's rows each stand alone: a name, an
amount, a date. The notion is that of
:func:`~ratsdoc.extract.generic.wrapped.continues_sentence` for a paragraph's lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .lines import Token

#: Words that join one part of a sentence to the next and never end a table entry: articles,
#: prepositions and conjunctions. A line ending in one, or a line starting with one in
#: lowercase, goes on with the line above.
_JOINING_WORDS = (
    "und oder sowie bzw als wie der die das des dem den ein eine einer eines einem einen"
    " für von vom zu zur zum mit im in an am auf aus bei nach über unter vor gegen ohne durch bis zwischen"
)
JOINERS = frozenset(_JOINING_WORDS.split())
#: Marks that end a sentence or a label: a line ending in one may stand alone.
FINAL = ".:;!?"
#: A cell's lines follow each other within this share of the font size (a blank line between
#: them separates entries).
LINE_GAP = 0.5

#: Evidence at a line break: none, a lowercase word at the break, a broken or joining word.
NONE, WEAK, STRONG = 0, 1, 2


def _is_entry(line: Sequence[Token]) -> bool:
    """Whether ``line`` is an entry of its own: a checkbox or a list item, or a line without a
    word of two letters (an amount, a date, a number, a mark)."""
    if any(t.box is not None or t.bullet for t in line):
        return True
    first = line[0].text
    if first in {"-", "–", "—", "•"} or (first.rstrip(".)").isdigit() and first[-1] in ".)"):
        return True  # "- Radwege", "1. Radwege", "2) Schulen": items of a list
    return not any(sum(c.isalpha() for c in t.text) >= 2 for t in line)


def junction(above: Sequence[Token], below: Sequence[Token]) -> int:
    """The evidence that ``below`` goes on with the text of ``above`` in one cell: STRONG for a
    word broken at the line end ("Chancen-" / "gleichheit") or a joining word at the break
    ("Steuerung und" / "Controlling", "Controlling" / "der Gleichstellungsziele"), WEAK for a
    lowercase word at the break ("vergleichbare" / "Zielvereinbarung"), NONE otherwise (the
    line above ends a sentence, or both words at the break are nouns or numbers)."""
    last, first = above[-1].text, below[0].text
    if not last or not first or last[-1] in FINAL:
        return NONE
    if len(last) > 2 and last[-1] == "-" and last[-2].isalpha() and first[0].isalpha():
        return STRONG
    if last in JOINERS or first in JOINERS:
        return STRONG
    if (last[0].islower() and last[-1].isalpha()) or first[0].islower():
        return WEAK
    return NONE


def wrapped_row(cells: Sequence[Sequence[Sequence[Token]]]) -> bool:
    """Whether a ruled row's cells, each given as its lines top to bottom, are wrapped text to
    be read cell by cell: no line is an entry of its own, every cell's lines follow closely,
    every cell shows evidence of a wrap at half of its line breaks or more, and one break of
    the row shows strong evidence. In doubt the lines are kept (False)."""
    strong = False
    for lines in cells:
        breaks = list(pairwise(lines))
        if not breaks or any(not line or _is_entry(line) for line in lines):
            return False
        for above, below in breaks:
            size = max(t.size for t in (*above, *below))
            if min(t.top for t in below) - max(t.bottom for t in above) > LINE_GAP * size:
                return False
        evidence = [junction(above, below) for above, below in breaks]
        if 2 * sum(e > NONE for e in evidence) < len(evidence):
            return False
        strong = strong or STRONG in evidence
    return strong
