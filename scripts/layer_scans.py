"""Scans with their own OCR text layer, corrupted at known rates: the development set for judging
a kept layer (``ratsdoc.ocr.layer_quality``).

Usage::

    python scripts/layer_scans.py build SRC_DIR OUT_DIR [--seed 7] [--rates 0,0.02,0.05,0.1,0.15]
    PYTHONPATH=src python scripts/layer_scans.py measure OUT_DIR [--show]

``build`` takes every born-digital PDF under SRC_DIR (e.g. ``generate_variants.py SRC_DIR
--families letter,allris --seed 7``), degrades each page into a scan as ``build_scans.py``
does (one image per source, the same for every rate) and lays over it an invisible text
layer (render mode 3) of the source's words in which a share ``rate`` of the characters
was corrupted the way OCR engines misread German print (:func:`corrupt`): rn/m, l/1/I,
O/0, ü/ii, dropped umlauts and ß, e/c, h/b, n/u, words split in two, words run together
(``--letters-only``: no confusion that puts a digit for a letter, which the shape test of
``ratsdoc.ocr.noise`` catches on its own). ``--hyphenate`` sets the source's words again as a
narrow column of running text with words divided at line ends (:func:`hyphenated`).
Each scan gets ``NAME.txt``, the true text: the source's words page by page as the layout
stage reads them (never ratsdoc's reading of the scan).

``measure`` reads every scan with ``--ocr auto`` and prints per rate how many pages kept
their layer and the character error rate of the reading against the true text, beside the
CER of the layer itself (``--ocr never``) and of a fresh OCR (``--ocr always``).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: Character confusions of OCR engines on German print: (what is printed, what is read).
CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("m", "rn"),
    ("rn", "m"),
    ("l", "1"),
    ("l", "I"),
    ("I", "l"),
    ("i", "l"),
    ("O", "0"),
    ("o", "0"),
    ("ü", "ii"),
    ("ü", "u"),
    ("ä", "a"),
    ("ö", "o"),
    ("ß", "B"),
    ("e", "c"),
    ("c", "e"),
    ("h", "b"),
    ("n", "u"),
    ("u", "n"),
    ("t", "l"),
    ("f", "t"),
)


def corrupt(words: Sequence[str], rate: float, rng: random.Random, letters_only: bool = False) -> list[str]:
    """``words`` with about ``rate`` of their characters misread (:data:`CONFUSIONS`; with
    ``letters_only`` only those that give letters, which a word's shape does not betray), some
    words split in two and some run together with the next."""
    confusions = [(a, b) for a, b in CONFUSIONS if not (letters_only and any(ch.isdigit() for ch in b))]
    out: list[str] = []
    for word in words:
        chars = []
        i = 0
        while i < len(word):
            if rng.random() < rate:
                options = [(a, b) for a, b in confusions if word.startswith(a, i)]
                if options:
                    a, b = rng.choice(options)
                    chars.append(b)
                    i += len(a)
                    continue
                if word[i].isalpha() and 0 < i < len(word) - 1 and rng.random() < 0.3:
                    chars.append(word[i] + " ")  # a word split in two
                    i += 1
                    continue
            chars.append(word[i])
            i += 1
        text = "".join(chars)
        if out and rng.random() < rate / 4:
            out[-1] += text  # run together with the word before
        else:
            out.append(text)
    return out


def _true_text(pdf: Path) -> str:
    """The source's words, page by page, as the layout stage reads them."""
    from ocr_wer import page_words

    return "\n".join(" ".join(words) for _, words in sorted(page_words(pdf, "never").items()))


def build_one(source: Path, out: Path, rate: float, seed: int, letters_only: bool = False) -> None:
    """``out``: ``source`` scanned (seeded by ``seed``) with a layer corrupted at ``rate``."""
    import numpy as np
    import pypdfium2 as pdfium
    from reportlab.pdfgen.canvas import Canvas

    from build_scans import Scan, layer_word, scan_pages, text_layer_words

    image_rng = np.random.default_rng(seed)
    text_rng = random.Random(f"{seed}-{rate}")
    angle = random.Random(seed).uniform(-0.8, 0.8)
    scan = Scan(out.stem, source.stem, 200, angle, False, seed)
    document = pdfium.PdfDocument(str(source))
    canvas = Canvas(str(out), invariant=1, pageCompression=1)

    def layer(index: int, width: float, height: float) -> None:
        for word in text_layer_words(source, index):
            layer_word(
                canvas, " ".join(corrupt([str(word["text"])], rate, text_rng, letters_only)), word, angle, width, height
            )

    try:
        scan_pages(document, canvas, scan, image_rng, layer)
    finally:
        document.close()


def hyphenated(words: Sequence[str], out: Path, rng: random.Random) -> None:
    """``words`` set as a narrow column of running text (Helvetica 11 pt, 260 pt wide), a long
    lower-case word that does not fit divided at the line end with a hyphen ("Verwal-" /
    "tung"), as word processors hyphenate; written to ``out``."""
    from reportlab.pdfgen.canvas import Canvas

    size, width, lead, left, top = 11.0, 260.0, 14.0, 90.0, 90.0
    canvas = Canvas(str(out), invariant=1, pageCompression=1)
    canvas.setFont("Helvetica", size)
    x, y = 0.0, top
    space = canvas.stringWidth(" ", "Helvetica", size)

    def put(text: str) -> None:
        nonlocal x, y
        canvas.drawString(left + x, 842 - y, text)
        x += canvas.stringWidth(text, "Helvetica", size) + space

    def newline() -> None:
        nonlocal x, y
        x, y = 0.0, y + lead
        if y > 842 - 90:
            canvas.showPage()
            canvas.setFont("Helvetica", size)
            y = top

    for word in words:
        need = canvas.stringWidth(word, "Helvetica", size)
        if x + need <= width:
            put(word)
            continue
        cuts = [
            k
            for k in range(3, len(word) - 2)
            if word[k - 1].isalpha()
            and word[k].islower()
            and x + canvas.stringWidth(word[:k] + "-", "Helvetica", size) <= width
        ]
        if word.isalpha() and cuts and rng.random() < 0.8:
            put(word[: cuts[-1]] + "-")
            newline()
            put(word[cuts[-1] :])
            continue
        newline()
        put(word)
    canvas.showPage()
    canvas.save()


def build(
    src: Path, out: Path, rates: Sequence[float], seed: int, hyphenate: bool = False, letters_only: bool = False
) -> None:
    """Every PDF under ``src`` scanned once per rate into ``out``; with ``hyphenate``, its words
    set again as hyphenated running text first (:func:`hyphenated`)."""
    out.mkdir(parents=True, exist_ok=True)
    for number, source in enumerate(sorted(src.rglob("*.pdf"))):
        truth = _true_text(source)
        if hyphenate:
            source_words = truth.split()
            source = out / f"{source.stem}-h.src.pdf"
            hyphenated(source_words, source, random.Random(seed * 1000 + number))
            truth = " ".join(source_words)
        for rate in rates:
            target = out / f"{source.stem.removesuffix('.src')}-r{round(rate * 100):02d}.pdf"
            build_one(source, target, rate, seed * 1000 + number, letters_only)
            target.with_suffix(".txt").write_text(truth, encoding="utf-8")
            print(target, flush=True)


def measure(folder: Path, show: bool = False) -> int:
    """Print, per corruption rate, the pages whose layer was kept and the CERs (see the module docstring)."""
    from ocr_wer import _ratsdoc_text, error_rates, page_words
    from ratsdoc import parse

    rows: dict[str, list[int]] = {}
    fresh: dict[str, tuple[int, int]] = {}
    print("| scan | layer kept | CER layer | CER read | CER fresh OCR |\n|---|---|---:|---:|---:|")
    for pdf in sorted(p for p in folder.glob("*.pdf") if not p.stem.endswith(".src")):
        truth = pdf.with_suffix(".txt").read_text(encoding="utf-8")
        rate = pdf.stem.rsplit("-r", 1)[1]
        source = pdf.stem.rsplit("-r", 1)[0]
        warnings = parse(str(pdf)).warnings
        kept = sum("its own OCR text layer was used" in w for w in warnings)
        pages = len(page_words(pdf, "never"))
        layer = error_rates(truth, "\n".join(" ".join(w) for _, w in sorted(page_words(pdf, "never").items())))
        read = error_rates(truth, _ratsdoc_text(pdf))
        if source not in fresh:
            ocr = "\n".join(" ".join(w) for _, w in sorted(page_words(pdf, "always").items()))
            fresh[source] = error_rates(truth, ocr)[:2]
        row = rows.setdefault(rate, [0] * 8)
        for i, value in enumerate((kept, pages, layer[0], layer[1], read[0], read[1], *fresh[source])):
            row[i] += value
        if show:
            print(
                f"| {pdf.stem} | {kept}/{pages} | {layer[0] / layer[1]:.1%} | {read[0] / read[1]:.1%} "
                f"| {fresh[source][0] / fresh[source][1]:.1%} |",
                flush=True,
            )
    print("\n| rate | layer kept | CER layer | CER read | CER fresh OCR |\n|---|---|---:|---:|---:|")
    total = [0] * 8
    for rate, row in sorted(rows.items()):
        total = [a + b for a, b in zip(total, row, strict=True)]
        print(
            f"| {int(rate)} % | {row[0]}/{row[1]} | {row[2] / row[3]:.1%} "
            f"| {row[4] / row[5]:.1%} | {row[6] / row[7]:.1%} |"
        )
    print(
        f"| **all** | {total[0]}/{total[1]} | {total[2] / total[3]:.1%} | **{total[4] / total[5]:.1%}** "
        f"| {total[6] / total[7]:.1%} |"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Build or measure the development set (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("build", help="scan the PDFs under SRC_DIR with corrupted layers into OUT_DIR")
    make.add_argument("src", type=Path)
    make.add_argument("out", type=Path)
    make.add_argument("--seed", type=int, default=7)
    make.add_argument("--rates", default="0,0.02,0.05,0.1,0.15", help="character corruption rates")
    make.add_argument("--hyphenate", action="store_true", help="set the words again as hyphenated running text")
    make.add_argument("--letters-only", action="store_true", help="only confusions that give letters (no O/0, l/1)")
    check = sub.add_parser("measure", help="layer decisions and CER of the scans in DIR")
    check.add_argument("folder", type=Path)
    check.add_argument("--show", action="store_true", help="one row per scan")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(
            args.src, args.out, [float(r) for r in args.rates.split(",")], args.seed, args.hyphenate, args.letters_only
        )
        return 0
    return measure(args.folder, args.show)


if __name__ == "__main__":
    raise SystemExit(main())
