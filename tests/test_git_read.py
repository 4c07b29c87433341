"""plangen.git: one log pass with renames, batched blob reads, trees, revisions, shallow, no git."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_helpers import commit, git, new_repo

from plangen import git as g


def test_log_changes_with_renames_and_blob_ids(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "r", {"plans/a.yaml": "title: 一\n", "plans/b.yaml": "title: 二\n"}, "第一次\n\n正文")
    git(repo, "mv", "plans/a.yaml", "plans/c.yaml")
    commit(repo, {"plans/b.yaml": None}, "改名")
    newest, oldest = g.log_changes(repo)
    assert newest.message == "改名" and oldest.message == "第一次"
    assert newest.author == "测试者" and newest.date.startswith("2024-01-02T03:04:05")
    by_status = {c.status: c for c in newest.changes}
    assert by_status["R"].old_path == "plans/a.yaml" and by_status["R"].new_path == "plans/c.yaml"
    assert by_status["D"].new_blob == "" and by_status["D"].old_blob
    assert {c.status for c in oldest.changes} == {"A"}


def test_read_many_blobs_in_one_process(tmp_path: Path) -> None:
    files = {f"plans/p{i}.yaml": f"title: 方案{i}\n" + "内容" * (i * 50) for i in range(300)}
    repo = new_repo(tmp_path / "r", files)
    tree = g.tree_blobs(repo, g.resolve_revision(repo, "HEAD"), "plans")
    assert len(tree) == 300
    blobs = g.read_blobs(repo, list(tree.values()) + ["0" * 39 + "1"])
    assert len(blobs) == 300
    assert blobs[tree["plans/p7.yaml"]].decode() == files["plans/p7.yaml"]


def test_unknown_revision(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "r", {"a.yaml": "title: 一\n"})
    with pytest.raises(g.UnknownRevision, match="unknown revision 'no-such-branch'"):
        g.resolve_revision(repo, "no-such-branch")
    with pytest.raises(g.UnknownRevision):
        g.resolve_revision(repo, "--output=x")


def test_find_repo_and_shallow(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "r", {"plans/a.yaml": "title: 一\n"})
    commit(repo, {"plans/a.yaml": "title: 二\n"}, "二")
    assert g.find_repo(repo / "plans") == repo.resolve()
    assert g.find_repo(tmp_path) is None
    assert not g.is_shallow(repo)
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", "shallow")
    assert g.is_shallow(tmp_path / "shallow")


def test_no_git_installed_is_said_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(g.GitNotFound, match="git is not installed"):
        g.find_repo(tmp_path)
    with pytest.raises(g.GitNotFound):
        g.read_blobs(tmp_path, ["a" * 40])


def test_missing_folder_is_not_mistaken_for_missing_git(tmp_path: Path) -> None:
    with pytest.raises(g.GitError, match="does not exist") as caught:
        g.run_git(tmp_path / "nowhere", ["status"])
    assert not isinstance(caught.value, g.GitNotFound)
