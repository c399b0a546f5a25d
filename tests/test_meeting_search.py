"""After an ingest, ``ratsdoc search`` finds words of the running text, also those that occur
only in the body of minutes (not in any title, resolution or justification)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from ratsdoc.cli import main
from ratsdoc.ingest import IngestOptions, Store, ingest

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for name in ("niederschrift-1.pdf", "wortprotokoll-1.pdf"):
        shutil.copy(FIXTURES / "meetings" / name, folder / name)
    db = folder.parent / "archive.sqlite"
    ingest([folder], db, IngestOptions(workers=1))
    return db


def test_a_word_only_in_the_body_of_minutes_is_found(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "Rückfragen" stands only in the minutes' running text under each item.
    store = Store(archive, create=False)
    try:
        titles = [json.loads(row["document_json"])["title"] or "" for row in store.iter_rows()]
    finally:
        store.close()
    assert not any("Rückfragen" in title for title in titles)
    assert main(["search", str(archive), "Rückfragen", "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(hit["paths"][0]).name for hit in hits] == ["niederschrift-1.pdf"]


def test_words_of_two_column_speeches_are_found(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(archive), "anwohnerinnen", "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(Path(hit["paths"][0]).name == "wortprotokoll-1.pdf" for hit in hits)


def test_the_archive_keeps_kind_and_meeting_fields(archive: Path) -> None:
    conn = sqlite3.connect(archive)
    try:
        documents = [json.loads(row[0]) for row in conn.execute("SELECT document_json FROM documents")]
    finally:
        conn.close()
    assert {doc["kind"] for doc in documents} == {"meeting"}
    assert all(doc["meeting"]["date"] and doc["text"] for doc in documents)


def test_minutes_are_found_in_any_spelling_with_filters(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["search", str(archive), "--kind", "meeting", "--type", "niederschrift", "--from", "2024-01-15"]
    assert main([*args, "--to", "2024-01-15", "RUECKFRAGEN", "--json"]) == 0
    [hit] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert Path(hit["file"]).name == "niederschrift-1.pdf" and hit["date"] == "2024-01-15"
    assert all(hit["snippet"][start:end] == "Rückfragen" for start, end in hit["marks"])
    assert main([*args, "--from", "2024-01-16", "Rückfragen", "--json"]) == 0
    assert capsys.readouterr().out == ""
