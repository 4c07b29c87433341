"""Chinese search in a real browser: right results, excerpts from the plan's own text, the search
page in the site's style, hostile values shown as text, from a server, a sub-path and file://.

The expected plans come from the published source files (sources/…): every plan whose own file
holds all the query's terms. That is what a Chinese reader expects of a search.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pytest

from plangen.build import BuildOptions, build

if TYPE_CHECKING:
    from browser import Site


pytest_plugins = ["browser"]

DONE = "() => document.getElementById('search').dataset.done"
RESULTS = """els => els.map(e => ({
    href: e.querySelector('h2 a').getAttribute('href'), title: e.querySelector('h2 a').textContent,
    kind: e.querySelector('.search-kind').textContent,
    excerpt: (e.querySelector('.search-excerpt') || {textContent: ''}).textContent,
    marks: Array.from(e.querySelectorAll('mark')).map(m => m.textContent)}))"""


def plans_holding(folder: Path, terms: list[str]) -> set[str]:
    return {f"plans/{f.stem}.html" for f in (folder / "sources").iterdir()
            if all(t in f.read_text("utf-8") for t in terms)}


def search(tab: Any, url: str) -> list[dict[str, Any]]:
    """Open the search page at url (?q=…), show every result, return what each shows."""
    tab.goto(url)
    tab.wait_for_function(DONE)
    while tab.locator("#search-more").is_visible():
        before = tab.locator(".search-result").count()
        tab.locator("#search-more").click()
        tab.wait_for_function(f"() => document.querySelectorAll('.search-result').length > {before}")
    results: list[dict[str, Any]] = tab.eval_on_selector_all(".search-result", RESULTS)
    return results


def relative(hrefs: list[str], prefix: str = "./") -> list[str]:
    assert all(h.startswith(prefix) for h in hrefs), hrefs
    return [h[len(prefix):] for h in hrefs]


@pytest.mark.parametrize("query, own_page", [("马国庆", "people/"), ("送教下乡", ""), ("许丽华 副局长", "people/"),
                                              ("青溪县实验小学", "orgs/")])
def test_every_plan_holding_all_terms_is_found_title_matches_first_terms_highlighted(
        page: Any, site: Site, query: str, own_page: str) -> None:
    terms = query.split()
    results = search(page, site.at("search.html") + "?q=" + quote(query))
    hrefs = relative([r["href"] for r in results])
    plans = {h for h in hrefs if h.startswith("plans/")}
    assert plans == plans_holding(site.folder, terms) != set()
    if own_page:  # the person's or organisation's own page, first: its title is the query
        assert hrefs[0].startswith(own_page) and results[0]["title"] == terms[0]
    in_title = [all(t in r["title"] for t in terms) for r in results]
    assert in_title == sorted(in_title, reverse=True)  # title matches first
    for r in results:
        assert set(r["marks"]) <= set(terms), r  # whole terms, never single characters
        if r["kind"] == "方案":
            assert all(t in r["excerpt"] + r["title"] for t in terms), r
    count = page.locator("#search-status").inner_text()
    assert count == f"共 {len(results)} 个结果"
    assert page.errors == []


def test_excerpts_are_the_plans_own_text_never_the_metadata_panel(page: Any, site: Site) -> None:
    results = search(page, site.at("search.html") + "?q=" + quote("帮扶"))
    assert len(results) > 5
    for r in results:
        if r["kind"] != "方案":
            continue
        assert "帮扶" in r["marks"], r
        assert not re.search(r"(状态|实施时间|类别|标签)(实施中|已完成|\d{4}|.{2}帮扶)", r["excerpt"]), r
        source = next((site.folder / "sources").glob(r["href"][len("./plans/"):-len(".html")] + ".*"))
        text = source.read_text("utf-8")
        pieces = [p for p in re.split(r"…| (?=\S+：)", r["excerpt"]) if p.strip()]
        labels = ("发文单位：", "帮扶方：", "受援方：", "类别：", "标签：", "组长：", "副组长：", "成员：")
        for piece in pieces:  # each piece is text of the plan's file (Markdown emphasis aside)
            bare = piece.strip()
            for label in labels:
                bare = bare.removeprefix(label)
            assert bare[:12] in text.replace("**", ""), (piece, r["href"])
    assert page.errors == []


def test_search_page_is_the_sites_own_one_box_keyboard_filters_no_shift(page: Any, site: Site) -> None:
    page.goto(site.at("search.html") + "?q=" + quote("帮扶"))
    page.wait_for_function(DONE)
    assert page.locator("input[type=search]").count() == 1
    font = page.evaluate("() => [getComputedStyle(document.body).fontFamily, "
                         "getComputedStyle(document.querySelector('.search-excerpt')).fontFamily, "
                         "parseFloat(getComputedStyle(document.querySelector('.search-excerpt')).fontSize)]")
    assert font[0] == font[1] and font[2] >= 15
    shift = page.evaluate("""() => new Promise(done => { let total = 0;
        new PerformanceObserver(l => l.getEntries().forEach(e => total += e.value))
          .observe({type: 'layout-shift', buffered: true});
        setTimeout(() => done(total), 300); })""")
    assert shift < 0.01
    all_count = page.locator(".search-result").count()
    plans = json.loads((site.folder / "api/plans.json").read_text("utf-8"))["plans"]
    before = page.evaluate(DONE)
    page.focus("select[name=f-category]")  # from the keyboard: the category list, one step down
    page.keyboard.press("ArrowDown")
    page.wait_for_function(f"() => document.getElementById('search').dataset.done !== '{before}'")
    chosen = page.locator("select[name=f-category]").input_value()
    shown = relative(page.eval_on_selector_all(".search-result h2 a", "els => els.map(e => e.getAttribute('href'))"))
    wanted = {p["url"] for p in plans if p["category"] == chosen} & plans_holding(site.folder, ["帮扶"])
    assert set(shown) == wanted and 0 < len(shown) < all_count
    page.fill("#search-q", "没有这个词语")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('没有找到')")
    assert page.locator(".search-result").count() == 0
    assert page.errors == []


PAYLOAD = "<img src=x onerror=window.__xss=1>"
HOSTILE_PLAN = f"""\
    ---
    title: 'XSS{PAYLOAD}结对帮扶方案'
    issuer: '{PAYLOAD}教育局'
    date: 2023-03-01
    status: active
    category: '{PAYLOAD}'
    tags: ['<script>window.__xss=2</script>', 稳就业]
    partners:
      helpers: ['{PAYLOAD}中学']
      recipients: ['"><svg onload=window.__xss=3>小学']
    ---

    # 方案

    为推动城乡结对帮扶，制定本方案。{PAYLOAD}正文里的标签也是文字。

    ## 指导思想

    坚持结对帮扶，<i onclick=window.__xss=4>务求实效</i>。

    ## 组织领导

    组长：<b onmouseover=window.__xss=5>王明</b>（教育局局长）

    ## 实施步骤

    ### 动员阶段（2023年3月1日至3月31日）

    召开动员会<script>window.__xss=6</script>。

    ## 补贴标准

    | 对象 | 标准 |
    |---|---|
    | 王小明 | 每月500元 |

    ## 工作要求

    各校要明确责任。
    """


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-search")
    (root / "plans").mkdir()
    (root / "plangen.yaml").write_text("title: 搜索\n", "utf-8")
    (root / "plans/xss.md").write_text(textwrap.dedent(HOSTILE_PLAN), "utf-8")
    result = build(BuildOptions(root=root, output=root / "site", persistent_cache=False, history=False))
    assert result.ok, [p.message for p in result.problems if p.is_error]
    return root / "site"


def test_hostile_values_are_text_everywhere_in_the_search_ui(page: Any, hostile_site: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    url = (hostile_site / "search.html").as_uri()  # from disk, too: no server needed
    for query in ("xss", "img", "教育局", "中学", "小学", "稳就业", "script", "王明", "正文", "动员会", "王小明"):
        results = search(page, url + "?q=" + quote(query))
        assert results, query
    assert "王小明 │ 每月500元" in results[0]["excerpt"]  # table cells apart, never glued
    for select in ("f-category", "f-org"):
        options = page.eval_on_selector_all(f"select[name={select}] option", "os => os.map(o => o.value)")
        assert any("<img" in o or "<svg" in o for o in options), options  # the value, as text
        page.goto(url + "?q=" + quote("方案") + f"&{select}=" + quote(options[-1]))
        page.wait_for_function(DONE)
    inside = page.evaluate("() => document.querySelectorAll('#search img, #search svg, #search script, #search b, "
                           "#search i').length")
    assert inside == 0 and dialogs == [] and page.evaluate("() => window.__xss") is None
    assert PAYLOAD in page.locator(".search-result h2 a").first.inner_text()
    assert page.errors == []


def test_header_box_leads_to_results_and_links_work_under_a_sub_path(page: Any, site: Site) -> None:
    page.goto(site.at("plans/2016-shiyan-jiedui.html", sub=True))
    box = page.locator(".search-box input")
    box.fill("马国庆")
    box.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q="))
    page.wait_for_function(DONE)
    page.locator(".search-result h2 a[href*='plans/']").first.click()
    page.wait_for_url(re.compile(r"/intranet/plans/plans/2017-songjiao-xiaxiang\.html"))
    assert "马国庆" in page.locator("table.leadership").inner_text()
    assert page.errors == []
