"""The ingest engine: inputs → content hash → (skip if known) → worker pool → database."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..options import ParseOptions
from ..status import PARSED_STATUSES, RUN_COUNTS, ExitCode, IngestOutcome, ParseStatus
from .protocol import Result, Task, WorkerConfig
from .report import NullProgress, ProgressSink
from .sources import ArchiveLimits, FileInput, Notice, Refused, count_inputs, iter_inputs
from .store import Stats, Store, synthetic_key

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
        return {"run_id": self.run_id, "counts": self.counts, "pages": self.pages,
                "seconds": round(self.seconds, 3), "interrupted": self.interrupted,
                "files_per_s": round(self.parsed / self.seconds, 3) if self.seconds else None,
                "pages_per_s": round(self.pages / self.seconds, 3) if self.seconds else None}


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


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    db: str | os.PathLike[str],
    *,
    workers: int | None = None,
    timeout: float | None = 60.0,
    max_memory_mb: int | None = 2048,
    options: ParseOptions | None = None,
    reparse: bool = False,
    retry_failed: bool = False,
    limits: ArchiveLimits | None = None,
    all_files: bool = False,
    parse_function: str | None = None,
    scheduler: Any = None,
    ship_bytes: bool = True,
    progress: ProgressSink | None = None,
    tmp_dir: str | os.PathLike[str] | None = None,
    max_tasks_per_worker: int = 200,
) -> Summary:
    """Parse every PDF below ``paths`` into the SQLite archive ``db``; return a :class:`Summary`.

    Inputs already in the archive (same sha256, same ratsdoc version) are not parsed again
    unless ``reparse`` (or ``retry_failed`` for failed ones). ``workers`` processes (default:
    CPU count) parse in parallel, each file under ``timeout`` seconds and ``max_memory_mb``;
    a worker past a limit is killed and replaced and the file recorded as failed.
    ``scheduler`` (a Dask address like ``tcp://host:8786`` or a ``distributed.Client``) runs
    the parses on a Dask cluster instead; ``ship_bytes`` then sends file contents rather than
    paths (set False when every worker sees the same files at the same paths).
    ``parse_function`` (``"module:function"``) replaces :func:`ratsdoc.parse` in the workers,
    for tests and custom pipelines.
    """
    paths = [os.fspath(p) for p in paths]
    opts = options or ParseOptions()
    if timeout:
        # The parser's cooperative limit reports first with a precise message; the kill is the
        # backstop for code that never returns to the check (a hang inside a C library).
        opts = opts.model_copy(update={"max_seconds": timeout})
    if max_memory_mb:
        opts = opts.model_copy(update={"max_memory_mb": max(16, max_memory_mb)})
    config = WorkerConfig(timeout=timeout, max_memory_mb=max_memory_mb,
                          parse_function=parse_function, options=opts.model_dump(mode="json"),
                          max_tasks_per_worker=max_tasks_per_worker)
    version = current_version()
    sink: ProgressSink = progress or NullProgress()
    store = Store(os.fspath(db))
    settings = {"paths": paths, "workers": workers, "timeout": timeout,
                "max_memory_mb": max_memory_mb, "reparse": reparse, "scheduler": str(scheduler)
                if scheduler else None, "parse_function": parse_function}
    run_id = store.start_run(version, settings)
    counts = dict.fromkeys(STATUSES, 0)
    notices: list[tuple[str, str]] = []
    pages = 0
    started = time.monotonic()
    total = count_inputs(paths, all_files=all_files)
    done = 0
    work_dir = Path(tempfile.mkdtemp(prefix="ratsdoc-ingest-", dir=tmp_dir))
    in_flight: dict[str, tuple[FileInput, int]] = {}
    seen: set[str] = set()
    backend: Backend | None = None
    interrupted = False

    def finish_temp(item: FileInput) -> None:
        if item.temporary:
            item.path.unlink(missing_ok=True)

    def handle(item: FileInput | Refused | Notice) -> Task | None:
        nonlocal done
        if isinstance(item, Notice):
            counts[item.kind] += 1
            notices.append((item.name, item.message))
            if item.kind == IngestOutcome.MISSING:
                done += 1
            return None
        if isinstance(item, Refused):
            if item.path is not None:
                key, size = sha256_file(item.path)
            else:
                key, size = synthetic_key(item.name), None
            store.add_path(key, item.name, run_id)
            store.record_refused(key, status=item.status, error_class=item.error_class,
                                 reason=item.reason, version=version, run_id=run_id,
                                 content_hashed=item.path is not None, size=size)
            counts[item.status] += 1
            done += 1
            return None
        try:
            key, size = sha256_file(item.path)
        except OSError as exc:
            key = synthetic_key(item.name)
            store.add_path(key, item.name, run_id)
            store.record_refused(key, status=ParseStatus.FAILED, error_class="InputError",
                                 reason=f"cannot read the file: {exc.strerror or exc}",
                                 version=version, run_id=run_id, content_hashed=False)
            counts[ParseStatus.FAILED] += 1
            done += 1
            return None
        store.add_path(key, item.name, run_id)
        if key in in_flight or key in seen:
            counts[IngestOutcome.DUPLICATE] += 1
            done += 1
            finish_temp(item)
            return None
        seen.add(key)
        known = store.known(key)
        if (known is not None and not reparse and known.version == version
                and not (retry_failed and known.status == ParseStatus.FAILED)):
            counts[IngestOutcome.UNCHANGED] += 1
            done += 1
            finish_temp(item)
            return None
        in_flight[key] = (item, size)
        data = None
        if scheduler is not None and (ship_bytes or item.temporary):
            data = item.path.read_bytes()  # remote workers cannot see our temp folder
        return Task(key=key, name=item.name, path=str(item.path.resolve()), data=data)

    def record(result: Result) -> None:
        nonlocal pages, done
        item, size = in_flight.pop(result["key"])
        store.record_result(result, version=version, run_id=run_id, size=size)
        counts[result["status"]] += 1
        pages += result.get("page_count") or 0
        done += 1
        finish_temp(item)

    try:
        if scheduler is not None:
            from .dask_backend import DaskBackend

            backend = DaskBackend(scheduler, config)
        else:
            from .pool import LocalPool

            backend = LocalPool(workers or os.cpu_count() or 1, config,
                                log_dir=str(work_dir))
        items = iter_inputs(paths, work_dir / "unpacked", limits, all_files=all_files)
        exhausted = False
        while True:
            while not exhausted and backend.has_capacity():
                try:
                    item = next(items)
                except StopIteration:
                    exhausted = True
                    total = done + backend.in_flight
                    break
                task = handle(item)
                if task is not None:
                    backend.submit(task)
                sink.update(done=done, total=max(total, done + backend.in_flight),
                            counts=counts, pages=pages)
            if exhausted and backend.in_flight == 0:
                break
            for result in backend.poll(0.2):
                record(result)
            store.commit_if_due()
            sink.update(done=done, total=max(total, done + backend.in_flight), counts=counts,
                        pages=pages)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if backend is not None:
            backend.close()
        store.commit()
        elapsed = time.monotonic() - started
        sink.update(done=done, total=max(total, done), counts=counts, pages=pages, final=True)
        store.finish_run(run_id, "interrupted" if interrupted else "finished", counts)
        stats = store.stats(run_id)
        store.close()
        shutil.rmtree(work_dir, ignore_errors=True)
    return Summary(run_id=run_id, counts=counts, pages=pages, seconds=elapsed, stats=stats,
                   interrupted=interrupted, notices=notices)
