"""The theme's files: the default theme and a project's own templates folder. Shell (reads files).

Which templates a page's template pulls in, the fingerprint of each, which of them are the
project's own (docs/architecture.md, "What a template may print"), and the static assets."""

from __future__ import annotations

import hashlib
import re
from importlib import resources
from pathlib import Path


def default_theme() -> Path:
    """The theme shipped in the wheel, or the repository's templates/ in a source checkout."""
    shipped = Path(str(resources.files("plangen"))) / "templates"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2] / "templates"


_REFERENCE = re.compile(r"""{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")
_LOADED_BY_CODE = {"_macros.html": ("_card.html",)}  # plan_card() renders _card.html through Renderer.card


def template_fingerprints(user_templates: Path | None) -> dict[str, str]:
    """For each template name, a hash of its source and of every template it pulls in."""
    return templates_of(user_templates)[0]


def templates_of(user_templates: Path | None) -> tuple[dict[str, str], frozenset[str]]:
    """template_fingerprints, and the templates that are, or pull in, one of the project's own."""
    sources: dict[str, str] = {}
    own: set[str] = set()  # the project's templates that are not the theme's own, unchanged
    for folder in [default_theme(), *([user_templates] if user_templates and user_templates.is_dir() else [])]:
        for file in folder.glob("*.html"):
            text = file.read_text("utf-8")
            if folder is user_templates and sources.get(file.name) != text:
                own.add(file.name)
            sources[file.name] = text
    prints: dict[str, str] = {}
    pulling: set[str] = set()
    for name in sources:
        seen = _pulled_in(name, sources)
        prints[name] = hashlib.sha256("\0".join(f"{n}\0{sources[n]}" for n in sorted(seen)).encode()).hexdigest()
        if seen & own:
            pulling.add(name)
    return prints, frozenset(pulling)


def _pulled_in(name: str, sources: dict[str, str]) -> set[str]:
    """The template and every template it extends, includes or imports, or the code renders with it."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current not in seen and current in sources:
            seen.add(current)
            todo.extend(_REFERENCE.findall(sources[current]))
            todo.extend(_LOADED_BY_CODE.get(current, ()))
    return seen


def asset_files(user_templates: Path | None) -> dict[str, bytes]:
    """The theme's static files (assets/…), user overrides winning, as output path -> bytes."""
    found: dict[str, bytes] = {}
    for folder in [default_theme(), *([user_templates] if user_templates and user_templates.is_dir() else [])]:
        assets = folder / "assets"
        if assets.is_dir():
            for file in sorted(assets.rglob("*")):
                if file.is_file():
                    found["assets/" + file.relative_to(assets).as_posix()] = file.read_bytes()
    return found
