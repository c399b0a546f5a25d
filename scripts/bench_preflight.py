"""Time the PDFium engine's preflight alone, and against the engine reading every page.

Usage (repo root, real corpus at ``../shared/corpus/real``)::

    python scripts/bench_preflight.py                 # the benchmark subset of benchmark.py
    python scripts/bench_preflight.py --all           # every fixture and real-corpus file
    python scripts/bench_preflight.py --no-fixtures --stages   # seconds per pipeline stage

Each figure is the fastest of ``--runs`` runs over all files, in this process, each file under
its own guard with the default options (as ``ratsdoc.parse`` runs it).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmark import select_files  # scripts/ is on the path when this script runs
from ratsdoc.budget import document_guard
from ratsdoc.input import PdfInput, load_input
from ratsdoc.layout.lines import page_lines
from ratsdoc.layout.model import EngineLimits, Page
from ratsdoc.layout.pdfium_engine import PdfiumSource
from ratsdoc.layout.preflight import preflight
from ratsdoc.options import ParseOptions

ROOT = Path(__file__).resolve().parent.parent


def select(corpus: Path, everything: bool, no_fixtures: bool = False) -> list[Path]:
    """The files ``benchmark.py`` measures, or the fixtures and the whole real corpus."""
    if everything:
        return sorted((ROOT / "fixtures").glob("*.pdf")) + sorted(corpus.rglob("*.pdf"))
    return select_files(
        argparse.Namespace(fixtures="fixtures", corpus=corpus, subset="erlangen-koeln", no_fixtures=no_fixtures)
    )


def time_preflight(pdfs: list[PdfInput], options: ParseOptions) -> tuple[float, int, int]:
    """(seconds, pages, streams inflated) of the preflight over ``pdfs``."""
    pages = measured = 0
    started = time.perf_counter()
    for pdf in pdfs:
        with document_guard(options, pdf.name) as budget:
            checked = preflight(pdf, budget, password=None, max_pages=options.max_pages)
        pages += checked.page_count
        measured += checked.measured
    return time.perf_counter() - started, pages, measured


def time_engine(
    pdfs: list[PdfInput], options: ParseOptions, on_page: Callable[[Page], object] | None = None
) -> tuple[float, float]:
    """(seconds for the PDFium engine, preflight included, to read every page of ``pdfs``;
    seconds of that spent in ``on_page``, called with each page)."""
    started = time.perf_counter()
    in_callback = 0.0
    for pdf in pdfs:
        with document_guard(options, pdf.name) as budget:
            source = PdfiumSource(
                pdf,
                budget=budget,
                limits=EngineLimits.from_options(options),
            )
            try:
                for page in source.pages():
                    if on_page is not None:
                        before = time.perf_counter()
                        on_page(page)
                        in_callback += time.perf_counter() - before
            finally:
                source.close()
    return time.perf_counter() - started, in_callback


def print_stages(paths: list[Path], pdfs: list[PdfInput], options: ParseOptions, preflight_s: float) -> None:
    """Seconds per pipeline stage (OCR off): preflight, engine, lines, the rest of a parse."""
    import ratsdoc

    engine_s, lines_s = time_engine(pdfs, options, page_lines)
    started = time.perf_counter()
    for path in paths:
        ratsdoc.parse(path, ocr="never")
    parse_s = time.perf_counter() - started
    print("\n| stage | seconds |\n|---|---:|")
    print(f"| preflight | {preflight_s:.2f} |")
    print(f"| PDFium engine without the preflight | {engine_s - lines_s - preflight_s:.2f} |")
    print(f"| lines (`page_lines`) | {lines_s:.2f} |")
    print(f"| regions, profile detection, extraction, model | {parse_s - engine_s:.2f} |")
    print(f"| **`ratsdoc.parse`** | {parse_s:.2f} |")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print one line with both timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    parser.add_argument("--all", action="store_true", help="every real-corpus file")
    parser.add_argument("--no-fixtures", action="store_true", help="the real-corpus subset only")
    parser.add_argument(
        "--stages", action="store_true", help="also print seconds per pipeline stage (lines, extraction, ...)"
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    options = ParseOptions(max_pages=5_000)
    paths = select(args.corpus.resolve(), args.all, args.no_fixtures)
    pdfs = [load_input(path, max_file_size=options.max_file_size) for path in paths]
    best_pre = best_engine = float("inf")
    pages = measured = 0
    for _ in range(args.runs):
        seconds, pages, measured = time_preflight(pdfs, options)
        best_pre = min(best_pre, seconds)
        best_engine = min(best_engine, time_engine(pdfs, options)[0])
    print(
        f"{len(pdfs)} files, {pages:,} pages, {measured:,} streams inflated: preflight "
        f"{best_pre:.2f} s = {1000 * best_pre / pages:.2f} ms/page; PdfiumSource with it "
        f"{best_engine:.2f} s = {1000 * best_engine / pages:.2f} ms/page "
        f"(preflight {100 * best_pre / best_engine:.0f} %)"
    )
    if args.stages:
        print_stages(paths, pdfs, options, best_pre)
    return 0


if __name__ == "__main__":
    sys.exit(main())
