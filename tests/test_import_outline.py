"""Numbered headings in every style, nesting, run-on headings, lost headings (importer)."""

from __future__ import annotations

import pytest

from plangen.importer.cleaning import Line
from plangen.importer.infer import assign
from plangen.importer.outline import cn_number, heading_of, numbering
from plangen.importer.structure import Chunk, chunks_of
from plangen.wording import msg


def lines(text: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(text.strip().splitlines())]


def chunks(text: str) -> list[Chunk]:
    return assign(chunks_of(lines(text)))


@pytest.mark.parametrize("text, style, value", [
    ("一、指导思想", "cn", 1),
    ("十二、附则", "cn", 12),
    ("三．工作要求", "cn", 3),
    ("(一)管理帮扶", "paren-cn", 1),
    ("（二）师资帮扶", "paren-cn", 2),
    ("(三)、五井小学结对活动", "paren-cn", 3),
    ("1.宣传发动", "arabic", 1),
    ("2、调查分析", "arabic", 2),
    ("3．解决问题", "arabic", 3),
    ("1.2016年下半年:", "arabic", 1),
    ("(1)2016年9月1日，到校", "paren-arabic", 1),
    ("（2）结对帮扶", "paren-arabic", 2),
    ("4）总结", "half-paren", 4),
    ("①送课到校", "circled", 1),
    ("⑫结对帮教", "circled", 12),
    ("第一阶段：宣传动员", "phase", 1),
    ("第三条 工作要求", "article", 3),
    ("第二部分 实施步骤", "part", 2),
])
def test_numbering_styles(text: str, style: str, value: int) -> None:
    found = numbering(text)
    assert found is not None and (found.style, found.value) == (style, value)


@pytest.mark.parametrize("text", ["2016.9.1召开动员会", "1.5万元补助", "一是通过考察", "20xx年10月13日，走访", "组长：张三"])
def test_not_numbering(text: str) -> None:
    assert numbering(text) is None


def test_traditional_numbering_and_headings() -> None:
    node = heading_of(Line(1, "二、幫扶結對活動領導小組。"))
    assert node is not None and node.part == "leadership" and node.title == "幫扶結對活動領導小組"


def test_chinese_numbers() -> None:
    assert [cn_number(t) for t in ("一", "十", "十五", "二十", "二十三", "百", "7", "③")] == [1, 10, 15, 20, 23, 100, 7, 3]


@pytest.mark.parametrize("line, title, body, part", [
    ("一、指导思想:以党的十八大精神为指导，深入学习", "指导思想", "以党的十八大精神为指导，深入学习", "guiding_thought"),
    ("二、工作时间：", "工作时间", "", "period"),
    ("四、帮扶工作要求、帮扶结对学校领导要提高认识", "帮扶工作要求", "帮扶结对学校领导要提高认识", "requirements"),
    ("三、领导小组:组长:副组长:组员:", "领导小组", "组长:副组长:组员:", "leadership"),
    ("(一)管理帮扶。我们学校每学期会派领导", "管理帮扶", "我们学校每学期会派领导", None),
    ("(一)完善城乡保障救助制度,提高保障救助标准", "完善城乡保障救助制度,提高保障救助标准", "", None),
])
def test_run_on_headings(line: str, title: str, body: str, part: str | None) -> None:
    node = heading_of(Line(1, line))
    assert node is not None
    assert (node.title, node.body[0] if node.body else "", node.part) == (title, body, part)


def test_bare_part_names_and_markdown_headings_are_headings() -> None:
    assert heading_of(Line(1, "指导思想")).part == "guiding_thought"  # type: ignore[union-attr]
    assert heading_of(Line(1, "## 工作要求")).part == "requirements"  # type: ignore[union-attr]
    assert heading_of(Line(1, "以发展为目标，提高质量。")) is None


def test_nesting_by_rank_and_siblings() -> None:
    found = chunks("""
一、实施步骤
（一）五井小学结对活动
1.2016年下半年：
(1)2016年9月1日，刘钰到嵩山小学挂职。
(2)2016年10月12日，英语课例研修。
2.2017年上半年：
(1)2017年5月14日，语文课例研修。
（二）九杰小学结对活动
1.2016年下半年：
二、工作要求
要提高认识。
""")
    assert [c.part for c in found] == ["steps", "requirements"]
    steps = found[0].nodes[0]
    assert [n.title for n in steps.children] == ["五井小学结对活动", "九杰小学结对活动"]
    first = steps.children[0]
    assert [n.title for n in first.children] == ["2016年下半年", "2017年上半年"]
    assert len(first.children[0].children) == 2


def test_full_and_half_width_punctuation_nest_alike() -> None:
    half = chunks("一、工作要求\n(一)提高认识。\n(二)加强领导。")
    full = chunks("一、工作要求\n（一）提高认识。\n（二）加强领导。")
    assert [n.title for n in half[0].nodes[0].children] == [n.title for n in full[0].nodes[0].children]


def test_a_list_restarting_at_one_is_a_new_part_whose_heading_was_lost() -> None:
    found = chunks("""
为促进企业发展，特制定本方案。
1、促进项目建设。圆满完成。
2、落实优惠政策。及时宣传。
1、精心组织，明确责任。各部门要密切配合。
2、规范操作，严格管理。各单位要按照规定执行。
""")
    assert [c.kind for c in found] == ["para", "list", "list"]
    assert found[0].part == "preamble"
    assert found[2].part == "requirements" and found[2].how == msg("import.why-musts")


def test_paragraph_between_items_continues_the_item_unless_a_new_list_starts() -> None:
    found = chunks("""
1、申请。企业提出申请。
2、审核。部门审核。
审核结果公示7天。
3、拨付。财政拨付。
""")
    assert len(found) == 1 and found[0].nodes[1].lines[0].text == "审核结果公示7天。"


@pytest.mark.parametrize("text, part", [
    ("以党的十七大精神为指导，深入贯彻落实科学发展观。", "guiding_thought"),
    ("为全面贯彻落实精神，结合实际，特制定本方案。", "preamble"),
    ("成立帮扶工作领导小组，组长由校长担任。", "leadership"),
])
def test_inferred_opening_and_group(text: str, part: str) -> None:
    found = chunks("前言段落，没有特别内容。\n" + text) if part == "leadership" else chunks(text)
    assert found[-1].part == part


def test_dated_paragraphs_become_steps() -> None:
    found = chunks("""
为加强交流，开展活动。
2016年2月25日，老师来到幼儿园交流。
大家积极参与。
3月2日，园长参加动员会。
""")
    assert found[-1].part == "steps" and len(found[-1].lead) == 3


def test_dated_list_items_become_steps_and_a_date_line_the_period() -> None:
    found = chunks("""
为做好工作，特制定本方案。
2016年5月至2016年12月。
1、宣传动员阶段(5月5日至5月10日)。召开动员会。
2、调查分析阶段(5月11日至5月20日)。深入企业。
""")
    assert [c.part for c in found] == ["preamble", "period", "steps"]


def test_bullets_are_list_items() -> None:
    found = chunks("## 工作要求\n- 提高认识。要高度重视。\n- 加强交流\n• 总结经验")
    items = found[0].nodes[0].children
    assert [n.title for n in items] == ["提高认识", "加强交流", "总结经验"]


def test_items_of_a_part_headed_by_other_parts_names_are_those_parts() -> None:
    found = chunks("一、总体要求\n（一）指导思想。坚持精准帮扶。\n（二）工作目标。2024年实施协作项目40个以上。\n"
                   "二、实施步骤\n（一）遴选对象（3月1日至3月31日）。确定名单。\n（二）集中培训（4月）。开展培训。")
    assert [c.part for c in found] == ["guiding_thought", "objectives", "steps"]
    assert "40个以上" in found[1].text() and "40个以上" not in found[0].text()


def test_basic_principles_are_the_guiding_thought_only_of_a_plan_without_one() -> None:
    without = chunks("一、基本原则\n坚持因村派人、人岗相适。\n二、工作要求\n要落实责任。")
    with_thought = chunks("一、指导思想\n坚持精准帮扶。\n二、基本原则\n坚持因村派人。\n三、工作要求\n要落实责任。")
    assert [c.part for c in without] == ["guiding_thought", "requirements"]
    assert [c.part for c in with_thought] == ["guiding_thought", None, "requirements"]
