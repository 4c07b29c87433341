"""Search benchmark: what the index costs a build, and what a query costs a reader.

    python bench/search_bench.py                                  # 1,000 plans, 3 runs
    python bench/search_bench.py --sizes 1000 5000 --runs 3 --results bench/RESULTS-search.md

For each size, bench/corpus.py writes N plans (search turned on). Every build is a fresh
`python -m plangen build` process, as a publisher runs it; a run is: cold build without search,
cold build with search (output folder and .plangen-cache/ deleted before each), no-change build,
one-plan edit (one sentence of one plan), all with search unless said. Wall and CPU time (the
child's user + system) are taken; the search stage's own time is read from the build's summary
line. Medians over the runs, with min–max.

In the browser (Debian's Chromium through Playwright, the site served on 127.0.0.1), for each
query on a fresh page: the time from the query being submitted to its results shown, measured in
the page (performance.now(), no Playwright round trips): the first query of a page, then the
others ("after the first query"). Bytes: the transfer size of every index file one query
loads on a fresh page (meta.js, the shards of its pairs, the records of the first 20 results, 8 records to a file).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import corpus

QUERIES = ["帮扶", "领导小组", "送教下乡", "结对帮扶 培训", "实施方案", "青溪县", "工作要求", "副局长"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SEARCH_LINE = re.compile(r"search: .* in ([\d.]+) s")


def plangen(root: Path, out: Path, *extra: str) -> tuple[float, float, float]:
    """(wall s, CPU s, search stage s) of one `plangen build` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "plangen", "build", "-C", str(root), "-o", str(out), *extra],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")},
                          check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode == 0, done.stdout + done.stderr
    found = SEARCH_LINE.search(done.stdout)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, float(found.group(1)) if found else 0.0


def cold(root: Path, out: Path, *extra: str) -> tuple[float, float, float]:
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(root / ".plangen-cache", ignore_errors=True)
    return plangen(root, out, *extra)


def bench_builds(root: Path, out: Path, runs: int, edited: Path) -> dict[str, list[tuple[float, float, float]]]:
    kinds: dict[str, list[tuple[float, float, float]]] = {k: [] for k in ("cold_off", "cold", "nochange", "edit")}
    original = edited.read_text("utf-8")
    for r in range(runs):
        edited.write_text(original, "utf-8")
        kinds["cold_off"].append(cold(root, out.with_name(out.name + "-off"), "--no-search"))
        kinds["cold"].append(cold(root, out))
        kinds["nochange"].append(plangen(root, out))
        edited.write_text(original.replace("制定本方案。", f"制定本方案（第{r + 1}次修订）。", 1), "utf-8")
        kinds["edit"].append(plangen(root, out))
        print(r, {k: v[-1] for k, v in kinds.items()}, flush=True)
    edited.write_text(original, "utf-8")
    return kinds


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


QUERY_JS = """async (q) => {
  const box = document.getElementById('search'), form = document.getElementById('search-form');
  const before = box.dataset.done;
  const t0 = performance.now();
  form.elements.q.value = q;
  form.requestSubmit();
  await new Promise(r => new MutationObserver((_, o) => { if (box.dataset.done !== before) { o.disconnect(); r(); } })
    .observe(box, {attributes: true, attributeFilter: ['data-done']}));
  return performance.now() - t0;
}"""
BYTES_JS = """() => performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'))
  .reduce((n, e) => n + e.transferSize, 0)"""


def bench_queries(browser: Any, folder: Path, rounds: int) -> dict[str, Any]:
    server = serve(folder)
    first, after, sizes = [], [], []
    url = f"http://127.0.0.1:{server.server_port}/search.html"
    try:
        for _ in range(rounds):
            page = browser.new_page()
            for q in QUERIES:  # bytes of one query on a fresh page (no cache between pages: new context each)
                fresh = browser.new_context()
                tab = fresh.new_page()
                tab.goto(url + "?q=" + q)
                tab.wait_for_function("() => document.getElementById('search').dataset.done")
                sizes.append(tab.evaluate(BYTES_JS))
                fresh.close()
            page.goto(url)
            page.wait_for_function("() => document.getElementById('search').dataset.done")
            for n, q in enumerate(QUERIES):
                (first if n == 0 else after).append(page.evaluate(QUERY_JS, q))
            page.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"first": statistics.median(first), "after": statistics.median(after), "after_max": max(after),
            "bytes": statistics.median(sizes), "bytes_max": max(sizes), "queries": len(first) + len(after)}


RECALL = ["送教下乡", "结对帮扶 培训", "云州市教育局"]


def recall(browser: Any, folder: Path) -> list[tuple[str, int, int, int]]:
    """For each RECALL query: (query, plans whose published source holds every term, plans found,
    plans found that do not hold them), every result page loaded ("show more")."""
    texts = {f.stem: f.read_text("utf-8") for f in (folder / "sources").iterdir()}
    page, rows = browser.new_page(), []
    for q in RECALL:
        want = {k for k, t in texts.items() if all(term in t for term in q.split())}
        page.goto((folder / "search.html").as_uri() + "?q=" + q)
        page.wait_for_function("() => document.getElementById('search').dataset.done")
        while page.locator("#search-more").is_visible():
            n = page.locator(".search-result").count()
            page.locator("#search-more").click()
            page.wait_for_function(f"() => document.querySelectorAll('.search-result').length > {n}")
        hrefs = page.eval_on_selector_all(".search-result h2 a", "e => e.map(a => decodeURI(a.getAttribute('href')))")
        got = {h[len("./plans/"):-len(".html")] for h in hrefs if h.startswith("./plans/")}
        rows.append((q, len(want), len(got & want), len(got - want)))
    page.close()
    return rows


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; load average {load}"


def _med(values: list[tuple[float, float, float]], i: int) -> str:
    xs = [v[i] for v in values]
    return f"{statistics.median(xs):.2f} s ({min(xs):.2f}–{max(xs):.2f})"


def report(rows: list[tuple[int, dict[str, Any], dict[str, Any], dict[str, Any] | None]], command: str,
           loads: list[str]) -> str:
    out = ["# Search benchmark (plangen's own index)", "", f"Command: `{command}`  ", f"Machine: {machine()}  ",
           f"Load average at the start of each size: {'; '.join(loads)}  ",
           f"Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", "",
           "## Builds (fresh `plangen build` processes; medians, min–max)", "",
           ("| plans | cold, no search | cold, search | search stage in the cold build | no change | one-plan edit "
           "| search stage in the edit |"),
           "|---:|---:|---:|---:|---:|---:|---:|"]
    for n, b, _, _ in rows:
        out.append(f"| {n:,} | {_med(b['cold_off'], 0)} | {_med(b['cold'], 0)} | {_med(b['cold'], 2)} | "
                   f"{_med(b['nochange'], 0)} | {_med(b['edit'], 0)} | {_med(b['edit'], 2)} |")
    out += ["", "CPU time (user + system of the build process), medians:", "",
            "| plans | cold, no search | cold, search | no change | one-plan edit |", "|---:|---:|---:|---:|---:|"]
    for n, b, _, _ in rows:
        out.append(f"| {n:,} | {_med(b['cold_off'], 1)} | {_med(b['cold'], 1)} | {_med(b['nochange'], 1)} | "
                   f"{_med(b['edit'], 1)} |")
    out += ["", "Targets (ratios of medians; wall time, then CPU time):", ""]
    for n, b, _, _ in rows:
        def m(kind: str, i: int, b: dict[str, Any] = b) -> float:
            return statistics.median(v[i] for v in b[kind])
        out.append(f"- {n:,} plans: one-plan edit / cold = {m('edit', 0) / m('cold', 0):.0%} wall, "
                   f"{m('edit', 1) / m('cold', 1):.0%} CPU (target ≤ 25%); search stage / cold = "
                   f"{m('cold', 2) / m('cold', 0):.0%} (target ≤ 30%).")
    out += ["", "## Index", "", "| plans | records | files | total size |", "|---:|---:|---:|---:|"]
    for n, _, idx, _ in rows:
        out.append(f"| {n:,} | {idx['records']:,} | {idx['files']:,} | {idx['size'] / 1024:.0f} KiB |")
    out += ["", "## Queries in the browser", "",
            f"Queries: {', '.join(QUERIES)}. Time from submitting the query to its results shown, in the page.",
            "", ("| plans | first query of a page (median) | after the first: median | max | "
            "bytes for one query on a fresh page: median | max | queries |"),
            "|---:|---:|---:|---:|---:|---:|---:|"]
    for n, _, _, q in rows:
        if q:
            out.append(f"| {n:,} | {q['first']:.0f} ms | {q['after']:.0f} ms | {q['after_max']:.0f} ms | "
                       f"{q['bytes'] / 1024:.0f} KiB | {q['bytes_max'] / 1024:.0f} KiB | {q['queries']} |")
    out += ["", ("Recall (from file://, every result page loaded): plans whose published source file holds every "
            "term, found, and found without them:"), ""]
    for n, _, _, q in rows:
        for query, want, found, extra in (q or {}).get("recall", []):
            out.append(f"- {n:,} plans, {query}: {want} holding, {found} found, {extra} wrongly found")
    return "\n".join(out) + "\n"


def index_size(out: Path) -> dict[str, Any]:
    files = [f for f in (out / "search").rglob("*") if f.is_file()]
    meta = (out / "search/meta.js").read_text("utf-8")
    found = re.search(r'"docs":(\d+)', meta)
    return {"files": len(files), "size": sum(f.stat().st_size for f in files),
            "records": int(found.group(1)) if found else 0}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2, help="browser pages per size (each runs every query)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--results", type=Path, help="write a Markdown report here")
    args = parser.parse_args(argv)
    browser = driver = None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        driver = sync_playwright().start()
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
    rows, loads = [], []
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        for n in args.sizes:
            loads.append(f"{n:,}: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
            root = Path(tmp) / f"c{n}"
            specs = corpus.generate(root, n)
            config = root / "plangen.yaml"  # the corpus turns search off for the build benchmarks
            config.write_text(config.read_text("utf-8").replace("search: false", "search: true"), "utf-8")
            edited = root / "plans" / corpus.plan_file(specs[n // 2])[0]
            out = Path(tmp) / f"out{n}"
            builds = bench_builds(root, out, args.runs, edited)
            cold(root, out)
            queries = bench_queries(browser, out, args.rounds) if browser else None
            if queries is not None:
                queries["recall"] = recall(browser, out)
            rows.append((n, builds, index_size(out), queries))
            print(n, queries, flush=True)
    if browser is not None and driver is not None:
        browser.close()
        driver.stop()
    text = report(rows, ("python bench/search_bench.py " + " ".join(argv)).strip(), loads)
    print(text)
    if args.results:
        args.results.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
