"""The build cache: what the last build parsed and what each output file was made from.

- Parsed plans are kept by (path, kind, sha256 of the text): an unchanged file is not parsed,
  validated or checked again (its problems are kept too).
- In a long-lived process (serve) a file whose status (size, times, inode) has not changed since
  it was read is not read again, as git's index assumes; a file changed less than two seconds
  before it was read is always read again (a quick second save can keep its size and time).
- Each output file has a fingerprint of its inputs (the plans it reads, its template and the
  templates those include, the site settings); when it is unchanged and the file is on disk,
  the file is neither rendered nor written.

On disk it is `.plangen-cache/build.json`: plain JSON (never pickle), stamped with plangen's
version; a cache that is corrupt or from another version is ignored, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from . import __version__
from .memo import ByIdentity
from .model import Plan, build_plan
from .parallel import fork_map
from .problems import Problem
from .project import Parsed, ReadOptions, parse_source, read_file
from .sources import Source, discover_files, is_plan_name

CACHE_DIR = ".plangen-cache"
CACHE_FILE = "build.json"
FORMAT = 1
PARALLEL_PARSE_FROM = 200  # files to parse; below this, starting worker processes costs more than it saves
RACY_NS = 2_000_000_000  # a file changed this recently is read again even if its status looks the same


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each followed by a NUL byte."""
    if parts and all(isinstance(part, str) for part in parts):  # one update: the same bytes, far fewer calls
        return hashlib.sha256(("\0".join(parts) + "\0").encode("utf-8")).hexdigest()  # type: ignore[arg-type]
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


@dataclass(slots=True)
class _Entry:
    hash: str
    parsed: Parsed
    text: str = ""  # the text parsed, when it came from this process (compared by identity: no hashing)


Status = tuple[int, int, int, int, int, str, str, ReadOptions]


@dataclass(slots=True)
class BuildCache:
    """Create one and pass it to every `build()` of a process; `load`/`save` keep it across runs."""

    parsed: dict[str, _Entry] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    # in memory only, for the next build of this process:
    sources: dict[str, tuple[Status, Source | Problem]] = field(default_factory=dict)
    listings: dict[str, list[str]] = field(default_factory=dict)  # plans folder -> its plan files, last listed
    hint: frozenset[str] | None = None  # the paths a watcher saw change before this build (None: unknown)
    _trusted: bool = False  # the hint explains every change in the plans folder: others need no look
    summaries: ByIdentity[Plan, str] = field(default_factory=ByIdentity)  # plan -> its summary print
    index: tuple[str, Any] | None = None  # the last build's index, by a digest of the plans' summaries
    histories: tuple[str, Any] | None = None  # the last history read, by git HEAD and the plan files
    last: Any = None  # the last build's jobs (build.Pass)

    def parse(self, sources: list[Source]) -> list[Parsed]:
        """parse_source of each, unless this exact text was parsed before; the others in forked
        workers when there are many (a cold build)."""
        found: list[Parsed | None] = [self._known(s) for s in sources]
        todo = [s for s, p in zip(sources, found, strict=True) if p is None]
        self.hits += len(sources) - len(todo)
        self.misses += len(todo)
        made = iter(fork_map(_parse_slim, todo, PARALLEL_PARSE_FROM))
        parsed = []
        for source, known in zip(sources, found, strict=True):
            if known is None:
                known = replace(next(made), source=source)  # this process's copy of the text
                self.parsed[source.path] = _Entry(digest(source.path, source.kind, source.text), known, source.text)
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

    def forget(self, texts: dict[str, str], plans: list[Plan]) -> None:
        """Drop what belongs to files and plans no longer there."""
        self.forget_missing(set(texts))
        self.summaries.keep_only(plans)
        if len(self.sources) > 2 * len(texts) + 100:
            self.sources.clear()

    def forget_missing(self, paths: set[str]) -> None:
        for gone in set(self.parsed) - paths:
            del self.parsed[gone]


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


def _parse_slim(source: Source) -> Parsed:
    return _slim(parse_source(source))


def _slim(parsed: Parsed) -> Parsed:
    """What is kept of a parse: its problems are made, so of the marks only the slug's is needed
    again (duplicate slugs are found across files); the rest is a third of a plan's memory."""
    slug = parsed.marks.get(("slug",))
    return replace(parsed, marks={("slug",): slug} if slug else {})


def load(root: Path) -> BuildCache:
    """The cache saved by the last build, or an empty one (when absent, corrupt or stale)."""
    try:
        doc = json.loads((root / CACHE_DIR / CACHE_FILE).read_text("utf-8"))
        if doc.get("format") != FORMAT or doc.get("version") != __version__:
            return BuildCache()
        cache = BuildCache(outputs=dict(doc["outputs"]))
        for path, item in doc["parsed"].items():
            cache.parsed[path] = _Entry(item["hash"], _parsed_from_json(item))
        return cache
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return BuildCache()


def save(root: Path, cache: BuildCache) -> None:
    """Write the cache atomically; a cache that cannot be written is simply not kept."""
    doc = {
        "format": FORMAT,
        "version": __version__,
        "outputs": cache.outputs,
        "parsed": {path: _parsed_to_json(e) for path, e in sorted(cache.parsed.items())},
    }
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        tmp = folder / (CACHE_FILE + ".tmp")
        tmp.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), "utf-8")
        os.replace(tmp, folder / CACHE_FILE)
    except OSError:
        return


def _parsed_to_json(entry: _Entry) -> dict[str, Any]:
    p = entry.parsed
    return {
        "hash": entry.hash,
        "source": [p.source.path, p.source.kind],
        "data": p.data,
        "slug": p.plan.slug if p.plan else None,
        "slug_mark": list(p.marks.get(("slug",), (1, 1))),
        "problems": [asdict(x) for x in p.problems],
    }


def _parsed_from_json(item: dict[str, Any]) -> Parsed:
    path, kind = item["source"]
    source = Source(path, "", kind)  # the text itself is read from disk on every build
    problems = tuple(Problem(**x) for x in item["problems"])
    data = item["data"]
    plan = build_plan(data, item["slug"], path, kind) if item["slug"] is not None else None
    marks = {("slug",): tuple(item["slug_mark"])}
    return Parsed(source, plan, data, marks, problems)  # type: ignore[arg-type]
