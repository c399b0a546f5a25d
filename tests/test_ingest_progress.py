"""The ingest progress display stays readable at 80 columns: no line wraps, long names are cut."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from ratsdoc.cli.ingest_report import RichProgress, fit_name

from .test_ingest_hooks import fake_pdf

TESTS = Path(__file__).parent
HOOK = f"{TESTS / 'test_ingest_hooks.py'}:hook_parse"
LONG = (
    "archiv/2024/Ausschuss für Stadtentwicklung, Umwelt und Verkehr/Sitzung 12/"
    "Vorlage-0112-23-Teilnahme-am-Bundesprogramm-Radverkehr.pdf"
)
#: CSI sequences (colours, cursor moves, erase line) of a live display.
_CSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _lines(progress: RichProgress, console: Console) -> list[str]:
    progress.progress.stop()
    console.export_text(clear=True)  # the live frames, drawn with cursor moves
    console.print(progress.progress.get_renderable())
    return console.export_text().splitlines()


def test_fit_name_keeps_the_end_of_a_path() -> None:
    assert fit_name("a/b.pdf", 20) == "a/b.pdf"
    cut = fit_name(LONG, 40)
    assert len(cut) == 40 and cut.startswith("…") and cut.endswith("-Radverkehr.pdf")
    assert fit_name(LONG, 0) == ""


def test_every_line_fits_80_columns_and_says_what_it_should() -> None:
    console = Console(width=80, record=True, file=io.StringIO(), force_terminal=True)
    progress = RichProgress(console=console)
    counts = {"ok": 12345, "warning": 2001, "failed": 34, "skipped": 7, "unchanged": 120000}
    progress.update(done=134507, total=200000, counts=counts, pages=5200000, current=LONG)
    lines = _lines(progress, console)
    assert all(len(line) <= 80 for line in lines), lines
    assert "134507/200000" in lines[0] and "━" in lines[0]  # the bar and the count stay
    assert "ok 12345" in lines[1] and "failed 34" in lines[1]
    assert lines[2].startswith("last …") and lines[2].endswith("Radverkehr.pdf")


def test_a_name_with_markup_and_control_characters_is_data() -> None:
    console = Console(width=80, record=True, file=io.StringIO(), force_terminal=True)
    progress = RichProgress(console=console)
    progress.update(done=1, total=2, counts={"ok": 1}, pages=1, current="[bold]x\x1b[2Jy.pdf")
    assert _lines(progress, console)[2] == "last [bold]x\\x1b[2Jy.pdf"


def test_ingest_bar_in_an_80_column_terminal_never_wraps(tmp_path: Path) -> None:
    folder = tmp_path / ("Ausschuss für Stadtentwicklung, Umwelt und Verkehr " * 2).strip()
    folder.mkdir()
    for n in range(3):
        (folder / f"Vorlage-{n:04d}-Teilnahme-am-Bundesprogramm-Radverkehr.pdf").write_bytes(fake_pdf(f"{n}/24", "T"))
    env = {**os.environ, "COLUMNS": "80", "FORCE_COLOR": "1"}
    command = [sys.executable, "-m", "ratsdoc", "ingest", str(tmp_path), "--db", str(tmp_path / "a.sqlite")]
    command += ["-j", "1", "--parse-function", HOOK, "--progress", "bar", "--json"]
    run = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=120)
    assert run.returncode == 0, run.stderr
    shown = [_CSI.sub("", line).rstrip() for line in re.split(r"[\r\n]", run.stderr)]
    assert any("3/3" in line for line in shown), shown
    assert any(line.startswith("last …") for line in shown), shown
    assert all(len(line) <= 80 for line in shown), [line for line in shown if len(line) > 80]
