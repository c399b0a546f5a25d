"""An archive written by the previous version (schema 1) opens: a reader works on a migrated
copy and leaves the file alone; a writer migrates it in one transaction, keeping every row;
the next ingest parses its rows again because they carry no parser version."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from ratsdoc.cli import main
from ratsdoc.ingest import IngestOptions, Store, StoreError, ingest, store_schema
from ratsdoc.ingest.archive_file import APPLICATION_ID
from ratsdoc.ingest.engine import current_version
from ratsdoc.ingest.store import PARSER_VERSION
from ratsdoc.meeting_models import Meeting
from ratsdoc.models import Drucksache, Source
from ratsdoc.status import ExitCode

TESTS = Path(__file__).resolve().parent
HOOK = f"{TESTS / 'test_ingest_hooks.py'}:hook_parse"
sys.path.insert(0, str(TESTS))
from test_ingest_hooks import fake_pdf  # noqa: E402

#: The tables as schema 1 created them (ratsdoc/ingest/store.py and fulltext.py before schema 2).
V1_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('ok', 'warning', 'failed', 'skipped')),
    content_hashed INTEGER NOT NULL DEFAULT 1,
    number TEXT, title TEXT, document_type TEXT, public INTEGER, body TEXT,
    originator TEXT, faction TEXT, date TEXT,
    page_count INTEGER, profile TEXT, size_bytes INTEGER, duration_s REAL,
    error_class TEXT, error_message TEXT, error_limit TEXT,
    document_json TEXT,
    ratsdoc_version TEXT NOT NULL,
    parsed_at TEXT NOT NULL,
    run_id INTEGER
);
CREATE INDEX IF NOT EXISTS documents_status ON documents (status);
CREATE TABLE IF NOT EXISTS paths (
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    first_run INTEGER,
    last_run INTEGER,
    PRIMARY KEY (path, sha256)
);
CREATE INDEX IF NOT EXISTS paths_sha256 ON paths (sha256);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    state TEXT NOT NULL DEFAULT 'running',
    ratsdoc_version TEXT NOT NULL,
    settings_json TEXT,
    counts_json TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, resolution, justification, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_text USING fts5(
    text, tokenize = 'unicode61 remove_diacritics 2'
);
"""
MINUTES_TEXT = "Niederschrift\nTOP 3 Verschiedenes\nDer Bücherschrank am Marktplatz wird erneuert."


def _v1_archive(tmp_path: Path, *, broken: bool = False) -> tuple[Path, Path]:
    """A schema-1 archive holding two inputs of the folder it returns, as the previous version wrote it
    (with ``broken``, the second input's bytes no longer parse)."""
    folder = tmp_path / "in"
    folder.mkdir()
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript(V1_DDL)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute(
        "INSERT INTO runs (started_at, finished_at, state, ratsdoc_version) VALUES ('2026-01-01', '2026-01-01', "
        "'finished', ?)",
        (current_version(),),
    )
    for i, kind in enumerate(("meeting", "paper")):
        data = fake_pdf(f"{i:04d}/26", f"Dokument {i}")
        if broken and i == 1:
            data = b"%PDF-1.4\n% broken\n%%EOF\n"
        (folder / f"doc-{i}.pdf").write_bytes(data)
        key = hashlib.sha256(data).hexdigest()
        document = Drucksache(
            title=None if kind == "meeting" else "Radweg Lindenstraße",
            document_type="Niederschrift" if kind == "meeting" else "Beschlussvorlage",
            kind=kind,  # type: ignore[arg-type]
            meeting=Meeting(date=dt.date(2025, 3, 11), start="18:00") if kind == "meeting" else None,
            text=MINUTES_TEXT if kind == "meeting" else "Radweg Lindenstraße",
            page_count=1,
            source=Source(file=f"doc-{i}.pdf", sha256=key),
            warnings=["a warning kept from the old parse"],
        )
        cursor = conn.execute(
            "INSERT INTO documents (sha256, status, title, document_type, document_json, ratsdoc_version, "
            "parsed_at, run_id, page_count) VALUES (?, 'warning', ?, ?, ?, ?, '2026-01-01', 1, 1)",
            (key, document.title, document.document_type, document.model_dump_json(), current_version()),
        )
        conn.execute("INSERT INTO documents_fts (rowid, title) VALUES (?, ?)", (cursor.lastrowid, document.title or ""))
        conn.execute("INSERT INTO documents_text (rowid, text) VALUES (?, ?)", (cursor.lastrowid, document.text))
        conn.execute("INSERT INTO paths VALUES (?, ?, 1, 1)", (str(folder / f"doc-{i}.pdf"), key))
    conn.commit()
    conn.close()
    return db, folder


def _rows(db: Path) -> list[dict[str, Any]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute("SELECT * FROM documents ORDER BY sha256")]
    finally:
        conn.close()


def _tables(db: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_a_reader_searches_an_old_archive_without_changing_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = _v1_archive(tmp_path)
    before = db.read_bytes()
    assert main(["search", str(db), "Buecherschrank", "--json"]) == ExitCode.OK
    [hit] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert Path(hit["file"]).name == "doc-0.pdf" and hit["kind"] == "meeting" and hit["date"] == "2025-03-11"
    assert main(["export", str(db), "--format", "csv"]) == ExitCode.OK
    assert "2025-03-11" in capsys.readouterr().out
    assert db.read_bytes() == before


def test_a_writer_migrates_in_place_and_keeps_every_row(tmp_path: Path) -> None:
    db, _ = _v1_archive(tmp_path)
    old = _rows(db)
    Store(db).close()
    new = _rows(db)
    assert len(new) == len(old) == 2
    for before, after in zip(old, new, strict=True):
        assert {k: after[k] for k in before} == before  # every stored value is still there
        assert after["parser_version"] is None  # parsed again by the next ingest
        assert json.loads(after["warnings_json"]) == ["a warning kept from the old parse"]
    minutes = next(row for row in new if row["kind"] == "meeting")
    assert (minutes["meeting_date"], minutes["meeting_start"], minutes["text"]) == ("2025-03-11", "18:00", MINUTES_TEXT)
    assert {"documents_fts", "documents_text"}.isdisjoint(_tables(db)) and "documents_search" in _tables(db)
    store = Store(db, create=False)
    try:
        assert [Path(hit["file"]).name for hit in store.search("Buecherschrank")] == ["doc-0.pdf"]  # type: ignore[arg-type]
        assert store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "2"
    finally:
        store.close()


def test_a_failed_migration_leaves_the_archive_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, _ = _v1_archive(tmp_path)
    before = _rows(db)

    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_schema, "index_document", broken)
    with pytest.raises(StoreError, match="disk I/O error"):
        Store(db)
    assert _rows(db) == before
    assert {"documents_fts", "documents_text"} <= _tables(db)


def test_the_next_ingest_parses_the_old_rows_again(tmp_path: Path) -> None:
    db, folder = _v1_archive(tmp_path)
    summary = ingest([folder], db, IngestOptions(workers=1, parse_function=HOOK))
    assert summary.counts["unchanged"] == 0 and summary.counts["ok"] == 2
    rows = _rows(db)
    assert len(rows) == 2 and {row["parser_version"] for row in rows} == {PARSER_VERSION}
    assert {row["title"] for row in rows} == {"Dokument 0", "Dokument 1"}  # the new parse replaced the old values
    again = ingest([folder], db, IngestOptions(workers=1, parse_function=HOOK))
    assert again.counts["unchanged"] == 2 and again.parsed == 0


def test_a_failed_parse_again_keeps_the_stored_document(tmp_path: Path) -> None:
    db, folder = _v1_archive(tmp_path, broken=True)
    old = {row["sha256"]: row for row in _rows(db)}
    summary = ingest([folder], db, IngestOptions(workers=1, parse_function=HOOK))
    assert summary.counts["ok"] == 1 and summary.counts["failed"] == 1
    kept = [row for row in _rows(db) if row["parser_version"] is None]
    assert len(kept) == 1 and kept[0]["document_json"] == old[kept[0]["sha256"]]["document_json"]
    assert kept[0]["status"] == "warning" and kept[0]["title"] == "Radweg Lindenstraße"
    again = ingest([folder], db, IngestOptions(workers=1, parse_function=HOOK))
    assert again.counts["unchanged"] == 1 and again.counts["failed"] == 1  # tried again, still kept
