"""The output contract: one validated pydantic object per council paper."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .issues import Issue
from .meeting_models import AgendaItem, Attendee, Meeting, Speech
from .status import ParseStatus

_T = TypeVar("_T")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BBox(_Model):
    """A box in PDF points, origin top-left of the page."""

    x0: float
    top: float
    x1: float
    bottom: float


class Provenance(_Model):
    """Where on which page (1-based) a field was read, and how sure the reading is (0..1: the
    way it was read, lowered on OCRed pages and by a warning about the field; 1.0 in output
    written before confidences existed)."""

    page: int
    bbox: BBox
    confidence: float = Field(
        default=1.0,
        ge=0.0,
        le=1.0,
        description="How sure the reading is, 0..1: 0.95 labelled, 0.85 read after a label or from a "
        "table, 0.6 a layout guess; lowered on OCRed pages and by a warning about the field.",
    )


class Source(_Model):
    """The input file: its name as given (None for bytes) and the SHA-256 of its bytes."""

    file: str | None = None
    sha256: str


class Consultation(_Model):
    """One row of the Beratungsfolge: which body treats the paper, when, how and in what role."""

    body: str
    date: dt.date | None = None
    public: bool | None = None
    role: str | None = None


class ResolutionItem(_Model):
    """One item of the Beschlussvorschlag, with its printed number ("01") if any."""

    number: str | None = None
    text: str


class CheckboxOption(_Model):
    """One box and its label; ``checked`` is None only when the state could not be determined."""

    label: str
    checked: bool | None


class CheckboxGroup(_Model):
    """A labelled group of boxes; ``selected`` names the single ticked option, else None."""

    label: str
    options: list[CheckboxOption]
    selected: str | None = None


class FinanceRow(_Model):
    """One row of the finance table: amounts per year column (None where the cell is blank)."""

    label: str
    amounts: dict[str, float | None]


class Finances(_Model):
    """The finance table and the total cost."""

    rows: list[FinanceRow] = Field(default_factory=list)
    total_cost: float | None = None


class ProfileMatch(_Model):
    """Which layout profile read the paper and how sure the match was (0..1)."""

    name: str
    confidence: float


class _Group:
    """Marks fields of :class:`Drucksache` as one group: metadata only, which validation, the
    JSON output and the JSON schema ignore."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name} fields>"


_COVER = _Group("cover")
_ABOUT_FILE = _Group("file")
_MEETING = _Group("meeting")
#: A cover field: one value (text, yes/no or date) read from the first pages.
_Cover = Annotated[_T, _COVER]
#: A field that describes the file and the parse, not the paper's content.
_AboutFile = Annotated[_T, _ABOUT_FILE]
#: A field only meeting documents (``kind`` "meeting") fill.
_MeetingPart = Annotated[_T, _MEETING]


class Drucksache(_Model):
    """A parsed council document: a paper, or with ``kind`` "meeting" an invitation or minutes.

    Field names are a fixed contract for downstream systems (descriptions: :mod:`ratsdoc.schema`).
    """

    number: _Cover[str | None] = None
    title: _Cover[str | None] = None
    document_type: _Cover[str | None] = None
    public: _Cover[bool | None] = None
    body: _Cover[str | None] = None
    originator: _Cover[str | None] = None
    faction: _Cover[str | None] = None
    date: _Cover[dt.date | None] = None
    consultations: list[Consultation] = Field(default_factory=list)
    resolution_proposal: list[ResolutionItem] = Field(default_factory=list)
    checkboxes: list[CheckboxGroup] = Field(default_factory=list)
    finances: Finances | None = None
    attachments: list[str] = Field(default_factory=list)
    justification: str | None = None
    links: list[str] = Field(default_factory=list)
    kind: Literal["paper", "meeting"] = "paper"
    meeting: _MeetingPart[Meeting | None] = None
    agenda_items: _MeetingPart[list[AgendaItem]] = Field(default_factory=list)
    attendees: _MeetingPart[list[Attendee]] = Field(default_factory=list)
    speeches: _MeetingPart[list[Speech]] = Field(default_factory=list)
    text: str = ""
    page_count: _AboutFile[int]
    source: _AboutFile[Source]
    profile: _AboutFile[ProfileMatch | None] = None
    warnings: _AboutFile[list[str]] = Field(default_factory=list)
    provenance: _AboutFile[dict[str, list[Provenance]]] = Field(default_factory=dict)


# Field lists come from the model, so that a new field is declared once, with its group.
#: The fields a paper's content fills, in contract order; the rest (page_count, source, ...)
#: describe the file.
CONTENT_FIELDS: tuple[str, ...] = tuple(
    name for name, info in Drucksache.model_fields.items() if _ABOUT_FILE not in info.metadata
)
#: The cover fields, in contract order: the archive keeps them as columns and exports them.
COVER_FIELDS: tuple[str, ...] = tuple(name for name, info in Drucksache.model_fields.items() if _COVER in info.metadata)
#: The fields only meeting documents fill: the session, agenda, attendees and speeches.
MEETING_FIELDS: tuple[str, ...] = tuple(
    name for name, info in Drucksache.model_fields.items() if _MEETING in info.metadata
)
#: The content fields a paper's golden names: all but ``kind``, ``text`` and the meeting fields.
PAPER_FIELDS: tuple[str, ...] = tuple(
    name for name in CONTENT_FIELDS if name not in MEETING_FIELDS and name not in ("kind", "text")
)


class ErrorInfo(_Model):
    """A failure in a bulk run: the error class, the one-line reason and extra data."""

    type: str
    message: str
    limit: str | None = None


class ParseResult(_Model):
    """One input of a bulk run: ``status`` ok/warning/failed, with the paper or the error.

    ``issues`` are the paper's warnings as typed :class:`~ratsdoc.issues.Issue` objects (code,
    message, page), for Python callers; the JSON of a result leaves them out.
    """

    file: str
    status: ParseStatus
    document: Drucksache | None = None
    error: ErrorInfo | None = None
    seconds: float = 0.0
    issues: list[Issue] = Field(default_factory=list, exclude=True)
