"""What ``ratsdoc parse`` writes for one document: JSON, OParl, or the text it read."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Drucksache
from ..oparl import FileFacts, IdScheme, file_facts, to_oparl
from ..trace import Trace, document_text

#: The file suffix of each output format with ``-O DIR``.
SUFFIXES = {"json": ".json", "oparl": ".oparl.json", "text": ".txt", "markdown": ".md"}
#: The name of the standard input in messages and output files.
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Parsed:
    """One parsed input: its name as given, its bytes when read here (stdin), the paper and,
    when asked for (``--debug``, ``--to``), the trace of its reading."""

    name: str
    data: bytes | None
    document: Drucksache
    trace: Trace | None = None


def _facts(item: Parsed) -> FileFacts:
    """Size and SHA-1 of the input for the OParl File (the file is read again: it parsed)."""
    data = item.data if item.data is not None else Path(item.name).read_bytes()
    return file_facts(data, item.document.source.file)


def render(item: Parsed, fmt: str, *, indent: int | None, base_url: str | None) -> str:
    """The output of one document in format ``fmt`` (json, oparl, text, markdown)."""
    if fmt in ("text", "markdown"):
        assert item.trace is not None, "text output needs the trace"
        return document_text(item.trace.lines, markdown=fmt == "markdown")
    data: Any = item.document.model_dump(mode="json")
    if fmt == "oparl":
        data = to_oparl(item.document, IdScheme(base_url), _facts(item))
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def output_path(folder: Path, item: Parsed, fmt: str, used: set[str]) -> Path:
    """A file in ``folder`` for one input with ``-O``: its stem and the format's suffix; a stem met
    twice in one call (a.pdf in two folders) gets the start of the SHA-256 added."""
    stem = "stdin" if item.name == STDIN_NAME else Path(item.name).stem
    name = stem + SUFFIXES[fmt]
    if name in used:
        name = f"{stem}-{item.document.source.sha256[:12]}{SUFFIXES[fmt]}"
    used.add(name)
    return folder / name
