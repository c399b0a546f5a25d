"""One mapping from an exception to a failure: the error type, a one-line message, the limit.

:func:`parse_many`, the ingest workers, the isolated parser and the CLI all turn errors into
failures through here, so the same problem reads the same wherever it is reported.
"""

from __future__ import annotations

from .errors import DamagedPdfError, LimitExceededError, RatsdocError
from .models import ErrorInfo
from .names import printable

#: The limit a memory stop names (the option ``ParseOptions.max_memory_mb``).
MEMORY_LIMIT = "max_memory_mb"


def exhaustion_error(exc: MemoryError | RecursionError, *, max_memory_mb: int | None = None) -> RatsdocError:
    """The ratsdoc error for a heap or stack exhausted while reading a PDF: the memory limit
    (``max_memory_mb``), or an object structure nested too deeply to follow (damaged, circular)."""
    if isinstance(exc, MemoryError):
        return LimitExceededError(
            f"parsing needed more than the memory limit of {max_memory_mb:,} MB"
            if max_memory_mb
            else "ran out of memory while reading the PDF",
            limit=MEMORY_LIMIT,
            maximum=max_memory_mb or 0,
        )
    return DamagedPdfError("the PDF's object structure is too deeply nested (circular?)")


def as_ratsdoc_error(
    exc: BaseException, *, file: str | None = None, max_memory_mb: int | None = None
) -> RatsdocError | None:
    """``exc`` as the ratsdoc error it stands for (see :func:`exhaustion_error`); None for an
    unexpected exception, which is a defect in the parser."""
    if isinstance(exc, RatsdocError):
        error = exc
    elif isinstance(exc, (MemoryError, RecursionError)):
        error = exhaustion_error(exc, max_memory_mb=max_memory_mb)
    else:
        return None
    return error.with_file(file) if file else error


def error_info(exc: BaseException, file: str | None = None, *, max_memory_mb: int | None = None) -> ErrorInfo:
    """The failure ``exc`` means for one input.

    With ``file`` the message is one line ``<file>: <reason>``; without it only the reason
    (the archive keeps the paths beside it, and groups its error counts by message).
    An unexpected exception is a defect in the parser: ``internal error (Type: text)``.
    """
    error = as_ratsdoc_error(exc, file=file, max_memory_mb=max_memory_mb)
    if error is None:
        reason = f"internal error ({type(exc).__name__}: {exc})"
        return ErrorInfo(type=type(exc).__name__, message=printable(f"{file}: {reason}" if file else reason))
    return ErrorInfo(
        type=type(error).__name__,
        message=str(error) if file else error.reason,
        limit=error.limit if isinstance(error, LimitExceededError) else None,
    )


def needs_fresh_process(exc: BaseException) -> bool:
    """True when the process that raised ``exc`` should not parse again (its heap or stack
    may be exhausted or half-initialised): memory stops and runaway recursion."""
    if isinstance(exc, LimitExceededError):
        return exc.limit == MEMORY_LIMIT
    return isinstance(exc, (MemoryError, RecursionError))
