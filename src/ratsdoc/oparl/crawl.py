"""The OParl walker: System → bodies → each body's paper and meeting lists, page by page.

Lists are followed through ``links.next`` (OParl 1.1, 2-05 "Paginierung"); a list walked to its
end before is asked only for what changed since (``modified_since``, 2-05 "Filter"), which
also returns objects deleted since (``deleted: true``, 2-08). The walker yields what it finds;
what is stored, downloaded and parsed is the caller's business.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import DownloadError
from .client import PoliteClient
from .objects import SCHEMA_BASE, JsonDict

#: The lists of a Body that are walked, by the object type they hold.
LIST_KINDS = ("paper", "meeting")
#: The properties of Papers and Meetings that hold Files, in the order they are fetched.
FILE_ROLES = ("mainFile", "invitation", "resultsProtocol", "verbatimProtocol", "auxiliaryFile")
#: A list longer than this many pages is taken for a loop of ``next`` links.
MAX_PAGES = 100_000


@dataclass(frozen=True)
class Found:
    """An object of a Body's ``kind`` list ("paper" or "meeting")."""

    kind: str
    obj: JsonDict
    body: str | None
    list_url: str


@dataclass(frozen=True)
class ListDone:
    """A list was walked to its end; ``since`` is the server's time when the walk began."""

    kind: str
    list_url: str
    since: str


@dataclass(frozen=True)
class ListFailed:
    """A page of a list could not be read; the list's other objects wait for the next run."""

    kind: str
    list_url: str
    error: DownloadError


Event = Found | ListDone | ListFailed


def type_name(obj: JsonDict) -> str:
    """The OParl type of an object without the schema URL ("Paper"); "" when there is none."""
    kind = obj.get("type")
    if not isinstance(kind, str):
        return ""
    return kind[len(SCHEMA_BASE) :] if kind.startswith(SCHEMA_BASE) else kind.rsplit("/", 1)[-1]


def files_of(obj: JsonDict) -> Iterator[tuple[str, JsonDict]]:
    """The (role, File) pairs of a Paper or Meeting, each File once."""
    seen: set[str] = set()
    for role in FILE_ROLES:
        value = obj.get(role)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                key = str(item.get("id") or item.get("accessUrl") or "")
                if key not in seen:
                    seen.add(key)
                    yield role, item


def file_url(file: JsonDict) -> str | None:
    """Where a File's bytes are: its downloadUrl, else its accessUrl (required by OParl)."""
    for name in ("downloadUrl", "accessUrl"):
        value = file.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def server_time(date_header: str | None) -> str:
    """The answer's Date (the server's clock, which ``modified_since`` compares with) as RFC 3339;
    the local clock in UTC when there is none."""
    moment = None
    if date_header:
        try:
            moment = email.utils.parsedate_to_datetime(date_header)
        except (TypeError, ValueError):
            moment = None
    if moment is None or moment.tzinfo is None:
        moment = dt.datetime.now(dt.timezone.utc)
    return moment.replace(microsecond=0).isoformat()


def pages(client: PoliteClient, url: str, params: dict[str, str]) -> Iterator[tuple[list[Any], str | None]]:
    """The ``data`` of each page of the list at ``url`` and each page's Date header."""
    seen: set[str] = set()
    next_url: str | None = url
    while next_url and next_url not in seen and len(seen) < MAX_PAGES:
        seen.add(next_url)
        page, date = client.get_json(next_url, params if next_url == url else None)
        data = page.get("data")
        yield (data if isinstance(data, list) else []), date
        links = page.get("links")
        following = links.get("next") if isinstance(links, dict) else None
        next_url = following if isinstance(following, str) else None


def walk_list(client: PoliteClient, kind: str, url: str, body: str | None, since: str | None) -> Iterator[Event]:
    """Every object of one external list, then :class:`ListDone` (or :class:`ListFailed`)."""
    params = {"modified_since": since} if since else {}
    started: str | None = None
    wanted = kind.capitalize()
    try:
        for data, date in pages(client, url, params):
            started = started or server_time(date)
            for obj in data:
                if isinstance(obj, dict) and type_name(obj) == wanted:
                    yield Found(kind, obj, body, url)
    except DownloadError as exc:
        yield ListFailed(kind, url, exc)
        return
    yield ListDone(kind, url, started or server_time(None))


def bodies(client: PoliteClient, endpoint: str) -> Iterator[JsonDict]:
    """The Bodies of the System at ``endpoint`` (or the Body itself when the endpoint is one).

    An endpoint that cannot be read, or that is neither System nor Body, raises
    :class:`DownloadError`: the run has nothing to walk.
    """
    root, _date = client.get_json(endpoint)
    kind = type_name(root)
    if kind == "Body":
        yield root
        return
    body_list = root.get("body")
    if kind != "System" or not isinstance(body_list, str):
        raise DownloadError(f"not an OParl System or Body (type {kind or 'missing'})", url=endpoint)
    for data, _date in pages(client, body_list, {}):
        yield from (body for body in data if isinstance(body, dict) and type_name(body) == "Body")


def crawl(client: PoliteClient, endpoint: str, since_of: Callable[[str], str | None]) -> Iterator[Event]:
    """Walk the System at ``endpoint``: each Body's paper list, then its meeting list.

    ``since_of(list_url)`` gives the time of the last complete walk of a list (None: walk all).
    """
    for body in bodies(client, endpoint):
        body_id = body.get("id") if isinstance(body.get("id"), str) else None
        for kind in LIST_KINDS:
            url = body.get(kind)
            if isinstance(url, str) and url:
                yield from walk_list(client, kind, url, body_id, since_of(url))
