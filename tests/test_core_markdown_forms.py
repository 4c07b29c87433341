"""Markdown forms found in real plans: bold titles, a paragraph after a list, text before the steps, titles."""

from __future__ import annotations

from conftest import parse_md

HEAD = """\
---
issuer: 测试小学
period: {start: 2021-03-01, end: 2021-12-31}
---
# 测试方案

## 指导思想

以发展为目标。

## 领导小组

组长：谢春林（石岭乡卫生院院长）

"""


def _plan(steps: str = "## 实施步骤\n\n### 启动（3月1日至3月5日）\n\n召开会议。\n\n", requirements: str = "") -> str:
    return HEAD + steps + "## 工作要求\n\n" + (requirements or "1. **提高认识**。要重视。\n") + "\n"


def test_a_bold_phrase_is_a_title_only_when_punctuation_follows() -> None:
    plan = parse_md(_plan(requirements="- **脱贫劳动力**和农村转移就业劳动者；\n- **提高认识**：要重视。\n")).plan
    assert plan is not None
    items = plan.part("requirements").items  # type: ignore[union-attr]
    assert (items[0].title, items[0].body) == ("", "**脱贫劳动力**和农村转移就业劳动者；")
    assert (items[1].title, items[1].body) == ("提高认识", "要重视。")


def test_a_paragraph_after_a_list_is_not_swallowed_by_the_last_item() -> None:
    plan = parse_md(_plan(requirements="1. **提高认识**。要重视。\n\n本方案自印发之日起施行。\n")).plan
    assert plan is not None
    items = plan.part("requirements").items  # type: ignore[union-attr]
    assert [(i.title, i.body) for i in items] == [("提高认识", "要重视。"), ("", "本方案自印发之日起施行。")]


def test_text_before_the_first_step_is_reported_not_made_a_step_without_title() -> None:
    parsed = parse_md(_plan(steps="## 实施步骤\n\n按以下阶段进行：\n\n### 启动（3月1日至3月5日）\n\n召开会议。\n\n"))
    assert [(p.code, p.line, p.message) for p in parsed.problems] == [
        ("steps-intro", 17, "text before the first step (###) belongs to no step")]


def test_hospital_titles_split_from_the_organisation() -> None:
    plan = parse_md(_plan()).plan
    assert plan is not None
    leader = plan.leadership.leaders[0]
    assert (leader.name, leader.title, leader.org) == ("谢春林", "院长", "石岭乡卫生院")


def test_short_headings_ending_in_a_part_word_are_recognised() -> None:
    text = _plan().replace("## 工作要求", "## 支援目标\n\n两年见效。\n\n## 经费保障\n\n财政安排。\n\n## 重点项目\n\n改造油茶林。\n\n## 工作要求")
    plan = parse_md(text).plan
    assert plan is not None
    assert plan.part("objectives") is not None and plan.part("safeguards") is not None
    assert plan.part("content") is not None  # 重点项目, 主要项目, 培训项目: what the plan does
    assert not [p for p in plan.parts if p.key.startswith("section")]


TABLE_PLAN = """\
---
issuer: 东山镇中心小学
date: 2024-02-20
---
# 东山镇结对帮扶方案

为推进结对帮扶，制定本方案。

## 一、总体要求

坚持以人为本。

## 二、组织领导

| 姓名 | 单位 | 职务 | 小组职务 |
|---|---|---|---|
| 周立群 | 东山镇中心小学 | 校长 | 组长 |
| 林晓 | 东山镇中心小学 | 副校长 | 常务副组长 |
| 陆一鸣 | 滨江学院 | 院长 | 顾问 |

## 三、实施步骤

| 阶段 | 时间 | 主要任务 | 责任单位 |
|---|---|---|---|
| 动员部署 | 2024年3月1日至3月15日 | 召开动员会 | 教导处 |
| 组织实施 | 2024年3月—2024年6月 | 开展送教 | 各结对学校 |

## 四、注意事项

要按时到岗。
"""


def test_leadership_and_steps_tables_in_the_body_are_read() -> None:
    parsed = parse_md(TABLE_PLAN)
    assert parsed.problems == () and parsed.plan is not None
    group = parsed.plan.leadership
    assert [(role, p.name, p.title, p.org, p.role) for role, p in group.roles()] == [
        ("leaders", "周立群", "校长", "东山镇中心小学", ""), ("deputies", "林晓", "副校长", "东山镇中心小学", "常务副组长"),
        ("members", "陆一鸣", "院长", "滨江学院", "顾问")]
    assert [(s.title, str(s.start), str(s.end), s.owner, s.body) for s in parsed.plan.steps] == [
        ("动员部署", "2024-03-01", "2024-03-15", "教导处", "召开动员会"),
        ("组织实施", "2024-03", "2024-06", "各结对学校", "开展送教")]


def test_a_table_in_any_column_order_is_read_the_same() -> None:
    original = parse_md(TABLE_PLAN).plan
    rows = TABLE_PLAN.split("## 二、组织领导\n\n")[1].split("\n\n")[0].splitlines()
    swapped = ["| " + " | ".join([c[3], c[2], c[0], c[1]]) + " |"
               for c in ([x.strip() for x in row.strip("|").split("|")] for row in rows)]
    plan = parse_md(TABLE_PLAN.replace("\n".join(rows), "\n".join(swapped))).plan
    assert plan is not None and original is not None
    assert plan.leadership == original.leadership


def test_the_authors_headings_are_kept_with_their_numbering() -> None:
    plan = parse_md(TABLE_PLAN).plan
    assert plan is not None
    assert [(k, plan.heading(k)) for k in ("preamble", "guiding_thought", "leadership", "steps", "requirements")] == [
        ("preamble", ""), ("guiding_thought", "一、总体要求"), ("leadership", "二、组织领导"),
        ("steps", "三、实施步骤"), ("requirements", "四、注意事项")]


def test_a_table_row_with_an_error_is_reported_at_its_line() -> None:
    parsed = parse_md(TABLE_PLAN.replace("2024年3月1日至3月15日", "2024年2月30日至3月15日"))
    assert [(p.code, p.line) for p in parsed.problems if p.is_error] == [("bad-date", 25)]


def test_a_steps_table_headed_by_its_key_work_and_leading_department_is_read() -> None:
    table = ("## 实施步骤\n\n| 时间 | 重点工作 | 牵头部门 |\n| --- | --- | --- |\n| 3月—4月 | 开展需求调研 | 党委办公室 |\n"
             "| 12月20日前 | 完成年度帮扶总结 | 党委办公室 |\n\n")
    plan = parse_md(_plan(steps=table)).plan
    assert plan is not None
    assert [(s.title, str(s.start), str(s.end), s.owner) for s in plan.steps] == [
        ("开展需求调研", "2021-03", "2021-04", "党委办公室"), ("完成年度帮扶总结", "None", "2021-12-20", "党委办公室")]
