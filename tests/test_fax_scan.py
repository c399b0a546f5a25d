"""Papers received by fax (the ``fax-scan`` family of scripts/generate_variants.py): the golden is
the faxed letter's own, the fax's transmission lines are page furniture whose times are never the
paper's date, and the pages are black and white at a fax's resolution (no OCR here but in one
small case: that is slow)."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pytest

from ratsdoc.extract.context import Fields
from ratsdoc.extract.fax_cover import is_cover_sheet, pages_as_filed, without_cover_sheet
from ratsdoc.extract.fax_lines import is_fax_line
from ratsdoc.extract.generic.heading import heading_title
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.ocr_noise import first_item_numbered
from ratsdoc.extract.scan_datelines import dateline_date, placed_date
from ratsdoc.issues import Issue, IssueCode
from ratsdoc.layout.lines import Line, Token
from ratsdoc.models import BBox, Provenance, ResolutionItem
from ratsdoc.regions import Layout, PageInfo

from .conftest import load_script, text_line

Image = pytest.importorskip("PIL.Image")
np = pytest.importorskip("numpy")
pytest.importorskip("pypdfium2", reason="the scan builders need pypdfium2")


def test_the_golden_is_the_faxed_letters_own(tmp_path: Path) -> None:
    variants = load_script("generate_variants")
    fax_scan = sys.modules["fax_scan"]
    build = {named.name: named.build for named in variants.NAMED_FAMILIES}["fax-scan"]
    builders = (
        variants.letter,
        variants.letter_request,
        variants.office_letter,
        sys.modules["variant_letters"].letter_dach,
    )
    try:
        for seed in ("5/fax-scan/3", "7/fax-scan/11"):
            goldens, scans = [], []
            for name in ("a", "b"):
                out = tmp_path / f"{name}.pdf"
                goldens.append(build(random.Random(seed), out))
                scans.append(out.read_bytes())
            assert goldens[0] == goldens[1] and scans[0] == scans[1]
            rng = random.Random(seed)
            born = builders[rng.randrange(len(builders))](rng, tmp_path / "born.pdf")
            assert {k: v for k, v in goldens[0].items() if k != "page_count"} == {
                k: v for k, v in born.items() if k != "page_count"
            }
            # A cover sheet adds a page; nothing else does.
            assert goldens[0]["page_count"] - born["page_count"] in (0, 1)
    finally:
        variants.ff.default_faces()
    assert fax_scan.FAX_DPI == 200


def test_fax_times_are_never_before_the_paper_and_the_lines_are_a_machines() -> None:
    fax_scan = load_script("fax_scan")
    rng = random.Random(12)
    for _ in range(300):
        paper = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2000))
        fax = fax_scan.draw_fax(rng, "SPD-Fraktion im Rat der Stadt Köln", paper)
        assert 0 <= (fax.sent - paper).days <= 6  # four days, then the next weekday
        for page in (1, 2):
            header = fax.header.format(page=page, pages=2)
            assert is_fax_line(header), header
            if fax.received is not None:
                received = fax.received.format(page=page, pages=2)
                assert is_fax_line(received), received


def test_a_standard_resolution_page_is_black_and_white_in_row_pairs() -> None:
    fax_scan = load_script("fax_scan")
    page = Image.new("L", (1654, 2339), 255)
    page.paste(0, (300, 600, 1300, 640))
    fax = fax_scan.Fax(
        "12.03.2024 14:12  FAX 0221 123456  SPD  S. {page}/{pages}",
        None,
        True,
        False,
        150,
        dt.date(2024, 3, 12),
        "SPD",
        "0221 123456",
    )
    image, angle = fax_scan._fax_page(page, fax, 1, 2, random.Random(4), np.random.default_rng(4))
    pixels = np.asarray(image)
    assert set(np.unique(pixels).tolist()) <= {0, 255}
    assert abs(angle) <= 1.2
    # 100 lines an inch: each sent line is printed twice.
    same_as_above = (pixels[1:] == pixels[:-1]).all(axis=1)
    twin = np.zeros(len(pixels), dtype=bool)
    twin[1:] |= same_as_above
    twin[:-1] |= same_as_above
    assert twin.all()
    # The transmission line stands at the very top.
    ink_rows = (pixels[:200] == 0).sum(axis=1).nonzero()[0]
    assert ink_rows.size and ink_rows.min() < 40


@pytest.mark.parametrize(
    "text",
    [
        "03.03.22 12:16  0211 4933305  SPD  Seite 001",  # a padded page number, no machine word
        "Empfangen: 31-MAI-2023 18:24 MI",  # the receiving machine's line
        "Empfangszeit MAR-26-2024 15:20 5.1",
        "RX OCT-31-2022 19:57  Seite 001",
        "26“.MR2»2024 13:18 DI 0911 3392137 Fraktion rrö 8. 1/2",  # the machine's word misread
        "15.04.75 08:36 Ss. 01/01",  # the counter's "S" read twice, the sender taken as a mark
    ],
)
def test_transmission_lines_without_the_machines_word_are_a_faxs(text: str) -> None:
    assert is_fax_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tel. 0221 123456 Sprechzeiten 8:00 bis 12:00",
        "Köln, 12.03.2024",
        "Sitzung am 12.03.2024 um 17:00 Uhr, Seite 2/3",
        "Empfang der Delegation am 12.03.2024",
    ],
)
def test_a_papers_own_lines_are_no_transmission_lines(text: str) -> None:
    assert not is_fax_line(text)


def _cover_and_letter() -> Layout:
    cover = [
        text_line(60, [(70, "Telefax")]),
        text_line(130, [(70, "An:"), (160, "Ratsbüro")]),
        text_line(160, [(70, "Fax-Nr.:"), (160, "0221 4312136")]),
        text_line(190, [(70, "Von:"), (160, "SPD-Fraktion")]),
        text_line(245, [(70, "Datum:"), (160, "26.03.2024")]),
        text_line(273, [(70, "Seiten!"), (160, "2")]),  # the colon read as "!"
        text_line(300, [(70, "Betreff:"), (160, "Unser Schreiben vom 26.03.2024")]),
    ]
    letter = [
        text_line(60, [(70, "SPD-Fraktion im Rat der Stadt Köln")], page=2),
        text_line(90, [(70, "Köln, den 22.03.2024")], page=2),
        text_line(130, [(70, "Neubau der Kunsthalle am Stadtpark")], page=2),
    ]
    pages = [PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)]
    return Layout(pages=pages, lines=cover + letter, ocr_pages=[1, 2])


def test_a_fax_cover_sheet_is_left_out_and_the_paper_read_from_the_next_page() -> None:
    layout = _cover_and_letter()
    assert is_cover_sheet([line for line in layout.lines if line.page == 1])
    paper, skipped = without_cover_sheet(layout)
    assert skipped == 1
    assert [page.number for page in paper.pages] == [1] and paper.ocr_pages == [1]
    assert (paper.lines[0].page, paper.lines[0].text) == (1, "SPD-Fraktion im Rat der Stadt Köln")
    assert len(layout.lines) == 10 and layout.lines[-1].page == 2  # the file's layout stays as it was
    fields = Fields(
        provenance={"title": [Provenance(page=1, bbox=BBox(x0=70, top=130, x1=300, bottom=140))]},
        warnings=[Issue(IssueCode.OCR_APPLIED, "page 1 was OCRed", page=1)],
    )
    pages_as_filed(fields, skipped)
    assert fields.provenance["title"][0].page == 2 and fields.warnings[0].page == 2


def test_a_papers_head_with_subject_and_date_is_no_cover_sheet() -> None:
    head = [
        text_line(60, [(70, "Stadt Köln")]),
        text_line(100, [(70, "An:"), (160, "Ausschuss für Umwelt")]),
        text_line(120, [(70, "Datum:"), (160, "26.03.2024")]),
        text_line(140, [(70, "Betreff:"), (160, "Seiten des Hauptbahnhofs")]),
        text_line(160, [(70, "Fax:"), (160, "0221 221-2222")]),
    ]
    assert not is_cover_sheet(head)
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0), PageInfo(2, 595.0, 842.0)], lines=head)
    assert without_cover_sheet(layout) == (layout, 0)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("‘Graz, 11.07.2022", dt.date(2022, 7, 11)),  # a speck before the place
        ("Bielefeld, den.31. März 2025", dt.date(2025, 3, 31)),  # a speck after "den"
    ],
)
def test_a_datelines_specks_are_left_out(text: str, day: dt.date) -> None:
    assert placed_date(text) == day
    assert dateline_date(text) == day


def _scanned_line(top: float, text: str, size: float) -> Line:
    """A line as OCR gives it: every word the height of the line's band."""
    tokens, x = [], 71.0
    for word in text.split():
        tokens.append(Token(word, x, top, x + 0.5 * size * len(word), top + size, size))
        x += 0.5 * size * len(word) + 3
    return Line(1, tokens)


def test_a_scanned_titles_line_without_descenders_goes_on_with_it() -> None:
    # OCR measures a line by its band: "Beschluss vom 25.08.2023" has nothing below the baseline
    # and measures 9.1 where the line above, in the same type, measures 12.
    lines = [
        _scanned_line(40, "KPÖ-Fraktion im Gemeinderat Innsbruck", 10.4),
        _scanned_line(60, "Rathausplatz 2 6020 Innsbruck", 8.2),
        _scanned_line(106, "Datum: 25.07.2023", 10.2),
        _scanned_line(124, "An den Gemeinderat", 10.4),
        _scanned_line(168, "Dringlichkeitsantrag", 10.1),
        _scanned_line(183, "Energetische Sanierung der Gemeinschaftsschule am Lessingplatz nach dem", 12.0),
        _scanned_line(199, "Beschluss vom 25.08.2023", 9.1),
        _scanned_line(228, "Beschlussentwurf:", 7.4),
        _scanned_line(244, "1) Die Mittel für die Grundschule werden im Haushalt 2024 bereitgestellt.", 10.4),
        _scanned_line(260, "2) Die Verwaltung wird beauftragt, für die Sporthalle zu prüfen:", 10.4),
        _scanned_line(274, "a) die Baumpflanzung am Kastanienweg, die Regenrückhaltebecken", 10.4),
    ]
    found = heading_title(lines, 842.0, reader_vocabulary(), scanned=True)
    assert found is not None
    assert (
        found[0] == "Energetische Sanierung der Gemeinschaftsschule am Lessingplatz nach dem Beschluss vom 25.08.2023"
    )
    # A name alone without descenders is no larger for it.
    alone = [*lines[:5], _scanned_line(183, "Beat Hoffmann", 9.6), *lines[7:]]
    found = heading_title(alone, 842.0, reader_vocabulary(), scanned=True)
    assert found is None or found[0] != "Beat Hoffmann"


def test_a_first_items_number_one_read_as_a_letter_is_one() -> None:
    one = [ResolutionItem(number="l", text="Wann wird die Anregung vorgelegt?")]
    assert first_item_numbered(one)[0].number == "1"
    counted = [ResolutionItem(number="I", text="Erstens."), ResolutionItem(number="2", text="Zweitens.")]
    assert [item.number for item in first_item_numbered(counted)] == ["1", "2"]
    # A lettered list goes on with "m": its "l" is a letter.
    lettered = [ResolutionItem(number="l", text="Elftens."), ResolutionItem(number="m", text="Zwölftens.")]
    assert first_item_numbered(lettered) == lettered


def test_an_office_letters_sender_under_a_fax_line_is_the_office() -> None:
    from ratsdoc.extract.context import Context
    from ratsdoc.extract.cover import extract_cover
    from ratsdoc.extract.fax_lines import mark_fax_lines
    from ratsdoc.furniture import mark_furniture
    from ratsdoc.profile import bundled_profiles

    from .test_office_letter import line, office_letter

    lines = [line(2, "30.08.2024 14:13 0911 6020049 26 P.01/01", size=9.0), *office_letter()]
    pages = [PageInfo(1, 595.0, 842.0)]
    mark_furniture(lines, pages)
    layout = Layout(pages=pages, lines=lines)
    mark_fax_lines(layout)
    assert lines[0].furniture
    ctx = Context(layout=layout, profile=bundled_profiles()["generic"])
    extract_cover(ctx)
    assert ctx.fields.values["originator"] == "14"
