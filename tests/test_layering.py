"""Imports stay layered (docs/architecture.md): a pure core, the site modules, a thin shell; and
the core and site modules hold no module-level mutable state. Reads the source of src/plangen with
ast; checks whatever modules exist, so new modules are covered as soon as they are written."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "plangen"

# The pure core: loading and validation, then the index. Ranked: a module imports only lower ranks.
CORE_RANK = {
    "messages_problems": -2, "messages_files": -2, "messages_cli": -2, "messages_import": -2, "wording": -1,
    "vocabulary": 0, "prints": 0, "problems": 0, "dates": 0, "codepoints": 0, "safeio": 0, "markdown": 0, "cnposts": 0,
    "cntext": 1, "sources": 1, "documents": 1, "markdown_blocks": 1, "plantables": 1.5, "steptable": 1.6,
    "markdown_plan": 2, "aliases": 2, "schema": 2, "model": 2, "config": 2,
    "rules": 3, "summary": 3,
    "project": 4,
}
# Modules of the core that must not touch the outside world at all.
PURE = ("messages_problems", "messages_files", "messages_cli", "messages_import", "wording", "vocabulary", "problems", "dates", "codepoints", "cnposts", "cntext", "documents", "markdown_plan", "markdown_blocks",
        "plantables", "steptable", "aliases", "rules", "model", "summary", "prints",
        "schema", "markdown", "urls", "index", "index_json")
OUTSIDE_WORLD = ("os", "pathlib", "shutil", "subprocess", "socket", "urllib.request", "http", "tempfile", "glob")
# The shell and the stages above the core: the core never imports them.
SHELL = ("cli", "__main__", "build", "render", "pages", "serve", "diff", "importer", "output", "workspace",
         "feeds", "history", "git", "textconv", "search")


def modules() -> dict[str, Path]:
    """'plangen.diff.text' -> its file, for every module that exists now."""
    found = {}
    for file in sorted(SRC.rglob("*.py")):
        parts = file.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(("plangen", *parts))] = file
    return found


MODULES = modules()


@functools.cache
def tree(name: str) -> ast.Module:
    return ast.parse(MODULES[name].read_text("utf-8"), str(MODULES[name]))


@functools.cache
def imports(name: str) -> tuple[tuple[str, int], ...]:
    return tuple(_imports(name))


def _imports(name: str) -> Iterator[tuple[str, int]]:
    """Every module imported anywhere in `name` (absolute dotted names), with its line."""
    file = MODULES[name]
    package = name if file.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(package, node.module, node.level)
            yield base, node.lineno
            for alias in node.names:  # `from . import rules` imports plangen.rules
                if f"{base}.{alias.name}" in MODULES:
                    yield f"{base}.{alias.name}", node.lineno


def _resolve(package: str, module: str | None, level: int) -> str:
    if not level:
        return module or ""
    parts = package.split(".")
    base = parts[: len(parts) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def top(name: str) -> str:
    return name.split(".")[0]


def local(name: str) -> str:
    """'plangen.diff.text' -> 'diff'; 'plangen' -> ''."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


# Each third-party library (and subprocess) has its homes: a predicate on the importing module.
HOMES = {
    "yaml": lambda m: local(m) == "documents",
    "jsonschema": lambda m: local(m) == "schema",
    "fastjsonschema": lambda m: local(m) == "schema",
    "markdown_it": lambda m: local(m) == "markdown",
    "jinja2": lambda m: any(p.startswith("render") for p in m.split(".")[1:]),
    "watchdog": lambda m: any(p.startswith("serve") for p in m.split(".")[1:]),
    "subprocess": lambda m: any(w in m for w in ("git", "history", "search", "pagefind")),
}


@pytest.mark.parametrize("library", sorted(HOMES))
def test_each_library_is_imported_only_in_its_home(library: str) -> None:
    wrong = [f"{m}:{line}" for m in MODULES for imported, line in imports(m)
             if top(imported) == library and not HOMES[library](m)]
    assert wrong == [], f"{library} imported outside its home module"


def test_core_never_imports_the_shell() -> None:
    wrong = [f"{m}:{line} imports {imported}" for m in MODULES if local(m) in CORE_RANK
             for imported, line in imports(m) if top(imported) == "plangen" and local(imported) in SHELL]
    assert wrong == []


def test_core_modules_import_only_lower_layers() -> None:
    wrong = []
    for m in MODULES:
        if local(m) not in CORE_RANK or m.count(".") > 1:
            continue
        for imported, line in imports(m):
            target = local(imported)
            if top(imported) == "plangen" and target and CORE_RANK.get(target, 99) >= CORE_RANK[local(m)]:
                wrong.append(f"{m}:{line} imports {imported}")
    assert wrong == []


def test_pure_modules_do_not_touch_the_outside_world() -> None:
    wrong = []
    for m in MODULES:
        if local(m) not in PURE or m.count(".") > 1:
            continue
        wrong += [f"{m}:{line} imports {i}" for i, line in imports(m)
                  if any(i == w or i.startswith(w + ".") for w in OUTSIDE_WORLD)]
        wrong += [f"{m}:{n.lineno} calls {n.func.id}()" for n in ast.walk(tree(m))
                  if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("open", "print")]
    assert wrong == []


def test_only_the_entry_point_imports_the_cli() -> None:
    wrong = [f"{m}:{line}" for m in MODULES for imported, line in imports(m)
             if imported == "plangen.cli" and local(m) not in ("__main__", "cli")]
    assert wrong == []


def test_no_import_cycles_at_module_level() -> None:
    graph = {m: {i for i, _ in _module_level_imports(m) if i in MODULES and i != m} for m in MODULES}
    for start in graph:
        stack, seen = [(start, (start,))], set()
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                assert nxt != start, "import cycle: " + " -> ".join((*path, nxt))
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, (*path, nxt)))


def _module_level_imports(name: str) -> Iterator[tuple[str, int]]:
    """Imports executed when the module loads (not those inside functions), package parents excluded."""
    node_line = {n.lineno for n in tree(name).body if isinstance(n, (ast.Import, ast.ImportFrom))}
    for imported, line in imports(name):
        if line in node_line and not name.startswith(imported + "."):
            yield imported, line


def test_the_checker_sees_the_modules() -> None:
    assert {"plangen.documents", "plangen.schema", "plangen.project", "plangen.cli"} <= set(MODULES)
    assert ("plangen.vocabulary", 12) not in set(imports("plangen.documents"))
    assert "yaml" in {i for i, _ in imports("plangen.documents")}
    assert "plangen.problems" in {i for i, _ in imports("plangen.documents")}


# The core and the site modules: what a call returns must not depend on earlier calls, so they keep
# no mutable table at module level (memos live in the state that owns them: cache.BuildCache).
STATEFUL_FREE = (*CORE_RANK, *PURE, "build", "reuse", "jobs", "render", "theme", "pages", "feeds", "crosscheck",
                 "cache", "cacheline", "plancodec", "memo", "stamp", "lastpass", "output", "publish", "store", "workspace",
                 "history", "historycache", "parallel", "search", "names", "index", "index_json")
_CONTAINERS = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
_MAKERS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "ByIdentity"}
_MUTATORS = {"append", "extend", "insert", "update", "setdefault", "pop", "popitem", "clear", "add", "remove",
             "discard", "put", "keep_only", "persist", "__setitem__"}


def _module_containers(module: ast.Module) -> dict[str, int]:
    """Names bound at module level to a mutable container or to an instance of a class of the module."""
    found = {}
    classes = {n.name for n in module.body if isinstance(n, ast.ClassDef)}
    for node in module.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) \
            else []
        called = value.func.id if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) else ""
        if isinstance(value, _CONTAINERS) or called in _MAKERS or called in classes:
            found.update((t.id, node.lineno) for t in targets if isinstance(t, ast.Name))
    return found


def _mutated(name: str, module: ast.Module) -> list[str]:
    """The module-level containers that the module changes after it loaded (in a function or a method)."""
    names = _module_containers(module)
    changed = []
    for func in ast.walk(module):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(func):
            target = None
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                for t in node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]:
                    if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name):
                        target = t.value.id
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and isinstance(node.func.value, ast.Name) and node.func.attr in _MUTATORS:
                target = node.func.value.id
            elif isinstance(node, ast.Global):
                changed += [f"{name}:{node.lineno} global {n}" for n in node.names]
            if target in names:
                changed.append(f"{name}:{node.lineno} changes {target} (made at line {names[target]})")
    return changed


def test_core_and_site_modules_keep_no_module_level_mutable_state() -> None:
    wrong = []
    for m in MODULES:
        if local(m) in STATEFUL_FREE and m.count(".") == 1:
            wrong += _mutated(m, tree(m))
    assert wrong == []


@pytest.mark.parametrize("code, found", [
    ("_SEEN: dict[str, int] = {}\n\ndef f(x):\n    _SEEN[x] = 1\n", ["m:4 changes _SEEN (made at line 1)"]),
    ("_LAST = []\n\ndef f(x):\n    _LAST[:] = [x]\n", ["m:4 changes _LAST (made at line 1)"]),
    ("class C:\n    pass\n\n_MEMO = C()\n\ndef f(x):\n    _MEMO.put(x, 1)\n", ["m:7 changes _MEMO (made at line 4)"]),
    ("_N = 0\n\ndef f():\n    global _N\n    _N += 1\n", ["m:4 global _N"]),
    ("_TABLE = {'a': 1}\n\ndef f(x):\n    return _TABLE.get(x)\n", []),
])
def test_the_state_checker_finds_memo_tables_and_leaves_constants(code: str, found: list[str]) -> None:
    assert _mutated("m", ast.parse(code)) == found
