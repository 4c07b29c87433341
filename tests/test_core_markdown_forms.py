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
    text = _plan().replace("## 工作要求", "## 支援目标\n\n两年见效。\n\n## 经费保障\n\n财政安排。\n\n## 工作要求")
    plan = parse_md(text).plan
    assert plan is not None
    assert plan.part("objectives") is not None and plan.part("safeguards") is not None
    assert not [p for p in plan.parts if p.key.startswith("section")]
