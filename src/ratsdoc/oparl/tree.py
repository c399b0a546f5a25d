"""An archive as an OParl tree: one System, one Body, then the Body's papers and meetings."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .convert import to_oparl
from .ids import IdScheme, slug
from .objects import FileFacts, JsonDict, oparl_type

#: The OParl version the objects follow (System.oparlVersion).
OPARL_VERSION = "https://schema.oparl.org/1.1/"
#: Where ratsdoc comes from (System.product).
PRODUCT_URL = "https://pypi.org/project/ratsdoc/"
#: The external lists every Body names (required by the Body schema); ratsdoc fills paper and
#: meeting, the others stay empty lists of a system built from PDFs alone.
BODY_LISTS = ("organization", "person", "meeting", "paper")


def system_object(ids: IdScheme, name: str) -> JsonDict:
    """The System: OParl version, name, product and the list of its bodies."""
    return {
        "id": ids.system(),
        "type": oparl_type("System"),
        "oparlVersion": OPARL_VERSION,
        "body": ids.bodies(),
        "name": name,
        "product": PRODUCT_URL,
    }


def body_object(ids: IdScheme, name: str) -> JsonDict:
    """The Body named ``name`` with the external lists the schema requires."""
    key = slug(name)
    return {
        "id": ids.body(key),
        "type": oparl_type("Body"),
        "system": ids.system(),
        "name": name,
        **{kind: ids.body_list(key, kind) for kind in BODY_LISTS},
        "legislativeTerm": [],
    }


def oparl_tree(documents: Iterable[tuple[Any, FileFacts]], ids: IdScheme, *, body_name: str) -> Iterator[JsonDict]:
    """System, Body, then the OParl object of every document (a parsed model or its JSON dict,
    with the facts of its file), in the order given: the lines of ``export --format oparl``."""
    body = body_object(ids, body_name)
    yield system_object(ids, f"ratsdoc archive: {body_name}")
    yield body
    for document, facts in documents:
        yield to_oparl(document, ids, facts, body=body["id"])


def _file_sha1(paths: Iterable[str], sha256: str) -> str | None:
    """SHA-1 of the first stored path that still holds the bytes with ``sha256`` (the archive
    keeps only the SHA-256; a moved or changed file gives none)."""
    for name in paths:
        path = Path(name)
        try:
            if not path.is_file():
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == sha256:
            return hashlib.sha1(data, usedforsecurity=False).hexdigest()
    return None


def archive_documents(rows: Iterable[Mapping[str, Any]]) -> Iterator[tuple[JsonDict, FileFacts]]:
    """The parsed documents of archive rows (``Store.iter_rows``) with the facts of their files;
    rows without a document (failed, skipped) are left out."""
    for row in rows:
        if not row.get("document_json"):
            continue
        paths = list(row.get("paths") or [])
        facts = FileFacts(
            size=row.get("size_bytes"),
            sha1=_file_sha1(paths, row["sha256"]),
            file_name=Path(paths[0]).name if paths else None,
        )
        yield json.loads(row["document_json"]), facts
