"""The tables ``ratsdoc export`` writes from an archive: one row per document (cover and meeting
fields, path, warnings) and one row per agenda item of the meeting documents."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..ingest import CSV_COLUMNS

#: Columns of ``--table agenda_items``: the document, the item's place and its fields.
AGENDA_COLUMNS = (
    "sha256",
    "path",
    "meeting_date",
    "position",
    "number",
    "title",
    "public",
    "paper_numbers",
    "decision",
    "vote_yes",
    "vote_no",
    "vote_abstain",
    "vote_unanimous",
)
#: How lists (paths, warnings, paper numbers) are joined in one CSV cell.
JOIN = "; "


def _bool(value: Any) -> str | None:
    return None if value is None else ("true" if value else "false")


def _warnings(row: dict[str, Any]) -> list[str]:
    if row.get("warnings_json"):
        return list(json.loads(row["warnings_json"]))
    document = json.loads(row["document_json"]) if row.get("document_json") else {}
    return list(document.get("warnings") or [])


def document_row(row: dict[str, Any]) -> dict[str, Any]:
    """The CSV cells of one archive row (``paths`` from :meth:`Store.iter_rows`), by column."""
    values = {column: row.get(column) for column in CSV_COLUMNS}
    values["public"] = _bool(row.get("public"))
    text = row.get("text")
    values["text_length"] = len(text) if isinstance(text, str) else None
    values["path"] = JOIN.join(row.get("paths") or [])
    warnings = _warnings(row)
    if row.get("error_message"):
        warnings.append(f"{row.get('error_class')}: {row['error_message']}")
    values["warnings"] = JOIN.join(warnings)
    return values


def agenda_rows(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One dict per agenda item of every meeting document among ``rows``, in printed order."""
    for row in rows:
        if not row.get("document_json"):
            continue
        document = json.loads(row["document_json"])
        meeting = document.get("meeting") or {}
        paths = row.get("paths") or []
        for position, item in enumerate(document.get("agenda_items") or [], start=1):
            vote = item.get("vote") or {}
            yield {
                "sha256": row["sha256"],
                "path": paths[0] if paths else None,
                "meeting_date": meeting.get("date"),
                "position": position,
                "number": item.get("number"),
                "title": item.get("title"),
                "public": _bool(item.get("public")),
                "paper_numbers": JOIN.join(item.get("paper_numbers") or []),
                "decision": item.get("decision"),
                "vote_yes": vote.get("yes"),
                "vote_no": vote.get("no"),
                "vote_abstain": vote.get("abstain"),
                "vote_unanimous": _bool(vote.get("unanimous")),
            }
