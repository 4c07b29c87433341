"""The build cache keeps each parsed plan as its model only, in a compact form that round-trips."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from plangen import cache as cache_store
from plangen.build import BuildOptions, BuildResult, build
from plangen.cache import BuildCache, plan_from_json, plan_json
from plangen.project import parse_each
from plangen.sources import read_source

_spec = importlib.util.spec_from_file_location("corpus", REPO / "bench" / "corpus.py")
assert _spec and _spec.loader
corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("corpus", corpus)
_spec.loader.exec_module(corpus)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    corpus.generate(root, 24, seed=11)
    return root


def _build(root: Path, out: Path, **kw: object) -> BuildResult:
    return build(BuildOptions(root=root, output=out, search=False, history=False, jobs=1, **kw))  # type: ignore[arg-type]


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".plangen-manifest.json"}


def _sources(root: Path) -> list:  # type: ignore[type-arg]
    files = sorted(p for p in (root / "plans").rglob("*") if p.suffix in (".yaml", ".md"))
    return [read_source(f, root, root / "plans") for f in files]


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


def test_parsed_plans_keep_no_data(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _sources(project)
    for smallest in (1, 10_000):  # in forked workers, and in this process
        monkeypatch.setattr(cache_store, "PARALLEL_PARSE_FROM", smallest)
        memory = BuildCache()
        parsed = memory.parse(sources)
        assert all(p.data is None for p in parsed)
        assert all(set(p.marks) <= {("slug",)} for p in parsed)
        assert [(p.plan, p.problems, p.slug) for p in parsed] == [(p.plan, p.problems, p.slug) for p in parse_each(sources)]


def test_a_saved_cache_gives_the_same_plans_and_the_same_site(project: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert _build(project, tmp_path / "first").ok
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
    cold = _tree(_cold(project, tmp_path))
    shutil.rmtree(tmp_path / "first")
    monkeypatch.setattr(cache_store, "parse_source", None)  # every plan from the cache, none parsed
    assert _build(project, tmp_path / "first").ok
    assert _tree(tmp_path / "first") == cold


def _read(file: Path) -> dict[str, Any]:
    """The saved cache as one document: its head, and its entries under "parsed"."""
    head, *lines = file.read_text("utf-8").splitlines()
    doc: dict[str, Any] = json.loads(head)
    doc["parsed"] = dict(json.loads(line.partition(" ")[2]) for line in lines)
    return doc


def _write(file: Path, doc: dict[str, Any]) -> None:
    """Save `doc` as _read gives it, each entry with a valid check (a damage well formed)."""
    entries = doc.pop("parsed")
    file.write_text(json.dumps(doc, ensure_ascii=False) + "\n"
                    + "".join(cache_store.entry_line(path, item) for path, item in entries.items()), "utf-8")


def test_an_entry_edited_by_hand_is_not_trusted(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert _build(project, out).ok
    file = _cache_file(project)
    head, *lines = file.read_text("utf-8").splitlines()
    check, _, rest = lines[0].partition(" ")
    path, item = json.loads(rest)
    title = item["plan"][1]
    item["plan"][1] = "手工改过的标题"  # well formed, but its check no longer holds
    lines[0] = check + " " + json.dumps([path, item], ensure_ascii=False, separators=(",", ":"))
    file.write_text("\n".join([head, *lines]) + "\n", "utf-8")
    assert path not in cache_store.load(project).parsed
    shutil.rmtree(out)
    assert _build(project, out).ok
    pages = "".join(p.read_text("utf-8") for p in out.rglob("*.html"))
    assert "手工改过的标题" not in pages and title in pages


def _cold(project: Path, tmp_path: Path) -> Path:
    out = tmp_path / "cold"
    assert _build(project, out, persistent_cache=False).ok
    return out


@pytest.mark.parametrize("damage", ["format-1", "model", "plan-shape", "plan-type", "other-file"])
def test_an_old_or_damaged_cache_is_ignored(project: Path, tmp_path: Path, damage: str) -> None:
    assert _build(project, tmp_path / "site").ok
    file = _cache_file(project)
    doc = _read(file)
    path, item = next((k, v) for k, v in doc["parsed"].items() if v["plan"] is not None)
    if damage == "format-1":  # the old format kept each plan's data
        doc["format"] = 1
        item["data"] = {"title": "x"}
    elif damage == "model":  # written when the model had another shape
        doc["model"] = "0" * 64
    elif damage == "plan-shape":
        item["plan"] = item["plan"][:-1]
    elif damage == "plan-type":
        item["plan"][1] = 7  # a title that is no text
    else:
        doc["parsed"]["plans/elsewhere.yaml"] = doc["parsed"].pop(path)
    _write(file, doc)
    assert cache_store.load(project).parsed == {}


def test_a_plan_with_values_of_other_types_is_not_saved(project: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    parsed = cache.parse(_sources(project))
    odd = next(p for p in parsed if p.plan is not None)
    with pytest.raises(TypeError):
        plan_json(replace(odd.plan, tags=["a list"]))  # type: ignore[arg-type]
    cache.parsed[odd.source.path].parsed = replace(odd, plan=replace(odd.plan, tags=["a list"]))  # type: ignore[arg-type]
    cache_store.save(project, cache)
    assert set(cache_store.load(project).parsed) == {p.source.path for p in parsed} - {odd.source.path}


def test_a_duplicate_slug_is_found_against_a_cached_plan(project: Path, tmp_path: Path) -> None:
    assert _build(project, tmp_path / "site").ok
    first = min((project / "plans").rglob("*.yaml"))
    slug = next(p.plan.slug for p in parse_each(_sources(project)) if p.source.path.endswith(first.name) and p.plan)
    (first.parent / "another.yaml").write_text(first.read_text("utf-8").replace(f"slug: {slug}", "")
                                              + f"\nslug: {slug}\n", "utf-8")
    result = _build(project, tmp_path / "site")
    assert not result.ok
    assert {p.code for p in result.problems if p.is_error} == {"duplicate-slug"}


def test_a_plan_with_values_of_other_types_comes_back_whole(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _sources(project)[0]
    parsed = parse_each([source])[0]
    assert parsed.plan is not None
    odd = replace(parsed, plan=replace(parsed.plan, tags=["a list"]))  # type: ignore[arg-type]
    monkeypatch.setattr(cache_store, "parse_source", lambda s: odd)
    sent = cache_store._parse_in_worker(source)
    assert not isinstance(sent, str) and sent.parsed.plan is odd.plan
    assert cache_store._from_worker(source, sent, {}).parsed.plan is odd.plan
