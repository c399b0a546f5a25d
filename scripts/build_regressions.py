"""Build the hand-made regression inputs in ``fixtures/regressions/``.

Most regression inputs are fuzzed copies of fixtures (``scripts/fuzz.py``); the ones listed here
are built from a fixture paper with a different look, to keep one producer quirk in the test
suite. Usage::

    python scripts/build_regressions.py                 # all of them
    python scripts/build_regressions.py --only NAME ... # selected ones
    python scripts/build_regressions.py --list

``libreoffice-ligatures``: the Erfurt paper 0815/23 (``build_fixtures.P_0815_23``) as DOCX in
Carlito, converted by LibreOffice Writer, which sets "ff", "ft", "fi", "fl", "ti", "tt" as
ligature glyphs whose ToUnicode entry holds both letters. Normalised with pikepdf like the
DOCX fixtures, so a rebuild is byte for byte the same with the same LibreOffice and fonts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_fixtures as bf
import fixture_docx as fd
import fixture_fonts as ff
from fixture_erfurt_docx import DocxStyle, build_docx

OUT = bf.FIXTURES / "regressions"


def ligatures(out: Path) -> bool:
    """The 0815/23 paper in Carlito through LibreOffice (ligature glyphs of two letters)."""
    look = DocxStyle(font="Carlito", size=10.0)
    return fd.convert_docx(lambda docx: build_docx(bf.P_0815_23, "docx-wingdings", docx, look), out)


INPUTS: dict[str, Callable[[Path], bool]] = {"libreoffice-ligatures": ligatures}


def main(argv: Sequence[str] | None = None) -> int:
    """Build the selected regression inputs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="build only these inputs")
    parser.add_argument("--list", action="store_true", help="list the input names")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(INPUTS))
        return 0
    unknown = set(args.only or ()) - set(INPUTS)
    if unknown:
        parser.error(f"unknown input(s): {', '.join(sorted(unknown))}")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ff.register_fonts(Path(tmp))
        for name, build in INPUTS.items():
            if args.only and name not in args.only:
                continue
            out = OUT / f"{name}.pdf"
            if build(out):
                print(f"wrote {out.relative_to(bf.ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
