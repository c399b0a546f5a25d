"""The ingest engine's shared pieces: statuses, the backend protocol, the run summary, hashing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..status import PARSED_STATUSES, RUN_COUNTS, ExitCode, ParseStatus
from .protocol import Result, Task
from .store import Stats

STATUSES = RUN_COUNTS


class Backend(Protocol):
    """Where parses run: :class:`~ratsdoc.ingest.pool.LocalPool` or the Dask backend."""

    @property
    def in_flight(self) -> int:
        """Tasks submitted and not yet answered."""

    def has_capacity(self) -> bool:
        """True when another task may be submitted now."""

    def submit(self, task: Task) -> None:
        """Start parsing ``task``."""

    def poll(self, timeout: float) -> list[Result]:
        """Wait up to ``timeout`` s and return finished results."""

    def close(self) -> None:
        """Stop all workers."""


@dataclass
class Summary:
    """What one :func:`ingest` run did."""

    run_id: int
    counts: dict[str, int]
    pages: int
    seconds: float
    stats: Stats
    interrupted: bool = False
    notices: list[tuple[str, str]] = field(default_factory=list)

    @property
    def parsed(self) -> int:
        """Inputs actually parsed in this run."""
        return sum(self.counts.get(k, 0) for k in PARSED_STATUSES)

    @property
    def exit_code(self) -> ExitCode:
        """The CLI's exit code: interrupted (130), some input failed (1), else 0."""
        if self.interrupted:
            return ExitCode.INTERRUPTED
        return ExitCode.for_failures(self.counts.get(ParseStatus.FAILED, 0))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict."""
        summary: dict[str, Any] = {"run_id": self.run_id, "counts": self.counts, "pages": self.pages}
        summary.update(seconds=round(self.seconds, 3), interrupted=self.interrupted)
        for what, count in (("files", self.parsed), ("pages", self.pages)):
            summary[f"{what}_per_s"] = round(count / self.seconds, 3) if self.seconds else None
        return summary


def sha256_file(path: Path) -> tuple[str, int]:
    """SHA-256 hex digest and size of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def current_version() -> str:
    """The ratsdoc version stored with each row (a change re-parses everything)."""
    from .. import __version__

    return __version__
