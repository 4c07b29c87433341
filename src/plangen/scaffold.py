"""`plangen init` (a new plans repository) and `plangen new` (a plan skeleton): writing starter files.

Both refuse to overwrite anything. The skeletons name every required part with its Chinese
label and leave its value blank, so `plangen check` fails on exactly the blanks until they are
filled. Slugs come from the title: pinyin syllables joined by hyphens (see `slug_for`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from .config import CONFIG_NAME, load_config
from .messages import add_option
from .project import slug_of
from .scaffold_text import EXAMPLE_MD, EXAMPLE_YAML, GITIGNORE, KINDS, PLANGEN_YAML, markdown_skeleton, yaml_skeleton
from .sources import discover, is_plan_name

SLUG_MAX = 48
SCHEMA_FILE = "plan.schema.json"


class Refused(Exception):
    """A file that would be overwritten, or a target that cannot be used: a message key of the
    command line's catalogue (messages.py) and its values."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def slug_for(title: str, limit: int = SLUG_MAX) -> str:
    """`标题` -> pinyin syllables, lowercase, hyphen-separated, ASCII only, whole syllables up to `limit`.

    Digits and Latin letters are kept (2024年 -> 2024-nian); every other character separates
    syllables; an empty result becomes 'plan'.
    """
    from pypinyin import Style, lazy_pinyin

    words: list[str] = []
    for chunk in lazy_pinyin(unicodedata.normalize("NFKC", title), style=Style.NORMAL, errors="default"):
        ascii_chunk = unicodedata.normalize("NFKD", chunk).encode("ascii", "ignore").decode().lower()
        words += [w for w in re.split(r"[^a-z0-9]+", ascii_chunk) if w]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "plan")


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, … whichever is not taken."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def taken_slugs(*folders: Path) -> set[str]:
    """Slugs of the plan files (and any file name stems) already in these folders."""
    taken: set[str] = set()
    for folder in folders:
        found = discover(folder, folder) if folder.is_dir() else []
        if isinstance(found, list):
            taken |= {slug_of(p.name) for p in found}
        if folder.is_dir():
            taken |= {slug_of(p.name) for p in folder.iterdir() if is_plan_name(p.name)}
    return taken


def new_plan(title: str, fmt: str, kind: str, folder: Path, plans_dir: Path | None = None) -> Path:
    """Write a skeleton plan into `folder` and return its path. Never overwrites."""
    title = " ".join(title.split())
    if not title:
        raise Refused("new.empty_title")
    slug = unique_slug(slug_for(title), taken_slugs(folder, *([plans_dir] if plans_dir else [])))
    suffix = ".md" if fmt == "md" else ".yaml"
    target = folder / f"{slug}{suffix}"
    text = markdown_skeleton(title, kind) if fmt == "md" else yaml_skeleton(title, kind)
    _write_new({target: text})
    return target


def init_project(folder: Path, schema: dict[str, Any]) -> list[Path]:
    """Write a new plans repository into `folder`; every file is checked before any is written."""
    files = {
        folder / CONFIG_NAME: PLANGEN_YAML,
        folder / "plans" / "dongshan-jiedui-bangfu.yaml": EXAMPLE_YAML,
        folder / "plans" / "dongshan-nongji-xiaxiang.md": EXAMPLE_MD,
        folder / ".gitignore": GITIGNORE,
        folder / SCHEMA_FILE: json.dumps(schema, ensure_ascii=False, indent=2) + "\n",
        folder / ".vscode" / "settings.json": json.dumps(_vscode_settings(), ensure_ascii=False, indent=2) + "\n",
    }
    _refuse_existing(files)
    plans = folder / "plans"
    if plans.is_dir() and any(is_plan_name(p.name) for p in plans.rglob("*")):
        raise Refused("init.has_plans", plans=plans)
    _write_new(files)
    return sorted(files)


def _vscode_settings() -> dict[str, Any]:
    return {"yaml.schemas": {f"./{SCHEMA_FILE}": ["plans/**/*.yaml", "plans/**/*.yml"]},
            "files.encoding": "utf8"}


def _refuse_existing(files: dict[Path, str]) -> None:
    for target in files:
        if target.exists() or target.is_symlink():
            raise Refused("init.exists", target=target)


def _write_new(files: dict[Path, str]) -> None:
    _refuse_existing(files)
    for target, text in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as handle:  # "x": fail rather than overwrite
            handle.write(text)


SLUG_RULE = ("The file name (the plan's slug) comes from the title: its pinyin without tones, one syllable per "
             "character, lowercase, joined by hyphens; digits and Latin letters are kept; everything else "
             f"separates syllables; cut after whole syllables at {SLUG_MAX} characters; when the name is taken, "
             "-2, -3, … is added. Example: 东山镇2025年结对帮扶方案 -> dong-shan-zhen-2025-nian-jie-dui-bang-fu-fang-an.")


def register(sub: Any) -> None:
    init = sub.add_parser("init", help="create a new plans repository (config, example plans, editor schema)",
                          description="Create plangen.yaml, plans/ with one example plan in each spelling (YAML and "
                                      "Markdown), .gitignore, plan.schema.json and the VS Code setting that "
                                      "uses it. Refuses to overwrite any file.")
    add_option(init)
    init.add_argument("dir", nargs="?", type=Path, default=Path("."), metavar="DIR",
                      help="folder to create the repository in (default: the current folder)")
    init.set_defaults(func=_cmd_init)
    new = sub.add_parser("new", help="create a plan file: a skeleton with every required part",
                         description="Write a new plan whose required parts are blank, labelled in Chinese; "
                                     "`plangen check` lists the blanks until they are filled. Opens nothing. "
                                     + SLUG_RULE)
    add_option(new)
    new.add_argument("title", metavar="标题", help="the plan's title, e.g. \"东山镇2025年结对帮扶工作方案\"")
    new.add_argument("--format", choices=("yaml", "md"), default="yaml", help="spelling of the file (default: yaml)")
    new.add_argument("--kind", choices=tuple(KINDS), default="generic",
                     help="kind of plan, for the category and the optional parts offered (default: generic)")
    new.add_argument("-o", "--output", type=Path, metavar="DIR",
                     help="folder to write into (default: the plans folder from plangen.yaml)")
    new.add_argument("-C", "--root", type=Path, default=Path("."), metavar="DIR",
                     help="project folder holding plangen.yaml (default: current folder)")
    new.set_defaults(func=_cmd_new)


def _cmd_init(args: argparse.Namespace) -> int:
    from .messages import language_for, say
    from .schema import editor_schema

    folder: Path = args.dir
    s = say(language_for(args, folder))
    try:
        written = init_project(folder, editor_schema())
    except Refused as exc:
        print(s("init.error", why=s(exc.key, **exc.values)), file=sys.stderr)
        return 2
    for path in written:
        print(s("init.created", path=path))
    print(s("init.next", folder=folder))
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from .messages import language_for, say

    config, _ = load_config(args.root.resolve())
    s = say(language_for(args, args.root))
    folder: Path = args.output or config.plans_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = new_plan(args.title, args.format, args.kind, folder, config.plans_dir)
    except Refused as exc:
        print(s("new.error", why=s(exc.key, **exc.values)), file=sys.stderr)
        return 2
    except OSError as exc:
        print(s("new.error", why=exc.strerror or exc), file=sys.stderr)
        return 2
    print(s("new.created", target=target))
    return 0
