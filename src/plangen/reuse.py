"""What a build may take from the last one, and what it must make again: every reuse decision.

The state it decides over is `cache.BuildCache` (its fields say how long each lives) and the `Built`
this module keeps there: the facts the last build's outputs were made from (`Recorded`, saved in
`.plangen-cache/` by lastpass.py for the next process), and what only a long-lived process keeps
(`Live`). An output is current when the fingerprint of its inputs is the one recorded for the file
on disk (`is_current`). The rules are written out in docs/architecture.md, "State and reuse".
"""

from __future__ import annotations

import itertools
import operator
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from . import __version__, feeds, index_json, lastpass, parallel
from .cache import BuildCache, digest
from .config import Config
from .crosscheck import LinkMemo
from .feeds import FeedMemo
from .history import PlanHistory
from .index import Index, build_index
from .index_json import index_from_json, index_to_json
from .memo import changed_positions
from .model import Plan
from .pages import ALL, Cited, Page
from .render import CompiledTemplates, Renderer, SiteInfo
from .summary import summary_print
from .theme import templates_of
from .workspace import Workspace

Prints = tuple[dict[str, int], str]  # per plan (64-bit numbers from its hash), and of all plans together
CARD = "_card.html"  # the plan card, kept by the renderer between builds
_MASK = (1 << 64) - 1
_SOURCE = operator.attrgetter("source")


def source_date_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else 0


@dataclass(frozen=True, slots=True)
class Job:
    """One output file: where it goes, the fingerprint of what it is made from, how to make it."""

    path: str
    fingerprint: str
    make: Callable[[], bytes] = field(compare=False)
    in_parent: bool = False  # made in this process even when others go to workers: it keeps what it computes


@dataclass(frozen=True, slots=True)
class Recorded:
    """The facts one build's outputs were made from: kept by a long-lived process, and saved in
    `.plangen-cache/` for the next `plangen build` (lastpass.py)."""

    key: str  # plangen, site settings, registry, SOURCE_DATE_EPOCH
    tprints: dict[str, str]  # template -> fingerprint of it and what it includes
    user_templates: bool  # the project's templates folder exists (the renderer's loader looks there)
    plan_prints: dict[str, str]  # slug -> fingerprint of its text
    full: Prints  # of the plans' text
    summary: Prints  # of the plans' summaries (summary_print)
    epoch: int  # the newest plan date (feeds.newest_epoch): the feeds' time stamps
    # everything above but the plans' text and the templates: equal shapes differ only in some plans'
    # own jobs and in the pages of the templates that changed
    shape: str


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the jobs of one build are made from: valid for that build."""

    index: Index
    config: Config
    texts: dict[str, str]
    histories: dict[str, PlanHistory]
    renderer: Renderer
    recorded: Recorded
    # the templates that are, or pull in, one of the project's own: they may print any of a plan
    own_templates: frozenset[str]
    reparsed: tuple[str, ...] | None = None  # the plans whose objects changed since the last pass, when known
    links: LinkMemo = field(default_factory=LinkMemo)  # (BuildCache.links)
    feeds: FeedMemo = field(default_factory=FeedMemo)  # (BuildCache.feeds)
    # id of a group of plans (Page.shows_groups) -> (the group, the sum of its plans' summary numbers)
    group_sums: dict[int, tuple[tuple[str, ...], int]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Live:
    """What only the process that made a pass keeps of it: its plans' text, its index, its renderer."""

    index: Index
    texts: dict[str, str]
    renderer: Renderer


@dataclass(frozen=True, slots=True)
class Built:
    """What one build made: its outputs by path and what they were made from, for the next build
    (BuildCache.last)."""

    recorded: Recorded
    live: Live | None  # None: restored from .plangen-cache/ by a new process
    jobs: dict[str, Job]  # empty when restored: only the fingerprints (BuildCache.outputs) are known
    cited: Cited | None  # pages.cited_with of its index (the same for an equal shape); None: not kept
    out: Path
    manifest: frozenset[str]  # the files its manifest lists
    assets: frozenset[str]  # the theme's files among them
    pages: int  # the HTML pages among them


@dataclass(frozen=True, slots=True)
class Indexed:
    """The last build's index, with the plans and registry it was made from (BuildCache.index)."""

    index: Index
    plans: tuple[Plan, ...]  # the published plans in the workspace's order
    registry_text: str
    positions: dict[str, int]  # slug -> its place in index.plans


@dataclass(frozen=True, slots=True)
class SavedIndex:
    """An index kept by the last `plangen build` process (index_json.index_to_json), each part as its
    JSON text, not yet read back."""

    doc: dict[str, str]


def is_current(job: Job, outputs: dict[str, str], out: Path) -> bool:
    """Whether the file of this job in `out` was made from the same inputs (and is there)."""
    return outputs.get(job.path) == job.fingerprint and (out / job.path).is_file()


# --- the index ------------------------------------------------------------------------------------

RELATED_APART_FROM = 500  # plans; from here a worker finds the related plans while this process makes the rest


def index_of(plans: list[Plan], ws: Workspace, cache: BuildCache) -> Index:
    """build_index, or the last build's index holding these plan objects when no summary changed
    (an index is made of plans' summaries: their slugs, dates, names, tags, documents, steps)."""
    kept = cache.index
    if kept is not None and isinstance(kept[1], Indexed) and kept[1].registry_text == ws.registry_text:
        last = kept[1]
        moved = changed_positions(last.plans, plans)  # a long-lived process: the plans a save re-parsed
        if moved is not None and all(_same_summary(last.plans[i], plans[i], cache) for i in moved):
            same = _with_plans(last.index, [plans[i] for i in moved], last.positions)
            cache.index = (kept[0], Indexed(same, tuple(plans), ws.registry_text, last.positions))
            return same
    key = digest(ws.registry_text, *(f"{p.slug}:{cache.summaries.get(p, summary_print)}" for p in plans))
    found: Index | None = None
    if kept is not None and kept[0] == key:  # the same summaries: the last index, with these plan objects
        found = _with_plans(kept[1].index, plans) if isinstance(kept[1], Indexed) else _saved_index(kept[1], plans, ws)
    index = found if found is not None else build_index(plans, ws.registry, partial(
        parallel.alongside, worth_forking=len(plans) >= RELATED_APART_FROM))
    cache.index = (key, Indexed(index, tuple(plans), ws.registry_text, {p.slug: i for i, p in enumerate(index.plans)}))
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


def _saved_index(saved: SavedIndex, plans: list[Plan], ws: Workspace) -> Index | None:
    try:
        return index_from_json(saved.doc, {p.slug: p for p in plans}, ws.registry)
    except (KeyError, TypeError, ValueError, IndexError):
        return None


# --- the last pass of another process -------------------------------------------------------------

def restore(cache: BuildCache, folder: Path, out: Path) -> None:
    """The last `plangen build`'s pass and index (lastpass.py), as the last pass of this process:
    when this build's shape is the same, only the plans whose text changed are made again."""
    loaded = lastpass.load(folder, out, index_json.PARTS)
    if loaded is None:
        return
    doc, index_doc = loaded
    try:
        prints = {str(k): str(v) for k, v in doc["plan_prints"].items()}
        summary = ({str(k): int(v) for k, v in doc["summary"][0].items()}, str(doc["summary"][1]))
        recorded = Recorded(str(doc["key"]), {str(k): str(v) for k, v in doc["tprints"].items()},
                            bool(doc["user_templates"]), prints, (_numbers(prints), digest(*prints.values())), summary,
                            int(doc["epoch"]), str(doc["shape"]))
        last = Built(recorded, None, {}, None, out, frozenset(str(p) for p in doc["manifest"]),
                    frozenset(str(p) for p in doc["assets"]), int(doc["pages"]))
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return
    cache.index = (str(doc["index_key"]), SavedIndex(index_doc))
    cache.last = last


def keep(cache: BuildCache, folder: Path) -> None:
    """Leave this build's pass for the next `plangen build` (see `restore`)."""
    last, kept = cache.last, cache.index
    if last is None or kept is None or not isinstance(kept[1], Indexed):
        lastpass.forget(folder)
        return
    recorded, index = last.recorded, kept[1].index
    doc = {"out": str(last.out), "key": recorded.key, "shape": recorded.shape, "plan_prints": recorded.plan_prints,
           "summary": [recorded.summary[0], recorded.summary[1]], "epoch": recorded.epoch, "tprints": recorded.tprints,
           "user_templates": recorded.user_templates, "manifest": sorted(last.manifest), "assets": sorted(last.assets),
           "pages": last.pages}
    lastpass.save(folder, doc, kept[0], lambda: index_to_json(index))


# --- what this build's outputs are made from -----------------------------------------------------

def inputs_of(index: Index, config: Config, site: SiteInfo, texts: dict[str, str], registry_text: str,
              histories: dict[str, PlanHistory] | None, cache: BuildCache | None = None) -> Inputs:
    last = cache.last if cache is not None else None
    histories = histories or {}
    tprints, own = templates_of(config.templates_dir)
    key = digest(__version__, _site_key(site), repr(_config_key(config)), registry_text, str(source_date_epoch()))
    shape = _site_shape(key, index, histories, cache)
    user_templates = config.templates_dir.is_dir()
    same = last if last is not None and last.recorded.shape == shape else None
    moved = changed_positions(same.live.index.plans, index.plans) if same and same.live else None
    plan_prints, full = _text_prints(index, texts, same, moved, last)
    compiled = cache.templates if cache is not None else None
    renderer = _renderer(same, index, site, config, tprints, compiled)
    if same is not None and CARD in own:  # the project's card may print any of a plan
        renderer.forget_cards([slug for slug, p in plan_prints.items() if same.recorded.plan_prints.get(slug) != p])
    summary, epoch = _summaries(index, same, cache)
    reparsed = tuple(index.plans[i].slug for i in moved) if moved is not None else None
    recorded = Recorded(key, tprints, user_templates, plan_prints, full, summary, epoch, shape)
    if cache is None:
        return Inputs(index, config, texts, histories, renderer, recorded, own, reparsed)
    return Inputs(index, config, texts, histories, renderer, recorded, own, reparsed, cache.links, cache.feeds)


def _site_shape(key: str, index: Index, histories: dict[str, PlanHistory], cache: BuildCache | None) -> str:
    """What a pass must share with the last to redo only some plans' files: the settings (`key`), the
    history read, every plan's slug and summary (the index's own key, when the cache made it), and
    each plan's file."""
    history_key = digest(*(f"{slug}:{r.commit}:{r.blob}:{r.path}:{h.shallow}" for slug, h in sorted(histories.items())
                           for r in h.revisions))
    summaries_key = cache.index[0] if cache is not None and cache.index else digest(*_summary_lines(index.plans))
    return digest(key, history_key, summaries_key, "\0".join(map(_SOURCE, index.plans)))


def _summaries(index: Index, same: Built | None, cache: BuildCache | None) -> tuple[Prints, int]:
    """The plans' summary prints and the newest plan date: the last pass's when its shape is the same."""
    if same is not None:  # the same summaries, so the same dates
        return same.recorded.summary, same.recorded.epoch
    summaries = {p.slug: cache.summaries.get(p, summary_print) if cache else summary_print(p) for p in index.plans}
    return (_numbers(summaries), digest(*summaries.values())), feeds.newest_epoch(list(index.plans), source_date_epoch())


def _renderer(same: Built | None, index: Index, site: SiteInfo, config: Config, tprints: dict[str, str],
              compiled: CompiledTemplates | None) -> Renderer:
    """The last pass's renderer (it keeps the plan cards, made of summaries) when the shape, the
    templates folder and the card template are the same; else a new one."""
    live = same.live if same is not None else None
    user_templates = config.templates_dir.is_dir()
    if live is None or same is None or same.recorded.user_templates != user_templates \
            or same.recorded.tprints.get(CARD) != tprints.get(CARD):
        return Renderer(index, site, config.templates_dir, compiled)
    renderer = live.renderer
    if tprints != same.recorded.tprints and renderer.env.cache is not None:
        renderer.env.cache.clear()  # a changed template may now come from the other folder: load each again
    renderer.index = index
    return renderer


def _text_prints(index: Index, texts: dict[str, str], same: Built | None, moved: list[int] | None,
                 last: Built | None) -> tuple[dict[str, str], Prints]:
    """Each plan's text print, and the prints as numbers: only those of the plans re-parsed are
    made again when the last pass had the same plans in the same order."""
    if moved is not None and same is not None:
        plan_prints, numbers = dict(same.recorded.plan_prints), dict(same.recorded.full[0])
        for plan in (index.plans[i] for i in moved):
            plan_prints[plan.slug] = _text_print(plan, texts, None)
            numbers[plan.slug] = _number(plan_prints[plan.slug])
        together = digest(*plan_prints.values()) if moved else same.recorded.full[1]
        return plan_prints, (numbers, together)
    plan_prints = {p.slug: _text_print(p, texts, last) for p in index.plans}
    return plan_prints, (_numbers(plan_prints, same.recorded if same else None), digest(*plan_prints.values()))


def _text_print(plan: Plan, texts: dict[str, str], last: Built | None) -> str:
    text = texts.get(plan.source, "")
    if last is not None and last.live is not None:  # the same text object: the same print, without hashing it
        before = last.live.texts.get(plan.source)
        if before is text and plan.slug in last.recorded.plan_prints:
            return last.recorded.plan_prints[plan.slug]
    return digest(text, plan.source)


def _summary_lines(plans: tuple[Plan, ...] | list[Plan]) -> list[str]:
    return [f"{p.slug}:{summary_print(p)}" for p in plans]


def _site_key(site: SiteInfo) -> str:
    return repr((site.title, site.language, site.edit_url, site.search, site.drafts, sorted(site.history)))


def _config_key(config: Config) -> tuple[str, ...]:
    return (config.title, config.language, config.edit_url, config.base_url, config.templates)


def _numbers(prints: dict[str, str], last: Recorded | None = None) -> dict[str, int]:
    """Each print as a 64-bit number; from the last build's numbers where its print is the same."""
    if last is None:
        return {slug: _number(p) for slug, p in prints.items()}
    before, numbers = last.plan_prints, last.full[0]
    return {slug: numbers[slug] if before.get(slug) == p else _number(p) for slug, p in prints.items()}


def _number(print_: str) -> int:
    return int(print_[:16], 16)


# --- what changed since the last pass ------------------------------------------------------------

def same_shape(last: Built | None, inputs: Inputs, out: Path) -> Built | None:
    """The last pass, when this build differs from it only in some plans' text and some templates
    (and its output folder is there): then only their outputs and the feeds are made again (and the
    pages of the project's own templates that show those plans: jobs.redone_jobs)."""
    if last is not None and last.recorded.shape == inputs.recorded.shape and (out / ".plangen-manifest.json").is_file():
        return last
    return None


def changed_plans(last: Built, inputs: Inputs) -> list[str]:
    """The slugs of the plans whose text changed since the last pass (of an equal shape)."""
    before, now = last.recorded.plan_prints, inputs.recorded.plan_prints
    candidates = inputs.reparsed if inputs.reparsed is not None else now
    return [slug for slug in candidates if before.get(slug) != now[slug]]


def changed_templates(last: Built, inputs: Inputs) -> set[str]:
    before, now = last.recorded.tprints, inputs.recorded.tprints
    return {name for name in {*before, *now} if before.get(name) != now.get(name)}


# --- fingerprints ------------------------------------------------------------------------------

def page_fingerprint(page: Page, inputs: Inputs) -> str:
    """A page's inputs: its template, the text of the plans it `reads`, the summaries of those it
    `shows` (pages.py), and its data with each plan reduced to its slug."""
    recorded = inputs.recorded
    reads = page.reads
    if page.template in inputs.own_templates:  # it may print any of a plan: every plan it shows is read
        reads = (*reads, *page.shows, *(slug for group in page.shows_groups for slug in group))
    return digest(recorded.key, page.path, recorded.tprints.get(page.template, ""), _sum_of(reads, recorded.full),
                  _sum_of(page.shows, recorded.summary), _sum_of_groups(page.shows_groups, inputs), repr(_shape(page.data)))


def _sum_of(slugs: tuple[str, ...], prints: Prints) -> str:
    """One number for a set of plans: the sum of theirs (their order is in the page data already)."""
    each, together = prints
    return together if ALL in slugs else format(sum(map(each.get, slugs, itertools.repeat(0))) & _MASK, "x")


def _sum_of_groups(groups: tuple[tuple[str, ...], ...], inputs: Inputs) -> str:
    """One number for groups of plans (by their summaries): the sum of each group's, each group's
    summed once per build however many pages show it (the groups are the index's own tuples)."""
    if not groups:
        return ""
    sums, each = inputs.group_sums, inputs.recorded.summary[0]
    total = 0
    for group in groups:
        known = sums.get(id(group))
        if known is None or known[0] is not group:
            known = sums[id(group)] = (group, sum(map(each.get, group, itertools.repeat(0))))
        total += known[1]
    return format(total & _MASK, "x")


def _shape(value: object) -> object:
    """Page data with each plan reduced to its slug (its content is fingerprinted via `reads`)."""
    if isinstance(value, Plan):
        return "plan:" + value.slug
    if isinstance(value, (list, tuple)):
        return [_shape(v) for v in value]
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    return value
