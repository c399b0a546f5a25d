"""A parsed meeting document (invitation, minutes) as an OParl 1.1 Meeting with AgendaItems.

The mapping reads a few named fields only (:class:`MeetingFields`), so it works with any model
of a meeting that has them: a parsed model whose ``kind`` is ``"meeting"`` or its JSON dict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from .ids import IdScheme
from .objects import FileFacts, JsonDict, as_json, drop_none, file_object, get, named_facts, oparl_type, vendor

#: Which of a Meeting's file properties the PDF fills, by words of its document type; any other
#: meeting document is an auxiliaryFile (OParl 1.1, Meeting: invitation, resultsProtocol,
#: verbatimProtocol).
_FILE_ROLES = (
    ("wortprotokoll", "verbatimProtocol"),
    ("niederschrift", "resultsProtocol"),
    ("protokoll", "resultsProtocol"),
    ("einladung", "invitation"),
    ("tagesordnung", "invitation"),
)


@dataclass(frozen=True)
class AgendaItemFields:
    """What an AgendaItem takes from one item of a meeting's agenda."""

    number: str | None = None
    name: str | None = None
    public: bool | None = None
    result: str | None = None
    resolution_text: str | None = None


@dataclass(frozen=True)
class MeetingFields:
    """What a Meeting takes from a parsed meeting document (dates and times as ISO strings)."""

    sha256: str
    file_name: str | None = None
    name: str | None = None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    document_type: str | None = None
    agenda_items: Sequence[AgendaItemFields] = field(default_factory=tuple)


def _first(source: Any, *names: str) -> Any:
    return next((value for name in names if (value := get(source, name)) is not None), None)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _moment(date: Any, time: Any) -> str | None:
    """ "YYYY-MM-DD" and "HH:MM" as "YYYY-MM-DDTHH:MM"; the date alone without a time."""
    if date is None:
        return None
    return f"{date}T{time}" if time else str(date)


def _result(vote: Any) -> str | None:
    """A vote as OParl's free-text result: "einstimmig" or "Ja 23, Nein 5, Enthaltung 2"."""
    if not vote:
        return None
    if get(vote, "unanimous"):
        return "einstimmig"
    counts = [(label, get(vote, key)) for label, key in (("Ja", "yes"), ("Nein", "no"), ("Enthaltung", "abstain"))]
    text = ", ".join(f"{label} {count}" for label, count in counts if count is not None)
    return text or None


def meeting_fields(document: Any) -> MeetingFields | None:
    """The fields of ``document`` when it is a meeting (``kind == "meeting"``), else None.

    Read: the ``meeting`` header (``date``, ``start``, ``end``, ``location``, ``number``), the
    ``body`` and ``document_type``, the source's ``sha256`` and the ``agenda_items``, each with
    ``number``, ``title``, ``public``, ``decision`` (the resolution text) and ``vote`` (the result).
    """
    values = as_json(document)
    if values.get("kind") != "meeting":
        return None
    header = values.get("meeting") or {}
    date = get(header, "date")
    name = " ".join(str(part) for part in (get(header, "number"), values.get("body")) if part)
    return MeetingFields(
        sha256=values["source"]["sha256"],
        file_name=values["source"].get("file"),
        name=name or _text(values.get("title")) or _text(values.get("document_type")),
        start=_moment(date, get(header, "start")),
        end=_moment(date, get(header, "end")),
        location=_text(get(header, "location")),
        document_type=_text(values.get("document_type")),
        agenda_items=tuple(
            AgendaItemFields(
                number=_text(get(item, "number")),
                name=_text(get(item, "title")),
                public=get(item, "public"),
                result=_result(get(item, "vote")),
                resolution_text=_text(get(item, "decision")),
            )
            for item in values.get("agenda_items") or []
        ),
    )


#: The time zone of a time printed without one: German council documents give local time.
LOCAL_TIME = "Europe/Berlin"


def date_time(text: str | None) -> str | None:
    """An ISO date and time as OParl's RFC 3339 date-time: a time printed without zone gets the
    local offset of that day ("2024-03-06T17:00" → "2024-03-06T17:00:00+01:00"). A date alone
    is no date-time: None (the meeting keeps it under a vendor key)."""
    if not text or "T" not in text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(LOCAL_TIME))
    return moment.isoformat()


def _file_role(document_type: str | None) -> str:
    folded = (document_type or "").casefold()
    return next((role for word, role in _FILE_ROLES if word in folded), "auxiliaryFile")


def meeting_object(
    fields: MeetingFields,
    ids: IdScheme,
    facts: FileFacts | None = None,
    *,
    body: str | None = None,
    extra: JsonDict | None = None,
) -> JsonDict:
    """The OParl Meeting of ``fields``: name, start, end, location, one AgendaItem per agenda
    item (numbered ``order`` from 1) and the PDF as invitation, protocol or auxiliary file.
    ``extra`` (the rest of the JSON output) goes under vendor keys; ``body`` is unused by the
    Meeting object itself (OParl links meetings to organizations) and kept as a vendor key."""
    meeting_id = ids.meeting(fields.sha256)
    items = [
        drop_none(
            {
                "id": ids.part(meeting_id, "agendaitem", order),
                "type": oparl_type("AgendaItem"),
                "meeting": meeting_id,
                "number": item.number,
                "order": order,
                "name": item.name,
                "public": item.public,
                "result": item.result,
                "resolutionText": item.resolution_text,
            }
        )
        for order, item in enumerate(fields.agenda_items, 1)
    ]
    location = None
    if fields.location:
        location = {
            "id": ids.part(meeting_id, "location", 1),
            "type": oparl_type("Location"),
            "description": fields.location,
        }
    the_file = file_object(
        ids,
        fields.sha256,
        named_facts(facts, fields.file_name),
        name=fields.name,
        date=(fields.start or "")[:10] or None,
        owner=("meeting", meeting_id),
    )
    role = _file_role(fields.document_type)
    core = drop_none(
        {
            "id": meeting_id,
            "type": oparl_type("Meeting"),
            "name": fields.name,
            "start": date_time(fields.start),
            "end": date_time(fields.end),
            "location": location,
            "agendaItem": items or None,
            role: [the_file] if role == "auxiliaryFile" else the_file,
        }
    )
    kept = {**(extra or {}), **({"body": body} if body else {})}
    for name, value in (("start", fields.start), ("end", fields.end)):
        if value and core.get(name) is None:
            kept[name] = value  # a date without a time, or unreadable: kept as printed
    return {**core, **vendor(kept, skip=())}


#: Keys of a meeting document that the Meeting object itself carries; the rest go under vendor keys.
MAPPED_FIELDS = ("kind", "meeting", "agenda_items")
