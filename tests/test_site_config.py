"""plangen.yaml: errors with file and line like plan errors; language, edit_url, output; CLI -o wins."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitecheck import (
    broken_links,
    build_files,
    build_site,
    copy_fixture,
    local,
    parse_html,
    parse_site,
    read_tree,
    strict_errors,
)

from plangen import urls
from plangen.cli import main


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture("small", tmp_path / "project")


def _config(project: Path, text: str) -> None:
    (project / "plangen.yaml").write_text(text, "utf-8")


@pytest.mark.parametrize("text, line, field, words", [
    ("title: 站点\n\nlanguage: fr\n", 3, "language", "zh-CN"),
    ("title: 站点\noutptu: public\n", 2, "outptu", "unknown setting"),
    ("title: 站点\nsearch: maybe\n", 2, "search", "true or false"),
    ("title: 站点\nplans: ../elsewhere\n", 2, "plans", "inside the project"),
])
def test_config_errors_have_file_line_and_field(project: Path, text: str, line: int, field: str, words: str) -> None:
    _config(project, text)
    result = build_site(project, project.parent / "out", search=False)
    assert not result.ok
    [problem] = [p for p in result.problems if p.path == "plangen.yaml"]
    assert (problem.line, problem.field) == (line, field)
    assert words in problem.message + " " + (problem.hint or "")
    assert not (project.parent / "out").exists()


def test_config_yaml_syntax_error_has_a_line(project: Path) -> None:
    _config(project, "title: 站点\nlanguage: [en\n")
    result = build_site(project, project.parent / "out", search=False)
    [problem] = [p for p in result.problems if p.path == "plangen.yaml"]
    assert problem.is_error and problem.line >= 2


def test_config_errors_are_printed_like_plan_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _config(project, "title: 站点\n\nlanguage: fr\n")
    assert main(["--lang", "en", "build", "-C", str(project), "-o", str(project.parent / "out")]) == 1
    err = capsys.readouterr().err
    assert "plangen.yaml:3:1: error: language:" in err
    assert "nothing was published" in err
    assert main(["--lang", "en", "check", "-C", str(project)]) == 1
    assert "plangen.yaml:3:1: error: language:" in capsys.readouterr().out


def test_language_en_switches_interface_strings(project: Path) -> None:
    _config(project, "title: Plans\nlanguage: en\n")
    files = build_files(project, project.parent / "out", search=False)
    home = files[urls.HOME].decode("utf-8")
    assert '<html lang="en">' in home
    assert ">Organisations</a>" in home and ">单位</a>" not in home
    plan = files[urls.plan("2016-wujing-jiedui")].decode("utf-8")
    for english in ("Issued by", "Leadership group", "Download source file", "Active", "Leader"):
        assert english in plan, english
    for chinese in ("发文单位", "下载源文件", "实施中", ">组长<"):
        assert chinese not in plan, chinese
    assert "五井小学城乡学校结对帮扶工作方案" in plan  # plan text is never translated


def test_language_en_leaves_no_chinese_in_interface_text(project: Path) -> None:
    """Month headings, 'label: value' colons: interface punctuation follows the language too."""
    _config(project, "title: Plans\nlanguage: en\n")
    files = build_files(project, project.parent / "out", search=False)
    tree, _ = parse_html(files[urls.TIMELINE])
    months = ["".join(el.itertext()) for el in tree.iter() if local(el.tag) == "h2"]
    assert months and all(re.fullmatch(r"\d{4}-\d\d", m) for m in months), months
    plan = files[urls.plan("2016-wujing-jiedui")].decode("utf-8")
    assert '<span class="owner">Responsible: 教导处</span>' in plan
    person = files[urls.person("井明泉-五井小学")].decode("utf-8")
    assert "Organisation: <a" in person


def test_chinese_is_the_default_language(project: Path) -> None:
    files = build_files(project, project.parent / "out", search=False)
    assert '<html lang="zh-CN">' in files[urls.HOME].decode("utf-8")
    assert "发文单位" in files[urls.plan("2016-wujing-jiedui")].decode("utf-8")
    assert '<span class="owner">负责：教导处</span>' in files[urls.plan("2016-wujing-jiedui")].decode("utf-8")
    assert ">2016年9月</h2>" in files[urls.TIMELINE].decode("utf-8")


def _edit_links(page: bytes) -> list[str]:
    tree, _ = parse_html(page)
    return [el.attrib["href"] for el in tree.iter() if local(el.tag) == "a" and "".join(el.itertext()) in
            ("编辑此文件", "Edit this file")]


def test_edit_url_adds_the_edit_link(project: Path) -> None:
    files = build_files(project, project.parent / "out0", search=False)
    assert _edit_links(files[urls.plan("2016-wujing-jiedui")]) == []
    _config(project, "title: 站点\nedit_url: https://git.example/plans/edit/main/\n")
    files = build_files(project, project.parent / "out", search=False)
    assert _edit_links(files[urls.plan("2016-wujing-jiedui")]) == [
        "https://git.example/plans/edit/main/plans/2016-wujing-jiedui.yaml"]
    assert _edit_links(files[urls.plan("2017-songshan-huifang")]) == [
        "https://git.example/plans/edit/main/plans/2017-songshan-huifang.md"]


def test_edit_link_to_a_file_with_spaces_and_chinese_is_percent_encoded(project: Path) -> None:
    (project / "plans/2017-songshan-huifang.md").rename(project / "plans/嵩山 回访.md")
    _config(project, "title: 站点\nedit_url: https://git.example/plans/edit/main/\n")
    result = build_site(project, project.parent / "out", search=False)
    [plan] = [p for p in result.workspace.project.plans if p.source.endswith("回访.md")]
    [href] = _edit_links(read_tree(project.parent / "out")[urls.plan(plan.slug)])
    assert href == "https://git.example/plans/edit/main/plans/%E5%B5%A9%E5%B1%B1%20%E5%9B%9E%E8%AE%BF.md"


@pytest.mark.parametrize("url", ["javascript:alert(1)//", "JaVaScRiPt:alert(1)//", "data:text/html,x"])
def test_a_dangerous_edit_url_never_reaches_an_href(project: Path, url: str) -> None:
    _config(project, f'title: 站点\nedit_url: "{url}"\n')
    result = build_site(project, project.parent / "out", search=False)
    if result.ok:  # either refused as a config error, or no link
        page = read_tree(project.parent / "out")[urls.plan("2016-wujing-jiedui")]
        assert _edit_links(page) == []
        assert b"javascript:" not in page.lower() and b"data:text" not in page


def test_config_output_is_used_and_cli_o_overrides_it(project: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _config(project, "title: 站点\noutput: public\n")
    monkeypatch.chdir(project.parent)
    assert main(["build", "-C", str(project), *NO_SEARCH]) == 0
    assert (project / "public" / urls.HOME).is_file()
    other = project.parent / "elsewhere"
    assert main(["build", "-C", str(project), "-o", str(other), *NO_SEARCH]) == 0
    assert (other / urls.HOME).is_file()
    assert main(["build", "-C", str(project), "-o", "relative-out", *NO_SEARCH]) == 0
    assert (project.parent / "relative-out" / urls.HOME).is_file()  # -o is relative to the current folder
    assert not (project / "site").exists()
    assert "已生成 2 个方案" in capsys.readouterr().out


def _has_no_search() -> bool:
    from plangen.cli import build_parser

    try:
        build_parser().parse_args(["build", "--no-search"])
    except SystemExit:
        return False
    return True


NO_SEARCH = ["--no-search"] if _has_no_search() else []


def test_site_title_from_config(project: Path) -> None:
    _config(project, "title: 县教育局帮扶方案\n")
    files = build_files(project, project.parent / "out", search=False)
    assert "<title>县教育局帮扶方案</title>" in files[urls.HOME].decode("utf-8")


def test_an_empty_project_builds_a_valid_linked_site(tmp_path: Path) -> None:
    (tmp_path / "p" / "plans").mkdir(parents=True)
    files = build_files(tmp_path / "p", tmp_path / "out", search=False)
    site = parse_site(files)
    assert broken_links(site) == []
    assert {p: e for p, b in files.items() if p.endswith(".html") and (e := strict_errors(b))} == {}
    assert b"BEGIN:VCALENDAR" in files[urls.CALENDAR]


def test_summary_line_and_quiet_progress(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from plangen.build import terminal_progress

    assert terminal_progress(io.StringIO()) is None  # not a terminal: quiet

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    show = terminal_progress(tty)
    assert show is not None
    show(5, 10)
    show(10, 10)
    assert "10/10" in tty.getvalue()
    assert main(["build", "-C", str(project), "-o", str(project.parent / "out"), *NO_SEARCH]) == 0
    out, err = capsys.readouterr()
    [line] = out.strip().splitlines()
    assert re.search(r"已生成 2 个方案、\d+ 个页面；0 个警告；.*用时 \d+\.\d\d 秒", line), line
    assert "rendering [" not in err  # pytest's capture is not a terminal
