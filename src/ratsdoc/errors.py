"""The one exception hierarchy of ratsdoc: every error carries the file and the facts behind it."""

from __future__ import annotations

from collections.abc import Sequence

from .names import printable
from .status import ExitCode


class RatsdocError(Exception):
    """Base class of every error ratsdoc raises on purpose.

    ``reason`` is a short sentence a user understands; ``file`` names the input when known.
    ``str(error)`` is one line: ``<file>: <reason>``, control characters escaped (a file name
    may hold a newline or a terminal escape). ``exit_code`` is the command line's
    code for it: an input that failed (1), unless the error is in how ratsdoc was called.
    """

    exit_code: ExitCode = ExitCode.FAILED

    def __init__(self, reason: str, *, file: str | None = None) -> None:
        self.reason = reason
        self.file = file
        super().__init__(reason)

    def __str__(self) -> str:
        return printable(f"{self.file}: {self.reason}" if self.file else self.reason)

    def with_file(self, file: str) -> RatsdocError:
        """Return this error with ``file`` set (keeps an existing name)."""
        if self.file is None:
            self.file = file
        return self


class InputError(RatsdocError):
    """The input cannot be read at all (missing, unreadable, empty)."""


class NotAPdfError(InputError):
    """The input is not a PDF; ``detected`` says what it looks like instead."""

    def __init__(self, reason: str, *, file: str | None = None, detected: str | None = None):
        super().__init__(reason, file=file)
        self.detected = detected


class DamagedPdfError(InputError):
    """The input claims to be a PDF but its structure cannot be repaired."""


class EncryptedPdfError(InputError):
    """The PDF needs a user password that was not given or is wrong."""


class LimitExceededError(RatsdocError):
    """A configured resource limit was hit; ``limit`` names it, ``value`` and ``maximum`` say how."""

    def __init__(
        self,
        reason: str,
        *,
        limit: str,
        maximum: float,
        value: float | None = None,
        file: str | None = None,
    ) -> None:
        super().__init__(reason, file=file)
        self.limit = limit
        self.maximum = maximum
        self.value = value


class OcrUnavailableError(RatsdocError):
    """A page needs OCR but no OCR engine is installed; ``install`` says what to install."""

    def __init__(self, reason: str, *, install: str, file: str | None = None) -> None:
        super().__init__(reason, file=file)
        self.install = install


class ProfileError(RatsdocError):
    """A layout profile is invalid or unknown; ``missing`` lists absent required keys."""

    exit_code = ExitCode.USAGE  # the profile was named by the caller, not read from an input

    def __init__(self, reason: str, *, profile: str | None = None, missing: Sequence[str] = ()) -> None:
        super().__init__(reason, file=profile)
        self.profile = profile
        self.missing = tuple(missing)


class PageNotFoundError(RatsdocError):
    """A page was asked for (``inspect --page``) that the PDF does not have; a usage error."""

    exit_code = ExitCode.USAGE

    def __init__(self, reason: str, *, page: int, file: str | None = None) -> None:
        super().__init__(reason, file=file)
        self.page = page


class DownloadError(RatsdocError):
    """A URL could not be fetched (HTTP error, timeout, refused redirect); ``url`` and ``status`` say which and how.

    ``status`` is the HTTP status code, or None when no response came (connection, timeout).
    """

    def __init__(self, reason: str, *, url: str, status: int | None = None) -> None:
        super().__init__(reason, file=url)
        self.url = url
        self.status = status


class UnsafeUrlError(DownloadError):
    """A URL that ratsdoc refuses to fetch (not http(s), no host); a usage error when the caller named it."""

    exit_code = ExitCode.USAGE
