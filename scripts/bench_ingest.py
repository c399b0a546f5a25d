"""Benchmark ``ratsdoc.ingest``: the real corpus plus fixtures/ with 1 and 2 workers.

Reports files/s, pages/s, the speed-up of 2 workers over 1 and the peak resident memory of
the largest worker. Skips with a message when ../shared/corpus/real is absent.

    PYTHONPATH=src python scripts/bench_ingest.py [--timeout 60] [--workers 1 2] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def main() -> int:
    """Run the benchmark and print one JSON line per worker count and the speed-up."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N files")
    parser.add_argument("--no-corpus", action="store_true", help="fixtures/ only")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from ratsdoc.ingest import IngestOptions, ingest

    inputs = [ROOT / "fixtures"]
    if not args.no_corpus:
        if not CORPUS.is_dir():
            print(f"skipped: {CORPUS} is absent", file=sys.stderr)
            return 0
        inputs.append(CORPUS)
    files = sorted(p for folder in inputs for p in folder.rglob("*.pdf"))
    if args.limit:
        files = files[: args.limit]
    rates: dict[int, float] = {}
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            summary = ingest(files, Path(tmp) / "bench.sqlite", IngestOptions(workers=workers, timeout=args.timeout))
            elapsed = time.perf_counter() - started
        # ru_maxrss of children: the largest worker's peak, in KiB on Linux.
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rates[workers] = len(files) / elapsed
        print(
            json.dumps(
                {
                    "workers": workers,
                    "files": len(files),
                    "pages": summary.pages,
                    "seconds": round(elapsed, 2),
                    "files_per_s": round(len(files) / elapsed, 3),
                    "pages_per_s": round(summary.pages / elapsed, 2),
                    "failed": summary.counts["failed"],
                    "peak_worker_rss_mb": round(peak_mb, 1),
                }
            ),
            flush=True,
        )
    if 1 in rates and len(rates) > 1:
        best = max(w for w in rates if w != 1)
        print(json.dumps({"speedup": round(rates[best] / rates[1], 2), "workers": best}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
