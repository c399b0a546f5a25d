"""A fax cover sheet sent before the paper ("Telefax", "Fax-Deckblatt": An, Von, Fax-Nr., Datum,
Seiten, Betreff): its subject, date and sender are the transmission's, not the paper's, so the
fields are read from the pages after it, and their pages are told as the file counts them."""

from __future__ import annotations

from dataclasses import replace

import regex

from ..issues import Issue
from ..layout.lines import Line
from ..regions import Layout
from .context import Fields

#: The sheet's heading, alone on its line ("Telefax", "FAX-DECKBLATT", "Faxmitteilung").
_HEADING = regex.compile(
    r"^(?:Tele)?fax(?:[\s-]?(?:Deckblatt|Mitteilung|Nachricht|Anschreiben))?$|^Fax[\s-]?Deckblatt$",
    regex.IGNORECASE,
)
#: The form's labels at a line's start; OCR may read the colon as a full stop or drop it.
_LABELS = {
    "to": regex.compile(r"^(?:An|Empfänger|To)\s*[:.;]", regex.IGNORECASE),
    "from": regex.compile(r"^(?:Von|Absender|From)\s*[:.;]", regex.IGNORECASE),
    "number": regex.compile(r"^(?:Fax|Telefax)(?:[\s-]*(?:N[ro]\.?|Nummer)|\s*[:.;])", regex.IGNORECASE),
    "pages": regex.compile(
        r"^(?:Seiten(?:zahl)?|Anzahl\s+(?:der\s+)?Seiten|Seiten\s+insgesamt|Pages)\s*(?:\(.*?\)\s*)?[:.;!,]?\s*\d",
        regex.IGNORECASE,
    ),
    "date": regex.compile(r"^Datum\s*[:.;]", regex.IGNORECASE),
    "subject": regex.compile(r"^(?:Betreff|Betr\.)\s*[:.;]?", regex.IGNORECASE),
}
#: The sheet's heading stands among its first lines.
_HEADING_LINES = 6


def is_cover_sheet(lines: list[Line]) -> bool:
    """Whether a page's ``lines`` (its body lines, top down) are a fax cover sheet: the count of
    its pages beside the form's other labels, under the sheet's heading or with the fax number's
    label. A paper's own head has a "Betreff:" and a "Datum:" but never counts its pages."""
    texts = [line.text.strip() for line in lines]
    found = {name for name, label in _LABELS.items() for text in texts if label.match(text)}
    if "pages" not in found or len(found & {"to", "from", "date", "subject", "number"}) < 2:
        return False
    headed = any(_HEADING.match(text.strip(" .:")) for text in texts[:_HEADING_LINES])
    return headed or "number" in found


def without_cover_sheet(layout: Layout) -> tuple[Layout, int]:
    """``layout`` from the page after a fax cover sheet on page 1, its pages numbered from 1 again,
    and the count of pages left out (0: no cover sheet, the layout itself)."""
    if len(layout.pages) < 2:
        return layout, 0
    first = [line for line in layout.lines if line.page == 1 and not line.furniture]
    if not is_cover_sheet(sorted(first, key=lambda line: line.top)):
        return layout, 0
    lines = [Line(line.page - 1, line.tokens, line.furniture) for line in layout.lines if line.page > 1]
    return (
        replace(
            layout,
            pages=[replace(page, number=page.number - 1) for page in layout.pages[1:]],
            lines=lines,
            ocr_pages=[page - 1 for page in layout.ocr_pages if page > 1],
            ocr_doubts=[replace(doubt, page=doubt.page - 1) for doubt in layout.ocr_doubts if doubt.page > 1],
            # The letterhead logo read from page 1 is the cover sheet's.
            logo_lines=[],
        ),
        1,
    )


def pages_as_filed(fields: Fields, skipped: int) -> None:
    """Number the pages of ``fields``' provenance and warnings as the file does again, after
    ``skipped`` cover pages were left out of the reading."""
    if not skipped:
        return
    for places in (fields.provenance, fields.items):
        for name, where in places.items():
            places[name] = [place.model_copy(update={"page": place.page + skipped}) for place in where]
    fields.warnings[:] = [issue if issue.page is None else _moved(issue, skipped) for issue in fields.warnings]


def _moved(issue: Issue, skipped: int) -> Issue:
    assert issue.page is not None
    return replace(issue, page=issue.page + skipped)
