"""Links: web and mail addresses printed in the text and link annotations, one entry each."""

from __future__ import annotations

import regex

from ..issues import IssueCode
from .context import Context
from .link_text import printed_urls

_SCHEME = regex.compile(r"^https?://", regex.IGNORECASE)
#: A URI's scheme (RFC 3986), read after removing what browsers ignore in it (controls, spaces).
_URI_SCHEME = regex.compile(r"^([a-z][a-z0-9+.\-]*):", regex.IGNORECASE)
_URI_IGNORED = regex.compile(r"[\x00-\x20\x7f]+")
#: Link targets kept: web and mail addresses. ``javascript:``, ``file:``, ``data:`` and the like
#: point at scripts or at the reader's machine, never at a paper's references.
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def extract_links(ctx: Context) -> None:
    """Fill ``links``: URLs in the text and link annotations, deduplicated, in reading order.

    A link printed as "www.ratsinfo.erlangen.de" whose annotation says
    "http://www.ratsinfo.erlangen.de/" is one link; the printed form is kept.
    """
    found: list[tuple[int, float, float, bool, str]] = []  # page, top, x0, printed, url
    for page, top, x0, url in printed_urls(ctx.lines):
        found.append((page, top, x0, True, url))
    for info in ctx.layout.pages:
        for link in info.links:
            scheme = _uri_scheme(link.uri)
            if scheme is not None and scheme not in _LINK_SCHEMES:
                ctx.warn(
                    IssueCode.LINK_DROPPED,
                    f"page {info.number}: a link to a {scheme}: address was dropped (only web and mail links are kept)",
                    info.number,
                )
                continue
            found.append((info.number, link.top, link.x0, False, link.uri.strip()))
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    printed: dict[str, str] = {}
    for *_, is_printed, url in found:
        if is_printed:
            printed.setdefault(_link_key(url), url)  # the first printed spelling
    links: list[str] = []
    seen: set[str] = set()
    for *_, _, url in found:
        key = _link_key(url)
        if key not in seen:
            seen.add(key)
            links.append(printed.get(key, url))
    ctx.set("links", links, [])


def _uri_scheme(uri: str) -> str | None:
    """The lower-case scheme of a link target; None for one without (a printed "www." host)."""
    match = _URI_SCHEME.match(_URI_IGNORED.sub("", uri))
    return match.group(1).casefold() if match else None


def _link_key(url: str) -> str:
    """What makes two spellings of a URL the same link: no scheme, case, or trailing slash."""
    return _SCHEME.sub("", url).rstrip("/").casefold()
