"""People read piece by piece with jieba's tags (importer/piecewise.py), where the rules read no one."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from plangen.importer import piecewise, wordtags
from plangen.importer.people import read_group


def test_cells_between_pipes_without_a_header() -> None:
    group, _ = read_group(["组长 | 覃海峰 | 县人民政府副县长", "成员 | 蒙志强 | 县人力资源和社会保障局副局长"])
    assert group["leaders"] == [{"name": "覃海峰", "title": "副县长", "org": "县人民政府"}]
    assert group["members"] == [{"name": "蒙志强", "title": "副局长", "org": "县人力资源和社会保障局"}]


def test_name_and_post_on_lines_of_their_own_under_a_role() -> None:
    group, _ = read_group(["组长", "冯永刚", "县林业局局长", "副组长", "甘秀梅", "县财政局副局长"])
    assert group["leaders"] == [{"name": "冯永刚", "title": "局长", "org": "县林业局"}]
    assert group["deputies"] == [{"name": "甘秀梅", "title": "副局长", "org": "县财政局"}]


def test_posts_given_after_fenbie() -> None:
    group, _ = read_group(["陆永福、廖金凤两位同志任副组长，分别为县文化局局长、县融媒体中心主任。"])
    assert group["deputies"] == [{"name": "陆永福", "title": "局长", "org": "县文化局"},
                                 {"name": "廖金凤", "title": "主任", "org": "县融媒体中心"}]


def test_the_rules_reading_kept_when_it_has_names_and_posts() -> None:
    group, _ = read_group(["组长：寇准（县民政局局长）", "成员：各乡镇分管负责同志"])
    assert group["leaders"] == [{"name": "寇准", "title": "局长", "org": "县民政局"}]


def test_a_group_of_people_beside_a_name_kept_as_written() -> None:
    group, _ = read_group(["| 小组职务 | 人员 |", "| --- | --- |", "| 组长 | 银振宇（县民族宗教事务局局长） |",
                           "| 成员 | 谢丽萍（县民族宗教事务局民族股股长）、各有关乡镇分管领导 |"])
    assert group["members"] == [{"name": "谢丽萍", "title": "民族股股长", "org": "县民族宗教事务局"},
                                {"description": "各有关乡镇分管领导"}]


def test_without_jieba_the_rules_reading_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = {"leaders": [{"name": "|"}, {"name": "覃海峰"}]}
    monkeypatch.setattr(wordtags, "available", lambda: False)
    assert piecewise.check(rules, ["组长 | 覃海峰 | 县人民政府副县长"]) == rules


def test_a_post_between_two_names_is_given_once() -> None:
    group, _ = read_group(["组长 | 冼国华 | 县农业农村局局长", "成员 | 覃丽娟 | 县林业局副局长 | 韦小宝 | 县财政局副局长"])
    assert group["leaders"] == [{"name": "冼国华", "title": "局长", "org": "县农业农村局"}]
    assert group["members"] == [{"name": "覃丽娟", "title": "副局长", "org": "县林业局"},
                                {"name": "韦小宝", "title": "副局长", "org": "县财政局"}]


def test_the_dictionary_is_kept_in_memory_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    group, _ = read_group(["组长 | 覃海峰 | 县人民政府副县长"])
    assert group["leaders"][0]["name"] == "覃海峰"
    assert list(tmp_path.iterdir()) == []
