"""A cheap count of the inputs below the user's paths, for the progress bar's estimate."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .inputs import LIST_SUFFIXES, PDF_SUFFIXES, ZIP_SUFFIXES, ArchiveLimits, has_suffix, is_archive
from .zipcheck import ZipStructureError, count_entries

MAX_MEMBERS = ArchiveLimits().max_members


def count_inputs(paths: Iterable[str | os.PathLike[str]], *, all_files: bool = False) -> int:
    """A cheap estimate of how many inputs :func:`iter_inputs` yields (for the progress ETA).

    Directories are walked and zip directories read; tar archives and nested archives count as
    one each, and the total is corrected while the run goes on.
    """
    total = 0
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for _folder, _dirs, files in os.walk(path):
                total += sum(1 for f in files if has_suffix(f, PDF_SUFFIXES) or is_archive(f) or all_files)
        elif has_suffix(str(path), ZIP_SUFFIXES):
            # From the directory's headers, without zipfile (which would keep them all).
            try:
                total += max(1, min(count_entries(path, MAX_MEMBERS), MAX_MEMBERS))
            except (ZipStructureError, OSError):
                total += 1
        elif has_suffix(str(path), LIST_SUFFIXES) and path.is_file():
            try:
                total += sum(
                    1
                    for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip() and not line.strip().startswith("#")
                )
            except (OSError, UnicodeDecodeError):
                total += 1
        else:
            total += 1
    return total
