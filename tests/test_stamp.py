"""`plangen build` with nothing changed answers from file status alone, and never when something changed."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from incremental_helpers import REPO, build_ok, cold
from sitecheck import read_tree

from plangen import stamp
from plangen.build import BuildResult
from plangen.cache import CACHE_DIR

PAST = time.time() - 3600


def _settle(folder: Path) -> None:
    """Make every file look saved an hour ago (a file saved just now is never trusted)."""
    for path in folder.rglob("*"):
        if CACHE_DIR not in path.parts and "site" not in path.parts:
            os.utime(path, (PAST, PAST), follow_symlinks=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(REPO / "plans", root / "plans")
    shutil.copy(REPO / "registry.yaml", root / "registry.yaml")
    (root / "plangen.yaml").write_text((REPO / "plangen.yaml").read_text("utf-8"), "utf-8")
    _settle(root)
    return root


def _build(root: Path, **kw: object) -> BuildResult:
    return build_ok(root, root / "site", **kw)


def _loaded(result: BuildResult) -> bool:
    """Whether the build loaded the plans (else it said the last build's result again: stamp.py).
    It may still open a plan file saved lately, to hash its content."""
    return bool(result.workspace.project.plans)


def test_nothing_changed_reads_no_plan_and_reports_the_same(project: Path) -> None:
    first = _build(project)
    before = {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")}
    again = _build(project)
    assert not _loaded(again)
    assert (again.plans, again.pages, again.drafts_skipped) == (first.plans, first.pages, first.drafts_skipped)
    assert again.problems == first.problems and again.rendered == 0
    assert again.stats is not None and (again.stats.written, again.stats.removed) == (0, 0)
    assert again.stats.unchanged == first.stats.written + first.stats.unchanged  # type: ignore[union-attr]
    assert {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")} == before


def test_warnings_are_reported_again_with_their_lines(project: Path) -> None:
    (project / "registry.yaml").write_text("organisations:\n  - name: 柳湾镇中心小学校\n", "utf-8")
    _settle(project)
    first = _build(project)
    warned = [p for p in first.problems if not p.is_error]
    assert warned, "the registry makes did-you-mean warnings"
    again = _build(project)
    assert not _loaded(again)
    assert again.problems == first.problems
    assert set(again.workspace.project.texts) == {p.path for p in warned}


@pytest.mark.parametrize("change", ["edit-plan", "touch-plan", "new-plan", "delete-output", "edit-output",
                                    "template", "registry", "config", "option", "epoch", "corrupt-stamp"])
def test_any_change_builds_again(project: Path, change: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _build(project)
    plan = min((project / "plans").rglob("*.md"))
    out = project / "site"
    options: dict[str, object] = {}
    if change == "edit-plan":  # same size, same time: only the change time and content differ
        text = plan.read_text("utf-8")
        plan.write_text(text.replace("。", "；", 1), "utf-8")
        os.utime(plan, (PAST, PAST))
    elif change == "touch-plan":
        os.utime(plan, (PAST + 60, PAST + 60))
    elif change == "new-plan":
        shutil.copy(plan, plan.with_name("copy-of-" + plan.name))
        _settle(project)
    elif change == "delete-output":
        next(out.glob("plans/*.html")).unlink()
    elif change == "edit-output":
        (out / "index.html").write_text("damaged", "utf-8")
    elif change == "template":
        (project / "templates").mkdir()
        (project / "templates" / "404.html").write_text((REPO / "templates" / "404.html").read_text("utf-8"), "utf-8")
        _settle(project)
    elif change == "registry":
        (project / "registry.yaml").write_text((project / "registry.yaml").read_text("utf-8") + "\n", "utf-8")
        _settle(project)
    elif change == "config":
        (project / "plangen.yaml").write_text((project / "plangen.yaml").read_text("utf-8") + "\n", "utf-8")
        _settle(project)
    elif change == "option":
        options["drafts"] = True
    elif change == "epoch":
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    else:
        (project / CACHE_DIR / stamp.FILE).write_text("{not json", "utf-8")
    assert _loaded(_build(project, **options)), change
    assert read_tree(out, manifest=False) == cold(project, project.parent / "cold", manifest=False, **options)


def test_a_file_saved_just_now_is_known_by_its_content(project: Path) -> None:
    plan = min((project / "plans").rglob("*.md"))
    plan.write_text(plan.read_text("utf-8"), "utf-8")  # saved now: a second save could keep size and times
    _build(project)
    saved = json.loads((project / CACHE_DIR / stamp.FILE).read_text("utf-8"))
    assert str(plan) in saved["hashed"]
    again = _build(project)  # still nothing to do: the content is the same
    assert not _loaded(again) and again.rendered == 0


def test_a_change_that_keeps_the_status_is_seen_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two saves of the same size within one tick of a coarse file-system clock leave the same status.
    No file system here can be made to do that (Linux 6.13 on tells every save apart), so the status
    is given: stamp._status is the one private name a test replaces."""
    file = tmp_path / "a.md"
    file.write_text("一", "utf-8")
    def status(path: str) -> tuple[str, int]:  # the same status before and after; changed just now
        return f"{path}\0same status", time.time_ns() if path == str(file) else 0
    monkeypatch.setattr(stamp, "_status", status)
    first = stamp.take("", [file], [])
    assert first.hashed == (str(file),)
    assert stamp.take("", [file], [], first.hashed).digest == first.digest
    file.write_text("二", "utf-8")
    assert stamp.take("", [file], [], first.hashed).digest != first.digest


def test_after_an_edit_the_next_build_with_nothing_changed_reads_nothing(project: Path) -> None:
    """The status of the output files is kept from before the build for the files it did not write,
    and looked at anew for those it wrote: the next build then finds every file as recorded."""
    _build(project)
    plan = next(p for p in sorted((project / "plans").rglob("*.md")))
    plan.write_text(plan.read_text("utf-8") + "\n补充一句。\n", "utf-8")
    _settle(project)
    edited = _build(project)
    assert edited.stats is not None and edited.stats.written and edited.stats.changed
    assert all((project / "site" / path).is_file() for path in edited.stats.changed)
    again = _build(project)
    assert not _loaded(again)
    assert again.rendered == 0 and again.stats is not None and again.stats.written == 0
