"""A site that stays light at any size: lists a page at a time, bounded machine-readable files.

One generated corpus of 1,200 plans (bench/corpus.py, the benchmark's own) is built once for the
module, with the sitemap and API page sizes made small so that they, too, come in several parts.
The checks are what a reader and a crawler see: no HTML page over the size bound, every plan
within 4 clicks of the home page following plain links (no JavaScript), numbered pages with
previous/next, sitemaps that parse and keep within the protocol's limits, the API's pages.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import deque
from urllib.parse import unquote, urljoin

import pytest
from conftest import corpus
from sitecheck import build_files

from plangen import feeds, paging, urls

N = 1200
PAGE_BOUND = 300_000  # bytes: the bound at 10,000 plans
# pages here must leave room for what grows with the corpus up to 10,000 plans: a list's pager (a
# numbered link per page, ~60 bytes, for 10,000 / PLANS_PER_PAGE pages) and longer facet counts
HERE_BOUND = PAGE_BOUND - 60 * (10_000 // paging.PLANS_PER_PAGE + 1) - 20_000
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HREF = re.compile(r'<a\b[^>]*?\bhref="([^"#?]*)[^"]*"')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    base = tmp_path_factory.mktemp("scale")
    corpus.generate(base / "project", N, seed=7)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(feeds, "SITEMAP_URLS", 1000)
        mp.setattr(feeds, "API_PER_PAGE", 250)
        return build_files(base / "project", base / "site", search=False, history=False)


def test_no_html_page_exceeds_the_bound(site: dict[str, bytes]) -> None:
    sizes = sorted(((len(data), path) for path, data in site.items() if path.endswith(".html")), reverse=True)
    assert len(sizes) > N
    assert sizes[0][0] <= HERE_BOUND, f"largest pages: {sizes[:5]}"


def test_list_pages_hold_a_bounded_number_of_entries(site: dict[str, bytes]) -> None:
    cards = {path: data.count(b'class="plan-card"') for path, data in site.items() if path.endswith(".html")}
    org_page = len(("issued", "helps", "helped", "groups")) * paging.ORG_FIRST
    assert max(cards.values()) <= max(paging.PLANS_PER_PAGE + paging.HOME_ACTIVE, org_page)
    home_pages = [p for p in site if p == urls.HOME or re.fullmatch(r"index/\d+\.html", p)]
    assert len(home_pages) == paging.page_count(N - _drafts(site), paging.PLANS_PER_PAGE) > 1
    assert sum(cards[p] for p in home_pages if p != urls.HOME) + paging.PLANS_PER_PAGE == N - _drafts(site)


def _drafts(site: dict[str, bytes]) -> int:
    return N - json.loads(site[urls.API])["count"]


def links(path: str, data: bytes) -> list[str]:
    """The pages a page links to, as output paths (plain <a href>, as without JavaScript)."""
    found = []
    for href in HREF.findall(data.decode("utf-8")):
        if href and "://" not in href:
            found.append(unquote(urljoin("/" + path, href).lstrip("/")))
    return found


def test_every_plan_is_within_four_clicks_of_the_home_page(site: dict[str, bytes]) -> None:
    depth = {urls.HOME: 0}
    queue = deque([urls.HOME])
    while queue:
        page = queue.popleft()
        if depth[page] == 4:
            continue
        for target in links(page, site[page]):
            if target in site and target.endswith(".html") and target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    plans = [p for p in site if p.startswith("plans/") and p.endswith(".html")]
    assert len(plans) == N - _drafts(site)
    assert [p for p in plans if p not in depth] == []
    assert max(depth[p] for p in plans) <= 4


def test_pages_are_numbered_with_previous_and_next(site: dict[str, bytes]) -> None:
    first, second = site["index/2.html"].decode(), site[urls.HOME].decode()
    assert 'rel="prev" href="../index.html"' in first and 'rel="next" href="3.html"' in first
    assert 'aria-current="page">2<' in first
    assert 'rel="prev"' not in second and 'rel="next" href="index/2.html"' in second
    last = paging.page_count(N - _drafts(site), paging.PLANS_PER_PAGE)
    assert f'href="index/{last}.html">{last}<' in second  # every page by number, from the first
    assert 'rel="next"' not in site[f"index/{last}.html"].decode()


def test_sitemaps_parse_and_keep_within_the_protocol(site: dict[str, bytes]) -> None:
    index = ET.fromstring(site[urls.SITEMAP])
    assert index.tag == SITEMAP + "sitemapindex"
    parts = [unquote(s.findtext(SITEMAP + "loc") or "") for s in index.findall(SITEMAP + "sitemap")]
    assert len(parts) > 1 and len(parts) <= 50_000
    listed: list[str] = []
    for part in parts:
        data = site[part]
        assert len(data) <= 50 * 1024 * 1024
        root = ET.fromstring(data)
        assert root.tag == SITEMAP + "urlset"
        locs = [unquote(u.findtext(SITEMAP + "loc") or "") for u in root.findall(SITEMAP + "url")]
        assert 0 < len(locs) <= min(50_000, 1000)
        listed += locs
    pages = {p for p in site if p.endswith(".html")} - {urls.NOT_FOUND}
    assert len(listed) == len(set(listed)) and set(listed) == pages


def test_the_api_lists_every_plan_a_page_at_a_time(site: dict[str, bytes]) -> None:
    first = json.loads(site[urls.API])
    assert first["pages"][0] == urls.API and len(first["pages"]) > 1 and first["previous"] == ""
    slugs: list[str] = []
    for number, path in enumerate(first["pages"], 1):
        page = json.loads(site[path])
        assert page["page"] == number and page["pages"] == first["pages"] and len(page["plans"]) <= 250
        assert page["next"] == (first["pages"][number] if number < len(first["pages"]) else "")
        slugs += [p["slug"] for p in page["plans"]]
    assert len(slugs) == first["count"] == len(set(slugs))
    assert all(f"api/plans/{s}.json" in site for s in slugs)
    rows = json.loads(site[urls.FILTER])
    assert [r[rows["fields"].index("slug")] for r in rows["plans"]] == slugs
    issuers = {r[rows["fields"].index("issuer")] for r in rows["plans"]}
    assert all(f"orgs/{rows['orgs'][i]}.html" in site for r in rows["plans"] for i in r[rows["fields"].index("orgs")])
    assert issuers and len(rows["orgs"]) >= len(issuers)


def test_the_site_calendar_is_bounded(site: dict[str, bytes]) -> None:
    events = site[urls.CALENDAR].count(b"BEGIN:VEVENT")
    newest = json.loads(site[urls.API])["plans"][:feeds.CALENDAR_PLANS]
    assert 0 < events
    assert events == sum(site[urls.plan_ics(p["slug"])].count(b"BEGIN:VEVENT") for p in newest)


def test_pagination_keeps_every_item_once_and_the_first_url() -> None:
    items = list(range(1001))
    pages = paging.paginate("tags/x.html", items, 100)
    assert [p.path for p, _ in pages][:3] == ["tags/x.html", "tags/x/2.html", "tags/x/3.html"]
    assert [i for _, part in pages for i in part] == items
    assert [len(part) for _, part in pages][-2:] == [100, 1]
    assert pages[0][0].previous == "" and pages[-1][0].next == "" and pages[1][0].previous == "tags/x.html"
    assert paging.paginate("x.html", [], 10)[0][0].count == 1


def test_balanced_pages_split_a_long_group() -> None:
    groups = [("2020-01", list(range(5))), ("2020-02", list(range(12))), ("2020-03", [1])]
    pages = paging.balanced(groups, 8)
    assert [sum(len(items) for _, items in page) for page in pages] == [8, 8, 2]
    assert [key for key, _ in pages[1]] == ["2020-02"] and pages[2] == [("2020-02", [11]), ("2020-03", [1])]
