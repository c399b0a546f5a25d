"""The output contract: one validated pydantic object per council paper."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from .issues import Issue
from .status import ParseStatus


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BBox(_Model):
    """A box in PDF points, origin top-left of the page."""

    x0: float
    top: float
    x1: float
    bottom: float


class Provenance(_Model):
    """Where on which page (1-based) a field was read."""

    page: int
    bbox: BBox


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


class Drucksache(_Model):
    """A parsed council paper. Field names are a fixed contract for downstream systems."""

    number: str | None = None
    title: str | None = None
    document_type: str | None = None
    public: bool | None = None
    body: str | None = None
    originator: str | None = None
    faction: str | None = None
    date: dt.date | None = None
    consultations: list[Consultation] = Field(default_factory=list)
    resolution_proposal: list[ResolutionItem] = Field(default_factory=list)
    checkboxes: list[CheckboxGroup] = Field(default_factory=list)
    finances: Finances | None = None
    attachments: list[str] = Field(default_factory=list)
    justification: str | None = None
    links: list[str] = Field(default_factory=list)
    page_count: int
    source: Source
    profile: ProfileMatch | None = None
    warnings: list[str] = Field(default_factory=list)
    provenance: dict[str, list[Provenance]] = Field(default_factory=dict)


#: The fields a paper's content fills; the rest (page_count, source, ...) describe the file.
CONTENT_FIELDS: tuple[str, ...] = (
    "number",
    "title",
    "document_type",
    "public",
    "body",
    "originator",
    "faction",
    "date",
    "consultations",
    "resolution_proposal",
    "checkboxes",
    "finances",
    "attachments",
    "justification",
    "links",
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
