"""The modules of ``src/ratsdoc`` import each other without a cycle.

A cycle means two modules cannot be understood, tested or loaded one without the other, and
a function-local import that closes one only hides it until the function runs. The graph is
read from the source (nothing is imported), so every import counts where it is written:

* module-level and function-local imports alike, also those inside ``try`` blocks;
* relative imports resolved against the importing module's package;
* ``from package import name`` imports the submodule ``package.name`` when that is a module
  (``from . import errors``), else the package itself (a name its ``__init__`` defines);
* imports under ``if TYPE_CHECKING:`` are left out: they never run, and annotations need
  them in both directions (a model and the code that builds it).

Parent packages are not edges: Python initialises ``ratsdoc`` before ``ratsdoc.pipeline``
whoever asks, so every module "importing" the root package would make everything a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "ratsdoc"


def module_files(package: Path) -> dict[str, Path]:
    """Every module of ``package`` (a folder) by dotted name (a package by its own name)."""
    modules: dict[str, Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement below ``node`` (functions included), except type-only ones."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield from _imports_in(other)
        else:
            yield from _imports(child)


def _imports_in(node: ast.stmt) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    else:
        yield from _imports(node)


def _base(module: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module an ``ImportFrom`` names (relative levels resolved)."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    if node.level > 1:
        package = package[: len(package) - (node.level - 1)]
    return ".".join([*package, node.module] if node.module else package)


def import_graph(package: Path = SRC / PACKAGE) -> dict[str, set[str]]:
    """Module name → the modules of ``package`` it imports."""
    files = module_files(package)
    graph: dict[str, set[str]] = {name: set() for name in files}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in _imports(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = _base(module, path, node)
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    targets.append(submodule if submodule in files else base)
            graph[module].update(t for t in targets if t in files and t != module)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (first module repeated at the end) per strongly connected component."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan; the graph is small enough for recursion
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_cycle_in(graph, set(component)) for component in components]


def _cycle_in(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest cycle through the first module of ``component`` (breadth-first)."""
    start = min(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & component):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(f"no cycle in {component}")  # pragma: no cover - Tarjan said so


def test_the_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    """The reader finds each kind of import it promises (so that a blind reader cannot pass)."""
    sources = {
        "__init__.py": "from .a import A\n",
        "a.py": "from . import b\nfrom .sub import THING\nA = 1\ndef late() -> None:\n    from .c import C\n",
        "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import A\n",
        "c.py": "import os\nimport pkg.b\ntry:\n    from pkg import sub\nexcept ImportError:\n    pass\nC = 1\n",
        "sub/__init__.py": "from ..b import TYPE_CHECKING as THING\n",
        "sub/deep.py": "from .. import c, A\n",
    }
    for name, text in sources.items():
        (tmp_path / "pkg" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "pkg" / name).write_text(text)
    assert import_graph(tmp_path / "pkg") == {
        "pkg": {"pkg.a"},
        "pkg.a": {"pkg.b", "pkg.sub", "pkg.c"},  # a submodule; a package's name; in a function
        "pkg.b": set(),  # only for type checking
        "pkg.c": {"pkg.b", "pkg.sub"},  # absolute; in a try block
        "pkg.sub": {"pkg.b"},
        "pkg.sub.deep": {"pkg.c", "pkg"},  # two levels up: a submodule and a package's name
    }
    assert "ratsdoc.pipeline" in import_graph()["ratsdoc.api"]


def test_no_import_cycles() -> None:
    cycles = find_cycles(import_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert find_cycles(graph) == [["a", "b", "c", "a"]]
