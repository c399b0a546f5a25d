"""Web addresses printed in the text, with an address wrapped over two lines read as one."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..layout.lines import Line

#: A printed address: a scheme or a "www." host, up to a space or a bracket or quote.
URL = regex.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+", regex.IGNORECASE)
#: Address characters at the start of a line: what an address wrapped at the line end goes on with.
_CONTINUATION = regex.compile(r"^[\p{L}\p{N}][^\s<>\"'()\[\]]*")
#: Characters only an address path has, never a word of running text ("seite/projekt", "?id=4").
_PATH_MARK = regex.compile(r"[/?=&#]")
#: Punctuation that closes a sentence after an address rather than belonging to it.
_TRAILING = ".,;:!?"


def printed_urls(lines: Sequence[Line]) -> list[tuple[int, float, float, str]]:
    """Page, top, x0 and text of each address printed in ``lines`` (in reading order).

    Word processors break a long address at a "-" or "/" or inside a path and go on at the start
    of the next line ("www.bayern-" / "innovativ.de/de/beratung/..."), so an address that ends
    the line is joined with the next line's first word when that word can only go on an address.
    """
    found: list[tuple[int, float, float, str]] = []
    for index, line in enumerate(lines):
        text = line.text.rstrip()
        for match in URL.finditer(text):
            url = match.group(0)
            if match.end() == len(text) and index + 1 < len(lines) and _next_in_paragraph(line, lines[index + 1]):
                url += _continuation(url, lines[index + 1])
            found.append((line.page, line.top, line.x0, url.rstrip(_TRAILING)))
    return found


#: A wrapped address goes on at the next line of its paragraph: no wider gap than this share of the
#: font size above it (one-and-a-half line spacing leaves 0.9; an empty line between, as above
#: "Anlage/n:" set apart under an address, at least 1.3).
_WRAP_GAP = 1.2


def _next_in_paragraph(line: Line, following: Line) -> bool:
    """Whether ``following`` is the next line of ``line``'s paragraph on the same page."""
    return following.page == line.page and following.top - line.bottom <= _WRAP_GAP * line.size


def _continuation(url: str, following: Line) -> str:
    """The start of ``following`` that goes on with ``url`` cut at a line end; "" when none does."""
    if url[-1] in _TRAILING or URL.match(following.text):
        return ""  # a sentence ends with the address, or the next line starts a new one
    match = _CONTINUATION.match(following.text.lstrip())
    if match is None:
        return ""
    word = match.group(0)
    if url.endswith(("-", "/")):
        # Cut after a hyphen or a slash: the next word goes on when it looks like part of an
        # address (a host "innovativ.de", a path), not like a word of the sentence.
        return word if "." in word.rstrip(_TRAILING) or _PATH_MARK.search(word) else ""
    # Cut inside a path: go on only with a word that has path characters of its own.
    has_path = "/" in regex.sub(r"^(?:https?://)", "", url, flags=regex.IGNORECASE)
    return word if has_path and _PATH_MARK.search(word) else ""
