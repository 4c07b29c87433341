"""People read piece by piece with jieba's tags (importer/names_nlp.py), where the rules read no one."""

from __future__ import annotations

import pytest

from plangen.importer import names_nlp
from plangen.importer.people import read_group

pytestmark = pytest.mark.skipif(not names_nlp.available(), reason="jieba not installed (extra: names)")


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
