"""Checks of a zip archive's structure before :mod:`zipfile` builds its directory.

zipfile reads the whole central directory at open and keeps a ``ZipInfo`` (~600 bytes) per entry:
a directory of 1.5 million entries cost 898 MB before the member limit was ever looked at. So
the entries are counted first, from the end-of-central-directory record (zip64 too) and then by
walking the directory's fixed-size headers with constant memory, stopping one past the limit
(the record's count alone can be forged; zipfile trusts the directory's size, not the count).
An archive whose entries overlap (several entries inflating the same compressed bytes: a
1.95 MB file that unpacks to gigabytes) is recognised from the offsets zipfile read.
"""

from __future__ import annotations

import io
import itertools
import struct
import zipfile
from pathlib import Path

_EOCD = struct.Struct("<4s4H2LH")  # signature, disks, entries on disk, entries, size, offset, comment
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # a central directory header's fixed 46 bytes
_LOCAL_HEADER = 30  # the fixed part of a local file header
_MAX_COMMENT = 0xFFFF


class ZipStructureError(Exception):
    """The end of the archive cannot be read as a zip directory (zipfile then says why)."""


def directory_extent(path: Path) -> tuple[int, int, int]:
    """(entries the end record declares, offset of the central directory, its size in bytes)."""
    with path.open("rb") as handle:
        handle.seek(0, io.SEEK_END)
        file_size = handle.tell()
        tail_size = min(file_size, _EOCD.size + _MAX_COMMENT)
        handle.seek(file_size - tail_size)
        tail = handle.read(tail_size)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < _EOCD.size:
            raise ZipStructureError("no end-of-central-directory record")
        eocd_pos = file_size - tail_size + at
        _sig, _disk, _cd_disk, _here, entries, size, offset, _comment = _EOCD.unpack_from(tail, at)
        end_of_directory = eocd_pos
        if 0xFFFF in (entries,) or 0xFFFFFFFF in (size, offset):
            if eocd_pos < _ZIP64_LOCATOR.size:
                raise ZipStructureError("zip64 locator missing")
            handle.seek(eocd_pos - _ZIP64_LOCATOR.size)
            locator = handle.read(_ZIP64_LOCATOR.size)
            if locator[:4] == b"PK\x06\x07":
                record_pos = _ZIP64_LOCATOR.unpack(locator)[2]
                handle.seek(record_pos)
                record = handle.read(_ZIP64_EOCD.size)
                if len(record) < _ZIP64_EOCD.size or record[:4] != b"PK\x06\x06":
                    raise ZipStructureError("zip64 end record missing")
                fields = _ZIP64_EOCD.unpack(record)
                entries, size, offset = fields[7], fields[8], fields[9]
                end_of_directory = record_pos
        # Data prepended to the archive (self-extractors) shifts every offset: zipfile finds the
        # directory just before its end record, and so does this.
        start = max(0, end_of_directory - size)
        return entries, start, size


def count_entries(path: Path, limit: int) -> int:
    """The number of entries of the zip at ``path``, counted only up to ``limit`` + 1.

    The larger of the end record's count and the headers actually found in the directory
    (walked with constant memory), so neither a forged count nor a forged size gets past.
    Raises :class:`ZipStructureError` when there is no end record.
    """
    declared, start, size = directory_extent(path)
    if declared > limit:
        return declared
    found = 0
    with path.open("rb") as raw:
        raw.seek(start)
        handle = io.BufferedReader(raw, buffer_size=1024 * 1024)
        consumed = 0
        while consumed < size and found <= limit:
            header = handle.read(_CENTRAL.size)
            if len(header) < _CENTRAL.size or header[:4] != b"PK\x01\x02":
                break
            fields = _CENTRAL.unpack(header)
            name_len, extra_len, comment_len = fields[10], fields[11], fields[12]
            skip = name_len + extra_len + comment_len
            handle.seek(skip, io.SEEK_CUR)
            consumed += _CENTRAL.size + skip
            found += 1
    return max(declared, found)


def overlapping_entries(infos: list[zipfile.ZipInfo]) -> tuple[str, str] | None:
    """Two entries whose compressed data overlap (a bomb of shared data), or None."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for before, after in itertools.pairwise(ordered):
        # The data of ``before`` starts after its local header (and a name, not counted: the
        # check must never flag an honest archive) and takes compress_size bytes.
        end = before.header_offset + _LOCAL_HEADER + before.compress_size
        if end > after.header_offset:
            return before.filename, after.filename
    return None
