"""A fax machine's transmission line, marked as page furniture before any field is read: the line
a sending or receiving fax prints at the very top (or foot) of every page ("12.03.2012 14:22 FAX
0221 123456 Fraktion XY S. 01/02"). Its date is the day of sending, never the paper's; its sender
is the fax's owner, not the paper's letterhead; on a one-page paper it recurs on no other page,
so the running-header test cannot see it."""

from __future__ import annotations

import regex

from ..layout.lines import Line
from ..regions import Layout

#: A transmission line stands this close to a page's edge (share of the page height).
_EDGE_SHARE = 0.07
#: A digit as OCR may read it on a transmission line's small print.
_D = r"[0-9OoIl]"
#: A clock time, not one of a sentence ("um 17:00 Uhr"); OCR reads the colon as a full stop or a
#: semicolon now and then.
_TIME = regex.compile(r"(?<![\d.:])[0-2]?\d[:.;][0-5]\d(?![\d.:/])(?!\s*Uhr)")
#: The machine's word for itself, as OCR may read it ("FAK").
_FAX = regex.compile(r"(?<!\p{L})(?:F[AÄ4][XK]|Fax|TELEFAX|Telefax)(?:-?Nr\.?)?(?!\p{Ll})")
#: The page counter of a transmission: "S. 01/02", "Seite 1/2", "P. 1/3" (OCR may double the
#: "S": "Ss. 01/02").
_COUNTER = regex.compile(
    rf"(?<!\p{{L}})(?:S[s5§]?|Seite|P|Page|Bl)\.?\s?{_D}{{1,2}}\s?/\s?{_D}{{1,2}}(?!\d)", regex.IGNORECASE
)
#: A transmission's page counter padded with zeros, ending the line ("S. 01/02", "S. O1/O1").
_PADDED_COUNTER = regex.compile(r"(?<!\p{L})S[s5§]?\.?\s?[0O][0-9OoIl]\s?/\s?[0O][0-9OoIl]\s*$")
#: A date as the machine prints it: "12.03.2012", "12.03.12", "2012-03-12", "12-MAR-2012",
#: "MAR-12-2012".
_DATE = regex.compile(
    rf"(?<!\d)(?:{_D}{{1,2}}[.\-/]{_D}{{1,2}}[.\-/]{_D}{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}-\p{{L}}{{3}}-\d{{2,4}}"
    r"|(?<!\p{L})\p{L}{3}-\d{1,2}-\d{2,4})(?!\d)"
)
#: A page number padded to three digits ending the line ("Seite 001", "P.002"): only a machine
#: numbers pages so.
_PADDED_PAGE = regex.compile(r"(?<!\p{L})(?:S|Seite|P|Page)\.?\s?[0O][0-9OoIl]{2}\s*$", regex.IGNORECASE)
#: The receiving machine's word opening its line ("Empfangen: 12.03.2024 14:14", "RX 12.03.").
_RECEIVED = regex.compile(
    r"^\W{0,2}(?:Empfangen|Empfangszeit|Empfang|Eingang\s+per\s+Fax|RX|Received)\b", regex.IGNORECASE
)
#: A fax number as the sender's machine is set up with it ("0221 123456", "+49 221 123456").
_NUMBER = regex.compile(r"(?<![\d.])(?:\+\s?49\s?\d{2,4}|0\d{2,4})\s?[\s/-]\s?\d{5,8}(?![\d.])")
#: A transmission's page counter without its word, ending the line ("1/2", "01/02").
_BARE_COUNTER = regex.compile(rf"(?<![\d/]){_D}{{1,2}}\s?/\s?{_D}{{1,2}}\s*$")


def is_fax_line(text: str) -> bool:
    """Whether ``text`` reads as a fax transmission line: the machine's word beside a date or the
    transmission's page counter (OCR may garble the date and time beyond reading), or a clock
    time with the page counter and a date."""
    fax, counter, date = bool(_FAX.search(text)), bool(_COUNTER.search(text)), bool(_DATE.search(text))
    if fax and (date or counter):  # no letterhead prints the machine's word beside a day or "S. 01/02"
        return True
    if _PADDED_COUNTER.search(text):  # "S. 01/02" at the end: only a machine pads page numbers
        return True
    clock = bool(_TIME.search(text))
    if clock and (date or counter) and (_PADDED_PAGE.search(text) or _RECEIVED.search(text)):
        return True
    # The machine's word misread: its sender's number, the send time and the page counter.
    if clock and _NUMBER.search(text) and (date or counter or _BARE_COUNTER.search(text)):
        return True
    return clock and ((fax and counter) or (counter and date))


def mark_fax_lines(layout: Layout) -> None:
    """Mark every transmission line at the top or foot of a page as furniture."""
    heights = {page.number: page.height for page in layout.pages}
    for line in layout.lines:
        if line.furniture or not _at_edge(line, heights.get(line.page, 842.0)):
            continue
        if is_fax_line(line.text):
            line.furniture = True


def _at_edge(line: Line, height: float) -> bool:
    return line.bottom < _EDGE_SHARE * height or line.top > (1 - _EDGE_SHARE) * height
