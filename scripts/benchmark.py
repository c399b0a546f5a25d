"""Benchmark the PDF engines and ratsdoc's parse on the same files; print a markdown table.

Usage::

    python scripts/benchmark.py [--corpus ../shared/corpus/real] [--fixtures fixtures]
                                [--subset erlangen-koeln] [--ocr auto|never]
                                [--modes pdfium-bare,ratsdoc-pdfium] [--ingest] [--repeat 3]

``--ocr`` is passed to the ``ratsdoc.parse`` rows (default ``auto``, what ``ratsdoc parse``
does: scanned pages go to Tesseract, which then dominates the time); ``never`` measures the
text-layer pipeline alone. ``--modes`` runs only some rows (comma-separated keys of ``MODES``).

Every measurement runs in a fresh subprocess, so its peak memory (``ru_maxrss`` of that process)
is not inflated by the measurements before it. Files that fail are counted, not fatal.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = {
    "pdfplumber-bare": "pdfplumber bare char read (`page.chars`)",
    "pdfium-bare": "pypdfium2 bare char read (unicode + box per char)",
    "ratsdoc-pdfplumber": '`ratsdoc.parse(engine="pdfplumber")`',
    "ratsdoc-pdfium": '`ratsdoc.parse(engine="pdfium")`',
}


def _bare_pdfplumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            _ = page.chars
            page.close()  # release the page's cached objects, as the engine does
        return len(pdf.pages)


def _bare_pdfium(path: Path) -> int:
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(path)
    try:
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            for i in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
                pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
                pdfium_c.FPDFText_GetCharBox(textpage.raw, i, left, right, bottom, top)
            textpage.close()
            page.close()
        return len(doc)
    finally:
        doc.close()


def _ratsdoc(path: Path, engine: str, ocr: str) -> int:
    import ratsdoc

    return int(ratsdoc.parse(path, engine=engine, ocr=ocr).page_count)


def worker(mode: str, list_file: Path, ocr: str = "auto") -> None:
    """Run one measurement over the files listed in ``list_file``; print a JSON result."""
    sys.path.insert(0, str(ROOT / "src"))
    files = [Path(line) for line in list_file.read_text().splitlines() if line]
    pages = failures = 0
    errors: list[str] = []
    start, cpu_start = time.perf_counter(), time.process_time()
    for path in files:
        try:
            if mode == "pdfplumber-bare":
                pages += _bare_pdfplumber(path)
            elif mode == "pdfium-bare":
                pages += _bare_pdfium(path)
            elif mode.startswith("ratsdoc-"):
                pages += _ratsdoc(path, mode.split("-", 1)[1], ocr)
        except Exception as exc:  # counted and reported, never fatal
            failures += 1
            errors.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:100]}")
    seconds = time.perf_counter() - start
    # CPU seconds of this process: on a shared machine far steadier than wall time.
    cpu = time.process_time() - cpu_start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "pages": pages,
                "seconds": seconds,
                "cpu_seconds": cpu,
                "failures": failures,
                "errors": errors,
                "peak_mb": peak_kb / 1024,
            }
        )
    )


def select_files(args: argparse.Namespace) -> list[Path]:
    """The fixtures plus the real-corpus subset (when the corpus is present)."""
    files = [] if getattr(args, "no_fixtures", False) else sorted((ROOT / args.fixtures).glob("*.pdf"))
    corpus = (ROOT / args.corpus).resolve()
    if args.subset == "none":
        return files
    if not corpus.is_dir():
        print(f"note: real corpus {corpus} not found; benchmarking the fixtures only", file=sys.stderr)
        return files
    erlangen = sorted((corpus / "erlangen-sbr-buechenbach").glob("*.pdf"))[:30]
    koeln = sorted((corpus / "koeln-rat-wortprotokolle").glob("*.pdf"))[:3]
    return files + erlangen + koeln


def measure(mode: str, list_file: Path, ocr: str = "auto") -> dict[str, object]:
    """Run ``mode`` in a fresh interpreter and return its JSON result."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--_worker", mode, str(list_file), "--ocr", ocr],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if proc.returncode != 0:
        return {
            "pages": 0,
            "seconds": 0.0,
            "cpu_seconds": 0.0,
            "failures": -1,
            "peak_mb": 0.0,
            "errors": [proc.stderr.strip()[-300:]],
        }
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def ingest_times(files: list[Path], ocr: str) -> None:
    """Time ``ratsdoc.ingest`` (default options but ``ocr``) with 1 and 2 workers."""
    sys.path.insert(0, str(ROOT / "src"))
    from ratsdoc.ingest import IngestOptions, ingest
    from ratsdoc.options import ParseOptions

    print("\n| `ratsdoc ingest` workers | pages | seconds | pages/s | failed files |")
    print("|---:|---:|---:|---:|---:|")
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            options = IngestOptions(workers=workers, parse=ParseOptions(ocr=ocr))  # type: ignore[arg-type]
            summary = ingest(files, Path(tmp) / "ingest.sqlite", options)
            seconds = time.perf_counter() - start
            print(
                f"| {workers} | {summary.pages} | {seconds:.2f} | {summary.pages / seconds:.1f} | "
                f"{summary.counts.get('failed', 0)} |"
            )


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus/real")
    parser.add_argument("--fixtures", default="fixtures")
    parser.add_argument(
        "--no-fixtures",
        action="store_true",
        help="only the real-corpus subset (the 354 pages the speed target is set on)",
    )
    parser.add_argument("--subset", default="erlangen-koeln", choices=["erlangen-koeln", "none"])
    parser.add_argument(
        "--ocr",
        default="auto",
        choices=["auto", "never"],
        help="OCR mode of the ratsdoc.parse rows (default: auto, as the CLI)",
    )
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated rows to run (default: all)")
    parser.add_argument("--ingest", action="store_true", help="also time ratsdoc.ingest")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run every row this many times and keep the fastest (as timeit does)"
    )
    parser.add_argument("--_worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._worker:
        worker(args._worker[0], Path(args._worker[1]), args.ocr)
        return 0
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown mode(s) {', '.join(unknown)}; choose from {', '.join(MODES)}")
    files = select_files(args)
    size_mb = sum(f.stat().st_size for f in files) / 2**20
    print(f"{len(files)} files, {size_mb:.1f} MB", file=sys.stderr)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(str(f) for f in files))
        list_file = Path(handle.name)
    results: dict[str, dict[str, object]] = {}
    for mode in modes:
        print(f"measuring {mode} ...", file=sys.stderr)
        runs = [measure(mode, list_file, args.ocr) for _ in range(max(args.repeat, 1))]
        results[mode] = min(runs, key=lambda r: float(r["seconds"]) or float("inf"))  # type: ignore[arg-type]
        # Least CPU of the runs, which may come from another run than the fastest wall time.
        results[mode]["cpu_seconds"] = min(float(r.get("cpu_seconds", 0.0)) for r in runs)  # type: ignore[arg-type]
    list_file.unlink()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\n{len(files)} files ({size_mb:.1f} MB), Python {sys.version.split()[0]}, "
        f"ocr={args.ocr}, fastest of {max(args.repeat, 1)} run(s) per row, "
        f"load average after the run {load} ({os.cpu_count()} CPUs)\n"
    )
    print("| measurement | pages | seconds | pages/s | CPU seconds | peak RSS (MB) | failed files |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for mode in modes:
        label, r = MODES[mode], results[mode]
        pages, secs = int(r["pages"]), float(r["seconds"])  # type: ignore[call-overload,arg-type]
        rate = pages / secs if secs else 0.0
        cpu = float(r.get("cpu_seconds", 0.0))  # type: ignore[arg-type]
        print(
            f"| {label} | {pages} | {secs:.2f} | {rate:.1f} | {cpu:.2f} | {float(r['peak_mb']):.0f} | {r['failures']} |"
        )  # type: ignore[arg-type]

    def seconds(mode: str) -> float:
        return float(results[mode]["seconds"]) if mode in results else 0.0  # type: ignore[arg-type]

    bare, full, pdfium_full = (seconds("pdfplumber-bare"), seconds("ratsdoc-pdfplumber"), seconds("ratsdoc-pdfium"))
    print()
    if bare and full:
        print(f"ratsdoc(pdfplumber) / bare pdfplumber read: {full / bare:.2f}x")
    if full and pdfium_full:
        print(f"ratsdoc(pdfplumber) / ratsdoc(pdfium): {full / pdfium_full:.2f}x")
    for mode in modes:
        for error in results[mode].get("errors", []):  # type: ignore[attr-defined]
            print(f"- {mode}: {error}")
    if args.ingest:
        ingest_times(files, args.ocr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
