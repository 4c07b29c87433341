"""What the tests of incremental builds share: the benchmark's corpus, a build that must succeed, a
site read back from disk, a cold build to compare with, and the edits of the random-edit oracle.

An incremental build is right when its output folder holds exactly what a cold build (no cache,
a fresh folder) of the same sources gives: `assert_as_cold` checks that.
"""

from __future__ import annotations

import importlib.util
import random
import shutil
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from plangen.build import BuildOptions, BuildResult, build
from plangen.output import MANIFEST

REPO = Path(__file__).resolve().parents[1]


def _bench_corpus() -> ModuleType:
    """bench/corpus.py, the benchmark's generated plans (loaded once, under the name "corpus")."""
    if "corpus" not in sys.modules:
        spec = importlib.util.spec_from_file_location("corpus", REPO / "bench" / "corpus.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["corpus"] = module
        spec.loader.exec_module(module)
    return sys.modules["corpus"]


corpus = _bench_corpus()


def options(root: Path, out: Path, **given: object) -> BuildOptions:
    """A build without search, history or worker processes (and with the cache in the project),
    unless told otherwise."""
    return replace(BuildOptions(root=root, output=out, search=False, history=False, jobs=1), **given)


def build_ok(root: Path, out: Path, **given: object) -> BuildResult:
    """Build `root` into `out` (see `options`); it must succeed."""
    result = build(options(root, out, **given))
    assert result.ok, [str(p) for p in result.problems if p.is_error]
    return result


def tree(out: Path, manifest: bool = True) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and (manifest or p.name != MANIFEST)}


def cold(root: Path, out: Path, **given: object) -> dict[str, bytes]:
    """The site a cold build gives: no cache, a fresh folder."""
    shutil.rmtree(out, ignore_errors=True)
    build_ok(root, out, persistent_cache=False, **given)
    return tree(out)


def differences(got: dict[str, bytes], wanted: dict[str, bytes]) -> list[str]:
    """The paths whose bytes differ, or that are in one site only."""
    return sorted(p for p in got.keys() | wanted.keys() if got.get(p) != wanted.get(p))


def assert_as_cold(root: Path, out: Path, scratch: Path, what: str = "", manifest: bool = True) -> None:
    """The site in `out` is what a cold build of `root` gives (built into `scratch`)."""
    wanted = cold(root, scratch)
    got = tree(out)
    if not manifest:
        wanted.pop(MANIFEST, None)
        got.pop(MANIFEST, None)
    assert differences(got, wanted) == [], what


# --- the edits of the random-edit oracle ----------------------------------------------------------

Edit = Callable[[random.Random, Path], str]


def plans(root: Path) -> list[Path]:
    return sorted(p for p in (root / "plans").rglob("*") if p.suffix in (".yaml", ".md"))


def edit_text(rng: random.Random, root: Path) -> str:
    plan = rng.choice(plans(root))
    text = plan.read_text("utf-8")
    marker = rng.choice(["加强", "做好", "推进"])
    plan.write_text(text.replace(marker, marker + "并改进", 1), "utf-8")
    return f"edit {plan.name}"


def edit_title(rng: random.Random, root: Path) -> str:
    plan = rng.choice(plans(root))
    lines = plan.read_text("utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        head, sep, value = line.rstrip("\n").partition(":")
        if sep and head in ("title", "标题"):  # the plan's own title (front matter or top-level key)
            quote = '"' if value.endswith('"') else ""
            lines[i] = f"{head}:{value.removesuffix(quote)}（修订）{quote}\n"
            break
    else:
        raise AssertionError(f"no title line in {plan}")
    plan.write_text("".join(lines), "utf-8")
    return f"retitle {plan.name}"


def _unlinked(rng: random.Random, root: Path) -> Path:
    """A plan no other plan links to (removing a linked plan is an error, tested elsewhere)."""
    texts = "".join(p.read_text("utf-8") for p in plans(root))
    return rng.choice([p for p in plans(root) if f"plan:{p.stem}" not in texts])


def delete(rng: random.Random, root: Path) -> str:
    plan = _unlinked(rng, root)
    plan.unlink()
    return f"delete {plan.name}"


def _has_slug(text: str) -> bool:
    return "\nslug:" in text or text.startswith("slug:")


def rename(rng: random.Random, root: Path) -> str:
    plan = _unlinked(rng, root)
    if _has_slug(plan.read_text("utf-8")):
        return "skip rename (explicit slug)"
    plan.rename(plan.with_name("renamed-" + plan.name))
    return f"rename {plan.name}"


def copy(rng: random.Random, root: Path) -> str:
    plan = rng.choice(plans(root))
    text = plan.read_text("utf-8")
    if _has_slug(text):
        return "skip copy (explicit slug)"
    plan.with_name("copy-" + plan.name).write_text(text, "utf-8")
    return f"copy {plan.name}"


def template(rng: random.Random, root: Path) -> str:
    theme = REPO / "templates"
    folder = root / "templates"
    folder.mkdir(exist_ok=True)
    name = rng.choice(["org.html", "person.html", "timeline.html", "plan.html"])
    text = (folder / name).read_text("utf-8") if (folder / name).exists() else (theme / name).read_text("utf-8")
    edited = text.replace("<h1", '<h1 class="edited"', 1)
    assert edited != text
    (folder / name).write_text(edited, "utf-8")
    return f"template {name}"


EDITS: list[Edit] = [edit_text, edit_text, edit_title, delete, rename, copy, template]
