"""Leadership layouts read through the whole import: an annex listing the group."""

from __future__ import annotations

from plangen.importer import Options, convert
from plangen.importer.splitting import compile_split

PLAN = ("某县非遗帮扶方案\n为做好帮扶工作，制定本方案。\n一、指导思想\n坚持保护为主。\n二、组织领导\n"
        "成立领导小组（成员名单见附件）。领导小组办公室设在县文化馆。\n三、实施步骤\n"
        "（一）动员（2024年3月1日至3月15日）：召开会议。\n四、工作要求\n要落实责任。\n"
        "附件：某县非遗帮扶工作领导小组成员名单\n某县文化和旅游局\n2024年2月26日\n附件\n某县非遗帮扶工作领导小组成员名单\n"
        "组　长：县人民政府副县长　阮　籍\n成　员：县文化馆馆长　向　秀\n各乡镇分管文化工作的负责同志\n"
        "领导小组办公室主任由向秀同志兼任。\n")


def test_an_annex_gives_the_group_its_office_director_and_is_listed_once() -> None:
    result = convert(PLAN, "a.txt", Options(compile_split(None)))
    [(plan, _)] = result.plans
    group = plan["leadership"]
    assert group["leaders"] == [{"name": "阮籍", "title": "副县长", "org": "县人民政府"}]
    assert group["members"] == [{"name": "向秀", "title": "馆长", "org": "县文化馆"},
                                {"description": "各乡镇分管文化工作的负责同志"}]
    assert group["office"] == {"location": "县文化馆", "director": {"name": "向秀"}}
    assert plan["attachments"] == [{"title": "某县非遗帮扶工作领导小组成员名单"}]
    assert "领导小组办公室主任由向秀同志兼任" in group["body"] and result.lost == []


MARKDOWN = ("# 某中学帮扶方案\n\n为做好帮扶工作，制定本方案。\n\n## 一、指导思想\n\n坚持精准帮扶。\n\n## 二、组织保障\n\n"
            "- 组长：韩愈，某中学校长\n- 副组长：柳宗元，某中学副校长\n\n## 三、实施步骤\n\n"
            "1. 2024年3月1日—3月8日：制定计划。\n\n## 四、工作要求\n\n要落实责任。\n")


def test_role_lines_as_list_items_under_another_heading_are_the_group() -> None:
    [(plan, _)] = convert(MARKDOWN, "a.md", Options(compile_split(None))).plans
    group = plan["leadership"]
    assert group["leaders"] == [{"name": "韩愈", "title": "校长", "org": "某中学"}]
    assert group["deputies"] == [{"name": "柳宗元", "title": "副校长", "org": "某中学"}]


def test_an_annex_listing_the_group_in_a_table() -> None:
    text = PLAN.split("组　长")[0] + ("| 职务 | 姓名 | 工作单位及职务 |\n| --- | --- | --- |\n| 组长 | 颜真卿 | 县民政局党组书记、局长 |\n"
                                     "| 成员 | 褚遂良 | 县民政局养老服务股股长 |\n")
    result = convert(text, "a.txt", Options(compile_split(None)))
    [(plan, _)] = result.plans
    assert plan["leadership"]["leaders"] == [{"name": "颜真卿", "title": "党组书记、局长", "org": "县民政局"}]
    assert plan["attachments"] == [{"title": "某县非遗帮扶工作领导小组成员名单"}]
    assert plan["requirements"] == "要落实责任。" and result.lost == []
