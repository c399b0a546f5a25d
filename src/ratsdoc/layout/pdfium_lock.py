"""The one process-wide lock every PDFium call in ratsdoc is made under.

PDFium is not thread-safe: it keeps process-global state (font caches, its page and document
bookkeeping) without locks, so two threads calling it at once, even on different documents,
can crash the process or corrupt each other's results. pypdfium2's helpers keep Python-side
registries of open objects that are not safe across threads either. Everything that touches
pypdfium2 in ratsdoc (opening a document, reading or rendering a page, closing any object)
does so inside :func:`pdfium_lock`. The lock is taken per page, not per document, so threads
parsing different papers take turns page by page and run the Python stages in between in
parallel.

PDFium objects are closed explicitly while the lock is held: left to pypdfium2's finalizers,
they would be closed by the garbage collector in whatever thread it happens to run, unlocked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: The lock itself (re-entrant: a page read inside a locked section may take it again).
PDFIUM_LOCK = threading.RLock()

_held = threading.local()


@contextmanager
def pdfium_lock() -> Iterator[None]:
    """Hold the PDFium lock for the duration of the ``with`` block."""
    with PDFIUM_LOCK:
        _held.depth = getattr(_held, "depth", 0) + 1
        try:
            yield
        finally:
            _held.depth -= 1


def lock_held() -> bool:
    """Whether the calling thread holds the PDFium lock (for checks and tests)."""
    return bool(getattr(_held, "depth", 0))
