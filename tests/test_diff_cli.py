"""`plangen diff` and `plangen textconv` from the command line, on temporary repositories."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from git_helpers import PLAN, commit, git, new_repo, write
from test_diff_plans import MD

from plangen.cli import main


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], cwd: Path, *args: str
        ) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    code = main(["--lang", "en", *args])  # the wording read here is the English one
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = new_repo(tmp_path / "r", {"plans/a.yaml": PLAN, "plans/b.yaml": PLAN.replace("五井小学结对", "嵩山小学结对")})
    commit(repo, {"plans/a.yaml": PLAN.replace("促进", "推进")}, "改一个字")
    return repo


def test_no_change_exit_0(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(monkeypatch, capsys, repo, "diff")
    assert code == 0 and out.startswith("no changes between HEAD and working tree")


def test_working_tree_against_head_and_revisions(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, {"plans/a.yaml": PLAN.replace("促进", "推进").replace("刘钰", "王五")})
    code, out, _ = run(monkeypatch, capsys, repo, "diff")
    assert code == 1 and "+ 王五 added" in out and "- 刘钰 removed" in out and "促" not in out
    code, out, _ = run(monkeypatch, capsys, repo, "diff", "HEAD~1", "HEAD")
    assert code == 1 and "[-促-]{+推+}" in out and "王五" not in out
    code, out, _ = run(monkeypatch, capsys, repo, "diff", "HEAD~1")
    assert code == 1 and "[-促-]{+推+}" in out and "王五" in out
    code, out, _ = run(monkeypatch, capsys, repo, "diff", "HEAD~1", "--format", "json", "--", "plans/b.yaml")
    assert code == 0 and json.loads(out)["plans"] == []


def test_unknown_revision_exit_2(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(monkeypatch, capsys, repo, "diff", "v9.9")
    assert code == 2 and out == ""
    assert "unknown revision 'v9.9'" in err


def test_no_git_installed_exit_2(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    code, _, err = run(monkeypatch, capsys, repo, "diff")
    assert code == 2 and "git is not installed" in err


def test_not_a_repository_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(monkeypatch, capsys, tmp_path, "diff")
    assert code == 2 and "not in a git repository" in err


def test_revision_with_invalid_plan(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"plans/a.yaml": "title: [\n"}, "写坏了")
    code, out, _ = run(monkeypatch, capsys, repo, "diff", "HEAD~1", "HEAD")
    assert code == 1 and "! plans/a.yaml" in out and "new revision is invalid" in out


def test_renamed_plan(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "mv", "plans/b.yaml", "plans/songshan.yaml")
    code, out, _ = run(monkeypatch, capsys, repo, "diff", "--format", "json")
    (plan,) = json.loads(out)["plans"]
    assert code == 1 and plan["status"] == "renamed" and plan["old_path"] == "plans/b.yaml"


def test_two_files_yaml_and_markdown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"old/a.yaml": PLAN, "new/a.md": MD, "new/b.md": MD.replace("促进", "推进")})
    code, out, _ = run(monkeypatch, capsys, tmp_path, "diff", "old/a.yaml", "new/a.md")
    assert code == 0 and "no changes" in out
    code, out, _ = run(monkeypatch, capsys, tmp_path, "diff", "old/a.yaml", "new/b.md", "--format", "markdown")
    assert code == 1 and "<del>促</del><ins>推</ins>" in out
    code, out, _ = run(monkeypatch, capsys, tmp_path, "diff", "old/a.yaml", "new/b.md", "--format", "html")
    assert code == 1 and out.startswith("<!DOCTYPE html>")


def test_textconv_and_git_diff_with_it(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(monkeypatch, capsys, repo, "textconv", "plans/a.yaml")
    assert code == 0 and "领导小组 组长: 井明泉 · 校长 · 五井小学\n" in out
    assert "    以科学发展观为指导，推进城乡教育均衡发展，提高农村学校教育教学质量。\n" in out
    if shutil.which("plangen") is None:
        pytest.skip("plangen is not installed as a command")
    write(repo, {".gitattributes": "*.yaml diff=plangen\n"})
    git(repo, "config", "diff.plangen.textconv", "plangen textconv")
    shown = subprocess.run(["git", "diff", "HEAD~1", "HEAD"], cwd=repo, capture_output=True, text=True,
                           check=True).stdout
    assert "+    以科学发展观为指导，推进城乡" in shown and "title:" not in shown


def test_textconv_of_an_invalid_file_prints_it_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"Ab12Cd_bad.yaml": "title: [\n"})
    code, out, _ = run(monkeypatch, capsys, tmp_path, "textconv", "Ab12Cd_bad.yaml")
    assert code == 0 and out == "title: [\n"


def test_unchanged_files_are_not_parsed(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from plangen.diff import command

    write(repo, {"plans/a.yaml": PLAN})
    parsed: list[str] = []
    real_blob, real_source = command.blob_version, command.parse_source_job
    monkeypatch.setattr(command, "blob_version", lambda p, d, o: parsed.append(p) or real_blob(p, d, o))
    monkeypatch.setattr(command, "parse_source_job", lambda s: parsed.append(s.path) or real_source(s))
    code, _, _ = run(monkeypatch, capsys, repo, "diff")
    assert code == 1 and sorted(parsed) == ["plans/a.yaml", "plans/a.yaml"]
