"""What the tests of incremental builds share: the benchmark's corpus, a build that must succeed, a
site read back from disk, a cold build to compare with, and the edits of the random-edit oracle.

An incremental build is right when its output folder holds exactly what a cold build (no cache,
a fresh folder) of the same sources gives: `assert_as_cold` checks that.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from conftest import REPO, corpus
from sitecheck import read_tree

from plangen.build import BuildOptions, BuildResult, build

T = TypeVar("T")

__all__ = ["REPO", "corpus"]  # (from conftest, for the tests that import them from here)




def options(root: Path, out: Path, **given: object) -> BuildOptions:
    """A build without search, history or worker processes (and with the cache in the project),
    unless told otherwise."""
    return replace(BuildOptions(root=root, output=out, search=False, history=False, jobs=1), **given)


def build_ok(root: Path, out: Path, **given: object) -> BuildResult:
    """Build `root` into `out` (see `options`); it must succeed."""
    result = build(options(root, out, **given))
    assert result.ok, [str(p) for p in result.problems if p.is_error]
    return result


def cold(root: Path, out: Path, manifest: bool = True, **given: object) -> dict[str, bytes]:
    """The site a cold build gives: no cache, a fresh folder."""
    shutil.rmtree(out, ignore_errors=True)
    build_ok(root, out, persistent_cache=False, **given)
    return read_tree(out, manifest)


def differences(got: dict[str, bytes], wanted: dict[str, bytes]) -> list[str]:
    """The paths whose bytes differ, or that are in one site only."""
    return sorted(p for p in got.keys() | wanted.keys() if got.get(p) != wanted.get(p))


def assert_as_cold(root: Path, out: Path, scratch: Path, what: str = "", manifest: bool = True) -> None:
    """The site in `out` is what a cold build of `root` gives (built into `scratch`), byte for byte;
    the manifest too unless told otherwise (it lists when each file was written)."""
    assert differences(read_tree(out, manifest), cold(root, scratch, manifest)) == [], what


def generated(root: Path, n: int, seed: int) -> Path:
    """A project of n plans from the benchmark's corpus."""
    corpus.generate(root, n, seed=seed)
    return root


# --- what a build does that one could see with strace ---------------------------------------------

@dataclass
class Seen:
    """The files opened, the folders listed, the processes forked, the hard links made and the files
    removed while watched."""

    opened: list[Path] = field(default_factory=list)
    listed: list[Path] = field(default_factory=list)
    forks: int = 0
    links: int = 0  # hard links made
    removals: int = 0  # files removed

    def opened_in(self, folder: Path) -> list[str]:
        """The names of the files opened in `folder` (and below), in the order opened."""
        return [p.name for p in self.opened if folder in p.parents]


_WATCHING: list[Seen] = []  # the watches in progress (this test process's own state)


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _WATCHING and event in ("os.link", "os.remove"):
        for seen in _WATCHING:
            seen.links += event == "os.link"
            seen.removals += event == "os.remove"
        return
    if not _WATCHING or event not in ("open", "os.scandir", "os.listdir") or not args:
        return
    where = args[0]
    if isinstance(where, (str, bytes, os.PathLike)):
        path = Path(os.fsdecode(where)).resolve()
        for seen in _WATCHING:
            (seen.opened if event == "open" else seen.listed).append(path)


def _forked() -> None:
    for seen in _WATCHING:
        seen.forks += 1


@contextmanager
def watching() -> Iterator[Seen]:
    """What the code run inside opens, lists and forks, through Python's audit hooks (PEP 578) and
    os.register_at_fork: no name of plangen's is patched."""
    if not _HOOKED:
        sys.addaudithook(_audit)
        os.register_at_fork(after_in_parent=_forked)
        _HOOKED.append(True)
    seen = Seen()
    _WATCHING.append(seen)
    try:
        yield seen
    finally:
        _WATCHING.remove(seen)


_HOOKED: list[bool] = []


def in_a_thread(work: Callable[[], T]) -> T:
    """work() run from a second thread, as serve's builder runs builds (the process then runs two
    threads, so nothing is forked: parallel.py)."""
    done: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(work())
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller
            failed.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    return done[0]


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
