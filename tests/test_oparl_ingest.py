"""``ratsdoc ingest --oparl``: crawl a local OParl server, store, rerun incrementally, resume after kill -9.

The server (tests/oparl_server.py) runs on 127.0.0.1 in a thread; nothing leaves the machine.
Most runs use the golden parse function (the fixtures' hand-written fields, no parsing), so the
file stays fast; one test parses two fixture PDFs with ratsdoc itself.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("httpx", reason="ingest --oparl needs httpx (pip install 'ratsdoc[oparl]')")

from ratsdoc.cli import main
from ratsdoc.ingest import IngestOptions
from ratsdoc.ingest.oparl_run import ingest_oparl
from ratsdoc.oparl.client import PoliteClient
from ratsdoc.oparl.http_settings import HttpSettings

from .oparl_hooks import FIXTURES
from .oparl_server import OParlServer, Served
from .test_oparl import needs_schemas, validate

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
HOOK = f"{TESTS / 'oparl_hooks.py'}:golden_parse"
FAST = HttpSettings(rate=1000, backoff=0.01, retries=2, timeout=5)


def _options(**values: object) -> IngestOptions:
    return IngestOptions(workers=1, parse_function=HOOK, **values)  # type: ignore[arg-type]


def _system(server: OParlServer) -> OParlServer:
    """Five papers on three pages, two meetings; a 404, a persistent 500, a transient 500 and a 429."""
    informationsvorlage = (FIXTURES / "gotha-2024-088-informationsvorlage.pdf").read_bytes()
    server.add_paper("erfurt-1203-24-radweg.pdf", aux=[("anlage-1.pdf", Served(data=informationsvorlage))])
    server.add_paper("gotha-2024-123-gehweg.pdf", reference="2024/999")  # the PDF prints 2024/123
    flaky = Served(data=(FIXTURES / "allris-24-0611-schulstrasse.pdf").read_bytes(), status=500, fail_first=1)
    server.add_paper("allris-24-0611-schulstrasse.pdf", main=flaky)
    server.add_paper("erfurt-0233-24-anfrage.pdf", aux=[("missing.pdf", Served(status=404))])
    server.add_paper("allris-24-0233-mitteilung.pdf", aux=[("broken.pdf", Served(status=500))])
    server.add_meeting("einladung-1.pdf", "invitation")
    server.add_meeting("niederschrift-1.pdf", "resultsProtocol", start="2024-01-16T16:30:00+01:00")  # PDF: 15th
    server.fail_page_once = "papers?page=2"
    return server


@pytest.fixture
def server() -> Iterator[OParlServer]:
    running = _system(OParlServer()).start()
    yield running
    running.stop()


@needs_schemas
def test_the_served_objects_are_valid_oparl() -> None:
    server = _system(OParlServer())
    try:
        system = server.route("/oparl/system", {})[1]
        bodies = server.route("/oparl/bodies", {})[1]
        assert system is not None and bodies is not None
        checked = validate(system) + validate(bodies) + sum(validate(obj) for obj in server.papers + server.meetings)
    finally:
        server.httpd.server_close()
    assert checked >= 1 + 1 + 5 + 2 + 8  # the System, the Body, 5 Papers, 2 Meetings and their Files


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _pdf_requests(server: OParlServer) -> dict[str, int]:
    return {key: count for key, count in server.requests.items() if key.startswith("/files/")}


def test_crawl_stores_everything_and_reruns_fetch_only_changes(server: OParlServer, tmp_path: Path) -> None:
    db = tmp_path / "council.sqlite"
    crawled = ingest_oparl(server.url, db, _options(), FAST)
    kinds = dict(_rows(db, "SELECT kind, COUNT(*) FROM oparl_objects GROUP BY kind"))
    assert kinds == {"paper": 5, "meeting": 2}
    # 5 mainFiles + 1 attachment + 2 meeting documents, all different PDFs; the transient 500 was retried.
    statuses = dict(_rows(db, "SELECT status, COUNT(*) FROM documents GROUP BY status"))
    assert statuses.get("ok", 0) + statuses.get("warning", 0) == 8
    assert statuses["failed"] == 2
    failed = dict(_rows(db, "SELECT url, http_status FROM oparl_files WHERE status = 'failed'"))
    assert failed == {f"{server.base}/files/missing.pdf": 404, f"{server.base}/files/broken.pdf": 500}
    reasons = {row[0] for row in _rows(db, "SELECT error_message FROM documents WHERE status = 'failed'")}
    assert any("404" in reason for reason in reasons) and any(
        "500" in reason and "attempts" in reason for reason in reasons
    )
    assert server.requests["/files/paper3-allris-24-0611-schulstrasse.pdf"] == 2  # a 500, then the file
    assert server.requests["/oparl/body/1/papers?page=2"] == 2  # a 429, then the page
    assert server.requests["/files/broken.pdf"] == 3  # the first attempt and FAST's two retries
    # Every object's metadata is stored beside the parsed row it belongs to.
    joined = _rows(
        db,
        "SELECT json_extract(o.object_json, '$.reference'), d.number FROM oparl_objects o "
        "JOIN oparl_files f ON f.owner = o.id AND f.role = 'mainFile' JOIN documents d ON d.sha256 = f.sha256",
    )
    assert sorted(joined) == sorted(
        [
            ("1203/24", "1203/24"),
            ("2024/999", "2024/123"),
            ("24/0611", "24/0611"),
            ("0233/24", "0233/24"),
            ("24/0233", "24/0233"),
        ]
    )
    found = {
        (item["object"].rsplit("/", 2)[-2], item["field"], item["oparl"], item["parsed"])
        for item in crawled.report.disagreements
    }
    assert found == {
        ("paper", "reference", "2024/999", "2024/123"),
        ("meeting", "start", "2024-01-16T16:30:00+01:00", "2024-01-15T16:30"),
    }
    assert crawled.exit_code == 1  # two files could not be fetched
    assert all(agent.startswith("ratsdoc/") for agent in server.agents)
    # Files live below <db>.files, named by their SHA-256, and nothing else is there.
    folder = tmp_path / "council.sqlite.files"
    stored = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    shas = sorted(
        f"{row[0][:2]}/{row[0]}.pdf"
        for row in _rows(db, "SELECT DISTINCT sha256 FROM oparl_files WHERE status='stored'")
    )
    assert stored == shas and len(stored) == 8

    before = _rows(db, "SELECT COUNT(*) FROM documents")[0][0]
    server.downloads.clear()
    server.requests.clear()
    server.queries.clear()
    again = ingest_oparl(server.url, db, _options(), FAST)
    assert server.downloads == []
    # The lists are asked only for what changed since the last complete walk ...
    lists = [q for q in server.queries if q.startswith("/oparl/body/1/")]
    assert lists and all("modified_since=" in q for q in lists)
    # ... and the only files asked for again are the two that failed before.
    assert set(_pdf_requests(server)) == {"/files/missing.pdf", "/files/broken.pdf"}
    assert again.summary.counts["ok"] + again.summary.counts["warning"] == 0
    assert _rows(db, "SELECT COUNT(*) FROM documents")[0][0] == before

    # A paper whose metadata changed is listed again; its unchanged file answers 304 to its ETag.
    server.touch(server.papers[0])
    server.papers[0]["name"] = "Neuer Titel"
    server.requests.clear()
    third = ingest_oparl(server.url, db, _options(), FAST)
    assert server.downloads == []
    assert server.requests["/files/paper1-erfurt-1203-24-radweg.pdf"] == 1
    assert third.report.not_modified == 2  # its mainFile and its attachment
    name = _rows(
        db, f"SELECT json_extract(object_json, '$.name') FROM oparl_objects WHERE id = '{server.papers[0]['id']}'"
    )
    assert name == [("Neuer Titel",)]
    fields = {(item["object"], item["field"]) for item in third.report.disagreements}
    assert (server.papers[0]["id"], "name") in fields  # the new title is not the printed one

    # A file whose bytes changed is downloaded and parsed again.
    server.touch(server.papers[1])
    server.files["paper2-gotha-2024-123-gehweg.pdf"].data = (FIXTURES / "gotha-2024-151-satzung.pdf").read_bytes()
    fourth = ingest_oparl(server.url, db, _options(), FAST)
    assert server.downloads == ["paper2-gotha-2024-123-gehweg.pdf"]
    assert fourth.summary.counts["ok"] + fourth.summary.counts["warning"] == 1


def _count(db: Path) -> int:
    if not db.exists():  # connecting would create it
        return 0
    try:
        return int(_rows(db, "SELECT COUNT(*) FROM documents WHERE status IN ('ok', 'warning')")[0][0])
    except sqlite3.Error:
        return 0


def test_kill_and_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    server = _system(OParlServer(file_delay=0.2)).start()
    try:
        db = tmp_path / "killed.sqlite"
        command = [sys.executable, "-m", "ratsdoc", "ingest", "--oparl", server.url, "--db", str(db)]
        command += ["-j", "1", "--parse-function", HOOK, "--progress", "none", "--rate", "1000", "--backoff", "0.01"]
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while _count(db) < 3 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, "the run ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert 3 <= _count(db) < 8
        server.file_delay = 0.0
        server.settle()  # the killed run's last download may still be answered: not the rerun's
        stored_before = _count(db)
        server.downloads.clear()
        rerun = ingest_oparl(server.url, db, _options(), FAST)
        assert rerun.exit_code == 1  # the 404 and the 500 are still failed
        assert len(server.downloads) <= 8 - stored_before  # what was stored answers 304 now
        assert not list((tmp_path / "killed.sqlite.files").glob(".part-*"))
        # Every object and file once, as an uninterrupted run stores them (the first test).
        assert _rows(
            db, "SELECT kind, COUNT(*), COUNT(DISTINCT id) FROM oparl_objects GROUP BY kind ORDER BY kind"
        ) == [
            ("meeting", 2, 2),
            ("paper", 5, 5),
        ]
        files = _rows(
            db, "SELECT status, COUNT(*), COUNT(DISTINCT owner || ' ' || file_id) FROM oparl_files GROUP BY status"
        )
        assert sorted(files) == [("failed", 2, 2), ("stored", 8, 8)]
        documents = _rows(db, "SELECT status, COUNT(*), COUNT(DISTINCT sha256) FROM documents GROUP BY status")
        assert sorted(documents) == [("failed", 2, 2), ("ok", 8, 8)]
        missing = _rows(
            db,
            "SELECT COUNT(*) FROM oparl_files f LEFT JOIN documents d ON d.sha256 = f.sha256 "
            "WHERE f.status = 'stored' AND d.sha256 IS NULL",
        )
        assert missing == [(0,)]
        assert _rows(db, "SELECT COUNT(*), COUNT(DISTINCT path || sha256) FROM paths") == [(10, 10)]
    finally:
        server.stop()


def test_real_parse_compares_the_printed_number(tmp_path: Path) -> None:
    server = OParlServer()
    server.add_paper("gotha-2024-123-gehweg.pdf", reference="2024/124")
    server.start()
    try:
        crawled = ingest_oparl(server.url, tmp_path / "real.sqlite", IngestOptions(workers=1), FAST)
    finally:
        server.stop()
    assert crawled.summary.parsed == 1
    assert [(d["field"], d["oparl"], d["parsed"]) for d in crawled.report.disagreements] == [
        ("reference", "2024/124", "2024/123")
    ]


def test_cli_refuses_bad_urls_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "x.sqlite")
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cases = [
        ([], 2, "one of them"),
        (["--oparl", "file:///etc/passwd"], 2, "http(s)"),
        (["--oparl", f"http://127.0.0.1:{port}/oparl", "--retries", "0"], 1, "no answer"),
    ]
    for args, code, words in cases:
        assert main(["ingest", "--db", db, "--progress", "none", *args]) == code
        err = capsys.readouterr().err
        assert words in err and len(err.strip().splitlines()) == 1, err


def test_client_bounds_redirects_sizes_and_schemes(tmp_path: Path) -> None:
    import httpx

    body = b"%PDF-1.4 " + b"x" * 5000

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/loop":
            return httpx.Response(302, headers={"Location": "/loop"})
        if path == "/to-file":
            return httpx.Response(302, headers={"Location": "file:///etc/passwd"})
        if path == "/declared":
            return httpx.Response(200, headers={"Content-Length": str(10**9)}, content=b"")
        if path == "/stream":  # no Content-Length: counted while streaming
            return httpx.Response(200, content=iter([body[:3000], body[3000:]]))
        return httpx.Response(200, content=body)

    from ratsdoc.errors import DownloadError, LimitExceededError, UnsafeUrlError

    client = PoliteClient(
        HttpSettings(max_bytes=4096, max_redirects=3, rate=1000), transport=httpx.MockTransport(answer)
    )
    with pytest.raises(DownloadError, match="more than 3 redirects"):
        client.download("http://h/loop", tmp_path)
    assert client.requests == 4
    with pytest.raises(UnsafeUrlError):
        client.download("http://h/to-file", tmp_path)
    with pytest.raises(LimitExceededError, match="Content-Length"):
        client.download("http://h/declared", tmp_path)
    with pytest.raises(LimitExceededError, match="while downloading"):
        client.download("http://h/stream", tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing kept of the refused downloads
    client.close()


def test_slow_answers_time_out_and_are_recorded(tmp_path: Path) -> None:
    server = OParlServer(file_delay=1.5)
    server.add_paper("gotha-2024-123-gehweg.pdf")
    server.start()
    try:
        crawled = ingest_oparl(
            server.url,
            tmp_path / "slow.sqlite",
            _options(),
            HttpSettings(rate=1000, backoff=0.01, retries=1, timeout=0.5),
        )
    finally:
        server.stop()
    assert crawled.report.failed_downloads == 1
    rows = _rows(tmp_path / "slow.sqlite", "SELECT status, error_class, error_message FROM documents")
    assert rows[0][0] == "failed" and rows[0][1] == "DownloadError" and "Timeout" in str(rows[0][2])
    assert json.loads(json.dumps(crawled.report.as_dict()))["objects"] == {"paper": 1, "meeting": 0}


def test_a_broken_list_page_is_walked_again_and_deleted_objects_are_marked(tmp_path: Path) -> None:
    server = OParlServer(page_size=1, broken_page="meetings?page=2")
    paper = server.add_paper("gotha-2024-123-gehweg.pdf", main=Served(status=404))
    for pdf in ("einladung-1.pdf", "einladung-2.pdf"):
        server.add_meeting(pdf, "invitation", **{"invitation": None})  # no file: no parse needed
    server.start()
    db = tmp_path / "lists.sqlite"
    try:
        first = ingest_oparl(server.url, db, _options(), FAST)
        assert first.exit_code == 1
        assert [url.rsplit("/", 1)[-1] for url, _reason in first.report.failed_lists] == ["meetings"]
        assert _rows(db, "SELECT kind, COUNT(*) FROM oparl_objects GROUP BY kind ORDER BY kind") == [
            ("meeting", 1),
            ("paper", 1),
        ]
        server.broken_page = None
        server.queries.clear()
        server.touch(paper)
        paper["deleted"] = True
        second = ingest_oparl(server.url, db, _options(), FAST)
    finally:
        server.stop()
    meeting_lists = [q for q in server.queries if q.startswith("/oparl/body/1/meetings")]
    assert meeting_lists and not any("modified_since" in q for q in meeting_lists)  # walked in full again
    assert any("modified_since" in q for q in server.queries if q.startswith("/oparl/body/1/papers"))
    assert second.report.failed_lists == [] and second.report.deleted == 1
    assert second.exit_code == 0  # the deleted paper's missing file is not asked for again
    assert server.requests["/files/paper1-gotha-2024-123-gehweg.pdf"] == 1
    assert _rows(db, "SELECT kind, deleted FROM oparl_objects ORDER BY kind, id") == [
        ("meeting", 0),
        ("meeting", 0),
        ("paper", 1),
    ]
