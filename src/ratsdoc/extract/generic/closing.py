"""The end of a letter or motion: the closing formula and the signature block of names."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ...layout.lines import Line

_CLOSING = regex.compile(
    r"^\s*(?:Mit (?:freundlichen|besten|herzlichen) Grü(?:ß|ss)en|Mit freundlichem Gru(?:ß|ss)|"
    r"(?:Freundliche|Herzliche|Viele|Beste) Grü(?:ß|ss)e|Hochachtungsvoll)",
    regex.IGNORECASE,
)
#: A signature block has at most this many lines (names, roles).
_MAX_SIGNATURE = 8
_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}.'’-]*|von|van|de|der|zu|und|&|\(\p{L}+\))$")
_SENTENCE_END = (".", "!", "?", ":", ";")


def is_closing(text: str) -> bool:
    """Whether ``text`` opens with a letter's closing formula."""
    return bool(_CLOSING.match(text))


def _signature_line(line: Line) -> bool:
    """A name or a role: a few capitalised words, no sentence punctuation, no digits."""
    words = line.text.split()
    return (
        0 < len(words) <= 5
        and not line.text.rstrip().endswith(_SENTENCE_END)
        and not any(ch.isdigit() for ch in line.text)
        and all(_NAME_WORD.match(w) for w in words)
    )


def trailing_signature(lines: Sequence[Line]) -> int:
    """How many lines at the end of ``lines`` are a signature block: names and roles set
    apart from the text above by a wide gap."""
    count = 0
    while count < min(_MAX_SIGNATURE, len(lines) - 1) and _signature_line(lines[-1 - count]):
        count += 1
    while count:
        first, above = lines[-count], lines[-count - 1]
        if first.page != above.page or first.top - above.bottom > 1.5 * first.size:
            return count
        count -= 1
    return 0
