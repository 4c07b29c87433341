"""Benchmark of `plangen diff` and the history step on a generated repository.

    python bench/diff_bench.py [--plans 2000] [--revisions 10] [--runs 3] [--dir /tmp/plangen-diff-bench]

Generates (once; --fresh to redo) a git repository of N plans x R revisions with `git fast-import`:
revision 1 adds every plan, each later revision edits every plan (a character of the guiding
thought, a step's end date, one more requirement). Then it measures medians of:

  1. `plangen diff HEAD~1` (the last revision against the working tree: every plan changed);
  2. the history step cold: `history.read_history` of every plan with an empty cache;
  3. the history step warm, nothing changed;
  4. the history step after one new commit that edits 20 plans (cache warm from before).

Each measurement runs in a fresh Python process; history times are measured inside it (imports
excluded), `plangen diff` from outside (the whole command).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ENV = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
       "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org", "NO_COLOR": "1"}
ORGS = ["五井小学", "嵩山小学", "九杰小学", "实验中学", "城关幼儿园", "县人民医院", "柳湾镇政府", "石岭乡卫生院"]
NAMES = ["井明泉", "刘钰", "于海军", "周文涛", "韩晓梅", "孙建国", "罗志明", "郑丽", "杜海峰", "王芳"]
CHARS = "促推加强深化提升巩固拓展"


def plan_text(i: int, rev: int) -> str:
    """A valid plan; `rev` changes one character, one date and the number of requirements."""
    org, partner = ORGS[i % len(ORGS)], ORGS[(i + 3) % len(ORGS)]
    lead, deputy = NAMES[i % len(NAMES)], NAMES[(i + 1) % len(NAMES)]
    verb = CHARS[rev % len(CHARS)]
    reqs = "\n".join(f"  - {{title: 要求{k}, body: 第{k}项要求，各单位要认真落实，确保工作取得实效。}}"
                     for k in range(1, 3 + rev))
    return f"""title: {org}{i}号结对帮扶工作方案
issuer: {org}
date: 2024-01-0{1 + i % 9}
period: {{start: 2024-01-01, end: 2024-12-31}}
category: 教育帮扶
tags: [结对帮扶, 方案{i % 50}]
partners: {{helpers: [{org}], recipients: [{partner}]}}
guiding_thought: |
  以新时代发展理念为指导，{verb}进城乡教育均衡发展，提高农村学校第{i}号帮扶项目的教育教学质量。
  坚持平等互助、按需帮扶、共同成长的原则，把帮扶工作做实做细。
leadership:
  name: 结对帮扶工作领导小组
  leaders: [{{name: {lead}, title: 校长, org: {org}}}]
  deputies: [{{name: {deputy}, title: 副校长, org: {partner}}}]
  members: [两校各学科教研组长]
steps:
  - {{title: 调研启动阶段, start: 2024-02-01, end: 2024-02-{10 + rev}, owner: 教导处, body: 深入结对学校听课座谈，摸清需求。}}
  - {{title: 组织实施阶段, start: 2024-03-01, end: 2024-10-31, owner: 教导处, body: 开展送教下乡、跟岗学习和联合教研。}}
  - {{title: 总结表彰阶段, start: 2024-11-01, end: 2024-12-20, owner: 校长室, body: 总结经验，评选先进。}}
requirements:
{reqs}
"""


def generate(repo: Path, plans: int, revisions: int) -> None:
    repo.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True, env=ENV)
    proc = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=repo, stdin=subprocess.PIPE, env=ENV)
    assert proc.stdin is not None
    for rev in range(1, revisions + 1):
        msg = f"第{rev}版".encode()
        out = [b"commit refs/heads/main\n", f"committer bench <bench@example.org> {1700000000 + rev * 86400} +0800\n"
               .encode(), b"data %d\n" % len(msg), msg, b"\n"]
        for i in range(plans):
            data = plan_text(i, rev).encode()
            out += [f"M 100644 inline plans/p{i:04d}.yaml\n".encode(), b"data %d\n" % len(data), data, b"\n"]
        proc.stdin.write(b"".join(out))
    proc.stdin.close()
    if proc.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True, env=ENV)


HISTORY_SNIPPET = """
import sys, time
from pathlib import Path
t = time.perf_counter()
from plangen.history import read_history
root = Path(sys.argv[1])
paths = sorted(p.relative_to(root).as_posix() for p in (root / "plans").glob("*.yaml"))
t0 = time.perf_counter()
result = read_history(root, paths, Path(sys.argv[2]))
n = sum(len(h.revisions) for h in result.histories.values())
print(time.perf_counter() - t0, n)
"""


CPU: dict[str, list[float]] = {}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_history(repo: Path, cache: Path, label: str) -> float:
    before = _cpu()
    out = subprocess.run([sys.executable, "-c", HISTORY_SNIPPET, str(repo), str(cache)], capture_output=True,
                         text=True, check=True, env=ENV).stdout.split()
    CPU.setdefault(label, []).append(_cpu() - before)
    return float(out[0])


def time_diff(repo: Path) -> float:
    before, start = _cpu(), time.perf_counter()
    done = subprocess.run(["plangen", "diff", "HEAD~1"], cwd=repo, capture_output=True, env=ENV, check=False)
    elapsed = time.perf_counter() - start
    CPU.setdefault("diff", []).append(_cpu() - before)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode())
    return elapsed


def new_commit(repo: Path, n: int, stamp: int) -> None:
    for i in range(n):
        file = repo / "plans" / f"p{i:04d}.yaml"
        file.write_text(file.read_text(encoding="utf-8").replace("把帮扶工作", f"第{stamp}次把帮扶工作", 1),
                        encoding="utf-8")
    subprocess.run(["git", "commit", "-q", "-a", "-m", f"edit {stamp}"], cwd=repo, check=True, env=ENV)


def median(xs: list[float], label: str) -> str:
    """Wall-clock median; CPU time of the child processes as a hint (parse workers started by a
    forkserver are not children, so for history it is a lower bound)."""
    cpu = CPU.get(label, [])
    return (f"median {statistics.median(xs):.2f} s (runs: {', '.join(f'{x:.2f}' for x in xs)}; "
            f"load average {os.getloadavg()[0]:.1f}; child CPU {statistics.median(cpu):.1f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plans", type=int, default=2000)
    ap.add_argument("--revisions", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/plangen-diff-bench"))
    ap.add_argument("--fresh", action="store_true", help="regenerate the repository")
    ap.add_argument("--cold-runs", type=int, help="runs of the cold history step (default: --runs)")
    ap.add_argument("--skip-diff", action="store_true", help="do not measure plangen diff HEAD~1")
    args = ap.parse_args()
    repo, caches = args.dir / "repo", args.dir / "caches"
    if args.fresh or not repo.exists():
        shutil.rmtree(args.dir, ignore_errors=True)
        start = time.perf_counter()
        generate(repo, args.plans, args.revisions)
        print(f"generated {args.plans} plans x {args.revisions} revisions in {time.perf_counter() - start:.1f} s")
    shutil.rmtree(caches, ignore_errors=True)
    print(f"load average at the start: {os.getloadavg()}", flush=True)
    if not args.skip_diff:
        diff = [time_diff(repo) for _ in range(args.runs)]
        print("plangen diff HEAD~1:", median(diff, "diff"), flush=True)
    cold_runs = args.cold_runs or args.runs
    cold = [time_history(repo, caches / f"cold{k}", "cold") for k in range(cold_runs)]
    print("history, cold:", median(cold, "cold"), flush=True)
    warm = [time_history(repo, caches / "cold0", "warm") for _ in range(args.runs)]
    print("history, warm, no change:", median(warm, "warm"), flush=True)
    after = []
    for k in range(args.runs):
        new_commit(repo, 20, k)
        after.append(time_history(repo, caches / "cold0", "after"))
    subprocess.run(["git", "reset", "-q", "--hard", f"HEAD~{args.runs}"], cwd=repo, check=True, env=ENV)
    print("history, after one new commit editing 20 plans:", median(after, "after"), flush=True)
    print(f"load average at the end: {os.getloadavg()}")
    git_version = subprocess.run(["git", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    print(f"machine: nproc={os.cpu_count()}, Python {platform.python_version()}, {git_version}, {platform.platform()}")


if __name__ == "__main__":
    main()
