"""What the readers of a meeting document's head share: how many first-page lines they search, a
line's plain text, and a heading split into a name and the rest ('Stadtrat Jena – Protokoll ...')."""

from __future__ import annotations

import regex

from ..layout.lines import Line
from ..text.normalize import ICONS

#: How many first-page lines may hold the type heading of a meeting document.
TYPE_LINES = 15
#: How many first-page lines are searched for the words of a session record and its body.
EVIDENCE_LINES = 30
#: A head line that names only the body or the issuer is short.
SHORT_LINE = 6
#: A name, a dash or colon, and the rest of a heading ('Stadtrat Jena – Protokoll ...').
AFTER_NAME = regex.compile(r"^\s*(?P<name>[^–—:|]{3,60}?)\s*(?:\s[–—-]|:|\|)\s+(?P<rest>\S.*)$")


def line_text(line: Line) -> str:
    """The words of ``line`` with single spaces, symbol-font icons dropped."""
    return " ".join(ICONS.sub("", line.text).split())
