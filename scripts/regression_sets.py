"""The regression sets a change is checked against: build them once, read them with any tree.

Usage::

    python scripts/regression_sets.py build DIR
    PYTHONPATH=src python scripts/regression_sets.py read DIR REPORTS [SET ...]

``build`` draws the generated sets into ``DIR`` (seeded: the same files on every machine with the
same fonts and LibreOffice): the default variant families and the named born-digital families at
eight each, the named families at seed 113, and the meeting sets of seeds 71, 113 and 111.
``read`` writes one report per set into ``REPORTS`` (``SET.txt``: what ``variant_accuracy.py``
prints, with its misses; for ``realdev`` what ``eval_split.py --half dev`` prints; for ``fixtures``
what ``ratsdoc eval fixtures`` prints), read by the ``ratsdoc`` that ``PYTHONPATH`` names, so
that two trees' reports can be compared with ``diff -r``. The real corpus is looked for at
``../shared/corpus/real`` beside the repository unless ``--corpus`` names it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"

#: The born-digital named families (no scans: their OCR takes minutes a paper).
NAMED = (
    "erfurt-docx,erfurt-reportlab,allris,sessionnet,letter,swiss-motion,letter-dach,letter-request,"
    "other-city-vorlage,office-letter,letter-foot,speech,margin-vorlage,numbered-vorlage,bavarian-vorlage,"
    "bvv-drucksache,magistrat-vorlage,sdnet-vorlage,kreistag-vorlage,swiss-report,austrian-report,vermerk,"
    "buergerantrag,office-vorlage,mixed-paper,joint-paper,browser-print,split-tables,office-frames,answer-paper,"
    "answer-office,mail-print,satzung-synopse,aenderungsantrag,beratungsverlauf,parliament-drucksache"
)


def _words(text: str) -> list[str]:
    """A generator's arguments written as one string."""
    return text.split()


#: Each generated set: its folder name and the generator's arguments after the folder.
SETS: dict[str, tuple[str, list[str]]] = {
    "def8": ("generate_variants.py", ["--per-family", "8"]),
    "named8": ("generate_variants.py", ["--per-family", "8", "--families", NAMED]),
    "vd113": ("generate_variants.py", ["--seed", "113", "--per-family", "8", "--families", NAMED]),
    "md71": (
        "generate_meetings.py",
        _words(
            "--seed 71 --variants 6 --heads --agenda-styles 30 --record-heads 20 --toc-styles 20 "
            "--agenda-layouts 40 --minutes-styles 40"
        ),
    ),
    "mf113": (
        "generate_meetings.py",
        _words(
            "--seed 113 --variants 0 --deep-agendas 12 --bw-styles 12 --bavarian-invitations 12 --decision-lists 12 "
            "--browser-agendas 8 --office-meetings 8 --austrian-styles 12 --session-packages 8 --gazette-notices 10 "
            "--agenda-supplements 10 --attendance-tables 10 --vote-blocks 12"
        ),
    ),
    "vb111": (
        "generate_meetings.py",
        _words("--seed 111 --variants 12 --plenary-styles 15 --plenary-hard 15 --parliament-styles 15"),
    ),
}
#: Sets read from files that are already there.
READ_ONLY = ("realdev", "fixtures")


def build(folder: Path) -> int:
    """Draw every generated set into ``folder`` (a set whose folder exists is kept)."""
    failed = 0
    for name, (script, args) in SETS.items():
        target = folder / name
        if target.exists():
            continue
        done = subprocess.run([sys.executable, str(SCRIPTS / script), str(target), *args], check=False)
        if done.returncode:
            print(f"{name}: the generator failed (exit {done.returncode})", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def _command(name: str, folder: Path, corpus: Path) -> list[str]:
    if name == "realdev":
        return [sys.executable, str(SCRIPTS / "eval_split.py"), "--half", "dev", "--corpus", str(corpus), "--misses"]
    if name == "fixtures":
        return [sys.executable, "-m", "ratsdoc", "eval", "fixtures", "--golden", "fixtures", "--exclude", "scans/*"]
    return [sys.executable, str(SCRIPTS / "variant_accuracy.py"), str(folder / name), "--jobs", "1", "--misses", "300"]


def read(folder: Path, reports: Path, names: list[str], corpus: Path = CORPUS) -> int:
    """Read each set of ``names`` (all by default) and write its report into ``reports``."""
    reports.mkdir(parents=True, exist_ok=True)
    for name in names or [*READ_ONLY, *SETS]:
        if name not in READ_ONLY and name not in SETS:
            print(f"unknown set {name!r}: one of {', '.join([*READ_ONLY, *SETS])}", file=sys.stderr)
            return 2
        with (reports / f"{name}.txt").open("w", encoding="utf-8") as out:
            subprocess.run(_command(name, folder, corpus), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, check=False)
        print(f"{name}: {reports / (name + '.txt')}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Build the sets or read them (see the module)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    built = sub.add_parser("build", help="draw the generated sets")
    built.add_argument("folder", type=Path)
    reading = sub.add_parser("read", help="read the sets with the ratsdoc on PYTHONPATH")
    reading.add_argument("folder", type=Path)
    reading.add_argument("reports", type=Path)
    reading.add_argument("sets", nargs="*")
    reading.add_argument("--corpus", type=Path, default=CORPUS, help="the real corpus (../shared/corpus/real)")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.folder)
    return read(args.folder, args.reports, args.sets, args.corpus)


if __name__ == "__main__":
    sys.exit(main())
