"""Time ratsdoc on scanned papers against plain Tesseract on the same pages, in one run.

Usage::

    python scripts/bench_ocr.py [--ocr-workers N] [--repeat N] [PDF or folder ...]

Default inputs: ``fixtures/scans`` and ``../shared/corpus/real/koeln-bv-ocr`` (skipped with a
note where absent). For every file, its pages are first rendered at 300 dpi to PNG (not timed);
then, file by file and one right after the other so that both see the same machine load,

* plain: ``tesseract page.png - -l deu`` for each page, one after the other (the way a person
  would OCR the pages by hand), and
* ratsdoc: ``ratsdoc.parse(file)`` with default options (``--ocr auto``: every page of a file
  OCRed side by side, a scan's own clean OCR layer kept).

It prints a markdown table per file and the totals: pages, seconds, pages per second, the
ratio ratsdoc / plain (below 1: ratsdoc is faster), and the CPU seconds each used (process
and children: on a loaded machine the wall times say more about the other users than about
the two contenders, the CPU seconds much less so; the load average at the start and the end is
printed below the table). The "OCRed" column counts the pages
ratsdoc read with Tesseract; pages read from a clean OCR layer cost ratsdoc little, so the
ratio is also given over the files whose every page was OCRed.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The real scans: ``../shared/corpus/real`` beside the checkout (or one level further up).
KOELN = next(
    (
        base / "shared" / "corpus" / "real" / "koeln-bv-ocr"
        for base in (ROOT.parent, ROOT.parent.parent)
        if (base / "shared" / "corpus" / "real" / "koeln-bv-ocr").exists()
    ),
    ROOT.parent / "shared" / "corpus" / "real" / "koeln-bv-ocr",
)
DEFAULT_INPUTS = (ROOT / "fixtures" / "scans", KOELN)


def _inputs(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(path.glob("*.pdf"))
        elif path.exists():
            files.append(path)
        else:
            print(f"(skipped: {path} is absent)", file=sys.stderr)
    return files


def render_pages(pdf: Path, folder: Path, dpi: int = 300) -> list[Path]:
    """Every page of ``pdf`` as a greyscale PNG at ``dpi`` in ``folder`` (page rotation applied)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    paths = []
    try:
        for index in range(len(document)):
            page = document[index]
            path = folder / f"{pdf.stem}-{index + 1}.png"
            page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L").save(path)
            page.close()
            paths.append(path)
    finally:
        document.close()
    return paths


def _cpu() -> float:
    """CPU seconds used so far by this process (all threads) and its finished children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def plain_tesseract(pages: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds ``tesseract page.png - -l deu`` takes for ``pages``, one after the other."""
    started, cpu = time.perf_counter(), _cpu()
    for page in pages:
        subprocess.run(["tesseract", str(page), "-", "-l", "deu"], capture_output=True, check=True)
    return time.perf_counter() - started, _cpu() - cpu


def time_ratsdoc(pdf: Path, workers: int | None) -> tuple[float, float, int]:
    """Wall and CPU seconds ``ratsdoc.parse`` takes for ``pdf``, and the number of pages it OCRed."""
    from ratsdoc.api import parse
    from ratsdoc.options import ParseOptions

    options = ParseOptions(ocr_workers=workers, max_seconds=None)
    started, cpu = time.perf_counter(), _cpu()
    paper = parse(pdf, options)
    seconds, used = time.perf_counter() - started, _cpu() - cpu
    return seconds, used, sum(1 for w in paper.warnings if "was OCRed with" in w)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="PDFs or folders (default: the scans and koeln-bv-ocr)")
    parser.add_argument("--ocr-workers", type=int, default=None, help="ratsdoc's OCR worker budget (default: cores)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time each file this often, plain and ratsdoc taking turns, and keep each one's fastest run "
        "(on a shared machine the fastest run is the one least slowed by the other users)",
    )
    args = parser.parse_args(argv)
    files = _inputs(args.inputs or DEFAULT_INPUTS)
    load = os.getloadavg()[0]  # wall times on a shared machine mean little without it
    print("| file | pages | OCRed | plain s | ratsdoc s | ratsdoc pages/s | ratio | plain CPU s | ratsdoc CPU s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    totals = {"pages": 0, "plain": 0.0, "ratsdoc": 0.0, "plain_cpu": 0.0, "ratsdoc_cpu": 0.0}
    full = dict(totals)
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        for pdf in files:
            pages = render_pages(pdf, Path(tmp))
            plain, plain_cpu = seconds, cpu = float("inf"), 0.0
            for _ in range(max(1, args.repeat)):
                plain, plain_cpu = min((plain, plain_cpu), plain_tesseract(pages))
                run_seconds, run_cpu, ocred = time_ratsdoc(pdf, args.ocr_workers)
                seconds, cpu = min((seconds, cpu), (run_seconds, run_cpu))
            for bucket in (totals, full) if ocred == len(pages) else (totals,):
                bucket["pages"] += len(pages)
                bucket["plain"] += plain
                bucket["ratsdoc"] += seconds
                bucket["plain_cpu"] += plain_cpu
                bucket["ratsdoc_cpu"] += cpu
            print(
                f"| {pdf.name} | {len(pages)} | {ocred} | {plain:.1f} | {seconds:.1f} | "
                f"{len(pages) / seconds:.2f} | {seconds / plain:.2f} | {plain_cpu:.1f} | {cpu:.1f} |",
                flush=True,
            )
    for label, bucket in (("**all**", totals), ("**all OCRed files**", full)):
        if bucket["pages"]:
            print(
                f"| {label} | {bucket['pages']:.0f} | | {bucket['plain']:.1f} | {bucket['ratsdoc']:.1f} | "
                f"{bucket['pages'] / bucket['ratsdoc']:.2f} | **{bucket['ratsdoc'] / bucket['plain']:.2f}** | "
                f"{bucket['plain_cpu']:.1f} | {bucket['ratsdoc_cpu']:.1f} |"
            )
    print(f"\nload average (1 min): {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end", end="")
    print(f"; fastest of {args.repeat} runs each" if args.repeat > 1 else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
