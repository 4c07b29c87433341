"""Revision history of plans, read from git, for the site's history pages.

API (for the site renderer):

    read_history(root, plan_paths, cache_dir=None, options=None) -> HistoryResult
        root:       the project folder (anywhere inside a git work tree)
        plan_paths: plan paths relative to `root`, as in `Plan.source` (e.g. "plans/a.yaml")
        cache_dir:  where parsed revisions are cached (default: root/.plangen-cache/history)
        Never raises for a missing repository or a missing git: the result is then empty and
        `notes` says why, so the site builds without history.
    load_histories(root, plan_paths, ...) -> dict[str, PlanHistory]     (read_history(...).histories)

    HistoryResult.histories: {plan path: PlanHistory}     one entry per path given
    HistoryResult.shallow:   True in a shallow clone       (history is incomplete)
    HistoryResult.notes:     messages for the build output ("history is incomplete: the clone is shallow")
    PlanHistory.revisions:   newest first; each a Revision
    PlanHistory.shallow, .single (only one revision), .uncommitted (no revision at all)
    Revision: commit, date (ISO 8601), author, email, message, path (at that revision), blob,
              plan (Plan or None when invalid), errors (why invalid), diff (PlanDiff against the
              previous revision; status "added" for the first one)
    plangen.diff.render_diff_html(revision.diff) -> str    an escaped HTML fragment to embed

One `git log --raw -M` pass gives every commit's changed files with blob ids; renames are followed
backwards from each current path. Blobs not in the cache are read through one `git cat-file
--batch` process. Parsed revisions and diffs are cached per plan (JSON, keyed by blob id and path),
so an unchanged history costs only the `git log` pass; a corrupt cache file is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from . import __version__, git
from .diff.jsonform import plan_diff_data, plan_diff_from_data, value_data, value_from_data
from .diff.model import PlanDiff, Version
from .diff.sets import added, diff_pair, version_of
from .model import Plan
from .problems import Problem
from .project import ReadOptions, parse_source
from .sources import Source, decode, kind_of

SHALLOW_NOTE = "history is incomplete: the clone is shallow (fetch with `git fetch --unshallow` for all of it)"
CACHE_FORMAT = f"plangen-history-cache/{__version__}/1"


@dataclass(frozen=True, slots=True)
class Revision:
    commit: str
    date: str
    author: str
    email: str
    message: str
    path: str
    blob: str
    plan: Plan | None
    errors: tuple[str, ...]
    diff: PlanDiff


@dataclass(frozen=True, slots=True)
class PlanHistory:
    path: str
    revisions: tuple[Revision, ...]   # newest first
    shallow: bool = False

    @property
    def single(self) -> bool:
        return len(self.revisions) == 1

    @property
    def uncommitted(self) -> bool:
        return not self.revisions


@dataclass(frozen=True, slots=True)
class HistoryResult:
    histories: dict[str, PlanHistory] = field(default_factory=dict)
    shallow: bool = False
    notes: tuple[str, ...] = ()


def load_histories(root: Path, plan_paths: Iterable[str], cache_dir: Path | None = None,
                   options: ReadOptions | None = None) -> dict[str, PlanHistory]:
    return read_history(root, plan_paths, cache_dir, options).histories


def read_history(root: Path, plan_paths: Iterable[str], cache_dir: Path | None = None,
                 options: ReadOptions | None = None) -> HistoryResult:
    """The history of each plan; empty, with a note, when git or the repository is missing."""
    try:
        repo = git.find_repo(root)
        if repo is None:
            return HistoryResult(notes=(f"{root} is not in a git repository: no revision history",))
        if not git.has_commits(repo):
            return HistoryResult(notes=("the repository has no commits yet: no revision history",))
        return _read(repo, root.resolve(), list(plan_paths), cache_dir or root / ".plangen-cache" / "history",
                     options or ReadOptions())
    except git.GitError as exc:
        return HistoryResult(notes=(f"no revision history: {exc}",))


Entry = tuple[int, git.FileChange]   # (commit index, newest first = 0; the change)


def _read(repo: Path, root: Path, paths: list[str], cache_dir: Path, options: ReadOptions) -> HistoryResult:
    prefix = root.relative_to(repo.resolve()).as_posix() if root != repo.resolve() else ""
    prefix = "" if prefix == "." else prefix
    commits = git.log_changes(repo, [prefix] if prefix else [])
    index = _index(commits)
    shallow = git.is_shallow(repo)
    chains = {p: follow(index, _join(prefix, p)) for p in paths}
    caches = {p: PlanCache.load(cache_dir, p) for p in paths}
    _parse_missing(repo, prefix, chains, caches, options)
    histories = {p: _history(p, commits, chains[p], caches[p], shallow) for p in paths}
    for cache in caches.values():
        cache.save()
    return HistoryResult(histories, shallow, (SHALLOW_NOTE,) if shallow else ())


def _join(prefix: str, path: str) -> str:
    return f"{prefix}/{path}" if prefix else path


def _strip(prefix: str, path: str) -> str:
    return path[len(prefix) + 1:] if prefix and path.startswith(prefix + "/") else path


def _index(commits: list[git.Commit]) -> dict[str, list[Entry]]:
    """Changes by the path they leave behind, oldest-last (commit index ascending)."""
    index: dict[str, list[Entry]] = {}
    for k, commit in enumerate(commits):
        for change in commit.changes:
            index.setdefault(change.new_path, []).append((k, change))
    return index


def follow(index: dict[str, list[Entry]], path: str) -> list[Entry]:
    """The commits that touched `path`, newest first, following renames backwards."""
    out: list[Entry] = []
    name, after = path, -1
    while True:
        entries = index.get(name, [])
        k = bisect_right([e[0] for e in entries], after)
        if k == len(entries) or entries[k][1].status == "D":
            return out
        out.append(entries[k])
        after, change = entries[k]
        if change.status == "A":
            return out
        if change.status == "R":
            name = change.old_path


# --- parsing revisions, with the cache -----------------------------------------------------------

def _key(blob: str, path: str) -> str:
    return f"{blob}:{path}"


def blob_version(path: str, data: bytes, options: ReadOptions) -> Version:
    """A plan file's bytes at a revision, through the same checks as `plangen check`."""
    kind = kind_of(path)
    if kind is None:
        return Version(path, "", None, (f"{path}: not a plan file",))
    if len(data) > options.size_limit:
        return Version(path, "", None, (f"{path}: file is {len(data):,} bytes, over the limit",))
    text = decode(data, path, options.encoding)
    if isinstance(text, Problem):
        return Version(path, "", None, (f"{path}: {text.message}",))
    if not text.strip():
        return Version(path, text, None, (f"{path}: file is empty",))
    return version_of(parse_source(Source(path, text, kind)))


def _parse_missing(repo: Path, prefix: str, chains: dict[str, list[Entry]], caches: dict[str, PlanCache],
                   options: ReadOptions) -> None:
    wanted: dict[str, list[tuple[str, str]]] = {}   # blob -> [(plan path, path at revision)]
    for p, chain in chains.items():
        for _, change in chain:
            for blob, at in ((change.new_blob, change.new_path), (change.old_blob, change.old_path)):
                if blob and _key(blob, at) not in caches[p].versions:
                    wanted.setdefault(blob, []).append((p, at))
    if not wanted:
        return
    blobs = git.read_blobs(repo, wanted)
    for blob, users in wanted.items():
        for p, at in users:
            shown = _strip(prefix, at)
            if blob in blobs:
                caches[p].put_version(_key(blob, at), blob_version(shown, blobs[blob], options))
            else:  # not cached: a later, deeper fetch may bring it
                missing = f"{shown}: this revision is missing from the clone"
                caches[p].versions[_key(blob, at)] = Version(shown, "", None, (missing,))


def _history(path: str, commits: list[git.Commit], chain: list[Entry], cache: PlanCache,
             shallow: bool) -> PlanHistory:
    revisions = []
    for k, change in chain:
        c = commits[k]
        new = cache.versions[_key(change.new_blob, change.new_path)]
        diff = _diff(cache, change, new)
        revisions.append(Revision(c.hash, c.date, c.author, c.email, c.message, new.path, change.new_blob,
                                  new.plan, new.errors, diff))
    return PlanHistory(path, tuple(revisions), shallow)


def _diff(cache: PlanCache, change: git.FileChange, new: Version) -> PlanDiff:
    if not change.old_blob:
        return added(new)
    key = f"{_key(change.old_blob, change.old_path)}>{_key(change.new_blob, change.new_path)}"
    found = cache.diffs.get(key)
    if found is None:
        old = cache.versions[_key(change.old_blob, change.old_path)]
        found = diff_pair(old, new, "renamed" if change.status == "R" else "modified")
        cache.put_diff(key, found)
    return found


class PlanCache:
    """The parsed revisions and diffs of one plan, as a JSON file; missing or corrupt means empty."""

    def __init__(self, file: Path, path: str) -> None:
        self.file, self.path, self.dirty = file, path, False
        self.raw: dict[str, Any] = {"format": CACHE_FORMAT, "path": path, "parsed": {}, "diffs": {}}
        self.versions: dict[str, Version] = {}
        self.diffs: dict[str, PlanDiff] = {}

    @classmethod
    def load(cls, cache_dir: Path, path: str) -> PlanCache:
        name = hashlib.sha1(path.encode()).hexdigest()[:20]
        cache = cls(cache_dir / f"{name}-{PurePosixPath(path).stem[:40]}.json", path)
        try:
            raw = json.loads(cache.file.read_text(encoding="utf-8"))
            if raw.get("format") != CACHE_FORMAT or raw.get("path") != path:
                return cache
            versions = {k: _version_from(e) for k, e in raw["parsed"].items()}
            diffs = {k: plan_diff_from_data(d) for k, d in raw["diffs"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cache
        cache.raw, cache.versions, cache.diffs = raw, versions, diffs
        return cache

    def put_version(self, key: str, v: Version) -> None:
        self.versions[key] = v
        self.raw["parsed"][key] = {"path": v.path, "plan": value_data(v.plan), "errors": list(v.errors),
                                   "text": v.text if v.plan is None else ""}
        self.dirty = True

    def put_diff(self, key: str, diff: PlanDiff) -> None:
        self.diffs[key] = diff
        self.raw["diffs"][key] = plan_diff_data(diff)
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temp = self.file.with_suffix(f".{os.getpid()}.tmp")
            temp.write_text(json.dumps(self.raw, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(temp, self.file)
        except OSError:
            pass  # a cache that cannot be written only costs time on the next build


def _version_from(entry: dict[str, Any]) -> Version:
    plan = value_from_data(entry["plan"]) if entry["plan"] is not None else None
    if plan is not None and not isinstance(plan, Plan):
        raise TypeError("not a plan")
    return Version(str(entry["path"]), str(entry["text"]), plan, tuple(str(e) for e in entry["errors"]))
