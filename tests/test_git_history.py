"""History of plans for the site: renames followed, invalid revisions, shallow clones, the cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from git_helpers import PLAN, commit, git, new_repo
from incremental_helpers import Seen, watching

from plangen import git as g
from plangen.diff import render_diff_html
from plangen.history import load_histories, read_history


def make_history(tmp_path: Path) -> Path:
    repo = new_repo(tmp_path / "r", {"plans/a.yaml": PLAN, "plans/other.yaml": PLAN.replace("五井", "九杰")}, "初稿")
    commit(repo, {"plans/a.yaml": PLAN.replace("促进", "推进")}, "改一个字")
    commit(repo, {"plans/a.yaml": "title: [\n"}, "写坏了")
    commit(repo, {"plans/a.yaml": PLAN.replace("促进", "推进").replace("刘钰", "王五")}, "修好")
    git(repo, "mv", "plans/a.yaml", "plans/wujing.yaml")
    commit(repo, {}, "改名")
    return repo


def test_history_follows_renames_and_shows_each_diff(tmp_path: Path) -> None:
    repo = make_history(tmp_path)
    result = read_history(repo, ["plans/wujing.yaml", "plans/other.yaml"])
    assert not result.shallow and result.notes == ()
    history = result.histories["plans/wujing.yaml"]
    assert [r.message for r in history.revisions] == ["改名", "修好", "写坏了", "改一个字", "初稿"]
    assert [r.path for r in history.revisions] == ["plans/wujing.yaml"] + ["plans/a.yaml"] * 4
    assert [r.diff.status for r in history.revisions] == ["renamed", "invalid", "invalid", "modified", "added"]
    assert history.revisions[0].author == "测试者" and history.revisions[0].date.startswith("2024-01-02")
    one_char = history.revisions[3].diff.changes[0]
    assert [(s.op, s.text) for s in one_char.hunks[0].spans if s.op != "same"] == [("old", "促"), ("new", "推")]
    assert result.histories["plans/other.yaml"].single


def test_invalid_revision_shows_its_error(tmp_path: Path) -> None:
    repo = make_history(tmp_path)
    broken = load_histories(repo, ["plans/wujing.yaml"])["plans/wujing.yaml"].revisions[2]
    assert broken.plan is None and "YAML" in broken.errors[0].message
    assert "YAML" in render_diff_html(broken.diff)


def test_uncommitted_plan_has_no_revisions(tmp_path: Path) -> None:
    repo = make_history(tmp_path)
    (repo / "plans" / "new.yaml").write_text(PLAN, encoding="utf-8")
    assert load_histories(repo, ["plans/new.yaml"])["plans/new.yaml"].uncommitted


def test_cache_makes_an_unchanged_history_read_no_blob(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_history(tmp_path)
    first = load_histories(repo, ["plans/wujing.yaml"])
    assert list((repo / ".plangen-cache" / "history").glob("*.json"))

    def no_reads(root: Path, ids: object) -> dict[str, bytes]:
        raise AssertionError("blobs read although the cache holds them")

    monkeypatch.setattr(g, "read_blobs", no_reads)
    assert load_histories(repo, ["plans/wujing.yaml"]) == first
    monkeypatch.undo()
    commit(repo, {"plans/wujing.yaml": PLAN.replace("促进", "推动")}, "再改")
    seen: list[list[str]] = []
    real = g.read_blobs
    monkeypatch.setattr(g, "read_blobs", lambda root, ids: seen.append(list(ids)) or real(root, ids))
    again = load_histories(repo, ["plans/wujing.yaml"])["plans/wujing.yaml"]
    assert len(seen) == 1 and len(seen[0]) == 1           # only the new revision's blob
    assert again.revisions[0].message == "再改"


def test_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    repo = make_history(tmp_path)
    expected = load_histories(repo, ["plans/wujing.yaml"])
    files = list((repo / ".plangen-cache" / "history").glob("*-*.json"))
    for file in files:
        file.write_text("{not json", encoding="utf-8")
    assert load_histories(repo, ["plans/wujing.yaml"]) == expected
    for file in files:                    # edited behind plangen's back: the checksum no longer fits
        digest, _, body = file.read_text(encoding="utf-8").partition("\n")
        data = json.loads(body)
        data["parsed"] = {k: {**e, "plan": '{"@": "Nope"}'} for k, e in data["parsed"].items()}
        file.write_text(digest + "\n" + json.dumps(data), encoding="utf-8")
    assert load_histories(repo, ["plans/wujing.yaml"]) == expected
    for file in files:                    # truncated
        file.write_bytes(file.read_bytes()[:100])
    assert load_histories(repo, ["plans/wujing.yaml"]) == expected
    index = repo / ".plangen-cache" / "history" / "index.json"
    index.write_text("[", encoding="utf-8")
    assert load_histories(repo, ["plans/wujing.yaml"]) == expected
    for file in files:                    # the index trusts a file that is gone: revisions are read again
        file.unlink()
    assert load_histories(repo, ["plans/wujing.yaml"]) == expected


def test_unchanged_history_does_not_open_the_plan_cache(tmp_path: Path) -> None:
    repo = make_history(tmp_path)
    load_histories(repo, ["plans/wujing.yaml", "plans/other.yaml"])
    folder = (repo / ".plangen-cache" / "history").resolve()

    def plan_caches(seen: Seen) -> list[str]:
        """The plans' cache files opened (not the index of them)."""
        return [name for name in seen.opened_in(folder) if name != "index.json"]

    with watching() as seen:
        histories = load_histories(repo, ["plans/wujing.yaml", "plans/other.yaml"])
    assert plan_caches(seen) == []
    with watching() as seen:
        assert histories["plans/wujing.yaml"].revisions[3].diff.status == "modified"
    assert len(plan_caches(seen)) == 1 and "wujing" in plan_caches(seen)[0]  # read on first use


def test_shallow_clone_is_said(tmp_path: Path) -> None:
    repo = make_history(tmp_path)
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", "shallow")
    result = read_history(tmp_path / "shallow", ["plans/wujing.yaml"])
    assert result.shallow and "the clone is shallow" in result.notes[0].message
    history = result.histories["plans/wujing.yaml"]
    assert history.shallow and len(history.revisions) == 1


def test_project_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "r", {"site-src/plans/a.yaml": PLAN}, "初稿")
    commit(repo, {"site-src/plans/a.yaml": PLAN.replace("促进", "推进")}, "改")
    history = load_histories(repo / "site-src", ["plans/a.yaml"])["plans/a.yaml"]
    assert [r.path for r in history.revisions] == ["plans/a.yaml", "plans/a.yaml"]


def test_no_repository_and_no_git_give_notes_not_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    result = read_history(folder, ["plans/a.yaml"])
    assert result.histories == {} and result.notes[0].key == "note.not-a-repo"
    assert "not in a git repository" in result.notes[0].message
    repo = make_history(tmp_path)
    monkeypatch.setenv("PATH", str(folder))
    result = read_history(repo, ["plans/wujing.yaml"])
    assert result.histories == {} and "git is not installed" in result.notes[0].message


def test_a_long_lived_build_sees_a_new_commit(tmp_path: Path) -> None:
    """serve keeps the history it read while HEAD stays; a commit (or a checkout) reads it again."""
    from plangen.build import BuildOptions, build
    from plangen.cache import BuildCache

    repo = new_repo(tmp_path / "r", {"plans/a.yaml": PLAN}, "初稿")
    memory = BuildCache()
    out = tmp_path / "served"
    options = BuildOptions(root=repo, output=out, search=False, persistent_cache=False)
    assert build(options, cache=memory).ok
    first = (out / "history" / "a.html").read_text("utf-8")
    kept = memory.histories
    assert build(options, cache=memory).ok and kept is not None and memory.histories is kept  # not read again
    commit(repo, {"plans/a.yaml": PLAN.replace("促进", "推进")}, "改一个字")
    assert build(options, cache=memory).ok and memory.histories is not kept
    now = (out / "history" / "a.html").read_text("utf-8")
    assert "改一个字" in now and "改一个字" not in first
    cold = tmp_path / "cold"
    build(BuildOptions(root=repo, output=cold, search=False, persistent_cache=False))
    assert now == (cold / "history" / "a.html").read_text("utf-8")


@pytest.mark.parametrize("language, said", [("zh-CN", "修订历史不完整：仓库是浅克隆"),
                                            ("en", "history is incomplete: the clone is shallow")])
def test_the_build_says_its_history_notes_in_the_site_language(tmp_path: Path, language: str, said: str) -> None:
    repo = new_repo(tmp_path / "r", {"plangen.yaml": f"title: 站点\nlanguage: {language}\n", "plans/a.yaml": PLAN})
    commit(repo, {"plans/a.yaml": PLAN.replace("促进", "推进")}, "改一个字")
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", "shallow")
    done = subprocess.run([sys.executable, "-m", "plangen", "build", "-C", str(tmp_path / "shallow"), "--no-search"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert said in done.stdout + done.stderr
    # said again, in the same words, by a build that finds nothing changed
    again = subprocess.run([sys.executable, "-m", "plangen", "build", "-C", str(tmp_path / "shallow"), "--no-search"],
                           capture_output=True, text=True, check=False)
    assert said in again.stdout + again.stderr


def test_a_history_page_says_why_a_revision_is_invalid_in_the_site_language(tmp_path: Path) -> None:
    repo = make_history(tmp_path)  # one revision is broken YAML
    (repo / "plangen.yaml").write_text("title: 站点\n", "utf-8")
    done = subprocess.run([sys.executable, "-m", "plangen", "build", "-C", str(repo), "--no-search", "-o",
                           str(tmp_path / "site")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    [page] = [p for p in (tmp_path / "site" / "history").glob("*.html") if "revision-invalid" in p.read_text("utf-8")]
    html = page.read_text("utf-8")
    assert "YAML 语法错误" in html and "YAML syntax error" not in html
