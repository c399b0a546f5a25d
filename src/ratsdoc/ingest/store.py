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
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import COVER_FIELDS
from ..status import ParseStatus
from .archive_file import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    StoreError,
    inspect_archive,
    open_reader,
    open_writer,
    tidy_after_reading,
)
from .fulltext import create_search_index, fts_query, has_search_index, index_document, register_fold
from .protocol import Result
from .store_schema import (
    ADDED_COLUMNS,
    PARSER_VERSION,
    SCHEMA,
    create_tables,
    document_columns,
    migrate,
    stored_version,
)
from .store_search import SearchFilters, hit_of, search_rows

__all__ = ["PARSER_VERSION", "SCHEMA", "SCHEMA_VERSION", "SearchFilters", "Store", "StoreError", "fts_query"]

#: The paper's fields that are columns of ``documents`` (SCHEMA names each of them).
SCALAR_FIELDS = COVER_FIELDS

#: Columns of ``ratsdoc export --format csv``, in order: the cover fields, the file, the
#: meeting fields, the length of the full text (not the text), every path and the warnings.
CSV_COLUMNS = (
    *COVER_FIELDS,
    "page_count",
    "sha256",
    "status",
    "profile",
    "kind",
    *(name for name, _ in ADDED_COLUMNS if name.startswith("meeting_")),
    "text_length",
    "path",
    "warnings",
)


def synthetic_key(name: str) -> str:
    """Key for an input whose bytes were never read (a refused archive member)."""
    return hashlib.sha256(f"ratsdoc-unread:{name}".encode()).hexdigest()


def _try(create: Any, conn: sqlite3.Connection) -> bool:
    """Run ``create(conn)``; False where SQLite lacks FTS5 (search then falls back to LIKE)."""
    try:
        create(conn)
    except sqlite3.OperationalError:
        return False
    return True


def migrated_copy(path: Path) -> tuple[sqlite3.Connection, Path]:
    """A reader's view of an archive of an older schema: a private copy, migrated; the archive
    itself is left as it is (only a writer migrates it)."""
    fd, name = tempfile.mkstemp(prefix="ratsdoc-archive-", suffix=".sqlite")
    os.close(fd)
    source = open_reader(path)
    conn = sqlite3.connect(name, isolation_level=None)
    try:
        source.backup(conn)
        conn.execute("BEGIN IMMEDIATE")
        fts = _try(create_search_index, conn)
        create_tables(conn)
        migrate(conn, fts=fts)
        conn.execute("COMMIT")
    except BaseException:
        conn.close()
        Path(name).unlink(missing_ok=True)
        raise
    finally:
        source.close()
    return conn, Path(name)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class Known:
    """What the database already holds for one sha256."""

    status: ParseStatus
    version: str
    parser_version: int | None = None


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
        self._copy: Path | None = None
        try:
            if self.read_only and identity.schema_version != SCHEMA_VERSION:
                self.conn, self._copy = migrated_copy(self.path)
                self.fts = has_search_index(self.conn)
            elif self.read_only:
                self.conn = open_reader(self.path)
                self.fts = has_search_index(self.conn)
            else:
                self.conn = open_writer(self.path)
                self.fts = self._initialise()
            register_fold(self.conn)
        except sqlite3.Error as exc:
            if hasattr(self, "conn"):
                self.conn.close()
            verb = "read" if self.read_only else "write"
            raise StoreError(f"cannot {verb} the archive: {exc}", file=name) from None

    def _initialise(self) -> bool:
        """Create the tables, migrate an older archive and stamp the id, in one transaction;
        True with FTS5."""
        with self.writing():
            self.conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            version = stored_version(self.conn)
            create_tables(self.conn)
            fts = _try(create_search_index, self.conn)
            if version is not None and version < int(SCHEMA_VERSION):
                migrate(self.conn, fts=fts)
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        return fts

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
        """Close the connection (a reader also removes the -wal/-shm it made, or its migrated copy)."""
        self.conn.close()
        if self._copy is not None:
            self._copy.unlink(missing_ok=True)
        elif self.read_only:
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
        """The stored status, ratsdoc version and parser version for ``sha256``, if any."""
        row = self.conn.execute(
            "SELECT status, ratsdoc_version, parser_version FROM documents WHERE sha256=?", (sha256,)
        ).fetchone()
        return Known(ParseStatus(row[0]), row[1], row[2]) if row else None

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
        elif self._holds_document(result["key"]):
            # A parse again that failed (time limit, crash) does not replace the document already
            # stored: the row keeps it and its old parser version, so the next ingest tries again.
            return None
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
        values.update(document_columns(document))
        values["parser_version"] = PARSER_VERSION
        profile = document.get("profile") if document else None
        values["profile"] = profile.get("name") if isinstance(profile, dict) else None
        with self.writing():
            rowid = self._upsert(values)
            if self.fts:
                index_document(self.conn, rowid, document)
        return document

    def _holds_document(self, sha256: str) -> bool:
        row = self.conn.execute("SELECT document_json IS NOT NULL FROM documents WHERE sha256=?", (sha256,)).fetchone()
        return bool(row and row[0])

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
                    **document_columns(None),
                    "parser_version": PARSER_VERSION,
                    "profile": None,
                }
            )
            if self.fts:
                index_document(self.conn, rowid, None)

    # -- reading ------------------------------------------------------------------------------
    def search(
        self, query: str, *, limit: int = 20, raw: bool = False, filters: SearchFilters | None = None
    ) -> list[dict[str, Any]]:
        """Full-text search in the folded index (FTS5, ranked by bm25: the title counts most, then
        the resolution, the justification and the running text of the whole document); one hit
        per document with its file, kind, type, date, title and a snippet with the match marked."""
        rows = search_rows(self.conn, query, filters or SearchFilters(), limit=limit, raw=raw, fts=self.fts)
        return [hit_of(row, query, self.paths_of(row[1])) for row in rows]

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
