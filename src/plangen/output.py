"""Writing the site safely: the only module that writes to the output folder.

- refuses dangerous output folders (the project root, the plans folder, a home folder, `/`,
  or a non-empty folder that plangen did not create);
- writes only files whose bytes changed (unchanged files keep their modification time, so
  rsync-style deploys copy only what changed), each through a temporary file and a rename;
- removes only files that the previous build listed in its manifest.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".plangen-manifest.json"


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int
    changed: tuple[str, ...] = ()  # the files written (their paths in the output folder)


def refusal(out: Path, root: Path, plans_dir: Path) -> str:
    """Why plangen must not write into `out`, or '' when it may."""
    out, root, plans = out.resolve(), root.resolve(), plans_dir.resolve()
    home = Path.home().resolve()
    if out == Path(out.anchor):
        return "the output folder is the file system root"
    if out == home:
        return "the output folder is your home folder"
    if out == root or out in root.parents:
        return "the output folder is the project folder (or contains it)"
    if out == plans or out in plans.parents:
        return "the output folder is the plans folder (or contains it)"
    if plans in out.parents or out == plans:
        return "the output folder is inside the plans folder"
    if out.is_file():
        return "the output path is a file"
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        return "the output folder is not empty and was not created by plangen (no manifest)"
    return ""


def read_manifest(out: Path) -> list[str]:
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
        files = data.get("files", [])
        return [f for f in files if isinstance(f, str)]
    except (OSError, ValueError, AttributeError):
        return []


def write_site(out: Path, files: dict[str, bytes], keep: tuple[str, ...] = (),
               kept: tuple[str, ...] = ()) -> WriteStats:
    """Make `out` hold exactly `files` and the already-current files `kept` (plus the `keep`
    prefixes written by other tools, such as the search index)."""
    writer = SiteWriter(out)
    try:
        for path in sorted(files):
            writer.put(path, files[path])
    except BaseException:
        writer.abort()
        raise
    return writer.commit(keep, kept)


class SiteWriter:
    """Writes a site in two steps, so that a build can hand over each file as soon as it is made
    and keep none of them in memory:

    - `put` compares a file with the one in place and, when it differs, stages it beside it under
      a hidden temporary name (nothing a reader sees has changed yet);
    - `commit` moves every staged file into place, removes the stale files the previous manifest
      lists, and writes the new manifest; `abort` removes what was staged instead.
    """

    def __init__(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.paths: list[str] = []
        self.unchanged = 0
        self._staged: list[tuple[Path, Path]] = []

    def put(self, path: str, data: bytes) -> None:
        target = _inside(self.out, path)
        self.paths.append(path)
        if _same(target, data):
            self.unchanged += 1
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = _temporary(target)
        tmp.write_bytes(data)
        self._staged.append((tmp, target))

    def abort(self) -> None:
        for tmp, _ in self._staged:
            tmp.unlink(missing_ok=True)
        self._staged = []

    def commit(self, keep: tuple[str, ...] = (), kept: tuple[str, ...] = (),
               previous: Collection[str] | None = None, current: Collection[str] | None = None) -> WriteStats:
        """`previous`: the files of the manifest in the folder, when the caller knows them (it wrote it).
        `current`: every file of this build, when the caller knows them: the files it put and `kept`."""
        previous = read_manifest(self.out) if previous is None else previous
        for tmp, target in self._staged:
            os.replace(tmp, target)
        prefix = len(str(self.out)) + 1
        changed = tuple(str(target)[prefix:].replace(os.sep, "/") for _, target in self._staged)
        written, self._staged = len(self._staged), []
        if current is previous:  # the same files as the manifest in the folder lists: none is stale
            return WriteStats(written, len(previous) - written, 0, changed)
        current = set(self.paths) | set(kept) if current is None else set(current)
        removed = _remove_stale(self.out, previous, current, keep)
        if len(previous) != len(current) or set(previous) != current:  # else the manifest on disk says it already
            _write_manifest(self.out, current)
        return WriteStats(written, len(current) - written, removed, changed)


def _write_manifest(out: Path, files: set[str]) -> None:
    manifest = json.dumps({"generator": "plangen", "files": sorted(files)}, ensure_ascii=False, indent=0)
    if not _same(out / MANIFEST, manifest.encode("utf-8")):
        _atomic_write(out / MANIFEST, manifest.encode("utf-8"))


def _inside(out: Path, path: str) -> Path:
    """`out/path` for a generated relative path; checked lexically (no disk access per file)."""
    parts = path.split("/")
    if not path or path.startswith("/") or "\\" in path or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"refusing to write outside the output folder: {path}")
    return out / path


def _same(target: Path, data: bytes) -> bool:
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except OSError:
        return False


def _temporary(target: Path) -> Path:
    return target.with_name(f".{target.name}.plangen-tmp")


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary(target)
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _remove_stale(out: Path, previous: Collection[str], files: set[str], keep: tuple[str, ...]) -> int:
    removed = 0
    for path in previous:
        if path in files or (keep and path.startswith(keep)):
            continue
        target = out / path
        try:
            if target.is_file() and not target.is_symlink() and out.resolve() in target.resolve().parents:
                target.unlink()
                removed += 1
                _prune(target.parent, out)
        except OSError:
            continue
    return removed


def _prune(folder: Path, out: Path) -> None:
    """Remove folders emptied by removing stale files, up to (not including) the output folder."""
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
