"""Output files of the command line (``cli/output.py``): whole or not at all, mode from the umask."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ratsdoc.cli import main
from ratsdoc.cli.output import write_atomically

from .conftest import FIXTURES

SAMPLE = FIXTURES / "erfurt-0112-23-glyphs.pdf"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX")


@pytest.fixture
def umask_027() -> Iterator[None]:
    """Run the test under umask 027 (group may read, others nothing), then restore the old one."""
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_written_file_follows_the_umask(tmp_path: Path, umask_027: None) -> None:
    # A temporary file is created 0600; the finished output must not keep that mode.
    target = tmp_path / "out.txt"
    with write_atomically(target) as handle:
        handle.write("Beschluss\n")
    assert target.read_text(encoding="utf-8") == "Beschluss\n"
    assert _mode(target) == 0o640
    assert os.umask(0o027) == 0o027  # reading the umask put it back as it was


@posix_only
def test_parse_output_file_follows_the_umask(tmp_path: Path, umask_027: None) -> None:
    target = tmp_path / "out.json"
    assert main(["parse", str(SAMPLE), "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["number"] == "0112/23"
    assert _mode(target) == 0o640


@posix_only
def test_replaced_file_gets_the_umask_mode(tmp_path: Path, umask_027: None) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    with write_atomically(target) as handle:
        handle.write("new")
    assert target.read_text(encoding="utf-8") == "new"
    assert _mode(target) == 0o640


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), write_atomically(target) as handle:
        handle.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_newline_is_passed_through(tmp_path: Path) -> None:
    # csv writes "\r\n" itself and needs newline="" so that it is not translated again.
    target = tmp_path / "out.csv"
    with write_atomically(target, newline="") as handle:
        handle.write("a\r\nb\n")
    assert target.read_bytes() == b"a\r\nb\n"
