"""Word error rate of the OCR stage on the scanned fixtures, against their born-digital sources.

Usage::

    python scripts/ocr_wer.py [--heldout DIR] [--show-errors]
    python scripts/ocr_wer.py --real [DIR]
    python scripts/ocr_wer.py --dev DIR [--layout-cache DIR] [--show-errors] [--tesseract]

Each scan of ``scripts/build_scans.py`` is read the way ``ratsdoc parse`` reads it (``--ocr
auto``); its words, page by page and in reading order, are aligned with the words of the
source fixture read from its text layer (list bullets count as a word "•", checkboxes are not
words). WER = (substitutions + insertions + deletions) / reference words. ``--heldout DIR``
measures the held-out scans built by ``build_scans.py --heldout DIR`` instead.

``--real`` measures real scans against hand-made transcriptions instead: every PDF in DIR
(default ``../shared/corpus/real/koeln-bv-ocr``) with a ``referenz/NAME.txt`` is read by
ratsdoc (``--ocr auto``, all lines in reading order) and by plain ``tesseract page.png - -l
deu`` on 300 dpi renders, and both texts are compared with the reference: the character error
rate (CER: character edit distance / reference characters, whitespace runs counted as one
space) and the WER (word edit distance / reference words), per file and over all.

The references are transcriptions with a layout of their own: most join a line to the next
without a space ("im Rat derStadt Köln"), some keep the line breaks, and quotes and dashes are
typed straight ("Frauen" where the scan prints „Frauen“). ``CER*`` is therefore also given,
the character error rate after the same normalisation of the reference and of both readings:
typographic quotes and dashes folded to the typewriter's (:data:`FOLD`), the hyphen of a word
divided at a line end dropped (:data:`DIVISION`) and all whitespace removed. It counts what was
read, not where a reader put line breaks or divided words there; reading order still counts.
``--show-errors`` lists the words in which ratsdoc's reading differs from the reference
(standard error).

``--dev DIR`` measures generated development scans: every ``NAME.pdf`` under DIR with a
``NAME.source.pdf`` beside it (``generate_variants.py --families bv-scan,... --keep-sources``:
the born-digital pages that were scanned, whose text layer is the text the generator drew) is
read with ``--ocr auto``, the source with ``--ocr never``; page by page, CER and WER are taken
over all words of the page (whitespace runs as one space; stamps, notes and logos drawn on the
scan are not in the reference, so what is read of them counts as inserted). The differing word
runs are sorted into kinds of error (:func:`error_kind`), with the character edits of each kind.
``--layout-cache DIR`` reads the scans' layouts through the cache of ``variant_accuracy.py``
(same key), so the two share one OCR of each scan. ``--tesseract`` adds plain Tesseract's CER
and WER on the same pages (``tesseract page.png - -l deu`` on 300 dpi greyscale renders, as for
``--real``), compared with the same reference page by page; its texts are kept in the layout
cache's folder when one is given.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _build_scans() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_scans", ROOT / "scripts" / "build_scans.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def page_words(path: Path, ocr: str) -> dict[int, list[str]]:
    """Words per page of ``path`` as the pipeline's layout stage reads them."""
    from ratsdoc.budget import document_guard
    from ratsdoc.input import load_input
    from ratsdoc.options import ParseOptions
    from ratsdoc.pipeline import read_layout

    options = ParseOptions(ocr=ocr)  # type: ignore[arg-type]
    with document_guard(options, str(path)) as budget:
        layout, _ = read_layout(load_input(str(path), max_file_size=options.max_file_size), options, budget)
    words: dict[int, list[str]] = {}
    for line in layout.lines:
        words.setdefault(line.page, []).extend("•" if t.bullet else t.text for t in line.tokens if t.box is None)
    return words


def alignment(ref: list[str], hyp: list[str]) -> tuple[int, list[tuple[str, str]]]:
    """Word edit distance of ``hyp`` from ``ref`` and the differing pairs ("" for a gap)."""
    n, m = len(ref), len(hyp)
    rows = [list(range(m + 1))]
    for i in range(1, n + 1):
        row = [i] + [0] * m
        for j in range(1, m + 1):
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]))
        rows.append(row)
    i, j, pairs = n, m, []
    while i > 0 or j > 0:
        if i > 0 and j > 0 and rows[i][j] == rows[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            if ref[i - 1] != hyp[j - 1]:
                pairs.append((ref[i - 1], hyp[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and rows[i][j] == rows[i - 1][j] + 1:
            pairs.append((ref[i - 1], ""))
            i -= 1
        else:
            pairs.append(("", hyp[j - 1]))
            j -= 1
    return rows[n][m], pairs[::-1]


def edit_distance(ref: Sequence[object], hyp: Sequence[object]) -> int:
    """Levenshtein distance between two sequences (of characters or words), a row at a time in
    numpy: a row's insertions are a running minimum, so a 10,000-character page takes a second."""
    import numpy as np

    ids: dict[object, int] = {}
    a = np.array([ids.setdefault(x, len(ids)) for x in ref], dtype=np.int64)
    b = np.array([ids.setdefault(x, len(ids)) for x in hyp], dtype=np.int64)
    row = np.arange(len(b) + 1, dtype=np.int64)
    steps = np.arange(len(b) + 1, dtype=np.int64)
    for i, item in enumerate(a, start=1):
        best = np.empty_like(row)
        best[0] = i
        best[1:] = np.minimum(row[1:] + 1, row[:-1] + (b != item))  # deletion, substitution
        row = np.minimum.accumulate(best - steps) + steps  # insertions along the row
    return int(row[-1])


def plain_tesseract_pages(pdf: Path, cache: Path | None = None) -> list[str]:
    """The text ``tesseract page.png - -l deu`` reads from a 300 dpi greyscale render of each of
    ``pdf``'s pages. With ``cache`` (a folder), the texts are kept there under the file's SHA-256
    and the Tesseract version, and read from there again."""
    import hashlib
    import json
    import subprocess
    import tempfile

    import pypdfium2 as pdfium

    kept = None
    if cache is not None:
        version = subprocess.run(["tesseract", "--version"], capture_output=True, check=True).stdout.split(b"\n")[0]
        key = hashlib.sha256(pdf.read_bytes() + b"\0" + version).hexdigest()
        kept = cache / f"{key}.tesseract.json"
        if kept.exists():
            texts: list[str] = json.loads(kept.read_text(encoding="utf-8"))
            return texts
    texts = []
    document = pdfium.PdfDocument(str(pdf))
    with tempfile.TemporaryDirectory(prefix="ocr-wer-") as tmp:
        for index in range(len(document)):
            page = document[index]
            path = Path(tmp) / f"{index + 1}.png"
            page.render(scale=300 / 72, grayscale=True).to_pil().convert("L").save(path)
            page.close()
            done = subprocess.run(["tesseract", str(path), "-", "-l", "deu"], capture_output=True, check=True)
            texts.append(done.stdout.decode("utf-8", "replace"))
    document.close()
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return texts


def _plain_tesseract(pdf: Path) -> str:
    """The text ``tesseract page.png - -l deu`` reads from 300 dpi renders of ``pdf``'s pages."""
    return "\n".join(plain_tesseract_pages(pdf))


def _ratsdoc_text(pdf: Path) -> str:
    """Every line ratsdoc reads from ``pdf`` (``--ocr auto``), in reading order."""
    return "\n".join(" ".join(words) for _, words in sorted(page_words(pdf, "auto").items()))


#: Typographic quotes and dashes as a typewriter has them, for the normalised CER (``CER*``).
FOLD = str.maketrans(
    {"„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-", "\u00ad": "-"}
)


#: A hyphen dividing a word at a line end ("Verwal-" / "tung"; a lower-case letter follows), not
#: one that stands for a word's second part ("Ein- und Ausgang").
DIVISION = re.compile(r"(?<=[^\W\d_])-\s*(?!(?:und|oder|bis|sowie|bzw)\b)(?=[a-zäöüß])")


def normalised(text: str) -> str:
    """``text`` as the normalised CER compares it: quotes and dashes folded (:data:`FOLD`), words
    divided at a line end whole (:data:`DIVISION`; a reference may keep the division where a
    reading joins the word, or the other way round), no whitespace."""
    return "".join(DIVISION.sub("", text.translate(FOLD)).split())


def error_rates(reference: str, text: str) -> tuple[int, int, int, int, int, int]:
    """Character errors, reference characters, word errors and reference words of ``text``, and
    the character errors and reference characters after :func:`normalised`."""
    ref, hyp = " ".join(reference.split()), " ".join(text.split())
    folded = normalised(reference)
    return (
        edit_distance(ref, hyp),
        len(ref),
        edit_distance(ref.split(), hyp.split()),
        len(ref.split()),
        edit_distance(folded, normalised(text)),
        len(folded),
    )


def show_differences(name: str, reference: str, text: str) -> None:
    """Print the runs of words in which ``text`` differs from ``reference`` (standard error)."""
    import difflib

    ref, hyp = reference.split(), text.split()
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, ref, hyp, autojunk=False).get_opcodes():
        if op != "equal":
            print(f"  {name}: {' '.join(ref[a0:a1])!r} -> {' '.join(hyp[b0:b1])!r}", file=sys.stderr)


def _rates_row(name: str, chars: int, rates: Mapping[str, Sequence[int]], bold: str = "") -> str:
    """A table row: CER, CER* and WER of ratsdoc and of plain Tesseract."""
    cells = [f"{name} | {chars}"]
    for errors, total in ((0, 1), (4, 5), (2, 3)):
        cells += [f"{bold}{f[errors] / max(f[total], 1):.1%}{bold}" for f in (rates["ratsdoc"], rates["tesseract"])]
    return "| " + " | ".join(cells) + " |"


def main_real(folder: Path, show_errors: bool = False) -> int:
    """Print CER, normalised CER and WER of ratsdoc and of plain Tesseract on the real scans in ``folder``."""
    columns = ["CER ratsdoc", "CER tesseract", "CER* ratsdoc", "CER* tesseract", "WER ratsdoc", "WER tesseract"]
    print("| file | ref chars | " + " | ".join(columns) + " |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    sums = {"ratsdoc": [0] * 6, "tesseract": [0] * 6}
    for reference in sorted((folder / "referenz").glob("*.txt")):
        pdf = folder / f"{reference.stem}.pdf"
        if not pdf.exists():
            continue
        ref = reference.read_text(encoding="utf-8", errors="replace")
        text = _ratsdoc_text(pdf)
        if show_errors:
            show_differences(pdf.name, ref, text)
        rates = {"ratsdoc": error_rates(ref, text), "tesseract": error_rates(ref, _plain_tesseract(pdf))}
        for name, figures in rates.items():
            sums[name] = [total + value for total, value in zip(sums[name], figures, strict=True)]
        print(_rates_row(pdf.name, rates["ratsdoc"][1], rates), flush=True)
    print(_rates_row("**all**", sums["ratsdoc"][1], sums, bold="**"))
    return 0


#: Letters an OCR engine reads without their umlaut or as another vowel, folded to compare.
UMLAUT_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "s"})


def error_kind(want: str, got: str) -> str:
    """The kind of a differing run of words: ``want`` as printed, ``got`` as read."""
    if not got:
        return "words lost"
    if not want:
        return "words added (stamp, note, logo, specks)"
    if want.replace(" ", "") == got.replace(" ", ""):
        return "space lost" if got.count(" ") < want.count(" ") else "space added"
    bare_want = "".join(c for c in want if c.isalnum())
    bare_got = "".join(c for c in got if c.isalnum())
    if bare_want == bare_got:
        return "punctuation added" if len(got) > len(want) else "punctuation lost or changed"
    if want.translate(UMLAUT_FOLD).replace(" ", "") == got.translate(UMLAUT_FOLD).replace(" ", ""):
        return "umlaut or ß"
    if any(c.isdigit() for c in want + got):
        return "digits, slashes, numbers"
    return "letters"


def _dev_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(scan, born-digital source) pairs under ``folder``."""
    return [
        (source.with_name(source.name.replace(".source.pdf", ".pdf")), source)
        for source in sorted(folder.rglob("*.source.pdf"))
        if source.with_name(source.name.replace(".source.pdf", ".pdf")).exists()
    ]


def page_errors(ref: list[str], hyp: list[str]) -> tuple[int, int, int, int]:
    """Character errors, reference characters, word errors and reference words of one page."""
    return edit_distance(" ".join(ref), " ".join(hyp)), len(" ".join(ref)), edit_distance(ref, hyp), len(ref)


def _rate(errors: int, total: int) -> str:
    return f"{errors / max(total, 1):.2%}"


def main_dev(
    folder: Path, show_errors: bool = False, tesseract: bool = False, tesseract_cache: Path | None = None
) -> int:
    """Print CER and WER of ratsdoc's reading of the generated scans in ``folder`` against the
    text their generator drew, per family and over all, and the character edits by kind; with
    ``tesseract`` also those of plain Tesseract on the same pages (:func:`plain_tesseract_pages`)."""
    import difflib

    pairs = _dev_pairs(folder)
    if not pairs:
        print(f"no NAME.pdf with NAME.source.pdf under {folder} (generate_variants.py --keep-sources)", file=sys.stderr)
        return 1
    # Per family: ratsdoc's four counts, the scans, plain Tesseract's four counts.
    families: dict[str, list[int]] = {}
    kinds: dict[str, list[int]] = {}
    for scan, source in pairs:
        reference = page_words(source, "never")
        read = page_words(scan, "auto")
        plain = plain_tesseract_pages(scan, tesseract_cache) if tesseract else []
        sums = families.setdefault(scan.parent.name, [0] * 9)
        sums[4] += 1
        for page in sorted(set(reference) | set(read)):
            ref, hyp = reference.get(page, []), read.get(page, [])
            for at, value in enumerate(page_errors(ref, hyp)):
                sums[at] += value
            if tesseract:
                other = plain[page - 1].split() if page <= len(plain) else []
                for at, value in enumerate(page_errors(ref, other)):
                    sums[5 + at] += value
            matcher = difflib.SequenceMatcher(None, ref, hyp, autojunk=False)
            for op, a0, a1, b0, b1 in matcher.get_opcodes():
                if op == "equal":
                    continue
                want, got = " ".join(ref[a0:a1]), " ".join(hyp[b0:b1])
                kind = error_kind(want, got)
                counts = kinds.setdefault(kind, [0, 0])
                counts[0] += 1
                counts[1] += edit_distance(want, got)
                if show_errors:
                    print(f"  {scan.stem} p{page} [{kind}]: {want!r} -> {got!r}", file=sys.stderr)
    extra = " CER tesseract | WER tesseract |" if tesseract else ""
    print(f"| family | scans | ref chars | CER | ref words | WER |{extra}")
    print("|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if tesseract else ""))
    total = [0] * 9
    for name, sums in families.items():
        total = [a + b for a, b in zip(total, sums, strict=True)]
        plain_cells = f" {_rate(sums[5], sums[6])} | {_rate(sums[7], sums[8])} |" if tesseract else ""
        print(
            f"| {name} | {sums[4]} | {sums[1]} | {_rate(sums[0], sums[1])} | {sums[3]} | {_rate(sums[2], sums[3])} |"
            + plain_cells
        )
    plain_cells = f" **{_rate(total[5], total[6])}** | **{_rate(total[7], total[8])}** |" if tesseract else ""
    print(
        f"| **all** | {total[4]} | {total[1]} | **{_rate(total[0], total[1])}** | {total[3]} "
        f"| **{_rate(total[2], total[3])}** |" + plain_cells
    )
    print("\n| kind of error | runs | character edits |\n|---|---:|---:|")
    for kind, (runs, edits) in sorted(kinds.items(), key=lambda item: -item[1][1]):
        print(f"| {kind} | {runs} | {edits} |")
    return 0


def _real_default() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus" / "real" / "koeln-bv-ocr").exists():
            return base / "shared" / "corpus" / "real" / "koeln-bv-ocr"
    return ROOT.parent / "shared" / "corpus" / "real" / "koeln-bv-ocr"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the WER per scan and overall as a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--heldout", type=Path, metavar="DIR", help="measure the held-out scans in DIR (build_scans.py --heldout DIR)"
    )
    parser.add_argument("--show-errors", action="store_true", help="list every differing word")
    parser.add_argument(
        "--real",
        nargs="?",
        const=_real_default(),
        type=Path,
        metavar="DIR",
        help="CER/WER of ratsdoc and plain Tesseract on real scans with referenz/*.txt (default: koeln-bv-ocr)",
    )
    parser.add_argument(
        "--dev", type=Path, metavar="DIR", help="CER/WER on generated scans with NAME.source.pdf (--keep-sources)"
    )
    parser.add_argument(
        "--layout-cache", type=Path, metavar="DIR", help="with --dev: the layout cache of variant_accuracy.py"
    )
    parser.add_argument(
        "--tesseract",
        action="store_true",
        help="with --dev: also plain `tesseract page.png - -l deu` on 300 dpi renders of the same pages "
        "(kept in --layout-cache DIR when given)",
    )
    args = parser.parse_args(argv)
    if args.dev:
        if args.layout_cache:
            sys.path.insert(0, str(ROOT / "scripts"))
            import variant_accuracy

            variant_accuracy.use_layout_cache(args.layout_cache)
        return main_dev(args.dev, args.show_errors, args.tesseract, args.layout_cache)
    if args.real:
        if not (args.real / "referenz").is_dir():
            print(f"no reference transcriptions in {args.real / 'referenz'}", file=sys.stderr)
            return 1
        return main_real(args.real, args.show_errors)
    scans = _build_scans()
    table = scans.HELDOUT_TABLE if args.heldout else scans.SCANS_TABLE
    folder = args.heldout or scans.SCANS
    print("| scan | pages | words | errors | WER | seconds |\n|---|---:|---:|---:|---:|---:|")
    total_words = total_errors = 0
    for scan in table:
        path = folder / f"{scan.name}.pdf"
        if not path.exists():
            print(f"| {scan.name} | missing: build it first | | | | |")
            continue
        reference = page_words(ROOT / "fixtures" / f"{scan.source}.pdf", "never")
        started = time.perf_counter()
        read = page_words(path, "auto")
        seconds = time.perf_counter() - started
        words = errors = 0
        for page, ref in sorted(reference.items()):
            distance, pairs = alignment(ref, read.get(page, []))
            words += len(ref)
            errors += distance
            if args.show_errors:
                for want, got in pairs:
                    print(f"  {scan.name} p{page}: {want!r} -> {got!r}", file=sys.stderr)
        total_words += words
        total_errors += errors
        print(f"| {scan.name} | {len(reference)} | {words} | {errors} | {errors / max(words, 1):.1%} | {seconds:.1f} |")
    print(f"| **all** | | {total_words} | {total_errors} | **{total_errors / max(total_words, 1):.1%}** | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
