"""Text read from inputs is data: names that are not UTF-8, markup and terminal escapes in
names, formulas in CSV cells, and links out of an input folder."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import struct
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from ratsdoc.cli import main
from ratsdoc.cli.output import csv_cell
from ratsdoc.errors import NotAPdfError, RatsdocError
from ratsdoc.failures import error_info
from ratsdoc.ingest import IngestOptions, ingest
from ratsdoc.names import printable, storable

TESTS = Path(__file__).resolve().parent
HOOK = f"{TESTS / 'test_ingest_hooks.py'}:hook_parse"
sys.path.insert(0, str(TESTS))
from test_ingest_hooks import fake_pdf  # noqa: E402

LATIN1_NAME = "Anträge.pdf".encode("latin-1")  # b"Antr\xe4ge.pdf": not UTF-8
HOSTILE = ("[/bold]Vorlage.pdf", "\x1b]0;pwned\x07.pdf", "\x1b[2J.pdf", "csi\x9b31m.pdf", "two\nlines.pdf")


def _pdf(i: int, title: str = "") -> bytes:
    return fake_pdf(f"{i:04d}/24", title or f"Vorlage {i}")


def _stored(db: Path) -> tuple[list[str], list[tuple[str, int]], list[str]]:
    """Stored paths, documents' (status, count) and run states."""
    with sqlite3.connect(db) as conn:
        paths = sorted(row[0] for row in conn.execute("SELECT path FROM paths"))
        statuses = conn.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall()
        states = [row[0] for row in conn.execute("SELECT state FROM runs")]
    return paths, statuses, states


def _ingest(paths: list[Path], db: Path) -> None:
    ingest(paths, db, IngestOptions(workers=1, parse_function=HOOK))


def _flag_utf8(data: bytes) -> bytes:
    """A zip with the UTF-8 name flag set in every local and central header."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        while at >= 0:
            (flags,) = struct.unpack_from("<H", raw, at + offset)
            struct.pack_into("<H", raw, at + offset, flags | 0x800)
            at = raw.find(signature, at + 4)
    return bytes(raw)


def test_latin1_file_name_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (Path(os.fsdecode(os.path.join(os.fsencode(folder), LATIN1_NAME)))).write_bytes(_pdf(1))
    (folder / "zweite.pdf").write_bytes(_pdf(2))
    db = tmp_path / "a.sqlite"
    _ingest([folder], db)
    paths, statuses, states = _stored(db)
    assert paths == [f"{folder}/Antr\\xe4ge.pdf", f"{folder}/zweite.pdf"]
    assert statuses == [("ok", 2)] and states == ["finished"]


def test_latin1_tar_member_name(tmp_path: Path) -> None:
    archive = tmp_path / "alt.tar"
    with tarfile.open(archive, "w", format=tarfile.GNU_FORMAT, encoding="latin-1") as tar:
        for i, name in enumerate(("Anträge.pdf", "zweite.pdf")):
            info = tarfile.TarInfo(name)
            data = _pdf(i)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    db = tmp_path / "a.sqlite"
    _ingest([archive], db)
    paths, statuses, states = _stored(db)
    assert paths == [f"{archive}!Antr\\xe4ge.pdf", f"{archive}!zweite.pdf"]
    assert statuses == [("ok", 2)] and states == ["finished"]


def test_zip_member_flagged_utf8_with_other_bytes(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("AntrXge.pdf", _pdf(1))
        archive.writestr("Übersicht.pdf", _pdf(2))  # really UTF-8: keeps its name
    zipped = tmp_path / "alt.zip"
    zipped.write_bytes(_flag_utf8(buffer.getvalue().replace(b"AntrXge", b"Antr\xe4ge")))
    later = tmp_path / "later.pdf"
    later.write_bytes(_pdf(3))
    db = tmp_path / "a.sqlite"
    _ingest([zipped, later], db)
    paths, statuses, states = _stored(db)
    assert paths == [f"{zipped}!Antr\\xe4ge.pdf", f"{zipped}!Übersicht.pdf", str(later)]
    assert statuses == [("ok", 3)] and states == ["finished"]


def test_markup_and_terminal_escapes_in_member_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zipped = tmp_path / "vorlagen.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        for i, name in enumerate(HOSTILE):
            archive.writestr(name, _pdf(i))
    db = tmp_path / "a.sqlite"
    assert (
        main(["ingest", str(zipped), "--db", str(db), "-j", "1", "--parse-function", HOOK, "--progress", "none"]) == 0
    )
    assert main(["stats", str(db)]) == 0
    captured = capsys.readouterr()
    terminal = captured.out + captured.err
    assert "internal error" not in terminal
    assert "\x1b" not in terminal and "\x07" not in terminal and "\x9b" not in terminal
    assert "[/bold]Vorlage.pdf" in terminal
    assert "\\x1b]0;pwned\\x07.pdf" in terminal and "\\x1b[2J.pdf" in terminal and "two\\x0alines.pdf" in terminal
    assert _stored(db)[1] == [("ok", len(HOSTILE))]


def test_one_line_errors_escape_the_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    error = NotAPdfError("not a PDF", file="two\nlines\r\x1b[2J.pdf")
    assert str(error) == "two\\x0alines\\x0d\\x1b[2J.pdf: not a PDF"
    assert "\n" not in error_info(ValueError("boom"), "a\nb.pdf").message
    assert str(RatsdocError("plain reason")) == "plain reason"

    bad = tmp_path / "two\nlines.pdf"
    bad.write_bytes(b"<html>an error page</html>")
    assert main(["parse", str(bad)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "two\\x0alines.pdf" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["eval", "missing\nfolder"],  # not a folder
        ["eval", "EMPTY"],  # a folder without goldens
        ["eval", "BROKEN", "--golden", "GOLDEN"],  # a paper that fails to parse, reported by name
        ["ingest", "missing\nfile.pdf", "--db", "x.sqlite"],
        ["stats", "no\nsuch.sqlite"],
    ],
)
def test_line_breaks_in_names_never_split_an_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    empty = tmp_path / "two\nlines"
    empty.mkdir()
    broken, golden = tmp_path / "bro\nken", tmp_path / "golden"
    broken.mkdir()
    golden.mkdir()
    (broken / "zwei\nzeilen.pdf").write_bytes(b"<html>an error page</html>")
    (golden / "zwei\nzeilen.json").write_text("{}", encoding="utf-8")
    places = {"EMPTY": str(empty), "BROKEN": str(broken), "GOLDEN": str(golden)}
    monkeypatch.chdir(tmp_path)
    main([places.get(arg, arg) for arg in argv])
    err = capsys.readouterr().err
    assert err and all(line.startswith("ratsdoc") for line in err.splitlines()), err
    assert "\\x0a" in err


def test_printable_and_storable() -> None:
    assert printable("a\x00b\x7fc\x85d\u2028e\u202ef") == "a\\x00b\\x7fc\\x85d\\u2028e\\u202ef"
    assert printable("Antr\udce4ge.pdf") == storable("Antr\udce4ge.pdf") == "Antr\\xe4ge.pdf"
    assert storable("tab\there") == "tab\there" and printable("Übersicht") == "Übersicht"
    assert printable(printable("x\n")) == printable("x\n")


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    titles = ['=HYPERLINK("http://x","klick")', "+1+2", "-1+2", "@SUM(A1)", "Radweg"]
    for i, title in enumerate(titles):
        (folder / f"p{i}.pdf").write_bytes(_pdf(i, title))
    db = tmp_path / "a.sqlite"
    _ingest([folder], db)
    target = tmp_path / "out.csv"
    assert main(["export", str(db), "--format", "csv", "-o", str(target)]) == 0
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["title"] for row in rows) == sorted(["'" + t if t[0] in "=+-@" else t for t in titles])
    assert {row["page_count"] for row in rows} == {"1"}


def test_csv_cell() -> None:
    for text in ("=1+1", "+1", "-1", "@x", "\tx", "\rx"):
        assert csv_cell(text) == "'" + text
    assert csv_cell(-3) == -3 and csv_cell(2.5) == 2.5 and csv_cell(None) == "" and csv_cell("a=b") == "a=b"


def test_links_that_leave_the_folder_are_ignored(tmp_path: Path) -> None:
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "private.pdf").write_bytes(_pdf(9))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "own.pdf").write_bytes(_pdf(1))
    (folder / "link.pdf").symlink_to(outside / "private.pdf")
    (folder / "dir-link").symlink_to(outside, target_is_directory=True)
    (folder / "inner.pdf").symlink_to(folder / "own.pdf")  # inside the folder: still read
    db = tmp_path / "a.sqlite"
    summary = ingest([folder], db, IngestOptions(workers=1, parse_function=HOOK))
    paths, _, _ = _stored(db)
    assert paths == [str(folder / "inner.pdf"), str(folder / "own.pdf")]
    assert summary.counts["ignored"] == 2
    assert sorted(name for name, _ in summary.notices) == [str(folder / "dir-link"), str(folder / "link.pdf")]
    assert all("leaves the input folder" in message for _, message in summary.notices)
