"""A local OParl 1.1 server for the ``ingest --oparl`` tests (no tests in this file).

It serves on 127.0.0.1 a System, one Body, its paper and meeting lists (paginated through
``links.next``, filtered by ``modified_since``) and the project's fixture PDFs, with ETag and
Last-Modified. The objects are built here from the fixtures' hand-written goldens, shaped like
the specification's examples (/work/shared/oparl/examples, Paper-01.json and Meeting-01.json).
Failures on purpose: ``missing.pdf`` answers 404, ``broken.pdf`` always 500, ``flaky.pdf`` 500
once then the file, the second paper page 429 once; ``file_delay`` slows every PDF. The server
counts every request and every PDF body it sends.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .oparl_hooks import FIXTURES, golden

TYPE = "https://schema.oparl.org/1.1/"
OLD = "2024-06-01T10:00:00+02:00"  # when every object was last modified, until touched


class _QuietServer(ThreadingHTTPServer):
    """A threading server that does not print the broken pipes of a client killed on purpose."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet."""


@dataclass
class Served:
    """A file the server hands out: its bytes, or a failure (``status``) instead of them."""

    data: bytes = b""
    status: int = 200
    fail_first: int = 0  # answers ``status`` this many times, then the bytes


@dataclass
class OParlServer:
    """The server's objects and files; :meth:`start` serves them, :attr:`url` is the System."""

    page_size: int = 2
    file_delay: float = 0.0
    papers: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, Served] = field(default_factory=dict)
    requests: Counter[str] = field(default_factory=Counter)
    downloads: list[str] = field(default_factory=list)
    agents: set[str] = field(default_factory=set)
    queries: list[str] = field(default_factory=list)
    fail_page_once: str | None = None  # "papers?page=2": answered 429 the first time
    broken_page: str | None = None  # "meetings?page=2": answered 500 every time
    in_flight: int = 0  # requests being answered (a killed client's request still runs to its end)

    def settle(self, timeout: float = 10.0) -> None:
        """Wait until no request is being answered (those of a killed client finish too)."""
        deadline = time.monotonic() + timeout
        while self.in_flight and time.monotonic() < deadline:
            time.sleep(0.02)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.httpd = _QuietServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = f"{self.base}/oparl/system"
        self.body_id = f"{self.base}/oparl/body/1"

    # -- building the system ----------------------------------------------------------------------
    def file_object(self, name: str, served: Served, title: str) -> dict[str, Any]:
        """An OParl File for ``/files/<name>`` (shaped like File-01.json)."""
        self.files[name] = served
        url = f"{self.base}/files/{name}"
        return {
            "id": f"{self.base}/oparl/file/{name}",
            "type": TYPE + "File",
            "name": title,
            "fileName": name,
            "mimeType": "application/pdf",
            "accessUrl": url,
            "size": len(served.data),
            "created": OLD,
            "modified": OLD,
        }

    def add_paper(self, pdf: str, *, aux: list[tuple[str, Served]] = (), **override: Any) -> dict[str, Any]:
        """A Paper whose mainFile is fixture ``pdf`` (name, reference, date from its golden)."""
        values = golden(FIXTURES / pdf)
        index = len(self.papers) + 1
        main = override.pop("main", None) or Served(data=(FIXTURES / pdf).read_bytes())
        paper = {
            "id": f"{self.base}/oparl/paper/{index}",
            "type": TYPE + "Paper",
            "body": self.body_id,
            "name": values.get("title"),
            "reference": values.get("number"),
            "date": values.get("date"),
            "paperType": values.get("document_type"),
            "mainFile": self.file_object(f"paper{index}-{pdf}", main, values.get("title") or ""),
            "auxiliaryFile": [self.file_object(name, served, "Anlage") for name, served in aux],
            "created": OLD,
            "modified": OLD,
            **override,
        }
        self.papers.append(paper)
        return paper

    def add_meeting(self, pdf: str, role: str, **override: Any) -> dict[str, Any]:
        """A Meeting whose ``role`` File (invitation, resultsProtocol) is fixture ``meetings/pdf``."""
        values = golden(FIXTURES / "meetings" / pdf)
        header = values["meeting"]
        index = len(self.meetings) + 1
        served = Served(data=(FIXTURES / "meetings" / pdf).read_bytes())
        meeting = {
            "id": f"{self.base}/oparl/meeting/{index}",
            "type": TYPE + "Meeting",
            "name": header.get("number"),
            "start": f"{header['date']}T{header.get('start') or '00:00'}:00+02:00",
            role: self.file_object(f"meeting{index}-{pdf}", served, values.get("document_type") or ""),
            "created": OLD,
            "modified": OLD,
            **override,
        }
        self.meetings.append(meeting)
        return meeting

    def touch(self, obj: dict[str, Any]) -> None:
        """Mark an object modified now (it shows up in the next ``modified_since`` list)."""
        obj["modified"] = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()

    # -- serving ----------------------------------------------------------------------------------
    def start(self) -> OParlServer:
        """Serve in a daemon thread."""
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        self.httpd.shutdown()
        self.httpd.server_close()

    def page(self, kind: str, items: list[dict[str, Any]], query: dict[str, list[str]]) -> dict[str, Any]:
        """One page of an external list (OParl 2-05), filtered by ``modified_since``."""
        since = query.get("modified_since", [None])[0]
        if since:
            moment = dt.datetime.fromisoformat(since)
            items = [obj for obj in items if dt.datetime.fromisoformat(obj["modified"]) >= moment]
        number = int(query.get("page", ["1"])[0])
        chunk = items[(number - 1) * self.page_size : number * self.page_size]
        links: dict[str, str] = {}
        if number * self.page_size < len(items):
            extra = f"&modified_since={since}" if since else ""
            links["next"] = f"{self.base}/oparl/body/1/{kind}?page={number + 1}{extra}".replace("+", "%2B")
        return {"data": chunk, "pagination": {"elementsPerPage": self.page_size, "currentPage": number}, "links": links}

    def route(self, path: str, query: dict[str, list[str]]) -> tuple[int, dict[str, Any] | None]:
        """The JSON answer (status, object) to a GET of ``path``; (0, None) for files."""
        if path == "/oparl/system":
            return 200, {
                "id": self.url,
                "type": TYPE + "System",
                "oparlVersion": TYPE,
                "body": f"{self.base}/oparl/bodies",
                "name": "Test-System",
            }
        if path == "/oparl/bodies":
            body = {
                "id": self.body_id,
                "type": TYPE + "Body",
                "system": self.url,
                "name": "Stadt Beispiel",
                "organization": f"{self.base}/oparl/body/1/organizations",
                "person": f"{self.base}/oparl/body/1/persons",
                "paper": f"{self.base}/oparl/body/1/papers",
                "meeting": f"{self.base}/oparl/body/1/meetings",
                "legislativeTerm": [],
            }
            return 200, {"data": [body], "pagination": {}, "links": {}}
        if path == "/oparl/body/1/papers":
            return 200, self.page("papers", self.papers, query)
        if path == "/oparl/body/1/meetings":
            time.sleep(0.2)  # the slow endpoint
            return 200, self.page("meetings", self.meetings, query)
        return 0, None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

            def do_GET(self) -> None:
                with server.lock:
                    server.in_flight += 1
                try:
                    self.answer()
                finally:
                    with server.lock:
                        server.in_flight -= 1

            def answer(self) -> None:
                parts = urlsplit(self.path)
                query = parse_qs(parts.query)
                key = parts.path + (f"?page={query['page'][0]}" if "page" in query else "")
                with server.lock:
                    server.requests[key] += 1
                    seen = server.requests[key]
                    server.agents.add(self.headers.get("User-Agent", ""))
                    server.queries.append(parts.path + ("?" + parts.query if parts.query else ""))
                if server.fail_page_once and key.endswith(server.fail_page_once) and seen == 1:
                    self.send_response(429)
                    self.send_header("Retry-After", "0")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if server.broken_page and key.endswith(server.broken_page):
                    self.reply(500, b"{}", "application/json")
                    return
                status, obj = server.route(parts.path, query)
                if obj is not None:
                    self.reply(status, json.dumps(obj).encode(), "application/json")
                elif parts.path.startswith("/files/"):
                    self.file(parts.path[len("/files/") :], seen)
                else:
                    self.reply(404, b"{}", "application/json")

            def reply(self, status: int, body: bytes, mime: str, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", mime)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def file(self, name: str, seen: int) -> None:
                served = server.files.get(name)
                if served is None:
                    self.reply(404, b"not found", "text/plain")
                    return
                if served.status != 200 and (not served.fail_first or seen <= served.fail_first):
                    self.reply(served.status, b"error", "text/plain")
                    return
                time.sleep(server.file_delay)
                etag = '"' + hashlib.sha1(served.data, usedforsecurity=False).hexdigest() + '"'
                modified = format_datetime(dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc), usegmt=True)
                if self.headers.get("If-None-Match") == etag:
                    self.reply(304, b"", "application/pdf", {"ETag": etag})
                    return
                with server.lock:
                    server.downloads.append(name)
                self.reply(200, served.data, "application/pdf", {"ETag": etag, "Last-Modified": modified})

        return Handler
