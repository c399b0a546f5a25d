"""Parliament protocols, Gemeinderat Niederschriften and agendas over several pages, for
scripts/generate_meetings.py (``--parliament-styles N``); goldens from the generator's own content.

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
- ``gemeinderat``: a German Gemeinderat Niederschrift whose head says "Verhandelt:" or "Tag der
  Sitzung:" for the date, items headed "TOP 3" or "3." over their title with a line "Drucksache
  Nr. 23/2025", "GRDrs 123/2025" or "Vorlage Nr. 45/2025"; the minutes in blocks under
  "Sachverhalt:"/"Behandlung:"/"Beratung:" and a result under "Beratungsergebnis:", "Beschluss:"
  or "Beschlussfassung:" (a bare "Ergebnis:" is left out: minutes also head the outcome of a
  discussion so, beside the decision); items referred to a committee or deferred ("Die Angelegenheit wird zur
  Vorberatung an den Technischen Ausschuss verwiesen.", no vote or "einstimmig").
- ``tagesordnung-lang``: an Einladung whose agenda table (columns "Nr.", "Gegenstand" and one of
  "Drucksache", "GRDrs", "Vorlage Nr.") runs over two or three pages: every page after the first
  opens with a running head ("Tagesordnung der Sitzung des Gemeinderats am 12.03.2025 – Seite 2",
  "- 2 -", "noch: Tagesordnung") and the column headings again; titles over two or three lines,
  sub-items "4.1", the paper cell at the right of the title's first line.

Each document draws from its own ``random.Random``, so every other generator's files stay the same.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path
from typing import Any

import generate_meetings as gm
import meeting_agendas as ma
import meeting_layouts as ml

CANTONS = ["Aargau", "Luzern", "Schaffhausen", "Graubünden", "St. Gallen", "Solothurn", "Zug"]
PARLIAMENTS = ["Grosser Rat", "Kantonsrat", "Landrat"]
GROUPS = ["SVP", "FDP", "Die Mitte", "SP", "GRÜNE", "GLP", "EVP"]
MUNICIPALITIES = ["Gemeinde Remseck", "Stadt Kornwestheim", "Gemeinde Weissach", "Stadt Leonberg", "Gemeinde Aidlingen"]
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
REFERRALS = [
    "Die Angelegenheit wird zur Vorberatung an den Technischen Ausschuss verwiesen.",
    "Der Antrag wird an den Verwaltungsausschuss verwiesen.",
    "Die Beratung wird vertagt.",
]
#: Subjects of a Gemeinderat's agenda, besides those of the other generators.
SUBJECTS_DE = [
    "Bekanntgabe der in nichtöffentlicher Sitzung gefassten Beschlüsse",
    "Fragen der Einwohnerinnen und Einwohner",
    "Feststellung des Jahresabschlusses 2024 des Eigenbetriebs Wasserversorgung",
    "Annahme von Spenden und Zuwendungen",
    "Vergabe der Rohbauarbeiten für den Neubau der Kindertagesstätte Schulstraße",
    "Änderung der Polizeiverordnung über die Offenhaltung von Gaststätten",
    "Zustimmung zur überplanmäßigen Ausgabe für die Sanierung der Ortsdurchfahrt",
    "Wahl der Schöffinnen und Schöffen für die Amtszeit 2026 bis 2030",
    "Bebauungsplan und örtliche Bauvorschriften Gewerbegebiet Hinter den Gärten, Satzungsbeschluss",
    "Kommunale Wärmeplanung, Beauftragung eines Fachbüros",
    "Gebührenkalkulation für die Abwasserbeseitigung 2026",
    "Verschiedenes, Bekanntgaben und Anfragen",
]
DECISIONS_DE = [
    "Der Gemeinderat stimmt dem Beschlussvorschlag der Verwaltung zu.",
    "Der Gemeinderat beschließt die Satzung in der vorgelegten Fassung.",
    "Der Gemeinderat nimmt den Bericht zur Kenntnis.",
    "Der Gemeinderat beauftragt die Verwaltung, die Ausschreibung vorzubereiten.",
]


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
    lines = ml._wrap_keeping(title, f"({paper})" if paper else title, 70) if paper else textwrap.wrap(title, 70)
    p.need(len(lines) * 15 + 70)
    p.put(50, f"{item['number']}.", 11, bold=True, advance=False)
    if paper and form == "right":
        p.put(450, paper, 10, advance=False)
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
        decision_lines: list[str] = []
        vote: dict[str, Any] | None = None
        if item["kind"] != "plain":
            decision_lines, vote = _ch_vote(rng, p)
        else:
            p.put(50, "Keine Wortmeldungen.")
        goldens.append(
            {
                "number": item["number"],
                "title": item["title"],
                "public": None,
                "paper_numbers": [item["paper"]] if item["paper"] else [],
                "decision": "\n".join(decision_lines) or None,
                "vote": vote,
            }
        )
    p.gap(12)
    p.put(50, f"Schluss der Sitzung: {end.replace(':', '.')} Uhr")
    meeting = {"date": day.isoformat(), "start": start, "end": end, "location": place, "number": number}
    # The body as the head prints it; the record's own number is also the session's ('Nr. 92').
    body = f"{parliament} des Kantons {canton}"
    golden = {"kind": "meeting", "document_type": "Protokoll", "body": body, "number": own, "public": None}
    golden["meeting"] = meeting
    golden |= {"agenda_items": goldens, "speeches": []}
    return p.pages, golden


def _paper_de(rng: random.Random, label: str) -> tuple[str, str]:
    """A paper label as printed and its number."""
    number = f"{rng.randrange(10, 400)}/{rng.choice([2024, 2025])}"
    return f"{label} {number}", number


def _de_items(rng: random.Random, count: int) -> list[dict[str, Any]]:
    subjects = rng.sample(gm.SUBJECTS + ma.EXTRA_SUBJECTS + SUBJECTS_DE, count + 5)
    items: list[dict[str, Any]] = []
    parent = rng.randrange(2, count) if rng.random() < 0.5 else 0
    for k in range(1, count + 1):
        items.append({"number": str(k), "title": subjects.pop(), "sub": False})
        if k == parent:
            for j in range(1, rng.randrange(3, 5)):
                items.append({"number": f"{k}.{j}", "title": subjects.pop(), "sub": True})
    return items


def gemeinderat(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """A German Gemeinderat Niederschrift (see the module docstring)."""
    s = gm._session(rng)
    town = rng.choice(MUNICIPALITIES)
    label = rng.choice(["Drucksache Nr.", "GRDrs", "Vorlage Nr."])
    p = gm.Pages()
    p.put(400, town, 11)
    p.gap(16)
    p.put(50, "Niederschrift", 16, bold=True)
    p.put(50, "über die öffentliche Sitzung des Gemeinderats", 12, bold=True)
    p.gap(10)
    day = s["date"]
    date_label = rng.choice(["Verhandelt:", "Tag der Sitzung:"])
    for head, value in (
        (date_label, f"{gm.WEEKDAYS[day.weekday()]}, {day.strftime('%d.%m.%Y')}"),
        ("Beginn:", f"{s['start']} Uhr"),
        ("Ende:", f"{s['end']} Uhr"),
        ("Ort:", s["location"]),
    ):
        p.put(50, head, advance=False)
        p.put(170, value)
    p.gap(12)
    items = _de_items(rng, rng.randrange(4, 8))
    heading = rng.choice(["top", "number"])
    result_label = rng.choice(["Beratungsergebnis:", "Beschluss:", "Beschlussfassung:"])
    text_labels = rng.sample(["Sachverhalt:", "Behandlung:", "Beratung:"], 2)
    goldens = []
    for index, item in enumerate(items):
        has_subs = index + 1 < len(items) and items[index + 1]["sub"]
        p.need(90)
        p.gap(10)
        first = f"TOP {item['number']}" if heading == "top" else f"{item['number']}."
        p.put(50, first, 11, bold=True, advance=False)
        for line in ml._fill(item["title"].split(), 400, 400, 11):
            p.put(110, line, 11, bold=True)
        papers: list[str] = []
        if not has_subs and rng.random() < 0.7:
            printed, number = _paper_de(rng, label)
            p.put(110, printed)
            papers.append(number)
        p.gap(4)
        for head in text_labels:
            p.put(50, head, bold=True)
            for line in textwrap.wrap(ml._sentence(rng, 10, 40 if not has_subs else 15), 95):
                p.put(50, line)
            p.gap(4)
            if has_subs:
                break
        decision = vote = None
        if not has_subs:
            referred = rng.random() < 0.25
            decision = rng.choice(REFERRALS if referred else DECISIONS_DE)
            p.put(50, result_label, bold=True)
            for line in textwrap.wrap(decision, 95):
                p.put(50, line)
            if not referred or rng.random() < 0.5:
                p.gap(2)
                if rng.random() < 0.4:
                    p.put(50, "Abstimmungsergebnis: einstimmig")
                    vote = {"yes": None, "no": None, "abstain": None, "unanimous": True}
                else:
                    yes, no, abstain = rng.randrange(8, 25), rng.randrange(1, 6), rng.randrange(0, 3)
                    ending = "Enthaltung" if abstain == 1 else "Enthaltungen"
                    p.put(50, f"Abstimmungsergebnis: {yes} Ja-Stimmen, {no} Nein-Stimmen, {abstain} {ending}")
                    vote = {"yes": yes, "no": no, "abstain": abstain, "unanimous": False}
        goldens.append(
            {
                "number": item["number"],
                "title": item["title"],
                "public": True,
                "paper_numbers": papers,
                "decision": decision,
                "vote": vote,
            }
        )
    p.gap(20)
    p.put(50, f"Für die Richtigkeit: {gm._person(rng)}, Schriftführer/in")
    meeting = {k: s[k] for k in ("start", "end", "location")} | {"date": day.isoformat(), "number": None}
    golden = {"kind": "meeting", "document_type": "Niederschrift", "body": "Gemeinderat", "originator": town}
    golden |= {"public": True, "meeting": meeting, "agenda_items": goldens, "speeches": []}
    return p.pages, golden


def tagesordnung_lang(rng: random.Random) -> tuple[list[list[gm.Op]], dict[str, Any]]:
    """An Einladung whose agenda table runs over several pages (see the module docstring)."""
    s = gm._session(rng)
    town = rng.choice(MUNICIPALITIES)
    label = rng.choice(["Drucksache", "GRDrs", "Vorlage Nr."])
    day = s["date"].strftime("%d.%m.%Y")
    running = rng.choice(["seite", "dash", "noch"])
    p = gm.Pages()
    p.put(400, town, 11)
    p.gap(16)
    p.put(50, "Einladung", 16, bold=True)
    p.put(50, f"zur öffentlichen Sitzung des Gemeinderats am {day}", 12, bold=True)
    p.gap(8)
    p.put(50, "Beginn:", advance=False)
    p.put(150, f"{s['start']} Uhr")
    p.put(50, "Ort:", advance=False)
    p.put(150, s["location"])
    p.gap(10)
    p.put(50, "Tagesordnung", 12, bold=True)
    p.gap(4)

    def columns() -> None:
        p.put(50, "Nr.", bold=True, advance=False)
        p.put(90, "Gegenstand", bold=True, advance=False)
        p.put(450, label, bold=True)
        p.gap(4)

    columns()
    items = _de_items(rng, rng.randrange(12, 19))
    goldens = []
    for index, item in enumerate(items):
        has_subs = index + 1 < len(items) and items[index + 1]["sub"]
        lines = ml._fill(item["title"].split(), 340, 340, 10)
        before = len(p.pages)
        p.need(len(lines) * 13.5 + 8)
        if len(p.pages) > before:
            head = {
                "seite": f"Tagesordnung der Sitzung des Gemeinderats am {day} – Seite {len(p.pages)}",
                "dash": f"- {len(p.pages)} -",
                "noch": "noch: Tagesordnung",
            }[running]
            p.put(50 if running != "dash" else 280, head, 9)
            p.gap(10)
            columns()
        papers: list[str] = []
        if not has_subs and rng.random() < 0.75:
            number = f"{rng.randrange(10, 400)}/{rng.choice([2024, 2025])}"
            p.put(450, number, advance=False)
            papers.append(number)
        p.put(50 if not item["sub"] else 60, item["number"], advance=False)
        for line in lines:
            p.put(90, line)
        p.gap(5)
        goldens.append(
            {
                "number": item["number"],
                "title": item["title"],
                "public": True,
                "paper_numbers": papers,
                "decision": None,
                "vote": None,
            }
        )
    p.gap(20)
    p.put(50, f"gez. {gm._person(rng)}")
    p.put(50, "Bürgermeister/in")
    meeting = {
        "date": s["date"].isoformat(),
        "start": s["start"],
        "end": None,
        "location": s["location"],
        "number": None,
    }
    golden = {"kind": "meeting", "document_type": "Einladung", "body": "Gemeinderat", "originator": town}
    golden |= {"public": True, "meeting": meeting, "agenda_items": goldens, "speeches": []}
    return p.pages, golden


STYLES = (("grossrat", grossrat), ("gemeinderat", gemeinderat), ("tagesordnung-lang", tagesordnung_lang))


def build_all(out: Path, seed: int, count: int) -> None:
    """Write ``count // 3`` (at least one) of each style of this module with their goldens."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, max(count // 3, 1) + 1):
        for name, build in STYLES:
            rng = random.Random(f"{seed}-{name}-{n}")
            fonts = ml.CURRENT_FONTS = rng.choice(ml.FONTS)
            pages, golden = build(rng)
            producer = "fpdf2" if rng.random() < 0.5 else "reportlab"
            stem = f"{name}-{n}"
            notes = f"--seed {seed} --parliament-styles {count} ({producer}, {Path(fonts[0]).stem})"
            ml.write_meeting(out, stem, pages, golden, (fonts, producer, f"{golden['document_type']} {stem}", notes))
