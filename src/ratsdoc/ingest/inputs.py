"""What the ingest reads from the user's PATH arguments: a file to parse, an input refused or
unreadable, a notice that is no input; the file suffixes that say which a path is, and the limits
of unpacking an archive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..status import IngestOutcome, ParseStatus

PDF_SUFFIXES = (".pdf",)
ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
LIST_SUFFIXES = (".txt", ".lst", ".list")


@dataclass(frozen=True)
class ArchiveLimits:
    """Bounds for unpacking archives (all sizes in bytes)."""

    max_members: int = 100_000
    max_member_bytes: int = 200 * 1024 * 1024
    max_total_bytes: int = 4 * 1024 * 1024 * 1024
    #: Uncompressed / compressed; checked only past ``ratio_floor_bytes`` so that small, highly
    #: compressible PDFs are not refused.
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 1024 * 1024
    #: Archives inside archives are unpacked this many levels deep (1: one level of nesting).
    max_nesting: int = 1


@dataclass
class FileInput:
    """A file to hash and parse; ``temporary`` files were extracted and may be deleted."""

    path: Path
    name: str
    temporary: bool = False
    #: Gives the bytes of a temporary file back to the run's unpacking budget.
    release: Callable[[], None] | None = None

    def drop(self) -> None:
        """Delete a temporary file (a user's own file is never touched)."""
        if self.temporary:
            self.path.unlink(missing_ok=True)
            release, self.release = self.release, None
            if release is not None:
                release()


@dataclass
class Refused:
    """An input recorded without parsing: ``status`` skipped (refused) or failed (unreadable).

    ``path`` is set when the bytes exist on disk (the row is keyed by their sha256); otherwise
    the row is keyed by a hash of the name, see :func:`ratsdoc.ingest.store.synthetic_key`.
    """

    name: str
    reason: str
    error_class: str
    status: ParseStatus = ParseStatus.SKIPPED
    path: Path | None = None
    #: The refusal ends the whole archive, not only this member (too many members).
    fatal: bool = False


@dataclass
class Notice:
    """Something to tell the user that is not an input (missing path, ignored file)."""

    name: str
    message: str
    kind: IngestOutcome = IngestOutcome.IGNORED  # ignored / missing


Item = FileInput | Refused | Notice


def has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    """True when ``name`` ends with one of ``suffixes``, in any case."""
    lower = name.lower()
    return any(lower.endswith(suffix) for suffix in suffixes)


def is_archive(name: str) -> bool:
    """True for names this module unpacks (.zip, .tar, .tar.gz, ...)."""
    return has_suffix(name, ZIP_SUFFIXES + TAR_SUFFIXES)
