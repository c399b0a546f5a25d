"""Test-only parse functions for ``ratsdoc ingest --parse-function`` (no tests in this file).

The ingest workers call ``--parse-function FILE.py:hook_parse`` instead of ``ratsdoc.parse``;
this is the documented hook of the ingest engine, not something the normal path consults.
Markers in the input bytes choose the behaviour:

* ``HANG``  sleeps for an hour (the worker must be killed at the time limit);
* ``HOG``   allocates memory until it fails (the memory limit must stop it);
* ``SLOW``  sleeps 0.25 s first (keeps a run going long enough to kill it);
* ``FAKE``  returns a Drucksache built from ``% key: value`` comment lines, without parsing;
* anything else is handed to :func:`ratsdoc.parse`.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any


def fake_pdf(
    number: str, title: str, *, extra: str = "", resolution: str = "", justification: str = "", date: str = "2024-03-01"
) -> bytes:
    """Bytes that start like a PDF and carry the fields :func:`hook_parse` reads."""
    lines = [
        "%PDF-1.4",
        "% FAKE",
        f"% number: {number}",
        f"% title: {title}",
        f"% date: {date}",
        f"% resolution: {resolution}",
        f"% justification: {justification}",
        f"% extra: {extra}",
        "%%EOF",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def hook_parse(source: Any, options: Any) -> Any:
    """Behave as the markers in ``source`` say (see the module docstring)."""
    from ratsdoc import parse
    from ratsdoc.models import Drucksache, ProfileMatch, ResolutionItem, Source

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    if b"HANG" in data:
        time.sleep(3600)
    if b"HOG" in data:
        hoard = []
        while True:  # touch every page so the memory is really used
            hoard.append(bytearray(b"x" * (50 * 1024 * 1024)))
    if b"SLOW" in data:
        time.sleep(0.25)
    if b"% FAKE" not in data:
        return parse(source, options)
    fields: dict[str, str] = {}
    for line in data.decode("utf-8").splitlines():
        if line.startswith("% ") and ":" in line:
            key, _, value = line[2:].partition(":")
            fields[key.strip()] = value.strip()
    return Drucksache(
        number=fields.get("number"),
        title=fields.get("title"),
        document_type="Beschlussvorlage",
        public=True,
        body="Stadtrat",
        date=fields.get("date") or None,
        resolution_proposal=[ResolutionItem(number="01", text=fields["resolution"])]
        if fields.get("resolution")
        else [],
        justification=fields.get("justification") or None,
        page_count=1,
        source=Source(file=None, sha256=hashlib.sha256(data).hexdigest()),
        profile=ProfileMatch(name="fake", confidence=1.0),
    )
