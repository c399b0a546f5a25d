"""Archive members streamed out as inputs (zip and tar, one level of nesting by default).

Archive members are never extracted under their own names: each one is streamed into a
temporary folder under a counter-based name, so ``../`` or absolute member paths cannot write
anywhere. Such members, links and special files are still refused and reported (the user should
know that the archive held them). Sizes are counted while streaming, not trusted from headers,
so zip bombs stop at the total-size and compression-ratio limits.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO

from ..status import ParseStatus
from .inputs import (
    PDF_SUFFIXES,
    TAR_SUFFIXES,
    ZIP_SUFFIXES,
    ArchiveLimits,
    FileInput,
    Item,
    Notice,
    Refused,
    has_suffix,
    is_archive,
)
from .zipcheck import ZipStructureError, count_entries, overlapping_entries
from .zipnames import open_zip

_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class _Member:
    """One entry of an archive, as the format-independent unpacking loop needs it."""

    name: str
    #: The size its header declares (checked first, counted again while streaming).
    declared: int
    #: A reason of the format's own to refuse it: (message, error type).
    refusal: tuple[str, str] | None
    #: Opens its data; None when there is nothing to read.
    open: Callable[[], IO[bytes] | None]
    #: Its compressed size, where the format records one.
    compressed: int | None


@dataclass
class ArchiveBudget:
    """What one top-level archive, its nested archives included, has unpacked so far."""

    total: int = 0
    members: int = 0


def unsafe_member_reason(name: str) -> str | None:
    """Why an archive member name may not be extracted, or None when it is harmless."""
    if "\x00" in name:
        return "refused: the member name contains a NUL byte"
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or re.match(r"^[A-Za-z]:", normalized):
        return f"refused: absolute member path {name!r}"
    if ".." in PurePosixPath(normalized).parts:
        return f"refused: member path {name!r} leaves the extraction folder (zip-slip)"
    return None


class Unpacker:
    """Unpacks archives into ``tmp_dir`` and yields their members as :data:`~.inputs.Item` objects."""

    def __init__(self, tmp_dir: Path, limits: ArchiveLimits, all_files: bool) -> None:
        self.tmp_dir = tmp_dir
        self.limits = limits
        self.all_files = all_files
        # One counter for the whole run, not one per archive: a member's file must keep its
        # name until the engine has parsed and deleted it, which is long after its archive
        # (and that archive's budget) is finished.
        self._names = itertools.count(1)
        # Bytes of unpacked members on disk now, over every archive of the run (top-level and
        # nested): each archive has its own budget too, but many archives must not add up.
        self.held = 0

    def unpack(self, path: Path, name: str, *, depth: int, budget: ArchiveBudget) -> Iterator[Item]:
        """The members of the archive at ``path`` (shown as ``name``), ``depth`` levels inside others."""
        if has_suffix(name, ZIP_SUFFIXES):
            yield from self._zip(path, name, depth, budget)
        else:
            yield from self._tar(path, name, depth, budget)

    def _temp_path(self, member: str) -> Path:
        suffix = ".pdf"
        for candidate in TAR_SUFFIXES + ZIP_SUFFIXES:
            if member.lower().endswith(candidate):
                suffix = candidate
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        return self.tmp_dir / f"member-{next(self._names):07d}{suffix}"

    def _member_precheck(self, archive: str, member: str, declared: int, budget: ArchiveBudget) -> Refused | None:
        display = f"{archive}!{member}"
        budget.members += 1
        if budget.members > self.limits.max_members:
            return Refused(
                display,
                f"refused: the archive has more than {self.limits.max_members} members",
                "ArchiveLimitExceeded",
                fatal=True,
            )
        reason = unsafe_member_reason(member)
        if reason:
            return Refused(display, reason, "UnsafeArchiveMember")
        if declared > self.limits.max_member_bytes:
            return Refused(
                display,
                f"refused: member declares {declared} bytes, more than the limit of {self.limits.max_member_bytes}",
                "ArchiveLimitExceeded",
            )
        if budget.total + declared > self.limits.max_total_bytes:
            return Refused(
                display,
                f"refused: the archive would unpack to more than {self.limits.max_total_bytes} bytes",
                "ArchiveLimitExceeded",
            )
        return None

    def _wanted(self, member: str, depth: int) -> bool:
        return self.all_files or has_suffix(member, PDF_SUFFIXES) or is_archive(member)

    def _copy_limited(
        self, source: IO[bytes], target: Path, display: str, budget: ArchiveBudget, compressed: int | None
    ) -> Refused | None:
        """Stream ``source`` to ``target``, counting real bytes against every limit."""
        written = 0
        limits = self.limits
        # "xb": a name that is somehow still taken fails this member loudly instead of
        # overwriting a file another member's parse is about to read.
        with target.open("xb") as out:
            while True:
                chunk = source.read(_CHUNK)
                if not chunk:
                    break
                written += len(chunk)
                budget.total += len(chunk)
                self.held += len(chunk)
                problem = None
                if written > limits.max_member_bytes:
                    problem = f"member unpacks to more than {limits.max_member_bytes} bytes"
                elif budget.total > limits.max_total_bytes:
                    problem = f"archive unpacks to more than {limits.max_total_bytes} bytes"
                elif self.held > limits.max_total_bytes:
                    problem = f"the run's unpacked files would take more than {limits.max_total_bytes} bytes"
                elif (
                    compressed is not None
                    and written > limits.ratio_floor_bytes
                    and written > limits.max_ratio * max(compressed, 1)
                ):
                    problem = f"compression ratio exceeds {limits.max_ratio:g}:1 (zip bomb?)"
                if problem:
                    out.close()
                    self._discard(target, written)
                    return Refused(display, f"refused: {problem}", "ArchiveLimitExceeded")
                out.write(chunk)
        return None

    def _release(self, size: int) -> None:
        self.held -= size

    def _discard(self, target: Path, written: int) -> None:
        """Remove a member file that will not be parsed (``written`` bytes counted in :attr:`held`)."""
        target.unlink(missing_ok=True)
        self.held -= written

    def _extracted(self, target: Path, archive: str, member: str, depth: int, budget: ArchiveBudget) -> Iterator[Item]:
        display = f"{archive}!{member}"
        size = target.stat().st_size
        if is_archive(member):
            if depth + 1 > self.limits.max_nesting:
                target.unlink(missing_ok=True)
                self._release(size)
                yield Refused(
                    display,
                    f"refused: archive nested more than {self.limits.max_nesting} level(s) deep",
                    "NestedArchive",
                )
                return
            try:
                yield from self.unpack(target, display, depth=depth + 1, budget=budget)
            finally:
                target.unlink(missing_ok=True)
                self._release(size)
            return
        yield FileInput(target, display, temporary=True, release=partial(self._release, size))

    def _zip(self, path: Path, name: str, depth: int, budget: ArchiveBudget) -> Iterator[Item]:
        limits = self.limits
        with contextlib.suppress(ZipStructureError, OSError):  # else zipfile says what is wrong
            # Counted before zipfile reads (and keeps) the whole directory.
            if count_entries(path, limits.max_members) > limits.max_members:
                reason = f"refused: the archive has more than {limits.max_members} members"
                yield Refused(name, reason, "ArchiveLimitExceeded", path=path, fatal=True)
                return
        try:
            archive = open_zip(path)
        except (zipfile.BadZipFile, OSError) as exc:
            yield Refused(
                name, f"damaged zip archive: {exc}", "DamagedArchiveError", status=ParseStatus.FAILED, path=path
            )
            return
        overlap = overlapping_entries(archive.infolist())
        if overlap is not None:
            archive.close()
            reason = f"refused: members {overlap[0]!r} and {overlap[1]!r} share compressed data (zip bomb?)"
            yield Refused(name, reason, "ArchiveLimitExceeded", path=path)
            return

        def members() -> Iterator[_Member]:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                refusal = None
                if (info.external_attr >> 16) & 0o170000 == 0o120000:
                    refusal = ("refused: symbolic link in archive", "UnsafeArchiveMember")
                elif info.file_size > limits.ratio_floor_bytes and (
                    info.file_size > limits.max_ratio * max(info.compress_size, 1)
                ):
                    refusal = (
                        f"refused: compression ratio exceeds {limits.max_ratio:g}:1 (zip bomb?)",
                        "ArchiveLimitExceeded",
                    )
                yield _Member(
                    info.filename, info.file_size, refusal, partial(archive.open_member, info), info.compress_size
                )

        with archive:
            # RuntimeError covers an encrypted member and an unsupported compression method
            # (zipfile raises a subclass of it for the latter): that member fails, not the rest.
            yield from self._unpack(
                members(),
                name,
                depth,
                budget,
                member_errors=(zipfile.BadZipFile, OSError, EOFError, RuntimeError),
                compressed_total=path.stat().st_size,
            )

    def _tar(self, path: Path, name: str, depth: int, budget: ArchiveBudget) -> Iterator[Item]:
        try:
            archive = tarfile.open(path, mode="r:*")  # noqa: SIM115 - closed by `with` below
        except (tarfile.TarError, OSError, EOFError) as exc:
            yield Refused(
                name, f"damaged tar archive: {exc}", "DamagedArchiveError", status=ParseStatus.FAILED, path=path
            )
            return

        def members() -> Iterator[_Member]:
            for info in archive:
                if info.isdir():
                    continue
                refusal = None
                if info.issym() or info.islnk():
                    refusal = (f"refused: link in archive (-> {info.linkname!r})", "UnsafeArchiveMember")
                elif not info.isfile():
                    refusal = ("refused: special file (device or fifo)", "UnsafeArchiveMember")
                yield _Member(info.name, info.size, refusal, partial(archive.extractfile, info), None)

        with archive:
            try:
                # For tar the ratio is checked over the whole archive: members have no
                # compressed size of their own. A damaged member ends the archive (a tar
                # stream cannot be resynchronised).
                yield from self._unpack(members(), name, depth, budget, compressed_total=path.stat().st_size)
            except (tarfile.TarError, OSError, EOFError, zipfile.BadZipFile) as exc:
                yield Refused(
                    name, f"damaged tar archive: {exc}", "DamagedArchiveError", status=ParseStatus.FAILED, path=path
                )

    def _unpack(
        self,
        members: Iterable[_Member],
        archive: str,
        depth: int,
        budget: ArchiveBudget,
        *,
        member_errors: tuple[type[BaseException], ...] = (),
        compressed_total: int | None = None,
    ) -> Iterator[Item]:
        """Check, stream out and yield the members of one archive, whatever its format.

        ``member_errors`` fail only the member that raised them (others propagate);
        ``compressed_total`` bounds the ratio of everything unpacked so far to the archive's
        size, for formats without a compressed size per member.
        """
        limits = self.limits
        unpacked = 0  # by this archive itself (the budget also counts its parents' and siblings')
        for member in members:
            display = f"{archive}!{member.name}"
            refused = self._member_precheck(archive, member.name, member.declared, budget)
            if refused is None and member.refusal is not None:
                refused = Refused(display, *member.refusal)
            if refused is not None:
                yield refused
                if refused.fatal:
                    return
                continue
            if not self._wanted(member.name, depth):
                yield Notice(display, "not a PDF (ignored)")
                continue
            target = self._temp_path(member.name)
            before = budget.total
            try:
                source = member.open()
                if source is None:  # nothing to read (tarfile says so for some entries)
                    continue
                with source:
                    refused = self._copy_limited(source, target, display, budget, member.compressed)
            except member_errors as exc:
                self._discard(target, budget.total - before)
                yield Refused(display, f"cannot unpack member: {exc}", "DamagedArchiveError", status=ParseStatus.FAILED)
                continue
            except BaseException:  # one that ends the archive (a damaged tar stream): no half-written member stays
                self._discard(target, budget.total - before)
                raise
            unpacked += budget.total - before
            if (
                refused is None
                and compressed_total is not None
                and (unpacked > limits.ratio_floor_bytes and unpacked > limits.max_ratio * max(compressed_total, 1))
            ):
                self._discard(target, budget.total - before)
                unpacked, budget.total = unpacked - (budget.total - before), before
                kind = "zip" if has_suffix(archive, ZIP_SUFFIXES) else "tar"
                reason = f"refused: compression ratio exceeds {limits.max_ratio:g}:1 ({kind} bomb?)"
                refused = Refused(display, reason, "ArchiveLimitExceeded")
            if refused is not None:
                yield refused
                continue
            yield from self._extracted(target, archive, member.name, depth, budget)
