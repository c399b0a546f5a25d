"""A small process pool that survives its workers: hung or memory-hungry parses are killed.

Each worker is a ``python -m ratsdoc.ingest.worker`` subprocess with one task at a time. The
parent multiplexes their stdout pipes with :mod:`selectors`, kills a worker that passes the time
limit or whose resident memory grows past the limit, records the file as failed and starts a
replacement. Only the parent ever touches the database.
"""

from __future__ import annotations

import contextlib
import io
import os
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

from ..procmem import rss_bytes
from .protocol import Result, Task, WorkerConfig, failed_result, read_frame, write_frame

#: Seconds a worker may take to start (import ratsdoc, load the parse function) on top of a
#: task's time limit, before the task it was given is failed and the worker killed.
STARTUP_SECONDS = 60.0


class WorkerStartError(RuntimeError):
    """Workers keep dying before they are ready (broken install, memory limit far too low)."""


def _package_root() -> str:
    # The directory that holds the ``ratsdoc`` package, so children import the same code even
    # when the parent found it through sys.path tweaks rather than an installation.
    return str(Path(__file__).resolve().parents[2])


def kill_grace(timeout: float) -> float:
    """Extra seconds past the time limit before the hard kill, so the parser's own cooperative
    limit (ParseOptions.max_seconds, set to the same value) can report first."""
    return min(5.0, max(1.0, timeout * 0.1))


class WorkerProcess:
    """One worker subprocess and the task it is running."""

    def __init__(self, config: WorkerConfig, log_dir: str) -> None:
        from ..options import ParseOptions

        self.config = config
        env = dict(os.environ)
        extra = [_package_root(), *config.extra_pythonpath]
        if env.get("PYTHONPATH"):
            extra.append(env["PYTHONPATH"])
        env["PYTHONPATH"] = os.pathsep.join(extra)
        options = ParseOptions.model_validate(config.options)
        command = [sys.executable, "-m", "ratsdoc.ingest.worker", "--options-json", options.model_dump_json()]
        if config.parse_function:
            command += ["--parse-function", config.parse_function]
        if config.max_memory_mb:
            command += ["--max-memory-mb", str(config.max_memory_mb)]
        # stderr goes to a file: a pipe could fill up and block the child, and the file lets
        # us quote the last line when a worker dies.
        self.stderr_file = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in close()
            prefix="worker-", suffix=".log", dir=log_dir, delete=False
        )
        # bufsize=0: stdout must be unbuffered, or a second frame could sit in a Python buffer
        # while select() sees an empty pipe and the result would never be read.
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr_file, env=env, bufsize=0
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin: IO[bytes] = io.BufferedWriter(self.proc.stdin)
        self.stdout: IO[bytes] = self.proc.stdout
        self.ready = False
        self.base_rss_kib: int | None = None
        self.task: Task | None = None
        self.sent_at = 0.0
        #: Seconds the current task's time limit grew by (pages that need OCR).
        self.extra_seconds = 0.0
        self.tasks_done = 0

    def send(self, task: Task) -> None:
        """Hand ``task`` to the worker (it may still be starting; the pipe buffers it)."""
        self.task = task
        self.sent_at = time.monotonic()
        self.extra_seconds = 0.0
        write_frame(self.stdin, task)

    def rss_kib(self) -> int | None:
        """Resident memory of the worker (None where that is unavailable)."""
        rss = rss_bytes(self.proc.pid)
        return None if rss is None else rss // 1024

    def last_stderr_line(self) -> str:
        """The last non-empty line the worker wrote to stderr, for crash messages."""
        try:
            text = Path(self.stderr_file.name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return lines[-1][:300] if lines else ""

    def kill(self) -> None:
        """Kill the process now and reap it."""
        if self.proc.poll() is None:
            self.proc.kill()
        # A zombie we cannot reap is left to init.
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)
        self.close()

    def close(self) -> None:
        """Close pipes and remove the stderr log."""
        for stream in (self.stdin, self.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        self.stderr_file.close()
        with contextlib.suppress(OSError):
            os.unlink(self.stderr_file.name)

    def stop(self) -> None:
        """Ask an idle worker to exit (closing stdin), then make sure it did."""
        with contextlib.suppress(OSError):
            self.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=2)
        self.kill()


class LocalPool:
    """``workers`` worker processes on this machine with per-task time and memory limits."""

    def __init__(self, workers: int, config: WorkerConfig, log_dir: str | None = None) -> None:
        self.config = config
        self.size = max(1, workers)
        self._own_log_dir = log_dir is None
        self.log_dir = log_dir or tempfile.mkdtemp(prefix="ratsdoc-workers-")
        self.selector = selectors.DefaultSelector()
        self.idle: list[WorkerProcess] = []
        self.busy: dict[int, WorkerProcess] = {}  # pid -> worker
        self.failed_starts = 0
        for _ in range(self.size):
            self.idle.append(self._start())

    def _start(self) -> WorkerProcess:
        worker = WorkerProcess(self.config, self.log_dir)
        self.selector.register(worker.stdout, selectors.EVENT_READ, worker)
        return worker

    def _retire(self, worker: WorkerProcess, *, replace: bool) -> None:
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(worker.stdout)
        self.busy.pop(worker.proc.pid, None)
        if worker in self.idle:
            self.idle.remove(worker)
        worker.kill()
        if replace:
            if not worker.ready:
                self.failed_starts += 1
                if self.failed_starts >= 3:
                    detail = worker.last_stderr_line() or f"exit code {worker.proc.returncode}"
                    raise WorkerStartError(f"worker processes die before they start: {detail}")
            self.idle.append(self._start())

    @property
    def in_flight(self) -> int:
        """Tasks sent and not yet answered."""
        return len(self.busy)

    def has_capacity(self) -> bool:
        """True when a worker is free for another task."""
        return bool(self.idle)

    def submit(self, task: Task) -> None:
        """Send ``task`` to a free worker (call only when :meth:`has_capacity`)."""
        worker = self.idle.pop()
        try:
            worker.send(task)
        except (BrokenPipeError, OSError):
            # Died while idle: the next poll sees EOF and reports the task as a crash.
            worker.task = task
            worker.sent_at = time.monotonic()
        self.busy[worker.proc.pid] = worker

    def _check_limits(self, results: list[Result]) -> None:
        timeout = self.config.timeout
        limit_kib = (self.config.max_memory_mb or 0) * 1024
        now = time.monotonic()
        for worker in list(self.busy.values()):
            task = worker.task
            assert task is not None
            elapsed = now - worker.sent_at
            seconds = timeout + worker.extra_seconds if timeout else None
            # A task's clock starts when its worker is ready (see poll); a worker still starting
            # (imports take seconds on a busy machine) gets STARTUP_SECONDS more before it is killed.
            allowance = 0.0 if worker.ready else STARTUP_SECONDS
            if seconds and elapsed > seconds + kill_grace(seconds) + allowance:
                way_out = "raise it with --timeout SECONDS" + (
                    " or skip OCR with --ocr never" if worker.extra_seconds else ""
                )
                results.append(
                    self._kill(worker, f"the time limit of {seconds:g} s; {way_out}", "max_seconds", elapsed)
                )
                continue
            if limit_kib and worker.ready and worker.base_rss_kib is not None:
                rss = worker.rss_kib()
                # RLIMIT_AS normally stops the allocation first; this catches platforms where it
                # is not enforced and memory that is mapped without being reserved through it.
                if rss is not None and rss - worker.base_rss_kib > limit_kib:
                    limit = f"the memory limit of {self.config.max_memory_mb} MB"
                    results.append(self._kill(worker, limit, "max_memory_mb", elapsed))

    def _kill(self, worker: WorkerProcess, what: str, limit: str, elapsed: float) -> Result:
        """Replace ``worker``, which went past ``what`` (the option ``limit``), and fail its task."""
        assert worker.task is not None
        key = worker.task["key"]
        self._retire(worker, replace=True)
        return failed_result(
            key, "LimitExceededError", f"exceeded {what} (worker killed)", limit=limit, seconds=elapsed
        )

    def poll(self, timeout: float) -> list[Result]:
        """Wait up to ``timeout`` seconds; return results that arrived (including kills)."""
        results: list[Result] = []
        events = self.selector.select(timeout=timeout) if self.selector.get_map() else []
        if not events and timeout > 0 and not self.selector.get_map():
            time.sleep(timeout)
        for selector_key, _ in events:
            worker: WorkerProcess = selector_key.data
            try:
                message = read_frame(worker.stdout)
            except Exception:  # a torn frame from a worker killed mid-write
                message = None
            if message is None:  # EOF: the worker died
                worker.proc.poll()
                task = worker.task
                if task is not None:
                    code = worker.proc.wait(timeout=10)
                    detail = worker.last_stderr_line()
                    reason = f"worker process died (exit code {code}) while parsing" + (f": {detail}" if detail else "")
                    if code and code < 0 and self.config.max_memory_mb:
                        reason += f"; the memory limit was {self.config.max_memory_mb} MB"
                    results.append(
                        failed_result(task["key"], "WorkerCrashed", reason, seconds=time.monotonic() - worker.sent_at)
                    )
                self._retire(worker, replace=True)
                continue
            if isinstance(message, dict) and "extend" in message:
                worker.extra_seconds += float(message["extend"])  # the parse's limit grew (OCR pages)
                continue
            if isinstance(message, dict) and message.get("ready"):
                worker.ready = True
                if worker.task is not None:  # sent while it was starting: its time begins now
                    worker.sent_at = time.monotonic()
                worker.base_rss_kib = message.get("rss_kib")
                self.failed_starts = 0
                continue
            result: Result = message
            worker.task = None
            worker.tasks_done += 1
            self.busy.pop(worker.proc.pid, None)
            results.append(result)
            if result.get("recycle") or worker.tasks_done >= self.config.max_tasks_per_worker:
                self._retire(worker, replace=True)
            else:
                self.idle.append(worker)
        self._check_limits(results)
        return results

    def close(self) -> None:
        """Stop every worker (busy ones are killed) and remove the log folder."""
        for worker in list(self.busy.values()):
            worker.kill()
        for worker in self.idle:
            worker.stop()
        self.busy.clear()
        self.idle.clear()
        self.selector.close()
        if self._own_log_dir:
            try:
                for entry in os.listdir(self.log_dir):
                    os.unlink(os.path.join(self.log_dir, entry))
                os.rmdir(self.log_dir)
            except OSError:
                pass

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
