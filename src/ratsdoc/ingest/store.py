"""The archive database: SQLite in WAL mode, one row per distinct input (keyed by sha256).

Only the ingest parent writes it. Rows are upserts keyed by content hash and results are
committed in small batches, so an interrupted run (Ctrl-C, kill -9) loses at most the results
of the open batch, which the next run parses again: no duplicate, no lost row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import COVER_FIELDS
from ..status import STORED_STATUSES, ParseStatus
from .protocol import Result

SCHEMA_VERSION = "1"

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


class StoreError(Exception):
    """The database cannot be used (missing, not a ratsdoc archive, newer schema)."""


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
    """The SQLite archive. ``Store(path)`` creates it; ``Store(path, create=False)`` only opens."""

    def __init__(
        self, path: str | Path, *, create: bool = True, commit_every: float = 0.5, batch_size: int = 50
    ) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreError(f"{self.path}: no such database")
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL is durable against process death (kill -9), which is the case that matters;
            # only an OS crash may lose the last commits, and those are simply parsed again.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            if create:
                self.conn.executescript(SCHEMA)
                self.fts = self._create_fts()
                self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            else:
                self.fts = self._has_table("documents_fts")
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a ratsdoc archive ({exc})") from None
        if row is None:
            raise StoreError(f"{self.path}: not a ratsdoc archive (no schema version)")
        if row[0] != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: archive schema {row[0]} is not supported (this ratsdoc reads {SCHEMA_VERSION})"
            )
        self.commit_every = commit_every
        self.batch_size = batch_size
        self._pending = 0
        self._batch_started = 0.0
        self._in_tx = False

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE name=?", (name,)).fetchone() is not None

    def _create_fts(self) -> bool:
        try:
            self.conn.executescript(FTS_SCHEMA)
        except sqlite3.OperationalError:  # SQLite built without FTS5: search falls back to LIKE
            return False
        return True

    # -- transactions ------------------------------------------------------------------------
    def _begin(self) -> None:
        if not self._in_tx:
            self.conn.execute("BEGIN IMMEDIATE")
            self._in_tx = True
            self._batch_started = time.monotonic()

    def _wrote(self) -> None:
        self._pending += 1
        if self._pending >= self.batch_size or time.monotonic() - self._batch_started >= self.commit_every:
            self.commit()

    def commit(self) -> None:
        """Commit the open batch (if any)."""
        if self._in_tx:
            self.conn.execute("COMMIT")
            self._in_tx = False
            self._pending = 0

    def commit_if_due(self) -> None:
        """Commit when the open batch is older than ``commit_every`` seconds."""
        if self._in_tx and time.monotonic() - self._batch_started >= self.commit_every:
            self.commit()

    def close(self) -> None:
        """Commit and close."""
        self.commit()
        self.conn.close()

    # -- runs ---------------------------------------------------------------------------------
    def start_run(self, version: str, settings: dict[str, Any]) -> int:
        """Record the start of an ingest run; returns its id."""
        cursor = self.conn.execute(
            "INSERT INTO runs (started_at, ratsdoc_version, settings_json) VALUES (?, ?, ?)",
            (_now(), version, json.dumps(settings, default=str)),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_run(self, run_id: int, state: str, counts: dict[str, Any]) -> None:
        """Record the end of a run and its counts."""
        self.commit()
        self.conn.execute(
            "UPDATE runs SET finished_at=?, state=?, counts_json=? WHERE id=?",
            (_now(), state, json.dumps(counts), run_id),
        )

    # -- writing ------------------------------------------------------------------------------
    def add_path(self, sha256: str, path: str, run_id: int | None) -> None:
        """Remember that ``path`` holds the bytes ``sha256`` (a file seen twice is kept once)."""
        self._begin()
        self.conn.execute(
            "INSERT INTO paths (path, sha256, first_run, last_run) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (path, sha256) DO UPDATE SET last_run = excluded.last_run",
            (path, sha256, run_id, run_id),
        )
        self._wrote()

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
        self._begin()
        rowid = self._upsert(values)
        if self.fts:
            self.conn.execute("DELETE FROM documents_fts WHERE rowid=?", (rowid,))
            if document:
                resolution = "\n".join(str(item.get("text", "")) for item in document.get("resolution_proposal") or [])
                self.conn.execute(
                    "INSERT INTO documents_fts (rowid, title, resolution, justification) VALUES (?, ?, ?, ?)",
                    (rowid, document.get("title") or "", resolution, document.get("justification") or ""),
                )
        self._wrote()
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
        self._begin()
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
        self._wrote()

    # -- reading ------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20, raw: bool = False) -> list[dict[str, Any]]:
        """Full-text search (FTS5, ranked by bm25: title counts most, then the resolution)."""
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
