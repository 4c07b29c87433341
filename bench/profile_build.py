"""Where a build's CPU time goes: stage timings and the top functions, measured in CPU time.

    python bench/profile_build.py 1000            # cold build, stages run in this process, serially
    python bench/profile_build.py 1000 --edit     # one-plan-edit rebuild through build() (jobs=1)

CPU time (time.process_time) rather than wall time, because the shared machines here are busy:
a wall-clock profile mostly measures the neighbours. Rendering runs serially in this process so
that the profile sees it (a real build forks workers). The corpus is written to /dev/shm.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from plangen import build as build_mod
from plangen.index import build_index
from plangen.output import write_site
from plangen.render import SiteInfo, asset_files
from plangen.workspace import load_workspace


def stages(root: Path, out: Path) -> dict[str, float]:
    """The cold build's stages in order, each timed in CPU seconds."""
    took: dict[str, float] = {}

    def lap(name: str, t: float) -> float:
        now = time.process_time()
        took[name] = now - t
        return now

    t = time.process_time()
    ws = load_workspace(root)
    t = lap("load (read, parse, validate, model)", t)
    plans = [p for p in ws.project.plans if p.status != "draft"]
    index = build_index(plans, ws.registry)
    t = lap("index", t)
    site = SiteInfo(ws.config.title, ws.config.language, ws.config.edit_url, search=False, drafts=False,
                    history=frozenset())
    jobs = build_mod.site_jobs(index, ws.config, site, ws.project.texts)
    t = lap("jobs (pages + fingerprints)", t)
    pages = [j for j in jobs if j.path.endswith(".html")]
    files = build_mod.run_jobs(pages, 1, None)
    t = lap(f"render {len(pages)} HTML pages (serial)", t)
    files.update(build_mod.run_jobs([j for j in jobs if not j.path.endswith(".html")], 1, None))
    files.update(asset_files(ws.config.templates_dir))
    t = lap("data files (feeds, calendars, API, sources)", t)
    write_site(out, files)
    lap(f"write {len(files)} files", t)
    return took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("--edit", action="store_true", help="profile a one-plan-edit rebuild instead")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--stages-only", action="store_true", help="stage CPU times without the profiler's overhead")
    ap.add_argument("--dir", type=Path, default=Path("/dev/shm/plangen-profile"))
    args = ap.parse_args()
    root = args.dir / f"n{args.n}"
    shutil.rmtree(root, ignore_errors=True)
    specs = corpus.generate(root, args.n)
    out = root / "site"
    profiler = cProfile.Profile(time.process_time)
    if args.stages_only:
        took = stages(root, out)
        print(f"cold build, N={args.n}: {sum(took.values()):.2f} CPU s, stages serial, no profiler")
        for name, sec in took.items():
            print(f"  {sec:7.2f} s {sec / sum(took.values()):6.1%}  {name}")
        return 0
    if args.edit:
        options = build_mod.BuildOptions(root=root, output=out, search=False, jobs=1)
        build_mod.build(options)
        edited = root / "plans" / corpus.plan_file(specs[args.n // 2])[0]
        edited.write_text(edited.read_text(encoding="utf-8").replace("制定本方案。", "制定本方案（修订）。", 1),
                          encoding="utf-8")
        t = time.process_time()
        profiler.enable()
        result = build_mod.build(options)
        profiler.disable()
        print(f"one-plan edit rebuild: {time.process_time() - t:.2f} CPU s (profiled), "
              f"{result.rendered} file(s) re-rendered, {result.stats.written if result.stats else '?'} written")
    else:
        profiler.enable()
        took = stages(root, out)
        profiler.disable()
        total = sum(took.values())
        print(f"cold build, N={args.n}: {total:.2f} CPU s (profiled; cProfile adds overhead)")
        for name, sec in took.items():
            print(f"  {sec:7.2f} s {sec / total:6.1%}  {name}")
    stats = pstats.Stats(profiler)
    print("\n-- by own time --")
    stats.sort_stats("tottime").print_stats(args.top)
    print("\n-- by cumulative time --")
    stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
