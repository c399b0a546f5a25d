"""Turn the user's PATH arguments into input files: directory trees, list files and archives (whose
members :mod:`.archives` unpacks)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..status import IngestOutcome
from .archives import ArchiveBudget, Unpacker
from .inputs import LIST_SUFFIXES, PDF_SUFFIXES, ArchiveLimits, FileInput, Item, Notice, has_suffix, is_archive


def _looks_like_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return b"%PDF-" in handle.read(1024)
    except OSError:
        return False


def _leaves(path: Path, root: Path) -> bool:
    """True for a symbolic link whose target lies outside ``root`` (resolved)."""
    return path.is_symlink() and not path.resolve().is_relative_to(root)


class _Extractor:
    """Expands inputs into :class:`Item` objects; archives go to an :class:`~.archives.Unpacker`."""

    def __init__(self, tmp_dir: Path, limits: ArchiveLimits, all_files: bool) -> None:
        self.all_files = all_files
        self._archives = Unpacker(tmp_dir, limits, all_files)

    def expand(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
        seen_lists: set[str] = set()  # list files read so far (a list may name itself)
        for raw in paths:
            yield from self._expand_arg(Path(raw), seen_lists, top_level=True)

    def _expand_arg(self, path: Path, seen_lists: set[str], *, top_level: bool) -> Iterator[Item]:
        name = str(path)
        if path.is_dir():
            yield from self._walk(path)
        elif not path.exists():
            yield Notice(name, "no such file or directory", kind=IngestOutcome.MISSING)
        elif is_archive(name):
            yield from self._archives.unpack(path, name, depth=0, budget=ArchiveBudget())
        elif top_level and has_suffix(name, LIST_SUFFIXES):
            yield from self._list_file(path, seen_lists)
        else:
            yield FileInput(path, name)

    def _list_file(self, path: Path, seen_lists: set[str]) -> Iterator[Item]:
        key = str(path.resolve())
        if key in seen_lists:
            yield Notice(str(path), "list file already read (cycle)")
            return
        seen_lists.add(key)
        try:
            # Undecodable bytes stay as surrogate escapes: they are the bytes of a Latin-1 path.
            lines = path.read_text(encoding="utf-8", errors="surrogateescape").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            yield Notice(str(path), f"cannot read list file: {exc}", kind=IngestOutcome.MISSING)
            return
        for line in lines:
            entry = line.strip()
            if not entry or entry.startswith("#"):
                continue
            target = Path(entry)
            if not target.is_absolute():  # relative to the list file, not to the cwd
                target = path.parent / target
            # Nested list files are read too (cycles are caught above).
            is_list = has_suffix(entry, LIST_SUFFIXES) and not target.is_dir()
            yield from self._expand_arg(target, seen_lists, top_level=is_list)

    def _walk(self, root: Path) -> Iterator[Item]:
        top = root.resolve()
        for folder, dirs, files in os.walk(root):  # links to folders are not descended into
            dirs.sort()
            for name in sorted(dirs + files):
                if _leaves(Path(folder) / name, top):
                    yield Notice(str(Path(folder) / name), "symbolic link leaves the input folder (ignored)")
            for file_name in sorted(files):
                path = Path(folder) / file_name
                if not path.is_file() or _leaves(path, top):
                    continue
                if is_archive(file_name):
                    yield from self._archives.unpack(path, str(path), depth=0, budget=ArchiveBudget())
                elif has_suffix(file_name, PDF_SUFFIXES) or self.all_files or _looks_like_pdf(path):
                    yield FileInput(path, str(path))
                else:
                    yield Notice(str(path), "not a PDF (ignored)")


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    tmp_dir: Path,
    limits: ArchiveLimits | None = None,
    *,
    all_files: bool = False,
) -> Iterator[Item]:
    """Yield every input below ``paths`` in a stable order; archives unpack into ``tmp_dir``.

    ``tmp_dir`` belongs to this call: member files get names numbered through the whole call and
    stay until the caller deletes them (:attr:`FileInput.temporary`).
    """
    yield from _Extractor(tmp_dir, limits or ArchiveLimits(), all_files).expand(paths)
