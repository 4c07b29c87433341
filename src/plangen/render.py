"""Pages to HTML with Jinja2: the one home of jinja2. Autoescape on, StrictUndefined.

Templates receive data and a `link` helper that turns output paths into hrefs relative to the
page being rendered; they never build links themselves. A user's `templates/` folder overrides
any file of the default theme by name.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import markdown, urls
from .i18n import translator
from .index import Index
from .model import Person
from .names import file_id
from .pages import Page
from .timeline_svg import timeline_svg


def default_theme() -> Path:
    """The theme shipped in the wheel, or the repository's templates/ in a source checkout."""
    shipped = Path(str(resources.files("plangen"))) / "templates"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True, slots=True)
class SiteInfo:
    title: str
    language: str
    edit_url: str
    search: bool
    drafts: bool
    history: frozenset[str]  # slugs that have a history page


class Links:
    """Relative hrefs from one page to every other kind of page."""

    def __init__(self, page: str, index: Index) -> None:
        self.page = page
        self.index = index

    def to(self, target: str) -> str:
        return urls.relative(self.page, target)

    def plan(self, slug: str) -> str:
        return self.to(urls.plan(slug))

    def org(self, name: str) -> str:
        return self.to(urls.org(self.index.org_id(name)))

    def org_id(self, oid: str) -> str:
        return self.to(urls.org(oid))

    def person(self, person: Person) -> str:
        return self.to(urls.person(self.index.person_id(person)))

    def person_id(self, pid: str) -> str:
        return self.to(urls.person(pid))

    def doc(self, did: str) -> str:
        return self.to(urls.doc(did))

    def bucket(self, kind: str, bid: str) -> str:
        folder = {"statuses": "status"}.get(kind, kind)
        return self.to(urls.bucket(folder, bid))

    def tag(self, name: str) -> str:
        return self.to(urls.bucket("tags", file_id(name)))

    def category(self, name: str) -> str:
        return self.to(urls.bucket("categories", file_id(name)))


class Renderer:
    def __init__(self, index: Index, site: SiteInfo, user_templates: Path | None) -> None:
        self.index = index
        self.site = site
        self.env = make_env(user_templates)
        self.t = translator(site.language)

    def render(self, page: Page) -> bytes:
        link = Links(page.path, self.index)
        context: dict[str, Any] = {
            "site": self.site, "page": page, "link": link, "t": self.t, "index": self.index,
            "md": lambda text: self.markdown(text, link), "urls": urls,
            "timeline_svg": lambda plan: Markup(timeline_svg(plan, self.t("steps_chart"))),
            "doc_id": self.doc_id,
            **page.data,
        }
        html = self.env.get_template(page.template).render(context)
        return html.encode("utf-8")

    def markdown(self, text: str, link: Links) -> Markup:
        def resolve(slug: str) -> str | None:
            return link.plan(slug) if slug in self.index.by_slug else None

        return Markup(markdown.render(text, resolve))

    def doc_id(self, title: str, number: str) -> str:
        """The id of the documents page for a basis entry (number if known, else title)."""
        for doc in self.index.docs.values():
            if (number and doc.number == number) or (not number and doc.title == title):
                return doc.id
        return file_id(number or title)


def make_env(user_templates: Path | None) -> Environment:
    loaders = []
    if user_templates is not None and user_templates.is_dir() and user_templates.resolve() != default_theme().resolve():
        loaders.append(FileSystemLoader(str(user_templates)))
    loaders.append(FileSystemLoader(str(default_theme())))
    env = Environment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env


def theme_fingerprint(user_templates: Path | None) -> str:
    """A hash of every template and asset that the build would use (for caches)."""
    digest = hashlib.sha256()
    for folder in [default_theme(), *([user_templates] if user_templates and user_templates.is_dir() else [])]:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


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
