"""Measure what OCR costs per page: parse each scanned fixture and divide by its page count.

Usage: ``python scripts/bench_ocr.py [fixtures/scans]`` — prints seconds per page for each
scan and the mean, plus the same for the born-digital source (no OCR) for comparison.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import ratsdoc


def main(argv: list[str]) -> int:
    """Time every scan in the folder (default ``fixtures/scans``)."""
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "fixtures" / "scans"
    total_pages, total_seconds = 0, 0.0
    for pdf in sorted(folder.glob("*.pdf")):
        started = time.perf_counter()
        paper = ratsdoc.parse(pdf)
        seconds = time.perf_counter() - started
        source = pdf.parent.parent / (pdf.stem.replace("scan-", "erfurt-") + ".pdf")
        base = 0.0
        if source.exists():
            started = time.perf_counter()
            ratsdoc.parse(source)
            base = time.perf_counter() - started
        pages = paper.page_count
        total_pages += pages
        total_seconds += seconds - base
        print(
            f"{pdf.name}\t{pages} pages\t{seconds / pages:.2f} s/page scanned\t{base / pages:.2f} s/page born-digital"
        )
    if total_pages:
        print(f"OCR adds {total_seconds / total_pages:.2f} s per page on average")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
