"""Members' Anfragen and factions' Anträge printed from the e-mail they were sent in (the
``mail-print`` family of scripts/generate_variants.py): the mail client's head rows read as the
paper's subject, date and attachments, the mailbox name, the print's furniture and a quoted
earlier mail kept from the paper's fields."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.mail_head import attachment_names, mail_head, sent_date, subject_parts
from ratsdoc.profile import bundled_profiles

from .conftest import VORLAGE_FIELDS, assert_case_reads_as_generated, generated_twice, line_context, text_line

#: The fields checked against the golden: a Vorlage's, and a member's paper's body and faction.
FIELDS = [*VORLAGE_FIELDS, "body", "faction"]

#: Development variants, each read wrong before: the subject's reply mark read as the title, the
#: mailbox name as the sender, the "Anlagen:" row and the salutation as the attachments (5/1); a
#: webmail print's subject heading read as the sender, the print's timestamp as the date (5/7);
#: the quoted mail's subject read as the title (5/14); a pasted letter's dateline under the head
#: (5/17); "Anfrage zur Sitzung des Stadtrates am ...: ..." read whole as the title, no body
#: (5/22); "Viele Grüße" and the signature read as reasons (5/2, 5/16); "im Auftrag der
#: Fraktion ... übersende ich" after the salutation read as a signature, no text (5/27); a bold
#: "Begründung:" taken for the title kept from the reasons after the subject row gave the title (7/9).
CASES = ("5/1", "5/7", "5/14", "5/17", "5/22", "5/2", "5/16", "5/27", "7/9")


@pytest.mark.parametrize("case", CASES)
def test_a_printed_mail_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    assert_case_reads_as_generated("mail_print", "mail-print", case, tmp_path, FIELDS)


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    first, second = generated_twice("mail_print", "11/mail-print/3", tmp_path / "a.pdf", tmp_path / "b.pdf")
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)


@pytest.mark.parametrize(
    ("subject", "title", "kind", "between"),
    [
        ("AW: WG: Antrag: Sanierung der Turnhalle", "Sanierung der Turnhalle", "Antrag", ""),
        ("[extern] Anfrage der SPD-Fraktion – Neubau der Kita", "Neubau der Kita", "Anfrage", "der SPD-Fraktion"),
        (
            "Anfrage zur Sitzung des Bauausschusses am 12.03.2024: Radweg Nord",
            "Radweg Nord",
            "Anfrage",
            "zur Sitzung des Bauausschusses am 12.03.2024",
        ),
        ("Re: Sanierung der Turnhalle", "Sanierung der Turnhalle", None, ""),
        ("Antragsfrist für die Sitzung", "Antragsfrist für die Sitzung", None, ""),
    ],
)
def test_a_subject_gives_its_title_without_reply_marks_and_type(
    subject: str, title: str, kind: str | None, between: str
) -> None:
    assert subject_parts(subject, reader_vocabulary().type_re) == (title, kind, between)


@pytest.mark.parametrize(
    "text",
    ["Montag, 4. März 2024 14:12", "04.03.2024, 14:12", "Mo 04.03.2024 14:12", "Monday, March 4, 2024 2:12 PM"],
)
def test_a_sent_row_gives_its_date(text: str) -> None:
    assert sent_date(text) == dt.date(2024, 3, 4)


def test_an_attachments_row_lists_its_files() -> None:
    assert attachment_names("Anfrage_Spielplatz.pdf; Foto1.jpg") == ["Anfrage_Spielplatz.pdf", "Foto1.jpg"]
    assert attachment_names("Lageplan.pdf, Foto 2.jpg") == ["Lageplan.pdf", "Foto 2.jpg"]


def test_an_outlook_head_is_read_and_kept_from_the_other_readers() -> None:
    lines = [
        text_line(40, [(56, "Müller, Hans")]),
        text_line(70, [(56, "Von:"), (140, "Müller, Hans <hans.mueller@spd-bonn.de>")]),
        text_line(84, [(56, "Sent:"), (140, "Monday, March 4, 2024 2:12 PM")]),
        text_line(98, [(56, "An:"), (140, "Ratsbüro <ratsbuero@bonn.de>")]),
        text_line(112, [(56, "Betreff:"), (140, "AW: Antrag: Sanierung der Turnhalle am")]),
        text_line(126, [(140, "Stadtpark")]),
        text_line(160, [(56, "Sehr geehrte Damen und Herren,")]),
    ]
    ctx = line_context(lines, "letter")
    head = mail_head(ctx.layout)
    assert head is not None
    assert head.values["subject"] == "AW: Antrag: Sanierung der Turnhalle am Stadtpark"
    assert [line.furniture for line in lines] == [True] * 6 + [False]


def test_a_memo_with_von_an_datum_rows_is_no_mail() -> None:
    lines = [
        text_line(70, [(56, "Von:"), (140, "Amt 61")]),
        text_line(84, [(56, "An:"), (140, "Dezernat II")]),
        text_line(98, [(56, "Datum:"), (140, "04.03.2024")]),
        text_line(112, [(56, "Betreff:"), (140, "Sanierung der Turnhalle")]),
    ]
    assert mail_head(line_context(lines, "letter").layout) is None
    assert not any(line.furniture for line in lines)


@pytest.mark.parametrize("closing", ["Viele Grüße", "Beste Grüße"])
def test_a_mail_closing_ends_the_text(closing: str) -> None:
    for name in ("generic", "letter"):
        assert bundled_profiles()[name].label("section_ends", fuzzy=0).match(closing)


def test_a_sentence_in_the_authority_of_a_faction_is_no_signature() -> None:
    signature = bundled_profiles()["generic"].label("signature", fuzzy=0)
    assert signature.match("Im Auftrag")
    assert not signature.match("im Auftrag der Fraktion DIE LINKE übersende ich Ihnen folgende Anfrage:")
