"""Parliament protocols, and with ``meeting_gemeinderat.py`` Gemeinderat Niederschriften and agendas over
several pages, for scripts/generate_meetings.py (``--parliament-styles N``); goldens from the generator's
own content.

- ``grossrat``: the Protokoll of a cantonal parliament's day (Grosser Rat, Kantonsrat, Landrat) in
  two half-days: a Traktandenliste whose items carry their registry number ("20/GE 12/123") under
  the title, at the right of the title or in parentheses after it, now and then with a page
  column ("Seite 12"); item headings in the minutes that name the number again ("Geschäft 20/GE
  12/123", "Geschäftsnummer: ...", "(20/GE 12/123)"); an item interrupted by the midday break and
  continued after it under its heading with "(Fortsetzung)" or a line "Fortsetzung der
  Beratung"; results as "Der Rat stimmt dem Antrag mit 85:20 Stimmen bei 3 Enthaltungen zu.",
  "Abstimmungsergebnis: 23 Ja-Stimmen, 5 Nein-Stimmen" or a table of votes by faction with its
  total row ("Total", "Gesamt"). In the golden an item appears once, with its plain title, the
  decision of the continuation and the vote's totals; the body is the head's line ("Grosser Rat des
  Kantons Zug"), the record's number ("Protokoll Nr. 92") is the paper's and the session's ("Nr. 92").
- ``grossrat-tage``: the same over two session days ("Sitzungstage: Dienstag, 14. Mai 2024, und
  Mittwoch, ..."), opened by an "Inhalt"/"Inhaltsverzeichnis" that lists each day's items under the
  day with their pages (dot leaders or none); the item not finished on day 1 is listed and headed
  again on day 2 with "(Fortsetzung)"; the record closes "Schluss der Sitzung: 13.00 Uhr". In the
  golden the session is dated by its first day and ends at that close.
- ``gemeinderat``, ``tagesordnung-lang``: see ``meeting_gemeinderat.py``.

Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import random
import re
import textwrap
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_gemeinderat as mg
import meeting_layouts as ml

CANTONS = ["Aargau", "Luzern", "Schaffhausen", "Graubünden", "St. Gallen", "Solothurn", "Zug"]
PARLIAMENTS = ["Grosser Rat", "Kantonsrat", "Landrat"]
GROUPS = ["SVP", "FDP", "Die Mitte", "SP", "GRÜNE", "GLP", "EVP"]
LAWS = [
    "Gesetz über die Volksschule, Änderung",
    "Gesetz über die Kantonspolizei, Totalrevision",
    "Verordnung über den Finanzausgleich zwischen den Gemeinden",
    "Staatsrechnung und Geschäftsbericht des Regierungsrates",
    "Bericht der Geschäftsprüfungskommission über das Jahr 2024",
    "Voranschlag und Aufgaben- und Finanzplan",
    "Kredit für den Neubau des Berufsbildungszentrums",
    "Gesetz über die Raumplanung und das öffentliche Baurecht, Teilrevision",
]
MOTIONS_CH = [
    "Entlastung der Familien bei den Krankenkassenprämien",
    "Mehr Wohnraum für ältere Menschen in den Gemeinden",
    "Stärkung der Berufsbildung im ländlichen Raum",
    "Verzicht auf die Erhöhung der Motorfahrzeugsteuer",
]
PLAIN = ["Mitteilungen", "Fragestunde", "Wahl eines Mitglieds der Justizkommission", "Vereidigungen"]


def _registry(rng: random.Random, code: str) -> str:
    return f"{rng.choice([20, 21, 24])}/{code} {rng.randrange(1, 60)}/{rng.randrange(100, 700)}"


def _ch_business(rng: random.Random) -> list[dict[str, Any]]:
    """Five to eight items: laws and reports with a registry number, motions, plain items without one."""
    items: list[dict[str, Any]] = []
    count = rng.randrange(5, 9)
    laws = rng.sample(LAWS, len(LAWS))
    for k in range(1, count + 1):
        kind = "plain" if k == 1 or rng.random() < 0.15 else rng.choice(["law", "law", "motion"])
        if kind == "plain":
            title, paper = rng.choice(PLAIN), None
        elif kind == "law":
            title, paper = laws.pop(), _registry(rng, rng.choice(["GE", "BS", "VO"]))
        else:
            title = f'Motion {gm._person(rng)} betreffend "{rng.choice(MOTIONS_CH)}"'
            paper = _registry(rng, "MO")
        items.append({"number": str(k), "title": title, "paper": paper, "kind": kind})
    return items


def _ch_outcome(rng: random.Random, p: gm.Pages, item: dict[str, Any]) -> dict[str, Any]:
    """Draw an item's outcome (a vote, or "Keine Wortmeldungen." for a plain item) and return
    its golden agenda item."""
    decision_lines: list[str] = []
    vote: dict[str, Any] | None = None
    if item["kind"] != "plain":
        decision_lines, vote = _ch_vote(rng, p)
    else:
        p.put(50, "Keine Wortmeldungen.")
    return {
        "number": item["number"],
        "title": item["title"],
        "public": None,
        "paper_numbers": [item["paper"]] if item["paper"] else [],
        "decision": "\n".join(decision_lines) or None,
        "vote": vote,
    }


def _ch_vote(rng: random.Random, p: gm.Pages) -> tuple[list[str], dict[str, Any]]:
    """A result in one of the forms of the module docstring, drawn on ``p``; the decision's lines
    (empty where only the vote is printed) and the vote's golden."""
    form = rng.choice(["sentence", "counts", "table"])
    if form == "sentence":
        yes, no, abstain = rng.randrange(50, 110), rng.randrange(1, 40), rng.randrange(1, 6)
        verb = rng.choice(["dem Antrag", "der Vorlage", "dem Kredit"])
        text = f"Der Rat stimmt {verb} mit {yes}:{no} Stimmen bei {abstain} Enthaltungen zu."
        p.put(50, "Beschlussfassung", bold=True)
        p.put(50, text)
        return [text], {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}
    decision = rng.choice(
        ["Die Vorlage wird genehmigt.", "Dem Kredit wird zugestimmt.", "Die Motion wird erheblich erklärt."]
    )
    p.put(50, "Beschluss:", bold=True)
    p.put(50, decision)
    p.gap(4)
    if form == "counts":
        yes, no = rng.randrange(50, 110), rng.randrange(1, 40)
        p.put(50, f"Abstimmungsergebnis: {yes} Ja-Stimmen, {no} Nein-Stimmen")
        return [decision], {"yes": yes, "no": no, "abstain": None, "unanimous": False}
    groups = rng.sample(GROUPS, rng.randrange(4, 7))
    p.need((len(groups) + 3) * 14)  # the table stays on one page
    p.put(50, "Abstimmungsergebnis:", bold=True)
    columns = (50, 200, 260, 320)
    for x, head in zip(columns, ("Fraktion", "Ja", "Nein", "Enthaltung"), strict=True):
        p.put(x, head, bold=True, advance=x == columns[-1])
    totals = [0, 0, 0]
    for k, group in enumerate(groups):
        row = [rng.randrange(0, 25), rng.randrange(0, 8), rng.randrange(0, 3)]
        if k == len(groups) - 1 and totals[1] + row[1] == 0:
            row[1] = 1  # a vote with no one against would be unanimous; this one is counted
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        p.put(columns[0], group, advance=False)
        for x, value in zip(columns[1:], row, strict=True):
            p.put(x, str(value), advance=x == columns[-1])
    p.put(columns[0], rng.choice(["Total", "Gesamt"]), bold=True, advance=False)
    for x, value in zip(columns[1:], totals, strict=True):
        p.put(x, str(value), bold=True, advance=x == columns[-1])
    yes, no, abstain = totals
    return [decision], {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}


def _ch_heading(p: gm.Pages, item: dict[str, Any], form: str, again: str) -> None:
    """An item's heading in the minutes with its registry number in ``form``; ``again`` marks a
    continued item ('(Fortsetzung)' after the title, or a line under it)."""
    title = item["title"]
    paper = item["paper"]
    if paper and form == "paren":
        title = f"{title} ({paper})"
    if again == "suffix":
        title = f"{title} (Fortsetzung)"
    # The title stays left of a registry number set at the right (at 450 pt).
    width = 48 if paper and form == "right" else 70
    lines = ml._wrap_keeping(title, f"({paper})" if paper else title, width) if paper else textwrap.wrap(title, width)
    p.need(len(lines) * 15 + 70)
    p.put(50, f"{item['number']}.", 11, bold=True, advance=False)
    if paper and form == "right":
        p.put(450, paper, 11, advance=False)  # on the heading's baseline
    for line in lines:
        p.put(75, line, 11, bold=True)
    if paper and form in ("geschaeft", "nummer"):
        p.put(75, f"Geschäft {paper}" if form == "geschaeft" else f"Geschäftsnummer: {paper}")
    if again == "line":
        p.put(75, "Fortsetzung der Beratung", bold=True)
    p.gap(6)


def _debate(p: gm.Pages, rng: random.Random, low: int, high: int) -> None:
    for _ in range(rng.randrange(low, high)):
        name, party = gm._person(rng), rng.choice(GROUPS)
        for line in textwrap.wrap(f"{name} ({party}): {ml._sentence(rng, 30, 80)}", 90, break_on_hyphens=False):
            p.put(50, line)
        p.gap(6)


def grossrat(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A cantonal parliament's Protokoll of one day in two half-days (see the module docstring)."""
    day = gm._date(rng)
    parliament = rng.choice(PARLIAMENTS)
    canton = rng.choice(CANTONS)
    own = str(rng.randrange(10, 120))
    number = f"Nr. {own}"
    start, pause, resume, end = "09:00", "12:00", "14:00", rng.choice(["16:45", "17:15"])
    place = rng.choice(["Grossratssaal", "Kantonsratssaal, Regierungsgebäude", "Rathaus, Ratssaal"])
    p = gm.Pages()
    p.put(50, f"{parliament} des Kantons {canton}", 13, bold=True)
    p.gap(14)
    p.put(50, f"Protokoll {number}", 14, bold=True)
    p.put(50, f"Sitzung vom {gm.WEEKDAYS[day.weekday()]}, {ml._long_date(day)}", 12, bold=True)
    p.gap(10)
    for label, value in (
        ("Vorsitz", f"{gm._person(rng)}, Präsidentin"),
        ("Protokoll", f"{gm._person(rng)}, Ratssekretär"),
        ("Ort", place),
        ("Zeit", f"{start.replace(':', '.')} Uhr bis {end.replace(':', '.')} Uhr"),
    ):
        p.put(50, label, advance=False)
        p.put(160, value)
    p.gap(14)
    items = _ch_business(rng)
    list_form = rng.choice(["below", "right", "paren", "pages"])
    p.put(50, "Traktandenliste", 12, bold=True)
    p.gap(6)
    for item in items:
        title = item["title"]
        if item["paper"] and list_form == "paren":
            title = f"{title} ({item['paper']})"
        width = 60 if list_form in ("right", "pages") else 75
        lines = ml._wrap_keeping(title, f"({item['paper']})", width) if item["paper"] else textwrap.wrap(title, width)
        p.need(len(lines) * 14 + 30)
        p.put(50, f"{item['number']}.", advance=False)
        if list_form == "right" and item["paper"]:
            p.put(440, item["paper"], advance=False)
        if list_form == "pages":
            p.put(500, f"{rng.randrange(2, 40)}", advance=False)
        for line in lines:
            p.put(75, line)
        if list_form in ("below", "pages") and item["paper"]:
            p.put(75, item["paper"])
        p.gap(4)
    p.gap(10)
    heading_form = rng.choice(["geschaeft", "nummer", "paren", "right"])
    again_form = rng.choice(["suffix", "line"])
    # The item the midday break interrupts: one with a registry number, not the last.
    broken = next((i for i, item in enumerate(items[:-1]) if item["paper"] and i > 0), None)
    goldens = []
    for index, item in enumerate(items):
        p.gap(12)
        _ch_heading(p, item, heading_form, "")
        _debate(p, rng, 1, 4)
        if index == broken:
            p.put(50, f"Unterbruch der Sitzung von {pause.replace(':', '.')} Uhr bis {resume.replace(':', '.')} Uhr.")
            p.gap(16)
            p.put(50, f"Fortsetzung der Sitzung um {resume.replace(':', '.')} Uhr", 12, bold=True)
            p.gap(12)
            _ch_heading(p, item, heading_form, again_form)
            _debate(p, rng, 1, 3)
        goldens.append(_ch_outcome(rng, p, item))
    p.gap(12)
    p.put(50, f"Schluss der Sitzung: {end.replace(':', '.')} Uhr")
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": place, "number": number}
    # The body as the head prints it; the record's own number is also the session's ('Nr. 92').
    body = f"{parliament} des Kantons {canton}"
    golden = {"kind": "meeting", "document_type": "Protokoll", "body": body, "number": own, "public": None}
    golden["meeting"] = meeting
    golden |= {"agenda_items": goldens, "speeches": []}
    return p.pages, golden


def regex_glue(title: str) -> str:
    """``title`` with the spaces inside a registry number in parentheses made non-breaking."""
    return re.sub(r"\(\d+/\w+ \d+/\d+\)", lambda m: m.group().replace(" ", "\u00a0"), title)


def _toc_entry(p: gm.Pages, number: str, title: str, page: int, leaders: bool) -> None:
    """One entry of a table of contents: the number, the title over one or more lines, the page
    number at the right edge after dot leaders or none."""
    # A registry number is not broken ('(24/BS 44/334)'): glued for the filling.
    glued = regex_glue(title)
    lines = [line.replace("\u00a0", " ") for line in ml._fill(glued.split(" "), 380, 380, 10)]
    p.need(len(lines) * 14 + 6)
    p.put(50, f"{number}.", advance=False)
    for k, line in enumerate(lines):
        last = k == len(lines) - 1
        p.put(80, line, advance=not last)
        if last:
            x_page = 540 - ml._width(str(page), 10)
            if leaders:
                end = 80 + ml._width(line, 10)
                p.put(end + 4, "." * max(int((x_page - end - 10) / ml._width(".", 10)), 3), advance=False)
            p.put(x_page, str(page))


def grossrat_tage(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A parliament's Protokoll over two session days, opened by a table of contents that lists
    each day's items with their pages; an item not finished on day 1 is listed and headed again on
    day 2 with "(Fortsetzung)" (see the module docstring)."""
    first = gm._date(rng)
    second = first + gm.dt.timedelta(days=1)
    parliament, canton = rng.choice(PARLIAMENTS), rng.choice(CANTONS)
    own = str(rng.randrange(10, 120))
    start, end = "09:00", rng.choice(["12:30", "13:00"])
    place = rng.choice(["Grossratssaal", "Kantonsratssaal, Regierungsgebäude", "Rathaus, Ratssaal"])
    items = _ch_business(rng)
    carried = next((i for i, item in enumerate(items) if item["paper"] and 0 < i < len(items) - 1), 1)
    day_one, day_two = items[: carried + 1], items[carried:]
    leaders = rng.random() < 0.5
    p = gm.Pages()
    p.put(50, f"{parliament} des Kantons {canton}", 13, bold=True)
    p.gap(14)
    p.put(50, f"Protokoll Nr. {own}", 14, bold=True)
    p.gap(8)
    days = ", und ".join(f"{gm.WEEKDAYS[d.weekday()]}, {ml._long_date(d)}" for d in (first, second))
    for label, value in (
        ("Sitzungstage", days),
        ("Beginn", f"{start.replace(':', '.')} Uhr"),
        ("Ort", place),
        ("Vorsitz", f"{gm._person(rng)}, Präsident"),
    ):
        p.put(50, label, advance=False)
        for line in textwrap.wrap(value, 60):
            p.put(160, line)
    p.gap(14)
    p.put(50, rng.choice(["Inhalt", "Inhaltsverzeichnis"]), 12, bold=True)
    p.gap(6)
    page = 2
    for day, listed in ((first, day_one), (second, day_two)):
        p.put(50, f"{gm.WEEKDAYS[day.weekday()]}, {ml._long_date(day)}", bold=True)
        p.gap(2)
        for item in listed:
            again = day == second and item is items[carried]
            title = item["title"] + (f" ({item['paper']})" if item["paper"] else "")
            _toc_entry(p, item["number"], title + (" (Fortsetzung)" if again else ""), page, leaders)
            page += rng.randrange(1, 4)
        p.gap(8)
    goldens = []
    heading_form = rng.choice(["geschaeft", "nummer", "paren"])
    for day_number, (day, listed) in enumerate(((first, day_one), (second, day_two)), 1):
        p.need(120)
        p.gap(16)
        p.put(50, f"{day_number}. Sitzungstag: {gm.WEEKDAYS[day.weekday()]}, {ml._long_date(day)}", 12, bold=True)
        p.gap(10)
        for item in listed:
            again = day == second and item is items[carried]
            p.gap(10)
            _ch_heading(p, item, heading_form, "suffix" if again else "")
            _debate(p, rng, 1, 3)
            if day == first and item is items[carried]:
                p.put(50, "Die Beratung wird am nächsten Sitzungstag fortgesetzt.")
                p.gap(8)
                p.put(50, f"Unterbruch der Sitzung: {rng.choice(['12.20', '12.40'])} Uhr")
                continue
            goldens.append(_ch_outcome(rng, p, item))
    p.gap(12)
    p.put(50, f"Schluss der Sitzung: {end.replace(':', '.')} Uhr")
    # The session is dated by its first day; it ends when the second day's sitting closes.
    meeting = {"date": first.isoformat(), "start": start, "end": end, "location": place, "number": f"Nr. {own}"}
    body = f"{parliament} des Kantons {canton}"
    golden = {"kind": "meeting", "document_type": "Protokoll", "body": body, "number": own, "public": None}
    golden |= {"meeting": meeting, "agenda_items": goldens, "speeches": []}
    return p.pages, golden


STYLES = (
    ("grossrat", grossrat),
    ("gemeinderat", mg.gemeinderat),
    ("tagesordnung-lang", mg.tagesordnung_lang),
    ("grossrat-tage", grossrat_tage),
)


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 4`` (at least one) of each style of this module with their goldens."""
    ml.write_styles(out, seed, count, STYLES, "--parliament-styles")
