"""Where a cold build's CPU time goes, per stage and per kind of output file (page template, or
kind of machine-readable file): `python bench/profile_scale.py 5000`.

Stages as bench/profile_build.py times them (imported from it: load, index, jobs, rendering serially
in this process, data files, writing); then every job made again, serially, its CPU time summed by
kind: how much each page kind costs in all and per page. CPU time (time.process_time), because the
machine is shared. The corpus is written to /dev/shm.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import profile_build

from plangen import build as build_mod
from plangen.index import build_index
from plangen.pages import all_pages
from plangen.render import SiteInfo
from plangen.workspace import load_workspace


def kind_of(path: str, templates: dict[str, str]) -> str:
    if path in templates:
        return templates[path]
    for prefix, kind in (("plans/", "plan calendar (.ics)"), ("sources/", "source download"),
                         ("api/plans/", "API: one plan"), ("api/list/", "API: list page"), ("sitemaps/", "sitemap")):
        if path.startswith(prefix):
            return kind
    return path


def by_kind(root: Path) -> dict[str, tuple[int, float]]:
    ws = load_workspace(root)
    plans = [p for p in ws.project.plans if p.status != "draft"]
    index = build_index(plans, ws.registry)
    site = SiteInfo(ws.config.title, ws.config.language, ws.config.edit_url, search=False, drafts=False,
                    history=frozenset())
    jobs = build_mod.site_jobs(index, ws.config, site, ws.project.texts)
    templates = {page.path: page.template for page in all_pages(index)}
    build_mod.run_jobs(jobs[:50], 1, None)  # templates compiled, first cards made: not charged to a kind
    found: dict[str, list[float]] = defaultdict(list)
    for job in jobs:
        t = time.process_time()
        job.make()
        found[kind_of(job.path, templates)].append(time.process_time() - t)
    return {k: (len(v), sum(v)) for k, v in found.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("--dir", type=Path, default=Path("/dev/shm/plangen-profile-scale"))
    args = ap.parse_args()
    root = args.dir / f"n{args.n}"
    shutil.rmtree(root, ignore_errors=True)
    corpus.generate(root, args.n)
    took = profile_build.stages(root, root / "site")
    total = sum(took.values())
    print(f"cold build, N={args.n}: {total:.2f} CPU s, stages serial, no profiler")
    for name, sec in took.items():
        print(f"  {sec:7.2f} s {sec / total:6.1%}  {name}")
    kinds = by_kind(root)
    print(f"\nevery output file made again, serially, by kind (N={args.n}):")
    print(f"  {'kind':32} {'files':>7} {'CPU s':>8} {'ms/file':>8}")
    for kind, (count, sec) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
        print(f"  {kind:32} {count:7,} {sec:8.2f} {1000 * sec / count:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
