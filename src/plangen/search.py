"""Full-text search: the one home of Pagefind.

Pagefind reads the written site and writes a static search bundle into `pagefind/`; the browser
searches it with WebAssembly, no server code. Chinese has no spaces, so only Pagefind's
*extended* binary (`pip install 'pagefind[extended]'`) indexes it: the plain binary finds almost
no words. Plan pages mark their content `data-pagefind-body` (so navigation and list pages are not
indexed), their title/issuer/period `data-pagefind-meta` and their category, year, status and
organisations `data-pagefind-filter`.

The build asks `off_reason()` before rendering (so the search box is only shown when search will
run), then calls `index_site()` after writing. The index is written beside the site and swapped in
whole, so an old bundle never mixes with a new one; a failed or short index is reported, never
left silently empty.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem, warning
from .search_html import spaced_html

BUNDLE = "pagefind"
KEEP = (BUNDLE + "/",)  # output prefixes that the manifest cleanup must leave alone
LANGUAGE = "zh"  # plan text is Chinese whatever the interface language; one index, one segmenter
INSTALL_HINT = "pip install 'pagefind[extended]' (the extended binary segments Chinese), or build with --no-search"
TIMEOUT = 900.0
PENDING = "the index is made after the pages"  # a build that left indexing to its caller (serve)


@dataclass(frozen=True, slots=True)
class SearchReport:
    """What the search step did: for the build summary and its one warning."""

    ran: bool
    ok: bool
    pages: int = 0
    expected: int = 0
    words: int = 0
    size: int = 0  # bytes of the whole bundle (index, fragments, scripts, wasm)
    seconds: float = 0.0
    reason: str = ""  # why search is off or failed

    def line(self) -> str:
        if self.ok:
            return (f"search: {self.pages} plan page(s) indexed, {self.words} words, "
                    f"{self.size / 1024:.0f} KiB in {self.seconds:.2f} s")
        if not self.ran:
            return f"search: off ({self.reason})"
        return f"search: FAILED after {self.seconds:.2f} s, site built without the search box ({self.reason})"

    def problem(self) -> Problem | None:
        """A warning for the build report when search was wanted but is not there."""
        if self.ok or not self.reason or self.reason in (NO_SEARCH, CONFIG_OFF):
            return None
        return warning(BUNDLE, 0, 0, "search", f"no search index: {self.reason}; the site is built without "
                       "the search box", hint=INSTALL_HINT, code="search-unavailable")


NO_SEARCH = "--no-search"
CONFIG_OFF = "search: false in plangen.yaml"


def executable() -> Path | None:
    """The extended Pagefind binary: $PAGEFIND_BINARY_PATH, the pagefind[extended] wheel, or PATH."""
    env = os.environ.get("PAGEFIND_BINARY_PATH")
    if env:
        return Path(env) if Path(env).is_file() else None
    try:
        wheel = importlib.import_module("pagefind_bin_extended")
        found = Path(wheel.get_executable())
        if found.is_file():
            return found
    except (ImportError, OSError, AttributeError):
        pass
    on_path = shutil.which("pagefind_extended")
    return Path(on_path) if on_path else None


def off_reason(wanted: bool, config_wanted: bool = True, plans: int = 1) -> str:
    """Why search will not run ('' when it will). Cheap: looks for the binary, runs nothing."""
    if not wanted:
        return NO_SEARCH
    if not config_wanted:
        return CONFIG_OFF
    if plans == 0:
        return "no plans to index"
    if executable() is None:
        plain = " (only the plain binary is installed, which cannot segment Chinese)" if shutil.which("pagefind") else ""
        return "the extended Pagefind binary was not found" + plain
    return ""


def skipped(reason: str) -> SearchReport:
    return SearchReport(ran=False, ok=False, reason=reason)


def run(out: Path, expected: int, off: str) -> SearchReport:
    """The build's search step: index the site, or (search off) drop a bundle no page links to."""
    if off:
        remove_bundle(out)
        return skipped(off)
    return index_site(out, expected)


def index_site(out: Path, expected: int) -> SearchReport:
    """Index the written site at `out` into `out/pagefind/`; check it holds `expected` plan pages."""
    started = time.perf_counter()
    binary = executable()
    if binary is None:
        return skipped(off_reason(True))
    staging = out / f".{BUNDLE}-new"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with tempfile.TemporaryDirectory(prefix="plangen-search-") as source:
            prepare_source(out, Path(source))
            command = [str(binary), "--site", source, "--output-path", str(staging.resolve()),
                       "--force-language", LANGUAGE]
            done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                                  timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return _failed(out, staging, started, expected, f"could not run {binary.name}: {exc}")
    if done.returncode != 0:
        return _failed(out, staging, started, expected,
                       f"{binary.name} exited with {done.returncode}: {_last_error(done.stderr or done.stdout)}")
    if "(Extended)" not in done.stdout:
        return _failed(out, staging, started, expected,
                       f"{binary} is not the extended Pagefind binary, so Chinese would not be indexed")
    pages = indexed_pages(staging)
    if pages < expected:
        return _failed(out, staging, started, expected,
                       f"the index holds {pages} page(s) but the site has {expected} plan(s); do the plan "
                       "pages still carry data-pagefind-body?")
    _swap(staging, out / BUNDLE)
    words = _stat(done.stdout, "words")
    return SearchReport(True, True, pages, expected, words, folder_size(out / BUNDLE),
                        time.perf_counter() - started)


def prepare_source(out: Path, source: Path) -> int:
    """Copy the pages that have indexable content into `source`, their text spaced (search_html)."""
    copied = 0
    for page in sorted(out.rglob("*.html")):
        html = page.read_text("utf-8", errors="replace")
        if "data-pagefind-body" not in html or BUNDLE in page.relative_to(out).parts[:1]:
            continue
        target = source / page.relative_to(out)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(spaced_html(html), "utf-8")
        copied += 1
    return copied


def indexed_pages(bundle: Path) -> int:
    """Pages in a written bundle, from Pagefind's own entry file (0 when unreadable)."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        return sum(int(lang.get("page_count", 0)) for lang in entry.get("languages", {}).values())
    except (OSError, ValueError, AttributeError, TypeError):
        return 0


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def remove_bundle(out: Path) -> None:
    """Drop an index that no page links to any more (search off or failed)."""
    shutil.rmtree(out / BUNDLE, ignore_errors=True)


def _swap(staging: Path, bundle: Path) -> None:
    old = bundle.with_name(f".{BUNDLE}-old")
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    staging.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


def _failed(out: Path, staging: Path, started: float, expected: int, reason: str) -> SearchReport:
    shutil.rmtree(staging, ignore_errors=True)
    remove_bundle(out)
    return SearchReport(True, False, expected=expected, seconds=time.perf_counter() - started, reason=reason)


def _stat(stdout: str, what: str) -> int:
    found = re.search(rf"Indexed (\d+) {what}", stdout)
    return int(found.group(1)) if found else 0


def _last_error(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith("error")]
    return (errors or lines or ["no output"])[-1][:300]
