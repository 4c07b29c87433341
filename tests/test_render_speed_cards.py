"""The render caches (hrefs per folder, plan cards made once per plan for every folder depth) change no
output byte."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from incremental_helpers import generated
from jinja2 import Template

from plangen.build import BuildOptions, build
from plangen.index import Index, build_index
from plangen.jobs import CARDS_APART_FROM
from plangen.pages import Page, all_pages
from plangen.render import CompiledTemplates, Links, Renderer, SiteInfo
from plangen.workspace import load_workspace

REPO = Path(__file__).resolve().parents[1]


def _example(user_templates: Path | None = None) -> tuple[Index, SiteInfo, list[Page]]:
    ws = load_workspace(REPO)
    index = build_index([p for p in ws.project.plans if p.status != "draft"], ws.registry)
    site = SiteInfo(ws.config.title, ws.config.language, ws.config.edit_url, search=False, drafts=False,
                    history=frozenset())
    return index, site, [p for p in all_pages(index) if p.path.endswith(".html")]


@pytest.fixture(scope="module")
def example() -> tuple[Index, SiteInfo, list[Page]]:
    return _example()


def test_one_renderer_for_all_pages_equals_a_fresh_renderer_per_page(
        example: tuple[Index, SiteInfo, list[Page]]) -> None:
    """Cards and hrefs kept for other pages and folders give the bytes a page rendered alone gets."""
    index, site, pages = example
    compiled = CompiledTemplates()  # (each renderer compiles no template again)
    shared = Renderer(index, site, None, compiled)
    together = {p.path: shared.render(p) for p in pages}
    alone = {p.path: Renderer(index, site, None, compiled).render(p) for p in pages}
    assert together == alone
    assert {depth for _, depth in shared._cards} == {0, 1}  # cards were asked for from both folder depths


@pytest.mark.parametrize("card", [None, "<li>{{ plan.slug }} on {{ link.page }}</li>\n"])
def test_cards_made_by_another_renderer_and_kept_give_the_same_pages(
        example: tuple[Index, SiteInfo, list[Page]], tmp_path: Path, card: str | None) -> None:
    """(build.py has a worker make every card while it plans the outputs, and keeps them.)"""
    index, site, pages = example
    if card is not None:  # a card made for each page: kept as such
        (tmp_path / "_card.html").write_text(card, "utf-8")
    templates = tmp_path if card is not None else None
    made = Renderer(index, site, templates).prepared(index.plans)
    assert set(made.cards) == {p.slug for p in index.plans}
    keeping = Renderer(index, site, templates)
    keeping.keep_prepared(made)
    alone = Renderer(index, site, templates)
    assert {p.path: keeping.render(p) for p in pages} == {p.path: alone.render(p) for p in pages}


def test_a_card_that_reads_the_page_is_made_for_each_page(
        example: tuple[Index, SiteInfo, list[Page]], tmp_path: Path) -> None:
    index, site, pages = example
    (tmp_path / "_card.html").write_text("<li>{{ plan.slug }} on {{ link.page }}</li>\n", "utf-8")
    renderer = Renderer(index, site, tmp_path)
    folders = set()
    for page in pages:
        if page.template in ("bucket.html", "document.html", "org.html"):
            html = renderer.render(page)
            assert f" on {page.path}</li>".encode() in html, page.path
            folders.add(page.path.partition("/")[0])
    assert len(folders) >= 3


def test_each_card_is_made_once(example: tuple[Index, SiteInfo, list[Page]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Once per plan for every page of every folder (and twice more for one plan, compared without _ROOT)."""
    index, site, pages = example
    made: list[str] = []
    render = Template.render

    def counted(self: Template, *args: object, **kwargs: object) -> str:
        if self.name == "_card.html":
            made.append(args[0]["plan"].slug)  # type: ignore[index]
        return render(self, *args, **kwargs)

    monkeypatch.setattr(Template, "render", counted)
    renderer = Renderer(index, site, None)
    for page in pages:
        renderer.render(page)
    assert len(set(made)) == len(index.plans) > 3
    assert len(made) <= len(index.plans) + 2


_HREF = re.compile(r'href="([^"]*)"')


def _targets(page: str, html: str) -> list[str]:
    """Where each href of `html` leads from `page`, as a path from the site root."""
    return [posixpath.normpath(posixpath.join(posixpath.dirname(page), h)) for h in _HREF.findall(html)]


@pytest.mark.parametrize("depth_one", ["plans/x.html", "orgs/x.html", "categories/x.html", "people/x.html"])
def test_a_card_is_the_same_in_every_folder_of_one_depth(example: tuple[Index, SiteInfo, list[Page]],
                                                         depth_one: str) -> None:
    index, site, _ = example
    shared = Renderer(index, site, None)
    for plan in index.plans:
        made_here = Renderer(index, site, None).card(plan, Links(depth_one, index))
        assert made_here == shared.card(plan, Links("tags/y.html", index)), (plan.slug, depth_one)
        at_root = shared.card(plan, Links("index.html", index))
        assert "\ufdd0" not in made_here + at_root
        assert made_here.count('href="../') == made_here.count("href=") >= 2  # every href goes up, then down
        assert _targets(depth_one, made_here) == _targets("index.html", at_root)
        assert f"plans/{plan.slug}.html" in _targets(depth_one, made_here)


@pytest.mark.parametrize("card, expected", [
    ("{% set h = link.plan(plan.slug) %}<li>{{ h ~ '#x' }}</li>", "<li>{up}plans/{slug}.html#x</li>"),
    ("{% set h = link.plan(plan.slug) %}<li>{% if h.startswith('../') %}up {% endif %}{{ h }}</li>",
     "<li>{words}{up}plans/{slug}.html</li>"),
    ("{% macro a(h) %}<a href=\"{{ h }}\">{% endmacro %}<li>{{ a(link.plan(plan.slug)) }}</li>",
     '<li><a href="{up}plans/{slug}.html"></li>'),
    ("<li>{{ link.plan(plan.slug)|length }} {{ link.plan(plan.slug) }}</li>", "<li>{length} {up}plans/{slug}.html</li>"),
])
def test_a_card_that_does_more_with_an_href_than_print_it_is_made_for_each_depth(
        example: tuple[Index, SiteInfo, list[Page]], tmp_path: Path, card: str, expected: str) -> None:
    index, site, _ = example
    (tmp_path / "_card.html").write_text(card, "utf-8")
    renderer = Renderer(index, site, tmp_path)
    for page in ("index.html", "plans/a.html", "tags/b.html", "search.html", "orgs/c.html"):
        up = "../" * page.count("/")
        for plan in index.plans:
            href = f"{up}plans/{plan.slug}.html"
            want = expected.format(up=up, slug=plan.slug, words="up " if up else "", length=len(href))
            assert renderer.card(plan, Links(page, index)) == want, (page, plan.slug)


def test_an_anchor_alone_is_relative_to_each_page() -> None:
    hrefs: dict[str, str] = {}
    index = build_index([])
    assert Links("plans/a.html", index, hrefs).to("#top") == "a.html#top"
    assert Links("plans/b.html", index, hrefs).to("#top") == "b.html#top"
    assert Links("plans/b.html", index, hrefs).to("orgs/x.html") == "../orgs/x.html"
    assert hrefs == {"orgs/x.html": "../orgs/x.html"}


def test_a_card_that_changes_an_href_is_made_for_each_depth_whichever_plan_it_is(
        example: tuple[Index, SiteInfo, list[Page]], tmp_path: Path) -> None:
    """The first card prints its href as it is (and passes the comparison made once); the others do not."""
    index, site, _ = example
    first = index.plans[0].slug
    (tmp_path / "_card.html").write_text(
        f"<li>{{% if plan.slug == '{first}' %}}{{{{ link.plan(plan.slug) }}}}"
        "{% else %}{{ link.plan(plan.slug) ~ '#x' }}{% endif %}</li>", "utf-8")
    renderer = Renderer(index, site, tmp_path)
    for page in ("index.html", "plans/a.html", "tags/b.html"):
        up = "../" * page.count("/")
        for plan in index.plans:
            anchor = "" if plan.slug == first else "#x"
            assert renderer.card(plan, Links(page, index)) == f"<li>{up}plans/{plan.slug}.html{anchor}</li>"


def test_prepare_compiles_every_template_and_makes_every_card_beforehand(
        example: tuple[Index, SiteInfo, list[Page]], monkeypatch: pytest.MonkeyPatch) -> None:
    """What forked workers would each do again (build.py prepares before it forks them)."""
    from jinja2 import Environment

    index, site, pages = example
    renderer = Renderer(index, site, None)
    renderer.prepare(index.plans)
    assert renderer.env.cache is not None
    loaded = {template.name for template in renderer.env.cache.values()}
    assert loaded >= {p.template for p in pages} | {"base.html", "_macros.html", "_card.html", "_steps.html"}
    made: list[str] = []
    render, compile_ = Template.render, Environment._compile

    def counted(self: Template, *args: object, **kwargs: object) -> str:
        made.append(str(self.name))
        return render(self, *args, **kwargs)

    def compiled(self: Environment, *args: object, **kwargs: object) -> object:
        made.append("compiled")
        return compile_(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Template, "render", counted)
    monkeypatch.setattr(Environment, "_compile", compiled)
    together = {p.path: renderer.render(p) for p in pages}
    assert "_card.html" not in made and "compiled" not in made
    assert len(made) == len(pages)
    compiled = CompiledTemplates()
    assert together == {p.path: Renderer(index, site, None, compiled).render(p) for p in pages}


def test_make_all_prepares_once_before_forking_and_never_for_a_small_batch() -> None:
    from plangen.build import PARALLEL_FROM, Job, make_all

    calls: list[str] = []
    many = [Job(f"p{i}.html", str(i), (lambda i=i: str(i).encode())) for i in range(PARALLEL_FROM)]
    made = dict(make_all(many, 2, None, lambda: calls.append("prepared")))
    assert calls == ["prepared"] and made == {j.path: j.make() for j in many}
    dict(make_all(many[:3], 2, None, lambda: calls.append("again")))
    assert calls == ["prepared"]


def test_a_card_template_that_fails_is_one_template_error_when_cards_are_made_beforehand(tmp_path: Path) -> None:
    """Cards are made before the pages (in a worker, or before forking): a `_card.html` that fails
    there is reported by the first page that lists the plan, at the template's line; never a traceback."""
    root = generated(tmp_path / "project", CARDS_APART_FROM + 20, seed=3)
    (root / "templates").mkdir()
    (root / "templates" / "_card.html").write_text("<li>{{ plan.title.nope() }}</li>\n", "utf-8")
    result = build(BuildOptions(root=root, output=tmp_path / "site", search=False, history=False))
    assert not result.ok
    assert [(Path(p.path).name, p.line, p.code) for p in result.problems if p.is_error] == [
        ("_card.html", 1, "template-error")]
