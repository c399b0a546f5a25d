"""The archive's file: recognised as ratsdoc's before anything writes to it, opened to read or to write.

A ratsdoc archive carries ``PRAGMA application_id`` :data:`APPLICATION_ID` and the schema
version in its ``meta`` table. Archives of earlier versions have no application id but
ratsdoc's tables; they open and get the id on their first write. Any other non-empty file
(another application's SQLite database, or no SQLite database at all) is refused before a
byte of it, or of a ``-wal``/``-shm`` beside it, is written. Readers open the file read-only
and never change its journal mode, so a read-only archive can be searched.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..errors import RatsdocError
from ..status import ExitCode

#: Schema 2 added kind, the meeting fields, the full text and the folded search table; archives
#: of schema 1 are migrated (:mod:`ratsdoc.ingest.store_schema`).
SCHEMA_VERSION = "2"

#: ``PRAGMA application_id`` of every ratsdoc archive: "RATS" in ASCII.
APPLICATION_ID = 0x52415453

_MAGIC = b"SQLite format 3\x00"
_HEADER = 100  # bytes of the SQLite file header
_APPLICATION_ID_AT = 68  # offset of the application id in the header (big-endian)
_WAL_FORMAT = 2  # header bytes 18/19: the file is in WAL mode


class StoreError(RatsdocError):
    """The archive cannot be used: missing, not a ratsdoc archive, newer schema, not writable."""

    exit_code = ExitCode.USAGE  # the database was named by the caller, like an unusable output


class ForeignDatabaseError(StoreError):
    """The file is not a ratsdoc archive (another application's database, or no database): left untouched."""


@dataclass(frozen=True)
class Identity:
    """What an archive file is, read without writing: ``fresh`` files become archives."""

    fresh: bool  # missing, empty, or an SQLite database without any table
    schema_version: str | None = None


def _uri(path: Path, *options: str) -> str:
    return f"file:{quote(str(path.resolve()), safe='/')}?" + "&".join(("mode=ro", *options))


def _peek(path: Path, wal: bool) -> tuple[set[str], str | None]:
    """The table names and the ratsdoc schema version, read without creating a file beside it."""
    # A WAL file without its -wal has been checkpointed completely: read it as immutable, because a
    # read-only connection would otherwise leave an empty -wal and -shm next to a stranger's file.
    immutable = wal and not Path(f"{path}-wal").exists()
    conn = sqlite3.connect(_uri(path, *(["immutable=1"] if immutable else [])), uri=True, timeout=30)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        version = None
        if "meta" in tables:
            with contextlib.suppress(sqlite3.Error):  # a stranger's table of that name
                row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                version = str(row[0]) if row else None
        return tables, version
    finally:
        conn.close()


def inspect_archive(path: Path) -> Identity:
    """Recognise ``path`` without writing; raise :class:`ForeignDatabaseError` unless it is ratsdoc's."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER)
    except FileNotFoundError:
        return Identity(fresh=True)
    except OSError as exc:
        raise StoreError(f"cannot read the database: {exc.strerror or exc}", file=name) from None
    if not header:
        return Identity(fresh=True)
    if len(header) < _HEADER or not header.startswith(_MAGIC):
        raise ForeignDatabaseError("not a ratsdoc archive (not an SQLite database); left unchanged", file=name)
    application_id = int.from_bytes(header[_APPLICATION_ID_AT : _APPLICATION_ID_AT + 4], "big")
    if application_id not in (0, APPLICATION_ID):
        raise ForeignDatabaseError(
            f"not a ratsdoc archive (application_id {application_id:#010x} is another program's); left unchanged",
            file=name,
        )
    try:
        tables, version = _peek(path, wal=header[18] == _WAL_FORMAT)
    except sqlite3.DatabaseError as exc:
        raise ForeignDatabaseError(f"not a ratsdoc archive ({exc}); left unchanged", file=name) from None
    if application_id == 0 and tables and (version is None or "documents" not in tables):
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise ForeignDatabaseError(f"not a ratsdoc archive (its tables: {shown}); left unchanged", file=name)
    if version is not None and not (version.isdigit() and 1 <= int(version) <= int(SCHEMA_VERSION)):
        raise StoreError(f"archive schema {version} is not supported (this ratsdoc reads {SCHEMA_VERSION})", file=name)
    return Identity(fresh=not tables, schema_version=version)


def open_writer(path: Path) -> sqlite3.Connection:
    """A connection that writes ``path`` (WAL mode); call only after :func:`inspect_archive`."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL is durable against process death (kill -9), which is the case that matters;
        # only an OS crash may lose the last commits, and those are simply parsed again.
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def open_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``) that leaves the journal mode alone."""
    conn = sqlite3.connect(_uri(path), uri=True, isolation_level=None, timeout=30)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if not str(getattr(exc, "sqlite_errorname", "")).startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise
        # A WAL archive in a read-only folder: no -shm can be made there, and no writer can be
        # at work in it either, so the file is read as immutable.
        conn = sqlite3.connect(_uri(path, "immutable=1"), uri=True, isolation_level=None, timeout=30)
    return conn


def tidy_after_reading(path: Path, had_wal: bool) -> None:
    """Remove the empty -wal/-shm a read-only connection leaves behind, if this reader made them.

    A plain connection that only reads is closed; SQLite deletes the two files only when no
    other connection has the archive open, and writes nothing to the archive itself.
    """
    if had_wal or not Path(f"{path}-wal").exists():
        return
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=1)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
