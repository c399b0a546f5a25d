"""One ingest run: inputs → content hash → (skip if known) → workers → database → Summary."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import LimitExceededError, RatsdocError
from ..names import storable
from ..status import ExitCode, IngestOutcome, ParseStatus
from .counting import count_inputs
from .engine import STATUSES, Backend, Summary, current_version, read_prefix, sha256_file
from .inputs import FileInput, Item, Notice, Refused
from .leftovers import close_stale_runs, make_work_dir, owner, remove_stale_work_dirs
from .options import IngestOptions
from .progress import NullProgress, ProgressSink
from .protocol import Result, Task
from .sources import iter_inputs
from .store import PARSER_VERSION, Stats, Store, StoreError, synthetic_key


class IngestRunError(RatsdocError):
    """An ingest run stopped on an error of its own, not of one input; its run row says ``failed``."""

    exit_code = ExitCode.USAGE  # like an unusable database: the run could not go on


class IngestRun:
    """The state of one run (store, backend, counts, pages, notices) and its steps.

    :meth:`run` opens the store and the run row, walks the inputs, hashes each and decides
    whether it is parsed (or skipped as refused, unchanged or a duplicate), submits the rest to
    the backend, records the results as they come back and finishes the run row. An interrupted
    run keeps what was committed, so running it again resumes. A run that stops on an error
    (the archive cannot be written, a defect) is marked ``failed``, and raises a typed error.
    """

    store: Store
    run_id: int
    started: float
    stats: Stats

    def __init__(
        self,
        paths: Iterable[str | os.PathLike[str]],
        db: str | os.PathLike[str],
        options: IngestOptions,
        *,
        progress: ProgressSink | None = None,
        scheduler: Any = None,
    ) -> None:
        self.paths = [os.fspath(p) for p in paths]
        self.db = os.fspath(db)
        self.options = options
        # A distributed.Client cannot live in the (serialisable) options, so it comes apart.
        self.scheduler: Any = scheduler if scheduler is not None else options.scheduler
        self.version = current_version()
        self.sink: ProgressSink = progress or NullProgress()
        self.backend: Backend | None = None
        self.counts = dict.fromkeys(STATUSES, 0)
        self.notices: list[tuple[str, str]] = []
        self.pages = 0
        self.still_failed = 0  # unchanged inputs that an earlier run stored as failed
        self.done = 0
        self.last_name = ""  # of the input recorded last, for the progress display
        self.total = 0
        self.seconds = 0.0
        self.interrupted = False
        self.in_flight: dict[str, tuple[FileInput, int]] = {}  # key -> (input, size)
        self.seen: set[str] = set()
        self.state: str | None = None  # of the run row: None until it exists, then "running", ...
        self.work_dir: Path | None = None

    def run(self) -> Summary:
        """Ingest every input and return what the run did.

        A foreign or unusable archive is refused before anything starts (:class:`StoreError`).
        Any later error marks the run ``failed``, stops the workers, removes the temporary
        folder and is raised as one typed line (:class:`StoreError` when the archive cannot be
        written, e.g. "database or disk is full"; else :class:`IngestRunError`).
        """
        self.store = Store(self.db)
        try:
            self.open()
            try:
                self.backend = self.start_backend()
                self.pump(self.backend, self.walk())
            except KeyboardInterrupt:
                self.interrupted = True
            self.finish()
        except Exception as exc:
            raise self.failure(exc) from exc
        finally:
            self.release()
        return self.summary()

    def open(self) -> None:
        """Tidy what killed runs left, count the inputs, start the run row, make the temporary folder."""
        remove_stale_work_dirs(self.options.tmp_dir)
        close_stale_runs(self.store)
        # Counted before the run row exists: a failure here must not leave a run "running".
        self.total = count_inputs(self.paths, all_files=self.options.all_files)
        settings = {**self.options.run_settings(self.paths, self.scheduler), **owner()}
        self.run_id = self.store.start_run(self.version, settings)
        self.state = "running"
        self.started = time.monotonic()
        self.work_dir = make_work_dir(self.options.tmp_dir)

    def start_backend(self) -> Backend:
        """The Dask backend when a scheduler is given, else a pool of local worker processes."""
        config = self.options.worker_config()
        if self.scheduler is not None:
            from .dask_backend import DaskBackend

            return DaskBackend(self.scheduler, config)
        from .pool import LocalPool

        assert self.work_dir is not None
        return LocalPool(self.options.workers or os.cpu_count() or 1, config, log_dir=str(self.work_dir))

    def walk(self) -> Iterator[Item]:
        """The inputs below the paths, archives unpacked into the temporary folder."""
        assert self.work_dir is not None
        return iter_inputs(
            self.paths, self.work_dir / "unpacked", self.options.archive_limits, all_files=self.options.all_files
        )

    def pump(self, backend: Backend, items: Iterator[Item]) -> None:
        """Keep the backend busy until every input is answered."""
        exhausted = False
        while True:
            while not exhausted and backend.has_capacity():
                try:
                    item = next(items)
                except StopIteration:
                    exhausted = True
                    self.total = self.done + backend.in_flight
                    break
                task = self.handle(item)
                if task is not None:
                    backend.submit(task)
                self.report(backend.in_flight)
            if exhausted and backend.in_flight == 0:
                break
            self.collect(backend)
            self.report(backend.in_flight)

    def handle(self, item: Item) -> Task | None:
        """Record a notice or refusal, or decide about a file; the task to submit, if any."""
        # Names are stored as UTF-8: undecodable bytes of a file or member name become \xNN.
        item.name = storable(item.name)
        if isinstance(item, Notice):
            self.counts[item.kind] += 1
            self.notices.append((item.name, item.message))
            if item.kind == IngestOutcome.MISSING:
                self.done += 1
            return None
        if isinstance(item, Refused):
            self.refuse(item)
            return None
        return self.decide(item)

    def refuse(self, item: Refused) -> None:
        """Store an input refused before parsing (archive member, unreadable list entry, ...)."""
        key, size, hashed = synthetic_key(item.name), None, False
        if item.path is not None:
            # Before the write transaction: hashing takes time. A file past the size limit keeps
            # the key of its name (it is not read).
            with contextlib.suppress(LimitExceededError):
                key, size = sha256_file(item.path, self.options.parse.max_file_size, name=item.name)
                hashed = True
        self.store_refused(key, item.name, item.status, item.error_class, item.reason, size=size, hashed=hashed)

    def store_refused(
        self, key: str, name: str, status: str, error_class: str, reason: str, *, size: int | None, hashed: bool
    ) -> None:
        """Write the path and the row of an input that is not parsed, in one short transaction."""
        with self.store.writing():
            self.store.add_path(key, name, self.run_id)
            self.store.record_refused(
                key,
                status=status,
                error_class=error_class,
                reason=reason,
                version=self.version,
                run_id=self.run_id,
                content_hashed=hashed,
                size=size,
            )
        self.counts[status] += 1
        self.done += 1

    def decide(self, item: FileInput) -> Task | None:
        """Hash a file and skip it as a duplicate or unchanged; else the task that parses it."""
        try:
            # Outside any transaction: other writers may go on. The size limit is checked before
            # reading, and again while reading (a growing file).
            key, size = sha256_file(item.path, self.options.parse.max_file_size, name=item.name)
        except LimitExceededError as exc:
            self.store_refused(
                synthetic_key(item.name),
                item.name,
                ParseStatus.SKIPPED,
                "LimitExceededError",
                exc.reason,
                size=int(exc.value) if exc.value is not None else None,
                hashed=False,
            )
            _drop_temporary(item)
            return None
        except OSError as exc:
            reason = f"cannot read the file: {exc.strerror or exc}"
            self.store_refused(
                synthetic_key(item.name), item.name, ParseStatus.FAILED, "InputError", reason, size=None, hashed=False
            )
            return None
        self.store.add_path(key, item.name, self.run_id)
        if key in self.in_flight or key in self.seen:
            self.skip(item, IngestOutcome.DUPLICATE)
            return None
        self.seen.add(key)
        known = self.store.known(key)
        opts = self.options
        if (
            known is not None
            and not opts.reparse
            and known.version == self.version
            and known.parser_version == PARSER_VERSION  # rows of another parser are parsed again
            and not (opts.retry_failed and known.status == ParseStatus.FAILED)
        ):
            self.still_failed += known.status == ParseStatus.FAILED
            self.skip(item, IngestOutcome.UNCHANGED)
            return None
        self.in_flight[key] = (item, size)
        data = None
        if self.scheduler is not None and (opts.ship_bytes or item.temporary):
            data = read_prefix(item.path, size)  # remote workers cannot see our temp folder; the hashed bytes
        return Task(key=key, name=item.name, path=str(item.path.resolve()), data=data)

    def skip(self, item: FileInput, status: str) -> None:
        """Count a file that is not parsed in this run and drop its temporary copy."""
        self.counts[status] += 1
        self.done += 1
        self.last_name = item.name
        _drop_temporary(item)

    def collect(self, backend: Backend) -> None:
        """Record the results that come back within a short wait (in one short transaction)."""
        results = backend.poll(0.2)  # the wait holds no lock
        if results:
            with self.store.writing():
                for result in results:
                    self.record(result)

    def record(self, result: Result) -> None:
        """Store one parse result and count it."""
        item, size = self.in_flight.pop(result["key"])
        self.store.record_result(result, version=self.version, run_id=self.run_id, size=size)
        self.counts[result["status"]] += 1
        self.pages += result.get("page_count") or 0
        self.done += 1
        self.last_name = item.name
        _drop_temporary(item)

    def report(self, in_flight: int) -> None:
        """Tell the progress sink where the run stands."""
        self.sink.update(
            done=self.done,
            total=max(self.total, self.done + in_flight),
            counts=self.counts,
            pages=self.pages,
            current=self.last_name,
        )

    def finish(self) -> None:
        """Stop the workers, close the run row and read the run's figures."""
        self.stop_backend()
        self.seconds = time.monotonic() - self.started
        self.sink.update(
            done=self.done, total=max(self.total, self.done), counts=self.counts, pages=self.pages, final=True
        )
        self.end_run("interrupted" if self.interrupted else "finished")
        self.stats = self.store.stats(self.run_id)

    def stop_backend(self) -> None:
        """Stop the workers (once)."""
        backend, self.backend = self.backend, None
        if backend is not None:
            backend.close()

    def end_run(self, state: str) -> None:
        """Close the run row as ``state``."""
        self.store.finish_run(self.run_id, state, self.counts)
        self.state = state

    def failure(self, exc: Exception) -> RatsdocError:
        """Mark the run failed (when the archive still takes it) and the typed error ``exc`` means."""
        self.stop_backend()
        if self.state == "running":
            with contextlib.suppress(sqlite3.Error):
                self.end_run("failed")
        if isinstance(exc, RatsdocError):
            return exc
        if isinstance(exc, sqlite3.Error):
            return StoreError(f"cannot write the archive: {exc}", file=self.db)
        if isinstance(exc, OSError):
            return IngestRunError(f"run stopped: {exc.filename or ''}: {exc.strerror or exc}", file=self.db)
        return IngestRunError(f"run stopped: internal error ({type(exc).__name__}: {exc})", file=self.db)

    def release(self) -> None:
        """Stop the workers, close the store and remove the temporary folder, whatever happened."""
        try:
            self.stop_backend()
            if self.state == "running":  # stopped by Ctrl-C or SIGTERM outside the loop
                with contextlib.suppress(sqlite3.Error):
                    self.end_run("interrupted")
        finally:
            self.store.close()
            if self.work_dir is not None:
                shutil.rmtree(self.work_dir, ignore_errors=True)

    def summary(self) -> Summary:
        """What the finished run did."""
        return Summary(
            run_id=self.run_id,
            counts=self.counts,
            pages=self.pages,
            seconds=self.seconds,
            stats=self.stats,
            interrupted=self.interrupted,
            notices=self.notices,
            still_failed=self.still_failed,
        )


def _drop_temporary(item: FileInput) -> None:
    item.drop()


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    db: str | os.PathLike[str],
    options: IngestOptions | None = None,
    *,
    progress: ProgressSink | None = None,
    scheduler: Any = None,
) -> Summary:
    """Parse every PDF below ``paths`` into the SQLite archive ``db``; return a :class:`Summary`.

    Inputs already in the archive (same sha256, same ratsdoc version) are not parsed again
    unless ``options.reparse`` (or ``retry_failed`` for failed ones). ``options.workers``
    processes (default: CPU count) parse in parallel, each file under ``timeout`` seconds and
    ``max_memory_mb``; a worker past a limit is killed and replaced and the file recorded as
    failed. ``scheduler`` (a Dask address like ``tcp://host:8786`` or a ``distributed.Client``;
    it overrides ``options.scheduler``) runs the parses on a Dask cluster instead.
    ``progress`` is told the counts as the run goes.
    """
    return IngestRun(paths, db, options or IngestOptions(), progress=progress, scheduler=scheduler).run()
