"""Everything `check` and `build` know about a project: config, plans, registry, all problems.

The shell that reads plangen.yaml, the plan files and the registry, then runs the pure checks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .config import Config, load_config
from .crosscheck import LinkMemo, plan_link_problems, registry_problems
from .documents import load_yaml
from .index import name_collisions
from .names import Registry, registry_from_data
from .problems import Problem
from .project import DISK, Files, Parser, Project, ReadOptions, load_project, parse_each
from .sources import read_text_file, special_files


@dataclass(frozen=True, slots=True)
class Workspace:
    config: Config
    project: Project
    registry: Registry
    problems: tuple[Problem, ...]
    registry_text: str = ""

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def load_workspace(root: Path, paths: list[Path] | None = None, encoding: str | None = None,
                   drafts: bool = False, output: Path | None = None, parse: Parser = parse_each,
                   files: Files = DISK, links: LinkMemo | None = None) -> Workspace:
    config, problems = load_config(root)
    if output is not None:
        config = replace(config, output=str(output))
    targets = paths or [config.plans_dir]
    project = load_project(targets, root, ReadOptions(size_limit=config.max_file_size, encoding=encoding), parse,
                           files)
    registry, registry_found, registry_text = load_registry(config)
    plans = list(project.plans)
    published = {p.slug for p in plans if drafts or p.status != "draft"}
    # `plan:` links can only be checked against every plan: not when only some files were named
    checked = plan_link_problems(plans, published, project.texts, links) if not paths else []
    found = [*problems, *registry_found, *project.problems, *checked, *registry_problems(plans, registry, project.texts)]
    found += special_files(config.templates_dir, root)  # FIFOs, devices, loops: never opened
    found += name_collisions(plans, project.texts)  # tags that would share one page
    return Workspace(config, project, registry, tuple(found), registry_text)


def load_registry(config: Config) -> tuple[Registry, list[Problem], str]:
    """The registry of canonical names, its problems, and its text (for fingerprints)."""
    shown = config.registry
    text = read_text_file(config.root / config.registry, shown, config.max_file_size)  # regular files only
    if not isinstance(text, str):
        return Registry(), [text] if text is not None else [], ""
    parsed = load_yaml(text, shown)
    if parsed.problems:
        return Registry(), parsed.problems, text
    registry, problems = registry_from_data(parsed.data, parsed.marks, shown)
    return registry, problems, text
