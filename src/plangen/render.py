"""Pages to HTML with Jinja2: the one home of jinja2. Autoescape on, StrictUndefined.

Templates receive data and a `link` helper that turns output paths into hrefs relative to the
page being rendered; they never build links themselves. A user's `templates/` folder overrides
any file of the default theme by name.
"""

from __future__ import annotations

import hashlib
import os
import re
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError, UndefinedError
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup

from . import markdown, urls
from .diff.html import render_diff_html
from .i18n import translator
from .index import Index
from .model import Person, Plan
from .names import file_id
from .pages import Page
from .problems import Problem, error
from .timeline_svg import timeline_svg
from .vocabulary import fold


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
    """Relative hrefs from one page to every other kind of page.

    An href depends only on the folder of the page and on the target, so `hrefs` (target -> href)
    is shared by every page of one folder; `ids` holds the organisation and person ids of the index.
    Every href goes through `to` (plan cards are shared between folders by the hrefs they asked for).
    """

    def __init__(self, page: str, index: Index, hrefs: dict[str, str] | None = None,
                 ids: _Ids | None = None) -> None:
        self._page = page
        self.index = index
        self._hrefs: dict[str, str] = {} if hrefs is None else hrefs
        self._ids = ids if ids is not None and ids.index is index else _Ids(index)

    @property
    def page(self) -> str:
        return self._page

    def to(self, target: str) -> str:
        href = self._hrefs.get(target)
        if href is None:
            href = urls.relative(self._page, target)
            if target[:1] not in ("", "#"):  # an anchor alone is relative to the page's own file name
                self._hrefs[target] = href
        return href

    def plan(self, slug: str) -> str:
        return self.to(urls.plan(slug))

    def org(self, name: str) -> str:
        return self.to(urls.org(self._ids.org(name)))

    def org_id(self, oid: str) -> str:
        return self.to(urls.org(oid))

    def person(self, person: Person) -> str:
        return self.to(urls.person(self._ids.person(person)))

    def person_id(self, pid: str) -> str:
        return self.to(urls.person(pid))

    def doc(self, did: str) -> str:
        return self.to(urls.doc(did))

    def bucket(self, kind: str, bid: str) -> str:
        folder = {"statuses": "status"}.get(kind, kind)
        return self.to(urls.bucket(folder, bid))

    def tag(self, name: str) -> str:
        return self.to(urls.bucket("tags", _file_id(name)))

    def category(self, name: str) -> str:
        return self.to(urls.bucket("categories", _file_id(name)))


class _RecordingLinks(Links):
    """The links of a card being rendered: every (target, href) it asked for, and whether it read the page."""

    def __init__(self, link: Links) -> None:
        super().__init__(link._page, link.index, link._hrefs, link._ids)
        self.asked: dict[tuple[str, str], None] = {}
        self.saw_page = False

    @property
    def page(self) -> str:
        self.saw_page = True
        return self._page

    def to(self, target: str) -> str:
        href = super().to(target)
        self.asked[(target, href)] = None
        return href


@dataclass(frozen=True, slots=True)
class _Card:
    html: Markup
    hrefs: tuple[tuple[str, str], ...]  # (target, href): every link the card asked for, from its folder


@lru_cache(maxsize=4096)
def _file_id(name: str) -> str:
    return file_id(name)  # pure, and folds every character: worth keeping for the names of tags and categories


class _Ids:
    """Organisation and person ids of one Index, each worked out (folded, looked up) once per name.

    They depend on the index's registry, so a Renderer makes a new _Ids whenever its index is replaced.
    """

    __slots__ = ("_orgs", "_people", "index")

    def __init__(self, index: Index) -> None:
        self.index = index
        self._orgs: dict[str, str] = {}
        self._people: dict[Person, str] = {}

    def org(self, name: str) -> str:
        oid = self._orgs.get(name)
        if oid is None:
            oid = self._orgs[name] = self.index.org_id(name)
        return oid

    def person(self, person: Person) -> str:
        pid = self._people.get(person)
        if pid is None:
            pid = self._people[person] = self.index.person_id(person)
        return pid


class RenderError(Exception):
    """A template failed on a page: reported as a Problem at the template's file and line."""

    def __init__(self, page: str, file: str, line: int, message: str) -> None:
        super().__init__(page, file, line, message)  # plain args: picklable from worker processes
        self.page, self.file, self.line, self.message = page, file, line, message

    @classmethod
    def of(cls, page: str, exc: TemplateError) -> RenderError:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.endswith(".py")]
        file = getattr(exc, "filename", None) or (frames[-1].filename if frames else "")
        line = getattr(exc, "lineno", None) or (frames[-1].lineno if frames else 0) or 0
        return cls(page, file, line, exc.message or type(exc).__name__)

    def problem(self) -> Problem:
        return error(self.file, self.line, 0, "", f"template error while rendering {self.page}: {self.message}",
                     hint="fix the template (a user template overrides the default theme by name)",
                     code="template-error")


class Renderer:
    def __init__(self, index: Index, site: SiteInfo, user_templates: Path | None) -> None:
        self.index = index
        self.site = site
        self.env = make_env(user_templates)
        self.t = translator(site.language)
        self._cards: dict[tuple[str, str], Markup] = {}  # (slug, folder) -> card
        self._card_hrefs: dict[str, list[_Card]] = {}  # slug -> cards, each with the hrefs it was made from
        self._hrefs: dict[str, dict[str, str]] = {}  # folder -> target -> href: pure, whatever the index
        self._ids = _Ids(index)  # made again when build.py replaces self.index (see _links)
        self._doc_ids = {(d.title, d.number): d.id for d in index.docs.values()}
        self._doc_ids.update({("", d.number): d.id for d in index.docs.values() if d.number})
        # a basis entry without a number finds its document by title, even when another plan gave it a number
        self._doc_titles: dict[str, str] = {}
        for d in index.docs.values():
            self._doc_titles.setdefault(fold(d.title), d.id)

    def render(self, page: Page) -> bytes:
        link = self._links(page.path)
        context: dict[str, Any] = {
            "site": self.site, "page": page, "link": link, "t": self.t, "index": self.index,
            "md": lambda text: self.markdown(text, link), "urls": urls,
            "timeline_svg": lambda plan: Markup(timeline_svg(plan, self.t("steps_chart"))),
            "doc_id": self.doc_id, "card": lambda plan: self.card(plan, link),
            "cards": lambda slugs: self.cards(slugs, link),
            "diff_html": lambda diff: Markup(render_diff_html(diff, 3, self.site.language)),
            **page.data,
        }
        try:
            html = self.env.get_template(page.template).render(context)
        except TemplateError as exc:
            raise RenderError.of(page.path, exc) from exc
        return html.encode("utf-8")

    def _links(self, page: str) -> Links:
        if self._ids.index is not self.index:
            self._ids = _Ids(self.index)
        return Links(page, self.index, self._hrefs.setdefault(page.rpartition("/")[0], {}), self._ids)

    def markdown(self, text: str, link: Links) -> Markup:
        def resolve(slug: str) -> str | None:
            return link.plan(slug) if slug in self.index.by_slug else None

        return Markup(markdown.render(text, resolve))

    def doc_id(self, title: str, number: str) -> str:
        """The id of the documents page for a basis entry (number if known, else title)."""
        if number and ("", number) in self._doc_ids:
            return self._doc_ids[("", number)]
        found = self._doc_ids.get((title, number)) or (self._doc_titles.get(fold(title)) if not number else None)
        return found or file_id(number or title)

    def cards(self, slugs: Iterable[str], link: Links) -> Markup:
        """The cards of a list of plans by slug, joined: one call from a template rather than one per plan."""
        by_slug = self.index.by_slug
        html = []
        for slug in slugs:
            plan = by_slug.get(slug)
            if plan is None:
                raise UndefinedError(f"no plan {slug!r} in the index")
            html.append(self.card(plan, link))
        return Markup("".join(html))

    def card(self, plan: Plan, link: Links) -> Markup:
        """A plan's list entry: the same for every page in one folder, so rendered once per folder."""
        key = (plan.slug, link._page.rpartition("/")[0])
        html = self._cards.get(key)
        if html is None:
            html = self._cards[key] = self._card_from(plan, link)
        return html

    def _card_from(self, plan: Plan, link: Links) -> Markup:
        """The card made for another folder when every href it asked for is the same from this one, else a new one.

        A card is a function of its plan and of the hrefs `link` gave it: the template sees no other
        trace of the page it is on (a card that reads `link.page` is kept for its own folder only).
        """
        made = self._card_hrefs.setdefault(plan.slug, [])
        for card in made:
            if all(link.to(target) == href for target, href in card.hrefs):
                return card.html
        recorder = _RecordingLinks(link)
        context = {"plan": plan, "link": recorder, "t": self.t, "index": self.index, "site": self.site,
                   "urls": urls}
        html = Markup(self.env.get_template("_card.html").render(context))
        if not recorder.saw_page:
            made.append(_Card(html, tuple(recorder.asked)))
        return html


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process (serve, tests): a rebuild skips Jinja's compiler.

    Buckets are keyed by template name and file, and carry the source's checksum, so an edited
    template is compiled again. With `persist(folder)` (the CLI's build cache) they are also kept
    on disk, so the next `plangen build` process does not compile them either; a file that does
    not load (other Python, damaged) is ignored by Jinja and compiled again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self.folder: Path | None = None

    def persist(self, folder: Path | None) -> None:
        self.folder = folder

    def _file(self, key: str) -> Path | None:
        return self.folder / (hashlib.sha1(key.encode("utf-8")).hexdigest() + ".jbc") if self.folder else None

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])
            return
        file = self._file(bucket.key)
        if file is not None and file.is_file():
            with file.open("rb") as stream:
                bucket.load_bytecode(stream)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        file = self._file(bucket.key)
        if file is not None:
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                tmp = file.with_suffix(".tmp")
                tmp.write_bytes(self._code[bucket.key])
                os.replace(tmp, file)
            except OSError:
                return


_COMPILED = _MemoryBytecodeCache()


def persist_templates(folder: Path | None) -> None:
    """Keep compiled templates in `folder` as well as in memory (None: memory only)."""
    _COMPILED.persist(folder)


def make_env(user_templates: Path | None) -> Environment:
    loaders = []
    if user_templates is not None and user_templates.is_dir() and user_templates.resolve() != default_theme().resolve():
        loaders.append(FileSystemLoader(str(user_templates)))
    loaders.append(FileSystemLoader(str(default_theme())))
    env = Environment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, finalize=_printable,
                      bytecode_cache=_COMPILED)
    return env


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_FIND_CONTROL = _CONTROLS.search


def _printable(value: Any) -> Any:
    """Every printed value without the control characters HTML forbids (a plan's text may hold them)."""
    if isinstance(value, str) and _FIND_CONTROL(value) is not None:  # searching is cheaper than substituting
        cleaned = _CONTROLS.sub("", value)
        return Markup(cleaned) if isinstance(value, Markup) else cleaned
    return value  # nothing to drop: the value itself (str stays str, Markup stays Markup)


_REFERENCE = re.compile(r"""{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")
_LOADED_BY_CODE = {"_macros.html": ("_card.html",)}  # plan_card() renders _card.html through Renderer.card


def template_fingerprints(user_templates: Path | None) -> dict[str, str]:
    """For each template name, a hash of its source and of every template it pulls in."""
    sources: dict[str, str] = {}
    for folder in [default_theme(), *([user_templates] if user_templates and user_templates.is_dir() else [])]:
        for file in folder.glob("*.html"):
            sources[file.name] = file.read_text("utf-8")
    prints: dict[str, str] = {}
    for name in sources:
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            if current not in seen and current in sources:
                seen.add(current)
                todo.extend(_REFERENCE.findall(sources[current]))
                todo.extend(_LOADED_BY_CODE.get(current, ()))
        prints[name] = hashlib.sha256("\0".join(f"{n}\0{sources[n]}" for n in sorted(seen)).encode()).hexdigest()
    return prints


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
