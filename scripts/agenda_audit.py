"""Audit the agendas of a set of meeting documents with goldens: count the agendas right and wrong,
each warned (an ``agenda_doubtful`` or other warning naming ``agenda_items``) or silent, and list
the silent wrong ones with the first difference from the golden (and, with ``--warned``, the right
ones warned on, with the warning).

The reader can be stressed in ways the generators do not draw, without new goldens (the agenda
stays the same):

- ``--profile NAME``: a layout profile forced instead of the one detected (``generic``: no
  profile's own patterns);
- ``--merge-pages``: every two pages set one above the other on one tall page, so page feet and
  heads stand in mid-page and an item's page break is gone;
- ``--scale F``: every page printed at F times its size (type, gaps and indents shrink or grow).

Usage (repo root)::

    PYTHONPATH=src python scripts/agenda_audit.py DIR [DIR ...] [--profile generic] [--merge-pages]
        [--scale 0.7] [--show] [--warned]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from ratsdoc.errors import RatsdocError
from ratsdoc.evaluation import find_pairs
from ratsdoc.issues import Issue, warns_about
from ratsdoc.options import ParseOptions
from ratsdoc.pipeline import read_paper

#: The item fields compared, in the order a difference is named.
KEYS = ("number", "title", "public", "paper_numbers", "decision", "vote")


def merged(pdf: Path, per_page: int = 2, scale: float = 1.0) -> bytes:
    """The PDF with every ``per_page`` pages set one above the other on one page of their joint
    height, each at ``scale`` times its size."""
    source = pdfium.PdfDocument(str(pdf))
    target = pdfium.PdfDocument.new()
    for start in range(0, len(source), per_page):
        sizes = [source[k].get_size() for k in range(start, min(start + per_page, len(source)))]
        width, height = scale * max(w for w, _ in sizes), scale * sum(h for _, h in sizes)
        page = target.new_page(width, height)
        top = height
        for offset, (_, h) in enumerate(sizes):
            placed = source.page_as_xobject(start + offset, target).as_pageobject()
            top -= scale * h
            placed.transform(pdfium.PdfMatrix().scale(scale, scale).translate(0, top))
            page.insert_obj(placed)
        page.gen_content()
    out = Path(f"/tmp/agenda-audit-{pdf.stem}.pdf")
    target.save(str(out))
    data = out.read_bytes()
    out.unlink()
    return data


def first_difference(got: list[dict[str, Any]] | None, want: list[dict[str, Any]]) -> str:
    """Where the read agenda first differs from the golden one."""
    got = got or []
    for k, (a, b) in enumerate(zip(got, want, strict=False)):
        for key in KEYS:
            if a.get(key) != b.get(key):
                return f"item {k + 1} ({b.get('number')}) {key}: {a.get(key)!r} != {b.get(key)!r}"
    if len(got) != len(want):
        return f"{len(got)} items read, {len(want)} in the golden"
    return "same items, other fields"


def audit(
    pdf: Path, golden: dict[str, Any], options: ParseOptions, merge: bool, scale: float = 1.0
) -> tuple[bool, bool, str]:
    """(right, warned, what) for one document's agenda; ``what`` is the difference or the warning."""
    issues: list[Issue] = []
    try:
        stressed = merge or scale != 1.0
        document, issues = read_paper(merged(pdf, 2 if merge else 1, scale) if stressed else pdf, options)
        got = document.model_dump(mode="json").get("agenda_items")
    except RatsdocError as exc:
        return False, True, f"failed: {exc}"
    right = got == golden["agenda_items"]
    warned = warns_about(issues, "agenda_items")
    named = [issue.message for issue in issues if issue.field == "agenda_items"]
    return right, warned, ("; ".join(named) if right else first_difference(got, golden["agenda_items"]))


def stress_parser(description: str) -> argparse.ArgumentParser:
    """A parser of the folders to audit and the stresses (``--profile``, ``--merge-pages``,
    ``--scale``) that this audit and ``scripts/speech_audit.py`` share."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--profile", help="force this layout profile")
    parser.add_argument("--merge-pages", action="store_true", help="set every two pages on one")
    parser.add_argument("--scale", type=float, default=1.0, help="print every page at this size")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Print the right/wrong × warned/silent counts of the agendas of DIR and the silent wrong ones."""
    parser = stress_parser(__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the silent wrong agendas")
    parser.add_argument("--warned", action="store_true", help="list the right agendas warned on")
    args = parser.parse_args(argv)
    options = ParseOptions(profile=args.profile)
    counts = {(r, w): 0 for r in (True, False) for w in (True, False)}
    for folder in args.folders:
        for pdf, golden_path in find_pairs(folder):
            golden = json.loads(golden_path.read_text(encoding="utf-8"))
            if golden.get("kind") != "meeting" or "agenda_items" not in golden:
                continue
            right, warned, what = audit(pdf, golden, options, args.merge_pages, args.scale)
            counts[(right, warned)] += 1
            if (args.show and not right and not warned) or (args.warned and right and warned):
                print(f"{'[silent]' if not right else '[warned]'} {folder.name}/{pdf.name}: {what}", flush=True)
    print(
        f"agendas: right {counts[(True, False)] + counts[(True, True)]} (warned {counts[(True, True)]}), "
        f"wrong {counts[(False, False)] + counts[(False, True)]} (silent {counts[(False, False)]})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
