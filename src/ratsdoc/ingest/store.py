"""The archive database: SQLite in WAL mode, one row per distinct input (keyed by sha256).

Only the ingest parent writes it. Rows are upserts keyed by content hash, written in short
transactions that never wait for hashing, reading or workers, so two ingests can share one
archive; an interrupted run (Ctrl-C, kill -9) loses at most the step it was writing, which the
next run parses again: no duplicate, no lost row. How the file is recognised and opened is in
:mod:`ratsdoc.ingest.archive_file`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import COVER_FIELDS
from ..status import STORED_STATUSES, ParseStatus
from .archive_file import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    StoreError,
    inspect_archive,
    open_reader,
    open_writer,
    tidy_after_reading,
)
from .fulltext import create_text_index, has_text_index, index_text, merge_hits, search_text
from .protocol import Result

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]

#: The CHECK constraint's list, from the one status vocabulary (see ratsdoc.status).
_STATUS_VALUES = ", ".join(f"'{status}'" for status in STORED_STATUSES)

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
"""

# A standalone FTS5 table whose rowid is the documents rowid (upserts keep that rowid), so a
# re-parse replaces the entry by rowid instead of scanning an UNINDEXED column.
FTS_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, resolution, justification, tokenize = 'unicode61 remove_diacritics 2'
);
"""

#: The paper's fields that are columns of ``documents`` (SCHEMA names each of them).
SCALAR_FIELDS = COVER_FIELDS

#: Columns of ``ratsdoc export --format csv``, in order.
CSV_COLUMNS = (*COVER_FIELDS, "page_count", "sha256", "status", "profile")


def synthetic_key(name: str) -> str:
    """Key for an input whose bytes were never read (a refused archive member)."""
    return hashlib.sha256(f"ratsdoc-unread:{name}".encode()).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class Known:
    """What the database already holds for one sha256."""

    status: ParseStatus
    version: str


@dataclass
class Stats:
    """Aggregates over the whole archive or one run (see :meth:`Store.stats`)."""

    by_status: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)
    by_profile: dict[str, int] = field(default_factory=dict)
    slowest: list[tuple[str, float, int | None]] = field(default_factory=list)
    errors: list[tuple[str, str, int]] = field(default_factory=list)
    documents: int = 0
    paths: int = 0
    pages: int = 0
    seconds: float = 0.0
    runs: int = 0
    versions: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict."""
        return {
            "documents": self.documents,
            "paths": self.paths,
            "pages": self.pages,
            "parse_seconds": round(self.seconds, 3),
            "runs": self.runs,
            "by_status": self.by_status,
            "by_document_type": self.by_type,
            "by_profile": self.by_profile,
            "by_ratsdoc_version": self.versions,
            "slowest": [{"path": p, "seconds": round(s, 3), "pages": n} for p, s, n in self.slowest],
            "errors": [{"error_class": c, "message": m, "count": n} for c, m, n in self.errors],
        }


class Store:
    """The SQLite archive. ``Store(path)`` opens it to write (an empty or new file becomes one);
    ``Store(path, create=False)`` opens an existing archive read-only.

    Either way the file is recognised first (:func:`~ratsdoc.ingest.archive_file.inspect_archive`):
    a foreign database raises :class:`StoreError` before anything is written to it.
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        name = str(self.path)
        if not create and not self.path.is_file():
            raise StoreError("no such database", file=name)
        identity = inspect_archive(self.path)
        if not create and (identity.fresh or identity.schema_version is None):
            raise StoreError("not a ratsdoc archive (no schema version)", file=name)
        self.read_only = not create
        self._had_wal = Path(f"{self.path}-wal").exists()
        try:
            if self.read_only:
                self.conn = open_reader(self.path)
                self.fts = self._has_table("documents_fts")
            else:
                self.conn = open_writer(self.path)
                self.fts = self._initialise()
        except sqlite3.Error as exc:
            if hasattr(self, "conn"):
                self.conn.close()
            verb = "read" if self.read_only else "write"
            raise StoreError(f"cannot {verb} the archive: {exc}", file=name) from None

    def _initialise(self) -> bool:
        """Create the tables and stamp the id (earlier archives get it here); True with FTS5."""
        with self.writing():
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.conn.execute(statement)
            fts = self._create_fts()
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        return fts

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE name=?", (name,)).fetchone() is not None

    def _create_fts(self) -> bool:
        try:
            self.conn.execute(FTS_SCHEMA)
            create_text_index(self.conn)
        except sqlite3.OperationalError:  # SQLite built without FTS5: search falls back to LIKE
            return False
        return True

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """One short write transaction (joined when one is open); rolled back on any error.

        Callers hash, read and wait for workers *before* entering it, so the write lock is
        held only for the statements: a second ingest on the same archive gets its turn.
        """
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            # SQLite has already rolled back after some errors (a full disk): roll back only what
            # is still open, so the real error is the one raised.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the connection (a reader also removes the -wal/-shm it made)."""
        self.conn.close()
        if self.read_only:
            tidy_after_reading(self.path, self._had_wal)

    # -- runs ---------------------------------------------------------------------------------
    def start_run(self, version: str, settings: dict[str, Any]) -> int:
        """Record the start of an ingest run; returns its id."""
        with self.writing():
            cursor = self.conn.execute(
                "INSERT INTO runs (started_at, ratsdoc_version, settings_json) VALUES (?, ?, ?)",
                (_now(), version, json.dumps(settings, default=str)),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_run(self, run_id: int, state: str, counts: dict[str, Any]) -> None:
        """Record the end of a run (``finished``, ``interrupted`` or ``failed``) and its counts."""
        with self.writing():
            self.conn.execute(
                "UPDATE runs SET finished_at=?, state=?, counts_json=? WHERE id=?",
                (_now(), state, json.dumps(counts), run_id),
            )

    # -- writing ------------------------------------------------------------------------------
    def add_path(self, sha256: str, path: str, run_id: int | None) -> None:
        """Remember that ``path`` holds the bytes ``sha256`` (a file seen twice is kept once)."""
        with self.writing():
            self.conn.execute(
                "INSERT INTO paths (path, sha256, first_run, last_run) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (path, sha256) DO UPDATE SET last_run = excluded.last_run",
                (path, sha256, run_id, run_id),
            )

    def known(self, sha256: str) -> Known | None:
        """The stored status and ratsdoc version for ``sha256``, if any."""
        row = self.conn.execute("SELECT status, ratsdoc_version FROM documents WHERE sha256=?", (sha256,)).fetchone()
        return Known(ParseStatus(row[0]), row[1]) if row else None

    def _upsert(self, values: dict[str, Any]) -> int:
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != "sha256")
        self.conn.execute(
            f"INSERT INTO documents ({columns}) VALUES ({marks}) ON CONFLICT (sha256) DO UPDATE SET {updates}",
            tuple(values.values()),
        )
        row = self.conn.execute("SELECT rowid FROM documents WHERE sha256=?", (values["sha256"],)).fetchone()
        return int(row[0])

    def record_result(
        self, result: Result, *, version: str, run_id: int | None, size: int | None
    ) -> dict[str, Any] | None:
        """Store one parse result; returns the parsed document dict (None when it failed)."""
        document: dict[str, Any] | None = None
        if result.get("document_json"):
            document = json.loads(result["document_json"] or "null")
        values: dict[str, Any] = {
            "sha256": result["key"],
            "status": result["status"],
            "content_hashed": 1,
            "page_count": result.get("page_count"),
            "size_bytes": size,
            "duration_s": result.get("seconds"),
            "error_class": result.get("error_class"),
            "error_message": result.get("error_message"),
            "error_limit": result.get("error_limit"),
            "document_json": result.get("document_json"),
            "ratsdoc_version": version,
            "parsed_at": _now(),
            "run_id": run_id,
        }
        for name in SCALAR_FIELDS:
            value = document.get(name) if document else None
            values[name] = int(value) if isinstance(value, bool) else value
        profile = document.get("profile") if document else None
        values["profile"] = profile.get("name") if isinstance(profile, dict) else None
        with self.writing():
            rowid = self._upsert(values)
            if self.fts:
                self.conn.execute("DELETE FROM documents_fts WHERE rowid=?", (rowid,))
                if document:
                    items = document.get("resolution_proposal") or []
                    resolution = "\n".join(str(item.get("text", "")) for item in items)
                    self.conn.execute(
                        "INSERT INTO documents_fts (rowid, title, resolution, justification) VALUES (?, ?, ?, ?)",
                        (rowid, document.get("title") or "", resolution, document.get("justification") or ""),
                    )
                index_text(self.conn, rowid, document)
        return document

    def record_refused(
        self,
        key: str,
        *,
        status: str,
        error_class: str,
        reason: str,
        version: str,
        run_id: int | None,
        content_hashed: bool,
        size: int | None = None,
    ) -> None:
        """Store an input that was not parsed (refused archive member, damaged archive)."""
        with self.writing():
            rowid = self._upsert(
                {
                    "sha256": key,
                    "status": status,
                    "content_hashed": int(content_hashed),
                    "error_class": error_class,
                    "error_message": reason,
                    "error_limit": None,
                    "document_json": None,
                    "ratsdoc_version": version,
                    "parsed_at": _now(),
                    "run_id": run_id,
                    "size_bytes": size,
                    "page_count": None,
                    "duration_s": None,
                    **{name: None for name in SCALAR_FIELDS},
                    "profile": None,
                }
            )
            if self.fts:
                self.conn.execute("DELETE FROM documents_fts WHERE rowid=?", (rowid,))
                index_text(self.conn, rowid, None)

    # -- reading ------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20, raw: bool = False) -> list[dict[str, Any]]:
        """Full-text search (FTS5, ranked by bm25: title counts most, then the resolution, then
        the running text of the whole document)."""
        if not self.fts:
            like = f"%{query}%"
            rows = self.conn.execute(
                "SELECT number, title, date, sha256, 0.0 FROM documents WHERE title LIKE ? "
                "OR document_json LIKE ? LIMIT ?",
                (like, like, limit),
            ).fetchall()
        else:
            match = query if raw else fts_query(query)
            rows = self.conn.execute(
                "SELECT d.number, d.title, d.date, d.sha256, "
                "bm25(documents_fts, 10.0, 4.0, 1.0) AS score "
                "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                "WHERE documents_fts MATCH ? ORDER BY score, d.number LIMIT ?",
                (match, limit),
            ).fetchall()
            if has_text_index(self.conn):
                rows = merge_hits(rows, search_text(self.conn, match, limit), limit=limit)
        hits = []
        for number, title, date, sha256, score in rows:
            hits.append(
                {
                    "number": number,
                    "title": title,
                    "date": date,
                    "sha256": sha256,
                    "score": round(-float(score), 4),
                    "paths": self.paths_of(sha256),
                }
            )
        return hits

    def paths_of(self, sha256: str) -> list[str]:
        """Every path the input was seen under, in order of first sighting."""
        return [
            row[0]
            for row in self.conn.execute("SELECT path FROM paths WHERE sha256=? ORDER BY first_run, path", (sha256,))
        ]

    def iter_rows(self, statuses: tuple[str, ...] | None = None) -> Iterator[dict[str, Any]]:
        """Every document row as a dict (``paths`` included), ordered by number then sha256."""
        sql = "SELECT * FROM documents"
        params: tuple[str, ...] = ()
        if statuses:
            sql += f" WHERE status IN ({', '.join('?' for _ in statuses)})"
            params = statuses
        sql += " ORDER BY number IS NULL, number, sha256"
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            record = dict(zip(names, row, strict=True))
            record["paths"] = self.paths_of(record["sha256"])
            yield record

    def stats(self, run_id: int | None = None, *, top: int = 5) -> Stats:
        """Counts by status, type and profile, the slowest files and the commonest errors."""
        where, params = ("WHERE run_id = ?", (run_id,)) if run_id is not None else ("", ())
        and_ = "AND" if where else "WHERE"
        q = self.conn.execute
        stats = Stats()
        stats.by_status = dict(
            q(
                f"SELECT status, COUNT(*) FROM documents {where} GROUP BY status ORDER BY COUNT(*) DESC", params
            ).fetchall()
        )
        stats.by_type = {
            k or "(unknown)": v
            for k, v in q(
                f"SELECT document_type, COUNT(*) FROM documents {where} {and_} status IN "
                "('ok','warning') GROUP BY document_type ORDER BY COUNT(*) DESC",
                params,
            )
        }
        stats.by_profile = {
            k or "(none)": v
            for k, v in q(
                f"SELECT profile, COUNT(*) FROM documents {where} {and_} status IN "
                "('ok','warning') GROUP BY profile ORDER BY COUNT(*) DESC",
                params,
            )
        }
        stats.versions = dict(
            q(f"SELECT ratsdoc_version, COUNT(*) FROM documents {where} GROUP BY ratsdoc_version", params).fetchall()
        )
        for sha256, seconds, pages in q(
            f"SELECT sha256, duration_s, page_count FROM documents {where} {and_} "
            "duration_s IS NOT NULL ORDER BY duration_s DESC LIMIT ?",
            (*params, top),
        ):
            paths = self.paths_of(sha256)
            stats.slowest.append((paths[0] if paths else sha256, float(seconds), pages))
        stats.errors = [
            (c, m, n)
            for c, m, n in q(
                f"SELECT error_class, error_message, COUNT(*) FROM documents {where} {and_} "
                "error_class IS NOT NULL GROUP BY error_class, error_message "
                "ORDER BY COUNT(*) DESC LIMIT ?",
                (*params, top),
            )
        ]
        documents, pages, seconds = q(
            f"SELECT COUNT(*), COALESCE(SUM(page_count), 0), COALESCE(SUM(duration_s), 0) FROM documents {where}",
            params,
        ).fetchone()
        stats.documents, stats.pages, stats.seconds = documents, pages, seconds
        stats.paths = q(
            "SELECT COUNT(*) FROM paths" + (" WHERE last_run = ?" if run_id is not None else ""), params
        ).fetchone()[0]
        stats.runs = q("SELECT COUNT(*) FROM runs").fetchone()[0]
        return stats


def fts_query(text: str) -> str:
    """Make plain words an FTS5 query: each word a quoted prefix term, all required.

    German compounds make prefixes useful ("Radweg" also finds "Radwegebau"). Queries that
    already use FTS5 syntax (quotes, ``*``, AND/OR/NOT, NEAR, parentheses) pass unchanged.
    """
    if (
        any(mark in text for mark in ('"', "*", "(", ")"))
        or any(word in text.split() for word in ("AND", "OR", "NOT"))
        or "NEAR(" in text
    ):
        return text
    words = [w.replace('"', "") for w in text.split() if w.strip()]
    return " ".join(f'"{w}"*' for w in words)
