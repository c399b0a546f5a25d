"""Papers that several factions or groups file together (the ``joint-paper`` family of
scripts/generate_variants.py): the senders as the paper names them together in its head line, its
sender line or after a submitter's label, over the groups' letterheads and party marks side by
side; Austrian Klubs, Swiss members named with their party and their co-signers; "Gemeinsamer
Antrag"; several signature blocks side by side or one under the other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

from ratsdoc.extract.context import Context
from ratsdoc.extract.generic.closing import trailing_signature
from ratsdoc.extract.generic.heading import is_filed_type, party_marks, several_groups
from ratsdoc.extract.generic.joint import joint_sender, unnamed_signers
from ratsdoc.extract.generic.letter_fields import type_from_lines
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.letter_body import head_end
from ratsdoc.layout.lines import Line
from ratsdoc.profile import bundled_profiles

from .conftest import (
    VORLAGE_FIELDS,
    assert_case_reads_as_generated,
    generated_twice,
    line_context,
    load_script,
    text_line,
)

#: The fields checked against the golden: a Vorlage's, and a member's paper's body and faction.
FIELDS = [*VORLAGE_FIELDS, "body", "faction"]

#: Development variants, each read wrong before: one group's letterhead of those side by side
#: taken for the sender over "Antrag der Fraktionen ..." (5/1, 5/6, 5/11), and the request after
#: "Die antragstellenden Fraktionen beantragen:" unread (5/1); a joint sender line cut where it
#: wrapped (5/21); "Postulat von ... (Die Mitte) und ... (GLP)" read as the sender with its type,
#: typed "Antrag" (5/5); Austrian Klubs named no faction and their marks read as the subject
#: (5/9); "An den Stadtrat der Stadt Halle (Saale)" no body (5/13); a head naming a faction and
#: a Gruppe wrapped over two lines read as the subject (5/15, 5/18); parties' marks side by side
#: read as the subject (5/19, 5/38); "Einbringer:" unread and "GZ: AN/2022/595" no number
#: (5/23, 5/17); "Gemeinsamer Antrag" typed "Brief" (5/20); "Mitunterzeichnende: ..." read as
#: reasons (7/6); the first of several signature blocks, one under the other or side by side,
#: read as reasons (7/9, 7/38, 7/19).
CASES = (
    "5/1", "5/6", "5/11", "5/21", "5/5", "5/9", "5/13", "5/15", "5/18", "5/19", "5/38", "5/23",
    "5/17", "5/20", "7/6", "7/9", "7/38", "7/19",
)  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_a_joint_paper_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    assert_case_reads_as_generated("joint_paper", "joint-paper", case, tmp_path, FIELDS)


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    first, second = generated_twice("joint_paper", "11/joint-paper/3", tmp_path / "a.pdf", tmp_path / "b.pdf")
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)


def test_the_generator_draws_only_kinds_and_bodies_the_reader_knows() -> None:
    module = load_script("joint_paper")
    vocab = reader_vocabulary()
    kinds = {k for pool in module.KINDS.values() for k in pool}
    assert kinds <= set(vocab.document_types)
    assert {council for _, _, _, _, council, _ in module.CITIES} <= set(vocab.bodies)


@pytest.mark.parametrize(
    ("text", "several"),
    [
        ("Fraktionen SPD, Bündnis 90/Die Grünen und DIE LINKE", True),
        ("SPD-Fraktion, Fraktion DIE LINKE und Gruppe Volt", True),
        ("Gemeinderatsklubs der SPÖ und der NEOS", True),
        ("SPÖ-Klub und Klub der NEOS", True),
        ("Anna Keller (SP/JUSO) und Marc Huber (GLP)", True),
        ("SPD-Fraktion im Rat der Stadt Bonn", False),
        ("Fraktion Bündnis 90/Die Grünen", False),
        ("Verteiler: Fraktionen, Ämter", False),
    ],
)
def test_several_groups_are_named_together(text: str, several: bool) -> None:
    assert several_groups(text, reader_vocabulary()) is several


@pytest.mark.parametrize(
    "text",
    [
        "Gemeinsamer Antrag der Fraktionen SPD und CDU",
        "Resolution der Fraktionen Freie Wähler und CDU",
        "Antrag der Gemeinderatsklubs der ÖVP, der Grünen und der NEOS",
        "Motion von Anna Keller (SP) und Marc Huber (GLP)",
    ],
)
def test_a_type_with_the_groups_that_file_it_together_is_a_type_line(text: str) -> None:
    assert is_filed_type(text, reader_vocabulary())


def test_a_subject_naming_groups_is_no_type_line() -> None:
    assert not is_filed_type("Sanierung der Sporthalle der Fraktionen SPD und CDU", reader_vocabulary())


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Gemeinsamer Antrag", "Antrag"),
        ("Gemeinsame Resolution", "Resolution"),
        ("Gemeinsames Postulat", "Postulat"),
        ("Motion von Anna Keller (SP) und Marc Huber (GLP)", "Motion"),
    ],
)
def test_a_joint_type_line_names_the_type(line: str, kind: str) -> None:
    found = type_from_lines([text_line(100, [(70, line)])], reader_vocabulary())
    assert found is not None and found[0] == kind


def _head(*rows: list[tuple[float, str]]) -> list[Line]:
    """Head lines 14 pt apart from the top."""
    return [text_line(60 + 14 * k, row) for k, row in enumerate(rows)]


def test_the_head_line_names_the_joint_senders() -> None:
    lines = _head(
        [(70, "SPD-Fraktion"), (330, "CDU-Fraktion")],
        [(70, "An den Rat der Stadt Bonn")],
        [(70, "Gemeinsamer Antrag der Fraktionen SPD und CDU")],
        [(70, "Betreff: Sanierung der Sporthalle")],
    )
    found = joint_sender(lines, reader_vocabulary())
    assert found is not None and found[0] == "Fraktionen SPD und CDU"


def test_a_sender_line_wrapped_after_a_group_word_goes_on() -> None:
    lines = _head(
        [(70, "Fraktion Freie Wähler, CSU-Fraktion und Fraktion")],
        [(70, "Bündnis 90/Die Grünen")],
        [(70, "Antrag")],
    )
    found = joint_sender(lines, reader_vocabulary())
    assert found is not None and found[0] == "Fraktion Freie Wähler, CSU-Fraktion und Fraktion Bündnis 90/Die Grünen"


def test_letterheads_side_by_side_are_no_joint_naming() -> None:
    lines = _head([(70, "SPD-Fraktion und Gruppe Volt"), (330, "CDU-Fraktion")], [(70, "Antrag")])
    assert joint_sender(lines, reader_vocabulary()) is None


def test_an_address_to_several_factions_names_no_sender() -> None:
    lines = _head([(70, "An die Fraktionen SPD und CDU")], [(70, "Anfrage")])
    assert joint_sender(lines, reader_vocabulary()) is None


@pytest.mark.parametrize(
    ("cells", "marks"),
    [
        ([(70, "CSU"), (330, "CDU")], True),
        ([(70, "Bündnis 90/Die Grünen"), (250, "CSU"), (420, "Tierschutzpartei")], True),
        ([(70, "SP/JUSO"), (330, "GLP")], True),
        ([(70, "KPÖ-Gemeinderatsklub"), (330, "Klub der NEOS")], True),
        # Joint papers, seed 103, paper 3: a mark in its inflected form, taken for the title.
        ([(156, "GRÜNEN"), (400, "NEOS")], True),
        ([(70, "Sanierung der Sporthalle")], False),
        ([(70, "Betreff:"), (150, "Sanierung der Sporthalle")], False),
    ],
)
def test_parties_marks_side_by_side(cells: list[tuple[float, str]], marks: bool) -> None:
    assert party_marks(text_line(60, cells), reader_vocabulary()) is marks


@pytest.mark.parametrize("profile", ["generic", "letter"])
@pytest.mark.parametrize(
    "sender", ["SPÖ-Klub", "Gemeinderatsklub der NEOS", "Klub der Grünen", "KPÖ-Gemeinderatsklub und ÖVP-Klub"]
)
def test_an_austrian_klub_is_a_faction(profile: str, sender: str) -> None:
    found = bundled_profiles()[profile]
    assert found.originator_re.match(sender) and found.faction_re.search(sender)


@pytest.mark.parametrize("profile", ["generic", "letter"])
def test_a_sports_club_is_no_faction(profile: str) -> None:
    assert not bundled_profiles()[profile].faction_re.search("Sportklub Rapid")


@pytest.mark.parametrize("profile", ["generic", "letter"])
@pytest.mark.parametrize("label", ["Einbringer:", "Antragstellende:", "Einreichende:", "Urheber:"])
def test_the_submitters_label_gives_the_originator(profile: str, label: str) -> None:
    patterns = bundled_profiles()[profile].values["originator"]
    assert any(regex.match(p, f"{label} SPÖ-Klub und Klub der NEOS", regex.IGNORECASE) for p in patterns)


@pytest.mark.parametrize("profile", ["generic", "letter"])
def test_an_austrian_number_with_letters_and_slashes(profile: str) -> None:
    found = bundled_profiles()[profile].number_re.search("GZ: AN/2022/318")
    assert found is not None and found.group("number") == "AN/2022/318"


def test_a_town_with_its_river_in_brackets_is_part_of_the_body() -> None:
    found = reader_vocabulary().body_line_re.match("An den Stadtrat der Stadt Halle (Saale)")
    assert found is not None and found.group("body") == "Stadtrat der Stadt Halle (Saale)"


def _text_then(*rows: list[tuple[float, str]], gap: float = 20.0, between: float = 16.0) -> list[Line]:
    """A last line of text, then signature ``rows``: ``gap`` points below it, 12 apart within a
    block of two rows and ``between`` apart from one block to the next."""
    lines = [text_line(500, [(70, "Die Maßnahme ist erforderlich, weil die bisherigen Mittel nicht ausreichen.")])]
    top = 510 + gap
    for k, row in enumerate(rows):
        lines.append(text_line(top, row))
        top += 12 if k % 2 == 0 else 10 + between
    return lines


def test_signature_blocks_one_under_the_other_all_end_the_text() -> None:
    lines = _text_then(
        [(70, "Regula Günther")],
        [(70, "für die Fraktion CDU")],
        [(70, "gez. Andreas Vogel")],
        [(70, "Fraktionssprecherin CSU-Fraktion")],
        [(70, "gez. Stefan Schmidt")],
        [(70, "für die Fraktion SPD")],
        gap=14.0,
        between=10.0,
    )
    assert trailing_signature(lines) == 6


def test_names_side_by_side_are_a_signature() -> None:
    lines = _text_then([(70, "Dr. Anna Hoffmann"), (330, "Dr. Monika Müller")])
    assert trailing_signature(lines) == 1


def test_cosigners_after_their_label_are_part_of_the_signing() -> None:
    lines = _text_then(
        [(70, "Anna Keller"), (330, "Marc Huber")], [(70, "Mitunterzeichnende: Katrin Wagner, Sabine Weber")]
    )
    assert trailing_signature(lines) == 2


def test_a_sentence_after_the_text_is_no_signature() -> None:
    lines = _text_then([(70, "Wir bitten um Zustimmung zu diesem Antrag.")])
    assert trailing_signature(lines) == 0


def test_groups_signing_that_the_sender_does_not_name_are_named() -> None:
    # A joint paper whose groups stand in logos above and in the signatures below: read with the
    # first group alone as its sender, the others are named so that the originator is checked.
    text = [text_line(600, [(70, "Wir bitten um Zustimmung.")])]
    blocks = [
        text_line(650, [(70, "Anna Keller")]),
        text_line(664, [(70, "SPD-Fraktion")]),
        text_line(690, [(70, "Jens Schulz")]),
        text_line(704, [(70, "Fraktion DIE LINKE")]),
        text_line(730, [(70, "Gruppe Volt")]),
    ]
    vocab = reader_vocabulary()
    assert unnamed_signers([*text, *blocks], "SPD-Fraktion", vocab) == ["DIE LINKE", "Volt"]
    assert unnamed_signers([*text, *blocks], "SPD-Fraktion, Fraktion DIE LINKE und Gruppe Volt", vocab) == []
    # One group signing, or members with their parties, name no other sender.
    assert unnamed_signers([*text, *blocks[:2]], "Anna Keller", vocab) == []
    members = [text_line(650, [(70, "Beat Wagner (SVP)")]), text_line(664, [(70, "Anna Keller (GLP)")])]
    assert unnamed_signers([*text, *members], "Beat Wagner (SVP)", vocab) == []


def _signed_motion(signed: bool) -> Context:
    """A joint motion without salutation or closing formula: type, subject, its request and
    reasons, and (when ``signed``) the groups' signature blocks under a wide gap."""
    lines = [
        text_line(69, [(65, "Einreicher: Fraktion CDU, SPD-Fraktion")]),
        text_line(91, [(65, "Gemeinsamer Antrag")]),
        text_line(115, [(65, "Betr.:"), (97, "Barrierefreie Erschließung der Stadthalle")]),
        text_line(151, [(65, "Die antragstellenden Fraktionen beantragen:")]),
        text_line(168, [(65, "1)"), (87, "Die Mittel werden im Haushalt 2025 bereitgestellt.")]),
        text_line(280, [(65, "Für die Kunsthalle in der Lindenallee ist eine Brunnenanlage vorgesehen.")]),
        text_line(292, [(65, "Die Maßnahme ist erforderlich, da die Förderfrist im Herbst endet.")]),
    ]
    if signed:
        lines += [
            text_line(370, [(65, "Katrin Keller")]),
            text_line(382, [(65, "Fraktionsvorsitzender Fraktion CDU")]),
            text_line(403, [(65, "Stefan Bachmann")]),
            text_line(415, [(65, "Fraktionssprecher SPD-Fraktion")]),
        ]
    ctx = line_context(lines, "generic")
    ctx.set("document_type", "Antrag", [lines[1]])
    ctx.set("title", "Barrierefreie Erschließung der Stadthalle", [lines[2]])
    return ctx


def test_a_joint_paper_signed_without_a_closing_formula_has_a_body_after_its_head() -> None:
    # Regression (joint papers seed 13: papers 8, 11, 20, 22, 29): neither salutation nor closing,
    # the groups' signature blocks under the text; no body was read, and no justification.
    assert head_end(_signed_motion(signed=True)) == 2


def test_an_unsigned_paper_without_a_closing_formula_keeps_no_body() -> None:
    assert head_end(_signed_motion(signed=False)) is None
