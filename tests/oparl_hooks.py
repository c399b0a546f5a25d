"""Parse functions for ``ingest --parse-function`` in the OParl tests (no tests in this file).

:func:`golden_parse` returns, for a fixture PDF, the fields of its hand-written golden without
parsing: the OParl tests are about the crawl, not the parser. The worker loads this file by
path, so it holds no dataclass (those need their module registered).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def golden(pdf: Path) -> dict[str, Any]:
    """The hand-written golden JSON beside a fixture PDF."""
    data: dict[str, Any] = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    return data


def golden_parse(source: Any, options: Any) -> Any:
    """The golden's fields of a fixture PDF as a parsed document (found by the bytes' SHA-256)."""
    from ratsdoc.meeting_models import Meeting
    from ratsdoc.models import Drucksache, Source

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    for pdf in [*FIXTURES.glob("*.pdf"), *FIXTURES.glob("meetings/*.pdf")]:
        if hashlib.sha256(pdf.read_bytes()).hexdigest() == sha256 and pdf.with_suffix(".json").exists():
            values = golden(pdf)
            break
    else:
        raise ValueError("not a fixture PDF")
    meeting = values.get("meeting")
    return Drucksache(
        number=values.get("number"),
        title=values.get("title"),
        document_type=values.get("document_type"),
        date=values.get("date"),
        kind=values.get("kind", "paper"),
        meeting=Meeting.model_validate(meeting) if meeting else None,
        page_count=values.get("page_count") or 1,
        source=Source(file=None, sha256=sha256),
    )
