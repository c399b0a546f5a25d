"""Reading the scanned pages of one file side by side, in page order, with bounded memory.

Tesseract runs as one single-threaded process per page (``OMP_THREAD_LIMIT=1``, see
:mod:`.engine`), so a file's pages are read in parallel by a small pool of threads: while one
thread waits for Tesseract on page N, another renders and prepares page N+1 (rendering under
the process-wide PDFium lock, :mod:`ratsdoc.layout.pdfium_lock`). :func:`in_order` hands the
results back in page order, whatever order they finish in, and never has more than
``workers + 1`` pages in flight: a 300-page scan is not rendered all at once.

How many threads read at once is the parse's worker budget (``ParseOptions.ocr_workers``,
default the CPU count): ``ratsdoc ingest`` divides the cores among its worker processes so
that two workers do not start four Tesseracts on two cores.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeAlias, TypeVar

K = TypeVar("K")
T = TypeVar("T")

#: A result ready now, or the work that makes it (run in a worker thread).
Job: TypeAlias = T | Callable[[], T]


def default_workers() -> int:
    """The worker budget when none is set: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - platforms without affinity
        return max(1, os.cpu_count() or 1)


def in_order(items: Iterable[tuple[K, Job[T]]], workers: int) -> Iterator[tuple[K, T]]:
    """``(key, result)`` for each ``(key, job)`` of ``items``, in their order.

    A job that is callable runs in one of ``workers`` threads; with one worker (or none), or
    when there is only one item (a one-page file), everything runs in the calling thread, one
    job after the other. At most ``workers + 1``
    jobs are submitted ahead of the one handed back. When the caller stops early (an error,
    the time limit), jobs not yet started are cancelled and running ones are waited for.
    """
    items = iter(items)
    ahead = list(itertools.islice(items, 2))
    if workers <= 1 or len(ahead) < 2:
        # One worker, or a file of one page: no pool, no thread hand-over.
        for key, job in itertools.chain(ahead, items):
            yield key, (job() if callable(job) else job)
        return
    window: deque[tuple[K, Future[T] | T]] = deque()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ratsdoc-ocr")
    try:
        for key, job in itertools.chain(ahead, items):
            window.append((key, pool.submit(job) if callable(job) else job))
            while len(window) > workers:
                yield _resolved(window.popleft())
        while window:
            yield _resolved(window.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _resolved(entry: tuple[K, Future[T] | T]) -> tuple[K, T]:
    key, value = entry
    return key, (value.result() if isinstance(value, Future) else value)
