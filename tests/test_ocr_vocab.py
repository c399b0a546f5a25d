"""Snapping OCR words to the vocabulary (the OCR snapper of text/lookalikes.py) and where the readers use it: a
type, a body and a consultation role misread on a scan come out in the vocabulary's spelling,
with a warning unless the misreading is a known confusion with no other entry near; born-digital
text is taken as printed; a label or a closing formula with one confused letter is found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ratsdoc.extract.consultations import extract_consultations
from ratsdoc.extract.context import Context
from ratsdoc.extract.cover import extract_cover
from ratsdoc.extract.ocr_type import repair_type_line
from ratsdoc.extract.vocab_doubt import warn_snapped
from ratsdoc.issues import IssueCode
from ratsdoc.layout.lines import Line
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo
from ratsdoc.text.lookalikes import lookalikes, ocr_snapper
from ratsdoc.text.snapper import OCR_ALLOWANCE

from .conftest import line_context, text_line
from .test_generic_reader import line
from .test_snapper import _levenshtein

TYPES = sorted({t for p in bundled_profiles().values() for t in p.document_types})
BODIES = sorted({b for p in bundled_profiles().values() for b in p.bodies})
ROLES = sorted({r for p in bundled_profiles().values() for r in p.roles})
VOCABULARIES = (TYPES, BODIES, ROLES)
SNAPPER = ocr_snapper()
PAIRS = lookalikes().pairs("snap")


# -- the pure helpers ---------------------------------------------------------------------------


def test_each_known_confusion_folds_to_its_printed_shape() -> None:
    for printed, read in PAIRS:
        assert SNAPPER.confusions.skeleton(f"xx{read}xx") == SNAPPER.confusions.skeleton(f"xx{printed}xx"), read


def test_misreadings_of_the_issue_snap_to_the_vocabulary_as_known_confusions() -> None:
    for misread, right, vocabulary in (
        ("Anfraqe", "Anfrage", TYPES),
        ("Beschlussvor1age", "Beschlussvorlage", TYPES),
        ("Bezirksvertretunq", "Bezirksvertretung", BODIES),
        ("Gerneinderat", "Gemeinderat", BODIES),
        ("Vorberatunq", "Vorberatung", ROLES),
        ("Entschcidung", "Entscheidung", ROLES),
    ):
        found = SNAPPER.match(misread, vocabulary)
        assert found is not None and found.entry == right, misread
        assert found.edited and found.confusion_only and found.sure, misread


def test_a_misreading_beyond_the_known_confusions_snaps_but_is_not_sure() -> None:
    found = SNAPPER.match("Anfrnge", TYPES)  # "a" read as "n": no known confusion
    assert found is not None and found.entry == "Anfrage" and found.errors == 1 and not found.sure


def test_a_confusion_near_two_entries_is_not_sure() -> None:
    # "Änderungsantrag" is within reach of "Abänderungsantrag" too.
    found = SNAPPER.match("Änderunqsantrag", ["Änderungsantrag", "Abänderungsantrag"])
    assert found is not None and found.entry == "Änderungsantrag" and found.confusion_only and not found.sure


def test_ties_inflected_and_cut_words_and_other_words_do_not_snap() -> None:
    assert SNAPPER.match("Anfrag", ["Anfrage", "Antrag"]) is None  # cut "Anfrage" or misread "Antrag"?
    assert SNAPPER.match("Anfragen", TYPES) is None  # inflected: no misreading
    assert SNAPPER.match("Stadtrates", BODIES) is None
    assert SNAPPER.match("Belastung", ROLES) is None  # a German word two letters from "Beratung"
    assert SNAPPER.match("Haushalt", TYPES + BODIES + ROLES) is None
    assert SNAPPER.match("Rot", ["Rat"]) is None  # no other error in words under four letters
    assert SNAPPER.match("", TYPES) is None


def test_the_allowance_grows_with_the_entrys_length() -> None:
    assert [OCR_ALLOWANCE(w) for w in ("Rat", "Antrag", "Beratung", "Mitteilung", "Beschlussvorlage")] == [
        0,
        1,
        1,
        2,
        3,
    ]
    assert SNAPPER.errors("Mitteilunq", "Mitteilung") == 0
    assert SNAPPER.errors("Mittelung", "Mitteilung") == 1
    assert SNAPPER.errors("Mitte", "Mitteilung") is None


def test_a_body_name_keeps_its_place_after_the_snapped_word() -> None:
    assert SNAPPER.body("Bezirksvertretunq Lindenthal", BODIES) == "Bezirksvertretung Lindenthal"
    assert SNAPPER.body("Grosser Rnt", ["Grosser Rat", "Rat"]) == "Grosser Rat"
    assert SNAPPER.body("Lindenthal", BODIES) is None
    found = SNAPPER.leading("Bau- und Verkehrsausschuss", BODIES)
    assert found is not None and found[0].entry == "Bau- und Verkehrsausschuss" and found[1] == ""


def test_an_entry_is_found_in_text_as_printed_inflected_or_misread() -> None:
    printed = SNAPPER.find_in("zur Sitzung des Stadtrates am 12.03.2024", "Stadtrat")
    assert printed is not None and not printed.edited
    assert SNAPPER.find_in("an den Grossen Rat", "Grosser Rat") is not None
    misread = SNAPPER.find_in("Bezirksvertretunq Porz 12.03.2024 Vorberatunq", "Vorberatung")
    assert misread is not None and misread.edited and misread.text == "Vorberatunq"
    assert SNAPPER.find_in("Haushalt 2024", "Vorberatung") is None


def test_a_label_with_one_confused_letter_is_among_the_unconfused_readings() -> None:
    assert "Datum: 12.03.2024" in SNAPPER.unconfused("Daturn: 12.03.2024")
    assert "Mit freundlichen Grüßen" in SNAPPER.unconfused("Mit freundlichen Grußen")
    assert all(len(v) <= len("Mit freundlichen Grußen") for v in SNAPPER.unconfused("Mit freundlichen Grußen"))
    assert "Anlage 1" in SNAPPER.unconfused("Anlaqe 1")
    assert SNAPPER.unconfused("T0P 3") == ["ToP 3"]  # a "0" among letters is an "o"
    assert "gez. Meier" in SNAPPER.unconfused("gcz. Meier")
    assert SNAPPER.unconfused("xyz") == []


_WORDS = st.text(alphabet="abcdefghiklmnoprstuvwzäöüß", min_size=1, max_size=22)


@given(vocabulary=st.sampled_from(VOCABULARIES), data=st.data())
def test_every_vocabulary_word_is_its_own_snap(vocabulary: list[str], data: st.DataObject) -> None:
    entry = data.draw(st.sampled_from(vocabulary))
    found = SNAPPER.match(entry, vocabulary)
    assert found is not None and SNAPPER.fold(found.entry) == SNAPPER.fold(entry) and not found.edited and found.sure
    assert SNAPPER.snap(entry.upper(), vocabulary) is not None


@settings(max_examples=300)
@given(word=_WORDS, vocabulary=st.sampled_from(VOCABULARIES))
def test_a_word_far_from_every_entry_is_not_snapped(word: str, vocabulary: list[str]) -> None:
    far = all(
        _levenshtein(SNAPPER.fold(word), SNAPPER.fold(entry)) > OCR_ALLOWANCE(entry)
        and _levenshtein(SNAPPER.confusions.skeleton(word), SNAPPER.confusions.skeleton(entry)) > OCR_ALLOWANCE(entry)
        for entry in vocabulary
    )
    found = SNAPPER.match(word, vocabulary)
    if far:
        assert found is None
    if found is not None:  # what does snap is within its allowance, counted independently
        assert min(
            _levenshtein(SNAPPER.fold(word), SNAPPER.fold(found.entry)),
            _levenshtein(SNAPPER.confusions.skeleton(word), SNAPPER.confusions.skeleton(found.entry)),
        ) <= OCR_ALLOWANCE(found.entry)


@given(vocabulary=st.sampled_from(VOCABULARIES), data=st.data())
def test_one_known_confusion_in_an_entry_snaps_back_to_it(vocabulary: list[str], data: st.DataObject) -> None:
    entry = data.draw(st.sampled_from([e for e in vocabulary if any(p in e for p, _ in PAIRS)]))
    printed, read = data.draw(st.sampled_from([(p, r) for p, r in PAIRS if p in entry]))
    at = data.draw(st.sampled_from([i for i, ch in enumerate(entry) if ch == printed]))
    misread = entry[:at] + read + entry[at + 1 :]
    found = SNAPPER.match(misread, vocabulary)
    if found is not None:  # None only where another entry is as near
        assert SNAPPER.fold(found.entry) == SNAPPER.fold(entry) and found.errors == 0


# -- the readers on scans and on born-digital pages ---------------------------------------------


def _letter(lines: list[Line], *, ocr: bool) -> Context:
    layout = Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines, ocr_pages=[1] if ocr else [])
    ctx = Context(layout=layout, profile=bundled_profiles()["letter"])
    extract_cover(ctx)
    return ctx


def _head(type_line: str) -> list[Line]:
    return [
        line(60, "SPD-Fraktion in der Bezirksvertretung Nord", bold=True),
        line(100, type_line, bold=True),
        line(120, "Betreff: Radweg an der Uferstraße"),
        line(150, "Sehr geehrte Damen und Herren,"),
    ]


def test_a_lone_type_misread_on_a_scan_is_the_vocabularys_type_without_a_warning() -> None:
    scanned = _letter(_head("Beschlussvor1age"), ocr=True)
    assert scanned.fields.values["document_type"] == "Beschlussvorlage"
    assert warn_snapped(scanned) == set()  # "1" for "l", no other type near
    printed = _letter(_head("Beschlussvor1age"), ocr=False)
    assert printed.fields.values["document_type"] != "Beschlussvorlage"  # born-digital: as printed


def test_a_type_misread_beyond_a_known_confusion_is_warned() -> None:
    scanned = _letter(_head("Stellunqnahrne"), ocr=True)  # "q" for "g" and "rn" for "m": sure
    assert scanned.fields.values["document_type"] == "Stellungnahme"
    assert warn_snapped(scanned) == set()
    scanned = _letter(_head("Stellungnahrae"), ocr=True)  # "ra" for "m": a misreading
    assert scanned.fields.values["document_type"] == "Stellungnahme"
    assert warn_snapped(scanned) == {"document_type"}
    warning = next(w for w in scanned.fields.warnings if w.field == "document_type")
    assert warning.code is IssueCode.VALUE_UNCERTAIN and "Stellungnahrae" in warning.message


def test_a_type_line_whose_gem_lost_its_full_stop_is_read() -> None:
    # Seed 31, bv-scan-004: "Antrag gem 5 3 der Geschäftsordnung" gave no type (then "Brief").
    assert repair_type_line("Antrag gem 5 3 der Geschäftsordnung", ["Antrag"]) == (
        "Antrag gem. § 3 der Geschäftsordnung"
    )
    assert repair_type_line("Antrag gem 3 Wochen", ["Antrag"]) == "Antrag gem 3 Wochen"


def test_a_body_misread_on_a_scan_is_snapped_and_a_signers_title_stays_out() -> None:
    profile = bundled_profiles()["erfurt"]
    lines = [text_line(100, [(70, "Stadtrnt")]), text_line(120, [(70, "Betreff: Radweg")])]
    ctx = line_context(lines, profile, ocr=True)
    extract_cover(ctx)
    assert ctx.fields.values["body"] == "Stadtrat"
    assert warn_snapped(ctx) == {"body"}  # "n" for "a": no known confusion
    ctx = line_context(lines, profile)
    extract_cover(ctx)
    assert ctx.fields.values["body"] is None


def test_a_closing_with_a_lost_umlaut_still_ends_the_bodys_search() -> None:
    # Seed 31, bv-scan-002: "Stadtrat" under the signer's name, below "Mit freundlichen Grußen",
    # was taken for the body addressed.
    lines = [
        text_line(100, [(70, "Betreff: Radweg an der Uferstraße")]),
        text_line(140, [(70, "Mit freundlichen Grußen")]),
        text_line(180, [(70, "Julia Schmidt")]),
        text_line(192, [(70, "Stadtrat")]),
    ]
    ctx = line_context(lines, "erfurt", ocr=True)
    extract_cover(ctx)
    assert ctx.fields.values["body"] is None


def test_a_misread_role_in_a_scanned_beratungsfolge_is_read_and_warned() -> None:
    lines = [
        text_line(100, [(70, "Beratungsfolge:")]),
        text_line(115, [(70, "Ortsteilrat Nord"), (250, "12.03.2024"), (330, "Vorberatunq")]),
        text_line(130, [(70, "Stadtrat"), (250, "28.03.2024"), (330, "Entscheidunq")]),
    ]
    ctx = line_context(lines, "erfurt", ocr=True)
    extract_consultations(ctx)
    rows = ctx.fields.values["consultations"]
    assert [row.role for row in rows] == ["Vorberatung", "Entscheidung"]
    assert warn_snapped(ctx) == set()  # "q" for "g", no other role near
    printed = line_context(lines, "erfurt")
    extract_consultations(printed)
    assert [row.role for row in printed.fields.values["consultations"]] == [None, None]


def test_a_misread_label_of_a_labelled_type_is_found_on_scans_only() -> None:
    lines = [
        text_line(80, [(70, "Vorlage 2024/117")]),
        text_line(100, [(70, "Vorlaqe-Art: Beschlussvor1age")]),
        text_line(120, [(70, "Betreff: Radweg an der Uferstraße")]),
    ]
    scanned = line_context(lines, "allris", ocr=True)
    extract_cover(scanned)
    assert scanned.fields.values["document_type"] == "Beschlussvorlage"
    printed = line_context(lines, "allris")
    extract_cover(printed)
    assert printed.fields.values["document_type"] != "Beschlussvorlage"
    # The colon stays exact: "Vorlage-Art Beschlussvorlage" without it is no labelled value.
    lines[1] = text_line(100, [(70, "Vorlaqe-Art Beschlussvorlage")])
    scanned = line_context(lines, "allris", ocr=True)
    extract_cover(scanned)
    assert scanned.fields.provenance.get("document_type") is None or scanned.fields.confidence["document_type"] < 0.95


def test_a_short_label_with_one_confused_letter_is_found_on_scans_only() -> None:
    lines = [text_line(100, [(70, "Betreff: Radweg")]), text_line(200, [(70, "gcz. Anna Keller")])]
    assert line_context(lines, "generic", ocr=True).find_label("signature") is not None
    assert line_context(lines, "generic").find_label("signature") is None
