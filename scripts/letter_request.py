"""The ``letter-request`` variant family: a faction's Anfrage or Antrag written as a plain letter
to the mayor, whose type and body may be named only in its request sentence, drawn from a
``random.Random``.

The request sentence takes the many forms of NRW and other German council letters ("wir bitten
Sie, folgende Anfrage der SPD-Fraktion auf die Tagesordnung der nächsten Sitzung der
Bezirksvertretung Lindenthal zu setzen:", "die Fraktion ... stellt zur nächsten Sitzung des
Rates folgende Anfrage:", "bitte setzen Sie folgenden Dringlichkeitsantrag auf die Tagesordnung
..."), naming a Bezirksvertretung, an Ausschuss für ..., the Rat, a Gemeinderat or a Kreistag.
Then come paragraphs of context and the numbered questions or requests ("1)", "1.", "a)"), each
over one or more lines and maybe over a page break, now and then with lettered sub-points and a
lead line or none ("Fragen:" is optional), then the closing. A subject line is drawn or left
out; a type it names ("Dringlichkeitsantrag: ...") is the paper's type. The golden values are
written from what is put on the page: the justification is the whole letter body between the
salutation and the closing (the README's convention for letters), the items as printed without
their "." or ")".
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fixture_fonts as ff
import fixture_page as fp
import template_flow
import variant_text as vt

# fmt: off
CITIES = (
    ("Köln", "50667"), ("Bonn", "53111"), ("Düsseldorf", "40213"), ("Dortmund", "44135"),
    ("Münster", "48143"), ("Bielefeld", "33602"), ("Aachen", "52062"), ("Essen", "45127"),
    ("Kassel", "34117"), ("Mainz", "55116"),
)
DISTRICTS = ("Lindenthal", "Rodenkirchen", "Ehrenfeld", "Nippes", "Porz", "Kalk", "Beuel", "Bad Godesberg",
             "Innenstadt", "Mitte", "Nord", "Hombruch")
#: Committees named in full, as printed ("Ausschuss für Umwelt, Klima und Mobilität").
COMMITTEES = ("Ausschuss für Umwelt, Klima und Mobilität", "Ausschuss für Schule und Weiterbildung",
              "Ausschuss für Stadtentwicklung", "Ausschuss für Soziales und Senioren", "Hauptausschuss",
              "Ausschuss für Verkehr", "Finanzausschuss", "Ausschuss für Kunst und Kultur")
#: The determiner of each type in the accusative ("folgende Anfrage", "folgenden Antrag").
FOLLOWING = {"Anfrage": "folgende", "Große Anfrage": "folgende", "Antrag": "folgenden",
             "Dringlichkeitsantrag": "folgenden", "Prüfantrag": "folgenden", "Änderungsantrag": "folgenden"}
QUESTION_TYPES = frozenset({"Anfrage", "Große Anfrage"})
TYPES = ("Anfrage", "Anfrage", "Anfrage", "Antrag", "Antrag", "Dringlichkeitsantrag", "Prüfantrag", "Große Anfrage")
QUESTION_LEADS = (None, None, "Fragen:", "Wir fragen die Verwaltung:",
                  "Vor diesem Hintergrund fragen wir die Verwaltung:",
                  "Wir bitten die Verwaltung um Beantwortung der folgenden Fragen:")
REQUEST_LEADS = (None, None, "Beschlussvorschlag:", "Wir bitten die Verwaltung um Umsetzung der folgenden Punkte:")
#: Leads that are request headings: the heading and its items are the request, not the letter's
#: text (as in ``letter-dach``); after a sentence the items stay in the text (eval/real/README.md).
HEADINGS = frozenset({"Fragen:", "Beschlussvorschlag:"})
#: A first paragraph that only announces the paper ("... stellt folgende Anfrage:") is no part of
#: the letter's text (the reader's rule in extract/generic/opening.py); a request to put the
#: paper on an agenda ("... auf die Tagesordnung ... zu setzen:") is.
ANNOUNCES = ("folgende ", "folgenden ")
# fmt: on


@dataclass
class Paper:
    """What a letter-request paper prints, in reading order, and its golden values."""

    letterhead: tuple[str, ...] = ()
    address: tuple[str, ...] = ()
    date_line: str = ""
    subject: tuple[str, str] | None = None  # (label, title); label "" for a bold heading
    salutation: str = ""
    request: str = ""
    context: tuple[str, ...] = ()
    lead: str | None = None
    items: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = ()
    after: str | None = None
    closing: str = "Mit freundlichen Grüßen"
    signature: tuple[str, ...] = ()
    golden: dict[str, Any] = field(default_factory=dict)


def _body(rng: random.Random, city: str) -> tuple[str, str, str]:
    """(golden body, its genitive as the request sentence prints it, the chair addressed)."""
    form = rng.randrange(6)
    if form <= 1:
        district = vt.pick(rng, DISTRICTS)
        return f"Bezirksvertretung {district}", f"der Bezirksvertretung {district}", "Bezirksbürgermeister"
    if form == 2:
        committee = vt.pick(rng, COMMITTEES)
        first, _, rest = committee.partition(" ")
        return committee, f"des {first}es {rest}".strip(), "Oberbürgermeister"
    if form == 3:
        return "Rat", rng.choice(("des Rates", "des Rats")), "Oberbürgermeister"
    if form == 4:
        return "Gemeinderat", rng.choice(("des Gemeinderates", "des Gemeinderats")), "Bürgermeister"
    return "Kreistag", rng.choice(("des Kreistages", "des Kreistags")), "Landrat"


def _request(rng: random.Random, kind: str, faction: str, genitive: str, meeting: str) -> str:
    """The sentence that asks for the paper to be put on a meeting's agenda."""
    acc = f"{FOLLOWING[kind]} {kind}"
    session = rng.choice((f"der nächsten Sitzung {genitive}", f"der Sitzung {genitive} am {meeting}"))
    form = rng.randrange(8)
    if form == 0:
        return f"wir bitten Sie, {acc} der {faction} auf die Tagesordnung {session} zu setzen:"
    if form == 1:
        article = "die" if kind in QUESTION_TYPES else "den"
        return f"die {faction} bittet Sie, {article} {acc} in die Sitzung {genitive} am {meeting} aufzunehmen:"
    if form == 2:
        return f"die {faction} stellt zur nächsten Sitzung {genitive} {acc}:"
    if form == 3:
        return f"bitte setzen Sie {acc} auf die Tagesordnung {session}."
    if form == 4:
        return f"zur Sitzung {genitive} am {meeting} stellen wir {acc}:"
    if form == 5:
        return f"namens der {faction} bitten wir Sie, {acc} auf die Tagesordnung {session} zu setzen."
    if form == 6:
        return (
            f"gemäß § {rng.randint(3, 12)} der Geschäftsordnung bitten wir um Aufnahme des "
            f"{'nachfolgenden' if kind not in QUESTION_TYPES else 'nachstehenden'} Tagesordnungspunktes in "
            f"die Tagesordnung {session}. Die {faction} stellt {acc}:"
        )
    return f"wir bitten Sie, {acc} {session.replace('der ', 'in der ', 1)} zu behandeln:"


def _questions(rng: random.Random, dative: str) -> list[str]:
    """Questions, some long enough to wrap over two or three lines."""
    pool = [
        f"Wie ist der aktuelle Stand der {vt.pick(rng, vt.TOPICS)} in der {vt.pick(rng, vt.STREETS)}?",
        f"Welche Kosten sind für die {vt.pick(rng, vt.FACILITIES)} bis {rng.randint(2025, 2028)} vorgesehen, und "
        f"aus welchen Mitteln sollen sie gedeckt werden?",
        f"Wann wird die Verwaltung {vt.pick(rng, vt.OBJECTS)} {dative} vorlegen?",
        f"Wie viele Beschwerden über die {vt.pick(rng, vt.TOPICS)} sind seit {rng.randint(2019, 2023)} bei der "
        f"Verwaltung eingegangen, und wie wurden sie beantwortet?",
        f"Welche Maßnahmen plant die Verwaltung, um die {vt.pick(rng, vt.TOPICS)} "
        f"{vt.at_street(vt.pick(rng, vt.STREETS))} "
        f"kurzfristig zu verbessern, {vt.pick(rng, vt.REASONS)}?",
        f"Ist die Verwaltung bereit, {vt.pick(rng, vt.OBJECTS)} öffentlich zugänglich zu machen?",
    ]
    return rng.sample(pool, rng.randint(2, 5))


def _requests(rng: random.Random) -> list[str]:
    """Requests of an Antrag, some over several lines."""
    pool = [
        f"Die Verwaltung wird beauftragt, {vt.pick(rng, vt.OBJECTS)} bis zum {vt.de_date(vt.day(rng))} vorzulegen.",
        f"Die Verwaltung wird gebeten, die {vt.pick(rng, vt.TOPICS)} {vt.at_street(vt.pick(rng, vt.STREETS))} zu "
        f"prüfen und dabei die Anregungen der Anwohnerinnen und Anwohner einzubeziehen.",
        f"Die Mittel für die {vt.pick(rng, vt.FACILITIES)} werden im Haushalt {rng.randint(2025, 2028)} "
        "bereitgestellt.",
        "Über das Ergebnis ist in der nächsten Sitzung zu berichten.",
        f"Die {vt.pick(rng, vt.TOPICS)} ist {vt.pick(rng, vt.REASONS)} noch in diesem Jahr umzusetzen.",
    ]
    return rng.sample(pool, rng.randint(2, 4))


def _items(
    rng: random.Random, texts: list[str]
) -> tuple[tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...], list[dict[str, Any]]]:
    """The items as printed ("1)", "1.", "a)" labels, now and then lettered sub-points) and as golden."""
    style = rng.choice(("1)", "1.", "1)", "1.", "a)"))
    printed: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []
    golden: list[dict[str, Any]] = []
    for i, text in enumerate(texts):
        number = str(i + 1) if style != "a)" else chr(ord("a") + i)
        subs: tuple[tuple[str, str], ...] = ()
        if style != "a)" and rng.random() < 0.2:
            text = f"Welche der folgenden Standorte hat die Verwaltung für die {vt.pick(rng, vt.FACILITIES)} geprüft:"
            subs = tuple(
                (chr(ord("a") + k), f"die Fläche {vt.at_street(vt.pick(rng, vt.STREETS))},")
                for k in range(rng.randint(2, 3))
            )
        printed.append((f"{number}{style[-1]}", text, subs))
        golden.append({"number": number, "text": " ".join([text, *(f"{k}) {s}" for k, s in subs)])})
    return tuple(printed), golden


def draw(rng: random.Random) -> Paper:
    """A faction's request letter and its golden values."""
    city, postcode = CITIES[rng.randrange(len(CITIES))]
    dated = vt.day(rng)
    meeting = vt.de_date(vt.later(rng, dated))
    kind = vt.pick(rng, TYPES)
    faction = vt.pick(rng, vt.FACTIONS)
    body, genitive, chair = _body(rng, city)
    dative = f"der {body}" if body.startswith("Bezirksvertretung") else f"dem {body}"
    paper = Paper()
    originator = rng.choice((f"{faction} im Rat der Stadt {city}", faction, f"{faction} {city}"))
    paper.letterhead = (originator, f"Rathaus, Rathausplatz {rng.randint(1, 9)} · {postcode} {city}")
    woman = rng.random() < 0.35
    title = f"{chair}in" if woman else chair
    paper.address = (f"{'Frau' if woman else 'Herrn'} {title}", vt.person(rng), "Rathaus", f"{postcode} {city}")
    paper.date_line = rng.choice((f"{city}, {vt.de_date(dated)}", f"{city}, den {vt.long_date(dated)}"))
    subject = rng.random()
    kind_golden = kind
    heading = vt.title(rng, rng.choice((5, 7, 10)))
    title_golden: str | None = None
    if subject < 0.2:
        paper.subject = (rng.choice(("Betreff:", "Betr.:")), heading)
        title_golden = heading
    elif subject < 0.3:
        paper.subject = ("", heading)
        title_golden = heading
    elif subject < 0.4:
        # The subject line names the type (maybe more precisely than the sentence does): it wins.
        kind_golden = "Dringlichkeitsantrag" if kind.endswith("antrag") or kind == "Antrag" else "Anfrage"
        paper.subject = (f"{kind_golden}:", heading)
        title_golden = heading
    paper.salutation = f"Sehr geehrte{'' if woman else 'r'} {'Frau' if woman else 'Herr'} {title},"
    paper.request = _request(rng, kind, faction, genitive, meeting)
    paper.context = tuple(vt.paragraph(rng, (2, 5)) for _ in range(rng.choice((1, 1, 2, 3, 5))))
    questions = kind in QUESTION_TYPES
    texts = _questions(rng, dative) if questions else _requests(rng)
    lead = vt.pick(rng, QUESTION_LEADS if questions else REQUEST_LEADS)
    paper.lead = lead
    paper.items, items_golden = _items(rng, texts)
    if rng.random() < 0.3:
        paper.after = rng.choice(
            ("Wir bitten um schriftliche Beantwortung bis zur Sitzung.", "Für die Beantwortung danken wir Ihnen.")
        )
    paper.closing = rng.choice(("Mit freundlichen Grüßen", "Mit freundlichen Grüßen", "Freundliche Grüße"))
    paper.signature = (vt.person(rng), rng.choice(("Fraktionsvorsitzender", "Fraktionsvorsitzende", faction)))
    paper.golden = {
        "title": title_golden,
        "document_type": kind_golden,
        "body": body,
        "originator": originator,
        "faction": originator,
        "date": dated.isoformat(),
        "resolution_proposal": items_golden,
        "justification": _justification(paper),
    }
    return paper


def _justification(paper: Paper) -> str:
    """The whole letter body: request sentence, context, lead, the items (one block, a line
    each, sub-points on lines of their own), the closing sentence."""
    lines = []
    for label, text, subs in paper.items:
        lines.append(f"{label} {text}")
        lines += [f"{k}) {s}" for k, s in subs]
    announces = paper.request.rstrip(":.").endswith(tuple(f"{a}{k}" for a in ANNOUNCES for k in FOLLOWING))
    request = [] if announces else [paper.request]
    listed = [] if paper.lead in HEADINGS else [*([paper.lead] if paper.lead else []), "\n".join(lines)]
    return "\n\n".join([*request, *paper.context, *listed, *([paper.after] if paper.after else [])])


def render(paper: Paper, producer: str, size: float, lead: float, out: Path) -> Path:
    """Lay ``paper`` out on A4 pages and write the PDF with ``producer``; returns its path."""
    flow = template_flow.Flow(left=70, right=530, body=size, lead=lead)
    flow.y = 790
    flow.line(paper.letterhead[0], font=ff.BOLD, size=13, lead=15)
    for line in paper.letterhead[1:]:
        flow.line(line, size=9, lead=11)
    flow.ops.append(fp.Rule(70, flow.y + 4, 530, flow.y + 4, 0.5))
    flow.space(24)
    flow.ops.append(fp.Text(530, flow.y, paper.date_line, ff.REG, size, "right"))
    flow.space(lead * 1.5)
    for line in paper.address:
        flow.line(line)
    flow.space(lead * 2)
    if paper.subject:
        label, title = paper.subject
        label_w = ff.width(label + " ", ff.BOLD, size) if label else 0.0
        if label:
            flow.ops.append(fp.Text(70, flow.y, label, ff.BOLD, size))
        for line in ff.wrap(title, 460 - label_w, ff.BOLD, size):
            flow.line(line, x=70 + label_w, font=ff.BOLD)
        flow.space(lead)
    flow.para(paper.salutation, after=lead * 0.6)
    flow.para(paper.request, after=lead * 0.6)
    for block in paper.context:
        flow.para(block, after=lead * 0.6)
    if paper.lead:
        flow.para(paper.lead, after=lead * 0.4)
    for label, text, subs in paper.items:
        flow.items([(label, text)], gap=2)
        if subs:
            flow.items([(f"{k})", s) for k, s in subs], x=92, gap=1)
    flow.space(lead * 0.6)
    if paper.after:
        flow.para(paper.after, after=lead * 0.6)
    flow.ensure(lead * (3 + len(paper.signature)) + 40)
    flow.para(paper.closing, after=30)
    for line in paper.signature:
        flow.line(line)
    pages = flow.finish(header=None, footer=None if len(flow.pages) == 1 else "Seite {n} von {m}")
    template_flow.render(
        producer, flow, pages, template_flow.Meta(paper.golden["title"] or "", paper.golden["originator"]), out
    )
    return out


def letter_request(rng: random.Random, out: Path, font: str, size: float, lead: float) -> tuple[Paper, int]:
    """Draw and render one paper; returns it with its page count (context cut to stay within three pages)."""
    paper = draw(rng)
    producer = "fpdf2" if font == "Liberation Sans" and rng.random() < 0.5 else "reportlab"

    def shrink() -> bool:
        if len(paper.context) == 1:
            return False
        paper.context = paper.context[: max(1, len(paper.context) // 2)]
        paper.golden["justification"] = _justification(paper)
        return True

    return paper, template_flow.render_within(lambda: render(paper, producer, size, lead, out), shrink, 3)
