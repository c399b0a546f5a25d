"""OParl out: every object ``parse --format oparl`` and ``export --format oparl`` write is valid
OParl 1.1 (validated against the specification's schemas), and holds the JSON output's values."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import ratsdoc
from ratsdoc.cli import main
from ratsdoc.models import Drucksache
from ratsdoc.oparl import (
    SCHEMA_BASE,
    AgendaItemFields,
    FileFacts,
    IdScheme,
    MeetingFields,
    file_facts,
    meeting_object,
    oparl_tree,
    paper_values,
    to_oparl,
)

from .conftest import FIXTURES, ROOT, fixture_pdfs

jsonschema = pytest.importorskip("jsonschema")


def _oparl_folder() -> Path | None:
    """The shared OParl folder (schemas, examples) beside the checkout or a parent of it."""
    for parent in ROOT.parents:
        folder = parent / "shared" / "oparl" / "schema"
        if folder.is_dir():
            return folder
    return None


SCHEMAS = _oparl_folder()
needs_schemas = pytest.mark.skipif(SCHEMAS is None, reason="the shared OParl schemas (../shared/oparl) are absent")


@cache
def _validator(name: str) -> Any:
    assert SCHEMAS is not None
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every OParl object in ``value``: itself and the ones nested in it (consultations, files)."""
    if isinstance(value, dict):
        if str(value.get("type", "")).startswith(SCHEMA_BASE):
            yield value
        for item in value.values():
            yield from _objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def validate(value: dict[str, Any]) -> int:
    """Validate ``value`` and every object in it against its OParl schema; the count checked."""
    count = 0
    for obj in _objects(value):
        name = obj["type"][len(SCHEMA_BASE) :]
        _validator(name).validate(obj)
        count += 1
    return count


@cache
def _parsed(name: str) -> Drucksache:
    return ratsdoc.parse(FIXTURES / name)


@needs_schemas
def test_the_validator_rejects_a_paper_without_the_right_type() -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate({"id": "urn:x", "type": SCHEMA_BASE + "Paper", "date": "9. Januar"})
    with pytest.raises(jsonschema.ValidationError):
        validate({"id": "urn:x", "type": SCHEMA_BASE + "File"})  # accessUrl is required


@needs_schemas
@pytest.mark.parametrize("pdf", fixture_pdfs(), ids=lambda p: p.stem)
def test_every_fixture_is_a_valid_paper_or_meeting_with_the_json_values(pdf: Path) -> None:
    document = _parsed(pdf.name)
    paper = to_oparl(document, IdScheme(), file_facts(pdf.read_bytes(), pdf.name))
    if document.kind == "meeting":
        assert paper["type"] == SCHEMA_BASE + "Meeting" and validate(paper) >= 1
        assert len(paper.get("agendaItem", [])) == len(document.agenda_items)
        return
    assert validate(paper) >= 2  # the Paper and its mainFile at least
    out = document.model_dump(mode="json")
    assert paper["reference"] == out["number"] if out["number"] else "reference" not in paper
    assert paper.get("name") == out["title"] and paper.get("date") == out["date"]
    assert paper.get("paperType") == out["document_type"]
    assert len(paper.get("consultation", [])) == len(out["consultations"])
    # Everything else of the JSON output is kept: read back, it is the JSON output.
    assert paper_values(paper) == out
    main_file = paper["mainFile"]
    assert main_file["size"] == pdf.stat().st_size and main_file["fileName"] == pdf.name
    assert len(main_file["sha1Checksum"]) == 40 and main_file["mimeType"] == "application/pdf"


def test_ids_are_stable_urns_of_the_sha256_or_urls_under_the_base() -> None:
    document = _parsed("erfurt-0112-23-glyphs.pdf")
    sha = document.source.sha256
    urn = to_oparl(document)
    assert urn["id"] == f"urn:ratsdoc:paper:{sha}" and urn["mainFile"]["id"] == f"urn:ratsdoc:file:{sha}"
    assert urn["consultation"][1]["id"] == f"urn:ratsdoc:paper:{sha}:consultation:2"
    url = to_oparl(document, IdScheme("https://rat.example.org/oparl"))
    assert url["id"] == f"https://rat.example.org/oparl/paper/{sha}"
    assert url["mainFile"]["accessUrl"] == f"https://rat.example.org/oparl/file/{sha}.pdf"
    assert to_oparl(document) == urn  # stable


def test_ratsdoc_fields_are_under_vendor_keys() -> None:
    paper = to_oparl(_parsed("erfurt-0112-23-glyphs.pdf"))
    assert paper["ratsdoc:resolutionProposal"][0]["number"] == "01"
    assert paper["ratsdoc:checkboxes"][-1]["selected"] == "Nein"
    assert "ratsdoc:provenance" in paper and "ratsdoc:warnings" in paper and "ratsdoc:finances" in paper
    assert paper["consultation"][0]["role"] == "Vorberatung"
    assert paper["consultation"][0]["ratsdoc:public"] is False
    assert not [k for k in paper if ":" not in k and k not in _validator_properties("Paper")]


def _validator_properties(name: str) -> set[str]:
    if SCHEMAS is None:
        return {"id", "type", "body", "name", "reference", "date", "paperType", "consultation", "mainFile"}
    return set(json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))["properties"])


@needs_schemas
def test_a_meeting_maps_to_a_valid_meeting_with_agenda_items() -> None:
    fields = MeetingFields(
        sha256="ab" * 32,
        name="3. Sitzung des Stadtrates",
        start="2024-03-06T17:00:00+01:00",
        end="2024-03-06T21:15:00+01:00",
        location="Rathaus, Festsaal",
        document_type="Niederschrift",
        agenda_items=(
            AgendaItemFields("1", "Eröffnung", True, None, None),
            AgendaItemFields("2", "Radweg Nordstraße", False, "beschlossen", "Der Stadtrat beschließt den Bau."),
        ),
    )
    meeting = meeting_object(fields, IdScheme(), FileFacts(size=10, sha1="0" * 40, file_name="n.pdf"))
    assert validate(meeting) == 5  # Meeting, Location, two AgendaItems, the protocol File
    assert meeting["resultsProtocol"]["fileName"] == "n.pdf"
    second = meeting["agendaItem"][1]
    assert (second["number"], second["order"], second["public"], second["result"]) == ("2", 2, False, "beschlossen")
    assert second["resolutionText"] == "Der Stadtrat beschließt den Bau."


@needs_schemas
def test_a_parsed_niederschrift_becomes_a_meeting() -> None:
    pdf = FIXTURES / "meetings" / "niederschrift-1.pdf"
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    document = ratsdoc.parse(pdf)
    assert document.kind == "meeting"
    meeting = to_oparl(document)
    assert meeting["type"] == SCHEMA_BASE + "Meeting"
    assert validate(meeting) >= 2 + len(golden["agenda_items"])  # Meeting, Location, every item
    session = golden["meeting"]
    assert meeting["start"].startswith(f"{session['date']}T{session['start']}")
    assert meeting["end"].startswith(f"{session['date']}T{session['end']}")
    assert meeting["location"]["description"] == session["location"]
    items = meeting["agendaItem"]
    assert [item["name"] for item in items] == [item["title"] for item in golden["agenda_items"]]
    voted = next(i for i, item in enumerate(golden["agenda_items"]) if item["vote"])
    vote = golden["agenda_items"][voted]["vote"]
    assert items[voted]["result"] == f"Ja {vote['yes']}, Nein {vote['no']}, Enthaltung {vote['abstain']}"
    assert items[voted]["resolutionText"] == golden["agenda_items"][voted]["decision"]
    assert meeting["ratsdoc:documentType"] == "Niederschrift"


@needs_schemas
def test_a_tree_is_system_body_and_papers() -> None:
    pdfs = [FIXTURES / "erfurt-0112-23-glyphs.pdf", FIXTURES / "gotha-2024-123-gehweg.pdf"]
    documents = [(_parsed(p.name), file_facts(p.read_bytes(), p.name)) for p in pdfs]
    tree = list(oparl_tree(documents, IdScheme("https://x.example/oparl"), body_name="Stadt Beispiel"))
    assert [t["type"][len(SCHEMA_BASE) :] for t in tree] == ["System", "Body", "Paper", "Paper"]
    for item in tree:
        validate(item)
    assert tree[1]["id"] == "https://x.example/oparl/body/stadt-beispiel" and tree[0]["body"].endswith("/body")
    assert {t["body"] for t in tree[2:]} == {tree[1]["id"]}


@needs_schemas
def test_parse_format_oparl_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    pdf = FIXTURES / "erfurt-0112-23-glyphs.pdf"
    assert main(["parse", str(pdf), "--format", "oparl", "--base-url", "https://x.example/o/"]) == 0
    paper = json.loads(capsys.readouterr().out)
    assert validate(paper) == 4 and paper["id"].startswith("https://x.example/o/paper/")
    assert main(["parse", str(pdf), "--format", "oparl", "--base-url", "ftp://x"]) == 2
    assert "not an http(s) URL" in capsys.readouterr().err


@needs_schemas
def test_export_format_oparl_writes_a_valid_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("erfurt-0112-23-glyphs.pdf", "gotha-2024-123-gehweg.pdf"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 nothing")
    db = tmp_path / "rat.sqlite"
    assert main(["ingest", str(folder), "--db", str(db), "-j", "1", "--progress", "none", "--json"]) == 1
    capsys.readouterr()
    out = tmp_path / "tree.jsonl"
    assert main(["export", str(db), "--format", "oparl", "--body-name", "Stadt Beispiel", "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [t["type"][len(SCHEMA_BASE) :] for t in lines] == ["System", "Body", "Paper", "Paper"]
    for item in lines:
        validate(item)
    by_number = {p["reference"]: p for p in lines[2:]}
    erfurt = by_number["0112/23"]
    pdf = FIXTURES / "erfurt-0112-23-glyphs.pdf"
    assert erfurt["mainFile"]["size"] == pdf.stat().st_size
    assert erfurt["mainFile"]["sha1Checksum"] == file_facts(pdf.read_bytes()).sha1
    assert paper_values(erfurt) == _parsed(pdf.name).model_dump(mode="json")


def test_meeting_times_without_zone_get_the_local_offset() -> None:
    from ratsdoc.oparl.meeting import date_time

    assert date_time("2024-03-06T17:00:00") == "2024-03-06T17:00:00+01:00"
    assert date_time("2024-07-03T17:00") == "2024-07-03T17:00:00+02:00"  # summer time
    assert date_time("2024-07-03T17:00:00+00:00") == "2024-07-03T17:00:00+00:00"
    assert date_time("2024-07-03") is None and date_time(None) is None
    meeting = meeting_object(MeetingFields(sha256="ef" * 32, start="2024-07-03"), IdScheme())
    assert "start" not in meeting and meeting["ratsdoc:start"] == "2024-07-03"
