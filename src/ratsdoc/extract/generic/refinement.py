"""The subject block of a letter in the office style of DIN 5008: two to four lines of subject,
then a line that refines it ("Kauf eines Schleppers mit Mulcher ..." over "hier:
Bedarfsprüfung"); the title is the whole block."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ...layout.lines import Line
from .closing import DATELINE
from .vocabulary import ReaderVocabulary

#: A subject block above its "hier:" line has at most this many lines (DIN 5008 keeps it short).
_MAX_BLOCK_LINES = 4
#: Lines of a block share their left edge (points).
_ALIGN = 12.0
#: A "Betreff:" label may stand left of the block's edge by its own width.
_LABEL_WIDTH = 80.0
#: The refinement line of a subject block, also as OCR misreads it ("hler:").
_REFINEMENT = regex.compile(r"^\s*(?:hier){e<=1}\s*[:;]", regex.IGNORECASE)


def is_refinement(text: str) -> bool:
    """Whether ``text`` opens with the refinement label of a subject ("hier: Bedarfsprüfung")."""
    return bool(_REFINEMENT.match(text))


def refined_block(lines: Sequence[Line], index: int, vocab: ReaderVocabulary) -> list[str] | None:
    """The subject block above the refinement line ``lines[index]`` ("hier: ..."), top down:
    up to four lines ending right above it, on its left edge, with no paragraph gap; a
    "Betreff:" opening the block gives its value. None when no such block stands above
    (a lone "Antrag" over "hier: ..." is a type line, not a subject)."""
    anchor = lines[index]
    block: list[str] = []
    below = anchor
    for line in reversed(lines[max(0, index - _MAX_BLOCK_LINES) : index]):
        if line.page != anchor.page or below.top - line.bottom > 0.9 * below.size or not line.words:
            break
        text = line.text.strip()
        labelled = vocab.subject_re().match(text)
        if labelled is not None and abs(line.x0 - anchor.x0) <= _ALIGN + _LABEL_WIDTH:
            block.insert(0, labelled.group("value").strip())
            break
        if abs(line.x0 - anchor.x0) > _ALIGN or _not_subject(text, vocab):
            break
        block.insert(0, text)
        below = line
    return [part for part in block if part] or None


#: A head row of a label and its value ("Einreicher: Fraktion Die Mitte", "Datum: 02.09.2022").
_LABEL_ROW = regex.compile(r"^\p{L}[\p{L}/.-]{1,24}:\s+\S")


def _not_subject(text: str, vocab: ReaderVocabulary) -> bool:
    """Whether a line above a "hier:" line is no part of its subject: a type line ("Antrag",
    "Anfrage nach § 3 GeschO"), a label alone or a head row of a label with its value, a
    dateline or an address line."""
    return (
        vocab.type_re.match(text) is not None  # "Antrag", "Anfrage nach § 3 GeschO" over "hier: ..."
        or text.endswith(":")
        or _LABEL_ROW.match(text) is not None
        or bool(DATELINE.fullmatch(text))
        or bool(vocab.matcher("address").match(text))
    )
