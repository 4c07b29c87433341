"""Names of organisations and people on the site: folding, the registry, homonyms, did-you-mean."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from sitecheck import build_files, build_site, local, parse_html, write_files

from plangen import urls
from plangen.names import file_id


def plan(title: str, issuer: str, leader: str = "张明", org: str = "", helpers: str = "", recipients: str = "",
         basis: str = "") -> str:
    org = org or issuer
    partners = f"partners: {{helpers: [{helpers}], recipients: [{recipients}]}}\n" if helpers else ""
    return (f"title: {title}\nissuer: {issuer}\ndate: 2020-01-01\n{partners}{basis}"
            f"guiding_thought: 以发展为目标。\n"
            f"leadership: {{leaders: [{{name: {leader}, title: 校长, org: {org}}}]}}\n"
            f"steps: [{{title: 启动阶段}}]\nrequirements: [提高认识]\n")


REGISTRY = """\
organisations:
  - {name: 五井小学, aliases: [五井小学校, 五井镇五井小学]}
  - {name: 嵩山小学}
people:
  - {name: 井明泉, org: 五井小学, title: 校长, aliases: [井明全]}
"""


def _org_pages(files: dict[str, bytes]) -> set[str]:
    return {p for p in files if p.startswith("orgs/") and p != urls.ORGS}


def _plans_listed(page: bytes) -> set[str]:
    tree, _ = parse_html(page)
    return {el.attrib["href"].rsplit("/", 1)[-1] for el in tree.iter()
            if local(el.tag) == "a" and "plan-title" in el.attrib.get("class", "")}


def test_registry_aliases_merge_into_one_org_page(tmp_path: Path) -> None:
    root = write_files(tmp_path / "p", {
        "registry.yaml": REGISTRY,
        "plans/a.yaml": plan("甲方案", "五井小学", leader="井明泉"),
        "plans/b.yaml": plan("乙方案", "五井小学校", leader="井明泉", org="五井小学校"),
        "plans/c.yaml": plan("丙方案", "嵩山小学", helpers="五井镇五井小学", recipients="嵩山小学"),
    })
    files = build_files(root, tmp_path / "out", search=False)
    assert _org_pages(files) == {urls.org("五井小学"), urls.org("嵩山小学")}
    assert _plans_listed(files[urls.org("五井小学")]) >= {"a.html", "b.html", "c.html"}
    people = {p for p in files if p.startswith("people/") and p != urls.PEOPLE}
    assert people == {urls.person("井明泉-五井小学"), urls.person("张明-嵩山小学")}
    page = files[urls.plan("b")].decode("utf-8")
    assert "五井小学校" in page  # the plan still shows what its author wrote


def test_a_misspelt_name_gets_a_did_you_mean_warning_from_build(tmp_path: Path) -> None:
    root = write_files(tmp_path / "p", {"registry.yaml": REGISTRY,
                                        "plans/a.yaml": plan("甲方案", "五井小字", leader="井明泉", org="五井小学")})
    result = build_site(root, tmp_path / "out", search=False)
    assert result.ok
    [warning] = [p for p in result.problems if p.code == "unknown-name"]
    assert "五井小字" in warning.message and "五井小学" in warning.hint
    assert warning.path == "plans/a.yaml" and warning.line == 2


def test_a_misspelt_name_gets_a_did_you_mean_warning_from_check(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from plangen.cli import main

    root = write_files(tmp_path / "p", {"registry.yaml": REGISTRY,
                                        "plans/a.yaml": plan("甲方案", "五井小字", leader="井明泉", org="五井小学")})
    main(["check", "-C", str(root)])
    out = capsys.readouterr().out
    assert "plans/a.yaml:2" in out and "是不是要写“五井小学”" in out
    main(["check", "--lang", "en", "-C", str(root)])
    assert "did you mean '五井小学'" in capsys.readouterr().out


def test_no_registry_no_did_you_mean(tmp_path: Path) -> None:
    root = write_files(tmp_path / "p", {"plans/a.yaml": plan("甲方案", "五井小字")})
    result = build_site(root, tmp_path / "out", search=False)
    assert result.ok and not [p for p in result.problems if p.code == "unknown-name"]


def test_same_name_in_different_organisations_is_two_people(tmp_path: Path) -> None:
    root = write_files(tmp_path / "p", {
        "plans/a.yaml": plan("甲方案", "五井小学", leader="张伟"),
        "plans/b.yaml": plan("乙方案", "嵩山小学", leader="张伟"),
        "plans/c.yaml": plan("丙方案", "九杰小学", leader="张伟", org="五井小学"),
    })
    files = build_files(root, tmp_path / "out", search=False)
    wujing, songshan = urls.person("张伟-五井小学"), urls.person("张伟-嵩山小学")
    assert {p for p in files if p.startswith("people/") and p != urls.PEOPLE} == {wujing, songshan}
    assert _role_plans(files[wujing]) == {"a.html", "c.html"}
    assert _role_plans(files[songshan]) == {"b.html"}


def _role_plans(page: bytes) -> set[str]:
    tree, _ = parse_html(page)
    return {el.attrib["href"].rsplit("/", 1)[-1] for el in tree.iter()
            if local(el.tag) == "a" and "/plans/" in "/" + el.attrib.get("href", "").lstrip("./")}


def test_width_space_and_punctuation_variants_fold_to_one_page(tmp_path: Path) -> None:
    variants = ["五井小学", "五井 小学", "五井　小学", "“五井小学”", "五井小学。", "五井·小学"]
    files_in = {f"plans/p{i}.yaml": plan(f"方案{i}", name) for i, name in enumerate(variants)}
    files_in["plans/latin.yaml"] = plan("拉丁方案", "ＡＢＣ学校")
    files_in["plans/latin2.yaml"] = plan("拉丁方案二", "ABC 学校")
    root = write_files(tmp_path / "p", files_in)
    files = build_files(root, tmp_path / "out", search=False)
    assert _org_pages(files) == {urls.org("五井小学"), urls.org(file_id("ABC学校"))}
    assert len(_plans_listed(files[urls.org("五井小学")])) == len(variants)


@pytest.mark.parametrize("name", ["index", "Index", "ＩＮＤＥＸ"])
def test_a_name_that_spells_a_listing_page_does_not_overwrite_it(tmp_path: Path, name: str) -> None:
    """orgs/index.html, people/index.html, tags/index.html and documents/index.html are the listings."""
    text = plan("甲方案", name, leader=name, basis=f"basis: [{{title: {name}}}]\n") + f"tags: [{name}]\n"
    root = write_files(tmp_path / "p", {"plans/a.yaml": text, "plans/b.yaml": plan("乙方案", "嵩山小学")})
    files = build_files(root, tmp_path / "out", search=False)
    def h1(path: str) -> str:
        tree, _ = parse_html(files[path])
        return "".join(next(el for el in tree.iter() if local(el.tag) == "h1").itertext())

    for listing, title in ((urls.ORGS, "单位"), (urls.PEOPLE, "人员"), (urls.TAGS, "标签"), (urls.DOCS, "依据文件")):
        assert h1(listing) == title, f"{listing} was overwritten by the page of '{name}'"
    tree, _ = parse_html(files[urls.plan("a")])
    targets = set()
    for el in tree.iter():
        href = el.attrib.get("href", "") if local(el.tag) == "a" else ""
        if href.startswith("../") and "".join(el.itertext()).strip() in (name, f"《{name}》"):
            targets.add(unquote(href[3:]))
    assert {t.split("/")[0] for t in targets} >= {"orgs", "people", "tags", "documents"}
    for target in targets:
        assert target in files and name in h1(target), target


def test_long_names_sharing_a_prefix_get_separate_pages(tmp_path: Path) -> None:
    """File ids are shortened; two documents whose titles differ only at the end must not share a page."""
    stem = "关于进一步做好新形势下城乡学校结对帮扶和送教下乡工作推动县域义务教育优质均衡发展的若干意见及其配套实施细则和考核办法" * 2
    a, b = stem + "甲", stem + "乙"
    root = write_files(tmp_path / "p", {"plans/a.yaml": plan("甲方案", "五井小学", basis=f"basis: [{{title: {a}}}]\n"),
                                         "plans/b.yaml": plan("乙方案", "嵩山小学", basis=f"basis: [{{title: {b}}}]\n")})
    files = build_files(root, tmp_path / "out", search=False)
    docs = [p for p in files if p.startswith("documents/") and p != urls.DOCS]
    assert len(docs) == 2
