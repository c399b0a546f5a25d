"""IngestOptions: every knob of a bulk ingest run, with the parse options it passes on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..ocr.parallel import default_workers
from ..options import DEFAULT_CLI_MEMORY_MB, DEFAULT_MAX_SECONDS, ParseOptions
from .inputs import ArchiveLimits
from .protocol import WorkerConfig


def ocr_share(workers: int | None) -> int:
    """Pages one of ``workers`` local worker processes (None: one per core) OCRs at once."""
    cores = default_workers()
    return max(1, cores // min(workers or cores, cores))


class IngestOptions(BaseModel):
    """Options of :func:`ratsdoc.ingest.ingest`; the defaults are those of ``ratsdoc ingest``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    parse: ParseOptions = Field(
        default_factory=ParseOptions,
        description="Options of each parse; the run's timeout and memory limit replace their "
        "max_seconds and max_memory_mb.",
    )
    workers: int | None = Field(default=None, ge=1, description="Worker processes (None: the CPU count).")
    timeout: float | None = Field(
        default=DEFAULT_MAX_SECONDS,
        gt=0,
        description="Seconds per file, plus the parse's ocr_seconds_per_page for every page that needs OCR; "
        "a worker past it is killed.",
    )
    max_memory_mb: int | None = Field(
        default=DEFAULT_CLI_MEMORY_MB, ge=1, description="Memory per file on top of the idle worker (MB)."
    )
    reparse: bool = Field(default=False, description="Parse inputs already stored again.")
    retry_failed: bool = Field(default=False, description="Parse inputs stored as failed again.")
    archive_limits: ArchiveLimits = Field(default_factory=ArchiveLimits, description="Bounds for unpacking archives.")
    all_files: bool = Field(default=False, description="In directories and archives, try every file, not only PDFs.")
    parse_function: str | None = Field(
        default=None,
        description="'module:function' or 'file.py:function' called instead of "
        "ratsdoc.parse in the workers (tests, custom pipelines).",
    )
    scheduler: str | None = Field(
        default=None,
        description="Dask scheduler address (tcp://HOST:8786) to parse on a cluster instead of local workers.",
    )
    ship_bytes: bool = Field(
        default=True,
        description="With a scheduler: send file contents, not paths (False "
        "when every Dask worker sees the same files at the same paths).",
    )
    tmp_dir: Path | None = Field(
        default=None, description="Where the run's temporary folder goes (None: the system's)."
    )
    max_tasks_per_worker: int = Field(default=200, ge=1, description="Files a worker parses before it is replaced.")

    def effective_parse(self) -> ParseOptions:
        """The parse options with the run's timeout and memory limit applied."""
        opts = self.parse
        if self.timeout:
            # The parser's cooperative limit reports first with a precise message; the kill is
            # the backstop for code that never returns to the check (a hang in a C library).
            opts = opts.model_copy(update={"max_seconds": self.timeout})
        if self.max_memory_mb:
            opts = opts.model_copy(update={"max_memory_mb": max(16, self.max_memory_mb)})
        if opts.ocr_workers is None and not self.scheduler:
            # The local workers share the cores: each OCRs with its share of them, so that two
            # workers on two cores do not start four Tesseracts that take turns.
            opts = opts.model_copy(update={"ocr_workers": ocr_share(self.workers)})
        return opts

    def worker_config(self) -> WorkerConfig:
        """The settings every worker process (local or on Dask) gets."""
        return WorkerConfig(
            timeout=self.timeout,
            max_memory_mb=self.max_memory_mb,
            parse_function=self.parse_function,
            options=self.effective_parse().model_dump(mode="json"),
            max_tasks_per_worker=self.max_tasks_per_worker,
        )

    def run_settings(self, paths: list[str], scheduler: Any) -> dict[str, Any]:
        """What the run row records of these options (``scheduler``: address or client)."""
        return {
            "paths": paths,
            "workers": self.workers,
            "timeout": self.timeout,
            "max_memory_mb": self.max_memory_mb,
            "reparse": self.reparse,
            "scheduler": str(scheduler) if scheduler else None,
            "parse_function": self.parse_function,
        }
