"""The search index plangen writes: what it holds, that it is reproducible and incremental, and
that a build that fails half-way is followed by a correct index.

The browser side (results, excerpts, highlighting, filters, XSS) is in test_browser_search.py.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from plangen import search
from plangen.build import BuildOptions, build, summary
from plangen.i18n import translator
from plangen.index import build_index
from plangen.search_docs import CELL, markdown_passages, search_docs
from plangen.search_index import index_files, keys_of, normalise, shard_of
from plangen.workspace import load_workspace

REPO = Path(__file__).resolve().parents[1]
CALL = re.compile(r"^plangenSearch\.(\w+)\((\d+),(.*)\);\n$", re.DOTALL)


def data(blob: bytes) -> object:
    """The JSON an index script hands to plangenSearch."""
    m = CALL.match(blob.decode("utf-8"))
    assert m, blob[:80]
    return json.loads(m.group(3))


def copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "plans", root / "plans")
    shutil.copy(REPO / "plangen.yaml", root / "plangen.yaml")
    shutil.copy(REPO / "registry.yaml", root / "registry.yaml")
    return root


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def search_tree(out: Path) -> dict[str, bytes]:
    return {p: b for p, b in tree(out).items() if p.startswith(search.BUNDLE + "/")}


def example_docs() -> list[object]:
    ws = load_workspace(REPO)
    return search_docs(build_index([p for p in ws.project.plans if p.status != "draft"], ws.registry),
                       translator("zh-CN"))


# ------------------------------------------------------------------ what is indexed


def test_normalising_keeps_letters_and_digits_and_folds_width_and_case() -> None:
    assert normalise("帮扶 Ｗork，２０２４年！") == "帮扶work2024年"
    assert normalise(f"王小明{CELL}每月") == "王小明\x00每月"


def test_pairs_never_span_table_cells_or_passages() -> None:
    keys = keys_of([f"王小明{CELL}每月500元", "首次申请"])
    assert {"王", "王小", "小明", "每月", "50", "00元"} - keys == {"00元"}  # pairs and single characters
    assert "明每" not in keys and "元首" not in keys


def test_markdown_passages_drop_markers_and_keep_cells_apart() -> None:
    text = "## 补贴标准\n\n1. **派驻医师**：内科\n| 对象 | 标准 |\n|---|---|\n| 王小明 | 每月500元 |\n- [链接](plan:x)"
    assert list(markdown_passages(text)) == ["补贴标准", "派驻医师：内科", f"对象{CELL}标准",
                                             f"王小明{CELL}每月500元", "链接"]


def test_a_plan_record_is_its_own_text_never_the_metadata_panel() -> None:
    docs = example_docs()
    plan = next(d for d in docs if d.url == "plans/2017-songjiao-xiaxiang.html")
    assert plan.kind == "plan" and plan.title.startswith("青溪县教育局2017年送教下乡")
    assert any("马国庆" in p for p in plan.passages)  # a leadership line
    panel_words = ("实施时间", "状态", "印发日期")
    assert not any(p.startswith(panel_words) for p in plan.passages)
    assert ("发文单位", "青溪县教育局") in plan.labelled  # searched by its value; the label is not text
    assert {d.kind for d in docs} == {"plan", "org", "person", "doc"}
    assert any(d.kind == "person" and d.title == "马国庆" for d in docs)
    cited = [d for d in docs if d.kind == "doc" and "云教发〔2016〕21号" in d.passages]  # a 文号 finds its page
    assert len(cited) == 1 and {"发2", "16", "21", "1号"} <= keys_of(cited[0].passages)  # brackets skipped


def test_the_index_finds_every_plan_holding_a_word_through_its_shards() -> None:
    docs = example_docs()
    files, _ = index_files(docs)  # type: ignore[arg-type]
    meta = data(files[search.BUNDLE + "/meta.js"])
    assert isinstance(meta, dict) and meta["docs"] == len(docs)
    shards = meta["shards"]
    for word in ("送教", "马国", "帮扶"):
        posting = data(files[f"{search.BUNDLE}/s/{shard_of(word, shards)}.js"])[word]  # type: ignore[index]
        found, n = set(), 0
        for delta in posting[0].split(","):
            n += int(delta)
            found.add(docs[n].url)  # type: ignore[attr-defined]
        holding = {d.url for d in docs if any(word in p for p in (d.title, *d.passages, *(v for _, v in d.labelled)))}  # type: ignore[attr-defined]
        assert found == holding, word


def test_filters_list_every_year_category_status_and_organisation() -> None:
    docs = example_docs()
    files, _ = index_files(docs)  # type: ignore[arg-type]
    meta, filters = data(files[search.BUNDLE + "/meta.js"]), data(files[search.BUNDLE + "/filters.js"])
    facets = {f["name"]: f["values"] for f in meta["facets"]}  # type: ignore[index]
    assert facets == {f["name"]: [v[0] for v in f["values"]] for f in filters}  # type: ignore[index, union-attr]
    school = next(v[1] for f in filters for v in f["values"] if v[0] == "青溪县实验小学")  # type: ignore[index, union-attr]
    numbers = [sum(int(d) for d in school.split(",")[:i + 1]) for i in range(len(school.split(",")))]
    assert {docs[n].url for n in numbers} == {d.url for d in docs if "青溪县实验小学" in d.orgs}  # type: ignore[attr-defined]
    plans = [d for d in docs if d.kind == "plan"]  # type: ignore[attr-defined]
    assert facets["year"] == sorted({d.year for d in plans}, reverse=True)  # type: ignore[attr-defined]
    assert set(facets["category"]) == {d.category for d in plans}  # type: ignore[attr-defined]
    assert set(facets["status"]) <= {"实施中", "已完成", "已归档"}
    assert "青溪县实验小学" in facets["org"]


# ------------------------------------------------------------------ in the build


def _build(root: Path, out: Path, **options: object) -> object:
    result = build(BuildOptions(root=root, output=out, persistent_cache=False, **options))  # type: ignore[arg-type]
    assert result.ok, [p.message for p in result.problems if p.is_error]
    return result


def test_build_writes_the_index_and_says_what_it_holds(tmp_path: Path) -> None:
    result = _build(REPO, tmp_path / "site")
    line = summary(result)  # type: ignore[arg-type]
    assert re.search(r"search: 9 plans and \d+ other pages indexed, \d+ files", line), line
    out = tmp_path / "site"
    assert (out / "search/meta.js").is_file() and list((out / "search/s").glob("*.js"))
    manifest = json.loads((out / ".plangen-manifest.json").read_text("utf-8"))["files"]
    assert "search/meta.js" in manifest  # written by the site writer: stale index files are removed too
    assert not (out / "pagefind").exists()


def test_no_search_hides_the_box_and_removes_an_old_index(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(REPO, out)
    result = _build(REPO, out, search=False)
    assert "search: off (--no-search)" in summary(result)  # type: ignore[arg-type]
    assert not (out / "search").exists()
    assert 'class="search-box"' not in (out / "index.html").read_text("utf-8")


def test_search_false_in_the_config_turns_it_off(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "plangen.yaml").write_text("search: false\nregistry: registry.yaml\n", "utf-8")
    result = _build(root, tmp_path / "out")
    assert result.search.line() == "search: off (search: false in plangen.yaml)"  # type: ignore[attr-defined]


def test_the_search_page_speaks_the_site_language(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "plangen.yaml").write_text("language: en\nregistry: registry.yaml\n", "utf-8")
    _build(root, tmp_path / "en")
    page = (tmp_path / "en/search.html").read_text("utf-8")
    assert 'data-results="{n} results"' in page and ">Search terms</label>" in page
    assert page.count('type="search"') == 1  # one search box: the header's is not on the search page
    zh = (REPO / "templates/search.html").read_text("utf-8")
    assert "pagefind" not in zh


def test_two_cold_builds_are_byte_identical_search_included(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    a = tree(_build(root, tmp_path / "a") and tmp_path / "a")
    shutil.rmtree(root / ".plangen-cache", ignore_errors=True)
    b = tree(_build(root, tmp_path / "b") and tmp_path / "b")
    assert sorted(a) == sorted(b)
    assert [p for p in a if a[p] != b[p]] == []
    assert any(p.startswith("search/s/") for p in a)


def _edit(root: Path) -> None:
    plan = root / "plans/education/2016-shiyan-jiedui.md"
    plan.write_text(plan.read_text("utf-8").replace("制定本方案", "制定本方案（修订：加入琥珀色标记）", 1), "utf-8")


def test_a_one_plan_edit_rewrites_only_its_record_and_the_shards_of_its_changed_pairs(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    out = tmp_path / "site"
    _build(root, out)
    before = search_tree(out)
    _edit(root)
    _build(root, out)
    after = search_tree(out)
    changed = {p for p in after if after[p] != before.get(p)}
    records = {p for p in changed if p.startswith("search/d/")}
    assert len(records) == 1 and "琥珀" in after[records.pop()].decode("utf-8")
    shards = {p for p in changed if p.startswith("search/s/")}
    assert shards and len(shards) < len([p for p in after if p.startswith("search/s/")])
    assert changed - shards - {p for p in changed if p.startswith("search/d/")} == set()
    fresh = tmp_path / "fresh"
    _build(root, fresh)  # the updated index is the one a cold build makes
    assert after == search_tree(fresh)


def test_the_index_state_kept_between_builds_updates_to_what_a_cold_build_makes() -> None:
    docs = example_docs()
    cold, state = index_files(docs)  # type: ignore[arg-type]
    edited = list(docs)
    first = edited[0]
    edited[0] = replace(first, passages=(*first.passages[1:], "新增一段：琥珀色的标记"))  # type: ignore[type-var]
    edited[3] = replace(edited[3], title=edited[3].title + "（修订）")  # type: ignore[type-var]
    updated, state = index_files(edited, state)  # type: ignore[arg-type]
    assert updated == index_files(edited)[0] != cold
    back, _ = index_files(docs, state)  # type: ignore[arg-type]
    assert back == cold


def test_a_build_that_fails_while_writing_is_followed_by_a_correct_index(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_project(tmp_path)
    out = tmp_path / "site"
    build(BuildOptions(root=root, output=out))  # with the persistent cache, as the CLI runs
    before = tree(out)
    _edit(root)
    monkeypatch.setenv("PLANGEN_FAULT", "staged:enospc")  # the disk is full once the site is staged (publish.py)
    failed = build(BuildOptions(root=root, output=out))
    assert not failed.ok and [p.code for p in failed.problems] == ["output-failed"]
    assert tree(out) == before  # nothing of the failed build is visible: pages and index agree
    monkeypatch.delenv("PLANGEN_FAULT")
    build(BuildOptions(root=root, output=out))
    fresh = tmp_path / "fresh"
    _build(root, fresh)
    assert search_tree(out) == search_tree(fresh)
    assert "琥珀" in b"".join(search_tree(out).values()).decode("utf-8")


def test_an_incremental_build_whose_index_files_change_keeps_every_page(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The set of index files may change while the pages stay (here: records grouped differently);
    the update keeps the pages and removes only the index files no longer made."""
    from plangen import search_index

    root = copy_project(tmp_path)
    out = tmp_path / "site"
    build(BuildOptions(root=root, output=out))
    monkeypatch.setattr(search_index, "RECORDS_PER_FILE", 2)
    _edit(root)
    result = build(BuildOptions(root=root, output=out))
    assert result.ok
    fresh = tmp_path / "fresh"
    _build(root, fresh)
    ours, theirs = tree(out), tree(fresh)
    assert sorted(ours) == sorted(theirs)
    assert [p for p in ours if ours[p] != theirs[p] and not p.endswith(".plangen-manifest.json")] == []


def test_a_kept_state_that_does_not_fit_is_replaced_by_a_fresh_index() -> None:
    docs = example_docs()
    cold, state = index_files(docs)  # type: ignore[arg-type]
    state.records = [b"plangenSearch.doc(0,{});"] * len(state.records)  # as an older plangen kept them
    again, _ = index_files(docs, state)  # type: ignore[arg-type]
    assert again == cold


def test_a_theme_file_added_between_two_builds_keeps_every_page(tmp_path: Path) -> None:
    """The set of theme files changes (the pipeline's other path): the pages and the index stay."""
    root = copy_project(tmp_path)
    out = tmp_path / "site"
    build(BuildOptions(root=root, output=out))
    (root / "templates/assets").mkdir(parents=True)
    (root / "templates/assets/extra.css").write_text("main { color: inherit; }\n", "utf-8")
    result = build(BuildOptions(root=root, output=out))
    assert result.ok and result.stats is not None and result.stats.removed == 0
    fresh = tmp_path / "fresh"
    _build(root, fresh)
    assert sorted(tree(out)) == sorted(tree(fresh))
