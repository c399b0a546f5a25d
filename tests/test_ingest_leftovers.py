"""Interrupted ingests: kill -9 and SIGTERM leave no temporary folder and no run ``running`` behind."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ratsdoc.ingest import IngestOptions, ingest
from ratsdoc.ingest.leftovers import PREFIX, host_tag, remove_stale_work_dirs

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
from test_ingest_hooks import fake_pdf  # noqa: E402

from .ingest_support import CLI, HOOK, cli_env, wait_for_documents  # noqa: E402


def _corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"paper-{i:03d}.pdf").write_bytes(fake_pdf(f"{i:04d}/24", f"Vorlage {i}", extra="SLOW"))


def _runs(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [state for (state,) in conn.execute("SELECT state FROM runs ORDER BY id")]


def _dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _start_and_signal(tmp_path: Path, sig: signal.Signals, *, after_docs: int) -> subprocess.Popen[str]:
    """Start ``ratsdoc ingest`` with its TMPDIR in ``tmp_path/tmp``; send ``sig`` once rows exist."""
    tmp = tmp_path / "tmp"
    tmp.mkdir(exist_ok=True)
    db = tmp_path / "archive.sqlite"
    env = cli_env(TMPDIR=str(tmp))
    command = [*CLI, "ingest", str(tmp_path / "in"), "--db", str(db), "-j", "1"]
    command += ["--parse-function", HOOK, "--progress", "none", "--json"]
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    wait_for_documents(db, after_docs, seconds=60)
    proc.send_signal(sig)
    return proc


def test_kill_9_leftovers_are_tidied_by_the_next_run(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 12)
    proc = _start_and_signal(tmp_path, signal.SIGKILL, after_docs=2)
    try:
        proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    tmp, db = tmp_path / "tmp", tmp_path / "archive.sqlite"
    left = [p.name for p in tmp.iterdir()]
    assert len(left) == 1 and left[0].startswith(f"{PREFIX}{proc.pid}-{host_tag()}-"), left
    assert _runs(db) == ["running"]
    # Things a rerun must not touch: a live process's folder, other prefixes, a link, a nameless one.
    live = tmp / f"{PREFIX}{os.getpid()}-{host_tag()}-live"
    other = tmp / "ratsdoc-workers-abc"
    old_style = tmp / f"{PREFIX}x1y2z3"
    for folder in (live, other, old_style):
        folder.mkdir()
    link = tmp / f"{PREFIX}{_dead_pid()}-{host_tag()}-link"
    link.symlink_to(live, target_is_directory=True)

    summary = ingest([tmp_path / "in"], db, IngestOptions(workers=1, parse_function=HOOK, tmp_dir=tmp))
    assert summary.counts["ok"] + summary.counts["unchanged"] == 12
    assert sorted(p.name for p in tmp.iterdir()) == sorted([live.name, other.name, old_style.name, link.name])
    assert _runs(db) == ["interrupted", "finished"]


def test_sigterm_prints_one_line_exits_143_and_leaves_nothing(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 12)
    proc = _start_and_signal(tmp_path, signal.SIGTERM, after_docs=2)
    try:
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 143, err
    assert json.loads(out)["interrupted"] is True
    assert len(err.strip().splitlines()) == 1 and "interrupted" in err, err
    assert list((tmp_path / "tmp").iterdir()) == []
    assert _runs(tmp_path / "archive.sqlite") == ["interrupted"]


def test_sigterm_while_starting_prints_one_line_and_exits_143(tmp_path: Path) -> None:
    """A SIGTERM before the ingest started (while the command is still being set up)."""
    env = cli_env()
    code = (
        "import os, signal, sys; import ratsdoc.cli as cli; real = cli.build_parser\n"
        "def slow():\n    os.kill(os.getpid(), signal.SIGTERM); return real()\n"
        "cli.build_parser = slow; sys.exit(cli.main(['stats', 'x.sqlite']))"
    )
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 143
    assert proc.stderr.strip() == "ratsdoc: terminated"


def test_folders_of_live_or_foreign_processes_are_kept(tmp_path: Path) -> None:
    dead = tmp_path / f"{PREFIX}{_dead_pid()}-{host_tag()}-abc"
    other_host = tmp_path / f"{PREFIX}{_dead_pid()}-{'0' * 8 if host_tag() != '0' * 8 else '1' * 8}-abc"
    other_host.mkdir()
    (dead / "unpacked").mkdir(parents=True)
    (dead / "unpacked" / "member-0000001.pdf").write_bytes(b"%PDF-")
    init = tmp_path / f"{PREFIX}1-{host_tag()}-abc"  # pid 1 always exists
    init.mkdir()
    mine = tmp_path / f"{PREFIX}{os.getpid()}-{host_tag()}-abc"
    mine.mkdir()
    plain_file = tmp_path / f"{PREFIX}{_dead_pid()}-{host_tag()}-file"
    plain_file.write_text("not a folder")
    assert remove_stale_work_dirs(tmp_path) == [dead]
    assert not dead.exists() and init.exists() and mine.exists() and plain_file.exists() and other_host.exists()


@pytest.mark.parametrize("host", ["elsewhere", None])
def test_running_rows_of_other_hosts_or_older_versions_stay(tmp_path: Path, host: str | None) -> None:
    db = tmp_path / "a.sqlite"
    _corpus(tmp_path / "in", 1)
    ingest([tmp_path / "in"], db, IngestOptions(workers=1, parse_function=HOOK, tmp_dir=tmp_path))
    settings = {"pid": _dead_pid()} | ({"host": host} if host else {})
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO runs (started_at, ratsdoc_version, settings_json) VALUES ('x', '0', ?)",
            (json.dumps(settings),),
        )
    ingest([tmp_path / "in"], db, IngestOptions(workers=1, parse_function=HOOK, tmp_dir=tmp_path))
    assert _runs(db) == ["finished", "running", "finished"]
