"""Titles spelled back (extract/ocr_mend.py): a word of a title or an agenda item that OCR
misread is set back where the word list leaves exactly one reading, and named in a warning;
names, abbreviations, two-way slips and born-digital text stay as read."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from ratsdoc.extract.context import Context
from ratsdoc.extract.ocr_mend import spell_back_titles, spelled_value
from ratsdoc.extract.ocr_spelling import spelled_back
from ratsdoc.issues import IssueCode
from ratsdoc.meeting_models import AgendaItem
from ratsdoc.models import BBox, Provenance
from ratsdoc.ocr.lexicon import lexicon
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

from .conftest import FIXTURES

WORDS = lexicon()
pytestmark = pytest.mark.skipif(WORDS is None, reason="needs the ocr extra (pyspellchecker)")
ROOT = Path(__file__).resolve().parent.parent
WHERE = [Provenance(page=1, bbox=BBox(x0=70, top=100, x1=400, bottom=112))]


def _words() -> frozenset[str]:
    assert WORDS is not None
    return WORDS


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        # dots lost on a worn copy
        (
            "Eroffnung der Sitzung und Feststellung der Tagesordnung",
            "Eröffnung der Sitzung und Feststellung der Tagesordnung",
        ),
        ("Mietvertrag Burgerhaus", "Mietvertrag Bürgerhaus"),
        (
            "Satzung uber die Erhebung von Gebühren fur die Benutzung",
            "Satzung über die Erhebung von Gebühren für die Benutzung",
        ),
        # one look-alike slip into a listed word
        ("Zuschuss für die Emeuerung des Kunstrasenplatzes", "Zuschuss für die Erneuerung des Kunstrasenplatzes"),
        ("Jahresbencht des Klimaschutzmanagements", "Jahresbericht des Klimaschutzmanagements"),
        ("Modernisierung nach dem Beschiuss vom 02.11.2023", "Modernisierung nach dem Beschluss vom 02.11.2023"),
        # a word cut in two, a small word glued to the next
        (
            "Fortschreibung des Integrierten Stadtentw icklungskonzeptes fur den Sozialraum Ost",
            "Fortschreibung des Integrierten Stadtentwicklungskonzeptes für den Sozialraum Ost",
        ),
        ("Haushaltssatzung und Haushaltsplan für dasJahr 2025", "Haushaltssatzung und Haushaltsplan für das Jahr 2025"),
    ],
)
def test_misread_words_are_spelled_back(read: str, printed: str) -> None:
    value, mended = spelled_value(read, _words(), Counter())
    assert value == printed and mended


@pytest.mark.parametrize(
    "value",
    [
        'Bebauungsplan Nr. 87 "Wohngebiet Am Ettersberg" – Aufstellungsbeschluss',  # a name one slip from a compound
        "Felderpfade - Hr. Weller",  # a name one slip from a listed word ("Weiler")
        "Neubau eirer Sporthalle",  # two readings ("einer", "eifer"): no reading
        "Antrag der SPD und der AfD zum Ortsteil Daberstedt",
        "Sanierung der Mitte1 Schule",
        "Instandsetzung der Musikschule",
        "Interpellation von Frank Soldan vom 30. März 2024",  # a name is no small word run on ("Sold an")
        "Antrag zur Umwidmung des Weges",  # a word the list lacks is not cut ("Um widmung")
        "Bürgerinnen und BürgerInnen, McDonald im Rahmen",  # a capital inside a name or a gender form
    ],
)
def test_names_abbreviations_and_doubtful_words_stay(value: str) -> None:
    assert spelled_value(value, _words(), Counter()) == (value, [])


def test_a_word_printed_so_elsewhere_is_a_name_unless_only_dots_are_lost() -> None:
    seen = Counter({"Jahresbencht": 3, "Muhlgraben": 3})
    assert spelled_value("Jahresbencht 2024", _words(), seen)[1] == []
    assert spelled_value("Schule am Muhlgraben", _words(), seen)[0] == "Schule am Mühlgraben"


def test_spelled_back_wants_one_reading() -> None:
    assert spelled_back("eroffnung", _words()) == "eröffnung"
    assert spelled_back("fur", _words()) == "für"
    assert spelled_back("weller", _words()) is None
    assert spelled_back("gemeinderat", _words()) is None  # German as read


def _context(*, ocr: bool) -> Context:
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=[], ocr_pages=[1] if ocr else [])
    ctx = Context(layout=layout, profile=bundled_profiles()["generic"])
    ctx.fields.values["title"] = "Eroffnung der Sitzung"
    ctx.fields.provenance["title"] = WHERE
    items = [AgendaItem(number="1", title="Mietvertrag Burgerhaus", decision="Der Rat stimmt dem Beschiuss zu.")]
    ctx.fields.values["agenda_items"] = items
    ctx.fields.items["agenda_items[0]"] = WHERE
    return ctx


def test_the_step_mends_title_and_items_and_warns_on_each_field() -> None:
    ctx = _context(ocr=True)
    spell_back_titles(ctx)
    assert ctx.fields.values["title"] == "Eröffnung der Sitzung"
    item = ctx.fields.values["agenda_items"][0]
    assert (item.title, item.decision) == ("Mietvertrag Bürgerhaus", "Der Rat stimmt dem Beschluss zu.")
    warned = {i.field: i.message for i in ctx.fields.warnings if i.code is IssueCode.VALUE_UNCERTAIN}
    assert "'Eroffnung' as 'Eröffnung'" in warned["title"]
    assert "agenda item 1" in warned["agenda_items"] and "'Beschiuss' as 'Beschluss'" in warned["agenda_items"]


def test_born_digital_text_is_never_mended() -> None:
    ctx = _context(ocr=False)
    spell_back_titles(ctx)
    assert ctx.fields.values["title"] == "Eroffnung der Sitzung" and not ctx.fields.warnings


def _right_texts() -> list[str]:
    """Titles and agenda item texts as printed, from the hand-written goldens of the fixtures and
    of the real dev half."""
    texts: set[str] = set()
    roots = [
        FIXTURES,
        ROOT / "eval" / "real" / "erlangen-sbr-buechenbach",
        ROOT / "eval" / "real" / "hamburg-wandsbek-fdp",
    ]
    for root in roots:
        for path in root.rglob("*.json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                continue
            if isinstance(data.get("title"), str):
                texts.add(data["title"])
            for item in data.get("agenda_items") or []:
                texts.update(item[k] for k in ("title", "decision") if isinstance(item.get(k), str))
    return sorted(texts)


def test_no_printed_title_of_the_goldens_is_changed() -> None:
    texts = _right_texts()
    assert len(texts) > 150
    changed = {text: mended for text in texts if (mended := spelled_value(text, _words(), Counter())[1])}
    assert changed == {}
