"""The ingest engine's shared pieces: statuses, the backend protocol, the run summary, hashing."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import LimitExceededError
from ..status import PARSED_STATUSES, RUN_COUNTS, ExitCode, ParseStatus
from .protocol import Result, Task
from .store import Stats

STATUSES = RUN_COUNTS
_HASH_CHUNK = 1024 * 1024


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
    #: Inputs of this run that an earlier run stored as failed and that were not parsed again
    #: (counted as unchanged): the archive still lacks them, so the run does not exit 0.
    still_failed: int = 0

    @property
    def parsed(self) -> int:
        """Inputs actually parsed in this run."""
        return sum(self.counts.get(k, 0) for k in PARSED_STATUSES)

    @property
    def exit_code(self) -> ExitCode:
        """The CLI's exit code: interrupted (130), some input failed, now or still (1), else 0."""
        if self.interrupted:
            return ExitCode.INTERRUPTED
        return ExitCode.for_failures(self.counts.get(ParseStatus.FAILED, 0) + self.still_failed)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict."""
        summary: dict[str, Any] = {"run_id": self.run_id, "counts": self.counts, "pages": self.pages}
        summary.update(seconds=round(self.seconds, 3), interrupted=self.interrupted, still_failed=self.still_failed)
        for what, count in (("files", self.parsed), ("pages", self.pages)):
            summary[f"{what}_per_s"] = round(count / self.seconds, 3) if self.seconds else None
        return summary


def sha256_file(path: Path, max_bytes: int | None = None, *, name: str | None = None) -> tuple[str, int]:
    """SHA-256 hex digest and size of a file, read in 1 MiB chunks.

    With ``max_bytes`` a file whose size is already above it is refused without being read, and
    a file that grows while it is read is read up to ``max_bytes`` + 1 bytes and then refused
    (:class:`LimitExceededError`, ``limit="max_file_size"``): a log or a download that keeps
    growing was once hashed up to 62 GB.
    """
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        if max_bytes is not None:
            _check_size(os.fstat(handle.fileno()).st_size, max_bytes, name or str(path))
        budget = None if max_bytes is None else max_bytes + 1
        while chunk := handle.read(_HASH_CHUNK if budget is None else min(_HASH_CHUNK, budget - size)):
            digest.update(chunk)
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                _check_size(size, max_bytes, name or str(path), growing=True)
    return digest.hexdigest(), size


def read_prefix(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of ``path``: the bytes that were hashed, even if the file grew since."""
    with path.open("rb") as handle:
        return handle.read(size)


def _check_size(size: int, max_bytes: int, name: str, *, growing: bool = False) -> None:
    if size > max_bytes:
        reason = (
            f"file grew past the limit of {max_bytes:,} bytes while it was read"
            if growing
            else f"file is {size:,} bytes, more than the limit of {max_bytes:,} bytes (not read)"
        )
        raise LimitExceededError(
            reason,
            limit="max_file_size",
            maximum=max_bytes,
            value=size,
            file=name,
        )


def current_version() -> str:
    """The ratsdoc version stored with each row (a change re-parses everything)."""
    from .. import __version__

    return __version__
