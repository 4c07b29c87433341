"""The build cache keeps each parsed plan as its model only, in a compact form that round-trips."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from incremental_helpers import build_ok, cold, generated, in_a_thread, options, plans, watching
from sitecheck import read_tree

from plangen import cache as cache_store
from plangen import cacheline
from plangen.build import build
from plangen.cache import BuildCache, plan_from_json, plan_json
from plangen.model import Plan
from plangen.parallel import may_fork
from plangen.plancodec import plan_from_json_on_use, plan_head_json
from plangen.project import Parsed, parse_each
from plangen.sources import Source, read_source


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return generated(tmp_path / "project", 24, seed=11)


def _sources(root: Path) -> list[Source]:
    found = [read_source(f, root, root / "plans") for f in plans(root)]
    return [s for s in found if isinstance(s, Source)]


def _many(root: Path) -> list[Source]:
    """The project's sources again and again under other paths: enough that a process that may
    fork parses them with worker processes (cache.PARALLEL_PARSE_FROM)."""
    sources = _sources(root)
    copies = cache_store.PARALLEL_PARSE_FROM // len(sources) + 1
    return [Source(f"plans/copy{k}/{s.path}", s.text, s.kind) for k in range(copies) for s in sources]


def _parsed_here_and_with_workers(sources: list[Source]) -> tuple[list[Parsed], list[Parsed]]:
    """The sources parsed from a second thread (in this process: parallel.py), and from this one
    thread (with forked workers, when nothing else runs)."""
    here = in_a_thread(lambda: BuildCache().parse(sources))
    alone = may_fork()
    with watching() as seen:
        shared = BuildCache().parse(sources)
    assert seen.forks >= 1 or not alone
    return here, shared


def _cache_file(root: Path) -> Path:
    return root / cache_store.CACHE_DIR / cache_store.CACHE_FILE


def test_every_plan_round_trips_and_equal_values_are_shared(project: Path) -> None:
    plans = [p.plan for p in parse_each(_sources(project)) if p.plan is not None]
    assert len(plans) > 10
    shared: dict[object, object] = {}
    back = [plan_from_json(json.loads(json.dumps(plan_json(p), ensure_ascii=False)), shared) for p in plans]
    assert back == plans
    assert [(p.source, p.kind) for p in back] == [(p.source, p.kind) for p in plans]  # (not compared by ==)
    issuers: dict[str, str] = {}
    for p in back:  # one object for each repeated name
        assert issuers.setdefault(p.issuer, p.issuer) is p.issuer
    assert len(issuers) < len(back)


def test_a_plan_read_back_on_use_is_equal_to_the_plan_both_ways(project: Path) -> None:
    plans = [p.plan for p in parse_each(_sources(project)) if p.plan is not None]
    shared: dict[object, object] = {}
    back = [plan_from_json_on_use(json.loads(json.dumps(plan_head_json(p))), json.dumps(plan_json(p), ensure_ascii=False),
                                  shared) for p in plans]
    assert all(isinstance(p, Plan) for p in back)
    assert [p.slug for p in back] == [p.slug for p in plans]
    assert plans == back and back == plans  # (before and after its fields are decoded)
    assert {hash(p) for p in back} == {hash(p) for p in plans}
    assert [replace(p, title="x") for p in back] == [replace(p, title="x") for p in plans]


def test_plans_parsed_here_or_in_worker_processes_are_the_same_and_keep_no_data(project: Path) -> None:
    sources = _many(project)
    serial = [(p.plan, p.problems, p.slug) for p in parse_each(sources)]
    for parsed in _parsed_here_and_with_workers(sources):
        assert [(p.plan, p.problems, p.slug) for p in parsed] == serial
        assert all(p.data is None for p in parsed)  # the cache keeps each plan's model, not its data
        assert all(set(p.marks) <= {("slug",)} for p in parsed)
        assert all(p.source is s for p, s in zip(parsed, sources, strict=True))
    memory = BuildCache()
    first = memory.parse(sources)
    assert memory.misses == len(sources) and memory.parse(sources) == first and memory.hits == len(sources)


def test_a_saved_cache_gives_the_same_plans_and_the_same_site(project: Path, tmp_path: Path) -> None:
    build_ok(project, tmp_path / "first")
    doc = _read(_cache_file(project))
    assert doc["format"] == cache_store.FORMAT and all("data" not in item for item in doc["parsed"].values())
    loaded = cache_store.load(project)
    fresh = {p.source.path: p for p in parse_each(_sources(project))}
    assert set(loaded.parsed) == set(fresh)
    for path, entry in loaded.parsed.items():
        assert (entry.parsed.plan, entry.parsed.problems, entry.parsed.slug) == \
            (fresh[path].plan, fresh[path].problems, fresh[path].slug)
        assert entry.parsed.marks == {("slug",): fresh[path].marks[("slug",)]} if ("slug",) in fresh[path].marks \
            else entry.parsed.marks == {}
    fresh_site = cold(project, tmp_path / "cold", manifest=False)
    shutil.rmtree(tmp_path / "first")
    saved = cache_store.load(project)
    assert build(options(project, tmp_path / "first", persistent_cache=False), cache=saved).ok
    assert saved.misses == 0 and saved.hits == len(loaded.parsed)  # every plan from the cache, none parsed
    assert read_tree(tmp_path / "first", manifest=False) == fresh_site
    shutil.rmtree(tmp_path / "first")
    build_ok(project, tmp_path / "first")  # a new process's way: the build loads the saved cache itself
    assert read_tree(tmp_path / "first", manifest=False) == fresh_site


def _read(file: Path) -> dict[str, Any]:
    """The saved cache as one document: its head, and its entries under "parsed"."""
    head, *lines = file.read_text("utf-8").splitlines()
    doc: dict[str, Any] = json.loads(head)
    doc["parsed"] = dict(_entry(line) for line in lines)
    return doc


def _entry(line: str) -> tuple[str, dict[str, Any]]:
    """(path, entry) of a saved line `<check> [path, entry without its plan]<tab><plan>`."""
    head, _, plan = line.partition(" ")[2].partition("\t")
    path, item = json.loads(head)
    return path, {**item, "plan": json.loads(plan)}


def _write(file: Path, doc: dict[str, Any]) -> None:
    """Save `doc` as _read gives it, each entry with a valid check (a damage well formed)."""
    entries = doc.pop("parsed")
    file.write_text(json.dumps(doc, ensure_ascii=False) + "\n"
                    + "".join(cache_store.entry_line(path, item) for path, item in entries.items()), "utf-8")


def test_an_entry_edited_by_hand_is_not_trusted(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_ok(project, out)
    file = _cache_file(project)
    head, *lines = file.read_text("utf-8").splitlines()
    check = lines[0].partition(" ")[0]
    path, item = _entry(lines[0])
    title = item["plan"][1]
    item["plan"][1] = "手工改过的标题"  # well formed, but its check no longer holds
    lines[0] = check + " " + cache_store.entry_line(path, item).partition(" ")[2].rstrip("\n")
    file.write_text("\n".join([head, *lines]) + "\n", "utf-8")
    assert path not in cache_store.load(project).parsed
    shutil.rmtree(out)
    build_ok(project, out)
    pages = "".join(p.read_text("utf-8") for p in out.rglob("*.html"))
    assert "手工改过的标题" not in pages and title in pages


@pytest.mark.parametrize("damage", ["format-1", "model", "header-shape", "header-type", "other-file"])
def test_an_old_or_damaged_cache_is_ignored(project: Path, tmp_path: Path, damage: str) -> None:
    build_ok(project, tmp_path / "site")
    file = _cache_file(project)
    doc = _read(file)
    path, item = next((k, v) for k, v in doc["parsed"].items() if v["plan"] is not None)
    if damage == "format-1":  # the old format kept each plan's data
        doc["format"] = 1
        item["data"] = {"title": "x"}
    elif damage == "model":  # written when the model had another shape
        doc["model"] = "0" * 64
    elif damage == "header-shape":  # (the fields read when the cache is loaded)
        item["head"] = item["head"][:-1]
    elif damage == "header-type":
        item["head"][0] = 7  # a slug that is no text
    else:
        doc["parsed"]["plans/elsewhere.yaml"] = doc["parsed"].pop(path)
    _write(file, doc)
    assert cache_store.load(project).parsed == {}


@pytest.mark.parametrize("damage", ["title-type", "plan-shape", "not-json"])
def test_a_cached_plan_that_does_not_decode_when_first_read_is_parsed_again(project: Path, tmp_path: Path,
                                                                             damage: str) -> None:
    """Most of a cached plan is decoded when first read: an entry whose check holds but whose plan
    does not decode is found then, and the build is made again without the cache, with the right pages."""
    out = tmp_path / "site"
    build_ok(project, out)
    file = _cache_file(project)
    doc = _read(file)
    path, item = next((k, v) for k, v in doc["parsed"].items() if v["plan"] is not None)
    title = item["plan"][1]
    if damage == "title-type":
        item["plan"][1] = 7  # a title that is no text
    elif damage == "plan-shape":
        item["plan"] = item["plan"][:-1]
    else:
        item["plan"] = "[not json"  # (written as a string: its JSON holds the quotes, read as text then)
    _write(file, doc)
    assert path in cache_store.load(project).parsed  # (only the header is read at once)
    shutil.rmtree(out)
    build_ok(project, out)
    assert title in (out / "plans" / f"{item['slug']}.html").read_text("utf-8")
    assert path in cache_store.load(project).parsed  # saved again, whole


def test_a_plan_with_values_of_other_types_is_not_saved(project: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _sources(project)
    odd_path = next(p.source.path for p in parse_each(sources) if p.plan is not None)
    real = cacheline.parse_source
    monkeypatch.setattr(cacheline, "parse_source",
                        lambda s: replace(real(s), plan=_odd(real(s).plan)) if s.path == odd_path else real(s))
    cache = BuildCache()
    parsed = cache.parse(sources)
    with pytest.raises(TypeError):
        plan_json(next(p.plan for p in parsed if p.source.path == odd_path))
    cache_store.save(project, cache)
    assert set(cache_store.load(project).parsed) == {p.source.path for p in parsed} - {odd_path}


def test_a_duplicate_slug_is_found_against_a_cached_plan(project: Path, tmp_path: Path) -> None:
    build_ok(project, tmp_path / "site")
    first = min((project / "plans").rglob("*.yaml"))
    slug = next(p.plan.slug for p in parse_each(_sources(project)) if p.source.path.endswith(first.name) and p.plan)
    (first.parent / "another.yaml").write_text(first.read_text("utf-8").replace(f"slug: {slug}", "")
                                              + f"\nslug: {slug}\n", "utf-8")
    result = build(options(project, tmp_path / "site"))
    assert not result.ok
    assert {p.code for p in result.problems if p.is_error} == {"duplicate-slug"}


def _odd(plan: Plan | None) -> Plan | None:
    """The plan with a value of another type than its field's (tags as a list)."""
    return replace(plan, tags=["a list", plan.slug]) if plan is not None else None


def test_a_plan_with_values_of_other_types_comes_back_whole(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Such a plan cannot be sent back in the compact form: it comes back whole, from a worker too."""
    real = cacheline.parse_source
    monkeypatch.setattr(cacheline, "parse_source", lambda s: replace(real(s), plan=_odd(real(s).plan)))
    sources = _many(project)
    wanted = [_odd(p.plan) for p in parse_each(sources)]
    assert any(p is not None for p in wanted)
    for parsed in _parsed_here_and_with_workers(sources):
        assert [p.plan for p in parsed] == wanted
