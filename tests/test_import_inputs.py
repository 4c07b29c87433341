"""Inputs and the command: encodings, .docx, bad files, splitting, never overwriting, formats."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

from plangen.cli import main
from plangen.importer.reading import Unreadable, decode, read_input

PLAN = """\
五井小学城乡学校结对帮扶工作方案
为促进城乡教育均衡发展，特制定本方案。
一、指导思想：以科学发展观为指导，整体提升办学水平。
二、领导小组
组 长：井明泉（五井小学校长）
副组长：刘钰（五井小学副校长）
三、实施步骤
1、宣传动员阶段（2016年9月1日至9月10日）。召开动员会。
2、总结阶段（12月1日—12月20日）。总结经验。
四、工作要求
（一）提高认识。要高度重视。
（二）加强交流。要相互学习。
五井小学
2016年9月4日
"""


def run(*args: str) -> int:
    return main(["import", *args])


def test_gb18030_input_is_detected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "plan.txt"
    source.write_bytes(PLAN.encode("gb18030"))
    assert read_input(source).encoding == "gb18030"
    assert run(str(source), "-o", str(tmp_path / "plans")) == 0
    text = (tmp_path / "plans" / "plan.yaml").read_text("utf-8")
    assert "井明泉" in text and 'issuer: "五井小学"' in text and 'date: "2016-09-04"' in text
    assert 'start: "2016-12-01"' in text  # year carried from the plan
    assert main(["check", str(tmp_path / "plans")]) == 0


def test_utf8_with_bom_and_utf16() -> None:
    assert decode("\ufeff一、指导思想".encode()).text == "一、指导思想"
    assert decode("一、指导思想".encode("utf-16")).text == "一、指导思想"


def test_docx_built_by_the_test(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("九杰小学帮扶工作方案", level=0)
    document.add_heading("指导思想", level=1)
    document.add_paragraph("以发展为目标，提升教学质量。")
    document.add_heading("领导小组", level=1)
    document.add_paragraph("组长：魏可海（九杰小学校长）")
    document.add_heading("实施步骤", level=1)
    document.add_paragraph("1、启动阶段（2017年3月1日至3月5日）。制定计划。")
    document.add_heading("工作要求", level=1)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "要求"
    table.rows[0].cells[1].text = "按时完成"
    document.add_paragraph("九杰小学")
    document.add_paragraph("2017年2月")
    source = tmp_path / "jiujie.docx"
    document.save(str(source))
    assert run(str(source), "-o", str(tmp_path / "plans"), "--format", "md") == 0
    text = (tmp_path / "plans" / "jiujie.md").read_text("utf-8")
    assert "# 九杰小学帮扶工作方案" in text and "魏可海" in text and 'start: "2017-03-01"' in text
    assert "按时完成" in text
    assert main(["check", str(tmp_path / "plans")]) == 0


def test_docx_without_python_docx_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    real = builtins.__import__

    def no_docx(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "docx" or name.startswith("docx."):
            raise ImportError("No module named 'docx'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_docx)
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK\x03\x04rest")
    assert run(str(source), "-o", str(tmp_path)) == 2
    assert "pip install 'plangen[docx]'" in capsys.readouterr().err


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "file is empty"),
    (b"   \n\n", "file is empty"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "binary file"),
    (b"PK\x03\x04broken zip", "not a readable .docx"),
])
def test_bad_inputs_give_a_clear_message_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    content: bytes | None, message: str) -> None:
    source = tmp_path / ("in.docx" if content and content.startswith(b"PK") else "in.txt")
    if content is not None:
        source.write_bytes(content)
    assert run(str(source), "-o", str(tmp_path / "plans")) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "plans").exists() or not list((tmp_path / "plans").iterdir())


def test_unreadable_encoding_is_refused() -> None:
    with pytest.raises(Unreadable, match="--encoding"):
        decode(bytes(range(0x80, 0x100)) * 4)


def test_existing_files_are_never_overwritten_without_force(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, "utf-8")
    out = tmp_path / "plans"
    out.mkdir()
    (out / "plan.yaml").write_text("mine", "utf-8")
    assert run(str(source), "-o", str(out)) == 1
    assert (out / "plan.yaml").read_text("utf-8") == "mine"
    assert "--force" in capsys.readouterr().out
    assert run(str(source), "-o", str(out), "--force") == 0
    assert "井明泉" in (out / "plan.yaml").read_text("utf-8")


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, "utf-8")
    assert run(str(source), "-o", str(tmp_path / "plans"), "--dry-run") == 0
    assert not (tmp_path / "plans").exists()


def test_split_default_and_custom_pattern(tmp_path: Path) -> None:
    source = tmp_path / "many.txt"
    source.write_text("第一篇\n" + PLAN + "第二篇\n" + PLAN, "utf-8")
    assert run(str(source), "-o", str(tmp_path / "a")) == 0
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["many-01.yaml", "many-02.yaml"]
    source.write_text("=== A ===\n" + PLAN + "=== B ===\n" + PLAN + "=== C ===\n" + PLAN, "utf-8")
    assert run(str(source), "-o", str(tmp_path / "b"), "--split", r"^=== \w ===$") == 0
    assert len(list((tmp_path / "b").iterdir())) == 3


def test_bad_split_pattern_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, "utf-8")
    assert run(str(source), "--split", "(") == 2
    assert "--split" in capsys.readouterr().err


def test_markdown_input_and_markdown_output(tmp_path: Path) -> None:
    source = tmp_path / "plan.md"
    source.write_text("# 测试帮扶方案\n\n## 指导思想\n\n以发展为目标。\n\n## 领导小组\n\n组长：张明（测试小学校长）\n\n"
                      "## 实施步骤\n\n1. 启动阶段（2018年3月1日至3月5日）\n\n## 工作要求\n\n要提高认识。\n", "utf-8")
    assert run(str(source), "-o", str(tmp_path / "plans"), "--format", "md") == 0
    text = (tmp_path / "plans" / "plan.md").read_text("utf-8")
    assert text.startswith("---\n") and "## 指导思想" in text and "张明" in text
    assert main(["check", str(tmp_path / "plans")]) == 0


def test_simplified_option(tmp_path: Path) -> None:
    pytest.importorskip("opencc")
    source = tmp_path / "plan.txt"
    source.write_text(PLAN.replace("帮扶", "幫扶").replace("领导小组", "領導小組"), "utf-8")
    assert run(str(source), "-o", str(tmp_path / "plans"), "--simplified") == 0
    text = (tmp_path / "plans" / "plan.yaml").read_text("utf-8")
    assert "幫" not in text and "帮扶" in text


def test_help_documents_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    for option in ("--output", "--format", "--simplified", "--split", "--encoding", "--force", "--dry-run"):
        assert option in out


def test_a_page_of_boilerplate_only_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "page.txt"
    source.write_text("以下是小编为大家整理的方案范文，供参考。\n【本文地址:http://example.com/1.html】\n", "utf-8")
    assert run(str(source), "-o", str(tmp_path / "plans")) == 1
    assert "没有找到方案正文" in capsys.readouterr().err


def test_default_output_is_the_projects_plans_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plangen.yaml").write_text("plans: 方案\n", "utf-8")
    (tmp_path / "plan.txt").write_text(PLAN, "utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("plan.txt") == 0
    assert (tmp_path / "方案" / "plan.yaml").is_file()


def test_a_folder_is_not_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(tmp_path), "-o", str(tmp_path / "plans")) == 1
    assert "is a folder" in capsys.readouterr().err
