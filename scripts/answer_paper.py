"""The ``answer-paper`` variant family (built only when named): the administration's or the
executive's written answer to a faction's or member's Anfrage, Interpellation, Große or Kleine
Anfrage, as towns in Germany, Austria and Switzerland publish it, drawn from a ``random.Random``.

A German town's office answers under its letterhead ("Stadt Köln" / "Der Oberbürgermeister" /
"Dezernat VI" / "Amt für Verkehr"), the office after a label ("Federführend:", "Absender:") or the
executive alone ("Der Oberbürgermeister der Stadt Bonn"), with a heading that names the kind and
the question answered ("Beantwortung der Anfrage", "Antwort der Verwaltung zur Anfrage der
SPD-Fraktion vom 3. März 2025 (AN/0123/2025)", "Stellungnahme der Verwaltung zur Anfrage ...");
an Austrian mayor answers the Gemeinderat ("Anfragebeantwortung": "Die Anfrage der Gemeinderäte A
und B (Klub X) vom ... betreffend ... beantworte ich wie folgt:"); a Swiss executive answers the
parliament ("Beantwortung der Interpellation" of two members "(SP)" and "(GLP)", "Der Stadtrat
beantwortet die Interpellation wie folgt:", Swiss spelling). The paper has its own number
("Mitteilung Nr.: 1234/2025", "Vorlage Nr.:", "GZ:", "Geschäft Nr.") or none and its own date
(head row or date line), both distinct from the question's number and date, which stand in the
heading, in a "Bezug:" row, in the subject or in the opening sentence. An address or a head row
names the council addressed ("An den Rat der Stadt Köln", "Gremium: Bezirksvertretung Porz") or
nothing does; the subject stands after "Betreff:" or "Betr.:" or as a bold heading; the numbered
questions are quoted in bold, italic or indented ("Frage 1:", "1.") and each is followed by its
answer ("Antwort:", "Zu 1:" or plain paragraphs); a signature block, "Anlage(n):" now and then,
and on some papers the original Anfrage appended after a page break as a second document.
Fonts and sizes as the other families; one to five pages; reportlab only.

Goldens follow ``letter_dach.py``, ``mixed_paper.py``, ``vermerk_memo.py``, ``swiss_report.py``
and eval/real/README.md: the kind as the vocabulary names it ("Beantwortung der Anfrage" and
"Anfragebeantwortung" are a Beantwortung, "Antwort der Verwaltung" an Antwort, "Stellungnahme der
Verwaltung" a Stellungnahme; a number label "Mitteilung Nr.:" names the register of the number,
not the kind); the title the subject as printed (with the Anfrage it names when the subject line
names one); the originator the answering office (the Amt, else the Dezernat, of the head or after
its label, as ``vermerk_memo.py`` has it; the executive's line as printed where the executive
answers without an office: "Der Bürgermeister der Stadt Villach", "Stadtrat Winterthur" as
``swiss_report.py`` has it), never the faction or members who asked; faction null (the answering
body is never a faction); body the council addressed in an address, a meeting line or a
"Gremium:"/"An:" row, with the town where the address names it on its line ("An den Rat der Stadt
Köln" → "Rat der Stadt Köln", as ``buergerantrag.py`` has it), null where none is printed (a
salutation addresses persons); the paper's
own number and date only, never the Anfrage's; resolution_proposal empty (an answer proposes
nothing; the quoted questions are the Anfrage's, not this paper's); justification the letter's
text as the README has it for a letter: every paragraph from the first after the salutation (or
after the subject where there is none) to the last before the closing or the signature,
the opening sentence, the quoted questions with their printed labels and the answers with
theirs ("Antwort: ...", "Zu 1: ...") in reading order; the appended Anfrage, the signature, the
date line and the Anlage list are no part of it; attachments from the "Anlage(n):" list; links
none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import template_flow
import variant_text as vt

MAX_PAGES = 5

# fmt: off
#: (issuer, place, council as "An ..." addresses it, council golden, district bodies): German towns.
DE_TOWNS = (
    ("Stadt Köln", "Köln", "den Rat der Stadt Köln", "Rat", ("Bezirksvertretung Porz", "Bezirksvertretung Lindenthal")),
    ("Stadt Bonn", "Bonn", "den Rat der Stadt Bonn", "Rat", ("Bezirksvertretung Beuel",)),
    ("Landeshauptstadt Düsseldorf", "Düsseldorf", "den Rat der Landeshauptstadt Düsseldorf", "Rat",
     ("Bezirksvertretung 3",)),
    ("Stadt Münster", "Münster", "den Rat der Stadt Münster", "Rat", ("Bezirksvertretung Münster-Mitte",)),
    ("Stadt Regensburg", "Regensburg", "den Stadtrat", "Stadtrat", ()),
    ("Stadt Freiburg im Breisgau", "Freiburg", "den Gemeinderat", "Gemeinderat", ("Ortschaftsrat Tiengen",)),
    ("Stadt Kassel", "Kassel", "die Stadtverordnetenversammlung", "Stadtverordnetenversammlung",
     ("Ortsbeirat Wehlheiden",)),
    ("Hansestadt Rostock", "Rostock", "die Bürgerschaft", "Bürgerschaft", ("Ortsbeirat Reutershagen",)),
    ("Gemeinde Wallenhorst", "Wallenhorst", "den Gemeinderat", "Gemeinderat", ()),
)
DE_EXECUTIVES = ("Der Oberbürgermeister", "Die Oberbürgermeisterin", "Der Bürgermeister")
DEZERNATE = ("Dezernat II – Finanzen und Ordnung", "Dezernat IV", "Dezernat VI – Planen und Bauen",
             "Dezernat für Umwelt und Mobilität", "Dezernat III")
AEMTER = ("Amt für Straßen und Verkehrsentwicklung", "Amt für Schulentwicklung", "Stadtplanungsamt",
          "Amt für Umwelt und Verbraucherschutz", "Tiefbauamt", "Grünflächenamt", "Amt 61 – Stadtplanung",
          "Fachbereich Jugend und Soziales", "Sozialamt", "Amt für Kinder, Jugend und Familie")
DE_PARTIES = ("SPD", "CDU", "FDP", "Die Linke", "Volt", "Freie Wähler", "AfD")
DE_QUESTIONS = ("Anfrage", "Anfrage", "Große Anfrage", "Kleine Anfrage")
DE_KINDS = (  # (heading's first words, golden kind)
    ("Beantwortung der {question}", "Beantwortung"), ("Antwort der Verwaltung", "Antwort"),
    ("Stellungnahme der Verwaltung", "Stellungnahme"), ("Beantwortung einer {question}", "Beantwortung"),
    ("Antwort der Verwaltung auf die {question}", "Antwort"),
)
DE_NUMBER_LABELS = ("Mitteilung Nr.:", "Vorlage Nr.:", "Drucksache:", "DS-Nr.:", "Vorlagen-Nr.:")
#: Austrian towns: (issuer as the mayor's line names it, place, post code).
AT_TOWNS = (("der Stadt Villach", "Villach", "9500"), ("der Stadt Wels", "Wels", "4600"),
            ("der Stadtgemeinde Leoben", "Leoben", "8700"), ("der Landeshauptstadt Graz", "Graz", "8010"),
            ("der Marktgemeinde Gratkorn", "Gratkorn", "8101"), ("der Stadt Salzburg", "Salzburg", "5020"))
AT_PARTIES = ("ÖVP", "SPÖ", "FPÖ", "NEOS", "KPÖ", "Grüne")
AT_NUMBER_LABELS = ("GZ:", "Zahl:", "Geschäftszahl:")
#: Swiss executives: (executive as its head names it, place, parliament "An ..." and golden, kinds).
CH_TOWNS = (
    ("Stadtrat Winterthur", "Winterthur", "den Grossen Gemeinderat", "Grosser Gemeinderat", "Der Stadtrat"),
    ("Stadtrat Luzern", "Luzern", "den Grossen Stadtrat", "Grosser Stadtrat", "Der Stadtrat"),
    ("Gemeinderat Köniz", "Köniz", "das Parlament", "Parlament", "Der Gemeinderat"),
    ("Stadtrat Aarau", "Aarau", "den Einwohnerrat", "Einwohnerrat", "Der Stadtrat"),
    ("Regierungsrat des Kantons Schaffhausen", "Schaffhausen", "den Kantonsrat", "Kantonsrat", "Der Regierungsrat"),
    ("Gemeinderat der Stadt Biel", "Biel", "den Stadtrat", "Stadtrat", "Der Gemeinderat"),
)
CH_PARTIES = ("SP", "SVP", "FDP", "GLP", "Die Mitte", "EVP", "Grüne")
CH_QUESTIONS = ("Interpellation", "Interpellation", "Einfache Anfrage", "Kleine Anfrage")
CH_NUMBER_LABELS = ("Geschäft Nr.:", "GR-Nr.:", "Geschäftsnummer:")
SUBJECT_LABELS = ("Betreff:", "Betreff:", "Betr.:", "")
QUESTION_STYLES = ("frage", "number", "bold", "italic", "indent")
ANSWER_STYLES = ("antwort", "zu", "plain")
ATTACHMENTS = ("Lageplan", "Übersicht der Standorte", "Statistik 2024", "Stellungnahme des Ortsbeirates",
               "Zeitplan der Maßnahmen", "Kostenaufstellung")
# fmt: on


@dataclass
class Paper:
    """What one answer prints, in reading order, and its golden values."""

    country: str
    letterhead: tuple[str, ...]
    head_rows: list[tuple[str, str]]
    head_style: str  # "lines", "ruled", "right"
    address: tuple[str, ...]
    kind_line: str | None
    reference_lines: tuple[str, ...]  # under the kind line: the question answered
    subject_label: str | None  # None: no subject printed apart; "": a bold heading
    title: str
    salutation: str | None
    opening: tuple[str, ...]  # paragraphs before the questions
    qa: list[tuple[str, str, tuple[str, ...]]]  # (number, question, answer paragraphs)
    question_style: str
    answer_style: str
    reasons: tuple[str, ...]  # paragraphs after the answers (cut first when the paper is too long)
    closing: str | None
    date_line: str | None
    signature: tuple[str, ...]
    attachment_label: str
    attachments: tuple[str, ...]
    appended: tuple[tuple[str, str], ...]  # the Anfrage after a page break: (style, text)
    size: float
    lead: float
    italic: str
    golden: dict[str, Any] = field(default_factory=dict)


def _date(rng: random.Random, country: str, day: dt.date) -> str:
    """A date as the country's offices write it: numeric or with the month's name."""
    if rng.random() < 0.5:
        if country == "CH" and rng.random() < 0.5:
            return f"{day.day}.{day.month}.{day.year}"
        return vt.de_date(day)
    month = vt.MONTHS[day.month - 1]
    if country == "AT" and day.month == 1:
        month = "Jänner"
    return f"{day.day}. {month} {day.year}"


def _numbers(rng: random.Random, country: str, year: int) -> tuple[str, str]:
    """(the paper's own number, the question's number) in shapes alike enough to be confused."""
    own, asked = rng.randint(1, 2999), rng.randint(1, 999)
    if country == "AT":
        return rng.choice((f"Präs. {own}/{year}", f"A 8 – {rng.randint(1000, 99999)}/{year}-{rng.randint(1, 9)}")), (
            f"{asked}/{year}"
        )
    if country == "CH":
        return rng.choice((f"{year}-{own % 400:03d}", f"{year}/{own % 400}")), rng.choice(
            (f"{year}/{asked % 300}", f"{year}.IP.{asked % 90:02d}")
        )
    return rng.choice((f"{own:04d}/{year}", f"{year}/{own:04d}", f"VO/{year}/{own:04d}")), rng.choice(
        (f"AN/{asked:04d}/{year}", f"{asked:04d}/{year}", f"A {asked:03d}/{year}")
    )


def _questions(rng: random.Random, council: str) -> list[str]:
    """Questions as factions ask them."""
    pool = [
        f"Wie ist der Stand der {vt.pick(rng, vt.TOPICS)} {vt.at_street(vt.pick(rng, vt.STREETS))}?",
        f"Welche Kosten sind für die {vt.pick(rng, vt.FACILITIES)} bis {rng.randint(2025, 2028)} vorgesehen?",
        f"Wann wird {vt.pick(rng, vt.OBJECTS)} dem {council} vorgelegt?",
        f"Wie viele Anträge auf {vt.pick(rng, vt.TOPICS)} liegen derzeit vor?",
        f"Welche Maßnahmen plant die Verwaltung für die {vt.pick(rng, vt.FACILITIES)}?",
        f"Ist die Verwaltung bereit, die {vt.pick(rng, vt.TOPICS)} im Ortsteil {vt.pick(rng, vt.DISTRICTS)} "
        "vorzuziehen, und wenn nein, warum nicht?",
        f"Welche Fördermittel wurden für die {vt.pick(rng, vt.FACILITIES)} beantragt?",
        f"Bis wann ist mit dem Abschluss der Arbeiten {vt.at_street(vt.pick(rng, vt.STREETS))} zu rechnen?",
    ]
    return rng.sample(pool, rng.choice((1, 2, 2, 3, 3, 4, 5, 6)))


def _answer(rng: random.Random) -> tuple[str, ...]:
    """An answer of one to three paragraphs."""
    first = rng.choice(
        (
            f"Derzeit liegen der Verwaltung {rng.randint(2, 60)} Anträge vor.",
            "Die Verwaltung prüft die Frage derzeit.",
            f"Die Arbeiten sollen bis Ende {rng.randint(2025, 2028)} abgeschlossen werden.",
            "Nein.",
            "Ja.",
            f"Die Kosten belaufen sich nach derzeitiger Schätzung auf {vt.de_amount(vt.amount(rng))} EUR.",
        )
    )
    paragraphs = [f"{first} {vt.paragraph(rng, (1, 3))}" if rng.random() < 0.8 else first]
    paragraphs += [vt.paragraph(rng, (2, 4)) for _ in range(rng.choice((0, 0, 0, 0, 1, 2)))]
    return tuple(paragraphs)


def inflected(question: str) -> str:
    """A question's kind after "der", "einer" or "zur": "Großen Anfrage", "Einfachen Anfrage"."""
    first, _, rest = question.partition(" ")
    return f"{first}n {rest}" if rest else question


def _askers(rng: random.Random, country: str) -> tuple[str, str, str]:
    """(who asked as a genitive after "Anfrage", as a sentence's subject, as the appended paper signs)."""
    if country == "DE":
        party = vt.pick(rng, DE_PARTIES)
        group = f"Fraktion {party}" if " " in party else rng.choice((f"{party}-Fraktion", f"Fraktion {party}"))
        if rng.random() < 0.3:
            name = vt.person(rng)
            return f"des Ratsmitglieds {name} ({party})", f"Ratsmitglied {name} ({party})", f"{name}, {group}"
        return f"der {group}", f"die {group}", group
    if country == "AT":
        party = vt.pick(rng, AT_PARTIES)
        first, second = vt.person(rng), vt.person(rng)
        club = rng.choice((f"{party}-Klub", f"Gemeinderatsklub der {party}"))
        return (
            f"der Gemeinderäte {first} und {second} ({club})",
            f"die Gemeinderäte {first} und {second} ({club})",
            f"{first}, {second} – {club}",
        )
    a, b = rng.sample(CH_PARTIES, 2)
    first, second = vt.person(rng), vt.person(rng)
    if rng.random() < 0.4:
        return f"von {first} ({a})", f"{first} ({a})", f"{first} ({a})"
    return (
        f"von {first} ({a}) und {second} ({b})",
        f"{first} ({a}) und {second} ({b})",
        f"{first} ({a}), {second} ({b})",
    )


def draw(rng: random.Random, size: float, lead: float, italic: str) -> Paper:
    """Draw one answer's parts and its golden values."""
    country = rng.choices(("DE", "AT", "CH"), (5, 2, 3))[0]
    dated = vt.day(rng)
    asked = dated - dt.timedelta(days=rng.randint(10, 70))
    own_number, asked_number = _numbers(rng, country, dated.year)
    number: str | None = own_number if rng.random() < 0.55 else None
    title = vt.title(rng, rng.choice((5, 7, 10, 14)))
    asker, asker_subject, signed_by = _askers(rng, country)
    asked_printed = _date(rng, country, asked)
    head_rows: list[tuple[str, str]] = []
    address: tuple[str, ...] = ()
    body: str | None = None
    reference_lines: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    subject_label: str | None = vt.pick(rng, SUBJECT_LABELS)
    date_in_head = rng.random() < 0.6
    if country == "DE":
        issuer, place, addressed, council, districts = DE_TOWNS[rng.randrange(len(DE_TOWNS))]
        question = vt.pick(rng, DE_QUESTIONS)
        heading, kind = DE_KINDS[rng.randrange(len(DE_KINDS))]
        executive = vt.pick(rng, DE_EXECUTIVES)
        shape = rng.randrange(4)
        dezernat, amt = vt.pick(rng, DEZERNATE), vt.pick(rng, AEMTER)
        if shape == 0:  # city, executive, Dezernat, Amt
            letterhead: tuple[str, ...] = (issuer, executive, dezernat, amt)
            originator = amt
        elif shape == 1:  # city, executive, Dezernat
            letterhead, originator = (issuer, executive, dezernat), dezernat
        elif shape == 2:  # the office after its label
            letterhead, originator = (issuer,), amt
            head_rows.append((rng.choice(("Federführend:", "Absender:", "Amt:")), amt))
        else:  # the executive answers
            letterhead = (f"{executive} der {issuer}",)
            originator = letterhead[0]
        named = "{question}" in heading
        heading = heading.format(question=question if heading.endswith("auf die {question}") else inflected(question))
        cited = f"{asker} vom {asked_printed}"
        if rng.random() < 0.6:
            cited += f" ({asked_number})" if rng.random() < 0.5 else f", Nr. {asked_number}"
        reference = f"{question} {cited}"
        kind_line = heading
        if named:  # "Beantwortung der Anfrage der SPD-Fraktion vom ..."
            kind_line = f"{heading} {cited}"
        elif kind == "Stellungnahme" or rng.random() < 0.5:
            kind_line = f"{heading} zur {inflected(question)} {cited}"
        else:
            head_rows.append(("Bezug:", reference))
        where = rng.randrange(4)
        if where == 0:
            # On one line the town is part of the body's name ("An den Rat der Stadt Köln"), as
            # ``buergerantrag.py`` has it.
            address = (f"An {addressed}",)
            body = addressed.split(" ", 1)[1]
        elif where == 1 and districts:
            body = vt.pick(rng, districts)
            head_rows.append((rng.choice(("Gremium:", "An:")), body))
            if rng.random() < 0.5:
                head_rows.append(("Sitzung am:", vt.de_date(vt.later(rng, dated, 3, 20))))
        if number:
            head_rows.append((vt.pick(rng, DE_NUMBER_LABELS), number))
        opening = (
            rng.choice(
                (
                    f"Die {reference} beantwortet die Verwaltung wie folgt:",
                    f"Zu der {inflected(question)} {cited} nimmt die Verwaltung wie folgt Stellung:",
                    f"Mit Schreiben vom {asked_printed} hat {asker_subject} eine {question} gestellt, "
                    "die ich wie folgt beantworte:",
                )
            ),
        )
        if rng.random() < 0.2:
            # The subject line names the question answered.
            title = f"{question} {asker} vom {asked_printed}: {title}"
            subject_label = rng.choice(("Betreff:", "Betr.:"))
        signer = ("Dr. " if rng.random() < 0.2 else "") + vt.person(rng)
        if shape == 3:
            signature = (rng.choice((f"gez. {signer}", signer)), executive.split(" ", 1)[1])
        else:
            signature = rng.choice(
                ((f"gez. {signer}", "Amtsleitung"), ("In Vertretung", signer, "Beigeordnete"), ("Im Auftrag", signer))
            )
        closing = rng.choice((None, None, "Mit freundlichen Grüßen"))
    elif country == "AT":
        issuer, place, postcode = AT_TOWNS[rng.randrange(len(AT_TOWNS))]
        mayor = rng.choice(("Der Bürgermeister", "Die Bürgermeisterin"))
        originator = f"{mayor} {issuer}"
        letterhead = (originator, f"Rathaus · {postcode} {place}")
        kind, heading, question = "Beantwortung", "Anfragebeantwortung", "Anfrage"
        kind_line = heading
        reference = f"Anfrage {asker} vom {asked_printed}"
        if rng.random() < 0.5:
            address = ("An den Gemeinderat", issuer) if rng.random() < 0.5 else ("An den Gemeinderat",)
            body = "Gemeinderat"
        if number:
            head_rows.append((vt.pick(rng, AT_NUMBER_LABELS), number))
        opening = (f"Die {reference} betreffend „{title}“ beantworte ich wie folgt:",)
        if rng.random() < 0.4:
            opening = (f"Die {reference} (Nr. {asked_number}) betreffend „{title}“ beantworte ich wie folgt:",)
        signer = ("Mag. " if rng.random() < 0.3 else "") + vt.person(rng)
        signature = (signer, mayor.split(" ", 1)[1]) if rng.random() < 0.6 else (f"{mayor.split(' ', 1)[1]} {signer}",)
        closing = rng.choice((None, "Mit freundlichen Grüßen"))
    else:
        executive, place, addressed, council, subject = CH_TOWNS[rng.randrange(len(CH_TOWNS))]
        question = vt.pick(rng, CH_QUESTIONS)
        kind, heading = "Beantwortung", f"Beantwortung der {inflected(question)}"
        originator = executive
        letterhead = (executive,)
        kind_line = heading
        reference_lines = (f"{asker} vom {asked_printed}",)
        if rng.random() < 0.4:
            reference_lines = (f"{asker} vom {asked_printed} ({'Nr. ' if rng.random() < 0.5 else ''}{asked_number})",)
        if subject_label == "":
            reference_lines = (*reference_lines, "betreffend")
        if rng.random() < 0.5:
            address = (f"An {addressed}",)
            body = council
        if number:
            head_rows.append((vt.pick(rng, CH_NUMBER_LABELS), number))
        opening = (f"{subject} beantwortet die {question} wie folgt:",)
        if rng.random() < 0.5:
            opening = (
                f"Am {asked_printed} {'reichten' if ', ' in signed_by else 'reichte'} "
                f"{signed_by.replace(', ', ' und ')} die {question} "
                f"{'betreffend ' if rng.random() < 0.5 else 'zum Thema '}{title} ein.",
                *opening,
            )
        office = subject.split(" ", 1)[1]
        president, clerk = (
            ("Der Präsident", "Der Staatsschreiber")
            if office == "Regierungsrat"
            else (
                rng.choice(("Der Stadtpräsident", "Die Stadtpräsidentin")),
                rng.choice(("Der Stadtschreiber", "Die Stadtschreiberin")),
            )
        )
        signature = (f"Namens des {office}es", president, vt.person(rng), clerk, vt.person(rng))
        closing = None
    if date_in_head:
        head_rows.append((rng.choice(("Datum:", "Datum:", "Stand:")), _date(rng, country, dated)))
        date_line = None
    else:
        date_line = f"{place}, {'den ' if country == 'DE' and rng.random() < 0.5 else ''}{_date(rng, country, dated)}"
    rng.shuffle(head_rows)
    salutation = None
    if closing or rng.random() < 0.3:
        salutation = "Sehr geehrte Damen und Herren,"
        if country == "AT" and rng.random() < 0.5:
            salutation = "Sehr geehrte Damen und Herren des Gemeinderates,"
        if country == "CH":
            salutation = "Sehr geehrte Damen und Herren"
    if rng.random() < 0.3:
        opening = (*opening, vt.paragraph(rng, (2, 4)))
    questions = _questions(rng, "Rat" if country != "CH" else "Parlament")
    qa = [(str(i), q, _answer(rng)) for i, q in enumerate(questions, start=1)]
    reasons = tuple(vt.paragraph(rng, (2, 4)) for _ in range(rng.choice((0, 0, 1, 2))))
    if rng.random() < 0.3:
        names = rng.sample(ATTACHMENTS, rng.randint(1, 3))
        attachments = tuple(names)
    attachment_label = rng.choice(("Anlage:", "Anlagen:", "Anlage(n):")) if len(attachments) < 2 else "Anlagen:"
    question_style = vt.pick(rng, QUESTION_STYLES)
    answer_style = vt.pick(rng, ANSWER_STYLES)
    appended: tuple[tuple[str, str], ...] = ()
    if rng.random() < 0.3:
        appended = appended_question(
            rng,
            (signed_by, place),
            (country, asked),
            question if country != "AT" else "Anfrage",
            title.split(": ", 1)[-1],
            questions,
        )
    paper = Paper(
        country=country,
        letterhead=letterhead,
        head_rows=head_rows,
        head_style=rng.choice(("lines", "ruled", "right")),
        address=address,
        kind_line=kind_line,
        reference_lines=reference_lines,
        subject_label=subject_label,
        title=title,
        salutation=salutation,
        opening=opening,
        qa=qa,
        question_style=question_style,
        answer_style=answer_style,
        reasons=reasons,
        closing=closing,
        date_line=date_line,
        signature=signature,
        attachment_label=attachment_label,
        attachments=attachments,
        appended=appended,
        size=size,
        lead=lead,
        italic=italic,
    )
    paper.golden = {
        **answer_golden(number, title, kind, (body, originator), dated, attachments),
        "justification": justification(paper),
    }
    if country == "CH":
        swiss = {f.name: vt.swiss_spelling(getattr(paper, f.name)) for f in dataclasses.fields(paper)}
        paper = Paper(**swiss)
    return paper


def _question_text(paper: Paper, number: str, question: str) -> str:
    """A quoted question as its paragraph reads: with "Frage 1:" or "1." before it."""
    return f"Frage {number}: {question}" if paper.question_style == "frage" else f"{number}. {question}"


def _answer_texts(paper: Paper, number: str, answer: tuple[str, ...]) -> list[str]:
    """An answer's paragraphs as they read, the first with its label."""
    label = {"antwort": "Antwort: ", "zu": f"Zu {number}: ", "plain": ""}[paper.answer_style]
    return [f"{label}{answer[0]}", *answer[1:]]


def appended_question(
    rng: random.Random,
    sender: tuple[str, str],
    asked: tuple[str, dt.date],
    kind: str,
    subject: str,
    questions: Sequence[str],
) -> tuple[tuple[str, str], ...]:
    """The Anfrage an answer appends after a page break, as blocks (kind, text): its ``sender``
    (who signs it, and their place) asking on the day ``asked`` (country, date) for answers to
    the numbered ``questions`` under the ``subject``, its type line ``kind``."""
    signed_by, place = sender
    country, day = asked
    return (
        ("head", signed_by),
        ("date", f"{place}, {_date(rng, country, day)}"),
        ("kind", kind),
        ("subject", subject),
        ("para", "Sehr geehrte Damen und Herren,"),
        ("para", vt.paragraph(rng, (2, 4))),
        ("para", "Wir bitten um die Beantwortung der folgenden Fragen:"),
        *(("item", f"{i}.\t{q}") for i, q in enumerate(questions, start=1)),
        ("para", "Mit freundlichen Grüßen"),
        ("para", signed_by),
    )


def answer_golden(
    number: str | None,
    title: str,
    kind: str,
    parties: tuple[str | None, str | None],
    dated: dt.date,
    attachments: Sequence[str],
) -> dict[str, Any]:
    """An answer's golden up to its justification: its own number, title, kind, the council it is
    addressed to and the answering office (``parties``), its own date and its attachments; an
    answer proposes nothing and is no faction's."""
    body, originator = parties
    return {
        "number": number,
        "title": title,
        "document_type": kind,
        "public": None,
        "body": body,
        "originator": originator,
        "faction": None,
        "date": dated.isoformat(),
        "consultations": [],
        "resolution_proposal": [],
        "checkboxes": [],
        "finances": None,
        "attachments": list(attachments),
    }


def justification(paper: Paper) -> str:
    """The golden text: the opening, each question and its answer, the paragraphs after them."""
    parts = list(paper.opening)
    for number, question, answer in paper.qa:
        parts.append(_question_text(paper, number, question))
        parts += _answer_texts(paper, number, answer)
    parts += paper.reasons
    return "\n\n".join(parts)


def _head(flow: template_flow.Flow, paper: Paper) -> None:
    """Letterhead, head rows, address."""
    size = paper.size
    flow.y = 790
    for i, line in enumerate(paper.letterhead):
        font, line_size = (ff.BOLD, size + 3) if i == 0 else (ff.REG, size)
        flow.line(line, font=font, size=line_size, lead=line_size * 1.3)
    flow.ops.append(fp.Rule(flow.left, flow.y + 4, flow.right, flow.y + 4, 0.5))
    flow.space(paper.lead * 1.2)
    top = flow.y
    if paper.head_rows:
        small = size - 0.5
        label_w = max(ff.width(label, ff.REG, small) for label, _ in paper.head_rows) + 12
        if paper.head_style == "right":
            # A letter's information block at the right, beside the address.
            x = flow.left + (flow.right - flow.left) * 0.58
            y = top
            for label, value in paper.head_rows:
                flow.ops.append(fp.Text(x, y, label, ff.REG, small))
                lines = ff.wrap(value, flow.right - x - label_w, ff.REG, small)
                for text in lines:
                    flow.ops.append(fp.Text(x + label_w, y, text, ff.REG, small))
                    y -= small * 1.3
            for line in paper.address:
                flow.line(line)
            flow.y = min(flow.y, y) - paper.lead
        elif paper.head_style == "ruled":
            value_w = min(
                flow.right - flow.left - label_w, max(ff.width(v, ff.REG, small) for _, v in paper.head_rows) + 14
            )
            flow.table([label_w, value_w], [list(r) for r in paper.head_rows], size=small, lead=small * 1.25)
            flow.space(paper.lead * 0.5)
        else:
            for label, value in paper.head_rows:
                flow.ops.append(fp.Text(flow.left, flow.y, label, ff.REG, small))
                for text in ff.wrap(value, flow.right - flow.left - label_w, ff.REG, small):
                    flow.line(text, x=flow.left + label_w, size=small, lead=small * 1.3)
            flow.space(paper.lead * 0.8)
    if paper.head_style != "right" or not paper.head_rows:
        for line in paper.address:
            flow.line(line)
        if paper.address:
            flow.space(paper.lead)
    if paper.date_line and paper.country != "DE":
        flow.ops.append(fp.Text(flow.right, flow.y, paper.date_line, ff.REG, size, "right"))
        flow.space(paper.lead * 1.5)


def _subject(flow: template_flow.Flow, paper: Paper) -> None:
    """Kind line, reference lines and the subject."""
    size = paper.size
    width = flow.right - flow.left
    if paper.kind_line:
        big = size + 3
        for text in ff.wrap(paper.kind_line, width, ff.BOLD, big):
            flow.line(text, font=ff.BOLD, size=big, lead=big * 1.3)
    for line in paper.reference_lines:
        flow.para(line, after=0)
    flow.space(paper.lead * 0.4)
    if paper.subject_label == "":
        big = size + 1.5
        for text in ff.wrap(paper.title, width, ff.BOLD, big):
            flow.line(text, font=ff.BOLD, size=big, lead=big * 1.3)
    elif paper.subject_label:
        tab = flow.left + ff.width(paper.subject_label, ff.BOLD, size) + 10
        flow.ops.append(fp.Text(flow.left, flow.y, paper.subject_label, ff.BOLD, size))
        for text in ff.wrap(paper.title, flow.right - tab, ff.BOLD, size):
            flow.line(text, x=tab, font=ff.BOLD)
    flow.space(paper.lead)


def _question(flow: template_flow.Flow, paper: Paper, number: str, question: str) -> None:
    """A quoted question in the paper's style."""
    style = paper.question_style
    flow.ensure(paper.lead * 4)
    if style == "frage":
        label = f"Frage {number}:"
        tab = flow.left + ff.width("Frage 00:", ff.BOLD, paper.size) + 6
        flow.ops.append(fp.Text(flow.left, flow.y, label, ff.BOLD, paper.size))
        for text in ff.wrap(question, flow.right - tab, ff.BOLD, paper.size):
            flow.line(text, x=tab, font=ff.BOLD)
    elif style == "indent":
        flow.para(f"{number}. {question}", x=flow.left + 28, right=flow.right - 28, after=0)
    else:
        font = {"bold": ff.BOLD, "italic": paper.italic, "number": ff.REG}[style]
        tab = flow.left + 20
        flow.ops.append(fp.Text(flow.left, flow.y, f"{number}.", font, paper.size))
        for text in ff.wrap(question, flow.right - tab, font, paper.size):
            flow.line(text, x=tab, font=font)
    flow.space(paper.lead * 0.5)


def _answer_block(flow: template_flow.Flow, paper: Paper, number: str, answer: tuple[str, ...]) -> None:
    texts = _answer_texts(paper, number, answer)
    for i, text in enumerate(texts):
        flow.para(text, after=paper.lead * (0.9 if i == len(texts) - 1 else 0.5))


def _appended(flow: template_flow.Flow, paper: Paper) -> None:
    """The original Anfrage after a page break."""
    flow.new_page()
    flow.y = 790
    size = paper.size
    for style, text in paper.appended:
        if style == "head":
            flow.line(text, font=ff.BOLD, size=size + 2, lead=(size + 2) * 1.4)
            flow.ops.append(fp.Rule(flow.left, flow.y + 4, flow.right, flow.y + 4, 0.5))
            flow.space(paper.lead)
        elif style == "date":
            flow.ops.append(fp.Text(flow.right, flow.y, text, ff.REG, size, "right"))
            flow.space(paper.lead * 1.5)
        elif style == "kind":
            flow.line(text, font=ff.BOLD, size=size + 3, lead=(size + 3) * 1.4)
        elif style == "subject":
            flow.para(f"Betreff: {text}", font=ff.BOLD, after=paper.lead)
        elif style == "item":
            label, question = text.split("\t")
            flow.items([(label, question)], gap=3)
        else:
            flow.para(text, after=paper.lead * 0.6)


def render(paper: Paper, out: Path) -> Path:
    """Lay the answer out on A4 pages and write the PDF; returns its path."""
    flow = template_flow.Flow(left=68, right=530, body=paper.size, lead=paper.lead)
    _head(flow, paper)
    _subject(flow, paper)
    if paper.salutation:
        flow.para(paper.salutation, after=paper.lead * 0.6)
    for text in paper.opening:
        flow.para(text, after=paper.lead * 0.8)
    for number, question, answer in paper.qa:
        _question(flow, paper, number, question)
        _answer_block(flow, paper, number, answer)
    for text in paper.reasons:
        flow.para(text)
    flow.space(paper.lead * 0.5)
    flow.ensure(paper.lead * (4 + len(paper.signature)) + 30)
    if paper.date_line and paper.country == "DE":
        flow.line(paper.date_line)
        flow.space(paper.lead * 0.6)
    if paper.closing:
        flow.para(paper.closing, after=24)
    for line in paper.signature:
        flow.line(line)
    if paper.attachments:
        flow.space(paper.lead)
        flow.heading(paper.attachment_label, size=paper.size, before=0, after=0)
        for name in paper.attachments:
            flow.line(name if len(paper.attachments) == 1 else f"- {name}")
    if paper.appended:
        _appended(flow, paper)
    pages = flow.finish(header=None, footer="Seite {n} von {m}" if len(flow.pages) > 1 else None)
    template_flow.render("reportlab", flow, pages, template_flow.Meta(paper.title, paper.letterhead[0]), out)
    return out


def _shrink(paper: Paper) -> Callable[[], bool]:
    """Cut the paragraphs after the answers, then the later answers' extra paragraphs, then
    questions, rewriting the golden's justification; False once nothing is left to cut."""

    def shrink() -> bool:
        if paper.reasons:
            paper.reasons = ()
        elif any(len(answer) > 1 for _, _, answer in paper.qa):
            paper.qa = [(n, q, answer[:1]) for n, q, answer in paper.qa]
        elif len(paper.qa) > 1:
            paper.qa = paper.qa[: len(paper.qa) // 2]
        else:
            return False
        paper.golden["justification"] = justification(paper)
        return True

    return shrink


#: The italic face of each font family of ``variant_base.FONTS``, for questions set in italics.
ITALICS = {
    "Liberation Sans": "liberation/LiberationSans-Italic.ttf",
    "Liberation Serif": "liberation/LiberationSerif-Italic.ttf",
    "DejaVu Sans": "dejavu/DejaVuSans-Oblique.ttf",
    "Carlito": "crosextra/Carlito-Italic.ttf",
}


def answer_paper(
    rng: random.Random, out: Path, font: str, size_lead: Callable[[random.Random], tuple[float, float]]
) -> tuple[Paper, int]:
    """Draw and render one answer in the face the caller chose; returns it with its page count."""
    size, lead = size_lead(rng)
    italic_file = Path("/usr/share/fonts/truetype") / ITALICS.get(font, ITALICS["Liberation Sans"])
    italic = ff._registered_face(italic_file) if italic_file.exists() else ff.REG
    paper = draw(rng, size, lead, italic)
    pages = template_flow.render_within(lambda: render(paper, out), _shrink(paper), MAX_PAGES)
    return paper, pages
