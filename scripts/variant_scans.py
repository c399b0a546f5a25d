"""The scanned families of ``generate_variants.py``: born-digital variants printed, stamped,
written on and scanned (:mod:`scan_family`), some with a Bezirksvertretung's or an archive's
head and marks."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import archive_scan as ar
import black_marks
import bv_scan as bv
import fax_scan as fx
import scan_family
from variant_base import Golden
from variant_erfurt import erfurt_reportlab
from variant_letters import (
    buergerantrag,
    kreistag_vorlage,
    letter,
    letter_dach,
    letter_foot,
    letter_request,
    office_letter,
    sdnet_vorlage,
    vermerk_memo,
)
from variant_prints import allris, sessionnet

#: Share of the Kreistag and citizens' scans that carry a poor OCR layer of their own, as a
#: scanner's software or a council information system lays one (:class:`scan_family.OcrLayer`).
OCR_LAYER_SHARE = 0.3


def scanned(
    build: Callable[[random.Random, Path], Golden], rng: random.Random, out: Path, *marks: Any, **scan: Any
) -> Golden:
    """What ``build`` draws, printed, stamped and scanned into ``out`` (:func:`scan_family.letter_scan`,
    which takes the first page's ``marks`` and the ``scan`` options); its golden."""
    with tempfile.TemporaryDirectory() as work:
        return scan_family.letter_scan(build, rng, out, Path(work), *marks, **scan)


def letter_foot_scan(rng: random.Random, out: Path) -> Golden:
    """A ``letter-foot`` variant printed, stamped and scanned (:mod:`scan_family`)."""
    return scanned(letter_foot, rng, out)


def letter_scan(rng: random.Random, out: Path) -> Golden:
    """A ``letter`` variant printed, stamped, written on and scanned (:mod:`scan_family`)."""
    return scanned(letter, rng, out)


def bv_scan(rng: random.Random, out: Path) -> Golden:
    """A faction's Anfrage or Antrag to a Bezirksvertretung, stamped over its head, marked beside
    its subject and scanned (:mod:`bv_scan`)."""
    heads: list[bv.Head] = []

    def head(*args: Any) -> bv.Head:
        heads.append(bv.head(*args))
        return heads[-1]

    def build(rng: random.Random, source: Path) -> Golden:
        return letter(rng, source, head)

    return scanned(build, rng, out, lambda record: bv.head_marks(record, heads[-1]))


def archive_scan(rng: random.Random, out: Path) -> Golden:
    """A Bezirksvertretung paper as an archive holds it: faxed, stamped with its own date, punched,
    worn and scanned at 200 dpi with dark borders (:mod:`archive_scan`)."""
    heads: list[ar.ArchiveHead] = []

    def head(*args: Any) -> ar.ArchiveHead:
        heads.append(ar.head(*args))
        return heads[-1]

    def build(rng: random.Random, source: Path) -> Golden:
        return letter(rng, source, head)

    def every(image: Any, number: int, pages: int, rng: random.Random, dpi: int) -> None:
        ar.page_marks(heads[-1], image, number, pages, rng, dpi)

    archive = scan_family.Archive(every=every, edges=ar.scanner_edges)
    return scanned(build, rng, out, lambda record: ar.first_marks(record, heads[-1]), archive=archive)


def grey_stamp_scan(rng: random.Random, out: Path) -> Golden:
    """A ``letter`` variant, or one with a Bezirksvertretung head (:mod:`bv_scan`), scanned in
    greyscale or black and white with black intake and city stamps, initials and a handwritten
    note in its head (:mod:`black_marks`)."""
    bv_head = rng.random() < 0.5

    def build(rng: random.Random, source: Path) -> Golden:
        return letter(rng, source, bv.head) if bv_head else letter(rng, source)

    return scanned(build, rng, out, black_marks.head_marks, black=True)


def vorlage_scan(rng: random.Random, out: Path) -> Golden:
    """An ``allris``, ``sessionnet`` or ``erfurt-reportlab`` Vorlage printed, stamped and scanned
    (:mod:`scan_family`): a type, a body and a Beratungsfolge's roles read by OCR."""
    build = rng.choice((allris, sessionnet, erfurt_reportlab))
    return scanned(build, rng, out)


def letter_request_scan(rng: random.Random, out: Path) -> Golden:
    """A ``letter-request`` variant printed, stamped, written on and scanned (:mod:`scan_family`)."""
    return scanned(letter_request, rng, out)


def office_letter_scan(rng: random.Random, out: Path) -> Golden:
    """An ``office-letter`` variant printed, stamped, written on and scanned (:mod:`scan_family`)."""
    return scanned(office_letter, rng, out)


def vermerk_scan(rng: random.Random, out: Path) -> Golden:
    """A ``vermerk`` memo printed, stamped, written on and scanned (:mod:`scan_family`)."""
    return scanned(vermerk_memo, rng, out)


def sdnet_vorlage_scan(rng: random.Random, out: Path) -> Golden:
    """An ``sdnet-vorlage`` paper printed, stamped, written on and scanned (:mod:`scan_family`)."""
    return scanned(sdnet_vorlage, rng, out)


def kreistag_vorlage_scan(rng: random.Random, out: Path) -> Golden:
    """A ``kreistag-vorlage`` paper printed, stamped, written on and scanned (:mod:`scan_family`),
    some with a poor OCR layer of their own (:data:`OCR_LAYER_SHARE`)."""
    return scanned(kreistag_vorlage, rng, out, ocr_layer=OCR_LAYER_SHARE)


def buergerantrag_scan(rng: random.Random, out: Path) -> Golden:
    """A citizens' ``buergerantrag`` paper printed, stamped, written on and scanned
    (:mod:`scan_family`), some with a poor OCR layer of their own (:data:`OCR_LAYER_SHARE`)."""
    return scanned(buergerantrag, rng, out, ocr_layer=OCR_LAYER_SHARE)


def fax_scan(rng: random.Random, out: Path) -> Golden:
    """A ``letter``, ``letter-request``, ``office-letter`` or ``letter-dach`` variant as it reached
    the council by fax: a transmission line on every page, 200 x 100 or 200 x 200 dpi in black and
    white, sometimes a cover sheet first (:mod:`fax_scan`)."""
    with tempfile.TemporaryDirectory() as work:
        return fx.fax_scan((letter, letter_request, office_letter, letter_dach), rng, out, Path(work))
