"""Reading a plan as an official document, in a real browser: tables on phones, the measure of the
text, the printed PDF, the 404 page at any depth, and the reader's sense of place.

The example site (tests/browser.py) in Debian's Chromium; the PDF is Chromium's own (page.pdf), read
back with poppler's pdftotext.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from test_browser_site import START, one_of_each

from plangen.serve_http import Broadcaster, PreviewServer

if TYPE_CHECKING:
    from browser import Site

pytest_plugins = ["browser"]

PERSON_PAGE = "people/周文涛-青溪县实验小学.html"
MEASURE = 45  # at most this many Chinese characters a line of body text

# For each cell: the lines its text takes, and its length; a cell of several characters that takes
# as many lines as it has characters is broken one character a line.
CELL_LINES = """els => els.filter(e => e.offsetParent !== null && e.textContent.trim()).map(e => {
  const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), tops = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      if (!node.data[i].trim()) continue;
      const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
      const top = range.getBoundingClientRect().top;
      if (!tops.some(t => Math.abs(t - top) < 4)) tops.push(top);
    }
  }
  return {text: e.textContent.trim(), lines: tops.length};
})"""


def test_tables_stack_on_a_phone_and_never_break_a_term(page: Any, site: Site) -> None:
    for width in (375, 320):
        page.set_viewport_size({"width": width, "height": 740})
        for path in ("plans/2017-songjiao-xiaxiang.html", START, PERSON_PAGE):
            page.goto(site.at(path))
            cells = page.eval_on_selector_all("main table td", CELL_LINES)
            assert cells, path
            broken = [c for c in cells if len(c["text"]) > 1 and c["lines"] >= len(c["text"])]
            assert broken == [], (width, path)
            short = [c for c in cells if len(c["text"]) <= 6 and c["lines"] > 1]  # 办公室主任, 副县长 …
            assert short == [], (width, path)
            labels = page.eval_on_selector_all("main table.stack td", "els => els.map(e => getComputedStyle(e, '::before').content)")
            assert all(label not in ("none", "normal", '""') for label in labels), path  # each value says what it is
            size = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert size[0] <= size[1], (width, path, size)


def test_body_text_is_at_most_45_characters_a_line_on_every_page_kind(page: Any, site: Site) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    too_long = {}
    for path in one_of_each(site.folder):
        if path.startswith("search.html"):
            continue
        page.goto(site.at(path))
        widest = page.evaluate("""() => Math.max(0, ...Array.from(document.querySelectorAll('main p, main li, main dd'))
            .filter(e => e.offsetParent !== null)
            .map(e => e.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize)))""")
        if widest > MEASURE:
            too_long[path] = round(widest, 1)
    assert too_long == {}
    # and a real line of a long paragraph: its characters counted, line by line
    page.goto(site.at("plans/2017-songjiao-xiaxiang.html"))
    per_line = page.evaluate("""() => {
        const p = Array.from(document.querySelectorAll('.part p')).sort((a, b) => b.textContent.length - a.textContent.length)[0];
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT), counts = {};
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          for (let i = 0; i < text.length; i++) {
            const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
            const top = Math.round(r.getBoundingClientRect().top / 8); counts[top] = (counts[top] || 0) + 1;
          }
        }
        return Object.values(counts);
    }""")
    assert len(per_line) > 1 and max(per_line) <= MEASURE, per_line


def _words(pdf: Path) -> list[tuple[int, str, float, float, float, float, float, float]]:
    """(page, word, xMin, yMin, xMax, yMax, page width, page height) of every word in the PDF."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60).stdout
    words, number, size = [], 0, (0.0, 0.0)
    for line in out.splitlines():
        found = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if found:
            number, size = number + 1, (float(found[1]), float(found[2]))
            continue
        found = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if found:
            x0, y0, x1, y1 = map(float, found.groups()[:4])
            words.append((number, found[5], x0, y0, x1, y1, *size))
    return words


def test_a_plan_prints_as_an_official_document(page: Any, site: Site, tmp_path: Path) -> None:
    if not shutil.which("pdftotext"):
        from browser import unavailable
        unavailable("pdftotext not found (apt-get install poppler-utils)")
    page.goto(site.at("plans/2017-songjiao-xiaxiang.html"))
    title = page.locator("h1").inner_text().strip()
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    words = _words(pdf)
    pages = max(w[0] for w in words)
    width, height = words[0][6], words[0][7]
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    # the title: the first line of page 1, centred
    first = [w for w in words if w[0] == 1 and abs(w[3] - min(x[3] for x in words if x[0] == 1)) < 2]
    assert "".join(w[1] for w in first) == title
    centre = (min(w[2] for w in first) + max(w[4] for w in first)) / 2
    assert abs(centre - width / 2) < 0.03 * width, centre
    # the metadata block: compact, the first part's heading starts within the upper 40 % of page 1
    text = "".join(w[1] for w in words if w[0] == 1)
    assert "发文单位" in text and "实施时间" in text
    opening = "".join(page.locator("section.part").first.inner_text().split())  # its heading, or its first words
    heading = next(w for w in words if w[0] == 1 and len(w[1]) >= 2 and opening.startswith(w[1]))
    assert heading[3] < 0.4 * height, heading
    # no navigation, search or table of contents
    assert "目录" not in text and "搜索" not in text and "回到顶部" not in text
    # the signature block at the end, right-aligned: issuer, then date
    last = [w for w in words if w[0] == pages and not re.fullmatch(r"[—\d]+", w[1])]
    issuer, date = last[-2], last[-1]
    assert (issuer[1], date[1]) == ("青溪县教育局", "2017年8月25日")
    assert issuer[2] > width / 2 and date[2] > width / 2 and date[3] > issuer[3]
    # page numbers at the foot of every page
    feet = [w for w in words if re.fullmatch(r"\d+", w[1]) and w[3] > 0.9 * height]
    assert sorted(int(w[1]) for w in feet) == list(range(1, pages + 1))


class _NotFoundPage(http.server.SimpleHTTPRequestHandler):
    """A static host with the site under /intranet/plans/ and its 404.html for any missing address
    (nginx: error_page 404 /intranet/plans/404.html)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def translate_path(self, path: str) -> str:
        prefix = "/intranet/plans/"
        if not path.startswith(prefix):
            return str(Path(self.directory) / ".no-such-file")
        return super().translate_path("/" + path[len(prefix):])


@pytest.fixture(scope="module")
def hosts(built_site: Path) -> Iterator[dict[str, str]]:
    """The site under `plangen serve`'s own server, and on a static host under a sub-path."""
    preview = PreviewServer(("127.0.0.1", 0), built_site, Broadcaster())
    static = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_NotFoundPage, directory=str(built_site)))
    for server in (preview, static):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield {"serve": preview.url, "static": f"http://127.0.0.1:{static.server_port}/intranet/plans/"}
    finally:
        preview.close()
        for server in (preview, static):
            server.shutdown()
            server.server_close()


@pytest.mark.parametrize("host, missing", [("serve", "plans/old-name.html"), ("serve", "a/b/c/d.html"),
                                           ("static", "plans/old-name.html")])
def test_the_404_page_is_styled_and_its_links_work_at_any_depth(page: Any, hosts: dict[str, str], host: str,
                                                                missing: str) -> None:
    response = page.goto(hosts[host] + missing)
    assert response.status == 404
    assert page.locator("h1").inner_text() == "页面不存在"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.site-header')).display") == "flex"
    page.locator("a.home-link").click()
    page.wait_for_url(hosts[host] + "index.html")
    assert page.locator(".plan-card").count() > 0


def test_place_contents_timeline_and_dark_mode(page: Any, site: Site) -> None:
    page.goto(site.at("plans/2017-songjiao-xiaxiang.html"))
    assert page.locator("nav.crumbs li").all_inner_texts()[0] == "首页"
    assert page.locator("nav.crumbs [aria-current=page]").inner_text() == page.locator("h1").inner_text()
    page.locator("#steps").scroll_into_view_if_needed()
    page.evaluate("() => window.scrollBy(0, 50)")
    page.wait_for_function("() => document.querySelector('.toc a[aria-current]')?.getAttribute('href') === '#steps'")
    box = page.locator(".toc").bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # still in view, beside the text
    page.locator(".toc-top a").click()
    page.wait_for_function("() => window.scrollY === 0")
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", page.locator("time.changed").inner_text())  # from git
    page.goto(site.at("timeline.html"))
    months = page.eval_on_selector_all("section.month", "els => els.map(e => e.id)")
    assert months == sorted(months, reverse=True) and len(months) > 1
    years = page.locator(".year-jumps a").all_inner_texts()
    assert years == sorted(years, reverse=True)
    page.locator(f'.year-jumps a:text-is("{years[-1]}")').click()
    assert page.evaluate("() => location.hash") == f"#y-{years[-1]}"
    page.emulate_media(color_scheme="dark")
    dark = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    page.emulate_media(color_scheme="light")
    assert dark != page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.errors == []
