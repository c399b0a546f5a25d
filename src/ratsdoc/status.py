"""The outcome vocabulary shared by the API, the ingest workers, the archive and the CLI.

:class:`ParseStatus` is what one input ended as (the API's ``ParseResult.status`` and the
archive's ``documents.status``); :class:`IngestOutcome` adds what an ingest run counts without
storing a row; :class:`ExitCode` is the one exit-code rule of every command.
"""

from __future__ import annotations

from collections.abc import Sized
from enum import Enum, IntEnum


class ParseStatus(str, Enum):
    """How one input ended; a ``str`` so JSON and SQLite see the plain value ("ok", ...)."""

    OK = "ok"
    WARNING = "warning"  # parsed, with at least one warning
    FAILED = "failed"  # not parsed: the error says why
    SKIPPED = "skipped"  # refused before parsing (unsafe or oversized archive member)

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def of_document(cls, warnings: Sized) -> ParseStatus:
        """``warning`` when the parsed paper has warnings, else ``ok``."""
        return cls.WARNING if len(warnings) else cls.OK


class IngestOutcome(str, Enum):
    """What an ingest run counts besides stored statuses; never a row in the archive."""

    UNCHANGED = "unchanged"  # stored before with this ratsdoc version: not parsed again
    DUPLICATE = "duplicate"  # the same bytes met again in this run
    IGNORED = "ignored"  # not a PDF in a directory or archive (only *.pdf are tried)
    MISSING = "missing"  # a path given on the command line that does not exist

    def __str__(self) -> str:
        return str(self.value)


#: The values the archive's ``documents.status`` column accepts (its CHECK constraint).
STORED_STATUSES: tuple[str, ...] = tuple(status.value for status in ParseStatus)

#: Every count an ingest run reports, in display order.
RUN_COUNTS: tuple[str, ...] = STORED_STATUSES + tuple(o.value for o in IngestOutcome)

#: The statuses of inputs that were parsed in a run (for files/s figures).
PARSED_STATUSES: tuple[str, ...] = (ParseStatus.OK, ParseStatus.WARNING, ParseStatus.FAILED)


class ExitCode(IntEnum):
    """The exit code of every ``ratsdoc`` command."""

    OK = 0  # every input handled (warnings allowed)
    FAILED = 1  # at least one input failed; the others were still processed and written
    USAGE = 2  # bad arguments or option values, unknown profile, unusable output or database
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    TERMINATED = 143  # SIGTERM (128 + SIGTERM)

    @classmethod
    def for_failures(cls, failed: int) -> ExitCode:
        """``FAILED`` when any input failed, else ``OK``."""
        return cls.FAILED if failed else cls.OK
