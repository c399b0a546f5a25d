"""Audit the speeches of a set of verbatim minutes with goldens: count the speeches right and wrong
(by position, as ``ratsdoc eval`` scores them) and the documents whose speeches are all right or
not, each warned (a warning naming ``speeches`` or putting the whole paper in doubt) or silent, and
list the silent wrong documents with the first difference from the golden.

A speech is right when its speaker, role and text each match the golden softly, as ``ratsdoc eval``
matches a field (:func:`ratsdoc.evaluation.soft_equal`: case and spaces folded, 90 % alike). The
same stresses as ``scripts/agenda_audit.py`` apply (the speeches stay the same, so the goldens do):
``--profile NAME`` forces a layout profile, ``--merge-pages`` sets every two pages on one tall page,
``--scale F`` prints every page at F times its size.

Usage (repo root)::

    PYTHONPATH=src python scripts/speech_audit.py DIR [DIR ...] [--profile generic] [--merge-pages]
        [--scale 0.7] [--show] [--warned] [--wrong]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agenda_audit import merged, stress_parser
from ratsdoc.errors import RatsdocError
from ratsdoc.evaluation import find_pairs, soft_equal
from ratsdoc.issues import DOCUMENT_WIDE, Issue, warns_about
from ratsdoc.options import ParseOptions
from ratsdoc.pipeline import read_paper

#: The parts of a speech, in the order a difference is named.
KEYS = ("speaker", "role", "text")
#: Words shown either side of the first word where two texts part.
CONTEXT = 6


@dataclass
class Result:
    """One document's speeches: how many were compared and right, whether a warning names them,
    and what to show (the first difference, or the warnings)."""

    total: int
    right: int
    warned: bool
    what: str

    @property
    def all_right(self) -> bool:
        return self.right == self.total


def same_speech(got: dict[str, Any], want: dict[str, Any]) -> bool:
    """Whether speaker, role and text of ``got`` each match ``want`` softly."""
    return all(soft_equal(got.get(key), want.get(key)) for key in KEYS)


def text_difference(got: str, want: str) -> str:
    """The words around the first place where ``got`` and ``want`` part."""
    a, b = (got or "").split(), (want or "").split()
    k = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    start = max(0, k - CONTEXT)
    return f"…{' '.join(a[start : k + CONTEXT])}… != …{' '.join(b[start : k + CONTEXT])}…"


def first_difference(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> str:
    """Where the read speeches first differ (softly) from the golden ones."""
    for k, (a, b) in enumerate(zip(got, want, strict=False)):
        for key in KEYS:
            if soft_equal(a.get(key), b.get(key)):
                continue
            if key == "text":
                return f"speech {k + 1} ({b.get('speaker')}) text: {text_difference(a['text'], b['text'])}"
            return f"speech {k + 1} ({b.get('speaker')}) {key}: {a.get(key)!r} != {b.get(key)!r}"
    return f"{len(got)} speeches read, {len(want)} in the golden"


def audit(pdf: Path, golden: dict[str, Any], options: ParseOptions, merge: bool, scale: float = 1.0) -> Result:
    """The speeches of one document against its golden."""
    want: list[dict[str, Any]] = golden["speeches"]
    issues: list[Issue] = []
    try:
        stressed = merge or scale != 1.0
        document, issues = read_paper(merged(pdf, 2 if merge else 1, scale) if stressed else pdf, options)
        got: list[dict[str, Any]] = document.model_dump(mode="json").get("speeches") or []
    except RatsdocError as exc:
        return Result(len(want), 0, True, f"failed: {exc}")
    total = max(len(got), len(want))
    right = sum(same_speech(a, b) for a, b in zip(got, want, strict=False))
    warned = warns_about(issues, "speeches")
    if right == total:
        named = [issue.message for issue in issues if issue.field == "speeches"]
        return Result(total, right, warned, "; ".join(named))
    named = [issue.message for issue in issues if issue.field == "speeches" or issue.code in DOCUMENT_WIDE]
    doubt = f" [warned: {'; '.join(named)}]" if warned else ""
    return Result(total, right, warned, first_difference(got, want) + doubt)


def main(argv: list[str] | None = None) -> int:
    """Print the speeches right and wrong, the documents right/wrong × warned/silent, and the
    silent wrong documents."""
    parser = stress_parser(__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the silent wrong documents")
    parser.add_argument("--warned", action="store_true", help="list the right documents warned on")
    parser.add_argument("--wrong", action="store_true", help="list every wrong document, warned or silent")
    args = parser.parse_args(argv)
    options = ParseOptions(profile=args.profile)
    counts = {(r, w): 0 for r in (True, False) for w in (True, False)}
    speeches = right = 0
    for folder in args.folders:
        for pdf, golden_path in find_pairs(folder):
            golden = json.loads(golden_path.read_text(encoding="utf-8"))
            if golden.get("kind") != "meeting" or not golden.get("speeches"):
                continue
            result = audit(pdf, golden, options, args.merge_pages, args.scale)
            speeches += result.total
            right += result.right
            counts[(result.all_right, result.warned)] += 1
            silent = not result.all_right and not result.warned
            shown = (args.show and silent) or (args.wrong and not result.all_right)
            if shown or (args.warned and result.all_right and result.warned):
                tag = "[silent]" if silent else "[warned]"
                print(f"{tag} {folder.name}/{pdf.name} ({result.right}/{result.total}): {result.what}", flush=True)
    share = right / speeches if speeches else 1.0
    print(f"speeches: {right}/{speeches} right ({share:.1%})")
    right_docs, wrong_docs = (
        counts[(True, False)] + counts[(True, True)],
        counts[(False, False)] + counts[(False, True)],
    )
    print(
        f"documents: speeches all right {right_docs} (warned {counts[(True, True)]}), "
        f"wrong {wrong_docs} (silent {counts[(False, False)]})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
