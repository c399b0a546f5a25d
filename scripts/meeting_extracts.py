"""Minutes heads and per-item minute extracts, for scripts/generate_meetings.py (``--record-heads N``);
goldens from the generator's own content, top-level number, date and public included (the
conventions of eval/real/README.md: ``number`` only when the record carries its own, ``date`` the
session's when the record prints no other, ``public`` only when stated).

- ``protokoll-auszug``: the extract of one agenda item from a session's minutes, as German
  council information systems publish it: a head in one of five forms ("Protokoll aus der Sitzung
  des Gemeinderates vom 28.03.2019", "Auszug aus der Niederschrift" / "über die öffentliche Sitzung
  des ... am ...", "Beschlussauszug", "Niederschrift Nr. 12, TOP 1e", or a label form
  "Protokoll: Gemeinderat der Landeshauptstadt ..." / "Niederschrifts-Nr.:" / "TOP:" /
  "Sitzungstermin:"), the item number as printed ("1e", "Ö 3") and title, "Vorsitz",
  "Protokollführung" and "Berichterstattung", discussion, a vote ("mit 54 Ja-Stimmen bei 2
  Gegenstimmen und 2 Enthaltungen", "einstimmig") and a decision.
- ``protokoll-kopf``: full minutes with heads of other forms: "Grosser Rat [des Kantons Thurgau]" /
  "Protokoll Nr. 61 vom 16. August 2023", "Wortprotokoll der 9. Sitzung des Rates der Stadt ... in der
  Wahlperiode 2020 - 2025 am Montag, dem 23. August 2021" over two lines, a Niederschrift whose
  date is split from its weekday ("... am Donnerstag, dem" / "14. März 2024"), a Sondersitzung or
  konstituierende Sitzung of a body with its seat ("des Kreistages des Landkreises Gotha"), and a
  two-column Wortprotokoll whose only date is in the running page head ("Rat der Stadt Jena –
  18. Sitzung vom 17. August 2022"). The minutes below the head are those of
  ``meeting_records.rat_protokoll``, ``meeting_records.wortprotokoll_kopf`` and
  ``meeting_layouts.ratsprotokoll``.

Each document draws from its own ``random.Random`` so that the other generators' files stay
byte-identical.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_heads as mh
import meeting_layouts as ml
import meeting_records as mr

TOWNS = ["Jena", "Gotha", "Lüdenscheid", "Weimar", "Reutlingen", "Esslingen"]
#: (nominative as the golden names it, genitive as printed after 'des'); {t} is the town.
BODIES = [
    ("Gemeinderat der Stadt {t}", "Gemeinderates der Stadt {t}"),
    ("Gemeinderat der Landeshauptstadt {t}", "Gemeinderates der Landeshauptstadt {t}"),
    ("Ausschuss für Umwelt und Technik", "Ausschusses für Umwelt und Technik"),
    ("Verwaltungsausschuss", "Verwaltungsausschusses"),
    ("Stadtrat", "Stadtrates"),
]
TITLES = [
    "Bewerbervorstellung und Wahl der Amtsleitung des Tiefbauamts",
    "Neubau der Feuerwache Süd, Baubeschluss",
    "Bebauungsplan Nr. 88 Gewerbegebiet Am Bahnhof, Satzungsbeschluss",
    "Zuschuss an den Verein Kinderhaus e. V. für das Jahr 2025",
    "Sanierung der Stadtbibliothek, Vergabe der Bauleistungen",
    "Wahl eines Mitglieds des Jugendhilfeausschusses",
]
CHAIRS = ["OB", "Oberbürgermeister", "Bürgermeisterin", "Bürgermeister"]
DECISIONS = [
    "Der Gemeinderat stimmt der Vorlage zu.",
    "Die Verwaltung wird beauftragt, die Maßnahme umzusetzen.",
    "Dem Beschlussantrag wird zugestimmt.",
]
REASONS = ["Antrag", "Vorlage", "Bericht"]


def _number(rng: random.Random) -> str:
    """An item number as printed in extracts: '1e', '7', 'Ö 3', '4.2'."""
    return rng.choice(
        [
            f"{rng.randrange(1, 9)}{rng.choice('abcde')}",
            str(rng.randrange(2, 20)),
            f"Ö {rng.randrange(1, 12)}",
            f"{rng.randrange(1, 9)}.{rng.randrange(1, 5)}",
        ]
    )


def _vote(rng: random.Random) -> tuple[str, dict[str, Any]]:
    """A vote line and its golden: counts before their words in a sentence, a label, or 'einstimmig'."""
    form = rng.choice(["sentence", "label", "unanimous"])
    if form == "unanimous":
        text = rng.choice(["Abstimmungsergebnis: einstimmig", "Der Beschluss wurde einstimmig gefasst."])
        return text, {"yes": None, "no": None, "abstain": None, "unanimous": True}
    yes, no, abstain = rng.randrange(20, 60), rng.randrange(1, 9), rng.randrange(1, 5)
    if form == "sentence":
        text = f"Abstimmungsergebnis: mit {yes} Ja-Stimmen bei {no} Gegenstimmen und {abstain} Enthaltungen"
    else:
        text = f"Abstimmungsergebnis: {yes} Ja, {no} Nein, {abstain} Enthaltungen"
    return text, {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}


#: Where a long word of a narrow value column is hyphenated ('Landes-' / 'hauptstadt').
BREAKS = {
    "Landeshauptstadt": "Landes",
    "Bewerbervorstellung": "Bewerber",
    "Gewerbegebiet": "Gewerbe",
    "Stadtbibliothek": "Stadt",
    "Jugendhilfeausschusses": "Jugendhilfe",
    "Bauleistungen": "Bau",
}


def _narrow(value: str, width: int) -> list[str]:
    """``value`` in a column of ``width`` characters, a long word hyphenated where :data:`BREAKS` says."""
    lines = [""]
    for word in value.split():
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            head = BREAKS.get(word.rstrip(","))
            if head and len(lines[-1]) + len(head) + 2 <= width:
                lines[-1] += f" {head}-"
                word = word[len(head) :]
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _rows(p: gm.Pages, rows: list[tuple[str, str]], inline: bool, narrow: int = 0) -> None:
    """Label/value rows: 'Vorsitz: OB Kuhn' on one run, or the value in a column of its own
    (``narrow`` characters wide, wrapping long values as a form's table cell does)."""
    for label, value in rows:
        if inline:
            p.put(50, f"{label}: {value}")
            continue
        p.put(50, f"{label}:", advance=False)
        # Only the long cells wrap: the body's name and the subject (a name wraps in no form seen).
        for line in _narrow(value, narrow) if narrow and label in ("Protokoll", "Betreff") else [value]:
            p.put(190, line)


def auszug(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """The minutes of one agenda item (see the module docstring)."""
    day = gm._date(rng)
    town = rng.choice(TOWNS)
    body, genitive = (s.format(t=town) for s in rng.choice(BODIES))
    number, title = _number(rng), rng.choice(TITLES)
    public = rng.random() < 0.7
    if number.startswith("Ö ") and not public:
        number = "N" + number[1:]  # the item's marker says the part it is in
    marked = {"Ö": True, "N": False}.get(number[:1])
    session = "öffentliche" if public else "nichtöffentliche"
    chair_title, chair = rng.choice(CHAIRS), rng.choice(gm.LAST)
    clerk = gm._person(rng) if rng.random() < 0.5 else rng.choice(gm.LAST)
    clerk_shown = f"Frau {clerk}" if " " not in clerk else clerk
    own = str(rng.randrange(5, 120))
    form = rng.choice(["aus", "auszug", "beschluss", "nr", "label"])
    p = gm.Pages()
    issuer = f"{'Landeshauptstadt' if 'Landeshauptstadt' in body else 'Stadt'} {town}"
    p.put(50, issuer, 11)
    p.gap(14)
    kind, top_number, stated = "Protokoll", None, False
    if form == "aus":
        p.put(50, f"Protokoll aus der Sitzung des {genitive} vom {day.strftime('%d.%m.%Y')}", 13, bold=True)
        p.gap(6)
        p.put(50, f"TOP {number}", 12, bold=True, advance=False)
        p.put(110, title, 12, bold=True)
    elif form == "auszug":
        kind, stated = "Niederschrift", True
        p.put(50, "Auszug aus der Niederschrift", 14, bold=True)
        p.put(50, f"über die {session} Sitzung des {genitive}", 11)
        p.put(50, f"am {mh._long(day, weekday=True)}", 11)
        p.gap(8)
        p.put(50, f"TOP {number}: {title}", 12, bold=True)
    elif form == "beschluss":
        kind, stated = "Beschlussauszug", True
        p.put(50, "Beschlussauszug", 16, bold=True)
        p.put(50, f"aus der {session}n Sitzung des {genitive} vom {day.strftime('%d.%m.%Y')}", 11)
        p.gap(8)
        p.put(50, f"TOP {number}", 12, bold=True, advance=False)
        p.put(110, title, 12, bold=True)
    elif form == "nr":
        kind, top_number = "Niederschrift", own
        p.put(50, f"Niederschrift Nr. {own}, TOP {number}", 14, bold=True)
        p.put(50, f"Sitzung des {genitive} vom {mh._long(day)}", 11)
        p.gap(8)
        p.put(50, title, 12, bold=True)
    p.gap(8)
    rows = [("Vorsitz", f"{chair_title} {chair}"), ("Berichterstattung", f"Herr {rng.choice(gm.LAST)}")]
    rows.append(("Protokollführung", clerk_shown))
    if form == "label":
        top_number, stated = own, True
        rows = [
            ("Protokoll", body),
            ("Niederschrifts-Nr.", own),
            ("TOP", number),
            ("Sitzungstermin", day.strftime("%d.%m.%Y")),
            ("Sitzungsart", "öffentlich" if public else "nicht öffentlich"),
            *rows,
            ("Betreff", title),
        ]
    inline = rng.random() < 0.5
    _rows(p, rows, inline, narrow=rng.choice([0, 26, 30]) if form == "label" and not inline else 0)
    p.gap(12)
    for line in gm.textwrap.wrap(ml._sentence(rng, 20, 45), 95):
        p.put(50, line)
    p.gap(8)
    decision = rng.choice(DECISIONS)
    p.put(50, f"Beschluss: {decision}")
    vote_text, vote = _vote(rng)
    p.put(50, vote_text)
    item = {"number": number, "title": title, "public": public if stated or marked is not None else None}
    item |= {"paper_numbers": [], "decision": decision, "vote": vote}
    attendees = [{"name": chair, "role": "Vorsitz", "faction": None}]
    attendees.append({"name": clerk, "role": "Protokollführung", "faction": None})
    meeting = {"date": day.isoformat(), "start": None, "end": None, "location": None, "number": None}
    golden = {"kind": "meeting", "document_type": kind, "number": top_number, "date": day.isoformat()}
    golden |= {"public": public if stated else None, "body": body, "originator": issuer, "meeting": meeting}
    golden |= {"agenda_items": [item], "attendees": attendees, "speeches": []}
    return p.pages, golden


def _replace_head(pages: list[list[gm.Op]], stop: str, head: list[gm.Op]) -> None:
    """Put ``head`` in place of the first page's ops before the first op starting with ``stop``,
    moving the rest of the page by the difference in height."""
    ops = pages[0]
    first = next(k for k, op in enumerate(ops) if op.text.startswith(stop))
    shift = (max(op.y + op.size * 1.35 for op in head) + 10) - ops[first].y
    rest = [gm.Op(op.x, op.y + shift, op.text, op.size, op.bold) for op in ops[first:]]
    pages[0] = head + rest


def _wrapped(text: str, y: float, size: float, bold: bool = False) -> list[gm.Op]:
    """``text`` filled to 490 points from ``y`` down."""
    return [
        gm.Op(50, y + k * size * 1.35, line, size, bold)
        for k, line in enumerate(ml._fill(text.split(), 490, 490, size))
    ]


def kopf(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """Full minutes under a head of another form (see the module docstring)."""
    form = rng.choice(["swiss", "wahlperiode", "split", "sonder", "running"])
    town = rng.choice(TOWNS)
    if form == "running":
        pages, golden = ml.ratsprotokoll(rng)
        body = f"Rat der Stadt {town}"
        date = gm.dt.date.fromisoformat(golden["meeting"]["date"])
        for ops in pages:
            # The running head names the body before the session: 'Rat der Stadt Jena – 18. Sitzung vom ...'.
            ops[0] = gm.Op(50, 40, f"{body} – {golden['meeting']['number']} vom {ml._long_date(date)}", 10, True)
        golden |= {"body": body, "number": None, "date": date.isoformat(), "public": True}
        return pages, golden
    if form == "wahlperiode":
        pages, golden = mr.wortprotokoll_kopf(rng)
        day = gm.dt.date.fromisoformat(golden["meeting"]["date"])
        body, number = f"Rat der Stadt {town}", golden["meeting"]["number"]
        first = rng.randrange(2015, 2021)
        text = (
            f"Wortprotokoll der {number} des Rates der Stadt {town} in der Wahlperiode {first} - {first + 5} "
            f"am {mh._long(day, weekday=True).replace(', ', ', dem ')}"
        )
        head = _wrapped(text, 70, 13, bold=True)
        public = rng.random() < 0.5
        if public:
            head.append(gm.Op(50, head[-1].y + 24, "(öffentliche Sitzung)", 10))
        _replace_head(pages, "Beginn:", head)
        golden |= {"body": body, "number": None, "date": day.isoformat(), "public": True if public else None}
        for item in golden["agenda_items"]:
            item["public"] = True if public else None
        return pages, golden
    pages, golden = mr.rat_protokoll(rng)
    day = gm.dt.date.fromisoformat(golden["meeting"]["date"])
    golden |= {"date": day.isoformat(), "number": None, "public": None}
    if form == "swiss":
        own = str(rng.randrange(10, 140))
        body = rng.choice(["Grosser Rat", "Grosser Rat des Kantons Thurgau", "Kantonsrat"])
        head = [gm.Op(50, 70, body, 14, True), gm.Op(50, 92, f"Protokoll Nr. {own} vom {ml._long_date(day)}", 13, True)]
        golden |= {"number": own, "document_type": "Protokoll"}
        golden["meeting"]["number"] = f"Nr. {own}"
    elif form == "split":
        base, genitive = (s.format(t=town) for s in rng.choice(BODIES[:2]))
        body = base
        head = [gm.Op(50, 70, "Niederschrift", 16, True)]
        head.append(gm.Op(50, 96, f"über die öffentliche Sitzung des {genitive}", 11))
        weekday = mh.WEEKDAYS[day.weekday()]
        head.append(gm.Op(50, 111, f"am {weekday}, dem", 11))
        head.append(gm.Op(50, 126, ml._long_date(day), 11))
        golden |= {"document_type": "Niederschrift", "public": True}
    else:
        kind = rng.choice(["Sondersitzung", "konstituierenden Sitzung"])
        body, genitive = rng.choice(
            [("Kreistag des Landkreises {t}", "Kreistages des Landkreises {t}"), ("Stadtrat", "Stadtrates")]
        )
        body, genitive = body.format(t=town), genitive.format(t=town)
        word = rng.choice(["Protokoll", "Niederschrift"])
        text = f"{word} der {kind} des {genitive} vom {mh._long(day, weekday=rng.random() < 0.5)}"
        head = _wrapped(text, 70, 13, bold=True)
        golden |= {"document_type": word}
    for item in golden["agenda_items"]:
        item["public"] = golden["public"]
    _replace_head(pages, "Zeit", head)
    golden["body"] = body
    return pages, golden


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 2`` (at least one) of each style of this module with their goldens."""
    ml.write_styles(out, seed, count, (("protokoll-auszug", auszug), ("protokoll-kopf", kopf)), "--record-heads")
