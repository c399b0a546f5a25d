"""Tables run over a page break: the line over a table's rest that says the table goes on."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .context import Context
from .generic.vocabulary import reader_vocabulary

#: Brackets, colons and dashes around a continuation marker ("Beratungsfolge (Fortsetzung)").
_AROUND = regex.compile(r"[()\[\]:,–-]+")


def continues_table(text: str, ctx: Context, labels: Sequence[str]) -> bool:
    """Whether ``text`` says that a table goes on: a continuation marker of the reader's
    vocabulary ("Fortsetzung", "noch") alone or with the whole of one of the profile's
    ``labels`` ("noch Beratungsfolge", "Beratungsfolge (Fortsetzung)")."""
    marker = reader_vocabulary().continuation_re.search(text)
    if marker is None:
        return False
    rest = " ".join(_AROUND.sub(" ", f"{text[: marker.start()]} {text[marker.end() :]}").split())
    if not rest:
        return True
    # The label as the profile writes it, with its colon or without.
    for name in labels:
        for said in (rest, f"{rest}:"):
            found = ctx.profile.label(name, fuzzy=0).match(said)
            if found is not None and found.end() == len(said):
                return True
    return False
