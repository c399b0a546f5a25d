"""Where a council system's OParl metadata and the PDF's printed fields disagree.

A Paper's mainFile is the paper itself: its ``reference``, ``name`` and ``date`` should be the
number, title and date printed on it (the same pairs :data:`~ratsdoc.oparl.paper.PAPER_PROPERTIES`
writes out). A Meeting's invitation and protocols print the meeting's date, which should be the
date of its ``start``. Attachments (auxiliaryFile) carry their own numbers and are not compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .meeting import meeting_fields
from .objects import JsonDict
from .paper import PAPER_PROPERTIES

#: The File roles whose PDF is the Meeting's own document.
MEETING_ROLES = ("invitation", "resultsProtocol", "verbatimProtocol")


@dataclass(frozen=True)
class Disagreement:
    """One field on which the OParl object (``oparl``) and the parsed PDF (``parsed``) differ."""

    field: str  # the OParl property ("reference", "name", "date", "start")
    oparl: str
    parsed: str


def _words(value: Any) -> str:
    """A text compared without case and spacing differences."""
    return " ".join(str(value).split()).casefold()


def _reference(value: Any) -> str:
    """A reference compared without spaces ("1203 / 24" is "1203/24")."""
    return "".join(str(value).split()).casefold()


def _day(value: Any) -> str:
    """The calendar day of a date or date-time ("2024-05-14T17:00:00+02:00" → "2024-05-14")."""
    return str(value)[:10]


_NORMALISE = {"reference": _reference, "name": _words, "date": _day}


def _differs(name: str, oparl: Any, parsed: Any) -> Disagreement | None:
    if oparl in (None, "") or parsed in (None, ""):
        return None  # a value missing on one side is no disagreement
    normalise = _NORMALISE.get(name, _day)
    if normalise(oparl) == normalise(parsed):
        return None
    return Disagreement(name, str(oparl), str(parsed))


def disagreements(kind: str, obj: JsonDict, role: str, document: JsonDict | None) -> list[Disagreement]:
    """The fields of ``obj`` (a "paper" or "meeting") that the parsed ``document`` of its ``role``
    File contradicts; none for attachments or when the PDF was not parsed."""
    if not document:
        return []
    found: list[Disagreement | None] = []
    if kind == "paper" and role == "mainFile":
        found = [_differs(oparl, obj.get(oparl), document.get(name)) for name, oparl in PAPER_PROPERTIES.items()]
        found = [item for item in found if item is None or item.field != "paperType"]  # two vocabularies
    elif kind == "meeting" and role in MEETING_ROLES:
        fields = meeting_fields(document)
        printed = fields.start if fields is not None else None
        found = [_differs("start", obj.get("start"), printed)]
    return [item for item in found if item is not None]
