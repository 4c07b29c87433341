"""`plangen build`: the stages in order, written once.

    workspace (config, plans, registry, all problems)  -> stop here on any error
    index (cross-links)                                 -> jobs: every output file, its inputs' fingerprint
    render the jobs whose fingerprint changed           -> {output path: bytes}, all in memory
    write (only changed files; stale files from the manifest removed), then the search index

A cold build is the same code with every job dirty. Nothing is written until every page has
rendered, so a failing build leaves the site as it was.

In a long-lived process (serve) the cache also keeps the last build's index and jobs: when a
build finds that no plan's summary, setting or history changed — only some plans' text or some
templates — it reuses them and redoes just those plans' own jobs, the feeds (`_update`) and the
pages of the changed templates (`_retemplated`), instead of fingerprinting every page again. Its
output is the same as a full pass (tests compare them).
"""

from __future__ import annotations

import gc
import itertools
import operator
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import __version__, crosscheck, feeds, git, lastpass, publish, search, store, urls
from . import cache as cache_store
from . import stamp as stamps
from .cache import BuildCache, digest
from .config import CONFIG_NAME, Config, load_config
from .history import HistoryResult, PlanHistory, read_history
from .index import Index, build_index, index_from_json, index_to_json
from .memo import changed_positions
from .model import Plan
from .names import Registry
from .output import MANIFEST, SiteWriter, WriteStats, read_manifest, refusal
from .pages import ALL, Cited, Page, cited_with, home, list_pages, plan_page
from .parallel import can_fork, share
from .problems import Problem, error, strict
from .project import Project
from .render import (
    Renderer,
    RenderError,
    SiteInfo,
    asset_files,
    default_theme,
    persist_templates,
    template_fingerprints,
)
from .sources import decode
from .workspace import Workspace, load_workspace

Progress = Callable[[int, int], None]
UNCHANGED = "nothing changed: the index is kept"
PARALLEL_FROM = 400  # dirty pages; below this, starting worker processes costs more than it saves


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
    notes: tuple[str, ...] = ()  # said once in the build output (e.g. a shallow clone's incomplete history)

    @property
    def ok(self) -> bool:
        return self.stats is not None


@dataclass(frozen=True, slots=True)
class Job:
    """One output file: where it goes, what it was made from, how to make it."""

    path: str
    fingerprint: str
    make: Callable[[], bytes] = field(compare=False)
    here: bool = False  # made in this process even when others go to workers: it keeps what it computes


def source_date_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else 0


def build(options: BuildOptions, progress: Progress | None = None, cache: BuildCache | None = None) -> BuildResult:
    """Build the site. The CLI passes no cache: the one in .plangen-cache/ is used, and when the stamp
    of every input equals the last build's (stamp.py) its result is reported again at once. A
    long-lived process (serve) passes one BuildCache to every build."""
    started = time.perf_counter()
    root = options.root.resolve()
    with publish.one_at_a_time(root / store.CACHE_DIR):
        try:
            return _build_locked(options, root, progress, cache, started)
        except OSError as exc:  # the output folder or the cache cannot be read or written
            config, _ = load_config(root)
            return _unwritable(options, config, exc)


def _build_locked(options: BuildOptions, root: Path, progress: Progress | None, cache: BuildCache | None,
                  started: float) -> BuildResult:
    if options.persistent_cache:
        store.check(root)
        store.clean(root)
    inputs_stamp: stamps.Stamp | None = None
    damaged: set[str] | None = None  # None: not known (no build of this output folder was recorded)
    seen: dict[str, tuple[int, int]] = {}  # output files' status before this build (stamp.damaged)
    if options.persistent_cache and cache is None:
        config, _ = load_config(root)
        out = _output_dir(options, config)
        saved = stamps.last(root / store.CACHE_DIR, out)
        inputs_stamp = _stamp(options, root, config, out, saved[0].hashed if saved else ())
        damaged = stamps.damaged(saved, out, seen) if saved is not None else None
        if saved is not None and saved[0].digest == inputs_stamp.digest and not damaged:
            return _unchanged(options, root, config, out, saved[1], started)
    try:
        result = _build(options, root, progress, cache, started, damaged)
    finally:
        gc.unfreeze()  # (frozen in _build once the plans are loaded)
    if inputs_stamp is not None:
        stamps.save(root / store.CACHE_DIR, inputs_stamp, result.output or root, _outcome(result, seen))
    return result


def _build(options: BuildOptions, root: Path, progress: Progress | None, cache: BuildCache | None,
           started: float, damaged: set[str] | None) -> BuildResult:
    if cache is None:
        cache = cache_store.load(root) if options.persistent_cache else BuildCache()
    for path in damaged or ():  # an output file changed since the last build wrote it: made again
        cache.outputs.pop(path, None)
    persist_templates(root / store.CACHE_DIR / "templates" if options.persistent_cache else None)
    ws = load_workspace(root, encoding=options.encoding, drafts=options.drafts, output=options.output,
                        parse=cache.parse, files=cache)
    cache.expect(None)  # a watcher's hint holds for one build
    cache.forget(ws.project.texts, list(ws.project.plans))
    problems = strict(ws.problems) if options.strict else list(ws.problems)
    out = _output_dir(options, ws.config)
    if any(p.is_error for p in problems):
        return BuildResult(ws, tuple(problems))
    why = refusal(out, ws.config.root, ws.config.plans_dir)
    if why:
        refused = error(str(out), 0, 0, "", f"refusing to write the site: {why}",
                        hint="choose another output folder (-o DIR, or output: in plangen.yaml)", code="output-refused")
        return BuildResult(ws, (*problems, refused))
    plans = [p for p in ws.project.plans if options.drafts or p.status != "draft"]
    if options.persistent_cache and cache.last is None and damaged == set():  # every output file as it was left
        _restore(cache, root / store.CACHE_DIR, out)
    index = _index(plans, ws, cache)
    # the plans and the index live until the build ends: the cyclic collector (run often while pages
    # render) need not walk them each time; forked workers inherit this too
    gc.freeze()
    feeds.keep_only(plans)
    crosscheck.keep_only(list(ws.project.plans))
    off = search.off_reason(options.search, ws.config.search, len(plans))
    histories, notes = _histories(options, ws, index, cache)
    site = SiteInfo(ws.config.title, ws.config.language, ws.config.edit_url, search=not off,
                    drafts=options.drafts, history=frozenset(histories))
    try:
        stats, rendered, found = _make_and_publish(ws, index, site, out, cache, options, progress, histories,
                                                   len(plans), off)
    except RenderError as exc:  # a broken template: reported like a plan error, nothing written
        return BuildResult(ws, (*problems, exc.problem()))
    except OSError:
        cache.outputs, cache.last = {}, None  # what is on disk is not known any more
        raise
    problems += [p for p in [found.problem()] if p]
    if options.persistent_cache:
        cache_store.save(root, cache)
        _keep(cache, root / store.CACHE_DIR)
        publish.fault("remembered")
    pages = cache.last.pages if isinstance(cache.last, Pass) else sum(1 for p in cache.outputs if p.endswith(".html"))
    return BuildResult(ws, tuple(problems), len(plans), len(ws.project.plans) - len(plans), pages, stats,
                       time.perf_counter() - started, out, found, rendered, notes)


@dataclass(frozen=True, slots=True)
class _Indexed:
    """The last build's index, with the plans and registry it was made from (kept in BuildCache.index)."""

    index: Index
    plans: tuple[Plan, ...]  # the published plans in the workspace's order
    registry_text: str
    positions: dict[str, int]  # slug -> its place in index.plans


def _index(plans: list[Plan], ws: Workspace, cache: BuildCache) -> Index:
    """build_index, or the last build's index holding these plan objects when no summary changed
    (an index is made of plans' summaries: their slugs, dates, names, tags, documents, steps)."""
    kept = cache.index
    if kept is not None and isinstance(kept[1], _Indexed) and kept[1].registry_text == ws.registry_text:
        last: _Indexed = kept[1]
        moved = changed_positions(last.plans, plans)  # a long-lived process: the plans a save re-parsed
        if moved is not None and all(_same_summary(last.plans[i], plans[i], cache) for i in moved):
            same = _with_plans(last.index, [plans[i] for i in moved], last.positions)
            cache.index = (kept[0], _Indexed(same, tuple(plans), ws.registry_text, last.positions))
            return same
    key = digest(ws.registry_text, *(f"{p.slug}:{cache.summaries.get(p, summary_print)}" for p in plans))
    found: Index | None = None
    if kept is not None and kept[0] == key:  # the same summaries: the last index, with these plan objects
        found = _with_plans(kept[1].index, plans) if isinstance(kept[1], _Indexed) else _saved_index(kept[1], plans, ws)
    index = found if found is not None else build_index(plans, ws.registry)
    cache.index = (key, _Indexed(index, tuple(plans), ws.registry_text, {p.slug: i for i, p in enumerate(index.plans)}))
    return index


def _same_summary(before: Plan, now: Plan, cache: BuildCache) -> bool:
    return before.slug == now.slug and cache.summaries.get(before, summary_print) == cache.summaries.get(now, summary_print)


def _with_plans(index: Index, plans: list[Plan], positions: dict[str, int] | None = None) -> Index:
    """The index with these plan objects in place of those of the same slugs (their summaries are equal)."""
    if not plans:
        return index
    by_slug = dict(index.by_slug)
    by_slug.update((p.slug, p) for p in plans)
    if positions is None:
        return replace(index, plans=tuple(by_slug[p.slug] for p in index.plans), by_slug=by_slug)
    ordered = list(index.plans)
    for plan in plans:
        ordered[positions[plan.slug]] = plan
    return replace(index, plans=tuple(ordered), by_slug=by_slug)


@dataclass(frozen=True, slots=True)
class _SavedIndex:
    """An index kept by the last `plangen build` process (index.index_to_json), not yet read back."""

    doc: dict[str, Any]


def _saved_index(saved: _SavedIndex, plans: list[Plan], ws: Workspace) -> Index | None:
    try:
        return index_from_json(saved.doc, {p.slug: p for p in plans}, ws.registry)
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def _restore(cache: BuildCache, folder: Path, out: Path) -> None:
    """The last `plangen build`'s pass and index (lastpass.py), as the last pass of this process:
    when this build's shape is the same, only the plans whose text changed are made again."""
    loaded = lastpass.load(folder, out)
    if loaded is None:
        return
    doc, index_doc = loaded
    try:
        prints = {str(k): str(v) for k, v in doc["plan_prints"].items()}
        summary = ({str(k): int(v) for k, v in doc["summary"][0].items()}, str(doc["summary"][1]))
        inputs = Inputs(build_index([]), None, {}, {}, None, str(doc["key"]),  # type: ignore[arg-type]
                        {str(k): str(v) for k, v in doc["tprints"].items()}, bool(doc["user_templates"]), prints,
                        (_numbers(prints), digest(*prints.values())), summary, int(doc["epoch"]), str(doc["shape"]))
        last = Pass(inputs, {}, None, out, frozenset(str(p) for p in doc["manifest"]),
                    frozenset(str(p) for p in doc["assets"]), int(doc["pages"]))
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return
    cache.index = (str(doc["index_key"]), _SavedIndex(index_doc))
    cache.last = last


def _keep(cache: BuildCache, folder: Path) -> None:
    """Leave this build's pass for the next `plangen build` (see _restore)."""
    last, kept = cache.last, cache.index
    if not isinstance(last, Pass) or kept is None or not isinstance(kept[1], _Indexed):
        lastpass.forget(folder)
        return
    inputs, index = last.inputs, kept[1].index
    doc = {"out": str(last.out), "key": inputs.key, "shape": inputs.shape, "plan_prints": inputs.plan_prints,
           "summary": [inputs.summary[0], inputs.summary[1]], "epoch": inputs.epoch, "tprints": inputs.tprints,
           "user_templates": inputs.user_templates, "manifest": sorted(last.manifest), "assets": sorted(last.assets),
           "pages": last.pages}
    lastpass.save(folder, doc, kept[0], lambda: index_to_json(index))


def _stamp(options: BuildOptions, root: Path, config: Config, out: Path, hashed: tuple[str, ...]) -> stamps.Stamp:
    """The stamp of everything this build would read (see stamp.py); `hashed`: files the last stamp
    knows by content."""
    settings = [repr((options.strict, options.drafts, options.encoding, options.search, options.history)),
                str(out), str(source_date_epoch())]
    files = [root / CONFIG_NAME, config.root / config.registry]
    if options.history and config.history:
        settings.append(git.head_state(root))
    if options.search and config.search:
        binary = search.executable()
        settings.append(str(binary))
        files += [binary] if binary else []
    return stamps.take("\0".join(settings), files, [config.plans_dir, config.templates_dir, default_theme()], hashed)


def _unchanged(options: BuildOptions, root: Path, config: Config, out: Path, outcome: stamps.Outcome,
               started: float) -> BuildResult:
    """The last build's result again (nothing it read has changed and its output is untouched)."""
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
    if named == cache or cache in named.parents:
        said = f"cannot use the cache folder {cache}"
        hint = f"make it a folder plangen can read and write, or remove it (it is made again): {cache}"
    else:
        said = f"cannot write the output folder {out}"
        hint = "free some space, make the folder writable, or choose another output folder (-o DIR, or output: in " \
               "plangen.yaml)"
    problem = error(str(named), 0, 0, "", f"{said}: {exc.strerror or exc}; the site already there is left as it was",
                    hint=hint, code="output-failed")
    ws = Workspace(config, Project((), (problem,), {}, 0), Registry(), (problem,))
    return BuildResult(ws, (problem,), output=out)


def _texts_of(root: Path, problems: tuple[Problem, ...], encoding: str | None) -> dict[str, str]:
    """The text of each file a problem names (to show its lines again)."""
    texts = {}
    for path in {p.path for p in problems}:
        try:
            text = decode((root / path).read_bytes(), path, encoding)
        except OSError:
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
    if (out / search.BUNDLE / "pagefind-entry.json").is_file():
        paths.append(f"{search.BUNDLE}/pagefind-entry.json")
    assert result.stats is not None
    # what this build wrote, the manifest and the search bundle (another tool writes it): looked at anew
    changed = {*result.stats.changed, MANIFEST, *(path for path in paths if path.startswith(search.KEEP))}
    return stamps.Outcome(result.plans, result.drafts_skipped, result.pages, result.problems, result.notes,
                          stamps.outputs_after(out, paths, seen, changed))


def _histories(options: BuildOptions, ws: Workspace, index: Index,
               cache: BuildCache | None = None) -> tuple[dict[str, PlanHistory], tuple[str, ...]]:
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
    notes = tuple(n for n in found.notes if "not in a git repository" not in n)
    return histories, notes


def _output_dir(options: BuildOptions, config: Config) -> Path:
    if not options.output:
        return config.output_dir
    return options.output if options.output.is_absolute() else Path.cwd() / options.output


def _make_and_publish(ws: Workspace, index: Index, site: SiteInfo, out: Path, cache: BuildCache,
                      options: BuildOptions, progress: Progress | None, histories: dict[str, PlanHistory],
                      plans: int, off: str) -> tuple[WriteStats, int, search.SearchReport]:
    """Make the changed files into a staged copy of the site, index it for search, and swap it in
    (publish.py); or, in place (serve's preview), write them and index the result afterwards."""
    writer = _writer(out, options)
    try:
        stats, rendered = _render_and_write(ws, index, site, writer, cache, options, progress, histories)
        publish.fault("staged")
        bundle = writer.folder / search.BUNDLE
        if not (stats.written or stats.removed) and not off and bundle.is_dir():
            found = search.SearchReport(ran=False, ok=True, reason=UNCHANGED)
        elif options.search_later and not off:
            found = search.SearchReport(ran=False, ok=True, reason=search.PENDING)
        else:
            found = search.run(writer.folder, plans, off)
            publish.check_space(writer.folder)  # (Pagefind may stop on a full disk, or not say it did)
        if found.ran and not found.ok:  # Pagefind failed: the pages again, without the search box
            stats, rendered = _render_and_write(ws, index, replace(site, search=False), writer, cache, options, None,
                                                histories)
        publish.fault("indexed")
        if options.persistent_cache:  # the stamp describes the site in place: not valid while it changes
            stamps.forget(options.root.resolve() / store.CACHE_DIR)
        writer.swap()
    except BaseException:
        writer.abort()
        raise
    return stats, rendered, found


def _writer(out: Path, options: BuildOptions) -> SiteWriter | publish.Publication:
    if options.in_place or not publish.can_swap(out):
        return SiteWriter(out)
    return publish.Publication(out)


def _render_and_write(ws: Workspace, index: Index, site: SiteInfo, writer: SiteWriter | publish.Publication,
                      cache: BuildCache, options: BuildOptions, progress: Progress | None,
                      histories: dict[str, PlanHistory]) -> tuple[WriteStats, int]:
    out = writer.out
    inputs = _inputs(index, ws.config, site, ws.project.texts, ws.registry_text, histories, cache)
    last = cache.last
    cache.last = None  # until this build has written its files
    update = isinstance(last, Pass) and last.inputs.shape == inputs.shape and (out / MANIFEST).is_file()
    if update:
        cited = last.cited if last.cited is not None else cited_with(index)
        jobs, redone = _update(last, inputs, cited)
        redone.update((j.path, j) for j in _retemplated(last, inputs, cited))
        jobs.update(redone)
        dirty = [j for j in redone.values() if cache.outputs.get(j.path) != j.fingerprint]
    else:
        cited = cited_with(index)
        jobs = _all_jobs(inputs, cited)
        dirty = [j for j in jobs.values() if cache.outputs.get(j.path) != j.fingerprint or not (out / j.path).is_file()]
    assets = asset_files(ws.config.templates_dir)
    renderer = inputs.renderer
    prepare = (lambda: renderer.prepare(index.plans)) if renderer is not None else None  # theme and cards
    for path, data in itertools.chain(make_all(dirty, options.jobs, progress, prepare), assets.items()):
        writer.put(path, data)  # one file at a time: the site is never held in memory
    if update and isinstance(last, Pass) and last.assets == frozenset(assets):
        # the same files as the last build of this process (the same jobs and assets): its manifest holds
        manifest = last.manifest
        stats = writer.commit(keep=search.KEEP, previous=manifest, current=manifest)
        cache.outputs.update((j.path, j.fingerprint) for j in redone.values())
    else:
        made = set(writer.paths)
        kept = tuple(path for path in jobs if path not in made)
        # the manifest this process wrote last, when the output folder is the same (else it is read)
        previous = last.manifest if isinstance(last, Pass) and last.out == out else None
        stats = writer.commit(keep=search.KEEP, kept=kept, previous=previous)
        manifest = frozenset(made.union(kept))
        cache.outputs = {path: j.fingerprint for path, j in jobs.items()}
    pages = last.pages if update and isinstance(last, Pass) else sum(1 for path in jobs if path.endswith(".html"))
    cache.last = Pass(inputs, jobs, cited, out, manifest, frozenset(assets), pages)
    return stats, len(dirty)


# --- jobs: every output file with the fingerprint of what it is made from ------------------------


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the jobs of one build are made from."""

    index: Index
    config: Config
    texts: dict[str, str]
    histories: dict[str, PlanHistory]
    renderer: Renderer | None  # None in a pass restored from .plangen-cache/ (lastpass.py)
    key: str  # plangen, site settings, registry, SOURCE_DATE_EPOCH
    tprints: dict[str, str]  # template -> fingerprint of it and what it includes
    user_templates: bool  # the project's templates folder exists (the renderer's loader looks there)
    plan_prints: dict[str, str]  # slug -> fingerprint of its text
    full: Prints
    summary: Prints
    epoch: int  # the newest plan date (feeds.newest_epoch): the feeds' time stamps
    # everything above but the plans' text and the templates: equal shapes differ only in some plans'
    # own jobs and in the pages of the templates that changed
    shape: str
    reparsed: tuple[str, ...] | None = None  # the plans whose objects changed since the last pass, when known
    # id of a group of plans (Page.shows_groups) -> (the group, the sum of its plans' summary numbers)
    group_sums: dict[int, tuple[tuple[str, ...], int]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Pass:
    """One build's jobs by output path, kept for the next build of a long-lived process."""

    inputs: Inputs
    jobs: dict[str, Job]
    cited: Cited | None  # pages.cited_with of its index (the same for an equal shape); None: not kept
    out: Path
    manifest: frozenset[str]  # the files its manifest lists
    assets: frozenset[str]  # the theme's files among them
    pages: int  # the HTML pages among them


def _inputs(index: Index, config: Config, site: SiteInfo, texts: dict[str, str], registry_text: str,
            histories: dict[str, PlanHistory] | None, cache: BuildCache | None = None) -> Inputs:
    last = cache.last if cache is not None and isinstance(cache.last, Pass) else None
    tprints = template_fingerprints(config.templates_dir)
    key = digest(__version__, _site_key(site), repr(_config_key(config)), registry_text, str(source_date_epoch()))
    histories = histories or {}
    history_key = digest(*(f"{slug}:{r.commit}:{r.blob}:{r.path}:{h.shallow}" for slug, h in sorted(histories.items())
                           for r in h.revisions))
    # every plan's slug and summary (the index's own key, when the cache made it), and its file
    summaries_key = cache.index[0] if cache is not None and cache.index else digest(*_summary_lines(index.plans))
    shape = digest(key, history_key, summaries_key, "\0".join(map(_SOURCE, index.plans)))
    user_templates = config.templates_dir.is_dir()
    same = last is not None and last.inputs.shape == shape
    keep = same and last is not None and last.inputs.user_templates == user_templates \
        and last.inputs.tprints.get(_CARD) == tprints.get(_CARD) and last.inputs.renderer is not None
    renderer = last.inputs.renderer if keep and last and last.inputs.renderer else Renderer(index, site,
                                                                                             config.templates_dir)
    if last is not None and renderer is last.inputs.renderer and tprints != last.inputs.tprints \
            and renderer.env.cache is not None:
        renderer.env.cache.clear()  # a changed template may now come from the other folder: load each again
    renderer.index = index  # the renderer keeps plan cards, made of summaries: the same for an equal shape
    moved = changed_positions(last.inputs.index.plans, index.plans) if same and last else None
    if moved is not None and last is not None:  # the same plans in the same order: the prints of those re-parsed
        plan_prints, numbers = dict(last.inputs.plan_prints), dict(last.inputs.full[0])
        for plan in (index.plans[i] for i in moved):
            plan_prints[plan.slug] = _text_print(plan, texts, None)
            numbers[plan.slug] = _number(plan_prints[plan.slug])
        together = digest(*plan_prints.values()) if moved else last.inputs.full[1]
        full = (numbers, together)
    else:
        plan_prints = {p.slug: _text_print(p, texts, last) for p in index.plans}
        full = (_numbers(plan_prints, last.inputs if same and last else None), digest(*plan_prints.values()))
    if same and last:  # the same summaries, so the same dates
        summary, epoch = last.inputs.summary, last.inputs.epoch
    else:
        summaries = {p.slug: cache.summaries.get(p, summary_print) if cache else summary_print(p) for p in index.plans}
        summary = (_numbers(summaries), digest(*summaries.values()))
        epoch = feeds.newest_epoch(list(index.plans), source_date_epoch())
    reparsed = tuple(index.plans[i].slug for i in moved) if moved is not None else None
    return Inputs(index, config, texts, histories, renderer, key, tprints, user_templates, plan_prints, full, summary,
                  epoch, shape, reparsed)


def _summary_lines(plans: tuple[Plan, ...] | list[Plan]) -> list[str]:
    return [f"{p.slug}:{summary_print(p)}" for p in plans]


_SOURCE = operator.attrgetter("source")
_CARD = "_card.html"  # the plan card, kept by the renderer between builds
_PLAN = "plan.html"  # the template of every plan's own page (pages.plan_page)


def _retemplated(last: Pass, inputs: Inputs, cited: Cited) -> list[Job]:
    """The pages whose template (or a template it includes) changed since the last build, made anew
    from this build's index."""
    before, now = last.inputs.tprints, inputs.tprints
    changed = {name for name in {*before, *now} if before.get(name) != now.get(name)}
    if not changed:
        return []
    index = inputs.index
    plan_pages = (plan_page(index, p, i, cited) for i, p in enumerate(index.plans)) if _PLAN in changed else ()
    pages = [home(index), *plan_pages, *list_pages(index)]
    jobs = [_page_job(page, inputs) for page in pages if page.template in changed]
    if "history.html" in changed:
        jobs += [_history_job(index.by_slug[slug], h, inputs) for slug, h in sorted(inputs.histories.items())]
    return jobs


def _text_print(plan: Plan, texts: dict[str, str], last: Pass | None) -> str:
    text = texts.get(plan.source, "")
    if last is not None:  # the same text object as last time: the same print, without hashing it again
        before = last.inputs.texts.get(plan.source)
        if before is text and plan.slug in last.inputs.plan_prints:
            return last.inputs.plan_prints[plan.slug]
    return digest(text, plan.source)


def _site_key(site: SiteInfo) -> str:
    return repr((site.title, site.language, site.edit_url, site.search, site.drafts, sorted(site.history)))


def site_jobs(index: Index, config: Config, site: SiteInfo, texts: dict[str, str], registry_text: str = "",
              histories: dict[str, PlanHistory] | None = None) -> list[Job]:
    """Every output file but the theme's assets, with the fingerprint of what it is made from."""
    return list(_all_jobs(_inputs(index, config, site, texts, registry_text, histories), cited_with(index)).values())


def _all_jobs(inputs: Inputs, cited: Cited) -> dict[str, Job]:
    index = inputs.index
    jobs = [_page_job(home(index), inputs)]
    for i, plan in enumerate(index.plans):
        jobs += _plan_jobs(plan, i, cited, inputs)
    jobs += [_page_job(page, inputs) for page in list_pages(index)]
    jobs += _feed_jobs(inputs)
    pages = sorted(j.path for j in jobs)
    jobs.append(Job(urls.SITEMAP, digest(inputs.key, "sitemap", *pages),
                    lambda: feeds.sitemap(pages, inputs.config.base_url)))
    return {j.path: j for j in jobs}


def _update(last: Pass, inputs: Inputs, cited: Cited) -> tuple[dict[str, Job], dict[str, Job]]:
    """The last build's jobs with those of plans whose text changed, and the feeds, made anew.

    Only when the shapes are equal: the same plans in the same order with the same summaries, so
    every other page (lists, organisations, people, the timeline …) has the same fingerprint unless
    its template changed, and its file on disk is the one the last build of this process wrote or kept."""
    before, plans = last.inputs.plan_prints, inputs.index.plans
    candidates = inputs.reparsed if inputs.reparsed is not None else inputs.plan_prints
    changed = [slug for slug in candidates if before.get(slug) != inputs.plan_prints[slug]]
    redone = []
    for slug in changed:
        plan = inputs.index.by_slug[slug]
        position = list(map(operator.is_, plans, itertools.repeat(plan))).index(True)
        redone += _plan_jobs(plan, position, cited, inputs)
    redone += _feed_jobs(inputs)
    jobs = dict(last.jobs)
    jobs.update((j.path, j) for j in redone)
    return jobs, {j.path: j for j in redone}


def _plan_jobs(plan: Plan, position: int, cited: Cited, inputs: Inputs) -> list[Job]:
    """A plan's own outputs: its page, calendar, source download, JSON and history page."""
    key, prints, config = inputs.key, inputs.plan_prints, inputs.config
    text = inputs.texts.get(plan.source, "")
    jobs = [
        _page_job(plan_page(inputs.index, plan, position, cited), inputs),
        Job(urls.plan_ics(plan.slug), digest(key, "ics", prints[plan.slug]), _plan_ics(plan, config)),
        Job(urls.source(plan.slug, plan.kind), digest("source", prints[plan.slug]), lambda: text.encode("utf-8")),
        Job(urls.api_plan(plan.slug), digest(key, "api-plan", prints[plan.slug]), lambda: feeds.api_plan(plan)),
    ]
    history = inputs.histories.get(plan.slug)
    if history is not None:
        jobs.append(_history_job(plan, history, inputs))
    return jobs

def render_site(index: Index, config: Config, site: SiteInfo, texts: dict[str, str],
                progress: Progress | None = None) -> dict[str, bytes]:
    """Every output file, in memory (a cold build without writing). Pure but for reading the theme."""
    files = run_jobs(site_jobs(index, config, site, texts), 1, progress)
    files.update(asset_files(config.templates_dir))
    return files


def _config_key(config: Config) -> tuple[str, ...]:
    return (config.title, config.language, config.edit_url, config.base_url, config.templates)


Prints = tuple[dict[str, int], str]  # per plan (64-bit numbers from its hash), and of all plans together
_MASK = (1 << 64) - 1


def _numbers(prints: dict[str, str], last: Inputs | None = None) -> dict[str, int]:
    """Each print as a 64-bit number; from the last build's numbers where its print is the same."""
    if last is None:
        return {slug: _number(p) for slug, p in prints.items()}
    before, numbers = last.plan_prints, last.full[0]
    return {slug: numbers[slug] if before.get(slug) == p else _number(p) for slug, p in prints.items()}


def _number(print_: str) -> int:
    return int(print_[:16], 16)


def _page_job(page: Page, inputs: Inputs) -> Job:
    fingerprint = digest(inputs.key, page.path, inputs.tprints.get(page.template, ""), _of(page.reads, inputs.full),
                         _of(page.shows, inputs.summary), _of_groups(page.shows_groups, inputs),
                         repr(_shape(page.data)))
    renderer = inputs.renderer
    assert renderer is not None
    slim = Page(page.path, page.template, page.data)  # what rendering needs (not the slugs it reads and shows)
    return Job(page.path, fingerprint, lambda: renderer.render(slim))


def _of(slugs: tuple[str, ...], prints: Prints) -> str:
    """One number for a set of plans: the sum of theirs (their order is in the page data already)."""
    each, together = prints
    return together if ALL in slugs else format(sum(map(each.get, slugs, itertools.repeat(0))) & _MASK, "x")


def _of_groups(groups: tuple[tuple[str, ...], ...], inputs: Inputs) -> str:
    """One number for groups of plans (by their summaries): the sum of each group's, each group's
    summed once per build however many pages show it (the groups are the index's own tuples)."""
    if not groups:
        return ""
    sums, each = inputs.group_sums, inputs.summary[0]
    total = 0
    for group in groups:
        known = sums.get(id(group))
        if known is None or known[0] is not group:
            known = sums[id(group)] = (group, sum(map(each.get, group, itertools.repeat(0))))
        total += known[1]
    return format(total & _MASK, "x")


def summary_print(plan: Plan) -> str:
    """What any page shows of a plan it does not show in full: its list entry (title, issuer,
    dates, status, category, tags, partners, cited documents), the people of its leadership
    group, and its steps' titles, dates, owners and ids (the timeline and the site calendar)."""
    group = tuple((role, p.name, p.title, p.org, p.description) for role, p in plan.leadership.roles())
    steps = tuple((s.title, str(s.start), str(s.end), s.owner, s.id) for s in plan.steps)
    card = (plan.slug, plan.title, plan.issuer, str(plan.date), str(plan.period), plan.status, plan.category,
            plan.tags, plan.helpers, plan.recipients, plan.basis, group, steps)
    return digest(repr(card))


def _history_job(plan: Plan, history: PlanHistory, inputs: Inputs) -> Job:
    """A plan's revision history page: its inputs are the commits and blobs of its revisions."""
    page = Page(urls.history(plan.slug), "history.html", {"plan": plan, "history": history}, (plan.slug,))
    commits = [f"{r.commit}:{r.blob}:{r.path}" for r in history.revisions]
    fingerprint = digest(inputs.key, page.path, inputs.tprints.get(page.template, ""), plan.slug, plan.title,
                         str(history.shallow), *commits)
    renderer = inputs.renderer
    assert renderer is not None
    return Job(page.path, fingerprint, lambda: renderer.render(page))


def _shape(value: Any) -> Any:
    """Page data with each plan reduced to its slug (its content is fingerprinted via `reads`)."""
    if isinstance(value, Plan):
        return "plan:" + value.slug
    if isinstance(value, (list, tuple)):
        return [_shape(v) for v in value]
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    return value


def _feed_jobs(inputs: Inputs) -> list[Job]:
    """The files made from every plan: the site calendar, the Atom feed, the JSON API's list. The
    calendar and the list show plans' summaries only, so an edit to a plan's text leaves them alone."""
    index, config, key = inputs.index, inputs.config, inputs.key
    summaries, epoch = inputs.summary[1], inputs.epoch
    plans = list(index.plans)
    # the feed shows the newest plans only: an edit to an older plan's text leaves it as it is
    newest = [f"{p.slug}:{inputs.plan_prints[p.slug]}" for p in plans[:feeds.FEED_SIZE]]
    return [
        Job(urls.CALENDAR, digest(key, "calendar", summaries),
            lambda: feeds.calendar(plans, config.title, epoch, config.base_url, brief=True), here=True),
        Job(urls.FEED, digest(key, "feed", str(epoch), *newest), lambda: feeds.atom(index, config.title, epoch,
                                                                                  config.base_url)),
        # the list shows the plans' summaries and files: both are in the shape
        Job(urls.API, digest(key, "api", inputs.shape), lambda: feeds.api(index), here=True),
        Job(urls.API_SCHEMA, digest(key, "api-schema"), lambda: api_schema("api.schema.json")),
        Job(urls.API_PLAN_SCHEMA, digest(key, "api-plan-schema"), lambda: api_schema("api-plan.schema.json")),
    ]


def _plan_ics(plan: Plan, config: Config) -> Callable[[], bytes]:
    epoch = feeds.newest_epoch([plan], source_date_epoch())
    return lambda: feeds.calendar([plan], plan.title, epoch, config.base_url)


def api_schema(name: str) -> bytes:
    from importlib import resources

    return resources.files("plangen").joinpath("schema", name).read_bytes()


# --- rendering, in this process or shared with worker processes ----------------------------------

def run_jobs(jobs: list[Job], workers: int, progress: Progress | None) -> dict[str, bytes]:
    """Every job's bytes, in memory."""
    return dict(make_all(jobs, workers, progress))


def make_all(jobs: list[Job], workers: int, progress: Progress | None,
             before_fork: Callable[[], None] | None = None) -> Iterator[tuple[str, bytes]]:
    """Each job's path and bytes, as they are made. Large batches are shared among forked worker
    processes (one per core); `before_fork` makes in this process what every worker would make again."""
    workers = workers or (os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= PARALLEL_FROM and can_fork():
        if before_fork is not None:
            before_fork()
        yield from _make_parallel(jobs, workers, progress)
        return
    for n, job in enumerate(jobs, 1):
        yield job.path, job.make()
        if progress and (n % 100 == 0 or n == len(jobs)):
            progress(n, len(jobs))


def _make_parallel(jobs: list[Job], workers: int, progress: Progress | None) -> Iterator[tuple[str, bytes]]:
    """Jobs shared between this process and forked workers; those marked `here` only in this process
    (the calendar and the API keep per-plan fragments in it for the next build of a long-lived process)."""
    away = [j for j in jobs if not j.here]
    mine = [j for j in jobs if j.here]
    for n, (i, data) in enumerate(share(_make_job, away, 0, workers, own=mine), 1):
        yield (away[i] if i < len(away) else mine[i - len(away)]).path, data
        if progress and (n % 100 == 0 or n == len(jobs)):
            progress(n, len(jobs))


def _make_job(job: Job) -> bytes:
    return job.make()


def summary(result: BuildResult) -> str:
    stats = result.stats
    assert stats is not None
    warnings = sum(1 for p in result.problems if not p.is_error)
    drafts = f", {result.drafts_skipped} draft(s) left out" if result.drafts_skipped else ""
    return (f"built {result.plans} plans, {result.pages} pages{drafts}; {warnings} warning(s); "
            f"{stats.written} file(s) written, {stats.unchanged} unchanged, {stats.removed} removed; "
            f"{result.seconds:.2f} s -> {result.output}" + (f"; {_search_line(result.search)}" if result.search else "")
            + "".join(f"\nnote: {n}" for n in result.notes))


def _search_line(report: search.SearchReport) -> str:
    return f"search: {report.reason}" if report.reason in (UNCHANGED, search.PENDING) else report.line()


def terminal_progress(stream: object = sys.stderr) -> Progress | None:
    """A one-line progress bar on a terminal; nothing when output is not a terminal."""
    if not getattr(stream, "isatty", lambda: False)():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        end = "\n" if done >= total else ""
        print(f"\rrendering [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end,
              file=stream, flush=True)  # type: ignore[call-overload]

    return show
