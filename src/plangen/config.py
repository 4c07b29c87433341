"""`plangen.yaml`: the project's settings, validated with the same quality of messages as plans."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import codepoints
from .documents import load_yaml, mark_of
from .problems import Problem, error
from .sources import DEFAULT_SIZE_LIMIT, read_text_file

CONFIG_NAME = "plangen.yaml"

_FIELDS: dict[str, str] = {
    "title": "text: the site's title",
    "language": "zh-CN or en: the language of the interface",
    "plans": "folder of plan files, relative to plangen.yaml",
    "output": "folder the site is written to",
    "templates": "folder of templates that override the default theme",
    "edit_url": "repository URL for 'edit this file' links, e.g. https://git.example/plans/edit/main/",
    "base_url": "absolute URL of the published site, used only in the sitemap and feeds",
    "max_file_size": "largest plan file in bytes",
    "registry": "file listing canonical organisations and people with their aliases",
    "search": "true or false: build the search index",
    "history": "true or false: build revision history pages from git",
}
LANGUAGES = ("zh-CN", "en")


@dataclass(frozen=True, slots=True)
class Config:
    root: Path
    title: str = "帮扶方案"
    language: str = "zh-CN"
    plans: str = "plans"
    output: str = "site"
    templates: str = "templates"
    edit_url: str = ""
    base_url: str = ""
    max_file_size: int = DEFAULT_SIZE_LIMIT
    registry: str = "registry.yaml"
    search: bool = True
    history: bool = True

    @property
    def plans_dir(self) -> Path:
        return self.root / self.plans

    @property
    def output_dir(self) -> Path:
        return self.root / self.output

    @property
    def templates_dir(self) -> Path:
        return self.root / self.templates


def load_config(root: Path) -> tuple[Config, list[Problem]]:
    """The config at `root` (defaults when there is no plangen.yaml), and its problems."""
    file = root / CONFIG_NAME
    text = read_text_file(file, CONFIG_NAME)
    if text is None:
        return Config(root), []
    if isinstance(text, Problem):
        return Config(root), [text]
    parsed = load_yaml(text, CONFIG_NAME)
    if parsed.problems:
        return Config(root), parsed.problems
    if parsed.data is None:
        return Config(root), []
    if not isinstance(parsed.data, dict):
        return Config(root), [error(CONFIG_NAME, 1, 1, "", "plangen.yaml must be a mapping (key: value)")]
    return _apply(Config(root), parsed.data, parsed.marks)


def _apply(config: Config, data: dict[str, Any], marks: Any) -> tuple[Config, list[Problem]]:
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        line, col = mark_of(marks, (key,))
        if key not in _FIELDS:
            problems.append(error(CONFIG_NAME, line, col, key, f"unknown setting '{key}'",
                                  hint="known settings: " + ", ".join(_FIELDS), code="config-unknown"))
            continue
        converted = _convert(key, value)
        if isinstance(converted, str) and converted.startswith("!"):
            problems.append(error(CONFIG_NAME, line, col, key, converted[1:], hint=_FIELDS[key], code="config-value"))
        else:
            values[key] = converted
    return replace(config, **values), problems


def _convert(key: str, value: Any) -> Any:
    if key in ("search", "history"):
        return _flag(value)
    if key == "max_file_size":
        return int(value) if isinstance(value, str) and value.isdigit() else f"!expected a number of bytes, found '{value}'"
    if not isinstance(value, str) or not value.strip():
        return "!expected text"
    if codepoints.unpublishable(value):
        return f"!the text {codepoints.unpublishable(value)}"
    if key == "language" and value not in LANGUAGES:
        return f"!'{value}' is not one of: " + ", ".join(LANGUAGES)
    if key in ("plans", "templates", "registry") and (Path(value).is_absolute() or ".." in Path(value).parts):
        return f"!'{value}' must be a folder inside the project (relative, without ..)"
    if key in ("edit_url", "base_url") and not value.strip().lower().startswith(("http://", "https://")):
        return f"!'{value}' must be an http:// or https:// address"
    return value.strip()


def _flag(value: Any) -> bool | str:
    flag = str(value).strip().lower()
    if flag in ("true", "yes", "on"):
        return True
    if flag in ("false", "no", "off"):
        return False
    return f"!expected true or false, found '{value}'"


def cache_refusal(out: Path, cache_dir: Path) -> str:
    """Why `out` cannot be the output folder because of the build cache, or ''. The cache keeps the
    text of every plan, drafts included: a site written into it, or into a folder holding it, would
    publish that text."""
    out, cache = out.resolve(), cache_dir.resolve()
    if out == cache or out in cache.parents:
        return f"the output folder is the build cache ({cache_dir.name}) or holds it; the cache keeps drafts' text"
    if cache in out.parents:
        return f"the output folder is inside the build cache ({cache_dir.name})"
    return ""
