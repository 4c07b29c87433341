"""Chinese full-text search in a real browser: Pagefind index, search page, search box, file://.

The expected plans come from the built pages themselves: every plan page whose content
(data-pagefind-body) contains the query as a substring. That is what a Chinese reader expects.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pytest

if TYPE_CHECKING:
    from browser import Site


pytest_plugins = ["browser"]

# a word mid-sentence, an organisation, a person (from plans/), and a phrase
QUERIES = ["帮扶", "青溪县实验小学", "马国庆", "送教下乡"]
FILTERS = {"类别", "年份", "状态", "单位"}


def plans_containing(folder: Path, word: str) -> set[str]:
    found = set()
    for page in sorted((folder / "plans").glob("*.html")):
        html = page.read_text("utf-8")
        body = html[html.index("data-pagefind-body"):html.index("</article>")]
        if word in re.sub(r"<[^>]+>", "", body):
            found.add(f"plans/{page.name}")
    return found


def search(tab: Any, url: str) -> list[dict[str, str]]:
    """Open the search page at url (?q=…), load every result, return href, excerpt and tags of each."""
    tab.goto(url)
    tab.wait_for_selector(".pagefind-ui__result-link")
    tab.wait_for_function("() => !document.querySelector('.pagefind-ui__result .pagefind-ui__loading')")
    while tab.locator(".pagefind-ui__button").count():
        before = tab.locator(".pagefind-ui__result").count()
        tab.locator(".pagefind-ui__button").click()
        tab.wait_for_function(f"() => document.querySelectorAll('.pagefind-ui__result').length > {before}")
    tab.wait_for_function("() => !document.querySelector('.pagefind-ui__result .pagefind-ui__loading')")
    return tab.eval_on_selector_all(".pagefind-ui__result", """els => els.map(e => ({
        href: e.querySelector('.pagefind-ui__result-link').getAttribute('href'),
        excerpt: e.querySelector('.pagefind-ui__result-excerpt').innerHTML,
        tags: (e.querySelector('.pagefind-ui__result-tags') || {innerText: ''}).innerText}))""")


def relative(hrefs: list[str], prefix: str) -> set[str]:
    assert all(h.startswith(prefix) for h in hrefs), hrefs
    return {h[len(prefix):] for h in hrefs}


@pytest.mark.parametrize("word", QUERIES)
def test_search_finds_every_plan_containing_the_word(page: Any, site: Site, word: str) -> None:
    expected = plans_containing(site.folder, word)
    assert expected, f"example plans no longer contain {word}"
    results = search(page, site.at("search.html") + "?q=" + quote(word))
    assert relative([r["href"] for r in results], "/") == expected
    for r in results:
        assert f"<mark>{word}</mark>" in r["excerpt"], r  # highlighted, characters joined again
        assert "发文单位" in r["tags"] and "实施时间" in r["tags"], r  # issuer and period under the title
    assert page.errors == []


def test_search_box_on_a_plan_page_leads_to_results(page: Any, site: Site) -> None:
    page.goto(site.at("plans/2016-shiyan-jiedui.html"))
    box = page.locator(".search-box input")
    assert box.is_enabled() and not page.locator(".search-offline").first.is_visible()
    box.fill("领导小组")
    box.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q="))
    page.wait_for_selector(".pagefind-ui__result-link")
    page.locator(".pagefind-ui__result-link").first.click()
    page.wait_for_url(re.compile(r"/plans/.+\.html"))
    assert page.locator("h1").inner_text()
    assert page.errors == []


def test_index_filters_category_year_status_organisation(page: Any, site: Site) -> None:
    page.goto(site.at("search.html"))
    plans = json.loads((site.folder / "api/plans.json").read_text("utf-8"))["plans"]
    education = {p["url"] for p in plans if p["category"] == "教育帮扶"}
    found = page.evaluate("""async () => {
        const pf = await import(new URL('pagefind/pagefind.js', location.href).href);
        const filters = await pf.filters();
        const urls = async (filters) => {
            const hits = await pf.search('"帮 扶"', {filters});
            return Promise.all(hits.results.map(async r => (await r.data()).url));
        };
        return {names: Object.keys(filters), education: await urls({'类别': '教育帮扶'}),
                school: await urls({'单位': '青溪县实验小学', '年份': '2016'})};
    }""")
    school = {p["url"] for p in plans if "青溪县实验小学" in [p["issuer"], *p["helpers"], *p["recipients"]]
              and p["period"]["start"].startswith("2016")}
    assert set(found["names"]) == FILTERS
    assert relative(found["education"], "/") == education
    assert relative(found["school"], "/") == school != set()


def test_search_under_a_sub_path(page: Any, site: Site) -> None:
    results = search(page, site.at("search.html", sub=True) + "?q=" + quote("马国庆"))
    assert relative([r["href"] for r in results], "/intranet/plans/") == {"plans/2017-songjiao-xiaxiang.html"}
    page.locator(".pagefind-ui__result-link").first.click()
    page.wait_for_url(re.compile(r"/intranet/plans/plans/2017-songjiao-xiaxiang\.html"))
    assert "马国庆" in page.locator("table.leadership").inner_text()
    assert page.errors == []


def test_from_disk_search_says_to_serve_while_filters_still_work(page: Any, site: Site) -> None:
    page.goto(site.file_url("index.html"))
    note = page.locator(".search-box .search-offline")
    assert note.is_visible() and "plangen serve" in note.inner_text()
    assert page.locator(".search-box input").is_disabled()
    cards = page.locator(".plan-card")
    total = cards.count()
    page.locator("#filters select[name=year]").select_option("2021")
    visible = page.locator(".plan-card:visible")
    assert 0 < visible.count() < total
    assert set(visible.evaluate_all("els => els.map(e => e.dataset.year)")) == {"2021"}
    page.goto(site.file_url("search.html"))
    assert page.locator("main .search-offline").is_visible()
    assert page.errors == []
