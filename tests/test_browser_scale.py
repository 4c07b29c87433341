"""A site of several home pages in a real browser: the filters cover every plan, not only the page shown.

A generated corpus of 150 plans (bench/corpus.py), so the list of all plans has three pages; served over
HTTP, where the home page fetches api/filter.json on the first filter (docs/api.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import corpus
from sitecheck import build_files

from plangen import paging, urls

if TYPE_CHECKING:
    from browser import Site

pytest_plugins = ["browser"]
N = 150


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from browser import Site, _Quiet, _serve  # the plugin's own module, once pytest has loaded it

    base = tmp_path_factory.mktemp("browser-scale")
    corpus.generate(base / "project", N, seed=11)
    build_files(base / "project", base / "site", search=False, history=False)
    server = _serve(_Quiet, base / "site")
    try:
        yield Site(base / "site", f"http://127.0.0.1:{server.server_port}/", "")
    finally:
        server.shutdown()
        server.server_close()


def test_filters_find_plans_beyond_the_page_shown(page: Any, big_site: Site) -> None:
    entries = json.loads((big_site.folder / urls.API).read_text("utf-8"))["plans"]
    assert len(entries) > paging.PLANS_PER_PAGE
    page.goto(big_site.at("index.html"))
    on_page = page.locator("#plan-list .plan-card").count()
    assert on_page == paging.PLANS_PER_PAGE
    oldest = entries[-1]  # on the last page, not on this one
    year = (oldest["date"] or oldest["period"]["start"])[:4]
    expected = [e["slug"] for e in entries if (e["date"] or e["period"]["start"] or "")[:4] == year]
    page.locator("#filters select[name=year]").select_option(year)
    results = page.locator(".filter-results .plan-card")
    results.first.wait_for()
    assert page.locator(".filter-status").inner_text() == f"{len(expected)} / {len(entries)}"
    hrefs = results.evaluate_all("els => els.map(e => e.querySelector('a').getAttribute('href'))")
    assert hrefs == [f"./plans/{slug}.html" for slug in expected]
    assert not page.locator("#plan-list").is_visible() and not page.locator(".home-list .pager").is_visible()
    results.last.locator("a").click()
    page.wait_for_url(f"**/plans/{expected[-1]}.html")
    assert expected[-1] == oldest["slug"] and page.locator("h1").first.inner_text().strip() == oldest["title"]
    page.go_back()
    page.locator("#filters select[name=year]").select_option("")
    assert page.locator("#plan-list").is_visible() and page.locator("#plan-list .plan-card:visible").count() == on_page
    assert page.errors == []


@pytest.mark.parametrize("path", ["index.html", "index/2.html", "timeline.html"], ids=["home", "page-2", "timeline"])
def test_paginated_pages_have_no_serious_accessibility_violations(page: Any, big_site: Site, axe_script: Path,
                                                                  path: str) -> None:
    page.goto(big_site.at(path))
    assert page.locator("nav.pager [aria-current=page]").count() == (0 if path == "timeline.html" else 1)
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")
    assert violations == []
