"""The JSON Schema of the output (``ratsdoc schema``): every field described, a union on ``kind``."""

from __future__ import annotations

from typing import Any

from .models import MEETING_FIELDS, Drucksache

#: Descriptions of the fields declared without one in the models, as "Model.field: text" lines.
_DESCRIBED = """
Drucksache.number: The paper's own number as printed (Drucksache, Vorlage): '0815/23'.
Drucksache.title: The subject (Betreff) or, without one, the heading of the document.
Drucksache.document_type: The type as printed: 'Beschlussvorlage', 'Antrag', 'Einladung', 'Niederschrift'.
Drucksache.public: True for a public paper, False for a non-public one; None if not stated.
Drucksache.body: The committee or council the paper goes to, or that meets (meetings).
Drucksache.originator: Who issued the paper: an office, a department, a faction.
Drucksache.faction: The faction, when the originator is one.
Drucksache.date: The date printed on the paper (for minutes and invitations: the letter's date).
Drucksache.consultations: The Beratungsfolge: bodies, dates and roles; papers only.
Drucksache.resolution_proposal: The items of the Beschlussvorschlag; papers only.
Drucksache.checkboxes: Groups of ticked or empty boxes on the cover; papers only.
Drucksache.finances: The finance table; papers only.
Drucksache.attachments: Names of the attachments (Anlagen).
Drucksache.justification: The Begründung / Sachverhalt text; papers only.
Drucksache.links: Web addresses printed or linked in the document.
Drucksache.kind: 'paper' for Drucksachen and letters, 'meeting' for invitations, agendas and minutes.
Drucksache.meeting: The session: date, start, end, location, number; meetings only.
Drucksache.agenda_items: The agenda items (TOP) in printed order; meetings only.
Drucksache.attendees: People present, with role and faction; minutes only.
Drucksache.speeches: Speaker turns of verbatim minutes (Wortprotokoll), in order.
Drucksache.text: The whole running text in reading order, running headers, footers and page numbers removed.
Drucksache.page_count: Number of pages of the PDF.
Drucksache.source: The input file.
Drucksache.profile: The layout profile that read the document.
Drucksache.warnings: What could not be read or is in doubt, one message each.
Drucksache.provenance: For each field, the pages and boxes it was read from.
BBox.x0: Left edge in points.
BBox.top: Top edge in points from the top of the page.
BBox.x1: Right edge in points.
BBox.bottom: Bottom edge in points from the top of the page.
Provenance.page: Page number, 1-based.
Provenance.bbox: The box on that page.
Source.file: The file name as given; None for bytes.
Source.sha256: SHA-256 of the file's bytes.
Consultation.body: The body that treats the paper.
Consultation.date: The meeting date of that body.
Consultation.public: Whether that meeting treats it in public.
Consultation.role: The role: 'Vorberatung', 'Entscheidung', ...
ResolutionItem.number: The printed item number ('01'), if any.
ResolutionItem.text: The item's text.
CheckboxOption.label: The box's label.
CheckboxOption.checked: Ticked; None only if the state is unclear.
CheckboxGroup.label: The group's label.
CheckboxGroup.options: The boxes of the group.
CheckboxGroup.selected: The single ticked option's label, else None.
FinanceRow.label: The row's label.
FinanceRow.amounts: Amount per year column (None for a blank cell).
Finances.rows: The rows of the finance table.
Finances.total_cost: The total cost, if printed.
ProfileMatch.name: The profile's name.
ProfileMatch.confidence: How sure the match was, 0..1.
Vote.yes: Votes in favour (Ja).
Vote.no: Votes against (Nein).
Vote.abstain: Abstentions (Enthaltung).
Vote.unanimous: True for 'einstimmig', False when counts show votes against; None if unknown.
"""
#: The same as {definition name: {field: description}}.
DESCRIPTIONS: dict[str, dict[str, str]] = {}
for _line in _DESCRIBED.strip().splitlines():
    _key, _text = _line.split(": ", 1)
    _model, _field = _key.split(".")
    DESCRIPTIONS.setdefault(_model, {})[_field] = _text


def _describe(schema: dict[str, Any], name: str) -> None:
    """Fill the descriptions of definition ``name`` from :data:`DESCRIPTIONS` where it has none."""
    for field, prop in schema.get("properties", {}).items():
        text = DESCRIPTIONS.get(name, {}).get(field)
        if text and "description" not in prop:
            prop["description"] = text


def _union_on_kind() -> list[dict[str, Any]]:
    """The two shapes of the object: a paper leaves the meeting fields empty, a meeting the
    Drucksache-only fields."""
    empty_meeting: dict[str, Any] = {name: {"maxItems": 0} for name in MEETING_FIELDS if name != "meeting"}
    empty_meeting["meeting"] = {"type": "null"}
    paper_only = {
        "consultations": {"maxItems": 0},
        "resolution_proposal": {"maxItems": 0},
        "checkboxes": {"maxItems": 0},
        "finances": {"type": "null"},
        "justification": {"type": "null"},
    }
    return [
        {"title": "Paper", "properties": {"kind": {"const": "paper"}, **empty_meeting}},
        {"title": "Meeting", "properties": {"kind": {"const": "meeting"}, **paper_only}},
    ]


def document_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`~ratsdoc.models.Drucksache`, as ``ratsdoc schema`` prints it."""
    schema = Drucksache.model_json_schema()
    _describe(schema, "Drucksache")
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, name)
    schema["oneOf"] = _union_on_kind()
    return schema
