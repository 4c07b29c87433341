"""The command line speaks the project's language: Chinese (zh-CN) by default, English with
`language: en` in plangen.yaml or --lang en; and each plan page gives the date of its last change
from git."""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from git_helpers import PLAN, git, write

from plangen import messages, messages_cli, urls
from plangen.build import BuildOptions, build
from plangen.cli import build_parser, main
from plangen.help_text import in_chinese
from plangen.problem_text import format_problem, localised
from plangen.problems import error
from plangen.wording import msg

NO_NAME = PLAN.replace("name: 井明泉, ", "")  # a leader without a name: an error


def project(tmp_path: Path, plans: dict[str, str], config: str = "search: false\nhistory: false\n") -> Path:
    write(tmp_path, {"plangen.yaml": config, **{f"plans/{name}": text for name, text in plans.items()}})
    return tmp_path


def test_check_speaks_chinese_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, {"a.yaml": PLAN, "b.yaml": NO_NAME})
    assert main(["check", "-C", str(root)]) == 1
    out = capsys.readouterr().out
    assert out.endswith("已检查 2 个文件：1 个错误，0 个警告\n")
    # the field keeps its key and gains its Chinese label; severity and hint in Chinese
    assert "plans/b.yaml:9:14: 错误: leadership.leaders[0].name（组长 姓名）: 缺少必填项\n" in out
    assert "      = 提示: 请添加 `name:`（组长 姓名）\n" in out


def test_hostile_input_problems_speak_chinese_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    far = PLAN.replace("date: 2016-09-04", "date: 9999-01-01")
    hidden = PLAN.replace("title: 五井小学结对帮扶工作方案", 'title: "\\u200b\\u200b"')
    assert far != PLAN and hidden != PLAN
    root = project(tmp_path, {"far.yaml": far, "hidden.yaml": hidden})
    assert main(["check", "-C", str(root)]) == 1
    out = capsys.readouterr().out
    assert "年份 9999 超出范围：方案的年份应在 1949–2100 年之间" in out
    assert "只由不可见字符组成" in out and "请写上文字，或删去这个字段" in out
    assert "out of range" not in out and "invisible" not in out


def test_language_en_in_plangen_yaml_or_lang_en_gives_english(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, {"a.yaml": PLAN}, "language: en\nsearch: false\n")
    assert main(["check", "-C", str(root)]) == 0
    assert capsys.readouterr().out == "checked 1 file: no problems\n"
    (root / "plangen.yaml").write_text("language: zh-CN\n", "utf-8")
    assert main(["check", "--lang", "en", "-C", str(root)]) == 0
    assert capsys.readouterr().out == "checked 1 file: no problems\n"
    assert main(["check", "-C", str(root)]) == 0
    assert capsys.readouterr().out == "已检查 1 个文件：没有问题\n"


def test_build_summary_and_failure_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, {"a.yaml": PLAN})
    assert main(["build", "-C", str(root)]) == 0
    line = capsys.readouterr().out.strip()
    assert re.fullmatch(r"已生成 1 个方案、\d+ 个页面；0 个警告；写入 \d+ 个文件，0 个未变，删除 0 个；"
                        r"用时 \d+\.\d\d 秒 -> .*site；搜索：未建立（plangen\.yaml 中设置了 search: false）", line), line
    write(root, {"plans/b.yaml": NO_NAME})
    assert main(["build", "-C", str(root)]) == 1
    assert capsys.readouterr().err.strip().endswith("已检查 2 个文件：1 个错误，0 个警告；未发布任何内容")


def test_every_message_has_both_languages_with_the_same_values() -> None:
    for key, (zh, en) in messages_cli.CLI.items():
        assert zh and en, key
        assert set(re.findall(r"{(\w+)", zh)) == set(re.findall(r"{(\w+)", en)), key
    assert messages.say("en")("serve.stopped") == "plangen serve stopped"
    assert messages.say("zh-CN")("serve.stopped") == messages.say(None)("serve.stopped") == "plangen serve 已停止"


def test_a_problem_is_worded_from_its_key_and_its_field_shows_the_label() -> None:
    p = error("plans/a.yaml", 3, 1, "issuer", msg("rules.placeholder", text="xx"), code="placeholder")
    assert (p.message, p.hint) == ("placeholder 'xx' from an unfilled template", "replace it with the real value")
    shown = localised(p)
    assert (shown.field, shown.message, shown.hint) == ("issuer（发文单位）", "“xx”是未填写的模板占位内容", "请换成实际内容")
    assert format_problem("zh-CN", p).startswith("plans/a.yaml:3:1: 错误: issuer（发文单位）: “xx”是未填写的模板占位内容")
    assert format_problem("en", p).startswith("plans/a.yaml:3:1: error: issuer (发文单位): placeholder 'xx' from")
    # a problem without a key (an old cache's) keeps the words it has
    bare = replace(p, key="", values=())
    assert localised(bare).message == "placeholder 'xx' from an unfilled template"


def test_plan_page_and_api_give_the_date_of_the_last_commit(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    project(repo, {"wujing.yaml": PLAN, "other.yaml": PLAN.replace("五井小学结对", "嵩山小学结对")},
            "search: false\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "初稿", "--date=2023-05-06T10:00:00+08:00")
    write(repo, {"plans/wujing.yaml": PLAN.replace("各校要", "各校务必")})
    git(repo, "commit", "-q", "-am", "改一句", "--date=2024-11-20T09:30:00+08:00")
    write(repo, {"plans/new.yaml": PLAN.replace("五井小学结对", "九杰小学结对")})  # not committed
    out = tmp_path / "site"
    assert build(BuildOptions(root=repo, output=out, search=False)).ok
    page = (out / urls.plan("wujing")).read_text("utf-8")
    assert '<time class="changed" datetime="2024-11-20">2024年11月20日</time>' in page
    assert "2023年5月6日" in (out / urls.plan("other")).read_text("utf-8")
    assert 'class="changed"' not in (out / urls.plan("new")).read_text("utf-8")
    assert json.loads((out / urls.api_plan("wujing")).read_text("utf-8"))["changed"] == "2024-11-20"
    assert "changed" not in json.loads((out / urls.api_plan("new")).read_text("utf-8"))
    write(repo, {"plangen.yaml": "search: false\nlanguage: en\n"})
    assert build(BuildOptions(root=repo, output=out, search=False)).ok
    assert '<time class="changed" datetime="2024-11-20">2024-11-20</time>' in (out / urls.plan("wujing")).read_text("utf-8")


def _help_texts(parser: argparse.ArgumentParser) -> list[str]:
    texts = [parser.description or ""]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            texts += [c.help or "" for c in action._choices_actions]
            for sub in action.choices.values():
                texts += _help_texts(sub)
        elif action.help != argparse.SUPPRESS:
            texts.append(action.help or "")
    return texts


def test_help_of_every_command_in_chinese_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    parser = build_parser()
    in_chinese(parser)
    english = [t for t in _help_texts(parser) if t and not re.search("[\u4e00-\u9fff]{2}", t)]
    assert english == []
    # a text with English words (and some Chinese in it) must have been replaced too, not kept as it was
    before = _help_texts(build_parser())
    kept = [t for t, zh in zip(before, _help_texts(parser)) if t == zh and re.search(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+", t)]
    assert kept == []
    monkeypatch.chdir(tmp_path)  # no plangen.yaml: the default language
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert "把警告当作错误" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "build", "--help"])
    assert "treat warnings as errors" in capsys.readouterr().out
