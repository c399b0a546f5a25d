"""The end of a letter or motion: the closing formula and the signature block of names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import pairwise

import regex

from ...layout.lines import Line
from ...ocr.confidence import OcrDoubt
from ...text.dates import iter_dates
from .vocabulary import reader_vocabulary

_CLOSING = regex.compile(
    r"^\s*(?:Mit (?:freundlichen|besten|herzlichen|bürgerschaftlichen|kollegialen|solidarischen) Grü(?:ß|ss)en|"
    r"Mit freundlichem Gru(?:ß|ss)|"
    r"(?:Freundliche|Herzliche|Viele|Beste) Grü(?:ß|ss)e|Hochachtungsvoll)",
    regex.IGNORECASE,
)
#: A dateline standing on its own: "Erlangen, den 16.12.2020", "Erlangen 24.10.2021",
#: "Winsen (Luhe), 01.07.2024" (a place with its river or region in parentheses),
#: "6. März 2024", "21. Juli 2020/AB" (initials of the writer after a slash). A date inside a
#: sentence is a date the paper mentions, not the paper's date. Without a comma the words
#: before the date must read as a place name (capitalised words, joined by "am", "im", "an
#: der" ...): "Antrag zur Sitzung am 17.02.2022" and "Beschluss vom 22.11.2023" are no datelines.
DATELINE = regex.compile(
    r"(?:(?:\p{Lu}[\p{L}. -]{1,40}?(?:\s\(\p{Lu}[\p{L}. -]{1,20}\))?(?:,|;(?=\s*(?:den|am)\b))"
    r"|\p{Lu}[\p{L}.-]*(?:\s+(?:(?:am|im|an|in|ob|bei|vor|der|dem)\s+){0,2}"
    r"\p{Lu}[\p{L}.-]*){0,3})\s+(?:den|am)?\s*)?(?P<date>\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{2,4}|"
    r"\p{L}{3,9}\.?\s+\d{4}))(?:\s*/\s*\p{L}{1,4})?"
)
#: The label over a paper's list of attachments, which may follow its signature.
_ATTACHMENT_LABEL = regex.compile(
    r"^\s*(?:Anlagen?|Anlage\s*\(\s*n\s*\)|Anlage\s*/\s*n|Beilagen?)\s*:", regex.IGNORECASE
)
#: A signature block has at most this many lines (names, roles; the blocks of a paper that
#: four groups sign one under the other).
_MAX_SIGNATURE = 12
#: A name's or a role's word; a deputy's role and a signature for someone else start in lower
#: case ("stv. Fraktionsvorsitzender", "stellv. Sprecherin", "i.A. Keller", "i. V.").
_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}.'’-]*|von|van|de|der|zu|und|&|\(\p{L}+\)|stv\.|stellv\.|i\.(?:[AV]\.)?)$")
_SENTENCE_END = (".", "!", "?", ":", ";")
#: A signing line that names factions has at most this many words.
_FACTION_WORDS = 10


def is_closing(text: str) -> bool:
    """Whether ``text`` opens with a letter's closing formula."""
    return bool(_CLOSING.match(text))


#: The first words of a closing formula, a line's only words when a pen stroke took the rest.
_CLOSING_START = regex.compile(
    r"^\s*(?:Mit(?:\s+(?:freundlichen|besten|herzlichen|freundlichem))?|Freundliche|Herzliche|Viele|Beste)\s*$"
)
#: A region OCR dropped stands beside such a line within this many of its heights.
_CUT_REACH = 3.0


def is_cut_closing(line: Line, regions: Sequence[OcrDoubt]) -> bool:
    """Whether ``line`` is a closing formula that a pen stroke or a stamp cut: only its first
    words ("Mit") were read, and OCR dropped a region (:attr:`OcrDoubt.dropped`) in the line's
    band just to their right, where "freundlichen Grüßen" stood."""
    if not _CLOSING_START.match(line.text):
        return False
    height = max(line.bottom - line.top, 1.0)
    return any(
        region.dropped
        and region.page == line.page
        and region.top < line.bottom
        and region.bottom > line.top
        and line.x1 - height <= region.x0 <= line.x1 + _CUT_REACH * height
        for region in regions
    )


#: The words before a faction that its members sign for: "für die SPD-Fraktion", "namens der Fraktion".
_SIGNING_FOR = regex.compile(r"^(?:[Ff]ür|[Nn]amens)\s+(?:die|den|das|der)\s+(?=\S)")


def _signature_line(line: Line) -> bool:
    """A name or a role: a few capitalised words, no sentence punctuation, no digits, maybe after
    "gez."; the members who sign too after their label ("Mitunterzeichnende: ..."); or the
    faction or factions signing ("Fraktion Bündnis 90/Die Grünen", "Gruppe Die PARTEI und
    Fraktion DIE LINKE", "für die SPD-Fraktion"), whose names may hold digits and run longer.
    Blocks side by side (the groups of a joint paper signing) are read each on its own."""
    segments = line.segments()
    if len(segments) > 1:
        return all(_signature_text(" ".join(t.text for t in segment)) for segment in segments)
    return _signature_text(line.text)


def _signature_text(text: str) -> bool:
    """Whether ``text`` is a signature block's line (:func:`_signature_line`)."""
    cosigners = reader_vocabulary().matcher("cosigners").match(text)
    if cosigners is not None and all(_NAME_WORD.match(w) for w in text[cosigners.end() :].replace(",", " ").split()):
        return True  # "Mitunterzeichnende: Katrin Wagner, Sabine Wagner": the members who sign too
    if reader_vocabulary().matcher("signing_office").match(text):
        return True  # "Senatsverwaltung für Mobilität, Verkehr, Klimaschutz und Umwelt" under the name
    text = _SIGNED.sub("", text)
    words = text.split()
    if not words or len(words) > _FACTION_WORDS or text.rstrip().endswith(_SENTENCE_END):
        return False
    if len(words) <= 5 and not any(ch.isdigit() for ch in text) and all(_NAME_WORD.match(w) for w in words):
        return True
    signing_for = _SIGNING_FOR.match(text) is not None
    opens = signing_for or _NAME_WORD.match(words[0]) is not None
    return bool(reader_vocabulary().matcher("faction").search(text)) and opens


#: "gez." before a name signed for its signer.
_SIGNED = regex.compile(r"^\s*gez\.?\s+(?=\p{Lu})")


def trailing_signature(lines: Sequence[Line]) -> int:
    """How many lines at the end of ``lines`` are a signature block: names and roles set
    apart from the text above by a wide gap."""
    count = 0
    while count < min(_MAX_SIGNATURE, len(lines) - 1) and _signature_line(lines[-1 - count]):
        count += 1
    while count:
        first, above = lines[-count], lines[-count - 1]
        if first.page != above.page or first.top - above.bottom > 1.5 * first.size:
            return count
        # Blocks one under the other (the groups of a joint paper signing) stand apart from
        # each other too: the text ends where the gap is wider than any between the blocks.
        inside = [b.top - a.bottom for a, b in pairwise(lines[-count:]) if a.page == b.page]
        gap = first.top - above.bottom
        if inside and gap > first.size and gap > _WIDER * max(inside):
            return count
        count -= 1
    return 0


#: The gap over a signature is this much wider than the widest between its blocks.
_WIDER = 1.15


#: A letter may put its place and date line at the end, this many lines above the closing.
_DATE_ABOVE_CLOSING = 3


def date_above_closing(lines: Sequence[Line]) -> tuple[dt.date, Line] | None:
    """The place and date line (:data:`DATELINE`) standing alone just above a
    letter's closing formula ("Bern, 19. März 2009" over "Mit freundlichen Grüßen"), on any page."""
    for index, line in enumerate(lines):
        if not is_closing(line.text):
            continue
        for above in reversed(lines[max(0, index - _DATE_ABOVE_CLOSING) : index]):
            match = DATELINE.fullmatch(above.text.strip())
            parsed = next((d for d, _, _ in iter_dates(match.group("date"))), None) if match else None
            if parsed is not None:
                return parsed, above
    return None


def date_over_signature(lines: Sequence[Line]) -> tuple[dt.date, Line] | None:
    """The place and date line (:data:`DATELINE`) right over the signature block that ends a
    paper without a closing formula ("Berlin, den 07.09.2023" over "Julia Schmidt" / "Vorsitz"),
    as motions and district assembly papers are signed; an "Anlage(n):" list under the
    signature is passed over, one over the dateline is not in the way."""
    listed = next(
        (
            k
            for k in range(len(lines) - 1, max(-1, len(lines) - _MAX_SIGNATURE - 1), -1)
            if _ATTACHMENT_LABEL.match(lines[k].text)
        ),
        None,
    )
    # The signature ends the paper ("Anlage: Kostenschätzung" over "Gratkorn, 19. Mai 2023" and
    # the names), or the attachments' list follows it.
    ends = [lines] if listed is None else [lines, lines[:listed]]
    for signed in ends:
        count = 0
        while count < min(_MAX_SIGNATURE, len(signed) - 1) and _signature_line(signed[-1 - count]):
            count += 1
        if not count:
            continue
        above = signed[-1 - count]
        match = DATELINE.fullmatch(above.text.strip())
        parsed = next((d for d, _, _ in iter_dates(match.group("date"))), None) if match else None
        if parsed is not None:
            return parsed, above
    return None
