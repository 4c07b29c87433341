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

import os
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from . import git
from .diff.model import PlanDiff, Version
from .diff.sets import added, diff_pair, version_of
from .historycache import Lazy, PlanCache, read_index, signature, write_index
from .model import Plan
from .parallel import in_order
from .problems import Problem
from .project import ReadOptions, parse_source
from .sources import Source, decode, kind_of
from .wording import Wording, msg

SHALLOW_NOTE = msg("note.shallow")
J = TypeVar("J")
R = TypeVar("R")
PARALLEL_FROM = 200   # parse revisions in worker processes from this many on


@dataclass(frozen=True, slots=True)
class Revision:
    """One commit that touched a plan. `plan`, `errors` and `diff` are read from the cache on use."""

    commit: str
    date: str
    author: str
    email: str
    message: str
    path: str
    blob: str
    lazy_version: Lazy[Version]
    lazy_diff: Lazy[PlanDiff]

    @property
    def plan(self) -> Plan | None:
        return self.lazy_version.get().plan

    @property
    def errors(self) -> tuple[Wording, ...]:
        return self.lazy_version.get().errors

    @property
    def valid(self) -> bool:
        return self.plan is not None

    @property
    def diff(self) -> PlanDiff:
        return self.lazy_diff.get()


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
    notes: tuple[Wording, ...] = ()  # for the build's summary (messages_cli.py, note.*)


def load_histories(root: Path, plan_paths: Iterable[str], cache_dir: Path | None = None,
                   options: ReadOptions | None = None) -> dict[str, PlanHistory]:
    return read_history(root, plan_paths, cache_dir, options).histories


def read_history(root: Path, plan_paths: Iterable[str], cache_dir: Path | None = None,
                 options: ReadOptions | None = None) -> HistoryResult:
    """The history of each plan; empty, with a note, when git or the repository is missing."""
    try:
        repo = git.find_repo(root)
        if repo is None:
            return HistoryResult(notes=(msg("note.not-a-repo", folder=root),))
        if not git.has_commits(repo):
            return HistoryResult(notes=(msg("note.no-commits"),))
        return _read(repo, root.resolve(), list(plan_paths), cache_dir or root / ".plangen-cache" / "history",
                     options or ReadOptions())
    except git.GitError as exc:
        return HistoryResult(notes=(msg("note.git-failed", why=exc),))


Entry = tuple[int, git.FileChange]   # (commit index, newest first = 0; the change)


def _read(repo: Path, root: Path, paths: list[str], cache_dir: Path, options: ReadOptions) -> HistoryResult:
    prefix = _prefix(repo, root)
    commits = git.log_changes(repo, [prefix] if prefix else [])
    index = _index(commits)
    shallow = git.is_shallow(repo)
    chains = {p: follow(index, _join(prefix, p)) for p in paths}
    signatures = _signatures(chains)
    known = read_index(cache_dir)
    reader = _Reader(repo, prefix, options, {p: PlanCache(cache_dir, p) for p in paths})
    changed = [p for p in paths if known.get(p) != signatures[p] or not reader.caches[p].file.exists()]
    reader.parse_missing({p: chains[p] for p in changed})
    histories = {p: _history(p, commits, chains[p], reader, shallow) for p in paths}
    _keep(changed, histories, reader)
    if changed or set(known) != set(paths):
        write_index(cache_dir, {**known, **signatures})
    reader.save_on_miss = True
    return HistoryResult(histories, shallow, (SHALLOW_NOTE,) if shallow else ())


def _prefix(repo: Path, root: Path) -> str:
    """The project folder's path in the repository ("" at its top)."""
    if root == repo.resolve():
        return ""
    prefix = root.relative_to(repo.resolve()).as_posix()
    return "" if prefix == "." else prefix


def _signatures(chains: dict[str, list[Entry]]) -> dict[str, str]:
    """Each plan's chain of changes, as one signature (the cache of a plan whose signature is unchanged is kept)."""
    return {p: signature([_key(c.old_blob, c.old_path) + ">" + _key(c.new_blob, c.new_path) for _, c in chain])
            for p, chain in chains.items()}


def _keep(changed: list[str], histories: dict[str, PlanHistory], reader: _Reader) -> None:
    """The changed plans' new diffs computed now, so that their caches keep them; then saved."""
    for p in changed:
        for revision in histories[p].revisions:
            revision.lazy_diff.get()
        reader.caches[p].save()


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
        return Version(path, "", None, (msg("diff.not-a-plan", path=path),))
    if len(data) > options.size_limit:
        return Version(path, "", None, (msg("diff.too-big", path=path, size=f"{len(data):,}"),))
    text = decode(data, path, options.encoding)
    if isinstance(text, Problem):
        return Version(path, "", None, (msg("diff.unreadable", path=path, why=Wording(text.key, text.values)),))
    if not text.strip():
        return Version(path, text, None, (msg("diff.empty", path=path),))
    return version_of(parse_source(Source(path, text, kind)))


class _Reader:
    """Revisions and diffs of plans: from the cache, else from git (then kept in the cache)."""

    def __init__(self, repo: Path, prefix: str, options: ReadOptions, caches: dict[str, PlanCache]) -> None:
        self.repo, self.prefix, self.options, self.caches = repo, prefix, options, caches
        self.save_on_miss = False   # after the build step: a trusted cache found broken is repaired at once

    def parse_missing(self, chains: dict[str, list[Entry]]) -> None:
        """Read and parse, in one batch, every revision of these plans that the cache lacks."""
        wanted: dict[tuple[str, str], list[str]] = {}   # (blob, path at revision) -> plan paths
        for p, chain in chains.items():
            for _, change in chain:
                for blob, at in ((change.new_blob, change.new_path), (change.old_blob, change.old_path)):
                    if blob and not self.caches[p].has_version(_key(blob, at)) and p not in wanted.get((blob, at), ()):
                        wanted.setdefault((blob, at), []).append(p)
        if not wanted:
            return
        blobs = git.read_blobs(self.repo, [blob for blob, _ in wanted])
        jobs = [(_strip(self.prefix, at), blobs[blob], self.options) for blob, at in wanted if blob in blobs]
        parsed = iter(_parse_all(jobs))
        for (blob, at), users in wanted.items():
            v = next(parsed) if blob in blobs else self._missing(at)
            for p in users:   # a revision missing from a shallow clone is not kept: a deeper fetch may bring it
                self.caches[p].put_version(_key(blob, at), v, keep=blob in blobs)

    def _missing(self, at: str) -> Version:
        shown = _strip(self.prefix, at)
        return Version(shown, "", None, (msg("diff.missing", path=shown),))

    def version(self, plan: str, blob: str, at: str) -> Version:
        found = self.caches[plan].version(_key(blob, at))
        if found is None:   # the cache file went away since the index was written
            self.parse_missing({plan: [(0, git.FileChange("A", at, at, "", blob))]})
            found = self.caches[plan].version(_key(blob, at)) or self._missing(at)
            if self.save_on_miss:
                self.caches[plan].save()
        return found

    def diff(self, plan: str, change: git.FileChange) -> PlanDiff:
        new = self.version(plan, change.new_blob, change.new_path)
        if not change.old_blob:
            return added(new)
        key = f"{_key(change.old_blob, change.old_path)}>{_key(change.new_blob, change.new_path)}"
        found = self.caches[plan].diff(key)
        if found is None:
            old = self.version(plan, change.old_blob, change.old_path)
            found = diff_pair(old, new, "renamed" if change.status == "R" else "modified")
            self.caches[plan].put_diff(key, found)
            if self.save_on_miss:
                self.caches[plan].save()
        return found


def _parse_all(jobs: list[tuple[str, bytes, ReadOptions]]) -> list[Version]:
    return parallel_map(_parse_job, jobs)


def parallel_map(fn: Callable[[J], R], jobs: list[J]) -> list[R]:
    """fn over jobs, in order; shared with worker processes when there are many and the process
    policy allows it (parallel.py)."""
    return in_order(fn, jobs, PARALLEL_FROM, min(os.cpu_count() or 1, 8))


def _parse_job(job: tuple[str, bytes, ReadOptions]) -> Version:
    return blob_version(*job)


def parse_source_job(source: Source) -> Version:
    return version_of(parse_source(source))


def _history(path: str, commits: list[git.Commit], chain: list[Entry], reader: _Reader,
             shallow: bool) -> PlanHistory:
    revisions = []
    for k, change in chain:
        c = commits[k]
        revisions.append(Revision(
            c.hash, c.date, c.author, c.email, c.message, _strip(reader.prefix, change.new_path), change.new_blob,
            Lazy(partial(reader.version, path, change.new_blob, change.new_path)),
            Lazy(partial(reader.diff, path, change))))
    return PlanHistory(path, tuple(revisions), shallow)
