"""Resource guards for one parse: time, stream inflation, memory, objects per page, isolation.

ratsdoc reads untrusted files with pdfminer, which is pure Python and was not written for
hostile input: it inflates a Flate stream in one ``zlib.decompress`` call (a 4 KB file can
ask for gigabytes), follows reference chains without end (``1 0 R`` → ``2 0 R`` → ``1 0 R``),
concatenates tokens quadratically and keeps every character of a page as an object. A check
between pages cannot stop any of that, so this module guards *inside* pdfminer:

* :func:`document_guard` sets up a :class:`Budget` for the current parse (a context variable,
  so other threads and other users of pdfminer in the process are not affected) and, in the
  main thread, a ``SIGALRM`` timer that interrupts any pure-Python loop at the deadline.
* :func:`install` patches pdfminer once: bounded Flate/LZW inflation, a linear replacement
  for its quadratic "corrupted zlib" fallback, a cooperative deadline/memory check every 4 KB
  of parsed content, a cap on reference chains, and per-page caps on characters and shapes
  (dropped beyond the cap instead of being collected). Outside a guarded parse every patch
  behaves exactly like the original.
* :func:`parse_isolated` runs a whole parse in a child process with ``RLIMIT_AS`` and a
  wall-clock timeout, for callers (the CLI, batch jobs) that need a hard memory ceiling.

Guard stops travel as :class:`GuardStop`, a ``BaseException``, because pdfminer and pdfplumber
wrap or swallow ``Exception`` in many places; :func:`document_guard` turns it back into the
:class:`~ratsdoc.errors.LimitExceededError` it carries.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import os
import signal
import sys
import threading
import time
import traceback
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from types import FrameType
from typing import TYPE_CHECKING, Any

from . import errors
from .errors import LimitExceededError, RatsdocError

if TYPE_CHECKING:
    from .models import Drucksache
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
#: A chain of references to references longer than this is treated as a loop.
MAX_REF_CHAIN = 32
#: Inflate in pieces of this size so that the budget is checked while inflating.
_INFLATE_STEP = 4 * MiB
#: Check the resident memory every this many cooperative ticks (one tick ≈ 4 KB of content).
_MEMORY_EVERY = 64
#: Seconds between repeated alarms after the deadline, in case one was swallowed.
_ALARM_REPEAT = 0.5


class GuardStop(BaseException):
    """Carries a :class:`LimitExceededError` out of engine code that catches ``Exception``."""

    def __init__(self, error: LimitExceededError) -> None:
        super().__init__(str(error))
        self.error = error


def _rss_bytes() -> int | None:
    """The resident set size of this process, or None where it cannot be read cheaply."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@dataclass(slots=True)
class Budget:
    """What one parse may still spend; consulted by the pdfminer patches."""

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

    def stop(self, reason: str, *, limit: str, maximum: float, value: float | None = None
             ) -> GuardStop:
        """The :class:`GuardStop` to raise for ``limit`` (marks the budget as spent)."""
        self.stopped = True
        return GuardStop(LimitExceededError(reason, limit=limit, maximum=maximum, value=value,
                                            file=self.file))

    def timeout(self) -> GuardStop:
        """The stop for an exceeded ``max_seconds``."""
        return self.stop(
            f"parsing took longer than the limit of {self.max_seconds or 0:g} s",
            limit="max_seconds", maximum=self.max_seconds or 0.0,
        )

    def check_time(self) -> None:
        """Stop when the deadline has passed."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise self.timeout()

    def check_memory(self) -> None:
        """Stop when the process grew by more than ``max_memory_bytes`` since the start."""
        if self.max_memory_bytes is None or self.rss_start is None:
            return
        rss = _rss_bytes()
        if rss is not None and rss - self.rss_start > self.max_memory_bytes:
            grown = (rss - self.rss_start) // MiB
            limit_mb = self.max_memory_bytes // MiB
            raise self.stop(
                f"parsing needed {grown:,} MB, more than the memory limit of {limit_mb:,} MB",
                limit="max_memory_mb", maximum=limit_mb, value=grown,
            )

    def tick(self) -> None:
        """Cheap periodic check from pdfminer's hot loops: always time, sometimes memory."""
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
                limit="max_decoded_bytes", maximum=self.max_decoded_bytes,
                value=self.decoded_bytes,
            )

    def release(self, size: int) -> None:
        """Give back ``size`` bytes counted by :meth:`account` whose data is gone again."""
        self.decoded_bytes = max(0, self.decoded_bytes - size)

    def stream_too_big(self, size: int) -> GuardStop:
        """The stop for one stream inflating beyond ``max_stream_bytes``."""
        return self.stop(
            f"a compressed stream inflates to more than {self.max_stream_bytes // MiB:,} MB "
            "(a decompression bomb?)",
            limit="max_stream_bytes", maximum=self.max_stream_bytes, value=size,
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


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "ratsdoc_budget", default=None
)


def current_budget() -> Budget | None:
    """The budget of the parse running in this thread/context, if any."""
    return _current.get()


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
        rss_start=_rss_bytes() if options.max_memory_mb else None,
    )


# --------------------------------------------------------------------------- the alarm


class _Alarm:
    """A ``SIGALRM`` deadline for the main thread; a no-op where signals cannot be used."""

    def __init__(self, budget: Budget) -> None:
        self._budget = budget
        self._previous: Any = None
        self.active = False

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        # Raise only while armed: a late signal after the parse ended must do nothing.
        if self.active:
            raise self._budget.timeout()

    def start(self) -> None:
        """Arm the timer if this is the main thread and nobody else uses SIGALRM."""
        budget = self._budget
        if (
            budget.deadline is None
            or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None)
            or signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0)
        ):
            return
        self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
        self.active = True
        remaining = max(budget.deadline - time.monotonic(), 0.001)
        signal.setitimer(signal.ITIMER_REAL, remaining, _ALARM_REPEAT)

    def stop(self) -> None:
        """Disarm the timer and restore the previous handler."""
        if not self.active:
            return
        self.active = False
        signal.setitimer(signal.ITIMER_REAL, 0.0, 0.0)
        signal.signal(signal.SIGALRM, self._previous or signal.SIG_DFL)


@contextlib.contextmanager
def document_guard(options: ParseOptions, file: str | None) -> Iterator[Budget]:
    """Guard one document: budgets for the pdfminer patches plus a deadline alarm.

    A :class:`GuardStop` raised anywhere inside becomes the :class:`LimitExceededError` it
    carries. Nested use (a guarded parse inside another) keeps the outer budget.
    """
    install()
    outer = _current.get()
    if outer is not None:
        yield outer
        return
    budget = make_budget(options, file)
    token = _current.set(budget)
    alarm = _Alarm(budget)
    try:
        alarm.start()
        yield budget
    except GuardStop as stop:
        _disarm(alarm)
        raise stop.error from None
    finally:
        _disarm(alarm)
        _current.reset(token)


def _disarm(alarm: _Alarm) -> None:
    """Stop the alarm even if its last signal lands while stopping (the parse is over)."""
    for _ in range(2):
        with contextlib.suppress(GuardStop):
            alarm.stop()
            return


# --------------------------------------------------------------------------- pdfminer patches


def bounded_inflate(data: bytes, budget: Budget, *, tolerant: bool = False) -> bytes:
    """Inflate zlib ``data`` without producing more than ``budget.max_stream_bytes``.

    Like ``zlib.decompress`` it raises ``zlib.error`` on corrupt or truncated data unless
    ``tolerant``, in which case it returns what could be decoded (in linear time, unlike
    pdfminer's byte-by-byte fallback, which is quadratic).
    """
    limit = budget.max_stream_bytes
    out = bytearray()
    d = zlib.decompressobj()
    pending = memoryview(data)
    step = 64 * 1024 if tolerant else len(data) or 1
    pos = 0
    while True:
        if d.unconsumed_tail:
            piece_in: bytes | memoryview = d.unconsumed_tail
        elif pos < len(pending) and not d.eof:
            piece_in = pending[pos:pos + step]
            pos += step
        else:
            break
        saved = d.copy() if tolerant else None
        try:
            piece = d.decompress(piece_in, min(_INFLATE_STEP, limit + 1 - len(out)))
        except zlib.error:
            if not tolerant or saved is None:
                raise
            # Recover byte by byte within the failing slice only, then stop.
            d = saved
            for i in range(len(piece_in)):
                try:
                    out += d.decompress(piece_in[i:i + 1], limit + 1 - len(out))
                except zlib.error:
                    break
                if len(out) > limit:
                    raise budget.stream_too_big(len(out)) from None
            break
        out += piece
        if len(out) > limit:
            raise budget.stream_too_big(len(out))
        budget.tick()
    if not d.eof and not tolerant:
        raise zlib.error("incomplete or truncated stream")
    return bytes(out)


def bounded_lzw(data: bytes, budget: Budget) -> bytes:
    """LZW-decode ``data`` without producing more than ``budget.max_stream_bytes``."""
    from pdfminer import lzw

    out: list[bytes] = []
    size = 0
    for n, piece in enumerate(lzw.LZWDecoder(BytesIO(data)).run()):
        out.append(piece)
        size += len(piece)
        if size > budget.max_stream_bytes:
            raise budget.stream_too_big(size)
        if n % 4096 == 0:
            budget.tick()
    return b"".join(out)


def bounded_rl(data: bytes, budget: Budget) -> bytes:
    """RunLength-decode ``data``; stops when the result exceeds ``budget.max_stream_bytes``."""
    from pdfminer.runlength import rldecode

    budget.tick()  # at most 64x growth: the check afterwards bounds what is kept
    result: bytes = rldecode(data)
    if len(result) > budget.max_stream_bytes:
        raise budget.stream_too_big(len(result))
    return result


class _ZlibForPdfminer:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``: bounded when guarded."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        budget = _current.get()
        if budget is None or args or kwargs:
            return zlib.decompress(data, *args, **kwargs)
        return bounded_inflate(data, budget)

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        return zlib.decompressobj(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


_installed = False
_install_lock = threading.Lock()


def install() -> None:
    """Patch pdfminer for guarded parsing (idempotent; a no-op outside a guarded parse)."""
    global _installed
    if _installed:
        return
    with _install_lock:
        if _installed:
            return
        _patch_pdfminer()
        _installed = True


def _replace(owner: object, name: str, value: object) -> None:
    """Set ``owner.name`` (a module global or a method) to ``value``."""
    setattr(owner, name, value)


def _patch_pdfminer() -> None:
    from pdfminer import pdftypes, psparser
    from pdfminer.pdfinterp import PDFContentParser
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent as Device

    original_corrupted = pdftypes.decompress_corrupted
    original_lzw = getattr(pdftypes, "lzwdecode")  # noqa: B009 - re-exported, untyped
    original_rl = getattr(pdftypes, "rldecode")  # noqa: B009

    def decompress_corrupted(data: bytes) -> bytes:
        budget = _current.get()
        if budget is None:
            return original_corrupted(data)
        # pdfminer calls this after a strict inflate failed: the stream is damaged.
        budget.damaged_streams += 1
        return bounded_inflate(data, budget, tolerant=True)

    def lzwdecode(data: bytes) -> bytes:
        budget = _current.get()
        if budget is None:
            unbounded: bytes = original_lzw(data)
            return unbounded
        return bounded_lzw(data, budget)

    def rldecode(data: bytes) -> bytes:
        budget = _current.get()
        if budget is None:
            unbounded: bytes = original_rl(data)
            return unbounded
        return bounded_rl(data, budget)

    # pdftypes looks these names up at call time, so replacing them in its namespace is enough.
    _replace(pdftypes, "zlib", _ZlibForPdfminer())
    _replace(pdftypes, "decompress_corrupted", decompress_corrupted)
    _replace(pdftypes, "lzwdecode", lzwdecode)
    _replace(pdftypes, "rldecode", rldecode)

    original_decode = pdftypes.PDFStream.decode

    def decode(self: Any) -> None:
        budget = _current.get()
        if budget is None:
            original_decode(self)
            return
        budget.tick()
        raw = self.rawdata
        original_decode(self)
        if self.data is not None:
            if budget.in_page and raw is not None and self.data is not raw:
                budget.page_streams.append((self, raw))
            budget.account(len(self.data))
            if budget.max_memory_bytes is not None:
                budget.check_memory()

    pdftypes.PDFStream.decode = decode  # type: ignore[method-assign]

    original_resolve = pdftypes.PDFObjRef.resolve

    def resolve(self: Any, default: object = None) -> Any:
        # resolve1() loops "while isinstance(x, PDFObjRef)": a reference cycle would spin
        # forever, so the chain is followed here, at most MAX_REF_CHAIN steps.
        obj = original_resolve(self, default)
        steps = 0
        while isinstance(obj, pdftypes.PDFObjRef):
            steps += 1
            if steps > MAX_REF_CHAIN:
                return default
            obj = original_resolve(obj, default)
        return obj

    pdftypes.PDFObjRef.resolve = resolve  # type: ignore[method-assign]

    def ticking(fillbuf: Callable[[Any], bool]) -> Callable[[Any], bool]:
        def guarded_fillbuf(self: Any) -> bool:
            # pdfminer calls fillbuf before every token; only a real refill (one per 4 KB)
            # is worth a check. Without one, pdfminer's fillbuf returns False at once (both
            # parsers'; tests/test_hostile.py checks it), so this frame answers for it.
            if self.charpos < len(self.buf):
                return False
            budget = _current.get()
            if budget is not None:
                budget.tick()
            return fillbuf(self)

        guarded_fillbuf.__doc__ = fillbuf.__doc__
        guarded_fillbuf.__wrapped__ = fillbuf  # type: ignore[attr-defined]
        return guarded_fillbuf

    _replace(psparser.PSBaseParser, "fillbuf", ticking(psparser.PSBaseParser.fillbuf))
    _replace(PDFContentParser, "fillbuf", ticking(PDFContentParser.fillbuf))

    render_char = Device.render_char
    paint_path = Device.paint_path
    render_image = Device.render_image

    def capped_render_char(self: Any, *args: Any, **kwargs: Any) -> float:
        budget = _current.get()
        if budget is not None:
            if budget.page_chars >= budget.max_chars_per_page:
                # Beyond the cap the character is counted, not kept: memory stays bounded.
                budget.dropped_chars += 1
                return 0.0
            budget.page_chars += 1
        advance: float = render_char(self, *args, **kwargs)
        return advance

    def capped_shape(draw: Callable[..., None]) -> Callable[..., None]:
        """``draw`` (a path or an image) counted against the per-page shape cap."""
        def capped(self: Any, *args: Any, **kwargs: Any) -> None:
            budget = _current.get()
            if budget is not None:
                if budget.page_shapes >= budget.max_shapes_per_page:
                    budget.dropped_shapes += 1
                    return
                budget.page_shapes += 1
            draw(self, *args, **kwargs)
        return capped

    capped_paint_path = capped_shape(paint_path)
    capped_render_image = capped_shape(render_image)

    from pdfplumber.page import Page as PlumberPage

    process_object = PlumberPage.process_object

    def ticking_process_object(self: Any, obj: Any) -> Any:
        # pdfplumber turns each layout object into a dict after interpretation, tens of
        # microseconds apiece: a 200,000-character page needs checks here too.
        budget = _current.get()
        if budget is not None:
            budget.objects += 1
            if budget.objects % 512 == 0:
                budget.tick()
        return process_object(self, obj)

    _replace(PlumberPage, "process_object", ticking_process_object)

    Device.render_char = capped_render_char  # type: ignore[method-assign]
    Device.paint_path = capped_paint_path  # type: ignore[method-assign]
    Device.render_image = capped_render_image  # type: ignore[method-assign]


# --------------------------------------------------------------------------- isolated mode

#: Seconds the child may take beyond ``max_seconds`` (start-up, model transfer).
ISOLATION_GRACE = 10.0


def _vm_size() -> int:
    """The virtual memory size of this process in bytes (0 where unknown)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _error_payload(exc: BaseException) -> dict[str, Any]:
    """A picklable description of a ratsdoc error (its keyword-only __init__ defeats pickle)."""
    return {"type": type(exc).__name__, "args": exc.args, "attrs": dict(vars(exc))}


def _error_from_payload(payload: dict[str, Any]) -> RatsdocError:
    """Rebuild the error described by :func:`_error_payload` in the parent process."""
    cls = getattr(errors, str(payload.get("type")), RatsdocError)
    if not (isinstance(cls, type) and issubclass(cls, RatsdocError)):
        cls = RatsdocError
    exc = cls.__new__(cls)
    exc.args = tuple(payload.get("args", ()))
    exc.__dict__.update(payload.get("attrs", {}))
    return exc


def _child_main(conn: Any, source: str | bytes, options_json: str, memory_mb: int | None
                ) -> None:
    """Entry point of the isolated child: limit memory, parse, send back the outcome."""
    from .options import ParseOptions
    from .pipeline import run_pipeline

    if memory_mb:
        try:
            import resource

            # RLIMIT_AS counts address space, not resident memory: allow what the interpreter
            # already maps plus the per-document budget.
            cap = _vm_size() + memory_mb * MiB
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        except (ImportError, ValueError, OSError):
            pass
    try:
        options = ParseOptions.model_validate_json(options_json)
        document = run_pipeline(source, options)
        conn.send(("ok", document.model_dump_json()))
    except BaseException as exc:  # reported to the parent, which re-raises or decides
        from .failures import as_ratsdoc_error

        error = as_ratsdoc_error(exc, file=source if isinstance(source, str) else None,
                                 max_memory_mb=memory_mb) if isinstance(exc, Exception) else None
        if error is not None:
            conn.send(("error", _error_payload(error)))
        else:
            conn.send(("internal", f"{type(exc).__name__}: {exc}", traceback.format_exc()))
    finally:
        conn.close()


def _context() -> Any:
    """The multiprocessing context: a forkserver preloaded with ratsdoc where available."""
    import multiprocessing

    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["ratsdoc", "ratsdoc.pipeline", "pdfplumber"])
        return ctx
    return multiprocessing.get_context("spawn")


def parse_isolated(
    source: str | os.PathLike[str] | bytes,
    options: ParseOptions | None = None,
    **overrides: object,
) -> Drucksache:
    """Parse in a child process with a hard memory ceiling and a wall-clock timeout.

    The child gets ``RLIMIT_AS`` of its start-up size plus ``max_memory_mb`` (when set) and is
    killed ``ISOLATION_GRACE`` seconds after ``max_seconds``. A ratsdoc error in the child is
    re-raised here with its type and attributes; a child killed by the memory ceiling or the
    timeout gives a :class:`LimitExceededError` naming ``max_memory_mb`` or ``max_seconds``.
    """
    from .models import Drucksache
    from .options import ParseOptions

    opts = options or ParseOptions()
    if overrides:
        opts = ParseOptions.model_validate({**opts.model_dump(), **overrides})
    name = None if isinstance(source, (bytes, bytearray)) else str(source)
    payload: str | bytes = bytes(source) if isinstance(source, (bytes, bytearray)) else str(
        os.fspath(source)
    )
    ctx = _context()
    parent_conn, child_conn = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=_child_main,
        args=(child_conn, payload, opts.model_dump_json(), opts.max_memory_mb),
        daemon=True,
    )
    process.start()
    child_conn.close()
    timeout = opts.max_seconds + ISOLATION_GRACE if opts.max_seconds else None
    message: Any = None
    timed_out = False
    try:
        if parent_conn.poll(timeout):
            message = parent_conn.recv()
        else:
            timed_out = True
    except (EOFError, OSError):
        message = None  # the child died before it could answer
    finally:
        if process.is_alive() and (timed_out or message is None):
            process.kill()
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join(1)
        parent_conn.close()
    if timed_out:
        raise LimitExceededError(
            f"parsing took longer than the limit of {opts.max_seconds or 0:g} s "
            "(the parser process was stopped)",
            limit="max_seconds", maximum=opts.max_seconds or 0.0, file=name,
        )
    if message is None:
        if opts.max_memory_mb:
            raise LimitExceededError(
                f"the parser process died (exit code {process.exitcode}), most likely at the "
                f"memory limit of {opts.max_memory_mb:,} MB",
                limit="max_memory_mb", maximum=opts.max_memory_mb, file=name,
            )
        raise RatsdocError(f"the parser process crashed (exit code {process.exitcode})",
                           file=name)
    kind = message[0]
    if kind == "ok":
        return Drucksache.model_validate_json(message[1])
    if kind == "error":
        raise _error_from_payload(message[1])
    if kind == "memory":
        raise LimitExceededError(
            f"parsing needed more than the memory limit of {opts.max_memory_mb or 0:,} MB",
            limit="max_memory_mb", maximum=opts.max_memory_mb or 0, file=name,
        )
    raise RuntimeError(f"internal error in the isolated parser: {message[1]}\n{message[2]}")
