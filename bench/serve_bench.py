"""Save-to-disk latency of `plangen serve`: the real loop (watchdog event -> debounce -> build() with
the serve's cache -> files written), on a synthetic corpus, against the cold build of that corpus.

    python bench/serve_bench.py                       # 2,000 plans, 9 plan edits, 5 template edits
    python bench/serve_bench.py --plans 200 --runs 3  # a quick smoke run
    python bench/serve_bench.py --results bench/RESULTS-serve.md

For each edit: t0 just before the editor-style save (write a temporary file, os.replace it over the
plan); the loop records when watchdog delivered the first event, when the debounce released the
build and when build() returned (every changed page, feed and the manifest on disk). A poller also
notes when the edited page's new text is readable on disk. The HTTP server is not involved: it
only reads those files. Search is off, as in the corpus's plangen.yaml (Pagefind is timed apart).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus

from plangen.build import BuildOptions, build
from plangen.render import default_theme
from plangen.serve import Preview, ServeOptions, new_cache


@dataclass(frozen=True)
class Sample:
    watchdog: float  # save -> first event
    debounce: float  # first event -> build starts
    build: float  # build() start -> return (all files written)
    total: float  # save -> build() returned
    visible: float  # save -> the edited page's new text readable on disk
    written: int  # files the rebuild wrote
    rendered: int  # outputs the rebuild rendered (a rendered page whose bytes did not change is not written)


def save(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.swp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def measure(preview: Preview, path: Path, text: str, page: Path, marker: str, timeout: float = 120) -> Sample:
    done = len(preview.timings)
    t0 = time.monotonic()
    save(path, text)
    seen = 0.0
    while time.monotonic() - t0 < timeout:
        built = len(preview.timings) > done
        # polled every 10 ms (the build's own times are taken in its thread, to the microsecond): a
        # poller in this process takes the GIL from the builder thread, which a browser would not
        if not seen and page.is_file() and marker in page.read_text(encoding="utf-8", errors="replace"):
            seen = time.monotonic()
        if built and seen:
            break
        time.sleep(0.01)
    else:
        raise SystemExit(f"no rebuild within {timeout} s")
    t = preview.timings[done]
    assert t.ok, "the edit broke the build"
    return Sample(t.first_event - t0, t.build_start - t.first_event, t.build_end - t.build_start,
                  t.build_end - t0, seen - t0, t.written, t.rendered)


def cold_build(root: Path, runs: int) -> list[float]:
    times = []
    for n in range(runs):
        out = root.parent / f"cold-{n}"
        started = time.perf_counter()
        result = build(BuildOptions(root=root, output=out, persistent_cache=False), None, cache=new_cache())
        times.append(time.perf_counter() - started)
        assert result.ok, result.problems[:3]
        shutil.rmtree(out)
    return times


def plan_edits(preview: Preview, root: Path, runs: int) -> list[Sample]:
    plan = sorted((root / "plans").rglob("*.md"))[len(list((root / "plans").rglob("*.md"))) // 2]
    page = preview.output / "plans" / f"{plan.stem}.html"
    original = plan.read_text(encoding="utf-8")
    samples = []
    for n in range(runs):
        marker = f"第{n + 1}次修订的补充说明"
        samples.append(measure(preview, plan, original.rstrip("\n") + f"\n\n{marker}。\n", page, marker))
        time.sleep(0.3)
    return samples


def template_edits(preview: Preview, root: Path, name: str, page: str, runs: int) -> list[Sample]:
    template = root / "templates" / name
    original = template.read_text(encoding="utf-8")
    samples = []
    for n in range(runs):
        marker = f"<!-- template revision {n + 1} -->"
        at = original.rindex("{% endblock %}")
        samples.append(measure(preview, template, original[:at] + marker + "\n" + original[at:],
                               preview.output / page, marker))
        time.sleep(0.3)
    return samples


def profile_one_edit(root: Path, out: Path, cache: object) -> str:
    """Where one plan edit's build() spends its time: cumulative seconds of the biggest calls."""
    import cProfile
    import io
    import pstats

    plan = min((root / "plans").rglob("*.yaml"))
    plan.write_text(plan.read_text(encoding="utf-8").rstrip("\n") + "\n# 剖析用的修订\n", encoding="utf-8")
    profiler = cProfile.Profile()
    profiler.enable()
    build(BuildOptions(root=root, output=out, persistent_cache=False), None, cache=cache)
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(r"plangen/(?!serve)", 18)
    lines = [ln for ln in text.getvalue().splitlines() if "plangen/" in ln]
    return "\n".join(lines)


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:,.0f}"


def row(label: str, samples: list[Sample]) -> str:
    cols = [[s.total for s in samples], [s.visible for s in samples], [s.watchdog for s in samples],
            [s.debounce for s in samples], [s.build for s in samples]]
    spread = f"{min(cols[0]) * 1000:,.0f}–{max(cols[0]) * 1000:,.0f}"
    written = statistics.median(s.written for s in samples)
    return (f"| {label} | {len(samples)} | **{ms(cols[0])}** ({spread}) | " + " | ".join(ms(c) for c in cols[1:])
            + f" | {statistics.median(s.rendered for s in samples):,.0f} | {written:,.0f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=9, help="plan edits (template edits: about half)")
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--debounce", type=int, default=20, help="ms, as `plangen serve --debounce`")
    parser.add_argument("--results", type=Path, help="write the Markdown table here too")
    parser.add_argument("--profile", action="store_true", help="also profile one plan edit's build()")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="plangen-serve-bench-"))
    try:
        root = work / "corpus"
        corpus.generate(root, args.plans)
        (root / "templates").mkdir()
        for name in ("plan.html", "home.html"):  # user overrides of the theme, so a template edit is a user edit
            shutil.copy(default_theme() / name, root / "templates" / name)
        print(f"corpus: {args.plans} plans in {root}", flush=True)
        cold = cold_build(root, args.cold_runs)
        print(f"cold build: {ms(cold)} ms median of {len(cold)}", flush=True)

        lines: list[str] = []
        preview = Preview(ServeOptions(root=root, debounce=args.debounce / 1000, search=False), say=lines.append)
        started = time.monotonic()
        preview.start()
        preview.first_build.wait()
        first = time.monotonic() - started
        time.sleep(0.5)
        try:
            plan = plan_edits(preview, root, args.runs)
            print(row("one-plan edit", plan), flush=True)
            home = template_edits(preview, root, "home.html", "index.html", max(3, args.runs // 2))
            print(row("template edit: home.html (1 page)", home), flush=True)
            first_plan = min((root / "plans").rglob("*.md")).stem
            tpl = template_edits(preview, root, "plan.html", f"plans/{first_plan}.html", max(3, args.runs // 2))
            print(row(f"template edit: plan.html ({args.plans} pages)", tpl), flush=True)
        finally:
            preview.stop()
        profile = profile_one_edit(root, preview.output, preview.cache) if args.profile else ""
        report = render(args, cold, first, plan, home, tpl, profile)
        print(report)
        if args.results:
            args.results.write_text(report, encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def render(args: argparse.Namespace, cold: list[float], first: float, plan: list[Sample], home: list[Sample],
           tpl: list[Sample], profile: str) -> str:
    head = ("| change | runs | save → build done, ms median (min–max) | save → page readable | "
            "save → watchdog event | debounce | build() | outputs rendered | files written |\n"
            "|---|---|---|---|---|---|---|---|---|")
    debounce_share = statistics.median([s.debounce / s.total for s in plan]) * 100
    return f"""# `plangen serve`: save-to-disk latency

Machine: {platform.machine()}, {os.cpu_count()} CPU(s), Python {platform.python_version()}, {platform.system()};
load average at the end of the run {os.getloadavg()[0]:.1f} / {os.getloadavg()[1]:.1f} / {os.getloadavg()[2]:.1f}
(1 / 5 / 15 min; other work shares this machine, so times above ~2 include waiting for a CPU).
Corpus: `bench/corpus.py` with {args.plans:,} plans (half YAML, half Markdown); search off (as in the corpus's
plangen.yaml). Debounce: {args.debounce} ms of quiet. Command: `python bench/serve_bench.py --plans {args.plans} \
--runs {args.runs}{f' --results {args.results}' if args.results else ''}`.

Cold build of the same corpus (`build()` with a fresh cache into an empty folder): **{ms(cold)} ms** median
of {len(cold)}. The serve's own first build (cold, plus starting the observer): {first * 1000:,.0f} ms.

{head}
{row("one-plan edit (a Markdown plan's body)", plan)}
{row("template edit: home.html (1 page)", home)}
{row(f"template edit: plan.html ({args.plans:,} plan pages)", tpl)}

All times are medians in milliseconds. "save" is just before the editor-style save (write a temporary
file, `os.replace` it over the original); "build done" is when `build()` returned, i.e. every changed page,
feed and the manifest is on disk (the browser is told at that moment); "page readable" is when a poller
first read the new text of the edited page (polled every 10 ms, so as not to slow the builder thread). Debounce is {debounce_share:.1f}% of the one-plan median: it is
the quiet time that merges one save's burst of events (an `os.replace` arrives as a move plus a
modify/close of the folder) into one build.
""" + (f"""
Where one plan edit's `build()` spends its time (cProfile, cumulative seconds; profiling slows it):

```
{profile}
```
""" if profile else "")


if __name__ == "__main__":
    raise SystemExit(main())
