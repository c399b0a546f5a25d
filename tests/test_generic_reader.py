"""The generic reader (``extract/generic/``) on hand-built lines: title from a subject line or
the heading block, type, originator and faction, body, the request items and the signature
block, and its use for the fields a profile leaves empty."""

from __future__ import annotations

import pytest

from ratsdoc.budget import document_guard
from ratsdoc.extract import extract_fields
from ratsdoc.extract.context import Context
from ratsdoc.extract.cover import extract_cover
from ratsdoc.extract.generic import fill_resolution, match_wrapped
from ratsdoc.extract.generic.closing import trailing_signature
from ratsdoc.extract.generic.heading import heading_title, subject_title
from ratsdoc.extract.generic.letter_fields import (
    body_from_head,
    originator_from_head,
    originator_from_signature,
    type_from_lines,
    type_from_title,
)
from ratsdoc.extract.generic.proposal import announced_list, emphasised_items, proposal_section, read_items
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.sections import extract_justification, extract_resolution
from ratsdoc.furniture import mark_furniture
from ratsdoc.layout.lines import Line, Token
from ratsdoc.options import ParseOptions
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

VOCAB = reader_vocabulary()


def line(top: float, text: str, *, x: float = 70.0, size: float = 11.0, bold: bool = False, page: int = 1) -> Line:
    """A line of words at ``top``: 0.55 x size per letter, gaps of a third of the size."""
    tokens = []
    for word in text.split():
        width = 0.55 * size * len(word)
        tokens.append(Token(word, x, top, x + width, top + size, size, bold=bold))
        x += width + size / 3
    return Line(page, tokens)


def motion() -> list[Line]:
    """A Swiss motion: bold title first, the type, the movers with their parties, the place
    and date, "Antrag" with numbered items, "Begründung", the signers' names."""
    return [
        line(42, "Kantonale Standards für die Digitalisierung der Verwaltung bis zum", size=13, bold=True),
        line(59, "Jahr 2030", size=13, bold=True),
        line(82, "Motion"),
        line(98, "Beat Wagner (SVP) und Anna Keller (Grüne) und"),
        line(112, "Tobias Lehmann (FDP)"),
        line(128, "Frauenfeld, 28. August 2024"),
        line(170, "Antrag", bold=True, size=11.5),
        line(190, "1. Der Regierungsrat wird beauftragt, die Gemeinden bei der Trinkwasserleitung"),
        line(204, "finanziell zu unterstützen.", x=88),
        line(220, "2. Der Regierungsrat wird beauftragt, eine Vorlage zu unterbreiten:"),
        line(234, "a) zur Finanzierung,", x=88),
        line(248, "b) zu den Fristen.", x=88),
        line(270, "Begründung", bold=True, size=11.5),
        line(290, "Die Gemeinden tragen heute die Kosten allein. Das ist nicht gerecht."),
        line(340, "Beat Wagner"),
        line(354, "Anna Keller"),
    ]


def test_heading_block_is_the_title_of_a_motion() -> None:
    found = heading_title(motion(), 842.0, VOCAB)
    assert found is not None
    assert found[0] == "Kantonale Standards für die Digitalisierung der Verwaltung bis zum Jahr 2030"
    assert len(found[1]) == 2


def test_a_slightly_larger_block_set_apart_is_the_title() -> None:
    # Seed-13 office-letter variant 14: the subject in 11 pt regular over 10 pt text, space above
    # and below it; only bold or 15 % larger type counted as a heading, so no title was read.
    def lines(gap_below: float) -> list[Line]:
        return [
            line(42, "Amt für Stadtentwicklung und Statistik", bold=True, size=12),
            line(112, "Bonn, 06.05.2024", x=360, size=10),
            line(162, "Kauf eines Schleppers mit Mulcher (voraussichtliche", size=11),
            line(176, "Kosten ca. 617.000,00 €) (15/96/86/24)", size=11),
            *[
                line(187 + gap_below + 13 * k, "Auf die Besprechung wird Bezug genommen. Die Kosten", size=10)
                for k in range(4)
            ],
        ]

    found = heading_title(lines(17), 842.0, VOCAB)
    assert found is not None and found[0].startswith("Kauf eines Schleppers")
    # Set in the text's flow (no space below it), it is no heading.
    assert heading_title(lines(3), 842.0, VOCAB) is None


def test_letterhead_and_address_are_never_the_title() -> None:
    lines = [
        line(40, "Stadtteilbeirat Büchenbach", bold=True, size=13),
        line(60, "Stadt Erlangen", bold=True),
        line(90, "Herrn Oberbürgermeister", bold=True),
        line(130, "Erlangen, den 23.10.2020"),
        line(160, "Sehr geehrter Herr Oberbürgermeister,"),
        line(180, "Spielflächen in Büchenbach", bold=True),
    ]
    assert heading_title(lines, 842.0, VOCAB) is None


def test_subject_line_with_its_wrapped_continuation() -> None:
    lines = [
        line(100, "Antrag", bold=True, size=14),
        line(120, "hier: Odenwaldallee öffentliche Flächen und", bold=True),
        line(134, "Parkplatz im Norden", x=98, bold=True),
        line(170, "Sehr geehrter Herr Oberbürgermeister,"),
    ]
    found = subject_title(lines, VOCAB)
    assert found is not None
    (title, where), kind = found
    assert title == "Odenwaldallee öffentliche Flächen und Parkplatz im Norden"
    assert kind is None and len(where) == 2


def test_a_bold_subject_whose_first_line_is_indented_goes_on_at_its_margin() -> None:
    # Paper families, seed 107, Word papers with boxes 9: "Betr.: Erneuerung der Sporthalle am
    # Steinweg zwischen" indented in its frame, "Friedrichstraße und Kastanienweg" at the frame's
    # edge left of the label: the title was cut after "zwischen" (silent).
    lines = [
        line(294, "Betr.: Erneuerung der Sporthalle am Steinweg zwischen", x=111, bold=True),
        line(308, "Friedrichstraße und Kastanienweg", x=71, bold=True),
        line(321, "Sehr geehrter Herr Oberbürgermeister,", x=71),
    ]
    found = subject_title(lines, VOCAB)
    assert found is not None
    assert found[0][0] == "Erneuerung der Sporthalle am Steinweg zwischen Friedrichstraße und Kastanienweg"
    # A subject that ends its phrase does not go on at a bold line left of it (a heading).
    lines[0] = line(294, "Betr.: Erneuerung der Sporthalle am Steinweg", x=111, bold=True)
    lines[1] = line(308, "Beschlussvorschlag", x=71, bold=True)
    found = subject_title(lines, VOCAB)
    assert found is not None and found[0][0] == "Erneuerung der Sporthalle am Steinweg"


def test_subject_label_with_a_type_gives_the_type() -> None:
    found = subject_title([line(100, "Anfrage: Sanierung der Turnhalle", bold=True)], VOCAB)
    assert found is not None
    assert found[0][0] == "Sanierung der Turnhalle" and found[1] == "Anfrage"


def test_subject_label_misread_by_ocr() -> None:
    found = subject_title([line(100, "Betrcff: Radweg Nord")], VOCAB, fuzzy=2)
    assert found is not None and found[0][0] == "Radweg Nord"
    assert subject_title([line(100, "Betrcff: Radweg Nord")], VOCAB) is None


def test_type_from_its_own_line_and_from_the_title() -> None:
    typed = type_from_lines(motion(), VOCAB)
    assert typed is not None and typed[0] == "Motion"
    filed = type_from_lines([line(100, "Kleine Anfrage nach § 9 GeschO")], VOCAB)
    assert filed is not None and filed[0] == "Kleine Anfrage"
    assert type_from_title("Stellungnahme zu Sportflächen in Büchenbach", VOCAB) == "Stellungnahme"
    assert type_from_title("Sportflächen und Anträge der Vereine", VOCAB) is None


def test_type_misread_by_ocr_snaps_to_the_vocabulary() -> None:
    lines = [line(100, "Anfrnge"), line(120, "Radweg an der Uferstraße")]
    assert type_from_lines(lines, VOCAB) is None
    found = type_from_lines(lines, VOCAB, ocr=True)
    assert found is not None and found[0] == "Anfrage"


def test_originator_with_parties_stops_at_the_date_line() -> None:
    found = originator_from_head(motion(), VOCAB)
    assert found is not None
    assert found[0] == "Beat Wagner (SVP) und Anna Keller (Grüne) und Tobias Lehmann (FDP)"


def test_sentence_with_an_office_name_is_not_the_sender() -> None:
    lines = [line(100, "Amt für Bildung hat dabei das Gutachten zur Bausubstanz bestätigt.")]
    assert originator_from_head(lines, VOCAB) is None


@pytest.mark.parametrize(
    ("head", "sender"),
    [
        # Letters with page furniture, seed 103, paper 4: a town's company was no sender, and a
        # signer's role was taken instead.
        ("Bäderbetriebe Würzburg GmbH", "Bäderbetriebe Würzburg GmbH"),
        ("Stadtwerke Jena Netze", "Stadtwerke Jena Netze"),
        ("Eigenbetrieb Stadtwirtschaft", "Eigenbetrieb Stadtwirtschaft"),
        ("Die Kosten trägt die GmbH", None),
    ],
)
def test_a_towns_company_in_the_head_is_the_sender(head: str, sender: str | None) -> None:
    found = originator_from_head([line(40, head), line(60, "Gothaer Straße 14 · 97070 Würzburg")], VOCAB)
    assert (found[0] if found is not None else None) == sender


def test_originator_from_the_signature() -> None:
    lines = [
        line(600, "Für Rückfragen stehen wir gerne zur Verfügung."),
        line(630, "Herzliche Grüße,"),
        line(645, "Stadtteilbeirat Büchenbach"),
    ]
    found = originator_from_signature(lines, VOCAB)
    assert found is not None and found[0] == "Stadtteilbeirat Büchenbach"


def test_body_from_address_or_meeting_line() -> None:
    address = body_from_head([line(100, "An den Gemeinderat")], VOCAB)
    assert address is not None and address[0] == "Gemeinderat"
    meeting = body_from_head([line(100, "zur Sitzung der Bezirksvertretung Porz am 23.01.2012")], VOCAB)
    assert meeting is not None and meeting[0] == "Bezirksvertretung Porz"
    # A meeting named in the letter's text (below the salutation) is not its address.
    later = [line(100, "Sehr geehrte Damen und Herren,"), line(120, "zur Sitzung des Stadtrates am 3.4.2024")]
    assert body_from_head(later, VOCAB) is None


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # Answers to Anfragen, seed 11, paper 39: a Hanseatic town's council was no body.
        ("An die Bürgerschaft", "Bürgerschaft"),
        ("An die Stadtvertretung", "Stadtvertretung"),
        ("An die Ratsversammlung", "Ratsversammlung"),
        ("zur Sitzung des Samtgemeinderates am 3.4.2024", "Samtgemeinderat"),
    ],
)
def test_the_councils_of_northern_towns_are_bodies(text: str, body: str) -> None:
    found = body_from_head([line(100, text)], VOCAB)
    assert found is not None and found[0] == body


def test_request_items_keep_lettered_sub_items_inside() -> None:
    section = proposal_section(motion(), VOCAB)
    assert section is not None
    head, rest, body, _ = section
    assert head is not None and head.text == "Antrag" and rest == ""
    items = read_items(body)
    assert [(n, " ".join(parts)) for n, parts, _ in items] == [
        (
            "1",
            "Der Regierungsrat wird beauftragt, die Gemeinden bei der Trinkwasserleitung finanziell zu unterstützen.",
        ),
        (
            "2",
            "Der Regierungsrat wird beauftragt, eine Vorlage zu unterbreiten: a) zur Finanzierung, b) zu den Fristen.",
        ),
    ]


def test_request_sentence_without_heading() -> None:
    lines = [
        line(100, "Der Gemeinderat wird beauftragt, den Radweg zu bauen."),
        line(130, "Begründung", bold=True),
        line(150, "Es fehlt ein Radweg."),
    ]
    section = proposal_section(lines, VOCAB)
    assert section is not None
    assert [" ".join(parts) for _, parts, _ in read_items(section[2])] == [
        "Der Gemeinderat wird beauftragt, den Radweg zu bauen."
    ]


def test_signature_block_after_a_wide_gap() -> None:
    lines = motion()
    assert trailing_signature(lines) == 2
    assert trailing_signature(lines[:-2]) == 0  # the text's last sentence stays


def test_a_deputys_role_in_lower_case_is_part_of_the_signature() -> None:
    # Joint papers, seed 91, paper 2: "stv. Fraktionsvorsitzender Fraktion Bündnis 90/Die Grünen"
    # opened in lower case, so the first of three blocks on page 2 stayed in the justification.
    text = [line(600, "Im Bereich Weimarische Straße ergibt sich derzeit ein Bestand von rund 3138 Bäumen.")]
    blocks = [
        line(62, "Katrin Keller", page=2),
        line(78, "stv. Fraktionsvorsitzender Fraktion Bündnis 90/Die Grünen", page=2),
        line(110, "Dr. Urs Zimmermann", page=2),
        line(126, "Fraktionsvorsitzende", page=2),
        line(142, "ÖDP-Fraktion", page=2),
        line(170, "i.A. Michael Bachmann", page=2),
    ]
    assert trailing_signature([*text, *blocks]) == 6


def test_generic_reader_fills_what_the_generic_profile_leaves_empty() -> None:
    lines = motion()
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines)
    with document_guard(ParseOptions(), "motion.pdf") as budget:
        fields = extract_fields(layout, bundled_profiles()["generic"], budget)
    values = fields.values
    assert values["title"] == "Kantonale Standards für die Digitalisierung der Verwaltung bis zum Jahr 2030"
    assert values["document_type"] == "Motion"
    assert values["originator"] == "Beat Wagner (SVP) und Anna Keller (Grüne) und Tobias Lehmann (FDP)"
    assert values["faction"] is None
    assert [item.number for item in values["resolution_proposal"]] == ["1", "2"]
    assert values["justification"] == "Die Gemeinden tragen heute die Kosten allein. Das ist nicht gerecht."


# Changes around the reader that the dev families showed were needed.


def _ctx(lines: list[Line], profile: str, pages: int = 1) -> Context:
    layout = Layout(pages=[PageInfo(n, 595.0, 842.0) for n in range(1, pages + 1)], lines=lines)
    return Context(layout=layout, profile=bundled_profiles()[profile])


def test_number_in_the_header_of_page_two_of_a_two_page_paper() -> None:
    # Regression: the header over page 2 of a two-page Vorlage recurs on no other page, so it
    # stayed running text and split a paragraph of the Begründung.
    lines = [
        line(40, "Stadt Gotha Beschlussvorlage Nr."),
        line(56, "Der Oberbürgermeister 2024/267"),
        line(400, "Die Kosten trägt die Stadt."),
        line(40, "Beschlussvorlage Nr. 2024/267", page=2),
        line(120, "Der Ortsteilrat wurde informiert.", page=2),
    ]
    mark_furniture(lines, [PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)])
    assert [ln.furniture for ln in lines] == [False, False, False, True, False]


def test_a_full_last_line_before_a_page_break_goes_on_over_the_page() -> None:
    # Regression: a paragraph that filled its last line before the page break was cut in two.
    lines = [
        line(730, "Begründung", bold=True),
        line(750, "Die Gemeinden tragen die Kosten der Anlagen heute ganz allein, weil"),
        line(764, "das Land nicht zahlt. Der Kanton hat die Sache lange geprüft und"),
        line(778, "dazu einen Bericht vorgelegt, den der Rat schon kennt und beraten hat."),
        line(80, "Er wird im Sommer beraten.", page=2),
    ]
    ctx = _ctx(lines, "generic", pages=2)
    extract_justification(ctx)
    assert "\n" not in ctx.fields.values["justification"]


def test_body_is_not_the_role_under_a_signature() -> None:
    # Regression: "Stadtrat" under the signer's name became the letter's body.
    lines = [
        line(40, "FDP-Fraktion im Stadtrat Erlangen", bold=True),
        line(100, "Erlangen, den 09.06.2025"),
        line(150, "Antrag: Neue Bänke am Marktplatz", bold=True),
        line(180, "Sehr geehrter Herr Oberbürgermeister,"),
        line(200, "wir beantragen neue Bänke."),
        line(240, "Mit freundlichen Grüßen"),
        line(280, "Tobias Vogel"),
        line(294, "Stadtrat"),
    ]
    ctx = _ctx(lines, "letter")
    extract_cover(ctx)
    assert ctx.fields.values["body"] is None
    assert ctx.fields.values["title"] == "Neue Bänke am Marktplatz"


def test_the_type_alone_wins_over_the_type_with_its_rule() -> None:
    lines = [
        line(100, "Herrn Oberbürgermeister"),
        line(114, "Dr. Florian Janik"),
        line(114, "Antrag gemäß § 28/ § 29 GeschO", x=300),
        line(200, "Antrag", bold=True, size=14),
        line(218, "hier: Odenwaldallee öffentliche Flächen", bold=True, size=14),
        line(250, "Sehr geehrter Herr Oberbürgermeister,"),
    ]
    ctx = _ctx(lines, "letter")
    extract_cover(ctx)
    assert ctx.fields.values["document_type"] == "Antrag"
    assert ctx.fields.values["title"] == "Odenwaldallee öffentliche Flächen"


def test_bold_letterhead_is_not_the_subject_of_a_letter() -> None:
    lines = [
        line(73, "Stadtteilbeirat Büchenbach", bold=True),
        line(86, "Erlangen, den 23.10.2020", x=350),
        line(142, "Sehr geehrter Herr Oberbürgermeister Dr. Janik,"),
        line(169, "zunächst möchten wir uns für das Gespräch im Januar bedanken, das wir sehr schätzen."),
    ]
    ctx = _ctx(lines, "letter")
    extract_cover(ctx)
    assert ctx.fields.values["title"] is None
    assert ctx.fields.values["originator"] == "Stadtteilbeirat Büchenbach"


def test_a_sentence_on_page_one_is_not_the_originator() -> None:
    lines = [
        line(42, "Mehr Velowege im Kanton", bold=True, size=13),
        line(82, "Motion"),
        line(98, "Julia Günther, Frank Keller (Die Mitte)"),
        line(114, "Weinfelden, 8. November 2024"),
        line(160, "Begründung", bold=True),
        line(180, "Amt für Bildung hat dabei das Gutachten bestätigt. Der Ortsteilrat Nord"),
    ]
    ctx = _ctx(lines, "generic")
    extract_cover(ctx)
    assert ctx.fields.values["originator"] == "Julia Günther, Frank Keller (Die Mitte)"


def test_bold_requests_of_a_letter_are_its_items() -> None:
    lines = [
        line(100, "Stellungnahme des Stadtteilbeirates zur Streckenführung", bold=True),
        line(130, "haben wir die folgenden Empfehlungen einstimmig beschlossen:"),
        line(160, "1) Die Haupttrasse der StUB sollte auf dem Adenauerring geführt werden.", bold=True),
        line(180, "Diese Alternative hat die kürzesten Fahrzeiten."),
        line(200, "Wichtig", bold=True),  # a heading, not a request
        line(214, "2. Die Alternativen für die Wendeschleife sollten neu", bold=True),
        line(228, "abgewogen werden", bold=True),
        line(260, "Mit freundlichen Grüßen"),
        line(280, "Der Beirat bleibt bei seiner Empfehlung für alle Fälle.", bold=True),
    ]
    items = emphasised_items(lines, frozenset({id(lines[0])}))
    assert [(n, parts) for n, parts, _ in items] == [
        ("1", ["Die Haupttrasse der StUB sollte auf dem Adenauerring geführt werden."]),
        ("2", ["Die Alternativen für die Wendeschleife sollten neu abgewogen werden"]),
    ]


def test_request_to_speak_is_not_the_proposal() -> None:
    # Regression: "Wir bitten um Rederecht im Stadtrat" became the paper's only request.
    lines = [
        line(100, "Sehr geehrter Herr Oberbürgermeister,"),
        line(120, "diese Stellungnahme bezieht sich auf die Vorlage für den Ausschuss."),
        line(160, "Wir bitten um Rederecht im Stadtrat am 28. Oktober 2021."),
        line(190, "Mit freundlichen Grüßen"),
    ]
    ctx = _ctx(lines, "letter")
    extract_resolution(ctx)
    fill_resolution(ctx)
    assert ctx.fields.values["resolution_proposal"] == []


def test_an_anfrages_request_sentence_naming_the_agenda_is_no_answer() -> None:
    # Paper families, seed 91, letter-request 5: the type "Anfrage" came from the request
    # sentence, whose line opens "Tagesordnung der nächsten Sitzung ... folgende Anfrage:"; read as
    # a type line that names the question it answers, the paper's own questions were dropped.
    lines = [
        line(100, "Sehr geehrte Frau Oberbürgermeisterin,"),
        line(120, "gemäß § 4 der Geschäftsordnung bitten wir um Aufnahme des nachstehenden Punktes in die"),
        line(134, "Tagesordnung der nächsten Sitzung des Rates. Die CDU-Fraktion stellt folgende Anfrage:"),
        line(160, "Vor diesem Hintergrund fragen wir die Verwaltung:"),
        line(174, "a) Welche Kosten sind für die Sporthalle bis 2028 vorgesehen?"),
        line(188, "b) Wie viele Beschwerden sind seit 2021 eingegangen?"),
        line(220, "Freundliche Grüße"),
    ]
    ctx = _ctx(lines, "letter")
    ctx.set("document_type", "Anfrage", lines[1:3])
    extract_resolution(ctx)
    fill_resolution(ctx)
    assert [item.number for item in ctx.fields.values["resolution_proposal"]] == ["a", "b"]


def test_list_announced_by_a_request_gives_the_items() -> None:
    lines = [
        line(100, "und bitten um Aufwertung der Fläche. Wir bitten um Aufwertung mit"),
        line(114, "- Hartplatz für Ballspiele (z.B. Basketballplatz)", x=88),
        line(128, "- Flutlicht, Unterstand, WC, damit der Platz auch bei", x=88),
        line(142, "Dunkelheit nutzbar ist", x=100),
        line(170, "Diese Aufwertung ist nötig."),
        line(184, "- ein Punkt ohne Ankündigung", x=88),
    ]
    items = announced_list(lines, VOCAB)
    assert [" ".join(parts) for _, parts, _ in items] == [
        "Hartplatz für Ballspiele (z.B. Basketballplatz)",
        "Flutlicht, Unterstand, WC, damit der Platz auch bei Dunkelheit nutzbar ist",
    ]
    assert announced_list(lines[4:], VOCAB) == []


def test_number_whose_cell_wrapped() -> None:
    # Regression: "Informationsvorlage Nr." over "2023/477" in a narrow column gave no number.
    lines = [
        Line(1, [*line(58, "Stadt Sonneberg").tokens, *line(58, "Informationsvorlage Nr.", x=352).tokens]),
        Line(1, [*line(75, "Der Oberbürgermeister").tokens, *line(75, "2023/477", x=352).tokens]),
        line(106, "Amt: Fachbereich Stadtentwicklung"),
    ]
    ctx = _ctx(lines, "gotha")
    extract_cover(ctx)
    assert ctx.fields.values["number"] == "2023/477"


def test_number_in_the_column_beside_its_label() -> None:
    lines = [
        Line(
            1,
            [
                *line(233, "Rathaus").tokens,
                *line(233, "Eingang:", x=300).tokens,
                *line(233, "21.07.2020", x=400).tokens,
            ],
        ),
        Line(
            1,
            [
                *line(245, "91052 Erlangen").tokens,
                *line(245, "Antragsnr.:", x=300).tokens,
                *line(245, "151/2020", x=400).tokens,
            ],
        ),
    ]
    found = match_wrapped(lines, bundled_profiles()["letter"].number_re, pages=2)
    assert found is not None and found[0].group("number") == "151/2020"


def test_a_number_pushed_a_blank_line_below_its_label_is_read() -> None:
    # Word papers with boxes, seed 41, paper 38: "Drucksachen-Nr.:" ran past the block's tab stop
    # and the tab took a line of its own; the number stood a blank line below, within the label's
    # span, and was not read.
    profile = bundled_profiles()["generic"]
    lines = [
        line(141, "Drucksachen-Nr.:", x=371.5),
        line(166.8, "VO/2022/955", x=440),
        line(179.6, "Datum: 14.02.2022", x=371.5),
    ]
    found = match_wrapped(lines, profile.number_re, pages=2)
    assert found is not None and found[0].group("number") == "VO/2022/955"
    # A line as far below a label's start, not pushed (no colon), is no value of it.
    apart = [line(141, "Drucksachen-Nr", x=371.5), line(166.8, "VO/2022/955", x=440)]
    assert match_wrapped(apart, profile.number_re, pages=2) is None


def test_a_value_wrapped_in_its_own_column_beside_its_label_is_read() -> None:
    # Answers to Anfragen, seed 103, paper 6: "Geschäftszahl: A 8 –" over "19158/2025-6", the
    # number wrapped at its own column's edge; the line under the value was not looked at and
    # the number was lost without a warning.
    profile = bundled_profiles()["letter"]
    head = line(96.5, "Geschäftszahl:", x=336.0)
    value = line(96.5, "A 8 –", x=432.6)
    lines = [Line(1, [*head.tokens, *value.tokens]), line(111.4, "19158/2025-6", x=432.6)]
    assert len(lines[0].segments()) == 1
    found = match_wrapped(lines, profile.number_re, pages=2)
    assert found is not None and found[0].group("number") == "A 8 – 19158/2025-6"
    # A line starting elsewhere under the value is no part of it.
    apart = [lines[0], line(111.4, "19158/2025-6", x=440.0)]
    assert match_wrapped(apart, profile.number_re, pages=2) is None


def test_a_whole_label_over_the_number_label_lends_it_no_value() -> None:
    # Paper families, seed 107, mixed paper 10: "Geschäftszeichen:  55/668" over "Drucksache Nr.:
    # 2024/0151": the first label joined with the one under it and with its own value beside read
    # "... Drucksache Nr.: 55/668", and the file reference became the paper's number (silent).
    profile = bundled_profiles()["generic"]
    for x in (184, 250):  # the value close enough to share the label's segment, or in a column
        lines = [
            Line(1, [*line(140, "Geschäftszeichen:", x=70).tokens, *line(140, "55/668", x=x).tokens]),
            Line(1, [*line(153, "Drucksache Nr.:", x=70).tokens, *line(153, "2024/0151", x=x).tokens]),
        ]
        found = match_wrapped(lines, profile.number_re, pages=2)
        assert found is not None and found[0].group("number") == "2024/0151"
    # A label wrapped without its colon ("Mitteilung" over "Nr.:") still takes the value beside it.
    lines = [
        Line(1, [*line(140, "Mitteilung", x=70).tokens, *line(140, "2024/0728", x=184).tokens]),
        line(153, "Nr.:", x=70),
    ]
    assert match_wrapped(lines, bundled_profiles()["letter"].number_re, pages=2) is not None


def test_numbered_items_and_bold_paragraphs_in_the_justification() -> None:
    # Regression: "1.)" items ran into the paragraph above, and the short last line of a bold
    # paragraph became a sub-heading of its own.
    lines = [
        line(100, "Begründung", bold=True),
        line(120, "Bei der Begehung wurden drei Bedingungen genannt, falls die Schleife kommt."),
        line(134, "1.) Erhalt der Fußgängerbrücke als Zugang zum Schulgelände", x=71),
        line(148, "2.) Übergang Mönaustrasse: Der Rad- und Fußverkehr behält", x=71),
        line(162, "Vorrang auch gegenüber der Bahn.", x=93),
        line(190, "2) Die Alternativen für die Wendeschleife sollten unter der geänderten", bold=True),
        line(204, "Lage neu abgewogen werden", bold=True),
        line(230, "Das ist der Schluss."),
    ]
    ctx = _ctx(lines, "generic")
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Bei der Begehung wurden drei Bedingungen genannt, falls die Schleife kommt.\n\n"
        "1.) Erhalt der Fußgängerbrücke als Zugang zum Schulgelände\n"
        "2.) Übergang Mönaustrasse: Der Rad- und Fußverkehr behält Vorrang auch gegenüber der Bahn.\n\n"
        "2) Die Alternativen für die Wendeschleife sollten unter der geänderten Lage neu abgewogen werden\n\n"
        "Das ist der Schluss."
    )


def test_list_item_at_the_top_of_two_pages_is_not_a_header() -> None:
    # Regression: a bullet of the Begründung that stood at the top of two pages of a letter
    # recurred like a running header and was dropped.
    lines = [
        line(50, "- die Sanierung der Sanitärräume"),
        line(300, "Text der ersten Seite."),
        line(50, "- die Sanierung der Sanitärräume", page=2),
        line(300, "Text der zweiten Seite.", page=2),
        line(50, "Stadt Erfurt Drucksache 0112/23", page=3),
        line(50, "Stadt Erfurt Drucksache 0112/23", page=4),
    ]
    mark_furniture(lines, [PageInfo(n, 595.0, 842.0) for n in range(1, 5)])
    assert [ln.furniture for ln in lines] == [False, False, False, False, True, True]


def _speech(salutation: list[str]) -> list[Line]:
    """A speech manuscript: date head, speaker, the speech marker, a bold title, ``salutation``, the speech."""
    lines = [
        line(40, "Aktuelle Stunde 20.02.2020"),
        line(56, "Birgit Wolff, FDP-Fraktion", bold=True),
        line(72, "(Es gilt das gesprochene Wort)"),
        line(120, "Politik im Bezirk - klare Kante!", bold=True, size=13),
    ]
    top = 150.0
    for text in salutation:
        lines.append(line(top, text))
        top += 14
    lines.append(line(top + 14, "es ist gut, dass wir heute darüber sprechen."))
    lines.append(line(top + 42, "Wir danken allen, die gekommen sind."))
    return lines


def test_a_speech_opens_with_a_salutation_of_several_lines_or_goes_from_its_title_to_the_text() -> None:
    # Regression: "Sehr geehrtes Präsidium, / liebe ..., / liebe Gäste –" was no salutation, and a
    # speech without one had no text (a letter's body needed a closing formula or type "Brief").
    salutation = ["Sehr geehrtes Präsidium,", "liebe Kolleginnen und Kollegen in der Versammlung,", "liebe Gäste –"]
    for opening in (salutation, []):
        lines = _speech(opening)
        layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines)
        with document_guard(ParseOptions(), "speech.pdf") as budget:
            values = extract_fields(layout, bundled_profiles()["generic"], budget).values
        assert values["document_type"] == VOCAB.speech_type
        text = "es ist gut, dass wir heute darüber sprechen.\n\nWir danken allen, die gekommen sind."
        assert values["justification"] == text, opening


def test_a_closing_greeting_is_no_salutation() -> None:
    lines = [line(100, "Wir danken allen."), line(130, "Liebe Grüße"), line(150, "Anna Keller")]
    assert _ctx(lines, "generic").find_label("salutation") is None


def test_a_text_that_starts_sentences_on_new_lines_goes_on_over_a_page_break() -> None:
    # Regression: a speech that starts many sentences on a new line within a paragraph (and marks
    # paragraphs by space alone) was cut at every page break after a full stop.
    lines = [line(700, "Begründung", bold=True)]
    texts = [
        ("Wir danken allen.", 720),
        ("Und bei den Menschen hier.", 734),
        ("Es ist nicht der erste Fall, und er macht uns Sorgen.", 762),
        ("Das ist so.", 776),
        ("Wir haben beraten.", 790),
    ]
    lines += [line(top, text) for text, top in texts]
    lines.append(line(60, "Wir bleiben dabei und sagen das auch heute.", page=2))
    ctx = _ctx(lines, "generic", pages=2)
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Wir danken allen. Und bei den Menschen hier.\n\n"
        "Es ist nicht der erste Fall, und er macht uns Sorgen. Das ist so. Wir haben beraten. "
        "Wir bleiben dabei und sagen das auch heute."
    )
    # A typeset text, whose short lines after a full stop always end a paragraph, starts one there.
    lines = [line(700, "Begründung", bold=True)] + [
        line(top, text)
        for text, top in [
            ("Es ist nicht der erste Fall, und er macht uns allen große Sorgen.", 706),
            ("Wir danken allen.", 720),
            ("Das ist so.", 748),
            ("Wir haben beraten.", 776),
        ]
    ]
    lines.append(line(60, "Wir bleiben dabei.", page=2))
    ctx = _ctx(lines, "generic", pages=2)
    extract_justification(ctx)
    assert ctx.fields.values["justification"].endswith("Wir haben beraten.\n\nWir bleiben dabei.")


def _letter_saying(sentence: str) -> str | None:
    """The type the generic reader gives a dated letter whose first paragraph is ``sentence``."""
    lines = [
        line(60, "Stadtteilbeirat Nord"),
        line(76, "Erlangen, den 12.05.2020"),
        line(110, "Zum Beschluss des Stadtrates vom 23.04.2020", bold=True),
        line(150, "Sehr geehrter Herr Oberbürgermeister,"),
        line(180, sentence),
        line(210, "Die Fläche soll grüner werden."),
        line(240, "Mit freundlichen Grüßen"),
    ]
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines)
    with document_guard(ParseOptions(), "letter.pdf") as budget:
        return extract_fields(layout, bundled_profiles()["generic"], budget).values["document_type"]


def test_a_sentence_saying_what_the_letter_does_gives_its_type() -> None:
    # Regression: "Der Stadtteilbeirat nimmt hierzu wie folgt Stellung:" left the letter typed Brief.
    assert _letter_saying("Der Stadtteilbeirat nimmt hierzu wie folgt Stellung:") == "Stellungnahme"
    assert _letter_saying("Wir bitten Sie, hierzu Stellung zu nehmen.") == VOCAB.letter_type
    assert _letter_saying("Wir haben den Beschluss mit Freude gelesen.") == VOCAB.letter_type


def test_type_sentences_name_known_types_with_patterns_that_compile() -> None:
    from pydantic import ValidationError

    from ratsdoc.extract.generic.vocabulary import ReaderVocabulary

    assert set(VOCAB.type_sentences) <= set(VOCAB.document_types)
    with pytest.raises(ValidationError, match="not document_types: Stellungnahme"):
        ReaderVocabulary(document_types=["Antrag"], type_sentences={"Stellungnahme": ["nimmt Stellung"]})
    with pytest.raises(ValidationError):
        ReaderVocabulary(document_types=["Antrag"], type_sentences={"Antrag": ["(unclosed"]})


#: The reader vocabulary's lists of patterns (each refused when a pattern does not compile).
READER_PATTERN_LISTS = [
    "subject_labels",
    "body_lines",
    "originator_patterns",
    "faction_patterns",
    "letterhead_patterns",
    "address_patterns",
    "speech_markers",
    "administrations",
    "office_patterns",
    "unit_patterns",
    "addressee_labels",
    "group_words",
    "group_plurals",
    "filer_words",
    "cosigner_labels",
    "type_prefixes",
    "proposal_headings",
    "proposal_sentences",
    "proposal_ends",
    "proposal_list_leads",
    "type_ends",
    "appended_headings",
    "continuation_markers",
    "consultation_results",
    "consultation_records",
    "request_type_leads",
    "request_meetings",
    "request_agenda",
    "type_issuers",
    "reference_labels",
    "cited_number_leads",
    "changed_papers",
    "head_grid_patterns",
    "signing_offices",
    "filer_tails",
    "answer_tails",
    "member_titles",
]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Katrin Huber", True),
        ("Dr. Anna Keller-Berg", True),
        ("Mag. Eva Gruber", True),
        ("DI Karl Huber", True),
        ("Dipl.-Ing. Karl Huber", True),
        ("Gemeinderat", False),
        ("Der Abteilungsvorstand:", False),
        ("Amt für Umwelt und Klimaschutz", False),
    ],
)
def test_a_signers_name_line_is_a_persons_name_after_the_vocabularys_titles(text: str, person: bool) -> None:
    assert (VOCAB.person_re.match(text) is not None) is person


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("Fraktion Die Linke im Rat der Stadt", True),
        ("SPD-Fraktion im Kreistag des Landkreises", True),
        ("Fraktion Die Linke im Rat", False),
        ("Stadtrat", False),
    ],
)
def test_a_sender_broken_before_its_town_ends_in_a_municipalitys_kind(text: str, before: bool) -> None:
    assert (VOCAB.before_town_re.search(text) is not None) is before


@pytest.mark.parametrize("name", READER_PATTERN_LISTS)
def test_a_reader_pattern_list_that_does_not_compile_is_refused(name: str) -> None:
    from pydantic import ValidationError

    from ratsdoc.extract.generic.vocabulary import ReaderVocabulary

    with pytest.raises(ValidationError, match=r"pattern '\(x' does not compile"):
        ReaderVocabulary(**{name: ["(x"]})


def test_the_reader_lists_checked_are_those_declared_as_patterns() -> None:
    from ratsdoc.extract.generic.vocabulary import ReaderVocabulary
    from ratsdoc.meeting.rules_patterns import check_patterns

    declared = {
        name
        for name, field in ReaderVocabulary.model_fields.items()
        if any(getattr(rule, "func", None) is check_patterns for rule in field.metadata)
    }
    assert declared == set(READER_PATTERN_LISTS)
