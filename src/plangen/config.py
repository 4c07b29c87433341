"""`plangen.yaml`: the project's settings, validated with the same quality of messages as plans."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import codepoints
from .documents import load_yaml, mark_of
from .problems import Problem, error
from .sources import DEFAULT_SIZE_LIMIT, read_text_file
from .wording import Wording, msg

CONFIG_NAME = "plangen.yaml"

# The settings; what each is for: `setting.<name>` in messages_files.py.
_FIELDS = ("title", "language", "plans", "output", "templates", "edit_url", "base_url", "max_file_size", "registry",
           "search", "history")
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
        return Config(root), [error(CONFIG_NAME, 1, 1, "", msg("config.not-a-mapping"))]
    return _apply(Config(root), parsed.data, parsed.marks)


def _apply(config: Config, data: dict[str, Any], marks: Any) -> tuple[Config, list[Problem]]:
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        line, col = mark_of(marks, (key,))
        if key not in _FIELDS:
            problems.append(error(CONFIG_NAME, line, col, key, msg("config.unknown", key=key, known=", ".join(_FIELDS)),
                                  code="config-unknown"))
            continue
        converted = _convert(key, value)
        if isinstance(converted, Wording):
            said = msg("config.value", why=converted, about=msg(f"setting.{key}"))
            problems.append(error(CONFIG_NAME, line, col, key, said, code="config-value"))
        else:
            values[key] = converted
    return replace(config, **values), problems


def _convert(key: str, value: Any) -> Any:
    if key in ("search", "history"):
        return _flag(value)
    if key == "max_file_size":
        return int(value) if isinstance(value, str) and value.isdigit() else msg("config.not-bytes", value=value)
    if not isinstance(value, str) or not value.strip():
        return msg("config.not-text")
    return _text(key, value)


def _text(key: str, value: str) -> str | Wording:
    """A text setting, stripped, or why it cannot be one."""
    bad = codepoints.unpublishable(value)
    if bad is not None:
        return msg("config.bad-text", why=bad)
    if key == "language" and value not in LANGUAGES:
        return msg("config.not-one-of", value=value, allowed=", ".join(LANGUAGES))
    if key in ("plans", "templates", "registry") and (Path(value).is_absolute() or ".." in Path(value).parts):
        return msg("config.not-inside", value=value)
    if key in ("edit_url", "base_url") and not value.strip().lower().startswith(("http://", "https://")):
        return msg("config.not-http", value=value)
    return value.strip()


def _flag(value: Any) -> bool | Wording:
    flag = str(value).strip().lower()
    if flag in ("true", "yes", "on"):
        return True
    if flag in ("false", "no", "off"):
        return False
    return msg("config.not-flag", value=value)


def cache_refusal(out: Path, cache_dir: Path) -> Wording | None:
    """Why `out` cannot be the output folder because of the build cache, or None. The cache keeps the
    text of every plan, drafts included: a site written into it, or into a folder holding it, would
    publish that text."""
    out, cache = out.resolve(), cache_dir.resolve()
    if out == cache or out in cache.parents:
        return msg("output.is-cache", cache=cache_dir.name)
    if cache in out.parents:
        return msg("output.in-cache", cache=cache_dir.name)
    return None
