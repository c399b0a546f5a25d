"""A parsed council paper as an OParl 1.1 Paper, with ratsdoc's own fields under vendor keys."""

from __future__ import annotations

from typing import Any

from .ids import IdScheme
from .objects import (
    FileFacts,
    JsonDict,
    as_json,
    drop_none,
    file_object,
    named_facts,
    oparl_type,
    vendor,
    vendor_values,
)

#: The paper's fields that have an OParl property of their own; the rest go under vendor keys.
#: ``consultations`` become Consultation objects (their body, date and public state as vendor
#: keys, since OParl links a consultation to an Organization and a Meeting, which a PDF lacks).
PAPER_PROPERTIES = {"number": "reference", "title": "name", "date": "date", "document_type": "paperType"}
MAPPED_FIELDS = (*PAPER_PROPERTIES, "consultations")


def _consultation(ids: IdScheme, paper_id: str, index: int, row: dict[str, Any]) -> JsonDict:
    return {
        **drop_none(
            {
                "id": ids.part(paper_id, "consultation", index),
                "type": oparl_type("Consultation"),
                "paper": paper_id,
                "role": row.get("role"),
            }
        ),
        **vendor(row, skip=("role",)),
    }


def paper_object(document: Any, ids: IdScheme, facts: FileFacts | None = None, *, body: str | None = None) -> JsonDict:
    """The OParl Paper of ``document`` (a parsed paper or its JSON dict).

    reference, name, date and paperType are the number, title, date and document type; each
    Beratungsfolge row is a Consultation; the PDF is the mainFile. Every other field of the
    JSON output (resolution items, checkboxes, finances, warnings, provenance, ...) is kept
    unchanged under ``ratsdoc:<field>``, camel-cased (``ratsdoc:resolutionProposal``).
    ``facts`` adds size and SHA-1 of the file's bytes; ``body`` is the id of the paper's Body.
    """
    values = as_json(document)
    sha256 = values["source"]["sha256"]
    paper_id = ids.paper(sha256)
    facts = named_facts(facts, values["source"].get("file"))
    core = drop_none(
        {
            "id": paper_id,
            "type": oparl_type("Paper"),
            "body": body,
            **{oparl: values.get(field) for field, oparl in PAPER_PROPERTIES.items()},
        }
    )
    consultations = [_consultation(ids, paper_id, i, row) for i, row in enumerate(values.get("consultations") or [], 1)]
    if consultations:
        core["consultation"] = consultations
    core["mainFile"] = file_object(
        ids, sha256, facts, name=values.get("title"), date=values.get("date"), owner=("paper", paper_id)
    )
    return {**core, **vendor(values, skip=MAPPED_FIELDS)}


def paper_values(paper: JsonDict) -> JsonDict:
    """The JSON output's fields read back from an OParl Paper written by :func:`paper_object`."""
    values: JsonDict = {field: paper.get(oparl) for field, oparl in PAPER_PROPERTIES.items()}
    values["consultations"] = [{"role": row.get("role"), **vendor_values(row)} for row in paper.get("consultation", [])]
    values.update(vendor_values(paper))
    return values
