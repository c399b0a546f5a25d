"""The ``speech`` variant family (built only when named): speech manuscripts a faction publishes,
drawn from a ``random.Random``.

A head with the debate and its date ("Aktuelle Stunde 20.02.2020", "Debatte am 5. Mai 2024"), the
speaker's line ("Birgit Wolff, FDP-Fraktion", bold or not), the speech marker ("(Es gilt das
gesprochene Wort)", "Redemanuskript"), a bold title, a salutation of one to three lines or none,
and the speech over two to four pages. Its paragraphs are set apart by space; in a ragged
manuscript every sentence starts a new line within its paragraph, in a typeset one the sentences
run on. The goldens follow eval/real/README.md for the two Wandsbek speeches: type ``Rede``, the
speaker's line as originator and its faction part as faction, the head's date, body and public
null, and the justification the whole speech after the salutation, paragraphs joined by a blank
line and the lines of one paragraph by spaces, over page breaks too.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import template_flow
import variant_text as vt

#: Salutations as printed, line by line (a speech may open without one).
SALUTATIONS = (
    ("Sehr geehrte Frau Vorsitzende,", "sehr geehrte Damen und Herren,"),
    ("Sehr geehrtes Präsidium,", "liebe Kolleginnen und Kollegen,", "liebe Gäste –"),
    ("Sehr geehrter Herr Bezirksamtsleiter,", "sehr geehrte Kolleginnen und Kollegen,"),
    ("Liebe Kolleginnen und Kollegen,",),
    ("Sehr geehrte Damen und Herren,",),
    ("Sehr geehrter Herr Vorsitzender,", "meine Damen und Herren,"),
    ("Meine sehr geehrten Damen und Herren,",),
    (),
)
MARKERS = ("(Es gilt das gesprochene Wort)", "Es gilt das gesprochene Wort!", "Redemanuskript")
DEBATES = ("Aktuelle Stunde", "Haushaltsdebatte", "Debatte")
#: Sentences a speaker adds to the facts of a Begründung.
APPEALS = (
    "Das ist eine große Aufgabe für uns alle gemeinsam.",
    "Wir müssen die Chancen nutzen, die sich jetzt bieten.",
    "Dafür stehen wir als Fraktion ein.",
    "Lassen Sie uns das gemeinsam angehen.",
    "Und darauf werden wir ganz genau achten.",
    "Das verunsichert auch die Bürgerinnen und Bürger.",
)


def _sentences(rng: random.Random) -> list[str]:
    """One paragraph's sentences: facts of the variant texts, now and then an appeal."""
    out = [vt.sentence(rng) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.5:
        out.insert(rng.randrange(len(out) + 1), vt.pick(rng, APPEALS))
    return out


def speech(
    rng: random.Random, out: Path, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> dict[str, Any]:
    """Draw and render one speech manuscript to ``out`` in the face the caller chose; returns
    its golden fields (the caller adds the page count)."""
    size, lead = size_and_lead(rng)
    dated = vt.day(rng)
    debate = vt.pick(rng, DEBATES)
    head = f"{debate} {vt.de_date(dated)}" if rng.random() < 0.6 else f"{debate} am {vt.long_date(dated)}"
    speaker = vt.person(rng)
    faction = vt.pick(rng, vt.FACTIONS)
    if rng.random() < 0.3:
        faction = f"{faction} {vt.pick(rng, vt.DISTRICTS)}"
    title = vt.title(rng, rng.choice((5, 7, 10)))
    salutation = SALUTATIONS[rng.randrange(len(SALUTATIONS))]
    ragged = rng.random() < 0.6
    paragraphs = [_sentences(rng) for _ in range(rng.randint(10, 18))]

    flow = template_flow.Flow(left=70, right=525, body=size, lead=lead)
    flow.y = 790
    flow.line(head, size=size)
    flow.line(f"{speaker}, {faction}", font=ff.BOLD if rng.random() < 0.6 else None, size=size)
    flow.line(vt.pick(rng, MARKERS), size=size)
    flow.space(lead * 3)
    flow.para(title, font=ff.BOLD, size=size + 2, after=lead)
    for k, text in enumerate(salutation):
        flow.para(text, after=lead * 0.8 if k == len(salutation) - 1 else 0)
    for sentences in paragraphs:
        if ragged:
            # Every sentence starts a new line; only the paragraph's last line has space below it.
            for k, sentence in enumerate(sentences):
                flow.para(sentence, after=lead * 0.8 if k == len(sentences) - 1 else 0)
        else:
            flow.para(" ".join(sentences), after=lead * 0.8)
    footer = "Seite {n} von {m}" if rng.random() < 0.5 else None
    pages = flow.finish(header=None, footer=footer)
    template_flow.render("reportlab", flow, pages, template_flow.Meta(title, f"{speaker}, {faction}"), out)
    return {
        "title": title,
        "document_type": "Rede",
        "originator": f"{speaker}, {faction}",
        "faction": faction,
        "date": dated.isoformat(),
        "justification": "\n\n".join(" ".join(sentences) for sentences in paragraphs),
    }
