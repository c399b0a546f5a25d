"""Build the attack cases of the hardening work and check what ratsdoc answers to each.

Each case builds its input (deterministically) in a work folder, runs ``ratsdoc`` on it as a user
would (a command in a child process, with the default limits), and checks the outcome: a result,
or one line of typed error, within the limits; for the ingest cases also what the archive and
the temporary folder hold afterwards. The child's wall time and peak memory (its own and its
children's, from ``wait4``) are printed per case.

Usage::

    python scripts/build_attack_cases.py [--sample] [--only NAME ...] [--work DIR] [--list]
                                         [--src DIR] [--timeout SECONDS]

``--src`` runs the ratsdoc of another source folder (an older checkout's ``src``, for "before"
figures); a command still running after ``--timeout`` seconds (default 600) is killed and its
case fails.

``--sample`` runs the cheap cases at reduced sizes (tests/test_attack_cases.py runs it). Some
faults need more than a command line: the thread test (``scripts/thread_stress.py --parses 500``),
a full disk (tests/test_store.py), a killed Dask worker (tests/test_ingest_dask_cluster.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
MIB = 1024 * 1024
#: Where the ratsdoc under test comes from, and how long one command may run (set by main()).
SETTINGS: dict[str, Any] = {"src": ROOT / "src", "timeout": 600.0}


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Run:
    """What one ``ratsdoc`` command did."""

    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float


def ratsdoc(*args: str, env: dict[str, str] | None = None, stop_after: float | None = None, sig: int = 0) -> Run:
    """Run ``python -m ratsdoc ARGS``; with ``stop_after``, send ``sig`` after that many seconds."""
    environment = dict(env or os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(p for p in (str(SETTINGS["src"]), environment.get("PYTHONPATH")) if p)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "ratsdoc", *args], stdout=out, stderr=err, env=environment)
        if stop_after is not None:
            time.sleep(stop_after)
            proc.send_signal(sig)
        watchdog = threading.Timer(SETTINGS["timeout"], proc.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            watchdog.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        return Run(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            usage.ru_maxrss / 1024,
        )


def one_line_error(run: Run, *words: str) -> str | None:
    """None when ``run`` failed with one line of error naming ``words``; else what is wrong."""
    lines = run.err.strip().splitlines()
    if run.code == 0:
        return "exit 0, expected a typed error"
    if len(lines) != 1 or not lines[0].startswith("ratsdoc"):
        return f"not one error line: {run.err.strip()[:300]!r}"
    if "Traceback" in run.err or "internal error" in run.err:
        return f"internal error: {lines[0][:300]}"
    missing = [word for word in words if word not in lines[0]]
    return f"missing {missing} in {lines[0][:300]!r}" if missing else None


def archive_rows(db: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute("SELECT status, error_class, error_message FROM documents")]


def run_states(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [state for (state,) in conn.execute("SELECT state FROM runs")]


def small_pdf(title: str = "Sanierung der Sporthalle", pages: int = 1) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    for page in range(pages):
        canvas.drawString(72, 800, f"Drucksache 01{page}2/23")
        canvas.drawString(72, 780, f"Beschlussvorlage: {title}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


# ----------------------------------------------------------------------------------- cases
Check = Callable[[Path, bool], tuple[str | None, Run | None]]


def case_type3_glyph_bomb(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    corpus = _load("build_hostile_corpus")
    path = work / "type3.pdf"
    path.write_bytes(corpus.type3_glyph_bomb())
    run = ratsdoc("parse", str(path), "--engine", "pdfium")
    return one_line_error(run, "type3.pdf", "objects"), run


def case_ingest_names(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    folder = work / "in"
    folder.mkdir()
    paper = small_pdf()
    (folder / "Antr\udce4ge.pdf").write_bytes(paper + b"%1")  # a Latin-1 name from an old archive
    with tarfile.open(folder / "alt.tar", "w") as tar:
        info = tarfile.TarInfo("Antr\udce4ge.pdf")
        data = paper + b"%2"
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as out:
        for index, name in enumerate(["[/bold]Vorlage.pdf", "\x1b]0;pwned\x07.pdf", "\x1b[2J.pdf", "Sitzung-ä.pdf"]):
            out.writestr(name, paper + b"%" + str(index + 3).encode())
    # The last member stays flagged UTF-8 (zipfile set the flag for "ä") but gets Latin-1 bytes.
    (folder / "names.zip").write_bytes(raw.getvalue().replace("Sitzung-ä.pdf".encode(), b"Sitzung-\xe4\xe4.pdf"))
    db = work / "a.sqlite"
    run = ratsdoc("ingest", str(folder), "--db", str(db), "--progress", "none", "-j", "1")
    if run.code not in (0, 1) or "\x1b" in run.out + run.err or "internal error" in run.err:
        return f"exit {run.code}: {run.err.strip()[:300]!r}", run
    stats = ratsdoc("stats", str(db))
    if stats.code != 0 or "\x1b" in stats.out:
        return f"stats: exit {stats.code}, raw escapes: {chr(27) in stats.out}", run
    if len(archive_rows(db)) < 6 or run_states(db) != ["finished"]:
        return f"rows {len(archive_rows(db))}, runs {run_states(db)}", run
    return None, run


def case_csv_formula(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    folder = work / "in"
    folder.mkdir()
    (folder / "f.pdf").write_bytes(small_pdf('=HYPERLINK("http://x","klick")'))
    db = work / "a.sqlite"
    ratsdoc("ingest", str(folder), "--db", str(db), "--progress", "none", "-j", "1")
    run = ratsdoc("export", str(db), "--format", "csv")
    cells = [cell for line in run.out.splitlines() for cell in line.split(",")]
    bad = [cell for cell in cells if cell.lstrip('"').startswith(("=", "+", "@"))]
    return (f"formula cells: {bad}" if bad or run.code else None), run


def case_foreign_database(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    db = work / "other.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE kunden (id INTEGER, name TEXT)")
    before = db.read_bytes()
    (work / "in").mkdir()
    (work / "in" / "p.pdf").write_bytes(small_pdf())
    for args in (("stats", str(db)), ("ingest", str(work / "in"), "--db", str(db), "--progress", "none")):
        run = ratsdoc(*args)
        problem = one_line_error(run)
        if problem or db.read_bytes() != before or Path(f"{db}-wal").exists():
            return problem or f"{args[0]} changed the foreign database", run
    return None, run


def case_read_only_archive(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    folder = work / "in"
    folder.mkdir()
    (folder / "p.pdf").write_bytes(_hooks().fake_pdf("0102/23", "Radweg am Fluss"))
    db = work / "a.sqlite"
    ratsdoc("ingest", str(folder), "--db", str(db), "--progress", "none", "-j", "1", *HOOK_ARGS)
    db.chmod(0o444)
    run = ratsdoc("search", str(db), "Radweg")
    return (
        None if run.code == 0 and "Radweg am Fluss" in run.out else f"search: exit {run.code} {run.err[:200]!r}"
    ), run


HOOKS = ROOT / "tests" / "test_ingest_hooks.py"
#: The test parse function of the ingest workers: papers built from "% key: value" lines, and
#: markers that make a parse slow (SLOW); see tests/test_ingest_hooks.py.
HOOK_ARGS = ("--parse-function", f"{HOOKS}:hook_parse")


def _hooks() -> Any:
    spec = importlib.util.spec_from_file_location("test_ingest_hooks", HOOKS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _interrupted(work: Path, sig: int) -> tuple[str | None, Run | None]:
    fake_pdf = _hooks().fake_pdf
    folder, tmp = work / "in", work / "tmp"
    folder.mkdir()
    tmp.mkdir()
    for index in range(16):
        (folder / f"p{index}.pdf").write_bytes(fake_pdf(f"{index}/24", "Vorlage", extra="SLOW"))
    db = work / "a.sqlite"
    env = dict(os.environ, TMPDIR=str(tmp))
    args = ("ingest", str(folder), "--db", str(db), "-j", "1", "--progress", "none", *HOOK_ARGS)
    run = ratsdoc(*args, env=env, stop_after=6.0, sig=sig)
    if sig == signal.SIGTERM and (run.code != 143 or len(run.err.strip().splitlines()) != 1):
        return f"SIGTERM: exit {run.code}, stderr {run.err.strip()[:200]!r}", run
    again = ratsdoc(*args, env=env)
    rows = archive_rows(db)
    if again.code != 0 or len(rows) != 16 or any(row["status"] != "ok" for row in rows):
        return f"rerun: exit {again.code}, {len(rows)} rows", run
    if "running" in run_states(db) or list(tmp.iterdir()):
        return f"left behind: runs {run_states(db)}, tmp {[p.name for p in tmp.iterdir()]}", run
    return None, run


def case_kill_9(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    return _interrupted(work, signal.SIGKILL)


def case_sigterm(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    return _interrupted(work, signal.SIGTERM)


def _ingest_refused(work: Path, target: str, *words: str) -> tuple[str | None, Run | None]:
    db = work / "a.sqlite"
    run = ratsdoc("ingest", target, "--db", str(db), "--progress", "none", "-j", "1", "--json")
    rows = archive_rows(db) if db.exists() else []
    if run.code not in (0, 1) or len(rows) != 1 or rows[0]["status"] != "skipped":
        return f"exit {run.code}, rows {rows}", run
    missing = [word for word in words if word not in (rows[0]["error_message"] or "")]
    return (f"missing {missing} in {rows[0]['error_message']!r}" if missing else None), run


def case_huge_file(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    path = work / "huge.pdf"
    with path.open("wb") as handle:  # sparse
        handle.write(b"%PDF-1.4\n")
        handle.truncate((1 if sample else 8) * 1024 * MIB)
    return _ingest_refused(work, str(path), "more than the limit", "(not read)")


def case_growing_file(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    return _ingest_refused(work, "/dev/zero", "grew past the limit")


def case_zip_directory(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    zips = _load("attack_zips")
    path = zips.directory_only_zip(work / "viele.zip", 150_000 if sample else 1_500_000)
    return _ingest_refused(work, str(path), "more than 100000 members")


def case_zip_overlap(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    zips = _load("attack_zips")
    path = zips.overlapping_zip(work / "overlap.zip", 200 if sample else 2_000, 1_000_000)
    return _ingest_refused(work, str(path), "share compressed data")


def _parsed(run: Run, pages: int) -> str | None:
    if run.code != 0:
        return f"exit {run.code}: {run.err.strip()[:300]!r}"
    document = json.loads(run.out)
    return None if document.get("page_count") == pages else f"page_count {document.get('page_count')}"


def case_shifted_xref(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    data = small_pdf(pages=3)
    start = data.rindex(b"\nxref") + 1
    table = re.sub(rb"(\d{10}) (\d{5}) n", lambda m: b"%010d %s n" % (int(m.group(1)) + 3, m.group(2)), data[start:])
    path = work / "shifted.pdf"
    path.write_bytes(data[:start] + table)
    for engine in ("pdfium", "pdfplumber"):
        run = ratsdoc("parse", str(path), "--engine", engine)
        problem = _parsed(run, 3)
        if problem:
            return f"{engine}: {problem}", run
    return None, run


def case_pdfium_cannot_open(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    path = work / "catalog.pdf"
    path.write_bytes(small_pdf(pages=3).replace(b"/Type /Catalog", b"/Type /Catalog /Pages 999 0 R", 1))
    run = ratsdoc("parse", str(path), "--engine", "pdfium")
    problem = _parsed(run, 3)
    if problem is None and "read with the pdfplumber engine" not in run.out:
        problem = "no engine_fallback warning"
    return problem, run


def case_newline_name(work: Path, sample: bool) -> tuple[str | None, Run | None]:
    path = work / "zwei\nzeilen.pdf"
    path.write_bytes(b"<html>Fehlerseite</html>")
    run = ratsdoc("parse", str(path))
    return one_line_error(run, "zwei\\x0azeilen.pdf", "not a PDF"), run


CASES: dict[str, tuple[Check, bool]] = {
    # name: (check, cheap enough for --sample)
    "type3-glyph-bomb": (case_type3_glyph_bomb, False),
    "names-latin1-markup-escapes": (case_ingest_names, True),
    "csv-formula": (case_csv_formula, True),
    "foreign-database": (case_foreign_database, True),
    "read-only-archive": (case_read_only_archive, True),
    "kill-9": (case_kill_9, False),
    "sigterm": (case_sigterm, False),
    "huge-file": (case_huge_file, True),
    "growing-file": (case_growing_file, True),
    "zip-directory": (case_zip_directory, True),
    "zip-overlap": (case_zip_overlap, True),
    "shifted-xref": (case_shifted_xref, True),
    "pdfium-cannot-open": (case_pdfium_cannot_open, True),
    "newline-name": (case_newline_name, True),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the cases; print one line per case; exit 1 when any outcome is wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", action="store_true", help="the cheap cases at reduced sizes")
    parser.add_argument("--only", nargs="+", choices=sorted(CASES), help="these cases only")
    parser.add_argument("--work", type=Path, help="build here (default: a temporary folder, removed)")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="run the ratsdoc of this source folder")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds one command may run")
    args = parser.parse_args(argv)
    SETTINGS.update(src=args.src.resolve(), timeout=args.timeout)
    if args.list:
        for name, (_check, cheap) in CASES.items():
            print(f"{name}{'' if cheap else '  (full run only)'}")
        return 0
    names = args.only or [name for name, (_check, cheap) in CASES.items() if cheap or not args.sample]
    with tempfile.TemporaryDirectory(prefix="ratsdoc-attack-") as scratch:
        base = args.work or Path(scratch)
        failures = 0
        for name in names:
            work = base / name
            work.mkdir(parents=True, exist_ok=True)
            problem, run = CASES[name][0](work, args.sample)
            figures = f"{run.seconds:6.1f} s {run.peak_mb:7.0f} MB" if run else ""
            print(f"{'ok  ' if problem is None else 'FAIL'} {name:<30} {figures}  {problem or ''}".rstrip())
            failures += problem is not None
    print(f"{len(names) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
