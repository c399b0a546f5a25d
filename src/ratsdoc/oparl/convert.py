"""One parsed document to its OParl object: a Meeting for a meeting model, else a Paper."""

from __future__ import annotations

from typing import Any

from .ids import IdScheme
from .meeting import MAPPED_FIELDS, meeting_fields, meeting_object
from .objects import FileFacts, JsonDict, as_json
from .paper import paper_object


def to_oparl(
    document: Any, ids: IdScheme | None = None, facts: FileFacts | None = None, *, body: str | None = None
) -> JsonDict:
    """The OParl object of one parsed document: a Meeting when it is a meeting model
    (``kind == "meeting"``), else a Paper. ``ids`` defaults to URNs from the file's SHA-256."""
    scheme = ids or IdScheme()
    meeting = meeting_fields(document)
    if meeting is not None:
        extra = {k: v for k, v in as_json(document).items() if k not in MAPPED_FIELDS}
        return meeting_object(meeting, scheme, facts, body=body, extra=extra)
    return paper_object(document, scheme, facts, body=body)
