"""Revision history of plans, read from git, for the site's history pages.

API (for the site renderer):

    read_history(root, plan_paths, cache_dir=None, options=None) -> HistoryResult
        root:       the project folder (anywhere inside a git work tree)
        plan_paths: plan paths relative to `root`, as in `Plan.source` (e.g. "plans/a.yaml")
        cache_dir:  where parsed revisions are cached (default: root/.plangen-cache/history)
        options:    project.ReadOptions (size limit, encoding), as for `plangen check`
        Never raises for a missing repository or a missing git: the result is then empty and
        `notes` says why, so the site builds without history.
    load_histories(root, plan_paths, ...) -> dict[str, PlanHistory]     (read_history(...).histories)

    HistoryResult.histories: {plan path: PlanHistory}     one entry per path given
    HistoryResult.shallow:   True in a shallow clone       (history is incomplete)
    HistoryResult.notes:     messages for the build output ("history is incomplete: the clone is shallow …")
    PlanHistory.revisions:   newest first; each a Revision
    PlanHistory.shallow, .single (only one revision), .uncommitted (no revision at all)
    Revision: commit, date (ISO 8601), author, email, message (subject), path (at that revision),
              blob, errors (why invalid; empty when valid), .valid,
              .plan (Plan or None when invalid), .diff (PlanDiff against the previous revision;
              status "added" for the first one, "invalid" when either side is invalid).
              .plan and .diff are decoded from the cache on first use.
    plangen.diff.render_diff_html(revision.diff, heading_level=3, lang="zh-CN") -> str
              an escaped HTML fragment (CSS classes pd-*; default styles in plangen.diff.html.PAGE_CSS)

One `git log --raw -M` pass gives every commit's changed files with blob ids; renames are followed
backwards from each current path. Blobs not in the cache are read through one `git cat-file
--batch` process and parsed (in worker processes when there are many). Parsed revisions and diffs
are cached per plan (historycache: JSON keyed by blob id and path, checksummed), so an unchanged
history costs the `git log` pass and reading the cache; a corrupt cache file is ignored.
"""

from __future__ import annotations

import multiprocessing
import os
from bisect import bisect_right
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from . import git
from .diff.model import PlanDiff, Version
from .diff.sets import added, diff_pair, version_of
from .historycache import Lazy, PlanCache
from .model import Plan
from .problems import Problem
from .project import ReadOptions, parse_source
from .sources import Source, decode, kind_of

SHALLOW_NOTE = "history is incomplete: the clone is shallow (fetch with `git fetch --unshallow` for all of it)"
J = TypeVar("J")
R = TypeVar("R")
PARALLEL_FROM = 200   # parse revisions in worker processes from this many on


@dataclass(frozen=True, slots=True)
class Revision:
    """One commit that touched a plan. `plan` and `diff` are decoded from the cache on first use."""

    commit: str
    date: str
    author: str
    email: str
    message: str
    path: str
    blob: str
    errors: tuple[str, ...]
    lazy_plan: Lazy[Plan | None]
    lazy_diff: Lazy[PlanDiff]

    @property
    def plan(self) -> Plan | None:
        return self.lazy_plan.get()

    @property
    def diff(self) -> PlanDiff:
        return self.lazy_diff.get()

    @property
    def valid(self) -> bool:
        return not self.errors


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
    wanted: dict[tuple[str, str], list[str]] = {}   # (blob, path at revision) -> plan paths
    for p, chain in chains.items():
        for _, change in chain:
            for blob, at in ((change.new_blob, change.new_path), (change.old_blob, change.old_path)):
                if blob and _key(blob, at) not in caches[p].versions and p not in wanted.get((blob, at), ()):
                    wanted.setdefault((blob, at), []).append(p)
    if not wanted:
        return
    blobs = git.read_blobs(repo, [blob for blob, _ in wanted])
    jobs = [(_strip(prefix, at), blobs[blob], options) for blob, at in wanted if blob in blobs]
    parsed = iter(_parse_all(jobs))
    for (blob, at), users in wanted.items():
        shown = _strip(prefix, at)
        if blob in blobs:
            v = next(parsed)
            for p in users:
                caches[p].put_version(_key(blob, at), v)
        else:  # not cached: a later, deeper fetch may bring it
            missing = Version(shown, "", None, (f"{shown}: this revision is missing from the clone",))
            for p in users:
                caches[p].put_version(_key(blob, at), missing)
                caches[p].raw["parsed"].pop(_key(blob, at))


def _parse_all(jobs: list[tuple[str, bytes, ReadOptions]]) -> list[Version]:
    return parallel_map(_parse_job, jobs)


def parallel_map(fn: Callable[[J], R], jobs: list[J]) -> list[R]:
    """fn over jobs, in worker processes when there are many (for pure, costly functions)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return [fn(job) for job in jobs]
    with ProcessPoolExecutor(workers, mp_context=_context()) as pool:
        return list(pool.map(fn, jobs, chunksize=max(1, len(jobs) // (workers * 8))))


def _context() -> multiprocessing.context.BaseContext:
    """forkserver: safe in a process that runs threads (the dev server), unlike fork."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _parse_job(job: tuple[str, bytes, ReadOptions]) -> Version:
    return blob_version(*job)


def parse_source_job(source: Source) -> Version:
    return version_of(parse_source(source))


def _history(path: str, commits: list[git.Commit], chain: list[Entry], cache: PlanCache,
             shallow: bool) -> PlanHistory:
    revisions = []
    for k, change in chain:
        c = commits[k]
        new = cache.versions[_key(change.new_blob, change.new_path)]
        revisions.append(Revision(c.hash, c.date, c.author, c.email, c.message, new.path, change.new_blob,
                                  new.errors, new.plan, _diff(cache, change)))
    return PlanHistory(path, tuple(revisions), shallow)


def _diff(cache: PlanCache, change: git.FileChange) -> Lazy[PlanDiff]:
    new = cache.versions[_key(change.new_blob, change.new_path)]
    if not change.old_blob:
        return Lazy(value=added(new.version()))
    key = f"{_key(change.old_blob, change.old_path)}>{_key(change.new_blob, change.new_path)}"
    found = cache.diffs.get(key)
    if found is None:
        old = cache.versions[_key(change.old_blob, change.old_path)]
        found = cache.put_diff(key, diff_pair(old.version(), new.version(),
                                              "renamed" if change.status == "R" else "modified"))
    return found
