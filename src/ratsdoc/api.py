"""The public entry points: :func:`parse` for one paper, :func:`parse_many` for many."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator

from .failures import error_info
from .models import Drucksache, ParseResult
from .options import ParseOptions
from .pipeline import read_paper, run_pipeline
from .status import ParseStatus

Source = str | os.PathLike[str] | bytes


def parse(source: Source, options: ParseOptions | None = None, **overrides: object) -> Drucksache:
    """Parse one council paper (a path or the PDF's bytes) into a :class:`Drucksache`.

    Keyword overrides are applied to ``options`` (``parse(p, engine="pdfium")``).
    Raises a :class:`~ratsdoc.errors.RatsdocError` subclass for input it cannot read.

    Safe to call from several threads at once. PDFium is not thread-safe, so its calls (the
    default engine and the OCR renderer) are serialised by one process-wide lock, taken per
    page: threads take turns in PDFium and run the other stages in parallel only as far as
    the GIL allows. For CPU parallelism use processes: the worker processes of
    ``ratsdoc ingest`` (:func:`ratsdoc.ingest.ingest`), or :func:`parse_many` in each process
    of a pool.
    """
    opts = options or ParseOptions()
    if overrides:
        opts = opts.model_copy(update=overrides)
        opts = ParseOptions.model_validate(opts.model_dump())
    return run_pipeline(source, opts)


def parse_many(sources: Iterable[Source], options: ParseOptions | None = None) -> Iterator[ParseResult]:
    """Parse many papers in this process, yielding one :class:`ParseResult` per input, in order.

    A bad file never raises: it becomes a result with status ``failed`` and the error.
    """
    opts = options or ParseOptions()
    for index, source in enumerate(sources):
        name = f"<bytes #{index}>" if isinstance(source, bytes) else str(source)
        started = time.perf_counter()
        try:
            document, issues = read_paper(source, opts)
        except Exception as exc:  # a bad file, or a defect in ratsdoc, must not stop a batch
            yield ParseResult(
                file=name,
                status=ParseStatus.FAILED,
                seconds=time.perf_counter() - started,
                error=error_info(exc, name, max_memory_mb=opts.max_memory_mb),
            )
            continue
        yield ParseResult(
            file=name,
            status=ParseStatus.of_document(document.warnings),
            document=document,
            seconds=time.perf_counter() - started,
            issues=issues,
        )
