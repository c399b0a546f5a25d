"""Search of the archive: the folded FTS5 query, the filters (kind, type, body, date range) and
one hit per document with its file, date, title and a marked snippet of the original text."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..text.folding import fold, fold_fts_query
from ..text.snippet import make_snippet, query_terms
from .fulltext import FOLD_FUNCTION, WEIGHTS, fts_query

#: A document's date for display and the date filters: the meeting's day for meeting
#: documents, the paper's date otherwise.
DAY = "CASE WHEN d.kind = 'meeting' THEN d.meeting_date ELSE d.date END"
_TITLE_CHARS = 120


@dataclass(frozen=True)
class SearchFilters:
    """Which documents a search may return; None leaves a filter off."""

    kind: str | None = None  # "paper" or "meeting"
    document_type: str | None = None  # compared folded: "niederschrift" finds "Niederschrift"
    body: str | None = None  # a folded substring of the body ("Bauausschuss" in "Bau- und ...")
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def where(self) -> tuple[list[str], list[Any]]:
        """SQL conditions on ``documents d`` and their parameters."""
        sql: list[str] = []
        params: list[Any] = []
        if self.kind:
            sql.append("d.kind = ?")
            params.append(self.kind)
        if self.document_type:
            sql.append(f"{FOLD_FUNCTION}(d.document_type) = ?")
            params.append(fold(self.document_type.strip()))
        if self.body:
            sql.append(f"instr({FOLD_FUNCTION}(d.body), ?) > 0")
            params.append(fold(self.body.strip()))
        if self.date_from:
            sql.append(f"{DAY} >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to:
            sql.append(f"{DAY} <= ?")
            params.append(self.date_to.isoformat())
        return sql, params


def first_heading(text: str | None) -> str | None:
    """The first non-empty line of a text (shown when a document has no title)."""
    for line in (text or "").splitlines():
        if line.strip():
            line = " ".join(line.split())
            return line if len(line) <= _TITLE_CHARS else line[: _TITLE_CHARS - 1] + "…"
    return None


_COLUMNS = f"d.rowid, d.sha256, d.number, d.title, d.kind, d.document_type, {DAY}, d.text"


def search_rows(
    conn: sqlite3.Connection, query: str, filters: SearchFilters, *, limit: int, raw: bool, fts: bool
) -> list[tuple[Any, ...]]:
    """(rowid, sha256, number, title, kind, type, day, text, score) of the best matches."""
    where, params = filters.where()
    if fts:
        match = fold_fts_query(query if raw else fts_query(query))
        weights = ", ".join(str(w) for w in WEIGHTS)
        sql = (
            f"SELECT {_COLUMNS}, bm25(documents_search, {weights}) AS score "
            "FROM documents_search JOIN documents d ON d.rowid = documents_search.rowid "
            f"WHERE documents_search MATCH ? {''.join(' AND ' + w for w in where)} "
            "ORDER BY score, d.number LIMIT ?"
        )
        return conn.execute(sql, (match, *params, limit)).fetchall()
    # SQLite without FTS5: every folded word must occur in the folded title or text.
    terms = query_terms(query) or [fold(query)]
    haystack = f"{FOLD_FUNCTION}(COALESCE(d.title, '') || ' ' || COALESCE(d.text, ''))"
    where = [*(f"instr({haystack}, ?) > 0" for _ in terms), *where]
    sql = f"SELECT {_COLUMNS}, 0.0 FROM documents d WHERE {' AND '.join(where)} ORDER BY d.number LIMIT ?"
    return conn.execute(sql, (*terms, *params, limit)).fetchall()


def hit_of(row: tuple[Any, ...], query: str, paths: list[str]) -> dict[str, Any]:
    """One search hit as a dict: where, what, when, and the marked snippet."""
    _rowid, sha256, number, title, kind, document_type, day, text, score = row
    terms = query_terms(query)
    snippet = make_snippet(text or "", terms) or make_snippet(title or "", terms)
    return {
        "file": paths[0] if paths else None,
        "kind": kind,
        "document_type": document_type,
        "date": day,
        "number": number,
        "title": title or first_heading(text),
        "snippet": snippet.text if snippet else None,
        "marks": [list(span) for span in snippet.marks] if snippet else [],
        "sha256": sha256,
        "score": round(-float(score), 4),
        "paths": paths,
    }
