"""Plan files written by the importer read back exactly, in YAML and in Markdown."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from plangen.importer.writer import quote, to_markdown, to_yaml
from plangen.project import parse_source
from plangen.sources import Source

TRICKY = ["no", "on", "yes", "~", "null", "2016-09-01", "2024-13-01", "1e3", "0x1F", "- 项目", "#注释", "key: value",
          "'单引号'", '"双引号"', "[列表]", "{映射}", "&anchor", "*alias", "!tag", "%YAML", "@at", "`反引号`",
          "  前导空格", "尾随空格  ", "制表\t符", "反斜杠\\n", "换行\n第二行", "段落\n\n第二段", "\u2028分隔", "\x7f删除",
          "…", "\u3000全角空格", "|", ">", "? 问号", ": 冒号"]


@pytest.mark.parametrize("text", TRICKY)
def test_strings_read_back_the_same(text: str) -> None:
    assert yaml.safe_load("v: " + quote(text)) == {"v": text}
    assert yaml.safe_load(to_yaml({"title": text, "items": [text, {"title": text, "body": text}]})) == {
        "title": text, "items": [text, {"title": text, "body": text}]}


def plan(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "测试方案", "issuer": "测试小学", "status": "draft",
        "preamble": "为做好工作，特制定本方案。",
        "guiding_thought": "以发展为目标。\n\n第二段。",
        "leadership": {"name": "领导小组", "leaders": [{"name": "张明", "title": "校长", "org": "测试小学"}]},
        "steps": [{"title": "启动阶段", "start": "2016-09-01", "end": "2016-09-10", "body": "召开动员会。"}],
        "requirements": [{"title": "提高认识", "body": "要高度重视。"}, "加强交流"],
        "sections": [{"title": "补贴标准", "body": "每户800元。"}],
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("fmt", ["yaml", "markdown"])
def test_both_formats_load_to_the_same_data(fmt: str) -> None:
    data = plan()
    text = to_yaml(data) if fmt == "yaml" else to_markdown(data)
    parsed = parse_source(Source("plans/t." + ("yaml" if fmt == "yaml" else "md"), text, fmt))
    assert [p for p in parsed.problems if p.is_error] == []
    assert parsed.data == data


def test_markdown_keeps_unsafe_parts_in_front_matter() -> None:
    data = plan(requirements=["- 以短横开头", "1. 编号开头"], sections=[{"title": "工作要求", "body": "重名"}])
    text = to_markdown(data)
    parsed = parse_source(Source("plans/t.md", text, "markdown"))
    assert [p for p in parsed.problems if p.is_error] == []
    assert parsed.data == data


def test_markdown_layout() -> None:
    text = to_markdown(plan())
    assert text.startswith("---\nissuer:")
    assert "# 测试方案\n\n为做好工作" in text and "## 指导思想" in text and "### 提高认识" in text


def test_text_the_markdown_loader_would_read_as_items_stays_in_front_matter() -> None:
    data = plan(guiding_thought="（一）以发展为目标。\n\n（二）提高质量。", objectives="①提高质量\n\n②加强交流")
    text = to_markdown(data)
    assert "## 指导思想" not in text
    parsed = parse_source(Source("plans/t.md", text, "markdown"))
    assert parsed.data == data
