"""Writing the site safely: the only module that writes to the output folder.

- refuses dangerous output folders (the project root, the plans folder, a home folder, `/`,
  or a non-empty folder that plangen did not create);
- writes only files whose bytes changed (unchanged files keep their modification time, so
  rsync-style deploys copy only what changed), each through a temporary file and a rename;
- removes only files that the previous build listed in its manifest.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .store import write_atomic
from .wording import Wording, msg

MANIFEST = ".plangen-manifest.json"


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int
    changed: tuple[str, ...] = ()  # the files written (their paths in the output folder)


def refusal(out: Path, root: Path, plans_dir: Path) -> Wording | None:
    """Why plangen must not write into `out`, or None when it may."""
    out, root, plans = out.resolve(), root.resolve(), plans_dir.resolve()
    home = Path.home().resolve()
    if out == Path(out.anchor):
        return msg("output.is-root")
    if out == home:
        return msg("output.is-home")
    if out == root or out in root.parents:
        return msg("output.is-project")
    if out == plans or out in plans.parents:
        return msg("output.is-plans")
    if plans in out.parents or out == plans:
        return msg("output.in-plans")
    if out.is_file():
        return msg("output.is-file")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        return msg("output.not-ours")
    return None


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
        self.folder = out  # where the files are written: the output folder itself
        self.paths: list[str] = []
        self.unchanged = 0
        self._staged: list[tuple[str, str]] = []  # (temporary file, path in the site), as strings: thousands per build
        self._root = str(out)
        self._folders: set[str] = {""}  # folders (relative, "/"-separated) known to exist

    def put(self, path: str, data: bytes) -> None:
        self.note(path, self.stage(path, data))

    def stage(self, path: str, data: bytes) -> str | None:
        """The disk work of `put`, which a worker process may do for this one (jobs.stage_all): None
        when the file in place holds `data` already, else the temporary file that holds it."""
        check_inside(path)
        if same_bytes(os.path.join(self._root, path), data):
            return None
        folder, _, name = path.rpartition("/")
        if folder not in self._folders:
            os.makedirs(os.path.join(self._root, folder), exist_ok=True)
            self._folders.add(folder)
        tmp = os.path.join(self._root, folder, f".{name}{_TMP}")
        write_file(tmp, data, os.O_TRUNC)
        return tmp

    def note(self, path: str, staged: str | None) -> None:
        """What `stage` did for `path`, noted in the process that commits."""
        self.paths.append(path)
        if staged is None:
            self.unchanged += 1
        else:
            self._staged.append((staged, path))

    def abort(self) -> None:
        for tmp, _ in self._staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        self._staged = []

    def swap(self) -> None:
        """Nothing to swap: every file is in place once committed (publish.Publication swaps)."""

    def commit(self, keep: tuple[str, ...] = (), kept: tuple[str, ...] = (),
               previous: Collection[str] | None = None, current: Collection[str] | None = None) -> WriteStats:
        """`previous`: the files of the manifest in the folder, when the caller knows them (it wrote it).
        `current`: every file of this build, when the caller knows them: the files it put and `kept`."""
        previous = read_manifest(self.out) if previous is None else previous
        for tmp, path in self._staged:
            os.replace(tmp, os.path.join(self._root, path))
        changed = tuple(path for _, path in self._staged)
        written, self._staged = len(self._staged), []
        if current is previous:  # the same files as the manifest in the folder lists: none is stale
            return WriteStats(written, len(previous) - written, 0, changed)
        current = set(self.paths) | set(kept) if current is None else set(current)
        removed = _remove_stale(self.out, previous, current, keep)
        if len(previous) != len(current) or set(previous) != current:  # else the manifest on disk says it already
            _write_manifest(self.out, current)
        return WriteStats(written, len(current) - written, removed, changed)


def manifest_bytes(files: Collection[str]) -> bytes:
    return json.dumps({"generator": "plangen", "files": sorted(files)}, ensure_ascii=False, indent=0).encode("utf-8")


def _write_manifest(out: Path, files: set[str]) -> None:
    manifest = manifest_bytes(files)
    if not same_bytes(out / MANIFEST, manifest):
        write_atomic(out / MANIFEST, manifest)


def check_inside(path: str) -> None:
    """Refuse a generated path that is not a plain relative path; checked lexically (no disk access)."""
    if not path or path[0] == "/" or "\\" in path or "\0" in path or any(p in ("", ".", "..") for p in path.split("/")):
        raise ValueError(f"refusing to write outside the output folder: {path}")


def same_bytes(target: str | Path, data: bytes) -> bool:
    """The file `target` holds exactly `data` (read only when the sizes agree)."""
    try:
        if os.stat(target).st_size != len(data):
            return False
        with open(target, "rb") as f:
            return f.read() == data
    except OSError:
        return False


_TMP = ".plangen-tmp"


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


def write_file(path: str, data: bytes, mode: int) -> None:
    """Write all of `data` to a new file (`mode`: os.O_TRUNC, or os.O_EXCL when nothing may be there);
    a file that could not be written whole (a full disk) is removed."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | mode, 0o666)
    try:
        with memoryview(data) as view:
            while view:
                view = view[os.write(fd, view):]
    except OSError:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    os.close(fd)
