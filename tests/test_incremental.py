"""Incremental builds: the same bytes as a cold build, after any sequence of edits; no work when nothing changed."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import shutil
import sys
from pathlib import Path

import pytest
from conftest import REPO

from plangen import cache as cache_store
from plangen.build import BuildOptions, BuildResult, build
from plangen.cache import BuildCache

_spec = importlib.util.spec_from_file_location("corpus", REPO / "bench" / "corpus.py")
assert _spec and _spec.loader
corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("corpus", corpus)
_spec.loader.exec_module(corpus)


def _build(root: Path, out: Path, **kw: object) -> BuildResult:
    result = build(BuildOptions(root=root, output=out, search=False, history=False, jobs=1, **kw))  # type: ignore[arg-type]
    assert result.ok, [p.message for p in result.problems if p.is_error]
    return result


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _cold(root: Path, tmp: Path, name: str) -> dict[str, bytes]:
    out = tmp / name
    shutil.rmtree(out, ignore_errors=True)
    _build(root, out, persistent_cache=False)
    return _tree(out)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    corpus.generate(root, 24, seed=7)
    return root


def _plans(root: Path) -> list[Path]:
    return sorted(p for p in (root / "plans").rglob("*") if p.suffix in (".yaml", ".md"))


def _edit_text(rng: random.Random, root: Path) -> str:
    plan = rng.choice(_plans(root))
    text = plan.read_text("utf-8")
    marker = rng.choice(["加强", "做好", "推进"])
    plan.write_text(text.replace(marker, marker + "并改进", 1), "utf-8")
    return f"edit {plan.name}"


def _edit_title(rng: random.Random, root: Path) -> str:
    plan = rng.choice(_plans(root))
    lines = plan.read_text("utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        head, sep, value = line.rstrip("\n").partition(":")
        if sep and head in ("title", "标题"):  # the plan's own title (front matter or top-level key)
            quote = '"' if value.endswith('"') else ""
            lines[i] = f"{head}:{value.removesuffix(quote)}（修订）{quote}\n"
            break
    else:
        raise AssertionError(f"no title line in {plan}")
    plan.write_text("".join(lines), "utf-8")
    return f"retitle {plan.name}"


def _unlinked(rng: random.Random, root: Path) -> Path:
    """A plan no other plan links to (removing a linked plan is an error, tested elsewhere)."""
    texts = "".join(p.read_text("utf-8") for p in _plans(root))
    return rng.choice([p for p in _plans(root) if f"plan:{p.stem}" not in texts])


def _delete(rng: random.Random, root: Path) -> str:
    plan = _unlinked(rng, root)
    plan.unlink()
    return f"delete {plan.name}"


def _rename(rng: random.Random, root: Path) -> str:
    plan = _unlinked(rng, root)
    text = plan.read_text("utf-8")
    if "\nslug:" in text or text.startswith("slug:"):
        return "skip rename (explicit slug)"
    target = plan.with_name("renamed-" + plan.name)
    plan.rename(target)
    return f"rename {plan.name}"


def _copy(rng: random.Random, root: Path) -> str:
    plan = rng.choice(_plans(root))
    text = plan.read_text("utf-8")
    if "\nslug:" in text or text.startswith("slug:"):
        return "skip copy (explicit slug)"
    plan.with_name("copy-" + plan.name).write_text(text, "utf-8")
    return f"copy {plan.name}"


def _template(rng: random.Random, root: Path) -> str:
    theme = REPO / "templates"
    folder = root / "templates"
    folder.mkdir(exist_ok=True)
    name = rng.choice(["org.html", "person.html", "timeline.html", "plan.html"])
    text = (folder / name).read_text("utf-8") if (folder / name).exists() else (theme / name).read_text("utf-8")
    edited = text.replace("<h1", '<h1 class="edited"', 1)
    assert edited != text
    (folder / name).write_text(edited, "utf-8")
    return f"template {name}"


EDITS = [_edit_text, _edit_text, _edit_title, _delete, _rename, _copy, _template]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incremental_builds_match_cold_builds_after_random_edits(project: Path, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    out = tmp_path / "incremental"
    _build(project, out)
    for step in range(5):
        what = rng.choice(EDITS)(rng, project)
        _build(project, out)
        cold = _cold(project, tmp_path, "cold")
        inc = _tree(out)
        cold.pop(".plangen-manifest.json")
        inc.pop(".plangen-manifest.json")
        assert sorted(inc) == sorted(cold), f"step {step}: {what}"
        assert [p for p in inc if inc[p] != cold[p]] == [], f"step {step}: {what}"


@pytest.mark.parametrize("seed", [4, 5])
def test_a_long_lived_process_matches_cold_builds_after_random_edits(project: Path, tmp_path: Path, seed: int) -> None:
    """The serve path: one in-memory cache for every build, reusing the last build's jobs when only text changed."""
    rng = random.Random(seed)
    out = tmp_path / "served"
    memory = BuildCache()
    options = BuildOptions(root=project, output=out, search=False, history=False, jobs=1, persistent_cache=False)
    assert build(options, cache=memory).ok
    for step in range(8):
        what = rng.choice([_edit_text, _edit_text, _edit_text, *EDITS])(rng, project)
        result = build(options, cache=memory)
        assert result.ok, what
        cold = _cold(project, tmp_path, "cold")
        inc = _tree(out)
        assert inc == cold, f"step {step}: {what}: {[p for p in set(inc) | set(cold) if inc.get(p) != cold.get(p)]}"


def test_a_text_edit_in_a_long_lived_process_redoes_only_that_plans_files_and_the_feeds(
        project: Path, tmp_path: Path) -> None:
    memory = BuildCache()
    options = BuildOptions(root=project, output=tmp_path / "site", search=False, history=False, persistent_cache=False)
    build(options, cache=memory)
    first = memory.last
    site_wide = {path: (tmp_path / "site" / path).stat().st_mtime_ns for path in ("calendar.ics", "api/plans.json")}
    _edit_text(random.Random(5), project)
    warm = build(options, cache=memory)
    assert warm.ok
    # the plan's page, its calendar, its source, its JSON, and the Atom feed (it shows the newest plans' text);
    # the site calendar and the API's list show summaries only: neither is made again
    assert warm.rendered == 5
    assert memory.last is not first and memory.last.live.renderer is first.live.renderer
    assert warm.stats is not None and 0 < warm.stats.written <= 5
    assert {path: (tmp_path / "site" / path).stat().st_mtime_ns for path in site_wide} == site_wide
    _edit_title(random.Random(5), project)  # a summary changes: every page fingerprinted again
    assert build(options, cache=memory).rendered > 6


def test_a_template_edit_in_a_long_lived_process_redoes_only_its_pages(project: Path, tmp_path: Path) -> None:
    memory = BuildCache()
    out = tmp_path / "site"
    options = BuildOptions(root=project, output=out, search=False, history=False, persistent_cache=False)
    (project / "templates").mkdir()  # a project with templates of its own
    (project / "templates" / "404.html").write_text((REPO / "templates" / "404.html").read_text("utf-8"), "utf-8")
    build(options, cache=memory)
    first = memory.last
    timeline = (REPO / "templates" / "timeline.html").read_text("utf-8")
    (project / "templates" / "timeline.html").write_text(timeline.replace("<h1>", '<h1 class="edited">', 1), "utf-8")
    warm = build(options, cache=memory)
    assert warm.ok and warm.rendered == 1 and 'class="edited"' in (out / "timeline.html").read_text("utf-8")
    assert memory.last.live.renderer is first.live.renderer  # plan cards are kept: _card.html is unchanged
    (project / "templates" / "_card.html").write_text((REPO / "templates" / "_card.html").read_text("utf-8") + "\n",
                                                      "utf-8")
    again = build(options, cache=memory)
    assert again.ok and memory.last.live.renderer is not first.live.renderer
    assert _tree(out) == _cold(project, tmp_path, "cold")


def test_a_build_with_nothing_changed_renders_and_writes_nothing(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = _build(project, out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = _build(project, out)
    assert again.rendered == 0
    assert again.stats is not None and again.stats.written == 0 and again.stats.removed == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before
    assert first.pages == again.pages


def test_one_plan_edit_rerenders_only_the_pages_that_read_it(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    cold = _build(project, out)
    _edit_text(random.Random(5), project)
    warm = _build(project, out)
    assert 0 < warm.rendered < cold.rendered / 2


def test_the_in_memory_cache_skips_parsing_unchanged_plans(project: Path, tmp_path: Path) -> None:
    memory = BuildCache()
    out = tmp_path / "site"
    build(BuildOptions(root=project, output=out, search=False, history=False, persistent_cache=False), cache=memory)
    parsed = memory.misses
    build(BuildOptions(root=project, output=out, search=False, history=False, persistent_cache=False), cache=memory)
    assert memory.misses == parsed and memory.hits >= parsed


@pytest.mark.parametrize("damage", ["garbage", "other-version", "wrong-shape"])
def test_a_corrupt_or_foreign_cache_is_ignored(project: Path, tmp_path: Path, damage: str) -> None:
    out = tmp_path / "site"
    _build(project, out)
    file = project / cache_store.CACHE_DIR / cache_store.CACHE_FILE
    if damage == "garbage":
        file.write_bytes(b"\x00not json")
    elif damage == "other-version":
        head, _, entries = file.read_text("utf-8").partition("\n")
        doc = json.loads(head)
        doc["format"] = "0.0.0-other/3"
        file.write_text(json.dumps(doc) + "\n" + entries, "utf-8")
    else:
        file.write_text(json.dumps({"format": cache_store.FORMAT, "version": "x", "parsed": [1, 2]}), "utf-8")
    assert cache_store.load(project).parsed == {}
    _edit_text(random.Random(9), project)
    _build(project, out)
    cold = _cold(project, tmp_path, "cold")
    inc = _tree(out)
    cold.pop(".plangen-manifest.json")
    inc.pop(".plangen-manifest.json")
    assert inc == cold


def test_plans_parsed_in_worker_processes_are_the_same(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from plangen.project import parse_each
    from plangen.sources import read_source

    files = _plans(project)
    sources = [read_source(f, project, project / "plans") for f in files]
    monkeypatch.setattr(cache_store, "PARALLEL_PARSE_FROM", 1)
    memory = BuildCache()
    forked = memory.parse(sources)  # type: ignore[arg-type]
    serial = parse_each(sources)  # type: ignore[arg-type]
    assert [(p.plan, p.problems, p.slug) for p in forked] == [(p.plan, p.problems, p.slug) for p in serial]
    assert all(p.data is None for p in forked)  # the cache keeps each plan's model, not its data
    assert all(p.source is s for p, s in zip(forked, sources, strict=True))
    assert memory.misses == len(sources) and memory.parse(sources) == forked and memory.hits == len(sources)  # type: ignore[arg-type]


def _status(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("seed", [6, 7])
def test_a_watchers_hint_gives_the_same_site_as_a_cold_build(project: Path, tmp_path: Path, seed: int) -> None:
    """serve tells the cache which paths its events named; with that hint the cache lists and stats
    only those (the other files keep their status) — and the site must still equal a cold build."""
    for path in project.rglob("*"):  # settled files: the cache may keep them by their status
        os.utime(path, (1_600_000_000, 1_600_000_000))
    rng = random.Random(seed)
    out = tmp_path / "served"
    memory = BuildCache()
    options = BuildOptions(root=project.resolve(), output=out, search=False, history=False, jobs=1,
                           persistent_cache=False)
    assert build(options, cache=memory).ok
    for step in range(6):
        before = _status(project)
        what = rng.choice([_edit_text, _edit_text, _edit_title, _delete, _rename, _copy, _template])(rng, project)
        after = _status(project)
        memory.expect({p for p in before.keys() | after.keys() if before.get(p) != after.get(p)})
        assert build(options, cache=memory).ok, what
        assert _tree(out) == _cold(project, tmp_path, "cold"), f"step {step}: {what}"


def test_a_hint_is_trusted_only_when_it_explains_every_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from plangen import project as project_module
    from plangen.project import ReadOptions

    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (plans / name).write_text(f"# {name}\n", "utf-8")
        os.utime(plans / name, (1_600_000_000, 1_600_000_000))
    memory = BuildCache()
    reads: list[str] = []
    real = cache_store.read_file
    monkeypatch.setattr(cache_store, "read_file", lambda f, *a: reads.append(Path(f).name) or real(f, *a))
    listings: list[int] = []
    real_list = cache_store.discover_files
    monkeypatch.setattr(cache_store, "discover_files", lambda *a: listings.append(1) or real_list(*a))

    def load(hint: set[str] | None) -> list[str]:
        reads.clear()
        memory.expect(hint)
        found = project_module.read_paths([plans], tmp_path, ReadOptions(), memory)[0]
        return [s.text for s in found]

    load(None)
    assert reads == ["a.md", "b.md", "c.md"] and len(listings) == 1
    (plans / "b.md").write_text("# b edited\n", "utf-8")
    assert load({str(plans / "b.md")}) == ["# a.md\n", "# b edited\n", "# c.md\n"]
    assert reads == ["b.md"] and len(listings) == 1  # one file looked at, no new listing
    (plans / "d.md").write_text("# d\n", "utf-8")
    assert len(load({str(plans / "d.md")})) == 4 and len(listings) == 2  # a new file: listed again
    (plans / "d.md").unlink()
    assert len(load({str(plans / "d.md")})) == 3 and len(listings) == 3  # a file gone
    assert len(load({str(plans) + "//a.md"})) == 3 and len(listings) == 4  # a path the listing does not know
    (plans / "sub").mkdir()
    assert len(load({str(plans / "sub")})) == 3 and len(listings) == 5  # a folder
    assert len(load({str(tmp_path / "templates" / "plan.html")})) == 3 and len(listings) == 5  # outside: no need


def test_a_feed_of_the_newest_plans_stays_right_after_edits_to_any_plan(project: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """With a feed of 3 plans in a corpus of 24, the feed is fingerprinted by those 3 only, and
    every build still equals a cold one."""
    from plangen import feeds

    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    rng = random.Random(11)
    out = tmp_path / "served"
    memory = BuildCache()
    options = BuildOptions(root=project, output=out, search=False, history=False, jobs=1, persistent_cache=False)
    assert build(options, cache=memory).ok
    for step in range(6):
        what = rng.choice([_edit_text, _edit_text, _edit_title])(rng, project)
        assert build(options, cache=memory).ok, what
        assert _tree(out) == _cold(project, tmp_path, "cold"), f"step {step}: {what}"


def test_the_site_calendar_follows_a_step_owner_edit_in_a_long_lived_process(project: Path, tmp_path: Path) -> None:
    """The site calendar shows each step's owner but not its text: an owner is part of a plan's summary."""
    out = tmp_path / "served"
    memory = BuildCache()
    options = BuildOptions(root=project, output=out, search=False, history=False, jobs=1, persistent_cache=False)
    assert build(options, cache=memory).ok
    before = (out / "calendar.ics").read_bytes()
    plan = next(p for p in _plans(project) if p.suffix == ".yaml" and "    owner: " in p.read_text("utf-8"))
    plan.write_text(plan.read_text("utf-8").replace("    owner: ", "    owner: 新", 1), "utf-8")
    assert build(options, cache=memory).ok
    after = (out / "calendar.ics").read_bytes()
    assert after != before and "负责：新".encode() in after.replace(b"\r\n ", b"")
    assert _tree(out) == _cold(project, tmp_path, "cold")
