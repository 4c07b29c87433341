"""`plangen serve` in a real browser: an open tab reloads itself after a save, keeps its scroll
position, shows the problems of a bad save as an overlay and drops it after the fix.

Debian's Chromium through Playwright (never a downloaded browser). Without them the test is
skipped with a loud reason on a developer's machine and FAILS when the environment variable CI
is set, so CI cannot go green without having run it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_serve_live import YAML_PLAN, Server, edit, make_project

CHROMIUM = Path(os.environ.get("PLANGEN_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser test cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"BROWSER TEST SKIPPED: {reason} (in CI this is a failure)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install playwright; never `playwright install`)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def test_an_open_page_reloads_itself_and_shows_problems(browser: Any, tmp_path: Path) -> None:
    server = Server(make_project(tmp_path / "p"))
    try:
        page = browser.new_page(viewport={"width": 700, "height": 360})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(server.url + "plans/dongshan-jiedui-bangfu.html")
        page.wait_for_function("() => document.readyState === 'complete'")
        page.evaluate("() => { window.scrollTo(0, 300); window.__stale = true; }")
        page.wait_for_function("() => window.scrollY >= 290")

        edit(server.root, YAML_PLAN, "两校结成对子", "两校结成浏览器对子")
        page.wait_for_function("() => !window.__stale && document.body.textContent.includes('两校结成浏览器对子')",
                               timeout=10_000)
        page.wait_for_function("() => Math.abs(window.scrollY - 300) < 20", timeout=5_000)

        edit(server.root, YAML_PLAN, "issuer: 东山镇中心小学", "issuer: [东山镇中心小学")
        overlay = page.wait_for_selector("#plangen-problems", timeout=10_000)
        text = overlay.text_content() or ""
        assert YAML_PLAN in text and "构建失败" in text
        assert page.evaluate("() => document.querySelectorAll('#plangen-problems script, #plangen-problems img')"
                             ".length") == 0
        assert "两校结成浏览器对子" in (page.text_content("main") or "")  # the last good page stays

        page.evaluate("() => { window.__stale = true; }")
        edit(server.root, YAML_PLAN, "issuer: [东山镇中心小学", "issuer: 东山镇中心小学")
        page.wait_for_selector("#plangen-problems", state="detached", timeout=10_000)
        edit(server.root, YAML_PLAN, "两校结成浏览器对子", "两校再次结成对子")
        page.wait_for_function("() => !window.__stale && document.body.textContent.includes('两校再次结成对子')",
                               timeout=10_000)
        assert errors == []
    finally:
        assert server.stop() == 0
