"""Papers citizens send the council (the ``buergerantrag`` family of scripts/generate_variants.py):
an Einwohnerantrag, Bürgerantrag, Anregung, Petition or question from a private person's or an
initiative's address block, maybe behind the administration's cover sheet, read as letters."""

from __future__ import annotations

from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.extract.cover_type import read_document_type
from ratsdoc.extract.generic.closing import is_closing
from ratsdoc.extract.generic.heading import is_ruled_type, subject_title
from ratsdoc.extract.generic.letter_fields import body_from_head, originator_from_head, type_from_lines
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.layout.lines import Line
from ratsdoc.profile import bundled_profiles

from .conftest import assert_case_reads_as_generated, generated_variant, line_context, text_line

#: The fields checked against the golden.
FIELDS = [
    "number",
    "title",
    "document_type",
    "body",
    "originator",
    "faction",
    "resolution_proposal",
    "attachments",
    "justification",
]

#: Development variants, each read wrong before. Seed 5: questions under "Ich bitte um
#: Beantwortung folgender Fragen:" not read, "Bürgeranfrage" typed "Brief" (2); "Antrag gemäß
#: § 24 GO NRW: ..." read whole as type and title (3); "Mit bürgerschaftlichen Grüßen" and the
#: signers read as reasons (5); an initiative's name ending "e.V." not read as sender,
#: "Einwohnerantrag gemäß § 18b GO NRW" typed "Brief" and taken for the title (11); a citizen's
#: name over street and postcode not read as sender, "Bürgerantrag" typed "Brief" (28, 30);
#: "Ich beantrage, der Rat möge beschließen:" not read as the request's lead, "An den Ausschuss
#: für Anregungen und Beschwerden" not read as body (37); the administration's cover sheet in
#: front, its city read as sender, "Vorlage Nr. 2023/248" not read, "Antrag einer
#: Bürgerinitiative" typed "Brief" (40). Seed 7: a cover sheet over a letter without a
#: salutation, the bare type line "Antrag" over the subject read as the request's heading (5);
#: "An den Gemeinderat der Stadt Freiburg im Breisgau" not read as body (14).
#: Seed 5: a question for the Einwohnerfragestunde ("Einwohnerfragestunde – Frage von ...")
#: typed "Brief" (4, 10, 21) or, from a word in its text, "Antrag" (12).
#: Seed 5: a letter forwarded behind a cover sheet without a salutation, its sender block,
#: address and date line read into the justification (29).
#: Seed 7: the type line "Antrag einer Bürgerinitiative" in its own size over the bold subject
#: read into the title (30); behind a cover sheet, a letter with neither salutation nor subject
#: of its own, its sender block, address and date line read into the justification (34).
#: Seed 5: the justification of a letter without a "Begründung" label keeps the sentence before
#: the request (7, 34) and a request paragraph of its own (19), as the letter families do.
CASES = (
    *("5/2", "5/3", "5/4", "5/5", "5/7", "5/10", "5/11", "5/12", "5/19", "5/21", "5/28", "5/29", "5/30", "5/34"),
    *("5/37", "5/40", "7/14", "7/30", "7/34"),
)
#: Cover sheets with no date of their own, only the day the office received the paper
#: ("Eingang:"): the paper's date is the forwarded letter's dateline; it was not read.
COVERED = ("5/6", "5/8", "7/4", "7/5", "7/9")


@pytest.mark.parametrize("case", CASES)
def test_a_citizens_paper_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    assert_case_reads_as_generated("buergerantrag", "buergerantrag", case, tmp_path, [*FIELDS, "date"])


@pytest.mark.parametrize("case", COVERED)
def test_a_forwarded_letter_is_read_behind_its_cover_sheet(tmp_path: Path, case: str) -> None:
    assert_case_reads_as_generated("buergerantrag", "buergerantrag", case, tmp_path, [*FIELDS, "date"])


def test_a_forwarded_letters_head_is_no_part_of_its_body(tmp_path: Path) -> None:
    """Seed 5, paper 8: behind the cover sheet a letter with no salutation opens with its sender
    block, the address, the date line and its own subject; its body starts below that subject."""
    generated_variant("buergerantrag", "5/buergerantrag/8", tmp_path / "forwarded.pdf")
    text = ratsdoc.parse(tmp_path / "forwarded.pdf").justification or ""
    assert text.startswith("Im Bereich Hauptstraße") and "Bergstraße 28" not in text and "§ 20b GemO" not in text


def test_the_same_seed_draws_the_same_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for index in (1, 40):  # a plain letter and one behind a cover sheet
        key = f"5/buergerantrag/{index}"
        assert generated_variant("buergerantrag", key, first) == generated_variant("buergerantrag", key, second)
        assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("kind", ["Einwohnerantrag", "Bürgerantrag", "Bürgeranfrage", "Anregung", "Petition"])
def test_citizens_paper_types_are_in_every_letter_vocabulary(kind: str) -> None:
    assert kind in reader_vocabulary().document_types
    profiles = bundled_profiles()
    assert kind in profiles["generic"].document_types
    assert kind in profiles["letter"].document_types


def _head(*texts: str) -> list[Line]:
    return [text_line(60 + 12 * i, [(70, text)]) for i, text in enumerate(texts)] + [
        text_line(200, [(70, "Sehr geehrte Damen und Herren,")])
    ]


@pytest.mark.parametrize(
    ("texts", "sender"),
    [
        (("Sabine Krüger", "Rosengasse 53", "50667 Köln", "An den Rat der Stadt Köln"), "Sabine Krüger"),
        (
            ("Bürgerinitiative Lindenplatz e.V.", "c/o Anna Keller", "Gothaer Straße 55", "33602 Bielefeld"),
            "Bürgerinitiative Lindenplatz e.V.",
        ),
        (
            ("Interessengemeinschaft Anwohner Mühlenweg", "Mühlenweg 4", "48143 Münster"),
            "Interessengemeinschaft Anwohner Mühlenweg",
        ),
        # No address block under the name: a heading, not a sender.
        (("Sanierung der Sporthalle", "Begründung folgt", "An den Rat der Stadt Köln"), None),
    ],
)
def test_a_private_senders_address_block_names_the_sender(texts: tuple[str, ...], sender: str | None) -> None:
    lines = _head(*texts)
    ctx = line_context(lines, "letter")
    found = originator_from_head(ctx.lines, reader_vocabulary())
    assert (found[0] if found else None) == sender


@pytest.mark.parametrize(
    "lead", ["Ich bitte um Beantwortung folgender Fragen:", "Meine Fragen:", "Wir bitten um Beantwortung der Fragen:"]
)
def test_a_citizens_question_lead_opens_the_request(lead: str) -> None:
    assert reader_vocabulary().heading_re().match(lead)


@pytest.mark.parametrize(
    ("text", "ruled"),
    [
        ("Einwohnerantrag gemäß § 18b GO NRW", True),
        ("Bürgerantrag nach § 24 GO NRW", True),
        ("Antrag gemäß § 24 GO NRW: Sanierung der Sporthalle", False),
        ("Sanierung der Sporthalle gemäß § 24 GO NRW", False),
    ],
)
def test_a_type_with_its_rule_is_a_type_line(text: str, ruled: bool) -> None:
    assert is_ruled_type(text, reader_vocabulary().document_types) is ruled


def test_a_rule_before_the_subject_labels_it() -> None:
    lines = [text_line(100, [(70, "Antrag gemäß § 24 GO NRW: Sanierung der Sporthalle am Markt")])]
    found = subject_title(lines, reader_vocabulary())
    assert found is not None
    (title, _), kind = found
    assert (title, kind) == ("Sanierung der Sporthalle am Markt", "Antrag gemäß § 24 GO NRW")


@pytest.mark.parametrize(
    ("text", "closing"),
    [("Mit bürgerschaftlichen Grüßen", True), ("Mit besten Grüßen", True), ("Mit den Grüßen der Anwohner", False)],
)
def test_a_citizens_closing_formula_ends_the_letter(text: str, closing: bool) -> None:
    assert is_closing(text) is closing


def test_a_type_line_naming_who_files_it_gives_the_type() -> None:
    lines = [text_line(100, [(70, "Antrag einer Bürgerinitiative")])]
    found = type_from_lines(lines, reader_vocabulary())
    assert found is not None and found[0] == "Antrag"


def test_a_recipients_address_block_names_no_sender() -> None:
    ctx = line_context(_head("Herrn Max Müller", "Hauptstraße 1", "50667 Köln"), "letter")
    assert originator_from_head(ctx.lines, reader_vocabulary()) is None


@pytest.mark.parametrize(
    ("address", "body"),
    [
        ("An den Petitionsausschuss", "Petitionsausschuss"),
        ("An den Ausschuss für Anregungen und Beschwerden", "Ausschuss für Anregungen und Beschwerden"),
        ("An den Gemeinderat der Stadt Freiburg im Breisgau", "Gemeinderat der Stadt Freiburg im Breisgau"),
    ],
)
def test_a_citizens_address_names_the_body(address: str, body: str) -> None:
    lines = _head("Anna Keller", "Hauptstraße 1", "79098 Freiburg", address)
    found = body_from_head(line_context(lines, "letter").lines, reader_vocabulary())
    assert found is not None and found[0] == body


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Einwohnerfragestunde – Frage von Anna Beck", "Frage"),
        ("Frage zur Bürgerfragestunde am 12. März 2025", "Frage"),
        ("Frage 1: Wann wird die Planung vorgelegt?", None),  # questions of any letter: no type
        ("Einwohnerfragestunde am 12. März 2025", None),
    ],
)
def test_a_question_for_question_time_is_typed_frage(line: str, kind: str | None) -> None:
    ctx = line_context([text_line(160, [(70, line)])], profile="generic")
    found = read_document_type(ctx, [(0, ctx.lines[0], ctx.lines[0].tokens)])
    assert ctx.fields.values.get("document_type") == kind and (found is not None) == (kind is not None)
