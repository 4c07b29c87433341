"""Determinism and output-folder safety of `plangen build`.

- the same sources give byte-identical trees, in the same folder or a copy elsewhere; no timestamps;
- on any error the existing site is left exactly as it was (bytes and modification times);
- dangerous output folders are refused; only files listed in the manifest are ever removed;
- unchanged files keep their modification time, so rsync-style deploys copy only what changed.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sitecheck import REPO, build_files, build_site, built, copy_fixture, mtimes, read_tree

from plangen import urls
from plangen.output import MANIFEST, SiteWriter

SMALL_PLAN = "plans/2016-wujing-jiedui.yaml"
SMALL_MD = "plans/2017-songshan-huifang.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture("small", tmp_path / "project")


@pytest.fixture(scope="module")
def small_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_fixture("small", tmp_path_factory.mktemp("small-built") / "project")
    built(root, root / "site", search=False)
    return root


@pytest.fixture
def published(small_built: Path, tmp_path: Path) -> Path:
    """A fresh copy of the small project with its site already built in project/site (one build per module)."""
    return Path(shutil.copytree(small_built, tmp_path / "project", symlinks=True))


def _age(folder: Path, seconds: int = 1000) -> None:
    """Push every file's mtime into the past, so a rewrite would be visible even on coarse clocks."""
    past = time.time() - seconds
    for file in folder.rglob("*"):
        if file.is_file():
            os.utime(file, (past, past))


# ---------------------------------------------------------------- determinism

def test_two_builds_give_identical_bytes(project: Path, tmp_path: Path) -> None:
    built(project, tmp_path / "a", search=False)
    built(project, tmp_path / "b", search=False)
    a, b = read_tree(tmp_path / "a"), read_tree(tmp_path / "b")
    assert sorted(a) == sorted(b)
    assert [p for p in a if a[p] != b[p]] == []


def test_example_site_is_identical_when_built_from_a_copy_elsewhere(tmp_path: Path) -> None:
    """Absolute paths of the checkout must not leak into the output."""
    elsewhere = tmp_path / "deep" / "other folder" / "项目"
    shutil.copytree(REPO / "plans", elsewhere / "plans")
    for name in ("plangen.yaml", "registry.yaml"):
        if (REPO / name).is_file():
            shutil.copy(REPO / name, elsewhere / name)
    here = build_files(REPO, tmp_path / "here", search=False, history=False)  # the copy is not a git checkout
    there = build_files(elsewhere, tmp_path / "there", search=False, history=False)
    assert sorted(here) == sorted(there)
    assert [p for p in here if here[p] != there[p]] == []
    for path, data in here.items():
        assert str(REPO).encode() not in data, path
        assert str(tmp_path).encode() not in data, path


def test_no_build_time_in_the_output(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Different clocks and SOURCE_DATE_EPOCH give the same bytes when every plan is dated."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = build_files(project, tmp_path / "a", search=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)
    second = build_files(project, tmp_path / "b", search=False)
    assert first == second
    today = time.strftime("%Y%m%d").encode()
    assert not any(today in data for path, data in first.items() if not path.startswith("sources/"))


def test_source_date_epoch_is_used_when_a_date_is_needed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A project without any dated plan: the feed's and calendar's timestamps come from SOURCE_DATE_EPOCH."""
    root = tmp_path / "p"
    (root / "plans").mkdir(parents=True)
    (root / "plans/undated.yaml").write_text(
        "title: 无日期方案\nissuer: 测试小学\nguiding_thought: 以发展为目标。\n"
        "leadership: {leaders: [{name: 张明, title: 校长, org: 测试小学}]}\n"
        "steps: [{title: 启动阶段}]\nrequirements: [提高认识]\n", "utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    files = build_files(root, tmp_path / "out", search=False)
    updated = ET.fromstring(files[urls.FEED]).findtext("{http://www.w3.org/2005/Atom}updated")
    assert updated == "2023-11-14T22:13:20Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    again = build_files(root, tmp_path / "out2", search=False)
    assert ET.fromstring(again[urls.FEED]).findtext("{http://www.w3.org/2005/Atom}updated") == "1970-01-01T00:00:00Z"


# ---------------------------------------------------------------- errors leave the site alone

def test_a_validation_error_leaves_the_site_untouched(published: Path) -> None:
    project = published
    out = project / "site"
    (out / "user-notes.txt").write_text("mine", "utf-8")
    _age(out)
    before, times = read_tree(out), mtimes(out)
    plan = project / SMALL_PLAN
    plan.write_text(plan.read_text("utf-8").replace("title: 五井小学城乡学校结对帮扶工作方案\n", ""), "utf-8")
    (project / "plans/new.yaml").write_text("title: 新方案\n", "utf-8")
    result = build_site(project, out, search=False)
    assert not result.ok
    assert any(p.is_error for p in result.problems)
    assert read_tree(out) == before
    assert mtimes(out) == times


def test_a_config_error_leaves_the_site_untouched(published: Path) -> None:
    project = published
    out = project / "site"
    _age(out)
    before, times = read_tree(out), mtimes(out)
    (project / "plangen.yaml").write_text("title: 站点\nlanguage: fr\n", "utf-8")
    assert not build_site(project, out, search=False).ok
    assert read_tree(out) == before and mtimes(out) == times


def test_a_template_error_leaves_the_site_untouched(published: Path) -> None:
    """A broken user template is reported at its file and line, and nothing is written."""
    project = published
    out = project / "site"
    _age(out)
    before, times = read_tree(out), mtimes(out)
    (project / "templates").mkdir()
    (project / "templates/person.html").write_text("{{ no_such_variable.attribute }}", "utf-8")
    result = build_site(project, out, search=False)
    assert not result.ok
    [problem] = [p for p in result.problems if p.code == "template-error"]
    assert problem.path.endswith("person.html") and problem.line == 1
    assert "no_such_variable" in problem.message
    assert read_tree(out) == before and mtimes(out) == times


# ---------------------------------------------------------------- refused output folders

def _refused(project: Path, out: Path) -> str:
    result = build_site(project, out, search=False)
    assert not result.ok, f"building into {out} was not refused"
    refused = [p for p in result.problems if p.code == "output-refused"]
    assert refused, [p.message for p in result.problems]
    return refused[0].message


def _snapshot(folder: Path) -> dict[str, bytes]:
    return read_tree(folder) if folder.is_dir() else {}


def test_refuses_the_plans_folder(project: Path) -> None:
    before = _snapshot(project)
    assert "plans folder" in _refused(project, project / "plans")
    assert "plans folder" in _refused(project, project / "plans" / "education")
    assert _snapshot(project) == before


def test_refuses_the_project_root_and_its_parents(project: Path) -> None:
    before = _snapshot(project)
    assert "project" in _refused(project, project)
    _refused(project, project.parent)
    assert _snapshot(project) == before


def test_refuses_the_home_folder(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home" / "user"
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert Path.home() == home
    assert "home" in _refused(project, home)
    assert list(home.iterdir()) == []


def test_refuses_the_file_system_root(project: Path) -> None:
    assert "root" in _refused(project, Path("/"))


def test_refuses_a_non_empty_folder_it_did_not_create(project: Path, tmp_path: Path) -> None:
    docs = tmp_path / "my documents"
    docs.mkdir()
    (docs / "report.docx").write_bytes(b"precious")
    _refused(project, docs)
    assert read_tree(docs) == {"report.docx": b"precious"}


def test_refuses_a_file(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", "utf-8")
    _refused(project, target)
    assert target.read_text("utf-8") == "x"


def test_accepts_an_empty_or_missing_folder(project: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    built(project, tmp_path / "empty", search=False)
    built(project, tmp_path / "new" / "nested", search=False)
    assert (tmp_path / "new/nested" / MANIFEST).is_file()


def test_refusal_through_the_cli_exits_1_and_says_why(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from plangen.cli import main

    assert main(["build", "-C", str(project), "-o", str(project / "plans")]) == 1
    err = capsys.readouterr().err
    assert "拒绝写入网站：输出目录是方案目录" in err


# ---------------------------------------------------------------- the manifest

def test_removes_only_files_it_wrote(published: Path) -> None:
    project = published
    out = project / "site"
    (out / "user-notes.txt").write_text("mine", "utf-8")
    (out / "plans" / "extra.html").write_text("<p>mine</p>", "utf-8")
    assert (out / "plans/2017-songshan-huifang.html").is_file()
    (project / SMALL_MD).unlink()
    result = built(project, out, search=False)
    assert result.stats is not None and result.stats.removed >= 3
    assert not (out / "plans/2017-songshan-huifang.html").exists()
    assert not (out / "plans/2017-songshan-huifang.ics").exists()
    assert not (out / "sources/2017-songshan-huifang.md").exists()
    assert (out / "user-notes.txt").read_text("utf-8") == "mine"
    assert (out / "plans/extra.html").read_text("utf-8") == "<p>mine</p>"
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert "plans/2017-songshan-huifang.html" not in manifest["files"]
    assert "user-notes.txt" not in manifest["files"]


def test_a_tampered_manifest_cannot_remove_files_outside_the_site(published: Path, tmp_path: Path) -> None:
    project = published
    out = project / "site"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", "utf-8")
    linked = tmp_path / "linked.txt"
    linked.write_text("keep", "utf-8")
    (out / "link.txt").symlink_to(linked)
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    manifest["files"] += ["../../victim.txt", str(victim), "link.txt", "../plans/" + Path(SMALL_PLAN).name,
                          "../" + SMALL_PLAN]
    (out / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    built(project, out, search=False)
    assert victim.read_text("utf-8") == "keep"
    assert linked.read_text("utf-8") == "keep"
    assert (project / SMALL_PLAN).is_file()


def test_unchanged_files_keep_their_mtime(published: Path) -> None:
    project = published
    out = project / "site"
    _age(out)
    times = mtimes(out)
    result = built(project, out, search=False)
    assert result.stats is not None and result.stats.written == 0
    assert mtimes(out) == times


def test_an_edit_rewrites_only_the_files_whose_bytes_changed(published: Path) -> None:
    project = published
    out = project / "site"
    _age(out)
    before, times = read_tree(out), mtimes(out)
    plan = project / SMALL_PLAN
    plan.write_text(plan.read_text("utf-8").replace("每次活动有记录、有反馈。", "每次活动有记录。"), "utf-8")
    built(project, out, search=False)
    after, new_times = read_tree(out), mtimes(out)
    changed = {p for p in after if after[p] != before.get(p)}
    touched = {p for p in new_times if new_times[p] != times.get(p)}
    assert "plans/2016-wujing-jiedui.html" in changed
    assert touched == changed
    assert "orgs/九杰小学.html" not in touched


def test_search_bundle_is_deterministic(tmp_path: Path) -> None:
    from plangen import search

    root = copy_fixture("small", tmp_path / "project")
    first = build_site(root, tmp_path / "a")
    if not (first.ok and first.search and first.search.ok):
        pytest.skip(f"search is not available here: {first.search and first.search.reason}")
    assert build_site(root, tmp_path / "b").ok
    a = {p: b for p, b in read_tree(tmp_path / "a").items() if p.startswith(search.BUNDLE + "/")}
    b = {p: b for p, b in read_tree(tmp_path / "b").items() if p.startswith(search.BUNDLE + "/")}
    assert sorted(a) == sorted(b)
    assert [p for p in a if a[p] != b[p]] == []


# ---------------------------------------------------------------- the writer itself

def test_the_writer_stages_files_unseen_until_commit_and_abort_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = SiteWriter(out)
    first.put("index.html", b"old")
    first.put("a/b/c.html", b"deep")
    first.commit()
    before = read_tree(out)
    second = SiteWriter(out)
    second.put("index.html", b"new")
    second.put("a/b/c.html", b"deep")  # the same bytes: not staged
    second.put("x/y.json", b"{}")  # in a folder that did not exist
    assert (out / ".index.html.plangen-tmp").read_bytes() == b"new" and (out / "x/.y.json.plangen-tmp").is_file()
    assert (out / "index.html").read_bytes() == b"old"  # staged beside it, not yet in place
    assert second.unchanged == 1
    second.abort()
    assert read_tree(out) == before  # no temporary file left behind
    third = SiteWriter(out)
    third.put("index.html", b"new")
    stats = third.commit(kept=("a/b/c.html",))
    assert (out / "index.html").read_bytes() == b"new" and stats.changed == ("index.html",)
    assert not [p for p in out.rglob("*") if p.name.endswith(".plangen-tmp")]


@pytest.mark.parametrize("path", ["", "/etc/passwd", "../x.html", "a/../../x", "a//b", "./a", "a\\b", "a\0b"])
def test_the_writer_refuses_paths_that_are_not_plain_and_relative(tmp_path: Path, path: str) -> None:
    with pytest.raises(ValueError, match="outside the output folder"):
        SiteWriter(tmp_path / "site").put(path, b"x")
