"""Output files of the command line: written beside the target and renamed into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def _umask_mode() -> int:
    """The mode a new file gets from ``open()``: 0666 less the process umask."""
    # The umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def write_atomically(target: Path, *, newline: str | None = None) -> Iterator[IO[str]]:
    """A UTF-8 text handle whose content replaces ``target`` only when the block succeeds.

    A failed run never leaves half a file: the text goes to a temporary file beside the
    target, which is renamed over it at the end and removed on any error. The file gets the
    mode of any newly created file (umask applied), not the private 0600 of a temporary file.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=str(target.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
        os.chmod(tmp, _umask_mode())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A value as a CSV cell: None empty, numbers as they are, and a string a spreadsheet would
    run as a formula (``=HYPERLINK(...)`` in a title) prefixed with ``'`` so it stays text."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
