"""A parse in a child process: a hard memory ceiling and a wall-clock timeout that hold.

In-process, memory can only be *observed* cooperatively (:mod:`ratsdoc.budget`): C code
(zlib, ``regex``, PDFium) runs to completion before any check, and ``RLIMIT_AS`` cannot be
applied to one document of a process. :func:`parse_isolated` therefore runs a whole parse in
a child process with ``RLIMIT_AS`` and a wall-clock timeout, for callers (the CLI, batch
jobs, servers reading untrusted files) that need a hard ceiling; the in-process default
stays fast.

This module sits above the pipeline: it imports :mod:`ratsdoc.pipeline`, and nothing the
pipeline uses may import it (``tests/test_import_graph.py`` checks that there is no cycle).
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from typing import Any

from . import errors
from .budget import TIME_EXTENDED
from .errors import LimitExceededError, RatsdocError
from .failures import as_ratsdoc_error
from .models import Drucksache
from .options import ParseOptions
from .pipeline import run_pipeline
from .procmem import limit_address_space

#: Seconds the child may take beyond ``max_seconds`` (start-up, model transfer).
ISOLATION_GRACE = 10.0


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


def _child_main(conn: Any, source: str | bytes, options_json: str, memory_mb: int | None) -> None:
    """Entry point of the isolated child: limit memory, parse, send back the outcome."""
    if memory_mb:
        limit_address_space(memory_mb)
    # The parent kills the child at its time limit: tell it when the limit grows (OCR pages).
    TIME_EXTENDED.set(lambda seconds: conn.send(("extend", seconds)))
    try:
        options = ParseOptions.model_validate_json(options_json)
        document = run_pipeline(source, options)
        conn.send(("ok", document.model_dump_json()))
    except BaseException as exc:  # reported to the parent, which re-raises or decides
        error = (
            as_ratsdoc_error(exc, file=source if isinstance(source, str) else None, max_memory_mb=memory_mb)
            if isinstance(exc, Exception)
            else None
        )
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
        ctx.set_forkserver_preload(["ratsdoc", "ratsdoc.isolation", "pdfplumber"])
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
    opts = options or ParseOptions()
    if overrides:
        opts = ParseOptions.model_validate({**opts.model_dump(), **overrides})
    name = None if isinstance(source, (bytes, bytearray)) else str(source)
    payload: str | bytes = bytes(source) if isinstance(source, (bytes, bytearray)) else str(os.fspath(source))
    ctx = _context()
    parent_conn, child_conn = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=_child_main,
        args=(child_conn, payload, opts.model_dump_json(), opts.max_memory_mb),
        daemon=True,
    )
    process.start()
    child_conn.close()
    deadline = time.monotonic() + opts.max_seconds + ISOLATION_GRACE if opts.max_seconds else None
    extra = 0.0
    message: Any = None
    timed_out = False
    try:
        while True:
            if not parent_conn.poll(None if deadline is None else max(deadline - time.monotonic(), 0.0)):
                timed_out = True
                break
            message = parent_conn.recv()
            if not (isinstance(message, tuple) and message[:1] == ("extend",)):
                break
            extra += message[1]  # pages that need OCR: the child's limit grew
            deadline = None if deadline is None else deadline + message[1]
            message = None
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
            f"parsing took longer than the limit of {(opts.max_seconds or 0) + extra:g} s (the parser process was "
            "stopped); raise it with --timeout SECONDS" + (" or skip OCR with --ocr never" if extra else ""),
            limit="max_seconds",
            maximum=(opts.max_seconds or 0.0) + extra,
            file=name,
        )
    if message is None:
        if opts.max_memory_mb:
            raise LimitExceededError(
                f"the parser process died (exit code {process.exitcode}), most likely at the "
                f"memory limit of {opts.max_memory_mb:,} MB",
                limit="max_memory_mb",
                maximum=opts.max_memory_mb,
                file=name,
            )
        raise RatsdocError(f"the parser process crashed (exit code {process.exitcode})", file=name)
    kind = message[0]
    if kind == "ok":
        return Drucksache.model_validate_json(message[1])
    if kind == "error":
        raise _error_from_payload(message[1])
    raise RuntimeError(f"internal error in the isolated parser: {message[1]}\n{message[2]}")
