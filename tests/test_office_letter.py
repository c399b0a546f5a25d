"""The head of a letter between offices (Schreiben einer Dienststelle) on hand-built lines: the
subject block over its "hier:" line as one title, the type "Brief" of a letter that names none,
the date of the information block beside the receiver, and the sender office heading page 1."""

from __future__ import annotations

import datetime as dt

from ratsdoc.extract.context import Context
from ratsdoc.extract.cover import extract_cover
from ratsdoc.extract.generic.heading import subject_title
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.sections import extract_justification
from ratsdoc.furniture import mark_furniture
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line, Token
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo

VOCAB = reader_vocabulary()


def line(top: float, text: str, *, x: float = 70.0, size: float = 11.0, bold: bool = False) -> Line:
    """A line of words at ``top`` on page 1: 0.5 x size per letter, gaps of a third of the size."""
    tokens = []
    for word in text.split():
        width = 0.5 * size * len(word)
        tokens.append(Token(word, x, top, x + width, top + size, size, bold=bold))
        x += width + size / 3
    return Line(1, tokens)


def office_letter(
    *, date: str = "Datum: 16.06.2008", salutation: bool = False, head: tuple[str, ...] = ("14", "142")
) -> list[Line]:
    """An audit office's letter to another office: office numbers as head, the receiver with
    the information block beside it, a bold subject block with a hyphenated word, a case
    reference and its "hier:" line, a body citing another date; no closing."""
    lines = [line(40 + 16 * k, text, bold=not k) for k, text in enumerate(head)]
    lines += [
        line(130, "44"),
        line(130, "Ihr Schreiben vom 05.06.2008", x=360),
        line(144, "Mein Zeichen: 142/41/17/08", x=360),
        line(158, date, x=360),
        line(200, "Kauf eines Schleppers mit Mulcher (voraus-", bold=True),
        line(214, "sichtliche Kosten ca. 150.000,00 €)", bold=True),
        line(228, "hier: Bedarfsprüfung (141/41/17/08)", bold=True),
    ]
    if salutation:
        lines.append(line(260, "Sehr geehrte Damen und Herren,"))
    lines += [
        line(280, "Mit Schreiben vom 05.06.2008 haben Sie die Unterlagen zur Prüfung vorgelegt. Die"),
        line(294, "Kosten sind im Haushalt veranschlagt."),
    ]
    return lines


def _read(lines: list[Line], profile: str = "generic", *, ocr: bool = False) -> Context:
    """The cover fields of ``lines`` read with ``profile`` (as OCR text with ``ocr``), furniture
    marked first."""
    mark_furniture(lines, [PageInfo(1, 595.0, 842.0)])
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1] if ocr else [])
    ctx = Context(layout=layout, profile=bundled_profiles()[profile])
    extract_cover(ctx)
    return ctx


TITLE = (
    "Kauf eines Schleppers mit Mulcher (voraussichtliche Kosten ca. 150.000,00 €) hier: Bedarfsprüfung (141/41/17/08)"
)


def test_subject_block_and_its_refinement_are_one_title() -> None:
    # Regression: only the text after "hier:" was the title.
    ctx = _read(office_letter())
    assert ctx.fields.values["title"] == TITLE


def test_subject_with_a_label_goes_on_with_its_refinement_line() -> None:
    # Regression: the "hier:" line under "Betreff: ..." ended the subject as a new label.
    lines = [
        line(200, "Betreff: Erneuerung der Heizungsanlage", bold=True),
        line(214, "im Rathaus", x=120, bold=True),
        line(228, "hier: Vergabevorschlag", x=120, bold=True),
        line(260, "Sehr geehrte Damen und Herren,"),
    ]
    found = subject_title(lines, VOCAB)
    assert found is not None
    assert found[0][0] == "Erneuerung der Heizungsanlage im Rathaus hier: Vergabevorschlag"
    ctx = _read([line(40, "Amt für Verkehr", bold=True), line(130, "Bonn, 03.02.2024", x=360), *lines], "letter")
    assert ctx.fields.values["title"] == "Erneuerung der Heizungsanlage im Rathaus hier: Vergabevorschlag"


def test_a_type_line_over_the_refinement_is_no_part_of_the_title() -> None:
    lines = [
        line(200, "Anfrage nach § 3 GeschO", bold=True),
        line(214, "hier: Erweiterung der Stadthalle", bold=True),
        line(250, "Sehr geehrte Damen und Herren,"),
    ]
    found = subject_title(lines, VOCAB)
    assert found is not None and found[0][0] == "Erweiterung der Stadthalle"


def test_a_letter_naming_no_type_is_a_brief() -> None:
    # Regression: without a salutation the paper read with the generic profile had no type.
    assert _read(office_letter()).fields.values["document_type"] == "Brief"
    assert _read(office_letter(salutation=True)).fields.values["document_type"] == "Brief"


def test_the_date_of_the_information_block_not_the_cited_ones() -> None:
    # Regression: where the layout ran two lines of the information block into one segment
    # ("Ihr Schreiben vom 05.06.2008 Datum: 16.06.2008") no date was read; the "vom" dates of
    # the block and of the body are cited ones.
    ctx = _read(office_letter())
    assert ctx.fields.values["date"] == dt.date(2008, 6, 16)
    run_together = _read(office_letter(date="Ihr Schreiben vom 05.06.2008 Datum: 16.06.2008"))
    assert run_together.fields.values["date"] == dt.date(2008, 6, 16)
    assert _read(office_letter(date="Telefon: 221-22312 Datum: 16.06.2008")).fields.values["date"] == dt.date(
        2008, 6, 16
    )
    placed = _read(office_letter(date="Köln, 16.06.2008"))
    assert placed.fields.values["date"] == dt.date(2008, 6, 16)


def test_a_day_written_in_by_hand_apart_from_the_print() -> None:
    ctx = _read(office_letter(date="Datum: 16 .06.2008"))
    assert ctx.fields.values["date"] == dt.date(2008, 6, 16)


def test_a_date_without_a_readable_day_is_warned_about() -> None:
    ctx = _read(office_letter(date="Datum: .06.2008"))
    assert ctx.fields.values["date"] is None
    assert any(w.code is IssueCode.DATE_UNREADABLE and w.field == "date" for w in ctx.fields.warnings)


def test_the_sender_office_heads_the_letter_not_the_receiver() -> None:
    # Regression: the bare "14" at the top was taken for a page number, and the receiver "44"
    # or the office name under the numbers became the originator.
    assert _read(office_letter()).fields.values["originator"] == "14"
    named = _read(office_letter(head=("14", "142", "Rechnungsprüfungsamt")), "letter")
    assert named.fields.values["originator"] == "14"
    assert _read(office_letter(head=("Rechnungsprüfungsamt",))).fields.values["originator"] == "Rechnungsprüfungsamt"


def test_a_page_number_one_is_no_sender_office() -> None:
    assert _read(office_letter(head=("1",))).fields.values["originator"] != "1"


def test_a_subject_may_name_the_rathaus() -> None:
    # Regression: "Rathaus" anywhere made a bold subject a letterhead line, and no title was read.
    lines = [
        line(40, "Gebäudewirtschaft", bold=True),
        line(130, "Historisches Archiv"),
        line(144, "Datum: 21.07.2025", x=360),
        line(190, "Erneuerung der Heizungsanlage im Rathaus", bold=True),
        line(204, "(379/18/64/25)", bold=True),
        line(240, "Auf die Besprechung vom 02.07.2025 wird Bezug genommen, die Arbeiten beginnen bald."),
    ]
    assert _read(lines).fields.values["title"] == "Erneuerung der Heizungsanlage im Rathaus (379/18/64/25)"


def test_the_body_of_a_letter_without_salutation_or_closing() -> None:
    # Regression: without a closing formula the body after the head was not read at all.
    ctx = _read(office_letter())
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == (
        "Mit Schreiben vom 05.06.2008 haben Sie die Unterlagen zur Prüfung vorgelegt. Die "
        "Kosten sind im Haushalt veranschlagt."
    )


def test_a_cited_or_stamped_date_on_a_scan_is_not_the_letters() -> None:
    # Regression: on a scan whose "Datum:" was misread, "Ihr Schreiben vom 30.07.2022" passed
    # for a dateline, and so did an intake stamp's "12. OKT 2021"; the date is then missing
    # (and warned about), never another one.
    misread = office_letter(date="Datyp; 12.09.2092")
    misread[3] = line(144, "Ihr Schreiben vom 30.07.2022", x=360)
    ctx = _read(misread, ocr=True)
    assert ctx.fields.values["date"] is None
    stamped = office_letter(date="Datyp; 12.09.2092")
    stamped.insert(6, line(175, "12. OKT 2021", x=400))
    assert _read(stamped, ocr=True).fields.values["date"] is None


def test_subject_block_of_a_scan_without_emphasis_is_a_weak_title() -> None:
    # Regression: OCR tells no bold, so a scanned office letter's subject without "hier:" gave no
    # title; the block under the information block is taken, as a guess that is warned about.
    lines = [
        line(40, "Tiefbauamt"),
        line(56, "66/31"),
        line(110, "Gebäudewirtschaft"),
        line(110, "Datum: 27.05.2025", x=360),
        line(124, "Herrn Becker"),
        line(170, "Neubau einer Brücke über den Mühlenbach"),
        line(184, "(15/70/52/25)"),
        line(212, "Sehr geehrte Damen und Herren,"),
        line(236, "Mit Schreiben vom 08.04.2025 haben Sie die Unterlagen zur Prüfung vorgelegt. Die"),
        line(250, "Maßnahme ist erforderlich, weil der bauliche Zustand keinen Aufschub zulässt."),
    ]
    ctx = _read(lines, ocr=True)
    assert ctx.fields.values["title"] == "Neubau einer Brücke über den Mühlenbach (15/70/52/25)"
    assert "title" in ctx.fields.basis
    assert _read([Line(1, ln.tokens) for ln in lines]).fields.values["title"] is None  # born-digital: bold decides


def test_a_date_after_eingang_gives_way_to_the_dateline() -> None:
    # The intake box's "Eingang: 21.07.2020" is a cited date: the paper's own date is the
    # dateline standing alone below it, even where both are the same day.
    def row(top: float, *parts: tuple[float, str]) -> Line:
        return Line(1, [token for x, text in parts for token in line(top, text, x=x).tokens])

    lines = [
        line(195, "CSU-Stadtratsfraktion Erlangen, Rathausplatz 1, 91052 Erlangen"),
        line(206, "Herrn Oberbürgermeister"),
        row(233, (70, "Rathaus"), (300, "Eingang:"), (380, "21.07.2020")),
        row(245, (70, "91052 Erlangen"), (300, "Antragsnr.:"), (380, "151/2020")),
        line(287, "21. Juli 2020/AB", x=430),
        line(308, "Antrag", bold=True),
        line(324, "hier: Odenwaldallee öffentliche Flächen", bold=True),
        line(364, "Sehr geehrter Herr Oberbürgermeister,"),
        line(380, "die Diskussion hat gezeigt, dass die Gestaltung der Flächen wichtig ist."),
    ]
    ctx = _read(lines, "letter")
    assert ctx.fields.values["date"] == dt.date(2020, 7, 21)
    assert ctx.fields.provenance["date"][0].bbox.top >= 287
