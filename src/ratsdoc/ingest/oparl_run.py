"""``ingest --oparl``: an ingest run whose inputs are the Files of a council's OParl endpoint.

:class:`OParlRun` is an :class:`~ratsdoc.ingest.run.IngestRun` whose walk crawls the endpoint
(:mod:`ratsdoc.oparl.crawl`) instead of directories: each Paper and Meeting is stored as sent,
each of its PDF Files downloaded into ``<db>.files/`` (conditionally, with the ETag and
Last-Modified of the copy held) and handed to the same worker pool, hashing, skip rules and
result rows as any other input. A File that cannot be fetched becomes a ``failed`` (or, over the
size limit, ``skipped``) row with its reason, and the run goes on. When a parse result is stored,
the object's metadata is compared with the fields printed on the PDF (:mod:`ratsdoc.oparl.compare`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DownloadError, LimitExceededError
from ..oparl.client import PART_PREFIX, PoliteClient
from ..oparl.compare import disagreements
from ..oparl.crawl import Found, ListDone, ListFailed, crawl, file_url, files_of
from ..oparl.http_settings import HttpSettings, check_url
from ..status import ExitCode, ParseStatus
from .engine import Backend, Summary
from .inputs import FileInput, Item, Notice, Refused
from .leftovers import pid_alive
from .oparl_store import Fetch, FileRow, OParlTables, files_folder
from .options import IngestOptions
from .progress import ProgressSink
from .protocol import Result, Task
from .run import IngestRun


@dataclass
class OParlReport:
    """What a run did at the endpoint, and the archive's OParl figures after it."""

    endpoint: str
    objects: dict[str, int] = field(default_factory=lambda: {"paper": 0, "meeting": 0})
    deleted: int = 0
    downloaded: int = 0
    downloaded_bytes: int = 0
    not_modified: int = 0
    failed_downloads: int = 0
    failed_lists: list[tuple[str, str]] = field(default_factory=list)
    requests: int = 0
    totals: dict[str, int] = field(default_factory=dict)
    disagreements: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict."""
        return {
            "endpoint": self.endpoint,
            "objects": self.objects,
            "deleted": self.deleted,
            "downloaded": self.downloaded,
            "downloaded_bytes": self.downloaded_bytes,
            "not_modified": self.not_modified,
            "failed_downloads": self.failed_downloads,
            "failed_lists": [{"url": url, "reason": reason} for url, reason in self.failed_lists],
            "requests": self.requests,
            "archive": self.totals,
            "disagreements": self.disagreements,
        }


@dataclass
class OParlSummary:
    """The run's :class:`~ratsdoc.ingest.engine.Summary` and its :class:`OParlReport`."""

    summary: Summary
    report: OParlReport

    @property
    def exit_code(self) -> ExitCode:
        """The summary's code; 1 also when a list could not be read to its end."""
        code = self.summary.exit_code
        if code == ExitCode.OK and self.report.failed_lists:
            return ExitCode.FAILED
        return code


def remove_stale_parts(folder: Path) -> int:
    """Delete temporary downloads whose process is gone (a killed run); returns how many."""
    removed = 0
    for part in folder.glob(f"{PART_PREFIX}*"):
        pid = part.name[len(PART_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and pid_alive(int(pid)):
            continue
        part.unlink(missing_ok=True)
        removed += 1
    return removed


class LazyBackend:
    """A backend that starts its workers on the first task: a rerun that finds nothing new to
    parse (the usual case of an incremental crawl) starts no worker process at all."""

    def __init__(self, start: Callable[[], Backend]) -> None:
        self._start = start
        self._backend: Backend | None = None

    @property
    def in_flight(self) -> int:
        """Tasks submitted and not yet answered."""
        return self._backend.in_flight if self._backend is not None else 0

    def has_capacity(self) -> bool:
        """True when another task may be submitted now (always, before the workers exist)."""
        return self._backend is None or self._backend.has_capacity()

    def submit(self, task: Task) -> None:
        """Start the workers if need be, then the task."""
        if self._backend is None:
            self._backend = self._start()
        self._backend.submit(task)

    def poll(self, timeout: float) -> list[Result]:
        """Finished results (none before the workers exist)."""
        return self._backend.poll(timeout) if self._backend is not None else []

    def close(self) -> None:
        """Stop the workers, if they were started."""
        if self._backend is not None:
            self._backend.close()


class OParlRun(IngestRun):
    """An ingest run over the Files of an OParl endpoint (see the module docstring)."""

    tables: OParlTables

    def __init__(
        self,
        endpoint: str,
        db: str | os.PathLike[str],
        options: IngestOptions,
        http: HttpSettings,
        *,
        progress: ProgressSink | None = None,
    ) -> None:
        super().__init__([check_url(endpoint)], db, options, progress=progress)
        self.endpoint = endpoint
        self.http = http
        self.folder = files_folder(self.db)
        self.oparl = OParlReport(endpoint)
        self.visited: set[tuple[str, str]] = set()

    def open(self) -> None:
        """The ingest run's start, the OParl tables, and the files folder tidied of killed downloads."""
        super().open()
        self.tables = OParlTables(self.store)
        self.folder.mkdir(exist_ok=True)
        remove_stale_parts(self.folder)

    def start_backend(self) -> Backend:
        """The ingest run's backend, started when the first file is to be parsed."""
        return LazyBackend(super().start_backend)

    def walk(self) -> Iterator[Item]:
        """Every File the endpoint lists, then the Files left over by earlier runs that the walk
        did not meet (after the walk: it may have learnt that their object was deleted)."""
        client = PoliteClient(self.http)
        try:
            for event in crawl(client, self.endpoint, self.tables.since):
                if isinstance(event, Found):
                    yield from self.found(client, event)
                elif isinstance(event, ListDone):
                    self.tables.list_walked(event.list_url, event.kind, since=event.since, error=None)
                elif isinstance(event, ListFailed):
                    self.tables.list_walked(event.list_url, event.kind, since=None, error=event.error.reason)
                    self.oparl.failed_lists.append((event.list_url, event.error.reason))
                    self.notices.append((event.list_url, f"list not read to its end: {event.error.reason}"))
            for row in self.tables.rows_to_revisit():
                yield from self.revisit(client, row)
        finally:
            self.oparl.requests += client.requests
            client.close()

    def revisit(self, client: PoliteClient, row: FileRow) -> Iterator[Item]:
        """A failed download is tried again; a stored file whose parse was lost is parsed again."""
        local = self.folder / row.local_path if row.local_path else None
        if (row.owner, row.file_id) in self.visited:
            return
        if row.status == "stored" and local is not None and local.is_file():
            self.visited.add((row.owner, row.file_id))
            yield FileInput(path=local, name=row.url)
            return
        yield from self.fetch(client, row.owner, row.role, json.loads(row.file_json))

    def found(self, client: PoliteClient, event: Found) -> Iterator[Item]:
        """Store a Paper or Meeting, then fetch its Files (none for a deleted one)."""
        obj = event.obj
        if not isinstance(obj.get("id"), str):
            self.notices.append((event.list_url, f"a {event.kind} without an id (ignored)"))
            return
        self.tables.put_object(obj, event.kind, event.body, self.run_id)
        self.oparl.objects[event.kind] += 1
        if obj.get("deleted"):
            self.oparl.deleted += 1
            return
        for role, file in files_of(obj):
            yield from self.fetch(client, obj["id"], role, file)

    def fetch(self, client: PoliteClient, owner: str, role: str, file: dict[str, Any]) -> Iterator[Item]:
        """Download one File (once per run) and yield it as an input, or the row of its failure."""
        url = file_url(file)
        file_id = str(file.get("id") or url)
        if (owner, file_id) in self.visited:
            return
        self.visited.add((owner, file_id))
        if url is None:
            yield self.failed(owner, role, f"{owner}#{file_id}", file, DownloadError("File has no accessUrl", url=""))
            return
        mime = file.get("mimeType")
        if isinstance(mime, str) and mime and "pdf" not in mime.lower():
            yield Notice(url, "not a PDF (ignored)")
            return
        held = self.tables.file_row(owner, file_id)
        local = self.folder / held.local_path if held and held.local_path else None
        current = held is not None and held.status == "stored" and local is not None and local.is_file()
        try:
            fetched = client.download(
                url,
                self.folder,
                etag=held.etag if current and held else None,
                last_modified=held.last_modified if current and held else None,
            )
        except (DownloadError, LimitExceededError) as exc:
            yield self.failed(owner, role, url, file, exc)
            return
        if fetched.status == 304 and not current:  # nothing was asked for that could be unchanged
            failure = DownloadError("HTTP 304 for a file not held", url=url, status=304)
            yield self.failed(owner, role, url, file, failure)
            return
        if fetched.status == 304 and held is not None and local is not None:
            self.oparl.not_modified += 1
            sha256, path, size = held.sha256, local, None
        else:
            assert fetched.path is not None
            self.oparl.downloaded += 1
            self.oparl.downloaded_bytes += fetched.size
            sha256, path, size = fetched.sha256, fetched.path, fetched.size
        stored = Fetch(
            "stored",
            http_status=fetched.status,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            sha256=sha256,
            local_path=path.relative_to(self.folder).as_posix(),
            size=size,
        )
        self.tables.put_file(owner, role, url, file, stored, self.run_id)
        if sha256 is not None:
            self.compare(sha256)  # metadata may have changed while the PDF did not
        yield FileInput(path=path, name=url)

    def failed(
        self, owner: str, role: str, url: str, file: dict[str, Any], exc: DownloadError | LimitExceededError
    ) -> Refused:
        """Record a File that could not be fetched; the input that stores its failure row."""
        oversized = isinstance(exc, LimitExceededError)
        status = ParseStatus.SKIPPED if oversized else ParseStatus.FAILED
        http_status = exc.status if isinstance(exc, DownloadError) else None
        fetch = Fetch(str(status), http_status=http_status, reason=exc.reason)
        self.tables.put_file(owner, role, url, file, fetch, self.run_id)
        self.oparl.failed_downloads += 1
        return Refused(name=url, reason=exc.reason, error_class=type(exc).__name__, status=status)

    def record(self, result: Result) -> None:
        """Store a parse result, then the disagreements of the objects whose File it is."""
        super().record(result)
        self.compare(result["key"])

    def compare(self, sha256: str) -> None:
        """Record where each object holding these bytes disagrees with the parsed PDF."""
        document = self.tables.document(sha256)
        for owner, kind, file_id, role, obj in self.tables.owners(sha256):
            found = disagreements(kind, obj, role, document)
            self.tables.set_disagreements(owner, file_id, sha256, found, self.run_id)

    def end_run(self, state: str) -> None:
        """Close the run row with the ingest counts and the OParl report."""
        if hasattr(self, "tables"):  # not when the run failed before its tables existed
            self.oparl.totals = self.tables.counts()
            self.oparl.disagreements = self.tables.disagreements()
        self.store.finish_run(self.run_id, state, {**self.counts, "oparl": self.oparl.as_dict()})
        self.state = state


def ingest_oparl(
    endpoint: str,
    db: str | os.PathLike[str],
    options: IngestOptions | None = None,
    http: HttpSettings | None = None,
    *,
    progress: ProgressSink | None = None,
) -> OParlSummary:
    """Walk the OParl System at ``endpoint`` and ingest every Paper's and Meeting's PDFs into ``db``.

    Runs are incremental (``modified_since`` on lists walked to their end before, conditional
    requests for files held) and resume after a kill. A non-http(s) ``endpoint`` raises
    :class:`~ratsdoc.errors.UnsafeUrlError`; an endpoint that cannot be read raises
    :class:`~ratsdoc.errors.DownloadError` (the run row says ``failed``).
    """
    run = OParlRun(endpoint, db, options or IngestOptions(), http or HttpSettings(), progress=progress)
    summary = run.run()
    return OParlSummary(summary, run.oparl)
