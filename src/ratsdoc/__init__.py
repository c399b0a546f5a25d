"""ratsdoc: German municipal council papers (Drucksachen, Vorlagen) from PDF to typed objects."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import parse, parse_many
from .errors import (
    DamagedPdfError,
    EncryptedPdfError,
    InputError,
    LimitExceededError,
    NotAPdfError,
    OcrUnavailableError,
    ProfileError,
    RatsdocError,
)
from .issues import Issue, IssueCode
from .models import (
    BBox,
    CheckboxGroup,
    CheckboxOption,
    Consultation,
    Drucksache,
    ErrorInfo,
    FinanceRow,
    Finances,
    ParseResult,
    ProfileMatch,
    Provenance,
    ResolutionItem,
    Source,
)
from .options import ParseOptions
from .status import ParseStatus

try:
    __version__ = version("ratsdoc")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "BBox",
    "CheckboxGroup",
    "CheckboxOption",
    "Consultation",
    "DamagedPdfError",
    "Drucksache",
    "EncryptedPdfError",
    "ErrorInfo",
    "FinanceRow",
    "Finances",
    "InputError",
    "Issue",
    "IssueCode",
    "LimitExceededError",
    "NotAPdfError",
    "OcrUnavailableError",
    "ParseOptions",
    "ParseResult",
    "ParseStatus",
    "ProfileError",
    "ProfileMatch",
    "Provenance",
    "RatsdocError",
    "ResolutionItem",
    "Source",
    "__version__",
    "parse",
    "parse_many",
]
