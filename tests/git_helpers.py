"""Helpers for tests that build temporary git repositories (used by test_git_* and test_diff_*)."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

GIT_ENV = {
    "GIT_AUTHOR_NAME": "测试者", "GIT_AUTHOR_EMAIL": "tester@example.org",
    "GIT_COMMITTER_NAME": "测试者", "GIT_COMMITTER_EMAIL": "tester@example.org",
    "GIT_AUTHOR_DATE": "2024-01-02T03:04:05+08:00", "GIT_COMMITTER_DATE": "2024-01-02T03:04:05+08:00",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}

PLAN = """\
title: 五井小学结对帮扶工作方案
issuer: 五井小学
date: 2016-09-04
period: {start: 2016-09-01, end: 2017-12-31}
tags: [结对帮扶]
guiding_thought: 以科学发展观为指导，促进城乡教育均衡发展，提高农村学校教育教学质量。
leadership:
  name: 帮扶结对活动领导小组
  leaders:  [{name: 井明泉, title: 校长, org: 五井小学}]
  deputies: [{name: 刘钰, title: 副校长, org: 五井小学}]
  members:  [结对学校全体教师]
steps:
  - {title: 宣传动员阶段, start: 2016-09-05, end: 2016-09-10, owner: 教导处, body: 召开全体教师动员大会。}
  - {title: 组织实施阶段, start: 2016-09-11, end: 2017-11-30, owner: 教导处, body: 开展送教下乡活动。}
  - {title: 总结表彰阶段, start: 2017-12-01, end: 2017-12-31, owner: 校长室, body: 评选先进个人。}
requirements:
  - {title: 提高认识, body: 各校要高度重视结对帮扶工作。}
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=测试者", "-c", "user.email=tester@example.org",
                           "-c", "init.defaultBranch=main", *args], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}, check=True)
    return done.stdout


def write(repo: Path, files: dict[str, str | None]) -> None:
    """Write (or, for None, delete) files under `repo`."""
    for name, text in files.items():
        target = repo / name
        if text is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")


def commit(repo: Path, files: dict[str, str | None], message: str) -> str:
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def new_repo(path: Path, files: dict[str, str | None] | None = None, message: str = "初稿") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    if files:
        commit(path, files, message)
    return path
