"""The worker process: ``python -m ratsdoc.ingest.worker`` reads tasks on stdin, answers on stdout.

Workers are plain subprocesses rather than ``multiprocessing`` children so that they can also be
started from inside Dask workers, which run as daemonic processes and may not fork pool children.
The parent enforces the time limit by killing; the memory limit is enforced here with
``RLIMIT_AS`` (on top of the address space the idle worker already uses) and watched by the parent.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from ..budget import TIME_EXTENDED
from ..procmem import limit_address_space, rss_bytes
from ..status import ParseStatus
from .protocol import Result, Task, read_frame, write_frame

#: Called as ``function(source, options) -> Drucksache``; see :func:`load_parse_function`.
ParseFunction = Callable[[Any, Any], Any]


def load_parse_function(spec: str | None) -> ParseFunction:
    """Resolve ``"module:function"`` or ``"/path/to/file.py:function"``; None means ratsdoc.parse.

    This is the documented hook for tests and custom pipelines (``--parse-function``): the worker
    calls it instead of :func:`ratsdoc.parse`; nothing else in the normal path changes.
    """
    if not spec:
        from ..api import parse

        return parse
    target, _, attr = spec.rpartition(":")
    if not target or not attr:
        raise ValueError(f"parse function {spec!r} must look like 'module:function'")
    if target.endswith(".py"):
        module_spec = importlib.util.spec_from_file_location(Path(target).stem, target)
        if module_spec is None or module_spec.loader is None:
            raise ImportError(f"cannot load {target}")
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
    else:
        module = importlib.import_module(target)
    function: ParseFunction = getattr(module, attr)
    return function


def _watch_parent() -> None:
    """Exit when the parent dies (kill -9), so a hanging parse never outlives the run."""
    parent = os.getppid()

    def loop() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(3)

    threading.Thread(target=loop, name="ratsdoc-parent-watch", daemon=True).start()


def run_task(task: Task, function: ParseFunction, options: Any, max_memory_mb: int | None) -> Result:
    """Parse one input and turn the outcome (paper or error) into a :class:`Result`."""
    from ..failures import error_info, needs_fresh_process

    key = task["key"]
    name = task.get("name") or key
    started = time.perf_counter()
    data = task.get("data")
    source = data if data is not None else task.get("path")
    try:
        document = function(source, options)
    except Exception as exc:  # a bad file, or a defect in the parser, must not stop the run
        # The archive keeps the paths beside the row: the message is the reason alone.
        error = error_info(exc, max_memory_mb=max_memory_mb)
        # After a memory stop or runaway recursion the heap may be fragmented or
        # half-initialised: the worker asks to be replaced.
        return Result(
            key=key,
            status=ParseStatus.FAILED,
            document_json=None,
            error_class=error.type,
            error_message=error.message,
            error_limit=error.limit,
            page_count=None,
            seconds=time.perf_counter() - started,
            recycle=needs_fresh_process(exc),
        )
    # Archive members are parsed from temporary files: name the source as the user knows it.
    source_model = getattr(document, "source", None)
    if source_model is not None:
        display = name.rsplit("!", 1)[-1].replace("\\", "/").rsplit("/", 1)[-1]
        document = document.model_copy(update={"source": source_model.model_copy(update={"file": display})})
    warnings = getattr(document, "warnings", None)
    return Result(
        key=key,
        status=ParseStatus.of_document(warnings or ()),
        document_json=document.model_dump_json(),
        error_class=None,
        error_message=None,
        error_limit=None,
        page_count=getattr(document, "page_count", None),
        seconds=time.perf_counter() - started,
        recycle=False,
    )


def serve(
    stdin: IO[bytes], stdout: IO[bytes], parse_function: str | None, options_json: str, max_memory_mb: int | None
) -> int:
    """The worker loop: announce readiness, then answer tasks until stdin closes."""
    from ..options import ParseOptions

    function = load_parse_function(parse_function)
    options = ParseOptions.model_validate_json(options_json)
    if max_memory_mb:
        # On top of what the idle worker maps now; where it cannot be set, the parent's
        # watch of the resident memory still applies.
        limit_address_space(max_memory_mb)
    # The parent kills a worker at the time limit: tell it when a parse's limit grows (pages
    # that need OCR, see Budget.extend).
    TIME_EXTENDED.set(lambda seconds: write_frame(stdout, {"extend": seconds}))
    rss = rss_bytes()
    write_frame(stdout, {"ready": True, "pid": os.getpid(), "rss_kib": None if rss is None else rss // 1024})
    while True:
        task = read_frame(stdin)
        if task is None:
            return 0
        result = run_task(task, function, options, max_memory_mb)
        try:
            write_frame(stdout, result)
        except (BrokenPipeError, OSError):
            return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the worker subprocess."""
    parser = argparse.ArgumentParser(prog="ratsdoc-ingest-worker")
    parser.add_argument("--parse-function", default=None)
    parser.add_argument("--options-json", default="{}")
    parser.add_argument("--max-memory-mb", type=int, default=None)
    args = parser.parse_args(argv)
    # Keep the protocol channel private: anything a library prints goes to stderr instead.
    protocol_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    _watch_parent()
    return serve(sys.stdin.buffer, protocol_out, args.parse_function, args.options_json, args.max_memory_mb)


if __name__ == "__main__":
    sys.exit(main())
