"""The wire format between the ingest parent and its worker processes, and the task/result types.

Frames are a 4-byte big-endian length followed by a pickle. Pickle is fine here because both
ends are this package, started by the parent itself; nothing from outside is unpickled.
"""

from __future__ import annotations

import pickle
import struct
from dataclasses import dataclass, field
from typing import IO, Any, TypedDict

from ..options import DEFAULT_MAX_SECONDS
from ..status import ParseStatus

_HEADER = struct.Struct(">I")


class Task(TypedDict, total=False):
    """One unit of work: parse the file at ``path`` (or the bytes in ``data``)."""

    key: str  # sha256 of the input's bytes
    name: str  # display name (first path it was seen under)
    path: str | None
    data: bytes | None


class Result(TypedDict, total=False):
    """What a worker sends back for one task."""

    key: str
    status: ParseStatus  # ok / warning / failed
    document_json: str | None
    error_class: str | None
    error_message: str | None
    error_limit: str | None
    page_count: int | None
    seconds: float
    recycle: bool  # the worker asks to be replaced (e.g. after a MemoryError)


@dataclass(frozen=True)
class WorkerConfig:
    """Settings every worker process gets; picklable so Dask can ship it too."""

    timeout: float | None = DEFAULT_MAX_SECONDS
    max_memory_mb: int | None = 2048
    parse_function: str | None = None  # "module:function" or "/path/file.py:function"
    options: dict[str, Any] = field(default_factory=dict)  # ParseOptions fields
    max_tasks_per_worker: int = 200
    extra_pythonpath: tuple[str, ...] = ()


def write_frame(stream: IO[bytes], obj: object) -> None:
    """Write one framed message and flush it."""
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(payload)))
    stream.write(payload)
    stream.flush()


def _read_exact(stream: IO[bytes], size: int) -> bytes | None:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: IO[bytes]) -> Any | None:
    """Read one framed message; None at end of stream (the other side is gone)."""
    header = _read_exact(stream, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    payload = _read_exact(stream, size)
    if payload is None:
        return None
    return pickle.loads(payload)


def failed_result(
    key: str, error_class: str, message: str, *, limit: str | None = None, seconds: float = 0.0
) -> Result:
    """A failure result made by the parent (worker killed, crashed, ...)."""
    return Result(
        key=key,
        status=ParseStatus.FAILED,
        document_json=None,
        error_class=error_class,
        error_message=message,
        error_limit=limit,
        page_count=None,
        seconds=seconds,
        recycle=False,
    )
