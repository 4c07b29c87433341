"""Two source trees of plangen timed pair by pair on the same corpus (a noisy, shared machine).

    python bench/pair_bench.py /work/main/src src --size 1000 --runs 5

For each run and each tree, alternating: a cold build (no output folder, no .plangen-cache/), a
no-change build, and a build after one sentence of one plan was edited; every build a fresh
`python -m plangen build --no-search --no-history` process, output on tmpfs (/dev/shm). Prints the
median of each and the ratio of the second tree to the first, pair by pair.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _corpus(root: Path, size: int) -> None:
    spec = importlib.util.spec_from_file_location("corpus", HERE / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus", module)
    spec.loader.exec_module(module)
    module.generate(root, size, seed=0)


def _build(src: str, project: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "plangen", "build", "--no-search", "--no-history", "-C", str(project),
                    "-o", str(project / "site")], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def _edit(project: Path, n: int) -> None:
    plan = min((project / "plans").rglob("*.md"))
    plan.write_text(plan.read_text("utf-8").replace("。", f"（改{n}）。", 1), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="plangen-pair-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    try:
        _corpus(base / "corpus", args.size)
        trees = [args.first, args.second]
        for tree in trees:  # as `pip install` leaves them (see build_bench.compile_plangen)
            compileall.compile_dir(tree, quiet=1)
        times: dict[tuple[int, str], list[float]] = {}
        for run in range(args.runs):
            for i, src in enumerate(trees if run % 2 == 0 else trees[::-1]):
                tree = trees.index(src)
                project = base / f"p{tree}"
                shutil.rmtree(project, ignore_errors=True)
                shutil.copytree(base / "corpus", project)
                times.setdefault((tree, "cold"), []).append(_build(src, project))
                times.setdefault((tree, "no-change"), []).append(_build(src, project))
                _edit(project, run)
                times.setdefault((tree, "one-plan edit"), []).append(_build(src, project))
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
        print(f"N = {args.size}, {args.runs} runs; first = {args.first}, second = {args.second}")
        print("| build | first median s | second median s | ratio second/first (median of pairs) |")
        print("|---|---|---|---|")
        for what in ("cold", "no-change", "one-plan edit"):
            a, b = times[(0, what)], times[(1, what)]
            ratios = [y / x for x, y in zip(a, b, strict=True)]
            print(f"| {what} | {statistics.median(a):.2f} | {statistics.median(b):.2f} | {statistics.median(ratios):.3f} |")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
