"""Every output file of the site as a job (reuse.Job): its path, the fingerprint of its inputs and
how to make it; and making jobs, in this process or shared with worker processes (parallel.py)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from typing import Protocol, TypeVar

from . import feeds, urls
from .cache import digest
from .config import Config
from .history import PlanHistory
from .index import Index
from .model import Plan
from .pages import ALL, Cited, Page, cited_with, home, list_pages, plan_page
from .parallel import if_apart, may_fork, share
from .render import SiteInfo
from .reuse import Built, Inputs, Job, changed_plans, changed_templates, inputs_of, page_fingerprint, source_date_epoch
from .theme import asset_files

Progress = Callable[[int, int], None]
PARALLEL_FROM = 400  # dirty pages; below this, starting worker processes costs more than it saves
R = TypeVar("R")
PLAN_TEMPLATE = "plan.html"  # the template of every plan's own page (pages.plan_page)


def site_jobs(index: Index, config: Config, site: SiteInfo, texts: dict[str, str], registry_text: str = "",
              histories: dict[str, PlanHistory] | None = None) -> list[Job]:
    """Every output file but the theme's assets, with the fingerprint of what it is made from."""
    return list(all_jobs(inputs_of(index, config, site, texts, registry_text, histories), cited_with(index)).values())


def render_site(index: Index, config: Config, site: SiteInfo, texts: dict[str, str],
                progress: Progress | None = None) -> dict[str, bytes]:
    """Every output file, in memory (a cold build without writing). Pure but for reading the theme."""
    files = run_jobs(site_jobs(index, config, site, texts), 1, progress)
    files.update(asset_files(config.templates_dir))
    return files


def all_jobs(inputs: Inputs, cited: Cited) -> dict[str, Job]:
    index = inputs.index
    jobs = [page_job(home(index), inputs)]
    for i, plan in enumerate(index.plans):
        jobs += plan_jobs(plan, i, cited, inputs)
    jobs += [page_job(page, inputs) for page in list_pages(index)]
    jobs += feed_jobs(inputs)
    jobs += _bounded_jobs(inputs, [j.path for j in jobs])
    return {j.path: j for j in jobs}


CARDS_APART_FROM = 500  # plans; from here a worker makes their cards while this process plans the outputs


def all_jobs_and_cards(inputs: Inputs, cited: Cited) -> dict[str, Job]:
    """Every output file's job; meanwhile, where another process may work, every plan's card is made
    by it (the pages that list plans need them all, and they would otherwise be made here first)."""
    renderer = inputs.renderer
    made, jobs = if_apart(lambda: renderer.prepared(inputs.index.plans), lambda: all_jobs(inputs, cited),
                          worth_forking=len(inputs.index.plans) >= CARDS_APART_FROM)
    if made is not None:
        renderer.keep_prepared(made)
    return jobs


def _bounded_jobs(inputs: Inputs, paths: list[str]) -> list[Job]:
    """The machine-readable files cut to a bounded size (docs/api.md): the sitemap index and its
    sitemaps, the API list's pages, the home page's filter index."""
    index, key, base_url, shape = inputs.index, inputs.recorded.key, inputs.config.base_url, inputs.recorded.shape
    parts = feeds.sitemap_parts(paths)
    jobs = [Job(urls.SITEMAP, digest(key, "sitemap", str(len(parts))), lambda: feeds.sitemap_index(len(parts), base_url))]
    jobs += [Job(urls.sitemap_part(n), digest(key, "sitemap", *part), partial(feeds.sitemap, part, base_url))
             for n, part in enumerate(parts, 1)]
    # the API's list and the filter index show the plans' summaries and files: both are in the shape
    jobs += [Job(urls.api_list(n), digest(key, "api", str(n), shape), partial(feeds.api, index, n, inputs.feeds),
                 in_parent=True) for n in range(1, feeds.api_pages(index) + 1)]
    jobs.append(Job(urls.FILTER, digest(key, "filter", shape), lambda: feeds.filter_index(index)))
    return jobs


def redone_jobs(last: Built, inputs: Inputs, cited: Cited) -> dict[str, Job]:
    """For a build of the same shape as the last (reuse.same_shape): the jobs of the plans whose
    text changed, the feeds, and the pages of the templates that changed, made anew."""
    plans = inputs.index.plans
    redone = []
    changed = changed_plans(last, inputs)
    if changed and inputs.own_templates:  # pages of the project's own templates read every plan they show
        redone += _showing(set(changed), inputs, cited)
    for slug in changed:
        plan = inputs.index.by_slug[slug]
        position = next(i for i, p in enumerate(plans) if p is plan)
        redone += plan_jobs(plan, position, cited, inputs)
    redone += feed_jobs(inputs)
    redone += _retemplated(changed_templates(last, inputs), inputs, cited)
    return {j.path: j for j in redone}


def _showing(slugs: set[str], inputs: Inputs, cited: Cited) -> list[Job]:
    """The pages of the project's own templates that show one of these plans."""
    index, own = inputs.index, inputs.own_templates
    plan_pages = (_plan_page(p, i, cited, inputs) for i, p in enumerate(index.plans)) if PLAN_TEMPLATE in own else ()
    pages = [page for page in (home(index), *list_pages(index), *plan_pages) if page.template in own]
    return [page_job(page, inputs) for page in pages
            if ALL in page.shows or not slugs.isdisjoint(page.shows) or not slugs.isdisjoint(page.reads)
            or any(not slugs.isdisjoint(group) for group in page.shows_groups)]


def _retemplated(changed: set[str], inputs: Inputs, cited: Cited) -> list[Job]:
    """The pages whose template (or a template it includes) changed, made from this build's index."""
    if not changed:
        return []
    index = inputs.index
    plan_pages = (_plan_page(p, i, cited, inputs) for i, p in enumerate(index.plans)) if PLAN_TEMPLATE in changed \
        else ()
    pages = [home(index), *plan_pages, *list_pages(index)]
    jobs = [page_job(page, inputs) for page in pages if page.template in changed]
    if "history.html" in changed:
        jobs += [history_job(index.by_slug[slug], h, inputs) for slug, h in sorted(inputs.histories.items())]
    return jobs


def _changed(plan: Plan, inputs: Inputs) -> str:
    """The date of the last commit that changed the plan's file (its history is newest first), or ""."""
    history = inputs.histories.get(plan.slug)
    return history.revisions[0].date[:10] if history is not None else ""


def _plan_page(plan: Plan, position: int, cited: Cited, inputs: Inputs) -> Page:
    """The plan's own page, with the date of its last change."""
    page = plan_page(inputs.index, plan, position, cited, inputs.links)
    return replace(page, data={**page.data, "changed": _changed(plan, inputs)})


def plan_jobs(plan: Plan, position: int, cited: Cited, inputs: Inputs) -> list[Job]:
    """A plan's own outputs: its page, calendar, source download, JSON and history page."""
    key, prints, config = inputs.recorded.key, inputs.recorded.plan_prints, inputs.config
    text = inputs.texts.get(plan.source, "")
    changed = _changed(plan, inputs)
    jobs = [
        page_job(_plan_page(plan, position, cited, inputs), inputs),
        Job(urls.plan_ics(plan.slug), digest(key, "ics", prints[plan.slug]), _plan_ics(plan, config)),
        Job(urls.source(plan.slug, plan.kind), digest("source", prints[plan.slug]), lambda: text.encode("utf-8")),
        Job(urls.api_plan(plan.slug), digest(key, "api-plan", prints[plan.slug], changed),
            lambda: feeds.api_plan(plan, changed)),
    ]
    history = inputs.histories.get(plan.slug)
    if history is not None:
        jobs.append(history_job(plan, history, inputs))
    return jobs


def page_job(page: Page, inputs: Inputs) -> Job:
    renderer = inputs.renderer
    bare = Page(page.path, page.template, page.data)  # what rendering needs (not the slugs it reads and shows)
    return Job(page.path, page_fingerprint(page, inputs), lambda: renderer.render(bare))


def history_job(plan: Plan, history: PlanHistory, inputs: Inputs) -> Job:
    """A plan's revision history page: its inputs are the commits and blobs of its revisions."""
    page = Page(urls.history(plan.slug), "history.html", {"plan": plan, "history": history}, (plan.slug,))
    commits = [f"{r.commit}:{r.blob}:{r.path}" for r in history.revisions]
    recorded = inputs.recorded
    text = recorded.plan_prints[plan.slug] if page.template in inputs.own_templates else ""  # (reuse.page_fingerprint)
    fingerprint = digest(recorded.key, page.path, recorded.tprints.get(page.template, ""), plan.slug, plan.title,
                         text, str(history.shallow), *commits)
    renderer = inputs.renderer
    return Job(page.path, fingerprint, lambda: renderer.render(page))


def feed_jobs(inputs: Inputs) -> list[Job]:
    """The files made from every plan: the site calendar, the Atom feed, the JSON API's list. The
    calendar and the list show plans' summaries only, so an edit to a plan's text leaves them alone."""
    index, config, recorded = inputs.index, inputs.config, inputs.recorded
    key, summaries, epoch = recorded.key, recorded.summary[1], recorded.epoch
    plans = list(index.plans)
    # the feed shows the newest plans only: an edit to an older plan's text leaves it as it is
    newest = [f"{p.slug}:{recorded.plan_prints[p.slug]}" for p in plans[:feeds.FEED_SIZE]]
    return [
        Job(urls.CALENDAR, digest(key, "calendar", summaries),
            lambda: feeds.calendar(plans[:feeds.CALENDAR_PLANS], config.title, epoch, config.base_url, brief=True,
                                   memo=inputs.feeds),
            in_parent=True),
        Job(urls.FEED, digest(key, "feed", str(epoch), *newest), lambda: feeds.atom(index, config.title, epoch,
                                                                                  config.base_url)),
        Job(urls.API_SCHEMA, digest(key, "api-schema"), lambda: api_schema("api.schema.json")),
        Job(urls.API_PLAN_SCHEMA, digest(key, "api-plan-schema"), lambda: api_schema("api-plan.schema.json")),
    ]


def _plan_ics(plan: Plan, config: Config) -> Callable[[], bytes]:
    epoch = feeds.newest_epoch([plan], source_date_epoch())
    return lambda: feeds.calendar([plan], plan.title, epoch, config.base_url)


def api_schema(name: str) -> bytes:
    from importlib import resources

    return resources.files("plangen").joinpath("schema", name).read_bytes()


# --- making jobs, in this process or shared with worker processes ----------------------------------

def run_jobs(jobs: list[Job], workers: int, progress: Progress | None) -> dict[str, bytes]:
    """Every job's bytes, in memory."""
    return dict(make_all(jobs, workers, progress))


class Stager(Protocol):
    """Where made files go (output.SiteWriter, publish.Publication): `stage` does the disk work and
    may run in any process; `note` records it in the process that commits."""

    def stage(self, path: str, data: bytes) -> str | None: ...

    def note(self, path: str, staged: str | None) -> None: ...


def make_all(jobs: list[Job], workers: int, progress: Progress | None,
             before_fork: Callable[[], None] | None = None) -> Iterator[tuple[str, bytes]]:
    """Each job's path and bytes, as they are made. Large batches are shared among worker processes
    (parallel.py); `before_fork` makes in this process what every worker would make again."""
    for job, data in _each(_make_job, jobs, workers, progress, before_fork):
        yield job.path, data


def stage_all(jobs: list[Job], writer: Stager, workers: int, progress: Progress | None,
              before_fork: Callable[[], None] | None = None) -> None:
    """Make every job and stage its file with `writer`. With worker processes, each process stages
    the files it makes: only where each was staged comes back, never the bytes."""
    def stage(job: Job) -> str | None:
        return writer.stage(job.path, job.make())

    for job, staged in _each(stage, jobs, workers, progress, before_fork):
        writer.note(job.path, staged)


def _each(make: Callable[[Job], R], jobs: list[Job], workers: int, progress: Progress | None,
          before_fork: Callable[[], None] | None) -> Iterator[tuple[Job, R]]:
    """(job, make(job)) for every job, as each is made: in this process, or shared with workers."""
    workers = workers or (os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= PARALLEL_FROM and may_fork():
        if before_fork is not None:
            before_fork()
        yield from _each_parallel(make, jobs, workers, progress)
        return
    for n, job in enumerate(jobs, 1):
        yield job, make(job)
        if progress and (n % 100 == 0 or n == len(jobs)):
            progress(n, len(jobs))


def _each_parallel(make: Callable[[Job], R], jobs: list[Job], workers: int,
                   progress: Progress | None) -> Iterator[tuple[Job, R]]:
    """Jobs shared between this process and workers; those marked `in_parent` only in this process
    (the calendar and the API keep per-plan fragments in it for the next build of a long-lived process)."""
    away = [j for j in jobs if not j.in_parent]
    mine = [j for j in jobs if j.in_parent]
    for n, (i, made) in enumerate(share(make, away, 0, workers, own=mine), 1):
        yield (away[i] if i < len(away) else mine[i - len(away)]), made
        if progress and (n % 100 == 0 or n == len(jobs)):
            progress(n, len(jobs))


def _make_job(job: Job) -> bytes:
    return job.make()
