"""A rebuild after an edit gives exactly the bytes of a cold build of the edited sources.

The builder re-renders only pages whose inputs changed (a fingerprint per output file, a cache in
.plangen-cache/). Each scenario builds, edits, rebuilds into the same folder with the cache, and
compares the tree with a cold build (no cache) of the same edited project into a fresh folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sitecheck import broken_links, build_site, parse_site, read_tree, write_files

from plangen.output import MANIFEST


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
    assert build_site(root, out, search=False, persistent_cache=True).ok
    _replace("plans/p2.yaml", "basis: [{title: 某文件}]", "basis: [{title: 某文件, number: 某发〔2021〕2号}]")(root)
    assert build_site(root, out, search=False, persistent_cache=True).ok
    warm = read_tree(out, manifest=False)
    assert broken_links(parse_site(warm)) == []
    assert build_site(root, tmp_path / "cold", search=False, persistent_cache=False).ok
    assert warm == read_tree(tmp_path / "cold", manifest=False)


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PROJECT built once with its cache (base/project/.plangen-cache) into base/site; scenarios copy it."""
    base = tmp_path_factory.mktemp("incremental")
    root = write_files(base / "project", PROJECT)
    first = build_site(root, base / "site", search=False, persistent_cache=True)
    assert first.ok, [p.message for p in first.problems]
    return base


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_rebuild_after_an_edit_equals_a_cold_build(first_build: Path, tmp_path: Path, scenario: str) -> None:
    work = Path(shutil.copytree(first_build, tmp_path / "work"))
    root, out = work / "project", work / "site"
    SCENARIOS[scenario](root)
    again = build_site(root, out, search=False, persistent_cache=True)
    assert again.ok, [p.message for p in again.problems]
    assert again.rendered < again.pages or scenario.startswith(("config", "registry", "user")), "nothing was cached"
    cold = build_site(root, tmp_path / "cold", search=False, persistent_cache=False)
    assert cold.ok
    warm, fresh = read_tree(out, manifest=False), read_tree(tmp_path / "cold", manifest=False)
    assert sorted(warm) == sorted(fresh)
    stale = sorted(p for p in warm if warm[p] != fresh[p])
    assert stale == [], f"{scenario}: stale after the incremental rebuild: {stale}"
    assert (out / MANIFEST).read_bytes() == (tmp_path / "cold" / MANIFEST).read_bytes()
    assert broken_links(parse_site(fresh)) == []


# A list template of the project's own that prints each plan's full text (its guiding thought), not
# only its summary: the build cannot know what a project's template prints (docs/architecture.md).
FULL_TEXT_LIST = ("{% extends 'base.html' %}{% block main %}<h1>{{ bucket.name }}</h1>"
                  "{% for slug in bucket.plans %}<p>{{ index.by_slug[slug].part('guiding_thought').body }}</p>"
                  "{% endfor %}{% endblock %}")


def _full_text_card() -> str:
    from plangen.render import default_theme

    card = (default_theme() / "_card.html").read_text("utf-8")
    return card.replace("</li>", "<p>{{ plan.part('guiding_thought').body }}</p></li>", 1)


@pytest.mark.parametrize("process", ["new", "long-lived"])
@pytest.mark.parametrize("template", ["bucket.html", "_card.html"])
def test_a_project_list_template_that_prints_full_text_is_rendered_again_when_the_text_changes(
        tmp_path: Path, process: str, template: str) -> None:
    from plangen.build import BuildOptions, build
    from plangen.cache import BuildCache

    text = FULL_TEXT_LIST if template == "bucket.html" else _full_text_card()
    root = write_files(tmp_path / "project", {**PROJECT, f"templates/{template}": text})
    out = tmp_path / "site"
    memory = BuildCache() if process == "long-lived" else None
    options = BuildOptions(root=root, output=out, search=False, persistent_cache=memory is None, in_place=True)
    assert build(options, cache=memory).ok
    assert any("以发展为目标。" in p.read_text("utf-8") for p in out.rglob("*.html") if "plans" not in p.parts)
    _replace("plans/b.yaml", "guiding_thought: 以发展为目标。", "guiding_thought: 以改进为目标。")(root)
    assert build(options, cache=memory).ok
    assert build_site(root, tmp_path / "cold", search=False, persistent_cache=False).ok
    warm, fresh = read_tree(out, manifest=False), read_tree(tmp_path / "cold", manifest=False)
    assert any("以改进为目标。" in b.decode("utf-8", "replace") for p, b in fresh.items() if not p.startswith("plans/"))
    assert sorted(p for p in warm if warm[p] != fresh.get(p)) == []
