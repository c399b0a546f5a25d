"""Tests of bulk ingestion: resume after kill -9, limits, archives, duplicates, Dask, queries."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from ratsdoc.cli import main
from ratsdoc.ingest import ArchiveLimits, IngestOptions, Store, ingest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
from test_ingest_hooks import fake_pdf  # noqa: E402

from .ingest_support import CLI, HOOK, cli_env, db_count, wait_for_documents  # noqa: E402


def _reportlab_pdf(path: Path, lines: list[str]) -> Path:
    """A small real PDF (skips the test when reportlab is missing)."""
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    canvas = canvas_mod.Canvas(str(path))
    y = 800
    for line in lines:
        canvas.drawString(72, y, line)
        y -= 18
    canvas.save()
    return path


def _corpus(folder: Path, count: int, *, marker: str = "") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        path = folder / f"paper-{i:03d}.pdf"
        path.write_bytes(
            fake_pdf(
                f"{i:04d}/24",
                f"Vorlage {i} Radweg" if i % 2 else f"Vorlage {i} Sporthalle",
                extra=marker,
                resolution=f"Der Stadtrat beschließt Punkt {i}.",
                justification="Begründung: Verkehrssicherheit.",
            )
        )
        files.append(path)
    return files


def _rows(db: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT sha256, status, error_message FROM documents").fetchall()


def _ingest_command(folder: Path, db: Path, *, jobs: int) -> list[str]:
    """``ratsdoc ingest`` in a child process with the test hook as parser and a JSON summary."""
    command = [*CLI, "ingest", str(folder), "--db", str(db), "-j", str(jobs)]
    return [*command, "--parse-function", HOOK, "--progress", "none", "--json"]


def test_resume_after_kill_9(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 20, marker="SLOW")
    db = tmp_path / "archive.sqlite"
    command = _ingest_command(tmp_path / "in", db, jobs=2)
    proc = subprocess.Popen(
        command, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        wait_for_documents(db, 4)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    first = db_count(db, "SELECT COUNT(*) FROM documents")
    assert 4 <= first < 20, "the run should have been killed mid-way"

    rerun = subprocess.run(command, env=cli_env(), capture_output=True, text=True, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["counts"]["unchanged"] >= first  # what was committed is not parsed again
    assert summary["counts"]["ok"] == 20 - summary["counts"]["unchanged"]
    rows = _rows(db)
    assert len(rows) == 20 and {status for _, status, _ in rows} == {"ok"}
    assert db_count(db, "SELECT COUNT(*) FROM paths") == 20
    assert db_count(db, "SELECT COUNT(DISTINCT path) FROM paths") == 20

    # Idempotent: a third run parses nothing.
    again = ingest([tmp_path / "in"], db, IngestOptions(workers=1, parse_function=HOOK))
    assert again.parsed == 0 and again.counts["unchanged"] == 20
    # Workers of the killed run must not linger (they watch their parent).
    time.sleep(1.5)
    ps = subprocess.run(["ps", "-eo", "pid,ppid,args"], capture_output=True, text=True)
    assert str(db) not in ps.stdout


def test_sigterm_saves_what_was_done_and_exits_143(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 20, marker="SLOW")
    db = tmp_path / "archive.sqlite"
    command = _ingest_command(tmp_path / "in", db, jobs=1)
    proc = subprocess.Popen(
        command, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        wait_for_documents(db, 2)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 143, err
    assert json.loads(out)["interrupted"] is True and "interrupted" in err
    assert 2 <= db_count(db, "SELECT COUNT(*) FROM documents") < 20


def test_unknown_profile_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path / "in", 1)
    code = main(
        [
            "ingest",
            str(tmp_path / "in"),
            "--db",
            str(tmp_path / "a.sqlite"),
            "--profile",
            "atlantis",
            "--progress",
            "none",
        ]
    )
    assert code == 2
    assert "unknown profile 'atlantis'" in capsys.readouterr().err
    assert not (tmp_path / "a.sqlite").exists()  # nothing was started


def test_bad_file_among_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _reportlab_pdf(folder / "good.pdf", ["Drucksache 0001/24", "Titel: Neuer Radweg"])
    (folder / "fake.pdf").write_bytes(b"this is not a PDF at all\n" * 10)
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    db = tmp_path / "a.sqlite"
    code = main(["ingest", str(folder), "--db", str(db), "-j", "2", "--progress", "none", "--json"])
    assert code == 1  # some inputs failed
    with sqlite3.connect(db) as conn:
        rows = dict(
            conn.execute(
                "SELECT p.path, d.status || ':' || COALESCE(d.error_class, '') FROM documents d "
                "JOIN paths p USING (sha256)"
            ).fetchall()
        )
    assert rows[str(folder / "good.pdf")].split(":")[0] in ("ok", "warning")
    assert rows[str(folder / "fake.pdf")].startswith("failed:NotAPdfError")
    assert rows[str(folder / "truncated.pdf")].startswith("failed:")


def test_hanging_and_memory_hogging_files_are_killed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _corpus(folder, 4)
    (folder / "hang.pdf").write_bytes(fake_pdf("9998/24", "hangs", extra="HANG"))
    (folder / "hog.pdf").write_bytes(fake_pdf("9999/24", "eats memory", extra="HOG"))
    db = tmp_path / "a.sqlite"
    started = time.monotonic()
    summary = ingest([folder], db, IngestOptions(workers=2, timeout=2, max_memory_mb=200, parse_function=HOOK))
    assert time.monotonic() - started < 30
    assert summary.counts["ok"] == 4 and summary.counts["failed"] == 2
    store = Store(db, create=False)
    by_name = {row["paths"][0].rsplit("/", 1)[-1]: row for row in store.iter_rows()}
    store.close()
    assert by_name["hang.pdf"]["error_message"].startswith("exceeded the time limit of 2 s")
    assert by_name["hang.pdf"]["error_limit"] == "max_seconds"
    assert "memory limit of 200 MB" in by_name["hog.pdf"]["error_message"]


def _zip_with_evil_members(path: Path, good: bytes) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ok/good.pdf", good)
        archive.writestr("../../evil.pdf", good + b"% evil")
        archive.writestr("/abs/evil2.pdf", good + b"% abs")
        link = zipfile.ZipInfo("link.pdf")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
        archive.writestr("bomb.pdf", b"%PDF-1.4\n" + b"\0" * (30 * 1024 * 1024))
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w") as nested:
            nested.writestr("inner.pdf", fake_pdf("0002/24", "Nested paper"))
            deeper = io.BytesIO()
            with zipfile.ZipFile(deeper, "w") as deepest:
                deepest.writestr("deep.pdf", fake_pdf("0003/24", "Too deep"))
            nested.writestr("deeper.zip", deeper.getvalue())
        archive.writestr("nested.zip", inner.getvalue())


def test_zip_slip_bomb_links_and_nesting(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    archive = work / "upload.zip"
    _zip_with_evil_members(archive, fake_pdf("0001/24", "Good paper"))
    tar_path = work / "upload.tar.gz"
    with tarfile.open(tar_path, "w:gz") as tar:
        data = fake_pdf("0004/24", "From tar")
        info = tarfile.TarInfo("docs/tar.pdf")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        slip = tarfile.TarInfo("../slip.pdf")
        slip.size = len(data)
        tar.addfile(slip, io.BytesIO(data + b"x"))
        link = tarfile.TarInfo("docs/link.pdf")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tar.addfile(link)
    db = tmp_path / "a.sqlite"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    summary = ingest(
        [archive, tar_path],
        db,
        IngestOptions(workers=2, parse_function=HOOK, tmp_dir=tmp, archive_limits=ArchiveLimits(max_ratio=100)),
    )
    store = Store(db, create=False)
    rows = {row["paths"][0].split("!", 1)[1]: row for row in store.iter_rows()}
    store.close()
    assert rows["ok/good.pdf"]["status"] == "ok"
    assert rows["nested.zip!inner.pdf"]["status"] == "ok"
    assert rows["docs/tar.pdf"]["status"] == "ok"
    for name in (
        "../../evil.pdf",
        "/abs/evil2.pdf",
        "link.pdf",
        "bomb.pdf",
        "nested.zip!deeper.zip",
        "../slip.pdf",
        "docs/link.pdf",
    ):
        assert rows[name]["status"] == "skipped", name
        assert rows[name]["error_message"].startswith("refused:"), name
    assert "zip-slip" in rows["../../evil.pdf"]["error_message"]
    assert "compression ratio" in rows["bomb.pdf"]["error_message"]
    assert summary.counts["skipped"] == 7
    # Nothing escaped: no evil file anywhere near, and the temporary folder is gone.
    assert not list(tmp_path.rglob("evil*.pdf")) and not list(tmp_path.rglob("slip.pdf"))
    assert list(tmp.iterdir()) == []
    # A rerun stores the refusals again without duplicating them.
    ingest([archive, tar_path], db, IngestOptions(workers=1, parse_function=HOOK, tmp_dir=tmp))
    assert db_count(db, "SELECT COUNT(*) FROM documents") == len(rows)


@pytest.mark.parametrize("kind", ["zip", "tar"])
def test_too_many_members_end_the_archive(tmp_path: Path, kind: str) -> None:
    from ratsdoc.ingest.inputs import FileInput, Refused
    from ratsdoc.ingest.sources import iter_inputs

    archive = tmp_path / f"many.{kind}"
    data = fake_pdf("0005/24", "Many")
    if kind == "zip":
        with zipfile.ZipFile(archive, "w") as zf:
            for i in range(5):
                zf.writestr(f"p{i}.pdf", data + bytes([i]))
    else:
        with tarfile.open(archive, "w") as tar:
            for i in range(5):
                info = tarfile.TarInfo(f"p{i}.pdf")
                info.size = len(data) + 1
                tar.addfile(info, io.BytesIO(data + bytes([i])))
    tmp = tmp_path / "tmp"
    items = list(iter_inputs([archive], tmp, ArchiveLimits(max_members=2)))
    # A zip is refused whole, from its directory's count (before zipfile reads the directory);
    # of a tar, two members are read, the third is refused and nothing after it is looked at.
    expected = [Refused] if kind == "zip" else [FileInput, FileInput, Refused]
    assert [type(item) for item in items] == expected
    refused = items[-1]
    assert isinstance(refused, Refused) and refused.fatal
    assert "more than 2 members" in refused.reason


def _one_paper_zips(folder: Path, count: int) -> list[Path]:
    """``count`` zips, each holding one ``paper.pdf`` numbered ``000i/24`` after its zip."""
    archives = []
    for i in range(count):
        archive = folder / f"upload-{i}.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            zf.writestr("paper.pdf", fake_pdf(f"000{i}/24", f"Upload {i}"))
        archives.append(archive)
    return archives


def test_members_of_successive_archives_keep_their_own_files(tmp_path: Path) -> None:
    """Regression: member files were named by a per-archive counter and the archive budget's
    id(); once an archive was done, the next one could get the same id and overwrite a member
    the workers had not read yet, so a paper was parsed (or deleted) under another's name."""
    from ratsdoc.ingest.inputs import FileInput
    from ratsdoc.ingest.sources import iter_inputs

    archives = _one_paper_zips(tmp_path, 4)
    tmp = tmp_path / "tmp"
    # Keep every file until the end, as in-flight parses do.
    items = [item for item in iter_inputs(archives, tmp) if isinstance(item, FileInput)]
    assert len(items) == len(archives) == len({item.path for item in items})
    for i, item in enumerate(items):
        assert item.name == f"{archives[i]}!paper.pdf"
        assert f"% number: 000{i}/24".encode() in item.path.read_bytes()


def test_archive_members_in_flight_are_not_overwritten(tmp_path: Path) -> None:
    """End to end: with a worker per archive, every member is unpacked while the workers are
    still starting, before any reads its file; every row must hold the paper of its own path.
    (On the old naming this failed in most runs; the test above fails in every run.)"""
    archives = _one_paper_zips(tmp_path, 4)
    db = tmp_path / "a.sqlite"
    summary = ingest(archives, db, IngestOptions(workers=len(archives), parse_function=HOOK, tmp_dir=tmp_path))
    assert summary.counts["ok"] == len(archives), summary.counts
    store = Store(db, create=False)
    numbers = {row["paths"][0]: row["number"] for row in store.iter_rows()}
    store.close()
    assert numbers == {f"{archive}!paper.pdf": f"000{i}/24" for i, archive in enumerate(archives)}


def test_duplicate_under_two_names(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    data = fake_pdf("0042/24", "Zweimal abgelegt")
    (folder / "a.pdf").write_bytes(data)
    (folder / "sub" / "b.pdf").write_bytes(data)
    db = tmp_path / "a.sqlite"
    summary = ingest([folder], db, IngestOptions(workers=2, parse_function=HOOK))
    assert summary.counts["ok"] == 1 and summary.counts["duplicate"] == 1
    store = Store(db, create=False)
    rows = list(store.iter_rows())
    store.close()
    assert len(rows) == 1
    assert sorted(rows[0]["paths"]) == [str(folder / "a.pdf"), str(folder / "sub" / "b.pdf")]


def test_dask_local_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    _corpus(tmp_path / "in", 6)
    db = tmp_path / "a.sqlite"
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            protocol="tcp://",
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        summary = ingest([tmp_path / "in"], db, IngestOptions(parse_function=HOOK, timeout=20), scheduler=client)
        assert summary.counts["ok"] == 6
        again = ingest([tmp_path / "in"], db, IngestOptions(parse_function=HOOK), scheduler=client)
        assert again.parsed == 0 and again.counts["unchanged"] == 6
    assert db_count(db, "SELECT COUNT(*) FROM documents WHERE status = 'ok'") == 6


def test_search_export_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path / "in", 6)
    db = tmp_path / "a.sqlite"
    ingest([tmp_path / "in"], db, IngestOptions(workers=2, parse_function=HOOK))

    assert main(["search", str(db), "Radweg"]) == 0
    out = capsys.readouterr().out.splitlines()
    heads = [line for line in out if not line.startswith("    ")]  # a hit's line, then its snippet
    assert len(heads) == 3 and all("Radweg" in line for line in heads)
    assert sorted(Path(line.split(" | ")[0]).name for line in heads) == [
        "paper-001.pdf",
        "paper-003.pdf",
        "paper-005.pdf",
    ]
    assert sorted(line.strip() for line in out if line.startswith("    "))[0] == "Vorlage 1 **Radweg**"
    assert main(["search", str(db), "Verkehrssicher", "--json"]) == 0  # prefix match
    assert len(capsys.readouterr().out.splitlines()) == 6

    target = tmp_path / "out.csv"
    assert main(["export", str(db), "--format", "csv", "-o", str(target)]) == 0
    table = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert len(table) == 6
    assert list(table[0]) == [
        "number",
        "title",
        "document_type",
        "public",
        "body",
        "originator",
        "faction",
        "date",
        "page_count",
        "sha256",
        "status",
        "profile",
        "kind",
        "meeting_date",
        "meeting_start",
        "meeting_end",
        "meeting_location",
        "meeting_number",
        "text_length",
        "path",
        "warnings",
    ]
    assert table[0]["number"] == "0000/24" and table[0]["profile"] == "fake"

    assert main(["export", str(db), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 6 and lines[0]["document"]["title"] == "Vorlage 0 Sporthalle"

    assert main(["stats", str(db), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["by_status"] == {"ok": 6} and stats["by_profile"] == {"fake": 6}
    assert main(["stats", str(db)]) == 0
    assert "by document type" in capsys.readouterr().out

    assert main(["search", str(tmp_path / "missing.sqlite"), "x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such database" in err
    assert main(["search", str(db), "Radweg", "--raw"]) == 0
    capsys.readouterr()
    assert main(["search", str(db), '"unbalanced', "--raw"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def _tar_member(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def test_member_failures_cost_only_what_they_must(tmp_path: Path) -> None:
    """Each way a member can fail, in zip and tar: the member is recorded with its reason and
    the archive goes on, except for a damaged tar stream, which ends that archive."""
    from ratsdoc.ingest.inputs import FileInput, Refused
    from ratsdoc.ingest.sources import iter_inputs

    good = fake_pdf("0006/24", "Good")
    # A member in a compression method zipfile cannot read fails alone.
    odd = tmp_path / "odd.zip"
    with zipfile.ZipFile(odd, "w") as zf:
        zf.writestr("first.pdf", good)
        zf.writestr("second.pdf", good + b"2")
    raw = bytearray(odd.read_bytes())
    local = raw.index(b"PK\x03\x04")  # first.pdf: method field in its local and central header
    central = raw.index(b"PK\x01\x02")
    raw[local + 8 : local + 10] = raw[central + 10 : central + 12] = (99).to_bytes(2, "little")
    odd.write_bytes(bytes(raw))
    # A gzip tar whose members unpack to more than max_ratio times its size, a fifo, and a
    # good member after them.
    bomb = tmp_path / "bomb.tar.gz"
    with tarfile.open(bomb, "w:gz") as tar:
        _tar_member(tar, "zeros.pdf", b"%PDF-1.4\n" + bytes(3 * 1024 * 1024))
        fifo = tarfile.TarInfo("pipe.pdf")
        fifo.type = tarfile.FIFOTYPE
        tar.addfile(fifo)
        _tar_member(tar, "after.pdf", good)
    # A tar cut off inside its second member.
    cut = tmp_path / "cut.tar"
    with tarfile.open(cut, "w") as tar:
        _tar_member(tar, "whole.pdf", good)
        _tar_member(tar, "cut.pdf", good * 200)
    cut.write_bytes(cut.read_bytes()[: 512 * 3 + len(good) * 100])
    tmp = tmp_path / "tmp"
    items = list(iter_inputs([odd, bomb, cut], tmp, ArchiveLimits(max_ratio=100)))
    outcome = [
        (type(item).__name__, item.name.rsplit("/", 1)[-1], item.reason if isinstance(item, Refused) else "")
        for item in items
    ]
    assert [(kind, name) for kind, name, _ in outcome] == [
        ("Refused", "odd.zip!first.pdf"),
        ("FileInput", "odd.zip!second.pdf"),
        ("Refused", "bomb.tar.gz!zeros.pdf"),
        ("Refused", "bomb.tar.gz!pipe.pdf"),
        ("FileInput", "bomb.tar.gz!after.pdf"),
        ("FileInput", "cut.tar!whole.pdf"),
        ("Refused", "cut.tar"),
    ]
    reasons = [reason for _, _, reason in outcome]
    assert reasons[0].startswith("cannot unpack member:")
    assert reasons[2] == "refused: compression ratio exceeds 100:1 (tar bomb?)"
    assert reasons[3] == "refused: special file (device or fifo)"
    assert reasons[6].startswith("damaged tar archive:")
    statuses = [item.status for item in items if isinstance(item, Refused)]
    assert statuses == ["failed", "skipped", "skipped", "failed"]
    # Only the members handed on exist on disk; the refused ones left nothing behind.
    kept = {item.path for item in items if isinstance(item, FileInput)}
    assert set(tmp.iterdir()) == kept


def test_importing_ingest_leaves_rich_alone() -> None:
    """The library half of ingestion must not load rich, the display library of the CLI."""
    code = "import ratsdoc.ingest, sys; assert 'rich' not in sys.modules"
    proc = subprocess.run([sys.executable, "-c", code], env=cli_env(), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_ingest_options_pass_their_limits_to_each_parse() -> None:
    from pydantic import ValidationError

    from ratsdoc.ingest.options import ocr_share
    from ratsdoc.options import ParseOptions

    config = IngestOptions(timeout=5, max_memory_mb=8, parse=ParseOptions(ocr="never")).worker_config()
    assert (config.timeout, config.max_memory_mb) == (5, 8)
    assert config.options["max_seconds"] == 5 and config.options["max_memory_mb"] == 16
    assert config.options["ocr"] == "never"
    unlimited = IngestOptions(timeout=None, max_memory_mb=None).worker_config().options
    # Without limits only the OCR worker budget is set: each worker's share of the cores.
    assert unlimited == ParseOptions(ocr_workers=ocr_share(None)).model_dump(mode="json")
    for bad in ({"workers": 0}, {"timeout": 0}, {"max_tasks_per_worker": 0}, {"unknown": 1}):
        with pytest.raises(ValidationError):
            IngestOptions(**bad)  # type: ignore[arg-type]


def test_cli_arguments_become_ingest_options() -> None:
    from ratsdoc.cli import build_parser
    from ratsdoc.cli.ingest_cmd import _ingest_options

    args = build_parser().parse_args(
        [
            "ingest",
            "in",
            "--db",
            "a.sqlite",
            "-j",
            "3",
            "--timeout",
            "7",
            "--max-memory-mb",
            "99",
            "--retry-failed",
            "--ocr",
            "never",
            "--max-archive-mb",
            "2",
            "--max-ratio",
            "5",
            "--all-files",
            "--scheduler",
            "tcp://h:8786",
            "--ship-paths",
        ]
    )
    options = _ingest_options(args)
    assert (options.workers, options.timeout, options.max_memory_mb) == (3, 7, 99)
    assert options.retry_failed and not options.reparse and options.all_files
    assert options.parse.ocr == "never" and options.parse.engine == "pdfium"
    assert options.archive_limits == ArchiveLimits(max_total_bytes=2 * 1024 * 1024, max_ratio=5)
    assert options.scheduler == "tcp://h:8786" and not options.ship_bytes


def test_a_rerun_reports_inputs_still_failed_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Regression: a rerun skipped a file that had failed before as "unchanged", exited 0 and no
    # longer mentioned it, although the archive still lacked it.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.pdf").write_bytes(fake_pdf("0001/24", "Vorlage Radweg"))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nno objects, no pages\n%%EOF\n")
    db = tmp_path / "archive.sqlite"
    command = ["ingest", str(folder), "--db", str(db), "-j", "1", "--parse-function", HOOK, "--progress", "none"]
    assert main([*command, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["counts"]["failed"] == 1

    assert main([*command, "--json"]) == 1  # nothing parsed, but one input is still failed
    out, err = capsys.readouterr()
    summary = json.loads(out)
    assert summary["counts"]["unchanged"] == 2 and summary["still_failed"] == 1
    assert "1 input failed in an earlier run" in err and "--retry-failed" in err

    assert main([*command, "--json", "--retry-failed"]) == 1  # parsed again, failed again
    summary = json.loads(capsys.readouterr().out)
    assert summary["counts"]["failed"] == 1 and summary["still_failed"] == 0
