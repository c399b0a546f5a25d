"""Fourth stage: field extractors read the layout through a profile and fill the contract."""

from __future__ import annotations

from collections.abc import Callable

from ..budget import Budget
from ..issues import IssueCode
from ..meeting.extract import extract_meeting
from ..meeting.gazette import session_notice
from ..meeting.ocr_lines import mended_ocr_lines
from ..meeting.package import session_package
from ..profile import Profile
from ..regions import Layout
from .attachments import extract_attachments
from .checkboxes import extract_checkboxes
from .consultations import extract_consultations
from .context import Context, Fields
from .cover import extract_cover
from .cover_type import fallback_document_type
from .fax_cover import pages_as_filed, without_cover_sheet
from .fax_lines import mark_fax_lines
from .finances import extract_finances
from .generic import fill_resolution
from .generic.appended import without_appended
from .letter_furniture import mark_letter_furniture
from .links import extract_links
from .mail_head import mail_head, read_mail_attachments, read_mail_fields
from .ocr_mend import spell_back_titles
from .ocr_noise import tidy_ocr_values, without_blobs, without_margin_marks
from .ocr_strays import without_boxes_in_text, without_strays
from .pen_notes import without_pen_notes
from .review import review_fields
from .sections import extract_justification, extract_resolution
from .ticks import normalise_ticks

__all__ = ["Fields", "extract_fields"]


#: The extractors in the order they run.
EXTRACTORS: tuple[Callable[[Context], None], ...] = (
    extract_consultations,
    extract_checkboxes,
    extract_finances,
    extract_cover,
    read_mail_fields,
    extract_resolution,
    fill_resolution,
    extract_attachments,
    read_mail_attachments,
    extract_justification,
    extract_links,
    extract_meeting,
    fallback_document_type,
)


def extract_fields(layout: Layout, profile: Profile, budget: Budget) -> Fields:
    """Run every extractor in a fixed order; later ones may skip lines earlier ones claimed.

    ``budget`` is the parse's: off the main thread there is no alarm, so its deadline is
    checked between extractors (a 4,000-line Wortprotokoll takes a while to read).
    """
    # Checkbox marks are normalised first: the extractors then read lines that no longer change.
    normalise_ticks(layout, profile.checkbox_options)
    # A fax cover sheet's subject, date and sender are the transmission's (fax_cover.py).
    layout, cover_pages = without_cover_sheet(layout)
    # Logo, stamp and pen marks that OCR read as short words are no text (ocr_noise.py).
    layout = without_blobs(layout)
    # ... and so are punch holes and pen strokes read in the left margin before a line's words.
    layout = without_margin_marks(layout)
    # ... and stamp, pen and speck remnants in the running text ("... zu beantragen. N").
    layout = without_strays(layout)
    # ... and a pen's notes beside the printed lines of the head ("... in der Bergstraße   erl").
    layout = without_pen_notes(layout)
    # ... and boxes found inside a sentence (a square capital, a pen's tick read as "x").
    layout = without_boxes_in_text(layout)
    # Item markers, sub-item dots, label colons and brackets OCR misread (meeting/ocr_lines.py).
    layout = mended_ocr_lines(layout, profile.meeting)
    # A fax machine's transmission line over each page is no text of the paper (fax_lines.py).
    mark_fax_lines(layout)
    # A second paper appended to this one (an answer to an Anfrage) has fields of its own.
    # A business letter's company block and follow-on heads are no text (letter_furniture.py).
    doubts = mark_letter_furniture(layout)
    # A session's package: the Einladung between a cover sheet and the papers bound after it (read
    # before a paper's appended pages are looked for: its Einladung's letterhead is no second paper).
    layout, package = session_package(layout, profile.meeting)
    appended = None
    if not package:
        layout, appended = without_appended(layout, fuzzy=2 if layout.ocr_pages else 0)
    # A gazette's page that publishes a session's notice among other notices: the notice is the paper.
    layout, notice = session_notice(layout, profile.meeting)
    notice += package
    # A paper printed from a mail client: its head rows are read apart (mail_head.py).
    ctx = Context(layout=layout, profile=profile, mail=mail_head(layout))
    for issue in notice:
        ctx.warn(issue.code, issue.message, issue.page, issue.field)
    for issue in doubts:
        ctx.warn(issue.code, issue.message, issue.page, issue.field)
    if appended is not None:
        page, line = appended
        ctx.warn(
            IssueCode.SECOND_DOCUMENT,
            f'page {page}: a second document follows the paper ("{line.text[:60]}"); '
            "the paper's fields were read from the pages before it",
            page,
        )
    for extractor in EXTRACTORS:
        budget.check_time()
        extractor(ctx)
    tidy_ocr_values(ctx)
    # Words of a title OCR misread, set back where the word list leaves one reading (warned).
    spell_back_titles(ctx)
    review_fields(ctx)  # last: it checks what every extractor filled
    budget.check_time()
    pages_as_filed(ctx.fields, cover_pages)
    return ctx.fields
