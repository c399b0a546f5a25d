"""The folded full-text index: title, resolution, justification and the whole running text of
every document (papers and meeting documents), in the German search spelling of
:mod:`ratsdoc.text.folding`, so "Strasse" finds "Straße" and "Muenchen" finds "München".

The index holds folded copies only (a shadow of the columns in ``documents``); queries are
folded the same way, and snippets are cut from the original text (:mod:`ratsdoc.text.snippet`).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..text.folding import fold

#: rowid = the documents rowid (upserts keep it), so a re-parse replaces the entry by rowid.
SEARCH_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS documents_search USING fts5(
    title, resolution, justification, text, tokenize = 'unicode61 remove_diacritics 2'
);
"""
#: bm25 weights of the columns: the title counts most, then the resolution, the justification,
#: and the running text of the whole document.
WEIGHTS = (10.0, 4.0, 1.0, 0.5)
#: The FTS5 tables of schema 1, replaced by ``documents_search``.
OLD_TABLES = ("documents_fts", "documents_text")
#: Name of the SQL function that folds a value (registered on every connection of the store).
FOLD_FUNCTION = "ratsdoc_fold"


def register_fold(conn: sqlite3.Connection) -> None:
    """Make :func:`~ratsdoc.text.folding.fold` callable in SQL as ``ratsdoc_fold(x)``."""
    conn.create_function(FOLD_FUNCTION, 1, lambda v: fold(v) if isinstance(v, str) else v, deterministic=True)


def create_search_index(conn: sqlite3.Connection) -> None:
    """Create the search table (raises ``sqlite3.OperationalError`` where SQLite lacks FTS5)."""
    conn.execute(SEARCH_SCHEMA)


def has_search_index(conn: sqlite3.Connection) -> bool:
    """Whether the archive has the folded search table."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name='documents_search'").fetchone() is not None


def index_document(conn: sqlite3.Connection, rowid: int, document: dict[str, Any] | None) -> None:
    """Replace the indexed, folded fields of ``rowid`` with the document's (none for a failure)."""
    conn.execute("DELETE FROM documents_search WHERE rowid=?", (rowid,))
    if not document:
        return
    items = document.get("resolution_proposal") or []
    resolution = "\n".join(str(item.get("text", "")) for item in items)
    fields = (document.get("title"), resolution, document.get("justification"), document.get("text"))
    conn.execute(
        "INSERT INTO documents_search (rowid, title, resolution, justification, text) VALUES (?, ?, ?, ?, ?)",
        (rowid, *(fold(value) if isinstance(value, str) else "" for value in fields)),
    )


def fts_query(text: str) -> str:
    """Make plain words an FTS5 query: each word a quoted prefix term, all required.

    German compounds make prefixes useful ("Radweg" also finds "Radwegebau"). Queries that
    already use FTS5 syntax (quotes, ``*``, AND/OR/NOT, NEAR, parentheses) pass unchanged.
    Words are folded by the caller.
    """
    if (
        any(mark in text for mark in ('"', "*", "(", ")"))
        or any(word in text.split() for word in ("AND", "OR", "NOT"))
        or "NEAR(" in text
    ):
        return text
    words = [w.replace('"', "") for w in text.split() if w.strip()]
    return " ".join(f'"{w}"*' for w in words)
