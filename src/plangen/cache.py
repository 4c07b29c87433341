"""The build cache: what the last build parsed and what each output file was made from.

- Parsed plans are kept by (path, kind, sha256 of the text): an unchanged file is not parsed,
  validated or checked again (its problems are kept too).
- In a long-lived process (serve) a file whose status (size, times, inode) has not changed since
  it was read is not read again, as git's index assumes; a file changed less than two seconds
  before it was read is always read again (a quick second save can keep its size and time).
- Each output file has a fingerprint of its inputs (the plans it reads, its template and the
  templates those include, the site settings); when it is unchanged and the file is on disk,
  the file is neither rendered nor written.

On disk it is `.plangen-cache/build.jsonl`: plain JSON lines (never pickle), stamped with the
store's format (store.py) and the model's shape, each entry with a check of its own line; a cache
that is corrupt or from another version, or an entry that fails its check, is ignored, never trusted. A parsed plan is kept as its model only (not the data it was built from): parse workers
send it as compact JSON, and the plans of one batch share their equal strings and small values
(names, organisations, tags, dates), which repeat across plans.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cacheline import Entry, checked, entry_from, entry_line, entry_parts, line_of, parse_entry
from .crosscheck import LinkMemo
from .feeds import FeedMemo
from .memo import ByIdentity
from .model import Plan
from .parallel import share
from .plancodec import Undecodable, model_print, plan_from_json, plan_json
from .prints import digest
from .problems import Problem
from .project import Parsed, Project, ReadOptions, read_file
from .sources import Source, discover_files, is_plan_name
from .store import CACHE_DIR, FORMAT, compact_json, write_atomic

if TYPE_CHECKING:
    from .history import HistoryResult
    from .render import CompiledTemplates
    from .reuse import Built, Indexed, SavedIndex
    from .search_index import IndexState

CACHE_FILE = "build.jsonl"
__all__ = ["CACHE_DIR", "CACHE_FILE", "FORMAT", "BuildCache", "Undecodable", "digest", "entry_line", "forget_saved",
           "load", "plan_from_json", "plan_json", "save"]
PARALLEL_PARSE_FROM = 200  # files to parse; below this, starting worker processes costs more than it saves
RACY_NS = 2_000_000_000  # a file changed this recently is read again even if its status looks the same


Status = tuple[int, int, int, int, int, str, str, ReadOptions]


@dataclass(slots=True)
class BuildCache:
    """Create one and pass it to every `build()` of a process; `load`/`save` keep it across runs."""

    parsed: dict[str, Entry] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    # in memory only, for the next build of this process:
    sources: dict[str, tuple[Status, Source | Problem]] = field(default_factory=dict)
    listings: dict[str, list[str]] = field(default_factory=dict)  # plans folder -> its plan files, last listed
    hint: frozenset[str] | None = None  # the paths a watcher saw change before this build (None: unknown)
    _trusted: bool = False  # the hint explains every change in the plans folder: others need no look
    summaries: ByIdentity[Plan, str] = field(default_factory=ByIdentity)  # plan -> its summary print
    links: LinkMemo = field(default_factory=LinkMemo)  # the plan: links of each plan, the last link check
    feeds: FeedMemo = field(default_factory=FeedMemo)  # each plan's calendar events and API entry
    templates: CompiledTemplates | None = None  # compiled templates (made by the first build that renders)
    index: tuple[str, Indexed | SavedIndex] | None = None  # the last build's index, by a digest of the plans' summaries
    histories: tuple[str, HistoryResult] | None = None  # the last history read, by git HEAD and the plan files
    last: Built | None = None  # the last build's outputs (reuse.py)
    project: _Loaded | None = None  # the last project loaded, when it had no problem
    search: IndexState | None = None  # the last search index's state, for the next build (search stage)

    def parse(self, sources: list[Source]) -> list[Parsed]:
        """parse_source of each, unless this exact text was parsed before; the others in forked
        workers when there are many (a cold build)."""
        found: list[Parsed | None] = [self._known(s) for s in sources]
        todo = [s for s, p in zip(sources, found, strict=True) if p is None]
        self.hits += len(sources) - len(todo)
        self.misses += len(todo)
        shared: dict[Any, Any] = {}  # equal strings and values of this batch's plans, made once
        by_place = dict(share(parse_entry, todo, PARALLEL_PARSE_FROM, away=_parse_in_worker,
                              back=lambda source, sent: _from_worker(source, sent, shared)))
        made = iter([by_place[i] for i in range(len(todo))])
        parsed = []
        for source, known in zip(sources, found, strict=True):
            if known is None:
                entry = next(made)
                entry.text = source.text
                self.parsed[source.path] = entry
                known = entry.parsed
            entry = self.parsed[source.path]
            if known.plan is not None and entry.summary:  # (what the checks and the index need of a plan)
                self.summaries.put(known.plan, entry.summary)
                self.links.linked.put(known.plan, entry.links)
            parsed.append(known)
        return parsed

    def _known(self, source: Source) -> Parsed | None:
        entry = self.parsed.get(source.path)
        if entry is None:
            return None
        if entry.text and entry.text is source.text and entry.parsed.source.kind == source.kind:
            return entry.parsed
        if entry.hash == digest(source.path, source.kind, source.text):
            entry.text = source.text
            return entry.parsed
        return None

    def expect(self, changed: set[str] | None) -> None:
        """Before a build: the paths a watcher (serve) saw change since the last build, or None."""
        self.hint = None if changed is None else frozenset(changed)

    def listing(self, folder: Path, root: Path) -> list[str] | Problem:
        """discover_files, or the last listing when the hint says no plan file came or went."""
        key = str(folder)
        known = self.listings.get(key)
        self._trusted = known is not None and self.hint is not None and _only_edits(self.hint, known, key)
        if self._trusted and known is not None:
            return known
        found = discover_files(folder, root)
        if isinstance(found, Problem):
            self.listings.pop(key, None)
        else:
            self.listings[key] = found
        return found

    def read(self, file: str, root: Path, folder: Path, options: ReadOptions) -> Source | Problem:
        """read_file, unless the file's status is what it was when this process last read it (or,
        with a trusted hint, unless the watcher saw it change)."""
        if self._trusted and self.hint is not None and file not in self.hint and file in self.sources:
            return self.sources[file][1]
        try:
            st = os.lstat(file)
        except OSError:
            return read_file(file, root, folder, options)
        status = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_dev, str(root), str(folder), options)
        name = file
        hit = self.sources.get(name)
        if hit is not None and hit[0] == status:
            return hit[1]
        got = read_file(file, root, folder, options)
        settled = time.time_ns() - st.st_mtime_ns > RACY_NS  # (a change of status alone shows in st_ctime_ns)
        if stat.S_ISREG(st.st_mode) and settled:  # never a symlink: its target may change unseen
            self.sources[name] = (status, got)
        else:
            self.sources.pop(name, None)
        return got

    def loaded(self, paths: list[Path], root: Path, options: ReadOptions, sources: list[Source],
               project: Project) -> None:
        """Keep a project that has no problem (each file gave one plan, in order) for `reload`."""
        self.project = None
        if len(paths) != 1 or project.problems or len(project.plans) != len(sources):
            return
        listed = self.listings.get(str(paths[0]))
        if listed is None or len(listed) != len(sources):
            return
        self.project = _Loaded((str(paths[0]), str(root), options), listed, sources, project,
                               {file: i for i, file in enumerate(listed)})

    def reload(self, paths: list[Path], root: Path, options: ReadOptions, parse: Callable[[list[Source]], list[Parsed]],
               ) -> Project | None:
        """The last project with only the plan files a trusted hint names read and parsed again, when
        nothing else can have changed: each gives a plan under the same slug, without any problem,
        as it did before. Else None (the caller loads every file)."""
        last, self.project = self.project, None
        if last is None or not self._still_listed(last, paths, root, options):
            return None
        assert self.hint is not None  # (checked by _still_listed)
        changed = sorted(last.position[path] for path in self.hint if path in last.position)
        read = [self.read(last.listed[i], root, paths[0], options) for i in changed]
        fresh = [got for got in read if isinstance(got, Source)]
        if len(fresh) != len(read):
            return None
        self.project = _with_reparsed(last, changed, fresh, parse(fresh))
        return self.project.project if self.project is not None else None

    def _still_listed(self, last: _Loaded, paths: list[Path], root: Path, options: ReadOptions) -> bool:
        """Whether the last project was loaded the same way, and a trusted hint says its plans folder
        still lists the same files (so only the hinted files can have changed)."""
        if self.hint is None or len(paths) != 1 or last.key != (str(paths[0]), str(root), options):
            return False
        return self.listing(paths[0], root) is last.listed and self._trusted

    def forget(self, texts: dict[str, str], plans: list[Plan]) -> None:
        """Drop what belongs to files and plans no longer there."""
        self.forget_missing(set(texts))
        self.summaries.keep_only(plans)
        self.links.keep_only(plans)
        self.feeds.keep_only(plans)
        if len(self.sources) > 2 * len(texts) + 100:
            self.sources.clear()

    def forget_missing(self, paths: set[str]) -> None:
        for gone in set(self.parsed) - paths:
            del self.parsed[gone]


@dataclass(frozen=True, slots=True)
class _Loaded:
    """The last project loaded by this process, and the files it was read from."""

    key: tuple[str, str, ReadOptions]  # its plans folder, root and read options
    listed: list[str]  # the listing it was read from (the cache's own list)
    sources: list[Source]  # one per listed file, in order
    project: Project
    position: dict[str, int]  # listed file -> its place in `listed`, `sources` and the plans


def _with_reparsed(last: _Loaded, changed: list[int], fresh: list[Source], made: list[Parsed]) -> _Loaded | None:
    """The last project with the files at `changed` replaced by their new text and plan, when each
    still gives a plan under the same slug without any problem; else None."""
    before = [last.project.plans[i] for i in changed]
    if any(x.problems or x.plan is None or x.plan.slug != old.slug for x, old in zip(made, before, strict=True)):
        return None
    sources, plans, texts = list(last.sources), list(last.project.plans), dict(last.project.texts)
    for i, source, parsed in zip(changed, fresh, made, strict=True):
        assert parsed.plan is not None  # (checked above)
        sources[i], plans[i], texts[source.path] = source, parsed.plan, source.text
    project = Project(tuple(plans), (), texts, last.project.files)
    return replace(last, sources=sources, project=project)


def _only_edits(hint: frozenset[str], listed: list[str], folder: str) -> bool:
    """Whether every changed path is a listed plan file that is still there (an edit), or outside the
    plans folder and no plan file (a template, the settings). Anything else — a plan file that came,
    went or is named differently than the listing names it, a folder — asks for a new listing."""
    known = set(listed)
    for path in hint:
        if path in known:
            if not os.path.isfile(path):
                return False
        elif is_plan_name(os.path.basename(path)) or path.startswith(folder + os.sep) or path == folder:
            return False
    return True


def _parse_in_worker(source: Source) -> str | Entry:
    """What a parse worker sends back: the file's line of the saved cache (the model as compact JSON,
    the problems, the slug with its place), which this process reads and saves as it is; or, when
    the plan's values do not fit the model's types, the entry itself (pickled). Not the data, the
    text or the other marks: only the slug's mark is needed again (duplicate slugs are found across files)."""
    entry = parse_entry(source)
    return entry.line or entry


def _from_worker(source: Source, sent: str | Entry, shared: dict[Any, Any]) -> Entry:
    if isinstance(sent, Entry):
        return sent
    path, item, plan = entry_parts(sent.rstrip("\n").partition(" ")[2])  # (made by this build's worker)
    return entry_from(path, item, plan, shared, sent, source)


def load(root: Path) -> BuildCache:
    """The cache saved by the last build, or an empty one (when absent, corrupt or stale). An entry
    whose line does not match its own check (edited by hand, cut short) is not trusted."""
    try:
        with (root / CACHE_DIR / CACHE_FILE).open(encoding="utf-8") as f:
            head = json.loads(f.readline())
            if head.get("format") != FORMAT or head.get("model") != model_print():
                return BuildCache()
            cache = BuildCache(outputs=dict(head["outputs"]))
            shared: dict[Any, Any] = {}
            for line in f:
                entry = checked(line)
                if entry is not None:
                    path, item, plan = entry
                    cache.parsed[path] = entry_from(path, item, plan, shared, line.rstrip("\n") + "\n")
        return cache
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return BuildCache()


def forget_saved(root: Path) -> None:
    """Remove the saved cache (one of its plans did not decode: plancodec.Undecodable)."""
    with contextlib.suppress(OSError):
        (root / CACHE_DIR / CACHE_FILE).unlink()


def save(root: Path, cache: BuildCache) -> None:
    """Write the cache atomically (store.py); a cache that cannot be written is simply not kept.
    Written entry by entry: the whole document is never held in memory (thousands of plans)."""
    try:
        write_atomic(root / CACHE_DIR / CACHE_FILE, _document(cache))
    except OSError:
        return


def _document(cache: BuildCache) -> Iterator[str]:
    """The cache as lines: a head, then each parsed file with a check of its line."""
    yield compact_json({"format": FORMAT, "model": model_print(), "outputs": cache.outputs}) + "\n"
    for path, entry in sorted(cache.parsed.items()):
        try:
            yield line_of(path, entry)
        except TypeError:  # a plan whose values do not fit the model's types: parsed again next time
            continue


