"""A letter's opening sentence that only announces the paper ("... stellt die Fraktion folgende
Anfrage.") is not its justification (generic/opening.py); running text after the salutation is."""

from __future__ import annotations

from ratsdoc.extract.generic.opening import leading_announcement
from ratsdoc.extract.sections import extract_justification
from ratsdoc.profile import bundled_profiles

from .test_generic_reader import _ctx, line

TYPES = bundled_profiles()["letter"].document_types


def _letter(*body: str) -> list:
    lines = [line(100, "Anfrage: Radweg Nord", bold=True), line(130, "Sehr geehrter Herr Oberbürgermeister,")]
    top = 160.0
    for text in body:
        lines.append(line(top, text))
        top += 30  # a paragraph each
    lines.append(line(top + 20, "Mit freundlichen Grüßen"))
    return lines


def test_an_announcing_first_sentence_is_no_justification() -> None:
    # Regression (letter variant of the dev set): the announcement was read as the reasons.
    ctx = _ctx(_letter("zur Sitzung des Stadtrates am 19.02.2024 stellt die SPD-Fraktion folgende Anfrage."), "letter")
    extract_justification(ctx)
    assert ctx.fields.values["justification"] is None


def test_the_reasons_after_an_announcement_stay() -> None:
    ctx = _ctx(_letter("die SPD-Fraktion stellt folgenden Antrag:", "Der Radweg endet heute an der Brücke."), "letter")
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == "Der Radweg endet heute an der Brücke."


def test_a_first_paragraph_that_announces_points_not_the_paper_stays() -> None:
    text = "Der Seniorenbeirat bittet, bei der weiteren Planung folgende Punkte zu berücksichtigen:"
    assert leading_announcement([line(100, text)], TYPES, lambda a, b: True) == 0
    ctx = _ctx(_letter(text), "letter")
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == text


def test_an_announcement_over_two_lines_is_one_paragraph() -> None:
    lines = [line(100, "zur Sitzung des Stadtrates am 19.02.2024 stellt die"), line(114, "Fraktion folgenden Antrag.")]
    lines.append(line(150, "Der Radweg endet heute."))
    assert leading_announcement(lines, TYPES, lambda a, b: b.top - a.bottom > 8) == 2
    assert leading_announcement([], TYPES, lambda a, b: True) == 0


def test_an_announced_compound_of_a_type_is_an_announcement() -> None:
    # Seed-11 letter-request variant 3: "... folgenden Prüfantrag:" under the generic profile,
    # whose types name "Antrag" but not the compound; the announcement stayed in the reasons.
    generic = bundled_profiles()["generic"].document_types
    text = "die SPD-Fraktion stellt zur nächsten Sitzung des Ausschusses folgenden Prüfantrag:"
    assert leading_announcement([line(100, text)], generic, lambda a, b: True) == 1
    assert leading_announcement([line(100, "Wir legen folgenden Vertrag vor:")], generic, lambda a, b: True) == 0


def test_an_announcement_may_end_in_its_verbs_particle() -> None:
    # Citizens' papers of seed 5 (8, 29): "hiermit reiche ich ... folgenden Antrag ein." stayed in
    # the reasons; a verb's particle ("einreichen", "vorlegen") ends the sentence after the type.
    for text in (
        "hiermit reiche ich als Einwohnerin bzw. Einwohner der Stadt Münster folgenden Antrag ein.",
        "Die Fraktion legt zur Sitzung am 3. März folgende Anfrage vor:",
    ):
        assert leading_announcement([line(100, text)], TYPES, lambda a, b: True) == 1, text
    # A particle after something that is no type announces nothing.
    assert leading_announcement([line(100, "Wir reichen folgende Unterlagen ein.")], TYPES, lambda a, b: True) == 0
