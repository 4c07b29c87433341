"""Incremental builds give exactly the bytes of a cold build of the same sources, after any
sequence of edits, in a new process (the cache saved in .plangen-cache/) and in a long-lived one
(serve's cache in memory, with or without the watcher's hint); and they redo only what changed.

Every scenario builds, edits, builds again into the same folder, and compares the tree with a cold
build (no cache, a fresh folder): `incremental_helpers.assert_as_cold`. The random-edit oracles
come first, then named edits, then how much is redone, then damaged caches.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from incremental_helpers import (
    EDITS,
    REPO,
    assert_as_cold,
    build_ok,
    cold,
    copy,
    delete,
    differences,
    edit_text,
    edit_title,
    generated,
    options,
    plans,
    rename,
    template,
    watching,
)
from sitecheck import broken_links, parse_site, read_tree, write_files

from plangen import cache as cache_store
from plangen import feeds, index_json, lastpass, publish
from plangen.build import build
from plangen.cache import CACHE_DIR, BuildCache
from plangen.project import ReadOptions, read_paths


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return generated(tmp_path / "project", 24, seed=7)


def _long_lived(root: Path, out: Path) -> tuple[BuildCache, Callable[[], None]]:
    """serve's way: one cache in memory for every build; a function that builds again (it must succeed)."""
    memory = BuildCache()
    given = options(root, out, persistent_cache=False)

    def again() -> None:
        result = build(given, cache=memory)
        assert result.ok, [str(p) for p in result.problems if p.is_error]

    again()
    return memory, again


# --- the random-edit oracles ---------------------------------------------------------------------

@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incremental_builds_match_cold_builds_after_random_edits(project: Path, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    out = tmp_path / "incremental"
    build_ok(project, out)
    for step in range(5):
        what = rng.choice(EDITS)(rng, project)
        build_ok(project, out)
        assert_as_cold(project, out, tmp_path / "cold", f"step {step}: {what}", manifest=False)


@pytest.mark.parametrize("seed", [4, 5])
def test_a_long_lived_process_matches_cold_builds_after_random_edits(project: Path, tmp_path: Path, seed: int) -> None:
    """The serve path: one in-memory cache for every build, reusing the last build's jobs when only text changed."""
    rng = random.Random(seed)
    out = tmp_path / "served"
    _, again = _long_lived(project, out)
    for step in range(8):
        what = rng.choice([edit_text, edit_text, edit_text, *EDITS])(rng, project)
        again()
        assert_as_cold(project, out, tmp_path / "cold", f"step {step}: {what}")


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
    given = options(project.resolve(), out, persistent_cache=False)
    assert build(given, cache=memory).ok
    for step in range(6):
        before = _status(project)
        what = rng.choice([edit_text, edit_text, edit_title, delete, rename, copy, template])(rng, project)
        after = _status(project)
        memory.expect({p for p in before.keys() | after.keys() if before.get(p) != after.get(p)})
        assert build(given, cache=memory).ok, what
        assert_as_cold(project, out, tmp_path / "cold", f"step {step}: {what}")


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    return generated(tmp_path / "project", 16, seed=5)


def _edit_nth(root: Path, n: int) -> Path:
    """One sentence of the nth plan (counting round) changed."""
    plan = plans(root)[n % len(plans(root))]
    text = plan.read_text("utf-8")
    marker = next(m for m in ("加强", "做好", "推进", "工作") if m in text)
    plan.write_text(text.replace(marker, marker + "并改进", 1), "utf-8")
    return plan


@pytest.mark.parametrize("seed", range(3))
def test_new_processes_after_random_edits_match_cold_builds(small_project: Path, tmp_path: Path, seed: int) -> None:
    """Each build picks up the last build's pass from .plangen-cache/ (lastpass.py)."""
    root, rng, out = small_project, random.Random(seed), tmp_path / "site"
    build_ok(root, out)
    for step in range(4):
        plan = rng.choice(plans(root))
        text = plan.read_text("utf-8")
        what = rng.choice(["text", "title", "template", "delete"])
        if what == "text":
            _edit_nth(root, rng.randrange(100))
        elif what == "title":
            plan.write_text(text.replace("工作方案", "工作方案（修订）", 1), "utf-8")
        elif what == "template":
            (root / "templates").mkdir(exist_ok=True)
            theme = REPO / "templates" / "timeline.html"
            (root / "templates" / "timeline.html").write_text(
                theme.read_text("utf-8").replace("<h1>", f'<h1 data-step="{step}">', 1), "utf-8")
        else:
            plan.unlink()
        build_ok(root, out)
        assert_as_cold(root, out, tmp_path / f"cold{step}", f"step {step}: {what}")


def test_a_feed_of_the_newest_plans_stays_right_after_edits_to_any_plan(project: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """With a feed of 3 plans in a corpus of 24, the feed is fingerprinted by those 3 only, and
    every build still equals a cold one."""
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    rng = random.Random(11)
    out = tmp_path / "served"
    _, again = _long_lived(project, out)
    for step in range(6):
        what = rng.choice([edit_text, edit_text, edit_title])(rng, project)
        again()
        assert_as_cold(project, out, tmp_path / "cold", f"step {step}: {what}")


# --- named edits ---------------------------------------------------------------------------------

def plan(title: str, issuer: str, date: str, extra: str = "", leader: str = "张明", body: str = "以发展为目标。") -> str:
    return (f"title: {title}\nissuer: {issuer}\ndate: {date}\n{extra}"
            f"guiding_thought: {body}\n"
            f"leadership: {{leaders: [{{name: {leader}, title: 校长, org: {issuer}}}]}}\n"
            f"steps: [{{title: 启动阶段, start: {date}}}]\nrequirements: [提高认识]\n")


PROJECT = {
    "plangen.yaml": "title: 增量测试\n",
    "plans/a.yaml": plan("甲方案", "甲单位", "2018-01-01", "basis: [{title: 某文件}]\n",
                         body="参见[丁方案](plan:d)。"),
    "plans/b.yaml": plan("乙方案", "乙单位", "2019-01-01", leader="李雷"),
    "plans/c.yaml": plan("丙方案", "丙单位", "2020-01-01", leader="韩梅"),
    "plans/d.yaml": plan("丁方案", "丁单位", "2021-01-01", "basis: [{title: 某文件, number: 某发〔2020〕1号}]\n",
                         leader="王五"),
}


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        file = root / path
        text = file.read_text("utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new), "utf-8")
    return edit


def _write(path: str, text: str) -> Callable[[Path], None]:
    return lambda root: write_files(root, {path: text}) and None


def _delete(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


SCENARIOS = {
    "title": _replace("plans/b.yaml", "乙方案", "乙方案（修订）"),
    "issuer": _replace("plans/c.yaml", "issuer: 丙单位", "issuer: 乙单位"),
    "leader": _replace("plans/b.yaml", "李雷", "韩梅"),
    "date-order": _replace("plans/a.yaml", "date: 2018-01-01", "date: 2022-01-01"),
    "add-plan": _write("plans/e.yaml", plan("戊方案", "甲单位", "2019-06-01")),
    "delete-plan": _delete("plans/b.yaml"),
    "doc-number-elsewhere": _replace("plans/d.yaml", ", number: 某发〔2020〕1号", ""),
    "linked-plan-becomes-draft": _replace("plans/d.yaml", "date: 2021-01-01\n", "date: 2021-01-01\nstatus: draft\n"),
    "registry": _write("registry.yaml", "organisations:\n  - {name: 甲单位, aliases: [乙单位]}\n"),
    "config-title": _write("plangen.yaml", "title: 改名后的站点\n"),
    "config-language": _write("plangen.yaml", "title: 增量测试\nlanguage: en\n"),
    "user-template": _write("templates/person.html", "{% extends 'base.html' %}{% block main %}<h1>{{ person.name }}"
                                                     "</h1>{% endblock %}"),
}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PROJECT built once with its cache (base/project/.plangen-cache) into base/site; scenarios copy it."""
    base = tmp_path_factory.mktemp("incremental")
    build_ok(write_files(base / "project", PROJECT), base / "site", history=True, jobs=0)
    return base


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_rebuild_after_an_edit_equals_a_cold_build(first_build: Path, tmp_path: Path, scenario: str) -> None:
    work = Path(shutil.copytree(first_build, tmp_path / "work"))
    root, out = work / "project", work / "site"
    SCENARIOS[scenario](root)
    again = build_ok(root, out, history=True, jobs=0)
    assert again.rendered < again.pages or scenario.startswith(("config", "registry", "user")), "nothing was cached"
    assert_as_cold(root, out, tmp_path / "cold", scenario)  # the manifest too
    assert broken_links(parse_site(read_tree(out, manifest=False))) == []


# p1 has six plans more related than p2 (same issuer and leader) and is not p2's neighbour, so only
# the document they both cite ties p1's page to p2.
RELATED = {
    "plans/p1.yaml": plan("一号方案", "甲单位", "2010-01-01", "basis: [{title: 某文件}]\n"),
    **{f"plans/o{i}.yaml": plan(f"其他方案{i}", "甲单位", f"201{i}-01-01") for i in range(1, 7)},
    "plans/p2.yaml": plan("二号方案", "乙单位", "2020-01-01", "basis: [{title: 某文件}]\n", leader="李雷"),
}


def test_a_number_given_elsewhere_moves_the_document_link_of_another_plan(tmp_path: Path) -> None:
    """When p2 gives 《某文件》 a number, its page moves to documents/<number>.html, and the link of
    p1 (which cites it without a number) must follow."""
    root = write_files(tmp_path / "project", RELATED)
    out = tmp_path / "site"
    build_ok(root, out, history=True, jobs=0)
    _replace("plans/p2.yaml", "basis: [{title: 某文件}]", "basis: [{title: 某文件, number: 某发〔2021〕2号}]")(root)
    build_ok(root, out, history=True, jobs=0)
    assert broken_links(parse_site(read_tree(out, manifest=False))) == []
    assert_as_cold(root, out, tmp_path / "cold", manifest=False)


# A list template of the project's own that prints each plan's full text (its guiding thought), not
# only its summary: the build cannot know what a project's template prints (docs/architecture.md).
FULL_TEXT_LIST = ("{% extends 'base.html' %}{% block main %}<h1>{{ bucket.name }}</h1>"
                  "{% for slug in bucket.plans %}<p>{{ index.by_slug[slug].part('guiding_thought').body }}</p>"
                  "{% endfor %}{% endblock %}")


def _full_text_card() -> str:
    card = (REPO / "templates" / "_card.html").read_text("utf-8")
    return card.replace("</li>", "<p>{{ plan.part('guiding_thought').body }}</p></li>", 1)


@pytest.mark.parametrize("process", ["new", "long-lived"])
@pytest.mark.parametrize("template_name", ["bucket.html", "_card.html"])
def test_a_project_list_template_that_prints_full_text_is_rendered_again_when_the_text_changes(
        tmp_path: Path, process: str, template_name: str) -> None:
    text = FULL_TEXT_LIST if template_name == "bucket.html" else _full_text_card()
    root = write_files(tmp_path / "project", {**PROJECT, f"templates/{template_name}": text})
    out = tmp_path / "site"
    memory = BuildCache() if process == "long-lived" else None
    given = options(root, out, history=True, jobs=0, persistent_cache=memory is None, in_place=True)
    assert build(given, cache=memory).ok
    assert any("以发展为目标。" in p.read_text("utf-8") for p in out.rglob("*.html") if "plans" not in p.parts)
    _replace("plans/b.yaml", "guiding_thought: 以发展为目标。", "guiding_thought: 以改进为目标。")(root)
    assert build(given, cache=memory).ok
    fresh = cold(root, tmp_path / "cold", manifest=False, history=True, jobs=0)
    assert any("以改进为目标。" in b.decode("utf-8", "replace") for p, b in fresh.items() if not p.startswith("plans/"))
    assert differences(read_tree(out, manifest=False), fresh) == []


def test_the_site_calendar_follows_a_step_owner_edit_in_a_long_lived_process(project: Path, tmp_path: Path) -> None:
    """The site calendar shows each step's owner but not its text: an owner is part of a plan's summary."""
    out = tmp_path / "served"
    _, again = _long_lived(project, out)
    before = (out / "calendar.ics").read_bytes()
    yaml = next(p for p in plans(project) if p.suffix == ".yaml" and "    owner: " in p.read_text("utf-8"))
    yaml.write_text(yaml.read_text("utf-8").replace("    owner: ", "    owner: 新", 1), "utf-8")
    again()
    after = (out / "calendar.ics").read_bytes()
    assert after != before and "负责：新".encode() in after.replace(b"\r\n ", b"")
    assert_as_cold(project, out, tmp_path / "cold")


# --- how much is redone --------------------------------------------------------------------------

def _mtimes(out: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_a_build_with_nothing_changed_renders_and_writes_nothing(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = build_ok(project, out)
    before = _mtimes(out)
    again = build_ok(project, out)
    assert again.rendered == 0
    assert again.stats is not None and again.stats.written == 0 and again.stats.removed == 0
    assert _mtimes(out) == before
    assert first.pages == again.pages


def test_one_plan_edit_rerenders_only_the_pages_that_read_it(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = build_ok(project, out)
    edit_text(random.Random(5), project)
    again = build_ok(project, out)
    assert 0 < again.rendered < first.rendered / 2


def test_a_text_edit_in_a_new_process_redoes_only_that_plans_files(small_project: Path, tmp_path: Path) -> None:
    root, out = small_project, tmp_path / "site"
    first = build_ok(root, out)
    index_file = root / CACHE_DIR / lastpass.INDEX_FILE
    assert (root / CACHE_DIR / lastpass.FILE).is_file() and index_file.is_file()
    _edit_nth(root, 3)
    kept = index_file.stat().st_mtime_ns
    again = build_ok(root, out)
    assert index_file.stat().st_mtime_ns == kept  # the index was not made again
    # its page, calendar, source and JSON (and the Atom feed, when the plan is among the newest)
    assert 4 <= again.rendered <= 5 < first.rendered
    assert again.pages == first.pages
    assert_as_cold(root, out, tmp_path / "cold")


def test_a_text_edit_in_a_long_lived_process_redoes_only_that_plans_files_and_the_feeds(
        project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    memory = BuildCache()
    given = options(project, out, jobs=0, persistent_cache=False)
    build(given, cache=memory)
    first = memory.last
    site_wide = {path: (out / path).stat().st_mtime_ns for path in ("calendar.ics", "api/plans.json")}
    edit_text(random.Random(5), project)
    warm = build(given, cache=memory)
    assert warm.ok
    # the plan's page, its calendar, its source, its JSON, and the Atom feed (it shows the newest plans' text);
    # the site calendar and the API's list show summaries only: neither is made again
    assert warm.rendered == 5
    assert memory.last is not first and memory.last is not None and first is not None
    assert memory.last.live is not None and first.live is not None
    assert memory.last.live.renderer is first.live.renderer  # the plan cards are kept
    assert warm.stats is not None and 0 < warm.stats.written <= 5
    assert {path: (out / path).stat().st_mtime_ns for path in site_wide} == site_wide
    edit_title(random.Random(5), project)  # a summary changes: every page fingerprinted again
    assert build(given, cache=memory).rendered > 6


def test_a_template_edit_in_a_long_lived_process_redoes_only_its_pages(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    (project / "templates").mkdir()  # a project with templates of its own
    (project / "templates" / "404.html").write_text((REPO / "templates" / "404.html").read_text("utf-8"), "utf-8")
    memory = BuildCache()
    given = options(project, out, jobs=0, persistent_cache=False)
    build(given, cache=memory)
    first = memory.last
    assert first is not None and first.live is not None
    timeline = (REPO / "templates" / "timeline.html").read_text("utf-8")
    (project / "templates" / "timeline.html").write_text(timeline.replace("<h1>", '<h1 class="edited">', 1), "utf-8")
    warm = build(given, cache=memory)
    assert warm.ok and warm.rendered == 1 and 'class="edited"' in (out / "timeline.html").read_text("utf-8")
    assert memory.last is not None and memory.last.live is not None
    assert memory.last.live.renderer is first.live.renderer  # plan cards are kept: _card.html is unchanged
    (project / "templates" / "_card.html").write_text((REPO / "templates" / "_card.html").read_text("utf-8") + "\n",
                                                      "utf-8")
    again = build(given, cache=memory)
    assert again.ok and memory.last.live is not None and memory.last.live.renderer is not first.live.renderer
    assert_as_cold(project, out, tmp_path / "cold")


def test_the_in_memory_cache_skips_parsing_unchanged_plans(project: Path, tmp_path: Path) -> None:
    memory, again = _long_lived(project, tmp_path / "site")
    parsed = memory.misses
    again()
    assert memory.misses == parsed and memory.hits >= parsed


def test_a_hint_is_trusted_only_when_it_explains_every_change(tmp_path: Path) -> None:
    """With serve's hint, the cache opens only the files named, and lists the plans folder again
    only when the hint names something the last listing does not explain."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (folder / name).write_text(f"# {name}\n", "utf-8")
        os.utime(folder / name, (1_600_000_000, 1_600_000_000))
    memory = BuildCache()
    listings = 0

    def load(hint: set[str] | None) -> tuple[list[str], list[str]]:
        """The texts of the plans found, and the plan files opened for them."""
        nonlocal listings
        memory.expect(hint)
        with watching() as seen:
            found = read_paths([folder], tmp_path, ReadOptions(), memory)[0]
        listings += seen.listed.count(folder.resolve())
        return [s.text for s in found], seen.opened_in(folder.resolve())

    assert load(None)[1] == ["a.md", "b.md", "c.md"] and listings == 1
    (folder / "b.md").write_text("# b edited\n", "utf-8")
    assert load({str(folder / "b.md")}) == (["# a.md\n", "# b edited\n", "# c.md\n"], ["b.md"])
    assert listings == 1  # one file looked at, no new listing
    (folder / "d.md").write_text("# d\n", "utf-8")
    assert len(load({str(folder / "d.md")})[0]) == 4 and listings == 2  # a new file: listed again
    (folder / "d.md").unlink()
    assert len(load({str(folder / "d.md")})[0]) == 3 and listings == 3  # a file gone
    assert len(load({str(folder) + "//a.md"})[0]) == 3 and listings == 4  # a path the listing does not know
    (folder / "sub").mkdir()
    assert len(load({str(folder / "sub")})[0]) == 3 and listings == 5  # a folder
    assert len(load({str(tmp_path / "templates" / "plan.html")})[0]) == 3 and listings == 5  # outside: no need


# --- damaged caches ------------------------------------------------------------------------------

@pytest.mark.parametrize("damage", ["garbage", "other-version", "wrong-shape"])
def test_a_corrupt_or_foreign_cache_is_ignored(project: Path, tmp_path: Path, damage: str) -> None:
    out = tmp_path / "site"
    build_ok(project, out)
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
    edit_text(random.Random(9), project)
    build_ok(project, out)
    assert_as_cold(project, out, tmp_path / "cold", manifest=False)


@pytest.mark.parametrize("damage", ["garbage", "other-version", "other-index", "other-output", "missing-index"])
def test_a_damaged_or_foreign_pass_is_ignored(small_project: Path, tmp_path: Path, damage: str) -> None:
    root, out = small_project, tmp_path / "site"
    build_ok(root, out)
    folder = root / CACHE_DIR
    doc = json.loads((folder / lastpass.FILE).read_text("utf-8"))
    if damage == "garbage":
        (folder / lastpass.FILE).write_text("{not json", "utf-8")
    elif damage == "other-version":
        (folder / lastpass.FILE).write_text(json.dumps({**doc, "format": "0.0.0/3"}), "utf-8")
    elif damage == "other-index":  # an index of other plans: not used
        lines = (folder / lastpass.INDEX_FILE).read_text("utf-8").splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith("plans\t"))
        lines[at] = "plans\t" + json.dumps(json.loads(lines[at].partition("\t")[2])[1:])
        (folder / lastpass.INDEX_FILE).write_text("\n".join(lines) + "\n", "utf-8")
    elif damage == "other-output":
        (folder / lastpass.FILE).write_text(json.dumps({**doc, "out": str(tmp_path / "elsewhere")}), "utf-8")
    else:
        (folder / lastpass.INDEX_FILE).unlink()
    assert lastpass.load(folder, out, index_json.PARTS) is None or damage == "other-index"
    _edit_nth(root, 1)
    build_ok(root, out)
    assert_as_cold(root, out, tmp_path / "cold")


def test_an_index_kept_by_another_plangen_is_written_again(small_project: Path, tmp_path: Path) -> None:
    """After an upgrade the kept index (of the same plans) is of another format: the next build keeps
    it in its own, so the build after that reuses it."""
    root, out = small_project, tmp_path / "site"
    build_ok(root, out)
    index_file = root / CACHE_DIR / lastpass.INDEX_FILE
    head, _, parts = index_file.read_text("utf-8").partition("\n")
    other = json.dumps({**json.loads(head), "format": "0.0.0/3"}, ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(other + "\n" + parts, "utf-8")
    _edit_nth(root, 1)
    build_ok(root, out)
    assert lastpass.load(root / CACHE_DIR, out, index_json.PARTS) is not None
    _edit_nth(root, 2)
    kept = index_file.stat().st_mtime_ns
    again = build_ok(root, out)
    assert index_file.stat().st_mtime_ns == kept and 4 <= again.rendered <= 5
    assert_as_cold(root, out, tmp_path / "cold")


def test_a_text_edit_links_and_removes_only_the_files_that_differ(small_project: Path, tmp_path: Path) -> None:
    """The staged site starts as the site before the last build's, kept beside the output folder,
    made the same as the site in place (mirror.py): not every file of the site linked again."""
    root, out = small_project, tmp_path / "site"
    build_ok(root, out)
    _edit_nth(root, 1)
    build_ok(root, out)
    assert publish.base_of(out).is_dir()
    files = sum(1 for p in out.rglob("*") if p.is_file())
    _edit_nth(root, 2)
    with watching() as seen:
        build_ok(root, out)
    # the last build's files and this one's, each linked or removed once or twice: a few dozen at most
    assert seen.links + seen.removals < 40 < files
    assert_as_cold(root, out, tmp_path / "cold")


def test_a_damaged_kept_site_gives_the_same_site(small_project: Path, tmp_path: Path) -> None:
    root, out = small_project, tmp_path / "site"
    build_ok(root, out)
    _edit_nth(root, 1)
    build_ok(root, out)
    base = publish.base_of(out)
    pages = sorted(base.rglob("*.html"))
    pages[0].unlink()
    pages[1].unlink()
    pages[1].write_text("not plangen's", "utf-8")
    (base / "stray.html").write_text("left here", "utf-8")
    _edit_nth(root, 2)
    build_ok(root, out)
    assert_as_cold(root, out, tmp_path / "cold")


def test_a_kept_index_whose_table_does_not_decode_when_first_used_gives_the_same_site(
        small_project: Path, tmp_path: Path) -> None:
    """A kept index's tables are read when first used: one that does not decode then (its file
    not written by plangen) makes the build run again without what .plangen-cache/ kept."""
    root, out = small_project, tmp_path / "site"
    build_ok(root, out)
    index_file = root / CACHE_DIR / lastpass.INDEX_FILE
    lines = index_file.read_text("utf-8").splitlines()
    lines = [f"{line.partition(chr(9))[0]}\t[[1, 2" if not line.startswith(("{", "plans\t")) else line for line in lines]
    index_file.write_text("\n".join(lines) + "\n", "utf-8")
    _edit_nth(root, 1)
    build_ok(root, out)
    assert_as_cold(root, out, tmp_path / "cold")


def test_without_the_record_of_the_output_folder_the_pass_is_not_used(small_project: Path, tmp_path: Path) -> None:
    """The kept pass trusts the output folder; with no stamp saying it is as the last build left it
    (stamp.json gone), every file is checked again, and a file deleted by hand comes back."""
    root, out = small_project, tmp_path / "site"
    build_ok(root, out)
    (root / CACHE_DIR / "stamp.json").unlink()
    gone = min(out.rglob("*.html"))
    gone.unlink()
    _edit_nth(root, 2)
    build_ok(root, out)
    assert gone.is_file()
    assert_as_cold(root, out, tmp_path / "cold")

