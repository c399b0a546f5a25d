"""The archive's tables, the columns derived from a parsed document, and the migration of
archives written by earlier versions.

Schema 1 (ratsdoc up to the meeting reader) kept the cover fields and the document JSON, with
two FTS5 tables (``documents_fts`` over title/resolution/justification, ``documents_text`` over
the running text). Schema 2 adds ``kind``, the meeting fields, the full text, the warnings and
the parser version as columns, and one folded search table (:mod:`ratsdoc.ingest.fulltext`).
An archive of schema 1 is migrated in one transaction when a writer opens it: the columns are
added and filled from each row's stored JSON, the search table is built from it, and the old
FTS tables are dropped; no row is changed otherwise. Its rows are parsed again on the next
ingest, because they carry no parser version (see :data:`PARSER_VERSION`).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from typing import Any

from ..models import COVER_FIELDS
from ..status import STORED_STATUSES
from .fulltext import OLD_TABLES, create_search_index, index_document

#: Version of what the parser writes into a row. Bump it when the parse output changes (a new
#: field, a better reader): an ingest parses rows of another parser version again, and their
#: stored values stay until the new result replaces them.
PARSER_VERSION = 2

#: The CHECK constraint's list, from the one status vocabulary (see ratsdoc.status).
_STATUS_VALUES = ", ".join(f"'{status}'" for status in STORED_STATUSES)

#: Columns schema 2 added to ``documents`` (name, SQL type), filled from the document JSON.
ADDED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", "TEXT"),
    ("meeting_date", "TEXT"),
    ("meeting_start", "TEXT"),
    ("meeting_end", "TEXT"),
    ("meeting_location", "TEXT"),
    ("meeting_number", "TEXT"),
    ("text", "TEXT"),
    ("warnings_json", "TEXT"),
    ("parser_version", "INTEGER"),
)
#: The meeting fields that are columns: ``meeting_<name>`` holds ``document.meeting.<name>``.
MEETING_COLUMNS = ("date", "start", "end", "location", "number")

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ({_STATUS_VALUES})),
    content_hashed INTEGER NOT NULL DEFAULT 1,
    number TEXT, title TEXT, document_type TEXT, public INTEGER, body TEXT,
    originator TEXT, faction TEXT, date TEXT,
    page_count INTEGER, profile TEXT, size_bytes INTEGER, duration_s REAL,
    error_class TEXT, error_message TEXT, error_limit TEXT,
    document_json TEXT,
    ratsdoc_version TEXT NOT NULL,
    parsed_at TEXT NOT NULL,
    run_id INTEGER,
    {", ".join(f"{name} {kind}" for name, kind in ADDED_COLUMNS)}
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
"""


def document_columns(document: dict[str, Any] | None) -> dict[str, Any]:
    """The scalar columns of one parsed document (all None for a failed or refused input)."""
    values: dict[str, Any] = {}
    for name in COVER_FIELDS:
        value = document.get(name) if document else None
        values[name] = int(value) if isinstance(value, bool) else value
    meeting = (document.get("meeting") if document else None) or {}
    for name in MEETING_COLUMNS:
        values[f"meeting_{name}"] = meeting.get(name)
    values["kind"] = document.get("kind", "paper") if document else None
    values["text"] = document.get("text") if document else None
    values["warnings_json"] = json.dumps(document.get("warnings") or [], ensure_ascii=False) if document else None
    return values


def create_tables(conn: sqlite3.Connection) -> None:
    """Create whatever tables are missing (an existing table keeps its columns)."""
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


def stored_version(conn: sqlite3.Connection) -> int | None:
    """The archive's schema version from ``meta`` (None for a new archive)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def migrate(conn: sqlite3.Connection, *, fts: bool) -> None:
    """Bring an archive of schema 1 to schema 2 (call inside the opening write transaction).

    Adds the missing columns, fills them from each row's JSON, builds the folded search table
    and drops the two tables it replaces; ``parser_version`` stays NULL, so the next ingest
    parses those rows again.
    """
    have = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    for name, kind in ADDED_COLUMNS:
        if name not in have:
            conn.execute(f"ALTER TABLE documents ADD COLUMN {name} {kind}")
    rows = conn.execute("SELECT rowid, document_json FROM documents").fetchall()
    names = [name for name, _ in ADDED_COLUMNS if name != "parser_version"]
    for rowid, text in rows:
        document = json.loads(text) if text else None
        values = document_columns(document)
        conn.execute(
            f"UPDATE documents SET {', '.join(f'{n} = ?' for n in names)} WHERE rowid = ?",
            (*(values[n] for n in names), rowid),
        )
    for table in OLD_TABLES:
        with contextlib.suppress(sqlite3.OperationalError):  # an FTS5 table where SQLite lacks FTS5
            conn.execute(f"DROP TABLE IF EXISTS {table}")
    if fts:
        create_search_index(conn)
        for rowid, text in rows:
            index_document(conn, rowid, json.loads(text) if text else None)
