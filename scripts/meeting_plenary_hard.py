"""Verbatim minutes set like a plenary protocol, with what ``meeting_plenary.py`` does not draw, for
scripts/generate_meetings.py (``--plenary-hard N``); goldens from the generator's own content.

``plenarprotokoll-hart``: the two-column record of ``meeting_plenary.py`` (3 to 8 pages, every sixth
one of 20 to 40) with, each drawn per document or per place:

- speaker labels in regular type (only the colon and the name pattern mark them), and labels wrapped
  so that the colon opens the second line alone ("Ratsmitglied Dr. Zimmermann (Freie Wähler)" / ":
  Meine Damen und Herren ...");
- column sections above a heading over both columns left unbalanced (the left column runs on, the
  right one ends far higher or stays empty);
- long stage notes (5 to 8 lines, a Zuruf with a whole remark) set apart, and stage notes inside a
  paragraph that close in mid-line, the speaker's words going on after them;
- a "Beschluss:" block after the chair's vote (the decision, then "Abstimmungsergebnis: ..."), so the
  item has a decision and a vote;
- a table of contents at the front (items in the order they are called, page numbers at the right),
  and an attendance list ("Anwesend:", by faction, "Entschuldigt:" left out);
- items called out of their numbered order, and items taken together ("Die Tagesordnungspunkte 3.1.2
  und 3.1.3 werden gemeinsam beraten.", both headings one after the other);
- running text drawn from a German word list of some thousands of words (the frequency dictionary
  the ``pyspellchecker`` package ships, which ratsdoc reads for OCR), not from a short vocabulary.

The golden follows ``meeting_plenary.py``: items are the printed headings in printed order, each
speech's text its paragraphs joined with stage notes left out; decision and vote come from the
"Beschluss:" block where one is printed; attendees are the present members with their faction.

Each document draws from its own ``random.Random`` (``"{seed}-plenarprotokoll-hart-{n}"``); nothing
else the generator writes changes.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json
import random
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_layouts as ml
import meeting_plenary as mp
import plenary_layout as pl

#: The band of the word list drawn from, by frequency rank: the commonest few hundred are mostly
#: function words, far down the list come rare forms.
RANKS = (150, 6000)
DECISIONS = [
    "Der Rat beschließt den Antrag in der Fassung des Änderungsantrages der Fraktion {f}.",
    "Der Rat stimmt der Vorlage der Verwaltung zu und beauftragt die Verwaltung, bis zum Ende des Jahres "
    "über den Stand der Umsetzung zu berichten.",
    "Der Rat lehnt den Antrag ab.",
    "Der Rat verweist den Antrag in den Ausschuss für Umwelt und Grün.",
    "Die Vorlage wird in der Fassung der Bezirksvertretung beschlossen.",
]


@functools.cache
def vocabulary() -> list[str]:
    """Words of the German frequency dictionary of ``pyspellchecker`` in the band :data:`RANKS`,
    letters only, three letters or more, most frequent first."""
    resource = importlib.resources.files("spellchecker") / "resources" / "de.json.gz"
    counts: dict[str, int] = json.loads(gzip.decompress(resource.read_bytes()))
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    words = [w for w in ranked if w.isalpha() and len(w) >= 3]
    return words[RANKS[0] : RANKS[1]]


def sentences(rng: random.Random, low: int, high: int) -> str:
    """Between ``low`` and ``high`` sentences of words from :func:`vocabulary`; nouns of the list
    are in lower case, so a share of words is capitalized."""
    words = vocabulary()
    out = []
    for _ in range(rng.randrange(low, high)):
        drawn = [rng.choice(words) for _ in range(rng.randrange(7, 22))]
        drawn = [w.capitalize() if len(w) > 4 and rng.random() < 0.35 else w for w in drawn]
        if rng.random() < 0.3:
            drawn.insert(rng.randrange(2, len(drawn)), drawn.pop(rng.randrange(len(drawn))) + ",")
        sentence = " ".join(drawn)
        out.append(sentence[0].upper() + sentence[1:] + rng.choice([".", ".", ".", "!", "?"]))
    return " ".join(out)


def long_note(rng: random.Random, sheet: pl.Sheet, people: dict[str, list[tuple[str, str, str]]]) -> str:
    """A Zuruf with a whole remark, set in 5 to 8 lines."""
    _, speaker, role = rng.choice(people["members"])
    lines = rng.randrange(5, 9)
    words = sentences(rng, 6, 9).split()
    for count in range(8, len(words)):
        note = f"(Zuruf von {speaker} [{role}]: {' '.join(words[:count]).rstrip(',.!?')}!)"
        if len(pl.fill(note.split(), sheet.width - 40, sheet.size)) >= lines:
            return note
    return f"(Zuruf von {speaker} [{role}]: {' '.join(words).rstrip(',.!?')}!)"


class HardSetter(pl.Setter):
    """A setter that may leave the columns above a heading over both columns unbalanced."""

    def __init__(self, sheet: pl.Sheet, first_top: float, rng: random.Random, unbalanced: bool) -> None:
        super().__init__(sheet, first_top)
        self.rng = rng
        self.unbalanced = unbalanced

    def _balance(self) -> None:
        rows = self._strip(self.pending)
        if not self.unbalanced or len(rows) < 4:
            super()._balance()
            return
        self.pending = []
        # The left column takes most of the rows (all of them, if they fit): it ends far below the right.
        share = self.rng.uniform(0.7, 1.0)
        k = max(1, min(len(rows), self._take(rows, min(self._room(), share * self._height(rows)))))
        left = self._set(rows[:k], self.sheet.left)
        right = self._set(self._strip(rows[k:]), self.sheet.left + self.sheet.width + self.sheet.gutter)
        self.y_top = max(left, right)


class HardRecord(mp.Record):
    """The record of :mod:`meeting_plenary` with labels in regular type or wrapped before their
    colon, stage notes inside paragraphs and "Beschluss:" blocks."""

    def __init__(self, rng: random.Random, sheet: pl.Sheet, first_top: float, style: dict[str, Any]) -> None:
        super().__init__(rng, sheet, first_top, style)
        self.setter = HardSetter(sheet, first_top, rng, style["unbalanced"])

    def labelled(self, text: str, label: str) -> list[pl.Row]:
        """The rows of a paragraph opened by ``label``: in bold or regular type, and, for a label
        with a faction in parentheses, now and then wrapped before its colon."""
        sheet, style = self.sheet, self.style
        if label.endswith("):") and self.rng.random() < style["colon_alone"]:
            head = pl.Row([(style["indent"], label[:-1], True)], sheet.size * 1.32)
            rows = [head, *pl.fill(text.split(), sheet.width, sheet.size, label=":", justify=style["justify"])]
        else:
            rows = pl.fill(
                text.split(), sheet.width, sheet.size, label=label, indent=style["indent"], justify=style["justify"]
            )
        if style["plain_labels"]:
            for row in rows[:2]:
                row.runs = [(x, t, False) for x, t, _ in row.runs]
        return rows

    def hang(self, number: str, size: float) -> float:
        """A hanging number as wide as it needs ('10.1.1' is wider than the room for '3.1.2')."""
        return max(ml._width("3.1.2", size, True), ml._width(number, size, True)) + 8

    def note(self, text: str) -> None:
        """A stage note set apart and set in."""
        self.setter.column(pl.blank(self.sheet.step * 0.4))
        for row in pl.fill(text.split(), self.sheet.width - 40, self.sheet.size):
            row.runs = [(x + 20, t, b) for x, t, b in row.runs]
            self.setter.column(row)
        self.setter.column(pl.blank(self.sheet.step * 0.4))

    def hard_turn(
        self,
        who: tuple[str, str, str],
        paragraphs: list[str],
        notes: list[str] | None = None,
        inside: dict[int, str] | None = None,
    ) -> None:
        """A speaker's turn: ``notes[k]`` set apart after paragraph k, ``inside[k]`` printed inside
        paragraph k after one of its sentences (no part of the golden text)."""
        label, speaker, role = who
        self.setter.column(pl.blank(self.sheet.step * 0.7))
        for k, text in enumerate(paragraphs):
            printed = text
            if inside and k in inside:
                cuts = [n for n, w in enumerate(text.split()[:-1]) if w.endswith((".", "!", "?"))]
                if cuts:
                    words = text.split()
                    at = self.rng.choice(cuts) + 1
                    printed = " ".join([*words[:at], inside[k], *words[at:]])
            rows = self.labelled(printed, label) if k == 0 else self._rows(printed)
            for row in rows:
                self.setter.column(row)
            if notes and k < len(notes) and notes[k]:
                self.note(notes[k])
        self.speeches.append({"speaker": speaker, "role": role, "text": " ".join(paragraphs)})

    def _rows(self, text: str) -> list[pl.Row]:
        return pl.fill(
            text.split(), self.sheet.width, self.sheet.size, indent=self.style["indent"], justify=self.style["justify"]
        )

    def resolution(self, decision: str, vote: tuple[str, dict[str, Any]]) -> None:
        """A "Beschluss:" block and its vote line, and the decision and vote of the last item."""
        self.setter.column(pl.blank(self.sheet.step * 0.6))
        if self.rng.random() < 0.5:
            self.setter.column(pl.Row([(0.0, "Beschluss:", True)], self.sheet.size * 1.32))
            rows = pl.fill(decision.split(), self.sheet.width, self.sheet.size)
        else:
            rows = pl.fill(decision.split(), self.sheet.width, self.sheet.size, label="Beschluss:")
        for row in rows:
            self.setter.column(row)
        self.setter.column(pl.blank(self.sheet.step * 0.4))
        for row in pl.fill(vote[0].split(), self.sheet.width, self.sheet.size, label="Abstimmungsergebnis:"):
            self.setter.column(row)
        self.items[-1] |= {"decision": decision, "vote": vote[1]}


def _vote(rng: random.Random) -> tuple[str, dict[str, Any]]:
    if rng.random() < 0.4:
        return "einstimmig", {"yes": None, "no": None, "abstain": None, "unanimous": True}
    yes, no, abstain = rng.randrange(30, 60), rng.randrange(1, 25), rng.randrange(0, 6)
    return f"Ja {yes} Nein {no} Enthaltung {abstain}", {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}


def _called(rng: random.Random, agenda: list[tuple[str, str, str | None, int]]) -> list[list[int]]:
    """The order the items are called in: groups of indices into ``agenda`` taken together; now
    and then two neighbouring items of the third level are swapped, or taken together."""
    order = list(range(len(agenda)))
    for k in range(len(order) - 1):
        a, b = agenda[order[k]], agenda[order[k + 1]]
        same_parent = a[3] == b[3] == 3 and a[0].rsplit(".", 1)[0] == b[0].rsplit(".", 1)[0]
        if same_parent and rng.random() < 0.2:
            order[k], order[k + 1] = order[k + 1], order[k]
    groups: list[list[int]] = []
    for index in order:
        previous = groups[-1] if groups else []
        joinable = previous and agenda[previous[-1]][3] == agenda[index][3] == 3 and len(previous) == 1
        if joinable and rng.random() < 0.15:
            previous.append(index)
        else:
            groups.append([index])
    return groups


def _front(record: HardRecord, rng: random.Random, people: dict[str, Any], toc: list[tuple[str, str]]) -> list[Any]:
    """The attendance list and the table of contents at the front (across the page), and the attendees."""
    s, sheet = record.setter, record.sheet
    attendees: list[dict[str, Any]] = []
    if record.style["attendance"]:
        s.put_full(sheet.left, "Anwesend:", 10, bold=True)
        factions = rng.sample(mp.FACTIONS[:6], 3)
        for faction in factions:
            s.put_full(sheet.left, faction, 10, bold=True)
            for _ in range(rng.randrange(2, 4)):
                name = f"{rng.choice(mp.FIRST)} {rng.choice(mp.LAST)}"
                if any(a["name"] == name for a in attendees):
                    continue
                s.put_full(sheet.left + 10, f"{rng.choice(['Frau', 'Herr'])} {name}", 10)
                attendees.append({"name": name, "role": None, "faction": faction})
        s.y_top += 4
        s.put_full(sheet.left, f"Entschuldigt: Herr {rng.choice(mp.FIRST)} {rng.choice(mp.LAST)}", 10)
        s.y_top += 12
    if toc:
        s.put_full(sheet.left, rng.choice(["Tagesordnung", "Inhalt"]), 11, bold=True)
        page = 1
        for number, title in toc:
            lines = mp._bold_fill(title.split(), sheet.full - 70, 9.5)
            for k, line in enumerate(lines):
                if s.y_top > sheet.bottom - 20:
                    s._new_page()
                if k == 0:
                    s.op(sheet.left, s.y_top, number, size=9.5)
                s.op(sheet.left + 36, s.y_top, line, size=9.5)
                if k == len(lines) - 1:
                    label = str(page)
                    s.op(sheet.left + sheet.full - ml._width(label, 9.5), s.y_top, label, size=9.5)
                s.y_top += 9.5 * 1.35
            page += rng.randrange(0, 2)
        s.y_top += 14
    return attendees


def plenarprotokoll_hart(rng: random.Random, long: bool) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """Hard verbatim minutes set like a plenary protocol (see the module docstring)."""
    day, body, number, start, end = mp.session_facts(rng)
    style = {
        "justify": rng.random() < 0.7,
        "indent": rng.choice([0.0, 0.0, 8.0]),
        "paper_at_end": rng.random() < 0.5,
        "headings": rng.choice(["across", "mixed"]),
        "rule": rng.random() < 0.5,
        "size": rng.choice([9.0, 9.5]),
        "plain_labels": rng.random() < 0.4,
        "colon_alone": rng.choice([0.0, 0.5]),
        "unbalanced": rng.random() < 0.7,
        "long_notes": rng.random() < 0.7,
        "inside_notes": rng.random() < 0.5,
        "resolutions": rng.random() < 0.6,
        "toc": rng.random() < 0.6,
        "attendance": rng.random() < 0.6,
    }
    session = f"{number} vom {ml._long_date(day)}"
    sheet = pl.Sheet(style["size"], head=["", "", f"{body} – {session} – Seite {{page}}"], rule=style["rule"])
    record = HardRecord(rng, sheet, 60.0, style)
    s = record.setter
    record.title_block(day, body, number, start, end)
    people = mp._people(rng)
    agenda = mp._agenda(rng, day.year, long)
    called = _called(rng, agenda)
    toc = [(agenda[i][0], agenda[i][1]) for group in called for i in group] if style["toc"] else []
    attendees = _front(record, rng, people, toc)
    s.y_top += 6
    chair = people["chairs"][0]
    opening = f"Meine sehr verehrten Damen und Herren, ich eröffne die {number} des Rates. " + sentences(rng, 2, 5)
    record.hard_turn(chair, [opening + " Ich rufe auf:"])
    for g, group in enumerate(called):
        for index in group:
            item_number, title, paper, level = agenda[index]
            across = style["headings"] == "across" or level == 1
            record.heading(item_number, title, paper, across)
        last = agenda[group[-1]]
        nxt = called[g + 1][0] if g + 1 < len(called) else None
        if last[3] < 3 and nxt is not None and agenda[nxt][3] > last[3]:
            continue  # a group heading is followed by its first item's
        who = rng.choice(people["chairs"]) if rng.random() < 0.3 else chair
        debate = last[3] == 3 and rng.random() < 0.8
        together = ""
        if len(group) > 1:
            numbers = " und ".join(agenda[i][0] for i in group)
            together = f"Die Tagesordnungspunkte {numbers} werden gemeinsam beraten. "
        first = together + "Gibt es Wortmeldungen? – " + ("Bitte schön." if debate else "Das ist nicht der Fall.")
        if debate:
            record.hard_turn(who, [first])
            for _ in range(rng.randrange(1, 5 if long else 4)):
                speaker = rng.choice(people["members"] + people["officials"][:2] * (rng.random() < 0.3))
                paragraphs = [sentences(rng, 2, 9 if long else 7) for _ in range(rng.randrange(1, 4))]
                notes = []
                for _ in paragraphs:
                    draw = rng.random()
                    if style["long_notes"] and draw < 0.25:
                        notes.append(long_note(rng, sheet, people))
                    else:
                        notes.append(mp._interjection(rng, people) if draw < 0.5 else "")
                inside = {}
                if style["inside_notes"] and rng.random() < 0.4:
                    inside[rng.randrange(len(paragraphs))] = mp._interjection(rng, people)
                record.hard_turn(speaker, paragraphs, notes, inside)
            vote, _ = rng.choice(mp.VOTES)
            closing = vote.format(f=rng.choice(["AfD", "FDP", "LINKEN"]))
        else:
            closing = first + " " + mp.VOTES[4][0]
        following = "Ich rufe auf:" if nxt is not None else "Damit bin ich am Ende des öffentlichen Teils."
        if style["resolutions"] and last[3] == 3 and rng.random() < 0.6:
            record.hard_turn(who, [closing])
            decision = rng.choice(DECISIONS).format(f=rng.choice(mp.FACTIONS[:5]))
            record.resolution(decision, _vote(rng))
            record.hard_turn(who, [following])
        else:
            record.hard_turn(who, [f"{closing} {following}"])
    record.paragraph(f"(Schluss: {end.replace(':', '.')} Uhr)")
    pages = s.finish()
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": None, "number": number}
    golden = {"kind": "meeting", "document_type": "Wortprotokoll", "body": body}
    golden |= {"meeting": meeting, "agenda_items": record.items, "attendees": attendees, "speeches": record.speeches}
    golden["_style"] = style | {"long": long}
    return pages, golden


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count`` documents of this module with their goldens; every sixth is longer (20 to 40 pages)."""
    mp.write_records(out, seed, count, ("plenarprotokoll-hart", "--plenary-hard"), plenarprotokoll_hart, 6)
