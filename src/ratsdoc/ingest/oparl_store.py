"""The archive's OParl tables: objects, their files, the lists' last walk and the disagreements.

They sit beside ``documents`` in the same SQLite file and are created on first use (``CREATE
TABLE IF NOT EXISTS``: an archive without them gets them, nothing else changes). A File's row
links the OParl object to the parsed PDF by ``sha256`` (``documents.sha256``). Every row is keyed
by OParl ids, so a run repeated or resumed after a kill updates rows and never doubles them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..oparl.compare import Disagreement
from .fulltext import index_document
from .store import Store, synthetic_key

OPARL_SCHEMA = """
CREATE TABLE IF NOT EXISTS oparl_objects (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    body TEXT,
    modified TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    object_json TEXT NOT NULL,
    run_id INTEGER,
    stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS oparl_files (
    owner TEXT NOT NULL,
    file_id TEXT NOT NULL,
    role TEXT NOT NULL,
    url TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('stored', 'failed', 'skipped')),
    http_status INTEGER,
    reason TEXT,
    etag TEXT,
    last_modified TEXT,
    sha256 TEXT,
    local_path TEXT,
    size_bytes INTEGER,
    file_json TEXT NOT NULL,
    run_id INTEGER,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (owner, file_id)
);
CREATE INDEX IF NOT EXISTS oparl_files_sha256 ON oparl_files (sha256);
CREATE TABLE IF NOT EXISTS oparl_lists (
    url TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    since TEXT,
    last_error TEXT,
    checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS oparl_mismatches (
    owner TEXT NOT NULL,
    file_id TEXT NOT NULL,
    field TEXT NOT NULL,
    oparl_value TEXT NOT NULL,
    parsed_value TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    run_id INTEGER,
    PRIMARY KEY (owner, file_id, field)
);
"""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class FileRow:
    """What the archive holds of one File of one object."""

    owner: str
    file_id: str
    role: str
    url: str
    status: str
    file_json: str
    etag: str | None
    last_modified: str | None
    sha256: str | None
    local_path: str | None


@dataclass(frozen=True)
class Fetch:
    """One File's download outcome to store: ``status`` stored (with sha256) or failed/skipped."""

    status: str
    #: The last answer's HTTP status (200, 304, 404, ...); None when none came.
    http_status: int | None = None
    reason: str = ""
    #: The validators of the copy held, sent back as If-None-Match / If-Modified-Since.
    etag: str | None = None
    last_modified: str | None = None
    #: The bytes held: their SHA-256 (``documents.sha256``), file below ``<db>.files`` and size.
    sha256: str | None = None
    local_path: str | None = None
    size: int | None = None


_FILE_COLUMNS = "owner, file_id, role, url, status, file_json, etag, last_modified, sha256, local_path"


class OParlTables:
    """The OParl tables of an open :class:`~ratsdoc.ingest.store.Store` (written in its transactions)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        with store.writing():
            for statement in OPARL_SCHEMA.split(";"):
                if statement.strip():
                    self.conn.execute(statement)

    # -- lists ----------------------------------------------------------------------------------
    def since(self, url: str) -> str | None:
        """When the last complete walk of list ``url`` began (None: never walked to its end)."""
        row = self.conn.execute("SELECT since FROM oparl_lists WHERE url=?", (url,)).fetchone()
        return row[0] if row else None

    def list_walked(self, url: str, kind: str, *, since: str | None, error: str | None) -> None:
        """Record a list's walk: ``since`` after a complete one, ``error`` after a failed one (the
        earlier ``since`` stays, so the next run asks again for all that changed since then)."""
        with self.store.writing():
            self.conn.execute(
                "INSERT INTO oparl_lists (url, kind, since, last_error, checked_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET since = COALESCE(excluded.since, since), "
                "last_error = excluded.last_error, checked_at = excluded.checked_at",
                (url, kind, since, error, _now()),
            )

    # -- objects --------------------------------------------------------------------------------
    def put_object(self, obj: dict[str, Any], kind: str, body: str | None, run_id: int) -> None:
        """Store (or replace) one Paper or Meeting as the server sent it."""
        with self.store.writing():
            self.conn.execute(
                "INSERT INTO oparl_objects (id, kind, body, modified, deleted, object_json, run_id, stored_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
                "body = excluded.body, modified = excluded.modified, deleted = excluded.deleted, "
                "object_json = excluded.object_json, run_id = excluded.run_id, stored_at = excluded.stored_at",
                (
                    obj["id"],
                    kind,
                    body,
                    obj.get("modified"),
                    int(bool(obj.get("deleted"))),
                    json.dumps(obj, ensure_ascii=False),
                    run_id,
                    _now(),
                ),
            )

    # -- files ----------------------------------------------------------------------------------
    def file_row(self, owner: str, file_id: str) -> FileRow | None:
        """The stored row of one File of ``owner``."""
        row = self.conn.execute(
            f"SELECT {_FILE_COLUMNS} FROM oparl_files WHERE owner=? AND file_id=?", (owner, file_id)
        ).fetchone()
        return FileRow(*row) if row else None

    def rows_to_revisit(self) -> list[FileRow]:
        """Files a new run looks at before walking: failed downloads, and stored files whose parse
        result never reached the archive (the run was killed while they were parsed); none of
        objects deleted on the server."""
        rows = self.conn.execute(
            f"SELECT {_FILE_COLUMNS} FROM oparl_files f WHERE (status = 'failed' OR (status = 'stored' "
            "AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = f.sha256))) "
            "AND NOT EXISTS (SELECT 1 FROM oparl_objects o WHERE o.id = f.owner AND o.deleted = 1) "
            "ORDER BY owner, file_id"
        ).fetchall()
        return [FileRow(*row) for row in rows]

    def put_file(self, owner: str, role: str, url: str, file: dict[str, Any], fetch: Fetch, run_id: int) -> None:
        """Store one File's outcome; a stored one drops the failure row an earlier run left for its URL."""
        file_id = str(file.get("id") or url)
        with self.store.writing():
            self.conn.execute(
                "INSERT INTO oparl_files (owner, file_id, role, url, status, http_status, reason, etag, "
                "last_modified, sha256, local_path, size_bytes, file_json, run_id, fetched_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner, file_id) DO UPDATE SET "
                "role = excluded.role, url = excluded.url, status = excluded.status, "
                "http_status = excluded.http_status, reason = excluded.reason, etag = excluded.etag, "
                "last_modified = excluded.last_modified, sha256 = excluded.sha256, "
                "local_path = excluded.local_path, size_bytes = excluded.size_bytes, "
                "file_json = excluded.file_json, run_id = excluded.run_id, fetched_at = excluded.fetched_at",
                (
                    owner,
                    file_id,
                    role,
                    url,
                    fetch.status,
                    fetch.http_status,
                    fetch.reason or None,
                    fetch.etag,
                    fetch.last_modified,
                    fetch.sha256,
                    fetch.local_path,
                    fetch.size,
                    json.dumps(file, ensure_ascii=False),
                    run_id,
                    _now(),
                ),
            )
            if fetch.status == "stored":
                self._drop_failure(url)

    def _drop_failure(self, url: str) -> None:
        """Remove the ``documents`` row that recorded an earlier failed download of ``url``."""
        key = synthetic_key(url)
        row = self.conn.execute("SELECT rowid FROM documents WHERE sha256=? AND content_hashed=0", (key,)).fetchone()
        if row is None:
            return
        if self.store.fts:
            index_document(self.conn, row[0], None)
        self.conn.execute("DELETE FROM documents WHERE rowid=?", (row[0],))
        self.conn.execute("DELETE FROM paths WHERE sha256=?", (key,))

    # -- disagreements ----------------------------------------------------------------------------
    def owners(self, sha256: str) -> list[tuple[str, str, str, str, dict[str, Any]]]:
        """(owner, kind, file id, role, object) of every stored File with these bytes."""
        rows = self.conn.execute(
            "SELECT f.owner, o.kind, f.file_id, f.role, o.object_json FROM oparl_files f "
            "JOIN oparl_objects o ON o.id = f.owner WHERE f.sha256 = ? AND f.status = 'stored'",
            (sha256,),
        ).fetchall()
        return [(owner, kind, file_id, role, json.loads(text)) for owner, kind, file_id, role, text in rows]

    def document(self, sha256: str) -> dict[str, Any] | None:
        """The parsed document stored for ``sha256`` (None: not parsed, or failed)."""
        row = self.conn.execute("SELECT document_json FROM documents WHERE sha256=?", (sha256,)).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def set_disagreements(self, owner: str, file_id: str, sha256: str, found: list[Disagreement], run_id: int) -> None:
        """Replace the disagreements recorded for one File of ``owner``."""
        with self.store.writing():
            self.conn.execute("DELETE FROM oparl_mismatches WHERE owner=? AND file_id=?", (owner, file_id))
            self.conn.executemany(
                "INSERT INTO oparl_mismatches (owner, file_id, field, oparl_value, parsed_value, sha256, run_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(owner, file_id, item.field, item.oparl, item.parsed, sha256, run_id) for item in found],
            )

    def disagreements(self) -> list[dict[str, Any]]:
        """Every recorded disagreement, ordered by object."""
        cursor = self.conn.execute(
            "SELECT owner, file_id, field, oparl_value, parsed_value, sha256 FROM oparl_mismatches "
            "ORDER BY owner, file_id, field"
        )
        names = ("object", "file", "field", "oparl", "parsed", "sha256")
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def counts(self) -> dict[str, int]:
        """Objects by kind and files by status, over the whole archive."""
        result: dict[str, int] = {}
        for kind, count in self.conn.execute("SELECT kind, COUNT(*) FROM oparl_objects GROUP BY kind"):
            result[f"{kind}s"] = count
        for status, count in self.conn.execute("SELECT status, COUNT(*) FROM oparl_files GROUP BY status"):
            result[f"files_{status}"] = count
        return result


def files_folder(db: str | Path) -> Path:
    """The folder of an archive's downloaded files: ``<db>.files`` beside the database."""
    path = Path(db)
    return path.with_name(path.name + ".files")
