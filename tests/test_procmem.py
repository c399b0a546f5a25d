"""Process memory as the budget, the isolated parse and the ingest workers read and cap it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ratsdoc.procmem import rss_bytes, vm_size_bytes

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")


def test_figures_of_this_process_and_of_another() -> None:
    own = rss_bytes()
    size = vm_size_bytes()
    assert own is not None and size is not None
    assert 0 < own <= size
    by_pid = rss_bytes(os.getpid())
    assert by_pid is not None and abs(by_pid - own) < 64 * 1024 * 1024
    assert rss_bytes(2**22 + 1) is None  # no such process (pid_max is at most 2**22)


_CAP = """
import resource, sys
from ratsdoc.procmem import limit_address_space, vm_size_bytes
before = vm_size_bytes()
assert limit_address_space(64)
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
assert soft == hard and 0 <= soft - before - 64 * 1024 * 1024 < 16 * 1024 * 1024, (soft, before)
try:
    block = bytearray(128 * 1024 * 1024)
except MemoryError:
    print("stopped")
"""


def test_the_address_space_cap_sits_on_top_of_the_current_size() -> None:
    """64 MiB more than the interpreter maps: a 128 MiB allocation fails, start-up does not."""
    result = subprocess.run([sys.executable, "-c", _CAP], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "stopped"
