"""The structured diff of two plans, change kind by change kind."""

from __future__ import annotations

from conftest import parse_md, parse_yaml
from git_helpers import PLAN

from plangen.diff import diff_pair, diff_plans, version_of
from plangen.diff.model import Change
from plangen.model import Plan


def plan(text: str) -> Plan:
    parsed = parse_yaml(text, "plans/a.yaml")
    assert parsed.plan is not None, parsed.problems
    return parsed.plan


def changes(new_text: str, old_text: str = PLAN) -> list[Change]:
    return list(diff_plans(plan(old_text), plan(new_text)))


def kinds(found: list[Change]) -> list[tuple[str, str]]:
    return [(c.kind, c.label) for c in found]


def test_same_plan_no_change() -> None:
    assert changes(PLAN) == []


def test_metadata_field_and_list_changes() -> None:
    found = changes(PLAN.replace("date: 2016-09-04", "date: 2016-09-06").replace("[结对帮扶]", "[结对帮扶, 送教下乡]"))
    assert [(c.kind, c.path, c.old, c.new) for c in found] == [
        ("field-changed", "date", "2016-09-04", "2016-09-06"), ("item-added", "tags", "", "送教下乡")]
    assert found[0].label == "印发日期"


def test_person_added_and_removed() -> None:
    found = changes(PLAN.replace("{name: 刘钰, title: 副校长, org: 五井小学}", "{name: 王五, title: 主任, org: 嵩山小学}"))
    assert kinds(found) == [("person-removed", "刘钰"), ("person-added", "王五")]
    assert found[1].new == "副组长 · 主任 · 嵩山小学"


def test_person_role_title_and_org_changes() -> None:
    swapped = PLAN.replace("leaders:  [{name: 井明泉, title: 校长", "leaders:  [{name: 井明泉, title: 书记")
    swapped = swapped.replace("{name: 刘钰, title: 副校长, org: 五井小学}", "{name: 刘钰, title: 副校长, org: 嵩山小学}")
    found = changes(swapped)
    assert [(c.kind, c.label, c.old, c.new) for c in found] == [
        ("person-changed", "井明泉", "组长 · 校长 · 五井小学", "组长 · 书记 · 五井小学"),
        ("person-changed", "刘钰", "副组长 · 副校长 · 五井小学", "副组长 · 副校长 · 嵩山小学")]


def test_people_matched_by_name_not_position() -> None:
    moved = PLAN.replace("  leaders:  [{name: 井明泉, title: 校长, org: 五井小学}]\n",
                         "  leaders:  [{name: 张三, title: 书记, org: 五井小学}, {name: 井明泉, title: 校长, org: 五井小学}]\n")
    assert kinds(changes(moved)) == [("person-added", "张三")]
    role = PLAN.replace("leaders:  [{name: 井明泉, title: 校长, org: 五井小学}]", "leaders: [{name: 刘钰, title: 副校长, org: 五井小学}]")
    role = role.replace("deputies: [{name: 刘钰, title: 副校长, org: 五井小学}]", "deputies: [{name: 井明泉, title: 校长, org: 五井小学}]")
    assert [(c.label, c.old, c.new) for c in changes(role)] == [
        ("井明泉", "组长 · 校长 · 五井小学", "副组长 · 校长 · 五井小学"),
        ("刘钰", "副组长 · 副校长 · 五井小学", "组长 · 副校长 · 五井小学")]


TOP_STEP = "  - {title: 准备阶段, start: 2016-09-01, end: 2016-09-04}\n"


def test_step_inserted_at_top_is_one_added_step() -> None:
    found = changes(PLAN.replace("  - {title: 宣传动员阶段", TOP_STEP + "  - {title: 宣传动员阶段"))
    assert kinds(found) == [("step-added", "实施步骤「准备阶段」")]
    assert found[0].new == "准备阶段 (2016-09-01 — 2016-09-04)"


def test_step_removed_retitled_dates_moved() -> None:
    new = PLAN.replace("  - {title: 总结表彰阶段, start: 2017-12-01, end: 2017-12-31, owner: 校长室, body: 评选先进个人。}\n", "")
    new = new.replace("title: 宣传动员阶段, start: 2016-09-05", "title: 宣传发动阶段, start: 2016-09-06")
    found = changes(new)
    assert [(c.kind, c.old, c.new) for c in found] == [
        ("step-retitled", "宣传动员阶段", "宣传发动阶段"),
        ("step-dates", "2016-09-05 — 2016-09-10", "2016-09-06 — 2016-09-10"),
        ("step-removed", "总结表彰阶段 (2017-12-01 — 2017-12-31) 负责：校长室\n评选先进个人。", "")]


def test_steps_reordered_reports_the_moved_step_only() -> None:
    last = "  - {title: 总结表彰阶段, start: 2017-12-01, end: 2017-12-31, owner: 校长室, body: 评选先进个人。}\n"
    new = PLAN.replace(last, "").replace("  - {title: 宣传动员阶段", last + "  - {title: 宣传动员阶段")
    assert [(c.kind, c.old, c.new) for c in changes(new)] == [("step-moved", "第3步", "第1步")]


def test_step_with_id_matched_even_when_everything_changed() -> None:
    old = PLAN.replace("{title: 宣传动员阶段,", "{id: s1, title: 宣传动员阶段,")
    new = PLAN.replace("{title: 宣传动员阶段, start: 2016-09-05, end: 2016-09-10, owner: 教导处, body: 召开全体教师动员大会。}",
                       "{id: s1, title: 启动, start: 2016-09-07, end: 2016-09-10, owner: 教导处, body: 召开大会。}")
    assert [c.kind for c in changes(new, old)] == ["step-retitled", "step-dates", "text"]


def test_step_body_text_change_by_character() -> None:
    (change,) = changes(PLAN.replace("开展送教下乡活动。", "开展送教上门活动。"))
    assert change.kind == "text" and change.path == "steps[组织实施阶段].body"
    assert [(s.op, s.text) for s in change.hunks[0].spans if s.op != "same"] == [("old", "下乡"), ("new", "上门")]


def test_parts_and_sections_added_removed_retitled() -> None:
    extra = PLAN + "measures: [建立档案]\nsections: [{title: 补贴标准, body: 每人每月一百元。}]\n"
    assert kinds(changes(extra)) == [("part-added", "主要措施"), ("part-added", "补贴标准")]
    assert kinds(changes(PLAN, extra)) == [("part-removed", "主要措施"), ("part-removed", "补贴标准")]
    renamed = extra.replace("title: 补贴标准", "title: 补助标准")
    assert [(c.kind, c.old, c.new) for c in changes(renamed, extra)] == [("part-retitled", "补贴标准", "补助标准")]


def test_part_text_change_in_context() -> None:
    (change,) = changes(PLAN.replace("提高农村学校", "提升农村学校"))
    assert change.kind == "text" and change.label == "指导思想"
    assert len("".join(s.text for s in change.hunks[0].spans)) < 25
    assert [(s.op, s.text) for s in change.hunks[0].spans if s.op != "same"] == [("old", "高"), ("new", "升")]


MD = """\
---
issuer: 五井小学
date: 2016-09-04
period: {start: 2016-09-01, end: 2017-12-31}
tags: [结对帮扶]
---
# 五井小学结对帮扶工作方案

## 一、指导思想

以科学发展观为指导，促进城乡教育均衡发展，提高农村学校教育教学质量。

## 二、帮扶结对活动领导小组

组长：井明泉（五井小学校长）
副组长：刘钰（五井小学副校长）
成员：结对学校全体教师

## 三、实施步骤

### 宣传动员阶段（2016年9月5日至9月10日）

负责：教导处

召开全体教师动员大会。

### 组织实施阶段（2016年9月11日至2017年11月30日）

负责：教导处

开展送教下乡活动。

### 总结表彰阶段（2017年12月1日至12月31日）

负责：校长室

评选先进个人。

## 四、工作要求

- **提高认识**：各校要高度重视结对帮扶工作。
"""


def test_yaml_and_its_markdown_rewrite_show_no_change() -> None:
    yaml_side = version_of(parse_yaml(PLAN, "plans/a.yaml"))
    md_side = version_of(parse_md(MD, "plans/a.md"))
    assert diff_pair(yaml_side, md_side).status == "unchanged"


def test_invalid_side_is_reported_not_raised() -> None:
    good = version_of(parse_yaml(PLAN, "plans/a.yaml"))
    bad = version_of(parse_yaml("title: [\n", "plans/a.yaml"))
    diff = diff_pair(good, bad)
    assert diff.status == "invalid" and diff.new_errors and not diff.old_errors
    assert "YAML" in diff.new_errors[0].message


def test_steps_with_different_ids_are_different_steps() -> None:
    old = PLAN.replace("{title: 宣传动员阶段,", "{id: a, title: 宣传动员阶段,")
    new = PLAN.replace("{title: 宣传动员阶段,", "{id: b, title: 宣传动员阶段,")
    assert [c.kind for c in changes(new, old)] == ["step-removed", "step-added"]


def test_the_document_number_and_the_authors_headings_are_changes() -> None:
    numbered = PLAN.replace("issuer: 五井小学\n", "issuer: 五井小学\nnumber: 五教发〔2016〕3号\n"
                            "headings: {guiding_thought: 一、总体要求, steps: 三、活动安排}\n")
    assert [(c.kind, c.path, c.old, c.new) for c in changes(numbered)] == [
        ("field-changed", "number", "", "五教发〔2016〕3号"),
        ("field-changed", "headings.guiding_thought", "", "一、总体要求"),
        ("field-changed", "headings.steps", "", "三、活动安排")]
    renumbered = numbered.replace("〔2016〕3号", "〔2016〕4号").replace("三、活动安排", "三、工作安排")
    found = changes(renumbered, numbered)
    assert [(c.path, c.old, c.new) for c in found] == [
        ("number", "五教发〔2016〕3号", "五教发〔2016〕4号"), ("headings.steps", "三、活动安排", "三、工作安排")]
    assert found[0].label == "文号"


def test_textconv_shows_the_number_and_the_headings() -> None:
    from plangen.textconv import canonical_text
    numbered = PLAN.replace("issuer: 五井小学\n", "issuer: 五井小学\nnumber: 五教发〔2016〕3号\n"
                            "headings: {guiding_thought: 一、总体要求}\n")
    text = canonical_text(plan(numbered))
    assert "文号: 五教发〔2016〕3号" in text and "一、总体要求" in text
    assert canonical_text(plan(PLAN)) != text
