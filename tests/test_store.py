"""Tests of the archive file (ratsdoc.ingest.store): foreign databases left untouched, read-only
archives, a full disk, two ingests at once, and runs never left ``running``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ratsdoc.cli import main
from ratsdoc.ingest import IngestOptions, IngestRun, Store, StoreError, ingest
from ratsdoc.ingest.archive_file import APPLICATION_ID, ForeignDatabaseError
from ratsdoc.ingest.pool import LocalPool
from ratsdoc.ingest.run import IngestRunError
from ratsdoc.status import ExitCode

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
from test_ingest_hooks import fake_pdf  # noqa: E402

from .ingest_support import CLI, HOOK, cli_env  # noqa: E402

SIDE_FILES = ("-wal", "-shm", "-journal")


def _papers(folder: Path, count: int, *, marker: str = "", text: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        body = fake_pdf(f"{i:04d}/{marker or 'x'}", f"Vorlage {i} Radweg {marker}", extra=marker, justification=text)
        (folder / f"paper-{i:03d}.pdf").write_bytes(body)
    return folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _side_files(db: Path) -> list[str]:
    return [suffix for suffix in SIDE_FILES if Path(f"{db}{suffix}").exists()]


def _header(db: Path) -> bytes:
    return db.read_bytes()[:100]


def _application_id(db: Path) -> int:
    return int.from_bytes(_header(db)[68:72], "big")


def _runs(db: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT state FROM runs ORDER BY id")]
    finally:
        conn.close()


def _ingest_args(folder: Path, db: Path) -> list[str]:
    return ["ingest", str(folder), "--db", str(db), "-j", "1", "--parse-function", HOOK, "--progress", "none", "--json"]


def _reader_args(command: str, db: Path) -> list[str]:
    return {"stats": ["stats", str(db)], "search": ["search", str(db), "Radweg"], "export": ["export", str(db)]}[
        command
    ]


# -- 1. foreign databases are refused before anything is written --------------------------------


def _foreign_tables(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.commit()
    conn.close()


def _foreign_application(db: Path) -> None:
    # Another program's id, even with tables named like ratsdoc's.
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA application_id = 1234567")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("CREATE TABLE documents (sha256 TEXT)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.commit()
    conn.close()


def _foreign_wal(db: Path) -> None:
    _foreign_tables(db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()


def _not_sqlite(db: Path) -> None:
    db.write_text("name,value\nx,1\n")


FOREIGN = {"tables": _foreign_tables, "application": _foreign_application, "wal": _foreign_wal, "text": _not_sqlite}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
@pytest.mark.parametrize("command", ["stats", "search", "export", "ingest"])
def test_a_foreign_database_is_refused_and_left_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, kind: str
) -> None:
    db = tmp_path / "other.db"
    FOREIGN[kind](db)
    before = _digest(db)
    folder = _papers(tmp_path / "in", 1)
    args = _ingest_args(folder, db) if command == "ingest" else _reader_args(command, db)
    assert main(args) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a ratsdoc archive" in err and "left unchanged" in err, err
    assert _digest(db) == before
    assert _side_files(db) == []


def test_the_api_raises_a_typed_error_for_a_foreign_database(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    _foreign_tables(db)
    for create in (True, False):
        with pytest.raises(ForeignDatabaseError) as info:
            Store(db, create=create)
        assert isinstance(info.value, StoreError) and info.value.exit_code == ExitCode.USAGE
        assert str(info.value).startswith(f"{db}: not a ratsdoc archive")


@pytest.mark.parametrize("start", ["missing", "empty file", "empty database"])
def test_a_new_or_empty_file_becomes_an_archive(tmp_path: Path, start: str) -> None:
    db = tmp_path / "a.sqlite"
    if start == "empty file":
        db.touch()
    elif start == "empty database":
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE scratch (x)")
        conn.execute("DROP TABLE scratch")  # an SQLite file without any table
        conn.close()
        assert db.stat().st_size > 0
    summary = ingest([_papers(tmp_path / "in", 2)], db, IngestOptions(workers=1, parse_function=HOOK))
    assert summary.counts["ok"] == 2
    assert _application_id(db) == APPLICATION_ID
    assert _runs(db) == ["finished"]


def _previous_version_archive(tmp_path: Path) -> Path:
    """An archive as the previous version wrote it: ratsdoc's tables and meta, no application id."""
    db = tmp_path / "old.sqlite"
    ingest([_papers(tmp_path / "old-in", 2)], db, IngestOptions(workers=1, parse_function=HOOK))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA application_id = 0")
    conn.close()
    assert _application_id(db) == 0
    return db


def test_an_archive_of_the_previous_version_opens_and_gets_the_id_on_its_first_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _previous_version_archive(tmp_path)
    before = _digest(db)
    assert main(["stats", str(db), "--json"]) == ExitCode.OK
    assert json.loads(capsys.readouterr().out)["documents"] == 2
    assert _digest(db) == before  # reading does not stamp it
    summary = ingest([_papers(tmp_path / "new-in", 3, marker="NEW")], db, IngestOptions(parse_function=HOOK))
    assert summary.counts["ok"] == 3
    assert _application_id(db) == APPLICATION_ID
    assert _runs(db) == ["finished", "finished"]


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    db = _previous_version_archive(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = _digest(db)
    with pytest.raises(StoreError, match="archive schema 99 is not supported"):
        Store(db)
    assert _digest(db) == before


# -- 2. readers open read-only and leave the journal mode alone ----------------------------------


def _as_plain_user(command: list[str]) -> list[str]:
    """``command`` under file permissions: root drops the capability that ignores them."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file modes cannot be enforced")
    drop = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}", *command]


@pytest.fixture
def read_only_archive(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "a.sqlite"
    ingest([_papers(tmp_path / "in", 3)], db, IngestOptions(workers=1, parse_function=HOOK))
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    try:
        yield db
    finally:
        folder.chmod(stat.S_IRWXU)
        db.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.parametrize("command", ["stats", "search", "export"])
def test_a_read_only_archive_can_be_read(read_only_archive: Path, command: str) -> None:
    db = read_only_archive
    before = _digest(db)
    done = subprocess.run(
        _as_plain_user([*CLI, *_reader_args(command, db)]), env=cli_env(), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Radweg" in done.stdout or command == "stats"
    assert _digest(db) == before and _side_files(db) == []


def test_ingest_into_a_read_only_archive_is_one_line(read_only_archive: Path, tmp_path: Path) -> None:
    db = read_only_archive
    before = _digest(db)
    command = _as_plain_user([*CLI, *_ingest_args(_papers(tmp_path / "more", 1, marker="MORE"), db)])
    done = subprocess.run(command, env=cli_env(), capture_output=True, text=True, timeout=60)
    assert done.returncode == ExitCode.USAGE
    assert done.stderr == f"ratsdoc ingest: {db}: cannot write the archive: attempt to write a readonly database\n"
    assert _digest(db) == before and _side_files(db) == []


def test_readers_keep_the_journal_mode_and_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.sqlite"
    ingest([_papers(tmp_path / "in", 2)], db, IngestOptions(workers=1, parse_function=HOOK))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=DELETE")  # as a tool that rewrote the archive may leave it
    conn.close()
    before = _digest(db)
    for command in ("stats", "search", "export"):
        assert main(_reader_args(command, db)) == ExitCode.OK
    capsys.readouterr()
    assert _header(db)[18:20] == b"\x01\x01"  # still a rollback-journal file, not switched to WAL
    assert _digest(db) == before and _side_files(db) == []
    store = Store(db, create=False)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM documents")
    finally:
        store.close()


def test_a_reader_leaves_no_side_files_beside_a_wal_archive(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    ingest([_papers(tmp_path / "in", 2)], db, IngestOptions(workers=1, parse_function=HOOK))
    assert _side_files(db) == []
    before = _digest(db)
    store = Store(db, create=False)
    assert store.stats().documents == 2
    store.close()
    assert _digest(db) == before and _side_files(db) == []


# -- 3. a full disk is reported as what it is -----------------------------------------------------


class _TinyStore(Store):
    """A store whose database may grow by a few pages only (SQLITE_FULL, like a full disk)."""

    def __init__(self, path: str | Path, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages + 4}")


def test_a_full_disk_is_reported_and_the_run_marked_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("ratsdoc.ingest.run.Store", _TinyStore)
    folder = _papers(tmp_path / "in", 12, text="Begründung " * 3000)
    db, work = tmp_path / "a.sqlite", tmp_path / "work"
    work.mkdir()
    with pytest.raises(StoreError) as info:
        ingest([folder], db, IngestOptions(workers=1, parse_function=HOOK, tmp_dir=str(work)))
    message = str(info.value)
    assert message == f"{db}: cannot write the archive: database or disk is full"
    assert _runs(db) == ["failed"]
    assert list(work.iterdir()) == []  # the temporary folder is gone

    # The command line: one line, exit code 2, the next run marked failed as well.
    monkeypatch.setattr(tempfile, "tempdir", str(work))
    assert (
        main(["ingest", str(folder), "--db", str(db), "-j", "1", "--parse-function", HOOK, "--progress", "none"]) == 2
    )
    err = capsys.readouterr().err
    assert err == f"ratsdoc ingest: {db}: cannot write the archive: database or disk is full\n"
    assert _runs(db) == ["failed", "failed"]


# -- 4. short write transactions: two ingests share an archive -----------------------------------


def test_no_write_lock_is_held_while_hashing_or_waiting_for_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "a.sqlite"
    run = IngestRun([_papers(tmp_path / "in", 6)], db, IngestOptions(workers=1, parse_function=HOOK))
    held: list[str] = []

    def other_writer_gets_the_lock(where: str) -> None:
        if run.store.conn.in_transaction:
            held.append(where)
        other = sqlite3.connect(db, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # fails at once with "database is locked" if held
            other.execute("ROLLBACK")
        finally:
            other.close()

    import ratsdoc.ingest.run as run_module

    real_hash, real_poll = run_module.sha256_file, LocalPool.poll

    def hash_file(path: Path, *args: Any, **kwargs: Any) -> tuple[str, int]:
        other_writer_gets_the_lock("hashing")
        return real_hash(path, *args, **kwargs)

    def poll(self: LocalPool, timeout: float) -> Any:
        other_writer_gets_the_lock("polling")
        return real_poll(self, timeout)

    monkeypatch.setattr(run_module, "sha256_file", hash_file)
    monkeypatch.setattr(LocalPool, "poll", poll)
    summary = run.run()
    assert summary.counts["ok"] == 6
    assert held == []


def test_two_ingests_on_one_archive_at_once(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    folders = [_papers(tmp_path / name, 12, marker=f"SLOW {name}") for name in ("first", "second")]
    procs = [
        subprocess.Popen(
            [*CLI, *_ingest_args(folder, db)],
            env=cli_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert json.loads(out)["counts"]["ok"] == 12
    assert _runs(db) == ["finished", "finished"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 24
    conn.close()


# -- 5. an error inside ratsdoc never leaves a run "running" -------------------------------------


def test_an_error_in_the_run_loop_marks_the_run_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: IngestRun, result: Any) -> None:
        raise ValueError("a defect")

    monkeypatch.setattr(IngestRun, "record", broken)
    folder = _papers(tmp_path / "in", 3)
    db, work = tmp_path / "a.sqlite", tmp_path / "work"
    work.mkdir()
    with pytest.raises(IngestRunError) as info:
        ingest([folder], db, IngestOptions(workers=1, parse_function=HOOK, tmp_dir=str(work)))
    assert str(info.value) == f"{db}: run stopped: internal error (ValueError: a defect)"
    assert _runs(db) == ["failed"]
    assert list(work.iterdir()) == []
    assert main(_ingest_args(folder, db)) == ExitCode.USAGE
    assert capsys.readouterr().err == f"ratsdoc ingest: {db}: run stopped: internal error (ValueError: a defect)\n"
    assert _runs(db) == ["failed", "failed"]
