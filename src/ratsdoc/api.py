"""The public entry points: :func:`parse` for one paper, :func:`parse_many` for many."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator

from .errors import LimitExceededError, RatsdocError
from .models import Drucksache, ErrorInfo, ParseResult
from .options import ParseOptions
from .pipeline import run_pipeline

Source = str | os.PathLike[str] | bytes


def parse(source: Source, options: ParseOptions | None = None, **overrides: object) -> Drucksache:
    """Parse one council paper (a path or the PDF's bytes) into a :class:`Drucksache`.

    Keyword overrides are applied to ``options`` (``parse(p, engine="pdfium")``).
    Raises a :class:`~ratsdoc.errors.RatsdocError` subclass for input it cannot read.
    """
    opts = options or ParseOptions()
    if overrides:
        opts = opts.model_copy(update=overrides)
        opts = ParseOptions.model_validate(opts.model_dump())
    return run_pipeline(source, opts)


def parse_many(
    sources: Iterable[Source], options: ParseOptions | None = None
) -> Iterator[ParseResult]:
    """Parse many papers in this process, yielding one :class:`ParseResult` per input, in order.

    A bad file never raises: it becomes a result with ``status="failed"`` and the error.
    """
    opts = options or ParseOptions()
    for index, source in enumerate(sources):
        name = f"<bytes #{index}>" if isinstance(source, bytes) else str(source)
        started = time.perf_counter()
        try:
            document = run_pipeline(source, opts)
        except RatsdocError as exc:
            yield ParseResult(
                file=name, status="failed", seconds=time.perf_counter() - started,
                error=ErrorInfo(type=type(exc).__name__, message=str(exc.with_file(name)),
                                limit=exc.limit if isinstance(exc, LimitExceededError) else None),
            )
            continue
        except Exception as exc:  # a defect in ratsdoc must not stop a batch
            yield ParseResult(
                file=name, status="failed", seconds=time.perf_counter() - started,
                error=ErrorInfo(type=type(exc).__name__,
                                message=f"{name}: internal error ({type(exc).__name__}: {exc})"),
            )
            continue
        yield ParseResult(
            file=name, status="warning" if document.warnings else "ok", document=document,
            seconds=time.perf_counter() - started,
        )
