"""House style: every module of ``src/ratsdoc`` starts with a docstring, and every public function,
class and method has at least a one-line docstring (read with ``ast``, nothing is imported)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "src" / "ratsdoc"
MODULES = sorted(PACKAGE.rglob("*.py"))

Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def _has_summary(node: ast.Module | Definition) -> bool:
    """The node's docstring has a first line with words on it."""
    doc = ast.get_docstring(node)
    return bool(doc and doc.splitlines()[0].strip())


def _is_accessor(node: Definition) -> bool:
    """A property's setter or deleter (the getter carries the docstring) or an ``@overload``."""
    for decorator in getattr(node, "decorator_list", []):
        if isinstance(decorator, ast.Attribute) and decorator.attr in {"setter", "deleter"}:
            return True
        if isinstance(decorator, ast.Name) and decorator.id == "overload":
            return True
    return False


def _public(body: list[ast.stmt], prefix: str = "") -> Iterator[tuple[str, Definition]]:
    """Public functions and classes of ``body`` by dotted name, and the public methods of public classes."""
    for node in body:
        if isinstance(node, Definition) and not node.name.startswith("_") and not _is_accessor(node):
            name = f"{prefix}{node.name}"
            yield name, node
            if isinstance(node, ast.ClassDef):
                yield from _public(node.body, f"{name}.")


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_package_has_modules() -> None:
    # A moved source tree would leave the checks below with nothing to check.
    assert len(MODULES) > 50 and PACKAGE / "__init__.py" in MODULES


def test_every_module_starts_with_a_docstring() -> None:
    missing = [_relative(path) for path in MODULES if not _has_summary(_tree(path))]
    assert missing == [], "modules without a docstring line: " + ", ".join(missing)


def test_every_public_function_and_class_has_a_docstring() -> None:
    missing = []
    for path in MODULES:
        found = _public(_tree(path).body)
        missing += [f"{_relative(path)}:{node.lineno} {name}" for name, node in found if not _has_summary(node)]
    assert missing == [], "public definitions without a docstring line:\n" + "\n".join(missing)


def test_the_check_sees_a_missing_docstring() -> None:
    # The checks above pass on a clean tree; this one shows they can fail.
    tree = ast.parse(
        "class Shown:\n"
        '    """Has one."""\n'
        "    def bare(self) -> None: ...\n"
        "    @property\n"
        "    def size(self) -> int:\n"
        '        """The size."""\n'
        "        return 1\n"
        "    @size.setter\n"
        "    def size(self, value: int) -> None: ...\n"
        "def _private() -> None: ...\n"
        "def public() -> None: ...\n"
    )
    assert not _has_summary(tree)
    assert [name for name, node in _public(tree.body) if not _has_summary(node)] == ["Shown.bare", "public"]
