"""The built example site in a real browser: navigation, filters, phone width, print, accessibility."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pytest

if TYPE_CHECKING:
    from browser import Site

pytest_plugins = ["browser"]

START = "plans/2016-shiyan-jiedui.html"
PERSON = "周文涛"  # in the leadership of START and of another plan


def one_of_each(folder: Path) -> list[str]:
    """One page of every kind the site has (plus the search page with a query)."""
    pages = ["index.html", "timeline.html", "404.html", START, "search.html?q=" + quote("帮扶")]
    for kind in ("orgs", "people", "documents", "tags", "categories", "years", "status"):
        found = sorted(p.relative_to(folder).as_posix() for p in (folder / kind).glob("*.html"))
        pages += [p for p in found if p.endswith("/index.html")] + [p for p in found if not p.endswith("/index.html")][:1]
    return pages


def click(tab: Any, selector: str, url_part: str) -> None:
    link = tab.locator(selector).first
    assert link.count() == 1, f"no {selector} on {tab.url}"
    link.click()
    tab.wait_for_url(re.compile(re.escape(quote(url_part)) + r"[^/]*\.html"))
    assert tab.locator("h1").first.inner_text().strip(), tab.url


@pytest.mark.parametrize("sub", [False, True], ids=["root", "sub-path"])
def test_click_plan_person_plan_organisation_document(page: Any, site: Site, sub: bool) -> None:
    page.goto(site.at("index.html", sub))
    click(page, f'.plan-card a.plan-title[href$="{START.split("/")[1]}"]', "plans/2016-shiyan-jiedui")
    click(page, f'table.leadership a:text-is("{PERSON}")', f"people/{PERSON}")
    click(page, 'td a[href*="plans/"]:not([href$="2016-shiyan-jiedui.html"])', "plans/")
    other = page.url
    click(page, ".plan-meta-panel dd a[data-pagefind-meta=issuer]", "orgs/")
    click(page, f'a[href$="{other.rsplit("/", 1)[1]}"]', "plans/")
    click(page, ".plan-meta-panel ul.basis a", "documents/")
    if sub:
        assert "/intranet/plans/documents/" in page.url
    assert page.errors == []


def test_every_page_kind_fits_a_phone_and_logs_no_errors(page: Any, site: Site) -> None:
    page.set_viewport_size({"width": 320, "height": 740})  # the narrowest phones
    too_wide = {}
    for path in one_of_each(site.folder):
        page.goto(site.url + path)
        if path.startswith("search.html"):
            page.wait_for_function("() => document.getElementById('search').dataset.done")
        size = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if size[0] > size[1]:
            too_wide[path] = size
    assert too_wide == {}
    assert page.errors == []


def test_leadership_table_and_timeline_chart_readable_on_a_phone(page: Any, site: Site) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(site.at("plans/2017-songjiao-xiaxiang.html"))
    sizes = page.eval_on_selector_all("table.leadership td, table.leadership th",
                                      "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 11
    chart = page.locator("figure.chart svg").first
    box = chart.bounding_box()
    assert box and 0 < box["width"] <= 375 and box["height"] > 50
    bars = page.eval_on_selector_all("figure.chart rect.bar", "els => els.map(e => e.getBoundingClientRect().width)")
    assert bars and min(bars) > 0
    labels = page.eval_on_selector_all("figure.chart text", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert min(labels) >= 10


def test_home_filters_narrow_the_list_and_work_by_keyboard(page: Any, site: Site) -> None:
    page.goto(site.at("index.html"))
    cards = page.locator(".plan-card")
    total = cards.count()
    data = cards.evaluate_all("els => els.map(e => ({...e.dataset}))")
    page.locator("#filters input[name=text]").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "year"
    page.keyboard.press("ArrowDown")  # the first year
    year = page.evaluate("() => document.activeElement.value")
    assert year
    shown = page.locator(".plan-card:visible").evaluate_all("els => els.map(e => e.dataset.year)")
    assert shown == [d["year"] for d in data if d["year"] == year] and len(shown) < total
    assert page.locator(".filter-status").inner_text().startswith(f"{len(shown)} / {total}")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "category"
    page.keyboard.press("ArrowDown")
    category = page.evaluate("() => document.activeElement.value")
    expected = [d for d in data if d["year"] == year and d["category"] == category]
    assert page.locator(".plan-card:visible").count() == len(expected)
    assert page.locator(".no-results").is_visible() == (not expected)
    page.locator("#filters select[name=year]").select_option("")
    page.locator("#filters select[name=category]").select_option("")
    page.locator("#filters select[name=status]").select_option("completed")
    assert page.locator(".plan-card:visible").count() == sum(1 for d in data if d["status"] == "completed")


def test_print_hides_navigation_and_search(page: Any, site: Site) -> None:
    page.goto(site.at(START))
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-nav", ".search-box", ".toc", ".plan-aside"):
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("article.plan h1").is_visible()
    assert page.locator("table.leadership").is_visible()


@pytest.mark.parametrize("path", ["index.html", START, f"people/{PERSON}-青溪县实验小学.html"],
                         ids=["home", "plan", "person"])
def test_no_serious_accessibility_violations(page: Any, site: Site, axe_script: Path, path: str) -> None:
    page.goto(site.at(path))
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")
    assert violations == []
