"""The ``parliament-drucksache`` variant family (built only when named): Drucksachen of the
city-state parliaments and of Hamburg's district assemblies, municipal councils that print their
papers as a parliament does.

Four heads: the Hamburg Bürgerschaft ("BÜRGERSCHAFT DER FREIEN UND HANSESTADT HAMBURG" at the
left, "Drucksache 22/14567", "22. Wahlperiode" and the date with a two-digit year "05.03.24" at
the right), a Hamburg Bezirksversammlung ("Bezirksversammlung Altona", "Drucksachen–Nr.:
21-4567", "Datum: 05.03.24"), the Bremen Stadtbürgerschaft ("BREMISCHE BÜRGERSCHAFT",
"Stadtbürgerschaft", "21. Wahlperiode", "Drucksache 21/512 S", "12.09.23") and the Berlin
Abgeordnetenhaus ("Drucksache 19 / 17 888", "Schriftliche Anfrage", "19. Wahlperiode" and a ruled
head block "Schriftliche Anfrage des Abgeordneten X (SPD) vom 10. Januar 2024 (Eingang beim
Abgeordnetenhaus am 11. Januar 2024) zum Thema: <title> und Antwort vom 24. Januar 2024"). The
papers: a Schriftliche Kleine or Große Anfrage "... und Antwort des Senats" with "Betr.:", the
askers' preface, the Senate's preface and the questions with their answers ("Frage 1: ...",
"Antwort zu Frage 1: ..."); a Berlin Schriftliche Anfrage answered "Frage 1:" / "Antwort zu 1:"
and signed "Berlin, den ...", "In Vertretung", the state secretary and the Senatsverwaltung; an
Antrag of members "und Fraktion" or of factions whose reasons come first, without a heading,
and whose request follows "Die Bürgerschaft möge beschließen:" ("Der Senat wird ersucht," and
numbered clauses, or one paragraph); a district faction's Antrag with "Sachverhalt:" and
"Petitum/Beschluss:"; a Bremen Mitteilung des Senats with its "Beschlussempfehlung:". Fonts and
sizes as the other families, one to five pages, a running head from page 2 on in some; about one
paper in four is typed into Word and converted by LibreOffice.

Golden conventions (from the letter, answer-paper, bvv-drucksache and joint-paper families and
eval/real/README.md):

- ``number`` is the Drucksache number as printed after "Drucksache" or "Drucksachen–Nr.:"
  ("22/14567", "21-4567", "21/512 S" with Bremen's chamber letter, Berlin's "19 / 17 888" with
  its spaces); the Wahlperiode is no part of it.
- ``document_type`` is the kind the paper names itself: "Schriftliche Kleine Anfrage", "Große
  Anfrage", "Schriftliche Anfrage" (the answer printed with the question does not make it an
  Antwort: the Drucksache is filed as the Anfrage), "Antrag", "Mitteilung" (of the Senate).
- ``title`` is the subject after "Betr.:" or "zum Thema:", or the bold heading under the type
  line; lines joined with spaces.
- ``date`` is the Drucksache's own date, a two-digit year expanded ("05.03.24" → 2024-03-05);
  where the head prints none (Berlin), the answer's date ("und Antwort vom 24. Januar 2024",
  the signature's date); the question's "vom 27.02.24" and the Senate's "Mitteilung des Senats
  vom ..." are never it.
- ``originator`` is whom the type line names after "der"/"des": the members with their party
  ("Anna Meier und Jens Krüger (CDU)", after "der Abgeordneten"), the members "und Fraktion"
  ("Anna Meier, Jens Krüger (GRÜNE) und Fraktion"), the factions ("Fraktionen der SPD, Bündnis
  90/Die Grünen und DIE LINKE", "SPD-Fraktion") or the "Senat"; a district Antrag's
  "Antragsteller:" row when printed. ``faction`` is the originator when it names a Fraktion
  (``variant_base.faction_of``); members named with a party in brackets are no faction.
- ``body`` is the assembly of the head, its chamber where the head names one ("Bürgerschaft der
  Freien und Hansestadt Hamburg" in the head's case, "Bezirksversammlung Altona",
  "Stadtbürgerschaft", "Abgeordnetenhaus Berlin"). ``public`` null.
- ``resolution_proposal`` the request after "... möge beschließen:" or "Beschlussempfehlung:":
  one item per numbered clause (an opener "Der Senat wird ersucht," is none), or the one
  paragraph as an item with number null; an Anfrage's questions are none.
- ``justification`` the reasons of an Antrag (before the request, or under "Sachverhalt:"), the
  Mitteilung's text before its Beschlussempfehlung, and for an Anfrage every paragraph from the
  first after the subject (or the head block) to the last before the signature: the prefaces,
  each question with its label and each answer with its label ("Frage 1: ...", "Antwort zu
  Frage 1: ..."); a bold label alone on its line ("Frage 1:" over the question) is a paragraph
  of its own, as the text's bold sub-headings are, over text in regular type; over a question
  in bold it is a line of the question's block (one visual block, eval/real/README.md).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import office_vorlage as ov
import template_flow
import variant_text as vt

MAX_PAGES = 5

# fmt: off
HH_PARTIES = ("SPD", "CDU", "GRÜNE", "DIE LINKE", "FDP", "AfD")
HH_FACTIONS = ("SPD-Fraktion", "CDU-Fraktion", "GRÜNE Fraktion", "Fraktion DIE LINKE", "FDP-Fraktion")
HB_PARTIES = ("SPD", "Bündnis 90/Die Grünen", "DIE LINKE", "CDU", "FDP", "Bürger in Wut")
BE_PARTIES = ("SPD", "CDU", "GRÜNE", "LINKE", "AfD")
DISTRICTS = ("Altona", "Eimsbüttel", "Hamburg-Nord", "Wandsbek", "Bergedorf", "Harburg", "Hamburg-Mitte")
SENATS = (
    "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen",
    "Senatsverwaltung für Mobilität, Verkehr, Klimaschutz und Umwelt",
    "Senatsverwaltung für Bildung, Jugend und Familie",
    "Senatsverwaltung für Finanzen",
)
ERSUCHT = (
    "zu prüfen, wie die {topic} im Bezirk {district} bis {year} umgesetzt werden kann,",
    "die hierfür erforderlichen Mittel in Höhe von {amount} Euro im Haushalt {year} bereitzustellen,",
    "die Bezirksämter bei der Planung der {facility} personell zu unterstützen,",
    "gemeinsam mit den Trägern ein Konzept für die {facility} zu entwickeln,",
    "die Ergebnisse der Prüfung öffentlich zugänglich zu machen,",
    "der Bürgerschaft bis zum {date} über den Stand der Umsetzung zu berichten.",
)
QUESTIONS = (
    "Wie viele Anträge auf {topic} sind seit {year} beim Bezirksamt {district} eingegangen?",
    "Welche Kosten sind für die {facility} bis {year} veranschlagt?",
    "Wann soll mit dem Bau der {facility} begonnen werden?",
    "Welche Behörden sind an der Planung der {topic} beteiligt?",
    "Wie bewertet der Senat den Stand der {topic} im Bezirk {district}?",
    "Welche Fördermittel des Bundes wurden für die {facility} beantragt, und in welcher Höhe?",
    "Sind weitere Maßnahmen geplant? Wenn ja, welche? Wenn nein, warum nicht?",
)
ANSWERS = (
    "Seit {year} sind {count} Anträge eingegangen.",
    "Die Kosten werden derzeit auf rund {amount} Euro geschätzt.",
    "Der Baubeginn ist für das Jahr {year} vorgesehen.",
    "Siehe Antwort zu Frage 1.",
    "Die zuständige Behörde hat sich hiermit noch nicht befasst.",
    "Hierzu liegen dem Senat keine Erkenntnisse vor.",
)
# fmt: on


@dataclass
class Paper:
    """What one Drucksache prints, as blocks both producers lay out, and its golden values."""

    head_left: list[tuple[str, bool]]  # (line, bold)
    head_right: list[str]
    head_rule: bool
    blocks: list[tuple[Any, ...]]
    reasons: tuple[vt.Block, ...]  # the part cut when the paper runs too long
    running: str | None
    docx: bool
    golden: dict[str, Any] = field(default_factory=dict)


def _short(day: dt.date) -> str:
    """``05.03.24``, the two-digit year Hamburg and Bremen print."""
    return day.strftime("%d.%m.%y")


def _fill(rng: random.Random, template: str, year: int) -> str:
    return template.format(
        topic=vt.pick(rng, vt.TOPICS),
        facility=vt.pick(rng, vt.FACILITIES),
        district=vt.pick(rng, DISTRICTS),
        year=rng.randint(year - 3, year + 3),
        amount=f"{rng.randint(50, 4000) * 1000:,}".replace(",", "."),
        count=rng.randint(3, 480),
        date=vt.long_date(vt.later(rng, dt.date(year, 1, 1), 200, 600)),
    )


def _members(rng: random.Random, party: str, count: int) -> str:
    names = [vt.person(rng) for _ in range(count)]
    joined = names[0] if count == 1 else ", ".join(names[:-1]) + " und " + names[-1]
    return f"{joined} ({party})"


def _title(rng: random.Random) -> str:
    return vt.title(rng, rng.choice((3, 4, 6, 9))) if rng.random() < 0.7 else vt.pick(rng, vt.TOPICS)


def _qa(rng: random.Random, year: int, berlin: bool) -> tuple[list[tuple[Any, ...]], list[str]]:
    """Questions and answers as blocks, with the golden paragraphs they read as."""
    blocks: list[tuple[Any, ...]] = []
    text: list[str] = []
    count = rng.choice((1, 2, 3, 3, 4, 5, 6))
    own_line = rng.random() < (0.7 if berlin else 0.3)
    bold_q = rng.random() < 0.5
    for i in range(1, count + 1):
        question = _fill(rng, vt.pick(rng, QUESTIONS), year)
        answer = [f"{_fill(rng, vt.pick(rng, ANSWERS), year)} {vt.paragraph(rng, (1, 3))}"]
        answer += [vt.paragraph(rng, (2, 4)) for _ in range(rng.choice((0, 0, 0, 1)))]
        q_label = f"Frage {i}:"
        a_label = f"Antwort zu {i}:" if berlin or rng.random() < 0.2 else f"Antwort zu Frage {i}:"
        blocks.append(("stack" if own_line else "labelled", q_label, question, bold_q))
        blocks.append(("stack" if own_line else "labelled", a_label, answer[0], False))
        blocks += [("para", extra, False) for extra in answer[1:]]
        if own_line:
            # A bold label alone on its line over regular text is a paragraph of its own, as
            # sub-headings are; over a question in bold it is a line of the question's block.
            text += [f"{q_label} {question}"] if bold_q else [q_label, question]
            text += [a_label, answer[0], *answer[1:]]
        else:
            text += [f"{q_label} {question}", f"{a_label} {answer[0]}", *answer[1:]]
    return blocks, text


def _request(rng: random.Random, year: int, cue: str) -> tuple[list[tuple[Any, ...]], list[dict[str, Any]]]:
    """The request after ``cue``: numbered clauses under "Der Senat wird ersucht," or one paragraph."""
    blocks: list[tuple[Any, ...]] = [("para", cue, True)]
    assembly = cue.split(" möge")[0].split()[-1]  # "Bürgerschaft", "Stadtbürgerschaft", "Bezirksversammlung"
    if rng.random() < 0.35:
        text = "Der Senat wird ersucht, " + _fill(rng, vt.pick(rng, ERSUCHT), year).rstrip(",.") + "."
        if cue.startswith("Die Bezirksversammlung"):
            text = text.replace("Der Senat wird ersucht", "Die Bezirksamtsleitung wird gebeten")
        blocks.append(("para", text, False))
        return blocks, [{"number": None, "text": text}]
    opener = "Der Senat wird ersucht,"
    if cue.startswith("Die Bezirksversammlung"):
        opener = "Die Bezirksamtsleitung wird gebeten,"
    clauses = [_fill(rng, t, year) for t in rng.sample(ERSUCHT[:-1], rng.randint(1, 4))]
    clauses.append(_fill(rng, ERSUCHT[-1], year).replace("der Bürgerschaft", f"der {assembly}"))
    style = rng.choice(("1.", "1.", "1)"))
    items = [(f"{i}." if style == "1." else f"{i})", c) for i, c in enumerate(clauses, start=1)]
    blocks.append(("para", opener, False))
    blocks.append(("items", items))
    return blocks, [{"number": vt.label_number(label), "text": text} for label, text in items]


def draw(rng: random.Random) -> Paper:
    """Draw one Drucksache and its golden values."""
    style = rng.choices(("hh", "hh-bezirk", "hb", "be"), (4, 2, 2, 2))[0]
    dated = vt.day(rng, rng.randint(2022, 2025))
    year = dated.year
    docx = rng.random() < 0.25
    title = _title(rng)
    reasons = vt.blocks(rng, rng.choice((1, 2, 2, 3, 4, 6, 10)))
    blocks: list[tuple[Any, ...]] = []
    proposal: list[dict[str, Any]] = []
    running: str | None = None
    head_rule = rng.random() < 0.6
    signature: tuple[str, ...] = ()
    wp = rng.choice((21, 22)) if style != "be" else 19
    if style == "hh":
        number = f"{wp}/{rng.randint(100, 16999)}"
        caps = rng.random() < 0.6
        left = [("BÜRGERSCHAFT", True), ("DER FREIEN UND HANSESTADT HAMBURG", True)]
        if not caps:
            left = [("Bürgerschaft der Freien und Hansestadt Hamburg", True)]
        body = " ".join(line for line, _ in left)
        right = [f"Drucksache {number}"]
        right += [f"{wp}. Wahlperiode", _short(dated)] if rng.random() < 0.5 else [f"{wp}. Wahlperiode {_short(dated)}"]
        if rng.random() < 0.5:
            running = f"Drucksache {number}     Bürgerschaft der Freien und Hansestadt Hamburg – {wp}. Wahlperiode"
        kind = rng.choices(("Schriftliche Kleine Anfrage", "Große Anfrage", "Antrag"), (5, 1, 4))[0]
        asked = vt.later(rng, dated - dt.timedelta(days=14), 0, 6)
        if kind == "Antrag":
            if rng.random() < 0.6:
                originator = f"{_members(rng, vt.pick(rng, HH_PARTIES), rng.randint(1, 4))} und Fraktion"
                type_line = f"Antrag der Abgeordneten {originator}"
            else:
                originator = f"Fraktion der {vt.pick(rng, ('SPD', 'CDU', 'FDP'))}"
                type_line = f"Antrag der {originator}"
            blocks += [("para", type_line, True), ("label", "Betr.:", title, True), ("reasons",)]
            request, proposal = _request(rng, year, "Die Bürgerschaft möge beschließen:")
            blocks += request
            text = vt.blocks_text(reasons)
        else:
            if kind == "Große Anfrage":
                originator = f"Fraktion der {vt.pick(rng, ('SPD', 'CDU', 'FDP'))}"
                type_line = f"Große Anfrage der {originator} vom {_short(asked)}"
            else:
                many = rng.random() < 0.5
                originator = _members(rng, vt.pick(rng, HH_PARTIES), 2 if many else 1)
                who = "der Abgeordneten" if many or rng.random() < 0.5 else "des Abgeordneten"
                type_line = f"{kind} {who} {originator} vom {_short(asked)}"
            type_line += " und Antwort des Senats"
            blocks += [("para", type_line, True), ("label", "Betr.:", title, True)]
            preface = [vt.paragraph(rng, (2, 4))]
            senate = "Dies vorausgeschickt, beantwortet der Senat die Fragen wie folgt:"
            opening = [
                *preface,
                "Vor diesem Hintergrund fragen wir den Senat:" if rng.random() < 0.5 else "Ich frage den Senat:",
            ]
            if rng.random() < 0.5:
                opening += [f"Vorbemerkung: {vt.paragraph(rng, (1, 3))} {senate}"]
            else:
                opening += [senate]
            blocks += [("para", p, False) for p in opening]
            qa, qa_text = _qa(rng, year, False)
            blocks += qa
            reasons = ()
            text = "\n\n".join([*opening, *qa_text])
    elif style == "hh-bezirk":
        kind = "Antrag"
        district = vt.pick(rng, DISTRICTS)
        number = f"{wp}-{rng.randint(1, 5999):04d}"
        body = f"Bezirksversammlung {district}"
        left = [("Freie und Hansestadt Hamburg", False), (body, True)] if rng.random() < 0.5 else [(body, True)]
        label = rng.choice(("Drucksachen–Nr.:", "Drucksachen-Nr.:", "Drucksache"))
        right = [f"{label} {number}", f"Datum: {_short(dated)}"]
        if rng.random() < 0.5:
            originator = vt.pick(rng, HH_FACTIONS)
            type_line = f"Antrag der {originator}"
        else:
            a, b = rng.sample(HH_FACTIONS[:3], 2)
            originator = f"{a} und {b}"
            type_line = f"Antrag der {originator}"
        blocks += [("para", "Antrag", True) if rng.random() < 0.3 else ("para", type_line, True)]
        if blocks[-1][1] == "Antrag":
            blocks.append(("label", "Antragsteller:", originator, False))
        blocks.append(("label", "Betr.:", title, True))
        blocks += [("para", "Sachverhalt:", True), ("reasons",)]
        cue = rng.choice(("Petitum/Beschluss:", "Beschlussvorschlag:", "Petitum:"))
        blocks.append(("para", cue, True))
        request, proposal = _request(rng, year, "Die Bezirksversammlung möge beschließen:")
        blocks += request
        text = vt.blocks_text(reasons)
        members = [vt.person(rng) for _ in range(rng.randint(1, 3))]
        signature = (f"{', '.join(members)} und {originator.split(' und ')[0]}",) if rng.random() < 0.5 else ()
    elif style == "hb":
        number = f"{wp}/{rng.randint(12, 1200)} S"
        body = "Stadtbürgerschaft"
        left = [("BREMISCHE BÜRGERSCHAFT", True), ("Stadtbürgerschaft", True), (f"{wp}. Wahlperiode", False)]
        right = [f"Drucksache {number}", _short(dated)]
        if rng.random() < 0.35:
            kind = "Mitteilung"
            originator = "Senat"
            sent = vt.later(rng, dated - dt.timedelta(days=10), 0, 5)
            blocks += [("para", f"Mitteilung des Senats vom {vt.long_date(sent)}", True), ("para", title, True)]
            blocks += [("reasons",), ("para", "Beschlussempfehlung:", True)]
            recommend = (
                f"Die Stadtbürgerschaft (Gemeinde) nimmt die Mitteilung des Senats vom {vt.long_date(sent)} "
                "zur Kenntnis."
            )
            blocks.append(("para", recommend, False))
            proposal = [{"number": None, "text": recommend}]
        else:
            kind = "Antrag"
            # Bremen names the factions of a joint Antrag in the order of their seats.
            parties = sorted(rng.sample(HB_PARTIES[:3], rng.choice((1, 3, 3))), key=HB_PARTIES.index)
            if len(parties) == 1:
                originator = f"Fraktion der {parties[0]}" if parties[0] == "SPD" else f"Fraktion {parties[0]}"
            else:
                originator = f"Fraktionen der {', '.join(parties[:-1])} und {parties[-1]}"
            blocks += [("para", f"Antrag der {originator}", True), ("para", title, True), ("reasons",)]
            request, proposal = _request(rng, year, "Die Stadtbürgerschaft möge beschließen:")
            blocks += request
            signature = tuple(
                f"{vt.person(rng)}, {vt.person(rng)} und Fraktion {'der SPD' if p == 'SPD' else p}" for p in parties
            )
        text = vt.blocks_text(reasons)
    else:
        kind = "Schriftliche Anfrage"
        number = f"19 / {rng.randint(10, 22)} {rng.randint(0, 999):03d}"
        body = "Abgeordnetenhaus Berlin"
        left = [(f"Drucksache {number}", True), ("Schriftliche Anfrage", False)]
        right = [f"{wp}. Wahlperiode"]
        asked = dated - dt.timedelta(days=rng.randint(10, 28))
        received = asked + dt.timedelta(days=1)
        party = vt.pick(rng, BE_PARTIES)
        name = vt.person(rng)
        female = rng.random() < 0.5
        originator = f"{name} ({party})"
        box = [
            "Schriftliche Anfrage",
            f"{'der Abgeordneten' if female else 'des Abgeordneten'} {originator}",
            f"vom {vt.long_date(asked)} (Eingang beim Abgeordnetenhaus am {vt.long_date(received)})",
            "zum Thema:",
        ]
        blocks += [
            ("topline", "Abgeordnetenhaus Berlin"),
            ("box", box, title, f"und Antwort vom {vt.long_date(dated)}"),
        ]
        opening = ["Im Namen des Senats von Berlin beantworte ich Ihre Schriftliche Anfrage wie folgt:"]
        if rng.random() < 0.5:
            opening.insert(
                0,
                "Die Schriftliche Anfrage betrifft Sachverhalte, die der Senat nicht aus eigener Zuständigkeit "
                "und Kenntnis beantworten kann. Er ist gleichwohl um eine sachgerechte Antwort bemüht.",
            )
        blocks += [("para", p, False) for p in opening]
        qa, qa_text = _qa(rng, year, True)
        blocks += qa
        reasons = ()
        text = "\n\n".join([*opening, *qa_text])
        signature = (f"Berlin, den {vt.long_date(dated)}", "", "In Vertretung", vt.person(rng), vt.pick(rng, SENATS))
    if signature:
        blocks.append(("signature", signature))
    paper = Paper(left, right, head_rule, blocks, reasons, running, docx)
    paper.golden = {
        "number": number,
        "title": title,
        "document_type": kind,
        "public": None,
        "body": body,
        "originator": originator,
        "faction": originator if "Fraktion" in originator else None,
        "date": dated.isoformat(),
        "consultations": [],
        "resolution_proposal": proposal,
        "checkboxes": [],
        "finances": None,
        "attachments": [],
        "justification": text,
        "links": [],
    }
    return paper


# --------------------------------------------------------------------------
# reportlab
# --------------------------------------------------------------------------


def render(paper: Paper, size: float, lead: float, producer: str, out: Path) -> Path:
    """Lay ``paper`` out on A4 pages and write the PDF; returns its path."""
    left, right = 70.0, 525.0
    flow = template_flow.Flow(left=left, right=right, body=size, lead=lead, top=770)
    flow.y = 790
    top = flow.y
    for text, bold in paper.head_left:
        flow.line(text, font=ff.BOLD if bold else ff.REG, size=size + (2 if bold else 0))
    left_width = max(ff.width(t, ff.BOLD if b else ff.REG, size + (2 if b else 0)) for t, b in paper.head_left)
    right_width = max(ff.width(t, ff.REG, size) for t in paper.head_right)
    # The number and term stand beside the assembly's name where they fit, else under it.
    y = top if left + left_width + 24 < right - right_width else flow.y
    for text in paper.head_right:
        flow.ops.append(fp.Text(right, y, text, ff.REG, size, "right"))
        y -= lead
    flow.y = min(flow.y, y)
    if paper.head_rule:
        flow.ops.append(fp.Rule(left, flow.y + lead * 0.4, right, flow.y + lead * 0.4, 0.6))
    flow.space(lead * 1.2)
    for block in paper.blocks:
        kind = block[0]
        if kind == "para":
            flow.para(block[1], font=ff.BOLD if block[2] else ff.REG, after=lead * 0.6)
        elif kind == "topline":
            flow.line(block[1], font=ff.BOLD, size=size + 3, lead=(size + 3) * 1.6)
        elif kind == "label":
            _, label, value, bold = block
            font = ff.BOLD if bold else ff.REG
            tab = left + max(ff.width(label, font, size) + 10, 50.0)
            flow.ops.append(fp.Text(left, flow.y, label, font, size))
            for line in ff.wrap(value, right - tab, font, size):
                flow.line(line, x=tab, font=font)
            flow.space(lead * 0.6)
        elif kind == "reasons":
            template_flow.blocks(flow, paper.reasons)
        elif kind == "stack":
            _, label, text, bold = block
            flow.ensure(lead * 3)
            flow.line(label, font=ff.BOLD)
            flow.para(text, font=ff.BOLD if bold else ff.REG, after=lead * 0.7)
        elif kind == "labelled":
            _, label, text, bold = block
            flow.ensure(lead * 2)
            flow.para(f"{label} {text}", font=ff.BOLD if bold else ff.REG, after=lead * 0.7)
        elif kind == "items":
            flow.items(block[1], indent=22, gap=3)
            flow.space(lead * 0.5)
        elif kind == "box":
            _, lines, title, answered = block
            flow.ops.append(fp.Rule(left, flow.y + lead, right, flow.y + lead, 0.8))
            for line in lines:
                flow.para(line, after=0)
            flow.para(title, font=ff.BOLD, size=size + 1, after=0)
            flow.para(answered, after=lead * 0.2)
            flow.ops.append(fp.Rule(left, flow.y + lead * 0.5, right, flow.y + lead * 0.5, 0.8))
            flow.space(lead)
        elif kind == "signature":
            flow.space(lead)
            flow.ensure(lead * (len(block[1]) + 1))
            for line in block[1]:
                flow.line(line) if line else flow.space(lead)
    footer = "Seite {n} von {m}" if len(flow.pages) > 1 and not paper.running else None
    pages = flow.finish(header=paper.running, footer=footer)
    template_flow.render(producer, flow, pages, template_flow.Meta(paper.golden["title"], ""), out)
    return out


# --------------------------------------------------------------------------
# Word, converted by LibreOffice
# --------------------------------------------------------------------------


def write_docx(paper: Paper, look: ov.Look, path: Path) -> None:
    """Type ``paper`` into a Word document and save it to ``path``."""
    from docx.shared import Cm

    w = ov.Writer(look, "", paper.golden["title"])
    size = look.size
    rows = max(len(paper.head_left), len(paper.head_right))
    table = w.table(rows, 2, (ov.WIDTH * 0.6, ov.WIDTH * 0.4), ruled=False)
    for r in range(rows):
        if r < len(paper.head_left):
            text, bold = paper.head_left[r]
            w.cell(table.rows[r].cells[0], text, bold=bold, size=size + (2 if bold else 0))
        if r < len(paper.head_right):
            w.cell(table.rows[r].cells[1], paper.head_right[r], right=True)
    w.par(after=10)
    for block in paper.blocks:
        kind = block[0]
        if kind == "para":
            w.par(block[1], bold=block[2], after=6)
        elif kind == "topline":
            w.par(block[1], bold=True, size=size + 3, after=8)
        elif kind == "label":
            _, label, value, bold = block
            w.tabbed(label, value, max(1.6, ov.word_floor([label], size, bold) + 0.5), bold=bold, after=8)
        elif kind == "reasons":
            w.blocks(paper.reasons)
        elif kind == "stack":
            _, label, text, bold = block
            w.par(label, bold=True, after=0).paragraph_format.keep_with_next = True
            w.par(text, bold=bold, after=8)
        elif kind == "labelled":
            _, label, text, bold = block
            w.par(f"{label} {text}", bold=bold, after=8)
        elif kind == "items":
            for label, text in block[1]:
                par = w.par(after=3)
                fmt = par.paragraph_format
                fmt.left_indent, fmt.first_line_indent = Cm(0.75), Cm(-0.75)
                fmt.tab_stops.add_tab_stop(Cm(0.75))
                w.run(par, f"{label}\t{text}")
            w.par(after=4)
        elif kind == "box":
            _, lines, title, answered = block
            for line in lines:
                w.par(line, after=0)
            w.par(title, bold=True, size=size + 1, after=0)
            w.par(answered, after=12)
        elif kind == "signature":
            w.par(after=size)
            for line in block[1]:
                w.par(line)
    w.furniture("", paper.running or "")
    w.save(path)


def _shrink(paper: Paper) -> Callable[[], bool]:
    """Halve the reasons of an Antrag or Mitteilung; an Anfrage is short enough as drawn."""
    shrink = template_flow.halving_reasons(paper, lambda: vt.blocks_text(paper.reasons))
    return shrink if paper.reasons else (lambda: False)


def parliament_drucksache(
    rng: random.Random,
    out: Path,
    font: str,
    size_and_lead: Callable[[random.Random], tuple[float, float]],
    fonts: Sequence[str],
) -> dict[str, Any]:
    """Draw and render one Drucksache to ``out`` in ``font`` (reportlab or fpdf2, or Word and
    LibreOffice); returns its golden fields with the page count."""
    size, lead = size_and_lead(rng)
    paper = draw(rng)
    producer = "fpdf2" if rng.random() < 0.3 and font == "Liberation Sans" else "reportlab"
    look = ov.draw_look(rng, fonts, size) if paper.docx else None
    pages = template_flow.render_paper(
        "parliament-drucksache",
        out,
        (lambda path: write_docx(paper, look, path)) if look is not None else None,
        lambda: render(paper, size, lead, producer, out),
        _shrink(paper),
        MAX_PAGES,
    )
    golden = dict(paper.golden)
    golden["page_count"] = pages
    return golden
