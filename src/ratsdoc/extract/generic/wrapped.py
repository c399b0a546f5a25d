"""Whether a line goes on with the sentence of the line above: a type or request word at the
start of such a line ("... stellen wir folgenden" over "Antrag:", "... in die" over "Tagesordnung
der Sitzung der ...") is a word of a letter's paragraph, never a heading."""

from __future__ import annotations

from ...layout.lines import Line

#: Lines of one paragraph stand closer than half a line apart.
_GAP = 0.5


def continues_sentence(prev: Line | None, line: Line) -> bool:
    """Whether ``line`` goes on with the sentence of ``prev``: close below it on the same page,
    ``prev`` ending in a lowercase word without punctuation."""
    if prev is None or prev.page != line.page or line.top - prev.bottom > _GAP * line.size:
        return False
    words = prev.text.split()
    return bool(words) and words[-1][-1].isalpha() and words[-1][0].islower()
