"""Parse the fixtures from several threads at once and compare every result with a sequential parse.

Usage::

    python scripts/thread_stress.py [--parses 500] [--threads 4] [--engine pdfium|pdfplumber]
                                    [--ocr never|auto|always] [--seed 0]

Every fixture PDF (with the scans and the regression files) is parsed once in the main thread;
then ``--parses`` parses of those files in a shuffled order run on ``--threads`` threads, and
each result's ``model_dump`` (or the error's type and message) is compared with the sequential
one. Prints ``N parses, D differences`` and exits 1 when D is not 0. A crash of the process
(PDFium called from two threads at once) ends it with the signal instead.
"""

from __future__ import annotations

import argparse
import random
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import ratsdoc

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def fixture_files() -> list[Path]:
    """The fixture PDFs: text layers, scans with their own OCR layer, regression files."""
    return (
        sorted(FIXTURES.glob("*.pdf"))
        + sorted((FIXTURES / "scans").glob("*.pdf"))
        + sorted((FIXTURES / "regressions").glob("*.pdf"))
    )


def parse_result(path: Path, options: ratsdoc.ParseOptions) -> Any:
    """The comparable outcome of one parse: the model's dump, or the error's type and message."""
    try:
        return ratsdoc.parse(path, options).model_dump(mode="json")
    except ratsdoc.RatsdocError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}


def stress(
    files: list[Path], options: ratsdoc.ParseOptions, *, parses: int, threads: int, seed: int = 0
) -> tuple[int, list[str]]:
    """Run ``parses`` parses of ``files`` on ``threads`` threads; return (parses, the files whose
    threaded result differed from the sequential one, once per difference)."""
    expected = {path: parse_result(path, options) for path in files}
    order = [files[i % len(files)] for i in range(parses)]
    random.Random(seed).shuffle(order)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(lambda path: parse_result(path, options), order))
    differences = [path.name for path, result in zip(order, results, strict=True) if result != expected[path]]
    return len(order), differences


def main() -> int:
    """Run the stress test and print the count of differences."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parses", type=int, default=500)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--engine", choices=["pdfplumber", "pdfium"], default="pdfium")
    parser.add_argument("--ocr", choices=["never", "auto", "always"], default="never")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    options = ratsdoc.ParseOptions(engine=args.engine, ocr=args.ocr)
    count, differences = stress(fixture_files(), options, parses=args.parses, threads=args.threads, seed=args.seed)
    for name in sorted(set(differences)):
        print(f"differs: {name} ({differences.count(name)}x)")
    print(f"{count} parses, {len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
