"""Zip archives whose member names break zipfile: flagged UTF-8 but holding other bytes.

zipfile decodes a name whose UTF-8 flag is set strictly, so one such name (an old German
archive's "Anträge.pdf" in CP437 or Latin-1, flagged by a careless packer) makes the whole
archive unreadable. :func:`open_zip` reads such an archive again with every name taken as
CP437 (which decodes any byte, one to one), then names each member the way its flag says, with
undecodable bytes kept as surrogate escapes.
"""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

_UTF8_FLAG = 0x800
_FLAG_LOCK = threading.Lock()


@contextmanager
def _names_as_bytes() -> Iterator[None]:
    # zipfile reads its flag mask from a module global at each use; with it cleared every name
    # is decoded as CP437 (``metadata_encoding`` is 3.11+). Only the opening of the directory and of a member's
    # header need it, and the lock keeps other threads' archives out of that window.
    with _FLAG_LOCK:
        saved = getattr(zipfile, "_MASK_UTF_FILENAME")  # noqa: B009 - private, not in the stubs
        setattr(zipfile, "_MASK_UTF_FILENAME", 0)  # noqa: B010
        try:
            yield
        finally:
            setattr(zipfile, "_MASK_UTF_FILENAME", saved)  # noqa: B010


class SafeZip(zipfile.ZipFile):
    """A zip archive read for its members; ``lenient`` when its names needed the fallback."""

    lenient = False

    def open_member(self, info: zipfile.ZipInfo) -> IO[bytes]:
        """Open a member for reading (checking its local header the way the archive was read)."""
        if not self.lenient:
            return self.open(info)
        with _names_as_bytes():
            return self.open(info)


def open_zip(path: Path) -> SafeZip:
    """Open ``path`` for reading; a member name that is flagged UTF-8 but is not becomes a
    surrogate-escaped name instead of failing the whole archive (raises what zipfile raises)."""
    try:
        return SafeZip(path)
    except UnicodeDecodeError:
        pass
    with _names_as_bytes():
        archive = SafeZip(path)
    archive.lenient = True
    for info in archive.infolist():
        # ``orig_filename`` stays as read (CP437): the local header check compares with it.
        raw = info.filename.encode("cp437")
        info.filename = raw.decode("utf-8", "surrogateescape") if info.flag_bits & _UTF8_FLAG else raw.decode("cp437")
    return archive
