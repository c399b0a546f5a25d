"""The pipeline: input → engine pages → lines → layout → profile → field extractors → model."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .budget import Budget, document_guard
from .errors import DamagedPdfError, LimitExceededError, RatsdocError
from .extract import Fields, extract_fields
from .failures import exhaustion_error
from .input import PdfInput, load_input
from .issues import TEXT_MISSING, Issue, IssueCode, has_code, messages
from .layout.cells import join_wrapped_cells
from .layout.margin_labels import split_margin_labels
from .layout.model import EngineLimits, Page, PageSource
from .layout.pagetree import no_pages
from .models import Drucksache, Source
from .ocr.step import OcrStep
from .options import ParseOptions
from .profile import Profile, available_profiles, forced_profile_issue, select_profile
from .regions import Layout, LinkInfo, PageInfo, build_layout
from .text.normalize import count_cid_glyphs


def open_engine(pdf: PdfInput, options: ParseOptions, budget: Budget) -> PageSource:
    """Open ``pdf`` with the engine named in ``options``, to read it within ``budget``."""
    limits = EngineLimits.from_options(options)
    if options.engine == "pdfium":
        from .layout.pdfium_engine import PdfiumSource

        return PdfiumSource(pdf, budget=budget, limits=limits)
    from .layout.pdfplumber_engine import PdfplumberSource

    return PdfplumberSource(pdf, budget=budget, limits=limits)


def _check_deadline(budget: Budget, pdf: PdfInput, number: int) -> None:
    """Stop the parse at page ``number`` once the budget's deadline (monotonic seconds, grown
    for pages that need OCR) has passed."""
    if budget.deadline is not None and time.monotonic() > budget.deadline:
        raise LimitExceededError(
            budget.time_limit_message(f" (stopped at page {number})"),
            limit="max_seconds",
            maximum=(budget.max_seconds or 0.0) + budget.ocr_seconds,
            file=pdf.name,
        )


def _pages_in_time(source: PageSource, budget: Budget, pdf: PdfInput) -> Iterator[Page]:
    """The pages of ``source``, until the budget's deadline has passed."""
    for page in source.pages():
        _check_deadline(budget, pdf, page.number)
        yield page


def read_layout(pdf: PdfInput, options: ParseOptions, budget: Budget) -> tuple[Layout, int]:
    """Read every page into lines with the engine of ``options``, or else with the other one.

    When the chosen engine calls the file damaged (PDFium "Data format error" on a catalog
    pdfminer reads, pdfminer failing on pages PDFium reads), the other engine gets the same
    bytes within the same budget before the file is refused, and the result says so in an
    ``engine_fallback`` warning. The PDFium engine always runs its preflight, so a fallback to
    it is as guarded as a first try. Limits, passwords and non-PDFs are not retried.
    """
    try:
        return _read_layout(pdf, options, budget)
    except DamagedPdfError as first:
        other = "pdfplumber" if options.engine == "pdfium" else "pdfium"
        try:
            layout, page_count = _read_layout(pdf, options.model_copy(update={"engine": other}), budget)
        except DamagedPdfError:
            raise first from None
        message = (
            f"the {options.engine} engine cannot read this PDF ({first.reason}); it was read with the {other} engine"
        )
        layout.warnings.insert(0, Issue(IssueCode.ENGINE_FALLBACK, message))
        return layout, page_count


def _read_layout(pdf: PdfInput, options: ParseOptions, budget: Budget) -> tuple[Layout, int]:
    """Read every page into lines, one page at a time, and return the layout and page count.

    ``budget`` is the parse's (from :func:`~ratsdoc.budget.document_guard`): the engine and
    the OCR renderer check time, stream sizes and objects against it while they read.
    """
    source = open_engine(pdf, options, budget)
    infos: list[PageInfo] = []
    per_page = []
    warnings: list[Issue] = []
    cid_total = 0
    # OCR: scanned pages get their lines from Tesseract (or their own OCR layer) and their
    # checkboxes from the pixels; see ocr/step.py.
    ocr = OcrStep(
        pdf,
        mode=options.ocr,
        password=options.password,
        max_pages=options.max_pages,
        checked=source.checked_data,
        budget=budget,
        workers=options.ocr_workers or 0,
        seconds_per_page=options.ocr_seconds_per_page,
        page_count=max(0, source.page_count),
    )
    # closing(): on an error the OCR threads stop before the renderer is closed below.
    pages = closing(ocr.read_pages(_pages_in_time(source, budget, pdf)))
    try:
        with pages as read:
            for page, lines in read:
                # Lines of one dense page take long too; off the main thread (no SIGALRM) this
                # is the check that stops a single-page document in time.
                _check_deadline(budget, pdf, page.number)
                # Labels in a margin column stand over their content; wrapped table cells
                # become one text before anything reads the lines.
                per_page.append(join_wrapped_cells(split_margin_labels(lines), page.shapes))
                links = tuple(
                    LinkInfo(uri=a.uri, x0=a.x0, top=a.top, x1=a.x1, bottom=a.bottom)
                    for a in page.annotations
                    if a.kind == "link" and a.uri
                )
                infos.append(
                    PageInfo(
                        page.number,
                        page.width,
                        page.height,
                        links,
                        has_text=bool(page.chars),
                        image_area=page.image_area,
                    )
                )
                warnings.extend(page.warnings)
                cid_total += sum(count_cid_glyphs(line.text) for line in lines)
        page_count = source.page_count
    finally:
        # Both close, even if one fails: PDFium objects left to the garbage collector would be
        # closed in whatever thread it runs in, outside the PDFium lock.
        try:
            source.close()
        finally:
            ocr.close()
    if not per_page:
        # A PDF without a single readable page must not become an empty "success".
        raise no_pages(pdf.name)
    # A page that already said its text is missing (a scan with OCR off) explains it.
    if not any(per_page) and not has_code((*warnings, *ocr.warnings), TEXT_MISSING):
        warnings.append(Issue(IssueCode.NO_TEXT, "no text could be read from any page of the PDF"))
    layout = build_layout(infos, per_page)
    layout.warnings.extend(warnings)
    layout.warnings.extend(ocr.warnings)
    layout.ocr_pages = list(ocr.ocr_pages)
    layout.ocr_doubts = list(ocr.doubts)
    layout.logo_lines = list(ocr.logo_lines)
    if cid_total:
        layout.warnings.append(
            Issue(
                IssueCode.CID_GLYPHS,
                f"{cid_total} glyphs have no Unicode mapping ((cid:NN)); their text is unknown",
            )
        )
    return layout, page_count


def choose_profile(layout: Layout, options: ParseOptions) -> tuple[Profile, float]:
    """The profile named in ``options``, else the best match among the bundled ones and the
    user's (``options.profile_dirs``, $RATSDOC_PROFILES); ``generic`` as the fallback. A forced
    profile that detection would not choose adds a warning to ``layout``."""
    head = detection_text(layout)
    profiles = available_profiles(options.profile_dirs)
    profile, confidence = select_profile(head, profiles, options.profile)
    mismatch = forced_profile_issue(profile, head, profiles) if options.profile else None
    layout.warnings.extend([mismatch] if mismatch else [])
    return profile, confidence


def detection_text(layout: Layout) -> str:
    """The text profiles are detected on: the body lines of the first two pages."""
    return "\n".join(line.text for line in layout.body_lines if line.page <= 2)


def run_pipeline(source: str | os.PathLike[str] | bytes, options: ParseOptions) -> Drucksache:
    """Parse one paper; raise a :class:`RatsdocError` for input that cannot be read."""
    return read_paper(source, options)[0]


def read_paper(source: str | os.PathLike[str] | bytes, options: ParseOptions) -> tuple[Drucksache, list[Issue]]:
    """Parse one paper into the model and its warnings as typed issues (the model keeps their
    messages); raise a :class:`RatsdocError` for input that cannot be read."""
    reading = read_reading(source, options)
    return reading.document, reading.issues


@dataclass(slots=True)
class Reading:
    """A parse with what led to it: the layout read, the extracted fields with the provenance of
    their parts, and the profile chosen (for the inspector and ``--debug``, see ratsdoc.trace)."""

    document: Drucksache
    issues: list[Issue]
    layout: Layout
    fields: Fields
    profile: Profile


def read_reading(source: str | os.PathLike[str] | bytes, options: ParseOptions) -> Reading:
    """Parse one paper and keep the layout and fields behind it (see :class:`Reading`)."""
    name = None if isinstance(source, bytes) else str(source)
    try:
        # The budget bounds time, stream inflation and memory inside the stages (and inside
        # pdfminer), not only between pages; the guard turns its stops into
        # LimitExceededError.
        with document_guard(options, name) as budget:
            pdf = load_input(source, max_file_size=options.max_file_size)
            layout, page_count = read_layout(pdf, options, budget)
            profile, confidence = choose_profile(layout, options)
            fields = extract_fields(layout, profile, budget)
    except RatsdocError as exc:
        raise (exc.with_file(name) if name else exc) from None
    except (RecursionError, MemoryError) as exc:
        error = exhaustion_error(exc, max_memory_mb=options.max_memory_mb)
        raise (error.with_file(name) if name else error) from None
    issues = layout.warnings + fields.warnings
    document = Drucksache.model_validate(
        {
            **fields.values,
            "page_count": page_count,
            "source": Source(file=Path(name).name if name else None, sha256=pdf.sha256),
            "profile": {"name": profile.name, "confidence": confidence},
            "warnings": messages(issues),
            "provenance": fields.provenance,
        }
    )
    return Reading(document, issues, layout, fields, profile)
