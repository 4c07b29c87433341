"""`plangen build`: the stages in order, written once.

    workspace (config, plans, registry, all problems)  -> stop here on any error
    index (cross-links)                                 -> pages (what to render, what each reads)
    render (HTML, feeds, calendars, JSON, sources)      -> {output path: bytes}, all in memory
    write (only changed files; stale files from the manifest removed)

Nothing is written until every page has rendered, so a failing build leaves the site as it was.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import feeds, urls
from .config import Config
from .index import Index, build_index
from .output import WriteStats, refusal, write_site
from .pages import Page, all_pages
from .problems import Problem, error, strict
from .render import Renderer, SiteInfo, asset_files
from .workspace import Workspace, load_workspace

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class BuildOptions:
    root: Path
    output: Path | None = None
    strict: bool = False
    drafts: bool = False
    encoding: str | None = None


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
    files: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return self.stats is not None


def source_date_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else 0


def render_site(index: Index, config: Config, site: SiteInfo, texts: dict[str, str],
                progress: Progress | None = None) -> dict[str, bytes]:
    """Every output file, in memory. Pure but for reading the theme's files."""
    renderer = Renderer(index, site, config.templates_dir)
    pages: list[Page] = list(all_pages(index))
    files: dict[str, bytes] = {}
    for n, page in enumerate(pages, 1):
        files[page.path] = renderer.render(page)
        if progress and n % 50 == 0:
            progress(n, len(pages))
    files.update(data_files(index, config, texts))
    files.update(asset_files(config.templates_dir))
    return files


def data_files(index: Index, config: Config, texts: dict[str, str]) -> dict[str, bytes]:
    plans = list(index.plans)
    epoch = feeds.newest_epoch(plans, source_date_epoch())
    files = {
        urls.CALENDAR: feeds.calendar(plans, config.title, epoch, config.base_url),
        urls.FEED: feeds.atom(index, config.title, epoch, config.base_url),
        urls.API: feeds.api(index),
        urls.API_SCHEMA: api_schema(),
    }
    for plan in plans:
        files[urls.plan_ics(plan.slug)] = feeds.calendar([plan], plan.title, epoch, config.base_url)
        files[urls.source(plan.slug, plan.kind)] = texts.get(plan.source, "").encode("utf-8")
    return files


def api_schema() -> bytes:
    from importlib import resources

    return resources.files("plangen").joinpath("schema/api.schema.json").read_bytes()


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    started = time.perf_counter()
    ws = load_workspace(options.root.resolve(), encoding=options.encoding, drafts=options.drafts,
                        output=options.output)
    problems = strict(ws.problems) if options.strict else list(ws.problems)
    out = ws.config.output_dir if not options.output else (options.output if options.output.is_absolute()
                                                           else Path.cwd() / options.output)
    if any(p.is_error for p in problems):
        return BuildResult(ws, tuple(problems))
    why = refusal(out, ws.config.root, ws.config.plans_dir)
    if why:
        refused = error(str(out), 0, 0, "", f"refusing to write the site: {why}",
                        hint="choose another output folder (-o DIR, or output: in plangen.yaml)", code="output-refused")
        return BuildResult(ws, (*problems, refused))
    plans = [p for p in ws.project.plans if options.drafts or p.status != "draft"]
    index = build_index(plans, ws.registry)
    site = SiteInfo(ws.config.title, ws.config.language, ws.config.edit_url, search=False,
                    drafts=options.drafts, history=frozenset())
    files = render_site(index, ws.config, site, ws.project.texts, progress)
    stats = write_site(out, files)
    pages = sum(1 for p in files if p.endswith(".html"))
    return BuildResult(ws, tuple(problems), len(plans), len(ws.project.plans) - len(plans), pages, stats,
                       time.perf_counter() - started, out, files)


def summary(result: BuildResult) -> str:
    stats = result.stats
    assert stats is not None
    warnings = sum(1 for p in result.problems if not p.is_error)
    drafts = f", {result.drafts_skipped} draft(s) left out" if result.drafts_skipped else ""
    return (f"built {result.plans} plans, {result.pages} pages{drafts}; {warnings} warning(s); "
            f"{stats.written} file(s) written, {stats.unchanged} unchanged, {stats.removed} removed; "
            f"{result.seconds:.2f} s -> {result.output}")


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

