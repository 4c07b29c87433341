"""Helpers for the hostile-input tests: a plangen command run as a separate process that can neither
hang the test run (a time limit) nor take the machine's memory (an address-space limit), and a plan
that passes `check`, to spoil one way at a time."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

GOOD = """\
title: 测试小学结对帮扶工作方案
issuer: 测试小学
date: 2016-09-04
period: {start: 2016-09-01, end: 2017-07-10}
tags: [结对帮扶]
guiding_thought: 以促进城乡教育均衡发展为目标。
leadership:
  leaders: [{name: 张明, title: 校长, org: 测试小学}]
steps:
  - {title: 宣传动员阶段, start: 2016-09-05, end: 2016-09-10}
requirements:
  - 提高认识
"""

MEMORY_LIMIT = 1 << 30  # a read without bound fails fast with MemoryError instead of filling the machine
TIME_LIMIT = 60  # seconds: far more than any of these commands needs; reaching it means a hang


@dataclass(frozen=True)
class Run:
    code: int | None  # None: killed at the time limit (a hang)
    out: str
    err: str

    def problems(self) -> list[dict[str, object]]:
        """The problems of a `check --format json` run."""
        return list(json.loads(self.out)["problems"])


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def plangen(*args: str, cwd: Path, stdin: str | None = None) -> Run:
    """`python -m plangen ARGS` in `cwd`, with the plangen these tests import (PYTHONPATH kept)."""
    env = dict(os.environ)
    src = str(Path(__import__("plangen").__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([src, env.get("PYTHONPATH", "")])
    try:
        done = subprocess.run([sys.executable, "-m", "plangen", *args], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=TIME_LIMIT, preexec_fn=_limits, input=stdin, check=False,
                              stdin=None if stdin is not None else subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        return Run(None, str(exc.stdout or ""), str(exc.stderr or ""))
    return Run(done.returncode, done.stdout, done.stderr)


def project(root: Path, files: dict[str, str | bytes], config: str = "search: false\nhistory: false\n") -> Path:
    """A project folder: plangen.yaml (no search, no history: quick) and the given files."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "plangen.yaml").write_text(config, encoding="utf-8")
    (root / "plans").mkdir(exist_ok=True)
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def no_traceback(run: Run) -> bool:
    return "Traceback" not in run.err and "Traceback" not in run.out
