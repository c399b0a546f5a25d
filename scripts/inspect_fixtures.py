"""Run ``ratsdoc inspect`` over every fixture, scans included: a PNG of page 1 and the HTML of
all pages each, written to OUT_DIR (default a temporary folder, removed afterwards).

Usage::

    python scripts/inspect_fixtures.py [OUT_DIR] [--dpi N] [--only-born-digital]

Prints one line per fixture (pages, seconds, sizes) and exits 1 when any inspection failed or
wrote an empty file. The test suite inspects the born-digital fixtures and one scan
(tests/test_inspector_fixtures.py, tests/test_inspector_scan.py); OCR makes the scans slow, so
all of them are inspected here.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from ratsdoc.cli import main as ratsdoc_main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def fixtures(born_digital_only: bool) -> list[Path]:
    """The fixture PDFs: top level, meetings and (unless ``born_digital_only``) scans."""
    folders = [FIXTURES, FIXTURES / "meetings"] + ([] if born_digital_only else [FIXTURES / "scans"])
    return [pdf for folder in folders for pdf in sorted(folder.glob("*.pdf"))]


@contextlib.contextmanager
def _folder(given: str | None) -> Iterator[Path]:
    if given:
        Path(given).mkdir(parents=True, exist_ok=True)
        yield Path(given)
    else:
        with tempfile.TemporaryDirectory(prefix="ratsdoc-inspect-") as tmp:
            yield Path(tmp)


def inspect_one(pdf: Path, out: Path, dpi: int) -> str | None:
    """Write ``out/NAME.png`` and ``out/NAME.html``; None when both worked, else the error."""
    for target in (out / f"{pdf.stem}.png", out / f"{pdf.stem}.html"):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = ratsdoc_main(["inspect", str(pdf), "--dpi", str(dpi), "-o", str(target)])
        if code != 0 or not target.is_file() or target.stat().st_size == 0:
            return f"{target.name}: exit {code}: {err.getvalue().strip()}"
    return None


def main(argv: list[str] | None = None) -> int:
    """Inspect every fixture; 0 when all worked."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", help="folder for the PNG and HTML files (default: temporary)")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--only-born-digital", action="store_true", help="leave out the scans (no OCR)")
    args = parser.parse_args(argv)
    failed = 0
    start = time.perf_counter()
    with _folder(args.out) as out:
        for pdf in fixtures(args.only_born_digital):
            began = time.perf_counter()
            error = inspect_one(pdf, out, args.dpi)
            seconds = time.perf_counter() - began
            if error:
                failed += 1
                print(f"FAILED {pdf.relative_to(FIXTURES)}: {error}")
            else:
                kb = (out / f"{pdf.stem}.html").stat().st_size // 1024
                print(f"ok     {pdf.relative_to(FIXTURES)}  {seconds:5.1f} s  html {kb} KiB")
        total = len(fixtures(args.only_born_digital))
    print(f"{total - failed}/{total} fixtures inspected in {time.perf_counter() - start:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
