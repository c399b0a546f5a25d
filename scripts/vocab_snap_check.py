"""How snapping OCR words to the vocabulary behaves (the OCR snapper of ``ratsdoc.text.lookalikes``), measured on
the bundled vocabularies: paper types, bodies and consultation roles of every profile and of
the generic reader.

Usage::

    python scripts/vocab_snap_check.py [--seed N] [--edits N]

prints, per kind of misreading, how many misread entries snap back to their entry, snap to
another entry or to none, and how many of them :attr:`VocabMatch.sure` lets through without a
warning: every single known confusion of every entry (the ``snap`` pairs of
``text/lookalikes.toml``, each reading put for its class's sign), ``--edits`` random
single-letter errors per entry (a letter lost, added or replaced by any letter), and ``--words``
words drawn from the German word list (``ocr/lexicon.py``) that are no entry and no inflected
form of one (what a snap must leave alone).
"""

from __future__ import annotations

import argparse
import random
import string
from collections import Counter
from collections.abc import Sequence

from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.ocr.lexicon import lexicon
from ratsdoc.profile import bundled_profiles
from ratsdoc.text.lookalikes import ocr_snapper

_LETTERS = string.ascii_lowercase + "äöüß"


def vocabularies() -> dict[str, list[str]]:
    """The bundled vocabularies by kind: types, bodies, roles."""
    profiles = bundled_profiles().values()
    reader = reader_vocabulary()
    types = sorted({t for p in profiles for t in p.document_types} | set(reader.document_types))
    bodies = sorted({b for p in profiles for b in p.bodies} | set(reader.bodies))
    roles = sorted({r for p in profiles for r in p.roles})
    return {"types": types, "bodies": bodies, "roles": roles}


def confusion_variants(entry: str) -> list[str]:
    """``entry`` with one printed shape read as one of its confusions, at each place."""
    variants = []
    lower = entry.casefold()
    for read, printed in ocr_snapper().confusions.signs.items():
        start = lower.find(printed)
        while start >= 0:
            variants.append(entry[:start] + read + entry[start + len(printed) :])
            start = lower.find(printed, start + 1)
    return variants


def fold(text: str) -> str:
    """``text`` as the snapper compares it."""
    return ocr_snapper().fold(text)


def random_edit(entry: str, rng: random.Random) -> str:
    """``entry`` with one letter lost, added or replaced (never the same word)."""
    while True:
        at = rng.randrange(len(entry))
        kind = rng.choice("sid")
        letter = rng.choice(_LETTERS)
        if kind == "s":
            word = entry[:at] + letter + entry[at + 1 :]
        elif kind == "i":
            word = entry[:at] + letter + entry[at:]
        else:
            word = entry[:at] + entry[at + 1 :]
        if fold(word) != fold(entry):
            return word


def tally(cases: Sequence[tuple[str, str]], vocabulary: Sequence[str]) -> Counter[str]:
    """Outcomes of snapping each (text, entry it stands for) against ``vocabulary``."""
    counts: Counter[str] = Counter()
    for text, entry in cases:
        found = ocr_snapper().match(text, vocabulary)
        if found is None:
            counts["none"] += 1
        elif fold(found.entry) == fold(entry):
            counts["right, sure" if found.sure else "right, warned"] += 1
        else:
            counts["wrong, sure" if found.sure else "wrong, warned"] += 1
    return counts


def _inflected(word: str, entries: Sequence[str]) -> bool:
    """Whether ``word`` is an entry with an ending ("anträge", "stadtrates") or a part of one."""
    return any(fold(e).startswith(word) or word.startswith(fold(e)[:-1]) for e in entries)


def main() -> int:
    """Print the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edits", type=int, default=20, help="random single errors per entry")
    parser.add_argument("--words", type=int, default=40000, help="German words drawn from the word list")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    listed = sorted(lexicon() or ())
    words = rng.sample(listed, min(args.words, len(listed)))
    head = "| vocabulary | entries | misreading | cases | right, sure | right, warned | wrong, sure | wrong, warned |"
    print(f"{head} none |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for kind, entries in vocabularies().items():
        singles = [e for e in entries if " " not in e]
        confused = [(v, e) for e in entries for v in confusion_variants(e)]
        edited = [(random_edit(e, rng), e) for e in entries for _ in range(args.edits)]
        folded = {fold(e) for e in entries}
        foreign = [(w, "") for w in words if w not in folded and not _inflected(w, singles)]
        for name, cases in (("one known confusion", confused), ("one other error", edited), ("German words", foreign)):
            counts = tally(cases, entries)
            print(
                f"| {kind} | {len(entries)} | {name} | {len(cases)} | {counts['right, sure']} "
                f"| {counts['right, warned']} | {counts['wrong, sure']} | {counts['wrong, warned']} "
                f"| {counts['none']} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
