"""How the OParl client may fetch: its politeness and safety settings, and the URL check."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import UnsafeUrlError


def user_agent() -> str:
    """The User-Agent of every request: ratsdoc's name, version and home."""
    from .. import __version__

    return f"ratsdoc/{__version__} (OParl client; +https://pypi.org/project/ratsdoc/)"


@dataclass(frozen=True)
class HttpSettings:
    """How politely and how far the client fetches; the defaults are those of ``ratsdoc ingest --oparl``."""

    rate: float = 2.0  # requests per second, at most
    timeout: float = 30.0  # seconds to connect, and between two reads of an answer
    retries: int = 4  # further attempts after a 429, a 5xx or a lost connection
    backoff: float = 1.0  # seconds before the first retry, doubled for each further one
    max_backoff: float = 60.0  # longest wait between two attempts, Retry-After included
    max_redirects: int = 5
    max_bytes: int = 200 * 1024 * 1024  # largest file downloaded (the parser's max_file_size)
    max_json_bytes: int = 32 * 1024 * 1024  # largest OParl JSON page read
    deadline: float = 600.0  # seconds one answer may take in all (a server that drips bytes)


def check_url(url: str) -> str:
    """``url`` when it is an http(s) URL with a host; else :class:`UnsafeUrlError`."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeUrlError("only http(s) URLs with a host are fetched", url=url)
    return url
