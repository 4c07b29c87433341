"""Helpers for the real-browser tests (tests/test_browser_*.py), loaded as a pytest plugin.

One session builds the example site (with its search index) into a temporary folder, serves it
on 127.0.0.1 twice from `http.server` threads (at `/` and only under `/intranet/plans/`); each
test module starts one headless Debian Chromium through Playwright (a fresh temporary profile;
never a downloaded browser). Each test gets its own browser context and page, with the console errors
and uncaught exceptions of every page it visits collected in `page.errors`.

Missing Chromium, Playwright or axe-core: the tests are skipped with a loud reason on a
developer's machine, and FAIL when the environment variable CI is set (a skip in CI hides a bug).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import quote

import pytest

from plangen.build import BuildOptions, build

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("PLANGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SUBPATH = "/intranet/plans/"
AXE_PLACES = ("tests/node_modules", ".cache/plangen-tests/node_modules")


def unavailable(reason: str) -> NoReturn:
    """Skip loudly here; fail in CI, where a skipped browser test would hide a broken site."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"BROWSER TESTS SKIPPED: {reason} (in CI this is a failure; see .ci/run)")


@dataclass(frozen=True)
class Site:
    folder: Path  # the built site
    url: str  # served at the server's root, ends with /
    sub_url: str  # the same site served only under SUBPATH, ends with /

    def at(self, path: str, sub: bool = False) -> str:
        return (self.sub_url if sub else self.url) + quote(path)

    def file_url(self, path: str) -> str:
        return (self.folder / path).as_uri()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _UnderPrefix(_Quiet):
    """Serves the folder only under SUBPATH; everything else is a 404, as on a shared intranet host."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / ".no-such-file")
        return super().translate_path("/" + path[len(SUBPATH):])


def _serve(handler: type[http.server.SimpleHTTPRequestHandler], folder: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name=f"serve-{handler.__name__}", daemon=True).start()
    return server


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project built once, search index included."""
    out = tmp_path_factory.mktemp("browser") / "site"
    result = build(BuildOptions(root=REPO, output=out))
    assert result.ok, [p.message for p in result.problems]
    if result.search is None or not result.search.ok:
        unavailable(f"the search index was not built: {result.search.line() if result.search else 'no report'}")
    return out


@pytest.fixture(scope="module")  # its server threads end with the module: later tests may fork (parallel.py)
def site(built_site: Path) -> Iterator[Site]:
    root = _serve(_Quiet, built_site)
    sub = _serve(_UnderPrefix, built_site)
    try:
        yield Site(built_site, f"http://127.0.0.1:{root.server_port}/",
                   f"http://127.0.0.1:{sub.server_port}{SUBPATH}")
    finally:
        for server in (root, sub):
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One Chromium per test module: a live sync Playwright would break any other module that
    starts its own (test_serve_browser.py), so it is stopped when the module's tests are done."""
    if not CHROMIUM.is_file():
        unavailable(f"{CHROMIUM} not found (apt-get install chromium fonts-noto-cjk)")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed (pip install playwright; never `playwright install`)")
    driver = sync_playwright().start()
    try:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    except Error as exc:
        driver.stop()
        unavailable(f"Chromium did not start: {str(exc).splitlines()[0]}")
    try:
        yield browser
    finally:
        browser.close()
        driver.stop()


@pytest.fixture(scope="module")
def browser_context(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context: Any) -> Iterator[Any]:
    """A fresh page; `page.errors` lists the console errors and uncaught exceptions of its pages."""
    tab = browser_context.new_page()
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text} @ {tab.url}")
           if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(f"uncaught: {exc} @ {tab.url}"))
    tab.errors = errors
    try:
        yield tab
    finally:
        tab.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's axe.min.js, installed from npm by .ci/run (or $AXE_CORE_JS)."""
    candidates = [Path(os.environ["AXE_CORE_JS"])] if os.environ.get("AXE_CORE_JS") else []
    candidates += [REPO / AXE_PLACES[0] / "axe-core/axe.min.js", Path.home() / AXE_PLACES[1] / "axe-core/axe.min.js"]
    for path in candidates:
        if path.is_file():
            return path
    npm = "npm" if shutil.which("npm") else "npm (not installed)"
    unavailable(f"axe-core not found in {[str(c) for c in candidates]}: "
                f"{npm} install --prefix ~/.cache/plangen-tests axe-core@4")


def first_href(tab: Any, selector: str) -> str:
    """The href of the first element matching selector, failing clearly when there is none."""
    found = tab.locator(selector).first
    assert found.count() == 1, f"no {selector} on {tab.url}"
    return str(found.get_attribute("href"))
