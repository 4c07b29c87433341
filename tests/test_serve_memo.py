"""memo.py: values kept by object identity in a long-lived process, swept now and then."""

from __future__ import annotations

from pathlib import Path

import pytest
from incremental_helpers import generated, options, watching

from plangen.build import BuildOptions, build
from plangen.cache import BuildCache
from plangen.memo import SLACK, ByIdentity, changed_positions
from plangen.workspace import load_workspace


class Thing:
    pass


def test_a_value_is_computed_once_per_object() -> None:
    memo: ByIdentity[Thing, int] = ByIdentity()
    calls: list[Thing] = []
    a, b = Thing(), Thing()
    assert [memo.get(x, lambda t: calls.append(t) or len(calls)) for x in (a, b, a, b)] == [1, 2, 1, 2]
    assert calls == [a, b]


def test_values_of_objects_no_longer_in_use_are_swept_once_enough_gathered() -> None:
    memo: ByIdentity[Thing, int] = ByIdentity()
    alive = [Thing() for _ in range(10)]
    for t in alive:
        memo.get(t, lambda _: 0)
    dead = [Thing() for _ in range(SLACK)]
    for t in dead:
        memo.get(t, lambda _: 1)
    memo.keep_only(alive)
    assert len(memo) == 10 + SLACK  # not yet: a sweep of thousands at every build would cost more than it frees
    extra = Thing()
    memo.get(extra, lambda _: 2)
    memo.keep_only(alive)
    assert len(memo) == 10
    assert all(memo.get(t, lambda _: 9) == 0 for t in alive)


def test_changed_positions_finds_the_objects_that_were_replaced() -> None:
    before = [Thing() for _ in range(6)]
    now = list(before)
    assert changed_positions(before, now) == []
    now[1], now[4] = Thing(), Thing()
    assert changed_positions(before, now) == [1, 4]
    assert changed_positions(before, now[:5]) is None


def _served(tmp_path: Path, seed: int = 4) -> tuple[Path, BuildOptions, BuildCache]:
    root = generated(tmp_path / "project", 12, seed=seed)
    memory = BuildCache()
    given = options(root, tmp_path / "site", persistent_cache=False)
    assert build(given, cache=memory).ok
    return root, given, memory


def test_plan_links_are_checked_again_when_a_save_changes_them(tmp_path: Path) -> None:
    """The link check of a long-lived process redoes only re-parsed plans, and still sees every change."""
    root, options, memory = _served(tmp_path, seed=3)
    plan = next(p for p in sorted((root / "plans").rglob("*.md")))
    text = plan.read_text("utf-8")
    plan.write_text(text + "\n另见[无此方案](plan:no-such-plan)。\n", "utf-8")
    broken = build(options, cache=memory)
    assert not broken.ok
    assert [(p.code, p.path) for p in broken.problems if p.is_error] == [("broken-plan-link", display(plan, root))]
    plan.write_text(text, "utf-8")
    assert build(options, cache=memory).ok


def display(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def test_a_trusted_hint_reads_only_the_saved_file_and_gives_the_same_project(tmp_path: Path) -> None:
    root, options, memory = _served(tmp_path)
    plan = min((root / "plans").rglob("*.md"))
    plan.write_text(plan.read_text("utf-8") + "\n补充一句。\n", "utf-8")
    memory.expect({str(plan)})
    with watching() as seen:
        served = build(options, cache=memory)
    plan_files = [name for name in seen.opened_in((root / "plans").resolve()) if name.endswith((".md", ".yaml"))]
    assert served.ok and plan_files == [plan.name]
    full = load_workspace(root).project
    assert served.workspace.project.plans == full.plans and served.workspace.project.texts == full.texts


@pytest.mark.parametrize("change", ["broken", "duplicate-slug", "new-file"])
def test_whatever_a_reload_cannot_vouch_for_is_loaded_in_full(tmp_path: Path, change: str) -> None:
    root, options, memory = _served(tmp_path)
    plans = sorted((root / "plans").rglob("*.yaml"))
    plan, other = plans[0], plans[1]
    if change == "broken":
        plan.write_text("title: [unclosed\n", "utf-8")
        codes = {"yaml-syntax", "syntax"}
    elif change == "duplicate-slug":
        plan.write_text(f"slug: {other.stem}\n" + plan.read_text("utf-8"), "utf-8")
        codes = {"duplicate-slug"}
    else:
        plan = plan.with_name("copy-" + plan.name)
        plan.write_text(other.read_text("utf-8"), "utf-8")
        codes = set()
    memory.expect({str(plan)})
    served = build(options, cache=memory)
    full = load_workspace(root)
    assert sorted(map(str, served.problems)) == sorted(map(str, full.problems))
    assert served.workspace.project.plans == full.project.plans
    if codes:
        assert {p.code for p in served.problems if p.is_error} & codes
