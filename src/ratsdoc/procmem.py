"""Memory of a process as the kernel reports it, and a ceiling on this one's.

Shared by the two ways ratsdoc bounds the memory of a parse: the in-process budget watches
how much the resident set grows (:meth:`ratsdoc.budget.Budget.check_memory`), and a parse in
a separate process (:mod:`ratsdoc.isolation`, the ingest workers) gets a hard ceiling with
``RLIMIT_AS``, which its parent backs up by watching the child's resident memory.

Figures come from ``/proc/<pid>/statm`` (one short read, cheap enough for the budget's
periodic check); where there is no ``/proc`` they are None and the callers go without.
"""

from __future__ import annotations

import os

_MiB = 1024 * 1024


def _statm(pid: int | None, field: int) -> int | None:
    """Field ``field`` of ``/proc/<pid>/statm`` (0: size, 1: resident) in bytes, or None."""
    path = "/proc/self/statm" if pid is None else f"/proc/{pid}/statm"
    try:
        with open(path, "rb") as fh:
            return int(fh.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def rss_bytes(pid: int | None = None) -> int | None:
    """The resident set size of process ``pid`` (this one by default), or None where unknown."""
    return _statm(pid, 1)


def vm_size_bytes() -> int | None:
    """The address space this process maps (its virtual size) in bytes, or None where unknown."""
    return _statm(None, 0)


def limit_address_space(extra_mb: int) -> bool:
    """Cap this process's address space at what it maps now plus ``extra_mb`` MiB.

    ``RLIMIT_AS`` counts address space, not resident memory: an interpreter with its libraries
    loaded maps far more than it uses, so the ceiling is set on top of the current size rather
    than as an absolute figure. An allocation beyond it fails with ``MemoryError`` (C code
    that cannot handle that dies), which the parent reports as the memory limit.

    Returns whether the ceiling was set: not without the ``resource`` module, without a
    readable current size (a ceiling of ``extra_mb`` alone would stop the interpreter), or
    when the hard limit is lower already (which then bounds the process anyway).
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return False
    current = vm_size_bytes()
    if current is None:
        return False
    cap = current + extra_mb * _MiB
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ValueError, OSError):
        return False
    return True
