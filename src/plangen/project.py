"""Load every plan of a project: read, parse, resolve aliases, validate, apply rules, build models.

`load_sources` is pure (Sources in, plans and problems out); `load_project` is the thin shell
that reads the files first. Problems from all files are gathered; one bad file never stops the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from . import aliases, rules, schema
from .documents import Marks, YamlResult, load_yaml
from .markdown_plan import load_markdown
from .model import Plan, build_plan
from .problems import Problem, error
from .sources import DEFAULT_SIZE_LIMIT, Source, discover_files, display_path, read_source
from .wording import msg

_BAD_SLUG = re.compile(r"[\s/\\?#%&<>\"'`|*:;]|^[.-]")


@dataclass(frozen=True, slots=True)
class Parsed:
    """One plan file after every check: its model (when it has no errors), data, marks, problems."""

    source: Source
    plan: Plan | None
    data: dict[str, Any] | None
    marks: Marks
    problems: tuple[Problem, ...]
    slug: str = ""


@dataclass(frozen=True, slots=True)
class Project:
    plans: tuple[Plan, ...]
    problems: tuple[Problem, ...]
    texts: dict[str, str] = field(default_factory=dict)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def parse_source(source: Source) -> Parsed:
    """One file through the whole pipeline. Never raises on bad input."""
    raw = load_yaml(source.text, source.path) if source.kind == "yaml" else load_markdown(source.text, source.path)
    problems = list(raw.problems)
    data = _as_mapping(raw, source.path, problems)
    if data is None:
        return Parsed(source, None, None, raw.marks, tuple(problems))
    data, marks, alias_problems = aliases.canonicalise(data, raw.marks, source.path)
    problems += alias_problems
    checked = schema.validate(data, marks, source.path) + rules.check(data, marks, source.path)
    problems += _without_follow_ons(checked, problems)
    slug = data.get("slug") if isinstance(data.get("slug"), str) else slug_of(source.path)
    slug_problem = _slug_problem(slug, source.path) if "slug" not in data else None
    if slug_problem:
        problems.append(slug_problem)
    plan = None
    if not any(p.is_error for p in problems):
        plan = build_plan(data, slug, source.path, source.kind)
    return Parsed(source, plan, data, marks, tuple(problems), slug)


def _without_follow_ons(checked: list[Problem], loading: list[Problem]) -> list[Problem]:
    """Drop repeats (schema and rules saying the same thing) and errors about values refused while loading."""
    refused = tuple(p.field for p in loading if p.code == "yaml-tag")
    refused += tuple(p.field for p in checked if p.code == "empty-part")  # not also each missing piece
    seen: set[tuple[int, int, str, str]] = set()
    kept = []
    for p in checked:
        place = (p.line, p.column, p.field, p.message)
        inside = any(p.field.startswith((r + ".", r + "[")) or (p.field == r and p.code != "empty-part")
                     for r in refused)
        if place in seen or inside:
            continue
        seen.add(place)
        kept.append(p)
    return kept


def _as_mapping(raw: YamlResult, path: str, problems: list[Problem]) -> dict[str, Any] | None:
    if isinstance(raw.data, dict):
        return raw.data
    if raw.data is None and raw.problems:
        return None
    found = "word.nothing" if raw.data is None else ("word.list" if isinstance(raw.data, list) else "word.text")
    problems.append(error(path, 1, 1, "", msg("plan.not-a-mapping", found=msg(found)), code="not-a-mapping"))
    return None


def slug_of(path: str) -> str:
    """The default slug: the file name without its extension."""
    return PurePosixPath(path).stem.strip().lower().replace(" ", "-")


def _slug_problem(slug: str, path: str) -> Problem | None:
    if slug and not _BAD_SLUG.search(slug):
        return None
    return error(path, 1, 1, "slug", msg("plan.bad-slug", slug=slug), code="bad-slug")


Parser = Callable[[list[Source]], list[Parsed]]


def parse_each(sources: list[Source]) -> list[Parsed]:
    return [parse_source(s) for s in sources]


def load_sources(sources: list[Source], parse: Parser = parse_each) -> Project:
    """Every plan, and every problem of every file, including duplicate slugs across files.

    `parse` is `parse_each`, or a caching or parallel form of it (the builder's cache) — never anything else.
    """
    parsed = parse(sources)
    problems = [p for x in parsed for p in x.problems]
    problems += duplicate_slugs(parsed)
    bad = {p.path for p in problems if p.is_error}
    plans = tuple(x.plan for x in parsed if x.plan is not None and x.source.path not in bad)
    texts = {s.path: s.text for s in sources}
    return Project(plans, tuple(problems), texts, len(sources))


def duplicate_slugs(parsed: list[Parsed]) -> list[Problem]:
    by_slug: dict[str, list[Parsed]] = {}
    for x in parsed:
        if x.slug:
            by_slug.setdefault(x.slug, []).append(x)
    found = []
    for slug, group in sorted(by_slug.items()):
        if len(group) < 2:
            continue
        for x in group:
            others = ", ".join(o.source.path for o in group if o is not x)
            line, col = x.marks.get(("slug",), (1, 1))
            found.append(error(x.source.path, line, col, "slug", msg("plan.duplicate-slug", slug=slug, others=others),
                               code="duplicate-slug"))
    return found


@dataclass(frozen=True, slots=True)
class ReadOptions:
    size_limit: int = DEFAULT_SIZE_LIMIT
    encoding: str | None = None


def read_file(file: str, root: Path, folder: Path, options: ReadOptions) -> Source | Problem:
    return read_source(Path(file), root, folder, limit=options.size_limit, encoding=options.encoding)


class Files(Protocol):
    """How plan files are listed and read: `DISK`, or the builder's cache, which remembers both
    (and, in a long-lived process, the last project: `reload` gives it again with only the files a
    watcher saw change read and parsed again, or None when it cannot tell)."""

    def listing(self, folder: Path, root: Path) -> list[str] | Problem: ...

    def read(self, file: str, root: Path, folder: Path, options: ReadOptions) -> Source | Problem: ...

    def reload(self, paths: list[Path], root: Path, options: ReadOptions, parse: Parser) -> Project | None: ...

    def loaded(self, paths: list[Path], root: Path, options: ReadOptions, sources: list[Source],
               project: Project) -> None: ...


class _Disk:
    @staticmethod
    def listing(folder: Path, root: Path) -> list[str] | Problem:
        return discover_files(folder, root)

    @staticmethod
    def read(file: str, root: Path, folder: Path, options: ReadOptions) -> Source | Problem:
        return read_file(file, root, folder, options)

    @staticmethod
    def reload(paths: list[Path], root: Path, options: ReadOptions, parse: Parser) -> Project | None:
        return None

    @staticmethod
    def loaded(paths: list[Path], root: Path, options: ReadOptions, sources: list[Source], project: Project) -> None:
        return None


DISK: Files = _Disk()


def read_paths(paths: list[Path], root: Path, options: ReadOptions,
               files: Files = DISK) -> tuple[list[Source], list[Problem]]:
    """The shell: read every plan file named or found under the named folders."""
    sources: list[Source] = []
    problems: list[Problem] = []
    for target in paths:
        if target.is_dir() or not target.exists():
            found = files.listing(target, root)
            if isinstance(found, Problem):
                problems.append(found)
                continue
            folder, names = target, found
        else:
            folder, names = target.parent, [str(target)]
        for file in names:
            got = files.read(file, root, folder, options)
            if isinstance(got, Problem):
                problems.append(got)
            else:
                sources.append(got)
    return sources, problems


def load_project(paths: list[Path], root: Path, options: ReadOptions | None = None,
                 parse: Parser = parse_each, files: Files = DISK) -> Project:
    options = options or ReadOptions()
    known = files.reload(paths, root, options, parse)
    if known is not None:
        return known
    sources, problems = read_paths(paths, root, options, files)
    project = load_sources(sources, parse)
    count = len(sources) + len({p.path for p in problems})
    found = Project(project.plans, tuple(problems) + project.problems, project.texts, count)
    files.loaded(paths, root, options, sources, found)
    return found


__all__ = ["Parsed", "Project", "ReadOptions", "display_path", "load_project", "load_sources", "parse_each",
           "parse_source"]
