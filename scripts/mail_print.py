"""The ``mail-print`` variant family (built only when named): a member's Anfrage or a faction's
Antrag as the e-mail it was sent in, printed to PDF from a mail client, drawn from a
``random.Random``.

Many council information systems publish such a paper as the printed mail. The print starts with
the client's head: Outlook's mailbox name in bold over a rule and its "Von:", "Gesendet:"
("Montag, 4. März 2024 14:12"), "An:", "Cc:", "Betreff:", "Anlagen:" rows (now and then with the
English labels "From:", "Sent:", "To:", "Subject:", "Attachments:" and an English date),
Thunderbird's "Betreff:", "Von:", "Datum:" ("04.03.2024, 14:12"), "An:" rows, or a webmail print
with the subject as a bold heading over its "Von:", "Datum:", "An:" rows; a long subject wraps in
the value column. The subject carries a reply or forward prefix ("AW:", "WG:", "Re:", "Fwd:",
"[extern]") or none, and the type in one of its forms ("Anfrage: ...", "Antrag der SPD-Fraktion
– ...", "Anfrage zur Sitzung des Bauausschusses am 12.03.2024: ...") or names none, when the first
sentence announces the paper ("zur Sitzung ... stellt die SPD-Fraktion folgende Anfrage:"). The
mail's text: a date line when a letter was pasted into it, a salutation, the announcement, the
questions (1.–5.) or the request after its cue ("Der Bauausschuss möge beschließen:"), the
reasons ("Begründung:"), the closing, a signature block (name, role, the faction's line, address,
phone, e-mail, web address), a confidentiality disclaimer and an earlier mail quoted under
"-----Ursprüngliche Nachricht-----" or "Am ... schrieb ...:" now and then. The client prints its
own page furniture: a print timestamp and the client's or mailbox's name at the top, "Seite 1",
"1 von 2" or a file URL at the foot. One to three pages in the faces and sizes of the other
families; reportlab only.

Goldens follow ``letter_dach.py``, ``letter_request.py`` and eval/real/README.md: the title is
the subject without its reply or forward prefix and without the type it opens with ("Antrag:
X", "Antrag der SPD-Fraktion – X" and "Anfrage zur Sitzung des Bauausschusses am ...: X" all give
X, as ``letter_request.py``'s "Dringlichkeitsantrag: X" and ``letter_dach.py``'s "Antrag: X"
give X); the type the one the subject or the announcement names; the date the mail's sent date,
unless the text carries a pasted letter's own date line (a quoted earlier mail's date and the
print timestamp never); the originator and the faction the faction's line of the signature block
(the README's "closing signature's body line"; the sender's name in "Von:" and the mailbox name
are persons and furniture); the body the council or committee the subject or the announcement
names the meeting of ("zur Sitzung des Bauausschusses" → "Bauausschuss"), null where none is
named ("An: Ratsbüro" addresses an office, a salutation persons; a quoted mail's subject is no
part of this paper); the items as printed without their "."; the justification the reasons after
the request, as ``letter_dach.py`` has it (the announcement, the cue, the items, the closing, the
signature, the disclaimer and the quoted mail are no part of it), but where a question lead is a
sentence ("Ich frage die Verwaltung:") and no "Begründung" heading follows the questions, the lead
and the questions stay in the text, as ``letter_request.py`` keeps them (each question, set apart
by space, a paragraph of its own); attachments the file names of
the "Anlagen:" row, in order; links the web address of the signature block when it prints one
(e-mail addresses are no links, and the foot's file URL is furniture); no number, no
consultations, public null.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import letter_dach as ld
import template_flow
import variant_text as vt

MAX_PAGES = 3

# fmt: off
#: (city, postcode, mail domain, council, its genitive, "im Rat der Stadt ..." of a faction's line).
CITIES = (
    ("Bonn", "53111", "bonn.de", "Rat", "des Rates", "im Rat der Stadt Bonn"),
    ("Köln", "50667", "stadt-koeln.de", "Rat", "des Rates", "im Rat der Stadt Köln"),
    ("Münster", "48143", "stadt-muenster.de", "Rat", "des Rates", "im Rat der Stadt Münster"),
    ("Freiburg", "79098", "stadt.freiburg.de", "Gemeinderat", "des Gemeinderates", "im Gemeinderat Freiburg"),
    ("Regensburg", "93047", "regensburg.de", "Stadtrat", "des Stadtrates", "im Stadtrat Regensburg"),
    ("Kassel", "34117", "kassel.de", "Stadtverordnetenversammlung", "der Stadtverordnetenversammlung",
     "in der Stadtverordnetenversammlung Kassel"),
    ("Erfurt", "99084", "erfurt.de", "Stadtrat", "des Stadtrates", "im Erfurter Stadtrat"),
)
#: Committees and district bodies: (golden body, genitive, nominative in a cue).
COMMITTEES = (
    ("Bauausschuss", "des Bauausschusses", "Der Bauausschuss"),
    ("Hauptausschuss", "des Hauptausschusses", "Der Hauptausschuss"),
    ("Finanzausschuss", "des Finanzausschusses", "Der Finanzausschuss"),
    ("Ausschuss für Umwelt, Klima und Mobilität", "des Ausschusses für Umwelt, Klima und Mobilität",
     "Der Ausschuss für Umwelt, Klima und Mobilität"),
    ("Ausschuss für Schule und Weiterbildung", "des Ausschusses für Schule und Weiterbildung",
     "Der Ausschuss für Schule und Weiterbildung"),
    ("Bezirksvertretung Beuel", "der Bezirksvertretung Beuel", "Die Bezirksvertretung Beuel"),
    ("Bezirksvertretung Lindenthal", "der Bezirksvertretung Lindenthal", "Die Bezirksvertretung Lindenthal"),
)
KINDS = ("Anfrage", "Anfrage", "Anfrage", "Antrag", "Antrag", "Antrag", "Prüfantrag", "Dringlichkeitsantrag",
         "Kleine Anfrage", "Änderungsantrag")
QUESTION_TYPES = frozenset({"Anfrage", "Kleine Anfrage"})
FACTIONS = ("SPD-Fraktion", "CDU-Fraktion", "Fraktion BÜNDNIS 90/DIE GRÜNEN", "Fraktion DIE LINKE",
            "FDP-Fraktion", "Fraktion Freie Wähler", "Fraktion Volt", "Fraktion Die PARTEI")
ROLES = ("Fraktionsvorsitzender", "Fraktionsvorsitzende", "Ratsmitglied", "Fraktionsgeschäftsführer",
         "Fraktionsgeschäftsführerin", "Sprecherin für Stadtentwicklung", "Stellv. Fraktionsvorsitzender")
#: The party's part of a faction's mail domain and web address.
SLUGS = {"SPD-Fraktion": "spd", "CDU-Fraktion": "cdu", "Fraktion BÜNDNIS 90/DIE GRÜNEN": "gruene",
         "Fraktion DIE LINKE": "linke", "FDP-Fraktion": "fdp", "Fraktion Freie Wähler": "freie-waehler",
         "Fraktion Volt": "volt", "Fraktion Die PARTEI": "die-partei"}
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
PREFIXES = ("", "", "", "AW: ", "WG: ", "Re: ", "Fwd: ", "[extern] ", "AW: WG: ")
QUESTION_CUES = ("Wir fragen an:", "Fragen:", "Ich frage die Verwaltung:",
                 "Wir bitten um Beantwortung folgender Fragen:")
#: Question leads that are sentences, not request headings (``letter_request.py``'s "Wir fragen die
#: Verwaltung:"; its HEADINGS are "Fragen:" and "Beschlussvorschlag:", ``letter_dach.py``'s and
#: ``joint_paper.py``'s cues "Wir fragen an:", "Fragen:", "Wir bitten um Beantwortung folgender Fragen:").
SENTENCE_LEADS = frozenset({"Ich frage die Verwaltung:"})
REQUEST_CUES = ("Beschlussvorschlag:", "Antrag:", "Wir beantragen:", "Der Rat möge beschließen:")
FILES = ("Foto1.jpg", "Foto2.jpg", "Lageplan.pdf", "Stellungnahme_Anwohner.pdf", "Kostenaufstellung.xlsx",
         "Karte_Standorte.png", "image001.png")
DISCLAIMER = (
    "Diese E-Mail kann vertrauliche und/oder rechtlich geschützte Informationen enthalten. Wenn Sie nicht "
    "der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort "
    "den Absender und vernichten Sie diese Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe "
    "dieser Mail ist nicht gestattet."
)
# fmt: on


@dataclass
class Paper:
    """What a printed mail shows, in reading order, and its golden values."""

    client: str = "outlook"
    owner: str | None = None  # Outlook's mailbox name over a rule
    heading: str | None = None  # a webmail print's subject heading
    rows: list[tuple[str, str]] = field(default_factory=list)
    bold_labels: bool = True
    date_line: str | None = None
    salutation: str = ""
    intro: str | None = None
    cue: str = ""
    items: Any = ()
    reasons_label: str | None = None
    reasons: tuple[vt.Block, ...] = ()
    closing: str = "Mit freundlichen Grüßen"
    dashes: bool = False  # "-- " over the signature
    signature: tuple[str, ...] = ()
    disclaimer: bool = False
    quoted: tuple[str, ...] = ()  # the quoted mail's head and lines, as printed
    quoted_head: int = 0  # how many of ``quoted``'s lines are its head rows
    top: tuple[str, str] | None = None  # furniture at the top: left, right
    foot: tuple[str | None, str | None] | None = None  # furniture at the foot: left, right ({n}, {m})
    subject: str = ""
    golden: dict[str, Any] = field(default_factory=dict)


def ascii_name(text: str) -> str:
    """A name as a mail address spells it: lower case, umlauts written out, no spaces."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("Ä", "ae"), ("Ö", "oe"), ("Ü", "ue")):
        text = text.replace(a, b)
    return "".join(c for c in text.lower().replace(" ", ".") if c.isalnum() or c in ".-")


def _sent(rng: random.Random, when: dt.datetime, client: str, english: bool) -> str:
    """The sent date as the client prints it."""
    if english:
        hour = when.hour % 12 or 12
        return (
            f"{EN_WEEKDAYS[when.weekday()]}, {EN_MONTHS[when.month - 1]} {when.day}, {when.year} "
            f"{hour}:{when.minute:02d} {'AM' if when.hour < 12 else 'PM'}"
        )
    if client == "outlook":
        return f"{WEEKDAYS[when.weekday()]}, {when.day}. {vt.MONTHS[when.month - 1]} {when.year} {when:%H:%M}"
    if client == "thunderbird":
        return f"{when:%d.%m.%Y}, {when:%H:%M}"
    return rng.choice((f"{WEEKDAYS[when.weekday()][:2]} {when:%d.%m.%Y %H:%M}", f"{when:%d.%m.%Y %H:%M}"))


def _questions(rng: random.Random, dative: str) -> list[str]:
    """Two to five questions, some long enough to wrap."""
    pool = [
        f"Wie ist der aktuelle Stand der {vt.pick(rng, vt.TOPICS)} in der {vt.pick(rng, vt.STREETS)}?",
        f"Welche Kosten sind für die {vt.pick(rng, vt.FACILITIES)} bis {rng.randint(2025, 2028)} vorgesehen, und "
        f"aus welchen Mitteln sollen sie gedeckt werden?",
        f"Wann wird die Verwaltung {vt.pick(rng, vt.OBJECTS)} {dative} vorlegen?",
        f"Wie viele Beschwerden über die {vt.pick(rng, vt.TOPICS)} sind seit {rng.randint(2019, 2023)} bei der "
        f"Verwaltung eingegangen?",
        f"Welche Maßnahmen plant die Verwaltung, um die {vt.pick(rng, vt.TOPICS)} kurzfristig zu verbessern?",
        f"Ist die Verwaltung bereit, {vt.pick(rng, vt.OBJECTS)} öffentlich zugänglich zu machen?",
    ]
    return rng.sample(pool, rng.randint(2, 5))


def _intro(rng: random.Random, kind: str, faction: str, genitive: str | None, meeting: str) -> str:
    """The first sentence, announcing the paper ("... folgende Anfrage:")."""
    article = "folgende" if kind in QUESTION_TYPES else "folgenden"
    session = f"zur Sitzung {genitive} am {meeting}" if genitive else "zur nächsten Sitzung"
    form = rng.randrange(4)
    if form == 0:
        return f"{session} stellt die {faction} {article} {kind}:"
    if form == 1:
        return f"namens der {faction} stelle ich {session} {article} {kind}:"
    if form == 2:
        return f"im Auftrag der {faction} übersende ich Ihnen {session} {article} {kind}:"
    return f"hiermit reichen wir {session} {article} {kind} ein."


def draw(rng: random.Random) -> Paper:
    """Draw one printed mail and its golden values."""
    city, postcode, domain, council, council_gen, in_council = CITIES[rng.randrange(len(CITIES))]
    kind = vt.pick(rng, KINDS)
    party = vt.pick(rng, FACTIONS)
    faction_line = rng.choice((f"{party} {in_council}", f"{party} {in_council}", party))
    dated = vt.day(rng)
    sent = dt.datetime.combine(dated, dt.time(rng.randint(7, 22), rng.randrange(60)))
    meeting = vt.later(rng, dated)
    client = rng.choice(("outlook", "outlook", "thunderbird", "webmail"))
    english = client == "outlook" and rng.random() < 0.25
    paper = Paper(client=client, bold_labels=rng.random() < 0.7)
    # The body: a committee, the council or none, named in the subject or the announcement.
    named = rng.random()
    body: str | None
    genitive: str | None
    nominative: str | None
    if named < 0.5:
        body, genitive, nominative = COMMITTEES[rng.randrange(len(COMMITTEES))]
    elif named < 0.7:
        body, genitive, nominative = (
            council,
            council_gen,
            f"Der {council}" if council != "Stadtverordnetenversammlung" else "Die Stadtverordnetenversammlung",
        )
    else:
        body, genitive, nominative = None, None, None
    # The subject: a prefix, the type in one of its forms or none, the title.
    title = vt.title(rng, rng.choice((4, 6, 8, 12)))
    form = rng.randrange(5)
    if form == 4 and genitive is None:
        form = 0
    subject = {
        0: f"{kind}: {title}",
        1: f"{kind} der {party} – {title}",
        2: title,
        3: title,
        4: f"{kind} zur Sitzung {genitive} am {vt.de_date(meeting)}: {title}",
    }[form]
    subject = vt.pick(rng, PREFIXES) + subject
    paper.subject = subject
    announce = form in (2, 3) or rng.random() < 0.4
    if form == 4:
        # The meeting named in the subject: the announcement need not name it again.
        paper.intro = _intro(rng, kind, party, None, vt.de_date(meeting)) if announce else None
    else:
        paper.intro = _intro(rng, kind, party, genitive, vt.de_date(meeting)) if announce else None
    if body is not None and form != 4 and paper.intro is None:
        body = None  # named nowhere
    # Sender, recipients.
    signer = ("Dr. " if rng.random() < 0.1 else "") + vt.person(rng)
    first, last = signer.replace("Dr. ", "").split(" ", 1)
    address = f"{ascii_name(first)}.{ascii_name(last)}@{SLUGS[party]}-{ascii_name(city)}.de"
    sender = rng.choice((f"{last}, {first} <{address}>", f"{first} {last} <{address}>", f"{first} {last}"))
    to = rng.choice(
        (
            f"Ratsbüro <ratsbuero@{domain}>",
            f"'Büro der Oberbürgermeisterin' <ob-buero@{domain}>",
            f"Ausschussdienst; Ratsbüro <ratsbuero@{domain}>",
            f"Sitzungsdienst <sitzungsdienst@{domain}>",
        )
    )
    cc = "; ".join(f"{p.split(' ')[1]}, {p.split(' ')[0]}" for p in (vt.person(rng) for _ in range(rng.randint(1, 3))))
    files: list[str] = []
    if client != "thunderbird" and rng.random() < 0.5:
        files = [f"{kind.replace(' ', '_')}_{title.split()[0].strip(',')}.pdf"]
        files += rng.sample(FILES, rng.randint(0, 2))
    when = _sent(rng, sent, client, english)
    if client == "outlook":
        labels = (
            ("From:", "Sent:", "To:", "Cc:", "Subject:", "Attachments:")
            if english
            else ("Von:", "Gesendet:", "An:", "Cc:", "Betreff:", "Anlagen:")
        )
        paper.owner = rng.choice((f"{last}, {first}", f"Ratsbüro {city}", f"{vt.person(rng).split(' ')[1]}, Ratsbüro"))
        if rng.random() < 0.2:
            paper.owner = None
        paper.rows = [(labels[0], sender), (labels[1], when), (labels[2], to)]
        if rng.random() < 0.5:
            paper.rows.append((labels[3], cc))
        paper.rows.append((labels[4], subject))
        if files:
            paper.rows.append((labels[5], "; ".join(files)))
    elif client == "thunderbird":
        paper.rows = [("Betreff:", subject), ("Von:", sender), ("Datum:", when), ("An:", to)]
        if rng.random() < 0.4:
            paper.rows.append(("CC:", cc))
    else:
        paper.heading = subject
        paper.rows = [("Von:", sender), ("An:", to), ("Datum:", when)]
        if files:
            paper.rows.append(("Anhänge:", ", ".join(files)))
    # A pasted letter's own date line.
    own = dated
    if rng.random() < 0.2:
        own = dated - dt.timedelta(days=rng.randint(0, 3))
        paper.date_line = rng.choice((f"{city}, {vt.long_date(own)}", f"{city}, den {vt.de_date(own)}"))
    woman = rng.random() < 0.4
    dear, sir = ("Sehr geehrte", "Frau") if woman else ("Sehr geehrter", "Herr")
    paper.salutation = rng.choice(
        (
            f"{dear} {sir} Oberbürgermeister{'in' if woman else ''},",
            f"{dear} {sir} Vorsitzende{'' if woman else 'r'},",
            "Sehr geehrte Damen und Herren,",
            f"{dear} {sir} {vt.pick(rng, vt.LAST_NAMES)},",
        )
    )
    # The request.
    golden_items: list[dict[str, Any]]
    if kind in QUESTION_TYPES:
        paper.cue = vt.pick(rng, QUESTION_CUES)
        dative = f"dem {body}" if body and not body.startswith("Bezirks") else "dem Ausschuss"
        texts = _questions(rng, dative)
        paper.items = tuple((f"{i}.", text, ()) for i, text in enumerate(texts, start=1))
        golden_items = [{"number": str(i), "text": text} for i, text in enumerate(texts, start=1)]
    else:
        cues = [*REQUEST_CUES]
        if nominative and body is not None:
            cues += [f"{nominative} möge beschließen:"] * 2
        paper.cue = vt.pick(rng, cues)
        paper.items, golden_items = ld.request_items(rng, "Antrag", council)
    labels_r = ("Begründung:", "Begründung") if isinstance(paper.items, str) else ("Begründung:", "Begründung", None)
    paper.reasons_label = rng.choice(labels_r)
    paper.reasons = vt.blocks(rng, rng.choice((1, 1, 2, 3, 4, 6)), bullets=rng.random() < 0.5)
    paper.closing = rng.choice(
        ("Mit freundlichen Grüßen", "Mit freundlichen Grüßen", "Freundliche Grüße", "Viele Grüße")
    )
    paper.dashes = client == "thunderbird" and rng.random() < 0.5
    signature = [signer, vt.pick(rng, ROLES), faction_line]
    if rng.random() < 0.6:
        signature.append(rng.choice((f"Rathaus, Zimmer {rng.randint(1, 4)}.{rng.randint(1, 40):02d}", "Fraktionsbüro")))
        signature.append(f"Markt {rng.randint(1, 9)} · {postcode} {city}")
    if rng.random() < 0.7:
        signature.append(f"Tel.: 0{rng.randint(200, 999)} {rng.randint(10, 99)}-{rng.randint(1000, 9999)}")
    if rng.random() < 0.5:
        signature.append(f"E-Mail: {address}")
    links: list[str] = []
    if rng.random() < 0.3:
        web = f"www.{SLUGS[party]}-fraktion-{ascii_name(city)}.de"
        signature.append(web)
        links.append(web)
    paper.signature = tuple(signature)
    paper.disclaimer = rng.random() < 0.25
    if rng.random() < 0.3:
        before = dated - dt.timedelta(days=rng.randint(2, 12))
        earlier = dt.datetime.combine(before, dt.time(rng.randint(8, 16), rng.randrange(60)))
        other = COMMITTEES[rng.randrange(len(COMMITTEES))]
        topic = f"Antragsfrist zur Sitzung {other[1]} am {vt.de_date(vt.later(rng, before))}"
        text = (
            "Sehr geehrte Damen und Herren,",
            "wir erinnern an die Frist für Anträge und Anfragen zur oben genannten Sitzung.",
            "Mit freundlichen Grüßen",
            f"Ihr Ratsbüro der Stadt {city}",
        )
        if client == "thunderbird":
            paper.quoted = (f"Am {earlier:%d.%m.%Y} um {earlier:%H:%M} schrieb Ratsbüro:", *(f"> {t}" for t in text))
            paper.quoted_head = 1
        else:
            head = (
                "-----Ursprüngliche Nachricht-----",
                f"Von: Ratsbüro <ratsbuero@{domain}>",
                f"Gesendet: {_sent(rng, earlier, 'outlook', False)}",
                f"An: {sender.split(' <')[0]}",
                f"Betreff: {topic}",
            )
            paper.quoted = (*head, *text)
            paper.quoted_head = len(head)
    # Page furniture of the client.
    printed = sent + dt.timedelta(days=rng.randint(0, 20), hours=rng.randint(0, 5))
    top = rng.randrange(3)
    if top == 1:
        paper.top = (
            f"{printed:%d.%m.%y, %H:%M}",
            rng.choice(("Roundcube Webmail :: Drucken", "Outlook", "Posteingang")),
        )
    elif top == 2:
        paper.top = (f"Postfach – ratsbuero@{domain}", f"Gedruckt: {printed:%d.%m.%Y %H:%M}")
    foot = rng.randrange(4)
    if foot == 1:
        paper.foot = (None, "Seite {n}")
    elif foot == 2:
        paper.foot = (None, "{n} von {m}")
    elif foot == 3:
        paper.foot = (
            f"file:///C:/Users/{ascii_name(last)}/AppData/Local/Temp/Mail_{rng.randint(1000, 9999)}.html",
            "{n}/{m}",
        )
    paper.golden = {
        "title": title,
        "document_type": kind,
        "body": body,
        "originator": faction_line,
        "faction": faction_line,
        "date": own.isoformat(),
        "resolution_proposal": golden_items,
        "attachments": files,
        "justification": _justification(paper),
        "links": links,
    }
    return paper


def _justification(paper: Paper) -> str:
    """The reasons; after a question lead that is a sentence ("Ich frage die Verwaltung:") and no
    "Begründung" heading, the lead and the questions too, as ``letter_request.py`` keeps a
    sentence's list in the letter's text (each question a paragraph: they are set apart by space,
    eval/real/README.md's visual blocks)."""
    reasons = vt.blocks_text(paper.reasons)
    if paper.reasons_label or paper.cue not in SENTENCE_LEADS or isinstance(paper.items, str):
        return reasons
    return "\n\n".join((paper.cue, *(f"{label} {text}" for label, text, _ in paper.items), reasons))


def render(paper: Paper, size: float, lead: float, out: Path) -> Path:
    """Lay ``paper`` out on A4 pages and write the PDF; returns its path."""
    left, right = 56.0, 540.0
    flow = template_flow.Flow(left=left, right=right, body=size, lead=lead, top=780, bottom=60)
    flow.y = 790
    if paper.owner:
        flow.line(paper.owner, font=ff.BOLD, size=14, lead=8)
        flow.ops.append(fp.Rule(left, flow.y, right, flow.y, 2.0))
        flow.space(lead * 1.2)
    if paper.heading:
        for text in ff.wrap(paper.heading, right - left, ff.BOLD, size + 4):
            flow.line(text, font=ff.BOLD, size=size + 4, lead=(size + 4) * 1.3)
        flow.space(lead * 0.5)
    label_font = ff.BOLD if paper.bold_labels else ff.REG
    tab = left + max(ff.width(label, label_font, size) for label, _ in paper.rows) + 12
    tab = max(tab, left + 80)
    for label, value in paper.rows:
        flow.ops.append(fp.Text(left, flow.y, label, label_font, size))
        for text in ff.wrap(value, right - tab, ff.REG, size):
            flow.line(text, x=tab)
    if paper.client == "thunderbird":
        flow.ops.append(fp.Rule(left, flow.y + lead * 0.4, right, flow.y + lead * 0.4, 0.5))
    flow.space(lead * 1.5)
    if paper.date_line:
        flow.para(paper.date_line, after=lead * 0.6)
    flow.para(paper.salutation, after=lead * 0.6)
    if paper.intro:
        flow.para(paper.intro, after=lead * 0.6)
    ld.request(flow, paper.cue, paper.items, lead, left + 22)
    if paper.reasons_label:
        flow.heading(paper.reasons_label, size=size, before=4, after=2)
    template_flow.blocks(flow, paper.reasons)
    flow.space(lead * 0.5)
    flow.ensure(lead * (len(paper.signature) + 3))
    flow.para(paper.closing, after=lead * 0.6)
    if paper.dashes:
        flow.line("-- ")
    for text in paper.signature:
        flow.line(text)
    if paper.disclaimer:
        flow.space(lead * 0.8)
        flow.para(DISCLAIMER, size=max(size - 2, 7.5), after=lead * 0.5)
    if paper.quoted:
        flow.space(lead)
        for i, text in enumerate(paper.quoted):
            flow.para(text, after=lead * (0.5 if i in (paper.quoted_head - 1, paper.quoted_head) else 0.0))
    # The client's furniture, on every page.
    pages = flow.pages
    for n, ops in enumerate(pages, start=1):
        extra: list[fp.Text] = []
        if paper.top:
            extra.append(fp.Text(left, 815, paper.top[0], ff.REG, 8))
            extra.append(fp.Text(right, 815, paper.top[1], ff.REG, 8, "right"))
        if paper.foot:
            foot_left, foot_right = paper.foot
            if foot_left:
                extra.append(fp.Text(left, 28, foot_left, ff.REG, 7.5))
            if foot_right:
                extra.append(fp.Text(right, 28, foot_right.format(n=n, m=len(pages)), ff.REG, 8, "right"))
        ops[:0] = extra
    template_flow.render("reportlab", flow, pages, template_flow.Meta(paper.subject, ""), out)
    return out


def mail_print(
    rng: random.Random, out: Path, font: str, size_and_lead: Callable[[random.Random], tuple[float, float]]
) -> tuple[Paper, int]:
    """Draw and render one printed mail to ``out`` in ``font``, the face the caller chose; returns
    it with its page count. A mail of more than three pages is rendered again with half its
    reasons."""
    del font  # the caller has set the face
    size, lead = size_and_lead(rng)
    paper = draw(rng)
    shrink = template_flow.halving_reasons(paper, lambda: _justification(paper))
    return paper, template_flow.render_within(lambda: render(paper, size, lead, out), shrink, MAX_PAGES)
