"""What one parse may spend: time, inflated stream bytes, memory, objects per page.

ratsdoc reads untrusted files, and a check between pages cannot stop a single page that
inflates to gigabytes or takes minutes; so the limits of :class:`~ratsdoc.options.ParseOptions`
become a :class:`Budget` that is consulted *inside* the work, in the hot loops:

* :func:`document_guard` sets up the budget of one parse and, in the main thread, a
  ``SIGALRM`` timer that interrupts any pure-Python loop at the deadline. The pipeline hands
  the budget on as an argument to the engines, the preflight and the extractors; only the
  pdfminer patches (:mod:`ratsdoc.layout.pdfminer_guard`), which pdfminer calls where no
  argument can be passed, find it in a context variable, :data:`ACTIVE_BUDGET`, so that other
  threads and other users of pdfminer in the process are not affected.
* A stop travels as :class:`GuardStop`, a ``BaseException``, because pdfminer and pdfplumber
  wrap or swallow ``Exception`` in many places (a ``LimitExceededError`` raised in there would
  come out as a "damaged PDF"); :func:`document_guard` turns it back into the
  :class:`~ratsdoc.errors.LimitExceededError` it carries.

A hard memory ceiling needs a process of its own: see :mod:`ratsdoc.isolation`.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import gc
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any

from .errors import LimitExceededError
from .procmem import rss_bytes

if TYPE_CHECKING:
    from .options import ParseOptions

MiB = 1024 * 1024
#: Largest size one stream may inflate to when no memory limit is set. Real content streams
#: of council papers are kilobytes; scanned-page images are not inflated by pdfminer at all.
DEFAULT_MAX_STREAM_BYTES = 128 * MiB
#: Smallest per-stream budget a memory limit can derive (a tiny limit must not break text).
MIN_STREAM_BYTES = 16 * MiB
#: How many times the per-stream budget all inflated streams of one document may add up to
#: (pdfminer caches every decoded stream until the document is closed).
DECODED_PER_STREAM = 8
#: Bytes of the stream budget per object one page may make PDFium create. PDFium holds every
#: object of a loaded page (about 350 bytes each, forms expanded at every use), so this keeps
#: a page within about three times the per-stream budget (a million objects by default).
STREAM_BYTES_PER_OBJECT = 128
#: Check the resident memory every this many cooperative ticks (one tick ≈ 4 KB of content).
_MEMORY_EVERY = 64
#: Seconds between repeated alarms after the deadline, in case one was swallowed.
_ALARM_REPEAT = 0.5
#: Seconds until a deadline signal that arrived inside a gc callback or finaliser is tried again.
_LOST_RETRY = 0.005
#: Seconds between the alarm's looks at the resident memory while a memory limit is set. The
#: cooperative checks (:meth:`Budget.tick`) run only while a PDF is read; the stages after it
#: (cells, regions, fields) are plain Python, which a signal handler interrupts between bytecodes
#: (a fuzzed file once grew to 11.8 GB while its table cells were indexed).
_MEMORY_POLL = 0.25


class GuardStop(BaseException):
    """Carries a :class:`LimitExceededError` out of engine code that catches ``Exception``."""

    def __init__(self, error: LimitExceededError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(slots=True)
class Budget:
    """What one parse may still spend; handed to the stages, consulted by the pdfminer patches."""

    file: str | None
    max_seconds: float | None
    deadline: float | None
    max_stream_bytes: int
    max_decoded_bytes: int
    max_memory_bytes: int | None
    max_chars_per_page: int
    max_shapes_per_page: int
    max_page_objects: int
    rss_start: int | None = None
    decoded_bytes: int = 0
    ticks: int = 0
    page_chars: int = 0
    page_shapes: int = 0
    dropped_chars: int = 0
    dropped_shapes: int = 0
    stopped: bool = False
    objects: int = 0
    #: Compressed streams that were corrupt and only partly inflated (for a page warning).
    damaged_streams: int = 0
    in_page: bool = False
    #: Streams inflated while the current page was interpreted, with their raw bytes, so
    #: that :meth:`end_page` can release the inflated copies pdfminer would keep cached.
    page_streams: list[tuple[Any, bytes]] = dataclasses.field(default_factory=list)
    #: Seconds the time limit grew by for pages that need OCR (:meth:`extend`), and how many.
    ocr_seconds: float = 0.0
    ocr_pages: int = 0

    def extend(self, seconds: float) -> None:
        """Give the parse ``seconds`` more for one more page that needs OCR (a scan's page costs
        seconds where a born-digital one costs milliseconds); a process that enforces the
        limit from outside hears of it through :data:`TIME_EXTENDED`."""
        if self.deadline is None or seconds <= 0:
            return
        self.deadline += seconds
        self.ocr_seconds += seconds
        self.ocr_pages += 1
        listener = TIME_EXTENDED.get()
        if listener is not None:
            listener(seconds)

    def time_limit_message(self, detail: str = "") -> str:
        """ "parsing took longer than the limit of …", with how it was made up and the way out."""
        base = self.max_seconds or 0.0
        limit = f"{base + self.ocr_seconds:g} s"
        if self.ocr_pages:
            limit += f" ({base:g} s + {self.ocr_seconds:g} s for {self.ocr_pages} page(s) to OCR)"
        way_out = "raise it with --timeout SECONDS" + (" or skip OCR with --ocr never" if self.ocr_pages else "")
        return f"parsing took longer than the limit of {limit}{detail}; {way_out}"

    def stop(self, reason: str, *, limit: str, maximum: float, value: float | None = None) -> GuardStop:
        """The :class:`GuardStop` to raise for ``limit`` (marks the budget as spent)."""
        self.stopped = True
        return GuardStop(LimitExceededError(reason, limit=limit, maximum=maximum, value=value, file=self.file))

    def timeout(self) -> GuardStop:
        """The stop for an exceeded ``max_seconds``."""
        return self.stop(
            self.time_limit_message(), limit="max_seconds", maximum=(self.max_seconds or 0.0) + self.ocr_seconds
        )

    def check_time(self) -> None:
        """Stop when the deadline has passed."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise self.timeout()

    def memory_grown(self) -> int | None:
        """The MB the process grew by since the start when that is more than ``max_memory_bytes``,
        else None."""
        if self.max_memory_bytes is None or self.rss_start is None:
            return None
        rss = rss_bytes()
        if rss is not None and rss - self.rss_start > self.max_memory_bytes:
            return (rss - self.rss_start) // MiB
        return None

    def memory_stop(self, grown: int) -> GuardStop:
        """The stop for a process that grew by ``grown`` MB, past ``max_memory_mb``."""
        limit_mb = (self.max_memory_bytes or 0) // MiB
        return self.stop(
            f"parsing needed {grown:,} MB, more than the memory limit of {limit_mb:,} MB",
            limit="max_memory_mb",
            maximum=limit_mb,
            value=grown,
        )

    def check_memory(self) -> None:
        """Stop when the process grew by more than ``max_memory_bytes`` since the start."""
        grown = self.memory_grown()
        if grown is not None:
            raise self.memory_stop(grown)

    def tick(self) -> None:
        """Cheap periodic check from hot loops: always time, sometimes memory."""
        self.check_time()
        self.ticks += 1
        if self.max_memory_bytes is not None and self.ticks % _MEMORY_EVERY == 0:
            self.check_memory()

    def account(self, size: int) -> None:
        """Count ``size`` decoded bytes against the total held at once for this document."""
        self.decoded_bytes += size
        if self.decoded_bytes > self.max_decoded_bytes:
            raise self.stop(
                f"the PDF's streams inflate to more than {self.max_decoded_bytes // MiB:,} MB "
                "in total (a decompression bomb?)",
                limit="max_decoded_bytes",
                maximum=self.max_decoded_bytes,
                value=self.decoded_bytes,
            )

    def release(self, size: int) -> None:
        """Give back ``size`` bytes counted by :meth:`account` whose data is gone again."""
        self.decoded_bytes = max(0, self.decoded_bytes - size)

    def stream_too_big(self, size: int) -> GuardStop:
        """The stop for one stream inflating beyond ``max_stream_bytes``."""
        return self.stop(
            f"a compressed stream inflates to more than {self.max_stream_bytes // MiB:,} MB (a decompression bomb?)",
            limit="max_stream_bytes",
            maximum=self.max_stream_bytes,
            value=size,
        )

    def start_page(self) -> None:
        """Reset the per-page object counters before a page is interpreted."""
        self.page_chars = self.page_shapes = self.dropped_chars = self.dropped_shapes = 0
        self.damaged_streams = 0
        self.in_page = True

    def end_page(self) -> None:
        """Give back the memory of the streams inflated for the page just read.

        pdfminer keeps an inflated copy of every stream it decoded for as long as the
        document is open; restoring the raw bytes makes it inflate again if it ever needs
        the stream, and keeps a document of many large pages from adding them all up.
        """
        self.in_page = False
        for stream, raw in self.page_streams:
            if stream.data is not None:
                self.decoded_bytes -= len(stream.data)
                stream.data = None
                stream.rawdata = raw
        self.page_streams.clear()


#: The budget of the parse running in this thread/context, for the pdfminer patches alone
#: (everything else gets the budget as an argument). Set only by :func:`document_guard`.
ACTIVE_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("ratsdoc_budget", default=None)
#: Told the seconds by which a parse's time limit grew (:meth:`Budget.extend`): a process that
#: runs parses under a time limit of its own (:mod:`ratsdoc.isolation`, the ingest workers)
#: sets it to pass the news on to the parent that would otherwise kill it too early.
TIME_EXTENDED: contextvars.ContextVar[Callable[[float], None] | None] = contextvars.ContextVar(
    "ratsdoc_time_extended", default=None
)


def stream_budget(options: ParseOptions) -> int:
    """Bytes one stream may inflate to: an explicit option, else a quarter of the memory limit."""
    explicit = getattr(options, "max_stream_bytes", None)
    if isinstance(explicit, int) and explicit > 0:
        return explicit
    if options.max_memory_mb:
        return max(MIN_STREAM_BYTES, options.max_memory_mb * MiB // 4)
    return DEFAULT_MAX_STREAM_BYTES


def make_budget(options: ParseOptions, file: str | None) -> Budget:
    """A fresh :class:`Budget` for one document parsed with ``options``."""
    per_stream = stream_budget(options)
    return Budget(
        file=file,
        max_seconds=options.max_seconds,
        deadline=time.monotonic() + options.max_seconds if options.max_seconds else None,
        max_stream_bytes=per_stream,
        max_decoded_bytes=per_stream * DECODED_PER_STREAM,
        max_memory_bytes=options.max_memory_mb * MiB if options.max_memory_mb else None,
        # Shapes are capped like characters: both become one Python object each.
        max_chars_per_page=options.max_chars_per_page,
        max_shapes_per_page=options.max_chars_per_page,
        max_page_objects=per_stream // STREAM_BYTES_PER_OBJECT,
        rss_start=rss_bytes() if options.max_memory_mb else None,
    )


# --------------------------------------------------------------------------- the alarm


def _raise_would_be_lost(frame: FrameType | None) -> bool:
    """Whether ``frame`` runs inside a garbage-collector callback or a ``__del__`` finaliser,
    where a raised exception never reaches the parse (CPython calls them from C and only
    reports what they raise through ``sys.unraisablehook``)."""
    callbacks = {getattr(getattr(cb, "__func__", cb), "__code__", None) for cb in gc.callbacks}
    while frame is not None:
        if frame.f_code in callbacks or frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False


class _Alarm:
    """A ``SIGALRM`` deadline and memory watch for the main thread; a no-op where signals cannot be
    used."""

    def __init__(self, budget: Budget) -> None:
        self._budget = budget
        self._previous: Any = None
        self.active = False

    def _wait(self) -> float | None:
        """Seconds until the next alarm: at the deadline, or sooner to look at the memory; None
        when there is nothing to watch."""
        budget = self._budget
        waits = [] if budget.deadline is None else [max(budget.deadline - time.monotonic(), 0.001)]
        if budget.max_memory_bytes is not None and budget.rss_start is not None:
            waits.append(_MEMORY_POLL)
        return min(waits) if waits else None

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        # Raise only while armed: a late signal after the parse ended must do nothing.
        if not self.active:
            return
        budget = self._budget
        grown = budget.memory_grown()
        late = budget.deadline is not None and time.monotonic() >= budget.deadline
        if grown is None and not late:
            # Not yet (or the limit grew since the timer was set, for pages that need OCR).
            signal.setitimer(signal.ITIMER_REAL, self._wait() or _ALARM_REPEAT, _ALARM_REPEAT)
            return
        if _raise_would_be_lost(frame):
            # Python reports an exception from a gc callback or a finaliser as "unraisable" and
            # goes on: try again right after it has returned.
            signal.setitimer(signal.ITIMER_REAL, _LOST_RETRY, _ALARM_REPEAT)
            return
        raise budget.memory_stop(grown) if grown is not None else budget.timeout()

    def start(self) -> None:
        """Arm the timer if this is the main thread and nobody else uses SIGALRM."""
        wait = self._wait()
        if (
            wait is None
            or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None)
            or signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0)
        ):
            return
        self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
        self.active = True
        signal.setitimer(signal.ITIMER_REAL, wait, _ALARM_REPEAT)

    def stop(self) -> None:
        """Disarm the timer and restore the previous handler."""
        if not self.active:
            return
        self.active = False
        signal.setitimer(signal.ITIMER_REAL, 0.0, 0.0)
        signal.signal(signal.SIGALRM, self._previous or signal.SIG_DFL)


@contextlib.contextmanager
def document_guard(options: ParseOptions, file: str | None) -> Iterator[Budget]:
    """Guard one document: a budget for its stages and the pdfminer patches, a deadline alarm.

    A :class:`GuardStop` raised anywhere inside becomes the :class:`LimitExceededError` it
    carries. Nested use (a guarded parse inside another) keeps the outer budget.
    """
    outer = ACTIVE_BUDGET.get()
    if outer is not None:
        yield outer
        return
    budget = make_budget(options, file)
    token = ACTIVE_BUDGET.set(budget)
    alarm = _Alarm(budget)
    try:
        alarm.start()
        yield budget
    except GuardStop as stop:
        _disarm(alarm)
        raise stop.error from None
    finally:
        _disarm(alarm)
        ACTIVE_BUDGET.reset(token)


def _disarm(alarm: _Alarm) -> None:
    """Stop the alarm even if its last signal lands while stopping (the parse is over)."""
    for _ in range(2):
        with contextlib.suppress(GuardStop):
            alarm.stop()
            return
