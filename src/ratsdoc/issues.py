"""Typed warnings: what went wrong while reading a paper, as a code the code can test.

The engines, OCR and extractors report an :class:`Issue`; the output keeps only the message
(``Drucksache.warnings``), so decisions in the pipeline look at the code, never at wording.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class IssueCode(str, Enum):
    """The kind of an :class:`Issue`; a ``str`` so it prints and serialises as its value."""

    NO_TEXT = "no_text"  # no page of the PDF gave any text
    NO_TEXT_LAYER = "no_text_layer"  # a scanned page without text layer, OCR off
    OCR_APPLIED = "ocr_applied"  # a page was OCRed
    OCR_LAYER_USED = "ocr_layer_used"  # a scan's own OCR text layer was used
    OCR_LAYER_NOISY = "ocr_layer_noisy"  # a scan's own OCR text layer has misread words
    OCR_LAYER_MENDED = "ocr_layer_mended"  # words of a kept OCR layer were taken from a fresh OCR reading
    CID_GLYPHS = "cid_glyphs"  # glyphs without Unicode mapping: their text is unknown
    PDF_REPAIRED = "pdf_repaired"  # truncated file or missing trailer, repaired
    PAGE_UNREADABLE = "page_unreadable"  # a page could not be read and was skipped
    PAGE_BOX_INVALID = "page_box_invalid"  # a MediaBox/CropBox was replaced by a default
    STREAM_DAMAGED = "stream_damaged"  # compressed streams of a page are damaged
    CHARS_CUT = "chars_cut"  # a page drew more characters than the limit
    SHAPES_CUT = "shapes_cut"  # a page drew more objects than the limit
    ANNOTATIONS_CUT = "annotations_cut"  # a page has more annotations than the limit
    ANNOTATION_UNREADABLE = "annotation_unreadable"  # one annotation was skipped
    CHECKBOX_STATE_UNKNOWN = "checkbox_state_unknown"  # a box neither clearly ticked nor empty
    NOT_A_DRUCKSACHE = "not_a_drucksache"  # another kind of paper: Drucksache fields stay empty
    LINK_DROPPED = "link_dropped"  # a link to a non-web address (javascript:, file:, data:) was dropped
    OCR_RESOLUTION_LOWERED = "ocr_resolution_lowered"  # a large page was rendered for OCR below 300 dpi
    TEXT_INVISIBLE = "text_invisible"  # invisible text on a page that is not a scan was dropped
    FIELD_MISSING = "field_missing"  # a field every paper has (title, type, date) was not found
    VALUE_IMPLAUSIBLE = "value_implausible"  # a value that cannot be right was dropped (plausibility.py)
    PROFILE_FORCED_MISMATCH = "profile_forced_mismatch"  # a forced profile's detection does not match the paper
    MEETING_FIELD_MISSING = "meeting_field_missing"  # a meeting document lacks its date or agenda
    READING_ORDER_UNCERTAIN = "reading_order_uncertain"  # a page's columns could not be told apart for sure
    ENGINE_FALLBACK = "engine_fallback"  # the chosen engine could not read the PDF; the other one did
    OCR_PAGE_TURNED = "ocr_page_turned"  # a page scanned sideways was turned upright for OCR
    TEXT_EMPTY = "text_empty"  # the pages have text objects, but no word of running text came out
    XFA_FORM = "xfa_form"  # an XFA form: its own content is not read, only the printed pages
    OCR_REGION_IGNORED = "ocr_region_ignored"  # a stamp, handwriting or logo on a scan was left out of the text
    SECOND_DOCUMENT = "second_document"  # another paper (an answer, a statement) follows the paper in the file
    VALUE_UNCERTAIN = "value_uncertain"  # a value taken by a weak fallback (the first heading as title)
    DATE_UNREADABLE = "date_unreadable"  # the paper's own date is printed, but its day cannot be read
    FOOTER_DOUBTFUL = "footer_doubtful"  # small print by a letter's text, with few words of company data, kept as text
    AGENDA_DOUBTFUL = "agenda_doubtful"  # agenda items with gaps, cut titles or list and minutes disagreeing
    KIND_UNCERTAIN = "kind_uncertain"  # paper or meeting document: the signals disagree or are weak
    REQUEST_DOUBTFUL = "request_doubtful"  # a letter's request sentence names a body or type not read, or another
    TEXT_IMAGES_READ = "text_images_read"  # lines of text drawn as images on a page with text were read by OCR
    LOGO_READ = "logo_read"  # the words of a letterhead's logo image were read by OCR
    TEXT_IMAGES_UNREAD = "text_images_unread"  # lines of text drawn as images were not read (OCR off or missing)
    BODY_BARE = "body_bare"  # a meeting's body is named by its noun alone ('Rat'): whose it is, no line says
    PARAGRAPH_BREAK_UNCERTAIN = "paragraph_break_uncertain"  # a page break may or may not end a paragraph
    TABLE_ROWS_UNCERTAIN = "table_rows_uncertain"  # a table's lines read as rows may be one row's wrapped cells
    FIELD_TEXT_HIDDEN = "field_text_hidden"  # a form field holds more text than its box shows; all of it was read
    TEXT_LAYER_READ = (
        "text_layer_read"  # fonts whose text layer cannot be read (no or a wrong ToUnicode) were read by OCR
    )
    TEXT_LAYER_UNREAD = "text_layer_unread"  # fonts whose text layer cannot be read were left out (OCR off or missing)

    def __str__(self) -> str:
        return str(self.value)


@dataclass(frozen=True, slots=True)
class Issue:
    """One warning: its ``code``, the ``message`` the output shows, the 1-based ``page`` and the
    contract ``field`` it is about, when it is about one (the evaluation counts it as warned)."""

    code: IssueCode
    message: str
    page: int | None = None
    field: str | None = None
    #: The region of the page the warning is about (left, top, right, bottom in points), if any.
    bbox: tuple[float, float, float, float] | None = None

    def __str__(self) -> str:
        return self.message


#: Codes saying that text is missing: the document-level NO_TEXT would repeat them.
TEXT_MISSING = frozenset({IssueCode.NO_TEXT, IssueCode.NO_TEXT_LAYER})


#: Codes that put every field of the paper in doubt: text is missing, guessed by OCR or garbled,
#: or read through a forced profile that does not fit the paper.
#: Other codes without a ``field`` (a page box replaced, shapes or annotations cut, another
#: kind of paper) warn about no field in particular.
DOCUMENT_WIDE = frozenset(
    {
        IssueCode.NO_TEXT,
        IssueCode.NO_TEXT_LAYER,
        IssueCode.OCR_APPLIED,
        IssueCode.OCR_LAYER_USED,
        IssueCode.OCR_LAYER_NOISY,
        IssueCode.CID_GLYPHS,
        IssueCode.PDF_REPAIRED,
        IssueCode.PAGE_UNREADABLE,
        IssueCode.STREAM_DAMAGED,
        IssueCode.CHARS_CUT,
        IssueCode.PROFILE_FORCED_MISMATCH,
        IssueCode.TEXT_IMAGES_READ,
        IssueCode.TEXT_IMAGES_UNREAD,
        IssueCode.TEXT_LAYER_UNREAD,
    }
)


def warns_about(issues: Iterable[Issue], name: str) -> bool:
    """True when one of ``issues`` names field ``name`` or is :data:`DOCUMENT_WIDE`."""
    return any(issue.field == name or issue.code in DOCUMENT_WIDE for issue in issues)


def messages(issues: Iterable[Issue]) -> list[str]:
    """The messages of ``issues``, in order, each once (what ``Drucksache.warnings`` holds):
    one warning may name several fields as several issues with the same message."""
    return list(dict.fromkeys(issue.message for issue in issues))


def has_code(issues: Iterable[Issue], codes: IssueCode | frozenset[IssueCode]) -> bool:
    """True when any of ``issues`` has ``codes`` (one code or a set of them)."""
    wanted = codes if isinstance(codes, frozenset) else frozenset({codes})
    return any(issue.code in wanted for issue in issues)
