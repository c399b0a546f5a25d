"""Seconds per pipeline stage of the default engine over the benchmark's real-corpus subset.

Usage::

    python scripts/stage_times.py [--corpus ../shared/corpus/real]

Runs, over the 30 Erlangen papers and 3 Köln minutes of ``scripts/benchmark.py``, with OCR
off: the preflight alone; the PDFium engine reading every page (preflight included) with the
time of ``page_lines`` taken out; and the whole ``ratsdoc.parse``. What is left of the parse
is regions, profile detection, extraction and the model.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: Sequence[str] | None = None) -> int:
    """Print the seconds per stage as a markdown table."""
    import ratsdoc
    from ratsdoc.guard import document_guard
    from ratsdoc.input import load_input
    from ratsdoc.layout.lines import page_lines
    from ratsdoc.layout.pdfium_engine import PdfiumSource
    from ratsdoc.layout.preflight import preflight
    from ratsdoc.options import ParseOptions

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="../shared/corpus/real")
    args = parser.parse_args(argv)
    corpus = (ROOT / args.corpus).resolve()
    files = (sorted((corpus / "erlangen-sbr-buechenbach").glob("*.pdf"))[:30]
             + sorted((corpus / "koeln-rat-wortprotokolle").glob("*.pdf"))[:3])
    if not files:
        parser.error(f"no papers found under {corpus}")
    options = ParseOptions(ocr="never")
    pdfs = [load_input(str(f), max_file_size=options.max_file_size) for f in files]
    started = time.perf_counter()
    for pdf in pdfs:
        with document_guard(options, pdf.name):
            preflight(pdf, password=None, max_pages=options.max_pages)
    preflight_s = time.perf_counter() - started
    lines_s = 0.0
    pages = 0
    started = time.perf_counter()
    for pdf in pdfs:
        with document_guard(options, pdf.name):
            source = PdfiumSource(pdf, password=None, max_pages=options.max_pages,
                                  max_chars_per_page=options.max_chars_per_page,
                                  max_annotations_per_page=options.max_annotations_per_page)
            for page in source.pages():
                pages += 1
                before = time.perf_counter()
                page_lines(page)
                lines_s += time.perf_counter() - before
            source.close()
    engine_s = time.perf_counter() - started - lines_s
    started = time.perf_counter()
    for path in files:
        ratsdoc.parse(path, ocr="never")
    parse_s = time.perf_counter() - started
    print(f"{len(files)} files, {pages} pages\n")
    print("| stage | seconds |\n|---|---:|")
    print(f"| preflight | {preflight_s:.2f} |")
    print(f"| PDFium engine without the preflight | {engine_s - preflight_s:.2f} |")
    print(f"| lines (`page_lines`) | {lines_s:.2f} |")
    print(f"| regions, profile detection, extraction, model | {parse_s - engine_s - lines_s:.2f} |")
    print(f"| **`ratsdoc.parse`** | {parse_s:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
