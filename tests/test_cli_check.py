"""`plangen check` from the command line: compiler-style text, JSON, exit codes, help texts."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plangen.cli import build_parser, main
from plangen.problems import Problem, format_text

PLAN_MD = """\
---
issuer: 测试小学
date: 2016-09-04
---
# 测试小学结对帮扶工作方案

## 一、指导思想

以促进城乡教育均衡发展为目标。

## 二、领导小组

组长：张明（测试小学校长）

## 三、实施步骤

1. 宣传动员阶段

## 四、工作要求

- 提高认识
"""

BAD_YAML = """\
title: 测试小学送教下乡工作方案
issuer: 测试小学
guiding_thought: 以促进城乡教育均衡发展为目标。
leadership:
  leaders:
    - {title: 校长, org: 测试小学}
steps: [{title: 启动}]
requirements: [认真]
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """The command's output in English (--lang en): these tests read its wording; Chinese, the default,
    is tested in test_cli_language.py."""
    code = main(["--lang", "en", *argv])
    return code, capsys.readouterr().out


def test_clean_plans_exit_0_with_a_summary(project_dir, capsys) -> None:
    root = project_dir({"plans/a.md": PLAN_MD})
    assert run(capsys, "check", "-C", str(root)) == (0, "checked 1 file: no problems\n")


def test_errors_are_reported_like_a_compiler_and_exit_1(project_dir, capsys, monkeypatch) -> None:
    root = project_dir({"plans/a.md": PLAN_MD, "plans/b.yaml": BAD_YAML})
    monkeypatch.chdir(root)
    code, out = run(capsys, "check")
    assert code == 1
    assert out == (
        "plans/b.yaml:6:7: error: leadership.leaders[0].name (组长 姓名): required\n"
        "    6 |     - {title: 校长, org: 测试小学}\n"
        "      |       ^\n"
        "      = hint: add `name:` (组长 姓名)\n"
        "checked 2 files: 1 error(s), 0 warning(s)\n"
    )


def test_markdown_plan_error_points_into_the_file(project_dir, capsys) -> None:
    root = project_dir({"plans/a.md": PLAN_MD.replace("组长：张明（测试小学校长）", "组长：张明（测试小学校长）\n成员：张明")})
    code, out = run(capsys, "check", "-C", str(root))
    assert code == 1
    assert out.splitlines()[:3] == [
        "plans/a.md:14:1: error: leadership.members[0] (领导小组 成员): 张明 is listed as 成员 and also as 组长 (line 13)",
        "   14 | 成员：张明",
        "      | ^",
    ]


def test_marker_counts_wide_characters_as_two_cells() -> None:
    problem = Problem("a.yaml", 1, 4, "error", "x", "bad")
    assert format_text(problem, ["标题：好 x"]).splitlines()[2] == "      |       ^"
    assert "\033[1;31merror\033[0m" in format_text(problem, None, colour=True)


def test_warnings_exit_0_and_strict_makes_them_errors(project_dir, capsys) -> None:
    root = project_dir({"plans/a.md": PLAN_MD.replace("issuer: 测试小学", "issuer: xx小学")})
    code, out = run(capsys, "check", "-C", str(root))
    assert code == 0
    assert out.startswith("plans/a.md:2:1: warning: issuer (发文单位): placeholder 'xx' from an unfilled template\n")
    assert out.endswith("checked 1 file: 0 error(s), 1 warning(s)\n")
    code, out = run(capsys, "check", "--strict", "-C", str(root))
    assert code == 1 and out.startswith("plans/a.md:2:1: error: issuer (发文单位):")


def test_json_format_has_stable_documented_keys(project_dir, capsys) -> None:
    root = project_dir({"plans/b.yaml": BAD_YAML, "plans/a.md": PLAN_MD.replace("测试小学\n", "xx小学\n", 1)})
    code, out = run(capsys, "check", "--format", "json", "-C", str(root))
    doc = json.loads(out)
    assert code == 1
    assert list(doc) == ["errors", "files", "problems", "version", "warnings"]
    assert (doc["version"], doc["files"], doc["errors"], doc["warnings"]) == (1, 2, 1, 1)
    assert [p["path"] for p in doc["problems"]] == ["plans/a.md", "plans/b.yaml"]
    assert doc["problems"][1] == {
        "path": "plans/b.yaml", "line": 6, "column": 7, "severity": "error", "code": "required",
        "field": "leadership.leaders[0].name", "message": "required", "hint": "add `name:` (组长 姓名)",
        "key": "schema.required-labelled", "values": {"key": "name", "label": "组长 姓名"},
    }


def test_named_files_and_folders(project_dir, capsys) -> None:
    root = project_dir({"plans/a.md": PLAN_MD, "plans/b.yaml": BAD_YAML, "more/c.md": PLAN_MD})
    assert run(capsys, "check", "-C", str(root), str(root / "plans" / "a.md"))[0] == 0
    code, out = run(capsys, "check", "-C", str(root), str(root / "more"), str(root / "plans" / "a.md"))
    assert code == 0 and out == "checked 2 files: no problems\n"


def test_encoding_option_reads_gb18030(project_dir, capsys) -> None:
    root = project_dir({"plans/a.md": PLAN_MD.encode("gb18030")})
    code, out = run(capsys, "check", "-C", str(root))
    assert code == 1 and "GB18030" in out and "--encoding gb18030" in out
    assert run(capsys, "check", "--encoding", "gb18030", "-C", str(root)) == (0, "checked 1 file: no problems\n")


def test_bad_config_is_reported(project_dir, capsys) -> None:
    root = project_dir({"plans/a.md": PLAN_MD, "plangen.yaml": "max_file_size: lots\ntheme: dark\n"})
    code, out = run(capsys, "check", "-C", str(root))
    assert code == 1
    assert "plangen.yaml:1:1: error: max_file_size: expected a number of bytes, found 'lots'" in out
    assert "plangen.yaml:2:1: error: theme: unknown setting 'theme'" in out


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("command", ["", *sorted(_subcommands())])
def test_every_help_exits_0_and_explains_every_option(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"] if command else ["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：plangen")  # (the project here speaks zh-CN: test_cli_language.py has both)
    parser = _subcommands()[command] if command else build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            assert all(choice.help for choice in action._choices_actions)
            continue
        assert action.help, f"plangen {command}: {action.option_strings or action.dest} has no help"
    assert "check" in build_parser().format_help()


def test_check_help_names_its_options(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    for option in ("--strict", "--format", "--encoding", "--root"):
        assert option in out


def test_no_command_prints_help(capsys) -> None:
    assert main([]) == 2
    assert "用法：plangen" in capsys.readouterr().out


def test_python_dash_m_plangen(project_dir) -> None:
    root = project_dir({"plans/b.yaml": BAD_YAML})
    done = subprocess.run([sys.executable, "-m", "plangen", "check", "-C", str(root)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 1 and "plans/b.yaml:6:7: 错误:" in done.stdout


def test_console_script_flushes_both_streams_before_it_exits(project_dir) -> None:
    # the console script ends with os._exit (no teardown of a large heap): whatever was printed to a
    # pipe, which Python buffers, must still arrive, on stdout and on stderr, with the exit code
    good = project_dir({"plans/a.md": PLAN_MD, "plangen.yaml": "search: false\nhistory: false\n"})
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    done = subprocess.run([sys.executable, "-m", "plangen", "build", "-C", str(good)], capture_output=True,
                          text=True, timeout=120, check=False, env=buffered)
    assert done.returncode == 0 and done.stdout.startswith("已生成 1 个方案") and done.stdout.endswith("\n")
    (good / "plans/b.yaml").write_text(BAD_YAML, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "plangen", "build", "-C", str(good)], capture_output=True,
                          text=True, timeout=120, check=False, env=buffered)
    assert done.returncode == 1 and done.stderr.rstrip().endswith("未发布任何内容")


def test_schema_command_output_is_json(capsys) -> None:
    code, out = run(capsys, "schema")
    assert code == 0 and json.loads(out)["type"] == "object"
    assert Path  # the schema's content is tested in test_core_schema.py
