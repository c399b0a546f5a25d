"""Generate seeded layout variants of every supported template, each a PDF plus its golden JSON.

The fixture builders (``build_fixtures.py``, ``build_fixtures_templates.py``) render a handful of
hand-written papers. This script draws new papers from ``random.Random`` -- numbers, dates,
titles of one to three lines, bodies, originators, factions, consultations, resolution items,
ticked boxes, amounts, attachments, one to twelve pages of text -- and new layouts -- fonts
(Liberation Sans/Serif, DejaVu Sans, Carlito), sizes 9-12 pt, table column widths that make
labels wrap inside their cells, optional sections, section order -- and renders them with the
same builders. Each golden JSON is written from the values the generator put on the page, in
the format ``ratsdoc eval`` reads (fixtures/README.md), never from ratsdoc's output.

Usage::

    python scripts/generate_variants.py OUT_DIR [--per-family N] [--families a,b] [--seed S] [--keep-sources]
        [--scan-wear office] [--scan-marks heavy]
    ratsdoc eval OUT_DIR

writes OUT_DIR/<family>/<family>-NNN.pdf and .json (``--keep-sources``: and, for the scanned
families, the born-digital pages scanned as <family>-NNN.source.pdf). The same seed gives byte-identical goldens;
the reportlab PDFs are byte-identical too, the fpdf2 and LibreOffice PDFs are normalised with
pikepdf like the fixtures. Families built with LibreOffice are skipped, with a message, when
``soffice`` is missing.

The families are drawn in their own modules: ``variant_erfurt.py`` (Erfurt covers),
``variant_prints.py`` (ALLRIS, SessionNet, another city's Word template), ``variant_letters.py``
(letters, speeches, margin-label Vorlagen, Swiss Motionen) and ``variant_scans.py`` (the scanned
families), on the shared draws of ``variant_base.py``. This script holds the family table and the
driver.

``--scan-wear office`` wears the scanned families as real office and archive scans are worn
(:func:`scan_image.office_wear`; the letters they scan may be set in a typewriter's or an older
office font); without it every scan is the same as before, byte for byte.

``--scan-marks heavy`` marks each scan's first page as an intake office and a reader do, where it
harms the head most (:mod:`heavy_marks`: an intake stamp on the date line or the subject,
handwritten notes in the margins, over and between the head lines, a tick and an underline of
the subject) instead of the family's own first-page marks; without it every scan is as before.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fixture_docx as fd
import fixture_fonts as ff
import scan_family
import template_flow
from variant_base import Golden
from variant_erfurt import erfurt_docx, erfurt_reportlab
from variant_letters import (
    aenderungsantrag,
    answer_office,
    answer_paper,
    austrian_report,
    bavarian_vorlage,
    beratungsverlauf,
    buergerantrag,
    bvv_drucksache,
    form_paper,
    garbled_layer,
    joint_paper,
    kreistag_vorlage,
    letter,
    letter_dach,
    letter_foot,
    letter_request,
    magistrat_vorlage,
    mail_print,
    margin_vorlage,
    mixed_paper,
    numbered_vorlage,
    office_frames,
    office_letter,
    office_vorlage,
    parliament_drucksache,
    satzung_synopse,
    sdnet_vorlage,
    speech_manuscript,
    split_tables,
    swiss_motion,
    swiss_report,
    vermerk_memo,
)
from variant_prints import allris, browser_print, other_city_vorlage, sessionnet
from variant_scans import (
    archive_scan,
    buergerantrag_scan,
    bv_scan,
    fax_scan,
    grey_stamp_scan,
    kreistag_vorlage_scan,
    letter_foot_scan,
    letter_request_scan,
    letter_scan,
    office_letter_scan,
    sdnet_vorlage_scan,
    vermerk_scan,
    vorlage_scan,
)

DEFAULT_SEED = 20241204


@dataclass(frozen=True)
class Family:
    """A template family: ``build`` renders the PDF, or with ``office`` writes a DOCX for LibreOffice;
    either way it returns the golden record."""

    name: str
    build: Callable[[random.Random, Path], Golden]
    office: bool = False


FAMILIES = (
    Family("erfurt-docx", erfurt_docx, office=True),
    Family("erfurt-reportlab", erfurt_reportlab),
    Family("allris", allris),
    Family("sessionnet", sessionnet),
    Family("letter", letter),
    Family("swiss-motion", swiss_motion),
    Family("letter-dach", letter_dach),
    Family("letter-request", letter_request),
    Family("other-city-vorlage", other_city_vorlage, office=True),
    Family("office-letter", office_letter),
)


#: Families of scanned papers: read by OCR (seconds a page), so built only when named
#: (``--families letter-scan``).
SCAN_FAMILIES = (
    Family("letter-scan", letter_scan),
    Family("bv-scan", bv_scan),
    Family("grey-stamp-scan", grey_stamp_scan),
    Family("office-letter-scan", office_letter_scan),
    Family("letter-request-scan", letter_request_scan),
    Family("archive-scan", archive_scan),
)
#: Families built only when named, so that the default set stays as it was: letters with a
#: business letter's page furniture, speech manuscripts, Vorlagen with margin labels or
#: numbered section headings, Bavarian and Hessian Vorlagen, Vorlagen as SD.NET and Somacos
#: systems print them (born digital and scanned), a Landkreis's papers to its Kreistag (born
#: digital and scanned), Berlin district assembly papers and Swiss and Austrian reports with a
#: proposal, internal memos of an administration, born digital and scanned, papers citizens
#: send the council (Einwohneranträge, Anregungen, Petitionen; born digital and scanned), the
#: Kreistag, SD.NET and citizens' papers typed into a Word template and exported by
#: LibreOffice, papers composed at random from pools of heads, labels, kinds and sections
#: that follow no one template, papers that several factions or groups file together, a
#: Vorlage's page in a council information system's web view printed by a browser,
#: Vorlagen whose tables, items and attachments run over page breaks, and Vorlagen and
#: letters typed into Word templates with boxes anchored to the page and content controls, and
#: the answers of an administration or executive to a faction's or member's Anfrage, drawn
#: directly or typed into a town's Word template, members' Anfragen and factions' Anträge
#: printed from the e-mail they were sent in, letters that reached the council by fax, and
#: Vorlagen that change a by-law with a synopsis of its old and new wording, the amendments
#: and supplementary motions factions file against a Vorlage, Beschlussvorlagen printed after
#: their consultation with each body's result and a record of it, and the Drucksachen of city-state
#: parliaments and Hamburg's district assemblies, papers filled into fillable PDF forms, and
#: born-digital papers whose fonts' text layer is missing or wrong (``--families letter-foot,speech,...``).
NAMED_FAMILIES = (
    Family("letter-foot", letter_foot),
    Family("letter-foot-scan", letter_foot_scan),
    Family("vorlage-scan", vorlage_scan),
    Family("speech", speech_manuscript),
    Family("margin-vorlage", margin_vorlage),
    Family("numbered-vorlage", numbered_vorlage),
    Family("bavarian-vorlage", bavarian_vorlage),
    Family("bvv-drucksache", bvv_drucksache),
    Family("magistrat-vorlage", magistrat_vorlage),
    Family("sdnet-vorlage", sdnet_vorlage),
    Family("sdnet-vorlage-scan", sdnet_vorlage_scan),
    Family("kreistag-vorlage", kreistag_vorlage),
    Family("kreistag-vorlage-scan", kreistag_vorlage_scan),
    Family("swiss-report", swiss_report),
    Family("austrian-report", austrian_report),
    Family("vermerk", vermerk_memo),
    Family("vermerk-scan", vermerk_scan),
    Family("buergerantrag", buergerantrag),
    Family("buergerantrag-scan", buergerantrag_scan),
    Family("office-vorlage", office_vorlage, office=True),
    Family("mixed-paper", mixed_paper),
    Family("joint-paper", joint_paper),
    Family("browser-print", browser_print),
    Family("split-tables", split_tables),
    Family("office-frames", office_frames, office=True),
    Family("answer-paper", answer_paper),
    Family("answer-office", answer_office, office=True),
    Family("mail-print", mail_print),
    Family("fax-scan", fax_scan),
    Family("satzung-synopse", satzung_synopse),
    Family("aenderungsantrag", aenderungsantrag),
    Family("beratungsverlauf", beratungsverlauf),
    Family("parliament-drucksache", parliament_drucksache),
    Family("form-paper", form_paper),
    Family("garbled-layer", garbled_layer),
)


# LibreOffice is found and run by the fixture kit (one conversion run for many files).
soffice = fd.soffice
convert_all = fd.convert_all


def write_golden(path: Path, record: Golden) -> None:
    """The golden JSON, byte for byte the same for the same record."""
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def generate(
    out_dir: Path,
    per_family: int,
    families: Sequence[Family],
    seed: int = DEFAULT_SEED,
    log: Callable[[str], None] = print,
) -> dict[str, list[Path]]:
    """Write ``per_family`` variants of each family under ``out_dir/<family>/``; returns the PDFs
    written per family (families skipped for want of LibreOffice are missing)."""
    written: dict[str, list[Path]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ff.register_fonts(tmp)
        try:
            for family in families:
                if family.office and soffice() is None:
                    log(f"skip {family.name}: LibreOffice is missing (apt-get install libreoffice-writer-nogui)")
                    continue
                folder = out_dir / family.name
                folder.mkdir(parents=True, exist_ok=True)
                work = tmp / family.name
                work.mkdir()
                pending: list[tuple[Path, Path, Golden]] = []
                written[family.name] = []
                for index in range(1, per_family + 1):
                    # A generator per variant: variant k is the same whatever N or the other families.
                    rng = random.Random(f"{seed}/{family.name}/{index}")
                    stem = f"{family.name}-{index:03d}"
                    pdf = folder / f"{stem}.pdf"
                    if family.office:
                        pending.append((work / f"{stem}.docx", pdf, family.build(rng, work / f"{stem}.docx")))
                    else:
                        write_golden(pdf.with_suffix(".json"), family.build(rng, pdf))
                    written[family.name].append(pdf)
                if pending:
                    convert_all([(docx, pdf) for docx, pdf, _ in pending], work)
                    for _, pdf, record in pending:
                        record["page_count"] = template_flow.page_count(pdf)
                        write_golden(pdf.with_suffix(".json"), record)
        finally:
            # Later users of the builders in this process get the fixtures' font back.
            ff.default_faces()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: generate the variants and print a summary per family."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--per-family", type=int, default=40, metavar="N", help="variants per family (40)")
    parser.add_argument(
        "--families",
        default=",".join(f.name for f in FAMILIES),
        help="comma-separated family names (all but "
        + ", ".join(f.name for f in (*SCAN_FAMILIES, *NAMED_FAMILIES))
        + ")",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"seed ({DEFAULT_SEED})")
    parser.add_argument(
        "--keep-sources",
        action="store_true",
        help="keep the born-digital pages of each scan as NAME.source.pdf (the reference of ocr_wer.py --dev)",
    )
    parser.add_argument(
        "--scan-wear",
        choices=scan_family.WEARS,
        default="standard",
        help="how the scanned families are worn: standard (as before) or office (copied, grey, "
        "bleeding through, 150-200 dpi, JPEG 30-50, 1-3 degrees, typewriter fonts; scan_image.office_wear)",
    )
    parser.add_argument(
        "--scan-marks",
        choices=scan_family.MARKS,
        default="standard",
        help="how the scanned families' first pages are marked: standard (as before) or heavy (a stamp "
        "on the date line or the subject, handwritten notes in and between the head lines; heavy_marks.py)",
    )
    args = parser.parse_args(argv)
    scan_family.keep_sources(args.keep_sources)
    scan_family.use_wear(args.scan_wear)
    scan_family.use_marks(args.scan_marks)
    by_name = {f.name: f for f in (*FAMILIES, *SCAN_FAMILIES, *NAMED_FAMILIES)}
    names = [name.strip() for name in args.families.split(",") if name.strip()]
    unknown = [name for name in names if name not in by_name]
    if unknown:
        parser.error(
            f"unknown famil{'y' if len(unknown) == 1 else 'ies'}: {', '.join(unknown)}; known: {', '.join(by_name)}"
        )
    started = time.monotonic()
    written = generate(args.out_dir, args.per_family, [by_name[name] for name in names], args.seed)
    print(f"{'family':<20} {'variants':>8} {'pages':>7}")
    for name, pdfs in written.items():
        counts = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["page_count"] for p in pdfs]
        span = f"{min(counts)}-{max(counts)}" if counts else "-"
        print(f"{name:<20} {len(pdfs):>8} {span:>7}")
    print(
        f"{sum(len(p) for p in written.values())} variants in {args.out_dir} "
        f"({time.monotonic() - started:.0f} s, seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
