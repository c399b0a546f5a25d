"""Zip archives built byte by byte for the attack cases: huge central directories, overlapping entries.

Used by ``scripts/build_attack_cases.py`` and by ``tests/test_ingest_limits.py``. Every archive is
deterministic (fixed dates, a seeded payload).
"""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_EOCD = struct.Struct("<4s4H2LH")
_DOS_TIME, _DOS_DATE = 0, (2024 - 1980) << 9 | 1 << 5 | 1


def _central(name: bytes, offset: int, crc: int, size: int, method: int = 0, compressed: int | None = None) -> bytes:
    packed = size if compressed is None else compressed
    header = _CENTRAL.pack(
        b"PK\x01\x02", 20, 20, 0, method, _DOS_TIME, _DOS_DATE, crc, packed, size, len(name), 0, 0, 0, 0, 0, offset
    )
    return header + name


def _end(entries: int, directory_size: int, directory_offset: int) -> bytes:
    return _EOCD.pack(
        b"PK\x05\x06", 0, 0, min(entries, 0xFFFF), min(entries, 0xFFFF), directory_size, directory_offset, 0
    )


def directory_only_zip(path: Path, entries: int, *, declared: int | None = None) -> Path:
    """A zip that is nothing but a central directory of ``entries`` empty members (56 bytes each).

    zipfile reads the whole directory when it opens the archive, whatever the members hold; this
    is the cheapest file that makes it do so. ``declared`` forges the end record's count.
    """
    with path.open("wb") as out:
        for index in range(entries):
            out.write(_central(b"%010d" % index, 0, 0, 0))
        out.write(_end(entries if declared is None else declared, entries * 56, 0))
    return path


def overlapping_zip(path: Path, entries: int, payload_bytes: int, *, seed: int = 17) -> Path:
    """One stored member of ``payload_bytes`` seeded bytes, listed ``entries`` times in the directory.

    Every entry points at the same local header (same name, so zipfile accepts each): the file is
    about ``payload_bytes`` long and unpacks to ``entries`` × ``payload_bytes``; no single member
    has a suspicious compression ratio (1:1).
    """
    payload = random.Random(seed).randbytes(payload_bytes)
    name = b"Vorlage.pdf"
    crc = zlib.crc32(payload)
    local = _LOCAL.pack(b"PK\x03\x04", 20, 0, 0, _DOS_TIME, _DOS_DATE, crc, len(payload), len(payload), len(name), 0)
    body = local + name + payload
    directory = b"".join(_central(name, 0, crc, len(payload)) for _ in range(entries))
    path.write_bytes(body + directory + _end(entries, len(directory), len(body)))
    return path
