"""Build-speed benchmark: plangen (cold, no-change, one-plan edit, one-template edit) against Hugo
and MkDocs (cold) on the same synthetic corpus, in one run on one machine.

    python bench/build_bench.py                 # N = 1,000 and 5,000, 5 runs each, tmpfs and disk
    python bench/build_bench.py --quick         # N = 200, 3 runs (a smoke test of the script)
    python bench/build_bench.py --sizes 1000 --runs 7 --results bench/RESULTS.md

Every build is a fresh subprocess; its wall time is measured around it, its peak memory is the
child's ru_maxrss (os.wait4) and, for builds that fork workers, the sampled PSS of the whole
process tree (RSS summed over forked workers would count copy-on-write pages several times).
The PSS is sampled in one extra, untimed pass of every build after the timed runs: reading
/proc/PID/smaps_rollup of large processes every 20 ms takes CPU from the build it measures
(seen: a cold plangen build at N=5,000 took 35 s alone and 42–47 s sampled). Runs are interleaved (plangen cold, Hugo, MkDocs, plangen no-change, one-plan edit,
one-template edit; repeat) so machine noise hits every tool alike, and ratios are taken pair by
pair within a run. Output goes to tmpfs (/dev/shm; ratios are quoted from there) and to disk.
Search indexing is excluded from every build; Pagefind is timed once per N, separately.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import competitors
import corpus

PLANGEN_KINDS = ("cold", "nochange", "edit_plan", "edit_template")
LOG = Path(f"/dev/shm/plangen-bench-{os.getpid()}.log")  # the last build's output (one file per bench process)


@dataclass
class Sample:
    seconds: float
    rss_mb: float  # ru_maxrss of the child (largest single process among it and its waited children)
    tree_mb: float  # sampled sum of PSS over the process tree (worker pools, shared pages counted once)
    written: int = -1  # files plangen says it wrote
    cpu: float = 0.0  # user + system CPU seconds of the child and its waited children


@dataclass
class Series:
    samples: list[Sample] = field(default_factory=list)  # the timed runs
    sampled: list[Sample] = field(default_factory=list)  # the untimed run with the process tree's PSS sampled

    def times(self) -> list[float]:
        return [s.seconds for s in self.samples]

    def median(self) -> float:
        return statistics.median(self.times()) if self.samples else float("nan")

    def cpu_median(self) -> float:
        return statistics.median(s.cpu for s in self.samples) if self.samples else float("nan")

    def peak_mb(self) -> float:
        return max((max(s.rss_mb, s.tree_mb) for s in self.samples + self.sampled), default=float("nan"))


# ------------------------------------------------------------------------------------------------
# Running one build


def _pss_kb(pid: int) -> int:
    """Proportional set size: pages shared copy-on-write with forked workers are counted once overall."""
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def _tree_rss_kb(pid: int) -> int:
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            total += _pss_kb(p)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(cmd: list[str], cwd: Path | None = None, log: Path | None = None, tree: bool = False) -> tuple[Sample, str]:
    """Run cmd as a child; wall seconds, peak memory (`tree`: also the sampled PSS of its process
    tree, which slows it down), and its output (stdout + stderr)."""
    out_path = log or LOG
    with open(out_path, "w+b") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.02):
                peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        if tree:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        if tree:
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{text[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds, usage.ru_maxrss / 1024, peak[0] / 1024, cpu=cpu), text


# ------------------------------------------------------------------------------------------------
# Tools


def tool_versions() -> dict[str, str]:
    def first_line(cmd: list[str]) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[0]
        except (OSError, subprocess.CalledProcessError, IndexError):
            return "not available"

    commit = first_line(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src", "templates"], check=False,
                           capture_output=True, text=True).stdout.strip()
    return {
        "plangen": first_line([sys.executable, "-m", "plangen", "--version"]) + f" (git {commit}"
                   + (", with uncommitted changes in src/ or templates/)" if dirty else ")"),
        "hugo": first_line(["hugo", "version"]),
        "mkdocs": first_line([sys.executable, "-m", "mkdocs", "--version"]),
        "pagefind": first_line([sys.executable, "-m", "pagefind", "--version"]),
        "python": sys.version.split()[0],
    }


def compile_plangen(src: Path = REPO / "src") -> None:
    """Byte-compile plangen's modules, as `pip install` does, so that every timed build starts as an
    installed plangen does. (An editable install is never compiled, and where PYTHONDONTWRITEBYTECODE
    is set, as on these machines, each run would compile every module again: ~0.1 s a process.)"""
    compileall.compile_dir(str(src), quiet=1)


def ensure_tools() -> None:
    """Find Hugo (Debian package) and MkDocs (PyPI); install them when missing."""
    if shutil.which("hugo") is None:
        print("installing hugo (apt-get install hugo)…", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-q", "hugo"], check=True)
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        print("installing mkdocs (pip install mkdocs)…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "mkdocs"], check=True)


def build_help_has(option: str) -> bool:
    done = subprocess.run([sys.executable, "-m", "plangen", "build", "--help"], check=False, capture_output=True,
                          text=True)
    return option in done.stdout


def machine() -> dict[str, str]:
    mem = next((ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), "0")
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    return {"nproc": str(os.cpu_count()), "memory": f"{int(mem) / 1024 / 1024:.1f} GiB", "cpu": cpu,
            "kernel": platform.release(), "load at start": " ".join(f"{x:.2f}" for x in os.getloadavg())}


# ------------------------------------------------------------------------------------------------
# One size, one location


@dataclass
class Place:
    """A corpus with its Hugo and MkDocs twins under one folder (on tmpfs or on disk)."""

    base: Path
    n: int

    @property
    def project(self) -> Path:
        return self.base / "plangen"

    @property
    def site(self) -> Path:
        return self.base / "out-plangen"


def prepare(base: Path, n: int, seed: int) -> tuple[Place, Path]:
    """Write the corpus (plangen project with a copy of the theme in templates/, Hugo, MkDocs)."""
    if base.exists():
        shutil.rmtree(base)
    place = Place(base, n)
    specs = corpus.generate(place.project, n, seed)
    theme = REPO / "templates"
    shutil.copytree(theme, place.project / "templates")
    competitors.write_hugo(base / "hugo", specs)
    competitors.write_mkdocs(base / "mkdocs", specs)
    middle = specs[n // 2]
    edited = place.project / "plans" / corpus.plan_file(middle)[0]
    return place, edited


_WRITTEN = re.compile(r"(\d+) file\(s\) written")


def plangen_cmd(place: Place, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "plangen", "build", "-C", str(place.project), "-o", str(place.site), *extra]


def plangen_build(place: Place, extra: list[str], tree: bool = False) -> Sample:
    sample, text = run(plangen_cmd(place, extra), tree=tree)
    m = _WRITTEN.search(text)
    sample.written = int(m.group(1)) if m else -1
    return sample


def cold_plangen(place: Place, extra: list[str], tree: bool = False) -> Sample:
    """A build with nothing kept from earlier ones: no output folder, no .plangen-cache/, and no
    site kept beside the output folder for the next staged one (`.<name>.plangen-base/`, publish.py)."""
    for kept in [place.site, place.project / ".plangen-cache", *place.site.parent.glob(f".{place.site.name}.plangen-*")]:
        shutil.rmtree(kept, ignore_errors=True)
    return plangen_build(place, extra, tree)


def hugo_build(place: Place, tree: bool = False) -> Sample:
    out = place.base / "out-hugo"
    shutil.rmtree(out, ignore_errors=True)
    return run(["hugo", "--quiet", "-s", str(place.base / "hugo"), "-d", str(out)], tree=tree)[0]


def mkdocs_build(place: Place, tree: bool = False) -> Sample:
    out = place.base / "out-mkdocs"
    shutil.rmtree(out, ignore_errors=True)
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(place.base / "mkdocs" / "mkdocs.yml"),
                "-d", str(out)], tree=tree)[0]


def html_count(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def tree_digest(folder: Path, skip: tuple[str, ...] = ()) -> str:
    digest = hashlib.sha256()
    for file in sorted(folder.rglob("*")):
        rel = file.relative_to(folder).as_posix()
        if file.is_file() and not rel.startswith(skip):
            digest.update(rel.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def bench_place(place: Place, edited: Path, runs: int, extra: list[str], label: str) -> dict[str, object]:
    """Interleaved runs at one place: every plangen scenario, Hugo and MkDocs, `runs` times."""
    series: dict[str, Series] = {k: Series() for k in (*PLANGEN_KINDS, "hugo", "mkdocs")}
    original = edited.read_text(encoding="utf-8")
    template = place.project / "templates" / "plan.html"
    template_text = template.read_text(encoding="utf-8")
    for r in range(runs + 1):  # the last pass, untimed, samples the process trees' memory
        tree = r == runs
        kept = {k: v.sampled if tree else v.samples for k, v in series.items()}
        edited.write_text(original, encoding="utf-8")
        template.write_text(template_text, encoding="utf-8")
        kept["cold"].append(cold_plangen(place, extra, tree))
        kept["hugo"].append(hugo_build(place, tree))
        kept["mkdocs"].append(mkdocs_build(place, tree))
        kept["nochange"].append(plangen_build(place, extra, tree))
        edited.write_text(original.replace("制定本方案。", f"制定本方案（第{r + 1}次修订）。", 1), encoding="utf-8")
        kept["edit_plan"].append(plangen_build(place, extra, tree))
        template.write_text(template_text + f"{{# bench edit {r + 1} #}}\n", encoding="utf-8")
        kept["edit_template"].append(plangen_build(place, extra, tree))
        print(f"  [{label} N={place.n}] " + ("memory pass" if tree else f"run {r + 1}/{runs}") + ": " + ", ".join(
            f"{k} {v[-1].seconds:.2f}s {max(v[-1].rss_mb, v[-1].tree_mb):.0f}MB" for k, v in kept.items()),
            file=sys.stderr, flush=True)
    # After the edits: does the incremental output equal a cold build of the same sources?
    incremental = tree_digest(place.site)
    cold_again = place.base / "out-plangen-cold-check"
    shutil.rmtree(place.project / ".plangen-cache", ignore_errors=True)
    run([sys.executable, "-m", "plangen", "build", "-C", str(place.project), "-o", str(cold_again), *extra])
    identical = incremental == tree_digest(cold_again)
    shutil.rmtree(cold_again, ignore_errors=True)
    edited.write_text(original, encoding="utf-8")
    template.write_text(template_text, encoding="utf-8")
    pages = {"plangen": html_count(place.site), "hugo": html_count(place.base / "out-hugo"),
             "mkdocs": html_count(place.base / "out-mkdocs")}
    return {"series": series, "pages": pages, "identical": identical}


def pagefind_time(place: Place) -> float | None:
    """Pagefind over the plangen site once (separately: it is Pagefind's time, not ours)."""
    try:
        sample, _ = run([sys.executable, "-m", "pagefind", "--site", str(place.site)])
    except SystemExit as exc:
        print(f"pagefind skipped: {str(exc)[:200]}", file=sys.stderr)
        return None
    return sample.seconds


# ------------------------------------------------------------------------------------------------
# Reporting


def ratios(a: Series, b: Series) -> list[float]:
    return [x.seconds / y.seconds for x, y in zip(a.samples, b.samples)]


def fmt_series(s: Series, pages: int | None = None) -> str:
    t = s.times()
    pps = f"{pages / s.median():,.0f}" if pages else "–"
    written = {x.written for x in s.samples}
    w = "" if written == {-1} else f"{min(written)}–{max(written)}" if len(written) > 1 else str(written.pop())
    return f"{s.median():.2f} | {min(t):.2f}–{max(t):.2f} | {s.cpu_median():.2f} | {pps} | {s.peak_mb():.0f} | {w}"


def report_n(n: int, result: dict[str, dict[str, object]], pagefind: float | None) -> list[str]:
    lines = [f"### N = {n:,} plans", ""]
    for where, res in result.items():
        series: dict[str, Series] = res["series"]  # type: ignore[assignment]
        pages: dict[str, int] = res["pages"]  # type: ignore[assignment]
        lines += [(f"**Output on {where}** — pages: plangen {pages['plangen']:,} HTML, Hugo {pages['hugo']:,}, "
                  f"MkDocs {pages['mkdocs']:,}"), "",
                  "| build | median s | min–max s | median CPU s | pages/s | peak MB | files written |",
                  "|---|---|---|---|---|---|---|"]
        names = {"cold": "plangen cold", "nochange": "plangen no-change", "edit_plan": "plangen one-plan edit",
                 "edit_template": "plangen one-template edit", "hugo": "Hugo cold", "mkdocs": "MkDocs cold"}
        for key, name in names.items():
            count = pages["hugo" if key == "hugo" else "mkdocs" if key == "mkdocs" else "plangen"]
            lines.append(f"| {name} | {fmt_series(series[key], count if key in ('cold', 'hugo', 'mkdocs') else None)} |")
        rh, rm = ratios(series["cold"], series["hugo"]), ratios(series["cold"], series["mkdocs"])
        ch = series["cold"].cpu_median() / series["hugo"].cpu_median()
        cm = series["cold"].cpu_median() / series["mkdocs"].cpu_median()
        lines += ["", (f"Ratios, pair by pair within the run: plangen/Hugo median {statistics.median(rh):.2f} "
                  f"(min–max {min(rh):.2f}–{max(rh):.2f}); plangen/MkDocs median {statistics.median(rm):.2f} "
                  f"(min–max {min(rm):.2f}–{max(rm):.2f}). CPU-time ratios (medians): plangen/Hugo {ch:.2f}, "
                  f"plangen/MkDocs {cm:.2f}. "
                  f"No-change / cold {series['nochange'].median() / series['cold'].median():.0%}; "
                  f"one-plan edit / cold {series['edit_plan'].median() / series['cold'].median():.0%}; "
                  f"one-template edit / cold {series['edit_template'].median() / series['cold'].median():.0%}. "
                  f"Incremental output byte-identical to a cold build: {'yes' if res['identical'] else 'NO'}."), ""]
    if pagefind is not None:
        lines += [f"Pagefind (extended) over the plangen site, once, tmpfs: {pagefind:.2f} s (not included above).", ""]
    return lines


def targets(all_results: dict[int, dict[str, dict[str, object]]]) -> list[str]:
    lines = ["| target (tmpfs medians, same run) | " + " | ".join(f"N={n:,}" for n in all_results) + " |",
             "|---|" + "---|" * len(all_results)]

    def row(name: str, check: object) -> None:
        cells = []
        for res in all_results.values():
            series: dict[str, Series] = res["tmpfs"]["series"]  # type: ignore[assignment]
            cells.append(check(series, res["tmpfs"]))  # type: ignore[operator]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")

    def verdict(ok: bool, text: str) -> str:
        return ("met: " if ok else "**not met**: ") + text

    def hugo(s: dict[str, Series], _: object) -> str:
        r = statistics.median(ratios(s["cold"], s["hugo"]))
        return verdict(r <= 1.3, f"{r:.2f}× Hugo")

    def mkdocs(s: dict[str, Series], _: object) -> str:
        r = statistics.median(ratios(s["mkdocs"], s["cold"]))
        return verdict(r >= 3, f"{r:.2f}× faster than MkDocs")

    def nochange(s: dict[str, Series], _: object) -> str:
        f = s["nochange"].median() / s["cold"].median()
        written = max(x.written for x in s["nochange"].samples)
        return verdict(f <= 0.15 and written == 0, f"{f:.0%} of cold, {written} file(s) written")

    def edit(s: dict[str, Series], _: object) -> str:
        f = s["edit_plan"].median() / s["cold"].median()
        return verdict(f <= 0.25, f"{f:.0%} of cold")

    def memory(s: dict[str, Series], _: object) -> str:
        peak = max(s[k].peak_mb() for k in PLANGEN_KINDS)
        return verdict(peak <= 300, f"{peak:.0f} MB")

    def identical(_: object, res: dict[str, object]) -> str:
        return verdict(bool(res["identical"]), "after plan and template edits" if res["identical"] else "differs")

    row("cold ≤ 1.3× Hugo", hugo)
    row("cold ≥ 3× faster than MkDocs", mkdocs)
    row("no-change ≤ 15% of cold, writes nothing", nochange)
    row("one-plan edit ≤ 25% of cold", edit)
    row("peak memory ≤ 300 MB (target at 5,000)", memory)
    row("incremental = cold, byte for byte", identical)
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,5000", help="comma-separated corpus sizes (default 1000,5000)")
    ap.add_argument("--runs", type=int, default=5, help="runs per size and place (default 5)")
    ap.add_argument("--quick", action="store_true", help="N=200, 3 runs, tmpfs only")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tmpfs", type=Path, default=Path("/dev/shm/plangen-bench"))
    ap.add_argument("--disk", type=Path, default=Path("/var/tmp/plangen-bench"), help="a folder on disk")
    ap.add_argument("--no-disk", action="store_true", help="skip the runs with output on disk")
    ap.add_argument("--no-pagefind", action="store_true")
    ap.add_argument("--results", type=Path, help="write the Markdown report here (e.g. bench/RESULTS.md)")
    args = ap.parse_args(argv)
    sizes = [200] if args.quick else [int(x) for x in args.sizes.split(",")]
    runs = 3 if args.quick else args.runs
    ensure_tools()
    compile_plangen()
    extra = ["--no-search"] if build_help_has("--no-search") else []
    versions, host = tool_versions(), machine()
    command = "python bench/build_bench.py " + " ".join(argv if argv is not None else sys.argv[1:])
    places = [("tmpfs", args.tmpfs)] + ([] if args.quick or args.no_disk else [("disk", args.disk)])
    all_results: dict[int, dict[str, dict[str, object]]] = {}
    pagefind: dict[int, float | None] = {}
    for n in sizes:
        all_results[n] = {}
        for where, folder in places:
            t0 = time.perf_counter()
            place, edited = prepare(folder / f"n{n}", n, args.seed)
            print(f"corpus N={n} on {where} written in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            all_results[n][where] = bench_place(place, edited, runs, extra, where)
            if where == "tmpfs":
                cold_plangen(place, extra)
                pagefind[n] = None if args.no_pagefind else pagefind_time(place)
            shutil.rmtree(folder / f"n{n}", ignore_errors=True)
    lines = ["## Results", "", f"Command: `{command}` (plangen build options: `{' '.join(extra) or 'none'}`)", "",
             "Machine: " + "; ".join(f"{k} {v}" for k, v in host.items()), "",
             "Versions: " + "; ".join(f"{k}: {v}" for k, v in versions.items()), "",
             (f"{runs} interleaved runs per size and place; medians, min–max, pages per second of the cold builds; "
             "peak memory: the largest of ru_maxrss (every run) and of the PSS summed over the process tree, "
             "sampled in one further pass of every build, untimed (sampling slows the build it measures)."), ""]
    for n, result in all_results.items():
        lines += report_n(n, result, pagefind.get(n))
    lines += ["### Targets of issue 8", ""] + targets(all_results) + [""]
    text = "\n".join(lines)
    print(text)
    if args.results:
        args.results.write_text(text + "\n", encoding="utf-8")
    raw = {n: {w: {k: {"timed": [vars(s) for s in v.samples], "memory": [vars(s) for s in v.sampled]}
                   for k, v in res["series"].items()}  # type: ignore[attr-defined]
               for w, res in result.items()} for n, result in all_results.items()}
    Path(args.tmpfs / "raw.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    LOG.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
