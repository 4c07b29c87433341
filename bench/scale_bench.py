"""Build speed at scale: plangen against Hugo given the same page kinds, N up to 10,000.

    python bench/scale_bench.py --sizes 1000,5000,10000 --runs 3 --results bench/RESULTS-scale.md

The same corpus, runner and Hugo site as bench/build_bench.py (imported from it; the Hugo site of
bench/competitors.py has tag, category, person and organisation taxonomies and paginated lists, as
plangen has), without MkDocs and without the one-template edit, so that N = 10,000 fits in the time
of a run. Each run is interleaved (plangen cold, Hugo cold, plangen no-change, plangen one-plan
edit) so machine noise hits both tools alike, and the cold ratio is taken pair by pair within a run.
Output on tmpfs; search indexing off. Memory: the largest single process (ru_maxrss of the build
and its waited children: plangen's forked workers are separate processes).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build_bench as bb

KINDS = ("cold", "hugo", "nochange", "edit_plan")


def bench_size(base: Path, n: int, runs: int, seed: int) -> dict[str, list[bb.Sample]]:
    place, edited = bb.prepare(base / f"scale-{n}", n, seed)
    extra = ["--no-search"]
    original = edited.read_text(encoding="utf-8")
    found: dict[str, list[bb.Sample]] = {k: [] for k in KINDS}
    for r in range(runs):
        edited.write_text(original, encoding="utf-8")
        found["cold"].append(bb.cold_plangen(place, extra))
        found["hugo"].append(bb.hugo_build(place))
        found["nochange"].append(bb.plangen_build(place, extra))
        edited.write_text(original.replace("制定本方案。", f"制定本方案（第{r + 1}次修订）。", 1), encoding="utf-8")
        found["edit_plan"].append(bb.plangen_build(place, extra))
        print(f"  [N={n}] run {r + 1}/{runs}: " + ", ".join(
            f"{k} {v[-1].seconds:.2f}s {v[-1].rss_mb:.0f}MB" for k, v in found.items()), file=sys.stderr, flush=True)
    edited.write_text(original, encoding="utf-8")
    found["pages"] = [bb.Sample(bb.html_count(place.site), 0, 0), bb.Sample(bb.html_count(place.base / "out-hugo"), 0, 0)]
    return found


def median(samples: list[bb.Sample]) -> float:
    return statistics.median(s.seconds for s in samples)


def report(results: dict[int, dict[str, list[bb.Sample]]], command: str) -> str:
    lines = ["# Build speed at scale (plangen against Hugo with the same page kinds)", "",
             f"Command: `{command}`", "",
             ("| N | plangen cold | Hugo cold | cold / Hugo (paired, median) | CPU cold / Hugo | no-change / cold "
              "| one-plan edit / cold | largest process | HTML pages plangen / Hugo |"),
             "|---|---|---|---|---|---|---|---|---|"]
    for n, r in results.items():
        cold = median(r["cold"])
        ratio = statistics.median(c.seconds / h.seconds for c, h in zip(r["cold"], r["hugo"], strict=True))
        peak = max(s.rss_mb for k in ("cold", "nochange", "edit_plan") for s in r[k])
        cpu = statistics.median(s.cpu for s in r["cold"]) / statistics.median(s.cpu for s in r["hugo"])
        lines.append(f"| {n:,} | {cold:.1f} s | {median(r['hugo']):.1f} s | {ratio:.2f}× | {cpu:.2f}× | "
                     f"{median(r['nochange']) / cold:.0%} | {median(r['edit_plan']) / cold:.0%} | {peak:.0f} MB | "
                     f"{r['pages'][0].seconds:,.0f} / {r['pages'][1].seconds:,.0f} |")
    lines += ["", "Every run (seconds; largest process in MB):", ""]
    for n, r in results.items():
        for k in KINDS:
            lines.append(f"- N={n:,} {k}: " + ", ".join(f"{s.seconds:.2f} s ({s.rss_mb:.0f} MB, cpu {s.cpu:.1f} s)"
                                                        for s in r[k]))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tmpfs", default="/dev/shm")
    parser.add_argument("--results", help="write the Markdown report here (e.g. bench/RESULTS-scale.md)")
    args = parser.parse_args()
    base = Path(args.tmpfs) / "plangen-scale-bench"
    bb.compile_plangen()
    results = {n: bench_size(base, n, args.runs, args.seed) for n in map(int, args.sizes.split(","))}
    text = report(results, "python bench/scale_bench.py " + " ".join(sys.argv[1:]))
    print(text)
    if args.results:
        Path(args.results).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
