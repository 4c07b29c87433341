"""`plangen build`: the stages in order, in `_build` (docs/architecture.md, "The pipeline").

    stamp      nothing it would read changed since the last build -> its result, said again (stamp.py)
    load       config, plans, registry, every problem             -> stop here on any error (workspace.py)
    index      cross-links                                        -> reused when no summary changed (reuse.py)
    search     the search index's files                           -> (search.py)
    plan       every output file and the fingerprint of its inputs -> those not current are dirty (jobs.py)
    make       the dirty files and the index's, into a staged copy of the site -> (publish.py; serve: in place)
    publish    the staged site swapped in, in one step            -> (publish.py)
    remember   the cache, the last pass and the stamp             -> .plangen-cache/ (store.py)

A cold build is the same code with every output dirty. Nothing is visible until the swap, so a
build that fails or is killed leaves the site as it was.
"""

from __future__ import annotations

import gc
import itertools
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from . import cache as cache_store
from . import git, lastpass, messages, publish, reuse, search, store
from . import stamp as stamps
from .cache import BuildCache, digest
from .config import CONFIG_NAME, Config, cache_refusal, load_config
from .history import HistoryResult, PlanHistory, read_history
from .index import Index
from .jobs import PARALLEL_FROM, all_jobs_and_cards, make_all, redone_jobs, render_site, run_jobs, site_jobs, stage_all
from .model import Plan
from .names import Registry
from .output import MANIFEST, SiteWriter, WriteStats, read_manifest, refusal
from .pages import cited_with
from .problems import Problem, error, strict
from .project import Project
from .render import CompiledTemplates, RenderError, SiteInfo
from .reuse import Built, Job, source_date_epoch
from .safeio import Refused, read_regular
from .sources import DEFAULT_SIZE_LIMIT, decode
from .summary import summary_print
from .theme import asset_files, default_theme
from .wording import Wording, msg
from .workspace import Workspace, load_workspace

__all__ = ["PARALLEL_FROM", "BuildOptions", "BuildResult", "Job", "build", "make_all", "render_site", "run_jobs",
           "site_jobs", "source_date_epoch", "summary", "summary_print", "terminal_progress"]

Progress = Callable[[int, int], None]
UNCHANGED = "search.reason.unchanged"  # why the search index was not made again: a key of the catalogue


@dataclass(frozen=True, slots=True)
class BuildOptions:
    root: Path
    output: Path | None = None
    strict: bool = False
    drafts: bool = False
    encoding: str | None = None
    search: bool = True
    history: bool = True  # revision history pages from git (also `history: false` in plangen.yaml)
    persistent_cache: bool = True  # keep .plangen-cache/ between runs (the CLI); serve keeps it in memory
    search_later: bool = False  # leave the search index to the caller, after the pages (serve: `search.PENDING`)
    jobs: int = 0  # worker processes for rendering; 0 = one per core
    in_place: bool = False  # update the output folder file by file, not by swapping in a staged copy (serve)
    language: str | None = None  # of what the build says while it runs (else the project's)


@dataclass(frozen=True, slots=True)
class BuildResult:
    workspace: Workspace
    problems: tuple[Problem, ...]
    plans: int = 0
    drafts_skipped: int = 0
    pages: int = 0
    stats: WriteStats | None = None
    seconds: float = 0.0
    output: Path | None = None
    search: search.SearchReport | None = None
    rendered: int = 0
    notes: tuple[Wording, ...] = ()  # said once in the build output (e.g. a shallow clone's incomplete history)

    @property
    def ok(self) -> bool:
        return self.stats is not None


def build(options: BuildOptions, progress: Progress | None = None, cache: BuildCache | None = None) -> BuildResult:
    """Build the site. The CLI passes no cache: the one in .plangen-cache/ is used. A long-lived
    process (serve) passes one BuildCache to every build. One build of a project at a time."""
    started = time.perf_counter()
    root = options.root.resolve()
    thresholds = gc.get_threshold()
    with publish.one_at_a_time(root / store.CACHE_DIR, language=options.language):
        try:
            # most objects a build makes live until it ends (plans, index, pages' data): the collector
            # need not walk the young ones every 700 allocations (docs/architecture.md, "Processes")
            gc.set_threshold(YOUNG_COLLECTED_AFTER, *thresholds[1:])
            try:
                return _build(options, root, progress, cache, started)
            except cache_store.Undecodable:  # a plan or table kept in .plangen-cache/ did not decode when first read
                cache_store.forget_saved(root)
                lastpass.forget(root / store.CACHE_DIR)
                return _build(options, root, progress, cache, started)
        except OSError as exc:  # the output folder or the cache cannot be read or written
            return _unwritable(options, load_config(root)[0], exc)
        finally:
            gc.set_threshold(*thresholds)
            gc.unfreeze()  # (frozen once the plans are indexed)


YOUNG_COLLECTED_AFTER = 100_000  # allocations between collections of young objects during a build (Python's default: 700)


@dataclass(frozen=True, slots=True)
class _Before:
    """What the last `plangen build` left for this one: its stamp, and the output files changed since."""

    stamp: stamps.Stamp
    saved: stamps.Saved | None
    damaged: set[str] | None  # None: not known (no build of this output folder was recorded)
    seen: dict[str, tuple[int, int]]  # output files' status before this build

    def outcome_if_unchanged(self) -> stamps.Outcome | None:
        """The last build's outcome when the sources are as it stamped them and every file it wrote is
        as it left it; else None (this build must run)."""
        if self.saved is None or self.saved[0].digest != self.stamp.digest or self.damaged:
            return None
        return self.saved[1]


def _build(options: BuildOptions, root: Path, progress: Progress | None, given: BuildCache | None,
           started: float) -> BuildResult:
    before = _before(options, root) if options.persistent_cache and given is None else None       # stamp
    last_outcome = before.outcome_if_unchanged() if before is not None else None
    if last_outcome is not None:
        return _unchanged(options, root, last_outcome, started)
    cache = _cache(options, root, before, given)
    ws = load_workspace(root, encoding=options.encoding, drafts=options.drafts, output=options.output,  # load
                        parse=cache.parse, files=cache, links=cache.links)
    out, problems = _output_dir(options, ws.config), _problems(options, ws)
    if any(p.is_error for p in problems):
        return BuildResult(ws, tuple(problems))
    plans = [p for p in ws.project.plans if options.drafts or p.status != "draft"]
    if before is not None and cache.last is None and before.damaged == set():  # every output as it was left
        reuse.restore(cache, root / store.CACHE_DIR, out)
    index = _index(plans, ws, cache)                                                                  # index
    off = search.off_reason(options.search, ws.config.search, len(plans))
    histories, notes = _histories(options, ws, index, cache)
    site = SiteInfo(ws.config.title, ws.config.language, ws.config.edit_url, search=not off,
                    drafts=options.drafts, history=frozenset(histories))
    found, search_files = _search(options, root, cache, index, ws.config.language, off)                 # search
    try:                                                                                  # plan, make, publish
        stats, rendered = _make_and_publish(_Site(ws, index, site, histories, out, search_files), cache,
                                                    options, progress)
    except RenderError as exc:  # a broken template: reported like a plan error, nothing written
        return BuildResult(ws, (*problems, exc.problem()))
    pages = cache.last.pages if cache.last is not None else 0
    result = BuildResult(ws, tuple(problems), len(plans), len(ws.project.plans) - len(plans), pages, stats,
                         time.perf_counter() - started, out, found, rendered, notes)
    _remember(options, root, cache, before, result)                                                # remember
    return result


def _before(options: BuildOptions, root: Path) -> _Before:
    config, _ = load_config(root)
    out = _output_dir(options, config)
    store.check(root)
    store.clean(root)
    saved = stamps.last(root / store.CACHE_DIR, out)
    seen: dict[str, tuple[int, int]] = {}
    damaged = stamps.damaged(saved, out, seen) if saved is not None else None
    return _Before(_stamp(options, root, config, out, saved[0].hashed if saved else ()), saved, damaged, seen)


def _cache(options: BuildOptions, root: Path, before: _Before | None, given: BuildCache | None) -> BuildCache:
    """The cache of the caller, or the one saved by the last build without the outputs changed since."""
    if given is not None:
        given.templates = given.templates or CompiledTemplates()
        return given
    cache = cache_store.load(root) if options.persistent_cache else BuildCache()
    cache.templates = CompiledTemplates(root / store.CACHE_DIR / "templates" if options.persistent_cache else None)
    for path in (before.damaged if before is not None else None) or ():
        cache.outputs.pop(path, None)
    return cache


def _problems(options: BuildOptions, ws: Workspace) -> list[Problem]:
    """The workspace's problems (warnings as errors with --strict), and the output folder's refusal."""
    problems = strict(ws.problems) if options.strict else list(ws.problems)
    out = _output_dir(options, ws.config)
    cache = (ws.config.root / store.CACHE_DIR).resolve()
    inside = out.resolve() == cache or cache in out.resolve().parents  # (the lock is there: not empty)
    why = (cache_refusal(out, cache) if inside else None) or refusal(out, ws.config.root, ws.config.plans_dir) \
        or cache_refusal(out, cache)
    if why is not None and not any(p.is_error for p in problems):
        problems.append(error(str(out), 0, 0, "", msg("build.refused", why=why), code="output-refused"))
    return problems


def _index(plans: list[Plan], ws: Workspace, cache: BuildCache) -> Index:
    cache.expect(None)  # a watcher's hint holds for one build
    cache.forget(ws.project.texts, list(ws.project.plans))
    index = reuse.index_of(plans, ws, cache)
    # the plans and the index live until the build ends: the cyclic collector (run often while pages
    # render) need not walk them each time; forked workers inherit this too
    gc.freeze()
    return index


def _remember(options: BuildOptions, root: Path, cache: BuildCache, before: _Before | None,
              result: BuildResult) -> None:
    """Keep what the next build can reuse (the site is published: it describes the site in place)."""
    if not options.persistent_cache:
        return
    search.save_state(root / store.CACHE_DIR, cache.search)
    cache_store.save(root, cache)
    reuse.keep(cache, root / store.CACHE_DIR)
    publish.fault("remembered")
    if before is not None:
        stamps.save(root / store.CACHE_DIR, before.stamp, result.output or root, _outcome(result, before.seen))


def _stamp(options: BuildOptions, root: Path, config: Config, out: Path, hashed: tuple[str, ...]) -> stamps.Stamp:
    """The stamp of everything this build would read (see stamp.py); `hashed`: files the last stamp
    knows by content."""
    settings = [repr((options.strict, options.drafts, options.encoding, options.search, options.history)),
                str(out), str(source_date_epoch())]
    files = [root / CONFIG_NAME, config.root / config.registry]
    if options.history and config.history:
        settings.append(git.head_state(root))
    return stamps.take("\0".join(settings), files, [config.plans_dir, config.templates_dir, default_theme()], hashed)


def _unchanged(options: BuildOptions, root: Path, outcome: stamps.Outcome, started: float) -> BuildResult:
    """The last build's result again (nothing it read has changed and its output is untouched)."""
    config, _ = load_config(root)
    out = _output_dir(options, config)
    texts = _texts_of(root, outcome.problems, options.encoding)
    ws = Workspace(config, Project((), outcome.problems, texts, 0), Registry(), outcome.problems)
    stats = WriteStats(0, sum(1 for path in outcome.outputs if path != MANIFEST and not path.startswith(search.KEEP)), 0)
    found = search.SearchReport(ran=False, ok=True, reason=UNCHANGED)
    return BuildResult(ws, outcome.problems, outcome.plans, outcome.drafts_skipped, outcome.pages, stats,
                       time.perf_counter() - started, out, found, 0, outcome.notes)


def _unwritable(options: BuildOptions, config: Config, exc: OSError) -> BuildResult:
    """The one error of a build that could not write the output folder or use the cache folder."""
    out, cache = _output_dir(options, config), config.root.resolve() / store.CACHE_DIR
    named = Path(os.fsdecode(exc.filename)) if exc.filename else out
    why = exc.strerror or exc
    if named == cache or cache in named.parents:
        said = msg("build.no-cache", cache=cache, why=why)
    else:
        said = msg("build.unwritable", out=out, why=why)
    problem = error(str(named), 0, 0, "", said, code="output-failed")
    ws = Workspace(config, Project((), (problem,), {}, 0), Registry(), (problem,))
    return BuildResult(ws, (problem,), output=out)


def _texts_of(root: Path, problems: tuple[Problem, ...], encoding: str | None) -> dict[str, str]:
    """The text of each file a problem names (to show its lines again)."""
    texts = {}
    for path in {p.path for p in problems}:
        try:  # a regular file within the limit (a problem may name a FIFO or a device)
            text = decode(read_regular(root / path, DEFAULT_SIZE_LIMIT), path, encoding)
        except Refused:
            continue
        if isinstance(text, str):
            texts[path] = text
    return texts


def _outcome(result: BuildResult, seen: dict[str, tuple[int, int]]) -> stamps.Outcome | None:
    """What to say again when nothing changes: only for a build that succeeded and ran no search
    that failed (a failed search is tried again)."""
    if not result.ok or result.output is None or (result.search and result.search.ran and not result.search.ok):
        return None
    out = result.output
    paths = [*read_manifest(out), MANIFEST]
    assert result.stats is not None
    # what this build wrote, the manifest and the search bundle (another tool writes it): looked at anew
    changed = {*result.stats.changed, MANIFEST, *(path for path in paths if path.startswith(search.KEEP))}
    return stamps.Outcome(result.plans, result.drafts_skipped, result.pages, result.problems, result.notes,
                          stamps.outputs_after(out, paths, seen, changed))


def _histories(options: BuildOptions, ws: Workspace, index: Index,
               cache: BuildCache | None = None) -> tuple[dict[str, PlanHistory], tuple[Wording, ...]]:
    """Each published plan's revisions from git, by slug; notes say when history is missing or partial."""
    if not (options.history and ws.config.history):
        return {}, ()
    paths = [p.source for p in index.plans]
    # history is made of commits only: the same HEAD and plan files give the same histories
    key = digest(git.head_state(ws.config.root), *paths)
    if cache is not None and cache.histories is not None and cache.histories[0] == key:
        found: HistoryResult = cache.histories[1]
    else:
        found = read_history(ws.config.root, paths, ws.config.root / store.CACHE_DIR / "history")
        if cache is not None:
            cache.histories = (key, found)
    by_path = {p.source: p.slug for p in index.plans}
    histories = {by_path[path]: h for path, h in found.histories.items() if path in by_path and h.revisions}
    notes = tuple(n for n in found.notes if n.key != "note.not-a-repo")
    return histories, notes


def _output_dir(options: BuildOptions, config: Config) -> Path:
    if not options.output:
        return config.output_dir
    return options.output if options.output.is_absolute() else Path.cwd() / options.output


@dataclass(frozen=True, slots=True)
class _Site:
    """What the site of this build is made from."""

    ws: Workspace
    index: Index
    info: SiteInfo
    histories: dict[str, PlanHistory]
    out: Path
    search_files: dict[str, bytes]  # the search index's files (search stage)


def _make_and_publish(site: _Site, cache: BuildCache, options: BuildOptions,
                      progress: Progress | None) -> tuple[WriteStats, int]:
    """Make the changed files into a staged copy of the site and swap it in (publish.py); or, in
    place (serve's preview), write them."""
    writer = _writer(site.out, options)
    try:
        stats, rendered = _make(site, site.info, writer, cache, options, progress)
        publish.fault("staged")
        publish.fault("indexed")
        if options.persistent_cache:  # the stamp describes the site in place: not valid while it changes
            stamps.forget(options.root.resolve() / store.CACHE_DIR)
        writer.swap()
    except BaseException as exc:
        writer.abort()
        if isinstance(exc, OSError):
            cache.outputs, cache.last = {}, None  # what is on disk is not known any more
        raise
    return stats, rendered


def _search(options: BuildOptions, root: Path, cache: BuildCache, index: Index, language: str,
            off: str) -> tuple[search.SearchReport, dict[str, bytes]]:
    """The search stage (search.py): the index's files, written with the pages; its state is kept
    for the next build (in memory for serve, in .plangen-cache/ for the CLI)."""
    state = cache.search or (search.load_state(root / store.CACHE_DIR) if options.persistent_cache else None)
    files, found, cache.search = search.search_stage(index, language, off, state)
    return found, files


def _writer(out: Path, options: BuildOptions) -> SiteWriter | publish.Publication:
    real = out.resolve() if out.is_symlink() else out  # (a link to the site stays a link: its target is swapped)
    if options.in_place or not publish.can_swap(real):
        return SiteWriter(out)
    return publish.Publication(real)


def _make(site: _Site, info: SiteInfo, writer: SiteWriter | publish.Publication, cache: BuildCache,
          options: BuildOptions, progress: Progress | None) -> tuple[WriteStats, int]:
    """Plan the outputs (every job, or only those of what changed since the last pass of the same
    shape), make those not current, and commit them with the rest of the site to the writer."""
    ws, index, out = site.ws, site.index, writer.out
    inputs = reuse.inputs_of(index, ws.config, info, ws.project.texts, ws.registry_text, site.histories, cache)
    last, cache.last = cache.last, None  # (until this build has written its files)
    same = reuse.same_shape(last, inputs, out)
    cited = same.cited if same is not None and same.cited is not None else cited_with(index)
    if same is not None:
        redone = redone_jobs(same, inputs, cited)
        jobs = {**same.jobs, **redone}
        dirty = [j for j in redone.values() if cache.outputs.get(j.path) != j.fingerprint]
    else:
        jobs = all_jobs_and_cards(inputs, cited)
        dirty = [j for j in jobs.values() if not reuse.is_current(j, cache.outputs, out)]
    theme = asset_files(ws.config.templates_dir)
    prepare = lambda: inputs.renderer.prepare(index.plans)  # (the theme and the cards, before forking)
    stage_all(dirty, writer, options.jobs, progress, prepare)  # one file at a time: never the site in memory
    for path, data in itertools.chain(theme.items(), site.search_files.items()):
        writer.put(path, data)
    stats, manifest = _commit(writer, jobs, same, last, frozenset(theme), frozenset(site.search_files))
    if same is not None:
        cache.outputs.update((j.path, j.fingerprint) for j in dirty)
    else:
        cache.outputs = {path: j.fingerprint for path, j in jobs.items()}
    pages = same.pages if same is not None else sum(1 for path in jobs if path.endswith(".html"))
    live = reuse.Live(index, ws.project.texts, inputs.renderer)
    cache.last = Built(inputs.recorded, live, jobs, cited, out, manifest, frozenset(theme), pages)
    return stats, len(dirty)


def _commit(writer: SiteWriter | publish.Publication, jobs: dict[str, Job], same: Built | None, last: Built | None,
            theme: frozenset[str], index: frozenset[str]) -> tuple[WriteStats, frozenset[str]]:
    """Commit what was put with the files kept from the last build; the files of the new manifest."""
    if same is not None and same.assets == theme:
        # the same files as the last build of this process (the same jobs and theme): its manifest
        # holds, but for the search index's files, whose set follows the records (search stage)
        manifest = _with_index(same.manifest, index)
        return writer.commit(keep=search.KEEP, previous=same.manifest, current=manifest), manifest
    made = set(writer.paths)
    kept = tuple(path for path in jobs if path not in made)
    if same is not None:  # the theme's files changed: the last build's pages stay (a pass restored from
        # .plangen-cache/ has no jobs, so they are known from its manifest)
        then = {p for p in same.manifest if p.startswith(search.BUNDLE + "/")} | same.assets | made
        kept += tuple(sorted(same.manifest - then - set(kept)))
    # the manifest this process wrote last, when the output folder is the same (else it is read)
    previous = last.manifest if last is not None and last.out == writer.out else None
    return writer.commit(keep=search.KEEP, kept=kept, previous=previous), frozenset(made.union(kept))


def _with_index(manifest: frozenset[str], index: frozenset[str]) -> frozenset[str]:
    """(search stage) The manifest with this build's search index files in place of the last build's
    (the same object when they are the same files)."""
    prefix = search.BUNDLE + "/"
    if index <= manifest and sum(1 for p in manifest if p.startswith(prefix)) == len(index):
        return manifest
    return frozenset(p for p in manifest if not p.startswith(prefix)) | index


def summary(result: BuildResult, language: str = "en") -> str:
    """The build's last line, in the command line's language (its wording: messages.py)."""
    stats = result.stats
    assert stats is not None
    warnings = sum(1 for p in result.problems if not p.is_error)
    counts = messages.BuildCounts(result.plans, result.pages, result.drafts_skipped, warnings, stats.written,
                                  stats.unchanged, stats.removed, result.seconds, str(result.output))
    found = result.search
    line = "" if found is None else messages.search_summary(language, found.ok, found.ran, found.pages, found.plans,
                                                            found.files, found.size, found.seconds, found.reason)
    return messages.build_summary(language, counts, line, result.notes)


def terminal_progress(stream: TextIO = sys.stderr, language: str = "en") -> Progress | None:
    """A one-line progress bar on a terminal; nothing when output is not a terminal."""
    if not stream.isatty():
        return None
    line = messages.progress_line(language)

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(line(done, total), end=end, file=stream, flush=True)

    return show
