"""ALLRIS and SessionNet prints on hand-built lines: the deciding body from the Beratungsfolge,
originator labels, "Anlagen: keine" and enumerated attachment names; end to end on fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.extract.attachments import extract_attachments
from ratsdoc.extract.consultations import extract_consultations
from ratsdoc.extract.cover import extract_cover
from ratsdoc.extract.sections import extract_justification
from ratsdoc.layout.lines import Line
from ratsdoc.profile import Profile, bundled_profiles
from ratsdoc.regions import provenance

from .conftest import FIXTURES, text_line
from .conftest import line_context as _context

SYSTEMS = ["allris", "sessionnet"]


def _variant(name: str, **update: object) -> Profile:
    """A bundled profile with some settings changed (validated afresh: no cached patterns)."""
    return Profile.model_validate({**bundled_profiles()[name].model_dump(), **update})


def _deciding(name: str) -> Profile:
    """A bundled profile that takes ``body`` from the deciding consultation."""
    return _variant(name, body_from_decision=True)


def _allris_consultations(roles: list[str]) -> list[Line]:
    """An ALLRIS Beratungsfolge: date, body and role on three lines per row."""
    lines = [text_line(200, [(60, "Beratungsfolge:")])]
    top = 215.0
    for number, role in enumerate(roles, start=1):
        lines.append(text_line(top, [(60, f"0{number}.03.2024")]))
        lines.append(text_line(top + 12, [(60, f"Gremium {chr(64 + number)}")]))
        lines.append(text_line(top + 24, [(60, role)]))
        top += 40
    return lines


# --- 1. the deciding body ---------------------------------------------------------------


def test_body_comes_from_the_last_deciding_consultation() -> None:
    lines = _allris_consultations(["Vorberatung", "Entscheidung (öffentlich)", "Kenntnisnahme"])
    ctx = _context(lines, _deciding("allris"))
    extract_consultations(ctx)
    extract_cover(ctx)
    # "Entscheidung (öffentlich)" is the role and the public state, with no body "( )" left over.
    assert [(c.body, c.public, c.role) for c in ctx.fields.values["consultations"]] == [
        ("Gremium A", None, "Vorberatung"),
        ("Gremium B", True, "Entscheidung"),
        ("Gremium C", None, "Kenntnisnahme"),
    ]
    assert ctx.fields.values["body"] == "Gremium B"
    # Provenance is the deciding row (date, body, role lines), not the whole table.
    assert ctx.fields.provenance["body"] == provenance(lines[4:7])


@pytest.mark.parametrize("role", ["Entscheidung", "Beschlussfassung", "beschließend"])
def test_every_decision_wording_names_the_body(role: str) -> None:
    lines = [
        text_line(200, [(60, "Beratungsfolge"), (300, "Datum"), (380, "Zuständigkeit")]),
        text_line(215, [(60, "Hauptausschuss"), (300, "04.03.2024"), (380, "Vorberatung")]),
        text_line(230, [(60, "Stadtrat"), (300, "18.03.2024"), (380, role)]),
    ]
    ctx = _context(lines, _deciding("sessionnet"))
    extract_consultations(ctx)
    extract_cover(ctx)
    assert ctx.fields.values["consultations"][1].role == role
    assert ctx.fields.values["body"] == "Stadtrat"
    assert ctx.fields.provenance["body"] == provenance(lines[2:3])


def test_no_deciding_row_leaves_body_empty() -> None:
    ctx = _context(_allris_consultations(["Vorberatung", "Kenntnisnahme"]), _deciding("allris"))
    extract_consultations(ctx)
    extract_cover(ctx)
    assert ctx.fields.values["body"] is None
    assert "body" not in ctx.fields.provenance


def test_a_body_on_the_cover_wins_over_the_deciding_row() -> None:
    profile = _variant("allris", body_from_decision=True, bodies=["Stadtrat"])
    lines = [text_line(100, [(400, "Stadtrat")]), *_allris_consultations(["Entscheidung"])]
    ctx = _context(lines, profile)
    extract_consultations(ctx)
    extract_cover(ctx)
    assert ctx.fields.values["body"] == "Stadtrat"
    assert ctx.fields.provenance["body"] == provenance(lines[:1])


@pytest.mark.parametrize("name", SYSTEMS)
def test_bundled_profiles_keep_body_for_the_cover(name: str) -> None:
    # The fixtures' goldens say `body` only for a body printed on the cover: off by default.
    ctx = _context(_allris_consultations(["Entscheidung"]), name)
    extract_consultations(ctx)
    extract_cover(ctx)
    assert ctx.fields.values["body"] is None


def test_end_to_end_the_deciding_body_of_an_allris_print(tmp_path: Path) -> None:
    # allris-24-0815-knotenpunkt: the Rat decides after two Vorberatungen; the cover names no body.
    source = (Path(ratsdoc.__file__).parent / "profiles" / "allris.toml").read_text(encoding="utf-8")
    profile = tmp_path / "allris.toml"
    profile.write_text(source.replace("min_score =", "body_from_decision = true\nmin_score =", 1), encoding="utf-8")
    pdf = FIXTURES / "allris-24-0815-knotenpunkt.pdf"
    doc = ratsdoc.parse(pdf, profile=str(profile))
    assert doc.consultations[-1].role == "Entscheidung"
    assert doc.body == "Rat der Hansestadt Lüneburg"
    assert [p.page for p in doc.provenance["body"]] == [1]
    assert ratsdoc.parse(pdf).body is None  # the bundled profile, as the golden says


# --- 2. originator labels ---------------------------------------------------------------


@pytest.mark.parametrize("name", SYSTEMS)
@pytest.mark.parametrize(
    ("label", "value", "faction"),
    [
        ("Einreicher:", "Fraktion DIE LINKE", "Fraktion DIE LINKE"),
        ("Antragsteller:", "SPD-Fraktion", "SPD-Fraktion"),
        ("Antragstellerin:", "Ortsteilrat Nord", None),
        ("Verfasser:", "Müller, Anna", None),
        ("Federführend:", "Amt für Verkehr", None),
    ],
)
def test_originator_labels(name: str, label: str, value: str, faction: str | None) -> None:
    lines = [text_line(100, [(60, "Betreff:"), (160, "Radweg Nord")]), text_line(115, [(60, label), (160, value)])]
    ctx = _context(lines, name)
    extract_cover(ctx)
    assert ctx.fields.values["originator"] == value
    assert ctx.fields.values["faction"] == faction
    assert ctx.fields.provenance["originator"] == provenance([(1, lines[1].tokens[1:])])


@pytest.mark.parametrize("name", SYSTEMS)
def test_the_lead_department_wins_over_the_author(name: str) -> None:
    # "Federführend:" is the unit that submits the paper; "Verfasser:" the person who wrote
    # it, even when that line comes first.
    lines = [
        text_line(100, [(60, "Verfasser:"), (160, "Müller, Anna")]),
        text_line(115, [(60, "Federführend:"), (160, "Amt für Verkehr")]),
    ]
    ctx = _context(lines, name)
    extract_cover(ctx)
    assert ctx.fields.values["originator"] == "Amt für Verkehr"


# --- 3. no attachments --------------------------------------------------------------------


@pytest.mark.parametrize("name", SYSTEMS)
@pytest.mark.parametrize(
    "cells",
    [
        [(60, "Anlage/n:"), (160, "keine")],
        [(60, "Anlagen:"), (160, "entfällt")],
        [(60, "Anlagen:"), (160, "-")],
        [(60, "Anlagen: keine.")],
        [(60, "Anlage:"), (160, "–")],
    ],
)
def test_anlagen_keine_is_an_empty_list(name: str, cells: list[tuple[float, str]]) -> None:
    lines = [
        text_line(100, [(60, "Sachverhalt:")]),
        text_line(115, [(60, "Der Radweg wird gebaut.")]),
        text_line(140, cells),
    ]
    ctx = _context(lines, name)
    extract_attachments(ctx)
    extract_justification(ctx)
    assert ctx.fields.values["attachments"] == []
    assert ctx.fields.provenance["attachments"] == provenance(lines[2:])
    assert ctx.fields.values["justification"] == "Der Radweg wird gebaut."


@pytest.mark.parametrize("name", SYSTEMS)
def test_keine_on_the_line_under_the_label(name: str) -> None:
    lines = [text_line(100, [(60, "Anlagen")]), text_line(115, [(60, "keine")])]
    ctx = _context(lines, name)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == []


def test_an_attachment_named_after_none_is_kept() -> None:
    # Only the whole value says "none": "Keine Einwände der Träger" is a name.
    lines = [text_line(100, [(60, "Anlage/n:")]), text_line(115, [(60, "Keine Einwände der Träger")])]
    ctx = _context(lines, "allris")
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Keine Einwände der Träger"]


# --- 4. enumeration prefixes --------------------------------------------------------------


@pytest.mark.parametrize("name", SYSTEMS)
def test_enumeration_prefixes_are_removed_from_attachment_names(name: str) -> None:
    items = [
        "1. Lageplan",
        "2) Kostenschätzung",
        "(3) Gutachten",
        "a) Satzung",
        "b) synopse",
        "- Stellungnahme",
        "• Fotos",
        "– 1. Protokoll",
        "2024 Haushaltsplan",
        "10 Jahre Stadtbahn",
        "3D-Modell",
        "1.5 km Radweg",
    ]
    lines = [text_line(100, [(60, "Anlage/n:")])]
    lines += [text_line(115 + 12 * i, [(60, item)]) for i, item in enumerate(items)]
    ctx = _context(lines, name)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == [
        "Lageplan",
        "Kostenschätzung",
        "Gutachten",
        "Satzung",
        "synopse",
        "Stellungnahme",
        "Fotos",
        "Protokoll",
        "2024 Haushaltsplan",
        "10 Jahre Stadtbahn",
        "3D-Modell",
        "1.5 km Radweg",
    ]


def test_a_wrapped_name_still_joins_its_first_line() -> None:
    lines = [
        text_line(100, [(60, "Anlage/n:")]),
        text_line(115, [(60, "1. Lageplan mit")]),
        text_line(127, [(60, "den Varianten")]),
        text_line(139, [(60, "2. Kosten")]),
    ]
    ctx = _context(lines, "allris")
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Lageplan mit den Varianten", "Kosten"]


def test_the_anlage_number_is_a_prefix_only_where_a_profile_says_so() -> None:
    # The bundled profiles keep "Anlage 1: Lageplan" as printed (the goldens' convention);
    # a profile that lists the pattern drops it.
    lines = [text_line(100, [(60, "Anlage/n:")]), text_line(115, [(60, "Anlage 1: Lageplan")])]
    ctx = _context(lines, "allris")
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Anlage 1: Lageplan"]
    prefixes = bundled_profiles()["allris"].attachment_prefixes
    stripping = _variant("allris", attachment_prefixes=[*prefixes, r"Anlage\s*\d+\s*[:–-]\s*"])
    ctx = _context(lines, stripping)
    extract_attachments(ctx)
    assert ctx.fields.values["attachments"] == ["Lageplan"]


def test_end_to_end_anlage_numbers_as_prefixes(tmp_path: Path) -> None:
    # allris-24-0417-kita lists "Anlage 1: Lageplan" ...; the golden keeps them as printed.
    source = (Path(ratsdoc.__file__).parent / "profiles" / "allris.toml").read_text(encoding="utf-8")
    extra = "attachment_prefixes = ['[-–—•▪·*]\\s*', '\\(?\\d{1,2}[.)]\\s+', 'Anlage\\s*\\d+\\s*:\\s*']\n"
    profile = tmp_path / "allris.toml"
    profile.write_text(source.replace("min_score =", extra + "min_score =", 1), encoding="utf-8")
    pdf = FIXTURES / "allris-24-0417-kita.pdf"
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    assert ratsdoc.parse(pdf).attachments == golden["attachments"]
    assert ratsdoc.parse(pdf, profile=str(profile)).attachments == [
        name.split(": ", 1)[1] for name in golden["attachments"]
    ]
