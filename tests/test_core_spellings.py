"""One model, two spellings: YAML and Markdown load into equal Plans and make the same errors.

Also the Markdown forms of docs/plan-format.md: numbered headings, full/half-width punctuation, spaced
labels, empty slots, and the ways dates are written.
"""

from __future__ import annotations

import pytest
from conftest import parse_md, parse_yaml

from plangen.dates import PlanDate
from plangen.model import Person

YAML_PLAN = """\
title: 五井小学城乡学校结对帮扶工作方案
issuer: 五井小学
date: 2016-09-04
period: {start: 2016-09-01, end: 2017-07-15}
preamble: 为促进城乡教育均衡发展，制定本方案。
guiding_thought: 以提高农村学校教育质量为目标。
objectives:
  - {title: 提高质量, body: 结对学校教学质量明显提高。}
  - 促进交流
领导小组:
  name: 帮扶结对活动领导小组
  leaders:
    - {name: 井明泉, title: 校长, org: 五井小学}
    - {name: 于海军, title: 校长, org: 嵩山小学}
  deputies: [{name: 刘钰, title: 副校长, org: 五井小学}]
  members: [{description: 结对学校全体教师}]
  office: {location: 教导处, director: {name: 刘钰}}
steps:
  - {title: 宣传动员阶段, start: 2016-09-01, end: 2016-09-10, owner: 教导处, body: 召开动员大会。}
  - {title: 结对实施阶段, start: 2016-09-11, end: 2017-06-30, body: 互相听课。}
工作要求:
  - {title: 提高认识, body: 要充分认识结对帮扶的意义。}
  - {title: 加强管理, body: 建立帮扶档案。}
sections:
  - {title: 经费来源, heading: 六、经费来源, body: 经费由学校统筹。}
headings: {指导思想: 一、指导思想, objectives: （二）工作目标, leadership: (三) 组织领导, steps: 4. 实施步骤, requirements: 五、工作要求}
"""

MD_PLAN = """\
---
issuer: 五井小学
date: 2016年9月4日
period: {start: 2016.9.1, end: 2017年7月15日}
---
# 五井小学城乡学校结对帮扶工作方案

为促进城乡教育均衡发展，制定本方案。

## 一、指导思想

以提高农村学校教育质量为目标。

## （二）工作目标

1. **提高质量**。结对学校教学质量明显提高。
2. 促进交流

## (三) 组织领导：

成立帮扶结对活动领导小组。

组 长：井明泉（五井小学校长）于海军(嵩山小学校长)
副组长: 刘钰（五井小学副校长）
成员：结对学校全体教师
办公室设在教导处，主任由刘钰兼任。

## 4. 实施步骤

### 第一阶段：宣传动员阶段（9月1日至9月10日）

召开动员大会。
负责人：教导处

### 第二阶段 结对实施阶段（2016年9月11日—2017年6月30日）

互相听课。

## 五、工作要求

1. 提高认识：要充分认识结对帮扶的意义。
2. 加强管理。建立帮扶档案。

## 六、经费来源

经费由学校统筹。
"""


def test_yaml_and_markdown_spellings_load_into_equal_models() -> None:
    from_yaml, from_md = parse_yaml(YAML_PLAN, "plans/wujing.yaml"), parse_md(MD_PLAN, "plans/wujing.md")
    assert from_yaml.problems == () and from_md.problems == ()
    assert from_yaml.plan is not None and from_md.plan is not None
    assert from_yaml.plan == from_md.plan
    assert (from_yaml.plan.kind, from_md.plan.kind) == ("yaml", "markdown")


def test_the_equal_model_has_the_expected_structure() -> None:
    plan = parse_md(MD_PLAN, "plans/wujing.md").plan
    assert plan is not None
    assert plan.slug == "wujing" and plan.date == PlanDate(2016, 9, 4)
    assert plan.leadership.leaders[1] == Person("于海军", "校长", "嵩山小学")
    assert plan.leadership.members == (Person(description="结对学校全体教师"),)
    assert plan.leadership.office is not None and plan.leadership.office.director == Person("刘钰", "副校长", "五井小学")
    assert [(s.title, str(s.start), str(s.end), s.owner) for s in plan.steps] == [
        ("宣传动员阶段", "2016-09-01", "2016-09-10", "教导处"),
        ("结对实施阶段", "2016-09-11", "2017-06-30", ""),
    ]
    assert plan.order == ("preamble", "guiding_thought", "objectives", "leadership", "steps", "requirements",
                          "section-1")


SAME_MISTAKES = [
    # (YAML plan, Markdown plan, the field and message both must report)
    ("issuer: 测试小学\nstatus: done\n", "issuer: 测试小学\nstatus: done\n",
     ("status", "'done' is not one of: draft, active, completed, archived")),
    ("issuer: 测试小学\ndate: 2024-02-30\n", "issuer: 测试小学\ndate: 2024年2月30日\n",
     ("date", None)),
    ("issuer: 测试小学\ncatgory: x\n", "issuer: 测试小学\ncatgory: x\n", ("catgory", "unknown key 'catgory'")),
    ("issuer: xx小学\n", "issuer: xx小学\n", ("issuer", "placeholder 'xx' from an unfilled template")),
    ("tags: [a]\n", "tags: [a]\n", ("issuer", "required")),
]

_BODY = "guiding_thought: 目标。\nleadership: {leaders: [张明]}\nsteps: [{title: 启动}]\nrequirements: [认真]\n"
_MD_BODY = "\n## 指导思想\n\n目标。\n\n## 领导小组\n\n组长：张明\n\n## 实施步骤\n\n1. 启动\n\n## 工作要求\n\n- 认真\n"


@pytest.mark.parametrize(("yaml_meta", "md_meta", "wanted"), SAME_MISTAKES)
def test_the_same_mistake_gives_the_same_error_in_both_spellings(yaml_meta: str, md_meta: str,
                                                                  wanted: tuple[str, str | None]) -> None:
    from_yaml = parse_yaml("title: 方案\n" + yaml_meta + _BODY)
    from_md = parse_md("---\n" + md_meta + "---\n# 方案\n" + _MD_BODY)
    as_yaml = [(p.severity, p.field, p.message) for p in from_yaml.problems]
    as_md = [(p.severity, p.field, p.message) for p in from_md.problems]
    assert as_yaml and len(as_yaml) == len(as_md)
    assert [f for _, f, _ in as_yaml] == [f for _, f, _ in as_md]
    field, message = wanted
    assert as_yaml[0][1] == field
    if message is not None:
        assert as_yaml == as_md and as_yaml[0][2] == message


def test_the_same_step_mistake_in_both_spellings() -> None:
    from_yaml = parse_yaml("title: 方案\nissuer: 测试小学\nperiod: {start: 2016-09-01, end: 2016-12-31}\n"
                           "guiding_thought: 目标。\nleadership: {leaders: [张明]}\n"
                           "steps: [{title: 启动, start: 2016-09-01, end: 2016-09-31}]\nrequirements: [认真]\n")
    from_md = parse_md("---\nissuer: 测试小学\nperiod: {start: 2016-09-01, end: 2016-12-31}\n---\n# 方案\n"
                       "## 指导思想\n目标。\n## 领导小组\n组长：张明\n## 实施步骤\n"
                       "1. 启动（2016年9月1日至9月31日）\n## 工作要求\n- 认真\n")
    assert [(p.field, p.code) for p in from_yaml.problems] == [("steps[0].end", "bad-date")]
    assert [(p.field, p.code) for p in from_md.problems] == [("steps[0].end", "bad-date")]


# --- Markdown forms -------------------------------------------------------------------------------

_SKELETON = "---\nissuer: 测试小学\ndate: 2016-03-01\n---\n# 方案\n{parts}"
_PARTS = {
    "guiding_thought": "## {h}指导思想\n目标。\n",
    "leadership": "## {h}领导小组\n组长：张明\n",
    "steps": "## {h}实施步骤\n1. 启动\n",
    "requirements": "## {h}工作要求\n- 认真\n",
}


@pytest.mark.parametrize("numbering", ["", "一、", "（一）", "(一)", "1. ", "1、", "(1)", "① ", "第一部分 ", "二. ", "第一阶段：", "第一条 "])
def test_headings_are_recognised_with_any_numbering(numbering: str) -> None:
    text = _SKELETON.format(parts="".join(p.format(h=numbering) for p in _PARTS.values()))
    parsed = parse_md(text)
    assert parsed.problems == () and parsed.plan is not None


@pytest.mark.parametrize(("heading", "key"), [
    ("总体思路", "guiding_thought"), ("工作领导小组：", "leadership"), ("组织机构:", "leadership"),
    ("进度安排", "steps"), ("实施阶段", "steps"), ("有关要求", "requirements"), ("注意事项", "requirements"),
    ("帮扶对象", "targets"), ("主要措施", "measures"), ("帮扶形式", "forms"), ("总体目标", "objectives"),
    ("成立 领导小组", "leadership"), ("ＧＵＩＤＥ", None),
    ("二、帮扶期限", "period"), ("救助时间", "period"), ("帮扶周期", "period"), ("时间：", None), ("时间安排", "steps"),
    ("二、选聘对象和条件", "targets"), ("帮扶对象及范围", "targets"), ("申报条件", None), ("三、监测范围", "targets"),
])
def test_heading_synonyms(heading: str, key: str | None) -> None:
    from plangen.vocabulary import recognise_heading
    assert recognise_heading(heading) == key


def test_unrecognised_headings_become_sections_in_order() -> None:
    parts = "".join(_PARTS.values()) + "## 七、经费来源\n学校统筹。\n## 附：联系方式\n"
    plan = parse_md(_SKELETON.format(parts=parts)).plan
    assert plan is not None
    assert [(p.title, p.body) for p in plan.parts if p.key.startswith("section")] == [("经费来源", "学校统筹。"),
                                                                                    ("附：联系方式", "")]


@pytest.mark.parametrize("line", [
    "组长：张明（测试小学校长）", "组长:张明(测试小学校长)", "组 长：张明（测试小学校长）", "组　长: 张明（测试小学校长）",
    "- 组长：张明（测试小学，校长）", "**组长**：张明（测试小学校长）",
])
def test_leadership_lines_in_any_punctuation(line: str) -> None:
    parts = "".join(v for k, v in _PARTS.items() if k != "leadership").format(h="")
    plan = parse_md(_SKELETON.format(parts=f"## 领导小组\n{line}\n" + parts)).plan
    assert plan is not None and plan.leadership.leaders == (Person("张明", "校长", "测试小学"),)


def test_prose_leadership_and_empty_slot() -> None:
    parts = "".join(v for k, v in _PARTS.items() if k != "leadership").format(h="")
    prose = parse_md(_SKELETON.format(parts="## 领导小组\n由县委常委李明任组长，王强任副组长。\n" + parts))
    assert prose.plan is not None and prose.plan.leadership.leaders == (Person("李明", "县委常委"),)
    empty = parse_md(_SKELETON.format(parts="## 领导小组\n组长：\n副组长：王强\n" + parts))
    assert [(p.severity, p.field, p.code) for p in empty.problems] == [("warning", "leadership.leaders", "no-leader")]


@pytest.mark.parametrize(("written", "start", "end"), [
    ("启动（2016年9月1日至2016年9月10日）", "2016-09-01", "2016-09-10"),
    ("启动 2016.9.1—2016.9.10", "2016-09-01", "2016-09-10"),
    ("启动：2016-09-01 ~ 2016-09-10", "2016-09-01", "2016-09-10"),
    ("启动(9月1日-9月10日)", "2016-09-01", "2016-09-10"),
    ("启动（9月1日至10日）", "2016-09-01", "2016-09-10"),
    ("启动（2016年11月至次年1月）", "2016-11", "2017-01"),
    ("启动（９月１日～９月１０日）", "2016-09-01", "2016-09-10"),
    ("启动（2016年9月1日）", "2016-09-01", "None"),
])
def test_step_dates_in_every_written_form(written: str, start: str, end: str) -> None:
    parts = "".join(v for k, v in _PARTS.items() if k != "steps").format(h="")
    parsed = parse_md(_SKELETON.format(parts=parts + f"## 实施步骤\n### {written}\n内容。\n"))
    assert parsed.plan is not None, parsed.problems
    (step,) = parsed.plan.steps
    assert (step.title, str(step.start), str(step.end)) == ("启动", start, end)


def test_period_part_and_attachments_and_basis_in_markdown() -> None:
    parts = "".join(_PARTS.values()).format(h="")
    text = _SKELETON.format(parts=parts + "## 实施时间\n2016年9月至2017年7月。\n"
                                         "## 工作依据\n根据《城乡学校结对帮扶实施方案》（甘人社通〔2015〕103号）精神。\n"
                                         "## 附件\n1. 结对名单\n2. 附件2：活动记录表\n")
    plan = parse_md(text).plan
    assert plan is not None
    assert (str(plan.period.start), str(plan.period.end)) == ("2016-09", "2017-07")
    assert [a.title for a in plan.attachments] == ["结对名单", "活动记录表"]
    assert [(b.title, b.number) for b in plan.basis] == [("城乡学校结对帮扶实施方案", "甘人社通〔2015〕103号")]


def test_fenced_code_does_not_start_parts() -> None:
    parts = "".join(_PARTS.values()).format(h="")
    plan = parse_md(_SKELETON.format(parts=parts.replace("- 认真\n", "- 认真\n\n```\n## 实施步骤\n```\n"))).plan
    assert plan is not None and len(plan.steps) == 1


def test_steps_written_as_paragraphs() -> None:
    parts = "".join(v for k, v in _PARTS.items() if k != "steps").format(h="")
    text = _SKELETON.format(parts=parts + "## 实施步骤\n\n第一阶段：动员（3月1日至3月5日）。召开动员会，\n"
                                          "布置任务。\n\n第二阶段：实施（3月6日至6月30日）。结对听课。\n")
    plan = parse_md(text).plan
    assert plan is not None
    assert [(s.title, str(s.start), str(s.end), s.body) for s in plan.steps] == [
        ("动员", "2016-03-01", "2016-03-05", "召开动员会，\n布置任务。"),
        ("实施", "2016-03-06", "2016-06-30", "结对听课。"),
    ]


@pytest.mark.parametrize("numbers", [("（一）", "（二）"), ("(1)", "(2)"), ("一、", "二、"), ("①", "②"),
                                     ("第一阶段：", "第二阶段："), ("第一条 ", "第二条 ")])
def test_pasted_outline_numbers_without_list_syntax_make_items(numbers: tuple[str, str]) -> None:
    first, second = numbers
    parts = "".join(v for k, v in _PARTS.items() if k not in ("steps", "requirements")).format(h="")
    text = _SKELETON.format(parts=parts + f"## 实施步骤\n{first}动员（3月1日至3月5日）\n召开动员会。\n"
                                          f"{second}实施（3月6日至6月30日）\n结对听课。\n"
                                          f"## 工作要求\n{first}提高认识。要重视。\n\n{second}加强管理。\n")
    plan = parse_md(text).plan
    assert plan is not None
    assert [(s.title, str(s.start), s.body) for s in plan.steps] == [("动员", "2016-03-01", "召开动员会。"),
                                                                    ("实施", "2016-03-06", "结对听课。")]
    requirements = plan.part("requirements")
    assert requirements is not None
    assert [(i.title, i.body) for i in requirements.items] == [("提高认识", "要重视。"), ("", "加强管理。")]


def test_text_that_merely_starts_like_a_number_stays_text() -> None:
    parts = "".join(v for k, v in _PARTS.items() if k != "guiding_thought").format(h="")
    plan = parse_md(_SKELETON.format(parts=parts + "## 指导思想\n第一书记驻村帮扶，\n一是抓教学。\n")).plan
    assert plan is not None and plan.part("guiding_thought") is not None
    assert plan.part("guiding_thought").body == "第一书记驻村帮扶，\n一是抓教学。"  # type: ignore[union-attr]
