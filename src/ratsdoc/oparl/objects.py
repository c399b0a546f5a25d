"""What every OParl object ratsdoc writes shares: the type URLs, vendor keys and the File object."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .ids import IdScheme

#: The OParl 1.1 type URLs are this plus the object type ("https://schema.oparl.org/1.1/Paper").
SCHEMA_BASE = "https://schema.oparl.org/1.1/"
#: The vendor prefix of ratsdoc's own properties. The specification (3-00 "Herstellerspezifische
#: Erweiterungen") lets a system add properties under a prefix; clients must ignore unknown ones.
VENDOR = "ratsdoc:"

JsonDict = dict[str, Any]


def oparl_type(name: str) -> str:
    """The ``type`` URL of OParl object type ``name``."""
    return SCHEMA_BASE + name


def get(source: Any, name: str) -> Any:
    """Field ``name`` of a model object or of its JSON dict (None when absent)."""
    if isinstance(source, Mapping):
        return source.get(name)
    return getattr(source, name, None)


def as_json(document: Any) -> JsonDict:
    """A parsed model (pydantic) or its JSON dict, as the JSON dict the CLI prints."""
    if isinstance(document, Mapping):
        return dict(document)
    dumped: JsonDict = document.model_dump(mode="json")
    return dumped


def vendor_key(name: str) -> str:
    """The vendor key of a JSON field, camel-cased as OParl's own ("resolution_proposal" →
    "ratsdoc:resolutionProposal")."""
    head, *rest = name.split("_")
    return VENDOR + head + "".join(part[:1].upper() + part[1:] for part in rest)


def field_name(key: str) -> str:
    """The JSON field of a vendor key (the inverse of :func:`vendor_key`)."""
    name = key[len(VENDOR) :]
    return "".join(f"_{ch.lower()}" if ch.isupper() else ch for ch in name)


def vendor(values: Mapping[str, Any], skip: Iterable[str]) -> JsonDict:
    """Every value of ``values`` not in ``skip`` under its vendor key, exactly as in the JSON output."""
    left_out = set(skip)
    return {vendor_key(key): value for key, value in values.items() if key not in left_out}


def vendor_values(values: Mapping[str, Any]) -> JsonDict:
    """The JSON fields kept under vendor keys of an OParl object."""
    return {field_name(key): value for key, value in values.items() if key.startswith(VENDOR)}


def drop_none(values: Mapping[str, Any]) -> JsonDict:
    """``values`` without the keys whose value is None (OParl leaves unknown properties out)."""
    return {key: value for key, value in values.items() if value is not None}


@dataclass(frozen=True)
class FileFacts:
    """What the File object says about the PDF's bytes; None where they were not at hand."""

    size: int | None = None
    sha1: str | None = None
    file_name: str | None = None


def named_facts(facts: FileFacts | None, file_name: str | None) -> FileFacts:
    """``facts`` (or none) with ``file_name`` (the source's name) where they name no file."""
    facts = facts or FileFacts()
    if facts.file_name is None and file_name:
        return FileFacts(facts.size, facts.sha1, file_name)
    return facts


def file_facts(data: bytes, file_name: str | None = None) -> FileFacts:
    """Size and SHA-1 of a PDF's bytes (OParl's File carries ``sha1Checksum``)."""
    return FileFacts(size=len(data), sha1=hashlib.sha1(data, usedforsecurity=False).hexdigest(), file_name=file_name)


def file_object(
    ids: IdScheme, sha256: str, facts: FileFacts, *, name: str | None, date: str | None, owner: tuple[str, str]
) -> JsonDict:
    """The OParl File of the parsed PDF; ``owner`` is (``"paper"`` or ``"meeting"``, its id)."""
    kind, owner_id = owner
    return drop_none(
        {
            "id": ids.file(sha256),
            "type": oparl_type("File"),
            "name": name or facts.file_name,
            "fileName": facts.file_name,
            "mimeType": "application/pdf",
            "date": date,
            "size": facts.size,
            "sha1Checksum": facts.sha1,
            "accessUrl": ids.access_url(sha256),
            kind: [owner_id],
        }
    )
