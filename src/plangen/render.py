"""Pages to HTML with Jinja2: the one home of jinja2. Autoescape on, StrictUndefined.

Templates receive data and a `link` helper that turns output paths into hrefs relative to the
page being rendered; they never build links themselves. A user's `templates/` folder overrides
any file of the default theme by name.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from jinja2 import (
    TemplateError,
    UndefinedError,
)
from markupsafe import Markup

from . import markdown, urls
from .diff.html import render_diff_html
from .i18n import translator
from .index import Index
from .model import Person, Plan
from .names import file_id
from .pages import Page
from .problems import Problem, error
from .render_env import CompiledTemplates, make_env
from .theme import asset_files, default_theme, template_fingerprints
from .timeline_svg import timeline_svg
from .vocabulary import fold
from .wording import msg

__all__ = ["CompiledTemplates", "Links", "RenderError", "Renderer", "SiteInfo", "asset_files", "default_theme",
           "make_env", "template_fingerprints"]


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
    Every href goes through `to` (the links of a plan card count the hrefs they give: see _CardLinks).
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
        return self.to(urls.bucket("tags", file_id(name)))

    def category(self, name: str) -> str:
        return self.to(urls.bucket("categories", file_id(name)))


_ROOT = "\ufdd0"  # in a card being made: the way up from the page's folder to the site root (see _CardLinks)


class _CardLinks(Links):
    """The links of a card being made: each href is `up` (_ROOT, or "../" once per folder level) then the
    target's path from the site root; counts the hrefs it gave and notes whether the card read the page."""

    def __init__(self, link: Links, up: str, root_hrefs: dict[str, str]) -> None:
        super().__init__(link._page, link.index, root_hrefs, link._ids)
        self._up = up
        self._marked = up == _ROOT
        self.given = 0
        self.saw_page = False

    @property
    def page(self) -> str:
        self.saw_page = True
        return self._page

    def to(self, target: str) -> str:
        if target[:1] in ("", "#"):  # relative to the page's own file name
            self.saw_page = True
            return urls.relative(self._page, target)
        href = self._hrefs.get(target)
        if href is None:
            href = self._hrefs[target] = urls.relative(urls.HOME, target)
        self.given += 1
        return _ROOT + href if self._marked else self._up + href


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
        return error(self.file, self.line, 0, "", msg("render.template-error", page=self.page, detail=self.message),
                     code="template-error")


class Renderer:
    def __init__(self, index: Index, site: SiteInfo, user_templates: Path | None,
                 compiled: CompiledTemplates | None = None) -> None:
        self.index = index
        self.site = site
        self.env = make_env(user_templates, site.language, compiled)
        self._words = translator(site.language)
        self._cards: dict[tuple[str, int], Markup] = {}  # (slug, folder depth) -> card
        self._rooted: dict[str, str | int] = {}  # slug -> card with _ROOT for the way up, or _PER_DEPTH / _PER_PAGE
        self._marker: bool | None = None  # whether cards can be made with _ROOT (None: no card compared yet)
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

    def t(self, key: str) -> str:
        """An interface text (i18n.py) for a key made while rendering; an unknown one is a template error."""
        try:
            return self._words(key)
        except KeyError as exc:
            raise UndefinedError(str(exc.args[0])) from None

    def prepare(self, plans: Iterable[Plan]) -> None:
        """Every template compiled and every plan's card made, in this process: before its pages are
        shared among forked workers, which would each compile and make them again."""
        for name in self.env.list_templates(filter_func=lambda name: name.endswith(".html") and "/" not in name):
            try:
                self.env.get_template(name)
            except TemplateError:
                continue  # reported by the page that uses it, if any does
        link = self._links(urls.HOME)
        for plan in plans:
            try:
                self.card(plan, link)
            except TemplateError:
                return  # (made again, and reported at its line, by the first page that lists that plan)

    def prepared(self, plans: Iterable[Plan]) -> Prepared:
        """Every plan's card as `_card_at` keeps it (made with _ROOT for the way up), made here for
        `keep_prepared` in another process: a worker makes them while this process plans the outputs
        (jobs.all_jobs_and_cards)."""
        link = self._links(urls.HOME)
        for plan in plans:
            if plan.slug not in self._rooted:
                try:
                    self._rooted[plan.slug] = self._rooted_card(plan, link)
                except TemplateError:
                    break  # (made again, and reported at its line, by the first page that lists that plan)
        return Prepared(dict(self._rooted), self._marker)

    def keep_prepared(self, made: Prepared) -> None:
        """The cards `prepared` made in another process, kept here (the same templates, index and site)."""
        if self._marker is None:
            self._marker = made.marker
        for slug, card in made.cards.items():
            self._rooted.setdefault(slug, card)

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

    def forget_cards(self, slugs: Iterable[str]) -> None:
        """Make these plans' cards again when next asked for (their text changed and the card may show it)."""
        gone = set(slugs)
        if not gone:
            return
        for key in [k for k in self._cards if k[0] in gone]:
            del self._cards[key]
        for slug in gone:
            self._rooted.pop(slug, None)

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
        """A plan's list entry: the same for every page at one folder depth (its hrefs go up to the site
        root, then down), so made once per plan and depth."""
        depth = link._page.count("/")
        html = self._cards.get((plan.slug, depth))
        if html is None:
            html = self._card_at(plan, link, depth)
        return html

    def _card_at(self, plan: Plan, link: Links, depth: int) -> Markup:
        """The card made once per plan with _ROOT for the way up, with "../" once per level put in its place.

        A card is a function of its plan and of the hrefs its links give: the template sees no other
        trace of the page it is on. A card that reads `link.page` is made for each page; one that does
        anything with an href but print it as it is, once per depth.
        """
        rooted = self._rooted.get(plan.slug)
        if rooted is None:
            rooted = self._rooted[plan.slug] = self._rooted_card(plan, link)
        if rooted == _PER_PAGE:
            return self._card_html(plan, link)
        up = "../" * depth
        if rooted == _PER_DEPTH:
            html = self._card_html(plan, _CardLinks(link, up, self._root_hrefs()))
        else:
            assert isinstance(rooted, str)
            html = Markup(rooted.replace(_ROOT, up))
        self._cards[(plan.slug, depth)] = html
        return html

    def _rooted_card(self, plan: Plan, link: Links) -> str | int:
        """The card with _ROOT where each href's way up goes, or how often it must be made instead."""
        if self._marker is False:
            return _PER_DEPTH
        links = _CardLinks(link, _ROOT, self._root_hrefs())
        html = str(self._card_html(plan, links))
        if links.saw_page:
            return _PER_PAGE
        if html.count(_ROOT) != links.given:  # an href was changed, or printed another number of times
            return _PER_DEPTH
        if self._marker is None:  # once: a card that tests its hrefs is made once per depth, all along
            self._marker = all(html.replace(_ROOT, up) == self._card_html(plan, _CardLinks(link, up, self._root_hrefs()))
                               for up in ("", "../"))
        return html if self._marker else _PER_DEPTH

    def _root_hrefs(self) -> dict[str, str]:
        return self._hrefs.setdefault("", {})  # the hrefs from the site root's folder

    def _card_html(self, plan: Plan, link: Links) -> Markup:
        context = {"plan": plan, "link": link, "t": self.t, "index": self.index, "site": self.site, "urls": urls}
        return Markup(self.env.get_template("_card.html").render(context))


_PER_DEPTH, _PER_PAGE = 1, 2  # a card made for each folder depth, for each page (see Renderer._card_at)
class Prepared(NamedTuple):
    """What `Renderer.prepared` made in a worker: each plan's card with _ROOT (or how often it must be
    made), and whether _ROOT can be used."""

    cards: dict[str, str | int]
    marker: bool | None
