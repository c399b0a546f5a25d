"""A polite, bounded HTTP client for OParl endpoints: rate limit, retries, timeouts, size limits.

Every request goes through :class:`PoliteClient`: only http(s) URLs (each redirect hop is checked
again, at most ``max_redirects`` of them), at most ``rate`` requests per second, a User-Agent
naming ratsdoc, a timeout per connect and read, and retries with exponential backoff on 429 and
5xx answers and on lost connections (``Retry-After`` is honoured up to ``max_backoff``). A
download is refused when its Content-Length is over the limit, and stopped when the bytes read
pass it; it is written to a temporary file in the target folder (opened exclusively) and renamed
to its SHA-256, so a name never comes from the URL.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import json
import os
import secrets
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx

from ..errors import DownloadError, LimitExceededError
from .http_settings import HttpSettings, check_url, user_agent

#: Prefix of the temporary files of downloads in progress (removed by the next run when left over).
PART_PREFIX = ".part-"
_CHUNK = 256 * 1024


@dataclass(frozen=True)
class Fetched:
    """A download's outcome: ``status`` 304 (unchanged, nothing written) or 200 with the file."""

    status: int
    path: Path | None = None
    sha256: str | None = None
    size: int = 0
    etag: str | None = None
    last_modified: str | None = None


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks to wait (Retry-After as seconds or as an HTTP date)."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    with contextlib.suppress(ValueError):
        return max(0.0, float(value))
    with contextlib.suppress(TypeError, ValueError):
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    return None


def _too_large(what: str, limit: int, size: int, url: str) -> LimitExceededError:
    """The error of an answer over the download limit (checked before and while downloading)."""
    stage = "while downloading (stopped)" if what.startswith("the answer") else "(not downloaded)"
    return LimitExceededError(
        f"{what} the limit of {limit:,} bytes {stage}", limit="max_download_size", maximum=limit, value=size, file=url
    )


class PoliteClient:
    """GETs JSON pages and files under :class:`HttpSettings`; counts its requests in ``requests``."""

    def __init__(self, settings: HttpSettings, *, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.http = httpx.Client(
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,  # followed here, so every hop's scheme is checked
            headers={"User-Agent": user_agent()},
            transport=transport,
        )
        self.requests = 0
        self._next_slot = 0.0

    def close(self) -> None:
        """Close the connections."""
        self.http.close()

    def _pace(self) -> None:
        """Wait for the next request slot of the rate limit."""
        wait = self._next_slot - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._next_slot = time.monotonic() + 1.0 / self.settings.rate

    def _follow(self, url: str, headers: Mapping[str, str]) -> httpx.Response:
        """The first answer that is not a redirect (streamed, not read yet)."""
        for _hop in range(self.settings.max_redirects + 1):
            check_url(url)
            self._pace()
            self.requests += 1
            response = self.http.send(self.http.build_request("GET", url, headers=dict(headers)), stream=True)
            location = response.headers.get("location")
            if response.status_code not in (301, 302, 303, 307, 308) or not location:
                return response
            response.close()
            url = urljoin(url, location)
        raise DownloadError(f"more than {self.settings.max_redirects} redirects", url=url)

    @contextlib.contextmanager
    def open(self, url: str, headers: Mapping[str, str] | None = None) -> Iterator[httpx.Response]:
        """The streamed answer to a GET of ``url`` (2xx or 304), after redirects and retries.

        Raises :class:`DownloadError` for a 4xx (no retry), and for a 429, 5xx or lost connection
        that is still there after ``retries`` further attempts.
        """
        attempt = 0
        while True:
            wait = self.settings.backoff * 2**attempt
            try:
                response = self._follow(url, headers or {})
            except httpx.TransportError as exc:
                error = DownloadError(f"no answer: {type(exc).__name__}: {exc}".rstrip(": "), url=url)
            else:
                code = response.status_code
                if code != 429 and code < 500:
                    if code >= 300 and code != 304:  # 4xx: asking again would not help
                        response.close()
                        raise DownloadError(f"HTTP {code} {response.reason_phrase}".strip(), url=url, status=code)
                    try:
                        yield response
                    finally:
                        response.close()
                    return
                wait = max(wait, _retry_after(response) or 0.0)
                response.close()
                error = DownloadError(f"HTTP {code} {response.reason_phrase}".strip(), url=url, status=code)
            if attempt >= self.settings.retries:
                if attempt:
                    error.reason += f" (after {attempt + 1} attempts)"
                raise error
            time.sleep(min(wait, self.settings.max_backoff))
            attempt += 1

    def _chunks(self, response: httpx.Response, url: str, limit: int) -> Iterator[bytes]:
        """The body's chunks, refused before reading when Content-Length is over ``limit`` and stopped
        when the bytes read pass it or the answer takes longer than the deadline."""
        declared = response.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise _too_large(f"Content-Length {int(declared):,} bytes is over", limit, int(declared), url)
        started, size = time.monotonic(), 0
        try:
            for chunk in response.iter_bytes(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _too_large("the answer passed", limit, size, url)
                if time.monotonic() - started > self.settings.deadline:
                    raise DownloadError(f"answer took longer than {self.settings.deadline:g} s (stopped)", url=url)
                yield chunk
        except httpx.HTTPError as exc:
            raise DownloadError(f"answer broke off: {type(exc).__name__}: {exc}".rstrip(": "), url=url) from None

    def get_json(self, url: str, params: Mapping[str, str] | None = None) -> tuple[dict[str, Any], str | None]:
        """The JSON object at ``url`` (``params`` added to its query) and the answer's Date header."""
        if params:
            url = str(httpx.URL(url).copy_merge_params(dict(params)))
        with self.open(url, {"Accept": "application/json"}) as response:
            body = b"".join(self._chunks(response, url, self.settings.max_json_bytes))
            date = response.headers.get("date")
        try:
            data = json.loads(body)
        except ValueError:
            raise DownloadError("answer is not JSON", url=url, status=response.status_code) from None
        if not isinstance(data, dict):
            raise DownloadError("answer is not a JSON object", url=url, status=response.status_code)
        return data, date

    def download(self, url: str, folder: Path, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """Fetch ``url`` into ``folder/<sha256[:2]>/<sha256>.pdf``; 304 (nothing written) when the
        server says the copy with ``etag`` / ``last_modified`` is still current."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with self.open(url, headers) as response:
            if response.status_code == 304:
                return Fetched(304, etag=etag, last_modified=last_modified)
            temporary = folder / f"{PART_PREFIX}{os.getpid()}-{secrets.token_hex(8)}"
            digest, size = hashlib.sha256(), 0
            try:
                with temporary.open("xb") as handle:  # exclusive: never another file of that name
                    for chunk in self._chunks(response, url, self.settings.max_bytes):
                        digest.update(chunk)
                        handle.write(chunk)
                        size += len(chunk)
                sha256 = digest.hexdigest()
                target = folder / sha256[:2] / f"{sha256}.pdf"
                target.parent.mkdir(exist_ok=True)
                os.replace(temporary, target)  # atomic: a reader sees the whole file or none
            finally:
                temporary.unlink(missing_ok=True)
            return Fetched(
                response.status_code,
                path=target,
                sha256=sha256,
                size=size,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
