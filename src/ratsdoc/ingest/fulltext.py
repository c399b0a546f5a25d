"""The full-text index of every document's running text (papers and meeting documents), beside
the title/resolution/justification index of :mod:`ratsdoc.ingest.store`: a word that occurs
only in the body of minutes is found too."""

from __future__ import annotations

import sqlite3
from typing import Any

#: rowid = the documents rowid, as for ``documents_fts``. Created by writers on open, so an
#: archive from an earlier version gains it; its documents are indexed when parsed again.
TEXT_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS documents_text USING fts5(
    text, tokenize = 'unicode61 remove_diacritics 2'
);
"""
#: A hit in the running text ranks below the same bm25 in the title index.
TEXT_WEIGHT = 0.5


def create_text_index(conn: sqlite3.Connection) -> None:
    """Create the text index (FTS5 is known to be available)."""
    conn.execute(TEXT_SCHEMA)


def has_text_index(conn: sqlite3.Connection) -> bool:
    """Whether the archive has the text index."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name='documents_text'").fetchone() is not None


def index_text(conn: sqlite3.Connection, rowid: int, document: dict[str, Any] | None) -> None:
    """Replace the indexed text of ``rowid`` with the document's (none for a failed parse)."""
    conn.execute("DELETE FROM documents_text WHERE rowid=?", (rowid,))
    text = document.get("text") if document else None
    if isinstance(text, str) and text:
        conn.execute("INSERT INTO documents_text (rowid, text) VALUES (?, ?)", (rowid, text))


def search_text(conn: sqlite3.Connection, match: str, limit: int) -> list[tuple[Any, ...]]:
    """(number, title, date, sha256, score) of documents whose text matches, best first."""
    return conn.execute(
        "SELECT d.number, d.title, d.date, d.sha256, bm25(documents_text) * ? AS score "
        "FROM documents_text JOIN documents d ON d.rowid = documents_text.rowid "
        "WHERE documents_text MATCH ? ORDER BY score LIMIT ?",
        (TEXT_WEIGHT, match, limit),
    ).fetchall()


def merge_hits(*groups: list[tuple[Any, ...]], limit: int) -> list[tuple[Any, ...]]:
    """Rows of several searches, one per document (its best score), best first."""
    best: dict[str, tuple[Any, ...]] = {}
    for rows in groups:
        for row in rows:
            kept = best.get(row[3])
            if kept is None or row[4] < kept[4]:
                best[row[3]] = row
    return sorted(best.values(), key=lambda row: (row[4], row[0] or ""))[:limit]
