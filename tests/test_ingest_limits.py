"""Ingest limits that apply before anything is parsed: file size before hashing, zip directories, budgets."""

from __future__ import annotations

import random
import sqlite3
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from ratsdoc.errors import LimitExceededError
from ratsdoc.ingest import ArchiveLimits, IngestOptions, ingest
from ratsdoc.ingest.counting import count_inputs
from ratsdoc.ingest.engine import sha256_file
from ratsdoc.ingest.inputs import FileInput, Item, Refused
from ratsdoc.ingest.sources import iter_inputs
from ratsdoc.options import ParseOptions

TESTS = Path(__file__).resolve().parent
HOOK = f"{TESTS / 'test_ingest_hooks.py'}:hook_parse"
sys.path.insert(0, str(TESTS))
from test_ingest_hooks import fake_pdf  # noqa: E402

from .conftest import load_script  # noqa: E402

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


@pytest.mark.parametrize("declared", [None, 3])
def test_a_huge_zip_directory_is_refused_before_zipfile_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, declared: int | None
) -> None:
    archive = load_script("attack_zips").directory_only_zip(tmp_path / "viele.zip", 20_000, declared=declared)

    def no_directory_read(self: zipfile.ZipFile) -> None:
        raise AssertionError("zipfile read the whole directory")

    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", no_directory_read)
    limits = ArchiveLimits(max_members=1_000)
    items = list(iter_inputs([archive], tmp_path / "unpacked", limits))
    assert len(items) == 1 and isinstance(items[0], Refused)
    assert items[0].error_class == "ArchiveLimitExceeded"
    assert items[0].reason.startswith("refused: the archive has more than 1000 members")
    assert count_inputs([archive]) >= 1  # the progress estimate does not open it with zipfile either


def test_overlapping_zip_entries_are_refused_before_unpacking(tmp_path: Path) -> None:
    archive = load_script("attack_zips").overlapping_zip(tmp_path / "overlap.zip", 300, 256 * 1024)  # 75 MB from 256 KB
    db = tmp_path / "a.sqlite"
    summary = ingest([archive], db, IngestOptions(workers=1, parse_function=HOOK, tmp_dir=tmp_path))
    assert summary.counts["skipped"] == 1 and summary.parsed == 0
    ((status, error_class, message, _hashed),) = _documents(db)
    assert (status, error_class) == ("skipped", "ArchiveLimitExceeded")
    assert message == "refused: members 'Vorlage.pdf' and 'Vorlage.pdf' share compressed data (zip bomb?)"


def test_a_zip_unpacks_to_at_most_max_ratio_times_its_size(tmp_path: Path) -> None:
    """Members below the ratio floor are not checked one by one; the archive as a whole is."""
    archive = tmp_path / "ratio.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for index in range(40):
            out.writestr(f"p{index}.pdf", b"%PDF-1.4\n" + bytes(MIB // 2))  # 1000:1, but only 512 KB
    limits = ArchiveLimits(max_ratio=100.0, ratio_floor_bytes=MIB)
    items = list(iter_inputs([archive], tmp_path / "unpacked", limits))
    refused = [item for item in items if isinstance(item, Refused)]
    kept = [item for item in items if isinstance(item, FileInput)]
    assert archive.stat().st_size * 100 < 20 * MIB  # the archive as a whole is past 100:1
    assert refused and all(item.reason == "refused: compression ratio exceeds 100:1 (zip bomb?)" for item in refused)
    assert sum(item.path.stat().st_size for item in kept) <= 100 * archive.stat().st_size


def test_unpacked_bytes_have_one_budget_across_the_archives_of_a_run(tmp_path: Path) -> None:
    archives = []
    for index in range(3):
        archive = tmp_path / f"a{index}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
            for member in range(3):
                out.writestr(f"p{member}.pdf", random.Random(index * 10 + member).randbytes(MIB))
        archives.append(archive)
    limits = ArchiveLimits(max_total_bytes=5 * MIB)
    held = list(iter_inputs(archives, tmp_path / "held", limits))  # nothing parsed, nothing dropped
    assert [isinstance(item, FileInput) for item in held] == [True] * 5 + [False] * 4
    assert "the run's unpacked files would take more than 5242880 bytes" in held[5].reason  # type: ignore[union-attr]
    # Members that were parsed (and dropped) give their bytes back: a run of many archives goes on.
    passed: list[Item] = []
    for item in iter_inputs(archives, tmp_path / "dropped", limits):
        passed.append(item)
        if isinstance(item, FileInput):
            item.drop()
    assert all(isinstance(item, FileInput) for item in passed) and len(passed) == 9


def test_the_time_limit_starts_when_the_worker_is_ready(tmp_path: Path) -> None:
    """A worker that takes longer to start than the per-file limit (a busy machine) is not killed for it."""
    slow = tmp_path / "slow_start.py"
    slow.write_text(
        "import importlib.util, time\n"
        "time.sleep(3)  # the worker's start-up: imports, loading the parse function\n"
        f"spec = importlib.util.spec_from_file_location('hooks', {str(TESTS / 'test_ingest_hooks.py')!r})\n"
        "hooks = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(hooks)\n"
        "hook_parse = hooks.hook_parse\n",
        encoding="utf-8",
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "p.pdf").write_bytes(fake_pdf("1/24", "Klein"))
    options = IngestOptions(workers=1, timeout=1, parse_function=f"{slow}:hook_parse", tmp_dir=tmp_path)
    summary = ingest([folder], tmp_path / "a.sqlite", options)
    assert summary.counts["ok"] == 1
