"""Search benchmark: Pagefind index time and size, and query-to-results time in Chromium.

    python bench/search_bench.py                       # example site and 1,000 plans, 3 runs
    python bench/search_bench.py --sizes 1000 5000 --runs 5 --results bench/RESULTS-search.md

For each site (the repository's example plans; N generated plans from bench/corpus.py) the site
is built once without search, then the search step (`plangen.search.index_site`: spacing the
plan pages' Chinese for the index, then Pagefind's extended binary) runs `--runs` times; the
median is reported with its spread. Size: the whole pagefind/ bundle, and the part that grows with
the plans (index chunks, fragments, metadata) apart from the fixed scripts and wasm.

In the browser (Debian's Chromium through Playwright, site served on 127.0.0.1), the time from
the query entering the search field to the first result being shown is measured inside the page
(performance.now(), no Playwright round trips), for several queries; the first query of a page
also loads Pagefind's wasm and index (cold), the others reuse them (warm). The times include
Pagefind UI's 300 ms input debounce, which a reader also waits for.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import platform
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from plangen import search
from plangen.build import BuildOptions, build

QUERIES = ["帮扶", "领导小组", "送教下乡", "结对帮扶", "实施方案", "青溪县", "培训", "工作要求"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
FIXED = {"pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-worker.js", "pagefind-highlight.js",
         "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js",
         "pagefind-component-ui.css", "wasm.unknown.pagefind"}


def built_site(root: Path, out: Path) -> int:
    """The site with its search box and search page (the index is then rebuilt and timed)."""
    result = build(BuildOptions(root=root, output=out, persistent_cache=False))
    assert result.ok, [p.message for p in result.problems if p.is_error][:5]
    return result.plans


def time_index(out: Path, plans: int, runs: int) -> dict[str, Any]:
    seconds, cpu = [], []
    for _ in range(runs):
        before = time.process_time() + _children_cpu()
        report = search.index_site(out, plans)
        assert report.ok and report.pages == plans, report.line()
        seconds.append(report.seconds)
        cpu.append(time.process_time() + _children_cpu() - before)
    bundle = out / search.BUNDLE
    data = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and f.name not in FIXED)
    files = sum(1 for f in bundle.rglob("*") if f.is_file())
    return {"plans": plans, "median": statistics.median(seconds), "cpu": statistics.median(cpu), "min": min(seconds), "max": max(seconds),
            "total": search.folder_size(bundle), "data": data, "files": files, "words": report.words}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


QUERY_JS = """async (q) => {
  const input = document.querySelector('.pagefind-ui__search-input');
  const shown = () => { const m = document.querySelector('.pagefind-ui__message');
    return m && m.textContent.includes(q) && document.querySelector('.pagefind-ui__result-link'); };
  input.value = ''; input.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise(r => { const c = () => document.querySelector('.pagefind-ui__result') ? requestAnimationFrame(c) : r(); c(); });
  const t0 = performance.now();
  input.value = q; input.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise(r => { const c = () => shown() ? r() : requestAnimationFrame(c); c(); });
  return performance.now() - t0;
}"""


def time_queries(browser: Any, folder: Path, rounds: int) -> dict[str, Any]:
    server = serve(folder)
    cold, warm = [], []
    try:
        for _ in range(rounds):
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/search.html")
            page.wait_for_selector(".pagefind-ui__search-input")
            for n, q in enumerate(QUERIES):
                (cold if n == 0 else warm).append(page.evaluate(QUERY_JS, q))
            page.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"cold": statistics.median(cold), "warm": statistics.median(warm), "warm_max": max(warm),
            "queries": len(warm) + len(cold)}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; load average {load}"


def report(rows: list[tuple[str, dict[str, Any], dict[str, Any] | None]], command: str, pagefind: str) -> str:
    out = ["# Search benchmark (Pagefind)", "", f"Command: `{command}`  ", f"Machine: {machine()}  ",
           f"Pagefind: {pagefind}; Chromium: /usr/bin/chromium (headless)  ",
           f"Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", "",
           "## Index (the search step of `plangen build`: spacing + Pagefind extended)", "",
           ("| site | plans indexed | wall time, median (min–max) | CPU time, median | bundle total | index data "
           "| files | words |"),
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, idx, _ in rows:
        out.append(f"| {name} | {idx['plans']} | {idx['median']:.2f} s ({idx['min']:.2f}–{idx['max']:.2f}) | "
                   f"{idx['cpu']:.2f} s | "
                   f"{idx['total'] / 1024:.0f} KiB | {idx['data'] / 1024:.0f} KiB | {idx['files']} | {idx['words']} |")
    out += ["", "CPU time = plangen's spacing of the pages plus Pagefind's own (a child process); on a loaded",
            "machine it is the steadier figure. The generated corpus holds a few drafts, which are not published.",
            "", "Index data = index chunks, fragments and metadata (grows with the plans); the rest of the",
            "bundle is Pagefind's fixed scripts, styles and wasm (~550 KiB), fetched only by the search page.",
            "", "## Query to results in the browser", "",
            f"Queries: {', '.join(QUERIES)}. Time from the query entering the field to the first result link",
            "shown, measured in the page; includes Pagefind UI's 300 ms debounce.", "",
            "| site | cold (first query of a page, median) | warm median | warm max | queries |",
            "|---|---:|---:|---:|---:|"]
    for name, _, q in rows:
        if q:
            out.append(f"| {name} | {q['cold']:.0f} ms | {q['warm']:.0f} ms | {q['warm_max']:.0f} ms | {q['queries']} |")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3, help="browser pages per site (each runs every query)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--results", type=Path, help="write a Markdown report here")
    args = parser.parse_args(argv)
    binary = search.executable()
    if binary is None:
        print("the extended Pagefind binary is missing: pip install 'pagefind[extended]'", file=sys.stderr)
        return 2
    import subprocess

    pagefind = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=False).stdout.strip()
    browser = driver = None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        driver = sync_playwright().start()
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
    rows = []
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        sites = [("example (plans/)", REPO)]
        for n in args.sizes:
            import corpus

            corpus.generate(Path(tmp) / f"c{n}", n)
            config = Path(tmp) / f"c{n}" / "plangen.yaml"  # the corpus turns search off for build benchmarks
            config.write_text(config.read_text("utf-8").replace("search: false", "search: true"), "utf-8")
            sites.append((f"generated {n:,}", Path(tmp) / f"c{n}"))
        for name, root in sites:
            out = Path(tmp) / f"out-{len(rows)}"
            plans = built_site(root, out)
            idx = time_index(out, plans, args.runs)
            queries = time_queries(browser, out, args.rounds) if browser else None
            rows.append((name, idx, queries))
            print(name, idx, queries, flush=True)
    if browser is not None and driver is not None:
        browser.close()
        driver.stop()
    command = "python bench/search_bench.py " + " ".join(argv)
    text = report(rows, command.strip(), pagefind)
    print(text)
    if args.results:
        args.results.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
