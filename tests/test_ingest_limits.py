"""Ingest limits that apply before anything is parsed: file size before hashing, zip directories, budgets."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from ratsdoc.errors import LimitExceededError
from ratsdoc.ingest import IngestOptions, ingest
from ratsdoc.ingest.engine import sha256_file
from ratsdoc.options import ParseOptions

TESTS = Path(__file__).resolve().parent
HOOK = f"{TESTS / 'test_ingest_hooks.py'}:hook_parse"
sys.path.insert(0, str(TESTS))
from test_ingest_hooks import fake_pdf  # noqa: E402

MIB = 1024 * 1024


def _documents(db: Path) -> list[tuple[str, str | None, str | None, int]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT status, error_class, error_message, content_hashed FROM documents")
        return [tuple(row) for row in rows]


def test_a_file_above_the_size_limit_is_refused_without_being_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    big = folder / "huge.pdf"
    with big.open("wb") as handle:  # sparse: 1 GiB that takes no disk
        handle.write(b"%PDF-1.4\n")
        handle.truncate(1024 * MIB)
    (folder / "small.pdf").write_bytes(fake_pdf("1/24", "Klein"))
    options = IngestOptions(workers=1, parse_function=HOOK, tmp_dir=tmp_path)
    summary = ingest([folder], tmp_path / "a.sqlite", options)
    assert summary.counts["ok"] == 1 and summary.counts["skipped"] == 1
    refused = [row for row in _documents(tmp_path / "a.sqlite") if row[0] == "skipped"]
    assert refused == [
        (
            "skipped",
            "LimitExceededError",
            "file is 1,073,741,824 bytes, more than the limit of 209,715,200 bytes (not read)",
            0,
        )
    ]


def test_sha256_file_reads_a_growing_file_only_to_the_limit_plus_one_byte() -> None:
    with pytest.raises(LimitExceededError) as caught:
        sha256_file(Path("/dev/zero"), MIB)  # endless: like a file that keeps growing
    assert caught.value.limit == "max_file_size" and caught.value.value == MIB + 1
    assert "grew past the limit of 1,048,576 bytes" in str(caught.value)
    assert sha256_file(Path("/dev/null"), MIB) == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        0,
    )


def test_ingest_of_an_endless_file_stops_at_the_limit(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    options = IngestOptions(workers=1, parse=ParseOptions(max_file_size=4 * MIB), parse_function=HOOK, tmp_dir=tmp_path)
    done: list[object] = []
    # A thread with a deadline: the code before this change hashed /dev/zero for ever.
    thread = threading.Thread(target=lambda: done.append(ingest(["/dev/zero"], db, options)), daemon=True)
    thread.start()
    thread.join(60)
    assert done, "the ingest did not stop reading the endless input"
    assert _documents(db) == [
        ("skipped", "LimitExceededError", "file grew past the limit of 4,194,304 bytes while it was read", 0)
    ]


def test_parse_reads_a_file_that_grows_after_its_size_check_only_to_the_limit(tmp_path: Path) -> None:
    import os

    from ratsdoc import parse

    fifo = tmp_path / "growing.pdf"
    os.mkfifo(fifo)  # its size says 0, then 3 MiB come through

    def feed() -> None:
        try:
            with fifo.open("wb") as out:
                out.write(b"%PDF-1.4\n" + b"0" * (3 * MIB))
        except BrokenPipeError:  # the reader stopped at the limit
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    with pytest.raises(LimitExceededError) as caught:
        parse(fifo, ParseOptions(max_file_size=MIB))
    writer.join(10)
    assert caught.value.limit == "max_file_size" and caught.value.value == MIB + 1
