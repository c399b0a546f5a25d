"""The start of a letter's body: a first sentence that only announces the paper itself ("zur
Sitzung des Stadtrates am 19.02.2024 stellt die SPD-Fraktion folgende Anfrage.") is no part of
its reasons."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from ...layout.lines import Line
from ...text.normalize import join_lines

#: The particle of a separable verb that may end an announcement: "reiche ich folgenden Antrag
#: ein", "legen wir folgende Anfrage vor" (einreichen, einbringen, vorlegen).
_PARTICLES = ("ein", "vor")


def _announcement_re(types: Sequence[str]) -> regex.Pattern[str]:
    """A sentence ending in "folgende(n/s) <type>" ("folgenden Antrag.", "folgende Anfrage:",
    "folgendes Postulat."), the type also as the head of a compound ("folgenden Prüfantrag:"),
    maybe with its verb's particle after it ("hiermit reiche ich folgenden Antrag ein.")."""
    names = "|".join(regex.escape(t) for t in sorted(types, key=len, reverse=True)) or r"(?!x)x"
    particles = "|".join(_PARTICLES)
    return regex.compile(rf"\bfolgende[ns]?\s+\p{{L}}*(?:{names})(?:\s+(?:{particles}))?\s*[.:]$", regex.IGNORECASE)


def leading_announcement(
    lines: Sequence[Line], types: Sequence[str], new_paragraph: Callable[[Line, Line], bool]
) -> int:
    """How many lines at the start of ``lines`` (a letter's body after the salutation) announce the
    paper as one of ``types`` and say nothing else: the first paragraph's lines up to the line that
    ends the announcement ("... folgenden Antrag:"), 0 when the first paragraph has none.
    ``new_paragraph(prev, line)`` tells paragraph breaks."""
    count = 0
    while count < len(lines) and (count == 0 or not new_paragraph(lines[count - 1], lines[count])):
        count += 1
    announcement = _announcement_re(types)
    # The announcement may end a line with no space below it (on a scan a mark over the line
    # stretches its box down to the next): the paragraph's first lines up to it are the announcement.
    return next(
        (end for end in range(1, count + 1) if announcement.search(join_lines([ln.text for ln in lines[:end]]))), 0
    )
