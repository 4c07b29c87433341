"""The render caches (hrefs per folder, plan cards shared between folders) change no output byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangen.index import Index, build_index
from plangen.pages import Page, all_pages
from plangen.render import Links, Renderer, SiteInfo
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
    shared = Renderer(index, site, None)
    together = {p.path: shared.render(p) for p in pages}
    alone = {p.path: Renderer(index, site, None).render(p) for p in pages}
    assert together == alone
    assert len({folder for _, folder in shared._cards}) > 3  # cards were asked for from several folders


def test_a_card_that_reads_the_page_is_not_shared_between_folders(
        example: tuple[Index, SiteInfo, list[Page]], tmp_path: Path) -> None:
    index, site, pages = example
    (tmp_path / "_card.html").write_text("<li>{{ plan.slug }} on {{ link.page }}</li>\n", "utf-8")
    renderer = Renderer(index, site, tmp_path)
    by_folder = {}
    for page in pages:
        if page.template in ("bucket.html", "document.html"):
            by_folder.setdefault(page.path.partition("/")[0], (page, renderer.render(page)))
    assert len(by_folder) >= 2
    for folder, (page, html) in by_folder.items():
        assert f" on {page.path}</li>".encode() in html, folder


def test_an_anchor_alone_is_relative_to_each_page() -> None:
    hrefs: dict[str, str] = {}
    index = build_index([])
    assert Links("plans/a.html", index, hrefs).to("#top") == "a.html#top"
    assert Links("plans/b.html", index, hrefs).to("#top") == "b.html#top"
    assert Links("plans/b.html", index, hrefs).to("orgs/x.html") == "../orgs/x.html"
    assert hrefs == {"orgs/x.html": "../orgs/x.html"}
