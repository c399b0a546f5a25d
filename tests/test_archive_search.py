"""``ratsdoc search`` and ``ratsdoc export`` on an archive of hand-written documents: German
folding, the filters, the marked snippet, queries starting with "-", the CSV tables and the
mode of ``-o`` files."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from ratsdoc.cli import main
from ratsdoc.ingest import Store
from ratsdoc.meeting_models import AgendaItem, Meeting, Vote
from ratsdoc.models import Drucksache, Source
from ratsdoc.status import ExitCode, ParseStatus

NIEDERSCHRIFT = (
    "Niederschrift\n5. Sitzung des Stadtrats\nTOP 1 Lärmschutz\n"
    "Die Anwohner der Hauptstraße in München fragen nach der Lärmschutzwand."
)
DOCUMENTS: dict[str, Drucksache] = {
    "vorlage-radweg.pdf": Drucksache(
        number="0012/23",
        title="Radweg in der Straße Am Anger",
        document_type="Beschlussvorlage",
        body="Bau- und Verkehrsausschuss",
        date=dt.date(2023, 5, 1),
        text="Beschlussvorlage\nRadweg in der Straße Am Anger\nDer Ausschuss beschließt den Ausbau.",
        page_count=2,
        source=Source(file="vorlage-radweg.pdf", sha256="0" * 64),
    ),
    "niederschrift-5.pdf": Drucksache(
        kind="meeting",
        document_type="Niederschrift",
        date=dt.date(2022, 1, 3),  # written on another day than the meeting: the filter uses the meeting's
        meeting=Meeting(date=dt.date(2023, 2, 1), start="17:00", end="19:30", location="Rathaus", number="5. Sitzung"),
        agenda_items=[
            AgendaItem(number="1", title="Lärmschutz", public=True, paper_numbers=["0012/23", "0013/23"]),
            AgendaItem(
                number="2", title="Anfragen", public=False, decision="Zugestimmt.", vote=Vote(yes=20, no=1, abstain=2)
            ),
        ],
        text=NIEDERSCHRIFT,
        page_count=3,
        source=Source(file="niederschrift-5.pdf", sha256="0" * 64),
        warnings=["no vote was found for item 1"],
    ),
    "einladung-4.pdf": Drucksache(
        kind="meeting",
        title="Einladung zur 4. Sitzung",
        document_type="Einladung",
        meeting=Meeting(date=dt.date(2022, 11, 10)),
        text="Einladung\nTagesordnung: Verkehr in der MUENCHENER STRASSE",
        page_count=1,
        source=Source(file="einladung-4.pdf", sha256="0" * 64),
    ),
    "vorlage-ärger.pdf": Drucksache(
        number="-7/22",
        title="Ärger über Parkplätze",
        document_type="Mitteilungsvorlage",
        body="Stadtrat",
        date=dt.date(2022, 1, 1),
        text="Mitteilung\nDer Ärger über fehlende Parkplätze wächst.",
        page_count=1,
        source=Source(file="vorlage-ärger.pdf", sha256="0" * 64),
    ),
}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    db = tmp_path / "archive.sqlite"
    store = Store(db)
    try:
        for name, document in DOCUMENTS.items():
            key = hashlib.sha256(name.encode()).hexdigest()
            store.add_path(key, f"papers/{name}", None)
            status = ParseStatus.WARNING if document.warnings else ParseStatus.OK
            result = {"key": key, "status": status, "document_json": document.model_dump_json(), "page_count": 1}
            store.record_result(result, version="test", run_id=None, size=1)  # type: ignore[arg-type]
    finally:
        store.close()
    return db


def _search(db: Path, *args: str) -> list[dict[str, object]]:
    store = Store(db, create=False)
    try:
        return store.search(" ".join(args))
    finally:
        store.close()


def _hits(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> list[str]:
    assert main(["search", str(db), "--json", *args]) == ExitCode.OK
    return [Path(json.loads(line)["file"]).name for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize("query", ["Straße", "Strasse", "STRASSE", "straße", "STRAẞE"])
def test_every_spelling_of_strasse_finds_every_spelling(archive: Path, query: str) -> None:
    files = {Path(str(hit["file"])).name for hit in _search(archive, query)}
    assert files == {"vorlage-radweg.pdf", "einladung-4.pdf"}  # "Hauptstraße" is not a word starting so


@pytest.mark.parametrize("query", ["München", "Muenchen", "MÜNCHEN", "muenchen"])
def test_umlauts_and_their_transliteration_match(archive: Path, query: str) -> None:
    files = {Path(str(hit["file"])).name for hit in _search(archive, query)}
    assert files == {"niederschrift-5.pdf", "einladung-4.pdf"}


def test_a_word_only_in_the_body_of_minutes_is_found_with_its_snippet(archive: Path) -> None:
    [hit] = _search(archive, "Laermschutzwand")
    assert hit["file"] == "papers/niederschrift-5.pdf"
    assert (hit["kind"], hit["document_type"], hit["date"]) == ("meeting", "Niederschrift", "2023-02-01")
    assert hit["title"] == "Niederschrift"  # no title: the first heading of the text
    snippet = str(hit["snippet"])
    [[start, end]] = hit["marks"]  # type: ignore[misc]
    assert snippet[start:end] == "Lärmschutzwand"
    assert "\n" not in snippet


def test_filters(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    everything = ["Straße OR München OR Ärger OR Radweg"]
    assert len(_hits(capsys, archive, "--raw", *everything)) == 4
    assert sorted(_hits(capsys, archive, "--raw", "--kind", "meeting", *everything)) == [
        "einladung-4.pdf",
        "niederschrift-5.pdf",
    ]
    assert _hits(capsys, archive, "--raw", "--type", "NIEDERSCHRIFT", *everything) == ["niederschrift-5.pdf"]
    assert _hits(capsys, archive, "--raw", "--body", "verkehrsausschuß", *everything) == ["vorlage-radweg.pdf"]
    # a meeting document is dated by its meeting (2023-02-01), not by its own date (2022-01-03)
    assert sorted(_hits(capsys, archive, "--raw", "--kind", "meeting", "--from", "2023-01-01", *everything)) == [
        "niederschrift-5.pdf"
    ]
    assert sorted(_hits(capsys, archive, "--raw", "--from", "2022-01-01", "--to", "2022-12-31", *everything)) == [
        "einladung-4.pdf",
        "vorlage-ärger.pdf",
    ]
    assert _hits(capsys, archive, "--raw", "--kind", "paper", "--to", "2021-12-31", *everything) == []


def test_filters_after_the_database_and_before_the_query(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _hits(capsys, archive, "--kind", "meeting", "--from", "2023-01-01", "Straße") == []
    assert main(["search", str(archive), "--kind", "meeting", "-n", "5", "Muenchen", "--json"]) == ExitCode.OK
    assert len(capsys.readouterr().out.splitlines()) == 2
    # several words, each its own argument, are all required
    assert _hits(capsys, archive, "--kind", "meeting", "München", "Lärmschutzwand") == ["niederschrift-5.pdf"]


def test_a_query_starting_with_a_dash(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # argparse reads a word starting with "-" as an option: "--" or "--query=" pass it as the query.
    assert _hits(capsys, archive, "--", "-Ärger") == ["vorlage-ärger.pdf"]
    assert _hits(capsys, archive, "--query=-Ärger") == ["vorlage-ärger.pdf"]
    assert main(["search", str(archive), "--query=x", "y"]) == ExitCode.USAGE
    assert main(["search", str(archive)]) == ExitCode.USAGE
    assert "no query" in capsys.readouterr().err
    assert main(["search", str(archive), "--from", "1.1.2023", "x"]) == ExitCode.USAGE


def test_plain_output_marks_the_match(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(archive), "Lärmschutzwand"]) == ExitCode.OK
    head, snippet = capsys.readouterr().out.splitlines()
    assert head == "papers/niederschrift-5.pdf | meeting | Niederschrift | 2023-02-01 | Niederschrift"
    assert snippet.startswith("    ") and "**Lärmschutzwand**" in snippet


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_export_has_meeting_fields_path_and_warnings(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "documents.csv"
    assert main(["export", str(archive), "--format", "csv", "-o", str(target)]) == ExitCode.OK
    rows = {Path(row["path"]).name: row for row in _csv(target)}
    minutes = rows["niederschrift-5.pdf"]
    assert minutes["kind"] == "meeting"
    assert (minutes["meeting_date"], minutes["meeting_start"], minutes["meeting_end"]) == (
        "2023-02-01",
        "17:00",
        "19:30",
    )
    assert (minutes["meeting_location"], minutes["meeting_number"]) == ("Rathaus", "5. Sitzung")
    assert minutes["text_length"] == str(len(NIEDERSCHRIFT))
    assert minutes["warnings"] == "no vote was found for item 1"
    assert rows["vorlage-ärger.pdf"]["number"] == "'-7/22"  # no formula in a spreadsheet
    assert rows["vorlage-radweg.pdf"]["kind"] == "paper" and rows["vorlage-radweg.pdf"]["meeting_date"] == ""


def test_agenda_items_are_their_own_table(archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "items.csv"
    args = ["export", str(archive), "--format", "csv", "--table", "agenda_items", "-o", str(target)]
    assert main(args) == ExitCode.OK
    rows = _csv(target)
    assert [(row["number"], row["title"], row["public"]) for row in rows] == [
        ("1", "Lärmschutz", "true"),
        ("2", "Anfragen", "false"),
    ]
    assert rows[0]["paper_numbers"] == "0012/23; 0013/23" and rows[0]["path"] == "papers/niederschrift-5.pdf"
    assert (rows[1]["decision"], rows[1]["vote_yes"], rows[1]["vote_no"], rows[1]["vote_abstain"]) == (
        "Zugestimmt.",
        "20",
        "1",
        "2",
    )
    assert {row["meeting_date"] for row in rows} == {"2023-02-01"}
    assert main(["export", str(archive), "--format", "jsonl", "--table", "agenda_items"]) == ExitCode.OK
    assert [json.loads(line)["position"] for line in capsys.readouterr().out.splitlines()] == [1, 2]
    assert main(["export", str(archive), "--format", "oparl", "--table", "agenda_items"]) == ExitCode.USAGE


@pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
@pytest.mark.parametrize("table", ["documents", "agenda_items"])
def test_export_files_follow_the_umask(archive: Path, tmp_path: Path, umask: int, mode: int, table: str) -> None:
    target = tmp_path / f"{table}.csv"
    old = os.umask(umask)
    try:
        assert main(["export", str(archive), "--format", "csv", "--table", table, "-o", str(target)]) == ExitCode.OK
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == mode
